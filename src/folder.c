/* Finding the case folder of a file, and reading its settings. */
#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "folder.h"
#include "schema.h"
#include "xalloc.h"
#include "yamlio.h"

/* The last folder asked about and its answer: report asks in runs. */
static _Thread_local char *last_dir, *last_found;

static char *
parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

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

static int
is_root(const char *dir)
{
	char *real = realpath(dir, NULL);
	int root = real == NULL || strcmp(real, "/") == 0;

	free(real);
	return root;
}

static char *
search(const char *start)
{
	char *dir = xstrdup(start), *sams, *next;
	struct stat st;
	int depth;

	for (depth = 0; depth < 64; depth++) {
		sams = xasprintf("%s/.sams", strcmp(dir, "/") ? dir : "");
		if (stat(sams, &st) == 0 && S_ISDIR(st.st_mode)) {
			free(sams);
			return dir;
		}
		free(sams);
		if (is_root(dir))
			break;
		next = up(dir);
		free(dir);
		dir = next;
	}
	free(dir);
	return NULL;
}

const char *
folder_find(const char *path)
{
	char *dir = parent_dir(path);

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
	last_dir = last_found = NULL;
}

char *
folder_default_model(const char *folder)
{
	struct ydoc doc;
	const struct ynode *v;
	char *path, *text, *model = NULL;
	size_t len;

	if (folder == NULL)
		return NULL;
	path = xasprintf("%s/.sams/config.yml", folder);
	if (access(path, F_OK) == 0 &&
	    file_read(path, YAML_MAX_BYTES, &text, &len) == 0) {
		if (ydoc_parse(&doc, path, text, len) == 0) {
			v = ymap_get(doc.root, "model");
			if (v != NULL && v->kind == YN_SCALAR &&
			    schema_is_id(v->str))
				model = xstrdup(v->str);
		}
		ydoc_release(&doc);
		free(text);
	}
	free(path);
	return model;
}
