/* One device's facts from several files: when a later file states a fact
 * an earlier file stated differently, the value of the NEWER capture is
 * kept, newer by the times the captures carry (capture_time.h: the device
 * clock, then the restart time, then the file times), whatever their order
 * on the command line; the disagreement becomes a warning that names both
 * places and what decided. When nothing orders them the later file's value
 * is kept for reading, the disagreement is an error, and the device
 * records it (ip_device.conflicts) so that the planner refuses. Within one
 * file a later output supersedes an earlier one silently: a session log may
 * span a reload or a change. Private to parsers/ (device.c calls it around
 * each section it parses). */
#ifndef IOSPLAN_MERGE_H
#define IOSPLAN_MERGE_H

#include "device.h"

/* How each disagreement's message starts; its ip_diag is of kind
 * IP_DIAG_CONFLICT, which the audit reports as findings of their own. */
#define IP_MERGE_CONFLICT_PREFIX "the backups disagree on the "

typedef struct ip_merge_snap {
	ip_text version, xe_version, platform, serial, software_image;
	ip_path system_image;
	ip_register confreg, confreg_next;
} ip_merge_snap;

/* What d states before a section is parsed. */
void ip_merge_snapshot(ip_merge_snap *s, const ip_device *d);

/* After parsing sec into d: for each fact sec's file changed that another
 * file had stated, the newer capture's value in d and a diagnostic in
 * ctx->diags (ctx->caps are the files, to read their times from). */
void ip_merge_compare(const ip_merge_snap *before, ip_device *d, const ip_section *sec,
		      ip_parse_ctx *ctx);

#endif
