/* The terminal on standard output: its width, and whether it is one. */
#include <sys/ioctl.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "term.h"

/* n columns within the least and the most believed. */
static size_t
clamp(unsigned long n)
{
	if (n > TERM_COLUMNS_MAX)
		return TERM_COLUMNS_MAX;
	return n < TERM_COLUMNS_MIN ? TERM_COLUMNS_MIN : (size_t)n;
}

size_t
term_parse_columns(const char *s)
{
	unsigned long n;
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;	/* no sign, no space: strtoul takes them */
	n = strtoul(s, &end, 10);
	if (*end != '\0' || n == 0)
		return 0;
	return clamp(n);	/* ULONG_MAX when too large: the most */
}

size_t
term_columns(const char *columns_env, int fd)
{
	struct winsize ws;
	size_t n;

	if ((n = term_parse_columns(columns_env)) != 0)
		return n;
	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return clamp(ws.ws_col);
	return TERM_COLUMNS;
}

int
term_isatty(FILE *fp)
{
	static int stdout_tty = -1;

	if (fp != stdout)
		return isatty(fileno(fp));
	if (stdout_tty < 0)
		stdout_tty = isatty(STDOUT_FILENO);
	return stdout_tty;
}

int
term_dumb(void)
{
	const char *term = getenv("TERM");

	return term == NULL || *term == '\0' || strcmp(term, "dumb") == 0;
}
