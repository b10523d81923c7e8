/* The git merge driver: registering it, and checking that git can run it. */
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "mergedriver.h"
#include "strbuf.h"
#include "xalloc.h"

#define GIT_MAX_ARGS	12
#define GIT_MAX_OUTPUT	(64 * 1024)

/*
 * In the child: git with stdout on fd (or /dev/null) and stderr discarded,
 * or with both as they are for GIT_SHOWN.
 */
static void
exec_git(char *argv[], enum git_io io, int fd)
{
	int null = io == GIT_QUIET ? open("/dev/null", O_RDWR) : -1;

	if (io == GIT_QUIET && (null == -1 || dup2(fd != -1 ? fd : null,
	    STDOUT_FILENO) == -1 || dup2(null, STDERR_FILENO) == -1))
		_exit(127);
	execvp("git", argv);
	_exit(127);
}

static void
read_output(int fd, struct strbuf *out)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		if (out != NULL && out->len < GIT_MAX_OUTPUT)
			strbuf_add(out, buf, (size_t)n);
	}
}

int
git_run(const char *dir, char *const args[], enum git_io io,
    struct strbuf *out)
{
	char *argv[GIT_MAX_ARGS + 4];
	int i = 0, status, fds[2] = { -1, -1 };
	pid_t pid;

	argv[i++] = (char *)"git";
	if (dir != NULL) {
		argv[i++] = (char *)"-C";
		argv[i++] = (char *)dir;
	}
	if (io == GIT_SHOWN)
		out = NULL;
	while (*args != NULL && i < GIT_MAX_ARGS + 3)
		argv[i++] = *args++;
	argv[i] = NULL;
	if (out != NULL && pipe(fds) == -1)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		if (fds[0] != -1)
			close(fds[0]);
		exec_git(argv, io, fds[1]);
	}
	if (fds[1] != -1)
		close(fds[1]);
	if (fds[0] != -1) {
		if (pid != -1)
			read_output(fds[0], out);
		close(fds[0]);
	}
	if (pid == -1 || waitpid(pid, &status, 0) == -1)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status);
}

/* This program's absolute path, or NULL. */
static char *
self_path(void)
{
	const char *name;
	char buf[PATH_MAX];
	ssize_t n;

	n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n > 0 && buf[0] == '/') {
		buf[n] = '\0';
		if (access(buf, X_OK) == 0)	/* not "... (deleted)" */
			return xstrdup(buf);
	}
	name = (const char *)getauxval(AT_EXECFN);	/* as it was run */
	return name != NULL ? realpath(name, NULL) : NULL;
}

char *
mergedriver_command(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *self = self_path();
	const char *p;

	if (self == NULL)
		return xstrdup("sams merge-file %O %A %B %P");
	strbuf_addch(&sb, '\'');
	for (p = self; *p != '\0'; p++) {
		if (*p == '\'')
			strbuf_addstr(&sb, "'\\''");	/* for the shell */
		else if (*p == '%')
			strbuf_addstr(&sb, "%%");	/* for git */
		else
			strbuf_addch(&sb, *p);
	}
	strbuf_addstr(&sb, "' merge-file %O %A %B %P");
	free(self);
	return strbuf_detach(&sb, NULL);
}

/*
 * The program a driver command line runs: its first word with git's %%
 * and the shell's quotes undone, or NULL when more than that would be
 * needed to know it (variables, substitutions, assignments, globs).
 */
static char *
first_word(const char *s)
{
	struct strbuf w = STRBUF_INIT;
	char quote = 0;

	for (s += strspn(s, " \t"); *s != '\0'; s++) {
		if (*s == '%' && s[1] == '%')
			s++;
		else if (*s == '%' || (quote != '\'' && strchr("$`", *s)))
			goto unknown;
		if (quote == '\'' && *s == '\'')
			quote = 0;
		else if (quote == '"' && *s == '"')
			quote = 0;
		else if (quote == 0 && (*s == '\'' || *s == '"'))
			quote = *s;
		else if (quote != '\'' && *s == '\\' && s[1] != '\0')
			strbuf_addch(&w, *++s);
		else if (quote == 0 && strchr(" \t\n;&|", *s))
			break;
		else if (quote == 0 && strchr("=(){}<>*?[~#", *s))
			goto unknown;
		else
			strbuf_addch(&w, *s);
	}
	if (quote != 0 || w.len == 0)
		goto unknown;
	return strbuf_detach(&w, NULL);
unknown:
	strbuf_release(&w);
	return NULL;
}

/* Whether path is a file we may run; errno says why not. */
static int
can_run(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1)
		return 0;
	if (!S_ISREG(st.st_mode)) {
		errno = EACCES;
		return 0;
	}
	return access(path, X_OK) == 0;
}

/* Whether a program name without a slash is found on PATH. */
static int
on_path(const char *name)
{
	const char *p = getenv("PATH"), *end;
	char *path;
	int found = 0;

	for (; p != NULL && !found; p = *end != '\0' ? end + 1 : NULL) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		path = end == p ? xasprintf("./%s", name) :
		    xasprintf("%.*s/%s", (int)(end - p), p, name);
		found = can_run(path);
		free(path);
	}
	return found;
}


/* Checks the registered driver's program; 1 after warning. */
static int
check_program(const char *fixdir, const char *command)
{
	char *prog = first_word(command);
	int ok = 1;

	if (prog == NULL)
		return 0;		/* cannot tell: say nothing */
	if (prog[0] == '/')
		ok = can_run(prog);
	else if (strchr(prog, '/') == NULL)
		ok = on_path(prog);
	/* Against the folder: the driver is the folder's, not one file's. */
	if (!ok && prog[0] == '/')
		diag(DIAG_WARNING, fixdir, 0, 0, "git merges the case files "
		    "here with the sams merge driver, but its program %.200s "
		    "cannot be run (%s), so a merge would silently keep one "
		    "side; run sams init %s", prog, strerror(errno), fixdir);
	else if (!ok)
		diag(DIAG_WARNING, fixdir, 0, 0, "git merges the case files "
		    "here with the sams merge driver, but its program %.200s "
		    "is not on PATH, so a merge would silently keep one side; "
		    "run sams init %s", prog, fixdir);
	free(prog);
	return !ok;
}

static char *
parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
}

int
mergedriver_check(const char *file, const char *fixdir)
{
	char *attr[] = { (char *)"check-attr", (char *)"-z", (char *)"merge",
	    (char *)"--", NULL, NULL };
	char *driver[] = { (char *)"config", (char *)"--get",
	    (char *)"merge.sams.driver", NULL };
	struct strbuf out = STRBUF_INIT;
	const char *base = strrchr(file, '/'), *value;
	char *dir = parent_dir(file);
	int rc = 0, st;

	if (fixdir == NULL)
		fixdir = dir;
	attr[4] = (char *)(base != NULL ? base + 1 : file);
	st = git_run(dir, attr, GIT_QUIET, &out);
	/* "FILE\0merge\0VALUE\0": not in a work tree, or not sams: done. */
	value = out.len > 0 ? memchr(out.buf, '\0', out.len) : NULL;
	value = value != NULL ? memchr(value + 1, '\0', out.len -
	    (size_t)(value + 1 - out.buf)) : NULL;
	if (st == 0 && value != NULL && strcmp(value + 1, "sams") == 0) {
		strbuf_release(&out);
		st = git_run(dir, driver, GIT_QUIET, &out);
		if (st == 1)
			diag(DIAG_WARNING, fixdir, 0, 0, "git merges the "
			    "case files here with the sams merge driver, but "
			    "merge.sams.driver is not set in git config, so "
			    "additions on two branches conflict; run sams "
			    "init %s", fixdir);
		else if (st == 0 && out.len > 0)
			rc = check_program(fixdir, out.buf);
		rc = rc || st == 1;
	}
	strbuf_release(&out);
	free(dir);
	return rc;
}
