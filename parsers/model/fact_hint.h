/* "What would tell us this fact?" answered once (issue 23, point 3), for
 * the fact sheet, the boot simulator and, through it, the plan's reasons.
 *
 * A fact that is unknown names a capture only when that capture would
 * supply it on this platform and was not taken (or was cut short or
 * filtered). When `show version` was captured in full and the fact is
 * still missing, this platform's show version does not print it: the hint
 * says so and names what else gives it, per platform family (the table in
 * fact_hint.c), instead of asking for the capture the user already gave.
 *
 *   unknown (capture 'show version')
 *   unknown (show version was cut short: capture it again in full)
 *   unknown (not printed by show version on this router-xe; capture
 *            'show rom-monitor r0' or 'show platform')
 *   unknown (not printed by show version on this router-classic; no capture
 *            iosplan reads gives it)
 */
#ifndef IOSPLAN_FACT_HINT_H
#define IOSPLAN_FACT_HINT_H

#include <stdbool.h>

#include "arena.h"
#include "device.h"
#include "platform.h"

typedef enum ip_fact {
	IP_FACT_VERSION = 0,
	IP_FACT_PLATFORM,
	IP_FACT_SERIAL,
	IP_FACT_ROMMON,
	IP_FACT_IMAGE,    /* the running image ("System image file is") */
	IP_FACT_CONFREG,
	IP_FACT_LICENSE,
	IP_FACT_DRAM,
	IP_FACT__COUNT
} ip_fact;

typedef enum ip_hint_kind {
	IP_HINT_CAPTURE = 0, /* not captured: `capture` would supply it */
	IP_HINT_RECAPTURE,   /* show version was captured but cut or filtered */
	IP_HINT_NOT_PRINTED, /* show version captured in full does not print it
			      * here: `capture` (when not NULL) gives it */
} ip_hint_kind;

typedef struct ip_fact_hint {
	ip_hint_kind kind;
	/* The command(s) to capture, quoted for the text ("show version",
	 * "show rom-monitor r0' or 'show platform"); NULL when nothing iosplan
	 * reads gives the fact on this platform. */
	const char *capture;
	const char *text; /* the whole hint, for "unknown (TEXT)" */
} ip_fact_hint;

/* The hint for fact f of dev; p may be NULL (then it is classified here).
 * `text` from arena a; with a NULL arena, text is NULL (kind and capture
 * only, for callers without one). */
ip_fact_hint ip_fact_hint_of(ip_arena *a, const ip_device *dev, const ip_platform *p, ip_fact f);

/* Whether show version was captured for dev, and whether in full (not cut
 * before the processor line, not filtered with `|`). */
bool ip_show_version_captured(const ip_device *dev, bool *in_full);

#endif
