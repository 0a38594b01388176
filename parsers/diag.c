#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

ip_diag *ip_diag_add(ip_diags *d, ip_diag_level level, ip_span span,
		     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = ip_arena_vprintf(d->arena, fmt, ap);
	va_end(ap);
	ip_diag *x = IP_PUSH(d->arena, d->v, d->n, d->cap);
	x->level = level;
	x->span = span;
	x->kind = IP_DIAG_INPUT;
	x->message = message;
	return x;
}

size_t ip_diags_count(const ip_diags *d, ip_diag_level level)
{
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++)
		k += d->v[i].level == level;
	return k;
}

const char *ip_diag_level_name(ip_diag_level level)
{
	switch (level) {
	case IP_DIAG_ERROR: return "error";
	case IP_DIAG_WARNING: return "warning";
	case IP_DIAG_NOTE: break;
	}
	return "note";
}
