/* Unit tests of strbuf.c: buf is never NULL, whatever was done to it. */
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "testutil.h"

/* What a test allocates, freed by teardown even when an assertion fails. */
struct fixture {
	struct strbuf	 sb;
	char		*p;
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

	strbuf_release(&f->sb);
	free(f->p);
	free(f);
	return 0;
}

static void
test_strbuf_reads_as_empty_before_anything_is_added(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_non_null(sb.buf);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);		/* frees nothing it does not own */
	assert_string_equal(sb.buf, "");
}

static void
test_strbuf_reads_as_empty_after_release(void **state)
{
	struct fixture *f = *state;

	strbuf_addf(&f->sb, "%s %d", "steg", 3);
	assert_string_equal(f->sb.buf, "steg 3");
	strbuf_release(&f->sb);
	assert_non_null(f->sb.buf);
	assert_string_equal(f->sb.buf, "");
	strbuf_addstr(&f->sb, "igen");	/* and grows again from nothing */
	assert_string_equal(f->sb.buf, "igen");
}

static void
test_strbuf_zeroed_grows_and_init_makes_it_readable(void **state)
{
	struct fixture *f = *state;

	memset(&f->sb, 0, sizeof(f->sb));
	strbuf_addch(&f->sb, 'x');
	assert_string_equal(f->sb.buf, "x");
	strbuf_release(&f->sb);
	memset(&f->sb, 0, sizeof(f->sb));
	strbuf_release(&f->sb);		/* a zeroed one releases too */
	memset(&f->sb, 0, sizeof(f->sb));
	strbuf_init(&f->sb);
	assert_string_equal(f->sb.buf, "");
}

static void
test_strbuf_detach_hands_over_a_string_to_free(void **state)
{
	struct fixture *f = *state;
	size_t len = 99;

	f->p = strbuf_detach(&f->sb, &len); /* nothing added: still a string */
	assert_string_equal(f->p, "");
	assert_int_equal(len, 0);
	assert_ptr_not_equal(f->p, strbuf_empty);
	free(f->p);
	strbuf_add(&f->sb, "abc", 3);
	f->p = strbuf_detach(&f->sb, &len);
	assert_string_equal(f->p, "abc");
	assert_int_equal(len, 3);
	assert_string_equal(f->sb.buf, "");	/* the strbuf starts over */
	assert_string_equal(strbuf_empty, "");
}

/* A reset strbuf reads as empty and grows again in the same memory. */
static void
test_strbuf_reset_empties_and_keeps_memory(void **state)
{
	struct fixture *f = *state;
	struct strbuf none = STRBUF_INIT;
	char *before;

	strbuf_reset(&none);		/* nothing to keep: still "" */
	assert_string_equal(none.buf, "");
	strbuf_addstr(&f->sb, "Maria Holm");
	before = f->sb.buf;
	strbuf_reset(&f->sb);
	assert_string_equal(f->sb.buf, "");
	assert_int_equal(f->sb.len, 0);
	strbuf_addstr(&f->sb, "Ola");
	assert_string_equal(f->sb.buf, "Ola");
	assert_ptr_equal(f->sb.buf, before);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_strbuf_reads_as_empty_before_anything_is_added),
		T(test_strbuf_reads_as_empty_after_release),
		T(test_strbuf_zeroed_grows_and_init_makes_it_readable),
		T(test_strbuf_detach_hands_over_a_string_to_free),
		T(test_strbuf_reset_empties_and_keeps_memory),
	};

	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
