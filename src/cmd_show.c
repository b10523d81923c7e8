/* sams show: one step in full. */
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "caselog.h"
#include "cli.h"
#include "describe.h"
#include "i18n.h"
#include "modeljson.h"
#include "sams.h"
#include "suggest.h"

static const char usage_show[] =
    "sams show [--format text|json] [--model ID] STEP | FILE\n";

const struct cli_help help_show = {
	usage_show,
	N_("one step in full, or a case file as sams log shows it"),
	NULL,
	"sams show ip-informera\n"
	"sams show --model sisam sis-undervisning\n"
};

/*
 * Whether the operand names a case file rather than a step: a path with
 * a slash or a name ending in .yml or .yaml, which no step id can be.
 */
static int
names_file(const char *operand)
{
	size_t n = strlen(operand);

	return strchr(operand, '/') != NULL ||
	    (n > 4 && strcmp(operand + n - 4, ".yml") == 0) ||
	    (n > 5 && strcmp(operand + n - 5, ".yaml") == 0);
}

static void
show_case(const struct case_state *st, void *arg)
{
	if (*(enum cli_format *)arg == FORMAT_JSON)
		caselog_json(stdout, st);
	else
		caselog_text(stdout, st);
}

int
cmd_show(int argc, char *argv[])
{
	const struct model *m;
	enum cli_format format;
	size_t i;
	int rc;

	rc = describe_options(argc, argv, usage_show, &m, &format);
	if (rc != 0 || m == NULL)	/* m NULL: --help */
		return rc;
	if (argc - optind != 1)
		return cli_usage(usage_show, 0);
	if (names_file(argv[optind]))	/* as "sams log FILE" */
		return case_each(argv + optind, 1, cli_today(), show_case,
		    &format) == 0 ? 0 : cli_failed();
	i = model_step_index(m, argv[optind]);
	if (i == NO_INDEX) {
		suggest_unknown(m, SUGGEST_STEP, argv[optind], "show");
		return SAMS_EXIT_USAGE;
	}
	if (format == FORMAT_JSON)
		modeljson_step(stdout, m, i);
	else
		describe_step(stdout, m, &m->steps[i]);
	return SAMS_EXIT_OK;
}
