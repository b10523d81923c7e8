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
 * 65 (malformed or inconsistent) or 66 (missing) after reporting.
 */
int	case_open(const char *path, struct opened *o);
/* The same for a file already read: takes over text. */
int	case_open_text(char *text, size_t len, const char *name,
	    struct opened *o);
void	opened_close(struct opened *o);

#define UPDATE_MAX_EVENTS	16

/*
 * Fills evs[0..*n) with the events to record, after checking that they
 * make sense for the case; returns 0 or an exit status after reporting.
 * Leaving *n at 0 writes nothing and returns 0.
 */
typedef int update_fn(const struct opened *o, struct event *evs, size_t *n,
    void *arg);

/* How often case_update() starts over when another program interferes. */
#define UPDATE_TRIES	4

/*
 * Appends the events fn gives to the case at path, safely (see fileio.h).
 * Returns 0 or an exit status; on failure the file is unchanged.  When a
 * program that takes no lock changes the file meanwhile, it starts over,
 * calling fn again, at most UPDATE_TRIES times, then gives 75.
 */
int	case_update(const char *path, update_fn *fn, void *arg);

/* Refuses "-" as the path of a case to write: 64 after reporting. */
int	case_refuse_stdin(const char *path);


struct case_state;
typedef void case_fn(const struct case_state *st, void *arg);

/*
 * Opens each file in turn, computes its state as of today and calls fn;
 * a bad file is reported and skipped.  Returns the worst exit status.
 */
int	case_each(char *files[], int n, case_fn *fn, void *arg);

/*
 * The same for many files, read and parsed by up to SAMS_THREADS threads
 * (default: one a core, at most 4); fn is still called, and diagnostics
 * still printed, from the calling thread in the order of files.
 */
int	case_each_parallel(char *files[], size_t n, case_fn *fn, void *arg);

#endif
