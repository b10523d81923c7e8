/*
 * Unit tests of the personnummer detector.  The only identity numbers here
 * are Skatteverket's: the published test number 201701012393 and the
 * samordningsnummer example 701063-2391 from its guidance.
 */
#include "personnummer.h"
#include "testutil.h"

static void
test_pnr_finds_skatteverket_test_number_in_every_form(void **state)
{
	static const char *const forms[] = {
		"201701012393", "20170101-2393", "1701012393", "170101-2393",
		"170101+2393", "kontakt 170101-2393, ring", "id:201701012393",
		"701063-2391", "7010632391",
		"170101 2393", "20170101 2393", "Per 170101 2393",	/* typed */
		NULL
	};
	size_t i;

	(void)state;
	for (i = 0; forms[i] != NULL; i++)
		if (!pnr_find(forms[i]))
			fail_msg("not detected: %s", forms[i]);
}

static void
test_pnr_ignores_near_misses(void **state)
{
	static const char *const misses[] = {
		"201701012394",		/* wrong check digit */
		"170101-2394",
		"171301-2393",		/* month 13 */
		"170132-2391",		/* day 32, not a samordningsnummer */
		"17010123931",		/* 11 digits */
		"2017010123930",	/* 13 digits */
		"2017-01-01",		/* a date */
		"17010-12393",		/* separator in the wrong place */
		"1701 012393", "170101  2393",	/* spaces that are no separator */
		"K7Q2-9XHD", "", "0", NULL
	};
	size_t i;

	(void)state;
	for (i = 0; misses[i] != NULL; i++)
		if (pnr_find(misses[i]))
			fail_msg("wrongly detected: %s", misses[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_pnr_finds_skatteverket_test_number_in_every_form),
		cmocka_unit_test(test_pnr_ignores_near_misses),
	};

	return cmocka_run_group_tests_name("pnr", tests, NULL, NULL);
}
