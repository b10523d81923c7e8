/* sams check: validate case and model files, reporting every problem. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "model.h"
#include "sams.h"
#include "yamlio.h"

static const char usage_check[] = "sams check FILE...\n";

/* Whether text is a model file: its top level has "sams-model:". */
static int
is_model(const char *text)
{
	return strncmp(text, "sams-model:", 11) == 0 ||
	    strstr(text, "\nsams-model:") != NULL;
}

static int
check_file(const char *path)
{
	struct opened o;
	struct model *m;
	char *text;
	size_t len;
	int rc;

	rc = file_read(path, YAML_MAX_BYTES, &text, &len);
	if (rc != 0)
		return rc == SAMS_EXIT_NOINPUT ? rc : SAMS_EXIT_FINDINGS;
	if (is_model(text)) {
		m = model_load(text, len, path);
		rc = m == NULL ? SAMS_EXIT_FINDINGS : 0;
		model_free(m);
		return rc;
	}
	free(text);
	rc = case_open(path, &o);
	opened_close(&o);
	return rc == SAMS_EXIT_DATAERR ? SAMS_EXIT_FINDINGS : rc;
}

int
cmd_check(int argc, char *argv[])
{
	static const struct option longopts[] = {
		CLI_COMMON_OPTIONS
	};
	int ch, rc, worst = 0;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (ch == 'h')
			return cli_usage(usage_check, 1);
		rc = cli_common_option(ch, optarg);
		if (rc != 0)
			return rc < 0 ? cli_usage(usage_check, 0) : rc;
	}
	if (optind >= argc)
		return cli_usage(usage_check, 0);
	for (; optind < argc; optind++)
		worst = sams_exit_worst(worst, check_file(argv[optind]));
	return worst;
}
