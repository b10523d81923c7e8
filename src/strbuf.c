/* Growable strings. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

char strbuf_empty[1];

void
strbuf_init(struct strbuf *sb)
{
	sb->buf = strbuf_empty;
	sb->len = sb->cap = 0;
}

static void
grow(struct strbuf *sb, size_t more)
{
	if (sb->len + more + 1 <= sb->cap)
		return;
	if (sb->cap == 0)	/* buf is strbuf_empty (or NULL, if zeroed) */
		sb->buf = NULL;
	sb->cap = sb->cap * 2 > sb->len + more + 1 ? sb->cap * 2 :
	    sb->len + more + 64;
	sb->buf = xreallocarray(sb->buf, sb->cap, 1);
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *p;

	if (sb->cap == 0)
		strbuf_add(sb, "", 0);	/* a string of its own to hand over */
	p = sb->buf;
	if (len != NULL)
		*len = sb->len;
	strbuf_init(sb);
	return p;
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->cap > 0)	/* never write to strbuf_empty */
		sb->buf[0] = '\0';
}

void
strbuf_release(struct strbuf *sb)
{
	if (sb->cap > 0)
		free(sb->buf);
	strbuf_init(sb);
}
