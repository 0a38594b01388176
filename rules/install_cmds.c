/* The install commands of the running release, for the rules' fixes
 * (install_cmds.h). The command forms and their evidence are in
 * parsers/model/install_flow.c. */
#include "install_cmds.h"

#include "version.h"

ip_install_flow ip_rule_install_flow(const ip_rule_ctx *ctx)
{
	char buf[IP_VERSION_TEXT_SIZE];
	ip_install_gate g;
	const ip_rule_options *o = ctx->opts;
	ip_install_gate_decide(&g, ctx->dev, ctx->platform, o ? o->install_since : NULL,
			       o ? o->n_install_since : 0, buf);
	return g.flow;
}

void ip_fix_install(const ip_rule_ctx *ctx, ip_findings *out, ip_finding *f, const char *fs,
		    const char *name, ip_install_flow fl)
{
	fs = fs ? fs : "flash:";
	switch (fl) {
	case IP_FLOW_INSTALL:
		ip_finding_fix(out, f, "install add file %s%s activate commit", fs, name);
		break;
	case IP_FLOW_SOFTWARE_INSTALL:
		ip_finding_fix(out, f, "software install file %s%s new force", fs, name);
		break;
	case IP_FLOW_REQUEST_PLATFORM:
		/* Catalyst 9000 typed it without `new` (install_flow.c) */
		ip_finding_fix(out, f, "request platform software package install switch all file "
			       "%s%s%s auto-copy", fs, name, ctx->platform->confreg_ignored ? "" : " new");
		ip_finding_fix(out, f, "reload");
		break;
	case IP_FLOW_NONE:
		break;
	}
}

const char *ip_install_verb(ip_install_flow fl)
{
	switch (fl) {
	case IP_FLOW_SOFTWARE_INSTALL:
		return "software install";
	case IP_FLOW_REQUEST_PLATFORM:
		return "request platform software package install";
	case IP_FLOW_NONE:
		return "request platform software package expand";
	case IP_FLOW_INSTALL:
		break;
	}
	return "install add";
}

const char *ip_install_clean(const ip_rule_ctx *ctx, const char *fs)
{
	switch (ip_rule_install_flow(ctx)) {
	case IP_FLOW_SOFTWARE_INSTALL:
		return "software clean";
	case IP_FLOW_REQUEST_PLATFORM:
		return ip_arena_printf(ctx->arena, "request platform software package clean switch "
				       "all file %s", fs ? fs : "flash:");
	case IP_FLOW_NONE:
	case IP_FLOW_INSTALL:
		break;
	}
	return "install remove inactive";
}
