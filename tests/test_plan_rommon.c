/* The plan's ROMMON steps (issue 22, "The plan"): a target that needs a
 * newer ROMMON than the device runs is planned with the ROMMON upgraded
 * before the reload, when the catalogue names the package and the
 * platform's form is known, else refused naming what is missing; and the
 * proof's R15 catches a plan that reloads first.
 *
 * Captures: samples/traps/rommon-asr1001x.log (ASR1001-X, ROMMON
 * 15.4(3r)S5, the case), samples/traps/rommon-asr1001x-16-9.log (the
 * same at 16.9(1r)), tests/captures/isr4321-rommon-old.log (an ISR4321 at
 * 15.4(3r)S3, the version of the blog session "Upgrading IOS-XE and ROMMON"
 * before its upgrade), samples/c9300-install.log (a platform with no form). */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "plan.h"
#include "plan_query.h"
#include "plan_invariants.h"

#define MD5_T "3c5d1e2f4a6b8c0d9e7f1a2b3c4d5e6f"
#define MD5_R "6d1f0c3b2a4e5f60718293a4b5c6d7e8"
#define PKG "{name: r.pkg, size: 4194304, md5: " MD5_R "}"
#define ENTRY(name, plat, min) "images:\n  - name: " name "\n    size: 479215104\n" \
	"    md5: " MD5_T "\n    platforms: [" plat "]\n    min_rommon: \"" min "\"\n"
#define ASR "asr1001x-universalk9.16.12.04.SPA.bin"
#define ISR "isr4300-universalk9.16.12.04.SPA.bin"
#define C9K "cat9k_iosxe.17.12.04.SPA.bin"
#define ASR6 "asr1000rp2-adventerprisek9.17.03.08a.SPA.bin"

typedef struct rcase {
	const char *row;
	const char *capture; /* under samples/ */
	const char *target;
	const char *catalog;
	bool refused;
	const char *upgrade;  /* the upgrade command, NULL: no ROMMON step */
	bool assumed;         /* a warning says the form is UNCONFIRMED */
	const char *why;      /* refused: part of the rommon-minimum note */
	const char *capture2; /* a second capture of the device, or NULL */
	const char *other_rp; /* a dual-RP chassis: the other RP's post-check
			       * command, and the standby assumption warned */
} rcase;

static const rcase cases[] = {
	{ "ASR1001-X below, package catalogued: planned", "traps/rommon-asr1001x.log", ASR,
	  ENTRY(ASR, "asr1001x", "16.9(1r)") "    rommon_image: " PKG "\n", false,
	  "upgrade rom-monitor filename bootflash:r.pkg all", true, NULL, NULL, NULL },
	{ "ASR1001-X below, no package: refused naming rommon_image",
	  "traps/rommon-asr1001x.log", ASR, ENTRY(ASR, "asr1001x", "16.9(1r)"), true, NULL, false,
	  "rommon_image", NULL, NULL },
	{ "ASR1001-X at the minimum: no ROMMON step", "traps/rommon-asr1001x-16-9.log", ASR,
	  ENTRY(ASR, "asr1001x", "16.9(1r)") "    rommon_image: " PKG "\n", false, NULL, false, NULL, NULL, NULL },
	{ "ASR1001-X above the minimum: no ROMMON step", "traps/rommon-asr1001x-16-9.log", ASR,
	  ENTRY(ASR, "asr1001x", "15.4(3r)S5") "    rommon_image: " PKG "\n", false, NULL, false,
	  NULL, NULL, NULL },
	{ "ISR4321 below, package catalogued: the captured form, no assumption",
	  "../tests/captures/isr4321-rommon-old.log", ISR,
	  ENTRY(ISR, "isr4300", "16.9(1r)") "    rommon_image: " PKG "\n", false,
	  "upgrade rom-monitor filename bootflash:r.pkg all", false, NULL, NULL, NULL },
	{ "ISR4321 below, no package: refused", "../tests/captures/isr4321-rommon-old.log", ISR,
	  ENTRY(ISR, "isr4300", "16.9(1r)"), true, NULL, false, "rommon_image", NULL, NULL },
	{ "C9300 below, package catalogued: refused, no form for the platform",
	  "c9300-install.log", C9K,
	  ENTRY(C9K, "cat9k", "17.12.1r") "    rommon_image: " PKG "\n", true, NULL, false,
	  "no documented ROMMON upgrade command", NULL, NULL },
	/* issue 22 pt 5: a standby RP (show redundancy) on 16.3(2r) too
	 * (tests/captures/asr1006-rommon-r0-r1.log): both RPs checked */
	{ "ASR1006 with two RPs below: both checked, the standby assumption said",
	  "asr1006-dual-rp.log", ASR6,
	  ENTRY(ASR6, "asr1000rp2", "16.9(1r)") "    rommon_image: " PKG "\n", false,
	  "upgrade rom-monitor filename bootflash:r.pkg all", true, NULL,
	  "../tests/captures/asr1006-rommon-r0-r1.log", "show rom-monitor R1" },
};

typedef struct built {
	ip_device_set *set;
	ip_plan p;
} built;

static void build(built *b, const rcase *c)
{
	b->set = test_load_samples(c->capture, c->capture2, NULL);
	cr_assert_not_null(b->set, "%s: loads", c->row);
	ip_arena *a = b->set->arena;
	ip_target *t = plan_catalog_target(a, c->catalog, c->target);
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "192.0.2.10";
	o.transfer = IP_TRANSFER_SCP;
	ip_plan_build(&b->p, a, b->set->v[0], t, &o);
}

static const ip_plan_step *step_with(const ip_plan *p, ip_effect_kind k, size_t *at)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_effects; j++)
			if (p->steps[i].effects[j].kind == k) {
				if (at)
					*at = i;
				return &p->steps[i];
			}
	return NULL;
}

static bool warns(const ip_plan *p, const char *part)
{
	for (size_t i = 0; i < p->n_warnings; i++)
		if (strstr(p->warnings[i], part))
			return true;
	return false;
}

static void run_case(const rcase *c)
{
	built b;
	build(&b, c);
	ip_plan *p = &b.p;
	cr_assert_eq(p->refused, c->refused, "%s: refused %d (%s)", c->row, p->refused,
		     p->n_reasons ? p->reasons[0] : "");
	cr_assert(!p->self_refuted, "%s: fails its own proof", c->row);
	if (c->why) {
		bool said = false;
		for (size_t i = 0; i < p->n_findings; i++)
			said |= p->findings[i].role == IP_ROLE_BLOCKS && p->findings[i].note &&
				strstr(p->findings[i].note, c->why);
		cr_assert(said, "%s: no blocking finding says '%s'", c->row, c->why);
	}
	size_t up_at = 0, reload_at = 0;
	const ip_plan_step *up = step_with(p, IP_EFFECT_ROMMON_UPGRADE, &up_at);
	if (!c->upgrade) {
		cr_assert_null(up, "%s: a ROMMON step", c->row);
	} else {
		cr_assert_not_null(up, "%s: no ROMMON step", c->row);
		cr_assert_str_eq(up->commands[0], c->upgrade, "%s", c->row);
		cr_assert(up->gate, "%s: the upgrade is gated", c->row);
		cr_assert(step_with(p, IP_EFFECT_RELOAD, &reload_at), "%s: no reload", c->row);
		cr_assert_lt(up_at, reload_at, "%s: the ROMMON after the reload", c->row);
		/* the copy goes through the image's copy (scp here) and the md5 gates it */
		bool copied = false, verified = false;
		for (size_t i = 0; i < up_at; i++) {
			for (size_t k = 0; k < p->steps[i].n_commands; k++)
				copied |= !strcmp(p->steps[i].commands[k],
						  "copy scp://192.0.2.10/r.pkg bootflash:");
			for (size_t k = 0; k < p->steps[i].n_commands; k++)
				verified |= p->steps[i].gate &&
					    !strcmp(p->steps[i].commands[k],
						    "verify /md5 bootflash:r.pkg " MD5_R);
		}
		cr_assert(copied && verified, "%s: copied %d verified %d", c->row, copied, verified);
		bool checked = false;
		for (size_t i = reload_at; i < p->n_steps; i++)
			for (size_t k = 0; k < p->steps[i].n_commands; k++)
				checked |= p->steps[i].phase == IP_PHASE_POSTCHECK &&
					   !strcmp(p->steps[i].commands[k], "show rom-monitor R0");
		cr_assert(checked, "%s: no post-check of the ROMMON", c->row);
		/* the clean-up deletes the package the plan copied, after the check */
		bool deleted = false;
		for (size_t i = reload_at; i < p->n_steps; i++)
			for (size_t j = 0; j < p->steps[i].n_effects; j++)
				deleted |= p->steps[i].phase == IP_PHASE_CLEANUP &&
					   p->steps[i].effects[j].kind == IP_EFFECT_DELETE &&
					   !strcmp(p->steps[i].effects[j].path, "r.pkg") &&
					   !strcmp(p->steps[i].commands[0],
						   "delete /force bootflash:r.pkg");
		cr_assert(deleted, "%s: the clean-up keeps the ROMMON package", c->row);
	}
	cr_assert_eq(warns(p, "UNCONFIRMED"), c->assumed, "%s: the assumption warning", c->row);
	cr_assert_eq(warns(p, "a second route processor"), c->other_rp != NULL, "%s", c->row);
	bool other = false;
	for (size_t i = 0; i < p->n_steps; i++)
		other |= p->steps[i].phase == IP_PHASE_POSTCHECK && p->steps[i].n_commands &&
			 c->other_rp && !strcmp(p->steps[i].commands[0], c->other_rp);
	cr_assert_eq(other, c->other_rp != NULL, "%s: the other RP's check", c->row);
	if (!p->refused)
		cr_assert_null(plan_invariants_check(p, b.set->arena), "%s: %s", c->row,
			       plan_invariants_check(p, b.set->arena));
	ip_device_set_free(b.set);
}

Test(plan_rommon, table)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
}

/* R15 and P15: the planned ROMMON step dropped, or moved after the reload,
 * is caught by the proof and by the property test's invariants. */
typedef enum { DROP, AFTER } mutation;

static void mutate(mutation m)
{
	built b;
	build(&b, &cases[0]);
	ip_plan *p = &b.p;
	cr_assert(!p->refused);
	size_t up_at, reload_at;
	ip_plan_step *up = (ip_plan_step *)step_with(p, IP_EFFECT_ROMMON_UPGRADE, &up_at);
	cr_assert(step_with(p, IP_EFFECT_RELOAD, &reload_at));
	if (m == DROP) {
		up->n_effects = 0;
	} else {
		/* the reload step's effects move into the upgrade's step, before it */
		ip_plan_step *r = &p->steps[reload_at];
		ip_plan_effect *v = ip_arena_alloc(b.set->arena, 2 * sizeof(*v));
		v[0] = r->effects[0];
		v[1] = up->effects[0];
		up->effects = v;
		up->n_effects = 2;
		r->n_effects = 0;
	}
	ip_plan_proof proof;
	ip_plan_prove(&proof, b.set->arena, p);
	cr_assert(!proof.proven, "R15 missed a reload before the ROMMON upgrade");
	bool r15 = false;
	for (size_t i = 0; i < proof.n_violations; i++)
		r15 |= strstr(proof.violations[i], "before the ROMMON upgrade") != NULL;
	cr_assert(r15, "no R15 violation");
	/* the invariants report the first property broken: the proof's own
	 * failure (P1) comes before the walk's P15 */
	cr_assert_not_null(plan_invariants_check(p, b.set->arena), "the invariants missed it");
	ip_device_set_free(b.set);
}

Test(plan_rommon, r15_no_upgrade) { mutate(DROP); }
Test(plan_rommon, r15_reload_first) { mutate(AFTER); }
