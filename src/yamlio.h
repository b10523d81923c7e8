/*
 * The strict YAML reader: libyaml's event API turned into a small tree of
 * nodes with 1-based positions.  Every scalar is a string; anchors,
 * aliases, tags, directives, several documents, duplicate keys, control
 * characters and oversized input are refused.  The tree and all its strings
 * belong to the struct ydoc and are freed by ydoc_release().
 */
#ifndef YAMLIO_H
#define YAMLIO_H

#include <stddef.h>

#include "arena.h"

#define YAML_MAX_BYTES		(1024 * 1024)
#define YAML_MAX_DEPTH		16
#define YAML_MAX_SCALAR		(16 * 1024)
#define YAML_MAX_EVENTS		200000
#define YAML_MAX_KEYS		10000	/* in one mapping */

enum ynode_kind {
	YN_SCALAR,
	YN_SEQ,
	YN_MAP
};

struct ynode {
	enum ynode_kind	  kind;
	int		  plain;	/* an unquoted scalar */
	int		  flow;		/* a [..] or {..} collection */
	int		  dup;		/* a key seen before in its mapping */
	size_t		  line, col;	/* 1-based start */
	size_t		  end_line, end_col;
	const char	 *str;		/* scalar: NUL-terminated text */
	size_t		  len;
	struct ynode	**kids;		/* seq: items; map: key, value, ... */
	size_t		  nkids;
};

struct ydoc {
	struct arena	  arena;
	const char	 *name;		/* borrowed; used in messages */
	struct ynode	 *root;		/* NULL for an empty document */
};

/*
 * Parses buf[0..len) into doc, reporting every problem it can find as
 * "sams: NAME:LINE:COL: error: ...".  Returns 0, or -1 if anything was
 * reported; doc is valid either way and must be released.
 */
int		 ydoc_parse(struct ydoc *doc, const char *name, const char *buf,
		    size_t len);
void		 ydoc_release(struct ydoc *doc);

/* Number of key/value pairs in a mapping. */
size_t		 ymap_len(const struct ynode *map);
/* The value for key in map, or NULL; do not free. */
struct ynode	*ymap_get(const struct ynode *map, const char *key);
/* Whether n is an empty value: nothing, ~ or null, unquoted. */
int		 ynode_is_null(const struct ynode *n);

/* The 1-based line and column (in characters) of byte offset off. */
void		 ytext_position(const char *buf, size_t len, size_t off,
		    size_t *line, size_t *col);

#endif
