/* Loading and checking the process model (sams-phases(5)). */
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "diag.h"
#include "facts.h"
#include "fileio.h"
#include "folder.h"
#include "model.h"
#include "sams.h"
#include "schema.h"
#include "xalloc.h"

static const char *model_dir;

/* Due rules. */

static const char *const rule_bases[] = {
	"placement.date", "placement.end", "opened", "done", NULL
};

int
due_rule_parse(const char *text, struct due_rule *rule, const char **why)
{
	const char *p = text;
	size_t i, n;
	long amount;
	char *end;
	int sign;

	memset(rule, 0, sizeof(*rule));
	n = strcspn(p, " +-");
	for (i = 0; rule_bases[i] != NULL; i++)
		if (strlen(rule_bases[i]) == n &&
		    strncmp(rule_bases[i], p, n) == 0)
			break;
	*why = "must start with placement.date, placement.end or opened";
	if (rule_bases[i] == NULL)
		return -1;
	rule->base = rule_bases[i];
	p += n;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	*why = "must look like 'placement.date - 14d' (units d, w, m)";
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	errno = 0;
	amount = strtol(p, &end, 10);
	if (errno != 0 || amount > 3660 || (*end != 'd' && *end != 'w' &&
	    *end != 'm') || end[1] != '\0')
		return -1;
	rule->amount = sign * (int)amount;
	rule->unit = *end;
	return 0;
}

long
due_rule_apply(const struct due_rule *rule, long base)
{
	switch (rule->unit) {
	case 'm':
		return date_add_months(base, rule->amount);
	case 'w':
		return date_add_days(base, 7L * rule->amount);
	default:
		return date_add_days(base, rule->amount);
	}
}

void
due_rule_format(const struct due_rule *rule, char *buf, size_t size)
{
	if (rule->amount == 0)
		snprintf(buf, size, "%s", rule->base);
	else
		snprintf(buf, size, "%s %c %d%c", rule->base,
		    rule->amount < 0 ? '-' : '+', abs(rule->amount),
		    rule->unit);
}

/* Lookups. */

static size_t
hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Step lookups come once or twice per history event: a hash pays. */
static void
index_steps(struct model *m)
{
	size_t i, k;

	m->nslots = 16;
	while (m->nslots < m->nsteps * 2)
		m->nslots *= 2;
	m->slots = arena_alloc(&m->doc.arena, m->nslots * sizeof(*m->slots));
	for (k = 0; k < m->nslots; k++)
		m->slots[k] = NO_INDEX;
	for (i = 0; i < m->nsteps; i++) {
		k = hash(m->steps[i].id) & (m->nslots - 1);
		while (m->slots[k] != NO_INDEX)
			k = (k + 1) & (m->nslots - 1);
		m->slots[k] = i;
	}
}

size_t
model_step_index(const struct model *m, const char *id)
{
	size_t i, k;

	if (m->nslots > 0) {
		k = hash(id) & (m->nslots - 1);
		for (; m->slots[k] != NO_INDEX; k = (k + 1) & (m->nslots - 1))
			if (strcmp(m->steps[m->slots[k]].id, id) == 0)
				return m->slots[k];
		return NO_INDEX;
	}
	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].id != NULL && strcmp(m->steps[i].id, id) == 0)
			return i;
	return NO_INDEX;
}

size_t
model_role_index(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nroles; i++)
		if (m->roles[i].id != NULL && strcmp(m->roles[i].id, id) == 0)
			return i;
	return NO_INDEX;
}

size_t
model_phase_index(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nphases; i++)
		if (m->phases[i].id != NULL &&
		    strcmp(m->phases[i].id, id) == 0)
			return i;
	return NO_INDEX;
}

/* Key handlers shared by roles, phases and steps. */

static const char *
read_id(struct schema *s, const struct ynode *v, const char *what)
{
	const char *id;

	id = schema_text(s, v, "id");
	if (id != NULL && !schema_is_id(id)) {
		schema_error(s, v, "%s id '%.40s' must be lowercase letters, "
		    "digits and '-'", what, id);
		return NULL;
	}
	return id;
}

static void
read_rule(struct schema *s, const struct ynode *v, struct due_rule *rule,
    const char *field)
{
	const char *text, *why;

	text = schema_text(s, v, field);
	if (text != NULL && due_rule_parse(text, rule, &why) == -1)
		schema_error(s, v, "bad %s rule: %s", field, why);
	else if (text != NULL && strcmp(rule->base, "done") == 0) {
		schema_error(s, v, "bad %s rule: 'done' is only for recurs",
		    field);
		memset(rule, 0, sizeof(*rule));
	}
}

#define TEXT_KEY(type, name, field)					\
static void								\
type##_##name(struct schema *s, const struct ynode *k,			\
    const struct ynode *v, void *obj)					\
{									\
	(void)k;							\
	((struct type *)obj)->field = schema_text(s, v, #name);		\
}

TEXT_KEY(role, title, title)
TEXT_KEY(role, about, about)
TEXT_KEY(phase, title, title)
TEXT_KEY(phase, about, about)

static void
role_id(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	((struct role *)obj)->id = read_id(s, v, "role");
}

static void
phase_id(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	((struct phase *)obj)->id = read_id(s, v, "phase");
}

static void
phase_starts(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	read_rule(s, v, &((struct phase *)obj)->starts, "starts");
}

static void
phase_ends(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	read_rule(s, v, &((struct phase *)obj)->ends, "ends");
}

static void
phase_opens_with(struct schema *s, const struct ynode *k,
    const struct ynode *v, void *obj)
{
	const char *fact = schema_text(s, v, "opens-with");
	const struct fact_def *def;

	(void)k;
	if (fact == NULL)
		return;
	def = fact_lookup(fact);
	if (def == NULL || def->type != FACT_DATE)
		schema_error(s, v, "'opens-with' must name a date fact, such "
		    "as placement.end");
	else
		((struct phase *)obj)->opens_with = fact;
}

static const struct keydef role_keys[] = {
	{ "id", role_id, 1 },
	{ "title", role_title, 1 },
	{ "about", role_about, 0 },
	{ NULL, NULL, 0 }
};

static const struct keydef phase_keys[] = {
	{ "id", phase_id, 1 },
	{ "title", phase_title, 1 },
	{ "about", phase_about, 0 },
	{ "starts", phase_starts, 0 },
	{ "opens-with", phase_opens_with, 0 },
	{ "ends", phase_ends, 0 },
	{ NULL, NULL, 0 }
};

/* Steps: names of phases, roles and prerequisites are linked afterwards. */

struct step_ctx {
	struct step		*st;
	const struct ynode	*phase, *owner, *after;
};

#define STEP_TEXT_KEY(name, field)					\
static void								\
step_##field(struct schema *s, const struct ynode *k,			\
    const struct ynode *v, void *obj)					\
{									\
	(void)k;							\
	((struct step_ctx *)obj)->st->field = schema_text(s, v, name);	\
}

STEP_TEXT_KEY("title", title)
STEP_TEXT_KEY("why", why)
STEP_TEXT_KEY("source-note", source_note)

static const char *const sources[] = {
	"sams", "sisam", "law", "project", "local", NULL
};

static void
step_id(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	((struct step_ctx *)obj)->st->id = read_id(s, v, "step");
}

static void
step_phase(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	if (schema_text(s, v, "phase") != NULL)
		((struct step_ctx *)obj)->phase = v;
}

static void
step_owner(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	if (schema_text(s, v, "owner") != NULL)
		((struct step_ctx *)obj)->owner = v;
}

static void
step_what(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step *st = ((struct step_ctx *)obj)->st;

	(void)k;
	schema_list(s, v, "what", &st->what, &st->nwhat);
}

static void
step_law(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step *st = ((struct step_ctx *)obj)->st;

	(void)k;
	schema_list(s, v, "law", &st->law, &st->nlaw);
}

static void
step_after(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step_ctx *c = obj;

	(void)k;
	schema_list(s, v, "after", &c->st->after_ids, &c->st->nafter);
	c->after = v;
}

static void
step_due(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	read_rule(s, v, &((struct step_ctx *)obj)->st->due, "due");
}

static void
step_due_acute(struct schema *s, const struct ynode *k,
    const struct ynode *v, void *obj)
{
	(void)k;
	read_rule(s, v, &((struct step_ctx *)obj)->st->due_acute,
	    "due-acute");
}

/* "6m": the step comes back that long after it was last done. */
static void
step_recurs(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct due_rule *r = &((struct step_ctx *)obj)->st->recurs;
	const char *text, *why;
	char rule[64];

	(void)k;
	text = schema_text(s, v, "recurs");
	if (text == NULL)
		return;
	snprintf(rule, sizeof(rule), "done + %.40s", text);
	if (due_rule_parse(rule, r, &why) == -1 || r->amount <= 0) {
		memset(r, 0, sizeof(*r));
		schema_error(s, v, "'recurs' must be a period such as 6m, 4w "
		    "or 30d");
	}
}

static void
step_source(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	const char *text;
	size_t i;

	(void)k;
	text = schema_text(s, v, "source");
	if (text == NULL)
		return;
	for (i = 0; sources[i] != NULL; i++)
		if (strcmp(sources[i], text) == 0)
			break;
	if (sources[i] == NULL)
		schema_error(s, v, "unknown source '%.40s' (use sams, sisam, "
		    "law, project or local)", text);
	((struct step_ctx *)obj)->st->source = text;
}

/* Reads one "fact: value" or "fact: [values]" condition. */
static void
read_condition(struct schema *s, const struct ynode *k,
    const struct ynode *v, struct condition *c)
{
	const struct fact_def *def;
	const char *why;
	size_t i;

	c->fact = k->str;
	def = fact_lookup(k->str);
	if (def == NULL || !def->condition) {
		schema_error(s, k, "unknown condition '%.40s' (use "
		    "placement.type, placement.acute, school.change or "
		    "school.form)", k->str);
		return;
	}
	schema_list(s, v, k->str, &c->values, &c->nvalues);
	for (i = 0; i < c->nvalues; i++)
		if (fact_check(def, c->values[i], &why) == -1)
			schema_error(s, v, "condition '%s': value '%.40s' is "
			    "%s", k->str, c->values[i], why);
}

static void
step_when(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step *st = ((struct step_ctx *)obj)->st;
	size_t i;

	(void)k;
	if (v->kind != YN_MAP) {
		schema_error(s, v, "'when' must be a mapping of conditions");
		return;
	}
	st->when = arena_alloc(s->arena, (ymap_len(v) + 1) *
	    sizeof(*st->when));
	for (i = 0; i + 1 < v->nkids; i += 2)
		read_condition(s, v->kids[i], v->kids[i + 1],
		    &st->when[st->nwhen++]);
}

static const struct keydef step_keys[] = {
	{ "id", step_id, 1 },
	{ "phase", step_phase, 1 },
	{ "title", step_title, 1 },
	{ "owner", step_owner, 1 },
	{ "why", step_why, 1 },
	{ "what", step_what, 1 },
	{ "law", step_law, 0 },
	{ "when", step_when, 0 },
	{ "after", step_after, 0 },
	{ "due", step_due, 0 },
	{ "due-acute", step_due_acute, 0 },
	{ "recurs", step_recurs, 0 },
	{ "source", step_source, 1 },
	{ "source-note", step_source_note, 0 },
	{ NULL, NULL, 0 }
};

/* The top level. */

struct model_ctx {
	struct model		*m;
	struct step_ctx		*steps;		/* the file's own steps */
	size_t			 nown;
	const struct ynode	*extends, *omit_node;
	const char		**omit;
	size_t			 nomit;
	const char		*local_base;	/* .sams/local.yml: its model */
	const struct ynode	*due, *due_acute, *contacts;
};

/*
 * Far more than any model needs, and few enough that linking and merging,
 * which compare steps with steps, stay quick on a hostile file.
 */
#define MODEL_MAX_ROLES		100
#define MODEL_MAX_PHASES	50
#define MODEL_MAX_STEPS		1000

static int
check_seq(struct schema *s, const struct ynode *v, const char *field,
    size_t max)
{
	if (v->kind != YN_SEQ) {
		schema_error(s, v, "'%s' must be a list", field);
		return -1;
	}
	if (v->nkids > max) {
		schema_error(s, v, "'%s' has more than %zu entries", field,
		    max);
		return -1;
	}
	return 0;
}

static void
top_roles(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct model *m = ((struct model_ctx *)obj)->m;
	size_t i;

	(void)k;
	if (check_seq(s, v, "roles", MODEL_MAX_ROLES) == -1)
		return;
	m->roles = arena_alloc(s->arena, v->nkids * sizeof(*m->roles));
	m->nroles = v->nkids;
	for (i = 0; i < v->nkids; i++) {
		m->roles[i].line = v->kids[i]->line;
		m->roles[i].col = v->kids[i]->col;
		schema_map(s, v->kids[i], role_keys, &m->roles[i], "a role",
		    NULL);
	}
}

static void
top_phases(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct model *m = ((struct model_ctx *)obj)->m;
	size_t i;

	(void)k;
	if (check_seq(s, v, "phases", MODEL_MAX_PHASES) == -1)
		return;
	m->phases = arena_alloc(s->arena, v->nkids * sizeof(*m->phases));
	m->nphases = v->nkids;
	for (i = 0; i < v->nkids; i++) {
		m->phases[i].line = v->kids[i]->line;
		m->phases[i].col = v->kids[i]->col;
		schema_map(s, v->kids[i], phase_keys, &m->phases[i],
		    "a phase", NULL);
	}
}

static void
top_steps(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct model_ctx *c = obj;
	struct model *m = c->m;
	size_t i;

	(void)k;
	if (check_seq(s, v, "steps", MODEL_MAX_STEPS) == -1)
		return;
	m->steps = arena_alloc(s->arena, v->nkids * sizeof(*m->steps));
	m->nsteps = c->nown = v->nkids;
	c->steps = arena_alloc(s->arena, v->nkids * sizeof(*c->steps));
	for (i = 0; i < v->nkids; i++) {
		m->steps[i].line = v->kids[i]->line;
		m->steps[i].col = v->kids[i]->col;
		m->steps[i].phase = m->steps[i].owner = NO_INDEX;
		c->steps[i].st = &m->steps[i];
		schema_map(s, v->kids[i], step_keys, &c->steps[i], "a step",
		    NULL);
	}
}

static void
top_format(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)obj;
	schema_version(s, v, k->str);
}

static void
top_id(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	((struct model_ctx *)obj)->m->id = read_id(s, v, "model");
}

static void
top_title(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	((struct model_ctx *)obj)->m->title = schema_text(s, v, "title");
}

static void
top_about(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	((struct model_ctx *)obj)->m->about = schema_text(s, v, "about");
}

static void
top_extends(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	if (read_id(s, v, "model") != NULL)
		((struct model_ctx *)obj)->extends = v;
}

static void
top_omit(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct model_ctx *c = obj;

	(void)k;
	schema_list(s, v, "omit", &c->omit, &c->nomit);
	c->omit_node = v;
}

static const struct keydef model_keys[] = {
	{ "sams-model", top_format, 1 },
	{ "id", top_id, 1 },
	{ "title", top_title, 1 },
	{ "about", top_about, 0 },
	{ "extends", top_extends, 0 },
	{ "omit", top_omit, 0 },
	{ "roles", top_roles, 0 },
	{ "phases", top_phases, 0 },
	{ "steps", top_steps, 1 },
	{ NULL, NULL, 0 }
};

/* Linking: references by id, duplicates and cycles. */

#define CHECK_DUPLICATES(s, arr, n, what) do {				\
	size_t i_, j_;							\
	for (i_ = 0; i_ < (n); i_++)					\
		for (j_ = 0; (arr)[i_].id != NULL && j_ < i_; j_++)	\
			if ((arr)[j_].id != NULL &&			\
			    strcmp((arr)[i_].id, (arr)[j_].id) == 0) {	\
				(s)->errors++;				\
				error_at((s)->file, (arr)[i_].line,	\
				    (arr)[i_].col, "duplicate " what	\
				    " id '%s' (first at line %zu)",	\
				    (arr)[i_].id, (arr)[j_].line);	\
				break;					\
			}						\
} while (0)

static void
link_step(struct schema *s, struct model *m, struct step_ctx *c)
{
	struct step *st = c->st;
	size_t i;

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

static void
link_model(struct schema *s, struct model_ctx *c)
{
	struct model *m = c->m;
	struct step_ctx **own;
	size_t i;

	CHECK_DUPLICATES(s, m->roles, m->nroles, "role");
	CHECK_DUPLICATES(s, m->phases, m->nphases, "phase");
	CHECK_DUPLICATES(s, m->steps, m->nsteps, "step");
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

static void lock_cache(void);
static void unlock_cache(void);

/*
 * The models being loaded, each waiting for the model it extends, so that
 * one that comes back extends itself: reported, never an endless
 * recursion.  Guarded by the cache lock, which loading holds throughout.
 */
#define MODEL_MAX_EXTENDS	8

static struct extending {
	const char	*id;		/* NULL: .sams/local.yml, or no id */
	const char	*file;
	size_t		 line, col;	/* of its 'extends' */
	int		 in_cycle;	/* the cycle is reported */
} chain[MODEL_MAX_EXTENDS];
static size_t nchain;

/* Reports the cycle from chain[k] back to it: "a -> b -> a". */
static void
report_cycle(struct schema *s, size_t k)
{
	char ids[MODEL_MAX_EXTENDS * 48];
	size_t i, used = 0;

	for (i = k; i < nchain; i++) {
		used += (size_t)snprintf(ids + used, sizeof(ids) - used,
		    "%s -> ", chain[i].id);
		chain[i].in_cycle = 1;
	}
	snprintf(ids + used, sizeof(ids) - used, "%s", chain[k].id);
	s->errors++;
	error_at(chain[k].file, chain[k].line, chain[k].col, "model '%s' "
	    "extends itself: %s", chain[k].id, ids);
}

/*
 * Gets the model id that the model being read extends into *base, or
 * returns -1 after reporting why it cannot.
 */
static int
get_base(struct schema *s, struct model_ctx *c, const char *id,
    const struct ynode *at, const struct model **base)
{
	struct extending *me;
	size_t k;
	int rc = -1;

	lock_cache();
	if (nchain == MODEL_MAX_EXTENDS) {
		schema_error(s, at, "models extend each other more than %d "
		    "deep", MODEL_MAX_EXTENDS);
		goto out;
	}
	me = &chain[nchain++];
	me->id = c->local_base == NULL ? c->m->id : NULL;
	me->file = s->file;
	me->line = at != NULL ? at->line : 0;
	me->col = at != NULL ? at->col : 0;
	me->in_cycle = 0;
	for (k = 0; k < nchain; k++)
		if (chain[k].id != NULL && strcmp(chain[k].id, id) == 0)
			break;
	if (k < nchain)
		report_cycle(s, k);
	else if ((rc = model_get(id, base)) == 0)
		;
	else if (me->in_cycle || rc == MODEL_UNREADABLE)
		s->errors++;	/* reported once, at the model it began with */
	else if (rc == -3)
		schema_error(s, at, "cannot extend model '%s': it is being "
		    "loaded, so these models extend each other", id);
	else
		schema_error(s, at, "cannot extend model '%s': no such model, "
		    "or it is broken", id);
	nchain--;
	if (rc != 0)
		rc = -1;
out:
	unlock_cache();
	return rc;
}

/*
 * "extends: sams": the base's roles, phases and steps, then the file's.
 * Returns -1 if there is no base: nothing else can be checked against it.
 */
static int
extend(struct schema *s, struct model_ctx *c, const char *id,
    const struct ynode *at)
{
	const struct model *base;
	struct model *m = c->m;
	size_t i;

	if (get_base(s, c, id, at, &base) != 0)
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
	merge_roles(s, m, base);
	merge_steps(s, c, base);
	return 0;
}

/*
 * Starts loading: a model that owns text, its context and schema, and the
 * parsed tree.  A tree with duplicate keys or bad values is still checked.
 */
static struct model *
begin_load(char *text, size_t len, const char *name, struct model_ctx *c,
    struct schema *s)
{
	struct model *m;

	m = xcalloc(1, sizeof(*m));
	m->text = text;
	m->name = xstrdup(name);
	memset(c, 0, sizeof(*c));
	c->m = m;
	s->file = m->name;
	s->arena = &m->doc.arena;
	s->errors = 0;
	if (ydoc_parse(&m->doc, m->name, text, len) == -1)
		s->errors++;
	return m;
}

/* Finishes loading: the model, or NULL after freeing it on errors. */
static struct model *
end_load(struct model *m, const struct schema *s)
{
	if (s->errors > 0) {
		model_free(m);
		return NULL;
	}
	index_steps(m);
	return m;
}

struct model *
model_load(char *text, size_t len, const char *name)
{
	struct model_ctx c;
	struct model *m;
	struct schema s;
	int linkable = 1;

	m = begin_load(text, len, name, &c, &s);
	if (m->doc.root == NULL && s.errors == 0)
		schema_error(&s, NULL, "empty model file");
	else if (m->doc.root != NULL) {
		schema_map(&s, m->doc.root, model_keys, &c, "the model",
		    NULL);
		if (c.extends != NULL)
			linkable = extend(&s, &c, c.extends->str,
			    c.extends) == 0;
		else if (m->nroles == 0 || m->nphases == 0)
			schema_error(&s, m->doc.root, "the model needs 'roles' "
			    "and 'phases', or 'extends'");
		if (c.omit_node != NULL && c.extends == NULL)
			schema_error(&s, c.omit_node, "'omit' goes with "
			    "'extends'");
		if (linkable)
			link_model(&s, &c);
	}
	return end_load(m, &s);
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	ydoc_release(&m->doc);
	free(m->text);
	free(m->name);
	free(m);
}

/* Whether model_dir was found to be a folder: 0 not yet looked, 1 yes. */
static int model_dir_state;

void
model_set_dir(const char *dir)
{
	model_dir = dir;
	model_dir_state = 0;
}

const char *
model_get_dir(void)
{
	return model_dir;
}

struct cached_model {
	char		*id;
	struct model	*m;
	int		 rc;
};

static struct cached_model	*cache;
static size_t			 ncache;

/*
 * A model folder that is not there is told as such, once a run (not as
 * a model it lacks); returns 0 if it is a folder, or MODEL_UNREADABLE.
 * Called with the cache lock held.
 */
static int
check_model_dir(void)
{
	struct stat st;

	const char *why;

	if (model_dir_state == 0) {
		model_dir_state = 1;
		if (stat(model_dir, &st) == -1)
			why = errno == ENOENT ? "no such folder" :
			    strerror(errno);
		else if (!S_ISDIR(st.st_mode))
			why = "not a folder";
		else
			why = NULL;
		if (why != NULL) {
			model_dir_state = -1;
			error_at(model_dir, 0, 0, "the model folder (--phases, "
			    "SAMS_PHASES): %s", why);
		}
	}
	return model_dir_state == 1 ? 0 : MODEL_UNREADABLE;
}

/* Loads DIR/ID.yml from the folder set by model_set_dir(). */
static int
load_by_id(const char *id, struct model **out)
{
	struct stat st;
	char *path, *text;
	size_t len;
	int rc;

	*out = NULL;
	if (check_model_dir() != 0)
		return MODEL_UNREADABLE;
	path = xasprintf("%s/%s.yml", model_dir, id);
	/* No such model: the caller says so, without the id (it may come
	 * from a case file).  A dangling link is a model that cannot be
	 * read, and file_read() says so. */
	if (lstat(path, &st) == -1 && errno == ENOENT) {
		free(path);
		return -2;
	}
	rc = file_read(path, YAML_MAX_BYTES, &text, &len);
	if (rc == 0)
		*out = model_load(text, len, path);
	free(path);
	if (rc != 0)
		return rc == SAMS_EXIT_NOINPUT ? MODEL_UNREADABLE : -1;
	if (*out != NULL && strcmp((*out)->id, id) != 0) {
		error_at((*out)->name, 0, 0, "the file defines model '%s', "
		    "not '%.40s'", (*out)->id, id);
		model_free(*out);
		*out = NULL;
	}
	return *out == NULL ? -1 : 0;
}

/*
 * report's workers share the cache; a loaded model is read-only.  The lock
 * is recursive: loading a model that extends another loads that one too.
 */
static pthread_mutex_t cache_lock;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void
init_cache_lock(void)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&cache_lock, &attr);
	pthread_mutexattr_destroy(&attr);
}

static void
lock_cache(void)
{
	pthread_once(&cache_once, init_cache_lock);
	pthread_mutex_lock(&cache_lock);
}

static void
unlock_cache(void)
{
	pthread_mutex_unlock(&cache_lock);
}

/* A cache entry's rc while its model loads: asked for again, a cycle. */
#define LOADING		(-3)

int
model_get(const char *id, const struct model **out)
{
	const struct builtin_model *b;
	struct model *m;
	size_t i;
	int rc;

	*out = NULL;
	if (!schema_is_id(id))
		return -2;	/* never a path: "../x" opens nothing */
	if (model_dir == NULL) {
		for (b = builtin_models; b->id != NULL; b++)
			if (strcmp(b->id, id) == 0) {
				*out = b->model;
				return 0;
			}
		return -2;	/* the caller says where it was named */
	}
	pthread_once(&cache_once, init_cache_lock);
	pthread_mutex_lock(&cache_lock);
	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].id, id) == 0) {
			*out = cache[i].m;
			rc = cache[i].rc;
			pthread_mutex_unlock(&cache_lock);
			return rc;
		}
	cache = xreallocarray(cache, ncache + 1, sizeof(*cache));
	cache[ncache].id = xstrdup(id);
	cache[ncache].m = NULL;
	cache[ncache].rc = LOADING;
	ncache++;
	rc = load_by_id(id, &m);	/* may add entries: i stays valid */
	cache[i].m = m;
	cache[i].rc = rc;
	*out = m;
	pthread_mutex_unlock(&cache_lock);
	return rc;
}

void
model_cache_release(void)
{
	size_t i;

	for (i = 0; i < ncache; i++) {
		free(cache[i].id);
		model_free(cache[i].m);
	}
	free(cache);
	cache = NULL;
	ncache = 0;
}

/* .sams/local.yml: a case folder's own routines on top of a model. */

static void
local_format(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)obj;
	schema_version(s, v, k->str);
}

#define LOCAL_MAP(name, field)						\
static void								\
local_##field(struct schema *s, const struct ynode *k,		\
    const struct ynode *v, void *obj)					\
{									\
	(void)k;							\
	if (v->kind != YN_MAP)						\
		schema_error(s, v, "'%s' must be a mapping", name);	\
	else								\
		((struct model_ctx *)obj)->field = v;			\
}

LOCAL_MAP("due", due)
LOCAL_MAP("due-acute", due_acute)
LOCAL_MAP("contacts", contacts)

static const struct keydef local_keys[] = {
	{ "sams-local", local_format, 1 },
	{ "omit", top_omit, 0 },
	{ "roles", top_roles, 0 },
	{ "steps", top_steps, 0 },
	{ "due", local_due, 0 },
	{ "due-acute", local_due_acute, 0 },
	{ "contacts", local_contacts, 0 },
	{ NULL, NULL, 0 }
};

/* "due: {step: rule}" and "due-acute: {...}": the folder's own dates. */
static void
local_rules(struct schema *s, struct model *m, const struct ynode *map,
    int acute)
{
	struct step *st;
	size_t i, k;

	for (i = 0; map != NULL && i + 1 < map->nkids; i += 2) {
		k = model_step_index(m, map->kids[i]->str);
		if (k == NO_INDEX) {
			schema_error(s, map->kids[i], "unknown step '%.40s'",
			    map->kids[i]->str);
			continue;
		}
		st = &m->steps[k];
		read_rule(s, map->kids[i + 1], acute ? &st->due_acute :
		    &st->due, acute ? "due-acute" : "due");
		st->local_due = 1;
	}
}

static void
local_contacts_apply(struct schema *s, struct model *m,
    const struct ynode *map)
{
	size_t i, k;

	for (i = 0; map != NULL && i + 1 < map->nkids; i += 2) {
		k = model_role_index(m, map->kids[i]->str);
		if (k == NO_INDEX)
			schema_error(s, map->kids[i], "unknown role '%.40s'",
			    map->kids[i]->str);
		else
			m->roles[k].contact = schema_text(s, map->kids[i + 1],
			    "contacts");
	}
}

struct model *
model_load_local(char *text, size_t len, const char *name, const char *base)
{
	struct model_ctx c;
	struct model *m;
	struct schema s;

	m = begin_load(text, len, name, &c, &s);
	c.local_base = base;
	if (m->doc.root != NULL) {
		schema_map(&s, m->doc.root, local_keys, &c, "local.yml", NULL);
		if (extend(&s, &c, base, m->doc.root) == 0) {
			link_model(&s, &c);
			local_rules(&s, m, c.due, 0);
			local_rules(&s, m, c.due_acute, 1);
			local_contacts_apply(&s, m, c.contacts);
		}
	} else if (s.errors == 0)
		extend(&s, &c, base, NULL);
	return end_load(m, &s);
}

int
model_get_in(const char *id, const char *folder, const struct model **out)
{
	struct model *m = NULL;
	char *path, *key, *text;
	size_t i, len;
	int rc;

	/* No such base model: say so, not that local.yml cannot extend it. */
	if (folder == NULL || (rc = model_get(id, out)) != 0)
		return folder == NULL ? model_get(id, out) : rc;
	path = strcmp(folder, ".") == 0 ? xstrdup(".sams/local.yml") :
	    xasprintf("%s/.sams/local.yml", folder);
	key = xasprintf("%s\n%s", path, id);
	pthread_once(&cache_once, init_cache_lock);
	pthread_mutex_lock(&cache_lock);
	if (model_dir != NULL && check_model_dir() != 0) {
		pthread_mutex_unlock(&cache_lock);
		free(key);
		free(path);
		return MODEL_UNREADABLE;
	}
	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].id, key) == 0)
			break;
	if (i == ncache) {
		/* Read once a folder, trusted or not; 1: it has none. */
		rc = folder_read(folder, "local.yml", &text, &len);
		if (rc == 0 && text != NULL)
			m = model_load_local(text, len, path, id);
		cache = xreallocarray(cache, ncache + 1, sizeof(*cache));
		cache[ncache].id = key;
		cache[ncache].m = m;
		cache[ncache].rc = rc == SAMS_EXIT_NOPERM ? -3 : rc != 0 ? -1 :
		    text == NULL ? 1 : m != NULL ? 0 : -1;
		ncache++;
		key = NULL;
	}
	*out = cache[i].m;
	rc = cache[i].rc;
	pthread_mutex_unlock(&cache_lock);
	free(key);
	free(path);
	return rc == 1 ? model_get(id, out) : rc;
}
