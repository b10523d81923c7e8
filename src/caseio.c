/* Opening cases, and the single write path for updating them. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caseio.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "fileio.h"
#include "find.h"
#include "folder.h"
#include "modelset.h"
#include "sams.h"
#include "state.h"
#include "strbuf.h"
#include "xalloc.h"
#include "yamlio.h"

int
case_open(const char *path, struct opened *o)
{
	char *text;
	size_t len;
	int rc;

	o->c = NULL;
	o->m = NULL;
	rc = file_read(path, YAML_MAX_BYTES, &text, &len);
	if (rc != 0)
		return rc;
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
		return SAMS_EXIT_DATAERR;
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
		/* XXX error contract: an exit status until caseio.c returns
		 * -1; the kind is the model set's or the message's above. */
		return rc != 0 ? cli_exit_status(diag_last_failure()) :
		    SAMS_EXIT_DATAERR;
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

	if (len > YAML_MAX_BYTES) {
		error_at(o->c->name, 0, 0, "cannot add to the history: the "
		    "case would grow past the size limit of %d bytes",
		    YAML_MAX_BYTES);
		return SAMS_EXIT_DATAERR;
	}
	diag_set_sink(NULL, NULL, 1);
	again = case_load(xstrndup(text, len), len, o->c->name);
	diag_set_sink(NULL, NULL, 0);
	ok = again != NULL && again->nevents == o->c->nevents + n;
	if (ok && state_check_case(o->m, again) > 0) {
		case_free(again);
		return SAMS_EXIT_DATAERR;
	}
	case_free(again);
	if (ok)
		return 0;
	error_at(o->c->name, 0, 0, "cannot add to the history without "
	    "breaking the file; is 'history' the last key, one '- {...}' "
	    "entry per line?");
	return SAMS_EXIT_DATAERR;
}

int
case_refuse_stdin(const char *path)
{
	if (strcmp(path, "-") != 0)
		return 0;
	error_msg("a command that writes never reads a case from standard "
	    "input; for a file named '-', write ./-");
	return SAMS_EXIT_USAGE;
}

/*
 * One try under the lock: read through the descriptor that decides,
 * check, append, verify, replace.  FILE_CHANGED when another program
 * changed the file meanwhile.
 */
static int
update_once(const char *path, update_fn *fn, void *arg)
{
	struct event evs[UPDATE_MAX_EVENTS];
	struct file_seen seen;
	struct opened o;
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
	rc = fn(&o, evs, &n, arg);
	if (rc != 0 || n == 0)		/* n == 0: nothing to record */
		goto out;
	text = append_events(o.c, evs, n, &len);
	if (text == NULL) {
		rc = SAMS_EXIT_DATAERR;
		goto out;
	}
	rc = verify(&o, text, len, n);
	if (rc == 0)
		rc = file_update(path, text, len, &seen, o.c->text, o.c->len);
out:
	free(text);
	opened_close(&o);
	return rc;
}

int
case_update(const char *path, update_fn *fn, void *arg)
{
	struct file_lock lk;
	int rc, tries;

	if ((rc = case_refuse_stdin(path)) != 0)
		return rc;
	/* No lock file for a wrong name; under the lock, the descriptor
	 * the case is read from decides again. */
	rc = file_check_target(path);
	if (rc != 0)
		return rc;
	rc = file_lock(path, &lk);
	if (rc != 0)
		return rc;
	/* Another writer that takes no lock: start over with what it left. */
	for (tries = 1; (rc = update_once(path, fn, arg)) == FILE_CHANGED;
	    tries++)
		if (tries == UPDATE_TRIES) {
			error_at(path, 0, 0, "another program keeps changing "
			    "the file; left as it wrote it, try again later");
			rc = SAMS_EXIT_TEMPFAIL;
			break;
		}
	file_unlock(&lk);
	return rc;
}

int
case_each(char *files[], int n, case_fn *fn, void *arg)
{
	struct case_state st;
	struct opened o;
	char *found;
	int i, rc, worst = 0;

	for (i = 0; i < n; i++) {
		rc = find_case(files[i], &found);
		if (rc == 0)
			rc = case_open(found != NULL ? found : files[i], &o);
		free(found);
		if (rc != 0) {
			worst = sams_exit_worst(worst, rc);
			continue;
		}
		state_compute(&st, o.m, o.c, date_today());
		fn(&st, arg);
		state_release(&st);
		opened_close(&o);
	}
	return worst;
}

#define BATCH	256

/* One file of a batch: what the workers leave for the calling thread. */
struct slot {
	struct opened		o;
	struct case_state	st;
	struct strbuf		err;
	int			rc;
};

struct batch {
	char		**files;
	struct slot	 *slots;
	size_t		  n;
	atomic_size_t	  next;
};

static void
capture(enum diag_level level, const char *file, size_t line, size_t col,
    const char *msg, void *arg)
{
	diag_format(arg, level, file, line, col, msg);
}

static void *
work(void *arg)
{
	struct batch *b = arg;
	struct slot *s;
	size_t i;

	while ((i = atomic_fetch_add(&b->next, 1)) < b->n) {
		s = &b->slots[i];
		diag_set_sink(capture, &s->err, 1);
		s->rc = case_open(b->files[i], &s->o);
		if (s->rc == 0)
			state_compute(&s->st, s->o.m, s->o.c, date_today());
		diag_set_sink(NULL, NULL, 0);
	}
	folder_forget();	/* a thread's cache dies with the thread */
	return NULL;
}

static size_t
thread_count(void)
{
	/* Checked at start-up by cli_environment(). */
	const char *env = getenv("SAMS_THREADS");
	long n = env != NULL && *env != '\0' ? atol(env) :
	    sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : (size_t)n;
}

/* Reads one batch with nthreads threads, then hands it on in order. */
static int
run_batch(struct batch *b, size_t nthreads, case_fn *fn, void *arg)
{
	pthread_t tids[4];
	size_t i, started = 0;
	int worst = 0;

	atomic_store(&b->next, 0);
	memset(b->slots, 0, b->n * sizeof(*b->slots));
	for (; started + 1 < nthreads; started++)
		if (pthread_create(&tids[started], NULL, work, b) != 0)
			break;
	work(b);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	for (i = 0; i < b->n; i++) {
		if (b->slots[i].err.len > 0)
			fputs(b->slots[i].err.buf, stderr);
		strbuf_release(&b->slots[i].err);
		worst = sams_exit_worst(worst, b->slots[i].rc);
		if (b->slots[i].rc == 0) {
			fn(&b->slots[i].st, arg);
			state_release(&b->slots[i].st);
		}
		opened_close(&b->slots[i].o);
	}
	return worst;
}

int
case_each_parallel(char *files[], size_t n, case_fn *fn, void *arg)
{
	struct slot slots[BATCH];
	struct batch b;
	size_t done, nthreads = thread_count();
	int worst = 0;

	if (nthreads == 1)
		return case_each(files, (int)n, fn, arg);
	b.slots = slots;
	for (done = 0; done < n; done += b.n) {
		b.files = files + done;
		b.n = n - done < BATCH ? n - done : BATCH;
		worst = sams_exit_worst(worst, run_batch(&b, nthreads, fn,
		    arg));
	}
	return worst;
}
