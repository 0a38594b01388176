/* Where a fact came from.
 *
 * Every fact iosplan extracts carries the span of text it was read from, so
 * that every finding can point at a line of the user's file.
 *
 * Units, fixed once for the whole program:
 *   - lines count from 1;
 *   - columns count from 1, in BYTES of the raw file line, a tab is one
 *     column (the LSP layer converts to UTF-16);
 *   - end_col is exclusive: the span covers [col, end_col).
 * A span with line == 0 means "no position" (a fact from the command line). */
#ifndef IOSPLAN_SPAN_H
#define IOSPLAN_SPAN_H

#include <stdint.h>

typedef struct ip_span {
	const char *file; /* interned path, owned by the capture set; may be NULL */
	uint32_t line;
	uint32_t col;
	uint32_t end_line;
	uint32_t end_col;
} ip_span;

static inline int ip_span_known(ip_span s) { return s.line != 0; }

#endif
