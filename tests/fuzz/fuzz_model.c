/* libFuzzer harness: the model reader. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "model.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	char *text;

	if (null == NULL) {
		null = fopen("/dev/null", "w");
		diag_set_output(null);
	}
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	model_free(model_load(text, size, "fuzz.yml"));
	return 0;
}
