/* Expanding files and folders into a sorted list of case files. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "sams.h"
#include "walk.h"
#include "xalloc.h"

#define WALK_MAX_DEPTH	64

static void
add(struct pathlist *list, char *path)
{
	if (list->n == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 256;
		list->paths = xreallocarray(list->paths, list->cap,
		    sizeof(*list->paths));
	}
	list->paths[list->n++] = path;
}

static int
is_yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
	    (n > 5 && strcmp(name + n - 5, ".yaml") == 0);
}

static int walk_dir(struct pathlist *, const char *, int);

/* Adds one folder entry: a case file, or a folder to walk. */
static int
walk_entry(struct pathlist *list, const char *dir, const char *name,
    int depth)
{
	struct stat st;
	char *path;
	int rc = 0;

	if (name[0] == '.')
		return 0;	/* hidden: .git, .sams, lock and temp files */
	if (strcmp(dir, ".") == 0)
		path = xstrdup(name);
	else if (strcmp(dir, "/") == 0)
		path = xasprintf("/%s", name);
	else
		path = xasprintf("%s/%s", dir, name);
	if (lstat(path, &st) == -1) {
		free(path);
		return 0;	/* gone since readdir() */
	}
	if (S_ISDIR(st.st_mode)) {
		rc = walk_dir(list, path, depth + 1);
		free(path);
	} else if (is_yaml_name(name) && !S_ISLNK(st.st_mode))
		add(list, path);
	else if (is_yaml_name(name) && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode))
		add(list, path);	/* a link to a file, not to a folder */
	else
		free(path);
	return rc;
}

static int
walk_dir(struct pathlist *list, const char *dir, int depth)
{
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (depth > WALK_MAX_DEPTH) {
		error_at(dir, 0, 0, "folders nested deeper than %d levels",
		    WALK_MAX_DEPTH);
		return SAMS_EXIT_NOINPUT;
	}
	d = opendir(dir);
	if (d == NULL) {
		error_sys(dir, errno, "cannot read the folder");
		return SAMS_EXIT_NOINPUT;
	}
	while ((de = readdir(d)) != NULL)
		rc = sams_exit_worst(rc, walk_entry(list, dir, de->d_name,
		    depth));
	closedir(d);
	return rc;
}

int
walk_operand(struct pathlist *list, const char *operand)
{
	struct stat st;

	if (strcmp(operand, "-") == 0)
		return walk_files0(list, "-");
	if (stat(operand, &st) == -1) {
		error_sys(operand, errno, "cannot open");
		return SAMS_EXIT_NOINPUT;
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(list, operand, 0);
	add(list, xstrdup(operand));
	return 0;
}

int
walk_files0(struct pathlist *list, const char *file)
{
	char *buf, *p, *end;
	size_t len;
	int rc;

	rc = file_read(file, 64 * 1024 * 1024, &buf, &len);
	if (rc != 0)
		return rc;
	end = buf + len;
	for (p = buf; p < end; p += strlen(p) + 1)
		if (*p != '\0')
			add(list, xstrdup(p));
	free(buf);
	return 0;
}

static int
compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
pathlist_sort(struct pathlist *list)
{
	size_t i, kept = 0;

	if (list->n > 1)
		qsort(list->paths, list->n, sizeof(*list->paths), compare);
	for (i = 0; i < list->n; i++) {
		if (kept > 0 && strcmp(list->paths[kept - 1],
		    list->paths[i]) == 0)
			free(list->paths[i]);
		else
			list->paths[kept++] = list->paths[i];
	}
	list->n = kept;
}

void
pathlist_free(struct pathlist *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->paths[i]);
	free(list->paths);
	list->paths = NULL;
	list->n = list->cap = 0;
}
