/*
 * A growable string, after git's strbuf: buf is never NULL and always
 * NUL-terminated, so callers read it without checks.  Until something is
 * added, buf points at a shared, read-only empty string; from then on the
 * strbuf owns it until strbuf_release() frees it or strbuf_detach() hands
 * it to the caller.  A strbuf zeroed by memset or calloc may be added to
 * and released, but call strbuf_init() on it before reading buf.
 */
#ifndef STRBUF_H
#define STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*buf;
	size_t	 len, cap;
};

/* What buf points at while nothing is allocated: "" (never written). */
extern char strbuf_empty[];

#define STRBUF_INIT { strbuf_empty, 0, 0 }

void	 strbuf_init(struct strbuf *sb);

void	 strbuf_add(struct strbuf *sb, const char *s, size_t n);
void	 strbuf_addstr(struct strbuf *sb, const char *s);
void	 strbuf_addch(struct strbuf *sb, char c);
void	 strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Returns the string (never NULL); the caller frees it. */
char	*strbuf_detach(struct strbuf *sb, size_t *len);
/* Empties the string and keeps its memory, for a strbuf reused in a loop. */
void	 strbuf_reset(struct strbuf *sb);
/* Frees what the strbuf owns and leaves it empty, as after STRBUF_INIT. */
void	 strbuf_release(struct strbuf *sb);

#endif
