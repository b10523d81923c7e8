/*
 * The git merge driver for case files: running git, the command sams init
 * registers, and whether git can run the one registered (sams check, and
 * sams doctor later).  Problems are reported through diag.h.
 */
#ifndef MERGEDRIVER_H
#define MERGEDRIVER_H

struct strbuf;

/* What becomes of git's standard output and error. */
enum git_io {
	GIT_QUIET,	/* output in out (or discarded), errors discarded */
	GIT_SHOWN	/* sams's own: git speaks to the user; out is NULL */
};

/*
 * The one way sams runs git, without a shell: "git -C dir ARGS..." (no
 * -C when dir is NULL; args ends with NULL, at most 12), its output as io
 * says.  Returns git's exit status (128 + the signal that ended it), or -1
 * when it could not be started or waited for.
 */
int	 git_run(const char *dir, char *const args[], enum git_io io,
	    struct strbuf *out);

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
