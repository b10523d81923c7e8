/*
 * Excel workbooks written by hand on zlib: each sheet's rows become XML
 * text in a buffer that is deflated, as it fills, into an unlinked
 * temporary file of the sheet's own.  At the end the sheet's head (whose
 * column widths are known only then) and tail are deflated as pieces of
 * their own; raw deflate pieces ended by a sync flush join into one
 * stream, and their CRCs combine, so the rows are never deflated twice.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "report.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"
#include "xlsx.h"

/* Columns whose width is fitted; the tables sams writes have fewer. */
#define XLSX_COLS	16
/* The widest a column is made, in characters: longer text wraps out. */
#define XLSX_WIDTH_MAX	60
/* The most characters Excel holds in a cell. */
#define XLSX_CELL_MAX	32767
/* Ends a value cut to fit a cell, so nobody takes it for the whole. */
#define XLSX_CUT	" … [avkortat]"
/* The rows of a sheet Excel opens, its header row one of them. */
#define XLSX_ROWS_MAX	1048576UL
/* The longest sheet name Excel takes, in characters. */
#define XLSX_NAME_MAX	31
/* XML gathered before it is deflated, and deflate's output buffer. */
#define XLSX_CHUNK	(64 * 1024)
/*
 * Z_BEST_SPEED: the 72 MB of sheet XML of 20,000 cases deflate to 7.7 MB
 * in 0.22 s of CPU; zlib's default level 6 makes 6.2 MB in 0.55 s, and
 * people wait on the time, not on the 1.5 MB.
 */
#define XLSX_LEVEL	Z_BEST_SPEED
/* The largest size and offset a zip without zip64 records. */
#define ZIP_MAX		0xffffffffULL

/* Indexes into the cellXfs of styles.xml. */
enum style { ST_NONE, ST_HEAD, ST_DATE, ST_PERCENT, ST_MARK, ST_MARK_DATE,
	ST_MARK_PERCENT };

struct xlsx_sheet {
	char		*name;
	int		 fd;		/* the deflated rows, unlinked */
	z_stream	 z;
	char		*xml;		/* rows not yet deflated */
	size_t		 len, cap;
	unsigned char	*out;		/* deflate's output */
	uLong		 crc;		/* of the rows' XML */
	uint64_t	 size;		/* its bytes */
	uint64_t	 packed;	/* the bytes in fd */
	unsigned long	 row;		/* the row written, 1 the header */
	unsigned	 col;		/* its next cell */
	unsigned	 ncols;		/* of the header */
	int		 open;		/* a <row> not yet ended */
	unsigned	 width[XLSX_COLS];
};

struct xlsx {
	char			*title;
	long			 today;
	const char		*dir;		/* of the temporary files */
	int			 spare;		/* a temporary file, or -1 */
	struct xlsx_sheet	**sheets;	/* fixed: zlib points back */
	size_t			 nsheets;
	size_t			 cur;		/* the sheet written */
	int			 marked;	/* the row being written */
	int			 errnum;	/* writing a temporary file */
	int			 nofile;	/* errno making one */
	int			 zerr;		/* a deflate error */
	int			 toolong;	/* a sheet past XLSX_ROWS_MAX */
	const char		*badname;	/* a sheet name Excel refuses */
};

/*
 * A file in TMPDIR gone from it at once, so that nothing is left behind
 * however sams ends; -1 with errno after reporting.
 */
static int
temp_file(struct xlsx *x)
{
	int fd = file_temp_fd("sams-xlsx", &x->dir);

	if (fd == -1)
		fail_sys(FAIL_IO, x->dir, errno,
		    "cannot create a temporary file for the workbook");
	return fd;
}

struct xlsx *
xlsx_open(const char *title, long today)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));

	/* made now so that a TMPDIR that cannot be used fails at once */
	if ((x->spare = temp_file(x)) == -1) {
		free(x);
		return NULL;
	}
	x->title = xstrdup(title);
	x->today = today;
	return x;
}

static struct xlsx_sheet *
current(struct xlsx *x)
{
	return x->sheets[x->cur];
}

/* Appends n bytes of s to the sheet's XML. */
static void
put(struct xlsx_sheet *sh, const char *s, size_t n)
{
	if (sh->len + n > sh->cap) {
		while (sh->len + n > sh->cap)
			sh->cap *= 2;
		sh->xml = xreallocarray(sh->xml, sh->cap, 1);
	}
	memcpy(sh->xml + sh->len, s, n);
	sh->len += n;
}

#define PUTS(sh, lit)	put((sh), (lit), sizeof(lit) - 1)

/* Appends v in decimal. */
static void
put_ulong(struct xlsx_sheet *sh, unsigned long v)
{
	char buf[24], *p = buf + sizeof(buf);

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	put(sh, p, (size_t)(buf + sizeof(buf) - p));
}

/* Writes the column letters of col (0 is A) to buf; returns their number. */
static size_t
col_name(unsigned col, char *buf)
{
	char rev[4];
	size_t n = 0, i;

	col++;
	do {
		rev[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	} while (col > 0);
	for (i = 0; i < n; i++)
		buf[i] = rev[n - 1 - i];
	return n;
}

/*
 * Whether s starts as Excel's escape of a character, _x followed by four
 * hexadecimal digits and _ ("_x000D_"), which it would show as that
 * character: such an underscore is written as an escape of its own.
 */
static int
excel_escape(const char *s, size_t n)
{
	size_t k;

	if (n < 7 || s[1] != 'x' || s[6] != '_')
		return 0;
	for (k = 2; k < 6; k++)
		if (!isxdigit((unsigned char)s[k]))
			return 0;
	return 1;
}

/* Appends s escaped for XML text or a quoted attribute. */
static void
put_escaped(struct xlsx_sheet *sh, const char *s, size_t n)
{
	size_t i, from = 0;
	const char *e;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			e = "&amp;";
			break;
		case '<':
			e = "&lt;";
			break;
		case '>':
			e = "&gt;";
			break;
		case '"':
			e = "&quot;";
			break;
		case '_':	/* _xHHHH_ is a character to Excel: keep it text */
			if (!excel_escape(s + i, n - i))
				continue;
			e = "_x005F_";
			break;
		default:
			continue;
		}
		put(sh, s + from, i - from);
		put(sh, e, strlen(e));
		from = i + 1;
	}
	put(sh, s + from, n - from);
}

/* Writes everything deflate has made so far to the sheet's file. */
static void
emit(struct xlsx *x, struct xlsx_sheet *sh, size_t n)
{
	const unsigned char *p = sh->out;
	ssize_t w;

	sh->packed += n;
	while (n > 0 && x->errnum == 0) {
		if ((w = write(sh->fd, p, n)) == -1) {
			if (errno != EINTR)
				x->errnum = errno;
			continue;
		}
		p += w;
		n -= (size_t)w;
	}
}

/* Deflates the XML gathered, flushing as flush says (zlib's). */
static void
feed(struct xlsx *x, struct xlsx_sheet *sh, int flush)
{
	size_t made;

	sh->crc = crc32(sh->crc, (const Bytef *)sh->xml, (uInt)sh->len);
	sh->size += sh->len;
	sh->z.next_in = (Bytef *)sh->xml;
	sh->z.avail_in = (uInt)sh->len;
	do {
		sh->z.next_out = sh->out;
		sh->z.avail_out = XLSX_CHUNK;
		if (deflate(&sh->z, flush) == Z_STREAM_ERROR)
			x->zerr = 1;
		made = XLSX_CHUNK - sh->z.avail_out;
		emit(x, sh, made);
	} while (sh->z.avail_out == 0 && x->zerr == 0);
	sh->len = 0;
}

/* The column of the next cell is at least width characters wide. */
static unsigned
next_col(struct xlsx_sheet *sh, size_t width)
{
	size_t w = width + 2;

	if (w > XLSX_WIDTH_MAX)
		w = XLSX_WIDTH_MAX;
	if (sh->col < XLSX_COLS && w > sh->width[sh->col])
		sh->width[sh->col] = (unsigned)w;
	return sh->col++;
}

/*
 * Starts the next cell, width characters wide, in style st: "<c r="B7""
 * and its style; 0, or -1 if its row is one Excel cannot have.
 */
static int
start_cell(struct xlsx *x, size_t width, enum style st)
{
	struct xlsx_sheet *sh = current(x);
	char ref[4];

	if (sh->row > XLSX_ROWS_MAX)
		return -1;
	PUTS(sh, "<c r=\"");
	put(sh, ref, col_name(next_col(sh, width), ref));
	put_ulong(sh, sh->row);
	if (st != ST_NONE) {
		PUTS(sh, "\" s=\"");
		put_ulong(sh, (unsigned long)st);
	}
	PUTS(sh, "\"");
	return 0;
}

/* Appends a cell of text s, already inert and cut. */
static void
put_text(struct xlsx *x, const char *s, size_t n, enum style st)
{
	struct xlsx_sheet *sh = current(x);

	if (n == 0) {		/* a blank, there only for its style */
		if (st == ST_NONE)
			sh->col++;
		else if (start_cell(x, 0, st) == 0)
			PUTS(sh, "/>");
		return;
	}
	if (start_cell(x, text_width(s), st) == -1)
		return;
	if (s[0] == ' ' || s[n - 1] == ' ')
		PUTS(sh, " t=\"inlineStr\"><is><t xml:space=\"preserve\">");
	else
		PUTS(sh, " t=\"inlineStr\"><is><t>");
	put_escaped(sh, s, n);
	PUTS(sh, "</t></is></c>");
}

/* The characters of UTF-8 s: its bytes that are no continuation. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Whether name is one Excel takes for a sheet. */
static int
sheet_name_ok(const char *name)
{
	size_t n = chars(name);

	return n > 0 && n <= XLSX_NAME_MAX && name[0] != '\'' &&
	    strpbrk(name, "[]:*?/\\") == NULL;
}

void
xlsx_sheet(struct xlsx *x, const char *name, const char *const *headers)
{
	struct xlsx_sheet *sh;

	if (!sheet_name_ok(name)) {
		if (x->badname == NULL)
			x->badname = name;
		return;
	}
	x->sheets = xreallocarray(x->sheets, x->nsheets + 1,
	    sizeof(*x->sheets));
	sh = xcalloc(1, sizeof(*sh));
	sh->fd = x->spare;
	x->spare = -1;
	if (sh->fd == -1 && (sh->fd = temp_file(x)) == -1) {
		if (x->nofile == 0)
			x->nofile = errno;
		free(sh);
		return;
	}
	if (deflateInit2(&sh->z, XLSX_LEVEL, Z_DEFLATED, -15, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK) {
		x->zerr = 1;
		close(sh->fd);
		free(sh);
		return;
	}
	x->sheets[x->nsheets] = sh;
	sh->name = xstrdup(name);
	sh->cap = 2 * XLSX_CHUNK;
	sh->xml = xmalloc(sh->cap);
	sh->out = xmalloc(XLSX_CHUNK);
	sh->crc = crc32(0, NULL, 0);
	x->cur = x->nsheets++;
	xlsx_row(x, 0);
	for (; headers[sh->ncols] != NULL; sh->ncols++)
		put_text(x, headers[sh->ncols], strlen(headers[sh->ncols]),
		    ST_HEAD);
	/* the header's columns as wide as its text and two more */
	for (sh->col = 0; sh->col < sh->ncols && sh->col < XLSX_COLS;
	    sh->col++)
		sh->width[sh->col] = sh->width[sh->col] + 2 > XLSX_WIDTH_MAX ?
		    XLSX_WIDTH_MAX : sh->width[sh->col] + 2;
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
	struct xlsx_sheet *sh;

	if (x->nsheets == 0)
		return;
	sh = current(x);
	if (sh->open)
		PUTS(sh, "</row>");
	sh->open = 0;
	if (sh->len >= XLSX_CHUNK)
		feed(x, sh, Z_NO_FLUSH);
	sh->row++;
	sh->col = 0;
	x->marked = marked;
	if (sh->row > XLSX_ROWS_MAX) {
		x->toolong = 1;
		return;
	}
	PUTS(sh, "<row r=\"");
	put_ulong(sh, sh->row);
	PUTS(sh, "\">");
	sh->open = 1;
}

/*
 * Cuts sb at a character boundary to fit a cell with XLSX_CUT at its end,
 * counting characters as Excel's limit does (each UTF-8 lead byte), so
 * that one long value cannot make the whole workbook fail.
 */
static void
fit_cell(struct strbuf *sb)
{
	size_t keep, i, n = 0;

	if (chars(sb->buf) <= XLSX_CELL_MAX)
		return;
	keep = XLSX_CELL_MAX - chars(XLSX_CUT);
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

	if (x->nsheets == 0)
		return;
	report_inert(&sb, s);
	fit_cell(&sb);
	put_text(x, sb.len > 0 ? sb.buf : "", sb.len,
	    x->marked ? ST_MARK : ST_NONE);
	strbuf_release(&sb);
}

/* A number cell; printed as Excel writes it, integers exactly. */
static void
put_number(struct xlsx *x, double v, enum style st)
{
	struct xlsx_sheet *sh;
	char buf[32];
	int n;

	if (x->nsheets == 0)
		return;
	sh = current(x);
	if (!isfinite(v)) {	/* no number Excel has */
		sh->col++;
		return;
	}
	n = snprintf(buf, sizeof(buf), "%g", v);
	if (start_cell(x, (size_t)n, st) == -1)
		return;
	PUTS(sh, "><v>");
	if (fabs(v) < 1e15 && v == (double)(long long)v) {
		if (v < 0)
			PUTS(sh, "-");
		put_ulong(sh, (unsigned long)fabs(v));
	} else {
		n = snprintf(buf, sizeof(buf), "%.16G", v);
		put(sh, buf, (size_t)n);
	}
	PUTS(sh, "</v></c>");
}

void
xlsx_number(struct xlsx *x, double v)
{
	put_number(x, v, x->marked ? ST_MARK : ST_NONE);
}

void
xlsx_percent(struct xlsx *x, double rate)
{
	put_number(x, rate, x->marked ? ST_MARK_PERCENT : ST_PERCENT);
}

/* Excel's day 1 is 1900-01-01, and it counts a 29 February 1900. */
#define EXCEL_1970	25569L	/* 1970-01-01 */
#define EXCEL_LEAP	(-25508L)	/* 1900-03-01 as a day number */

void
xlsx_date(struct xlsx *x, long day)
{
	struct xlsx_sheet *sh;
	char buf[11];

	if (x->nsheets == 0)
		return;
	if (day == DATE_NONE || !date_in_range(day)) {
		xlsx_blank(x);
		return;
	}
	if (date_year(day) < 1900) {	/* before Excel's first date */
		date_format(day, buf);
		xlsx_text(x, buf);
		return;
	}
	sh = current(x);
	if (start_cell(x, 10, x->marked ? ST_MARK_DATE : ST_DATE) == -1)
		return;
	PUTS(sh, "><v>");
	put_ulong(sh, (unsigned long)(day + EXCEL_1970 -
	    (day < EXCEL_LEAP)));
	PUTS(sh, "</v></c>");
}

void
xlsx_blank(struct xlsx *x)
{
	if (x->nsheets == 0)
		return;
	current(x)->col++;
}

/* A part of the zip: its name, CRC, size and deflated bytes. */
struct part {
	char		*name;
	uLong		 crc;
	uint64_t	 size;
	uint64_t	 packed;
	uint64_t	 offset;	/* of its local header */
	struct strbuf	 head;		/* deflated: all of a small part */
	struct xlsx_sheet *sheet;	/* its rows, or NULL */
	struct strbuf	 tail;
};

/*
 * Deflates s into out as a piece ended as flush says: Z_SYNC_FLUSH for
 * one that more pieces follow, Z_FINISH for the last.  0, or -1.
 */
static int
deflate_piece(const char *s, size_t n, int flush, struct strbuf *out)
{
	unsigned char buf[16384];
	z_stream z;
	int rc = 0;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, XLSX_LEVEL, Z_DEFLATED, -15, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	z.next_in = (Bytef *)s;
	z.avail_in = (uInt)n;
	do {
		z.next_out = buf;
		z.avail_out = sizeof(buf);
		if (deflate(&z, flush) == Z_STREAM_ERROR)
			rc = -1;
		strbuf_add(out, (const char *)buf, sizeof(buf) - z.avail_out);
	} while (z.avail_out == 0 && rc == 0);
	deflateEnd(&z);
	return rc;
}

/* A part whole in memory. */
static int
small_part(struct part *p, const char *name, const struct strbuf *xml)
{
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	p->crc = crc32(crc32(0, NULL, 0), (const Bytef *)xml->buf,
	    (uInt)xml->len);
	p->size = xml->len;
	strbuf_init(&p->head);
	strbuf_init(&p->tail);
	if (deflate_piece(xml->buf, xml->len, Z_FINISH, &p->head) == -1)
		return -1;
	p->packed = p->head.len;
	return 0;
}

#define XML_DECL	"<?xml version=\"1.0\" encoding=\"UTF-8\" " \
			"standalone=\"yes\"?>\n"
#define NS_MAIN		"http://schemas.openxmlformats.org/spreadsheetml/" \
			"2006/main"
#define NS_REL		"http://schemas.openxmlformats.org/officeDocument/" \
			"2006/relationships"
#define NS_PKG		"http://schemas.openxmlformats.org/package/2006/"
#define CT_OFFICE	"application/vnd.openxmlformats-officedocument."

/* Appends s escaped for XML. */
static void
add_escaped(struct strbuf *sb, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			strbuf_addstr(sb, "&amp;");
			break;
		case '<':
			strbuf_addstr(sb, "&lt;");
			break;
		case '>':
			strbuf_addstr(sb, "&gt;");
			break;
		case '"':
			strbuf_addstr(sb, "&quot;");
			break;
		default:
			strbuf_addch(sb, *s);
		}
}

static void
content_types(const struct xlsx *x, struct strbuf *sb)
{
	size_t i;

	strbuf_addstr(sb, XML_DECL "<Types xmlns=\"" NS_PKG "content-types\">"
	    "<Default Extension=\"rels\" ContentType=\"application/"
	    "vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	    "<Override PartName=\"/docProps/app.xml\" ContentType=\""
	    CT_OFFICE "extended-properties+xml\"/>"
	    "<Override PartName=\"/docProps/core.xml\" ContentType=\""
	    "application/vnd.openxmlformats-package.core-properties+xml\"/>"
	    "<Override PartName=\"/xl/styles.xml\" ContentType=\""
	    CT_OFFICE "spreadsheetml.styles+xml\"/>"
	    "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
	    CT_OFFICE "spreadsheetml.sheet.main+xml\"/>");
	for (i = 0; i < x->nsheets; i++)
		strbuf_addf(sb, "<Override PartName=\"/xl/worksheets/"
		    "sheet%zu.xml\" ContentType=\"" CT_OFFICE
		    "spreadsheetml.worksheet+xml\"/>", i + 1);
	strbuf_addstr(sb, "</Types>");
}

static void
root_rels(const struct xlsx *x, struct strbuf *sb)
{
	(void)x;
	strbuf_addstr(sb, XML_DECL "<Relationships xmlns=\"" NS_PKG
	    "relationships\"><Relationship Id=\"rId1\" Type=\"" NS_REL
	    "/officeDocument\" Target=\"xl/workbook.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" NS_PKG "relationships/"
	    "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" NS_REL
	    "/extended-properties\" Target=\"docProps/app.xml\"/>"
	    "</Relationships>");
}

static void
app_props(const struct xlsx *x, struct strbuf *sb)
{
	size_t i;

	strbuf_addf(sb, XML_DECL "<Properties xmlns=\"http://schemas."
	    "openxmlformats.org/officeDocument/2006/extended-properties\" "
	    "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/"
	    "2006/docPropsVTypes\"><Application>sams</Application>"
	    "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\">"
	    "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"
	    "<vt:variant><vt:i4>%zu</vt:i4></vt:variant></vt:vector>"
	    "</HeadingPairs><TitlesOfParts><vt:vector size=\"%zu\" "
	    "baseType=\"lpstr\">", x->nsheets, x->nsheets);
	for (i = 0; i < x->nsheets; i++) {
		strbuf_addstr(sb, "<vt:lpstr>");
		add_escaped(sb, x->sheets[i]->name);
		strbuf_addstr(sb, "</vt:lpstr>");
	}
	strbuf_addstr(sb, "</vt:vector></TitlesOfParts></Properties>");
}

static void
core_props(const struct xlsx *x, struct strbuf *sb)
{
	char day[11];

	date_format(x->today, day);
	strbuf_addstr(sb, XML_DECL "<cp:coreProperties xmlns:cp=\"" NS_PKG
	    "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/"
	    "elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\""
	    "http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
	add_escaped(sb, x->title);
	/* empty: else readers put in a name of their own */
	strbuf_addf(sb, "</dc:title><dc:creator></dc:creator>"
	    "<cp:lastModifiedBy></cp:lastModifiedBy><dcterms:created "
	    "xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z</dcterms:created>"
	    "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z"
	    "</dcterms:modified>"
	    "</cp:coreProperties>", day, day);
}

/* The table of sheet k: $A$1:$J$29. */
static void
table_ref(const struct xlsx_sheet *sh, struct strbuf *sb, int absolute)
{
	char col[4];

	col[col_name(sh->ncols - 1, col)] = '\0';
	strbuf_addf(sb, absolute ? "$A$1:$%s$%lu" : "A1:%s%lu", col,
	    sh->row);
}

static void
workbook(const struct xlsx *x, struct strbuf *sb)
{
	struct strbuf quoted = STRBUF_INIT;
	const char *p;
	size_t i;

	strbuf_addstr(sb, XML_DECL "<workbook xmlns=\"" NS_MAIN "\" "
	    "xmlns:r=\"" NS_REL "\"><bookViews><workbookView/></bookViews>"
	    "<sheets>");
	for (i = 0; i < x->nsheets; i++) {
		strbuf_addstr(sb, "<sheet name=\"");
		add_escaped(sb, x->sheets[i]->name);
		strbuf_addf(sb, "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i + 1,
		    i + 1);
	}
	strbuf_addstr(sb, "</sheets><definedNames>");
	for (i = 0; i < x->nsheets; i++) {
		if (x->sheets[i]->ncols == 0)
			continue;
		strbuf_addf(sb, "<definedName name=\"_xlnm._FilterDatabase\" "
		    "localSheetId=\"%zu\" hidden=\"1\">'", i);
		/* a quote in a quoted sheet name is doubled */
		strbuf_reset(&quoted);
		for (p = x->sheets[i]->name; *p != '\0'; p++) {
			if (*p == '\'')
				strbuf_addch(&quoted, '\'');
			strbuf_addch(&quoted, *p);
		}
		add_escaped(sb, quoted.buf);
		strbuf_addstr(sb, "'!");
		table_ref(x->sheets[i], sb, 1);
		strbuf_addstr(sb, "</definedName>");
	}
	strbuf_addstr(sb, "</definedNames></workbook>");
	strbuf_release(&quoted);
}

static void
workbook_rels(const struct xlsx *x, struct strbuf *sb)
{
	size_t i;

	strbuf_addstr(sb, XML_DECL "<Relationships xmlns=\"" NS_PKG
	    "relationships\">");
	for (i = 0; i < x->nsheets; i++)
		strbuf_addf(sb, "<Relationship Id=\"rId%zu\" Type=\"" NS_REL
		    "/worksheet\" Target=\"worksheets/sheet%zu.xml\"/>", i + 1,
		    i + 1);
	strbuf_addf(sb, "<Relationship Id=\"rId%zu\" Type=\"" NS_REL
	    "/styles\" Target=\"styles.xml\"/></Relationships>",
	    x->nsheets + 1);
}

/*
 * Fonts: plain, bold, bold red; borders: none, thin below; the cellXfs
 * in the order of enum style.
 */
static void
styles(const struct xlsx *x, struct strbuf *sb)
{
	(void)x;
	strbuf_addstr(sb, XML_DECL "<styleSheet xmlns=\"" NS_MAIN "\">"
	    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" "
	    "formatCode=\"yyyy-mm-dd\"/></numFmts>"
	    "<fonts count=\"3\">"
	    "<font><sz val=\"11\"/><name val=\"Calibri\"/>"
	    "<family val=\"2\"/></font>"
	    "<font><b/><sz val=\"11\"/><color rgb=\"FF000000\"/>"
	    "<name val=\"Calibri\"/><family val=\"2\"/></font>"
	    "<font><b/><sz val=\"11\"/><color rgb=\"FFFF0000\"/>"
	    "<name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
	    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/>"
	    "</fill><fill><patternFill patternType=\"gray125\"/></fill>"
	    "</fills><borders count=\"2\"><border><left/><right/><top/>"
	    "<bottom/><diagonal/></border><border><left/><right/><top/>"
	    "<bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/>"
	    "</border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" "
	    "fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
	    "<cellXfs count=\"7\">"
	    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
	    "xfId=\"0\"/>"
	    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" "
	    "xfId=\"0\" applyFont=\"1\" applyBorder=\"1\"/>"
	    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
	    "xfId=\"0\" applyNumberFormat=\"1\"/>"
	    "<xf numFmtId=\"9\" fontId=\"0\" fillId=\"0\" borderId=\"0\" "
	    "xfId=\"0\" applyNumberFormat=\"1\"/>"
	    "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" "
	    "xfId=\"0\" applyFont=\"1\"/>"
	    "<xf numFmtId=\"164\" fontId=\"2\" fillId=\"0\" borderId=\"0\" "
	    "xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
	    "<xf numFmtId=\"9\" fontId=\"2\" fillId=\"0\" borderId=\"0\" "
	    "xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/>"
	    "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" "
	    "xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
}

/* The XML before a sheet's rows: its size, frozen header and widths. */
static void
sheet_head(const struct xlsx_sheet *sh, int first, struct strbuf *sb)
{
	unsigned c;

	strbuf_addstr(sb, XML_DECL "<worksheet xmlns=\"" NS_MAIN "\" "
	    "xmlns:r=\"" NS_REL "\">");
	if (sh->ncols > 0) {
		strbuf_addstr(sb, "<dimension ref=\"");
		table_ref(sh, sb, 0);
		strbuf_addstr(sb, "\"/>");
	}
	strbuf_addf(sb, "<sheetViews><sheetView %sworkbookViewId=\"0\">"
	    "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
	    "state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView>"
	    "</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>",
	    first ? "tabSelected=\"1\" " : "");
	if (sh->ncols > 0) {
		strbuf_addstr(sb, "<cols>");
		/* Excel's width of w characters and 5 pixels of padding */
		for (c = 0; c < sh->ncols && c < XLSX_COLS; c++)
			strbuf_addf(sb, "<col min=\"%u\" max=\"%u\" "
			    "width=\"%u.7109375\" customWidth=\"1\"/>", c + 1,
			    c + 1, sh->width[c]);
		strbuf_addstr(sb, "</cols>");
	}
	strbuf_addstr(sb, "<sheetData>");
}

static void
sheet_tail(const struct xlsx_sheet *sh, struct strbuf *sb)
{
	strbuf_addstr(sb, "</sheetData>");
	if (sh->ncols > 0) {
		strbuf_addstr(sb, "<autoFilter ref=\"");
		table_ref(sh, sb, 0);
		strbuf_addstr(sb, "\"/>");
	}
	strbuf_addstr(sb, "<pageMargins left=\"0.7\" right=\"0.7\" "
	    "top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
	    "</worksheet>");
}

/*
 * Sheet k as a part: its head and tail deflated around the rows in its
 * file, the CRCs combined.  0, or -1.
 */
static int
sheet_part(struct xlsx *x, size_t k, struct part *p)
{
	struct xlsx_sheet *sh = x->sheets[k];
	struct strbuf xml = STRBUF_INIT;
	uLong crc;
	int rc;

	memset(p, 0, sizeof(*p));
	strbuf_init(&p->head);
	strbuf_init(&p->tail);
	p->sheet = sh;
	if (sh->open)
		PUTS(sh, "</row>");
	sh->open = 0;
	feed(x, sh, Z_SYNC_FLUSH);
	strbuf_addf(&xml, "xl/worksheets/sheet%zu.xml", k + 1);
	p->name = strbuf_detach(&xml, NULL);
	sheet_head(sh, k == 0, &xml);
	crc = crc32(crc32(0, NULL, 0), (const Bytef *)xml.buf,
	    (uInt)xml.len);
	p->crc = crc32_combine(crc, sh->crc, (z_off_t)sh->size);
	p->size = xml.len + sh->size;
	rc = deflate_piece(xml.buf, xml.len, Z_SYNC_FLUSH, &p->head);
	strbuf_reset(&xml);
	sheet_tail(sh, &xml);
	crc = crc32(crc32(0, NULL, 0), (const Bytef *)xml.buf,
	    (uInt)xml.len);
	p->crc = crc32_combine(p->crc, crc, (z_off_t)xml.len);
	p->size += xml.len;
	if (deflate_piece(xml.buf, xml.len, Z_FINISH, &p->tail) == -1)
		rc = -1;
	strbuf_release(&xml);
	p->packed = p->head.len + sh->packed + p->tail.len;
	return rc;
}

/* Little-endian integers of a zip header. */
static void
le16(struct strbuf *sb, unsigned v)
{
	strbuf_addch(sb, (char)(v & 0xff));
	strbuf_addch(sb, (char)(v >> 8 & 0xff));
}

static void
le32(struct strbuf *sb, uint64_t v)
{
	le16(sb, (unsigned)(v & 0xffff));
	le16(sb, (unsigned)(v >> 16 & 0xffff));
}

/*
 * The fields local and central headers share, from "version needed":
 * no flags, deflated, 1980-01-01 00:00 so that the same cases on the same
 * day make the same bytes, and the sizes known before the data.
 */
static void
zip_common(struct strbuf *sb, const struct part *p)
{
	le16(sb, 20);
	le16(sb, 0);
	le16(sb, 8);
	le16(sb, 0);
	le16(sb, 1 << 5 | 1);
	le32(sb, p->crc);
	le32(sb, p->packed);
	le32(sb, p->size);
	le16(sb, (unsigned)strlen(p->name));
	le16(sb, 0);
}

/* Copies the sheet's deflated rows from its file into out. */
static int
copy_rows(struct xlsx *x, struct xlsx_sheet *sh, FILE *out)
{
	char buf[XLSX_CHUNK];
	ssize_t n;

	if (lseek(sh->fd, 0, SEEK_SET) == -1)
		return fail_sys(FAIL_IO, x->dir, errno,
		    "cannot read the workbook back");
	while ((n = read(sh->fd, buf, sizeof(buf))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return fail_sys(FAIL_IO, x->dir, errno,
			    "cannot read the workbook back");
		if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
			return 0;	/* ferror(out), reported after */
	}
	return 0;
}

/*
 * Whether the zip of the parts is small enough for the 32-bit sizes and
 * offsets of a zip without zip64: all but the end, more than 4 GiB.
 */
static int
zip_fits(const struct part *parts, size_t n)
{
	uint64_t at = 0;
	size_t i;

	for (i = 0; i < n; i++)
		at += 30 + 46 + 2 * strlen(parts[i].name) + parts[i].packed;
	for (i = 0; i < n; i++)
		if (parts[i].size > ZIP_MAX)
			return 0;
	return at <= ZIP_MAX;
}

/* Writes the zip of the parts to out. */
static int
write_zip(struct xlsx *x, struct part *parts, size_t n, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;
	uint64_t at = 0;
	size_t i, dir;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		parts[i].offset = at;
		strbuf_reset(&sb);
		le32(&sb, 0x04034b50);
		zip_common(&sb, &parts[i]);
		strbuf_addstr(&sb, parts[i].name);
		fwrite(sb.buf, 1, sb.len, out);
		fwrite(parts[i].head.buf, 1, parts[i].head.len, out);
		if (parts[i].sheet != NULL)
			rc = copy_rows(x, parts[i].sheet, out);
		fwrite(parts[i].tail.buf, 1, parts[i].tail.len, out);
		at += sb.len + parts[i].packed;
	}
	strbuf_reset(&sb);
	for (i = 0; i < n; i++) {
		le32(&sb, 0x02014b50);
		le16(&sb, 20);
		zip_common(&sb, &parts[i]);
		le16(&sb, 0);	/* comment */
		le16(&sb, 0);	/* disk */
		le16(&sb, 0);	/* internal attributes */
		le32(&sb, 0);	/* external */
		le32(&sb, parts[i].offset);
		strbuf_addstr(&sb, parts[i].name);
	}
	dir = sb.len;
	le32(&sb, 0x06054b50);
	le32(&sb, 0);		/* this disk, the directory's */
	le16(&sb, (unsigned)n);
	le16(&sb, (unsigned)n);
	le32(&sb, dir);
	le32(&sb, at);
	le16(&sb, 0);
	if (rc == 0)
		fwrite(sb.buf, 1, sb.len, out);
	strbuf_release(&sb);
	if (rc == 0 && (ferror(out) || fflush(out) != 0))
		rc = fail_at(FAIL_IO, NULL, 0, 0,
		    "cannot write the workbook: %s", strerror(errno));
	return rc;
}

/* The failure noted while the rows were written, reported; 0 if none. */
static int
noted(const struct xlsx *x)
{
	if (x->badname != NULL)
		return fail_at(FAIL_IO, NULL, 0, 0, "cannot make the "
		    "workbook: '%s' is no sheet name Excel takes",
		    x->badname);
	if (x->nofile != 0)
		return -1;	/* temp_file() said why */
	if (x->toolong)
		return fail_at(FAIL_IO, NULL, 0, 0, "cannot make the workbook: "
		    "a sheet would have more than 1048576 rows, as many as "
		    "Excel takes; choose fewer (--owner, --phase, --overdue, "
		    "a folder) or --format csv");
	if (x->errnum != 0) {
		/* TRANSLATORS: the folder is named before; TMPDIR chooses it */
		return fail_sys(FAIL_IO, x->dir, x->errnum, "cannot write a "
		    "temporary file for the workbook in this folder (TMPDIR)");
	}
	if (x->zerr)
		return fail_at(FAIL_IO, NULL, 0, 0, "cannot make the workbook: "
		    "zlib could not compress it");
	return 0;
}

/* The parts besides the sheets, in the zip's order. */
static const struct {
	const char	*name;
	void		(*write)(const struct xlsx *, struct strbuf *);
} small[] = {
	{ "[Content_Types].xml", content_types },
	{ "_rels/.rels", root_rels },
	{ "docProps/app.xml", app_props },
	{ "docProps/core.xml", core_props },
	{ "xl/workbook.xml", workbook },
	{ "xl/_rels/workbook.xml.rels", workbook_rels },
	{ "xl/styles.xml", styles },
};

int
xlsx_close(struct xlsx *x, FILE *out)
{
	struct strbuf xml = STRBUF_INIT;
	struct part *parts;
	size_t nsmall = sizeof(small) / sizeof(small[0]);
	size_t n = nsmall + x->nsheets, i;
	int rc = 0;

	if (noted(x) == -1) {
		xlsx_free(x);
		return -1;
	}
	parts = xcalloc(n, sizeof(*parts));
	for (i = 0; i < x->nsheets; i++)
		if (sheet_part(x, i, &parts[nsmall + i]) == -1)
			x->zerr = 1;
	for (i = 0; i < nsmall; i++) {
		strbuf_reset(&xml);
		small[i].write(x, &xml);
		rc |= small_part(&parts[i], small[i].name, &xml);
	}
	strbuf_release(&xml);
	if (rc != 0)
		x->zerr = 1;
	if ((rc = noted(x)) == 0 && !zip_fits(parts, n))
		rc = fail_at(FAIL_IO, NULL, 0, 0, "cannot make the workbook: "
		    "it would be larger than 4 GiB; choose fewer (--owner, "
		    "--phase, --overdue, a folder) or --format csv");
	if (rc == 0)
		rc = write_zip(x, parts, n, out);
	for (i = 0; i < n; i++) {
		free(parts[i].name);
		strbuf_release(&parts[i].head);
		strbuf_release(&parts[i].tail);
	}
	free(parts);
	xlsx_free(x);
	return rc;
}

void
xlsx_free(struct xlsx *x)
{
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->nsheets; i++) {
		deflateEnd(&x->sheets[i]->z);
		close(x->sheets[i]->fd);
		free(x->sheets[i]->name);
		free(x->sheets[i]->xml);
		free(x->sheets[i]->out);
		free(x->sheets[i]);
	}
	if (x->spare != -1)
		close(x->spare);
	free(x->title);
	free(x->sheets);
	free(x);
}
