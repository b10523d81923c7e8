/*
 * The git merge driver for case files: running git, the command sams init
 * registers, and whether git can run the one registered (sams check, and
 * sams doctor later).  Problems are reported through diag.h.
 */
#ifndef MERGEDRIVER_H
#define MERGEDRIVER_H

struct strbuf;

/*
 * Runs "git -C dir ARGS..." (args ends with NULL, at most 8) with its
 * standard error discarded and its standard output in out, or discarded
 * when out is NULL.  Returns git's exit status, or -1 when it did not run
 * to an end.
 */
int	 git_run(const char *dir, char *const args[], struct strbuf *out);

/*
 * The merge driver's command for git config: this very sams by its
 * absolute path, shell-quoted, so that merging works when sams is not on
 * git's PATH: "'/usr/local/bin/sams' merge-file %O %A %B %P".  The caller
 * frees it.
 */
char	*mergedriver_command(void);

/*
 * When git would merge file with the sams merge driver (its attributes say
 * merge=sams), checks that merge.sams.driver is set and that its program
 * can be run.  Returns 0, or 1 after a warning against the folder fixdir
 * (NULL: the file's folder) that tells to run "sams init fixdir".
 */
int	 mergedriver_check(const char *file, const char *fixdir);

#endif
