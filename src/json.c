/* Writing JSON: strings escaped so that any input gives valid UTF-8. */
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "json.h"
#include "strbuf.h"
#include "text.h"

/* The JSON escape of a character that is not copied as it is. */
static void
json_escape(struct strbuf *sb, enum text_kind kind, unsigned long cp)
{
	switch (kind) {
	case TEXT_PLAIN:	/* a quote or a backslash */
		strbuf_addch(sb, '\\');
		strbuf_addch(sb, (char)cp);
		break;
	case TEXT_NEWLINE:
		strbuf_addstr(sb, "\\n");
		break;
	case TEXT_TAB:
		strbuf_addstr(sb, "\\t");
		break;
	case TEXT_INVALID:	/* JSON is UTF-8: U+FFFD for what is not */
		strbuf_addstr(sb, "\\ufffd");
		break;
	default:	/* tag characters lie above U+FFFF: a surrogate pair */
		if (cp > 0xffff)
			strbuf_addf(sb, "\\u%04lx\\u%04lx",
			    0xd800 + ((cp - 0x10000) >> 10),
			    0xdc00 + ((cp - 0x10000) & 0x3ff));
		else
			strbuf_addf(sb, "\\u%04lx", cp);
	}
}

/*
 * Whether the eight bytes at s are all printable ASCII other than the
 * quote and the backslash.  A byte below 0x20 or a quote or backslash
 * (made 0 by the xor) borrows and sets its top bit, DEL (0x7f) sets it
 * when one is added, a byte from 0x80 has it already.  A borrow or carry
 * only sets bits above such a byte, never clears one, so the answer may
 * be no for a plain word but never yes for one that is not: that byte is
 * then looked at alone.
 */
static int
plain_word(const char *s)
{
	const uint64_t ones = 0x0101010101010101u;
	const uint64_t top = 0x8080808080808080u;
	uint64_t w, q, b;

	memcpy(&w, s, sizeof(w));
	q = w ^ (ones * '"');
	b = w ^ (ones * '\\');
	return (((w - ones * 0x20) | w | (w + ones) | (q - ones) |
	    (b - ones)) & top) == 0;
}

void
json_string(struct strbuf *sb, const char *s)
{
	enum text_kind kind;
	unsigned long cp;
	size_t n, i = 0, start = 0, len;
	unsigned char c;

	if (s == NULL) {
		strbuf_addstr(sb, "null");
		return;
	}
	n = strlen(s);
	strbuf_addch(sb, '"');
	while (i < n) {
		if (n - i >= 8 && plain_word(s + i)) {
			i += 8;	/* most text: eight bytes at a time */
			continue;
		}
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			i++;	/* copy what needs no escape in one go */
			continue;
		}
		kind = text_next(s + i, n - i, &len, &cp);
		if (kind == TEXT_PLAIN && c >= 0x80) {
			i += len;
			continue;
		}
		strbuf_add(sb, s + start, i - start);
		json_escape(sb, kind, cp);
		i += len;
		start = i;
	}
	strbuf_add(sb, s + start, n - start);
	strbuf_addch(sb, '"');
}

void
json_date(struct strbuf *sb, long day)
{
	char date[11];

	if (day == DATE_NONE) {
		strbuf_addstr(sb, "null");
		return;
	}
	date_format(day, date);
	json_string(sb, date);
}

void
json_member(struct strbuf *sb, const char *key, const char *value)
{
	strbuf_addf(sb, ", \"%s\": ", key);
	json_string(sb, value);
}
