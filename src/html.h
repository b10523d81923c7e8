/*
 * The HTML page: escaping every value that comes from a case or a model,
 * the document with its inline style sheet, and sections.  A page needs
 * nothing from outside itself: no script, style sheet, font or image is
 * fetched, and it reads the same without JavaScript and on paper (A4).
 * Everything is written to the FILE given; nothing is allocated.
 */
#ifndef HTML_H
#define HTML_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes s as HTML text that is safe both between tags and inside a
 * quoted attribute: & < > " ' as character references, and characters no
 * terminal or page should get raw (controls, bidirectional controls,
 * bytes that are not UTF-8) as text.h's visible escapes.
 */
void	html_put(FILE *fp, const char *s);

/* A value put into a sentence: open and close are markup, text escaped. */
struct html_arg {
	const char	*open, *text, *close;
};

/*
 * Writes fmt, a translated sentence whose only directives are %s, escaped,
 * with its n %s replaced by args in turn: "Case %s" with { "<code>", id,
 * "</code>" }: the sentence is translated whole, its markup kept out.
 */
void	html_put_format(FILE *fp, const char *fmt, const struct html_arg *args,
	    size_t n);
/* Writes v in decimal, as %ld would, for figures in rows. */
void	html_long(FILE *fp, long v);
/* Writes a date (a day number, or "–" for DATE_NONE). */
void	html_date(FILE *fp, long day);
/* The same as a string, for a sentence. */
void	html_date_text(long day, char buf[11]);

/*
 * Opens the document: doctype, the lang of the messages ("sv", "en"),
 * charset, the title (escaped),
 * the style sheet, and the body's <main>.
 */
void	html_begin(FILE *fp, const char *title);
/* The same with a page's own rules after the shared style sheet. */
void	html_begin_style(FILE *fp, const char *title, const char *extra);
/* Closes what html_begin() opened. */
void	html_end(FILE *fp);
/* Opens a <section> with its <h2>; id is a fixed anchor, not a value. */
void	html_section(FILE *fp, const char *id, const char *heading);
void	html_section_end(FILE *fp);

#endif
