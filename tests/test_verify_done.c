/* When `iosplan verify` may say "done" (issue 23, point 8): only after the
 * reload, with no check failed and the decisive checks made: version and
 * image, the next boot, and the fallback still on flash or deliberately
 * removed. Before/after pairs of the seed's 2960 (samples/netstuts-sw1.log
 * and samples/verify/sw1-after-reload.log) and ISR4321 (netstuts-r1.log,
 * r1-after-reload.log), each after-capture cut or edited by a sed script:
 * what is missing decides "not verified" and the captures named. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "helpers.h"
#include "iosplan_config.h"

#define SW1 "--before samples/netstuts-sw1.log --target c2960-lanbasek9-mz.152-7.E9.bin " \
	"--md5 7b4e91a2f3c8d5e0a1b6c9d2e4f70123 --size 12582912"
#define R1 "--before samples/netstuts-r1.log --target isr4300-universalk9.16.12.04.SPA.bin " \
	"--md5 a3f8c12d9e4b72f1c8d5a0e3b6f91234 --size 521347072"
/* sed: drop a section from its prompt line to the next prompt */
#define CUT(host, cmd) "/^" host "#" cmd "/,/^" host "#/{/^" host "#" cmd "/d;/^" host "#/!d}"

/* Catalyst 9300 install mode, alone and a stack of two (issue 23, point
 * 5): samples/c9300-install.log and samples/stack-9300-install.log before,
 * and after `install add file flash:cat9k_iosxe.17.12.04.SPA.bin activate
 * commit` and the reload: samples/verify/c9300-after-reload.log and
 * stack-9300-after-reload.log (the before captures with the new release in
 * show version and its switch table, the new packages beside the old ones
 * on every member's flash, the .bin on the active's, the old image
 * inactive in show install summary, and the saved boot list). */
#define C9K "--target cat9k_iosxe.17.12.04.SPA.bin --md5 0123456789abcdef0123456789abcdef " \
	"--size 1331458048"
#define C9300 "--before samples/c9300-install.log " C9K
#define STK9300 "--before samples/stack-9300-install.log " C9K
/* sed: the reload came back on the old release (show version's lines and
 * its switch table) */
#define OLD_RELEASE "s/Version 17\\.12\\.04$/Version 17.09.04a/;s/Version 17\\.12\\.4,/Version 17.9.4a,/;" \
	"s/  17\\.12\\.04          CAT9K/  17.09.04a         CAT9K/"

/* The saved boot list after the change, which the reload file lacks. */
#define SW1_START "NetsTuts_SW1#show startup-config | include boot\nboot-start-marker\n" \
	"boot system flash:c2960-lanbasek9-mz.152-7.E9.bin;flash:c2960-lanbasek9-mz.152-7.E6.bin\n" \
	"boot-end-marker\nNetsTuts_SW1#\n"
#define SW1_START_ONE "NetsTuts_SW1#show startup-config | include boot\nboot-start-marker\n" \
	"boot system flash:c2960-lanbasek9-mz.152-7.E9.bin\nboot-end-marker\nNetsTuts_SW1#\n"

typedef struct done_case {
	const char *name, *before_args, *after, *sed, *extra; /* extra: appended */
	int exit;
	const char *verdict; /* in the last line */
	const char *needs;   /* in "not verified until these are captured", or NULL */
} done_case;

static const done_case cases[] = {
	{ "2960: every decisive check made", SW1, "samples/verify/sw1-after-reload.log", "",
	  SW1_START, 0, "NetsTuts_SW1: done (", NULL },
	{ "2960: 9 of 13 checks made, startup boot list among the missing", SW1,
	  "samples/verify/sw1-after-reload.log", "", "", 1, "NetsTuts_SW1: not verified (",
	  "after the change: show startup-config | include boot" },
	{ "2960: the fallback image deleted, still second in the boot list", SW1,
	  "samples/verify/sw1-after-reload.log", "/-rwx.*152-7.E6.bin$/d", SW1_START, 1,
	  "NetsTuts_SW1: not done (", NULL },
	{ "2960: no listing after the reload", SW1, "samples/verify/sw1-after-reload.log",
	  CUT("NetsTuts_SW1", "show flash:"), SW1_START, 1, "NetsTuts_SW1: not verified (", "after the change: dir flash:" },
	{ "2960: no show boot after the reload", SW1, "samples/verify/sw1-after-reload.log",
	  CUT("NetsTuts_SW1", "show boot"), SW1_START, 1, "NetsTuts_SW1: not verified (",
	  "after the change: show boot" },
	{ "2960: fallback removed deliberately: image and boot entry gone", SW1,
	  "samples/verify/sw1-after-reload.log",
	  "/-rwx.*152-7.E6.bin$/d;s/;flash:c2960-lanbasek9-mz.152-7.E6.bin$//", SW1_START_ONE, 0,
	  "NetsTuts_SW1: done (", NULL },
	{ "Cat9300 install mode: every decisive check made", C9300,
	  "samples/verify/c9300-after-reload.log", "", "", 0, "SW-ACC-9300-01: done (", NULL },
	{ "Cat9300 install mode: the saved boot list not captured", C9300,
	  "samples/verify/c9300-after-reload.log", CUT("SW-ACC-9300-01", "show startup-config"), "",
	  1, "SW-ACC-9300-01: not verified (", "after the change: show startup-config | include boot" },
	{ "Cat9300 install mode: no show boot after the reload", C9300,
	  "samples/verify/c9300-after-reload.log", CUT("SW-ACC-9300-01", "show boot"), "", 1,
	  "SW-ACC-9300-01: not verified (", "after the change: show boot" },
	{ "Cat9300 install mode: back on the old release", C9300,
	  "samples/verify/c9300-after-reload.log", OLD_RELEASE, "", 1, "SW-ACC-9300-01: not done (",
	  NULL },
	{ "Cat9300 stack, install mode: both members on the target", STK9300,
	  "samples/verify/stack-9300-after-reload.log", "", "", 0, "ACC-STK-9300-02: done (", NULL },
	{ "Cat9300 stack: switch 2 still on the old release (V-Mismatch)", STK9300,
	  "samples/verify/stack-9300-after-reload.log",
	  "s/^     2 65    C9300-48U          17\\.12\\.04 /     2 65    C9300-48U          17.09.04a/",
	  "", 1, "ACC-STK-9300-02: not done (", NULL },
	{ "Cat9300 stack: switch 2's BOOT variable for the next reload names the old .bin",
	  STK9300, "samples/verify/stack-9300-after-reload.log",
	  "241s/flash:packages\\.conf;/flash:cat9k_iosxe.17.09.04a.SPA.bin;/", "", 1,
	  "ACC-STK-9300-02: not done (", NULL },
	{ "Cat9300 stack: the switch table cut from show version", STK9300,
	  "samples/verify/stack-9300-after-reload.log", "/^[ *]    [12] 65 /d", "", 1,
	  "ACC-STK-9300-02: not verified (", "after the change: show version" },
	{ "ISR4321: startup-config boot list not captured", R1, "samples/verify/r1-after-reload.log",
	  CUT("NetsTuts_R1", "show startup-config"), "", 1, "NetsTuts_R1: not verified (",
	  "after the change: show startup-config | include boot" },
	{ "ISR4321: no show version after: not at the reload stage, not done", R1,
	  "samples/verify/r1-after-reload.log", CUT("NetsTuts_R1", "show version"), "", 0,
	  "NetsTuts_R1: on track", NULL },
};

IP_TABLE_PARAMS(verify_done, verdict, cases)
ParameterizedTest(size_t *row, verify_done, verdict)
{
	const done_case *c = &cases[*row];
	char tmp[] = "/tmp/iosplan-vdone-XXXXXX";
	cr_assert_not_null(mkdtemp(tmp));
	char cmd[4096];
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && sed -e '%s' '%s' > '%s/after.log'",
		 IOSPLAN_SOURCE_ROOT, *c->sed ? c->sed : "p;d", c->after, tmp);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
	char out0[600];
	snprintf(out0, sizeof(out0), "%s/after.log", tmp);
	FILE *f0 = fopen(out0, "a");
	cr_assert_not_null(f0);
	fputs(c->extra, f0);
	fclose(f0);
	snprintf(cmd, sizeof(cmd), "cd '%s' && '%s' verify %s --after '%s/after.log' > '%s/out' 2>&1",
		 IOSPLAN_SOURCE_ROOT, getenv("IOSPLAN_BIN"), c->before_args, tmp, tmp);
	int st = system(cmd);
	char out[600];
	snprintf(out, sizeof(out), "%s/out", tmp);
	char *text = test_read_file(out, NULL);
	cr_assert_not_null(text);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == c->exit, "%s: exit %d:\n%s", c->name,
		  WEXITSTATUS(st), text);
	cr_expect(strstr(text, c->verdict), "%s: no '%s' in:\n%s", c->name, c->verdict, text);
	const char *nv = strstr(text, "not verified until these are captured: ");
	if (c->needs)
		cr_expect(nv && strstr(nv, c->needs), "%s: '%s' not named:\n%s", c->name, c->needs,
			  text);
	else
		cr_expect_null(nv, "%s: says not verified:\n%s", c->name, text);
	free(text);
	test_tmpdir_remove(tmp);
}
