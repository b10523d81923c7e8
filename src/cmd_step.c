/* Recording done, skip and reopen events: options and rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "colour.h"
#include "date.h"
#include "diag.h"
#include "facts.h"
#include "i18n.h"
#include "find.h"
#include "personnummer.h"
#include "cmd_step.h"
#include "sams.h"
#include "state.h"
#include "strbuf.h"
#include "suggest.h"
#include "text.h"

struct step_request {
	struct event	 ev;
	const char	*file;
	long		 today;
	struct strbuf	 early;	/* warnings: recorded before its time */
};

int
record_when_who(struct event *ev, const char *date, const char *by)
{
	int rc;

	ev->date = cli_today();
	if (date != NULL && (rc = cli_date(date, "--date", &ev->date)) != 0)
		return rc;
	if (ev->date > cli_today()) {
		error_msg("--date lies after today; record what has "
		    "happened");
		return SAMS_EXIT_USAGE;
	}
	if (by != NULL) {
		if ((rc = cli_line(by, "--by")) == 0)
			pnr_warn(by, "--by");
	} else if ((rc = cli_default_by(&by)) == 0)
		pnr_warn(by, _("the recorder's name (SAMS_BY or the login "
		    "name)"));
	ev->by = by;
	return rc;
}

int
record_fact_value(const char *path, const char *value, const char *name)
{
	const struct fact_def *def = fact_lookup(path);
	const char *why;
	long day;
	int rc;

	switch (def->type) {
	case FACT_DATE:
		return cli_date(value, name, &day);
	case FACT_TEXT:
		if ((rc = cli_line(value, name)) == 0)
			pnr_warn(value, name);
		return rc;
	case FACT_YEAR:
	case FACT_AGE:
		/* Never the value: a mistyped personnummer must not echo. */
		if (fact_check(def, value, &why) == -1)
			error_msg("%s: %s", name, _(why));
		else if (def->type == FACT_YEAR && atol(value) >
		    date_year(cli_today()))
			error_msg("%s: the year lies in the future", name);
		else
			return 0;
		return SAMS_EXIT_USAGE;
	case FACT_BOOL:
	case FACT_CHOICE:
		break;
	}
	if (fact_check(def, value, &why) == 0)
		return 0;
	suggest_choice(name, value, def->choices);
	return SAMS_EXIT_USAGE;
}

/*
 * One whole line for each kind of event, so that a translation can order
 * its words: the file, the date and what the event is about (escaped).
 */
static void
confirm_line(const char *file, const char *date, const struct event *ev,
    const char *what)
{
	switch (ev->kind) {
	case EV_DONE:
		/* TRANSLATORS: FILE: DATE done STEP, after "sams done". */
		printf(_("%s: %s done %s\n"), file, date, what);
		break;
	case EV_SKIP:
		printf(_("%s: %s skipped %s\n"), file, date, what);
		break;
	case EV_REOPEN:
		printf(_("%s: %s reopened %s\n"), file, date, what);
		break;
	case EV_SET:
		/* TRANSLATORS: FILE: DATE changed FACT, after "sams set". */
		printf(_("%s: %s changed %s\n"), file, date, what);
		break;
	default:	/* a note; a replacement confirms itself */
		printf(_("%s: %s note\n"), file, date);
		break;
	}
}

void
record_confirm(const char *file, const struct event *ev)
{
	struct strbuf name = STRBUF_INIT, what = STRBUF_INIT;
	char date[11];

	date_format(ev->date, date);
	text_escape(&name, file, strlen(file), 0);
	/* What was recorded stands out in bold; the file is the context. */
	if (ev->step != NULL)
		colour_escape(&what, stdout, COLOUR_HEADING, ev->step);
	else if (ev->fact != NULL) {
		strbuf_addstr(&what, colour_start(stdout, COLOUR_HEADING));
		record_fact_name(&what, ev->fact);
		strbuf_addstr(&what, colour_end(stdout));
	}
	confirm_line(name.buf, date, ev, what.buf);
	strbuf_release(&name);
	strbuf_release(&what);
}

void
record_fact_name(struct strbuf *sb, const char *path)
{
	const struct fact_def *def = fact_lookup(path);
	const char *label;

	if (def != NULL && def->label != NULL) {
		label = fact_name(def);
		text_escape(sb, label, strlen(label), 0);
		strbuf_addstr(sb, " (");
		text_escape(sb, path, strlen(path), 0);
		strbuf_addch(sb, ')');
	} else
		text_escape(sb, path, strlen(path), 0);
}

/*
 * People record what happened, so a step done or skipped before its
 * prerequisites are closed, or before its phase has started, is recorded;
 * the warnings say so, kept until the write has succeeded.
 */
static void
note_early(const struct case_state *st, size_t i, struct strbuf *sb)
{
	const struct model *m = st->m;
	const struct step *s = &m->steps[i];
	const struct step_status *ss = &st->steps[i];
	struct strbuf ids = STRBUF_INIT;
	size_t k;

	strbuf_release(sb);	/* from an earlier try */
	for (k = 0; k < s->nafter; k++) {
		if (step_closed(&st->steps[s->after[k]]))
			continue;
		if (ids.len > 0)
			strbuf_addstr(&ids, ", ");
		strbuf_addstr(&ids, m->steps[s->after[k]].id);
	}
	if (ids.len > 0)
		strbuf_addf(sb, _("%s recorded before its prerequisites: "
		    "%s\n"), s->id, ids.buf);
	strbuf_release(&ids);
	if (!ss->ready && !ss->missed && !st->started[s->phase])
		strbuf_addf(sb, _("%s recorded before its phase (%s) has "
		    "started\n"), s->id, m->phases[s->phase].title);
}

/* Refuses a step event that does not fit the step's state: -1. */
static int
check_step_state(const struct opened *o, struct step_request *req)
{
	const struct event *ev = &req->ev;
	struct case_state st;
	size_t i = model_step_index(o->m, ev->step);
	enum step_state state;

	state_compute(&st, o->m, o->c, req->today);
	state = st.steps[i].state;
	if (state == STEP_OPEN && ev->kind != EV_REOPEN)
		note_early(&st, i, &req->early);
	state_release(&st);
	if (state == STEP_NA)
		return error_at(o->c->name, 0, 0, "step '%s' does not apply to "
		    "this case (see 'sams show %s')", ev->step, ev->step);
	if (ev->kind != EV_REOPEN && state == STEP_DONE)
		return error_at(o->c->name, 0, 0, "step '%s' is already done; "
		    "'sams reopen' it first", ev->step);
	if (ev->kind != EV_REOPEN && state != STEP_OPEN)
		return error_at(o->c->name, 0, 0, "step '%s' is already "
		    "skipped; 'sams reopen' it first", ev->step);
	if (ev->kind == EV_REOPEN && state == STEP_OPEN)
		return error_at(o->c->name, 0, 0, "step '%s' is not done or "
		    "skipped, so there is nothing to reopen", ev->step);
	return 0;
}

static int
record_step(const struct opened *o, struct event *evs, size_t *n, void *arg)
{
	struct step_request *req = arg;

	if (model_step_index(o->m, req->ev.step) == NO_INDEX)
		return suggest_unknown(o->m, SUGGEST_STEP, req->ev.step, NULL);
	if (check_step_state(o, req) != 0)
		return -1;
	evs[0] = req->ev;
	*n = 1;
	return 0;
}

/* One warning a line of text; the lines name only model ids and titles. */
static void
warn_lines(char *text)
{
	char *line, *next;

	for (line = text; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		diag(DIAG_WARNING, NULL, 0, 0, "%s", line);
	}
}

static enum cli_parsed
record_option(int opt, char *arg, void *ctx)
{
	struct record_opts *o = ctx;

	switch (opt) {
	case OPT_BY:
		o->by = arg;
		break;
	case OPT_DATE:
		o->date = arg;
		break;
	case OPT_NOTE:
		o->note = arg;
		break;
	case OPT_REASON:
		o->reason = arg;
		break;
	}
	return CLI_GO;
}

/*
 * Only the options the command allows are getopt's, so that help lists
 * them and a misplaced --note is told as unknown, with what was meant.
 */
enum cli_parsed
record_options(int argc, char *argv[], const char *usage, unsigned allow,
    struct record_opts *o)
{
	int options[5] = { OPT_BY, OPT_DATE, 0, 0, 0 }, n = 2;

	if (allow & RECORD_NOTE)
		options[n++] = OPT_NOTE;
	if (allow & RECORD_REASON)
		options[n++] = OPT_REASON;
	memset(o, 0, sizeof(*o));
	return cli_parse(argc, argv, usage, options, record_option, o);
}

int
record_step_main(int argc, char *argv[], enum event_kind kind,
    const char *usage)
{
	struct record_opts o;
	struct step_request req;
	enum cli_parsed parsed;
	int rc;

	parsed = record_options(argc, argv, usage, kind == EV_DONE ?
	    RECORD_NOTE : RECORD_REASON, &o);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if ((rc = cli_operands(argc - optind, 2, 2, N_("FILE and STEP"),
	    usage)) != 0)
		return rc;
	if (kind != EV_DONE && o.reason == NULL) {
		error_msg("%s needs --reason", argv[0]);
		return SAMS_EXIT_USAGE;
	}
	memset(&req, 0, sizeof(req));
	strbuf_init(&req.early);
	req.ev.kind = kind;
	req.ev.note = o.note;
	req.ev.reason = o.reason;
	if ((o.note != NULL && (rc = cli_text(o.note, "--note")) != 0) ||
	    (o.reason != NULL && (rc = cli_text(o.reason, "--reason")) != 0) ||
	    (rc = record_when_who(&req.ev, o.date, o.by)) != 0)
		return rc;
	if (find_operand(&argv[optind]) != 0)
		return cli_failed();
	pnr_warn(o.note, "--note");
	pnr_warn(o.reason, "--reason");
	req.file = argv[optind];
	req.ev.step = argv[optind + 1];
	req.today = cli_today();
	rc = case_update(req.file, record_step, &req) != 0 ?
	    cli_failed() : 0;
	if (rc == 0)
		record_confirm(req.file, &req.ev);
	if (rc == 0 && req.early.len > 0)
		warn_lines(req.early.buf);
	strbuf_release(&req.early);
	return rc;
}
