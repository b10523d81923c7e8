/* Rendering a case's state as text for people and JSON for scripts. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "facts.h"
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

static const char *const state_words[] = {
	[STEP_OPEN] = "öppen",
	[STEP_DONE] = "klar",
	[STEP_SKIPPED] = "överhoppad",
	[STEP_NA] = "gäller ej",
};

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
		fprintf(fp, "%s%zu%s från ", any ? ", " : before, n,
		    any ? "" : " steg släpar");
		text_put(fp, m->phases[p].title);
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
		fputs(" (ingen kontakt angiven)\n", fp);
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

	fprintf(fp, "  %sVarning:%s    ", paint(fp, RED), paint(fp, RESET));
	if (seen != NULL && seen[w - st->m->warnings] && n > 0 && n <= 40) {
		text_putn(fp, w->text, n);
		fputs(" (se ovan)\n", fp);
		return;
	}
	if (seen != NULL)
		seen[w - st->m->warnings] = 1;
	layout_wrap(fp, w->text, 14, 14);
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
	fputs("  Ansvarig:   ", fp);
	owner_text(fp, st, i);
	if (ss->due != DATE_NONE) {
		date_format(ss->due, date);
		fprintf(fp, "  Senast:     %s%s%s%s\n", date,
		    ss->overdue ? paint(fp, RED) : "",
		    ss->overdue ? " (försenad)" : "",
		    ss->overdue ? paint(fp, RESET) : "");
	}
	if (!ss->again && step_due_rule(s, st->c) == &s->due_acute)
		fputs("  Akut:       placeringen var akut; steget görs så snart "
		    "som möjligt efter flytten\n", fp);
	if (ss->again) {
		date_format(ss->closed->date, date);
		fprintf(fp, "  Återkommer: senast gjort %s; görs igen så länge "
		    "placeringen pågår\n", date);
	}
	fputs("  Varför:     ", fp);
	layout_wrap(fp, s->why, 14, 14);
	for (k = 0; k < s->nwhat; k++) {
		fputs(k == 0 ? "  Gör så här: - " : "              - ", fp);
		layout_wrap(fp, s->what[k], 16, 16);
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
	fprintf(fp, "%s har börjat.", m->phases[p].title);
	if (st->c->shift != CASE_NO_SHIFT && strcmp(case_fact(st->c,
	    "school.change-at-end"), "false") == 0) {
		fputs(" Eleven går kvar i skolan under placeringen (", fp);
		text_put(fp, school != NULL ? school : "inte angiven");
		fputs("): inget skolbyte när placeringen upphör.", fp);
	} else if (st->c->shift != CASE_NO_SHIFT) {
		fputs(" Skolan under placeringen (", fp);
		text_put(fp, school != NULL ? school : "inte angiven");
		fputs(") är nu avlämnande skola och dess rektor avlämnande "
		    "rektor.", fp);
	}
	fputs("\nAnsvariga nu:\n", fp);
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
			strbuf_addf(&cmd, " contacts.%s=NAMN",
			    m->roles[state_owner_role(st, i)].id);
	}
	next = case_fact(st->c, "school.receiving");
	if (school != NULL && next != NULL && cmd.len == 0)
		return;
	fputs("Saknas, ange med:\n  sams set ", fp);
	text_put(fp, file);
	fputs(school == NULL ? " school.sending=SKOLA" : "", fp);
	fputs(next == NULL ? " school.receiving=SKOLA" : "", fp);
	fputs(cmd.len > 0 ? cmd.buf : "", fp);
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
	size_t i, ri = NO_INDEX;
	int any = 0;

	if (f->role != NULL)
		ri = model_role_index(st->m, f->role);
	fputs("\nInget för ", fp);
	if (f->owner != NULL)
		text_put(fp, f->owner);
	fputs(f->owner != NULL && ri != NO_INDEX ? " som " : "", fp);
	if (ri != NO_INDEX)
		text_put(fp, st->m->roles[ri].title);
	fputs(" just nu.", fp);
	for (i = 0; i < st->m->nsteps; i++) {
		if (!st->steps[i].ready)
			continue;
		fputs(any ? ", " : " Nu väntar: ", fp);
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

	fputs("\nInget att göra just nu", fp);
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
		fputs(": ", fp);
		text_put(fp, ph->title);
		fprintf(fp, " börjar %s", date);
		break;
	}
	fputs(".\n", fp);
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

	head_text(fp, st, st->complete ? "Klart" :
	    st->m->phases[st->phase].title);
	if (st->complete) {
		fputs("\nÄrendet är klart: varje steg är gjort eller gäller "
		    "inte", fp);
		if (st->nmissed > 0)
			fprintf(fp, ", utom %zu som missades (se sams status)",
			    st->nmissed);
		fputs(".\n", fp);
		return;
	}
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

	w = xreallocarray(NULL, st->m->nwarnings + 1, sizeof(*w));
	n = state_open_warnings(st, w);
	for (i = 0; i < n; i++) {
		fprintf(fp, "%sVarning:%s ", paint(fp, RED), paint(fp, RESET));
		layout_wrap(fp, w[i]->text, 9, 9);
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
		fputs("Skola: ", fp);
		text_put(fp, sending);
		fputs(" (inget skolbyte)\n", fp);
		return;
	}
	fputs("Skolor: avlämnande ", fp);
	text_put(fp, sending != NULL ? sending : "okänd");
	fputs(", mottagande ", fp);
	text_put(fp, receiving != NULL ? receiving : "okänd");
	fputc('\n', fp);
}

/* After an omplacering: every placement period, the current one last. */
static void
periods_line(FILE *fp, const struct casefile *c)
{
	const struct event *ev;
	const char *first = "okänt datum";
	size_t i, n = 1;

	if (c->nperiods < 2)
		return;
	for (i = 0; i < c->nfacts; i++)
		if (strcmp(c->facts[i].path, "placement.date") == 0) {
			first = c->facts[i].value;
			break;
		}
	fputs("Placeringar: 1 från ", fp);
	text_put(fp, first);
	for (i = 0; i < c->nevents; i++) {
		ev = &c->events[i];
		if (ev->kind != EV_REPLACE)
			continue;
		fprintf(fp, ", %zu från ", ++n);
		text_put(fp, ev->value);
	}
	fputs("; checklistan gäller den senaste\n", fp);
}

static void
facts_line(FILE *fp, const struct casefile *c)
{
	const char *type = case_fact(c, "placement.type");
	const char *date = case_fact(c, "placement.date");
	const char *end = case_fact(c, "placement.end");
	const char *form = case_fact(c, "school.form");

	fputs("Placering: ", fp);
	text_put(fp, type != NULL ? words_value("placement.type", type) :
	    "okänd form");
	if (date != NULL) {
		fputs(" från ", fp);
		text_put(fp, date);
	}
	if (end != NULL) {
		fputs(" till ", fp);
		text_put(fp, end);
	}
	if (strcmp(case_fact(c, "placement.acute"), "true") == 0)
		fputs(", akut", fp);
	fprintf(fp, "; %s", strcmp(case_fact(c, "school.change"),
	    "true") == 0 ? "skolbyte" : "inget skolbyte");
	if (form != NULL) {
		fputs(", ", fp);
		text_put(fp, words_value("school.form", form));
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
	fprintf(fp, " · senast %s%s%s%s", date, ss->overdue ? paint(fp, RED) :
	    "", ss->overdue ? " (försenad)" : "", ss->overdue ?
	    paint(fp, RESET) : "");
}

static void
status_step(FILE *fp, const struct case_state *st, size_t i, size_t idw)
{
	const struct step_status *ss = &st->steps[i];
	const struct step *s = &st->m->steps[i];
	char date[11];

	fputs("  ", fp);
	if (ss->ready)
		fprintf(fp, "%s%-11s%s", paint(fp, BOLD), "nu", paint(fp,
		    RESET));
	else if (ss->missed)
		fprintf(fp, "%s%-11s%s", paint(fp, RED), "missad",
		    paint(fp, RESET));
	else
		layout_pad(fp, ss->state == STEP_OPEN ? "väntar" :
		    state_words[ss->state], 11);
	layout_pad(fp, s->id, idw + 2);
	text_put(fp, s->title);
	if (ss->missed) {
		date_format(ss->due, date);	/* a missed step had a due date */
		fprintf(fp, " · senast %s; fasen är över", date);
		if (ss->again) {
			date_format(ss->closed->date, date);
			fprintf(fp, " (senast gjort %s)", date);
		}
	} else if (ss->again && ss->due != DATE_NONE) {
		/* A recurring step open again: when next, and when last. */
		due_text(fp, ss);
		date_format(ss->closed->date, date);
		fprintf(fp, "; förra gången %s", date);
	} else if (ss->closed != NULL) {
		date_format(ss->closed->date, date);
		fprintf(fp, " · %s", date);
		if (ss->closed->by != NULL) {
			fputc(' ', fp);
			text_put(fp, ss->closed->by);
		}
		if (ss->closed->reason != NULL) {
			fputs(" · skäl: ", fp);
			text_put(fp, ss->closed->reason);
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
	fputs("Aktuell fas: ", fp);
	text_put(fp, st->complete ? "klart" : m->phases[st->phase].title);
	if (!st->complete)
		behind_text(fp, st, " (");
	fputs(st->nbehind > 0 && !st->complete ? ")" : "", fp);
	if (st->nmissed > 0)
		fprintf(fp, "; %zu steg missade", st->nmissed);
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

const char *
render_yes_no(const char *value)
{
	return strcmp(value, "true") == 0 ? "ja" : "nej";
}

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
