/* sams next: the steps that can be done now, who owns them and why. */
#include <stdio.h>
#include <string.h>

#include "caseio.h"
#include "cli.h"
#include "diag.h"
#include "filter.h"
#include "render.h"
#include "sams.h"
#include "state.h"
#include "suggest.h"

static const char usage_next[] =
    "sams next [--format text|json] [--role ROLE] [--owner NAME]\n"
    "          [--today DATE] FILE...\n";

enum {
	OPT_OWNER = 512
};

struct next_opts {
	enum cli_format	 format;
	const char	*role;
	int		 shown;
	struct step_filter filter;
	struct suggest_filter role_filter;
};

static void
show_next(const struct case_state *st, void *arg)
{
	struct next_opts *o = arg;

	if (!suggest_filter_case(&o->role_filter, st->m))
		return;		/* a role of the other cases' models */
	if (o->format == FORMAT_JSON)
		render_next_json(stdout, st, &o->filter);
	else {
		if (o->shown)
			putchar('\n');
		render_next_text(stdout, st, &o->filter);
	}
	o->shown++;
}

int
cmd_next(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "owner", required_argument, NULL, OPT_OWNER },
		{ "role", required_argument, NULL, OPT_ROLE },
		CLI_COMMON_OPTIONS
	};
	struct next_opts o = { .format = FORMAT_TEXT, .filter = STEP_FILTER_INIT };
	const char *owner = NULL;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_FORMAT:
			if ((rc = cli_format(optarg, &o.format)) != 0)
				return rc;
			break;
		case OPT_ROLE:
			o.role = optarg;
			break;
		case OPT_OWNER:
			owner = optarg;
			break;
		case 'h':
			return cli_usage(usage_next, 1);
		default:
			rc = cli_common_option(ch, optarg);
			if (rc != 0)
				return rc < 0 ? cli_usage(usage_next, 0) : rc;
		}
	}
	if ((rc = cli_operands(argc - optind, 1, argc, "FILE",
	    usage_next)) != 0)
		return rc;
	if ((rc = cli_owner(owner, &o.filter.owner)) != 0)
		return rc;
	o.filter.role = o.role;
	if (suggest_filter_begin(&o.role_filter, SUGGEST_ROLE, "--role", o.role,
	    argv + optind, (size_t)(argc - optind)) != 0)
		return SAMS_EXIT_USAGE;
	rc = case_each(argv + optind, argc - optind, show_next, &o);
	return suggest_filter_end(&o.role_filter) ? SAMS_EXIT_USAGE : rc;
}
