/* Unit tests of colour.c: when a stream is coloured, and what goes out. */
#include "colour.h"
#include "testutil.h"

/* What fn wrote to a memory stream, as a string the caller frees. */
static char *
written(void (*fn)(FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	fn(fp);
	fclose(fp);
	return buf;
}

static void
late_hostile(FILE *fp)
{
	/* A case's text that tries to end the colour and start its own. */
	colour_put(fp, COLOUR_LATE, "Bo\033[0m\033[32mBerg");
}

static void
test_colour_escapes_the_text_between_its_codes(void **state)
{
	char *s;

	(void)state;
	colour_set_mode(COLOR_ALWAYS);
	s = written(late_hostile);
	/* Red, the text with both ESCs shown as \x1b, then the reset. */
	assert_string_equal(s, "\033[31mBo\\x1b[0m\\x1b[32mBerg\033[0m");
	free(s);
	colour_set_mode(COLOR_NEVER);
	s = written(late_hostile);
	assert_string_equal(s, "Bo\\x1b[0m\\x1b[32mBerg");
	free(s);
	colour_set_mode(COLOR_AUTO);
}

static void
test_colour_always_wins_over_no_color(void **state)
{
	FILE *fp = tmpfile();

	(void)state;
	assert_non_null(fp);
	setenv("NO_COLOR", "1", 1);
	setenv("TERM", "xterm", 1);
	colour_set_mode(COLOR_ALWAYS);
	assert_int_equal(colour_on(fp), 1);
	colour_set_mode(COLOR_AUTO);
	assert_int_equal(colour_on(fp), 0);
	assert_string_equal(colour_start(fp, COLOUR_ERROR), "");
	assert_string_equal(colour_end(fp), "");
	fclose(fp);
}

static void
test_colour_auto_needs_a_terminal_and_a_term(void **state)
{
	FILE *fp = tmpfile();

	(void)state;
	assert_non_null(fp);
	colour_set_mode(COLOR_AUTO);
	/* A file is never a terminal (the pager's pipe: tests/tty). */
	unsetenv("NO_COLOR");
	setenv("TERM", "xterm", 1);
	assert_int_equal(colour_on(fp), 0);
	/* An empty NO_COLOR does not count; TERM=dumb does. */
	setenv("NO_COLOR", "", 1);
	colour_set_mode(COLOR_ALWAYS);
	assert_int_equal(colour_on(fp), 1);
	colour_set_mode(COLOR_AUTO);
	setenv("TERM", "dumb", 1);
	assert_int_equal(colour_on(fp), 0);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_colour_escapes_the_text_between_its_codes),
		cmocka_unit_test(test_colour_always_wins_over_no_color),
		cmocka_unit_test(
		    test_colour_auto_needs_a_terminal_and_a_term),
	};

	return cmocka_run_group_tests_name("colour", tests, NULL, NULL);
}
