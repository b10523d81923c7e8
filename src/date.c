/* ISO 8601 calendar dates as day numbers. */
#include <string.h>
#include <time.h>

#include "date.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= month_days(y, m);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's method). */
static long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
digits(const char *s, int n, int *out)
{
	int i;

	*out = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*out = *out * 10 + (s[i] - '0');
	}
	return 0;
}

int
date_parse(const char *s, long *day)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	if (!date_valid(y, m, d))
		return -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

int
date_in_range(long day)
{
	return day >= DATE_MIN && day <= DATE_MAX;
}

int
date_year(long day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	return y;
}

long
date_new_year(int y)
{
	long day = y >= 1 && y <= 9999 ? days_from_civil(y, 1, 1) : DATE_NONE;

	return day != DATE_NONE && date_in_range(day) ? day : DATE_NONE;
}

void
date_format(long day, char buf[11])
{
	int y, m, d;

	if (!date_in_range(day)) {	/* a bug; never a wrapped date */
		memcpy(buf, "xxxx-xx-xx", 11);
		return;
	}
	civil_from_days(day, &y, &m, &d);
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

long
date_add_months(long day, int n)
{
	int y, m, d;
	long months;

	if (!date_in_range(day))
		return DATE_NONE;
	civil_from_days(day, &y, &m, &d);
	months = y * 12L + (m - 1) + n;
	if (months < 12 || months >= 10000 * 12L)
		return DATE_NONE;	/* outside years 1 to 9999 */
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return days_from_civil(y, m, d);
}

long
date_add_days(long day, long n)
{
	if (!date_in_range(day) || n > DATE_MAX - day || n < DATE_MIN - day)
		return DATE_NONE;
	return day + n;
}

long
date_local_today(void)
{
	struct tm tm;
	time_t now;

	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return 0;
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
