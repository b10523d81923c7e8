/*
 * Case folders: the nearest folder above a case file that has a .sams/
 * folder, as git finds .git, and its settings in .sams/config.yml.
 */
#ifndef FOLDER_H
#define FOLDER_H

/*
 * The case folder holding path, or NULL when there is none.  The result
 * stays valid until the next call from the same thread; do not free it.
 */
const char	*folder_find(const char *path);

/* Frees the calling thread's memory of the last folder_find(). */
void		 folder_forget(void);

/*
 * The default model in the case folder's .sams/config.yml, or NULL.  The
 * caller frees the result.
 */
char		*folder_default_model(const char *folder);

#endif
