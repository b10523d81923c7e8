/* sams phases: the model's phases in order and the steps of each. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "describe.h"
#include "i18n.h"
#include "modeljson.h"
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
	printf("%s (%s)\n", m->title, m->id);
	if (strstr(m->name, "local.yml") != NULL) {
		text_escape(&name, m->name, strlen(m->name), 0);
		/* TRANSLATORS: %s is a folder's .sams/local.yml. */
		printf(_("With local routines from %s\n"), name.buf);
		strbuf_release(&name);
	}
	for (p = 0; p < m->nphases; p++) {
		printf("\n%zu. %s (%s)\n", p + 1, m->phases[p].title,
		    m->phases[p].id);
		describe_steps(stdout, m, p, NULL);
	}
	return SAMS_EXIT_OK;
}
