/*
 * Colour for people on a terminal: whether to colour a stream, and the
 * SGR codes, named by what they mean (late, done, heading) so that every
 * output says the same thing the same way.  The codes are sams's own;
 * text from a case goes between them escaped (text.h), so no case can
 * end or begin a colour.  Nothing is allocated.
 */
#ifndef COLOUR_H
#define COLOUR_H

#include <stdio.h>

struct strbuf;

/* --color WHEN: always or never win over NO_COLOR, as in git. */
enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

/* What a coloured piece of text means; colour_start() gives its code. */
enum colour {
	COLOUR_HEADING,		/* bold: a phase, a person, a section */
	COLOUR_LATE,		/* red: overdue or missed */
	COLOUR_DONE,		/* dim: done or skipped */
	COLOUR_ASIDE,		/* dim: a file name after what it holds */
	COLOUR_SOON,		/* yellow: due within a week */
	COLOUR_OK,		/* green: a check that passed */
	COLOUR_PROBLEM,		/* red: a failed check, a warning */
	COLOUR_ERROR,		/* bold red: the level word "error" */
	COLOUR_WARNING,		/* yellow: the level word "warning" */
	COLOUR_NOTE		/* cyan: the level words "note" and "info" */
};

void	colour_set_mode(enum color_mode mode);
/*
 * Whether to colour what goes to fp: --color always or never; else (auto)
 * not with NO_COLOR set and not empty, nor without TERM or with
 * TERM=dumb, and otherwise only on a terminal.
 */
int	colour_on(FILE *fp);

/* The code that starts c on fp, or "" when fp is not coloured. */
const char	*colour_start(FILE *fp, enum colour c);
/* The code that ends any colour on fp, or "". */
const char	*colour_end(FILE *fp);
/* Writes s escaped (text_put()) in colour c. */
void	colour_put(FILE *fp, enum colour c, const char *s);
/* Appends s escaped (text_escape()) in colour c, for a line bound for fp. */
void	colour_escape(struct strbuf *sb, FILE *fp, enum colour c,
	    const char *s);

#endif
