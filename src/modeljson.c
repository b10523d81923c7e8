/* The model as JSON: roles, phases, steps and warnings, with words. */
#include <string.h>

#include "duerule.h"
#include "facts.h"
#include "json.h"
#include "modeljson.h"
#include "strbuf.h"
#include "words.h"

/* ", \"key\": [\"a\", \"b\"]" */
static void
string_list(struct strbuf *sb, const char *key, const char *const *items,
    size_t n)
{
	size_t k;

	strbuf_addf(sb, ", \"%s\": [", key);
	for (k = 0; k < n; k++) {
		if (k > 0)
			strbuf_addstr(sb, ", ");
		json_string(sb, items[k]);
	}
	strbuf_addch(sb, ']');
}

/* A rule as the model writes it and in words, or two nulls. */
static void
rule_members(struct strbuf *sb, const char *key, const struct due_rule *r)
{
	struct strbuf words = STRBUF_INIT;
	char text[64];

	if (r->base == NULL) {
		strbuf_addf(sb, ", \"%s\": null, \"%s_text\": null", key, key);
		return;
	}
	due_rule_format(r, text, sizeof(text));
	json_member(sb, key, text);
	words_rule(&words, r);
	strbuf_addf(sb, ", \"%s_text\": ", key);
	json_string(sb, words.buf);
	strbuf_release(&words);
}

/*
 * "when": a list of groups, any of which will do, each a list of
 * {"fact", "values"} that must all hold; and "when_text" in words (null
 * when the list is empty: always).
 */
static void
when_members(struct strbuf *sb, const struct condition *when, size_t n)
{
	struct strbuf words = STRBUF_INIT;
	size_t i;

	strbuf_addstr(sb, ", \"when\": [");
	for (i = 0; i < n; i++) {
		if (i == 0)
			strbuf_addch(sb, '[');
		else if (when[i].group != when[i - 1].group)
			strbuf_addstr(sb, "], [");
		else
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, "{\"fact\": ");
		json_string(sb, when[i].fact);
		string_list(sb, "values", when[i].values, when[i].nvalues);
		strbuf_addch(sb, '}');
	}
	strbuf_addstr(sb, n > 0 ? "]]" : "]");
	words_when(&words, when, n);
	strbuf_addstr(sb, ", \"when_text\": ");
	json_string(sb, n > 0 ? words.buf : NULL);
	strbuf_release(&words);
}

static void
head(struct strbuf *sb, const struct model *m)
{
	strbuf_addstr(sb, "{\"format\": 1, \"model\": {\"id\": ");
	json_string(sb, m->id);
	json_member(sb, "title", m->title);
	json_member(sb, "about", m->about);
	json_member(sb, "version", m->version);
	strbuf_addch(sb, '}');
}

static void
flush(FILE *fp, struct strbuf *sb)
{
	strbuf_addstr(sb, "}\n");
	fwrite(sb->buf, 1, sb->len, fp);
	strbuf_release(sb);
}

/* The ids of the steps whose owner (or fallback owner) is role r. */
static void
role_steps(struct strbuf *sb, const char *key, const struct model *m,
    size_t r, int fallback)
{
	size_t i, n = 0;

	strbuf_addf(sb, ", \"%s\": [", key);
	for (i = 0; i < m->nsteps; i++)
		if ((fallback ? m->steps[i].fallback : m->steps[i].owner) ==
		    r) {
			strbuf_addstr(sb, n++ > 0 ? ", " : "");
			json_string(sb, m->steps[i].id);
		}
	strbuf_addch(sb, ']');
}

static void
role_json(struct strbuf *sb, const struct model *m, size_t r)
{
	strbuf_addstr(sb, "{\"id\": ");
	json_string(sb, m->roles[r].id);
	json_member(sb, "title", m->roles[r].title);
	json_member(sb, "about", m->roles[r].about);
	json_member(sb, "contact", m->roles[r].contact);
	role_steps(sb, "owns", m, r, 0);
	role_steps(sb, "fallback_for", m, r, 1);
	strbuf_addch(sb, '}');
}

static void
phase_json(struct strbuf *sb, const struct phase *p)
{
	const struct fact_def *def;

	strbuf_addstr(sb, "{\"id\": ");
	json_string(sb, p->id);
	json_member(sb, "title", p->title);
	json_member(sb, "about", p->about);
	rule_members(sb, "starts", &p->starts);
	json_member(sb, "opens_with", p->opens_with);
	def = p->opens_with != NULL ? fact_lookup(p->opens_with) : NULL;
	json_member(sb, "opens_with_text", def != NULL ? def->label :
	    p->opens_with);
	rule_members(sb, "ends", &p->ends);
	strbuf_addch(sb, '}');
}

/* A recurring step's period as the model writes it ("6m"), in words. */
static void
recurs_members(struct strbuf *sb, const struct due_rule *r)
{
	struct strbuf words = STRBUF_INIT;

	if (r->base == NULL) {
		strbuf_addstr(sb, ", \"recurs\": null, \"recurs_text\": null");
		return;
	}
	strbuf_addf(sb, ", \"recurs\": \"%d%c\"", r->amount, r->unit);
	words_period(&words, r);
	json_member(sb, "recurs_text", words.buf);
	strbuf_release(&words);
}

/* The step's form: null, or its title, fields and signing roles. */
static void
form_member(struct strbuf *sb, const struct form *f)
{
	size_t i;

	if (f == NULL) {
		strbuf_addstr(sb, ", \"form\": null");
		return;
	}
	strbuf_addstr(sb, ", \"form\": {\"title\": ");
	json_string(sb, f->title);
	json_member(sb, "about", f->about);
	strbuf_addstr(sb, ", \"fields\": [");
	for (i = 0; i < f->nfields; i++) {
		strbuf_addstr(sb, i > 0 ? ", {\"label\": " : "{\"label\": ");
		json_string(sb, f->fields[i].label);
		strbuf_addf(sb, ", \"lines\": %d}", f->fields[i].lines);
	}
	strbuf_addch(sb, ']');
	string_list(sb, "signed_by", f->signed_by, f->nsigned);
	strbuf_addch(sb, '}');
}

static void
step_json(struct strbuf *sb, const struct model *m, const struct step *s)
{
	strbuf_addstr(sb, "{\"id\": ");
	json_string(sb, s->id);
	json_member(sb, "title", s->title);
	json_member(sb, "phase", m->phases[s->phase].id);
	json_member(sb, "owner", m->roles[s->owner].id);
	json_member(sb, "fallback_owner", s->fallback != NO_INDEX ?
	    m->roles[s->fallback].id : NULL);
	json_member(sb, "why", s->why);
	string_list(sb, "what", s->what, s->nwhat);
	string_list(sb, "law", s->law, s->nlaw);
	when_members(sb, s->when, s->nwhen);
	string_list(sb, "warn", s->warn, s->nwarn);
	string_list(sb, "after", s->after_ids, s->nafter);
	rule_members(sb, "due", &s->due);
	rule_members(sb, "due_acute", &s->due_acute);
	recurs_members(sb, &s->recurs);
	json_member(sb, "source", s->source);
	json_member(sb, "source_text", words_source(s->source));
	json_member(sb, "source_note", s->source_note);
	form_member(sb, s->form);
	strbuf_addf(sb, ", \"local_due\": %s}", s->local_due ? "true" :
	    "false");
}

static void
warning_json(struct strbuf *sb, const struct warning *w)
{
	strbuf_addstr(sb, "{\"id\": ");
	json_string(sb, w->id);
	json_member(sb, "text", w->text);
	when_members(sb, w->when, w->nwhen);
	strbuf_addch(sb, '}');
}

/* ", \"key\": [" and the separator before item i. */
static void
open_list(struct strbuf *sb, const char *key)
{
	strbuf_addf(sb, ", \"%s\": [", key);
}

static void
item_sep(struct strbuf *sb, size_t i)
{
	if (i > 0)
		strbuf_addstr(sb, ", ");
}

void
modeljson_model(FILE *fp, const struct model *m)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	head(&sb, m);
	open_list(&sb, "roles");
	for (i = 0; i < m->nroles; i++) {
		item_sep(&sb, i);
		role_json(&sb, m, i);
	}
	strbuf_addch(&sb, ']');
	open_list(&sb, "phases");
	for (i = 0; i < m->nphases; i++) {
		item_sep(&sb, i);
		phase_json(&sb, &m->phases[i]);
	}
	strbuf_addch(&sb, ']');
	open_list(&sb, "steps");
	for (i = 0; i < m->nsteps; i++) {
		item_sep(&sb, i);
		step_json(&sb, m, &m->steps[i]);
	}
	strbuf_addch(&sb, ']');
	open_list(&sb, "warnings");
	for (i = 0; i < m->nwarnings; i++) {
		item_sep(&sb, i);
		warning_json(&sb, &m->warnings[i]);
	}
	strbuf_addch(&sb, ']');
	flush(fp, &sb);
}

void
modeljson_step(FILE *fp, const struct model *m, size_t step)
{
	const struct step *s = &m->steps[step];
	struct strbuf sb = STRBUF_INIT;
	size_t k, w, n = 0;

	head(&sb, m);
	open_list(&sb, "steps");
	step_json(&sb, m, s);
	strbuf_addch(&sb, ']');
	open_list(&sb, "warnings");
	for (k = 0; k < s->nwarn; k++) {
		if ((w = model_warning_index(m, s->warn[k])) == NO_INDEX)
			continue;
		item_sep(&sb, n++);
		warning_json(&sb, &m->warnings[w]);
	}
	strbuf_addch(&sb, ']');
	flush(fp, &sb);
}

void
modeljson_roles(FILE *fp, const struct model *m, size_t role)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, n = 0;

	head(&sb, m);
	open_list(&sb, "roles");
	for (i = 0; i < m->nroles; i++) {
		if (role != NO_INDEX && i != role)
			continue;
		item_sep(&sb, n++);
		role_json(&sb, m, i);
	}
	strbuf_addch(&sb, ']');
	flush(fp, &sb);
}
