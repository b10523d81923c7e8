/* Opening cases, and the single write path for updating them. */
#include <stdlib.h>
#include <string.h>

#include "caseio.h"
#include "diag.h"
#include "fileio.h"
#include "folder.h"
#include "modelset.h"
#include "state.h"
#include "xalloc.h"
#include "yamlio.h"

int
case_open(const char *path, struct opened *o)
{
	char *text;
	size_t len;

	o->c = NULL;
	o->m = NULL;
	if (file_read(path, YAML_MAX_BYTES, &text, &len) != 0)
		return -1;
	return case_open_text(text, len, strcmp(path, "-") == 0 ?
	    "<stdin>" : path, o);
}

int
case_open_text(char *text, size_t len, const char *name, struct opened *o)
{
	const struct ynode *at;
	int rc;

	o->m = NULL;
	o->c = case_load(text, len, name);
	if (o->c == NULL)
		return diag_fail(FAIL_DATA);	/* reported */
	rc = model_get_in(o->c->model, folder_find(name), &o->m);
	/* Not the id as written: no text from a case file in messages. */
	at = ymap_get(o->c->doc.root, "model");
	if (rc == 0 && o->m == NULL && model_get_dir() != NULL)
		rc = error_at(o->c->name, at->line, at->col, "the case names "
		    "a model that the model folder %s does not have",
		    model_get_dir());
	else if (rc == 0 && o->m == NULL)
		rc = error_at(o->c->name, at->line, at->col, "the case names "
		    "a model that does not exist");
	if (rc != 0 || state_check_case(o->m, o->c) > 0) {
		opened_close(o);
		/* The kind is the model set's or the message's above. */
		return rc != 0 ? -1 : diag_fail(FAIL_DATA);
	}
	return 0;
}

void
opened_close(struct opened *o)
{
	case_free(o->c);
	o->c = NULL;
	o->m = NULL;
}

/* Appends evs to the case's text; NULL after reporting. */
static char *
append_events(const struct casefile *c, const struct event *evs, size_t n,
    size_t *len)
{
	struct casefile tmp;
	char *text = NULL, *next;
	size_t i;

	tmp = *c;
	for (i = 0; i < n; i++) {
		next = case_append(&tmp, &evs[i], len);
		free(text);
		if (next == NULL)
			return NULL;
		text = tmp.text = next;
		tmp.len = *len;
	}
	return text;
}

/*
 * Parses the new text again: it must be a valid case with exactly the
 * events added, or something about the file defeated the append.  A case
 * that parses but breaks a rule of the model (a recurring step's next
 * date out of range) has had its reason reported already.
 */
static int
verify(const struct opened *o, const char *text, size_t len, size_t n)
{
	struct casefile *again;
	int ok;

	if (len > YAML_MAX_BYTES)
		return error_at(o->c->name, 0, 0, "cannot add to the history: "
		    "the case would grow past the size limit of %d bytes",
		    YAML_MAX_BYTES);
	diag_set_sink(NULL, NULL, 1);
	again = case_load(xstrndup(text, len), len, o->c->name);
	diag_set_sink(NULL, NULL, 0);
	ok = again != NULL && again->nevents == o->c->nevents + n;
	if (ok && state_check_case(o->m, again) > 0) {
		case_free(again);
		return diag_fail(FAIL_DATA);	/* reported */
	}
	case_free(again);
	if (ok)
		return 0;
	return error_at(o->c->name, 0, 0, "cannot add to the history without "
	    "breaking the file; is 'history' the last key, one '- {...}' "
	    "entry per line?");
}

int
case_refuse_stdin(const char *path)
{
	if (strcmp(path, "-") != 0)
		return 0;
	return fail_at(FAIL_USAGE, NULL, 0, 0, "a command that writes never "
	    "reads a case from standard input; for a file named '-', write "
	    "./-");
}

/*
 * One try under the lock: read through the descriptor that decides,
 * check, append, verify, replace.  FILE_CHANGED when another program
 * changed the file meanwhile.
 */
static enum file_update
update_once(const char *path, update_fn *fn, void *arg)
{
	struct event evs[UPDATE_MAX_EVENTS];
	struct file_seen seen;
	struct opened o;
	enum file_update done = FILE_FAILED;
	size_t n = 0, len;
	char *text = NULL;
	int rc;

	o.c = NULL;
	o.m = NULL;
	rc = file_read_seen(path, YAML_MAX_BYTES, &text, &len, &seen);
	if (rc == 0)
		rc = case_open_text(text, len, path, &o);
	text = NULL;
	if (rc != 0)
		goto out;
	memset(evs, 0, sizeof(evs));
	if (fn(&o, evs, &n, arg) != 0)
		goto out;
	if (n == 0) {			/* nothing to record */
		done = FILE_UPDATED;
		goto out;
	}
	text = append_events(o.c, evs, n, &len);
	if (text == NULL) {
		diag_fail(FAIL_DATA);	/* reported */
		goto out;
	}
	if (verify(&o, text, len, n) == 0)
		done = file_update(path, text, len, &seen, o.c->text,
		    o.c->len);
out:
	free(text);
	opened_close(&o);
	return done;
}

int
case_update(const char *path, update_fn *fn, void *arg)
{
	struct file_lock lk;
	enum file_update done;
	int tries;

	/* No lock file for a wrong name; under the lock, the descriptor
	 * the case is read from decides again. */
	if (case_refuse_stdin(path) != 0 || file_check_target(path) != 0 ||
	    file_lock(path, &lk) != 0)
		return -1;
	/* Another writer that takes no lock: start over with what it left. */
	for (tries = 1; (done = update_once(path, fn, arg)) == FILE_CHANGED;
	    tries++)
		if (tries == UPDATE_TRIES) {
			fail_at(FAIL_TEMP, path, 0, 0, "another program keeps "
			    "changing the file; left as it wrote it, try again "
			    "later");
			done = FILE_FAILED;
			break;
		}
	file_unlock(&lk);
	return done == FILE_UPDATED ? 0 : -1;
}
