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
#include <stdio.h>

#include "rommon.h"
#include "rule.h"

static bool at_or_above(const char *a, const char *b)
{
	ip_rommon_order o = ip_rommon_cmp(a, b);
	return o == IP_ROM_SAME || o == IP_ROM_NEWER;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	const ip_release_facts *r = t ? t->facts : NULL;
	const ip_rommon_min *m = r ? ip_release_min_rommon(r, ctx->dev, ctx->platform) : NULL;
	if (!m || !r->n_one_way)
		return;
	const char *src = ip_release_fact_source(r, IP_FACT_ROMMON_ONE_WAY);
	ip_rommon_answer a = ip_device_rommon(ctx->dev);
	for (size_t i = 0; i < r->n_one_way; i++) {
		const ip_fact_text *v = &r->rommon_one_way[i];
		if (!at_or_above(m->version.text, v->text))
			continue;
		ip_finding *f;
		if (!a.version) {
			f = ip_report_weak(out, ip_subj_device(), v->span,
					   "%s needs ROMMON %s, at or above %s, which cannot be "
					   "downgraded (catalogue, %s): if the ROMMON is below %s now, "
					   "the way back below it closes; capture '%s'", t->name,
					   m->version.text, v->text, src, v->text, a.missing);
			ip_finding_capture(out, f, a.missing);
			return;
		}
		if (ip_rommon_cmp(a.version->s, v->text) != IP_ROM_OLDER)
			continue;
		f = ip_report(out, ip_subj_device(), a.version->span,
			      "the ROMMON goes from %s to %s or later for %s, past %s, which "
			      "cannot be downgraded (catalogue, %s): the way back below %s is "
			      "closed, whatever release runs later", a.version->s, m->version.text,
			      t->name, v->text, src, v->text);
		ip_finding_related(out, f, v->span, "the catalogue's one-way ROMMON %s", v->text);
		return;
	}
}

const ip_rule rule_rommon_one_way = { "rommon-one-way", IP_SEV_WARNING, check, IP_REPAIR_NONE };
