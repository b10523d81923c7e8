/* One case as an HTML page: facts, warnings, timeline, checklist. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "html.h"
#include "htmlstatus.h"
#include "i18n.h"
#include "strbuf.h"
#include "svg.h"
#include "words.h"
#include "xalloc.h"

/* A fact as a term and its description; nothing when value is NULL. */
static void
fact(FILE *fp, const char *term, const char *value)
{
	if (value == NULL)
		return;
	fputs("<dt>", fp);
	html_put(fp, term);
	fputs("</dt><dd>", fp);
	html_put(fp, value);
	fputs("</dd>\n", fp);
}

static const char *
yes_no(const char *value)
{
	return value != NULL && strcmp(value, "true") == 0 ? _("yes") :
	    _("no");
}

static const char *
worded(const char *path, const struct casefile *c)
{
	const char *v = case_fact(c, path);

	return v != NULL ? words_value(path, v) : NULL;
}

static void
contacts(FILE *fp, const struct case_state *st)
{
	const char *name;
	size_t i;

	for (i = 0; i < st->m->nroles; i++) {
		if ((name = state_contact(st->c, &st->m->roles[i])) == NULL)
			continue;
		fputs("<dt>", fp);
		html_put(fp, st->m->roles[i].title);
		fputs("</dt><dd>", fp);
		html_put(fp, name);
		fputs("</dd>\n", fp);
	}
}

static void
header(FILE *fp, const struct case_state *st)
{
	const struct casefile *c = st->c;
	struct html_arg id = { "<code>", c->id, "</code>" };

	fputs("<header>\n<h1>", fp);
	html_put_format(fp, _("Case %s"), &id, 1);
	fputs("</h1>\n<p>", fp);
	html_put(fp, st->m->title);
	fputs(" · ", fp);
	html_put(fp, c->name);
	fputs(" · ", fp);
	html_date(fp, st->today);
	fputs("</p>\n<dl class=\"facts\">\n", fp);
	fact(fp, _("Current phase"), st->complete ?
	    /* TRANSLATORS: the phase of a case whose every step is closed */
	    _("complete") : st->m->phases[st->phase].title);
	fact(fp, _("Placement"), worded("placement.type", c));
	fact(fp, _("Placement date"), case_fact(c, "placement.date"));
	fact(fp, _("End date"), case_fact(c, "placement.end"));
	fact(fp, _("Acute"), yes_no(case_fact(c, "placement.acute")));
	fact(fp, _("Change of school"), yes_no(case_fact(c,
	    "school.change")));
	fact(fp, _("School form"), worded("school.form", c));
	fact(fp, _("Sending school"), case_fact(c, "school.sending"));
	fact(fp, _("Receiving school"), case_fact(c, "school.receiving"));
	/*
	 * The day sams stats counts the days to school start to: the first
	 * at the placement's school, also once the schools have shifted.
	 */
	fact(fp, c->shift == CASE_NO_SHIFT ? _("First school day") :
	    _("First school day in the placement"),
	    case_fact_before_shift(c, "school.start"));
	contacts(fp, st);
	fputs("</dl>\n</header>\n", fp);
}

/* Each warning that applies and that an open step names, once. */
static void
warnings(FILE *fp, const struct case_state *st)
{
	const struct warning **w;
	size_t i, n;

	w = xreallocarray(NULL, st->m->nwarnings + 1, sizeof(*w));
	n = state_open_warnings(st, w);
	for (i = 0; i < n; i++) {
		fprintf(fp, "<p class=\"warn\" role=\"note\"><strong>%s"
		    "</strong> ", _("Warning:"));
		html_put(fp, w[i]->text);
		fputs("</p>\n", fp);
	}
	free(w);
}

/* The step's state for people, as status prints it. */
static const char *
state_word(const struct step_status *ss)
{
	if (ss->missed)
		return _("missed");
	if (ss->ready)
		/* TRANSLATORS: a step's state: it is to be done now */
		return _("now");
	switch (ss->state) {
	/* TRANSLATORS: a step's state */
	case STEP_DONE: return _("done");
	case STEP_SKIPPED: return _("skipped");
	case STEP_NA: return _("not applicable");
	default: return _("waiting");
	}
}

static enum svg_mark_kind
mark_kind(const struct step_status *ss)
{
	if (ss->missed)
		return SVG_MISSED;
	if (ss->overdue)
		return SVG_OVERDUE;
	if (ss->state == STEP_DONE || ss->state == STEP_SKIPPED)
		return SVG_DONE;
	return SVG_OPEN;
}

static void
timeline(FILE *fp, const struct case_state *st)
{
	const struct model *m = st->m;
	const struct step_status *ss;
	struct svg_mark *marks = xcalloc(m->nsteps + 1, sizeof(*marks));
	const char **lanes = xcalloc(m->nphases + 1, sizeof(*lanes));
	char **labels = xcalloc(m->nsteps + 1, sizeof(*labels));
	struct svg_line lines[3] = {
		/* TRANSLATORS: lines on a timeline, each before its date */
		{ _("placement"), case_fact_date(st->c, "placement.date") },
		{ _("end"), case_fact_date(st->c, "placement.end") },
		{ _("today"), st->today },
	};
	struct svg_timeline tl = { _("Timeline of the case's steps"), NULL,
	    0, NULL, 0, lines, 3 };
	size_t i, n = 0;

	for (i = 0; i < m->nphases; i++)
		lanes[i] = m->phases[i].title;
	for (i = 0; i < m->nsteps; i++) {
		ss = &st->steps[i];
		if (ss->state == STEP_NA)
			continue;
		marks[n].date = ss->closed != NULL && !ss->again ?
		    ss->closed->date : ss->due;
		marks[n].kind = mark_kind(ss);
		marks[n].lane = m->steps[i].phase;
		if (ss->overdue && !ss->missed)
			/* TRANSLATORS: a step id and its state ("now") */
			labels[n] = xasprintf(_("%s: %s, overdue"),
			    m->steps[i].id, state_word(ss));
		else
			/* TRANSLATORS: a step id and its state ("done") */
			labels[n] = xasprintf(_("%s: %s"), m->steps[i].id,
			    state_word(ss));
		marks[n].label = labels[n];
		n++;
	}
	tl.lanes = lanes;
	tl.nlanes = m->nphases;
	tl.marks = marks;
	tl.nmarks = n;
	html_section(fp, "tidslinje", _("Timeline"));
	svg_timeline(fp, &tl);
	html_section_end(fp);
	for (i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(lanes);
	free(marks);
}

static void
step_row(FILE *fp, const struct case_state *st, size_t i)
{
	const struct step_status *ss = &st->steps[i];
	const struct step *s = &st->m->steps[i];
	const char *name = state_owner(st, i);
	struct html_arg reason = { "", ss->closed != NULL ?
	    ss->closed->reason : NULL, "" };

	fputs("<tr><td class=\"nw\">", fp);
	html_put(fp, state_word(ss));
	if (ss->overdue && !ss->missed)
		fprintf(fp, " <span class=\"late\">%s</span>",
		    _("overdue"));
	fputs("</td><th scope=\"row\"><code>", fp);
	html_put(fp, s->id);
	fputs("</code></th><td>", fp);
	html_put(fp, s->title);
	fputs("</td><td class=\"w\">", fp);	/* names from the case */
	html_put(fp, st->m->roles[state_owner_role(st, i)].title);
	if (name != NULL) {
		fputs(": ", fp);
		html_put(fp, name);
	}
	fputs("</td><td class=\"nw\">", fp);
	if (ss->due != DATE_NONE && ss->state != STEP_NA)
		html_date(fp, ss->due);
	fputs("</td><td class=\"nw\">", fp);
	if (ss->closed != NULL)
		html_date(fp, ss->closed->date);
	fputs("</td><td class=\"w\">", fp);
	if (ss->closed != NULL && ss->closed->by != NULL)
		html_put(fp, ss->closed->by);
	if (ss->closed != NULL && ss->closed->reason != NULL) {
		fputc(' ', fp);
		html_put_format(fp, _("(reason: %s)"), &reason, 1);
	}
	fputs("</td></tr>\n", fp);
}

static void
checklist(FILE *fp, const struct case_state *st)
{
	const struct model *m = st->m;
	size_t p, i;

	html_section(fp, "checklista", _("Checklist"));
	for (p = 0; p < m->nphases; p++) {
		fputs("<table>\n<caption>", fp);
		html_put(fp, m->phases[p].title);
		fprintf(fp, "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead>\n<tbody>\n", _("State"), _("Step"),
		    _("Task"), _("Owner"), _("Due"), _("Done on"), _("By"));
		for (i = 0; i < m->nsteps; i++)
			if (m->steps[i].phase == p)
				step_row(fp, st, i);
		fputs("</tbody>\n</table>\n", fp);
	}
	html_section_end(fp);
}

void
html_status(FILE *fp, const struct case_state *st)
{
	struct strbuf title = STRBUF_INIT;

	strbuf_addf(&title, _("Case %s"), st->c->id);
	html_begin(fp, title.buf);
	header(fp, st);
	warnings(fp, st);
	timeline(fp, st);
	checklist(fp, st);
	html_end(fp);
	strbuf_release(&title);
}
