/* Finding the case folder of a file, and reading its settings safely. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "folder.h"
#include "i18n.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"
#include "yamlio.h"

/* How many folders up the search for .sams goes at most. */
#define FOLDER_MAX_UP	64

/*
 * The last folder asked about and its answer: report asks in runs.  And
 * the folder above it with its answer, which its neighbours share.
 */
static _Thread_local char *last_dir, *last_found, *above_dir, *above_found;

/* The folder above dir, as a path people recognise: "..", "a/..". */
static char *
up(const char *dir)
{
	const char *slash = strrchr(dir, '/');
	size_t n = strlen(dir);

	if (strcmp(dir, ".") == 0)
		return xstrdup("..");
	if ((n >= 2 && strcmp(dir + n - 2, "..") == 0) ||
	    (slash == NULL && dir[0] == '.'))
		return xasprintf("%s/..", dir);
	if (slash == NULL)
		return xstrdup(".");
	if (slash == dir)
		return xstrdup("/");
	return xstrndup(dir, (size_t)(slash - dir));
}

/* DIR/NAME, without a double slash at the root. */
static char *
join(const char *dir, const char *name)
{
	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s/%s", strcmp(dir, "/") ? dir : "", name);
}

/*
 * lstat() of DIR/NAME: 1 when it exists, 0 when it does not, -1 when that
 * cannot be known (a folder we may not search).
 */
static int
look(const char *dir, const char *name, struct stat *st)
{
	char *path = join(dir, name);
	int rc;

	rc = lstat(path, st) == 0 ? 1 : errno == ENOENT || errno == ENOTDIR ?
	    0 : -1;
	free(path);
	return rc;
}

/*
 * The nearest folder from start upwards with a .sams folder (or a link
 * named .sams, which folder_read() then refuses).  Settings never come from
 * above the top of a git work tree, from another file system, or from
 * above a folder that cannot be searched.
 */
static char *
search(const char *start)
{
	struct stat here, above, st;
	char *dir, *next, *parent = NULL, *result = NULL;
	int depth, found;

	if (stat(start, &here) == -1)
		return NULL;
	dir = xstrdup(start);
	for (depth = 0; depth < FOLDER_MAX_UP; depth++) {
		found = look(dir, ".sams", &st);
		if (found == 1 && (S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode))) {
			result = dir;
			dir = NULL;
			break;
		}
		if (found == -1 || look(dir, ".git", &st) != 0)
			break;
		next = up(dir);
		if (stat(next, &above) == -1 || above.st_dev != here.st_dev ||
		    above.st_ino == here.st_ino) {
			free(next);
			break;	/* the root, a mount point, or unreadable */
		}
		free(dir);
		dir = next;
		here = above;
		if (depth > 0)
			continue;
		/* From here on the search is the one from the folder above. */
		if (above_dir != NULL && strcmp(dir, above_dir) == 0) {
			free(dir);
			return above_found != NULL ? xstrdup(above_found) :
			    NULL;
		}
		parent = xstrdup(dir);
	}
	free(dir);
	if (parent != NULL) {
		free(above_dir);
		free(above_found);
		above_dir = parent;
		above_found = result != NULL ? xstrdup(result) : NULL;
	}
	return result;
}

const char *
folder_find(const char *path)
{
	char *dir = file_folder(path, NULL);

	if (last_dir != NULL && strcmp(last_dir, dir) == 0) {
		free(dir);
		return last_found;
	}
	free(last_dir);
	free(last_found);
	last_dir = dir;
	last_found = search(dir);
	return last_found;
}

void
folder_forget(void)
{
	free(last_dir);
	free(last_found);
	free(above_dir);
	free(above_found);
	last_dir = last_found = above_dir = above_found = NULL;
}

/*
 * After the error that says why path is not trusted, the fix (N_()) as a
 * note of its own, so that sams doctor can tell them apart and name the
 * exact commands instead.  Returns -1 (FAIL_NOPERM).
 */
static int
distrust_fix(const char *path, const char *fix)
{
	diag(DIAG_NOTE, path, 0, 0, "%s", text_msg(fix));
	return diag_fail(FAIL_NOPERM);
}

/*
 * Reports why what st describes may not be trusted and returns -1
 * (FAIL_NOPERM), or returns 0.  As git's safe.directory and OpenSSH's
 * StrictModes decide: only the user and root may own it, and nobody else
 * may change it.
 */
static int
check_trust(const char *path, const struct stat *st)
{
	const char *who;
	int owner, group, other;

	owner = st->st_uid != geteuid() && st->st_uid != 0;
	group = (st->st_mode & S_IWGRP) != 0;
	other = (st->st_mode & S_IWOTH) != 0;
	if (!owner && !group && !other)
		return 0;
	/* TRANSLATORS: who may write a folder or file, in "writable by %s". */
	who = text_msg(group && other ? N_("group and others") : group ?
	    N_("group") : N_("others"));
	if (!owner) {
		error_at(path, 0, 0, "not trusted: writable by %s", who);
		return distrust_fix(path, N_("fix with chmod go-w; see "
		    "SECURITY in sams(1)"));
	}
	if (!group && !other) {
		error_at(path, 0, 0, "not trusted: owned by uid %lu (neither "
		    "you nor root)", (unsigned long)st->st_uid);
		return distrust_fix(path, N_("fix with chown; see SECURITY in "
		    "sams(1)"));
	}
	error_at(path, 0, 0, "not trusted: owned by uid %lu (neither you nor "
	    "root) and writable by %s", (unsigned long)st->st_uid, who);
	return distrust_fix(path, N_("fix with chown and chmod go-w; see "
	    "SECURITY in sams(1)"));
}

/* Reports a settings file or folder that open() refused. */
static int
refuse_open(const char *path, int errnum)
{
	struct stat st;

	if (errnum == ELOOP || (lstat(path, &st) == 0 &&
	    S_ISLNK(st.st_mode))) {
		error_at(path, 0, 0, "not trusted: a symbolic link");
		return distrust_fix(path, N_("put what it points to there; see "
		    "SECURITY in sams(1)"));
	}
	if (errnum == ENOTDIR)
		return fail_at(FAIL_NOPERM, path, 0, 0,
		    "not trusted: not a folder");
	return fail_sys(FAIL_NOINPUT, path, errnum, "cannot open");
}

/* The settings files: each is checked whichever one is read. */
static const char *const settings[] = { "config.yml", "local.yml" };

/*
 * Opens and checks the settings file name in the checked folder dfd:
 * 0 with *fd, which is -1 when it does not exist, or -1 after reporting.
 */
static int
open_in(int dfd, const char *path, const char *name, int *fd)
{
	struct stat st;

	*fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (*fd == -1)
		return errno == ENOENT ? 0 : refuse_open(path, errno);
	if (fstat(*fd, &st) == -1)
		return fail_sys(FAIL_NOINPUT, path, errno, "cannot open");
	if (!S_ISREG(st.st_mode))
		return fail_at(FAIL_NOPERM, path, 0, 0,
		    "not trusted: not a regular file");
	return check_trust(path, &st);
}

/* Checks every settings file in the checked folder dfd, reads name. */
static int
read_in(int dfd, const char *dir, const char *name, char **text,
    size_t *len)
{
	char *path;
	size_t i;
	int fd, rc = 0;

	for (i = 0; rc == 0 && i < sizeof(settings) / sizeof(*settings);
	    i++) {
		path = xasprintf("%s/%s", dir, settings[i]);
		rc = open_in(dfd, path, settings[i], &fd);
		if (rc == 0 && fd != -1 && strcmp(settings[i], name) == 0)
			rc = file_read_fd(fd, path, YAML_MAX_BYTES, text,
			    len);
		if (fd != -1)
			close(fd);
		free(path);
	}
	return rc;
}

int
folder_read(const char *folder, const char *name, char **text, size_t *len)
{
	struct stat st;
	char *dir;
	int dfd, rc;

	*text = NULL;
	*len = 0;
	dir = join(folder, ".sams");
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd == -1)
		rc = errno == ENOENT ? 0 : refuse_open(dir, errno);
	else if (fstat(dfd, &st) == -1)
		rc = fail_sys(FAIL_NOINPUT, dir, errno, "cannot open");
	else if ((rc = check_trust(dir, &st)) == 0)
		rc = read_in(dfd, dir, name, text, len);
	if (dfd != -1)
		close(dfd);
	if (rc != 0) {
		free(*text);
		*text = NULL;
	}
	free(dir);
	return rc;
}

int
folder_default_model(const char *folder, char **model)
{
	struct ydoc doc;
	const struct ynode *v;
	char *path, *text;
	size_t len;
	int rc;

	*model = NULL;
	if (folder == NULL)
		return 0;
	rc = folder_read(folder, "config.yml", &text, &len);
	if (rc != 0 || text == NULL)
		return rc;
	path = join(folder, ".sams/config.yml");
	if (ydoc_parse(&doc, path, text, len) == 0) {
		v = ymap_get(doc.root, "model");
		if (v != NULL && v->kind == YN_SCALAR && schema_is_id(v->str))
			*model = xstrdup(v->str);
	} else
		rc = -1;	/* reported: never exit 0 after it */
	ydoc_release(&doc);
	free(text);
	free(path);
	return rc;
}
