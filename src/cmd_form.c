/* sams form: a step's form (blankett), filled from a case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "diag.h"
#include "form.h"
#include "i18n.h"
#include "sams.h"
#include "strbuf.h"
#include "suggest.h"
#include "text.h"
#include "xalloc.h"

static const char usage_form[] =
    "sams form [--format text|md|html] [--output FILE] [--today DATE]\n"
    "           FILE STEP\n"
    "sams form [--today DATE] FILE\n";

static const struct cli_opt_help form_opts[] = {
	{ OPT_FORMAT, NULL, N_("text (the default), md (Markdown) or html "
	    "(a page for A4)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_form = {
	usage_form,
	N_("a step's form filled from a case, or the case's forms"),
	form_opts,
	"sams form arenden/k7q2.yml\n"
	"sams form --format html --output beslut.html K7Q2-9XHD ip-beslut\n"
};

struct form_run {
	enum form_format	 format;
	int			 format_given;
	const char		*output;	/* --output, or NULL */
	const char		*step;		/* NULL: list the forms */
	FILE			*out;
	int			 rc;
};

static enum cli_parsed
form_option(int opt, char *arg, void *ctx)
{
	static const char *const formats[] = {
		[FORM_TEXT] = "text", [FORM_MD] = "md", [FORM_HTML] = "html",
	};
	struct form_run *run = ctx;
	int i;

	if (opt == OPT_OUTPUT) {
		run->output = arg;
		return CLI_GO;
	}
	if ((i = cli_choice(arg, "--format", formats, 3)) < 0)
		return CLI_BAD;
	run->format = (enum form_format)i;
	run->format_given = 1;
	return CLI_GO;
}

/* "step 'x' has no form; the steps with one: a, b or c". */
static void
no_form(const struct model *m, const char *id)
{
	struct strbuf list = STRBUF_INIT;
	const char **ids = xcalloc(m->nsteps + 1, sizeof(*ids));
	size_t i, n = 0;

	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].form != NULL)
			ids[n++] = m->steps[i].id;
	text_list(&list, ids, n, _("and"));
	if (n == 0)
		error_msg("step '%s' has no form, and model '%s' has no "
		    "forms", id, m->id);
	else
		error_msg("step '%s' has no form; the steps with one are %s",
		    id, list.buf);
	strbuf_release(&list);
	free(ids);
}

static void
show(const struct case_state *st, void *arg)
{
	struct form_run *run = arg;
	size_t i;

	if (run->step == NULL) {
		if (form_list(run->out, st) == 0)
			printf(_("Model '%s' has no forms.\n"), st->m->id);
		return;
	}
	i = model_step_index(st->m, run->step);
	if (i == NO_INDEX) {
		suggest_unknown(st->m, SUGGEST_STEP, run->step, NULL);
		run->rc = SAMS_EXIT_USAGE;
		return;
	}
	if (st->m->steps[i].form == NULL) {
		no_form(st->m, run->step);
		run->rc = SAMS_EXIT_USAGE;
		return;
	}
	if (st->steps[i].state == STEP_NA)
		diag(DIAG_WARNING, NULL, 0, 0, "step '%s' does not apply to this case by its facts; "
		    "the form is written all the same", run->step);
	form_write(run->out, st, i, run->format);
}

int
cmd_form(int argc, char *argv[])
{
	static const int options[] = { OPT_FORMAT, OPT_OUTPUT, 0 };
	struct form_run run = { FORM_TEXT, 0, NULL, NULL, stdout, 0 };
	struct cli_output out;
	enum cli_parsed parsed;
	int rc, made;

	parsed = cli_parse(argc, argv, usage_form, options, form_option,
	    &run);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	if ((rc = cli_operands(argc - optind, 1, 2, N_("FILE and STEP"),
	    usage_form)) != 0)
		return rc;
	if (argc - optind == 2)
		run.step = argv[optind + 1];
	else if (run.format_given || run.output != NULL) {
		error_msg("--format and --output go with a STEP; 'sams form "
		    "FILE' lists the forms");
		return cli_usage(usage_form, 0);
	}
	if ((rc = cli_output_open(&out, run.output, &run.out)) != 0)
		return rc;
	rc = case_each(argv + optind, 1, cli_today(), show, &run) == 0 ?
	    run.rc : cli_failed();
	made = cli_output_close(&out, rc == 0);
	return made > rc ? made : rc;
}
