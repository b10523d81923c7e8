/* Unit tests of strbuf.c: buf is never NULL, whatever was done to it. */
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "testutil.h"

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
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addf(&sb, "%s %d", "steg", 3);
	assert_string_equal(sb.buf, "steg 3");
	strbuf_release(&sb);
	assert_non_null(sb.buf);
	assert_string_equal(sb.buf, "");
	strbuf_addstr(&sb, "igen");	/* and grows again from nothing */
	assert_string_equal(sb.buf, "igen");
	strbuf_release(&sb);
}

static void
test_strbuf_zeroed_grows_and_init_makes_it_readable(void **state)
{
	struct strbuf sb;

	(void)state;
	memset(&sb, 0, sizeof(sb));
	strbuf_addch(&sb, 'x');
	assert_string_equal(sb.buf, "x");
	strbuf_release(&sb);
	memset(&sb, 0, sizeof(sb));
	strbuf_release(&sb);		/* a zeroed one releases too */
	memset(&sb, 0, sizeof(sb));
	strbuf_init(&sb);
	assert_string_equal(sb.buf, "");
}

static void
test_strbuf_detach_hands_over_a_string_to_free(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = 99;
	char *p;

	(void)state;
	p = strbuf_detach(&sb, &len);	/* nothing added: still a string */
	assert_string_equal(p, "");
	assert_int_equal(len, 0);
	assert_ptr_not_equal(p, strbuf_empty);
	free(p);
	strbuf_add(&sb, "abc", 3);
	p = strbuf_detach(&sb, &len);
	assert_string_equal(p, "abc");
	assert_int_equal(len, 3);
	assert_string_equal(sb.buf, "");	/* the strbuf starts over */
	free(p);
	assert_string_equal(strbuf_empty, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_strbuf_reads_as_empty_before_anything_is_added),
		cmocka_unit_test(test_strbuf_reads_as_empty_after_release),
		cmocka_unit_test(
		    test_strbuf_zeroed_grows_and_init_makes_it_readable),
		cmocka_unit_test(test_strbuf_detach_hands_over_a_string_to_free),
	};

	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
