/*
 * The one place that prints messages for people: "sams: FILE:LINE:COL:
 * LEVEL: MESSAGE" on standard error, with control characters escaped.
 * Modules below the command layer report through here and return -1.
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
 * Reports a message.  file may be NULL (no file involved); line and col are
 * 1-based and 0 means "the whole file".  Messages name fields, never values
 * from case files.
 */
void	diag(enum diag_level level, const char *file, size_t line,
	    size_t col, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/* diag(DIAG_ERROR, ...) that returns -1, so "return error_at(...)" reads. */
int	error_at(const char *file, size_t line, size_t col,
	    const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* diag(DIAG_INFO, ...): "sams: FILE:LINE:COL: info: MESSAGE". */
void	info_at(const char *file, size_t line, size_t col,
	    const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* An error without a position: "sams: error: MESSAGE".  Returns -1. */
int	error_msg(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* A system error on a file: "sams: FILE: error: WHAT: strerror(errnum)". */
int	error_sys(const char *file, int errnum, const char *what);

/*
 * An optional second consumer of every diagnostic (check --format json).
 * The message passed is already formatted and escaped.
 */
typedef void diag_sink_fn(enum diag_level, const char *file, size_t line,
    size_t col, const char *msg, void *arg);
void	diag_set_sink(diag_sink_fn *fn, void *arg, int quiet);

/* The output, sink and counts below belong to the calling thread. */
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
/* Appends one whole message line, as diag() prints it, to sb. */
void	diag_format(struct strbuf *sb, enum diag_level level,
	    const char *file, size_t line, size_t col, const char *msg);

#endif
