/* The install commands a rule's fix may name, in the command set of the
 * release the device runs (issue 21): the model decides the flow
 * (parsers/model/install_flow.h), the same decision the planner takes, so
 * a fix never advises `install add` to a device on IOS-XE 3.x. Reads only
 * the rule context. */
#ifndef IOSPLAN_INSTALL_CMDS_H
#define IOSPLAN_INSTALL_CMDS_H

#include "rule.h"

/* The flow of ctx's device (its running release, its platform, the
 * configured boundaries). */
ip_install_flow ip_rule_install_flow(const ip_rule_ctx *ctx);

/* The fix lines that install image fs+name in flow fl, appended to f;
 * none for IP_FLOW_NONE (the plan refuses that device, with the reason). */
void ip_fix_install(const ip_rule_ctx *ctx, ip_findings *out, ip_finding *f, const char *fs,
		    const char *name, ip_install_flow fl);

/* "install add", "software install", "request platform software package
 * install": the command's name for a message. */
const char *ip_install_verb(ip_install_flow fl);

/* The clean-up command of that flow ("install remove inactive", "software
 * clean", "request platform software package clean switch all file
 * flash:"). */
const char *ip_install_clean(const ip_rule_ctx *ctx, const char *fs);

#endif
