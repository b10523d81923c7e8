/* sams: global options, the command table and dispatch. */
#include <sys/resource.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "fileio.h"
#include "find.h"
#include "folder.h"
#include "i18n.h"
#include "layout.h"
#include "modelset.h"
#include "sams.h"
#include "suggest.h"

struct command {
	const char		*name;
	int			(*fn)(int, char *[]);
	const struct cli_help	*help;
	int			 writes;	/* see run_command() */
};
/* A command without help is hidden from sams help: __complete. */

static int cmd_help(int, char *[]);

static const struct cli_help help_help = {
	"sams help [COMMAND]\n",
	N_("list the commands, or show one's help"),
	NULL,
	"sams help\n"
	"sams help report\n"
};

static const struct command commands[] = {
	{ "check", cmd_check, &help_check, 0 },
	{ "doctor", cmd_doctor, &help_doctor, 0 },
	{ "done", cmd_done, &help_done, 1 },
	{ "form", cmd_form, &help_form, 0 },
	{ "help", cmd_help, &help_help, 0 },
	{ "init", cmd_init, &help_init, 1 },
	{ "log", cmd_log, &help_log, 0 },
	{ "merge-file", cmd_merge_file, &help_merge_file, 1 },
	{ "new", cmd_new, &help_new, 1 },
	{ "next", cmd_next, &help_next, 0 },
	{ "note", cmd_note, &help_note, 1 },
	{ "phases", cmd_phases, &help_phases, 0 },
	{ "reopen", cmd_reopen, &help_reopen, 1 },
	{ "replace", cmd_replace, &help_replace, 1 },
	{ "report", cmd_report, &help_report, 0 },
	{ "roles", cmd_roles, &help_roles, 0 },
	{ "set", cmd_set, &help_set, 1 },
	{ "show", cmd_show, &help_show, 0 },
	{ "skip", cmd_skip, &help_skip, 1 },
	{ "stats", cmd_stats, &help_stats, 0 },
	{ "status", cmd_status, &help_status, 0 },
	{ "__complete", cmd_complete, NULL, 0 },	/* hidden */
	{ NULL, NULL, NULL, 0 }
};

static const char usage_text[] =
    "sams [--phases DIR] [--today DATE] [--color WHEN]\n"
    "           COMMAND [ARGS]\n"
    "       sams --version | --help\n";

static const struct command *
find_command(const char *name)
{
	const struct command *c;

	for (c = commands; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Says that name is no command, and which one was meant if one is close. */
static int
unknown_command(const char *name)
{
	const struct command *c;
	struct suggest sg;

	error_msg("unknown command '%.40s'; try 'sams help'", name);
	suggest_init(&sg, name);
	sg.prefix = 2;		/* few and short: "st" means stats or status */
	for (c = commands; c->name != NULL; c++)
		if (c->help != NULL)
			suggest_add(&sg, c->name);
	suggest_note(&sg);
	return SAMS_EXIT_USAGE;
}

static void
list_commands(FILE *fp)
{
	const struct command *c;

	cli_print_usage(fp, usage_text);
	fprintf(fp, "\n%s\n", _("Commands:"));
	for (c = commands; c->name != NULL; c++) {
		if (c->help == NULL)
			continue;
		fprintf(fp, "  %-10s ", c->name);
		layout_wrap(fp, _(c->help->summary), 13, 13);
	}
	fprintf(fp, "\n%s\n", _("'sams help COMMAND' or 'sams COMMAND --help' "
	    "shows a command's options."));
	fprintf(fp, "%s\n", _("See sams(1), sams-case(5) and "
	    "sams-phases(5)."));
}

/* The help of c, as "sams c --help" prints it. */
static int
command_help(const struct command *c)
{
	char *args[] = { (char *)c->name, (char *)"--help", NULL };

	cli_set_argv(args);
	cli_set_help(c->help);
	return c->fn(2, args);
}

sams_command_fn *
sams_command(const char *name)
{
	const struct command *c = find_command(name);

	return c != NULL ? c->fn : NULL;
}

const char *
sams_command_name(size_t i)
{
	const struct command *c;

	for (c = commands; c->name != NULL; c++)
		if (c->help != NULL && i-- == 0)
			return c->name;
	return NULL;
}

static int
cmd_help(int argc, char *argv[])
{
	const struct command *c;

	if (argc > 2) {
		error_msg("help takes one COMMAND, %d given", argc - 1);
		return cli_usage(help_help.usage, 0);
	}
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		list_commands(stdout);
		return SAMS_EXIT_OK;
	}
	c = find_command(argv[1]);
	if (c == NULL || c->help == NULL)
		return unknown_command(argv[1]);
	if (c->fn == cmd_help) {
		list_commands(stdout);
		return SAMS_EXIT_OK;
	}
	return command_help(c);
}

/*
 * Makes sure fds 0-2 are open, so no file we open lands on them.  Read
 * only: a closed standard output or error stays one that cannot be
 * written, and cli_finish() says so, as for any failed write.
 */
static void
sanitize_stdfds(void)
{
	int fd;

	do {
		fd = open("/dev/null", O_RDONLY);
	} while (fd >= 0 && fd <= 2);
	if (fd > 2)
		close(fd);
}

static void
harden(void)
{
	struct rlimit no_core = { 0, 0 };

	sanitize_stdfds();
	umask(077);
	setrlimit(RLIMIT_CORE, &no_core);
	/* Past a file size limit, write() then fails with EFBIG: exit 74. */
	signal(SIGXFSZ, SIG_IGN);
	srandom((unsigned)time(NULL) ^ (unsigned)getpid());
	file_install_signal_cleanup();
}

static const struct {
	const char	*name;
	int		 opt;
} global_opts[] = {
	{ "--color", OPT_COLOR },
	{ "--phases", OPT_PHASES },
	{ "--today", OPT_TODAY },
};

/* One of --color, --phases, --today, as "--opt VALUE" or "--opt=VALUE". */
static int
global_option(int argc, char *argv[], int *i)
{
	const char *arg = argv[*i], *value;
	struct suggest sg;
	size_t k, n;

	for (k = 0; k < sizeof(global_opts) / sizeof(global_opts[0]); k++) {
		n = strlen(global_opts[k].name);
		if (strncmp(arg, global_opts[k].name, n) != 0)
			continue;
		if (arg[n] == '=')
			value = arg + n + 1;
		else if (arg[n] == '\0' && *i + 1 < argc)
			value = argv[++*i];
		else if (arg[n] == '\0') {
			error_msg("option '%s' wants a value",
			    global_opts[k].name);
			return SAMS_EXIT_USAGE;
		} else
			continue;
		return cli_parsed_status(cli_common_option(global_opts[k].opt,
		    value));
	}
	error_msg("unknown option '%.40s'; try 'sams help'", arg);
	suggest_init(&sg, arg);
	for (k = 0; k < sizeof(global_opts) / sizeof(global_opts[0]); k++)
		suggest_add(&sg, global_opts[k].name);
	suggest_add(&sg, "--version");
	suggest_add(&sg, "--help");
	/* A short option as other programs have them: -v for --version. */
	if (arg[0] == '-' && arg[1] == 'v' && arg[2] == '\0') {
		suggest_init(&sg, "--version");
		suggest_add(&sg, "--version");
	}
	suggest_note(&sg);
	return SAMS_EXIT_USAGE;
}

/*
 * "sams X.Y.Z" for scripts, then the models built in: the format each is
 * written in, and the model it extends.
 */
static void
print_version(void)
{
	const struct builtin_model *b;

	printf("sams %s\n", SAMS_VERSION);
	for (b = builtin_models; b->id != NULL; b++) {
		if (b->model->extends != NULL)
			printf(_("model %s: format sams-model 1, extends %s\n"),
			    b->id, b->model->extends);
		else
			printf(_("model %s: format sams-model 1\n"), b->id);
	}
}

/* Global options before the command; returns the index of the command. */
static int
global_options(int argc, char *argv[], int *rc)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--version") == 0) {
			print_version();
			*rc = SAMS_EXIT_OK;
			return -1;
		}
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			list_commands(stdout);
			*rc = SAMS_EXIT_OK;
			return -1;
		}
		*rc = global_option(argc, argv, &i);
		if (*rc != 0)
			return -1;
	}
	return i;
}

/*
 * A command that writes must not die of a closed pipe half-way or after
 * its rename: it ignores SIGPIPE and cli_finish() judges what failed.
 * Read-only commands keep dying of it quietly, as filters do.
 */
static int
run_command(const struct command *c, int argc, char *argv[])
{
	if (c->writes)
		signal(SIGPIPE, SIG_IGN);
	cli_set_argv(argv);
	cli_set_help(c->help);
	return c->fn(argc, argv);
}

int
main(int argc, char *argv[])
{
	const struct command *c;
	int i, rc = 0;

	harden();
	i18n_init();
	rc = cli_environment();
	if (rc != 0)
		return rc;
	i = global_options(argc, argv, &rc);
	if (i < 0)
		return cli_finish(rc);
	if (i >= argc) {
		list_commands(stderr);
		return SAMS_EXIT_USAGE;
	}
	c = find_command(argv[i]);
	if (c == NULL)
		return unknown_command(argv[i]);
	rc = run_command(c, argc - i, argv + i);
	model_cache_release();
	folder_forget();
	find_forget();
	return cli_finish(rc);
}
