/* Thin wrapper over PCRE2 with JIT.
 *
 * Parsers keep their patterns in static tables of ip_rx and compile them
 * once per process with IP_RX_ONCE(); matching uses a per-thread match data
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
#include <threads.h>

#define IP_RX_MAX_GROUPS 16

#define IP_RX_JIT_AFTER 64

typedef struct ip_rx {
	const char *pattern;
	unsigned flags; /* IP_RX_CASELESS */
	void *code;     /* the compiled pattern and its run count (rx.c), filled
			 * by ip_rx_compile_all() */
} ip_rx;

enum { IP_RX_CASELESS = 1u };

typedef struct ip_rx_match {
	int n; /* number of groups set, including group 0 */
	size_t start[IP_RX_MAX_GROUPS];
	size_t end[IP_RX_MAX_GROUPS]; /* start == end == SIZE_MAX: unset */
} ip_rx_match;

void ip_rx_compile_all(ip_rx *table, size_t n);

/* Compile `table` (an array) the first time this line runs, on any thread. */
#define IP_RX_ONCE(table)                                                     \
	do {                                                                  \
		static once_flag ip_rx_once_ = ONCE_FLAG_INIT;                \
		call_once(&ip_rx_once_, table##_init);                        \
	} while (0)
#define IP_RX_TABLE_INIT(table)                                               \
	static void table##_init(void)                                        \
	{                                                                     \
		ip_rx_compile_all(table, sizeof(table) / sizeof(table[0]));   \
	}

/* Match s[0..len) against rx; anchoring is up to the pattern. */
bool ip_rx_exec(const ip_rx *rx, const char *s, size_t len, ip_rx_match *m);

static inline bool ip_rx_group_set(const ip_rx_match *m, int g)
{
	return g < m->n && m->start[g] != (size_t)-1;
}
static inline size_t ip_rx_group_len(const ip_rx_match *m, int g)
{
	return ip_rx_group_set(m, g) ? m->end[g] - m->start[g] : 0;
}

/* Compile a user-supplied pattern (an IOS `| include` filter). Returns NULL
 * if it does not compile. Free with ip_rx_free_dynamic(). */
void *ip_rx_compile_dynamic(const char *pattern, bool caseless);
bool ip_rx_exec_dynamic(void *code, const char *s, size_t len);
void ip_rx_free_dynamic(void *code);

/* Free this thread's match data; call before a worker thread ends. */
void ip_rx_thread_end(void);

#endif
