/* The seed's "Upgrade Troubleshooting Reference", row by row: each symptom
 * whose cause shows in the captures taken before the reload is caught by a
 * rule, and the seed's own devices lint clean for their upgrade targets.
 * (The rows about a TFTP transfer failing and about what the device shows
 * after the reload are checked by `iosplan verify`, not here.) */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "rule_harness.h"

#define R1_TARGET "isr4300-universalk9.16.12.04.SPA.bin"
#define R1_MD5 "a3f8c12d9e4b72f1c8d5a0e3b6f91234"
#define SW1_TARGET "c2960-lanbasek9-mz.152-7.E9.bin"
#define SW1_MD5 "7b4e91a2c0d3f5e6a7b8c9d0e1f2a3b4"

typedef struct trap_case {
	const char *symptom; /* the seed's words */
	const char *capture;
	rule_run_opts opts;
	const char *rule;    /* the rule that must fire */
} trap_case;

static const trap_case trap_cases[] = {
	{ "%Error: Not enough space on device", "traps/no-space.log",
	  { .target = SW1_TARGET, .target_size = 12582912, .target_md5 = SW1_MD5 }, "flash-space" },
	{ "MD5 mismatch after transfer", "traps/md5-mismatch.log",
	  { .target = R1_TARGET, .target_size = 521347072, .target_md5 = R1_MD5 }, "image-integrity" },
	{ "device boots old image: boot statement saved but points to the old image", "traps/alphabetical.log",
	  { .target = "isr4300-universalk9.16.09.06.SPA.bin" }, "boot-order" },
	{ "device boots old image: no boot system statement saved", "traps/unsaved-boot.log",
	  { 0 }, "unsaved-boot" },
	{ "device boots old image: no boot statement, old image sorts first", "traps/alphabetical.log",
	  { .target = R1_TARGET }, "alphabetical-boot" },
	{ "drops to ROMMON: boot statement points to a file that does not exist", "traps/missing-boot-file.log",
	  { 0 }, "boot-missing-file" },
	{ "drops to ROMMON / boots unconfigured: register left from password recovery", "traps/register-2142.log",
	  { 0 }, "config-register" },
	{ "file not found: wrong filesystem prefix (bootflash: vs flash:)", "traps/wrong-fs-prefix.log",
	  { 0 }, "fs-prefix" },
};

IP_TABLE_PARAMS(seed, traps, trap_cases)

ParameterizedTest(size_t *row, seed, traps)
{
	const trap_case *c = &trap_cases[*row];
	rule_run *r = rule_run_new_opts(c->rule, c->capture, &c->opts);
	cr_assert_gt(rule_run_count(r), 0, "'%s' (%s) is caught by %s", c->symptom, c->capture, c->rule);
	rule_run_free(r);
}

/* The seed's two devices, with their targets, have no error finding. */
typedef struct clean_case {
	const char *capture;
	rule_run_opts opts;
} clean_case;

static const clean_case clean_cases[] = {
	{ "netstuts-r1.log", { .target = R1_TARGET, .target_size = 521347072, .target_md5 = R1_MD5 } },
	{ "netstuts-sw1.log", { .target = SW1_TARGET, .target_size = 12582912, .target_md5 = SW1_MD5 } },
};

IP_TABLE_PARAMS(seed, devices_lint_clean, clean_cases)

ParameterizedTest(size_t *row, seed, devices_lint_clean)
{
	const clean_case *c = &clean_cases[*row];
	for (size_t i = 0; i < ip_rules_count; i++) {
		rule_run *r = rule_run_new_opts(ip_rules[i]->id, c->capture, &c->opts);
		for (size_t k = 0; k < r->check.n_findings; k++)
			cr_assert_neq(r->check.findings[k].severity, IP_SEV_ERROR, "%s: %s: %s", c->capture,
				      ip_rules[i]->id, r->check.findings[k].message);
		rule_run_free(r);
	}
}
