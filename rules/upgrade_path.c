/* upgrade-path: the target cannot be reached from the running release in
 * one step. The catalogue lists the releases it is reached from directly
 * (upgrade_from, patterns with '*') and the intermediate release
 * otherwise (via; issue 22):
 *
 *   Cisco IOS XE Software, Version 03.07.04E                <- running
 *   images.yaml:  upgrade_from: ["3.6.*E", "16.*"]  via: 3.6.8E
 *
 * A release is matched by its canonical form (ip_version_normalise:
 * "3.7.4E", "16.9.4", "15.2(7)E8") and as printed ("03.07.04E"), letter
 * case ignored. The running release is the IOS-XE version where there is
 * one, else show version's Version token. Unknown: one level lower. */
#include <fnmatch.h>
#include <string.h>

#include "rule.h"

static const ip_text *running(const ip_device *d, const ip_target *t)
{
	if (d->xe_version.s && (!t->parsed || t->image.is_xe))
		return &d->xe_version;
	return d->version.s ? &d->version : NULL;
}

static bool matches(const ip_release_facts *r, const char *raw, const char *norm)
{
	for (size_t i = 0; i < r->n_upgrade_from; i++) {
		const char *p = r->upgrade_from[i].text;
		if (fnmatch(p, raw, FNM_CASEFOLD) == 0 || (*norm && fnmatch(p, norm, FNM_CASEFOLD) == 0))
			return true;
	}
	return false;
}

static const char *listed(const ip_rule_ctx *ctx, const ip_release_facts *r)
{
	const char *s = "";
	for (size_t i = 0; i < r->n_upgrade_from; i++)
		s = ip_arena_printf(ctx->arena, "%s%s%s", s, i ? ", " : "", r->upgrade_from[i].text);
	return s;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	const ip_release_facts *r = t ? t->facts : NULL;
	if (!r || !r->n_upgrade_from)
		return;
	const char *src = ip_release_fact_source(r, IP_FACT_UPGRADE_FROM);
	const ip_text *rt = running(ctx->dev, t);
	if (!rt) {
		ip_finding *f = ip_report_weak(out, ip_subj_target(), r->upgrade_from[0].span,
					       "%s is reached directly only from %s (catalogue, %s), "
					       "and no capture shows the running release", t->name,
					       listed(ctx, r), src);
		ip_finding_capture(out, f, "show version");
		return;
	}
	ip_version v;
	char norm[IP_VERSION_TEXT_SIZE] = "";
	if (ip_version_parse(&v, rt->s, strlen(rt->s)))
		ip_version_normalise(&v, norm, sizeof(norm));
	if (matches(r, rt->s, norm))
		return;
	ip_finding *f;
	if (r->via.text)
		f = ip_report(out, ip_subj_target(), rt->span,
			      "no direct path from %s to %s: it is reached from %s (catalogue, %s); "
			      "upgrade to %s first (catalogue, %s)", *norm ? norm : rt->s, t->name,
			      listed(ctx, r), src, r->via.text, ip_release_fact_source(r, IP_FACT_VIA));
	else
		f = ip_report(out, ip_subj_target(), rt->span,
			      "no direct path from %s to %s: it is reached from %s (catalogue, %s), "
			      "and the catalogue names no intermediate release ('via')",
			      *norm ? norm : rt->s, t->name, listed(ctx, r), src);
	ip_finding_related(out, f, r->upgrade_from[0].span, "the catalogue's upgrade_from");
	if (r->via.text)
		ip_finding_related(out, f, r->via.span, "the intermediate release %s", r->via.text);
}

const ip_rule rule_upgrade_path = { "upgrade-path", IP_SEV_ERROR, check, IP_REPAIR_NONE };
