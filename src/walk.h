/*
 * Expanding the operands of batch commands into a sorted list of files:
 * folders are walked recursively (hidden folders skipped, symbolic links to
 * folders not followed, *.yml and *.yaml taken), "-" and --files0-from read
 * NUL-separated lists.  A file named twice, or reached again through a
 * link, is listed once.  struct pathlist owns its strings (pathlist_free()).
 */
#ifndef WALK_H
#define WALK_H

#include <sys/types.h>

#include <stddef.h>

/* What a path names, so that one file reached twice is listed once. */
struct walk_id {
	dev_t		dev;
	ino_t		ino;
	unsigned char	known;		/* the path could be looked at */
	unsigned char	link;		/* through a symbolic link */
};

struct pathlist {
	char		**paths;
	size_t		  n, cap;
	struct walk_id	 *ids;		/* one for each of paths */
};

#define PATHLIST_INIT	{ NULL, 0, 0, NULL }

/*
 * Where a walk puts each file it finds: it takes path (malloc'd) over,
 * with what path names.
 */
typedef void walk_add_fn(void *to, char *path, const struct walk_id *id);

/*
 * Adds the files named by operand to list.  Returns 0, or -1 after
 * reporting (FAIL_NOINPUT) an operand that does not exist, or a folder,
 * file or link in it that cannot be read or whose path is longer than
 * PATH_MAX (the rest is still added).
 */
int	walk_operand(struct pathlist *list, const char *operand);
/*
 * Adds the NUL-separated paths read from file ("-": standard input); 0, or
 * -1 after reporting as file_read() does.
 */
int	walk_files0(struct pathlist *list, const char *file);
/*
 * Sorts by path, byte by byte, and drops repeats: of the same path, and of
 * the same file under several paths, keeping the first that is not
 * reached through a symbolic link.
 */
void	pathlist_sort(struct pathlist *list);
/*
 * walk_operand() and walk_files0() giving each file to add as it is
 * found, in the order of the folders' entries.
 */
int	walk_operand_to(walk_add_fn *add, void *to, const char *operand);
int	walk_files0_to(walk_add_fn *add, void *to, const char *file);
void	pathlist_free(struct pathlist *list);

#endif
