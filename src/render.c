/* Rendering a case's state as text for people and JSON for scripts. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "facts.h"
#include "i18n.h"
#include "json.h"
#include "layout.h"
#include "render.h"
#include "text.h"
#include "words.h"
#include "xalloc.h"

#define BOLD	"\033[1m"
#define RED	"\033[31m"
#define DIM	"\033[2m"
#define RESET	"\033[0m"

static enum color_mode color_mode = COLOR_AUTO;

/* The state of a step in status's first column, 10 wide at most. */
static const char *const state_words[] = {
	[STEP_OPEN] = N_("open"),
	/* TRANSLATORS: a step's state in sams status. */
	[STEP_DONE] = N_("done"),
	/* TRANSLATORS: a step's state in sams status. */
	[STEP_SKIPPED] = N_("skipped"),
	/* TRANSLATORS: a step's state in sams status: it does not apply. */
	[STEP_NA] = N_("n/a"),
};

/* The width of the state column of sams status. */
#define STATE_WIDTH	11

/* Where the values start after a step's labels in sams next. */
#define LABEL_COLUMN	14

/*
 * "3 steg släpar från Inför placering, 1 från Under placering": open steps
 * of the phases before the case's.  Nothing when none are behind.
 */
static void
behind_text(FILE *fp, const struct case_state *st, const char *before)
{
	const struct model *m = st->m;
	size_t p, i, n;
	int any = 0;

	for (p = 0; p < st->phase && st->nbehind > 0; p++) {
		for (i = n = 0; i < m->nsteps; i++)
			n += m->steps[i].phase == p && st->steps[i].behind;
		if (n == 0)
			continue;
		fputs(any ? ", " : before, fp);
		if (any)
			/* TRANSLATORS: more steps behind: "1 from PHASE". */
			layout_printf(fp, _("%zu from %s"), n,
			    m->phases[p].title);
		else
			layout_printf(fp, P_("%zu step still open from %s",
			    "%zu steps still open from %s", n), n,
			    m->phases[p].title);
		any = 1;
	}
}

void
render_set_color(enum color_mode mode)
{
	color_mode = mode;
}

int
render_use_color(FILE *fp)
{
	const char *term = getenv("TERM");
	const char *no = getenv("NO_COLOR");

	if (color_mode != COLOR_AUTO)
		return color_mode == COLOR_ALWAYS;
	if (no != NULL && *no != '\0')
		return 0;
	if (term == NULL || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(fp));
}

static const char *
paint(FILE *fp, const char *code)
{
	return render_use_color(fp) ? code : "";
}

/*
 * "  Owner:      ": a label of sams next, painted with code (or not:
 * NULL), and the spaces up to LABEL_COLUMN, or one when it is wider.
 */
static void
label_text(FILE *fp, const char *label, const char *code)
{
	size_t w = 2 + text_width(label);

	fprintf(fp, "  %s", code != NULL ? paint(fp, code) : "");
	text_put(fp, label);
	fputs(code != NULL ? paint(fp, RESET) : "", fp);
	do
		fputc(' ', fp);
	while (++w < LABEL_COLUMN);
}

static void
owner_text(FILE *fp, const struct case_state *st, size_t i)
{
	const struct role *r = &st->m->roles[state_owner_role(st, i)];
	const char *name = state_owner(st, i);

	text_put(fp, r->title);
	if (name != NULL) {
		fputs(" – ", fp);
		text_put(fp, name);
		fputc('\n', fp);
	} else
		fprintf(fp, " %s\n", _("(no contact given)"));
}

/*
 * A warning in full the first time in a case's list, then by the words
 * before its first colon ("Skyddade uppgifter"), so that eight steps of
 * a protected case do not repeat the paragraph eight times.
 */
static void
warning_text(FILE *fp, const struct case_state *st, const struct warning *w,
    unsigned char *seen)
{
	const char *colon = strchr(w->text, ':');
	size_t n = colon != NULL ? (size_t)(colon - w->text) : 0;

	label_text(fp, _("Warning:"), RED);
	if (seen != NULL && seen[w - st->m->warnings] && n > 0 && n <= 40) {
		text_putn(fp, w->text, n);
		fprintf(fp, " %s\n", _("(see above)"));
		return;
	}
	if (seen != NULL)
		seen[w - st->m->warnings] = 1;
	layout_wrap(fp, w->text, LABEL_COLUMN, LABEL_COLUMN);
}

static void
next_step_text(FILE *fp, const struct case_state *st, size_t i,
    unsigned char *seen)
{
	const struct step *s = &st->m->steps[i];
	const struct step_status *ss = &st->steps[i];
	const struct warning *w;
	char date[11];
	size_t k;

	fprintf(fp, "\n%s", paint(fp, BOLD));
	text_put(fp, s->id);
	fprintf(fp, "%s  ", paint(fp, RESET));
	text_put(fp, s->title);
	fputc('\n', fp);
	for (k = 0; k < s->nwarn; k++)
		if ((w = state_warning(st, i, k)) != NULL)
			warning_text(fp, st, w, seen);
	/* TRANSLATORS: the labels of sams next fit 11 columns. */
	label_text(fp, _("Owner:"), NULL);
	owner_text(fp, st, i);
	if (ss->due != DATE_NONE) {
		date_format(ss->due, date);
		label_text(fp, _("Due:"), NULL);
		fputs(date, fp);
		if (ss->overdue)
			fprintf(fp, "%s %s%s", paint(fp, RED), _("(overdue)"),
			    paint(fp, RESET));
		fputc('\n', fp);
	}
	if (!ss->again && step_due_rule(s, st->c) == &s->due_acute) {
		label_text(fp, _("Acute:"), NULL);
		fprintf(fp, "%s\n", _("the placement was acute; the step is "
		    "done as soon as possible after the move"));
	}
	if (ss->again) {
		date_format(ss->closed->date, date);
		label_text(fp, _("Recurs:"), NULL);
		fprintf(fp, _("last done %s; done again as long as the "
		    "placement lasts"), date);
		fputc('\n', fp);
	}
	label_text(fp, _("Why:"), NULL);
	layout_wrap(fp, s->why, LABEL_COLUMN, LABEL_COLUMN);
	for (k = 0; k < s->nwhat; k++) {
		if (k == 0)
			label_text(fp, _("What to do:"), NULL);
		else
			fprintf(fp, "%*s", LABEL_COLUMN, "");
		fputs("- ", fp);
		layout_wrap(fp, s->what[k], LABEL_COLUMN + 2,
		    LABEL_COLUMN + 2);
	}
}

/*
 * After the end date is first set: the phase that opened, who owns each of
 * its open steps now that the schools have shifted, and the command that
 * names what is missing.
 */
void
render_shift_text(FILE *fp, const struct case_state *st, const char *file)
{
	const struct model *m = st->m;
	const char *school = case_fact(st->c, "school.sending"), *next;
	struct strbuf cmd = STRBUF_INIT;
	size_t i, k, idw = 0, p = state_shift_phase(m);

	if (p == m->nphases)
		return;
	layout_printf(fp, _("%s has begun."), m->phases[p].title);
	fputc(st->c->shift != CASE_NO_SHIFT ? ' ' : '\n', fp);
	if (st->c->shift != CASE_NO_SHIFT && strcmp(case_fact(st->c,
	    "school.change-at-end"), "false") == 0)
		layout_printf(fp, _("The pupil stays at the school of the "
		    "placement (%s): no change of school when the placement "
		    "ends.\n"), school != NULL ? school : _("not given"));
	else if (st->c->shift != CASE_NO_SHIFT)
		layout_printf(fp, _("The school of the placement (%s) is now "
		    "the sending school, and its head teacher the sending head "
		    "teacher.\n"), school != NULL ? school : _("not given"));
	fprintf(fp, "%s\n", _("Responsible now:"));
	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].phase == p &&
		    text_width(m->steps[i].id) > idw)
			idw = text_width(m->steps[i].id);
	for (i = 0; i < m->nsteps; i++) {
		if (m->steps[i].phase != p ||
		    st->steps[i].state != STEP_OPEN)
			continue;
		fputs("  ", fp);
		layout_pad(fp, m->steps[i].id, idw + 2);
		owner_text(fp, st, i);
		if (state_owner(st, i) != NULL)
			continue;
		for (k = 0; k < i; k++)	/* each missing role once */
			if (m->steps[k].phase == p &&
			    st->steps[k].state == STEP_OPEN &&
			    state_owner_role(st, k) == state_owner_role(st, i))
				break;
		if (k == i)
			/* TRANSLATORS: a placeholder for a person's name. */
			strbuf_addf(&cmd, " contacts.%s=%s",
			    m->roles[state_owner_role(st, i)].id, _("NAME"));
	}
	next = case_fact(st->c, "school.receiving");
	if (school != NULL && next != NULL && cmd.len == 0)
		return;
	fprintf(fp, "%s\n  sams set ", _("Missing; set it with:"));
	text_put(fp, file);
	/* TRANSLATORS: a placeholder for a school's name. */
	if (school == NULL)
		fprintf(fp, " school.sending=%s", _("SCHOOL"));
	if (next == NULL)
		fprintf(fp, " school.receiving=%s", _("SCHOOL"));
	text_put(fp, cmd.buf);
	fputc('\n', fp);
	strbuf_release(&cmd);
}

/*
 * Says who holds the case when the owner or role asked for has nothing to
 * do now: "Inget för Maria Holm som Rektor, mottagande skola just nu."
 */
static void
nothing_for(FILE *fp, const struct case_state *st,
    const struct step_filter *f)
{
	const char *role = NULL;
	size_t i, ri = NO_INDEX;
	int any = 0;

	if (f->role != NULL)
		ri = model_role_index(st->m, f->role);
	if (ri != NO_INDEX)
		role = st->m->roles[ri].title;
	fputc('\n', fp);
	if (f->owner != NULL && role != NULL)
		/* TRANSLATORS: "Nothing for Maria Holm as Rektor right now." */
		layout_printf(fp, _("Nothing for %s as %s right now."),
		    f->owner, role);
	else
		layout_printf(fp, _("Nothing for %s right now."),
		    f->owner != NULL ? f->owner : role != NULL ? role : "");
	for (i = 0; i < st->m->nsteps; i++) {
		if (!st->steps[i].ready)
			continue;
		if (!any)
			fprintf(fp, " %s ", _("Waiting now:"));
		else
			fputs(", ", fp);
		text_put(fp, st->m->steps[i].id);
		fputs(" (", fp);
		text_put(fp, st->m->roles[state_owner_role(st, i)].title);
		fputc(')', fp);
		any = 1;
	}
	fputc('\n', fp);
}

/*
 * Nothing can be done now (all of the phase is done before the move):
 * says so, and when the next phase starts if its date is known.
 */
static void
nothing_now(FILE *fp, const struct case_state *st)
{
	const struct phase *ph;
	char date[11];
	long base, day;
	size_t p;

	fputc('\n', fp);
	for (p = st->phase + 1; p < st->m->nphases; p++) {
		ph = &st->m->phases[p];
		if (st->started[p] || ph->starts.base == NULL)
			continue;
		base = case_fact_date(st->c, ph->starts.base);
		day = base == DATE_NONE ? DATE_NONE :
		    due_rule_apply(&ph->starts, base);
		if (day == DATE_NONE)
			break;
		date_format(day, date);
		layout_printf(fp, _("Nothing to do right now: %s starts %s.\n"),
		    ph->title, date);
		return;
	}
	fprintf(fp, "%s\n", _("Nothing to do right now."));
}

/* The first line: "ID  TITLE  (FILE)", the id bold and the file dim. */
static void
head_text(FILE *fp, const struct case_state *st, const char *title)
{
	fputs(paint(fp, BOLD), fp);
	text_put(fp, st->c->id);
	fprintf(fp, "%s  ", paint(fp, RESET));
	text_put(fp, title);
	fprintf(fp, "  %s(", paint(fp, DIM));
	text_put(fp, st->c->name);
	fprintf(fp, ")%s\n", paint(fp, RESET));
}

void
render_next_text(FILE *fp, const struct case_state *st,
    const struct step_filter *f)
{
	unsigned char *seen;
	size_t i;
	int shown = 0;

	/* TRANSLATORS: in place of the phase of a complete case. */
	head_text(fp, st, st->complete ? _("Complete") :
	    st->m->phases[st->phase].title);
	if (st->complete && st->nmissed > 0) {
		fputc('\n', fp);
		fprintf(fp, P_("The case is complete: every step is done or "
		    "does not apply, except %zu that was missed (see sams "
		    "status).\n", "The case is complete: every step is done "
		    "or does not apply, except %zu that were missed (see sams "
		    "status).\n", st->nmissed), st->nmissed);
	} else if (st->complete)
		fprintf(fp, "\n%s\n", _("The case is complete: every step is "
		    "done or does not apply."));
	if (st->complete)
		return;
	if (st->nbehind > 0) {
		behind_text(fp, st, "\n");
		fputs(".\n", fp);
	}
	seen = xcalloc(st->m->nwarnings + 1, 1);
	for (i = 0; i < st->m->nsteps; i++) {
		if (!filter_step(f, st, i))
			continue;
		next_step_text(fp, st, i, seen);
		shown++;
	}
	free(seen);
	if (shown == 0 && f != NULL && (f->role != NULL || f->owner != NULL))
		nothing_for(fp, st, f);
	else if (shown == 0)
		nothing_now(fp, st);
}

/* JSON */

static void
json_head(struct strbuf *sb, const struct case_state *st)
{
	const struct phase *p = &st->m->phases[st->phase];

	strbuf_addstr(sb, "{\"format\": 1, \"file\": ");
	json_string(sb, st->c->name);
	strbuf_addstr(sb, ", \"case\": ");
	json_string(sb, st->c->id);
	strbuf_addstr(sb, ", \"model\": ");
	json_string(sb, st->m->id);
	strbuf_addstr(sb, ", \"phase\": {\"id\": ");
	json_string(sb, p->id);
	strbuf_addstr(sb, ", \"title\": ");
	json_string(sb, p->title);
	strbuf_addf(sb, "}, \"complete\": %s",
	    st->complete ? "true" : "false");
}

/* The fields every step has in JSON: step, title, phase, owner. */
static void
json_step_head(struct strbuf *sb, const struct case_state *st, size_t i)
{
	const struct step *s = &st->m->steps[i];
	const struct role *r = &st->m->roles[state_owner_role(st, i)];

	strbuf_addstr(sb, "{\"step\": ");
	json_string(sb, s->id);
	strbuf_addstr(sb, ", \"title\": ");
	json_string(sb, s->title);
	strbuf_addstr(sb, ", \"phase\": ");
	json_string(sb, st->m->phases[s->phase].id);
	strbuf_addstr(sb, ", \"owner\": {\"role\": ");
	json_string(sb, r->id);
	strbuf_addstr(sb, ", \"title\": ");
	json_string(sb, r->title);
	strbuf_addstr(sb, ", \"name\": ");
	json_string(sb, state_owner(st, i));
	strbuf_addch(sb, '}');
}

/* ", "warnings": [...]": those of step i that apply to the case. */
static void
json_warnings(struct strbuf *sb, const struct case_state *st, size_t i)
{
	const struct warning *w;
	size_t k;
	int n = 0;

	strbuf_addstr(sb, ", \"warnings\": [");
	for (k = 0; k < st->m->steps[i].nwarn; k++) {
		if ((w = state_warning(st, i, k)) == NULL)
			continue;
		strbuf_addstr(sb, n++ > 0 ? ", {\"id\": " : "{\"id\": ");
		json_string(sb, w->id);
		strbuf_addstr(sb, ", \"text\": ");
		json_string(sb, w->text);
		strbuf_addch(sb, '}');
	}
	strbuf_addch(sb, ']');
}

static void
json_next_step(struct strbuf *sb, const struct case_state *st, size_t i)
{
	const struct step *s = &st->m->steps[i];
	size_t k;

	json_step_head(sb, st, i);
	strbuf_addstr(sb, ", \"why\": ");
	json_string(sb, s->why);
	strbuf_addstr(sb, ", \"what\": [");
	for (k = 0; k < s->nwhat; k++) {
		if (k > 0)
			strbuf_addstr(sb, ", ");
		json_string(sb, s->what[k]);
	}
	strbuf_addch(sb, ']');
	json_warnings(sb, st, i);
	strbuf_addstr(sb, ", \"due\": ");
	json_date(sb, st->steps[i].due);
	strbuf_addf(sb, ", \"overdue\": %s, \"behind\": %s}",
	    st->steps[i].overdue ? "true" : "false",
	    st->steps[i].behind ? "true" : "false");
}

static void
flush(FILE *fp, struct strbuf *sb)
{
	fwrite(sb->buf, 1, sb->len, fp);
	strbuf_release(sb);
}

void
render_next_json(FILE *fp, const struct case_state *st,
    const struct step_filter *f)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int n = 0;

	json_head(&sb, st);
	strbuf_addstr(&sb, ", \"next\": [");
	for (i = 0; i < st->m->nsteps; i++) {
		if (!filter_step(f, st, i))
			continue;
		if (n++ > 0)
			strbuf_addstr(&sb, ", ");
		json_next_step(&sb, st, i);
	}
	strbuf_addstr(&sb, "]}\n");
	flush(fp, &sb);
}

static const char *
state_json(const struct step_status *ss)
{
	static const char *const names[] = {
		[STEP_OPEN] = "waiting",
		[STEP_DONE] = "done",
		[STEP_SKIPPED] = "skipped",
		[STEP_NA] = "not-applicable",
	};

	if (ss->missed)
		return "missed";
	return ss->ready ? "ready" : names[ss->state];
}

void
render_status_json(FILE *fp, const struct case_state *st)
{
	struct strbuf sb = STRBUF_INIT;
	const struct event *ev;
	size_t i;

	json_head(&sb, st);
	render_facts_json(&sb, st);
	strbuf_addstr(&sb, ", \"steps\": [");
	for (i = 0; i < st->m->nsteps; i++) {
		ev = st->steps[i].closed;
		if (i > 0)
			strbuf_addstr(&sb, ", ");
		json_step_head(&sb, st, i);
		strbuf_addstr(&sb, ", \"state\": ");
		json_string(&sb, state_json(&st->steps[i]));
		strbuf_addstr(&sb, ", \"due\": ");
		json_date(&sb, st->steps[i].due);
		strbuf_addf(&sb, ", \"overdue\": %s, \"behind\": %s, "
		    "\"date\": ", st->steps[i].overdue ? "true" : "false",
		    st->steps[i].behind ? "true" : "false");
		json_date(&sb, ev != NULL ? ev->date : DATE_NONE);
		strbuf_addstr(&sb, ", \"by\": ");
		json_string(&sb, ev != NULL ? ev->by : NULL);
		strbuf_addstr(&sb, ", \"reason\": ");
		json_string(&sb, ev != NULL ? ev->reason : NULL);
		json_warnings(&sb, st, i);
		strbuf_addch(&sb, '}');
	}
	strbuf_addstr(&sb, "]}\n");
	flush(fp, &sb);
}

/* Status as text */

/*
 * Each warning that applies to the case and that an open step names,
 * once: what everyone working on the case must keep in mind.
 */
static void
warnings_text(FILE *fp, const struct case_state *st)
{
	const struct warning **w;
	size_t i, n;

	const char *label = _("Warning:");
	size_t col = text_width(label) + 1;

	w = xreallocarray(NULL, st->m->nwarnings + 1, sizeof(*w));
	n = state_open_warnings(st, w);
	for (i = 0; i < n; i++) {
		fputs(paint(fp, RED), fp);
		text_put(fp, label);
		fprintf(fp, "%s ", paint(fp, RESET));
		layout_wrap(fp, w[i]->text, col, col);
	}
	free(w);
}

static void
schools_line(FILE *fp, const struct casefile *c)
{
	const char *sending = case_fact(c, "school.sending");
	const char *receiving = case_fact(c, "school.receiving");

	if (sending == NULL && receiving == NULL)
		return;
	/* Without a change of school the one before is the one during. */
	if (receiving == NULL && c->shift == CASE_NO_SHIFT &&
	    strcmp(case_fact(c, "school.change"), "false") == 0) {
		layout_printf(fp, _("School: %s (no change of school)\n"),
		    sending);
		return;
	}
	/* TRANSLATORS: a school that is not known yet. */
	layout_printf(fp, _("Schools: sending %s, receiving %s\n"),
	    sending != NULL ? sending : _("unknown"),
	    receiving != NULL ? receiving : _("unknown"));
}

/* After an omplacering: every placement period, the current one last. */
static void
periods_line(FILE *fp, const struct casefile *c)
{
	const struct event *ev;
	const char *first = _("unknown date");
	size_t i, n = 1;

	if (c->nperiods < 2)
		return;
	for (i = 0; i < c->nfacts; i++)
		if (strcmp(c->facts[i].path, "placement.date") == 0) {
			first = c->facts[i].value;
			break;
		}
	fprintf(fp, "%s ", _("Placements:"));
	layout_printf(fp, _("%zu from %s"), n, first);
	for (i = 0; i < c->nevents; i++) {
		ev = &c->events[i];
		if (ev->kind != EV_REPLACE)
			continue;
		fputs(", ", fp);
		layout_printf(fp, _("%zu from %s"), ++n, ev->value);
	}
	fprintf(fp, "; %s\n", _("the checklist is for the latest"));
}

static void
facts_line(FILE *fp, const struct casefile *c)
{
	const char *type = case_fact(c, "placement.type");
	const char *date = case_fact(c, "placement.date");
	const char *end = case_fact(c, "placement.end");
	const char *form = case_fact(c, "school.form");

	fprintf(fp, "%s ", _("Placement:"));
	text_put(fp, type != NULL ? words_value_tr("placement.type", type) :
	    _("unknown type"));
	if (date != NULL) {
		fputc(' ', fp);
		/* TRANSLATORS: a placement from a date. */
		layout_printf(fp, _("from %s"), date);
	}
	if (end != NULL) {
		fputc(' ', fp);
		/* TRANSLATORS: a placement to a date. */
		layout_printf(fp, _("to %s"), end);
	}
	if (strcmp(case_fact(c, "placement.acute"), "true") == 0)
		fprintf(fp, ", %s", _("acute"));
	fprintf(fp, "; %s", strcmp(case_fact(c, "school.change"),
	    "true") == 0 ? _("change of school") : _("no change of school"));
	if (form != NULL) {
		fputs(", ", fp);
		text_put(fp, words_value_tr("school.form", form));
	}
	fputc('\n', fp);
	schools_line(fp, c);
	periods_line(fp, c);
}

/* " · senast DATE", red with " (försenad)" when it is late. */
static void
due_text(FILE *fp, const struct step_status *ss)
{
	char date[11];

	date_format(ss->due, date);
	fputs(" · ", fp);
	/* TRANSLATORS: the date a step is due. */
	fprintf(fp, _("due %s"), date);
	if (ss->overdue)
		fprintf(fp, "%s %s%s", paint(fp, RED), _("(overdue)"),
		    paint(fp, RESET));
}

static void
status_step(FILE *fp, const struct case_state *st, size_t i, size_t idw)
{
	const struct step_status *ss = &st->steps[i];
	const struct step *s = &st->m->steps[i];
	char date[11];

	fputs("  ", fp);
	if (ss->ready) {
		fputs(paint(fp, BOLD), fp);
		/* TRANSLATORS: a step's state: it can be done now. */
		layout_pad(fp, _("now"), STATE_WIDTH);
	} else if (ss->missed) {
		fputs(paint(fp, RED), fp);
		/* TRANSLATORS: a step's state: its phase ended without it. */
		layout_pad(fp, _("missed"), STATE_WIDTH);
	} else
		/* TRANSLATORS: a step's state: it waits for others. */
		layout_pad(fp, ss->state == STEP_OPEN ? _("waiting") :
		    _(state_words[ss->state]), STATE_WIDTH);
	fputs(ss->ready ? paint(fp, RESET) : ss->missed ? paint(fp, RESET) :
	    "", fp);
	layout_pad(fp, s->id, idw + 2);
	text_put(fp, s->title);
	if (ss->missed) {
		date_format(ss->due, date);	/* a missed step had a due date */
		fputs(" · ", fp);
		fprintf(fp, _("due %s; the phase is over"), date);
		if (ss->again) {
			date_format(ss->closed->date, date);
			fputc(' ', fp);
			fprintf(fp, _("(last done %s)"), date);
		}
	} else if (ss->again && ss->due != DATE_NONE) {
		/* A recurring step open again: when next, and when last. */
		due_text(fp, ss);
		date_format(ss->closed->date, date);
		fputs("; ", fp);
		fprintf(fp, _("last time %s"), date);
	} else if (ss->closed != NULL) {
		date_format(ss->closed->date, date);
		fprintf(fp, " · %s", date);
		if (ss->closed->by != NULL) {
			fputc(' ', fp);
			text_put(fp, ss->closed->by);
		}
		if (ss->closed->reason != NULL) {
			fputs(" · ", fp);
			layout_printf(fp, _("reason: %s"),
			    ss->closed->reason);
		}
	} else if (ss->due != DATE_NONE)
		due_text(fp, ss);
	fputc('\n', fp);
}

void
render_status_text(FILE *fp, const struct case_state *st)
{
	const struct model *m = st->m;
	size_t p, i, idw = 0;

	for (i = 0; i < m->nsteps; i++)
		if (text_width(m->steps[i].id) > idw)
			idw = text_width(m->steps[i].id);
	head_text(fp, st, m->title);
	facts_line(fp, st->c);
	warnings_text(fp, st);
	fprintf(fp, "%s ", _("Current phase:"));
	/* TRANSLATORS: the phase of a complete case. */
	text_put(fp, st->complete ? _("complete") :
	    m->phases[st->phase].title);
	if (!st->complete)
		behind_text(fp, st, " (");
	fputs(st->nbehind > 0 && !st->complete ? ")" : "", fp);
	if (st->nmissed > 0) {
		fputs("; ", fp);
		fprintf(fp, P_("%zu step missed", "%zu steps missed",
		    st->nmissed), st->nmissed);
	}
	fputc('\n', fp);
	for (p = 0; p < m->nphases; p++) {
		fprintf(fp, "\n%s", paint(fp, BOLD));
		text_put(fp, m->phases[p].title);
		fprintf(fp, "%s\n", paint(fp, RESET));
		for (i = 0; i < m->nsteps; i++)
			if (m->steps[i].phase == p)
				status_step(fp, st, i, idw);
	}
}

/* Facts and contacts, for status and log */

/*
 * The facts a case shows: all but id and model, which head it, and the
 * age, which is the birth year's.
 */
static int
shown_fact(const struct fact_def *def)
{
	return strcmp(def->path, "id") != 0 && strcmp(def->path, "model") != 0 &&
	    def->type != FACT_AGE;
}

void
render_facts_json(struct strbuf *sb, const struct case_state *st)
{
	const struct fact_def *def;
	const struct role *r;
	const char *value;
	size_t i;
	int n = 0;

	strbuf_addstr(sb, ", \"facts\": {");
	for (def = fact_table(); def->path != NULL; def++) {
		if (!shown_fact(def))
			continue;
		if (n++ > 0)
			strbuf_addstr(sb, ", ");
		json_string(sb, def->path);
		strbuf_addstr(sb, ": ");
		value = case_fact(st->c, def->path);
		if (def->type == FACT_BOOL && value != NULL)
			strbuf_addstr(sb, strcmp(value, "true") == 0 ? "true" :
			    "false");
		else
			json_string(sb, value);
	}
	strbuf_addstr(sb, "}, \"contacts\": [");
	for (i = 0; i < st->m->nroles; i++) {
		r = &st->m->roles[i];
		strbuf_addstr(sb, i > 0 ? ", {\"role\": " : "{\"role\": ");
		json_string(sb, r->id);
		strbuf_addstr(sb, ", \"title\": ");
		json_string(sb, r->title);
		strbuf_addstr(sb, ", \"name\": ");
		json_string(sb, state_contact(st->c, r));
		strbuf_addch(sb, '}');
	}
	strbuf_addch(sb, ']');
}
