/*
 * Helpers for the command layer (main.c and cmd_*.c): the options every
 * command takes, usage messages, argument checks and the final check of
 * standard output.  Only the command layer prints usage or exits.
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>
#include <stdio.h>

#include "diag.h"
#include "fileio.h"

enum cli_option {
	OPT_COLOR = 256,
	OPT_PHASES,
	OPT_TODAY,
	OPT_FORMAT,
	OPT_ROLE,
	OPT_DATE,
	OPT_BY,
	OPT_NOTE,
	OPT_REASON,
	OPT_ID,
	OPT_MODEL,
	OPT_PLACEMENT_DATE,
	OPT_TYPE,
	OPT_ACUTE,
	OPT_NO_SCHOOL_CHANGE,
	OPT_NO_CHANGE_AT_END,
	OPT_OTHER_MUNICIPALITY,
	OPT_LVU,
	OPT_PROTECTED,
	OPT_BORN,
	OPT_SCHOOL_FORM,
	OPT_CONTACT,
	OPT_SENDING,
	OPT_RECEIVING,
	OPT_NAME,
	OPT_FILES0,
	OPT_OWNER,
	OPT_OVERDUE,
	OPT_DUE_WITHIN,
	OPT_BY_OWNER,
	OPT_EXIT_STATUS,
	OPT_PHASE,
	OPT_OUTPUT,
	OPT_FROM,
	OPT_TO,
	OPT_LIMIT,
	OPT_LIST,
	OPT_AGGREGATE,
	OPT_MIN_CELL,
	OPT_CSV_EXCEL
};

enum cli_format {
	FORMAT_TEXT,
	FORMAT_JSON
};

/*
 * What an option parser found, for the command to act on: go on with the
 * command, stop with status 0 (--help was printed), or stop with status 64
 * (a usage error was reported).  Option parsers return this, never an
 * exit status; cli_parsed_status() is the one place that maps it.
 */
enum cli_parsed {
	CLI_GO,
	CLI_DONE,
	CLI_BAD
};

/* The exit status of a parse that stops the command: 0, or 64 for CLI_BAD. */
int	cli_parsed_status(enum cli_parsed parsed);

/*
 * A command's handler of one of its own options (opt, with arg or NULL):
 * CLI_GO, or CLI_DONE or CLI_BAD to stop.  ctx is the command's.
 */
typedef enum cli_parsed	cli_option_fn(int opt, char *arg, void *ctx);

/*
 * What an option means in one command's help where the option table's
 * words do not fit it: the name of its value (NULL: the table's) and one
 * line, marked N_() and translated when printed.
 */
struct cli_opt_help {
	int		 opt;
	const char	*arg;
	const char	*text;
};

/*
 * A command's help, for "sams CMD --help" and "sams help CMD": the
 * synopsis that usage errors print too, one line that says what the
 * command does (N_()), the meanings that differ from the option table's
 * (ending with opt 0; NULL: none), and examples, one command a line.
 */
struct cli_help {
	const char			*usage;
	const char			*summary;
	const struct cli_opt_help	*opts;
	const char			*examples;
};

/*
 * The help --help prints for the command being run (NULL: only its
 * usage).  main.c sets it with the command.
 */
void	cli_set_help(const struct cli_help *help);

/*
 * Prints help: synopsis, summary, each option of opts (as cli_parse()
 * takes it) and the common ones with what it means and, for a closed set,
 * the values it takes (roles and phases from the models the run reads),
 * the examples and where sams(1) says more.  opts NULL: the command takes
 * no options but --help.
 */
void	cli_print_help(const char *command, const struct cli_help *help,
	    const int *opts);

/*
 * Parses a command's options with getopt_long(): the long options named in
 * opts (a list of enum cli_option ending in 0) and those every command
 * takes.  --help prints the command's help (CLI_DONE); an unknown option
 * (with the closest of the command's, if one is close) or a missing value
 * is reported with the usage (CLI_BAD); the common options are handled
 * here and the command's own passed to fn.  CLI_GO leaves optind at the
 * operands.
 */
enum cli_parsed	cli_parse(int argc, char *argv[], const char *usage,
		    const int *opts, cli_option_fn *fn, void *ctx);

/*
 * For sams __complete: while a lister is set, cli_parse() parses as
 * usual but quietly, then hands fn every long option the command takes
 * ("--format" with CLI_LISTED_VALUE, "--acute" with CLI_LISTED_FLAG) and
 * returns CLI_DONE, so the command never runs; cli_choice() hands fn
 * each name it accepts (CLI_LISTED_CHOICE) and fails without a message.
 * Options and values to complete thus come from the tables that parse
 * them.  fn NULL: parse for real again.
 */
enum cli_listed {
	CLI_LISTED_FLAG,
	CLI_LISTED_VALUE,
	CLI_LISTED_CHOICE
};
typedef void	cli_list_fn(const char *word, enum cli_listed kind, void *arg);
void	cli_set_lister(cli_list_fn *fn, void *arg);

/*
 * Handles an option every command takes (--color, --phases, --today):
 * CLI_GO, or CLI_BAD after reporting a bad value.
 */
enum cli_parsed	cli_common_option(int opt, const char *arg);
/* Remembers argv for messages about bad options; silences getopt. */
void	cli_set_argv(char *argv[]);
/* The longest SAMS_LOCK_TIMEOUT, in seconds. */
#define LOCK_TIMEOUT_MAX	3600

/*
 * Reads SAMS_TODAY, SAMS_PHASES and SAMS_LOCK_TIMEOUT; returns 0 or 64
 * after reporting.
 */
int	cli_environment(void);

/*
 * Prints "usage: " and text, its lines aligned under the first: to stdout
 * with status 0 for --help, else to stderr with a hint and status 64.
 * Returns that status.
 */
int	cli_usage(const char *text, int help);
/* Prints "usage: " and text to fp, its lines aligned under the first. */
void	cli_print_usage(FILE *fp, const char *text);

/* cli_usage(text, 0) in an option parser: returns CLI_BAD. */
enum cli_parsed	cli_bad_usage(const char *text);

/*
 * Checks that a command got from min to max operands; else says what it
 * expected (what: "FILE and STEP") and prints the usage.  0 or 64.
 */
int	cli_operands(int given, int min, int max, const char *what,
	    const char *usage);

struct pathlist;

/*
 * The case files of a batch command (check, report): those listed in the
 * file files0 (NULL: none) and those found under the n operands, sorted.
 * Returns 0, or the exit status of the worst kind walk_files0() and
 * walk_operand() failed with, having collected all that could be read.
 */
int	cli_paths(struct pathlist *files, const char *files0, int n,
	    char *operands[]);

/*
 * The date due and overdue are computed against: --today, else
 * SAMS_TODAY, else the clock's (date_local_today()).  Read here only and
 * passed down.
 */
long	cli_today(void);

/* Parses a --date-like argument; 0 or 64 after reporting. */
int	cli_date(const char *arg, const char *option, long *day);
/*
 * The index of arg in names[0..n), or -1 after reporting "OPTION wants
 * a, b or c" with the names, so the message lists what the table takes.
 */
int	cli_choice(const char *arg, const char *option,
	    const char *const *names, size_t n);
/* Parses --format text|json: CLI_GO, or CLI_BAD after reporting. */
enum cli_parsed	cli_format(const char *arg, enum cli_format *fmt);
/*
 * Checks free text from the command line (a note, a reason): not empty, at
 * most 4000 bytes, UTF-8, newlines and tabs but no other control, line
 * separator or bidirectional control.  0 or 64 after reporting, naming
 * option and never the value.
 */
int	cli_text(const char *arg, const char *option);
/* The same for text that is one line (a name, a school): no newline, no tab. */
int	cli_line(const char *arg, const char *option);
/*
 * Who records an event when --by is not given: SAMS_BY or the login name
 * (NULL if there is none).  0, or 64 after reporting that it is not one line.
 */
int	cli_default_by(const char **by);

/*
 * Whose steps --owner shows: arg, or else SAMS_OWNER unless it is empty
 * (*owner NULL: everyone's).  0, or 64 after reporting that it is not one
 * line of text.
 */
int	cli_owner(const char *arg, const char **owner);

/*
 * The exit status for a command to return when a function below it
 * returned -1: that of the failure that stopped it, the last one reported
 * (diag.h): 65 for FAIL_DATA, 66 for FAIL_NOINPUT and so on, as sams(1)
 * EXIT STATUS says.  A batch that goes on after a bad file records the
 * worst of its files last.  Never 0: a failure that reported nothing is 70.
 */
int	cli_failed(void);
/* The exit status of one kind of failure (0 for FAIL_NONE). */
int	cli_exit_status(enum diag_fail kind);

/*
 * Where a command writes: standard output, or for --output FILE (not
 * "-") a new version of FILE that is put in place whole, never half
 * written (fileio.h's file_out).
 */
struct cli_output {
	struct file_out	 fo;
	int		 file;	/* 1: writing to fo */
};

/*
 * Sets *fp for path (NULL or "-": stdout): 0, or 73 or 74 after reporting;
 * or 64 when path is empty, or names a case file (by a name in .yml or
 * .yaml, or a file that holds one), which it would replace.
 */
int	cli_output_open(struct cli_output *o, const char *path, FILE **fp);
/*
 * For a workbook, which is no text: 0, or 64 after reporting that fp, the
 * output opened, is a terminal.
 */
int	cli_output_binary(FILE *fp, const char *what);
/*
 * Puts the file in place when the output is complete, else removes it:
 * 0, or 74 after reporting.
 */
int	cli_output_close(struct cli_output *o, int complete);

/*
 * Flushes standard output; 74 after reporting a write error, else rc.
 * Once a file has been written, a write error is only a warning.
 */
int	cli_finish(int rc);

/* The help of each command, in its cmd_<name>.c. */
extern const struct cli_help help_check, help_doctor, help_done, help_form,
	help_init, help_log, help_merge_file, help_new, help_next, help_note,
	help_phases, help_reopen, help_replace, help_report, help_roles,
	help_set, help_show, help_skip, help_stats, help_status;

#endif
