/*
 * Recording events from the command line: the options --date and --by
 * that every recording command takes, and the rules for done, skip and
 * reopen (a step must exist, apply to the case and be in the right state).
 */
#ifndef RECORD_H
#define RECORD_H

#include "case.h"

/* Runs "sams done", "sams skip" or "sams reopen". */
int	record_step_main(int argc, char *argv[], enum event_kind kind,
	    const char *usage);

/*
 * Fills ev's date and by from --date/--by (or today and the default) and
 * checks the date is not in the future.  Returns 0 or 64.
 */
int	record_when_who(struct event *ev, const char *date, const char *by);

/* Prints the one-line confirmation of a recorded event. */
void	record_confirm(const char *file, const struct event *ev);

#endif
