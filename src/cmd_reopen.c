/* sams reopen: undo a done or skipped step, keeping the history. */
#include "cmd_step.h"
#include "i18n.h"
#include "sams.h"

static const char usage_reopen[] =
    "sams reopen [--date DATE] [--by NAME] --reason TEXT FILE STEP\n";

static const struct cli_opt_help reopen_opts[] = {
	{ OPT_DATE, NULL, N_("the day it was undone, YYYY-MM-DD "
	    "(default: today)") },
	{ OPT_REASON, NULL, N_("why the step is open again, kept in the "
	    "history (required)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_reopen = {
	usage_reopen,
	N_("undo a done or skipped step"),
	reopen_opts,
	"sams reopen --reason 'Fel steg' arenden/k7q2.yml ip-informera\n"
};

int
cmd_reopen(int argc, char *argv[])
{
	return record_step_main(argc, argv, EV_REOPEN, usage_reopen);
}
