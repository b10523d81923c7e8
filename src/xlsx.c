/* Excel workbooks through libxlsxwriter, one row at a time. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "report.h"
#include "strbuf.h"
#include "sysio.h"
#include "text.h"
#include "xalloc.h"
#include "xlsx.h"

/* Columns whose width is fitted; the tables sams writes have fewer. */
#define XLSX_COLS	16
/* The widest a column is made, in characters: longer text wraps out. */
#define XLSX_WIDTH_MAX	60
/* The most characters Excel holds in a cell; libxlsxwriter refuses more. */
#define XLSX_CELL_MAX	32767
/* Ends a value cut to fit a cell, so nobody takes it for the whole. */
#define XLSX_CUT	" … [avkortat]"

struct xlsx_sheet {
	lxw_worksheet	*ws;
	lxw_row_t	 row;		/* the row being written */
	lxw_col_t	 col;		/* its next cell */
	lxw_col_t	 ncols;		/* of the header */
	double		 width[XLSX_COLS];
};

struct xlsx {
	lxw_workbook		*wb;
	char			*path;		/* the temporary workbook */
	int			 removed;	/* path unlinked */
	char			*title;
	lxw_format		*head, *date, *percent;
	lxw_format		*mark, *mark_date, *mark_percent;
	struct xlsx_sheet	*sheets;
	size_t			 nsheets;
	size_t			 cur;		/* the sheet written */
	int			 marked;	/* the row being written */
	lxw_error		 err;		/* the first, or LXW_NO_ERROR */
};

static void
note(struct xlsx *x, lxw_error err)
{
	if (x->err == LXW_NO_ERROR)
		x->err = err;
}

static lxw_format *
new_format(struct xlsx *x, const char *num, int marked)
{
	lxw_format *f = workbook_add_format(x->wb);

	if (num != NULL)
		format_set_num_format(f, num);
	if (marked) {
		format_set_bold(f);
		format_set_font_color(f, LXW_COLOR_RED);
	}
	return f;
}

/* $TMPDIR, as the system's tools read it, or /tmp. */
static const char *
tmpdir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir != NULL && dir[0] == '/' ? dir : "/tmp";
}

/* The doc properties: a title, today's date, nobody's name. */
static void
set_properties(struct xlsx *x, long today)
{
	lxw_doc_properties props;

	memset(&props, 0, sizeof(props));
	props.title = x->title;
	props.created = (time_t)today * 86400;
	note(x, workbook_set_properties(x->wb, &props));
}

struct xlsx *
xlsx_open(const char *title, long today)
{
	lxw_workbook_options opts;
	struct xlsx *x = xcalloc(1, sizeof(*x));
	struct strbuf sb = STRBUF_INIT;
	int fd;

	strbuf_addf(&sb, "%s/sams-xlsx.XXXXXX", tmpdir());
	x->path = strbuf_detach(&sb, NULL);
	if ((fd = file_private_temp(x->path)) == -1) {
		fail_sys(FAIL_CANTCREAT, x->path, errno,
		    "cannot create a temporary file for the workbook");
		free(x->path);
		free(x);
		return NULL;
	}
	sys_close(fd);
	memset(&opts, 0, sizeof(opts));
	opts.constant_memory = LXW_TRUE;
	opts.tmpdir = (char *)tmpdir();
	if ((x->wb = workbook_new_opt(x->path, &opts)) == NULL) {
		fail_at(FAIL_CANTCREAT, x->path, 0, 0,
		    "cannot start the workbook");
		xlsx_free(x);
		return NULL;
	}
	x->title = xstrdup(title);
	set_properties(x, today);
	x->head = new_format(x, NULL, 1);
	format_set_font_color(x->head, LXW_COLOR_BLACK);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	x->date = new_format(x, "yyyy-mm-dd", 0);
	x->percent = new_format(x, "0%", 0);
	x->mark = new_format(x, NULL, 1);
	x->mark_date = new_format(x, "yyyy-mm-dd", 1);
	x->mark_percent = new_format(x, "0%", 1);
	return x;
}

static struct xlsx_sheet *
current(struct xlsx *x)
{
	return &x->sheets[x->cur];
}

/* The column of the next cell is at least width characters wide. */
static lxw_col_t
next_col(struct xlsx *x, size_t width)
{
	struct xlsx_sheet *sh = current(x);
	double w = (double)width + 2;

	if (w > XLSX_WIDTH_MAX)
		w = XLSX_WIDTH_MAX;
	if (sh->col < XLSX_COLS && w > sh->width[sh->col])
		sh->width[sh->col] = w;
	return sh->col++;
}

void
xlsx_sheet(struct xlsx *x, const char *name, const char *const *headers)
{
	struct xlsx_sheet *sh;
	lxw_col_t col;

	x->sheets = xreallocarray(x->sheets, x->nsheets + 1,
	    sizeof(*x->sheets));
	sh = &x->sheets[x->nsheets++];
	memset(sh, 0, sizeof(*sh));
	if ((sh->ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		note(x, LXW_ERROR_PARAMETER_VALIDATION);
		x->nsheets--;
		return;
	}
	x->cur = x->nsheets - 1;
	for (; headers[sh->ncols] != NULL; sh->ncols++) {
		col = next_col(x, text_width(headers[sh->ncols]) + 2);
		note(x, worksheet_write_string(sh->ws, 0, col,
		    headers[sh->ncols], x->head));
	}
	worksheet_freeze_panes(sh->ws, 1, 0);
}

void
xlsx_sheet_select(struct xlsx *x, size_t k)
{
	if (k < x->nsheets)
		x->cur = k;
}

void
xlsx_row(struct xlsx *x, int marked)
{
	if (x->nsheets == 0)
		return;
	current(x)->row++;
	current(x)->col = 0;
	x->marked = marked;
}

/*
 * Cuts sb at a character boundary to fit a cell with XLSX_CUT at its end,
 * counting characters as libxlsxwriter does (each UTF-8 lead byte), so
 * that one long value cannot make the whole workbook fail.
 */
static void
fit_cell(struct strbuf *sb)
{
	size_t keep, i, n = 0;

	if (lxw_utf8_strlen(sb->buf) <= XLSX_CELL_MAX)
		return;
	keep = XLSX_CELL_MAX - lxw_utf8_strlen(XLSX_CUT);
	for (i = 0; i < sb->len; i++)
		if (((unsigned char)sb->buf[i] & 0xc0) != 0x80 && n++ == keep)
			break;
	sb->len = i;	/* a long value: sb owns its memory */
	sb->buf[i] = '\0';
	strbuf_addstr(sb, XLSX_CUT);
}

void
xlsx_text(struct xlsx *x, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	lxw_col_t col;

	if (x->nsheets == 0)
		return;
	report_inert(&sb, s);
	fit_cell(&sb);
	col = next_col(x, text_width(sb.buf));
	if (sb.len == 0)
		note(x, worksheet_write_blank(current(x)->ws,
		    current(x)->row, col, x->marked ? x->mark : NULL));
	else
		note(x, worksheet_write_string(current(x)->ws,
		    current(x)->row, col, sb.buf, x->marked ? x->mark : NULL));
	strbuf_release(&sb);
}

static void
put_number(struct xlsx *x, double v, lxw_format *f)
{
	char buf[32];
	lxw_col_t col;

	if (x->nsheets == 0)
		return;
	col = next_col(x, (size_t)snprintf(buf, sizeof(buf), "%g", v));
	note(x, worksheet_write_number(current(x)->ws, current(x)->row, col,
	    v, f));
}

void
xlsx_number(struct xlsx *x, double v)
{
	put_number(x, v, x->marked ? x->mark : NULL);
}

void
xlsx_percent(struct xlsx *x, double rate)
{
	put_number(x, rate, x->marked ? x->mark_percent : x->percent);
}

void
xlsx_date(struct xlsx *x, long day)
{
	lxw_datetime dt;
	char buf[11];
	lxw_col_t col;

	if (x->nsheets == 0)
		return;
	if (day == DATE_NONE || !date_in_range(day)) {
		xlsx_blank(x);
		return;
	}
	date_format(day, buf);
	if (date_year(day) < 1900) {	/* before Excel's first date */
		xlsx_text(x, buf);
		return;
	}
	memset(&dt, 0, sizeof(dt));
	dt.year = date_year(day);
	dt.month = (buf[5] - '0') * 10 + buf[6] - '0';
	dt.day = (buf[8] - '0') * 10 + buf[9] - '0';
	col = next_col(x, 10);
	note(x, worksheet_write_datetime(current(x)->ws, current(x)->row,
	    col, &dt, x->marked ? x->mark_date : x->date));
}

void
xlsx_blank(struct xlsx *x)
{
	if (x->nsheets == 0)
		return;
	current(x)->col++;
}

/* Fits the columns and puts the autofilter over each sheet's table. */
static void
finish_sheets(struct xlsx *x)
{
	struct xlsx_sheet *sh;
	lxw_col_t c;
	size_t i;

	for (i = 0; i < x->nsheets; i++) {
		sh = &x->sheets[i];
		for (c = 0; c < sh->ncols && c < XLSX_COLS; c++)
			note(x, worksheet_set_column(sh->ws, c, c,
			    sh->width[c], NULL));
		if (sh->ncols > 0)
			note(x, worksheet_autofilter(sh->ws, 0, 0, sh->row,
			    sh->ncols - 1));
	}
}

/* Copies the finished workbook into out, removing its file. */
static int
copy_out(struct xlsx *x, FILE *out)
{
	const char *path = x->path;
	char buf[BUFSIZ];
	FILE *in;
	size_t n;
	int rc = 0;

	if ((in = fopen(path, "rb")) == NULL)
		return fail_sys(FAIL_IO, path, errno,
		    "cannot read the workbook back");
	/* gone before out can raise SIGPIPE: a reader that stops early */
	if ((x->removed = sys_unlink(path) == 0))
		file_private_done();
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	if (ferror(in))
		rc = fail_sys(FAIL_IO, path, errno,
		    "cannot read the workbook back");
	else if (ferror(out) || fflush(out) != 0)
		rc = fail_at(FAIL_IO, NULL, 0, 0,
		    "cannot write the workbook: %s", strerror(errno));
	fclose(in);
	return rc;
}

int
xlsx_close(struct xlsx *x, FILE *out)
{
	lxw_error err;
	int rc = -1;

	finish_sheets(x);
	err = workbook_close(x->wb);
	x->wb = NULL;
	note(x, err);
	if (x->err == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		fail_at(FAIL_IO, NULL, 0, 0, "cannot make the workbook: a "
		    "sheet would have more than 1048576 rows, as many as Excel "
		    "takes; choose fewer (--owner, --phase, --overdue, a "
		    "folder) or --format csv");
	else if (x->err != LXW_NO_ERROR)
		fail_at(FAIL_IO, NULL, 0, 0, "cannot make the workbook: %s",
		    lxw_strerror(x->err));
	else
		rc = copy_out(x, out);
	xlsx_free(x);
	return rc;
}

void
xlsx_free(struct xlsx *x)
{
	if (x == NULL)
		return;
	if (x->wb != NULL)	/* writes its file, which goes below */
		workbook_close(x->wb);
	if (!x->removed)
		sys_unlink(x->path);
	file_private_done();
	free(x->path);
	free(x->title);
	free(x->sheets);
	free(x);
}
