/* Records sorted by key in bounded memory: runs spilled, then merged. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "spill.h"
#include "strbuf.h"
#include "xalloc.h"

/* A record is its header, its key and its data, unaligned. */
struct header {
	uint32_t	klen, dlen;
};

#define RECORD(h)	(sizeof(struct header) + (h).klen + (h).dlen)
#define READ_BUF	(64 * 1024)
/*
 * The least a run is read at a time: the runs share the budget for their
 * buffers down to this, so that memory stays the budget up to budget /
 * READ_MIN runs (1,024 of 4 MiB), not a buffer more for every run.
 */
#define READ_MIN	(4 * 1024)

/* A sorted run being read: from the file, or the last one in memory. */
struct run {
	off_t	 pos, end;	/* what is left of it in the file */
	char	*buf;		/* read from the file: [at, len) unused */
	size_t	 at, len, cap;
	size_t	 next;		/* in memory: the index of the next record */
	char	*cur;		/* the record at the head, or NULL: done */
};

struct spill {
	size_t		 budget;
	char		*mem;		/* the records of the run being filled */
	size_t		 used, cap;
	char		**recs;		/* into mem, sorted at the end of a run */
	size_t		 n, caprecs;
	FILE		*fp;		/* the runs written, or NULL */
	const char	*dir;		/* the folder of fp, for messages */
	off_t		 written;
	off_t		*starts;	/* where each written run starts */
	size_t		 nruns;
	int		 errnum;	/* a write failed: errno */
	struct run	*runs;		/* nruns written, then the one in mem */
	size_t		 nread;
	char		*out;		/* the record spill_next() gave */
	size_t		 capout;
};

static struct header
header_of(const char *rec)
{
	struct header h;

	memcpy(&h, rec, sizeof(h));
	return h;
}

static int
compare_records(const char *a, const char *b)
{
	struct header x = header_of(a), y = header_of(b);
	int c = memcmp(a + sizeof(x), b + sizeof(y), x.klen < y.klen ?
	    x.klen : y.klen);

	if (c != 0)
		return c;
	return x.klen < y.klen ? -1 : x.klen > y.klen;
}

static int
compare_pointers(const void *a, const void *b)
{
	return compare_records(*(char *const *)a, *(char *const *)b);
}

struct spill *
spill_new(size_t budget)
{
	struct spill *s = xcalloc(1, sizeof(*s));

	s->budget = budget;
	return s;
}

/* Writes the records held as one sorted run and empties memory. */
static void
write_run(struct spill *s)
{
	size_t i, size;

	if (s->fp == NULL && s->errnum == 0 &&
	    (s->fp = file_temp("sams-sort", &s->dir)) == NULL)
		s->errnum = errno;
	if (s->n > 0)
		qsort(s->recs, s->n, sizeof(*s->recs), compare_pointers);
	s->starts = xreallocarray(s->starts, s->nruns + 1,
	    sizeof(*s->starts));
	s->starts[s->nruns++] = s->written;
	for (i = 0; i < s->n && s->errnum == 0; i++) {
		size = RECORD(header_of(s->recs[i]));
		if (fwrite(s->recs[i], 1, size, s->fp) != size)
			s->errnum = errno != 0 ? errno : EIO;
		s->written += (off_t)size;
	}
	s->used = s->n = 0;
}

void
spill_add(struct spill *s, const void *key, size_t klen, const void *data,
    size_t dlen)
{
	struct header h = { (uint32_t)klen, (uint32_t)dlen };
	size_t size = RECORD(h);

	if (s->used > 0 && s->used + size > s->budget)
		write_run(s);
	if (s->used + size > s->cap) {
		/* Records point into mem: it grows only while empty. */
		s->cap = size > s->budget ? size : s->budget;
		free(s->mem);
		s->mem = xmalloc(s->cap);
	}
	if (s->n == s->caprecs) {
		s->caprecs = s->caprecs ? s->caprecs * 2 : 256;
		s->recs = xreallocarray(s->recs, s->caprecs,
		    sizeof(*s->recs));
	}
	s->recs[s->n++] = s->mem + s->used;
	memcpy(s->mem + s->used, &h, sizeof(h));
	memcpy(s->mem + s->used + sizeof(h), key, klen);
	if (dlen > 0)
		memcpy(s->mem + s->used + sizeof(h) + klen, data, dlen);
	s->used += size;
}

/*
 * Makes the record at the head of a written run whole in its buffer:
 * 0 (cur NULL at the end of the run), or -1 with errno.
 */
static int
run_fill(struct spill *s, struct run *r)
{
	struct header h;
	size_t want = sizeof(h);
	ssize_t got;

	for (;;) {
		if (r->len - r->at >= sizeof(h)) {
			h = header_of(r->buf + r->at);
			want = RECORD(h);
			if (r->len - r->at >= want) {
				r->cur = r->buf + r->at;
				return 0;
			}
		}
		if (r->pos == r->end) {
			r->cur = NULL;
			return r->len == r->at ? 0 : (errno = EIO, -1);
		}
		memmove(r->buf, r->buf + r->at, r->len - r->at);
		r->len -= r->at;
		r->at = 0;
		if (want > r->cap) {
			r->cap = want;
			r->buf = xreallocarray(r->buf, 1, r->cap);
		}
		got = pread(fileno(s->fp), r->buf + r->len, r->cap - r->len >
		    (size_t)(r->end - r->pos) ? (size_t)(r->end - r->pos) :
		    r->cap - r->len, r->pos);
		if (got <= 0) {
			if (got == 0)
				errno = EIO;	/* the file was cut */
			return -1;
		}
		r->len += (size_t)got;
		r->pos += got;
	}
}

/* A temporary file that could not be made, written or read back. */
static int
failed(const struct spill *s, int errnum)
{
	/* TRANSLATORS: the folder is named before; TMPDIR chooses it */
	return fail_sys(FAIL_IO, s->dir, errnum, "cannot use a temporary "
	    "file for sorting in this folder (TMPDIR)");
}

int
spill_sort(struct spill *s)
{
	struct run *r;
	size_t i, share;

	if (s->nruns > 0) {
		if (s->n > 0)
			write_run(s);
		/* All in the file: the budget is not held while reading. */
		free(s->mem);
		free(s->recs);
		s->mem = NULL;
		s->recs = NULL;
		s->cap = s->caprecs = 0;
		if (s->errnum == 0 && fflush(s->fp) == EOF)
			s->errnum = errno;
		if (s->errnum != 0)
			return failed(s, s->errnum);
	} else if (s->n > 0)
		qsort(s->recs, s->n, sizeof(*s->recs), compare_pointers);
	s->runs = xcalloc(s->nruns + 1, sizeof(*s->runs));
	share = s->nruns > 0 ? s->budget / s->nruns : READ_BUF;
	share = share > READ_BUF ? READ_BUF : share < READ_MIN ? READ_MIN :
	    share;
	for (i = 0; i < s->nruns; i++) {
		r = &s->runs[i];
		r->pos = s->starts[i];
		r->end = i + 1 < s->nruns ? s->starts[i + 1] : s->written;
		r->cap = share;
		r->buf = xmalloc(r->cap);
		if (run_fill(s, r) != 0)
			return failed(s, errno);
	}
	s->nread = s->nruns;
	if (s->n > 0)		/* nothing was written: the records held */
		s->runs[s->nread++].cur = s->recs[0];
	return 0;
}

/* Moves run r past its head record. */
static int
run_advance(struct spill *s, struct run *r)
{
	if (r->buf == NULL) {
		r->cur = ++r->next < s->n ? s->recs[r->next] : NULL;
		return 0;
	}
	r->at += RECORD(header_of(r->cur));
	return run_fill(s, r);
}

int
spill_next(struct spill *s, const char **key, size_t *klen,
    const char **data, size_t *dlen)
{
	struct run *least = NULL;
	struct header h;
	size_t i;

	if (s->errnum != 0)
		return -1;
	for (i = 0; i < s->nread; i++)	/* runs are few: records / budget */
		if (s->runs[i].cur != NULL && (least == NULL ||
		    compare_records(s->runs[i].cur, least->cur) < 0))
			least = &s->runs[i];
	if (least == NULL)
		return 0;
	/* The head is read out before it moves: keep it in a copy. */
	h = header_of(least->cur);
	if (RECORD(h) > s->capout) {
		s->capout = RECORD(h);
		free(s->out);
		s->out = xmalloc(s->capout);
	}
	memcpy(s->out, least->cur, RECORD(h));
	if (run_advance(s, least) != 0) {
		s->errnum = errno;
		return failed(s, errno);
	}
	*key = s->out + sizeof(h);
	*klen = h.klen;
	*data = s->out + sizeof(h) + h.klen;
	*dlen = h.dlen;
	return 1;
}

size_t
spill_runs(const struct spill *s)
{
	return s->nruns;
}

void
spill_free(struct spill *s)
{
	size_t i;

	if (s == NULL)
		return;
	if (s->runs != NULL)
		for (i = 0; i < s->nruns; i++)
			free(s->runs[i].buf);
	if (s->fp != NULL)
		fclose(s->fp);
	free(s->runs);
	free(s->starts);
	free(s->recs);
	free(s->mem);
	free(s->out);
	free(s);
}
