/*
 * The report as one HTML page (sams report --format html): the header
 * with the selection, progress per phase, the overdue steps per person,
 * the case table and the figures.  Table rows are spooled to a
 * temporary file as they come, and the overdue steps are sorted in
 * bounded memory (spill.h), with names interned: memory grows with the
 * people named, not the cases.  An html_report is the report's;
 * html_report_free() releases it all.
 */
#ifndef HTMLREPORT_H
#define HTMLREPORT_H

#include <stddef.h>
#include <stdio.h>

#include "state.h"

struct report;
struct html_report;

/*
 * A new page to be written to out, which gets a large buffer now, before
 * anything is written to it; NULL after reporting (FAIL_IO) that no spool
 * was made.
 */
struct html_report *html_report_new(FILE *out);
/*
 * Adds one listed case: its table row, its phase's progress, its
 * overdue steps; idx[0..n) are the steps the report shows, earliest the
 * first due date among them, model the place of the case's model among
 * those seen ((size_t)-1 for a complete case: Klart comes last).
 */
void	html_report_case(struct html_report *h, const struct case_state *st,
	    const size_t *idx, size_t n, long earliest, size_t model);
/* Writes the page to r->out; 0, or -1 after reporting a spool error. */
int	html_report_end(struct html_report *h, const struct report *r);
void	html_report_free(struct html_report *h);

#endif
