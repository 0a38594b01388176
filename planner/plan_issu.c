/* ISSU or a full reload, for a device with a standby RP (issue 21).
 *
 * Cisco's ISSU guide for Catalyst (b-in-service-software-upgrade-issu,
 * http://cisco.com/c/en/us/td/docs/switches/lan/catalyst_standalones/
 * b-in-service-software-upgrade-issu.html; TAC 214406 for Cat3850/9000)
 * says when an in-service upgrade applies:
 * - install mode only;
 * - dual supervisors (SSO) or StackWise Virtual: the standby must be
 *   STANDBY HOT in SSO;
 * - within one major train (16.x to 17.x is not supported), from an
 *   Extended Maintenance release to another EM release "not more than 3
 *   years apart", or within one EM release (17.3.1 to 17.3.x); never from
 *   or to a Standard Maintenance release (16.10, 16.11 to 16.12 is not).
 *   Its EM examples are 16.9, 16.12, 17.3, 17.6, 17.9, 17.12, 17.15: in
 *   17.x every third minor, in 16.x 16.9 and 16.12. The guide's
 *   examples reach three EM releases ahead (17.3 to 17.12, 17.6 to
 *   17.15) and Cisco ships one EM a year, so "3 years" is taken as at
 *   most three EM releases ahead: an UNCONFIRMED reading of the dates,
 *   said in the plan. The ASR 1000 follows the same install-mode and SSO
 *   rules (ASR1000 xe-17 "Software Upgrade Processes Supported by Cisco
 *   ASR 1000 Series Routers", install-issu-asr); its own release matrix
 *   is not modelled, which the plan says too.
 * Without --issu the plan is the full reload and says whether ISSU would
 * have applied; with --issu and every condition met the install line
 * gains `issu` (`install add file F activate issu commit`: the guide's
 * one-step form, genielibs iosxe InstallImage); with --issu and one
 * failing, the plan is refused, naming it. */
#include <string.h>

#include "plan_private.h"
#include "redundancy.h"
#include "version.h"

/* 16.9, 16.12, 17.3, 17.6, ...: the EM releases of the guide's examples. */
static bool em_release(const ip_version *v)
{
	if (v->major == 16)
		return v->minor == 9 || v->minor == 12;
	return v->major >= 17 && v->minor > 0 && v->minor % 3 == 0;
}

/* The EM step count from a to b (same major, both EM), e.g. 17.3 -> 17.12:
 * 3; 16.9 -> 16.12: 1. */
static int em_steps(const ip_version *a, const ip_version *b)
{
	return (b->minor - a->minor) / 3;
}

static bool parse_running(const ip_device *d, ip_version *v)
{
	const char *s = d->xe_version.s ? d->xe_version.s : d->version.s;
	return s && ip_version_parse(v, s, strlen(s)) && v->scheme == IP_VER_XE;
}

const char *plan_issu_ineligible(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_device *d = p->dev;
	if (!ip_standby_present(d))
		return "no standby route processor or supervisor is captured (show redundancy)";
	if (!ip_standby_syncs(d))
		return "the standby is not STANDBY HOT in SSO (show redundancy)";
	if (p->method != IP_METHOD_INSTALL)
		return "the device runs in bundle mode: ISSU needs install mode";
	ip_version cur;
	const ip_version *tgt = p->target && p->target->parsed ? &p->target->image.version : NULL;
	if (!parse_running(d, &cur) || !tgt || tgt->scheme != IP_VER_XE)
		return "the running or the target release is not an IOS-XE release iosplan can read";
	if (cur.major != tgt->major)
		return ip_arena_printf(b->a, "%d.x to %d.x crosses a major release train", cur.major,
				       tgt->major);
	if (ip_version_cmp(&cur, tgt) >= 0)
		return "the target is not a later release";
	if (cur.minor == tgt->minor)
		return em_release(&cur) ? NULL
					: "a Standard Maintenance release: ISSU runs between "
					  "Extended Maintenance releases only";
	if (!em_release(&cur) || !em_release(tgt))
		return ip_arena_printf(b->a, "%d.%d to %d.%d involves a Standard Maintenance "
				       "release: ISSU runs between Extended Maintenance releases "
				       "only", cur.major, cur.minor, tgt->major, tgt->minor);
	if (em_steps(&cur, tgt) > 3)
		return ip_arena_printf(b->a, "%d.%d to %d.%d is more than three Extended "
				       "Maintenance releases apart (Cisco: not more than 3 years)",
				       cur.major, cur.minor, tgt->major, tgt->minor);
	return NULL;
}

/* An eligible --issu plan says what its eligibility rests on that no
 * Cisco document states (issue 21 pt 2): "not more than 3 years apart"
 * read as at most three EM releases ahead, and the ASR 1000's own matrix
 * not modelled. An assumption in the plan's words, not a setting. */
static void issu_window_assumed(plan_bld *b)
{
	const ip_plan *p = b->p;
	ip_version cur;
	const ip_version *tgt = p->target && p->target->parsed ? &p->target->image.version : NULL;
	const char *series = p->check.platform.series;
	bool asr1k = series && !strncmp(series, "ASR1", 4);
	if (!tgt || !parse_running(p->dev, &cur) || cur.minor == tgt->minor) {
		if (asr1k)
			plan_warn(b, "ISSU: iosplan checks Cisco's Catalyst rules (install mode, "
				  "standby hot in SSO, one Extended Maintenance release); the ASR "
				  "1000's own ISSU release matrix is not modelled: an assumption, "
				  "check it against the release notes");
		return;
	}
	plan_warn(b, "ISSU: %d.%d to %d.%d is taken as within Cisco's window (\"ISSU is "
		  "supported between any two Extended Maintenance releases that are released "
		  "not more than 3 years apart\") by reading 3 years as at most three EM "
		  "releases ahead: an assumption (UNCONFIRMED), not a setting; check the two "
		  "releases' dates%s", cur.major, cur.minor, tgt->major, tgt->minor,
		  asr1k ? ", and the ASR 1000's own ISSU release matrix, which iosplan does not "
			  "model" : "");
}

void plan_issu_decide(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_device *d = p->dev;
	/* show bootvar's Standby lines without show redundancy: a standby is
	 * there, but nothing says a save reaches it (R13 needs it to) */
	if (ip_standby_present(d) && !ip_redundancy_of(d)->known) {
		b->refusal_issu = "show bootvar shows a standby route processor but no show "
				  "redundancy says it is STANDBY HOT in SSO, so nothing shows the "
				  "save reaching it: capture `show redundancy`";
		return;
	}
	const char *why = plan_issu_ineligible(b);
	if (p->opts.issu) {
		if (why)
			b->refusal_issu = ip_arena_printf(b->a, "--issu: ISSU does not apply: %s; "
							  "without --issu the plan reloads the "
							  "whole system", why);
		else {
			b->issu = true;
			issu_window_assumed(b);
		}
		return;
	}
	if (!ip_standby_present(p->dev))
		return;
	if (why)
		plan_warn(b, "the reload restarts both route processors at once (an outage for "
			  "the whole reload): ISSU, which upgrades one at a time, does not apply "
			  "here: %s", why);
	else
		plan_warn(b, "the reload restarts both route processors at once (an outage for "
			  "the whole reload); ISSU would apply (install mode, standby hot in SSO, "
			  "an Extended Maintenance step within three releases: iosplan reads "
			  "Cisco's \"3 years\" that way, UNCONFIRMED, and does not model the ASR "
			  "1000's own matrix): ask for it with --issu");
}
