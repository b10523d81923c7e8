/* sams roles: what each role is responsible for. */
#include <stdio.h>

#include "cli.h"
#include "describe.h"
#include "layout.h"
#include "sams.h"
#include "suggest.h"

static const char usage_roles[] = "sams roles [--model ID] [ROLE]\n";

static int
owns_step_in(const struct model *m, size_t phase, const struct role *r)
{
	size_t i;

	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].phase == phase &&
		    &m->roles[m->steps[i].owner] == r)
			return 1;
	return 0;
}

static void
one_role(const struct model *m, const struct role *r)
{
	size_t p;

	printf("%s (%s)\n", r->title, r->id);
	if (r->about != NULL) {
		fputs("  ", stdout);
		layout_wrap(stdout, r->about, 2, 2);
	}
	for (p = 0; p < m->nphases; p++) {
		if (!owns_step_in(m, p, r))
			continue;
		printf("\n%s\n", m->phases[p].title);
		describe_steps(stdout, m, p, r->id);
	}
}

int
cmd_roles(int argc, char *argv[])
{
	const struct model *m;
	size_t i;
	int rc;

	rc = describe_options(argc, argv, usage_roles, &m);
	if (rc != 0 || m == NULL)	/* m NULL: --help */
		return rc;
	if (argc - optind > 1)
		return cli_usage(usage_roles, 0);
	if (argc - optind == 1) {
		i = model_role_index(m, argv[optind]);
		if (i == NO_INDEX) {
			suggest_unknown(m, SUGGEST_ROLE, argv[optind],
			    "roles");
			return SAMS_EXIT_USAGE;
		}
		one_role(m, &m->roles[i]);
		return SAMS_EXIT_OK;
	}
	for (i = 0; i < m->nroles; i++) {
		printf("%s%s (%s)\n", i > 0 ? "\n" : "", m->roles[i].title,
		    m->roles[i].id);
		if (m->roles[i].about != NULL) {
			fputs("  ", stdout);
			layout_wrap(stdout, m->roles[i].about, 2, 2);
		}
	}
	return SAMS_EXIT_OK;
}
