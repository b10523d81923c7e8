/*
 * One case as an HTML page (sams status FILE --format html): its facts
 * and contacts, the warnings that apply, a timeline of its phases and
 * steps, and its whole checklist per phase.  Every value is escaped;
 * nothing is allocated that outlives the call.
 */
#ifndef HTMLSTATUS_H
#define HTMLSTATUS_H

#include <stdio.h>

#include "state.h"

void	html_status(FILE *fp, const struct case_state *st);

#endif
