/* sams skip: record a step as not applicable. */
#include "cmd_step.h"
#include "i18n.h"
#include "sams.h"

static const char usage_skip[] =
    "sams skip [--date DATE] [--by NAME] --reason TEXT FILE STEP\n";

static const struct cli_opt_help skip_opts[] = {
	{ OPT_DATE, NULL, N_("the day it was decided, YYYY-MM-DD "
	    "(default: today)") },
	{ OPT_REASON, NULL, N_("why the step does not apply, kept in the "
	    "history (required)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_skip = {
	usage_skip,
	N_("record a step as not applicable"),
	skip_opts,
	"sams skip --reason 'Ingen skolplacering behövs' K7Q2-9XHD "
	"ip-skolplats\n"
};

int
cmd_skip(int argc, char *argv[])
{
	return record_step_main(argc, argv, EV_SKIP, usage_skip);
}
