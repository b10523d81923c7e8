/*
 * Expanding the operands of batch commands into a sorted list of files:
 * folders are walked recursively (hidden folders skipped, symbolic links to
 * folders not followed, *.yml and *.yaml taken), "-" and --files0-from read
 * NUL-separated lists.  struct pathlist owns its strings (pathlist_free()).
 */
#ifndef WALK_H
#define WALK_H

#include <stddef.h>

struct pathlist {
	char	**paths;
	size_t	  n, cap;
};

/*
 * Adds the files named by operand to list.  Returns 0, or 66 after
 * reporting an operand that does not exist or a folder that cannot be
 * read (what could be read is still added).
 */
int	walk_operand(struct pathlist *list, const char *operand);
/* Adds the NUL-separated paths read from file ("-": standard input). */
int	walk_files0(struct pathlist *list, const char *file);
/* Sorts by path, byte by byte, and drops repeats. */
void	pathlist_sort(struct pathlist *list);
void	pathlist_free(struct pathlist *list);

#endif
