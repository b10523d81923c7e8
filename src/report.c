/* The batch report: rows, filters, the summary and the owners' agenda. */
#include <stdlib.h>
#include <string.h>

#include "colour.h"
#include "date.h"
#include "hash.h"
#include "htmlreport.h"
#include "i18n.h"
#include "layout.h"
#include "report.h"
#include "sams.h"
#include "spill.h"
#include "strbuf.h"
#include "text.h"
#include "words.h"
#include "xalloc.h"
#include "xlsx.h"

struct report_count {
	char	*key;
	size_t	 n, overdue;
	size_t	 model, phase;	/* where the key comes in order */
};

/* Where "Klart" comes in the phases' order: last. */
#define LAST	((size_t)-1)

/*
 * A step of the --by-owner agenda as it is spilled (spill.h), sorted by
 * the key "GROUP\0FILE\0" and the step's index in 4 bytes, most
 * significant first; the case id and its NUL follow it in the data.
 */
struct agenda_item {
	const struct step	*step;
	long			 due;
	int			 overdue;
};

/*
 * The agenda holds this many bytes of items in memory (some 35,000 steps
 * of 120 bytes), the rest in sorted runs in a temporary file: its memory
 * does not grow with the cases.
 */
#define AGENDA_BUDGET	((size_t)4 << 20)

/*
 * A role a group owns listed steps as, with its counts for the
 * workbook's "Per ansvarig".
 */
struct report_person {
	char	*role;		/* the role's title */
	char	*name;		/* as first written in this role, or NULL */
	size_t	 open, overdue, soon;
};

/*
 * A person, the same whatever the case of the letters, or a role
 * without a named contact: a group of the agenda and of "Per ansvarig".
 * One per person, so memory grows with the people, not the steps.
 */
struct report_group {
	char			*key;	/* group_key() */
	char			*name;	/* as first written, or NULL */
	struct report_person	*roles;	/* in the order first seen */
	size_t			 nroles;
};

/* The steps of one case that the report shows. */
struct selection {
	size_t	*idx;
	size_t	 n;
	long	 earliest;
	int	 overdue;
};

/*
 * The columns of a row per step: keys for scripts (CSV, TSV), titles for
 * people (--csv-excel and the workbook's "Steg"), who read them in
 * Swedish Excel whatever their locale: the workbook and --csv-excel are
 * Swedish documents, never translated.
 */
static const char *const step_keys[] = {
	"case", "file", "phase", "step", "title", "owner", "name", "due",
	"overdue", "days_overdue", NULL
};
static const char *const step_titles[] = {
	"Ärende", "Fil", "Fas", "Steg", "Titel", "Ansvarig", "Namn",
	"Senast", "Försenad", "Dagar försenad", NULL
};
static const char *const case_titles[] = {
	"Ärende", "Fil", "Placeringsform", "Skolform", "Placeringsdatum",
	"Slutdatum", "Fas", "Öppna steg", "Försenade steg", NULL
};
static const char *const person_titles[] = {
	"Namn", "Roll", "Öppna steg", "Försenade", "Inom 7 dagar", NULL
};

/* Steps due this many days after today count as soon in "Per ansvarig". */
#define SOON_DAYS	7

/* Where the values of the text summary start, after its labels. */
#define SUMMARY_COLUMN	15

static void
select_steps(const struct report *r, const struct case_state *st,
    struct selection *sel)
{
	const struct model *m = st->m;
	const struct step_status *ss;
	size_t i;

	sel->idx = xcalloc(m->nsteps, sizeof(*sel->idx));
	sel->n = 0;
	sel->earliest = DATE_NONE;
	sel->overdue = 0;
	for (i = 0; i < m->nsteps; i++) {
		ss = &st->steps[i];
		if (!filter_step(&r->filter, st, i))
			continue;
		sel->idx[sel->n++] = i;
		sel->overdue |= ss->overdue;
		if (ss->due != DATE_NONE && (sel->earliest == DATE_NONE ||
		    ss->due < sel->earliest))
			sel->earliest = ss->due;
	}
}

/*
 * The case's phase, or for a complete case "Klart" (the workbook) or its
 * translation (people: the text report).
 */
static const char *
phase_title(const struct case_state *st, int people)
{
	if (!st->complete)
		return st->m->phases[st->phase].title;
	/* TRANSLATORS: in place of the phase of a complete case. */
	return people ? _("Complete") : "Klart";
}

/*
 * A case is listed when it is in the phase asked for (a complete case is
 * in none) and, when steps are filtered, has a step that passes.
 */
static int
selected(const struct report *r, const struct case_state *st,
    const struct selection *sel)
{
	if (filter_active(&r->filter) && sel->n == 0)
		return 0;
	if (r->phase != NULL && (st->complete ||
	    strcmp(st->m->phases[st->phase].id, r->phase) != 0))
		return 0;
	return 1;
}

/* Counts one under key; a new key gets the place model, phase. */
static void
count(struct report_count **table, size_t *n, const char *key, int overdue,
    size_t model, size_t phase)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*table)[i].key, key) == 0)
			break;
	if (i == *n) {
		*table = xreallocarray(*table, *n + 1, sizeof(**table));
		(*table)[i].key = xstrdup(key);
		(*table)[i].n = (*table)[i].overdue = 0;
		(*table)[i].model = model;
		(*table)[i].phase = phase;
		(*n)++;
	}
	(*table)[i].n++;
	(*table)[i].overdue += overdue != 0;
}

/* The model's place among those seen so far, the first being 0. */
static size_t
model_order(struct report *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nmodels; i++)
		if (strcmp(r->models[i], id) == 0)
			return i;
	r->models = xreallocarray(r->models, r->nmodels + 1,
	    sizeof(*r->models));
	r->models[r->nmodels] = xstrdup(id);
	return r->nmodels++;
}

/* Counts the case under its phase, which keeps its place in the model. */
static void
count_phase(struct report *r, const struct case_state *st, int overdue)
{
	size_t model = model_order(r, st->m->id);

	count(&r->phases, &r->nphases, phase_title(st, 1), overdue,
	    st->complete ? LAST : model, st->complete ? LAST : st->phase);
}

/* Separated values */

/* "-3", "+4.5": a cell a spreadsheet shows as a number, not a formula. */
static int
plain_number(const char *s)
{
	static const char digits[] = "0123456789";
	size_t n;

	if (*s == '+' || *s == '-')
		s++;
	if ((n = strspn(s, digits)) == 0)
		return 0;
	s += n;
	if (*s == '.') {
		if ((n = strspn(++s, digits)) == 0)
			return 0;
		s += n;
	}
	return *s == '\0';
}

/*
 * What a spreadsheet could take for the start of a formula (OWASP's CSV
 * injection rule), with the full-width forms that some spreadsheets fold
 * to their ASCII ones.
 */
static const char *const formula_starts[] = {
	"=", "+", "-", "@",
	"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d",	/* ＝ ＋ － */
	"\xef\xbc\xa0",					/* ＠ */
	NULL
};

/*
 * Whether a spreadsheet could take the cell for a formula: it starts with
 * a tab or a carriage return, or, after any spaces (which spreadsheets
 * skip), with one of formula_starts and is not a plain number.
 */
static int
formula_like(const char *s)
{
	size_t i;

	if (*s == '\t' || *s == '\r')
		return 1;
	s += strspn(s, " ");
	if (plain_number(s))
		return 0;
	for (i = 0; formula_starts[i] != NULL; i++)
		if (strncmp(s, formula_starts[i], strlen(formula_starts[i])) ==
		    0)
			return 1;
	return 0;
}

void
report_inert(struct strbuf *sb, const char *s)
{
	if (formula_like(s))
		strbuf_addch(sb, '\'');
	text_escape(sb, s, strlen(s), 0);
}

/*
 * One cell, on one line: inert (report_inert()); TSV escapes a backslash
 * too (\\), so that its cells can be unescaped; CSV quotes as RFC 4180
 * says, with ; as the separator for --csv-excel.
 */
void
report_cell(FILE *out, const char *s, int sep)
{
	struct strbuf sb = STRBUF_INIT;
	const char special[] = { (char)sep, '"', '\0' };
	const char *p;

	if (formula_like(s))
		strbuf_addch(&sb, '\'');
	text_escape(&sb, s, strlen(s), sep == '\t' ? TEXT_BACKSLASH : 0);
	if (sep != '\t' && sb.len > 0 && strpbrk(sb.buf, special) != NULL) {
		fputc('"', out);
		for (p = sb.buf; *p != '\0'; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	} else if (sb.len > 0)
		fwrite(sb.buf, 1, sb.len, out);
	strbuf_release(&sb);
}

static void
put_field(struct report *r, const char *s, int last)
{
	int sep = r->format == REPORT_TSV ? '\t' : r->excel ? ';' : ',';

	report_cell(r->out, s, sep);
	if (!last)
		fputc(sep, r->out);
	else
		fputs(r->excel ? "\r\n" : "\n", r->out);
}

/* The days step i of the case is past its due date; 0 when it is not. */
static long
days_overdue(const struct case_state *st, size_t i)
{
	const struct step_status *ss = &st->steps[i];

	return ss->overdue ? st->today - ss->due : 0;
}

/*
 * Step i of the case as a row: as JSON next has it, or (--csv-excel) as
 * people read it, with titles and Ja/Nej.
 */
static void
separated_row(struct report *r, const struct case_state *st, size_t i)
{
	const struct step *s = &st->m->steps[i];
	const struct step_status *ss = &st->steps[i];
	const struct phase *ph = &st->m->phases[s->phase];
	const struct role *role = &st->m->roles[state_owner_role(st, i)];
	const char *name = state_owner(st, i);
	char due[11] = "", days[24] = "";

	if (ss->due != DATE_NONE) {
		date_format(ss->due, due);
		snprintf(days, sizeof(days), "%ld", days_overdue(st, i));
	}
	put_field(r, st->c->id, 0);
	put_field(r, st->c->name, 0);
	put_field(r, r->excel ? ph->title : ph->id, 0);
	put_field(r, s->id, 0);
	put_field(r, s->title, 0);
	put_field(r, r->excel ? role->title : role->id, 0);
	put_field(r, name != NULL ? name : "", 0);
	put_field(r, due, 0);
	put_field(r, ss->overdue ? r->excel ? "Ja" : "true" :
	    r->excel ? "Nej" : "false", 0);
	put_field(r, days, 1);
}

/* The selection */

/* " · " between the parts of a selection. */
static void
next_part(struct strbuf *sb)
{
	if (sb->len > 0)
		strbuf_addstr(sb, " · ");
}

/*
 * The selection in Swedish (the workbook) or, for people, in the
 * language of their messages.
 */
static void
selection_words(const struct report *r, struct strbuf *sb, int people)
{
	const struct step_filter *f = &r->filter;
	char date[11];
	long last;

	if (f->owner != NULL) {
		next_part(sb);
		/* TRANSLATORS: what sams report shows, parts of a list. */
		strbuf_addf(sb, people ? _("owner %s") : "ansvarig %s",
		    f->owner);
	}
	if (f->owner != NULL && r->owner_env)	/* nobody typed it */
		strbuf_addf(sb, " %s", people ? _("(from SAMS_OWNER)") :
		    "(från SAMS_OWNER)");
	if (f->role != NULL) {
		next_part(sb);
		strbuf_addf(sb, people ? _("role %s") : "roll %s", f->role);
	}
	if (f->overdue) {
		next_part(sb);
		strbuf_addstr(sb, people ? _("overdue steps") :
		    "försenade steg");
	}
	if (f->due_within >= 0) {
		next_part(sb);
		last = date_add_days(r->today, f->due_within);
		if (last != DATE_NONE) {
			date_format(last, date);
			strbuf_addf(sb, people ? _("due by %s") : "senast %s",
			    date);
		} else
			strbuf_addstr(sb, people ? _("all dates") :
			    "alla datum");
	}
	if (r->phase != NULL) {
		next_part(sb);
		strbuf_addf(sb, people ? _("phase %s") : "fas %s", r->phase);
	}
}

void
report_selection(const struct report *r, struct strbuf *sb)
{
	selection_words(r, sb, 1);
}

/* Workbook */

/* The step's row in "Steg": the --csv-excel row, with a date and a number. */
static void
xlsx_step(struct report *r, const struct case_state *st, size_t i)
{
	const struct step *s = &st->m->steps[i];
	const struct step_status *ss = &st->steps[i];
	const char *name = state_owner(st, i);

	xlsx_row(r->xlsx, ss->overdue);
	xlsx_text(r->xlsx, st->c->id);
	xlsx_text(r->xlsx, st->c->name);
	xlsx_text(r->xlsx, st->m->phases[s->phase].title);
	xlsx_text(r->xlsx, s->id);
	xlsx_text(r->xlsx, s->title);
	xlsx_text(r->xlsx, st->m->roles[state_owner_role(st, i)].title);
	xlsx_text(r->xlsx, name != NULL ? name : "");
	xlsx_date(r->xlsx, ss->due);
	xlsx_text(r->xlsx, ss->overdue ? "Ja" : "Nej");
	if (ss->due != DATE_NONE)
		xlsx_number(r->xlsx, (double)days_overdue(st, i));
	else
		xlsx_blank(r->xlsx);
}

/* A fact in Swedish words, "" when the case does not say. */
static void
xlsx_fact(struct report *r, const struct case_state *st, const char *path)
{
	const char *v = case_fact(st->c, path);

	xlsx_text(r->xlsx, v != NULL ? words_value(path, v) : "");
}

/* The case's row in "Ärenden", with the steps of its rows in "Steg". */
static void
xlsx_case(struct report *r, const struct case_state *st,
    const struct selection *sel)
{
	size_t k, overdue = 0;

	for (k = 0; k < sel->n; k++)
		overdue += st->steps[sel->idx[k]].overdue != 0;
	xlsx_row(r->xlsx, 0);
	xlsx_text(r->xlsx, st->c->id);
	xlsx_text(r->xlsx, st->c->name);
	xlsx_fact(r, st, "placement.type");
	xlsx_fact(r, st, "school.form");
	xlsx_date(r->xlsx, case_fact_date(st->c, "placement.date"));
	xlsx_date(r->xlsx, case_fact_date(st->c, "placement.end"));
	xlsx_text(r->xlsx, phase_title(st, 0));
	xlsx_number(r->xlsx, (double)sel->n);
	xlsx_number(r->xlsx, (double)overdue);
}

/* Text */

/* The Ärende column: wide enough for ids up to 40 characters. */
static size_t
id_width(size_t widest)
{
	widest = widest < 40 ? widest : 40;
	return widest + 2 > 12 ? widest + 2 : 12;
}

static void
text_header(struct report *r)
{
	fputs(colour_start(r->out, COLOUR_HEADING), r->out);
	/* TRANSLATORS: the column heads of sams report, 6 wide at most. */
	layout_pad(r->out, _("File"), r->file_width + 2);
	layout_pad(r->out, _("Case"), 12);
	layout_pad(r->out, _("Model"), 7);
	layout_pad(r->out, _("Phase"), 17);
	layout_pad(r->out, _("Due"), 11);
	layout_pad(r->out, "", 10);
	fprintf(r->out, "%s%s\n", _("Next steps (owner)"),
	    colour_end(r->out));
}

/* "försenad" in red, padded inside the colour, or the empty column. */
static void
overdue_cell(FILE *out, int overdue)
{
	if (!overdue) {
		layout_pad(out, "", 10);
		return;
	}
	fputs(colour_start(out, COLOUR_LATE), out);
	/* TRANSLATORS: a case or step in sams report, 9 wide at most. */
	layout_pad(out, _("overdue"), 10);
	fputs(colour_end(out), out);
}

/*
 * One row as the case is read, so memory stays flat however many cases
 * there are; an id longer than its column pushes the rest of its row.
 */
static void
text_row(struct report *r, const struct case_state *st,
    const struct selection *sel)
{
	const struct step *s;
	char due[11] = "";
	size_t k;

	if (sel->earliest != DATE_NONE)
		date_format(sel->earliest, due);
	layout_pad(r->out, st->c->name, r->file_width + 2);
	layout_pad(r->out, st->c->id, 12);
	layout_pad(r->out, st->m->id, 7);
	layout_pad(r->out, phase_title(st, 1), 17);
	layout_pad(r->out, due, 11);
	overdue_cell(r->out, sel->overdue);
	for (k = 0; k < sel->n; k++) {
		s = &st->m->steps[sel->idx[k]];
		fputs(k ? ", " : "", r->out);
		text_put(r->out, s->id);
		fputs(" (", r->out);
		text_put(r->out, st->m->roles[state_owner_role(st,
		    sel->idx[k])].id);
		fputc(')', r->out);
	}
	if (sel->n == 0)
		/* TRANSLATORS: a case with no step to do now. */
		fputs(st->complete ? "–" : _("waiting"), r->out);
	fputc('\n', r->out);
}

/*
 * The group of a step in the agenda: its owner as a person, the same
 * person whatever the case of the letters and whatever the role; or, when
 * the role has no named contact, the role.  Persons come first.
 */
static char *
group_key(const char *name, const char *role)
{
	struct strbuf sb = STRBUF_INIT;

	if (name != NULL) {
		strbuf_addch(&sb, '1');
		name_fold(&sb, name);
	} else
		strbuf_addf(&sb, "2%s", role);
	return strbuf_detach(&sb, NULL);
}

/* Doubles the table of groups' slots, rehashing what it holds. */
static void
grow_slots(struct report *r)
{
	size_t i, j, n = r->nslots ? r->nslots * 2 : 256;

	free(r->slots);
	r->slots = xcalloc(n, sizeof(*r->slots));
	r->nslots = n;
	for (i = 0; i < r->ngroups; i++) {
		for (j = hash_str(r->groups[i].key) & (n - 1);
		    r->slots[j] != 0; j = (j + 1) & (n - 1))
			;
		r->slots[j] = i + 1;
	}
}

/* The group of key, added with name when create is set, or NULL. */
static struct report_group *
find_group(struct report *r, const char *key, const char *name, int create)
{
	struct report_group *g;
	size_t j;

	if (create && (r->ngroups + 1) * 2 > r->nslots)
		grow_slots(r);
	if (r->nslots == 0)
		return NULL;
	for (j = hash_str(key) & (r->nslots - 1); r->slots[j] != 0;
	    j = (j + 1) & (r->nslots - 1))
		if (strcmp(r->groups[r->slots[j] - 1].key, key) == 0)
			return &r->groups[r->slots[j] - 1];
	if (!create)
		return NULL;
	if (r->ngroups == r->capgroups) {
		r->capgroups = r->capgroups ? r->capgroups * 2 : 64;
		r->groups = xreallocarray(r->groups, r->capgroups,
		    sizeof(*r->groups));
	}
	r->slots[j] = ++r->ngroups;
	g = &r->groups[r->ngroups - 1];
	memset(g, 0, sizeof(*g));
	g->key = xstrdup(key);
	g->name = name != NULL ? xstrdup(name) : NULL;
	return g;
}

/* The owner of step i of the case as a role of its group, added first. */
static struct report_person *
owner_of(struct report *r, const struct case_state *st, size_t i,
    struct report_group **group)
{
	const char *role = st->m->roles[state_owner_role(st, i)].title;
	const char *name = state_owner(st, i);
	char *key = group_key(name, role);
	struct report_group *g = find_group(r, key, name, 1);
	struct report_person *p;
	size_t k;

	free(key);
	for (k = 0; k < g->nroles; k++)		/* roles are few */
		if (strcmp(g->roles[k].role, role) == 0)
			break;
	if (k == g->nroles) {
		g->roles = xreallocarray(g->roles, k + 1, sizeof(*g->roles));
		p = &g->roles[g->nroles++];
		memset(p, 0, sizeof(*p));
		p->role = xstrdup(role);
		p->name = name != NULL ? xstrdup(name) : NULL;
	}
	*group = g;
	return &g->roles[k];
}

/*
 * Spills the listed steps of a case to the agenda, and notes their owners'
 * groups and roles for the headings.
 */
static void
add_items(struct report *r, const struct case_state *st,
    const struct selection *sel)
{
	struct strbuf key = STRBUF_INIT, data = STRBUF_INIT;
	struct report_group *g;
	struct agenda_item it;
	unsigned char be[4];
	size_t i, k, w;

	if (r->agenda == NULL)
		r->agenda = spill_new(AGENDA_BUDGET);
	if (sel->n > 0 && (w = text_width(st->c->id)) > r->widest)
		r->widest = w;
	for (k = 0; k < sel->n; k++) {
		i = sel->idx[k];
		(void)owner_of(r, st, i, &g);
		strbuf_reset(&key);
		strbuf_add(&key, g->key, strlen(g->key) + 1);
		strbuf_add(&key, st->c->name, strlen(st->c->name) + 1);
		be[0] = (unsigned char)(i >> 24);
		be[1] = (unsigned char)(i >> 16);
		be[2] = (unsigned char)(i >> 8);
		be[3] = (unsigned char)i;
		strbuf_add(&key, (const char *)be, sizeof(be));
		memset(&it, 0, sizeof(it));	/* no unset padding in the file */
		it.step = &st->m->steps[i];
		it.due = st->steps[i].due;
		it.overdue = st->steps[i].overdue;
		strbuf_reset(&data);
		strbuf_add(&data, (const char *)&it, sizeof(it));
		strbuf_add(&data, st->c->id, strlen(st->c->id) + 1);
		spill_add(r->agenda, key.buf, key.len, data.buf, data.len);
	}
	strbuf_release(&key);
	strbuf_release(&data);
}

/* Counts step i of the case under its owner and role in "Per ansvarig". */
static void
count_person(struct report *r, const struct case_state *st, size_t i)
{
	const struct step_status *ss = &st->steps[i];
	struct report_group *g;
	struct report_person *p = owner_of(r, st, i, &g);
	long soon = date_add_days(st->today, SOON_DAYS);

	p->open++;
	p->overdue += ss->overdue != 0;
	p->soon += !ss->overdue && ss->due != DATE_NONE && soon != DATE_NONE &&
	    ss->due <= soon;
}

static int
compare_groups(const void *a, const void *b)
{
	return strcmp((*(struct report_group *const *)a)->key,
	    (*(struct report_group *const *)b)->key);
}

static int
compare_roles(const void *a, const void *b)
{
	return strcmp(((const struct report_person *)a)->role,
	    ((const struct report_person *)b)->role);
}

/* "Per ansvarig", persons as the text --by-owner groups them, then roles. */
static void
xlsx_persons(struct report *r)
{
	struct report_group **order;
	const struct report_person *p;
	size_t i, k;

	xlsx_sheet(r->xlsx, "Per ansvarig", person_titles);
	order = xreallocarray(NULL, r->ngroups + 1, sizeof(*order));
	for (i = 0; i < r->ngroups; i++)
		order[i] = &r->groups[i];
	qsort(order, r->ngroups, sizeof(*order), compare_groups);
	for (i = 0; i < r->ngroups; i++) {
		qsort(order[i]->roles, order[i]->nroles,
		    sizeof(*order[i]->roles), compare_roles);
		for (k = 0; k < order[i]->nroles; k++) {
			p = &order[i]->roles[k];
			xlsx_row(r->xlsx, 0);
			xlsx_text(r->xlsx, p->name != NULL ? p->name :
			    "(ingen kontakt angiven)");
			xlsx_text(r->xlsx, p->role);
			xlsx_number(r->xlsx, (double)p->open);
			xlsx_number(r->xlsx, (double)p->overdue);
			xlsx_number(r->xlsx, (double)p->soon);
		}
	}
	free(order);
}

/*
 * The last sheet, "Urval": what the workbook shows, from what and when,
 * for whoever opens it later or gets it passed on.  Last, so that Steg
 * stays the sheet Excel opens on.
 */
static void
xlsx_about(struct report *r)
{
	static const char *const titles[] = { "Uppgift", "Värde", NULL };
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	xlsx_sheet(r->xlsx, "Urval", titles);
	xlsx_row(r->xlsx, 0);
	xlsx_text(r->xlsx, "Datum");
	xlsx_date(r->xlsx, r->today);
	selection_words(r, &sb, 0);
	xlsx_row(r->xlsx, 0);
	xlsx_text(r->xlsx, "Urval");
	xlsx_text(r->xlsx, sb.len > 0 ? sb.buf : "alla ärenden och steg");
	strbuf_reset(&sb);
	for (i = 0; i < r->npaths; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", r->paths[i]);
	if (r->files0 != NULL)
		strbuf_addf(&sb, "%sfilerna i %s", sb.len ? ", " : "",
		    r->files0);
	xlsx_row(r->xlsx, 0);
	xlsx_text(r->xlsx, "Underlag");
	xlsx_text(r->xlsx, sb.buf);
	xlsx_row(r->xlsx, 0);
	xlsx_text(r->xlsx, "Skapad av");
	xlsx_text(r->xlsx, "sams " SAMS_VERSION);
	strbuf_release(&sb);
}

/* The workbook's first two sheets, filled as the cases come. */
static int
xlsx_begin(struct report *r)
{
	if ((r->xlsx = xlsx_open("SAMS – rapport", r->today)) == NULL)
		return -1;
	xlsx_sheet(r->xlsx, "Steg", step_titles);
	xlsx_sheet(r->xlsx, "Ärenden", case_titles);
	return 0;
}

int
report_begin(struct report *r)
{
	size_t i;

	if (r->format == REPORT_HTML)
		return (r->html = html_report_new(r->out)) != NULL ? 0 : -1;
	if (r->format == REPORT_XLSX)
		return xlsx_begin(r);
	if (r->excel)
		fputs("\xef\xbb\xbf", r->out);	/* the BOM Excel wants */
	if (r->format == REPORT_TSV || r->format == REPORT_CSV)
		for (i = 0; step_keys[i] != NULL; i++)
			put_field(r, r->excel ? step_titles[i] : step_keys[i],
			    step_keys[i + 1] == NULL);
	else if (r->format == REPORT_TEXT && !r->by_owner)
		text_header(r);
	return 0;
}

/*
 * The rows of a listed case: one per step in CSV and TSV, a case and its
 * steps in the workbook.
 */
static void
case_rows(struct report *r, const struct case_state *st,
    const struct selection *sel)
{
	size_t k;

	if (r->format == REPORT_XLSX) {
		xlsx_sheet_select(r->xlsx, 0);		/* Steg */
		for (k = 0; k < sel->n; k++) {
			xlsx_step(r, st, sel->idx[k]);
			count_person(r, st, sel->idx[k]);
		}
		xlsx_sheet_select(r->xlsx, 1);		/* Ärenden */
		xlsx_case(r, st, sel);
	} else
		for (k = 0; k < sel->n; k++)
			separated_row(r, st, sel->idx[k]);
}

void
report_case(struct report *r, const struct case_state *st)
{
	struct selection sel;
	size_t k;

	select_steps(r, st, &sel);
	if (selected(r, st, &sel)) {
		r->cases++;
		r->complete += st->complete != 0;
		count_phase(r, st, sel.overdue);
		for (k = 0; k < sel.n; k++) {
			count(&r->owners, &r->nowners, st->m->roles[
			    state_owner_role(st, sel.idx[k])].title,
			    st->steps[sel.idx[k]].overdue, 0, 0);
			r->overdue_steps += st->steps[sel.idx[k]].overdue != 0;
		}
		if (r->format == REPORT_HTML)
			html_report_case(r->html, st, sel.idx, sel.n,
			    sel.earliest, st->complete ? LAST :
			    model_order(r, st->m->id));
		else if (r->format == REPORT_JSON)
			r->json_row(r->out, st, &r->filter);
		else if (r->format != REPORT_TEXT)
			case_rows(r, st, &sel);
		else if (r->by_owner)
			add_items(r, st, &sel);
		else
			text_row(r, st, &sel);
	}
	free(sel.idx);
}

/*
 * The heading of a group: the person's name as first written and every
 * role they own steps as, "Maria Holm (Rektor, mottagande skola; Rektor,
 * avlämnande skola)", or the role without a contact.
 */
static void
print_group_head(struct report *r, const struct report_group *g)
{
	size_t k;

	fputs(colour_start(r->out, COLOUR_HEADING), r->out);
	if (g->name == NULL) {
		text_put(r->out, g->roles[0].role);
		fprintf(r->out, " %s%s\n", _("(no contact given)"),
		    colour_end(r->out));
		return;
	}
	text_put(r->out, g->name);
	fputs(" (", r->out);
	for (k = 0; k < g->nroles; k++) {
		fputs(k > 0 ? "; " : "", r->out);
		text_put(r->out, g->roles[k].role);
	}
	fprintf(r->out, ")%s\n", colour_end(r->out));
}

static void
print_item(struct report *r, const struct agenda_item *it,
    const char *case_id, const char *file, size_t w)
{
	char due[11];

	fputs("  ", r->out);
	layout_pad(r->out, case_id, w);
	layout_pad(r->out, it->step->id, 16);
	due[0] = '\0';
	if (it->due != DATE_NONE)
		date_format(it->due, due);
	layout_pad(r->out, due, 11);
	overdue_cell(r->out, it->overdue);
	text_put(r->out, it->step->title);
	fputs("  (", r->out);
	text_put(r->out, file);
	fputs(")\n", r->out);
}

/*
 * The agenda read back from the spill in order: groups (persons first),
 * files, steps.  0, or -1 after reporting (FAIL_IO).
 */
static int
print_agenda(struct report *r)
{
	struct strbuf group = STRBUF_INIT;
	struct agenda_item it;
	const char *key, *data;
	size_t klen, dlen, w = id_width(r->widest);
	int got, first = 1;

	if (r->agenda == NULL)
		return 0;
	if (spill_sort(r->agenda) != 0)
		return -1;
	while ((got = spill_next(r->agenda, &key, &klen, &data, &dlen)) ==
	    1) {
		if (first || strcmp(group.buf, key) != 0) {	/* at its NUL */
			fputs(first ? "" : "\n", r->out);
			strbuf_reset(&group);
			strbuf_addstr(&group, key);
			print_group_head(r, find_group(r, key, NULL, 0));
			first = 0;
		}
		memcpy(&it, data, sizeof(it));
		print_item(r, &it, data + sizeof(it), key + group.len + 1, w);
	}
	strbuf_release(&group);
	return got;
}

static void
print_counts(struct report *r, const char *label,
    const struct report_count *t, size_t n)
{
	size_t i;

	fputs(colour_start(r->out, COLOUR_HEADING), r->out);
	layout_pad(r->out, label, SUMMARY_COLUMN);
	fputs(colour_end(r->out), r->out);
	for (i = 0; i < n; i++) {
		fputs(i ? " · " : "", r->out);
		text_put(r->out, t[i].key);
		fprintf(r->out, " %zu", t[i].n);
		if (t[i].overdue > 0) {
			fprintf(r->out, " %s", colour_start(r->out,
			    COLOUR_LATE));
			/* TRANSLATORS: how many of a phase's or owner's. */
			fprintf(r->out, _("(overdue: %zu)"), t[i].overdue);
			fputs(colour_end(r->out), r->out);
		}
	}
	fputs(n == 0 ? "–\n" : "\n", r->out);
}

/* Phases in their models' order, models as first seen; Klart last. */
static int
compare_places(const void *a, const void *b)
{
	const struct report_count *x = a, *y = b;

	if (x->model != y->model)
		return x->model < y->model ? -1 : 1;
	return x->phase < y->phase ? -1 : x->phase > y->phase;
}

/*
 * Under a filter, what the figures below count: "Urval: ansvarig Maria
 * Holm · senast 2026-11-30".
 */
static void
print_selection(struct report *r)
{
	struct strbuf sb = STRBUF_INIT;

	report_selection(r, &sb);
	if (sb.len > 0) {
		/* TRANSLATORS: the labels of the report's summary. */
		fputs(colour_start(r->out, COLOUR_HEADING), r->out);
		layout_pad(r->out, _("Selection:"), SUMMARY_COLUMN);
		fputs(colour_end(r->out), r->out);
		text_put(r->out, sb.buf);
		fputc('\n', r->out);
	}
	strbuf_release(&sb);
}

int
report_end(struct report *r)
{
	struct xlsx *x = r->xlsx;

	if (r->format == REPORT_HTML)
		return html_report_end(r->html, r);
	if (r->format == REPORT_XLSX) {
		xlsx_persons(r);
		xlsx_about(r);
		r->xlsx = NULL;
		return xlsx_close(x, r->out);
	}
	if (r->format != REPORT_TEXT)
		return 0;
	if (r->by_owner && print_agenda(r) != 0)
		return -1;
	fputc('\n', r->out);
	print_selection(r);
	fprintf(r->out, _("Cases: %zu, %zu of them complete. Overdue steps: "
	    "%zu.\n"), r->cases, r->complete, r->overdue_steps);
	if (r->nphases > 0)
		qsort(r->phases, r->nphases, sizeof(*r->phases),
		    compare_places);
	print_counts(r, _("By phase:"), r->phases, r->nphases);
	print_counts(r, _("By owner:"), r->owners, r->nowners);
	return 0;
}

void
report_release(struct report *r)
{
	struct report_group *g;
	size_t i, k;

	for (i = 0; i < r->nphases; i++)
		free(r->phases[i].key);
	for (i = 0; i < r->nowners; i++)
		free(r->owners[i].key);
	for (i = 0; i < r->nmodels; i++)
		free(r->models[i]);
	for (i = 0; i < r->ngroups; i++) {
		g = &r->groups[i];
		for (k = 0; k < g->nroles; k++) {
			free(g->roles[k].role);
			free(g->roles[k].name);
		}
		free(g->roles);
		free(g->key);
		free(g->name);
	}
	free(r->groups);
	free(r->slots);
	r->groups = NULL;
	r->slots = NULL;
	r->ngroups = r->capgroups = r->nslots = 0;
	spill_free(r->agenda);
	r->agenda = NULL;
	xlsx_free(r->xlsx);
	r->xlsx = NULL;
	html_report_free(r->html);
	r->html = NULL;
	free(r->phases);
	free(r->owners);
	free(r->models);
	r->phases = r->owners = NULL;
	r->models = NULL;
	r->nphases = r->nowners = r->nmodels = 0;
}
