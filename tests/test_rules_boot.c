/* The boot rules: alphabetical-boot, boot-fallback, boot-missing-file,
 * boot-order, config-register, fs-prefix, network-boot, unsaved-boot. One table of rows,
 * ESLint style: a capture (a sample path or inline text), an optional
 * target, and what must come out: how many findings, where the first one
 * is (line, column), a part of its message, whether it is weak, and one of
 * its fix commands or the capture it asks for. Rows with n = 0 must stay
 * silent. Rows marked SIM read the boot simulator's prediction. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "rule_harness.h"

typedef struct rule_case {
	const char *rule;
	const char *row;
	const char *capture;  /* samples/ path, or the capture text */
	const char *target;
	size_t n;
	uint32_t line, col;
	const char *message;  /* part of the first finding's message */
	bool weak;
	const char *fix;      /* one of its fix commands, or NULL */
	const char *ask;      /* the capture it names, or NULL */
	void (*tweak)(ip_check_config *c);
} rule_case;

/* --- captures --------------------------------------------------------------- */

#define OLD_G2 "c2900-universalk9-mz.SPA.154-3.M10.bin"
#define NEW_G2 "c2900-universalk9-mz.SPA.157-3.M8.bin"
#define OLD_XE "isr4300-universalk9.16.09.06.SPA.bin"
#define NEW_XE "isr4300-universalk9.16.12.04.SPA.bin"
#define E6 "c2960-lanbasek9-mz.152-7.E6.bin"
#define E9 "c2960-lanbasek9-mz.152-7.E9.bin"

/* CISCO2921 running OLD_G2 from flash0:; lines 1-5, the register on line 5
 * at column 27 (a "will be" value at column 43). */
#define G2_VER(reg)                                                            \
	"R1#show version | include Version|image|processor|register\n"        \
	"Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.4(3)M10, RELEASE SOFTWARE (fc1)\n" \
	"System image file is \"flash0:" OLD_G2 "\"\n"                         \
	"Cisco CISCO2921/K9 (revision 1.0) with 483328K/40960K bytes of memory.\n" \
	"Configuration register is " reg "\n"

/* Lines 6-11: OLD_G2 on line 8, NEW_G2 on line 9 (names at column 44). */
#define G2_FLASH                                                               \
	"R1#show flash0:\n"                                                    \
	"-#- --length-- -----date/time------ path\n"                           \
	"1    106640948 Apr 22 2022 09:51:10 +00:00 " OLD_G2 "\n"              \
	"2    108261376 Jan 10 2026 10:02:11 +00:00 " NEW_G2 "\n"              \
	"\n"                                                                   \
	"41985024 bytes available (214902272 bytes used)\n"

/* Lines 6-10: only OLD_G2, on line 8. */
#define G2_FLASH_OLD                                                           \
	"R1#show flash0:\n"                                                    \
	"-#- --length-- -----date/time------ path\n"                           \
	"1    106640948 Apr 22 2022 09:51:10 +00:00 " OLD_G2 "\n"              \
	"\n"                                                                   \
	"150163456 bytes available (106640948 bytes used)\n"

/* A config's boot block: the prompt, the start marker, then one line per
 * statement (targets at column 13), then the end marker. */
#define CFG(host, which, lines)                                                \
	host "#show " which " | include boot\n"                                \
	"boot-start-marker\n" lines "boot-end-marker\n"
#define BOOT(x) "boot system " x "\n"
#define END "R1#\n"

/* ISR4321 running `run`: lines 1-5, the register on line 5. A config's
 * first statement follows a listing on line 14, else on line 8. */
#define ISR_VER(run, reg)                                                      \
	"R2#show version | include Version|image|processor|register\n"        \
	"Cisco IOS XE Software, Version 16.09.06\n"                            \
	"System image file is \"bootflash:" run "\"\n"                         \
	"cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n" \
	"Configuration register is " reg "\n"

/* Lines 6-11: `first` on line 8, `second` on line 9, names at column 37. */
#define ISR_FLASH(first, second)                                               \
	"R2#show bootflash:\n"                                                 \
	"-#- --length-- -----date/time------ path\n"                           \
	"  1  521347072 Jun 18 2021 08:02:11 " first "\n"                      \
	"  2  559482880 Jan 20 2026 20:51:33 " second "\n"                     \
	"\n"                                                                   \
	"6371108864 bytes available (1080829952 bytes used)\n"

/* Lines 6-10: only `first`, on line 8. */
#define ISR_FLASH1(first)                                                      \
	"R2#show bootflash:\n"                                                 \
	"-#- --length-- -----date/time------ path\n"                           \
	"  1  521347072 Jun 18 2021 08:02:11 " first "\n"                      \
	"\n"                                                                   \
	"6930591744 bytes available (521347072 bytes used)\n"

/* WS-C2960-24TT-L running E6: lines 1-5, the register on line 5. */
#define SW_VER                                                                 \
	"SW1#show version | include Version|image|processor|register\n"       \
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, RELEASE SOFTWARE (fc2)\n" \
	"System image file is \"flash:" E6 "\"\n"                              \
	"cisco WS-C2960-24TT-L (PowerPC405) processor (revision R0) with 65536K bytes of memory.\n" \
	"Configuration register is 0xF\n"

/* Lines 6-13: E6 on line 9, E9 on line 10, the directory `sub` on line 11. */
#define SW_FLASH                                                               \
	"SW1#show flash:\n"                                                    \
	"Directory of flash:/\n"                                               \
	"\n"                                                                   \
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  " E6 "\n"       \
	"    3  -rwx    12648448   Mar 7 2026 09:48:57 +00:00  " E9 "\n"       \
	"    4  drwx         512   Mar 7 2026 09:50:00 +00:00  sub\n"          \
	"\n"                                                                   \
	"64016384 bytes total (38784512 bytes free)\n"

/* Lines 6-11: E6 on line 9, E9 on line 10 when given (no directory). */
#define SW_FLASH_FILES(files)                                                  \
	"SW1#show flash:\n"                                                    \
	"Directory of flash:/\n"                                               \
	"\n" files                                                             \
	"\n"                                                                   \
	"64016384 bytes total (38784512 bytes free)\n"
#define SW_E6 "    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  " E6 "\n"
#define SW_E9 "    3  -rwx    12648448   Mar 7 2026 09:48:57 +00:00  " E9 "\n"

/* show boot; the path-list value at column 23. */
#define SW_BOOT(list)                                                          \
	"SW1#show boot\n"                                                      \
	"BOOT path-list      : " list "\n"                                     \
	"Manual Boot         : no\n"

/* C9500 in install mode, from a 16.12.4+ release without a register line:
 * lines 1-4. */
#define C9K_VER                                                                \
	"SW9#show version | include Version|image|processor|register\n"       \
	"Cisco IOS XE Software, Version 17.09.04a\n"                           \
	"System image file is \"flash:packages.conf\"\n"                       \
	"cisco C9500-40X (X86) processor with 1419496K/6147K bytes of memory.\n"

/* Cat9400/9500 show boot: lines 5-8, MANUAL_BOOT's value on line 7 at
 * column 24. */
#define C9K_BOOT(boot, manual)                                                 \
	"SW9#show boot\n"                                                      \
	"BOOT variable = " boot "\n"                                           \
	"MANUAL_BOOT variable = " manual "\n"                                  \
	"ENABLE_BREAK variable does not exist\n"

/* show file systems with flash: = bootflash: (lines 9-13). */
#define C9K_FS                                                                 \
	"SW9#show file systems\n"                                              \
	"File Systems:\n"                                                      \
	"\n"                                                                   \
	"       Size(b)       Free(b)      Type  Flags  Prefixes\n"            \
	"*  11353194496    8282386432      disk     rw   flash: bootflash:\n"

/* dir flash: (lines 14-19): packages.conf on line 16. */
#define C9K_DIR                                                                \
	"SW9#dir flash:\n"                                                     \
	"Directory of flash:/\n"                                               \
	"\n"                                                                   \
	"475144  -rw-             7607   Mar 6 2026 18:44:31 +00:00  packages.conf\n" \
	"\n"                                                                   \
	"11353194496 bytes total (8282386432 bytes free)\n"

/* Catalyst 3850 on IOS-XE 3.2.0SE, the release of FN63641: lines 1-4,
 * show boot lines 5-10 (the next-reload BOOT value on line 9, column 17). */
#define C3850_320                                                              \
	"SW38#show version | include Version|image|processor\n"               \
	"Cisco IOS Software, IOS-XE Software, Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M), Version 03.02.00SE RELEASE SOFTWARE (fc1)\n" \
	"System image file is \"flash:packages.conf\"\n"                       \
	"cisco WS-C3850-24P (MIPS) processor with 4194304K bytes of physical memory.\n" \
	"SW38#show boot\n"                                                     \
	"Current Boot Variables:\n"                                            \
	"BOOT variable = flash:packages.conf;\n"                               \
	"Boot Variables on next reload:\n"                                     \
	"BOOT variable = flash:packages.conf;\n"                               \
	"Manual Boot = no\n"

/* C9300 in bundle mode: lines 1-3, show boot lines 4-7 (BOOT at 5:17). */
#define C9300_BIN                                                              \
	"SW93#show version | include Version|image\n"                          \
	"Cisco IOS XE Software, Version 17.06.05\n"                            \
	"System image file is \"flash:cat9k_iosxe.17.06.05.SPA.bin\"\n"         \
	"SW93#show boot\n"                                                     \
	"BOOT variable = flash:cat9k_iosxe.17.06.05.SPA.bin;\n"                \
	"MANUAL_BOOT variable = no\n"                                          \
	"ENABLE_BREAK variable does not exist\n"

static void save_never(ip_check_config *c)
{
	c->opts.save_rewrites_boot = IP_SAVE_BOOT_NEVER;
}

static void save_switches(ip_check_config *c)
{
	c->opts.save_rewrites_boot = IP_SAVE_BOOT_SWITCHES;
}

static const ip_normal_register isr_2101[] = { { "ISR43", 0x2101 } };

static void normal_isr_2101(ip_check_config *c)
{
	c->opts.normal_registers = isr_2101;
	c->opts.n_normal_registers = 1;
}

/* .iosplan.yaml normal_registers: 0x2103 for the 2921 (boot field 3). */
static const ip_normal_register g2_2103[] = { { "CISCO29", 0x2103 } };

static void normal_g2_2103(ip_check_config *c)
{
	c->opts.normal_registers = g2_2103;
	c->opts.n_normal_registers = 1;
}

/* --- the table ---------------------------------------------------------------- */

static const rule_case cases[] = {
	/* config-register */
	{ "config-register", "catalogue bad: 0x2142", "traps/register-2142.log", NULL,
	  1, 62, 27, "0x2142 has bit 0x0040 set", false, "config-register 0x2102", NULL, NULL },
	{ "config-register", "catalogue good", "netstuts-r1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "config-register", "0xF on a 2960 is normal", "netstuts-sw1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "config-register", "0x102 on a Cat9300 is normal", "c9300-install.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "config-register", "will be 0x2142: span on the next-reload value",
	  G2_VER("0x2102 (will be 0x2142 at next reload)") END, NULL,
	  1, 5, 43, "0x2142 has bit 0x0040", false, "config-register 0x2102", NULL, NULL },
	{ "config-register", "bit 0x8000 drops the startup-config", G2_VER("0xA102") END, NULL,
	  1, 5, 27, "bit 0x8000", false, "config-register 0x2102", NULL, NULL },
	{ "config-register", "boot field 0: ROMMON", G2_VER("0x2100") END, NULL,
	  1, 5, 27, "boot field 0x0: the device stops in ROMMON", false, "config-register 0x2102", NULL, NULL },
	{ "config-register", "will be 0x0: ROMMON at next reload",
	  G2_VER("0x2102 (will be 0x0 at next reload)") END, NULL,
	  1, 5, 43, "0x0 has boot field 0x0", false, NULL, NULL, NULL },
	{ "config-register", "boot field 1: platform-dependent, weak", G2_VER("0x2101") END, NULL,
	  1, 5, 27, "boot field 0x1", true, "config-register 0x2102", NULL, NULL },
	{ "config-register", "pending change back to normal, weak",
	  G2_VER("0x2101 (will be 0x2102 at next reload)") END, NULL,
	  1, 5, 43, "is 0x2101 now and will be 0x2102", true, NULL, NULL, NULL },
	/* the repair changes the boot field only: the console speed (bits 5,
	 * 11, 12) stays (issue 20 point 6; Cisco config-register reference,
	 * 50421 Common Platform Parameters) */
	{ "config-register", "19200 baud, boot field 1: 0x2121 -> 0x2122", G2_VER("0x2121") END, NULL,
	  1, 5, 27, "0x2121 has boot field 0x1", true, "config-register 0x2122", NULL, NULL },
	{ "config-register", "19200 baud, boot field 0: 0x2120 -> 0x2122", G2_VER("0x2120") END, NULL,
	  1, 5, 27, "0x2120 has boot field 0x0", false, "config-register 0x2122", NULL, NULL },
	{ "config-register", "4800 baud, boot field 0: 0x2900 -> 0x2902", G2_VER("0x2900") END, NULL,
	  1, 5, 27, "boot field 0x0", false, "config-register 0x2902", NULL, NULL },
	{ "config-register", "19200 baud ignoring NVRAM: 0x2162 -> 0x2122", G2_VER("0x2162") END, NULL,
	  1, 5, 27, "0x2162 has bit 0x0040", false, "config-register 0x2122", NULL, NULL },
	{ "config-register", "will be 0x2120: repaired from the next-reload value",
	  G2_VER("0x2122 (will be 0x2120 at next reload)") END, NULL,
	  1, 5, 43, "0x2120 has boot field 0x0", false, "config-register 0x2122", NULL, NULL },
	{ "config-register", "ISR4321 at 115200 baud: 0x3921 -> 0x3922",
	  ISR_VER(OLD_XE, "0x3921") "R2#\n", NULL, 1, 5, 27, "boot field 0x1", true,
	  "config-register 0x3922", NULL, NULL },
	{ "config-register", "configured normal with the same other bits: honoured",
	  G2_VER("0x2100") END, NULL, 1, 5, 27, "boot field 0x0", false, "config-register 0x2103",
	  NULL, normal_g2_2103 },
	{ "config-register", "configured normal with other console bits: boot field only",
	  G2_VER("0x2120") END, NULL, 1, 5, 27, "boot field 0x0", false, "config-register 0x2122",
	  NULL, normal_g2_2103 },
	{ "config-register", "not the normal value: console speed", G2_VER("0x2122") END, NULL,
	  1, 5, 27, "0x2122 is not the normal 0x2102 for C2900: the console speed", true,
	  "config-register 0x2102", NULL, NULL },
	{ "config-register", "normal value overridden by model prefix",
	  ISR_VER(OLD_XE, "0x2101") "R2#\n", NULL, 0, 0, 0, NULL, false, NULL, NULL, normal_isr_2101 },
	{ "config-register", "the same without the override",
	  ISR_VER(OLD_XE, "0x2101") "R2#\n", NULL, 1, 5, 27, "boot field 0x1", true, NULL, NULL, NULL },
	{ "config-register", "IOSv runs with 0x0",
	  "R3#show version | include Version|image|processor|register\n"
	  "Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.8(3)M2, RELEASE SOFTWARE (fc2)\n"
	  "System image file is \"flash0:/vios-adventerprisek9-m\"\n"
	  "Cisco IOSv (revision 1.0) with  with 460137K/62464K bytes of memory.\n"
	  "Configuration register is 0x0\n" "R3#\n",
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "config-register", "Cat3850 stuck ignoring startup-config",
	  "S3#show version | include Version|image|processor|register\n"
	  "System image file is \"flash:packages.conf\"\n"
	  "cisco WS-C3850-48P (MIPS) processor (revision AB0) with 803128K/6147K bytes of memory.\n"
	  "Configuration register is 0x102 (will be 0x142 at next reload)\n" "S3#\n",
	  NULL, 1, 4, 42, "0x142 has bit 0x0040", false,
	  "no system ignore startupconfig switch all", NULL, NULL },
	{ "config-register", "Cat9k: MANUAL_BOOT yes stops at switch:",
	  C9K_VER C9K_BOOT("flash:packages.conf;", "yes") "SW9#\n", NULL,
	  1, 7, 24, "MANUAL_BOOT = yes", false, "no boot manual", NULL, NULL },
	{ "config-register", "Cat9k: no register line is normal",
	  C9K_VER C9K_BOOT("flash:packages.conf;", "no") "SW9#\n", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "config-register", "register line filtered out: ask for it",
	  "R1#show version | include Version|image|processor\n"
	  "Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.4(3)M10, RELEASE SOFTWARE (fc1)\n"
	  "System image file is \"flash0:" OLD_G2 "\"\n"
	  "Cisco CISCO2921/K9 (revision 1.0) with 483328K/40960K bytes of memory.\n" END,
	  NULL, 1, 0, 0, "configuration register is unknown", true, NULL,
	  "show version | include register", NULL },

	/* boot-missing-file */
	{ "boot-missing-file", "catalogue bad", "traps/missing-boot-file.log", NULL,
	  1, 23, 13, "the startup-config entry flash0:" NEW_G2 " points at a file that is not in the listing of flash0:",
	  false, "no boot system flash0:" NEW_G2, NULL, NULL },
	{ "boot-missing-file", "catalogue bad: the replacement is the running image",
	  "traps/missing-boot-file.log", NULL, 1, 23, 13, NULL, false,
	  "boot system flash0:" OLD_G2, NULL, NULL },
	{ "boot-missing-file", "catalogue good", "netstuts-r1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "image in its own directory, non-recursive dir", "dirty-2960x.log",
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "Cat9k install mode", "c9300-install.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "3850 stack", "stack-3850.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "ISR G2 with two present entries", "two-routers.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "running-config only: still reported",
	  G2_VER("0x2102") G2_FLASH_OLD CFG("R1", "running-config", BOOT("flash0:gone.bin")) END, NULL,
	  1, 13, 13, "the running-config entry flash0:gone.bin", false, "no boot system flash0:gone.bin", NULL, NULL },
	{ "boot-missing-file", "no listing: nothing to check",
	  G2_VER("0x2102") CFG("R1", "startup-config", BOOT("flash0:gone.bin")) END, NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "network entries are not checked",
	  G2_VER("0x2102") G2_FLASH_OLD CFG("R1", "startup-config", BOOT("tftp://10.1.1.1/gone.bin") BOOT("flash0:" OLD_G2)) END,
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "flash: is flash0: on an ISR G2",
	  G2_VER("0x2102") G2_FLASH_OLD CFG("R1", "startup-config", BOOT("flash:" OLD_G2)) END, NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "BOOT entry in a sub-directory the listing did not open",
	  SW_VER SW_FLASH SW_BOOT("flash:sub/other.bin") "SW1#\n", NULL,
	  1, 15, 23, "does not show every file", true, NULL, "dir /recursive flash:", NULL },
	{ "boot-missing-file", "BOOT entry in a directory that does not exist",
	  SW_VER SW_FLASH SW_BOOT("flash:nodir/" E9) "SW1#\n", NULL,
	  1, 15, 23, "the BOOT variable entry flash:nodir/" E9, false, "boot system flash:" E6, NULL, NULL },
	{ "boot-missing-file", "BOOT entry naming a directory",
	  SW_VER SW_FLASH SW_BOOT("flash:sub") "SW1#\n", NULL,
	  1, 15, 23, "names a directory", false, NULL, NULL, NULL },
	{ "boot-missing-file", "a filtered listing is not a listing",
	  SW_VER "SW1#show flash: | include bin\n"
	  "    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  " E6 "\n"
	  SW_BOOT("flash:" E9) "SW1#\n", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "an empty file",
	  SW_VER "SW1#dir flash:\nDirectory of flash:/\n\n"
	  "    2  -rwx           0   Mar 7 2026 09:48:57 +00:00  " E9 "\n\n"
	  "64016384 bytes total (64016384 bytes free)\n"
	  SW_BOOT("flash:" E9) "SW1#\n", NULL,
	  1, 13, 23, "points at an empty file (0 bytes on flash:)", false, NULL, NULL, NULL },
	{ "boot-missing-file", "Cat9k: bootflash: is flash:",
	  C9K_VER C9K_BOOT("bootflash:packages.conf;", "no") C9K_FS C9K_DIR "SW9#\n", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-missing-file", "Cat9k: a missing file under the alias",
	  C9K_VER C9K_BOOT("bootflash:cat9k_iosxe.17.12.04.SPA.bin;", "no") C9K_FS C9K_DIR "SW9#\n",
	  NULL, 1, 6, 17, "not in the listing of flash:", false, NULL, NULL, NULL },

	/* fs-prefix */
	{ "fs-prefix", "catalogue bad: bootflash: on a 2960", "traps/wrong-fs-prefix.log", NULL,
	  1, 43, 23, "names bootflash:, which this device does not have (it has flash:)", false,
	  "boot system flash:" E9, NULL, NULL },
	{ "fs-prefix", "catalogue good", "netstuts-sw1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "fs-prefix", "ISR G2 flash0:", "two-routers.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "fs-prefix", "Cat9k flash: = bootflash:", "c9300-install.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "fs-prefix", "ISR4k: flash: names bootflash:",
	  ISR_VER(OLD_XE, "0x2102") CFG("R2", "startup-config", BOOT("flash:" OLD_XE)) "R2#\n", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "fs-prefix", "2960: known from the running image alone",
	  SW_VER CFG("SW1", "running-config", BOOT("bootflash:" E9)) "SW1#\n", NULL,
	  1, 8, 13, "the running-config entry bootflash:" E9 " names bootflash:", false,
	  "no boot system bootflash:" E9, NULL, NULL },
	{ "fs-prefix", "the keyword form: span on the prefix",
	  SW_VER CFG("SW1", "running-config", BOOT("flash bootflash:" E9)) "SW1#\n", NULL,
	  1, 8, 19, "names bootflash:", false, NULL, NULL, NULL },
	{ "fs-prefix", "nothing says what the device has",
	  CFG("R1", "running-config", BOOT("bootflash:" E9)) "R1#\n", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "fs-prefix", "removable media: not judged without show file systems",
	  SW_VER CFG("SW1", "running-config", BOOT("usbflash0:" E9)) "SW1#\n", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "fs-prefix", "show file systems lists every filesystem",
	  C9K_VER C9K_FS CFG("SW9", "running-config", BOOT("usbflash1:" E9)) "SW9#\n", NULL,
	  1, 12, 13, "names usbflash1:", false, NULL, NULL, NULL },
	{ "fs-prefix", "platform unknown: weak, asks for show file systems",
	  "R1#dir flash:\nDirectory of flash:/\n\n"
	  "    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  " E6 "\n\n"
	  "64016384 bytes total (51433472 bytes free)\n"
	  CFG("R1", "running-config", BOOT("bootflash:" E6)) END, NULL,
	  1, 9, 13, "names bootflash:", true, NULL, "show file systems", NULL },
	{ "fs-prefix", "the target names a filesystem the switch lacks", "netstuts-sw1.log",
	  "bootflash:" E9, 1, 0, 0, "the target bootflash:" E9 " names bootflash:", false, NULL, NULL, NULL },
	{ "fs-prefix", "the target on the right filesystem", "netstuts-sw1.log", "flash:" E9,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },

	/* unsaved-boot */
	{ "unsaved-boot", "catalogue bad", "traps/unsaved-boot.log", NULL,
	  1, 24, 13, "boot entry 1 differs: running-config has bootflash:" NEW_XE
	  ", startup-config has bootflash:" OLD_XE, false, "copy running-config startup-config", NULL, NULL },
	{ "unsaved-boot", "catalogue good", "netstuts-r1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "switch, abbreviated sh start", "netstuts-sw1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "switch all flash: = BOOT flash:", "c9300-install.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "stack", "stack-3850.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "empty config boot list beside a set BOOT", "dirty-2960x.log", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "startup-config still has a second entry",
	  G2_VER("0x2102") CFG("R1", "running-config", BOOT("flash0:" OLD_G2))
	  CFG("R1", "startup-config", BOOT("flash0:" OLD_G2) BOOT("flash0:" NEW_G2)) END, NULL,
	  1, 13, 13, "boot entry 2 differs: running-config has (none), startup-config has flash0:" NEW_G2,
	  false, NULL, NULL, NULL },
	{ "unsaved-boot", "order matters",
	  G2_VER("0x2102") CFG("R1", "running-config", BOOT("flash0:" NEW_G2) BOOT("flash0:" OLD_G2))
	  CFG("R1", "startup-config", BOOT("flash0:" OLD_G2) BOOT("flash0:" NEW_G2)) END, NULL,
	  1, 8, 13, "boot entry 1 differs", false, NULL, NULL, NULL },
	{ "unsaved-boot", "same entries written differently",
	  G2_VER("0x2102") CFG("R1", "running-config", BOOT("flash0:/" OLD_G2) BOOT("flash " NEW_G2))
	  CFG("R1", "startup-config", BOOT("flash0:" OLD_G2) BOOT("flash:" NEW_G2)) END, NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "startup-config not captured",
	  G2_VER("0x2102") CFG("R1", "running-config", BOOT("flash0:" NEW_G2)) END, NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "switch: config and BOOT disagree, pending",
	  SW_VER CFG("SW1", "running-config", BOOT("flash:" E9)) CFG("SW1", "startup-config", BOOT("flash:" E9))
	  SW_BOOT("flash:" E6) "SW1#\n", NULL,
	  1, 8, 13, "the BOOT variable for the next reload has flash:" E6 ", so the change is pending",
	  true, "copy running-config startup-config", "show boot", NULL },

	/* network-boot (SIM: reads the simulator's per-entry verdicts) */
	{ "network-boot", "catalogue bad: tftp keyword form first, router", "traps/network-boot.log", NULL,
	  1, 21, 13, "the first startup-config entry the next reload tries, tftp "
	  "c2900-universalk9-mz.SPA.157-3.M8.bin 10.10.20.5, loads c2900-universalk9-mz.SPA.157-3.M8.bin "
	  "over the network from the server 10.10.20.5", false,
	  "boot system flash0:c2900-universalk9-mz.SPA.154-3.M10.bin", NULL, NULL },
	{ "network-boot", "catalogue good", "netstuts-r1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "network-boot", "tftp:// URL first, ISR G2",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("tftp://10.1.1.1/" NEW_G2) BOOT("flash0:" OLD_G2)) END,
	  NULL, 1, 14, 13, "from the server 10.1.1.1", false, "no boot system", NULL, NULL },
	{ "network-boot", "the fix keeps the local entry",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("tftp://10.1.1.1/" NEW_G2) BOOT("flash0:" OLD_G2)) END,
	  NULL, 1, 14, 13, NULL, false, "boot system flash0:" OLD_G2, NULL, NULL },
	{ "network-boot", "a bare file name is a TFTP file",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT(NEW_G2 " 10.1.1.9")) END,
	  NULL, 1, 14, 13, "from the server 10.1.1.9", false, "boot system flash0:" OLD_G2, NULL, NULL },
	{ "network-boot", "ftp first, the only entry, IOS-XE router",
	  ISR_VER(OLD_XE, "0x2102") ISR_FLASH(OLD_XE, NEW_XE) CFG("R2", "startup-config", BOOT("ftp://192.0.2.7/" NEW_XE)) "R2#\n",
	  NULL, 1, 14, 13, "from the server 192.0.2.7", false, "boot system bootflash:" OLD_XE, NULL, NULL },
	{ "network-boot", "after a skipped entry it is the first tried",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("flash0:gone.bin") BOOT("tftp " NEW_G2 " 10.1.1.1")) END,
	  NULL, 1, 15, 13, "tries after 1 skipped", false, NULL, NULL, NULL },
	{ "network-boot", "after a local image that boots: never reached",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("flash0:" NEW_G2) BOOT("tftp " OLD_G2 " 10.1.1.1")) END,
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "network-boot", "register 0x2100: ROMMON decides first",
	  G2_VER("0x2100") G2_FLASH CFG("R1", "startup-config", BOOT("tftp " NEW_G2 " 10.1.1.1")) END,
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "network-boot", "only in the running-config: the reload reads the startup-config",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "running-config", BOOT("tftp " NEW_G2 " 10.1.1.1"))
	  CFG("R1", "startup-config", BOOT("flash0:" OLD_G2)) END,
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "network-boot", "classic switch: tftp URL first in the BOOT path-list",
	  SW_VER SW_FLASH SW_BOOT("tftp://10.1.0.41/" E9 ";flash:" E6) "SW1#\n", NULL,
	  1, 15, 23, "the first BOOT variable entry the next reload tries", false,
	  "boot system flash:" E6, NULL, NULL },
	{ "network-boot", "classic switch: tftp after the running image",
	  SW_VER SW_FLASH SW_BOOT("flash:" E6 ";tftp://10.1.0.41/" E9) "SW1#\n", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "network-boot", "Cat9k: BOOT variable tftp, no local image to keep",
	  C9K_VER C9K_BOOT("tftp://10.1.0.41/cat9k_iosxe.16.12.03a.SPA.bin", "no") C9K_DIR "SW9#\n", NULL,
	  1, 6, 17, "from the server 10.1.0.41", false, NULL, NULL, NULL },
	{ "network-boot", "Cat9k: MANUAL_BOOT yes stops first",
	  C9K_VER C9K_BOOT("tftp://10.1.0.41/cat9k_iosxe.16.12.03a.SPA.bin", "yes") C9K_DIR "SW9#\n", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },

	/* unsaved-boot: a save would clear the BOOT variable (issue 20 point 20) */
	{ "unsaved-boot", "save clears BOOT: Cat9500 17.9, empty boot block",
	  C9K_VER C9K_BOOT("flash:packages.conf;", "no") C9K_DIR CFG("SW9", "running-config", "") "SW9#\n",
	  NULL, 1, 6, 17, "the running-config has no boot system line while the BOOT variable for the "
	  "next reload is flash:packages.conf: a save (write memory) rewrites the BOOT variable", true,
	  "boot system flash:packages.conf", NULL, NULL },
	{ "unsaved-boot", "save clears BOOT: Cat3850 IOS-XE 3.2.0SE (FN63641)",
	  C3850_320 CFG("SW38", "running-config", "") "SW38#\n", NULL,
	  1, 9, 17, "save_rewrites_boot: ios-xe", true, "boot system flash:packages.conf", NULL, NULL },
	{ "unsaved-boot", "save clears BOOT: a bundle .bin on a Cat9300",
	  C9300_BIN CFG("SW93", "running-config", "") "SW93#\n", NULL,
	  1, 5, 17, "is flash:cat9k_iosxe.17.06.05.SPA.bin", true,
	  "boot system flash:cat9k_iosxe.17.06.05.SPA.bin", NULL, NULL },
	{ "unsaved-boot", "a boot system line: the save keeps BOOT",
	  C9K_VER C9K_BOOT("flash:packages.conf;", "no") C9K_DIR
	  CFG("SW9", "running-config", BOOT("flash:packages.conf")) "SW9#\n",
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "BOOT empty too: nothing to clear",
	  C9K_VER C9K_BOOT("", "no") C9K_DIR CFG("SW9", "running-config", "") "SW9#\n",
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "running-config not captured: not an empty list",
	  C9K_VER C9K_BOOT("flash:packages.conf;", "no") C9K_DIR "SW9#\n",
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "unsaved-boot", "save_rewrites_boot: never", C9K_VER C9K_BOOT("flash:packages.conf;", "no")
	  C9K_DIR CFG("SW9", "running-config", "") "SW9#\n", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, save_never },
	{ "unsaved-boot", "classic 2960 with save_rewrites_boot: switches", "dirty-2960x.log", NULL,
	  1, 103, 23, "assumed here by save_rewrites_boot: switches", true,
	  "boot system flash:c2960x-universalk9-mz.152-7.E8/c2960x-universalk9-mz.152-7.E8.bin", NULL,
	  save_switches },
	{ "unsaved-boot", "a router: the startup-config decides, no BOOT to clear",
	  ISR_VER(OLD_XE, "0x2102") ISR_FLASH(OLD_XE, NEW_XE) CFG("R2", "running-config", "")
	  CFG("R2", "startup-config", "") "R2#\n", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },

	/* boot-order */
	{ "boot-order", "catalogue bad: no boot statements", "traps/alphabetical.log", OLD_XE,
	  1, 25, 1, "the startup-config has no usable boot entry", false,
	  "boot system bootflash:" OLD_XE, NULL, NULL },
	{ "boot-order", "catalogue good", "netstuts-r1.log", OLD_XE, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-order", "saved list still starts with the old image", "traps/unsaved-boot.log", NEW_XE,
	  1, 29, 13, "the first startup-config entry tried is bootflash:" OLD_XE, false,
	  "boot system bootflash:" NEW_XE, NULL, NULL },
	{ "boot-order", "the old image comes second in the fix", "traps/unsaved-boot.log", NEW_XE,
	  1, 29, 13, NULL, false, "boot system bootflash:" OLD_XE, NULL, NULL },
	{ "boot-order", "target not on flash yet", "netstuts-r1.log", NEW_XE, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-order", "no target", "traps/unsaved-boot.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-order", "a missing first entry is skipped",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("flash0:gone.bin") BOOT("flash0:" NEW_G2)) END,
	  NEW_G2, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-order", "a network entry is tried first",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("tftp://10.1.1.1/" NEW_G2) BOOT("flash0:" NEW_G2)) END,
	  NEW_G2, 1, 14, 13, "first startup-config entry tried is tftp://10.1.1.1/" NEW_G2, false,
	  "no boot system", NULL, NULL },
	{ "boot-order", "startup-config not captured: weak, asks for it",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "running-config", BOOT("flash0:" NEW_G2)) END, NEW_G2,
	  1, 9, 44, "the startup-config was not captured", true, NULL,
	  "show startup-config | include boot", NULL },
	{ "boot-order", "switch: BOOT variable decides, one path-list in the fix",
	  SW_VER SW_FLASH SW_BOOT("flash:" E6) CFG("SW1", "running-config", BOOT("flash:" E9)) "SW1#\n", E9,
	  1, 15, 23, "the first BOOT variable entry tried is flash:" E6, false,
	  "boot system flash:" E9 ";flash:" E6, NULL, NULL },
	{ "boot-order", "install mode: the target goes through install", "c9300-install.log",
	  "cat9k_iosxe.17.09.04a.SPA.bin", 0, 0, 0, NULL, false, NULL, NULL, NULL },

	/* boot-fallback */
	{ "boot-fallback", "catalogue bad: the only entry, running image unlisted",
	  "traps/missing-boot-file.log", NULL, 1, 23, 13,
	  "the only startup-config entry, flash0:" NEW_G2 ", has no known-good fallback after it: "
	  OLD_G2 " (the running image)", false, "boot system flash0:" OLD_G2, NULL, NULL },
	{ "boot-fallback", "catalogue good: one entry, one image", "netstuts-r1.log", NULL,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-fallback", "no entries, two images", "traps/alphabetical.log", NULL,
	  1, 25, 1, "no boot entries while bootflash: holds 2 images", false, NULL, NULL, NULL },
	{ "boot-fallback", "new first, old second",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("flash0:" NEW_G2) BOOT("flash0:" OLD_G2)) END,
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-fallback", "the second entry is missing",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("flash0:" NEW_G2) BOOT("flash0:gone.bin")) END,
	  NULL, 1, 14, 13, "no startup-config entry after the first (flash0:" NEW_G2 ")", false,
	  "boot system flash0:" OLD_G2, NULL, NULL },
	{ "boot-fallback", "a network fallback is not known-good",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("flash0:" NEW_G2) BOOT("tftp://10.1.1.1/" OLD_G2)) END,
	  NULL, 1, 14, 13, "points at an existing image", false, NULL, NULL, NULL },
	{ "boot-fallback", "the same image twice is no fallback",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", BOOT("flash0:" NEW_G2) BOOT("flash:" NEW_G2)) END,
	  NULL, 1, 14, 13, "after the first", false, NULL, NULL, NULL },
	{ "boot-fallback", "a 2960 with an old image: one path-list", "traps/no-space.log", NULL,
	  1, 78, 23, "the only BOOT variable entry", false,
	  "boot system flash:c2960-lanbasek9-mz.122-55.SE12.bin;flash:c2960-lanbasek9-mz.122-50.SE5.bin",
	  NULL, NULL },
	{ "boot-fallback", "install mode", "c9300-install.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "boot-fallback", "Cat9k with an empty BOOT variable does not boot",
	  C9K_VER C9K_BOOT("", "no") C9K_DIR "SW9#\n", NULL, 1, 6, 1,
	  "the BOOT variable has no boot entries and this platform does not search flash", false,
	  "boot system flash:packages.conf", NULL, NULL },
	{ "boot-fallback", "no listing: cannot say", G2_VER("0x2102") CFG("R1", "startup-config", BOOT("flash0:" NEW_G2)) END,
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },

	/* alphabetical-boot (SIM: reads the boot simulator's first-image step) */
	{ "alphabetical-boot", "catalogue bad: target", "traps/alphabetical.log", NEW_XE,
	  1, 12, 37, "the reload boots the first image on bootflash:, " OLD_XE ", not the target " NEW_XE,
	  false, "boot system bootflash:" NEW_XE, NULL, NULL },
	{ "alphabetical-boot", "catalogue good", "netstuts-r1.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "no target: the running image", "traps/alphabetical.log", NULL,
	  1, 12, 37, "not the running image " NEW_XE, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "the first image is the target", "traps/alphabetical.log", OLD_XE,
	  0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "every entry skipped, the first image is the running one",
	  "traps/missing-boot-file.log", NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "every entry skipped, the first image is not the running one",
	  ISR_VER(NEW_XE, "0x2102") ISR_FLASH(OLD_XE, NEW_XE) CFG("R2", "startup-config", BOOT("bootflash:gone.bin")) "R2#\n",
	  NULL, 1, 8, 37, "not the running image " NEW_XE, false, "no boot system", NULL, NULL },
	{ "alphabetical-boot", "by name and by listing differ: weak, both named",
	  ISR_VER(NEW_XE, "0x2102") ISR_FLASH(NEW_XE, OLD_XE) CFG("R2", "startup-config", "") "R2#\n",
	  NULL, 1, 9, 37, OLD_XE " (first by name) or " NEW_XE " (first in the listing)", true,
	  NULL, NULL, NULL },
	/* the trap needs two images: the running image alone on flash comes
	 * back at the reload, target or not (issue 20 point 8) */
	{ "alphabetical-boot", "ISR4321 16.9: only the running image, target not copied",
	  ISR_VER(OLD_XE, "0x2102") ISR_FLASH1(OLD_XE) CFG("R2", "startup-config", "") "R2#\n",
	  NEW_XE, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "ISR4321: only the running image, no target",
	  ISR_VER(OLD_XE, "0x2102") ISR_FLASH1(OLD_XE) CFG("R2", "startup-config", "") "R2#\n",
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "2921 15.4: only the running image on flash0:, target not copied",
	  G2_VER("0x2102") G2_FLASH_OLD CFG("R1", "startup-config", "") END,
	  NEW_G2, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "2960 15.2E: only the running image, empty BOOT path-list",
	  SW_VER SW_FLASH_FILES(SW_E6) SW_BOOT("") "SW1#\n",
	  E9, 0, 0, 0, NULL, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "ISR4321: the only image is not the running one",
	  ISR_VER(NEW_XE, "0x2102") ISR_FLASH1(OLD_XE) CFG("R2", "startup-config", "") "R2#\n",
	  NEW_XE, 1, 8, 37, "first image on bootflash:, " OLD_XE ", not the target " NEW_XE,
	  false, NULL, NULL, NULL },
	{ "alphabetical-boot", "2921: two images, the running one first, target not copied",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", "") END,
	  "c2900-universalk9-mz.SPA.157-3.M9.bin", 1, 8, 44,
	  OLD_G2 ", not the target c2900-universalk9-mz.SPA.157-3.M9.bin", false, NULL, NULL, NULL },
	{ "alphabetical-boot", "2921: two images, the target copied but not booted",
	  G2_VER("0x2102") G2_FLASH CFG("R1", "startup-config", "") END,
	  NEW_G2, 1, 8, 44, OLD_G2 ", not the target " NEW_G2, false,
	  "boot system flash0:" NEW_G2, NULL, NULL },
	{ "alphabetical-boot", "2960: two images, empty BOOT path-list",
	  SW_VER SW_FLASH_FILES(SW_E6 SW_E9) SW_BOOT("") "SW1#\n",
	  E9, 1, 9, 55, E6 ", not the target " E9, false, NULL, NULL, NULL },
	{ "alphabetical-boot", "a Cat9k does not search flash", C9K_VER C9K_BOOT("", "no") C9K_DIR "SW9#\n",
	  NULL, 0, 0, 0, NULL, false, NULL, NULL, NULL },
};

IP_TABLE_PARAMS(rules_boot, cases, cases)

ParameterizedTest(size_t *row, rules_boot, cases)
{
	const rule_case *c = &cases[*row];
	char name[160];
	snprintf(name, sizeof(name), "%s: %s", c->rule, c->row);
	rule_run *r = rule_run_new(c->rule, c->capture, c->target, c->tweak);
	if (strchr(c->capture, '\n'))
		cr_assert_eq(r->set->n, 1, "%s: the capture is one device", name);
	rule_run_expect(r, name, c->n, c->line, c->col, c->message);
	rule_run_expect_first(r, name, c->weak, c->fix, c->ask);
	rule_run_free(r);
}

/* A listing cut before its totals line (an input error of its own) cannot
 * prove a file missing: weak, asking for the whole listing. */
Test(rules_boot, truncated_listing_weak)
{
	rule_run_opts o = { .input_errors_ok = true };
	rule_run *r = rule_run_new_opts("boot-missing-file",
					SW_VER "SW1#show flash:\nDirectory of flash:/\n\n"
					"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  " E6 "\n"
					"SW1#show boot\n"
					"BOOT path-list      : flash:" E9 "\n"
					"SW1#\n", &o);
	rule_run_expect(r, "truncated listing", 1, 11, 23, "does not show every file");
	const ip_finding *f = rule_run_first(r);
	cr_expect(f->weak);
	/* the capture is the simulator's verdict's, the one the next-boot
	 * prediction names too: one answer (issue 19) */
	cr_expect_str_eq(f->capture, "show flash:");
	rule_run_free(r);
}

/* Messages start in lower case and end without a period. */
Test(rules_boot, message_style)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (!cases[i].n)
			continue;
		rule_run *r = rule_run_new(cases[i].rule, cases[i].capture, cases[i].target,
					   cases[i].tweak);
		for (size_t k = 0; k < r->check.n_findings; k++) {
			const char *m = r->check.findings[k].message;
			size_t n = strlen(m);
			cr_expect(n && !(m[0] >= 'A' && m[0] <= 'Z') && m[n - 1] != '.',
				  "%s: '%s'", cases[i].row, m);
		}
		rule_run_free(r);
	}
}

/* Real show version captures from the corpus: each is a healthy device
 * (IOSv at 0x0, a C9500 without a register line, Cat3850 0x102, Cat4500
 * and routers 0x2102), so config-register must stay silent on all. */
Test(rules_boot, corpus_registers_normal)
{
	const char *corpus = test_corpus_dir();
	if (!corpus)
		cr_skip_test("corpus absent (IOSPLAN_CORPUS)");
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/cisco_ios/show_version", corpus);
	DIR *d = opendir(dir);
	if (!d)
		cr_skip_test("no %s", dir);
	size_t files = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".raw") != 0)
			continue;
		char path[1400];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		char *text = test_read_file(path, NULL);
		cr_assert_not_null(text, "%s", path);
		rule_run *r = rule_run_new("config-register", text, NULL, NULL);
		const ip_finding *f = rule_run_first(r);
		cr_expect_eq(rule_run_count(r), 0, "%s: %s", e->d_name, f ? f->message : "");
		rule_run_free(r);
		free(text);
		files++;
	}
	closedir(d);
	cr_expect_geq(files, 5, "the corpus holds show version captures");
}

/* network-boot's subject is the entry the reload tries, typed, with the
 * server it depends on: what the planner and audit read, not the text. */
Test(rules_boot, network_boot_subject_names_the_server)
{
	rule_run *r = rule_run_new("network-boot", "traps/network-boot.log", NULL, NULL);
	const ip_finding *f = rule_run_first(r);
	cr_assert_not_null(f);
	cr_assert_eq(f->subject.kind, IP_SUBJ_BOOT_ENTRY);
	cr_assert_eq(f->subject.list, IP_LIST_STARTUP);
	cr_assert_eq(f->subject.index, 0);
	cr_assert_str_eq(f->subject.name, "10.10.20.5");
	cr_assert_eq(f->repair, IP_REPAIR_BOOT_LIST);
	cr_assert_eq(f->n_related, 1, "the local entry tried if the load fails");
	rule_run_free(r);
}

/* A stack whose running-config lost `boot system switch all`: a save
 * would clear every member's BOOT variable, so the fix writes the
 * statement for all of them before saving (issue 20 point 20). */
Test(rules_boot, save_clears_bootvar_on_a_stack)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/stack-3850.log", test_samples_dir());
	char *text = test_read_file(path, NULL);
	cr_assert_not_null(text);
	const char *line = "boot system switch all flash:packages.conf\n";
	char *hit = strstr(text, line);
	cr_assert_not_null(hit);
	memmove(hit, hit + strlen(line), strlen(hit + strlen(line)) + 1);
	rule_run *r = rule_run_new("unsaved-boot", text, NULL, NULL);
	rule_run_expect(r, "stack", 1, 209, 17, "a save (write memory) rewrites the BOOT variable");
	rule_run_expect_first(r, "stack", true, "boot system switch all flash:packages.conf", NULL);
	const ip_finding *f = rule_run_first(r);
	cr_assert_eq(f->subject.kind, IP_SUBJ_BOOT_LIST);
	cr_assert_eq(f->subject.list, IP_LIST_RUNNING);
	rule_run_free(r);
	free(text);
}
