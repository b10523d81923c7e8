/*
 * The model and the case facts in words: names of placement types and
 * school forms, of a step's source, conditions ("vid skolbyte, i
 * grundskolan") and due rules ("14 dagar före placeringsdatum").  Ids
 * stay for scripts and for what people type; everything people read goes
 * through here.  The plain functions say it in Swedish whatever the
 * locale, for documents and machine formats (JSON, workbooks); those
 * ending in _tr say it for people, in the language of their messages.
 * Static data; nothing is allocated but what is appended to a caller's
 * strbuf.
 */
#ifndef WORDS_H
#define WORDS_H

#include <stddef.h>

struct condition;
struct due_rule;
struct strbuf;

/*
 * The name of a value of the fact at path: "HVB" for the placement type
 * hvb, "anpassad grundskola", "ingen skolgång", "ja" or "nej" for a
 * yes-no fact ("HVB home", "adapted compulsory school", "yes" in
 * English).  Any other value (a date, a school's name, a value the table
 * lacks) is returned as it is.
 */
const char	*words_value(const char *path, const char *value);
const char	*words_value_tr(const char *path, const char *value);

/* A step's source: "lag", "SAMS", "projektets tolkning"... */
const char	*words_source(const char *source);
const char	*words_source_tr(const char *source);

/* An age range of a condition ("16-19", "-17", "18-", "7") in Swedish. */
void	words_age(struct strbuf *sb, const char *range);

/*
 * One condition in Swedish: "vid skolbyte", "i gymnasieskolan eller
 * anpassade gymnasieskolan", "för barn 16–19 år".
 */
void	words_condition(struct strbuf *sb, const struct condition *c);

/*
 * A whole "when" in words: the conditions of a group listed with "och"
 * before the last ("vid skolbyte och i grundskolan"), groups joined by
 * "; eller ".  Appends nothing when n is 0.
 */
void	words_when(struct strbuf *sb, const struct condition *when,
	    size_t n);
void	words_when_tr(struct strbuf *sb, const struct condition *when,
	    size_t n);

/* A due rule: "14 dagar före placeringsdatum", "på placeringens slut". */
void	words_rule(struct strbuf *sb, const struct due_rule *rule);
void	words_rule_tr(struct strbuf *sb, const struct due_rule *rule);

/* A recurring step's period: "6 månader efter att det senast gjordes". */
void	words_period(struct strbuf *sb, const struct due_rule *rule);
void	words_period_tr(struct strbuf *sb, const struct due_rule *rule);

#endif
