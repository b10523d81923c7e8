/*
 * libFuzzer harness: the merge driver's algorithm (merge.h).  The input is
 * base, ours and theirs separated by NUL bytes; with one NUL, ours and
 * theirs are base followed by the two parts after it (so that most inputs
 * reach the merge); with none, base is all but the last two lines and
 * each side adds one of them.  A merge must be base followed by the new
 * lines of both sides, each side's in its own order, a line both added
 * once: checked here without the merge's own code.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct text {
	const char	*s;
	size_t		 n;
};

struct lines {
	struct text	*l;
	size_t		 n;
	char		*used;		/* matched while checking */
};

static void
split(const char *s, size_t n, struct lines *out)
{
	size_t i = 0, start;

	out->l = calloc(n + 1, sizeof(*out->l));
	out->used = calloc(n + 1, 1);
	out->n = 0;
	while (i < n) {
		start = i;
		while (i < n && s[i] != '\n')
			i++;
		out->l[out->n].s = s + start;
		out->l[out->n++].n = i - start;
		i++;
	}
}

static int
same(const struct text *a, const struct text *b)
{
	return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* Theirs without the lines that ours also added (each matched once). */
static void
drop_common(struct lines *o, struct lines *t)
{
	size_t i, j, k = 0;

	for (j = 0; j < t->n; j++) {
		for (i = 0; i < o->n; i++)
			if (!o->used[i] && same(&o->l[i], &t->l[j]))
				break;
		if (i < o->n)
			o->used[i] = 1;
		else
			t->l[k++] = t->l[j];
	}
	t->n = k;
	memset(o->used, 0, o->n);
}

/* Whether sub is a subsequence of all, skipping lines of all used. */
static int
in_order(const struct lines *all, const struct lines *sub, char *used)
{
	size_t i = 0, j;

	for (j = 0; j < sub->n; j++) {
		while (i < all->n && (used[i] || !same(&all->l[i],
		    &sub->l[j])))
			i++;
		if (i == all->n)
			return 0;
		used[i++] = 1;
	}
	return 1;
}

static void
check(const char *base, size_t nb, const char *ours, size_t no,
    const char *theirs, size_t nt, const char *m, size_t nm)
{
	struct lines o, t, r;
	size_t i;

	if (nm < nb || memcmp(m, base, nb) != 0)
		abort();	/* base is not kept as it was */
	split(ours + nb, no - nb, &o);
	split(theirs + nb, nt - nb, &t);
	split(m + nb, nm - nb, &r);
	drop_common(&o, &t);
	if (r.n != o.n + t.n || (nm > nb && m[nm - 1] != '\n'))
		abort();	/* lines lost or added */
	/* Both sides in order, and together every line of the result. */
	if (!in_order(&r, &o, r.used) || !in_order(&r, &t, r.used))
		abort();	/* a side's lines reordered or changed */
	for (i = 0; i < r.n; i++)
		if (!r.used[i])
			abort();
	free(o.l), free(o.used), free(t.l), free(t.used);
	free(r.l), free(r.used);
}

/* Splits the input into the three versions, as the comment above says. */
static void
versions(const char *d, size_t n, struct strbuf v[3])
{
	const char *z1 = memchr(d, '\0', n), *z2 = NULL, *rest;
	size_t a, b, nr, k, lines = 0;

	if (z1 != NULL)
		z2 = memchr(z1 + 1, '\0', n - (size_t)(z1 + 1 - d));
	if (z2 != NULL) {
		strbuf_add(&v[0], d, (size_t)(z1 - d));
		strbuf_add(&v[1], z1 + 1, (size_t)(z2 - z1 - 1));
		strbuf_add(&v[2], z2 + 1, n - (size_t)(z2 + 1 - d));
		return;
	}
	if (z1 != NULL) {	/* base, NUL, what the two sides add */
		a = (size_t)(z1 - d);
		rest = z1 + 1;
		nr = n - a - 1;
		b = nr / 2;
	} else {		/* base, then a line for each side */
		k = n > 0 && d[n - 1] == '\n' ? n - 1 : n;
		for (; k > 0; k--)
			if (d[k - 1] == '\n' && ++lines == 2)
				break;
		a = k;
		rest = d + a;
		nr = n - a;
		for (b = 0; b < nr && rest[b] != '\n'; b++)
			;
		b += b < nr;
	}
	strbuf_add(&v[0], d, a);
	strbuf_add(&v[1], d, a);
	strbuf_add(&v[1], rest, b);
	strbuf_add(&v[2], d, a);
	strbuf_add(&v[2], rest + b, nr - b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf v[3] = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	char *merged;
	size_t len;
	int i;

	if (size > 256 * 1024)
		return 0;
	versions((const char *)data, size, v);
	for (i = 0; i < 3; i++)
		strbuf_addstr(&v[i], "");	/* never NULL */
	if (merge_appends(v[0].buf, v[0].len, v[1].buf, v[1].len, v[2].buf,
	    v[2].len, &merged, &len) == 0) {
		check(v[0].buf, v[0].len, v[1].buf, v[1].len, v[2].buf,
		    v[2].len, merged, len);
		free(merged);
	}
	for (i = 0; i < 3; i++)
		strbuf_release(&v[i]);
	return 0;
}
