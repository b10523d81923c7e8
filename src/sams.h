/*
 * sams: shared definitions: the version, the exit statuses of sams(1) and
 * the command entry points of the command table in main.c.
 */
#ifndef SAMS_H
#define SAMS_H

#include <stddef.h>

#define SAMS_VERSION "0.1.0"

/* Exit statuses, documented in sams(1) EXIT STATUS (sysexits.h values). */
enum sams_exit {
	SAMS_EXIT_OK = 0,
	SAMS_EXIT_FINDINGS = 1,
	SAMS_EXIT_USAGE = 64,
	SAMS_EXIT_DATAERR = 65,
	SAMS_EXIT_NOINPUT = 66,
	SAMS_EXIT_SOFTWARE = 70,
	SAMS_EXIT_CANTCREAT = 73,
	SAMS_EXIT_IOERR = 74,
	SAMS_EXIT_TEMPFAIL = 75,
	SAMS_EXIT_NOPERM = 77	/* a folder's .sams/ is not safe to trust */
};

typedef int	sams_command_fn(int argc, char *argv[]);

/*
 * The command table of main.c, for sams __complete: the entry point of
 * the command called name (NULL: none), and the name of the i-th command
 * that sams help lists (NULL past the last).
 */
sams_command_fn	*sams_command(const char *name);
const char	*sams_command_name(size_t i);

int cmd_check(int argc, char *argv[]);
int cmd_complete(int argc, char *argv[]);
int cmd_doctor(int argc, char *argv[]);
int cmd_done(int argc, char *argv[]);
int cmd_init(int argc, char *argv[]);
int cmd_log(int argc, char *argv[]);
int cmd_merge_file(int argc, char *argv[]);
int cmd_new(int argc, char *argv[]);
int cmd_form(int argc, char *argv[]);
int cmd_next(int argc, char *argv[]);
int cmd_note(int argc, char *argv[]);
int cmd_phases(int argc, char *argv[]);
int cmd_reopen(int argc, char *argv[]);
int cmd_replace(int argc, char *argv[]);
int cmd_report(int argc, char *argv[]);
int cmd_stats(int argc, char *argv[]);
int cmd_roles(int argc, char *argv[]);
int cmd_set(int argc, char *argv[]);
int cmd_show(int argc, char *argv[]);
int cmd_skip(int argc, char *argv[]);
int cmd_status(int argc, char *argv[]);

#endif
