/*
 * Case folders: the nearest folder above a case file that has a .sams/
 * folder, as git finds .git, and its settings in .sams/config.yml and
 * .sams/local.yml, read only when they may be trusted.
 */
#ifndef FOLDER_H
#define FOLDER_H

#include <stddef.h>

/*
 * The case folder holding path, or NULL when there is none.  The search
 * goes up from the file's folder and stops at the top of a git work tree
 * (a folder holding .git), at a mount point and at the root.  The result
 * stays valid until the next call from the same thread; do not free it.
 */
const char	*folder_find(const char *path);

/* Frees the calling thread's memory of the last folder_find(). */
void		 folder_forget(void);

/*
 * Reads FOLDER/.sams/NAME ("local.yml", "config.yml") when the folder's
 * settings may be trusted: the .sams folder and both files are owned by the
 * user or root, are not writable by group or others, and are not symbolic
 * links (checked on the open descriptors).  Returns 0 and the text in
 * *text (NUL-terminated, the caller frees it), 0 and *text NULL when the
 * file does not exist, or -1 after reporting: FAIL_NOPERM when it may not
 * be trusted, FAIL_NOINPUT when it cannot be read, FAIL_DATA when it is
 * too large.
 */
int		 folder_read(const char *folder, const char *name, char **text,
		    size_t *len);

/*
 * The default model in the case folder's .sams/config.yml: 0 with *model
 * the id or NULL (the caller frees it), or -1 after reporting: as
 * folder_read(), or FAIL_DATA when config.yml is not YAML.  folder may be
 * NULL.
 */
int		 folder_default_model(const char *folder, char **model);

#endif
