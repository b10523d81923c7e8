/*
 * The read-only commands that print each case whole, in text for people
 * or JSON for scripts (status, log): one option parser and loop for all.
 */
#ifndef PERCASE_H
#define PERCASE_H

#include <stdio.h>

#include "state.h"

typedef void percase_fn(FILE *fp, const struct case_state *st);

/* A command's usage and writers; html NULL: no --format html, no --output. */
struct percase {
	const char	*usage;
	percase_fn	*text, *json, *html;
};

/* Runs such a command: options, then each FILE; returns the exit status. */
int	percase_main(int argc, char *argv[], const struct percase *cmd);

#endif
