/* show platform (IOS-XE): the slots' state and their boot firmware. Two
 * tables matter, each led by its header; the rest is not read.
 *
 *   Chassis type: ASR1006
 *   Slot      Type                State                 Insert time (ago)
 *   --------- ------------------- --------------------- -----------------
 *   0         ASR1000-SIP40       ok                    1d17h
 *    0/0      SPA-1X10GE-L-V2     ok                    1d17h
 *   R0        ASR1000-RP2         ok, active            1d17h
 *   R1        ASR1000-RP2         ok, standby           1d17h
 *
 *   Slot      CPLD Version        Firmware Version
 *   --------- ------------------- ---------------------------------------
 *   0         00200800            16.3(2r)
 *   R0        14111801            16.9(5r)
 *   R1        14111801            17.3(1r)
 *
 * Real outputs: github.com/jflam2002/cisco "# Understand ASR1000-RP2 CPLD
 * and F.txt" (ASR1002-X 15.3(1r)S; ASR1006 with R0 and R1 on different
 * ROMMONs); genieparser src/genie/libs/parser/iosxe/tests/ShowPlatform/cli/
 * equal/golden_output_c9500_output.txt (C9500: only slot 1, "17.1.1[FC2]")
 * and golden_output_c8300_output.txt (C8300: "20190618", a date-like
 * firmware); an ISR4321 session with the spaces squeezed ("0 15030325
 * 15.4(3r)S3", blog "Upgrading IOS-XE and ROMMON", 2022). Columns are not
 * trusted: rows are read by token. Sub-slots ("0/0") carry no firmware and
 * are not kept; of the state table only the route processors (R0, R1) are
 * kept, for which of them is active. */
#include <string.h>
#include <strings.h>

#include "bytescan.h"
#include "parsers.h"
#include "table_rows.h"

enum { T_NONE, T_STATE, T_FIRMWARE };

static bool has(const ip_line *l, const char *w)
{
	return ip_find(l->text, l->len, w, strlen(w)) != NULL;
}

/* Which table a "Slot ..." header starts, or T_NONE. */
static int header(const ip_line *l, const row_tokens *t)
{
	if (t->n < 3 || t->end[0] - t->start[0] != 4 || strncasecmp(l->text + t->start[0], "Slot", 4) != 0)
		return T_NONE;
	if (has(l, "Firmware Version"))
		return T_FIRMWARE;
	if (has(l, "State"))
		return T_STATE;
	return T_NONE;
}

static bool subslot(const ip_line *l, const row_tokens *t)
{
	return memchr(l->text + t->start[0], '/', t->end[0] - t->start[0]) != NULL;
}

/* "R0  ASR1000-RP2  ok, active  1d17h": the state is what lies between the
 * type and the insert time. */
static void state_row(rows *r, ip_device *dev, const ip_line *l, const row_tokens *t)
{
	if (t->n < 4 || subslot(l, t) || (l->text[t->start[0]] != 'R' && l->text[t->start[0]] != 'r'))
		return;
	ip_rom_slot *s = ip_device_rom_slot(dev, r->ctx->arena, l->text + t->start[0],
					    t->end[0] - t->start[0], ip_line_span_all(l, r->sec->file));
	if (s)
		rows_text(r, &s->state, l, t->start[2], t->end[t->n - 2]);
}

/* "R0  14111801  16.9(5r)"; "1  19061022  17.1.1[FC2]" keeps "17.1.1". */
static void firmware_row(rows *r, ip_device *dev, const ip_line *l, const row_tokens *t)
{
	if (t->n != 3 || subslot(l, t)) {
		rows_warn(r, l);
		return;
	}
	ip_rom_slot *s = ip_device_rom_slot(dev, r->ctx->arena, l->text + t->start[0],
					    t->end[0] - t->start[0], ip_line_span_all(l, r->sec->file));
	if (!s)
		return;
	const char *br = memchr(l->text + t->start[2], '[', t->end[2] - t->start[2]);
	size_t e = br ? (size_t)(br - l->text) : t->end[2];
	rows_text(r, &s->cpld, l, t->start[1], t->end[1]);
	if (s->rommon_from && strcmp(s->rommon_from, "show rom-monitor") == 0)
		return; /* the slot's own command said it */
	rows_text(r, &s->rommon, l, t->start[2], e);
	s->rommon_from = "show platform";
}

int show_platform_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	rows r = { sec, ctx, 0 };
	int table = T_NONE;
	for (size_t i = 0; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		row_tokens t;
		rows_split(&t, l, 0);
		if (t.n == 0) {
			table = T_NONE;
			continue;
		}
		int h = header(l, &t);
		if (h != T_NONE) {
			table = h;
			continue;
		}
		if (rows_blank(l) || l->text[t.start[0]] == '-')
			continue; /* the rule under a header, "--------- ------" */
		if (table == T_STATE)
			state_row(&r, dev, l, &t);
		else if (table == T_FIRMWARE)
			firmware_row(&r, dev, l, &t);
	}
	return 0;
}
