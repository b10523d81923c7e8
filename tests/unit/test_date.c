/* Unit tests of ISO 8601 dates. */
#include <time.h>

#include "date.h"
#include "testutil.h"

static void
test_date_parses_only_real_dates(void **state)
{
	long d;

	(void)state;
	assert_int_equal(date_parse("1970-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	assert_int_equal(date_parse("2026-02-29", &d), -1);
	assert_int_equal(date_parse("2100-02-29", &d), -1);
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_int_equal(date_parse("2026-13-01", &d), -1);
	assert_int_equal(date_parse("2026-04-31", &d), -1);
	assert_int_equal(date_parse("2026-4-01", &d), -1);
	assert_int_equal(date_parse("20260401", &d), -1);
	assert_int_equal(date_parse("2026-04-01T10", &d), -1);
	assert_int_equal(date_parse("", &d), -1);
}

static void
test_date_formats_what_it_parses(void **state)
{
	char buf[11];
	long d;

	(void)state;
	assert_int_equal(date_parse("2026-12-01", &d), 0);
	date_format(d, buf);
	assert_string_equal(buf, "2026-12-01");
	date_format(d + 31, buf);
	assert_string_equal(buf, "2027-01-01");
	date_format(-1, buf);
	assert_string_equal(buf, "1969-12-31");
}

static void
test_date_adds_months_and_clamps_to_month_end(void **state)
{
	char buf[11];
	long d;

	(void)state;
	assert_int_equal(date_parse("2026-08-31", &d), 0);
	date_format(date_add_months(d, 6), buf);
	assert_string_equal(buf, "2027-02-28");
	date_format(date_add_months(d, -6), buf);
	assert_string_equal(buf, "2026-02-28");
	assert_int_equal(date_parse("2027-12-15", &d), 0);
	date_format(date_add_months(d, 1), buf);
	assert_string_equal(buf, "2028-01-15");
}

/*
 * Found by the probe: one month before January of year 1 read days[-1],
 * and dates past 9999 were printed wrapped.  Out of range is DATE_NONE.
 */
static void
test_date_arithmetic_stays_within_years_1_to_9999(void **state)
{
	char buf[11];
	long d;

	(void)state;
	assert_int_equal(date_parse("0001-01-15", &d), 0);
	assert_int_equal(d, DATE_MIN + 14);
	assert_int_equal(date_add_months(d, -1), DATE_NONE);
	assert_int_equal(date_add_months(d, -3660), DATE_NONE);
	date_format(date_add_months(d, 11), buf);
	assert_string_equal(buf, "0001-12-15");
	assert_int_equal(date_parse("0001-02-28", &d), 0);
	date_format(date_add_months(d, -1), buf);
	assert_string_equal(buf, "0001-01-28");
	assert_int_equal(date_parse("9999-12-31", &d), 0);
	assert_int_equal(d, DATE_MAX);
	assert_int_equal(date_add_months(d, 1), DATE_NONE);
	assert_int_equal(date_add_months(d, 3660), DATE_NONE);
	date_format(date_add_months(d, -1), buf);
	assert_string_equal(buf, "9999-11-30");
	assert_int_equal(date_add_days(d, 1), DATE_NONE);
	assert_int_equal(date_add_days(DATE_MIN, -1), DATE_NONE);
	assert_int_equal(date_add_days(DATE_MIN, 0), DATE_MIN);
	assert_int_equal(date_add_days(DATE_NONE, 1), DATE_NONE);
	assert_int_equal(date_add_months(DATE_NONE, 1), DATE_NONE);
	assert_int_equal(date_add_days(DATE_MIN, DATE_MAX - DATE_MIN),
	    DATE_MAX);
}

static void
test_date_never_formats_a_date_out_of_range(void **state)
{
	char buf[11];

	(void)state;
	date_format(DATE_MAX + 1, buf);
	assert_string_equal(buf, "xxxx-xx-xx");
	date_format(DATE_MIN - 1, buf);
	assert_string_equal(buf, "xxxx-xx-xx");
	date_format(DATE_NONE, buf);
	assert_string_equal(buf, "xxxx-xx-xx");
}

/* The clock's date, as the command layer asks for it when not given one. */
static void
local_date(char buf[11])
{
	struct tm tm;
	time_t now = time(NULL);

	assert_non_null(localtime_r(&now, &tm));
	assert_true(strftime(buf, 11, "%Y-%m-%d", &tm) == 10);
}

static void
test_the_local_date_is_the_clocks(void **state)
{
	char before[11], got[11], after[11];

	(void)state;
	local_date(before);
	date_format(date_local_today(), got);
	local_date(after);
	if (strcmp(got, before) != 0)	/* midnight struck */
		assert_string_equal(got, after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parses_only_real_dates),
		cmocka_unit_test(test_date_formats_what_it_parses),
		cmocka_unit_test(test_date_adds_months_and_clamps_to_month_end),
		cmocka_unit_test(
		    test_date_arithmetic_stays_within_years_1_to_9999),
		cmocka_unit_test(test_date_never_formats_a_date_out_of_range),
		cmocka_unit_test(test_the_local_date_is_the_clocks),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
