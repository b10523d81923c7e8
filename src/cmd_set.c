/* sams set: change facts of a case, each recorded as an event. */
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "diag.h"
#include "facts.h"
#include "record.h"
#include "sams.h"

static const char usage_set[] =
    "sams set [--date DATE] [--by NAME] FILE KEY=VALUE...\n";

struct set_request {
	char	**pairs;
	int	  npairs;
	struct event when;	/* date and by */
};

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
	if (def == NULL || !def->settable) {
		error_msg("'%.40s' is not a fact that can be set; see "
		    "sams-case(5)", pair);
		return SAMS_EXIT_USAGE;
	}
	if (strncmp(pair, "contacts.", 9) == 0 &&
	    model_role_index(o->m, pair + 9) == NO_INDEX) {
		error_msg("unknown role '%.40s'; see 'sams roles'", pair + 9);
		return SAMS_EXIT_USAGE;
	}
	if (cli_text(ev->value, pair) != 0)
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
	return 0;
}

int
cmd_set(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, OPT_BY },
		{ "date", required_argument, NULL, OPT_DATE },
		CLI_COMMON_OPTIONS
	};
	const char *date = NULL, *by = NULL;
	struct set_request req;
	int ch, rc, i;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_BY:
			by = optarg;
			break;
		case OPT_DATE:
			date = optarg;
			break;
		case 'h':
			return cli_usage(usage_set, 1);
		default:
			rc = cli_common_option(ch, optarg);
			if (rc != 0)
				return rc < 0 ? cli_usage(usage_set, 0) : rc;
		}
	}
	if (argc - optind < 2 || argc - optind - 1 > UPDATE_MAX_EVENTS)
		return cli_usage(usage_set, 0);
	memset(&req, 0, sizeof(req));
	req.pairs = argv + optind + 1;
	req.npairs = argc - optind - 1;
	if ((rc = record_when_who(&req.when, date, by)) != 0)
		return rc;
	rc = case_update(argv[optind], set_facts, &req);
	for (i = 0; rc == 0 && i < req.npairs; i++) {
		req.when.kind = EV_SET;
		req.when.fact = req.pairs[i];
		record_confirm(argv[optind], &req.when);
	}
	return rc;
}
