/* show_boot_parse: show boot / show bootvar / show boot system outputs. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "parsers.h"

typedef struct list_want {
	bool known;
	size_t n;
	const char *raw[4];
	ip_boot_kind kind0;
	uint32_t line0, col0, end_col0; /* span of entry 0 */
} list_want;

typedef struct sb_case {
	const char *name;
	const char *command; /* NULL: "show boot" */
	const char *text;
	list_want next, current;
	ip_tri manual;
	uint32_t confreg, confreg_next; /* 0: must stay unknown */
	size_t warnings;
} sb_case;

#define NONE { false, 0, { NULL }, 0, 0, 0, 0 }
#define EMPTY { true, 0, { NULL }, 0, 0, 0, 0 }

static const sb_case cases[] = {
	{ "classic", NULL,
	  "BOOT path-list      : flash:c3750e-ipbasek9-mz.150-2.SE11.bin\n"
	  "Config file         : flash:/config.text\n"
	  "Private Config file : flash:/private-config.text\n"
	  "Enable Break        : yes\n"
	  "Manual Boot         : no\n"
	  "HELPER path-list    : flash:helper.bin\n",
	  { true, 1, { "flash:c3750e-ipbasek9-mz.150-2.SE11.bin" }, IP_BOOT_FILE, 1, 23, 62 },
	  NONE, IP_TRI_NO, 0, 0, 0 },
	{ "classic two entries", NULL,
	  "BOOT path-list      : flash:a.bin;flash:/dir/b.bin\nManual Boot         : yes\n",
	  { true, 2, { "flash:a.bin", "flash:/dir/b.bin" }, IP_BOOT_FILE, 1, 23, 34 },
	  NONE, IP_TRI_YES, 0, 0, 0 },
	{ "classic empty path-list", NULL,
	  "BOOT path-list      :\nManual Boot         : no\n",
	  EMPTY, NONE, IP_TRI_NO, 0, 0, 0 },
	{ "short spacing", NULL,
	  "2960l#show boot\n"
	  "BOOT path-list : flash:c2960l-universalk9-mz.152-7.E2/c2960l-universalk9-mz.152-7.E2.bin\n"
	  "Manual Boot : no\n",
	  { true, 1, { "flash:c2960l-universalk9-mz.152-7.E2/c2960l-universalk9-mz.152-7.E2.bin" },
	    IP_BOOT_FILE, 2, 18, 89 },
	  NONE, IP_TRI_NO, 0, 0, 0 },
	{ "bootvar with retry suffixes", "show bootvar",
	  "BOOT variable = harddisk:/ISSUCleanGolden,12;bootflash:12351822-iedge-asr-uut,12;\n"
	  "CONFIG_FILE variable =\n"
	  "BOOTLDR variable does not exist\n"
	  "Configuration register is 0x2\n"
	  "\n"
	  "Standby not ready to show bootvar\n",
	  { true, 2, { "harddisk:/ISSUCleanGolden", "bootflash:12351822-iedge-asr-uut" },
	    IP_BOOT_FILE, 1, 17, 42 },
	  NONE, IP_TRI_UNKNOWN, 0x2, 0x2, 0 },
	{ "empty BOOT variable, register will change", "show bootvar",
	  "BOOT variable =\n"
	  "CONFIG_FILE variable =\n"
	  "BOOTLDR variable does not exist\n"
	  "Configuration register is 0x2 (will be 0x2102 at next reload)\n",
	  EMPTY, NONE, IP_TRI_UNKNOWN, 0x2, 0x2102, 0 },
	{ "tftp element with server", "show bootvar",
	  "BOOT variable = tftp:/auto/tftp-best/genie_images/genie_clean/asr1000-genie-image "
	  "255.255.255.255,12;\n"
	  "CONFIG_FILE variable does not exist\n"
	  "Configuration register is 0x2142\n",
	  { true, 1, { "tftp:/auto/tftp-best/genie_images/genie_clean/asr1000-genie-image "
		       "255.255.255.255" }, IP_BOOT_NETWORK, 1, 17, 98 },
	  NONE, IP_TRI_UNKNOWN, 0x2142, 0x2142, 0 },
	{ "standby lines are not the active's", "show bootvar",
	  "BOOT variable = harddisk:/a.bin,12;\n"
	  "Configuration register is 0x1 (will be 0x2102 at next reload)\n"
	  "\n"
	  "Standby BOOT variable = harddisk:/standby.bin,12;\n"
	  "Standby MANUAL_BOOT variable = yes\n"
	  "Standby Configuration register is 0x1  (will be 0x2142 at next reload)\n",
	  { true, 1, { "harddisk:/a.bin" }, IP_BOOT_FILE, 1, 17, 32 },
	  NONE, IP_TRI_UNKNOWN, 0x1, 0x2102, 0 },
	{ "standby only", "show bootvar",
	  "Standby BOOT variable = harddisk:/standby.bin,12;\n",
	  NONE, NONE, IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "cat9400 show boot", NULL,
	  "BOOT variable = bootflash:packages.conf;\n"
	  "MANUAL_BOOT variable = no\n"
	  "BAUD variable = 9600\n"
	  "ENABLE_BREAK variable does not exist\n"
	  "BOOTMODE variable does not exist\n"
	  "IPXE_TIMEOUT variable does not exist\n"
	  "CONFIG_FILE variable =\n",
	  { true, 1, { "bootflash:packages.conf" }, IP_BOOT_FILE, 1, 17, 40 },
	  NONE, IP_TRI_NO, 0, 0, 0 },
	{ "cat9k url and capital R", NULL,
	  "BOOT variable = tftp://10.1.0.41/cat9k_iosxe.16.12.03a.SPA.bin\n"
	  "Configuration Register is 0x102\n"
	  "MANUAL_BOOT variable = yes\n",
	  { true, 1, { "tftp://10.1.0.41/cat9k_iosxe.16.12.03a.SPA.bin" }, IP_BOOT_NETWORK,
	    1, 17, 63 },
	  NONE, IP_TRI_YES, 0x102, 0x102, 0 },
	{ "manual boot variable absent", NULL,
	  "BOOT variable = bootflash:packages.conf;\nMANUAL_BOOT variable does not exist\n",
	  { true, 1, { "bootflash:packages.conf" }, IP_BOOT_FILE, 1, 17, 40 },
	  NONE, IP_TRI_NO, 0, 0, 0 },
	{ "BOOT variable does not exist", NULL,
	  "BOOT variable does not exist\nMANUAL_BOOT variable = no\n",
	  EMPTY, NONE, IP_TRI_NO, 0, 0, 0 },
	{ "current and next reload", NULL,
	  "---------------------------\n"
	  "Switch 5\n"
	  "---------------------------\n"
	  "Current Boot Variables:\n"
	  "BOOT variable = flash:cat3k_a.bin;flash:cat3k_b.SSA.bin;flash:ISSUCleanGolden;\n"
	  "\n"
	  "Boot Variables on next reload:\n"
	  "BOOT variable = flash:ISSUCleanGolden;\n"
	  "Manual Boot = yes\n"
	  "Enable Break = yes\n"
	  "Boot Mode = DEVICE\n"
	  "iPXE Timeout = 0\n",
	  { true, 1, { "flash:ISSUCleanGolden" }, IP_BOOT_FILE, 8, 17, 38 },
	  { true, 3, { "flash:cat3k_a.bin", "flash:cat3k_b.SSA.bin", "flash:ISSUCleanGolden" },
	    IP_BOOT_FILE, 5, 17, 34 },
	  IP_TRI_YES, 0, 0, 0 },
	{ "current does not exist", NULL,
	  "Current Boot Variables:\n"
	  "BOOT variable does not exist\n"
	  "\n"
	  "Boot Variables on next reload:\n"
	  "BOOT variable = flash:packages.conf;\n"
	  "Manual Boot = no\n",
	  { true, 1, { "flash:packages.conf" }, IP_BOOT_FILE, 5, 17, 36 },
	  EMPTY, IP_TRI_NO, 0, 0, 0 },
	{ "current only: next reload unknown", NULL,
	  "Current Boot Variables:\n"
	  "BOOT variable = flash:packages.conf;\n",
	  NONE, { true, 1, { "flash:packages.conf" }, IP_BOOT_FILE, 2, 17, 36 },
	  IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "classic stack: first block is the active's", NULL,
	  "BOOT path-list      : flash:/c2960x-universalk9-mz.152-4.E8.bin\n"
	  "Manual Boot         : no\n"
	  "-------------------\n"
	  "Switch 2\n"
	  "-------------------\n"
	  "BOOT path-list      : flash:/c2960x-universalk9-mz.152-2.E7.bin\n"
	  "Manual Boot         : yes\n",
	  { true, 1, { "flash:/c2960x-universalk9-mz.152-4.E8.bin" }, IP_BOOT_FILE, 1, 23, 64 },
	  NONE, IP_TRI_NO, 0, 0, 0 },
	{ "gibraltar stack, no active known: first member", NULL,
	  "---------------------------\nSwitch 1\n---------------------------\n"
	  "Current Boot Variables:\nBOOT variable = flash:one.bin;\n\n"
	  "Boot Variables on next reload:\nBOOT variable = flash:one.bin;\nManual Boot = no\n"
	  "---------------------------\nSwitch 2\n---------------------------\n"
	  "Current Boot Variables:\nBOOT variable = flash:two.bin;\n\n"
	  "Boot Variables on next reload:\nBOOT variable = flash:two.bin;\nManual Boot = yes\n",
	  { true, 1, { "flash:one.bin" }, IP_BOOT_FILE, 8, 17, 30 },
	  { true, 1, { "flash:one.bin" }, IP_BOOT_FILE, 5, 17, 30 },
	  IP_TRI_NO, 0, 0, 0 },
	{ "indented capture", NULL,
	  "        BOOT variable = bootflash:/asr1000rpx.bin,12;\n"
	  "        Configuration register is 0x2002\n"
	  "        Standby BOOT variable = bootflash:/asr1000rpx.bin,12;\n",
	  { true, 1, { "bootflash:/asr1000rpx.bin" }, IP_BOOT_FILE, 1, 25, 50 },
	  NONE, IP_TRI_UNKNOWN, 0x2002, 0x2002, 0 },
	{ "list cut short by IOS", NULL,
	  "BOOT variable = flash:a.bin,12;flash:b.bin,12;+\n",
	  { false, 2, { "flash:a.bin", "flash:b.bin" }, IP_BOOT_FILE, 1, 17, 28 },
	  NONE, IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "filtered, headings hidden: ambiguous", "show boot | include BOOT",
	  "BOOT variable = flash:old.bin;\nBOOT variable = flash:new.bin;\n",
	  { false, 1, { "flash:new.bin" }, IP_BOOT_FILE, 2, 17, 30 },
	  NONE, IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "filtered, one list", "show boot | include BOOT path",
	  "BOOT path-list      : flash:a.bin\n",
	  { true, 1, { "flash:a.bin" }, IP_BOOT_FILE, 1, 23, 34 },
	  NONE, IP_TRI_UNKNOWN, 0, 0, 0 },
	{ "invalid input", "show bootvar",
	  "                 ^\n% Invalid input detected at '^' marker.\n",
	  NONE, NONE, IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "helper path-list is not BOOT", NULL,
	  "HELPER path-list    : flash:helper.bin\n",
	  NONE, NONE, IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "BOOT line not understood", NULL,
	  "BOOT something odd\nBOOT path-list      : flash:a.bin\n",
	  { true, 1, { "flash:a.bin" }, IP_BOOT_FILE, 2, 23, 34 },
	  NONE, IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "register too large", NULL,
	  "BOOT variable =\nConfiguration register is 0x123456789012345678901234567890\n",
	  EMPTY, NONE, IP_TRI_UNKNOWN, 0, 0, 1 },
	{ "empty output", NULL, "", NONE, NONE, IP_TRI_UNKNOWN, 0, 0, 0 },
};

IP_TABLE_PARAMS(show_boot, outputs, cases)

static void check_list(const char *name, const char *which, const ip_boot_list *l,
		       const list_want *w)
{
	cr_assert_eq(l->known, w->known, "%s: %s known %d", name, which, l->known);
	cr_assert_eq(l->n, w->n, "%s: %s has %zu entries", name, which, l->n);
	for (size_t i = 0; i < w->n; i++)
		cr_assert_str_eq(l->v[i].raw, w->raw[i], "%s: %s entry %zu", name, which, i);
	if (!w->n)
		return;
	cr_assert_eq(l->v[0].kind, w->kind0, "%s: %s kind", name, which);
	cr_assert_eq(l->v[0].span.line, w->line0, "%s: %s line %u", name, which,
		     l->v[0].span.line);
	cr_assert_eq(l->v[0].span.col, w->col0, "%s: %s col %u", name, which,
		     l->v[0].span.col);
	cr_assert_eq(l->v[0].span.end_col, w->end_col0, "%s: %s end col %u", name, which,
		     l->v[0].span.end_col);
}

static void check_register(const char *name, const ip_register *r, uint32_t want)
{
	if (!want) {
		cr_assert(!r->known, "%s: register should be unknown", name);
		return;
	}
	cr_assert(r->known, "%s: register unknown", name);
	cr_assert_eq(r->v, want, "%s: register 0x%x", name, r->v);
}

ParameterizedTest(size_t *row, show_boot, outputs)
{
	const sb_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *sec = test_section_cmd(a, c->command ? c->command : "show boot", c->text);
	cr_assert_eq(sec->cmd, IP_CMD_SHOW_BOOT);
	cr_assert_eq(show_boot_parse(dev, sec, &ctx), 0);
	check_list(c->name, "next", &dev->bootvar, &c->next);
	check_list(c->name, "current", &dev->bootvar_current, &c->current);
	if (dev->bootvar.known || dev->bootvar.n)
		cr_assert_eq(dev->bootvar.filtered, sec->filter != NULL, "%s: filtered", c->name);
	cr_assert_eq(dev->manual_boot.v, c->manual, "%s: manual boot %d", c->name,
		     dev->manual_boot.v);
	check_register(c->name, &dev->confreg, c->confreg);
	check_register(c->name, &dev->confreg_next, c->confreg_next);
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: %zu warnings",
		     c->name, ip_diags_count(&diags, IP_DIAG_WARNING));
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_ERROR), 0);
	ip_arena_free(a);
}

Test(show_boot, spans_of_register_and_manual_boot)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *sec = test_section_cmd(a, "show bootvar",
		"BOOT variable =\n"
		"MANUAL_BOOT variable = no\n"
		"Configuration register is 0x2 (will be 0x2102 at next reload)\n");
	show_boot_parse(dev, sec, &ctx);
	cr_assert_eq(dev->manual_boot.span.line, 2);
	cr_assert_eq(dev->manual_boot.span.col, 24);
	cr_assert_eq(dev->manual_boot.span.end_col, 26);
	cr_assert_eq(dev->confreg.span.line, 3);
	cr_assert_eq(dev->confreg.span.col, 27);
	cr_assert_eq(dev->confreg.span.end_col, 30);
	cr_assert_eq(dev->confreg_next.span.col, 40);
	cr_assert_eq(dev->confreg_next.span.end_col, 46);
	cr_assert_eq(dev->bootvar.span.line, 1, "the list points at its BOOT line");
	ip_arena_free(a);
}

Test(show_boot, show_version_register_wins)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	dev->confreg = (ip_register){ true, 0x2102, { "sv.txt", 40, 27, 40, 33 } };
	dev->confreg_next = dev->confreg;
	ip_section *sec = test_section_cmd(a, "show bootvar",
		"BOOT variable =\nConfiguration register is 0x2 (will be 0x2142 at next reload)\n");
	show_boot_parse(dev, sec, &ctx);
	cr_assert_eq(dev->confreg.v, 0x2102);
	cr_assert_eq(dev->confreg_next.v, 0x2102);
	cr_assert_str_eq(dev->confreg.span.file, "sv.txt");
	ip_arena_free(a);
}

Test(show_boot, active_member_block_is_chosen)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_member *m = IP_PUSH(a, dev->members, dev->n_members, dev->cap_members);
	m->number = 1;
	m = IP_PUSH(a, dev->members, dev->n_members, dev->cap_members);
	m->number = 2;
	m->active = true;
	ip_section *sec = test_section_cmd(a, "show boot",
		"---------------------------\nSwitch 1\n---------------------------\n"
		"Current Boot Variables:\nBOOT variable = flash:one.bin;\n\n"
		"Boot Variables on next reload:\nBOOT variable = flash:one.bin;\nManual Boot = no\n"
		"---------------------------\nSwitch 2\n---------------------------\n"
		"Current Boot Variables:\nBOOT variable = flash:two.bin;\n\n"
		"Boot Variables on next reload:\nBOOT variable = flash:two.bin;\n"
		"Manual Boot = yes\n");
	show_boot_parse(dev, sec, &ctx);
	cr_assert_eq(dev->bootvar.n, 1);
	cr_assert_str_eq(dev->bootvar.v[0].raw, "flash:two.bin");
	cr_assert_eq(dev->bootvar.v[0].span.line, 17);
	cr_assert_eq(dev->manual_boot.v, IP_TRI_YES);
	ip_arena_free(a);
}

/* --- each stack member's own BOOT variable (issue 11) -------------------- */

typedef struct member_boot {
	int number;
	bool known;
	size_t n;
	const char *raw0;
	uint32_t line, col; /* of entry 0 */
} member_boot;

typedef struct mb_case {
	const char *name;
	int members[4];      /* numbers show version gave, 0-terminated */
	int active;          /* 0: none marked */
	const char *text;
	size_t n_members;    /* after the parse */
	member_boot want[4];
} mb_case;

#define XE_BLOCK(n, cur, next)                                                 \
	"---------------------------\nSwitch " #n "\n---------------------------\n" \
	"Current Boot Variables:\nBOOT variable = " cur ";\n\n"                 \
	"Boot Variables on next reload:\nBOOT variable = " next ";\nManual Boot = no\n"
#define CL_BLOCK(n, list)                                                      \
	"-------------------\nSwitch " #n "\n-------------------\n"            \
	"BOOT path-list      : " list "\nManual Boot         : no\n"

static const mb_case mb_cases[] = {
	{ "iosxe three blocks", { 1, 2, 3 }, 1,
	  XE_BLOCK(1, "flash:packages.conf", "flash:packages.conf")
	  XE_BLOCK(2, "flash:packages.conf", "flash:packages.conf")
	  XE_BLOCK(3, "flash:packages.conf", "flash:cat9k_iosxe.17.06.05.SPA.bin"),
	  3,
	  { { 1, true, 1, "flash:packages.conf", 8, 17 },
	    { 2, true, 1, "flash:packages.conf", 17, 17 },
	    { 3, true, 1, "flash:cat9k_iosxe.17.06.05.SPA.bin", 26, 17 } } },
	{ "classic: the block without heading is the active member's", { 1, 2 }, 1,
	  "BOOT path-list      : flash:c2960x-universalk9-mz.152-7.E8.bin\n"
	  "Manual Boot         : no\n"
	  CL_BLOCK(2, "flash:c2960x-universalk9-mz.152-7.E6.bin"),
	  2,
	  { { 1, true, 1, "flash:c2960x-universalk9-mz.152-7.E8.bin", 1, 23 },
	    { 2, true, 1, "flash:c2960x-universalk9-mz.152-7.E6.bin", 6, 23 } } },
	{ "classic, active member 2: the first block is switch 2's", { 1, 2 }, 2,
	  "BOOT path-list      : flash:b.bin\nManual Boot         : no\n"
	  CL_BLOCK(1, "flash:a.bin"),
	  2,
	  { { 1, true, 1, "flash:a.bin", 6, 23 }, { 2, true, 1, "flash:b.bin", 1, 23 } } },
	{ "no member known: Switch 2 adds one, the bare block none", { 0 }, 0,
	  "BOOT path-list      : flash:a.bin\nManual Boot         : no\n"
	  CL_BLOCK(2, "flash:a.bin"),
	  1, { { 2, true, 1, "flash:a.bin", 6, 23 } } },
	{ "member 2 without a next-reload list stays unknown", { 1, 2 }, 1,
	  XE_BLOCK(1, "flash:packages.conf", "flash:packages.conf")
	  "---------------------------\nSwitch 2\n---------------------------\n"
	  "Current Boot Variables:\nBOOT variable = flash:packages.conf;\n",
	  2,
	  { { 1, true, 1, "flash:packages.conf", 8, 17 }, { 2, false, 0, NULL, 0, 0 } } },
	{ "member 2's BOOT does not exist: known and empty", { 1, 2 }, 1,
	  XE_BLOCK(1, "flash:packages.conf", "flash:packages.conf")
	  "---------------------------\nSwitch 2\n---------------------------\n"
	  "Boot Variables on next reload:\nBOOT variable does not exist\nManual Boot = no\n",
	  2,
	  { { 1, true, 1, "flash:packages.conf", 8, 17 }, { 2, true, 0, NULL, 0, 0 } } },
	{ "two lists without headings in a block: unknown", { 1, 2 }, 1,
	  CL_BLOCK(2, "flash:a.bin") "BOOT path-list      : flash:b.bin\n",
	  2, { { 1, false, 0, NULL, 0, 0 }, { 2, false, 0, NULL, 0, 0 } } },
};

IP_TABLE_PARAMS(show_boot, members, mb_cases)

ParameterizedTest(size_t *row, show_boot, members)
{
	const mb_case *c = &mb_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	for (size_t i = 0; i < 4 && c->members[i]; i++) {
		ip_member *m = IP_PUSH(a, dev->members, dev->n_members, dev->cap_members);
		m->number = c->members[i];
		m->active = m->number == c->active;
	}
	show_boot_parse(dev, test_section_cmd(a, "show boot", c->text), &ctx);
	cr_assert_eq(dev->n_members, c->n_members, "%s: %zu members", c->name, dev->n_members);
	for (size_t i = 0; i < c->n_members; i++) {
		const member_boot *w = &c->want[i];
		const ip_member *m = &dev->members[i];
		cr_assert_eq(m->number, w->number, "%s: member %zu", c->name, i);
		cr_expect_eq(m->bootvar.known, w->known, "%s: switch %d known", c->name, w->number);
		cr_assert_eq(m->bootvar.n, w->n, "%s: switch %d has %zu entries", c->name,
			     w->number, m->bootvar.n);
		if (!w->n)
			continue;
		cr_expect_str_eq(m->bootvar.v[0].raw, w->raw0, "%s: switch %d", c->name, w->number);
		cr_expect_eq(m->bootvar.v[0].span.line, w->line, "%s: switch %d line %u", c->name,
			     w->number, m->bootvar.v[0].span.line);
		cr_expect_eq(m->bootvar.v[0].span.col, w->col, "%s: switch %d col %u", c->name,
			     w->number, m->bootvar.v[0].span.col);
		cr_expect_eq(m->bootvar.v[0].span.end_col, w->col + strlen(w->raw0),
			     "%s: switch %d span covers the entry", c->name, w->number);
	}
	ip_arena_free(a);
}

/* A later show boot replaces an earlier one, unless it shows less. */
Test(show_boot, later_capture)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	show_boot_parse(dev, test_section_cmd(a, "show boot", "BOOT path-list : flash:a.bin\n"),
			&ctx);
	show_boot_parse(dev, test_section_cmd(a, "show boot | i Manual", "Manual Boot : no\n"),
			&ctx);
	cr_assert(dev->bootvar.known);
	cr_assert_str_eq(dev->bootvar.v[0].raw, "flash:a.bin");
	cr_assert_eq(dev->manual_boot.v, IP_TRI_NO);
	show_boot_parse(dev, test_section_cmd(a, "show boot", "BOOT path-list : flash:b.bin\n"),
			&ctx);
	cr_assert_str_eq(dev->bootvar.v[0].raw, "flash:b.bin");
	ip_arena_free(a);
}

/* --- real captures: ntc-templates show_boot, compared with their .yml ---- */

/* The value of `key: "..."` in an ntc .yml (first record). */
static char *yml_value(const char *yml, const char *key)
{
	char pat[64];
	snprintf(pat, sizeof(pat), " %s: \"", key);
	const char *p = strstr(yml, pat);
	if (!p)
		return NULL;
	p += strlen(pat);
	const char *q = strchr(p, '"');
	return q ? strndup(p, (size_t)(q - p)) : NULL;
}

static void check_corpus_file(const char *dir, const char *name)
{
	char path[1024];
	int k = snprintf(path, sizeof(path), "%s/%s", dir, name);
	cr_assert(k > 4 && (size_t)k < sizeof(path), "%s: path too long", name);
	char *raw = test_read_file(path, NULL);
	memcpy(path + strlen(path) - 4, ".yml", 4); /* name ends in ".raw" */
	char *yml = test_read_file(path, NULL);
	cr_assert(raw && yml, "%s: cannot read .raw/.yml", name);
	char *boot = yml_value(yml, "boot_path");
	char *manual = yml_value(yml, "manual_boot");
	char *current = yml_value(yml, "current_boot_variables");

	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	show_boot_parse(dev, test_section(a, IP_CMD_SHOW_BOOT, raw), &ctx);
	cr_assert(dev->bootvar.known, "%s: BOOT list unknown", name);
	cr_assert_eq(dev->bootvar.n, 1, "%s: %zu entries", name, dev->bootvar.n);
	cr_assert_str_eq(dev->bootvar.v[0].raw, boot, "%s", name);
	cr_assert_eq(dev->manual_boot.v, strcmp(manual, "yes") == 0 ? IP_TRI_YES : IP_TRI_NO,
		     "%s: manual boot", name);
	if (strcmp(current, "BOOT variable does not exist") == 0)
		cr_assert(dev->bootvar_current.known && dev->bootvar_current.n == 0, "%s", name);
	cr_assert_eq(diags.n, 0, "%s: %zu diagnostics, first: %s", name, diags.n,
		     diags.n ? diags.v[0].message : "");
	ip_arena_free(a);
	free(boot);
	free(manual);
	free(current);
	free(raw);
	free(yml);
}

Test(show_boot, ntc_corpus)
{
	const char *root = test_corpus_dir();
	if (!root)
		cr_skip_test("ntc-templates corpus not found (set IOSPLAN_CORPUS)");
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/cisco_ios/show_boot", root);
	DIR *d = opendir(dir);
	if (!d)
		cr_skip_test("no show_boot captures in %s", root);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".raw") == 0) {
			check_corpus_file(dir, e->d_name);
			n++;
		}
	}
	closedir(d);
	cr_assert_geq(n, 4, "only %zu show_boot captures", n);
}

/* Hostile input: must neither crash nor invent entries (run under ASan). */
Test(show_boot, hostile_input)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	size_t big = 60000;
	char *buf = malloc(big + 64);
	strcpy(buf, "BOOT variable = ");
	memset(buf + 16, ';', big);
	strcpy(buf + 16 + big, ",12;+\n");
	ip_device *dev = test_device(a, &ctx, &diags);
	cr_assert_eq(show_boot_parse(dev, test_section_cmd(a, "show boot", buf), &ctx), 0);
	cr_assert_eq(dev->bootvar.n, 0, "';' and ',12' are no entries");

	unsigned x = 777;
	for (size_t i = 0; i < big; i++) {
		x = x * 1103515245u + 12345u;
		static const char alphabet[] = "BOOT variable path-list=:;,12+\nSwitch 3-\n"
					       "Current Boot Variables:\nStandby 0x\xff";
		buf[i] = alphabet[(x >> 16) % (sizeof(alphabet) - 1)];
	}
	buf[big] = '\0';
	dev = test_device(a, &ctx, &diags);
	cr_assert_eq(show_boot_parse(dev, test_section_cmd(a, "show boot", buf), &ctx), 0);
	free(buf);
	ip_arena_free(a);
}

/* The corpus's Cat3k/9k capture has a "Switch 1" block: member 1 gets its
 * next-reload list, with the span of the entry. */
Test(show_boot, ntc_corpus_member_block)
{
	const char *root = test_corpus_dir();
	if (!root)
		cr_skip_test("ntc-templates corpus not found (set IOSPLAN_CORPUS)");
	char path[1024];
	snprintf(path, sizeof(path), "%s/cisco_ios/show_boot/cisco_ios_show_boot_gibraltar.raw", root);
	char *text = test_read_file(path, NULL);
	if (!text)
		cr_skip_test("%s not found", path);
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	show_boot_parse(dev, test_section_cmd(a, "show boot", text), &ctx);
	cr_assert_eq(dev->n_members, 1, "the Switch 1 block names member 1");
	const ip_member *m = &dev->members[0];
	cr_expect_eq(m->number, 1);
	cr_assert(m->bootvar.known);
	cr_assert_eq(m->bootvar.n, 1);
	cr_expect_str_eq(m->bootvar.v[0].raw, "flash:packages.conf");
	cr_expect_eq(m->bootvar.v[0].span.line, 8);
	cr_expect_eq(m->bootvar.v[0].span.col, 17);
	ip_arena_free(a);
	free(text);
}
