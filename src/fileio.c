/* Safe file reading and writing: lock, temporary file, fsync, rename. */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "sams.h"
#include "sysio.h"
#include "xalloc.h"

/* The temporary file being written, removed by the signal handler. */
static char *volatile active_temp;

static void
on_signal(int sig)
{
	char *p = active_temp;

	if (p != NULL)
		unlink(p);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
file_install_signal_cleanup(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM, SIGPIPE };
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_signal);
}

static int
read_fd(int fd, const char *path, size_t max, char **buf, size_t *len)
{
	size_t cap = 8192, n = 0;
	char *b;
	ssize_t r;

	b = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(b);
				error_at(path, 0, 0, "file is larger than %zu "
				    "bytes", max);
				return SAMS_EXIT_DATAERR;
			}
			cap *= 2;
			b = xreallocarray(b, cap + 1, 1);
		}
		r = sys_read(fd, b + n, cap - n);
		if (r == 0)
			break;
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			error_sys(path, errno, "cannot read");
			free(b);
			return SAMS_EXIT_NOINPUT;
		}
		n += (size_t)r;
	}
	if (n > max) {
		free(b);
		error_at(path, 0, 0, "file is larger than %zu bytes", max);
		return SAMS_EXIT_DATAERR;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

int
file_read(const char *path, size_t max, char **buf, size_t *len)
{
	struct stat st;
	int fd, rc;

	if (strcmp(path, "-") == 0)
		return read_fd(STDIN_FILENO, "<stdin>", max, buf, len);
	fd = sys_open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
	if (fd == -1) {
		error_sys(path, errno, "cannot open");
		return SAMS_EXIT_NOINPUT;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		sys_close(fd);
		error_at(path, 0, 0, "not a regular file");
		return SAMS_EXIT_NOINPUT;
	}
	rc = read_fd(fd, path, max, buf, len);
	sys_close(fd);
	return rc;
}

/* Splits path into its folder ("." if none) and base name; caller frees. */
static void
split_path(const char *path, char **dir, const char **base)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		*dir = xstrdup(".");
		*base = path;
	} else {
		*dir = slash == path ? xstrdup("/") :
		    xstrndup(path, (size_t)(slash - path));
		*base = slash + 1;
	}
}

/* Removes ".BASE.tmp.*" files in dir: left by a run that was killed. */
static void
remove_stale_temps(const char *dir, const char *base)
{
	struct dirent *de;
	char *prefix;
	DIR *d;

	d = opendir(dir);
	if (d == NULL)
		return;
	prefix = xasprintf(".%s.tmp.", base);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		if (unlinkat(dirfd(d), de->d_name, 0) == -1 &&
		    errno != ENOENT)
			diag(DIAG_WARNING, dir, 0, 0, "cannot remove a stale "
			    "temporary file: %s", strerror(errno));
	}
	free(prefix);
	closedir(d);
}

static double
lock_timeout(void)
{
	const char *s = getenv("SAMS_LOCK_TIMEOUT");
	char *end;
	double t;

	if (s == NULL || *s == '\0')
		return 10.0;
	t = strtod(s, &end);
	return *end != '\0' || t < 0 ? 10.0 : t;
}

static void
sleep_ms(long ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static int
wait_for_lock(int fd, const char *path)
{
	double waited = 0, limit = lock_timeout();
	long pause = 1;

	while (sys_flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK) {
			error_sys(path, errno, "cannot lock");
			return SAMS_EXIT_IOERR;
		}
		if (waited >= limit) {
			error_at(path, 0, 0, "locked by another sams; try "
			    "again later");
			return SAMS_EXIT_TEMPFAIL;
		}
		sleep_ms(pause);
		waited += pause / 1000.0;
		pause = pause < 100 ? pause * 2 : 100;
	}
	return 0;
}

int
file_lock(const char *path, struct file_lock *lk)
{
	const char *base;
	char *dir;
	int rc;

	split_path(path, &dir, &base);
	lk->path = xasprintf("%s/.%s.lock", dir, base);
	lk->fd = sys_open(lk->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (lk->fd == -1) {
		error_sys(path, errno, "cannot create the lock file");
		rc = errno == EACCES || errno == EROFS ? SAMS_EXIT_CANTCREAT :
		    SAMS_EXIT_IOERR;
	} else {
		rc = wait_for_lock(lk->fd, path);
		if (rc == 0)
			remove_stale_temps(dir, base);
	}
	free(dir);
	if (rc != 0)
		file_unlock(lk);
	return rc;
}

void
file_unlock(struct file_lock *lk)
{
	if (lk->fd != -1)
		sys_close(lk->fd);	/* releases the flock */
	lk->fd = -1;
	free(lk->path);
	lk->path = NULL;
}

int
file_check_target(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == -1) {
		error_sys(path, errno, "cannot open");
		return SAMS_EXIT_NOINPUT;
	}
	if (S_ISLNK(st.st_mode)) {
		error_at(path, 0, 0, "refusing to write through a symbolic "
		    "link; name the file itself");
		return SAMS_EXIT_CANTCREAT;
	}
	if (!S_ISREG(st.st_mode)) {
		error_at(path, 0, 0, "not a regular file");
		return SAMS_EXIT_CANTCREAT;
	}
	if (st.st_nlink > 1) {
		error_at(path, 0, 0, "refusing to write a file with several "
		    "hard links");
		return SAMS_EXIT_CANTCREAT;
	}
	return 0;
}

static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t w;

	while (len > 0) {
		w = sys_write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

static int
sync_dir(const char *dir)
{
	int fd, rc;

	fd = sys_open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (fd == -1)
		return -1;
	rc = sys_fsync(fd);
	sys_close(fd);
	return rc;
}

/*
 * Writes buf to a new temporary file beside path and syncs it; *tmp gets
 * its name.  On failure nothing is left behind.
 */
static int
write_temp(const char *path, const char *buf, size_t len, char **tmp)
{
	const char *base;
	char *dir;
	int fd, saved;

	split_path(path, &dir, &base);
	*tmp = xasprintf("%s/.%s.tmp.%ld.%lx", dir, base, (long)getpid(),
	    (unsigned long)random());
	free(dir);
	fd = sys_open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	if (fd == -1) {
		saved = errno;
		error_sys(path, saved, "cannot create a file in its folder");
		free(*tmp);
		*tmp = NULL;
		return saved == EACCES || saved == EROFS || saved == ENOENT ||
		    saved == EEXIST || saved == ENOTDIR ? SAMS_EXIT_CANTCREAT :
		    SAMS_EXIT_IOERR;
	}
	active_temp = *tmp;
	if (sys_fchmod(fd, 0600) == -1 || write_all(fd, buf, len) == -1 ||
	    sys_fsync(fd) == -1) {
		saved = errno;
		sys_close(fd);
		goto fail;
	}
	if (sys_close(fd) == -1) {
		saved = errno;
		goto fail;
	}
	return 0;
fail:
	unlink(*tmp);		/* cleaning up is not an injectable call */
	active_temp = NULL;
	free(*tmp);
	*tmp = NULL;
	error_sys(path, saved, "cannot write; the file is unchanged");
	return SAMS_EXIT_IOERR;
}

static int
finish(const char *path, char *tmp)
{
	const char *base;
	char *dir;
	int rc = 0;

	active_temp = NULL;
	free(tmp);
	split_path(path, &dir, &base);
	if (sync_dir(dir) == -1) {
		error_sys(path, errno, "written, but cannot sync its folder");
		rc = SAMS_EXIT_IOERR;
	}
	free(dir);
	return rc;
}

/* Removes a temporary file that will not be used; keeps errno. */
static void
abandon(char *tmp)
{
	int saved = errno;

	unlink(tmp);		/* cleaning up is not an injectable call */
	active_temp = NULL;
	free(tmp);
	errno = saved;
}

int
file_replace(const char *path, const char *buf, size_t len)
{
	char *tmp;
	int rc;

	rc = write_temp(path, buf, len, &tmp);
	if (rc != 0)
		return rc;
	if (sys_rename(tmp, path) == -1) {
		abandon(tmp);
		error_sys(path, errno, "cannot replace; the file is "
		    "unchanged");
		return SAMS_EXIT_IOERR;
	}
	return finish(path, tmp);
}

int
file_create(const char *path, const char *buf, size_t len)
{
	char *tmp;
	int rc, saved;

	rc = write_temp(path, buf, len, &tmp);
	if (rc != 0)
		return rc;
	/* Never replaces an existing file; link() where the file system
	 * cannot rename without replacing. */
	rc = sys_rename_noreplace(tmp, path);
	if (rc == -1 && (errno == EINVAL || errno == ENOSYS)) {
		rc = sys_link(tmp, path);
		if (rc == 0)
			unlink(tmp);
	}
	if (rc == -1) {
		saved = errno;
		abandon(tmp);
		if (saved == EEXIST) {
			error_at(path, 0, 0, "already exists; refusing to "
			    "overwrite it");
			return SAMS_EXIT_CANTCREAT;
		}
		error_sys(path, saved, "cannot create");
		return saved == EACCES || saved == EROFS || saved == ENOENT ?
		    SAMS_EXIT_CANTCREAT : SAMS_EXIT_IOERR;
	}
	return finish(path, tmp);
}
