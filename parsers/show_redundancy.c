/* show redundancy and show redundancy states: the other route processor.
 *
 * show redundancy (ASR1000 dual RP, Cat4500/6500/9400 dual supervisor,
 * Cat9500 StackWise Virtual "Switch 2"):
 *   Redundant System Information :
 *                    Hardware Mode = Duplex
 *       Configured Redundancy Mode = sso
 *        Operating Redundancy Mode = sso
 *   Current Processor Information :
 *                  Active Location = slot 6
 *           Current Software state = ACTIVE
 *                             BOOT = harddisk:test-image-PE1-13116843,12;
 *           Configuration register = 0x2102
 *   Peer Processor Information :
 *                 Standby Location = slot 7
 *           Current Software state = STANDBY HOT
 *                    Image Version = Cisco IOS Software [Everest], ASR1000 ...
 *                             BOOT = harddisk:test-image-PE1-13116843,12;
 *           Configuration register = 0x2102
 * and, with no peer, in place of the Peer block:
 *   Peer (slot: 7) information is not available because it is in 'DISABLED' state
 * [genieparser iosxe tests ShowRedundancy golden_output_asr1k, _asr1002,
 *  _c9400, _c3850, _cat4500; ntc-templates tests/cisco_ios/show_redundancy/
 *  cisco_ios_show_redundancy2.raw (Sup2T), 3.raw (c6848x simplex), 5.raw
 *  (C9500 SVL, "Standby Location = Switch 2")]
 *
 * show redundancy states:
 *          my state = 13 -ACTIVE
 *        peer state = 8  -STANDBY HOT
 *              Mode = Duplex
 *   Redundancy Mode (Operational) = sso
 *   Redundancy Mode (Configured)  = sso
 * [genieparser iosxe tests ShowRedundancyStates golden_output1 (simplex,
 *  "1  -DISABLED"), golden_output4 (duplex, "8  -STANDBY HOT")]
 * The numbers are the RF states of CISCO-RF-MIB (RFState: 1 disabled ... 4
 * standbyCold ... 8 standbyHot ... 13 active); the name after '-' is kept.
 *
 * Every line is "key = value"; the key decides, the value is kept as
 * printed (trailing blanks trimmed, "STANDBY HOT " has one) with its span.
 * A peer reported DISABLED in a simplex chassis is no peer at all. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parsers.h"

enum block { BLK_SYSTEM, BLK_CURRENT, BLK_PEER };

typedef struct rd_line {
	const ip_line *l;
	const char *file;
	size_t ks, ke;  /* key [ks, ke) */
	size_t vs, ve;  /* value [vs, ve), may be empty */
} rd_line;

static ip_text text_of(ip_arena *a, const rd_line *r, size_t s, size_t e)
{
	ip_text t = { ip_arena_strndup(a, r->l->text + s, e - s),
		      ip_line_span(r->l, r->file, s, e) };
	return t;
}

static bool key_is(const rd_line *r, const char *k)
{
	size_t n = strlen(k);
	return r->ke - r->ks == n && strncmp(r->l->text + r->ks, k, n) == 0;
}

/* Split " key = value " at its first '='; false when the line has none. */
static bool split(rd_line *r)
{
	const char *t = r->l->text;
	size_t n = r->l->len;
	const char *eq = memchr(t, '=', n);
	if (!eq)
		return false;
	size_t e = (size_t)(eq - t);
	r->ks = 0;
	while (r->ks < e && isspace((unsigned char)t[r->ks]))
		r->ks++;
	r->ke = e;
	while (r->ke > r->ks && isspace((unsigned char)t[r->ke - 1]))
		r->ke--;
	r->vs = e + 1;
	while (r->vs < n && isspace((unsigned char)t[r->vs]))
		r->vs++;
	r->ve = n;
	while (r->ve > r->vs && isspace((unsigned char)t[r->ve - 1]))
		r->ve--;
	return r->ke > r->ks;
}

ip_red_mode ip_red_mode_classify(const char *s)
{
	static const struct { const char *text; ip_red_mode mode; } names[] = {
		{ "sso", IP_RED_MODE_SSO }, { "stateful switchover", IP_RED_MODE_SSO },
		{ "rpr", IP_RED_MODE_RPR }, { "rpr+", IP_RED_MODE_RPR },
		{ "rpr-plus", IP_RED_MODE_RPR },
		{ "route processor redundancy", IP_RED_MODE_RPR },
		{ "route processor redundancy plus", IP_RED_MODE_RPR },
		{ "non-redundant", IP_RED_MODE_NONE }, { "non redundant", IP_RED_MODE_NONE },
	};
	if (!s)
		return IP_RED_MODE_UNKNOWN;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i].text) == 0)
			return names[i].mode;
	return IP_RED_MODE_OTHER;
}

ip_peer_state ip_peer_state_classify(const char *s)
{
	if (!s)
		return IP_PEER_UNKNOWN;
	if (strcasecmp(s, "STANDBY HOT") == 0)
		return IP_PEER_HOT;
	if (strncasecmp(s, "STANDBY COLD", 12) == 0)
		return IP_PEER_COLD;
	if (strcasecmp(s, "DISABLED") == 0)
		return IP_PEER_DISABLED;
	return IP_PEER_OTHER;
}

/* "8  -STANDBY HOT": the name after the RF state number. */
static void states_value(rd_line *r)
{
	const char *t = r->l->text;
	size_t i = r->vs;
	while (i < r->ve && isdigit((unsigned char)t[i]))
		i++;
	while (i < r->ve && isspace((unsigned char)t[i]))
		i++;
	if (i > r->vs && i < r->ve && t[i] == '-')
		r->vs = i + 1;
}

static void set_peer(ip_redundancy *rd, ip_arena *a, const rd_line *r, size_t s,
		     size_t e)
{
	rd->peer_state = text_of(a, r, s, e);
	rd->peer = ip_peer_state_classify(rd->peer_state.s);
}

static void set_register(ip_register *cur, ip_register *next, const rd_line *r,
			 ip_parse_ctx *ctx)
{
	errno = 0;
	char *end;
	unsigned long v = strtoul(r->l->text + r->vs, &end, 16);
	if (errno || v > 0xFFFF || end == r->l->text + r->vs) {
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span(r->l, r->file, r->vs, r->ve),
			    "standby configuration register not understood: "
			    "it stays unknown");
		return;
	}
	ip_span sp = ip_line_span(r->l, r->file, r->vs, (size_t)(end - r->l->text));
	*cur = (ip_register){ true, (uint32_t)v, sp };
	/* show redundancy prints one value; like show version's register
	 * line, no "(will be ...)" means the next reload keeps it */
	*next = *cur;
}

static void boot_value(ip_boot_list *list, const ip_section *sec,
		       ip_parse_ctx *ctx, const rd_line *r)
{
	memset(list, 0, sizeof(*list));
	list->known = true;
	list->filtered = sec->filter != NULL;
	list->span = ip_line_span_all(r->l, sec->file);
	bootvar_elements_parse(list, sec, ctx, r->l, r->vs);
}

/* The keys of the system block and of show redundancy states. */
static bool system_key(ip_redundancy *rd, ip_arena *a, rd_line *r)
{
	if (key_is(r, "Hardware Mode") || key_is(r, "Mode"))
		rd->hw_mode = text_of(a, r, r->vs, r->ve);
	else if (key_is(r, "Operating Redundancy Mode") ||
		 key_is(r, "Redundancy Mode (Operational)")) {
		rd->mode_text = text_of(a, r, r->vs, r->ve);
		rd->mode = ip_red_mode_classify(rd->mode_text.s);
	} else if (key_is(r, "Configured Redundancy Mode") ||
		   key_is(r, "Redundancy Mode (Configured)"))
		rd->mode_configured = text_of(a, r, r->vs, r->ve);
	else if (key_is(r, "my state")) {
		states_value(r);
		rd->my_state = text_of(a, r, r->vs, r->ve);
	} else if (key_is(r, "peer state")) {
		states_value(r);
		set_peer(rd, a, r, r->vs, r->ve);
	} else
		return false;
	return true;
}

static void block_key(ip_redundancy *rd, enum block b, const ip_section *sec,
		      ip_parse_ctx *ctx, rd_line *r)
{
	ip_arena *a = ctx->arena;
	if (b == BLK_CURRENT && key_is(r, "Current Software state"))
		rd->my_state = text_of(a, r, r->vs, r->ve);
	else if (b == BLK_PEER && key_is(r, "Current Software state"))
		set_peer(rd, a, r, r->vs, r->ve);
	else if (b == BLK_PEER && key_is(r, "Standby Location"))
		rd->standby_location = text_of(a, r, r->vs, r->ve);
	else if (b == BLK_PEER && key_is(r, "Image Version"))
		rd->standby_image = text_of(a, r, r->vs, r->ve);
	else if (key_is(r, "BOOT"))
		boot_value(b == BLK_PEER ? &rd->standby_boot : &rd->active_boot,
			   sec, ctx, r);
	else if (b == BLK_PEER && key_is(r, "Configuration register"))
		set_register(&rd->standby_confreg, &rd->standby_confreg_next, r, ctx);
}

/* "Peer (slot: 7) information is not available because it is in
 * 'DISABLED' state": the state between the quotes. */
static bool peer_unavailable(ip_redundancy *rd, ip_arena *a, const ip_line *l,
			     const char *file)
{
	static const char lead[] = "information is not available because it is in '";
	const char *t = l->text;
	const char *p = strstr(t, lead);
	if (strncmp(t, "Peer (", 6) != 0 || !p)
		return false;
	size_t s = (size_t)(p - t) + sizeof(lead) - 1;
	const char *q = strchr(t + s, '\'');
	if (!q)
		return false;
	rd_line r = { l, file, 0, 0, 0, 0 };
	set_peer(rd, a, &r, s, (size_t)(q - t));
	return true;
}

static enum block heading(const char *t, enum block cur)
{
	if (strncmp(t, "Redundant System Information", 28) == 0)
		return BLK_SYSTEM;
	if (strncmp(t, "Current Processor Information", 29) == 0)
		return BLK_CURRENT;
	if (strncmp(t, "Peer Processor Information", 26) == 0)
		return BLK_PEER;
	return cur;
}

/* A peer that is DISABLED in a simplex chassis is not there at all; with
 * no hardware mode read (`show redundancy | include state`) a DISABLED
 * peer may be no peer either (a single-RP box prints it too): unknown. */
static void settle(ip_redundancy *rd)
{
	bool simplex = rd->hw_mode.s && strcasecmp(rd->hw_mode.s, "Simplex") == 0;
	if (simplex && (rd->peer == IP_PEER_DISABLED || rd->peer == IP_PEER_UNKNOWN))
		rd->peer = IP_PEER_ABSENT;
	else if (!rd->hw_mode.s && rd->peer == IP_PEER_DISABLED)
		rd->peer = IP_PEER_UNKNOWN;
}

int show_redundancy_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	ip_redundancy *rd = ip_device_redundancy(dev, ctx->arena);
	enum block b = BLK_SYSTEM;
	bool any = false;
	for (size_t i = 0; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		size_t ws = 0;
		while (ws < l->len && isspace((unsigned char)l->text[ws]))
			ws++;
		enum block nb = heading(l->text + ws, b);
		if (nb != b) {
			b = nb;
			any = true;
			continue;
		}
		if (ws == 0 && peer_unavailable(rd, ctx->arena, l, sec->file)) {
			any = true;
			continue;
		}
		rd_line r = { l, sec->file, 0, 0, 0, 0 };
		if (!split(&r))
			continue;
		if (system_key(rd, ctx->arena, &r))
			any = true;
		else if (b != BLK_SYSTEM)
			block_key(rd, b, sec, ctx, &r);
	}
	if (!any) {
		if (sec->n_lines && !sec->filter)
			ip_diag_add(ctx->diags, IP_DIAG_WARNING,
				    ip_line_span_all(&sec->lines[0], sec->file),
				    "show redundancy output not understood: the "
				    "standby's state stays unknown");
		return 0;
	}
	rd->known = true;
	settle(rd);
	return 0;
}
