/*
 * Writing JSON for scripts (JSON Lines, "format": 1): strings that are
 * valid UTF-8 whatever they hold, dates and members.  Everything is
 * appended to the caller's strbuf; nothing else is allocated.
 */
#ifndef JSON_H
#define JSON_H

struct strbuf;

/*
 * Appends s to sb as a JSON string, or null when s is NULL.  The result is
 * valid UTF-8 whatever s holds: a byte that is not UTF-8 becomes U+FFFD, and
 * controls, LS, PS and bidirectional controls are escaped as \uXXXX.
 */
void	json_string(struct strbuf *sb, const char *s);
/* Appends day as a JSON string "YYYY-MM-DD", or null for DATE_NONE. */
void	json_date(struct strbuf *sb, long day);
/* Appends ", \"key\": " and value as json_string() does. */
void	json_member(struct strbuf *sb, const char *key, const char *value);

#endif
