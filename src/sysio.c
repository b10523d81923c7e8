/*
 * File system calls with fault injection for tests.  SAMS_FAULT=N,WHAT
 * makes the N-th call (counting from 1) fail with WHAT: EIO, ENOSPC,
 * EDQUOT, EACCES or EINTR, once, or from then on with N,WHAT,persist; or
 * N,kill kills the process with SIGKILL at the N-th call.  Each injected
 * fault is announced on standard error, so a test knows it was reached.
 */
#define _GNU_SOURCE	/* renameat2() */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sysio.h"

static const struct {
	const char	*name;
	int		 value;
} errnos[] = {
	{ "EIO", EIO }, { "ENOSPC", ENOSPC }, { "EDQUOT", EDQUOT },
	{ "EACCES", EACCES }, { "EINTR", EINTR },
};

static struct {
	int		parsed;
	unsigned long	at, calls;
	int		err, kill, persist;
} fault;

static void
parse_fault(void)
{
	const char *s = getenv("SAMS_FAULT");
	char *end;
	size_t i;

	fault.parsed = 1;
	if (s == NULL || *s == '\0')
		return;
	fault.at = strtoul(s, &end, 10);
	if (*end++ != ',')
		return;
	fault.kill = strncmp(end, "kill", 4) == 0;
	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (strncmp(end, errnos[i].name, strlen(errnos[i].name)) == 0)
			fault.err = errnos[i].value;
	fault.persist = strstr(end, ",persist") != NULL;
}

/* Whether this call must fail; errno is set when it must. */
static int
inject(const char *call)
{
	if (!fault.parsed)
		parse_fault();
	if (fault.at == 0)
		return 0;
	fault.calls++;
	if (fault.calls < fault.at || (fault.calls > fault.at &&
	    !fault.persist))
		return 0;
	fprintf(stderr, "sams: fault injected at call %lu (%s)\n",
	    fault.calls, call);
	if (fault.kill)
		kill(getpid(), SIGKILL);
	if (fault.err == 0)
		return 0;
	errno = fault.err;
	return 1;
}

int
sys_open(const char *path, int flags, mode_t mode)
{
	return inject("open") ? -1 : open(path, flags, mode);
}

ssize_t
sys_read(int fd, void *buf, size_t n)
{
	return inject("read") ? -1 : read(fd, buf, n);
}

ssize_t
sys_write(int fd, const void *buf, size_t n)
{
	return inject("write") ? -1 : write(fd, buf, n);
}

int
sys_fsync(int fd)
{
	return inject("fsync") ? -1 : fsync(fd);
}

int
sys_close(int fd)
{
	if (inject("close")) {
		close(fd);	/* the descriptor is gone either way */
		return -1;
	}
	return close(fd);
}

int
sys_fchmod(int fd, mode_t mode)
{
	return inject("fchmod") ? -1 : fchmod(fd, mode);
}

int
sys_flock(int fd, int op)
{
	return inject("flock") ? -1 : flock(fd, op);
}

int
sys_rename(const char *from, const char *to)
{
	return inject("rename") ? -1 : rename(from, to);
}

int
sys_link(const char *from, const char *to)
{
	return inject("link") ? -1 : link(from, to);
}

int
sys_rename_noreplace(const char *from, const char *to)
{
	if (inject("rename"))
		return -1;
	return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int
sys_unlink(const char *path)
{
	return inject("unlink") ? -1 : unlink(path);
}
