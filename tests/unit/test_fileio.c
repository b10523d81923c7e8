/*
 * Unit tests of fileio.c: reading, the lock and its leftovers, creating
 * and replacing files.  Each test works in a folder of its own, made by
 * its setup and removed by its teardown, so that a failed assertion
 * leaves nothing behind (and leaks nothing under ASan).
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <unistd.h>

#include "fileio.h"
#include "testutil.h"

struct dir {
	char	 path[64];
};

static int
dir_setup(void **state)
{
	struct dir *d = xmalloc(sizeof(*d));

	strcpy(d->path, "/tmp/sams-fileio.XXXXXX");
	if (mkdtemp(d->path) == NULL) {
		free(d);
		return -1;
	}
	diag_reset();
	*state = d;
	return 0;
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
dir_teardown(void **state)
{
	struct dir *d = *state;
	int rc;

	rc = nftw(d->path, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	free(d);
	messages();		/* the expected errors, not the next test's */
	return rc;
}

/* DIR/NAME in buf. */
static const char *
in(void **state, const char *name, char buf[256])
{
	const struct dir *d = *state;

	snprintf(buf, 256, "%s/%s", d->path, name);
	return buf;
}

static void
put(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	assert_true(fd != -1);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(close(fd), 0);
	assert_int_equal(chmod(path, mode), 0);
}

/* The file's whole text, compared with want. */
static void
assert_holds(const char *path, const char *want)
{
	char *buf;
	size_t len;

	assert_int_equal(file_read(path, 1 << 20, &buf, &len), 0);
	assert_int_equal(len, strlen(want));
	if (strcmp(buf, want) != 0) {
		free(buf);
		fail_msg("%s does not hold what it should", path);
	}
	free(buf);
}

/* How many names in the test's folder hold ".tmp.". */
static int
temps(void **state)
{
	const struct dir *d = *state;
	struct dirent *de;
	DIR *dp = opendir(d->path);
	int n = 0;

	assert_non_null(dp);
	while ((de = readdir(dp)) != NULL)
		if (strstr(de->d_name, ".tmp.") != NULL)
			n++;
	closedir(dp);
	return n;
}

static void
test_file_read_says_a_missing_file_is_no_input(void **state)
{
	char p[256], *buf = NULL;
	size_t len;

	assert_int_equal(file_read(in(state, "none.yml", p), 100, &buf, &len),
	    -1);
	assert_null(buf);
	assert_int_equal(diag_failure(), FAIL_NOINPUT);
	assert_reported("none.yml: error: cannot open: ");
}

static void
test_file_read_says_a_file_too_large_is_malformed(void **state)
{
	char p[256], *buf = NULL;
	size_t len;

	put(in(state, "big.yml", p), "0123456789", 0644);
	assert_int_equal(file_read(p, 9, &buf, &len), -1);
	assert_null(buf);
	assert_int_equal(diag_failure(), FAIL_DATA);
	assert_reported("big.yml: error: file is larger than 9 bytes");
	assert_int_equal(file_read(p, 10, &buf, &len), 0);
	assert_int_equal(len, 10);
	free(buf);
}

static void
test_file_read_reads_standard_input_for_a_dash(void **state)
{
	char p[256], *buf = NULL;
	size_t len;
	int fd, saved;

	put(in(state, "in.yml", p), "from stdin\n", 0644);
	fd = open(p, O_RDONLY);
	saved = dup(STDIN_FILENO);
	assert_true(fd != -1 && saved != -1);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	fd = file_read("-", 100, &buf, &len);
	dup2(saved, STDIN_FILENO);
	close(saved);
	assert_int_equal(fd, 0);
	assert_int_equal(len, 11);
	assert_string_equal(buf, "from stdin\n");
	free(buf);
}

static void
test_file_read_seen_refuses_a_symbolic_link(void **state)
{
	struct file_seen seen;
	char p[256], l[256], *buf = NULL;
	size_t len;

	put(in(state, "a.yml", p), "x: 1\n", 0644);
	assert_int_equal(symlink(p, in(state, "link.yml", l)), 0);
	assert_int_equal(file_read_seen(l, 100, &buf, &len, &seen), -1);
	assert_null(buf);
	assert_int_equal(diag_failure(), FAIL_CANTCREAT);
	assert_reported("refusing to write through a symbolic link");
	assert_int_equal(file_read_seen(p, 100, &buf, &len, &seen), 0);
	free(buf);
}

static void
test_file_read_seen_refuses_a_file_with_hard_links(void **state)
{
	struct file_seen seen;
	char p[256], l[256], *buf = NULL;
	size_t len;

	put(in(state, "a.yml", p), "x: 1\n", 0644);
	assert_int_equal(link(p, in(state, "b.yml", l)), 0);
	assert_int_equal(file_read_seen(p, 100, &buf, &len, &seen), -1);
	assert_null(buf);
	assert_int_equal(diag_failure(), FAIL_CANTCREAT);
	assert_reported("several hard links");
}

/* In a child: whether a second locker gives up, busy, after the timeout. */
static int
second_locker_times_out(const char *path)
{
	struct file_lock lk;
	pid_t pid = fork();
	int status;

	assert_true(pid != -1);
	if (pid == 0) {
		diag_reset();
		file_set_lock_timeout(0.05);
		_exit(file_lock(path, &lk) == -1 &&
		    diag_failure() == FAIL_TEMP ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void
test_file_lock_keeps_a_second_locker_out_until_unlocked(void **state)
{
	struct file_lock lk;
	struct stat st;
	char p[256], l[256];

	put(in(state, "a.yml", p), "x: 1\n", 0644);
	assert_int_equal(file_lock(p, &lk), 0);
	assert_int_equal(lstat(in(state, ".a.yml.lock", l), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_true(second_locker_times_out(p));
	file_unlock(&lk);
	assert_false(second_locker_times_out(p));
	assert_int_equal(lk.fd, -1);
}

static void
test_file_lock_removes_only_its_own_leftover_temp_files(void **state)
{
	static const char *const gone[] = { ".a.yml.tmp.123.abc0",
	    ".a.yml.tmp.1.f" };
	static const char *const kept[] = { ".a.yml.tmp.x", ".a.yml.tmp.12.xyz",
	    ".a.yml.tmp.12.", ".b.yml.tmp.1.a", "a.yml.tmp.1.a",
	    ".a.yml.tmp.1.a.yml" };
	struct file_lock lk;
	struct stat st;
	char p[256];
	size_t i;

	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		put(in(state, gone[i], p), "", 0600);
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		put(in(state, kept[i], p), "", 0600);
	put(in(state, "a.yml", p), "x: 1\n", 0644);
	assert_int_equal(file_lock(p, &lk), 0);
	file_unlock(&lk);
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		assert_int_equal(lstat(in(state, gone[i], p), &st), -1);
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		assert_int_equal(lstat(in(state, kept[i], p), &st), 0);
}

static void
test_file_create_makes_a_private_file_never_overwriting(void **state)
{
	struct stat st;
	char p[256];

	assert_int_equal(file_create(in(state, "new.yml", p), "a: 1\n", 5), 0);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_holds(p, "a: 1\n");
	assert_int_equal(file_create(p, "b: 2\n", 5), -1);
	assert_int_equal(diag_failure(), FAIL_CANTCREAT);
	assert_reported("new.yml: error: already exists; refusing to "
	    "overwrite it");
	assert_holds(p, "a: 1\n");
	assert_int_equal(temps(state), 0);
}

static void
test_file_update_replaces_the_text_and_keeps_the_mode(void **state)
{
	struct file_seen seen;
	struct stat st;
	char p[256], *old;
	size_t len;

	put(in(state, "a.yml", p), "x: 1\n", 0640);
	assert_int_equal(file_read_seen(p, 100, &old, &len, &seen), 0);
	assert_int_equal(file_update(p, "x: 1\ny: 2\n", 10, &seen, old, len),
	    FILE_UPDATED);
	free(old);
	assert_holds(p, "x: 1\ny: 2\n");
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(temps(state), 0);
	assert_true(file_committed());
}

static void
test_file_update_leaves_a_change_by_another_program(void **state)
{
	struct file_seen seen;
	char p[256], *old;
	size_t len;

	put(in(state, "a.yml", p), "x: 1\n", 0644);
	assert_int_equal(file_read_seen(p, 100, &old, &len, &seen), 0);
	put(p, "x: 1\nedited: yes\n", 0644);	/* an editor, git */
	assert_int_equal(file_update(p, "x: 1\ny: 2\n", 10, &seen, old, len),
	    FILE_CHANGED);
	free(old);
	assert_holds(p, "x: 1\nedited: yes\n");
	assert_int_equal(temps(state), 0);
	assert_int_equal(diag_failure(), FAIL_NONE);	/* not reported */
}

static void
test_file_check_name_refuses_a_name_too_long_for_its_lock(void **state)
{
	char name[FILE_NAME_MAX + 2], p[512];

	(void)state;
	memset(name, 'a', FILE_NAME_MAX);
	name[FILE_NAME_MAX] = '\0';
	snprintf(p, sizeof(p), "cases/%s", name);
	assert_int_equal(file_check_name(p), 0);
	strcat(name, "a");
	snprintf(p, sizeof(p), "cases/%s", name);
	assert_int_equal(file_check_name(p), -1);
	assert_int_equal(diag_failure(), FAIL_CANTCREAT);
	assert_reported("a case file's name may be at most 200 bytes");
}

#define TEST(t)	cmocka_unit_test_setup_teardown(t, dir_setup, dir_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_file_read_says_a_missing_file_is_no_input),
		TEST(test_file_read_says_a_file_too_large_is_malformed),
		TEST(test_file_read_reads_standard_input_for_a_dash),
		TEST(test_file_read_seen_refuses_a_symbolic_link),
		TEST(test_file_read_seen_refuses_a_file_with_hard_links),
		TEST(test_file_lock_keeps_a_second_locker_out_until_unlocked),
		TEST(test_file_lock_removes_only_its_own_leftover_temp_files),
		TEST(test_file_create_makes_a_private_file_never_overwriting),
		TEST(test_file_update_replaces_the_text_and_keeps_the_mode),
		TEST(test_file_update_leaves_a_change_by_another_program),
		TEST(test_file_check_name_refuses_a_name_too_long_for_its_lock),
	};

	return cmocka_run_group_tests_name("fileio", tests, capture_setup,
	    capture_teardown);
}
