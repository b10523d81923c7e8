/*
 * The set of models a run knows: the copies built into the binary, or the
 * files of a model folder (--phases, SAMS_PHASES), each loaded once and
 * cached, with the models they extend, and a case folder's
 * .sams/local.yml on top.  Models returned by model_get() and
 * model_get_in() belong to the cache: do not free them;
 * model_cache_release() frees them all.  The cache is shared by threads.
 */
#ifndef MODELSET_H
#define MODELSET_H

#include <stddef.h>

#include "model.h"

/*
 * model_read() and model_read_local() with the models of the set as the
 * bases that a file may extend.  The caller owns (model_free()) the model.
 */
struct model	*model_load(char *text, size_t len, const char *name);
struct model	*model_load_local(char *text, size_t len, const char *name,
		    const char *base);

/*
 * Sets the folder that model files are read from instead of the built-in
 * copies (--phases, SAMS_PHASES); NULL restores the built-in ones.
 */
void		 model_set_dir(const char *dir);
/* That folder, or NULL for the built-in models. */
const char	*model_get_dir(void);
/*
 * Whether that folder is one: 0 (or none is set), or -1 after reporting
 * (once a run) as FAIL_NOINPUT, so that a batch can stop before its
 * output when no case could be read.
 */
int		 model_dir_check(void);

/*
 * The model with that id: built in, or loaded once from the model folder
 * and cached.  Returns 0 with *out set; 0 with *out NULL when there is no
 * such model (id is not an id, or has no file: the caller says so, in its
 * own words); or -1 after reporting why not, as FAIL_DATA (a malformed
 * model) or FAIL_NOINPUT (a model folder that is not there, a model file
 * that cannot be read).  A failure the cache remembers is not reported
 * again: the second lookup only records its kind (diag_fail()).
 */
int		 model_get(const char *id, const struct model **out);
/*
 * model_get() for a case in folder (see folder.h): with the folder's
 * .sams/local.yml on top when it has one.  folder may be NULL.  Also -1
 * with FAIL_NOPERM after reporting a .sams folder that may not be trusted.
 */
int		 model_get_in(const char *id, const char *folder,
		    const struct model **out);
void		 model_cache_release(void);

/*
 * The models compiled in from phases/ by tools/modelc: checked when sams
 * is built, and static, so nothing is parsed or freed at run time.
 */
struct builtin_model {
	const char	*id;
	struct model	*model;
};

extern const struct builtin_model builtin_models[];
/* Ids of the built-in models, NULL-ended. */
extern const char *const builtin_model_ids[];

#endif
