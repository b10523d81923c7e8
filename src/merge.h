/*
 * Merging two versions of a case file that both only added lines to the
 * end of their common version, which is all sams itself ever does: the
 * algorithm of sams merge-file, apart from the command so that a fuzzer
 * can reach it.
 */
#ifndef MERGE_H
#define MERGE_H

#include <stddef.h>

/*
 * When ours and theirs both start with all of base (which ends with a
 * newline, or is empty), returns 0 and in *out (the caller frees it) base
 * followed by the new lines of both sides: interleaved by the dates of
 * their events as in the merge step of merge sort (the earlier first, ours
 * on a tie, a line without a date going with the line before it), so that
 * neither side's lines change order; a line both sides added is kept once.
 * Returns -1 when a side did more than add lines at the end.
 */
int	merge_appends(const char *base, size_t nb, const char *ours, size_t no,
	    const char *theirs, size_t nt, char **out, size_t *len);

#endif
