#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

void ip_check_config_defaults(ip_check_config *c)
{
	memset(c, 0, sizeof(*c));
	c->opts.flash_margin_bytes = 1024 * 1024;
	c->opts.flash_margin_percent = 5;
	c->opts.tftp_limit_bytes = 65535ull * 512;
	c->opts.install_expand_percent = 100;
	for (size_t i = 0; i < ip_rules_count && i < IP_RULES_MAX; i++)
		c->severity[i] = ip_rules[i]->default_severity;
}

static int span_cmp(ip_span a, ip_span b)
{
	int f = strcmp(a.file ? a.file : "", b.file ? b.file : "");
	if (f)
		return f;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	if (a.col != b.col)
		return a.col < b.col ? -1 : 1;
	return 0;
}

static int finding_cmp(const void *pa, const void *pb)
{
	const ip_finding *a = pa, *b = pb;
	int c = span_cmp(a->span, b->span);
	return c ? c : strcmp(a->rule_id, b->rule_id);
}

/* A model the platform table does not know has its family guessed from a
 * weaker fact (the running image's name, the software, a filesystem:
 * platform.h). The boot rules and the register rules judge by the family's
 * boot behaviour and register values, so each of their findings says the
 * family was guessed and points at what it was guessed from (issue 23), as
 * the fact sheet and the boot trace do. Chosen by the repair the rule
 * declares (boot list, register), never by its id. */
static void guessed_family(ip_findings *f, const ip_platform *p, const ip_device *dev)
{
	if (!p->guessed)
		return;
	for (size_t i = 0; i < f->n; i++) {
		ip_finding *x = &f->v[i];
		if (x->repair != IP_REPAIR_BOOT_LIST && x->repair != IP_REPAIR_REGISTER)
			continue;
		ip_finding_related(f, x, p->evidence, "this rests on the %s family, guessed from %s: "
				   "%.100s is not in iosplan's platform table",
				   ip_family_name(p->family), p->guess_basis ? p->guess_basis : "a weaker fact",
				   dev->platform.s ? dev->platform.s : "the model");
	}
}

void ip_check_device(ip_device_check *out, ip_arena *a, const ip_device *dev,
		     const ip_target *target, const ip_check_config *config)
{
	memset(out, 0, sizeof(*out));
	out->dev = dev;
	out->target = target;
	ip_platform_classify(&out->platform, dev);
	ip_boot_predict(&out->next_boot, a, dev);
	ip_findings f;
	ip_findings_init(&f, a);
	ip_rule_ctx ctx = { dev, &out->platform, &out->next_boot, target, &config->opts, a };
	for (size_t i = 0; i < ip_rules_count && i < IP_RULES_MAX; i++) {
		if (config->severity[i] == IP_SEV_NONE)
			continue;
		if (config->only && strcmp(config->only, ip_rules[i]->id) != 0)
			continue;
		ip_findings_begin_rule(&f, ip_rules[i]->id, config->severity[i], ip_device_name(dev));
		f.repair = ip_rules[i]->repair;
		ip_rules[i]->check(&ctx, &f);
	}
	guessed_family(&f, &out->platform, dev);
	if (f.n > 1)
		qsort(f.v, f.n, sizeof(*f.v), finding_cmp);
	out->findings = f.v;
	out->n_findings = f.n;
}

ip_severity ip_device_check_worst(const ip_device_check *c)
{
	ip_severity w = IP_SEV_NONE;
	for (size_t i = 0; i < c->n_findings; i++)
		if (c->findings[i].severity > w)
			w = c->findings[i].severity;
	return w;
}

const char *ip_severity_name(ip_severity s)
{
	switch (s) {
	case IP_SEV_ERROR: return "error";
	case IP_SEV_WARNING: return "warning";
	case IP_SEV_NOTE: return "note";
	case IP_SEV_NONE: break;
	}
	return "off";
}

bool ip_severity_parse(const char *s, ip_severity *out)
{
	static const struct { const char *name; ip_severity sev; } names[] = {
		{ "error", IP_SEV_ERROR }, { "warning", IP_SEV_WARNING },
		{ "note", IP_SEV_NOTE }, { "off", IP_SEV_NONE },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].sev;
			return true;
		}
	return false;
}
