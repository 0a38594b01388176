/* Which capture gives a fact, per platform family (issue 23, point 3):
 * the one table of fact_hint.h.
 *
 * Evidence for the rows (DOMAIN.md §1.3 and §3 hold the sources):
 * - ROM line: classic IOS routers print "ROM: System Bootstrap, Version
 *   15.0(1r)M16" (genieparser ios ShowVersion), Cat4500 "ROM: 15.0(1r)SG5",
 *   classic switches a BOOTLDR line with the version; IOS-XE routers and
 *   the 9800 print "ROM: IOS-XE ROMMON" without one (genieparser iosxe
 *   ShowVersion golden_output_asr1k/c9800_output.txt), and the version is
 *   in `show rom-monitor r0` or show platform's firmware column
 *   (rommon.h); IOS-XE switches print it on the BOOTLDR line on some
 *   releases only (Cat9k "BOOTLDR: System Bootstrap, Version 17.3.2r",
 *   Stratix 5200 "BOOTLDR: Version 0.0.16 ...": golden_output_1783), else
 *   show platform's chassis slot; IOSv prints "ROM: Bootstrap program is
 *   IOSv": a virtual machine has no ROMMON version to read.
 * - Register: Cat9k 16.12.4+ prints no register line (platform.h,
 *   confreg_line_optional); `show boot` prints "Configuration Register is
 *   0x102" there and `show bootvar` "Configuration register is 0x2102" on
 *   routers (DOMAIN.md §1.4: genieparser iosxe ShowBoot/ShowBootvar);
 *   show_boot.c reads both.
 * - Running image: a Cat4500 running its default software prints no
 *   "System image file" line (show_version.c, diagnose()).
 * - License: ISR G1, 7200 and older switches print no licence lines at all
 *   (tmullaly/oxidized r3, a 2811 on 15.1(4)M: no "License" line);
 *   iosplan reads licences from show version only.
 * Anything not listed is printed by show version on every family. */
#include <string.h>

#include "fact_hint.h"

typedef enum sv_prints {
	SV_YES = 0, /* show version prints it on this family */
	SV_VARIES,  /* on some models or releases only */
	SV_NO,      /* never */
} sv_prints;

typedef struct hint_row {
	sv_prints prints;
	const char *other; /* what else gives it, quoted as a capture; NULL: nothing iosplan reads */
} hint_row;

#define ROM_XE "show rom-monitor r0' or 'show platform"

/* [fact][family]; a zero row: printed, nothing else gives it. */
static const hint_row table[IP_FACT__COUNT][IP_FAMILY_VIRTUAL + 1] = {
	[IP_FACT_ROMMON] = {
		[IP_FAMILY_UNKNOWN] = { SV_VARIES, NULL },
		[IP_FAMILY_ROUTER_CLASSIC] = { SV_YES, NULL },
		[IP_FAMILY_ROUTER_XE] = { SV_NO, ROM_XE },
		[IP_FAMILY_SWITCH_CLASSIC] = { SV_YES, NULL },
		[IP_FAMILY_SWITCH_CAT4500] = { SV_YES, NULL },
		[IP_FAMILY_SWITCH_XE] = { SV_VARIES, "show platform" },
		[IP_FAMILY_VIRTUAL] = { SV_NO, NULL },
	},
	[IP_FACT_CONFREG] = {
		[IP_FAMILY_UNKNOWN] = { SV_VARIES, "show bootvar' or 'show boot" },
		[IP_FAMILY_ROUTER_CLASSIC] = { SV_YES, "show bootvar" },
		[IP_FAMILY_ROUTER_XE] = { SV_YES, "show bootvar" },
		[IP_FAMILY_SWITCH_CLASSIC] = { SV_YES, NULL },
		[IP_FAMILY_SWITCH_CAT4500] = { SV_YES, "show bootvar" },
		[IP_FAMILY_SWITCH_XE] = { SV_VARIES, "show boot" },
		[IP_FAMILY_VIRTUAL] = { SV_YES, NULL },
	},
	[IP_FACT_IMAGE] = {
		[IP_FAMILY_SWITCH_CAT4500] = { SV_VARIES, NULL },
	},
	[IP_FACT_LICENSE] = {
		[IP_FAMILY_UNKNOWN] = { SV_VARIES, NULL },
		[IP_FAMILY_ROUTER_CLASSIC] = { SV_VARIES, NULL },
		[IP_FAMILY_ROUTER_XE] = { SV_VARIES, NULL },
		[IP_FAMILY_SWITCH_CLASSIC] = { SV_VARIES, NULL },
		[IP_FAMILY_SWITCH_CAT4500] = { SV_VARIES, NULL },
		[IP_FAMILY_SWITCH_XE] = { SV_VARIES, NULL },
		[IP_FAMILY_VIRTUAL] = { SV_NO, NULL },
	},
};

bool ip_show_version_captured(const ip_device *dev, bool *in_full)
{
	bool any = false, full = false;
	for (size_t i = 0; i < dev->n_sources; i++) {
		const ip_source *s = &dev->sources[i];
		if (s->cmd != IP_CMD_SHOW_VERSION)
			continue;
		any = true;
		if (!s->command || !strchr(s->command, '|'))
			full = true;
	}
	/* output cut before the processor line names no model (show_version.c
	 * diagnose(): "show version output ends early") */
	if (!dev->platform.s)
		full = false;
	if (in_full)
		*in_full = full;
	return any;
}

static const char *family_words(const ip_platform *p)
{
	if (p->series && !p->guessed)
		return p->series;
	switch (p->family) {
	case IP_FAMILY_ROUTER_CLASSIC: return "classic IOS router";
	case IP_FAMILY_ROUTER_XE: return "IOS-XE router";
	case IP_FAMILY_SWITCH_CLASSIC: return "classic IOS switch";
	case IP_FAMILY_SWITCH_CAT4500: return "Catalyst 4500";
	case IP_FAMILY_SWITCH_XE: return "IOS-XE switch";
	case IP_FAMILY_VIRTUAL: return "virtual device";
	default: return "platform";
	}
}

ip_fact_hint ip_fact_hint_of(ip_arena *a, const ip_device *dev, const ip_platform *p, ip_fact f)
{
	ip_platform own;
	if (!p) {
		ip_platform_classify(&own, dev);
		p = &own;
	}
	hint_row row = { SV_YES, NULL };
	if ((unsigned)f < IP_FACT__COUNT && (size_t)p->family <= IP_FAMILY_VIRTUAL)
		row = table[f][p->family];
	/* An unknown family on IOS-XE: the ROM line there names no version. */
	if (f == IP_FACT_ROMMON && p->family == IP_FAMILY_UNKNOWN && dev->os == IP_OS_IOSXE)
		row = (hint_row){ SV_NO, ROM_XE };
	bool full = false, captured = ip_show_version_captured(dev, &full);
	ip_fact_hint h = { IP_HINT_CAPTURE, "show version", NULL };
	if (row.prints == SV_NO) {
		h.kind = captured ? IP_HINT_NOT_PRINTED : IP_HINT_CAPTURE;
		h.capture = row.other;
	} else if (captured && !full) {
		h.kind = IP_HINT_RECAPTURE;
	} else if (captured) {
		h.kind = IP_HINT_NOT_PRINTED;
		h.capture = row.other;
	}
	if (!a)
		return h;
	const char *what = family_words(p);
	switch (h.kind) {
	case IP_HINT_CAPTURE:
		h.text = h.capture ? ip_arena_printf(a, "capture '%s'", h.capture)
				   : ip_arena_printf(a, "not printed by show version on this %s, "
						     "and no capture iosplan reads gives it", what);
		break;
	case IP_HINT_RECAPTURE:
		h.text = ip_arena_strdup(a, "show version was cut short or filtered: capture "
					    "'show version' again in full");
		break;
	case IP_HINT_NOT_PRINTED:
		h.text = h.capture ? ip_arena_printf(a, "not printed by show version on this %s; "
						     "capture '%s'", what, h.capture)
				   : ip_arena_printf(a, "not printed by show version on this %s, "
						     "and no capture iosplan reads gives it", what);
		break;
	}
	return h;
}
