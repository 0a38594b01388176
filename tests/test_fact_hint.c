/* Issue 23, point 3: a hint names a capture only when that capture would
 * supply the fact on that platform; when show version was captured in full
 * and does not print the fact there, the hint says so and names what else
 * gives it. Table: capture x fact -> kind, capture named, words said. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "boot_sim.h"
#include "fact_hint.h"
#include "helpers.h"

/* A 2811 on 15.1(4)M: no licence lines, ROM line present (tmullaly/oxidized r3). */
#define SV_2811                                                                \
	"R1#show version\n"                                                    \
	"Cisco IOS Software, 2800 Software (C2800NM-ADVIPSERVICESK9-M), Version 15.1(4)M12a, RELEASE SOFTWARE (fc1)\n" \
	"ROM: System Bootstrap, Version 12.4(13r)T, RELEASE SOFTWARE (fc1)\n"  \
	"R1 uptime is 2 weeks, 1 day, 3 hours, 4 minutes\n"                    \
	"System image file is \"flash:c2800nm-advipservicesk9-mz.151-4.M12a.bin\"\n" \
	"Cisco 2811 (revision 53.51) with 249856K/12288K bytes of memory.\n"   \
	"Processor board ID FTX1107A4L4\n"                                     \
	"62720K bytes of ATA CompactFlash (Read/Write)\n"                      \
	"Configuration register is 0x2102\n"

/* The same, cut before the ROM line (a how-to page's excerpt). */
#define SV_2811_CUT                                                            \
	"R1#show version\n"                                                    \
	"Cisco IOS Software, 2800 Software (C2800NM-ADVIPSERVICESK9-M), Version 15.1(4)M12a, RELEASE SOFTWARE (fc1)\n" \
	"Technical Support: http://www.cisco.com/techsupport\n"

/* ISR4321 16.9 (ROM: IOS-XE ROMMON), with or without its register line. */
#define SV_ISR_HEAD                                                            \
	"R2#show version\n"                                                    \
	"Cisco IOS XE Software, Version 16.09.06\n"                            \
	"Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.6, RELEASE SOFTWARE (fc3)\n" \
	"ROM: IOS-XE ROMMON\n"                                                 \
	"R2 uptime is 2 days, 4 hours, 47 minutes\n"                           \
	"System image file is \"bootflash:isr4300-universalk9.16.09.06.SPA.bin\"\n" \
	"cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n" \
	"Processor board ID FLM2044W0LT\n"                                     \
	"7697408K bytes of flash memory at bootflash:.\n"
#define SV_ISR SV_ISR_HEAD "Configuration register is 0x2102\n"

/* Cat9300 17.9: no register line (normal from 16.12.4). */
#define SV_C9300                                                               \
	"SW1#show version\n"                                                   \
	"Cisco IOS XE Software, Version 17.09.04a\n"                           \
	"Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)\n" \
	"ROM: IOS-XE ROMMON\n"                                                 \
	"SW1 uptime is 1 week, 2 days, 3 hours, 4 minutes\n"                   \
	"System image file is \"flash:packages.conf\"\n"                       \
	"cisco C9300-48P (X86) processor with 1392780K/6147K bytes of memory.\n" \
	"Processor board ID FOC2222X0AB\n"

/* IOSv: "ROM: Bootstrap program is IOSv" — a VM has no ROMMON version. */
#define SV_IOSV                                                                \
	"R3#show version\n"                                                    \
	"Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.9(3)M6, RELEASE SOFTWARE (fc1)\n" \
	"ROM: Bootstrap program is IOSv\n"                                     \
	"R3 uptime is 1 hour, 2 minutes\n"                                     \
	"System image file is \"flash0:/vios-adventerprisek9-m\"\n"            \
	"Cisco IOSv (revision 1.0) with  with 460137K/62464K bytes of memory.\n" \
	"Processor board ID 9YJXS2VD3Q7\n"                                     \
	"Configuration register is 0x0\n"

/* Only a listing: show version not captured at all. */
#define DIR_ONLY                                                               \
	"R4#dir flash:\n"                                                      \
	"Directory of flash:/\n"                                               \
	"\n"                                                                   \
	"    1  -rw-    45678900  Mar 5 2020 10:00:00 +00:00  c2800nm-advipservicesk9-mz.151-4.M12a.bin\n" \
	"\n"                                                                   \
	"63901696 bytes total (18222796 bytes free)\n"

#define FILTERED                                                               \
	"R5#show version | include Version\n"                                  \
	"Cisco IOS Software, 2800 Software (C2800NM-ADVIPSERVICESK9-M), Version 15.1(4)M12a, RELEASE SOFTWARE (fc1)\n"

typedef struct hint_case {
	const char *text;
	ip_fact fact;
	ip_hint_kind kind;
	const char *capture; /* NULL: none named */
	const char *says;    /* a phrase the text holds */
} hint_case;

#define ROM_XE "show rom-monitor r0' or 'show platform"

static const hint_case cases[] = {
	/* printed nowhere on this platform: no capture asked for */
	{ SV_2811, IP_FACT_LICENSE, IP_HINT_NOT_PRINTED, NULL, "not printed by show version on this C2800" },
	{ SV_IOSV, IP_FACT_ROMMON, IP_HINT_NOT_PRINTED, NULL, "no capture iosplan reads gives it" },
	/* printed elsewhere on this platform: that command */
	{ SV_ISR, IP_FACT_ROMMON, IP_HINT_NOT_PRINTED, ROM_XE, "not printed by show version on this ISR4300" },
	{ SV_C9300, IP_FACT_CONFREG, IP_HINT_NOT_PRINTED, "show boot", "capture 'show boot'" },
	{ SV_ISR_HEAD, IP_FACT_CONFREG, IP_HINT_NOT_PRINTED, "show bootvar", "capture 'show bootvar'" },
	/* cut short or filtered: capture it again in full */
	{ SV_2811_CUT, IP_FACT_ROMMON, IP_HINT_RECAPTURE, "show version", "cut short or filtered" },
	{ SV_2811_CUT, IP_FACT_SERIAL, IP_HINT_RECAPTURE, "show version", "again in full" },
	{ FILTERED, IP_FACT_SERIAL, IP_HINT_RECAPTURE, "show version", "again in full" },
	/* not captured: show version */
	{ DIR_ONLY, IP_FACT_SERIAL, IP_HINT_CAPTURE, "show version", "capture 'show version'" },
	{ DIR_ONLY, IP_FACT_ROMMON, IP_HINT_CAPTURE, "show version", "capture 'show version'" },
};

IP_TABLE_PARAMS(fact_hint, table, cases)

ParameterizedTest(size_t *row, fact_hint, table)
{
	const hint_case *c = &cases[*row];
	ip_device_set *set = test_load_text("t.txt", c->text);
	cr_assert_eq(set->n, 1);
	ip_arena *a = ip_arena_new();
	ip_fact_hint h = ip_fact_hint_of(a, set->v[0], NULL, c->fact);
	cr_expect_eq(h.kind, c->kind, "row %zu: kind %d (%s)", *row, h.kind, h.text);
	if (c->capture)
		cr_expect(h.capture && strcmp(h.capture, c->capture) == 0, "row %zu: capture %s",
			  *row, h.capture ? h.capture : "(none)");
	else
		cr_expect_null(h.capture, "row %zu: capture %s", *row, h.capture);
	cr_expect(h.text && strstr(h.text, c->says), "row %zu: '%s' lacks '%s'", *row, h.text, c->says);
	/* never the old self-contradiction: show version asked for although it
	 * was captured in full */
	bool full = false;
	if (ip_show_version_captured(set->v[0], &full) && full)
		cr_expect(!h.capture || strcmp(h.capture, "show version") != 0,
			  "row %zu: asks for show version again: %s", *row, h.text);
	ip_arena_free(a);
	ip_device_set_free(set);
}

/* The boot simulator asks for what gives the register there, not for the
 * show version it was given. */
Test(fact_hint, register_missing_names_show_bootvar)
{
	ip_device_set *set = test_load_text("t.txt", SV_ISR_HEAD);
	cr_assert_eq(set->n, 1);
	ip_arena *a = ip_arena_new();
	ip_boot_prediction nb;
	ip_boot_predict(&nb, a, set->v[0]);
	cr_expect_eq(nb.outcome, IP_NEXT_UNKNOWN);
	cr_expect(nb.missing && strcmp(nb.missing, "show bootvar") == 0, "missing %s",
		  nb.missing ? nb.missing : "(null)");
	ip_arena_free(a);
	ip_device_set_free(set);
}

/* A model in no table with nothing that names a family: no capture would
 * tell, so none is asked for; the reason says why. */
Test(fact_hint, unknown_platform_asks_for_no_capture)
{
	ip_device_set *set = test_load_text("t.txt",
		"N1#show version\n"
		"Cisco IOS Software, Frobnicator Software (FROB-UNIVERSALK9-M), Version 15.2(4)M, RELEASE SOFTWARE (fc1)\n"
		"N1 uptime is 1 hour, 2 minutes\n"
		"System image file is \"flash:frob-universalk9-mz.152-4.M.bin\"\n"
		"cisco FROB-9000 (X86) processor with 1000000K/6147K bytes of memory.\n"
		"Processor board ID FOX0000X000\n"
		"Configuration register is 0x2102\n");
	cr_assert_eq(set->n, 1);
	ip_arena *a = ip_arena_new();
	ip_boot_prediction nb;
	ip_boot_predict(&nb, a, set->v[0]);
	cr_expect_eq(nb.outcome, IP_NEXT_UNKNOWN);
	cr_expect_null(nb.missing, "asks for %s", nb.missing);
	cr_expect(nb.unknown_why && strstr(nb.unknown_why, "FROB-9000 is not in iosplan's platform table"),
		  "why: %s", nb.unknown_why ? nb.unknown_why : "(null)");
	ip_arena_free(a);
	ip_device_set_free(set);
}
