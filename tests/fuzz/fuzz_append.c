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
#include "text.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Whether the reader accepts s as a value: what the CLI must let by.  The
 * one character test of text.h decides, so this harness cannot fall out
 * of step with it; YAML itself refuses the noncharacters U+FFFE, U+FFFF.
 */
static int
acceptable(const char *s)
{
	size_t n = strlen(s), i, len;
	enum text_kind kind;
	unsigned long cp;

	if (n == 0 || n > 4000)
		return 0;
	for (i = 0; i < n; i += len) {
		kind = text_next(s + i, n - i, &len, &cp);
		if ((kind != TEXT_PLAIN && kind != TEXT_NEWLINE &&
		    kind != TEXT_TAB) || cp == 0xfffe || cp == 0xffff)
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
