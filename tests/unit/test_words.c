/*
 * Unit tests of words.c: every condition fact and value of the facts
 * table has Swedish words, and conditions, groups, ages, sources and due
 * rules read as people say them.
 */
#include <stdlib.h>

#include "duerule.h"
#include "facts.h"
#include "model.h"
#include "strbuf.h"
#include "testutil.h"
#include "words.h"

/* The words a test writes, freed by teardown even when an assertion fails. */
static int
setup(void **state)
{
	struct strbuf *sb = xcalloc(1, sizeof(*sb));

	strbuf_init(sb);
	*state = sb;
	return 0;
}

static int
teardown(void **state)
{
	strbuf_release(*state);
	free(*state);
	return 0;
}

/* The words of one condition "fact: value", in sb (emptied first). */
static const char *
one(struct strbuf *sb, const char *fact, const char *value)
{
	const char *values[] = { value };
	struct condition c = { fact, values, 1, 0 };

	strbuf_release(sb);
	words_condition(sb, &c);
	return sb->buf;
}

/*
 * A fact added to the table without words shows its label and raw value
 * ("skolform: x"), and a new choice its id: neither may pass.
 */
static void
test_words_cover_every_condition_fact_and_value(void **state)
{
	static const char *const bools[] = { "true", "false", NULL };
	static const char *const ages[] = { "7", "16-19", "-17", "18-", NULL };
	const struct fact_def *def;
	const char *const *v, *text;
	size_t n = 0;

	for (def = fact_table(); def->path != NULL; def++) {
		if (!def->condition)
			continue;
		v = def->type == FACT_CHOICE ? def->choices :
		    def->type == FACT_AGE ? ages : bools;
		for (; *v != NULL; v++, n++) {
			text = one(*state, def->path, *v);
			print_message("%s=%s: %s\n", def->path, *v, text);
			assert_null(strstr(text, def->path));
			assert_null(strchr(text, ':'));
			/* more than the value: a preposition at least */
			assert_true(strlen(text) > strlen(*v));
			if (def->type == FACT_CHOICE)	/* ids have dashes */
				assert_null(strchr(words_value(def->path, *v),
				    '-'));
		}
	}
	assert_true(n >= 25);
}

static void
test_words_say_conditions_as_people_do(void **state)
{
	assert_string_equal(one(*state, "school.change", "true"),
	    "vid skolbyte");
	assert_string_equal(one(*state, "school.change", "false"),
	    "utan skolbyte");
	assert_string_equal(one(*state, "placement.acute", "true"),
	    "vid akut placering");
	assert_string_equal(one(*state, "placement.other-municipality",
	    "true"), "vid placering i annan kommun");
	assert_string_equal(one(*state, "placement.lvu", "true"),
	    "vid vård enligt LVU");
	assert_string_equal(one(*state, "child.protected", "true"),
	    "när barnet har skyddade uppgifter");
	assert_string_equal(one(*state, "school.change-at-end", "true"),
	    "vid skolbyte när placeringen upphör");
	assert_string_equal(one(*state, "placement.type", "hvb"), "i HVB");
	assert_string_equal(one(*state, "school.form", "ingen"),
	    "utan skolgång");
	assert_string_equal(one(*state, "child.age", "16-19"),
	    "för barn 16\xe2\x80\x93" "19 år");
}

/* A list names the preposition again only where it changes. */
static void
test_words_list_values_with_eller(void **state)
{
	const char *forms[] = { "gymnasieskola", "anpassad-gymnasieskola" };
	const char *types[] = { "familjehem", "jourhem", "sis" };
	struct condition c = { "school.form", forms, 2, 0 };
	struct strbuf *sb = *state;

	words_condition(sb, &c);
	strbuf_addch(sb, '|');
	c.fact = "placement.type";
	c.values = types;
	c.nvalues = 3;
	words_condition(sb, &c);
	assert_string_equal(sb->buf, "i gymnasieskolan eller anpassade "
	    "gymnasieskolan|i familjehem, jourhem eller på SiS särskilda "
	    "ungdomshem");
}

/* One group: "och" before its last condition; groups: "; eller". */
static void
test_words_when_joins_groups_with_eller(void **state)
{
	const char *yes[] = { "true" }, *form[] = { "grundskola" };
	const char *jour[] = { "jourhem" };
	const struct condition when[] = {
		{ "school.change", yes, 1, 0 },
		{ "placement.acute", yes, 1, 0 },
		{ "school.form", form, 1, 0 },
		{ "placement.type", jour, 1, 1 },
		{ "placement.acute", yes, 1, 2 },
	};
	struct strbuf *sb = *state;

	words_when(sb, when, 3);
	strbuf_addch(sb, '|');
	words_when(sb, when + 3, 2);
	strbuf_addch(sb, '|');
	words_when(sb, when, 0);
	assert_string_equal(sb->buf, "vid skolbyte, vid akut placering och "
	    "i grundskolan|i jourhem; eller vid akut placering|");
}

static void
test_words_name_ages(void **state)
{
	struct strbuf *sb = *state;

	words_age(sb, "7");
	strbuf_addch(sb, '|');
	words_age(sb, "16-19");
	strbuf_addch(sb, '|');
	words_age(sb, "-17");
	strbuf_addch(sb, '|');
	words_age(sb, "18-");
	assert_string_equal(sb->buf, "7 år|16\xe2\x80\x93" "19 år|högst 17 "
	    "år|från 18 år");
}

static void
test_words_name_sources_and_values(void **state)
{
	(void)state;
	assert_string_equal(words_source("law"), "lag");
	assert_string_equal(words_source("sams"), "SAMS");
	assert_string_equal(words_source("sisam"), "SiSam");
	assert_string_equal(words_source("project"), "projektets tolkning");
	assert_string_equal(words_source("local"), "lokal rutin");
	assert_string_equal(words_source("annan"), "annan");
	assert_string_equal(words_value("placement.type", "skyddat-boende"),
	    "skyddat boende");
	assert_string_equal(words_value("school.form", "anpassad-grundskola"),
	    "anpassad grundskola");
	assert_string_equal(words_value("placement.acute", "true"), "ja");
	assert_string_equal(words_value("school.change", "false"), "nej");
	/* A school's name is not a value id, even when it looks like one. */
	assert_string_equal(words_value("school.receiving", "hvb"), "hvb");
	assert_string_equal(words_value("placement.date", "2026-12-01"),
	    "2026-12-01");
}

static void
test_words_read_due_rules(void **state)
{
	struct strbuf *sb = *state;
	struct due_rule r;
	const char *why;

	assert_int_equal(due_rule_parse("placement.date - 14d", &r, &why), 0);
	words_rule(sb, &r);
	strbuf_addch(sb, '|');
	assert_int_equal(due_rule_parse("placement.end", &r, &why), 0);
	words_rule(sb, &r);
	strbuf_addch(sb, '|');
	assert_int_equal(due_rule_parse("opened + 1w", &r, &why), 0);
	words_rule(sb, &r);
	assert_string_equal(sb->buf, "14 dagar före placeringsdatum|på "
	    "placeringens slut|1 vecka efter att ärendet öppnades");
}

/*
 * For people the words follow the messages' language: the unit tests run
 * in the C locale, so English, while the plain functions stay Swedish
 * (documents and JSON).  A list of choices says "in" once, as Swedish
 * says "i" once; one day is singular.
 */
static void
test_words_tr_speak_english_in_the_c_locale(void **state)
{
	const char *types[] = { "familjehem", "jourhem", "sis" };
	const char *yes[] = { "true" }, *ages[] = { "16-19" };
	const struct condition when[] = {
		{ "placement.type", types, 3, 0 },
		{ "school.change", yes, 1, 0 },
		{ "child.age", ages, 1, 1 },
	};
	struct strbuf *sb = *state;
	struct due_rule r;
	const char *why;

	words_when_tr(sb, when, 3);
	strbuf_addch(sb, '|');
	assert_int_equal(due_rule_parse("placement.date - 1d", &r, &why), 0);
	words_rule_tr(sb, &r);
	strbuf_addch(sb, '|');
	assert_int_equal(due_rule_parse("placement.end", &r, &why), 0);
	words_rule_tr(sb, &r);
	strbuf_addch(sb, '|');
	assert_int_equal(due_rule_parse("opened + 2m", &r, &why), 0);
	words_period_tr(sb, &r);
	assert_string_equal(sb->buf, "in a foster home, an emergency foster "
	    "home or at a SiS special youth home and with a change of school; "
	    "or for children aged 16\xe2\x80\x93" "19|1 day before the "
	    "placement date|when the placement ends|2 months after it was "
	    "last done, as long as the placement lasts");
	assert_string_equal(words_value_tr("school.form", "grundskola"),
	    "compulsory school");
	assert_string_equal(words_value("school.form", "grundskola"),
	    "grundskola");
	assert_string_equal(words_value_tr("placement.lvu", "false"), "no");
	assert_string_equal(words_source_tr("local"), "local routine");
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_words_cover_every_condition_fact_and_value),
		T(test_words_say_conditions_as_people_do),
		T(test_words_list_values_with_eller),
		T(test_words_when_joins_groups_with_eller),
		T(test_words_name_ages),
		T(test_words_name_sources_and_values),
		T(test_words_read_due_rules),
		T(test_words_tr_speak_english_in_the_c_locale),
	};

	return cmocka_run_group_tests_name("words", tests, NULL, NULL);
}
