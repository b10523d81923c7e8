/* Charts as inline SVG, each with its text alternative and its figures. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "html.h"
#include "i18n.h"
#include "svg.h"
#include "text.h"
#include "xalloc.h"

/* Bars: a label line above each bar. */
#define BAR_WIDTH	360	/* the longest bar */
#define BAR_ROW		36
#define BAR_HEIGHT	14
#define BAR_NOTE	110	/* room for "100 % (150 of 150)" */

/* Histogram: the plot's box inside the drawing. */
#define HIST_X		40
#define HIST_Y		20
#define HIST_W		400
#define HIST_H		150

/* Timeline: lanes under a band of line labels. */
#define TL_X		130
#define TL_W		560
#define TL_TOP		40
#define TL_LANE		34

/*
 * A label's width is not known before a browser draws it: 9 px a
 * character is wide enough for the 12 px sans-serif of svg text.
 */
#define CHAR_W		9

/*
 * The text-anchor that keeps a label of chars characters at x inside a
 * drawing width wide: centred, or ending or starting at x near an edge.
 */
static const char *
anchor(long x, size_t chars, long width)
{
	long half = (long)chars * CHAR_W / 2;

	if (x + half > width)
		return "end";
	if (x - half < 0)
		return "start";
	return "middle";
}

/* n * num / den rounded to the nearest pixel, without overflow. */
static long
scaled(long n, long num, long den)
{
	if (den <= 0 || n <= 0)
		return 0;
	return (long)((double)n * (double)num / (double)den + 0.5);
}

static void
svg_open(FILE *fp, const char *title, long w, long h)
{
	fprintf(fp, "<svg viewBox=\"0 0 %ld %ld\" width=\"%ld\" height=\"%ld\" "
	    "role=\"img\" aria-label=\"", w, h, w, h);
	html_put(fp, title);
	fputs("\"><title>", fp);
	html_put(fp, title);
	fputs("</title>\n", fp);
}

static void
figure_open(FILE *fp)
{
	fputs("<figure>\n", fp);
}

/* The caption is a table with the chart's figures. */
static void
table_open(FILE *fp, const char *title, const char *head1,
    const char *head2)
{
	fputs("<figcaption><table>\n<caption>", fp);
	html_put(fp, title);
	fputs("</caption>\n<thead><tr><th scope=\"col\">", fp);
	html_put(fp, head1);
	fputs("</th><th scope=\"col\">", fp);
	html_put(fp, head2);
	fputs("</th></tr></thead>\n<tbody>\n", fp);
}

/* "12 %", and " (12 of 15)" with a note. */
static void
put_value(FILE *fp, long value, const char *suffix, const char *note)
{
	html_long(fp, value);
	html_put(fp, suffix);
	if (note != NULL) {
		fputs(" (", fp);
		html_put(fp, note);
		fputc(')', fp);
	}
}

static void
table_row(FILE *fp, const char *label, long value, const char *suffix,
    const char *note)
{
	fputs("<tr><th scope=\"row\">", fp);
	html_put(fp, label);
	fputs("</th><td class=\"n\">", fp);
	put_value(fp, value, suffix, note);
	fputs("</td></tr>\n", fp);
}

static void
table_close(FILE *fp)
{
	fputs("</tbody>\n</table></figcaption>\n</figure>\n", fp);
}

void
svg_bars(FILE *fp, const char *title, const char *label_head,
    const char *value_head, const struct svg_bar *bars, size_t n,
    long scale, const char *suffix)
{
	long y, w, v, room = 80;
	size_t i;

	for (i = 0; i < n; i++) {
		if (bars[i].value > scale)
			scale = bars[i].value;
		if (bars[i].note != NULL)
			room = 80 + BAR_NOTE;
	}
	figure_open(fp);
	svg_open(fp, title, BAR_WIDTH + room, (long)n * BAR_ROW + 8);
	for (i = 0; i < n; i++) {
		y = (long)i * BAR_ROW;
		v = bars[i].value > 0 ? bars[i].value : 0;
		w = scaled(v, BAR_WIDTH, scale);
		fprintf(fp, "<text x=\"0\" y=\"%ld\">", y + 13);
		html_put(fp, bars[i].label);
		fprintf(fp, "</text>\n<rect x=\"0\" y=\"%ld\" width=\"%ld\" "
		    "height=\"%d\" fill=\"#1f4e79\" stroke=\"#111\"/>\n",
		    y + 18, w, BAR_HEIGHT);
		fprintf(fp, "<text x=\"%ld\" y=\"%ld\">", w + 6, y + 30);
		put_value(fp, v, suffix, bars[i].note);
		fputs("</text>\n", fp);
	}
	fputs("</svg>\n", fp);
	table_open(fp, title, label_head, value_head);
	for (i = 0; i < n; i++)
		table_row(fp, bars[i].label, bars[i].value, suffix,
		    bars[i].note);
	table_close(fp);
}

/* Counts n values of d days in count[] (the bins); returns its bin. */
static size_t
bin_day(long d, size_t n, long bin, size_t *count)
{
	size_t b = d <= 0 ? 0 : (size_t)(d / bin);

	if (b >= SVG_MAX_BINS)
		b = SVG_MAX_BINS - 1;
	count[b] += n;
	return b;
}

/* "0–6", "7", or "≥ 133" for the last bin when it holds the rest. */
static void
bin_label(char *buf, size_t size, size_t i, long bin)
{
	long lo = (long)i * bin;

	if (i == SVG_MAX_BINS - 1)
		snprintf(buf, size, "≥ %ld", lo);
	else if (bin == 1)
		snprintf(buf, size, "%ld", lo);
	else
		snprintf(buf, size, "%ld–%ld", lo, lo + bin - 1);
}

static void
histogram_bars(FILE *fp, const size_t *count, size_t nbins, long bin)
{
	char label[48];
	size_t i, most = 0, every;
	long bw = HIST_W / (long)nbins, h;

	for (i = 0; i < nbins; i++)
		if (count[i] > most)
			most = count[i];
	every = (nbins + 7) / 8;	/* at most 8 labels under the axis */
	for (i = 0; i < nbins; i++) {
		h = scaled((long)count[i], HIST_H, (long)most);
		bin_label(label, sizeof(label), i, bin);
		fprintf(fp, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" "
		    "height=\"%ld\" fill=\"#1f4e79\" stroke=\"#111\">"
		    "<title>%s: %zu</title></rect>\n",
		    HIST_X + (long)i * bw, (long)HIST_Y + HIST_H - h, bw - 2,
		    h, label, count[i]);
		if (i % every == 0)
			fprintf(fp, "<text x=\"%ld\" y=\"%d\" "
			    "text-anchor=\"middle\">%s</text>\n",
			    HIST_X + (long)i * bw + bw / 2,
			    HIST_Y + HIST_H + 16, label);
	}
	/* TRANSLATORS: the axes of a histogram: how many, of how many days */
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#111\"/>\n<text x=\"%d\" y=\"%d\">%s</text>\n",
	    HIST_X, HIST_Y + HIST_H, HIST_X + HIST_W, HIST_Y + HIST_H,
	    HIST_X - 36, HIST_Y - 6, _("count"));
	fprintf(fp, "<text x=\"%d\" y=\"%d\">%zu</text>\n<text x=\"%d\" "
	    "y=\"%d\">%s</text>\n", HIST_X - 36, HIST_Y + 10, most,
	    HIST_X - 36, HIST_Y + HIST_H + 16, _("days"));
}

/* The limit after its day, clipped to the plot. */
static void
histogram_limit(FILE *fp, size_t nbins, long bin, long limit)
{
	long bw = HIST_W / (long)nbins;
	long x = HIST_X + scaled(limit + 1, bw, bin);
	char label[48];
	int end;

	if (x > HIST_X + bw * (long)nbins)
		x = HIST_X + bw * (long)nbins;
	snprintf(label, sizeof(label), P_("limit %ld day", "limit %ld days",
	    limit), limit);
	/* after the line, or before it when it would leave the drawing */
	end = x + 4 + (long)text_width(label) * CHAR_W > HIST_X + HIST_W + 20;
	fprintf(fp, "<line x1=\"%ld\" y1=\"%d\" x2=\"%ld\" y2=\"%d\" "
	    "stroke=\"#a4001d\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
	    "\n<text x=\"%ld\" y=\"%d\"%s>%s</text>\n", x, HIST_Y - 4, x,
	    HIST_Y + HIST_H, end ? x - 4 : x + 4, HIST_Y + 8,
	    end ? " text-anchor=\"end\"" : "", label);
}

void
svg_histogram(FILE *fp, const char *title, const size_t *days, size_t len,
    const long *far, size_t nfar, long bin, long limit)
{
	size_t count[SVG_MAX_BINS] = { 0 }, nbins = 1, b, i, n = nfar;
	size_t over = 0;
	char label[48];

	if (bin < 1)
		bin = 1;
	for (i = 0; i < len; i++)
		if (days[i] > 0) {
			b = bin_day((long)i, days[i], bin, count);
			nbins = b + 1 > nbins ? b + 1 : nbins;
			n += days[i];
			over += (long)i > limit ? days[i] : 0;
		}
	for (i = 0; i < nfar; i++) {
		b = bin_day(far[i], 1, bin, count);
		nbins = b + 1 > nbins ? b + 1 : nbins;
		over += far[i] > limit;
	}
	figure_open(fp);
	svg_open(fp, title, HIST_X + HIST_W + 20, HIST_Y + HIST_H + 28);
	if (n == 0)
		fprintf(fp, "<text x=\"%d\" y=\"%d\">%s</text>\n",
		    HIST_X, HIST_Y + HIST_H / 2, _("No values"));
	else
		histogram_bars(fp, count, nbins, bin);
	histogram_limit(fp, nbins, bin, limit);
	fputs("</svg>\n", fp);
	table_open(fp, title, _("Days"), _("Count"));
	for (i = 0; i < nbins && n > 0; i++) {
		bin_label(label, sizeof(label), i, bin);
		table_row(fp, label, (long)count[i], "", NULL);
	}
	snprintf(label, sizeof(label), P_("Over %ld day", "Over %ld days",
	    limit), limit);
	table_row(fp, label, (long)over, "", NULL);
	table_close(fp);
}

void
svg_segments(FILE *fp, const char *title, const struct svg_segment *seg,
    size_t n)
{
	static const struct { const char *cls, *fill; } fills[] = {
		{ "done", "#1f4e79" }, { "open", "#ffffff" },
		{ "late", "#a4001d" },
	};
	size_t i, k, total = 0, before = 0;
	const char *fill;
	long x0, x1;

	for (i = 0; i < n; i++)
		total += seg[i].n;
	svg_open(fp, title, 162, 16);
	for (i = 0; i < n; i++) {
		fill = "#767676";
		for (k = 0; k < sizeof(fills) / sizeof(fills[0]); k++)
			if (strcmp(fills[k].cls, seg[i].cls) == 0)
				fill = fills[k].fill;
		x0 = 1 + scaled((long)before, 160, (long)total);
		before += seg[i].n;
		x1 = 1 + scaled((long)before, 160, (long)total);
		if (x1 > x0)
			fprintf(fp, "<rect x=\"%ld\" y=\"1\" width=\"%ld\" "
			    "height=\"14\" fill=\"%s\"/>\n", x0, x1 - x0,
			    fill);
	}
	fputs("<rect x=\"1\" y=\"1\" width=\"160\" height=\"14\" "
	    "fill=\"none\" stroke=\"#111\"/>\n</svg>", fp);
}

/* The dates the timeline spans: every mark's and line's. */
static void
timeline_span(const struct svg_timeline *tl, long *lo, long *hi)
{
	size_t i;

	*lo = *hi = DATE_NONE;
	for (i = 0; i < tl->nmarks + tl->nlines; i++) {
		long d = i < tl->nmarks ? tl->marks[i].date :
		    tl->lines[i - tl->nmarks].date;

		if (d == DATE_NONE)
			continue;
		if (*lo == DATE_NONE || d < *lo)
			*lo = d;
		if (*hi == DATE_NONE || d > *hi)
			*hi = d;
	}
	if (*lo != DATE_NONE && *hi - *lo < 14) {	/* a readable width */
		*lo -= 7;
		*hi += 7;
	}
}

static long
date_x(long d, long lo, long hi)
{
	return TL_X + scaled(d - lo, TL_W, hi - lo);
}

static void
timeline_band(FILE *fp, const struct svg_timeline *tl, size_t lane,
    long lo, long hi)
{
	long first = DATE_NONE, last = DATE_NONE, y = TL_TOP +
	    (long)lane * TL_LANE;
	size_t i;

	fprintf(fp, "<text x=\"0\" y=\"%ld\">", y + 21);
	html_put(fp, tl->lanes[lane]);
	fputs("</text>\n", fp);
	for (i = 0; i < tl->nmarks; i++) {
		if (tl->marks[i].lane != lane || tl->marks[i].date == DATE_NONE)
			continue;
		if (first == DATE_NONE || tl->marks[i].date < first)
			first = tl->marks[i].date;
		if (last == DATE_NONE || tl->marks[i].date > last)
			last = tl->marks[i].date;
	}
	if (first != DATE_NONE)
		fprintf(fp, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" "
		    "height=\"24\" rx=\"4\" fill=\"#e8eef5\" stroke=\"#767676\"/>"
		    "\n", date_x(first, lo, hi) - 8, y + 5,
		    date_x(last, lo, hi) - date_x(first, lo, hi) + 16);
}

static void
timeline_mark(FILE *fp, const struct svg_mark *mk, long lo, long hi)
{
	long x = date_x(mk->date, lo, hi), y = TL_TOP +
	    (long)mk->lane * TL_LANE + 17;

	fputs("<g><title>", fp);
	html_put(fp, mk->label);
	fputs("</title>", fp);
	switch (mk->kind) {
	case SVG_DONE:
		fprintf(fp, "<circle cx=\"%ld\" cy=\"%ld\" r=\"5\" "
		    "fill=\"#1f4e79\" stroke=\"#111\"/>", x, y);
		break;
	case SVG_OPEN:
		fprintf(fp, "<circle cx=\"%ld\" cy=\"%ld\" r=\"5\" "
		    "fill=\"#fff\" stroke=\"#111\" stroke-width=\"2\"/>", x, y);
		break;
	case SVG_OVERDUE:
		fprintf(fp, "<path d=\"M%ld %ldL%ld %ldL%ld %ldZ\" "
		    "fill=\"#a4001d\" stroke=\"#111\"/>", x, y - 6, x + 6,
		    y + 5, x - 6, y + 5);
		break;
	case SVG_MISSED:
		fprintf(fp, "<path d=\"M%ld %ldL%ld %ldM%ld %ldL%ld %ld\" "
		    "stroke=\"#a4001d\" stroke-width=\"3\"/>", x - 5, y - 5,
		    x + 5, y + 5, x - 5, y + 5, x + 5, y - 5);
		break;
	}
	fputs("</g>\n", fp);
}

/* A line across the lanes with its label and date above them. */
static void
timeline_line(FILE *fp, const struct svg_line *ln, size_t i, long lo,
    long hi, long bottom)
{
	long x = date_x(ln->date, lo, hi);

	fprintf(fp, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" "
	    "stroke=\"#111\" stroke-dasharray=\"%s\"/>\n", x,
	    (long)(i % 3) * 12 + 14, x, bottom,
	    i == 0 ? "none" : "4 3");
	fprintf(fp, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"%s\">", x,
	    (long)(i % 3) * 12 + 10, anchor(x, text_width(ln->label) + 11,
	    TL_X + TL_W + 40));
	html_put(fp, ln->label);
	fputc(' ', fp);
	html_date(fp, ln->date);
	fputs("</text>\n", fp);
}

/* "3 done (filled circle)": how many marks of a kind, and their shape. */
static void
kind_count(FILE *fp, enum svg_mark_kind kind, size_t n)
{
	switch (kind) {
	case SVG_DONE:
		fprintf(fp, P_("%zu done (filled circle)",
		    "%zu done (filled circle)", n), n);
		break;
	case SVG_OPEN:
		fprintf(fp, P_("%zu open (empty circle)",
		    "%zu open (empty circle)", n), n);
		break;
	case SVG_OVERDUE:
		fprintf(fp, P_("%zu overdue (triangle)",
		    "%zu overdue (triangle)", n), n);
		break;
	case SVG_MISSED:
		fprintf(fp, P_("%zu missed (cross)", "%zu missed (cross)", n),
		    n);
		break;
	}
}

static void
timeline_legend(FILE *fp, const struct svg_timeline *tl)
{
	size_t count[4] = { 0 }, i;

	for (i = 0; i < tl->nmarks; i++)
		if (tl->marks[i].date != DATE_NONE)
			count[tl->marks[i].kind]++;
	fprintf(fp, "<figcaption>%s ", _("Steps with dates:"));
	for (i = 0; i < 4; i++) {
		fputs(i ? ", " : "", fp);
		kind_count(fp, (enum svg_mark_kind)i, count[i]);
	}
	for (i = 0; i < tl->nlines; i++) {
		fputs("; ", fp);
		html_put(fp, tl->lines[i].label);
		fputc(' ', fp);
		html_date(fp, tl->lines[i].date);
	}
	fputs(".</figcaption>\n</figure>\n", fp);
}

void
svg_timeline(FILE *fp, const struct svg_timeline *tl)
{
	long lo, hi, bottom = TL_TOP + (long)tl->nlanes * TL_LANE;
	size_t i;

	timeline_span(tl, &lo, &hi);
	figure_open(fp);
	svg_open(fp, tl->title, TL_X + TL_W + 40, bottom + 22);
	for (i = 0; i < tl->nlanes; i++)
		timeline_band(fp, tl, i, lo, hi);
	if (lo != DATE_NONE) {
		for (i = 0; i < tl->nlines; i++)
			if (tl->lines[i].date != DATE_NONE)
				timeline_line(fp, &tl->lines[i], i, lo, hi,
				    bottom);
		for (i = 0; i < tl->nmarks; i++)
			if (tl->marks[i].date != DATE_NONE)
				timeline_mark(fp, &tl->marks[i], lo, hi);
		fprintf(fp, "<text x=\"%d\" y=\"%ld\">", TL_X, bottom + 16);
		html_date(fp, lo);
		fprintf(fp, "</text>\n<text x=\"%d\" y=\"%ld\" "
		    "text-anchor=\"end\">", TL_X + TL_W, bottom + 16);
		html_date(fp, hi);
		fputs("</text>\n", fp);
	} else
		fprintf(fp, "<text x=\"%d\" y=\"%d\">%s</text>\n",
		    TL_X, TL_TOP + 20, _("No dates"));
	fputs("</svg>\n", fp);
	timeline_legend(fp, tl);
}
