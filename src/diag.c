/* Diagnostics: one format, one stream, control characters escaped. */
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "colour.h"
#include "diag.h"
#include "i18n.h"
#include "strbuf.h"
#include "text.h"

/* Per thread, so that report's workers can each capture their own. */
static _Thread_local FILE		*diag_out;
static _Thread_local size_t		 diag_counts[DIAG_ERROR + 1];
static _Thread_local diag_sink_fn	*diag_sink;
static _Thread_local void		*diag_sink_arg;
static _Thread_local int		 diag_quiet;
static _Thread_local enum diag_fail	 diag_last;

static const char *const level_names[] = {
	[DIAG_NOTE] = N_("note"),
	[DIAG_INFO] = N_("info"),
	[DIAG_WARNING] = N_("warning"),
	[DIAG_ERROR] = N_("error"),
};

/* The colour of each level word on a terminal. */
static const enum colour level_colours[] = {
	[DIAG_NOTE] = COLOUR_NOTE,
	[DIAG_INFO] = COLOUR_NOTE,
	[DIAG_WARNING] = COLOUR_WARNING,
	[DIAG_ERROR] = COLOUR_ERROR,
};

void
diag_set_output(FILE *fp)
{
	diag_out = fp;
}

void
diag_set_sink(diag_sink_fn *fn, void *arg, int quiet)
{
	diag_sink = fn;
	diag_sink_arg = arg;
	diag_quiet = quiet;
}

size_t
diag_count(enum diag_level level)
{
	return diag_counts[level];
}

void
diag_reset(void)
{
	memset(diag_counts, 0, sizeof(diag_counts));
	diag_last = FAIL_NONE;
}

int
diag_fail(enum diag_fail kind)
{
	diag_last = kind;
	return -1;
}

enum diag_fail
diag_failure(void)
{
	return diag_last;
}

void
diag_escape(struct strbuf *sb, const char *s, size_t n)
{
	text_escape(sb, s, n, 0);
}

/*
 * Hard caps, in bytes before escaping, so that no file name or value can
 * flood a terminal or a log: the tail of a long file name (where its name
 * is), the head of a long message.
 */
#define DIAG_MAX_FILE	256
#define DIAG_MAX_MSG	480

/* Whether s[i] starts a character (is no UTF-8 continuation byte). */
static int
char_start(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xc0) != 0x80;
}

void
diag_format(struct strbuf *sb, enum diag_level level, const char *file,
    size_t line, size_t col, const char *msg)
{
	/* Coloured as the stream diag() writes to is: batch's too. */
	FILE *fp = diag_out != NULL ? diag_out : stderr;
	size_t n, skip = 0;

	strbuf_addstr(sb, "sams: ");
	if (file != NULL) {
		n = strlen(file);
		if (n > DIAG_MAX_FILE) {
			skip = n - DIAG_MAX_FILE;
			while (skip < n && !char_start(file, skip))
				skip++;
			strbuf_addstr(sb, "...");
		}
		diag_escape(sb, file + skip, n - skip);
		if (line > 0)
			strbuf_addf(sb, ":%zu:%zu", line, col);
		strbuf_addstr(sb, ": ");
	}
	strbuf_addf(sb, "%s%s%s: ", colour_start(fp, level_colours[level]),
	    i18n_is_machine() ? level_names[level] : _(level_names[level]),
	    colour_end(fp));
	diag_escape(sb, msg, strlen(msg));
	strbuf_addch(sb, '\n');
}

static void vdiag(enum diag_level, const char *, size_t, size_t,
    const char *, va_list) __attribute__((format(printf, 5, 0)));

static void
vdiag(enum diag_level level, const char *file, size_t line, size_t col,
    const char *fmt, va_list ap)
{
	FILE *fp = diag_out != NULL ? diag_out : stderr;
	struct strbuf sb = STRBUF_INIT;
	char msg[1024];
	size_t n;

	diag_counts[level]++;
	if (vsnprintf(msg, sizeof(msg), i18n_is_machine() ? fmt : _(fmt),
	    ap) > DIAG_MAX_MSG) {
		n = DIAG_MAX_MSG;
		while (n > 0 && !char_start(msg, n))
			n--;
		memcpy(msg + n, "...", 4);
	}
	if (diag_sink != NULL)
		diag_sink(level, file, line, col, msg, diag_sink_arg);
	if (diag_quiet)
		return;
	diag_format(&sb, level, file, line, col, msg);
	fputs(sb.buf, fp);
	fflush(fp);
	strbuf_release(&sb);
}

void
diag(enum diag_level level, const char *file, size_t line, size_t col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(level, file, line, col, fmt, ap);
	va_end(ap);
}

int
error_sys(const char *file, int errnum, const char *what)
{
	return fail_sys(FAIL_DATA, file, errnum, what);
}

int
fail_sys(enum diag_fail kind, const char *file, int errnum, const char *what)
{
	static locale_t c_locale;
	const char *why;

	/* strerror() speaks the locale's language; a machine format, C's. */
	if (i18n_is_machine() && c_locale == (locale_t)0)
		c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	why = i18n_is_machine() && c_locale != (locale_t)0 ?
	    strerror_l(errnum, c_locale) : strerror(errnum);
	return fail_at(kind, file, 0, 0, "%s: %s",
	    i18n_is_machine() ? what : _(what), why);
}
