/*
 * Helpers for reading a YAML tree against a schema: key tables for
 * mappings, and typed readers for scalars and lists.  Each problem is
 * reported with its position and counted in struct schema; reading goes on
 * so that one run reports every problem.  Strings returned are borrowed
 * from the tree (do not free); lists are allocated in s->arena.
 */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stddef.h>

#include "arena.h"
#include "yamlio.h"

struct schema {
	const char	*file;
	struct arena	*arena;
	int		 errors;
};

struct keydef;
typedef void schema_fn(struct schema *, const struct ynode *key,
    const struct ynode *value, void *obj);

struct keydef {
	const char	*key;
	schema_fn	*fn;
	int		 required;
};

/*
 * Calls the handler of each key of map from keys (ended by a NULL key);
 * reports unknown keys when unknown is NULL, else calls it; reports
 * required keys that are missing.  what names the mapping in messages
 * ("a step"), marked with N_() and translated here (text_msg()).
 */
void	 schema_map(struct schema *s, const struct ynode *map,
	    const struct keydef *keys, void *obj, const char *what,
	    schema_fn *unknown);

/* The text of a non-empty scalar, or NULL after reporting "FIELD must". */
const char *schema_text(struct schema *s, const struct ynode *n,
	    const char *field);

/* A scalar or a sequence of scalars as an array of strings. */
void	 schema_list(struct schema *s, const struct ynode *n,
	    const char *field, const char ***out, size_t *count);

/*
 * Key handlers for the many keys whose value is read as it is, named by
 * the key in messages.  SCHEMA_TEXT_KEY(fn, type, field) defines fn, which
 * stores schema_text() in ((type *)obj)->field; SCHEMA_LIST_KEY(fn, type,
 * field, count) stores schema_list() in field and count.  A field may be
 * a path: "c->id".
 */
#define SCHEMA_TEXT_KEY(fn, type, field)				\
static void								\
fn(struct schema *s, const struct ynode *k, const struct ynode *v,	\
    void *obj)								\
{									\
	((type *)obj)->field = schema_text(s, v, k->str);		\
}
#define SCHEMA_LIST_KEY(fn, type, field, count)			\
static void								\
fn(struct schema *s, const struct ynode *k, const struct ynode *v,	\
    void *obj)								\
{									\
	schema_list(s, v, k->str, &((type *)obj)->field,		\
	    &((type *)obj)->count);					\
}

/* The handler of a format version key ("sams-case: 1"): schema_version(). */
void	 schema_format_key(struct schema *s, const struct ynode *k,
	    const struct ynode *v, void *obj);

/* Reports an error at node n and counts it. */
void	 schema_error(struct schema *s, const struct ynode *n,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Checks a format version key ("sams-case: 1"): this sams reads 1. */
void	 schema_version(struct schema *s, const struct ynode *v,
	    const char *key);

/* Whether s is a short id: lowercase letters, digits and '-', 1-40. */
int	 schema_is_id(const char *s);

#endif
