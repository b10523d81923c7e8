/* Unit tests of layout.c and term.c: cells padded, text wrapped by columns. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "term.h"
#include "testutil.h"

/* The output of one test, freed by teardown even when an assertion fails. */
struct fixture {
	char	*buf;
	size_t	 len;
	FILE	*fp;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	f->fp = open_memstream(&f->buf, &f->len);
	*state = f;
	return f->fp == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	fclose(f->fp);
	free(f->buf);
	free(f);
	layout_set_width(TERM_COLUMNS);	/* as a run starts */
	return 0;
}

/* What was written so far. */
static const char *
output(struct fixture *f)
{
	fflush(f->fp);
	return f->buf;
}

/* Å, Ä and Ö take two bytes and one column each: the columns still line up. */
static void
test_layout_pad_fills_to_the_column_by_characters(void **state)
{
	struct fixture *f = *state;

	layout_pad(f->fp, "Åsa", 6);
	layout_pad(f->fp, "Bo", 4);
	fputc('|', f->fp);
	assert_string_equal(output(f), "Åsa   Bo  |");
}

/* A cell as wide as its column or wider still ends before the next. */
static void
test_layout_pad_ends_an_overlong_cell_with_a_space(void **state)
{
	struct fixture *f = *state;

	layout_pad(f->fp, "Östersund", 5);
	layout_pad(f->fp, "Ödeshög", 7);
	layout_pad(f->fp, "", 0);
	fputc('|', f->fp);
	assert_string_equal(output(f), "Östersund Ödeshög |");
}

/* A tab in a cell is shown as \t and padded as the two columns it takes. */
static void
test_layout_pad_escapes_and_counts_the_escape(void **state)
{
	struct fixture *f = *state;

	layout_pad(f->fp, "a\tb", 6);
	fputc('|', f->fp);
	assert_string_equal(output(f), "a\\tb  |");
}

#define WORD	"ååååå"
#define TEN	WORD " " WORD " " WORD " " WORD " " WORD " " \
		WORD " " WORD " " WORD " " WORD " " WORD

/*
 * From column 14, ten words of five characters end at column 73 and an
 * eleventh would pass 78: counted in bytes, five words would fill a line.
 */
static void
test_layout_wrap_breaks_at_78_characters_not_bytes(void **state)
{
	struct fixture *f = *state;

	layout_wrap(f->fp, TEN " " TEN, 14, 14);
	assert_string_equal(output(f), TEN "\n              " TEN "\n");
}

/* Newlines and runs of spaces in the text are one space; the line ends. */
static void
test_layout_wrap_joins_lines_and_spaces(void **state)
{
	struct fixture *f = *state;

	layout_wrap(f->fp, "  rad ett\n\nrad   två\n", 0, 2);
	layout_wrap(f->fp, "", 0, 2);
	assert_string_equal(output(f), "rad ett rad två\n\n");
}

/*
 * A word is never split, however long: it gets a line of its own.  The
 * first word stays beside its label even past column 78.
 */
static void
test_layout_wrap_keeps_a_long_word_whole(void **state)
{
	struct fixture *f = *state;
	char text[160], want[128];

	memset(want, 'x', 100);
	want[100] = '\0';
	snprintf(text, sizeof(text), "kort %s slut", want);
	layout_wrap(f->fp, text, 76, 4);
	snprintf(want + 100, sizeof(want) - 100, "\n    slut\n");
	assert_memory_equal(output(f), "kort\n    ", 9);
	assert_string_equal(output(f) + 9, want);
}

/* An escape takes the columns people see: \x1b is four, and wraps. */
static void
test_layout_wrap_counts_an_escape_at_its_width(void **state)
{
	struct fixture *f = *state;

	layout_wrap(f->fp, "ab \x1b", 74, 2);
	assert_string_equal(output(f), "ab\n  \\x1b\n");
}

/*
 * A terminal of 60 columns wraps at 58: eleven words of 4 columns and the
 * ten spaces between fill 54 columns, and " bbbb" would end at 59, one
 * too many, so it starts line two.  At 80 (78) the text is one line.
 */
static void
test_layout_wrap_follows_the_width_set(void **state)
{
	struct fixture *f = *state;
	const char *text = "aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa "
	    "aaaa bbbb";

	layout_set_width(60);
	layout_wrap(f->fp, text, 0, 0);
	layout_set_width(80);
	layout_wrap(f->fp, text, 0, 0);
	assert_string_equal(output(f), "aaaa aaaa aaaa aaaa aaaa aaaa aaaa "
	    "aaaa aaaa aaaa aaaa\nbbbb\n"
	    "aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa bbbb\n");
}

/*
 * No width below 40: 10 is taken as 40, which wraps at 38.  From column
 * 30, "ett" (33) and "tva" (37) fit, "tre" would end at 41.
 */
static void
test_layout_wrap_has_a_least_width(void **state)
{
	struct fixture *f = *state;

	layout_set_width(10);
	layout_wrap(f->fp, "ett tva tre", 30, 0);
	assert_string_equal(output(f), "ett tva\ntre\n");
}

/*
 * "Lövgren" with o and a combining diaeresis is 7 columns as the
 * precomposed one is: from column 70, 70 + 1 + 7 = 78 still fits.
 */
static void
test_layout_wrap_counts_a_combining_mark_as_no_column(void **state)
{
	struct fixture *f = *state;

	layout_wrap(f->fp, "x Lo\xcc\x88vgren", 69, 0);
	layout_wrap(f->fp, "x L\xc3\xb6vgren", 69, 0);
	layout_wrap(f->fp, "x L\xc3\xb6vgrens", 69, 0);	/* 79: wraps */
	assert_string_equal(output(f), "x Lo\xcc\x88vgren\nx L\xc3\xb6vgren\n"
	    "x\nL\xc3\xb6vgrens\n");
}

/*
 * COLUMNS is a positive number and nothing else, or it is not used (0):
 * a sign, a space or a unit is no width.  Within 40 to 500.
 */
static void
test_term_parse_columns_takes_only_a_number(void **state)
{
	static const struct {
		const char	*s;
		size_t		 columns;
	} cases[] = {
		{ "60", 60 }, { "120", 120 }, { "80", 80 },
		{ "10", 40 }, { "1", 40 }, { "501", 500 },
		{ "99999999999999999999999999", 500 },
		{ NULL, 0 }, { "", 0 }, { "0", 0 }, { "-80", 0 }, { "+80", 0 },
		{ " 80", 0 }, { "80 ", 0 }, { "80x", 0 }, { "junk", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (term_parse_columns(cases[i].s) != cases[i].columns)
			fail_msg("COLUMNS=\"%s\" is %zu, not %zu",
			    cases[i].s != NULL ? cases[i].s : "(unset)",
			    term_parse_columns(cases[i].s), cases[i].columns);
}

/* Not a terminal (the unit test's pipe or file): 80 unless COLUMNS. */
static void
test_term_columns_is_80_without_a_terminal(void **state)
{
	int fd = fileno(((struct fixture *)*state)->fp);

	assert_int_equal(term_columns(NULL, fd), 80);
	assert_int_equal(term_columns("junk", fd), 80);
	assert_int_equal(term_columns("132", fd), 132);
}

/*
 * A sentence for people escapes what its %s arguments hold (a name from a
 * case file with a control and a bidi override), never the format's own
 * text; numbers and %% as printf writes them.
 */
static void
test_layout_printf_escapes_only_the_arguments(void **state)
{
	struct fixture *f = *state;

	layout_printf(f->fp, "Nothing for %s as %s: %d, %zu, 100%%\n",
	    "A\x1b[2J\xe2\x80\xae" "B", "Rektor", -3, (size_t)12);
	assert_string_equal(output(f), "Nothing for A\\x1b[2J\\u{202e}B as "
	    "Rektor: -3, 12, 100%\n");
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_layout_pad_fills_to_the_column_by_characters),
		T(test_layout_pad_ends_an_overlong_cell_with_a_space),
		T(test_layout_pad_escapes_and_counts_the_escape),
		T(test_layout_wrap_breaks_at_78_characters_not_bytes),
		T(test_layout_wrap_joins_lines_and_spaces),
		T(test_layout_wrap_keeps_a_long_word_whole),
		T(test_layout_wrap_counts_an_escape_at_its_width),
		T(test_layout_wrap_follows_the_width_set),
		T(test_layout_wrap_has_a_least_width),
		T(test_layout_wrap_counts_a_combining_mark_as_no_column),
		T(test_term_parse_columns_takes_only_a_number),
		T(test_term_columns_is_80_without_a_terminal),
		T(test_layout_printf_escapes_only_the_arguments),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
