/* Swedish words for fact values, sources, conditions and due rules. */
#include <stdlib.h>
#include <string.h>

#include "duerule.h"
#include "facts.h"
#include "model.h"
#include "strbuf.h"
#include "words.h"

/*
 * A value of a choice fact: its name alone ("HVB"), and how a condition
 * says it, a preposition and a noun ("i" "HVB", "i" "grundskolan").  A
 * list of values repeats the preposition only where it changes.
 */
struct choice_words {
	const char	*fact, *value, *name, *prep, *noun;
};

static const struct choice_words choices[] = {
	{ "placement.type", "familjehem", "familjehem", "i", "familjehem" },
	{ "placement.type", "jourhem", "jourhem", "i", "jourhem" },
	{ "placement.type", "hvb", "HVB", "i", "HVB" },
	{ "placement.type", "stodboende", "stödboende", "i", "stödboende" },
	{ "placement.type", "skyddat-boende", "skyddat boende", "i",
	    "skyddat boende" },
	{ "placement.type", "sis", "SiS särskilda ungdomshem", "på",
	    "SiS särskilda ungdomshem" },
	{ "school.form", "forskoleklass", "förskoleklass", "i",
	    "förskoleklassen" },
	{ "school.form", "grundskola", "grundskola", "i", "grundskolan" },
	{ "school.form", "anpassad-grundskola", "anpassad grundskola", "i",
	    "anpassade grundskolan" },
	{ "school.form", "specialskola", "specialskola", "i",
	    "specialskolan" },
	{ "school.form", "sameskola", "sameskola", "i", "sameskolan" },
	{ "school.form", "gymnasieskola", "gymnasieskola", "i",
	    "gymnasieskolan" },
	{ "school.form", "anpassad-gymnasieskola", "anpassad gymnasieskola",
	    "i", "anpassade gymnasieskolan" },
	{ "school.form", "ingen", "ingen skolgång", "utan", "skolgång" },
};

/* A yes-no fact in a condition: what "true" and what "false" mean. */
static const struct {
	const char	*fact, *yes, *no;
} yes_no[] = {
	{ "placement.acute", "vid akut placering",
	    "vid placering som inte är akut" },
	{ "placement.other-municipality", "vid placering i annan kommun",
	    "vid placering i den egna kommunen" },
	{ "placement.lvu", "vid vård enligt LVU",
	    "vid vård som inte sker enligt LVU" },
	{ "child.protected", "när barnet har skyddade uppgifter",
	    "när barnet inte har skyddade uppgifter" },
	{ "school.change", "vid skolbyte", "utan skolbyte" },
	{ "school.change-at-end", "vid skolbyte när placeringen upphör",
	    "utan skolbyte när placeringen upphör" },
};

static const struct {
	const char	*id, *name;
} sources[] = {
	{ "sams", "SAMS" },
	{ "sisam", "SiSam" },
	{ "law", "lag" },
	{ "project", "projektets tolkning" },
	{ "local", "lokal rutin" },
};

/* The dates a due rule counts from. */
static const struct {
	const char	*base, *words;
} bases[] = {
	{ "placement.date", "placeringsdatum" },
	{ "placement.end", "placeringens slut" },
	{ "opened", "att ärendet öppnades" },
	{ "done", "att det senast gjordes" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct choice_words *
choice_lookup(const char *fact, const char *value)
{
	size_t i;

	for (i = 0; i < NELEM(choices); i++)
		if (strcmp(choices[i].fact, fact) == 0 &&
		    strcmp(choices[i].value, value) == 0)
			return &choices[i];
	return NULL;
}

const char *
words_value(const char *path, const char *value)
{
	const struct choice_words *cw;
	const struct fact_def *def;

	if (path == NULL || value == NULL)
		return value;
	def = fact_lookup(path);
	if (def != NULL && def->type == FACT_BOOL)
		return strcmp(value, "true") == 0 ? "ja" :
		    strcmp(value, "false") == 0 ? "nej" : value;
	cw = choice_lookup(path, value);
	return cw != NULL ? cw->name : value;
}

const char *
words_source(const char *source)
{
	size_t i;

	if (source == NULL)
		return NULL;
	for (i = 0; i < NELEM(sources); i++)
		if (strcmp(sources[i].id, source) == 0)
			return sources[i].name;
	return source;
}

/* The separator before item k of n in a list people read: ", " or " eller ". */
static void
list_sep(struct strbuf *sb, size_t k, size_t n)
{
	if (k > 0)
		strbuf_addstr(sb, k + 1 == n ? " eller " : ", ");
}

void
words_age(struct strbuf *sb, const char *range)
{
	const char *dash = strchr(range, '-');

	if (dash == NULL)
		strbuf_addf(sb, "%s år", range);
	else if (dash == range)
		strbuf_addf(sb, "högst %s år", range + 1);
	else if (dash[1] == '\0')
		strbuf_addf(sb, "från %.*s år", (int)(dash - range), range);
	else	/* an en dash between the ages */
		strbuf_addf(sb, "%.*s\xe2\x80\x93%s år", (int)(dash - range),
		    range, dash + 1);
}

/* A choice condition: "i grundskolan, specialskolan eller sameskolan". */
static void
choice_condition(struct strbuf *sb, const struct condition *c)
{
	const struct choice_words *cw;
	const char *prep = NULL;
	size_t k;

	for (k = 0; k < c->nvalues; k++) {
		list_sep(sb, k, c->nvalues);
		cw = choice_lookup(c->fact, c->values[k]);
		if (cw == NULL) {	/* words.c lacks it: test_words fails */
			strbuf_addstr(sb, c->values[k]);
			prep = NULL;
			continue;
		}
		if (prep == NULL || strcmp(prep, cw->prep) != 0)
			strbuf_addf(sb, "%s ", cw->prep);
		strbuf_addstr(sb, cw->noun);
		prep = cw->prep;
	}
}

/* A yes-no condition: "vid skolbyte"; both values, "vid ... eller utan". */
static int
yes_no_condition(struct strbuf *sb, const struct condition *c)
{
	size_t i, k;

	for (i = 0; i < NELEM(yes_no); i++)
		if (strcmp(yes_no[i].fact, c->fact) == 0)
			break;
	if (i == NELEM(yes_no))
		return -1;
	for (k = 0; k < c->nvalues; k++) {
		list_sep(sb, k, c->nvalues);
		strbuf_addstr(sb, strcmp(c->values[k], "true") == 0 ?
		    yes_no[i].yes : yes_no[i].no);
	}
	return 0;
}

void
words_condition(struct strbuf *sb, const struct condition *c)
{
	const struct fact_def *def = fact_lookup(c->fact);
	size_t k;

	if (def != NULL && def->type == FACT_AGE) {
		strbuf_addstr(sb, "för barn ");
		for (k = 0; k < c->nvalues; k++) {
			list_sep(sb, k, c->nvalues);
			words_age(sb, c->values[k]);
		}
	} else if (def != NULL && def->type == FACT_CHOICE)
		choice_condition(sb, c);
	else if (yes_no_condition(sb, c) != 0) {
		/* words.c lacks the fact: test_words fails */
		strbuf_addf(sb, "%s: ", def != NULL ? def->label : c->fact);
		for (k = 0; k < c->nvalues; k++) {
			list_sep(sb, k, c->nvalues);
			strbuf_addstr(sb, words_value(c->fact, c->values[k]));
		}
	}
}

void
words_when(struct strbuf *sb, const struct condition *when, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && when[i].group != when[i - 1].group)
			strbuf_addstr(sb, "; eller ");
		else if (i > 0)	/* "och" before the group's last */
			strbuf_addstr(sb, i + 1 == n ||
			    when[i + 1].group != when[i].group ? " och " :
			    ", ");
		words_condition(sb, &when[i]);
	}
}

static const char *
unit_word(char unit, int n)
{
	if (unit == 'm')
		return n == 1 ? "månad" : "månader";
	if (unit == 'w')
		return n == 1 ? "vecka" : "veckor";
	return n == 1 ? "dag" : "dagar";
}

void
words_rule(struct strbuf *sb, const struct due_rule *rule)
{
	const char *base = rule->base;
	int n = abs(rule->amount);
	size_t i;

	for (i = 0; i < NELEM(bases); i++)
		if (strcmp(bases[i].base, rule->base) == 0)
			base = bases[i].words;
	if (n == 0)
		strbuf_addf(sb, "på %s", base);
	else
		strbuf_addf(sb, "%d %s %s %s", n, unit_word(rule->unit, n),
		    rule->amount < 0 ? "före" : "efter", base);
}

void
words_period(struct strbuf *sb, const struct due_rule *rule)
{
	strbuf_addf(sb, "%d %s efter att det senast gjordes, så länge "
	    "placeringen pågår", rule->amount, unit_word(rule->unit,
	    rule->amount));
}
