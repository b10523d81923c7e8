/* Unit tests of the schema reader: key tables, typed values, messages. */
#include "schema.h"
#include "testutil.h"
#include "yamlio.h"

struct pet {
	const char	*name;
	const char	**tags;
	size_t		 ntags;
	int		 extra;		/* calls of the unknown-key handler */
};

struct fixture {
	struct ydoc	 doc;
	struct arena	 arena;
	struct schema	 s;
	struct pet	 pet;
};

SCHEMA_TEXT_KEY(name_key, struct pet, name)
SCHEMA_LIST_KEY(tags_key, struct pet, tags, ntags)

static const struct keydef pet_keys[] = {
	{ "sams-pet",	schema_format_key,	1 },
	{ "name",	name_key,		1 },
	{ "tags",	tags_key,		0 },
	{ NULL,		NULL,			0 }
};

static void
count_extra(struct schema *s, const struct ynode *k, const struct ynode *v,
    void *obj)
{
	(void)s;
	(void)k;
	(void)v;
	((struct pet *)obj)->extra++;
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	f->s.file = "p.yml";
	f->s.arena = &f->arena;
	*state = f;
	messages();
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	ydoc_release(&f->doc);
	arena_release(&f->arena);
	free(f);
	return 0;
}

/* Reads text as a pet; returns the number of problems reported. */
static int
read_pet(struct fixture *f, const char *text, schema_fn *unknown)
{
	assert_int_equal(ydoc_parse(&f->doc, "p.yml", text, strlen(text)), 0);
	schema_map(&f->s, f->doc.root, pet_keys, &f->pet, "the pet", unknown);
	return f->s.errors;
}

static void
test_schema_dispatches_each_key_to_its_handler(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_pet(f, "sams-pet: 1\nname: Åsa\n"
	    "tags: [katt, grå]\n", NULL), 0);
	assert_string_equal(f->pet.name, "Åsa");
	assert_int_equal(f->pet.ntags, 2);
	assert_string_equal(f->pet.tags[0], "katt");
	assert_string_equal(f->pet.tags[1], "grå");
	assert_string_equal(messages(), "");
}

static void
test_schema_reads_one_text_as_a_list_of_one(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_pet(f, "sams-pet: 1\nname: x\ntags: ensam\n",
	    NULL), 0);
	assert_int_equal(f->pet.ntags, 1);
	assert_string_equal(f->pet.tags[0], "ensam");
}

/* The position is the key's; the name is cut so no case text runs on. */
static void
test_schema_reports_unknown_keys_where_they_are(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_pet(f, "sams-pet: 1\nname: x\n"
	    "colour: red\n", NULL), 1);
	assert_reported("sams: p.yml:3:1: error: unknown key 'colour' in "
	    "the pet");
	assert_string_equal(f->pet.name, "x");
}

static void
test_schema_gives_unknown_keys_to_the_unknown_handler(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_pet(f, "sams-pet: 1\nname: x\na: 1\nb: 2\n",
	    count_extra), 0);
	assert_int_equal(f->pet.extra, 2);
	assert_string_equal(messages(), "");
}

static void
test_schema_reports_missing_required_keys(void **state)
{
	struct fixture *f = *state;
	const char *m;

	assert_int_equal(read_pet(f, "tags: [a]\n", NULL), 2);
	m = messages();
	assert_non_null(strstr(m, "the pet lacks the required key "
	    "'sams-pet'"));
	assert_non_null(strstr(m, "the pet lacks the required key 'name'"));
	assert_null(strstr(m, "'tags'"));
}

static void
test_schema_wants_a_mapping(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_pet(f, "\n- a\n- b\n", NULL), 1);
	assert_reported("sams: p.yml:2:1: error: the pet must be a mapping "
	    "of keys");
}

static void
test_schema_reports_type_errors_at_the_value(void **state)
{
	struct fixture *f = *state;
	const char *m;

	assert_int_equal(read_pet(f, "sams-pet: 1\nname: [a, b]\n"
	    "tags: {a: b}\n", NULL), 2);
	m = messages();
	assert_non_null(strstr(m, "p.yml:2:7: error: 'name' must be a "
	    "non-empty text"));
	assert_non_null(strstr(m, "p.yml:3:7: error: 'tags' must be a "
	    "list"));
	assert_null(f->pet.name);
	assert_int_equal(f->pet.ntags, 0);
}

/* An empty value is no text; a bad item leaves the others in the list. */
static void
test_schema_reports_empty_text_and_keeps_good_items(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_pet(f, "sams-pet: 1\nname: ~\n"
	    "tags: [a, [b], c]\n", NULL), 2);
	assert_reported("p.yml:2:7: error: 'name' must be a non-empty text");
	assert_int_equal(f->pet.ntags, 2);
	assert_string_equal(f->pet.tags[0], "a");
	assert_string_equal(f->pet.tags[1], "c");
}

static void
test_schema_reads_format_1_only(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(read_pet(f, "sams-pet: 2\nname: x\n", NULL), 1);
	assert_reported("sams: p.yml:1:11: error: unsupported sams-pet "
	    "format (this sams reads format 1)");
}

static void
test_schema_is_id_takes_short_lowercase_ids(void **state)
{
	char long_id[42];

	(void)state;
	assert_true(schema_is_id("sams"));
	assert_true(schema_is_id("hvb-2"));
	assert_false(schema_is_id(""));
	assert_false(schema_is_id("-x"));
	assert_false(schema_is_id("Sams"));
	assert_false(schema_is_id("a b"));
	assert_false(schema_is_id("skåne"));
	memset(long_id, 'a', 40);
	long_id[40] = '\0';
	assert_true(schema_is_id(long_id));
	long_id[40] = 'a';
	long_id[41] = '\0';
	assert_false(schema_is_id(long_id));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_schema_dispatches_each_key_to_its_handler),
		T(test_schema_reads_one_text_as_a_list_of_one),
		T(test_schema_reports_unknown_keys_where_they_are),
		T(test_schema_gives_unknown_keys_to_the_unknown_handler),
		T(test_schema_reports_missing_required_keys),
		T(test_schema_wants_a_mapping),
		T(test_schema_reports_type_errors_at_the_value),
		T(test_schema_reports_empty_text_and_keeps_good_items),
		T(test_schema_reads_format_1_only),
		cmocka_unit_test(test_schema_is_id_takes_short_lowercase_ids),
	};

	return cmocka_run_group_tests_name("schema", tests, capture_setup,
	    capture_teardown);
}
