/*
 * Unit tests of spill.c: records come out in the order of their keys,
 * each once and whole, whether they stayed in memory or went through
 * the temporary file in many runs; the file is in $TMPDIR and gone from
 * it at once; a file that cannot be made or written is an I/O error
 * naming the folder and the reason.
 */
#include <sys/resource.h>

#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spill.h"
#include "testutil.h"

/* The key of record i: its number scrambled, so the adding is unsorted. */
static void
key_of(unsigned i, char *key, size_t size)
{
	snprintf(key, size, "k%05u", i * 7919 % 10007);
}

/*
 * Adds n records under budget and reads them back: each key greater than
 * the last, each record's data the number it was made from; returns the
 * number of runs written.
 */
static size_t
round_trip(unsigned n, size_t budget)
{
	struct spill *s = spill_new(budget);
	const char *key, *data, *last = NULL;
	char buf[16], prev[16] = "";
	size_t klen, dlen, runs;
	unsigned i, got = 0, num;

	for (i = 0; i < n; i++) {
		key_of(i, buf, sizeof(buf));
		spill_add(s, buf, strlen(buf), &i, sizeof(i));
	}
	assert_int_equal(spill_sort(s), 0);
	while (spill_next(s, &key, &klen, &data, &dlen) == 1) {
		assert_int_equal(dlen, sizeof(num));
		memcpy(&num, data, sizeof(num));
		key_of(num, buf, sizeof(buf));
		assert_int_equal(klen, strlen(buf));
		assert_memory_equal(key, buf, klen);
		if (last != NULL)
			assert_true(strcmp(prev, buf) < 0);
		snprintf(prev, sizeof(prev), "%s", buf);
		last = prev;
		got++;
	}
	assert_int_equal(got, n);
	runs = spill_runs(s);
	spill_free(s);
	return runs;
}

static void
test_spill_sorts_records_held_in_memory(void **state)
{
	(void)state;
	/* 1,000 records of 8 + 6 + 4 = 18 bytes fit in 64 KiB: no file. */
	assert_int_equal(round_trip(1000, 64 * 1024), 0);
}

static void
test_spill_merges_many_runs_from_the_file(void **state)
{
	(void)state;
	/*
	 * 2,000 records of 18 bytes, 4 to a 80-byte budget (a fifth does
	 * not fit: 90 > 80): 2,000 / 4 = 500 runs, the last one too
	 * written since others were.
	 */
	assert_int_equal(round_trip(2000, 80), 500);
}

static void
test_spill_puts_a_key_before_its_longer_keys(void **state)
{
	struct spill *s = spill_new(1 << 16);
	const char *key, *data;
	size_t klen, dlen;

	(void)state;
	spill_add(s, "b", 1, NULL, 0);
	spill_add(s, "ab", 2, "2", 1);
	spill_add(s, "a\0z", 3, NULL, 0);	/* NUL is a byte like others */
	spill_add(s, "a", 1, "1", 1);
	assert_int_equal(spill_sort(s), 0);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_int_equal(klen, 1);
	assert_memory_equal(data, "1", 1);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_int_equal(klen, 3);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "ab", 2);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "b", 1);
	assert_int_equal(dlen, 0);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 0);
	spill_free(s);
}

static void
test_spill_keeps_a_record_larger_than_its_budget_whole(void **state)
{
	struct spill *s = spill_new(64);
	char big[100000];
	const char *key, *data;
	size_t klen, dlen;

	(void)state;
	memset(big, 'x', sizeof(big));
	big[sizeof(big) - 1] = 'y';
	spill_add(s, "b", 1, big, sizeof(big));
	spill_add(s, "a", 1, "small", 5);
	spill_add(s, "c", 1, "small", 5);
	assert_int_equal(spill_sort(s), 0);
	/* b alone (held while nothing else was), then a and c: 2 runs. */
	assert_int_equal(spill_runs(s), 2);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "a", 1);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_int_equal(dlen, sizeof(big));	/* more than a read buffer */
	assert_memory_equal(data, big, sizeof(big));
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 1);
	assert_memory_equal(key, "c", 1);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 0);
	spill_free(s);
}

static void
test_spill_of_nothing_reads_nothing(void **state)
{
	struct spill *s = spill_new(64);
	const char *key, *data;
	size_t klen, dlen;

	(void)state;
	assert_int_equal(spill_sort(s), 0);
	assert_int_equal(spill_next(s, &key, &klen, &data, &dlen), 0);
	spill_free(s);
}

/* Sets TMPDIR to dir, or back to what it was with NULL. */
static void
tmpdir(const char *dir)
{
	static char *saved;
	static int have;

	if (dir != NULL) {
		if (!have && getenv("TMPDIR") != NULL)
			saved = xstrdup(getenv("TMPDIR"));
		have = 1;
		assert_int_equal(setenv("TMPDIR", dir, 1), 0);
		return;
	}
	if (saved != NULL)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	saved = NULL;
	have = 0;
}

/* 2,000 records of 18 bytes in 80-byte runs (as above): 500 runs. */
static struct spill *
spill_many(void)
{
	struct spill *s = spill_new(80);
	char key[16];
	unsigned i;

	for (i = 0; i < 2000; i++) {
		key_of(i, key, sizeof(key));
		spill_add(s, key, strlen(key), &i, sizeof(i));
	}
	return s;
}

/* Whether this process has a file open that was dir/NAME, now deleted. */
static int
has_deleted_file_in(const char *dir)
{
	char target[PATH_MAX];
	struct dirent *d;
	DIR *fds = opendir("/proc/self/fd");
	size_t len = strlen(dir);
	ssize_t n;
	int found = 0;

	assert_non_null(fds);
	while ((d = readdir(fds)) != NULL) {
		n = readlinkat(dirfd(fds), d->d_name, target,
		    sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		if (strncmp(target, dir, len) == 0 && target[len] == '/' &&
		    strstr(target, " (deleted)") != NULL)
			found = 1;
	}
	closedir(fds);
	return found;
}

static void
test_spill_writes_its_runs_in_tmpdir_and_leaves_nothing(void **state)
{
	char dir[] = "/tmp/sams-test-spill.XXXXXX";
	struct spill *s;

	(void)state;
	assert_non_null(mkdtemp(dir));
	tmpdir(dir);
	s = spill_many();
	assert_int_equal(spill_sort(s), 0);
	assert_int_equal(spill_runs(s), 500);
	/* open, in dir, and already unlinked from it: dir is empty */
	assert_true(has_deleted_file_in(dir));
	assert_int_equal(rmdir(dir), 0);
	spill_free(s);
	tmpdir(NULL);
}

/* A relative TMPDIR is not used (as for the workbook): /tmp is. */
static void
test_spill_ignores_a_relative_tmpdir(void **state)
{
	struct spill *s;

	(void)state;
	tmpdir("no-such-folder");
	s = spill_many();
	assert_int_equal(spill_sort(s), 0);
	assert_true(has_deleted_file_in("/tmp"));
	spill_free(s);
	tmpdir(NULL);
}

static void
test_spill_names_a_tmpdir_it_cannot_use(void **state)
{
	struct spill *s;

	(void)state;
	tmpdir("/nonexistent/sams-test");
	s = spill_many();
	diag_reset();
	assert_int_equal(spill_sort(s), -1);
	assert_int_equal(diag_failure(), FAIL_IO);	/* exit status 74 */
	assert_reported("sams: /nonexistent/sams-test: error: cannot use a "
	    "temporary file for sorting in this folder (TMPDIR): No such "
	    "file or directory\n");
	spill_free(s);
	tmpdir(NULL);
}

/*
 * A file that cannot grow past 8 KiB (RLIMIT_FSIZE, its signal ignored,
 * as a full disk refuses a write with ENOSPC) takes a few of the 500
 * runs of 4 records of 18 bytes (36,000 bytes): a write fails with
 * EFBIG, and spill_sort() says so once.
 */
static void
test_spill_reports_a_write_that_fails(void **state)
{
	struct rlimit was, small;
	struct spill *s;

	(void)state;
	tmpdir("/tmp");
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
	small = was;
	small.rlim_cur = 8192;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	s = spill_many();
	diag_reset();
	assert_int_equal(spill_sort(s), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
	signal(SIGXFSZ, SIG_DFL);
	assert_int_equal(diag_failure(), FAIL_IO);
	assert_reported("sams: /tmp: error: cannot use a temporary file for "
	    "sorting in this folder (TMPDIR): File too large\n");
	assert_int_equal(diag_count(DIAG_ERROR), 1);
	spill_free(s);
	tmpdir(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spill_sorts_records_held_in_memory),
		cmocka_unit_test(test_spill_merges_many_runs_from_the_file),
		cmocka_unit_test(test_spill_puts_a_key_before_its_longer_keys),
		cmocka_unit_test(
		    test_spill_keeps_a_record_larger_than_its_budget_whole),
		cmocka_unit_test(test_spill_of_nothing_reads_nothing),
		cmocka_unit_test(
		    test_spill_writes_its_runs_in_tmpdir_and_leaves_nothing),
		cmocka_unit_test(test_spill_ignores_a_relative_tmpdir),
		cmocka_unit_test(test_spill_names_a_tmpdir_it_cannot_use),
		cmocka_unit_test(test_spill_reports_a_write_that_fails),
	};

	return cmocka_run_group_tests_name("spill", tests, capture_setup,
	    capture_teardown);
}
