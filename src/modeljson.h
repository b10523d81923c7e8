/*
 * The model as data for scripts and the HTML page (sams(1) JSON): one
 * JSON document a line, "format": 1, with every key of roles, phases,
 * steps and warnings, ids as they are and Swedish text beside them
 * ("when_text", "due_text", "source_text").  Written to the FILE given;
 * nothing is allocated that outlives a call.
 */
#ifndef MODELJSON_H
#define MODELJSON_H

#include <stdio.h>

#include "model.h"

/* The whole model: roles, phases, steps and warnings ("sams phases"). */
void	modeljson_model(FILE *fp, const struct model *m);
/* One step and the warnings it names ("sams show STEP"). */
void	modeljson_step(FILE *fp, const struct model *m, size_t step);
/* The roles, or the one at index role ("sams roles [ROLE]"). */
void	modeljson_roles(FILE *fp, const struct model *m, size_t role);

#endif
