/*
 * Unit tests of the model keys of issue 11 on a small model of their own:
 * "when" as a list of alternatives, the child's age, warnings, the
 * fallback owner, due maps in an extending model, and the school change
 * at the end of a placement.
 */
#include "date.h"
#include "facts.h"
#include "modelset.h"
#include "state.h"
#include "testutil.h"

static const char model_text[] =
    "sams-model: 1\nid: t\ntitle: T\n"
    "roles:\n"
    "  - {id: socialtjanst, title: Socialtjänsten}\n"
    "  - {id: samordnare, title: Samordnaren}\n"
    "  - {id: utbildningsforvaltning, title: Förvaltningen}\n"
    "  - {id: rektor-avlamnande, title: Avlämnande}\n"
    "  - {id: rektor-mottagande, title: Mottagande}\n"
    "phases:\n"
    "  - {id: ett, title: Ett, ends: placement.end}\n"
    "  - {id: tva, title: Två, opens-with: placement.end}\n"
    "warnings:\n"
    "  - {id: skyddad, text: Skyddad, when: {child.protected: true}}\n"
    "  - {id: alltid, text: Alltid}\n"
    "steps:\n"
    "  - {id: akut-eller-jour, phase: ett, title: T, owner: socialtjanst,\n"
    "     why: W, what: [X], source: project,\n"
    "     when: [{placement.acute: true}, {placement.type: jourhem}]}\n"
    "  - {id: gymnasiet, phase: ett, title: T, owner: socialtjanst,\n"
    "     why: W, what: [X], source: project,\n"
    "     when: {child.age: 16-19, placement.lvu: true}}\n"
    "  - {id: aktiv, phase: ett, title: T, owner: socialtjanst,\n"
    "     why: W, what: [X], source: project, due: placement.date + 1m,\n"
    "     when: {child.age: 16-19}}\n"
    "  - {id: varnad, phase: ett, title: T, owner: socialtjanst,\n"
    "     why: W, what: [X], source: project, warn: [skyddad, alltid]}\n"
    "  - {id: mote, phase: ett, title: T, owner: samordnare,\n"
    "     fallback-owner: utbildningsforvaltning, why: W, what: [X],\n"
    "     source: project}\n"
    "  - {id: byte, phase: tva, title: T, owner: rektor-mottagande,\n"
    "     why: W, what: [X], source: project,\n"
    "     when: {school.change-at-end: true}}\n";

static const char case_head[] =
    "sams-case: 1\nid: T-1\nmodel: t\n"
    "placement: {type: %s, date: 2026-12-01, acute: %s, lvu: %s}\n"
    "child: {%s}\n"
    "school: {change: %s, form: gymnasieskola}\n"
    "contacts: {%s}\n"
    "history:\n- {date: 2026-11-20, event: opened}\n%s";

struct fixture {
	struct model		*m;
	struct casefile		*c;
	struct case_state	 st;
};

static long
day(const char *s)
{
	long d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

struct facts {
	const char	*type, *acute, *lvu, *child, *change, *contacts;
	const char	*history;
};

static void
compute(struct fixture *f, const struct facts *fa, const char *today)
{
	char *text = xasprintf(case_head, fa->type, fa->acute, fa->lvu,
	    fa->child, fa->change, fa->contacts, fa->history);

	state_release(&f->st);
	case_free(f->c);
	f->c = case_load(text, strlen(text), "c.yml");
	assert_non_null(f->c);
	state_compute(&f->st, f->m, f->c, day(today));
}

static enum step_state
state_of(const struct fixture *f, const char *step)
{
	size_t i = model_step_index(f->m, step);

	assert_int_not_equal(i, NO_INDEX);
	return f->st.steps[i].state;
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	f->m = model_read(xstrdup(model_text), strlen(model_text), "t.yml",
	    NULL);
	if (f->m == NULL)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	state_release(&f->st);
	case_free(f->c);
	model_free(f->m);
	free(f);
	return 0;
}

static const struct facts plain = {
	"familjehem", "false", "false", "", "true", "", ""
};

static void
test_when_any_alternative_will_do(void **state)
{
	struct fixture *f = *state;
	struct facts fa = plain;

	compute(f, &fa, "2026-11-25");
	assert_int_equal(state_of(f, "akut-eller-jour"), STEP_NA);
	fa.acute = "true";
	compute(f, &fa, "2026-11-25");
	assert_int_equal(state_of(f, "akut-eller-jour"), STEP_OPEN);
	fa.acute = "false";
	fa.type = "jourhem";
	compute(f, &fa, "2026-11-25");
	assert_int_equal(state_of(f, "akut-eller-jour"), STEP_OPEN);
}

static void
test_when_age_counts_from_the_birth_year_and_today(void **state)
{
	struct fixture *f = *state;
	struct facts fa = plain;

	fa.lvu = "true";
	fa.child = "born: 2011";
	compute(f, &fa, "2026-11-25");		/* 15 this year */
	assert_int_equal(state_of(f, "gymnasiet"), STEP_NA);
	compute(f, &fa, "2027-01-02");		/* 16 */
	assert_int_equal(state_of(f, "gymnasiet"), STEP_OPEN);
	compute(f, &fa, "2031-01-02");		/* 20 */
	assert_int_equal(state_of(f, "gymnasiet"), STEP_NA);
	/* Every condition of the group must hold. */
	fa.lvu = "false";
	compute(f, &fa, "2027-01-02");
	assert_int_equal(state_of(f, "gymnasiet"), STEP_NA);
	/* An unknown birth year shows the step rather than hides it. */
	fa.lvu = "true";
	fa.child = "";
	compute(f, &fa, "2031-01-02");
	assert_int_equal(state_of(f, "gymnasiet"), STEP_OPEN);
}

/*
 * Found by a probe: a step that begins to apply on 1 January was late
 * at once, and one done went back to "not applicable" a year later.
 */
static void
test_when_age_step_counts_from_the_day_it_applies(void **state)
{
	struct fixture *f = *state;
	struct facts fa = plain;
	size_t i = model_step_index(f->m, "aktiv");

	fa.child = "born: 2012";		/* 16 in 2028 */
	compute(f, &fa, "2027-12-31");
	assert_int_equal(state_of(f, "aktiv"), STEP_NA);
	compute(f, &fa, "2028-01-15");
	assert_int_equal(state_of(f, "aktiv"), STEP_OPEN);
	assert_int_equal(f->st.steps[i].due, day("2028-02-01"));
	assert_false(f->st.steps[i].overdue);
	fa.history = "- {date: 2028-01-20, event: done, step: aktiv}\n";
	compute(f, &fa, "2032-01-02");		/* 20 */
	assert_int_equal(state_of(f, "aktiv"), STEP_DONE);
}

static void
test_when_age_ranges(void **state)
{
	const struct fact_def *def = fact_lookup("child.age");
	const char *why;

	(void)state;
	assert_true(fact_age_in("16-19", 16));
	assert_true(fact_age_in("16-19", 19));
	assert_false(fact_age_in("16-19", 20));
	assert_true(fact_age_in("-17", 0));
	assert_false(fact_age_in("-17", 18));
	assert_true(fact_age_in("18-", 80));
	assert_false(fact_age_in("18-", 17));
	assert_true(fact_age_in("7", 7));
	assert_false(fact_age_in("7", 8));
	assert_int_equal(fact_check(def, "-", &why), -1);
	assert_int_equal(fact_check(def, "19-16", &why), -1);
	assert_int_equal(fact_check(def, "sexton", &why), -1);
	assert_int_equal(fact_check(def, "1000", &why), -1);
	assert_int_equal(fact_check(def, "16--19", &why), -1);
	assert_int_equal(fact_check(def, "", &why), -1);
	assert_int_equal(fact_check(fact_lookup("child.born"), "1899", &why),
	    -1);
	assert_int_equal(fact_check(fact_lookup("child.born"), "20100",
	    &why), -1);
	assert_int_equal(fact_check(fact_lookup("child.born"), "2010",
	    &why), 0);
}

static void
test_when_warnings_follow_the_case(void **state)
{
	struct fixture *f = *state;
	struct facts fa = plain;
	size_t i = model_step_index(f->m, "varnad");

	compute(f, &fa, "2026-11-25");
	assert_null(state_warning(&f->st, i, 0));
	assert_string_equal(state_warning(&f->st, i, 1)->text, "Alltid");
	fa.child = "protected: true";
	compute(f, &fa, "2026-11-25");
	assert_string_equal(state_warning(&f->st, i, 0)->text, "Skyddad");
}

static void
test_when_fallback_owner_stands_in_for_a_missing_role(void **state)
{
	struct fixture *f = *state;
	struct facts fa = plain;
	size_t i = model_step_index(f->m, "mote");
	size_t samordnare = model_role_index(f->m, "samordnare");

	/* Nobody named: the step stays the samordnare's, to be named. */
	compute(f, &fa, "2026-11-25");
	assert_int_equal(state_owner_role(&f->st, i), samordnare);
	assert_null(state_owner(&f->st, i));
	/* No samordnare, but the förvaltning is named: it owns the step. */
	fa.contacts = "utbildningsforvaltning: Lars Ek";
	compute(f, &fa, "2026-11-25");
	assert_int_equal(state_owner_role(&f->st, i),
	    model_role_index(f->m, "utbildningsforvaltning"));
	assert_string_equal(state_owner(&f->st, i), "Lars Ek");
	/* A samordnare named: the step is theirs. */
	fa.contacts = "utbildningsforvaltning: Lars Ek, samordnare: Gun Holm";
	compute(f, &fa, "2026-11-25");
	assert_int_equal(state_owner_role(&f->st, i), samordnare);
	assert_string_equal(state_owner(&f->st, i), "Gun Holm");
}

static void
test_when_no_school_change_at_end_keeps_the_school(void **state)
{
	struct fixture *f = *state;
	struct facts fa = plain;
	size_t i = model_step_index(f->m, "byte");

	/* Without a change of school, none at the end either by default. */
	fa.change = "false";
	fa.contacts = "rektor-avlamnande: Kim Sund";
	fa.history = "- {date: 2026-12-02, event: set, fact: placement.end, "
	    "value: 2027-06-30}\n";
	compute(f, &fa, "2027-01-10");
	assert_int_equal(state_of(f, "byte"), STEP_NA);
	assert_string_equal(case_fact(f->c, "school.change-at-end"), "false");
	/* The rektor during the placement is the one after it too. */
	assert_string_equal(state_contact(f->c, &f->m->roles[
	    model_role_index(f->m, "rektor-mottagande")]), "Kim Sund");
	(void)i;

	/* A school change during the placement: one at the end too. */
	fa.change = "true";
	fa.contacts = "rektor-avlamnande: Kim Sund, rektor-mottagande: Eva Al";
	compute(f, &fa, "2027-01-10");
	assert_int_equal(state_of(f, "byte"), STEP_OPEN);
	assert_string_equal(state_contact(f->c, &f->m->roles[
	    model_role_index(f->m, "rektor-avlamnande")]), "Eva Al");
	assert_null(state_contact(f->c, &f->m->roles[
	    model_role_index(f->m, "rektor-mottagande")]));

	/* Set to false once the schools shifted: the pupil stays at Eva's. */
	fa.history = "- {date: 2026-12-02, event: set, fact: placement.end, "
	    "value: 2027-06-30}\n- {date: 2026-12-03, event: set, fact: "
	    "school.change-at-end, value: \"false\"}\n";
	compute(f, &fa, "2027-01-10");
	assert_int_equal(state_of(f, "byte"), STEP_NA);
	assert_string_equal(state_contact(f->c, &f->m->roles[
	    model_role_index(f->m, "rektor-mottagande")]), "Eva Al");
}

/* Loads text as a model that may extend the built-in ones. */
static struct model *
load(const char *text)
{
	return model_load(xstrdup(text), strlen(text), "m.yml");
}

static void
test_when_extending_model_sets_due_dates(void **state)
{
	static const char text[] = "sams-model: 1\nid: x\nextends: sams\n"
	    "title: X\ndue:\n  ip-kartlagg: placement.date + 2d\n"
	    "due-acute:\n  ip-kartlagg: placement.date + 1d\nsteps: []\n";
	const struct step *s;
	struct model *m;
	long d;

	(void)state;
	m = load(text);
	assert_non_null(m);
	s = &m->steps[model_step_index(m, "ip-kartlagg")];
	assert_int_equal(date_parse("2026-12-01", &d), 0);
	assert_int_equal(due_rule_apply(&s->due, d), d + 2);
	assert_int_equal(due_rule_apply(&s->due_acute, d), d + 1);
	assert_false(s->local_due);
	model_free(m);
}

static void
test_when_bad_keys_are_reported(void **state)
{
	static const char own_due[] = "sams-model: 1\nid: x\ntitle: X\n"
	    "roles: [{id: a, title: A}]\nphases: [{id: p, title: P}]\n"
	    "due: {s: placement.date + 2d}\nsteps:\n  - {id: s, phase: p, "
	    "title: T, owner: a, why: W, what: [X], source: project}\n";
	static const char bad[] = "sams-model: 1\nid: x\ntitle: X\n"
	    "roles: [{id: a, title: A}]\nphases: [{id: p, title: P}]\n"
	    "warnings: [{id: w, text: W}, {id: w, text: V}]\nsteps:\n"
	    "  - {id: s, phase: p, title: T, owner: a, why: W, what: [X],\n"
	    "     source: project, warn: [nej], fallback-owner: a,\n"
	    "     when: []}\n"
	    "  - {id: t, phase: p, title: T, owner: a, why: W, what: [X],\n"
	    "     source: project, fallback-owner: b, when: [x]}\n"
	    "  - {id: u, phase: p, title: T, owner: a, why: W, what: [X],\n"
	    "     source: project, when: {child.age: 19-16}}\n"
	    "  - {id: v, phase: p, title: T, owner: a, why: W, what: [X],\n"
	    "     source: project, when: [{school.change: true}, {}]}\n"
	    "  - {id: w, phase: p, title: T, owner: a, why: W, what: [X],\n"
	    "     source: project, when: {school.change: []}}\n"
	    "  - {id: x, phase: p, title: T, owner: a, why: W, what: [X],\n"
	    "     source: project, warn: [w, w]}\n";
	const char *msg;

	(void)state;
	messages();
	assert_null(load(own_due));
	assert_reported("m.yml:6:6: error: 'due' and 'due-acute' go with "
	    "'extends'; a model's own steps have their own");
	assert_null(load(bad));
	msg = messages();
	assert_non_null(strstr(msg, "error: 'when' must not be an empty "
	    "list"));
	assert_non_null(strstr(msg, "error: 'when' must be a mapping of "
	    "conditions, or a list of them"));
	assert_non_null(strstr(msg, "error: condition 'child.age': value "
	    "'19-16' is not an age or a range of ages"));
	assert_non_null(strstr(msg, "error: duplicate warning id 'w'"));
	assert_non_null(strstr(msg, "error: unknown warning 'nej'"));
	assert_non_null(strstr(msg, "error: 'fallback-owner' is the step's "
	    "owner"));
	assert_non_null(strstr(msg, "error: unknown role 'b'"));
	/* Found by a probe: these held for every case, or for none. */
	assert_non_null(strstr(msg, "error: 'when' has an empty "
	    "mapping"));
	assert_non_null(strstr(msg, "error: condition 'school.change' has no "
	    "values"));
	assert_non_null(strstr(msg, "error: warning 'w' named twice"));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_when_any_alternative_will_do),
		T(test_when_age_counts_from_the_birth_year_and_today),
		T(test_when_age_step_counts_from_the_day_it_applies),
		cmocka_unit_test(test_when_age_ranges),
		T(test_when_warnings_follow_the_case),
		T(test_when_fallback_owner_stands_in_for_a_missing_role),
		T(test_when_no_school_change_at_end_keeps_the_school),
		cmocka_unit_test(test_when_extending_model_sets_due_dates),
		cmocka_unit_test(test_when_bad_keys_are_reported),
	};

	return cmocka_run_group_tests_name("when", tests, capture_setup,
	    capture_teardown);
}
