/* Expanding files and folders into a sorted list of case files. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "i18n.h"
#include "strbuf.h"
#include "text.h"
#include "walk.h"
#include "xalloc.h"

#define WALK_MAX_DEPTH	64

/* walk_entry(), without a report: the folder itself cannot be searched. */
#define WALK_DENIED	1

/* Where a walk puts the files it finds. */
struct walker {
	walk_add_fn	*add;
	void		*to;
};

/* Hands path (malloc'd) over with what it names (st NULL: unknown). */
static void
put(const struct walker *w, char *path, const struct stat *st, int link)
{
	struct walk_id id;

	memset(&id, 0, sizeof(id));
	if (st != NULL) {
		id.dev = st->st_dev;
		id.ino = st->st_ino;
		id.known = 1;
		id.link = link != 0;
	}
	w->add(w->to, path, &id);
}

static void
list_add(void *to, char *path, const struct walk_id *id)
{
	struct pathlist *list = to;

	if (list->n == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 256;
		list->paths = xreallocarray(list->paths, list->cap,
		    sizeof(*list->paths));
		list->ids = xreallocarray(list->ids, list->cap,
		    sizeof(*list->ids));
	}
	list->ids[list->n] = *id;
	list->paths[list->n++] = path;
}

static int
is_yaml_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
	    (n > 5 && strcmp(name + n - 5, ".yaml") == 0);
}

/* Moves *i back to the start of a UTF-8 sequence, not into its middle. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/*
 * Reports a path longer than PATH_MAX by its beginning and its end; what
 * says what is not read (N_() marked).
 */
static int
too_long(const char *path, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(path), head, tail;

	if (n < 100)		/* a name too long, not the path */
		return fail_sys(FAIL_NOINPUT, path, ENAMETOOLONG,
		    "cannot open");
	head = char_start(path, 40);
	tail = char_start(path, n - 40);
	strbuf_add(&sb, path, head);
	strbuf_addstr(&sb, "...");
	strbuf_addstr(&sb, path + tail);
	fail_at(FAIL_NOINPUT, sb.buf, 0, 0, "path is longer than %d bytes; %s",
	    PATH_MAX - 1, text_msg(what));
	strbuf_release(&sb);
	return -1;
}

static char *
join(const char *dir, const char *name)
{
	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	if (dir[strlen(dir) - 1] == '/')	/* "cases/" and "/" */
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

static int walk_dir(const struct walker *, int, const char *, int);

/* Opens and walks the folder name in the folder open at dfd. */
static int
walk_subdir(const struct walker *w, int dfd, const char *name,
    const char *path, int depth)
{
	int fd;

	if (strlen(path) >= PATH_MAX)
		return too_long(path, N_("nothing in the folder is read"));
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1) {
		if (errno == ENOENT)
			return 0;	/* gone since readdir() */
		return fail_sys(FAIL_NOINPUT, path, errno,
		    "cannot read the folder");
	}
	return walk_dir(w, fd, path, depth + 1);
}

/*
 * Adds one folder entry: a case file, or a folder to walk.  The one
 * fstatat() a file costs also tells whether it was seen before.  0, -1
 * after reporting, or WALK_DENIED.
 */
static int
walk_entry(const struct walker *w, int dfd, const char *dir, const char *name,
    int depth)
{
	struct stat st;
	char *path;
	int rc = 0, link = 0, skip = 0;

	if (name[0] == '.')
		return 0;	/* hidden: .git, .sams, lock and temp files */
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1) {
		if (errno == ENOENT)
			return 0;	/* gone since readdir() */
		if (errno == EACCES)
			return WALK_DENIED;
		return fail_sys(FAIL_NOINPUT, dir, errno,
		    "cannot read the folder");
	}
	if (!S_ISDIR(st.st_mode) && !is_yaml_name(name))
		return 0;
	path = join(dir, name);
	if (S_ISDIR(st.st_mode)) {
		rc = walk_subdir(w, dfd, name, path, depth);
		free(path);
		return rc;
	}
	if (S_ISLNK(st.st_mode)) {
		link = 1;
		if (fstatat(dfd, name, &st, 0) == -1)
			rc = fail_sys(FAIL_NOINPUT, path, errno,
			    "cannot follow the link");
		else if (S_ISDIR(st.st_mode))
			skip = 1;	/* links to folders are not followed */
	}
	if (rc == 0 && !skip && strlen(path) >= PATH_MAX)
		rc = too_long(path, N_("the file is not read"));
	if (rc == 0 && !skip)
		put(w, path, &st, link);
	else
		free(path);
	return rc;
}

/*
 * Walks the folder open at fd (which it closes), named dir: 0, or -1
 * after reporting what could not be read, the rest being added.
 */
static int
walk_dir(const struct walker *w, int fd, const char *dir, int depth)
{
	struct dirent *de;
	DIR *d;
	int rc = 0, r;

	if (depth > WALK_MAX_DEPTH) {
		close(fd);
		return fail_at(FAIL_NOINPUT, dir, 0, 0, "folders nested deeper "
		    "than %d levels", WALK_MAX_DEPTH);
	}
	d = fdopendir(fd);
	if (d == NULL) {
		rc = fail_sys(FAIL_NOINPUT, dir, errno,
		    "cannot read the folder");
		close(fd);
		return rc;
	}
	for (;;) {
		errno = 0;
		if ((de = readdir(d)) == NULL)
			break;
		r = walk_entry(w, dirfd(d), dir, de->d_name, depth);
		if (r == WALK_DENIED) {
			errno = EACCES;
			break;
		}
		if (r != 0)
			rc = -1;
	}
	if (errno != 0)
		rc = fail_sys(FAIL_NOINPUT, dir, errno,
		    "cannot read the folder");
	closedir(d);
	return rc;
}

/* What path names, for the list: lstat(), and stat() for a link. */
static int
look(const char *path, struct stat *st, int *link)
{
	*link = 0;
	if (lstat(path, st) == -1)
		return -1;
	if (!S_ISLNK(st->st_mode))
		return 0;
	*link = 1;
	return stat(path, st);
}

static int
walk_list(const struct walker *w, const char *file)
{
	struct stat st;
	char *buf, *p, *end;
	size_t len;
	int link, known;

	if (file_read(file, 64 * 1024 * 1024, &buf, &len) != 0)
		return -1;
	end = buf + len;
	for (p = buf; p < end; p += strlen(p) + 1) {
		if (*p == '\0')
			continue;
		known = look(p, &st, &link) == 0; /* if not, open reports */
		put(w, xstrdup(p), known ? &st : NULL, link);
	}
	free(buf);
	return 0;
}

static int
walk_one(const struct walker *w, const char *operand)
{
	struct stat st;
	int fd, link;

	if (strcmp(operand, "-") == 0)
		return walk_list(w, "-");
	if (look(operand, &st, &link) == -1) {
		if (errno == ENAMETOOLONG)
			return too_long(operand, N_("it is not read"));
		return fail_sys(FAIL_NOINPUT, operand, errno, "cannot open");
	}
	if (!S_ISDIR(st.st_mode)) {
		put(w, xstrdup(operand), &st, link);
		return 0;
	}
	fd = open(operand, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return fail_sys(FAIL_NOINPUT, operand, errno,
		    "cannot read the folder");
	return walk_dir(w, fd, operand, 0);
}

int
walk_operand_to(walk_add_fn *add, void *to, const char *operand)
{
	struct walker w = { add, to };

	return walk_one(&w, operand);
}

int
walk_files0_to(walk_add_fn *add, void *to, const char *file)
{
	struct walker w = { add, to };

	return walk_list(&w, file);
}

int
walk_operand(struct pathlist *list, const char *operand)
{
	return walk_operand_to(list_add, list, operand);
}

int
walk_files0(struct pathlist *list, const char *file)
{
	return walk_files0_to(list_add, list, file);
}

struct item {
	char		*path;
	struct walk_id	 id;
	size_t		 order;		/* after sorting by path */
	size_t		 len;
};

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const struct item *)a)->path,
	    ((const struct item *)b)->path);
}

/*
 * The same file together, the one to keep first: not through a link, the
 * shortest path ("a.yml", not "./a.yml"), the first.
 */
static int
by_file(const void *a, const void *b)
{
	const struct item *x = *(struct item *const *)a;
	const struct item *y = *(struct item *const *)b;

	if (x->id.dev != y->id.dev)
		return x->id.dev < y->id.dev ? -1 : 1;
	if (x->id.ino != y->id.ino)
		return x->id.ino < y->id.ino ? -1 : 1;
	if (x->id.link != y->id.link)
		return x->id.link - y->id.link;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Frees the paths of files listed before and marks them with NULL. */
static void
drop_same_files(struct item *items, size_t n)
{
	struct item **known = xreallocarray(NULL, n ? n : 1, sizeof(*known));
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (items[i].path != NULL && items[i].id.known)
			known[k++] = &items[i];
	qsort(known, k, sizeof(*known), by_file);
	for (i = 1; i < k; i++)
		if (known[i]->id.dev == known[i - 1]->id.dev &&
		    known[i]->id.ino == known[i - 1]->id.ino) {
			free(known[i]->path);
			known[i]->path = NULL;
		}
	free(known);
}

void
pathlist_sort(struct pathlist *list)
{
	struct item *items;
	size_t i, kept = 0;

	if (list->n == 0)
		return;
	items = xreallocarray(NULL, list->n, sizeof(*items));
	for (i = 0; i < list->n; i++) {
		items[i].path = list->paths[i];
		items[i].id = list->ids[i];
	}
	qsort(items, list->n, sizeof(*items), by_path);
	for (i = 0; i < list->n; i++) {
		items[i].order = i;
		items[i].len = strlen(items[i].path);
		if (i > 0 && strcmp(items[i].path, items[i - 1].path) == 0) {
			free(items[i - 1].path);	/* the same path */
			items[i - 1].path = NULL;
		}
	}
	drop_same_files(items, list->n);
	for (i = 0; i < list->n; i++)
		if (items[i].path != NULL) {
			list->ids[kept] = items[i].id;
			list->paths[kept++] = items[i].path;
		}
	list->n = kept;
	free(items);
}

void
pathlist_free(struct pathlist *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		free(list->paths[i]);
	free(list->paths);
	free(list->ids);
	list->paths = NULL;
	list->ids = NULL;
	list->n = list->cap = 0;
}
