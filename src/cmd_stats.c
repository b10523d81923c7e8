/* sams stats: follow-up figures over the placements of files and folders. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "i18n.h"
#include "modelset.h"
#include "pager.h"
#include "pathstream.h"
#include "sams.h"
#include "stats.h"

static const char usage_stats[] =
    "sams stats [--from DATE] [--to DATE] [--limit DAYS]\n"
    "           [--by type|form|phase|month]\n"
    "           [--format text|json|csv|xlsx] [--output FILE]\n"
    "           [--list FIGURE[=GROUP]] [--aggregate [--min-cell N]]\n"
    "           [--files0-from FILE] [--today DATE] PATH...\n";

static const struct cli_opt_help stats_opts[] = {
	{ OPT_BY, "GROUP", N_("also the figures per group: type, form, "
	    "phase or month") },
	{ OPT_FORMAT, NULL, N_("text (the default), json, csv or xlsx (a "
	    "workbook: give --output)") },
	{ 0, NULL, NULL }
};

const struct cli_help help_stats = {
	usage_stats,
	N_("follow-up figures: days to school start, steps on time"),
	stats_opts,
	"sams stats arenden/\n"
	"sams stats --from 2026-01-01 --to 2026-12-31 --by type --aggregate "
	"arenden/\n"
};

struct stats_cmd {
	struct stats		 s;
	enum stats_format	 format;
	const char		*from, *to, *list, *files0;
	const char		*output;	/* --output, or NULL */
	long			 limit, min_cell;
};

static enum cli_parsed
parse_choice(const char *arg, const char *option, const char *const *names,
    size_t n, int *out)
{
	int i = cli_choice(arg, option, names, n);

	if (i < 0)
		return CLI_BAD;
	*out = i;
	return CLI_GO;
}

/* A whole number in lo ... hi for option. */
static enum cli_parsed
parse_number(const char *arg, const char *option, long lo, long hi,
    long *out)
{
	char *end;

	errno = 0;
	*out = strtol(arg, &end, 10);
	if (errno != 0 || *end != '\0' || end == arg || *out < lo ||
	    *out > hi) {
		fail_at(FAIL_USAGE, NULL, 0, 0, "%s wants a whole number "
		    "from %ld to %ld", option, lo, hi);
		return CLI_BAD;
	}
	return CLI_GO;
}

static enum cli_parsed
stats_option(int opt, char *arg, void *ctx)
{
	static const char *const formats[] = { "text", "json", "csv",
	    "xlsx" };
	static const char *const bys[] = { "", "type", "form", "phase",
	    "month" };
	struct stats_cmd *sc = ctx;
	int i;

	switch (opt) {
	case OPT_AGGREGATE: sc->s.aggregate = 1; break;
	case OPT_BY:
		if (parse_choice(arg, "--by", bys + 1, 4, &i) != CLI_GO)
			return CLI_BAD;
		sc->s.by = (enum stats_by)(i + 1);
		break;
	case OPT_FILES0: sc->files0 = arg; break;
	case OPT_FORMAT:
		if (parse_choice(arg, "--format", formats, 4, &i) != CLI_GO)
			return CLI_BAD;
		sc->format = (enum stats_format)i;
		break;
	case OPT_FROM: sc->from = arg; break;
	case OPT_LIMIT:
		return parse_number(arg, "--limit", 0, 36600, &sc->limit);
	case OPT_LIST: sc->list = arg; break;
	case OPT_MIN_CELL:
		return parse_number(arg, "--min-cell", 1, 1000000,
		    &sc->min_cell);
	case OPT_OUTPUT: sc->output = arg; break;
	case OPT_TO: sc->to = arg; break;
	}
	return CLI_GO;
}

/* The period: the year up to --today unless --from and --to say. */
static enum cli_parsed
period(struct stats_cmd *sc, long today)
{
	long from, to = today;

	if (sc->to != NULL && cli_date(sc->to, "--to", &to) != 0)
		return CLI_BAD;
	from = stats_default_from(to);
	if (sc->from != NULL && cli_date(sc->from, "--from", &from) != 0)
		return CLI_BAD;
	if (from > to) {
		fail_at(FAIL_USAGE, NULL, 0, 0, "--from %s is after --to %s",
		    sc->from != NULL ? sc->from : _("(a year before --to)"),
		    sc->to != NULL ? sc->to : _("(today)"));
		return CLI_BAD;
	}
	stats_init(&sc->s, from, to, today);
	return CLI_GO;
}

static enum cli_parsed
parse_options(int argc, char *argv[], struct stats_cmd *sc)
{
	static const int options[] = { OPT_AGGREGATE, OPT_BY, OPT_FILES0,
	    OPT_FORMAT, OPT_FROM, OPT_LIMIT, OPT_LIST, OPT_MIN_CELL,
	    OPT_OUTPUT, OPT_TO, 0 };
	enum cli_parsed parsed;
	int aggregate;
	enum stats_by by;

	parsed = cli_parse(argc, argv, usage_stats, options, stats_option,
	    sc);
	if (parsed != CLI_GO)
		return parsed;
	if (optind >= argc && sc->files0 == NULL)
		return cli_bad_usage(usage_stats);
	if (sc->min_cell > 0 && !sc->s.aggregate) {
		fail_at(FAIL_USAGE, NULL, 0, 0, "--min-cell goes with "
		    "--aggregate");
		return CLI_BAD;
	}
	if (sc->format == STATS_XLSX && sc->output == NULL) {
		fail_at(FAIL_USAGE, NULL, 0, 0, "--format xlsx writes a "
		    "workbook: give --output FILE (- for a pipe)");
		return CLI_BAD;
	}
	if (sc->format == STATS_XLSX && sc->list != NULL) {
		fail_at(FAIL_USAGE, NULL, 0, 0, "--list prints file names, "
		    "one a line: leave out --format xlsx");
		return CLI_BAD;
	}
	if (sc->list != NULL && sc->s.aggregate) {
		fail_at(FAIL_USAGE, NULL, 0, 0, "--list names case files, "
		    "which --aggregate never prints");
		return CLI_BAD;
	}
	aggregate = sc->s.aggregate;
	by = sc->s.by;
	if (period(sc, cli_today()) != CLI_GO)	/* after --today */
		return CLI_BAD;
	sc->s.aggregate = aggregate;
	sc->s.by = by;
	if (sc->limit >= 0)
		sc->s.limit = sc->limit;
	if (sc->min_cell > 0)
		sc->s.min_cell = (size_t)sc->min_cell;
	if (sc->list != NULL && stats_list(&sc->s, sc->list) != 0)
		return CLI_BAD;
	return CLI_GO;
}

static void
add_case(const struct case_state *st, void *arg)
{
	stats_add(arg, st);
}

/* The figures to standard output or --output: 0, or the exit status. */
static int
write_stats(struct stats_cmd *sc)
{
	struct cli_output out;
	FILE *fp;
	int rc, made;

	if ((rc = cli_output_open(&out, sc->output, &fp)) != 0)
		return rc;
	if (sc->format == STATS_XLSX &&
	    (rc = cli_output_binary(fp, "--format xlsx")) != 0) {
		cli_output_close(&out, 0);
		return rc;
	}
	if (!out.file && sc->format == STATS_TEXT)
		pager_start();
	made = stats_print(&sc->s, sc->format, fp) == 0;
	rc = made ? 0 : cli_failed();
	made = cli_output_close(&out, made);
	return made > rc ? made : rc;
}

int
cmd_stats(int argc, char *argv[])
{
	struct stats_cmd sc;
	struct pathstream *files;
	enum cli_parsed parsed;
	int worst, ran, walked;

	memset(&sc, 0, sizeof(sc));
	sc.limit = -1;
	parsed = parse_options(argc, argv, &sc);
	if (parsed != CLI_GO) {
		stats_release(&sc.s);
		return cli_parsed_status(parsed);
	}
	/* No model folder: no case can be read, so no figures either. */
	if (model_dir_check() != 0) {
		stats_release(&sc.s);
		return cli_failed();
	}
	files = pathstream_new(0);
	if (pathstream_walk(files, sc.files0, argc - optind, argv + optind,
	    NULL, NULL, &walked) != 0) {
		stats_release(&sc.s);	/* no list: no figures */
		pathstream_free(files);
		return cli_failed();
	}
	worst = cli_exit_status((enum diag_fail)walked);
	ran = case_each_stream(pathstream_next, files, sc.s.today, add_case,
	    &sc.s) == 0 ? 0 : cli_failed();
	if (ran > worst)
		worst = ran;
	stats_finish(&sc.s);
	/* Not every file read: the figures would look whole. */
	ran = pathstream_failed(files) ? worst : write_stats(&sc);
	if (ran > worst)
		worst = ran;
	stats_release(&sc.s);
	pathstream_free(files);
	return worst;
}
