/*
 * Due rules: a date relative to a case date ("placement.date - 14d"), as
 * models and .sams/local.yml write them, and the arithmetic that turns one
 * into a day.  A rule holds no memory of its own: base points at a static
 * string.
 */
#ifndef DUERULE_H
#define DUERULE_H

#include <stddef.h>

/* A date relative to a case date: "placement.date - 14d". */
struct due_rule {
	const char	*base;		/* NULL: no rule */
	int		 amount;	/* signed */
	char		 unit;		/* 'd', 'w' or 'm' */
};

/*
 * Parses a due rule; returns 0, or -1 and sets *why to a phrase for a
 * message (translated, see text_msg()) that stays as it is until the
 * thread's next call.  base names are
 * "placement.date", "placement.end" and "opened" ("done" for recurs).
 */
int	due_rule_parse(const char *text, struct due_rule *rule,
	    const char **why);
/*
 * Applies the rule's offset to a base date: DATE_NONE if the result falls
 * outside 0001-01-01 ... 9999-12-31 (state_check_case() reports that).
 */
long	due_rule_apply(const struct due_rule *rule, long base);
/* Writes the rule as text ("placement.date - 14d") into buf. */
void	due_rule_format(const struct due_rule *rule, char *buf,
	    size_t size);

#endif
