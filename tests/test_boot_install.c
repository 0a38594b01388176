/* The boot simulator's install forecast (issue 21): what an uncommitted
 * activation, its auto-abort timer, a deactivated package and a patch on
 * some stack members only do to the coming reloads. Captures after the
 * variants of tests/test_show_install.c (genieparser ShowInstallSummary
 * fixtures, the allied_digital.ciscoupgrade run log). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "boot_sim.h"
#include "helpers.h"

#define LEGEND                                                                 \
	"State (St): I - Inactive, U - Activated & Uncommitted,\n"             \
	"            C - Activated & Committed, D - Deactivated & Uncommitted\n" \
	"--------------------------------------------------------------------------------\n" \
	"Type  St   Filename/Version\n"                                        \
	"--------------------------------------------------------------------------------\n"
#define RULE "--------------------------------------------------------------------------------\n"
#define HEAD(where) "SW#show install summary\n[ " where " ] Installed Package(s) Information:\n" LEGEND
#define TIMER_ON "\n" RULE "Auto abort timer: active on install_activate, time before rollback - 01:49:42\n" RULE
#define TIMER_OFF "\n" RULE "Auto abort timer: inactive\n" RULE

typedef struct fc_case {
	const char *name;
	const char *text;
	bool uncommitted, deactivated;
	ip_tri timer;
	long left;              /* -1 unknown */
	int smu_missing;        /* the first switch without the patch, 0 none */
	const char *trace[3];   /* texts some trace line must hold */
	const char *absent;     /* a text no trace line may hold */
} fc_case;

static const fc_case cases[] = {
	{ "uncommitted, before the timer fires (Cat9300 stack, 17.12)",
	  HEAD("Switch 1 2") "IMG   C    17.09.04a.0.4\n" "IMG   U    17.12.04.0.11\n" TIMER_ON "SW#\n",
	  true, false, IP_TRI_YES, 6582, 0,
	  { "is activated, not committed", "a reload before `install commit` boots the committed software",
	    "fires 01:49:42 after this capture" }, NULL },
	{ "uncommitted, the fire time by the capture's show clock",
	  "SW#show clock\n09:31:10.123 UTC Thu Mar 5 2026\n"
	  HEAD("R0") "IMG   U    17.12.04.0.11\n" TIMER_ON "SW#\n",
	  true, false, IP_TRI_YES, 6582, 0,
	  { "fires 01:49:42 after this capture", "at about 11:20:52 UTC Thu Mar 5 2026",
	    "clock at line 2" }, "never set" },
	{ "uncommitted, R0, timer without its operation (17.12.4a)",
	  "SW#show install uncommitted\n[ R0 ] Uncommitted Package(s) Information:\n" LEGEND
	  "IMG   U    17.12.04a.01.79\n\n" RULE
	  "Auto abort timer: active , time before rollback - 01:57:12\n" RULE "SW#\n",
	  true, false, IP_TRI_YES, 7032, 0, { "[R0] IMG 17.12.04a.01.79", "fires 01:57:12" }, " of " },
	{ "uncommitted, no timer running: only a reload or install abort reverts it",
	  HEAD("R0") "IMG   U    17.12.04.0.11\n" TIMER_OFF "SW#\n",
	  true, false, IP_TRI_NO, -1, 0, { "no auto-abort timer runs" }, "fires" },
	{ "uncommitted, 16.x without a timer line: the timer is unknown",
	  HEAD("Switch 1") "IMG   U    16.12.10.0.1\n" "SW#\n",
	  true, false, IP_TRI_UNKNOWN, -1, 0, { "unknown (capture 'show install summary')" }, NULL },
	{ "after the timer fired: the committed image runs, the new one inactive",
	  HEAD("Switch 1 2") "IMG   I    17.12.04.0.11\n" "IMG   C    17.09.04a.0.4\n" TIMER_OFF "SW#\n",
	  false, false, IP_TRI_NO, -1, 0, { NULL }, "install:" },
	{ "a deactivated SMU comes back",
	  HEAD("R0 R1") "IMG   C    17.06.03.0.3629\n"
	  "SMU   D    bootflash:cat9k_iosxe.17.06.03.CSCwc85207.SPA.smu.bin\n" TIMER_OFF "SW#\n",
	  false, true, IP_TRI_NO, -1, 0, { "is deactivated, not committed", "comes back" }, NULL },
	{ "an SMU on switches 1 2, not on 3",
	  HEAD("Switch 1 2") "IMG   C    17.06.03.0.3629\n"
	  "SMU   C    flash:cat9k_iosxe.17.06.03.CSCwa85257.SPA.smu.bin\n\n"
	  "[ Switch 3 ] Installed Package(s) Information:\n" LEGEND
	  "IMG   C    17.06.03.0.3629\n" TIMER_OFF "SW#\n",
	  false, false, IP_TRI_NO, -1, 3, { "switch 3 has no active SMU", "V-Mismatch" }, NULL },
	{ "the same SMU on every switch: no mismatch",
	  HEAD("Switch 1 2") "IMG   C    17.06.03.0.3629\n"
	  "SMU   C    flash:cat9k_iosxe.17.06.03.CSCwa85257.SPA.smu.bin\n\n"
	  "[ Switch 3 ] Installed Package(s) Information:\n" LEGEND
	  "IMG   C    17.06.03.0.3629\n"
	  "SMU   C    flash:cat9k_iosxe.17.06.03.CSCwa85257.SPA.smu.bin\n" TIMER_OFF "SW#\n",
	  false, false, IP_TRI_NO, -1, 0, { NULL }, "V-Mismatch" },
};

IP_TABLE_PARAMS(boot_install, forecast, cases)

static bool traced(const ip_boot_prediction *p, const char *text)
{
	for (size_t i = 0; i < p->n_trace; i++)
		if (strstr(p->trace[i].text, text))
			return true;
	return false;
}

ParameterizedTest(size_t *row, boot_install, forecast)
{
	const fc_case *c = &cases[*row];
	ip_device_set *s = test_load_text("install.log", c->text);
	cr_assert_eq(s->n, 1, "%s", c->name);
	ip_arena *a = ip_arena_new();
	ip_boot_prediction p;
	ip_boot_predict(&p, a, s->v[0]);
	const ip_install_forecast *f = &p.install;
	cr_expect(f->read, "%s: read", c->name);
	cr_expect_eq(f->uncommitted != NULL, c->uncommitted, "%s: uncommitted", c->name);
	cr_expect_eq(f->deactivated != NULL, c->deactivated, "%s: deactivated", c->name);
	cr_expect_eq(f->timer, c->timer, "%s: timer", c->name);
	cr_expect_eq(f->timer_left_s.known, c->left >= 0, "%s: time left known", c->name);
	if (c->left >= 0)
		cr_expect_eq(f->timer_left_s.v, (uint64_t)c->left, "%s: time left", c->name);
	if (c->smu_missing) {
		cr_assert_not_null(f->smu, "%s: a patch differs", c->name);
		cr_assert_geq(f->n_smu_missing, 1, "%s", c->name);
		cr_expect_eq(f->smu_missing[0], c->smu_missing, "%s: switch without it", c->name);
	} else
		cr_expect_null(f->smu, "%s: no patch differs", c->name);
	for (size_t i = 0; i < 3 && c->trace[i]; i++)
		cr_expect(traced(&p, c->trace[i]), "%s: trace says \"%s\"", c->name, c->trace[i]);
	if (c->absent)
		cr_expect_not(traced(&p, c->absent), "%s: no trace says \"%s\"", c->name, c->absent);
	for (size_t i = 0; i < p.n_trace; i++)
		if (strncmp(p.trace[i].text, "install:", 8) == 0)
			cr_expect_geq(p.trace[i].span.line, 1, "%s: install trace has a span", c->name);
	ip_arena_free(a);
	ip_device_set_free(s);
}

Test(boot_install, no_capture_no_forecast)
{
	ip_device_set *s = test_load_samples("netstuts-r1.log", NULL);
	ip_arena *a = ip_arena_new();
	ip_boot_prediction p;
	ip_boot_predict(&p, a, s->v[0]);
	cr_expect_not(p.install.read);
	cr_expect_not(traced(&p, "install:"));
	ip_arena_free(a);
	ip_device_set_free(s);
}

/* A switch whose complete flash listing lacks the patch file its active
 * row names: its boot breaks (CSCwe70969). samples/traps/smu-mismatch.log
 * commits an SMU on switch 1 whose file neither flash holds. */
Test(boot_install, patch_file_missing_on_a_member)
{
	ip_device_set *s = test_load_samples("traps/smu-mismatch.log", NULL);
	ip_arena *a = ip_arena_new();
	ip_boot_prediction p;
	ip_boot_predict(&p, a, s->v[0]);
	cr_assert_not_null(p.install.smu_missing_file);
	cr_expect_eq(p.install.smu_missing_file_member, 1);
	cr_expect_str_eq(p.install.smu_missing_file, "cat9k_iosxe.17.09.04a.CSCwh87343.SPA.smu.bin");
	cr_expect(traced(&p, "that switch's boot breaks at reload"));
	cr_assert_not_null(p.install.smu);
	cr_expect_eq(p.install.smu_missing[0], 2, "and switch 2 has no such row");
	ip_arena_free(a);
	ip_device_set_free(s);
}

Test(boot_install, operation_in_progress)
{
	ip_device_set *s = test_load_text("prog.log",
		HEAD("R0") "IMG   C    17.09.04.0.6\n" "Install operation 12 is in progress\n" "SW#\n");
	ip_arena *a = ip_arena_new();
	ip_boot_prediction p;
	ip_boot_predict(&p, a, s->v[0]);
	cr_expect_eq(p.install.in_progress, IP_TRI_YES);
	cr_expect(ip_install_pending(&p.install));
	cr_expect(traced(&p, "an install operation is in progress"));
	ip_arena_free(a);
	ip_device_set_free(s);
}

/* uncommitted_reload (issue 21): the setting decides what the trace says a
 * reload before install commit boots; the default is reverts. */
Test(boot_install, uncommitted_reload_setting)
{
	ip_device_set *s = test_load_samples("traps/install-pending.log", NULL);
	ip_arena *a = ip_arena_new();
	ip_boot_prediction p;
	cr_assert_eq(ip_install_reload_get(), IP_INSTALL_RELOAD_REVERTS, "the default");
	ip_boot_predict(&p, a, s->v[0]);
	cr_expect_eq(p.install.reload, IP_INSTALL_RELOAD_REVERTS);
	cr_expect(traced(&p, "a reload before `install commit` boots the committed software"));
	cr_expect(traced(&p, "uncommitted_reload: reverts"));
	ip_install_reload_set(IP_INSTALL_RELOAD_KEEPS);
	ip_boot_predict(&p, a, s->v[0]);
	ip_install_reload_set(IP_INSTALL_RELOAD_REVERTS);
	cr_expect_eq(p.install.reload, IP_INSTALL_RELOAD_KEEPS);
	cr_expect(traced(&p, "the next reload boots it again, and a second reload before"));
	cr_expect(traced(&p, "uncommitted_reload: keeps"));
	ip_install_reload r;
	cr_expect(ip_install_reload_parse("keeps", &r) && r == IP_INSTALL_RELOAD_KEEPS);
	cr_expect_not(ip_install_reload_parse("Keeps", &r));
	ip_arena_free(a);
	ip_device_set_free(s);
}

/* IOS-XE 3.x (issue 21 pt 1): show version provisioned against show
 * version running, location by location; the 3.x rollback timer. */
Test(boot_install, xe3_provisioned_and_timer)
{
	static const struct {
		const char *file;
		bool provisioned, timer, pending;
	} rows[] = {
		{ "../tests/captures/c3850-3x-provisioned.log", true, false, true },
		{ "../tests/captures/c3850-3x-rollback-timer.log", false, true, true },
		{ "../tests/captures/c3850-3x-committed.log", false, false, false },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		ip_device_set *s = test_load_samples(rows[i].file, NULL);
		ip_arena *a = ip_arena_new();
		ip_boot_prediction p;
		ip_boot_predict(&p, a, s->v[0]);
		cr_expect(p.install.read, "%s", rows[i].file);
		cr_expect_eq(p.install.provisioned != NULL, rows[i].provisioned, "%s", rows[i].file);
		cr_expect_eq(p.install.timer == IP_TRI_YES, rows[i].timer, "%s", rows[i].file);
		cr_expect_eq(p.install.software_timer, true, "%s: the 3.x timer", rows[i].file);
		cr_expect_eq(ip_install_pending(&p.install), rows[i].pending, "%s", rows[i].file);
		if (rows[i].provisioned) {
			cr_expect_str_eq(p.install.provisioned->name.s, "cat3k_caa-base.SPA.03.06.06E.pkg");
			cr_expect(traced(&p, "the next reload boots the provisioned packages"));
		}
		if (rows[i].timer)
			cr_expect(traced(&p, "auto-rollback` (`software commit` stops it) fires 00:31:28"));
		ip_arena_free(a);
		ip_device_set_free(s);
	}
	/* a package that runs and is not provisioned any more is a change too */
	ip_device_set *s = test_load_text("gone.log",
		"SW#show version running\n"
		"Package: Base, version: 03.06.05E, status: active\n"
		"File: cat3k_caa-base.SPA.03.06.05E.pkg, on: Switch1\n"
		"Package: WCM, version: 10.2.150.0, status: active\n"
		"File: cat3k_caa-wcm.SPA.10.2.150.0.pkg, on: Switch1\n"
		"SW#show version provisioned\n"
		"Package: Base, version: 03.06.05E, status: active\n"
		"File: cat3k_caa-base.SPA.03.06.05E.pkg, on: Switch1\n"
		"SW#\n");
	ip_arena *a = ip_arena_new();
	ip_boot_prediction p;
	ip_boot_predict(&p, a, s->v[0]);
	cr_assert_not_null(p.install.provisioned);
	cr_expect_str_eq(p.install.provisioned->name.s, "cat3k_caa-wcm.SPA.10.2.150.0.pkg");
	cr_expect(traced(&p, "runs, not provisioned"));
	ip_arena_free(a);
	ip_device_set_free(s);
}
