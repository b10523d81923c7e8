/*
 * The process model: roles, phases in order, and steps, loaded from a
 * model file in phases/ (format in sams-phases(5)) or from the copies built
 * into the binary.  A struct model owns its source text, its tree and every
 * string in it; model_free() releases them all.  Models returned by
 * model_get() belong to a cache and are freed by model_cache_release().
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>

#include "yamlio.h"

#define NO_INDEX	((size_t)-1)

/* A date relative to a case date: "placement.date - 14d". */
struct due_rule {
	const char	*base;		/* NULL: no rule */
	int		 amount;	/* signed */
	char		 unit;		/* 'd', 'w' or 'm' */
};

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

struct condition {
	const char	 *fact;		/* a path from facts.h */
	const char	**values;	/* any of these */
	size_t		  nvalues;
};

struct step {
	const char	 *id, *title, *why, *source, *source_note;
	size_t		  phase, owner;	/* indexes into the model */
	const char	**what;
	size_t		  nwhat;
	const char	**law;
	size_t		  nlaw;
	struct condition *when;
	size_t		  nwhen;
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
	struct role	*roles;
	size_t		 nroles;
	struct phase	*phases;
	size_t		 nphases;
	struct step	*steps;
	size_t		 nsteps;
	size_t		*slots;		/* hash of step ids, NO_INDEX empty */
	size_t		 nslots;	/* a power of two, or 0 */
};

/*
 * Loads a model from text (which the model takes over and frees), reporting
 * every problem against name.  Returns the model, or NULL if anything was
 * wrong.
 */
struct model	*model_load(char *text, size_t len, const char *name);
void		 model_free(struct model *m);
/*
 * Loads a case folder's .sams/local.yml (format in sams-phases(5)) on top
 * of the model base: the same as model_load() otherwise.
 */
struct model	*model_load_local(char *text, size_t len, const char *name,
		    const char *base);

/*
 * Sets the folder that model files are read from instead of the built-in
 * copies (--phases, SAMS_PHASES); NULL restores the built-in ones.
 */
void		 model_set_dir(const char *dir);
/* That folder, or NULL for the built-in models. */
const char	*model_get_dir(void);

/*
 * The model with that id: built in, or loaded once from the model folder
 * and cached.  Returns 0, -1 after
 * reporting a malformed model (65), or -2 without a message when there is
 * no such model (id is not an id, or has no file), or MODEL_UNREADABLE
 * after reporting a model folder that is not there or a model file that
 * cannot be read (66).  Do not free it.
 */
#define MODEL_UNREADABLE	(-4)
int		 model_get(const char *id, const struct model **out);
void		 model_cache_release(void);
/*
 * model_get() for a case in folder (see folder.h): with the folder's
 * .sams/local.yml on top when it has one.  folder may be NULL.  Also -3
 * after reporting a .sams folder that may not be trusted (77).
 */
int		 model_get_in(const char *id, const char *folder,
		    const struct model **out);

/* Lookups by id; NO_INDEX when absent. */
size_t		 model_step_index(const struct model *m, const char *id);
size_t		 model_role_index(const struct model *m, const char *id);
size_t		 model_phase_index(const struct model *m, const char *id);

/*
 * Parses a due rule; returns 0, or -1 and sets *why.  base names are
 * "placement.date", "placement.end" and "opened".
 */
int		 due_rule_parse(const char *text, struct due_rule *rule,
		    const char **why);
/*
 * Applies the rule's offset to a base date: DATE_NONE if the result falls
 * outside 0001-01-01 ... 9999-12-31 (state_check_case() reports that).
 */
long		 due_rule_apply(const struct due_rule *rule, long base);
/* Writes the rule as text ("placement.date - 14d") into buf. */
void		 due_rule_format(const struct due_rule *rule, char *buf,
		    size_t size);

/*
 * The models compiled in from phases/ by tools/modelc: checked when sams
 * is built, and static, so nothing is parsed or freed at run time.
 */
struct builtin_model {
	const char	*id;
	struct model	*model;
};

extern const struct builtin_model builtin_models[];
/* Ids of the built-in models, NULL-ended. */
extern const char *const builtin_model_ids[];

#endif
