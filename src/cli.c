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
#include "facts.h"
#include "fileio.h"
#include "i18n.h"
#include "layout.h"
#include "modelset.h"
#include "render.h"
#include "sams.h"
#include "stats.h"
#include "strbuf.h"
#include "suggest.h"
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

/*
 * A long option as getopt_long() takes it, the name of its value and what
 * it does, for help (a command's struct cli_help may say it otherwise).
 */
struct option_def {
	struct option	 o;
	const char	*arg;
	const char	*text;
};

#define REQ	required_argument
#define NOARG	no_argument

/* Every command's own long options, by the value getopt_long() gives. */
static const struct option_def own_options[] = {
	{ { "acute", NOARG, NULL, OPT_ACUTE }, NULL,
	    N_("an acute placement: the first steps are due within days") },
	{ { "born", REQ, NULL, OPT_BORN }, "YEAR",
	    N_("the child's year of birth, YYYY (never a date of birth)") },
	{ { "by", REQ, NULL, OPT_BY }, "NAME",
	    N_("who did it (default: SAMS_BY, else the login name)") },
	{ { "by-owner", NOARG, NULL, OPT_BY_OWNER }, NULL,
	    N_("group the text report by person: one list each") },
	{ { "contact", REQ, NULL, OPT_CONTACT }, "ROLE=NAME",
	    N_("the named contact for a role; may be repeated") },
	{ { "csv-excel", NOARG, NULL, OPT_CSV_EXCEL }, NULL,
	    N_("CSV for Excel in a Swedish locale: ';' between cells, "
	    "Swedish headers") },
	{ { "date", REQ, NULL, OPT_DATE }, "DATE",
	    N_("the day it happened, YYYY-MM-DD (default: today)") },
	{ { "due-within", REQ, NULL, OPT_DUE_WITHIN }, "DAYS",
	    N_("only steps due within DAYS days, or overdue") },
	{ { "exit-status", NOARG, NULL, OPT_EXIT_STATUS }, NULL,
	    N_("exit with status 1 when a step shown is overdue") },
	{ { "files0-from", REQ, NULL, OPT_FILES0 }, "FILE",
	    N_("also the paths in FILE, separated by NUL bytes (- for "
	    "standard input)") },
	{ { "format", REQ, NULL, OPT_FORMAT }, "FORMAT",
	    N_("text (the default) or json") },
	{ { "id", REQ, NULL, OPT_ID }, "ID",
	    N_("the case's pseudonymous id (default: a random one such as "
	    "K7Q2-9XHD); never a personnummer") },
	{ { "lvu", NOARG, NULL, OPT_LVU }, NULL,
	    N_("the care is given under LVU") },
	{ { "model", REQ, NULL, OPT_MODEL }, "ID",
	    N_("the model to describe (default: sams)") },
	{ { "name", REQ, NULL, OPT_NAME }, "MUNICIPALITY",
	    N_("the municipality's name, kept in .sams/config.yml") },
	{ { "no-school-change", NOARG, NULL, OPT_NO_SCHOOL_CHANGE }, NULL,
	    N_("the placement does not mean a change of school") },
	{ { "no-school-change-at-end", NOARG, NULL, OPT_NO_CHANGE_AT_END },
	    NULL, N_("its end does not mean a change of school (by default "
	    "it does if the placement did)") },
	{ { "note", REQ, NULL, OPT_NOTE }, "TEXT",
	    N_("a note kept with what is recorded") },
	{ { "other-municipality", NOARG, NULL, OPT_OTHER_MUNICIPALITY }, NULL,
	    N_("the child is placed in another municipality than the "
	    "hemkommun") },
	{ { "overdue", NOARG, NULL, OPT_OVERDUE }, NULL,
	    N_("only overdue steps") },
	{ { "owner", REQ, NULL, OPT_OWNER }, "NAME",
	    N_("only the steps of the named contact NAME (default: "
	    "SAMS_OWNER; \"\" for everyone's)") },
	{ { "output", REQ, NULL, OPT_OUTPUT }, "FILE",
	    N_("write to FILE, put in place only when complete (- for "
	    "standard output)") },
	{ { "phase", REQ, NULL, OPT_PHASE }, "PHASE",
	    N_("only the cases whose current phase is PHASE") },
	{ { "from", REQ, NULL, OPT_FROM }, "DATE",
	    N_("the first day of the period (default: a year before --to)") },
	{ { "to", REQ, NULL, OPT_TO }, "DATE",
	    N_("the last day of the period (default: today)") },
	{ { "limit", REQ, NULL, OPT_LIMIT }, "DAYS",
	    N_("days to school start above which a placement is over the "
	    "limit (default: 7)") },
	{ { "list", REQ, NULL, OPT_LIST }, "FIGURE[=GROUP]",
	    N_("instead of the figures, the case files behind one, a path a "
	    "line") },
	{ { "aggregate", NOARG, NULL, OPT_AGGREGATE }, NULL,
	    N_("only counts and rates, no ids or file names, small counts "
	    "hidden") },
	{ { "min-cell", REQ, NULL, OPT_MIN_CELL }, "N",
	    N_("with --aggregate: the fewest cases a count may be based on "
	    "(default: 5)") },
	{ { "placement-date", REQ, NULL, OPT_PLACEMENT_DATE }, "DATE",
	    N_("the day the placement starts, YYYY-MM-DD") },
	{ { "protected", NOARG, NULL, OPT_PROTECTED }, NULL,
	    N_("protected place of stay or personal data: the steps that "
	    "involve the guardians or name the school warn") },
	{ { "reason", REQ, NULL, OPT_REASON }, "TEXT",
	    N_("why, kept in the history (required)") },
	{ { "receiving", REQ, NULL, OPT_RECEIVING }, "SCHOOL",
	    N_("the receiving school") },
	{ { "role", REQ, NULL, OPT_ROLE }, "ROLE",
	    N_("only the steps this role owns") },
	{ { "school-form", REQ, NULL, OPT_SCHOOL_FORM }, "FORM",
	    N_("the child's school form") },
	{ { "sending", REQ, NULL, OPT_SENDING }, "SCHOOL",
	    N_("the sending school") },
	{ { "type", REQ, NULL, OPT_TYPE }, "TYPE",
	    N_("the kind of placement") },
};

/* The long options every command takes, after its own. */
static const struct option_def common_options[] = {
	{ { "color", REQ, NULL, OPT_COLOR }, "WHEN",
	    N_("colour text: auto (the default: on a terminal), always or "
	    "never") },
	{ { "phases", REQ, NULL, OPT_PHASES }, "DIR",
	    N_("read the models from DIR instead of the built-in ones") },
	{ { "today", REQ, NULL, OPT_TODAY }, "DATE",
	    N_("count due and overdue from DATE, YYYY-MM-DD, instead of "
	    "today") },
	{ { "help", NOARG, NULL, 'h' }, NULL,
	    N_("show this help") },
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
			if (own_options[k].o.val == opts[i])
				out[n++] = own_options[k].o;
	for (k = 0; k < NCOMMON; k++)
		out[n++] = common_options[k].o;
	memset(&out[n], 0, sizeof(out[n]));
}

static int
is_common(int opt)
{
	size_t k;

	for (k = 0; k < NCOMMON; k++)
		if (common_options[k].o.val == opt)
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

static const struct option_def *
find_option(int opt)
{
	size_t k;

	for (k = 0; k < NOWN; k++)
		if (own_options[k].o.val == opt)
			return &own_options[k];
	for (k = 0; k < NCOMMON; k++)
		if (common_options[k].o.val == opt)
			return &common_options[k];
	return NULL;
}

static const struct cli_help *help_now;	/* the command's, or NULL */

void
cli_set_help(const struct cli_help *help)
{
	help_now = help;
}

/*
 * The placeholders of the synopses and of the options' values, in
 * capitals as sams(1) has them.  A language names them in its own words
 * (FIL, DATUM), so that no line of help mixes two languages; option names
 * and their values are lower case and stay as they are.
 */
static const char *const placeholders[] = {
	/* TRANSLATORS: placeholders of usage lines and option help, in
	 * capitals without spaces; the same word everywhere (also in the
	 * messages that name them, as "FILE and STEP"). */
	N_("FILE"), N_("STEP"), N_("DATE"), N_("DIR"), N_("NAME"),
	N_("TEXT"), N_("TYPE"), N_("WHEN"), N_("COMMAND"), N_("ARGS"),
	N_("DAYS"), N_("ROLE"), N_("PHASE"), N_("PATH"), N_("MUNICIPALITY"),
	N_("KEY"), N_("VALUE"), N_("FIGURE"), N_("GROUP"), N_("FORM"),
	N_("SCHOOL"), N_("YEAR"), N_("FORMAT"), N_("MODEL"),
	/* TRANSLATORS: merge-file's three versions of a file, as git
	 * names them: the common ancestor, ours and theirs. */
	N_("BASE"), N_("OURS"), N_("THEIRS"), NULL
};

/*
 * Appends s with each whole word in capitals that is a placeholder
 * translated: "[--today DATE] FILE..." to "[--today DATUM] FIL...".
 */
static void
add_placeholders(struct strbuf *sb, const char *s)
{
	size_t i, n;

	while (*s != '\0') {
		n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
		if (n < 2 || (s[n] >= 'a' && s[n] <= 'z')) {
			strbuf_add(sb, s, n > 0 ? n : 1);
			s += n > 0 ? n : 1;
			continue;
		}
		for (i = 0; placeholders[i] != NULL; i++)
			if (strlen(placeholders[i]) == n &&
			    strncmp(s, placeholders[i], n) == 0)
				break;
		if (placeholders[i] != NULL)
			strbuf_addstr(sb, _(placeholders[i]));
		else
			strbuf_add(sb, s, n);
		s += n;
	}
}

/* The name of opt's value and what it does, for the command in help. */
static void
option_words(const struct cli_help *help, const struct option_def *d,
    const char **arg, const char **text)
{
	const struct cli_opt_help *o;

	*arg = d->arg;
	*text = d->text;
	for (o = help->opts; o != NULL && o->opt != 0; o++)
		if (o->opt == d->o.val) {
			*arg = o->arg != NULL ? o->arg : d->arg;
			*text = o->text;
		}
}

static size_t
option_width(const struct cli_help *help, const struct option_def *d)
{
	struct strbuf sb = STRBUF_INIT;
	const char *arg, *text;
	size_t w;

	option_words(help, d, &arg, &text);
	if (arg != NULL)
		add_placeholders(&sb, arg);
	w = 4 + strlen(d->o.name) + (arg != NULL ? 1 + text_width(sb.buf) :
	    0);
	strbuf_release(&sb);
	return w;
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

/* Whether id is one of the ", "-separated names of list. */
static int
listed(const char *list, const char *id)
{
	size_t n = strlen(id), len;

	for (; *list != '\0'; list += len + (list[len] != '\0' ? 2 : 0)) {
		len = strcspn(list, ",");
		if (len == n && strncmp(list, id, n) == 0)
			return 1;
	}
	return 0;
}

/* Appends the names of a NULL-ended list. */
static void
join(struct strbuf *sb, const char *const *names)
{
	for (; *names != NULL; names++)
		strbuf_addf(sb, "%s%s", sb->len ? ", " : "", *names);
}

/*
 * The figures --list takes: those over cases (a table's wants its group,
 * as the synopsis and the error say; --by's are named in sams(1)).
 */
static void
figure_names(struct strbuf *sb)
{
	const struct stats_figure *f;

	for (f = stats_figures; f->name != NULL; f++)
		if (f->kind != FIG_LIMIT && f->tab != TAB_BY)
			strbuf_addf(sb, "%s%s", sb->len ? ", " : "", f->name);
}

/* Appends the ids of the models' roles or phases, each once. */
static void
model_ids(struct strbuf *sb, enum suggest_kind kind)
{
	const char *const *mid;
	const struct model *m;
	const char *id;
	size_t i, n;

	diag_set_sink(NULL, NULL, 1);	/* a broken model says so elsewhere */
	for (mid = builtin_model_ids; *mid != NULL; mid++) {
		if (model_get(*mid, &m) != 0 || m == NULL)
			continue;
		n = kind == SUGGEST_ROLE ? m->nroles : m->nphases;
		for (i = 0; i < n; i++) {
			id = kind == SUGGEST_ROLE ? m->roles[i].id :
			    m->phases[i].id;
			if (!listed(sb->buf, id))
				strbuf_addf(sb, "%s%s", sb->len ? ", " : "",
				    id);
		}
	}
	diag_set_sink(NULL, NULL, 0);
}
/*
 * The values of an option that takes one of a closed set, from the tables
 * that decide: the models this run reads (--phases) for roles and phases.
 */
static void
print_values(FILE *fp, int opt, size_t col)
{
	struct strbuf sb = STRBUF_INIT, line = STRBUF_INIT;

	switch (opt) {
	case OPT_ROLE:
	case OPT_CONTACT:
		model_ids(&sb, SUGGEST_ROLE);
		break;
	case OPT_PHASE:
		model_ids(&sb, SUGGEST_PHASE);
		break;
	case OPT_TYPE:
		join(&sb, placement_types);
		break;
	case OPT_SCHOOL_FORM:
		join(&sb, school_forms);
		break;
	case OPT_MODEL:
		join(&sb, builtin_model_ids);
		break;
	case OPT_LIST:
		figure_names(&sb);
		break;
	}
	if (sb.len > 0) {
		/* TRANSLATORS: the values an option takes, after its line. */
		strbuf_addf(&line, _("values: %s"), sb.buf);
		pad(fp, col);
		layout_wrap(fp, line.buf, col, col + 2);
	}
	strbuf_release(&sb);
	strbuf_release(&line);
}

/* "  --name ARG", then what it does from column col, wrapped. */
static void
print_option(FILE *fp, const struct cli_help *help,
    const struct option_def *d, size_t col)
{
	struct strbuf sb = STRBUF_INIT;
	const char *arg, *text;
	size_t w = option_width(help, d);

	option_words(help, d, &arg, &text);
	if (arg != NULL)
		add_placeholders(&sb, arg);
	fprintf(fp, "  --%s%s%s", d->o.name, arg != NULL ? " " : "", sb.buf);
	strbuf_release(&sb);
	if (w + 2 > col) {
		fputc('\n', fp);
		pad(fp, col);
	} else
		pad(fp, col - w);
	layout_wrap(fp, _(text), col, col);
	print_values(fp, d->o.val, col);
}

/* The options help lists: the command's own in opts, then the common. */
static size_t
help_options(const int *opts, const struct option_def **out)
{
	size_t i, k, n = 0;
	const struct option_def *d;

	for (i = 0; opts != NULL && opts[i] != 0 && n < NOWN; i++) {
		if ((d = find_option(opts[i])) == NULL)
			continue;
		/* In the order of their names, as the man page has them. */
		for (k = n++; k > 0 && strcmp(out[k - 1]->o.name,
		    d->o.name) > 0; k--)
			out[k] = out[k - 1];
		out[k] = d;
	}
	for (k = 0; k < NCOMMON; k++)
		if (opts != NULL || common_options[k].o.val == 'h')
			out[n++] = &common_options[k];
	return n;
}

void
cli_print_help(const char *command, const struct cli_help *help,
    const int *opts)
{
	const struct option_def *list[NOWN + NCOMMON];
	size_t i, n, col = 0;
	const char *p, *end;

	cli_print_usage(stdout, help->usage);
	printf("\nsams %s: %s\n\n%s\n", command, _(help->summary),
	    _("Options:"));
	n = help_options(opts, list);
	for (i = 0; i < n; i++)
		if (option_width(help, list[i]) + 2 > col)
			col = option_width(help, list[i]) + 2;
	if (col > 26)
		col = 26;
	for (i = 0; i < n; i++)
		print_option(stdout, help, list[i], col);
	printf("\n%s\n", _("Examples:"));
	for (p = help->examples; *p != '\0'; p = end + 1) {
		end = strchr(p, '\n');
		printf("  %.*s\n", (int)(end - p), p);
	}
	putchar('\n');
	/* TRANSLATORS: %s is a command; COMMANDS is a section of the
	 * English manual page. */
	printf(_("See sams(1), under COMMANDS, for more on %s.\n"), command);
}

/*
 * Reports the option getopt_long() just refused, and the command's option
 * closest to one it does not know.
 */
static void
bad_option(const struct option *longopts)
{
	const char *word = cli_argv != NULL && optind > 0 ?
	    cli_argv[optind - 1] : "?";
	char names[NOWN + NCOMMON][32], typed[48];
	size_t i, n = strcspn(word, "=");
	struct suggest sg;

	if (optopt >= 256 && word[n] == '=') {
		error_msg("option '%.*s' takes no value", (int)(n < 40 ? n :
		    40), word);
		return;
	}
	if (optopt >= 256)
		error_msg("option '%.40s' wants a value", word);
	else if (optopt != 0)
		error_msg("unknown option '-%c'", optopt);
	else
		error_msg("unknown option '%.*s'", (int)(n < 40 ? n : 40), word);
	if (optopt != 0 || strncmp(word, "--", 2) != 0)
		return;
	snprintf(typed, sizeof(typed), "%.*s", (int)n, word);
	suggest_init(&sg, typed);
	for (i = 0; longopts[i].name != NULL; i++) {
		snprintf(names[i], sizeof(names[i]), "--%s", longopts[i].name);
		suggest_add(&sg, names[i]);
	}
	suggest_note(&sg);
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
		if (ch == 'h' && help_now != NULL)
			cli_print_help(argv[0], help_now, opts != NULL ? opts :
			    (const int[]){ 0 });
		if (ch == 'h') {
			if (help_now == NULL)
				cli_usage(usage, 1);
			return CLI_DONE;
		}
		if ((ch == '?' || ch == ':') && lister != NULL)
			return CLI_DONE;
		if (ch == '?' || ch == ':') {
			bad_option(longopts);
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

void
cli_print_usage(FILE *fp, const char *text)
{
	/* TRANSLATORS: before a command's synopsis, whose later lines are
	 * indented to follow it. */
	const char *prefix = _("usage: ");
	struct strbuf sb = STRBUF_INIT;
	size_t width = text_width(prefix);
	char *p, *end;

	add_placeholders(&sb, text);
	fputs(prefix, fp);
	for (p = sb.buf; *p != '\0'; p = end) {
		end = p + strcspn(p, "\n");
		if (*end == '\n')
			end++;
		/* "usage: " is 7 wide: continued lines are indented for it. */
		if (p != sb.buf)
			pad(fp, *p != ' ' ? width : width > 7 ? width - 7 : 0);
		fwrite(p, 1, (size_t)(end - p), fp);
	}
	strbuf_release(&sb);
}

int
cli_usage(const char *text, int help)
{
	if (help) {
		cli_print_usage(stdout, text);
		return SAMS_EXIT_OK;
	}
	cli_print_usage(stderr, text);
	if (cli_argv != NULL)
		fprintf(stderr, _("Try 'sams %s --help' or 'man sams' for "
		    "more.\n"), cli_argv[0]);
	else
		fputs(_("Try 'sams help' or 'man sams' for more.\n"), stderr);
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
	/* TRANSLATORS: %s names the operands, as "FILE and STEP". */
	error_msg("%s expected, %d given", _(what), given);
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
	text_list(&list, names, n, _("or"));
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
 * Says what free text from the command line must not hold: a case file
 * keeps only what can be shown and parsed again, and a line is one line.
 */
static void
refuse_text(const char *option, enum text_kind kind)
{
	switch (kind) {
	case TEXT_NEWLINE:
		error_msg("%s must be one line", option);
		break;
	case TEXT_TAB:
		error_msg("%s holds a tab", option);
		break;
	case TEXT_CONTROL:
		error_msg("%s holds a control character", option);
		break;
	case TEXT_FORMAT:
		error_msg("%s holds a line separator, a bidirectional control "
		    "or an invisible character", option);
		break;
	default:
		error_msg("%s is not valid UTF-8", option);
		break;
	}
}

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
		refuse_text(option, kind);
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
	return *by != NULL ? cli_line(*by, _("the login name")) : 0;
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

/*
 * Says that what the command wrote is in place though standard output,
 * which told of it, could not be written: a retry must not write twice.
 */
static void
warn_written(int err)
{
	const char *command = cli_argv != NULL ? cli_argv[0] : "";

	if (strcmp(command, "init") == 0)
		diag(DIAG_WARNING, NULL, 0, 0, "the folder was set up, but "
		    "standard output was not: %s", strerror(err));
	else if (strcmp(command, "merge-file") == 0)
		diag(DIAG_WARNING, NULL, 0, 0, "the merged file was written, "
		    "but standard output was not: %s", strerror(err));
	else if (strcmp(command, "new") == 0)
		diag(DIAG_WARNING, NULL, 0, 0, "the case file was created, "
		    "but standard output was not: %s", strerror(err));
	else
		diag(DIAG_WARNING, NULL, 0, 0, "the case file was written, "
		    "but standard output was not: %s", strerror(err));
}

int
cli_finish(int rc)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	/* 74 says "unchanged"; a retry must not record an event twice. */
	if (file_committed()) {
		warn_written(errno != 0 ? errno : EIO);
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
