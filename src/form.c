/* A step's form filled from a case: text, Markdown and HTML. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "form.h"
#include "html.h"
#include "i18n.h"
#include "layout.h"
#include "personnummer.h"
#include "strbuf.h"
#include "text.h"
#include "words.h"
#include "xalloc.h"

/* TRANSLATORS: the header of every form; OSL is the Swedish secrecy act */
static const char *const secrecy = N_("Contains information that may be "
    "confidential (OSL chapter 26)");
/* What stands for a case value that looks like a personnummer. */
static const char *const hidden =
    N_("(hidden: looks like a personnummer)");
/* TRANSLATORS: a form field the case has no value for (a name, a
 * school): one word that suits any of them. */
static const char *const unnamed = N_("(not given)");
/* What stands for where a protected child lives or goes to school. */
static const char *const guarded = N_("(protected – to be filled in by "
    "hand if needed)");
static const char *const contacts_field = N_("Agreed contacts (name, "
    "role, phone or e-mail)");

/* A term and its value; case values are escaped the strictest way. */
struct entry {
	const char	*term, *value;	/* value NULL: unknown */
	int		 from_case;
};

/* Everything a form shows, gathered once for the three formats. */
struct filled {
	const struct case_state	 *st;
	const struct step	 *s;
	const struct form	 *f;
	size_t			  i;		/* the step's index */
	struct entry		  facts[8], step[6], *contacts;
	size_t			  nfacts, nstep, ncontacts;
	size_t			 *signers;	/* role indexes */
	size_t			  nsigners;
	const struct warning	**warn;
	size_t			  nwarn;
	char			  state[48], printed[11];
	int			  before_shift;	/* the step's view of facts */
	int			  guarded;	/* child.protected */
};

/*
 * The roles whose names tell where a protected child lives or goes to
 * school: the receiving school and its huvudman, and the SiS ungdomshem.
 */
static const char *const revealing[] = {
	"rektor-mottagande", "huvudman-mottagande", "sis",
};
/* Once the schools have shifted the placement's school is the sending. */
static const char shifted_revealing[] = "rektor-avlamnande";

/* A case value as it may be shown: never one that looks like a pnr. */
static const char *
shown(const char *value)
{
	return value != NULL && pnr_find(value) ? _(hidden) : value;
}

/* Whether the step sees the schools as they are after the shift. */
static int
shifted(const struct filled *fl)
{
	return !fl->before_shift && fl->st->c->shift != CASE_NO_SHIFT;
}

static int
reveals(const struct filled *fl, size_t r)
{
	size_t k;

	if (!fl->guarded)
		return 0;
	if (shifted(fl) && strcmp(fl->st->m->roles[r].id,
	    shifted_revealing) == 0)
		return 1;
	for (k = 0; k < sizeof(revealing) / sizeof(revealing[0]); k++)
		if (strcmp(fl->st->m->roles[r].id, revealing[k]) == 0)
			return 1;
	return 0;
}

/*
 * The name of role r as the step sees it, or guarded when it would tell
 * where a protected child is; NULL when none is named.
 */
static const char *
person(const struct filled *fl, size_t r)
{
	const char *name = state_step_contact(fl->st, fl->i, r);

	return name != NULL && reveals(fl, r) ? _(guarded) : name;
}

/* A case value or guarded, which is ours and not escaped as the case's. */
static int
from_case(const char *value)
{
	return value == NULL || strcmp(value, _(guarded)) != 0;
}

static void
add(struct entry *e, size_t *n, const char *term, const char *value,
    int from_case)
{
	int pnr = from_case && value != NULL && pnr_find(value);

	e[*n].term = term;
	e[*n].value = pnr ? _(hidden) : value;
	/* what stands for a hidden value is ours: escaped as ours */
	e[*n].from_case = from_case && !pnr;
	(*n)++;
}

/*
 * A fact as the step sees it: a step of the placement sees the schools
 * as they were before they shifted at its end, as its owner does.
 */
static const char *
fact(const struct filled *fl, const char *path)
{
	return fl->before_shift ? case_fact_before_shift(fl->st->c, path) :
	    case_fact(fl->st->c, path);
}

static const char *
worded(const struct filled *fl, const char *path)
{
	const char *v = fact(fl, path);

	return v != NULL ? words_value(path, v) : NULL;
}

/* "done 2026-11-18", "now, overdue", "not applicable": as status says it. */
static void
state_words(char *buf, size_t len, const struct step_status *ss)
{
	char date[11] = "";
	const char *word;

	if (ss->closed != NULL && !ss->again)
		date_format(ss->closed->date, date);
	if (ss->missed)
		snprintf(buf, len, "%s", _("missed"));
	else if (ss->state == STEP_DONE && !ss->again)
		/* TRANSLATORS: a step's state and the day it was done */
		snprintf(buf, len, _("done %s"), date);
	else if (ss->state == STEP_SKIPPED)
		snprintf(buf, len, _("skipped %s"), date);
	else if (ss->state == STEP_NA)
		snprintf(buf, len, "%s", _("not applicable"));
	else {
		word = ss->ready ? _("now") : _("waiting");
		if (ss->overdue)
			/* TRANSLATORS: %s is a step's state: now or waiting */
			snprintf(buf, len, _("%s, overdue"), word);
		else
			snprintf(buf, len, "%s", word);
	}
}

static void
gather_facts(struct filled *fl)
{
	const struct casefile *c = fl->st->c;
	const char *v, *type = case_fact(c, "placement.type");
	/* At SiS the schools are named as SiSam names them. */
	int sis = type != NULL && strcmp(type, "sis") == 0;

	add(fl->facts, &fl->nfacts, _("Case"), c->id, 1);
	add(fl->facts, &fl->nfacts, _("School form"), worded(fl,
	    "school.form"), 0);
	add(fl->facts, &fl->nfacts, _("Placement"), worded(fl,
	    "placement.type"), 0);
	add(fl->facts, &fl->nfacts, _("Placement date"),
	    case_fact(c, "placement.date"), 0);
	add(fl->facts, &fl->nfacts, _("End date"),
	    case_fact(c, "placement.end"), 0);
	if ((v = fact(fl, "school.sending")) != NULL && fl->guarded &&
	    shifted(fl))
		v = _(guarded);
	add(fl->facts, &fl->nfacts, sis ? _("Home school") :
	    _("Sending school"), v, from_case(v));
	if ((v = fact(fl, "school.receiving")) != NULL && fl->guarded)
		v = _(guarded);
	add(fl->facts, &fl->nfacts, sis ? _("School at the youth home") :
	    _("Receiving school"), v, from_case(v));
}

/* Who recorded a step, unless it is a name the form keeps back. */
static const char *
guarded_by(const struct filled *fl, const char *by)
{
	const char *name;
	size_t r;

	for (r = 0; by != NULL && r < fl->st->m->nroles; r++)
		if (reveals(fl, r) && (name = state_step_contact(fl->st,
		    fl->i, r)) != NULL && strcmp(name, by) == 0)
			return _(guarded);
	return by;
}

static void
gather_step(struct filled *fl, size_t i, char *due)
{
	const struct case_state *st = fl->st;
	const struct step_status *ss = &st->steps[i];
	const struct model *m = st->m;
	size_t owner = state_owner_role(st, i);
	const char *name = person(fl, owner);

	add(fl->step, &fl->nstep, _("Owner"), m->roles[owner].title, 0);
	add(fl->step, &fl->nstep, _("Name"), name, from_case(name));
	if (ss->due != DATE_NONE && ss->state != STEP_NA)
		date_format(ss->due, due);
	add(fl->step, &fl->nstep, _("Due"), *due != '\0' ? due : NULL, 0);
	state_words(fl->state, sizeof(fl->state), ss);
	add(fl->step, &fl->nstep, _("State"), fl->state, 0);
	if (ss->closed != NULL && !ss->again) {
		name = guarded_by(fl, ss->closed->by);
		add(fl->step, &fl->nstep, _("Done by"), name, from_case(name));
	}
	if (ss->closed != NULL && ss->closed->reason != NULL)
		add(fl->step, &fl->nstep, _("Reason"), ss->closed->reason, 1);
}

static int
signs(const struct filled *fl, size_t r)
{
	size_t k;

	for (k = 0; k < fl->nsigners; k++)
		if (fl->signers[k] == r)
			return 1;
	return 0;
}

/*
 * The roles that sign: the form's, or else the step's owner.  The owner
 * signs as state_owner_role() resolves it, the one the owner block
 * shows: its fallback when the owner has no contact.  The contacts:
 * every role that signs or owns the step, and every other one the case
 * names, in the model's order.
 */
static void
gather_people(struct filled *fl, size_t i)
{
	const struct model *m = fl->st->m;
	const struct form *f = fl->f;
	size_t k, r, owner = state_owner_role(fl->st, i);
	const char *name;

	fl->signers = xcalloc(f->nsigned + 1, sizeof(*fl->signers));
	for (k = 0; k < f->nsigned; k++) {
		r = model_role_index(m, f->signed_by[k]);
		if (r == fl->s->owner)
			r = owner;
		if (r != NO_INDEX && !signs(fl, r))
			fl->signers[fl->nsigners++] = r;
	}
	if (fl->nsigners == 0)
		fl->signers[fl->nsigners++] = owner;
	fl->contacts = xcalloc(m->nroles + 1, sizeof(*fl->contacts));
	for (r = 0; r < m->nroles; r++) {
		name = person(fl, r);
		if (name != NULL || r == owner || signs(fl, r))
			add(fl->contacts, &fl->ncontacts, m->roles[r].title,
			    name, from_case(name));
	}
}

static void
gather(struct filled *fl, const struct case_state *st, size_t i, char *due)
{
	size_t k;

	memset(fl, 0, sizeof(*fl));
	fl->st = st;
	fl->s = &st->m->steps[i];
	fl->f = fl->s->form;
	fl->i = i;
	fl->before_shift = state_step_before_shift(st, i);
	fl->guarded = strcmp(case_fact(st->c, "child.protected"), "false") != 0;
	gather_facts(fl);
	gather_step(fl, i, due);
	gather_people(fl, i);
	fl->warn = xcalloc(fl->s->nwarn + 1, sizeof(*fl->warn));
	for (k = 0; k < fl->s->nwarn; k++)
		if ((fl->warn[fl->nwarn] = state_warning(st, i, k)) != NULL)
			fl->nwarn++;
	date_format(st->today, fl->printed);
}

/*
 * The name of the k-th signer, as it may be shown, or NULL: a name kept
 * back from a protected case's form is written by hand.
 */
static const char *
signer(const struct filled *fl, size_t k)
{
	if (reveals(fl, fl->signers[k]))
		return NULL;
	return shown(state_step_contact(fl->st, fl->i, fl->signers[k]));
}

static void
release(struct filled *fl)
{
	free(fl->signers);
	free(fl->contacts);
	free(fl->warn);
}

static const char *const not_applicable = N_("Note: by the case's facts "
    "the step does not apply to this case.  Check the facts before the "
    "form is sent.");

/* TRANSLATORS: under a signature line with no name: write it clearly */
static const char *const name_in_print = N_("Name in block letters:");

/* Text, for an e-mail: 78 columns, escaped as everywhere else. */

static void
text_rule(FILE *fp, const char *title)
{
	size_t n = text_width(title);

	text_put(fp, title);
	fputc('\n', fp);
	while (n-- > 0)
		fputc('=', fp);
	fputc('\n', fp);
}

static void
text_entries(FILE *fp, const char *heading, const struct entry *e, size_t n)
{
	size_t k, w = 0;

	fprintf(fp, "\n%s\n", heading);
	for (k = 0; k < n; k++)
		if (text_width(e[k].term) + 1 > w)
			w = text_width(e[k].term) + 1;
	for (k = 0; k < n; k++) {
		fputs("  ", fp);
		text_put(fp, e[k].term);
		fputc(':', fp);
		layout_pad(fp, "", w - text_width(e[k].term) + 1);
		layout_wrap(fp, e[k].value != NULL ? e[k].value :
		    e[k].from_case ? _(unnamed) : "–", w + 3, w + 3);
	}
}

static void
text_list_of(FILE *fp, const char *heading, const char **items, size_t n,
    const char *mark)
{
	size_t k;

	if (n == 0)
		return;
	fprintf(fp, "\n%s\n", heading);
	for (k = 0; k < n; k++) {
		fprintf(fp, "  %s ", mark);
		layout_wrap(fp, items[k], 4, 4);
	}
}

static void
text_blank(FILE *fp, const char *label, int lines)
{
	fputc('\n', fp);
	layout_wrap(fp, label, 0, 0);
	while (lines-- > 0)
		fputs("  ____________________________________________________"
		    "________________\n", fp);
}

/* "Label: " and text wrapped after it, its lines indented by indent. */
static void
text_labelled(FILE *fp, const char *label, const char *text, size_t indent)
{
	fputs(label, fp);
	fputc(' ', fp);
	layout_wrap(fp, text, text_width(label) + 1, indent);
}

static void
text_form(FILE *fp, const struct filled *fl)
{
	const struct model *m = fl->st->m;
	struct strbuf line = STRBUF_INIT;
	size_t k;

	fprintf(fp, "%s\n\n", _(secrecy));
	text_rule(fp, fl->f->title);
	/* TRANSLATORS: the model, the step's id, the day the form was made */
	strbuf_addf(&line, _("%s · step %s · printed %s"), m->title,
	    fl->s->id, fl->printed);
	layout_wrap(fp, line.buf, 0, 0);
	strbuf_release(&line);
	if (fl->f->about != NULL) {
		fputc('\n', fp);
		layout_wrap(fp, fl->f->about, 0, 0);
	}
	if (fl->st->steps[fl->s - m->steps].state == STEP_NA) {
		fputc('\n', fp);
		layout_wrap(fp, _(not_applicable), 0, 0);
	}
	for (k = 0; k < fl->nwarn; k++) {
		fputc('\n', fp);
		text_labelled(fp, _("Warning:"), fl->warn[k]->text, 2);
	}
	text_entries(fp, _("The case"), fl->facts, fl->nfacts);
	fputc('\n', fp);
	/* TRANSLATORS: before the step's title */
	text_labelled(fp, _("The step:"), fl->s->title, 2);
	fputs("  ", fp);
	layout_wrap(fp, fl->s->why, 2, 2);
	text_entries(fp, _("Owner and state"), fl->step, fl->nstep);
	text_list_of(fp, _("To do"), fl->s->what, fl->s->nwhat, "☐");
	text_list_of(fp, _("Legal basis"), fl->s->law, fl->s->nlaw, "-");
	text_entries(fp, _("Contacts"), fl->contacts, fl->ncontacts);
	fprintf(fp, "\n%s\n", _("To fill in by hand"));
	for (k = 0; k < fl->f->nfields; k++)
		text_blank(fp, fl->f->fields[k].label, fl->f->fields[k].lines);
	text_blank(fp, _(contacts_field), 2);
	text_blank(fp, _("Date and place"), 1);
	fprintf(fp, "\n%s\n", _("Signatures"));
	for (k = 0; k < fl->nsigners; k++) {
		fputs("\n\n  ________________________________________\n  ", fp);
		text_put(fp, m->roles[fl->signers[k]].title);
		fputs("\n  ", fp);
		text_put(fp, signer(fl, k) != NULL ? signer(fl, k) :
		    _(name_in_print));
		fputc('\n', fp);
	}
}

/* Markdown, for an e-mail that renders it and for one that does not. */

/*
 * The characters that can make markup: emphasis, code, links, images,
 * HTML, tables, strike-through, entities and escapes themselves.
 */
static const char md_markup[] = "\\`*_[]<>|&~!";

/*
 * In a case value also what autolinks ("http://", "www.", a@b): an
 * address with its ':', '.' or '@' escaped is text.
 */
static const char md_link[] = ":.@";

static void
md_escaped_n(FILE *fp, const char *s, size_t n, int from_case)
{
	size_t i = 0, len;
	unsigned long cp;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (text_next(s + i, n - i, &len, &cp) != TEXT_PLAIN) {
			/* its escape, with the backslash escaped in turn */
			fputs("\\\\", fp);
			text_putn(fp, s + i, len);
			i += len;
			continue;
		}
		if (c != '\0' && (strchr(md_markup, c) != NULL ||
		    (from_case && strchr(md_link, c) != NULL)))
			fputc('\\', fp);
		fwrite(s + i, 1, len, fp);
		i += len;
	}
}

static void
md_escaped(FILE *fp, const char *s, int from_case)
{
	md_escaped_n(fp, s, strlen(s), from_case);
}

/*
 * A translated sentence whose %s are args in turn, as html_put_format()
 * writes it: the words escaped, each arg's text escaped as ours between
 * its open and close, which are markup.
 */
static void
md_put_format(FILE *fp, const char *fmt, const struct html_arg *args,
    size_t n)
{
	const char *p;
	size_t k;

	for (k = 0; k < n && (p = strstr(fmt, "%s")) != NULL; k++) {
		md_escaped_n(fp, fmt, (size_t)(p - fmt), 0);
		fputs(args[k].open, fp);
		md_escaped(fp, args[k].text, 0);
		fputs(args[k].close, fp);
		fmt = p + 2;
	}
	md_escaped(fp, fmt, 0);
}

void
form_md_put(FILE *fp, const char *s)
{
	md_escaped(fp, s, 1);
}

static void
md_entries(FILE *fp, const char *heading, const struct entry *e, size_t n,
    const char *level)
{
	size_t k;

	fprintf(fp, "\n%s %s\n\n", level, heading);
	for (k = 0; k < n; k++) {
		fputs("- **", fp);
		md_escaped(fp, e[k].term, 0);
		fputs(":** ", fp);
		md_escaped(fp, e[k].value != NULL ? e[k].value :
		    e[k].from_case ? _(unnamed) : "–", e[k].from_case);
		fputc('\n', fp);
	}
}

static void
md_list(FILE *fp, const char *heading, const char **items, size_t n,
    const char *mark)
{
	size_t k;

	if (n == 0)
		return;
	fprintf(fp, "\n### %s\n\n", heading);
	for (k = 0; k < n; k++) {
		fprintf(fp, "- %s", mark);
		md_escaped(fp, items[k], 0);
		fputc('\n', fp);
	}
}

/* Lines to write on: an indented code block, the same as text or markup. */
static void
md_blank(FILE *fp, const char *label, int lines)
{
	fputs("\n**", fp);
	md_escaped(fp, label, 0);
	fputs("**\n\n", fp);
	while (lines-- > 0)
		fputs("    ____________________________________________________"
		    "________________\n", fp);
}

static void
md_form(FILE *fp, const struct filled *fl)
{
	const struct model *m = fl->st->m;
	const struct html_arg line[3] = {
		{ "", m->title, "" }, { "`", fl->s->id, "`" },
		{ "", fl->printed, "" },
	};
	const char *name;
	size_t k;

	fprintf(fp, "**%s**\n\n# ", _(secrecy));
	md_escaped(fp, fl->f->title, 0);
	fputs("\n\n", fp);
	md_put_format(fp, _("%s · step %s · printed %s"), line, 3);
	fputc('\n', fp);
	if (fl->f->about != NULL) {
		fputc('\n', fp);
		md_escaped(fp, fl->f->about, 0);
		fputc('\n', fp);
	}
	if (fl->st->steps[fl->s - m->steps].state == STEP_NA)
		fprintf(fp, "\n**%s**\n", _(not_applicable));
	for (k = 0; k < fl->nwarn; k++) {
		fprintf(fp, "\n> **%s** ", _("Warning:"));
		md_escaped(fp, fl->warn[k]->text, 0);
		fputc('\n', fp);
	}
	md_entries(fp, _("The case"), fl->facts, fl->nfacts, "##");
	fprintf(fp, "\n## %s ", _("The step:"));
	md_escaped(fp, fl->s->title, 0);
	fputs("\n\n", fp);
	md_escaped(fp, fl->s->why, 0);
	fputc('\n', fp);
	md_entries(fp, _("Owner and state"), fl->step, fl->nstep, "###");
	md_list(fp, _("To do"), fl->s->what, fl->s->nwhat, "☐ ");
	md_list(fp, _("Legal basis"), fl->s->law, fl->s->nlaw, "");
	md_entries(fp, _("Contacts"), fl->contacts, fl->ncontacts, "##");
	fprintf(fp, "\n## %s\n", _("To fill in by hand"));
	for (k = 0; k < fl->f->nfields; k++)
		md_blank(fp, fl->f->fields[k].label, fl->f->fields[k].lines);
	md_blank(fp, _(contacts_field), 2);
	md_blank(fp, _("Date and place"), 1);
	fprintf(fp, "\n## %s\n", _("Signatures"));
	for (k = 0; k < fl->nsigners; k++) {
		fputs("\n\n    ________________________________________\n\n",
		    fp);
		md_escaped(fp, m->roles[fl->signers[k]].title, 0);
		if ((name = signer(fl, k)) != NULL) {
			fputs("  \n", fp);
			md_escaped(fp, name, 1);
		}
		fputc('\n', fp);
	}
}

/* HTML: one self-contained page that prints on one or two A4 sheets. */

/*
 * Lines to write on and tick boxes are borders, which print, not
 * backgrounds, which browsers leave out on paper.  A field, a signature
 * and a heading with what follows it are never split over two pages;
 * the form's sections follow each other on the page (the status page
 * starts each on a new one).
 */
static const char form_style[] =
    ".secret{font-weight:bold;border:2px solid #111;padding:.3rem .6rem;"
    "margin:.5rem 0}\n"
    "ul.boxes{list-style:none;padding-left:0}\n"
    "ul.boxes li{display:flex;gap:.6rem;margin:.25rem 0}\n"
    ".box{flex:none;width:.85rem;height:.85rem;border:1.5px solid #111;"
    "margin-top:.2rem}\n"
    ".field{margin:.6rem 0;break-inside:avoid}\n"
    ".field p{margin:0;font-weight:bold}\n"
    ".line{border-bottom:1px solid #111;height:1.8rem}\n"
    ".signs{display:grid;grid-template-columns:repeat(auto-fill,"
    "minmax(16rem,1fr));gap:1.5rem 3rem;margin-top:1rem}\n"
    ".sign{break-inside:avoid}\n"
    ".sign .line{height:3rem}\n"
    ".sign p{margin:.2rem 0 0}\n"
    "h2,h3{break-after:avoid}\n"
    "#underskrifter{break-inside:avoid}\n"
    "@media print{body{font-size:10pt}"
    "section+section{break-before:auto}"
    "h2{margin-top:1rem}.line{height:1.5rem}}\n";

/*
 * A case value inside a CSS string: every ASCII character but letters,
 * digits, '-', '_', '.' and space as its escape, so that no quote,
 * backslash, newline or "</style>" ends the string or the sheet.
 */
static void
css_string_add(struct strbuf *sb, const char *s)
{
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c >= 0x80 || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-_. ", c) != NULL)
			strbuf_addf(sb, "%c", c);
		else
			strbuf_addf(sb, "\\%x ", c);
	}
}

/*
 * Our own words inside a CSS string: only what would end the string or
 * the sheet escaped, so that they stay readable in the page's source.
 */
static void
css_words_add(struct strbuf *sb, const char *s, size_t n)
{
	unsigned char c;
	size_t i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || strchr("\"\\<>", c) != NULL)
			strbuf_addf(sb, "\\%x ", c);
		else
			strbuf_addch(sb, (char)c);
	}
}

/*
 * A translated "Page %s of %s" as CSS content: its words as strings
 * between the counters of the page and of the pages.
 */
static void
css_page_add(struct strbuf *sb, const char *fmt)
{
	static const char *const counters[] = {
		"counter(page)", "counter(pages)",
	};
	const char *p, *sep = "";
	size_t k = 0, n;

	while (*fmt != '\0') {
		p = k < 2 ? strstr(fmt, "%s") : NULL;
		n = p != NULL ? (size_t)(p - fmt) : strlen(fmt);
		if (n > 0) {
			strbuf_addf(sb, "%s\"", sep);
			css_words_add(sb, fmt, n);
			strbuf_addch(sb, '"');
			sep = " ";
		}
		if (p == NULL)
			break;
		strbuf_addf(sb, "%s%s", sep, counters[k++]);
		sep = " ";
		fmt = p + 2;
	}
}

/*
 * The form's style, and on every printed page the case id, the secrecy
 * line and "Page N of M" in the page's margin, so that a page that comes
 * loose still says whose it is and what it holds.
 */
static void
html_style(struct strbuf *sb, const struct filled *fl)
{
	const char *fmt = _("Case %s"), *p = strstr(fmt, "%s");

	strbuf_addf(sb, "%s@page{@bottom-left{content:\"", form_style);
	if (p == NULL)
		p = fmt + strlen(fmt);
	css_words_add(sb, fmt, (size_t)(p - fmt));
	css_string_add(sb, shown(fl->st->c->id));
	if (*p != '\0')
		css_words_add(sb, p + 2, strlen(p + 2));
	strbuf_addstr(sb, " · ");
	css_words_add(sb, _(secrecy), strlen(_(secrecy)));
	strbuf_addstr(sb, "\";font-size:8pt}@bottom-right{content:");
	/* TRANSLATORS: in the margin of a printed form: page 1 of 2 */
	css_page_add(sb, _("Page %s of %s"));
	strbuf_addstr(sb, ";font-size:8pt}}\n");
}

static void
html_entries(FILE *fp, const char *id, const char *heading,
    const struct entry *e, size_t n)
{
	size_t k;

	html_section(fp, id, heading);
	fputs("<dl class=\"facts\">\n", fp);
	for (k = 0; k < n; k++) {
		fputs("<dt>", fp);
		html_put(fp, e[k].term);
		fputs("</dt><dd>", fp);
		html_put(fp, e[k].value != NULL ? e[k].value :
		    e[k].from_case ? _(unnamed) : "–");
		fputs("</dd>\n", fp);
	}
	fputs("</dl>\n", fp);
	html_section_end(fp);
}

static void
html_list(FILE *fp, const char *heading, const char **items, size_t n,
    int boxes)
{
	size_t k;

	if (n == 0)
		return;
	fputs("<h3>", fp);
	html_put(fp, heading);
	fputs(boxes ? "</h3>\n<ul class=\"boxes\">\n" : "</h3>\n<ul>\n", fp);
	for (k = 0; k < n; k++) {
		fputs(boxes ? "<li><span class=\"box\" aria-hidden=\"true\">"
		    "</span><span>" : "<li>", fp);
		html_put(fp, items[k]);
		fputs(boxes ? "</span></li>\n" : "</li>\n", fp);
	}
	fputs("</ul>\n", fp);
}

static void
html_blank(FILE *fp, const char *label, int lines)
{
	fputs("<div class=\"field\"><p>", fp);
	html_put(fp, label);
	fputs("</p>\n", fp);
	while (lines-- > 0)
		fputs("<div class=\"line\"></div>\n", fp);
	fputs("</div>\n", fp);
}

static void
html_head(FILE *fp, const struct filled *fl)
{
	const struct model *m = fl->st->m;
	const struct html_arg line[3] = {
		{ "", m->title, "" }, { "<code>", fl->s->id, "</code>" },
		{ "", fl->printed, "" },
	};
	size_t k;

	fputs("<p class=\"secret\" role=\"note\">", fp);
	html_put(fp, _(secrecy));
	fputs("</p>\n<header>\n<h1>", fp);
	html_put(fp, fl->f->title);
	fputs("</h1>\n<p>", fp);
	html_put_format(fp, _("%s · step %s · printed %s"), line, 3);
	fputs("</p>\n", fp);
	if (fl->f->about != NULL) {
		fputs("<p>", fp);
		html_put(fp, fl->f->about);
		fputs("</p>\n", fp);
	}
	fputs("</header>\n", fp);
	if (fl->st->steps[fl->s - m->steps].state == STEP_NA) {
		fputs("<p class=\"warn\" role=\"note\">", fp);
		html_put(fp, _(not_applicable));
		fputs("</p>\n", fp);
	}
	for (k = 0; k < fl->nwarn; k++) {
		fputs("<p class=\"warn\" role=\"note\"><strong>", fp);
		html_put(fp, _("Warning:"));
		fputs("</strong> ", fp);
		html_put(fp, fl->warn[k]->text);
		fputs("</p>\n", fp);
	}
}

static void
html_form(FILE *fp, const struct filled *fl)
{
	const struct model *m = fl->st->m;
	struct strbuf style = STRBUF_INIT;
	size_t k;

	html_style(&style, fl);
	html_begin_style(fp, fl->f->title, style.buf);
	strbuf_release(&style);
	html_head(fp, fl);
	html_entries(fp, "arendet", _("The case"), fl->facts, fl->nfacts);
	fputs("<section id=\"steget\" aria-labelledby=\"steget-h\">\n"
	    "<h2 id=\"steget-h\">", fp);
	html_put(fp, _("The step:"));
	fputc(' ', fp);
	html_put(fp, fl->s->title);
	fputs("</h2>\n<p>", fp);
	html_put(fp, fl->s->why);
	fputs("</p>\n<dl class=\"facts\">\n", fp);
	for (k = 0; k < fl->nstep; k++) {
		fputs("<dt>", fp);
		html_put(fp, fl->step[k].term);
		fputs("</dt><dd>", fp);
		html_put(fp, fl->step[k].value != NULL ? fl->step[k].value :
		    fl->step[k].from_case ? _(unnamed) : "–");
		fputs("</dd>\n", fp);
	}
	fputs("</dl>\n", fp);
	html_list(fp, _("To do"), fl->s->what, fl->s->nwhat, 1);
	html_list(fp, _("Legal basis"), fl->s->law, fl->s->nlaw, 0);
	html_section_end(fp);
	html_entries(fp, "kontakter", _("Contacts"), fl->contacts,
	    fl->ncontacts);
	html_section(fp, "ifyllnad", _("To fill in by hand"));
	for (k = 0; k < fl->f->nfields; k++)
		html_blank(fp, fl->f->fields[k].label, fl->f->fields[k].lines);
	html_blank(fp, _(contacts_field), 2);
	html_section_end(fp);
	html_section(fp, "underskrifter", _("Signatures"));
	html_blank(fp, _("Date and place"), 1);
	fputs("<div class=\"signs\">\n", fp);
	for (k = 0; k < fl->nsigners; k++) {
		fputs("<div class=\"sign\"><div class=\"line\"></div><p>", fp);
		html_put(fp, m->roles[fl->signers[k]].title);
		fputs("<br>", fp);
		html_put(fp, signer(fl, k) != NULL ? signer(fl, k) :
		    _(name_in_print));
		fputs("</p></div>\n", fp);
	}
	fputs("</div>\n", fp);
	html_section_end(fp);
	html_end(fp);
}

void
form_write(FILE *fp, const struct case_state *st, size_t i,
    enum form_format format)
{
	struct filled fl;
	char due[11] = "";

	gather(&fl, st, i, due);
	switch (format) {
	case FORM_TEXT:
		text_form(fp, &fl);
		break;
	case FORM_MD:
		md_form(fp, &fl);
		break;
	case FORM_HTML:
		html_form(fp, &fl);
		break;
	}
	release(&fl);
}

size_t
form_list(FILE *fp, const struct case_state *st)
{
	const struct model *m = st->m;
	struct strbuf head = STRBUF_INIT;
	char state[48];
	size_t i, n = 0, w = 0;

	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].form != NULL && strlen(m->steps[i].id) > w)
			w = strlen(m->steps[i].id);
	for (i = 0; i < m->nsteps; i++) {
		if (m->steps[i].form == NULL)
			continue;
		if (n++ == 0) {
			/* TRANSLATORS: the case's id and its model */
			strbuf_addf(&head, _("Forms for case %s (%s):"),
			    shown(st->c->id), m->title);
			text_put(fp, head.buf);
			fputc('\n', fp);
		}
		state_words(state, sizeof(state), &st->steps[i]);
		fputs("  ", fp);
		layout_pad(fp, m->steps[i].id, w + 2);
		layout_pad(fp, state, 22);
		text_put(fp, m->steps[i].form->title);
		fputc('\n', fp);
	}
	strbuf_release(&head);
	return n;
}
