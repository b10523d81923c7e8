/*
 * Charts drawn as inline SVG for the HTML page: horizontal bars, a
 * histogram with a limit marked, a segmented bar for progress and a
 * timeline of bands and marks.  Each chart carries its text alternative
 * (role="img", aria-label and <title>), and the charts in a <figure>
 * give the same figures as a small table beside them, so that nothing
 * is said by the drawing alone.  Coordinates are whole pixels printed
 * as integers: no locale can turn them into "12,5".  Labels are escaped
 * with html_put(); nothing is allocated that outlives a call.
 */
#ifndef SVG_H
#define SVG_H

#include <stddef.h>
#include <stdio.h>

/*
 * One bar: its label and its value (values below 0 draw as 0), and a
 * note said after the value, "12 av 15", or NULL.
 */
struct svg_bar {
	const char	*label;
	long		 value;
	const char	*note;
};

/*
 * A <figure> of horizontal bars, each under its label, scaled so that
 * scale (or the largest value, if larger) fills the width; suffix follows
 * each value ("%", or "").  The table beside it has the columns
 * label_head and value_head.
 */
void	svg_bars(FILE *fp, const char *title, const char *label_head,
	    const char *value_head, const struct svg_bar *bars, size_t n,
	    long scale, const char *suffix);

/* The most bins a histogram draws: the last one holds every larger value. */
#define SVG_MAX_BINS	20

/*
 * A <figure> with the histogram of days, days[d] values of d days for d
 * below len and the nfar values of far (0 or more days, in any order),
 * in bins of bin days from 0, the limit marked as a dashed line after
 * its day, and a table of the bins with the count over the limit.
 */
void	svg_histogram(FILE *fp, const char *title, const size_t *days,
	    size_t len, const long *far, size_t nfar, long bin, long limit);

/* A part of a segmented bar; cls is one of svg.c's fills ("done", "open"). */
struct svg_segment {
	size_t		 n;
	const char	*cls;
};

/*
 * A small bar in parts proportional to their counts, for a table cell
 * whose text gives the figures; title is its text alternative.
 */
void	svg_segments(FILE *fp, const char *title,
	    const struct svg_segment *seg, size_t n);

enum svg_mark_kind {
	SVG_DONE,	/* a filled circle */
	SVG_OPEN,	/* a hollow circle */
	SVG_OVERDUE,	/* a triangle, dark red */
	SVG_MISSED	/* a cross, dark red */
};

/* A step at its date, in a lane (a phase). */
struct svg_mark {
	const char		*label;
	long			 date;
	enum svg_mark_kind	 kind;
	size_t			 lane;
};

/* A day marked across every lane: the placement date, the end, today. */
struct svg_line {
	const char	*label;
	long		 date;
};

struct svg_timeline {
	const char		 *title;
	const char *const	 *lanes;
	size_t			  nlanes;
	const struct svg_mark	 *marks;
	size_t			  nmarks;
	const struct svg_line	 *lines;
	size_t			  nlines;
};

/*
 * The lanes one under the other along a date axis, each a band from its
 * first to its last mark, the marks by kind (shape and colour) and the
 * lines; dates DATE_NONE are left out.  A legend with the counts of each
 * kind is its text beside it.
 */
void	svg_timeline(FILE *fp, const struct svg_timeline *tl);

#endif
