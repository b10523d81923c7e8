/* A command that prints each case whole: sams status, sams log. */
#include <stdio.h>

#include "batch.h"
#include "cli.h"
#include "diag.h"
#include "pager.h"
#include "percase.h"
#include "sams.h"

/* The formats: cli_format()'s, then html. */
enum { PERCASE_TEXT, PERCASE_JSON, PERCASE_HTML };

struct percase_run {
	const struct percase	*cmd;
	int			 format;
	int			 shown;
	const char		*output;	/* --output, or NULL */
	FILE			*out;
};

static void
show(const struct case_state *st, void *arg)
{
	struct percase_run *run = arg;

	if (run->format == PERCASE_HTML)
		run->cmd->html(run->out, st);
	else if (run->format == PERCASE_JSON)
		run->cmd->json(run->out, st);
	else {
		if (run->shown)
			fputc('\n', run->out);	/* a blank line between cases */
		run->cmd->text(run->out, st);
	}
	run->shown++;
}

static enum cli_parsed
format_option(int opt, char *arg, void *ctx)
{
	static const char *const formats[] = {
		[PERCASE_TEXT] = "text", [PERCASE_JSON] = "json",
		[PERCASE_HTML] = "html",
	};
	struct percase_run *run = ctx;
	int i;

	if (opt == OPT_OUTPUT) {
		run->output = arg;
		return CLI_GO;
	}
	i = cli_choice(arg, "--format", formats, run->cmd->html != NULL ?
	    3 : 2);
	if (i < 0)
		return CLI_BAD;
	run->format = i;
	return CLI_GO;
}

/* The cases, written to standard output or to --output's file. */
static int
show_all(struct percase_run *run, char *files[], int n)
{
	struct cli_output out;
	int worst, made;

	if ((worst = cli_output_open(&out, run->output, &run->out)) != 0)
		return worst;
	if (!out.file && run->format == PERCASE_TEXT)
		pager_start();
	worst = case_each(files, n, cli_today(), show, run) == 0 ? 0 :
	    cli_failed();
	made = cli_output_close(&out, worst == 0);
	return made > worst ? made : worst;
}

int
percase_main(int argc, char *argv[], const struct percase *cmd)
{
	static const int options[] = { OPT_FORMAT, 0 };
	static const int html_options[] = { OPT_FORMAT, OPT_OUTPUT, 0 };
	struct percase_run run = { cmd, PERCASE_TEXT, 0, NULL, stdout };
	enum cli_parsed parsed;
	int rc;

	parsed = cli_parse(argc, argv, cmd->usage, cmd->html != NULL ?
	    html_options : options, format_option, &run);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if (run.format == PERCASE_HTML && argc - optind > 1) {
		error_msg("--format html makes a page of one case: one FILE, "
		    "%d given", argc - optind);
		return cli_usage(cmd->usage, 0);
	}
	if ((rc = cli_operands(argc - optind, 1, argc, "FILE",
	    cmd->usage)) != 0)
		return rc;
	return show_all(&run, argv + optind, argc - optind);
}
