/* Which install-mode commands the running release has (issue 21): the one
 * place that decides the flow, for the planner's steps and the rules'
 * fixes alike.
 *
 * The command set follows the release the device runs NOW, not the
 * target: the commands are typed into the old software.
 *
 *   flow                  commands                               where
 *   software-install      software install file F new force      Cat3650/3850 IOS-XE 3.x
 *                         software clean / software rollback
 *   request-platform      request platform software package      Cat3650/3850 16.x and
 *                         install switch all file F [new]        Cat9k 16.5/16.6.1, before
 *                         auto-copy; ... clean switch all         `install` existed
 *   install               install add file F activate commit      everywhere after
 *
 * The releases from which `install add` exists come from one table
 * (install_flow.c, each row with its source) that `.iosplan.yaml`'s
 * install_commands_since overrides per series; a row whose boundary no
 * Cisco document confirms is marked assumed, and the plan says so. */
#ifndef IOSPLAN_INSTALL_FLOW_H
#define IOSPLAN_INSTALL_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "device.h"
#include "platform.h"
#include "version.h" /* IP_VERSION_TEXT_SIZE: the caller's buffer */

typedef enum ip_install_flow {
	IP_FLOW_INSTALL = 0,      /* install add file F activate commit */
	IP_FLOW_SOFTWARE_INSTALL, /* IOS-XE 3.x switches: software install file F new force */
	IP_FLOW_REQUEST_PLATFORM, /* request platform software package install switch all ... */
	IP_FLOW_NONE,             /* install mode without a flow iosplan writes (a router
				   * on IOS-XE 3.x: `request platform software package
				   * expand`, then boot packages.conf): refused */
} ip_install_flow;

/* One series' boundary: the release from which `install add` exists. */
typedef struct ip_install_since {
	const char *series;  /* ip_platform.series prefix: "C3850", "C9", "ISR4" */
	const char *release; /* "16.6.2"; the first release with `install add` */
} ip_install_since;

typedef struct ip_install_gate {
	ip_install_flow flow;
	const char *running;  /* the running release as normalised ("16.3.6"), or NULL */
	const char *since;    /* the boundary applied ("16.6.2"), or NULL */
	bool assumed;         /* the boundary is UNCONFIRMED (a documented default) */
	bool configured;      /* ... or it came from .iosplan.yaml */
	bool version_unknown; /* no running release in the captures: `install add`
			       * assumed (the newest form), and said */
	const char *source;   /* where the boundary comes from, for the plan text */
} ip_install_gate;

/* Decide the flow for a device in install mode on platform plat, from its
 * running release. overrides (n of them, from .iosplan.yaml, may be NULL)
 * win over the built-in table; the longest matching series prefix wins.
 * Never fails: a release it cannot read gives IP_FLOW_INSTALL with
 * version_unknown set. Strings point into static storage, the overrides or
 * buf (IP_VERSION_TEXT_SIZE bytes, the caller's). */
void ip_install_gate_decide(ip_install_gate *out, const ip_device *dev, const ip_platform *plat,
			    const ip_install_since *overrides, size_t n, char *buf);

/* The same for a release given as text (the target's: whether the release
 * the plan installs has `install` for the post-checks). */
void ip_install_gate_release(ip_install_gate *out, const char *release, const ip_platform *plat,
			     const ip_install_since *overrides, size_t n, char *buf);

const char *ip_install_flow_name(ip_install_flow f); /* "install", "software-install", ... */

/* The time an install timer has left, as "hh:mm:ss" (hours past 99 widen),
 * the form show install summary prints it in ("Auto abort timer: active ,
 * time before rollback - 01:56:12"): one form for the rule and the trace. */
#define IP_HMS_SIZE 32
const char *ip_install_hms(char buf[IP_HMS_SIZE], uint64_t seconds);

#endif
