/*
 * The state engine: from a model, a case's facts and its history, the
 * state of every step, which steps can be done now, the current phase and
 * due dates against a given day.  struct case_state owns only its steps
 * array (state_release()); the model and the case stay the caller's.
 */
#ifndef STATE_H
#define STATE_H

#include <stddef.h>

#include "case.h"
#include "model.h"

enum step_state {
	STEP_OPEN,
	STEP_DONE,
	STEP_SKIPPED,
	STEP_NA			/* its conditions do not hold for this case */
};

struct step_status {
	enum step_state		 state;
	int			 again;	/* a recurring step, open once more */
	int			 ready;	/* open, and everything before it closed */
	long			 due;	/* DATE_NONE when unknown */
	int			 overdue;
	int			 behind; /* open, of a phase before the case's */
	int			 missed; /* open, and its phase is over by the facts */
	const struct event	*closed; /* the done or skip event */
};

struct case_state {
	const struct model	*m;
	const struct casefile	*c;
	struct step_status	*steps;	/* one per model step */
	unsigned char		*started; /* one per phase */
	size_t			 phase;	/* the current phase, by the facts */
	size_t			 nbehind; /* open steps of earlier phases */
	size_t			 nmissed; /* open steps of phases that are over */
	int			 complete; /* nothing left to do but missed steps */
	long			 today;
};

/*
 * Reports, with positions, what in the case does not fit the model:
 * history naming unknown steps, contacts for unknown roles.  Returns the
 * number of problems.
 */
int	 state_check_case(const struct model *m, const struct casefile *c);

/* Computes st for case c under model m as of today. */
void	 state_compute(struct case_state *st, const struct model *m,
	    const struct casefile *c, long today);
void	 state_release(struct case_state *st);

/*
 * Whether the n conditions of a "when" hold for case c as of today: all of
 * one group, for any group.  A condition on a fact the case does not know
 * holds, so that a step shows rather than hides.
 */
int	 when_holds(const struct condition *when, size_t n,
	    const struct casefile *c, long today);
/* Whether step s's conditions hold for case c as of today. */
int	 step_applies(const struct step *s, const struct casefile *c,
	    long today);
/*
 * The due date step i was held to when it was done, whatever its state
 * now: by its rule (acute or not, from the day it began to apply), or
 * for a recurring step done before on prev, a period after that.  Pass
 * DATE_NONE as prev for the first time.  DATE_NONE when it had none.
 */
long	 state_due_when_done(const struct case_state *st, size_t i, long prev);
/*
 * Whether a step no longer blocks others: done, skipped or n/a, or a
 * recurring step done at least once.
 */
int	 step_closed(const struct step_status *ss);
/* The due rule that applies to step s in case c: acute or not. */
const struct due_rule *step_due_rule(const struct step *s,
	    const struct casefile *c);
/*
 * The contact for role: named in the case, or the case folder's default
 * (.sams/local.yml), or NULL.
 */
const char *state_contact(const struct casefile *c, const struct role *role);
/*
 * The role that owns step i of the case: the step's owner, or its
 * fallback-owner when the owner has no named contact and the fallback
 * has one (a municipality without a samordnare).
 */
size_t	 state_owner_role(const struct case_state *st, size_t i);
/*
 * The k-th warning step i names (k < its nwarn), if it applies to the
 * case; NULL if not.  An unknown fact counts as applying, as in a step's
 * conditions: better one warning too many about a protected address.
 */
const struct warning *state_warning(const struct case_state *st, size_t i,
	    size_t k);
/*
 * The warnings that apply to the case and that an open step names, each
 * once, in the order of the steps: their number, the first in out, which
 * has room for the model's nwarnings.
 */
size_t	 state_open_warnings(const struct case_state *st,
	    const struct warning **out);
/*
 * The named contact who owns step i of the case now (the roles of the
 * schools shift when Inför avslut opens), or NULL when none is named.
 */
const char *state_owner(const struct case_state *st, size_t i);
/*
 * The named contact for role as step i sees it: for a step of a phase
 * before the shift, as the facts stood before the schools shifted; NULL
 * when none is named.
 */
const char *state_step_contact(const struct case_state *st, size_t i,
	    size_t role);
/*
 * True when step i belongs to a phase before the shift: its form and
 * owner see the schools as they were during the placement.
 */
int	 state_step_before_shift(const struct case_state *st, size_t i);
/*
 * The phase that opens with the end date (Inför avslut), when the schools
 * shift; nphases when the model has none.
 */
size_t	 state_shift_phase(const struct model *m);

#endif
