/*
 * libFuzzer harness: the model reader, through a model folder so that
 * 'extends' is followed.  The input is FUZZ/fuzz.yml next to a small
 * fixed model "sams" and a model "loop" that extends "fuzz", so an input
 * can extend either, itself, or come back through "loop".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "modelset.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fixed_sams[] =
    "sams-model: 1\nid: sams\ntitle: S\n"
    "roles:\n  - {id: socialtjanst, title: S}\n  - {id: samordnare, "
    "title: K}\nphases:\n  - {id: infor-placering, title: I}\n"
    "  - {id: under-placering, title: U, starts: placement.date}\n"
    "steps:\n"
    "  - {id: ip-kartlagg, phase: infor-placering, title: T, owner: "
    "socialtjanst, why: W, what: X, source: law, due: placement.date - 14d}\n"
    "  - {id: ip-beslut, phase: infor-placering, title: T, owner: "
    "samordnare, why: W, what: X, source: law, after: [ip-kartlagg]}\n"
    "  - {id: up-folja, phase: under-placering, title: T, owner: "
    "socialtjanst, why: W, what: X, source: law, recurs: 6m}\n";

static const char fixed_loop[] =
    "sams-model: 1\nid: loop\ntitle: L\nextends: fuzz\nsteps: []\n";

static char *dir;

static void
remove_dir(void)
{
	static const char *const names[] = { "sams.yml", "loop.yml",
	    "fuzz.yml" };
	char *path;
	size_t i;

	for (i = 0; i < 3; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

static void
write_file(const char *name, const void *buf, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	if (fp == NULL || fwrite(buf, 1, len, fp) != len || fclose(fp) != 0)
		abort();
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	const struct model *m;

	if (null == NULL) {
		null = fopen("/dev/null", "w");
		diag_set_output(null);
		dir = xstrdup("/tmp/sams-fuzz-model.XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
		write_file("sams.yml", fixed_sams, strlen(fixed_sams));
		write_file("loop.yml", fixed_loop, strlen(fixed_loop));
		atexit(remove_dir);
	}
	/* by id from the folder, following extends (one parse a run) */
	write_file("fuzz.yml", data, size);
	model_set_dir(dir);
	if (model_get("fuzz", &m) == 0 && m->nsteps > 0 &&
	    model_step_index(m, m->steps[0].id) != 0)
		abort();
	(void)model_get("loop", &m);
	model_cache_release();
	model_set_dir(NULL);
	return 0;
}
