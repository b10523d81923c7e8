/* Unit tests of html.c: the escaper and the document's frame. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "testutil.h"

/* What html_put() writes for s, to be freed. */
static char *
escaped(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	html_put(fp, s);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* The five characters that end text or a quoted attribute. */
static void
test_html_escape_markup_characters(void **state)
{
	char *s = escaped("<script>a&b \"c\" 'd'</style>");

	(void)state;
	assert_string_equal(s, "&lt;script&gt;a&amp;b &quot;c&quot; "
	    "&#39;d&#39;&lt;/style&gt;");
	free(s);
}

/*
 * Controls, a bidirectional override and a byte that is not UTF-8 are
 * shown as text.h's escapes, as on a terminal; Å and – stay as they are.
 */
static void
test_html_escape_shows_controls_visibly(void **state)
{
	char *s = escaped("Å\x1b[31m\n\x7f\xe2\x80\xae\xff–");

	(void)state;
	assert_string_equal(s, "Å\\x1b[31m\\n\\x7f\\u{202e}\\xff–");
	free(s);
}

/*
 * Runs of plain text are written whole: markup at either end, a long
 * plain run, a two-byte Å and a three-byte – between runs all come out
 * in their places.
 */
static void
test_html_escape_keeps_runs_in_order(void **state)
{
	char *s = escaped("&Åsa Öberg-Lind & co – 'x'<");

	(void)state;
	assert_string_equal(s,
	    "&amp;Åsa Öberg-Lind &amp; co – &#39;x&#39;&lt;");
	free(s);
}

static void
test_html_escape_of_nothing_is_nothing(void **state)
{
	char *s = escaped("");

	(void)state;
	assert_string_equal(s, "");
	free(s);
}

/* Figures in rows, as %ld would print them, the extremes too. */
static void
test_html_long_writes_decimal(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	char want[80];

	(void)state;
	assert_non_null(fp);
	html_long(fp, 0);
	fputc(' ', fp);
	html_long(fp, 527);
	fputc(' ', fp);
	html_long(fp, -3);
	fputc(' ', fp);
	html_long(fp, LONG_MIN);
	fputc(' ', fp);
	html_long(fp, LONG_MAX);
	fclose(fp);
	snprintf(want, sizeof(want), "0 527 -3 %ld %ld", LONG_MIN, LONG_MAX);
	assert_string_equal(buf, want);
	free(buf);
}

/* The frame: Swedish, UTF-8, the title escaped, the style inline. */
static void
test_html_document_frame(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(fp);
	html_begin(fp, "A & <B>");
	html_section(fp, "faser", "Faser");
	html_section_end(fp);
	html_end(fp);
	fclose(fp);
	/* the C locale of the unit tests: the page is in English */
	assert_non_null(strstr(buf, "<html lang=\"en\">"));
	assert_non_null(strstr(buf, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(buf, "<title>A &amp; &lt;B&gt;</title>"));
	assert_non_null(strstr(buf, "@page{size:A4"));
	assert_non_null(strstr(buf, "<section id=\"faser\" "
	    "aria-labelledby=\"faser-h\">\n<h2 id=\"faser-h\">Faser</h2>"));
	assert_null(strstr(buf, "http"));
	assert_non_null(strstr(buf, "</html>\n"));
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape_markup_characters),
		cmocka_unit_test(test_html_escape_shows_controls_visibly),
		cmocka_unit_test(test_html_escape_keeps_runs_in_order),
		cmocka_unit_test(test_html_escape_of_nothing_is_nothing),
		cmocka_unit_test(test_html_long_writes_decimal),
		cmocka_unit_test(test_html_document_frame),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
