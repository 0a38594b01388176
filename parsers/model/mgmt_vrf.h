/* The management VRF (issue 20, point 19): where a Catalyst 9000 or an
 * IOS-XE router reaches its transfer servers from, as the captures show
 * it. The planner reads it twice: with --vrf, which interface the
 * transfers leave from; without, whether to say that the captures
 * suggest a management VRF the plan does not use. */
#ifndef IOSPLAN_MGMT_VRF_H
#define IOSPLAN_MGMT_VRF_H

#include <stdbool.h>

#include "device.h"
#include "platform.h"

typedef struct ip_mgmt_vrf {
	bool found;
	const char *name;      /* "Mgmt-vrf", "Mgmt-intf" */
	const char *interface; /* its interface when a capture names it, or NULL */
	ip_span span;          /* the line that suggests it */
	const char *capture;   /* the command that printed that line */
} ip_mgmt_vrf;

/* Fill *out from dev's configuration (a `vrf definition`/`ip vrf` or
 * `vrf forwarding` naming Mgmt-vrf or Mgmt-intf) or, failing that, from
 * `show ip interface brief` (the platform's management port with an
 * address). out->found false when nothing suggests one. */
void ip_mgmt_vrf_find(ip_mgmt_vrf *out, const ip_device *dev, const ip_platform *pl);

/* The one interface a configuration puts in vrf (`vrf forwarding vrf`),
 * or NULL: none, or several (then *n_out says how many). */
const char *ip_vrf_interface(const ip_device *dev, const char *vrf, size_t *n_out);

#endif
