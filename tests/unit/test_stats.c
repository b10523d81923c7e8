/*
 * Unit tests of the figures of sams stats: the median and 90th
 * percentile, and the view of an earlier placement (case_period) that
 * its figures are computed from.
 */
#include "date.h"
#include "modelset.h"
#include "state.h"
#include "stats.h"
#include "testutil.h"

static long
day(const char *s)
{
	long d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/*
 * The counts per day of n values, in the order given (not sorted: the
 * counts sort them), for stats_median() and stats_p90().
 */
static struct stats_hist
hist(const long *v, size_t n)
{
	struct stats_hist h;
	size_t i;

	memset(&h, 0, sizeof(h));
	for (i = 0; i < n; i++)
		stats_hist_add(&h, v[i]);
	return h;
}

static double
median(const long *v, size_t n)
{
	struct stats_hist h = hist(v, n);
	double m = stats_median(&h);

	stats_hist_release(&h);
	return m;
}

static long
p90(const long *v, size_t n)
{
	struct stats_hist h = hist(v, n);
	long p = stats_p90(&h);

	stats_hist_release(&h);
	return p;
}

static void
test_stats_median_of_odd_and_even_counts(void **state)
{
	static const long one[] = { 9 };
	static const long three[] = { 30, 2, 7 };
	static const long four[] = { 2, 30, 7, 3 };
	static const long two[] = { 8, 7 };
	static const long same[] = { 0, 4, 0, 4, 4 };

	(void)state;
	assert_true(median(one, 1) == 9);
	/* the middle one, not the mean (13) */
	assert_true(median(three, 3) == 7);
	/* the mean of the middle two: (3 + 7) / 2 */
	assert_true(median(four, 4) == 5);
	assert_true(median(two, 2) == 7.5);
	/* 0 0 4 4 4: the third is a 4 counted three times */
	assert_true(median(same, 5) == 4);
	/* 0 4 0 4: the middle two are a 0 and a 4 */
	assert_true(median(same, 4) == 2);
}

static void
test_stats_p90_is_the_nearest_rank(void **state)
{
	static const long ten[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	static const long eleven[] = { 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
	static const long six[] = { 2, 3, 7, 7, 14, 28 };

	(void)state;
	/* rank ceil(0.9 n): 1 of 1, 9 of 10, 10 of 11, 6 of 6 */
	assert_int_equal(p90(ten, 1), 1);
	assert_int_equal(p90(ten, 10), 9);
	assert_int_equal(p90(eleven, 11), 10);
	assert_int_equal(p90(six, 6), 28);
	/* 20 values: rank 18, no interpolation */
	{
		long v[20];
		size_t i;

		for (i = 0; i < 20; i++)
			v[i] = (long)i * 10;
		assert_int_equal(p90(v, 20), 170);
	}
}

/*
 * Waits of 4,096 days (STATS_DENSE_DAYS) or more are kept one by one,
 * after those counted by day: a case with a date centuries off costs a
 * value, not an array as long as its wait.
 */
static void
test_stats_far_values_come_after_the_counted_days(void **state)
{
	static const long odd[] = { 5000, 3, 700000, 4096, 4095 };
	static const long even[] = { 3, 5000, 4095, 700000 };
	struct stats_hist h;

	(void)state;
	/* 3 4095 | 4096 5000 700000: the third, the first far one */
	assert_true(median(odd, 5) == 4096);
	/* rank ceil(4.5) = 5 */
	assert_int_equal(p90(odd, 5), 700000);
	/* 3 4095 | 5000 700000: (4095 + 5000) / 2, one of each kind */
	assert_true(median(even, 4) == 4547.5);
	h = hist(odd, 5);
	assert_int_equal(h.len, 4096);		/* 4095 the longest by day */
	assert_int_equal(h.nfar, 3);
	assert_int_equal(h.n, 5);
	stats_hist_release(&h);
}

/*
 * A familjehem placement from 2026-01-12 with its school start and an end
 * date given, then an omplacering to an acute HVB from 2026-05-04 where a
 * new first school day is set.
 */
static const char replaced[] =
    "sams-case: 1\nid: T-1\nmodel: sams\n"
    "placement: {type: familjehem, date: 2026-01-12}\n"
    "school: {change: true, form: grundskola}\n"
    "contacts: {rektor-mottagande: Olle Berg}\n"
    "history:\n"
    "- {date: 2025-12-01, event: opened}\n"
    "- {date: 2026-01-19, event: done, step: up-skolstart}\n"
    "- {date: 2026-01-20, event: set, fact: school.start, value: 2026-01-15}\n"
    "- {date: 2026-04-01, event: set, fact: placement.end, value: 2026-05-03}\n"
    "- {date: 2026-05-04, event: replace, value: 2026-05-04}\n"
    "- {date: 2026-05-04, event: set, fact: placement.type, value: hvb}\n"
    "- {date: 2026-05-04, event: set, fact: placement.acute, value: \"true\"}\n"
    "- {date: 2026-05-15, event: set, fact: school.start, value: 2026-05-11}\n";

struct fixture {
	const struct model	*m;
	struct casefile		*c;
	struct case_state	 st;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	char *text = xstrdup(replaced);

	*state = f;
	if (model_get("sams", &f->m) != 0)
		return -1;
	f->c = case_load(text, strlen(text), "c.yml");
	return f->c == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	state_release(&f->st);
	case_free(f->c);
	free(f);
	return 0;
}

static void
test_case_period_shows_the_earlier_placement(void **state)
{
	struct fixture *f = *state;
	struct casefile view;
	size_t k;

	assert_int_equal(f->c->nperiods, 2);
	case_period(f->c, 0, &view);
	/* its facts as they stood: familjehem, its own end and school start */
	assert_int_equal(view.nperiods, 1);
	assert_string_equal(case_fact(&view, "placement.type"), "familjehem");
	assert_string_equal(case_fact(&view, "placement.acute"), "false");
	assert_string_equal(case_fact(&view, "placement.date"), "2026-01-12");
	assert_string_equal(case_fact(&view, "placement.end"), "2026-05-03");
	/* the end shifted the schools: the next school's start is unknown */
	assert_null(case_fact(&view, "school.start"));
	assert_string_equal(case_fact_before_shift(&view, "school.start"),
	    "2026-01-15");
	/* its events: up to, not including, the replace */
	assert_int_equal(view.period, 0);
	assert_int_equal(view.nevents, 4);
	assert_int_equal(view.events[view.nevents - 1].kind, EV_SET);
	assert_false(view.appendable);
	/* and up-skolstart done in it */
	state_compute(&f->st, f->m, &view, day("2026-05-03"));
	k = model_step_index(f->m, "up-skolstart");
	assert_int_equal(f->st.steps[k].state, STEP_DONE);
	assert_int_equal(f->st.steps[k].closed->date, day("2026-01-19"));
}

static void
test_case_period_of_the_last_is_the_case(void **state)
{
	struct fixture *f = *state;
	struct casefile view;
	size_t k;

	case_period(f->c, 1, &view);
	assert_int_equal(view.nperiods, 2);
	assert_int_equal(view.nevents, f->c->nevents);
	assert_int_equal(view.period, f->c->period);
	assert_string_equal(case_fact(&view, "placement.type"), "hvb");
	assert_string_equal(case_fact(&view, "placement.acute"), "true");
	assert_string_equal(case_fact(&view, "placement.date"), "2026-05-04");
	/* the end and the school start of the first placement are gone */
	assert_null(case_fact(&view, "placement.end"));
	assert_string_equal(case_fact(&view, "school.start"), "2026-05-11");
	/* the checklist started again: up-skolstart is open */
	state_compute(&f->st, f->m, &view, day("2026-05-20"));
	k = model_step_index(f->m, "up-skolstart");
	assert_int_equal(f->st.steps[k].state, STEP_OPEN);
}

static void
test_case_period_clears_school_start_at_replace(void **state)
{
	struct fixture *f = *state;
	static const char text[] =
	    "sams-case: 1\nid: T-2\nmodel: sams\n"
	    "placement: {type: hvb, date: 2026-01-12}\n"
	    "school: {change: true, start: 2026-01-14}\n"
	    "history:\n"
	    "- {date: 2025-12-01, event: opened}\n"
	    "- {date: 2026-05-04, event: replace, value: 2026-05-04}\n";
	struct casefile view;
	char *copy = xstrdup(text);

	case_free(f->c);
	f->c = case_load(copy, strlen(copy), "c.yml");
	assert_non_null(f->c);
	case_period(f->c, 0, &view);
	assert_string_equal(case_fact(&view, "school.start"), "2026-01-14");
	assert_int_equal(view.nevents, 1);
	/* a new placement has no first school day until one is given */
	assert_null(case_fact(f->c, "school.start"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stats_median_of_odd_and_even_counts),
		cmocka_unit_test(test_stats_p90_is_the_nearest_rank),
		cmocka_unit_test(
		    test_stats_far_values_come_after_the_counted_days),
		T(test_case_period_shows_the_earlier_placement),
		T(test_case_period_of_the_last_is_the_case),
		T(test_case_period_clears_school_start_at_replace),
	};

	return cmocka_run_group_tests_name("stats", tests, capture_setup,
	    capture_teardown);
}
