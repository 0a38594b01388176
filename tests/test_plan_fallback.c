/* The plan's fallback (issue 20, points 1, 2 and 17): a plan never leaves a
 * device whose new image fails to boot with nothing proved to fall back to,
 * unless the user asked for it (--allow-no-fallback).
 *
 * Each row is a capture under tests/fallback/ (platform, release, layout)
 * and what the plan must do with it: plan with the running image kept as
 * the fallback (and how that is proved: from the listing, or from show
 * version behind a gated `dir` pre-check), or refuse naming the capture
 * that would prove one. Then the same through the CLI, for the exit code
 * and the flag. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "plan.h"
#include "plan_query.h"
#include "fs_model.h"
#include "plan_invariants.h"

#define MD5A "0123456789abcdef0123456789abcdef"

typedef struct fb_case {
	const char *name;
	const char *capture;   /* under tests/fallback/ */
	const char *target;
	unsigned long long size;
	bool allow_no_fallback;
	bool refused;
	const char *fallback;  /* p->fallback, planned */
	const char *check;     /* the gated pre-check command, or NULL: none */
	const char *text;      /* in a reason (refused) or a command (planned) */
	const char *old_after; /* target fails: boots this old image (planned) */
} fb_case;

#define X8 "c2960x-universalk9-mz.152-7.E8"
#define E8 "c3750e-universalk9-mz.152-4.E8"
#define SE11 "c2960-lanbasek9-mz.150-2.SE11"
#define ISR9 "isr4300-universalk9.16.09.06.SPA.bin"
#define C9K "cat9k_iosxe.17.09.04a.SPA.bin"
#define ASR8 "asr1000rp2-adventerprisek9.16.09.08.SPA.bin"

static const fb_case cases[] = {
	/* point 1: the archive download-sw layout, a plain `dir flash:` */
	{ "2960-X, directory not opened", "2960x-dir-unlisted.log",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, false, false,
	  "flash:" X8 "/" X8 ".bin", "dir flash:" X8 "/",
	  "boot system flash:c2960x-universalk9-mz.152-7.E9.bin;flash:" X8 "/" X8 ".bin",
	  X8 ".bin" },
	{ "2960-X, directory not opened, BOOT empty", "2960x-dir-noboot.log",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, false, false,
	  "flash:" X8 "/" X8 ".bin", "dir flash:" X8 "/", NULL, X8 ".bin" },
	{ "3750-X, directory not opened", "3750x-dir-unlisted.log",
	  "c3750e-universalk9-mz.152-4.E10.bin", 20898304, false, false,
	  "flash:" E8 "/" E8 ".bin", "dir flash:" E8 "/", NULL, E8 ".bin" },
	{ "2960, flash:/ form, directory not opened", "2960-dir-unlisted.log",
	  "c2960-lanbasek9-mz.152-7.E9.bin", 12582912, false, false,
	  "flash:" SE11 "/" SE11 ".bin", "dir flash:" SE11 "/", NULL, SE11 ".bin" },
	{ "2960-X, dir /recursive: the listing proves it", "2960x-dir-recursive.log",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, false, false,
	  "flash:" X8 "/" X8 ".bin", NULL, NULL, X8 ".bin" },
	{ "2960-X, the directory is gone", "2960x-dir-gone.log",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, false, true, NULL, NULL,
	  "`dir flash:" X8 "/` or `dir /recursive flash:`", NULL },
	{ "2960-X, the directory is gone, allowed", "2960x-dir-gone.log",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, true, false, NULL, NULL,
	  "boot system flash:c2960x-universalk9-mz.152-7.E9.bin", NULL },
	{ "2960, a root image gone", "2960-root-gone.log", "c2960-lanbasek9-mz.152-7.E9.bin",
	  12582912, false, true, NULL, NULL, "--allow-no-fallback", NULL },
	{ "2960, a root image gone, allowed", "2960-root-gone.log",
	  "c2960-lanbasek9-mz.152-7.E9.bin", 12582912, true, false, NULL, NULL,
	  "boot system flash:c2960-lanbasek9-mz.152-7.E9.bin", NULL },
	/* point 2: a fallback on another filesystem the device boots from */
	{ "ISR4321 running from usbflash0:", "isr4321-usbflash.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072, false, false,
	  "usbflash0:" ISR9, "dir usbflash0:", "boot system usbflash0:" ISR9, ISR9 },
	{ "ISR4321 on usbflash0:, not listed", "isr4321-usbflash-unlisted.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072, false, true, NULL, NULL,
	  "capture `dir usbflash0:`", NULL },
	{ "C9300 bundle running from usbflash0:", "c9300-bundle-usbflash.log",
	  "cat9k_iosxe.17.12.04.SPA.bin", 1396867236, false, false,
	  "usbflash0:" C9K, "dir usbflash0:", "boot system usbflash0:" C9K, C9K },
	/* point 17: an ASR booted from harddisk: keeps its running image */
	{ "ASR1006 running from harddisk:", "asr1006-harddisk.log",
	  "asr1000rp2-adventerprisek9.16.09.09.SPA.bin", 589539328, false, false,
	  "harddisk:" ASR8, "dir harddisk:", "boot system harddisk:" ASR8, ASR8 },
	{ "ASR1006, a stale bootflash: entry first", "asr1006-bad-entry.log",
	  "asr1000rp2-adventerprisek9.16.09.09.SPA.bin", 589539328, false, false,
	  "harddisk:" ASR8, "dir harddisk:", "no boot system bootflash:", ASR8 },
	/* show version alone: the refusal names the filesystems it lists,
	 * never a flash: the platform does not have */
	{ "ASR1006 on harddisk:, show version only", "asr1006-harddisk-version-only.log",
	  "asr1000rp2-adventerprisek9.16.09.09.SPA.bin", 589539328, false, true, NULL, NULL,
	  "is on harddisk:, which the captures do not list with it (capture `dir harddisk:`)",
	  NULL },
	{ "ASR1006 on bootflash:, show version only", "asr1006-bootflash-version-only.log",
	  "asr1000rp2-adventerprisek9.16.09.09.SPA.bin", 589539328, false, true, NULL, NULL,
	  "no complete listing of bootflash: shows the running image", NULL },
};

static void build(ip_plan *p, ip_device_set *set, const char *target, unsigned long long size,
		  bool allow)
{
	ip_target *t = ip_target_from_name(set->arena, target, "--target");
	t->size.known = true;
	t->size.v = size;
	t->md5 = MD5A;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.1";
	o.allow_no_fallback = allow;
	ip_plan_build(p, set->arena, set->v[0], t, &o);
}

static void check_planned(const fb_case *c, const ip_plan *p, ip_arena *a)
{
	cr_assert(!p->refused, "%s: refused: %s", c->name, p->n_reasons ? p->reasons[0] : "-");
	cr_assert(p->proof.proven, "%s: not proven", c->name);
	const char *inv = plan_invariants_check(p, a);
	cr_assert_null(inv, "%s: %s", c->name, inv);
	if (c->text)
		cr_assert(plan_has_command(p, c->text), "%s: no command '%s'", c->name, c->text);
	if (!c->fallback) {
		cr_assert_null(p->fallback, "%s: fallback %s", c->name, p->fallback);
		cr_assert(p->no_fallback_warned, "%s: no warning that there is no fallback", c->name);
		return;
	}
	cr_assert_str_eq(p->fallback, c->fallback, "%s", c->name);
	cr_assert(p->proof.target_fails.fallback, "%s: target fails -> %s", c->name,
		  p->proof.target_fails.text);
	cr_assert(strstr(p->proof.target_fails.text, c->old_after), "%s: %s", c->name,
		  p->proof.target_fails.text);
	cr_assert(p->proof.rollback_simulated && p->proof.rollback.fallback, "%s: rollback", c->name);
	if (!c->check) {
		cr_assert_null(p->fallback_check, "%s: %s", c->name, p->fallback_check);
		return;
	}
	const ip_plan_step *st = plan_step_with(p, c->check);
	if (strncmp(c->fallback, "flash:", 6)) {
		/* another filesystem: new image first on the destination, the
		 * old entry right after it, a gate that the old one is there */
		cr_assert_not_null(st, "%s: no step runs %s", c->name, c->check);
		cr_assert(st->gate && st->phase == IP_PHASE_PRECHECK, "%s: no gated pre-check",
			  c->name);
		cr_assert(!strcmp(p->proof.next.p.filesystem, p->filesystem), "%s: boots from %s",
			  c->name, p->proof.next.p.filesystem);
		cr_assert(p->proof.target_fails.p.entry_index == 1, "%s: the fallback is not "
			  "second: %s", c->name, p->proof.target_fails.text);
		return;
	}
	cr_assert_str_eq(p->fallback_check, c->check, "%s", c->name);
	cr_assert_not_null(st, "%s: no step runs %s", c->name, c->check);
	cr_assert(st->gate && st->phase == IP_PHASE_PRECHECK, "%s: the check is no gated pre-check",
		  c->name);
	cr_assert(st->n_expect == 1 && !strcmp(st->expect[0], c->old_after), "%s: expect %s",
		  c->name, st->n_expect ? st->expect[0] : "-");
	cr_assert(texts_have(p->warnings, p->n_warnings, "show version says the device booted"),
		  "%s: the plan does not say what proves the fallback", c->name);
}

IP_TABLE_PARAMS(plan_fallback, cases, cases)

ParameterizedTest(size_t *row, plan_fallback, cases)
{
	const fb_case *c = &cases[*row];
	char name[256];
	snprintf(name, sizeof(name), "../tests/fallback/%s", c->capture);
	ip_device_set *set = test_load_samples(name, NULL);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->name, set->n);
	ip_plan p;
	build(&p, set, c->target, c->size, c->allow_no_fallback);
	if (c->refused) {
		cr_assert(p.refused, "%s: planned", c->name);
		cr_assert(texts_have(p.reasons, p.n_reasons, "no fallback is proved"), "%s: %s", c->name,
			  p.n_reasons ? p.reasons[0] : "-");
		cr_assert(texts_have(p.reasons, p.n_reasons, c->text), "%s: no reason with '%s'",
			  c->name, c->text);
	} else {
		check_planned(c, &p, set->arena);
	}
	ip_device_set_free(set);
}

/* A 3750-X stack whose every member lists the image's directory unopened:
 * each member keeps its copy as its fallback, each behind its own gate. */
Test(plan_fallback, stack_members_behind_gates)
{
	ip_device_set *set = test_load_samples("../tests/fallback/stack-3750x-dir-unlisted.log", NULL);
	ip_plan p;
	build(&p, set, "c3750e-universalk9-mz.152-4.E10.bin", 20898304, false);
	cr_assert(!p.refused, "%s", p.n_reasons ? p.reasons[0] : "-");
	cr_assert_null(plan_invariants_check(&p, set->arena));
	static const char *const gates[] = { "dir flash:" E8 "/", "dir flash2:" E8 "/",
					     "dir flash3:" E8 "/" };
	for (size_t i = 0; i < 3; i++) {
		const ip_plan_step *st = plan_step_with(&p, gates[i]);
		cr_assert(st && st->gate && st->phase == IP_PHASE_PRECHECK, "no gate %s", gates[i]);
	}
	cr_assert_eq(p.proof.n_members, 3);
	for (size_t i = 0; i < p.proof.n_members; i++)
		cr_assert(p.proof.members[i].target_fails.fallback, "member %d: %s",
			  p.proof.members[i].number, p.proof.members[i].target_fails.text);
	ip_device_set_free(set);
}

/* R8 in the proof itself: the 2960-X plan with its gated check taken out
 * has no proved fallback, and without --allow-no-fallback that is a
 * violation (the old code accepted an unknown "target fails" outcome). */
Test(plan_fallback, proof_needs_the_gate)
{
	ip_device_set *set = test_load_samples("../tests/fallback/2960x-dir-unlisted.log", NULL);
	ip_plan p;
	build(&p, set, "c2960x-universalk9-mz.152-7.E9.bin", 26815488, false);
	cr_assert(!p.refused && p.proof.proven);
	for (size_t i = 0; i < p.n_steps; i++)
		for (size_t j = 0; j < p.steps[i].n_effects; j++)
			if (p.steps[i].effects[j].kind == IP_EFFECT_PRESENT)
				p.steps[i].n_effects = 0;
	p.no_fallback_warned = true; /* even a warning does not excuse it */
	ip_plan_proof again;
	ip_plan_prove(&again, set->arena, &p);
	cr_assert(!again.proven, "proven without the gate");
	cr_assert(texts_have(again.violations, again.n_violations, "--allow-no-fallback"),
		  "%s", again.n_violations ? again.violations[0] : "-");
	/* allowed, R8 is satisfied (the rollback, which needs the old image,
	 * still is not: R6) */
	p.opts.allow_no_fallback = true;
	ip_plan_prove(&again, set->arena, &p);
	cr_assert(!texts_have(again.violations, again.n_violations, "--allow-no-fallback"),
		  "R8 with the flag given");
	ip_device_set_free(set);
}

/* --- point 17: what a finding names on real platforms ------------------------ */

typedef struct lint_case {
	const char *name;
	const char *capture; /* under tests/fallback/, else samples/ */
	const char *rule;
	const char *want;    /* in the message, capture or a fix line */
	const char *never;   /* in none of them, or NULL */
	bool fix_nonempty;   /* the fix changes something: more than `configure
			      * terminal` / `end` */
} lint_case;

static const lint_case lint_cases[] = {
	{ "2960-X stack: member flash is flash2:", "stack-2960x-no-member-dir.log",
	  "boot-missing-file", "dir flash2:", "flash-2:", false },
	{ "3750-X stack: member flash is flash3:", "stack-3750x-no-member-dir.log",
	  "boot-missing-file", "dir flash3:", "flash-3:", false },
	{ "3850 stack keeps flash-2:", "../../samples/stack-active-only.log",
	  "boot-missing-file", "flash-2:", "dir flash2:", false },
	{ "ASR: a bad BOOT variable entry only", "asr1006-bootvar-only.log",
	  "boot-missing-file", "copy running-config startup-config", "configure terminal", true },
	{ "ASR: a bad boot statement, no duplicate", "asr1006-bad-entry.log",
	  "boot-missing-file", "no boot system bootflash:asr1000rp2-adventerprisek9.16.03.05.SPA.bin",
	  "boot system harddisk:", true },
};

static bool finding_has(const ip_finding *f, const char *s)
{
	if (strstr(f->message, s) || (f->capture && strstr(f->capture, s)))
		return true;
	for (size_t i = 0; i < f->n_fix; i++)
		if (strstr(f->fix[i], s))
			return true;
	return false;
}

IP_TABLE_PARAMS(plan_fallback, lint_rows, lint_cases)

ParameterizedTest(size_t *row, plan_fallback, lint_rows)
{
	const lint_case *c = &lint_cases[*row];
	char name[256];
	snprintf(name, sizeof(name), "../tests/fallback/%s", c->capture);
	ip_device_set *set = test_load_samples(name, NULL);
	ip_device_check chk;
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	ip_check_device(&chk, set->arena, set->v[0], NULL, &cfg);
	size_t seen = 0;
	for (size_t i = 0; i < chk.n_findings; i++) {
		const ip_finding *f = &chk.findings[i];
		if (strcmp(f->rule_id, c->rule))
			continue;
		seen += finding_has(f, c->want);
		if (c->never)
			cr_assert(!finding_has(f, c->never), "%s: '%s' in %s", c->name, c->never,
				  f->message);
		if (c->fix_nonempty) {
			size_t real = 0;
			for (size_t k = 0; k < f->n_fix; k++)
				real += strcmp(f->fix[k], "configure terminal") && strcmp(f->fix[k], "end");
			cr_assert(real > 0, "%s: an empty fix", c->name);
		}
	}
	cr_assert(seen, "%s: no %s finding with '%s'", c->name, c->rule, c->want);
	ip_device_set_free(set);
}

/* The model's answers the planner and rules share. */
Test(plan_fallback, bootable_filesystems)
{
	static const struct {
		ip_family fam;
		const char *fs;
		bool boots;
	} rows[] = {
		{ IP_FAMILY_ROUTER_XE, "usbflash0:", true },   { IP_FAMILY_ROUTER_XE, "harddisk:", true },
		{ IP_FAMILY_SWITCH_XE, "usbflash0:", true },   { IP_FAMILY_SWITCH_XE, "harddisk:", false },
		{ IP_FAMILY_ROUTER_CLASSIC, "usbflash1:", true },
		{ IP_FAMILY_SWITCH_CLASSIC, "usbflash0:", false },
		{ IP_FAMILY_SWITCH_CLASSIC, "flash2:", true }, { IP_FAMILY_UNKNOWN, "usbflash0:", false },
		{ IP_FAMILY_ROUTER_XE, "nvram:", false },      { IP_FAMILY_ROUTER_XE, "bootflash:", true },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		ip_platform pl = { .family = rows[i].fam };
		cr_expect_eq(ip_fs_bootable(&pl, rows[i].fs), rows[i].boots, "%s on family %d",
			     rows[i].fs, (int)rows[i].fam);
	}
}

/* --- through the CLI: the exit code and the flag ---------------------------- */

static char *run(const char *args, int *status)
{
	char cmd[2048], out[] = "/tmp/iosplan-fallback-XXXXXX";
	int fd = mkstemp(out);
	cr_assert(fd >= 0);
	close(fd);
	snprintf(cmd, sizeof(cmd), "cd '%s/../tests/fallback' && '%s' %s >'%s' 2>&1 </dev/null",
		 test_samples_dir(), getenv("IOSPLAN_BIN"), args, out);
	int st = system(cmd);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	char *text = test_read_file(out, NULL);
	remove(out);
	return text;
}

#define X9 "--target c2960x-universalk9-mz.152-7.E9.bin --size 26815488 --md5 " MD5A

static const struct {
	const char *args;
	int status;
	const char *want;
} cli[] = {
	{ "plan " X9 " 2960x-dir-gone.log", 1, "dir /recursive flash:" },
	{ "plan --allow-no-fallback " X9 " 2960x-dir-gone.log", 0, "fallback: none" },
	{ "plan " X9 " 2960x-dir-unlisted.log", 0, "dir flash:" X8 "/" },
	{ "plan --format json " X9 " 2960x-dir-unlisted.log", 0, "\"present\"" },
	{ "plan --help", 0, "--allow-no-fallback" },
};

IP_TABLE_PARAMS(plan_fallback, cli_rows, cli)

ParameterizedTest(size_t *row, plan_fallback, cli_rows)
{
	int st;
	char *out = run(cli[*row].args, &st);
	cr_expect_eq(st, cli[*row].status, "%s: exit %d\n%s", cli[*row].args, st, out);
	cr_expect(strstr(out, cli[*row].want), "%s: no '%s'\n%s", cli[*row].args, cli[*row].want,
		  out);
	free(out);
}
