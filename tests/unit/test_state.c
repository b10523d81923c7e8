/* Unit tests of the state engine on the built-in SAMS model. */
#include "date.h"
#include "modelset.h"
#include "state.h"
#include "testutil.h"

/* What a test allocates, freed by teardown even when an assertion fails. */
struct fixture {
	const struct model	*m;
	struct casefile		*c;
	struct case_state	 st;
	char			*history;
};

static const char head[] =
    "sams-case: 1\nid: T-1\nmodel: sams\n"
    "placement: {type: familjehem, date: 2026-12-01}\n"
    "school: {change: %s, form: grundskola}\n"
    "history:\n- {date: 2026-11-20, event: opened}\n%s";

static long
day(const char *s)
{
	long d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* Loads a case with the given school change and history lines. */
static void
compute(struct fixture *f, const char *change, const char *history,
    const char *today)
{
	char *text = xasprintf(head, change, history);

	state_release(&f->st);
	case_free(f->c);
	f->c = case_load(text, strlen(text), "c.yml");
	assert_non_null(f->c);
	assert_int_equal(state_check_case(f->m, f->c), 0);
	state_compute(&f->st, f->m, f->c, day(today));
}

static const struct step_status *
status(const struct fixture *f, const char *step)
{
	size_t i = model_step_index(f->m, step);

	assert_int_not_equal(i, NO_INDEX);
	return &f->st.steps[i];
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	if (model_get("sams", &f->m) != 0)
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
	free(f->history);
	free(f);
	return 0;
}

static void
test_state_starts_with_mapping_the_school_situation(void **state)
{
	struct fixture *f = *state;
	size_t i, ready = 0;

	compute(f, "true", "", "2026-11-01");
	assert_string_equal(f->m->phases[f->st.phase].id, "infor-placering");
	for (i = 0; i < f->m->nsteps; i++)
		ready += f->st.steps[i].ready;
	assert_int_equal(ready, 1);
	assert_true(status(f, "ip-kartlagg")->ready);
	assert_int_equal(status(f, "ip-kartlagg")->due, day("2026-11-10"));
	assert_false(status(f, "ip-kartlagg")->overdue);
	assert_false(f->st.complete);
}

static void
test_state_marks_overdue_against_today(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "", "2026-11-11");
	assert_true(status(f, "ip-kartlagg")->overdue);
	compute(f, "true", "", "2026-11-10");
	assert_false(status(f, "ip-kartlagg")->overdue);
}

static void
test_state_waits_for_prerequisites(void **state)
{
	struct fixture *f = *state;
	static const char both[] = "- {date: 2026-11-21, event: done, step: "
	    "ip-kartlagg}\n- {date: 2026-11-21, event: done, step: "
	    "ip-samtycke}\n";
	char *more;

	compute(f, "true", both, "2026-11-21");
	assert_true(status(f, "ip-skolplats")->ready);
	assert_false(status(f, "ip-beslut")->ready);
	assert_int_equal(status(f, "ip-beslut")->state, STEP_OPEN);
	/* the decision also waits for the guardians' application */
	f->history = xasprintf("%s- {date: 2026-11-21, event: skip, step: "
	    "ip-skolplats, reason: r}\n", both);
	compute(f, "true", f->history, "2026-11-21");
	assert_false(status(f, "ip-beslut")->ready);
	assert_int_equal(status(f, "ip-skolplats")->state, STEP_SKIPPED);
	more = xasprintf("%s- {date: 2026-11-21, event: done, step: "
	    "ip-skolval}\n", f->history);
	free(f->history);
	f->history = more;
	compute(f, "true", f->history, "2026-11-21");
	assert_true(status(f, "ip-beslut")->ready);
}

static void
test_state_hides_school_change_steps_without_a_change(void **state)
{
	struct fixture *f = *state;

	compute(f, "false", "- {date: 2026-11-21, event: done, step: "
	    "ip-kartlagg}\n", "2026-11-21");
	assert_int_equal(status(f, "ip-overlamning")->state, STEP_NA);
	assert_false(status(f, "ip-overlamning")->ready);
	assert_int_equal(status(f, "ip-informera")->state, STEP_NA);
	assert_true(status(f, "ip-vardplan")->ready);
	/* up-narvaro has no school change condition: it still applies. */
	assert_int_equal(status(f, "up-narvaro")->state, STEP_OPEN);
}

static void
test_state_reopen_undoes_a_done_step(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "- {date: 2026-11-21, event: done, step: "
	    "ip-kartlagg}\n- {date: 2026-11-22, event: reopen, step: "
	    "ip-kartlagg, reason: fel}\n", "2026-11-22");
	assert_int_equal(status(f, "ip-kartlagg")->state, STEP_OPEN);
	assert_true(status(f, "ip-kartlagg")->ready);
	assert_null(status(f, "ip-kartlagg")->closed);
	assert_false(status(f, "ip-skolplats")->ready);
}

static void
test_state_starts_under_placering_on_the_placement_date(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "", "2026-11-30");
	assert_false(status(f, "up-skolstart")->ready);
	compute(f, "true", "", "2026-12-01");
	assert_true(status(f, "up-skolstart")->ready);
	assert_string_equal(f->m->phases[f->st.phase].id, "under-placering");
}

static void
test_state_uses_set_facts_for_due_dates(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "- {date: 2026-11-21, event: set, fact: "
	    "placement.date, value: 2027-01-10}\n", "2026-11-21");
	assert_int_equal(status(f, "ip-kartlagg")->due, day("2026-12-20"));
	assert_int_equal(status(f, "ia-informera")->due, DATE_NONE);
}

static void
test_state_is_complete_when_every_step_is_closed(void **state)
{
	struct fixture *f = *state;
	char *more;
	size_t i;

	f->history = xstrdup("- {date: 2026-11-21, event: set, fact: "
	    "placement.end, value: 2026-11-21}\n");
	for (i = 0; i < f->m->nsteps; i++) {
		more = xasprintf("%s- {date: 2026-11-21, event: done, step: "
		    "%s}\n", f->history, f->m->steps[i].id);
		free(f->history);
		f->history = more;
	}
	compute(f, "true", f->history, "2026-11-21");
	assert_true(f->st.complete);
	for (i = 0; i < f->m->nsteps; i++)
		assert_false(f->st.steps[i].ready);
}

static void
test_state_recurring_step_comes_back_until_the_end(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "- {date: 2027-01-10, event: done, step: "
	    "up-folja}\n", "2027-02-01");
	assert_int_equal(status(f, "up-folja")->state, STEP_OPEN);
	assert_true(status(f, "up-folja")->again);
	assert_int_equal(status(f, "up-folja")->due, day("2027-07-10"));
	assert_true(step_closed(status(f, "up-folja")));
	compute(f, "true", "- {date: 2027-01-10, event: done, step: "
	    "up-folja}\n- {date: 2027-01-11, event: set, fact: "
	    "placement.end, value: 2027-06-30}\n", "2027-02-01");
	assert_int_equal(status(f, "up-folja")->state, STEP_DONE);
	assert_false(status(f, "up-folja")->again);
}

/* Found by a probe: the second review was recorded and then ignored. */
static void
test_state_recurring_step_counts_from_its_last_done(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "- {date: 2027-01-10, event: done, step: "
	    "up-folja}\n- {date: 2027-07-12, event: done, step: up-folja}\n",
	    "2027-07-13");
	assert_int_equal(status(f, "up-folja")->state, STEP_OPEN);
	assert_int_equal(status(f, "up-folja")->due, day("2028-01-12"));
	assert_false(status(f, "up-folja")->overdue);
	assert_int_equal(status(f, "up-folja")->closed->date,
	    day("2027-07-12"));
}

static void
test_state_acute_placement_uses_acute_due_dates(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "- {date: 2026-11-21, event: set, fact: "
	    "placement.acute, value: \"true\"}\n", "2026-11-21");
	assert_int_equal(status(f, "ip-kartlagg")->due, day("2026-12-03"));
	assert_int_equal(status(f, "ip-beslut")->due, day("2026-12-06"));
	compute(f, "true", "", "2026-11-21");
	assert_int_equal(status(f, "ip-kartlagg")->due, day("2026-11-10"));
}

static void
test_state_replace_starts_the_checklist_again(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "- {date: 2026-11-21, event: done, step: "
	    "ip-kartlagg}\n- {date: 2026-11-21, event: set, fact: "
	    "school.receiving, value: Ekskolan}\n- {date: 2027-02-01, "
	    "event: replace, value: 2027-02-15}\n", "2027-02-01");
	assert_int_equal(status(f, "ip-kartlagg")->state, STEP_OPEN);
	assert_true(status(f, "ip-kartlagg")->ready);
	assert_int_equal(status(f, "ip-kartlagg")->due, day("2027-01-25"));
	assert_string_equal(case_fact(f->c, "school.sending"), "Ekskolan");
	assert_null(case_fact(f->c, "school.receiving"));
	assert_int_equal(f->c->nperiods, 2);
	assert_string_equal(f->m->phases[f->st.phase].id, "infor-placering");
}

static void
test_state_infor_avslut_opens_with_the_end_date(void **state)
{
	struct fixture *f = *state;

	compute(f, "true", "", "2026-12-05");
	assert_false(status(f, "ia-samtycke")->ready);
	compute(f, "true", "- {date: 2026-12-05, event: set, fact: "
	    "placement.end, value: 2027-12-31}\n", "2026-12-05");
	assert_true(status(f, "ia-samtycke")->ready);
	assert_false(status(f, "ia-informera")->ready);	/* waits for it */
	assert_int_equal(status(f, "ia-informera")->due, day("2027-10-31"));
	assert_false(status(f, "uf-elev")->ready);
}

static const char *
phase_id(const struct fixture *f)
{
	return f->m->phases[f->st.phase].id;
}

static void
test_state_phase_follows_the_facts_not_the_steps(void **state)
{
	struct fixture *f = *state;
	static const char end[] = "- {date: 2027-03-01, event: set, fact: "
	    "placement.end, value: 2027-06-15}\n";

	compute(f, "true", "", "2026-11-30");
	assert_string_equal(phase_id(f), "infor-placering");
	compute(f, "true", "", "2026-12-01");	/* nothing done, yet moved */
	assert_string_equal(phase_id(f), "under-placering");
	assert_true(status(f, "ip-kartlagg")->behind);
	assert_true(status(f, "ip-kartlagg")->ready);
	assert_false(status(f, "up-skolstart")->behind);
	assert_int_equal(f->st.nbehind, 10);
	compute(f, "true", end, "2027-03-01");
	assert_string_equal(phase_id(f), "infor-avslut");
	assert_true(status(f, "up-skolstart")->behind);
	assert_false(status(f, "up-skolstart")->missed);
	compute(f, "true", end, "2027-06-15");
	assert_string_equal(phase_id(f), "uppfoljning");
	assert_false(f->st.complete);
}

static void
test_state_steps_of_a_phase_that_is_over_are_missed(void **state)
{
	struct fixture *f = *state;
	static const char end[] = "- {date: 2027-03-01, event: set, fact: "
	    "placement.end, value: 2027-06-15}\n";

	compute(f, "true", end, "2027-06-14");
	assert_false(status(f, "up-mote")->missed);
	assert_true(status(f, "up-mote")->behind);
	compute(f, "true", end, "2027-06-15");
	assert_true(status(f, "up-mote")->missed);
	assert_false(status(f, "up-mote")->ready);
	assert_false(status(f, "up-mote")->overdue);
	assert_true(status(f, "ip-kartlagg")->missed);
	assert_false(status(f, "ia-informera")->missed);	/* behind */
	assert_true(status(f, "ia-informera")->behind);
	/* attendance goes on to the end: never due, so never missed */
	assert_false(status(f, "up-narvaro")->missed);
	assert_int_equal(status(f, "up-narvaro")->state, STEP_NA);
	assert_int_equal(f->st.nmissed, 14);
}

static void
test_state_a_review_due_after_the_end_is_not_missed(void **state)
{
	struct fixture *f = *state;
	static const char end[] = "- {date: 2027-01-10, event: set, fact: "
	    "placement.end, value: 2027-01-31}\n";

	compute(f, "true", end, "2027-01-10");	/* going on: not behind */
	assert_false(status(f, "up-folja")->behind);
	assert_false(status(f, "up-narvaro")->behind);
	assert_true(status(f, "up-mote")->behind);	/* due 2027-02-01 */
	compute(f, "true", end, "2027-02-01");
	assert_false(status(f, "up-folja")->missed);	/* due 2027-06-01 */
	assert_int_equal(status(f, "up-folja")->state, STEP_NA);
	assert_false(status(f, "up-mote")->missed);
	assert_true(status(f, "up-skolstart")->missed);	/* due 2026-12-08 */
}

static void
test_state_a_case_with_only_missed_steps_left_is_complete(void **state)
{
	struct fixture *f = *state;
	char *more;
	size_t i;

	f->history = xstrdup("- {date: 2027-03-01, event: set, fact: "
	    "placement.end, value: 2027-06-15}\n");
	for (i = 0; i < f->m->nsteps; i++) {
		if (f->m->steps[i].phase < 2)
			continue;
		more = xasprintf("%s- {date: 2027-06-20, event: done, step: "
		    "%s}\n", f->history, f->m->steps[i].id);
		free(f->history);
		f->history = more;
	}
	compute(f, "true", f->history, "2027-06-20");
	assert_true(f->st.complete);
	assert_true(f->st.nmissed > 0);
}

static void
test_state_the_schools_shift_when_infor_avslut_opens(void **state)
{
	struct fixture *f = *state;
	static const char text[] = "sams-case: 1\nid: T-2\nmodel: sams\n"
	    "placement: {type: hvb, date: 2026-12-01}\n"
	    "school: {sending: A, receiving: B}\n"
	    "contacts: {rektor-avlamnande: Ann, rektor-mottagande: Bea}\n"
	    "history:\n- {date: 2026-11-20, event: opened}\n"
	    "- {date: 2027-03-01, event: set, fact: placement.end, "
	    "value: 2027-06-15}\n";

	f->c = case_load(xstrdup(text), strlen(text), "c.yml");
	assert_non_null(f->c);
	state_compute(&f->st, f->m, f->c, day("2027-03-01"));
	assert_string_equal(case_fact(f->c, "school.sending"), "B");
	assert_null(case_fact(f->c, "school.receiving"));
	assert_string_equal(state_owner(&f->st, model_step_index(f->m,
	    "ia-overlamning")), "Bea");
	assert_null(state_owner(&f->st, model_step_index(f->m,
	    "ia-mottagande")));
	/* the placement's own steps keep their owners */
	assert_string_equal(state_owner(&f->st, model_step_index(f->m,
	    "ip-overlamning")), "Ann");
	assert_string_equal(state_owner(&f->st, model_step_index(f->m,
	    "up-skolstart")), "Bea");
}

static void
test_state_reports_unknown_steps_and_roles(void **state)
{
	struct fixture *f = *state;
	const struct model *m;
	static const char text[] = "sams-case: 1\nid: X\nmodel: sams\n"
	    "contacts: {kurator: Eva}\nhistory:\n"
	    "- {date: 2026-11-20, event: done, step: ip-nej}\n";

	assert_int_equal(model_get("sams", &m), 0);
	f->c = case_load(xstrdup(text), strlen(text), "c.yml");
	assert_non_null(f->c);
	assert_int_equal(state_check_case(m, f->c), 2);
}

/* Messages name the field, never a key as written: it can be a name. */
static void
test_state_never_names_an_unknown_contact_role(void **state)
{
	static const char text[] = "sams-case: 1\nid: X\nmodel: sams\n"
	    "contacts: {\"201701012393\": Eva}\nhistory:\n";
	struct fixture *f = *state;
	const struct model *m;
	const char *msg;

	assert_int_equal(model_get("sams", &m), 0);
	f->c = case_load(xstrdup(text), strlen(text), "c.yml");
	assert_non_null(f->c);
	assert_int_equal(state_check_case(m, f->c), 1);
	msg = messages();
	assert_non_null(strstr(msg, "c.yml:4:28: error: a contact for a role "
	    "that model 'sams' does not have"));
	assert_null(strstr(msg, "20170101"));
}

/*
 * Loads text as c.yml into the fixture (freeing the case before it) and
 * returns what state_check_case() counts.
 */
static int
check_case(struct fixture *f, const char *text)
{
	const struct model *m;

	assert_int_equal(model_get("sams", &m), 0);
	case_free(f->c);
	f->c = case_load(xstrdup(text), strlen(text), "c.yml");
	assert_non_null(f->c);
	return state_check_case(m, f->c);
}

/*
 * Found by the probe: a placement in year 1 gave a due date "0000-12-15"
 * (and UBSan an index -1); one in 9999 wrapped.  Such a case is an error,
 * at the date it counts from, found as soon as it is opened.
 */
static void
test_state_refuses_due_dates_outside_years_1_to_9999(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(check_case(f, "sams-case: 1\nid: X\nmodel: sams\n"
	    "placement: {type: hvb, date: 0001-01-05}\nhistory:\n"
	    "- {date: 0001-01-01, event: opened}\n"), 1);
	assert_reported("c.yml:4:30: error: placement.date: a due date "
	    "computed from it falls outside 0001-01-01 ... 9999-12-31");
	assert_int_equal(check_case(f, "sams-case: 1\nid: X\nmodel: sams\n"
	    "placement: {type: hvb, date: 2026-01-05}\nhistory:\n"
	    "- {date: 2026-01-01, event: opened}\n"
	    "- {date: 2026-01-02, event: set, fact: placement.end, "
	    "value: 9999-12-20}\n"), 1);
	assert_reported("c.yml:7:3: error: placement.end: a due date");
	assert_int_equal(check_case(f, "sams-case: 1\nid: X\nmodel: sams\n"
	    "placement: {type: hvb, date: 9999-01-05}\nhistory:\n"
	    "- {date: 9999-01-01, event: opened}\n"
	    "- {date: 9999-11-01, event: done, step: up-folja}\n"), 1);
	assert_reported("c.yml:7:3: error: the step recurs, and its next "
	    "date falls outside 0001-01-01 ... 9999-12-31");
	assert_int_equal(check_case(f, "sams-case: 1\nid: X\nmodel: sams\n"
	    "placement: {type: hvb, date: 0001-03-01}\nhistory:\n"
	    "- {date: 0001-01-01, event: opened}\n"), 0);
}

static int
group_teardown(void **state)
{
	model_cache_release();
	return capture_teardown(state);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_state_starts_with_mapping_the_school_situation),
		T(test_state_marks_overdue_against_today),
		T(test_state_waits_for_prerequisites),
		T(test_state_hides_school_change_steps_without_a_change),
		T(test_state_reopen_undoes_a_done_step),
		T(test_state_starts_under_placering_on_the_placement_date),
		T(test_state_uses_set_facts_for_due_dates),
		T(test_state_is_complete_when_every_step_is_closed),
		T(test_state_recurring_step_comes_back_until_the_end),
		T(test_state_recurring_step_counts_from_its_last_done),
		T(test_state_acute_placement_uses_acute_due_dates),
		T(test_state_replace_starts_the_checklist_again),
		T(test_state_infor_avslut_opens_with_the_end_date),
		T(test_state_reports_unknown_steps_and_roles),
		T(test_state_phase_follows_the_facts_not_the_steps),
		T(test_state_steps_of_a_phase_that_is_over_are_missed),
		T(test_state_a_review_due_after_the_end_is_not_missed),
		T(test_state_a_case_with_only_missed_steps_left_is_complete),
		T(test_state_the_schools_shift_when_infor_avslut_opens),
		T(test_state_never_names_an_unknown_contact_role),
		T(test_state_refuses_due_dates_outside_years_1_to_9999),
	};

	return cmocka_run_group_tests_name("state", tests, capture_setup,
	    group_teardown);
}
