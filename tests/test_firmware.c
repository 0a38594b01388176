/* The boot firmware per slot (issue 22, point 2): show rom-monitor, show
 * platform's firmware table, show hw-programmable all, and the model's one
 * answer to "which ROMMON does this device run" (model/rommon.h). Every
 * capture below is a real output, its source named in the row; a few are
 * combined into one session to test which source wins. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "rommon.h"

/* ASR1006 after its upgrade: R0 and R1 on different ROMMONs.
 * github.com/jflam2002/cisco "# Understand ASR1000-RP2 CPLD and F.txt" */
#define ASR1006_PLATFORM                                                              \
	"a04#sh platform\n"                                                           \
	"Chassis type: ASR1006\n"                                                     \
	"\n"                                                                          \
	"Slot      Type                State                 Insert time (ago)\n"     \
	"--------- ------------------- --------------------- -----------------\n"     \
	"0         ASR1000-SIP40       ok                    1d17h\n"                 \
	" 0/0      SPA-1X10GE-L-V2     ok                    1d17h\n"                 \
	"R0        ASR1000-RP2         ok, active            1d17h\n"                 \
	"R1        ASR1000-RP2         ok, standby           1d17h\n"                 \
	"F0        ASR1000-ESP40       ok, active            1d17h\n"                 \
	"P0        ASR1006-PWR-AC      ok                    1d17h\n"                 \
	"\n"                                                                          \
	"Slot      CPLD Version        Firmware Version\n"                            \
	"--------- ------------------- ---------------------------------------\n"     \
	"0         00200800            16.3(2r)\n"                                    \
	"R0        14111801            16.9(5r)\n"                                    \
	"R1        14111801            17.3(1r)\n"                                    \
	"F0        1003190E            17.3(1r)\n"                                    \
	"\n"

#define ASR1006_HW                                                                    \
	"a04#sh hw-programmable all\n"                                                \
	"Hw-programmable versions\n"                                                  \
	"\n"                                                                          \
	"Slot              CPLD version              FPGA version\n"                  \
	"----------------------------------------------------------------------\n"    \
	"R0                14111801                  18102401\n"                      \
	"R1                14111801                  18102401\n"                      \
	"F0                1003190E                  10072001\n"                      \
	"0                 00020008                  N/A\n"

/* The same R0/R1 table with R1 active (a switchover happened). */
#define ASR1006_R1_ACTIVE                                                             \
	"a04#show platform\n"                                                         \
	"Slot      Type                State                 Insert time (ago)\n"     \
	"--------- ------------------- --------------------- -----------------\n"     \
	"R0        ASR1000-RP2         ok, standby           1d17h\n"                 \
	"R1        ASR1000-RP2         ok, active            1d17h\n"                 \
	"\n"                                                                          \
	"Slot      CPLD Version        Firmware Version\n"                            \
	"--------- ------------------- ---------------------------------------\n"     \
	"R0        14111801            16.9(5r)\n"                                    \
	"R1        14111801            17.3(1r)\n"

/* ISR4321, spaces squeezed as pasted: blog "Upgrading IOS-XE and ROMMON"
 * (2022), found with the code search. */
#define ISR4321_ROM                                                                   \
	"Wirchbench#show rom-monitor r0\n"                                            \
	"\n"                                                                          \
	"System Bootstrap, Version 15.4(3r)S3, RELEASE SOFTWARE\n"                    \
	"Copyright (c) 1994-2014 by cisco Systems, Inc.\n"                            \
	"\n"
#define ISR4321_PLATFORM                                                              \
	"Wirchbench#sh platform\n"                                                    \
	"Chassis type: ISR4321/K9\n"                                                  \
	"\n"                                                                          \
	"Slot Type State Insert time (ago)\n"                                         \
	"--------- ------------------- --------------------- -----------------\n"     \
	"0 ISR4321/K9 ok 01:26:51\n"                                                  \
	"0/0 ISR4321-2x1GE ok 01:25:41\n"                                             \
	"R0 ISR4321/K9 ok, active 01:26:51\n"                                         \
	"F0 ISR4321/K9 ok, active 01:26:51\n"                                         \
	"\n"                                                                          \
	"Slot CPLD Version Firmware Version\n"                                        \
	"--------- ------------------- ---------------------------------------\n"     \
	"0 15030325 16.2(1r)\n"                                                       \
	"R0 15030325 16.2(1r)\n"                                                      \
	"F0 15030325 16.2(1r)\n"

#define XE_ROMMON_VERSION                                                             \
	"Wirchbench#show version\n"                                                   \
	"Cisco IOS XE Software, Version 16.09.06\n"                                   \
	"Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.6, RELEASE SOFTWARE (fc3)\n" \
	"ROM: IOS-XE ROMMON\n"                                                        \
	"Wirchbench uptime is 1 hour, 2 minutes\n"                                    \
	"cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n"     \
	"Configuration register is 0x2102\n"

typedef struct fw_case {
	const char *source, *log;
	const char *version, *from, *slot, *missing; /* the model's answer */
	const char *check_slot, *rommon, *cpld, *fpga, *state; /* one slot's facts */
	size_t warnings;
} fw_case;

static const fw_case fw_cases[] = {
	{ "ASR1006 show platform: the active RP's firmware", ASR1006_PLATFORM,
	  "16.9(5r)", "show platform", "R0", NULL, "R1", "17.3(1r)", "14111801", NULL, "ok, standby", 0 },
	{ "ASR1006 hw-programmable beside show platform", ASR1006_PLATFORM ASR1006_HW,
	  "16.9(5r)", "show platform", "R0", NULL, "0", "16.3(2r)", "00020008", "N/A", NULL, 0 },
	{ "ASR1006 hw-programmable alone: no ROMMON in it", "a04#show version\nCisco IOS XE Software, Version 16.09.06\n" ASR1006_HW,
	  NULL, NULL, NULL, "show rom-monitor r0' or 'show platform", "F0", NULL, "1003190E", "10072001", NULL, 0 },
	{ "after a switchover R1 is active", ASR1006_R1_ACTIVE,
	  "17.3(1r)", "show platform", "R1", NULL, "R0", "16.9(5r)", "14111801", NULL, "ok, standby", 0 },
	{ "ASR1002-X show platform, jflam2002/cisco",
	  "a01#sh platform\nChassis type: ASR1002-X\n\n"
	  "Slot      CPLD Version        Firmware Version\n"
	  "--------- ------------------- ---------------------------------------\n"
	  "0         14012203            15.3(1r)S\n"
	  "R0        14012203            15.3(1r)S\n"
	  "F0        14012203            15.3(1r)S\n",
	  "15.3(1r)S", "show platform", "R0", NULL, "F0", "15.3(1r)S", "14012203", NULL, NULL, 0 },
	{ "ISR4321 squeezed show platform (blog, after the ROMMON upgrade)", ISR4321_PLATFORM,
	  "16.2(1r)", "show platform", "R0", NULL, "R0", "16.2(1r)", "15030325", NULL, "ok, active", 0 },
	{ "ISR4321 show rom-monitor r0 (blog, before the upgrade)", ISR4321_ROM,
	  "15.4(3r)S3", "show rom-monitor", "R0", NULL, "R0", "15.4(3r)S3", NULL, NULL, NULL, 0 },
	{ "show rom-monitor wins over show platform for its slot", ISR4321_PLATFORM ISR4321_ROM,
	  "15.4(3r)S3", "show rom-monitor", "R0", NULL, "R0", "15.4(3r)S3", "15030325", NULL, "ok, active", 0 },
	{ "... in either order", ISR4321_ROM ISR4321_PLATFORM,
	  "15.4(3r)S3", "show rom-monitor", "R0", NULL, "F0", "16.2(1r)", "15030325", NULL, NULL, 0 },
	{ "genieparser ShowRomMonitor golden_output1 (show rom-monitor 0)",
	  "R#show rom-monitor 0\n\nSystem Bootstrap, Version 16.12(2r), RELEASE SOFTWARE\n"
	  "Copyright (c) 1994-2019  by cisco Systems, Inc.\n",
	  "16.12(2r)", "show rom-monitor", "0", NULL, "0", "16.12(2r)", NULL, NULL, NULL, 0 },
	{ "ASR 1000 configuration guide: show rom-monitor r0",
	  "Router# show rom-monitor r0\n"
	  "System Bootstrap, Version 12.2(33r)XN1, RELEASE SOFTWARE (fc1)\n"
	  "Technical Support: http://www.cisco.com/techsupport\n"
	  "Copyright (c) 2007 by cisco Systems, Inc.\n",
	  "12.2(33r)XN1", "show rom-monitor", "R0", NULL, "R0", "12.2(33r)XN1", NULL, NULL, NULL, 0 },
	{ "show rom-monitor without a slot: not guessed onto R0",
	  "R#show rom-monitor\nSystem Bootstrap, Version 16.12(2r), RELEASE SOFTWARE\n",
	  NULL, NULL, NULL, "show version", NULL, NULL, NULL, NULL, NULL, 1 },
	{ "show rom-monitor the device rejected: nothing read, no guess",
	  "R#show rom-monitor r0\n% Invalid input detected at '^' marker.\n",
	  NULL, NULL, NULL, "show version", NULL, NULL, NULL, NULL, NULL, 0 },
	{ "show rom-monitor without its version line: a warning",
	  "R#show rom-monitor r0\nCopyright (c) 1994-2019  by cisco Systems, Inc.\n",
	  NULL, NULL, NULL, "show version", NULL, NULL, NULL, NULL, NULL, 1 },
	{ "genieparser ShowPlatform golden_output_c9500: only the chassis slot",
	  "sw#show platform\nChassis type: C9500-32QC\n\n"
	  "Slot      Type                State                 Insert time (ago)\n"
	  "--------- ------------------- --------------------- -----------------\n"
	  "1         C9500-32QC          ok                    1d18h\n"
	  "R0        C9500-32QC          ok, active            1d18h\n\n"
	  "Slot      CPLD Version        Firmware Version\n"
	  "--------- ------------------- ---------------------------------------\n"
	  "1         19061022            17.1.1[FC2]\n",
	  "17.1.1", "show platform", "1", NULL, "1", "17.1.1", "19061022", NULL, NULL, 0 },
	{ "genieparser ShowPlatform golden_output_c8300: a date-like firmware",
	  "r#sh platform\n"
	  "Slot      CPLD Version        Firmware Version\n"
	  "--------- ------------------- ---------------------------------------\n"
	  "0         19041222            20190618\n"
	  "R0        19041222            20190618\n",
	  "20190618", "show platform", "R0", NULL, "0", "20190618", "19041222", NULL, NULL, 0 },
	{ "show version alone on IOS-XE: 'ROM: IOS-XE ROMMON' names no version", XE_ROMMON_VERSION,
	  NULL, NULL, NULL, "show rom-monitor r0' or 'show platform", NULL, NULL, NULL, NULL, NULL, 0 },
	{ "show version plus show rom-monitor r0", XE_ROMMON_VERSION ISR4321_ROM,
	  "15.4(3r)S3", "show rom-monitor", "R0", NULL, NULL, NULL, NULL, NULL, NULL, 0 },
	{ "classic IOS: the ROM line (Cisco 2811, netkiller show.html)",
	  "Router#show version\n"
	  "Cisco IOS Software, 2800 Software (C2800NM-IPBASE-M), Version 12.4(3i), RELEASE SOFTWARE (fc2)\n"
	  "ROM: System Bootstrap, Version 12.4(13r)T, RELEASE SOFTWARE (fc1)\n"
	  "Router uptime is 49 minutes\n"
	  "Cisco 2811 (revision 53.51) with 251904K/10240K bytes of memory.\n"
	  "Configuration register is 0x2142\n",
	  "12.4(13r)T", "show version", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 },
	{ "C2960X BOOTLDR (the issue's form)",
	  "sw#show version\n"
	  "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E2, RELEASE SOFTWARE (fc3)\n"
	  "ROM: Bootstrap program is C2960X boot loader\n"
	  "BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(7r)E, RELEASE SOFTWARE (fc1)\n"
	  "sw uptime is 3 minutes\n"
	  "cisco WS-C2960X-24PS-L (APM86XXX) processor (revision B0) with 524288K bytes of memory.\n"
	  "Configuration register is 0xF\n",
	  "15.2(7r)E", "show version", NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0 },
	{ "Cat9k BOOTLDR beats the chassis slot's firmware (ntc show_version4 + genie c9500)",
	  "sw#show version\n"
	  "Cisco IOS XE Software, Version 16.09.03\n"
	  "Cisco IOS Software [Fuji], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 16.9.3, RELEASE SOFTWARE (fc2)\n"
	  "ROM: IOS-XE ROMMON\n"
	  "BOOTLDR: System Bootstrap, Version 16.9.1r [FC2], RELEASE SOFTWARE (P)\n"
	  "sw uptime is 3 minutes\n"
	  "cisco C9500-40X (X86) processor with 1419496K/6147K bytes of memory.\n"
	  "sw#show platform\n"
	  "Slot      CPLD Version        Firmware Version\n"
	  "--------- ------------------- ---------------------------------------\n"
	  "1         19061022            17.1.1[FC2]\n",
	  "16.9.1r", "show version", NULL, NULL, "1", "17.1.1", "19061022", NULL, NULL, 0 },
	{ "a firmware row that does not read: a warning",
	  "r#show platform\n"
	  "Slot      CPLD Version        Firmware Version\n"
	  "--------- ------------------- ---------------------------------------\n"
	  "R0        14111801\n",
	  NULL, NULL, NULL, "show version", NULL, NULL, NULL, NULL, NULL, 1 },
};

IP_TABLE_PARAMS(firmware, rows, fw_cases)

static void expect_s(const char *who, const char *what, const char *got, const char *want)
{
	if (!want)
		cr_expect_null(got, "%s: %s is '%s', want unknown", who, what, got);
	else
		cr_expect(got && strcmp(got, want) == 0, "%s: %s is '%s', want '%s'", who, what,
			  got ? got : "(null)", want);
}

ParameterizedTest(size_t *row, firmware, rows)
{
	const fw_case *c = &fw_cases[*row];
	ip_device_set *s = test_load_text("fw.log", c->log);
	cr_assert_eq(s->n, 1, "%s: %zu devices", c->source, s->n);
	const ip_device *d = s->v[0];
	ip_rommon_answer a = ip_device_rommon(d);
	expect_s(c->source, "version", a.version ? a.version->s : NULL, c->version);
	expect_s(c->source, "from", a.from, c->from);
	expect_s(c->source, "slot", a.slot, c->slot);
	expect_s(c->source, "missing", a.missing, c->missing);
	if (a.version)
		cr_expect(a.version->span.line > 0, "%s: the version has a span", c->source);
	if (c->check_slot) {
		const ip_rom_slot *r = NULL;
		for (size_t i = 0; i < d->n_rom_slots; i++)
			if (strcmp(d->rom_slots[i].slot, c->check_slot) == 0)
				r = &d->rom_slots[i];
		cr_assert_not_null(r, "%s: no slot %s", c->source, c->check_slot);
		expect_s(c->source, "slot rommon", r->rommon.s, c->rommon);
		expect_s(c->source, "slot cpld", r->cpld.s, c->cpld);
		expect_s(c->source, "slot fpga", r->fpga.s, c->fpga);
		expect_s(c->source, "slot state", r->state.s, c->state);
	}
	for (size_t i = 0; i < d->n_rom_slots; i++) {
		const char *n = d->rom_slots[i].slot;
		cr_expect(n[0] && strspn(n, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(n),
			  "%s: slot '%s' kept: not a slot name (a rule, a sub-slot)", c->source, n);
	}
	cr_expect_eq(ip_diags_count(&s->diags, IP_DIAG_WARNING), c->warnings, "%s: %zu warnings",
		     c->source, ip_diags_count(&s->diags, IP_DIAG_WARNING));
	ip_device_set_free(s);
}
