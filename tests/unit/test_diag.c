/*
 * Unit tests of the error contract: diag.c remembers what kind of failure
 * was reported, and cli.c turns the worst into the exit status.
 */
#include "cli.h"
#include "diag.h"
#include "sams.h"
#include "testutil.h"

static void
test_an_error_is_a_data_failure_unless_it_says_otherwise(void **state)
{
	(void)state;
	diag_reset();
	assert_int_equal(diag_failure(), FAIL_NONE);
	assert_int_equal(error_at("a.yml", 3, 1, "bad"), -1);
	assert_int_equal(diag_failure(), FAIL_DATA);
	assert_int_equal(cli_failed(), SAMS_EXIT_DATAERR);
	assert_int_equal(fail_sys(FAIL_NOINPUT, "b.yml", 2, "cannot open"),
	    -1);
	assert_reported("sams: b.yml: error: cannot open: ");
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	assert_int_equal(cli_failed(), SAMS_EXIT_NOINPUT);
}

static void
test_the_last_failure_decides_the_exit_status(void **state)
{
	(void)state;
	diag_reset();
	fail_at(FAIL_NOINPUT, "base.yml", 0, 0, "cannot open");
	error_msg("the model extends a model that cannot be read");
	assert_int_equal(diag_failure(), FAIL_DATA);
	assert_int_equal(cli_failed(), SAMS_EXIT_DATAERR);
	diag_fail(FAIL_TEMP);		/* a batch records its worst last */
	assert_int_equal(cli_failed(), SAMS_EXIT_TEMPFAIL);
	diag_reset();
	assert_int_equal(diag_failure(), FAIL_NONE);
}

static void
test_warnings_are_never_failures(void **state)
{
	(void)state;
	diag_reset();
	diag(DIAG_WARNING, "a.yml", 1, 1, "odd");
	info_at("a.yml", 1, 1, "fyi");
	assert_int_equal(diag_failure(), FAIL_NONE);
}

static void
test_a_failure_reported_elsewhere_is_recorded_silently(void **state)
{
	(void)state;
	diag_reset();
	messages();
	assert_int_equal(diag_fail(FAIL_NOPERM), -1);
	assert_string_equal(messages(), "");
	assert_int_equal(cli_failed(), SAMS_EXIT_NOPERM);
}

static void
test_a_silenced_report_still_says_why_the_call_failed(void **state)
{
	(void)state;
	diag_reset();
	messages();
	diag_set_sink(NULL, NULL, 1);
	assert_int_equal(fail_at(FAIL_NOINPUT, "a/", 0, 0, "unreadable"), -1);
	diag_set_sink(NULL, NULL, 0);
	assert_string_equal(messages(), "");
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	error_at("b.yml", 1, 1, "bad");
	assert_int_equal(cli_failed(), SAMS_EXIT_DATAERR);
}

static void
test_every_kind_has_its_documented_exit_status(void **state)
{
	static const struct {
		enum diag_fail	kind;
		int		status;
	} map[] = {
		{ FAIL_NONE, 0 }, { FAIL_USAGE, 64 }, { FAIL_DATA, 65 },
		{ FAIL_NOINPUT, 66 }, { FAIL_SOFTWARE, 70 },
		{ FAIL_CANTCREAT, 73 }, { FAIL_IO, 74 }, { FAIL_TEMP, 75 },
		{ FAIL_NOPERM, 77 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		assert_int_equal(cli_exit_status(map[i].kind), map[i].status);
	diag_reset();
	assert_int_equal(cli_failed(), SAMS_EXIT_SOFTWARE);	/* unreported */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_an_error_is_a_data_failure_unless_it_says_otherwise),
		cmocka_unit_test(
		    test_the_last_failure_decides_the_exit_status),
		cmocka_unit_test(test_warnings_are_never_failures),
		cmocka_unit_test(
		    test_a_failure_reported_elsewhere_is_recorded_silently),
		cmocka_unit_test(
		    test_a_silenced_report_still_says_why_the_call_failed),
		cmocka_unit_test(test_every_kind_has_its_documented_exit_status),
	};

	return cmocka_run_group_tests_name("diag", tests, capture_setup,
	    capture_teardown);
}
