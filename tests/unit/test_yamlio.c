/* Unit tests of the strict YAML reader. */
#include "diag.h"
#include "strbuf.h"
#include "text.h"
#include "testutil.h"
#include "yamlio.h"

/* What a test allocates, freed by teardown even when an assertion fails. */
struct fixture {
	struct ydoc	 doc;
	struct strbuf	 yaml, shown;
	char		*text;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	strbuf_init(&f->yaml);
	strbuf_init(&f->shown);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	ydoc_release(&f->doc);
	strbuf_release(&f->yaml);
	strbuf_release(&f->shown);
	free(f->text);
	free(f);
	return 0;
}

static int
parse(struct ydoc *doc, const char *text)
{
	return ydoc_parse(doc, "t.yml", text, strlen(text));
}

static void
test_yamlio_gives_one_based_positions(void **state)
{
	struct fixture *f = *state;
	const struct ynode *v;

	assert_int_equal(parse(&f->doc, "a: 1\nlist:\n  - x\n  - nästa\n"),
	    0);
	v = ymap_get(f->doc.root, "list");
	assert_non_null(v);
	assert_int_equal(v->kind, YN_SEQ);
	assert_int_equal(v->kids[1]->line, 4);
	assert_int_equal(v->kids[1]->col, 5);
	assert_string_equal(v->kids[1]->str, "nästa");
}

static void
test_yamlio_keeps_every_scalar_as_text(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "a: no\nb: 0123\nc: 2026-01-01\n"
	    "d: ~\n"), 0);
	assert_string_equal(ymap_get(f->doc.root, "a")->str, "no");
	assert_string_equal(ymap_get(f->doc.root, "b")->str, "0123");
	assert_string_equal(ymap_get(f->doc.root, "c")->str, "2026-01-01");
	assert_true(ynode_is_null(ymap_get(f->doc.root, "d")));
}

static void
test_yamlio_rejects_duplicate_keys(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "k: 1\nj: 2\nk: 3\n"), -1);
	assert_reported("t.yml:3:1: error: duplicate key, first at 1:1");
}

/* A key can be a name: the message gives positions, never the key. */
static void
test_yamlio_never_names_a_duplicate_key(void **state)
{
	struct fixture *f = *state;
	const char *msg;

	assert_int_equal(parse(&f->doc, "a: 1\nKanariefågel: 2\n"
	    "Kanariefågel: 3\n"), -1);
	msg = messages();
	assert_non_null(strstr(msg, "t.yml:3:1: error: duplicate key, first "
	    "at 2:1"));
	assert_null(strstr(msg, "Kanarie"));
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
	struct fixture *f = *state;

	f->text = many_keys(YAML_MAX_KEYS - 1, "k17: 2\n");
	assert_int_equal(parse(&f->doc, f->text), -1);
	assert_reported("t.yml:10000:1: error: duplicate key, first at 18:1");
	ydoc_release(&f->doc);
	free(f->text);
	f->text = many_keys(YAML_MAX_KEYS, "");
	assert_int_equal(parse(&f->doc, f->text), 0);
	assert_int_equal(ymap_len(f->doc.root), YAML_MAX_KEYS);
}

static void
test_yamlio_bounds_the_keys_of_a_mapping(void **state)
{
	struct fixture *f = *state;

	f->text = many_keys(YAML_MAX_KEYS, "extra: 1\n");
	assert_int_equal(parse(&f->doc, f->text), -1);
	assert_reported("t.yml:10001:1: error: more than 10000 keys in one "
	    "mapping");
}

/*
 * Long runs of ASCII are looked at 8 bytes at a time: a hidden break or a
 * control after any number of them is still found, at its column in
 * characters ("# ", the run, "ä", then the break: column run + 4).
 */
static void
test_yamlio_finds_what_follows_long_ascii(void **state)
{
	struct fixture *f = *state;
	char want[64];
	size_t pad;

	for (pad = 0; pad < 18; pad++) {
		free(f->text);
		f->text = xasprintf("# %.*s\xc3\xa4\xe2\x80\xa8" "b: 2\n",
		    (int)pad, "aaaaaaaaaaaaaaaaaaaaaaaa");
		assert_int_equal(parse(&f->doc, f->text), -1);
		snprintf(want, sizeof(want), "t.yml:1:%zu: error: line "
		    "separator", pad + 4);
		assert_reported(want);
		ydoc_release(&f->doc);
		free(f->text);
		f->text = xasprintf("a: \"%.*s\\x7f%s\"\n", (int)pad,
		    "xxxxxxxxxxxxxxxxxxxxxxxx", "yyyyyyyyyy");
		assert_int_equal(parse(&f->doc, f->text), -1);
		assert_reported("t.yml:1:4: error: control, line separator");
		ydoc_release(&f->doc);
	}
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
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < 3; i++) {
		free(f->text);
		f->text = xasprintf("a: 1\n# ä%sb: 2\n", breaks[i]);
		assert_int_equal(parse(&f->doc, f->text), -1);
		assert_reported("t.yml:2:4: error: ");
		assert_null(ymap_get(f->doc.root, "b"));
		ydoc_release(&f->doc);
	}
	assert_int_equal(parse(&f->doc, "a: \"x\xc2\x85y\"\n"), -1);
	assert_reported("t.yml:1:6: error: next line (U+0085): a line break "
	    "to YAML but not to git or grep; remove it");
	ydoc_release(&f->doc);
	/* and written as an escape in a quoted value */
	assert_int_equal(parse(&f->doc, "a: \"x\\Ly\"\nb: \"\\P\"\n"), -1);
	assert_reported("t.yml:1:4: error: control, line separator");
}

static void
test_yamlio_rejects_anchors_aliases_and_tags(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "a: &x [1]\nb: *x\nc: !!int 3\n"),
	    -1);
	assert_reported("t.yml:1:4: error: anchors are not allowed");
	ydoc_release(&f->doc);
	assert_int_equal(parse(&f->doc, "a: 1\nb: *x\n"), -1);
	messages();
	ydoc_release(&f->doc);
	assert_int_equal(parse(&f->doc, "c: !!int 3\n"), -1);
	assert_reported("t.yml:1:4: error: tags are not allowed");
}

static void
test_yamlio_stops_deep_nesting_quickly(void **state)
{
	struct fixture *f = *state;

	f->text = xmalloc(100001);
	memset(f->text, '[', 50000);
	memset(f->text + 50000, ']', 50000);
	f->text[100000] = '\0';
	assert_int_equal(parse(&f->doc, f->text), -1);
	assert_reported("nesting is deeper than 16 levels");
}

static void
test_yamlio_locates_encoding_errors_by_line_and_column(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "a: b\nc: d\nå: \xff\n"), -1);
	assert_reported("t.yml:3:4: error: invalid leading UTF-8 octet");
}

static void
test_yamlio_rejects_several_documents(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "a: 1\n---\nb: 2\n"), -1);
	assert_reported("t.yml:2:1: error: a file holds one YAML document");
}

static void
test_yamlio_rejects_utf16_and_nul(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(ydoc_parse(&f->doc, "t.yml", "\xff\xfe" "a\0:", 5),
	    -1);
	assert_reported("t.yml: error: file is UTF-16");
	ydoc_release(&f->doc);
	assert_int_equal(ydoc_parse(&f->doc, "t.yml", "a: b\nc\0: d", 10),
	    -1);
	assert_reported("t.yml:2:2: error: NUL byte");
}

static void
test_yamlio_rejects_escaped_control_characters(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "a: \"x\\e[31m\"\n"), -1);
	assert_reported("t.yml:1:4: error: control, line separator or "
	    "bidirectional");
	ydoc_release(&f->doc);
	assert_int_equal(parse(&f->doc, "a: \"x\\0y\"\n"), -1);
	assert_reported("NUL character in a value");
	ydoc_release(&f->doc);
	assert_int_equal(parse(&f->doc, "a: \"\xe2\x80\xae" "abc\"\n"), -1);
	assert_reported("bidirectional");
}

static void
test_yamlio_reports_conflict_markers(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "a: 1\n<<<<<<< HEAD\nb: 2\n=======\n"
	    "b: 3\n>>>>>>> x\n"), -1);
	assert_reported("t.yml:2:1: error: leftover git conflict marker");
}

/* Found by the hostile set: 125,000 markers took a minute to refuse. */
static void
test_yamlio_refuses_many_conflict_markers_quickly(void **state)
{
	struct fixture *f = *state;
	const char *msg, *p;
	size_t i, n = 0;

	for (i = 0; i < 100000; i++)
		strbuf_addstr(&f->yaml, "=======\n");
	assert_int_equal(parse(&f->doc, f->yaml.buf), -1);
	msg = messages();
	for (p = msg; (p = strstr(p, "conflict marker")) != NULL; p++)
		n++;
	assert_int_equal(n, 20);
	assert_non_null(strstr(msg, "t.yml:20:1: error: leftover git"));
	assert_non_null(strstr(msg, "t.yml: error: more problems like "
	    "these; only the first 20 are listed"));
}

static void
test_yamlio_reports_syntax_errors_with_context(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(parse(&f->doc, "a: 1\nb: [1, 2\n"), -1);
	assert_reported("t.yml:3:1: error: did not find expected ',' or ']' "
	    "(while parsing a flow sequence at 2:4)");
}

/* Every message has a hard length cap, file name included. */
static void
test_yamlio_messages_have_a_length_cap(void **state)
{
	struct fixture *f = *state;
	char name[2001], text[3001];
	const char *msg;

	memset(name, 'd', 2000);
	memcpy(name + 1990, "/k.yml", 7);
	assert_int_equal(ydoc_parse(&f->doc, name, "a: [1\n", 6), -1);
	msg = messages();
	assert_true(strlen(msg) < 400);
	assert_true(strncmp(msg, "sams: ...dddd", 13) == 0);
	assert_non_null(strstr(msg, "dddd/k.yml:2:1: error: "));
	ydoc_release(&f->doc);
	memset(text, 'x', 3000);
	text[3000] = '\0';
	error_at("k.yml", 1, 1, "%s", text);
	msg = messages();
	assert_true(strlen(msg) < 520);
	assert_non_null(strstr(msg, "xxx...\n"));
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
	struct fixture *f = *state;
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

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_yamlio_gives_one_based_positions),
		T(test_yamlio_keeps_every_scalar_as_text),
		T(test_yamlio_rejects_duplicate_keys),
		T(test_yamlio_never_names_a_duplicate_key),
		T(test_yamlio_finds_duplicates_among_many_keys),
		T(test_yamlio_bounds_the_keys_of_a_mapping),
		T(test_yamlio_refuses_line_breaks_that_git_does_not_see),
		T(test_yamlio_finds_what_follows_long_ascii),
		T(test_yamlio_rejects_anchors_aliases_and_tags),
		T(test_yamlio_stops_deep_nesting_quickly),
		T(test_yamlio_locates_encoding_errors_by_line_and_column),
		T(test_yamlio_rejects_several_documents),
		T(test_yamlio_rejects_utf16_and_nul),
		T(test_yamlio_rejects_escaped_control_characters),
		T(test_yamlio_reports_conflict_markers),
		T(test_yamlio_refuses_many_conflict_markers_quickly),
		T(test_yamlio_reports_syntax_errors_with_context),
		T(test_yamlio_messages_have_a_length_cap),
		T(test_yamlio_and_diag_follow_text_next),
	};

	return cmocka_run_group_tests_name("yamlio", tests, capture_setup,
	    capture_teardown);
}
