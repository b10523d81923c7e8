/* Checks of case files beyond what reading them requires. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "facts.h"
#include "i18n.h"
#include "lint.h"
#include "personnummer.h"
#include "text.h"
#include "xalloc.h"

/*
 * Reports a warning at node n; counts as one problem.  xgettext does not
 * know warn(), so its messages are marked with N_().
 */
#define warn(c, n, ...)							\
	(diag(DIAG_WARNING, (c)->name, (n)->line, (n)->col, __VA_ARGS__), 1)

/* Keys sams does not know: kept in the file, but probably typos. */
static int
unknown_keys(const struct casefile *c)
{
	const struct ynode *root = c->doc.root, *k, *v;
	const struct fact_def *def;
	char path[128];
	size_t i, j;
	int n = 0;

	for (i = 0; i + 1 < root->nkids; i += 2) {
		k = root->kids[i];
		v = root->kids[i + 1];
		/* Keys are never echoed: a typo can be a name. */
		if (case_top_key(k->str) == CASE_KEY_UNKNOWN)
			n += warn(c, k, N_("an unknown key; sams keeps it "
			    "but does not read it"));
		if (v->kind != YN_MAP || case_top_key(k->str) != CASE_KEY_FACTS)
			continue;
		for (j = 0; j + 1 < v->nkids; j += 2) {
			snprintf(path, sizeof(path), "%s.%.40s", k->str,
			    v->kids[j]->str);
			def = fact_lookup(path);
			if (def == NULL)
				n += warn(c, v->kids[j], N_("an unknown fact "
				    "in '%s'; see sams-case(5)"), k->str);
			else if (!def->settable)	/* child.age */
				n += warn(c, v->kids[j], N_("a fact that sams "
				    "computes and does not read; see "
				    "sams-case(5)"));
		}
	}
	return n;
}

/*
 * Dates after today are errors.  Backdating and a step closed twice are
 * information: history is kept in the order it was written (a step done
 * last week is recorded today), and a clean git merge of two branches
 * that both recorded a step leaves two closing events, the first of
 * which counts.  Neither should make check, or a pre-commit hook, fail.
 */
static int
history(const struct casefile *c, const struct model *m, long today)
{
	const struct event *ev, **closed;
	size_t i, k;
	int n = 0;

	closed = xcalloc(m->nsteps + 1, sizeof(*closed));
	for (i = 0; i < c->nevents; i++) {
		ev = &c->events[i];
		if (ev->date > today) {
			error_at(c->name, ev->line, ev->col, "event is dated "
			    "after today");
			n++;
		} else if (i > 0 && ev->date < c->events[i - 1].date)
			info_at(c->name, ev->line, ev->col, "event is dated "
			    "before the one above it (recorded afterwards); "
			    "history keeps the order it was written in");
		if (ev->kind == EV_REPLACE)	/* a new checklist */
			memset(closed, 0, m->nsteps * sizeof(*closed));
		if (ev->step == NULL ||
		    (k = model_step_index(m, ev->step)) == NO_INDEX ||
		    m->steps[k].recurs.base != NULL)
			continue;
		if (ev->kind == EV_REOPEN)
			closed[k] = NULL;
		else if (closed[k] != NULL)
			info_at(c->name, ev->line, ev->col, "step '%s' is "
			    "closed again without a reopen (first at line "
			    "%zu, which counts), as after merging two "
			    "branches that both recorded it; nothing to do, "
			    "or 'sams reopen' it if it is not finished",
			    ev->step, closed[k]->line);
		else
			closed[k] = ev;
	}
	free(closed);
	return n;
}

/* A hand edit can do what sams set refuses: end before the start. */
static int
placement_dates(const struct casefile *c)
{
	const struct fact_value *at = case_fact_source(c, "placement.end");
	long from = case_fact_date(c, "placement.date");
	long to = case_fact_date(c, "placement.end");

	if (at == NULL || from == DATE_NONE || to == DATE_NONE || to >= from)
		return 0;
	diag(DIAG_WARNING, c->name, at->line, at->col, "placement.end lies "
	    "before placement.date: a placement cannot end before it starts");
	return 1;
}

/* A value whose key is not shown: a typo of a key can be a name. */
static const char *
a_value(void)
{
	/* TRANSLATORS: stands for a field in "'%s' looks like a
	   personnummer ...", in quotes. */
	return text_msg(N_("a value"));
}

/*
 * The name of field key under parent if sams or the model defines it, so
 * that a message may show it; else "a value".
 */
static const char *
field_name(const struct model *m, const char *parent, const char *key)
{
	char path[128];

	if (case_top_key(key) != CASE_KEY_UNKNOWN || case_event_key(key))
		return key;
	if (strcmp(parent, "contacts") == 0)
		return model_role_index(m, key) != NO_INDEX ? key : a_value();
	snprintf(path, sizeof(path), "%s.%.40s", parent, key);
	return fact_lookup(path) != NULL ? key : a_value();
}

/* Every value (and key) that looks like a personnummer. */
static int
identity_numbers(const struct casefile *c, const struct model *m,
    const struct ynode *node, const char *field)
{
	size_t i;
	int n = 0;

	if (node->kind == YN_SCALAR) {
		if (pnr_find(node->str))
			n += warn(c, node, N_("'%s' looks like a personnummer "
			    "or samordningsnummer; case files should hold "
			    "pseudonyms, not identity numbers"), field);
		return n;
	}
	for (i = 0; i < node->nkids; i++) {
		if (node->kind == YN_MAP && i % 2 == 1)
			n += identity_numbers(c, m, node->kids[i],
			    field_name(m, field, node->kids[i - 1]->str));
		else
			n += identity_numbers(c, m, node->kids[i], field);
	}
	return n;
}

int
lint_case(const struct casefile *c, const struct model *m, long today)
{
	if (c->doc.root == NULL)
		return 0;
	return unknown_keys(c) + history(c, m, today) + placement_dates(c) +
	    identity_numbers(c, m, c->doc.root, a_value());
}
