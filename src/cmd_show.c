/* sams show: one step in full. */
#include <stdio.h>

#include "cli.h"
#include "describe.h"
#include "sams.h"
#include "suggest.h"

static const char usage_show[] = "sams show [--model ID] STEP\n";

int
cmd_show(int argc, char *argv[])
{
	const struct model *m;
	size_t i;
	int rc;

	rc = describe_options(argc, argv, usage_show, &m);
	if (rc != 0)
		return rc < 0 ? SAMS_EXIT_OK : rc;
	if (argc - optind != 1)
		return cli_usage(usage_show, 0);
	i = model_step_index(m, argv[optind]);
	if (i == NO_INDEX) {
		suggest_unknown(m, SUGGEST_STEP, argv[optind], "show");
		return SAMS_EXIT_USAGE;
	}
	describe_step(stdout, m, &m->steps[i]);
	return SAMS_EXIT_OK;
}
