/* Unit tests of filter.c: names compared as people's, and step filters. */
#include "date.h"
#include "filter.h"
#include "modelset.h"
#include "strbuf.h"
#include "testutil.h"

static void
test_filter_names_match_whatever_their_case(void **state)
{
	(void)state;
	assert_true(name_equal("Maria Holm", "Maria Holm"));
	assert_true(name_equal("maria holm", "MARIA HOLM"));
	assert_true(name_equal("\xc3\x85sa \xc3\x96" "berg",	/* Åsa Öberg */
	    "\xc3\xa5sa \xc3\xb6" "BERG"));			/* åsa öBERG */
	assert_true(name_equal("\xc3\x84lva",			/* Älva */
	    "\xc3\xa4lva"));					/* älva */
	assert_true(name_equal("Ren\xc3\xa9" "e",		/* Renée */
	    "REN\xc3\x89" "E"));				/* RENÉE */
	assert_true(name_equal("", ""));
}

static void
test_filter_names_differ_otherwise(void **state)
{
	(void)state;
	assert_false(name_equal("Maria Holm", "Maria Holm "));
	assert_false(name_equal("Maria Holm", "Maria  Holm"));
	assert_false(name_equal("Maria Holm", "Maria"));
	assert_false(name_equal("", "Maria"));
	assert_false(name_equal("\xc3\xa5sa", "asa"));		/* åsa */
	assert_false(name_equal("\xc3\xa4", "\xc3\xa5"));	/* ä, å */
	/* × and ÷ are no letters: U+00D7 does not fold to U+00F7. */
	assert_false(name_equal("\xc3\x97", "\xc3\xb7"));
	/* A byte that is not UTF-8 is not the character of that number. */
	assert_false(name_equal("\xc5sa", "\xc3\xa5sa"));
	assert_false(name_equal("\xe5sa", "\xc3\xa5sa"));
	assert_true(name_equal("\xff", "\xff"));
}

/* Two strbufs, freed by teardown even when an assertion fails. */
static int
folds_setup(void **state)
{
	struct strbuf *sb = xcalloc(2, sizeof(*sb));

	strbuf_init(&sb[0]);
	strbuf_init(&sb[1]);
	*state = sb;
	return 0;
}

static int
folds_teardown(void **state)
{
	struct strbuf *sb = *state;

	strbuf_release(&sb[0]);
	strbuf_release(&sb[1]);
	free(sb);
	return 0;
}

static void
test_filter_folds_names_to_one_key(void **state)
{
	struct strbuf *a = *state, *b = a + 1;

	name_fold(a, "\xc3\x85SA \xc3\x96" "berg \xc3\x89mile");
	name_fold(b, "\xc3\xa5sa \xc3\xb6" "BERG \xc3\xa9MILE");
	assert_string_equal(a->buf, "\xc3\xa5sa \xc3\xb6" "berg \xc3\xa9mile");
	assert_string_equal(a->buf, b->buf);
	strbuf_release(a);
	name_fold(a, "Zo\xc3\xab \xe2\x80\x93 \xf0\x9f\x98\x80 \xff");
	assert_string_equal(a->buf, "zo\xc3\xab \xe2\x80\x93 \xf0\x9f\x98\x80 "
	    "\xff");
}

/* A state made by hand: the state engine's rules are not tested here. */
struct fixture {
	const struct model	*m;
	struct casefile		*c;
	struct case_state	 st;
	size_t			 kartlagg, skolplats, mote;
};

static const char text[] =
    "sams-case: 1\nid: T-1\nmodel: sams\n"
    "placement: {type: familjehem, date: 2026-12-01}\n"
    "school: {change: true, form: grundskola}\n"
    "contacts:\n  socialtjanst: \xc3\x85sa \xc3\x96" "berg\n"
    "history:\n- {date: 2026-11-20, event: opened}\n";

static long
day(const char *s)
{
	long d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void
ready(struct fixture *f, size_t i, const char *due, int overdue)
{
	f->st.steps[i].ready = 1;
	f->st.steps[i].due = due != NULL ? day(due) : DATE_NONE;
	f->st.steps[i].overdue = overdue;
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	size_t i;

	if (model_get("sams", &f->m) != 0)
		return -1;
	f->c = case_load(xstrdup(text), strlen(text), "c.yml");
	if (f->c == NULL)
		return -1;
	f->st.m = f->m;
	f->st.c = f->c;
	f->st.today = day("2026-11-23");
	f->st.steps = xcalloc(f->m->nsteps, sizeof(*f->st.steps));
	for (i = 0; i < f->m->nsteps; i++)
		f->st.steps[i].due = DATE_NONE;
	f->kartlagg = model_step_index(f->m, "ip-kartlagg");
	f->skolplats = model_step_index(f->m, "ip-skolplats");
	f->mote = model_step_index(f->m, "up-mote");
	if (f->kartlagg == NO_INDEX || f->skolplats == NO_INDEX ||
	    f->mote == NO_INDEX)
		return -1;
	ready(f, f->kartlagg, "2026-11-20", 1);
	ready(f, f->skolplats, "2026-11-30", 0);
	ready(f, f->mote, NULL, 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	free(f->st.steps);
	case_free(f->c);
	free(f);
	return 0;
}

static void
test_filter_without_criteria_passes_ready_steps(void **state)
{
	struct fixture *f = *state;
	struct step_filter none = STEP_FILTER_INIT;

	assert_false(filter_active(NULL));
	assert_false(filter_active(&none));
	assert_true(filter_step(NULL, &f->st, f->mote));
	assert_true(filter_step(&none, &f->st, f->kartlagg));
	f->st.steps[f->mote].ready = 0;
	assert_false(filter_step(&none, &f->st, f->mote));
	assert_false(filter_step(NULL, &f->st, f->mote));
}

static void
test_filter_overdue_keeps_overdue_steps_only(void **state)
{
	struct fixture *f = *state;
	struct step_filter o = STEP_FILTER_INIT;

	o.overdue = 1;
	assert_true(filter_active(&o));
	assert_true(filter_step(&o, &f->st, f->kartlagg));
	assert_false(filter_step(&o, &f->st, f->skolplats));
	assert_false(filter_step(&o, &f->st, f->mote));
}

static void
test_filter_due_within_counts_days_from_today(void **state)
{
	struct fixture *f = *state;
	struct step_filter d = STEP_FILTER_INIT;

	d.due_within = 7;	/* 2026-11-30 is the last day in */
	assert_true(filter_active(&d));
	assert_true(filter_step(&d, &f->st, f->kartlagg));
	assert_true(filter_step(&d, &f->st, f->skolplats));
	assert_false(filter_step(&d, &f->st, f->mote));	/* no date */
	d.due_within = 6;
	assert_true(filter_step(&d, &f->st, f->kartlagg));
	assert_false(filter_step(&d, &f->st, f->skolplats));
	d.due_within = 0;
	assert_true(filter_step(&d, &f->st, f->kartlagg));
	assert_false(filter_step(&d, &f->st, f->skolplats));
}

static void
test_filter_owner_is_the_named_contact(void **state)
{
	struct fixture *f = *state;
	struct step_filter w = STEP_FILTER_INIT;

	w.owner = "\xc3\xa5sa \xc3\xb6" "berg";		/* åsa öberg */
	assert_true(filter_active(&w));
	assert_true(filter_step(&w, &f->st, f->kartlagg));
	assert_true(filter_step(&w, &f->st, f->skolplats));
	assert_false(filter_step(&w, &f->st, f->mote)); /* samordnare: none */
	w.owner = "\xc3\x85sa";
	assert_false(filter_step(&w, &f->st, f->kartlagg));
}

static void
test_filter_criteria_compose(void **state)
{
	struct fixture *f = *state;
	struct step_filter all = STEP_FILTER_INIT;

	all.owner = "\xc3\x85SA \xc3\x96" "BERG";
	all.role = "socialtjanst";
	all.due_within = 7;
	assert_true(filter_step(&all, &f->st, f->kartlagg));
	assert_true(filter_step(&all, &f->st, f->skolplats));
	all.overdue = 1;
	assert_true(filter_step(&all, &f->st, f->kartlagg));
	assert_false(filter_step(&all, &f->st, f->skolplats));
	all.role = "samordnare";
	assert_false(filter_step(&all, &f->st, f->kartlagg));
}

static int
group_teardown(void **state)
{
	(void)state;
	model_cache_release();
	return 0;
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filter_names_match_whatever_their_case),
		cmocka_unit_test(test_filter_names_differ_otherwise),
		cmocka_unit_test_setup_teardown(
		    test_filter_folds_names_to_one_key, folds_setup,
		    folds_teardown),
		T(test_filter_without_criteria_passes_ready_steps),
		T(test_filter_overdue_keeps_overdue_steps_only),
		T(test_filter_due_within_counts_days_from_today),
		T(test_filter_owner_is_the_named_contact),
		T(test_filter_criteria_compose),
	};

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
