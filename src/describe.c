/* Describing the model's phases, steps and roles for people. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "colour.h"
#include "diag.h"
#include "duerule.h"
#include "folder.h"
#include "i18n.h"
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
	char cut[TEXT_CUT_SIZE];
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
		error_msg("no model '%s'; see --model in sams(1)", text_cut(id,
		    strlen(id), cut));
		suggest_model_id(id);
		return SAMS_EXIT_USAGE;
	}
	return 0;
}

/* Where the values start after the labels of sams show. */
#define SHOW_COLUMN	12

/* Writes what sb holds wrapped from column col, and empties it. */
static void
wrap_words(FILE *fp, struct strbuf *sb, size_t col)
{
	layout_wrap(fp, sb->buf, col, SHOW_COLUMN);
	strbuf_release(sb);
}

/* "Owner:     ": a label of sams show, padded to SHOW_COLUMN. */
static void
label(FILE *fp, const char *text)
{
	layout_pad(fp, text, SHOW_COLUMN);
}

static void
list_field(FILE *fp, const char *name, const char **items, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		layout_pad(fp, k == 0 ? name : "", SHOW_COLUMN);
		fputs("- ", fp);
		layout_wrap(fp, items[k], SHOW_COLUMN + 2, SHOW_COLUMN + 2);
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
	/* TRANSLATORS: the labels of sams show fit 11 columns. */
	label(fp, _("Owner:"));
	role_words(sb, &m->roles[s->owner]);
	if (s->fallback != NO_INDEX) {
		strbuf_addstr(sb, "; ");
		/* TRANSLATORS: the role that owns a step when the owner's
		   role has no contact in the case. */
		strbuf_addstr(sb, _("without a named contact:"));
		strbuf_addch(sb, ' ');
		role_words(sb, &m->roles[s->fallback]);
	}
	wrap_words(fp, sb, SHOW_COLUMN);
}

/* The warnings a step names: each one's text, and when it applies. */
static void
warnings_field(FILE *fp, struct strbuf *sb, const struct model *m,
    const struct step *s)
{
	struct strbuf when = STRBUF_INIT;
	const struct warning *w;
	size_t k, i, n = 0;

	for (k = 0; k < s->nwarn; k++) {
		i = model_warning_index(m, s->warn[k]);
		if (i == NO_INDEX)	/* the linker refuses it; be safe */
			continue;
		w = &m->warnings[i];
		layout_pad(fp, n++ == 0 ? _("Warning:") : "", SHOW_COLUMN);
		fputs("- ", fp);
		layout_wrap(fp, w->text, SHOW_COLUMN + 2, SHOW_COLUMN + 2);
		if (w->nwhen == 0)
			continue;
		words_when_tr(&when, w->when, w->nwhen);
		/* TRANSLATORS: the conditions under which a warning holds. */
		strbuf_addf(sb, _("(applies %s)"), when.buf);
		strbuf_release(&when);
		fprintf(fp, "%*s", SHOW_COLUMN + 2, "");
		layout_wrap(fp, sb->buf, SHOW_COLUMN + 2, SHOW_COLUMN + 2);
		strbuf_release(sb);
	}
}

static void
rule_field(FILE *fp, struct strbuf *sb, const char *name, int local,
    const struct due_rule *rule)
{
	if (rule->base == NULL)
		return;
	label(fp, name);
	if (local) {
		strbuf_addstr(sb, _("(local rule)"));
		strbuf_addch(sb, ' ');
	}
	words_rule_tr(sb, rule);
	wrap_words(fp, sb, SHOW_COLUMN);
}

void
describe_step(FILE *fp, const struct model *m, const struct step *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t k;

	fputs(colour_start(fp, COLOUR_HEADING), fp);
	text_put(fp, s->id);
	fputs(": ", fp);
	text_put(fp, s->title);
	fprintf(fp, "%s\n", colour_end(fp));
	label(fp, _("Phase:"));
	text_put(fp, m->phases[s->phase].title);
	fputc('\n', fp);
	owner_field(fp, &sb, m, s);
	label(fp, _("Why:"));
	layout_wrap(fp, s->why, SHOW_COLUMN, SHOW_COLUMN);
	list_field(fp, _("What to do:"), s->what, s->nwhat);
	/* TRANSLATORS: the provisions of law behind a step. */
	list_field(fp, _("Law:"), s->law, s->nlaw);
	if (s->nwhen > 0) {
		/* TRANSLATORS: the conditions under which a step applies. */
		label(fp, _("Applies:"));
		words_when_tr(&sb, s->when, s->nwhen);
		wrap_words(fp, &sb, SHOW_COLUMN);
	}
	warnings_field(fp, &sb, m, s);
	for (k = 0; k < s->nafter; k++) {
		if (k == 0)
			/* TRANSLATORS: the steps this one waits for. */
			label(fp, _("Waits for:"));
		else
			fputs(", ", fp);
		text_put(fp, s->after_ids[k]);
		fputs(k + 1 == s->nafter ? "\n" : "", fp);
	}
	rule_field(fp, &sb, _("Due:"), s->local_due, &s->due);
	/* TRANSLATORS: the due date when the placement was acute. */
	rule_field(fp, &sb, _("If acute:"), s->local_due, &s->due_acute);
	if (s->recurs.base != NULL) {
		label(fp, _("Recurs:"));
		words_period_tr(&sb, &s->recurs);
		wrap_words(fp, &sb, SHOW_COLUMN);
	}
	/* TRANSLATORS: where a step comes from: law, SAMS, local... */
	label(fp, _("Source:"));
	strbuf_addstr(&sb, words_source_tr(s->source));
	if (s->source_note != NULL) {
		strbuf_addstr(&sb, " \xe2\x80\x93 ");
		strbuf_addstr(&sb, s->source_note);
	}
	wrap_words(fp, &sb, SHOW_COLUMN);
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
		if (strcmp(s->source, "local") == 0)
			/* TRANSLATORS: a step a local routine added. */
			fprintf(fp, " %s", _("(local)"));
		else if (s->local_due)
			/* TRANSLATORS: a step whose due date a local routine
			   changed. */
			fprintf(fp, " %s", _("(local due date)"));
		fputc('\n', fp);
	}
}
