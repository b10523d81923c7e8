/* Merging what two sides added to the end of a case file. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "merge.h"
#include "strbuf.h"
#include "xalloc.h"

struct line {
	const char	*text;
	size_t		 len;		/* without its newline */
	long		 date;		/* of its event, or the line before */
	int		 dropped;	/* of theirs, and ours added it too */
};

/* The date in "- {date: YYYY-MM-DD, ..." or DATE_NONE. */
static long
line_date(const char *s, size_t len)
{
	const char *p = memchr(s, '{', len);
	char buf[11];
	long day;

	if (p == NULL || (size_t)(s + len - p) < 17 ||
	    strncmp(p, "{date: ", 7) != 0)
		return DATE_NONE;
	memcpy(buf, p + 7, 10);
	buf[10] = '\0';
	return date_parse(buf, &day) == 0 ? day : DATE_NONE;
}

/* Splits s[0..len) into lines; the caller frees *lines. */
static size_t
split(const char *s, size_t len, struct line **lines)
{
	const char *nl;
	size_t n = 0, i = 0, count = 1;
	long last = DATE_NONE;

	for (nl = s; (nl = memchr(nl, '\n', len - (size_t)(nl - s))) != NULL;
	    nl++)
		count++;
	*lines = xcalloc(count, sizeof(**lines));
	while (i < len) {
		nl = memchr(s + i, '\n', len - i);
		(*lines)[n].text = s + i;
		(*lines)[n].len = nl != NULL ? (size_t)(nl - s) - i : len - i;
		(*lines)[n].date = line_date(s + i, (*lines)[n].len);
		if ((*lines)[n].date == DATE_NONE)
			(*lines)[n].date = last;
		last = (*lines)[n].date;
		i += (*lines)[n++].len + 1;
	}
	return n;
}

static int
compare_text(const struct line *x, const struct line *y)
{
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return memcmp(x->text, y->text, x->len);
}

/* By text, and equal lines in the order of the file. */
static int
by_text(const void *a, const void *b)
{
	const struct line *x = *(struct line *const *)a;
	const struct line *y = *(struct line *const *)b;
	int c = compare_text(x, y);

	if (c != 0)
		return c;
	return x->text < y->text ? -1 : x->text > y->text;
}

static struct line **
sorted(struct line *lines, size_t n)
{
	struct line **p = xreallocarray(NULL, n ? n : 1, sizeof(*p));
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = &lines[i];
	qsort(p, n, sizeof(*p), by_text);
	return p;
}

/*
 * A line both sides added is kept once: each of ours cancels one equal
 * line of theirs, the first not cancelled yet.  Sorted, so a side of
 * 20,000 lines costs no more than sorting it.
 */
static void
drop_common(struct line *o, size_t no, struct line *t, size_t nt)
{
	struct line **po = sorted(o, no), **pt = sorted(t, nt);
	size_t i = 0, j = 0;
	int c;

	while (i < no && j < nt) {
		c = compare_text(po[i], pt[j]);
		if (c == 0)
			pt[j]->dropped = 1;
		i += c <= 0;
		j += c >= 0;
	}
	free(po);
	free(pt);
}

static void
add_line(struct strbuf *sb, const struct line *l)
{
	strbuf_add(sb, l->text, l->len);
	strbuf_addch(sb, '\n');
}

static int
is_prefix(const char *base, size_t nb, const char *s, size_t ns)
{
	return ns >= nb && memcmp(base, s, nb) == 0 &&
	    (nb == 0 || base[nb - 1] == '\n');
}

int
merge_appends(const char *base, size_t nb, const char *ours, size_t no,
    const char *theirs, size_t nt, char **out, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	struct line *o, *t;
	size_t ko, kt, i = 0, j = 0;

	if (!is_prefix(base, nb, ours, no) || !is_prefix(base, nb, theirs, nt))
		return -1;
	ko = split(ours + nb, no - nb, &o);
	kt = split(theirs + nb, nt - nb, &t);
	drop_common(o, ko, t, kt);
	strbuf_add(&sb, base, nb);
	for (;;) {		/* the merge step of merge sort */
		while (j < kt && t[j].dropped)
			j++;
		if (i == ko && j == kt)
			break;
		if (j == kt || (i < ko && o[i].date <= t[j].date))
			add_line(&sb, &o[i++]);
		else
			add_line(&sb, &t[j++]);
	}
	free(o);
	free(t);
	*out = strbuf_detach(&sb, len);
	return 0;
}
