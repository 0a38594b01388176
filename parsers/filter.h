/* The regular expressions of a capture's `| include` filters, compiled once
 * per file and matched under a budget (issue 18, point 10a).
 *
 * A filter's pattern is input: compiled and run with PCRE2's defaults, a
 * catastrophic one cost ~0.2 s for each section that repeated it, and a
 * 3 MB file of such sections kept lint, plan and the language server busy
 * for hours. So, per file:
 *   - each distinct pattern is compiled once, when the file is cut into
 *     sections (one thread per file), into the file's arena;
 *   - at most IP_FILTER_MAX_PATTERNS distinct patterns are compiled; a
 *     later one is not applied, with a warning there and then;
 *   - each match runs under IP_RX_INPUT_* limits (rx.h), and its answer
 *     for a probe is kept, so one pattern costs at most its probes times
 *     the match limit however many sections repeat it. Answers do not
 *     depend on the order of the matches, so they are the same on any
 *     number of threads.
 * A pattern that exceeds the limits is not applied: the section is taken
 * as one that may hide what was asked about, and ip_filters_report() warns
 * "filter not applied: too costly" at the filter, once per pattern. */
#ifndef IOSPLAN_FILTER_H
#define IOSPLAN_FILTER_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "span.h"

#define IP_FILTER_MAX_PATTERNS 64u

typedef struct ip_filter_set ip_filter_set;

/* A file's set, in its arena. */
ip_filter_set *ip_filter_set_new(ip_arena *a);

/* Compile pattern[0..len) into the set unless it is there; `at` is the
 * filter's place, for the warnings. Past IP_FILTER_MAX_PATTERNS it is not
 * compiled and a warning goes to d. */
void ip_filter_set_add(ip_filter_set *set, ip_arena *a, const char *pattern, size_t len,
		       ip_span at, ip_diags *d);

/* Whether pattern matches probe (a string literal: its answer is kept):
 * 1 yes, 0 no, -1 not applied (too costly, or the budget was spent),
 * -2 it does not compile. With no set (a section made by hand), the
 * pattern is compiled for this call, under the same limits. Safe from
 * several threads at once. */
int ip_filter_match(ip_filter_set *set, const char *pattern, size_t len, const char *probe);

/* Warn once for each pattern of the set found too costly so far. Call on
 * one thread, after parsing. */
void ip_filters_report(ip_filter_set *set, ip_diags *d);

#endif
