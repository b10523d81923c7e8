/* Command-line helpers shared by every command. */
#include <errno.h>
#include <sys/stat.h>

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "modelset.h"
#include "render.h"
#include "sams.h"
#include "strbuf.h"
#include "text.h"
#include "walk.h"

int
cli_date(const char *arg, const char *option, long *day)
{
	if (date_parse(arg, day) == 0)
		return 0;
	error_msg("%s wants a date as YYYY-MM-DD", option);
	return SAMS_EXIT_USAGE;
}

/* --today, or else SAMS_TODAY; DATE_NONE: the clock's. */
static long today = DATE_NONE;

long
cli_today(void)
{
	return today != DATE_NONE ? today : date_local_today();
}

static char **cli_argv;

void
cli_set_argv(char *argv[])
{
	cli_argv = argv;
	opterr = 0;
}

/* Says what was wrong with the option getopt_long() just refused. */
static void
bad_option(void)
{
	const char *word = cli_argv != NULL && optind > 0 ?
	    cli_argv[optind - 1] : "?";

	if (optopt >= 256)
		error_msg("option '%.40s' wants a value", word);
	else if (optopt != 0)
		error_msg("unknown option '-%c'", optopt);
	else
		error_msg("unknown option '%.40s'", word);
}

enum cli_parsed
cli_common_option(int opt, const char *arg)
{
	static const char *const colors[] = {
		[COLOR_AUTO] = "auto",
		[COLOR_ALWAYS] = "always",
		[COLOR_NEVER] = "never",
	};
	long day;
	int i;

	switch (opt) {
	case OPT_TODAY:
		if (cli_date(arg, "--today", &day) != 0)
			return CLI_BAD;
		today = day;
		return CLI_GO;
	case OPT_PHASES:
		model_set_dir(arg);
		return CLI_GO;
	case OPT_COLOR:
		i = cli_choice(arg, "--color", colors,
		    sizeof(colors) / sizeof(colors[0]));
		if (i < 0)
			return CLI_BAD;
		render_set_color((enum color_mode)i);
		return CLI_GO;
	default:	/* not one of them: a mistake in the caller */
		error_msg("option %d is not a common option", opt);
		return CLI_BAD;
	}
}

/* Every command's own long options, by the value getopt_long() gives. */
static const struct option own_options[] = {
	{ "acute", no_argument, NULL, OPT_ACUTE },
	{ "born", required_argument, NULL, OPT_BORN },
	{ "by", required_argument, NULL, OPT_BY },
	{ "by-owner", no_argument, NULL, OPT_BY_OWNER },
	{ "contact", required_argument, NULL, OPT_CONTACT },
	{ "csv-excel", no_argument, NULL, OPT_CSV_EXCEL },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "due-within", required_argument, NULL, OPT_DUE_WITHIN },
	{ "exit-status", no_argument, NULL, OPT_EXIT_STATUS },
	{ "files0-from", required_argument, NULL, OPT_FILES0 },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "id", required_argument, NULL, OPT_ID },
	{ "lvu", no_argument, NULL, OPT_LVU },
	{ "model", required_argument, NULL, OPT_MODEL },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "no-school-change", no_argument, NULL, OPT_NO_SCHOOL_CHANGE },
	{ "no-school-change-at-end", no_argument, NULL,
	    OPT_NO_CHANGE_AT_END },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "other-municipality", no_argument, NULL, OPT_OTHER_MUNICIPALITY },
	{ "overdue", no_argument, NULL, OPT_OVERDUE },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "phase", required_argument, NULL, OPT_PHASE },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "list", required_argument, NULL, OPT_LIST },
	{ "aggregate", no_argument, NULL, OPT_AGGREGATE },
	{ "min-cell", required_argument, NULL, OPT_MIN_CELL },
	{ "placement-date", required_argument, NULL, OPT_PLACEMENT_DATE },
	{ "protected", no_argument, NULL, OPT_PROTECTED },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "receiving", required_argument, NULL, OPT_RECEIVING },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "school-form", required_argument, NULL, OPT_SCHOOL_FORM },
	{ "sending", required_argument, NULL, OPT_SENDING },
	{ "type", required_argument, NULL, OPT_TYPE },
};

/* The long options every command takes, after its own. */
static const struct option common_options[] = {
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "phases", required_argument, NULL, OPT_PHASES },
	{ "today", required_argument, NULL, OPT_TODAY },
};

#define NOWN	(sizeof(own_options) / sizeof(own_options[0]))
#define NCOMMON	(sizeof(common_options) / sizeof(common_options[0]))

/* The table getopt_long() wants: the options in opts, the common ones, 0. */
static void
select_options(const int *opts, struct option out[NOWN + NCOMMON + 1])
{
	size_t i, k, n = 0;

	for (i = 0; opts != NULL && opts[i] != 0 && n < NOWN; i++)
		for (k = 0; k < NOWN; k++)
			if (own_options[k].val == opts[i])
				out[n++] = own_options[k];
	for (k = 0; k < NCOMMON; k++)
		out[n++] = common_options[k];
	memset(&out[n], 0, sizeof(out[n]));
}

static int
is_common(int opt)
{
	size_t k;

	for (k = 0; k < NCOMMON; k++)
		if (common_options[k].val == opt)
			return 1;
	return 0;
}

static cli_list_fn	*lister;
static void		*lister_arg;

void
cli_set_lister(cli_list_fn *fn, void *arg)
{
	lister = fn;
	lister_arg = arg;
}

/* Hands the lister the long options of longopts, for sams __complete. */
static enum cli_parsed
list_options(const struct option *longopts)
{
	char name[64];

	for (; longopts->name != NULL; longopts++) {
		snprintf(name, sizeof(name), "--%s", longopts->name);
		lister(name, longopts->has_arg == no_argument ?
		    CLI_LISTED_FLAG : CLI_LISTED_VALUE, lister_arg);
	}
	return CLI_DONE;
}

enum cli_parsed
cli_parse(int argc, char *argv[], const char *usage, const int *opts,
    cli_option_fn *fn, void *ctx)
{
	struct option longopts[NOWN + NCOMMON + 1];
	enum cli_parsed parsed;
	int ch;

	select_options(opts, longopts);
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (ch == 'h') {
			cli_usage(usage, 1);
			return CLI_DONE;
		}
		if ((ch == '?' || ch == ':') && lister != NULL)
			return CLI_DONE;
		if (ch == '?' || ch == ':') {
			bad_option();
			return cli_bad_usage(usage);
		}
		parsed = is_common(ch) ? cli_common_option(ch, optarg) :
		    fn(ch, optarg, ctx);
		if (parsed != CLI_GO)
			return parsed;
	}
	return lister != NULL ? list_options(longopts) : CLI_GO;
}

int
cli_parsed_status(enum cli_parsed parsed)
{
	return parsed == CLI_BAD ? SAMS_EXIT_USAGE : SAMS_EXIT_OK;
}

/*
 * SAMS_LOCK_TIMEOUT: seconds as digits with an optional fraction, at
 * most an hour, so that nan, inf, -1 or 1e999 can never mean waiting for
 * ever.  Unset or empty: fileio's default.
 */
static int
lock_timeout_environment(void)
{
	const char *s = getenv("SAMS_LOCK_TIMEOUT");
	size_t digits;
	double t;

	if (s == NULL || *s == '\0')
		return 0;
	digits = strspn(s, "0123456789");
	if (digits > 0 && s[digits] == '.')
		digits += 1 + strspn(s + digits + 1, "0123456789");
	t = digits > 0 && s[digits] == '\0' ? strtod(s, NULL) : -1;
	if (t < 0 || t > LOCK_TIMEOUT_MAX) {
		error_msg("SAMS_LOCK_TIMEOUT must be a number of seconds from "
		    "0 to %d", LOCK_TIMEOUT_MAX);
		return SAMS_EXIT_USAGE;
	}
	file_set_lock_timeout(t);
	return 0;
}

#define THREADS_MAX	64

/* SAMS_THREADS: a whole number from 1 to THREADS_MAX; caseio.c reads it. */
static int
threads_environment(void)
{
	const char *s = getenv("SAMS_THREADS");
	size_t digits;

	if (s == NULL || *s == '\0')
		return 0;
	digits = strspn(s, "0123456789");
	if (digits == 0 || digits > 2 || s[digits] != '\0' || atoi(s) < 1 ||
	    atoi(s) > THREADS_MAX) {
		error_msg("SAMS_THREADS must be a whole number from 1 to %d",
		    THREADS_MAX);
		return SAMS_EXIT_USAGE;
	}
	return 0;
}

int
cli_environment(void)
{
	const char *env = getenv("SAMS_TODAY");
	const char *phases = getenv("SAMS_PHASES");
	long day;
	int rc;

	if (phases != NULL && *phases != '\0')
		model_set_dir(phases);
	if ((rc = lock_timeout_environment()) != 0 ||
	    (rc = threads_environment()) != 0)
		return rc;
	if (env == NULL || *env == '\0')
		return 0;
	if (date_parse(env, &day) == -1) {
		error_msg("SAMS_TODAY must be a date as YYYY-MM-DD");
		return SAMS_EXIT_USAGE;
	}
	today = day;
	return 0;
}

int
cli_usage(const char *text, int help)
{
	if (help) {
		printf("usage: %s", text);
		return SAMS_EXIT_OK;
	}
	fprintf(stderr, "usage: %s", text);
	fputs("Try 'sams help' or 'man sams' for more.\n", stderr);
	return SAMS_EXIT_USAGE;
}

enum cli_parsed
cli_bad_usage(const char *text)
{
	cli_usage(text, 0);
	return CLI_BAD;
}

int
cli_operands(int given, int min, int max, const char *what,
    const char *usage)
{
	if (given >= min && given <= max)
		return 0;
	error_msg("%s expected, %d given", what, given);
	return cli_usage(usage, 0);
}

int
cli_choice(const char *arg, const char *option, const char *const *names,
    size_t n)
{
	struct strbuf list = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n && lister != NULL; i++)
		lister(names[i], CLI_LISTED_CHOICE, lister_arg);
	if (lister != NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(arg, names[i]) == 0)
			return (int)i;
	text_list(&list, names, n, "or");
	error_msg("%s wants %s", option, list.buf);
	strbuf_release(&list);
	return -1;
}

enum cli_parsed
cli_format(const char *arg, enum cli_format *fmt)
{
	static const char *const formats[] = {
		[FORMAT_TEXT] = "text",
		[FORMAT_JSON] = "json",
	};
	int i = cli_choice(arg, "--format", formats,
	    sizeof(formats) / sizeof(formats[0]));

	if (i < 0)
		return CLI_BAD;
	*fmt = (enum cli_format)i;
	return CLI_GO;
}

int
cli_paths(struct pathlist *files, const char *files0, int n,
    char *operands[])
{
	enum diag_fail worst = FAIL_NONE;
	int i;

	if (files0 != NULL && walk_files0(files, files0) != 0)
		worst = diag_failure();
	for (i = 0; i < n; i++)
		if (walk_operand(files, operands[i]) != 0 &&
		    diag_failure() > worst)
			worst = diag_failure();
	pathlist_sort(files);
	return cli_exit_status(worst);
}

/*
 * What free text from the command line must not hold, by kind: a case file
 * keeps only what can be shown and parsed again, and a line is one line.
 */
static const char *const text_refusals[] = {
	[TEXT_NEWLINE] = "must be one line",
	[TEXT_TAB] = "holds a tab",
	[TEXT_CONTROL] = "holds a control character",
	[TEXT_FORMAT] = "holds a line separator, a bidirectional control or "
	    "an invisible character",
	[TEXT_INVALID] = "is not valid UTF-8",
};

static int
check_text(const char *arg, const char *option, int lines)
{
	enum text_kind kind;
	unsigned long cp;
	size_t i, n = strlen(arg), len;

	if (n == 0) {
		error_msg("%s wants a non-empty text", option);
		return SAMS_EXIT_USAGE;
	}
	if (n > 4000) {
		error_msg("%s is longer than 4000 bytes", option);
		return SAMS_EXIT_USAGE;
	}
	for (i = 0; i < n; i += len) {
		kind = text_next(arg + i, n - i, &len, &cp);
		if (kind == TEXT_PLAIN || (lines && (kind == TEXT_NEWLINE ||
		    kind == TEXT_TAB)))
			continue;
		error_msg("%s %s", option, text_refusals[kind]);
		return SAMS_EXIT_USAGE;
	}
	return 0;
}

int
cli_text(const char *arg, const char *option)
{
	return check_text(arg, option, 1);
}

int
cli_line(const char *arg, const char *option)
{
	return check_text(arg, option, 0);
}

int
cli_default_by(const char **by)
{
	const char *env = getenv("SAMS_BY");
	struct passwd *pw;

	if (env != NULL && *env != '\0') {
		*by = env;
		return cli_line(env, "SAMS_BY");
	}
	pw = getpwuid(getuid());
	*by = pw != NULL ? pw->pw_name : NULL;
	return *by != NULL ? cli_line(*by, "the login name") : 0;
}

int
cli_owner(const char *arg, const char **owner)
{
	const char *env = getenv("SAMS_OWNER");

	*owner = NULL;
	if (arg != NULL && *arg == '\0')
		return 0;	/* --owner "": everyone, whatever SAMS_OWNER says */
	if (arg != NULL) {
		*owner = arg;
		return cli_line(arg, "--owner");
	}
	if (env == NULL || *env == '\0')
		return 0;
	*owner = env;
	return cli_line(env, "SAMS_OWNER");
}

/* What a command that wrote has changed, for cli_finish(). */
static const char *
what_changed(void)
{
	static const struct {
		const char	*command, *changed;
	} changes[] = {
		{ "init", "the folder was set up" },
		{ "merge-file", "the merged file was written" },
		{ "new", "the case file was created" },
	};
	size_t i;

	for (i = 0; cli_argv != NULL && i < sizeof(changes) /
	    sizeof(changes[0]); i++)
		if (strcmp(cli_argv[0], changes[i].command) == 0)
			return changes[i].changed;
	return "the case file was written";
}

int
cli_finish(int rc)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	/* 74 says "unchanged"; a retry must not record an event twice. */
	if (file_committed()) {
		diag(DIAG_WARNING, NULL, 0, 0, "%s, but standard output was "
		    "not: %s", what_changed(), strerror(errno != 0 ?
		    errno : EIO));
		return rc;
	}
	error_msg("cannot write to standard output: %s",
	    strerror(errno != 0 ? errno : EIO));
	return SAMS_EXIT_IOERR;
}

int
cli_exit_status(enum diag_fail kind)
{
	static const int status[] = {
		[FAIL_NONE] = SAMS_EXIT_OK,
		[FAIL_USAGE] = SAMS_EXIT_USAGE,
		[FAIL_DATA] = SAMS_EXIT_DATAERR,
		[FAIL_NOINPUT] = SAMS_EXIT_NOINPUT,
		[FAIL_SOFTWARE] = SAMS_EXIT_SOFTWARE,
		[FAIL_CANTCREAT] = SAMS_EXIT_CANTCREAT,
		[FAIL_IO] = SAMS_EXIT_IOERR,
		[FAIL_TEMP] = SAMS_EXIT_TEMPFAIL,
		[FAIL_NOPERM] = SAMS_EXIT_NOPERM,
	};

	return status[kind];
}

int
cli_failed(void)
{
	enum diag_fail kind = diag_failure();

	return kind == FAIL_NONE ? SAMS_EXIT_SOFTWARE : cli_exit_status(kind);
}

/* Whether path ends in .yml or .yaml, as case files are named. */
static int
yaml_name(const char *path)
{
	size_t n = strlen(path);

	return (n >= 4 && strcasecmp(path + n - 4, ".yml") == 0) ||
	    (n >= 5 && strcasecmp(path + n - 5, ".yaml") == 0);
}

/*
 * Whether path is a file that holds a case: its first lines have the
 * sams-case: key.  Whatever it is called and however the command was
 * told of it (a name, a link, a case id), a case is never replaced by
 * output.
 */
static int
holds_case(const char *path)
{
	static const char key[] = "sams-case:";
	char buf[4096];
	struct stat st;
	size_t n;
	FILE *fp;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return strncmp(buf, key, sizeof(key) - 1) == 0 ||
	    strstr(buf, "\nsams-case:") != NULL;
}

int
cli_output_open(struct cli_output *o, const char *path, FILE **fp)
{
	o->file = path != NULL && strcmp(path, "-") != 0;
	*fp = stdout;
	if (!o->file)
		return 0;
	if (*path == '\0') {
		fail_at(FAIL_USAGE, NULL, 0, 0, "--output wants a file name, "
		    "or - for standard output");
		return SAMS_EXIT_USAGE;
	}
	if (yaml_name(path)) {
		fail_at(FAIL_USAGE, path, 0, 0, "--output ends in .yml or "
		    ".yaml, as case files do; give another name");
		return SAMS_EXIT_USAGE;
	}
	if (holds_case(path)) {
		fail_at(FAIL_USAGE, path, 0, 0, "--output is a case file, "
		    "which it would replace; give another name");
		return SAMS_EXIT_USAGE;
	}
	if (file_out_open(&o->fo, path) != 0)
		return cli_failed();
	*fp = o->fo.fp;
	return 0;
}

int
cli_output_binary(FILE *fp, const char *what)
{
	if (!isatty(fileno(fp)))
		return 0;
	fail_at(FAIL_USAGE, NULL, 0, 0, "%s is not for a terminal: give "
	    "--output FILE", what);
	return SAMS_EXIT_USAGE;
}

int
cli_output_close(struct cli_output *o, int complete)
{
	if (!o->file)
		return 0;
	o->file = 0;
	if (!complete) {
		file_out_abandon(&o->fo);
		return 0;
	}
	return file_out_commit(&o->fo) == 0 ? 0 : cli_failed();
}
