/* sams status: the whole checklist of a case. */
#include "htmlstatus.h"
#include "percase.h"
#include "render.h"
#include "sams.h"

int
cmd_status(int argc, char *argv[])
{
	static const struct percase status = {
		"sams status [--format text|json] [--output FILE] [--today DATE]"
		" FILE...\n"
		"sams status --format html [--output FILE] [--today DATE] FILE\n",
		render_status_text, render_status_json, html_status
	};

	return percase_main(argc, argv, &status);
}
