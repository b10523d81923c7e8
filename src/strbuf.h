/*
 * A growable string, after git's strbuf: buf is always NUL-terminated and
 * owned by the strbuf until strbuf_detach() hands it to the caller.
 */
#ifndef STRBUF_H
#define STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*buf;
	size_t	 len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void	 strbuf_add(struct strbuf *sb, const char *s, size_t n);
void	 strbuf_addstr(struct strbuf *sb, const char *s);
void	 strbuf_addch(struct strbuf *sb, char c);
void	 strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Returns the string (never NULL); the caller frees it. */
char	*strbuf_detach(struct strbuf *sb, size_t *len);
void	 strbuf_release(struct strbuf *sb);

#endif
