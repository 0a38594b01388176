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
	f->repair = IP_REPAIR_UNDECLARED;
	f->device = device;
}

/* --- subjects ------------------------------------------------------------- */

ip_subject ip_subj_device(void)
{
	return (ip_subject){ .kind = IP_SUBJ_DEVICE };
}

/* Which of dev's lists l is, by address: rules hold pointers into dev. */
static ip_subject list_of(const ip_device *dev, const ip_boot_list *l)
{
	ip_subject s = { .kind = IP_SUBJ_BOOT_LIST };
	if (l == &dev->boot_running)
		s.list = IP_LIST_RUNNING;
	else if (l == &dev->boot_startup)
		s.list = IP_LIST_STARTUP;
	else if (l == &dev->boot_config)
		s.list = IP_LIST_CONFIG;
	else if (l == &dev->bootvar)
		s.list = IP_LIST_BOOTVAR;
	else if (l == &dev->bootvar_current)
		s.list = IP_LIST_BOOTVAR_CURRENT;
	for (size_t i = 0; !s.list && i < dev->n_members; i++)
		if (l == &dev->members[i].bootvar) {
			s.list = IP_LIST_MEMBER_BOOTVAR;
			s.member = dev->members[i].number;
		}
	return s;
}

ip_subject ip_subj_list(const ip_device *dev, const ip_boot_list *l)
{
	return list_of(dev, l);
}

/* Whether e is one of l's entries (an empty list may have no array at
 * all: NULL + 0 is undefined, clang's UBSan says so). */
static bool holds(const ip_boot_list *l, const ip_boot_entry *e)
{
	return l->n && e >= l->v && e < l->v + l->n;
}

/* The list of dev that holds e, or NULL. */
static const ip_boot_list *holder(const ip_device *dev, const ip_boot_entry *e)
{
	const ip_boot_list *l[] = { &dev->boot_running, &dev->boot_startup, &dev->boot_config,
				    &dev->bootvar, &dev->bootvar_current };
	for (size_t i = 0; i < sizeof(l) / sizeof(l[0]); i++)
		if (holds(l[i], e))
			return l[i];
	for (size_t i = 0; i < dev->n_members; i++)
		if (holds(&dev->members[i].bootvar, e))
			return &dev->members[i].bootvar;
	return NULL;
}

ip_subject ip_subj_entry(const ip_device *dev, const ip_boot_list *l, const ip_boot_entry *e)
{
	if (!l)
		l = holder(dev, e);
	if (!l)
		return (ip_subject){ .kind = IP_SUBJ_BOOT_ENTRY };
	ip_subject s = list_of(dev, l);
	s.kind = IP_SUBJ_BOOT_ENTRY;
	if (e >= l->v && e < l->v + l->n)
		s.index = (size_t)(e - l->v);
	return s;
}

ip_subject ip_subj_file(const char *filesystem, const char *name)
{
	return (ip_subject){ .kind = IP_SUBJ_FILE, .filesystem = filesystem, .name = name };
}

ip_subject ip_subj_fs(const char *filesystem, int member)
{
	return (ip_subject){ .kind = IP_SUBJ_FILESYSTEM, .filesystem = filesystem,
			     .member = member };
}

ip_subject ip_subj_member(int member)
{
	return (ip_subject){ .kind = IP_SUBJ_MEMBER, .member = member };
}

ip_subject ip_subj_register(void)
{
	return (ip_subject){ .kind = IP_SUBJ_REGISTER };
}

ip_subject ip_subj_transfer(void)
{
	return (ip_subject){ .kind = IP_SUBJ_TRANSFER };
}

ip_subject ip_subj_target(void)
{
	return (ip_subject){ .kind = IP_SUBJ_TARGET };
}

ip_subject ip_subj_rommon(void)
{
	return (ip_subject){ .kind = IP_SUBJ_ROMMON };
}

const char *ip_subject_kind_name(ip_subject_kind k)
{
	static const char *const n[IP_SUBJ__COUNT] = {
		"unset", "device", "boot-entry", "boot-list", "file", "filesystem",
		"member", "register", "transfer", "target", "rommon",
	};
	return k < IP_SUBJ__COUNT ? n[k] : "unset";
}

const char *ip_repair_name(ip_repair r)
{
	static const char *const n[IP_REPAIR__COUNT] = {
		"undeclared", "none", "boot-list", "register",
		"room",       "method", "stack",   "transfer",
		"recopy",     "settle", "rommon",
	};
	return r < IP_REPAIR__COUNT ? n[r] : "undeclared";
}

static ip_finding *add(ip_findings *out, ip_subject subject, ip_span span, bool weak,
		       const char *fmt, va_list ap)
{
	char *message = ip_arena_vprintf(out->arena, fmt, ap);
	ip_finding *f = IP_PUSH(out->arena, out->v, out->n, out->cap);
	f->rule_id = out->rule_id;
	f->severity = out->severity;
	f->repair = out->repair;
	f->subject = subject;
	if (weak && f->severity > IP_SEV_NOTE)
		f->severity--;
	f->weak = weak;
	f->device = out->device;
	f->message = message;
	f->span = span;
	return f;
}

ip_finding *ip_report(ip_findings *out, ip_subject subject, ip_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_finding *f = add(out, subject, span, false, fmt, ap);
	va_end(ap);
	return f;
}

ip_finding *ip_report_weak(ip_findings *out, ip_subject subject, ip_span span,
			   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_finding *f = add(out, subject, span, true, fmt, ap);
	va_end(ap);
	return f;
}

ip_finding *ip_report_unknown(ip_findings *out, ip_subject subject, ip_span span,
			      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_finding *f = add(out, subject, span, true, fmt, ap);
	va_end(ap);
	if (f->severity > IP_SEV_NOTE)
		f->severity = IP_SEV_NOTE;
	return f;
}

void ip_finding_related(ip_findings *out, ip_finding *f, ip_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = ip_arena_vprintf(out->arena, fmt, ap);
	va_end(ap);
	ip_related *r = IP_PUSH(out->arena, f->related, f->n_related, f->cap_related);
	r->span = span;
	r->message = message;
}

void ip_finding_fix(ip_findings *out, ip_finding *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *command = ip_arena_vprintf(out->arena, fmt, ap);
	va_end(ap);
	const char **slot = IP_PUSH(out->arena, f->fix, f->n_fix, f->cap_fix);
	*slot = command;
}

void ip_finding_capture(ip_findings *out, ip_finding *f, const char *command)
{
	f->capture = ip_arena_strdup(out->arena, command);
}
