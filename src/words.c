/*
 * Words for fact values, sources, conditions and due rules: Swedish for
 * documents and JSON, or in the user's language for people.
 */
#include <stdlib.h>
#include <string.h>

#include "duerule.h"
#include "facts.h"
#include "i18n.h"
#include "model.h"
#include "strbuf.h"
#include "words.h"

/*
 * One phrase twice: the Swedish that documents and JSON always show, and
 * the English msgid that people get in their language (po/sv.po gives
 * the same Swedish back).
 */
struct phrase {
	const char	*sv, *en;
};

/*
 * A value of a choice fact: its name alone ("HVB"), and how a condition
 * says it, a preposition and a noun ("i HVB", "i grundskolan").  A list
 * of values says the preposition, the first word, only where it changes.
 */
struct choice_words {
	const char	*fact, *value;
	struct phrase	 name, in;
};

static const struct choice_words choices[] = {
	{ "placement.type", "familjehem", { "familjehem", N_("foster home") },
	    { "i familjehem", N_("in a foster home") } },
	{ "placement.type", "jourhem", { "jourhem",
	    N_("emergency foster home") },
	    { "i jourhem", N_("in an emergency foster home") } },
	{ "placement.type", "hvb", { "HVB", N_("HVB home") },
	    { "i HVB", N_("in an HVB home") } },
	{ "placement.type", "stodboende", { "stödboende",
	    N_("supported housing") },
	    { "i stödboende", N_("in supported housing") } },
	{ "placement.type", "skyddat-boende", { "skyddat boende",
	    N_("protected housing") },
	    { "i skyddat boende", N_("in protected housing") } },
	{ "placement.type", "sis", { "SiS särskilda ungdomshem",
	    N_("SiS special youth home") },
	    { "på SiS särskilda ungdomshem",
	    N_("at a SiS special youth home") } },
	{ "school.form", "forskoleklass", { "förskoleklass",
	    N_("preschool class") },
	    { "i förskoleklassen", N_("in preschool class") } },
	{ "school.form", "grundskola", { "grundskola",
	    N_("compulsory school") },
	    { "i grundskolan", N_("in compulsory school") } },
	{ "school.form", "anpassad-grundskola", { "anpassad grundskola",
	    N_("adapted compulsory school") },
	    { "i anpassade grundskolan", N_("in adapted compulsory school") } },
	{ "school.form", "specialskola", { "specialskola",
	    N_("special school") },
	    { "i specialskolan", N_("in special school") } },
	{ "school.form", "sameskola", { "sameskola", N_("Sami school") },
	    { "i sameskolan", N_("in Sami school") } },
	{ "school.form", "gymnasieskola", { "gymnasieskola",
	    N_("upper secondary school") },
	    { "i gymnasieskolan", N_("in upper secondary school") } },
	{ "school.form", "anpassad-gymnasieskola", { "anpassad gymnasieskola",
	    N_("adapted upper secondary school") },
	    { "i anpassade gymnasieskolan",
	    N_("in adapted upper secondary school") } },
	{ "school.form", "ingen", { "ingen skolgång", N_("no schooling") },
	    { "utan skolgång", N_("without schooling") } },
};

/* A yes-no fact in a condition: what "true" and what "false" mean. */
static const struct {
	const char	*fact;
	struct phrase	 yes, no;
} yes_no[] = {
	{ "placement.acute",
	    { "vid akut placering", N_("for an acute placement") },
	    { "vid placering som inte är akut",
	    N_("for a placement that is not acute") } },
	{ "placement.other-municipality",
	    { "vid placering i annan kommun",
	    N_("for a placement in another municipality") },
	    { "vid placering i den egna kommunen",
	    N_("for a placement in the home municipality") } },
	{ "placement.lvu",
	    { "vid vård enligt LVU", N_("for care under LVU") },
	    { "vid vård som inte sker enligt LVU",
	    N_("for care not under LVU") } },
	{ "child.protected",
	    { "när barnet har skyddade uppgifter",
	    N_("when the child's personal details are protected") },
	    { "när barnet inte har skyddade uppgifter",
	    N_("when the child's personal details are not protected") } },
	{ "school.change",
	    { "vid skolbyte", N_("with a change of school") },
	    { "utan skolbyte", N_("without a change of school") } },
	{ "school.change-at-end",
	    { "vid skolbyte när placeringen upphör",
	    N_("with a change of school when the placement ends") },
	    { "utan skolbyte när placeringen upphör",
	    N_("without a change of school when the placement ends") } },
};

static const struct {
	const char	*id;
	struct phrase	 name;
} sources[] = {
	{ "sams", { "SAMS", N_("SAMS") } },
	{ "sisam", { "SiSam", N_("SiSam") } },
	/* TRANSLATORS: where a step comes from: the law. */
	{ "law", { "lag", N_("law") } },
	{ "project", { "projektets tolkning", N_("the project's interpretation") } },
	{ "local", { "lokal rutin", N_("local routine") } },
};

/*
 * The dates a due rule counts from: after "14 days before", and alone,
 * for a rule that falls on the day itself.
 */
static const struct {
	const char	*base;
	struct phrase	 words, on;
} bases[] = {
	{ "placement.date", { "placeringsdatum", N_("the placement date") },
	    { "på placeringsdatum", N_("on the placement date") } },
	{ "placement.end", { "placeringens slut",
	    N_("the end of the placement") },
	    { "på placeringens slut", N_("when the placement ends") } },
	{ "opened", { "att ärendet öppnades", N_("the case was opened") },
	    { "på att ärendet öppnades", N_("when the case was opened") } },
	{ "done", { "att det senast gjordes", N_("it was last done") },
	    { "på att det senast gjordes", N_("when it was last done") } },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The Swedish, or for people the English in their language. */
static const char *
say(const struct phrase *p, int people)
{
	return people ? _(p->en) : p->sv;
}

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

static const char *
value_words(const char *path, const char *value, int people)
{
	static const struct phrase yes = { "ja", N_("yes") };
	static const struct phrase no = { "nej", N_("no") };
	const struct choice_words *cw;
	const struct fact_def *def;

	if (path == NULL || value == NULL)
		return value;
	def = fact_lookup(path);
	if (def != NULL && def->type == FACT_BOOL)
		return strcmp(value, "true") == 0 ? say(&yes, people) :
		    strcmp(value, "false") == 0 ? say(&no, people) : value;
	cw = choice_lookup(path, value);
	return cw != NULL ? say(&cw->name, people) : value;
}

const char *
words_value(const char *path, const char *value)
{
	return value_words(path, value, 0);
}

const char *
words_value_tr(const char *path, const char *value)
{
	return value_words(path, value, 1);
}

static const char *
source_words(const char *source, int people)
{
	size_t i;

	if (source == NULL)
		return NULL;
	for (i = 0; i < NELEM(sources); i++)
		if (strcmp(sources[i].id, source) == 0)
			return say(&sources[i].name, people);
	return source;
}

const char *
words_source(const char *source)
{
	return source_words(source, 0);
}

const char *
words_source_tr(const char *source)
{
	return source_words(source, 1);
}

/* The separator before item k of n in a list people read: ", " or " eller ". */
static void
list_sep(struct strbuf *sb, size_t k, size_t n, int people)
{
	/* TRANSLATORS: before the last of a list of conditions. */
	static const struct phrase or = { " eller ", N_(" or ") };

	if (k > 0)
		strbuf_addstr(sb, k + 1 == n ? say(&or, people) : ", ");
}

static void
age_words(struct strbuf *sb, const char *range, int people)
{
	const char *dash = strchr(range, '-');
	int n = dash != NULL ? (int)(dash - range) : 0;

	if (dash == NULL)
		strbuf_addf(sb, people ? _("aged %s") : "%s år", range);
	else if (dash == range)
		strbuf_addf(sb, people ? _("aged up to %s") : "högst %s år",
		    range + 1);
	else if (dash[1] == '\0')
		strbuf_addf(sb, people ? _("aged %.*s and over") : "från %.*s år",
		    n, range);
	else	/* an en dash between the ages */
		strbuf_addf(sb, people ? _("aged %.*s\xe2\x80\x93%s") :
		    "%.*s\xe2\x80\x93%s år", n, range, dash + 1);
}

void
words_age(struct strbuf *sb, const char *range)
{
	age_words(sb, range, 0);
}

/*
 * A choice condition: "i grundskolan, specialskolan eller sameskolan",
 * the first word of each phrase left out when the one before began so.
 */
static void
choice_condition(struct strbuf *sb, const struct condition *c, int people)
{
	const struct choice_words *cw;
	const char *in, *prev = NULL;
	size_t k, prep;

	for (k = 0; k < c->nvalues; k++) {
		list_sep(sb, k, c->nvalues, people);
		cw = choice_lookup(c->fact, c->values[k]);
		if (cw == NULL) {	/* words.c lacks it: test_words fails */
			strbuf_addstr(sb, c->values[k]);
			prev = NULL;
			continue;
		}
		in = say(&cw->in, people);
		prep = strcspn(in, " ");
		if (prev != NULL && in[prep] != '\0' &&
		    strncmp(prev, in, prep + 1) == 0)
			in += prep + 1;
		else
			prev = say(&cw->in, people);
		strbuf_addstr(sb, in);
	}
}

/* A yes-no condition: "vid skolbyte"; both values, "vid ... eller utan". */
static int
yes_no_condition(struct strbuf *sb, const struct condition *c, int people)
{
	size_t i, k;

	for (i = 0; i < NELEM(yes_no); i++)
		if (strcmp(yes_no[i].fact, c->fact) == 0)
			break;
	if (i == NELEM(yes_no))
		return -1;
	for (k = 0; k < c->nvalues; k++) {
		list_sep(sb, k, c->nvalues, people);
		strbuf_addstr(sb, strcmp(c->values[k], "true") == 0 ?
		    say(&yes_no[i].yes, people) : say(&yes_no[i].no, people));
	}
	return 0;
}

static void
condition_words(struct strbuf *sb, const struct condition *c, int people)
{
	const struct fact_def *def = fact_lookup(c->fact);
	struct strbuf ages = STRBUF_INIT;
	size_t k;

	if (def != NULL && def->type == FACT_AGE) {
		for (k = 0; k < c->nvalues; k++) {
			list_sep(&ages, k, c->nvalues, people);
			age_words(&ages, c->values[k], people);
		}
		/* TRANSLATORS: %s is one or more ages, "aged 16–19". */
		strbuf_addf(sb, people ? _("for children %s") : "för barn %s",
		    ages.buf);
		strbuf_release(&ages);
	} else if (def != NULL && def->type == FACT_CHOICE)
		choice_condition(sb, c, people);
	else if (yes_no_condition(sb, c, people) != 0) {
		/* words.c lacks the fact: test_words fails */
		strbuf_addf(sb, "%s: ", def == NULL ? c->fact : people ?
		    fact_name(def) : def->label);
		for (k = 0; k < c->nvalues; k++) {
			list_sep(sb, k, c->nvalues, people);
			strbuf_addstr(sb, value_words(c->fact, c->values[k],
			    people));
		}
	}
}

void
words_condition(struct strbuf *sb, const struct condition *c)
{
	condition_words(sb, c, 0);
}

static void
when_words(struct strbuf *sb, const struct condition *when, size_t n,
    int people)
{
	/* TRANSLATORS: between groups of conditions, any of which will do. */
	static const struct phrase or = { "; eller ", N_("; or ") };
	/* TRANSLATORS: before the last condition of a group. */
	static const struct phrase and = { " och ", N_(" and ") };
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && when[i].group != when[i - 1].group)
			strbuf_addstr(sb, say(&or, people));
		else if (i > 0)	/* "och" before the group's last */
			strbuf_addstr(sb, i + 1 == n ||
			    when[i + 1].group != when[i].group ?
			    say(&and, people) : ", ");
		condition_words(sb, &when[i], people);
	}
}

void
words_when(struct strbuf *sb, const struct condition *when, size_t n)
{
	when_words(sb, when, n, 0);
}

void
words_when_tr(struct strbuf *sb, const struct condition *when, size_t n)
{
	when_words(sb, when, n, 1);
}

/* "14 dagar före BASE": n units before or after base. */
static void
amount_words(struct strbuf *sb, const struct due_rule *rule, int n,
    const char *base, int people)
{
	if (rule->unit == 'm' && rule->amount < 0)
		strbuf_addf(sb, people ? P_("%d month before %s",
		    "%d months before %s", n) : n == 1 ? "%d månad före %s" :
		    "%d månader före %s", n, base);
	else if (rule->unit == 'm')
		strbuf_addf(sb, people ? P_("%d month after %s",
		    "%d months after %s", n) : n == 1 ? "%d månad efter %s" :
		    "%d månader efter %s", n, base);
	else if (rule->unit == 'w' && rule->amount < 0)
		strbuf_addf(sb, people ? P_("%d week before %s",
		    "%d weeks before %s", n) : n == 1 ? "%d vecka före %s" :
		    "%d veckor före %s", n, base);
	else if (rule->unit == 'w')
		strbuf_addf(sb, people ? P_("%d week after %s",
		    "%d weeks after %s", n) : n == 1 ? "%d vecka efter %s" :
		    "%d veckor efter %s", n, base);
	else if (rule->amount < 0)
		strbuf_addf(sb, people ? P_("%d day before %s",
		    "%d days before %s", n) : n == 1 ? "%d dag före %s" :
		    "%d dagar före %s", n, base);
	else
		strbuf_addf(sb, people ? P_("%d day after %s",
		    "%d days after %s", n) : n == 1 ? "%d dag efter %s" :
		    "%d dagar efter %s", n, base);
}

static void
rule_words(struct strbuf *sb, const struct due_rule *rule, int people)
{
	int n = abs(rule->amount);
	size_t i;

	for (i = 0; i < NELEM(bases); i++)
		if (strcmp(bases[i].base, rule->base) == 0)
			break;
	if (i == NELEM(bases))	/* duerule.c knows no other */
		strbuf_addstr(sb, rule->base);
	else if (n == 0)
		strbuf_addstr(sb, say(&bases[i].on, people));
	else
		amount_words(sb, rule, n, say(&bases[i].words, people),
		    people);
}

void
words_rule(struct strbuf *sb, const struct due_rule *rule)
{
	rule_words(sb, rule, 0);
}

void
words_rule_tr(struct strbuf *sb, const struct due_rule *rule)
{
	rule_words(sb, rule, 1);
}

/* "6 månader efter att det senast gjordes, så länge placeringen pågår". */
static void
period_words(struct strbuf *sb, const struct due_rule *rule, int people)
{
	int n = rule->amount;

	if (rule->unit == 'm')
		strbuf_addf(sb, people ? P_("%d month after it was last done, "
		    "as long as the placement lasts", "%d months after it was "
		    "last done, as long as the placement lasts", n) : n == 1 ?
		    "%d månad efter att det senast gjordes, så länge "
		    "placeringen pågår" : "%d månader efter att det senast "
		    "gjordes, så länge placeringen pågår", n);
	else if (rule->unit == 'w')
		strbuf_addf(sb, people ? P_("%d week after it was last done, "
		    "as long as the placement lasts", "%d weeks after it was "
		    "last done, as long as the placement lasts", n) : n == 1 ?
		    "%d vecka efter att det senast gjordes, så länge "
		    "placeringen pågår" : "%d veckor efter att det senast "
		    "gjordes, så länge placeringen pågår", n);
	else
		strbuf_addf(sb, people ? P_("%d day after it was last done, "
		    "as long as the placement lasts", "%d days after it was "
		    "last done, as long as the placement lasts", n) : n == 1 ?
		    "%d dag efter att det senast gjordes, så länge "
		    "placeringen pågår" : "%d dagar efter att det senast "
		    "gjordes, så länge placeringen pågår", n);
}

void
words_period(struct strbuf *sb, const struct due_rule *rule)
{
	period_words(sb, rule, 0);
}

void
words_period_tr(struct strbuf *sb, const struct due_rule *rule)
{
	period_words(sb, rule, 1);
}
