/* Unit tests of case files: facts, history and appending. */
#include "case.h"
#include "date.h"
#include "testutil.h"

static const char base[] =
    "# kommentar\nsams-case: 1\nid: T-1\nmodel: sams\n"
    "placement:\n  type: hvb\n  date: 2026-12-01\n"
    "lokal: behålls\n"
    "contacts:\n  socialtjanst: Anna Andersson\n"
    "history:\n  - {date: 2026-11-20, event: opened, by: Anna}\n";

static struct casefile *
load(const char *text)
{
	return case_load(xstrdup(text), strlen(text), "c.yml");
}

/*
 * What a test allocates, freed by teardown even when an assertion fails:
 * the cases it loads and the texts it makes (a text handed to case_load()
 * is the case's, so the slot is cleared).
 */
struct fixture {
	struct casefile	*c, *again;
	char		*text, *out;
};

static int
setup(void **state)
{
	*state = xcalloc(1, sizeof(struct fixture));
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	case_free(f->c);
	case_free(f->again);
	free(f->text);
	free(f->out);
	free(f);
	return 0;
}

static void
test_case_reads_facts_with_defaults(void **state)
{
	struct fixture *f = *state;

	f->c = load(base);
	assert_non_null(f->c);
	assert_string_equal(f->c->id, "T-1");
	assert_string_equal(case_fact(f->c, "placement.type"), "hvb");
	assert_string_equal(case_fact(f->c, "school.change"), "true");
	assert_string_equal(case_fact(f->c, "placement.acute"), "false");
	assert_null(case_fact(f->c, "placement.end"));
	assert_string_equal(case_fact(f->c, "contacts.socialtjanst"),
	    "Anna Andersson");
	assert_int_equal(f->c->nevents, 1);
	assert_int_equal(f->c->item_col, 3);
}

static void
test_case_set_events_override_the_header(void **state)
{
	struct fixture *f = *state;
	long d;

	f->text = xasprintf("%s  - {date: 2026-11-21, event: set, fact: "
	    "placement.date, value: 2026-12-15}\n", base);
	f->c = load(f->text);
	assert_non_null(f->c);
	assert_string_equal(case_fact(f->c, "placement.date"), "2026-12-15");
	assert_int_equal(date_parse("2026-12-15", &d), 0);
	assert_int_equal(case_fact_date(f->c, "placement.date"), d);
	assert_int_equal(date_parse("2026-11-20", &d), 0);
	assert_int_equal(case_opened(f->c), d);
}

static void
test_case_append_keeps_every_byte_and_the_indentation(void **state)
{
	struct fixture *f = *state;
	struct event ev;
	size_t len;

	f->c = load(base);
	memset(&ev, 0, sizeof(ev));
	ev.kind = EV_DONE;
	assert_int_equal(date_parse("2026-11-22", &ev.date), 0);
	ev.step = "ip-kartlagg";
	ev.by = "Bo: \"B\" Berg";
	ev.note = "rad 1\nrad 2";
	f->out = case_append(f->c, &ev, &len);
	assert_non_null(f->out);
	assert_memory_equal(f->out, base, strlen(base));
	assert_string_equal(f->out + strlen(base), "  - {date: 2026-11-22, "
	    "event: done, step: ip-kartlagg, by: \"Bo: \\\"B\\\" Berg\", "
	    "note: \"rad 1\\nrad 2\"}\n");
	f->again = case_load(f->out, len, "c.yml");
	f->out = NULL;
	assert_non_null(f->again);
	assert_int_equal(f->again->nevents, 2);
	assert_string_equal(f->again->events[1].by, "Bo: \"B\" Berg");
	assert_string_equal(f->again->events[1].note, "rad 1\nrad 2");
}

static void
test_case_append_adds_a_missing_final_newline(void **state)
{
	struct fixture *f = *state;
	struct event ev;
	size_t len;

	f->text = xstrndup(base, strlen(base) - 1);
	f->c = load(f->text);
	memset(&ev, 0, sizeof(ev));
	ev.kind = EV_NOTE;
	ev.note = "x";
	f->out = case_append(f->c, &ev, &len);
	assert_memory_equal(f->out, f->text, strlen(f->text));
	assert_string_equal(f->out + strlen(f->text), "\n  - {date: "
	    "1970-01-01, event: note, note: x}\n");
}

static void
test_case_append_refuses_when_history_is_not_last(void **state)
{
	struct fixture *f = *state;
	struct event ev;
	size_t len;

	memset(&ev, 0, sizeof(ev));
	ev.kind = EV_NOTE;
	ev.note = "x";
	f->c = load("sams-case: 1\nid: X\nmodel: sams\nhistory:\n"
	    "- {date: 2026-11-20, event: opened}\nslut: här\n");
	assert_non_null(f->c);
	f->out = case_append(f->c, &ev, &len);
	assert_null(f->out);
	assert_reported("c.yml: error: cannot add to the history");
	f->again = load("sams-case: 1\nid: X\nmodel: sams\nhistory: "
	    "[{date: 2026-11-20, event: opened}]\n");
	assert_non_null(f->again);
	f->out = case_append(f->again, &ev, &len);
	assert_null(f->out);
	messages();
}

static void
test_case_rejects_bad_events_and_facts(void **state)
{
	struct fixture *f = *state;
	const char *msg;

	f->c = load("sams-case: 2\nid: X\nmodel: sams\n"
	    "school: {change: ja, form: universitet}\nhistory:\n"
	    "- {date: 2026-11-31, event: opened}\n"
	    "- {date: 2026-11-20, event: skip, step: a}\n"
	    "- {date: 2026-11-20, event: note, note: x, step: a}\n"
	    "- {date: 2026-11-20, event: set, fact: id, value: Y}\n"
	    "- just text\n");
	assert_null(f->c);
	msg = messages();
	assert_non_null(strstr(msg, "c.yml:1:12: error: unsupported "
	    "sams-case format"));
	assert_non_null(strstr(msg, "c.yml:4:18: error: 'school.change' is "
	    "not true or false"));
	assert_non_null(strstr(msg, "c.yml:4:28: error: 'school.form' must "
	    "be"));
	assert_non_null(strstr(msg, "c.yml:6:10: error: event date is not a "
	    "date"));
	assert_non_null(strstr(msg, "c.yml:7:3: error: 'skip' event lacks "
	    "the key 'reason'"));
	assert_non_null(strstr(msg, "c.yml:8:3: error: 'note' event has no "
	    "key 'step'"));
	assert_non_null(strstr(msg, "c.yml:9:3: error: event sets a fact "
	    "that cannot be set"));
	assert_non_null(strstr(msg, "c.yml:10:3: error: a history entry must "
	    "be a mapping"));
}

/* The message offers every kind the reader takes, replace too. */
static void
test_case_unknown_event_lists_every_kind(void **state)
{
	struct fixture *f = *state;
	const char *msg;
	int kind;

	f->c = load("sams-case: 1\nid: X\nmodel: sams\nhistory:\n"
	    "- {date: 2026-11-20, event: omplacering}\n");
	assert_null(f->c);
	msg = messages();
	assert_non_null(strstr(msg, "c.yml:5:29: error: unknown event; use "
	    "opened, done, skip, reopen, note, set or replace\n"));
	for (kind = 0; kind < EV_COUNT; kind++)
		assert_non_null(strstr(msg, event_kind_name(kind)));
}

/* What "sams new" writes reads back as the same facts and event. */
static void
assert_reads_back(struct fixture *f, const struct case_header *h,
    const struct event *opened)
{
	size_t i, len;

	free(f->text);
	f->text = case_new_text(h, opened, &len);
	assert_int_equal(strlen(f->text), len);
	case_free(f->c);
	f->c = case_load(xstrndup(f->text, len), len, "c.yml");
	if (f->c == NULL)
		fail_msg("does not read back:\n%s\n%s", f->text, messages());
	assert_string_equal(f->c->id, h->id);
	assert_string_equal(case_fact(f->c, "model"), h->model);
	assert_string_equal(case_fact(f->c, "placement.type"), h->type);
	assert_string_equal(case_fact(f->c, "placement.date"),
	    h->placement_date);
	assert_string_equal(case_fact(f->c, "placement.acute"), h->acute ?
	    "true" : "false");
	assert_string_equal(case_fact(f->c, "school.change"),
	    h->school_change ? "true" : "false");
	assert_string_equal(case_fact(f->c, "school.form"), h->form);
	assert_string_equal(case_fact(f->c, "school.sending"), h->sending);
	assert_string_equal(case_fact(f->c, "school.receiving"), h->receiving);
	for (i = 0; i < h->ncontacts; i++) {
		free(f->out);
		f->out = xasprintf("contacts.%s", h->contacts[i].role);
		assert_string_equal(case_fact(f->c, f->out),
		    h->contacts[i].name);
	}
	assert_int_equal(f->c->nevents, 1);
	assert_int_equal(f->c->events[0].kind, EV_OPENED);
	assert_int_equal(f->c->events[0].date, opened->date);
	assert_string_equal(f->c->events[0].by, opened->by);
	assert_string_equal(f->c->events[0].note, opened->note);
	assert_true(f->c->appendable);
}

static void
test_case_new_text_reads_back_hostile_values(void **state)
{
	/* Each is a YAML indicator, comment, quote or word in disguise. */
	static const char *const hostile[] = {
		"Skola: Norr", "Skolan #2", "a #b", "#tagg", "\"citat\"",
		"'apostrof'", "- lista", "-", "? fråga", "[x]", "{y: z}",
		"&ankare", "*alias", "!tagg", "%dir", "@x", "`x", "|", ">",
		"  mellanslag  ", "null", "~", "true", "no", "0123", "1e3",
		"2026-13-45", "a\\b", "tab\tin", "Åsa Öberg–Ång ✓"
	};
	struct case_contact contacts[] = {
		{ "socialtjanst", "Anna: Andersson" },
		{ "mentor", "- Bo #1" },
	};
	struct case_header h = {
		.id = "K7Q2-9XHD", .model = "sams", .type = "hvb",
		.placement_date = "2026-12-01", .acute = 1,
		.school_change = 0, .form = "grundskola",
		.contacts = contacts, .ncontacts = 2,
	};
	struct fixture *f = *state;
	struct event opened;
	size_t i;

	memset(&opened, 0, sizeof(opened));
	opened.kind = EV_OPENED;
	assert_int_equal(date_parse("2026-11-20", &opened.date), 0);
	opened.note = "rad 1\nrad 2: \"x\" # y";	/* notes keep newlines */
	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		h.sending = hostile[i];
		h.receiving = hostile[(i + 1) % (sizeof(hostile) /
		    sizeof(hostile[0]))];
		contacts[1].name = hostile[i];
		opened.by = hostile[i];
		assert_reads_back(f, &h, &opened);
	}
}

/* A header given nothing but an id and a model, as sams new may write. */
static void
test_case_new_text_leaves_out_what_is_not_given(void **state)
{
	static const char want[] = "sams-case: 1\nid: A-1\nmodel: sams\n"
	    "placement:\n  acute: false\n  other-municipality: false\n"
	    "  lvu: false\nchild:\n  protected: false\nschool:\n"
	    "  change: true\n"
	    "history:\n- {date: 2026-11-20, event: opened, by: Bo}\n";
	struct case_header h = { .id = "A-1", .model = "sams",
	    .school_change = 1 };
	struct fixture *f = *state;
	struct event opened;
	const char *body;
	size_t len;

	memset(&opened, 0, sizeof(opened));
	opened.kind = EV_OPENED;
	opened.by = "Bo";
	assert_int_equal(date_parse("2026-11-20", &opened.date), 0);
	f->text = case_new_text(&h, &opened, &len);
	assert_int_equal(f->text[0], '#');	/* a comment on the format */
	body = strstr(f->text, "sams-case: ");
	assert_non_null(body);
	assert_string_equal(body, want);
	f->c = case_load(f->text, len, "c.yml");
	f->text = NULL;
	assert_non_null(f->c);
	assert_null(case_fact(f->c, "placement.type"));
	assert_null(case_fact(f->c, "school.sending"));
	assert_null(f->c->events[0].note);
}

/* lint asks the reader which keys it knows: these are its tables. */
static void
test_case_tells_which_keys_it_reads(void **state)
{
	static const char *const read[] = { "sams-case", "id", "model",
	    "contacts", "history" };
	static const char *const events[] = { "date", "event", "step",
	    "fact", "value", "by", "reason", "note" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(read) / sizeof(read[0]); i++)
		assert_int_equal(case_top_key(read[i]), CASE_KEY_READ);
	assert_int_equal(case_top_key("placement"), CASE_KEY_FACTS);
	assert_int_equal(case_top_key("school"), CASE_KEY_FACTS);
	assert_int_equal(case_top_key("lokal"), CASE_KEY_UNKNOWN);
	assert_int_equal(case_top_key("Id"), CASE_KEY_UNKNOWN);
	for (i = 0; i < sizeof(events) / sizeof(events[0]); i++)
		assert_true(case_event_key(events[i]));
	assert_false(case_event_key("kind"));
	assert_false(case_event_key("placement"));
}

/* Found by fuzz_case: a second history wrote past the first's events. */
static void
test_case_reads_only_the_first_of_duplicate_keys(void **state)
{
	struct fixture *f = *state;

	f->c = load("sams-case: 1\nid: X\nmodel: sams\nhistory:\n"
	    "- {date: 2026-11-20, event: opened}\n"
	    "- {date: 2026-11-21, event: note, note: a}\n"
	    "history:\n- {date: 2026-11-22, event: note, note: b}\n"
	    "- {date: 2026-11-23, event: note, note: c}\n"
	    "- {date: 2026-11-24, event: note, note: d}\n");
	assert_null(f->c);
	assert_reported("c.yml:7:1: error: duplicate key, first at 4:1");
}

/* A fact written twice in a group: reported once, at the second. */
static void
test_case_reports_duplicate_facts(void **state)
{
	struct fixture *f = *state;

	f->c = load("sams-case: 1\nid: X\nmodel: sams\nplacement:\n"
	    "  type: hvb\n  type: sis\nhistory:\n");
	assert_null(f->c);
	assert_reported("c.yml:6:3: error: duplicate key, first at 5:3");
}

/* model: is an id, so "../../x" never becomes a path to a file. */
static void
test_case_model_must_be_an_id(void **state)
{
	static const char *const bad[] = { "../../x", "/etc/passwd", "Sams",
	    "a/b", "\"\"", "-x" };
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		free(f->text);
		f->text = xasprintf("sams-case: 1\nid: X\nmodel: %s\n"
		    "history:\n", bad[i]);
		f->c = load(f->text);
		assert_null(f->c);
		assert_reported("c.yml:3:8: error: ");
	}
	f->c = load("sams-case: 1\nid: X\nmodel: ../../x\nhistory:\n");
	assert_null(f->c);
	assert_reported("c.yml:3:8: error: 'model' must be a model id");
}

/* Keys of a case can be names: messages give the position instead. */
static void
test_case_never_names_an_unknown_event_key(void **state)
{
	struct fixture *f = *state;
	const char *msg;

	f->c = load("sams-case: 1\nid: X\nmodel: sams\nhistory:\n"
	    "- {date: 2026-11-20, event: opened, Kanariefågel: 1}\n");
	assert_null(f->c);
	msg = messages();
	assert_non_null(strstr(msg, "c.yml:5:37: error: unknown key in an "
	    "event"));
	assert_null(strstr(msg, "Kanarie"));
}

/*
 * Found by fuzz_append: after a document end marker an appended line
 * starts a second document; such a case is not appendable.
 */
static void
test_case_append_refuses_after_a_document_end(void **state)
{
	static const char *const tails[] = { "...\n", "...\n# slut\n",
	    "# före\n...\n" };
	struct fixture *f = *state;
	struct event ev;
	size_t i, len;

	memset(&ev, 0, sizeof(ev));
	ev.kind = EV_NOTE;
	ev.note = "x";
	for (i = 0; i < 3; i++) {
		free(f->text);
		f->text = xasprintf("%s%s", base, tails[i]);
		case_free(f->c);
		f->c = load(f->text);
		assert_non_null(f->c);
		assert_false(f->c->appendable);
		f->out = case_append(f->c, &ev, &len);
		assert_null(f->out);
		assert_reported("c.yml: error: cannot add to the history");
	}
	free(f->text);
	f->text = xasprintf("%s# slut\n\n  # ö\n", base);
	case_free(f->c);
	f->c = load(f->text);
	assert_true(f->c->appendable);
}

static void
test_case_requires_its_keys(void **state)
{
	struct fixture *f = *state;

	f->c = load("id: X\n");
	assert_null(f->c);
	assert_reported("c.yml:1:1: error: the case file lacks the required "
	    "key 'sams-case'");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_case_reads_facts_with_defaults),
		T(test_case_set_events_override_the_header),
		T(test_case_append_keeps_every_byte_and_the_indentation),
		T(test_case_append_adds_a_missing_final_newline),
		T(test_case_append_refuses_when_history_is_not_last),
		T(test_case_rejects_bad_events_and_facts),
		T(test_case_unknown_event_lists_every_kind),
		T(test_case_reads_only_the_first_of_duplicate_keys),
		T(test_case_reports_duplicate_facts),
		T(test_case_model_must_be_an_id),
		T(test_case_never_names_an_unknown_event_key),
		T(test_case_append_refuses_after_a_document_end),
		T(test_case_requires_its_keys),
		cmocka_unit_test(test_case_tells_which_keys_it_reads),
		T(test_case_new_text_reads_back_hostile_values),
		T(test_case_new_text_leaves_out_what_is_not_given),
	};

	return cmocka_run_group_tests_name("case", tests, capture_setup,
	    capture_teardown);
}
