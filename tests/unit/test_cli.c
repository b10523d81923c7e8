/*
 * Unit tests of the option parser in cli.c (its three-way result and the
 * one map to exit statuses), and of the values sams init writes into
 * .sams/config.yml: each parses back to the name given.
 */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "cli.h"
#include "date.h"
#include "sams.h"
#include "strbuf.h"
#include "testutil.h"
#include "yamlio.h"

/* What the test command's own options saw. */
struct seen {
	const char	*by;
	int		 acute;
	int		 refuse;	/* the handler says CLI_BAD */
};

static enum cli_parsed
test_option(int opt, char *arg, void *ctx)
{
	struct seen *s = ctx;

	if (s->refuse)
		return CLI_BAD;
	if (opt == OPT_BY)
		s->by = arg;
	else if (opt == OPT_ACUTE)
		s->acute = 1;
	return CLI_GO;
}

static const char usage[] = "sams test [--by NAME] [--acute] FILE\n";
static const int options[] = { OPT_BY, OPT_ACUTE, 0 };

/* Parses words as a command line "test WORDS..." from the start. */
static enum cli_parsed
parse(struct seen *s, char **words, int n)
{
	char *argv[8];
	int i;

	argv[0] = (char *)"test";
	for (i = 0; i < n; i++)
		argv[i + 1] = words[i];
	argv[n + 1] = NULL;
	cli_set_argv(argv);
	optind = 0;		/* glibc: start over */
	return cli_parse(n + 1, argv, usage, options, test_option, s);
}

static void
test_cli_parse_goes_on_with_its_options_and_operands(void **state)
{
	char *words[] = { (char *)"--by", (char *)"Anna",
	    (char *)"--acute", (char *)"k.yml" };
	struct seen s = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(parse(&s, words, 4), CLI_GO);
	assert_string_equal(s.by, "Anna");
	assert_int_equal(s.acute, 1);
	assert_int_equal(optind, 4);
	assert_string_equal(messages(), "");
}

static void
test_cli_parse_is_done_after_help(void **state)
{
	char *words[] = { (char *)"--help", (char *)"k.yml" };
	struct seen s = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(parse(&s, words, 2), CLI_DONE);
	assert_int_equal(cli_parsed_status(CLI_DONE), SAMS_EXIT_OK);
}

static void
test_cli_parse_refuses_an_option_the_command_does_not_take(void **state)
{
	char *words[] = { (char *)"--note", (char *)"x", (char *)"k.yml" };
	struct seen s = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(parse(&s, words, 3), CLI_BAD);
	assert_reported("unknown option '--note'");
	assert_int_equal(cli_parsed_status(CLI_BAD), SAMS_EXIT_USAGE);
}

static void
test_cli_parse_refuses_an_option_without_its_value(void **state)
{
	char *words[] = { (char *)"--by" };
	struct seen s = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(parse(&s, words, 1), CLI_BAD);
	assert_reported("option '--by' wants a value");
}

static void
test_cli_parse_refuses_a_bad_common_value(void **state)
{
	char *words[] = { (char *)"--color", (char *)"purple",
	    (char *)"k.yml" };
	struct seen s = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(parse(&s, words, 3), CLI_BAD);
	assert_reported("--color wants auto, always or never");
}

/* A value from a table, or a message that lists the table. */
static void
test_cli_choice_lists_the_names_it_takes(void **state)
{
	static const char *const names[] = { "text", "tsv", "csv", "json" };
	enum cli_format fmt;

	(void)state;
	assert_int_equal(cli_choice("csv", "--format", names, 4), 2);
	assert_int_equal(cli_choice("xml", "--format", names, 4), -1);
	assert_reported("sams: error: --format wants text, tsv, csv or json\n");
	assert_int_equal(cli_choice("json", "--format", names, 3), -1);
	assert_reported("--format wants text, tsv or csv\n");
	assert_int_equal(cli_format("json", &fmt), CLI_GO);
	assert_int_equal(fmt, FORMAT_JSON);
	assert_int_equal(cli_format("tsv", &fmt), CLI_BAD);
	assert_reported("--format wants text or json\n");
}

static void
test_cli_parse_stops_where_the_command_says(void **state)
{
	char *words[] = { (char *)"--acute", (char *)"k.yml" };
	struct seen s = { NULL, 0, 1 };

	(void)state;
	assert_int_equal(parse(&s, words, 2), CLI_BAD);
	assert_int_equal(s.acute, 0);
}

static void
test_cli_parsed_status_goes_on_with_zero(void **state)
{
	(void)state;
	assert_int_equal(cli_parsed_status(CLI_GO), 0);
}

/* A config.yml as init writes it, and the municipality read back. */
static char *
name_read_back(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const struct ynode *v;
	struct ydoc doc;
	char *back = NULL;

	strbuf_addstr(&sb, "sams-config: 1\nmunicipality: ");
	case_quote(&sb, name);
	strbuf_addstr(&sb, "\nmodel: sams\n");
	if (ydoc_parse(&doc, "config.yml", sb.buf, sb.len) == 0) {
		v = ymap_get(doc.root, "municipality");
		if (v != NULL && v->kind == YN_SCALAR)
			back = xstrdup(v->str);
		v = ymap_get(doc.root, "model");
		if (v == NULL || strcmp(v->str, "sams") != 0) {
			free(back);
			back = NULL;
		}
	}
	ydoc_release(&doc);
	strbuf_release(&sb);
	return back;
}

/* What a test allocates, freed by teardown even when an assertion fails. */
struct fixture {
	char	*back;
};

static int
setup(void **state)
{
	*state = xcalloc(1, sizeof(struct fixture));
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	free(f->back);
	free(f);
	return 0;
}

static void
test_config_names_parse_back_as_given(void **state)
{
	static const char *const names[] = { "Malmö: stad", "X # y",
	    "-Kommun", " Lund", "Sankt \"Olof\"", "O'Hara", "Malmö", "yes",
	    "2026-01-01", "[a]", "{b}", "&c", "*d", "!e", "%f", "@g", "`h",
	    "a\\b", "Lund ", "" };
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		free(f->back);
		f->back = name_read_back(names[i]);
		if (f->back == NULL || strcmp(f->back, names[i]) != 0)
			fail_msg("'%s' does not parse back", names[i]);
	}
	assert_string_equal(messages(), "");
}

/* --today is kept by the command layer and handed down from there. */
static void
test_cli_today_is_the_clocks_until_today_is_given(void **state)
{
	long d;

	(void)state;
	assert_true(cli_today() >= date_local_today() - 1);
	assert_int_equal(date_parse("2026-11-23", &d), 0);
	assert_int_equal(cli_common_option(OPT_TODAY, "2026-11-23"), CLI_GO);
	assert_int_equal(cli_today(), d);
	assert_int_equal(cli_common_option(OPT_TODAY, "2026-13-01"), CLI_BAD);
	assert_int_equal(cli_today(), d);
	messages();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_cli_parse_goes_on_with_its_options_and_operands),
		cmocka_unit_test(test_cli_parse_is_done_after_help),
		cmocka_unit_test(
		    test_cli_parse_refuses_an_option_the_command_does_not_take),
		cmocka_unit_test(
		    test_cli_parse_refuses_an_option_without_its_value),
		cmocka_unit_test(test_cli_parse_refuses_a_bad_common_value),
		cmocka_unit_test(test_cli_choice_lists_the_names_it_takes),
		cmocka_unit_test(test_cli_parse_stops_where_the_command_says),
		cmocka_unit_test(test_cli_parsed_status_goes_on_with_zero),
		cmocka_unit_test_setup_teardown(
		    test_config_names_parse_back_as_given, setup, teardown),
		cmocka_unit_test(
		    test_cli_today_is_the_clocks_until_today_is_given),
	};

	return cmocka_run_group_tests_name("cli", tests, capture_setup,
	    capture_teardown);
}
