/*
 * The process model: roles, phases in order, and steps, read from one
 * model file (format in sams-phases(5)) or a case folder's
 * .sams/local.yml, checked and linked.  Which models there are, and the
 * base a model extends, are the model set's (modelset.h): a reader is
 * given a way to get a base, and never looks one up itself.  A struct
 * model owns its source text, its tree and every string in it;
 * model_free() releases them all.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>

#include "duerule.h"
#include "yamlio.h"

#define NO_INDEX	((size_t)-1)

struct role {
	const char	*id, *title, *about;
	const char	*contact;	/* a folder's default contact, or NULL */
	size_t		 line, col;
};

struct phase {
	const char	*id, *title, *about;
	struct due_rule	 starts;
	const char	*opens_with;	/* starts once this date is known */
	struct due_rule	 ends;		/* over from this date: steps missed */
	size_t		 line, col;
};

/*
 * One condition of a "when": the fact has any of the values.  The
 * conditions of one group must all hold; a "when" holds when any of its
 * groups does (a mapping is one group, a list of mappings one per item).
 */
struct condition {
	const char	 *fact;		/* a path from facts.h */
	const char	**values;	/* any of these */
	size_t		  nvalues;
	size_t		  group;
};

/* A warning printed with the steps that name it, for the cases it fits. */
struct warning {
	const char	 *id, *text;
	struct condition *when;
	size_t		  nwhen;
	size_t		  line, col;
};

/* A field of a form to be filled in by hand: its label and its room. */
struct form_field {
	const char	*label;
	int		 lines;		/* lines of room, 1 to FORM_MAX_LINES */
};

#define FORM_MAX_LINES	20

/*
 * The paper people exchange for a step (a blankett): sams form fills it
 * from the case and leaves these fields and the signatures blank.
 */
struct form {
	const char		 *title, *about;
	const struct form_field	 *fields;
	size_t			  nfields;
	const char		**signed_by;	/* role ids, linked and checked */
	size_t			  nsigned;
	size_t			  line, col;
};

struct step {
	const char	 *id, *title, *why, *source, *source_note;
	const struct form *form;	/* NULL: the step has none */
	size_t		  phase, owner;	/* indexes into the model */
	size_t		  fallback;	/* owner when the owner has no named
					   contact but this role has, or
					   NO_INDEX */
	const char	**what;
	size_t		  nwhat;
	const char	**law;
	size_t		  nlaw;
	struct condition *when;
	size_t		  nwhen;
	const char	**warn;		/* ids of the model's warnings */
	size_t		  nwarn;
	const char	**after_ids;
	size_t		 *after;	/* indexes of prerequisite steps */
	size_t		  nafter;
	struct due_rule	  due;
	struct due_rule	  due_acute;	/* instead of due when acute */
	struct due_rule	  recurs;	/* base "done": again this long after */
	int		  local_due;	/* due rule set by the case folder */
	size_t		  line, col;
};

struct model {
	char		*text;		/* the source, owned */
	char		*name;		/* file name used in messages */
	struct ydoc	 doc;
	const char	*id, *title, *about;
	const char	*version;	/* when last checked, or NULL */
	const char	*extends;	/* the base's id, or NULL */
	const char	*school_start;	/* the step whose done date is the
					   first school day, or NULL */
	struct role	*roles;
	size_t		 nroles;
	struct phase	*phases;
	size_t		 nphases;
	struct step	*steps;
	size_t		 nsteps;
	struct warning	*warnings;
	size_t		 nwarnings;
	size_t		*slots;		/* hash of step ids, NO_INDEX empty */
	size_t		 nslots;	/* a power of two, or 0 */
};

struct schema;

/*
 * How a reader gets the model that the file it reads extends: 0 with
 * *base, or -1 after reporting why not, against s at node at (NULL: the
 * whole file).  self is the id of the model being read, NULL for a
 * .sams/local.yml.
 */
typedef int model_base_fn(struct schema *s, const struct ynode *at,
    const char *self, const char *id, const struct model **base);

/*
 * Reads a model from text (which the model takes over and frees),
 * reporting every problem against name; a model that extends another gets
 * it from get_base (NULL: there is none to extend).  Returns the model,
 * or NULL if anything was wrong.  model_load() in modelset.h reads one
 * against the model set.
 */
struct model	*model_read(char *text, size_t len, const char *name,
		    model_base_fn *get_base);
/*
 * Reads a case folder's .sams/local.yml (format in sams-phases(5)) on top
 * of the model base: the same as model_read() otherwise.
 */
struct model	*model_read_local(char *text, size_t len, const char *name,
		    const char *base, model_base_fn *get_base);
void		 model_free(struct model *m);

/* Lookups by id; NO_INDEX when absent. */
size_t		 model_step_index(const struct model *m, const char *id);
size_t		 model_role_index(const struct model *m, const char *id);
size_t		 model_phase_index(const struct model *m, const char *id);
size_t		 model_warning_index(const struct model *m, const char *id);

#endif
