/* The rules on switch stacks (issue 11): stack-mismatch, and flash-space,
 * boot-missing-file, boot-order and unsaved-boot evaluated per member. One
 * table of rows, as in test_rules_boot.c: a capture (a sample path or
 * inline text), an optional target (and its size), and what must come
 * out: how many findings, where the first one is (line, column), a part
 * of its message, whether it is weak, one of its fix commands and the
 * capture it asks for. Rows with n = 0 must stay silent. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "rule_harness.h"

typedef struct stack_case {
	const char *rule;
	const char *row;
	const char *capture;  /* samples/ path, or the capture text */
	const char *target;
	uint64_t size;        /* target size in bytes; 0: unknown */
	size_t n;
	uint32_t line, col;
	const char *message;  /* part of the first finding's message */
	bool weak;
	const char *fix;      /* one of its fix commands, or NULL */
	const char *ask;      /* the capture it names, or NULL */
} stack_case;

/* --- an inline two-member C9300 bundle stack ------------------------------
 *
 * Lines 1-8: show version, row 1 (line 8) with the version at column 33 and
 * the mode at column 73; row 2 on line 9. Lines 10-17: show switch, member
 * 2's row on line 17, its state at column 53 (without row 2 in show
 * version everything after it moves up one line). */
#define OLD "cat9k_iosxe.17.06.05.SPA.bin"
#define NEW "cat9k_iosxe.17.09.04a.SPA.bin"

#define VER_HEAD                                                               \
	"SW#show version | include Version|image|processor|Switch|----|^[ *] +[0-9]\n" \
	"Cisco IOS XE Software, Version 17.06.05\n"                            \
	"Cisco IOS Software [Bengaluru], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.6.5, RELEASE SOFTWARE (fc2)\n" \
	"System image file is \"flash:" OLD "\"\n"                             \
	"cisco C9300-48P (X86) processor with 1333273K/6147K bytes of memory.\n" \
	"Switch Ports Model              SW Version        SW Image              Mode   \n" \
	"------ ----- -----              ----------        ----------            ----   \n" \
	"*    1 65    C9300-48P          17.06.05          CAT9K_IOSXE           BUNDLE\n"
/* row 2: version (18 wide, padded) and mode */
#define ROW2(ver, mode) "     2 65    C9300-48P          " ver "CAT9K_IOSXE           " mode "\n"
#define SAME_ROW2 ROW2("17.06.05          ", "BUNDLE")

#define SHOW_SWITCH(state2)                                                    \
	"SW#show switch\n"                                                     \
	"Switch/Stack Mac Address : 7c21.0ec6.3c00 - Local Mac Address\n"      \
	"Mac persistency wait time: Indefinite\n"                              \
	"                                             H/W   Current\n"         \
	"Switch#   Role    Mac Address     Priority Version  State \n"         \
	"-------------------------------------------------------------\n"      \
	"*1       Active   7c21.0ec6.3c00     15     V02     Ready\n"          \
	" 2       Standby  7c21.0ec6.3d00     14     V02     " state2 "\n"
#define READY SHOW_SWITCH("Ready")

/* A listing of fs with its files; the totals line last. */
#define DIR(fs, files)                                                         \
	"SW#dir " fs "\nDirectory of " fs "/\n\n" files "\n"                   \
	"1598627840 bytes total (955589632 bytes free)\n"
#define F(name) "12309  -rw-        489711616  Aug 19 2025 21:40:16 +00:00  " name "\n"

/* show boot: both members' next-reload lists. */
#define BLOCK(n, list)                                                         \
	"---------------------------\nSwitch " #n "\n---------------------------\n" \
	"Current Boot Variables:\nBOOT variable = flash:" OLD ";\n\n"          \
	"Boot Variables on next reload:\nBOOT variable = " list ";\nManual Boot = no\n"
#define BOOTS(l1, l2) "SW#show boot\n" BLOCK(1, l1) BLOCK(2, l2)
#define RUN(lines) "SW#show running-config | include boot\nboot-start-marker\n" lines "boot-end-marker\n"
#define END "SW#\n"

/* Lines 18-23: dir flash: (one file, line 21); from 24: dir flash-2:
 * (its header on line 25), then show boot: with one file on flash-2:,
 * member 2's next-reload list is on line 47 (48 with two files), entries
 * at column 17; a running config after it has its statement on line 51. */
#define STAGED(f2, b1, b2)                                                     \
	VER_HEAD SAME_ROW2 READY DIR("flash:", F(NEW)) DIR("flash-2:", f2)     \
	BOOTS(b1, b2)

static const stack_case cases[] = {
	/* --- stack-mismatch, now -------------------------------------------- */
	{ "stack-mismatch", "sample: member 3 in V-Mismatch on 17.06.05",
	  "stack-vmismatch.log", NULL, 0, 1, 93, 33, "switch 3 runs version 17.06.05", false,
	  "install autoupgrade", NULL },
	{ "stack-mismatch", "sample: three 3850s on one release", "stack-3850.log", NULL, 0, 0, 0,
	  0, NULL, false, NULL, NULL },
	{ "stack-mismatch", "sample: 2960-X pair on one release", "stack-2960x-bundle.log", NULL, 0,
	  0, 0, 0, NULL, false, NULL, NULL },
	{ "stack-mismatch", "sample: 9300 install stack", "stack-9300-install.log", NULL, 0, 0, 0, 0,
	  NULL, false, NULL, NULL },
	{ "stack-mismatch", "version differs", VER_HEAD ROW2("17.09.04a         ", "BUNDLE") END,
	  NULL, 0, 1, 9, 33, "switch 2 runs version 17.09.04a and the active switch 1 runs 17.06.05",
	  false, "reload slot 2", NULL },
	{ "stack-mismatch", "mode differs", VER_HEAD ROW2("17.06.05          ", "INSTALL") END,
	  NULL, 0, 1, 9, 73, "switch 2 runs mode INSTALL", false,
	  "boot system switch all flash:" OLD, NULL },
	{ "stack-mismatch", "only show switch says V-Mismatch",
	  VER_HEAD SAME_ROW2 SHOW_SWITCH("V-Mismatch") END, NULL, 0, 1, 17, 53,
	  "switch 2 is in state V-Mismatch", false, "reload slot 2", NULL },
	{ "stack-mismatch", "member only show switch knows: version unknown",
	  VER_HEAD READY END, NULL, 0, 1, 16, 1, "switch 2's software version is unknown", true,
	  NULL, "show version" },
	{ "stack-mismatch", "provisioned member is not compared",
	  VER_HEAD SHOW_SWITCH("Provisioned") END, NULL, 0, 0, 0, 0, NULL, false, NULL, NULL },
	{ "stack-mismatch", "one member: not a stack",
	  VER_HEAD END, NULL, 0, 0, 0, 0, NULL, false, NULL, NULL },
	/* --- stack-mismatch, after the reload ------------------------------- */
	{ "stack-mismatch", "sample: active flash only, target running: ask for dir flash-2:",
	  "stack-active-only.log", "cat3k_caa-universalk9.16.12.09.SPA.bin", 0, 2, 88, 1,
	  "cannot tell whether switch 2 boots", true, NULL, "dir flash-2:" },
	{ "stack-mismatch", "staged on the active only: flash-2: lacks it",
	  STAGED(F(OLD), "flash:" NEW, "flash:" OLD) END, NEW, 0, 1, 25, 1,
	  "flash-2: (switch 2) does not hold " NEW, false, "copy flash:" NEW " flash-2:", NULL },
	{ "stack-mismatch", "on both flashes, active BOOT set, member 2's not",
	  STAGED(F(NEW) F(OLD), "flash:" NEW, "flash:" OLD) END, NEW, 0, 1, 48, 17,
	  "switch 2's BOOT variable starts with flash:" OLD, false,
	  "boot system switch all flash:" NEW, NULL },
	{ "stack-mismatch", "on both flashes, both BOOT set",
	  STAGED(F(NEW) F(OLD), "flash:" NEW, "flash:" NEW) END, NEW, 0, 0, 0, 0, NULL, false,
	  NULL, NULL },
	{ "stack-mismatch", "on both flashes, no BOOT set yet: boot-order's business",
	  STAGED(F(NEW) F(OLD), "flash:" OLD, "flash:" OLD) END, NEW, 0, 0, 0, 0, NULL, false,
	  NULL, NULL },
	{ "stack-mismatch", "not staged anywhere yet: the plan copies it",
	  VER_HEAD SAME_ROW2 READY DIR("flash:", F(OLD)) DIR("flash-2:", F(OLD)) END, NEW, 0, 0, 0,
	  0, NULL, false, NULL, NULL },
	{ "stack-mismatch", "install mode: install add serves every member",
	  "stack-3850.log", "cat3k_caa-universalk9.16.12.10.SPA.bin", 0, 0, 0, 0, NULL, false, NULL,
	  NULL },
	{ "stack-mismatch", "tar stack, the running release on every member",
	  "stack-3750x-tar.log", "c3750e-universalk9-tar.152-4.E8.tar", 0, 0, 0, 0, NULL, false,
	  NULL, NULL },
	/* --- flash-space per member ----------------------------------------- */
	{ "flash-space", "sample: member 2's flash2: is short", "stack-no-space-member2.log",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, 1, 148, 24, "on flash2: (switch 2)",
	  false, NULL, NULL },
	{ "flash-space", "sample: members not listed, ask dir flash-2:", "stack-active-only.log",
	  "cat3k_caa-universalk9.16.12.10.SPA.bin", 489711616, 2, 88, 1,
	  "flash-2: (switch 2) has room", true, NULL, "dir flash-2:" },
	{ "flash-space", "sample: room on both members", "stack-2960x-bundle.log",
	  "c2960x-universalk9-mz.152-7.E9.bin", 26815488, 0, 0, 0, NULL, false, NULL, NULL },
	/* --- boot-missing-file per member ----------------------------------- */
	{ "boot-missing-file", "sample: members' flashes not listed", "stack-active-only.log", NULL,
	  0, 2, 164, 17, "cannot check switch 2's BOOT variable entry", true, NULL,
	  "dir flash-2:" },
	{ "boot-missing-file", "member 2 boots a file its flash lacks",
	  STAGED(F(OLD), "flash:" NEW, "flash:" NEW) END, NULL, 0, 1, 47, 17,
	  "switch 2's BOOT variable entry flash:" NEW " points at a file that is not in the "
	  "listing of flash-2:", false, "copy flash:" NEW " flash-2:" NEW, NULL },
	{ "boot-missing-file", "member 2 has it", STAGED(F(NEW), "flash:" NEW, "flash:" NEW) END, NULL,
	  0, 0, 0, 0, NULL, false, NULL, NULL },
	{ "boot-missing-file", "sample: 3850 stack", "stack-3850.log", NULL, 0, 0, 0, 0, NULL, false,
	  NULL, NULL },
	{ "boot-missing-file", "sample: tar stack, images in their directories", "stack-3750x-tar.log",
	  NULL, 0, 0, 0, 0, NULL, false, NULL, NULL },
	/* --- boot-order: a statement for one member only -------------------- */
	{ "boot-order", "boot system switch 2 names the target",
	  VER_HEAD SAME_ROW2 READY RUN("boot system switch 2 flash:" NEW "\n") END, NEW, 0, 1, 20, 13,
	  "for switch 2 only: switch 1 keeps its BOOT variable", false,
	  "boot system switch all flash:" NEW, NULL },
	{ "boot-order", "on a stack the fix rewrites every member's BOOT",
	  STAGED(F(NEW), "flash:" OLD, "flash:" OLD) END, NEW, 0, 1, 38, 1,
	  "has no usable boot entry", false, "boot system switch all flash:" NEW, NULL },
	{ "boot-order", "boot system switch all names the target",
	  VER_HEAD SAME_ROW2 READY RUN("boot system switch all flash:" NEW "\n") END, NEW, 0, 0, 0, 0,
	  NULL, false, NULL, NULL },
	{ "boot-order", "one statement per member",
	  VER_HEAD SAME_ROW2 READY RUN("boot system switch 1 flash:" NEW "\n"
				       "boot system switch 2 flash:" NEW "\n") END, NEW, 0, 0, 0, 0,
	  NULL, false, NULL, NULL },
	/* --- unsaved-boot per member ---------------------------------------- */
	{ "unsaved-boot", "member 2's BOOT still old, config says switch all",
	  STAGED(F(NEW), "flash:" NEW, "flash:" OLD) RUN("boot system switch all flash:" NEW "\n") END,
	  NULL, 0, 1, 51, 13, "switch 2: boot entry 1 differs", true, NULL, "show boot" },
	{ "unsaved-boot", "a statement for switch 1 only does not touch switch 2",
	  STAGED(F(NEW), "flash:" NEW, "flash:" OLD) RUN("boot system switch 1 flash:" NEW "\n") END,
	  NULL, 0, 0, 0, 0, NULL, false, NULL, NULL },
	{ "unsaved-boot", "sample: 3850 stack in step", "stack-3850.log", NULL, 0, 0, 0, 0, NULL,
	  false, NULL, NULL },
	{ "unsaved-boot", "sample: 2960-X stack in step", "stack-2960x-bundle.log", NULL, 0, 0, 0, 0,
	  NULL, false, NULL, NULL },
};

IP_TABLE_PARAMS(rules_stack, cases, cases)

/* A sample row names a file under samples/; they are written by the
 * planner side of issue 11, so a missing one skips its row. */
static bool sample_missing(const char *capture)
{
	if (strchr(capture, '\n'))
		return false;
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", test_samples_dir(), capture);
	FILE *f = fopen(path, "r");
	if (f)
		fclose(f);
	return !f;
}

ParameterizedTest(size_t *row, rules_stack, cases)
{
	const stack_case *c = &cases[*row];
	char name[200];
	snprintf(name, sizeof(name), "%s: %s", c->rule, c->row);
	if (sample_missing(c->capture))
		cr_skip_test("%s: samples/%s not there", name, c->capture);
	rule_run_opts o = { .target = c->target, .target_size = c->size };
	rule_run *r = rule_run_new_opts(c->rule, c->capture, &o);
	if (strchr(c->capture, '\n'))
		cr_assert_eq(r->set->n, 1, "%s: the capture is one device", name);
	rule_run_expect(r, name, c->n, c->line, c->col, c->message);
	rule_run_expect_first(r, name, c->weak, c->fix, c->ask);
	rule_run_free(r);
}

/* Each member's finding names that member: the second of two is switch 3. */
Test(rules_stack, one_finding_per_member)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/stack-active-only.log", test_samples_dir());
	FILE *fp = fopen(path, "r");
	if (!fp)
		cr_skip_test("samples/stack-active-only.log not there");
	fclose(fp);
	rule_run *r = rule_run_new("boot-missing-file", "stack-active-only.log", NULL, NULL);
	cr_assert_eq(rule_run_count(r), 2);
	const ip_finding *f = &r->check.findings[1];
	cr_expect(strstr(f->message, "switch 3") != NULL, "%s", f->message);
	cr_expect_str_eq(f->capture, "dir flash-3:");
	rule_run_free(r);
}

/* Messages start in lower case and end without a period. */
Test(rules_stack, message_style)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (!cases[i].n || sample_missing(cases[i].capture))
			continue;
		rule_run_opts o = { .target = cases[i].target, .target_size = cases[i].size };
		rule_run *r = rule_run_new_opts(cases[i].rule, cases[i].capture, &o);
		for (size_t k = 0; k < rule_run_count(r); k++) {
			const char *m = r->check.findings[k].message;
			size_t n = strlen(m);
			cr_expect(m[0] < 'A' || m[0] > 'Z', "%s: lower-case start: %s", cases[i].row, m);
			cr_expect(n && m[n - 1] != '.', "%s: no trailing period: %s", cases[i].row, m);
		}
		rule_run_free(r);
	}
}
