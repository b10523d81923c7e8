/*
 * Shared helpers for the cmocka unit tests: capturing diagnostics in
 * memory so a test can assert on the exact messages.
 */
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "xalloc.h"

struct captured {
	char	*buf;
	size_t	 len;
	FILE	*fp;
};

static struct captured captured;

/* Group setup: diagnostics go to memory instead of standard error. */
__attribute__((unused)) static int
capture_setup(void **state)
{
	(void)state;
	captured.fp = open_memstream(&captured.buf, &captured.len);
	diag_set_output(captured.fp);
	diag_reset();
	return captured.fp == NULL ? -1 : 0;
}

__attribute__((unused)) static int
capture_teardown(void **state)
{
	(void)state;
	diag_set_output(NULL);
	fclose(captured.fp);
	free(captured.buf);
	captured.buf = NULL;
	return 0;
}

/* The messages reported so far (since the last call), for assertions. */
__attribute__((unused)) static const char *
messages(void)
{
	static char *last;

	fflush(captured.fp);
	free(last);
	last = xstrndup(captured.buf, captured.len);
	fseeko(captured.fp, 0, SEEK_SET);
	captured.len = 0;
	if (captured.buf != NULL)
		captured.buf[0] = '\0';
	return last;
}

/* Asserts that the messages so far contain needle. */
#define assert_reported(needle) do {					\
	const char *m_ = messages();					\
	if (strstr(m_, (needle)) == NULL)				\
		fail_msg("expected \"%s\" in:\n%s", (needle), m_);	\
} while (0)

#endif
