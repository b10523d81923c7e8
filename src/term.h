/*
 * The terminal on standard output, as it was before anything was
 * written: how wide it is, and whether standard output is one at all,
 * which stays the answer while a pager reads standard output through a
 * pipe (pager.h).  Nothing is allocated.
 */
#ifndef TERM_H
#define TERM_H

#include <stddef.h>
#include <stdio.h>

/*
 * The width text is for when no terminal says otherwise (a file, a pipe),
 * the least any is taken to be (narrower, and the labels of sams next
 * leave no room) and the most (wider, and lines are hard to read).
 */
#define TERM_COLUMNS		80
#define TERM_COLUMNS_MIN	40
#define TERM_COLUMNS_MAX	500

/*
 * The columns COLUMNS's value s asks for: a positive decimal number and
 * nothing else, taken as at most TERM_COLUMNS_MAX and at least
 * TERM_COLUMNS_MIN; 0 when s is NULL or not such a number.
 */
size_t	term_parse_columns(const char *s);

/*
 * The width of the terminal text is for: columns_env (COLUMNS's value)
 * when term_parse_columns() takes it, else the size of the terminal on
 * fd, else TERM_COLUMNS (fd is no terminal: a file or a pipe).
 */
size_t	term_columns(const char *columns_env, int fd);

/*
 * Whether fp is a terminal.  Standard output is asked once, at the first
 * call for it, so that the answer stays that of the terminal while a
 * pager reads standard output: colour and layout decide as for the
 * terminal the pager shows them on.
 */
int	term_isatty(FILE *fp);

/*
 * Whether TERM says the terminal can do neither colour nor a pager: unset,
 * empty or "dumb" (an editor's shell).
 */
int	term_dumb(void);

#endif
