/* The report as one HTML page: spooled rows, phases, overdue per person. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "filter.h"
#include "html.h"
#include "htmlreport.h"
#include "report.h"
#include "strbuf.h"
#include "svg.h"
#include "xalloc.h"

/* Progress of the cases now in one phase (Klart: model (size_t)-1). */
struct phase_row {
	const char	*title;		/* the model's */
	size_t		 model, phase;
	size_t		 cases, applicable, closed, overdue;
};

/*
 * An overdue step: 40 bytes whatever the names, which are interned, and
 * the case's id and file, kept once per case in h->cases.
 */
struct late {
	size_t			 group, name, role;	/* in h->strings */
	size_t			 kase;			/* in h->cases */
	const struct step	*step;
	long			 due;
};

/* The interned strings: offsets into one buffer, found by hash. */
struct intern {
	struct strbuf	 buf;
	size_t		*slots;		/* offset + 1, 0 when free */
	size_t		 nslots, n;
};

struct html_report {
	FILE		*rows;		/* the case table, spooled */
	struct phase_row *phases;
	size_t		 nphases;
	struct late	*late;
	size_t		 nlate, caplate;
	struct intern	 strings;
	struct strbuf	 cases;		/* "id\0file\0" per case with late steps */
};

#define NO_NAME	((size_t)-1)

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static void
intern_grow(struct intern *in)
{
	size_t *old = in->slots, nold = in->nslots, i, j;

	in->nslots = nold ? nold * 2 : 64;
	in->slots = xcalloc(in->nslots, sizeof(*in->slots));
	for (i = 0; i < nold; i++) {
		if (old[i] == 0)
			continue;
		j = hash(in->buf.buf + old[i] - 1) & (in->nslots - 1);
		while (in->slots[j] != 0)
			j = (j + 1) & (in->nslots - 1);
		in->slots[j] = old[i];
	}
	free(old);
}

/* The offset of s among the interned strings, added if new. */
static size_t
intern(struct intern *in, const char *s)
{
	size_t j, off;

	if (2 * (in->n + 1) > in->nslots)
		intern_grow(in);
	j = hash(s) & (in->nslots - 1);
	while (in->slots[j] != 0) {
		if (strcmp(in->buf.buf + in->slots[j] - 1, s) == 0)
			return in->slots[j] - 1;
		j = (j + 1) & (in->nslots - 1);
	}
	off = in->buf.len;
	strbuf_add(&in->buf, s, strlen(s) + 1);
	in->slots[j] = off + 1;
	in->n++;
	return off;
}

static const char *
interned(const struct html_report *h, size_t off)
{
	return h->strings.buf.buf + off;
}

struct html_report *
html_report_new(void)
{
	struct html_report *h = xcalloc(1, sizeof(*h));

	if ((h->rows = tmpfile()) == NULL) {
		fail_sys(FAIL_IO, NULL, errno, "cannot make a temporary file "
		    "for the page");
		free(h);
		return NULL;
	}
	strbuf_init(&h->strings.buf);
	strbuf_init(&h->cases);
	return h;
}

static struct phase_row *
phase_row(struct html_report *h, const struct case_state *st, size_t model)
{
	const char *title = st->complete ? "Klart" :
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
add_late(struct html_report *h, const struct case_state *st, size_t i,
    size_t *kase)
{
	struct strbuf key = STRBUF_INIT;
	const char *name = state_owner(st, i);
	const char *role = st->m->roles[state_owner_role(st, i)].title;
	struct late *lt;

	if (*kase == NO_NAME) {
		*kase = h->cases.len;
		strbuf_add(&h->cases, st->c->id, strlen(st->c->id) + 1);
		strbuf_add(&h->cases, st->c->name, strlen(st->c->name) + 1);
	}
	if (h->nlate == h->caplate) {
		h->caplate = h->caplate ? h->caplate * 2 : 64;
		h->late = xreallocarray(h->late, h->caplate, sizeof(*h->late));
	}
	lt = &h->late[h->nlate++];
	/* People first, the same person however the name is cased. */
	if (name != NULL) {
		strbuf_addch(&key, '1');
		name_fold(&key, name);
	} else
		strbuf_addf(&key, "2%s", role);
	lt->group = intern(&h->strings, key.buf);
	lt->name = name != NULL ? intern(&h->strings, name) : NO_NAME;
	lt->role = intern(&h->strings, role);
	lt->kase = *kase;
	lt->step = &st->m->steps[i];
	lt->due = st->steps[i].due;
	strbuf_release(&key);
}

/* "<ul>" of one item per shown step, or the word for none. */
static void
row_steps(FILE *fp, const struct case_state *st, const size_t *idx,
    size_t n, int owners)
{
	const char *name;
	size_t k;

	if (n == 0) {
		fputs(owners ? "" : st->complete ? "–" : "väntar", fp);
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
	html_put(fp, st->complete ? "Klart" : st->m->phases[st->phase].title);
	fputs("</td><td>", fp);
	row_steps(fp, st, idx, n, 0);
	fputs("</td><td>", fp);
	row_steps(fp, st, idx, n, 1);
	fputs("</td><td>", fp);
	if (earliest != DATE_NONE)
		html_date(fp, earliest);
	fprintf(fp, "</td><td>%s</td></tr>\n", overdue ?
	    "<span class=\"late\">försenad</span>" : "");
}

void
html_report_case(struct html_report *h, const struct case_state *st,
    const size_t *idx, size_t n, long earliest, size_t model)
{
	struct phase_row *pr = phase_row(h, st, model);
	size_t k, kase = NO_NAME;
	int overdue = 0;

	count_progress(pr, st);
	for (k = 0; k < n; k++) {
		if (!st->steps[idx[k]].overdue)
			continue;
		overdue = 1;
		pr->overdue++;
		add_late(h, st, idx[k], &kase);
	}
	spool_row(h, st, idx, n, earliest, overdue);
}

/* Phases in their models' order, models as first seen; Klart last. */
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

	fputs("<header>\n<h1>Lägesrapport</h1>\n<dl class=\"facts\">\n"
	    "<dt>Ärenden ur</dt><dd>", fp);
	for (i = 0; i < r->npaths; i++) {
		fputs(i ? ", " : "", fp);
		html_put(fp, r->paths[i]);
	}
	if (r->files0 != NULL) {
		fputs(r->npaths ? ", filerna i " : "filerna i ", fp);
		html_put(fp, r->files0);
	}
	fputs("</dd>\n<dt>Datum</dt><dd>", fp);
	html_date(fp, r->today);
	report_selection(r, &sel);
	fputs("</dd>\n<dt>Urval</dt><dd>", fp);
	html_put(fp, sel.len > 0 ? sel.buf : "alla ärenden");
	fprintf(fp, "</dd>\n<dt>Ärenden</dt><dd>%zu, varav klara %zu</dd>\n"
	    "<dt>Försenade steg</dt><dd>%zu</dd>\n</dl>\n</header>\n",
	    r->cases, r->complete, r->overdue_steps);
	strbuf_release(&sel);
}

static void
progress_cell(FILE *fp, const struct phase_row *pr)
{
	struct svg_segment seg[2] = {
		{ "klara", 0, "done" }, { "öppna", 0, "open" },
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
	snprintf(title, sizeof(title), "%zu av %zu steg klara (%zu %%)",
	    pr->closed, pr->applicable, pct);
	fputs("<td>", fp);
	svg_segments(fp, title, seg, 2);
	fprintf(fp, " %s</td>", title);
}

static void
phases_section(FILE *fp, struct html_report *h)
{
	const struct phase_row *pr;
	size_t i;

	html_section(fp, "faser", "Läget per fas");
	fputs("<table>\n<caption>Ärendena i varje fas och hur långt fasens "
	    "steg har kommit</caption>\n<thead><tr><th scope=\"col\">Fas</th>"
	    "<th scope=\"col\">Ärenden</th><th scope=\"col\">Fasens steg, "
	    "klara eller hoppade över</th><th scope=\"col\">Öppna steg</th>"
	    "<th scope=\"col\">Försenade steg</th></tr></thead>\n<tbody>\n",
	    fp);
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
		fputs("<tr><td colspan=\"5\">Inga ärenden</td></tr>\n", fp);
	fputs("</tbody>\n</table>\n", fp);
	html_section_end(fp);
}

/* An overdue step with its strings found, for sorting. */
struct late_view {
	const char		*group, *file;
	const struct late	*lt;
};

static int
compare_late(const void *a, const void *b)
{
	const struct late_view *x = a, *y = b;
	int c;

	if ((c = strcmp(x->group, y->group)) != 0)
		return c;
	if ((c = strcmp(x->file, y->file)) != 0)
		return c;
	return x->lt->step < y->lt->step ? -1 : x->lt->step > y->lt->step;
}

/* The table of one person's (or role's) overdue steps; returns its end. */
static size_t
late_table(FILE *fp, const struct html_report *h,
    const struct late_view *v, size_t i, size_t n, long today)
{
	const struct late *lt = v[i].lt;
	const char *id;
	size_t j;

	fputs("<table>\n<caption>", fp);
	if (lt->name != NO_NAME)
		html_put(fp, interned(h, lt->name));
	else {
		html_put(fp, interned(h, lt->role));
		fputs(" (ingen kontakt angiven)", fp);
	}
	fputs("</caption>\n<thead><tr><th scope=\"col\">Ärende</th>"
	    "<th scope=\"col\">Steg</th><th scope=\"col\">Roll</th>"
	    "<th scope=\"col\">Senast</th><th scope=\"col\">Försenat</th>"
	    "</tr></thead>\n<tbody>\n", fp);
	for (j = i; j < n && v[j].group == v[i].group; j++) {
		lt = v[j].lt;
		id = h->cases.buf + lt->kase;
		fputs("<tr><th scope=\"row\"><code>", fp);
		html_put(fp, id);
		fputs("</code><br><small>", fp);
		html_put(fp, v[j].file);
		fputs("</small></th><td><code>", fp);
		html_put(fp, lt->step->id);
		fputs("</code> ", fp);
		html_put(fp, lt->step->title);
		fputs("</td><td>", fp);
		html_put(fp, interned(h, lt->role));
		fputs("</td><td>", fp);
		html_date(fp, lt->due);
		fprintf(fp, "</td><td class=\"late\">försenad %ld %s</td>"
		    "</tr>\n", today - lt->due, today - lt->due == 1 ? "dag" :
		    "dagar");
	}
	fputs("</tbody>\n</table>\n", fp);
	return j;
}

static void
late_section(FILE *fp, const struct html_report *h, long today)
{
	struct late_view *v;
	const char *id;
	size_t i;

	html_section(fp, "forsenade", "Försenade steg per person");
	if (h->nlate == 0) {
		fputs("<p>Inga försenade steg.</p>\n", fp);
		html_section_end(fp);
		return;
	}
	v = xreallocarray(NULL, h->nlate, sizeof(*v));
	for (i = 0; i < h->nlate; i++) {
		id = h->cases.buf + h->late[i].kase;
		v[i].group = interned(h, h->late[i].group);
		v[i].file = id + strlen(id) + 1;
		v[i].lt = &h->late[i];
	}
	qsort(v, h->nlate, sizeof(*v), compare_late);
	for (i = 0; i < h->nlate; )
		i = late_table(fp, h, v, i, h->nlate, today);
	free(v);
	html_section_end(fp);
}

/* The spooled rows, copied into the page. */
static int
cases_section(FILE *fp, struct html_report *h, size_t n)
{
	char buf[8192];
	size_t got;
	int rc = 0;

	html_section(fp, "arenden", "Ärenden");
	fprintf(fp, "<table>\n<caption>%zu ärenden: nästa steg, ansvariga "
	    "och första datum</caption>\n<thead><tr>"
	    "<th scope=\"col\">Ärende</th><th scope=\"col\">Fas</th>"
	    "<th scope=\"col\">Nästa steg</th><th scope=\"col\">Ansvarig</th>"
	    "<th scope=\"col\">Senast</th><th scope=\"col\">Försenad</th>"
	    "</tr></thead>\n<tbody>\n", n);
	if (fflush(h->rows) == EOF || ferror(h->rows) ||
	    fseek(h->rows, 0, SEEK_SET) != 0)
		rc = -1;
	while (rc == 0 && (got = fread(buf, 1, sizeof(buf), h->rows)) > 0)
		fwrite(buf, 1, got, fp);
	if (rc == 0 && ferror(h->rows))
		rc = -1;
	if (rc != 0)
		fail_sys(FAIL_IO, NULL, errno, "cannot read back the page's "
		    "temporary file");
	fputs("</tbody>\n</table>\n", fp);
	html_section_end(fp);
	return rc;
}

static void
figures_section(FILE *fp, const struct html_report *h)
{
	struct svg_bar *bars;
	size_t i, n = 0;

	html_section(fp, "diagram", "Diagram");
	bars = xreallocarray(NULL, h->nphases + 1, sizeof(*bars));
	for (i = 0; i < h->nphases; i++)
		if (h->phases[i].phase != (size_t)-1) {
			bars[n].label = h->phases[i].title;
			bars[n++].value = (long)(h->phases[i].applicable -
			    h->phases[i].closed);
		}
	svg_bars(fp, "Öppna steg per fas", "Fas", "Öppna steg", bars, n, 0,
	    "");
	free(bars);
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
	html_begin(fp, "Lägesrapport");
	page_header(fp, r);
	phases_section(fp, h);
	late_section(fp, h, r->today);
	rc = cases_section(fp, h, r->cases);
	figures_section(fp, h);
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
	free(h->late);
	free(h->strings.slots);
	strbuf_release(&h->strings.buf);
	strbuf_release(&h->cases);
	free(h);
}
