/* install-mode: the way the target is installed must match the device's
 * IOS-XE mode (DOMAIN.md §8). The mode is read from
 *
 *   *    1 65    C9300-48P          17.09.04a         CAT9K_IOSXE           INSTALL
 *   System image file is "flash:packages.conf"
 *
 * and the next boot from the boot simulator.
 *
 * Decisions:
 * - Install mode (now or at the next boot) and a bundle .bin target: the
 *   upgrade should go through the install commands of the running release
 *   (`install add file ... activate commit`, or on older releases
 *   `software install` / `request platform software package install`:
 *   install_cmds.h);
 *   booting the .bin converts the device to bundle mode. Cisco supports
 *   bundle mode, so this is reported one level below the rule's severity,
 *   pointing at the boot entry when the boot list already names the .bin.
 * - Bundle mode and a .pkg/.conf target: those files only mean something
 *   to an install; also one level below.
 * - Bundle mode on a Catalyst 9000 or 3650/3850 (issue 21 pt 4): Cisco
 *   deprecates it there. 17.x Catalyst 9000 releases print "Warning:
 *   Booting with bundle mode will be deprecated in the near future.
 *   Migration to install mode is required." (DOMAIN.md §8, genielibs
 *   execute_install_one_shot mock data); Cisco 224890 ("Change Between
 *   Bundle/Install Mode on Catalyst 9000 Switches") converts by pointing
 *   the BOOT variable at packages.conf, saving, then `install add file
 *   ... activate commit`; on the 3650/3850 Cisco 117552 recommends install
 *   mode. A note one level below the rule's severity, with that path as its
 *   fix, in the running release's commands (no fix lines where the release
 *   has no install add: its conversion, `software expand`, is not written).
 * - A stack whose members show different modes (Mode column): a member in
 *   another mode than the active one comes up in V-Mismatch and does not
 *   join, even at the same version. That blocks the upgrade: full
 *   severity (error by default). */
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "install_cmds.h"
#include "rule.h"
#include "target_fs.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = s ? strlen(s) : 0, k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* Install mode now, or at the next boot (a packages.conf about to boot). */
static bool install_mode(const ip_rule_ctx *ctx, ip_span *at)
{
	const ip_boot_prediction *nb = ctx->next_boot;
	if (ctx->dev->install_mode.v == IP_TRI_YES) {
		*at = ctx->dev->install_mode.span;
		return true;
	}
	if (nb && nb->outcome == IP_NEXT_IMAGE && ends_with(nb->path, ".conf")) {
		*at = nb->span;
		return true;
	}
	return false;
}

/* The entry of the boot list the next reload reads that names the target. */
static const ip_boot_entry *boot_names_target(const ip_rule_ctx *ctx)
{
	const ip_boot_list *lists[] = { &ctx->dev->bootvar, &ctx->dev->boot_startup,
					&ctx->dev->boot_running };
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (size_t j = 0; j < lists[i]->n; j++) {
			const ip_boot_entry *e = &lists[i]->v[j];
			const char *p = e->path ? strrchr(e->path, '/') : NULL;
			p = p ? p + 1 : e->path;
			if (e->kind == IP_BOOT_FILE && ip_fs_file_eq(e->filesystem, p, ctx->target->name))
				return e;
		}
	return NULL;
}

static void bundle_on_install(const ip_rule_ctx *ctx, ip_findings *out, ip_span mode_at)
{
	ip_install_flow fl = ip_rule_install_flow(ctx); /* decided once (version parses) */
	const ip_target *t = ctx->target;
	const char *fs = ip_target_fs(ctx);
	const ip_boot_entry *e = boot_names_target(ctx);
	ip_finding *f;
	if (e) {
		f = ip_report_weak(out, ip_subj_entry(ctx->dev, NULL, e),
				   e->span, "the boot list names %s on a device in "
				   "install mode: the reload boots the .bin and converts the "
				   "device to bundle mode; upgrade with %s instead",
				   t->name, ip_install_verb(fl));
		ip_finding_related(out, f, mode_at, "install mode");
		ip_finding_fix(out, f, "configure terminal");
		ip_finding_fix(out, f, "no boot system %s", e->raw);
		ip_finding_fix(out, f, "end");
	} else {
		f = ip_report_weak(out, ip_subj_device(),
				   mode_at, "the device runs in install mode: upgrade to "
				   "%s with %s, since booting the .bin directly "
				   "converts it to bundle mode", t->name, ip_install_verb(fl));
	}
	/* in the running release's command set (issue 21): never install add
	 * to a device on IOS-XE 3.x */
	ip_fix_install(ctx, out, f, fs, t->name, fl);
}

static void package_on_bundle(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *d = ctx->dev;
	ip_report_weak(out, ip_subj_target(),
		       d->install_mode.span, "%s is an install-mode file but the device "
		       "runs in bundle mode (%s): upgrade with install add from the .bin "
		       "instead, which converts the device to install mode",
		       ctx->target->name, d->system_image.raw ? d->system_image.raw : "a .bin");
}

/* Bundle mode on a Catalyst 9000 or 3650/3850: deprecated there, and the
 * conversion (issue 21 pt 4). */
static void bundle_deprecated(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *d = ctx->dev;
	const ip_platform *p = ctx->platform;
	bool c9k = p->confreg_ignored;
	bool c3k = p->series && (!strncasecmp(p->series, "C3850", 5) ||
				 !strncasecmp(p->series, "C3650", 5));
	if (d->install_mode.v != IP_TRI_NO || !(c9k || c3k))
		return;
	ip_install_flow fl = ip_rule_install_flow(ctx);
	const char *run = d->system_image.path;
	const char *sl = run ? strrchr(run, '/') : NULL;
	run = sl ? sl + 1 : run;
	ip_finding *f = ip_report_weak(out, ip_subj_device(), d->install_mode.span,
		"the device runs in bundle mode (%s), %s: convert it to install mode by pointing "
		"the BOOT variable at packages.conf, saving, and installing the .bin with %s "
		"(Cisco 224890)", d->system_image.raw ? d->system_image.raw : "a .bin",
		c9k ? "which Cisco deprecates on the Catalyst 9000 (17.x prints \"Booting with "
		      "bundle mode will be deprecated in the near future\")"
		    : "and Cisco recommends install mode on the Catalyst 3650/3850 (117552)",
		ip_install_verb(fl));
	if (fl != IP_FLOW_INSTALL)
		return;
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "no boot system");
	ip_finding_fix(out, f, "boot system %sflash:packages.conf", d->n_members > 1 ? "switch all " : "");
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "copy running-config startup-config");
	const ip_target *t = ctx->target;
	const char *img = t && t->parsed && t->image.kind == IP_IMAGE_BUNDLE ? t->name : run;
	if (img)
		ip_fix_install(ctx, out, f, "flash:", img, fl);
}

/* Stack members in different modes: V-Mismatch. */
static void stack_modes(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *d = ctx->dev;
	const ip_member *ref = NULL, *odd = NULL;
	for (size_t i = 0; i < d->n_members; i++)
		if (d->members[i].mode.s && (!ref || d->members[i].active))
			ref = &d->members[i];
	for (size_t i = 0; ref && i < d->n_members && !odd; i++)
		if (d->members[i].mode.s && strcasecmp(d->members[i].mode.s, ref->mode.s) != 0)
			odd = &d->members[i];
	if (!odd)
		return;
	ip_finding *f = ip_report(out, ip_subj_member(odd->number),
				  odd->mode.span, "stack member %d runs in %s mode, "
				  "member %d in %s mode: a member in another mode than the "
				  "active comes up in V-Mismatch and does not join the stack",
				  odd->number, odd->mode.s, ref->number, ref->mode.s);
	ip_finding_related(out, f, ref->mode.span, "member %d: %s", ref->number, ref->mode.s);
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "boot system switch all flash:packages.conf");
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "copy running-config startup-config");
	if (ctx->target->image.kind == IP_IMAGE_BUNDLE)
		ip_fix_install(ctx, out, f, "flash:", ctx->target->name, ip_rule_install_flow(ctx));
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	bundle_deprecated(ctx, out);
	if (!t)
		return;
	if (ctx->dev->n_members > 1)
		stack_modes(ctx, out);
	ip_span mode_at;
	ip_image_kind k = t->parsed ? t->image.kind : IP_IMAGE_UNKNOWN;
	if (k == IP_IMAGE_BUNDLE && install_mode(ctx, &mode_at))
		bundle_on_install(ctx, out, mode_at);
	else if ((k == IP_IMAGE_PACKAGE || k == IP_IMAGE_PROVISIONING) &&
		 ctx->dev->install_mode.v == IP_TRI_NO)
		package_on_bundle(ctx, out);
}

const ip_rule rule_install_mode = { "install-mode", IP_SEV_ERROR, check, IP_REPAIR_METHOD };
