/* The plan's ROMMON steps (issue 22): when the target release needs a
 * newer ROM monitor than the device runs (rommon-minimum, repair policy
 * IP_REPAIR_ROMMON, subject the ROM monitor) and the catalogue names the
 * ROMMON package (rommon_image: name, size, md5), the plan copies the
 * package with the image's own copy command (plan_copy_cmd: the VRF
 * handling is the same), verifies its md5, upgrades the ROMMON at the end
 * of the verify phase, before anything reloads, and reads the new version
 * back after the reload. The proof's R15 (plan_sim.c) checks that no
 * reload comes before the upgrade.
 *
 * The upgrade command differs per platform, so it is a table, each row
 * with the session or document it comes from. A platform with no row is
 * refused naming the form as missing: iosplan does not guess a firmware
 * command. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "plan_private.h"
#include "redundancy.h"
#include "rommon.h"

typedef unsigned long long ull;

typedef struct plan_rommon_form {
	const char *model;   /* a prefix of show version's processor-line model */
	const char *upgrade; /* printf: the filesystem, the package's name */
	const char *check;   /* the command whose output shows the version after */
	const char *assumed; /* NULL: seen in a captured session; else why the
			      * form is an assumption, printed as a warning */
	const char *source;
} plan_rommon_form;

/* An ISR4321 on 3.16 upgraded to ROMMON 16.2(1r), a captured session in
 * the blog post "Upgrading IOS-XE and ROMMON" (2022-04-02, found in the
 * code corpus; notes/research22.md §3):
 *
 *   Wirchbench#upgrade rom-monitor filename bootflash:isr4300-rommon.162-1r.pkg all
 *   Chassis model ISR4321/K9 has a single rom-monitor.
 *   ...
 *   ROMMON upgrade complete.
 *   To make the new ROMMON permanent, you must restart the RP.
 *   Wirchbench#reload
 *   ...
 *   Wirchbench#sh rom-monitor R0
 *   System Bootstrap, Version 16.2(1r), RELEASE SOFTWARE
 *
 * The ASR 1000 takes the same `upgrade rom-monitor filename ... all`
 * according to pages that are not Cisco's; the Cisco command reference
 * gives slot forms (R0, F0) and no captured ASR 1000 session of either was
 * found (research22 §3): UNCONFIRMED, so the plan says so. The ASR 900
 * (`upgrade rom-mon filename`, its 17.1.1 HA guide) and the Catalyst
 * 9000 (the primary ROMMON upgrades itself at the first boot of the
 * release; `upgrade rom-monitor capsule golden` for the golden one) have
 * no row: their plans refuse, naming the missing form. */
static const plan_rommon_form forms[] = {
	{ "ISR4", "upgrade rom-monitor filename %s%s all", "show rom-monitor R0", NULL,
	  "an ISR4321 session, blog \"Upgrading IOS-XE and ROMMON\" (2022)" },
	{ "ASR1", "upgrade rom-monitor filename %s%s all", "show rom-monitor R0",
	  "the ASR 1000's `upgrade rom-monitor filename ... all` form is UNCONFIRMED: it is "
	  "the ISR 4000's captured form, and no captured ASR 1000 session or Cisco example "
	  "of it was found (notes/research22.md §3); check the platform's hardware "
	  "upgrade guide before you run it",
	  "the ISR 4000 form (an ISR4321 session), assumed for the ASR 1000" },
};

/* A chassis with two route processors (ASR1006: show redundancy names a
 * peer) keeps a ROMMON on each, and they can differ (R0 16.9(5r), R1
 * 17.3(1r): github.com/jflam2002/cisco, show platform). That `all` in the
 * upgrade command writes the standby's too is read only in pages that are
 * not Cisco's; neither a Cisco example nor a captured dual-RP session was
 * found (search 2026-12-07): UNCONFIRMED, said as a warning, and the
 * post-checks read the other RP's slot as well ("show rom-monitor r0" is
 * the ASR 1000 Software Configuration Guide's form, the slot its
 * argument), so a standby left behind is seen. */
static const char *const standby_assumed =
	"a second route processor is captured: the plan assumes the ROMMON upgrade's 'all' "
	"writes the standby RP's ROMMON too, which is UNCONFIRMED (no Cisco example or "
	"captured dual-RP session of it was found); the post-checks read both RPs, and a "
	"standby still below the minimum needs its own upgrade before a switchover";

/* The other route processor's slot: R1 when the active is R0 (or not
 * known), else R0. */
static const char *other_rp(const ip_device *d)
{
	ip_rommon_answer a = ip_device_rommon(d);
	return a.slot && !strcasecmp(a.slot, "R1") ? "R0" : "R1";
}

static const plan_rommon_form *form_of(const ip_device *d)
{
	const char *m = d->platform.s;
	for (size_t i = 0; m && i < sizeof(forms) / sizeof(forms[0]); i++)
		if (!strncasecmp(m, forms[i].model, strlen(forms[i].model)))
			return &forms[i];
	return NULL;
}

bool ip_plan_rommon_needed(const ip_plan *p, const ip_platform *plat, const char **min)
{
	const ip_target *t = p->target;
	const ip_rommon_min *m = t ? ip_release_min_rommon(t->facts, p->dev, plat) : NULL;
	if (!m)
		return false;
	ip_rommon_answer a = ip_device_rommon(p->dev);
	if (!a.version || ip_rommon_cmp(a.version->s, m->version.text) != IP_ROM_OLDER)
		return false;
	if (min)
		*min = m->version.text;
	return true;
}

uint64_t plan_rommon_bytes(const plan_bld *b, const ip_filesystem *fs)
{
	const ip_plan *p = b->p;
	const ip_release_facts *r = p->target ? p->target->facts : NULL;
	if (!r || !r->rommon_image.name.text || !form_of(p->dev) ||
	    !ip_plan_rommon_needed(p, &p->check.platform, NULL))
		return 0;
	if (ip_fs_lookup_file(fs, r->rommon_image.name.text))
		return 0;
	return r->rommon_image.size.v;
}

const char *plan_rommon_decide(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_release_facts *r = p->target ? p->target->facts : NULL;
	const char *min = NULL;
	if (!ip_plan_rommon_needed(p, &p->check.platform, &min))
		return "the plan cannot tell which ROMMON the target needs";
	if (!r->rommon_image.name.text)
		return "the catalogue names no ROMMON package for the target (rommon_image: name, "
		       "size, md5): add it to plan the ROMMON upgrade, or upgrade the ROMMON by hand "
		       "first";
	const plan_rommon_form *f = form_of(p->dev);
	if (!f)
		return ip_arena_printf(b->a, "iosplan knows no documented ROMMON upgrade command for "
				       "%s (the form is missing from planner/plan_rommon.c): upgrade "
				       "the ROMMON by hand first", p->dev->platform.s
				       ? p->dev->platform.s : "this platform");
	if (p->method == IP_METHOD_TAR || p->remediation)
		return "a ROMMON upgrade is planned only with a bundle or install-mode upgrade";
	if (!b->rommon && f->assumed)
		plan_warn(b, "%s", f->assumed);
	if (!b->rommon && ip_standby_present(p->dev))
		plan_warn(b, "%s", standby_assumed);
	b->rommon = f;
	p->rommon_pkg = r->rommon_image.name.text;
	p->rommon_min = min;
	return NULL;
}

void plan_rommon_copy(plan_bld *b)
{
	ip_plan *p = b->p;
	if (!b->rommon)
		return;
	const ip_release_facts *r = p->target->facts;
	const ip_filesystem *fs = ip_fs_view_listing(&b->fsv, p->filesystem);
	const ip_file *have = fs ? ip_fs_lookup_file(fs, p->rommon_pkg) : NULL;
	if (have && have->size.known && have->size.v == r->rommon_image.size.v) {
		b->rommon_have = true; /* its md5 below decides whether it is the package */
		return;
	}
	if (have) {
		b->refusal = ip_arena_printf(b->a, "%s%s is on flash with another size than the "
					     "catalogue's ROMMON package: delete it first",
					     p->filesystem, p->rommon_pkg);
		return;
	}
	bool scp = p->opts.transfer == IP_TRANSFER_SCP;
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Copy the ROMMON package to %s", p->filesystem));
	plan_why(b, "%s needs ROMMON %s or later; the catalogue's package %s brings it. It is "
		 "copied like the image, from the same server.", p->target->name, p->rommon_min,
		 p->rommon_pkg);
	plan_copy_cmd(b, "copy", ip_arena_printf(b->a, "%s://%s/%s", scp ? "scp" : "tftp",
						 p->server, p->rommon_pkg), p->filesystem);
	plan_prompt(b, ip_arena_printf(b->a, "Destination filename [%s]?", p->rommon_pkg), "",
		    true, NULL);
	if (scp)
		plan_prompt(b, "Password:", "the SCP account's password", false, "scp_password");
	plan_expect(b, IP_EXPECT_BYTES_COPIED_N, "%llu bytes copied", (ull)r->rommon_image.size.v);
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_COPY);
	e->filesystem = p->filesystem;
	e->path = p->rommon_pkg;
	e->size = r->rommon_image.size.v;
}

void plan_rommon_upgrade(plan_bld *b)
{
	ip_plan *p = b->p;
	if (!b->rommon)
		return;
	const ip_release_facts *r = p->target->facts;
	const char *file = ip_arena_printf(b->a, "%s%s", p->filesystem, p->rommon_pkg);
	plan_step(b, IP_PHASE_VERIFY, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Verify the md5 of %s", file));
	plan_why(b, "A ROMMON written from a bad file can leave the device unable to start: "
		 "STOP HERE unless the output says Verified.");
	plan_cmd(b, "verify /md5 %s %s", file, r->rommon_image.md5);
	plan_expect(b, IP_EXPECT_VERIFIED, "Verified (%s) = %s", file, r->rommon_image.md5);
	b->cur->gate = true;
	b->cur->abort = ip_arena_printf(b->a, "delete /force %s", file);
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_VERIFY);
	e->filesystem = p->filesystem;
	e->path = p->rommon_pkg;

	plan_step(b, IP_PHASE_VERIFY, IP_MODE_EXEC, "Upgrade the ROMMON");
	plan_why(b, "Before the reload that loads %s: it needs ROMMON %s or later. The new "
		 "ROMMON runs from that reload on (\"To make the new ROMMON permanent, you must "
		 "restart the RP\"). Form: %s.", p->target->name, p->rommon_min, b->rommon->source);
	plan_cmd(b, b->rommon->upgrade, p->filesystem, p->rommon_pkg);
	plan_expect(b, IP_EXPECT_ROMMON_DONE, "ROMMON upgrade complete");
	b->cur->gate = true;
	e = plan_effect(b, IP_EFFECT_ROMMON_UPGRADE);
	e->filesystem = p->filesystem;
	e->path = p->rommon_pkg;
}

void plan_rommon_check(plan_bld *b)
{
	ip_plan *p = b->p;
	if (!b->rommon)
		return;
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, "Confirm the new ROMMON");
	plan_why(b, "The version on this line must be %s or later: an older one means the "
		 "ROMMON upgrade did not take, and the release runs below its minimum.",
		 p->rommon_min);
	plan_cmd(b, "%s", b->rommon->check);
	plan_expect(b, IP_EXPECT_ROMMON_VERSION, "System Bootstrap, Version");
	if (!ip_standby_present(p->dev))
		return;
	const char *rp = other_rp(p->dev);
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Confirm the ROMMON of the other route processor (%s)", rp));
	plan_why(b, "A second RP keeps its own ROMMON: it too must be %s or later, or a "
		 "switchover runs the release below its minimum (that 'all' reaches it is an "
		 "assumption, see the warnings).", p->rommon_min);
	plan_cmd(b, "show rom-monitor %s", rp);
	plan_expect(b, IP_EXPECT_ROMMON_VERSION, "System Bootstrap, Version");
}

/* The clean-up deletes the ROMMON package the plan copied: once the
 * post-checks have read the new version back it has done its work, and
 * it holds flash the next upgrade needs (4 MB and more). First in the
 * clean-up, before `install remove inactive`, so that what removes it is
 * a command the plan names. A package that was on flash before the plan
 * is the operator's and stays. */
void plan_rommon_cleanup(plan_bld *b)
{
	ip_plan *p = b->p;
	if (!b->rommon || b->rommon_have)
		return;
	plan_step(b, IP_PHASE_CLEANUP, IP_MODE_EXEC, "Delete the ROMMON package");
	plan_why(b, "Only after the post-checks showed ROMMON %s or later: the package has done "
		 "its work and the flash is needed by the next upgrade.", p->rommon_min);
	plan_cmd(b, "delete /force %s%s", p->filesystem, p->rommon_pkg);
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_DELETE);
	e->filesystem = p->filesystem;
	e->path = p->rommon_pkg;
}
