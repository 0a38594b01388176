/* license-change: the licensing changes at the reload (issue 22). Two
 * cases:
 *
 * 1. The target crosses the catalogue's license_model boundary: the
 *    running release is older than `since`, the target at or after it.
 *    Smart Licensing Using Policy starts at 17.3.2 ("Migrating to Smart
 *    Licensing Using Policy", routers:
 *    https://cisco.com/c/en/us/td/docs/routers/sl_using_policy/b-sl-using-policy/m-migrating-to-sl-using-policy.html,
 *    Catalyst 9000: .../catalyst_9000/b_smart-licensing-using-policy-cat9k-switches/cat9k-migrating-to-smart-licensing-using-policy.html):
 *    licences in use stay available, but reporting and the way back
 *    change (a downgrade to a release without it may need the product
 *    registered again: Cat9400 17.4 system management guide).
 * 2. show version's next-reload level differs from the current one:
 *
 *      License Level: ipservices
 *      Next reload license Level: ipbase              <- differs
 *
 * A warning with what to prepare; nothing here blocks the plan. */
#include "release_back.h"
#include "rule.h"

static void model(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	/* one decision with the plan's way back (release_back.h) */
	if (!ip_release_license_crossing(t, ctx->dev))
		return;
	const ip_release_facts *r = t->facts;
	const ip_text *at = ip_release_running(ctx->dev, t);
	ip_finding *f = ip_report(out, ip_subj_target(), at->span,
				  "%s brings %s, from %s (catalogue, %s): the running %s has the "
				  "earlier licensing; before the reload save 'show license all' and "
				  "plan how usage will be reported, and know that going back below %s "
				  "may need the product registered again", t->name,
				  r->license_model.text, r->license_since.text,
				  ip_release_fact_source(r, IP_FACT_LICENSE_MODEL), at->s,
				  r->license_since.text);
	ip_finding_related(out, f, r->license_model.span, "the catalogue's license_model");
}

static void level(ip_findings *out, const ip_device *d)
{
	const ip_license *l = ip_license_level_change(d);
	if (!l)
		return;
	ip_finding *f = ip_report(out, ip_subj_device(), l->next_level.span,
				  "the license level changes at the reload, from %s to %s: check "
				  "that the features the configuration uses are in %s, or change "
				  "the 'license boot' configuration before the reload", l->level.s,
				  l->next_level.s, l->next_level.s);
	ip_finding_related(out, f, l->level.span, "the level now");
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	model(ctx, out);
	level(out, ctx->dev);
}

const ip_rule rule_license_change = { "license-change", IP_SEV_WARNING, check, IP_REPAIR_NONE };
