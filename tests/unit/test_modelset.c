/*
 * Unit tests of the model set: the models compiled in by tools/modelc are
 * the models the files in phases/ give at run time, and what model_get() and
 * model_get_in() return when a model is missing, broken or not trusted.
 * Run from the top of the source tree, as "make check" does.
 */
#include <sys/stat.h>

#include <stddef.h>
#include <unistd.h>

#include "fileio.h"
#include "modelset.h"
#include "testutil.h"

#define PHASES	"phases"

/* Comparing two models field by field. */

enum field_type { F_STR, F_SIZE, F_INT, F_RULE };

struct field {
	const char	*name;
	size_t		 off;
	enum field_type	 type;
};

#define FIELD(type, f, t)	{ #f, offsetof(type, f), t }

static const struct field model_fields[] = {
	FIELD(struct model, name, F_STR),
	FIELD(struct model, id, F_STR),
	FIELD(struct model, title, F_STR),
	FIELD(struct model, about, F_STR),
	FIELD(struct model, extends, F_STR),
	FIELD(struct model, nroles, F_SIZE),
	FIELD(struct model, nphases, F_SIZE),
	FIELD(struct model, nsteps, F_SIZE),
	FIELD(struct model, nslots, F_SIZE),
	FIELD(struct model, nwarnings, F_SIZE),
	{ NULL, 0, F_STR }
};

static const struct field role_fields[] = {
	FIELD(struct role, id, F_STR),
	FIELD(struct role, title, F_STR),
	FIELD(struct role, about, F_STR),
	FIELD(struct role, contact, F_STR),
	FIELD(struct role, line, F_SIZE),
	FIELD(struct role, col, F_SIZE),
	{ NULL, 0, F_STR }
};

static const struct field phase_fields[] = {
	FIELD(struct phase, id, F_STR),
	FIELD(struct phase, title, F_STR),
	FIELD(struct phase, about, F_STR),
	FIELD(struct phase, starts, F_RULE),
	FIELD(struct phase, opens_with, F_STR),
	FIELD(struct phase, ends, F_RULE),
	FIELD(struct phase, line, F_SIZE),
	FIELD(struct phase, col, F_SIZE),
	{ NULL, 0, F_STR }
};

static const struct field step_fields[] = {
	FIELD(struct step, id, F_STR),
	FIELD(struct step, title, F_STR),
	FIELD(struct step, why, F_STR),
	FIELD(struct step, source, F_STR),
	FIELD(struct step, source_note, F_STR),
	FIELD(struct step, phase, F_SIZE),
	FIELD(struct step, owner, F_SIZE),
	FIELD(struct step, fallback, F_SIZE),
	FIELD(struct step, nwhat, F_SIZE),
	FIELD(struct step, nwarn, F_SIZE),
	FIELD(struct step, nlaw, F_SIZE),
	FIELD(struct step, nwhen, F_SIZE),
	FIELD(struct step, nafter, F_SIZE),
	FIELD(struct step, due, F_RULE),
	FIELD(struct step, due_acute, F_RULE),
	FIELD(struct step, recurs, F_RULE),
	FIELD(struct step, local_due, F_INT),
	FIELD(struct step, line, F_SIZE),
	FIELD(struct step, col, F_SIZE),
	{ NULL, 0, F_STR }
};

static int
same_str(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

static int
same_strs(const char **a, const char **b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!same_str(a[i], b[i]))
			return 0;
	return 1;
}

static int
same_rule(const struct due_rule *a, const struct due_rule *b)
{
	return same_str(a->base, b->base) && a->amount == b->amount &&
	    a->unit == b->unit;
}

static int
same_field(const char *a, const char *b, enum field_type type)
{
	switch (type) {
	case F_STR:
		return same_str(*(const char *const *)(const void *)a,
		    *(const char *const *)(const void *)b);
	case F_SIZE:
		return *(const size_t *)(const void *)a ==
		    *(const size_t *)(const void *)b;
	case F_INT:
		return *(const int *)(const void *)a ==
		    *(const int *)(const void *)b;
	case F_RULE:
		return same_rule((const void *)a, (const void *)b);
	}
	return 0;
}

/* The first field in f that a and b differ in, or NULL. */
static const char *
fields_diff(const void *a, const void *b, const struct field *f)
{
	for (; f->name != NULL; f++)
		if (!same_field((const char *)a + f->off,
		    (const char *)b + f->off, f->type))
			return f->name;
	return NULL;
}

/* Whether two "when"s of n conditions differ. */
static int
when_diff(const struct condition *a, const struct condition *b, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!same_str(a[k].fact, b[k].fact) ||
		    a[k].nvalues != b[k].nvalues || a[k].group != b[k].group ||
		    !same_strs(a[k].values, b[k].values, a[k].nvalues))
			return 1;
	return 0;
}

/* Whether two steps' forms differ, in any field, label or signer. */
static int
form_diff(const struct form *a, const struct form *b)
{
	size_t k;

	if (a == NULL || b == NULL)
		return a != b;
	if (!same_str(a->title, b->title) || !same_str(a->about, b->about) ||
	    a->nfields != b->nfields || a->nsigned != b->nsigned ||
	    a->line != b->line || a->col != b->col ||
	    !same_strs(a->signed_by, b->signed_by, a->nsigned))
		return 1;
	for (k = 0; k < a->nfields; k++)
		if (!same_str(a->fields[k].label, b->fields[k].label) ||
		    a->fields[k].lines != b->fields[k].lines)
			return 1;
	return 0;
}

/* The lists of two steps whose counts fields_diff() found the same. */
static const char *
step_lists_diff(const struct step *a, const struct step *b)
{
	size_t k;

	if (form_diff(a->form, b->form))
		return "form";

	if (!same_strs(a->what, b->what, a->nwhat))
		return "what";
	if (!same_strs(a->law, b->law, a->nlaw))
		return "law";
	if (!same_strs(a->warn, b->warn, a->nwarn))
		return "warn";
	if (!same_strs(a->after_ids, b->after_ids, a->nafter))
		return "after_ids";
	for (k = 0; k < a->nafter; k++)
		if (a->after[k] != b->after[k])
			return "after";
	return when_diff(a->when, b->when, a->nwhen) ? "when" : NULL;
}

static const struct field warning_fields[] = {
	FIELD(struct warning, id, F_STR),
	FIELD(struct warning, text, F_STR),
	FIELD(struct warning, nwhen, F_SIZE),
	FIELD(struct warning, line, F_SIZE),
	FIELD(struct warning, col, F_SIZE),
	{ NULL, 0, F_STR }
};

static char where[128];

static const char *
differ(const char *what, size_t i, const char *field)
{
	snprintf(where, sizeof(where), "%s %zu: %s", what, i, field);
	return where;
}

/* Where a and b first differ ("step 3: due"), or NULL if they do not. */
static const char *
model_diff(const struct model *a, const struct model *b)
{
	const char *f;
	size_t i;

	if ((f = fields_diff(a, b, model_fields)) != NULL)
		return differ("model", 0, f);
	for (i = 0; i < a->nroles; i++)
		if ((f = fields_diff(&a->roles[i], &b->roles[i],
		    role_fields)) != NULL)
			return differ("role", i, f);
	for (i = 0; i < a->nphases; i++)
		if ((f = fields_diff(&a->phases[i], &b->phases[i],
		    phase_fields)) != NULL)
			return differ("phase", i, f);
	for (i = 0; i < a->nsteps; i++)
		if ((f = fields_diff(&a->steps[i], &b->steps[i],
		    step_fields)) != NULL || (f = step_lists_diff(&a->steps[i],
		    &b->steps[i])) != NULL)
			return differ("step", i, f);
	for (i = 0; i < a->nwarnings; i++)
		if ((f = fields_diff(&a->warnings[i], &b->warnings[i],
		    warning_fields)) != NULL)
			return differ("warning", i, f);
		else if (when_diff(a->warnings[i].when, b->warnings[i].when,
		    a->warnings[i].nwhen))
			return differ("warning", i, "when");
	for (i = 0; i < a->nslots; i++)
		if (a->slots[i] != b->slots[i])
			return differ("slot", i, "step index");
	return NULL;
}

/* Asserts that model_diff(a, b) says "step i: field". */
static void
assert_step_diff(const struct model *a, const struct model *b, size_t i,
    const char *field)
{
	const char *got = model_diff(a, b);
	char want[128];

	snprintf(want, sizeof(want), "step %zu: %s", i, field);
	assert_non_null(got);
	assert_string_equal(got, want);
}

/* Fixtures: a folder of model files, removed with what is in it. */

struct fixture {
	char	 dir[40];
	char	*names[8];
	size_t	 nnames;
	struct model *own;	/* a model the test loaded itself */
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/sams-test-modelset.XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	*state = f;
	messages();
	diag_reset();
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	size_t i;

	model_set_dir(NULL);
	model_cache_release();
	model_free(f->own);
	for (i = f->nnames; i-- > 0; ) {
		remove(f->names[i]);
		free(f->names[i]);
	}
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Writes name (a file, or a folder when text is NULL) in the fixture's. */
static char *
add_file(struct fixture *f, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", f->dir, name);
	FILE *fp;

	assert_true(f->nnames < sizeof(f->names) / sizeof(*f->names));
	f->names[f->nnames++] = path;
	if (text == NULL) {
		assert_int_equal(mkdir(path, 0700), 0);
		return path;
	}
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

/* The compiled-in models are the models phases/ gives at run time. */

static void
test_modelset_builtin_models_are_the_phases_files(void **state)
{
	const struct builtin_model *b;
	const struct model *run;
	const char *diff;
	size_t n = 0;

	(void)state;
	model_set_dir(PHASES);
	for (b = builtin_models; b->id != NULL; b++, n++) {
		assert_int_equal(model_get(b->id, &run), 0);
		assert_non_null(run);
		assert_ptr_not_equal(run, b->model);
		diff = model_diff(b->model, run);
		if (diff != NULL)
			fail_msg("model '%s', %s: built in and %s/%s.yml "
			    "differ", b->id, diff, PHASES, b->id);
	}
	assert_true(n >= 2);	/* sams, and sisam, which extends it */
	assert_string_equal(messages(), "");
}

/* The comparison sees a change in any kind of field: it can fail. */
static void
test_modelset_comparison_sees_a_changed_field(void **state)
{
	struct fixture *f = *state;
	const struct model *b;
	struct model *m;
	static const char *values[] = { "X" };
	struct condition when[8], *saved;
	struct form_field fields[40];
	struct form ff;
	const struct form *saved_form;
	struct step *st;
	const char *s;
	char *text;
	size_t len, k, i;

	model_set_dir(PHASES);
	assert_int_equal(model_get("sisam", &b), 0);
	assert_int_equal(file_read(PHASES "/sisam.yml", YAML_MAX_BYTES,
	    &text, &len), 0);
	m = f->own = model_load(text, len, PHASES "/sisam.yml");
	assert_non_null(m);
	assert_null(model_diff(b, m));

	s = m->roles[1].about;
	m->roles[1].about = "X";
	assert_string_equal(model_diff(b, m), "role 1: about");
	m->roles[1].about = s;
	s = m->phases[2].opens_with;
	m->phases[2].opens_with = s == NULL ? "placement.end" : NULL;
	assert_string_equal(model_diff(b, m), "phase 2: opens_with");
	m->phases[2].opens_with = s;

	for (i = 0; i < m->nsteps && m->steps[i].nafter == 0; i++)
		;
	assert_true(i < m->nsteps);
	st = &m->steps[i];
	st->due.amount++;
	assert_step_diff(b, m, i, "due");
	st->due.amount--;
	k = st->after[0];
	st->after[0] = k + 1;
	assert_step_diff(b, m, i, "after");
	st->after[0] = k;
	for (i = 0; i < m->nsteps && m->steps[i].nwhen == 0; i++)
		;
	assert_true(i < m->nsteps);
	/* A base step's conditions are the base's: change a copy. */
	st = &m->steps[i];
	assert_true(st->nwhen <= sizeof(when) / sizeof(*when));
	memcpy(when, st->when, st->nwhen * sizeof(*when));
	when[0].values = values;
	saved = st->when;
	st->when = when;
	assert_step_diff(b, m, i, "when");
	st->when = saved;
	/* A form's field, its room and its signers count; change a copy. */
	for (i = 0; i < m->nsteps && (m->steps[i].form == NULL ||
	    m->steps[i].form->nfields == 0); i++)
		;
	assert_true(i < m->nsteps);
	st = &m->steps[i];
	ff = *st->form;
	assert_true(ff.nfields <= sizeof(fields) / sizeof(*fields));
	memcpy(fields, ff.fields, ff.nfields * sizeof(*fields));
	fields[ff.nfields - 1].lines++;
	ff.fields = fields;
	saved_form = st->form;
	st->form = &ff;
	assert_step_diff(b, m, i, "form");
	fields[ff.nfields - 1].lines--;
	assert_null(model_diff(b, m));
	ff.nsigned = 0;
	assert_step_diff(b, m, i, "form");
	st->form = saved_form;
	k = m->slots[0];
	m->slots[0] = k + 1;
	assert_string_equal(model_diff(b, m), "slot 0: step index");
	m->slots[0] = k;
	assert_null(model_diff(b, m));
}

/* The lookup contract. */

static void
test_modelset_unknown_id_is_no_model_and_no_error(void **state)
{
	struct fixture *f = *state;
	const struct model *m;

	assert_int_equal(model_get("nosuch", &m), 0);
	assert_null(m);
	assert_int_equal(model_get_in("nosuch", f->dir, &m), 0);
	assert_null(m);
	model_set_dir(f->dir);
	assert_int_equal(model_get("nosuch", &m), 0);
	assert_null(m);
	assert_int_equal(model_get("../nosuch", &m), 0);
	assert_null(m);
	assert_string_equal(messages(), "");
	assert_int_equal(diag_failure(), FAIL_NONE);
}

static void
test_modelset_broken_model_is_data_and_told_once(void **state)
{
	struct fixture *f = *state;
	const struct model *m;

	add_file(f, "bad.yml", "sams-model: 1\nid: bad\ntitle: B\n");
	model_set_dir(f->dir);
	assert_int_equal(model_get("bad", &m), -1);
	assert_null(m);
	assert_int_equal(diag_failure(), FAIL_DATA);
	assert_reported("error: the model lacks the required key 'steps'");
	diag_reset();
	assert_int_equal(model_get("bad", &m), -1);	/* cached */
	assert_null(m);
	assert_int_equal(diag_failure(), FAIL_DATA);
	assert_int_equal(model_get_in("bad", f->dir, &m), -1);
	assert_int_equal(diag_failure(), FAIL_DATA);
	assert_string_equal(messages(), "");
}

static void
test_modelset_missing_folder_is_noinput(void **state)
{
	struct fixture *f = *state;
	const struct model *m;
	char gone[64];

	snprintf(gone, sizeof(gone), "%s/gone", f->dir);
	model_set_dir(gone);
	assert_int_equal(model_get("sams", &m), -1);
	assert_null(m);
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	assert_reported("/gone: error: the model folder (--phases, "
	    "SAMS_PHASES): no such folder");
	diag_reset();
	assert_int_equal(model_get("sisam", &m), -1);
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	assert_string_equal(messages(), "");
}

static void
test_modelset_untrusted_folder_is_noperm(void **state)
{
	struct fixture *f = *state;
	const struct model *m;
	char *sams = add_file(f, ".sams", NULL);

	add_file(f, ".sams/local.yml", "sams-local: 1\n");
	assert_int_equal(chmod(sams, 0777), 0);
	assert_int_equal(model_get_in("sams", f->dir, &m), -1);
	assert_null(m);
	assert_int_equal(diag_failure(), FAIL_NOPERM);
	assert_reported("/.sams: error: not trusted: writable by group and "
	    "others");
	diag_reset();
	assert_int_equal(model_get_in("sams", f->dir, &m), -1);	/* cached */
	assert_int_equal(diag_failure(), FAIL_NOPERM);
	assert_string_equal(messages(), "");
	assert_int_equal(chmod(sams, 0700), 0);
}

static void
test_modelset_local_model_goes_on_top(void **state)
{
	struct fixture *f = *state;
	const struct model *base, *m;

	add_file(f, ".sams", NULL);
	add_file(f, ".sams/local.yml", "sams-local: 1\n"
	    "contacts: {socialtjanst: Anna}\n");
	assert_int_equal(model_get("sams", &base), 0);
	assert_int_equal(model_get_in("sams", f->dir, &m), 0);
	assert_non_null(m);
	assert_ptr_not_equal(m, base);
	assert_string_equal(m->id, "sams");
	assert_string_equal(m->roles[model_role_index(m,
	    "socialtjanst")].contact, "Anna");
	assert_string_equal(messages(), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_modelset_builtin_models_are_the_phases_files,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_modelset_comparison_sees_a_changed_field,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_modelset_unknown_id_is_no_model_and_no_error,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_modelset_broken_model_is_data_and_told_once,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_modelset_missing_folder_is_noinput, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_modelset_untrusted_folder_is_noperm, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_modelset_local_model_goes_on_top, setup, teardown),
	};

	return cmocka_run_group_tests_name("modelset", tests, capture_setup,
	    capture_teardown);
}
