/* The install-mode command set of the running release (install_flow.h).
 *
 * Evidence for each flow and boundary (issue 21; DOMAIN.md §8):
 * - Cat3650/3850 on IOS-XE 3.x: `software install file flash:<bin> new
 *   force`, which expands the bundle, writes packages.conf and asks
 *   "Do you want to proceed with reload? [yes/no]:"; a real session
 *   upgrading 03.06.03E to 16.3.5b prints "[1]: Finished installing
 *   software.  New software will load on reboot." (a public blog post,
 *   "Upgrading IOS-XE 3.X to IOS-XE Denali 16.X", 2018-04-02, found in the
 *   code corpus); the clean-up there is `software clean`, which asks "Do
 *   you want to proceed with the deletion? [yes/no]:" and ends "Clean up
 *   completed". Cisco's community document "3850 switch - IOS XE upgrade
 *   Detailed (standalone)"
 *   (https://community.cisco.com/t5/networking-documents/3850-switch-ios-xe-upgrade-detailed-standalone/ta-p/3138609)
 *   names `software install`, `software rollback` and `software expand`
 *   as the 3.x install-mode commands.
 * - Catalyst 9000 on 16.5.1a and 16.6.1: `request platform software
 *   package install switch all file flash:<bin> auto-copy`, then a reload;
 *   from 16.6.2 on `install add file ... activate commit`
 *   (networktocode/pyntc pyntc/devices/ios_device.py install_os, citing
 *   the Catalyst 9300 17.2 release notes
 *   https://www.cisco.com/c/en/us/td/docs/switches/lan/catalyst9300/software/release/17-2/release_notes/ol-17-2-9300.html;
 *   Cisco 216231 "Upgrade Guide for Cisco Catalyst 9000 Switches" covers
 *   the old and the new procedure). Confirmed.
 * - Cat3650/3850 on 16.x: `request platform software package install
 *   switch all file flash:<bin> new auto-copy`, clean-up `request platform
 *   software package clean switch all file flash:` (issue 21; the same
 *   commands in public upgrade notes in the code corpus). The release
 *   from which `install add` exists there is UNCONFIRMED: no Cisco
 *   document found states it. Assumed 16.10.1 (Gibraltar) and configurable
 *   (install_commands_since); the plan says it is an assumption.
 * - IOS-XE routers (ISR4k, ASR1k, CSR1000v, Catalyst 8000, ISR1100):
 *   before `install` they expand the bundle with `request platform
 *   software package expand file bootflash:<bin>` and boot packages.conf
 *   (DOMAIN.md §8; Cisco C8500 "Consolidated Package Management"), a
 *   procedure iosplan does not write: such a plan is refused. The release
 *   from which `install add` exists on them is UNCONFIRMED: assumed
 *   16.6.1 (Everest), configurable. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "install_flow.h"
#include "version.h"

typedef struct since_row {
	const char *series;
	const char *release;
	bool assumed;
	const char *source;
} since_row;

#define SRC_C9K "Cisco 216231 and the Catalyst 9300 17.2 release notes (via networktocode/pyntc)"
#define SRC_C3K "UNCONFIRMED: no Cisco document found; assumed"
#define SRC_RTR "UNCONFIRMED: no Cisco document found; assumed"

static const since_row table[] = {
	{ "C3650", "16.10.1", true, SRC_C3K },
	{ "C3850", "16.10.1", true, SRC_C3K },
	{ "C9", "16.6.2", false, SRC_C9K },
	{ "ISR4", "16.6.1", true, SRC_RTR },
	{ "ISR1100", "16.6.1", true, SRC_RTR },
	{ "ASR1", "16.6.1", true, SRC_RTR },
	{ "CSR1000V", "16.6.1", true, SRC_RTR },
	{ "C8", "16.6.1", true, SRC_RTR },
};

const char *ip_install_flow_name(ip_install_flow f)
{
	switch (f) {
	case IP_FLOW_INSTALL: return "install";
	case IP_FLOW_SOFTWARE_INSTALL: return "software-install";
	case IP_FLOW_REQUEST_PLATFORM: return "request-platform";
	case IP_FLOW_NONE: return "none";
	}
	return "install";
}

static bool is_switch_3k(const char *series)
{
	return series && (!strncasecmp(series, "C3850", 5) || !strncasecmp(series, "C3650", 5));
}

static bool is_router(const ip_platform *plat)
{
	return plat->family == IP_FAMILY_ROUTER_XE;
}

/* The boundary for series: the longest matching prefix, the overrides
 * first (a configured row wins over a built-in one of any length). */
static void boundary(ip_install_gate *out, const char *series, const ip_install_since *ov,
		     size_t n)
{
	size_t best = 0;
	for (size_t i = 0; series && i < n; i++) {
		size_t k = ov[i].series ? strlen(ov[i].series) : 0;
		if (k > best && !strncasecmp(series, ov[i].series, k)) {
			best = k;
			out->since = ov[i].release;
			out->configured = true;
			out->assumed = false;
			out->source = "install_commands_since in .iosplan.yaml";
		}
	}
	if (best)
		return;
	for (size_t i = 0; series && i < sizeof(table) / sizeof(table[0]); i++) {
		size_t k = strlen(table[i].series);
		if (k > best && !strncasecmp(series, table[i].series, k)) {
			best = k;
			out->since = table[i].release;
			out->assumed = table[i].assumed;
			out->source = table[i].source;
		}
	}
}

static void decide(ip_install_gate *out, const ip_version *run, const ip_platform *plat,
		   const ip_install_since *ov, size_t n)
{
	boundary(out, plat->series, ov, n);
	if (run->major == 3) {
		/* IOS-XE 3.x: the Catalyst 3k's own commands, whatever the
		 * 16.x boundary (so no assumption decided it); a router's
		 * expand-and-boot procedure is not one iosplan writes */
		out->assumed = false;
		out->source = "a captured 3.x software install session; Cisco community document "
			      "3138609";
		out->flow = is_switch_3k(plat->series) ? IP_FLOW_SOFTWARE_INSTALL
			  : is_router(plat) ? IP_FLOW_NONE : IP_FLOW_INSTALL;
		return;
	}
	ip_version since;
	if (!out->since || !ip_version_parse(&since, out->since, strlen(out->since)) ||
	    ip_version_cmp(run, &since) != -1) {
		out->flow = IP_FLOW_INSTALL;
		return;
	}
	out->flow = is_router(plat) ? IP_FLOW_NONE : IP_FLOW_REQUEST_PLATFORM;
}

static void gate_from(ip_install_gate *out, const char *s, const ip_platform *plat,
		      const ip_install_since *ov, size_t n, char *buf)
{
	memset(out, 0, sizeof(*out));
	ip_version run;
	if (!s || !ip_version_parse(&run, s, strlen(s)) || run.scheme != IP_VER_XE) {
		out->flow = IP_FLOW_INSTALL;
		out->version_unknown = true;
		boundary(out, plat->series, ov, n);
		return;
	}
	ip_version_normalise(&run, buf, IP_VERSION_TEXT_SIZE);
	out->running = buf;
	decide(out, &run, plat, ov, n);
}

void ip_install_gate_release(ip_install_gate *out, const char *release, const ip_platform *plat,
			     const ip_install_since *overrides, size_t n, char *buf)
{
	gate_from(out, release, plat, overrides, n, buf);
}

void ip_install_gate_decide(ip_install_gate *out, const ip_device *dev, const ip_platform *plat,
			    const ip_install_since *overrides, size_t n, char *buf)
{
	/* the XE release line first ("Cisco IOS XE Software, Version
	 * 16.03.06"); IOS-XE 3.x switches print theirs on the Cisco IOS
	 * Software line only ("Version 03.06.05E") */
	const char *s = dev->xe_version.s ? dev->xe_version.s : dev->version.s;
	gate_from(out, s, plat, overrides, n, buf);
}

const char *ip_install_hms(char buf[IP_HMS_SIZE], uint64_t seconds)
{
	snprintf(buf, IP_HMS_SIZE, "%02llu:%02llu:%02llu", (unsigned long long)(seconds / 3600),
		 (unsigned long long)(seconds / 60 % 60), (unsigned long long)(seconds % 60));
	return buf;
}
