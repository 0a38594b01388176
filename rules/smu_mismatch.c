/* smu-mismatch: a patch (SMU, APSP, APDP) is active on some stack members
 * and not on others, or a member's flash lacks the patch file its rows
 * name (issue 21):
 *
 *   [ Switch 1 2 ] Installed Package(s) Information:
 *   SMU   C    flash:cat9k_iosxe.17.06.03.CSCwa85257.SPA.smu.bin
 *   [ Switch 3 ] Installed Package(s) Information:
 *   IMG   C    17.06.03.0.3629
 *
 * Severity error, from the evidence: a member whose SMU file was deleted
 * ends in V-Mismatch on the next upgrade and does not join the stack
 * (CSCwe70969, https://findbugzero.com/operational-defect-database/vendors/
 * cisco/defects/CSCwe70969); a deleted SMU file makes later installs fail
 * with "FAILED: Improper State ... not present. Please restore file for
 * stability" (Cisco Catalyst 9800 EWC 17.12 configuration guide, "Software
 * Maintenance Upgrade", https://cisco.com/c/en/us/td/docs/wireless/
 * controller/ewc/17-12/config-guide/ewc_cg_17_12/smu.html). The boot
 * simulator's install forecast finds both cases; this rule reports them.
 * No plan repairs it (the patch is the operator's to add or remove on
 * every member), so it blocks. */
#include "rule.h"

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_install_forecast *fc = ctx->next_boot ? &ctx->next_boot->install : NULL;
	if (!fc)
		return;
	if (fc->smu) {
		const ip_install_pkg *p = fc->smu;
		ip_finding *f = ip_report(out, ip_subj_member(fc->smu_missing[0]), p->span,
					  "%s %s is active on some stack members but not on switch "
					  "%d: at reload that member comes up in V-Mismatch and does "
					  "not join; install the patch on every member, or remove it "
					  "from all", p->type.s, p->name.s, fc->smu_missing[0]);
		ip_finding_fix(out, f, "install add file %s activate commit", p->name.s);
		ip_finding_capture(out, f, "show install summary");
	}
	if (fc->smu_missing_file) {
		/* the complete listing decided: no capture to ask for */
		ip_report(out, ip_subj_member(fc->smu_missing_file_member),
					  fc->smu_file_row->span,
					  "switch %d's flash has no %s, a patch its install state "
					  "lists as active: that member's boot breaks at reload "
					  "(V-Mismatch); copy the file back to its flash",
					  fc->smu_missing_file_member, fc->smu_missing_file);
	}
}

const ip_rule rule_smu_mismatch = { "smu-mismatch", IP_SEV_ERROR, check, IP_REPAIR_NONE };
