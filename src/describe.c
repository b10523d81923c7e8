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
#include "text.h"

static enum cli_parsed
model_option(int opt, char *arg, void *ctx)
{
	(void)opt;	/* OPT_MODEL */
	*(const char **)ctx = arg;
	return CLI_GO;
}

int
describe_options(int argc, char *argv[], const char *usage,
    const struct model **m)
{
	static const int options[] = { OPT_MODEL, 0 };
	const char *id = NULL;
	enum cli_parsed parsed;
	int asked;

	*m = NULL;
	parsed = cli_parse(argc, argv, usage, options, model_option, &id);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
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

static const char *
unit_word(char unit, int n)
{
	if (unit == 'm')
		return n == 1 ? "månad" : "månader";
	if (unit == 'w')
		return n == 1 ? "vecka" : "veckor";
	return n == 1 ? "dag" : "dagar";
}

void
describe_period(FILE *fp, const struct due_rule *rule)
{
	fprintf(fp, "%d %s efter att det senast gjordes, så länge "
	    "placeringen pågår\n", rule->amount, unit_word(rule->unit,
	    rule->amount));
}

void
describe_rule(FILE *fp, const struct due_rule *rule)
{
	static const struct { const char *base, *words; } bases[] = {
		{ "placement.date", "placeringsdatum" },
		{ "placement.end", "placeringens slut" },
		{ "opened", "att ärendet öppnades" },
	};
	const char *base = rule->base, *unit;
	int n = abs(rule->amount);
	size_t i;

	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++)
		if (strcmp(bases[i].base, rule->base) == 0)
			base = bases[i].words;
	if (n == 0)
		fputs("på ", fp);
	else {
		unit = unit_word(rule->unit, n);
		fprintf(fp, "%d %s %s ", n, unit, rule->amount < 0 ? "före" :
		    "efter");
	}
	text_put(fp, base);
	fputc('\n', fp);
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

static void
conditions(FILE *fp, const struct step *s)
{
	size_t i, k;

	if (s->nwhen == 0)
		return;
	fputs("Gäller när: ", fp);
	for (i = 0; i < s->nwhen; i++) {
		fputs(i > 0 ? "; " : "", fp);
		text_put(fp, s->when[i].fact);
		fputs(" = ", fp);
		for (k = 0; k < s->when[i].nvalues; k++) {
			fputs(k > 0 ? " eller " : "", fp);
			text_put(fp, s->when[i].values[k]);
		}
	}
	fputc('\n', fp);
}

void
describe_step(FILE *fp, const struct model *m, const struct step *s)
{
	size_t k;

	text_put(fp, s->id);
	fputs(": ", fp);
	text_put(fp, s->title);
	fputs("\nFas:        ", fp);
	text_put(fp, m->phases[s->phase].title);
	fputs("\nAnsvarig:   ", fp);
	text_put(fp, m->roles[s->owner].title);
	fputs(" (", fp);
	text_put(fp, m->roles[s->owner].id);
	fputs(")\n", fp);
	fputs("Varför:     ", fp);
	layout_wrap(fp, s->why, 12, 12);
	list_field(fp, "Gör så här:", s->what, s->nwhat);
	list_field(fp, "Lagrum:", s->law, s->nlaw);
	conditions(fp, s);
	for (k = 0; k < s->nafter; k++) {
		fputs(k == 0 ? "Väntar på:  " : ", ", fp);
		text_put(fp, s->after_ids[k]);
		fputs(k + 1 == s->nafter ? "\n" : "", fp);
	}
	if (s->due.base != NULL) {
		fputs(s->local_due ? "Senast:     (lokal regel) " :
		    "Senast:     ", fp);
		describe_rule(fp, &s->due);
	}
	if (s->due_acute.base != NULL) {
		fputs(s->local_due ? "Om akut:    (lokal regel) " :
		    "Om akut:    ", fp);
		describe_rule(fp, &s->due_acute);
	}
	if (s->recurs.base != NULL) {
		fputs("Återkommer: ", fp);
		describe_period(fp, &s->recurs);
	}
	fputs("Källa:      ", fp);
	text_put(fp, s->source);
	if (s->source_note != NULL) {
		fputs(" – ", fp);
		layout_wrap(fp, s->source_note, 15 + text_width(s->source),
		    12);
	} else
		fputc('\n', fp);
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
