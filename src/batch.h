/*
 * Reading many cases for a batch command (next, status, log, show, report):
 * each file is opened, its state computed as of the day given, and handed
 * to a callback, in the order of the files.  The state passed is the
 * batch's: the callback copies what it keeps.
 */
#ifndef BATCH_H
#define BATCH_H

#include <stddef.h>

struct case_state;
typedef void case_fn(const struct case_state *st, void *arg);

/*
 * Opens each file in turn (or the case a case id names, find.h), computes
 * its state as of today and calls fn; a bad file is reported and skipped.
 * Returns 0, or -1 when a file was bad, the last failure recorded
 * (diag_failure()) being the worst kind of the files', each file's
 * kind being its last report's.
 */
int	case_each(char *files[], int n, long today, case_fn *fn, void *arg);

/*
 * The same for many files, read and parsed by up to SAMS_THREADS threads
 * (default: one a core, at most 4); fn is still called, and diagnostics
 * still printed and recorded, from the calling thread in the order of
 * files.
 */
int	case_each_parallel(char *files[], size_t n, long today, case_fn *fn,
	    void *arg);

/*
 * Gives the next file to read: 1 with *path (copied before the next
 * call), 0 after the last, or -1 after reporting, which ends the batch
 * as a failure of that kind.  Called under the batch's lock, from any of
 * its threads.
 */
typedef int path_next_fn(void *src, const char **path);

/*
 * case_each_parallel() over the files next gives, in its order, however
 * many: up to 128 are held at a time.
 */
int	case_each_stream(path_next_fn *next, void *src, long today,
	    case_fn *fn, void *arg);

#endif
