/*
 * Which of a case's ready steps a listing shows: by owner role, by the
 * named contact who owns the step, by overdue and by due date.  Every
 * criterion that is set must hold (AND).  A filter points at strings the
 * caller keeps; nothing here allocates except into the caller's strbuf.
 */
#ifndef FILTER_H
#define FILTER_H

#include <stddef.h>

#include "state.h"

struct strbuf;

struct step_filter {
	const char	*role;		/* a role id, or NULL */
	const char	*owner;		/* a contact's name, or NULL */
	int		 overdue;	/* only overdue steps */
	long		 due_within;	/* due by today + this many days; -1 */
};

#define STEP_FILTER_INIT	{ NULL, NULL, 0, -1 }

/* Whether step i of st is ready and passes f; f NULL passes every one. */
int	filter_step(const struct step_filter *f, const struct case_state *st,
	    size_t i);
/* Whether f selects steps at all, so that a case without one is left out. */
int	filter_active(const struct step_filter *f);

/*
 * Whether two names are the same person's: equal once ASCII letters and
 * the Latin-1 capitals (Å, Ä, Ö, É among them) are folded to lower case.
 */
int	name_equal(const char *a, const char *b);
/* Appends s folded as name_equal() folds it: a key for the same person. */
void	name_fold(struct strbuf *sb, const char *s);

#endif
