/* Running independent items on the machine's cores.
 *
 * ip_parallel_run() calls fn(ctx, item, worker) once for every item in
 * [0, n), on up to `jobs` threads of which the calling thread is one (worker
 * 0); items are handed out from a shared counter, so a slow item does not
 * hold up the others. The order items run in is not fixed: to keep output
 * deterministic, fn writes only into item's own slots or worker's own
 * arena and diagnostics, and the caller merges them in item order after the
 * call returns. No nested use: fn must not call ip_parallel_run(). */
#ifndef IOSPLAN_PARALLEL_H
#define IOSPLAN_PARALLEL_H

#include <stddef.h>

/* Upper bound on jobs, whatever IOSPLAN_JOBS says: past it the merge and
 * the per-worker arenas cost more than the cores give back. */
#define IP_PARALLEL_MAX_JOBS 64u

typedef void ip_parallel_fn(void *ctx, size_t item, unsigned worker);

/* Threads to use: IOSPLAN_JOBS when it is a number from 1 to
 * IP_PARALLEL_MAX_JOBS, else the online CPUs, at most 8. */
unsigned ip_parallel_jobs(void);
/* 0 when IOSPLAN_JOBS is unset, empty or a number from 1 to
 * IP_PARALLEL_MAX_JOBS; else IP_E_USAGE with the message in
 * ip_error_last(). The command line refuses a bad value at start-up
 * rather than quietly running on another number of threads. */
int ip_parallel_jobs_check(void);

/* Returns when every item has run. Runs on fewer threads (down to the
 * calling one alone) when n is small or a thread cannot be started. */
void ip_parallel_run(size_t n, unsigned jobs, ip_parallel_fn *fn, void *ctx);

#endif
