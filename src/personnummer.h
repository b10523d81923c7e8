/*
 * Detecting Swedish personnummer and samordningsnummer in text, so that
 * sams can warn before one ends up in a case folder.
 */
#ifndef PERSONNUMMER_H
#define PERSONNUMMER_H

/*
 * Whether s contains something that looks like a personnummer or
 * samordningsnummer: 10 or 12 digits standing alone, with or without '-'
 * or '+' before the last four, a real date (or day + 60), and a valid
 * Luhn check digit.
 */
int	pnr_find(const char *s);

/*
 * Warns on standard error when value (may be NULL) holds one, naming the
 * field or option it came from and never the value (field: an option, or
 * words marked with N_(), translated here).  Every command that
 * writes calls it on every value it writes.  Returns whether it warned.
 */
int	pnr_warn(const char *value, const char *field);

#endif
