/*
 * The files of a batch command, sorted and each once in bounded memory:
 * the walk spills (path, id) by path; read back in order, equal paths
 * are dropped and the rest numbered; the files whose id is known are
 * spilled again by (dev, ino, link, length, number), so that the one
 * pathlist_sort() keeps of each file comes first; and every path kept is
 * spilled by its number, which gives the stream.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "pathstream.h"
#include "spill.h"
#include "walk.h"
#include "xalloc.h"

/*
 * Each of the three spills holds this much before it writes a run: some
 * 7,000 paths, more than a municipality has, so that the usual list
 * never touches the disk.  Past it, reading back costs 64 KiB a run (15
 * runs of paths at 100,000 cases): a larger budget would hold more
 * while the cases are read, a smaller one make more runs.
 */
#define PATHSTREAM_BUDGET	(512 * 1024)

/* The key of a file to keep the first of: dev, ino, link, length, order. */
#define FILE_KEY	(8 + 8 + 1 + 8 + 8)

struct pathstream {
	size_t		 budget;
	struct spill	*byname;	/* path: the walk_id, as walked */
	struct spill	*byfile;	/* FILE_KEY: the path */
	struct spill	*out;		/* order: the path, the stream */
	size_t		 kept, runs;
	uint64_t	 order;
	pathstream_fn	*kept_fn;
	void		*arg;
	char		*path;		/* what pathstream_next() gave */
	size_t		 cap;
	int		 failed;	/* pathstream_next() did */
};

struct pathstream *
pathstream_new(size_t budget)
{
	struct pathstream *ps = xcalloc(1, sizeof(*ps));

	ps->budget = budget != 0 ? budget : PATHSTREAM_BUDGET;
	ps->byname = spill_new(ps->budget);
	return ps;
}

static void
add_walked(void *to, char *path, const struct walk_id *id)
{
	struct pathstream *ps = to;

	spill_add(ps->byname, path, strlen(path), id, sizeof(*id));
	free(path);
}

/* Big-endian, so that memcmp() orders the numbers. */
static unsigned char *
put_be(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--) {
		p[i] = (unsigned char)(v & 0xff);
		v >>= 8;
	}
	return p + 8;
}

static uint64_t
get_be(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

/* Copies key (not NUL-terminated) into ps->path, as a string. */
static const char *
set_path(struct pathstream *ps, const char *key, size_t len)
{
	if (len + 1 > ps->cap) {
		ps->cap = len + 1 > 2 * ps->cap ? len + 1 : 2 * ps->cap;
		ps->path = xreallocarray(ps->path, ps->cap, 1);
	}
	memcpy(ps->path, key, len);
	ps->path[len] = '\0';
	return ps->path;
}

static void
keep(struct pathstream *ps, uint64_t order, const char *path, size_t len)
{
	unsigned char key[8];

	put_be(key, order);
	spill_add(ps->out, key, sizeof(key), path, len);
	ps->kept++;
	if (ps->kept_fn != NULL)
		ps->kept_fn(set_path(ps, path, len), ps->arg);
}

/* A sorted spill's runs counted, and the spill freed. */
static void
done_with(struct pathstream *ps, struct spill **s)
{
	if (*s == NULL)
		return;
	ps->runs += spill_runs(*s);
	spill_free(*s);
	*s = NULL;
}

/*
 * By path: the same path once, numbered; kept at once when what it
 * names is unknown (all of those are), else spilled by file.
 */
static int
by_name(struct pathstream *ps)
{
	const char *key, *data;
	char *prev = NULL;
	size_t klen, dlen, plen = 0, cap = 0;
	unsigned char fk[FILE_KEY], *p;
	struct walk_id id;
	int r;

	if (spill_sort(ps->byname) != 0)
		return -1;
	while ((r = spill_next(ps->byname, &key, &klen, &data, &dlen)) == 1) {
		if (prev != NULL && klen == plen &&
		    memcmp(key, prev, klen) == 0)
			continue;
		if (klen > cap) {
			cap = klen > 2 * cap ? klen : 2 * cap;
			prev = xreallocarray(prev, cap, 1);
		}
		memcpy(prev, key, klen);
		plen = klen;
		memcpy(&id, data, sizeof(id));
		if (!id.known) {
			keep(ps, ps->order++, key, klen);
			continue;
		}
		p = put_be(fk, (uint64_t)id.dev);
		p = put_be(p, (uint64_t)id.ino);
		*p++ = id.link;
		p = put_be(p, klen);
		put_be(p, ps->order++);
		spill_add(ps->byfile, fk, sizeof(fk), key, klen);
	}
	free(prev);
	return r;
}

/* By file: the first of each (dev, ino) kept, the rest dropped. */
static int
by_file(struct pathstream *ps)
{
	const char *key, *data;
	size_t klen, dlen;
	unsigned char last[16];
	int r, any = 0;

	if (spill_sort(ps->byfile) != 0)
		return -1;
	while ((r = spill_next(ps->byfile, &key, &klen, &data, &dlen)) == 1) {
		if (any && memcmp(key, last, sizeof(last)) == 0)
			continue;	/* the same file again */
		memcpy(last, key, sizeof(last));
		any = 1;
		keep(ps, get_be((const unsigned char *)key + FILE_KEY - 8), data,
		    dlen);
	}
	return r;
}

/* The three passes; 0, or -1 after reporting (FAIL_IO). */
static int
sort_all(struct pathstream *ps)
{
	int r;

	ps->byfile = spill_new(ps->budget);
	ps->out = spill_new(ps->budget);
	r = by_name(ps);
	done_with(ps, &ps->byname);
	if (r == 0)
		r = by_file(ps);
	done_with(ps, &ps->byfile);
	if (r == 0)
		r = spill_sort(ps->out);
	return r;
}

int
pathstream_walk(struct pathstream *ps, const char *files0, int n,
    char *operands[], pathstream_fn *kept, void *arg, int *worst)
{
	int i;

	*worst = FAIL_NONE;
	if (files0 != NULL &&
	    walk_files0_to(add_walked, ps, files0) != 0)
		*worst = diag_failure();
	for (i = 0; i < n; i++)
		if (walk_operand_to(add_walked, ps, operands[i]) != 0 &&
		    (int)diag_failure() > *worst)
			*worst = diag_failure();
	ps->kept_fn = kept;
	ps->arg = arg;
	if (sort_all(ps) != 0) {
		ps->runs += spill_runs(ps->out);
		spill_free(ps->out);
		ps->out = NULL;
		ps->kept = 0;
		return -1;
	}
	return 0;
}

int
pathstream_each(struct pathstream *ps, pathstream_fn *fn, void *arg)
{
	struct spill *again;
	const char *key, *data;
	size_t klen, dlen;
	int r;

	if (ps->out == NULL)
		return 0;
	again = spill_new(ps->budget);
	while ((r = spill_next(ps->out, &key, &klen, &data, &dlen)) == 1) {
		fn(set_path(ps, data, dlen), arg);
		spill_add(again, key, klen, data, dlen);
	}
	done_with(ps, &ps->out);
	ps->out = again;
	if (r == 0)
		r = spill_sort(again);
	return r;
}

size_t
pathstream_count(const struct pathstream *ps)
{
	return ps->kept;
}

int
pathstream_next(void *src, const char **path)
{
	struct pathstream *ps = src;
	const char *key, *data;
	size_t klen, dlen;
	int r;

	if (ps->out == NULL)
		return 0;
	if ((r = spill_next(ps->out, &key, &klen, &data, &dlen)) != 1) {
		ps->failed |= r == -1;
		return r;
	}
	*path = set_path(ps, data, dlen);
	return 1;
}

int
pathstream_failed(const struct pathstream *ps)
{
	return ps->failed;
}

size_t
pathstream_runs(const struct pathstream *ps)
{
	return ps->runs + (ps->out != NULL ? spill_runs(ps->out) : 0);
}

void
pathstream_free(struct pathstream *ps)
{
	if (ps == NULL)
		return;
	spill_free(ps->byname);
	spill_free(ps->byfile);
	spill_free(ps->out);
	free(ps->path);
	free(ps);
}
