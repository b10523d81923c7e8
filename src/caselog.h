/*
 * "sams log": a case itself for people and scripts: its facts, its
 * contacts and its whole history, one event per line, notes and reasons
 * in full.  Writes to the FILE given; allocates nothing that outlives a
 * call.
 */
#ifndef CASELOG_H
#define CASELOG_H

#include <stdio.h>

#include "state.h"

/* Swedish text, every value escaped for the terminal (text.h). */
void	caselog_text(FILE *fp, const struct case_state *st);
/* One JSON object, "format": 1, on one line. */
void	caselog_json(FILE *fp, const struct case_state *st);

#endif
