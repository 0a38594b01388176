/* The install-state rules (issue 21): install-pending and smu-mismatch.
 * One table, as in test_rules_stack.c: a capture (a samples/ path or the
 * text itself), and what must come out: how many findings, where the first
 * is (line, column), part of its message, one of its fixes and the capture
 * it asks for. Rows with n = 0 must stay silent. The variants follow the
 * output forms of tests/test_show_install.c (genieparser fixtures, the
 * allied_digital.ciscoupgrade run log, Cisco's VG420 guide). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "plan.h"
#include "rule_harness.h"

typedef struct inst_rule_case {
	const char *rule;
	const char *row;
	const char *capture;
	size_t n;
	uint32_t line, col;
	const char *message;
	const char *fix;
	const char *ask;
} inst_rule_case;

#define LEGEND                                                                 \
	"State (St): I - Inactive, U - Activated & Uncommitted,\n"             \
	"            C - Activated & Committed, D - Deactivated & Uncommitted\n" \
	"--------------------------------------------------------------------------------\n" \
	"Type  St   Filename/Version\n"                                        \
	"--------------------------------------------------------------------------------\n"
#define RULE "--------------------------------------------------------------------------------\n"
/* line 1 the prompt, 2 the block heading, 3-7 the legend: rows from line 8 */
#define SUMMARY(where) "SW#show install summary\n[ " where " ] Installed Package(s) Information:\n" LEGEND
#define TIMER(t) "\n" RULE "Auto abort timer: " t "\n" RULE "SW#\n"
#define SMU1 "flash:cat9k_iosxe.17.06.03.CSCwa85257.SPA.smu.bin"

static const inst_rule_case cases[] = {
	/* install-pending */
	{ "install-pending", "uncommitted, timer running (Cat9300 17.9.4a trap)",
	  "traps/install-pending.log", 1, 177, 7, "IMG 17.09.04a.0.4 is activated, not committed",
	  "install commit", "show install summary" },
	{ "install-pending", "uncommitted, no timer",
	  SUMMARY("R0") "IMG   U    17.12.04.0.11\n" TIMER("inactive"),
	  1, 8, 7, "`install abort` returns to the committed software", "install abort",
	  "show install summary" },
	{ "install-pending", "uncommitted, 16.x form without a timer line",
	  SUMMARY("Switch 1") "IMG   U    16.12.10.0.1\n" "SW#\n",
	  1, 8, 7, "activated, not committed", "install commit", "show install summary" },
	{ "install-pending", "timer running, no U row shown (uncommitted view filtered)",
	  "SW#show install summary | include Auto abort\n"
	  "Auto abort timer: active , time before rollback - 01:57:12\n" "SW#\n",
	  1, 2, 19, "the auto-abort timer runs", "install commit", "show install summary" },
	{ "install-pending", "a deactivated SMU (D)",
	  SUMMARY("R0 R1") "IMG   C    17.06.03.0.3629\n"
	  "SMU   D    bootflash:cat9k_iosxe.17.06.03.CSCwc85207.SPA.smu.bin\n" TIMER("inactive"),
	  1, 9, 7, "is deactivated, not committed", "install abort", "show install summary" },
	{ "install-pending", "an install operation in progress (IOS XR sentence)",
	  SUMMARY("R0") "IMG   C    17.09.04.0.6\n" "Install operation 12 is in progress\n" "SW#\n",
	  1, 9, 1, "in progress", "install commit", "show install summary" },
	{ "install-pending", "after the commit: all C, timer inactive", "c9300-install.log", 0, 0, 0,
	  NULL, NULL, NULL },
	{ "install-pending", "after the timer fired: new image inactive, old committed",
	  SUMMARY("Switch 1 2") "IMG   I    17.12.04.0.11\n" "IMG   C    17.09.04a.0.4\n" TIMER("inactive"),
	  0, 0, 0, NULL, NULL, NULL },
	{ "install-pending", "no show install captured", "netstuts-r1.log", 0, 0, 0, NULL, NULL, NULL },
	/* IOS-XE 3.x (issue 21 pt 1): tests/captures/c3850-3x-*.log */
	{ "install-pending", "3.x: software install auto-rollback timer running",
	  "../tests/captures/c3850-3x-rollback-timer.log", 1, 102, 3,
	  "the rollback timer of `software install ... auto-rollback` runs", "software commit",
	  "show software installer rollback-timer" },
	{ "install-pending", "3.x: provisioned packages differ from the running ones",
	  "../tests/captures/c3850-3x-provisioned.log", 1, 100, 1,
	  "the next reload boots the provisioned packages", "software rollback",
	  "show software installer rollback-timer" },
	{ "install-pending", "3.x: provisioned = running, timer inactive",
	  "../tests/captures/c3850-3x-committed.log", 0, 0, 0, NULL, NULL, NULL },
	{ "install-pending", "3.x: running packages only, no provisioned view: nothing to compare",
	  "SW#show version running\nPackage: Base, version: 03.06.05E, status: active\n"
	  "File: cat3k_caa-base.SPA.03.06.05E.pkg, on: Switch1\nSW#\n", 0, 0, 0, NULL, NULL, NULL },
	/* smu-mismatch */
	{ "smu-mismatch", "an SMU on switch 1, not on 2 (trap)", "traps/smu-mismatch.log", 2, 235, 1,
	  "not on switch 2", "install add file flash:cat9k_iosxe.17.09.04a.CSCwh87343.SPA.smu.bin "
	  "activate commit", "show install summary" },
	{ "smu-mismatch", "SMU on switches 1 2, not on 3",
	  SUMMARY("Switch 1 2") "IMG   C    17.06.03.0.3629\n" "SMU   C    " SMU1 "\n\n"
	  "[ Switch 3 ] Installed Package(s) Information:\n" LEGEND "IMG   C    17.06.03.0.3629\n"
	  TIMER("inactive"),
	  1, 9, 1, "not on switch 3", "install add file " SMU1 " activate commit",
	  "show install summary" },
	{ "smu-mismatch", "the same SMU on every member",
	  SUMMARY("Switch 1 2 3 4") "IMG   C    17.06.03.0.3629\n" "SMU   C    " SMU1 "\n" TIMER("inactive"),
	  0, 0, 0, NULL, NULL, NULL },
	{ "smu-mismatch", "an inactive SMU on one block only is no mismatch",
	  SUMMARY("Switch 1") "IMG   C    17.06.03.0.3629\n" "SMU   I    " SMU1 "\n\n"
	  "[ Switch 2 ] Installed Package(s) Information:\n" LEGEND "IMG   C    17.06.03.0.3629\n"
	  TIMER("inactive"),
	  0, 0, 0, NULL, NULL, NULL },
	{ "smu-mismatch", "route processors are not stack members", SUMMARY("R0") "IMG   C    17.06.03.0.3629\n"
	  "SMU   C    " SMU1 "\n" TIMER("inactive"), 0, 0, 0, NULL, NULL, NULL },
	{ "smu-mismatch", "stack sample, no patch", "stack-9300-install.log", 0, 0, 0, NULL, NULL, NULL },
};

IP_TABLE_PARAMS(rules_install, table, cases)

ParameterizedTest(size_t *row, rules_install, table)
{
	const inst_rule_case *c = &cases[*row];
	rule_run *r = rule_run_new(c->rule, c->capture, NULL, NULL);
	rule_run_expect(r, c->row, c->n, c->line, c->col, c->message);
	if (c->n)
		rule_run_expect_first(r, c->row, false, c->fix, c->ask);
	rule_run_free(r);
}

/* The planner refuses a pending install whatever the rule's severity, and
 * even with the rule disabled (the facts refuse; the proof's R12 holds). */
static void lower(ip_check_config *c, ip_severity sev)
{
	for (size_t i = 0; i < ip_rules_count; i++)
		if (strcmp(ip_rules[i]->id, "install-pending") == 0)
			c->severity[i] = sev;
}

/* samples/images.yaml's entry, so that nothing but the install state can
 * refuse: the clean sample plans, the pending one refuses. */
static void plan_of(const char *sample, int mode, ip_plan *p, ip_arena *a, ip_device_set **s)
{
	*s = test_load_samples(sample, NULL);
	ip_target *t = ip_target_from_name(a, "cat9k_iosxe.17.12.04.SPA.bin", "test");
	t->size = (ip_u64){ true, 1396867236, { 0 } };
	t->md5 = "1c0d3ae01e439027ece1b6bc8bd16b38";
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	ip_check_config *cfg = ip_arena_alloc(a, sizeof(*cfg));
	ip_check_config_defaults(cfg);
	if (mode)
		lower(cfg, mode == 1 ? IP_SEV_NOTE : IP_SEV_NONE);
	o.check = cfg;
	ip_plan_build(p, a, (*s)->v[0], t, &o);
}

Test(rules_install, plan_refuses_pending_install)
{
	/* 0: default (error), 1: lowered to a note, 2: disabled */
	for (int mode = 0; mode < 3; mode++) {
		ip_arena *a = ip_arena_new();
		ip_device_set *s;
		ip_plan p;
		plan_of("c9300-install.log", mode, &p, a, &s);
		cr_expect_not(p.refused, "mode %d: the committed device plans (control)", mode);
		ip_device_set_free(s);
		plan_of("traps/install-pending.log", mode, &p, a, &s);
		cr_expect(p.refused, "mode %d: a pending install refuses the plan", mode);
		bool named = false;
		for (size_t i = 0; i < p.n_reasons; i++)
			named |= strstr(p.reasons[i], "install commit") && strstr(p.reasons[i], "install abort");
		for (size_t i = 0; i < p.n_findings; i++)
			named |= p.findings[i].role == IP_ROLE_BLOCKS && p.findings[i].note &&
				 strstr(p.findings[i].note, "install commit") &&
				 strstr(p.findings[i].note, "install abort");
		cr_expect(named, "mode %d: the refusal names install commit and install abort", mode);
		ip_arena_free(a);
		ip_device_set_free(s);
	}
}

/* IOS-XE 3.x (issue 21 pt 1): the plan refuses a pending 3.x install and
 * names the `software` commands, never `install commit`. */
Test(rules_install, plan_refuses_pending_xe3_install)
{
	static const char *const files[] = { "../tests/captures/c3850-3x-rollback-timer.log",
					      "../tests/captures/c3850-3x-provisioned.log" };
	for (size_t i = 0; i < 2; i++) {
		ip_arena *a = ip_arena_new();
		ip_device_set *s = test_load_samples(files[i], NULL);
		ip_target *t = ip_target_from_name(a, "cat3k_caa-universalk9.16.03.06.SPA.bin", "test");
		ip_plan_options o;
		ip_plan_options_defaults(&o);
		ip_plan p;
		ip_plan_build(&p, a, s->v[0], t, &o);
		cr_expect(p.refused, "%s: refused", files[i]);
		bool named = false, wrong = false;
		for (size_t k = 0; k < p.n_findings; k++) {
			const char *n = p.findings[k].note;
			if (p.findings[k].role != IP_ROLE_BLOCKS || !n)
				continue;
			named |= strstr(n, "software commit") && strstr(n, "software rollback");
			wrong |= strstr(n, "install commit") != NULL;
		}
		cr_expect(named, "%s: names software commit and software rollback", files[i]);
		cr_expect_not(wrong, "%s: no install commit advice on 3.x", files[i]);
		ip_device_set_free(s);
		ip_arena_free(a);
	}
}
