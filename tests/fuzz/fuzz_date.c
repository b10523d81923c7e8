/*
 * libFuzzer harness: date arithmetic.  Whatever the input, a date parsed
 * formats back to the same text, and nothing computed from one leaves
 * 0001-01-01 ... 9999-12-31 except as DATE_NONE; due rules print back to
 * themselves.  Input: "YYYY-MM-DD", two bytes of months, then a rule.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "duerule.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_day(long day)
{
	char buf[11];
	long again;

	if (day == DATE_NONE)
		return;
	if (!date_in_range(day))
		abort();
	date_format(day, buf);
	if (date_parse(buf, &again) != 0 || again != day)
		abort();
}

static void
check_rule(const char *text, long day)
{
	struct due_rule rule, again;
	const char *why;
	char buf[64];

	if (due_rule_parse(text, &rule, &why) != 0)
		return;
	check_day(due_rule_apply(&rule, day));
	due_rule_format(&rule, buf, sizeof(buf));
	if (due_rule_parse(buf, &again, &why) != 0 ||
	    strcmp(again.base, rule.base) != 0 ||
	    again.amount != rule.amount || (rule.amount != 0 &&
	    again.unit != rule.unit))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char date[11], again[11], *rule;
	long day;
	int months;

	if (size < 12)
		return 0;
	memcpy(date, data, 10);
	date[10] = '\0';
	if (date_parse(date, &day) == 0) {
		date_format(day, again);	/* a round trip */
		if (strcmp(again, date) != 0)
			abort();
	} else
		day = DATE_MIN + (long)(((unsigned)data[0] << 16 |
		    (unsigned)data[1] << 8 | data[2]) %
		    (DATE_MAX - DATE_MIN + 1));
	check_day(day);
	months = (int16_t)(data[10] << 8 | data[11]);
	check_day(date_add_months(day, months));
	check_day(date_add_days(day, (long)months * 1000));
	rule = xstrndup((const char *)data + 12, size - 12);
	check_rule(rule, day);
	free(rule);
	return 0;
}
