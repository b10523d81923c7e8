/* No built-in models: for tools/modelc, which makes them. */
#include <stddef.h>

#include "modelset.h"

const struct builtin_model builtin_models[] = { { NULL, NULL } };
const char *const builtin_model_ids[] = { NULL };
