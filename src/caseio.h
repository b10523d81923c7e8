/*
 * Opening a case with its model, and the one path by which every command
 * changes a case file: lock, read, check, append, verify, replace, unlock.
 * struct opened owns the case (opened_close()); the model is the cache's.
 */
#ifndef CASEIO_H
#define CASEIO_H

#include "case.h"
#include "model.h"

struct opened {
	struct casefile		*c;
	const struct model	*m;
};

/*
 * Reads and checks the case at path and loads its model.  Returns 0, or
 * -1 after reporting: FAIL_DATA (malformed or inconsistent), FAIL_NOINPUT
 * (missing), or the model set's kind for its model (model_get_in()).
 */
int	case_open(const char *path, struct opened *o);
/* The same for a file already read: takes over text, even on failure. */
int	case_open_text(char *text, size_t len, const char *name,
	    struct opened *o);
void	opened_close(struct opened *o);

#define UPDATE_MAX_EVENTS	16

/*
 * Fills evs[0..*n) with the events to record, after checking that they
 * make sense for the case; returns 0, or -1 after reporting (the command
 * exits with that report's kind, FAIL_USAGE for a step the model lacks).
 * Leaving *n at 0 writes nothing and returns 0.
 */
typedef int update_fn(const struct opened *o, struct event *evs, size_t *n,
    void *arg);

/* How often case_update() starts over when another program interferes. */
#define UPDATE_TRIES	4

/*
 * Appends the events fn gives to the case at path, safely (see fileio.h).
 * Returns 0, or -1 after reporting; on failure the file is unchanged.
 * When a program that takes no lock changes the file meanwhile, it starts
 * over, calling fn again, at most UPDATE_TRIES times, then fails with
 * FAIL_TEMP.
 */
int	case_update(const char *path, update_fn *fn, void *arg);

/*
 * Refuses "-" as the path of a case to write: -1 after reporting
 * (FAIL_USAGE).
 */
int	case_refuse_stdin(const char *path);

#endif
