/* sams status: the whole checklist of a case. */
#include "cli.h"
#include "htmlstatus.h"
#include "i18n.h"
#include "percase.h"
#include "render.h"
#include "sams.h"

static const char usage_status[] =
    "sams status [--format text|json] [--output FILE] [--today DATE]\n"
    "           FILE...\n"
    "sams status --format html [--output FILE] [--today DATE] FILE\n";

static const struct cli_opt_help status_opts[] = {
	{ OPT_FORMAT, NULL, N_("text (the default), json, or html: a page "
	    "of one case") },
	{ 0, NULL, NULL }
};

const struct cli_help help_status = {
	usage_status,
	N_("every phase and step of a case"),
	status_opts,
	"sams status arenden/k7q2.yml\n"
	"sams status --format html --output k7q2.html K7Q2-9XHD\n"
};

int
cmd_status(int argc, char *argv[])
{
	static const struct percase status = {
		usage_status, render_status_text, render_status_json,
		html_status
	};

	return percase_main(argc, argv, &status);
}
