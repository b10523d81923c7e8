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
#include "modelset.h"
#include "sams.h"
#include "suggest.h"

struct command {
	const char	*name;
	int		(*fn)(int, char *[]);
	const char	*summary;
	int		 writes;	/* see run_command() */
};
/* A command without a summary is hidden from sams help: __complete. */

static int cmd_help(int, char *[]);

static const struct command commands[] = {
	{ "check", cmd_check, "validate case and model files", 0 },
	{ "doctor", cmd_doctor, "check this sams and a case folder", 0 },
	{ "done", cmd_done, "record a step as done", 1 },
	{ "form", cmd_form, "a step's form (blankett), filled from a case", 0 },
	{ "help", cmd_help, "list the commands, or show one's usage", 0 },
	{ "init", cmd_init, "make a folder a case folder", 1 },
	{ "log", cmd_log, "the case itself: facts, contacts and history", 0 },
	{ "merge-file", cmd_merge_file, "the git merge driver for case files",
	    1 },
	{ "new", cmd_new, "create a case file", 1 },
	{ "next", cmd_next, "the steps that can be done now, who owns them "
	    "and why", 0 },
	{ "note", cmd_note, "add a dated note to a case's history", 1 },
	{ "phases", cmd_phases, "the model's phases and steps", 0 },
	{ "reopen", cmd_reopen, "undo a done or skipped step", 1 },
	{ "replace", cmd_replace, "omplacering: start the checklist again", 1 },
	{ "report", cmd_report, "one line per case over files and folders",
	    0 },
	{ "roles", cmd_roles, "what each role is responsible for", 0 },
	{ "set", cmd_set, "change a fact of a case", 1 },
	{ "show", cmd_show, "one step in full", 0 },
	{ "skip", cmd_skip, "record a step as not applicable", 1 },
	{ "stats", cmd_stats, "follow-up figures: days to school start, "
	    "steps on time", 0 },
	{ "status", cmd_status, "every phase and step of a case", 0 },
	{ "__complete", cmd_complete, NULL, 0 },
	{ NULL, NULL, NULL, 0 }
};

static const char usage_text[] =
    "sams [--phases DIR] [--today DATE] [--color WHEN] COMMAND [ARGS]\n"
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
	for (c = commands; c->name != NULL; c++)
		if (c->summary != NULL)
			suggest_add(&sg, c->name);
	suggest_note(&sg);
	return SAMS_EXIT_USAGE;
}

static void
list_commands(FILE *fp)
{
	const struct command *c;

	fprintf(fp, "usage: %s\nCommands:\n", usage_text);
	for (c = commands; c->name != NULL; c++)
		if (c->summary != NULL)
			fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fputs("\nEach command takes --help.  See sams(1), sams-case(5) and "
	    "sams-phases(5).\n", fp);
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
		if (c->summary != NULL && i-- == 0)
			return c->name;
	return NULL;
}

static int
cmd_help(int argc, char *argv[])
{
	const struct command *c;
	char *args[] = { NULL, (char *)"--help", NULL };

	if (argc < 2) {
		list_commands(stdout);
		return SAMS_EXIT_OK;
	}
	c = find_command(argv[1]);
	if (c == NULL || c->summary == NULL)
		return unknown_command(argv[1]);
	if (c->fn == cmd_help) {
		list_commands(stdout);
		return SAMS_EXIT_OK;
	}
	args[0] = (char *)c->name;
	return c->fn(2, args);
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
	suggest_note(&sg);
	return SAMS_EXIT_USAGE;
}

/* Global options before the command; returns the index of the command. */
static int
global_options(int argc, char *argv[], int *rc)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--version") == 0) {
			printf("sams %s\n", SAMS_VERSION);
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
