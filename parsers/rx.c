#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"
#include "arena.h"
#include "error.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iosplan_config.h"
#if IOSPLAN_HAVE_VALGRIND_H
#include <valgrind/valgrind.h>
#else
#define RUNNING_ON_VALGRIND 0
#endif

static _Thread_local pcre2_match_data *match_data;

/* What an ip_rx's code points at. */
typedef struct rx_code {
	pcre2_code *interp;
	uint32_t pairs;            /* its groups + 1 (group 0), at most IP_RX_MAX_GROUPS */
	_Atomic(pcre2_code *) jit; /* a JIT-compiled copy, once it has run enough */
	atomic_uint runs;          /* runs in the interpreter so far */
} rx_code;

/* Under Valgrind's memcheck, the interpreter: JIT code reads words past the
 * subject's end on purpose (the match never depends on them), which memcheck
 * reports when those bytes were never written. Other tools (callgrind, which
 * counts the benchmark's instructions) run the JIT code the product runs;
 * memcheck is the tool whose preload library is in LD_PRELOAD. */
static bool under_memcheck(void)
{
	if (!RUNNING_ON_VALGRIND)
		return false;
	const char *preload = getenv("LD_PRELOAD");
	return !preload || strstr(preload, "memcheck") != NULL;
}

static pcre2_code *compile(const char *pattern, bool caseless, int *err,
			   PCRE2_SIZE *off)
{
	/* Bytes, not UTF-8: captures mix encodings (a Latin-1 file name, a
	 * CP1252 description), and in UTF mode an invalid byte can match
	 * nothing, so a listing line naming "caf\xe9.bin" would not be read.
	 * Every pattern is ASCII; columns are bytes anyway. */
	uint32_t opts = 0;
	if (caseless)
		opts |= PCRE2_CASELESS;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
					 opts, err, off, NULL);
	return code;
}

static rx_code *compile_one(const ip_rx *rx)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *code = compile(rx->pattern, rx->flags & IP_RX_CASELESS, &err, &off);
	if (!code) {
		PCRE2_UCHAR buf[256];
		pcre2_get_error_message(err, buf, sizeof(buf));
		fprintf(stderr, "iosplan: internal error: pattern %s: %s at %zu\n", rx->pattern,
			(char *)buf, (size_t)off);
		abort();
	}
	rx_code *c = calloc(1, sizeof(*c));
	if (!c)
		ip_out_of_memory();
	uint32_t groups = 0;
	pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
	c->interp = code;
	c->pairs = groups + 1 < IP_RX_MAX_GROUPS ? groups + 1 : IP_RX_MAX_GROUPS;
	return c;
}

/* Every built-in pattern compiled so far, for the test that runs each one
 * against worst-case lines (tests/test_rx_linear.c). Appended once per
 * pattern, under a lock: at most a few dozen times a process. */
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static ip_rx **seen;
static size_t n_seen, cap_seen;

static void remember(ip_rx *rx)
{
	pthread_mutex_lock(&seen_lock);
	if (n_seen == cap_seen) {
		size_t cap = cap_seen ? 2 * cap_seen : 64;
		ip_rx **v = realloc(seen, cap * sizeof(*v));
		if (!v)
			ip_out_of_memory();
		seen = v;
		cap_seen = cap;
	}
	seen[n_seen++] = rx;
	pthread_mutex_unlock(&seen_lock);
}

size_t ip_rx_compiled(ip_rx **out, size_t max)
{
	pthread_mutex_lock(&seen_lock);
	size_t n = n_seen;
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = seen[i];
	pthread_mutex_unlock(&seen_lock);
	return n;
}

/* rx's compiled form, compiling it on its first run. Two threads may both
 * compile a pattern the first time; the first to publish wins and the other
 * frees its copy, so no lock is held and no compilation leaks. */
static rx_code *compiled(ip_rx *rx)
{
	void *c = atomic_load_explicit(&rx->code, memory_order_acquire);
	if (c)
		return c;
	rx_code *mine = compile_one(rx);
	if (atomic_compare_exchange_strong_explicit(&rx->code, &c, mine, memory_order_acq_rel,
						    memory_order_acquire)) {
		remember(rx);
		return mine;
	}
	pcre2_code_free(mine->interp);
	free(mine);
	return c;
}

/* The code to run a pattern with: its JIT copy once one exists. The run
 * that makes the count reach IP_RX_JIT_AFTER (one thread, whatever the
 * others do) compiles the copy; the others go on interpreting until it is
 * published. The interpreter's code never changes under a matcher. */
static const pcre2_code *code_for(rx_code *c)
{
	pcre2_code *jit = atomic_load_explicit(&c->jit, memory_order_acquire);
	if (jit)
		return jit;
	if (atomic_fetch_add_explicit(&c->runs, 1, memory_order_relaxed) + 1 == IP_RX_JIT_AFTER &&
	    !under_memcheck()) {
		pcre2_code *copy = pcre2_code_copy(c->interp);
		if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0) {
			atomic_store_explicit(&c->jit, copy, memory_order_release);
			return copy;
		}
		pcre2_code_free(copy); /* no JIT here: the interpreter it stays */
	}
	return c->interp;
}

static pcre2_match_data *thread_match_data(void)
{
	if (!match_data) {
		match_data = pcre2_match_data_create(IP_RX_MAX_GROUPS, NULL);
		if (!match_data)
			ip_out_of_memory();
	}
	return match_data;
}

bool ip_rx_exec(ip_rx *rx, const char *s, size_t len, ip_rx_match *m)
{
	rx_code *c = compiled(rx);
	const pcre2_code *code = code_for(c);
	pcre2_match_data *md = thread_match_data();
	/* JIT code straight to its matcher: pcre2_match's checks of the
	 * arguments are ours to keep, and cost more than a short match */
	int rc = code == c->interp
		? pcre2_match(code, (PCRE2_SPTR)s, len, 0, 0, md, NULL)
		: pcre2_jit_match(code, (PCRE2_SPTR)s, len, 0, 0, md, NULL);
	if (rc <= 0) {
		if (m)
			m->n = 0;
		return false;
	}
	if (m) {
		/* the pattern's own groups: PCRE2 leaves the pairs past them as
		 * an earlier match of another pattern left them */
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		m->n = (int)c->pairs;
		for (uint32_t i = 0; i < c->pairs; i++) {
			m->start[i] = ov[2 * i] == PCRE2_UNSET ? (size_t)-1 : ov[2 * i];
			m->end[i] = ov[2 * i + 1] == PCRE2_UNSET ? (size_t)-1 : ov[2 * i + 1];
		}
	}
	return true;
}

void ip_rx_thread_end(void)
{
	pcre2_match_data_free(match_data);
	match_data = NULL;
}
