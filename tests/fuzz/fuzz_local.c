/*
 * libFuzzer harness: a case folder's .sams/local.yml on top of the
 * built-in models, and the state of a fixed case under what it accepts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "diag.h"
#include "modelset.h"
#include "state.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char case_text[] =
    "sams-case: 1\nid: F-1\nmodel: sams\n"
    "placement: {type: familjehem, date: 2026-12-01, acute: true}\n"
    "contacts: {socialtjanst: Anna}\nhistory:\n"
    "- {date: 2026-11-20, event: opened}\n"
    "- {date: 2026-11-21, event: done, step: ip-kartlagg}\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct case_state st;
	struct casefile *c;
	struct model *m;
	char *text;

	if (null == NULL) {
		null = fopen("/dev/null", "w");
		diag_set_output(null);
	}
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	m = model_load_local(text, size, "local.yml",
	    size > 0 && data[0] == '#' ? "sisam" : "sams");
	if (m == NULL)
		return 0;
	c = case_load(xstrdup(case_text), strlen(case_text), "c.yml");
	if (c == NULL)
		abort();
	if (state_check_case(m, c) == 0) {
		state_compute(&st, m, c, 20500);
		state_release(&st);
	}
	case_free(c);
	model_free(m);
	return 0;
}
