/*
 * Showing untrusted text: file names, values from case files and text from
 * the command line.  One test decides which characters must never reach a
 * terminal, a spreadsheet or a script raw; the escapes here are what people
 * (and TSV and CSV) see instead.  Nothing is allocated except what is
 * appended to the caller's strbuf.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>
#include <stdio.h>

struct strbuf;

enum text_kind {
	TEXT_PLAIN,	/* shown as it is */
	TEXT_NEWLINE,	/* U+000A */
	TEXT_TAB,	/* U+0009 */
	TEXT_CONTROL,	/* other C0, DEL, C1 (NEL among them) */
	TEXT_FORMAT,	/* LS, PS, bidirectional and invisible controls */
	TEXT_INVALID	/* a byte that does not begin valid UTF-8 */
};

/*
 * Reads the character at the start of s[0..n), n > 0: returns its kind,
 * sets *len to its length in bytes (1 for an invalid byte) and *cp to its
 * code point (the byte itself when invalid).
 */
enum text_kind	text_next(const char *s, size_t n, size_t *len,
		    unsigned long *cp);
/*
 * Whether the 8 bytes at s are all printable ASCII (0x20 to 0x7e), as
 * most text is: such text can be gone through 8 bytes at a time.
 */
int		text_ascii8(const char *s);

/* A flag of text_escape(): a backslash as \\, so escapes undo (TSV). */
#define TEXT_BACKSLASH	0x1

/*
 * Appends s[0..n) to sb with every character that is not TEXT_PLAIN shown
 * as an escape: \n, \t, \x1b for other C0 and DEL, \u{0085} for C1, LS,
 * PS and bidi controls, \xff for a byte that is not UTF-8.
 */
void	text_escape(struct strbuf *sb, const char *s, size_t n,
	    unsigned flags);
/* Writes s escaped as text_escape(..., 0) does. */
void	text_put(FILE *fp, const char *s);
void	text_putn(FILE *fp, const char *s, size_t n);
/*
 * Columns the escaped form of s takes on a terminal: an escape its
 * length, a combining mark or joiner none, an East Asian wide or
 * fullwidth character or emoji two, any other character one.  The same
 * under every locale (no wcwidth()).
 */
size_t	text_width(const char *s);
size_t	text_width_n(const char *s, size_t n);

/*
 * A name from the command line as a message quotes it: s[0..n) whole if
 * it has at most TEXT_CUT characters, else its first TEXT_CUT and "…", so
 * that nobody takes what is shown for the whole name.  Written to buf,
 * which is returned.
 */
#define TEXT_CUT	40
#define TEXT_CUT_SIZE	(TEXT_CUT * 4 + sizeof("…"))
const char	*text_cut(const char *s, size_t n, char buf[TEXT_CUT_SIZE]);

/* A count for text_list(): every name up to the NULL that ends the list. */
#define TEXT_LIST_ALL	((size_t)-1)

/*
 * Appends the first n names (fewer if a NULL comes first) as people list
 * them: "a, b, c or d", with last_word (N_("or"), N_("and")), translated
 * as text_msg() does, before the last.  Messages that offer the allowed
 * values build them here from the table that decides, so that a value
 * added there is offered at once.
 */
void	text_list(struct strbuf *sb, const char *const *names, size_t n,
	    const char *last_word);

/*
 * A phrase that goes into a message, msgid marked with N_(): translated,
 * or as it is while messages are for a machine format (i18n_machine()),
 * as diag() treats the message around it.
 */
const char	*text_msg(const char *msgid) __attribute__((format_arg(1)));

#endif
