/* show_install_parse: the install state of IOS-XE, every output variant
 * found, each row naming its source (parsers/show_install.c lists them). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "parsers.h"

#define LEGEND                                                                 \
	"State (St): I - Inactive, U - Activated & Uncommitted,\n"             \
	"            C - Activated & Committed, D - Deactivated & Uncommitted\n" \
	"--------------------------------------------------------------------------------\n" \
	"Type  St   Filename/Version\n"                                        \
	"--------------------------------------------------------------------------------\n"
#define RULE "--------------------------------------------------------------------------------\n"

/* One expected package: its block, type, state letter, name and the
 * name's line and first column. */
typedef struct pkg_want {
	size_t block;
	const char *type;
	ip_pkg_state state;
	const char *name;
	uint32_t line, col;
} pkg_want;

typedef struct inst_case {
	const char *name;   /* and the source of the variant */
	const char *command;
	const char *text;
	size_t n_blocks;
	const char *where[3];
	int members[3][4];  /* per block, 0-terminated */
	const char *rps[3][3];
	pkg_want p[6];
	size_t n_pkgs;
	ip_tri timer;
	const char *timer_op;
	long timer_left;    /* -1: unknown */
	uint32_t timer_line, timer_col;
	size_t warnings;
} inst_case;

static const inst_case cases[] = {
	{ "17.x stack, two states (genieparser ShowInstallSummary golden_output_5)",
	  "show install summary",
	  "[ Switch 1 2 ] Installed Package(s) Information:\n" LEGEND
	  "IMG   C    17.15.03.0.5371\n"
	  "\n\n"
	  "[ Switch 3 ] Installed Package(s) Information:\n" LEGEND
	  "IMG   U    17.15.03.0.5371\n"
	  "\n" RULE
	  "Auto abort timer: inactive\n" RULE,
	  2, { "Switch 1 2", "Switch 3" }, { { 1, 2 }, { 3 } }, { { NULL } },
	  { { 0, "IMG", IP_PKG_COMMITTED, "17.15.03.0.5371", 7, 12 },
	    { 1, "IMG", IP_PKG_UNCOMMITTED, "17.15.03.0.5371", 16, 12 } }, 2,
	  IP_TRI_NO, NULL, -1, 19, 19, 0 },
	{ "R0, SMU uncommitted, timer running (genieparser ShowInstallSummary golden_output)",
	  "show install summary",
	  "[ R0 ] Installed Package(s) Information:\n" LEGEND
	  "SMU   U    bootflash:utah.bm.smu.may15.bin\n"
	  "IMG   C    10.69.1.0.66982\n"
	  "\n" RULE
	  "Auto abort timer: active on install_activate, time before rollback - 01:49:42\n" RULE,
	  1, { "R0" }, { { 0 } }, { { "R0" } },
	  { { 0, "SMU", IP_PKG_UNCOMMITTED, "bootflash:utah.bm.smu.may15.bin", 7, 12 },
	    { 0, "IMG", IP_PKG_COMMITTED, "10.69.1.0.66982", 8, 12 } }, 2,
	  IP_TRI_YES, "install_activate", 6582, 11, 19, 0 },
	{ "dual RP, I and C (genieparser ShowInstallSummary golden_output_2)",
	  "show install summary",
	  "[ R0 R1 ] Installed Package(s) Information:\n" LEGEND
	  "IMG   I    10.106.1.0.277\n"
	  "IMG   C    10.106.1.0.277\n"
	  "\n" RULE "Auto abort timer: inactive\n" RULE,
	  1, { "R0 R1" }, { { 0 } }, { { "R0", "R1" } },
	  { { 0, "IMG", IP_PKG_INACTIVE, "10.106.1.0.277", 7, 12 },
	    { 0, "IMG", IP_PKG_COMMITTED, "10.106.1.0.277", 8, 12 } }, 2,
	  IP_TRI_NO, NULL, -1, 11, 19, 0 },
	{ "16.x, no timer line, blank lines between (genieparser golden_output_4, 16.6.6)",
	  "show install summary",
	  "\n[ Switch 1 ] Installed Package(s) Information:\n\n"
	  "State (St): I - Inactive, U - Activated & Uncommitted,\n\n"
	  "            C - Activated & Committed, D - Deactivated & Uncommitted\n\n"
	  RULE "\nType  St   Filename/Version    \n\n" RULE "\n"
	  "IMG   C    16.6.6.0                                                            \n\n",
	  1, { "Switch 1" }, { { 1 } }, { { NULL } },
	  { { 0, "IMG", IP_PKG_COMMITTED, "16.6.6.0", 14, 12 } }, 1,
	  IP_TRI_UNKNOWN, NULL, -1, 0, 0, 0 },
	{ "committed view with SMUs (genieparser ShowInstallCommitted golden_output, 17.6.3)",
	  "show install committed",
	  "[ Switch 1 2 3 4 ] Installed Package(s) Information:\n" LEGEND
	  "IMG   C    17.06.03.0.3629\n"
	  "SMU   C    flash:cat9k_iosxe.17.06.03.CSCwa85257.SPA.smu.bin\n"
	  "SMU   C    flash:cat9k_iosxe.17.06.03.CSCwc80310.SPA.smu.bin\n"
	  " \n" RULE "Auto abort timer: inactive\n" RULE,
	  1, { "Switch 1 2 3 4" }, { { 1, 2, 3, 4 } }, { { NULL } },
	  { { 0, "IMG", IP_PKG_COMMITTED, "17.06.03.0.3629", 7, 12 },
	    { 0, "SMU", IP_PKG_COMMITTED, "flash:cat9k_iosxe.17.06.03.CSCwa85257.SPA.smu.bin", 8, 12 },
	    { 0, "SMU", IP_PKG_COMMITTED, "flash:cat9k_iosxe.17.06.03.CSCwc80310.SPA.smu.bin", 9, 12 } }, 3,
	  IP_TRI_NO, NULL, -1, 12, 19, 0 },
	{ "inactive view, none (genieparser ShowInstallInactive golden_output1)",
	  "show install inactive",
	  "[ Switch 1 2 3 4 5 6 7 8 ] Inactive Package(s) Information:\n" LEGEND
	  "No Inactive Packages\n",
	  1, { "Switch 1 2 3 4 5 6 7 8" }, { { 1, 2, 3, 4 } }, { { NULL } },
	  { { 0 } }, 0, IP_TRI_UNKNOWN, NULL, -1, 0, 0, 0 },
	{ "uncommitted view, timer without operation (allied_digital.ciscoupgrade run log, 17.12.4a)",
	  "show install uncommitted",
	  "[ R0 ] Uncommitted Package(s) Information:\n" LEGEND
	  "IMG   U    17.12.04a.01.79\n"
	  "\n" RULE "Auto abort timer: active , time before rollback - 01:57:12\n" RULE,
	  1, { "R0" }, { { 0 } }, { { "R0" } },
	  { { 0, "IMG", IP_PKG_UNCOMMITTED, "17.12.04a.01.79", 7, 12 } }, 1,
	  IP_TRI_YES, NULL, 7032, 10, 19, 0 },
	{ "active view (Cisco VG420 guide, install-vg400# show install active)",
	  "show install active",
	  "[ R0 ] Active Package(s) Information:\n" LEGEND
	  "IMG   C    17.09.01.0.5\n"
	  "\n" RULE "Auto abort timer: inactive\n" RULE,
	  1, { "R0" }, { { 0 } }, { { "R0" } },
	  { { 0, "IMG", IP_PKG_COMMITTED, "17.09.01.0.5", 7, 12 } }, 1,
	  IP_TRI_NO, NULL, -1, 10, 19, 0 },
	{ "deactivated package (D), APSP row: the legend's states",
	  "show install summary",
	  "[ R0 ] Installed Package(s) Information:\n" LEGEND
	  "APSP  D    bootflash:C9800-universalk9_wlc.17.09.04.CSCwh00001.SPA.apsp.bin\n"
	  "IMG   C    17.09.04.0.6\n",
	  1, { "R0" }, { { 0 } }, { { "R0" } },
	  { { 0, "APSP", IP_PKG_DEACTIVATED,
	      "bootflash:C9800-universalk9_wlc.17.09.04.CSCwh00001.SPA.apsp.bin", 7, 12 },
	    { 0, "IMG", IP_PKG_COMMITTED, "17.09.04.0.6", 8, 12 } }, 2,
	  IP_TRI_UNKNOWN, NULL, -1, 0, 0, 0 },
	{ "a line no variant prints warns, the rows stay",
	  "show install summary",
	  "[ R0 ] Installed Package(s) Information:\n" LEGEND
	  "IMG   C    17.09.04.0.6\n"
	  "this is not a row\n"
	  "Auto abort timer: active on install_activate, time before rollback - soon\n",
	  1, { "R0" }, { { 0 } }, { { "R0" } },
	  { { 0, "IMG", IP_PKG_COMMITTED, "17.09.04.0.6", 7, 12 } }, 1,
	  IP_TRI_YES, "install_activate", -1, 9, 19, 2 },
	{ "invalid input: warnings, nothing known",
	  "show install summary",
	  "                    ^\n% Invalid input detected at '^' marker.\n",
	  0, { NULL }, { { 0 } }, { { NULL } }, { { 0 } }, 0,
	  IP_TRI_UNKNOWN, NULL, -1, 0, 0, 2 },
};

IP_TABLE_PARAMS(show_install, rows, cases)

ParameterizedTest(size_t *row, show_install, rows)
{
	const inst_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_diags diags;
	ip_parse_ctx ctx;
	ip_device *d = test_device(a, &ctx, &diags);
	cr_assert_eq(show_install_parse(d, test_section_cmd(a, c->command, c->text), &ctx), 0);
	const ip_install_state *is = &d->install;
	cr_assert_eq(is->n_blocks, c->n_blocks, "%s: %zu blocks", c->name, is->n_blocks);
	size_t n_pkgs = 0;
	for (size_t b = 0; b < is->n_blocks; b++) {
		const ip_install_block *blk = &is->blocks[b];
		cr_expect_str_eq(blk->where, c->where[b], "%s: block %zu", c->name, b);
		for (size_t k = 0; k < 4 && c->members[b][k]; k++) {
			cr_assert_gt(blk->n_members, k, "%s: block %zu member %zu", c->name, b, k);
			cr_expect_eq(blk->members[k], c->members[b][k], "%s: member", c->name);
		}
		if (!c->members[b][0])
			cr_expect_eq(blk->n_members, 0, "%s: no switch in block %zu", c->name, b);
		for (size_t k = 0; k < 3 && c->rps[b][k]; k++) {
			cr_assert_gt(blk->n_rps, k, "%s: block %zu rp %zu", c->name, b, k);
			cr_expect_str_eq(blk->rps[k], c->rps[b][k], "%s: rp", c->name);
		}
		cr_expect_geq(blk->span.line, 1, "%s: block span", c->name);
		for (size_t k = 0; k < blk->n_pkgs; k++, n_pkgs++) {
			cr_assert_lt(n_pkgs, c->n_pkgs, "%s: too many packages", c->name);
			const pkg_want *w = &c->p[n_pkgs];
			const ip_install_pkg *p = &blk->pkgs[k];
			cr_expect_eq(w->block, b, "%s: package %zu in block %zu", c->name, n_pkgs, b);
			cr_expect_str_eq(p->type.s, w->type, "%s: type", c->name);
			cr_expect_eq(p->state, w->state, "%s: %s state", c->name, w->name);
			cr_expect_str_eq(p->name.s, w->name, "%s: name", c->name);
			cr_expect_eq(p->name.span.line, w->line, "%s: %s line %u", c->name, w->name,
				     p->name.span.line);
			cr_expect_eq(p->name.span.col, w->col, "%s: %s col %u", c->name, w->name,
				     p->name.span.col);
			cr_expect_eq(p->name.span.end_col - p->name.span.col, strlen(w->name),
				     "%s: the name's span covers it", c->name);
			cr_expect_eq(p->state_span.col, 7, "%s: St column", c->name);
		}
	}
	cr_expect_eq(n_pkgs, c->n_pkgs, "%s: %zu packages", c->name, n_pkgs);
	cr_expect_eq(is->timer.v, c->timer, "%s: timer", c->name);
	if (c->timer_op)
		cr_expect_str_eq(is->timer_operation.s, c->timer_op, "%s: timer operation", c->name);
	else
		cr_expect_null(is->timer_operation.s, "%s: no timer operation", c->name);
	cr_expect_eq(is->timer_left_s.known, c->timer_left >= 0, "%s: time left known", c->name);
	if (c->timer_left >= 0)
		cr_expect_eq(is->timer_left_s.v, (uint64_t)c->timer_left, "%s: seconds left %llu",
			     c->name, (unsigned long long)is->timer_left_s.v);
	cr_expect_eq(is->timer.span.line, c->timer_line, "%s: timer line %u", c->name,
		     is->timer.span.line);
	cr_expect_eq(is->timer.span.col, c->timer_col, "%s: timer col %u", c->name,
		     is->timer.span.col);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: %zu warnings",
		     c->name, ip_diags_count(&diags, IP_DIAG_WARNING));
	cr_expect_eq(is->in_progress.v, IP_TRI_UNKNOWN, "%s: in progress not shown", c->name);
	ip_arena_free(a);
}

Test(show_install, rollback_points)
{
	/* genieparser ShowInstallRollback golden_output (C9600) */
	ip_arena *a = ip_arena_new();
	ip_diags diags;
	ip_parse_ctx ctx;
	ip_device *d = test_device(a, &ctx, &diags);
	show_install_parse(d, test_section_cmd(a, "show install rollback",
		"\n"
		"ID      Label                            Description\n"
		"-------------------------------------------------------\n"
		"5       No Label                         No Description\n"
		"4       No Label                         No Description\n"), &ctx);
	const ip_install_state *is = &d->install;
	cr_assert(is->rollback_known);
	cr_assert_eq(is->n_rollbacks, 2);
	cr_expect_eq(is->rollbacks[0].id.v, 5);
	cr_expect_eq(is->rollbacks[1].id.v, 4);
	cr_expect_str_eq(is->rollbacks[0].label.s, "No Label");
	cr_expect_str_eq(is->rollbacks[0].description.s, "No Description");
	cr_expect_eq(is->rollbacks[0].id.span.line, 4);
	cr_expect_eq(is->n_blocks, 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 0);
	ip_arena_free(a);
}

Test(show_install, in_progress_sentence)
{
	/* the IOS XR sentence (show_install.c: UNCONFIRMED on IOS-XE) */
	ip_arena *a = ip_arena_new();
	ip_diags diags;
	ip_parse_ctx ctx;
	ip_device *d = test_device(a, &ctx, &diags);
	show_install_parse(d, test_section_cmd(a, "show install summary",
		"[ R0 ] Installed Package(s) Information:\n" LEGEND
		"IMG   C    17.09.04.0.6\n"
		"Install operation 12 is in progress\n"), &ctx);
	cr_expect_eq(d->install.in_progress.v, IP_TRI_YES);
	cr_expect_eq(d->install.in_progress.span.line, 8);
	ip_arena_free(a);
}

/* Whole captures: typed commands, bare output, a later capture replacing
 * an earlier one of the same view, and every view kept apart. */
Test(show_install, session_log_views_and_replacement)
{
	ip_device_set *s = test_load_text("views.log",
		"SW#show install summary\n"
		"[ Switch 1 2 ] Installed Package(s) Information:\n" LEGEND
		"IMG   U    17.12.04.0.11\n"
		"\n" RULE "Auto abort timer: active on install_activate, time before rollback - 00:10:00\n" RULE
		"SW#sh inst uncom\n"
		"[ Switch 1 2 ] Uncommitted Package(s) Information:\n" LEGEND
		"IMG   U    17.12.04.0.11\n"
		"SW#install commit\n"
		"SW#show install summary\n"
		"[ Switch 1 2 ] Installed Package(s) Information:\n" LEGEND
		"IMG   C    17.12.04.0.11\n"
		"\n" RULE "Auto abort timer: inactive\n" RULE
		"SW#\n");
	cr_assert_eq(s->n, 1);
	const ip_install_state *is = &s->v[0]->install;
	cr_assert_eq(is->n_blocks, 2, "the later summary replaced the first, the "
		     "uncommitted view stays");
	cr_expect_eq(is->blocks[0].view, IP_INSTALL_VIEW_UNCOMMITTED);
	cr_expect_eq(is->blocks[1].view, IP_INSTALL_VIEW_SUMMARY);
	cr_expect_eq(is->blocks[1].pkgs[0].state, IP_PKG_COMMITTED);
	cr_expect_eq(is->timer.v, IP_TRI_NO, "the later timer line wins");
	cr_expect_not(is->timer_left_s.known);
	ip_device_set_free(s);
}

Test(show_install, bare_output_is_recognised)
{
	ip_device_set *s = test_load_text("bare.txt",
		"[ Switch 1 2 ] Installed Package(s) Information:\n" LEGEND
		"IMG   C    17.15.03.0.5371\n\n\n"
		"[ Switch 3 ] Installed Package(s) Information:\n" LEGEND
		"IMG   U    17.15.03.0.5371\n"
		"\n" RULE "Auto abort timer: inactive\n" RULE);
	cr_assert_eq(s->n, 1);
	const ip_install_state *is = &s->v[0]->install;
	cr_assert_eq(is->n_blocks, 2, "both blocks in one section");
	cr_expect_eq(is->blocks[1].members[0], 3);
	cr_expect_eq(is->blocks[1].pkgs[0].state, IP_PKG_UNCOMMITTED);
	cr_expect_eq(is->timer.v, IP_TRI_NO);
	ip_device_set_free(s);
}

Test(show_install, samples_carry_the_state)
{
	ip_device_set *s = test_load_samples("stack-9300-install.log", NULL);
	cr_assert_eq(s->n, 1);
	const ip_install_state *is = &s->v[0]->install;
	cr_assert_eq(is->n_blocks, 1);
	cr_expect_eq(is->blocks[0].n_members, 2);
	cr_expect_str_eq(is->blocks[0].pkgs[0].name.s, "17.09.04a.0.4");
	cr_expect_eq(is->timer.v, IP_TRI_NO);
	ip_device_set_free(s);
}

/* IOS-XE 3.x (issue 21 pt 1): `show version running | provisioned` blocks
 * and `show software installer rollback-timer`, into the same install
 * state. Each row names its source (parsers/show_install.c). */
typedef struct xe3_pkg {
	const char *where, *type, *name;
	ip_pkg_state state;
	uint32_t line;
} xe3_pkg;

typedef struct xe3_case {
	const char *name;
	const char *command;
	const char *text;
	ip_install_view view;
	size_t n_blocks;
	int member0;          /* block 0's switch, 0 none */
	const char *rp0;      /* block 0's route processor, NULL none */
	xe3_pkg p[4];         /* the first packages, block by block */
	size_t n_pkgs;        /* all of them */
	ip_tri timer;
	long left;            /* -1 unknown */
	uint32_t timer_line, timer_col;
	size_t warnings;
} xe3_case;

#define BUILT(by) "Built: Wed Jan 09 21:59:52 PST 2013, by: " by "\n\n"

static const xe3_case xe3_cases[] = {
	{ "Cat3650 3.2SE, one switch (Cisco 3650 3SE System Management guide, via stageit)",
	  "show version running",
	  "Package: Base, version: 03.02.00SE, status: active\n"
	  "File: cat3k_caa-base.SPA.03.02.00SE.pkg, on: Switch1\n" BUILT("gereddy")
	  "Package: IOS, version: 150-1.EX, status: active\n"
	  "File: cat3k_caa-iosd-universalk9.SPA.150-1.EX.pkg, on: Switch1\n" BUILT("gereddy"),
	  IP_INSTALL_VIEW_RUNNING, 1, 1, NULL,
	  { { "Switch1", "Base", "cat3k_caa-base.SPA.03.02.00SE.pkg", IP_PKG_ACTIVE, 1 },
	    { "Switch1", "IOS", "cat3k_caa-iosd-universalk9.SPA.150-1.EX.pkg", IP_PKG_ACTIVE, 5 } }, 2,
	  IP_TRI_UNKNOWN, -1, 0, 0, 0 },
	{ "Cat3850 3.x stack of two: a block a switch (the same form, two members)",
	  "show version running",
	  "Package: Base, version: 03.06.05E, status: active\n"
	  "File: cat3k_caa-base.SPA.03.06.05E.pkg, on: Switch1\n" BUILT("prod_rel_team")
	  "Package: Base, version: 03.06.05E, status: active\n"
	  "File: cat3k_caa-base.SPA.03.06.05E.pkg, on: Switch2\n" BUILT("prod_rel_team"),
	  IP_INSTALL_VIEW_RUNNING, 2, 1, NULL,
	  { { "Switch1", "Base", "cat3k_caa-base.SPA.03.06.05E.pkg", IP_PKG_ACTIVE, 1 },
	    { "Switch2", "Base", "cat3k_caa-base.SPA.03.06.05E.pkg", IP_PKG_ACTIVE, 5 } }, 2,
	  IP_TRI_UNKNOWN, -1, 0, 0, 0 },
	{ "ASR900 3.x, bootflash: sub-directory on RP0 (Cisco CSM plugin csmpe ios_xe/utils.py)",
	  "show version running",
	  "Package: rpbase, version: 03.13.03.S.154-3.S3-ext, status: active\n"
	  "File: bootflash:/Image/asr900rsp2-rpbase.03.13.03.S.154-3.S3-ext.pkg, on: RP0\n"
	  BUILT("mcpre"),
	  IP_INSTALL_VIEW_RUNNING, 1, 0, "RP0",
	  { { "RP0", "rpbase", "bootflash:/Image/asr900rsp2-rpbase.03.13.03.S.154-3.S3-ext.pkg",
	      IP_PKG_ACTIVE, 1 } }, 1,
	  IP_TRI_UNKNOWN, -1, 0, 0, 0 },
	{ "Cat9k 17.x with Role and SHA1 lines, standby n/a skipped (genieparser ShowVersionRunning)",
	  "show version running",
	  "Package: Provisioning File, version: n/a, status: active\n"
	  "  Role: provisioning file\n"
	  "  File: consolidated:packages.conf, on: RP0\n"
	  "  Built: n/a, by: n/a\n"
	  "  File SHA1 checksum: 5320a1aa65add90d5c7cfb0ccf4d5a68f6a4fe39\n\n"
	  "Package: rpbase, version: BLD_POLARIS_DEV_LATEST_20211108_175756, status: n/a\n"
	  "  Role: rp_base\n"
	  "  File: consolidated:cat9k-rpbase.BLD_POLARIS_DEV_LATEST_20211108_175756.SSA.pkg, on: RP1\n"
	  "  Built: 2021-11-08_11.20, by: mcpre\n\n"
	  "Package: guestshell, version: BLD_POLARIS_DEV_LATEST_20211108_175756, status: active\n"
	  "  Role: guestshell\n"
	  "  File: consolidated:cat9k-guestshell.BLD_POLARIS_DEV_LATEST_20211108_175756.SSA.pkg, on: RP0/0\n"
	  "  Built: 2021-11-08_11.20, by: mcpre\n",
	  IP_INSTALL_VIEW_RUNNING, 2, 0, "RP0",
	  { { "RP0", "Provisioning File", "consolidated:packages.conf", IP_PKG_ACTIVE, 1 },
	    { "RP0/0", "guestshell",
	      "consolidated:cat9k-guestshell.BLD_POLARIS_DEV_LATEST_20211108_175756.SSA.pkg",
	      IP_PKG_ACTIVE, 12 } }, 2,
	  IP_TRI_UNKNOWN, -1, 0, 0, 0 },
	{ "show version provisioned, status provisioned (UNCONFIRMED form: VG450 guide names the command)",
	  "show version provisioned",
	  "Package: Base, version: 03.06.06E, status: provisioned\n"
	  "File: cat3k_caa-base.SPA.03.06.06E.pkg, on: Switch1\n" BUILT("prod_rel_team"),
	  IP_INSTALL_VIEW_PROVISIONED, 1, 1, NULL,
	  { { "Switch1", "Base", "cat3k_caa-base.SPA.03.06.06E.pkg", IP_PKG_PROVISIONED, 1 } }, 1,
	  IP_TRI_UNKNOWN, -1, 0, 0, 0 },
	{ "rollback timer running on two switches: the first to fire (cf_command_ref, software commit)",
	  "show software installer rollback-timer",
	  "Switch# Status Duration\n"
	  "----------------------------------\n"
	  "1 active 00:31:28\n"
	  "2 active 00:31:43\n",
	  IP_INSTALL_VIEW_SUMMARY, 0, 0, NULL, { { 0 } }, 0,
	  IP_TRI_YES, 1888, 3, 3, 0 },
	{ "rollback timer after software commit (the same page)",
	  "show software installer rollback-timer",
	  "Switch# Status Duration\n"
	  "----------------------------------\n"
	  "1 inactive -\n"
	  "2 inactive -\n",
	  IP_INSTALL_VIEW_SUMMARY, 0, 0, NULL, { { 0 } }, 0,
	  IP_TRI_NO, -1, 3, 3, 0 },
	{ "a status no variant prints and a stray line warn",
	  "show version running",
	  "Package: Base, version: 03.06.05E, status: frobbed\n"
	  "File: cat3k_caa-base.SPA.03.06.05E.pkg, on: Switch1\n"
	  "this is not a package line\n",
	  IP_INSTALL_VIEW_RUNNING, 0, 0, NULL, { { 0 } }, 0,
	  IP_TRI_UNKNOWN, -1, 0, 0, 2 },
};

IP_TABLE_PARAMS(show_install_xe3, rows, xe3_cases)

ParameterizedTest(size_t *row, show_install_xe3, rows)
{
	const xe3_case *c = &xe3_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_diags diags;
	ip_parse_ctx ctx;
	ip_device *d = test_device(a, &ctx, &diags);
	cr_assert_eq(show_install_parse(d, test_section_cmd(a, c->command, c->text), &ctx), 0);
	const ip_install_state *is = &d->install;
	cr_assert_eq(is->n_blocks, c->n_blocks, "%s: %zu blocks", c->name, is->n_blocks);
	if (c->n_blocks) {
		cr_expect_eq(is->blocks[0].n_members, c->member0 ? 1u : 0u, "%s: members", c->name);
		if (c->member0)
			cr_expect_eq(is->blocks[0].members[0], c->member0, "%s: switch", c->name);
		cr_expect_eq(is->blocks[0].n_rps, c->rp0 ? 1u : 0u, "%s: rps", c->name);
		if (c->rp0)
			cr_expect_str_eq(is->blocks[0].rps[0], c->rp0, "%s: rp", c->name);
	}
	size_t n = 0;
	for (size_t b = 0; b < is->n_blocks; b++) {
		cr_expect_eq(is->blocks[b].view, c->view, "%s: view", c->name);
		for (size_t k = 0; k < is->blocks[b].n_pkgs; k++, n++) {
			const ip_install_pkg *p = &is->blocks[b].pkgs[k];
			cr_expect_geq(p->state_span.col, 1, "%s: the status has a span", c->name);
			if (n >= 4 || !c->p[n].name)
				continue;
			cr_expect_str_eq(is->blocks[b].where, c->p[n].where, "%s: where", c->name);
			cr_expect_str_eq(p->type.s, c->p[n].type, "%s: package", c->name);
			cr_expect_str_eq(p->name.s, c->p[n].name, "%s: file", c->name);
			cr_expect_eq(p->state, c->p[n].state, "%s: state", c->name);
			cr_expect_eq(p->span.line, c->p[n].line, "%s: %s line %u", c->name,
				     c->p[n].name, p->span.line);
		}
	}
	cr_expect_eq(n, c->n_pkgs, "%s: %zu packages", c->name, n);
	cr_expect_eq(is->timer.v, c->timer, "%s: timer", c->name);
	cr_expect_eq(is->timer_software, c->timer != IP_TRI_UNKNOWN, "%s: the 3.x timer", c->name);
	cr_expect_eq(is->timer_left_s.known, c->left >= 0, "%s: time left known", c->name);
	if (c->left >= 0)
		cr_expect_eq(is->timer_left_s.v, (uint64_t)c->left, "%s: %llu s", c->name,
			     (unsigned long long)is->timer_left_s.v);
	cr_expect_eq(is->timer.span.line, c->timer_line, "%s: timer line", c->name);
	cr_expect_eq(is->timer.span.col, c->timer_col, "%s: timer col", c->name);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: %zu warnings",
		     c->name, ip_diags_count(&diags, IP_DIAG_WARNING));
	ip_arena_free(a);
}

/* Typed in a session: the commands are recognised ("sh ver run", the long
 * rollback-timer form), and the bare "show version" stays show version. */
Test(show_install, xe3_commands_in_a_session)
{
	ip_device_set *s = test_load_samples("../tests/captures/c3850-3x-rollback-timer.log", NULL);
	cr_assert_eq(s->n, 1);
	const ip_install_state *is = &s->v[0]->install;
	cr_expect_eq(is->n_blocks, 1, "Switch1 running");
	cr_expect_eq(is->blocks[0].n_pkgs, 6);
	cr_expect_eq(is->timer.v, IP_TRI_YES);
	cr_expect_eq(is->timer_left_s.v, 1888);
	cr_expect_str_eq(s->v[0]->version.s, "03.06.05E", "show version still read");
	ip_device_set_free(s);
	s = test_load_text("abbrev.log",
		"SW#sh ver run\n"
		"Package: Base, version: 03.06.05E, status: active\n"
		"File: cat3k_caa-base.SPA.03.06.05E.pkg, on: Switch1\n"
		"SW#sh ver prov\n"
		"Package: Base, version: 03.06.06E, status: active\n"
		"File: cat3k_caa-base.SPA.03.06.06E.pkg, on: Switch1\n"
		"SW#\n");
	cr_assert_eq(s->n, 1);
	is = &s->v[0]->install;
	cr_assert_eq(is->n_blocks, 2);
	cr_expect_eq(is->blocks[0].view, IP_INSTALL_VIEW_RUNNING);
	cr_expect_eq(is->blocks[1].view, IP_INSTALL_VIEW_PROVISIONED);
	ip_device_set_free(s);
}
