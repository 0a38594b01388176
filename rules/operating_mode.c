/* operating-mode: an IOS-XE device in SD-WAN controller mode (issue 21;
 * DOMAIN.md §9.10).
 *
 *   Router operating mode: Controller-Managed               show version
 *
 * Since 17.2 one universalk9 image runs in autonomous mode (plain IOS-XE)
 * or controller mode (Cisco Catalyst SD-WAN); the line above says which
 * (Cisco "Install and Upgrade Cisco IOS XE Release 17.2.1r and Later",
 * https://www.cisco.com/c/en/us/td/docs/routers/sdwan/configuration/
 * sdwan-xe-gs-book/install-upgrade-17-2-later.html; genieparser iosxe
 * show_platform.py ShowVersion). In controller mode the device's software
 * is managed by SD-WAN Manager (vManage): a CLI upgrade of boot statements
 * goes around the controller, which then disagrees with the device. The
 * plan is refused (error, nothing the plan repairs), naming the two ways:
 * upgrade from SD-WAN Manager, or leave controller mode with
 * `controller-mode disable`, which reloads the device into autonomous mode
 * without its SD-WAN configuration in effect (Cisco keeps that
 * configuration only for a return to controller mode; the autonomous
 * configuration must be restored from a backup). "Autonomous", or no line
 * (releases before 17.2), is no finding. */
#include <strings.h>

#include "rule.h"

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_text *m = &ctx->dev->operating_mode;
	if (!m->s || strncasecmp(m->s, "Controller", 10) != 0)
		return;
	ip_finding *f = ip_report(out, ip_subj_device(), m->span,
				  "the device runs in SD-WAN controller mode (%s): its software is "
				  "upgraded from SD-WAN Manager (vManage), not from the CLI; to "
				  "upgrade it by hand, leave controller mode first with "
				  "controller-mode disable, which reloads it into autonomous mode "
				  "without its SD-WAN configuration in effect", m->s);
	ip_finding_fix(out, f, "controller-mode disable");
}

const ip_rule rule_operating_mode = {
	.id = "operating-mode",
	.default_severity = IP_SEV_ERROR,
	.check = check,
	/* nothing a CLI plan does repairs it: the plan is refused */
	.repair = IP_REPAIR_NONE,
};
