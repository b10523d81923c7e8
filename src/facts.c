/* The table of case facts and how their values are checked. */
#include <string.h>

#include "date.h"
#include "facts.h"
#include "i18n.h"
#include "text.h"

const char *const placement_types[] = {
	"familjehem", "jourhem", "hvb", "stodboende", "skyddat-boende",
	"sis", NULL
};

const char *const school_forms[] = {
	"forskoleklass", "grundskola", "anpassad-grundskola", "specialskola",
	"sameskola", "gymnasieskola", "anpassad-gymnasieskola", "ingen", NULL
};

static const char *const booleans[] = { "true", "false", NULL };

/* TRANSLATORS: the names of the facts of a case, as "sams log" lists
   them. */
static const struct fact_def facts[] = {
	{ "id", FACT_TEXT, NULL, NULL, 0, 0, "ärende", N_("case") },
	{ "model", FACT_TEXT, NULL, "sams", 0, 0, "modell", N_("model") },
	{ "placement.type", FACT_CHOICE, placement_types, NULL, 1, 1,
	    "placeringsform", N_("placement type") },
	{ "placement.date", FACT_DATE, NULL, NULL, 1, 0,
	    "placeringsdatum", N_("placement date") },
	{ "placement.end", FACT_DATE, NULL, NULL, 1, 0,
	    "placeringens slut", N_("end of placement") },
	{ "placement.acute", FACT_BOOL, booleans, "false", 1, 1,
	    "akut placering", N_("acute placement") },
	{ "placement.other-municipality", FACT_BOOL, booleans, "false", 1, 1,
	    "i annan kommun", N_("in another municipality") },
	{ "placement.lvu", FACT_BOOL, booleans, "false", 1, 1,
	    "vård enligt LVU", N_("care under LVU") },
	{ "child.born", FACT_YEAR, NULL, NULL, 1, 0,
	    "födelseår", N_("year of birth") },
	{ "child.age", FACT_AGE, NULL, NULL, 0, 1, "ålder", N_("age") },
	{ "child.protected", FACT_BOOL, booleans, "false", 1, 1,
	    "skyddade uppgifter", N_("protected personal details") },
	{ "school.change", FACT_BOOL, booleans, "true", 1, 1,
	    "skolbyte", N_("change of school") },
	/* No value of its own: school.change's until one is set. */
	{ "school.change-at-end", FACT_BOOL, booleans, NULL, 1, 1,
	    "skolbyte vid avslut", N_("change of school at the end") },
	{ "school.form", FACT_CHOICE, school_forms, NULL, 1, 1,
	    "skolform", N_("school form") },
	{ "school.sending", FACT_TEXT, NULL, NULL, 1, 0,
	    "avlämnande skola", N_("sending school") },
	{ "school.receiving", FACT_TEXT, NULL, NULL, 1, 0,
	    "mottagande skola", N_("receiving school") },
	{ "school.start", FACT_DATE, NULL, NULL, 1, 0,
	    "första skoldag", N_("first school day") },
	{ NULL, FACT_TEXT, NULL, NULL, 0, 0, NULL, NULL }
};

static const struct fact_def contact_fact = {
	"contacts.*", FACT_TEXT, NULL, NULL, 1, 0, "kontakt", N_("contact")
};

const struct fact_def *
fact_table(void)
{
	return facts;
}

const char *
fact_name(const struct fact_def *def)
{
	return _(def->name);
}

const struct fact_def *
fact_lookup(const char *path)
{
	size_t i;

	if (strncmp(path, "contacts.", 9) == 0 && path[9] != '\0')
		return &contact_fact;
	for (i = 0; facts[i].path != NULL; i++)
		if (facts[i].path[0] == path[0] &&	/* most differ there */
		    strcmp(facts[i].path, path) == 0)
			return &facts[i];
	return NULL;
}

int
fact_clearable(const struct fact_def *def)
{
	static const char *const clearable[] = {
		"placement.end", "school.sending", "school.receiving",
		"school.start", "child.born", NULL
	};
	size_t i;

	if (def == &contact_fact)
		return 1;
	for (i = 0; clearable[i] != NULL; i++)
		if (strcmp(clearable[i], def->path) == 0)
			return 1;
	return 0;
}

/*
 * Reads an age at *p: 1-3 digits.  Returns it, or -1, and moves *p past
 * it.
 */
static long
read_age(const char **p)
{
	long age = 0;
	int n = 0;

	while (**p >= '0' && **p <= '9' && n < 4) {
		age = age * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n == 0 || n > 3 ? -1 : age;
}

/* Parses an age range into [*lo, *hi]; -1 when it is not one. */
static int
age_range(const char *range, long *lo, long *hi)
{
	const char *p = range;

	*lo = 0;
	*hi = 999;
	if (*p != '-' && (*lo = read_age(&p)) == -1)
		return -1;
	if (*p == '\0') {
		*hi = *lo;
		return 0;
	}
	if (*p++ != '-')
		return -1;
	if (*p != '\0' && (*hi = read_age(&p)) == -1)
		return -1;
	/* "-" alone says nothing. */
	if (*p != '\0' || (p == range + 1) || *lo > *hi)
		return -1;
	return 0;
}

int
fact_age_in(const char *range, long age)
{
	long lo, hi;

	return age_range(range, &lo, &hi) == 0 && age >= lo && age <= hi;
}

/* A year 1900 ... 2099, written YYYY. */
static int
year_check(const char *value)
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (value[i] < '0' || value[i] > '9')
			return -1;
	if (value[4] != '\0' || (strncmp(value, "19", 2) != 0 &&
	    strncmp(value, "20", 2) != 0))
		return -1;
	return 0;
}

int
fact_check(const struct fact_def *def, const char *value, const char **why)
{
	long day, lo, hi;
	size_t i;

	switch (def->type) {
	case FACT_YEAR:
		*why = text_msg(N_("not a year (YYYY, 1900-2099)"));
		return year_check(value);
	case FACT_AGE:
		*why = text_msg(N_("not an age or a range of ages (such as 7, "
		    "16-19, -17 or 18-)"));
		return age_range(value, &lo, &hi);
	case FACT_DATE:
		*why = text_msg(N_("not a date (YYYY-MM-DD)"));
		return date_parse(value, &day);
	case FACT_BOOL:
		*why = text_msg(N_("not true or false"));
		break;
	case FACT_CHOICE:
		*why = text_msg(N_("not one of the known values"));
		break;
	case FACT_TEXT:
		*why = text_msg(N_("empty"));
		return value[0] == '\0' ? -1 : 0;
	}
	for (i = 0; def->choices[i] != NULL; i++)
		if (strcmp(def->choices[i], value) == 0)
			return 0;
	return -1;
}

void
fact_conditions_text(struct strbuf *sb)
{
	const char *names[sizeof(facts) / sizeof(facts[0])];
	size_t i, n = 0;

	for (i = 0; facts[i].path != NULL; i++)
		if (facts[i].condition)
			names[n++] = facts[i].path;
	text_list(sb, names, n, N_("or"));
}
