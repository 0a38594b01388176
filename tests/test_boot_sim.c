/* ip_boot_predict: captures in (through the whole parsing pipeline), the
 * predicted next boot out: outcome, step, image, fallback flags, the
 * capture that is missing, and where the deciding fact sits. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "boot_sim.h"
#include "helpers.h"

/* --- captures ------------------------------------------------------------- */

/* ISR4321, 16.9.6 (the seed router). The register value is on line 9,
 * column 27. */
#define SV_ISR(reg)                                                            \
	"R1#show version\n"                                                    \
	"Cisco IOS XE Software, Version 16.09.06\n"                            \
	"Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), " \
	"Version 16.9.6, RELEASE SOFTWARE (fc3)\n"                             \
	"R1 uptime is 2 days, 4 hours, 47 minutes\n"                           \
	"System image file is \"bootflash:isr4300-universalk9.16.09.06.SPA.bin\"\n" \
	"cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n" \
	"Processor board ID FLM2044W0LT\n"                                     \
	"7697408K bytes of flash memory at bootflash:.\n"                      \
	"Configuration register is " reg "\n"

#define OLD_IMG "isr4300-universalk9.16.09.06.SPA.bin"
#define NEW_IMG "isr4300-universalk9.16.12.04.SPA.bin"

/* Lines 10-17; images on lines 12 and 15, names at column 37. */
#define BF(first, second)                                                      \
	"R1#show bootflash:\n"                                                 \
	"-#- --length-- -----date/time------ path\n"                           \
	"  1  521347072 Mar 05 2026 09:14:22 " first "\n"                      \
	"  2       4096 Mar 05 2026 09:14:22 .installer/\n"                    \
	"  3       8192 Mar 07 2026 13:58:12 tracelogs/\n"                     \
	"  4  521347072 Mar 07 2026 14:22:08 " second "\n"                     \
	"\n"                                                                   \
	"6405454720 bytes available (1050730496 bytes used)\n"

#define BF_OLD_ONLY                                                            \
	"R1#show bootflash:\n"                                                 \
	"-#- --length-- -----date/time------ path\n"                           \
	"  1  521347072 Mar 05 2026 09:14:22 " OLD_IMG "\n"                    \
	"  2       4096 Mar 05 2026 09:14:22 .installer/\n"                    \
	"  3       8192 Mar 07 2026 13:58:12 tracelogs/\n"                     \
	"  4       1823 Mar 05 2026 09:15:01 R1-backup-20260305.cfg\n"         \
	"\n"                                                                   \
	"6927970304 bytes available (563851264 bytes used)\n"

/* Startup-config boot block: first statement on line 20 (after SV_ISR and
 * a listing), its target at column 13. */
#define START(lines)                                                           \
	"R1#show startup-config | include boot\n"                              \
	"boot-start-marker\n" lines "boot-end-marker\n"

#define BOOT(x) "boot system " x "\n"

/* WS-C2960-24TT-L, 15.2(7)E6 (the seed switch): lines 1-7. */
#define SV_2960                                                                \
	"SW1#show version\n"                                                   \
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, " \
	"RELEASE SOFTWARE (fc2)\n"                                             \
	"SW1 uptime is 2 days, 4 hours, 9 minutes\n"                           \
	"System image file is \"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\n"     \
	"cisco WS-C2960-24TT-L (PowerPC405) processor (revision R0) with 65536K bytes of memory.\n" \
	"Processor board ID FOC1322Z4LK\n"                                     \
	"Configuration register is 0xF\n"

/* Lines 8-16, the image on line 11 at column 55. */
#define FL_2960                                                                \
	"SW1#show flash:\n"                                                    \
	"Directory of flash:/\n"                                               \
	"\n"                                                                   \
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n" \
	"    3  -rwx        4414   Mar 5 2026 09:52:47 +00:00  config.text\n"  \
	"    4  -rwx         736   Mar 5 2026 09:40:12 +00:00  vlan.dat\n"     \
	"    7  drwx         192   Mar 1 1993 00:01:14 +00:00  crashinfo\n"    \
	"\n"                                                                   \
	"64016384 bytes total (50511872 bytes free)\n"

/* BOOT path-list on line 18 (after SV_2960 and FL_2960), column 23. */
#define SB_2960(path, manual)                                                  \
	"SW1#show boot\n"                                                      \
	"BOOT path-list      : " path "\n"                                     \
	"Manual Boot         : " manual "\n"

/* C9300-48P, 17.9.4a: no register line (17.x), lines 1-8. */
#define SV_9300                                                                \
	"SW9#show version\n"                                                   \
	"Cisco IOS XE Software, Version 17.09.04a\n"                           \
	"Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), " \
	"Version 17.9.4a, RELEASE SOFTWARE (fc3)\n"                            \
	"SW9 uptime is 2 years, 7 weeks, 3 days, 12 hours, 1 minute\n"         \
	"System image file is \"flash:packages.conf\"\n"                       \
	"cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.\n" \
	"Processor board ID FOC2418L0A7\n"                                     \
	"11264000K bytes of Flash at flash:.\n"

/* Lines 9-17. */
#define DIR_9300                                                               \
	"SW9#dir flash:\n"                                                     \
	"Directory of flash:/\n"                                               \
	"\n"                                                                   \
	"475137  drwx             4096  Jan 14 2024 02:21:36 +00:00  .installer\n" \
	"475155  -rw-       1442213753  Jan 14 2024 01:41:07 +00:00  cat9k_iosxe.17.09.04a.SPA.bin\n" \
	"475164  -rw-        474350592  Jan 14 2024 01:58:22 +00:00  cat9k-rpbase.17.09.04a.SPA.pkg\n" \
	"475173  -rw-             8116  Jan 14 2024 02:01:47 +00:00  packages.conf\n" \
	"\n"                                                                   \
	"11353194496 bytes total (8282386432 bytes free)\n"

/* Next-reload BOOT on line 26 (after SV_9300 and DIR_9300), column 17;
 * Manual Boot on line 27, column 15. */
#define SB_9300(boot, manual)                                                  \
	"SW9#show boot\n"                                                      \
	"---------------------------\n"                                        \
	"Switch 1\n"                                                           \
	"---------------------------\n"                                        \
	"Current Boot Variables:\n"                                            \
	"BOOT variable = flash:packages.conf;\n"                               \
	"\n"                                                                   \
	"Boot Variables on next reload:\n"                                     \
	"BOOT variable = " boot "\n"                                           \
	"Manual Boot = " manual "\n"                                           \
	"Enable Break = yes\n"

/* --- cases ---------------------------------------------------------------- */

typedef struct sim_case {
	const char *name;
	const char *text;
	ip_next_outcome outcome;
	ip_next_step step;
	const char *fs, *path, *alt_path; /* NULL: must be NULL */
	const char *missing;
	bool skipped, fallback;
	int entry;            /* index of the deciding entry; -1: none */
	uint32_t line, col;   /* span of the deciding fact; 0: none */
	const char *trace;    /* text some trace line must hold, or NULL */
} sim_case;

static const sim_case cases[] = {
	{ "seed router: startup boot system",
	  SV_ISR("0x2102") BF_OLD_ONLY START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "bootflash:", OLD_IMG, NULL, NULL,
	  false, false, 0, 20, 13, "bootflash: holds it" },
	{ "seed switch: BOOT path-list",
	  SV_2960 FL_2960 SB_2960("flash:c2960-lanbasek9-mz.152-7.E6.bin", "no"),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_VARIABLE, "flash:", "c2960-lanbasek9-mz.152-7.E6.bin",
	  NULL, NULL, false, false, 0, 18, 23, "Manual Boot is no" },
	{ "missing file, then the fallback statement",
	  SV_ISR("0x2102") BF_OLD_ONLY
	  START(BOOT("bootflash:" NEW_IMG) BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "bootflash:", OLD_IMG, NULL, NULL,
	  true, true, 1, 21, 13, "skipped, bootflash: has no " NEW_IMG },
	{ "all statements missing: first image",
	  SV_ISR("0x2102") BF_OLD_ONLY
	  START(BOOT("bootflash:" NEW_IMG) BOOT("flash:isr4300-universalk9.17.03.05.SPA.bin")),
	  IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE, "bootflash:", OLD_IMG, NULL, NULL,
	  true, true, -1, 12, 37, "no entry can boot" },
	{ "alphabetical trap: no statements, old image first either way",
	  SV_ISR("0x2102") BF(OLD_IMG, NEW_IMG) START(""),
	  IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE, "bootflash:", OLD_IMG, NULL, NULL,
	  false, false, -1, 12, 37, "both in listing order and alphabetically" },
	{ "listing order and alphabet disagree: ambiguous",
	  SV_ISR("0x2102") BF(NEW_IMG, OLD_IMG) START(""),
	  IP_NEXT_AMBIGUOUS, IP_STEP_FIRST_IMAGE, "bootflash:", OLD_IMG, NEW_IMG, NULL,
	  false, false, -1, 15, 37, "first bootable image in the listing" },
	{ "0x2142 still boots the image",
	  SV_ISR("0x2142") BF_OLD_ONLY START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "bootflash:", OLD_IMG, NULL, NULL,
	  false, false, 0, 20, 13, "ignores the startup-config" },
	{ "0x2100: ROMMON",
	  SV_ISR("0x2100") BF_OLD_ONLY START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_ROMMON, IP_STEP_REGISTER, NULL, NULL, NULL, NULL,
	  false, false, -1, 9, 27, "boot field 0 stops in ROMMON" },
	{ "0x0 on a router: ROMMON",
	  SV_ISR("0x0") BF_OLD_ONLY START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_ROMMON, IP_STEP_REGISTER, NULL, NULL, NULL, NULL,
	  false, false, -1, 9, 27, NULL },
	{ "0x2101: platform ROM",
	  SV_ISR("0x2101") BF_OLD_ONLY START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_PLATFORM_ROM, IP_STEP_REGISTER, NULL, NULL, NULL, NULL,
	  false, false, -1, 9, 27, "boot field 1" },
	{ "0x0 now, 0x2102 at next reload: the next value counts",
	  SV_ISR("0x0 (will be 0x2102 at next reload)") BF_OLD_ONLY
	  START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "bootflash:", OLD_IMG, NULL, NULL,
	  false, false, 0, 20, 13, "will be 0x2102 at the next reload" },
	{ "0x2102 now, 0x0 at next reload: ROMMON, from the next value",
	  SV_ISR("0x2102 (will be 0x0 at next reload)") BF_OLD_ONLY
	  START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_ROMMON, IP_STEP_REGISTER, NULL, NULL, NULL, NULL,
	  false, false, -1, 9, 43, NULL },
	{ "tftp statement: network",
	  SV_ISR("0x2102") BF_OLD_ONLY
	  START(BOOT("tftp " NEW_IMG " 192.168.1.100") BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_NETWORK, IP_STEP_BOOT_STATEMENT, "tftp:", NEW_IMG, NULL, NULL,
	  false, false, 0, 20, 13, "cannot be checked offline" },
	{ "missing file, then tftp: network from the fallback",
	  SV_ISR("0x2102") BF_OLD_ONLY
	  START(BOOT("bootflash:" NEW_IMG) BOOT("tftp://192.168.1.100/" NEW_IMG)),
	  IP_NEXT_NETWORK, IP_STEP_BOOT_STATEMENT, "tftp:", NEW_IMG, NULL, NULL,
	  true, true, 1, 21, 13, "192.168.1.100" },
	{ "boot system rom on an IOS-XE router: ROMMON",
	  SV_ISR("0x2102") BF_OLD_ONLY START(BOOT("bootflash:" NEW_IMG) BOOT("rom")),
	  IP_NEXT_ROMMON, IP_STEP_BOOT_STATEMENT, NULL, NULL, NULL, NULL,
	  true, true, 1, 21, 13, "no ROM image" },
	{ "boot system flash: the first image of that filesystem",
	  SV_ISR("0x2102") BF(NEW_IMG, OLD_IMG) START(BOOT("flash bootflash:")),
	  IP_NEXT_AMBIGUOUS, IP_STEP_FIRST_IMAGE, "bootflash:", OLD_IMG, NEW_IMG, NULL,
	  false, false, 0, 15, 37, "the first image on bootflash:" },
	{ "statement names a directory: skipped",
	  SV_ISR("0x2102") BF_OLD_ONLY START(BOOT("bootflash:tracelogs") BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "bootflash:", OLD_IMG, NULL, NULL,
	  true, true, 1, 21, 13, "is a directory" },
	{ "statement names a config file: skipped",
	  SV_ISR("0x2102") BF_OLD_ONLY
	  START(BOOT("bootflash:R1-backup-20260305.cfg") BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "bootflash:", OLD_IMG, NULL, NULL,
	  true, true, 1, 21, 13, "is not an image" },
	{ "flash: is bootflash: on an ISR4k",
	  SV_ISR("0x2102") BF_OLD_ONLY START(BOOT("flash:" OLD_IMG)),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "flash:", OLD_IMG, NULL, NULL,
	  false, false, 0, 20, 13, NULL },
	{ "no startup-config captured: unknown",
	  SV_ISR("0x2102") BF_OLD_ONLY
	  "R1#show running-config | include boot\nboot-start-marker\n"
	  BOOT("bootflash:" OLD_IMG) "boot-end-marker\n",
	  IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL, NULL, NULL,
	  "show startup-config | include boot", false, false, -1, 0, 0,
	  "count only once saved" },
	{ "no listing: unknown",
	  SV_ISR("0x2102") START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL, NULL, NULL, "show bootflash:",
	  false, false, 0, 12, 13, "not listed" },
	{ "listing cut short: unknown",
	  SV_ISR("0x2102")
	  "R1#show bootflash:\n"
	  "-#- --length-- -----date/time------ path\n"
	  "  1  521347072 Mar 05 2026 09:14:22 " OLD_IMG "\n"
	  START(BOOT("bootflash:" NEW_IMG)),
	  IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL, NULL, NULL, "show bootflash:",
	  false, false, 0, 15, 13, "listed only in part" },
	{ "nothing bootable, no statements: ROMMON",
	  SV_ISR("0x2102")
	  "R1#show bootflash:\n"
	  "-#- --length-- -----date/time------ path\n"
	  "  2       4096 Mar 05 2026 09:14:22 .installer/\n"
	  "\n"
	  "6927970304 bytes available (563851264 bytes used)\n"
	  START(""),
	  IP_NEXT_ROMMON, IP_STEP_NOTHING, NULL, NULL, NULL, NULL,
	  false, false, -1, 15, 1, "nothing bootable" },
	{ "register unknown on a router: unknown",
	  "R1#show version | include Version|image|processor\n"
	  "Cisco IOS XE Software, Version 16.09.06\n"
	  "System image file is \"bootflash:" OLD_IMG "\"\n"
	  "cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n"
	  BF_OLD_ONLY START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL, NULL, NULL, "show version",
	  false, false, -1, 0, 0, "register is unknown" },
	{ "no show version at all: platform unknown",
	  BF_OLD_ONLY START(BOOT("bootflash:" OLD_IMG)),
	  IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL, NULL, NULL, "show version",
	  false, false, -1, 0, 0, "platform is unknown" },
	{ "switch: no show boot captured",
	  SV_2960 FL_2960,
	  IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL, NULL, NULL, "show boot",
	  false, false, -1, 0, 0, NULL },
	{ "switch: Manual Boot yes",
	  SV_2960 FL_2960 SB_2960("flash:c2960-lanbasek9-mz.152-7.E6.bin", "yes"),
	  IP_NEXT_ROMMON, IP_STEP_MANUAL_BOOT, NULL, NULL, NULL, NULL,
	  false, false, -1, 19, 23, "switch: prompt" },
	{ "switch: empty BOOT, first image in flash",
	  SV_2960 FL_2960 SB_2960("", "no"),
	  IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE, "flash:", "c2960-lanbasek9-mz.152-7.E6.bin",
	  NULL, NULL, false, false, -1, 11, 55, "depth-first" },
	{ "switch: BOOT on a filesystem show file systems does not list",
	  SV_2960 FL_2960 SB_2960("bootflash:c2960-lanbasek9-mz.152-7.E9.bin", "no")
	  "SW1#show file systems\n"
	  "File Systems:\n"
	  "\n"
	  "     Size(b)     Free(b)      Type  Flags  Prefixes\n"
	  "*   64016384    50511872     flash     rw   flash:\n"
	  "      65536       60000     nvram     rw   nvram:\n",
	  IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE, "flash:", "c2960-lanbasek9-mz.152-7.E6.bin",
	  NULL, NULL, true, true, -1, 11, 55, "this device has no bootflash:" },
	{ "switch: BOOT inside a directory the listing did not open",
	  SV_2960
	  "SW1#show flash:\n"
	  "Directory of flash:/\n"
	  "\n"
	  "    2  drwx         512   Mar 1 1993 00:13:49 +00:00  c2960x-universalk9-mz.152-7.E8\n"
	  "    4  -rwx        5972   Mar 4 1993 09:14:02 +00:00  config.text\n"
	  "\n"
	  "122185728 bytes total (84592640 bytes free)\n"
	  SB_2960("flash:/c2960x-universalk9-mz.152-7.E8/c2960x-universalk9-mz.152-7.E8.bin", "no"),
	  IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL, NULL, NULL, "dir /recursive flash:",
	  false, false, 0, 16, 23, "does not show what directory" },
	{ "switch: depth-first search through a recursive listing",
	  SV_2960
	  "SW1#dir /recursive flash:\n"
	  "Directory of flash:/\n"
	  "\n"
	  "    2  drwx         512   Mar 1 1993 00:13:49 +00:00  c2960x-universalk9-mz.152-7.E8\n"
	  "    4  -rwx        5972   Mar 4 1993 09:14:02 +00:00  config.text\n"
	  "    5  -rwx    14016000   Mar 4 1993 09:14:02 +00:00  c2960x-universalk9-mz.152-2.E7.bin\n"
	  "\n"
	  "Directory of flash:/c2960x-universalk9-mz.152-7.E8/\n"
	  "\n"
	  "    3  -rwx    26789120   Mar 1 1993 00:13:49 +00:00  c2960x-universalk9-mz.152-7.E8.bin\n"
	  "\n"
	  "122185728 bytes total (84592640 bytes free)\n"
	  SB_2960("", "no"),
	  IP_NEXT_AMBIGUOUS, IP_STEP_FIRST_IMAGE, "flash:",
	  "c2960x-universalk9-mz.152-2.E7.bin",
	  "c2960x-universalk9-mz.152-7.E8/c2960x-universalk9-mz.152-7.E8.bin", NULL,
	  false, false, -1, 13, 55, NULL },
	{ "Cat9k install mode: packages.conf",
	  SV_9300 DIR_9300 SB_9300("flash:packages.conf;", "no"),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_VARIABLE, "flash:", "packages.conf", NULL, NULL,
	  false, false, 0, 26, 17, "no effect on this platform" },
	{ "Cat9k MANUAL_BOOT yes: switch: prompt",
	  SV_9300 DIR_9300 SB_9300("flash:packages.conf;", "yes"),
	  IP_NEXT_ROMMON, IP_STEP_MANUAL_BOOT, NULL, NULL, NULL, NULL,
	  false, false, -1, 27, 15, NULL },
	{ "Cat9k bootflash: is flash:",
	  SV_9300 DIR_9300 SB_9300("bootflash:packages.conf;", "no"),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_VARIABLE, "bootflash:", "packages.conf", NULL, NULL,
	  false, false, 0, 26, 17, NULL },
	{ "Cat9k flash-1: is flash: by show file systems",
	  SV_9300 DIR_9300 SB_9300("flash-1:packages.conf;", "no")
	  "SW9#show file systems\n"
	  "File Systems:\n"
	  "\n"
	  "       Size(b)       Free(b)      Type  Flags  Prefixes\n"
	  "*  11353194496    8282386432      disk     rw   flash: bootflash: flash-1:\n",
	  IP_NEXT_IMAGE, IP_STEP_BOOT_VARIABLE, "flash-1:", "packages.conf", NULL, NULL,
	  false, false, 0, 26, 17, NULL },
	{ "Cat9k packages.conf missing: no search, switch: prompt",
	  SV_9300
	  "SW9#dir flash:\n"
	  "Directory of flash:/\n"
	  "\n"
	  "475155  -rw-       1442213753  Jan 14 2024 01:41:07 +00:00  cat9k_iosxe.17.09.04a.SPA.bin\n"
	  "\n"
	  "11353194496 bytes total (8282386432 bytes free)\n"
	  "SW9#show boot\n"
	  "BOOT variable = flash:packages.conf;\n"
	  "MANUAL_BOOT variable = no\n",
	  IP_NEXT_ROMMON, IP_STEP_NOTHING, NULL, NULL, NULL, NULL,
	  true, true, -1, 16, 1, "does not search flash" },
	{ "Cat9k empty BOOT: switch: prompt",
	  SV_9300 DIR_9300 "SW9#show boot\nBOOT variable does not exist\nMANUAL_BOOT variable = no\n",
	  IP_NEXT_ROMMON, IP_STEP_NOTHING, NULL, NULL, NULL, NULL,
	  false, false, -1, 19, 1, "does not search flash" },
	{ "Cat9k register 0x0 does nothing",
	  SV_9300 "Configuration register is 0x0\n" DIR_9300
	  SB_9300("flash:packages.conf;", "no"),
	  IP_NEXT_IMAGE, IP_STEP_BOOT_VARIABLE, "flash:", "packages.conf", NULL, NULL,
	  false, false, 0, 27, 17, NULL },
	{ "IOSv 0x0 boots its image",
	  "R1#show version\n"
	  "Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.8(3)M2, RELEASE SOFTWARE (fc2)\n"
	  "ROM: Bootstrap program is IOSv\n"
	  "R1 uptime is 1 week, 3 days, 16 hours, 11 minutes\n"
	  "System image file is \"flash0:/vios-adventerprisek9-m\"\n"
	  "Cisco IOSv (revision 1.0) with  with 460137K/62464K bytes of memory.\n"
	  "Processor board ID 991UCMIHG4UAJ1J010CQG\n"
	  "Configuration register is 0x0\n",
	  IP_NEXT_IMAGE, IP_STEP_REGISTER, "flash0:", "vios-adventerprisek9-m", NULL, NULL,
	  false, false, -1, 8, 27, "not ROMMON" },
	{ "Cat4500 with no boot system: ROMMON",
	  "S1#show version\n"
	  "Cisco IOS Software, Catalyst 4500 L3 Switch Software (cat4500e-ENTSERVICESK9-M), "
	  "Version 12.2(54)SG1, RELEASE SOFTWARE (fc1)\n"
	  "S1 uptime is 2 years, 31 weeks\n"
	  "System image file is \"bootflash:cat4500e-entservicesk9-mz.122-54.SG1.bin\"\n"
	  "cisco WS-C4948E (MPC8548) processor (revision 4) with 1048576K bytes of memory.\n"
	  "Configuration register is 0x2102\n"
	  "S1#dir bootflash:\n"
	  "Directory of bootflash:/\n"
	  "\n"
	  "    1  -rw-    25442405  Apr 9 2013 09:00:00 +00:00  cat4500e-entservicesk9-mz.122-54.SG1.bin\n"
	  "\n"
	  "128606208 bytes total (103163803 bytes free)\n"
	  "S1#show startup-config | include boot\n"
	  "boot-start-marker\n"
	  "boot-end-marker\n",
	  IP_NEXT_ROMMON, IP_STEP_NOTHING, NULL, NULL, NULL, NULL,
	  false, false, -1, 13, 1, "Cat4500" },
	{ "ISR G2: flash: is flash0:",
	  "R2#show version\n"
	  "Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\n"
	  "R2 uptime is 2 weeks, 2 days, 18 hours, 23 minutes\n"
	  "System image file is \"flash0:c1900-universalk9-mz.SPA.151-4.M8.bin\"\n"
	  "Cisco CISCO1941/K9 (revision 1.0) with 491520K/32768K bytes of memory.\n"
	  "Configuration register is 0x2102\n"
	  "R2#show flash0:\n"
	  "-#- --length-- -----date/time------ path\n"
	  "1     74503236 Dec 30 2024 00:01:42 +09:00 c1900-universalk9-mz.SPA.151-4.M8.bin\n"
	  "\n"
	  "181514240 bytes available (74444800 bytes used)\n"
	  "R2#show startup-config | include boot\n"
	  "boot-start-marker\n"
	  "boot system flash:c1900-universalk9-mz.SPA.151-4.M8.bin\n"
	  "boot system rom\n"
	  "boot-end-marker\n",
	  IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, "flash:",
	  "c1900-universalk9-mz.SPA.151-4.M8.bin", NULL, NULL,
	  false, false, 0, 14, 13, NULL },
	{ "ISR G2: boot system rom after a missing file",
	  "R2#show version\n"
	  "Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\n"
	  "R2 uptime is 2 weeks, 2 days, 18 hours, 23 minutes\n"
	  "System image file is \"flash0:c1900-universalk9-mz.SPA.151-4.M8.bin\"\n"
	  "Cisco CISCO1941/K9 (revision 1.0) with 491520K/32768K bytes of memory.\n"
	  "Configuration register is 0x2102\n"
	  "R2#show flash0:\n"
	  "-#- --length-- -----date/time------ path\n"
	  "1     74503236 Dec 30 2024 00:01:42 +09:00 c1900-universalk9-mz.SPA.151-4.M8.bin\n"
	  "\n"
	  "181514240 bytes available (74444800 bytes used)\n"
	  "R2#show startup-config | include boot\n"
	  "boot-start-marker\n"
	  "boot system flash0:c1900-universalk9-mz.SPA.157-3.M8.bin\n"
	  "boot system rom\n"
	  "boot-end-marker\n",
	  IP_NEXT_PLATFORM_ROM, IP_STEP_BOOT_STATEMENT, NULL, NULL, NULL, NULL,
	  true, true, 1, 15, 13, "ROM or boot-helper" },
};

IP_TABLE_PARAMS(boot_sim, predict, cases)

static void check_str(const char *what, const char *got, const char *want)
{
	if (!want)
		cr_expect_null(got, "%s: expected none, got '%s'", what, got);
	else
		cr_expect(got && strcmp(got, want) == 0, "%s: expected '%s', got '%s'",
			  what, want, got ? got : "(null)");
}

static void check_trace(const ip_boot_prediction *p, const char *want)
{
	bool found = false;
	for (size_t i = 0; i < p->n_trace; i++) {
		cr_assert_not_null(p->trace[i].text);
		found = found || (want && strstr(p->trace[i].text, want));
	}
	if (want)
		cr_expect(found, "no trace line holds '%s'", want);
	cr_expect(p->n_trace > 0, "empty trace");
}

ParameterizedTest(size_t *row, boot_sim, predict)
{
	const sim_case *c = &cases[*row];
	ip_device_set *set = test_load_text("test.txt", c->text);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->name, set->n);
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, set->v[0]);
	cr_expect_eq(p.outcome, c->outcome, "%s: outcome %s, expected %s", c->name,
		     ip_next_outcome_name(p.outcome), ip_next_outcome_name(c->outcome));
	cr_expect_eq(p.step, c->step, "%s: step %s, expected %s", c->name,
		     ip_next_step_name(p.step), ip_next_step_name(c->step));
	check_str("filesystem", p.filesystem, c->fs);
	check_str("path", p.path, c->path);
	check_str("alt_path", p.alt_path, c->alt_path);
	check_str("missing", p.missing, c->missing);
	cr_expect_eq(p.skipped_entries, c->skipped, "skipped_entries");
	cr_expect_eq(p.from_fallback, c->fallback, "from_fallback");
	if (c->entry < 0) {
		cr_expect_null(p.entry, "an entry decided");
	} else {
		cr_expect_not_null(p.entry, "no entry decided");
		cr_expect_eq(p.entry_index, (size_t)c->entry, "entry_index %zu", p.entry_index);
	}
	cr_expect_eq(p.span.line, c->line, "span line %u, expected %u", p.span.line, c->line);
	cr_expect_eq(p.span.col, c->col, "span col %u, expected %u", p.span.col, c->col);
	if (p.outcome == IP_NEXT_IMAGE || p.outcome == IP_NEXT_AMBIGUOUS)
		cr_expect(p.file == NULL || strcmp(p.file->name, p.path) == 0,
			  "file %s is not the path", p.file->name);
	check_trace(&p, c->trace);
	ip_device_set_free(set);
}

/* The image an entry chose is the listing's line, with its span. */
Test(boot_sim, chosen_file_is_the_listing_line)
{
	ip_device_set *set = test_load_text("t.txt", SV_ISR("0x2102") BF_OLD_ONLY
					    START(BOOT("bootflash:/" OLD_IMG)));
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, set->v[0]);
	cr_assert_eq(p.outcome, IP_NEXT_IMAGE);
	cr_assert_not_null(p.file);
	cr_expect_str_eq(p.file->name, OLD_IMG);
	cr_expect_eq(p.file->span.line, 12);
	cr_expect_eq(p.file->span.col, 37);
	ip_device_set_free(set);
}

/* Every trace line of a long walk names the fact it read. */
Test(boot_sim, trace_lines_have_spans)
{
	ip_device_set *set = test_load_text("t.txt", SV_ISR("0x2102") BF_OLD_ONLY
		START(BOOT("bootflash:" NEW_IMG) BOOT("bootflash:tracelogs")));
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, set->v[0]);
	cr_assert_eq(p.outcome, IP_NEXT_IMAGE);
	cr_assert_eq(p.step, IP_STEP_FIRST_IMAGE);
	cr_assert_geq(p.n_trace, 5);
	for (size_t i = 0; i < p.n_trace; i++)
		cr_expect(p.trace[i].span.line > 0, "trace line %zu '%s' has no span", i,
			  p.trace[i].text);
	ip_device_set_free(set);
}

/* Hostile input: deep paths, a device with nothing, never a crash. */
Test(boot_sim, hostile_input)
{
	ip_device_set *set = test_load_text("t.txt", SV_2960
		"SW1#dir /recursive flash:\n"
		"Directory of flash:/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/\n"
		"\n"
		"    3  -rwx    26789120   Mar 1 1993 00:13:49 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
		"\n"
		"122185728 bytes total (84592640 bytes free)\n"
		SB_2960("flash:a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/x.bin;flash", "no"));
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, set->v[0]);
	cr_expect_neq(p.outcome, IP_NEXT_ROMMON);
	ip_device empty;
	memset(&empty, 0, sizeof(empty));
	ip_boot_predict(&p, set->arena, &empty);
	cr_expect_eq(p.outcome, IP_NEXT_UNKNOWN);
	cr_expect_str_eq(p.missing, "show version");
	ip_device_set_free(set);
}

Test(boot_sim, names)
{
	cr_expect_str_eq(ip_next_outcome_name(IP_NEXT_PLATFORM_ROM), "platform-rom");
	cr_expect_str_eq(ip_next_outcome_name(IP_NEXT_AMBIGUOUS), "ambiguous");
	cr_expect_str_eq(ip_next_step_name(IP_STEP_BOOT_VARIABLE), "boot-variable");
	cr_expect_str_eq(ip_next_step_name(IP_STEP_NOTHING), "nothing");
}

/* The samples in the tree, end to end. */
typedef struct sample_case {
	const char *file;
	ip_next_outcome outcome;
	ip_next_step step;
	const char *path;
	const char *missing;
} sample_case;

static const sample_case samples[] = {
	{ "netstuts-r1.log", IP_NEXT_IMAGE, IP_STEP_BOOT_STATEMENT, OLD_IMG, NULL },
	{ "netstuts-sw1.log", IP_NEXT_IMAGE, IP_STEP_BOOT_VARIABLE,
	  "c2960-lanbasek9-mz.152-7.E6.bin", NULL },
	{ "c9300-install.log", IP_NEXT_IMAGE, IP_STEP_BOOT_VARIABLE, "packages.conf", NULL },
	{ "traps/alphabetical.log", IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE, OLD_IMG, NULL },
	{ "traps/missing-boot-file.log", IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE,
	  "c2900-universalk9-mz.SPA.154-3.M10.bin", NULL },
	{ "traps/wrong-fs-prefix.log", IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE,
	  "c2960-lanbasek9-mz.152-7.E6.bin", NULL },
	{ "traps/register-2142.log", IP_NEXT_UNKNOWN, IP_STEP_NONE, NULL,
	  "show startup-config | include boot" },
};

IP_TABLE_PARAMS(boot_sim, samples, samples)

ParameterizedTest(size_t *row, boot_sim, samples)
{
	const sample_case *c = &samples[*row];
	ip_device_set *set = test_load_samples(c->file, NULL);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->file, set->n);
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, set->v[0]);
	cr_expect_eq(p.outcome, c->outcome, "%s: %s", c->file, ip_next_outcome_name(p.outcome));
	cr_expect_eq(p.step, c->step, "%s: %s", c->file, ip_next_step_name(p.step));
	check_str("path", p.path, c->path);
	check_str("missing", p.missing, c->missing);
	ip_device_set_free(set);
}

/* Real captures: IOSv at 0x0 boots its image; a Cat3850 whose show boot
 * was not captured is unknown. */
Test(boot_sim, corpus_show_version)
{
	const char *root = test_corpus_dir();
	if (!root)
		cr_skip_test("corpus not found (set IOSPLAN_CORPUS)");
	static const struct {
		const char *file;
		ip_next_outcome outcome;
		const char *missing;
	} files[] = {
		{ "cisco_ios_show_version3.raw", IP_NEXT_IMAGE, NULL },
		{ "cisco_ios_show_version6.raw", IP_NEXT_IMAGE, NULL },
		{ "cisco_ios_show_version1.raw", IP_NEXT_UNKNOWN, "show boot" },
		{ "cisco_ios_show_version.raw", IP_NEXT_UNKNOWN,
		  "show startup-config | include boot" },
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/cisco_ios/show_version/%s", root, files[i].file);
		ip_device_set *set = ip_device_set_new();
		const char *paths[] = { path };
		if (ip_device_set_load(set, paths, 1) != 0 || set->n != 1) {
			ip_device_set_free(set);
			cr_skip_test("corpus file %s not readable", path);
		}
		ip_boot_prediction p;
		ip_boot_predict(&p, set->arena, set->v[0]);
		cr_expect_eq(p.outcome, files[i].outcome, "%s: %s", files[i].file,
			     ip_next_outcome_name(p.outcome));
		check_str(files[i].file, p.missing, files[i].missing);
		ip_device_set_free(set);
	}
}
