/* Output through a pager: $SAMS_PAGER, $PAGER or less, on a terminal. */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "pager.h"
#include "term.h"

static int	disabled;
static pid_t	pager_pid;

/* The signals that would end sams before the pager: see on_signal(). */
static const int stop_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
static struct sigaction old_actions[sizeof(stop_signals) /
    sizeof(stop_signals[0])];

void
pager_disable(void)
{
	disabled = 1;
}

/* The pager to run, or NULL for none. */
static const char *
pager_command(void)
{
	const char *cmd;

	if (disabled || pager_pid != 0 || !term_isatty(stdout))
		return NULL;
	if (term_dumb())
		return NULL;	/* an editor's shell: less cannot work there */
	if ((cmd = getenv("SAMS_PAGER")) == NULL &&
	    (cmd = getenv("PAGER")) == NULL)
		cmd = "less";
	if (cmd[strspn(cmd, " \t")] == '\0' || strcmp(cmd, "cat") == 0)
		return NULL;
	return cmd;
}

/* The most words a pager command is split into without the shell. */
#define PAGER_WORDS	16

/*
 * Runs cmd in the child: split into words when it is only words (so that
 * a pager not found is known at once, by exec's failure), else by sh -c.
 */
static void
exec_pager(char *cmd)
{
	char *argv[PAGER_WORDS + 1];
	size_t n = 0;
	char *p = cmd;

	if (strpbrk(cmd, "|&;<>()$`\\\"'*?[]#~=%{}!\n") != NULL)
		goto shell;
	for (p += strspn(p, " \t"); *p != '\0'; p += strspn(p, " \t")) {
		if (n == PAGER_WORDS)
			goto shell;
		argv[n++] = p;
		p += strcspn(p, " \t");
	}
	argv[n] = NULL;
	for (p = cmd; *p != '\0'; p++)
		if (*p == ' ' || *p == '\t')
			*p = '\0';	/* only now: sh wants cmd whole */
	execvp(argv[0], argv);
	return;
shell:
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
}

/*
 * The child: reads the pipe from sams, runs the pager and reports exec's
 * errno on err (close-on-exec: closed unread when exec succeeds).
 */
static void
child(int in, int err, char *cmd)
{
	int e;

	dup2(in, STDIN_FILENO);
	close(in);
	signal(SIGXFSZ, SIG_DFL);	/* harden() ignores it for sams only */
	exec_pager(cmd);
	e = errno;
	(void)!write(err, &e, sizeof(e));
	_exit(127);
}

static void
wait_pager(void)
{
	while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR)
		continue;
	pager_pid = 0;
}

/* At exit: the pager sees the end of the output, and sams waits for it. */
static void
finish(void)
{
	if (pager_pid == 0)
		return;
	fflush(stdout);
	fclose(stdout);
	wait_pager();
}

/*
 * Interrupted (^C reaches sams and less alike): the pager still shows
 * what it has, so sams ends only after it, then as the signal says.
 */
static void
on_signal(int sig)
{
	size_t i;

	close(STDOUT_FILENO);
	if (pager_pid != 0)
		while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR)
			continue;
	for (i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		if (stop_signals[i] == sig)
			sigaction(sig, &old_actions[i], NULL);
	raise(sig);
}

static void
catch_stop_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++) {
		sigaction(stop_signals[i], &sa, &old_actions[i]);
		if (old_actions[i].sa_handler == SIG_IGN)	/* nohup, & */
			sigaction(stop_signals[i], &old_actions[i], NULL);
	}
}

/* The errno exec failed with in the child, or 0 when the pager runs. */
static int
exec_error(int err)
{
	ssize_t r;
	int e;

	while ((r = read(err, &e, sizeof(e))) < 0 && errno == EINTR)
		continue;
	return r == (ssize_t)sizeof(e) ? e : 0;
}

/*
 * Forks the pager reading the pipe whose write end becomes *fd: 0, or the
 * errno that pipe, fork or exec failed with (nothing then runs).
 */
static int
spawn(const char *cmd, int *fd)
{
	int out[2], err[2] = { -1, -1 }, e;
	char *copy = NULL;

	if (pipe(out) != 0)
		return errno;
	if (pipe(err) != 0 || fcntl(err[1], F_SETFD, FD_CLOEXEC) != 0 ||
	    (copy = strdup(cmd)) == NULL || (pager_pid = fork()) < 0) {
		e = errno;
		pager_pid = 0;
		goto fail;
	}
	if (pager_pid == 0) {
		close(out[1]);
		close(err[0]);
		child(out[0], err[1], copy);
	}
	close(err[1]);
	err[1] = -1;
	if ((e = exec_error(err[0])) != 0) {
		close(out[1]);
		out[1] = -1;
		wait_pager();
		goto fail;
	}
	close(out[0]);
	close(err[0]);
	free(copy);
	*fd = out[1];
	return 0;
fail:
	close(out[0]);
	if (out[1] >= 0)
		close(out[1]);
	if (err[0] >= 0)
		close(err[0]);
	if (err[1] >= 0)
		close(err[1]);
	free(copy);
	return e;
}

void
pager_start(void)
{
	const char *cmd = pager_command();
	int fd = -1, e;

	if (cmd == NULL)
		return;
	fflush(stdout);
	setenv("LESS", "FRX", 0);	/* the user's LESS stays */
	if ((e = spawn(cmd, &fd)) != 0) {
		diag(DIAG_WARNING, NULL, 0, 0, "cannot run the pager '%s': "
		    "%s; writing to the terminal", cmd, strerror(e));
		return;
	}
	dup2(fd, STDOUT_FILENO);
	close(fd);
	/* Quitting the pager ends sams quietly, even if SIGPIPE came ignored. */
	signal(SIGPIPE, SIG_DFL);
	catch_stop_signals();
	atexit(finish);
}
