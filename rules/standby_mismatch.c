/* standby-mismatch: a second route processor or supervisor (dual-RP
 * ASR1000, dual-supervisor Cat4500/9400/9600, StackWise Virtual) that
 * would not come up as the active's twin (issue 21; DOMAIN.md §9.14).
 *
 *   BOOT variable = bootflash:new.bin,12;                show bootvar
 *   Standby BOOT variable = bootflash:old.bin,12;        differs: after a
 *                                                        reload the standby
 *                                                        boots another image
 *   Standby Configuration register is 0x2142             differs
 *           Current Software state = STANDBY COLD        show redundancy:
 *        Operating Redundancy Mode = rpr                 not hot, not SSO
 *
 * An RP boots from its own BOOT variable and register. A standby on
 * another image cannot reach STANDBY HOT beside the active (SSO needs the
 * same image on both; Cisco "Configuring Stateful Switchover", ha-15-s-
 * book, and the ASR1000 Software Configuration Guide OL-16506-17, "High
 * Availability Overview"), and one that is not STANDBY HOT in SSO is not
 * ready to take over: a switchover or an upgrade that relies on it costs
 * an outage. Decisions:
 * - A peer exists as the model says (ip_standby_present): show redundancy
 *   names one, or show bootvar printed Standby lines; "Standby not ready
 *   to show bootvar" alone proves nothing.
 * - Not ready: a peer state other than STANDBY HOT, or a redundancy mode
 *   other than SSO, at the line that says so.
 * - BOOT: the standby's list against the active's next-reload list
 *   (show bootvar; else show redundancy's current-processor BOOT), entry
 *   by entry (filesystem and file, the model's case policy).
 * - Register: the standby's next-reload value against the active's.
 * - A peer whose BOOT the captures do not show is reported weakly, naming
 *   `show bootvar`. */
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "redundancy.h"
#include "rule.h"

static const char *where(const ip_redundancy *rd)
{
	return rd->standby_location.s ? rd->standby_location.s : "the standby";
}

/* Peer state and mode: the standby is not ready to take over. */
static bool not_ready(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_redundancy *rd = ip_redundancy_of(ctx->dev);
	ip_finding *f;
	if (rd->known && rd->peer != IP_PEER_HOT) {
		f = ip_report(out, ip_subj_device(), rd->peer_state.span,
			      "the standby route processor (%s) is in state %s, not STANDBY "
			      "HOT: it is not ready to take over, and an upgrade or "
			      "switchover that relies on it costs an outage",
			      where(rd), rd->peer_state.s);
	} else if (rd->known && rd->mode != IP_RED_MODE_SSO && rd->mode != IP_RED_MODE_UNKNOWN) {
		f = ip_report(out, ip_subj_device(), rd->mode_text.span,
			      "the redundancy mode is %s, not SSO: the standby (%s) does "
			      "not keep the active's state and a switchover restarts "
			      "the system", rd->mode_text.s, where(rd));
	} else {
		return false;
	}
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "redundancy");
	ip_finding_fix(out, f, "mode sso");
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "show redundancy");
	return true;
}

static bool entry_eq(const ip_boot_entry *a, const ip_boot_entry *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind != IP_BOOT_FILE || !a->path || !b->path)
		return strcmp(a->raw, b->raw) == 0;
	const char *fa = a->filesystem, *fb = b->filesystem;
	if ((fa || fb) && !(fa && fb && ip_fs_prefix_eq(fa, fb)))
		return false;
	return ip_fs_file_eq(fa, a->path, b->path);
}

/* The first index where the lists differ, or SIZE_MAX when equal. */
static size_t list_diff(const ip_boot_list *a, const ip_boot_list *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	for (size_t i = 0; i < n; i++)
		if (!entry_eq(&a->v[i], &b->v[i]))
			return i;
	return a->n == b->n ? (size_t)-1 : n;
}

static const ip_boot_list *active_list(const ip_device *dev)
{
	if (dev->bootvar.known)
		return &dev->bootvar;
	return ip_redundancy_of(dev)->active_boot.known ? &ip_redundancy_of(dev)->active_boot : NULL;
}

static void sync_fix(ip_findings *out, ip_finding *f, const ip_boot_list *act)
{
	/* The save writes the BOOT variable from the boot system lines and,
	 * with the standby in SSO, the standby's too; show bootvar's Standby
	 * line is the check. */
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "no boot system");
	for (size_t i = 0; i < act->n; i++)
		ip_finding_fix(out, f, "boot system %s", act->v[i].raw);
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "copy running-config startup-config");
	ip_finding_fix(out, f, "show bootvar");
}

static void boot_differs(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_redundancy *rd = ip_redundancy_of(ctx->dev);
	const ip_boot_list *sb = &rd->standby_boot, *act = active_list(ctx->dev);
	if (!sb->known || !act || sb->dropped || act->dropped)
		return;
	size_t i = list_diff(sb, act);
	if (i == (size_t)-1)
		return;
	ip_span at = i < sb->n ? sb->v[i].span : sb->span;
	ip_finding *f = ip_report(out, ip_subj_device(), at,
				  "the standby's BOOT variable %s %s where the active's %s %s: "
				  "after a reload the standby boots another image and cannot "
				  "come up in SSO beside the active",
				  i < sb->n ? "has" : "ends before",
				  i < sb->n ? sb->v[i].raw : "that entry",
				  i < act->n ? "has" : "ends:",
				  i < act->n ? act->v[i].raw : "nothing more");
	ip_finding_related(out, f, i < act->n ? act->v[i].span : act->span,
			   "the active's BOOT variable");
	if (act->n)
		sync_fix(out, f, act);
}

static void register_differs(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_redundancy *rd = ip_redundancy_of(ctx->dev);
	const ip_register *s = &rd->standby_confreg_next, *a = &ctx->dev->confreg_next;
	if (!s->known || !a->known || s->v == a->v)
		return;
	ip_finding *f = ip_report(out, ip_subj_device(), s->span,
				  "the standby's configuration register is 0x%X at its next "
				  "reload and the active's 0x%X: the standby boots otherwise "
				  "than the active", (unsigned)s->v, (unsigned)a->v);
	ip_finding_related(out, f, a->span, "the active's register");
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "config-register 0x%X", (unsigned)a->v);
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "copy running-config startup-config");
	ip_finding_fix(out, f, "show bootvar");
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_redundancy *rd = ip_redundancy_of(ctx->dev);
	if (!ip_standby_present(ctx->dev))
		return;
	bool down = not_ready(ctx, out);
	if (rd->standby_bootvar.v == IP_TRI_NO && !down) {
		ip_finding *f = ip_report_weak(out, ip_subj_device(), rd->standby_bootvar.span,
					       "show bootvar could not read the standby's BOOT "
					       "variable (not ready) though show redundancy "
					       "shows a standby: its next boot is unknown");
		ip_finding_capture(out, f, "show bootvar");
		return;
	}
	if (!rd->standby_boot.known && !down) {
		ip_span at = rd->peer_state.span.line ? rd->peer_state.span
						      : rd->standby_bootvar.span;
		ip_finding *f = ip_report_weak(out, ip_subj_device(), at,
					       "the standby's BOOT variable was not captured: "
					       "cannot tell whether it boots the active's image");
		ip_finding_capture(out, f, "show bootvar");
	}
	boot_differs(ctx, out);
	register_differs(ctx, out);
}

const ip_rule rule_standby_mismatch = {
	.id = "standby-mismatch",
	.default_severity = IP_SEV_ERROR,
	.check = check,
	/* The plan does not repair the standby: at error it refuses until the
	 * fix (a save with the standby in SSO, checked with show bootvar)
	 * has been run and captured. */
	.repair = IP_REPAIR_NONE,
};
