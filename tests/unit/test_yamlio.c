/* Unit tests of the strict YAML reader. */
#include "diag.h"
#include "strbuf.h"
#include "text.h"
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
	assert_reported("t.yml:3:1: error: duplicate key, first at 1:1");
	ydoc_release(&doc);
}

/* A key can be a name: the message gives positions, never the key. */
static void
test_yamlio_never_names_a_duplicate_key(void **state)
{
	struct ydoc doc;
	const char *msg;

	(void)state;
	assert_int_equal(parse(&doc, "a: 1\nKanariefågel: 2\n"
	    "Kanariefågel: 3\n"), -1);
	msg = messages();
	assert_non_null(strstr(msg, "t.yml:3:1: error: duplicate key, first "
	    "at 2:1"));
	assert_null(strstr(msg, "Kanarie"));
	ydoc_release(&doc);
}

/* Writes n keys "k0: 1" ... as one mapping into a new string. */
static char *
many_keys(size_t n, const char *last)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "k%zu: 1\n", i);
	strbuf_addstr(&sb, last);
	return strbuf_detach(&sb, NULL);
}

static void
test_yamlio_finds_duplicates_among_many_keys(void **state)
{
	struct ydoc doc;
	char *text;

	(void)state;
	text = many_keys(YAML_MAX_KEYS - 1, "k17: 2\n");
	assert_int_equal(parse(&doc, text), -1);
	assert_reported("t.yml:10000:1: error: duplicate key, first at 18:1");
	ydoc_release(&doc);
	free(text);
	text = many_keys(YAML_MAX_KEYS, "");
	assert_int_equal(parse(&doc, text), 0);
	assert_int_equal(ymap_len(doc.root), YAML_MAX_KEYS);
	ydoc_release(&doc);
	free(text);
}

static void
test_yamlio_bounds_the_keys_of_a_mapping(void **state)
{
	struct ydoc doc;
	char *text;

	(void)state;
	text = many_keys(YAML_MAX_KEYS, "extra: 1\n");
	assert_int_equal(parse(&doc, text), -1);
	assert_reported("t.yml:10001:1: error: more than 10000 keys in one "
	    "mapping");
	ydoc_release(&doc);
	free(text);
}

/*
 * NEL, LS and PS end a line for libyaml but not for git, grep or an
 * editor: an event after one in a comment would be read yet unseen.
 */
static void
test_yamlio_refuses_line_breaks_that_git_does_not_see(void **state)
{
	static const char *const breaks[] = { "\xc2\x85", "\xe2\x80\xa8",
	    "\xe2\x80\xa9" };
	struct ydoc doc;
	char *text;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		text = xasprintf("a: 1\n# ä%sb: 2\n", breaks[i]);
		assert_int_equal(parse(&doc, text), -1);
		assert_reported("t.yml:2:4: error: ");
		assert_null(ymap_get(doc.root, "b"));
		ydoc_release(&doc);
		free(text);
	}
	assert_int_equal(parse(&doc, "a: \"x\xc2\x85y\"\n"), -1);
	assert_reported("t.yml:1:6: error: next line (U+0085): a line break "
	    "to YAML but not to git or grep; remove it");
	ydoc_release(&doc);
	/* and written as an escape in a quoted value */
	assert_int_equal(parse(&doc, "a: \"x\\Ly\"\nb: \"\\P\"\n"), -1);
	assert_reported("t.yml:1:4: error: control, line separator");
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
	assert_reported("t.yml:1:4: error: control, line separator or "
	    "bidirectional");
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

/* Found by the hostile set: 125,000 markers took a minute to refuse. */
static void
test_yamlio_refuses_many_conflict_markers_quickly(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct ydoc doc;
	const char *msg, *p;
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < 100000; i++)
		strbuf_addstr(&sb, "=======\n");
	assert_int_equal(parse(&doc, sb.buf), -1);
	msg = messages();
	for (p = msg; (p = strstr(p, "conflict marker")) != NULL; p++)
		n++;
	assert_int_equal(n, 20);
	assert_non_null(strstr(msg, "t.yml:20:1: error: leftover git"));
	assert_non_null(strstr(msg, "t.yml: error: more problems like "
	    "these; only the first 20 are listed"));
	ydoc_release(&doc);
	strbuf_release(&sb);
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

/* Every message has a hard length cap, file name included. */
static void
test_yamlio_messages_have_a_length_cap(void **state)
{
	struct ydoc doc;
	char name[2001], text[3001];
	const char *msg;

	(void)state;
	memset(name, 'd', 2000);
	memcpy(name + 1990, "/k.yml", 7);
	assert_int_equal(ydoc_parse(&doc, name, "a: [1\n", 6), -1);
	msg = messages();
	assert_true(strlen(msg) < 400);
	assert_true(strncmp(msg, "sams: ...dddd", 13) == 0);
	assert_non_null(strstr(msg, "dddd/k.yml:2:1: error: "));
	ydoc_release(&doc);
	memset(text, 'x', 3000);
	text[3000] = '\0';
	error_at("k.yml", 1, 1, "%s", text);
	msg = messages();
	assert_true(strlen(msg) < 520);
	assert_non_null(strstr(msg, "xxx...\n"));
}

/* What one_rule_case allocates, freed by teardown even if one fails. */
struct one_rule {
	struct ydoc	 doc;
	struct strbuf	 yaml, shown;
};

static int
one_rule_setup(void **state)
{
	struct one_rule *f = xcalloc(1, sizeof(*f));

	strbuf_init(&f->yaml);
	strbuf_init(&f->shown);
	*state = f;
	return 0;
}

static int
one_rule_teardown(void **state)
{
	struct one_rule *f = *state;

	ydoc_release(&f->doc);
	strbuf_release(&f->yaml);
	strbuf_release(&f->shown);
	free(f);
	return 0;
}

/*
 * One test of which characters are unsafe, text_next(): the reader refuses
 * a value holding one unless it is a newline or a tab, and a diagnostic
 * escapes every one; both take the rest as it is.
 */
static void
test_yamlio_and_diag_follow_text_next(void **state)
{
	static const struct {
		const char	*escape;	/* in a double-quoted value */
		const char	*utf8;
	} chars[] = {
		{ "\\t", "\t" }, { "\\n", "\n" }, { "\\e", "\x1b" },
		{ "\\x7f", "\x7f" }, { "\\N", "\xc2\x85" },
		{ "\\x9f", "\xc2\x9f" }, { "\\xe5", "\xc3\xa5" },
		{ "\\xad", "\xc2\xad" },		/* soft hyphen */
		{ "\\u200b", "\xe2\x80\x8b" },	/* zero width space */
		{ "\\u200d", "\xe2\x80\x8d" },	/* zero width joiner */
		{ "\\u200e", "\xe2\x80\x8e" }, { "\\L", "\xe2\x80\xa8" },
		{ "\\u202e", "\xe2\x80\xae" }, { "\\u2066", "\xe2\x81\xa6" },
		{ "\\ufeff", "\xef\xbb\xbf" },
		{ "\\U000e0001", "\xf3\xa0\x80\x81" },
		{ "\\U0001f600", "\xf0\x9f\x98\x80" },
	};
	struct one_rule *f = *state;
	enum text_kind kind;
	unsigned long cp;
	size_t i, len;
	int unsafe;

	for (i = 0; i < sizeof(chars) / sizeof(chars[0]); i++) {
		kind = text_next(chars[i].utf8, strlen(chars[i].utf8), &len,
		    &cp);
		assert_int_equal(len, strlen(chars[i].utf8));
		unsafe = kind != TEXT_PLAIN && kind != TEXT_NEWLINE &&
		    kind != TEXT_TAB;
		strbuf_release(&f->yaml);
		strbuf_addf(&f->yaml, "a: \"x%sy\"\n", chars[i].escape);
		assert_int_equal(parse(&f->doc, f->yaml.buf), unsafe ? -1 : 0);
		ydoc_release(&f->doc);
		strbuf_release(&f->shown);
		diag_escape(&f->shown, chars[i].utf8, len);
		assert_int_equal(strcmp(f->shown.buf, chars[i].utf8) != 0,
		    kind != TEXT_PLAIN);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yamlio_gives_one_based_positions),
		cmocka_unit_test(test_yamlio_keeps_every_scalar_as_text),
		cmocka_unit_test(test_yamlio_rejects_duplicate_keys),
		cmocka_unit_test(test_yamlio_never_names_a_duplicate_key),
		cmocka_unit_test(test_yamlio_finds_duplicates_among_many_keys),
		cmocka_unit_test(test_yamlio_bounds_the_keys_of_a_mapping),
		cmocka_unit_test(
		    test_yamlio_refuses_line_breaks_that_git_does_not_see),
		cmocka_unit_test(test_yamlio_rejects_anchors_aliases_and_tags),
		cmocka_unit_test(test_yamlio_stops_deep_nesting_quickly),
		cmocka_unit_test(
		    test_yamlio_locates_encoding_errors_by_line_and_column),
		cmocka_unit_test(test_yamlio_rejects_several_documents),
		cmocka_unit_test(test_yamlio_rejects_utf16_and_nul),
		cmocka_unit_test(test_yamlio_rejects_escaped_control_characters),
		cmocka_unit_test(test_yamlio_reports_conflict_markers),
		cmocka_unit_test(
		    test_yamlio_refuses_many_conflict_markers_quickly),
		cmocka_unit_test(test_yamlio_reports_syntax_errors_with_context),
		cmocka_unit_test(test_yamlio_messages_have_a_length_cap),
		cmocka_unit_test_setup_teardown(
		    test_yamlio_and_diag_follow_text_next, one_rule_setup,
		    one_rule_teardown),
	};

	return cmocka_run_group_tests_name("yamlio", tests, capture_setup,
	    capture_teardown);
}
