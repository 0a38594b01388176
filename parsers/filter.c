#include "filter.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#include "rx.h"

#define PROBES_KEPT 8 /* answers kept per pattern; parsers ask a handful */

typedef struct kept {
	const char *probe;
	int answer;
} kept;

typedef struct pattern {
	const char *text;
	size_t len;
	void *code;       /* NULL: does not compile */
	ip_span at;       /* the first filter that uses it */
	atomic_bool costly;
	bool reported;
	kept answers[PROBES_KEPT];
	size_t n_answers;
} pattern;

struct ip_filter_set {
	pattern v[IP_FILTER_MAX_PATTERNS];
	size_t n;
	bool spent_warned;
	pthread_mutex_t lock; /* the kept answers */
};

ip_filter_set *ip_filter_set_new(ip_arena *a)
{
	ip_filter_set *set = ip_arena_alloc(a, sizeof(*set));
	pthread_mutex_init(&set->lock, NULL); /* never destroyed: it holds nothing */
	return set;
}

static pattern *find(ip_filter_set *set, const char *text, size_t len)
{
	for (size_t i = 0; set && i < set->n; i++)
		if (set->v[i].len == len && memcmp(set->v[i].text, text, len) == 0)
			return &set->v[i];
	return NULL;
}

void ip_filter_set_add(ip_filter_set *set, ip_arena *a, const char *text, size_t len,
		       ip_span at, ip_diags *d)
{
	if (find(set, text, len))
		return;
	if (set->n == IP_FILTER_MAX_PATTERNS) {
		if (!set->spent_warned)
			ip_diag_add(d, IP_DIAG_WARNING, at,
				    "filter not applied: too costly (this file has more than %u "
				    "different filter patterns; this one and later new ones are "
				    "not applied, so what they would hide is unknown)",
				    IP_FILTER_MAX_PATTERNS);
		set->spent_warned = true;
		return;
	}
	pattern *p = &set->v[set->n++];
	p->text = ip_arena_strndup(a, text, len);
	p->len = len;
	p->code = ip_rx_compile_in(a, p->text, len);
	p->at = at;
}

static int answer_kept(ip_filter_set *set, pattern *p, const char *probe)
{
	int answer = 2; /* none */
	pthread_mutex_lock(&set->lock);
	for (size_t i = 0; i < p->n_answers; i++)
		if (p->answers[i].probe == probe || strcmp(p->answers[i].probe, probe) == 0)
			answer = p->answers[i].answer;
	pthread_mutex_unlock(&set->lock);
	return answer;
}

static void answer_keep(ip_filter_set *set, pattern *p, const char *probe, int answer)
{
	pthread_mutex_lock(&set->lock);
	if (p->n_answers < PROBES_KEPT)
		p->answers[p->n_answers++] = (kept){ probe, answer };
	pthread_mutex_unlock(&set->lock);
}

int ip_filter_match(ip_filter_set *set, const char *text, size_t len, const char *probe)
{
	if (!set) {
		ip_arena *a = ip_arena_new();
		void *code = ip_rx_compile_in(a, text, len);
		int m = code ? ip_rx_exec_dynamic(code, probe, strlen(probe)) : -2;
		ip_arena_free(a);
		return m;
	}
	pattern *p = find(set, text, len);
	if (!p)
		return -1; /* past the budget: warned when the file was read */
	if (!p->code)
		return -2;
	int m = answer_kept(set, p, probe);
	if (m != 2)
		return m;
	m = ip_rx_exec_dynamic(p->code, probe, strlen(probe));
	if (m < 0)
		atomic_store(&p->costly, true);
	answer_keep(set, p, probe, m);
	return m;
}

void ip_filters_report(ip_filter_set *set, ip_diags *d)
{
	for (size_t i = 0; set && i < set->n; i++) {
		pattern *p = &set->v[i];
		if (p->reported || !atomic_load(&p->costly))
			continue;
		p->reported = true;
		ip_diag_add(d, IP_DIAG_WARNING, p->at,
			    "filter not applied: too costly (the pattern needs more than %u "
			    "matching steps on one line), so what it would hide is unknown",
			    IP_RX_INPUT_MATCH_LIMIT);
	}
}
