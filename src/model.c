/*
 * Reading one model file, or a case folder's .sams/local.yml, against the
 * schema of sams-phases(5); modellink.c links what it read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "facts.h"
#include "hash.h"
#include "i18n.h"
#include "modellink.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Lookups. */

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
		k = hash_str(m->steps[i].id) & (m->nslots - 1);
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
		k = hash_str(id) & (m->nslots - 1);
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

size_t
model_warning_index(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nwarnings; i++)
		if (m->warnings[i].id != NULL &&
		    strcmp(m->warnings[i].id, id) == 0)
			return i;
	return NO_INDEX;
}

/* Key handlers shared by roles, phases and steps. */

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


static const char *
read_id(struct schema *s, const struct ynode *v, const char *what)
{
	const char *id;

	id = schema_text(s, v, "id");
	if (id != NULL && !schema_is_id(id)) {
		/* A sentence each: languages decline words by the noun. */
		schema_error(s, v, strcmp(what, "role") == 0 ?
		    N_("role id '%.40s' must be lowercase letters, digits and "
		    "'-'") : strcmp(what, "phase") == 0 ?
		    N_("phase id '%.40s' must be lowercase letters, digits and "
		    "'-'") : strcmp(what, "step") == 0 ?
		    N_("step id '%.40s' must be lowercase letters, digits and "
		    "'-'") : strcmp(what, "warning") == 0 ?
		    N_("warning id '%.40s' must be lowercase letters, digits "
		    "and '-'") :
		    N_("model id '%.40s' must be lowercase letters, digits and "
		    "'-'"), id);
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

/*
 * An id of a role, phase, step, warning or model: what ("role") names it
 * in messages.
 */
#define ID_KEY(fn, type, field, what)					\
static void								\
fn(struct schema *s, const struct ynode *k, const struct ynode *v,	\
    void *obj)								\
{									\
	(void)k;							\
	((type *)obj)->field = read_id(s, v, what);			\
}

#define RULE_KEY(fn, type, field)					\
static void								\
fn(struct schema *s, const struct ynode *k, const struct ynode *v,	\
    void *obj)								\
{									\
	read_rule(s, v, &((type *)obj)->field, k->str);			\
}

ID_KEY(role_id, struct role, id, "role")
SCHEMA_TEXT_KEY(role_title, struct role, title)
SCHEMA_TEXT_KEY(role_about, struct role, about)
ID_KEY(phase_id, struct phase, id, "phase")
SCHEMA_TEXT_KEY(phase_title, struct phase, title)
SCHEMA_TEXT_KEY(phase_about, struct phase, about)
RULE_KEY(phase_starts, struct phase, starts)
RULE_KEY(phase_ends, struct phase, ends)

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

ID_KEY(step_id, struct step_ctx, st->id, "step")
SCHEMA_TEXT_KEY(step_title, struct step_ctx, st->title)
SCHEMA_TEXT_KEY(step_why, struct step_ctx, st->why)
SCHEMA_TEXT_KEY(step_source_note, struct step_ctx, st->source_note)
SCHEMA_LIST_KEY(step_what, struct step_ctx, st->what, st->nwhat)
SCHEMA_LIST_KEY(step_law, struct step_ctx, st->law, st->nlaw)
RULE_KEY(step_due, struct step_ctx, st->due)
RULE_KEY(step_due_acute, struct step_ctx, st->due_acute)

static const char *const sources[] = {
	"sams", "sisam", "law", "project", "local", NULL
};

/* A name linked afterwards: its node, for the position of messages. */
#define NAME_KEY(fn, field)						\
static void								\
fn(struct schema *s, const struct ynode *k, const struct ynode *v,	\
    void *obj)								\
{									\
	if (schema_text(s, v, k->str) != NULL)				\
		((struct step_ctx *)obj)->field = v;			\
}

NAME_KEY(step_phase, phase)
NAME_KEY(step_owner, owner)

static void
step_after(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step_ctx *c = obj;

	(void)k;
	schema_list(s, v, "after", &c->st->after_ids, &c->st->nafter);
	c->after = v;
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
	struct strbuf list = STRBUF_INIT;
	const char *text;
	size_t i;

	(void)k;
	text = schema_text(s, v, "source");
	if (text == NULL)
		return;
	for (i = 0; sources[i] != NULL; i++)
		if (strcmp(sources[i], text) == 0)
			break;
	if (sources[i] == NULL) {
		text_list(&list, sources, TEXT_LIST_ALL, N_("or"));
		schema_error(s, v, "unknown source '%.40s' (use %s)", text,
		    list.buf);
		strbuf_release(&list);
	}
	((struct step_ctx *)obj)->st->source = text;
}

/* Reads one "fact: value" or "fact: [values]" condition. */
static void
read_condition(struct schema *s, const struct ynode *k,
    const struct ynode *v, struct condition *c)
{
	const struct fact_def *def;
	struct strbuf list = STRBUF_INIT;
	const char *why;
	size_t i;

	c->fact = k->str;
	def = fact_lookup(k->str);
	if (def == NULL || !def->condition) {
		fact_conditions_text(&list);
		schema_error(s, k, "unknown condition '%.40s' (use %s)",
		    k->str, list.buf);
		strbuf_release(&list);
		return;
	}
	schema_list(s, v, k->str, &c->values, &c->nvalues);
	if (c->nvalues == 0 && v->kind == YN_SEQ)
		schema_error(s, v, "condition '%s' has no values", k->str);
	for (i = 0; i < c->nvalues; i++)
		if (fact_check(def, c->values[i], &why) == -1)
			schema_error(s, v, "condition '%s': value '%.40s' is "
			    "%s", k->str, c->values[i], why);
}

/*
 * "when": one mapping of conditions, all of which must hold, or a list of
 * such mappings, any of which will do.
 */
static void
read_when(struct schema *s, const struct ynode *v, struct condition **when,
    size_t *nwhen)
{
	const struct ynode *map;
	size_t g, i, n = 0, groups = v->kind == YN_SEQ ? v->nkids : 1;

	if (v->kind == YN_SEQ && v->nkids == 0) {
		schema_error(s, v, "'when' must not be an empty list");
		return;
	}
	for (g = 0; g < groups; g++) {
		map = v->kind == YN_SEQ ? v->kids[g] : v;
		if (map->kind != YN_MAP) {
			schema_error(s, map, "'when' must be a mapping of "
			    "conditions, or a list of them");
			return;
		}
		if (ymap_len(map) == 0) {	/* would hold for every case */
			schema_error(s, map, "'when' has an empty mapping: "
			    "leave 'when' out for a step that always applies");
			return;
		}
		n += ymap_len(map);
	}
	*when = arena_alloc(s->arena, (n + 1) * sizeof(**when));
	*nwhen = 0;
	for (g = 0; g < groups; g++) {
		map = v->kind == YN_SEQ ? v->kids[g] : v;
		for (i = 0; i + 1 < map->nkids; i += 2) {
			(*when)[*nwhen].group = g;
			read_condition(s, map->kids[i], map->kids[i + 1],
			    &(*when)[(*nwhen)++]);
		}
	}
}

static void
step_when(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step *st = ((struct step_ctx *)obj)->st;

	(void)k;
	read_when(s, v, &st->when, &st->nwhen);
}

static void
step_warn(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step_ctx *c = obj;

	(void)k;
	schema_list(s, v, "warn", &c->st->warn, &c->st->nwarn);
	c->warn = v;
}
NAME_KEY(step_fallback, fallback)

/* Forms: what sams form leaves blank, and who signs. */

#define FORM_MAX_FIELDS		40
#define FORM_MAX_SIGNERS	10

/* A form's title or a field's label: text that shows, not just spaces. */
static const char *
form_text(struct schema *s, const struct ynode *v, const char *field)
{
	const char *text = schema_text(s, v, field);

	if (text != NULL && text[strspn(text, " \t")] == '\0') {
		schema_error(s, v, "'%s' must be a non-empty text", field);
		return NULL;
	}
	return text;
}

static void
field_label(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	((struct form_field *)obj)->label = form_text(s, v, k->str);
}

static void
field_lines(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	const char *text = schema_text(s, v, "lines");
	char *end;
	long n;

	(void)k;
	if (text == NULL)
		return;
	n = strtol(text, &end, 10);
	if (*end != '\0' || n < 1 || n > FORM_MAX_LINES)
		schema_error(s, v, "'lines' must be a number from 1 to %d",
		    FORM_MAX_LINES);
	else
		((struct form_field *)obj)->lines = (int)n;
}

static const struct keydef field_keys[] = {
	{ "label", field_label, 1 },
	{ "lines", field_lines, 0 },
	{ NULL, NULL, 0 }
};

/* A field is its label, or a mapping of label and lines. */
static void
form_fields(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct form *f = obj;
	struct form_field *fields;
	size_t i;

	(void)k;
	if (check_seq(s, v, "fields", FORM_MAX_FIELDS) == -1)
		return;
	fields = arena_alloc(s->arena, (v->nkids + 1) * sizeof(*fields));
	for (i = 0; i < v->nkids; i++) {
		fields[i].lines = 3;
		if (v->kids[i]->kind == YN_MAP)
			schema_map(s, v->kids[i], field_keys, &fields[i],
			    N_("a form field"), NULL);
		else if (v->kids[i]->kind == YN_SCALAR)
			fields[i].label = form_text(s, v->kids[i], "label");
		else
			schema_error(s, v->kids[i], "a form field must be a "
			    "label, or a mapping of label and lines");
	}
	f->fields = fields;
	f->nfields = v->nkids;
}

static void
form_title(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	((struct form *)obj)->title = form_text(s, v, k->str);
}

SCHEMA_TEXT_KEY(form_about, struct form, about)

static void
form_signed_by(struct schema *s, const struct ynode *k,
    const struct ynode *v, void *obj)
{
	struct form *f = obj;

	(void)k;
	schema_list(s, v, "signed-by", &f->signed_by, &f->nsigned);
	if (f->nsigned > FORM_MAX_SIGNERS) {
		schema_error(s, v, "'signed-by' has more than %d roles",
		    FORM_MAX_SIGNERS);
		f->nsigned = 0;
	}
}

static const struct keydef form_keys[] = {
	{ "title", form_title, 1 },
	{ "about", form_about, 0 },
	{ "fields", form_fields, 0 },
	{ "signed-by", form_signed_by, 0 },
	{ NULL, NULL, 0 }
};

/* Reads a form; its roles are checked once the model's roles are known. */
static const struct form *
read_form(struct schema *s, const struct ynode *v)
{
	struct form *f;

	f = arena_alloc(s->arena, sizeof(*f));
	memset(f, 0, sizeof(*f));
	f->line = v->line;
	f->col = v->col;
	schema_map(s, v, form_keys, f, N_("a form"), NULL);
	return f;
}

static void
step_form(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct step_ctx *c = obj;

	(void)k;
	c->st->form = read_form(s, v);
	c->form = v;
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
	{ "warn", step_warn, 0 },
	{ "fallback-owner", step_fallback, 0 },
	{ "after", step_after, 0 },
	{ "due", step_due, 0 },
	{ "due-acute", step_due_acute, 0 },
	{ "recurs", step_recurs, 0 },
	{ "source", step_source, 1 },
	{ "source-note", step_source_note, 0 },
	{ "form", step_form, 0 },
	{ NULL, NULL, 0 }
};

/* The top level. */

/*
 * Far more than any model needs, and few enough that linking and merging,
 * which compare steps with steps, stay quick on a hostile file.
 */
#define MODEL_MAX_ROLES		100
#define MODEL_MAX_PHASES	50
#define MODEL_MAX_STEPS		1000
#define MODEL_MAX_WARNINGS	100

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
		schema_map(s, v->kids[i], role_keys, &m->roles[i], N_("a role"),
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
		    N_("a phase"), NULL);
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
		m->steps[i].fallback = NO_INDEX;
		c->steps[i].st = &m->steps[i];
		schema_map(s, v->kids[i], step_keys, &c->steps[i], N_("a step"),
		    NULL);
	}
}

ID_KEY(warning_id, struct warning, id, "warning")
SCHEMA_TEXT_KEY(warning_text, struct warning, text)

static void
warning_when(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct warning *w = obj;

	(void)k;
	read_when(s, v, &w->when, &w->nwhen);
}

static const struct keydef warning_keys[] = {
	{ "id", warning_id, 1 },
	{ "text", warning_text, 1 },
	{ "when", warning_when, 0 },
	{ NULL, NULL, 0 }
};

static void
top_warnings(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct model *m = ((struct model_ctx *)obj)->m;
	size_t i;

	(void)k;
	if (check_seq(s, v, "warnings", MODEL_MAX_WARNINGS) == -1)
		return;
	m->warnings = arena_alloc(s->arena, v->nkids * sizeof(*m->warnings));
	m->nwarnings = v->nkids;
	for (i = 0; i < v->nkids; i++) {
		m->warnings[i].line = v->kids[i]->line;
		m->warnings[i].col = v->kids[i]->col;
		schema_map(s, v->kids[i], warning_keys, &m->warnings[i],
		    N_("a warning"), NULL);
	}
}

ID_KEY(top_id, struct model_ctx, m->id, "model")
SCHEMA_TEXT_KEY(top_title, struct model_ctx, m->title)
SCHEMA_TEXT_KEY(top_about, struct model_ctx, m->about)

/*
 * "version: 2026-11": which edition of the model this is, for --version
 * and doctor.  A short word of its own characters, so that it prints as
 * it stands anywhere.
 */
static void
top_version(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)k;
	if (v->kind != YN_SCALAR || ynode_is_null(v) || *v->str == '\0' ||
	    strlen(v->str) > 32 ||
	    strspn(v->str, "0123456789abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ.-+_") != strlen(v->str)) {
		schema_error(s, v, "'version' must be a word of at most 32 "
		    "letters, digits, '.', '-', '+' and '_', such as 2026-12");
		return;
	}
	((struct model_ctx *)obj)->m->version = v->str;
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
LOCAL_MAP("forms", forms)

static void
top_school_start(struct schema *s, const struct ynode *k,
    const struct ynode *v, void *obj)
{
	struct model_ctx *c = obj;

	(void)k;
	if ((c->m->school_start = read_id(s, v, "step")) != NULL)
		c->school_start = v;
}

/*
 * The school start step names one of the model's steps.  One inherited
 * from the base goes with the step when the model omits it (SiSam omits
 * up-skolstart and names its own).
 */
static void
check_school_start(struct schema *s, const struct model_ctx *c)
{
	struct model *m = c->m;

	if (m->school_start == NULL ||
	    model_step_index(m, m->school_start) != NO_INDEX)
		return;
	if (c->school_start != NULL)
		schema_error(s, c->school_start, "school-start-step: unknown "
		    "step '%.40s'", m->school_start);
	m->school_start = NULL;
}

static const struct keydef model_keys[] = {
	{ "sams-model", schema_format_key, 1 },
	{ "id", top_id, 1 },
	{ "title", top_title, 1 },
	{ "about", top_about, 0 },
	{ "version", top_version, 0 },
	{ "extends", top_extends, 0 },
	{ "school-start-step", top_school_start, 0 },
	{ "omit", top_omit, 0 },
	{ "roles", top_roles, 0 },
	{ "phases", top_phases, 0 },
	{ "warnings", top_warnings, 0 },
	{ "steps", top_steps, 1 },
	{ "due", local_due, 0 },
	{ "due-acute", local_due_acute, 0 },
	{ NULL, NULL, 0 }
};

/*
 * Starts loading: a model that owns text, its context and schema, and the
 * parsed tree.  A tree with duplicate keys or bad values is still checked.
 */
static struct model *
begin_load(char *text, size_t len, const char *name, struct model_ctx *c,
    struct schema *s, model_base_fn *get_base)
{
	struct model *m;

	m = xcalloc(1, sizeof(*m));
	m->text = text;
	m->name = xstrdup(name);
	memset(c, 0, sizeof(*c));
	c->m = m;
	c->get_base = get_base;
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

/*
 * Whether a case folder's model omits step id from a model it extends, as
 * SiSam omits ip-informera: .sams/local.yml serves every model of the
 * folder, so its dates for such a step do not apply here and are no error.
 */
static int
omitted(struct schema *s, const struct model_ctx *c, const char *id)
{
	const struct model *b;
	int depth;

	if (c->get_base == NULL || c->local_base == NULL ||
	    c->get_base(s, NULL, NULL, c->local_base, &b) != 0)
		return 0;
	for (depth = 0; b->extends != NULL && depth < 8; depth++) {
		if (c->get_base(s, NULL, NULL, b->extends, &b) != 0)
			return 0;
		if (model_step_index(b, id) != NO_INDEX)
			return 1;
	}
	return 0;
}

/*
 * "due: {step: rule}" and "due-acute: {...}": dates of the base's steps set
 * by a model that extends it, or by a case folder (local).
 */
static void
local_rules(struct schema *s, const struct model_ctx *c,
    const struct ynode *map, int acute, int local)
{
	struct model *m = c->m;
	struct step *st;
	size_t i, k;

	for (i = 0; map != NULL && i + 1 < map->nkids; i += 2) {
		k = model_step_index(m, map->kids[i]->str);
		if (k == NO_INDEX && local && omitted(s, c, map->kids[i]->str))
			continue;	/* the folder's routine for other models */
		if (k == NO_INDEX) {
			schema_error(s, map->kids[i], "unknown step '%.40s'",
			    map->kids[i]->str);
			continue;
		}
		st = &m->steps[k];
		read_rule(s, map->kids[i + 1], acute ? &st->due_acute :
		    &st->due, acute ? "due-acute" : "due");
		st->local_due = local;
	}
}

struct model *
model_read(char *text, size_t len, const char *name, model_base_fn *get_base)
{
	struct model_ctx c;
	struct model *m;
	struct schema s;
	int linkable = 1;

	m = begin_load(text, len, name, &c, &s, get_base);
	if (m->doc.root == NULL && s.errors == 0)
		schema_error(&s, NULL, "empty model file");
	else if (m->doc.root != NULL) {
		schema_map(&s, m->doc.root, model_keys, &c, N_("the model"),
		    NULL);
		if (c.extends != NULL) {
			m->extends = c.extends->str;
			linkable = model_extend(&s, &c, c.extends->str,
			    c.extends) == 0;
		}
		else if (m->nroles == 0 || m->nphases == 0)
			schema_error(&s, m->doc.root, "the model needs 'roles' "
			    "and 'phases', or 'extends'");
		if (c.omit_node != NULL && c.extends == NULL)
			schema_error(&s, c.omit_node, "'omit' goes with "
			    "'extends'");
		if ((c.due != NULL || c.due_acute != NULL) &&
		    c.extends == NULL)
			schema_error(&s, c.due != NULL ? c.due : c.due_acute,
			    "'due' and 'due-acute' go with 'extends'; a "
			    "model's own steps have their own");
		if (linkable)
			model_link(&s, &c);
		if (linkable && c.extends != NULL) {
			local_rules(&s, &c, c.due, 0, 0);
			local_rules(&s, &c, c.due_acute, 1, 0);
		}
		if (linkable)
			check_school_start(&s, &c);
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

/* .sams/local.yml: a case folder's own routines on top of a model. */


static const struct keydef local_keys[] = {
	{ "sams-local", schema_format_key, 1 },
	{ "omit", top_omit, 0 },
	{ "roles", top_roles, 0 },
	{ "steps", top_steps, 0 },
	{ "due", local_due, 0 },
	{ "due-acute", local_due_acute, 0 },
	{ "contacts", local_contacts, 0 },
	{ "forms", local_forms, 0 },
	{ NULL, NULL, 0 }
};

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

/*
 * "forms: {step: form}": a case folder's own form for a step of its
 * model, new or in place of the model's.
 */
static void
local_forms_apply(struct schema *s, const struct model_ctx *c,
    const struct ynode *map)
{
	struct model *m = c->m;
	const struct ynode *id;
	size_t i, k;

	for (i = 0; map != NULL && i + 1 < map->nkids; i += 2) {
		id = map->kids[i];
		k = model_step_index(m, id->str);
		if (k == NO_INDEX && omitted(s, c, id->str))
			continue;	/* the folder's form for other models */
		if (k == NO_INDEX) {
			schema_error(s, id, "forms: unknown step '%.40s'",
			    id->str);
			continue;
		}
		m->steps[k].form = read_form(s, map->kids[i + 1]);
		link_form(s, m, m->steps[k].form, map->kids[i + 1]);
	}
}

struct model *
model_read_local(char *text, size_t len, const char *name, const char *base,
    model_base_fn *get_base)
{
	struct model_ctx c;
	struct model *m;
	struct schema s;

	m = begin_load(text, len, name, &c, &s, get_base);
	c.local_base = base;
	if (m->doc.root != NULL) {
		schema_map(&s, m->doc.root, local_keys, &c, "local.yml", NULL);
		if (model_extend(&s, &c, base, m->doc.root) == 0) {
			model_link(&s, &c);
			local_rules(&s, &c, c.due, 0, 1);
			local_rules(&s, &c, c.due_acute, 1, 1);
			local_contacts_apply(&s, m, c.contacts);
			local_forms_apply(&s, &c, c.forms);
			check_school_start(&s, &c);
		}
	} else if (s.errors == 0)
		model_extend(&s, &c, base, NULL);
	return end_load(m, &s);
}

