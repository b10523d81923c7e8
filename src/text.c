/* Showing untrusted text: what must not be shown raw, and its escapes. */
#include <stdio.h>
#include <stdint.h>
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
	/* U+00C0 to U+033F, no control or format among them: å, ä, ö, é. */
	if (s[0] >= 0xc3 && s[0] <= 0xcc && n >= 2 && (s[1] & 0xc0) == 0x80) {
		*len = 2;
		*cp = (s[0] & 0x1fu) << 6 | (s[1] & 0x3fu);
		return TEXT_PLAIN;
	}
	if ((*len = decode(s, n, cp)) == 0) {
		*len = 1;
		*cp = s[0];
		return TEXT_INVALID;
	}
	if (*cp <= 0x9f)
		return TEXT_CONTROL;
	return is_format(*cp) ? TEXT_FORMAT : TEXT_PLAIN;
}

int
text_ascii8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u;
	uint64_t w;

	/*
	 * Below 0x20 borrows and sets a byte's top bit, DEL carries into it,
	 * from 0x80 has it; a borrow or carry only sets bits above such a
	 * byte, so no such byte goes unseen.
	 */
	memcpy(&w, s, sizeof(w));
	return (((w - ones * 0x20) | w | (w + ones)) &
	    0x8080808080808080u) == 0;
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
		if (!(flags & TEXT_BACKSLASH) && n - i >= 8 &&
		    text_ascii8(s + i)) {
			i += 8;	/* the common case: printable ASCII */
			continue;
		}
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && (c != '\\' ||
		    !(flags & TEXT_BACKSLASH))) {
			i++;
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

/*
 * The characters a terminal gives other than one column: combining marks
 * and joiners none (a decomposed "o" and U+0308 is one column, as "ö"
 * is), East Asian wide and fullwidth characters and emoji two.  Fixed here
 * rather than asked of wcwidth(), so that columns line up the same under
 * every locale and C library.  Sorted, for a binary search.
 */
static const struct {
	unsigned long	first, last;
	unsigned char	columns;
} width_ranges[] = {
	{ 0x0300, 0x036f, 0 },	/* combining diacritical marks */
	{ 0x0483, 0x0489, 0 },	/* Cyrillic titlo and signs */
	{ 0x0591, 0x05bd, 0 },	/* Hebrew accents and points */
	{ 0x05bf, 0x05bf, 0 },
	{ 0x05c1, 0x05c2, 0 },
	{ 0x05c4, 0x05c5, 0 },
	{ 0x05c7, 0x05c7, 0 },
	{ 0x0610, 0x061a, 0 },	/* Arabic signs */
	{ 0x064b, 0x065f, 0 },	/* Arabic harakat */
	{ 0x0670, 0x0670, 0 },
	{ 0x06d6, 0x06dc, 0 },
	{ 0x06df, 0x06e4, 0 },
	{ 0x06e7, 0x06e8, 0 },
	{ 0x06ea, 0x06ed, 0 },
	{ 0x0900, 0x0902, 0 },	/* Devanagari signs and vowel signs */
	{ 0x093a, 0x093a, 0 },
	{ 0x093c, 0x093c, 0 },
	{ 0x0941, 0x0948, 0 },
	{ 0x094d, 0x094d, 0 },
	{ 0x0951, 0x0957, 0 },
	{ 0x0962, 0x0963, 0 },
	{ 0x0e31, 0x0e31, 0 },	/* Thai vowels and tone marks */
	{ 0x0e34, 0x0e3a, 0 },
	{ 0x0e47, 0x0e4e, 0 },
	{ 0x1100, 0x115f, 2 },	/* Hangul initial consonants */
	{ 0x1160, 0x11ff, 0 },	/* Hangul vowels and finals, joined */
	{ 0x1ab0, 0x1aff, 0 },	/* combining marks, extended */
	{ 0x1dc0, 0x1dff, 0 },	/* combining marks, supplement */
	{ 0x200b, 0x200d, 0 },	/* zero width space, (non-)joiner */
	{ 0x20d0, 0x20ff, 0 },	/* combining marks for symbols */
	{ 0x2e80, 0x3029, 2 },	/* CJK radicals, symbols, punctuation */
	{ 0x302a, 0x302d, 0 },	/* ideographic tone marks */
	{ 0x302e, 0x3098, 2 },	/* hiragana */
	{ 0x3099, 0x309a, 0 },	/* kana voicing marks, combining */
	{ 0x309b, 0xa4cf, 2 },	/* katakana .. CJK ideographs, Yi */
	{ 0xa960, 0xa97f, 2 },	/* Hangul initials, extended */
	{ 0xac00, 0xd7a3, 2 },	/* Hangul syllables */
	{ 0xd7b0, 0xd7ff, 0 },	/* Hangul vowels and finals, extended */
	{ 0xf900, 0xfaff, 2 },	/* CJK compatibility ideographs */
	{ 0xfe00, 0xfe0f, 0 },	/* variation selectors */
	{ 0xfe10, 0xfe19, 2 },	/* vertical forms */
	{ 0xfe20, 0xfe2f, 0 },	/* combining half marks */
	{ 0xfe30, 0xfe6f, 2 },	/* CJK compatibility and small forms */
	{ 0xff00, 0xff60, 2 },	/* fullwidth forms */
	{ 0xffe0, 0xffe6, 2 },
	{ 0x1f300, 0x1f64f, 2 },	/* pictographs, emoticons */
	{ 0x1f680, 0x1f6ff, 2 },	/* transport and map symbols */
	{ 0x1f900, 0x1f9ff, 2 },	/* supplemental pictographs */
	{ 0x1fa70, 0x1faff, 2 },	/* pictographs, extended */
	{ 0x20000, 0x3fffd, 2 },	/* CJK ideographs, planes 2 and 3 */
	{ 0xe0100, 0xe01ef, 0 },	/* variation selectors, supplement */
};

/* Columns a character shown as it is takes on a terminal. */
static size_t
columns_of(unsigned long cp)
{
	size_t lo = 0, hi = sizeof(width_ranges) / sizeof(width_ranges[0]);
	size_t mid;

	if (cp < width_ranges[0].first)
		return 1;	/* ASCII, Latin-1: the common case */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp > width_ranges[mid].last)
			lo = mid + 1;
		else if (cp < width_ranges[mid].first)
			hi = mid;
		else
			return width_ranges[mid].columns;
	}
	return 1;
}

size_t
text_width_n(const char *s, size_t n)
{
	enum text_kind kind;
	unsigned long cp;
	size_t i, len, elen, w = 0;
	char esc[16];

	for (i = 0; i < n; i += len) {
		len = n - i >= 8 && text_ascii8(s + i) ? 8 :
		    (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f ?
		    1 : 0;
		if (len > 0) {		/* printable ASCII: a column each */
			w += len;
			continue;
		}
		kind = text_next(s + i, n - i, &len, &cp);
		elen = escape_one(esc, kind, cp, 0);
		w += elen != 0 ? elen : columns_of(cp);
	}
	return w;
}

size_t
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

const char *
text_cut(const char *s, size_t n, char buf[TEXT_CUT_SIZE])
{
	unsigned long cp;
	size_t i, len, chars;

	for (i = chars = 0; i < n && chars < TEXT_CUT; i += len, chars++)
		text_next(s + i, n - i, &len, &cp);
	if (i < n)
		snprintf(buf, TEXT_CUT_SIZE, "%.*s…", (int)i, s);
	else
		snprintf(buf, TEXT_CUT_SIZE, "%.*s", (int)n, s);
	return buf;
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
