/* Case files: facts, the history of events, and appending to it. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case.h"
#include "date.h"
#include "diag.h"
#include "facts.h"
#include "i18n.h"
#include "schema.h"
#include "text.h"
#include "xalloc.h"

enum event_key {
	K_DATE = 1 << 0,
	K_EVENT = 1 << 1,
	K_STEP = 1 << 2,
	K_BY = 1 << 3,
	K_NOTE = 1 << 4,
	K_REASON = 1 << 5,
	K_FACT = 1 << 6,
	K_VALUE = 1 << 7
};

static const struct event_kind_def {
	const char	*name;
	unsigned	 required, allowed;
} event_kinds[EV_COUNT] = {
	[EV_OPENED] = { "opened", K_DATE, K_BY | K_NOTE },
	[EV_DONE] = { "done", K_DATE | K_STEP, K_BY | K_NOTE },
	[EV_SKIP] = { "skip", K_DATE | K_STEP | K_REASON, K_BY },
	[EV_REOPEN] = { "reopen", K_DATE | K_STEP | K_REASON, K_BY },
	[EV_NOTE] = { "note", K_DATE | K_NOTE, K_BY },
	[EV_SET] = { "set", K_DATE | K_FACT | K_VALUE, K_BY },
	[EV_REPLACE] = { "replace", K_DATE | K_VALUE, K_BY | K_NOTE },
};

/* Event keys in the order they are written. */
static const struct event_key_def {
	const char	*name;
	enum event_key	 bit;
} event_keys[] = {
	{ "date", K_DATE }, { "event", K_EVENT }, { "step", K_STEP },
	{ "fact", K_FACT }, { "value", K_VALUE }, { "by", K_BY },
	{ "reason", K_REASON }, { "note", K_NOTE }, { NULL, 0 }
};

struct case_ctx {
	struct casefile	*c;
	size_t		 cap;		/* of c->facts */
};

const char *
event_kind_name(enum event_kind kind)
{
	return event_kinds[kind].name;
}

static void
add_fact(struct case_ctx *ctx, const char *path, const char *value,
    const struct ynode *at)
{
	struct casefile *c = ctx->c;

	if (c->nfacts == ctx->cap) {
		ctx->cap = ctx->cap ? ctx->cap * 2 : 16;
		c->facts = xreallocarray(c->facts, ctx->cap,
		    sizeof(*c->facts));
	}
	c->facts[c->nfacts].path = path;
	c->facts[c->nfacts].plen = strlen(path);
	c->facts[c->nfacts].value = value;
	c->facts[c->nfacts].line = at->line;
	c->facts[c->nfacts].col = at->col;
	c->nfacts++;
}

/* Reads one "key: value" of a fact group such as placement or school. */
static void
read_fact(struct schema *s, struct case_ctx *ctx, const char *group,
    const struct ynode *k, const struct ynode *v)
{
	const struct fact_def *def;
	struct strbuf list = STRBUF_INIT;
	const char *why;
	char *path;

	path = arena_alloc(s->arena, strlen(group) + k->len + 2);
	strcpy(path, group);
	strcat(path, ".");
	strcat(path, k->str);
	def = fact_lookup(path);
	if (def == NULL || !def->settable)
		return;		/* kept as written; "sams check" warns */
	if (ynode_is_null(v) && def->type == FACT_BOOL) {
		/* Never a silent default: "protected:" must not mean false. */
		schema_error(s, v, "'%s' needs true or false", path);
		return;
	}
	if (ynode_is_null(v))
		return;		/* unknown, as if not given */
	if (v->kind != YN_SCALAR) {
		schema_error(s, v, "'%s' must be a single value", path);
		return;
	}
	if (fact_check(def, v->str, &why) == -1) {
		if (def->type == FACT_CHOICE) {
			text_list(&list, def->choices, TEXT_LIST_ALL, N_("or"));
			schema_error(s, v, "'%s' must be %s", path, list.buf);
			strbuf_release(&list);
		} else
			schema_error(s, v, "'%s' is %s", path, why);
		return;
	}
	add_fact(ctx, path, v->str, v);
}

static void
read_group(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	size_t i;

	if (ynode_is_null(v))
		return;
	if (v->kind != YN_MAP) {
		schema_error(s, v, "'%s' must be a mapping", k->str);
		return;
	}
	for (i = 0; i + 1 < v->nkids; i += 2)
		if (!v->kids[i]->dup)	/* yamlio reported it */
			read_fact(s, obj, k->str, v->kids[i], v->kids[i + 1]);
}

SCHEMA_TEXT_KEY(top_id, struct case_ctx, c->id)

static void
top_model(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	const char *id;

	(void)k;
	id = schema_text(s, v, "model");
	/* An id, never a path: "../x" must not reach the file system. */
	if (id != NULL && !schema_is_id(id))
		schema_error(s, v, "'model' must be a model id such as sams "
		    "or sisam (lowercase letters, digits and '-')");
	else
		((struct case_ctx *)obj)->c->model = id;
}

static void
ignore_key(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)s;
	(void)k;
	(void)v;
	(void)obj;
}

static void
top_contacts(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	const struct ynode *role, *name;
	char *path;
	size_t i;

	(void)k;
	if (ynode_is_null(v))
		return;
	if (v->kind != YN_MAP) {
		schema_error(s, v, "'contacts' must map roles to names");
		return;
	}
	for (i = 0; i + 1 < v->nkids; i += 2) {
		role = v->kids[i];
		name = v->kids[i + 1];
		if (!schema_is_id(role->str)) {
			schema_error(s, role, "'contacts' key must be a role "
			    "id");
			continue;
		}
		if (ynode_is_null(name))
			continue;
		if (schema_text(s, name, "contacts") == NULL)
			continue;
		path = arena_alloc(s->arena, role->len + 10);
		strcpy(path, "contacts.");
		strcat(path, role->str);
		add_fact(obj, path, name->str, name);
	}
}

static const struct event_key_def *
find_event_key(const char *name)
{
	const struct event_key_def *k;

	for (k = event_keys; k->name != NULL; k++)
		if (k->name[0] == name[0] && strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

static const char **
event_field(struct event *ev, enum event_key bit)
{
	switch (bit) {
	case K_STEP:
		return &ev->step;
	case K_BY:
		return &ev->by;
	case K_NOTE:
		return &ev->note;
	case K_REASON:
		return &ev->reason;
	case K_FACT:
		return &ev->fact;
	case K_VALUE:
		return &ev->value;
	default:
		return NULL;
	}
}

static int
event_kind_of(const char *name)
{
	int i;

	for (i = 0; i < EV_COUNT; i++)
		if (event_kinds[i].name[0] == name[0] &&
		    strcmp(event_kinds[i].name, name) == 0)
			return i;
	return -1;
}

static void
unknown_event(struct schema *s, const struct ynode *v)
{
	const char *names[EV_COUNT];
	struct strbuf list = STRBUF_INIT;
	size_t i;

	for (i = 0; i < EV_COUNT; i++)
		names[i] = event_kinds[i].name;
	text_list(&list, names, EV_COUNT, N_("or"));
	schema_error(s, v, "unknown event; use %s", list.buf);
	strbuf_release(&list);
}

/* Reads the keys of one event; returns the set of keys seen. */
static unsigned
read_event_keys(struct schema *s, const struct ynode *map, struct event *ev)
{
	const struct event_key_def *k;
	const struct ynode *key, *v;
	unsigned seen = 0;
	size_t i;
	int kind;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		key = map->kids[i];
		v = map->kids[i + 1];
		k = find_event_key(key->str);
		if (k == NULL) {
			/* Never the key itself: it could be a name. */
			schema_error(s, key, "unknown key in an event; see "
			    "sams-case(5)");
			continue;
		}
		if (schema_text(s, v, k->name) == NULL)
			continue;
		seen |= k->bit;
		if (k->bit == K_DATE && date_parse(v->str, &ev->date) == -1)
			schema_error(s, v, "event date is not a date "
			    "(YYYY-MM-DD)");
		else if (k->bit == K_EVENT) {
			kind = event_kind_of(v->str);
			if (kind < 0)
				unknown_event(s, v);
			else
				ev->kind = (enum event_kind)kind;
		} else if (k->bit != K_DATE)
			*event_field(ev, k->bit) = v->str;
	}
	return seen;
}

static void	end_placement(struct case_ctx *, const char *, const char *,
		    const struct ynode *);
static void	change_at_end(struct case_ctx *, const char *,
		    const struct ynode *);

/*
 * The one place a set event changes a fact; value NULL clears it (the
 * fact is unknown again, as if never given).
 */
static void
set_fact(struct case_ctx *ctx, const char *path, const char *value,
    const struct ynode *at)
{
	const char *before = case_fact(ctx->c, "placement.end");

	add_fact(ctx, path, value, at);
	if (strcmp(path, "placement.end") == 0)
		end_placement(ctx, before, value, at);
	else if (strcmp(path, "school.change-at-end") == 0)
		change_at_end(ctx, value, at);
}

/*
 * A set event: "value" is the new value, or "" when the fact was cleared
 * ("sams set FILE KEY=").  An empty string is never a valid value, so a
 * reader that does not know clearing refuses the event rather than
 * misreads it.
 */
static void
check_set_event(struct schema *s, struct case_ctx *ctx,
    const struct event *ev, const struct ynode *at)
{
	const struct fact_def *def;
	const char *why;

	def = fact_lookup(ev->fact);
	if (def == NULL || !def->settable)
		schema_error(s, at, "event sets a fact that cannot be set; "
		    "see sams-case(5)");
	else if (ev->value[0] == '\0' && !fact_clearable(def))
		schema_error(s, at, "event clears '%s', which cannot be "
		    "cleared; see sams-case(5)", ev->fact);
	else if (ev->value[0] == '\0')
		set_fact(ctx, ev->fact, NULL, at);
	else if (fact_check(def, ev->value, &why) == -1)
		schema_error(s, at, "event sets '%s' to a value that is %s",
		    ev->fact, why);
	else
		set_fact(ctx, ev->fact, ev->value, at);
}

/* The facts that change hands when the pupil moves on from a school. */
static const char *const school_facts[][2] = {
	/* the one left behind, the one moved to */
	{ "school.sending", "school.receiving" },
	{ "contacts.rektor-avlamnande", "contacts.rektor-mottagande" },
};

#define NSCHOOL_FACTS	(sizeof(school_facts) / sizeof(school_facts[0]))

/* Who takes the pupil in next: unknown again when the pupil moves on. */
static const char *const receiving_only[] = {
	"contacts.huvudman-mottagande", "school.start"
};

#define NRECEIVING_ONLY	(sizeof(receiving_only) / sizeof(receiving_only[0]))

/*
 * The pupil moves on from the school during the placement: it becomes
 * the sending school and its rektor the sending rektor; the next school
 * is unknown until it is recorded.  At the end of a placement without a
 * change of school then (school.change-at-end false) the pupil stays:
 * the school during the placement is the one after it too.
 */
static void
move_on(struct case_ctx *ctx, const struct ynode *at, int at_end)
{
	const char *during;
	int stayed = strcmp(case_fact(ctx->c, "school.change"), "false") == 0;
	int stays = at_end && strcmp(case_fact(ctx->c,
	    "school.change-at-end"), "false") == 0;
	size_t i;

	for (i = 0; i < NSCHOOL_FACTS; i++) {
		during = case_fact(ctx->c, school_facts[i][1]);
		/* Without a change of school the one before is the one during. */
		if (during == NULL && stayed)
			during = case_fact(ctx->c, school_facts[i][0]);
		else
			add_fact(ctx, school_facts[i][0], during, at);
		add_fact(ctx, school_facts[i][1], stays ? during : NULL, at);
	}
	for (i = 0; i < NRECEIVING_ONLY && !stays; i++)
		if (case_fact(ctx->c, receiving_only[i]) != NULL)
			add_fact(ctx, receiving_only[i], NULL, at);
}

/*
 * school.change-at-end set once the schools have shifted: the school
 * after the placement is the one during it, or unknown again.
 */
static void
change_at_end(struct case_ctx *ctx, const char *value, const struct ynode *at)
{
	size_t i;

	const char *during;
	int stayed = strcmp(case_fact(ctx->c, "school.change"), "false") == 0;
	int stays = value != NULL && strcmp(value, "false") == 0;

	if (ctx->c->shift == CASE_NO_SHIFT)
		return;
	for (i = 0; i < NSCHOOL_FACTS; i++) {
		during = case_fact_before_shift(ctx->c, school_facts[i][1]);
		if (during == NULL && stayed)
			during = case_fact_before_shift(ctx->c,
			    school_facts[i][0]);
		add_fact(ctx, school_facts[i][1], stays ? during : NULL, at);
	}
	for (i = 0; i < NRECEIVING_ONLY && !stays; i++)
		if (case_fact(ctx->c, receiving_only[i]) != NULL)
			add_fact(ctx, receiving_only[i], NULL, at);
}

/*
 * An end date makes Inför avslut open: the schools shift (move_on), and
 * the facts before that stay for the steps of the phases before it.  An
 * end date taken back puts the schools back as they were.
 */
static void
end_placement(struct case_ctx *ctx, const char *before, const char *after,
    const struct ynode *at)
{
	struct casefile *c = ctx->c;
	const char *was, *type = case_fact(c, "placement.type");
	size_t i, k;

	/*
	 * At SiS the pupil is taught at the institution's school and the home
	 * school stays the sending one throughout (SiSam): nothing shifts.
	 */
	if (before == NULL && after != NULL && c->shift == CASE_NO_SHIFT &&
	    (type == NULL || strcmp(type, "sis") != 0)) {
		c->shift = c->nfacts;
		move_on(ctx, at, 1);
	} else if (after == NULL && c->shift != CASE_NO_SHIFT) {
		for (i = 0; i < NSCHOOL_FACTS; i++)
			for (k = 0; k < 2; k++) {
				was = case_fact_before_shift(c,
				    school_facts[i][k]);
				add_fact(ctx, school_facts[i][k], was, at);
			}
		for (i = 0; i < NRECEIVING_ONLY; i++)
			if ((was = case_fact_before_shift(c,
			    receiving_only[i])) != NULL)
				add_fact(ctx, receiving_only[i], was, at);
		c->shift = CASE_NO_SHIFT;
	}
}

/*
 * Omplacering: the new placement starts on the event's date, and the school
 * during the old one becomes the sending school (SAMS: the process starts
 * again with Inför placering).
 */
static void
start_placement(struct schema *s, struct case_ctx *ctx,
    const struct event *ev, const struct ynode *at)
{
	struct casefile *c = ctx->c;
	long day;
	size_t i;

	if (date_parse(ev->value, &day) == -1) {
		schema_error(s, at, "'replace' event: value is not the new "
		    "placement's date (YYYY-MM-DD)");
		return;
	}
	c->spans = xreallocarray(c->spans, c->nperiods, sizeof(*c->spans));
	c->spans[c->nperiods - 1].first = c->period;
	c->spans[c->nperiods - 1].end = c->nevents - 1;	/* this event */
	c->spans[c->nperiods - 1].nfacts = c->nfacts;
	c->spans[c->nperiods - 1].shift = c->shift;
	if (c->shift == CASE_NO_SHIFT)
		move_on(ctx, at, 0);
	else if (strcmp(case_fact(c, "school.change-at-end"), "false") == 0) {
		/* shifted, the pupil to stay; moved on instead: unknown */
		for (i = 0; i < NSCHOOL_FACTS; i++)
			if (case_fact(c, school_facts[i][1]) != NULL)
				add_fact(ctx, school_facts[i][1], NULL, at);
		for (i = 0; i < NRECEIVING_ONLY; i++)
			if (case_fact(c, receiving_only[i]) != NULL)
				add_fact(ctx, receiving_only[i], NULL, at);
	}
	c->shift = CASE_NO_SHIFT;
	add_fact(ctx, "placement.date", ev->value, at);
	add_fact(ctx, "placement.end", NULL, at);
	add_fact(ctx, "placement.acute", NULL, at);
	add_fact(ctx, "school.change-at-end", NULL, at);
	c->period = c->nevents;		/* this event's index + 1 */
	c->nperiods++;
}

static void
read_event(struct schema *s, struct case_ctx *ctx, const struct ynode *map,
    struct event *ev)
{
	const struct event_kind_def *def;
	const struct event_key_def *k;
	unsigned seen;

	ev->line = map->line;
	ev->col = map->col;
	ev->kind = EV_COUNT;
	if (map->kind != YN_MAP) {
		schema_error(s, map, "a history entry must be a mapping");
		return;
	}
	seen = read_event_keys(s, map, ev);
	if (!(seen & K_EVENT)) {
		schema_error(s, map, "history entry lacks the key 'event'");
		return;
	}
	if (ev->kind == EV_COUNT)
		return;
	def = &event_kinds[ev->kind];
	for (k = event_keys; k->name != NULL; k++) {
		if ((def->required & k->bit) && !(seen & k->bit))
			schema_error(s, map, "'%s' event lacks the key '%s'",
			    def->name, k->name);
		else if (k->bit != K_EVENT && (seen & k->bit) &&
		    !((def->required | def->allowed) & k->bit))
			schema_error(s, map, "'%s' event has no key '%s'",
			    def->name, k->name);
	}
	if (ev->kind == EV_SET && (seen & K_FACT) && (seen & K_VALUE))
		check_set_event(s, ctx, ev, map);
	if (ev->kind == EV_REPLACE && (seen & K_VALUE))
		start_placement(s, ctx, ev, map);
}

static void
top_history(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	struct case_ctx *ctx = obj;
	struct casefile *c = ctx->c;
	size_t i;

	c->item_col = k->col;
	/* An end date in the header: the shift comes after the header. */
	end_placement(ctx, NULL, case_fact(c, "placement.end"), k);
	if (ynode_is_null(v)) {
		c->appendable = 1;
		return;
	}
	if (v->kind != YN_SEQ) {
		schema_error(s, v, "'history' must be a list of events");
		return;
	}
	c->appendable = !v->flow;
	if (v->nkids > 0)
		c->item_col = v->col;
	c->events = xcalloc(v->nkids, sizeof(*c->events));
	for (i = 0; i < v->nkids; i++) {
		c->nevents++;
		read_event(s, ctx, v->kids[i], &c->events[c->nevents - 1]);
	}
}

static const struct keydef case_keys[] = {
	{ "sams-case", schema_format_key, 1 },
	{ "id", top_id, 1 },
	{ "model", top_model, 1 },
	{ "placement", read_group, 0 },
	{ "child", read_group, 0 },
	{ "school", read_group, 0 },
	{ "contacts", top_contacts, 0 },
	{ "history", top_history, 1 },
	{ NULL, NULL, 0 }
};

enum case_key
case_top_key(const char *key)
{
	const struct keydef *k;

	for (k = case_keys; k->key != NULL; k++)
		if (strcmp(k->key, key) == 0)
			return k->fn == read_group ? CASE_KEY_FACTS :
			    CASE_KEY_READ;
	return CASE_KEY_UNKNOWN;
}

int
case_event_key(const char *key)
{
	return find_event_key(key) != NULL;
}

/*
 * Whether only blanks and comments follow line:col, where the tree ends:
 * after a document end marker ("...") an appended line would start a
 * second document, and sams would refuse its own write.
 */
static int
only_comments_after(const char *text, size_t len, size_t line, size_t col)
{
	size_t i = 0;

	for (; line > 1 && i < len; i++)
		if (text[i] == '\n')
			line--;
	for (; col > 1 && i < len; col--)	/* columns count characters */
		for (i++; i < len && ((unsigned char)text[i] & 0xc0) == 0x80;
		    i++)
			;
	while (i < len) {
		if (text[i] == '#')
			while (i < len && text[i] != '\n')
				i++;
		else if (strchr(" \t\r\n", text[i]) != NULL)
			i++;
		else
			return 0;
	}
	return 1;
}

struct casefile *
case_load(char *text, size_t len, const char *name)
{
	struct case_ctx ctx;
	struct casefile *c;
	struct schema s;
	const struct ynode *root;

	c = xcalloc(1, sizeof(*c));
	c->nperiods = 1;
	c->shift = CASE_NO_SHIFT;
	c->text = text;
	c->len = len;
	c->name = xstrdup(name);
	memset(&ctx, 0, sizeof(ctx));
	ctx.c = c;
	s.file = c->name;
	s.arena = &c->doc.arena;
	s.errors = 0;
	/* A tree with duplicate keys or bad values is still checked. */
	if (ydoc_parse(&c->doc, c->name, text, len) == -1)
		s.errors++;
	if ((root = c->doc.root) == NULL && s.errors == 0)
		schema_error(&s, NULL, "empty case file");
	else if (root != NULL) {
		schema_map(&s, root, case_keys, &ctx, N_("the case file"),
		    ignore_key);
		if (root->kind == YN_MAP && root->nkids >= 2 &&
		    strcmp(root->kids[root->nkids - 2]->str, "history") != 0)
			c->appendable = 0;
		if (!only_comments_after(text, len, root->end_line,
		    root->end_col))
			c->appendable = 0;
	}
	if (s.errors > 0) {
		case_free(c);
		return NULL;
	}
	return c;
}

void
case_free(struct casefile *c)
{
	if (c == NULL)
		return;
	ydoc_release(&c->doc);
	free(c->facts);
	free(c->events);
	free(c->spans);
	free(c->text);
	free(c->name);
	free(c);
}

void
case_period(const struct casefile *c, size_t k, struct casefile *view)
{
	const struct case_span *sp;

	*view = *c;
	if (k + 1 >= c->nperiods)
		return;
	sp = &c->spans[k];
	view->period = sp->first;
	view->nevents = sp->end;
	view->nfacts = sp->nfacts;
	view->shift = sp->shift;
	view->nperiods = k + 1;
	view->appendable = 0;
}

/* The index + 1 of the last of facts[0 .. n) about path, or 0. */
static size_t
fact_index(const struct casefile *c, const char *path, size_t n)
{
	size_t i, len = strlen(path);

	for (i = n; i > 0; i--)
		if (c->facts[i - 1].plen == len &&
		    memcmp(c->facts[i - 1].path, path, len) == 0)
			break;
	return i;
}

const struct fact_value *
case_fact_source(const struct casefile *c, const char *path)
{
	size_t i = fact_index(c, path, c->nfacts);

	return i > 0 ? &c->facts[i - 1] : NULL;
}

/* The value of a fact as written in facts[0 .. n), or its default. */
static const char *
fact_among(const struct casefile *c, const char *path, size_t n)
{
	const struct fact_def *def;
	size_t i = fact_index(c, path, n);

	if (i > 0 && c->facts[i - 1].value != NULL)
		return c->facts[i - 1].value;
	if (i > 0 && strncmp(path, "contacts.", 9) == 0)
		return NULL;	/* cleared */
	if (strcmp(path, "school.change-at-end") == 0)
		return fact_among(c, "school.change", n);
	if (strcmp(path, "model") == 0)
		return c->model;
	if (strcmp(path, "id") == 0)
		return c->id;
	def = fact_lookup(path);
	return def != NULL ? def->fallback : NULL;
}

const char *
case_fact(const struct casefile *c, const char *path)
{
	return fact_among(c, path, c->nfacts);
}

const char *
case_fact_before_shift(const struct casefile *c, const char *path)
{
	return fact_among(c, path, c->shift != CASE_NO_SHIFT ? c->shift :
	    c->nfacts);
}

long
case_fact_date(const struct casefile *c, const char *path)
{
	const char *v;
	long day;

	if (strcmp(path, "opened") == 0)
		return case_opened(c);
	v = case_fact(c, path);
	if (v == NULL || date_parse(v, &day) == -1)
		return DATE_NONE;
	return day;
}

long
case_opened(const struct casefile *c)
{
	return c->nevents > 0 && c->events[0].kind != EV_COUNT ?
	    c->events[0].date : DATE_NONE;
}

/* Words that YAML 1.1 readers would take for booleans or null. */
static int
looks_special(const char *s)
{
	static const char *const words[] = { "y", "n", "yes", "no", "on",
	    "off", "true", "false", "null", NULL };
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(words[i], s) == 0)
			return 1;
	return 0;
}

void
case_quote(struct strbuf *sb, const char *s)
{
	long day;
	const char *p;

	if (date_parse(s, &day) == 0 || (isalpha((unsigned char)s[0]) &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-") == strlen(s) && !looks_special(s))) {
		strbuf_addstr(sb, s);
		return;
	}
	strbuf_addch(sb, '"');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, *p);
		} else if (*p == '\n')
			strbuf_addstr(sb, "\\n");
		else if (*p == '\t')
			strbuf_addstr(sb, "\\t");
		else if ((unsigned char)*p < 0x20)
			strbuf_addf(sb, "\\x%02x", (unsigned char)*p);
		else
			strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '"');
}

static const char *
event_value(const struct event *ev, enum event_key bit, char date[11])
{
	switch (bit) {
	case K_DATE:
		date_format(ev->date, date);
		return date;
	case K_EVENT:
		return event_kinds[ev->kind].name;
	default:
		return *event_field((struct event *)ev, bit);
	}
}

/* The file's own line ending, from its first line: "\r\n" or "\n". */
static const char *
line_end(const struct casefile *c)
{
	const char *nl = memchr(c->text, '\n', c->len);

	return nl != NULL && nl > c->text && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* Appends ev as one history item in flow style, ended by eol. */
static void
add_event(struct strbuf *sb, const struct event *ev, size_t item_col,
    const char *eol)
{
	const struct event_key_def *k;
	const char *value;
	char date[11];
	size_t i;
	int first = 1;

	for (i = 1; i < item_col; i++)
		strbuf_addch(sb, ' ');
	strbuf_addstr(sb, "- {");
	for (k = event_keys; k->name != NULL; k++) {
		value = event_value(ev, k->bit, date);
		if (value == NULL)
			continue;
		strbuf_addf(sb, "%s%s: ", first ? "" : ", ", k->name);
		case_quote(sb, value);
		first = 0;
	}
	strbuf_addstr(sb, "}");
	strbuf_addstr(sb, eol);
}

char *
case_append(const struct casefile *c, const struct event *ev, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;

	if (!c->appendable) {
		error_at(c->name, 0, 0, "cannot add to the history: "
		    "'history' must be the last key, a block list with "
		    "one '- {...}' entry per line, and only comments after "
		    "it");
		return NULL;
	}
	strbuf_add(&sb, c->text, c->len);
	if (c->len > 0 && c->text[c->len - 1] != '\n')
		strbuf_addstr(&sb, line_end(c));
	add_event(&sb, ev, c->item_col, line_end(c));
	return strbuf_detach(&sb, len);
}

/* One "key: value" line of the header; nothing for a value not given. */
static void
add_line(struct strbuf *sb, const char *indent, const char *key,
    const char *value)
{
	if (value == NULL)
		return;
	strbuf_addf(sb, "%s%s: ", indent, key);
	case_quote(sb, value);
	strbuf_addch(sb, '\n');
}

/* One "  key: true|false" line of a group. */
static void
add_bool(struct strbuf *sb, const char *key, int value)
{
	strbuf_addf(sb, "  %s: %s\n", key, value ? "true" : "false");
}

char *
case_new_text(const struct case_header *h, const struct event *opened,
    size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	strbuf_addstr(&sb, "# Ärende för sams, format i sams-case(5). Fakta "
	    "och kommentarer får\n# ändras för hand; sams lägger till "
	    "händelser sist i historiken.\n");
	strbuf_addstr(&sb, "sams-case: " CASE_FORMAT "\n");
	add_line(&sb, "", "id", h->id);
	add_line(&sb, "", "model", h->model);
	strbuf_addstr(&sb, "placement:\n");
	add_line(&sb, "  ", "type", h->type);
	add_line(&sb, "  ", "date", h->placement_date);
	/* YAML's own words, never a value given: no quoting to do. */
	add_bool(&sb, "acute", h->acute);
	add_bool(&sb, "other-municipality", h->other_municipality);
	add_bool(&sb, "lvu", h->lvu);
	strbuf_addstr(&sb, "child:\n");
	add_line(&sb, "  ", "born", h->born);
	add_bool(&sb, "protected", h->protected_data);
	strbuf_addstr(&sb, "school:\n");
	add_bool(&sb, "change", h->school_change);
	if (h->no_change_at_end)	/* else it follows change */
		add_bool(&sb, "change-at-end", 0);
	add_line(&sb, "  ", "form", h->form);
	add_line(&sb, "  ", "sending", h->sending);
	add_line(&sb, "  ", "receiving", h->receiving);
	if (h->ncontacts > 0)
		strbuf_addstr(&sb, "contacts:\n");
	for (i = 0; i < h->ncontacts; i++)
		add_line(&sb, "  ", h->contacts[i].role, h->contacts[i].name);
	strbuf_addstr(&sb, "history:\n");
	add_event(&sb, opened, 1, "\n");
	return strbuf_detach(&sb, len);
}
