/* Finding a case file by its id in the case folder. */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "fileio.h"
#include "find.h"
#include "folder.h"
#include "i18n.h"
#include "walk.h"
#include "xalloc.h"
#include "yamlio.h"

#define FIND_ID_MAX	40

/* Paths given by find_operand(), freed by find_forget(). */
static char	**given;
static size_t	  ngiven;

int
find_is_case_id(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= FIND_ID_MAX && strspn(s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_.") == n;
}

int
find_same_id(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* Whether s ends in suffix, whatever the case of its letters. */
static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/*
 * Whether operand is to be looked up as an id: it has an id's syntax, is
 * not "-" (standard input), is not named like a case file (a file that is
 * missing is a missing file, not an id) and names nothing that exists.
 */
static int
wants_lookup(const char *operand)
{
	struct stat st;

	if (!find_is_case_id(operand) || strcmp(operand, "-") == 0 ||
	    ends_with(operand, ".yml") || ends_with(operand, ".yaml"))
		return 0;
	return lstat(operand, &st) == -1 && errno == ENOENT;
}

/* Whether text[0..len) holds id anywhere, whatever the case: cheap. */
static int
mentions(const char *text, size_t len, const char *id)
{
	size_t n = strlen(id), i;

	for (i = 0; n <= len && i <= len - n; i++)
		if (strncasecmp(text + i, id, n) == 0)
			return 1;
	return 0;
}

/*
 * Whether the file at path is a case whose id is id.  Only files that
 * mention the id are parsed, and only as YAML: a case that breaks a rule
 * is still found, and opening it then says what is wrong.
 */
static int
has_id(const char *path, const char *id)
{
	const struct ynode *v;
	struct ydoc doc;
	char *text;
	size_t len;
	int yes = 0;

	if (file_read(path, YAML_MAX_BYTES, &text, &len) != 0)
		return 0;
	if (mentions(text, len, id)) {
		ydoc_parse(&doc, path, text, len);
		if (doc.root != NULL && doc.root->kind == YN_MAP &&
		    ymap_get(doc.root, "sams-case") != NULL) {
			v = ymap_get(doc.root, "id");
			yes = v != NULL && v->kind == YN_SCALAR &&
			    find_same_id(v->str, id);
		}
		ydoc_release(&doc);
	}
	free(text);
	return yes;
}

/* Says that several files have the id, naming each; returns -1. */
static int
ambiguous(const char *id, const char *folder, char **found, size_t n)
{
	size_t i;

	/* n > 1: the plural alone. */
	if (folder != NULL)
		error_at(folder, 0, 0, "%zu case files in this case folder "
		    "have the id %s; name one by its path, and see 'sams "
		    "check'", n, id);
	else
		error_at(".", 0, 0, "%zu case files in this folder have the id "
		    "%s; name one by its path, and see 'sams check'", n, id);
	for (i = 0; i < n; i++)
		diag(DIAG_NOTE, found[i], 0, 0, "has that id");
	return -1;
}

int
find_case(const char *operand, char **path)
{
	struct pathlist list = PATHLIST_INIT;
	const char *folder, *where;
	char **found = NULL;
	size_t i, n = 0;
	int rc, walked;

	*path = NULL;
	if (!wants_lookup(operand))
		return 0;
	folder = folder_find(operand);
	where = folder != NULL ? folder : ".";
	/* Quiet: unreadable corners and broken files are check's job. */
	diag_set_sink(NULL, NULL, 1);
	walked = walk_operand(&list, where);
	pathlist_sort(&list);
	for (i = 0; i < list.n; i++)
		if (has_id(list.paths[i], operand)) {
			found = xreallocarray(found, n + 1, sizeof(*found));
			found[n++] = list.paths[i];
		}
	diag_set_sink(NULL, NULL, 0);
	if (n == 0) {
		rc = fail_at(FAIL_NOINPUT, where, 0, 0, folder != NULL ?
		    (walked != 0 ? N_("no case file has the id %s in this "
		    "case folder; some folders in it could not be read") :
		    N_("no case file has the id %s in this case folder")) :
		    walked != 0 ? N_("no case file has the id %s in this "
		    "folder (not in a case folder); some folders in it could "
		    "not be read") : N_("no case file has the id %s in this "
		    "folder (not in a case folder)"), operand);
	} else if (n > 1)
		rc = ambiguous(operand, folder, found, n);
	else {
		*path = xstrdup(found[0]);
		rc = 0;
	}
	free(found);
	pathlist_free(&list);
	return rc;
}

int
find_operand(char **operand)
{
	char *path;
	int rc;

	rc = find_case(*operand, &path);
	if (rc != 0 || path == NULL)
		return rc;
	given = xreallocarray(given, ngiven + 1, sizeof(*given));
	given[ngiven++] = path;
	*operand = path;
	return 0;
}

void
find_forget(void)
{
	size_t i;

	for (i = 0; i < ngiven; i++)
		free(given[i]);
	free(given);
	given = NULL;
	ngiven = 0;
}
