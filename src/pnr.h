/*
 * Detecting Swedish personnummer and samordningsnummer in text, so that
 * sams can warn before one ends up in a case folder.
 */
#ifndef PNR_H
#define PNR_H

/*
 * Whether s contains something that looks like a personnummer or
 * samordningsnummer: 10 or 12 digits standing alone, with or without '-'
 * or '+' before the last four, a real date (or day + 60), and a valid
 * Luhn check digit.
 */
int	pnr_find(const char *s);

#endif
