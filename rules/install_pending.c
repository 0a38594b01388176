/* install-pending: the device holds an install change nobody settled
 * (issue 21; DOMAIN.md §8, §9.7):
 *
 *   [ Switch 3 ] Installed Package(s) Information:
 *   IMG   U    17.15.03.0.5371
 *   Auto abort timer: active on install_activate, time before rollback - 01:49:42
 *
 * An activated, uncommitted image (U) or a deactivated, uncommitted
 * package (D) lasts until `install commit` keeps it or `install abort`, the
 * auto-abort timer or a reload before the commit returns the device to the
 * committed software; an install operation in progress is another such
 * change. "A device can be rolled back to the initial stage by using the
 * install abort ... command or after the expiry of the rollback timer
 * before the install commit command is used. If the install commit command
 * is used, no rollback is allowed" (Cisco ASR 1000 Software Configuration
 * Guide, IOS XE 17, "Install and ISSU", https://www.cisco.com/c/en/us/td/
 * docs/routers/asr1000/software/configuration/xe-17/asr1000-sw-config-xe-17/
 * install-issu-asr.html). Peers refuse to act in this state (research
 * [K1]-[K3]; Cisco TAC 226063: "not already running another install
 * operation"): an upgrade planned on top of it would be undone by the
 * timer or by its own reload, or roll back the change under review. The
 * boot simulator's install forecast decides what is pending
 * (ip_install_pending); this rule says it and names both ways out. */
#include <string.h>

#include "install_cmds.h"
#include "rule.h"

static void fixes(ip_findings *out, ip_finding *f, bool sw)
{
	ip_finding_fix(out, f, sw ? "software commit" : "install commit");
	ip_finding_fix(out, f, sw ? "software rollback" : "install abort");
	ip_finding_capture(out, f, sw ? "show software installer rollback-timer"
				      : "show install summary");
}

/* IOS-XE 3.x Catalyst 3k (issue 21 pt 1): the `software` family settles
 * it. "software commit ... cancels the rollback timer, if it is running,
 * and commits a software upgrade"; "When the software rollback command is
 * used, packages.conf.00- becomes packages.conf" (Cisco IOS Configuration
 * Fundamentals Command Reference, `software commit`, `software rollback`;
 * research21 1a, 4). */
static ip_finding *software_pending(const ip_rule_ctx *ctx, ip_findings *out,
				    const ip_install_forecast *fc)
{
	char hms[IP_HMS_SIZE];
	const ip_install_state *is = &ctx->dev->install;
	if (fc->provisioned) {
		const ip_install_pkg *p = fc->provisioned;
		return ip_report(out, ip_subj_device(), p->span,
				 "an install is pending: [%s] the provisioned software differs "
				 "from the running one (%s %s %s): the next reload boots the "
				 "provisioned packages; `software rollback` returns packages.conf "
				 "to the one before the install, or a reload boots it (then "
				 "`software commit` if it was installed with auto-rollback), and an "
				 "upgrade must not start before", fc->provisioned_block->where,
				 p->type.s ? p->type.s : "package", p->name.s ? p->name.s : "?",
				 fc->provisioned_block->view == IP_INSTALL_VIEW_PROVISIONED
					 ? "is provisioned, not running" : "runs, not provisioned");
	}
	const ip_install_pkg *p = fc->uncommitted ? fc->uncommitted : fc->deactivated;
	ip_span at = fc->timer == IP_TRI_YES ? is->timer.span
		   : p ? p->state_span : is->in_progress.span;
	ip_finding *f = ip_report(out, ip_subj_device(), at,
				  "an install is pending: %s; `software commit` keeps the running "
				  "software, `software rollback` returns to the software before it (a "
				  "reload), and an upgrade must not start before",
				  fc->timer == IP_TRI_YES
					  ? "the rollback timer of `software install ... auto-rollback` "
					    "runs and will roll the last install back"
					  : "the install state holds a change not committed");
	if (fc->timer_left_s.known)
		ip_finding_related(out, f, fc->timer_left_s.span, "it rolls back %s after the "
				   "capture", ip_install_hms(hms, fc->timer_left_s.v));
	return f;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	char hms[IP_HMS_SIZE];
	const ip_install_forecast *fc = ctx->next_boot ? &ctx->next_boot->install : NULL;
	if (!fc || !ip_install_pending(fc))
		return;
	const ip_install_state *is = &ctx->dev->install;
	const ip_install_pkg *p = fc->uncommitted ? fc->uncommitted : fc->deactivated;
	ip_finding *f;
	bool sw = ip_rule_install_flow(ctx) == IP_FLOW_SOFTWARE_INSTALL;
	if (sw) {
		fixes(out, software_pending(ctx, out, fc), true);
		return;
	}
	if (fc->provisioned && !p && fc->timer != IP_TRI_YES && fc->in_progress != IP_TRI_YES)
		f = ip_report(out, ip_subj_device(), fc->provisioned->span,
			      "an install is pending: [%s] the provisioned software differs from "
			      "the running one (%s %s): the next reload boots the provisioned "
			      "packages; settle it (`install commit` / `install abort` where the "
			      "release has them) before an upgrade", fc->provisioned_block->where,
			      fc->provisioned->type.s ? fc->provisioned->type.s : "package",
			      fc->provisioned->name.s ? fc->provisioned->name.s : "?");
	else if (p)
		f = ip_report(out, ip_subj_device(), p->state_span,
			      "an install is pending: %s %s is %s, not committed; `install commit` "
			      "keeps the running software across reloads, `install abort` returns "
			      "to the committed software (a reload); until one of them the "
			      "auto-abort timer (or a reload before the commit, uncommitted_reload) "
			      "rolls it back, and an upgrade must not start", p->type.s ? p->type.s : "a package", p->name.s ? p->name.s : "?",
			      p->state == IP_PKG_UNCOMMITTED ? "activated" : "deactivated");
	else if (fc->timer == IP_TRI_YES)
		f = ip_report(out, ip_subj_device(), is->timer.span,
			      "an install is pending: the auto-abort timer runs and will roll the "
			      "last activation back; `install commit` keeps the running software, "
			      "`install abort` returns to the committed software now (a reload)");
	else
		f = ip_report(out, ip_subj_device(), is->in_progress.span,
			      "an install operation is in progress: wait for it to end, then "
			      "`install commit` keeps what it activated or `install abort` returns "
			      "to the committed software");
	if (p && fc->timer == IP_TRI_YES) {
		if (fc->timer_left_s.known)
			ip_finding_related(out, f, is->timer.span, "the auto-abort timer rolls it "
					   "back %s after the capture",
					   ip_install_hms(hms, fc->timer_left_s.v));
		else
			ip_finding_related(out, f, is->timer.span, "the auto-abort timer runs");
	}
	if (p && fc->in_progress == IP_TRI_YES)
		ip_finding_related(out, f, is->in_progress.span, "an install operation is in progress");
	fixes(out, f, false);
}

const ip_rule rule_install_pending = { "install-pending", IP_SEV_ERROR, check, IP_REPAIR_SETTLE };
