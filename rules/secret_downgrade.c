/* secret-downgrade: a downgrade to a release that cannot read the
 * configuration's secrets locks the engineer out after the reload (issue
 * 22). Cisco, "Controlling Switch Access with Passwords and Privilege
 * Levels", Catalyst 3650 16.12 security guide (same text in the IE3500
 * 17.17 guide; notes/research22.md §7):
 *
 *   enable secret 9 $14$...     <- "convoluted type 9", from 16.12.1:
 *   a downgrade below 16.12.1 with it in the startup configuration locks
 *   you out; put a $9$ secret there first.
 *
 *   username admin password 6 ...   <- type 6, converted automatically
 *   from 16.12.1: a downgrade to a release without it locks you out.
 *
 * Decisions:
 * - The boundary 16.12.1 is documented for IOS-XE switches; on the other
 *   IOS-XE platforms it is UNCONFIRMED, so there the finding is one level
 *   lower. Classic IOS targets are not judged (type 6 dates from 12.3(2)T,
 *   Cisco 46420, and $14$ is an IOS-XE form).
 * - Type 6 is judged only for a downgrade (target older than running):
 *   Cisco names no release without it on IOS-XE, so it is one level lower.
 * - Type 8 and 9 boundaries per platform: UNCONFIRMED, not reported.
 * Only configurations iosplan read are judged (ip_secrets: NULL when none
 * was read). */
#include <string.h>

#include "release_back.h"
#include "rule.h"

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	if (!t || !t->parsed || !t->image.is_xe)
		return;
	/* one decision with the plan's rollback (release_back.h) */
	ip_secret_lockout l = ip_secret_lockout_at(ctx->dev, &t->image.version, ctx->platform);
	char tn[IP_VERSION_TEXT_SIZE];
	ip_version_normalise(&t->image.version, tn, sizeof(tn));
	const ip_secret_seen *c = l.s14;
	if (c && l.documented)
		ip_report(out, ip_subj_target(), c->span,
			  "%s is %s, before 16.12.1: it cannot read the $14$ (convoluted type 9) "
			  "secret in %s, and the reload locks you out; put a $9$ secret in the "
			  "startup configuration first", t->name, tn, c->command);
	else if (c)
		ip_report_weak(out, ip_subj_target(), c->span,
			       "%s is %s, before 16.12.1, where Cisco documents $14$ secrets on "
			       "IOS-XE switches: if it cannot read the $14$ secret in %s the reload "
			       "locks you out; put a $9$ secret there first", t->name, tn, c->command);
	const ip_secret_seen *six = l.six;
	const ip_text *run = ctx->dev->xe_version.s ? &ctx->dev->xe_version : &ctx->dev->version;
	ip_version now;
	if (!six || !run->s || !ip_version_parse(&now, run->s, strlen(run->s)) ||
	    ip_version_cmp(&t->image.version, &now) != -1)
		return;
	ip_report_weak(out, ip_subj_target(), six->span,
		       "a downgrade to %s (before 16.12.1, when type 6 passwords came to IOS-XE "
		       "switches) with type 6 passwords in %s: if the target cannot read them the "
		       "reload locks you out; keep a type 9 secret and local access first",
		       tn, six->command);
}

const ip_rule rule_secret_downgrade = { "secret-downgrade", IP_SEV_ERROR, check, IP_REPAIR_NONE };
