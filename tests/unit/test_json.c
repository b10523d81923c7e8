/* Unit tests of json.c: dates and members as scripts read them. */
#include <stdlib.h>

#include "date.h"
#include "json.h"
#include "strbuf.h"
#include "testutil.h"

/* The JSON a test writes, freed by teardown even when an assertion fails. */
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

/* A date is "YYYY-MM-DD"; no date is null, not a string. */
static void
test_json_date_is_iso_or_null(void **state)
{
	struct strbuf *sb = *state;
	long day;

	assert_int_equal(date_parse("2026-02-28", &day), 0);
	json_date(sb, day);
	strbuf_addch(sb, ' ');
	json_date(sb, DATE_NONE);
	assert_string_equal(sb->buf, "\"2026-02-28\" null");
}

/* A member follows the ones before it; its value is escaped or null. */
static void
test_json_member_escapes_its_value(void **state)
{
	struct strbuf *sb = *state;

	strbuf_addstr(sb, "{\"format\": 1");
	json_member(sb, "by", "Åsa \"Ö\"\n\xe2\x80\xae");
	json_member(sb, "note", NULL);
	strbuf_addch(sb, '}');
	assert_string_equal(sb->buf, "{\"format\": 1, \"by\": "
	    "\"Åsa \\\"Ö\\\"\\n\\u202e\", \"note\": null}");
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_json_date_is_iso_or_null),
		T(test_json_member_escapes_its_value),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
