/*
 * Calendar dates as day numbers (days since 1970-01-01), parsed from and
 * printed as ISO 8601 YYYY-MM-DD.  No time zones: a date is a local date.
 */
#ifndef DATE_H
#define DATE_H

#define DATE_NONE	(-2147483647L - 1)
/* The dates sams can write: 0001-01-01 to 9999-12-31, as day numbers. */
#define DATE_MIN	(-719162L)
#define DATE_MAX	2932896L

/* Parses exactly YYYY-MM-DD into *day; returns 0, or -1 if not a date. */
int	date_parse(const char *s, long *day);
/* Whether day lies in DATE_MIN..DATE_MAX. */
int	date_in_range(long day);
/* Writes YYYY-MM-DD and a NUL into buf (11 bytes); day must be in range. */
void	date_format(long day, char buf[11]);
/*
 * The same calendar day n months later (earlier if n < 0), clamped to the
 * month's last day; DATE_NONE if that is out of range (or day was).
 */
long	date_add_months(long day, int n);
/* day + n, or DATE_NONE if that is out of range (or day was). */
long	date_add_days(long day, long n);
/* The year of day, which must be in range. */
int	date_year(long day);
/* 1 January of year y, or DATE_NONE if that is out of range. */
long	date_new_year(int y);
/* Whether y-m-d is a real date. */
int	date_valid(int y, int m, int d);

/*
 * Today's local date, read from the clock.  Only the command layer asks
 * (cli_today(), which --today overrides); everything below is given the
 * date to compute against.
 */
long	date_local_today(void);

#endif
