/* Diagnostics about the input itself (not about the device): a truncated
 * listing, a line a parser expected to understand but could not, a capture
 * that is not device output at all. An IP_DIAG_ERROR makes the input
 * unusable and the CLI exits 2; warnings are printed and parsing goes on. */
#ifndef IOSPLAN_DIAG_H
#define IOSPLAN_DIAG_H

#include <stddef.h>

#include "arena.h"
#include "span.h"

typedef enum ip_diag_level {
	IP_DIAG_NOTE,
	IP_DIAG_WARNING,
	IP_DIAG_ERROR,
} ip_diag_level;

/* What a diagnostic is about, for a reader that treats some apart (the
 * audit reports the backups' disagreements as findings of their own): it
 * decides by this, not by the message text. */
typedef enum ip_diag_kind {
	IP_DIAG_INPUT = 0,   /* the input itself */
	IP_DIAG_CONFLICT,    /* two files of one device disagree (merge.h) */
} ip_diag_kind;

typedef struct ip_diag {
	ip_diag_level level;
	ip_diag_kind kind;
	ip_span span;
	const char *message; /* arena-owned */
} ip_diag;

typedef struct ip_diags {
	ip_arena *arena;
	ip_diag *v;
	size_t n, cap;
} ip_diags;

/* Returns the diagnostic added (kind IP_DIAG_INPUT). */
ip_diag *ip_diag_add(ip_diags *d, ip_diag_level level, ip_span span,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
size_t ip_diags_count(const ip_diags *d, ip_diag_level level);
const char *ip_diag_level_name(ip_diag_level level);

#endif
