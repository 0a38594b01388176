/* The rules on the target's release facts from the image catalogue (issue
 * 22): rommon-minimum. One table per rule: a capture (a path under
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
	const char *also;     /* another part of the first message, or NULL */
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
	if (f && c->also)
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
