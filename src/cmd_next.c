/* sams next: the steps that can be done now, who owns them and why. */
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "diag.h"
#include "filter.h"
#include "i18n.h"
#include "render.h"
#include "sams.h"
#include "state.h"
#include "suggest.h"

static const char usage_next[] =
    "sams next [--format text|json] [--role ROLE] [--owner NAME]\n"
    "          [--today DATE] FILE...\n";

const struct cli_help help_next = {
	usage_next,
	N_("the steps that can be done now, who owns them and why"),
	NULL,
	"sams next arenden/k7q2.yml\n"
	"sams next --role rektor-mottagande K7Q2-9XHD\n"
};

struct next_opts {
	enum cli_format	 format;
	const char	*role;
	int		 shown;
	const char	*owner;		/* --owner, before SAMS_OWNER */
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

static enum cli_parsed
next_option(int opt, char *arg, void *ctx)
{
	struct next_opts *o = ctx;

	switch (opt) {
	case OPT_FORMAT:
		return cli_format(arg, &o->format);
	case OPT_ROLE:
		o->role = arg;
		break;
	case OPT_OWNER:
		o->owner = arg;
		break;
	}
	return CLI_GO;
}

int
cmd_next(int argc, char *argv[])
{
	static const int options[] = { OPT_FORMAT, OPT_OWNER, OPT_ROLE, 0 };
	struct next_opts o = { .format = FORMAT_TEXT, .filter = STEP_FILTER_INIT };
	enum cli_parsed parsed;
	int rc;

	parsed = cli_parse(argc, argv, usage_next, options, next_option, &o);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if ((rc = cli_operands(argc - optind, 1, argc, N_("FILE"),
	    usage_next)) != 0)
		return rc;
	if ((rc = cli_owner(o.owner, &o.filter.owner)) != 0)
		return rc;
	o.filter.role = o.role;
	if (suggest_filter_begin(&o.role_filter, SUGGEST_ROLE, "--role", o.role,
	    argv + optind, (size_t)(argc - optind)) != 0)
		return SAMS_EXIT_USAGE;
	rc = case_each(argv + optind, argc - optind, cli_today(), show_next,
	    &o) == 0 ? 0 : cli_failed();
	return suggest_filter_end(&o.role_filter) ? SAMS_EXIT_USAGE : rc;
}
