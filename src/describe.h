/*
 * Reading the model for people: shared by "sams phases", "sams show" and
 * "sams roles".  Prints to the FILE given.
 */
#ifndef DESCRIBE_H
#define DESCRIBE_H

#include <stdio.h>

#include "cli.h"
#include "model.h"

/*
 * Parses the options of a model-reading command (--model, --format and
 * the common ones) and loads the model.  Returns 0 with *m set and optind at the
 * operands; 0 with *m NULL after --help, when the command is done; or an
 * exit status after reporting.
 */
int	describe_options(int argc, char *argv[], const char *usage,
	    const struct model **m, enum cli_format *format);

/* One step in full. */
void	describe_step(FILE *fp, const struct model *m, const struct step *s);
/* One line per step: id, owner, title; only role's steps if not NULL. */
void	describe_steps(FILE *fp, const struct model *m, size_t phase,
	    const char *role);

#endif
