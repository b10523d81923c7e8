/* The state engine: which steps are done, applicable and ready, and when due. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "duerule.h"
#include "facts.h"
#include "state.h"
#include "xalloc.h"

/* Whether any of the model's rules on base would leave the date range. */
static int
rules_leave_range(const struct model *m, const char *base, long day)
{
	const struct due_rule *rules[3];
	size_t i, k, n;

	for (i = 0; i < m->nphases + m->nsteps; i++) {
		n = 0;
		if (i < m->nphases) {
			rules[n++] = &m->phases[i].starts;
			rules[n++] = &m->phases[i].ends;
		} else {
			rules[n++] = &m->steps[i - m->nphases].due;
			rules[n++] = &m->steps[i - m->nphases].due_acute;
		}
		for (k = 0; k < n; k++)
			if (rules[k]->base != NULL &&
			    strcmp(rules[k]->base, base) == 0 &&
			    due_rule_apply(rules[k], day) == DATE_NONE)
				return 1;
	}
	return 0;
}

/*
 * Case dates the model's rules count from, each reported once where it is
 * written if a date computed from it would fall outside the years
 * 1 ... 9999: an error for this case, never a wrapped or invented date.
 */
static int
check_date_range(const struct model *m, const struct casefile *c)
{
	static const char *const bases[] = {
		"placement.date", "placement.end", "opened"
	};
	const struct fact_value *at;
	const struct event *ev;
	size_t i, k, line, col;
	int problems = 0;
	long day;

	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		day = case_fact_date(c, bases[i]);
		if (day == DATE_NONE || !rules_leave_range(m, bases[i], day))
			continue;
		at = case_fact_source(c, bases[i]);
		line = col = 0;
		if (at != NULL) {
			line = at->line;
			col = at->col;
		} else if (c->nevents > 0) {	/* "opened" */
			line = c->events[0].line;
			col = c->events[0].col;
		}
		problems++;
		error_at(c->name, line, col, "%s: a due date computed from it "
		    "falls outside 0001-01-01 ... 9999-12-31", bases[i]);
	}
	for (i = 0; i < c->nevents; i++) {
		ev = &c->events[i];
		if (ev->kind != EV_DONE || ev->step == NULL ||
		    (k = model_step_index(m, ev->step)) == NO_INDEX ||
		    m->steps[k].recurs.base == NULL ||
		    due_rule_apply(&m->steps[k].recurs, ev->date) != DATE_NONE)
			continue;
		problems++;
		error_at(c->name, ev->line, ev->col, "the step recurs, and its "
		    "next date falls outside 0001-01-01 ... 9999-12-31");
	}
	return problems;
}

int
state_check_case(const struct model *m, const struct casefile *c)
{
	const struct event *ev;
	size_t i;
	int problems = 0;

	for (i = 0; i < c->nevents; i++) {
		ev = &c->events[i];
		if (ev->step == NULL || model_step_index(m, ev->step) !=
		    NO_INDEX)
			continue;
		problems++;
		error_at(c->name, ev->line, ev->col, "history names a step "
		    "that model '%s' does not have", m->id);
	}
	for (i = 0; i < c->nfacts; i++) {
		if (strncmp(c->facts[i].path, "contacts.", 9) != 0 ||
		    model_role_index(m, c->facts[i].path + 9) != NO_INDEX)
			continue;
		problems++;
		/* Not the role as written: a key can hold a name. */
		error_at(c->name, c->facts[i].line, c->facts[i].col,
		    "a contact for a role that model '%s' does not have",
		    m->id);
	}
	return problems + check_date_range(m, c);
}

/* The child's age in whole years in the year of day; -1 when unknown. */
static long
child_age(const struct casefile *c, long day)
{
	const char *born = case_fact(c, "child.born");

	if (born == NULL || day == DATE_NONE)
		return -1;
	return date_year(day) - atol(born);
}

/* Whether condition cond holds; an unknown fact does (see when_holds). */
static int
condition_holds(const struct condition *cond, const struct casefile *c,
    long today)
{
	const char *value;
	long age;
	size_t k;

	if (strcmp(cond->fact, "child.age") == 0) {
		if ((age = child_age(c, today)) < 0)
			return 1;
		for (k = 0; k < cond->nvalues; k++)
			if (fact_age_in(cond->values[k], age))
				return 1;
		return 0;
	}
	value = case_fact(c, cond->fact);
	if (value == NULL)
		return 1;	/* unknown: show the step rather than hide it */
	for (k = 0; k < cond->nvalues; k++)
		if (strcmp(cond->values[k], value) == 0)
			return 1;
	return 0;
}

int
when_holds(const struct condition *when, size_t n, const struct casefile *c,
    long today)
{
	size_t i, start;
	int holds;

	if (n == 0)
		return 1;
	for (start = 0; start < n; start = i) {
		holds = 1;
		for (i = start; i < n && when[i].group == when[start].group;
		    i++)
			if (holds && !condition_holds(&when[i], c, today))
				holds = 0;
		if (holds)
			return 1;
	}
	return 0;
}

int
step_applies(const struct step *s, const struct casefile *c, long today)
{
	return when_holds(s->when, s->nwhen, c, today);
}

int
step_closed(const struct step_status *ss)
{
	return ss->state != STEP_OPEN || ss->again;
}

const struct due_rule *
step_due_rule(const struct step *s, const struct casefile *c)
{
	if (s->due_acute.base != NULL &&
	    strcmp(case_fact(c, "placement.acute"), "true") == 0)
		return &s->due_acute;
	return &s->due;
}

/*
 * Without a change of school the pupil's school is both the sending and
 * the receiving one during the placement, and without one at its end
 * (school.change-at-end false) both after the schools have shifted:
 * either rektor named stands for both.
 */
static const char *
same_school(const struct casefile *c, const char *role, int before_shift)
{
	static const char *const pair[] = {
		"rektor-avlamnande", "rektor-mottagande"
	};
	int during = before_shift || c->shift == CASE_NO_SHIFT;
	char path[64];
	size_t i;

	if (strcmp(case_fact(c, during ? "school.change" :
	    "school.change-at-end"), "false") != 0)
		return NULL;
	for (i = 0; i < 2; i++)
		if (strcmp(role, pair[i]) == 0) {
			snprintf(path, sizeof(path), "contacts.%s",
			    pair[1 - i]);
			return during ? case_fact_before_shift(c, path) :
			    case_fact(c, path);
		}
	return NULL;
}

/* The named contact for role, as the facts are now or were before the shift. */
static const char *
contact(const struct casefile *c, const struct role *role, int before_shift)
{
	const char *name;
	char path[64];

	if (strlen(role->id) > sizeof(path) - 10)
		return NULL;
	strcpy(path, "contacts.");
	strcat(path, role->id);
	name = before_shift ? case_fact_before_shift(c, path) :
	    case_fact(c, path);
	if (name == NULL)
		name = same_school(c, role->id, before_shift);
	return name != NULL ? name : role->contact;
}

const char *
state_contact(const struct casefile *c, const struct role *role)
{
	return contact(c, role, 0);
}

size_t
state_shift_phase(const struct model *m)
{
	size_t p;

	for (p = 0; p < m->nphases; p++)
		if (m->phases[p].opens_with != NULL &&
		    strcmp(m->phases[p].opens_with, "placement.end") == 0)
			return p;
	return m->nphases;
}

/*
 * A step of a phase before the shift belongs to the placement: the rektor
 * who owned it then still does, even once the schools have shifted.
 */
int
state_step_before_shift(const struct case_state *st, size_t i)
{
	return st->m->steps[i].phase < state_shift_phase(st->m);
}

const char *
state_step_contact(const struct case_state *st, size_t i, size_t role)
{
	return contact(st->c, &st->m->roles[role],
	    state_step_before_shift(st, i));
}

size_t
state_owner_role(const struct case_state *st, size_t i)
{
	const struct step *s = &st->m->steps[i];

	if (s->fallback != NO_INDEX &&
	    state_step_contact(st, i, s->owner) == NULL &&
	    state_step_contact(st, i, s->fallback) != NULL)
		return s->fallback;
	return s->owner;
}

const struct warning *
state_warning(const struct case_state *st, size_t i, size_t k)
{
	const struct step *s = &st->m->steps[i];
	size_t w = model_warning_index(st->m, s->warn[k]);

	if (w == NO_INDEX || !when_holds(st->m->warnings[w].when,
	    st->m->warnings[w].nwhen, st->c, st->today))
		return NULL;
	return &st->m->warnings[w];
}

size_t
state_open_warnings(const struct case_state *st, const struct warning **out)
{
	const struct model *m = st->m;
	const struct warning *w;
	size_t i, k, j, n = 0;

	for (i = 0; i < m->nsteps; i++) {
		if (st->steps[i].state != STEP_OPEN)
			continue;
		for (k = 0; k < m->steps[i].nwarn; k++) {
			if ((w = state_warning(st, i, k)) == NULL)
				continue;
			for (j = 0; j < n && out[j] != w; j++)
				;
			if (j == n)
				out[n++] = w;
		}
	}
	return n;
}

const char *
state_owner(const struct case_state *st, size_t i)
{
	return state_step_contact(st, i, state_owner_role(st, i));
}

/*
 * Replays the history of the current placement in file order: the last
 * word on a step counts.  An omplacering starts the checklist again.  A
 * recurring step is done again and again: its last done counts.
 */
static void
replay(struct case_state *st)
{
	const struct event *ev;
	struct step_status *ss;
	size_t i, k;

	for (i = st->c->period; i < st->c->nevents; i++) {
		ev = &st->c->events[i];
		if (ev->step == NULL)
			continue;
		k = model_step_index(st->m, ev->step);
		if (k == NO_INDEX || st->steps[k].state == STEP_NA)
			continue;
		ss = &st->steps[k];
		if (ev->kind == EV_REOPEN) {
			ss->state = STEP_OPEN;
			ss->closed = NULL;
		} else if (ss->state == STEP_OPEN && (ev->kind == EV_DONE ||
		    ev->kind == EV_SKIP)) {
			ss->state = ev->kind == EV_DONE ? STEP_DONE :
			    STEP_SKIPPED;
			ss->closed = ev;
		} else if (ss->state == STEP_DONE && ev->kind == EV_DONE &&
		    st->m->steps[k].recurs.base != NULL)
			ss->closed = ev;	/* the next period counts from it */
	}
}

static long rule_date(const struct case_state *, const struct due_rule *);

/*
 * A recurring step that was done comes back, due a period after it was
 * last done, until the placement ends.
 */
static void
recur(struct case_state *st)
{
	const struct step *s;
	struct step_status *ss;
	long next, end = case_fact_date(st->c, "placement.end");
	size_t i;

	for (i = 0; i < st->m->nsteps; i++) {
		s = &st->m->steps[i];
		ss = &st->steps[i];
		if (s->recurs.base == NULL || ss->state != STEP_DONE)
			continue;
		next = due_rule_apply(&s->recurs, ss->closed->date);
		if (end != DATE_NONE && next > end)
			continue;
		ss->state = STEP_OPEN;
		ss->again = 1;
		ss->due = next;
	}
}

static long
rule_date(const struct case_state *st, const struct due_rule *rule)
{
	long base;

	if (rule->base == NULL)
		return DATE_NONE;
	base = case_fact_date(st->c, rule->base);
	return base == DATE_NONE ? DATE_NONE : due_rule_apply(rule, base);
}

/*
 * Whether phase p's own start holds by the facts: its date has come, or
 * (opens-with) its date is known; a phase with neither starts when every
 * step before it is closed.
 */
static int
phase_begins(const struct case_state *st, size_t p, int before_closed)
{
	const struct phase *ph = &st->m->phases[p];
	long date = rule_date(st, &ph->starts);

	if (ph->opens_with != NULL &&
	    case_fact_date(st->c, ph->opens_with) != DATE_NONE)
		return 1;
	if (ph->starts.base != NULL || ph->opens_with != NULL)
		return date != DATE_NONE && date <= st->today;
	return before_closed;
}

/*
 * The case's phase is where the placement is: the last phase whose start
 * holds, each in turn only after the one before it.  Every phase up to it
 * has started.
 */
static void
start_phases(struct case_state *st)
{
	const struct model *m = st->m;
	size_t p, i;
	int before_closed = 1;

	st->phase = 0;
	for (p = 0; p < m->nphases; p++) {
		if (p > 0 && !phase_begins(st, p, before_closed))
			break;
		st->started[p] = 1;
		st->phase = p;
		for (i = 0; i < m->nsteps; i++)
			if (m->steps[i].phase == p &&
			    !step_closed(&st->steps[i]))
				before_closed = 0;
	}
}

/* The day phase p is over by the facts, if it has come; else DATE_NONE. */
static long
phase_over(const struct case_state *st, size_t p)
{
	long date = rule_date(st, &st->m->phases[p].ends);

	return date != DATE_NONE && date <= st->today ? date : DATE_NONE;
}

/*
 * A step that goes on beside the later phases (attendance, the recurring
 * care review: no due date, or one that comes back) is not behind.
 */
static int
ongoing(const struct step *s, const struct step_status *ss)
{
	return ss->due == DATE_NONE || ss->again || s->recurs.base != NULL;
}

/*
 * Whether a prerequisite no longer holds a step back: closed, or missed,
 * for what was missed cannot be waited for.
 */
static int
unblocks(const struct step_status *ss)
{
	return step_closed(ss) || ss->missed;
}

static int
prerequisites_closed(const struct case_state *st, const struct step *s)
{
	size_t k;

	for (k = 0; k < s->nafter; k++)
		if (!unblocks(&st->steps[s->after[k]]))
			return 0;
	return 1;
}

/* Whether the step has a condition on the child's age. */
static int
age_bound(const struct step *s)
{
	size_t k;

	for (k = 0; k < s->nwhen; k++)
		if (strcmp(s->when[k].fact, "child.age") == 0)
			return 1;
	return 0;
}

/*
 * A step that depends on the child's age and was done or skipped while it
 * applied stays done when the child has grown out of it.
 */
static int
closed_when_it_applied(const struct case_state *st, size_t i)
{
	const struct step *s = &st->m->steps[i];
	const struct event *ev;
	size_t k;

	if (!age_bound(s))
		return 0;
	for (k = st->c->period; k < st->c->nevents; k++) {
		ev = &st->c->events[k];
		if ((ev->kind == EV_DONE || ev->kind == EV_SKIP) &&
		    ev->step != NULL && strcmp(ev->step, s->id) == 0 &&
		    step_applies(s, st->c, ev->date))
			return 1;
	}
	return 0;
}

/*
 * The due date of step i by rule.  A step that began to apply after that
 * date (the child reached the age on 1 January) counts its rule's time
 * from that day instead, and is not late from the start.  Ages change
 * only at a new year, so the first 1 January on which it applies is the
 * day.
 */
static long
applies_since(const struct case_state *st, size_t i,
    const struct due_rule *rule)
{
	const struct step *s = &st->m->steps[i];
	long due = rule_date(st, rule), from, jan1;
	int y;

	if (due == DATE_NONE || due >= st->today || !age_bound(s) ||
	    step_applies(s, st->c, due))
		return due;
	for (y = date_year(due) + 1; y <= date_year(st->today); y++) {
		jan1 = date_new_year(y);
		if (jan1 != DATE_NONE && step_applies(s, st->c, jan1)) {
			from = due_rule_apply(rule, jan1);
			return from != DATE_NONE && from > jan1 ? from : jan1;
		}
	}
	return due;
}

long
state_due_when_done(const struct case_state *st, size_t i, long prev)
{
	const struct step *s = &st->m->steps[i];

	if (prev != DATE_NONE && s->recurs.base != NULL)
		return due_rule_apply(&s->recurs, prev);
	return applies_since(st, i, step_due_rule(s, st->c));
}

void
state_compute(struct case_state *st, const struct model *m,
    const struct casefile *c, long today)
{
	struct step_status *ss;
	size_t i, p, left = 0;
	long end;

	st->m = m;
	st->c = c;
	st->today = today;
	st->nbehind = st->nmissed = 0;
	st->steps = xcalloc(m->nsteps, sizeof(*st->steps));
	st->started = xcalloc(m->nphases, 1);
	for (i = 0; i < m->nsteps; i++)
		st->steps[i].state = step_applies(&m->steps[i], c, today) ||
		    closed_when_it_applied(st, i) ? STEP_OPEN : STEP_NA;
	replay(st);
	recur(st);
	start_phases(st);
	for (i = 0; i < m->nsteps; i++) {
		ss = &st->steps[i];
		p = m->steps[i].phase;
		if (ss->state != STEP_OPEN) {
			ss->due = DATE_NONE;
			continue;
		}
		if (!ss->again)
			ss->due = applies_since(st, i, step_due_rule(
			    &m->steps[i], c));
		if ((end = phase_over(st, p)) != DATE_NONE) {
			/*
			 * Missed if it fell due while the phase lasted; one
			 * never due by then (an ongoing duty, a review due
			 * after the end) no longer applies.
			 */
			if (ss->due != DATE_NONE && ss->due < end) {
				ss->missed = 1;
				st->nmissed++;
			} else {
				ss->state = STEP_NA;
				ss->due = DATE_NONE;
			}
			continue;
		}
		left++;
		ss->overdue = ss->due != DATE_NONE && ss->due < today;
		if (p < st->phase && !ongoing(&m->steps[i], ss)) {
			ss->behind = 1;
			st->nbehind++;
		}
	}
	for (i = 0; i < m->nsteps; i++) {
		ss = &st->steps[i];
		ss->ready = ss->state == STEP_OPEN && !ss->missed &&
		    st->started[m->steps[i].phase] &&
		    prerequisites_closed(st, &m->steps[i]);
	}
	st->complete = left == 0;
}

void
state_release(struct case_state *st)
{
	free(st->steps);
	free(st->started);
	st->steps = NULL;
	st->started = NULL;
}
