/*
 * Unit tests of the batch report: TSV and CSV cells a spreadsheet takes
 * as text, the summary's counts and the agenda by owner, on cases loaded
 * with the built-in model and a fixed today.
 */
#include "date.h"
#include "modelset.h"
#include "render.h"
#include "report.h"
#include "state.h"
#include "testutil.h"
#include "text.h"

#define NCASES	4

struct fixture {
	const struct model	*m;
	struct casefile		*c[NCASES];
	struct case_state	 st[NCASES];
	size_t			 n;
	struct report		 r;
	char			*out;
	size_t			 len;
};

/* The id, the placement date and the contacts. */
static const char head[] =
    "sams-case: 1\nid: %s\nmodel: sams\n"
    "placement: {type: familjehem, date: %s}\n"
    "school: {change: true, form: grundskola}\n"
    "contacts: {%s}\n"
    "history:\n- {date: 2026-11-20, event: opened}\n";

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct step_filter none = STEP_FILTER_INIT;

	*state = f;
	if (model_get("sams", &f->m) != 0)
		return -1;
	f->r.filter = none;
	f->r.file_width = 3;
	if (date_parse("2026-11-25", &f->r.today) != 0)
		return -1;
	f->r.out = open_memstream(&f->out, &f->len);
	return f->r.out == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < f->n; i++) {
		state_release(&f->st[i]);
		case_free(f->c[i]);
	}
	report_release(&f->r);
	if (f->r.out != NULL)
		fclose(f->r.out);
	free(f->out);
	free(f);
	return 0;
}

/* Loads a case as file name and adds it to the report's input. */
static void
add(struct fixture *f, const char *name, const char *id, const char *date,
    const char *contacts)
{
	char *text = xasprintf(head, id, date, contacts);	/* the case's */
	size_t i = f->n++;

	assert_true(i < NCASES);
	f->c[i] = case_load(text, strlen(text), name);
	assert_non_null(f->c[i]);
	assert_int_equal(state_check_case(f->m, f->c[i]), 0);
	state_compute(&f->st[i], f->m, f->c[i], f->r.today);
	if (text_width(name) > f->r.file_width)
		f->r.file_width = text_width(name);
}

/* Runs the report over the cases added, returns what it wrote. */
static const char *
run(struct fixture *f, enum report_format format)
{
	size_t i;

	f->r.format = format;
	report_begin(&f->r);
	for (i = 0; i < f->n; i++)
		report_case(&f->r, &f->st[i]);
	report_end(&f->r);
	fflush(f->r.out);
	return f->out;
}

/*
 * Tabs and newlines in a cell stay in it; TSV escapes its backslashes.
 * One row per step: ip-kartlagg was due 2026-11-10, 15 days before the
 * report's 2026-11-25.
 */
static void
test_report_tsv_keeps_each_cell_on_its_line(void **state)
{
	struct fixture *f = *state;

	add(f, "a\tb\nc\\d.yml", "T-1", "2026-12-01", "socialtjanst: Bo");
	assert_string_equal(run(f, REPORT_TSV), "case\tfile\tphase\tstep\t"
	    "title\towner\tname\tdue\toverdue\tdays_overdue\n"
	    "T-1\ta\\tb\\nc\\\\d.yml\tinfor-placering\tip-kartlagg\t"
	    "Kartlägg skolgången och bedöm om placeringen innebär skolbyte\t"
	    "socialtjanst\tBo\t2026-11-10\ttrue\t15\n");
}

/* What a spreadsheet would run as a formula gets an apostrophe. */
static void
test_report_formula_cells_are_shown_as_text(void **state)
{
	struct fixture *f = *state;
	const char *out;

	add(f, "a.yml", "T-1", "2026-12-01", "socialtjanst: '=1+1'");
	add(f, "b.yml", "T-2", "2026-12-01", "socialtjanst: '@SUM(A1)'");
	add(f, "c.yml", "T-3", "2026-12-01", "socialtjanst: ' -2+3'");
	add(f, "d.yml", "T-4", "2026-12-01", "socialtjanst: '+46 70'");
	out = run(f, REPORT_TSV);
	assert_non_null(strstr(out, "\tsocialtjanst\t'=1+1\t"));
	assert_non_null(strstr(out, "\tsocialtjanst\t'@SUM(A1)\t"));
	assert_non_null(strstr(out, "\tsocialtjanst\t' -2+3\t"));
	assert_non_null(strstr(out, "\tsocialtjanst\t'+46 70\t"));
}

/* A number is a number, not a formula: "-3" stays as it is. */
static void
test_report_plain_numbers_stay_numbers(void **state)
{
	struct fixture *f = *state;

	add(f, "a.yml", "T-1", "2026-12-01", "socialtjanst: '-3'");
	assert_non_null(strstr(run(f, REPORT_CSV), ",socialtjanst,-3,"));
}

/* CSV quotes cells with commas or quotes as RFC 4180 says. */
static void
test_report_csv_quotes_commas_and_quotes(void **state)
{
	struct fixture *f = *state;

	add(f, "x,\"y\".yml", "T-1", "2026-12-01", "socialtjanst: '=A1'");
	add(f, "a\tb.yml", "T-2", "2026-12-01", "");
	assert_string_equal(run(f, REPORT_CSV), "case,file,phase,step,"
	    "title,owner,name,due,overdue,days_overdue\n"
	    "T-1,\"x,\"\"y\"\".yml\",infor-placering,ip-kartlagg,"
	    "Kartlägg skolgången och bedöm om placeringen innebär skolbyte,"
	    "socialtjanst,'=A1,2026-11-10,true,15\n"
	    "T-2,a\\tb.yml,infor-placering,ip-kartlagg,"
	    "Kartlägg skolgången och bedöm om placeringen innebär skolbyte,"
	    "socialtjanst,,2026-11-10,true,15\n");
}

/*
 * --csv-excel: a BOM, ; between cells (so a cell with ; is quoted and one
 * with a comma is not), CRLF, Swedish titles and Ja/Nej.
 */
static void
test_report_csv_excel_quotes_semicolons(void **state)
{
	struct fixture *f = *state;

	add(f, "x;y,z.yml", "T-1", "2026-12-01", "socialtjanst: 'Bo; Berg'");
	f->r.excel = 1;
	assert_string_equal(run(f, REPORT_CSV), "\xef\xbb\xbf"
	    "Ärende;Fil;Fas;Steg;Titel;Ansvarig;Namn;Senast;Försenad;"
	    "Dagar försenad\r\n"
	    "T-1;\"x;y,z.yml\";Inför placering;ip-kartlagg;"
	    "Kartlägg skolgången och bedöm om placeringen innebär skolbyte;"
	    "Socialtjänsten;\"Bo; Berg\";2026-11-10;Ja;15\r\n");
}

/*
 * The summary counts the cases, the overdue steps, the cases by phase in
 * the model's order and the listed steps by role.  The file column is as
 * wide as its widest name in characters.
 */
static void
test_report_text_table_and_summary(void **state)
{
	struct fixture *f = *state;

	add(f, "under.yml", "T-1", "2026-11-01", "");
	add(f, "李小龍.yml", "T-2", "2026-12-01", "");
	add(f, "c.yml", "T-3", "2026-12-20", "");
	assert_string_equal(run(f, REPORT_TEXT), "File       Case        "
	    "Model  Phase            Due                  Next steps "
	    "(owner)\n"
	    "under.yml  T-1         sams   Under placering  2026-10-11 "
	    "overdue   ip-kartlagg (socialtjanst), up-skolstart "
	    "(rektor-mottagande), up-narvaro (rektor-mottagande), "
	    "up-hemkommun (utbildningsforvaltning), up-folja (socialtjanst)\n"
	    "李小龍.yml    T-2         sams   Inför placering  2026-11-10 "
	    "overdue   ip-kartlagg (socialtjanst)\n"
	    "c.yml      T-3         sams   Inför placering  2026-11-29"
	    "           ip-kartlagg (socialtjanst)\n"
	    "\n"
	    "Cases: 3, 0 of them complete. Overdue steps: 4.\n"
	    "By phase:      Inför placering 2 (overdue: 1) · "
	    "Under placering 1 (overdue: 1)\n"
	    "By owner:      Socialtjänsten 4 (overdue: 2) · Rektor, "
	    "mottagande skola 2 (overdue: 1) · Hemkommunens "
	    "utbildningsförvaltning 1 (overdue: 1)\n");
}

/*
 * By owner: one group per person, however the name is capitalised, with
 * every role they own steps as; steps without a contact under their role.
 */
static void
test_report_by_owner_groups_each_person(void **state)
{
	struct fixture *f = *state;

	add(f, "a.yml", "T-1", "2026-12-01", "socialtjanst: Maria Holm");
	add(f, "b.yml", "T-2", "2026-11-01",
	    "rektor-mottagande: maria holm");
	add(f, "c.yml", "T-3", "2026-12-01", "");
	f->r.by_owner = 1;
	f->r.filter.overdue = 1;
	assert_string_equal(run(f, REPORT_TEXT),
	    "Maria Holm (Socialtjänsten; Rektor, mottagande skola)\n"
	    "  T-1         ip-kartlagg     2026-11-10 overdue   Kartlägg "
	    "skolgången och bedöm om placeringen innebär skolbyte  (a.yml)\n"
	    "  T-2         up-skolstart    2026-11-08 overdue   Ta emot "
	    "eleven och kartlägg behoven  (b.yml)\n"
	    "\n"
	    "Hemkommunens utbildningsförvaltning (no contact given)\n"
	    "  T-2         up-hemkommun    2026-11-15 overdue   Hemkommunens "
	    "bevakning av skolplikt och skolgång  (b.yml)\n"
	    "\n"
	    "Socialtjänsten (no contact given)\n"
	    "  T-2         ip-kartlagg     2026-10-11 overdue   Kartlägg "
	    "skolgången och bedöm om placeringen innebär skolbyte  (b.yml)\n"
	    "  T-3         ip-kartlagg     2026-11-10 overdue   Kartlägg "
	    "skolgången och bedöm om placeringen innebär skolbyte  (c.yml)\n"
	    "\n"
	    "Selection:     overdue steps\n"
	    "Cases: 3, 0 of them complete. Overdue steps: 5.\n"
	    "By phase:      Inför placering 2 (overdue: 2) · "
	    "Under placering 1 (overdue: 1)\n"
	    "By owner:      Socialtjänsten 3 (overdue: 3) · Rektor, "
	    "mottagande skola 1 (overdue: 1) · Hemkommunens "
	    "utbildningsförvaltning 1 (overdue: 1)\n");
}

/* A JSON row writer as the command passes one: the case's id, a line. */
static void
id_row(FILE *fp, const struct case_state *st, const struct step_filter *f)
{
	(void)f;
	fprintf(fp, "%s\n", st->c->id);
}

/* JSON Lines: the writer given writes one row per case the report shows. */
static void
test_report_json_rows_come_from_the_writer(void **state)
{
	struct fixture *f = *state;

	f->r.json_row = id_row;
	f->r.phase = "under-placering";
	add(f, "a.yml", "T-1", "2026-12-01", "");
	add(f, "b.yml", "T-2", "2026-11-01", "");
	add(f, "c.yml", "T-3", "2026-11-02", "");
	assert_string_equal(run(f, REPORT_JSON), "T-2\nT-3\n");
	assert_int_equal(f->r.cases, 2);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_report_tsv_keeps_each_cell_on_its_line),
		T(test_report_formula_cells_are_shown_as_text),
		T(test_report_plain_numbers_stay_numbers),
		T(test_report_csv_quotes_commas_and_quotes),
		T(test_report_csv_excel_quotes_semicolons),
		T(test_report_text_table_and_summary),
		T(test_report_by_owner_groups_each_person),
		T(test_report_json_rows_come_from_the_writer),
	};

	render_set_color(COLOR_NEVER);
	return cmocka_run_group_tests_name("report", tests, capture_setup,
	    capture_teardown);
}
