/*
 * Unit tests of the renderers: what next and status write, as text for
 * people and as JSON for scripts, on cases loaded with the built-in model
 * and a fixed today.
 */
#include "colour.h"
#include "date.h"
#include "modelset.h"
#include "render.h"
#include "state.h"
#include "testutil.h"

struct fixture {
	const struct model	*m;
	struct casefile		*c;
	struct case_state	 st;
	FILE			*fp;
	char			*out;
	size_t			 len;
};

/* Contacts, then school keys. */
static const char head[] =
    "sams-case: 1\nid: T-1\nmodel: sams\n"
    "placement: {type: familjehem, date: 2026-12-01%s}\n"
    "school: {change: true, form: grundskola%s}\n"
    "contacts: {socialtjanst: \"Örjan Ääå\", rektor-avlamnande: 李小龍}\n"
    "history:\n- {date: 2026-11-20, event: opened}\n";

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	*state = f;
	if (model_get("sams", &f->m) != 0)
		return -1;
	f->fp = open_memstream(&f->out, &f->len);
	return f->fp == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	state_release(&f->st);
	case_free(f->c);
	if (f->fp != NULL)
		fclose(f->fp);
	free(f->out);
	free(f);
	return 0;
}

/* Loads the case as file name, with extra placement and school keys. */
static void
load(struct fixture *f, const char *name, const char *placement,
    const char *school)
{
	char *text = xasprintf(head, placement, school);	/* the case owns it */
	long today;

	f->c = case_load(text, strlen(text), name);
	assert_non_null(f->c);
	assert_int_equal(state_check_case(f->m, f->c), 0);
	assert_int_equal(date_parse("2026-11-25", &today), 0);
	state_compute(&f->st, f->m, f->c, today);
}

/* What was written so far. */
static const char *
output(struct fixture *f)
{
	fflush(f->fp);
	return f->out;
}

/* Asserts that out holds line, whole. */
static void
assert_line(const char *out, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = out; (p = strstr(p, line)) != NULL; p++)
		if ((p == out || p[-1] == '\n') && p[n] == '\n')
			return;
	fail_msg("no line \"%s\" in:\n%s", line, out);
}

static void
test_render_next_json_is_one_exact_line(void **state)
{
	struct fixture *f = *state;

	load(f, "c.yml", "", "");
	render_next_json(f->fp, &f->st, NULL);
	assert_string_equal(output(f), "{\"format\": 1, \"file\": \"c.yml\", "
	    "\"case\": \"T-1\", \"model\": \"sams\", \"phase\": {\"id\": "
	    "\"infor-placering\", \"title\": \"Inför placering\"}, "
	    "\"complete\": false, \"next\": [{\"step\": \"ip-kartlagg\", "
	    "\"title\": \"Kartlägg skolgången och bedöm om placeringen "
	    "innebär skolbyte\", \"phase\": \"infor-placering\", \"owner\": "
	    "{\"role\": \"socialtjanst\", \"title\": \"Socialtjänsten\", "
	    "\"name\": \"Örjan Ääå\"}, \"why\": \"Resten av processen beror "
	    "på svaret.  Skolbytesstegen behövs bara om placeringen innebär "
	    "skolbyte, och planeringen kräver att man vet var eleven går, i "
	    "vilken skolform och med vilket stöd.\", \"what\": [\"Ta reda på "
	    "nuvarande skola, skolform, årskurs och kontaktperson.\", "
	    "\"Fråga efter extra anpassningar, särskilt stöd, "
	    "åtgärdsprogram och närvaro; under utredningen ska skolan lämna "
	    "de uppgifter som kan ha betydelse.\", \"Hör elevens egen syn på "
	    "skolan och på ett eventuellt skolbyte.\", \"Bedöm om "
	    "placeringens ort och längd kräver byte av skola och registrera "
	    "det (sams set ÄRENDE school.change=false om inte).\", "
	    "\"Registrera det som avgör vilka steg som gäller – placering i "
	    "annan kommun, vård enligt LVU, skyddade uppgifter och födelseår "
	    "(sams set ÄRENDE placement.other-municipality=true "
	    "placement.lvu=true child.protected=true child.born=ÅÅÅÅ).\"], "
	    "\"warnings\": [], \"due\": "
	    "\"2026-11-10\", \"overdue\": true, \"behind\": false}]}\n");
}

/* A filter that no step passes still gives a line with an empty list. */
static void
test_render_next_json_lists_only_what_passes_the_filter(void **state)
{
	struct fixture *f = *state;
	struct step_filter sf = STEP_FILTER_INIT;

	load(f, "c.yml", "", "");
	sf.role = "samordnare";
	render_next_json(f->fp, &f->st, &sf);
	assert_non_null(strstr(output(f), "\"complete\": false, "
	    "\"next\": []}\n"));
}

/*
 * A file name can hold anything: controls, bidirectional overrides, line
 * separators, quotes and bytes that are not UTF-8.  The JSON stays valid
 * and shows each for what it is.
 */
static void
test_render_json_escapes_controls_bidi_and_quotes(void **state)
{
	struct fixture *f = *state;

	load(f, "a\x01\x1f\"\\\xe2\x80\xae\xe2\x80\xa8\xff\tb.yml", "", "");
	render_next_json(f->fp, &f->st, NULL);
	assert_non_null(strstr(output(f), "{\"format\": 1, \"file\": "
	    "\"a\\u0001\\u001f\\\"\\\\\\u202e\\u2028\\ufffd\\tb.yml\", "
	    "\"case\": \"T-1\""));
}

static void
test_render_status_json_gives_facts_contacts_and_states(void **state)
{
	struct fixture *f = *state;
	const char *out;

	load(f, "c.yml", "", ", sending: 'Åkerö \"x\"'");
	render_status_json(f->fp, &f->st);
	out = output(f);
	assert_non_null(strstr(out, "\"facts\": {\"placement.type\": "
	    "\"familjehem\", \"placement.date\": \"2026-12-01\", "
	    "\"placement.end\": null, \"placement.acute\": false, "
	    "\"placement.other-municipality\": false, \"placement.lvu\": "
	    "false, \"child.born\": null, \"child.protected\": false, "
	    "\"school.change\": true, \"school.change-at-end\": true, "
	    "\"school.form\": \"grundskola\", "
	    "\"school.sending\": \"Åkerö \\\"x\\\"\", \"school.receiving\": "
	    "null, \"school.start\": null}"));
	assert_non_null(strstr(out, "{\"role\": \"rektor-avlamnande\", "
	    "\"title\": \"Rektor, avlämnande skola\", \"name\": "
	    "\"李小龍\"}, {\"role\": \"rektor-mottagande\", \"title\": "
	    "\"Rektor, mottagande skola\", \"name\": null}"));
	assert_non_null(strstr(out, "\"step\": \"ip-kartlagg\""));
	assert_non_null(strstr(out, "\"state\": \"ready\", \"due\": "
	    "\"2026-11-10\", \"overdue\": true"));
	assert_non_null(strstr(out, "\"step\": \"up-narvaro\""));
	assert_non_null(strstr(out, "\"state\": \"waiting\", \"due\": null"));
	assert_int_equal(strchr(out, '\n') - out + 1, strlen(out));
}

/*
 * Columns line up by characters, not bytes (the unit tests run in the C
 * locale, so the words are English; the titles are the model's Swedish).
 */
static void
test_render_status_text_pads_by_characters(void **state)
{
	struct fixture *f = *state;
	const char *out;

	load(f, "c.yml", "", ", sending: Åkeröskolan");
	render_status_text(f->fp, &f->st);
	out = output(f);
	assert_line(out, "T-1  SAMS – samverkan socialtjänst och skola  "
	    "(c.yml)");
	assert_line(out, "Schools: sending Åkeröskolan, receiving unknown");
	assert_line(out, "Current phase: Inför placering");
	assert_line(out, "  now        ip-kartlagg          Kartlägg "
	    "skolgången och bedöm om placeringen innebär skolbyte · due "
	    "2026-11-10 (overdue)");
	assert_line(out, "  waiting    ip-informera         Informera "
	    "avlämnande rektor om placering och skolbyte · due 2026-11-17 "
	    "(overdue)");
	assert_line(out, "  waiting    up-narvaro           Följ närvaron och "
	    "agera på frånvaro");
}

/* The number of characters (UTF-8 sequences) in s[0..n). */
static size_t
characters(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Long text wraps at 78 characters, however many bytes Å, Ä, Ö take. */
static void
test_render_next_text_wraps_at_78_characters(void **state)
{
	struct fixture *f = *state;
	const char *out, *p, *end;
	int longer = 0;

	load(f, "c.yml", "", "");
	render_next_text(f->fp, &f->st, NULL);
	out = output(f);
	assert_line(out, "T-1  Inför placering  (c.yml)");
	assert_line(out, "  Owner:      Socialtjänsten – Örjan Ääå");
	assert_line(out, "  Due:        2026-11-10 (overdue)");
	assert_line(out, "  Why:        Resten av processen beror på svaret. "
	    "Skolbytesstegen behövs bara");
	assert_line(out, "              om placeringen innebär skolbyte, och "
	    "planeringen kräver att man");
	assert_line(out, "  What to do: - Ta reda på nuvarande skola, "
	    "skolform, årskurs och");
	assert_line(out, "                kontaktperson.");
	for (p = out; *p != '\0'; p = end + 1) {
		end = strchr(p, '\n');
		assert_non_null(end);
		assert_true(characters(p, (size_t)(end - p)) <= 78);
		longer |= (size_t)(end - p) > 78;
	}
	assert_true(longer);	/* some line has more bytes than columns */
}

/* A control or bidi override in a file name is shown, never written. */
static void
test_render_next_text_escapes_the_file_name(void **state)
{
	struct fixture *f = *state;

	load(f, "x\x01\xe2\x80\xaey.yml", "", "");
	render_next_text(f->fp, &f->st, NULL);
	assert_line(output(f), "T-1  Inför placering  (x\\x01\\u{202e}y.yml)");
}

/* Who owns what after the end date, and the command for what is missing. */
static void
test_render_shift_text_names_owners_and_what_is_missing(void **state)
{
	struct fixture *f = *state;
	const char *out;

	load(f, "c.yml", ", end: 2027-01-10", "");
	render_shift_text(f->fp, &f->st, "mapp/c d.yml");
	out = output(f);
	assert_line(out, "Responsible now:");
	assert_line(out, "  ia-informera    Socialtjänsten – Örjan Ääå");
	assert_line(out, "  ia-beslut       Mottagande huvudman (no contact "
	    "given)");
	/* the school under the placement now sends: its rektor is unknown */
	assert_line(out, "Inför avslut has begun. The school of the placement "
	    "(not given) is now the sending school, and its head teacher the "
	    "sending head teacher.");
	assert_line(out, "  ia-overlamning  Rektor, avlämnande skola (no "
	    "contact given)");
	assert_line(out, "  sams set mapp/c d.yml school.sending=SCHOOL "
	    "school.receiving=SCHOOL contacts.huvudman-mottagande=NAME "
	    "contacts.rektor-avlamnande=NAME "
	    "contacts.rektor-mottagande=NAME");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_render_next_json_is_one_exact_line),
		T(test_render_next_json_lists_only_what_passes_the_filter),
		T(test_render_json_escapes_controls_bidi_and_quotes),
		T(test_render_status_json_gives_facts_contacts_and_states),
		T(test_render_status_text_pads_by_characters),
		T(test_render_next_text_wraps_at_78_characters),
		T(test_render_next_text_escapes_the_file_name),
		T(test_render_shift_text_names_owners_and_what_is_missing),
	};

	colour_set_mode(COLOR_NEVER);
	return cmocka_run_group_tests_name("render", tests, capture_setup,
	    capture_teardown);
}
