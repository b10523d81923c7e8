/* sams log: a case itself: facts, contacts and the whole history. */
#include "caselog.h"
#include "percase.h"
#include "sams.h"

int
cmd_log(int argc, char *argv[])
{
	static const struct percase log = {
		"sams log [--format text|json] FILE...\n",
		caselog_text, caselog_json, NULL
	};

	return percase_main(argc, argv, &log);
}
