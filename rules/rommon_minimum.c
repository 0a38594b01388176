/* rommon-minimum: the target release needs a ROMMON the device does not
 * have. The catalogue says what the release needs (min_rommon, issue 22);
 * the device says what it runs, from the first capture that shows it
 * (model/rommon.h):
 *
 *   ASR1001-X#show rom-monitor r0
 *   System Bootstrap, Version 15.4(3r)S5, RELEASE SOFTWARE   <- the device
 *   images.yaml:  min_rommon: "16.9(1r)"                      <- the release
 *
 * A ROMMON below the release's minimum may not boot it (ISR 4000 3.x ->
 * 16.x: the ROMMON goes first, notes/research22.md §2): an error naming
 * both versions. When no capture shows the version (show version's "ROM:
 * IOS-XE ROMMON"), one level lower, naming the capture that would; when
 * the two versions have forms that cannot be ordered (ip_rommon_cmp), one
 * level lower too, rather than a guess. Without a catalogued ROMMON
 * package (rommon_image) the message says so: that is what a plan would
 * need to do the ROMMON step itself: with it, the plan upgrades the ROMMON
 * before its reload (IP_REPAIR_ROMMON, planner/plan_rommon.c). */
#include <stdio.h>

#include "rommon.h"
#include "rule.h"

static const char *where(const ip_rommon_answer *a, char *buf, size_t n)
{
	if (a->slot)
		snprintf(buf, n, "%s %s", a->from, a->slot);
	else
		snprintf(buf, n, "%s", a->from);
	return buf;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	const ip_rommon_min *m = t ? ip_release_min_rommon(t->facts, ctx->dev, ctx->platform) : NULL;
	if (!m)
		return;
	const char *src = ip_release_fact_source(t->facts, IP_FACT_MIN_ROMMON);
	ip_rommon_answer a = ip_device_rommon(ctx->dev);
	ip_finding *f;
	char buf[64];
	if (!a.version) {
		f = ip_report_weak(out, ip_subj_device(), m->version.span,
				   "%s needs ROMMON %s or later (catalogue, %s), and no capture shows "
				   "this device's ROMMON version: capture '%s'", t->name,
				   m->version.text, src, a.missing);
		ip_finding_capture(out, f, a.missing);
		return;
	}
	ip_rommon_order o = ip_rommon_cmp(a.version->s, m->version.text);
	if (o == IP_ROM_INCOMPARABLE)
		f = ip_report_weak(out, ip_subj_device(), a.version->span,
				   "ROMMON %s (%s) and %s, the minimum of %s (catalogue, %s), cannot "
				   "be ordered: check the release notes' ROMMON table", a.version->s,
				   where(&a, buf, sizeof(buf)), m->version.text, t->name, src);
	else if (o == IP_ROM_OLDER)
		/* the one finding the plan's ROMMON steps repair (IP_REPAIR_ROMMON):
		 * its subject is the ROM monitor; the weak ones above stay about
		 * the device, which no ROMMON step settles */
		f = ip_report(out, ip_subj_rommon(), a.version->span,
			      "ROMMON %s (%s) is below %s, the minimum of %s (catalogue, %s): "
			      "upgrade the ROMMON before the reload%s", a.version->s,
			      where(&a, buf, sizeof(buf)), m->version.text, t->name, src,
			      t->facts->rommon_image.name.text ? ""
			      : "; the catalogue names no ROMMON package for it (rommon_image: "
				"name, size, md5), so no plan can do it");
	else
		return;
	ip_finding_related(out, f, m->version.span, "the catalogue's min_rommon %s", m->version.text);
}

const ip_rule rule_rommon_minimum = { "rommon-minimum", IP_SEV_ERROR, check, IP_REPAIR_ROMMON };
