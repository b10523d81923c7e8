/*
 * Batches of cases: one after the other, or read by worker threads and
 * handed on in order.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "caseio.h"
#include "diag.h"
#include "find.h"
#include "folder.h"
#include "state.h"
#include "strbuf.h"

static enum diag_fail
worse(enum diag_fail a, enum diag_fail b)
{
	return a > b ? a : b;
}

/*
 * What a batch returns: 0, or -1 with the worst kind of its files as the
 * last failure, so that the command exits as for that file alone.  A
 * file's kind is its last report's, as for a command on one file.
 */
static int
failed(enum diag_fail worst)
{
	return worst == FAIL_NONE ? 0 : diag_fail(worst);
}

int
case_each(char *files[], int n, long today, case_fn *fn, void *arg)
{
	struct case_state st;
	struct opened o;
	enum diag_fail worst = FAIL_NONE;
	char *found;
	int i, rc;

	for (i = 0; i < n; i++) {
		rc = find_case(files[i], &found);
		if (rc == 0)
			rc = case_open(found != NULL ? found : files[i], &o);
		free(found);
		if (rc != 0) {
			worst = worse(worst, diag_failure());
			continue;
		}
		state_compute(&st, o.m, o.c, today);
		fn(&st, arg);
		state_release(&st);
		opened_close(&o);
	}
	return failed(worst);
}

#define BATCH	256

/*
 * One file of a batch: what the workers leave for the calling thread,
 * whose diag state knows nothing of a worker's failures until handed on.
 */
struct slot {
	struct opened		o;
	struct case_state	st;
	struct strbuf		err;
	enum diag_fail		fail;	/* FAIL_NONE: opened */
};

struct batch {
	char		**files;
	struct slot	 *slots;
	size_t		  n;
	long		  today;
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
		if (case_open(b->files[i], &s->o) == 0)
			state_compute(&s->st, s->o.m, s->o.c, b->today);
		else
			s->fail = diag_failure();
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

/*
 * Reads one batch with nthreads threads, then hands it on in order;
 * returns the worst kind of failure of its files.
 */
static enum diag_fail
run_batch(struct batch *b, size_t nthreads, case_fn *fn, void *arg)
{
	pthread_t tids[4];
	enum diag_fail worst = FAIL_NONE;
	size_t i, started = 0;

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
		if (b->slots[i].fail != FAIL_NONE) {
			diag_fail(b->slots[i].fail);
			worst = worse(worst, b->slots[i].fail);
		} else {
			fn(&b->slots[i].st, arg);
			state_release(&b->slots[i].st);
		}
		opened_close(&b->slots[i].o);
	}
	return worst;
}

int
case_each_parallel(char *files[], size_t n, long today, case_fn *fn,
    void *arg)
{
	struct slot slots[BATCH];
	struct batch b;
	enum diag_fail worst = FAIL_NONE;
	size_t done, nthreads = thread_count();

	if (nthreads == 1)
		return case_each(files, (int)n, today, fn, arg);
	b.slots = slots;
	b.today = today;
	for (done = 0; done < n; done += b.n) {
		b.files = files + done;
		b.n = n - done < BATCH ? n - done : BATCH;
		worst = worse(worst, run_batch(&b, nthreads, fn, arg));
	}
	return failed(worst);
}
