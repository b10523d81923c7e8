/* Safe file reading and writing: lock, temporary file, fsync, rename. */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <pwd.h>
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
#include "i18n.h"
#include "strbuf.h"
#include "sysio.h"
#include "text.h"
#include "xalloc.h"

/* The temporary file the signal handler removes: the one being written. */
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

int
file_temp_fd(const char *name, const char **dir)
{
	struct strbuf path = STRBUF_INIT;
	int fd, e;

	*dir = getenv("TMPDIR");
	if (*dir == NULL || (*dir)[0] != '/')
		*dir = "/tmp";
	strbuf_addf(&path, "%s/%s.XXXXXX", *dir, name);
	if ((fd = mkstemp(path.buf)) != -1)
		unlink(path.buf);
	e = errno;
	strbuf_release(&path);
	errno = e;
	return fd;
}

FILE *
file_temp(const char *name, const char **dir)
{
	FILE *fp;
	int fd, e;

	if ((fd = file_temp_fd(name, dir)) == -1)
		return NULL;
	if ((fp = fdopen(fd, "w+")) == NULL) {
		e = errno;
		close(fd);
		errno = e;
	}
	return fp;
}

/*
 * Not SIGPIPE: commands that write ignore it (main.c), so that a closed
 * pipe on standard output cannot stop them half-way or after the rename.
 */
void
file_install_signal_cleanup(void)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], on_signal);
}

int
file_read_fd(int fd, const char *path, size_t max, char **buf, size_t *len)
{
	size_t cap = 8192, n = 0;
	char *b;
	ssize_t r;

	b = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > max) {
				free(b);
				return error_at(path, 0, 0, "file is larger "
				    "than %zu bytes", max);
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
			free(b);
			return fail_sys(FAIL_NOINPUT, path, errno,
			    "cannot read");
		}
		n += (size_t)r;
	}
	if (n > max) {
		free(b);
		return error_at(path, 0, 0, "file is larger than %zu bytes",
		    max);
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
		return file_read_fd(STDIN_FILENO, "<stdin>", max, buf, len);
	fd = sys_open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
	if (fd == -1)
		return fail_sys(FAIL_NOINPUT, path, errno, "cannot open");
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		sys_close(fd);
		return fail_at(FAIL_NOINPUT, path, 0, 0, "not a regular file");
	}
	rc = file_read_fd(fd, path, max, buf, len);
	sys_close(fd);
	return rc;
}

char *
file_folder(const char *path, const char **base)
{
	const char *slash = strrchr(path, '/');

	if (base != NULL)
		*base = slash != NULL ? slash + 1 : path;
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * Whether name is exactly what write_temp() makes for a case, prefix being
 * ".BASE.tmp.": a decimal pid, a dot and hex digits.  Nothing else matches,
 * not the lock or temporary files of a case named "BASE.tmp.1.yml".
 */
static int
is_own_temp(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncmp(name, prefix, n) != 0)
		return 0;
	name += n;
	n = strspn(name, "0123456789");
	if (n == 0 || name[n] != '.')
		return 0;
	name += n + 1;
	n = strspn(name, "0123456789abcdef");
	return n > 0 && name[n] == '\0';
}

/*
 * Whether the process whose id begins the rest of a temporary file's name
 * is gone: a run that was killed left that file.
 */
static int
writer_gone(const char *name, size_t prefix)
{
	long pid = strtol(name + prefix, NULL, 10);

	return pid > 0 && kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

/*
 * Removes the temporary files of base in dir: under the lock, only a run
 * that was killed can have left them; without one (an --output), only
 * those of a process that is gone.
 */
static void
remove_stale_temps(const char *dir, const char *base, int locked)
{
	struct dirent *de;
	char *prefix;
	DIR *d;

	d = opendir(dir);
	if (d == NULL)
		return;
	prefix = xasprintf(".%s.tmp.", base);
	while ((de = readdir(d)) != NULL) {
		if (!is_own_temp(de->d_name, prefix) || (!locked &&
		    !writer_gone(de->d_name, strlen(prefix))))
			continue;
		if (unlinkat(dirfd(d), de->d_name, 0) == -1 &&
		    errno != ENOENT)
			diag(DIAG_WARNING, dir, 0, 0, "cannot remove a stale "
			    "temporary file: %s", strerror(errno));
	}
	free(prefix);
	closedir(d);
}

static double lock_seconds = 10.0;

void
file_set_lock_timeout(double seconds)
{
	lock_seconds = seconds;
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
	double waited = 0, limit = lock_seconds;
	long pause = 1;

	while (sys_flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK)
			return fail_sys(FAIL_IO, path, errno, "cannot lock");
		if (waited >= limit)
			return fail_at(FAIL_TEMP, path, 0, 0, "locked by "
			    "another sams; try again later");
		sleep_ms(pause);
		waited += pause / 1000.0;
		pause = pause < 100 ? pause * 2 : 100;
	}
	return 0;
}

/*
 * Whoever may read the case may lock it, so that a team sharing a folder
 * shares its locks: the lock file, which is empty and gives nothing away,
 * gets the case file's group and read bits, and its owner when root made
 * it (a lock only root could open would shut the case's owner out).  Only
 * its owner or root can change them; failing to is harmless, as the lock
 * is held already.
 */
static void
share_lock(int fd, const char *path)
{
	struct stat lock, target;
	uid_t uid = (uid_t)-1;
	mode_t want;

	if (fstat(fd, &lock) == -1 || sys_lstat(path, &target) == -1 ||
	    !S_ISREG(target.st_mode))
		return;
	if (geteuid() == 0 && lock.st_uid != target.st_uid)
		uid = target.st_uid;
	else if (lock.st_uid != geteuid())
		return;
	if (uid != (uid_t)-1 || lock.st_gid != target.st_gid)
		(void)sys_fchown(fd, uid, target.st_gid);
	want = S_IRUSR | S_IWUSR | (target.st_mode & (S_IRGRP | S_IROTH));
	if ((lock.st_mode & 0777) != want)
		(void)sys_fchmod(fd, want);
}

/* The lock exists but is not ours to open: say whose it is. */
static int
lock_denied(const char *path, const char *lock)
{
	struct passwd *pw;
	struct stat st;

	if (sys_lstat(lock, &st) == -1)
		return fail_sys(FAIL_CANTCREAT, path, EACCES,
		    "cannot create the lock file");
	if (st.st_uid == geteuid())
		return fail_at(FAIL_CANTCREAT, path, 0, 0, "cannot open the "
		    "lock file %s: it is yours but you may not read it; "
		    "remove it (it holds no data)", lock);
	pw = getpwuid(st.st_uid);
	return fail_at(FAIL_CANTCREAT, path, 0, 0, "cannot open the lock file "
	    "%s: it belongs to %s (uid %lu) and you may not read it; ask "
	    "them or an administrator to remove it (it holds no data)", lock,
	    pw != NULL ? pw->pw_name : text_msg(N_("another user")),
	    (unsigned long)st.st_uid);
}

/* what: the kind of file the lock is ("a folder"), marked with N_(). */
static int
refuse_lock(const char *path, const char *lock, const char *what)
{
	return fail_at(FAIL_CANTCREAT, path, 0, 0, "the lock file %s is %s, "
	    "not a regular file; remove it (it holds no data) and try again",
	    lock, text_msg(what));
}

/*
 * Opens the lock file, never through a link and never waiting on a FIFO
 * (O_NONBLOCK): only an empty regular file is a lock.
 */
static int
open_lock(const char *path, struct file_lock *lk)
{
	struct stat st;
	int saved;

	/* Read-only: flock() needs no more, and the team needs no more. */
	lk->fd = sys_open(lk->path, O_RDONLY | O_CREAT | O_CLOEXEC |
	    O_NOFOLLOW | O_NONBLOCK, 0600);
	if (lk->fd == -1) {
		saved = errno;
		if (saved == ELOOP)
			return refuse_lock(path, lk->path,
			    N_("a symbolic link"));
		if (saved == EISDIR)
			return refuse_lock(path, lk->path, N_("a folder"));
		if (saved == ENXIO)
			return refuse_lock(path, lk->path, N_("a socket"));
		if (saved == EACCES)
			return lock_denied(path, lk->path);
		return fail_sys(saved == EROFS ? FAIL_CANTCREAT : FAIL_IO,
		    path, saved, "cannot create the lock file");
	}
	if (fstat(lk->fd, &st) == -1)
		return fail_sys(FAIL_IO, path, errno,
		    "cannot create the lock file");
	if (!S_ISREG(st.st_mode))
		return refuse_lock(path, lk->path, S_ISFIFO(st.st_mode) ?
		    N_("a FIFO") : S_ISDIR(st.st_mode) ? N_("a folder") :
		    N_("a special file"));
	/* Another name for some other file: giving it the case's owner and
	 * mode would change that file. */
	if (st.st_nlink > 1)
		return fail_at(FAIL_CANTCREAT, path, 0, 0, "the lock file %s "
		    "has several hard links, so it is another file's name "
		    "too; remove it (it holds no data) and try again",
		    lk->path);
	return 0;
}

int
file_check_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = strlen(slash != NULL ? slash + 1 : path);

	if (n <= FILE_NAME_MAX)
		return 0;
	return fail_at(FAIL_CANTCREAT, path, 0, 0, "a case file's name may "
	    "be at most %d bytes, so that its lock and temporary files fit "
	    "beside it", FILE_NAME_MAX);
}

int
file_lock(const char *path, struct file_lock *lk)
{
	const char *base;
	char *dir;
	int rc;

	lk->fd = -1;
	lk->path = NULL;
	if (file_check_name(path) != 0)
		return -1;
	dir = file_folder(path, &base);
	lk->path = xasprintf("%s/.%s.lock", dir, base);
	rc = open_lock(path, lk);
	if (rc == 0)
		rc = wait_for_lock(lk->fd, path);
	if (rc == 0) {
		share_lock(lk->fd, path);
		remove_stale_temps(dir, base, 1);
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

static int
refuse_link(const char *path)
{
	return fail_at(FAIL_CANTCREAT, path, 0, 0, "refusing to write "
	    "through a symbolic link; name the file itself");
}

/* Refuses what may not be replaced: -1 after reporting (FAIL_CANTCREAT). */
static int
check_type(const char *path, const struct stat *st)
{
	if (S_ISLNK(st->st_mode))
		return refuse_link(path);
	if (!S_ISREG(st->st_mode))
		return fail_at(FAIL_CANTCREAT, path, 0, 0,
		    "not a regular file");
	if (st->st_nlink > 1)
		return fail_at(FAIL_CANTCREAT, path, 0, 0, "refusing to write "
		    "a file with several hard links");
	return 0;
}

/*
 * Opens a case for reading without following a symbolic link, and checks
 * what the descriptor shows: 0 with *fd open, or -1 after reporting.
 */
static int
open_checked(const char *path, int *fd, struct stat *st)
{
	int rc;

	*fd = sys_open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK,
	    0);
	if (*fd == -1 && errno == ELOOP)
		return refuse_link(path);
	if (*fd == -1)
		return fail_sys(FAIL_NOINPUT, path, errno, "cannot open");
	if (fstat(*fd, st) == -1)
		rc = fail_sys(FAIL_NOINPUT, path, errno, "cannot read");
	else
		rc = check_type(path, st);
	if (rc != 0)
		sys_close(*fd);
	return rc;
}

int
file_check_target(const char *path)
{
	struct stat st;
	int fd, rc;

	if (file_check_name(path) != 0)
		return -1;
	/* Looked at first, so that no device is opened by mistake. */
	if (sys_lstat(path, &st) == -1)
		return fail_sys(FAIL_NOINPUT, path, errno, "cannot open");
	if (check_type(path, &st) != 0)
		return -1;
	/* Then opened: whoever cannot read the case makes no lock file
	 * for it. */
	if ((rc = open_checked(path, &fd, &st)) == 0)
		sys_close(fd);
	return rc;
}

static void
remember(struct file_seen *seen, const struct stat *st)
{
	seen->dev = st->st_dev;
	seen->ino = st->st_ino;
	seen->size = st->st_size;
	seen->mtime = st->st_mtim;
	seen->ctime = st->st_ctim;
	seen->mode = st->st_mode;
	seen->uid = st->st_uid;
	seen->gid = st->st_gid;
}

static int
same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* Whether st is still the file seen: any write or rename changes this. */
static int
same_file(const struct file_seen *seen, const struct stat *st)
{
	return S_ISREG(st->st_mode) && st->st_dev == seen->dev &&
	    st->st_ino == seen->ino && st->st_size == seen->size &&
	    same_time(st->st_mtim, seen->mtime) &&
	    same_time(st->st_ctim, seen->ctime);
}

/*
 * The descriptor decides, not an earlier lstat(): a symbolic link swapped
 * in after any check is refused by O_NOFOLLOW, anything else by fstat().
 */
int
file_read_seen(const char *path, size_t max, char **buf, size_t *len,
    struct file_seen *seen)
{
	struct stat st;
	int fd, rc;

	if (open_checked(path, &fd, &st) != 0)
		return -1;
	rc = file_read_fd(fd, path, max, buf, len);
	sys_close(fd);
	if (rc == 0)
		remember(seen, &st);
	return rc;
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
 * Gives the temporary file fd the owner, where the process may (root), and
 * the group of the file it replaces.  Not being the owner is normal in a
 * team folder; not keeping the group would hand the file to a group that
 * never had it, so then the group loses its access (*mode).  -1 on other
 * errors.
 */
static int
keep_owner(int fd, const char *path, const struct file_seen *seen,
    mode_t *mode)
{
	uid_t uid = seen->uid == geteuid() ? (uid_t)-1 : seen->uid;

	if (sys_fchown(fd, uid, seen->gid) == 0)
		return 0;
	if (errno == EPERM && uid != (uid_t)-1 &&
	    sys_fchown(fd, (uid_t)-1, seen->gid) == 0)
		return 0;
	if (errno != EPERM)
		return -1;
	*mode &= ~(mode_t)S_IRWXG;
	diag(DIAG_WARNING, path, 0, 0, "cannot keep the file's group (%s); "
	    "it now has your group, without group access", strerror(EPERM));
	return 0;
}

/* Removes the temporary file and reports that path is unchanged. */
static int
temp_failed(const char *path, char **tmp, int saved)
{
	unlink(*tmp);		/* cleaning up is not an injectable call */
	active_temp = NULL;
	free(*tmp);
	*tmp = NULL;
	return fail_sys(FAIL_IO, path, saved,
	    "cannot write; the file is unchanged");
}

/*
 * Opens a new temporary file beside path, with the permission bits, group
 * and owner of seen (mode 0600 without); *tmp gets its name, *fd its
 * descriptor.  On failure nothing is left behind.
 */
static int
open_temp(const char *path, const struct file_seen *seen, char **tmp,
    int *fd)
{
	const char *base;
	char *dir;
	mode_t mode = seen != NULL ? seen->mode & 0777 : 0600;
	int saved;

	dir = file_folder(path, &base);
	*tmp = xasprintf("%s/.%s.tmp.%ld.%lx", dir, base, (long)getpid(),
	    (unsigned long)random());
	free(dir);
	*fd = sys_open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (*fd == -1) {
		saved = errno;
		free(*tmp);
		*tmp = NULL;
		return fail_sys(saved == EACCES || saved == EROFS ||
		    saved == ENOENT || saved == EEXIST || saved == ENOTDIR ?
		    FAIL_CANTCREAT : FAIL_IO, path, saved,
		    "cannot create a file in its folder");
	}
	active_temp = *tmp;
	/* Owner first: fchown() may clear bits that fchmod() then sets. */
	if ((seen != NULL && keep_owner(*fd, path, seen, &mode) == -1) ||
	    sys_fchmod(*fd, mode) == -1) {
		saved = errno;
		sys_close(*fd);
		return temp_failed(path, tmp, saved);
	}
	return 0;
}

/*
 * Writes buf to a new temporary file beside path (open_temp()) and syncs
 * it; *tmp gets its name.  On failure nothing is left behind.
 */
static int
write_temp(const char *path, const char *buf, size_t len,
    const struct file_seen *seen, char **tmp)
{
	int fd, saved;

	if (open_temp(path, seen, tmp, &fd) != 0)
		return -1;
	if (write_all(fd, buf, len) == -1 || sys_fsync(fd) == -1) {
		saved = errno;
		sys_close(fd);
		return temp_failed(path, tmp, saved);
	}
	if (sys_close(fd) == -1)
		return temp_failed(path, tmp, errno);
	return 0;
}

/* Whether the bytes left to read on fd are old[0..oldlen): 1, 0, -1. */
static int
same_bytes(int fd, const char *old, size_t oldlen)
{
	char b[8192];
	size_t at = 0;
	ssize_t r;

	for (;;) {
		r = sys_read(fd, b, sizeof(b));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			return at == oldlen;
		if ((size_t)r > oldlen - at ||
		    memcmp(b, old + at, (size_t)r) != 0)
			return 0;
		at += (size_t)r;
	}
}

/*
 * Whether path is still what was read: FILE_UPDATED (it is),
 * FILE_CHANGED, or FILE_FAILED after reporting (FAIL_IO).  A writer that
 * is not sams (git, an editor, a sync tool) takes no lock; what it did is
 * kept, never overwritten.  The stat fields catch a rename or a write; the
 * bytes catch a write in place that the clock's granularity hides.  The
 * reliability tests stop sams at the first call here (SAMS_FAULT=N,stop)
 * to play that writer.
 */
static enum file_update
check_unchanged(const char *path, const struct file_seen *seen,
    const char *old, size_t oldlen)
{
	struct stat st;
	int fd, same, saved;

	if (sys_lstat(path, &st) == -1)
		goto error;
	if (!same_file(seen, &st))
		return FILE_CHANGED;
	fd = sys_open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
	if (fd == -1)
		goto error;
	same = fstat(fd, &st) == 0 && same_file(seen, &st) ?
	    same_bytes(fd, old, oldlen) : 0;
	saved = errno;
	if (sys_close(fd) == -1 || same == -1) {
		if (same == -1)
			errno = saved;
		goto error;
	}
	return same ? FILE_UPDATED : FILE_CHANGED;
error:
	if (errno == ENOENT || errno == ELOOP)
		return FILE_CHANGED;
	fail_sys(FAIL_IO, path, errno, "cannot read it again before "
	    "replacing it; the file is unchanged");
	return FILE_FAILED;
}

static int committed;

int
file_committed(void)
{
	return committed;
}

/*
 * The new file is in place: from here on nothing may say "unchanged".  A
 * folder that cannot be synced is a warning, not a failure.
 */
static void
finish(const char *path, char *tmp)
{
	char *dir;

	committed = 1;
	active_temp = NULL;
	free(tmp);
	dir = file_folder(path, NULL);
	if (sync_dir(dir) == -1)
		diag(DIAG_WARNING, path, 0, 0, "written, but cannot sync its "
		    "folder (%s); the change may not survive a power cut",
		    strerror(errno));
	free(dir);
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

enum file_update
file_update(const char *path, const char *buf, size_t len,
    const struct file_seen *seen, const char *old, size_t oldlen)
{
	enum file_update done;
	char *tmp;

	if (write_temp(path, buf, len, seen, &tmp) != 0)
		return FILE_FAILED;
	if (old != NULL && (done = check_unchanged(path, seen, old,
	    oldlen)) != FILE_UPDATED) {
		abandon(tmp);
		return done;
	}
	if (sys_rename(tmp, path) == -1) {
		abandon(tmp);
		fail_sys(FAIL_IO, path, errno, "cannot replace; the file is "
		    "unchanged");
		return FILE_FAILED;
	}
	finish(path, tmp);
	return FILE_UPDATED;
}

int
file_replace(const char *path, const char *buf, size_t len)
{
	struct file_seen seen, *known = NULL;
	struct stat st;
	int rc;

	rc = sys_lstat(path, &st);
	if (rc == -1 && errno != ENOENT)
		return fail_sys(FAIL_NOINPUT, path, errno, "cannot open");
	if (rc == 0 && S_ISREG(st.st_mode)) {
		remember(&seen, &st);
		known = &seen;
	}	/* else new, or a link: 0600 */
	/* Without old, never FILE_CHANGED. */
	return file_update(path, buf, len, known, NULL, 0) == FILE_UPDATED ?
	    0 : -1;
}

int
file_create(const char *path, const char *buf, size_t len)
{
	char *tmp;
	int rc, saved;

	if (file_check_name(path) != 0 ||
	    write_temp(path, buf, len, NULL, &tmp) != 0)
		return -1;
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
		if (saved == EEXIST)
			return fail_at(FAIL_CANTCREAT, path, 0, 0, "already "
			    "exists; refusing to overwrite it");
		return fail_sys(saved == EACCES || saved == EROFS ||
		    saved == ENOENT ? FAIL_CANTCREAT : FAIL_IO, path, saved,
		    "cannot create");
	}
	finish(path, tmp);
	return 0;
}

/*
 * A device or pipe named as the output (/dev/stdout, a FIFO a reader
 * waits on) is written to as it is, like a shell's redirection: a
 * rename would replace the node itself.
 */
static int
open_direct(struct file_out *fo, const char *path, int follow)
{
	struct stat st;
	int fd, saved;

	fd = sys_open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY |
	    (follow ? 0 : O_NOFOLLOW), 0);
	if (fd == -1)
		return fail_sys(FAIL_CANTCREAT, path, errno, "cannot open");
	/* What was opened, not what was looked at a moment before. */
	if (fstat(fd, &st) == -1 || !(S_ISCHR(st.st_mode) ||
	    S_ISFIFO(st.st_mode))) {
		saved = errno;
		sys_close(fd);
		return fail_sys(FAIL_CANTCREAT, path, saved != 0 ? saved :
		    EINVAL, "cannot open");
	}
	if ((fo->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		sys_close(fd);
		return fail_sys(FAIL_CANTCREAT, path, saved, "cannot open");
	}
	fo->path = xstrdup(path);
	return 0;
}

int
file_out_open(struct file_out *fo, const char *path)
{
	struct file_seen seen, *known = NULL;
	struct stat st;
	const char *base;
	char *real = NULL, *dir;
	int fd, saved, rc;

	memset(fo, 0, sizeof(*fo));
	if (file_check_name(path) != 0)
		return -1;
	if (sys_lstat(path, &st) == -1)
		st.st_mode = 0;		/* a new file, or open_temp says why */
	if (S_ISLNK(st.st_mode)) {
		/* /dev/stdout: a link to a pipe, or to a terminal */
		if (stat(path, &st) == 0 && (S_ISCHR(st.st_mode) ||
		    S_ISFIFO(st.st_mode)))
			return open_direct(fo, path, 1);
		/* A link to where the reports are kept: replace its file. */
		if ((real = realpath(path, NULL)) == NULL)
			return fail_sys(FAIL_CANTCREAT, path, errno,
			    "cannot follow the symbolic link");
		rc = file_out_open(fo, real);
		free(real);
		return rc;
	}
	if (S_ISDIR(st.st_mode))
		return fail_at(FAIL_CANTCREAT, path, 0, 0,
		    "is a folder; name a file in it");
	if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		return open_direct(fo, path, 0);
	if (S_ISREG(st.st_mode)) {
		remember(&seen, &st);
		known = &seen;
	} else if (st.st_mode != 0)
		return fail_at(FAIL_CANTCREAT, path, 0, 0,
		    "not a regular file");
	dir = file_folder(path, &base);
	remove_stale_temps(dir, base, 0);	/* a killed run's copy */
	free(dir);
	if (open_temp(path, known, &fo->tmp, &fd) != 0)
		return -1;
	if ((fo->fp = fdopen(fd, "w")) == NULL) {
		saved = errno;
		sys_close(fd);
		return temp_failed(path, &fo->tmp, saved);
	}
	fo->path = xstrdup(path);
	return 0;
}

int
file_out_commit(struct file_out *fo)
{
	int saved = 0;

	if (fo->tmp == NULL) {		/* a device or pipe: no rename */
		if (fflush(fo->fp) == EOF || ferror(fo->fp))
			saved = errno != 0 ? errno : EIO;
		if (fclose(fo->fp) == EOF && saved == 0)
			saved = errno;
		fo->fp = NULL;
		if (saved != 0)
			fail_sys(FAIL_IO, fo->path, saved, "cannot write");
		free(fo->path);
		fo->path = NULL;
		return saved != 0 ? -1 : 0;
	}
	if (fflush(fo->fp) == EOF || ferror(fo->fp) ||
	    sys_fsync(fileno(fo->fp)) == -1)
		saved = errno != 0 ? errno : EIO;
	if (fclose(fo->fp) == EOF && saved == 0)
		saved = errno;
	fo->fp = NULL;
	if (saved == 0 && sys_rename(fo->tmp, fo->path) == -1)
		saved = errno;
	if (saved != 0) {
		temp_failed(fo->path, &fo->tmp, saved);
		free(fo->path);
		fo->path = NULL;
		return -1;
	}
	finish(fo->path, fo->tmp);
	fo->tmp = NULL;
	free(fo->path);
	fo->path = NULL;
	return 0;
}

void
file_out_abandon(struct file_out *fo)
{
	if (fo->fp != NULL)
		fclose(fo->fp);
	if (fo->tmp != NULL)
		abandon(fo->tmp);
	free(fo->path);
	memset(fo, 0, sizeof(*fo));
}
