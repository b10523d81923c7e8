/* sams set: change or clear facts of a case, each recorded as an event. */
#include <stdio.h>
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "colour.h"
#include "date.h"
#include "diag.h"
#include "facts.h"
#include "find.h"
#include "i18n.h"
#include "cmd_step.h"
#include "render.h"
#include "sams.h"
#include "state.h"
#include "suggest.h"
#include "text.h"

static const char usage_set[] =
    "sams set [--date DATE] [--by NAME] FILE KEY=[VALUE]...\n";

static const struct cli_opt_help set_opts[] = {
	{ OPT_DATE, NULL, N_("the day the fact changed, YYYY-MM-DD "
	    "(default: today)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_set = {
	usage_set,
	N_("change or clear facts of a case"),
	set_opts,
	"sams set K7Q2-9XHD school.receiving='Ekbackens skola'\n"
	"sams set arenden/k7q2.yml placement.end=2027-06-15\n"
};

struct set_request {
	struct event pairs[UPDATE_MAX_EVENTS];	/* as given */
	int	  npairs;
	struct event evs[UPDATE_MAX_EVENTS];	/* recorded, in order */
	size_t	  nevs;
	const char *unset[UPDATE_MAX_EVENTS];	/* cleared, but never set */
	size_t	  nunset;
	int	  shifts;	/* the first end date: the schools shift */
};

static int
unknown_fact(const char *key)
{
	const struct fact_def *def;
	struct suggest sg;
	char cut[TEXT_CUT_SIZE];

	error_msg("'%s' is not a fact that can be set; see sams-case(5)",
	    text_cut(key, strlen(key), cut));
	suggest_init(&sg, key);
	for (def = fact_table(); def->path != NULL; def++)
		if (def->settable)
			suggest_add(&sg, def->path);
	suggest_note(&sg);
	return SAMS_EXIT_USAGE;
}

/*
 * Splits one KEY=VALUE and checks it without the case: a fact that can
 * be set, a value as "sams new" takes it, or nothing to clear it.
 */
static int
parse_pair(char *pair, struct event *ev)
{
	const struct fact_def *def;
	char *eq = strchr(pair, '=');
	char cut[TEXT_CUT_SIZE];

	if (eq == NULL) {
		error_msg("'%s' is not KEY=VALUE", text_cut(pair, strlen(pair),
		    cut));
		return SAMS_EXIT_USAGE;
	}
	*eq = '\0';
	ev->kind = EV_SET;
	ev->fact = pair;
	ev->value = eq + 1;
	def = fact_lookup(pair);
	if (def == NULL || !def->settable)
		return unknown_fact(pair);
	if (ev->value[0] == '\0' && !fact_clearable(def)) {
		error_msg("'%s' cannot be cleared, only set to another value; "
		    "the facts that can be cleared are the contacts, "
		    "placement.end, child.born, school.sending and "
		    "school.receiving", pair);
		return SAMS_EXIT_USAGE;
	}
	if (ev->value[0] == '\0')
		return 0;
	return record_fact_value(pair, ev->value, pair);
}

/* The value of path once the first n events of req are recorded. */
static const char *
value_after(const struct opened *o, const struct set_request *req,
    size_t n, const char *path)
{
	while (n-- > 0)
		if (strcmp(req->evs[n].fact, path) == 0)
			return req->evs[n].value[0] != '\0' ?
			    req->evs[n].value : NULL;
	return case_fact(o->c, path);
}

/* A placement cannot end before it starts; -1 after reporting if it would. */
static int
check_dates(const struct opened *o, const struct set_request *req)
{
	const char *start, *end;
	long from, to;

	start = value_after(o, req, req->nevs, "placement.date");
	end = value_after(o, req, req->nevs, "placement.end");
	if (start == NULL || end == NULL || date_parse(start, &from) == -1 ||
	    date_parse(end, &to) == -1 || to >= from)
		return 0;
	return error_at(o->c->name, 0, 0, "placement.end would lie before "
	    "placement.date: a placement cannot end before it starts; "
	    "nothing was changed");
}

static int
set_facts(const struct opened *o, struct event *evs, size_t *n, void *arg)
{
	struct set_request *req = arg;
	struct event *ev;
	int i;

	req->nevs = req->nunset = 0;
	for (i = 0; i < req->npairs; i++) {
		ev = &req->evs[req->nevs];
		*ev = req->pairs[i];
		if (strncmp(ev->fact, "contacts.", 9) == 0 &&
		    model_role_index(o->m, ev->fact + 9) == NO_INDEX)
			return suggest_unknown(o->m, SUGGEST_ROLE,
			    ev->fact + 9, NULL);
		if (ev->value[0] == '\0' &&
		    value_after(o, req, req->nevs, ev->fact) == NULL)
			req->unset[req->nunset++] = ev->fact;
		else
			req->nevs++;
	}
	if (check_dates(o, req) != 0)
		return -1;
	req->shifts = o->c->shift == CASE_NO_SHIFT &&
	    value_after(o, req, req->nevs, "placement.end") != NULL &&
	    case_fact(o->c, "placement.end") == NULL;
	memcpy(evs, req->evs, req->nevs * sizeof(*evs));
	*n = req->nevs;
	return 0;
}

/* What was recorded, and what needed no change. */
static void
confirm(const char *file, const struct set_request *req)
{
	struct strbuf name = STRBUF_INIT, fact = STRBUF_INIT;
	char date[11];
	size_t i;

	text_escape(&name, file, strlen(file), 0);
	for (i = 0; i < req->nevs; i++) {
		if (req->evs[i].value[0] != '\0') {
			record_confirm(file, &req->evs[i]);
			continue;
		}
		date_format(req->evs[i].date, date);
		strbuf_release(&fact);
		strbuf_addstr(&fact, colour_start(stdout, COLOUR_HEADING));
		record_fact_name(&fact, req->evs[i].fact);
		strbuf_addstr(&fact, colour_end(stdout));
		/* TRANSLATORS: FILE: DATE cleared FACT, after "sams set". */
		printf(_("%s: %s cleared %s\n"), name.buf, date, fact.buf);
	}
	for (i = 0; i < req->nunset; i++) {
		strbuf_release(&fact);
		strbuf_addstr(&fact, colour_start(stdout, COLOUR_HEADING));
		record_fact_name(&fact, req->unset[i]);
		strbuf_addstr(&fact, colour_end(stdout));
		printf(_("%s: %s is not there; nothing to clear\n"), name.buf,
		    fact.buf);
	}
	strbuf_release(&name);
	strbuf_release(&fact);
}

/* The end date opened Inför avslut: who owns what now, what is missing. */
static void
show_shift(const char *path)
{
	struct opened o;
	struct case_state st;

	if (case_open(path, &o) != 0)
		return;
	state_compute(&st, o.m, o.c, cli_today());
	if (!st.complete)
		render_shift_text(stdout, &st, path);
	state_release(&st);
	opened_close(&o);
}

int
cmd_set(int argc, char *argv[])
{
	struct record_opts o;
	enum cli_parsed parsed;
	struct set_request req;
	struct event when;
	int rc, i;

	parsed = record_options(argc, argv, usage_set, 0, &o);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if ((rc = cli_operands(argc - optind, 2, 1 + UPDATE_MAX_EVENTS,
	    N_("FILE and 1 to 16 KEY=VALUE"), usage_set)) != 0)
		return rc;
	memset(&req, 0, sizeof(req));
	memset(&when, 0, sizeof(when));
	req.npairs = argc - optind - 1;
	if ((rc = record_when_who(&when, o.date, o.by)) != 0)
		return rc;
	/* Usage errors and warnings once, before the lock. */
	for (i = 0; i < req.npairs; i++) {
		req.pairs[i] = when;
		rc = parse_pair(argv[optind + 1 + i], &req.pairs[i]);
		if (rc != 0)
			return rc;
	}
	if (find_operand(&argv[optind]) != 0 ||
	    case_update(argv[optind], set_facts, &req) != 0)
		return cli_failed();
	confirm(argv[optind], &req);
	if (req.shifts)
		show_shift(argv[optind]);
	return 0;
}
