/* The management VRF as the captures show it; see mgmt_vrf.h.
 *
 * The names are Cisco's own and fixed: Catalyst 9000 (and 3650/3850)
 * switches put their management port GigabitEthernet0/0 in Mgmt-vrf, the
 * IOS-XE routers (ISR4000, ASR1000) GigabitEthernet0 in Mgmt-intf
 * (parsers/config_vrf.c cites both). A VRF of another name is the
 * operator's and suggests nothing. */
#include "mgmt_vrf.h"

#include <string.h>
#include <strings.h>

static bool is_mgmt_name(const char *s)
{
	return s && (!strcasecmp(s, "Mgmt-vrf") || !strcasecmp(s, "Mgmt-intf"));
}

const char *ip_vrf_interface(const ip_device *dev, const char *vrf, size_t *n_out)
{
	const char *one = NULL;
	size_t n = 0;
	for (size_t i = 0; vrf && i < dev->n_vrfs; i++) {
		const ip_vrf_ref *r = &dev->vrfs[i];
		if (!r->interface.s || strcmp(r->name.s, vrf))
			continue;
		if (!one || strcasecmp(one, r->interface.s))
			n++;
		one = one ? one : r->interface.s;
	}
	if (n_out)
		*n_out = n;
	return n == 1 ? one : NULL;
}

/* The management port `show ip interface brief` lists with an address. */
static const ip_interface *mgmt_port(const ip_device *dev, const ip_platform *pl,
				     const char **vrf)
{
	const char *key = pl->family == IP_FAMILY_SWITCH_XE ? "gi0/0"
			  : pl->family == IP_FAMILY_ROUTER_XE ? "gi0" : NULL;
	*vrf = pl->family == IP_FAMILY_SWITCH_XE ? "Mgmt-vrf" : "Mgmt-intf";
	for (size_t i = 0; key && i < dev->if_brief.n; i++) {
		const ip_interface *f = &dev->if_brief.v[i];
		if (f->key && !strcmp(f->key, key) && f->address.s &&
		    strcasecmp(f->address.s, "unassigned"))
			return f;
	}
	return NULL;
}

void ip_mgmt_vrf_find(ip_mgmt_vrf *out, const ip_device *dev, const ip_platform *pl)
{
	memset(out, 0, sizeof(*out));
	const ip_vrf_ref *best = NULL;
	for (size_t i = 0; i < dev->n_vrfs; i++) {
		const ip_vrf_ref *r = &dev->vrfs[i];
		if (is_mgmt_name(r->name.s) && (!best || (!best->interface.s && r->interface.s)))
			best = r;
	}
	if (best) {
		out->found = true;
		out->name = best->name.s;
		out->interface = ip_vrf_interface(dev, best->name.s, NULL);
		out->span = best->interface.s ? best->interface.span : best->name.span;
		out->capture = "show running-config";
		return;
	}
	const char *vrf;
	const ip_interface *f = mgmt_port(dev, pl, &vrf);
	if (!f)
		return;
	out->found = true;
	out->name = vrf;
	out->interface = f->name.s;
	out->span = f->span;
	out->capture = "show ip interface brief";
}
