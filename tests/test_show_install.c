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
