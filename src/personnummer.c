/* Personnummer and samordningsnummer detection. */
#include <string.h>

#include "date.h"
#include "diag.h"
#include "personnummer.h"
#include "text.h"

static int
luhn_ok(const char d[10])
{
	int i, v, sum = 0;

	for (i = 0; i < 10; i++) {
		v = d[i] - '0';
		if (i % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return sum % 10 == 0;
}

static int
two(const char *d)
{
	return (d[0] - '0') * 10 + (d[1] - '0');
}

/* Month and day of a personnummer; any leap year would do for 29 Feb. */
static int
date_ok(const char *mmdd)
{
	int m = two(mmdd), d = two(mmdd + 2);

	if (d > 60)
		d -= 60;
	return date_valid(2000, m, d);
}

/* Checks one candidate: digits (10 or 12) with the separator removed. */
static int
candidate(const char *digits, size_t n)
{
	const char *ten = n == 12 ? digits + 2 : digits;

	if (n == 12 && two(digits) != 18 && two(digits) != 19 &&
	    two(digits) != 20)
		return 0;
	return date_ok(ten + 2) && luhn_ok(ten);
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
pnr_find(const char *s)
{
	const char *p = s, *q;
	char digits[16];
	size_t n, seppos;

	while (*p != '\0') {
		if (!is_digit(*p) || (p != s && is_digit(p[-1]))) {
			p++;
			continue;
		}
		n = seppos = 0;
		for (q = p; *q != '\0' && n < sizeof(digits); q++) {
			if (is_digit(*q))
				digits[n++] = *q;
			else if ((*q == '-' || *q == '+' || *q == ' ') &&
			    seppos == 0 &&
			    (n == 6 || n == 8) && is_digit(q[1]))
				seppos = n;
			else
				break;
		}
		if (!is_digit(*q) && (n == 10 || n == 12) &&
		    (seppos == 0 || seppos == n - 4) && candidate(digits, n))
			return 1;
		p = q;
	}
	return 0;
}

int
pnr_warn(const char *value, const char *field)
{
	if (value == NULL || !pnr_find(value))
		return 0;
	diag(DIAG_WARNING, NULL, 0, 0, "%s looks like a personnummer or "
	    "samordningsnummer; case files should hold pseudonymous ids, not "
	    "identity numbers", text_msg(field));
	return 1;
}
