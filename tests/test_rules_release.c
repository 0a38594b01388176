/* The rules on the target's release facts from the image catalogue (issue
 * 22): rommon-minimum, rommon-one-way, memory-minimum, upgrade-path,
 * license-change, secret-downgrade. One table per rule: a capture (a path under
 * samples/), a target and the catalogue entry that gives its facts, with
 * what the first finding must say, or that none is found. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "rule_harness.h"

enum { ANY = 0, NOTE = IP_SEV_NOTE, WARN = IP_SEV_WARNING, ERR = IP_SEV_ERROR };

typedef struct rcase {
	const char *row;
	const char *capture;
	const char *target;
	const char *catalog;  /* YAML; its entry for target gives the facts */
	size_t n;             /* findings */
	uint32_t line, col;   /* of the first; col 0: not checked */
	const char *msg;      /* part of the first message */
	int sev;              /* severity of the first, ANY: not checked */
	const char *also;     /* another part of the first message, or NULL;
			       * "!part": a part it must not hold */
	const char *ask;      /* the capture the first finding asks for, or NULL */
} rcase;

static void run_case(const char *rule, const rcase *c)
{
	rule_run_opts o = { .target = c->target, .catalog = c->catalog };
	rule_run *r = rule_run_new_opts(rule, c->capture, &o);
	rule_run_expect(r, c->row, c->n, c->line, c->col, c->msg);
	const ip_finding *f = rule_run_first(r);
	if (f && c->sev != ANY)
		cr_assert_eq((int)f->severity, c->sev, "%s: severity %s (%s)", c->row,
			     ip_severity_name(f->severity), f->message);
	if (f && c->also && c->also[0] == '!')
		cr_assert_null(strstr(f->message, c->also + 1), "%s: '%s' holds '%s'", c->row,
			       f->message, c->also + 1);
	else if (f && c->also)
		cr_assert(strstr(f->message, c->also), "%s: '%s' lacks '%s'", c->row, f->message, c->also);
	if (f)
		cr_assert(c->ask ? f->capture && strcmp(f->capture, c->ask) == 0 : !f->capture,
			  "%s: asks for '%s'", c->row, f->capture ? f->capture : "(none)");
	rule_run_free(r);
}

#define MD5 "md5: fc86e45443a1929c164634a133d16c74\n"
#define ENTRY(name, plats) "images:\n  - name: " name "\n    " MD5 "    platforms: " plats "\n"
#define ASR17 "asr1001x-universalk9.17.09.04a.SPA.bin"
#define ASR_MIN(v) ENTRY(ASR17, "[asr1001x]") "    min_rommon: \"" v "\"\n"
#define CAT9K "cat9k_iosxe.17.12.04.SPA.bin"
#define CAT9K_MIN(v) ENTRY(CAT9K, "[cat9k]") "    min_rommon: \"" v "\"\n"
#define C2960X "c2960x-universalk9-mz.152-7.E9.bin"
#define C2960X_MIN(v) ENTRY(C2960X, "[c2960x]") "    min_rommon: \"" v "\"\n"
#define ISR "isr4300-universalk9.16.12.04.SPA.bin"

/* --- rommon-minimum ------------------------------------------------------- */

static const rcase rommon_cases[] = {
	/* the case: both versions named, at the device's version */
	{ "ASR1001-X 15.4(3r)S5 below 16.9(1r) (show rom-monitor r0)", "traps/rommon-asr1001x.log",
	  ASR17, ASR_MIN("16.9(1r)"), 1, 84, 27, "ROMMON 15.4(3r)S5 (show rom-monitor R0) is below 16.9(1r)",
	  ERR, "(catalogue, unsourced)", NULL },
	{ "the source is named when the catalogue gives one", "traps/rommon-asr1001x.log", ASR17,
	  ASR_MIN("16.9(1r)") "    source: {min_rommon: https://www.cisco.com/x}\n", 1, 84, 27,
	  "is below 16.9(1r)", ERR, "(catalogue, https://www.cisco.com/x)", NULL },
	{ "no ROMMON package catalogued: said so", "traps/rommon-asr1001x.log", ASR17,
	  ASR_MIN("16.9(1r)"), 1, 84, 27, "is below 16.9(1r)", ERR,
	  "the catalogue names no ROMMON package for it (rommon_image", NULL },
	{ "a ROMMON package catalogued: not said", "traps/rommon-asr1001x.log", ASR17,
	  ASR_MIN("16.9(1r)") "    rommon_image: {name: asr1000-rommon.169-1r.SPA.pkg, size: 4194304, "
	  "md5: 0b8f3c2a91d4e7f6a5c3b2d1e0f9a8b7}\n", 1, 84, 27,
	  "upgrade the ROMMON before the reload", ERR, "!rommon_image", NULL },
	{ "ASR1001-X at 16.9(1r): the minimum met", "traps/rommon-asr1001x-16-9.log", ASR17,
	  ASR_MIN("16.9(1r)"), 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "ASR1001-X at 16.9(1r) against 16.12(2r)", "traps/rommon-asr1001x-16-9.log", ASR17,
	  ASR_MIN("16.12(2r)"), 1, 84, 27, "ROMMON 16.9(1r)", ERR, "below 16.12(2r)", NULL },
	{ "from show platform's firmware table (R0 16.3(2r))", "traps/rommon-asr1001x-platform.log",
	  ASR17, ASR_MIN("16.9(1r)"), 1, 98, 0, "ROMMON 16.3(2r) (show platform R0) is below 16.9(1r)",
	  ERR, NULL, NULL },
	{ "the per-platform minimum that fits the model", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    min_rommon: {ASR1002-X: 17.3(1r), ASR1001-X: 16.9(1r), asr1001x: 15.0(1r)S}\n",
	  1, 84, 27, "below 16.9(1r)", ERR, NULL, NULL },
	{ "a per-platform minimum for another model only", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    min_rommon: {ASR1002-X: 17.3(1r)}\n", 0, 0, 0, NULL, ANY,
	  NULL, NULL },
	{ "the per-platform minimum the device meets", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    min_rommon: {ASR1001-X: 15.4(3r)S5}\n", 0, 0, 0, NULL, ANY,
	  NULL, NULL },
	{ "ISR4321, show version's ROM: IOS-XE ROMMON only: unknown, a warning", "netstuts-r1.log",
	  ISR, ENTRY(ISR, "[isr4300]") "    min_rommon: 16.9(1r)\n", 1, 5, 17, /* at the catalogue's */
	  "no capture shows this device's ROMMON version", WARN, "16.9(1r) or later",
	  "show rom-monitor r0' or 'show platform" },
	{ "Cat9300 BOOTLDR 17.9.1r below 17.12.1r (dotted)", "c9300-install.log", CAT9K,
	  CAT9K_MIN("17.12.1r"), 1, 22, 0, "ROMMON 17.9.1r (show version) is below 17.12.1r", ERR,
	  NULL, NULL },
	{ "Cat9300 BOOTLDR 17.9.1r meets 17.6.1r", "c9300-install.log", CAT9K, CAT9K_MIN("17.6.1r"),
	  0, 0, 0, NULL, ANY, NULL, NULL },
	{ "Cat9300 dotted against a classic minimum: not ordered, a warning", "c9300-install.log",
	  CAT9K, CAT9K_MIN("17.9(1r)"), 1, 22, 0, "cannot be ordered", WARN, "17.9.1r", NULL },
	{ "2960-X boot loader 15.2(7r)E below 15.2(7r)E2 (one train)", "dirty-2960x.log", C2960X,
	  C2960X_MIN("15.2(7r)E2"), 1, 22, 0, "ROMMON 15.2(7r)E (show version) is below 15.2(7r)E2",
	  ERR, NULL, NULL },
	{ "2960-X boot loader meets 15.2(7r)E", "dirty-2960x.log", C2960X, C2960X_MIN("15.2(7r)E"),
	  0, 0, 0, NULL, ANY, NULL, NULL },
	{ "2960-X against another train: not ordered", "dirty-2960x.log", C2960X,
	  C2960X_MIN("15.2(7r)SE"), 1, 22, 0, "cannot be ordered", WARN, NULL, NULL },
	{ "a catalogue entry without min_rommon", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]"), 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "a target without a catalogue", "traps/rommon-asr1001x.log", ASR17, NULL, 0, 0, 0, NULL,
	  ANY, NULL, NULL },
};

IP_TABLE_PARAMS(release, rommon_minimum, rommon_cases)
ParameterizedTest(size_t *row, release, rommon_minimum)
{
	run_case("rommon-minimum", &rommon_cases[*row]);
}

/* --- rommon-one-way ------------------------------------------------------- */

#define ONE_WAY(min, ow) ASR_MIN(min) "    rommon_one_way: [" ow "]\n"

static const rcase one_way_cases[] = {
	{ "15.4(3r)S5 to 16.9(1r), one-way: the way back closes", "traps/rommon-asr1001x.log", ASR17,
	  ONE_WAY("16.9(1r)", "16.9(1r)"), 1, 84, 27, "the ROMMON goes from 15.4(3r)S5 to 16.9(1r)",
	  WARN, "the way back below 16.9(1r) is closed", NULL },
	{ "a minimum past the one-way version crosses it too", "traps/rommon-asr1001x.log", ASR17,
	  ONE_WAY("17.3(1r)", "16.9(1r)"), 1, 84, 27, "past 16.9(1r)", WARN, NULL, NULL },
	{ "show platform's R0 16.3(2r)", "traps/rommon-asr1001x-platform.log", ASR17,
	  ONE_WAY("16.9(1r)", "16.9(1r)"), 1, 98, 0, "from 16.3(2r)", WARN, NULL, NULL },
	{ "already at the one-way version", "traps/rommon-asr1001x-16-9.log", ASR17,
	  ONE_WAY("16.9(1r)", "16.9(1r)"), 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "a minimum below the one-way version", "traps/rommon-asr1001x.log", ASR17,
	  ONE_WAY("15.4(3r)S5", "16.9(1r)"), 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "no minimum: the ROMMON need not change", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    rommon_one_way: [16.9(1r)]\n", 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "ROMMON unknown: one level lower, naming the capture", "netstuts-r1.log", ISR,
	  ENTRY(ISR, "[isr4300]") "    min_rommon: 16.9(1r)\n    rommon_one_way: [16.9(1r)]\n", 1, 6,
	  22, "if the ROMMON is below 16.9(1r) now", NOTE, NULL,
	  "show rom-monitor r0' or 'show platform" },
};

IP_TABLE_PARAMS(release, rommon_one_way, one_way_cases)
ParameterizedTest(size_t *row, release, rommon_one_way)
{
	run_case("rommon-one-way", &one_way_cases[*row]);
}

/* --- memory-minimum ------------------------------------------------------- */

static const rcase memory_cases[] = {
	{ "8 GiB physical below 16G", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    min_dram: 16G\n", 1, 54, 1,
	  "the device has 8192 MiB of DRAM, below the 16384 MiB", ERR, NULL, NULL },
	{ "8 GiB physical meets 8192M", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    min_dram: 8192M\n", 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "bootflash 6598655K below 8G", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    min_flash: 8G\n", 1, 55, 1, "bootflash: holds 6443 MiB",
	  ERR, NULL, NULL },
	{ "bootflash meets 4G", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    min_flash: 4G\n", 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "2960-X 512 MiB processor line below 1G (classic: the whole)", "dirty-2960x.log", C2960X,
	  ENTRY(C2960X, "[c2960x]") "    min_dram: 1G\n", 1, 48, 0, "512 MiB of DRAM", ERR, NULL,
	  NULL },
	{ "Cat9300 8 GiB physical meets 8G (not the processor line's 1307 MiB)", "c9300-install.log",
	  CAT9K, ENTRY(CAT9K, "[cat9k]") "    min_dram: 8G\n", 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "Cat9300 flash: 11264000K below 16G", "c9300-install.log", CAT9K,
	  ENTRY(CAT9K, "[cat9k]") "    min_flash: 16G\n", 1, 72, 0, "flash: holds 11000 MiB", ERR,
	  NULL, NULL },
	{ "ISR4321 filtered show version, processor line only: one level lower",
	  "traps/alphabetical.log", ISR, ENTRY(ISR, "[isr4300]") "    min_dram: 4G\n", 1, 8, 0,
	  "a share of the DRAM, not the whole", WARN, NULL, "show version" },
	{ "no show version sizes: unknown", "R9#show version | include Version\n"
	  "Cisco IOS XE Software, Version 16.09.06\n", ISR,
	  ENTRY(ISR, "[isr4300]") "    min_dram: 4G\n", 1, 5, 15, "no capture shows this device's memory",
	  WARN, NULL, "show version" },
};

IP_TABLE_PARAMS(release, memory_minimum, memory_cases)
ParameterizedTest(size_t *row, release, memory_minimum)
{
	run_case("memory-minimum", &memory_cases[*row]);
}

/* --- upgrade-path --------------------------------------------------------- */

static const rcase path_cases[] = {
	{ "16.9.4 is not in 16.12.*: via named", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    upgrade_from: [16.12.*, 17.*]\n    via: 16.12.5\n", 1, 3, 32,
	  "no direct path from 16.9.4", ERR, "upgrade to 16.12.5 first", NULL },
	{ "no via: said so", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    upgrade_from: 16.12.*\n", 1, 3, 32, "no direct path",
	  ERR, "names no intermediate release", NULL },
	{ "16.9.4 matches 16.*", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    upgrade_from: [16.*]\n", 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "matched as printed (16.09.04)", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") "    upgrade_from: [16.09.0*]\n", 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "classic 2960-X 15.2(7)E8 from 15.2(7)E*", "dirty-2960x.log", C2960X,
	  ENTRY(C2960X, "[c2960x]") "    upgrade_from: 15.2(7)E*\n", 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "classic 2960-X 15.2(7)E8 not from 15.2(7)E9", "dirty-2960x.log", C2960X,
	  ENTRY(C2960X, "[c2960x]") "    upgrade_from: [15.2(7)E9]\n    via: 15.2(7)E9\n", 1, 16, 0,
	  "no direct path from 15.2(7)E8", ERR, NULL, NULL },
	{ "Cat9300 17.9.4a from 17.*", "c9300-install.log", CAT9K,
	  ENTRY(CAT9K, "[cat9k]") "    upgrade_from: [17.*]\n", 0, 0, 0, NULL, ANY, NULL, NULL },
};

IP_TABLE_PARAMS(release, upgrade_path, path_cases)
ParameterizedTest(size_t *row, release, upgrade_path)
{
	run_case("upgrade-path", &path_cases[*row]);
}

/* --- license-change ------------------------------------------------------- */

#define SLUP "    license_model: {model: Smart Licensing Using Policy, since: 17.3.2}\n"

static const rcase license_cases[] = {
	{ "16.9.4 to 17.9.4a crosses 17.3.2", "traps/rommon-asr1001x.log", ASR17,
	  ENTRY(ASR17, "[asr1001x]") SLUP, 1, 3, 32, "brings Smart Licensing Using Policy, from 17.3.2",
	  WARN, "show license all", NULL },
	{ "16.9.4 to 16.12.5 stays before it", "traps/rommon-asr1001x.log",
	  "asr1001x-universalk9.16.12.05.SPA.bin",
	  ENTRY("asr1001x-universalk9.16.12.05.SPA.bin", "[asr1001x]") SLUP, 0, 0, 0, NULL, ANY, NULL,
	  NULL },
	{ "17.9.4a to 17.12.4 is past it already", "c9300-install.log", CAT9K,
	  ENTRY(CAT9K, "[cat9k]") SLUP, 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "3750-X next-reload level differs (no target needed)",
	  "SW1#show version | include Version|icense\nCisco IOS Software, C3750E Software (C3750E-UNIVERSALK9-M), Version "
	  "15.2(4)E10, RELEASE SOFTWARE (fc2)\nLicense Level: ipservices\nLicense Type: Permanent\n"
	  "Next reload license Level: ipbase\n", NULL, NULL, 1, 5, 28,
	  "the license level changes at the reload, from ipservices to ipbase", WARN, NULL, NULL },
	{ "3750-X next-reload level equal: nothing", "stack-3750x-tar.log", NULL, NULL, 0, 0, 0, NULL,
	  ANY, NULL, NULL },
};

IP_TABLE_PARAMS(release, license_change, license_cases)
ParameterizedTest(size_t *row, release, license_change)
{
	run_case("license-change", &license_cases[*row]);
}

/* --- secret-downgrade ----------------------------------------------------- */

static const rcase secret_cases[] = {
	{ "Cat9300 $14$ and a target before 16.12.1", "traps/secret-14-c9300.log",
	  "cat9k_iosxe.16.09.05.SPA.bin", NULL, 1, 185, 8, "before 16.12.1: it cannot read the $14$",
	  ERR, "put a $9$ secret", NULL },
	{ "Cat9300 $14$ and 16.12.1 itself", "traps/secret-14-c9300.log",
	  "cat9k_iosxe.16.12.01.SPA.bin", NULL, 0, 0, 0, NULL, ANY, NULL, NULL },
	{ "Cat9300 $14$ and an upgrade", "traps/secret-14-c9300.log", CAT9K, NULL, 0, 0, 0, NULL,
	  ANY, NULL, NULL },
	{ "no configuration read: nothing judged", "c9300-install.log",
	  "cat9k_iosxe.16.09.05.SPA.bin", NULL, 0, 0, 0, NULL, ANY, NULL, NULL },
};

IP_TABLE_PARAMS(release, secret_downgrade, secret_cases)
ParameterizedTest(size_t *row, release, secret_downgrade)
{
	run_case("secret-downgrade", &secret_cases[*row]);
}
