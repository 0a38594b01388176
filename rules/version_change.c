/* version-change: the target should be newer than the running release.
 * The running version is read from show version, the target's from its
 * file name (DOMAIN.md §6):
 *
 *   Cisco IOS XE Software, Version 16.09.06       <- compared with XE names
 *   Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, ...
 *
 * Decisions:
 * - An IOS-XE target compares with the "IOS XE Version" line where there is
 *   one (ASR1k 3.x prints the IOSd version on the Cisco IOS Software line),
 *   else with the Version token; a classic target with the Version token.
 * - Classic versions of one train but another major.minor (15.1(4)M8 ->
 *   15.4(3)M10) order by major.minor: that is the train's own numbering.
 * - A change of train (12.2(55)SE -> 15.2(7)E) is a migration, and special
 *   or engineering builds have no order: both are reported one level lower,
 *   as something to confirm, not as a mistake. */
#include <string.h>
#include <strings.h>

#include "rule.h"

/* The running version to compare an image version with, and its text. */
static const ip_text *running_text(const ip_device *d, const ip_image_name *img)
{
	if (img->is_xe && d->xe_version.s)
		return &d->xe_version;
	return d->version.s ? &d->version : NULL;
}

static int int_cmp(int a, int b)
{
	return (a > b) - (a < b);
}

static int order(const ip_version *t, const ip_version *r)
{
	int c = ip_version_cmp(t, r);
	if (c != IP_VER_INCOMPARABLE)
		return c;
	if (t->scheme == IP_VER_CLASSIC && r->scheme == IP_VER_CLASSIC &&
	    strcasecmp(t->train, r->train) == 0 &&
	    (t->major != r->major || t->minor != r->minor))
		return t->major != r->major ? int_cmp(t->major, r->major)
					    : int_cmp(t->minor, r->minor);
	return IP_VER_INCOMPARABLE;
}

static void report_unordered(ip_findings *out, ip_span at, const char *name,
			     const ip_version *t, const ip_version *r,
			     const char *tn, const char *rn)
{
	if (t->scheme == IP_VER_SPECIAL || r->scheme == IP_VER_SPECIAL)
		ip_report_weak(out, ip_subj_target(),
			       at, "%s (%s) and the running %s cannot be ordered: a "
			       "special or engineering build carries no release order",
			       name, tn, rn);
	else if (t->scheme != r->scheme)
		ip_report_weak(out, ip_subj_target(),
			       at, "%s moves from %s to %s: a change between classic "
			       "IOS and IOS-XE numbering, a migration rather than an upgrade",
			       name, rn, tn);
	else
		ip_report_weak(out, ip_subj_target(),
			       at, "%s moves from %s to %s: a change of release train "
			       "(%s to %s), a migration rather than an upgrade; check the "
			       "migration path in the release notes", name, rn, tn,
			       r->train[0] ? r->train : "none", t->train[0] ? t->train : "none");
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	if (!t || !t->parsed || t->image.version.scheme == IP_VER_INVALID)
		return;
	const ip_text *rt = running_text(ctx->dev, &t->image);
	ip_version run;
	if (!rt || !ip_version_parse(&run, rt->s, strlen(rt->s)))
		return;
	const ip_version *tv = &t->image.version;
	char tn[IP_VERSION_TEXT_SIZE], rn[IP_VERSION_TEXT_SIZE];
	ip_version_normalise(tv, tn, sizeof(tn));
	ip_version_normalise(&run, rn, sizeof(rn));
	int c = order(tv, &run);
	ip_finding *f = NULL;
	if (c == IP_VER_INCOMPARABLE)
		report_unordered(out, rt->span, t->name, tv, &run, tn, rn);
	else if (c < 0)
		f = ip_report(out, ip_subj_target(),
			      rt->span, "%s is %s, older than the running %s: a "
			      "downgrade", t->name, tn, rn);
	else if (c == 0)
		f = ip_report(out, ip_subj_target(),
			      rt->span, "%s is %s, the release already running: a "
			      "reinstall", t->name, tn);
	if (f && ip_span_known(t->span))
		ip_finding_related(out, f, t->span, "the target %s", t->name);
}

const ip_rule rule_version_change = { "version-change", IP_SEV_WARNING, check, IP_REPAIR_NONE };
