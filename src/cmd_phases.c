/* sams phases: the model's phases in order and the steps of each. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "colour.h"
#include "describe.h"
#include "i18n.h"
#include "modeljson.h"
#include "pager.h"
#include "sams.h"
#include "strbuf.h"
#include "text.h"

static const char usage_phases[] = "sams phases [--format text|json] [--model ID]\n";

const struct cli_help help_phases = {
	usage_phases,
	N_("the model's phases and their steps"),
	NULL,
	"sams phases\n"
	"sams phases --model sisam\n"
};

int
cmd_phases(int argc, char *argv[])
{
	struct strbuf name = STRBUF_INIT;
	const struct model *m;
	enum cli_format format;
	size_t p;
	int rc;

	rc = describe_options(argc, argv, usage_phases, &m, &format);
	if (rc != 0 || m == NULL)	/* m NULL: --help */
		return rc;
	if (optind != argc)
		return cli_usage(usage_phases, 0);
	if (format == FORMAT_JSON) {
		modeljson_model(stdout, m);
		return SAMS_EXIT_OK;
	}
	pager_start();
	/* The model and its phases are headings, bold as in status. */
	fputs(colour_start(stdout, COLOUR_HEADING), stdout);
	text_put(stdout, m->title);
	printf(" (%s)%s\n", m->id, colour_end(stdout));
	if (strstr(m->name, "local.yml") != NULL) {
		text_escape(&name, m->name, strlen(m->name), 0);
		/* TRANSLATORS: %s is a folder's .sams/local.yml. */
		printf(_("With local routines from %s\n"), name.buf);
		strbuf_release(&name);
	}
	for (p = 0; p < m->nphases; p++) {
		printf("\n%s%zu. ", colour_start(stdout, COLOUR_HEADING), p + 1);
		text_put(stdout, m->phases[p].title);
		printf(" (%s)%s\n", m->phases[p].id, colour_end(stdout));
		describe_steps(stdout, m, p, NULL);
	}
	return SAMS_EXIT_OK;
}
