/* Unit tests of the strict YAML reader. */
#include "testutil.h"
#include "yamlio.h"

static int
parse(struct ydoc *doc, const char *text)
{
	return ydoc_parse(doc, "t.yml", text, strlen(text));
}

static void
test_yamlio_gives_one_based_positions(void **state)
{
	struct ydoc doc;
	const struct ynode *v;

	(void)state;
	assert_int_equal(parse(&doc, "a: 1\nlist:\n  - x\n  - nästa\n"), 0);
	v = ymap_get(doc.root, "list");
	assert_non_null(v);
	assert_int_equal(v->kind, YN_SEQ);
	assert_int_equal(v->kids[1]->line, 4);
	assert_int_equal(v->kids[1]->col, 5);
	assert_string_equal(v->kids[1]->str, "nästa");
	ydoc_release(&doc);
}

static void
test_yamlio_keeps_every_scalar_as_text(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "a: no\nb: 0123\nc: 2026-01-01\nd: ~\n"),
	    0);
	assert_string_equal(ymap_get(doc.root, "a")->str, "no");
	assert_string_equal(ymap_get(doc.root, "b")->str, "0123");
	assert_string_equal(ymap_get(doc.root, "c")->str, "2026-01-01");
	assert_true(ynode_is_null(ymap_get(doc.root, "d")));
	ydoc_release(&doc);
}

static void
test_yamlio_rejects_duplicate_keys(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "k: 1\nj: 2\nk: 3\n"), -1);
	assert_reported("t.yml:3:1: error: duplicate key 'k' (first at line 1)");
	ydoc_release(&doc);
}

static void
test_yamlio_rejects_anchors_aliases_and_tags(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "a: &x [1]\nb: *x\nc: !!int 3\n"), -1);
	assert_reported("t.yml:1:4: error: anchors are not allowed");
	ydoc_release(&doc);
	assert_int_equal(parse(&doc, "a: 1\nb: *x\n"), -1);
	messages();
	ydoc_release(&doc);
	assert_int_equal(parse(&doc, "c: !!int 3\n"), -1);
	assert_reported("t.yml:1:4: error: tags are not allowed");
	ydoc_release(&doc);
}

static void
test_yamlio_stops_deep_nesting_quickly(void **state)
{
	struct ydoc doc;
	char *deep;

	(void)state;
	deep = xmalloc(100001);
	memset(deep, '[', 50000);
	memset(deep + 50000, ']', 50000);
	deep[100000] = '\0';
	assert_int_equal(parse(&doc, deep), -1);
	assert_reported("nesting is deeper than 16 levels");
	ydoc_release(&doc);
	free(deep);
}

static void
test_yamlio_locates_encoding_errors_by_line_and_column(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "a: b\nc: d\nå: \xff\n"), -1);
	assert_reported("t.yml:3:4: error: invalid leading UTF-8 octet");
	ydoc_release(&doc);
}

static void
test_yamlio_rejects_several_documents(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "a: 1\n---\nb: 2\n"), -1);
	assert_reported("t.yml:2:1: error: a file holds one YAML document");
	ydoc_release(&doc);
}

static void
test_yamlio_rejects_utf16_and_nul(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(ydoc_parse(&doc, "t.yml", "\xff\xfe" "a\0:", 5), -1);
	assert_reported("t.yml: error: file is UTF-16");
	ydoc_release(&doc);
	assert_int_equal(ydoc_parse(&doc, "t.yml", "a: b\nc\0: d", 10), -1);
	assert_reported("t.yml:2:2: error: NUL byte");
	ydoc_release(&doc);
}

static void
test_yamlio_rejects_escaped_control_characters(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "a: \"x\\e[31m\"\n"), -1);
	assert_reported("t.yml:1:4: error: control or bidirectional");
	ydoc_release(&doc);
	assert_int_equal(parse(&doc, "a: \"x\\0y\"\n"), -1);
	assert_reported("NUL character in a value");
	ydoc_release(&doc);
	assert_int_equal(parse(&doc, "a: \"\xe2\x80\xae" "abc\"\n"), -1);
	assert_reported("bidirectional");
	ydoc_release(&doc);
}

static void
test_yamlio_reports_conflict_markers(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "a: 1\n<<<<<<< HEAD\nb: 2\n=======\n"
	    "b: 3\n>>>>>>> x\n"), -1);
	assert_reported("t.yml:2:1: error: leftover git conflict marker");
	ydoc_release(&doc);
}

static void
test_yamlio_reports_syntax_errors_with_context(void **state)
{
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "a: 1\nb: [1, 2\n"), -1);
	assert_reported("t.yml:3:1: error: did not find expected ',' or ']' "
	    "(while parsing a flow sequence at 2:4)");
	ydoc_release(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yamlio_gives_one_based_positions),
		cmocka_unit_test(test_yamlio_keeps_every_scalar_as_text),
		cmocka_unit_test(test_yamlio_rejects_duplicate_keys),
		cmocka_unit_test(test_yamlio_rejects_anchors_aliases_and_tags),
		cmocka_unit_test(test_yamlio_stops_deep_nesting_quickly),
		cmocka_unit_test(
		    test_yamlio_locates_encoding_errors_by_line_and_column),
		cmocka_unit_test(test_yamlio_rejects_several_documents),
		cmocka_unit_test(test_yamlio_rejects_utf16_and_nul),
		cmocka_unit_test(test_yamlio_rejects_escaped_control_characters),
		cmocka_unit_test(test_yamlio_reports_conflict_markers),
		cmocka_unit_test(test_yamlio_reports_syntax_errors_with_context),
	};

	return cmocka_run_group_tests_name("yamlio", tests, capture_setup,
	    capture_teardown);
}
