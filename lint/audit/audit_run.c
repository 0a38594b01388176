/* Running the audit (audit.h): the walk and the grouping on the calling
 * thread, batches of units (up to 16 units or 128 KiB of files) on --jobs
 * workers; the worker that finishes the oldest unwritten batch writes it,
 * and every later one already done, so results go out in input order. The
 * walk waits while 2 * jobs batches of files are queued, or while
 * 4 * (jobs + 1) batches are in flight (queued, being processed, or done
 * and waiting for an older one), so memory does not grow with the fleet,
 * and the output is the same bytes whatever --jobs is. With --jobs 1
 * everything runs on the calling thread, a unit at a time.
 *
 * Why so: on 2 shared cores a thread is often not running when the others
 * need it. A writer thread woken once per batch, and a worker preempted
 * with the oldest batch, kept a window of 2 * jobs + 2 batches full of
 * done results: the walk waited for space and the other workers for work
 * (measured: both for most of the run). Done batches have freed their
 * files and hold only their records, so the window can be wider than the
 * queue of files. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "rx.h"
#include "error.h"

/* SARIF notifications are kept until the end: past this they are counted,
 * not kept. */
#define MAX_NOTES_BYTES (4u * 1024u * 1024u)

struct audit_progress {
	_Atomic uint64_t bytes;
	_Atomic size_t devices;
	uint64_t total_bytes, total_files;
	double start;
	atomic_bool stop;
	pthread_t thread;
};

void audit_progress_read(audit_progress *pg, uint64_t bytes)
{
	if (pg)
		atomic_fetch_add(&pg->bytes, bytes);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "[=========>          ]  46%  9214/~20000 devices  4810/s  ETA 0:02":
 * the share of the input's bytes read; the total number of devices is
 * estimated from it (files are not devices, and archives are streamed). */
static void progress_draw(audit_progress *pg)
{
	double t = now() - pg->start;
	uint64_t b = atomic_load(&pg->bytes);
	size_t dev = atomic_load(&pg->devices);
	double frac = pg->total_bytes ? (double)b / (double)pg->total_bytes : 0;
	frac = frac > 1 ? 1 : frac;
	int fill = (int)(frac * 20);
	double rate = t > 0 ? (double)dev / t : 0;
	double eta = frac > 0.01 ? t / frac - t : 0;
	char total[32] = "";
	if (frac > 0.02)
		snprintf(total, sizeof(total), "/~%.0f", (double)dev / frac);
	fprintf(stderr, "\r[%.*s%s%*s] %3d%%  %zu%s devices  %.0f/s  ETA %d:%02d \033[K", fill,
		"====================", fill < 20 ? ">" : "", fill < 20 ? 19 - fill : 0, "",
		(int)(frac * 100), dev, total, rate, (int)eta / 60, (int)eta % 60);
	fflush(stderr);
}

static void *progress_main(void *arg)
{
	audit_progress *pg = arg;
	/* Drawn at least once: a small audit could end before the first
	 * draw, and --progress always then showed nothing. */
	do {
		progress_draw(pg);
		struct timespec ts = { 0, 200 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	} while (!atomic_load(&pg->stop));
	fputs("\r\033[K", stderr);
	return NULL;
}

/* --- the pipeline ------------------------------------------------------------ */

/* Units travel in batches, so that threads meet once per batch, not once
 * per device.
 *
 * The queued files are most of the audit's heap, and how full the queue
 * got depended on the scheduler: a longer run met the worst case more
 * often, and the heap fragmented around it, so the peak RSS grew with the
 * fleet (issue 10; the walk reads faster than the workers parse, so the
 * queue is full most of the time anyway). Batches of 32 units and
 * 2 * jobs + 2 of them held ~1 MB of backups at 2 jobs; 16 units and
 * 2 * jobs hold ~0.3 MB: at 20 000 devices, 0.6 MB less peak RSS (median
 * of 15 runs). CPU time stayed the same; wall time on 2 CPUs shared with
 * other jobs moved within its noise (best of 11-21 runs, +-10 %), to be
 * confirmed by bench/run-suite on a quiet machine. Tried and dropped:
 * 8 units a batch (~4 % more CPU in wake-ups), and jobs + 1 batches queued
 * (the workers waited for the walk: ~8 % slower). */
enum { BATCH_UNITS = 16 };
#define BATCH_BYTES (128u * 1024u)

typedef struct batch {
	size_t seq;
	audit_unit *u[BATCH_UNITS];
	audit_result r[BATCH_UNITS];
	size_t n, bytes;
} batch;

typedef struct pipeline {
	const audit_options *o;
	audit_summary *sum;
	audit_progress *pg;
	FILE *notes;
	char *notes_buf;
	size_t notes_size;   /* the memory stream's */
	size_t notes_kept, notes_dropped;
	bool wrote_item;
	/* threads only */
	batch *open;         /* being filled by the walk */
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_space;
	batch **queue;       /* ring of `q_cap`: batches of files */
	size_t q_head, q_n, q_cap;
	batch **slots;       /* done, by seq % window */
	size_t window, emitted, written;
	bool input_done;
	bool writing;        /* a worker is writing the done batches */
} pipeline;

/* In input order: the text, the notifications, the summary. */
static void write_result(pipeline *p, audit_result *r)
{
	const char *t = r->text;
	size_t n = r->text_len;
	if (p->o->format->list && n && !p->wrote_item && t[0] == ',') {
		t++;
		n--;
	}
	p->wrote_item |= n > 0;
	if (n)
		fwrite(t, 1, n, p->o->out);
	if (r->notes_len && p->notes_kept + r->notes_len <= MAX_NOTES_BYTES) {
		fwrite(r->notes, 1, r->notes_len, p->notes);
		p->notes_kept += r->notes_len;
	} else if (r->notes_len) {
		p->notes_dropped++;
	}
	for (size_t i = 0; i < r->n_tallies; i++)
		audit_summary_add(p->sum, &r->tallies[i]);
	p->sum->problems += r->problems;
	for (size_t i = 0; i < r->unused; i++)
		audit_summary_unused(p->sum, r->unused_paths[i]);
	p->sum->files += r->files;
	p->sum->bytes += r->bytes;
	if (p->pg)
		atomic_fetch_add(&p->pg->devices, r->n_tallies);
	audit_result_free(r);
}

static void emit_inline(void *ctx, audit_unit *u)
{
	pipeline *p = ctx;
	audit_fleet_unit(p->o->fleet, u);
	audit_result r;
	audit_unit_process(&r, u, p->o);
	audit_unit_free(u);
	write_result(p, &r);
}

/* Hand the open batch to the workers; waits while the queue or the window
 * is full. */
static void push_batch(pipeline *p)
{
	batch *b = p->open;
	p->open = NULL;
	if (!b)
		return;
	pthread_mutex_lock(&p->mu);
	while (p->q_n == p->q_cap || p->emitted - p->written >= p->window)
		pthread_cond_wait(&p->cv_space, &p->mu);
	b->seq = p->emitted++;
	p->queue[(p->q_head + p->q_n++) % p->q_cap] = b;
	pthread_cond_signal(&p->cv_work);
	pthread_mutex_unlock(&p->mu);
}

static void emit_queued(void *ctx, audit_unit *u)
{
	pipeline *p = ctx;
	audit_fleet_unit(p->o->fleet, u); /* in input order: the walk's thread */
	if (!p->open && !(p->open = calloc(1, sizeof(*p->open))))
		ip_out_of_memory();
	batch *b = p->open;
	b->u[b->n++] = u;
	for (size_t i = 0; i < u->n_files; i++)
		b->bytes += u->files[i].len;
	if (b->n == BATCH_UNITS || b->bytes >= BATCH_BYTES)
		push_batch(p);
}

static batch *take_work(pipeline *p)
{
	pthread_mutex_lock(&p->mu);
	while (!p->q_n && !p->input_done)
		pthread_cond_wait(&p->cv_work, &p->mu);
	batch *b = NULL;
	if (p->q_n) {
		b = p->queue[p->q_head];
		p->q_head = (p->q_head + 1) % p->q_cap;
		if (p->q_n-- == p->q_cap)
			pthread_cond_signal(&p->cv_space);
	}
	pthread_mutex_unlock(&p->mu);
	return b;
}

/* With p->mu held: write the done batches that are next in input order,
 * the lock released while writing; a batch done meanwhile by another worker
 * is seen by the loop before it gives up writing. */
static void write_done(pipeline *p)
{
	p->writing = true;
	batch *b;
	while ((b = p->slots[p->written % p->window])) {
		p->slots[p->written % p->window] = NULL;
		pthread_mutex_unlock(&p->mu);
		for (size_t i = 0; i < b->n; i++)
			write_result(p, &b->r[i]);
		free(b);
		pthread_mutex_lock(&p->mu);
		p->written++;
		pthread_cond_signal(&p->cv_space);
	}
	p->writing = false;
}

static void *worker_main(void *arg)
{
	pipeline *p = arg;
	batch *b;
	while ((b = take_work(p))) {
		for (size_t i = 0; i < b->n; i++) {
			audit_unit_process(&b->r[i], b->u[i], p->o);
			audit_unit_free(b->u[i]);
		}
		pthread_mutex_lock(&p->mu);
		p->slots[b->seq % p->window] = b;
		if (!p->writing)
			write_done(p);
		pthread_mutex_unlock(&p->mu);
	}
	audit_thread_end();
	ip_rx_thread_end();
	return NULL;
}

/* --- the walk feeds the grouper ---------------------------------------------- */

static void sink_file(void *ctx, const char *group, char *path, char *buf, size_t len,
		      int64_t mtime)
{
	audit_grouper_file(ctx, group, path, buf, len, mtime);
}

static void sink_problem(void *ctx, const char *path, const char *message, bool unused)
{
	audit_grouper_problem(ctx, path, message, unused);
}

static size_t walk_all(const char *const *paths, size_t n, pipeline *p,
		       void (*emit)(void *, audit_unit *))
{
	audit_grouper *g = audit_grouper_new(emit, p);
	audit_sink sink = { sink_file, sink_problem, g, p->o->guard };
	size_t bad = audit_walk(paths, n, &sink, p->pg);
	audit_grouper_finish(g);
	return bad;
}

static size_t run_threads(const char *const *paths, size_t n, pipeline *p)
{
	unsigned jobs = p->o->jobs;
	p->q_cap = 2 * (size_t)jobs;
	p->window = 4 * ((size_t)jobs + 1);
	p->queue = calloc(p->q_cap, sizeof(*p->queue));
	p->slots = calloc(p->window, sizeof(*p->slots));
	pthread_t *workers = calloc(jobs, sizeof(*workers));
	if (!p->queue || !p->slots || !workers)
		ip_out_of_memory();
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv_work, NULL);
	pthread_cond_init(&p->cv_space, NULL);
	for (unsigned i = 0; i < jobs; i++)
		pthread_create(&workers[i], NULL, worker_main, p);
	size_t bad = walk_all(paths, n, p, emit_queued);
	push_batch(p);
	pthread_mutex_lock(&p->mu);
	p->input_done = true;
	pthread_cond_broadcast(&p->cv_work);
	pthread_mutex_unlock(&p->mu);
	for (unsigned i = 0; i < jobs; i++)
		pthread_join(workers[i], NULL);
	if (p->written != p->emitted)
		abort(); /* every batch is written by the worker that ends its run */
	free(workers);
	free(p->queue);
	free(p->slots);
	return bad;
}

size_t audit_run(const char *const *paths, size_t n, const audit_options *opts, audit_summary *s)
{
	double t0 = now();
	/* units between the walk and the writer: the window's batches, the
	 * queue's, the one being filled and the grouper's held problems */
	audit_options fo = *opts;
	const audit_options *o = &fo;
	size_t jobs = opts->jobs > 1 ? opts->jobs : 1;
	fo.fleet = audit_fleet_new((4 * (jobs + 1) + 2 * jobs + 2) * BATCH_UNITS + 512);
	audit_progress pg = { .start = t0 };
	pipeline p = { .o = o, .sum = s, .pg = o->progress ? &pg : NULL };
	p.notes = open_memstream(&p.notes_buf, &p.notes_size);
	if (!p.notes)
		ip_out_of_memory();
	if (o->progress) {
		pg.total_bytes = audit_walk_size(paths, n, &pg.total_files);
		pthread_create(&pg.thread, NULL, progress_main, &pg);
	}
	o->format->begin(o->out, paths, n);
	size_t bad = o->jobs <= 1 ? walk_all(paths, n, &p, emit_inline) : run_threads(paths, n, &p);
	audit_thread_end();
	if (o->progress) {
		atomic_store(&pg.stop, true);
		pthread_join(pg.thread, NULL);
	}
	s->seconds = now() - t0;
	s->untracked = audit_fleet_untracked(fo.fleet);
	fflush(p.notes);
	audit_summary_sort(s);
	o->format->end(o->out, p.notes_buf, p.notes_size, s);
	fclose(p.notes);
	free(p.notes_buf);
	audit_fleet_free(fo.fleet);
	return bad;
}
