/* Thin wrapper over PCRE2 with JIT.
 *
 * Parsers keep their patterns in static tables of ip_rx. Each pattern is
 * compiled the first time it runs, on whichever thread runs it: a one-device
 * `plan` touches a third of the patterns, and compiling all of them up front
 * cost it more than its whole parse. Matching uses a per-thread match data
 * block, so parsers may run on several threads at once. A pattern that does
 * not compile is a programming error and aborts.
 *
 * A pattern runs in PCRE2's interpreter until it has run IP_RX_JIT_AFTER
 * times, then as machine code: JIT-compiling costs ~100 000 instructions a
 * pattern, more than a one-device `plan` spends matching with all of them,
 * while a fleet's patterns run millions of times and pay it back at once. */
#ifndef IOSPLAN_RX_H
#define IOSPLAN_RX_H

#include <stdbool.h>
#include <stddef.h>

#define IP_RX_MAX_GROUPS 16

#define IP_RX_JIT_AFTER 64

typedef struct ip_rx {
	const char *pattern;
	unsigned flags; /* IP_RX_CASELESS */
	_Atomic(void *) code; /* the compiled pattern and its run count
			       * (rx.c); NULL until the pattern first runs */
} ip_rx;

enum { IP_RX_CASELESS = 1u };

typedef struct ip_rx_match {
	int n; /* number of groups set, including group 0 */
	size_t start[IP_RX_MAX_GROUPS];
	size_t end[IP_RX_MAX_GROUPS]; /* start == end == SIZE_MAX: unset */
} ip_rx_match;

/* Match s[0..len) against rx; anchoring is up to the pattern. */
bool ip_rx_exec(ip_rx *rx, const char *s, size_t len, ip_rx_match *m);

static inline bool ip_rx_group_set(const ip_rx_match *m, int g)
{
	return g < m->n && m->start[g] != (size_t)-1;
}
static inline size_t ip_rx_group_len(const ip_rx_match *m, int g)
{
	return ip_rx_group_set(m, g) ? m->end[g] - m->start[g] : 0;
}


/* The built-in patterns compiled so far in this process (each has run at
 * least once): up to max of them into out; returns how many there are.
 * For tests that check every pattern's cost on hostile lines. */
size_t ip_rx_compiled(ip_rx **out, size_t max);

/* Free this thread's match data; call before a worker thread ends. */
void ip_rx_thread_end(void);

#endif
