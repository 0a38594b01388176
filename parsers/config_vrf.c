/* VRFs and transfer source interfaces in a configuration (show
 * running-config, show running-config | section vrf, a saved file):
 *
 *   vrf definition Mgmt-vrf
 *    !
 *    address-family ipv4
 *    exit-address-family
 *   !
 *   interface GigabitEthernet0/0
 *    vrf forwarding Mgmt-vrf
 *    ip address 192.0.2.10 255.255.255.0
 *   !
 *   ip tftp source-interface GigabitEthernet0
 *
 * A Catalyst 9000's management port is GigabitEthernet0/0 in Mgmt-vrf
 * (third-party, with its Cisco community sources:
 * https://networkhaven.org/Netzwerk/Management/Out-of-band-Management),
 * an IOS-XE router's GigabitEthernet0 in its own VRF, Mgmt-intf (Cisco
 * ASR 903 chassis guide, "Using the Management Ethernet Interface":
 * https://cisco.com/c/en/us/td/docs/routers/asr903/software/guide/chassis/xe-3s/b_Config_Guide_fullbook/b-cfg-mgmt-int.html;
 * DOMAIN.md section 7 for the ISR4321's `ip tftp source-interface`).
 * Classic IOS writes `ip vrf NAME` and `ip vrf forwarding NAME`. The
 * planner reads these facts for --vrf (issue 20, point 19): which
 * interface sits in the VRF the transfer must use, and which source
 * interface the configuration already sets. Lines are matched by prefix,
 * not by a regular expression: this runs on every configuration line. */
#include <string.h>

#include "parsers.h"

/* The token after prefix p at the start of l, or 0 when l does not start
 * with p; *start is its byte offset. */
static size_t token_after(const ip_line *l, const char *p, size_t *start)
{
	size_t n = strlen(p);
	if (l->len <= n || memcmp(l->text, p, n) != 0)
		return 0;
	size_t i = n;
	while (i < l->len && l->text[i] == ' ')
		i++;
	size_t e = i;
	while (e < l->len && l->text[e] != ' ' && l->text[e] != '\t')
		e++;
	*start = i;
	return e - i;
}

static ip_text text_at(ip_parse_ctx *ctx, const ip_section *sec, const ip_line *l, size_t at,
		       size_t n)
{
	ip_text t = { ip_arena_strndup(ctx->arena, l->text + at, n),
		      ip_line_span(l, sec->file, at, at + n) };
	return t;
}

/* A second capture of the same configuration names the same VRFs. */
static void vrf_add(ip_device *dev, ip_parse_ctx *ctx, ip_text name, ip_text iface)
{
	for (size_t i = 0; i < dev->n_vrfs; i++) {
		const ip_vrf_ref *r = &dev->vrfs[i];
		if (!strcmp(r->name.s, name.s) && (r->interface.s == iface.s ||
		    (r->interface.s && iface.s && !strcmp(r->interface.s, iface.s))))
			return;
	}
	ip_vrf_ref *r = IP_PUSH(ctx->arena, dev->vrfs, dev->n_vrfs, dev->cap_vrfs);
	r->name = name;
	r->interface = iface;
}

static void scan_top(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx,
		     const ip_line *l, ip_text *iface)
{
	size_t at, n;
	ip_text none = { NULL, { 0 } };
	*iface = none;
	if ((n = token_after(l, "interface ", &at)))
		*iface = text_at(ctx, sec, l, at, n);
	else if ((n = token_after(l, "vrf definition ", &at)) ||
		 (n = token_after(l, "ip vrf ", &at)))
		vrf_add(dev, ctx, text_at(ctx, sec, l, at, n), none);
	else if ((n = token_after(l, "ip tftp source-interface ", &at)))
		dev->tftp_source_if = text_at(ctx, sec, l, at, n);
	else if ((n = token_after(l, "ip scp source-interface ", &at)))
		dev->scp_source_if = text_at(ctx, sec, l, at, n);
}

int config_vrf_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	ip_text iface = { NULL, { 0 } };
	for (size_t i = 0; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		size_t at, n;
		if (!l->len)
			continue;
		if (l->text[0] != ' ') {
			if (l->text[0] == 'i' || l->text[0] == 'v')
				scan_top(dev, sec, ctx, l, &iface);
			else
				iface.s = NULL;
			continue;
		}
		if (!iface.s)
			continue;
		if ((n = token_after(l, " vrf forwarding ", &at)) ||
		    (n = token_after(l, " ip vrf forwarding ", &at)))
			vrf_add(dev, ctx, text_at(ctx, sec, l, at, n), iface);
	}
	return 0;
}
