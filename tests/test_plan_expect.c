/* The lines a plan tells the operator to expect are lines the device
 * prints (issue 20, point 14):
 * - a pre-check quotes the capture verbatim ("flash:/c2960-..." where the
 *   switch printed "flash:/", "IOS XE Version: 03.09.01.S" where an ASR1k
 *   on 3.x printed that, the directory where a tar layout keeps its image);
 * - a post-check expects the image line from the file's name on, which
 *   both forms a switch prints ("flash:/x.bin", "flash:x.bin") contain;
 * - a 5-echo ping passes at 80 percent (the first echo lost to ARP);
 * - no "needs 0 bytes free" beside a margin when the image is there;
 * - a word answering a prompt (`y` after install remove inactive) is said
 *   as the answer to that prompt, never printed as a line to paste.
 * - every expect line is a documented line of planner/plan_expect.def or
 *   quoted from a capture line that holds it (the proof's R14), and the
 *   proof refuses a step that emits one that is neither.
 * Each table row is one platform, release or layout; the captures in
 * tests/captures/ were written for this point. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "iosplan_config.h"
#include "plan.h"
#include "plan_expect.h"
#include "plan_write.h"

typedef struct plan_case {
	const char *name;
	const char *capture; /* relative to samples/ */
	const char *target;
	uint64_t size;
} plan_case;

#define MD5 "0123456789abcdef0123456789abcdef"

static const plan_case cases[] = {
	{ "2960, flash: form", "netstuts-sw1.log", "c2960-lanbasek9-mz.152-7.E9.bin", 12582912 },
	{ "2960, flash:/ form", "../tests/captures/c2960-flash-slash.log",
	  "c2960-lanbasek9-mz.152-7.E9.bin", 12582912 },
	{ "2960-X, image in its directory", "dirty-2960x.log", "c2960x-universalk9-mz.152-7.E9.bin",
	  26815488 },
	{ "3750-X stack, tar layout", "stack-3750x-tar.log", "c3750e-universalk9-tar.152-4.E10.tar",
	  23900160 },
	{ "2960-X stack, bundle", "stack-2960x-bundle.log", "c2960x-universalk9-mz.152-7.E9.bin",
	  26815488 },
	{ "ISR4321, 16.9", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 521347072 },
	{ "ASR1001, XE 3.9 (IOS XE Version: line)", "../tests/captures/asr1001-xe3.log",
	  "asr1001-universalk9.03.16.10.S.155-3.S10-ext.bin", 498769876 },
	{ "C9300 install mode", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
	{ "1941, flash0:", "traps/no-space-router.log", "c1900-universalk9-mz.SPA.157-3.M8.bin",
	  33000000 },
};

static ip_plan *build(ip_device_set **set_out, const plan_case *c)
{
	ip_device_set *set = test_load_samples(c->capture, NULL);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->name, set->n);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	ip_plan *p = ip_arena_alloc(set->arena, sizeof(*p));
	ip_plan_build(p, set->arena, set->v[0], t, &o);
	cr_assert_not(p->refused, "%s: refused: %s", c->name, p->n_reasons ? p->reasons[0] : "");
	*set_out = set;
	return p;
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The pre-checks that compare the device with its capture. */
static bool quotes_capture(const ip_plan_step *st)
{
	return st->phase == IP_PHASE_PRECHECK &&
	       (starts(st->title, "Record the version") || starts(st->title, "Check the room") ||
		starts(st->title, "Check the BOOT variable") ||
		starts(st->title, "Check the configuration register"));
}

IP_TABLE_PARAMS(plan_expect, precheck_quotes_capture, cases)

ParameterizedTest(size_t *row, plan_expect, precheck_quotes_capture)
{
	const plan_case *c = &cases[*row];
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", test_samples_dir(), c->capture);
	char *text = test_read_file(path, NULL);
	cr_assert_not_null(text, "%s", path);
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	size_t checked = 0;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		for (size_t j = 0; quotes_capture(st) && j < st->n_expect; j++, checked++)
			cr_expect(strstr(text, st->expect[j]), "%s: step '%s' expects '%s', which "
				  "the capture does not print", c->name, st->title, st->expect[j]);
	}
	cr_expect_geq(checked, 2, "%s: only %zu pre-check lines", c->name, checked);
	ip_device_set_free(set);
	free(text);
}

/* A healthy path loses the first echo to ARP: 80 or 100 percent pass. */
IP_TABLE_PARAMS(plan_expect, ping_accepts_80_percent, cases)

ParameterizedTest(size_t *row, plan_expect, ping_accepts_80_percent)
{
	const plan_case *c = &cases[*row];
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	size_t pings = 0;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (!st->n_commands || !starts(st->commands[0], "ping "))
			continue;
		pings++;
		for (size_t j = 0; j < st->n_expect; j++)
			cr_expect_null(strstr(st->expect[j], "Success rate"), "%s: '%s' must all pass",
				       c->name, st->expect[j]);
		cr_assert_eq(st->n_expect_any, 2, "%s", c->name);
		cr_expect_str_eq(st->expect_any[0], "Success rate is 100 percent");
		cr_expect_str_eq(st->expect_any[1], "Success rate is 80 percent");
		/* the device's own line for one echo lost */
		const char *seen = "Success rate is 80 percent (4/5), round-trip min/avg/max = 1/1/3 ms";
		cr_expect(strstr(seen, st->expect_any[1]));
	}
	cr_expect_eq(pings, 1, "%s: %zu ping steps", c->name, pings);
	ip_device_set_free(set);
}

/* After the reload the image line is checked from the file's name on, a
 * substring of both forms a switch prints. */
IP_TABLE_PARAMS(plan_expect, postcheck_image_either_form, cases)

ParameterizedTest(size_t *row, plan_expect, postcheck_image_either_form)
{
	const plan_case *c = &cases[*row];
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	const char *img = p->method == IP_METHOD_INSTALL ? "packages.conf" : p->target_file;
	const char *name = strrchr(img, '/') ? strrchr(img, '/') + 1 : img;
	char slash[512], plain[512];
	snprintf(slash, sizeof(slash), "System image file is \"%s/%s\"", p->filesystem, img);
	snprintf(plain, sizeof(plain), "System image file is \"%s%s\"", p->filesystem, img);
	bool found = false;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (st->phase != IP_PHASE_POSTCHECK || !starts(st->title, "Confirm the new release"))
			continue;
		for (size_t j = 0; j < st->n_expect; j++) {
			cr_expect_not(starts(st->expect[j], "System image file is"),
				      "%s: '%s' names one form of the path", c->name, st->expect[j]);
			if (strstr(st->expect[j], name)) {
				found = true;
				cr_expect(strstr(slash, st->expect[j]) && strstr(plain, st->expect[j]),
					  "%s: '%s' not in '%s' and '%s'", c->name, st->expect[j],
					  slash, plain);
			}
		}
	}
	cr_expect(found, "%s: no post-check of the image %s", c->name, name);
	ip_device_set_free(set);
}

/* The text and Markdown plans of one case, written to memory. */
static char *written(ip_plan *p, int (*w)(FILE *, const ip_plan *const *, size_t))
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	const ip_plan *const one[] = { p };
	cr_assert_eq(w(f, one, 1), 0);
	fclose(f);
	return buf;
}

/* `install remove inactive` asks "[y/n]" only when it has files to
 * remove: the y is the answer to that prompt, never a line of its own. */
static const plan_case install_cases[] = {
	{ "C9300 install mode", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
	{ "C9300 install stack", "stack-9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin",
	  1396867236 },
	{ "C3850 install stack", "stack-3850.log", "cat3k_caa-universalk9.16.12.12.SPA.bin",
	  491470848 },
};

IP_TABLE_PARAMS(plan_expect, answer_is_not_a_line, install_cases)

ParameterizedTest(size_t *row, plan_expect, answer_is_not_a_line)
{
	const plan_case *c = &install_cases[*row];
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	cr_assert_eq(p->method, IP_METHOD_INSTALL, "%s", c->name);
	char *text = written(p, ip_plan_write_text);
	cr_expect_null(strstr(text, "\ny\n"), "%s: a bare y line:\n%s", c->name, text);
	cr_expect(strstr(text, "install remove inactive\n!   answer y to the prompt: Do you want "
			 "to remove the above files? [y/n]\n"), "%s:\n%s", c->name, text);
	char *md = written(p, ip_plan_write_markdown);
	cr_expect(strstr(md, "Answer `y` to the prompt `Do you want to remove the above files? "
			 "[y/n]`"), "%s:\n%s", c->name, md);
	free(md);
	free(text);
	ip_device_set_free(set);
}

/* The target already on flash with the right size: no "needs 0 bytes". */
static const plan_case there_cases[] = {
	{ "ISR4321, target staged", "../tests/captures/isr4321-target-staged.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072 },
	{ "2960, target staged", "../tests/captures/c2960-target-staged.log",
	  "c2960-lanbasek9-mz.152-7.E9.bin", 12582912 },
};

IP_TABLE_PARAMS(plan_expect, no_zero_need_beside_margin, there_cases)

ParameterizedTest(size_t *row, plan_expect, no_zero_need_beside_margin)
{
	const plan_case *c = &there_cases[*row];
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	bool room = false;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (!starts(st->title, "Check the room"))
			continue;
		room = true;
		cr_expect_null(strstr(st->why, "needs 0 bytes"), "%s: %s", c->name, st->why);
		cr_expect(strstr(st->why, "already on"), "%s: %s", c->name, st->why);
	}
	cr_expect(room, "%s: no room step", c->name);
	ip_device_set_free(set);
}

/* --- point 15: TFTP chosen for an image the finding calls large ------------ */

typedef struct tftp_case {
	plan_case c;
	bool scp;
	bool blocksize;  /* the plan raises the block size (and puts it back) */
	ip_plan_role role;
	bool warned;     /* beyond 65,535 x 8192 bytes: rollover is a condition */
} tftp_case;

static const tftp_case tftp_cases[] = {
	{ { "ISR4321, 520 MB bundle", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin",
	    521347072 }, false, true, IP_ROLE_RESOLVED, false },
	{ { "ASR1001 XE 3.9, 500 MB bundle", "../tests/captures/asr1001-xe3.log",
	    "asr1001-universalk9.03.16.10.S.155-3.S10-ext.bin", 498769876 }, false, true,
	  IP_ROLE_RESOLVED, false },
	{ { "C9300 install, 1.3 GB", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
	  false, true, IP_ROLE_NOTED, true },
	{ { "1941 bundle, 40 MB", "traps/no-space-router.log", "c1900-universalk9-mz.SPA.157-3.M8.bin",
	    40000000 }, false, true, IP_ROLE_RESOLVED, false },
	{ { "ISR4321 over SCP", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 521347072 },
	  true, false, IP_ROLE_RESOLVED, false },
	{ { "2960, 12 MB: no finding", "netstuts-sw1.log", "c2960-lanbasek9-mz.152-7.E9.bin",
	    12582912 }, false, false, IP_ROLE_NOTED, false },
	{ { "ISR4321, target already staged", "../tests/captures/isr4321-target-staged.log",
	    "isr4300-universalk9.16.12.04.SPA.bin", 521347072 }, false, false, IP_ROLE_NOTED, false },
};

static size_t step_index(const ip_plan *p, const char *command_prefix)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++)
			if (starts(p->steps[i].commands[j], command_prefix))
				return i;
	return SIZE_MAX;
}

IP_TABLE_PARAMS(plan_expect, tftp_blocksize, tftp_cases)

ParameterizedTest(size_t *row, plan_expect, tftp_blocksize)
{
	const tftp_case *c = &tftp_cases[*row];
	ip_device_set *set = test_load_samples(c->c.capture, NULL);
	ip_target *t = ip_target_from_name(set->arena, c->c.target, "--target");
	t->size.known = true;
	t->size.v = c->c.size;
	t->md5 = MD5;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	o.transfer = c->scp ? IP_TRANSFER_SCP : IP_TRANSFER_TFTP;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_assert_not(p.refused, "%s: refused: %s", c->c.name, p.n_reasons ? p.reasons[0] : "");
	size_t raise = step_index(&p, "ip tftp blocksize 8192");
	size_t copy = step_index(&p, c->scp ? "copy scp:" : "copy tftp:");
	size_t back = step_index(&p, "no ip tftp blocksize");
	if (!c->blocksize) {
		cr_expect_eq(raise, SIZE_MAX, "%s: raises the block size", c->c.name);
		cr_expect_eq(back, SIZE_MAX, "%s", c->c.name);
	} else {
		cr_assert_neq(raise, SIZE_MAX, "%s: no ip tftp blocksize 8192", c->c.name);
		cr_expect_eq(p.steps[raise].mode, IP_MODE_CONFIG);
		cr_expect_lt(raise, copy, "%s: raised after the copy", c->c.name);
		cr_assert_neq(back, SIZE_MAX, "%s: not put back", c->c.name);
		cr_expect_eq(p.steps[back].phase, IP_PHASE_CLEANUP, "%s", c->c.name);
		cr_expect(strstr(p.steps[raise].why, "33553920") && strstr(p.steps[raise].why, "roll"),
			  "%s: the limit is not stated as a condition: %s", c->c.name,
			  p.steps[raise].why);
		cr_expect_neq(step_index(&p, "show running-config | include ip tftp blocksize"),
			      SIZE_MAX, "%s: the block size before is not recorded", c->c.name);
	}
	bool found = false, warned = false;
	for (size_t i = 0; i < p.n_findings; i++) {
		if (strcmp(p.findings[i].finding->rule_id, "tftp-transfer"))
			continue;
		found = true;
		/* softened: what is known, never "carries" as a fact */
		cr_expect(strstr(p.findings[i].finding->message, "unless the device and the server "
				 "roll the block number over"), "%s: %s", c->c.name,
			  p.findings[i].finding->message);
		cr_expect_eq(p.findings[i].role, c->role, "%s: role %s", c->c.name,
			     ip_plan_role_name(p.findings[i].role));
	}
	for (size_t i = 0; i < p.n_warnings; i++)
		warned |= strstr(p.warnings[i], "roll the block number over") != NULL;
	cr_expect_eq(found, c->blocksize || c->scp, "%s: finding %d", c->c.name, found);
	cr_expect_eq(warned, c->warned, "%s: warning %d", c->c.name, warned);
	ip_device_set_free(set);
}

/* --- point 4: --allow-delete-running ---------------------------------------- */

typedef struct delrun_case {
	plan_case c;
	bool scp;
} delrun_case;

static const delrun_case delrun_cases[] = {
	{ { "1941, flash0:, TFTP", "traps/no-space-router.log", "c1900-universalk9-mz.SPA.157-3.M8.bin",
	    93829120 }, false },
	{ { "1941, flash0:, SCP", "traps/no-space-router.log", "c1900-universalk9-mz.SPA.157-3.M8.bin",
	    93829120 }, true },
	{ { "ISR4321 16.9 bundle, TFTP", "../tests/captures/isr4321-full-bootflash.log",
	    "isr4300-universalk9.16.12.04.SPA.bin", 521347072 }, false },
	{ { "ISR4321 16.9 bundle, SCP", "../tests/captures/isr4321-full-bootflash.log",
	    "isr4300-universalk9.16.12.04.SPA.bin", 521347072 }, true },
};

static ip_plan *build_delrun(ip_device_set **set_out, const delrun_case *c)
{
	ip_device_set *set = test_load_samples(c->c.capture, NULL);
	ip_target *t = ip_target_from_name(set->arena, c->c.target, "--target");
	t->size.known = true;
	t->size.v = c->c.size;
	t->md5 = MD5;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	o.transfer = c->scp ? IP_TRANSFER_SCP : IP_TRANSFER_TFTP;
	o.allow_delete_running = true;
	ip_plan *p = ip_arena_alloc(set->arena, sizeof(*p));
	ip_plan_build(p, set->arena, set->v[0], t, &o);
	cr_assert_not(p->refused, "%s: refused: %s", c->c.name, p->n_reasons ? p->reasons[0] : "");
	cr_assert(p->network_fallback, "%s: the running image is not deleted", c->c.name);
	*set_out = set;
	return p;
}

/* The first step with an effect of kind k (on path's base name, if given). */
static size_t effect_step(const ip_plan *p, ip_effect_kind k, const char *path)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_effects; j++) {
			const ip_plan_effect *e = &p->steps[i].effects[j];
			const char *b = e->path && strrchr(e->path, '/') ? strrchr(e->path, '/') + 1 : e->path;
			if (e->kind == k && (!path || (b && !strcmp(b, path))))
				return i;
		}
	return SIZE_MAX;
}

IP_TABLE_PARAMS(plan_expect, delete_running, delrun_cases)

ParameterizedTest(size_t *row, plan_expect, delete_running)
{
	const delrun_case *c = &delrun_cases[*row];
	ip_device_set *set;
	ip_plan *p = build_delrun(&set, c);
	const char *run = p->dev->system_image.path;
	const char *name = strrchr(run, '/') ? strrchr(run, '/') + 1 : run;
	/* uploaded with the transfer chosen */
	char up[512];
	snprintf(up, sizeof(up), "copy %s %s://", p->running, c->scp ? "scp" : "tftp");
	size_t backup = step_index(p, up);
	cr_assert_neq(backup, SIZE_MAX, "%s: no '%s'", c->c.name, up);
	cr_expect_eq(effect_step(p, IP_EFFECT_SERVER_BACKUP, name), backup);
	if (c->scp)
		cr_expect(strstr(p->steps[backup].why, "TFTP root"), "%s: %s", c->c.name,
			  p->steps[backup].why);
	/* a STOP gate on the device's hash of the running image, before any delete */
	char md5[512];
	snprintf(md5, sizeof(md5), "verify /md5 %s", p->running);
	size_t gate = step_index(p, md5);
	cr_assert_neq(gate, SIZE_MAX, "%s: no '%s'", c->c.name, md5);
	cr_expect(p->steps[gate].gate, "%s: not a STOP gate", c->c.name);
	cr_expect(strstr(p->steps[gate].why, "md5sum"), "%s: %s", c->c.name, p->steps[gate].why);
	cr_expect_eq(effect_step(p, IP_EFFECT_SERVER_VERIFY, name), gate);
	size_t del = effect_step(p, IP_EFFECT_DELETE, name);
	cr_assert_neq(del, SIZE_MAX, "%s", c->c.name);
	cr_expect(backup < gate && gate < del, "%s: backup %zu, gate %zu, delete %zu", c->c.name,
		  backup, gate, del);
	/* the network fallback is a condition, never a proof */
	cr_expect_eq(p->proof.target_fails.p.outcome, IP_NEXT_NETWORK, "%s", c->c.name);
	cr_expect_not(p->proof.target_fails.fallback, "%s: counted as proved", c->c.name);
	cr_expect(p->proof.target_fails.conditional, "%s", c->c.name);
	cr_expect(strstr(p->proof.target_fails.text, "conditional"), "%s: %s", c->c.name,
		  p->proof.target_fails.text);
	bool warned = false;
	for (size_t i = 0; i < p->n_warnings; i++)
		warned |= strstr(p->warnings[i], "condition rather than a proof") &&
			  strstr(p->warnings[i], "IP_ADDRESS") && strstr(p->warnings[i], "first LAN");
	cr_expect(warned, "%s: the warning does not state the condition", c->c.name);
	ip_device_set_free(set);
}

/* The proof catches a plan that deletes the running image with the server
 * copy unchecked: the gate's effect removed, R2 breaks at the delete. */
IP_TABLE_PARAMS(plan_expect, delete_running_unchecked_caught, delrun_cases)

ParameterizedTest(size_t *row, plan_expect, delete_running_unchecked_caught)
{
	const delrun_case *c = &delrun_cases[*row];
	ip_device_set *set;
	ip_plan *p = build_delrun(&set, c);
	cr_assert(p->proof.proven, "%s: the untouched plan is proven", c->c.name);
	size_t gate = effect_step(p, IP_EFFECT_SERVER_VERIFY, NULL);
	cr_assert_neq(gate, SIZE_MAX, "%s", c->c.name);
	p->steps[gate].n_effects = 0;
	ip_plan_proof proof;
	ip_plan_prove(&proof, set->arena, p);
	cr_expect_not(proof.proven, "%s: deleting the only image with the server copy unchecked "
		      "passes the proof", c->c.name);
	ip_device_set_free(set);
}

/* --- point 14: the release line after the reload ------------------------------ */

/* What the new release prints, in the form each platform and train uses
 * (DOMAIN.md 3.1): the post-check's version line must be a part of it. */
static const struct {
	plan_case c;
	const char *printed;
} release_cases[] = {
	{ { "ASR1001 to XE 3.16", "../tests/captures/asr1001-xe3.log",
	    "asr1001-universalk9.03.16.10.S.155-3.S10-ext.bin", 498769876 },
	  "Cisco IOS XE Software, Version 03.16.10.S - Extended Support Release" },
	{ { "ISR4321 to 16.12", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 521347072 },
	  "Cisco IOS XE Software, Version 16.12.04" },
	{ { "2960 to 15.2(7)E9", "netstuts-sw1.log", "c2960-lanbasek9-mz.152-7.E9.bin", 12582912 },
	  "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E9, RELEASE "
	  "SOFTWARE (fc2)" },
	{ { "1941 to 15.7(3)M8", "traps/no-space-router.log", "c1900-universalk9-mz.SPA.157-3.M8.bin",
	    33000000 },
	  "Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE "
	  "SOFTWARE (fc2)" },
};

IP_TABLE_PARAMS(plan_expect, release_line, release_cases)

ParameterizedTest(size_t *row, plan_expect, release_line)
{
	const plan_case *c = &release_cases[*row].c;
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	size_t st = step_index(p, "show version | include Version");
	cr_assert_neq(st, SIZE_MAX, "%s", c->name);
	cr_assert_geq(p->steps[st].n_expect, 1, "%s", c->name);
	cr_expect(strstr(release_cases[*row].printed, p->steps[st].expect[0]), "%s: '%s' is not "
		  "in what the release prints: '%s'", c->name, p->steps[st].expect[0],
		  release_cases[*row].printed);
	ip_device_set_free(set);
}

/* The server's digest is the operator's: every format asks for it, and the
 * playbook's gate fails unless the device printed the same. */
IP_TABLE_PARAMS(plan_expect, delete_running_digest_asked, delrun_cases)

ParameterizedTest(size_t *row, plan_expect, delete_running_digest_asked)
{
	const delrun_case *c = &delrun_cases[*row];
	ip_device_set *set;
	ip_plan *p = build_delrun(&set, c);
	size_t gate = effect_step(p, IP_EFFECT_SERVER_VERIFY, NULL);
	cr_assert_neq(gate, SIZE_MAX, "%s", c->c.name);
	cr_expect_str_eq(p->steps[gate].expect_var, "running_md5");
	char *yml = written(p, ip_plan_write_ansible);
	cr_expect(strstr(yml, "  - name: running_md5\n"), "%s: not asked for:\n%s", c->c.name, yml);
	/* libyaml folds long plain scalars: a line break and its indent are
	 * one space to YAML */
	char *flat = malloc(strlen(yml) + 1), *w = flat;
	for (const char *q = yml; *q; q++) {
		if (*q == '\n' && q[1] == ' ') {
			while (q[1] == ' ')
				q++;
			*w++ = ' ';
		} else {
			*w++ = *q;
		}
	}
	*w = '\0';
	cr_expect(strstr(flat, "(running_md5 | string | trim | lower) not in"), "%s:\n%s", c->c.name,
		  flat);
	free(flat);
	char *text = written(p, ip_plan_write_text);
	cr_expect(strstr(text, "!   expect also: the md5sum of "), "%s", c->c.name);
	free(text);
	free(yml);
	ip_device_set_free(set);
}

/* --- the expect-line invariant (the proof's R14) ----------------------------- */

/* Line `no` of the file at path (1-based), or NULL. */
static char *file_line(const char *path, uint32_t no)
{
	char *text = test_read_file(path, NULL);
	if (!text)
		return NULL;
	char *p = text;
	for (uint32_t i = 1; i < no && p; i++) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	char *out = NULL;
	if (p) {
		size_t n = strcspn(p, "\r\n");
		out = strndup(p, n);
	}
	free(text);
	return out;
}

/* Every expect line of every step has its source: a documented form it is
 * an instance of, or the capture line it is quoted from, which holds it. */
static void check_sources(const char *name, const ip_expect_src *src, const char *const *lines,
			  size_t n)
{
	for (size_t j = 0; j < n; j++) {
		cr_assert_not_null(src, "%s: '%s' has no source", name, lines[j]);
		if (src[j].form != IP_EXPECT_QUOTED) {
			cr_expect(ip_expect_matches(src[j].form, lines[j]), "%s: '%s' is not a %s "
				  "line", name, lines[j], ip_expect_row_of(src[j].form)
				  ? ip_expect_row_of(src[j].form)->id : "?");
			continue;
		}
		cr_assert(src[j].span.line > 0 && src[j].span.file, "%s: '%s' quoted from nowhere",
			  name, lines[j]);
		char *line = file_line(src[j].span.file, src[j].span.line);
		cr_expect(line && strstr(line, lines[j]), "%s: '%s' is not on %s line %u: '%s'",
			  name, lines[j], src[j].span.file, src[j].span.line, line ? line : "");
		free(line);
	}
}

static const plan_case source_cases[] = {
	{ "2960, flash: form", "netstuts-sw1.log", "c2960-lanbasek9-mz.152-7.E9.bin", 12582912 },
	{ "2960, flash:/ form", "../tests/captures/c2960-flash-slash.log",
	  "c2960-lanbasek9-mz.152-7.E9.bin", 12582912 },
	{ "2960-X, image in its directory", "dirty-2960x.log", "c2960x-universalk9-mz.152-7.E9.bin",
	  26815488 },
	{ "3750-X stack, tar layout", "stack-3750x-tar.log", "c3750e-universalk9-tar.152-4.E10.tar",
	  23900160 },
	{ "2960-X stack, bundle", "stack-2960x-bundle.log", "c2960x-universalk9-mz.152-7.E9.bin",
	  26815488 },
	{ "ISR4321, 16.9", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 521347072 },
	{ "ASR1001, XE 3.9", "../tests/captures/asr1001-xe3.log",
	  "asr1001-universalk9.03.16.10.S.155-3.S10-ext.bin", 498769876 },
	{ "C9300 install mode", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
	{ "C9300 install stack", "stack-9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin",
	  1396867236 },
	{ "1941, flash0:", "traps/no-space-router.log", "c1900-universalk9-mz.SPA.157-3.M8.bin",
	  33000000 },
	{ "ISR4321, already on the target (remediation)", "traps/alphabetical.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 559482880 },
};

IP_TABLE_PARAMS(plan_expect, every_line_sourced, source_cases)

ParameterizedTest(size_t *row, plan_expect, every_line_sourced)
{
	const plan_case *c = &source_cases[*row];
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	cr_expect(p->proof.proven, "%s", c->name);
	size_t n = 0;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		char name[256];
		snprintf(name, sizeof(name), "%s, '%s'", c->name, st->title);
		check_sources(name, st->expect_src, st->expect, st->n_expect);
		check_sources(name, st->expect_any_src, st->expect_any, st->n_expect_any);
		n += st->n_expect + st->n_expect_any;
	}
	cr_expect_geq(n, 5, "%s: %zu expect lines", c->name, n);
	ip_device_set_free(set);
}

/* The proof refuses a step that emits an expect line with no documented
 * form and no capture line behind it, or one that claims a form it is not:
 * each is appended to a proven plan, which then fails R14. */
static const struct {
	const char *name;
	int form;
	const char *line;
	bool quoted_span; /* QUOTED with a span (accepted) or without (refused) */
	bool accepted;
} bad_expects[] = {
	{ "the documented ping line", IP_EXPECT_PING_100, "Success rate is 100 percent", false, true },
	{ "a ping line of another form", IP_EXPECT_PING_100, "Success rate is 100 percent (5/5)",
	  false, false },
	{ "a made-up success line", IP_EXPECT_SAVE_OK, "Upgrade complete", false, false },
	{ "a size that is no number", IP_EXPECT_DIR_SIZE, "about 500 MB", false, false },
	{ "quoted from nowhere", IP_EXPECT_QUOTED, "flash:c2960-lanbasek9-mz.152-7.E9.bin", false,
	  false },
	{ "quoted with its line", IP_EXPECT_QUOTED, "flash:c2960-lanbasek9-mz.152-7.E9.bin", true,
	  true },
	{ "an unknown form", IP_EXPECT_COUNT + 3, "Ready", false, false },
};

IP_TABLE_PARAMS(plan_expect, undocumented_caught, bad_expects)

ParameterizedTest(size_t *row, plan_expect, undocumented_caught)
{
	const plan_case *c = &source_cases[5];
	ip_device_set *set;
	ip_plan *p = build(&set, c);
	cr_assert(p->proof.proven, "%s", c->name);
	/* the post-check of the release gets one more line */
	ip_plan_step *st = NULL;
	for (size_t i = 0; i < p->n_steps && !st; i++)
		if (p->steps[i].phase == IP_PHASE_POSTCHECK)
			st = &p->steps[i];
	cr_assert_not_null(st);
	size_t n = st->n_expect;
	const char **lines = ip_arena_alloc(set->arena, (n + 1) * sizeof(*lines));
	ip_expect_src *src = ip_arena_alloc(set->arena, (n + 1) * sizeof(*src));
	memcpy(lines, st->expect, n * sizeof(*lines));
	memcpy(src, st->expect_src, n * sizeof(*src));
	lines[n] = bad_expects[*row].line;
	src[n] = (ip_expect_src){ .form = bad_expects[*row].form };
	if (bad_expects[*row].quoted_span)
		src[n].span = (ip_span){ "netstuts-r1.log", 12, 1, 12, 2 };
	st->expect = lines;
	st->expect_src = src;
	st->n_expect = n + 1;
	ip_plan_proof proof;
	ip_plan_prove(&proof, set->arena, p);
	bool r14 = false;
	for (size_t i = 0; i < proof.n_violations; i++)
		r14 |= strstr(proof.violations[i], "R14") != NULL;
	cr_expect_eq(r14, !bad_expects[*row].accepted, "%s: R14 %s", bad_expects[*row].name,
		     r14 ? "broken" : "kept");
	cr_expect_eq(proof.proven, bad_expects[*row].accepted, "%s", bad_expects[*row].name);
	ip_device_set_free(set);
}

/* The one table: ids unique and sorted, every row with its pattern and
 * where the line comes from. */
Test(plan_expect, table_documented)
{
	const ip_expect_row *prev = NULL;
	size_t n = 0;
	for (int f = IP_EXPECT_QUOTED + 1; f < IP_EXPECT_COUNT; f++, n++) {
		const ip_expect_row *r = ip_expect_row_of(f);
		cr_assert_not_null(r, "form %d", f);
		cr_expect(r->id && *r->id && r->pattern && *r->pattern, "form %d", f);
		cr_expect(r->source && strlen(r->source) > 20, "%s: no source", r->id);
		if (prev)
			cr_expect_lt(strcmp(prev->id, r->id), 0, "%s then %s", prev->id, r->id);
		/* a '{' only opens one of the four placeholders the matcher knows */
		for (const char *q = strchr(r->pattern, '{'); q; q = strchr(q + 1, '{'))
			cr_expect(!strncmp(q, "{n}", 3) || !strncmp(q, "{hex}", 5) ||
				  !strncmp(q, "{tok}", 5) || !strncmp(q, "{text}", 6),
				  "%s: %s", r->id, r->pattern);
		prev = r;
	}
	cr_expect_gt(n, 20);
	cr_expect_null(ip_expect_row_of(IP_EXPECT_QUOTED));
	cr_expect_null(ip_expect_row_of(IP_EXPECT_COUNT));
	cr_expect(ip_expect_matches(IP_EXPECT_BYTES_COPIED_N, "521347072 bytes copied"));
	cr_expect_not(ip_expect_matches(IP_EXPECT_BYTES_COPIED_N, " bytes copied"));
	cr_expect(ip_expect_matches(IP_EXPECT_CONFREG_NEXT,
				    "Configuration register is 0x2101 (will be 0x2102 at next reload)"));
	cr_expect_not(ip_expect_matches(IP_EXPECT_CONFREG, "Configuration register is 0x2102 "));
	cr_expect(ip_expect_matches(IP_EXPECT_VERIFIED, "Verified (flash:a.bin) = 0a1b"));
	cr_expect_not(ip_expect_matches(IP_EXPECT_VERIFIED, "Verified (flash:a b.bin) = 0a1b"));
	cr_expect(ip_expect_matches(IP_EXPECT_BOOT_LINE, "boot system flash:a.bin"));
	cr_expect_not(ip_expect_matches(IP_EXPECT_BOOT_LINE, "boot system "));
	cr_expect(ip_expect_matches(IP_EXPECT_IMAGE_TAIL, "isr4300.bin\""));
	cr_expect_not(ip_expect_matches(IP_EXPECT_IMAGE_TAIL, "isr4300.bin"));
}
/* --- issue 21: the install commands of the running release --------------- */

typedef struct flow_case {
	plan_case c;
	bool two_step;
	const char *since_series, *since_release; /* install_commands_since, or NULL */
	const char *install;  /* the install command the reload phase types (prefix) */
	const char *clean;    /* the clean-up command (prefix) */
	bool summary;         /* `show install summary` among the pre-checks */
	bool warned;          /* a warning names an assumed boundary */
} flow_case;

/* platform x running release x target release */
static const flow_case flows[] = {
	/* issue 21 pt 3: the two-step form where install add exists */
	{ { "C9300 on 17.9, two-step", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin",
	    1325314572 }, true, NULL, NULL,
	  "install activate auto-abort-timer 120", "install remove inactive", true, false },
	/* asked for where it does not exist: the old release's commands */
	{ { "3850 stack on 16.3, two-step asked", "stack-3850-16-3.log",
	    "cat3k_caa-universalk9.16.12.12.SPA.bin", 491470848 }, true, NULL, NULL,
	  "request platform software package install switch all file "
	  "flash:cat3k_caa-universalk9.16.12.12.SPA.bin new auto-copy",
	  "install remove inactive", false, true },
	{ { "3850 stack on 16.3 to 16.12", "stack-3850-16-3.log",
	    "cat3k_caa-universalk9.16.12.12.SPA.bin", 491470848 }, false, NULL, NULL,
	  "request platform software package install switch all file "
	  "flash:cat3k_caa-universalk9.16.12.12.SPA.bin new auto-copy",
	  "install remove inactive", false, true },
	{ { "3850 on 3.6.5E to 16.3", "../tests/captures/c3850-3x-install.log",
	    "cat3k_caa-universalk9.16.03.06.SPA.bin", 385874944 }, false, NULL, NULL,
	  "software install file flash:cat3k_caa-universalk9.16.03.06.SPA.bin new force",
	  "request platform software package clean switch all file flash:", false, false },
	{ { "3850 stack on 16.12.9", "stack-3850.log", "cat3k_caa-universalk9.16.12.12.SPA.bin",
	    491470848 }, false, NULL, NULL, "install add file flash:cat3k_caa-universalk9.16.12.12.SPA.bin "
	  "activate commit", "install remove inactive", true, true },
	{ { "C9300 on 17.9", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 },
	  false, NULL, NULL, "install add file flash:cat9k_iosxe.17.12.04.SPA.bin activate commit",
	  "install remove inactive", true, false },
	/* a site that says its 9300s have install add only from 17.10.1: the
	 * Cat9k form, without `new`; the 17.12.4 target has it */
	{ { "C9300 on 17.9, install_commands_since 17.10.1", "c9300-install.log",
	    "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 }, false, "C9300", "17.10.1",
	  "request platform software package install switch all file "
	  "flash:cat9k_iosxe.17.12.04.SPA.bin auto-copy", "install remove inactive", false, false },
};

static ip_plan *build_flow(ip_device_set **set_out, const flow_case *fc, ip_check_config *cc,
			   ip_install_since *ov)
{
	const plan_case *c = &fc->c;
	ip_device_set *set = test_load_samples(c->capture, NULL);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->name, set->n);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5;
	ip_check_config_defaults(cc);
	if (fc->since_series) {
		*ov = (ip_install_since){ fc->since_series, fc->since_release };
		cc->opts.install_since = ov;
		cc->opts.n_install_since = 1;
	}
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	o.check = cc;
	o.install_steps = fc->two_step ? IP_STEPS_TWO_STEP : IP_STEPS_ONE_SHOT;
	ip_plan *p = ip_arena_alloc(set->arena, sizeof(*p));
	ip_plan_build(p, set->arena, set->v[0], t, &o);
	cr_assert_not(p->refused, "%s: refused: %s", c->name, p->n_reasons ? p->reasons[0] : "");
	cr_assert(p->proof.proven, "%s: not proven", c->name);
	*set_out = set;
	return p;
}

static bool typed(const ip_plan *p, ip_plan_phase ph, const char *prefix)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++)
			if ((int)ph < 0 || p->steps[i].phase == ph)
				if (starts(p->steps[i].commands[j], prefix))
					return true;
	return false;
}

IP_TABLE_PARAMS(plan_expect, install_commands_of_running_release, flows)

ParameterizedTest(size_t *row, plan_expect, install_commands_of_running_release)
{
	const flow_case *fc = &flows[*row];
	ip_check_config cc;
	ip_install_since ov;
	ip_device_set *set;
	ip_plan *p = build_flow(&set, fc, &cc, &ov);
	const char *name = fc->c.name;
	cr_assert_eq(p->method, IP_METHOD_INSTALL, "%s", name);
	cr_expect(typed(p, IP_PHASE_RELOAD, fc->install), "%s: no '%s'", name, fc->install);
	cr_expect(typed(p, IP_PHASE_CLEANUP, fc->clean), "%s: no clean-up '%s'", name, fc->clean);
	/* before `install` existed, no step before the reload types it */
	bool old = !starts(fc->install, "install ");
	for (size_t i = 0; old && i < p->n_steps; i++)
		for (size_t j = 0; p->steps[i].phase <= IP_PHASE_RELOAD && j < p->steps[i].n_commands; j++)
			cr_expect_not(starts(p->steps[i].commands[j], "install ") ||
				      starts(p->steps[i].commands[j], "show install"),
				      "%s: '%s' on a release without install", name,
				      p->steps[i].commands[j]);
	cr_expect_eq(typed(p, IP_PHASE_PRECHECK, "show install summary"), fc->summary, "%s", name);
	bool warned = false;
	for (size_t i = 0; i < p->n_warnings; i++)
		warned |= strstr(p->warnings[i], "UNCONFIRMED") != NULL;
	cr_expect_eq(warned, fc->warned, "%s: assumption warned %d", name, warned);
	/* every expect line of the install, clean-up and rollback steps is
	 * a documented one */
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (st->phase != IP_PHASE_RELOAD && st->phase != IP_PHASE_ROLLBACK &&
		    !(st->phase == IP_PHASE_CLEANUP && starts(st->title, "Remove the old packages")))
			continue;
		/* the one table of documented lines (planner/plan_expect.def,
		 * each row with its source), or a quoted capture line */
		char where[256];
		snprintf(where, sizeof(where), "%s, '%s'", name, st->title);
		check_sources(where, st->expect_src, st->expect, st->n_expect);
	}
	ip_device_set_free(set);
}

/* --- issue 21 pt 2: install remove inactive before install add ------------ */

typedef struct remove_case {
	plan_case c;
	bool removes;       /* install remove inactive in the transfer phase */
	const char *reason; /* part of its why */
	const char *freed;  /* part of what it says it frees */
} remove_case;

static const remove_case removes[] = {
	/* room enough, packages of 17.06.05 left: removed first, and said why */
	{ { "C9300, room, 17.06.05 packages left", "../tests/captures/c9300-inactive-roomy.log",
	    "cat9k_iosxe.17.12.04.SPA.bin", 1325314572 }, true, "packages of another release are "
	  "left on flash", "flash: 2435772281 bytes (1 image, 3 packages of another release)" },
	/* tight on both members: the packages are what makes member 2's room */
	{ { "C9300 stack, tight, 17.06.05 packages", "stack-9300-inactive.log",
	    "cat9k_iosxe.17.12.04.SPA.bin", 1396867236 }, true, "2863577833 bytes needed on flash:",
	  "flash-2: 1394937901 bytes (0 images, 11 packages of another release)" },
	/* room, no other release's file listed, but show install summary lists
	 * an image added and never activated (I): its packages are removed
	 * first, and the capture line is named (the row added to the sample's
	 * summary as genieparser's ShowInstallSummary outputs print it) */
	{ { "C9300, room, an I row in show install summary",
	    "../tests/captures/c9300-install-inactive-row.log", "cat9k_iosxe.17.12.04.SPA.bin",
	    1325314572 }, true, "lists IMG 17.10.01.0.1444 as inactive (I) at",
	  "c9300-install-inactive-row.log:178" },
	/* nothing inactive but the running release's .bin, room enough */
	{ { "C9300, room, nothing inactive", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin",
	    1325314572 }, false, NULL, NULL },
};

IP_TABLE_PARAMS(plan_expect, remove_inactive_first, removes)

ParameterizedTest(size_t *row, plan_expect, remove_inactive_first)
{
	const remove_case *rc = &removes[*row];
	ip_device_set *set;
	ip_plan *p = build(&set, &rc->c);
	const ip_plan_step *st = NULL;
	for (size_t i = 0; i < p->n_steps && !st; i++)
		if (p->steps[i].phase == IP_PHASE_TRANSFER && p->steps[i].n_commands &&
		    !strcmp(p->steps[i].commands[0], "install remove inactive"))
			st = &p->steps[i];
	cr_assert_eq(st != NULL, rc->removes, "%s: removal %s", rc->c.name, st ? "planned" : "not");
	if (st) {
		cr_expect(strstr(st->why, rc->reason), "%s: why: %s", rc->c.name, st->why);
		cr_expect(strstr(st->why, rc->freed), "%s: why: %s", rc->c.name, st->why);
		/* and before the copy */
		bool copy_after = false;
		for (const ip_plan_step *q = st + 1; q < p->steps + p->n_steps; q++)
			copy_after |= q->n_commands && starts(q->commands[0], "copy ") &&
				      q->phase == IP_PHASE_TRANSFER;
		cr_expect(copy_after, "%s: the removal comes after the copy", rc->c.name);
	}
	cr_assert(p->proof.proven, "%s", rc->c.name);
	ip_device_set_free(set);
}

/* --- issue 21 pt 3: the rollback phase's software rollback, and the
 * install abort line, each with its documented row ---------------------- */

typedef struct undo_case {
	flow_case f;
	const char *command;  /* typed in the rollback phase */
	int id;               /* the expect row (ip_expect_form) its step carries */
	const char *line;
} undo_case;

static const undo_case undos[] = {
	/* 3.x to 3.x: software rollback (cf_command_ref) */
	{ { { "3850 on 3.6.5E to 3.6.6E", "../tests/captures/c3850-3x-install.log",
	      "cat3k_caa-universalk9.SPA.03.06.06.E.152-2.E6.bin", 311382016 }, false, NULL, NULL,
	    NULL, NULL, false, false },
	  "software rollback", IP_EXPECT_SOFTWARE_ROLLBACK_OK, "Finished rolling back software changes" },
	/* the same with a 3.7 target: the command is the running 3.x release's */
	{ { { "3850 on 3.6.5E to 3.7.5E", "../tests/captures/c3850-3x-install.log",
	      "cat3k_caa-universalk9.SPA.03.07.05.E.152-3.E5.bin", 323289088 }, false, NULL, NULL,
	    NULL, NULL, false, false },
	  "software rollback", IP_EXPECT_SOFTWARE_ROLLBACK_OK, "Finished rolling back software changes" },
};

IP_TABLE_PARAMS(plan_expect, rollback_undo_lines, undos)

ParameterizedTest(size_t *row, plan_expect, rollback_undo_lines)
{
	const undo_case *u = &undos[*row];
	ip_check_config cc;
	ip_install_since ov;
	ip_device_set *set;
	ip_plan *p = build_flow(&set, &u->f, &cc, &ov);
	const ip_plan_step *st = NULL;
	for (size_t i = 0; i < p->n_steps && !st; i++)
		if (p->steps[i].phase == IP_PHASE_ROLLBACK && p->steps[i].n_commands &&
		    !strcmp(p->steps[i].commands[0], u->command))
			st = &p->steps[i];
	cr_assert_not_null(st, "%s: no rollback step types %s", u->f.c.name, u->command);
	bool found = false;
	for (size_t k = 0; k < st->n_expect; k++)
		found |= st->expect_src[k].form == u->id && !strcmp(st->expect[k], u->line);
	cr_expect(found, "%s: %s expects '%s' from its plan_expect.def row", u->f.c.name,
		  u->command, u->line);
	/* the install step says that no rollback timer runs (no auto-rollback
	 * asked) and what the documented default would be (issue 21 pt 1) */
	bool said = false;
	for (size_t i = 0; i < p->n_steps; i++)
		said |= p->steps[i].phase == IP_PHASE_RELOAD && p->steps[i].why &&
			strstr(p->steps[i].why, "no rollback timer runs") &&
			strstr(p->steps[i].why, "45 minutes by default");
	cr_expect(said, "%s: the 3.x rollback timer is stated", u->f.c.name);
	/* it answers its own reload question: no separate reload typed */
	for (size_t k = 0; k < st->n_commands; k++)
		cr_expect(strcmp(st->commands[k], "reload"), "%s: a second reload", u->f.c.name);
	ip_device_set_free(set);
}

/* Each row's line is in the device's own output its source quotes, and
 * not in the failure forms found (research21 4: genielibs' abort mock). */
Test(plan_expect, undo_rows_are_in_the_documented_output)
{
	static const struct {
		int id;
		const char *line, *device, *failed;
	} rows[] = {
		{ IP_EXPECT_SOFTWARE_ROLLBACK_OK, "Finished rolling back software changes",
		  "[2]: Finished rolling back software changes. New software will load on reboot.",
		  "Preparing rollback operation ..." },
		{ IP_EXPECT_INSTALL_ABORT_OK, "SUCCESS: install_abort",
		  "SUCCESS: install_abort Tue May 03 18:32:43 UTC 2022",
		  "FAILED: install_abort : System configuration has been modified. Please save "
		  "configuration and resubmit command." },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		cr_expect(ip_expect_matches(rows[i].id, rows[i].line), "%s", rows[i].line);
		cr_expect(strstr(rows[i].device, rows[i].line), "%s in the device's line", rows[i].line);
		cr_expect_not(strstr(rows[i].failed, rows[i].line), "%s not in the failure", rows[i].line);
		cr_expect_not_null(ip_expect_row_of(rows[i].id), "%s: a row with its source", rows[i].line);
	}
}

/* --- issue 21 pt 4: a router in install mode before `install add` -------- */

typedef struct before_add_case {
	const char *name;
	const char *capture;        /* a bundle-mode capture, made install mode */
	const char *from, *to;      /* the version lines swapped, or NULL */
	const char *image;          /* its running .bin, booted as packages.conf */
	const char *target;
	const char *assumed;        /* the refusal names the boundary so, or NULL */
} before_add_case;

static const before_add_case before_add[] = {
	{ "ASR1001 on XE 3.9 in install mode", "../tests/captures/asr1001-xe3.log", NULL, NULL,
	  "bootflash:asr1001-universalk9.03.09.01.S.153-2.S1.bin",
	  "asr1001-universalk9.03.16.10.S.155-3.S10.bin", NULL },
	{ "ISR4321 on 16.3.7 in install mode (assumed 16.6.1)",
	  "../tests/captures/isr4321-target-staged.log", "16.09.06", "16.03.07",
	  "bootflash:isr4300-universalk9.16.09.06.SPA.bin", "isr4300-universalk9.16.12.04.SPA.bin",
	  "only from 16.6.1 on ISR4" },
};

IP_TABLE_PARAMS(plan_expect, router_before_install_add, before_add)

/* s with every `from` replaced by `to` (NULL from: a copy). */
static char *swap(const char *s, const char *from, const char *to)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	for (const char *t = s; *t;)
		if (from && !strncmp(t, from, strlen(from))) {
			fputs(to, f);
			t += strlen(from);
		} else
			fputc(*t++, f);
	fclose(f);
	return out;
}

ParameterizedTest(size_t *row, plan_expect, router_before_install_add)
{
	const before_add_case *c = &before_add[*row];
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", test_samples_dir(), c->capture);
	char *text = test_read_file(path, NULL);
	cr_assert_not_null(text);
	char *a = swap(text, c->image, "bootflash:packages.conf");
	char *b = c->from ? swap(a, c->from, c->to) : a;
	ip_device_set *set = test_load_text("router.log", b);
	cr_assert_eq(set->n, 1);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size = (ip_u64){ true, 400000000, { 0 } };
	t->md5 = MD5;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_expect(p.refused, "%s: refused", c->name);
	bool named = false, assumed = c->assumed == NULL;
	for (size_t i = 0; i < p.n_reasons; i++) {
		named |= strstr(p.reasons[i], "request platform software package expand file "
					      "bootflash:<image>.bin to bootflash:<dir>") &&
			 strstr(p.reasons[i], "boot system bootflash:<dir>/packages.conf") &&
			 strstr(p.reasons[i], "Enroll Cisco IOS managed gateways to Webex Cloud");
		if (c->assumed)
			assumed |= strstr(p.reasons[i], c->assumed) &&
				   strstr(p.reasons[i], "an assumption");
	}
	cr_expect(named, "%s: the refusal names the documented procedure: %s", c->name,
		  p.n_reasons ? p.reasons[0] : "-");
	cr_expect(assumed, "%s: the boundary named as an assumption", c->name);
	ip_device_set_free(set);
	if (b != a)
		free(b);
	free(a);
	free(text);
}

/* --- issue 24: the rollback point is the operator's ------------------------- */

/* `install rollback to id ID`: ID is a word only the operator can fill in
 * (show install rollback lists the points). Every format names it: the
 * text plan says what to type for ID, markdown too, JSON has command_var,
 * and the playbook asks for it and sends digits only, never "ID". A
 * rollback without install's rollback points (request platform ..., the
 * 3.x software rollback) has no word to fill in. */
IP_TABLE_PARAMS(plan_expect, rollback_id_asked, flows)

ParameterizedTest(size_t *row, plan_expect, rollback_id_asked)
{
	const flow_case *fc = &flows[*row];
	ip_check_config cc;
	ip_install_since ov;
	ip_device_set *set;
	ip_plan *p = build_flow(&set, fc, &cc, &ov);
	const char *name = fc->c.name;
	size_t rb = effect_step(p, IP_EFFECT_INSTALL_ROLLBACK, NULL);
	cr_assert_neq(rb, SIZE_MAX, "%s: no rollback step", name);
	const ip_plan_step *st = &p->steps[rb];
	bool by_id = typed(p, IP_PHASE_ROLLBACK, "install rollback to id ");
	char *yml = written(p, ip_plan_write_ansible);
	char *text = written(p, ip_plan_write_text);
	char *md = written(p, ip_plan_write_markdown);
	char *json = written(p, ip_plan_write_json);
	if (by_id) {
		cr_expect_str_eq(st->cmd_var, "rollback_id", "%s", name);
		cr_expect_str_eq(st->cmd_var_word, "ID", "%s", name);
		cr_expect(strstr(st->commands[st->n_commands - 1], " id ID "), "%s", name);
		cr_expect(strstr(yml, "  - name: rollback_id\n"), "%s: not asked for:\n%s", name, yml);
		cr_expect(strstr(yml, "is match('^[0-9]{1,9}$')"), "%s: not checked:\n%s", name, yml);
		cr_expect(strstr(yml, "'{{ iosplan_cmd[0] }}{{ rollback_id | string | trim | int }}"
				      "{{ iosplan_cmd[1] }}'"), "%s:\n%s", name, yml);
		cr_expect_not(strstr(yml, "to id ID"), "%s: the placeholder is sent:\n%s", name, yml);
		cr_expect(strstr(text, "install rollback to id ID prompt-level none\n"
				       "!   replace ID with: the ID of the rollback point show install "
				       "rollback lists for "), "%s:\n%s", name, text);
		cr_expect(strstr(md, "In the last line, replace `ID` with the ID of the rollback point"),
			  "%s:\n%s", name, md);
		cr_expect(strstr(json, "\"command_var\":\t{") &&
			  strstr(json, "\"variable\":\t\"rollback_id\"") &&
			  strstr(json, "\"replaces\":\t\"ID\"") &&
			  strstr(json, "\"prompt\":\t\"ID of the rollback point"), "%s:\n%s", name, json);
	} else {
		cr_expect_null(st->cmd_var, "%s", name);
		cr_expect_not(strstr(yml, "rollback_id"), "%s", name);
	}
	/* no other step has a word to fill in */
	for (size_t i = 0; i < p->n_steps; i++)
		cr_expect(i == rb || !p->steps[i].cmd_var, "%s: step %zu", name, i);
	free(yml);
	free(text);
	free(md);
	free(json);
	ip_device_set_free(set);
}
