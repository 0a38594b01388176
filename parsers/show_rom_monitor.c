/* show rom-monitor <slot> (IOS-XE): the ROM monitor of one slot, where
 * show version says only "ROM: IOS-XE ROMMON" (ISR 4000, ASR 1000).
 *
 *   Router#show rom-monitor r0
 *
 *   System Bootstrap, Version 16.12(2r), RELEASE SOFTWARE
 *   Copyright (c) 1994-2019  by cisco Systems, Inc.
 *
 * Real outputs: genieparser src/genie/libs/parser/iosxe/tests/ShowRomMonitor/
 * cli/equal/golden_output1_output.txt (16.12(2r)); the ASR 1000 software
 * configuration guide's "Router# show rom-monitor r0 / System Bootstrap,
 * Version 12.2(33r)XN1, RELEASE SOFTWARE (fc1)"; an ISR4321 session
 * ("Wirchbench#show rom-monitor r0 / System Bootstrap, Version 15.4(3r)S3,
 * RELEASE SOFTWARE", blog post "Upgrading IOS-XE and ROMMON", 2022).
 *
 * The slot is the command's argument (command.c). Output without one names
 * no slot, and a version that belongs to no known slot is not guessed onto
 * R0: it is left out, with a warning naming the capture that would say. */
#include <string.h>

#include "parsers.h"
#include "table_rows.h"

static const char BOOTSTRAP[] = "System Bootstrap, Version ";

/* The version token from i: up to white space, ',' or '[' ("17.3.1r[FC2]"). */
static size_t version_end(const ip_line *l, size_t i)
{
	while (i < l->len && l->text[i] != ',' && l->text[i] != '[' && l->text[i] != ' ' &&
	       l->text[i] != '\t')
		i++;
	return i;
}

int show_rom_monitor_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	rows r = { sec, ctx, 0 };
	for (size_t i = 0; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		size_t off = strspn(l->text, " \t"), n = sizeof(BOOTSTRAP) - 1;
		if (l->len - off < n || memcmp(l->text + off, BOOTSTRAP, n) != 0)
			continue;
		size_t a = off + n, e = version_end(l, a);
		if (e == a)
			break;
		if (!sec->arg) {
			ip_diag_add(ctx->diags, IP_DIAG_WARNING, ip_line_span(l, sec->file, a, e),
				    "show rom-monitor without a slot: the ROMMON version is not "
				    "attributed to one; capture 'show rom-monitor r0'");
			return 0;
		}
		ip_rom_slot *s = ip_device_rom_slot(dev, ctx->arena, sec->arg, strlen(sec->arg),
						    ip_line_span_all(l, sec->file));
		if (!s)
			return 0;
		rows_text(&r, &s->rommon, l, a, e);
		s->rommon_from = "show rom-monitor";
		return 0;
	}
	if (!sec->filter)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    sec->prompt ? ip_line_span_all(sec->prompt, sec->file)
					: (ip_span){ sec->file, sec->first_line, 1, sec->first_line, 1 },
			    "show rom-monitor printed no \"System Bootstrap, Version\" line: "
			    "the ROMMON version stays unknown");
	return 0;
}
