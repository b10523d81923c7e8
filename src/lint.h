/*
 * The checks "sams check" makes beyond reading a case: what a case can hold
 * and still be read, but should not.  Reports through diag.h.
 */
#ifndef LINT_H
#define LINT_H

#include "case.h"
#include "model.h"

/*
 * Reports unknown keys, events dated after today, an end before the
 * placement's date, and values that look like a personnummer or
 * samordningsnummer; notes as information events out of date order and
 * steps closed twice without a reopen.  Returns the number of problems
 * reported (information is none).
 */
int	lint_case(const struct casefile *c, const struct model *m, long today);

#endif
