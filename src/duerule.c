/* Due rules: parsing, applying and writing "placement.date - 14d". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "duerule.h"
#include "i18n.h"
#include "strbuf.h"
#include "text.h"

static const char *const rule_bases[] = {
	"placement.date", "placement.end", "opened", "done", NULL
};

/* The bases a due rule may start from: all but "done" (recurs only). */
#define DUE_BASES	3

/*
 * Why a rule's base is wrong, listing the bases from the table; kept per
 * thread, as *why must outlive the call.
 */
static const char *
bad_base(void)
{
	static _Thread_local char why[128];
	struct strbuf list = STRBUF_INIT;

	text_list(&list, rule_bases, DUE_BASES, N_("or"));
	/* TRANSLATORS: what a due rule must start with: "placement.date,
	   placement.end or opened". */
	snprintf(why, sizeof(why), text_msg(N_("must start with %s")),
	    list.buf);
	strbuf_release(&list);
	return why;
}

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
	if (rule_bases[i] == NULL) {
		*why = bad_base();
		return -1;
	}
	rule->base = rule_bases[i];
	p += n;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	*why = text_msg(N_("must look like 'placement.date - 14d' (units d, "
	    "w, m)"));
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
