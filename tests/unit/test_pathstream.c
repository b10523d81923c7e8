/*
 * Unit tests of pathstream.c: the stream gives exactly the list that
 * walk_operand(), walk_files0() and pathlist_sort() make (sorted by path
 * byte by byte, each path once, each file once: not through a link, the
 * shortest path, the first), whether it stays in memory or goes through
 * the temporary file in many runs; a temporary file that cannot be
 * written is an I/O error and an empty stream, not a shorter list.
 */
#include <sys/resource.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pathstream.h"
#include "testutil.h"
#include "walk.h"

static char top[] = "/tmp/sams-pathstream-XXXXXX";
static char was_cwd[PATH_MAX];

static void
touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd != -1);
	close(fd);
}

/*
 * The tree, in a folder of its own:
 *   d/a.yml  d/b.yaml  d/c.txt  d/.hidden/x.yml  d/sub/e.yml
 *   d/link.yml -> a.yml           (d/a.yml again, through a link)
 *   d/hard.yml = d/sub/e.yml      (a hard link: one file, two names)
 *   d/dirlink.yml -> sub          (a link to a folder: not followed)
 *   "a b/x.yml"  a/x.yml  a-b/y.yml  (' ' and '-' sort before '/')
 *   e/l.yml -> ../o.yml           (the only name of o.yml listed)
 *   z.yml -> d/b.yaml             (shorter, but through a link)
 */
static int
tree_setup(void **state)
{
	(void)state;
	if (getcwd(was_cwd, sizeof(was_cwd)) == NULL ||
	    mkdtemp(top) == NULL || chdir(top) != 0)
		return -1;
	if (mkdir("d", 0700) || mkdir("d/.hidden", 0700) ||
	    mkdir("d/sub", 0700) || mkdir("a b", 0700) || mkdir("a", 0700) ||
	    mkdir("a-b", 0700) || mkdir("e", 0700))
		return -1;
	touch("d/a.yml");
	touch("d/b.yaml");
	touch("d/c.txt");
	touch("d/.hidden/x.yml");
	touch("d/sub/e.yml");
	touch("a b/x.yml");
	touch("a/x.yml");
	touch("a-b/y.yml");
	touch("o.yml");
	if (symlink("a.yml", "d/link.yml") || link("d/sub/e.yml",
	    "d/hard.yml") || symlink("sub", "d/dirlink.yml") ||
	    symlink("../o.yml", "e/l.yml") || symlink("d/b.yaml", "z.yml"))
		return -1;
	return capture_setup(state);
}

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
tree_teardown(void **state)
{
	if (chdir(was_cwd) != 0)
		return -1;
	nftw(top, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	return capture_teardown(state);
}

/* A --files0-from list: a path twice, and one that does not exist. */
static const char list0[] = "d/b.yaml\0missing.yml\0d/b.yaml\0";

static char op_d[] = "d", op_sub[] = "d/sub", op_dot[] = "./d/a.yml",
    op_space[] = "a b", op_a[] = "a", op_dash[] = "a-b", op_da[] = "d/a.yml",
    op_e[] = "e", op_z[] = "z.yml", op_nowhere[] = "nowhere";
static char *operands[] = { op_d, op_sub, op_dot, op_space, op_a, op_dash,
    op_da, op_e, op_z };
#define NOPERANDS	(int)(sizeof(operands) / sizeof(operands[0]))

/*
 * By hand: "./d/a.yml" is d/a.yml, longer; d/link.yml is d/a.yml through
 * a link; d/sub/e.yml is d/hard.yml, longer; z.yml is d/b.yaml through
 * a link; missing.yml cannot be looked at, so it stays (opening it will
 * say why).  ' ' (0x20) and '-' (0x2d) come before '/' (0x2f).
 */
static const char *const expected[] = { "a b/x.yml", "a-b/y.yml",
    "a/x.yml", "d/a.yml", "d/b.yaml", "d/hard.yml", "e/l.yml",
    "missing.yml" };
#define NEXPECTED	(sizeof(expected) / sizeof(expected[0]))

static void
write_list0(void)
{
	FILE *fp = fopen("list0", "w");

	assert_non_null(fp);
	assert_int_equal(fwrite(list0, 1, sizeof(list0) - 1, fp),
	    sizeof(list0) - 1);
	assert_int_equal(fclose(fp), 0);
}

struct seen {
	size_t	n;
	int	bad;
};

/* Each path kept is one of expected's, and counted. */
static void
count_kept(const char *path, void *arg)
{
	struct seen *seen = arg;
	size_t i;

	for (i = 0; i < NEXPECTED; i++)
		if (strcmp(path, expected[i]) == 0)
			break;
	seen->bad |= i == NEXPECTED;
	seen->n++;
}

/* The stream under budget: expected's list; returns the runs written. */
static size_t
stream_under(size_t budget)
{
	struct pathstream *ps = pathstream_new(budget);
	struct seen seen = { 0, 0 };
	const char *path;
	size_t i = 0, runs;
	int worst;

	write_list0();
	assert_int_equal(pathstream_walk(ps, "list0", NOPERANDS, operands,
	    count_kept, &seen, &worst), 0);
	assert_int_equal(worst, FAIL_NONE);
	assert_int_equal(seen.n, NEXPECTED);
	assert_false(seen.bad);
	assert_int_equal(pathstream_count(ps), NEXPECTED);
	while (pathstream_next(ps, &path) == 1) {
		assert_true(i < NEXPECTED);
		assert_string_equal(path, expected[i]);
		i++;
	}
	assert_int_equal(i, NEXPECTED);
	assert_false(pathstream_failed(ps));
	runs = pathstream_runs(ps);
	pathstream_free(ps);
	return runs;
}

static void
test_pathlist_sort_gives_the_list_by_hand(void **state)
{
	struct pathlist list = PATHLIST_INIT;
	size_t i;
	int op;

	(void)state;
	write_list0();
	assert_int_equal(walk_files0(&list, "list0"), 0);
	for (op = 0; op < NOPERANDS; op++)
		assert_int_equal(walk_operand(&list, operands[op]), 0);
	pathlist_sort(&list);
	assert_int_equal(list.n, NEXPECTED);
	for (i = 0; i < list.n; i++)
		assert_string_equal(list.paths[i], expected[i]);
	pathlist_free(&list);
}

static void
test_stream_in_memory_gives_the_same_list(void **state)
{
	(void)state;
	assert_int_equal(stream_under(0), 0);	/* 1 MiB: no file */
}

static void
test_stream_through_the_file_gives_the_same_list(void **state)
{
	(void)state;
	/* 16 records of 40 to 60 bytes, about one to a 64-byte run. */
	assert_true(stream_under(64) >= 10);
}

static void
test_stream_of_the_files_looked_at_first_in_order(void **state)
{
	struct pathstream *ps = pathstream_new(64);
	struct seen seen = { 0, 0 };
	const char *path;
	size_t i = 0;
	int worst;

	(void)state;
	write_list0();
	assert_int_equal(pathstream_walk(ps, "list0", NOPERANDS, operands,
	    NULL, NULL, &worst), 0);
	assert_int_equal(pathstream_each(ps, count_kept, &seen), 0);
	assert_int_equal(seen.n, NEXPECTED);
	while (pathstream_next(ps, &path) == 1)
		assert_string_equal(path, expected[i++]);
	assert_int_equal(i, NEXPECTED);
	pathstream_free(ps);
}

static void
test_stream_reports_what_it_cannot_walk_and_lists_the_rest(void **state)
{
	struct pathstream *ps = pathstream_new(0);
	char *ops[] = { op_nowhere, op_a };
	const char *path;
	int worst;

	(void)state;
	diag_reset();
	assert_int_equal(pathstream_walk(ps, NULL, 2, ops, NULL, NULL,
	    &worst), 0);
	assert_int_equal(worst, FAIL_NOINPUT);
	assert_reported("sams: nowhere: error: cannot open: No such file");
	assert_int_equal(pathstream_next(ps, &path), 1);
	assert_string_equal(path, "a/x.yml");
	assert_int_equal(pathstream_next(ps, &path), 0);
	pathstream_free(ps);
}

/*
 * 400 paths of 44 bytes, with a 9-byte header and an 18-byte id:
 * 400 * 71 = 28,400 bytes of runs, past a file that cannot grow past
 * 8 KiB: the list is not made, and the stream is empty rather than short.
 */
static void
test_stream_reports_a_temporary_file_that_fails(void **state)
{
	struct rlimit was, small;
	struct pathstream *ps = pathstream_new(1024);
	const char *path;
	FILE *fp;
	int i, worst;

	(void)state;
	fp = fopen("many0", "w");
	assert_non_null(fp);
	for (i = 0; i < 400; i++)
		fprintf(fp, "not-there/a-case-file-named-at-length-%04d.yml%c",
		    i, '\0');
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(setenv("TMPDIR", "/tmp", 1), 0);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	small = was;
	small.rlim_cur = 8192;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	diag_reset();
	i = pathstream_walk(ps, "many0", 0, NULL, NULL, NULL, &worst);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
	signal(SIGXFSZ, SIG_DFL);
	assert_int_equal(i, -1);
	assert_int_equal(diag_failure(), FAIL_IO);
	assert_reported("sams: /tmp: error: cannot use a temporary file for "
	    "sorting in this folder (TMPDIR): File too large\n");
	assert_int_equal(pathstream_count(ps), 0);
	assert_int_equal(pathstream_next(ps, &path), 0);
	pathstream_free(ps);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pathlist_sort_gives_the_list_by_hand),
		cmocka_unit_test(test_stream_in_memory_gives_the_same_list),
		cmocka_unit_test(
		    test_stream_through_the_file_gives_the_same_list),
		cmocka_unit_test(
		    test_stream_of_the_files_looked_at_first_in_order),
		cmocka_unit_test(
		    test_stream_reports_what_it_cannot_walk_and_lists_the_rest),
		cmocka_unit_test(
		    test_stream_reports_a_temporary_file_that_fails),
	};

	return cmocka_run_group_tests_name("pathstream", tests, tree_setup,
	    tree_teardown);
}
