/* sams report: one line per case over files and folders, with a summary. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "diag.h"
#include "folder.h"
#include "i18n.h"
#include "modelset.h"
#include "pager.h"
#include "pathstream.h"
#include "render.h"
#include "report.h"
#include "sams.h"
#include "stats.h"
#include "suggest.h"
#include "text.h"
#include "xalloc.h"

static const char usage_report[] =
    "sams report [--format text|tsv|csv|json|html|xlsx] [--csv-excel]\n"
    "           [--output FILE] [--role ROLE] [--owner NAME]\n"
    "           [--phase PHASE] [--overdue]\n"
    "           [--due-within DAYS] [--by-owner] [--exit-status]\n"
    "           [--files0-from FILE] [--today DATE] PATH...\n";

static const struct cli_opt_help report_opts[] = {
	{ OPT_FORMAT, NULL, N_("text (the default), tsv, csv, json, html "
	    "(a page) or xlsx (a workbook: give --output)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_report = {
	usage_report,
	N_("one line per case over files and folders, and a summary"),
	report_opts,
	"sams report --overdue arenden/\n"
	"sams report --format xlsx --output vecka49.xlsx arenden/\n"
};

struct report_cmd {
	struct report	 r;
	const char	*files0;
	const char	*owner;		/* --owner, before SAMS_OWNER */
	const char	*output;	/* --output, or NULL */
	int		 format_set;	/* --format given */
	struct stats	 stats;		/* the page's, as sams stats */
	int		 exit_status;
	struct suggest_filter role, phase;	/* unknown ones: 64 */
};

static enum cli_parsed
parse_format(const char *arg, enum report_format *fmt)
{
	static const char *const names[] = {
		[REPORT_TEXT] = "text", [REPORT_TSV] = "tsv",
		[REPORT_CSV] = "csv", [REPORT_JSON] = "json",
		[REPORT_HTML] = "html", [REPORT_XLSX] = "xlsx",
	};
	int i = cli_choice(arg, "--format", names,
	    sizeof(names) / sizeof(names[0]));

	if (i < 0)
		return CLI_BAD;
	*fmt = (enum report_format)i;
	return CLI_GO;
}

static enum cli_parsed
parse_days(const char *arg, long *days)
{
	char *end;

	errno = 0;
	*days = strtol(arg, &end, 10);
	if (errno != 0 || *end != '\0' || end == arg || *days < 0 ||
	    *days > 36600) {
		error_msg("--due-within wants a number of days");
		return CLI_BAD;
	}
	return CLI_GO;
}

static enum cli_parsed
report_option(int opt, char *arg, void *ctx)
{
	struct report_cmd *rc = ctx;
	struct report *r = &rc->r;

	switch (opt) {
	case OPT_BY_OWNER: r->by_owner = 1; break;
	case OPT_CSV_EXCEL: r->excel = 1; break;
	case OPT_DUE_WITHIN: return parse_days(arg, &r->filter.due_within);
	case OPT_EXIT_STATUS: rc->exit_status = 1; break;
	case OPT_FILES0: rc->files0 = arg; break;
	case OPT_FORMAT:
		rc->format_set = 1;
		return parse_format(arg, &r->format);
	case OPT_OUTPUT: rc->output = arg; break;
	case OPT_OVERDUE: r->filter.overdue = 1; break;
	case OPT_OWNER: rc->owner = arg; break;
	case OPT_PHASE: r->phase = arg; break;
	case OPT_ROLE: r->filter.role = arg; break;
	}
	return CLI_GO;
}

/*
 * What a machine format does instead of --by-owner, which groups the text
 * report only.
 */
static const char *const by_owner_instead[] = {
	[REPORT_TSV] = N_("each row names its owner (columns owner and name): "
	    "sort or filter on them"),
	[REPORT_CSV] = N_("each row names its owner (columns owner and name): "
	    "sort, filter or pivot on them"),
	[REPORT_JSON] = N_("each step names its owner (owner.name): group on it"),
	[REPORT_HTML] = N_("use --format text --by-owner for the agenda"),
	[REPORT_XLSX] = N_("the workbook has the sheet 'Per ansvarig', and the "
	    "column Namn of 'Steg' to filter on"),
};

/* The options that go with the format, and --csv-excel's csv. */
static int
check_format(struct report_cmd *rc)
{
	struct report *r = &rc->r;

	if (r->excel && rc->format_set && r->format != REPORT_CSV)
		return fail_at(FAIL_USAGE, NULL, 0, 0, "--csv-excel writes "
		    "CSV: leave out --format, or give --format csv");
	if (r->excel)
		r->format = REPORT_CSV;
	if (r->by_owner && r->format != REPORT_TEXT)
		return fail_at(FAIL_USAGE, NULL, 0, 0, "--by-owner groups "
		    "the text report only; %s", _(by_owner_instead[r->format]));
	if (r->format == REPORT_XLSX && rc->output == NULL)
		return fail_at(FAIL_USAGE, NULL, 0, 0, "--format xlsx writes "
		    "a workbook: give --output FILE (- for a pipe)");
	return 0;
}

static enum cli_parsed
parse_options(int argc, char *argv[], struct report_cmd *rc)
{
	static const int options[] = { OPT_BY_OWNER, OPT_CSV_EXCEL,
	    OPT_DUE_WITHIN,
	    OPT_EXIT_STATUS, OPT_FILES0, OPT_FORMAT, OPT_OUTPUT, OPT_OVERDUE,
	    OPT_OWNER, OPT_PHASE, OPT_ROLE, 0 };
	enum cli_parsed parsed;

	parsed = cli_parse(argc, argv, usage_report, options, report_option,
	    rc);
	if (parsed != CLI_GO)
		return parsed;
	if (optind >= argc && rc->files0 == NULL)
		return cli_bad_usage(usage_report);
	if (check_format(rc) != 0)
		return CLI_BAD;
	if (cli_owner(rc->owner, &rc->r.filter.owner) != 0)
		return CLI_BAD;
	rc->r.owner_env = rc->owner == NULL && rc->r.filter.owner != NULL;
	return CLI_GO;
}

static void
add_case(const struct case_state *st, void *arg)
{
	struct report_cmd *rc = arg;

	suggest_filter_case(&rc->role, st->m);
	suggest_filter_case(&rc->phase, st->m);
	if (rc->r.stats != NULL)
		stats_add(&rc->stats, st);
	report_case(&rc->r, st);
}

/*
 * The first path of each run of paths in one case folder, in order:
 * what suggest_filter_begin() looks at, without the whole list.
 */
struct folders {
	char		**paths;
	size_t		  n;
	char		 *last;		/* the folder of paths[n - 1] */
};

static void
add_folder(const char *path, void *arg)
{
	struct folders *f = arg;
	const char *folder = folder_find(path);

	if (folder == NULL || (f->last != NULL && strcmp(folder, f->last) == 0))
		return;
	free(f->last);
	f->last = xstrdup(folder);
	f->paths = xreallocarray(f->paths, f->n + 1, sizeof(*f->paths));
	f->paths[f->n++] = xstrdup(path);
}

static void
folders_free(struct folders *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->paths[i]);
	free(f->paths);
	free(f->last);
}

/* An unknown --role or --phase, told before any row where it can be. */
static int
check_filters(struct report_cmd *rc, struct pathstream *files)
{
	struct folders f = { NULL, 0, NULL };
	int worst = 0;

	if (rc->r.filter.role == NULL && rc->r.phase == NULL)
		return 0;
	if (pathstream_each(files, add_folder, &f) != 0)
		worst = cli_failed();
	else if (suggest_filter_begin(&rc->role, SUGGEST_ROLE, "--role",
	    rc->r.filter.role, f.paths, f.n) != 0 ||
	    suggest_filter_begin(&rc->phase, SUGGEST_PHASE, "--phase",
	    rc->r.phase, f.paths, f.n) != 0)
		worst = SAMS_EXIT_USAGE;
	folders_free(&f);
	return worst;
}

/* The report itself, once the filters are known to exist. */
static int
write_report(struct report_cmd *rc, struct pathstream *files)
{
	struct cli_output out;
	int worst, made;

	if ((worst = cli_output_open(&out, rc->output, &rc->r.out)) != 0)
		return worst;
	if (rc->r.format == REPORT_XLSX && (worst = cli_output_binary(
	    rc->r.out, "--format xlsx")) != 0) {
		cli_output_close(&out, 0);
		return worst;
	}
	if (!out.file && rc->r.format == REPORT_TEXT)
		pager_start();	/* before the heading */
	if (report_begin(&rc->r) != 0) {
		cli_output_close(&out, 0);
		return cli_failed();
	}
	worst = case_each_stream(pathstream_next, files, rc->r.today,
	    add_case, rc) == 0 ? 0 : cli_failed();
	if (rc->r.stats != NULL)
		stats_finish(&rc->stats);
	/* Not every file read: --output is not replaced by a part. */
	made = report_end(&rc->r) == 0 && !pathstream_failed(files);
	if (!made)
		worst = cli_failed();
	made = cli_output_close(&out, made);
	return made > worst ? made : worst;
}

/* The text table's file column: the widest path under 60 columns. */
static void
widen(const char *path, void *arg)
{
	struct report *r = arg;
	size_t w = text_width(path);

	if (w > r->file_width && w < 60)
		r->file_width = w;
}

static int
run(struct report_cmd *rc, struct pathstream *files)
{
	int worst;

	/* No model folder: no case can be read, so no report either. */
	if (model_dir_check() != 0)
		return cli_failed();
	if ((worst = check_filters(rc, files)) != 0)
		return worst;
	worst = write_report(rc, files);
	if (suggest_filter_end(&rc->role) || suggest_filter_end(&rc->phase))
		return SAMS_EXIT_USAGE;
	if (worst == 0 && rc->exit_status && rc->r.overdue_steps > 0)
		return SAMS_EXIT_FINDINGS;
	return worst;
}

int
cmd_report(int argc, char *argv[])
{
	struct report_cmd rc;
	struct pathstream *files;
	enum cli_parsed parsed;
	int worst, ran, walked;

	memset(&rc, 0, sizeof(rc));
	rc.r.filter.due_within = -1;
	rc.r.out = stdout;
	rc.r.json_row = render_next_json;
	rc.r.file_width = 3;
	parsed = parse_options(argc, argv, &rc);
	if (parsed != CLI_GO)
		return cli_parsed_status(parsed);
	rc.r.today = cli_today();	/* after --today */
	if (rc.r.format == REPORT_HTML) {	/* sams stats' defaults */
		stats_init(&rc.stats, stats_default_from(rc.r.today),
		    rc.r.today, rc.r.today);
		rc.r.stats = &rc.stats;
	}
	rc.r.paths = (const char *const *)argv + optind;
	rc.r.npaths = (size_t)(argc - optind);
	rc.r.files0 = rc.files0;
	files = pathstream_new(0);
	if (pathstream_walk(files, rc.files0, argc - optind, argv + optind,
	    widen, &rc.r, &walked) != 0)
		worst = cli_failed();	/* no list: no report */
	else {
		worst = cli_exit_status((enum diag_fail)walked);
		ran = run(&rc, files);
		if (ran > worst)	/* 1 or a failure's status */
			worst = ran;
	}
	report_release(&rc.r);
	if (rc.r.stats != NULL)
		stats_release(&rc.stats);
	pathstream_free(files);
	return worst;
}
