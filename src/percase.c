/* A command that prints each case whole: sams status, sams log. */
#include <stdio.h>

#include "caseio.h"
#include "cli.h"
#include "percase.h"
#include "sams.h"

struct percase_run {
	const struct percase	*cmd;
	enum cli_format		 format;
	int			 shown;
};

static void
show(const struct case_state *st, void *arg)
{
	struct percase_run *run = arg;

	if (run->format == FORMAT_JSON)
		run->cmd->json(stdout, st);
	else {
		if (run->shown)
			putchar('\n');	/* a blank line between cases */
		run->cmd->text(stdout, st);
	}
	run->shown++;
}

int
percase_main(int argc, char *argv[], const struct percase *cmd)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		CLI_COMMON_OPTIONS
	};
	struct percase_run run = { cmd, FORMAT_TEXT, 0 };
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_FORMAT:
			if ((rc = cli_format(optarg, &run.format)) != 0)
				return rc;
			break;
		case 'h':
			return cli_usage(cmd->usage, 1);
		default:
			rc = cli_common_option(ch, optarg);
			if (rc != 0)
				return rc < 0 ? cli_usage(cmd->usage, 0) : rc;
		}
	}
	if ((rc = cli_operands(argc - optind, 1, argc, "FILE",
	    cmd->usage)) != 0)
		return rc;
	return case_each(argv + optind, argc - optind, show, &run);
}
