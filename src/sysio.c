/*
 * File system calls with fault injection for tests.  SAMS_FAULT=N,WHAT
 * acts at the N-th call (counting from 1), once, or at every call from
 * then on with N,WHAT,persist.  WHAT is an errno the call fails with (EIO,
 * ENOSPC, EDQUOT, EACCES, EINTR or EPERM); kill, which kills the process
 * with SIGKILL; stop, which stops it with SIGSTOP before the call is made,
 * so that a test can change files and send SIGCONT; or trace, which only
 * announces the call.  Each announcement goes to standard error with the
 * call's number and name, so a test knows it was reached and where.
 * The settings are read once and the calls counted atomically, so report's
 * threads may all make calls.
 */
#define _GNU_SOURCE	/* renameat2() */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sysio.h"

enum fault_action {
	FAULT_NONE,
	FAULT_ERRNO,
	FAULT_KILL,
	FAULT_STOP,
	FAULT_TRACE
};

static const struct {
	const char		*name;
	enum fault_action	 action;
	int			 value;
} whats[] = {
	{ "EIO", FAULT_ERRNO, EIO }, { "ENOSPC", FAULT_ERRNO, ENOSPC },
	{ "EDQUOT", FAULT_ERRNO, EDQUOT }, { "EACCES", FAULT_ERRNO, EACCES },
	{ "EINTR", FAULT_ERRNO, EINTR }, { "EPERM", FAULT_ERRNO, EPERM },
	{ "kill", FAULT_KILL, 0 }, { "stop", FAULT_STOP, 0 },
	{ "trace", FAULT_TRACE, 0 },
};

/* Written once under pthread_once, then only read; calls is atomic. */
static struct {
	unsigned long		at;
	enum fault_action	action;
	int			err, persist;
} fault;
static atomic_ulong fault_calls;
static pthread_once_t fault_once = PTHREAD_ONCE_INIT;

static void
parse_fault(void)
{
	const char *s = getenv("SAMS_FAULT");
	char *end;
	size_t i, n;

	if (s == NULL || *s == '\0')
		return;
	fault.at = strtoul(s, &end, 10);
	if (*end++ != ',') {
		fault.at = 0;
		return;
	}
	for (i = 0; i < sizeof(whats) / sizeof(whats[0]); i++) {
		n = strlen(whats[i].name);
		if (strncmp(end, whats[i].name, n) == 0 &&
		    (end[n] == '\0' || end[n] == ',')) {
			fault.action = whats[i].action;
			fault.err = whats[i].value;
		}
	}
	fault.persist = strstr(end, ",persist") != NULL;
}

/* Announces call number n; control characters in path are shown as '?'. */
static void
announce(unsigned long n, const char *call, const char *path)
{
	char shown[128];
	size_t i;

	for (i = 0; path != NULL && path[i] != '\0' &&
	    i < sizeof(shown) - 1; i++)
		shown[i] = (unsigned char)path[i] < 0x20 ||
		    path[i] == 0x7f ? '?' : path[i];
	shown[i] = '\0';
	fprintf(stderr, "sams: fault injected at call %lu (%s%s%s)\n", n,
	    call, path != NULL ? " " : "", shown);
}

/* Whether this call must fail; errno is set when it must. */
static int
inject(const char *call, const char *path)
{
	unsigned long n;

	pthread_once(&fault_once, parse_fault);
	if (fault.at == 0 || fault.action == FAULT_NONE)
		return 0;
	n = atomic_fetch_add(&fault_calls, 1) + 1;
	if (n < fault.at || (n > fault.at && !fault.persist))
		return 0;
	announce(n, call, path);
	switch (fault.action) {
	case FAULT_KILL:
		kill(getpid(), SIGKILL);
		break;
	case FAULT_STOP:
		raise(SIGSTOP);
		break;
	case FAULT_ERRNO:
		errno = fault.err;
		return 1;
	default:
		break;
	}
	return 0;
}

int
sys_open(const char *path, int flags, mode_t mode)
{
	return inject("open", path) ? -1 : open(path, flags, mode);
}

ssize_t
sys_read(int fd, void *buf, size_t n)
{
	return inject("read", NULL) ? -1 : read(fd, buf, n);
}

ssize_t
sys_write(int fd, const void *buf, size_t n)
{
	return inject("write", NULL) ? -1 : write(fd, buf, n);
}

int
sys_fsync(int fd)
{
	return inject("fsync", NULL) ? -1 : fsync(fd);
}

int
sys_close(int fd)
{
	if (inject("close", NULL)) {
		close(fd);	/* the descriptor is gone either way */
		return -1;
	}
	return close(fd);
}

int
sys_fchmod(int fd, mode_t mode)
{
	return inject("fchmod", NULL) ? -1 : fchmod(fd, mode);
}

int
sys_fchown(int fd, uid_t owner, gid_t group)
{
	return inject("fchown", NULL) ? -1 : fchown(fd, owner, group);
}

int
sys_flock(int fd, int op)
{
	return inject("flock", NULL) ? -1 : flock(fd, op);
}

int
sys_lstat(const char *path, struct stat *st)
{
	return inject("lstat", path) ? -1 : lstat(path, st);
}

int
sys_rename(const char *from, const char *to)
{
	return inject("rename", to) ? -1 : rename(from, to);
}

int
sys_link(const char *from, const char *to)
{
	return inject("link", to) ? -1 : link(from, to);
}

int
sys_rename_noreplace(const char *from, const char *to)
{
	if (inject("rename", to))
		return -1;
	return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int
sys_unlink(const char *path)
{
	return inject("unlink", path) ? -1 : unlink(path);
}
