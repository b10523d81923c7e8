/* sams log: a case itself: facts, contacts and the whole history. */
#include "caselog.h"
#include "cli.h"
#include "i18n.h"
#include "percase.h"
#include "sams.h"

static const char usage_log[] = "sams log [--format text|json] FILE...\n";

const struct cli_help help_log = {
	usage_log,
	N_("the case itself: facts, contacts and history"),
	NULL,
	"sams log arenden/k7q2.yml\n"
	"sams log --format json K7Q2-9XHD\n"
};

int
cmd_log(int argc, char *argv[])
{
	static const struct percase log = {
		usage_log, caselog_text, caselog_json, NULL
	};

	return percase_main(argc, argv, &log);
}
