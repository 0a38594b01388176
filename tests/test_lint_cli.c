/* `iosplan lint`, `explain`, `rules` end to end: exit codes, the text and
 * gcc formats, and the configuration file. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

static char tmpdir[256];

static void setup(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "lint"); }
static void teardown(void) { test_tmpdir_remove(tmpdir); }

typedef struct result {
	int status;
	char *out, *err;
} result;

/* Run iosplan from the samples directory with ARGS; {tmp} expands to the
 * test's temporary directory. */
static result run(const char *args)
{
	char expanded[2048], cmd[4096], out[300], err[300];
	const char *at = strstr(args, "{tmp}");
	if (at)
		snprintf(expanded, sizeof(expanded), "%.*s%s%s", (int)(at - args), args, tmpdir, at + 5);
	else
		snprintf(expanded, sizeof(expanded), "%s", args);
	snprintf(out, sizeof(out), "%s/stdout", tmpdir);
	snprintf(err, sizeof(err), "%s/stderr", tmpdir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && timeout 60 '%s' %s >'%s' 2>'%s' </dev/null", test_samples_dir(),
		 getenv("IOSPLAN_BIN"), expanded, out, err);
	int st = system(cmd);
	result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128, test_read_file(out, NULL), test_read_file(err, NULL) };
	return r;
}

static void write_tmp(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

typedef struct cli_case {
	const char *name;
	const char *config; /* written to {tmp}/.iosplan.yaml when not NULL */
	const char *args;
	int status;
	const char *out_has; /* NULL: not checked */
	const char *err_has;
} cli_case;

static const cli_case cli_cases[] = {
	{ "clean device", NULL, "lint netstuts-r1.log", 0, "no findings", NULL },
	{ "trap device", NULL, "lint traps/register-2142.log", 1, "[config-register]", NULL },
	{ "gcc format", NULL, "lint --format gcc traps/register-2142.log", 1,
	  "traps/register-2142.log:62:", NULL },
	{ "caret under the value", NULL, "lint --color never traps/register-2142.log", 1,
	  "    62 | Configuration register is 0x2142\n       |                           ^~~~~~", NULL },
	{ "explain links", NULL, "lint traps/register-2142.log", 1, "iosplan explain config-register", NULL },
	{ "target from the command line", NULL,
	  "lint --format gcc --target c2960-lanbasek9-mz.152-7.E9.bin netstuts-r1.log", 1, "[image-platform]", NULL },
	{ "catalogue: each device's own target in JSON", NULL,
	  "lint --format json --catalog images.yaml netstuts-sw1.log", 0,
	  "\"target\":\t{\n\t\t\t\t\"name\":\t\"c2960-lanbasek9-mz.152-7.E9.bin\"", NULL },
	{ "unknown format", NULL, "lint --format xml netstuts-r1.log", 2, NULL, "unknown format 'xml'" },
	{ "bad color", NULL, "lint --color sometimes netstuts-r1.log", 2, NULL, "--color" },
	{ "no files", NULL, "lint", 2, NULL, "no capture file" },
	{ "unreadable", NULL, "lint /nonexistent.log", 2, NULL, "cannot open" },
	{ "config disables a rule", "rules:\n  config-register: off\n",
	  "lint --config {tmp}/.iosplan.yaml traps/register-2142.log", 0, "no findings", NULL },
	{ "config makes it a note", "rules:\n  config-register: note\n",
	  "lint --format gcc --config {tmp}/.iosplan.yaml traps/register-2142.log", 0, ": note: ", NULL },
	{ "config unknown rule", "rules:\n  no-such-rule: off\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL, ".iosplan.yaml:2:3: error: unknown rule 'no-such-rule'" },
	{ "config bad severity", "rules:\n  boot-order: loud\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL, ".iosplan.yaml:2:15: error: 'loud'" },
	{ "config unknown key", "flash:\n  margin: 5\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL, ".iosplan.yaml:2:3: error: unknown flash setting" },
	{ "config bad number", "flash:\n  margin_percent: 500\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL, ".iosplan.yaml:2:19: error:" },
	{ "config rule overridden at the bottom",
	  "rules:\n  config-register: off\ntftp:\n  limit_bytes: 1\nrules:\n  config-register: error\n",
	  "lint --config {tmp}/.iosplan.yaml traps/register-2142.log", 2, NULL,
	  ".iosplan.yaml:5:1: error: duplicate key 'rules' (first at line 1)" },
	{ "config rule given twice", "rules:\n  config-register: off\n  config-register: error\n",
	  "lint --config {tmp}/.iosplan.yaml traps/register-2142.log", 2, NULL,
	  ".iosplan.yaml:3:3: error: duplicate key 'config-register' (first at line 2)" },
	{ "config not yaml", "rules: [\n", "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:2:1: error:" },
	{ "config default target", "target: c2960-lanbasek9-mz.152-7.E9.bin\n",
	  "lint --format gcc --config {tmp}/.iosplan.yaml netstuts-r1.log", 1, "[image-platform]", NULL },
	/* file_name_case (parsers/model/fs_model.h): checked like every key,
	 * by every command that reads the configuration */
	{ "config file_name_case bad value", "file_name_case: ignore\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:1:17: error: 'file_name_case' is exact or fold" },
	{ "config file_name_case not a scalar", "file_name_case:\n  flash: fold\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:2:3: error: 'file_name_case' is exact or fold" },
	{ "config file_name_case, facts reads it too", "file_name_case: Fold\n",
	  "facts --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:1:17: error: 'file_name_case' is exact or fold" },
	{ "config file_name_case fold is valid", "file_name_case: fold\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 0, "no findings", NULL },
	{ "config unknown key names file_name_case", "file-name-case: fold\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:1:1: error: unknown setting 'file-name-case' (rules, flash, tftp, "
	  "normal_registers, target, file_name_case, save_rewrites_boot, uncommitted_reload, install_commands_since)" },
	/* install_commands_since (issue 21): the release a series has `install
	 * add` from, checked like every key */
	{ "config install_commands_since bad release", "install_commands_since:\n  C3850: soon\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:2:10: error: 'soon' is not an IOS-XE release (16.10.1)" },
	{ "config install_commands_since not a mapping", "install_commands_since: 16.10.1\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:1:25: error: 'install_commands_since' maps series prefixes to releases" },
	/* save_rewrites_boot (rules/rule.h ip_save_boot): the assumption of
	 * issue 20 point 20 is a setting, checked like every key */
	{ "config save_rewrites_boot bad value", "save_rewrites_boot: always\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:1:21: error: 'always': save_rewrites_boot is ios-xe, switches or never" },
	{ "config save_rewrites_boot switches: a 2960 with BOOT set only",
	  "save_rewrites_boot: switches\n", "lint --format gcc --config {tmp}/.iosplan.yaml dirty-2960x.log",
	  0, "rewrites the BOOT variable from the running-config", NULL },
	{ "config save_rewrites_boot default: a 2960 with BOOT set only is normal", NULL,
	  "lint dirty-2960x.log", 0, "no findings", NULL },
	/* uncommitted_reload (planner/boot/boot_sim.h, issue 21): what a reload
	 * before install commit boots is UNCONFIRMED, so a setting; facts'
	 * next-boot trace names it */
	{ "config uncommitted_reload bad value", "uncommitted_reload: maybe\n",
	  "lint --config {tmp}/.iosplan.yaml netstuts-r1.log", 2, NULL,
	  ".iosplan.yaml:1:21: error: 'uncommitted_reload' is reverts or keeps" },
	{ "config uncommitted_reload keeps: the trace says the next reload boots it again",
	  "uncommitted_reload: keeps\n", "facts --config {tmp}/.iosplan.yaml traps/install-pending.log",
	  0, "the next reload boots it again, and a second reload", NULL },
	{ "config uncommitted_reload default: a reload before the commit reverts", NULL,
	  "facts traps/install-pending.log", 0, "uncommitted_reload: reverts", NULL },
	{ "missing config file", NULL, "lint --config {tmp}/none.yaml netstuts-r1.log", 2, NULL, "cannot open configuration" },
	{ "rules lists every rule", NULL, "rules", 0, "version-change", NULL },
	{ "rules --help", NULL, "rules --help", 0, "usage: iosplan rules", NULL },
	{ "rules with an operand", NULL, "rules boot-order", 2, NULL, "usage: iosplan rules" },
	{ "explain", NULL, "explain flash-space", 0, "why it matters", NULL },
	/* issue 20 point 18: the one-line ';' path-list on a classic Catalyst,
	 * several lines on routers, and when to use which */
	{ "explain: several lines on routers", NULL, "explain alphabetical-boot", 0,
	  "Routers (ISR, ASR, classic IOS and IOS-XE): one `boot system` line\n  per image", NULL },
	{ "explain: the ';' path-list on a classic Catalyst", NULL, "explain alphabetical-boot", 0,
	  "    boot system flash:<new-image>;flash:<old-image>\n", NULL },
	{ "explain: when the ';' form applies", NULL, "explain alphabetical-boot", 0,
	  "Classic Catalyst switches (2960, 3560, 3750", NULL },
	{ "explain unknown", NULL, "explain nope", 2, NULL, "no rule 'nope'" },
};

IP_TABLE_PARAMS(lint_cli, cases, cli_cases)

ParameterizedTest(size_t *row, lint_cli, cases, .init = setup, .fini = teardown)
{
	const cli_case *c = &cli_cases[*row];
	if (c->config)
		write_tmp(".iosplan.yaml", c->config);
	result r = run(c->args);
	cr_assert_eq(r.status, c->status, "%s: exit %d\nstdout: %s\nstderr: %s", c->name, r.status, r.out, r.err);
	if (c->out_has)
		cr_assert(r.out && strstr(r.out, c->out_has), "%s: stdout lacks '%s':\n%s", c->name, c->out_has, r.out);
	if (c->err_has)
		cr_assert(r.err && strstr(r.err, c->err_has), "%s: stderr lacks '%s':\n%s", c->name, c->err_has, r.err);
	free(r.out);
	free(r.err);
}

Test(lint_cli, config_found_upward, .init = setup, .fini = teardown)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/a/b' && cp '%s/traps/register-2142.log' '%s/a/b/'", tmpdir,
		 test_samples_dir(), tmpdir);
	cr_assert_eq(system(cmd), 0);
	write_tmp(".iosplan.yaml", "rules:\n  config-register: off\n");
	result r = run("lint {tmp}/a/b/register-2142.log");
	cr_assert_eq(r.status, 0, "the config two levels up disables the rule: %s", r.out);
	free(r.out);
	free(r.err);
}
