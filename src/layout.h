/*
 * Text laid out for people: cells padded to a column and paragraphs
 * wrapped at 78 columns, counting one column a character.  Everything is
 * written escaped (text.h) to the FILE given; nothing is allocated.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes s escaped and padded with spaces to width columns, or s and one
 * space when it is as wide or wider.
 */
void	layout_pad(FILE *fp, const char *s, size_t width);
/*
 * Writes text escaped from column col, words wrapped at 78 columns and
 * later lines indented by indent, and ends the line.
 */
void	layout_wrap(FILE *fp, const char *text, size_t col, size_t indent);

/*
 * Writes a sentence for people, a translated format whose directives are
 * %s, %d, %zu and %%, with every %s argument escaped (never NULL).
 */
void	layout_printf(FILE *fp, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
