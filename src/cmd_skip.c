/* sams skip: record a step as not applicable. */
#include "cmd_step.h"
#include "sams.h"

static const char usage_skip[] =
    "sams skip [--date DATE] [--by NAME] --reason TEXT FILE STEP\n";

int
cmd_skip(int argc, char *argv[])
{
	return record_step_main(argc, argv, EV_SKIP, usage_skip);
}
