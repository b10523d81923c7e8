/* sams replace: omplacering; the checklist starts again at the first phase. */
#include <stdio.h>
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "facts.h"
#include "find.h"
#include "pnr.h"
#include "record.h"
#include "sams.h"
#include "suggest.h"
#include "text.h"

static const char usage_replace[] =
    "sams replace --date DATE [--type TYPE] [--acute] [--by NAME]\n"
    "           [--note TEXT] FILE\n";

struct replace_request {
	struct event	 ev;		/* the replace event */
	const char	*type;
	int		 acute;
};

static int
add_events(const struct opened *o, struct event *evs, size_t *n, void *arg)
{
	struct replace_request *req = arg;

	(void)o;
	evs[(*n)++] = req->ev;
	if (req->type != NULL) {
		evs[*n] = req->ev;
		evs[*n].kind = EV_SET;
		evs[*n].note = NULL;
		evs[*n].fact = "placement.type";
		evs[(*n)++].value = req->type;
	}
	if (req->acute) {
		evs[*n] = req->ev;
		evs[*n].kind = EV_SET;
		evs[*n].note = NULL;
		evs[*n].fact = "placement.acute";
		evs[(*n)++].value = "true";
	}
	return 0;
}

static int
check(struct replace_request *req, const char *placement)
{
	const struct fact_def *def = fact_lookup("placement.type");
	const char *why;
	long day;
	int rc;

	if (placement == NULL) {
		error_msg("replace needs --date, the new placement's date");
		return SAMS_EXIT_USAGE;
	}
	if ((rc = cli_date(placement, "--date", &day)) != 0)
		return rc;
	if (req->type != NULL && fact_check(def, req->type, &why) == -1) {
		suggest_choice("--type", req->type, def->choices);
		return SAMS_EXIT_USAGE;
	}
	if (req->ev.note != NULL && (rc = cli_text(req->ev.note, "--note")))
		return rc;
	pnr_warn(req->ev.note, "--note");
	return 0;
}

int
cmd_replace(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "acute", no_argument, NULL, OPT_ACUTE },
		{ "by", required_argument, NULL, OPT_BY },
		{ "date", required_argument, NULL, OPT_DATE },
		{ "note", required_argument, NULL, OPT_NOTE },
		{ "type", required_argument, NULL, OPT_TYPE },
		CLI_COMMON_OPTIONS
	};
	struct replace_request req;
	const char *placement = NULL, *by = NULL;
	int ch, rc;

	memset(&req, 0, sizeof(req));
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_ACUTE: req.acute = 1; break;
		case OPT_BY: by = optarg; break;
		case OPT_DATE: placement = optarg; break;
		case OPT_NOTE: req.ev.note = optarg; break;
		case OPT_TYPE: req.type = optarg; break;
		case 'h':
			return cli_usage(usage_replace, 1);
		default:
			rc = cli_common_option(ch, optarg);
			if (rc != 0)
				return rc < 0 ? cli_usage(usage_replace, 0) :
				    rc;
		}
	}
	if ((rc = cli_operands(argc - optind, 1, 1, "one FILE",
	    usage_replace)) != 0)
		return rc;
	req.ev.kind = EV_REPLACE;
	req.ev.value = placement;
	if ((rc = check(&req, placement)) != 0 ||
	    (rc = record_when_who(&req.ev, NULL, by)) != 0)
		return rc;
	if ((rc = find_operand(&argv[optind])) != 0)
		return rc;
	rc = case_update(argv[optind], add_events, &req);
	if (rc == 0) {
		text_put(stdout, argv[optind]);
		printf(": omplacering %s; checklistan börjar om med Inför "
		    "placering\n", placement);
	}
	return rc;
}
