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

/* The order of two ROMMON versions (issue 22). ROMMON versions are not
 * release strings, so ip_version_cmp() (which calls 15.4 and 16.9 two
 * trains) does not apply; two forms are read, each seen in real output:
 *
 *   classic  15.4(3r)S5, 16.9(1r), 17.3(1r), 12.2(44r)SE3, 16.12(2r)
 *            ("System Bootstrap, Version 15.4(3r)S5, RELEASE SOFTWARE":
 *            ASR1001-X / ISR 4000 boot logs; 12.2(44r)SE3 Cat3750 ROM),
 *            17.3(8a) (C8300 "ROM: 17.3(8a)", samples/c8300-controller-mode.log),
 *            12.2(44)SE5 (a 2960 BOOTLDR line, samples/netstuts-sw1.log)
 *   dotted   17.3.2r, 17.6.1r[FC2], 17.06.05 [FC2], 17.1.1[FC2]
 *            (Cat9k "BOOTLDR: System Bootstrap, Version ..." lines;
 *            genieparser ShowVersion outputs, github search 2026-12-07)
 *
 * Classic: major, minor, then the maintenance number in parentheses, then
 * an optional train (letters) and rebuild (digits). Dotted: numbers joined
 * by dots, an optional 'r', an optional bracketed tag.
 *
 * Assumption (DOMAIN.md §3, UNCONFIRMED in general): on one platform the
 * ROMMON versions form one numeric sequence across majors (ASR 1000:
 * 12.2(33r)XNC, 15.4(3r)S5, 16.3(2r), 16.9(1r), 17.3(1r)), so a train
 * that is present on one side only does not stop the comparison when the
 * numbers differ. Not guessed, answered IP_ROM_INCOMPARABLE:
 * - a classic against a dotted version (16.12(2r) and 16.12.2r);
 * - two different trains (15.0(1r)M15 against 15.4(3r)S5);
 * - equal numbers with a train, a letter ((8a)) or a tag on one side only,
 *   or different ones;
 * - text of neither form. */
typedef enum ip_rommon_order {
	IP_ROM_OLDER = -1, /* a is older than b */
	IP_ROM_SAME = 0,
	IP_ROM_NEWER = 1,
	IP_ROM_INCOMPARABLE = 2,
} ip_rommon_order;

ip_rommon_order ip_rommon_cmp(const char *a, const char *b);

#endif
