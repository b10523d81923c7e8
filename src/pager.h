/*
 * Long output for people through a pager on a terminal, as git does it:
 * $SAMS_PAGER, else $PAGER, else less, with LESS=FRX in its environment
 * when LESS is unset (short output is printed as it is, colour passes).
 * Empty or "cat" means no pager.  The command layer's only: it reads the
 * environment and runs a process.
 */
#ifndef PAGER_H
#define PAGER_H

/* --no-pager: pager_start() does nothing from now on. */
void	pager_disable(void);

/*
 * Makes standard output a pipe to the pager, when it is a terminal (and
 * TERM is not "dumb"), a pager is wanted and none runs yet.  A command
 * calls it once it knows it writes text for people to standard output,
 * before it writes.  When the pager cannot be run, says so and leaves
 * standard output as it was.  At exit standard output is flushed and
 * closed and the pager waited for, so that the shell's prompt follows it;
 * sams's exit status stays its own.
 */
void	pager_start(void);

#endif
