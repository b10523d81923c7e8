/* sams log: a case itself: facts, contacts and the whole history. */
#include <stdio.h>

#include "caseio.h"
#include "caselog.h"
#include "cli.h"
#include "sams.h"
#include "state.h"

static const char usage_log[] =
    "sams log [--format text|json] FILE...\n";

struct log_opts {
	enum cli_format	format;
	int		shown;
};

static void
show_log(const struct case_state *st, void *arg)
{
	struct log_opts *o = arg;

	if (o->format == FORMAT_JSON)
		caselog_json(stdout, st);
	else {
		if (o->shown)
			putchar('\n');
		caselog_text(stdout, st);
	}
	o->shown++;
}

int
cmd_log(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		CLI_COMMON_OPTIONS
	};
	struct log_opts o = { FORMAT_TEXT, 0 };
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_FORMAT:
			if ((rc = cli_format(optarg, &o.format)) != 0)
				return rc;
			break;
		case 'h':
			return cli_usage(usage_log, 1);
		default:
			rc = cli_common_option(ch, optarg);
			if (rc != 0)
				return rc < 0 ? cli_usage(usage_log, 0) : rc;
		}
	}
	if ((rc = cli_operands(argc - optind, 1, argc, "FILE",
	    usage_log)) != 0)
		return rc;
	return case_each(argv + optind, argc - optind, show_log, &o);
}
