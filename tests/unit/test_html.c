/* Unit tests of html.c: the escaper and the document's frame. */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "strbuf.h"
#include "testutil.h"

static char *
escaped(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	html_escape(&sb, s);
	return strbuf_detach(&sb, NULL);
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

static void
test_html_escape_of_nothing_is_nothing(void **state)
{
	char *s = escaped("");

	(void)state;
	assert_string_equal(s, "");
	free(s);
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
	assert_non_null(strstr(buf, "<html lang=\"sv\">"));
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
		cmocka_unit_test(test_html_escape_of_nothing_is_nothing),
		cmocka_unit_test(test_html_document_frame),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
