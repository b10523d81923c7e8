/* sams done: record a step as done. */
#include "cmd_step.h"
#include "sams.h"

static const char usage_done[] =
    "sams done [--date DATE] [--by NAME] [--note TEXT] FILE STEP\n";

int
cmd_done(int argc, char *argv[])
{
	return record_step_main(argc, argv, EV_DONE, usage_done);
}
