/* Showing untrusted text: what must not be shown raw, and its escapes. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "text.h"

/* The well-formed UTF-8 sequences (Unicode 15, table 3-7). */
static const struct {
	unsigned char	first, last;	/* lead bytes */
	unsigned char	lo, hi;		/* range of the second byte */
	size_t		len;
} utf8_leads[] = {
	{ 0xc2, 0xdf, 0x80, 0xbf, 2 },
	{ 0xe0, 0xe0, 0xa0, 0xbf, 3 },	/* no overlong forms */
	{ 0xe1, 0xec, 0x80, 0xbf, 3 },
	{ 0xed, 0xed, 0x80, 0x9f, 3 },	/* no surrogates */
	{ 0xee, 0xef, 0x80, 0xbf, 3 },
	{ 0xf0, 0xf0, 0x90, 0xbf, 4 },
	{ 0xf1, 0xf3, 0x80, 0xbf, 4 },
	{ 0xf4, 0xf4, 0x80, 0x8f, 4 },	/* nothing above U+10FFFF */
};

/* Length of the valid sequence at s with its code point, or 0. */
static size_t
decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t i, k;

	for (k = 0; k < sizeof(utf8_leads) / sizeof(utf8_leads[0]); k++)
		if (s[0] >= utf8_leads[k].first && s[0] <= utf8_leads[k].last)
			break;
	if (k == sizeof(utf8_leads) / sizeof(utf8_leads[0]) ||
	    n < utf8_leads[k].len || s[1] < utf8_leads[k].lo ||
	    s[1] > utf8_leads[k].hi)
		return 0;
	*cp = s[0] & (0x7fu >> utf8_leads[k].len);
	for (i = 1; i < utf8_leads[k].len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3fu);
	}
	return utf8_leads[k].len;
}

/*
 * Characters that reorder, hide or break what a terminal shows: LS and PS
 * (YAML 1.1 line breaks), the bidirectional marks, embeddings, overrides
 * and isolates ("Trojan Source", CVE-2021-42574), and the invisible ones a
 * reader cannot see (zero width space, word joiner and the invisible
 * operators, the byte order mark, tag characters).  The soft hyphen and the
 * zero width (non-)joiners stay: Swedish hyphenation, Persian and Arabic
 * names and emoji use them in real text.
 */
static const struct {
	unsigned long	first, last;
} format_ranges[] = {
	{ 0x034f, 0x034f },	/* COMBINING GRAPHEME JOINER */
	{ 0x061c, 0x061c },	/* ARABIC LETTER MARK */
	{ 0x115f, 0x1160 },	/* HANGUL CHOSEONG and JUNGSEONG FILLER */
	{ 0x180e, 0x180e },	/* MONGOLIAN VOWEL SEPARATOR */
	{ 0x200b, 0x200b },	/* ZERO WIDTH SPACE */
	{ 0x200e, 0x200f },	/* LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK */
	{ 0x2028, 0x202e },	/* LS, PS, embeddings and overrides */
	{ 0x2060, 0x2065 },	/* WORD JOINER, invisible operators */
	{ 0x2066, 0x2069 },	/* isolates */
	{ 0x3164, 0x3164 },	/* HANGUL FILLER */
	{ 0xfeff, 0xfeff },	/* ZERO WIDTH NO-BREAK SPACE (BOM) */
	{ 0xffa0, 0xffa0 },	/* HALFWIDTH HANGUL FILLER */
	{ 0xfff9, 0xfffb },	/* interlinear annotation */
	{ 0xe0000, 0xe007f },	/* tag characters */
};

static int
is_format(unsigned long cp)
{
	size_t k;

	for (k = 0; k < sizeof(format_ranges) / sizeof(format_ranges[0]); k++)
		if (cp >= format_ranges[k].first && cp <= format_ranges[k].last)
			return 1;
	return 0;
}

enum text_kind
text_next(const char *str, size_t n, size_t *len, unsigned long *cp)
{
	const unsigned char *s = (const unsigned char *)str;

	*len = 1;
	*cp = s[0];
	if (s[0] == '\n')
		return TEXT_NEWLINE;
	if (s[0] == '\t')
		return TEXT_TAB;
	if (s[0] < 0x20 || s[0] == 0x7f)
		return TEXT_CONTROL;
	if (s[0] < 0x80)
		return TEXT_PLAIN;
	if ((*len = decode(s, n, cp)) == 0) {
		*len = 1;
		*cp = s[0];
		return TEXT_INVALID;
	}
	if (*cp <= 0x9f)
		return TEXT_CONTROL;
	return is_format(*cp) ? TEXT_FORMAT : TEXT_PLAIN;
}

/* Writes the escape of one character to esc; 0 if it is shown as it is. */
static size_t
escape_one(char esc[16], enum text_kind kind, unsigned long cp,
    unsigned flags)
{
	int n;

	switch (kind) {
	case TEXT_PLAIN:
		if (cp != '\\' || !(flags & TEXT_BACKSLASH))
			return 0;
		memcpy(esc, "\\\\", 2);
		return 2;
	case TEXT_NEWLINE:
	case TEXT_TAB:
		memcpy(esc, kind == TEXT_NEWLINE ? "\\n" : "\\t", 2);
		return 2;
	default:
		if (kind == TEXT_INVALID || cp < 0x80)
			n = snprintf(esc, 16, "\\x%02lx", cp);
		else
			n = snprintf(esc, 16, "\\u{%04lx}", cp);
		return (size_t)n;
	}
}

typedef void put_fn(void *dst, const char *s, size_t n);

/* Hands runs of plain text and the escapes between them to put. */
static void
escape_to(put_fn *put, void *dst, const char *s, size_t n, unsigned flags)
{
	enum text_kind kind;
	unsigned long cp;
	size_t start = 0, i = 0, len, elen;
	unsigned char c;
	char esc[16];

	while (i < n) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && (c != '\\' ||
		    !(flags & TEXT_BACKSLASH))) {
			i++;	/* the common case: printable ASCII */
			continue;
		}
		kind = text_next(s + i, n - i, &len, &cp);
		if ((elen = escape_one(esc, kind, cp, flags)) != 0) {
			put(dst, s + start, i - start);
			put(dst, esc, elen);
			start = i + len;
		}
		i += len;
	}
	put(dst, s + start, n - start);
}

static void
put_strbuf(void *dst, const char *s, size_t n)
{
	strbuf_add(dst, s, n);
}

static void
put_file(void *dst, const char *s, size_t n)
{
	if (n > 0)
		fwrite(s, 1, n, dst);
}

void
text_escape(struct strbuf *sb, const char *s, size_t n, unsigned flags)
{
	escape_to(put_strbuf, sb, s, n, flags);
}

void
text_putn(FILE *fp, const char *s, size_t n)
{
	escape_to(put_file, fp, s, n, 0);
}

void
text_put(FILE *fp, const char *s)
{
	text_putn(fp, s, strlen(s));
}

size_t
text_width_n(const char *s, size_t n)
{
	enum text_kind kind;
	unsigned long cp;
	size_t i, len, elen, w = 0;
	char esc[16];

	for (i = 0; i < n; i += len) {
		kind = text_next(s + i, n - i, &len, &cp);
		elen = escape_one(esc, kind, cp, 0);
		w += elen != 0 ? elen : 1;
	}
	return w;
}

size_t
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

void
text_list(struct strbuf *sb, const char *const *names, size_t n,
    const char *last_word)
{
	size_t i;

	for (i = 0; i < n && names[i] != NULL; i++) {
		if (i > 0 && (i + 1 == n || names[i + 1] == NULL))
			strbuf_addf(sb, " %s ", text_msg(last_word));
		else if (i > 0)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, names[i]);
	}
}

const char *
text_msg(const char *msgid)
{
	return i18n_is_machine() ? msgid : _(msgid);
}
