/* `iosplan plan`: golden outputs, the seed's order of operations, what the
 * plan repairs and what refuses it, the proof catching a broken plan, the
 * JSON schema, the command line, and `ansible-playbook --syntax-check` on
 * generated playbooks.
 *
 * Golden files are tests/golden/plan/<name>.<txt|md|json|yml>. To change
 * one on purpose, run the suite with IOSPLAN_REGEN_GOLDEN=1 (it rewrites
 * the files in the source tree and passes), then read the diff:
 *   IOSPLAN_REGEN_GOLDEN=1 meson test -C build planner-plan
 *   git diff tests/golden/plan/ */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "iosplan_config.h"
#include "plan.h"
#include "plan_query.h"
#include "plan_write.h"

#define R1_TARGET "--target isr4300-universalk9.16.12.04.SPA.bin --size 521347072 " \
		  "--md5 a3f8c12d9e4b72f1c8d5a0e3b6f91234 --tftp-server 192.168.1.100"
#define SW1_TARGET "--target c2960-lanbasek9-mz.152-7.E9.bin --size 12582912 " \
		   "--md5 7b4e91a2f3c8d5e0a1b6c9d2e4f70123 --tftp-server 192.168.1.100"
#define C9300_TARGET "--target cat9k_iosxe.17.12.04.SPA.bin --size 1325314572 " \
		     "--md5 5c2b8e0f6d1a4937b8c0e2f4a6d8b0c1 --tftp-server 10.0.0.10"
#define STACK_TARGET "--target cat3k_caa-universalk9.16.12.12.SPA.bin --size 491470848 " \
		     "--md5 0f1e2d3c4b5a69788796a5b4c3d2e1f0 --tftp-server 10.0.0.10"
#define X2960_TARGET "--target c2960x-universalk9-mz.152-7.E9.bin --size 26815488 " \
		     "--md5 b4be3ef500ea12a82cdffe77730d6073 --tftp-server 10.0.0.10"
#define X3750_TARGET "--target c3750e-universalk9-tar.152-4.E10.tar --size 23900160 " \
		     "--md5 6d2f0b8e41c97a35e0d4b1f8c27a9e53 --tftp-server 10.0.0.10"
#define C9K_STACK_TARGET "--target cat9k_iosxe.17.12.04.SPA.bin --size 1396867236 " \
			 "--md5 1c0d3ae01e439027ece1b6bc8bd16b38 --tftp-server 10.0.0.10 --transfer scp"
/* issue 21: an ASR1006 with a standby RP, bundle mode on harddisk: */
#define ASR_TARGET "--target asr1000rp2-adventerprisek9.17.03.08a.SPA.bin --size 697152512 " \
		   "--md5 5f1b2c3d4e5f60718293a4b5c6d7e8f9 --tftp-server 10.0.0.10 --transfer scp"
/* issue 21 pt 2: the same chassis in install mode, 16.9 -> 16.12 (EM -> EM) */
#define ASR_ISSU_TARGET "--target asr1000rp2-adventerprisek9.16.12.08.SPA.bin --size 689243136 " \
			"--md5 0a1b2c3d4e5f60718293a4b5c6d7e8f9 --tftp-server 10.0.0.10 --transfer scp"
#define C3K_TARGET "--target cat3k_caa-universalk9.16.12.10a.SPA.bin --size 496214016 " \
		   "--md5 ec513679cb3ca1629ec966607e85bf8e --tftp-server 10.0.0.10"
#define NOSPACE_SW_TARGET "--target c2960-lanbasek9-mz.150-2.SE11.bin --size 12582912 " \
			  "--md5 9a8b7c6d5e4f30211203f4e5d6c7b8a9 --tftp-server 10.1.1.5"
#define NOSPACE_R_TARGET "--target c1900-universalk9-mz.SPA.157-3.M8.bin --size 93829120 " \
			 "--md5 e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3 --tftp-server 10.20.0.50"
/* issue 20 point 9: targets the device already runs (netstuts-r1 boots it
 * next; traps/alphabetical.log would boot 16.09.06 first) */
#define R1_RUNNING "--target isr4300-universalk9.16.09.06.SPA.bin --size 521347072 " \
		   "--md5 a3f8c12d9e4b72f1c8d5a0e3b6f91234 --tftp-server 192.168.1.100"
#define ALPHA_RUNNING "--target isr4300-universalk9.16.12.04.SPA.bin --size 559482880 " \
		      "--md5 a3f8c12d9e4b72f1c8d5a0e3b6f91234 --tftp-server 192.168.1.100"

static char tmpdir[256];

static void setup(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "plan"); }
static void teardown(void) { test_tmpdir_remove(tmpdir); }

typedef struct result {
	int status;
	char *out, *err;
} result;

/* iosplan ARGS, run in samples/ (so spans name relative paths). */
static result run(const char *args)
{
	char cmd[4096], out[300], err[300];
	snprintf(out, sizeof(out), "%s/stdout", tmpdir);
	snprintf(err, sizeof(err), "%s/stderr", tmpdir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && timeout 60 '%s' %s >'%s' 2>'%s' </dev/null",
		 test_samples_dir(), getenv("IOSPLAN_BIN"), args, out, err);
	int st = system(cmd);
	result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128, test_read_file(out, NULL),
		     test_read_file(err, NULL) };
	cr_assert_not_null(r.out);
	return r;
}

static void result_free(result *r)
{
	free(r->out);
	free(r->err);
}

/* --- golden outputs -------------------------------------------------------- */

typedef struct golden_case {
	const char *file; /* tests/golden/plan/<file> */
	const char *args;
	int status;
} golden_case;

static const golden_case golden_cases[] = {
	{ "router-seed.txt", "plan " R1_TARGET " netstuts-r1.log", 0 },
	{ "router-seed.md", "plan --format markdown " R1_TARGET " netstuts-r1.log", 0 },
	{ "router-seed.json", "plan --format json " R1_TARGET " netstuts-r1.log", 0 },
	{ "router-seed.yml", "plan --format ansible " R1_TARGET " netstuts-r1.log", 0 },
	{ "switch-seed.txt", "plan " SW1_TARGET " netstuts-sw1.log", 0 },
	{ "switch-seed.json", "plan --format json " SW1_TARGET " netstuts-sw1.log", 0 },
	{ "install-c9300.txt", "plan " C9300_TARGET " c9300-install.log", 0 },
	{ "install-c9300.yml", "plan --format ansible " C9300_TARGET " c9300-install.log", 0 },
	/* issue 21 pt 3: add, activate with the auto-abort timer, commit */
	{ "install-c9300-two-step.txt", "plan --install-steps two-step --auto-abort-timer 90 "
	  C9300_TARGET " c9300-install.log", 0 },
	{ "install-c9300-two-step.json", "plan --format json --install-steps two-step "
	  C9300_TARGET " c9300-install.log", 0 },
	{ "install-c9300-two-step.yml", "plan --format ansible --install-steps two-step "
	  C9300_TARGET " c9300-install.log", 0 },
	/* issue 21 pt 4: a bundle-mode C9300 converted to install mode */
	{ "convert-c9300.txt", "plan --convert-to-install " C9300_TARGET " c9300-bundle.log", 0 },
	{ "convert-c9300.yml", "plan --format ansible --convert-to-install " C9300_TARGET
	  " c9300-bundle.log", 0 },
	/* without the option: the note, and a bundle upgrade */
	{ "bundle-c9300.txt", "plan " C9300_TARGET " c9300-bundle.log", 0 },
	{ "stack-3850.txt", "plan " STACK_TARGET " stack-3850.log", 0 },
	/* issue 21: a 3850 on 16.3, before install add: request platform */
	{ "stack-3850-16-3.txt", "plan " STACK_TARGET " stack-3850-16-3.log", 0 },
	/* issue 11: one per stack sample, text and json */
	{ "stack-2960x-bundle.txt", "plan " X2960_TARGET " stack-2960x-bundle.log", 0 },
	{ "stack-2960x-bundle.json", "plan --format json " X2960_TARGET " stack-2960x-bundle.log", 0 },
	{ "stack-3750x-tar.txt", "plan " X3750_TARGET " stack-3750x-tar.log", 0 },
	{ "stack-3750x-tar.json", "plan --format json " X3750_TARGET " stack-3750x-tar.log", 0 },
	{ "stack-9300-install.txt", "plan " C9K_STACK_TARGET " stack-9300-install.log", 0 },
	{ "stack-9300-install.json", "plan --format json " C9K_STACK_TARGET " stack-9300-install.log", 0 },
	/* issue 21 pt 2: 17.06.05 packages left, tight: install remove inactive first */
	{ "stack-9300-inactive.txt", "plan " C9K_STACK_TARGET " stack-9300-inactive.log", 0 },
	{ "stack-no-space-member2.txt", "plan " X2960_TARGET " stack-no-space-member2.log", 0 },
	{ "stack-no-space-member2.json", "plan --format json " X2960_TARGET " stack-no-space-member2.log", 0 },
	{ "stack-vmismatch.txt", "plan " C9K_STACK_TARGET " stack-vmismatch.log", 1 },
	{ "stack-vmismatch.json", "plan --format json " C9K_STACK_TARGET " stack-vmismatch.log", 1 },
	{ "stack-active-only.txt", "plan " C3K_TARGET " stack-active-only.log", 1 },
	{ "stack-active-only.json", "plan --format json " C3K_TARGET " stack-active-only.log", 1 },
	{ "no-space-deletable.txt", "plan " NOSPACE_SW_TARGET " traps/no-space.log", 0 },
	{ "no-space-refused.txt", "plan " NOSPACE_R_TARGET " traps/no-space-router.log", 1 },
	/* issue 22: the ASR1001-X on ROMMON 15.4(3r)S5, a target asking 16.9(1r)
	 * (and more DRAM, and a path through 16.12.5): refused, naming each */
	{ "rommon-refused.txt", "plan --catalog release-facts.yaml --target "
	  "asr1001x-universalk9.17.09.04a.SPA.bin traps/rommon-asr1001x.log", 1 },
	{ "rommon-refused.json", "plan --format json --catalog release-facts.yaml --target "
	  "asr1001x-universalk9.17.09.04a.SPA.bin traps/rommon-asr1001x.log", 1 },
	/* issue 22, the plan: the same ASR1001-X with the ROMMON package
	 * catalogued (samples/rommon-plan.yaml): the ROMMON upgraded before
	 * the reload */
	{ "rommon-plan.txt", "plan --catalog rommon-plan.yaml --target "
	  "asr1001x-universalk9.16.12.04.SPA.bin traps/rommon-asr1001x.log", 0 },
	{ "rommon-plan.json", "plan --format json --catalog rommon-plan.yaml --target "
	  "asr1001x-universalk9.16.12.04.SPA.bin traps/rommon-asr1001x.log", 0 },
	{ "no-space-refused.json", "plan --format json " NOSPACE_R_TARGET " traps/no-space-router.log", 1 },
	{ "no-space-delete-running.txt",
	  "plan --allow-delete-running " NOSPACE_R_TARGET " traps/no-space-router.log", 0 },
	{ "scp-router.txt", "plan --transfer scp --reload-in 10 " R1_TARGET " netstuts-r1.log", 0 },
	{ "scp-router.yml", "plan --format ansible --transfer scp " R1_TARGET " netstuts-r1.log", 0 },
	/* issue 21: a standby RP checked after the save; --issu refused in
	 * bundle mode */
	{ "asr1006-dual-rp.txt", "plan " ASR_TARGET " asr1006-dual-rp.log", 0 },
	{ "asr1006-dual-rp.json", "plan --format json " ASR_TARGET " asr1006-dual-rp.log", 0 },
	{ "asr1006-issu-refused.txt", "plan --issu " ASR_TARGET " asr1006-dual-rp.log", 1 },
	/* issue 21 pt 2: an eligible --issu plan states the rollback timer and
	 * the support-window assumption */
	{ "asr1006-issu.txt", "plan --issu " ASR_ISSU_TARGET " ../tests/captures/asr1006-install-issu.log", 0 },
	{ "asr1006-issu.json", "plan --format json --issu " ASR_ISSU_TARGET
	  " ../tests/captures/asr1006-install-issu.log", 0 },
	/* issue 20 point 9: already on the target */
	{ "on-target-nothing.txt", "plan " R1_RUNNING " netstuts-r1.log", 0 },
	{ "on-target-nothing.md", "plan --format markdown " R1_RUNNING " netstuts-r1.log", 0 },
	{ "on-target-nothing.json", "plan --format json " R1_RUNNING " netstuts-r1.log", 0 },
	{ "on-target-nothing.yml", "plan --format ansible " R1_RUNNING " netstuts-r1.log", 0 },
	{ "on-target-remediation.txt", "plan " ALPHA_RUNNING " traps/alphabetical.log", 0 },
	{ "on-target-remediation.json", "plan --format json " ALPHA_RUNNING " traps/alphabetical.log", 0 },
	{ "on-target-remediation.yml", "plan --format ansible " ALPHA_RUNNING " traps/alphabetical.log", 0 },
	/* issue 20 point 19: --vrf (the copy's vrf keyword; a source interface) */
	{ "vrf-c9300.txt", "plan --vrf Mgmt-vrf " C9300_TARGET " ../tests/captures/c9300-mgmt-vrf.log", 0 },
	{ "vrf-c9300.yml", "plan --format ansible --vrf Mgmt-vrf " C9300_TARGET
	  " ../tests/captures/c9300-mgmt-vrf.log", 0 },
	{ "vrf-isr4321.txt", "plan --vrf Mgmt-intf " R1_TARGET " ../tests/captures/isr4321-mgmt-intf.log", 0 },
	{ "vrf-isr4321.json", "plan --format json --vrf Mgmt-intf " R1_TARGET
	  " ../tests/captures/isr4321-mgmt-intf.log", 0 },
};

static void golden_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "cannot write %s", path);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/* The first line where a and b differ, for the failure message. */
static int first_diff(const char *a, const char *b, const char **la, const char **lb)
{
	int line = 1;
	const char *sa = a, *sb = b;
	for (; *a && *a == *b; a++, b++)
		if (*a == '\n') {
			line++;
			sa = a + 1;
			sb = b + 1;
		}
	*la = sa;
	*lb = sb;
	return line;
}

IP_TABLE_PARAMS(plan_golden, outputs, golden_cases)

ParameterizedTest(size_t *row, plan_golden, outputs, .init = setup, .fini = teardown)
{
	const golden_case *c = &golden_cases[*row];
	char path[1024];
	snprintf(path, sizeof(path), "%s/tests/golden/plan/%s", IOSPLAN_SOURCE_ROOT, c->file);
	result r = run(c->args);
	cr_assert_eq(r.status, c->status, "%s: exit %d\n%s%s", c->file, r.status, r.out, r.err);
	const char *regen = getenv("IOSPLAN_REGEN_GOLDEN");
	if (regen && !strcmp(regen, "1")) {
		golden_write(path, r.out);
		cr_log_info("rewrote %s", path);
	} else {
		char *want = test_read_file(path, NULL);
		cr_assert_not_null(want, "no golden file %s (IOSPLAN_REGEN_GOLDEN=1 writes it)", path);
		const char *la, *lb;
		int line = first_diff(r.out, want, &la, &lb);
		cr_assert_str_eq(r.out, want, "%s differs at line %d:\n got: %.120s\nwant: %.120s",
				 c->file, line, la, lb);
		free(want);
	}
	result_free(&r);
}

/* --- names are never cut ---------------------------------------------------- */

/* A `!` comment line of the text plan is wrapped at ~78 columns, but a name
 * longer than what is left of the line is printed whole on a line of its
 * own: a person copies it. Each row: a wrapped line that must come out in
 * one piece, and the piece a cut used to leave at the end of a line. */
static const struct {
	const char *args, *whole, *cut;
} uncut[] = {
	{ "plan " X3750_TARGET " stack-3750x-tar.log",
	  "\n!   next boot as captured: flash:c3750e-universalk9-mz.152-4.E8/"
	  "c3750e-universalk9-mz.152-4.E8.bin\n",
	  "c3750e-univers\n" },
	{ "plan " X3750_TARGET " stack-3750x-tar.log",
	  "\n!     after the plan:      flash:c3750e-universalk9-mz.152-4.E10/"
	  "c3750e-universalk9-mz.152-4.E10.bin\n",
	  "c3750e-univer\n" },
	{ "plan " NOSPACE_SW_TARGET " traps/no-space.log",
	  "\n! flash:c2960-lanbasek9-mz.150-2.SE11.bin;flash:c2960-lanbasek9-mz.122-55.SE12.bin,\n",
	  "mz.122-55.SE12\n" },
};

Test(plan_text, long_names_are_not_cut, .init = setup, .fini = teardown)
{
	for (size_t i = 0; i < sizeof(uncut) / sizeof(uncut[0]); i++) {
		result r = run(uncut[i].args);
		cr_expect_eq(r.status, 0, "%s: exit %d\n%s", uncut[i].args, r.status, r.err);
		cr_expect(strstr(r.out, uncut[i].whole), "row %zu: no line '%s'\n%s", i, uncut[i].whole, r.out);
		cr_expect_null(strstr(r.out, uncut[i].cut), "row %zu: a name cut at '%s'", i, uncut[i].cut);
		result_free(&r);
	}
}

/* --- the seed's order of operations ---------------------------------------- */

/* The commands of a text plan: every line that is neither a comment nor
 * an empty answer line. */
static size_t commands_of(char *text, const char **v, size_t max)
{
	size_t n = 0;
	for (char *line = strtok(text, "\n"); line && n < max; line = strtok(NULL, "\n"))
		if (line[0] != '!' && line[0])
			v[n++] = line;
	return n;
}

static void assert_commands(const char *args, const char *const *want, size_t n_want)
{
	result r = run(args);
	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	const char *got[200];
	size_t n = commands_of(r.out, got, 200);
	for (size_t i = 0; i < n && i < n_want; i++)
		cr_assert_str_eq(got[i], want[i], "command %zu", i + 1);
	cr_assert_eq(n, n_want, "%zu commands, the seed's order has %zu", n, n_want);
	result_free(&r);
}

#define OLD_R "bootflash:isr4300-universalk9.16.09.06.SPA.bin"
#define NEW_R "bootflash:isr4300-universalk9.16.12.04.SPA.bin"

/* Seed sections 3-7 and the section 9 checklist, for the router. */
Test(plan_seed, router_order, .init = setup, .fini = teardown)
{
	static const char *const want[] = {
		/* 3. pre-checks: version, flash, TFTP reachability, backup, register */
		"show version", "show bootflash:", "ping 192.168.1.100",
		"copy running-config tftp://192.168.1.100/NetsTuts_R1-pre-upgrade.cfg",
		/* a 520 MB image over TFTP: 8192-byte blocks (issue 20, point 15) */
		"show running-config | include ip tftp blocksize",
		"show version | include register",
		/* 4. copy */
		"configure terminal", "ip tftp blocksize 8192", "end",
		"copy tftp://192.168.1.100/isr4300-universalk9.16.12.04.SPA.bin bootflash:",
		/* 4./5. size, MD5 */
		"dir " NEW_R, "verify /md5 " NEW_R " a3f8c12d9e4b72f1c8d5a0e3b6f91234",
		/* 6. remove old, add new, add old as fallback, verify */
		"configure terminal", "no boot system " OLD_R, "boot system " NEW_R,
		"boot system " OLD_R, "end", "show running-config | include boot system",
		/* save, confirm in startup-config */
		"copy running-config startup-config", "show startup-config | include boot system",
		/* 7. reload with a window to abort */
		"reload in 5",
		/* post-upgrade verification 1-6 */
		"show version | include Version", "show version | include System image",
		"show running-config | include boot system", "show version | include register",
		"show ip interface brief", "show ip ospf neighbor",
		/* 7. step 7: remove the fallback, save, delete the old image */
		"configure terminal", "no ip tftp blocksize", "end",
		"configure terminal", "no boot system " OLD_R, "end",
		"copy running-config startup-config", "show startup-config | include boot system",
		"delete /force " OLD_R,
		/* rollback */
		"configure terminal", "no boot system " NEW_R, "end",
		"copy running-config startup-config", "show startup-config | include boot system",
		"reload in 5",
	};
	assert_commands("plan " R1_TARGET " netstuts-r1.log", want, sizeof(want) / sizeof(want[0]));
}

#define OLD_S "flash:c2960-lanbasek9-mz.152-7.E6.bin"
#define NEW_S "flash:c2960-lanbasek9-mz.152-7.E9.bin"

/* The seed's Catalyst procedure. Its two `boot system` lines are one
 * path-list on a classic Catalyst (a second statement replaces the
 * first): same order, new image first, old one second. */
Test(plan_seed, switch_order, .init = setup, .fini = teardown)
{
	static const char *const want[] = {
		"show version", "show flash:", "show boot", "ping 192.168.1.100",
		"copy running-config tftp://192.168.1.100/NetsTuts_SW1-pre-upgrade.cfg",
		"copy tftp://192.168.1.100/c2960-lanbasek9-mz.152-7.E9.bin flash:",
		"dir " NEW_S, "verify /md5 " NEW_S " 7b4e91a2f3c8d5e0a1b6c9d2e4f70123",
		"configure terminal", "no boot system " OLD_S, "boot system " NEW_S ";" OLD_S, "end",
		"show running-config | include boot system",
		"copy running-config startup-config", "show startup-config | include boot system",
		"show boot",
		"reload in 5",
		"show version | include Version", "show version | include System image",
		"show running-config | include boot system", "show boot",
		"show interfaces status", "show cdp neighbors",
		"configure terminal", "no boot system", "boot system " NEW_S, "end",
		"copy running-config startup-config", "show startup-config | include boot system",
		"delete /force " OLD_S,
		"configure terminal", "no boot system", "boot system " OLD_S, "end",
		"copy running-config startup-config", "show startup-config | include boot system",
		"reload in 5",
	};
	assert_commands("plan " SW1_TARGET " netstuts-sw1.log", want, sizeof(want) / sizeof(want[0]));
}

/* --- what the plan repairs, what refuses it --------------------------------- */

typedef struct scenario {
	const char *name;
	const char *sample;  /* under samples/ */
	const char *replace; /* "old\nnew": edit the capture first, or NULL */
	const char *target;
	unsigned long long size; /* 0: unknown */
	const char *md5, *sha512;
	bool allow_delete_running;
	bool refused;
	const char *rule;    /* a finding of this rule ... */
	ip_plan_role role;   /* ... with this role */
	const char *text;    /* in a reason (refused) or a command (planned) */
	const char *warning; /* in a warning, or NULL */
} scenario;

#define MD5A "0123456789abcdef0123456789abcdef"

static const scenario scenarios[] = {
	{ "the seed's router", "netstuts-r1.log", NULL, "isr4300-universalk9.16.12.04.SPA.bin",
	  521347072, MD5A, NULL, false, false, "tftp-transfer", IP_ROLE_RESOLVED,
	  "verify /md5 bootflash:isr4300-universalk9.16.12.04.SPA.bin " MD5A, NULL },
	{ "sha512 only", "netstuts-r1.log", NULL, "isr4300-universalk9.16.12.04.SPA.bin", 521347072,
	  NULL, "7b4e91a2f3c8d5e0a1b6c9d2e4f701237b4e91a2f3c8d5e0a1b6c9d2e4f701237b4e91a2f3c8d5e0a1b6c9d2e4f701237b4e91a2f3c8d5e0a1b6c9d2e4f70123",
	  false, false, NULL, 0, "verify /sha512 bootflash:isr4300-universalk9.16.12.04.SPA.bin", NULL },
	{ "falls back to the first image", "traps/alphabetical.log", NULL,
	  "isr4300-universalk9.17.03.08a.SPA.bin", 600000000, MD5A, NULL, false, false,
	  "alphabetical-boot", IP_ROLE_RESOLVED,
	  "boot system bootflash:isr4300-universalk9.16.12.04.SPA.bin", NULL },
	{ "unsaved boot statements", "traps/unsaved-boot.log", NULL,
	  "isr4300-universalk9.16.12.04.SPA.bin", 559482880, MD5A, NULL, false, false, "unsaved-boot",
	  IP_ROLE_RESOLVED, "no boot system bootflash:isr4300-universalk9.16.12.04.SPA.bin", NULL },
	{ "boot statement to a missing file", "traps/missing-boot-file.log", NULL,
	  "c2900-universalk9-mz.SPA.157-3.M8.bin", 110000000, MD5A, NULL, false, false,
	  "boot-missing-file", IP_ROLE_RESOLVED,
	  "no boot system flash0:c2900-universalk9-mz.SPA.157-3.M8.bin", NULL },
	/* issue 20 point 7: a network entry tried first is repaired by the new
	 * list, which removes it by its exact text */
	{ "network boot first, router", "traps/network-boot.log", NULL,
	  "c2900-universalk9-mz.SPA.157-3.M8.bin", 108261376, MD5A, NULL, false, false,
	  "network-boot", IP_ROLE_RESOLVED,
	  "no boot system tftp c2900-universalk9-mz.SPA.157-3.M8.bin 10.10.20.5", NULL },
	{ "network boot first, classic switch BOOT path-list", "netstuts-sw1.log",
	  "BOOT path-list      : flash:c2960-lanbasek9-mz.152-7.E6.bin\nBOOT path-list      : "
	  "tftp://10.1.0.41/c2960-lanbasek9-mz.152-7.E9.bin;flash:c2960-lanbasek9-mz.152-7.E6.bin",
	  "c2960-lanbasek9-mz.152-7.E9.bin", 12648448, MD5A, NULL, false, false, "network-boot",
	  IP_ROLE_RESOLVED,
	  "boot system flash:c2960-lanbasek9-mz.152-7.E9.bin;flash:c2960-lanbasek9-mz.152-7.E6.bin", NULL },
	/* issue 20 point 20: BOOT set with no boot system line in the
	 * running-config; the plan writes the statement before it saves */
	{ "save would clear BOOT: Cat9300 install mode", "c9300-install.log",
	  "boot system switch all flash:packages.conf\n\n", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572,
	  MD5A, NULL, false, false, "unsaved-boot", IP_ROLE_RESOLVED,
	  "boot system flash:packages.conf", NULL },
	{ "boot entry on a filesystem the switch lacks", "traps/wrong-fs-prefix.log", NULL,
	  "c2960-lanbasek9-mz.152-7.E9.bin", 12648448, MD5A, NULL, false, false, "fs-prefix",
	  IP_ROLE_RESOLVED, "no boot system bootflash:c2960-lanbasek9-mz.152-7.E9.bin", NULL },
	{ "target on a filesystem the switch lacks", "traps/wrong-fs-prefix.log", NULL,
	  "bootflash:c2960-lanbasek9-mz.152-7.E9.bin", 12648448, MD5A, NULL, false, true, "fs-prefix",
	  IP_ROLE_BLOCKS, NULL, NULL },
	{ "image for another platform", "netstuts-r1.log", NULL, "c2960-lanbasek9-mz.152-7.E9.bin",
	  12582912, MD5A, NULL, false, true, "image-platform", IP_ROLE_BLOCKS, NULL, NULL },
	{ "register ignores the startup-config now", "traps/register-2142.log", NULL,
	  "c1900-universalk9-mz.SPA.157-3.M8.bin", 93829120, MD5A, NULL, false, true,
	  "config-register", IP_ROLE_BLOCKS, NULL, NULL },
	{ "register will stop in ROMMON", "netstuts-r1.log",
	  "Configuration register is 0x2102\nConfiguration register is 0x2102 (will be 0x2100 at next reload)",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072, MD5A, NULL, false, false,
	  "config-register", IP_ROLE_RESOLVED, "config-register 0x2102", NULL },
	/* the register repair keeps the console speed (issue 20 point 6) */
	{ "register 0x2121: boot field only, 19200 baud kept", "netstuts-r1.log",
	  "Configuration register is 0x2102\nConfiguration register is 0x2121",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072, MD5A, NULL, false, false,
	  "config-register", IP_ROLE_RESOLVED, "config-register 0x2122", NULL },
	{ "register will be 0x2120: boot field only", "netstuts-r1.log",
	  "Configuration register is 0x2102\nConfiguration register is 0x2122 (will be 0x2120 at next reload)",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072, MD5A, NULL, false, false,
	  "config-register", IP_ROLE_RESOLVED, "config-register 0x2122", NULL },
	{ "2921 at 4800 baud, boot field 0: 0x2902", "traps/missing-boot-file.log",
	  "Configuration register is 0x2102\nConfiguration register is 0x2900",
	  "c2900-universalk9-mz.SPA.157-3.M8.bin", 110000000, MD5A, NULL, false, false,
	  "config-register", IP_ROLE_RESOLVED, "config-register 0x2902", NULL },
	{ "manual boot on a Cat9k", "c9300-install.log", "Manual Boot = no\nManual Boot = yes",
	  "cat9k_iosxe.17.12.04.SPA.bin", 1325314572, MD5A, NULL, false, false, "config-register",
	  IP_ROLE_RESOLVED, "no boot manual", NULL },
	{ "no reference hash", "netstuts-r1.log", NULL, "isr4300-universalk9.16.12.04.SPA.bin",
	  521347072, NULL, NULL, false, true, NULL, 0, "no reference hash", NULL },
	{ "malformed hash", "netstuts-r1.log", NULL, "isr4300-universalk9.16.12.04.SPA.bin",
	  521347072, "a3f8c12d", NULL, false, true, "image-integrity", IP_ROLE_BLOCKS, NULL, NULL },
	{ "no size", "netstuts-r1.log", NULL, "isr4300-universalk9.16.12.04.SPA.bin", 0, MD5A, NULL,
	  false, true, NULL, 0, "size of isr4300-universalk9.16.12.04.SPA.bin is unknown", NULL },
	{ "a tar on a classic Catalyst", "netstuts-sw1.log", NULL, "c2960-lanbasek9-tar.152-7.E9.tar",
	  20000000, MD5A, NULL, false, false, NULL, 0,
	  "archive download-sw /leave-old-sw flash:c2960-lanbasek9-tar.152-7.E9.tar", NULL },
	{ "a tar verified on flash before it is unpacked", "netstuts-sw1.log", NULL,
	  "c2960-lanbasek9-tar.152-7.E9.tar", 20000000, MD5A, NULL, false, false, NULL, 0,
	  "verify /md5 flash:c2960-lanbasek9-tar.152-7.E9.tar " MD5A, NULL },
	{ "a tar from the server when flash has no room for it", "stack-3750x-tar.log", NULL,
	  "c3750e-universalk9-tar.152-4.E10.tar", 23900160, MD5A, NULL, false, false, NULL, 0,
	  "archive download-sw /leave-old-sw tftp://<server>/c3750e-universalk9-tar.152-4.E10.tar",
	  NULL },
	{ "a tar on a router", "netstuts-r1.log", NULL, "c2960-lanbasek9-tar.152-7.E9.tar", 20000000,
	  MD5A, NULL, false, true, NULL, 0, "only classic Catalyst switches", NULL },
	{ "a tar without -tar. in its name", "netstuts-sw1.log", NULL, "c2960-lanbasek9.152-7.E9.tar",
	  20000000, MD5A, NULL, false, true, NULL, 0, "image directory cannot be told", NULL },
	{ "a tar with no room beside the old image", "stack-3750x-tar.log",
	  "57931776 bytes total (33479168 bytes free)\n57931776 bytes total (13479168 bytes free)",
	  "c3750e-universalk9-tar.152-4.E10.tar", 23900160, MD5A, NULL, false, true, "flash-space",
	  IP_ROLE_BLOCKS, NULL, NULL },
	{ "stack: member 2's flash not captured", "stack-active-only.log", NULL,
	  "cat3k_caa-universalk9.16.12.10a.SPA.bin", 496214016, MD5A, NULL, false, true, NULL, 0,
	  "capture `dir flash-2:`", NULL },
	{ "stack: member 3 in V-Mismatch", "stack-vmismatch.log", NULL,
	  "cat9k_iosxe.17.12.04.SPA.bin", 1396867236, MD5A, NULL, false, true, "stack-mismatch",
	  IP_ROLE_BLOCKS, NULL, NULL },
	{ "stack: two members marked active", "stack-2960x-bundle.log",
	  "     2 52    WS-C2960X-48FPD-L\n*    2 52    WS-C2960X-48FPD-L",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, MD5A, NULL, false, true, NULL, 0,
	  "one no stack prints", NULL },
	{ "stack: room made on member 2 only", "stack-no-space-member2.log", NULL,
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, MD5A, NULL, false, false, NULL, 0,
	  "delete /force flash2:c2960x-universalk9-mz.152-6.E2.bin", NULL },
	{ "stack: each member verified on its own flash", "stack-2960x-bundle.log", NULL,
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, MD5A, NULL, false, false, NULL, 0,
	  "verify /md5 flash2:c2960x-universalk9-mz.152-7.E9.bin " MD5A, NULL },
	{ "the running image itself: nothing to do", "netstuts-r1.log", NULL,
	  "isr4300-universalk9.16.09.06.SPA.bin", 521347072, MD5A, NULL, false, false, NULL, 0,
	  NULL, NULL },
	/* the running file under the target's name but of another size is no
	 * partial copy to replace (point 10), and not the target (point 9) */
	{ "the running image's name, another size: refused", "netstuts-r1.log", NULL,
	  "isr4300-universalk9.16.09.06.SPA.bin", 521347073, MD5A, NULL, false, true, NULL, 0,
	  "has the target's name but not its size", NULL },
	{ "no room, deletable image", "traps/no-space.log", NULL, "c2960-lanbasek9-mz.150-2.SE11.bin",
	  12582912, MD5A, NULL, false, false, "flash-space", IP_ROLE_RESOLVED,
	  "delete /force flash:c2960-lanbasek9-mz.122-50.SE5.bin", NULL },
	{ "no room, only the running image", "traps/no-space-router.log", NULL,
	  "c1900-universalk9-mz.SPA.157-3.M8.bin", 93829120, MD5A, NULL, false, true, "flash-space",
	  IP_ROLE_BLOCKS, NULL, NULL },
	{ "no room, running image deleted", "traps/no-space-router.log", NULL,
	  "c1900-universalk9-mz.SPA.157-3.M8.bin", 93829120, MD5A, NULL, true, false, "flash-space",
	  IP_ROLE_RESOLVED, "boot system tftp c1900-universalk9-mz.SPA.154-3.M10.bin <server>",
	  "--allow-delete-running" },
	{ "no room on a classic switch even with the flag", "traps/no-space.log", NULL,
	  "c2960-lanbasek9-mz.150-2.SE11.bin", 30000000, MD5A, NULL, true, true, "flash-space",
	  IP_ROLE_BLOCKS, NULL, NULL },
	{ "running image inside a directory not listed", "dirty-2960x.log", NULL,
	  "c2960x-universalk9-mz.152-7.E10.bin", 26000000, MD5A, NULL, false, false, NULL, 0,
	  "dir flash:c2960x-universalk9-mz.152-7.E8/", "is not in the captured listing" },
	{ "install mode with the old bundle on flash", "c9300-install.log", NULL,
	  "cat9k_iosxe.17.12.04.SPA.bin", 1325314572, MD5A, NULL, false, false, "install-mode",
	  IP_ROLE_RESOLVED, "install add file flash:cat9k_iosxe.17.12.04.SPA.bin activate commit "
	  "prompt-level none", "install mode keeps no second boot entry" },
	/* issue 20, point 3: install mode makes room with install remove inactive */
	{ "stack: room made on the active member", "stack-3850.log", NULL,
	  "cat3k_caa-universalk9.16.12.12.SPA.bin", 491470848, MD5A, NULL, false, false, "flash-space",
	  IP_ROLE_RESOLVED, "install remove inactive", NULL },
	{ "stack: a member without room for the packages", "stack-3850.log",
	  "1598627840 bytes total (1058508800 bytes free)\n1598627840 bytes total (105850880 bytes free)",
	  "cat3k_caa-universalk9.16.12.12.SPA.bin", 491470848, MD5A, NULL, false, true, "flash-space",
	  IP_ROLE_BLOCKS, NULL, NULL },
};

static ip_device_set *scenario_load(const scenario *c)
{
	if (!c->replace)
		return test_load_samples(c->sample, NULL);
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", test_samples_dir(), c->sample);
	char *text = test_read_file(path, NULL);
	cr_assert_not_null(text);
	const char *nl = strchr(c->replace, '\n');
	size_t olen = (size_t)(nl - c->replace);
	char old[256];
	snprintf(old, sizeof(old), "%.*s", (int)olen, c->replace);
	char *hit = strstr(text, old);
	cr_assert_not_null(hit, "%s: the capture has no '%s'", c->name, old);
	size_t n = strlen(text) + strlen(nl + 1) + 1;
	char *edited = malloc(n);
	snprintf(edited, n, "%.*s%s%s", (int)(hit - text), text, nl + 1, hit + olen);
	ip_device_set *set = test_load_text(c->sample, edited);
	free(edited);
	free(text);
	return set;
}

static void scenario_check(const scenario *c, const ip_plan *p)
{
	cr_assert_eq(p->refused, c->refused, "%s: %s (%zu reasons, first: %s)", c->name,
		     p->refused ? "refused" : "planned", p->n_reasons,
		     p->n_reasons ? p->reasons[0] : "-");
	if (c->rule) {
		bool found = false;
		for (size_t i = 0; i < p->n_findings; i++)
			found |= !strcmp(p->findings[i].finding->rule_id, c->rule) &&
				 p->findings[i].role == c->role;
		cr_assert(found, "%s: no %s finding that %s", c->name, c->rule,
			  ip_plan_role_name(c->role));
	}
	if (c->text && c->refused)
		cr_assert(texts_have(p->reasons, p->n_reasons, c->text), "%s: no reason with '%s'",
			  c->name, c->text);
	if (c->text && !c->refused)
		cr_assert(plan_has_command(p, c->text), "%s: no command '%s'", c->name, c->text);
	if (c->warning)
		cr_assert(texts_have(p->warnings, p->n_warnings, c->warning), "%s: no warning with '%s'",
			  c->name, c->warning);
	if (!c->refused)
		cr_assert(p->proof.proven && p->proof.next.target, "%s: not proven", c->name);
}

IP_TABLE_PARAMS(plan_scenarios, cases, scenarios)

ParameterizedTest(size_t *row, plan_scenarios, cases)
{
	const scenario *c = &scenarios[*row];
	ip_device_set *set = scenario_load(c);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->name, set->n);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = c->size != 0;
	t->size.v = c->size;
	t->md5 = c->md5;
	t->sha512 = c->sha512;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.allow_delete_running = c->allow_delete_running;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	scenario_check(c, &p);
	ip_device_set_free(set);
}

/* --- already on the target (issue 20 point 9) ----------------------------------- */

/* A device that runs the target: compliant when it boots it next (no steps,
 * not refused, so exit 0), else a remediation of its boot list: boot
 * statements and a save, never a copy or a reload. Variants: ISR4321 16.9,
 * ISR4331 16.9, 1941 and 2921 15.4, 2960 12.2(55)SE and 15.2(7)E6, a 2960-X
 * stack; a boot statement, a BOOT path-list, the first-image search, an
 * unsaved list, a missing file, a wrong prefix. */
typedef enum on_target_want { OT_NOTHING, OT_REMEDIATION } on_target_want;

typedef struct on_target_case {
	const char *name, *sample, *target;
	unsigned long long size;
	on_target_want want;
	const char *command; /* remediation: a command it must have */
} on_target_case;

static const on_target_case on_target_cases[] = {
	{ "ISR4321 16.9, boot system names it", "netstuts-r1.log",
	  "isr4300-universalk9.16.09.06.SPA.bin", 521347072, OT_NOTHING, NULL },
	{ "2960 15.2(7)E6, BOOT path-list names it", "netstuts-sw1.log",
	  "c2960-lanbasek9-mz.152-7.E6.bin", 12582912, OT_NOTHING, NULL },
	{ "2960 12.2(55)SE12 on a full flash", "traps/no-space.log",
	  "c2960-lanbasek9-mz.122-55.SE12.bin", 11832320, OT_NOTHING, NULL },
	{ "1941 15.4 on flash0:", "traps/no-space-router.log",
	  "c1900-universalk9-mz.SPA.154-3.M10.bin", 84118528, OT_NOTHING, NULL },
	{ "2960-X stack, every member boots it", "stack-2960x-bundle.log",
	  "c2960x-universalk9-mz.152-7.E8.bin", 26597888, OT_NOTHING, NULL },
	{ "ISR4321: the first-image search would boot 16.9", "traps/alphabetical.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 559482880, OT_REMEDIATION,
	  "boot system bootflash:isr4300-universalk9.16.12.04.SPA.bin" },
	{ "2921 15.4: the boot statement names a missing file", "traps/missing-boot-file.log",
	  "c2900-universalk9-mz.SPA.154-3.M10.bin", 106640948, OT_REMEDIATION,
	  "boot system flash0:c2900-universalk9-mz.SPA.154-3.M10.bin" },
	{ "ISR4331: an unsaved boot list would change it", "traps/unsaved-boot.log",
	  "isr4300-universalk9.16.09.06.SPA.bin", 521347072, OT_REMEDIATION,
	  "copy running-config startup-config" },
	{ "2960: the boot statement names bootflash:", "traps/wrong-fs-prefix.log",
	  "c2960-lanbasek9-mz.152-7.E6.bin", 12582912, OT_REMEDIATION,
	  "boot system flash:c2960-lanbasek9-mz.152-7.E6.bin" },
};

IP_TABLE_PARAMS(plan_on_target, cases, on_target_cases)

ParameterizedTest(size_t *row, plan_on_target, cases)
{
	const on_target_case *c = &on_target_cases[*row];
	ip_device_set *set = test_load_samples(c->sample, NULL);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5A;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, NULL);
	cr_assert(!p.refused, "%s: refused (%s)", c->name, p.n_reasons ? p.reasons[0] : "-");
	cr_assert(p.proof.proven && p.proof.next.target, "%s: not proven", c->name);
	cr_assert_eq(p.nothing_to_do, c->want == OT_NOTHING, "%s: nothing to do %d", c->name,
		     p.nothing_to_do);
	cr_assert_eq(p.remediation, c->want == OT_REMEDIATION, "%s: remediation %d", c->name,
		     p.remediation);
	if (c->want == OT_NOTHING)
		cr_assert_eq(p.n_steps, 0, "%s: %zu steps", c->name, p.n_steps);
	if (c->command)
		cr_assert(plan_has_command(&p, c->command), "%s: no command '%s'", c->name, c->command);
	for (size_t i = 0; i < p.n_steps; i++)
		for (size_t j = 0; j < p.steps[i].n_effects; j++) {
			ip_effect_kind k = p.steps[i].effects[j].kind;
			cr_assert(k != IP_EFFECT_COPY && k != IP_EFFECT_RELOAD && k != IP_EFFECT_DELETE &&
				  k != IP_EFFECT_INSTALL, "%s: a %s", c->name, ip_effect_kind_name(k));
		}
	ip_device_set_free(set);
}

/* --- the register lines the plan expects -------------------------------------- */

/* What show version prints about the register at each check (issue 20
 * point 6): after `config-register V` the "(will be V at next reload)"
 * part only when V differs from the value running now; after the reload
 * the value the reload applied, which for "0x0 (will be 0x2102 at next
 * reload)" is 0x2102, not 0x0. */
typedef struct register_expect {
	const char *name;
	const char *sample, *replace, *target;
	unsigned long long size;
	ip_plan_phase phase;
	const char *expect; /* an expect line of that phase, whole */
	const char *never;  /* no expect line of that phase contains it, or NULL */
} register_expect;

#define R1_T "isr4300-universalk9.16.12.04.SPA.bin", 521347072
#define G2_T "c2900-universalk9-mz.SPA.157-3.M8.bin", 110000000
#define R1_REG(v) "netstuts-r1.log", "Configuration register is 0x2102\nConfiguration register is " v, R1_T
#define G2_REG(v) "traps/missing-boot-file.log", "Configuration register is 0x2102\nConfiguration register is " v, G2_T

static const register_expect register_expects[] = {
	{ "0x0 (will be 0x2102): the post-check expects 0x2102", R1_REG("0x0 (will be 0x2102 at next reload)"),
	  IP_PHASE_POSTCHECK, "Configuration register is 0x2102", "0x0" },
	{ "0x0 (will be 0x2102): the pre-check quotes 0x0", R1_REG("0x0 (will be 0x2102 at next reload)"),
	  IP_PHASE_PRECHECK, "Configuration register is 0x0", NULL },
	{ "0x2121: the boot check expects the pending 0x2122", R1_REG("0x2121"), IP_PHASE_BOOT,
	  "Configuration register is 0x2121 (will be 0x2122 at next reload)", NULL },
	{ "0x2121: the post-check expects 0x2122", R1_REG("0x2121"), IP_PHASE_POSTCHECK,
	  "Configuration register is 0x2122", "0x2102" },
	{ "0x2102 (will be 0x2100): no 'will be' once set back", R1_REG("0x2102 (will be 0x2100 at next reload)"),
	  IP_PHASE_BOOT, "Configuration register is 0x2102", "will be" },
	{ "2921 0x2900: the boot check expects 0x2902 pending", G2_REG("0x2900"), IP_PHASE_BOOT,
	  "Configuration register is 0x2900 (will be 0x2902 at next reload)", NULL },
	{ "2921 0x2900: the post-check expects 0x2902", G2_REG("0x2900"), IP_PHASE_POSTCHECK,
	  "Configuration register is 0x2902", NULL },
	{ "2921 0x2101 (will be 0x2102): the post-check expects 0x2102",
	  G2_REG("0x2101 (will be 0x2102 at next reload)"), IP_PHASE_POSTCHECK,
	  "Configuration register is 0x2102", "0x2101" },
};

static bool phase_expects(const ip_plan *p, ip_plan_phase ph, const char *s, bool whole)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; p->steps[i].phase == ph && j < p->steps[i].n_expect; j++)
			if (whole ? !strcmp(p->steps[i].expect[j], s) : !!strstr(p->steps[i].expect[j], s))
				return true;
	return false;
}

IP_TABLE_PARAMS(plan_register, expects, register_expects)

ParameterizedTest(size_t *row, plan_register, expects)
{
	const register_expect *c = &register_expects[*row];
	scenario sc = { .name = c->name, .sample = c->sample, .replace = c->replace };
	ip_device_set *set = scenario_load(&sc);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5A;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, NULL);
	cr_assert(!p.refused && p.proof.proven, "%s: refused (%s)", c->name,
		  p.n_reasons ? p.reasons[0] : "-");
	cr_assert(phase_expects(&p, c->phase, c->expect, true), "%s: no %s expect line '%s'",
		  c->name, ip_plan_phase_id(c->phase), c->expect);
	if (c->never)
		cr_assert(!phase_expects(&p, c->phase, c->never, false),
			  "%s: a %s expect line has '%s'", c->name, ip_plan_phase_id(c->phase), c->never);
	ip_device_set_free(set);
}

/* Issue 20 point 20: with BOOT set and no boot system line, the save step
 * says why the statements come first; with the line there it does not. */
static const char *save_why(const char *replace)
{
	scenario c = { .name = "save why", .sample = "c9300-install.log", .replace = replace };
	ip_device_set *set = scenario_load(&c);
	ip_target *t = ip_target_from_name(set->arena, "cat9k_iosxe.17.12.04.SPA.bin", "t");
	t->size.known = true;
	t->size.v = 1325314572;
	t->md5 = MD5A;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, NULL);
	cr_assert(!p.refused && p.proof.proven, "planned and proven");
	static char why[1024];
	why[0] = 0;
	bool boot_seen = false;
	for (size_t i = 0; i < p.n_steps; i++) {
		boot_seen |= p.steps[i].phase == IP_PHASE_BOOT;
		if (p.steps[i].phase == IP_PHASE_SAVE && p.steps[i].n_effects &&
		    p.steps[i].effects[0].kind == IP_EFFECT_SAVE) {
			cr_assert(boot_seen || !replace, "the boot statements come before the save");
			snprintf(why, sizeof(why), "%s", p.steps[i].why);
			break;
		}
	}
	ip_device_set_free(set);
	return why;
}

Test(plan_save, boot_statements_before_a_save_that_rewrites_boot)
{
	cr_assert(strstr(save_why("boot system switch all flash:packages.conf\n\n"), "FN63641"));
	cr_assert_null(strstr(save_why(NULL), "FN63641"));
}

/* --- a filtered capture is only as complete as its filter ------------------- */

/* The router's config captures, retyped with another filter. A filter that
 * could hide `boot system tftp ...` (shown: only the flash: line) leaves the
 * boot list unknown, so the plan must not edit it entry by entry (removing
 * what it saw and appending after what it did not): it clears the whole list
 * with a bare `no boot system` and writes it anew. */
static const struct {
	const char *filter;
	bool hides;
} filter_plans[] = {
	{ "include boot", false },   { "include boot system", false },
	{ "include ^boot", false },  { "i boot", false },
	{ "inc boot", false },       { "section boot", false },
	{ "begin boot", false },     { "include flash:", true },
	{ "include bootflash", true }, { "include Boot", true },
	{ "exclude boot", true },    { "include boot system bootflash", true },
};

static char *refilter(const char *text, const char *filter)
{
	const char *old = "-config | include boot\n";
	size_t n = strlen(text) * 2 + 1, o = 0;
	char *out = malloc(n);
	for (const char *p = text; *p;) {
		if (!strncmp(p, old, strlen(old))) {
			o += (size_t)snprintf(out + o, n - o, "-config | %s\n", filter);
			p += strlen(old);
		} else
			out[o++] = *p++;
	}
	out[o] = '\0';
	return out;
}

IP_TABLE_PARAMS(plan_filter, clears, filter_plans)

ParameterizedTest(size_t *row, plan_filter, clears)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/netstuts-r1.log", test_samples_dir());
	char *text = test_read_file(path, NULL);
	char *edited = refilter(text, filter_plans[*row].filter);
	char typed[64];
	snprintf(typed, sizeof(typed), "startup-config | %s\n", filter_plans[*row].filter);
	cr_assert_not_null(strstr(edited, typed));
	ip_device_set *set = test_load_text("refiltered.log", edited);
	ip_target *t = ip_target_from_name(set->arena, "isr4300-universalk9.16.12.04.SPA.bin",
					   "--target");
	t->size.known = true;
	t->size.v = 521347072;
	t->md5 = MD5A;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_assert(!p.refused, "%s: refused: %s", filter_plans[*row].filter,
		  p.n_reasons ? p.reasons[0] : "-");
	bool clears = false;
	for (size_t i = 0; i < p.n_steps; i++)
		for (size_t j = 0; j < p.steps[i].n_commands; j++)
			clears |= !strcmp(p.steps[i].commands[j], "no boot system");
	cr_assert_eq(clears, filter_plans[*row].hides, "'| %s': %s", filter_plans[*row].filter,
		     clears ? "cleared the list it could read" : "edited a list it cannot see whole");
	cr_assert_eq(set->v[0]->boot_startup.known, !filter_plans[*row].hides);
	ip_device_set_free(set);
	free(edited);
	free(text);
}

/* --- the proof catches a broken plan ------------------------------------------ */

typedef enum tamper_kind {
	T_NEUTRAL,      /* the effect does nothing */
	T_DELETE_RUNNING,
	T_HUGE_COPY,
	T_DELETE_TARGET,
	T_UNWARN,       /* the plan forgets to warn that it has no fallback */
	T_ACTIVE_ONLY,  /* the boot statements lose `switch all`: the active's only */
	T_REGISTER_BAUD, /* the step also sets the register to 0x2122: 19200 baud */
	T_NO_ADDS,      /* the old list is removed, nothing written before the save */
	T_RELOAD,       /* the effect becomes a reload */
} tamper_kind;

/* The plan a tamper starts from. */
enum { S_ROUTER, S_C9300, S_STACK, S_TAR, S_TWO_STEP, S_CONVERT };

static const struct {
	const char *sample, *target;
	unsigned long long size;
} tamper_plans[] = {
	[S_ROUTER] = { "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 521347072 },
	[S_C9300] = { "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
	[S_STACK] = { "stack-2960x-bundle.log", "c2960x-universalk9-mz.152-7.E9.bin", 26815488 },
	[S_TAR] = { "stack-3750x-tar.log", "c3750e-universalk9-tar.152-4.E10.tar", 23900160 },
	/* issue 21 pt 3: --install-steps two-step */
	[S_TWO_STEP] = { "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
	/* issue 21 pt 4: --convert-to-install */
	[S_CONVERT] = { "c9300-bundle.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
};

typedef struct tamper {
	const char *name;
	int install; /* S_ROUTER (false), S_C9300 (true), S_STACK, S_TAR */
	ip_plan_phase phase;
	ip_effect_kind kind;
	int nth;           /* 0-based among that phase's effects of that kind */
	tamper_kind what;
	const char *violation;
} tamper;

static const tamper tampers[] = {
	{ "the verify step is gone", false, IP_PHASE_VERIFY, IP_EFFECT_VERIFY, 0, T_NEUTRAL,
	  "before it is verified" },
	{ "no fallback and no warning", true, IP_PHASE_RELOAD, IP_EFFECT_INSTALL, 0, T_UNWARN,
	  "does not warn that it has no fallback" },
	{ "the installed image is not verified", true, IP_PHASE_VERIFY, IP_EFFECT_VERIFY, 0, T_NEUTRAL,
	  "install activates" },
	{ "the configuration is not saved", false, IP_PHASE_SAVE, IP_EFFECT_SAVE, 0, T_NEUTRAL,
	  "not the target" },
	{ "the old statement is not removed", false, IP_PHASE_BOOT, IP_EFFECT_BOOT_REMOVE, 0, T_NEUTRAL,
	  "not the target" },
	{ "the running image is deleted first", false, IP_PHASE_TRANSFER, IP_EFFECT_COPY, 0,
	  T_DELETE_RUNNING, "deletes the running image" },
	{ "the last bootable image is deleted", false, IP_PHASE_TRANSFER, IP_EFFECT_COPY, 0,
	  T_DELETE_RUNNING, "without a bootable image before the target is verified" },
	{ "the copy does not fit", false, IP_PHASE_TRANSFER, IP_EFFECT_COPY, 0, T_HUGE_COPY, "bytes free" },
	{ "the reload is gone", false, IP_PHASE_RELOAD, IP_EFFECT_RELOAD, 0, T_NEUTRAL, "never reloads" },
	{ "the rollback keeps the new image first", false, IP_PHASE_ROLLBACK, IP_EFFECT_BOOT_REMOVE, 0,
	  T_NEUTRAL, "the rollback reload boots" },
	{ "the clean-up deletes the new image", false, IP_PHASE_CLEANUP, IP_EFFECT_DELETE, 0,
	  T_DELETE_TARGET, "after the clean-up" },
	{ "stack: member 2's copy is not verified", S_STACK, IP_PHASE_VERIFY, IP_EFFECT_VERIFY, 0,
	  T_NEUTRAL, "before it is verified" },
	{ "stack: the boot statements reach the active only", S_STACK, IP_PHASE_BOOT,
	  IP_EFFECT_BOOT_ADD, 0, T_ACTIVE_ONLY, "stack member 2 boots" },
	{ "stack: the copy to member 2 is gone", S_STACK, IP_PHASE_TRANSFER, IP_EFFECT_COPY, 1,
	  T_NEUTRAL, "flash2:c2960x-universalk9-mz.152-7.E9.bin, which is not there" },
	/* issue 20 point 20: a save with no boot system line clears BOOT */
	{ "switch: saved with the boot list removed and none written", S_STACK, IP_PHASE_BOOT,
	  IP_EFFECT_BOOT_ADD, 0, T_NO_ADDS, "the save clears the BOOT variable" },
	{ "tar: member 3 is left out", S_TAR, IP_PHASE_TRANSFER, IP_EFFECT_COPY, 2, T_NEUTRAL,
	  "stack member 3 boots" },
	{ "a register change beyond the boot field (R8)", false, IP_PHASE_BOOT, IP_EFFECT_BOOT_ADD, 0,
	  T_REGISTER_BAUD, "changes more than the boot field of 0x2102 (bits 0x0020)" },
	/* issue 21 pt 3, R12: the uncommitted window */
	{ "two-step: the commit is gone", S_TWO_STEP, IP_PHASE_POSTCHECK, IP_EFFECT_INSTALL_COMMIT, 0,
	  T_NEUTRAL, "install commit is missing" },
	{ "two-step: a reload before the commit", S_TWO_STEP, IP_PHASE_POSTCHECK,
	  IP_EFFECT_INSTALL_COMMIT, 0, T_RELOAD, "reverts to the committed packages" },
	{ "two-step: activated before the add", S_TWO_STEP, IP_PHASE_RELOAD, IP_EFFECT_INSTALL_ADD, 0,
	  T_NEUTRAL, "install add is missing" },
	{ "conversion: the running .bin is not kept after packages.conf", S_CONVERT, IP_PHASE_BOOT,
	  IP_EFFECT_BOOT_ADD, 1, T_NEUTRAL, "does not warn that it has no fallback" },
	{ "conversion: the rollback keeps packages.conf first", S_CONVERT, IP_PHASE_ROLLBACK,
	  IP_EFFECT_BOOT_REMOVE, 0, T_NEUTRAL, "the rollback reload boots" },
	{ "two-step: activated unverified", S_TWO_STEP, IP_PHASE_VERIFY, IP_EFFECT_VERIFY, 0, T_NEUTRAL,
	  "install activates" },
};

/* Append `config-register v` to the step that holds e. */
static void add_register(ip_arena *a, ip_plan *p, const ip_plan_effect *e, uint32_t v)
{
	for (size_t i = 0; i < p->n_steps; i++) {
		ip_plan_step *st = &p->steps[i];
		if (e < st->effects || e >= st->effects + st->n_effects)
			continue;
		ip_plan_effect *n = ip_arena_alloc(a, (st->n_effects + 1) * sizeof(*n));
		memcpy(n, st->effects, st->n_effects * sizeof(*n));
		memset(&n[st->n_effects], 0, sizeof(*n));
		n[st->n_effects].kind = IP_EFFECT_REGISTER;
		n[st->n_effects].value = v;
		st->effects = n;
		st->n_effects++;
		st->cap_effects = st->n_effects;
		return;
	}
}

static ip_plan_effect *find_effect(ip_plan *p, ip_plan_phase ph, ip_effect_kind k, int nth)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; p->steps[i].phase == ph && j < p->steps[i].n_effects; j++)
			if (p->steps[i].effects[j].kind == k && nth-- == 0)
				return &p->steps[i].effects[j];
	return NULL;
}

IP_TABLE_PARAMS(plan_proof, catches, tampers)

ParameterizedTest(size_t *row, plan_proof, catches)
{
	const tamper *c = &tampers[*row];
	ip_device_set *set = test_load_samples(tamper_plans[c->install].sample, NULL);
	ip_target *t = ip_target_from_name(set->arena, tamper_plans[c->install].target, "t");
	t->size.known = true;
	t->size.v = tamper_plans[c->install].size;
	t->md5 = MD5A;
	ip_plan p;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.install_steps = c->install == S_TWO_STEP ? IP_STEPS_TWO_STEP : IP_STEPS_ONE_SHOT;
	o.convert_install = c->install == S_CONVERT;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_assert(!p.refused && p.proof.proven, "the untouched plan is proven");
	ip_plan_effect *e = find_effect(&p, c->phase, c->kind, c->nth);
	cr_assert_not_null(e, "%s: no such effect", c->name);
	switch (c->what) {
	case T_NEUTRAL:
		e->kind = IP_EFFECT_SERVER_BACKUP;
		e->path = "unrelated.bin";
		break;
	case T_DELETE_RUNNING:
		e->kind = IP_EFFECT_DELETE;
		e->path = "isr4300-universalk9.16.09.06.SPA.bin";
		break;
	case T_HUGE_COPY:
		e->size = 1ull << 40;
		break;
	case T_DELETE_TARGET:
		e->path = "isr4300-universalk9.16.12.04.SPA.bin";
		break;
	case T_UNWARN:
		p.no_fallback_warned = false;
		break;
	case T_ACTIVE_ONLY:
		for (int n = 0; (e = find_effect(&p, c->phase, c->kind, n)); n++)
			e->entry.member = 0;
		break;
	case T_REGISTER_BAUD:
		add_register(set->arena, &p, e, 0x2122);
		break;
	case T_RELOAD:
		e->kind = IP_EFFECT_RELOAD;
		break;
	case T_NO_ADDS:
		while ((e = find_effect(&p, c->phase, c->kind, 0))) {
			e->kind = IP_EFFECT_SERVER_BACKUP;
			e->path = "unrelated.bin";
		}
		break;
	}
	ip_plan_proof proof;
	ip_plan_prove(&proof, set->arena, &p);
	cr_assert(!proof.proven, "%s: the proof did not notice", c->name);
	bool found = texts_have(proof.violations, proof.n_violations, c->violation);
	cr_assert(found, "%s: no violation with '%s' (first: %s)", c->name, c->violation,
		  proof.n_violations ? proof.violations[0] : "-");
	ip_device_set_free(set);
}

/* R13 (issue 21): the plan for the ASR1006 with a hot standby is proven
 * (its save reaches the standby); the same plan on a device whose standby
 * turns out cold, or carries another register, is not: the reload would
 * bring the standby up on another list. */
Test(plan_proof, standby_rp)
{
	ip_device_set *set = test_load_samples("asr1006-dual-rp.log", NULL);
	ip_target *t = ip_target_from_name(set->arena, "asr1000rp2-adventerprisek9.17.03.08a.SPA.bin",
					   "t");
	t->size.known = true;
	t->size.v = 697152512;
	t->md5 = MD5A;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.transfer = IP_TRANSFER_SCP;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_assert(!p.refused && p.proof.proven, "the plan with a hot standby is proven");
	ip_device *d = set->v[0];
	d->redundancy->peer = IP_PEER_COLD; /* the save no longer reaches it */
	ip_plan_proof proof;
	ip_plan_prove(&proof, set->arena, &p);
	cr_assert(!proof.proven, "a cold standby: the proof did not notice");
	cr_assert(texts_have(proof.violations, proof.n_violations, "standby RP on another boot list"),
		  "first: %s", proof.n_violations ? proof.violations[0] : "-");
	d->redundancy->peer = IP_PEER_HOT;
	d->redundancy->standby_confreg_next.v = 0x2142; /* differs, but the save syncs it */
	ip_plan_prove(&proof, set->arena, &p);
	cr_assert(proof.proven, "a save with the standby hot puts its register in step");
	d->redundancy->standby_bootvar.v = IP_TRI_YES;
	d->redundancy->known = false; /* only show bootvar's lines: nothing shows the sync */
	ip_plan_build(&p, set->arena, d, t, &o);
	cr_assert(p.refused, "a standby known only from show bootvar is refused");
	cr_assert(texts_have(p.reasons, p.n_reasons, "capture `show redundancy`"), "%s",
		  p.n_reasons ? p.reasons[0] : "-");
	ip_device_set_free(set);
}

/* ISSU (issue 21, plan_issu.c): a Cat9400 with two supervisors in install
 * mode on 17.09.04a (the C9300 sample as a C9407R, its standby hot in SSO
 * with the active's BOOT variable), planned to one target after another.
 * Cisco's ISSU guide: EM to EM of one train, not more than 3 years apart
 * (three EM releases: UNCONFIRMED reading); not from or to an SM release;
 * not across trains. */
typedef struct issu_case {
	const char *name;
	const char *target;
	const char *peer;     /* the standby's state */
	bool issu;            /* --issu */
	bool refused;
	const char *want;     /* in a reason, a warning or a command */
} issu_case;

static const issu_case issu_cases[] = {
	{ "EM to EM, asked", "cat9k_iosxe.17.12.04.SPA.bin", "STANDBY HOT", true, false,
	  "install add file flash:cat9k_iosxe.17.12.04.SPA.bin activate issu commit" },
	{ "EM to EM, not asked: full reload, ISSU would apply", "cat9k_iosxe.17.12.04.SPA.bin",
	  "STANDBY HOT", false, false, "ISSU would apply" },
	{ "three EM releases ahead", "cat9k_iosxe.17.18.01.SPA.bin", "STANDBY HOT", true, false,
	  "activate issu commit" },
	{ "four EM releases ahead", "cat9k_iosxe.17.21.01.SPA.bin", "STANDBY HOT", true, true,
	  "more than three Extended Maintenance releases apart" },
	{ "to a Standard Maintenance release", "cat9k_iosxe.17.10.01.SPA.bin", "STANDBY HOT", true,
	  true, "Standard Maintenance" },
	{ "across major trains", "cat9k_iosxe.18.03.01.SPA.bin", "STANDBY HOT", true, true,
	  "crosses a major release train" },
	{ "a downgrade", "cat9k_iosxe.17.06.05.SPA.bin", "STANDBY HOT", true, true,
	  "not a later release" },
	{ "standby cold", "cat9k_iosxe.17.12.04.SPA.bin", "STANDBY COLD", true, true,
	  "not STANDBY HOT in SSO" },
};

IP_TABLE_PARAMS(plan_issu, cases, issu_cases)

static bool plan_has(const ip_plan *p, const char *w)
{
	for (size_t i = 0; i < p->n_reasons; i++)
		if (strstr(p->reasons[i], w))
			return true;
	for (size_t i = 0; i < p->n_warnings; i++)
		if (strstr(p->warnings[i], w))
			return true;
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t k = 0; k < p->steps[i].n_commands; k++)
			if (strstr(p->steps[i].commands[k], w))
				return true;
	return false;
}

ParameterizedTest(size_t *row, plan_issu, cases)
{
	const issu_case *c = &issu_cases[*row];
	char path[1024];
	snprintf(path, sizeof(path), "%s/c9300-install.log", test_samples_dir());
	char *text = test_read_file(path, NULL);
	cr_assert_not_null(text);
	char *cap = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&cap, &n);
	for (const char *t = text; *t; t++) /* the chassis: C9407R */
		if (!strncmp(t, "C9300-48P", 9)) {
			fputs("C9407R", f);
			t += 8;
		} else
			fputc(*t, f);
	fprintf(f, "SW-ACC-9300-01#show bootvar\n"
		"BOOT variable = flash:packages.conf;\n"
		"Standby BOOT variable = flash:packages.conf;\n"
		"SW-ACC-9300-01#show redundancy\n"
		"Redundant System Information :\n"
		"                 Hardware Mode = Duplex\n"
		"     Operating Redundancy Mode = sso\n"
		"Peer Processor Information :\n"
		"              Standby Location = slot 4\n"
		"        Current Software state = %s\n"
		"SW-ACC-9300-01#\n", c->peer);
	fclose(f);
	free(text);
	ip_device_set *set = test_load_text("c9407r.log", cap);
	free(cap);
	cr_assert_eq(set->n, 1);
	ip_target *t = ip_target_from_name(set->arena, c->target, "t");
	t->size.known = true;
	t->size.v = 1325314572;
	t->md5 = MD5A;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	o.transfer = IP_TRANSFER_SCP;
	o.issu = c->issu;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_expect_eq(p.refused, c->refused, "%s: refused %d (%s)", c->name, p.refused,
		     p.n_reasons ? p.reasons[0] : "-");
	cr_expect(plan_has(&p, c->want), "%s: nothing says '%s' (%s)", c->name, c->want,
		  p.n_reasons ? p.reasons[0] : p.n_warnings ? p.warnings[0] : "-");
	if (!p.refused)
		cr_expect(p.proof.proven, "%s: proven", c->name);
	/* the ISSU step ends as the one-shot does, and install abort issu
	 * undoes it until the commit (ASR 1000 16.7 guide) */
	for (size_t i = 0; c->issu && !p.refused && i < p.n_steps; i++) {
		const ip_plan_step *st = &p.steps[i];
		if (!st->n_commands || !strstr(st->commands[0], "activate issu commit"))
			continue;
		cr_expect(st->n_expect == 2 &&
			  !strcmp(st->expect[0], "SUCCESS: install_add_activate_commit") &&
			  !strcmp(st->expect[1], "Auto abort timer: inactive"),
			  "%s: the ISSU step's expect", c->name);
		/* issue 21 pt 2: the rollback timer, its default or that the
		 * default is an assumption */
		cr_expect(st->why && strstr(st->why, "ISSU rollback timer") &&
			  strstr(st->why, "install stop-timer"), "%s: the timer: %s", c->name,
			  st->why ? st->why : "-");
		/* a C9407R: no Cisco document gives its default */
		cr_expect(st->why && strstr(st->why, "default on this platform is UNCONFIRMED"),
			  "%s: the default is an assumption here", c->name);
		cr_expect(st->abort && !strcmp(st->abort, "install abort issu"), "%s: abort %s",
			  c->name, st->abort ? st->abort : "none");
	}
	ip_device_set_free(set);
}

/* --- the JSON schema (docs/plan.md) ---------------------------- */

static void has_keys(const cJSON *o, const char *const *keys, size_t n, const char *what)
{
	cr_assert(cJSON_IsObject(o), "%s is not an object", what);
	size_t count = 0;
	for (const cJSON *c = o->child; c; c = c->next)
		count++;
	for (size_t i = 0; i < n; i++)
		cr_assert(cJSON_HasObjectItem(o, keys[i]), "%s has no '%s'", what, keys[i]);
	cr_assert_eq(count, n, "%s has %zu keys, the schema %zu", what, count, n);
}

#define KEYS(o, what, ...)                                                              \
	do {                                                                            \
		static const char *const k_[] = { __VA_ARGS__ };                        \
		has_keys(o, k_, sizeof(k_) / sizeof(k_[0]), what);                      \
	} while (0)

static void step_schema(const cJSON *st)
{
	KEYS(st, "step", "title", "why", "mode", "commands", "expect", "expect_any", "expect_var",
	     "command_var", "same_hash_as", "prompts", "abort", "gate", "effects");
	const cJSON *pr, *ef, *cv = cJSON_GetObjectItem(st, "command_var");
	if (cJSON_IsObject(cv))
		KEYS(cv, "command_var", "variable", "replaces", "prompt");
	else
		cr_expect(cJSON_IsNull(cv), "command_var is an object or null");
	cJSON_ArrayForEach(pr, cJSON_GetObjectItem(st, "prompts"))
		KEYS(pr, "prompt", "prompt", "answer", "always", "variable");
	cJSON_ArrayForEach(ef, cJSON_GetObjectItem(st, "effects"))
		KEYS(ef, "effect", "kind", "filesystem", "path", "size", "boot_entry", "register");
}

Test(plan_json, schema, .init = setup, .fini = teardown)
{
	result r = run("plan --format json " R1_TARGET " netstuts-r1.log");
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc, "not JSON:\n%s", r.out);
	KEYS(doc, "plan", "format_version", "status", "one_way", "device", "target", "method", "transfer",
	     "fallback", "findings", "reasons", "warnings", "way_back", "prediction", "phases");
	KEYS(cJSON_GetObjectItem(doc, "way_back"), "way_back", "needs", "one_way",
	     "rollback_warnings");
	KEYS(cJSON_GetObjectItem(doc, "device"), "device", "hostname", "platform", "family", "version",
	     "image");
	KEYS(cJSON_GetObjectItem(doc, "target"), "target", "name", "path", "size", "md5", "sha512",
	     "verify_with");
	KEYS(cJSON_GetObjectItem(doc, "prediction"), "prediction", "before", "after", "target_fails",
	     "rollback", "cleanup", "members");
	const cJSON *after = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "prediction"), "after");
	KEYS(after, "after", "outcome", "step", "filesystem", "path", "target", "fallback",
	     "conditional", "text");
	cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(after, "target")));
	static const char *const ids[] = { "precheck", "transfer", "verify", "boot", "save",
					   "reload", "postcheck", "cleanup", "rollback" };
	const cJSON *ph;
	size_t i = 0;
	cJSON_ArrayForEach(ph, cJSON_GetObjectItem(doc, "phases")) {
		KEYS(ph, "phase", "id", "title", "steps");
		cr_assert_str_eq(cJSON_GetObjectItem(ph, "id")->valuestring, ids[i++]);
		const cJSON *st;
		cJSON_ArrayForEach(st, cJSON_GetObjectItem(ph, "steps"))
			step_schema(st);
	}
	cr_assert_eq(i, 9);
	cJSON_Delete(doc);
	result_free(&r);
}

Test(plan_json, refusal, .init = setup, .fini = teardown)
{
	result r = run("plan --format json " NOSPACE_R_TARGET " traps/no-space-router.log");
	cr_assert_eq(r.status, 1);
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc);
	cr_assert_str_eq(cJSON_GetObjectItem(doc, "status")->valuestring, "refused");
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "phases")), 0);
	cr_assert(cJSON_IsNull(cJSON_GetObjectItem(doc, "way_back")), "a refused plan has no way back");
	const cJSON *f = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "findings"), 1);
	cr_assert_str_eq(cJSON_GetObjectItem(f, "role")->valuestring, "blocks");
	cJSON_Delete(doc);
	result_free(&r);
}

/* --- the command line ----------------------------------------------------------- */

typedef struct cli_case {
	const char *name;
	const char *args;
	int status;
	const char *out_has, *err_has;
} cli_case;

static const cli_case cli_cases[] = {
	{ "planned", "plan " R1_TARGET " netstuts-r1.log", 0, "! ===== 3. verify =====", NULL },
	{ "refused", "plan " NOSPACE_R_TARGET " traps/no-space-router.log", 1, "[flash-space]", NULL },
	{ "two devices, one refused", "plan --target c2900-universalk9-mz.SPA.157-3.M8.bin "
	  "--size 110000000 --md5 " MD5A " two-routers.log", 1, "BR-WAN-1941: refused", NULL },
	{ "no target", "plan netstuts-r1.log", 1, "no target image given", NULL },
	{ "help", "plan --help", 0, "--allow-delete-running", NULL },
	{ "unknown format", "plan --format xml " R1_TARGET " netstuts-r1.log", 2, NULL, "unknown format" },
	{ "bad transfer", "plan --transfer ftp " R1_TARGET " netstuts-r1.log", 2, NULL, "--transfer" },
	{ "bad reload delay", "plan --reload-in soon " R1_TARGET " netstuts-r1.log", 2, NULL,
	  "--reload-in" },
	{ "bad server", "plan --tftp-server 'a b' --target isr4300-universalk9.16.12.04.SPA.bin "
	  "--size 521347072 --md5 " MD5A " netstuts-r1.log", 2, NULL, "--tftp-server" },
	{ "no files", "plan " R1_TARGET, 2, NULL, "no capture file" },
	{ "unreadable", "plan " R1_TARGET " /nonexistent.log", 2, NULL, "cannot open" },
	{ "immediate reload", "plan --reload-in 0 " R1_TARGET " netstuts-r1.log", 0, "\nreload\n", NULL },
	{ "no server: a placeholder and a warning", "plan --target isr4300-universalk9.16.12.04.SPA.bin "
	  "--size 521347072 --md5 " MD5A " netstuts-r1.log", 0, "copy tftp://<server>/", NULL },
	{ "ansible refusal on stderr", "plan --format ansible " NOSPACE_R_TARGET
	  " traps/no-space-router.log", 1, "---", "refused, no plan" },
};

IP_TABLE_PARAMS(plan_cli, cases, cli_cases)

ParameterizedTest(size_t *row, plan_cli, cases, .init = setup, .fini = teardown)
{
	const cli_case *c = &cli_cases[*row];
	result r = run(c->args);
	cr_assert_eq(r.status, c->status, "%s: exit %d\n%s%s", c->name, r.status, r.out, r.err);
	if (c->out_has)
		cr_assert(strstr(r.out, c->out_has), "%s: stdout lacks '%s':\n%s", c->name, c->out_has,
			  r.out);
	if (c->err_has)
		cr_assert(r.err && strstr(r.err, c->err_has), "%s: stderr lacks '%s':\n%s", c->name,
			  c->err_has, r.err);
	result_free(&r);
}

/* --- ansible-playbook --syntax-check --------------------------------------------- */

static const char *const playbooks[] = {
	"plan --format ansible " R1_TARGET " netstuts-r1.log",
	"plan --format ansible " SW1_TARGET " netstuts-sw1.log",
	"plan --format ansible " C9300_TARGET " c9300-install.log",
	"plan --format ansible " STACK_TARGET " stack-3850.log",
	"plan --format ansible --transfer scp " R1_TARGET " netstuts-r1.log",
	"plan --format ansible --allow-delete-running " NOSPACE_R_TARGET " traps/no-space-router.log",
	"plan --format ansible " NOSPACE_SW_TARGET " traps/no-space.log",
	"plan --format ansible " R1_RUNNING " netstuts-r1.log",       /* nothing to do: no play */
	"plan --format ansible " ALPHA_RUNNING " traps/alphabetical.log", /* remediation */
};

/* Debian's `ansible` package (scripts/setup-tests installs it) carries the
 * cisco.ios collection the playbooks use: its absence is a failure. One
 * ansible-playbook run checks every playbook (it takes several). */
Test(plan_ansible, syntax_check, .init = setup, .fini = teardown, .timeout = 240)
{
	cr_assert_eq(system("command -v ansible-playbook >/dev/null 2>&1"), 0,
		     "ansible-playbook is missing: install Debian's ansible package (scripts/setup-tests)");
	char cmd[8192];
	int k = snprintf(cmd, sizeof(cmd), "cd '%s' && ANSIBLE_LOCALHOST_WARNING=false "
			 "ANSIBLE_INVENTORY_UNPARSED_WARNING=false ansible-playbook --syntax-check",
			 tmpdir);
	for (size_t i = 0; i < sizeof(playbooks) / sizeof(playbooks[0]); i++) {
		result r = run(playbooks[i]);
		cr_assert_eq(r.status, 0, "%s: exit %d: %s", playbooks[i], r.status, r.err);
		char path[512];
		snprintf(path, sizeof(path), "%s/plan-%zu.yml", tmpdir, i);
		golden_write(path, r.out);
		k += snprintf(cmd + k, sizeof(cmd) - (size_t)k, " plan-%zu.yml", i);
		result_free(&r);
	}
	snprintf(cmd + k, sizeof(cmd) - (size_t)k, " >ansible.log 2>&1");
	if (system(cmd) != 0) {
		char log[512];
		snprintf(log, sizeof(log), "%s/ansible.log", tmpdir);
		char *text = test_read_file(log, NULL);
		cr_assert_fail("ansible-playbook --syntax-check failed:\n%s", text ? text : "");
	}
}

/* --- the writer contract (lint/cli.h, issue 19) ---------------------------- */

/* Each plan format returns 0 when its writes went through and -1 when one
 * failed (/dev/full unbuffered: the first write fails, as on a full disk),
 * so that `iosplan plan` exits 2. */
static const ip_plan_format plan_formats[] = { IP_PLAN_TEXT, IP_PLAN_MARKDOWN, IP_PLAN_JSON, IP_PLAN_ANSIBLE };

IP_TABLE_PARAMS(plan_write, reports_failed_write, plan_formats)
ParameterizedTest(size_t *row, plan_write, reports_failed_write)
{
	ip_device_set *set = test_load_samples(tamper_plans[S_ROUTER].sample, NULL);
	ip_target *t = ip_target_from_name(set->arena, tamper_plans[S_ROUTER].target, "t");
	t->size.known = true;
	t->size.v = tamper_plans[S_ROUTER].size;
	t->md5 = MD5A;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, NULL);
	const ip_plan *plans[] = { &p };
	FILE *null = fopen("/dev/null", "w"), *full = fopen("/dev/full", "w");
	cr_assert(null && full);
	setvbuf(full, NULL, _IONBF, 0);
	cr_expect_eq(ip_plan_write(plan_formats[*row], null, null, plans, 1), 0, "format %d to /dev/null",
		     (int)plan_formats[*row]);
	cr_expect_eq(ip_plan_write(plan_formats[*row], full, null, plans, 1), -1, "format %d to /dev/full",
		     (int)plan_formats[*row]);
	fclose(null);
	fclose(full);
	ip_device_set_free(set);
}
