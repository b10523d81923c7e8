/* sams done: record a step as done. */
#include "cmd_step.h"
#include "i18n.h"
#include "sams.h"

static const char usage_done[] =
    "sams done [--date DATE] [--by NAME] [--note TEXT] FILE STEP\n";

static const struct cli_opt_help done_opts[] = {
	{ OPT_DATE, NULL, N_("the day the step was done, YYYY-MM-DD "
	    "(default: today)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_done = {
	usage_done,
	N_("record a step as done"),
	done_opts,
	"sams done arenden/k7q2.yml ip-kartlagg\n"
	"sams done --date 2026-11-20 --note 'Mejl till rektor' K7Q2-9XHD "
	"ip-informera\n"
};

int
cmd_done(int argc, char *argv[])
{
	return record_step_main(argc, argv, EV_DONE, usage_done);
}
