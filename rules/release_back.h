/* The way back, decided once (issue 22): whether a change crosses a
 * one-way ROMMON, whether a release can read the configuration's
 * secrets, whether the target crosses the catalogue's licensing change.
 * The rules (rommon-one-way, secret-downgrade, license-change) report
 * these for the target; the planner's way back (planner/plan_way_back.c)
 * asks the same questions for its rollback, so that a finding and the
 * plan's "Way back" can never disagree. Answers only; no text. */
#ifndef IOSPLAN_RELEASE_BACK_H
#define IOSPLAN_RELEASE_BACK_H

#include "platform.h"
#include "rommon.h"
#include "target.h"
#include "version.h"

/* The running release as the target's kind of release names it: the
 * IOS-XE version when the target is an IOS-XE image and show version
 * printed one, else the IOS version; NULL text when unknown. */
const ip_text *ip_release_running(const ip_device *d, const ip_target *t);

/* --- ROMMON --------------------------------------------------------------- */

typedef struct ip_rommon_crossing {
	const ip_rommon_min *min;    /* the target's minimum for this device */
	const ip_fact_text *one_way; /* the one-way version crossed; NULL: none */
	ip_rommon_answer now;        /* the device's ROMMON (now.version NULL:
				      * unknown, now.missing names the capture) */
	bool unknown;                /* one_way is crossed only if the device's
				      * ROMMON, not captured, is below it */
} ip_rommon_crossing;

/* The first catalogued one-way ROMMON version that meeting the target's
 * minimum crosses: the minimum is at or above it and the device is below
 * it (or not captured: .unknown). Versions that cannot be ordered are
 * not crossings (rommon-minimum reports them). */
ip_rommon_crossing ip_release_rommon_crossing(const ip_target *t, const ip_device *d,
					      const ip_platform *p);

/* --- secrets -------------------------------------------------------------- */

/* The release from which IOS-XE reads $14$ (convoluted type 9) secrets and
 * converts to type 6: Cisco, Catalyst 3650 16.12 security guide,
 * "Controlling Switch Access with Passwords and Privilege Levels"
 * (notes/research22.md §7). Documented for IOS-XE switches; elsewhere
 * UNCONFIRMED (.documented false). */
#define IP_SECRET_RELEASE "16.12.1"

typedef struct ip_secret_lockout {
	const ip_secret_seen *s14; /* a $14$ secret it cannot read, or NULL */
	const ip_secret_seen *six; /* type 6 passwords it may not read, or NULL
				    * (Cisco names no IOS-XE release without
				    * them: a weaker answer) */
	bool documented;           /* the boundary is Cisco's for this platform */
} ip_secret_lockout;

/* Which of the configuration's secrets an IOS-XE release `boots` cannot
 * read: all NULL when no configuration was read, when `boots` is at or
 * after IP_SECRET_RELEASE or cannot be ordered against it. */
ip_secret_lockout ip_secret_lockout_at(const ip_device *d, const ip_version *boots,
				       const ip_platform *p);

/* Whether a release before IP_SECRET_RELEASE and one at or after it lie on
 * either side of this change: secrets written under `to` may be $14$,
 * which `from` cannot read. */
bool ip_secret_release_crossed(const ip_version *from, const ip_version *to);

/* --- licensing ------------------------------------------------------------ */

/* Whether the target crosses the catalogue's license_model change: the
 * running release before `since`, the target at or after it. */
bool ip_release_license_crossing(const ip_target *t, const ip_device *d);

/* The licensing when show version's next-reload level differs from the
 * current one ("License Level: ipservices" / "Next reload license Level:
 * ipbase"), else NULL. */
const ip_license *ip_license_level_change(const ip_device *d);

#endif
