/* "Did you mean": the closest names to a mistyped one, as git weighs them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "facts.h"
#include "folder.h"
#include "i18n.h"
#include "modelset.h"
#include "strbuf.h"
#include "suggest.h"
#include "text.h"
#include "xalloc.h"

/*
 * Names are ids of at most 40 bytes; a longer word or candidate is never
 * weighed, so the rows below need no allocation and a hostile argument
 * costs nothing.
 */
#define SUGGEST_LEN	64

/* git's SIMILARITY_FLOOR less its "+ 1": a distance of 5 is the most. */
#define SUGGEST_FLOOR	5

/* A typed prefix this long names what it begins, as in git. */
#define SUGGEST_PREFIX	3

/* git's levenshtein() weights: swap, substitution, addition, deletion. */
enum { W_SWAP = 0, W_SUBST = 2, W_ADD = 1, W_DEL = 3 };

static int
same(char a, char b)
{
	if (a >= 'A' && a <= 'Z')
		a = (char)(a - 'A' + 'a');
	if (b >= 'A' && b <= 'Z')
		b = (char)(b - 'A' + 'a');
	return a == b;
}

static size_t
least(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The cost of row2[j + 1]: typed[0..i] against cand[0..j]. */
static size_t
cell(const char *t, const char *c, size_t i, size_t j, const size_t *row0,
    const size_t *row1, const size_t *row2)
{
	size_t cost;

	cost = row1[j] + (same(t[i], c[j]) ? 0 : W_SUBST);
	if (i > 0 && j > 0 && same(t[i - 1], c[j]) && same(t[i], c[j - 1]))
		cost = least(cost, row0[j - 1] + W_SWAP);
	cost = least(cost, row1[j + 1] + W_DEL);
	return least(cost, row2[j] + W_ADD);
}

size_t
suggest_distance(const char *typed, const char *cand)
{
	size_t rows[3][SUGGEST_LEN + 1], *row0, *row1, *row2, *spare;
	size_t n1 = strlen(typed), n2 = strlen(cand), i, j;

	if (n1 > SUGGEST_LEN || n2 > SUGGEST_LEN)
		return (size_t)-1;
	row0 = rows[0];
	row1 = rows[1];
	row2 = rows[2];
	for (j = 0; j <= n2; j++)
		row1[j] = j * W_ADD;
	for (i = 0; i < n1; i++) {
		row2[0] = (i + 1) * W_DEL;
		for (j = 0; j < n2; j++)
			row2[j + 1] = cell(typed, cand, i, j, row0, row1, row2);
		spare = row0;
		row0 = row1;
		row1 = row2;
		row2 = spare;
	}
	return row1[n2];
}

void
suggest_init(struct suggest *sg, const char *word)
{
	memset(sg, 0, sizeof(*sg));
	sg->word = word;
	sg->score = (size_t)-1;
	sg->prefix = SUGGEST_PREFIX;
}

/*
 * The length of the typed word when cand begins with it (ASCII case
 * aside), else 0.
 */
static size_t
typed_prefix(const char *word, const char *cand)
{
	size_t i;

	for (i = 0; word[i] != '\0'; i++)
		if (!same(word[i], cand[i]))
			return 0;
	return i;
}

void
suggest_add(struct suggest *sg, const char *cand)
{
	size_t score, i, n;

	if (cand == NULL || strlen(cand) > SUGGEST_LEN)
		return;
	for (i = 0; i < sg->nbest && i < SUGGEST_MAX; i++)
		if (strcmp(sg->best[i], cand) == 0)
			return;
	n = typed_prefix(sg->word, cand);
	score = n >= SUGGEST_PREFIX ? 0 : suggest_distance(sg->word, cand);
	/* A shorter prefix, where allowed, is as close as a letter left out. */
	if (n >= sg->prefix && n < SUGGEST_PREFIX && score > W_ADD)
		score = W_ADD;
	if (score > sg->score)
		return;
	if (score < sg->score) {
		sg->score = score;
		sg->nbest = 0;
	}
	if (sg->nbest < SUGGEST_MAX)
		sg->best[sg->nbest] = cand;
	if (sg->nbest <= SUGGEST_MAX)
		sg->nbest++;
}

void
suggest_add_list(struct suggest *sg, const char *const *list)
{
	for (; *list != NULL; list++)
		suggest_add(sg, *list);
}

void
suggest_add_model(struct suggest *sg, const struct model *m,
    enum suggest_kind kind)
{
	size_t i;

	switch (kind) {
	case SUGGEST_STEP:
		for (i = 0; i < m->nsteps; i++)
			suggest_add(sg, m->steps[i].id);
		break;
	case SUGGEST_ROLE:
		for (i = 0; i < m->nroles; i++)
			suggest_add(sg, m->roles[i].id);
		break;
	case SUGGEST_PHASE:
		for (i = 0; i < m->nphases; i++)
			suggest_add(sg, m->phases[i].id);
		break;
	}
}

int
suggest_model_has(const struct model *m, enum suggest_kind kind,
    const char *id)
{
	static size_t (*const lookup[])(const struct model *,
	    const char *) = {
		[SUGGEST_STEP] = model_step_index,
		[SUGGEST_ROLE] = model_role_index,
		[SUGGEST_PHASE] = model_phase_index,
	};

	return lookup[kind](m, id) != NO_INDEX;
}

const char *
suggest_other_model(const struct model *m, enum suggest_kind kind,
    const char *id)
{
	const struct model *other;
	const char *const *mid;
	const char *found = NULL;
	int rc;

	diag_set_sink(NULL, NULL, 1);
	for (mid = builtin_model_ids; *mid != NULL && found == NULL; mid++) {
		if (strcmp(*mid, m->id) == 0)
			continue;
		rc = model_get(*mid, &other);
		if (rc == 0 && other != NULL &&
		    suggest_model_has(other, kind, id))
			found = other->id;
	}
	diag_set_sink(NULL, NULL, 0);
	return found;
}

/*
 * git offers anything within its floor; here the edits must also be
 * fewer than the letters typed, so that "x" or "foo" is told nothing.
 */
size_t
suggest_count(const struct suggest *sg)
{
	if (sg->nbest == 0 || sg->nbest > SUGGEST_MAX ||
	    sg->score > SUGGEST_FLOOR || (sg->score > 0 &&
	    sg->score >= strlen(sg->word)))
		return 0;
	return sg->nbest;
}

const char *
suggest_name(const struct suggest *sg, size_t i)
{
	return i < suggest_count(sg) ? sg->best[i] : NULL;
}

/*
 * Writes the i-th of n quoted names as people list them ("'a', 'b' or
 * 'c'"), with last_word (N_() marked) before the last; returns its length.
 */
static size_t
list_item(char *buf, size_t size, size_t i, size_t n, const char *last_word,
    const char *name)
{
	int len;

	if (i == 0)
		len = snprintf(buf, size, "'%s'", name);
	else if (i + 1 == n)
		len = snprintf(buf, size, " %s '%s'", text_msg(last_word),
		    name);
	else
		len = snprintf(buf, size, ", '%s'", name);
	return len < 0 ? 0 : (size_t)len < size ? (size_t)len : size - 1;
}

size_t
suggest_note(const struct suggest *sg)
{
	char list[SUGGEST_MAX * (SUGGEST_LEN + 8)];
	size_t i, n = suggest_count(sg), used = 0;

	for (i = 0; i < n; i++)
		used += list_item(list + used, sizeof(list) - used, i, n,
		    N_("or"), sg->best[i]);
	if (n > 0)
		diag(DIAG_NOTE, NULL, 0, 0, "did you mean %s?", list);
	return n;
}

void
suggest_model_id(const char *id)
{
	struct suggest sg;

	suggest_init(&sg, id);
	suggest_add_list(&sg, builtin_model_ids);
	suggest_note(&sg);
}

/* The command that lists the roles (phases, steps) of a model. */
static const char *
list_command(enum suggest_kind kind)
{
	return kind == SUGGEST_ROLE ? "roles" : "phases";
}

/*
 * Notes that another model has the id: try cmd with it, or the case (the
 * cases, when several) follows model follows.  Each kind has its own
 * sentences, as languages decline "unknown" by the noun (Swedish "okänd
 * roll", "okänt steg").
 */
static void
note_other_model(enum suggest_kind kind, const char *id, const char *other,
    const char *cmd, const char *follows, int several)
{
	if (cmd != NULL)
		diag(DIAG_NOTE, NULL, 0, 0, kind == SUGGEST_STEP ?
		    N_("'%s' is a step in model '%s'; try 'sams %s --model %s "
		    "%s'") : kind == SUGGEST_ROLE ?
		    N_("'%s' is a role in model '%s'; try 'sams %s --model %s "
		    "%s'") :
		    N_("'%s' is a phase in model '%s'; try 'sams %s --model %s "
		    "%s'"), id, other, cmd, other, id);
	else if (!several)
		diag(DIAG_NOTE, NULL, 0, 0, kind == SUGGEST_STEP ?
		    N_("'%s' is a step in model '%s'; the case follows model "
		    "'%s'") : kind == SUGGEST_ROLE ?
		    N_("'%s' is a role in model '%s'; the case follows model "
		    "'%s'") :
		    N_("'%s' is a phase in model '%s'; the case follows model "
		    "'%s'"), id, other, follows);
	else
		diag(DIAG_NOTE, NULL, 0, 0, kind == SUGGEST_STEP ?
		    N_("'%s' is a step in model '%s'; the cases follow model "
		    "'%s'") : kind == SUGGEST_ROLE ?
		    N_("'%s' is a role in model '%s'; the cases follow model "
		    "'%s'") :
		    N_("'%s' is a phase in model '%s'; the cases follow model "
		    "'%s'"), id, other, follows);
}

int
suggest_unknown(const struct model *m, enum suggest_kind kind,
    const char *id, const char *cmd)
{
	struct suggest sg;
	const char *other;

	fail_at(FAIL_USAGE, NULL, 0, 0, kind == SUGGEST_STEP ?
	    N_("unknown step '%.40s' in model '%s'; see 'sams %s%s%s'") :
	    kind == SUGGEST_ROLE ?
	    N_("unknown role '%.40s' in model '%s'; see 'sams %s%s%s'") :
	    N_("unknown phase '%.40s' in model '%s'; see 'sams %s%s%s'"),
	    id, m->id, list_command(kind),
	    strcmp(m->id, "sams") ? " --model " : "",
	    strcmp(m->id, "sams") ? m->id : "");
	other = suggest_other_model(m, kind, id);
	if (other != NULL)
		note_other_model(kind, id, other, cmd, m->id, 0);
	else {
		suggest_init(&sg, id);
		suggest_add_model(&sg, m, kind);
		suggest_note(&sg);
	}
	return diag_fail(FAIL_USAGE);	/* the last, after the probes */
}

int
suggest_choice(const char *option, const char *value,
    const char *const *choices)
{
	struct strbuf list = STRBUF_INIT;
	struct suggest sg;

	text_list(&list, choices, TEXT_LIST_ALL, N_("or"));
	fail_at(FAIL_USAGE, NULL, 0, 0, "%s wants one of %s", option,
	    list.buf);
	strbuf_release(&list);
	suggest_init(&sg, value);
	suggest_add_list(&sg, choices);
	suggest_note(&sg);
	return -1;
}

/*
 * Weighs the built-in models in folder (NULL: none) for f; 1 when one has
 * f's id.  A model that fails to load has said why.
 */
static int
filter_folder(struct suggest_filter *f, const char *folder,
    struct suggest *sg)
{
	const struct model *m;
	const char *const *id;
	int found = 0;

	for (id = builtin_model_ids; *id != NULL; id++) {
		if (model_get_in(*id, folder, &m) != 0 || m == NULL)
			continue;
		found |= suggest_model_has(m, f->kind, f->id);
		suggest_add_model(sg, m, f->kind);
	}
	return found;
}

int
suggest_filter_begin(struct suggest_filter *f, enum suggest_kind kind,
    const char *option, const char *id, char *const *paths, size_t n)
{
	struct suggest sg;
	const char *folder;
	char *last = NULL;
	size_t i;
	int found;

	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->option = option;
	f->id = id;
	if (id == NULL)
		return 0;
	suggest_init(&sg, id);
	found = filter_folder(f, NULL, &sg);
	for (i = 0; i < n && !found; i++) {
		folder = folder_find(paths[i]);
		if (folder == NULL || (last != NULL &&
		    strcmp(folder, last) == 0))
			continue;
		free(last);
		last = xstrdup(folder);
		found = filter_folder(f, last, &sg);
	}
	free(last);
	if (found || model_get_dir() != NULL)
		return 0;
	/* A filter is a --role or a --phase. */
	error_msg(kind == SUGGEST_ROLE ?
	    N_("%s: unknown role '%.40s'; see 'sams %s'") :
	    N_("%s: unknown phase '%.40s'; see 'sams %s'"), option, id,
	    list_command(kind));
	suggest_note(&sg);
	return -1;
}

int
suggest_filter_case(struct suggest_filter *f, const struct model *m)
{
	size_t i;

	if (f->id == NULL)
		return 1;
	if (suggest_model_has(m, f->kind, f->id)) {
		f->having++;
		return 1;
	}
	for (i = 0; i < f->nlacking; i++)
		if (f->lacking[i] == m)
			return 0;
	if (f->nlacking < sizeof(f->lacking) / sizeof(f->lacking[0]))
		f->lacking[f->nlacking++] = m;
	return 0;
}

/* "--role: unknown role 'x' in models 'a' and 'b'; see 'sams roles'". */
static void
unknown_in_models(const struct suggest_filter *f, const char *ids)
{
	int several = f->nlacking > 1;

	if (f->kind == SUGGEST_ROLE)
		error_msg(several ?
		    N_("%s: unknown role '%.40s' in models %s; see 'sams %s'") :
		    N_("%s: unknown role '%.40s' in model %s; see 'sams %s'"),
		    f->option, f->id, ids, list_command(f->kind));
	else
		error_msg(several ?
		    N_("%s: unknown phase '%.40s' in models %s; see 'sams "
		    "%s'") :
		    N_("%s: unknown phase '%.40s' in model %s; see 'sams %s'"),
		    f->option, f->id, ids, list_command(f->kind));
}

int
suggest_filter_end(struct suggest_filter *f)
{
	struct suggest sg;
	const char *other;
	char ids[4 * 48];
	size_t i, used = 0;

	if (f->id == NULL || f->having > 0 || f->nlacking == 0)
		return 0;
	for (i = 0; i < f->nlacking; i++)
		used += list_item(ids + used, sizeof(ids) - used, i,
		    f->nlacking, N_("and"), f->lacking[i]->id);
	unknown_in_models(f, ids);
	other = suggest_other_model(f->lacking[0], f->kind, f->id);
	if (other != NULL && f->nlacking == 1) {
		note_other_model(f->kind, f->id, other, NULL,
		    f->lacking[0]->id, 1);
		return -1;
	}
	suggest_init(&sg, f->id);
	for (i = 0; i < f->nlacking; i++)
		suggest_add_model(&sg, f->lacking[i], f->kind);
	suggest_note(&sg);
	return -1;
}
