/*
 * libFuzzer harness: the append-and-reread path.  The input is a case,
 * then after a NUL byte a text for the event (as --note and --by give
 * it).  Whenever the case is appendable and the text is one the reader
 * accepts in a value, the appended file must read back with exactly one
 * more event holding that text: else sams would refuse its own write.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "date.h"
#include "diag.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Length of the valid UTF-8 character at s, or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned long c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	c = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	/* C1 controls, LS, PS, bidi overrides and isolates, BOM, and the
	 * noncharacters YAML does not allow */
	if ((c >= 0x80 && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || c == 0xfffe ||
	    c == 0xffff)
		return 0;
	return len;
}

/* Whether the reader accepts s as a value: what the CLI must let by. */
static int
acceptable(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i, len;

	if (n == 0 || n > 4000)
		return 0;
	for (i = 0; i < n; i += len) {
		if ((s[i] < 0x20 && s[i] != '\n' && s[i] != '\t') ||
		    s[i] == 0x7f)
			return 0;
		if ((len = utf8_len(s + i, n - i)) == 0)
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct casefile *c, *again;
	const uint8_t *nul;
	const struct event *last;
	struct event ev;
	char *text, *note, *more;
	size_t len, n;

	if (null == NULL) {
		null = fopen("/dev/null", "w");
		diag_set_output(null);
	}
	nul = memchr(data, '\0', size);
	n = nul != NULL ? (size_t)(nul - data) : size;
	note = nul != NULL ? xstrndup((const char *)nul + 1,
	    size - n - 1) : xstrdup("x");
	text = xstrndup((const char *)data, n);
	c = case_load(text, n, "fuzz.yml");
	if (c == NULL || !acceptable(note))
		goto out;
	memset(&ev, 0, sizeof(ev));
	ev.kind = n % 2 ? EV_DONE : EV_NOTE;
	ev.step = ev.kind == EV_DONE ? "ip-kartlagg" : NULL;
	ev.date = DATE_MIN + (long)(n * 7919 % (DATE_MAX - DATE_MIN + 1));
	ev.note = note;
	ev.by = note;
	more = case_append(c, &ev, &len);
	if (more == NULL) {
		if (c->appendable)
			abort();
		goto out;
	}
	again = case_load(more, len, "fuzz.yml");
	if (again == NULL || again->nevents != c->nevents + 1)
		abort();
	last = &again->events[again->nevents - 1];
	if (last->kind != ev.kind || last->date != ev.date ||
	    strcmp(last->note, note) != 0 || strcmp(last->by, note) != 0)
		abort();
	case_free(again);
out:
	case_free(c);
	free(note);
	return 0;
}
