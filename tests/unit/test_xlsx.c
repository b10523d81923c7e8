/*
 * Unit tests of xlsx.c: a sheet deflated in pieces (head, rows, tail)
 * inflates to exactly the XML meant, with the zip's CRC and sizes right;
 * the same cells make the same bytes; a sheet may have Excel's 1048576
 * rows and no more; a temporary file that cannot be made or written is
 * one message naming the folder and the reason.
 */
#include <sys/resource.h>

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "diag.h"
#include "testutil.h"
#include "xlsx.h"

/* 2026-11-23 as a day number: days since 1970-01-01. */
#define TODAY	20780L

/* A little-endian integer of n bytes at p. */
static uint32_t
le(const unsigned char *p, int n)
{
	uint32_t v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

/*
 * The part name of the zip in buf, inflated, walking the local headers
 * (which carry the CRC and sizes, the data right after); NULL if absent.
 * Checks the CRC and size the header gives.
 */
static char *
unzip_part(const char *buf, size_t len, const char *name)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t at = 0, nlen, packed, size;
	z_stream z;
	char *out;

	while (at + 30 <= len && le(p + at, 4) == 0x04034b50) {
		packed = le(p + at + 18, 4);
		size = le(p + at + 22, 4);
		nlen = le(p + at + 26, 2);
		assert_int_equal(le(p + at + 8, 2), 8);		/* deflated */
		assert_int_equal(le(p + at + 12, 2), 0x21);	/* 1980-01-01 */
		if (nlen == strlen(name) && memcmp(p + at + 30, name,
		    nlen) == 0) {
			out = calloc(1, size + 1);
			memset(&z, 0, sizeof(z));
			assert_int_equal(inflateInit2(&z, -15), Z_OK);
			z.next_in = (Bytef *)(p + at + 30 + nlen);
			z.avail_in = (uInt)packed;
			z.next_out = (Bytef *)out;
			z.avail_out = (uInt)size;
			assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
			assert_int_equal(z.total_out, size);
			assert_int_equal(z.total_in, packed);
			inflateEnd(&z);
			assert_int_equal(crc32(0, (Bytef *)out, (uInt)size),
			    le(p + at + 14, 4));
			return out;
		}
		at += 30 + nlen + packed;
	}
	return NULL;
}

static const char *const headers[] = { "Namn", "Datum", NULL };

/*
 * A sheet of a header, a row of text with a < and a date, and a marked
 * row of a number and a blank, written into *buf.
 */
static void
small_book(char **buf, size_t *len)
{
	struct xlsx *x;
	FILE *fp;

	assert_non_null(fp = open_memstream(buf, len));
	assert_non_null(x = xlsx_open("T & t", TODAY));
	xlsx_sheet(x, "Blad", headers);
	xlsx_row(x, 0);
	xlsx_text(x, "a<b");
	xlsx_date(x, TODAY);
	xlsx_row(x, 1);
	xlsx_number(x, 7);
	xlsx_blank(x);
	assert_int_equal(xlsx_close(x, fp), 0);
	fclose(fp);
}

static void
test_xlsx_sheet_inflates_to_its_xml(void **state)
{
	char *buf, *xml;
	size_t len;

	(void)state;
	small_book(&buf, &len);
	assert_non_null(xml = unzip_part(buf, len,
	    "xl/worksheets/sheet1.xml"));
	/*
	 * Widths: a header's text and 4 (Namn 8, Datum 9), a cell's and
	 * 2 (a<b 5, a date 10 + 2 = 12); 2026-11-23 is Excel's day
	 * 46349 (25569, 1970-01-01, + 20780); the marked row's style is
	 * 4, its blank not written.
	 */
	assert_string_equal(xml,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<worksheet xmlns=\"http://schemas.openxmlformats.org/"
	    "spreadsheetml/2006/main\" xmlns:r=\"http://schemas."
	    "openxmlformats.org/officeDocument/2006/relationships\">"
	    "<dimension ref=\"A1:B3\"/><sheetViews><sheetView "
	    "tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"1\" "
	    "topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
	    "<selection pane=\"bottomLeft\"/></sheetView></sheetViews>"
	    "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
	    "<col min=\"1\" max=\"1\" width=\"8.7109375\" customWidth=\"1\"/>"
	    "<col min=\"2\" max=\"2\" width=\"12.7109375\" customWidth=\"1\"/>"
	    "</cols><sheetData>"
	    "<row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>Namn</t>"
	    "</is></c><c r=\"B1\" s=\"1\" t=\"inlineStr\"><is><t>Datum</t>"
	    "</is></c></row>"
	    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a&lt;b</t></is>"
	    "</c><c r=\"B2\" s=\"2\"><v>46349</v></c></row>"
	    "<row r=\"3\"><c r=\"A3\" s=\"4\"><v>7</v></c></row>"
	    "</sheetData><autoFilter ref=\"A1:B3\"/><pageMargins left=\"0.7\" "
	    "right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
	    "footer=\"0.3\"/></worksheet>");
	free(xml);
	assert_non_null(xml = unzip_part(buf, len, "docProps/core.xml"));
	assert_non_null(strstr(xml, "<dc:title>T &amp; t</dc:title>"));
	assert_non_null(strstr(xml, ">2026-11-23T00:00:00Z</dcterms:created>"));
	free(xml);
	assert_non_null(xml = unzip_part(buf, len, "xl/workbook.xml"));
	assert_non_null(strstr(xml, "<definedName name=\"_xlnm._FilterDatabase"
	    "\" localSheetId=\"0\" hidden=\"1\">'Blad'!$A$1:$B$3"
	    "</definedName>"));
	free(xml);
	free(buf);
}

/*
 * Text that Excel would read as its escape of a character (_x0041_ is
 * "A") keeps its underscore as an escape of its own, _x005F_; an
 * underscore that starts no such escape, or a short one, stays.
 */
static void
test_xlsx_keeps_excel_escapes_as_text(void **state)
{
	struct xlsx *x;
	char *buf, *xml;
	size_t len;
	FILE *fp;

	(void)state;
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_non_null(x = xlsx_open("T", TODAY));
	xlsx_sheet(x, "Blad", headers);
	xlsx_row(x, 0);
	xlsx_text(x, "_x0041_ och _xBEEF_x");
	xlsx_text(x, "a_b _x12_ _x004G_ _x0041");
	assert_int_equal(xlsx_close(x, fp), 0);
	fclose(fp);
	assert_non_null(xml = unzip_part(buf, len,
	    "xl/worksheets/sheet1.xml"));
	assert_non_null(strstr(xml, "<t>_x005F_x0041_ och _x005F_xBEEF_x</t>"));
	assert_non_null(strstr(xml, "<t>a_b _x12_ _x004G_ _x0041</t>"));
	free(xml);
	free(buf);
}

static void
test_xlsx_same_cells_same_bytes(void **state)
{
	char *a, *b;
	size_t alen, blen;

	(void)state;
	small_book(&a, &alen);
	small_book(&b, &blen);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	free(a);
	free(b);
}

/* A sheet of a header and n rows of one cell, written to /dev/null. */
static int
long_book(unsigned long n)
{
	struct xlsx *x;
	FILE *fp;
	int rc;

	assert_non_null(fp = fopen("/dev/null", "w"));
	assert_non_null(x = xlsx_open("T", TODAY));
	xlsx_sheet(x, "Blad", headers);
	while (n-- > 0) {
		xlsx_row(x, 0);
		xlsx_number(x, 1);
	}
	rc = xlsx_close(x, fp);
	fclose(fp);
	return rc;
}

static void
test_xlsx_takes_as_many_rows_as_excel(void **state)
{
	(void)state;
	/* 1048576 rows in all, the header one of them */
	diag_reset();
	assert_int_equal(long_book(1048575), 0);
	assert_int_equal(diag_count(DIAG_ERROR), 0);
	assert_int_equal(long_book(1048576), -1);
	assert_int_equal(diag_failure(), FAIL_IO);	/* exit status 74 */
	assert_reported("sams: error: cannot make the workbook: a sheet would "
	    "have more than 1048576 rows, as many as Excel takes; choose "
	    "fewer (--owner, --phase, --overdue, a folder) or --format csv\n");
	assert_int_equal(diag_count(DIAG_ERROR), 1);
}

static void
test_xlsx_names_a_tmpdir_it_cannot_use(void **state)
{
	(void)state;
	setenv("TMPDIR", "/nonexistent/sams-test", 1);
	diag_reset();
	assert_null(xlsx_open("T", TODAY));
	unsetenv("TMPDIR");
	assert_int_equal(diag_failure(), FAIL_IO);	/* 74 */
	assert_reported("sams: /nonexistent/sams-test: error: cannot create a "
	    "temporary file for the workbook: No such file or directory\n");
}

/*
 * Temporary files that cannot grow past 64 KiB (RLIMIT_FSIZE, its signal
 * ignored, as a full disk refuses a write with ENOSPC): 200,000 rows of
 * a random number (a few MiB deflated) cannot fit, and the workbook
 * fails with one message, writing nothing.
 */
static void
test_xlsx_reports_a_write_that_fails(void **state)
{
	struct rlimit was, small;
	struct xlsx *x;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	long i;

	(void)state;
	setenv("TMPDIR", "/tmp", 1);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	small = was;
	small.rlim_cur = 64 * 1024;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_non_null(x = xlsx_open("T", TODAY));
	xlsx_sheet(x, "Blad", headers);
	srandom(1);
	for (i = 0; i < 200000; i++) {
		xlsx_row(x, 0);
		xlsx_number(x, (double)random());
	}
	diag_reset();
	assert_int_equal(xlsx_close(x, fp), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
	signal(SIGXFSZ, SIG_DFL);
	unsetenv("TMPDIR");
	fclose(fp);
	assert_int_equal(len, 0);
	assert_int_equal(diag_failure(), FAIL_IO);
	assert_reported("sams: /tmp: error: cannot write a temporary file for "
	    "the workbook in this folder (TMPDIR): File too large\n");
	assert_int_equal(diag_count(DIAG_ERROR), 1);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_sheet_inflates_to_its_xml),
		cmocka_unit_test(test_xlsx_keeps_excel_escapes_as_text),
		cmocka_unit_test(test_xlsx_same_cells_same_bytes),
		cmocka_unit_test(test_xlsx_takes_as_many_rows_as_excel),
		cmocka_unit_test(test_xlsx_names_a_tmpdir_it_cannot_use),
		cmocka_unit_test(test_xlsx_reports_a_write_that_fails),
	};

	return cmocka_run_group_tests_name("xlsx", tests, capture_setup,
	    capture_teardown);
}
