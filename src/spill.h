/*
 * Records sorted by key in bounded memory, for groupings over any number
 * of cases: records are held until they fill the budget, then sorted and
 * written as a run to an unlinked temporary file; reading merges the
 * runs, whose read buffers share the budget (down to 4 KiB a run), so
 * that memory is about the budget whatever the number of records.
 * struct spill owns its records and its file; spill_free() frees them.
 */
#ifndef SPILL_H
#define SPILL_H

#include <stddef.h>

struct spill;

/* A spill that holds up to about budget bytes of records in memory. */
struct spill	*spill_new(size_t budget);
/*
 * Adds a record: key and data are copied.  Keys compare as memcmp(3)
 * compares them, a shorter key first when one is the start of the other;
 * records of equal keys come in no particular order.  A failure to write
 * is remembered and reported by spill_sort().
 */
void	spill_add(struct spill *s, const void *key, size_t klen,
	    const void *data, size_t dlen);
/*
 * Ends the adding; the records can be read in order.  0, or -1 after
 * reporting (FAIL_IO).
 */
int	spill_sort(struct spill *s);
/*
 * The next record after spill_sort(): 1 with its key and data (valid
 * until the next call, the data not aligned: copy it out), 0 after the
 * last, or -1 after reporting (FAIL_IO).
 */
int	spill_next(struct spill *s, const char **key, size_t *klen,
	    const char **data, size_t *dlen);
/* How many runs went to the temporary file (0: all in memory), for tests. */
size_t	spill_runs(const struct spill *s);
void	spill_free(struct spill *s);

#endif
