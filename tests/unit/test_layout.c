/* Unit tests of layout.c: cells padded and text wrapped by characters. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
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
		T(test_layout_printf_escapes_only_the_arguments),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
