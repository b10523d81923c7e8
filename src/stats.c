/* Follow-up figures over the placements of many cases (sams stats). */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "facts.h"
#include "filter.h"
#include "i18n.h"
#include "stats.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"

#define CELL(f)	offsetof(struct stats_row, f)

const struct stats_figure stats_figures[] = {
	{ "days_to_school.n", TAB_TOTAL, CELL(n), FIG_COUNT, 0 },
	{ "days_to_school.started", TAB_TOTAL, CELL(started), FIG_COUNT, 0 },
	{ "days_to_school.open", TAB_TOTAL, CELL(open), FIG_COUNT, 0 },
	{ "days_to_school.ended_without", TAB_TOTAL, CELL(ended), FIG_COUNT,
	    0 },
	{ "days_to_school.median", TAB_TOTAL, CELL(n), FIG_MEDIAN, 0 },
	{ "days_to_school.p90", TAB_TOTAL, CELL(n), FIG_P90, 0 },
	{ "days_to_school.max", TAB_TOTAL, CELL(n), FIG_MAX, 0 },
	{ "days_to_school.over_limit", TAB_TOTAL, CELL(over), FIG_COUNT, 0 },
	{ "days_to_school.limit", TAB_TOTAL, CELL(n), FIG_LIMIT, 0 },
	{ "on_time.by_role.done", TAB_ROLES, CELL(done), FIG_COUNT,
	    CELL(done) },
	{ "on_time.by_role.on_time", TAB_ROLES, CELL(on_time), FIG_COUNT,
	    CELL(done) },
	{ "on_time.by_role.late", TAB_ROLES, CELL(late), FIG_COUNT,
	    CELL(done) },
	{ "on_time.by_role.rate", TAB_ROLES, CELL(done), FIG_RATE,
	    CELL(done) },
	{ "on_time.by_role.median_days_late", TAB_ROLES, CELL(late),
	    FIG_LATE_MEDIAN, CELL(done) },
	{ "on_time.by_step.done", TAB_STEPS, CELL(done), FIG_COUNT,
	    CELL(done) },
	{ "on_time.by_step.on_time", TAB_STEPS, CELL(on_time), FIG_COUNT,
	    CELL(done) },
	{ "on_time.by_step.late", TAB_STEPS, CELL(late), FIG_COUNT,
	    CELL(done) },
	{ "on_time.by_step.rate", TAB_STEPS, CELL(done), FIG_RATE,
	    CELL(done) },
	{ "on_time.by_step.median_days_late", TAB_STEPS, CELL(late),
	    FIG_LATE_MEDIAN, CELL(done) },
	{ "overdue.by_role", TAB_ROLES, CELL(overdue), FIG_COUNT,
	    CELL(overdue) },
	{ "overdue.by_person", TAB_PERSONS, CELL(overdue), FIG_COUNT,
	    CELL(overdue) },
	{ "missed.by_step", TAB_STEPS, CELL(missed), FIG_COUNT,
	    CELL(missed) },
	{ "counts.cases", TAB_TOTAL, CELL(cases), FIG_COUNT, 0 },
	{ "counts.placements", TAB_TOTAL, CELL(placements), FIG_COUNT, 0 },
	{ "counts.acute", TAB_TOTAL, CELL(acute), FIG_COUNT, 0 },
	{ "counts.omplaceringar", TAB_TOTAL, CELL(replaced), FIG_COUNT, 0 },
	{ "counts.by_type", TAB_TYPES, CELL(placements), FIG_COUNT,
	    CELL(placements) },
	{ "counts.by_form", TAB_FORMS, CELL(placements), FIG_COUNT,
	    CELL(placements) },
	{ "counts.by_phase", TAB_PHASES, CELL(cases), FIG_COUNT,
	    CELL(cases) },
	{ "by.%s.placements", TAB_BY, CELL(placements), FIG_COUNT, 0 },
	{ "by.%s.days_to_school.n", TAB_BY, CELL(n), FIG_COUNT, 0 },
	{ "by.%s.days_to_school.median", TAB_BY, CELL(n), FIG_MEDIAN, 0 },
	{ "by.%s.days_to_school.p90", TAB_BY, CELL(n), FIG_P90, 0 },
	{ "by.%s.days_to_school.over_limit", TAB_BY, CELL(over), FIG_COUNT,
	    0 },
	{ "by.%s.days_to_school.open", TAB_BY, CELL(open), FIG_COUNT, 0 },
	{ "by.%s.days_to_school.ended_without", TAB_BY, CELL(ended),
	    FIG_COUNT, 0 },
	{ "by.%s.on_time.done", TAB_BY, CELL(done), FIG_COUNT, 0 },
	{ "by.%s.on_time.on_time", TAB_BY, CELL(on_time), FIG_COUNT, 0 },
	{ "by.%s.on_time.rate", TAB_BY, CELL(done), FIG_RATE, 0 },
	{ "by.%s.overdue", TAB_BY, CELL(overdue), FIG_COUNT, 0 },
	{ NULL, TAB_TOTAL, 0, FIG_COUNT, 0 }
};

static struct stats_cell *
cell_at(struct stats_row *row, size_t off)
{
	return (struct stats_cell *)(void *)((char *)row + off);
}

static const struct stats_cell *
cell_in(const struct stats_row *row, size_t off)
{
	return (const struct stats_cell *)(const void *)((const char *)row +
	    off);
}

/* Counts n more in cell, and the case being added once. */
static void
count_cell(struct stats *s, struct stats_cell *cell, size_t n)
{
	if (n == 0)
		return;
	cell->value += n;
	if (cell->last != s->serial) {
		cell->last = s->serial;
		cell->cases++;
	}
}

/* Counts n more in cell of row r, and the case in the row's base. */
static void
count(struct stats *s, struct stats_row *r, struct stats_cell *cell,
    size_t n)
{
	count_cell(s, cell, n);
	count_cell(s, &r->base, n > 0);
}

long
stats_default_from(long to)
{
	long from = date_add_days(date_add_months(to, -12), 1);

	return from != DATE_NONE ? from : to;
}

void
stats_init(struct stats *s, long from, long to, long today)
{
	memset(s, 0, sizeof(*s));
	s->from = from;
	s->to = to;
	s->today = today;
	s->limit = 7;
	s->min_cell = 5;
}

const char *
stats_by_name(enum stats_by by)
{
	static const char *const names[] = {
		[STATS_BY_TYPE] = "type", [STATS_BY_FORM] = "form",
		[STATS_BY_PHASE] = "phase", [STATS_BY_MONTH] = "month",
	};

	return by == STATS_BY_NONE ? NULL : names[by];
}

/* Tables */

static size_t
hash(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static const char *
row_match(const struct stats_row *r)
{
	return r->match != NULL ? r->match : r->key;
}

/*
 * What a key is looked up as in table tab: a person by name_fold(), as
 * report groups the owners, so that "anna andersson" is Anna Andersson;
 * NULL for the key itself.  The caller frees it.
 */
static char *
match_key(enum stats_tab tab, const char *key)
{
	struct strbuf sb = STRBUF_INIT;

	if (tab != TAB_PERSONS)
		return NULL;
	name_fold(&sb, key);
	return strbuf_detach(&sb, NULL);
}

static void
rehash(struct stats_table *t, size_t nslots)
{
	size_t i, k;

	free(t->slots);
	t->nslots = nslots;
	t->slots = xcalloc(t->nslots, sizeof(*t->slots));
	for (i = 0; i < t->n; i++) {
		k = hash(row_match(&t->rows[i])) & (t->nslots - 1);
		while (t->slots[k] != 0)
			k = (k + 1) & (t->nslots - 1);
		t->slots[k] = i + 1;
	}
}

/* The row for key, or NULL. */
static struct stats_row *
find_row(const struct stats_table *t, const char *key)
{
	size_t k;

	if (t->nslots == 0)
		return NULL;
	k = hash(key) & (t->nslots - 1);
	for (; t->slots[k] != 0; k = (k + 1) & (t->nslots - 1))
		if (strcmp(row_match(&t->rows[t->slots[k] - 1]), key) == 0)
			return &t->rows[t->slots[k] - 1];
	return NULL;
}

/*
 * A role, step or phase of model serial *model takes its place from the
 * first model seen that has it, so that SAMS roles keep SAMS order when
 * a SiSam case adds one first.
 */
static void
first_place(const struct stats *s, enum stats_tab tab, const char *key,
    size_t *model, size_t *pos)
{
	const struct model *m;
	size_t i, k;

	for (i = 0; i < *model; i++) {
		m = s->models[i];
		k = tab == TAB_ROLES ? model_role_index(m, key) :
		    tab == TAB_STEPS ? model_step_index(m, key) :
		    model_phase_index(m, key);
		if (k != NO_INDEX) {
			*model = i;
			*pos = k;
			return;
		}
	}
}

/*
 * The row for key, added when new with its title and its place in the
 * order (model first seen, then pos).
 */
static struct stats_row *
row(struct stats *s, enum stats_tab tab, const char *key, const char *title,
    size_t model, size_t pos)
{
	struct stats_table *t = &s->tabs[tab];
	struct stats_row *r;
	char *match = match_key(tab, key);
	const char *look = match != NULL ? match : key;

	if ((r = find_row(t, look)) != NULL) {
		free(match);
		return r;
	}
	if (tab == TAB_ROLES || tab == TAB_STEPS || tab == TAB_PHASES ||
	    (tab == TAB_BY && s->by == STATS_BY_PHASE))
		first_place(s, tab, key, &model, &pos);
	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 16 : t->cap * 2;
		t->rows = xreallocarray(t->rows, t->cap, sizeof(*t->rows));
	}
	r = &t->rows[t->n++];
	memset(r, 0, sizeof(*r));
	r->key = xstrdup(key);	/* a person as first written */
	r->match = match;
	r->title = title != NULL ? xstrdup(title) : NULL;
	r->model = model;
	r->pos = pos;
	if (t->n * 2 > t->nslots)
		rehash(t, t->nslots == 0 ? 64 : t->nslots * 2);
	else {
		size_t k = hash(look) & (t->nslots - 1);

		while (t->slots[k] != 0)
			k = (k + 1) & (t->nslots - 1);
		t->slots[k] = t->n;
	}
	return r;
}

/* The model's place among those seen, for the order of roles and steps. */
static size_t
model_serial(struct stats *s, const struct model *m)
{
	size_t i;

	for (i = 0; i < s->nmodels; i++)
		if (s->models[i] == m)
			return i;
	s->models = xreallocarray(s->models, s->nmodels + 1,
	    sizeof(*s->models));
	s->models[s->nmodels] = m;
	return s->nmodels++;
}

/* A value's place in a NULL-ended list; unknown ones after all. */
static size_t
choice_pos(const char *const *list, const char *value)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], value) == 0)
			return i;
	return i;
}

/* Placements */

/* What one placement period of a case is, while it is added. */
struct placement {
	const struct case_state	*st;	/* of the placement */
	const struct case_state	*now;	/* of the case today */
	size_t			 model;
	long			 date;	/* placement date, or DATE_NONE */
	long			 end;	/* its last day, or DATE_NONE */
	struct stats_row	*by;	/* its --by group, or NULL */
	int			 current;
};

static const char *
fact_or_empty(const struct casefile *c, const char *path)
{
	const char *v = case_fact(c, path);

	return v != NULL ? v : "";
}

/* "2026-05", from a day. */
static void
month_of(long day, char month[11])
{
	date_format(day, month);
	month[7] = '\0';
}

/*
 * The --by month group of a placement date: its month, "" without one;
 * aggregated, a month outside the period is "earlier" or "later", so
 * that every group there is can be printed always.  Their titles are for
 * JSON and the workbook, Swedish always; the text says them in the
 * user's language.
 */
static struct stats_row *
month_row(struct stats *s, long date)
{
	char month[11], first[11], last[11];

	if (date == DATE_NONE)
		return row(s, TAB_BY, "", NULL, 0, 0);
	month_of(date, month);
	month_of(s->from, first);
	month_of(s->to, last);
	if (s->aggregate && strcmp(month, first) < 0)
		return row(s, TAB_BY, "earlier", "före perioden", 0, 0);
	if (s->aggregate && strcmp(month, last) > 0)
		return row(s, TAB_BY, "later", "efter perioden", 0, 2);
	return row(s, TAB_BY, month, NULL, 0, 1);
}

static struct stats_row *
by_row(struct stats *s, const struct placement *p)
{
	const struct casefile *c = p->st->c;
	const struct phase *ph;
	const char *v;

	switch (s->by) {
	case STATS_BY_NONE:
		return NULL;
	case STATS_BY_TYPE:
		v = fact_or_empty(c, "placement.type");
		return row(s, TAB_BY, v, NULL, 0,
		    choice_pos(placement_types, v));
	case STATS_BY_FORM:
		v = fact_or_empty(c, "school.form");
		return row(s, TAB_BY, v, NULL, 0, choice_pos(school_forms, v));
	case STATS_BY_PHASE:
		ph = &p->now->m->phases[p->now->phase];
		return row(s, TAB_BY, ph->id, ph->title, p->model,
		    p->now->phase);
	case STATS_BY_MONTH:
		return month_row(s, p->date);
	}
	return NULL;
}

/* The first school day at the receiving school, if it has come. */
static long
school_start(const struct stats *s, const struct placement *p)
{
	const struct case_state *st = p->st;
	const char *v = case_fact_before_shift(st->c, "school.start");
	size_t k;
	long day = DATE_NONE;

	if (v == NULL || date_parse(v, &day) == -1) {
		day = DATE_NONE;
		if (st->m->school_start != NULL &&
		    (k = model_step_index(st->m, st->m->school_start)) !=
		    NO_INDEX && st->steps[k].state == STEP_DONE)
			day = st->steps[k].closed->date;
	}
	return day != DATE_NONE && day <= s->today ? day : DATE_NONE;
}

void
stats_hist_add(struct stats_hist *h, long days)
{
	size_t d = (size_t)days, len;

	h->n++;
	if (d >= STATS_DENSE_DAYS) {
		if (h->nfar == h->capfar) {
			h->capfar = h->capfar == 0 ? 16 : h->capfar * 2;
			h->far = xreallocarray(h->far, h->capfar,
			    sizeof(*h->far));
		}
		h->far[h->nfar++] = days;
		h->unsorted = 1;
		return;
	}
	if (d >= h->len) {
		len = d + 1;
		h->count = xreallocarray(h->count, len, sizeof(*h->count));
		memset(h->count + h->len, 0, (len - h->len) *
		    sizeof(*h->count));
		h->len = len;
	}
	h->count[d]++;
}

void
stats_hist_release(struct stats_hist *h)
{
	free(h->count);
	free(h->far);
	memset(h, 0, sizeof(*h));
}

/* A placement's days to school start in the cells of one row. */
static void
count_days(struct stats *s, struct stats_row *r, long days, int state)
{
	count(s, r, &r->n, 1);
	count(s, r, state == 0 ? &r->started : state == 1 ? &r->open :
	    &r->ended, 1);
	count(s, r, &r->over, days > s->limit);
}

/*
 * The days from the placement date to the first school day; without one,
 * to the end of the period (still waiting: open) or, when the placement
 * was over before that, to its last day (ended without school start).
 */
static void
add_days(struct stats *s, const struct placement *p, long *case_max)
{
	long start, days, until = s->to < s->today ? s->to : s->today;
	int state;	/* 0 started, 1 open, 2 ended without a start */

	if (strcmp(case_fact(p->st->c, "school.change"), "true") != 0 ||
	    p->date == DATE_NONE || p->date > until ||
	    (p->end != DATE_NONE && p->end < p->date))
		return;		/* not moved yet, or never */
	start = school_start(s, p);
	state = start != DATE_NONE ? 0 : p->end != DATE_NONE &&
	    p->end < until ? 2 : 1;
	days = (state == 0 ? start : state == 2 ? p->end : until) - p->date;
	if (days < 0)
		days = 0;
	if (days > *case_max)
		*case_max = days;
	count_days(s, &s->total, days, state);
	stats_hist_add(&s->total.waits, days);
	if (p->by != NULL) {
		count_days(s, p->by, days, state);
		stats_hist_add(&p->by->waits, days);
	}
}

/* One done step with a due date, done within the period. */
static void
add_done(struct stats *s, const struct placement *p, size_t i, long done,
    long due)
{
	const struct model *m = p->st->m;
	const struct step *step = &m->steps[i];
	size_t r = state_owner_role(p->st, i);
	struct stats_row *role, *sr;
	int late = done > due;

	role = row(s, TAB_ROLES, m->roles[r].id, m->roles[r].title, p->model,
	    r);
	count(s, role, &role->done, 1);
	count(s, role, late ? &role->late : &role->on_time, 1);
	sr = row(s, TAB_STEPS, step->id, step->title, p->model, i);
	count(s, sr, &sr->done, 1);
	count(s, sr, late ? &sr->late : &sr->on_time, 1);
	if (p->by != NULL) {
		count(s, p->by, &p->by->done, 1);
		count(s, p->by, &p->by->on_time, !late);
	}
	if (late) {
		stats_hist_add(&role->lates, done - due);
		stats_hist_add(&sr->lates, done - due);
	}
}

/*
 * Every done event of the placement within the period, against the due
 * date that applied: a step done once, its done that counts; a recurring
 * one, each time, due a period after the time before.
 */
static void
add_on_time(struct stats *s, const struct placement *p, long *prev)
{
	const struct case_state *st = p->st;
	const struct event *ev;
	size_t e, i;
	long due;

	for (i = 0; i < st->m->nsteps; i++)
		prev[i] = DATE_NONE;
	for (e = st->c->period; e < st->c->nevents; e++) {
		ev = &st->c->events[e];
		if (ev->kind != EV_DONE || ev->step == NULL ||
		    (i = model_step_index(st->m, ev->step)) == NO_INDEX ||
		    st->steps[i].state == STEP_NA)
			continue;
		if (st->m->steps[i].recurs.base == NULL &&
		    st->steps[i].closed != ev)
			continue;
		due = state_due_when_done(st, i, prev[i]);
		prev[i] = ev->date;
		if (due != DATE_NONE && ev->date >= s->from &&
		    ev->date <= s->to)
			add_done(s, p, i, ev->date, due);
	}
}

static void
add_missed(struct stats *s, const struct placement *p)
{
	const struct model *m = p->st->m;
	struct stats_row *r;
	size_t i;

	for (i = 0; i < m->nsteps; i++)
		if (p->st->steps[i].missed) {
			r = row(s, TAB_STEPS, m->steps[i].id,
			    m->steps[i].title, p->model, i);
			count(s, r, &r->missed, 1);
		}
}

/* Open overdue steps today, of the current placement. */
static void
add_overdue(struct stats *s, const struct placement *p)
{
	const struct case_state *st = p->now;
	const struct model *m = st->m;
	const char *name;
	struct stats_row *r;
	size_t i, k;

	for (i = 0; i < m->nsteps; i++) {
		/* as report lists them: a step blocked by another waits */
		if (!st->steps[i].ready || !st->steps[i].overdue ||
		    st->steps[i].missed)
			continue;
		k = state_owner_role(st, i);
		r = row(s, TAB_ROLES, m->roles[k].id, m->roles[k].title,
		    p->model, k);
		count(s, r, &r->overdue, 1);
		name = state_owner(st, i);
		r = row(s, TAB_PERSONS, name != NULL ? name : "", NULL, 0, 0);
		count(s, r, &r->overdue, 1);
		if (p->by != NULL)
			count(s, p->by, &p->by->overdue, 1);
	}
}

static void
add_counts(struct stats *s, const struct placement *p, size_t k)
{
	const struct casefile *c = p->st->c;
	struct stats_row *r, *t = &s->total;
	const char *v;

	count(s, t, &t->placements, 1);
	count(s, t, &t->acute, strcmp(case_fact(c, "placement.acute"),
	    "true") == 0);
	count(s, t, &t->replaced, k > 0);
	v = fact_or_empty(c, "placement.type");
	r = row(s, TAB_TYPES, v, NULL, 0, choice_pos(placement_types, v));
	count(s, r, &r->placements, 1);
	v = fact_or_empty(c, "school.form");
	r = row(s, TAB_FORMS, v, NULL, 0, choice_pos(school_forms, v));
	count(s, r, &r->placements, 1);
	if (p->by != NULL)
		count(s, p->by, &p->by->placements, 1);
}

/*
 * Whether the placement overlaps the period: from its first event (the
 * case opened, the replace recorded), or its placement date when that is
 * earlier, to its end, or the day before the next placement, or on.  A
 * placement being prepared counts from the day the work on it began.
 */
static int
overlaps(const struct stats *s, const struct casefile *view, size_t k,
    long end)
{
	long start = case_fact_date(view, "placement.date");
	long first = k == 0 ? case_opened(view) :
	    view->events[view->period - 1].date;

	if (start == DATE_NONE || (first != DATE_NONE && first < start))
		start = first;
	return start != DATE_NONE && start <= s->to &&
	    (end == DATE_NONE || end >= s->from);
}

/*
 * The last day of a placement: its placement.end, else the day before
 * the next placement (next), else DATE_NONE: it goes on.
 */
static long
placement_end(const struct casefile *view, long next)
{
	long end = case_fact_date(view, "placement.end");

	if (end == DATE_NONE && next != DATE_NONE)
		end = date_add_days(next, -1);
	return end;
}

static void
add_placement(struct stats *s, struct placement *p, size_t k, long *prev,
    long *case_max)
{
	p->date = case_fact_date(p->st->c, "placement.date");
	p->by = by_row(s, p);	/* stays put: no other --by row is added */
	add_counts(s, p, k);
	add_days(s, p, case_max);
	add_on_time(s, p, prev);
	add_missed(s, p);
	if (p->current)
		add_overdue(s, p);
}

/* The date the placement after period k begins, or DATE_NONE. */
static long
next_placement(const struct casefile *c, size_t k)
{
	long day;

	if (k + 1 >= c->nperiods ||
	    date_parse(c->events[c->spans[k].end].value, &day) == -1)
		return DATE_NONE;
	return day;
}

static void
add_file(struct stats *s, const char *name, long days)
{
	if (s->nfiles == s->capfiles) {
		s->capfiles = s->capfiles == 0 ? 16 : s->capfiles * 2;
		s->files = xreallocarray(s->files, s->capfiles,
		    sizeof(*s->files));
		s->file_days = xreallocarray(s->file_days, s->capfiles,
		    sizeof(*s->file_days));
	}
	s->files[s->nfiles] = xstrdup(name);
	s->file_days[s->nfiles++] = days;
}

/* With --list, whether the case just added counts in the figure. */
static void
list_case(struct stats *s, const struct casefile *c, long case_max)
{
	const struct stats_figure *f = s->list;
	const struct stats_row *r;
	const char *group = s->list_group != NULL ? s->list_group : "";
	char *match;

	if (f == NULL)
		return;
	if (f->tab == TAB_TOTAL)
		r = &s->total;
	else {
		match = match_key(f->tab, group);
		r = find_row(&s->tabs[f->tab], match != NULL ? match : group);
		free(match);
		if (r == NULL)
			return;
	}
	if (cell_in(r, f->cell)->last == s->serial)
		add_file(s, c->name, case_max);
}

void
stats_add(struct stats *s, const struct case_state *st)
{
	struct case_state past;
	struct casefile view;
	struct placement p;
	struct stats_row *r;
	long next, *prev, case_max = -1;
	size_t k;
	int any = 0;

	s->serial++;
	prev = xcalloc(st->m->nsteps + 1, sizeof(*prev));
	p.now = st;
	p.model = model_serial(s, st->m);
	for (k = 0; k < st->c->nperiods; k++) {
		case_period(st->c, k, &view);
		next = next_placement(st->c, k);
		p.end = placement_end(&view, next);
		if (!overlaps(s, &view, k, p.end))
			continue;
		any = 1;
		p.current = k + 1 == st->c->nperiods;
		if (p.current) {
			p.st = st;
			add_placement(s, &p, k, prev, &case_max);
			continue;
		}
		/* as it stood the day before the next placement began */
		next = date_add_days(next, -1);
		state_compute(&past, st->m, &view, next < s->today ? next :
		    s->today);
		p.st = &past;
		add_placement(s, &p, k, prev, &case_max);
		state_release(&past);
	}
	free(prev);
	if (!any)
		return;
	count(s, &s->total, &s->total.cases, 1);
	r = row(s, TAB_PHASES, st->m->phases[st->phase].id,
	    st->m->phases[st->phase].title, p.model, st->phase);
	count(s, r, &r->cases, 1);
	list_case(s, st->c, case_max);
}

/* Results */

static int
compare_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

/*
 * The value of rank k (from 0) of h's values in ascending order: the
 * days counted one by one come before every far value.
 */
static long
hist_rank(struct stats_hist *h, size_t k)
{
	size_t d, below = 0;

	for (d = 0; d < h->len && below + h->count[d] <= k; d++)
		below += h->count[d];
	if (d < h->len)
		return (long)d;
	if (h->unsorted) {
		qsort(h->far, h->nfar, sizeof(*h->far), compare_long);
		h->unsorted = 0;
	}
	return h->far[k - below];
}

double
stats_median(struct stats_hist *h)
{
	size_t n = h->n;

	if (n % 2 == 1)
		return (double)hist_rank(h, n / 2);
	return ((double)hist_rank(h, n / 2 - 1) +
	    (double)hist_rank(h, n / 2)) / 2;
}

long
stats_p90(struct stats_hist *h)
{
	return hist_rank(h, (9 * h->n + 9) / 10 - 1);	/* ceil(0.9 n) */
}

static void
distribute(struct stats_dist *d, struct stats_hist *h)
{
	d->n = h->n;
	if (h->n == 0)
		return;
	d->median = stats_median(h);
	d->p90 = stats_p90(h);
	d->max = hist_rank(h, h->n - 1);
}

static void
distributions(struct stats *s)
{
	struct stats_table *t;
	size_t i;

	distribute(&s->total.days, &s->total.waits);
	t = &s->tabs[TAB_BY];
	for (i = 0; i < t->n; i++)
		distribute(&t->rows[i].days, &t->rows[i].waits);
	t = &s->tabs[TAB_ROLES];
	for (i = 0; i < t->n; i++)
		distribute(&t->rows[i].late_days, &t->rows[i].lates);
	t = &s->tabs[TAB_STEPS];
	for (i = 0; i < t->n; i++)
		distribute(&t->rows[i].late_days, &t->rows[i].lates);
}

/* Models as first seen, each in its order; "" (unknown, unnamed) last. */
static int
compare_rows(const void *a, const void *b)
{
	const struct stats_row *x = a, *y = b;

	if ((x->key[0] == '\0') != (y->key[0] == '\0'))
		return x->key[0] == '\0' ? 1 : -1;
	if (x->model != y->model)
		return x->model < y->model ? -1 : 1;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return strcmp(x->key, y->key);
}

static void
hide_small(const struct stats *s, struct stats_row *r)
{
	static const size_t cells[] = {
		CELL(cases), CELL(placements), CELL(acute), CELL(replaced),
		CELL(n), CELL(started), CELL(open), CELL(ended), CELL(over),
		CELL(done), CELL(on_time), CELL(late), CELL(overdue),
		CELL(missed)
	};
	static const struct {
		size_t	part, whole;
	} parts[] = {
		{ CELL(started), CELL(n) }, { CELL(open), CELL(n) },
		{ CELL(ended), CELL(n) }, { CELL(over), CELL(n) },
		{ CELL(on_time), CELL(done) }, { CELL(late), CELL(done) }
	};
	struct stats_cell *c, *whole;
	size_t i;

	/* a zero in a small group is true of every child in it */
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		c = cell_at(r, cells[i]);
		c->hidden = r->base.cases < s->min_cell ||
		    (c->cases > 0 && c->cases < s->min_cell);
	}
	/* and so is a part of a small count: "0 of those 2 were late" */
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		whole = cell_at(r, parts[i].whole);
		if (whole->cases > 0 && whole->cases < s->min_cell)
			cell_at(r, parts[i].part)->hidden = 1;
	}
}

static int
hide(struct stats_cell *c)
{
	if (c->hidden || c->value == 0)
		return 0;
	c->hidden = 1;
	return 1;
}

/*
 * Of a total and its parts, a hidden part is worked out from the others,
 * and several hidden parts together: when the total is shown and the
 * hidden parts add up to fewer than min_cell (0 included: "none of the
 * few"), or one is hidden alone, the smallest other part that is not 0
 * is hidden too, or the total when there is none.  A hidden total with
 * every part shown hides its smallest part.
 */
static int
hide_sum(const struct stats *s, struct stats_cell *total,
    struct stats_cell *const *parts, size_t n)
{
	struct stats_cell *least = NULL;
	size_t i, hidden = 0, sum = 0;

	for (i = 0; i < n; i++)
		if (parts[i]->hidden) {
			hidden++;
			sum += parts[i]->value;
		}
	if (total->hidden ? hidden != 0 :
	    hidden == 0 || (hidden > 1 && sum >= s->min_cell))
		return 0;
	for (i = 0; i < n; i++)
		if (!parts[i]->hidden && parts[i]->value > 0 &&
		    (least == NULL || parts[i]->value < least->value))
			least = parts[i];
	return hide(least != NULL ? least : total);
}

/*
 * A part of a shown total, when the rest (total - part, not a figure of
 * its own) is fewer than min_cell: the part would give the rest away.
 * The rest is counted in placements or steps, at least its cases.
 */
static int
hide_rest(const struct stats *s, const struct stats_cell *total,
    struct stats_cell *part)
{
	size_t rest = total->value - part->value;

	if (total->hidden || part->hidden || rest == 0 || rest >= s->min_cell)
		return 0;
	return hide(part);
}

/* Within a row, the counts that add up to another. */
static int
hide_parts(const struct stats *s, struct stats_row *r)
{
	struct stats_cell *const days[] = { &r->started, &r->open, &r->ended };
	struct stats_cell *const done[] = { &r->on_time, &r->late };
	int changed = 0;

	changed |= hide_sum(s, &r->n, days, 3);
	changed |= hide_sum(s, &r->done, done, 2);
	changed |= hide_rest(s, &r->n, &r->over);
	changed |= hide_rest(s, &r->n, &r->open);
	changed |= hide_rest(s, &r->n, &r->ended);
	changed |= hide_rest(s, &r->done, &r->on_time);
	return changed;
}

/*
 * Secondary suppression: the total of a figure over its groups (printed,
 * or the sum of another table's) gives away what the hidden groups add
 * up to: the value of one hidden alone, and of several a sum that is
 * itself a small count when it is fewer than min_cell (0 included).  When
 * one of those has a child in it, the smallest other group that is not 0
 * is hidden too, until the hidden add up to min_cell or more.  A figure
 * 0 over all groups says 0 of each, as of everyone.
 */
static int
hide_second(const struct stats *s, struct stats_table *t, size_t off)
{
	struct stats_cell *c, *least = NULL;
	size_t i, hidden = 0, sum = 0;
	int children = 0;

	for (i = 0; i < t->n; i++) {
		c = cell_at(&t->rows[i], off);
		if (c->hidden) {
			hidden++;
			sum += c->value;
			children |= t->rows[i].base.cases > 0;
		} else if (c->value > 0 && (least == NULL ||
		    c->value < least->value))
			least = c;
	}
	return (hidden == 1 || sum < s->min_cell) && children &&
	    least != NULL && hide(least);
}

/*
 * Hides the cells of fewer than min_cell cases, then whatever would give
 * one away, until nothing more would: each hidden cell can make another
 * sum give one away.
 */
static void
suppress(struct stats *s)
{
	const struct stats_figure *f;
	struct stats_table *t;
	size_t i, k;
	int changed;

	hide_small(s, &s->total);
	for (k = TAB_ROLES; k < TAB_COUNT; k++)
		for (i = 0; i < s->tabs[k].n; i++)
			hide_small(s, &s->tabs[k].rows[i]);
	do {
		changed = hide_parts(s, &s->total);
		for (k = TAB_ROLES; k < TAB_COUNT; k++) {
			t = &s->tabs[k];
			for (i = 0; i < t->n; i++)
				changed |= hide_parts(s, &t->rows[i]);
		}
		for (f = stats_figures; f->name != NULL; f++)
			if (f->tab != TAB_TOTAL && f->kind == FIG_COUNT)
				changed |= hide_second(s, &s->tabs[f->tab],
				    f->cell);
	} while (changed);
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files behind the listed figure: sorted, each once. */
static void
finish_list(struct stats *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nfiles; i++) {
		if (s->list->kind == FIG_MAX &&
		    s->file_days[i] != s->total.days.max) {
			free(s->files[i]);
			continue;
		}
		s->files[n++] = s->files[i];
	}
	s->nfiles = n;
	if (s->nfiles > 0)
		qsort(s->files, s->nfiles, sizeof(*s->files),
		    compare_strings);
	for (i = n = 0; i < s->nfiles; i++) {
		if (n > 0 && strcmp(s->files[n - 1], s->files[i]) == 0)
			free(s->files[i]);
		else
			s->files[n++] = s->files[i];
	}
	s->nfiles = n;
}

/* Puts a table's rows in their order (the hash follows them). */
static void
sort_table(struct stats_table *t)
{
	if (t->n == 0)
		return;		/* qsort() wants rows */
	qsort(t->rows, t->n, sizeof(*t->rows), compare_rows);
	if (t->nslots > 0)
		rehash(t, t->nslots);
}

/* A row for each value of a NULL-ended list, and for "" (unknown). */
static void
choice_rows(struct stats *s, enum stats_tab tab, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		row(s, tab, list[i], NULL, 0, i);
	row(s, tab, "", NULL, 0, i);
}

/* A row for each phase (tab: phases), role or step of the models seen. */
static void
model_rows(struct stats *s, enum stats_tab tab, enum stats_tab what)
{
	const struct model *m;
	size_t i, k;

	for (i = 0; i < s->nmodels; i++) {
		m = s->models[i];
		if (what == TAB_ROLES)
			for (k = 0; k < m->nroles; k++)
				row(s, tab, m->roles[k].id, m->roles[k].title,
				    i, k);
		else if (what == TAB_STEPS)
			for (k = 0; k < m->nsteps; k++)
				row(s, tab, m->steps[k].id, m->steps[k].title,
				    i, k);
		else
			for (k = 0; k < m->nphases; k++)
				row(s, tab, m->phases[k].id,
				    m->phases[k].title, i, k);
	}
}

/* Every month of the period, before and after it, and "" (none). */
static void
month_rows(struct stats *s)
{
	char month[11];
	long day;

	month_of(s->from, month);
	strcat(month, "-01");
	if (date_parse(month, &day) == -1)
		return;
	for (; day != DATE_NONE && day <= s->to;
	    day = date_add_months(day, 1))
		month_row(s, day);
	row(s, TAB_BY, "earlier", "före perioden", 0, 0);
	row(s, TAB_BY, "later", "efter perioden", 0, 2);
	row(s, TAB_BY, "", NULL, 0, 0);
}

/*
 * Aggregated, the groups of fixed categories are all printed, in their
 * order, so that an absent group looks like a small one: both hidden.
 */
static void
fixed_rows(struct stats *s)
{
	choice_rows(s, TAB_TYPES, placement_types);
	choice_rows(s, TAB_FORMS, school_forms);
	model_rows(s, TAB_PHASES, TAB_PHASES);
	model_rows(s, TAB_ROLES, TAB_ROLES);
	model_rows(s, TAB_STEPS, TAB_STEPS);
	switch (s->by) {
	case STATS_BY_NONE:
		break;
	case STATS_BY_TYPE:
		choice_rows(s, TAB_BY, placement_types);
		break;
	case STATS_BY_FORM:
		choice_rows(s, TAB_BY, school_forms);
		break;
	case STATS_BY_PHASE:
		model_rows(s, TAB_BY, TAB_PHASES);
		break;
	case STATS_BY_MONTH:
		month_rows(s);
		break;
	}
}

void
stats_finish(struct stats *s)
{
	size_t k;

	if (s->aggregate)
		fixed_rows(s);
	distributions(s);
	for (k = TAB_ROLES; k < TAB_COUNT; k++)
		sort_table(&s->tabs[k]);
	if (s->aggregate)
		suppress(s);
	if (s->list != NULL)
		finish_list(s);
}

double
stats_value(const struct stats *s, const struct stats_figure *f,
    const struct stats_row *r)
{
	const struct stats_dist *d = f->kind == FIG_LATE_MEDIAN ?
	    &r->late_days : &r->days;

	switch (f->kind) {
	case FIG_COUNT:
		return (double)cell_in(r, f->cell)->value;
	case FIG_RATE:
		return r->done.value == 0 ? -1 :
		    (double)r->on_time.value / (double)r->done.value;
	case FIG_MEDIAN:
	case FIG_LATE_MEDIAN:
		return d->n == 0 ? -1 : d->median;
	case FIG_P90:
		return d->n == 0 ? -1 : (double)d->p90;
	case FIG_MAX:
		return d->n == 0 ? -1 : (double)d->max;
	case FIG_LIMIT:
		return (double)s->limit;
	}
	return -1;
}

long
stats_percent(double rate)
{
	return (long)(100 * rate + 0.5);
}

void
stats_number(double v, char buf[32])
{
	char *dot;

	if (v == (double)(long)v) {
		snprintf(buf, 32, "%ld", (long)v);
		return;
	}
	snprintf(buf, 32, "%.1f", v);
	/* TRANSLATORS: the decimal separator of figures for people: "5.5" */
	if ((dot = strchr(buf, '.')) != NULL && strlen(_(".")) == 1)
		*dot = *_(".");
}

int
stats_hidden(const struct stats *s, const struct stats_figure *f,
    const struct stats_row *r)
{
	if (!s->aggregate)
		return 0;
	if (f->kind == FIG_RATE)
		return r->done.hidden || r->on_time.hidden || r->late.hidden;
	return f->kind == FIG_COUNT && cell_in(r, f->cell)->hidden;
}

void
stats_figure_name(const struct stats *s, const struct stats_figure *f,
    char buf[96])
{
	const char *key = strstr(f->name, "%s");

	if (key == NULL || s->by == STATS_BY_NONE)
		snprintf(buf, 96, "%s", f->name);
	else
		snprintf(buf, 96, "%.*s%s%s", (int)(key - f->name), f->name,
		    stats_by_name(s->by), key + 2);
}

/* The figure named name (by.KEY.* under --by KEY), or NULL. */
static const struct stats_figure *
find_figure(const struct stats *s, const char *name, size_t len)
{
	const struct stats_figure *f;
	char buf[96];

	for (f = stats_figures; f->name != NULL; f++) {
		if (f->tab == TAB_BY && s->by == STATS_BY_NONE)
			continue;
		stats_figure_name(s, f, buf);
		if (strlen(buf) == len && strncmp(buf, name, len) == 0)
			return f;
	}
	return NULL;
}

/* "did you mean": the suggestions keep pointers, so the names stay. */
static void
suggest_figure(const struct stats *s, const char *name)
{
	static const size_t n = sizeof(stats_figures) /
	    sizeof(stats_figures[0]);
	char names[sizeof(stats_figures) / sizeof(stats_figures[0])][96];
	struct suggest sg;
	size_t i;

	suggest_init(&sg, name);
	for (i = 0; i + 1 < n; i++) {
		if (stats_figures[i].tab == TAB_BY && s->by == STATS_BY_NONE)
			continue;
		stats_figure_name(s, &stats_figures[i], names[i]);
		suggest_add(&sg, names[i]);
	}
	suggest_note(&sg);
}

int
stats_list(struct stats *s, const char *figure)
{
	const char *eq = strchr(figure, '=');
	size_t len = eq != NULL ? (size_t)(eq - figure) : strlen(figure);
	const struct stats_figure *f;
	char *name;

	if (s->by == STATS_BY_NONE && strncmp(figure, "by.", 3) == 0)
		return fail_at(FAIL_USAGE, NULL, 0, 0, "--list: '%.*s' is a "
		    "figure of --by", (int)len, figure);
	if ((f = find_figure(s, figure, len)) == NULL) {
		name = xstrndup(figure, len);
		fail_at(FAIL_USAGE, NULL, 0, 0, "--list: unknown figure "
		    "'%s'; the figures are in sams(1), STATS", name);
		suggest_figure(s, name);
		free(name);
		return -1;
	}
	if (f->kind == FIG_LIMIT)
		return fail_at(FAIL_USAGE, NULL, 0, 0, "--list: '%.*s' is a "
		    "setting, not a figure over cases", (int)len, figure);
	if (f->tab == TAB_TOTAL && eq != NULL)
		return fail_at(FAIL_USAGE, NULL, 0, 0, "--list: '%.*s' has no "
		    "groups", (int)len, figure);
	if (f->tab != TAB_TOTAL && eq == NULL)
		return fail_at(FAIL_USAGE, NULL, 0, 0, "--list: '%.*s' wants a "
		    "group: FIGURE=GROUP", (int)len, figure);
	s->list = f;
	s->list_group = eq != NULL ? eq + 1 : NULL;
	return 0;
}

static void
release_table(struct stats_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->rows[i].key);
		free(t->rows[i].match);
		free(t->rows[i].title);
		stats_hist_release(&t->rows[i].waits);
		stats_hist_release(&t->rows[i].lates);
	}
	free(t->rows);
	free(t->slots);
}

void
stats_release(struct stats *s)
{
	size_t i;

	for (i = 0; i < TAB_COUNT; i++)
		release_table(&s->tabs[i]);
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	free(s->file_days);
	stats_hist_release(&s->total.waits);
	free(s->models);
	memset(s->tabs, 0, sizeof(s->tabs));
	s->files = NULL;
	s->models = NULL;
	s->file_days = NULL;
}
