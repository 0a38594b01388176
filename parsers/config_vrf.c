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
 * interface the configuration already sets. config_boot.c's one pass over
 * a configuration hands each line here (parsers.h): no second pass, and
 * prefixes, not regular expressions, for this runs on every line. */
#include <string.h>

#include "parsers.h"

/* The token at byte `at` of l: its length. */
static size_t token_at(const ip_line *l, size_t *at)
{
	size_t i = *at;
	while (i < l->len && l->text[i] == ' ')
		i++;
	size_t e = i;
	while (e < l->len && l->text[e] != ' ' && l->text[e] != '\t')
		e++;
	*at = i;
	return e - i;
}

/* Whether l starts with the literal lit (and goes on after it). A macro,
 * so that the length is a constant: this runs on every configuration
 * line of every capture (bench/budgets, lint-log-ir). */
#define STARTS(l, lit) ((l)->len > sizeof(lit) - 1 && !memcmp((l)->text, lit, sizeof(lit) - 1))

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

void config_vrf_top(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx, const ip_line *l)
{
	ip_text none = { NULL, { 0 } };
	size_t at = 0, n = 0;
	ip_text *dst = NULL;
	if (STARTS(l, "vrf definition "))
		at = sizeof("vrf definition ") - 1;
	else if (STARTS(l, "ip vrf ") && !STARTS(l, "ip vrf forwarding"))
		at = sizeof("ip vrf ") - 1;
	else if (STARTS(l, "ip tftp source-interface "))
		at = sizeof("ip tftp source-interface ") - 1, dst = &dev->tftp_source_if;
	else if (STARTS(l, "ip scp source-interface "))
		at = sizeof("ip scp source-interface ") - 1, dst = &dev->scp_source_if;
	else
		return;
	if (!(n = token_at(l, &at)))
		return;
	if (dst)
		*dst = text_at(ctx, sec, l, at, n);
	else
		vrf_add(dev, ctx, text_at(ctx, sec, l, at, n), none);
}

/* An indented `vrf forwarding NAME`: the interface it belongs to is the
 * top-level line above it, found by walking back (these lines are rare;
 * the pass over every line keeps no state for them). */
void config_vrf_sub(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx, const ip_line *l)
{
	size_t at = STARTS(l, " vrf forwarding ") ? sizeof(" vrf forwarding ") - 1
		    : STARTS(l, " ip vrf forwarding ") ? sizeof(" ip vrf forwarding ") - 1 : 0;
	size_t n = at ? token_at(l, &at) : 0;
	if (!n)
		return;
	const ip_line *top = l;
	while (top > sec->lines && (!top->len || top->text[0] == ' '))
		top--;
	size_t ia = sizeof("interface ") - 1, in = STARTS(top, "interface ") ? token_at(top, &ia) : 0;
	if (in)
		vrf_add(dev, ctx, text_at(ctx, sec, l, at, n), text_at(ctx, sec, top, ia, in));
}
