/* Unit tests of the model loader and the built-in SAMS model. */
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "modelset.h"
#include "strbuf.h"
#include "testutil.h"

static const char head[] =
    "sams-model: 1\nid: t\ntitle: T\nroles:\n"
    "  - {id: socialtjanst, title: Socialtjänsten}\n"
    "phases:\n  - {id: ett, title: Ett}\n  - {id: tva, title: Två}\n"
    "steps:\n";

/* Loads head + steps; returns the model or NULL. */
static struct model *
load(const char *steps)
{
	char *text = xasprintf("%s%s", head, steps);

	return model_load(text, strlen(text), "m.yml");
}

/* What a test allocates, freed by teardown even when an assertion fails. */
struct fixture {
	struct model	*m;
	struct strbuf	 sb;
	char		*path, *path2;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	strbuf_init(&f->sb);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	model_free(f->m);
	strbuf_release(&f->sb);
	free(f->path);
	free(f->path2);
	free(f);
	return 0;
}

#define STEP(id, phase, extra)						\
	"  - id: " id "\n    phase: " phase "\n    title: T\n"		\
	"    owner: socialtjanst\n    why: W\n    what: [X]\n"		\
	"    source: project\n" extra

static void
test_model_builtin_sams_has_four_phases_in_order(void **state)
{
	static const char *const titles[] = { "Inför placering",
	    "Under placering", "Inför avslut", "Uppföljning" };
	const struct model *m;
	size_t i;

	(void)state;
	assert_int_equal(model_get("sams", &m), 0);
	assert_int_equal(m->nphases, 4);
	for (i = 0; i < 4; i++)
		assert_string_equal(m->phases[i].title, titles[i]);
	assert_true(m->nsteps >= 20);
}

static void
test_model_builtin_steps_are_complete(void **state)
{
	static const char *const fixed[] = { "socialtjanst",
	    "rektor-avlamnande", "rektor-mottagande",
	    "utbildningsforvaltning", "samordnare", NULL };
	const struct model *m;
	const struct step *s;
	size_t i, k, phases_seen[4] = { 0 };

	(void)state;
	assert_int_equal(model_get("sams", &m), 0);
	for (k = 0; fixed[k] != NULL; k++)
		assert_int_not_equal(model_role_index(m, fixed[k]), NO_INDEX);
	for (i = 0; i < m->nsteps; i++) {
		s = &m->steps[i];
		assert_non_null(s->why);
		assert_true(s->nwhat > 0);
		assert_non_null(s->source);
		assert_true(s->phase < 4);
		phases_seen[s->phase]++;
	}
	for (i = 0; i < 4; i++)
		assert_true(phases_seen[i] > 0);
	/* The handover follows skollagen 3 kap. 12 j § and only on a change. */
	s = &m->steps[model_step_index(m, "ip-overlamning")];
	assert_string_equal(m->roles[s->owner].id, "rektor-avlamnande");
	assert_string_equal(s->law[0], "skollagen (2010:800) 3 kap. 12 j §");
	assert_string_equal(s->when[0].fact, "school.change");
}

/* Whether step s names warning id in its warn list. */
static int
warns(const struct step *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->nwarn; i++)
		if (strcmp(s->warn[i], id) == 0)
			return 1;
	return 0;
}

/* Whether s mentions the guardians in why or in its checklist. */
static int
mentions_guardians(const struct step *s)
{
	size_t i;

	if (strstr(s->why, "vårdnadshavar") != NULL)
		return 1;
	for (i = 0; i < s->nwhat; i++)
		if (strstr(s->what[i], "vårdnadshavar") != NULL)
			return 1;
	return 0;
}

/*
 * Review rows 14 and 22: every built-in step that involves the guardians
 * warns about protected information, and every one that cites skollagen's
 * repealed chapter 9 (förskoleklass) warns about it.
 */
static void
test_model_builtin_warnings_cover_guardians_and_chapter_9(void **state)
{
	static const char *const ids[] = { "sams", "sisam", NULL };
	const struct model *m;
	const struct step *s;
	size_t i, k, n;

	(void)state;
	for (n = 0; ids[n] != NULL; n++) {
		assert_int_equal(model_get(ids[n], &m), 0);
		for (i = 0; i < m->nsteps; i++) {
			s = &m->steps[i];
			if (mentions_guardians(s) && !warns(s, "skyddad"))
				fail_msg("%s: %s involves the guardians "
				    "without warning 'skyddad'", ids[n], s->id);
			for (k = 0; k < s->nlaw; k++)
				if (strncmp(s->law[k], "skollagen", 9) == 0 &&
				    strstr(s->law[k], " 9 kap.") != NULL &&
				    !warns(s, "forskoleklass"))
					fail_msg("%s: %s cites 9 kap. without "
					    "warning 'forskoleklass'", ids[n],
					    s->id);
		}
	}
}

static void
test_model_loads_a_minimal_model(void **state)
{
	struct fixture *f = *state;

	f->m = load(STEP("a", "ett", "") STEP("b", "tva", "    after: [a]\n"
	    "    due: placement.date - 2w\n"));
	assert_non_null(f->m);
	assert_int_equal(f->m->steps[1].after[0], 0);
	assert_int_equal(f->m->steps[1].due.amount, -2);
	assert_int_equal(f->m->steps[1].due.unit, 'w');
}

static void
test_model_reports_every_problem_with_its_position(void **state)
{
	struct fixture *f = *state;
	const char *msg;

	f->m = load(STEP("a", "ett", "    colour: red\n")
	    STEP("a", "tre", "    owner2: x\n"));
	assert_null(f->m);
	msg = messages();
	assert_non_null(strstr(msg, "m.yml:17:5: error: unknown key 'colour' "
	    "in a step"));
	assert_non_null(strstr(msg, "m.yml:25:5: error: unknown key "
	    "'owner2'"));
	assert_non_null(strstr(msg, "m.yml:18:5: error: duplicate step id "
	    "'a' (first at line 10)"));
	assert_non_null(strstr(msg, "m.yml:19:12: error: unknown phase "
	    "'tre'"));
}

static void
test_model_rejects_unknown_roles_and_prerequisites(void **state)
{
	struct fixture *f = *state;

	f->m = load("  - id: a\n    phase: ett\n    title: T\n"
	    "    owner: rektor\n    why: W\n    what: [X]\n"
	    "    after: [zz]\n    source: law\n");
	assert_null(f->m);
	assert_reported("m.yml:13:12: error: unknown role 'rektor'");
	f->m = load(STEP("a", "ett", "    after: [zz]\n"));
	assert_null(f->m);
	assert_reported("m.yml:17:12: error: unknown prerequisite step 'zz'");
}

static void
test_model_rejects_circular_prerequisites(void **state)
{
	struct fixture *f = *state;

	f->m = load(STEP("a", "ett", "    after: [c]\n")
	    STEP("b", "ett", "    after: [a]\n")
	    STEP("c", "ett", "    after: [b]\n"));
	assert_null(f->m);
	assert_reported("m.yml:10:5: error: circular prerequisites: "
	    "a -> c -> b -> a");
}

static void
test_model_rejects_waiting_for_a_later_phase(void **state)
{
	struct fixture *f = *state;

	f->m = load(STEP("a", "ett", "    after: [b]\n")
	    STEP("b", "tva", ""));
	assert_null(f->m);
	assert_reported("step 'a' waits for 'b', which belongs to a later "
	    "phase");
}

static void
test_model_parses_due_rules(void **state)
{
	struct fixture *f = *state;
	struct due_rule r;
	const char *why;

	assert_int_equal(due_rule_parse("placement.end + 6m", &r, &why), 0);
	assert_string_equal(r.base, "placement.end");
	assert_int_equal(r.amount, 6);
	assert_int_equal(r.unit, 'm');
	assert_int_equal(due_rule_parse("opened", &r, &why), 0);
	assert_int_equal(r.amount, 0);
	assert_int_equal(due_rule_parse("tomorrow", &r, &why), -1);
	assert_int_equal(due_rule_parse("placement.date - 2 weeks", &r, &why),
	    -1);
	assert_int_equal(due_rule_parse("placement.date * 2d", &r, &why), -1);
	assert_int_equal(due_rule_parse("placement.date + 99999d", &r, &why),
	    -1);
	f->m = load(STEP("a", "ett", "    due: soon\n"));
	assert_null(f->m);
	assert_reported("m.yml:17:10: error: bad due rule");
}

/* Messages that list what is allowed build the list from the tables. */
static void
test_model_lists_come_from_the_tables(void **state)
{
	struct fixture *f = *state;
	struct strbuf *list = &f->sb;
	const struct fact_def *fd;
	struct due_rule r;
	const char *why;

	assert_int_equal(due_rule_parse("tomorrow + 1d", &r, &why), -1);
	assert_string_equal(why, "must start with placement.date, "
	    "placement.end or opened");
	fact_conditions_text(list);
	assert_string_equal(list->buf, "placement.type, placement.acute, "
	    "placement.other-municipality, placement.lvu, child.age, "
	    "child.protected, school.change, school.change-at-end or "
	    "school.form");
	for (fd = fact_table(); fd->path != NULL; fd++)
		assert_int_equal(strstr(list->buf, fd->path) != NULL,
		    fd->condition);
}

static void
test_model_rejects_bad_conditions(void **state)
{
	struct fixture *f = *state;

	f->m = load(STEP("a", "ett", "    when:\n      school.change: "
	    "kanske\n      colour: red\n"));
	assert_null(f->m);
	assert_reported("condition 'school.change': value 'kanske' is not "
	    "true or false");
}

/* Found by fuzz_model: an own step without an id in an extending model. */
static void
test_model_extends_with_a_step_without_id(void **state)
{
	static const char text[] = "sams-model: 1\nid: t\nextends: sams\n"
	    "title: T\nsteps:\n  - phase: infor-placering\n    title: T\n"
	    "    owner: socialtjanst\n    why: W\n    what: [X]\n"
	    "    source: local\n  - id: med-id\n    phase: infor-placering\n"
	    "    title: T\n    owner: socialtjanst\n    why: W\n"
	    "    what: [X]\n    source: local\n";
	struct fixture *f = *state;

	f->m = model_load(xstrdup(text), strlen(text), "m.yml");
	assert_null(f->m);
	assert_reported("m.yml:6:5: error: a step lacks the required key "
	    "'id'");
}

static void
test_model_extends_keeps_base_steps_and_adds_its_own(void **state)
{
	static const char text[] = "sams-model: 1\nid: t\nextends: sams\n"
	    "title: T\nomit: [ip-beslut]\nsteps:\n  - id: egen\n"
	    "    phase: under-placering\n    title: T\n"
	    "    owner: socialtjanst\n    why: W\n    what: [X]\n"
	    "    after: [ip-overlamning]\n    source: local\n";
	struct fixture *f = *state;
	const struct model *base;
	struct model *m;
	size_t i, k;

	assert_int_equal(model_get("sams", &base), 0);
	f->m = model_load(xstrdup(text), strlen(text), "m.yml");
	m = f->m;
	assert_non_null(m);
	assert_int_equal(m->nsteps, base->nsteps);
	assert_int_equal(model_step_index(m, "ip-beslut"), NO_INDEX);
	i = model_step_index(m, "ip-overlamning");
	for (k = 0; k < m->steps[i].nafter; k++)
		assert_string_not_equal(m->steps[i].after_ids[k], "ip-beslut");
	i = model_step_index(m, "egen");
	assert_string_equal(m->phases[m->steps[i].phase].id,
	    "under-placering");
	assert_int_equal(m->steps[i].after[0],
	    model_step_index(m, "ip-overlamning"));
}

/* Writes text to dir/name. */
static void
write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	free(path);		/* before the assertion, which may not return */
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
remove_files(const char *dir, const char *const *names)
{
	char *path;

	for (; *names != NULL; names++) {
		path = xasprintf("%s/%s", dir, *names);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

#define EXTENDING(id, base)						\
	"sams-model: 1\nid: " id "\ntitle: T\nextends: " base "\n"	\
	"steps: []\n"

/* Found by the probe: a model extending itself recursed until it crashed. */
static void
test_model_refuses_a_model_that_extends_itself(void **state)
{
	static const char text[] = EXTENDING("t", "t");
	struct fixture *f = *state;

	f->m = model_load(xstrdup(text), strlen(text), "m.yml");
	assert_null(f->m);
	assert_reported("m.yml:4:10: error: model 't' extends itself: t -> t");
}

static void
test_model_refuses_extends_that_come_back(void **state)
{
	static const char *const names[] = { "a.yml", "b.yml", "c.yml",
	    NULL };
	char dir[] = "/tmp/sams-test-model.XXXXXX";
	const struct model *m;
	const char *msg;

	(void)state;
	assert_non_null(mkdtemp(dir));
	write_file(dir, "a.yml", EXTENDING("a", "b"));
	write_file(dir, "b.yml", EXTENDING("b", "a"));
	write_file(dir, "c.yml", EXTENDING("c", "a"));
	model_set_dir(dir);
	assert_int_equal(model_get("c", &m), -1);
	assert_null(m);
	msg = messages();
	assert_non_null(strstr(msg, "a.yml:4:10: error: model 'a' extends "
	    "itself: a -> b -> a\n"));
	assert_non_null(strstr(msg, "c.yml:4:10: error: cannot extend model "
	    "'a'"));
	assert_null(strstr(msg, "b.yml"));	/* one message for the cycle */
	assert_int_equal(model_get("a", &m), -1);	/* cached, quiet */
	assert_int_equal(model_get("b", &m), -1);
	assert_string_equal(messages(), "");
	model_set_dir(NULL);
	model_cache_release();
	remove_files(dir, names);
}

/* A model named in a case is an id: "../x" never reaches a file. */
static void
test_model_get_opens_no_path_for_an_id(void **state)
{
	static const char *const names[] = { "models/.keep", NULL };
	char dir[] = "/tmp/sams-test-model.XXXXXX";
	struct fixture *f = *state;
	const struct model *m;

	assert_non_null(mkdtemp(dir));
	f->path = xasprintf("%s/models", dir);
	assert_int_equal(mkdir(f->path, 0700), 0);
	write_file(dir, "x.yml", "sams-model: 1\nid: x\ntitle: X\n"
	    "extends: sams\nsteps: []\n");
	model_set_dir(f->path);
	assert_int_equal(model_get("../x", &m), 0);
	assert_null(m);
	assert_int_equal(model_get("", &m), 0);
	assert_null(m);
	assert_string_equal(messages(), "");
	model_set_dir(NULL);
	model_cache_release();
	rmdir(f->path);
	f->path2 = xasprintf("%s/x.yml", dir);
	unlink(f->path2);
	remove_files(dir, names);
}

static void
test_model_bounds_its_lists(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < 1001; i++)
		strbuf_addf(&f->sb, "  - {id: s%zu, phase: ett, title: T, "
		    "owner: socialtjanst, why: W, what: X, source: law}\n", i);
	f->m = load(f->sb.buf);
	assert_null(f->m);
	assert_reported("m.yml:10:3: error: 'steps' has more than 1000 "
	    "entries");
}

/* A long chain of prerequisites: no deep recursion, one message. */
static void
test_model_reports_a_circle_of_steps_once(void **state)
{
	struct fixture *f = *state;
	const char *msg;
	size_t i;

	for (i = 0; i < 1000; i++)
		strbuf_addf(&f->sb, "  - {id: s%zu, phase: ett, title: T, "
		    "owner: socialtjanst, why: W, what: X, source: law, "
		    "after: s%zu}\n", i, (i + 1) % 1000);
	f->m = load(f->sb.buf);
	assert_null(f->m);
	msg = messages();
	assert_non_null(strstr(msg, "m.yml:10:5: error: circular "
	    "prerequisites: s0 -> s1 -> s2"));
	assert_null(strstr(msg + 1, "sams: "));
}

/* A model folder that is not there is told as such, once, not as a
 * model it lacks; a model file that cannot be opened is no missing model. */
static void
test_model_folder_that_is_not_there(void **state)
{
	static const char *const names[] = { "sams.yml", NULL };
	char dir[] = "/tmp/sams-test-model.XXXXXX";
	struct fixture *f = *state;
	const struct model *m;
	const char *msg;

	assert_non_null(mkdtemp(dir));
	f->path = xasprintf("%s/gone", dir);
	model_set_dir(f->path);
	assert_int_equal(model_get("sams", &m), -1);
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	assert_int_equal(model_get_in("sisam", dir, &m), -1);
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	msg = messages();
	assert_non_null(strstr(msg, "/gone: error: the model folder "
	    "(--phases, SAMS_PHASES): no such folder\n"));
	assert_null(strstr(strchr(msg, '\n'), "sams: "));	/* told once */
	model_set_dir(dir);
	model_cache_release();
	f->path2 = xasprintf("%s/sams.yml", dir);
	assert_int_equal(symlink("nowhere.yml", f->path2), 0);
	assert_int_equal(model_get("sams", &m), -1);
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	assert_reported("sams.yml: error: cannot open: No such file");
	assert_int_equal(model_get("sisam", &m), 0);
	assert_null(m);
	model_set_dir(NULL);
	model_cache_release();
	remove_files(dir, names);
}

/* A redefined base step moved to a later phase than steps waiting for it. */
static void
test_model_local_step_moved_after_its_waiters(void **state)
{
	static const char local[] = "sams-local: 1\nsteps:\n"
	    "  - id: ip-kartlagg\n    phase: uppfoljning\n    title: K\n"
	    "    owner: socialtjanst\n    why: W\n    what: [X]\n"
	    "    source: local\n";
	static const char ext[] = "sams-model: 1\nid: t\nextends: sams\n"
	    "title: T\nsteps:\n"
	    "  - id: ip-kartlagg\n    phase: uppfoljning\n    title: K\n"
	    "    owner: socialtjanst\n    why: W\n    what: [X]\n"
	    "    source: local\n";
	struct fixture *f = *state;

	f->m = model_load_local(xstrdup(local), strlen(local),
	    ".sams/local.yml", "sams");
	assert_null(f->m);
	assert_reported(".sams/local.yml:4:12: error: step 'ip-kartlagg' "
	    "moves to a later phase than the base's step 'ip-samtycke', "
	    "which waits for it");
	f->m = model_load(xstrdup(ext), strlen(ext), "m.yml");
	assert_null(f->m);
	assert_reported("m.yml:7:12: error: step 'ip-kartlagg' moves to a "
	    "later phase than the base's step 'ip-samtycke'");
}

/* A circle through a base step: told at the local step, never at a line
 * of the base model's file. */
static void
test_model_local_circle_through_a_base_step(void **state)
{
	static const char local[] = "sams-local: 1\nsteps:\n"
	    "  - id: ip-kartlagg\n    phase: infor-placering\n"
	    "    title: K\n    owner: socialtjanst\n    why: W\n"
	    "    what: [X]\n    after: [ip-samtycke]\n"
	    "    source: local\n";
	struct fixture *f = *state;

	f->m = model_load_local(xstrdup(local), strlen(local),
	    ".sams/local.yml", "sams");
	assert_null(f->m);
	assert_reported(".sams/local.yml:3:5: error: circular prerequisites: "
	    "ip-kartlagg -> ip-samtycke -> ip-kartlagg (through the base's "
	    "step 'ip-samtycke')");
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
		cmocka_unit_test(
		    test_model_builtin_sams_has_four_phases_in_order),
		cmocka_unit_test(test_model_builtin_steps_are_complete),
		cmocka_unit_test(
		    test_model_builtin_warnings_cover_guardians_and_chapter_9),
		T(test_model_loads_a_minimal_model),
		T(test_model_reports_every_problem_with_its_position),
		T(test_model_rejects_unknown_roles_and_prerequisites),
		T(test_model_rejects_circular_prerequisites),
		T(test_model_rejects_waiting_for_a_later_phase),
		T(test_model_parses_due_rules),
		T(test_model_lists_come_from_the_tables),
		T(test_model_rejects_bad_conditions),
		T(test_model_extends_with_a_step_without_id),
		T(test_model_extends_keeps_base_steps_and_adds_its_own),
		T(test_model_refuses_a_model_that_extends_itself),
		cmocka_unit_test(test_model_refuses_extends_that_come_back),
		T(test_model_get_opens_no_path_for_an_id),
		T(test_model_bounds_its_lists),
		T(test_model_reports_a_circle_of_steps_once),
		T(test_model_folder_that_is_not_there),
		T(test_model_local_step_moved_after_its_waiters),
		T(test_model_local_circle_through_a_base_step),
	};

	return cmocka_run_group_tests_name("model", tests, capture_setup,
	    group_teardown);
}
