#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ip_findings_init(ip_findings *f, ip_arena *a)
{
	memset(f, 0, sizeof(*f));
	f->arena = a;
}

void ip_findings_begin_rule(ip_findings *f, const char *rule_id,
			    ip_severity severity, const char *device)
{
	f->rule_id = rule_id;
	f->severity = severity;
	f->device = device;
}

static ip_finding *add(ip_findings *out, ip_span span, bool weak, const char *fmt, va_list ap)
{
	char buf[1024];
	vsnprintf(buf, sizeof(buf), fmt, ap);
	ip_finding *f = IP_PUSH(out->arena, out->v, out->n, out->cap);
	f->rule_id = out->rule_id;
	f->severity = out->severity;
	if (weak && f->severity > IP_SEV_NOTE)
		f->severity--;
	f->weak = weak;
	f->device = out->device;
	f->message = ip_arena_strdup(out->arena, buf);
	f->span = span;
	return f;
}

ip_finding *ip_report(ip_findings *out, ip_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_finding *f = add(out, span, false, fmt, ap);
	va_end(ap);
	return f;
}

ip_finding *ip_report_weak(ip_findings *out, ip_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_finding *f = add(out, span, true, fmt, ap);
	va_end(ap);
	return f;
}

void ip_finding_related(ip_findings *out, ip_finding *f, ip_span span, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ip_related *r = IP_PUSH(out->arena, f->related, f->n_related, f->cap_related);
	r->span = span;
	r->message = ip_arena_strdup(out->arena, buf);
}

void ip_finding_fix(ip_findings *out, ip_finding *f, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	const char **slot = IP_PUSH(out->arena, f->fix, f->n_fix, f->cap_fix);
	*slot = ip_arena_strdup(out->arena, buf);
}

void ip_finding_capture(ip_findings *out, ip_finding *f, const char *command)
{
	f->capture = ip_arena_strdup(out->arena, command);
}
