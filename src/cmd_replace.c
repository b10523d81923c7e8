/* sams replace: omplacering; the checklist starts again at the first phase. */
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
#include "personnummer.h"
#include "cmd_step.h"
#include "sams.h"
#include "strbuf.h"
#include "suggest.h"
#include "text.h"

static const char usage_replace[] =
    "sams replace --date DATE [--type TYPE] [--acute] [--by NAME]\n"
    "           [--note TEXT] FILE\n";

static const struct cli_opt_help replace_opts[] = {
	{ OPT_DATE, NULL, N_("the new placement's date, YYYY-MM-DD "
	    "(required)") },
	{ OPT_TYPE, NULL, N_("the new placement's kind, if it changes") },
	{ OPT_ACUTE, NULL, N_("the new placement is acute") },
	{ 0, NULL, NULL }
};

const struct cli_help help_replace = {
	usage_replace,
	N_("a new placement (omplacering): the checklist starts again"),
	replace_opts,
	"sams replace --date 2027-01-10 --type hvb K7Q2-9XHD\n"
};

struct replace_request {
	struct event	 ev;		/* the replace event */
	const char	*type;
	int		 acute;
	const char	*placement, *by;	/* --date, --by */
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
check(struct replace_request *req)
{
	const char *placement = req->placement;
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

static enum cli_parsed
replace_option(int opt, char *arg, void *ctx)
{
	struct replace_request *req = ctx;

	switch (opt) {
	case OPT_ACUTE: req->acute = 1; break;
	case OPT_BY: req->by = arg; break;
	case OPT_DATE: req->placement = arg; break;
	case OPT_NOTE: req->ev.note = arg; break;
	case OPT_TYPE: req->type = arg; break;
	}
	return CLI_GO;
}

int
cmd_replace(int argc, char *argv[])
{
	static const int options[] = { OPT_ACUTE, OPT_BY, OPT_DATE, OPT_NOTE,
	    OPT_TYPE, 0 };
	struct replace_request req;
	struct strbuf name = STRBUF_INIT, date = STRBUF_INIT;
	enum cli_parsed parsed;
	int rc;

	memset(&req, 0, sizeof(req));
	parsed = cli_parse(argc, argv, usage_replace, options, replace_option,
	    &req);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if ((rc = cli_operands(argc - optind, 1, 1, N_("one FILE"),
	    usage_replace)) != 0)
		return rc;
	req.ev.kind = EV_REPLACE;
	req.ev.value = req.placement;
	if ((rc = check(&req)) != 0 ||
	    (rc = record_when_who(&req.ev, NULL, req.by)) != 0)
		return rc;
	if (find_operand(&argv[optind]) != 0 ||
	    case_update(argv[optind], add_events, &req) != 0)
		return cli_failed();
	text_escape(&name, argv[optind], strlen(argv[optind]), 0);
	colour_escape(&date, stdout, COLOUR_HEADING, req.placement);
	/* TRANSLATORS: FILE: re-placement DATE; Inför placering is the
	 * model's first phase. */
	printf(_("%s: re-placement %s; the checklist starts again with Inför "
	    "placering\n"), name.buf, date.buf);
	strbuf_release(&name);
	strbuf_release(&date);
	return 0;
}
