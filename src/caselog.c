/* A case's facts, contacts and history, as text and as JSON. */
#include <string.h>

#include "caselog.h"
#include "colour.h"
#include "date.h"
#include "facts.h"
#include "i18n.h"
#include "json.h"
#include "layout.h"
#include "render.h"
#include "strbuf.h"
#include "text.h"
#include "words.h"

/* The widest "who" column; a longer name still ends with a space. */
#define WHO_WIDTH_MAX	24

/* What each event is called in the history, as record_confirm() says. */
static const char *const event_words[EV_COUNT] = {
	/* TRANSLATORS: the events of sams log, each before its details. */
	[EV_OPENED] = N_("case opened"),
	[EV_DONE] = N_("step done"),
	[EV_SKIP] = N_("step skipped"),
	[EV_REOPEN] = N_("step reopened"),
	/* TRANSLATORS: in sams log, before the note. */
	[EV_NOTE] = N_("note:"),
	/* TRANSLATORS: in sams log, before a fact and its new value. */
	[EV_SET] = N_("changed"),
	/* TRANSLATORS: in sams log, before the new placement's date. */
	[EV_REPLACE] = N_("moved, new placement from"),
};

/* The title of the step an event names, or NULL. */
static const char *
step_title(const struct case_state *st, const char *step)
{
	size_t i;

	if (step == NULL)
		return NULL;
	i = model_step_index(st->m, step);
	return i == NO_INDEX ? NULL : st->m->steps[i].title;
}

static void
heading(FILE *fp, const char *title)
{
	fputc('\n', fp);
	colour_put(fp, COLOUR_HEADING, title);
	fputc('\n', fp);
}

/*
 * A fact's value for people: in words (ja or nej, HVB, anpassad
 * grundskola), or a dash when unknown.
 */
static const char *
fact_text(const char *path, const char *value)
{
	if (value == NULL || *value == '\0')
		return "–";
	return words_value_tr(path, value);
}

static void
facts_text(FILE *fp, const struct case_state *st)
{
	const struct fact_def *def;
	size_t w = 0;

	/* TRANSLATORS: the headings of sams log. */
	heading(fp, _("Facts"));
	for (def = fact_table(); def->path != NULL; def++)
		if (strcmp(def->path, "id") != 0 &&
		    text_width(fact_name(def)) > w)
			w = text_width(fact_name(def));
	for (def = fact_table(); def->path != NULL; def++) {
		if (strcmp(def->path, "id") == 0 || def->type == FACT_AGE)
			continue;
		fputs("  ", fp);
		layout_pad(fp, fact_name(def), w + 2);
		text_put(fp, fact_text(def->path, case_fact(st->c, def->path)));
		fputc('\n', fp);
	}
}

static void
contacts_text(FILE *fp, const struct case_state *st)
{
	const char *name;
	size_t i, w = 0;

	heading(fp, _("Contacts"));
	for (i = 0; i < st->m->nroles; i++)
		if (text_width(st->m->roles[i].title) > w)
			w = text_width(st->m->roles[i].title);
	for (i = 0; i < st->m->nroles; i++) {
		name = state_contact(st->c, &st->m->roles[i]);
		fputs("  ", fp);
		layout_pad(fp, st->m->roles[i].title, w + 2);
		text_put(fp, name != NULL ? name : "–");
		fputc('\n', fp);
	}
}

/* "placeringens slut", or for a contact "kontakt" and the role's title. */
static void
fact_label(FILE *fp, const struct case_state *st, const char *path)
{
	const struct fact_def *def = fact_lookup(path);
	size_t r;

	if (def == NULL) {
		text_put(fp, path);
		return;
	}
	text_put(fp, fact_name(def));
	if (strncmp(path, "contacts.", 9) != 0)
		return;
	r = model_role_index(st->m, path + 9);
	fputc(' ', fp);
	text_put(fp, r != NO_INDEX ? st->m->roles[r].title : path + 9);
}

/* What happened: the event's word, step, fact, value, note and reason. */
static void
event_what(FILE *fp, const struct case_state *st, const struct event *ev)
{
	const char *title = step_title(st, ev->step);

	fputs(_(event_words[ev->kind]), fp);
	if (ev->step != NULL) {
		fputc(' ', fp);
		text_put(fp, ev->step);
		if (title != NULL) {
			fputs("  ", fp);
			text_put(fp, title);
		}
	}
	if (ev->kind == EV_SET) {
		fputc(' ', fp);
		fact_label(fp, st, ev->fact);
		if (ev->value[0] == '\0')
			/* TRANSLATORS: a fact cleared, after its name. */
			fprintf(fp, ": %s", _("removed"));
		else
			fputs(" = ", fp);
		if (ev->value[0] != '\0')
			text_put(fp, fact_text(ev->fact, ev->value));
	} else if (ev->kind == EV_REPLACE) {
		fputc(' ', fp);
		text_put(fp, ev->value);
	}
	if (ev->note != NULL && ev->kind == EV_NOTE) {
		fputc(' ', fp);
		text_put(fp, ev->note);
	} else if (ev->note != NULL) {
		fputs(" · ", fp);
		layout_printf(fp, _("note: %s"), ev->note);
	}
	if (ev->reason != NULL) {
		fputs(" · ", fp);
		layout_printf(fp, _("reason: %s"), ev->reason);
	}
}

static void
history_text(FILE *fp, const struct case_state *st)
{
	const struct casefile *c = st->c;
	const char *by;
	char date[11];
	size_t i, w = 0;
	int done;

	heading(fp, _("History"));
	for (i = 0; i < c->nevents; i++)
		if (c->events[i].by != NULL && text_width(c->events[i].by) > w)
			w = text_width(c->events[i].by);
	if (w > WHO_WIDTH_MAX)
		w = WHO_WIDTH_MAX;
	if (w < 1)
		w = 1;
	for (i = 0; i < c->nevents; i++) {
		by = c->events[i].by != NULL ? c->events[i].by : "–";
		date_format(c->events[i].date, date);
		fprintf(fp, "  %s  ", date);
		layout_pad(fp, by, w + 2);
		done = c->events[i].kind == EV_DONE ||
		    c->events[i].kind == EV_SKIP;
		/* Dim as a done step is in status: what is behind. */
		if (done)
			fputs(colour_start(fp, COLOUR_DONE), fp);
		event_what(fp, st, &c->events[i]);
		if (done)
			fputs(colour_end(fp), fp);
		fputc('\n', fp);
	}
}

void
caselog_text(FILE *fp, const struct case_state *st)
{
	colour_put(fp, COLOUR_HEADING, st->c->id);
	fputs("  ", fp);
	text_put(fp, st->m->title);
	fprintf(fp, "  %s(", colour_start(fp, COLOUR_ASIDE));
	text_put(fp, st->c->name);
	fprintf(fp, ")%s\n", colour_end(fp));
	facts_text(fp, st);
	contacts_text(fp, st);
	history_text(fp, st);
}

/* JSON */

static void
event_json(struct strbuf *sb, const struct case_state *st,
    const struct event *ev)
{
	strbuf_addstr(sb, "{\"date\": ");
	json_date(sb, ev->date);
	json_member(sb, "kind", event_kind_name(ev->kind));
	json_member(sb, "step", ev->step);
	json_member(sb, "title", step_title(st, ev->step));
	json_member(sb, "by", ev->by);
	json_member(sb, "note", ev->note);
	json_member(sb, "reason", ev->reason);
	json_member(sb, "fact", ev->fact);
	json_member(sb, "value", ev->value);
	strbuf_addch(sb, '}');
}

void
caselog_json(FILE *fp, const struct case_state *st)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_addstr(&sb, "{\"format\": 1");
	json_member(&sb, "file", st->c->name);
	json_member(&sb, "case", st->c->id);
	json_member(&sb, "model", st->m->id);
	render_facts_json(&sb, st);
	strbuf_addstr(&sb, ", \"history\": [");
	for (i = 0; i < st->c->nevents; i++) {
		if (i > 0)
			strbuf_addstr(&sb, ", ");
		event_json(&sb, st, &st->c->events[i]);
	}
	strbuf_addstr(&sb, "]}\n");
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}
