#include "parallel.h"

/* POSIX threads, not C11 thrd_create: ThreadSanitizer does not see
 * threads started through the latter, and crashes in them. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "rx.h"

/* Default cap: loading files scales to a few cores, then memory bandwidth
 * and the sequential merge take over. */
#define DEFAULT_MAX_JOBS 8u

unsigned ip_parallel_jobs(void)
{
	const char *env = getenv("IOSPLAN_JOBS");
	if (env && *env) {
		char *end;
		unsigned long v = strtoul(env, &end, 10);
		if (!*end && env[0] != '-' && v >= 1 && v <= IP_PARALLEL_MAX_JOBS)
			return (unsigned)v;
	}
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		return 1;
	return cpus > DEFAULT_MAX_JOBS ? DEFAULT_MAX_JOBS : (unsigned)cpus;
}

typedef struct pool {
	atomic_size_t next;
	size_t n;
	ip_parallel_fn *fn;
	void *ctx;
} pool;

typedef struct worker_arg {
	pool *p;
	unsigned worker;
} worker_arg;

static void drain(pool *p, unsigned worker)
{
	for (;;) {
		size_t i = atomic_fetch_add_explicit(&p->next, 1, memory_order_relaxed);
		if (i >= p->n)
			return;
		p->fn(p->ctx, i, worker);
	}
}

static void *worker_main(void *arg)
{
	worker_arg *w = arg;
	drain(w->p, w->worker);
	ip_rx_thread_end(); /* its regex match data would outlive the thread */
	return NULL;
}

void ip_parallel_run(size_t n, unsigned jobs, ip_parallel_fn *fn, void *ctx)
{
	pool p = { .n = n, .fn = fn, .ctx = ctx };
	atomic_init(&p.next, 0);
	if (jobs > IP_PARALLEL_MAX_JOBS)
		jobs = IP_PARALLEL_MAX_JOBS;
	if (jobs > n)
		jobs = n ? (unsigned)n : 1;
	pthread_t threads[IP_PARALLEL_MAX_JOBS];
	worker_arg args[IP_PARALLEL_MAX_JOBS];
	unsigned started = 0;
	for (unsigned w = 1; w < jobs; w++) {
		args[started] = (worker_arg){ &p, w };
		/* a thread that cannot start leaves its items to the others */
		if (pthread_create(&threads[started], NULL, worker_main, &args[started]) != 0)
			break;
		started++;
	}
	drain(&p, 0);
	for (unsigned i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
}
