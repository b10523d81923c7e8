/*
 * Linking a model as read: ids to indexes, duplicates, the order of
 * prerequisites and their circles, and the base model it extends merged
 * in before its own steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "modellink.h"
#include "xalloc.h"

/* Linking: references by id, duplicates and cycles. */

/* msg: "duplicate KIND id '%s' (first at line %zu)", marked with N_(). */
#define CHECK_DUPLICATES(s, arr, n, msg) do {				\
	size_t i_, j_;							\
	for (i_ = 0; i_ < (n); i_++)					\
		for (j_ = 0; (arr)[i_].id != NULL && j_ < i_; j_++)	\
			if ((arr)[j_].id != NULL &&			\
			    strcmp((arr)[i_].id, (arr)[j_].id) == 0) {	\
				(s)->errors++;				\
				error_at((s)->file, (arr)[i_].line,	\
				    (arr)[i_].col, msg, (arr)[i_].id,	\
				    (arr)[j_].line);			\
				break;					\
			}						\
} while (0)

void
link_form(struct schema *s, const struct model *m, const struct form *f,
    const struct ynode *at)
{
	const struct ynode *v, *item;
	size_t i, k;

	if (f == NULL || at == NULL || at->kind != YN_MAP)
		return;
	v = ymap_get(at, "signed-by");
	for (i = 0; i < f->nsigned; i++) {
		/* at the role itself, the repeated one for a second */
		item = v != NULL && v->kind == YN_SEQ && i < v->nkids ?
		    v->kids[i] : v;
		if (model_role_index(m, f->signed_by[i]) == NO_INDEX)
			schema_error(s, item, "form: unknown role '%.40s' in "
			    "'signed-by'", f->signed_by[i]);
		for (k = 0; k < i; k++)
			if (strcmp(f->signed_by[k], f->signed_by[i]) == 0) {
				schema_error(s, item, "form: role '%.40s' "
				    "signs twice", f->signed_by[i]);
				break;
			}
	}
}

static void
link_step(struct schema *s, struct model *m, struct step_ctx *c)
{
	struct step *st = c->st;
	size_t i, k;

	if (c->phase != NULL) {
		st->phase = model_phase_index(m, c->phase->str);
		if (st->phase == NO_INDEX)
			schema_error(s, c->phase, "unknown phase '%.40s'",
			    c->phase->str);
	}
	if (c->owner != NULL) {
		st->owner = model_role_index(m, c->owner->str);
		if (st->owner == NO_INDEX)
			schema_error(s, c->owner, "unknown role '%.40s'",
			    c->owner->str);
	}
	if (c->fallback != NULL) {
		st->fallback = model_role_index(m, c->fallback->str);
		if (st->fallback == NO_INDEX)
			schema_error(s, c->fallback, "unknown role '%.40s'",
			    c->fallback->str);
		else if (st->fallback == st->owner)
			schema_error(s, c->fallback, "'fallback-owner' is the "
			    "step's owner");
	}
	for (i = 0; i < st->nwarn; i++) {
		if (model_warning_index(m, st->warn[i]) == NO_INDEX)
			schema_error(s, c->warn, "unknown warning '%.40s'",
			    st->warn[i]);
		for (k = 0; k < i; k++)
			if (strcmp(st->warn[k], st->warn[i]) == 0) {
				schema_error(s, c->warn, "warning '%.40s' "
				    "named twice", st->warn[i]);
				break;
			}
	}
	link_form(s, m, st->form, c->form);
	st->after = arena_alloc(s->arena, (st->nafter + 1) *
	    sizeof(*st->after));
	for (i = 0; i < st->nafter; i++) {
		st->after[i] = model_step_index(m, st->after_ids[i]);
		if (st->after[i] == NO_INDEX)
			schema_error(s, c->after, "unknown prerequisite step "
			    "'%.40s'", st->after_ids[i]);
	}
}

/* A step may wait only for steps of its own phase or earlier ones. */
static void
check_order(struct schema *s, const struct model *m, const struct step_ctx *c)
{
	const struct step *st = c->st;
	size_t k, p;

	for (k = 0; k < st->nafter; k++) {
		if (st->after[k] == NO_INDEX || st->phase == NO_INDEX)
			continue;
		p = m->steps[st->after[k]].phase;
		if (p != NO_INDEX && p > st->phase)
			schema_error(s, c->after, "step '%s' waits for '%s', "
			    "which belongs to a later phase", st->id,
			    st->after_ids[k]);
	}
}

/*
 * The same for a base step that waits for a step this file redefines in a
 * later phase: told at the redefining step, since the base step's position
 * is in another file.
 */
static void
check_base_order(struct schema *s, const struct model *m,
    struct step_ctx *const *own)
{
	const struct step *st, *pre;
	const struct step_ctx *c;
	size_t i, k;

	for (i = 0; i < m->nsteps; i++) {
		st = &m->steps[i];
		if (own[i] != NULL || st->phase == NO_INDEX)
			continue;
		for (k = 0; k < st->nafter; k++) {
			if (st->after[k] == NO_INDEX ||
			    (c = own[st->after[k]]) == NULL)
				continue;
			pre = c->st;
			if (pre->phase == NO_INDEX || pre->phase <= st->phase)
				continue;
			if (c->phase != NULL)
				schema_error(s, c->phase, "step '%s' moves to "
				    "a later phase than the base's step '%s', "
				    "which waits for it", pre->id, st->id);
			else {
				s->errors++;
				error_at(s->file, pre->line, pre->col, "step "
				    "'%s' moves to a later phase than the "
				    "base's step '%s', which waits for it",
				    pre->id, st->id);
			}
		}
	}
}

/*
 * Reports path[from..depth), steps that wait for each other in a circle,
 * starting at the first of the file's own steps in it: a base step's
 * position is in another file.  own[i] says whether step i is the file's.
 */
static void
report_step_cycle(struct schema *s, const struct model *m,
    struct step_ctx *const *own, const size_t *path, size_t depth,
    size_t from)
{
	char chain[512];
	const char *base = NULL;
	size_t k, n = depth - from, start = 0, used = 0;
	const struct step *st;

	for (k = 0; k < n; k++)
		if (own[path[from + k]] != NULL)
			break;
	if (k < n)
		start = k;
	for (k = 0; k <= n && used < sizeof(chain); k++) {
		st = &m->steps[path[from + (start + k) % n]];
		if (base == NULL && own[path[from + (start + k) % n]] == NULL)
			base = st->id;
		used += (size_t)snprintf(chain + used, sizeof(chain) - used,
		    "%s%s", k > 0 ? " -> " : "", st->id);
	}
	st = &m->steps[path[from + start]];
	s->errors++;
	if (own[path[from + start]] == NULL)	/* never: the base loaded */
		error_at(s->file, 0, 0, "circular prerequisites: %s", chain);
	else if (base != NULL)
		error_at(s->file, st->line, st->col, "circular prerequisites: "
		    "%s (through the base's step '%s')", chain, base);
	else
		error_at(s->file, st->line, st->col, "circular prerequisites: "
		    "%s", chain);
}

/*
 * Reports each circle of steps that wait for each other, once, at the
 * first step of it met.  A depth-first walk without recursion: linear in
 * steps and prerequisites, and no deep stack on a long chain.
 */
static void
check_cycles(struct schema *s, const struct model *m,
    struct step_ctx *const *own)
{
	unsigned char *state;	/* 0 unseen, 1 on the path, 2 done */
	size_t *path, *next, *pos, depth, i, u, v;

	state = xcalloc(m->nsteps + 1, 1);
	path = xcalloc(m->nsteps + 1, sizeof(*path));
	next = xcalloc(m->nsteps + 1, sizeof(*next));
	pos = xcalloc(m->nsteps + 1, sizeof(*pos));
	for (i = 0; i < m->nsteps; i++) {
		if (state[i] != 0)
			continue;
		state[i] = 1;
		path[0] = i;
		next[0] = pos[i] = 0;
		depth = 1;
		while (depth > 0) {
			u = path[depth - 1];
			if (next[depth - 1] == m->steps[u].nafter) {
				state[u] = 2;
				depth--;
				continue;
			}
			v = m->steps[u].after[next[depth - 1]++];
			if (v == NO_INDEX || state[v] == 2)
				continue;
			if (state[v] == 1) {
				report_step_cycle(s, m, own, path, depth,
				    pos[v]);
				continue;
			}
			state[v] = 1;
			pos[v] = depth;
			path[depth] = v;
			next[depth++] = 0;
		}
	}
	free(pos);
	free(next);
	free(path);
	free(state);
}

void
model_link(struct schema *s, struct model_ctx *c)
{
	struct model *m = c->m;
	struct step_ctx **own;
	size_t i;

	CHECK_DUPLICATES(s, m->roles, m->nroles,
	    N_("duplicate role id '%s' (first at line %zu)"));
	CHECK_DUPLICATES(s, m->phases, m->nphases,
	    N_("duplicate phase id '%s' (first at line %zu)"));
	CHECK_DUPLICATES(s, m->steps, m->nsteps,
	    N_("duplicate step id '%s' (first at line %zu)"));
	CHECK_DUPLICATES(s, m->warnings, m->nwarnings,
	    N_("duplicate warning id '%s' (first at line %zu)"));
	for (i = 0; i < c->nown; i++)
		link_step(s, m, &c->steps[i]);
	for (i = 0; i < c->nown; i++)
		check_order(s, m, &c->steps[i]);
	/* Which merged steps are the file's own, the rest the base's. */
	own = xcalloc(m->nsteps + 1, sizeof(*own));
	for (i = 0; i < c->nown; i++)
		own[c->steps[i].st - m->steps] = &c->steps[i];
	check_base_order(s, m, own);
	check_cycles(s, m, own);
	free(own);
}

/* Extending: base steps */

static int
listed(const char **list, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], id) == 0)
			return 1;
	return 0;
}

/*
 * Whether the file's own steps define id (and so replace the base's).  A
 * step without an id is the file's own (reading it reported the lack).
 */
static int
own_step(const struct model_ctx *c, const char *id)
{
	size_t i;

	if (id == NULL)
		return 1;
	for (i = 0; i < c->nown; i++)
		if (c->steps[i].st->id != NULL &&
		    strcmp(c->steps[i].st->id, id) == 0)
			return 1;
	return 0;
}

/* Base roles first (indexes kept), the file's own roles after. */
static void
merge_roles(struct schema *s, struct model *m, const struct model *base)
{
	struct role *roles;
	size_t i, k, n = base->nroles;

	roles = arena_alloc(s->arena, (base->nroles + m->nroles) *
	    sizeof(*roles));
	memcpy(roles, base->roles, base->nroles * sizeof(*roles));
	for (i = 0; i < m->nroles; i++) {
		for (k = 0; k < base->nroles; k++)
			if (m->roles[i].id != NULL &&
			    strcmp(m->roles[i].id, roles[k].id) == 0)
				break;
		if (k < base->nroles) {
			m->roles[i].about = m->roles[i].about != NULL ?
			    m->roles[i].about : roles[k].about;
			roles[k] = m->roles[i];
		} else
			roles[n++] = m->roles[i];
	}
	m->roles = roles;
	m->nroles = n;
}

/* Base warnings first, the file's own after; an own one replaces by id. */
static void
merge_warnings(struct schema *s, struct model *m, const struct model *base)
{
	struct warning *w;
	size_t i, k, n = base->nwarnings;

	w = arena_alloc(s->arena, (base->nwarnings + m->nwarnings + 1) *
	    sizeof(*w));
	if (base->nwarnings > 0)	/* base->warnings may be NULL */
		memcpy(w, base->warnings, base->nwarnings * sizeof(*w));
	for (i = 0; i < m->nwarnings; i++) {
		for (k = 0; k < base->nwarnings; k++)
			if (m->warnings[i].id != NULL &&
			    strcmp(m->warnings[i].id, w[k].id) == 0)
				break;
		w[k < base->nwarnings ? k : n++] = m->warnings[i];
	}
	m->warnings = w;
	m->nwarnings = n;
}

static size_t
find_step(const struct step *steps, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (steps[i].id != NULL && strcmp(steps[i].id, id) == 0)
			return i;
	return NO_INDEX;
}

/* A base step's prerequisites in the merged list; omitted ones go. */
static void
relink_base_step(struct schema *s, struct step *st, const struct step *steps,
    size_t n)
{
	const char **ids = st->after_ids;
	size_t k, kept = 0, old = st->nafter, j;

	st->after_ids = arena_alloc(s->arena, (old + 1) * sizeof(*ids));
	st->after = arena_alloc(s->arena, (old + 1) * sizeof(*st->after));
	for (k = 0; k < old; k++) {
		j = find_step(steps, n, ids[k]);
		if (j == NO_INDEX)
			continue;
		st->after_ids[kept] = ids[k];
		st->after[kept++] = j;
	}
	st->nafter = kept;
}

/* Moves own step i to the end of the merged list. */
static void
place_own(struct model_ctx *c, size_t i, struct step *steps, size_t *n)
{
	steps[*n] = *c->steps[i].st;
	c->steps[i].st = &steps[(*n)++];
}

/*
 * The base's steps, less those omitted or redefined, phase by phase with
 * the file's own steps after each phase's base steps.
 */
static void
merge_steps(struct schema *s, struct model_ctx *c, const struct model *base)
{
	struct model *m = c->m;
	struct step *steps;
	unsigned char *placed;
	size_t p, i, n = 0;

	steps = arena_alloc(s->arena, (base->nsteps + c->nown + 1) *
	    sizeof(*steps));
	placed = arena_alloc(s->arena, c->nown + 1);
	for (p = 0; p < base->nphases; p++) {
		for (i = 0; i < base->nsteps; i++)
			if (base->steps[i].phase == p &&
			    !listed(c->omit, c->nomit, base->steps[i].id) &&
			    !own_step(c, base->steps[i].id))
				steps[n++] = base->steps[i];
		for (i = 0; i < c->nown; i++)
			if (c->steps[i].phase != NULL && model_phase_index(base,
			    c->steps[i].phase->str) == p) {
				place_own(c, i, steps, &n);
				placed[i] = 1;
			}
	}
	for (i = 0; i < c->nown; i++)	/* an unknown phase: linking says so */
		if (!placed[i])
			place_own(c, i, steps, &n);
	for (i = 0; i < n; i++)
		if (!own_step(c, steps[i].id))
			relink_base_step(s, &steps[i], steps, n);
	m->steps = steps;
	m->nsteps = n;
}

int
model_extend(struct schema *s, struct model_ctx *c, const char *id,
    const struct ynode *at)
{
	const struct model *base;
	struct model *m = c->m;
	size_t i;

	if (c->get_base == NULL) {
		schema_error(s, at, "cannot extend model '%s': no such model, "
		    "or it is broken", id);
		return -1;
	}
	if (c->get_base(s, at, c->local_base == NULL ? m->id : NULL, id,
	    &base) != 0)
		return -1;
	if (c->local_base != NULL) {
		m->id = base->id;
		m->title = base->title;
		m->about = base->about;
	}
	if (m->nphases > 0)
		schema_error(s, at, "a model that extends another keeps its "
		    "phases; leave out 'phases'");
	for (i = 0; i < c->nomit; i++)
		if (model_step_index(base, c->omit[i]) == NO_INDEX)
			schema_error(s, c->omit_node, "cannot omit '%.40s': "
			    "model '%s' has no such step", c->omit[i],
			    base->id);
	m->phases = arena_alloc(s->arena, (base->nphases + 1) *
	    sizeof(*m->phases));
	memcpy(m->phases, base->phases, base->nphases * sizeof(*m->phases));
	m->nphases = base->nphases;
	if (m->school_start == NULL)
		m->school_start = base->school_start;
	merge_roles(s, m, base);
	merge_warnings(s, m, base);
	merge_steps(s, c, base);
	return 0;
}
