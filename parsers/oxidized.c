/* Oxidized's IOS backups (lib/oxidized/model/ios.rb): every line of the
 * comment block starts with "! ", then the running configuration follows
 * with its first lines ("Building configuration…", "Current configuration :")
 * and the "! Last configuration change" line removed.
 *
 *   ! Cisco IOS XE Software, Version 16.09.06            first line of show version
 *   ! Image: Software: X86_64_LINUX_IOSD-UNIVERSALK9-M, 16.9.6, RELEASE SOFTWARE (fc2)
 *   ! Image: Compiled: Thu 27-Aug-20 01:48 by mcpre
 *   ! ROM Bootstrap: Version 16.9(4r), RELEASE SOFTWARE
 *   ! Memory: nvram 32768K
 *   ! Memory: flash 7341807K
 *   ! Chassis type: ISR4331/K9
 *   ! Memory: main 1687137K/6147K
 *   ! Processor ID: FDO21520TGH
 *   ! CPU: 1RU
 *   ! Image: bootflash:isr4300-universalk9.16.09.06.SPA.bin
 *   !
 *   ! VTP: …                                             (switches)
 *   ! NAME: "Chassis", DESCR: "Cisco ISR4331 Chassis"    show inventory
 *   ! PID: ISR4331/K9         , VID: V04  , SN: FDO21520TGH
 *   !
 *   version 16.9
 *   hostname WAN-EDGE-R4
 *   …
 *
 * The facts are backup.c's. Oxidized saves no flash listing and no show
 * boot, so free space and the BOOT variable stay unknown: the audit says so
 * rather than guessing. The configuration is a section of its own:
 * section.c ends the comment block at its first line that is not a
 * comment. */
#include <string.h>

#include "backup.h"

static void comment(ip_backup *b, const ip_line *l, bool *any)
{
	size_t off = 1;
	while (off < l->len && l->text[off] == ' ')
		off++;
	if (off == l->len)
		return;
	if (!*any && backup_version_header(b, l, off)) {
		*any = true;
		return;
	}
	if (backup_comment(b, l, off))
		*any = true;
}

int oxidized_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	ip_backup b;
	backup_init(&b, dev, sec, ctx);
	bool any = false;
	for (size_t i = 0; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		if (!l->len)
			continue;
		if (l->text[0] == '!')
			comment(&b, l, &any);
	}
	if (!any && sec->n_lines)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING, ip_line_span_all(&sec->lines[0], sec->file),
			    "Oxidized comment block without show version facts: the image and "
			    "version are unknown");
	backup_finish(&b);
	return 0;
}
