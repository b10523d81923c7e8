/*
 * The files of a batch command in bounded memory, for any number of them:
 * the operands walked as walk.h walks them, and the same list that
 * pathlist_sort() makes (sorted by path byte by byte, each file once),
 * but spilled (spill.h) instead of held, and given one path at a time
 * to case_each_stream() (batch.h).
 */
#ifndef PATHSTREAM_H
#define PATHSTREAM_H

#include <stddef.h>

struct pathstream;

/* Called with each path: kept, or in the stream's order. */
typedef void pathstream_fn(const char *path, void *arg);

/* Up to about budget bytes of paths in memory at a time (0: 4 MiB). */
struct pathstream	*pathstream_new(size_t budget);
/*
 * Walks the file files0 (NULL: none) and then the n operands, as
 * walk_files0() and walk_operand() do, and sorts.  kept (or NULL) is
 * called once with each path the stream will give, in no particular
 * order.  *worst is the worst kind of failure (diag.h) the walk
 * reported, FAIL_NONE if none: what could not be walked, the rest being
 * listed.  Returns 0, or -1 when the list could not be made (the
 * temporary file failed, reported as FAIL_IO): the stream is empty.
 */
int	pathstream_walk(struct pathstream *ps, const char *files0, int n,
	    char *operands[], pathstream_fn *kept, void *arg, int *worst);
/*
 * Calls fn with every path in the stream's order before the stream is
 * read (it costs writing the list again); 0, or -1 after reporting.
 */
int	pathstream_each(struct pathstream *ps, pathstream_fn *fn, void *arg);
/* The files kept, for empty lists and tests. */
size_t	pathstream_count(const struct pathstream *ps);
/* The next path, as batch.h's path_next_fn: 1, 0 after the last, -1. */
int	pathstream_next(void *ps, const char **path);
/* Whether pathstream_next() failed: the batch did not read every file. */
int	pathstream_failed(const struct pathstream *ps);
/* How many runs went to the temporary file, for tests. */
size_t	pathstream_runs(const struct pathstream *ps);
void	pathstream_free(struct pathstream *ps);

#endif
