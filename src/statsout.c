/*
 * sams stats written out: text for people, JSON, CSV and an Excel
 * workbook, or --list.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "json.h"
#include "layout.h"
#include "report.h"
#include "sams.h"
#include "stats.h"
#include "strbuf.h"
#include "text.h"
#include "xlsx.h"

/* Whether --aggregate prints figure f: counts and rates, nobody named. */
static int
printed(const struct stats *s, const struct stats_figure *f)
{
	if (!s->aggregate)
		return 1;
	return (f->kind == FIG_COUNT || f->kind == FIG_RATE ||
	    f->kind == FIG_LIMIT) && f->tab != TAB_PERSONS;
}

/*
 * A row of a table is shown when its figure's own count is not 0;
 * aggregated, always (every group of a fixed category is there).
 */
static int
row_shown(const struct stats *s, const struct stats_figure *f,
    const struct stats_row *r)
{
	return s->aggregate || f->shown == 0 ||
	    ((const struct stats_cell *)(const void *)((const char *)r +
	    f->shown))->value > 0;
}

/* Whether CSV (and the workbook) print figure f at all. */
static int
csv_prints(const struct stats *s, const struct stats_figure *f)
{
	return printed(s, f) && !(f->tab == TAB_BY && s->by == STATS_BY_NONE);
}

/* A value as CSV and JSON write it; "" for none (null) or hidden. */
static void
format_value(char *buf, size_t size, const struct stats *s,
    const struct stats_figure *f, const struct stats_row *r)
{
	double v = stats_value(s, f, r);

	if (v < 0 || stats_hidden(s, f, r))
		buf[0] = '\0';
	else if (f->kind == FIG_RATE)
		snprintf(buf, size, "%.2f", v);
	else if (v == (double)(long)v)
		snprintf(buf, size, "%ld", (long)v);
	else
		snprintf(buf, size, "%.1f", v);
}

/* CSV */

static void
csv_row(const struct stats *s, const char *name,
    const struct stats_figure *f, const struct stats_row *r, FILE *out)
{
	char value[32];

	format_value(value, sizeof(value), s, f, r);
	report_cell(out, name, ',');
	fputc(',', out);
	report_cell(out, r == &s->total ? "" : r->key, ',');
	fputc(',', out);
	report_cell(out, value, ',');
	fputc('\n', out);
}

static void
print_csv(const struct stats *s, FILE *out)
{
	const struct stats_figure *f;
	const struct stats_table *t;
	char name[96];
	size_t i;

	fputs("figure,group,value\n", out);
	for (f = stats_figures; f->name != NULL; f++) {
		if (!csv_prints(s, f))
			continue;
		stats_figure_name(s, f, name);
		if (f->tab == TAB_TOTAL) {
			csv_row(s, name, f, &s->total, out);
			continue;
		}
		t = &s->tabs[f->tab];
		for (i = 0; i < t->n; i++)
			if (row_shown(s, f, &t->rows[i]))
				csv_row(s, name, f, &t->rows[i], out);
	}
}

/* JSON */

/* A comma before a member, but the first of its object. */
static void
separate(struct strbuf *sb)
{
	if (sb->len > 0 && sb->buf[sb->len - 1] != '{')
		strbuf_addstr(sb, ", ");
}

/* "key": "value", after a comma unless it is the first. */
static void
member(struct strbuf *sb, const char *key, const char *value)
{
	separate(sb);
	json_string(sb, key);
	strbuf_addstr(sb, ": ");
	json_string(sb, value);
}

/*
 * The members of r under prefix ("on_time.by_role."): each figure named
 * prefix + member, or member alone for the figure named prefix exactly.
 */
static void
json_members(struct strbuf *sb, const struct stats *s,
    const struct stats_row *r, enum stats_tab tab, const char *prefix,
    const char *alone)
{
	const struct stats_figure *f;
	char name[96], value[32];
	const char *rest;
	size_t len = strlen(prefix);
	int hidden = 0;

	for (f = stats_figures; f->name != NULL; f++) {
		if (f->tab != tab || !printed(s, f) || f->kind == FIG_LIMIT)
			continue;
		stats_figure_name(s, f, name);
		if (strncmp(name, prefix, len) != 0)
			continue;
		rest = name[len] == '\0' ? alone : name + len;
		if (rest == NULL || strchr(rest, '.') != NULL)
			continue;
		format_value(value, sizeof(value), s, f, r);
		hidden |= stats_hidden(s, f, r);
		separate(sb);
		json_string(sb, rest);
		strbuf_addf(sb, ": %s", value[0] != '\0' ? value : "null");
	}
	if (hidden)
		strbuf_addstr(sb, ", \"suppressed\": true");
}

/*
 * An array of the rows of a table that figure shows, each {key: ...,
 * "title": ..., the figures under prefix}.
 */
static void
json_rows(struct strbuf *sb, const struct stats *s, enum stats_tab tab,
    const char *figure, const char *key, const char *prefix,
    const char *alone)
{
	const struct stats_figure *f;
	const struct stats_row *r;
	size_t i;
	int n = 0;

	for (f = stats_figures; strcmp(f->name, figure) != 0; f++)
		;
	strbuf_addch(sb, '[');
	for (i = 0; i < s->tabs[tab].n; i++) {
		r = &s->tabs[tab].rows[i];
		if (!row_shown(s, f, r))
			continue;
		strbuf_addstr(sb, n++ ? ",\n    {" : "\n    {");
		member(sb, key, r->key);
		if (r->title != NULL)
			member(sb, "title", r->title);
		json_members(sb, s, r, tab, prefix, alone);
		strbuf_addch(sb, '}');
	}
	strbuf_addstr(sb, n ? "\n  ]" : "]");
}

static void
json_by(struct strbuf *sb, const struct stats *s)
{
	const struct stats_row *r;
	char prefix[64];
	size_t i;

	if (s->by == STATS_BY_NONE) {
		strbuf_addstr(sb, "null");
		return;
	}
	strbuf_addstr(sb, "{");
	member(sb, "key", stats_by_name(s->by));
	strbuf_addstr(sb, ", \"groups\": [");
	for (i = 0; i < s->tabs[TAB_BY].n; i++) {
		r = &s->tabs[TAB_BY].rows[i];
		strbuf_addstr(sb, i ? ",\n    {" : "\n    {");
		member(sb, "group", r->key);
		if (r->title != NULL)
			member(sb, "title", r->title);
		snprintf(prefix, sizeof(prefix), "by.%s.", stats_by_name(s->by));
		json_members(sb, s, r, TAB_BY, prefix, NULL);
		strbuf_addstr(sb, ", \"days_to_school\": {");
		snprintf(prefix, sizeof(prefix), "by.%s.days_to_school.",
		    stats_by_name(s->by));
		json_members(sb, s, r, TAB_BY, prefix, NULL);
		strbuf_addstr(sb, "}, \"on_time\": {");
		snprintf(prefix, sizeof(prefix), "by.%s.on_time.",
		    stats_by_name(s->by));
		json_members(sb, s, r, TAB_BY, prefix, NULL);
		strbuf_addstr(sb, "}}");
	}
	strbuf_addstr(sb, i ? "\n  ]}" : "]}");
}

static void
json_date_member(struct strbuf *sb, const char *key, long day)
{
	separate(sb);
	json_string(sb, key);
	strbuf_addstr(sb, ": ");
	json_date(sb, day);
}

static void
print_json(const struct stats *s, FILE *out)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "{\"format\": 1");
	json_date_member(&sb, "from", s->from);
	json_date_member(&sb, "to", s->to);
	json_date_member(&sb, "today", s->today);
	strbuf_addf(&sb, ", \"limit\": %ld, \"aggregate\": %s", s->limit,
	    s->aggregate ? "true" : "false");
	if (s->aggregate)
		strbuf_addf(&sb, ", \"min_cell\": %zu", s->min_cell);
	strbuf_addstr(&sb, ",\n\"days_to_school\": {");
	json_members(&sb, s, &s->total, TAB_TOTAL, "days_to_school.", NULL);
	strbuf_addstr(&sb, "},\n\"on_time\": {\"by_role\": ");
	json_rows(&sb, s, TAB_ROLES, "on_time.by_role.done", "role",
	    "on_time.by_role.", NULL);
	strbuf_addstr(&sb, ",\n  \"by_step\": ");
	json_rows(&sb, s, TAB_STEPS, "on_time.by_step.done", "step",
	    "on_time.by_step.", NULL);
	strbuf_addstr(&sb, "},\n\"overdue\": {\"by_role\": ");
	json_rows(&sb, s, TAB_ROLES, "overdue.by_role", "role",
	    "overdue.by_role", "overdue");
	if (!s->aggregate) {
		strbuf_addstr(&sb, ",\n  \"by_person\": ");
		json_rows(&sb, s, TAB_PERSONS, "overdue.by_person", "name",
		    "overdue.by_person", "overdue");
	}
	strbuf_addstr(&sb, "},\n\"missed\": ");
	json_rows(&sb, s, TAB_STEPS, "missed.by_step", "step",
	    "missed.by_step", "missed");
	strbuf_addstr(&sb, ",\n\"counts\": {");
	json_members(&sb, s, &s->total, TAB_TOTAL, "counts.", NULL);
	strbuf_addstr(&sb, ",\n  \"by_type\": ");
	json_rows(&sb, s, TAB_TYPES, "counts.by_type", "type",
	    "counts.by_type", "placements");
	strbuf_addstr(&sb, ",\n  \"by_form\": ");
	json_rows(&sb, s, TAB_FORMS, "counts.by_form", "form",
	    "counts.by_form", "placements");
	strbuf_addstr(&sb, ",\n  \"by_phase\": ");
	json_rows(&sb, s, TAB_PHASES, "counts.by_phase", "phase",
	    "counts.by_phase", "cases");
	strbuf_addstr(&sb, "},\n\"by\": ");
	json_by(&sb, s);
	strbuf_addstr(&sb, "}\n");
	fwrite(sb.buf, 1, sb.len, out);
	strbuf_release(&sb);
}

/* Text */

/* A count for people: "–¹" when --aggregate hides it. */
static const char *
count_text(const struct stats *s, const struct stats_cell *c,
    char buf[32])
{
	if (s->aggregate && c->hidden)
		return "–¹";
	snprintf(buf, 32, "%zu", c->value);
	return buf;
}

static void
text_count(const struct stats *s, const struct stats_cell *c, FILE *out)
{
	char buf[32];

	fputs(count_text(s, c, buf), out);
}

/* A whole number, or one decimal: "5.5" ("5,5" in Swedish). */
static void
text_number(double v, FILE *out)
{
	char buf[32];

	stats_number(v, buf);
	fputs(buf, out);
}

/*
 * "2 of 6 over the limit", then after newline "1 not yet at school, 0
 * ended before school started": the placements past the limit of those
 * counted, and the two kinds without a first school day.
 */
static void
text_waits(const struct stats *s, const struct stats_row *r,
    const char *newline, FILE *out)
{
	char a[32], b[32];

	fprintf(out, _("%s of %s over the limit"), count_text(s, &r->over, a),
	    count_text(s, &r->n, b));
	fputs(newline, out);
	fprintf(out, _("%s not yet at school, %s ended before school started"),
	    count_text(s, &r->open, a), count_text(s, &r->ended, b));
}

static void
text_days(const struct stats *s, FILE *out)
{
	const struct stats_row *t = &s->total;

	fputc('\n', out);
	fprintf(out, P_("Days to school start (limit %ld day)",
	    "Days to school start (limit %ld days)", s->limit), s->limit);
	fputc('\n', out);
	if (t->days.n == 0 && !s->aggregate) {
		fprintf(out, "  %s\n",
		    _("no placements with a change of school"));
		return;
	}
	if (!s->aggregate) {
		fputs("  median ", out);
		text_number(t->days.median, out);
		fprintf(out, ", p90 %ld, max %ld\n", t->days.p90, t->days.max);
	}
	fputs("  ", out);
	text_waits(s, t, "\n  ", out);
	fputc('\n', out);
}

/* "  Titel         80 %  12 av 15" */
static void
text_on_time(const struct stats *s, FILE *out)
{
	const struct stats_figure *rate = NULL, *f;
	const struct stats_row *r;
	char a[32], b[32];
	size_t i;
	int n = 0;

	for (f = stats_figures; rate == NULL; f++)
		if (strcmp(f->name, "on_time.by_role.rate") == 0)
			rate = f;
	fprintf(out, "\n%s\n", _("On time by owner"));
	for (i = 0; i < s->tabs[TAB_ROLES].n; i++) {
		r = &s->tabs[TAB_ROLES].rows[i];
		if (r->done.value == 0 && !s->aggregate)
			continue;
		n++;
		fputs("  ", out);
		layout_pad(out, r->title, 36);
		/* the rate first, right-aligned, so the percents line up */
		if (stats_hidden(s, rate, r))
			fputs("    –¹", out);
		else if (stats_value(s, rate, r) < 0)
			fputs("     –", out);	/* none done */
		else
			fprintf(out, " %3ld %%", stats_percent(stats_value(s,
			    rate, r)));
		fputs("  ", out);
		/* TRANSLATORS: steps done on time of those done */
		fprintf(out, _("%s of %s"), count_text(s, &r->on_time, a),
		    count_text(s, &r->done, b));
		if (!s->aggregate && r->late_days.n > 0) {
			stats_number(r->late_days.median, a);
			fputc(' ', out);
			/* TRANSLATORS: the days late of the steps done late */
			fprintf(out, P_("(late: median %s day)",
			    "(late: median %s days)",
			    r->late_days.median == 1 ? 1 : 2), a);
		}
		fputc('\n', out);
	}
	if (n == 0)
		fprintf(out, "  %s\n", _("no steps with a time limit done"));
}

/* The columns a count takes in text: its digits, or 2 for "–¹". */
static int
count_width(const struct stats *s, const struct stats_cell *c)
{
	char buf[32];

	if (s->aggregate && c->hidden)
		return 2;
	return snprintf(buf, sizeof(buf), "%zu", c->value);
}

/* The tables text_counts() prints, and the cell each prints. */
static const struct {
	enum stats_tab	tab;
	size_t		off;
} counted[] = {
	{ TAB_ROLES, offsetof(struct stats_row, overdue) },
	{ TAB_PERSONS, offsetof(struct stats_row, overdue) },
	{ TAB_STEPS, offsetof(struct stats_row, missed) },
	{ TAB_TYPES, offsetof(struct stats_row, placements) },
	{ TAB_FORMS, offsetof(struct stats_row, placements) },
	{ TAB_PHASES, offsetof(struct stats_row, cases) },
};

/*
 * The width of the column of counts under "Overdue steps now", "Missed
 * steps" and "Counts": the widest count of all, so they line up as one.
 */
static int
counts_width(const struct stats *s)
{
	const struct stats_table *t;
	size_t i, k;
	int w, width = 1;

	for (k = 0; k < sizeof(counted) / sizeof(counted[0]); k++) {
		t = &s->tabs[counted[k].tab];
		for (i = 0; i < t->n; i++) {
			w = count_width(s, (const struct stats_cell *)
			    (const void *)((const char *)&t->rows[i] +
			    counted[k].off));
			if (w > width)
				width = w;
		}
	}
	return width;
}

/*
 * "  label", then one group a line: name (escaped) and its count
 * right-aligned to width columns; "–" when there is none.
 */
static void
text_counts(const struct stats *s, const char *label, enum stats_tab tab,
    size_t off, int titles, int width, FILE *out)
{
	const struct stats_row *r;
	const struct stats_cell *c;
	size_t i;
	int n = 0;

	fprintf(out, "  %s", label);
	for (i = 0; i < s->tabs[tab].n; i++) {
		r = &s->tabs[tab].rows[i];
		c = (const struct stats_cell *)(const void *)
		    ((const char *)r + off);
		if (c->value == 0 && !s->aggregate)
			continue;
		fputs(n++ ? "\n    " : "\n    ", out);
		if (r->key[0] == '\0')
			layout_pad(out, tab == TAB_PERSONS ?
			    _("(nobody named)") : _("(unknown)"), 36);
		else
			layout_pad(out, titles && r->title != NULL ?
			    r->title : r->key, 36);
		fprintf(out, "%*s", 1 + width - count_width(s, c), "");
		text_count(s, c, out);
	}
	fputs(n == 0 ? " –\n" : "\n", out);
}

/* What --by groups by, in the workbook: "placeringsform". */
static const char *
by_words(enum stats_by by)
{
	switch (by) {
	case STATS_BY_NONE: return "ingen";
	case STATS_BY_TYPE: return "placeringsform";
	case STATS_BY_FORM: return "skolform";
	case STATS_BY_PHASE: return "fas i dag";
	case STATS_BY_MONTH: return "månad";
	}
	return "";
}

/* The heading of --by's groups in text. */
static const char *
by_heading(enum stats_by by)
{
	switch (by) {
	case STATS_BY_NONE: break;
	case STATS_BY_TYPE: return _("By placement type");
	case STATS_BY_FORM: return _("By school form");
	case STATS_BY_PHASE: return _("By phase today");
	case STATS_BY_MONTH: return _("By month");
	}
	return "";
}

/*
 * A group of --by as people read it: the months before and after the
 * period have keys of their own, and titles for the workbook.
 */
static const char *
by_group(const struct stats *s, const struct stats_row *r)
{
	if (r->key[0] == '\0')
		return _("(unknown)");
	if (s->by == STATS_BY_MONTH && strcmp(r->key, "earlier") == 0)
		return _("before the period");
	if (s->by == STATS_BY_MONTH && strcmp(r->key, "later") == 0)
		return _("after the period");
	return r->title != NULL ? r->title : r->key;
}

/*
 * --by: per group its name, then placements and days to school, then
 * steps on time and overdue, so that a line stays within 80 columns.
 */
static void
text_by(const struct stats *s, FILE *out)
{
	const struct stats_row *r;
	char a[32], b[32];
	size_t i;

	if (s->by == STATS_BY_NONE)
		return;
	fprintf(out, "\n%s\n", by_heading(s->by));
	for (i = 0; i < s->tabs[TAB_BY].n; i++) {
		r = &s->tabs[TAB_BY].rows[i];
		fputs("  ", out);
		text_put(out, by_group(s, r));
		fputs("\n    ", out);
		fprintf(out, _("placements %s"), count_text(s, &r->placements,
		    a));
		if (!s->aggregate && r->days.n > 0) {
			stats_number(r->days.median, a);
			fputs(", ", out);
			fprintf(out, _("school start median %s"), a);
		}
		fputs(", ", out);
		text_waits(s, r, "\n    ", out);
		fputs("\n    ", out);
		fprintf(out, _("%s of %s on time"), count_text(s, &r->on_time,
		    a), count_text(s, &r->done, b));
		fputs(", ", out);
		fprintf(out, _("%s overdue now"), count_text(s, &r->overdue,
		    a));
		fputc('\n', out);
	}
}

static int
any_hidden(const struct stats *s)
{
	const struct stats_figure *f;
	const struct stats_table *t;
	size_t i;

	for (f = stats_figures; f->name != NULL; f++) {
		if (f->tab == TAB_TOTAL && stats_hidden(s, f, &s->total))
			return 1;
		if (f->tab == TAB_TOTAL)
			continue;
		t = &s->tabs[f->tab];
		for (i = 0; i < t->n; i++)
			if (stats_hidden(s, f, &t->rows[i]))
				return 1;
	}
	return 0;
}

/*
 * "Period:      2026-01-01 – 2026-11-23 (today 2026-11-23)" and the
 * placements under it, their figures in one column after the longer
 * label.
 */
static void
text_head(const struct stats *s, FILE *out)
{
	const char *period = _("Period:"), *placed = _("Placements:");
	size_t w = text_width(period) > text_width(placed) ?
	    text_width(period) : text_width(placed);
	char from[11], to[11], today[11], a[32], b[32], c[32], d[32];

	date_format(s->from, from);
	date_format(s->to, to);
	date_format(s->today, today);
	layout_pad(out, period, w + 3);
	fprintf(out, _("%s – %s (today %s)"), from, to, today);
	fputc('\n', out);
	layout_pad(out, placed, w + 3);
	/* TRANSLATORS: placements in cases; acute ones; moves to another */
	fprintf(out, P_("%s in %s case, of which %s acute, %s placement "
	    "changes", "%s in %s cases, of which %s acute, %s placement "
	    "changes", s->total.cases.value),
	    count_text(s, &s->total.placements, a),
	    count_text(s, &s->total.cases, b),
	    count_text(s, &s->total.acute, c),
	    count_text(s, &s->total.replaced, d));
	fputc('\n', out);
}

static void
print_text(const struct stats *s, FILE *out)
{
	int width = counts_width(s);

	text_head(s, out);
	text_days(s, out);
	text_on_time(s, out);
	fprintf(out, "\n%s\n", _("Overdue steps now"));
	text_counts(s, _("by owner"), TAB_ROLES, offsetof(struct stats_row,
	    overdue), 1, width, out);
	if (!s->aggregate)
		text_counts(s, _("by person"), TAB_PERSONS,
		    offsetof(struct stats_row, overdue), 0, width, out);
	fprintf(out, "\n%s\n", _("Missed steps"));
	text_counts(s, _("by step"), TAB_STEPS, offsetof(struct stats_row,
	    missed), 0, width, out);
	fprintf(out, "\n%s\n", _("Counts"));
	text_counts(s, _("by placement type"), TAB_TYPES,
	    offsetof(struct stats_row, placements), 0, width, out);
	text_counts(s, _("by school form"), TAB_FORMS,
	    offsetof(struct stats_row, placements), 0, width, out);
	text_counts(s, _("by phase today"), TAB_PHASES,
	    offsetof(struct stats_row, cases), 1, width, out);
	text_by(s, out);
	if (s->aggregate && any_hidden(s)) {
		fputc('\n', out);
		fprintf(out, P_("¹ fewer than %zu case, or hidden so that it "
		    "cannot reveal such a count", "¹ fewer than %zu cases, or "
		    "hidden so that it cannot reveal such a count",
		    s->min_cell), s->min_cell);
		fputc('\n', out);
	}
}

/* Workbook */

/*
 * A sheet per table, its name; a figure's rows go to its table's sheet.
 * The workbook is a document for Swedish Excel: Swedish in every locale.
 */
static const char *const sheet_names[TAB_COUNT] = {
	[TAB_TOTAL] = "Översikt", [TAB_ROLES] = "Per roll",
	[TAB_STEPS] = "Per steg", [TAB_PERSONS] = "Per person",
	[TAB_TYPES] = "Per placeringsform", [TAB_FORMS] = "Per skolform",
	[TAB_PHASES] = "Per fas", [TAB_BY] = "Per grupp",
};

static const char *const sheet_headers[] = {
	"Tal", "Grupp", "Namn", "Värde", "Nyckel", NULL
};

/*
 * What a figure is called for people, by the end of its name: the first
 * that fits, so the longer ends come before the shorter.
 */
static const struct {
	const char	*end, *label;
} figure_labels[] = {
	{ "days_to_school.n", "Dagar till skolstart: placeringar" },
	{ ".started", "Dagar till skolstart: med skolstart" },
	{ ".open", "Dagar till skolstart: ännu utan skolstart" },
	{ ".ended_without", "Dagar till skolstart: avslutade utan skolstart" },
	{ ".over_limit", "Dagar till skolstart: över gränsen" },
	{ ".limit", "Dagar till skolstart: gräns (dagar)" },
	{ ".median_days_late", "Sena steg: median dagar sena" },
	{ ".median", "Dagar till skolstart: median" },
	{ ".p90", "Dagar till skolstart: p90" },
	{ ".max", "Dagar till skolstart: max" },
	{ ".done", "Gjorda steg med tidsgräns" },
	{ ".on_time", "Gjorda i tid" },
	{ ".late", "Gjorda för sent" },
	{ ".rate", "Andel i tid" },
	{ "overdue.by_role", "Försenade steg nu" },
	{ "overdue.by_person", "Försenade steg nu" },
	{ ".overdue", "Försenade steg nu" },
	{ "missed.by_step", "Missade steg" },
	{ "counts.cases", "Ärenden" },
	{ "counts.by_phase", "Ärenden" },
	{ ".acute", "Akuta placeringar" },
	{ ".omplaceringar", "Omplaceringar" },
	{ "placements", "Placeringar" },
	{ "by_type", "Placeringar" },
	{ "by_form", "Placeringar" },
};

static const char *
figure_label(const struct stats_figure *f)
{
	size_t i, n = strlen(f->name), k;

	for (i = 0; i < sizeof(figure_labels) / sizeof(figure_labels[0]);
	    i++) {
		k = strlen(figure_labels[i].end);
		if (k <= n && strcmp(f->name + n - k, figure_labels[i].end) ==
		    0)
			return figure_labels[i].label;
	}
	return f->name;
}

/*
 * One figure of one group, as its CSV row: the same value, a number;
 * "dold" where --aggregate hides it (CSV: empty), empty for none.
 */
static void
xlsx_figure(struct xlsx *x, const struct stats *s,
    const struct stats_figure *f, const struct stats_row *r)
{
	char name[96];
	double v = stats_value(s, f, r);

	stats_figure_name(s, f, name);
	xlsx_row(x, 0);
	xlsx_text(x, figure_label(f));
	xlsx_text(x, r == &s->total ? "" : r->key);
	if (r == &s->total)
		xlsx_text(x, "");
	else if (r->title != NULL)
		xlsx_text(x, r->title);
	else if (r->key[0] == '\0')	/* as the text says it */
		xlsx_text(x, f->tab == TAB_PERSONS ? "(ingen namngiven)" :
		    "(okänd)");
	else
		xlsx_text(x, "");
	if (stats_hidden(s, f, r))
		xlsx_text(x, "dold");
	else if (v < 0)
		xlsx_blank(x);
	else if (f->kind == FIG_RATE)
		xlsx_percent(x, v);
	else
		xlsx_number(x, v);
	xlsx_text(x, name);
}

/*
 * The sheets of the tables that have a printed figure, in the text's
 * order; sheet[tab] their place in the workbook.
 */
static void
xlsx_sheets(struct xlsx *x, const struct stats *s, size_t sheet[TAB_COUNT])
{
	const struct stats_figure *f;
	size_t n = 0;
	int tab;

	for (tab = 0; tab < TAB_COUNT; tab++) {
		for (f = stats_figures; f->name != NULL; f++)
			if (f->tab == (enum stats_tab)tab && csv_prints(s, f))
				break;
		if (f->name == NULL)
			continue;
		xlsx_sheet(x, sheet_names[tab], sheet_headers);
		sheet[tab] = n++;
	}
}

/*
 * The last sheet, "Urval": the period and the rules the figures follow,
 * for whoever gets the workbook passed on; no paths, which could name.
 */
static void
xlsx_about(struct xlsx *x, const struct stats *s)
{
	static const char *const titles[] = { "Uppgift", "Värde", NULL };
	char buf[64];

	xlsx_sheet(x, "Urval", titles);
	xlsx_row(x, 0);
	xlsx_text(x, "Period från");
	xlsx_date(x, s->from);
	xlsx_row(x, 0);
	xlsx_text(x, "Period till");
	xlsx_date(x, s->to);
	xlsx_row(x, 0);
	xlsx_text(x, "Datum");
	xlsx_date(x, s->today);
	xlsx_row(x, 0);
	xlsx_text(x, "Gräns för skolstart (dagar)");
	xlsx_number(x, (double)s->limit);
	xlsx_row(x, 0);
	xlsx_text(x, "Uppdelning");
	xlsx_text(x, by_words(s->by));
	xlsx_row(x, 0);
	xlsx_text(x, "Sammanställning");
	if (s->aggregate)
		snprintf(buf, sizeof(buf), "bara antal; under %zu dolda",
		    s->min_cell);
	else
		snprintf(buf, sizeof(buf), "med namn");
	xlsx_text(x, buf);
	xlsx_row(x, 0);
	xlsx_text(x, "Skapad av");
	xlsx_text(x, "sams " SAMS_VERSION);
}

/* The rows of the CSV, each on its table's sheet; Urval last. */
static int
print_xlsx(const struct stats *s, FILE *out)
{
	const struct stats_figure *f;
	const struct stats_table *t;
	size_t sheet[TAB_COUNT], i;
	struct xlsx *x;

	if ((x = xlsx_open("SAMS – uppföljning", s->today)) == NULL)
		return -1;
	xlsx_sheets(x, s, sheet);
	for (f = stats_figures; f->name != NULL; f++) {
		if (!csv_prints(s, f))
			continue;
		xlsx_sheet_select(x, sheet[f->tab]);
		if (f->tab == TAB_TOTAL) {
			xlsx_figure(x, s, f, &s->total);
			continue;
		}
		t = &s->tabs[f->tab];
		for (i = 0; i < t->n; i++)
			if (row_shown(s, f, &t->rows[i]))
				xlsx_figure(x, s, f, &t->rows[i]);
	}
	xlsx_about(x, s);
	return xlsx_close(x, out);
}

int
stats_print(const struct stats *s, enum stats_format fmt, FILE *out)
{
	size_t i;

	if (s->list != NULL) {
		for (i = 0; i < s->nfiles; i++) {
			text_put(out, s->files[i]);
			fputc('\n', out);
		}
		return 0;
	}
	switch (fmt) {
	case STATS_TEXT: print_text(s, out); break;
	case STATS_JSON: print_json(s, out); break;
	case STATS_CSV: print_csv(s, out); break;
	case STATS_XLSX: return print_xlsx(s, out);
	}
	return 0;
}
