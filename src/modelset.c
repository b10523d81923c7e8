/*
 * The model set: built-in models or a model folder, the models they
 * extend, a case folder's .sams/local.yml, and the cache that loads each
 * once for every thread.
 */
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "folder.h"
#include "i18n.h"
#include "modelset.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"

static const char *model_dir;
/* Whether model_dir was found to be a folder: 0 not yet looked, 1 yes. */
static int model_dir_state;

struct cached_model {
	char		*key;		/* an id, or "PATH\nID" for local.yml */
	struct model	*m;		/* NULL: none, failed or loading */
	enum diag_fail	 fail;		/* why it failed, or FAIL_NONE */
	int		 loading;	/* asked for again: a cycle */
};

static struct cached_model	*cache;
static size_t			 ncache;

/*
 * report's workers share the cache; a loaded model is read-only.  The lock
 * is recursive: loading a model that extends another loads that one too.
 */
static pthread_mutex_t cache_lock;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void
init_cache_lock(void)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&cache_lock, &attr);
	pthread_mutexattr_destroy(&attr);
}

static void
lock_cache(void)
{
	pthread_once(&cache_once, init_cache_lock);
	pthread_mutex_lock(&cache_lock);
}

static void
unlock_cache(void)
{
	pthread_mutex_unlock(&cache_lock);
}

/* The cache entry for key, or NO_INDEX.  Called with the lock held. */
static size_t
find_cached(const char *key)
{
	size_t i;

	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].key, key) == 0)
			return i;
	return NO_INDEX;
}

/*
 * Adds an entry for key (which the cache takes over), loading until
 * cache_done(); returns its index, which stays valid while loading adds
 * entries.  Called with the lock held.
 */
static size_t
cache_add(char *key)
{
	cache = xreallocarray(cache, ncache + 1, sizeof(*cache));
	cache[ncache].key = key;
	cache[ncache].m = NULL;
	cache[ncache].fail = FAIL_NONE;
	cache[ncache].loading = 1;
	return ncache++;
}

/* Remembers what loading entry i gave: rc 0 with m (or none), or -1. */
static void
cache_done(size_t i, struct model *m, int rc)
{
	enum diag_fail kind = diag_failure();

	cache[i].m = m;
	cache[i].fail = rc == 0 ? FAIL_NONE : kind != FAIL_NONE ? kind :
	    FAIL_DATA;
	cache[i].loading = 0;
}

/*
 * What entry i holds, as model_get() returns it: a failure already
 * reported is only recorded again.
 */
static int
cached(size_t i, const struct model **out)
{
	*out = cache[i].m;
	if (cache[i].loading)		/* never: get_base() looks first */
		return diag_fail(FAIL_DATA);
	return cache[i].fail != FAIL_NONE ? diag_fail(cache[i].fail) : 0;
}

void
model_cache_release(void)
{
	size_t i;

	for (i = 0; i < ncache; i++) {
		free(cache[i].key);
		model_free(cache[i].m);
	}
	free(cache);
	cache = NULL;
	ncache = 0;
}

/* Extending: the base a model names, through the set. */

/*
 * The models being loaded, each waiting for the model it extends, so that
 * one that comes back extends itself: reported, never an endless
 * recursion.  Guarded by the cache lock, which loading holds throughout.
 */
#define MODEL_MAX_EXTENDS	8

static struct extending {
	const char	*id;		/* NULL: .sams/local.yml, or no id */
	const char	*file;
	size_t		 line, col;	/* of its 'extends' */
	int		 in_cycle;	/* the cycle is reported */
} chain[MODEL_MAX_EXTENDS];
static size_t nchain;

/* Reports the cycle from chain[k] back to it: "a -> b -> a". */
static void
report_cycle(struct schema *s, size_t k)
{
	char ids[MODEL_MAX_EXTENDS * 48];
	size_t i, used = 0;

	for (i = k; i < nchain; i++) {
		used += (size_t)snprintf(ids + used, sizeof(ids) - used,
		    "%s -> ", chain[i].id);
		chain[i].in_cycle = 1;
	}
	snprintf(ids + used, sizeof(ids) - used, "%s", chain[k].id);
	s->errors++;
	error_at(chain[k].file, chain[k].line, chain[k].col, "model '%s' "
	    "extends itself: %s", chain[k].id, ids);
}

/*
 * The model_base_fn of the set: gets the model id that the model being
 * read (self) extends into *base, or returns -1 after reporting why it
 * cannot.
 */
static int
get_base(struct schema *s, const struct ynode *at, const char *self,
    const char *id, const struct model **base)
{
	struct extending *me;
	size_t i, k;
	int rc = -1;

	*base = NULL;
	lock_cache();
	if (nchain == MODEL_MAX_EXTENDS) {
		schema_error(s, at, "models extend each other more than %d "
		    "deep", MODEL_MAX_EXTENDS);
		goto out;
	}
	me = &chain[nchain++];
	me->id = self;
	me->file = s->file;
	me->line = at != NULL ? at->line : 0;
	me->col = at != NULL ? at->col : 0;
	me->in_cycle = 0;
	for (k = 0; k < nchain; k++)
		if (chain[k].id != NULL && strcmp(chain[k].id, id) == 0)
			break;
	if (k < nchain)
		report_cycle(s, k);
	else if ((i = find_cached(id)) != NO_INDEX && cache[i].loading)
		schema_error(s, at, "cannot extend model '%s': it is being "
		    "loaded, so these models extend each other", id);
	else if ((rc = model_get(id, base)) == 0 && *base != NULL)
		;
	else if (me->in_cycle || (rc == -1 &&
	    diag_failure() == FAIL_NOINPUT))
		s->errors++;	/* reported once, at the model it began with */
	else
		schema_error(s, at, "cannot extend model '%s': no such model, "
		    "or it is broken", id);
	nchain--;
	rc = *base != NULL ? 0 : -1;
out:
	unlock_cache();
	return rc;
}

struct model *
model_load(char *text, size_t len, const char *name)
{
	return model_read(text, len, name, get_base);
}

struct model *
model_load_local(char *text, size_t len, const char *name, const char *base)
{
	return model_read_local(text, len, name, base, get_base);
}

/* The model folder. */

void
model_set_dir(const char *dir)
{
	model_dir = dir;
	model_dir_state = 0;
}

const char *
model_get_dir(void)
{
	return model_dir;
}

/*
 * A model folder that is not there is told as such, once a run (not as
 * a model it lacks); returns 0 if it is a folder, or -1 (FAIL_NOINPUT).
 * Called with the cache lock held.
 */
static int
check_model_dir(void)
{
	struct stat st;
	const char *why;

	if (model_dir_state == 0) {
		model_dir_state = 1;
		if (stat(model_dir, &st) == -1)
			why = errno == ENOENT ? text_msg(N_("no such folder")) :
			    strerror(errno);
		else if (!S_ISDIR(st.st_mode))
			why = text_msg(N_("not a folder"));
		else
			why = NULL;
		if (why != NULL) {
			model_dir_state = -1;
			return fail_at(FAIL_NOINPUT, model_dir, 0, 0, "the "
			    "model folder (--phases, SAMS_PHASES): %s", why);
		}
	}
	return model_dir_state == 1 ? 0 : diag_fail(FAIL_NOINPUT);
}

/* Loads DIR/ID.yml from the folder set by model_set_dir(). */
static int
load_by_id(const char *id, struct model **out)
{
	struct stat st;
	char *path, *text;
	size_t len;
	int rc;

	*out = NULL;
	if (check_model_dir() != 0)
		return -1;
	path = xasprintf("%s/%s.yml", model_dir, id);
	/* No such model: the caller says so, without the id (it may come
	 * from a case file).  A dangling link is a model that cannot be
	 * read, and file_read() says so. */
	if (lstat(path, &st) == -1 && errno == ENOENT) {
		free(path);
		return 0;
	}
	rc = file_read(path, YAML_MAX_BYTES, &text, &len);
	if (rc == 0)
		*out = model_load(text, len, path);
	free(path);
	if (rc != 0)
		return -1;	/* unreadable or too large: file_read() said */
	if (*out != NULL && strcmp((*out)->id, id) != 0) {
		error_at((*out)->name, 0, 0, "the file defines model '%s', "
		    "not '%.40s'", (*out)->id, id);
		model_free(*out);
		*out = NULL;
	}
	return *out == NULL ? diag_fail(FAIL_DATA) : 0;
}

int
model_get(const char *id, const struct model **out)
{
	const struct builtin_model *b;
	struct model *m;
	size_t i;
	int rc;

	*out = NULL;
	if (!schema_is_id(id))
		return 0;	/* never a path: "../x" opens nothing */
	if (model_dir == NULL) {
		for (b = builtin_models; b->id != NULL; b++)
			if (strcmp(b->id, id) == 0)
				*out = b->model;
		return 0;	/* none: the caller says where it was named */
	}
	lock_cache();
	if ((i = find_cached(id)) == NO_INDEX) {
		i = cache_add(xstrdup(id));
		rc = load_by_id(id, &m);
		cache_done(i, m, rc);
	}
	rc = cached(i, out);
	unlock_cache();
	return rc;
}

/* .sams/local.yml: a case folder's own routines on top of a model. */

/*
 * The kind of a failure to read a folder's .sams/local.yml: a folder
 * that may not be trusted, else a broken local model, as always told.
 */
static int
local_failed(void)
{
	return diag_fail(diag_failure() == FAIL_NOPERM ? FAIL_NOPERM :
	    FAIL_DATA);
}

/* Reads folder's local.yml on top of model id, trusted or not. */
static int
load_local(const char *folder, const char *path, const char *id,
    struct model **out)
{
	char *text;
	size_t len;
	int rc;

	*out = NULL;
	rc = folder_read(folder, "local.yml", &text, &len);
	if (rc != 0)
		return local_failed();
	if (text == NULL)
		return 0;	/* it has none */
	*out = model_load_local(text, len, path, id);
	return *out == NULL ? diag_fail(FAIL_DATA) : 0;
}

int
model_get_in(const char *id, const char *folder, const struct model **out)
{
	struct model *m;
	char *path, *key;
	size_t i;
	int rc;

	/* No such base model: say so, not that local.yml cannot extend it. */
	rc = model_get(id, out);
	if (folder == NULL || rc != 0 || *out == NULL)
		return rc;
	*out = NULL;
	path = strcmp(folder, ".") == 0 ? xstrdup(".sams/local.yml") :
	    xasprintf("%s/.sams/local.yml", folder);
	key = xasprintf("%s\n%s", path, id);
	lock_cache();
	if (model_dir != NULL && check_model_dir() != 0)
		rc = -1;
	else {
		/* Read once a folder and model; none: the model itself. */
		if ((i = find_cached(key)) == NO_INDEX) {
			i = cache_add(key);
			key = NULL;
			rc = load_local(folder, path, id, &m);
			cache_done(i, m, rc);
		}
		rc = cached(i, out);
	}
	unlock_cache();
	free(key);
	free(path);
	return rc == 0 && *out == NULL ? model_get(id, out) : rc;
}
