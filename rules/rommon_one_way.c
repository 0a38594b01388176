/* rommon-one-way: the ROMMON this change needs closes the way back. Some
 * ROMMON versions cannot be downgraded once installed (catalogue
 * rommon_one_way, issue 22):
 *
 *   ISR 4000: "the ROMMON cannot be downgraded to a release earlier than
 *   16.9(1r)" (Cisco, "Upgrading Field-Programmable Hardware Devices for
 *   Cisco 4000 Series ISRs", isr4400_hwfp.html; notes/research22.md §1)
 *
 *   PE-ASR1001X#show rom-monitor r0
 *   System Bootstrap, Version 15.4(3r)S5, RELEASE SOFTWARE    <- below it
 *   images.yaml:  min_rommon: 16.9(1r)  rommon_one_way: [16.9(1r)]
 *
 * When the device is below a one-way version and the target's minimum
 * ROMMON is at or above it, meeting the minimum crosses it: a warning that
 * the way back below that version is closed. Unknown device ROMMON: one
 * level lower, naming the capture. Versions that cannot be ordered are
 * left to rommon-minimum, which reports them. */
#include "release_back.h"
#include "rule.h"

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	/* one decision with the plan's way back (release_back.h) */
	ip_rommon_crossing c = ip_release_rommon_crossing(t, ctx->dev, ctx->platform);
	if (!c.one_way)
		return;
	const ip_release_facts *r = t->facts;
	const char *src = ip_release_fact_source(r, IP_FACT_ROMMON_ONE_WAY);
	const ip_fact_text *v = c.one_way;
	ip_finding *f;
	if (c.unknown) {
		f = ip_report_weak(out, ip_subj_device(), v->span,
				   "%s needs ROMMON %s, at or above %s, which cannot be "
				   "downgraded (catalogue, %s): if the ROMMON is below %s now, "
				   "the way back below it closes; capture '%s'", t->name,
				   c.min->version.text, v->text, src, v->text, c.now.missing);
		ip_finding_capture(out, f, c.now.missing);
		return;
	}
	f = ip_report(out, ip_subj_device(), c.now.version->span,
		      "the ROMMON goes from %s to %s or later for %s, past %s, which "
		      "cannot be downgraded (catalogue, %s): the way back below %s is "
		      "closed, whatever release runs later", c.now.version->s, c.min->version.text,
		      t->name, v->text, src, v->text);
	ip_finding_related(out, f, v->span, "the catalogue's one-way ROMMON %s", v->text);
}

const ip_rule rule_rommon_one_way = { "rommon-one-way", IP_SEV_WARNING, check, IP_REPAIR_NONE };
