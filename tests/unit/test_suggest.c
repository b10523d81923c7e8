/* Unit tests of "did you mean": git's weights, the floor, ties, the note. */
#include "facts.h"
#include "modelset.h"
#include "suggest.h"
#include "testutil.h"

static const char *const commands[] = {
	"check", "done", "help", "init", "merge-file", "new", "next", "note",
	"phases", "reopen", "replace", "report", "roles", "set", "show",
	"skip", "status", NULL
};

/* The one name offered for word among list, or NULL for none or ties. */
static const char *
closest(const char *word, const char *const *list)
{
	struct suggest sg;

	suggest_init(&sg, word);
	suggest_add_list(&sg, list);
	return suggest_count(&sg) == 1 ? suggest_name(&sg, 0) : NULL;
}

static void
test_suggest_distance_weighs_as_git_does(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("status", "status"), 0);
	assert_int_equal(suggest_distance("statsu", "status"), 0); /* swap */
	assert_int_equal(suggest_distance("stotus", "status"), 2); /* wrong */
	assert_int_equal(suggest_distance("statu", "status"), 1); /* missing */
	assert_int_equal(suggest_distance("statuss", "status"), 3); /* extra */
	assert_int_equal(suggest_distance("", "abc"), 3);
	assert_int_equal(suggest_distance("abc", ""), 9);
	assert_int_equal(suggest_distance("HVB", "hvb"), 0);
}

static void
test_suggest_distance_refuses_long_words(void **state)
{
	char word[200];

	(void)state;
	memset(word, 'a', sizeof(word) - 1);
	word[sizeof(word) - 1] = '\0';
	assert_true(suggest_distance(word, "a") == (size_t)-1);
	assert_null(closest(word, commands));
}

static void
test_suggest_finds_typos_of_commands(void **state)
{
	(void)state;
	assert_string_equal(closest("statsu", commands), "status");
	assert_string_equal(closest("reprot", commands), "report");
	assert_string_equal(closest("chekc", commands), "check");
	assert_string_equal(closest("rol", commands), "roles");
}

static void
test_suggest_tells_nonsense_nothing(void **state)
{
	static const char *const nonsense[] = {
		"frobnicate", "x", "xy", "foo", "zzzzzz", "", "12345", NULL
	};
	size_t i;

	(void)state;
	for (i = 0; nonsense[i] != NULL; i++)
		if (closest(nonsense[i], commands) != NULL)
			fail_msg("'%s' got '%s'", nonsense[i],
			    closest(nonsense[i], commands));
}

static void
test_suggest_finds_choices(void **state)
{
	(void)state;
	assert_string_equal(closest("famijlehem", placement_types),
	    "familjehem");
	assert_string_equal(closest("jorhem", placement_types), "jourhem");
	assert_string_equal(closest("grundskol", school_forms), "grundskola");
	assert_string_equal(closest("gymnasie", school_forms),
	    "gymnasieskola");
	assert_null(closest("slott", placement_types));
}

static void
test_suggest_lists_ties(void **state)
{
	static const char *const roles[] = {
		"socialtjanst", "rektor-avlamnande", "rektor-mottagande",
		"utbildningsforvaltning", "samordnare", NULL
	};
	struct suggest sg;

	(void)state;
	suggest_init(&sg, "rektor");
	suggest_add_list(&sg, roles);
	assert_int_equal(suggest_count(&sg), 2);
	assert_string_equal(suggest_name(&sg, 0), "rektor-avlamnande");
	assert_string_equal(suggest_name(&sg, 1), "rektor-mottagande");
	assert_null(suggest_name(&sg, 2));
	assert_int_equal(suggest_note(&sg), 2);
	assert_reported("sams: note: did you mean 'rektor-avlamnande' or "
	    "'rektor-mottagande'?\n");
}

static void
test_suggest_offers_nothing_when_too_many_tie(void **state)
{
	static const char *const steps[] = {
		"up-skolstart", "up-narvaro", "up-hemkommun", "up-folja",
		"up-mote", NULL
	};
	struct suggest sg;

	(void)state;
	suggest_init(&sg, "up-");
	suggest_add_list(&sg, steps);
	assert_int_equal(suggest_count(&sg), 0);
	assert_int_equal(suggest_note(&sg), 0);
	assert_string_equal(messages(), "");
}

static void
test_suggest_ignores_repeats(void **state)
{
	struct suggest sg;

	(void)state;
	suggest_init(&sg, "ip-overlamnig");
	suggest_add(&sg, "ip-overlamning");
	suggest_add(&sg, "ip-overlamning");	/* in sams and in sisam */
	suggest_add(&sg, NULL);
	assert_int_equal(suggest_count(&sg), 1);
	suggest_note(&sg);
	assert_reported("sams: note: did you mean 'ip-overlamning'?\n");
}

static void
test_suggest_reads_model_ids(void **state)
{
	const struct model *m;
	struct suggest sg;

	(void)state;
	assert_int_equal(model_get("sams", &m), 0);
	assert_true(suggest_model_has(m, SUGGEST_STEP, "ip-kartlagg"));
	assert_false(suggest_model_has(m, SUGGEST_STEP, "sis-hemskola"));
	assert_true(suggest_model_has(m, SUGGEST_ROLE, "samordnare"));
	assert_true(suggest_model_has(m, SUGGEST_PHASE, "uppfoljning"));
	suggest_init(&sg, "under-placerng");
	suggest_add_model(&sg, m, SUGGEST_PHASE);
	assert_string_equal(suggest_name(&sg, 0), "under-placering");
	suggest_init(&sg, "ip-kartlag");
	suggest_add_model(&sg, m, SUGGEST_STEP);
	assert_string_equal(suggest_name(&sg, 0), "ip-kartlagg");
	suggest_init(&sg, "rektor-mottagnde");
	suggest_add_model(&sg, m, SUGGEST_ROLE);
	assert_int_equal(suggest_count(&sg), 1);
	assert_string_equal(suggest_name(&sg, 0), "rektor-mottagande");
}

static void
test_suggest_choice_lists_and_suggests(void **state)
{
	(void)state;
	assert_int_equal(suggest_choice("--type", "famijlehem",
	    placement_types), -1);
	assert_reported("sams: error: --type wants one of familjehem, "
	    "jourhem, hvb, stodboende, skyddat-boende or sis\n"
	    "sams: note: did you mean 'familjehem'?\n");
	suggest_choice("--school-form", "slott", school_forms);
	assert_string_equal(messages(), "sams: error: --school-form wants "
	    "one of forskoleklass, grundskola, anpassad-grundskola, "
	    "specialskola, sameskola, gymnasieskola, anpassad-gymnasieskola "
	    "or ingen\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest_distance_weighs_as_git_does),
		cmocka_unit_test(test_suggest_distance_refuses_long_words),
		cmocka_unit_test(test_suggest_finds_typos_of_commands),
		cmocka_unit_test(test_suggest_tells_nonsense_nothing),
		cmocka_unit_test(test_suggest_finds_choices),
		cmocka_unit_test(test_suggest_lists_ties),
		cmocka_unit_test(test_suggest_offers_nothing_when_too_many_tie),
		cmocka_unit_test(test_suggest_ignores_repeats),
		cmocka_unit_test(test_suggest_reads_model_ids),
		cmocka_unit_test(test_suggest_choice_lists_and_suggests),
	};

	return cmocka_run_group_tests_name("suggest", tests, capture_setup,
	    capture_teardown);
}
