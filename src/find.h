/*
 * Finding a case by its id: a FILE operand that names no existing file
 * and looks like a case id (as "sams new --id" takes it) stands for the
 * case file in the case folder (folder.h; outside one, the current
 * folder) whose "id:" is that id, compared without regard to case.
 * Paths returned belong to the caller, except find_operand()'s, which
 * live until find_forget().
 */
#ifndef FIND_H
#define FIND_H

/* Whether s has the syntax of a case id: 1-40 of A-Z a-z 0-9 - _ . */
int	find_is_case_id(const char *s);

/*
 * Which file operand names.  Returns 0 with *path NULL when it is to be
 * used as it is (an existing path, or no case id: opening it says what is
 * wrong), 0 with *path the one case file with that id, or -1 after
 * reporting: FAIL_NOINPUT when no case file has it, FAIL_DATA when
 * several have it.
 */
int	find_case(const char *operand, char **path);

/* find_case() for a command's FILE operand: *operand becomes the path. */
int	find_operand(char **operand);
/* Frees the paths find_operand() gave. */
void	find_forget(void);

/*
 * Whether two ids name the same case for find_case() and "sams check":
 * equal but for the case of ASCII letters.
 */
int	find_same_id(const char *a, const char *b);

#endif
