/*
 * The one place that prints messages for people: "sams: FILE:LINE:COL:
 * LEVEL: MESSAGE" on standard error, with control characters escaped.
 *
 * The error contract of sams, for every module below the command layer:
 * a function that fails reports why through here and returns -1 (or NULL,
 * where it returns a pointer).  It never returns an exit status, never
 * exits and never prints anything else.  Each error is of one kind of
 * failure (enum diag_fail).  The thread remembers the kind of the last
 * failure reported, the one that made the call fail, and the command turns
 * it into its exit status (cli_failed() in cli.h); a batch that goes on
 * after a bad file records the worst of its files last, as mandoc's worst
 * level decides its exit.
 * Warnings, infos and notes are never failures.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level {
	DIAG_NOTE,		/* more on the message before it */
	DIAG_INFO,		/* worth knowing, never a problem */
	DIAG_WARNING,
	DIAG_ERROR
};

/*
 * What kind of failure an error report is, least serious first: the order
 * of the exit statuses in sams(1) EXIT STATUS, which cli.c maps them to.
 */
enum diag_fail {
	FAIL_NONE,
	FAIL_USAGE,	/* the command line asks for what cannot be */
	FAIL_DATA,	/* a file is malformed or inconsistent */
	FAIL_NOINPUT,	/* an input is missing or cannot be read */
	FAIL_SOFTWARE,	/* sams wrote what it cannot read back */
	FAIL_CANTCREAT,	/* a file cannot be created or replaced */
	FAIL_IO,	/* writing failed; the file is unchanged */
	FAIL_TEMP,	/* busy (a lock, a writer that interferes): try again */
	FAIL_NOPERM	/* a folder's .sams/ is not safe to trust */
};

/*
 * Reports a message.  file may be NULL (no file involved); line and col are
 * 1-based and 0 means "the whole file".  Messages name fields, never values
 * from case files.
 */
void	diag(enum diag_level level, const char *file, size_t line,
	    size_t col, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/*
 * The shorthands below are macros over diag(), which checks their format:
 * a variadic function cannot pass its arguments on, and five copies of the
 * same va_start() body were the alternative.
 *
 * fail_at(kind, file, line, col, fmt, ...): diag(DIAG_ERROR, ...) for a
 * failure of the kind given, returning -1 so that "return fail_at(...)"
 * reads; file may be NULL (no file involved).
 */
#define fail_at(kind, ...)						\
	(diag(DIAG_ERROR, __VA_ARGS__), diag_fail(kind))
/* error_at(file, line, col, fmt, ...): fail_at() of kind FAIL_DATA. */
#define error_at(...)	fail_at(FAIL_DATA, __VA_ARGS__)
/* error_msg(fmt, ...): "sams: error: MESSAGE", FAIL_DATA.  Returns -1. */
#define error_msg(...)	fail_at(FAIL_DATA, NULL, 0, 0, __VA_ARGS__)
/* info_at(file, line, col, fmt, ...): "sams: FILE:LINE:COL: info: MSG". */
#define info_at(...)	diag(DIAG_INFO, __VA_ARGS__)

/*
 * A system error on a file: "sams: FILE: error: WHAT: strerror(errnum)",
 * of kind FAIL_DATA (error_sys) or the kind given; both return -1.
 */
int	error_sys(const char *file, int errnum, const char *what);
int	fail_sys(enum diag_fail kind, const char *file, int errnum,
	    const char *what);

/*
 * Records a failure of kind without a message, for one already reported
 * (a failure a worker thread reported and handed over, or one a cache
 * remembers); returns -1.
 */
int	diag_fail(enum diag_fail kind);
/*
 * The kind of the last failure reported, or FAIL_NONE since diag_reset():
 * why the call that returned -1 failed.
 */
enum diag_fail	diag_failure(void);

/*
 * An optional second consumer of every diagnostic (check --format json).
 * The message passed is already formatted and escaped.
 */
typedef void diag_sink_fn(enum diag_level, const char *file, size_t line,
    size_t col, const char *msg, void *arg);
void	diag_set_sink(diag_sink_fn *fn, void *arg, int quiet);

/* The output, sink, counts and failure belong to the calling thread. */
void	diag_set_output(FILE *fp);
size_t	diag_count(enum diag_level level);
void	diag_reset(void);

struct strbuf;

/*
 * Appends s[0..n) to sb escaped as text_escape() does: control characters,
 * line separators, bidirectional controls and bytes that are not UTF-8
 * become \n, \xNN or \u{NNNN}, so nothing from a file can steer a terminal.
 */
void	diag_escape(struct strbuf *sb, const char *s, size_t n);
/*
 * Appends one whole message line, as diag() prints it, to sb: its level
 * word coloured when diag()'s stream is (colour.h).
 */
void	diag_format(struct strbuf *sb, enum diag_level level,
	    const char *file, size_t line, size_t col, const char *msg);

#endif
