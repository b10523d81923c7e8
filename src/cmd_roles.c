/* sams roles: what each role is responsible for. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "colour.h"
#include "describe.h"
#include "i18n.h"
#include "layout.h"
#include "modeljson.h"
#include "pager.h"
#include "sams.h"
#include "strbuf.h"
#include "suggest.h"
#include "text.h"

static const char usage_roles[] =
    "sams roles [--format text|json] [--model ID] [ROLE]\n";

const struct cli_help help_roles = {
	usage_roles,
	N_("the model's roles, or what one role is responsible for"),
	NULL,
	"sams roles\n"
	"sams roles rektor-mottagande\n"
};

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

/*
 * The steps r takes over when their owner has no named contact but r
 * has (fallback-owner in sams-phases(5)).
 */
static void
fallback_steps(const struct model *m, const struct role *r)
{
	struct strbuf title = STRBUF_INIT, owner = STRBUF_INIT;
	const struct step *s;
	size_t i, n = 0;

	for (i = 0; i < m->nsteps; i++) {
		s = &m->steps[i];
		if (s->fallback == NO_INDEX || &m->roles[s->fallback] != r)
			continue;
		if (n++ == 0)
			printf("\n%s%s%s\n", colour_start(stdout,
			    COLOUR_HEADING), _("When the owning role has no "
			    "named contact"), colour_end(stdout));
		strbuf_release(&title);
		strbuf_release(&owner);
		text_escape(&title, s->title, strlen(s->title), 0);
		text_escape(&owner, m->roles[s->owner].title,
		    strlen(m->roles[s->owner].title), 0);
		/* TRANSLATORS: a step's id and title, and the role whose
		 * step it is. */
		printf(_("  %s  %s, instead of %s\n"), s->id, title.buf,
		    owner.buf);
	}
	strbuf_release(&title);
	strbuf_release(&owner);
}

/* "TITLE (ID)" after before, bold as a heading. */
static void
role_heading(const struct role *r, const char *before)
{
	fputs(before, stdout);
	fputs(colour_start(stdout, COLOUR_HEADING), stdout);
	text_put(stdout, r->title);
	printf(" (%s)%s\n", r->id, colour_end(stdout));
}

static void
one_role(const struct model *m, const struct role *r)
{
	size_t p;

	role_heading(r, "");
	if (r->about != NULL) {
		fputs("  ", stdout);
		layout_wrap(stdout, r->about, 2, 2);
	}
	for (p = 0; p < m->nphases; p++) {
		if (!owns_step_in(m, p, r))
			continue;
		putchar('\n');
		colour_put(stdout, COLOUR_HEADING, m->phases[p].title);
		putchar('\n');
		describe_steps(stdout, m, p, r->id);
	}
	fallback_steps(m, r);
}

int
cmd_roles(int argc, char *argv[])
{
	const struct model *m;
	enum cli_format format;
	size_t i;
	int rc;

	rc = describe_options(argc, argv, usage_roles, &m, &format);
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
		if (format == FORMAT_JSON)
			modeljson_roles(stdout, m, i);
		else
			one_role(m, &m->roles[i]);
		return SAMS_EXIT_OK;
	}
	if (format == FORMAT_JSON) {
		modeljson_roles(stdout, m, NO_INDEX);
		return SAMS_EXIT_OK;
	}
	pager_start();
	for (i = 0; i < m->nroles; i++) {
		role_heading(&m->roles[i], i > 0 ? "\n" : "");
		if (m->roles[i].about != NULL) {
			fputs("  ", stdout);
			layout_wrap(stdout, m->roles[i].about, 2, 2);
		}
	}
	return SAMS_EXIT_OK;
}
