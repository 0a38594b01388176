/* What RANCID and Oxidized write above a saved configuration: comment lines
 * that copy facts from show version (and, for RANCID, show boot and the
 * flash listing), each behind a prefix:
 *
 *   !Image: Software: C2960X-UNIVERSALK9-M, 15.2(7)E9, RELEASE SOFTWARE (fc2)   RANCID
 *   ! Image: Software: C2960X-UNIVERSALK9-M, 15.2(7)E9, RELEASE SOFTWARE (fc2)  Oxidized
 *
 * Oxidized took its show version keys from RANCID, so one reader serves
 * both (backup.c); rancid.c and oxidized.c add what only their format has.
 * Also here: lines derived from a capture line (a prefix cut off, a word
 * replaced) that keep the raw columns of every byte they still hold, so
 * that the existing section parsers can read RANCID's "!Flash: ..." and
 * "!BootFlash: ..." blocks with exact spans. Private to parsers/. */
#ifndef IOSPLAN_BACKUP_H
#define IOSPLAN_BACKUP_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers.h"

typedef struct ip_backup {
	ip_device *dev;
	const ip_section *sec;
	ip_parse_ctx *ctx;
	bool xe;              /* evidence of IOS-XE, at xe_span */
	ip_span xe_span;
	bool ios;             /* a software line was read, at ios_span */
	ip_span ios_span;
	bool xe_version_read; /* "Cisco IOS XE Software, Version …" */
	bool image_read;      /* "Image: flash:…" */
	bool flash_read;      /* "Memory: flash …" (replaces older sizes) */
	ip_text rom, bootldr; /* ROM monitor version candidates */
	ip_text serial;       /* "Serial Number:" / inventory SN: if no Processor ID */
	ip_text model;        /* inventory PID: if no Chassis type */
	bool proc_id;         /* "Processor ID:" read */
} ip_backup;

void backup_init(ip_backup *b, ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);

/* One comment whose key starts at l->text[off] ("Image: Software: …",
 * "Chassis type: …", "Memory: flash …", "ROM Bootstrap: …", "BOOTLDR: …",
 * "Processor ID: …", "Serial Number: …"). False when the key is none of
 * these. */
bool backup_comment(ip_backup *b, const ip_line *l, size_t off);

/* The first line of show version as Oxidized keeps it ("Cisco IOS XE
 * Software, Version 16.09.06", "Cisco IOS Software, … Version 15.2(7)E9, …").
 * False when l->text[off] starts no such line. */
bool backup_version_header(ip_backup *b, const ip_line *l, size_t off);

/* What is decided once every comment is read: the OS, the ROM monitor
 * version, the serial and model fallbacks, install mode from the image. */
void backup_finish(ip_backup *b);

/* out = l with bytes [start, end) replaced by `rep` (NULL or "" to cut
 * them). Every byte kept maps to its raw column; the bytes of `rep` map to
 * the column of the first byte they replace. Arena-owned. */
void backup_line_edit(ip_line *out, ip_arena *a, const ip_line *l, size_t start,
		      size_t end, const char *rep);

/* A section of derived lines inside `parent`, as if command `cmd`
 * (`canonical`, argument `arg` or NULL) had printed them. */
ip_section backup_section(const ip_section *parent, ip_cmd cmd, const char *canonical,
			  const char *arg, const ip_line *lines, size_t n);

#endif
