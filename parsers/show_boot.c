/* The BOOT variable: show boot, show bootvar, show boot system.
 *
 * Classic switches (2960/3560/3750/IE4000), one block per stack member:
 *   BOOT path-list      : flash:c3750e-ipbasek9-mz.150-2.SE11.bin
 *   Manual Boot         : no
 *   -------------------
 *   Switch 2
 *   -------------------
 *   BOOT path-list      : flash:c3750e-ipbasek9-mz.150-2.SE11.bin
 *
 * Cat3k/Cat9300 (current and next-reload values, a block per member):
 *   Switch 1
 *   Current Boot Variables:
 *   BOOT variable does not exist
 *   Boot Variables on next reload:
 *   BOOT variable = flash:packages.conf;
 *   Manual Boot = no
 *
 * Routers, ASR, Cat9400/9500 (an active and a standby supervisor):
 *   BOOT variable = harddisk:/ISSUCleanGolden,12;bootflash:x.bin,12;
 *   MANUAL_BOOT variable = no
 *   Configuration register is 0x2 (will be 0x2102 at next reload)
 *   Configuration Register is 0x102
 *   Standby BOOT variable = bootflash:packages.conf;
 *   Standby not ready to show bootvar
 *
 * Elements are ';'-separated; ",N" suffixes are dropped; an empty value or
 * "does not exist" is a known, empty list; a trailing "+" means IOS cut the
 * list short. Without a "Current/next reload" heading the one list shown is
 * the next-reload list. Standby lines describe the other supervisor (dual
 * RP, dual supervisor, StackWise Virtual) and go to dev->redundancy:
 *   Standby BOOT variable = bootflash:packages.conf;
 *   Standby Configuration register is 0x1  (will be 0x2102 at next reload)
 *   Standby not ready to show bootvar
 * [genieparser iosxe tests ShowBootvar golden_output_cat9400 (Standby
 *  BOOT/MANUAL_BOOT lines), golden_output_asr1k ("Standby not ready");
 *  genieparser iosxe show_platform.py ShowBootvar, whose comments quote
 *  "Standby Configuration register is 0x1  (will be 0x2102 at next
 *  reload)"]. In a stack the device's list is the active switch's: the block
 * without a "Switch N" heading (classic), else the block of the member
 * marked active, else the first. Each member's own next-reload list is
 * kept in its ip_member.bootvar ("Switch N" block N; the block without a
 * heading goes to the active member). */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parsers.h"
#include "rx.h"
#include "stack.h"

enum { RX_BOOT, RX_BOOT_NONE, RX_MANUAL, RX_MANUAL_NONE, RX_CONFREG, RX_SWITCH,
       RX_SB_BOOT, RX_SB_BOOT_NONE, RX_SB_CONFREG };

static ip_rx sb_rx[] = {
	[RX_BOOT] = {"^BOOT\\s+(?:path-list|variable)\\s*[:=]\\s*(.*)$", 0, NULL},
	[RX_BOOT_NONE] = {"^BOOT\\s+variable\\s+does\\s+not\\s+exist\\s*$", 0, NULL},
	[RX_MANUAL] = {"^(?:Manual\\s+Boot\\s*[:=]|MANUAL_BOOT\\s+variable\\s*=)"
		       "\\s*(yes|no)\\s*$", 0, NULL},
	[RX_MANUAL_NONE] = {"^MANUAL_BOOT\\s+variable\\s+does\\s+not\\s+exist\\s*$",
			    0, NULL},
	[RX_CONFREG] = {"^Configuration\\s+[Rr]egister\\s+is\\s+(0x[0-9A-Fa-f]+)"
			"(?:\\s*\\(will\\s+be\\s+(0x[0-9A-Fa-f]+)\\s+at\\s+next"
			"\\s+reload\\))?", 0, NULL},
	[RX_SWITCH] = {"^Switch\\s+(\\d{1,3})\\s*$", 0, NULL},
	[RX_SB_BOOT] = {"^Standby\\s+BOOT\\s+variable\\s*=\\s*(.*)$", 0, NULL},
	[RX_SB_BOOT_NONE] = {"^Standby\\s+BOOT\\s+variable\\s+does\\s+not\\s+exist",
			     0, NULL},
	[RX_SB_CONFREG] = {"^Standby\\s+Configuration\\s+[Rr]egister\\s+is\\s+"
			   "(0x[0-9A-Fa-f]+)(?:\\s*\\(will\\s+be\\s+(0x[0-9A-Fa-f]+)"
			   "\\s+at\\s+next\\s+reload\\))?", 0, NULL},
};

/* One member's block. */
typedef struct sb_block {
	int member;            /* 0: no "Switch N" heading */
	ip_boot_list next, current;
	bool has_next, has_current;
	bool in_current;       /* after "Current Boot Variables:" */
	bool saw_current, saw_next; /* the two headings */
	bool ambiguous;        /* two lists with no heading between */
	ip_flag manual;
	ip_span current_span;  /* the "Current Boot Variables:" heading */
} sb_block;

typedef struct sb_scan {
	sb_block *v;
	size_t n, cap;
	bool any_boot;         /* a BOOT line was read anywhere */
} sb_scan;

/* Split "a,12;b,12;" at ';' into entries; a last element "+" marks a list
 * IOS cut short. show redundancy's BOOT lines read the same way. */
void bootvar_elements_parse(ip_boot_list *list, const ip_section *sec,
			    ip_parse_ctx *ctx, const ip_line *l, size_t vs)
{
	const char *t = l->text;
	size_t i = vs;
	while (i < l->len) {
		size_t s = i, e;
		while (i < l->len && t[i] != ';')
			i++;
		e = i++;
		while (s < e && isspace((unsigned char)t[s]))
			s++;
		while (e > s && isspace((unsigned char)t[e - 1]))
			e--;
		size_t k = e;
		while (k > s && isdigit((unsigned char)t[k - 1]))
			k--;
		if (k < e && k > s && t[k - 1] == ',')
			e = k - 1; /* ",12": not part of the name */
		if (e == s)
			continue;
		ip_span span = ip_line_span(l, sec->file, s, e);
		if (e - s == 1 && t[s] == '+') {
			list->known = false;
			ip_diag_add(ctx->diags, IP_DIAG_WARNING, span,
				    "BOOT variable is longer than IOS prints "
				    "(';+'): entries after the cut are unknown; "
				    "read the boot system lines of the "
				    "startup-config instead");
			return;
		}
		ip_boot_entry *b = ip_boot_list_push(list, ctx->arena);
		if (b)
			boot_entry_parse(b, ctx->arena, t + s, e - s, span);
	}
}

/* A BOOT path-list / BOOT variable line, or "BOOT variable does not
 * exist" (value_start == SIZE_MAX). */
static void boot_line(sb_block *blk, const ip_section *sec, ip_parse_ctx *ctx,
		      const ip_line *l, size_t value_start)
{
	bool cur = blk->in_current;
	ip_boot_list *list = cur ? &blk->current : &blk->next;
	bool *has = cur ? &blk->has_current : &blk->has_next;
	if (*has) {
		/* e.g. `show boot | include BOOT` hid the headings */
		blk->ambiguous = true;
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(l, sec->file),
			    "second BOOT line without a 'Boot Variables on next "
			    "reload:' heading: cannot tell the current list from "
			    "the next-reload one; capture unfiltered 'show boot'");
	}
	memset(list, 0, sizeof(*list));
	*has = true;
	list->known = true;
	list->filtered = sec->filter != NULL;
	list->span = ip_line_span_all(l, sec->file);
	if (value_start != (size_t)-1)
		bootvar_elements_parse(list, sec, ctx, l, value_start);
}

static void manual_line(sb_block *blk, const ip_section *sec,
			const ip_line *l, size_t ws, const ip_rx_match *m)
{
	if (m) {
		bool yes = l->text[ws + m->start[1]] == 'y';
		blk->manual.v = yes ? IP_TRI_YES : IP_TRI_NO;
		blk->manual.span = ip_line_span(l, sec->file, ws + m->start[1],
						ws + m->end[1]);
		return;
	}
	/* ROMMON boots automatically unless MANUAL_BOOT is set */
	blk->manual.v = IP_TRI_NO;
	blk->manual.span = ip_line_span_all(l, sec->file);
}

static bool parse_hex16(const char *s, uint32_t *out)
{
	errno = 0;
	unsigned long long v = strtoull(s, NULL, 16);
	if (errno == ERANGE || v > 0xFFFF)
		return false;
	*out = (uint32_t)v;
	return true;
}

/* "Configuration register is 0x2 (will be 0x2102 at next reload)": only
 * when show version did not already say. */
static void confreg_line(ip_device *dev, const ip_section *sec,
			 ip_parse_ctx *ctx, const ip_line *l, size_t ws,
			 const ip_rx_match *m)
{
	uint32_t cur, next;
	int g = ip_rx_group_set(m, 2) ? 2 : 1;
	ip_span cspan = ip_line_span(l, sec->file, ws + m->start[1], ws + m->end[1]);
	ip_span nspan = ip_line_span(l, sec->file, ws + m->start[g], ws + m->end[g]);
	if (!parse_hex16(l->text + ws + m->start[1], &cur) ||
	    !parse_hex16(l->text + ws + m->start[g], &next)) {
		ip_diag_add(ctx->diags, IP_DIAG_WARNING, cspan,
			    "configuration register does not fit in 16 bits: "
			    "ignored");
		return;
	}
	if (!dev->confreg.known) {
		dev->confreg.known = true;
		dev->confreg.v = cur;
		dev->confreg.span = cspan;
	}
	if (!dev->confreg_next.known) {
		dev->confreg_next.known = true;
		dev->confreg_next.v = next;
		dev->confreg_next.span = nspan;
	}
}

/* A "Standby ..." line: the other supervisor's values, kept apart from the
 * active's (dev->redundancy). Lines about other variables (MANUAL_BOOT,
 * BAUD, CONFIG_FILE) are not read. */
static void standby_line(ip_device *dev, const ip_section *sec,
			 ip_parse_ctx *ctx, const ip_line *l, size_t ws)
{
	ip_redundancy *rd = ip_device_redundancy(dev, ctx->arena);
	const char *t = l->text + ws;
	size_t n = l->len - ws;
	ip_rx_match m;
	ip_boot_list *sb = &rd->standby_boot;
	if (strncmp(t, "Standby not ready to show bootvar", 33) == 0) {
		rd->standby_bootvar.v = IP_TRI_NO;
		rd->standby_bootvar.span = ip_line_span_all(l, sec->file);
		return;
	}
	bool boot = ip_rx_exec(&sb_rx[RX_SB_BOOT], t, n, &m);
	if (boot || ip_rx_exec(&sb_rx[RX_SB_BOOT_NONE], t, n, NULL)) {
		memset(sb, 0, sizeof(*sb));
		sb->known = true;
		sb->filtered = sec->filter != NULL;
		sb->span = ip_line_span_all(l, sec->file);
		if (boot)
			bootvar_elements_parse(sb, sec, ctx, l, ws + m.start[1]);
	} else if (ip_rx_exec(&sb_rx[RX_SB_CONFREG], t, n, &m)) {
		int g = ip_rx_group_set(&m, 2) ? 2 : 1;
		uint32_t cur, next;
		ip_span cspan = ip_line_span(l, sec->file, ws + m.start[1], ws + m.end[1]);
		if (!parse_hex16(t + m.start[1], &cur) || !parse_hex16(t + m.start[g], &next)) {
			ip_diag_add(ctx->diags, IP_DIAG_WARNING, cspan,
				    "standby configuration register does not fit "
				    "in 16 bits: ignored");
			return;
		}
		rd->standby_confreg = (ip_register){ true, cur, cspan };
		rd->standby_confreg_next = (ip_register){
			true, next, ip_line_span(l, sec->file, ws + m.start[g], ws + m.end[g]) };
	} else {
		return;
	}
	rd->standby_bootvar.v = IP_TRI_YES;
	rd->standby_bootvar.span = ip_line_span_all(l, sec->file);
}

static sb_block *new_block(sb_scan *st, ip_arena *a, int member)
{
	sb_block *b = IP_PUSH(a, st->v, st->n, st->cap);
	b->member = member;
	return b;
}

/* Lines about the boot lists and the manual-boot flag of one block. */
static bool block_line(sb_scan *st, sb_block *blk, const ip_section *sec,
		       ip_parse_ctx *ctx, const ip_line *l, size_t ws)
{
	const char *t = l->text + ws;
	size_t n = l->len - ws;
	ip_rx_match m;
	if (strncmp(t, "Current Boot Variables:", 23) == 0) {
		blk->in_current = blk->saw_current = true;
		blk->current_span = ip_line_span_all(l, sec->file);
	} else if (strncmp(t, "Boot Variables on next reload:", 30) == 0) {
		blk->in_current = false;
		blk->saw_next = true;
	} else if (t[0] == 'B' && ip_rx_exec(&sb_rx[RX_BOOT], t, n, &m)) {
		st->any_boot = true;
		boot_line(blk, sec, ctx, l, ws + m.start[1]);
	} else if (t[0] == 'B' && ip_rx_exec(&sb_rx[RX_BOOT_NONE], t, n, NULL)) {
		st->any_boot = true;
		boot_line(blk, sec, ctx, l, (size_t)-1);
	} else if (t[0] == 'M' && ip_rx_exec(&sb_rx[RX_MANUAL], t, n, &m)) {
		manual_line(blk, sec, l, ws, &m);
	} else if (t[0] == 'M' && ip_rx_exec(&sb_rx[RX_MANUAL_NONE], t, n, NULL)) {
		manual_line(blk, sec, l, ws, NULL);
	} else {
		return false;
	}
	return true;
}

static void scan_line(sb_scan *st, ip_device *dev, const ip_section *sec,
		      ip_parse_ctx *ctx, const ip_line *l)
{
	size_t ws = 0;
	while (ws < l->len && isspace((unsigned char)l->text[ws]))
		ws++;
	const char *t = l->text + ws;
	size_t n = l->len - ws;
	ip_rx_match m;
	if (n == 0)
		return;
	if (strncmp(t, "Standby", 7) == 0) {
		standby_line(dev, sec, ctx, l, ws);
		return;
	}
	if (t[0] == 'S' && ip_rx_exec(&sb_rx[RX_SWITCH], t, n, &m)) {
		new_block(st, ctx->arena, atoi(t + m.start[1]));
		return;
	}
	if (block_line(st, &st->v[st->n - 1], sec, ctx, l, ws))
		return;
	if (t[0] == 'C' && ip_rx_exec(&sb_rx[RX_CONFREG], t, n, &m))
		confreg_line(dev, sec, ctx, l, ws, &m);
	else if (strncmp(t, "BOOT ", 5) == 0)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(l, sec->file),
			    "BOOT line not understood: the BOOT variable stays "
			    "unknown unless another line gives it");
}

/* The block that describes the active switch. */
static sb_block *pick_block(sb_scan *st, const ip_device *dev)
{
	sb_block *b0 = &st->v[0];
	if (b0->has_next || b0->has_current || b0->manual.v)
		return b0;
	const ip_member *am = ip_stack_active(dev);
	int active = am ? am->number : 0;
	for (size_t i = 1; active && i < st->n; i++)
		if (st->v[i].member == active)
			return &st->v[i];
	for (size_t i = 1; i < st->n; i++)
		if (st->v[i].has_next || st->v[i].has_current)
			return &st->v[i];
	return b0;
}

/* A later capture replaces an earlier one unless it shows less. */
static void store_list(ip_boot_list *dst, const ip_boot_list *src)
{
	if (src->known || (!dst->known && src->n))
		*dst = *src;
}

static void store_block(ip_device *dev, const ip_section *sec,
			ip_parse_ctx *ctx, sb_block *b)
{
	if (b->ambiguous)
		b->next.known = b->current.known = false;
	if (b->saw_current && !b->saw_next && !sec->filter)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING, b->current_span,
			    "show boot has 'Current Boot Variables' but no 'Boot "
			    "Variables on next reload': capture truncated? the "
			    "next-reload BOOT variable is unknown");
	if (b->has_next)
		store_list(&dev->bootvar, &b->next);
	if (b->has_current)
		store_list(&dev->bootvar_current, &b->current);
	if (b->manual.v)
		dev->manual_boot = b->manual;
}

/* Each "Switch N" block's next-reload list is member N's; the block
 * without a heading (classic switches) is the switch the command ran on,
 * the active member when show version or show switch named it. */
static void store_members(ip_device *dev, ip_parse_ctx *ctx, sb_scan *st)
{
	for (size_t i = 0; i < st->n; i++) {
		sb_block *b = &st->v[i];
		if (!b->has_next || b->ambiguous)
			continue;
		ip_member *m = NULL;
		if (b->member > 0) {
			m = ip_stack_member_get(dev, ctx->arena, b->member, b->next.span);
		} else {
			const ip_member *am = ip_stack_active(dev);
			m = am ? &dev->members[am - dev->members] : NULL;
		}
		if (m)
			store_list(&m->bootvar, &b->next);
	}
}

int show_boot_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	sb_scan st;
	memset(&st, 0, sizeof(st));
	new_block(&st, ctx->arena, 0);
	for (size_t i = 0; i < sec->n_lines; i++)
		scan_line(&st, dev, sec, ctx, &sec->lines[i]);
	if (!st.any_boot && !sec->filter && sec->n_lines) {
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(&sec->lines[0], sec->file),
			    "show boot output has no BOOT line: the BOOT "
			    "variable is unknown; capture 'show boot' (or 'show "
			    "bootvar') on the active switch");
		return 0;
	}
	store_block(dev, sec, ctx, pick_block(&st, dev));
	store_members(dev, ctx, &st);
	return 0;
}
