/*
 * Recording events from the command line: the options --date and --by
 * that every recording command takes, and the rules for done, skip and
 * reopen (a step must exist, apply to the case and be in the right state).
 */
#ifndef CMD_STEP_H
#define CMD_STEP_H

#include "case.h"
#include "cli.h"
#include "strbuf.h"

/* Options of the commands that record events. */
struct record_opts {
	const char	*date, *by, *note, *reason;
};

#define RECORD_NOTE	0x1	/* the command takes --note */
#define RECORD_REASON	0x2	/* the command takes --reason */

/*
 * Parses --date, --by, the options in allow and the common ones: CLI_GO
 * with optind at the operands, CLI_DONE after printing --help, or CLI_BAD
 * after reporting.
 */
enum cli_parsed	record_options(int argc, char *argv[], const char *usage,
		    unsigned allow, struct record_opts *o);

/* Runs "sams done", "sams skip" or "sams reopen". */
int	record_step_main(int argc, char *argv[], enum event_kind kind,
	    const char *usage);

/*
 * Fills ev's date and by from --date/--by (or today and the default),
 * checks the date is not in the future and warns when the name looks like
 * a personnummer.  Returns 0 or 64.
 */
int	record_when_who(struct event *ev, const char *date, const char *by);

/*
 * Checks a value for the fact at path as given on the command line, the
 * same for "sams new" and "sams set": one of the fact's choices, a date,
 * or one line of text; name is the option or KEY that gave it, for
 * messages.  Warns when the value looks like a personnummer.  0 or 64.
 */
int	record_fact_value(const char *path, const char *value,
	    const char *name);

/* Prints the one-line confirmation of a recorded event. */
void	record_confirm(const char *file, const struct event *ev);

/*
 * Appends a fact for people, escaped: its label and, in parentheses, the
 * path that was typed ("födelseår (child.born)").
 */
void	record_fact_name(struct strbuf *sb, const char *path);

#endif
