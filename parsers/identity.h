/* Which box a section describes, read before anything is parsed, so that
 * two boxes with one hostname become two devices (issue 23, point 2).
 * device.c groups sections by hostname, then splits a hostname by these
 * identities: the rule is in the head of device.c. Private to parsers/. */
#ifndef IOSPLAN_IDENTITY_H
#define IOSPLAN_IDENTITY_H

#include "arena.h"
#include "section.h"

typedef struct ip_identity {
	const char *serial; /* show version's board ID / system serial; NULL */
	const char *model;  /* show version's processor-line model; NULL */
} ip_identity;

/* What sec says of the hardware (arena strings), or both NULL: only
 * show version and the RANCID / Oxidized headers copied from it are read,
 * so that the serial of one box is one string in every source. */
void ip_section_identity(ip_identity *id, ip_arena *a, const ip_section *sec);

/* Whether sec is one of those outputs (ip_section_identity reads nothing
 * from the others). */
bool ip_section_names_box(const ip_section *sec);

/* Whether two identities are of two different boxes: their serials differ,
 * or, when either lacks one, their models do (letter case aside). */
bool ip_identity_differs(const ip_identity *x, const ip_identity *y);

#endif
