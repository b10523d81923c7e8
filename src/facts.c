/* The table of case facts and how their values are checked. */
#include <string.h>

#include "date.h"
#include "facts.h"
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

static const struct fact_def facts[] = {
	{ "id", FACT_TEXT, NULL, NULL, 0, 0, "ärende" },
	{ "model", FACT_TEXT, NULL, "sams", 0, 0, "modell" },
	{ "placement.type", FACT_CHOICE, placement_types, NULL, 1, 1,
	    "placeringsform" },
	{ "placement.date", FACT_DATE, NULL, NULL, 1, 0, "placeringsdatum" },
	{ "placement.end", FACT_DATE, NULL, NULL, 1, 0, "placeringens slut" },
	{ "placement.acute", FACT_BOOL, booleans, "false", 1, 1,
	    "akut placering" },
	{ "school.change", FACT_BOOL, booleans, "true", 1, 1, "skolbyte" },
	{ "school.form", FACT_CHOICE, school_forms, NULL, 1, 1, "skolform" },
	{ "school.sending", FACT_TEXT, NULL, NULL, 1, 0, "avlämnande skola" },
	{ "school.receiving", FACT_TEXT, NULL, NULL, 1, 0,
	    "mottagande skola" },
	{ NULL, FACT_TEXT, NULL, NULL, 0, 0, NULL }
};

static const struct fact_def contact_fact = {
	"contacts.*", FACT_TEXT, NULL, NULL, 1, 0, "kontakt"
};

const struct fact_def *
fact_table(void)
{
	return facts;
}

const struct fact_def *
fact_lookup(const char *path)
{
	size_t i;

	if (strncmp(path, "contacts.", 9) == 0 && path[9] != '\0')
		return &contact_fact;
	for (i = 0; facts[i].path != NULL; i++)
		if (strcmp(facts[i].path, path) == 0)
			return &facts[i];
	return NULL;
}

int
fact_clearable(const struct fact_def *def)
{
	static const char *const clearable[] = {
		"placement.end", "school.sending", "school.receiving", NULL
	};
	size_t i;

	if (def == &contact_fact)
		return 1;
	for (i = 0; clearable[i] != NULL; i++)
		if (strcmp(clearable[i], def->path) == 0)
			return 1;
	return 0;
}

int
fact_check(const struct fact_def *def, const char *value, const char **why)
{
	long day;
	size_t i;

	switch (def->type) {
	case FACT_DATE:
		*why = "not a date (YYYY-MM-DD)";
		return date_parse(value, &day);
	case FACT_BOOL:
		*why = "not true or false";
		break;
	case FACT_CHOICE:
		*why = "not one of the known values";
		break;
	case FACT_TEXT:
		*why = "empty";
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
	text_list(sb, names, n, "or");
}
