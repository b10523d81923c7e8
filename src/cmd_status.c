/* sams status: the whole checklist of a case. */
#include "percase.h"
#include "render.h"
#include "sams.h"

int
cmd_status(int argc, char *argv[])
{
	static const struct percase status = {
		"sams status [--format text|json] [--today DATE] FILE...\n",
		render_status_text, render_status_json
	};

	return percase_main(argc, argv, &status);
}
