/*
 * sams stats written out: text for people, JSON, CSV and an Excel
 * workbook, or --list.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
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

/* A count for people: "–" when --aggregate hides it. */
static void
text_count(const struct stats *s, const struct stats_cell *c, FILE *out)
{
	if (s->aggregate && c->hidden)
		fputs("–¹", out);
	else
		fprintf(out, "%zu", c->value);
}

/* A whole number, or one decimal after a Swedish decimal comma: "5,5". */
static void
text_number(double v, FILE *out)
{
	char buf[32];

	stats_number(v, buf);
	fputs(buf, out);
}

/*
 * "över gränsen 2 av 6", then after newline "ännu utan skolstart 1,
 * avslutade utan skolstart 0": the placements past the limit of those
 * counted, and the two kinds without a first school day.
 */
static void
text_waits(const struct stats *s, const struct stats_row *r,
    const char *newline, FILE *out)
{
	fputs("över gränsen ", out);
	text_count(s, &r->over, out);
	fputs(" av ", out);
	text_count(s, &r->n, out);
	fputs(newline, out);
	fputs("ännu utan skolstart ", out);
	text_count(s, &r->open, out);
	fputs(", avslutade utan skolstart ", out);
	text_count(s, &r->ended, out);
}

static void
text_days(const struct stats *s, FILE *out)
{
	const struct stats_row *t = &s->total;

	fprintf(out, "\nDagar till skolstart (gräns %ld dagar)\n", s->limit);
	if (t->days.n == 0 && !s->aggregate) {
		fputs("  inga placeringar med skolbyte\n", out);
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
	size_t i;
	int n = 0;

	for (f = stats_figures; rate == NULL; f++)
		if (strcmp(f->name, "on_time.by_role.rate") == 0)
			rate = f;
	fputs("\nI tid per ansvarig\n", out);
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
		text_count(s, &r->on_time, out);
		fputs(" av ", out);
		text_count(s, &r->done, out);
		if (!s->aggregate && r->late_days.n > 0) {
			fputs(" (sena: median ", out);
			text_number(r->late_days.median, out);
			fputs(r->late_days.median == 1 ? " dag)" : " dagar)",
			    out);
		}
		fputc('\n', out);
	}
	if (n == 0)
		fputs("  inga gjorda steg med tidsgräns\n", out);
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
 * The width of the column of counts under "Försenade steg nu", "Missade
 * steg" and "Antal": the widest count of all, so they line up as one.
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
			    "(ingen namngiven)" : "(okänd)", 36);
		else
			layout_pad(out, titles && r->title != NULL ?
			    r->title : r->key, 36);
		fprintf(out, "%*s", 1 + width - count_width(s, c), "");
		text_count(s, c, out);
	}
	fputs(n == 0 ? " –\n" : "\n", out);
}

/*
 * --by: per group its name, then placements and days to school, then
 * steps on time and overdue, so that a line stays within 80 columns.
 */
/* What --by groups by, for people: "placeringsform". */
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

static void
text_by(const struct stats *s, FILE *out)
{
	const struct stats_row *r;
	size_t i;

	if (s->by == STATS_BY_NONE)
		return;
	fprintf(out, "\nPer %s\n", by_words(s->by));
	for (i = 0; i < s->tabs[TAB_BY].n; i++) {
		r = &s->tabs[TAB_BY].rows[i];
		fputs("  ", out);
		text_put(out, r->key[0] == '\0' ? "(okänd)" : r->title != NULL ?
		    r->title : r->key);
		fputs("\n    placeringar ", out);
		text_count(s, &r->placements, out);
		if (!s->aggregate && r->days.n > 0) {
			fputs(", skolstart median ", out);
			text_number(r->days.median, out);
		}
		fputs(", ", out);
		text_waits(s, r, "\n    ", out);
		fputs("\n    i tid ", out);
		text_count(s, &r->on_time, out);
		fputs(" av ", out);
		text_count(s, &r->done, out);
		fputs(", försenade nu ", out);
		text_count(s, &r->overdue, out);
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

static void
print_text(const struct stats *s, FILE *out)
{
	char from[11], to[11], today[11];
	int width = counts_width(s);

	date_format(s->from, from);
	date_format(s->to, to);
	date_format(s->today, today);
	fprintf(out, "Period:        %s – %s (i dag %s)\n", from, to, today);
	fputs("Placeringar:   ", out);
	text_count(s, &s->total.placements, out);
	fputs(" i ", out);
	text_count(s, &s->total.cases, out);
	fputs(" ärenden, varav akuta ", out);
	text_count(s, &s->total.acute, out);
	fputs(", omplaceringar ", out);
	text_count(s, &s->total.replaced, out);
	fputc('\n', out);
	text_days(s, out);
	text_on_time(s, out);
	fputs("\nFörsenade steg nu\n", out);
	text_counts(s, "per ansvarig", TAB_ROLES, offsetof(struct stats_row,
	    overdue), 1, width, out);
	if (!s->aggregate)
		text_counts(s, "per person", TAB_PERSONS,
		    offsetof(struct stats_row, overdue), 0, width, out);
	fputs("\nMissade steg\n", out);
	text_counts(s, "per steg", TAB_STEPS, offsetof(struct stats_row,
	    missed), 0, width, out);
	fputs("\nAntal\n", out);
	text_counts(s, "per placeringsform", TAB_TYPES,
	    offsetof(struct stats_row, placements), 0, width, out);
	text_counts(s, "per skolform", TAB_FORMS,
	    offsetof(struct stats_row, placements), 0, width, out);
	text_counts(s, "per fas i dag", TAB_PHASES,
	    offsetof(struct stats_row, cases), 1, width, out);
	text_by(s, out);
	if (s->aggregate && any_hidden(s))
		fprintf(out, "\n¹ färre än %zu ärenden, eller dold för att "
		    "inte röja en sådan\n", s->min_cell);
}

/* Workbook */

/* A sheet per table, its name; a figure's rows go to its table's sheet. */
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
