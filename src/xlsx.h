/*
 * Excel workbooks (xlsx) written a row at a time: the only module that
 * includes <zlib.h>.  Each sheet's rows are deflated as they come into a
 * temporary file in $TMPDIR (or /tmp), unlinked as soon as it is made,
 * so memory stays flat however many rows and nothing is left behind;
 * xlsx_close() zips the workbook into the stream the command opened
 * (its --output).  Every cell is a string, a number or a date, never a
 * formula: a string a spreadsheet could take for one gets
 * report_cell()'s leading apostrophe, and controls are escaped.  struct xlsx owns everything;
 * xlsx_close() or xlsx_free() releases it.
 */
#ifndef XLSX_H
#define XLSX_H

#include <stddef.h>
#include <stdio.h>

struct xlsx;

/*
 * A new workbook titled title, created today (a day number: the file's
 * date, never the clock).  NULL after reporting (FAIL_CANTCREAT).
 */
struct xlsx	*xlsx_open(const char *title, long today);
/*
 * Adds a sheet named name (at most 31 characters) and makes it the one
 * written: its header row headers (ended by NULL) in bold, frozen, with
 * an autofilter over the table when it is closed.
 */
void	xlsx_sheet(struct xlsx *x, const char *name,
	    const char *const *headers);
/*
 * Makes sheet k (0 the first added) the one written, to fill two sheets
 * as the rows come; each sheet's rows still go top to bottom.
 */
void	xlsx_sheet_select(struct xlsx *x, size_t k);
/*
 * Starts a row of the current sheet below the last; marked rows (overdue
 * steps) are red and bold, readable in black and white too.
 */
void	xlsx_row(struct xlsx *x, int marked);
/* The next cell of the row: text, a number, a rate as a percent, a date. */
void	xlsx_text(struct xlsx *x, const char *s);
void	xlsx_number(struct xlsx *x, double v);
void	xlsx_percent(struct xlsx *x, double rate);
/* A day number as an Excel date (yyyy-mm-dd); DATE_NONE: an empty cell. */
void	xlsx_date(struct xlsx *x, long day);
void	xlsx_blank(struct xlsx *x);
/*
 * Finishes the workbook and writes it to out, then frees x.  0, or -1
 * after reporting a failure (FAIL_IO): a sheet of more rows than Excel
 * takes, a temporary file that could not be made or written, writing.
 */
int	xlsx_close(struct xlsx *x, FILE *out);
/* Frees x and its temporary files, writing nothing; NULL is fine. */
void	xlsx_free(struct xlsx *x);

#endif
