/* One device's facts from several files: when a later file states a fact
 * an earlier file stated differently, the later value is kept (device.c
 * parses in input order) and the disagreement becomes a warning that names
 * both places. Within one file a later output supersedes an earlier one
 * silently: a session log may span a reload or a change. Private to
 * parsers/ (device.c calls it around each section it parses). */
#ifndef IOSPLAN_MERGE_H
#define IOSPLAN_MERGE_H

#include "device.h"

/* How each disagreement's message starts; its ip_diag is of kind
 * IP_DIAG_CONFLICT, which the audit reports as findings of their own. */
#define IP_MERGE_CONFLICT_PREFIX "the backups disagree on the "

typedef struct ip_merge_snap {
	ip_text version, xe_version, platform, serial, software_image;
	ip_path system_image;
	ip_register confreg;
} ip_merge_snap;

/* What d states before a section is parsed. */
void ip_merge_snapshot(ip_merge_snap *s, const ip_device *d);

/* After parsing sec into d: a warning in diags for each fact sec's file
 * changed that another file had stated. */
void ip_merge_compare(const ip_merge_snap *before, const ip_device *d, const ip_section *sec,
		      ip_diags *diags);

#endif
