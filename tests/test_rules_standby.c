/* standby-mismatch (issue 21): captures that must fire it, with the line
 * and column of the first finding, and captures that must not. The
 * show redundancy blocks follow genieparser's iosxe ShowRedundancy
 * golden_output_asr1k (dual RP) and golden_output_asr1002 (simplex), and
 * ntc-templates' cisco_ios_show_redundancy5.raw (C9500 StackWise
 * Virtual); the show bootvar lines genieparser's ShowBootvar
 * golden_output_cat9400 and golden_output_asr1k. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "rule_harness.h"

typedef struct standby_case {
	const char *row;
	const char *capture; /* samples/ path, or the capture text */
	size_t n;
	uint32_t line, col;
	const char *message;
	bool weak;
	const char *fix;
	const char *ask;
} standby_case;

#define NEW "bootflash:asr1000-universalk9.17.09.05a.SPA.bin"
#define OLD "bootflash:asr1000-universalk9.17.06.06a.SPA.bin"
#define C9K "bootflash:packages.conf"

/* lines 1-12: show version */
#define VER(platform)                                                          \
	"R#show version\n"                                                     \
	"Cisco IOS XE Software, Version 17.06.06a\n"                           \
	"Cisco IOS Software [Bengaluru], ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.6.6a, RELEASE SOFTWARE (fc2)\n" \
	"ROM: IOS-XE ROMMON\n"                                                 \
	"R uptime is 3 weeks, 2 days, 1 hour, 5 minutes\n"                     \
	"System image file is \"" OLD "\"\n"                                   \
	"Last reload reason: Reload Command\n"                                 \
	"cisco " platform " (RP2) processor (revision RP2) with 3748203K/6147K bytes of memory.\n" \
	"Processor board ID FOX1523G2AB\n"                                     \
	"1933311K bytes of eUSB flash at bootflash:.\n"                        \
	"Configuration register is 0x2102\n"                                   \
	"\n"
/* lines 13-17: show bootvar, the active's BOOT on line 14 */
#define BOOTVAR(standby)                                                       \
	"R#show bootvar\n"                                                     \
	"BOOT variable = " OLD ",12;\n"                                        \
	"CONFIG_FILE variable does not exist\n"                                \
	"Configuration register is 0x2102\n"                                   \
	standby
/* show redundancy: the peer's state on the 9th line */
#define RED(hw, mode, state)                                                   \
	"R#show redundancy\n"                                                  \
	"Redundant System Information :\n"                                     \
	"------------------------------\n"                                     \
	"                 Hardware Mode = " hw "\n"                            \
	"     Operating Redundancy Mode = " mode "\n"                          \
	"Peer Processor Information :\n"                                       \
	"----------------------------\n"                                       \
	"              Standby Location = slot 7\n"                            \
	"        Current Software state = " state "\n"
#define SIMPLEX                                                                \
	"R#show redundancy\n"                                                  \
	"Redundant System Information :\n"                                     \
	"                 Hardware Mode = Simplex\n"                           \
	"     Operating Redundancy Mode = Non-redundant\n"                     \
	"Peer (slot: 7) information is not available because it is in 'DISABLED' state\n"
#define END "R#\n"

static const standby_case cases[] = {
	/* --- must fire ------------------------------------------------------ */
	{ "sample: standby BOOT and register differ", "asr1006-standby-mismatch.log", 2, 98, 34,
	  "the standby's BOOT variable has harddisk:asr1000rp2-adventerprisek9.16.06.05.SPA.bin",
	  false, "copy running-config startup-config", NULL },
	{ "standby BOOT differs (show bootvar only)",
	  VER("ASR1006") BOOTVAR("\nStandby BOOT variable = " NEW ",12;\n"
				 "Standby Configuration register is 0x2102\n") END,
	  1, 18, 25, "the standby's BOOT variable has " NEW " where the active's has " OLD, false,
	  "boot system " OLD, NULL },
	{ "standby BOOT has an extra entry",
	  VER("ASR1006") BOOTVAR("Standby BOOT variable = " OLD ",12;" NEW ",12;\n") END,
	  1, 17, 76, "where the active's ends", false, "show bootvar", NULL },
	{ "standby register differs",
	  VER("ASR1006") BOOTVAR("Standby BOOT variable = " OLD ",12;\n"
				 "Standby Configuration register is 0x2102  (will be 0x2142 at next reload)\n") END,
	  1, 18, 52, "the standby's configuration register is 0x2142", false,
	  "config-register 0x2102", NULL },
	{ "standby cold (rpr)",
	  VER("ASR1006") BOOTVAR("Standby BOOT variable = " OLD ",12;\n")
	  RED("Duplex", "rpr", "STANDBY COLD") END,
	  1, 26, 34, "is in state STANDBY COLD, not STANDBY HOT", false, "mode sso", NULL },
	{ "duplex, standby disabled",
	  VER("ASR1006") BOOTVAR("Standby not ready to show bootvar\n")
	  "R#show redundancy\n"
	  "Redundant System Information :\n"
	  "                 Hardware Mode = Duplex\n"
	  "     Operating Redundancy Mode = sso\n"
	  "Peer (slot: 7) information is not available because it is in 'DISABLED' state\n" END,
	  1, 22, 63, "is in state DISABLED", false, "show redundancy", NULL },
	{ "hot but show bootvar not ready: weak, ask for show bootvar",
	  VER("ASR1006") BOOTVAR("Standby not ready to show bootvar\n")
	  RED("Duplex", "sso", "STANDBY HOT") END,
	  1, 17, 1, "could not read the standby's BOOT variable", true, NULL, "show bootvar" },
	{ "hot, no standby BOOT captured: weak",
	  VER("ASR1006") RED("Duplex", "sso", "STANDBY HOT") END,
	  1, 21, 34, "the standby's BOOT variable was not captured", true, NULL, "show bootvar" },
	/* --- must not fire -------------------------------------------------- */
	{ "sample: equal standby", "asr1006-dual-rp.log", 0, 0, 0, NULL, false, NULL, NULL },
	{ "sample: seed router, single RP", "netstuts-r1.log", 0, 0, 0, NULL, false, NULL, NULL },
	{ "equal standby, show bootvar and hot",
	  VER("ASR1006") BOOTVAR("Standby BOOT variable = " OLD ",12;\n"
				 "Standby Configuration register is 0x2102\n")
	  RED("Duplex", "sso", "STANDBY HOT ") END,
	  0, 0, 0, NULL, false, NULL, NULL },
	{ "single RP says standby not ready", VER("ASR1001-X")
	  BOOTVAR("\nStandby not ready to show bootvar\n") END, 0, 0, 0, NULL, false, NULL, NULL },
	{ "simplex chassis, peer disabled", VER("ASR1002")
	  BOOTVAR("Standby not ready to show bootvar\n") SIMPLEX END, 0, 0, 0, NULL, false, NULL,
	  NULL },
	{ "filtered show redundancy, peer disabled, mode unknown", VER("ASR1001-X")
	  "R#show redundancy | include state\n"
	  "        Current Software state = ACTIVE\n"
	  "Peer (slot: 7) information is not available because it is in 'DISABLED' state\n" END,
	  0, 0, 0, NULL, false, NULL, NULL },
	{ "svl, equal BOOT from show redundancy",
	  VER("C9500-48Y4C")
	  "R#show bootvar\nBOOT variable = " C9K ";\nCONFIG_FILE variable = \n"
	  "R#show redundancy\n"
	  "Redundant System Information :\n"
	  "                 Hardware Mode = Duplex\n"
	  "     Operating Redundancy Mode = sso\n"
	  "Peer Processor Information :\n"
	  "              Standby Location = Switch 2\n"
	  "        Current Software state = STANDBY HOT\n"
	  "                          BOOT = " C9K ";\n" END,
	  0, 0, 0, NULL, false, NULL, NULL },
	{ "same file, the filesystem prefix in capitals",
	  VER("ASR1006") BOOTVAR("Standby BOOT variable = BOOTFLASH:asr1000-universalk9.17.06.06a.SPA.bin,12;\n") END,
	  0, 0, 0, NULL, false, NULL, NULL },
};

IP_TABLE_PARAMS(rules_standby, cases, cases)

ParameterizedTest(size_t *row, rules_standby, cases)
{
	const standby_case *c = &cases[*row];
	char name[200];
	snprintf(name, sizeof(name), "standby-mismatch: %s", c->row);
	rule_run *r = rule_run_new("standby-mismatch", c->capture, NULL, NULL);
	if (strchr(c->capture, '\n'))
		cr_assert_eq(r->set->n, 1, "%s: the capture is one device", name);
	rule_run_expect(r, name, c->n, c->line, c->col, c->message);
	rule_run_expect_first(r, name, c->weak, c->fix, c->ask);
	rule_run_free(r);
}
