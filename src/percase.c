/* A command that prints each case whole: sams status, sams log. */
#include <stdio.h>

#include "batch.h"
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

static enum cli_parsed
format_option(int opt, char *arg, void *ctx)
{
	struct percase_run *run = ctx;

	(void)opt;	/* OPT_FORMAT */
	return cli_format(arg, &run->format);
}

int
percase_main(int argc, char *argv[], const struct percase *cmd)
{
	static const int options[] = { OPT_FORMAT, 0 };
	struct percase_run run = { cmd, FORMAT_TEXT, 0 };
	enum cli_parsed parsed;
	int rc;

	parsed = cli_parse(argc, argv, cmd->usage, options, format_option,
	    &run);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if ((rc = cli_operands(argc - optind, 1, argc, "FILE",
	    cmd->usage)) != 0)
		return rc;
	if (case_each(argv + optind, argc - optind, cli_today(), show,
	    &run) != 0)
		return cli_failed();
	return 0;
}
