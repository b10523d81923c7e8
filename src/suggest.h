/*
 * "Did you mean": the names closest to one that someone typed (a command,
 * a step, a role, a phase, a model, a placement type), weighed as git's
 * help.c weighs a mistyped command.  A struct suggest points at the word
 * and the candidates it is given and owns nothing; the caller keeps them
 * alive until it has printed the suggestion.
 */
#ifndef SUGGEST_H
#define SUGGEST_H

#include <stddef.h>

#include "model.h"

/* At most this many equally close names are offered; more: none. */
#define SUGGEST_MAX	4

struct suggest {
	const char	*word;
	const char	*best[SUGGEST_MAX];
	size_t		 nbest;		/* SUGGEST_MAX + 1: too many ties */
	size_t		 score;		/* of the best; lower is closer */
	size_t		 prefix;	/* letters typed that make a prefix close */
};

/*
 * The weighted Damerau-Levenshtein distance from what was typed to a
 * candidate, as git's levenshtein(typed, candidate, 0, 2, 1, 3): swapping
 * two neighbours is free, a wrong character costs 2, a missing one 1 and
 * one too many 3.  ASCII case does not count.
 */
size_t	suggest_distance(const char *typed, const char *candidate);

void	suggest_init(struct suggest *sg, const char *word);
/* Weighs one candidate; NULL and repeats are ignored. */
void	suggest_add(struct suggest *sg, const char *candidate);
/* Weighs every name of a NULL-ended list. */
void	suggest_add_list(struct suggest *sg, const char *const *list);

enum suggest_kind {
	SUGGEST_STEP,
	SUGGEST_ROLE,
	SUGGEST_PHASE
};

/* Weighs the ids of m's steps, roles or phases. */
void	suggest_add_model(struct suggest *sg, const struct model *m,
	    enum suggest_kind kind);
/* Whether m has a step, role or phase with that id. */
int	suggest_model_has(const struct model *m, enum suggest_kind kind,
	    const char *id);

/*
 * The id of another model, built in or in the model folder, that has a
 * step (role, phase) with that id, or NULL.  Models that fail to load are
 * passed over without a message (their own users are told): it silences
 * diag for a moment and so resets a diag sink; not for "check".
 */
const char *suggest_other_model(const struct model *m,
	    enum suggest_kind kind, const char *id);

/*
 * How many names are close enough to offer (0 when the word is nonsense
 * or too many names tie), and the i-th of them.
 */
size_t	suggest_count(const struct suggest *sg);
const char *suggest_name(const struct suggest *sg, size_t i);

/*
 * Reports "sams: note: did you mean 'a'?" (or "'a' or 'b'") when a name
 * is close enough; returns suggest_count().
 */
size_t	suggest_note(const struct suggest *sg);

/* Notes the built-in model ids close to a mistyped --model. */
void	suggest_model_id(const char *id);

/*
 * Reports "unknown step 'ID' in model 'M'" (role, phase) and, as a note,
 * either the other model that has it or the closest ids of m.  cmd is the
 * model-reading command to try with --model, or NULL when m is a case's
 * model.  Returns -1 after a failure of kind FAIL_USAGE, the last
 * (diag_failure()) though other models were looked at.
 */
int	suggest_unknown(const struct model *m, enum suggest_kind kind,
	    const char *id, const char *cmd);

/*
 * A --role or --phase filter over cases, checked before any case is read
 * when the models allow and else over the cases read: unknown when no
 * model of the cases has it.
 */
struct suggest_filter {
	enum suggest_kind	 kind;
	const char		*option;	/* "--role" */
	const char		*id;		/* NULL: no filter */
	size_t			 having;	/* cases whose model has it */
	const struct model	*lacking[4];	/* first models without it */
	size_t			 nlacking;
};

/*
 * Checks id against the built-in models, each with the .sams/local.yml of
 * the case folders of paths[0..n) on top.  Returns 0 when one has it, or
 * when models from a model folder (--phases) might; -1 after reporting
 * when none can.
 */
int	suggest_filter_begin(struct suggest_filter *f, enum suggest_kind kind,
	    const char *option, const char *id, char *const *paths, size_t n);
/* Whether a case's model has it (always 1 without a filter). */
int	suggest_filter_case(struct suggest_filter *f, const struct model *m);
/* -1 after reporting when cases were read and no model of them had it. */
int	suggest_filter_end(struct suggest_filter *f);

/*
 * For a value of a fixed list (--type, --school-form): reports "OPTION
 * wants one of a, b or c" and a note with the closest, and returns -1
 * (FAIL_USAGE).
 */
int	suggest_choice(const char *option, const char *value,
	    const char *const *choices);

#endif
