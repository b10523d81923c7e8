/* sams set: change facts of a case, each recorded as an event. */
#include <string.h>

#include "caseio.h"
#include "date.h"
#include "cli.h"
#include "diag.h"
#include "facts.h"
#include "find.h"
#include "record.h"
#include "render.h"
#include "sams.h"
#include "state.h"
#include "suggest.h"

static const char usage_set[] =
    "sams set [--date DATE] [--by NAME] FILE KEY=VALUE...\n";

struct set_request {
	char	**pairs;
	int	  npairs;
	struct event when;	/* date and by */
	int	 shifts;	/* sets the first end date: schools shift */
};

static int
unknown_fact(const char *key)
{
	const struct fact_def *def;
	struct suggest sg;

	error_msg("'%.40s' is not a fact that can be set; see sams-case(5)",
	    key);
	suggest_init(&sg, key);
	for (def = fact_table(); def->path != NULL; def++)
		if (def->settable)
			suggest_add(&sg, def->path);
	suggest_note(&sg);
	return SAMS_EXIT_USAGE;
}

/* Checks one KEY=VALUE against the facts table and the model's roles. */
static int
check_pair(const struct opened *o, char *pair, struct event *ev)
{
	const struct fact_def *def;
	char *eq = strchr(pair, '=');
	const char *why;

	if (eq == NULL) {
		error_msg("'%.40s' is not KEY=VALUE", pair);
		return SAMS_EXIT_USAGE;
	}
	*eq = '\0';
	ev->fact = pair;
	ev->value = eq + 1;
	def = fact_lookup(pair);
	if (def == NULL || !def->settable)
		return unknown_fact(pair);
	if (strncmp(pair, "contacts.", 9) == 0 &&
	    model_role_index(o->m, pair + 9) == NO_INDEX) {
		suggest_unknown(o->m, SUGGEST_ROLE, pair + 9, NULL);
		return SAMS_EXIT_USAGE;
	}
	if (cli_line(ev->value, pair) != 0)
		return SAMS_EXIT_USAGE;
	if (fact_check(def, ev->value, &why) == -1) {
		error_msg("the value for '%s' is %s", pair, why);
		return SAMS_EXIT_USAGE;
	}
	return 0;
}

static int
set_facts(const struct opened *o, struct event *evs, size_t *n, void *arg)
{
	struct set_request *req = arg;
	int i, rc;

	for (i = 0; i < req->npairs; i++) {
		evs[i] = req->when;
		evs[i].kind = EV_SET;
		rc = check_pair(o, req->pairs[i], &evs[i]);
		if (rc != 0)
			return rc;
	}
	*n = (size_t)req->npairs;
	req->shifts = 0;
	for (i = 0; i < req->npairs; i++)
		if (strcmp(evs[i].fact, "placement.end") == 0 &&
		    o->c->shift == CASE_NO_SHIFT && evs[i].value[0] != '\0')
			req->shifts = 1;
	return 0;
}

/* The end date opened Inför avslut: who owns what now, what is missing. */
static void
show_shift(const char *path)
{
	struct opened o;
	struct case_state st;

	if (case_open(path, &o) != 0)
		return;
	state_compute(&st, o.m, o.c, date_today());
	if (st.c->shift != CASE_NO_SHIFT && !st.complete)
		render_shift_text(stdout, &st, path);
	state_release(&st);
	opened_close(&o);
}

int
cmd_set(int argc, char *argv[])
{
	struct record_opts o;
	struct set_request req;
	int rc, i;

	rc = record_options(argc, argv, usage_set, 0, &o);
	if (rc != 0)
		return rc < 0 ? SAMS_EXIT_OK : rc;
	if ((rc = cli_operands(argc - optind, 2, 1 + UPDATE_MAX_EVENTS,
	    "FILE and 1 to 16 KEY=VALUE", usage_set)) != 0)
		return rc;
	memset(&req, 0, sizeof(req));
	req.pairs = argv + optind + 1;
	req.npairs = argc - optind - 1;
	if ((rc = record_when_who(&req.when, o.date, o.by)) != 0)
		return rc;
	if ((rc = find_operand(&argv[optind])) != 0)
		return rc;
	rc = case_update(argv[optind], set_facts, &req);
	for (i = 0; rc == 0 && i < req.npairs; i++) {
		req.when.kind = EV_SET;
		req.when.fact = req.pairs[i];
		record_confirm(argv[optind], &req.when);
	}
	if (rc == 0 && req.shifts)
		show_shift(argv[optind]);
	return rc;
}
