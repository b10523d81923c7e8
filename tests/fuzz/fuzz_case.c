/* libFuzzer harness: the case reader, and the state of what it accepts. */
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	const struct model *m;
	struct case_state st;
	struct casefile *c;
	struct event ev;
	char *text, *more;
	size_t len;

	if (null == NULL) {
		null = fopen("/dev/null", "w");
		diag_set_output(null);
	}
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	c = case_load(text, size, "fuzz.yml");
	if (c != NULL && model_get("sams", &m) == 0 &&
	    state_check_case(m, c) == 0) {
		state_compute(&st, m, c, 20000);
		state_release(&st);
		memset(&ev, 0, sizeof(ev));
		ev.kind = EV_NOTE;
		ev.note = "x";
		more = case_append(c, &ev, &len);
		free(more);
	}
	case_free(c);
	return 0;
}
