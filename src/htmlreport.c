/* The report as one HTML page: spooled rows, phases, overdue per person. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "filter.h"
#include "hash.h"
#include "html.h"
#include "htmlreport.h"
#include "i18n.h"
#include "report.h"
#include "spill.h"
#include "stats.h"
#include "strbuf.h"
#include "svg.h"
#include "xalloc.h"

/*
 * Progress of the cases now in one phase (Complete: phase (size_t)-1): the
 * phase's own steps, but the overdue steps the report lists for those
 * cases from any phase, so that the column adds up to the header's
 * count; the headings say which.
 */
struct phase_row {
	const char	*title;		/* the model's */
	size_t		 model, phase;
	size_t		 cases, applicable, closed, overdue;
};

/*
 * An overdue step as it is spilled (spill.h), sorted by the key
 * "GROUP\0FILE\0" and the step's index in 4 bytes, most significant
 * first: people by name, then roles; files; the model's order.  Names
 * are interned; the case id and its NUL follow it in the data.
 */
struct late {
	const struct model	*m;	/* models outlive the report */
	uint32_t		 name, role; /* in h->names; NO_NAME if none */
	uint32_t		 step;	/* in m */
	int32_t			 due;	/* a day number: DATE_NONE is 32 bits */
};

/*
 * The page holds this many bytes of overdue steps in memory, the rest
 * in sorted runs in a temporary file: its memory does not grow with the
 * cases.
 */
#define LATE_BUDGET	((size_t)4 << 20)

/* Interned strings: ids for offsets into one buffer, found by hash. */
struct intern {
	struct strbuf	 buf;
	size_t		*offs;		/* by id */
	uint32_t	*slots;		/* id + 1, 0 when free */
	size_t		 nslots, n;
};

#define SPOOL_BUF	(64 * 1024)

struct html_report {
	FILE		*rows;		/* the case table, spooled */
	const char	*dir;		/* of rows, for messages */
	struct phase_row *phases;
	size_t		 nphases;
	struct spill	*late;		/* of struct late */
	size_t		 nlate;
	struct intern	 names;
	struct strbuf	 key, data;	/* a late step's, reused */
	char		 spool_buf[SPOOL_BUF];
};

#define NO_NAME	UINT32_MAX

static const char *
interned(const struct intern *in, uint32_t id)
{
	return in->buf.buf + in->offs[id];
}

static void
intern_grow(struct intern *in)
{
	uint32_t *old = in->slots;
	size_t nold = in->nslots, i, j;

	in->nslots = nold ? nold * 2 : 64;
	in->slots = xcalloc(in->nslots, sizeof(*in->slots));
	for (i = 0; i < nold; i++) {
		if (old[i] == 0)
			continue;
		j = hash_str(interned(in, old[i] - 1)) & (in->nslots - 1);
		while (in->slots[j] != 0)
			j = (j + 1) & (in->nslots - 1);
		in->slots[j] = old[i];
	}
	free(old);
	in->offs = xreallocarray(in->offs, in->nslots / 2,
	    sizeof(*in->offs));
}

/* The id of s among the interned strings, added if new. */
static uint32_t
intern(struct intern *in, const char *s)
{
	size_t j;

	if (2 * (in->n + 1) > in->nslots)
		intern_grow(in);
	j = hash_str(s) & (in->nslots - 1);
	while (in->slots[j] != 0) {
		if (strcmp(interned(in, in->slots[j] - 1), s) == 0)
			return in->slots[j] - 1;
		j = (j + 1) & (in->nslots - 1);
	}
	in->offs[in->n] = in->buf.len;
	strbuf_add(&in->buf, s, strlen(s) + 1);
	in->slots[j] = (uint32_t)++in->n;
	return (uint32_t)(in->n - 1);
}

static void
intern_free(struct intern *in)
{
	strbuf_release(&in->buf);
	free(in->offs);
	free(in->slots);
}

/*
 * The page's stream gets a buffer of its own before anything is written
 * to it, so that a page of many megabytes goes out in few writes.  It is
 * static because the stream may be stdout, flushed at exit.
 */
static char out_buf[64 * 1024];

struct html_report *
html_report_new(FILE *out)
{
	struct html_report *h = xcalloc(1, sizeof(*h));

	if ((h->rows = file_temp("sams-html", &h->dir)) == NULL) {
		/* TRANSLATORS: the folder is named before; TMPDIR chooses it */
		fail_sys(FAIL_IO, h->dir, errno, "cannot make a temporary file "
		    "for the page in this folder (TMPDIR)");
		free(h);
		return NULL;
	}
	setvbuf(h->rows, h->spool_buf, _IOFBF, sizeof(h->spool_buf));
	setvbuf(out, out_buf, _IOFBF, sizeof(out_buf));
	strbuf_init(&h->names.buf);
	strbuf_init(&h->key);
	strbuf_init(&h->data);
	h->late = spill_new(LATE_BUDGET);
	return h;
}

static struct phase_row *
phase_row(struct html_report *h, const struct case_state *st, size_t model)
{
	/* TRANSLATORS: the phase of the cases whose every step is closed */
	const char *title = st->complete ? _("Complete") :
	    st->m->phases[st->phase].title;
	size_t i;

	for (i = 0; i < h->nphases; i++)
		if (strcmp(h->phases[i].title, title) == 0)
			return &h->phases[i];
	h->phases = xreallocarray(h->phases, h->nphases + 1,
	    sizeof(*h->phases));
	memset(&h->phases[i], 0, sizeof(h->phases[i]));
	h->phases[i].title = title;	/* models outlive the report */
	h->phases[i].model = model;
	h->phases[i].phase = st->complete ? (size_t)-1 : st->phase;
	h->nphases++;
	return &h->phases[i];
}

/* The case's phase: its applicable steps, how many are closed. */
static void
count_progress(struct phase_row *pr, const struct case_state *st)
{
	size_t i;

	pr->cases++;
	if (st->complete)
		return;
	for (i = 0; i < st->m->nsteps; i++) {
		if (st->m->steps[i].phase != st->phase ||
		    st->steps[i].state == STEP_NA)
			continue;
		pr->applicable++;
		pr->closed += step_closed(&st->steps[i]) != 0;
	}
}

static void
add_late(struct html_report *h, const struct case_state *st, size_t i)
{
	const char *name = state_owner(st, i);
	const char *role = st->m->roles[state_owner_role(st, i)].title;
	unsigned char be[4];
	struct late lt;

	/* People first, the same person however the name is cased. */
	strbuf_reset(&h->key);
	if (name != NULL) {
		strbuf_addch(&h->key, '1');
		name_fold(&h->key, name);
	} else {
		strbuf_addch(&h->key, '2');
		strbuf_addstr(&h->key, role);
	}
	strbuf_add(&h->key, "", 1);
	strbuf_add(&h->key, st->c->name, strlen(st->c->name) + 1);
	be[0] = (unsigned char)(i >> 24);
	be[1] = (unsigned char)(i >> 16);
	be[2] = (unsigned char)(i >> 8);
	be[3] = (unsigned char)i;
	strbuf_add(&h->key, (const char *)be, sizeof(be));
	memset(&lt, 0, sizeof(lt));	/* no unset padding in the file */
	lt.m = st->m;
	lt.name = name != NULL ? intern(&h->names, name) : NO_NAME;
	lt.role = intern(&h->names, role);
	lt.step = (uint32_t)i;
	lt.due = (int32_t)st->steps[i].due;
	strbuf_reset(&h->data);
	strbuf_add(&h->data, (const char *)&lt, sizeof(lt));
	strbuf_add(&h->data, st->c->id, strlen(st->c->id) + 1);
	spill_add(h->late, h->key.buf, h->key.len, h->data.buf, h->data.len);
	h->nlate++;
}

/* "<ul>" of one item per shown step, or the word for none. */
static void
row_steps(FILE *fp, const struct case_state *st, const size_t *idx,
    size_t n, int owners)
{
	const char *name;
	size_t k;

	if (n == 0) {
		/* TRANSLATORS: a case's next steps: none is ready yet */
		fputs(owners ? "" : st->complete ? "–" : _("waiting"), fp);
		return;
	}
	fputs("<ul class=\"in\">", fp);
	for (k = 0; k < n; k++) {
		fputs("<li>", fp);
		if (owners) {
			html_put(fp, st->m->roles[state_owner_role(st,
			    idx[k])].title);
			if ((name = state_owner(st, idx[k])) != NULL) {
				fputs(": ", fp);
				html_put(fp, name);
			}
		} else {
			fputs("<code>", fp);
			html_put(fp, st->m->steps[idx[k]].id);
			fputs("</code> ", fp);
			html_put(fp, st->m->steps[idx[k]].title);
		}
		fputs("</li>", fp);
	}
	fputs("</ul>", fp);
}

static void
spool_row(struct html_report *h, const struct case_state *st,
    const size_t *idx, size_t n, long earliest, int overdue)
{
	FILE *fp = h->rows;

	fputs("<tr><th scope=\"row\"><code>", fp);
	html_put(fp, st->c->id);
	fputs("</code><br><small>", fp);
	html_put(fp, st->c->name);
	fputs("</small></th><td>", fp);
	html_put(fp, st->complete ? _("Complete") :
	    st->m->phases[st->phase].title);
	fputs("</td><td>", fp);
	row_steps(fp, st, idx, n, 0);
	fputs("</td><td>", fp);
	row_steps(fp, st, idx, n, 1);
	fputs("</td><td class=\"nw\">", fp);
	if (earliest != DATE_NONE)
		html_date(fp, earliest);
	if (overdue)
		fprintf(fp, "</td><td><span class=\"late\">%s</span>"
		    "</td></tr>\n", _("overdue"));
	else
		fputs("</td><td></td></tr>\n", fp);
}

void
html_report_case(struct html_report *h, const struct case_state *st,
    const size_t *idx, size_t n, long earliest, size_t model)
{
	struct phase_row *pr = phase_row(h, st, model);
	size_t k;
	int overdue = 0;

	count_progress(pr, st);
	for (k = 0; k < n; k++) {
		if (!st->steps[idx[k]].overdue)
			continue;
		overdue = 1;
		pr->overdue++;
		add_late(h, st, idx[k]);
	}
	spool_row(h, st, idx, n, earliest, overdue);
}

/* Phases in their models' order, models as first seen; Complete last. */
static int
compare_phases(const void *a, const void *b)
{
	const struct phase_row *x = a, *y = b;

	if (x->model != y->model)
		return x->model < y->model ? -1 : 1;
	return x->phase < y->phase ? -1 : x->phase > y->phase;
}

static void
page_header(FILE *fp, const struct report *r)
{
	struct strbuf sel = STRBUF_INIT;
	size_t i;

	struct html_arg files = { "", r->files0, "" };

	fprintf(fp, "<header>\n<h1>%s</h1>\n<dl class=\"facts\">\n"
	    "<dt>%s</dt><dd>", _("Status report"), _("Cases from"));
	for (i = 0; i < r->npaths; i++) {
		fputs(i ? ", " : "", fp);
		html_put(fp, r->paths[i]);
	}
	if (r->files0 != NULL) {
		fputs(r->npaths ? ", " : "", fp);
		/* TRANSLATORS: %s is the file that lists the case files */
		html_put_format(fp, _("the files in %s"), &files, 1);
	}
	fprintf(fp, "</dd>\n<dt>%s</dt><dd>", _("Date"));
	html_date(fp, r->today);
	report_selection(r, &sel);
	fprintf(fp, "</dd>\n<dt>%s</dt><dd>", _("Selection"));
	html_put(fp, sel.len > 0 ? sel.buf : _("all cases"));
	fprintf(fp, "</dd>\n<dt>%s</dt><dd>", _("Cases"));
	/* TRANSLATORS: the cases read, and how many of them are done */
	fprintf(fp, _("%zu, of which %zu done"), r->cases, r->complete);
	fprintf(fp, "</dd>\n<dt>%s</dt><dd>%zu</dd>\n</dl>\n</header>\n",
	    _("Overdue steps"), r->overdue_steps);
	strbuf_release(&sel);
}

static void
progress_cell(FILE *fp, const struct phase_row *pr)
{
	struct svg_segment seg[2] = {
		{ 0, "done" }, { 0, "open" },
	};
	char title[96];
	size_t pct;

	if (pr->applicable == 0) {
		fputs("<td>–</td>", fp);
		return;
	}
	seg[0].n = pr->closed;
	seg[1].n = pr->applicable - pr->closed;
	pct = (pr->closed * 100 + pr->applicable / 2) / pr->applicable;
	snprintf(title, sizeof(title), P_("%zu of %zu step done (%zu %%)",
	    "%zu of %zu steps done (%zu %%)", pr->applicable), pr->closed,
	    pr->applicable, pct);
	fputs("<td>", fp);
	svg_segments(fp, title, seg, 2);
	fprintf(fp, " %s</td>", title);
}

static void
phases_section(FILE *fp, struct html_report *h)
{
	const struct phase_row *pr;
	size_t i;

	html_section(fp, "faser", _("Status by phase"));
	fprintf(fp, "<table>\n<caption>%s</caption>\n<thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	    _("The cases in each phase and how far the phase's steps have "
	    "come"), _("Phase"), _("Cases"),
	    _("The phase's steps, done or skipped"),
	    _("Open steps in the phase"), _("Overdue steps, all phases"));
	for (i = 0; i < h->nphases; i++) {
		pr = &h->phases[i];
		fputs("<tr><th scope=\"row\">", fp);
		html_put(fp, pr->title);
		fprintf(fp, "</th><td class=\"n\">%zu</td>", pr->cases);
		progress_cell(fp, pr);
		fprintf(fp, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
		    "</tr>\n", pr->applicable - pr->closed, pr->overdue);
	}
	if (h->nphases == 0)
		fprintf(fp, "<tr><td colspan=\"5\">%s</td></tr>\n",
		    _("No cases"));
	fputs("</tbody>\n</table>\n", fp);
	html_section_end(fp);
}

static void
late_row(FILE *fp, const struct html_report *h, const struct late *lt,
    const char *id, const char *file, long today)
{
	const struct step *step = &lt->m->steps[lt->step];

	fputs("<tr><th scope=\"row\"><code>", fp);
	html_put(fp, id);
	fputs("</code><br><small>", fp);
	html_put(fp, file);
	fputs("</small></th><td><code>", fp);
	html_put(fp, step->id);
	fputs("</code> ", fp);
	html_put(fp, step->title);
	fputs("</td><td>", fp);
	html_put(fp, interned(&h->names, lt->role));
	fputs("</td><td class=\"nw\">", fp);
	html_date(fp, lt->due);
	fputs("</td><td class=\"late nw\">", fp);
	fprintf(fp, P_("%ld day late", "%ld days late", today - lt->due),
	    today - lt->due);
	fputs("</td></tr>\n", fp);
}

/*
 * The head of the table of one person's (or role's) overdue steps, named
 * as in its first.
 */
static void
late_table(FILE *fp, const struct html_report *h, const struct late *lt)
{
	struct html_arg role = { "", interned(&h->names, lt->role), "" };

	fputs("<table>\n<caption>", fp);
	if (lt->name != NO_NAME)
		html_put(fp, interned(&h->names, lt->name));
	else
		/* TRANSLATORS: %s is a role whose person the case does not name */
		html_put_format(fp, _("%s (no contact given)"), &role, 1);
	fprintf(fp, "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "</tr></thead>\n<tbody>\n", _("Case"), _("Step"), _("Role"),
	    _("Due"), _("Late"));
}

/*
 * A table per person (or role), read back from the spill in order: 0,
 * or -1 after reporting (FAIL_IO).
 */
static int
late_section(FILE *fp, struct html_report *h, long today)
{
	struct strbuf group = STRBUF_INIT;
	const char *key, *data;
	size_t klen, dlen;
	struct late lt;
	int got = 0, open = 0;

	html_section(fp, "forsenade", _("Overdue steps by person"));
	if (h->nlate == 0)
		fprintf(fp, "<p>%s</p>\n", _("No overdue steps."));
	else if ((got = spill_sort(h->late)) == 0)
		while ((got = spill_next(h->late, &key, &klen, &data,
		    &dlen)) == 1) {
			memcpy(&lt, data, sizeof(lt));
			if (!open || strcmp(group.buf, key) != 0) {
				fputs(open ? "</tbody>\n</table>\n" : "", fp);
				strbuf_reset(&group);	/* to the key's NUL */
				strbuf_addstr(&group, key);
				late_table(fp, h, &lt);
				open = 1;
			}
			late_row(fp, h, &lt, data + sizeof(lt),
			    key + group.len + 1, today);
		}
	fputs(open ? "</tbody>\n</table>\n" : "", fp);
	strbuf_release(&group);
	html_section_end(fp);
	return got;
}

/* The spooled rows, copied into the page. */
static int
cases_section(FILE *fp, struct html_report *h, size_t n)
{
	char buf[SPOOL_BUF];
	size_t got;
	int rc = 0, told = 0;

	html_section(fp, "arenden", _("Cases"));
	fputs("<table>\n<caption>", fp);
	fprintf(fp, P_("%zu case: next steps, owners and earliest due date",
	    "%zu cases: next steps, owners and earliest due date", n), n);
	fprintf(fp, "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", _("Case"),
	    _("Phase"), _("Next steps"), _("Owner"), _("Due"),
	    _("Overdue"));
	if (fflush(h->rows) == EOF || ferror(h->rows))	/* a full disk */
		/* TRANSLATORS: the folder is named before; TMPDIR chooses it */
		rc = told = fail_sys(FAIL_IO, h->dir, errno, "cannot write "
		    "the page's temporary file in this folder (TMPDIR)");
	else if (fseek(h->rows, 0, SEEK_SET) != 0)
		rc = -1;
	while (rc == 0 && (got = fread(buf, 1, sizeof(buf), h->rows)) > 0)
		fwrite(buf, 1, got, fp);
	if (rc == 0 && ferror(h->rows))
		rc = -1;
	if (rc != 0 && !told)
		fail_sys(FAIL_IO, h->dir, errno, "cannot read back the page's "
		    "temporary file");
	fputs("</tbody>\n</table>\n", fp);
	html_section_end(fp);
	return rc;
}

/*
 * Bins of days for a histogram of values up to max: a divisor of limit +
 * 1, so that the limit falls between two bins and no bar mixes waits
 * within it and over it; the smallest that draws the values in
 * SVG_MAX_BINS bins, the last of which holds every larger value.
 */
static long
days_bin(long max, long limit)
{
	long bin;

	for (bin = 1; bin <= limit; bin++)
		if ((limit + 1) % bin == 0 && max / bin < SVG_MAX_BINS)
			return bin;
	return limit + 1;
}

/* The days to school start: sams stats' figures, then the histogram. */
static void
days_figure(FILE *fp, const struct stats *s)
{
	const struct stats_row *t = &s->total;
	char title[64], median[32];

	snprintf(title, sizeof(title), P_("Days to school start (limit %ld "
	    "day)", "Days to school start (limit %ld days)", s->limit),
	    s->limit);
	fputs("<h3>", fp);
	html_put(fp, title);
	fputs("</h3>\n<p>", fp);
	if (t->days.n == 0)
		fputs(_("No placements with a change of school in the "
		    "period."), fp);
	else {
		stats_number(t->days.median, median);
		fprintf(fp, P_("%zu placement with a change of school: "
		    "median %s, p90 %ld, max %ld days. %zu of %zu over the "
		    "limit. %zu not yet at school, counted with the days "
		    "so far; %zu ended before school started, counted to "
		    "the last day.", "%zu placements with a change of "
		    "school: median %s, p90 %ld, max %ld days. %zu of %zu "
		    "over the limit. %zu not yet at school, counted with "
		    "the days so far; %zu ended before school started, "
		    "counted to the last day.", t->n.value), t->n.value,
		    median, t->days.p90, t->days.max, t->over.value,
		    t->n.value, t->open.value, t->ended.value);
	}
	fputs("</p>\n", fp);
	svg_histogram(fp, title, t->waits.count, t->waits.len, t->waits.far,
	    t->waits.nfar, days_bin(t->days.max, s->limit), s->limit);
}

/* The steps done on time per role, as bars in percent. */
static void
on_time_figure(FILE *fp, const struct stats *s)
{
	const struct stats_table *t = &s->tabs[TAB_ROLES];
	const struct stats_figure *rate = stats_figures;
	struct svg_bar *bars = xreallocarray(NULL, t->n + 1, sizeof(*bars));
	char (*notes)[48] = xreallocarray(NULL, t->n + 1, sizeof(*notes));
	size_t i, n = 0;

	while (strcmp(rate->name, "on_time.by_role.rate") != 0)
		rate++;
	fprintf(fp, "<h3>%s</h3>\n", _("Steps done on time by owner"));
	for (i = 0; i < t->n; i++) {
		if (t->rows[i].done.value == 0)
			continue;
		/* TRANSLATORS: steps done on time of those done */
		snprintf(notes[n], sizeof(notes[n]), _("%zu of %zu"),
		    t->rows[i].on_time.value, t->rows[i].done.value);
		bars[n].label = t->rows[i].title;
		bars[n].value = stats_percent(stats_value(s, rate,
		    &t->rows[i]));
		bars[n].note = notes[n];
		n++;
	}
	if (n == 0)
		fprintf(fp, "<p>%s</p>\n", _("No steps with a time limit "
		    "done in the period."));
	else
		svg_bars(fp, _("Share of steps done on time by owner"),
		    _("Owner"), _("On time"), bars, n, 100, " %");
	free(notes);
	free(bars);
}

/* The follow-up of sams stats over every case read, with its period. */
static void
stats_figures_part(FILE *fp, const struct stats *s)
{
	char from[11], to[11];
	struct html_arg args[3] = {
		{ "", from, "" }, { "", to, "" },
		{ "<code>", "sams stats", "</code>" },
	};

	html_date_text(s->from, from);
	html_date_text(s->to, to);
	fputs("<h3>", fp);
	/* TRANSLATORS: the period from, to; as the command %s counts */
	html_put_format(fp, _("Follow-up %s – %s, as in %s"), args, 3);
	fprintf(fp, "</h3>\n<p>%s</p>\n", _("The figures cover every case "
	    "read, whatever the selection above."));
	days_figure(fp, s);
	on_time_figure(fp, s);
}

static void
figures_section(FILE *fp, const struct html_report *h,
    const struct stats *s)
{
	struct svg_bar *bars;
	size_t i, n = 0;

	html_section(fp, "diagram", _("Charts"));
	bars = xcalloc(h->nphases + 1, sizeof(*bars));
	for (i = 0; i < h->nphases; i++)
		if (h->phases[i].phase != (size_t)-1) {
			bars[n].label = h->phases[i].title;
			bars[n++].value = (long)(h->phases[i].applicable -
			    h->phases[i].closed);
		}
	svg_bars(fp, _("Open steps by phase"), _("Phase"), _("Open steps"),
	    bars, n, 0, "");
	free(bars);
	if (s != NULL)
		stats_figures_part(fp, s);
	html_section_end(fp);
}

int
html_report_end(struct html_report *h, const struct report *r)
{
	FILE *fp = r->out;
	int rc;

	if (h->nphases > 0)
		qsort(h->phases, h->nphases, sizeof(*h->phases),
		    compare_phases);
	html_begin(fp, _("Status report"));
	page_header(fp, r);
	phases_section(fp, h);
	rc = late_section(fp, h, r->today);
	if (cases_section(fp, h, r->cases) != 0)
		rc = -1;
	figures_section(fp, h, r->stats);
	html_end(fp);
	return rc;
}

void
html_report_free(struct html_report *h)
{
	if (h == NULL)
		return;
	fclose(h->rows);
	free(h->phases);
	spill_free(h->late);
	intern_free(&h->names);
	strbuf_release(&h->key);
	strbuf_release(&h->data);
	free(h);
}
