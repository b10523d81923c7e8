/*
 * The batch report: one row per case in text or JSON Lines, one row per
 * step in TSV and CSV, an HTML page or an Excel workbook, with the steps
 * that pass the filter (role, owner, overdue, due date) and cases by
 * phase, a summary for people and an agenda per person.  struct report
 * owns its summary, agenda and workbook tables; report_release() frees
 * them.  Memory grows with the people named and the models, not with the
 * cases: the agenda spills to a temporary file (spill.h).
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "filter.h"
#include "state.h"
#include "strbuf.h"

enum report_format {
	REPORT_TEXT,
	REPORT_TSV,
	REPORT_CSV,
	REPORT_JSON,
	REPORT_HTML,
	REPORT_XLSX
};

struct html_report;
struct stats;
struct report_count;
struct report_group;
struct spill;
struct xlsx;
struct report {
	/* settings */
	enum report_format	 format;
	struct step_filter	 filter;	/* which steps are listed */
	const char		*phase;		/* only cases in this phase */
	long			 today;		/* for the summary's Urval */
	int			 by_owner;
	int			 excel;		/* --csv-excel: ; BOM CRLF */
	size_t			 file_width;	/* of the text file column */
	const char *const	*paths;		/* as given, for the page */
	size_t			 npaths;
	const char		*files0;	/* --files0-from, or NULL */
	int			 owner_env;	/* filter.owner is SAMS_OWNER's */
	/*
	 * The page's follow-up figures, over every case read and finished
	 * by the command (not filtered: see sams(1)); or NULL.
	 */
	const struct stats	*stats;
	FILE			*out;
	/*
	 * Writes a case as a JSON Lines row: the command passes
	 * render_next_json, so that the report needs no renderer.
	 */
	void			(*json_row)(FILE *, const struct case_state *,
				    const struct step_filter *);
	/* results */
	size_t			 cases, complete, overdue_steps;
	struct report_count	*phases, *owners;
	size_t			 nphases, nowners;
	char			**models;	/* ids, in the order first seen */
	size_t			 nmodels;
	struct spill		*agenda;	/* --by-owner, sorted by group */
	size_t			 widest;	/* its widest case id */
	/* the agenda's persons, or the workbook's "Per ansvarig" */
	struct report_group	*groups;
	size_t			 ngroups, capgroups;
	size_t			*slots;		/* hash of groups: index + 1 */
	size_t			 nslots;
	struct html_report	*html;		/* the page being made */
	struct xlsx		*xlsx;		/* the workbook being made */
};

/*
 * Writes s as one cell separated by sep: ',' or ';' (CSV, quoted as RFC
 * 4180 says) or '\t' (TSV), inert in a spreadsheet: see sams(1).  Nothing
 * after it: the caller writes the separator.
 */
void	report_cell(FILE *out, const char *s, int sep);
/*
 * Appends s to sb as a spreadsheet shows it as text: a leading apostrophe
 * when it could be taken for a formula, controls and bytes that are not
 * UTF-8 escaped as for people.
 */
void	report_inert(struct strbuf *sb, const char *s);
/*
 * Prints the header row of TSV and CSV, or starts the HTML page: 0, or
 * -1 after reporting (FAIL_IO).
 */
int	report_begin(struct report *r);
/* Adds one case: a row, or items of the agenda, and the counts. */
void	report_case(struct report *r, const struct case_state *st);
/*
 * Prints the table or agenda and the summary (text), or the page (HTML):
 * 0, or -1 after reporting (FAIL_IO).
 */
int	report_end(struct report *r);
/*
 * Appends what the figures count under a filter, "ansvarig Maria Holm ·
 * senast 2026-11-30", unescaped and in the language of the user's
 * messages (the workbook has its own, Swedish); nothing without one.
 */
void	report_selection(const struct report *r, struct strbuf *sb);
void	report_release(struct report *r);

#endif
