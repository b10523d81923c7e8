/*
 * A step's form (blankett) filled from a case: sams form FILE STEP as
 * text or Markdown for an e-mail, or as an HTML page that prints on A4.
 * What the case knows is filled in, escaped for the format; what people
 * write by hand (the model's fields, date, place, signatures) is left
 * blank.  A value that looks like a personnummer is never printed.
 * Everything is written to the FILE given; nothing outlives a call.
 */
#ifndef FORM_H
#define FORM_H

#include <stddef.h>
#include <stdio.h>

#include "state.h"

enum form_format {
	FORM_TEXT,
	FORM_MD,
	FORM_HTML
};

/* The form of step i, which has one, for the case st. */
void	form_write(FILE *fp, const struct case_state *st, size_t i,
	    enum form_format format);

/*
 * The forms of the case's model, one line each: step id, the form's
 * title and the step's state for this case, as text.  Returns how many.
 */
size_t	form_list(FILE *fp, const struct case_state *st);

/*
 * Writes s for Markdown: as text.h shows unsafe characters, and every
 * character that could start markup, a link or an autolink behind a
 * backslash, so that a case value can only be read as text.
 */
void	form_md_put(FILE *fp, const char *s);

#endif
