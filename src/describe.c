/* Describing the model's phases, steps and roles for people. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "duerule.h"
#include "folder.h"
#include "layout.h"
#include "modelset.h"
#include "describe.h"
#include "sams.h"
#include "suggest.h"
#include "strbuf.h"
#include "text.h"
#include "words.h"

struct describe_opts {
	const char		*id;
	enum cli_format		*format;
};

static enum cli_parsed
model_option(int opt, char *arg, void *ctx)
{
	struct describe_opts *o = ctx;

	if (opt == OPT_FORMAT)
		return cli_format(arg, o->format);
	o->id = arg;	/* OPT_MODEL */
	return CLI_GO;
}

int
describe_options(int argc, char *argv[], const char *usage,
    const struct model **m, enum cli_format *format)
{
	static const int options[] = { OPT_MODEL, OPT_FORMAT, 0 };
	struct describe_opts o = { NULL, format };
	enum cli_parsed parsed;
	const char *id;
	int asked;

	*m = NULL;
	*format = FORMAT_TEXT;
	parsed = cli_parse(argc, argv, usage, options, model_option, &o);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	id = o.id;
	asked = id != NULL;
	if (!asked)
		id = "sams";
	/* The last kind, not the worst: see create() in cmd_new.c. */
	if (model_get_in(id, folder_find("./-"), m) != 0)
		return cli_failed();
	if (*m == NULL && !asked) {	/* the folder lacks the model cases use */
		error_at(model_get_dir(), 0, 0, "the model folder (--phases, "
		    "SAMS_PHASES) has no model '%s'", id);
		return SAMS_EXIT_DATAERR;
	}
	if (*m == NULL) {
		error_msg("no model '%.40s'; see --model in sams(1)", id);
		suggest_model_id(id);
		return SAMS_EXIT_USAGE;
	}
	return 0;
}

/* Writes what sb holds wrapped from column col, and empties it. */
static void
wrap_words(FILE *fp, struct strbuf *sb, size_t col)
{
	layout_wrap(fp, sb->buf, col, 12);
	strbuf_release(sb);
}

static void
list_field(FILE *fp, const char *label, const char **items, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		layout_pad(fp, k == 0 ? label : "", 12);
		fputs("- ", fp);
		layout_wrap(fp, items[k], 14, 14);
	}
}

/* "Rektor (rektor)": a role as people read it and the id they type. */
static void
role_words(struct strbuf *sb, const struct role *r)
{
	strbuf_addf(sb, "%s (%s)", r->title, r->id);
}

static void
owner_field(FILE *fp, struct strbuf *sb, const struct model *m,
    const struct step *s)
{
	fputs("Ansvarig:   ", fp);
	role_words(sb, &m->roles[s->owner]);
	if (s->fallback != NO_INDEX) {
		strbuf_addstr(sb, "; utan namngiven kontakt: ");
		role_words(sb, &m->roles[s->fallback]);
	}
	wrap_words(fp, sb, 12);
}

/* The warnings a step names: each one's text, and when it applies. */
static void
warnings_field(FILE *fp, struct strbuf *sb, const struct model *m,
    const struct step *s)
{
	const struct warning *w;
	size_t k, i, n = 0;

	for (k = 0; k < s->nwarn; k++) {
		i = model_warning_index(m, s->warn[k]);
		if (i == NO_INDEX)	/* the linker refuses it; be safe */
			continue;
		w = &m->warnings[i];
		layout_pad(fp, n++ == 0 ? "Varning:" : "", 12);
		fputs("- ", fp);
		layout_wrap(fp, w->text, 14, 14);
		if (w->nwhen == 0)
			continue;
		strbuf_addstr(sb, "(gäller ");
		words_when(sb, w->when, w->nwhen);
		strbuf_addch(sb, ')');
		fputs("              ", fp);
		layout_wrap(fp, sb->buf, 14, 14);
		strbuf_release(sb);
	}
}

static void
rule_field(FILE *fp, struct strbuf *sb, const char *label, int local,
    const struct due_rule *rule)
{
	if (rule->base == NULL)
		return;
	fputs(label, fp);
	if (local)
		strbuf_addstr(sb, "(lokal regel) ");
	words_rule(sb, rule);
	wrap_words(fp, sb, 12);
}

void
describe_step(FILE *fp, const struct model *m, const struct step *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t k;

	text_put(fp, s->id);
	fputs(": ", fp);
	text_put(fp, s->title);
	fputs("\nFas:        ", fp);
	text_put(fp, m->phases[s->phase].title);
	fputc('\n', fp);
	owner_field(fp, &sb, m, s);
	fputs("Varför:     ", fp);
	layout_wrap(fp, s->why, 12, 12);
	list_field(fp, "Gör så här:", s->what, s->nwhat);
	list_field(fp, "Lagrum:", s->law, s->nlaw);
	if (s->nwhen > 0) {
		fputs("Gäller:     ", fp);
		words_when(&sb, s->when, s->nwhen);
		wrap_words(fp, &sb, 12);
	}
	warnings_field(fp, &sb, m, s);
	for (k = 0; k < s->nafter; k++) {
		fputs(k == 0 ? "Väntar på:  " : ", ", fp);
		text_put(fp, s->after_ids[k]);
		fputs(k + 1 == s->nafter ? "\n" : "", fp);
	}
	rule_field(fp, &sb, "Senast:     ", s->local_due, &s->due);
	rule_field(fp, &sb, "Om akut:    ", s->local_due, &s->due_acute);
	if (s->recurs.base != NULL) {
		fputs("Återkommer: ", fp);
		words_period(&sb, &s->recurs);
		wrap_words(fp, &sb, 12);
	}
	fputs("Källa:      ", fp);
	strbuf_addstr(&sb, words_source(s->source));
	if (s->source_note != NULL) {
		strbuf_addstr(&sb, " \xe2\x80\x93 ");
		strbuf_addstr(&sb, s->source_note);
	}
	wrap_words(fp, &sb, 12);
	strbuf_release(&sb);
}

void
describe_steps(FILE *fp, const struct model *m, size_t phase,
    const char *role)
{
	const struct step *s;
	size_t i, idw = 0, rw = 0;

	for (i = 0; i < m->nsteps; i++) {
		if (text_width(m->steps[i].id) > idw)
			idw = text_width(m->steps[i].id);
		if (text_width(m->roles[m->steps[i].owner].title) > rw)
			rw = text_width(m->roles[m->steps[i].owner].title);
	}
	for (i = 0; i < m->nsteps; i++) {
		s = &m->steps[i];
		if (s->phase != phase || (role != NULL &&
		    strcmp(m->roles[s->owner].id, role) != 0))
			continue;
		fputs("  ", fp);
		layout_pad(fp, s->id, idw + 2);
		if (role == NULL)
			layout_pad(fp, m->roles[s->owner].title, rw + 2);
		text_put(fp, s->title);
		fprintf(fp, "%s\n", strcmp(s->source, "local") ?
		    (s->local_due ? " (lokal tidsgräns)" : "") : " (lokal)");
	}
}
