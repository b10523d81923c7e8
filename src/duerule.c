/* Due rules: parsing, applying and writing "placement.date - 14d". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "duerule.h"

static const char *const rule_bases[] = {
	"placement.date", "placement.end", "opened", "done", NULL
};

int
due_rule_parse(const char *text, struct due_rule *rule, const char **why)
{
	const char *p = text;
	size_t i, n;
	long amount;
	char *end;
	int sign;

	memset(rule, 0, sizeof(*rule));
	n = strcspn(p, " +-");
	for (i = 0; rule_bases[i] != NULL; i++)
		if (strlen(rule_bases[i]) == n &&
		    strncmp(rule_bases[i], p, n) == 0)
			break;
	*why = "must start with placement.date, placement.end or opened";
	if (rule_bases[i] == NULL)
		return -1;
	rule->base = rule_bases[i];
	p += n;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	*why = "must look like 'placement.date - 14d' (units d, w, m)";
	if (*p != '+' && *p != '-')
		return -1;
	sign = *p++ == '-' ? -1 : 1;
	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	errno = 0;
	amount = strtol(p, &end, 10);
	if (errno != 0 || amount > 3660 || (*end != 'd' && *end != 'w' &&
	    *end != 'm') || end[1] != '\0')
		return -1;
	rule->amount = sign * (int)amount;
	rule->unit = *end;
	return 0;
}

long
due_rule_apply(const struct due_rule *rule, long base)
{
	switch (rule->unit) {
	case 'm':
		return date_add_months(base, rule->amount);
	case 'w':
		return date_add_days(base, 7L * rule->amount);
	default:
		return date_add_days(base, rule->amount);
	}
}

void
due_rule_format(const struct due_rule *rule, char *buf, size_t size)
{
	if (rule->amount == 0)
		snprintf(buf, size, "%s", rule->base);
	else
		snprintf(buf, size, "%s %c %d%c", rule->base,
		    rule->amount < 0 ? '-' : '+', abs(rule->amount),
		    rule->unit);
}
