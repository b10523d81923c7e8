/* The strict YAML reader: libyaml events to a tree, with limits. */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "diag.h"
#include "hash.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"
#include "yamlio.h"

struct yreader {
	yaml_parser_t	 parser;
	struct ydoc	*doc;
	const char	*buf;
	size_t		 len;
	size_t		 events;
	int		 failed;	/* a problem was reported */
	int		 fatal;		/* parsing cannot go on */
};

void
ytext_position(const char *buf, size_t len, size_t off, size_t *line,
    size_t *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/*
 * Reports a problem at a libyaml mark (0-based) and remembers it.
 * xgettext does not know yerror(), so its messages are marked with N_().
 */
#define yerror(r, m, ...)						\
	((r)->failed = 1, error_at((r)->doc->name, (m)->line + 1,	\
	    (m)->column + 1, __VA_ARGS__))

/*
 * libyaml's words for the problems a hand-edited file most often has and
 * for where it was reading, so that they can be translated; others are
 * shown as libyaml says them.
 */
static const char *const libyaml_words[] = {
	N_("block sequence entries are not allowed in this context"),
	N_("control characters are not allowed"),
	N_("could not find expected ':'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected alphabetic or numeric character"),
	N_("did not find expected comment or line break"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected whitespace or line break"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found an indentation indicator equal to 0"),
	N_("found character that cannot start any token"),
	N_("found invalid Unicode character escape code"),
	N_("found unexpected ':'"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unknown escape character"),
	N_("incomplete UTF-8 octet sequence"),
	N_("invalid Unicode character"),
	N_("invalid leading UTF-8 octet"),
	N_("invalid length of a UTF-8 sequence"),
	N_("invalid trailing UTF-8 octet"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while parsing a node"),
	N_("while parsing a quoted scalar"),
	N_("while scanning a block scalar"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a simple key"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("while scanning a tag"),
	N_("while scanning for the next token"),
};

/* libyaml's words s, translated when they are known. */
static const char *
libyaml_text(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(libyaml_words) / sizeof(libyaml_words[0]); i++)
		if (strcmp(libyaml_words[i], s) == 0)
			return text_msg(libyaml_words[i]);
	return s;
}

static int
report_libyaml(struct yreader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *name = r->doc->name;
	size_t line, col;

	r->failed = r->fatal = 1;
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return error_at(name, 0, 0, "out of memory while parsing");
	case YAML_READER_ERROR:
		ytext_position(r->buf, r->len, p->problem_offset, &line, &col);
		return error_at(name, line, col, "%s",
		    libyaml_text(p->problem));
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
	case YAML_COMPOSER_ERROR:
		if (p->context != NULL)
			return error_at(name, p->problem_mark.line + 1,
			    p->problem_mark.column + 1,
			    "%s (%s at %zu:%zu)", libyaml_text(p->problem),
			    libyaml_text(p->context),
			    p->context_mark.line + 1,
			    p->context_mark.column + 1);
		return error_at(name, p->problem_mark.line + 1,
		    p->problem_mark.column + 1, "%s",
		    libyaml_text(p->problem));
	default:
		return error_at(name, 0, 0, "unreadable YAML");
	}
}

static int
next_event(struct yreader *r, yaml_event_t *ev)
{
	if (++r->events > YAML_MAX_EVENTS) {
		r->failed = r->fatal = 1;
		return error_at(r->doc->name, 0, 0,
		    "too many YAML nodes (limit %d)", YAML_MAX_EVENTS);
	}
	if (!yaml_parser_parse(&r->parser, ev))
		return report_libyaml(r);
	return 0;
}

static void
check_scalar(struct yreader *r, const yaml_event_t *ev)
{
	const unsigned char *s = ev->data.scalar.value;
	size_t n = ev->data.scalar.length, i, len;
	enum text_kind kind;
	unsigned long cp;

	if (n > YAML_MAX_SCALAR) {
		yerror(r, &ev->start_mark, N_("value is longer than %d bytes"),
		    YAML_MAX_SCALAR);
		return;
	}
	for (i = 0; i < n; i++) {
		if (n - i >= 8 && text_ascii8((const char *)s + i)) {
			i += 7;		/* the common case */
			continue;
		}
		if (s[i] >= 0x20 && s[i] < 0x7f)
			continue;
		if (s[i] == '\0') {
			yerror(r, &ev->start_mark,
			    N_("NUL character in a value"));
			return;
		}
		kind = text_next((const char *)s + i, n - i, &len, &cp);
		if (kind != TEXT_PLAIN && kind != TEXT_NEWLINE &&
		    kind != TEXT_TAB) {
			yerror(r, &ev->start_mark, N_("control, line separator "
			    "or bidirectional formatting character in a "
			    "value"));
			return;
		}
		i += len - 1;
	}
}

static void
check_properties(struct yreader *r, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag, int implicit)
{
	if (anchor != NULL)
		yerror(r, &ev->start_mark, N_("anchors are not allowed"));
	if (tag != NULL && !implicit)
		yerror(r, &ev->start_mark, N_("tags are not allowed"));
}

static struct ynode *
new_node(struct yreader *r, enum ynode_kind kind, const yaml_event_t *ev)
{
	struct ynode *n;

	n = arena_alloc(&r->doc->arena, sizeof(*n));
	n->kind = kind;
	n->line = ev->start_mark.line + 1;
	n->col = ev->start_mark.column + 1;
	n->end_line = ev->end_mark.line + 1;
	n->end_col = ev->end_mark.column + 1;
	n->str = "";
	return n;
}

static struct ynode *parse_node(struct yreader *, yaml_event_t *, size_t);

static struct ynode *
parse_scalar(struct yreader *r, yaml_event_t *ev)
{
	struct ynode *n;

	n = new_node(r, YN_SCALAR, ev);
	check_properties(r, ev, ev->data.scalar.anchor, ev->data.scalar.tag,
	    ev->data.scalar.plain_implicit || ev->data.scalar.quoted_implicit);
	check_scalar(r, ev);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->str = arena_strndup(&r->doc->arena,
	    (const char *)ev->data.scalar.value, ev->data.scalar.length);
	n->len = ev->data.scalar.length;
	return n;
}

static int
same_key(const struct ynode *a, const struct ynode *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* Reports a key seen before in its mapping and marks it. */
static void
duplicate(struct yreader *r, struct ynode *key, const struct ynode *first)
{
	key->dup = 1;
	r->failed = 1;
	/* Never the key itself: keys in case files can be names. */
	error_at(r->doc->name, key->line, key->col,
	    "duplicate key, first at %zu:%zu", first->line, first->col);
}

/*
 * Reports keys that occur twice in a mapping and marks the later ones, so
 * readers take the first without searching.  A hash set keeps this linear:
 * a mapping of many keys is no way to stall the reader.  The small ones
 * (a history entry) are compared pair by pair, without the set.
 */
static void
check_duplicates(struct yreader *r, const struct ynode *map)
{
	const struct ynode **slots, *first;
	size_t nslots = 16, i, j, k;

	if (map->nkids <= 2 * 8) {
		for (i = 2; i + 1 < map->nkids; i += 2)
			for (j = 0; j < i; j += 2)
				if (map->kids[i]->kind == YN_SCALAR &&
				    map->kids[j]->kind == YN_SCALAR &&
				    !map->kids[j]->dup &&
				    same_key(map->kids[j], map->kids[i])) {
					duplicate(r, map->kids[i],
					    map->kids[j]);
					break;
				}
		return;
	}
	while (nslots < map->nkids * 2)
		nslots *= 2;
	slots = xcalloc(nslots, sizeof(*slots));
	for (i = 0; i + 1 < map->nkids; i += 2) {
		if (map->kids[i]->kind != YN_SCALAR)
			continue;
		k = hash_bytes(map->kids[i]->str, map->kids[i]->len) &
		    (nslots - 1);
		while ((first = slots[k]) != NULL &&
		    !same_key(first, map->kids[i]))
			k = (k + 1) & (nslots - 1);
		if (first == NULL)
			slots[k] = map->kids[i];
		else
			duplicate(r, map->kids[i], first);
	}
	free(slots);
}

/* Reads the children of a sequence or mapping up to its end event. */
static int
parse_children(struct yreader *r, struct ynode *n, yaml_event_type_t end,
    size_t depth)
{
	struct ynode *some[16], **kids = some, *kid;
	size_t nkids = 0, cap = sizeof(some) / sizeof(some[0]);
	yaml_event_t ev;

	for (;;) {
		if (next_event(r, &ev) == -1)
			break;
		if (ev.type == end) {
			n->end_line = ev.end_mark.line + 1;
			n->end_col = ev.end_mark.column + 1;
			yaml_event_delete(&ev);
			break;
		}
		if (n->kind == YN_MAP && nkids == 2 * YAML_MAX_KEYS) {
			r->fatal = 1;
			yerror(r, &ev.start_mark, N_("more than %d keys in one "
			    "mapping"), YAML_MAX_KEYS);
			yaml_event_delete(&ev);
			break;
		}
		kid = parse_node(r, &ev, depth + 1);
		if (kid == NULL)
			break;
		if (n->kind == YN_MAP && nkids % 2 == 0 &&
		    kid->kind != YN_SCALAR) {
			r->failed = 1;
			error_at(r->doc->name, kid->line, kid->col,
			    "a key must be a plain value");
		}
		if (nkids == cap) {	/* past the few most have */
			cap *= 2;
			kids = kids == some ? memcpy(xreallocarray(NULL, cap,
			    sizeof(*kids)), some, sizeof(some)) :
			    xreallocarray(kids, cap, sizeof(*kids));
		}
		kids[nkids++] = kid;
	}
	n->kids = arena_alloc(&r->doc->arena, nkids * sizeof(*kids));
	if (nkids > 0)
		memcpy(n->kids, kids, nkids * sizeof(*kids));
	n->nkids = nkids;
	if (kids != some)
		free(kids);
	return r->fatal ? -1 : 0;
}

static struct ynode *
parse_collection(struct yreader *r, yaml_event_t *ev, size_t depth)
{
	struct ynode *n;
	int seq = ev->type == YAML_SEQUENCE_START_EVENT;

	if (depth >= YAML_MAX_DEPTH) {
		r->fatal = 1;
		yerror(r, &ev->start_mark,
		    N_("nesting is deeper than %d levels"), YAML_MAX_DEPTH);
		return NULL;
	}
	n = new_node(r, seq ? YN_SEQ : YN_MAP, ev);
	if (seq) {
		check_properties(r, ev, ev->data.sequence_start.anchor,
		    ev->data.sequence_start.tag,
		    ev->data.sequence_start.implicit);
		n->flow = ev->data.sequence_start.style ==
		    YAML_FLOW_SEQUENCE_STYLE;
	} else {
		check_properties(r, ev, ev->data.mapping_start.anchor,
		    ev->data.mapping_start.tag,
		    ev->data.mapping_start.implicit);
		n->flow = ev->data.mapping_start.style ==
		    YAML_FLOW_MAPPING_STYLE;
	}
	if (parse_children(r, n, seq ? YAML_SEQUENCE_END_EVENT :
	    YAML_MAPPING_END_EVENT, depth) == -1)
		return NULL;
	if (!seq)
		check_duplicates(r, n);
	return n;
}

/* Builds the node that starts with *ev; takes ownership of *ev. */
static struct ynode *
parse_node(struct yreader *r, yaml_event_t *ev, size_t depth)
{
	struct ynode *n = NULL;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = parse_scalar(r, ev);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		n = parse_collection(r, ev, depth);
		break;
	case YAML_ALIAS_EVENT:
		yerror(r, &ev->start_mark, N_("aliases are not allowed"));
		n = new_node(r, YN_SCALAR, ev);
		break;
	default:
		yerror(r, &ev->start_mark, N_("unexpected YAML structure"));
		r->fatal = 1;
		break;
	}
	yaml_event_delete(ev);
	return n;
}

static int
parse_document(struct yreader *r)
{
	yaml_event_t ev;
	int rc = -1;

	if (next_event(r, &ev) == -1)
		return -1;
	if (ev.type != YAML_DOCUMENT_START_EVENT) {
		yaml_event_delete(&ev);
		return 0;		/* an empty stream */
	}
	if (ev.data.document_start.version_directive != NULL ||
	    ev.data.document_start.tag_directives.start !=
	    ev.data.document_start.tag_directives.end)
		yerror(r, &ev.start_mark, N_("%%YAML and %%TAG directives are "
		    "not allowed"));
	yaml_event_delete(&ev);
	if (next_event(r, &ev) == -1)
		return -1;
	r->doc->root = parse_node(r, &ev, 0);
	if (r->fatal || next_event(r, &ev) == -1)
		return -1;
	yaml_event_delete(&ev);		/* the document end */
	if (next_event(r, &ev) == -1)
		return -1;
	if (ev.type == YAML_DOCUMENT_START_EVENT)
		yerror(r, &ev.start_mark, N_("a file holds one YAML document, "
		    "not several"));
	else
		rc = 0;
	yaml_event_delete(&ev);
	return rc;
}

/* Past this many, the prescan stops: one look shows what is wrong. */
#define PRESCAN_MAX_REPORTS	20

static const char *const conflict_markers[] = {
	"<<<<<<<", "=======", ">>>>>>>", "|||||||"
};

/* Whether a line starts with a git conflict marker. */
static int
conflict_marker(const unsigned char *s, size_t n)
{
	size_t k;

	if (n < 7 || strchr("<=>|", s[0]) == NULL || s[0] == '\0')
		return 0;
	for (k = 0; k < sizeof(conflict_markers) /
	    sizeof(conflict_markers[0]); k++)
		if (memcmp(s, conflict_markers[k], 7) == 0 &&
		    (n == 7 || s[7] == ' ' || s[7] == '\r'))
			return 1;
	return 0;
}

/*
 * The name of a YAML 1.1 line break that is no line break to git, grep or
 * most editors (NEL, LS, PS) at s, or NULL.  libyaml would end a comment
 * there and read what follows as data nobody sees in a diff.
 */
static const char *
hidden_break(const unsigned char *s, size_t n)
{
	static const struct {
		unsigned long	 cp;
		const char	*name;
	} breaks[] = {
		{ 0x0085, N_("next line (U+0085)") },
		{ 0x2028, N_("line separator (U+2028)") },
		{ 0x2029, N_("paragraph separator (U+2029)") },
	};
	unsigned long cp;
	size_t k, len;

	if (s[0] < 0xc2 || text_next((const char *)s, n, &len, &cp) ==
	    TEXT_INVALID)
		return NULL;	/* ASCII, a continuation byte or not UTF-8 */
	for (k = 0; k < sizeof(breaks) / sizeof(breaks[0]); k++)
		if (cp == breaks[k].cp)
			return text_msg(breaks[k].name);
	return NULL;
}

/* The column of byte k of a line: characters, not bytes. */
static size_t
column_of(const unsigned char *s, size_t k)
{
	size_t i, col = 1;

	for (i = 0; i < k; i++)
		if ((s[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/* Checks one line (without its newline) of the raw bytes. */
static void
prescan_line(struct yreader *r, const unsigned char *s, size_t n,
    size_t line, int *reported)
{
	const char *what;
	size_t k;

	if (conflict_marker(s, n) && ++*reported <= PRESCAN_MAX_REPORTS)
		error_at(r->doc->name, line, 1, "leftover git conflict "
		    "marker; resolve the merge first");
	for (k = 0; k < n && *reported <= PRESCAN_MAX_REPORTS; k++) {
		if (n - k >= 8 && text_ascii8((const char *)s + k)) {
			k += 7;	/* no break hides in ASCII */
			continue;
		}
		what = hidden_break(s + k, n - k);
		if (what != NULL && ++*reported <= PRESCAN_MAX_REPORTS)
			error_at(r->doc->name, line, column_of(s, k), "%s: a "
			    "line break to YAML but not to git or grep; remove "
			    "it", what);
	}
}

/*
 * Problems libyaml would misreport or accept: checked on the raw bytes in
 * one pass, so that no file is slow to refuse.
 */
static int
prescan(struct yreader *r)
{
	const unsigned char *b = (const unsigned char *)r->buf, *nul, *nl;
	size_t i, eol, line, col;
	int reported = 0;

	if (r->len > YAML_MAX_BYTES)
		return error_at(r->doc->name, 0, 0, "file is larger than %d "
		    "bytes", YAML_MAX_BYTES);
	if (r->len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
	    (b[0] == 0xfe && b[1] == 0xff)))
		return error_at(r->doc->name, 0, 0, "file is UTF-16; "
		    "save it as UTF-8");
	nul = memchr(b, '\0', r->len);
	if (nul != NULL) {
		ytext_position(r->buf, r->len, (size_t)(nul - b), &line, &col);
		return error_at(r->doc->name, line, col,
		    "NUL byte in file (is it UTF-16 or binary?)");
	}
	for (i = 0, line = 1; i < r->len && reported <= PRESCAN_MAX_REPORTS;
	    i = eol + 1, line++) {
		nl = memchr(b + i, '\n', r->len - i);
		eol = nl != NULL ? (size_t)(nl - b) : r->len;
		prescan_line(r, b + i, eol - i, line, &reported);
	}
	if (reported > PRESCAN_MAX_REPORTS)
		error_at(r->doc->name, 0, 0, "more problems like these; "
		    "only the first %d are listed", PRESCAN_MAX_REPORTS);
	if (reported > 0)
		r->failed = 1;
	return r->failed ? -1 : 0;
}

int
ydoc_parse(struct ydoc *doc, const char *name, const char *buf, size_t len)
{
	struct yreader r;
	yaml_event_t ev;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	doc->arena.head = NULL;
	doc->name = name;
	doc->root = NULL;
	r.doc = doc;
	r.buf = buf;
	r.len = len;
	if (prescan(&r) == -1)
		return -1;
	if (!yaml_parser_initialize(&r.parser))
		return error_at(name, 0, 0, "out of memory while parsing");
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)buf,
	    len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	if (next_event(&r, &ev) == 0) {
		yaml_event_delete(&ev);		/* the stream start */
		if (parse_document(&r) == 0 && !r.failed)
			rc = 0;
	}
	yaml_parser_delete(&r.parser);
	return rc;
}

void
ydoc_release(struct ydoc *doc)
{
	arena_release(&doc->arena);
	doc->root = NULL;
}

size_t
ymap_len(const struct ynode *map)
{
	return map->nkids / 2;
}

struct ynode *
ymap_get(const struct ynode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != YN_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (map->kids[i]->str[0] == key[0] &&
		    strcmp(map->kids[i]->str, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

int
ynode_is_null(const struct ynode *n)
{
	if (n == NULL)
		return 1;
	if (n->kind != YN_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0;
}
