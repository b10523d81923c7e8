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
	OPT_SCHOOL_FORM,
	OPT_CONTACT,
	OPT_SENDING,
	OPT_RECEIVING
};

/* Long options every command accepts, for the end of its table. */
#define CLI_COMMON_OPTIONS						\
	{ "color", required_argument, NULL, OPT_COLOR },		\
	{ "help", no_argument, NULL, 'h' },				\
	{ "phases", required_argument, NULL, OPT_PHASES },		\
	{ "today", required_argument, NULL, OPT_TODAY },		\
	{ NULL, 0, NULL, 0 }

enum cli_format {
	FORMAT_TEXT,
	FORMAT_JSON
};

/*
 * Handles an option every command takes.  Returns 0 when handled, 64 after
 * reporting a bad value, and -1 when opt is not a common option.
 */
int	cli_common_option(int opt, const char *arg);
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
 * Prints "usage: " and text: to stdout with status 0 for --help, else to
 * stderr with a hint and status 64.  Returns that status.
 */
int	cli_usage(const char *text, int help);

/*
 * Checks that a command got from min to max operands; else says what it
 * expected (what: "FILE and STEP") and prints the usage.  0 or 64.
 */
int	cli_operands(int given, int min, int max, const char *what,
	    const char *usage);

/* Parses a --date-like argument; 0 or 64 after reporting. */
int	cli_date(const char *arg, const char *option, long *day);
/* Parses --format text|json; 0 or 64 after reporting. */
int	cli_format(const char *arg, enum cli_format *fmt);
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
 * The exit status for the most serious failure reported since the last
 * diag_reset() (diag.h), for a command to return when a function below it
 * returned -1: 65 for FAIL_DATA, 66 for FAIL_NOINPUT and so on, as sams(1)
 * EXIT STATUS says.  Never 0: a failure that reported nothing is 70.
 */
int	cli_failed(void);
/* The exit status of one kind of failure (0 for FAIL_NONE). */
int	cli_exit_status(enum diag_fail kind);

/*
 * What an option parser found, for the command to act on: go on with the
 * command, stop with status 0 (--help was printed), or stop with status 64
 * (a usage error was reported).
 */
enum cli_parsed {
	CLI_GO,
	CLI_DONE,
	CLI_BAD
};

/*
 * Flushes standard output; 74 after reporting a write error, else rc.
 * Once a file has been written, a write error is only a warning.
 */
int	cli_finish(int rc);

#endif
