/*
 * Batches of cases: one after the other, or read by worker threads and
 * handed on in order.
 */
#include <pthread.h>
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
#include "xalloc.h"

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

/*
 * The files being read and those read but not yet handed on: a worker
 * runs at most RING files ahead of the calling thread.
 */
#define RING	128

/*
 * One file: what a worker leaves for the calling thread, whose diag state
 * knows nothing of a worker's failures until handed on.
 */
struct slot {
	char			*path;
	struct opened		 o;
	struct case_state	 st;
	struct strbuf		 err;
	enum diag_fail		 fail;	/* FAIL_NONE: opened */
	int			 ready;	/* read, under the lock */
};

/*
 * File i is read into slots[i % RING] by whichever thread claims it, the
 * calling thread included when it would otherwise wait; the calling
 * thread hands the files on in order.
 */
struct ring {
	path_next_fn	*next;
	void		*src;
	long		 today;
	struct slot	*slots;
	size_t		 claimed;	/* files given to a thread */
	size_t		 handed;	/* files handed on */
	int		 end;		/* no more files: 1 the last, -1 failed */
	enum diag_fail	 endfail;	/* next's failure, in its thread */
	int		 caller_waits;	/* for the file to hand on */
	int		 workers_wait;	/* for room in the ring */
	pthread_mutex_t	 mu;
	pthread_cond_t	 caller;	/* the file to hand on is read */
	pthread_cond_t	 room;		/* half the ring is free, or the end */
};

static void
capture(enum diag_level level, const char *file, size_t line, size_t col,
    const char *msg, void *arg)
{
	diag_format(arg, level, file, line, col, msg);
}

/*
 * Under the lock: takes the next file when its slot is free, returning
 * its slot, or NULL (none now: the ring is full or the files have ended).
 */
static struct slot *
claim(struct ring *r)
{
	const char *path;
	struct slot *s;
	int got;

	if (r->end != 0 || r->claimed >= r->handed + RING)
		return NULL;
	if ((got = r->next(r->src, &path)) <= 0) {
		r->end = got < 0 ? -1 : 1;
		if (got < 0)
			r->endfail = diag_failure();
		pthread_cond_broadcast(&r->room);
		return NULL;
	}
	s = &r->slots[r->claimed++ % RING];
	s->path = xstrdup(path);
	return s;
}

/* Reads the file of slot s, the lock not held; then marks it read. */
static void
read_slot(struct ring *r, struct slot *s)
{
	diag_set_sink(capture, &s->err, 1);
	if (case_open(s->path, &s->o) == 0)
		state_compute(&s->st, s->o.m, s->o.c, r->today);
	else
		s->fail = diag_failure();
	diag_set_sink(NULL, NULL, 0);
	pthread_mutex_lock(&r->mu);
	s->ready = 1;
	if (r->caller_waits && s == &r->slots[r->handed % RING])
		pthread_cond_signal(&r->caller);
}

static void *
work(void *arg)
{
	struct ring *r = arg;
	struct slot *s;

	pthread_mutex_lock(&r->mu);
	while (r->end == 0) {
		if ((s = claim(r)) == NULL) {
			/* Woken when half the ring is free, not for each file. */
			r->workers_wait++;
			while (r->end == 0 && r->claimed >= r->handed + RING / 2)
				pthread_cond_wait(&r->room, &r->mu);
			r->workers_wait--;
			continue;
		}
		pthread_mutex_unlock(&r->mu);
		read_slot(r, s);	/* takes the lock again */
	}
	pthread_mutex_unlock(&r->mu);
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
 * Under the lock: the next file to hand on, read, or NULL after the last.
 * While it is being read, the calling thread reads the files after it.
 */
static struct slot *
next_read(struct ring *r)
{
	struct slot *s = &r->slots[r->handed % RING], *mine;

	for (;;) {
		if (r->handed < r->claimed && s->ready)
			return s;
		if (r->handed == r->claimed && r->end != 0)
			return NULL;
		if ((mine = claim(r)) != NULL) {
			pthread_mutex_unlock(&r->mu);
			read_slot(r, mine);
		} else if (r->handed < r->claimed) {	/* a worker reads it */
			r->caller_waits = 1;
			pthread_cond_wait(&r->caller, &r->mu);
			r->caller_waits = 0;
		}
	}
}

/* Hands a read file on; returns its kind of failure. */
static enum diag_fail
hand_on(struct slot *s, case_fn *fn, void *arg)
{
	enum diag_fail fail = s->fail;

	if (s->err.len > 0)
		fputs(s->err.buf, stderr);
	strbuf_release(&s->err);
	if (fail != FAIL_NONE) {
		diag_fail(fail);
	} else {
		fn(&s->st, arg);
		state_release(&s->st);
	}
	opened_close(&s->o);
	free(s->path);
	memset(s, 0, sizeof(*s));
	return fail;
}

int
case_each_stream(path_next_fn *next, void *src, long today, case_fn *fn,
    void *arg)
{
	struct ring r;
	struct slot *s;
	pthread_t tids[3];
	enum diag_fail worst = FAIL_NONE;
	size_t i, started = 0, nthreads = thread_count();

	memset(&r, 0, sizeof(r));
	r.next = next;
	r.src = src;
	r.today = today;
	r.slots = xcalloc(RING, sizeof(*r.slots));
	pthread_mutex_init(&r.mu, NULL);
	pthread_cond_init(&r.caller, NULL);
	pthread_cond_init(&r.room, NULL);
	for (; started + 1 < nthreads; started++)
		if (pthread_create(&tids[started], NULL, work, &r) != 0)
			break;
	pthread_mutex_lock(&r.mu);
	while ((s = next_read(&r)) != NULL) {
		pthread_mutex_unlock(&r.mu);
		worst = worse(worst, hand_on(s, fn, arg));
		pthread_mutex_lock(&r.mu);
		r.handed++;
		if (r.workers_wait > 0 && r.claimed < r.handed + RING / 2)
			pthread_cond_broadcast(&r.room);
	}
	pthread_mutex_unlock(&r.mu);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	pthread_cond_destroy(&r.caller);
	pthread_cond_destroy(&r.room);
	pthread_mutex_destroy(&r.mu);
	free(r.slots);
	if (r.end < 0)
		worst = worse(worst, r.endfail);
	return failed(worst);
}

/* The files of an array, for case_each_stream(). */
struct array_src {
	char	**files;
	size_t	  n, i;
};

static int
array_next(void *arg, const char **path)
{
	struct array_src *a = arg;

	if (a->i == a->n)
		return 0;
	*path = a->files[a->i++];
	return 1;
}

int
case_each_parallel(char *files[], size_t n, long today, case_fn *fn,
    void *arg)
{
	struct array_src a = { files, n, 0 };

	if (thread_count() == 1)
		return case_each(files, (int)n, today, fn, arg);
	return case_each_stream(array_next, &a, today, fn, arg);
}
