#include "parallel.h"

/* POSIX threads, not C11 thrd_create: ThreadSanitizer does not see
 * threads started through the latter, and crashes in them. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "error.h"
#include "rx.h"

/* Default cap: loading files scales to a few cores, then memory bandwidth
 * and the sequential merge take over. */
#define DEFAULT_MAX_JOBS 8u

/* IOSPLAN_JOBS as a number of jobs, or 0 when it is not one from 1 to
 * IP_PARALLEL_MAX_JOBS. Digits only: strtoul alone would take " 8", "+8"
 * and "-1" (as ULONG_MAX), and "1e3" would be 1. */
static unsigned jobs_from(const char *env)
{
	unsigned long v = 0;
	for (const char *p = env; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > IP_PARALLEL_MAX_JOBS)
			return 0;
	}
	return (unsigned)v;
}

int ip_parallel_jobs_check(void)
{
	const char *env = getenv("IOSPLAN_JOBS");
	if (!env || !*env || jobs_from(env))
		return 0;
	return ip_error_set(IP_E_USAGE, "IOSPLAN_JOBS must be a number from 1 to %u, not '%s'",
			    IP_PARALLEL_MAX_JOBS, env);
}

unsigned ip_parallel_jobs(void)
{
	const char *env = getenv("IOSPLAN_JOBS");
	unsigned v = env ? jobs_from(env) : 0;
	if (v)
		return v;
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
