/* Unit tests of showing untrusted text: text.c, json_string, cli_line. */
#include "cli.h"
#include "json.h"
#include "layout.h"
#include "sams.h"
#include "strbuf.h"
#include "text.h"
#include "testutil.h"

static enum text_kind
kind_of(const char *s, size_t *len)
{
	unsigned long cp;

	return text_next(s, strlen(s), len, &cp);
}

/*
 * Every two-byte character, through the quick way for U+00C0 to U+033F
 * (å, ä, ö) and the whole decoding for the rest: C1 controls (U+0080 to
 * U+009F), the two format characters of the range (U+034F, U+061C), and
 * the rest plain, each with its code point; a lead byte with no second
 * byte, or a bad one, is invalid.
 */
static void
test_text_two_byte_characters(void **state)
{
	enum text_kind kind, want;
	unsigned long cp, c;
	char s[3];
	size_t len;

	(void)state;
	for (c = 0x80; c <= 0x7ff; c++) {
		s[0] = (char)(0xc0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3f));
		s[2] = '\0';
		kind = text_next(s, 2, &len, &cp);
		want = c <= 0x9f ? TEXT_CONTROL : c == 0x34f || c == 0x61c ?
		    TEXT_FORMAT : TEXT_PLAIN;
		assert_int_equal(kind, want);
		assert_int_equal(len, 2);
		assert_int_equal(cp, c);
	}
	assert_int_equal(text_next("\xc3", 1, &len, &cp), TEXT_INVALID);
	assert_int_equal(text_next("\xc3x", 2, &len, &cp), TEXT_INVALID);
	assert_int_equal(len, 1);
	assert_int_equal(text_next("\xc3\xc3", 2, &len, &cp), TEXT_INVALID);
}

static void
test_text_sorts_characters_into_kinds(void **state)
{
	static const struct {
		const char	*s;
		enum text_kind	 kind;
		size_t		 len;
	} cases[] = {
		{ "a", TEXT_PLAIN, 1 },
		{ "\xc3\xa5", TEXT_PLAIN, 2 },			/* å */
		{ "\xe2\x80\x93", TEXT_PLAIN, 3 },		/* – */
		{ "\xf0\x9f\x98\x80", TEXT_PLAIN, 4 },		/* U+1F600 */
		{ "\n", TEXT_NEWLINE, 1 },
		{ "\t", TEXT_TAB, 1 },
		{ "\x1b", TEXT_CONTROL, 1 },
		{ "\r", TEXT_CONTROL, 1 },
		{ "\x7f", TEXT_CONTROL, 1 },
		{ "\xc2\x85", TEXT_CONTROL, 2 },		/* NEL */
		{ "\xc2\x9b", TEXT_CONTROL, 2 },		/* CSI */
		{ "\xe2\x80\xa8", TEXT_FORMAT, 3 },		/* LS */
		{ "\xe2\x80\xa9", TEXT_FORMAT, 3 },		/* PS */
		{ "\xe2\x80\xaa", TEXT_FORMAT, 3 },		/* LRE */
		{ "\xe2\x80\xae", TEXT_FORMAT, 3 },		/* RLO */
		{ "\xe2\x81\xa6", TEXT_FORMAT, 3 },		/* LRI */
		{ "\xe2\x81\xa9", TEXT_FORMAT, 3 },		/* PDI */
		{ "\xe2\x80\x8e", TEXT_FORMAT, 3 },		/* LRM */
		{ "\xe2\x80\x8f", TEXT_FORMAT, 3 },		/* RLM */
		{ "\xd8\x9c", TEXT_FORMAT, 2 },		/* ALM */
		{ "\xe2\x80\x8b", TEXT_FORMAT, 3 },		/* ZWSP */
		{ "\xef\xbb\xbf", TEXT_FORMAT, 3 },		/* BOM */
		{ "\xe2\x81\xa0", TEXT_FORMAT, 3 },		/* WJ */
		{ "\xe2\x81\xa4", TEXT_FORMAT, 3 },		/* U+2064 */
		{ "\xf3\xa0\x80\x80", TEXT_FORMAT, 4 },	/* U+E0000 */
		{ "\xf3\xa0\x81\xbf", TEXT_FORMAT, 4 },	/* U+E007F */
		{ "\xc2\xad", TEXT_PLAIN, 2 },		/* soft hyphen */
		{ "\xe2\x80\x8c", TEXT_PLAIN, 3 },		/* ZWNJ */
		{ "\xe2\x80\x8d", TEXT_PLAIN, 3 },		/* ZWJ */
		{ "\xe2\x81\xa5", TEXT_FORMAT, 3 },		/* U+2065 */
		{ "\xf3\xa0\x82\x80", TEXT_PLAIN, 4 },	/* U+E0080 */
		{ "\xff", TEXT_INVALID, 1 },
		{ "\x80", TEXT_INVALID, 1 },			/* lone trail */
		{ "\xc0\xaf", TEXT_INVALID, 1 },		/* overlong */
		{ "\xe0\x80\xaf", TEXT_INVALID, 1 },		/* overlong */
		{ "\xed\xa0\x80", TEXT_INVALID, 1 },		/* surrogate */
		{ "\xf4\x90\x80\x80", TEXT_INVALID, 1 },	/* > U+10FFFF */
		{ "\xe2\x80", TEXT_INVALID, 1 },		/* cut short */
		{ "\xc3" "a", TEXT_INVALID, 1 },		/* no trail */
	};
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(kind_of(cases[i].s, &len), cases[i].kind);
		assert_int_equal(len, cases[i].len);
	}
}

static void
assert_escaped(const char *in, unsigned flags, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	text_escape(&sb, in, strlen(in), flags);
	assert_string_equal(sb.buf != NULL ? sb.buf : "", want);
	strbuf_release(&sb);
}

static void
test_text_escapes_what_would_steer_a_terminal(void **state)
{
	(void)state;
	assert_escaped("Björkskolan – åk 7", 0, "Björkskolan – åk 7");
	assert_escaped("a\x1b[31mb", 0, "a\\x1b[31mb");
	assert_escaped("rad 1\nrad 2\tslut", 0, "rad 1\\nrad 2\\tslut");
	assert_escaped("x\r\x7f", 0, "x\\x0d\\x7f");
	assert_escaped("\xc2\x85" "dolt", 0, "\\u{0085}dolt");
	assert_escaped("a\xe2\x80\xa8" "b\xe2\x80\xa9", 0,
	    "a\\u{2028}b\\u{2029}");
	assert_escaped("fil\xe2\x80\xaelmth.yml", 0, "fil\\u{202e}lmth.yml");
	assert_escaped("a\xe2\x80\x8f" "b\xe2\x80\x8b" "c", 0,
	    "a\\u{200f}b\\u{200b}c");
	assert_escaped("\xf3\xa0\x80\x81x", 0, "\\u{e0001}x");
	assert_escaped("a\xe3\x85\xa4" "b\xcd\x8f" "c\xe1\xa0\x8e", 0,
	    "a\\u{3164}b\\u{034f}c\\u{180e}");
	assert_escaped("bad\xff\xfe.yml", 0, "bad\\xff\\xfe.yml");
	assert_escaped("\xe2\x80", 0, "\\xe2\\x80");
	assert_escaped("a\\b", 0, "a\\b");
	assert_escaped("a\\b\tc", TEXT_BACKSLASH, "a\\\\b\\tc");
	assert_escaped("", 0, "");
}

/*
 * Columns as a terminal shows them, counted by hand: a combining mark
 * takes none, so a decomposed name is as wide as the precomposed one; a
 * wide character takes two; an escape keeps its own length.
 */
static void
test_text_width_counts_terminal_columns(void **state)
{
	static const struct {
		const char	*s;
		size_t		 columns;
	} cases[] = {
		{ "L\xc3\xb6vgren", 7 },		/* Lövgren, ö precomposed */
		{ "Lo\xcc\x88vgren", 7 },		/* o + U+0308: 7 too */
		{ "A\xcc\x8a" "sa", 3 },		/* A + ring above: Åsa */
		{ "e\xcc\x81\xcc\xa3", 1 },		/* e + two marks */
		{ "\xe5\xb1\xb1\xe7\x94\xb0", 4 },	/* 山田: 2 + 2 */
		{ "\xea\xb9\x80", 2 },		/* 김, a Hangul syllable */
		{ "\xef\xbc\xa1", 2 },		/* fullwidth A */
		{ "\xf0\x9f\x98\x80", 2 },		/* U+1F600, an emoji */
		{ "\xe2\x9d\xa4\xef\xb8\x8f", 1 },	/* ❤ + VS16 */
		{ "a\xe2\x80\x8d" "b", 2 },		/* a ZWJ b */
		{ "\xd9\x85\xd9\x8e", 1 },		/* Arabic meem + fatha */
		{ "\xe2\x80\x93", 1 },		/* en dash: narrow */
		{ "\xcc\x88", 0 },			/* a mark alone */
		{ "\xe3\x81\x8b\xe3\x82\x99", 2 },	/* か + voicing mark */
		{ "\xf0\xa0\x80\x80", 2 },		/* U+20000, plane 2 */
		{ "o\xcd\x8f", 9 },		/* U+034F is escaped: 1 + 8 */
		{ "\xe2\x80\x8b", 8 },		/* ZWSP, escaped: \u{200b} */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (text_width(cases[i].s) != cases[i].columns)
			fail_msg("text_width(case %zu) is %zu, not %zu", i,
			    text_width(cases[i].s), cases[i].columns);
}

/* Names decomposed and precomposed pad to the same column. */
static void
test_layout_pad_lines_up_decomposed_and_wide_names(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	layout_pad(fp, "Lo\xcc\x88vgren", 9);	/* 7 columns + 2 spaces */
	fputs("|\n", fp);
	layout_pad(fp, "L\xc3\xb6vgren", 9);
	fputs("|\n", fp);
	layout_pad(fp, "\xe5\xb1\xb1\xe7\x94\xb0", 9);	/* 4 + 5 */
	fputs("|\n", fp);
	fclose(fp);
	assert_string_equal(buf, "Lo\xcc\x88vgren  |\nL\xc3\xb6vgren  |\n"
	    "\xe5\xb1\xb1\xe7\x94\xb0     |\n");
	free(buf);
}

static void
test_text_width_counts_the_escapes(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	assert_int_equal(text_width("åäö"), 3);
	assert_int_equal(text_width("\x1b"), 4);
	assert_int_equal(text_width("\n"), 2);
	assert_int_equal(text_width("\xe2\x80\xae"), 8);
	assert_int_equal(text_width("\xff"), 4);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	layout_pad(fp, "a\x1b", 7);
	layout_pad(fp, "å", 2);
	fclose(fp);
	assert_string_equal(buf, "a\\x1b  å ");
	free(buf);
}

static void
assert_json(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	json_string(&sb, in);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

static void
test_json_string_is_valid_utf8_whatever_it_gets(void **state)
{
	(void)state;
	assert_json(NULL, "null");
	assert_json("", "\"\"");
	assert_json("Åsa \"Ö\" \\", "\"Åsa \\\"Ö\\\" \\\\\"");
	assert_json("a\nb\tc\x1b\x7f", "\"a\\nb\\tc\\u001b\\u007f\"");
	assert_json("bad\xff" "x\xc3", "\"bad\\ufffdx\\ufffd\"");
	assert_json("\xc2\x85\xe2\x80\xa8\xe2\x80\xa9\xe2\x80\xae",
	    "\"\\u0085\\u2028\\u2029\\u202e\"");
	assert_json("\xe2\x80\x8f\xf3\xa0\x80\x81",	/* RLM, U+E0001 */
	    "\"\\u200f\\udb40\\udc01\"");
	assert_json("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"");
}

/*
 * in: 24 letters with byte c at place at; want: what escaping it gives
 * when c gives esc, between the quotes q.
 */
static void
one_byte_among_letters(char in[25], char want[40], int c, size_t at,
    const char *esc, const char *q)
{
	memset(in, 'a', 24);
	in[24] = '\0';
	in[at] = (char)c;
	snprintf(want, 40, "%s%.*s%s%.*s%s", q, (int)at, in, esc,
	    (int)(23 - at), in + at + 1, q);
}

/*
 * Each byte 0x01-0xff at each place of a text of 24, among letters that
 * need no escape: the same escape wherever it falls, inside the eight
 * bytes looked at at once or not.
 */
static void
test_json_string_escapes_a_byte_wherever_it_is(void **state)
{
	char in[25], want[40], esc[12];
	size_t at;
	int c;

	(void)state;
	for (c = 1; c < 256; c++) {
		if (c == '"' || c == '\\')
			snprintf(esc, sizeof(esc), "\\%c", c);
		else if (c == '\n' || c == '\t')
			snprintf(esc, sizeof(esc), "\\%c", c == '\n' ? 'n' : 't');
		else if (c < 0x20 || c == 0x7f)
			snprintf(esc, sizeof(esc), "\\u%04x", c);
		else if (c >= 0x80)	/* alone, not UTF-8 */
			snprintf(esc, sizeof(esc), "\\ufffd");
		else
			snprintf(esc, sizeof(esc), "%c", c);
		for (at = 0; at < 24; at++) {
			one_byte_among_letters(in, want, c, at, esc, "\"");
			assert_json(in, want);
		}
	}
}

/*
 * The same for text_escape() and text_width(), which also go 8 ASCII
 * bytes at a time: one byte among 23 letters is escaped (\\xNN for a
 * control or a byte that is not UTF-8, \\n, \\t) or kept, and the width
 * is the letters' plus the escape's or 1.
 */
static void
test_text_escape_and_width_wherever_a_byte_is(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char in[25], want[40], esc[12];
	size_t at;
	int c;

	(void)state;
	for (c = 1; c < 256; c++) {
		if (c == '\n' || c == '\t')
			snprintf(esc, sizeof(esc), "\\%c", c == '\n' ? 'n' : 't');
		else if (c < 0x20 || c >= 0x7f)
			snprintf(esc, sizeof(esc), "\\x%02x", c);
		else
			snprintf(esc, sizeof(esc), "%c", c);
		for (at = 0; at < 24; at++) {
			one_byte_among_letters(in, want, c, at, esc, "");
			strbuf_reset(&sb);
			text_escape(&sb, in, 24, 0);
			assert_string_equal(sb.buf, want);
			assert_int_equal(text_width(in), 23 + strlen(esc));
		}
	}
	strbuf_release(&sb);
}

static void
test_diagnostics_escape_bytes_that_are_not_utf8(void **state)
{
	(void)state;
	error_at("bad\xff\x1b.yml", 2, 3, "a message");
	assert_reported("sams: bad\\xff\\x1b.yml:2:3: error: a message\n");
}

static void
test_cli_line_refuses_what_is_not_one_line(void **state)
{
	(void)state;
	assert_int_equal(cli_line("Anna Andersson", "--by"), 0);
	assert_int_equal(cli_line("Anna\nSvensson", "--by"), SAMS_EXIT_USAGE);
	assert_reported("sams: error: --by must be one line\n");
	assert_int_equal(cli_line("a\tb", "--contact"), SAMS_EXIT_USAGE);
	assert_reported("--contact holds a tab");
	assert_int_equal(cli_line("a\xe2\x80\xa8" "b", "SAMS_BY"),
	    SAMS_EXIT_USAGE);
	assert_reported("SAMS_BY holds a line separator");
	assert_int_equal(cli_line("a\xc2\x85" "b", "--sending"),
	    SAMS_EXIT_USAGE);
	assert_reported("--sending holds a control character");
	assert_int_equal(cli_line("a\xff", "--name"), SAMS_EXIT_USAGE);
	assert_reported("--name is not valid UTF-8");
	assert_int_equal(cli_line("", "--by"), SAMS_EXIT_USAGE);
	assert_reported("--by wants a non-empty text");
}

static void
test_cli_text_keeps_newlines_of_a_note(void **state)
{
	(void)state;
	assert_int_equal(cli_text("rad 1\nrad 2\tmed tabb", "--note"), 0);
	assert_int_equal(cli_text("a\x1b[2J", "--note"), SAMS_EXIT_USAGE);
	assert_reported("--note holds a control character");
	assert_int_equal(cli_text("a\xe2\x80\xae", "--reason"),
	    SAMS_EXIT_USAGE);
	assert_reported("--reason holds a line separator, a bidirectional");
	assert_int_equal(cli_text("a\xed\xa0\x80", "--note"), SAMS_EXIT_USAGE);
	assert_reported("--note is not valid UTF-8");
}

static void
test_text_list_puts_or_before_the_last_name(void **state)
{
	static const char *const names[] = { "a", "b", "c", "d", NULL };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	text_list(&sb, names, TEXT_LIST_ALL, "or");
	assert_string_equal(sb.buf, "a, b, c or d");
	strbuf_release(&sb);
	text_list(&sb, names, 3, "and");
	assert_string_equal(sb.buf, "a, b and c");
	strbuf_release(&sb);
	text_list(&sb, names, 2, "or");
	assert_string_equal(sb.buf, "a or b");
	strbuf_release(&sb);
	text_list(&sb, names, 1, "or");
	assert_string_equal(sb.buf, "a");
	strbuf_release(&sb);
	text_list(&sb, names + 4, TEXT_LIST_ALL, "or");
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

/* 40 characters whole; 41 cut to 40 and "…"; n ends the name first. */
static void
test_text_cut_marks_a_name_it_cuts(void **state)
{
	const char *a40 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
	char buf[TEXT_CUT_SIZE], want[TEXT_CUT_SIZE * 2];
	char long_a[128];

	(void)state;
	assert_string_equal(text_cut(a40, strlen(a40), buf), a40);
	snprintf(long_a, sizeof(long_a), "%sbc", a40);
	snprintf(want, sizeof(want), "%s…", a40);
	assert_string_equal(text_cut(long_a, strlen(long_a), buf), want);
	assert_string_equal(text_cut("--color=x", 7, buf), "--color");
	/* 41 two-byte characters: cut after the 40th, not inside one. */
	long_a[0] = '\0';
	while (strlen(long_a) < 82)
		strcat(long_a, "å");
	assert_int_equal(strlen(text_cut(long_a, strlen(long_a), buf)),
	    80 + strlen("…"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_sorts_characters_into_kinds),
		cmocka_unit_test(test_text_two_byte_characters),
		cmocka_unit_test(test_text_cut_marks_a_name_it_cuts),
		cmocka_unit_test(test_text_escapes_what_would_steer_a_terminal),
		cmocka_unit_test(test_text_width_counts_the_escapes),
		cmocka_unit_test(test_text_width_counts_terminal_columns),
		cmocka_unit_test(test_layout_pad_lines_up_decomposed_and_wide_names),
		cmocka_unit_test(test_text_list_puts_or_before_the_last_name),
		cmocka_unit_test(test_json_string_is_valid_utf8_whatever_it_gets),
		cmocka_unit_test(test_json_string_escapes_a_byte_wherever_it_is),
		cmocka_unit_test(test_text_escape_and_width_wherever_a_byte_is),
		cmocka_unit_test(test_diagnostics_escape_bytes_that_are_not_utf8),
		cmocka_unit_test(test_cli_line_refuses_what_is_not_one_line),
		cmocka_unit_test(test_cli_text_keeps_newlines_of_a_note),
	};

	return cmocka_run_group_tests_name("text", tests, capture_setup,
	    capture_teardown);
}
