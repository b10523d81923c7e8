/* sams reopen: undo a done or skipped step, keeping the history. */
#include "cmd_step.h"
#include "sams.h"

static const char usage_reopen[] =
    "sams reopen [--date DATE] [--by NAME] --reason TEXT FILE STEP\n";

int
cmd_reopen(int argc, char *argv[])
{
	return record_step_main(argc, argv, EV_REOPEN, usage_reopen);
}
