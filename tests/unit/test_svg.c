/*
 * Unit tests of svg.c: the coordinates of charts computed by hand, charts
 * of no data, one value and huge values, and labels escaped.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "svg.h"
#include "testutil.h"

struct fixture {
	char	*buf;
	size_t	 len;
	FILE	*fp;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	f->fp = open_memstream(&f->buf, &f->len);
	*state = f;
	return f->fp == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	fclose(f->fp);
	free(f->buf);
	free(f);
	return 0;
}

static const char *
output(struct fixture *f)
{
	fflush(f->fp);
	return f->buf;
}

#define assert_has(f, s)	assert_non_null(strstr(output(f), (s)))
#define assert_lacks(f, s)	assert_null(strstr(output(f), (s)))

/*
 * Days 0, 1, 2, 8, 9, 15 in weeks: 3 in 0–6, 2 in 7–13, 1 in 14–20.  Three
 * bins share 400 px: 133 each (bars 131 wide, 2 px apart), from x = 40.
 * The highest bin (3) is 150 px high from y = 20; 2 of 3 is 100 px (y =
 * 70), 1 of 3 is 50 px (y = 120).  The limit of 7 days is drawn after day
 * 7: 8 days of 133/7 px = 152 px, at x = 192.  Over 7 days: 8, 9, 15.
 */
static void
test_svg_histogram_places_bins_and_limit(void **state)
{
	/* a value each of 0, 1, 2, 8, 9 and 15 days */
	static const size_t days[] = { 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0,
	    0, 0, 1 };
	struct fixture *f = *state;

	svg_histogram(f->fp, "Dagar till skolstart", days, 16, NULL, 0, 7,
	    7);
	assert_has(f, "<rect x=\"40\" y=\"20\" width=\"131\" height=\"150\"");
	assert_has(f, "<rect x=\"173\" y=\"70\" width=\"131\" height=\"100\"");
	assert_has(f, "<rect x=\"306\" y=\"120\" width=\"131\" height=\"50\"");
	assert_has(f, "<line x1=\"192\" y1=\"16\" x2=\"192\" y2=\"170\"");
	assert_has(f, "limit 7 days");
	assert_has(f, "<th scope=\"row\">0–6</th><td class=\"n\">3</td>");
	assert_has(f, "<th scope=\"row\">7–13</th><td class=\"n\">2</td>");
	assert_has(f, "<th scope=\"row\">14–20</th><td class=\"n\">1</td>");
	assert_has(f, "<th scope=\"row\">Over 7 days</th>"
	    "<td class=\"n\">3</td>");
	assert_has(f, "role=\"img\" aria-label=\"Dagar till skolstart\">"
	    "<title>Dagar till skolstart</title>");
}

/* No values: no bar, a sentence instead, the limit at the plot's end. */
static void
test_svg_histogram_of_nothing_says_so(void **state)
{
	struct fixture *f = *state;

	svg_histogram(f->fp, "Dagar", NULL, 0, NULL, 0, 7, 7);
	assert_lacks(f, "<rect");
	assert_has(f, "No values");
	assert_has(f, "<line x1=\"440\" y1=\"16\" x2=\"440\"");
	assert_has(f, "<th scope=\"row\">Over 7 days</th>"
	    "<td class=\"n\">0</td>");
}

/* One value: one bin as wide as the plot (400 px, the bar 398). */
static void
test_svg_histogram_of_one_value_fills_the_plot(void **state)
{
	static const size_t days[] = { 0, 0, 0, 1 };	/* one of 3 days */
	struct fixture *f = *state;

	svg_histogram(f->fp, "Dagar", days, 4, NULL, 0, 7, 7);
	assert_has(f, "<rect x=\"40\" y=\"20\" width=\"398\" height=\"150\"");
	assert_has(f, "<th scope=\"row\">Over 7 days</th>"
	    "<td class=\"n\">0</td>");
}

/*
 * Values of 999 days (counted by day) and of LONG_MAX days (a far one)
 * land in the last of 20 bins, "≥ 133" (19 × 7): 20 bins of 20 px, the
 * last at x = 40 + 19 × 20 = 420; one of 0 days in the first.
 */
static void
test_svg_histogram_puts_huge_values_in_the_last_bin(void **state)
{
	static const long far[] = { LONG_MAX };
	static size_t days[1000];
	struct fixture *f = *state;

	days[0] = days[999] = 1;
	svg_histogram(f->fp, "Dagar", days, 1000, far, 1, 7, 7);
	/* 2 in the last bin: 150 px; 1 of 2 in the first: 75 px, y = 95 */
	assert_has(f, "<rect x=\"420\" y=\"20\" width=\"18\" height=\"150\"");
	assert_has(f, "<rect x=\"40\" y=\"95\" width=\"18\" height=\"75\"");
	assert_has(f, "<th scope=\"row\">≥ 133</th><td class=\"n\">2</td>");
	assert_has(f, "<th scope=\"row\">0–6</th><td class=\"n\">1</td>");
	assert_has(f, "<th scope=\"row\">Over 7 days</th>"
	    "<td class=\"n\">2</td>");
}

/*
 * Bars scale to the largest value when it is above the scale: 3 fills
 * 360 px, 1 is 120; a scale of 100 draws 50 at 180 px; LONG_MAX fills
 * the width without overflowing.
 */
static void
test_svg_bars_scale_to_the_width(void **state)
{
	static const struct svg_bar bars[] = {
		{ "Inför placering", 3, NULL }, { "Under placering", 1, NULL },
		{ "Klart", 0, NULL },
	};
	static const struct svg_bar rate[] = { { "Rektor", 50, NULL } };
	static const struct svg_bar huge[] = { { "x", LONG_MAX, NULL } };
	struct fixture *f = *state;

	svg_bars(f->fp, "Öppna steg", "Fas", "Steg", bars, 3, 0, "");
	assert_has(f, "<rect x=\"0\" y=\"18\" width=\"360\"");
	assert_has(f, "<rect x=\"0\" y=\"54\" width=\"120\"");
	assert_has(f, "<rect x=\"0\" y=\"90\" width=\"0\"");
	assert_has(f, "<th scope=\"row\">Under placering</th>"
	    "<td class=\"n\">1</td>");
	svg_bars(f->fp, "I tid", "Roll", "Andel", rate, 1, 100, "%");
	assert_has(f, "<rect x=\"0\" y=\"18\" width=\"180\"");
	assert_has(f, "<td class=\"n\">50%</td>");
	svg_bars(f->fp, "Stort", "x", "y", huge, 1, 0, "");
	assert_has(f, "width=\"360\" height=\"14\"");
}

/* A label from a case never reaches the drawing or the table raw. */
static void
test_svg_escapes_labels_and_titles(void **state)
{
	static const struct svg_bar bars[] = {
		{ "<script>alert('x')</script>\"&", 1, "<b>" },
	};
	struct fixture *f = *state;

	svg_bars(f->fp, "a\"b<c", "Fas", "Steg", bars, 1, 0, "");
	assert_lacks(f, "<script");
	assert_lacks(f, "a\"b");
	assert_has(f, "aria-label=\"a&quot;b&lt;c\"");
	assert_has(f, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
	    "&quot;&amp;");
	assert_lacks(f, "<b>");
	assert_has(f, "1 (&lt;b&gt;)");
}

/*
 * A note follows the value in the drawing and the table, and widens the
 * drawing by 110 px (440 + 110) so that "100 % (12 av 12)" fits after a
 * full bar: Rektor's 12 of 15 is 80 %, 288 px of 360.
 */
static void
test_svg_bars_say_their_notes(void **state)
{
	static const struct svg_bar bars[] = {
		{ "Rektor", 80, "12 av 15" }, { "Socialtjänsten", 100,
		"12 av 12" },
	};
	struct fixture *f = *state;

	svg_bars(f->fp, "I tid", "Ansvarig", "I tid", bars, 2, 100, " %");
	assert_has(f, "viewBox=\"0 0 550 80\"");
	assert_has(f, "<rect x=\"0\" y=\"18\" width=\"288\"");
	assert_has(f, "<text x=\"294\" y=\"30\">80 % (12 av 15)</text>");
	assert_has(f, "<th scope=\"row\">Socialtjänsten</th>"
	    "<td class=\"n\">100 % (12 av 12)</td>");
}

/*
 * Days 100 to 120 over 560 px from x = 130: day 100 at 130, day 110 at
 * 410, day 120 at 690.  Lane 0 from y = 40, lane 1 from y = 74, a mark
 * 17 px down.  A band around a single mark is 16 px wide.
 */
static void
test_svg_timeline_places_marks_by_date_and_lane(void **state)
{
	static const char *const lanes[] = { "Före", "Under" };
	static const struct svg_mark marks[] = {
		{ "ip-a klar", 100, SVG_DONE, 0 },
		{ "up-b försenad", 120, SVG_OVERDUE, 1 },
		{ "up-c", DATE_NONE, SVG_OPEN, 1 },
	};
	static const struct svg_line lines[] = { { "i dag", 110 } };
	struct svg_timeline tl = { "Tidslinje", lanes, 2, marks, 3, lines,
	    1 };
	struct fixture *f = *state;

	svg_timeline(f->fp, &tl);
	assert_has(f, "<circle cx=\"130\" cy=\"57\" r=\"5\" fill=\"#1f4e79\"");
	assert_has(f, "<path d=\"M690 85L696 96L684 96Z\"");
	assert_has(f, "<line x1=\"410\" y1=\"14\" x2=\"410\" y2=\"108\"");
	assert_has(f, "<rect x=\"122\" y=\"45\" width=\"16\"");
	assert_has(f, "Steps with dates: 1 done (filled circle), 0 open "
	    "(empty circle), 1 overdue (triangle), 0 missed (cross); i dag "
	    "1970-04-21.");
}

/*
 * Labels stay inside the 730 px drawing: "i dag 1970-05-01" on the last
 * day (x = 690) is 16 characters, about 144 px, and centred would reach
 * 762, so it ends at its line; "placering 1970-04-11" on the first day
 * (x = 130, about 90 px either side) stays centred.
 */
static void
test_svg_timeline_keeps_labels_at_the_edges_inside(void **state)
{
	static const char *const lanes[] = { "Under" };
	static const struct svg_mark marks[] = {
		{ "up-a", 110, SVG_OPEN, 0 },
	};
	static const struct svg_line lines[] = {
		{ "placering", 100 }, { "i dag", 120 },
	};
	struct svg_timeline tl = { "Tidslinje", lanes, 1, marks, 1, lines,
	    2 };
	struct fixture *f = *state;

	svg_timeline(f->fp, &tl);
	assert_has(f, "viewBox=\"0 0 730 ");
	assert_has(f, "<text x=\"690\" y=\"22\" text-anchor=\"end\">"
	    "i dag 1970-05-01</text>");
	assert_has(f, "<text x=\"130\" y=\"10\" text-anchor=\"middle\">"
	    "placering 1970-04-11</text>");
}

/*
 * A limit past the last bin is drawn at the plot's right end (11 bins of
 * 36 px from x = 40: 436), and its label ends before the line instead of
 * running out of the 460 px drawing.
 */
static void
test_svg_histogram_keeps_a_far_limit_label_inside(void **state)
{
	/* one value of 0 days, one of 10 */
	static const size_t days[] = { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
	struct fixture *f = *state;

	svg_histogram(f->fp, "Dagar", days, 11, NULL, 0, 1, 40);
	assert_has(f, "<line x1=\"436\" y1=\"16\" x2=\"436\"");
	assert_has(f, "<text x=\"432\" y=\"28\" text-anchor=\"end\">"
	    "limit 40 days</text>");
}

static void
test_svg_timeline_without_dates_says_so(void **state)
{
	static const char *const lanes[] = { "Före" };
	static const struct svg_mark marks[] = {
		{ "ip-a", DATE_NONE, SVG_OPEN, 0 },
	};
	struct svg_timeline tl = { "Tidslinje", lanes, 1, marks, 1, NULL, 0 };
	struct fixture *f = *state;

	svg_timeline(f->fp, &tl);
	assert_has(f, "No dates");
	assert_lacks(f, "<circle");
}

/* 3 of 4 closed: 120 of 160 px, then the open part to the end. */
static void
test_svg_segments_share_the_width(void **state)
{
	static const struct svg_segment seg[] = {
		{ 3, "done" }, { 1, "open" },
	};
	struct fixture *f = *state;

	svg_segments(f->fp, "3 av 4 klara", seg, 2);
	assert_has(f, "<rect x=\"1\" y=\"1\" width=\"120\" height=\"14\" "
	    "fill=\"#1f4e79\"/>");
	assert_has(f, "<rect x=\"121\" y=\"1\" width=\"40\"");
	assert_has(f, "aria-label=\"3 av 4 klara\"");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_svg_bars_say_their_notes),
		T(test_svg_timeline_keeps_labels_at_the_edges_inside),
		T(test_svg_histogram_keeps_a_far_limit_label_inside),
		T(test_svg_histogram_places_bins_and_limit),
		T(test_svg_histogram_of_nothing_says_so),
		T(test_svg_histogram_of_one_value_fills_the_plot),
		T(test_svg_histogram_puts_huge_values_in_the_last_bin),
		T(test_svg_bars_scale_to_the_width),
		T(test_svg_escapes_labels_and_titles),
		T(test_svg_timeline_places_marks_by_date_and_lane),
		T(test_svg_timeline_without_dates_says_so),
		T(test_svg_segments_share_the_width),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
