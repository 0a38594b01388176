/* show hw-programmable all (ASR 1000 and other IOS-XE routers): the CPLD
 * and FPGA versions per slot, which a release may require upgraded.
 *
 *   Hw-programmable versions
 *
 *   Slot              CPLD version              FPGA version
 *   -----------------------------------------------------------
 *   R0                14111801                  18102401
 *   F0                1003190E                  10072001
 *   0                 00020008                  N/A
 *
 * Real output: github.com/jflam2002/cisco "# Understand ASR1000-RP2 CPLD
 * and F.txt" (ASR1002-X and ASR1006), after Cisco 216564 "Understand
 * ASR1000-RP2 CPLD and FPGA Upgrade Common Issues". Values are kept as
 * printed ("N/A" too): what they mean is the catalogue's business. */
#include <string.h>
#include <strings.h>

#include "parsers.h"
#include "table_rows.h"

int show_hw_programmable_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	rows r = { sec, ctx, 0 };
	bool in_table = false;
	for (size_t i = 0; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		row_tokens t;
		rows_split(&t, l, 0);
		if (t.n == 0 || rows_blank(l) || l->text[t.start[0]] == '-')
			continue;
		if (t.end[0] - t.start[0] == 4 && strncasecmp(l->text + t.start[0], "Slot", 4) == 0) {
			in_table = true;
			continue;
		}
		if (!in_table)
			continue;
		if (t.n != 3) {
			rows_warn(&r, l);
			continue;
		}
		ip_rom_slot *s = ip_device_rom_slot(dev, ctx->arena, l->text + t.start[0],
						    t.end[0] - t.start[0], ip_line_span_all(l, sec->file));
		if (!s)
			return 0;
		rows_text(&r, &s->cpld, l, t.start[1], t.end[1]);
		rows_text(&r, &s->fpga, l, t.start[2], t.end[2]);
	}
	return 0;
}
