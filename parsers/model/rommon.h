/* "What ROMMON does this device run?" answered once (issue 22), for facts,
 * the rules and the planner alike. The version can come from four places;
 * the answer names which, and when none says it, the capture that would:
 *
 * 1. show rom-monitor <slot> of the active route processor (R0 when no
 *    show platform says which is active): the slot's own command;
 * 2. show platform's "Firmware Version" of that route processor;
 * 3. show version's ROM line, or its BOOTLDR line where the ROM line names
 *    no version (Cat3k/9k, 2960: show_version.c);
 * 4. show platform's firmware of the chassis slot ("0" on ISR 4000, "1" on
 *    Cat9k, where no R slot has a row: genieparser ShowPlatform
 *    golden_output_c9500_output.txt).
 *
 * Unknown names "show rom-monitor r0' or 'show platform" on IOS-XE, where
 * show version prints "ROM: IOS-XE ROMMON" without a version (DOMAIN.md
 * §3), and "show version" elsewhere. On a chassis with two route
 * processors on different ROMMONs (ASR1006, R0 16.9(5r), R1 17.3(1r):
 * github.com/jflam2002/cisco) the answer is the active one's; every
 * slot's own stays in ip_device.rom_slots for a rule that must hold after
 * a switchover. */
#ifndef IOSPLAN_ROMMON_H
#define IOSPLAN_ROMMON_H

#include "device.h"

typedef struct ip_rommon_answer {
	const ip_text *version;  /* NULL: unknown */
	const char *from;        /* "show rom-monitor", "show platform", "show version" */
	const char *slot;        /* "R0", "1"; NULL when from show version */
	const char *missing;     /* unknown: the capture that would say it */
} ip_rommon_answer;

ip_rommon_answer ip_device_rommon(const ip_device *d);

#endif
