/* Issue 20, point 11: a stack member without the running image on its own
 * flash keeps no fallback, however the boot list reads. The plan copies
 * the running image to that member when it has room beside the target and
 * the margin, and verifies the copy there against the MD5 the active
 * computes of its own; when the member has no room it refuses, naming the
 * member and the bytes short (or, with --allow-no-fallback, warns).
 *
 * Each row is a capture under tests/fallback/ (a 2960-X classic stack
 * with flashN:, a 3850 bundle stack with flash-N:, room or none; a
 * 3750-X tar stack, which the plan does not copy to) or a
 * sample that needs no copy, and what the plan must do. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "plan.h"
#include "plan_query.h"
#include "plan_invariants.h"

#define MD5A "0123456789abcdef0123456789abcdef"
#define E8 "c2960x-universalk9-mz.152-7.E8.bin"
#define E9 "c2960x-universalk9-mz.152-7.E9.bin"
#define C9 "cat3k_caa-universalk9.16.12.09.SPA.bin"
#define C12 "cat3k_caa-universalk9.16.12.12.SPA.bin"

typedef struct sfb_case {
	const char *name;
	const char *capture;     /* under tests/, relative */
	const char *target;
	unsigned long long size;
	bool allow_no_fallback;
	bool refused;
	const char *copies[3];   /* members the running image is copied to ("flash2:") */
	const char *reason;      /* refused: in a reason */
} sfb_case;

static const sfb_case cases[] = {
	{ "2960-X stack, member 2 lacks it, room", "fallback/stack-2960x-member-lacks.log", E9,
	  26815488, false, false, { "flash2:" }, NULL },
	{ "2960-X stack, member 2 lacks it, room, allowed anyway",
	  "fallback/stack-2960x-member-lacks.log", E9, 26815488, true, false, { "flash2:" }, NULL },
	{ "2960-X stack, member 2 lacks it, no room", "fallback/stack-2960x-member-full.log", E9,
	  26815488, false, true, { NULL }, "stack member 2 has no copy of the running image on "
	  "flash2: and no room for one" },
	{ "2960-X stack, no room: the bytes short", "fallback/stack-2960x-member-full.log", E9,
	  26815488, false, true, { NULL }, "4754022 bytes short" },
	{ "2960-X stack, no room, allowed: warned", "fallback/stack-2960x-member-full.log", E9,
	  26815488, true, false, { NULL }, NULL },
	{ "3850 bundle stack, members 2 and 3 lack it", "fallback/stack-3850-bundle-member-lacks.log",
	  C12, 491470848, false, false, { "flash-2:", "flash-3:" }, NULL },
	{ "3850 bundle stack, member 3 has no room", "fallback/stack-3850-bundle-member-full.log",
	  C12, 491470848, false, true, { NULL }, "stack member 3 has no copy of the running "
	  "image on flash-3: and no room for one" },
	{ "3750-X tar stack, member 3 lacks it: refused, says why",
	  "fallback/stack-3750x-member-lacks.log", "c3750e-universalk9-tar.152-4.E10.tar", 23900160,
	  false, true, { NULL }, "stack member 3 has no copy of the running image on flash3:" },
	{ "3750-X tar stack: why no copy", "fallback/stack-3750x-member-lacks.log",
	  "c3750e-universalk9-tar.152-4.E10.tar", 23900160, false, true, { NULL },
	  "copies a running image to a member only in bundle mode" },
	/* found by the property test (seed 20260367791334): a directory of the
	 * name the tar unpacks to, left on a member, its contents not listed;
	 * the old code planned over it and its proof could not decide the
	 * member's "target fails" boot */
	{ "3750-X tar stack, the target's directory left on member 2",
	  "fallback/stack-3750x-tar-leftover.log", "c3750e-universalk9-tar.152-4.E10.tar", 23900160,
	  true, true, { NULL }, "flash2: already holds c3750e-universalk9-mz.152-4.E10/" },
	{ "2960-X stack, every member has it: no copy", "../samples/stack-2960x-bundle.log", E9,
	  26815488, false, false, { NULL }, NULL },
};

static size_t index_of(const ip_plan *p, const ip_plan_step *st)
{
	return (size_t)(st - p->steps);
}

static void build(ip_plan *p, ip_device_set *set, const sfb_case *c)
{
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5A;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.1";
	o.allow_no_fallback = c->allow_no_fallback;
	ip_plan_build(p, set->arena, set->v[0], t, &o);
}

static const char *running_of(const sfb_case *c)
{
	return strstr(c->target, "c2960x") ? E8 : C9;
}

IP_TABLE_PARAMS(plan_stackfb, cases, cases)

ParameterizedTest(size_t *row, plan_stackfb, cases)
{
	const sfb_case *c = &cases[*row];
	char name[256];
	snprintf(name, sizeof(name), "../tests/%s", c->capture);
	ip_device_set *set = test_load_samples(name, NULL);
	ip_plan p;
	build(&p, set, c);
	const char *old = running_of(c);
	if (c->refused) {
		cr_assert(p.refused, "%s: planned", c->name);
		cr_assert(texts_have(p.reasons, p.n_reasons, c->reason), "%s: %s", c->name,
			  p.n_reasons ? p.reasons[0] : "-");
		ip_device_set_free(set);
		return;
	}
	cr_assert(!p.refused, "%s: refused: %s", c->name, p.n_reasons ? p.reasons[0] : "-");
	cr_assert(p.proof.proven, "%s: not proven", c->name);
	const char *inv = plan_invariants_check(&p, set->arena);
	cr_assert_null(inv, "%s: %s", c->name, inv);
	size_t n_copies = 0;
	for (size_t i = 0; i < 3 && c->copies[i]; i++, n_copies++) {
		const char *fs = c->copies[i];
		char cmd[256], ver[256];
		snprintf(cmd, sizeof(cmd), "copy flash:%s %s", old, fs);
		snprintf(ver, sizeof(ver), "verify /md5 %s%s", fs, old);
		const ip_plan_step *cp = plan_step_with(&p, cmd), *vf = plan_step_with(&p, ver);
		cr_assert_not_null(cp, "%s: no '%s'", c->name, cmd);
		cr_assert_not_null(vf, "%s: no '%s'", c->name, ver);
		cr_assert(vf->gate && index_of(&p, cp) < index_of(&p, vf), "%s: %s is no gate "
			  "after the copy", c->name, ver);
		/* its reference is the running copy's hash, printed before the copy */
		char run[256];
		snprintf(run, sizeof(run), "verify /md5 flash:%s", old);
		const ip_plan_step *ref = plan_step_with(&p, run);
		cr_assert_not_null(ref, "%s: no '%s'", c->name, run);
		cr_assert_eq(vf->same_hash_as, index_of(&p, ref) + 1, "%s: %s compares with step %zu",
			     c->name, ver, vf->same_hash_as);
		cr_assert_lt(index_of(&p, ref), index_of(&p, cp), "%s: hash noted after the copy",
			     c->name);
		/* the copy is made and verified before any boot statement changes */
		for (size_t k = 0; k < index_of(&p, vf); k++)
			cr_assert(p.steps[k].phase < IP_PHASE_BOOT, "%s: step %zu before the "
				  "verify", c->name, k);
		snprintf(cmd, sizeof(cmd), "delete /force %s%s", fs, old);
		cr_assert_not_null(plan_step_with(&p, cmd), "%s: the clean-up keeps %s%s", c->name, fs,
				   old);
	}
	if (n_copies) {
		char src[256];
		snprintf(src, sizeof(src), "verify /md5 flash:%s", old);
		cr_assert_not_null(plan_step_with(&p, src), "%s: no MD5 of the running image", c->name);
		/* the member's boot-missing-file finding says how it is resolved */
		snprintf(src, sizeof(src), "copies the running image to %s", c->copies[0]);
		bool said = false;
		for (size_t i = 0; i < p.n_findings; i++)
			said |= p.findings[i].note && strstr(p.findings[i].note, src);
		cr_assert(said, "%s: no finding note says '%s'", c->name, src);
	} else {
		char src[256];
		snprintf(src, sizeof(src), "verify /md5 flash:%s", old);
		cr_assert_null(plan_step_with(&p, src), "%s: an MD5 step with nothing to copy", c->name);
	}
	/* every member falls back to the old image, unless allowed without */
	bool warned = c->allow_no_fallback && !n_copies;
	cr_assert_eq(p.no_fallback_warned, warned, "%s: warned %d", c->name, p.no_fallback_warned);
	for (size_t i = 0; i < p.proof.n_members; i++)
		if (!warned)
			cr_assert(p.proof.members[i].target_fails.fallback, "%s: member %d: %s",
				  c->name, p.proof.members[i].number,
				  p.proof.members[i].target_fails.text);
	ip_device_set_free(set);
}

/* The proof's R5 on a member: an old image the plan copied there is a
 * fallback only once verified. The same plan with the member's verify
 * taken out fails its proof, naming the member. */
Test(plan_stackfb, copy_counts_once_verified)
{
	ip_device_set *set = test_load_samples("../tests/fallback/stack-2960x-member-lacks.log",
					       NULL);
	ip_plan p;
	build(&p, set, &cases[0]);
	cr_assert(!p.refused && p.proof.proven, "%s", p.n_reasons ? p.reasons[0] : "-");
	const ip_plan_step *vf = plan_step_with(&p, "verify /md5 flash2:" E8);
	cr_assert_not_null(vf);
	((ip_plan_step *)vf)->n_effects = 0;
	ip_plan_proof again;
	ip_plan_prove(&again, set->arena, &p);
	cr_assert(!again.proven, "proven with the member's copy unverified");
	cr_assert(texts_have(again.violations, again.n_violations, "stack member 2"), "%s",
		  again.n_violations ? again.violations[0] : "-");
	cr_assert(texts_have(again.violations, again.n_violations, "did not verify"), "%s",
		  again.n_violations ? again.violations[0] : "-");
	ip_device_set_free(set);
}
