/* No all-or-nothing runs (issue 23 point 1): in one run of good and bad
 * inputs, every command that takes many captures says each bad file or
 * section at its place, still reports every device the others show, and
 * exits with the worst outcome after all output (lint/cli.h,
 * cli_exit_worst: 2 when an input could not be used).
 *
 * The bad inputs are the ones the user met: a how-to page's
 * `show version` cut short with "..." beside a complete `dir flash:`
 * (tests/captures/keep-going/howto-2911-truncated.log), a listing cut off
 * at a `--More--` pager prompt (howto-2911-more.log), a binary file and a
 * path that does not exist. Before this point each row exited 2 with
 * nothing on standard output. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "helpers.h"
#include "iosplan_config.h"

static char tmpdir[256];

static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "keep-going"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

typedef struct run_result {
	int status;
	char *out, *err;
} run_result;

/* `iosplan ARGS` in tmpdir, where $S is the samples, $K the captures of
 * this test, bin.log a binary file. */
static run_result run(const char *args)
{
	char cmd[4096], path[400];
	snprintf(path, sizeof(path), "%s/bin.log", tmpdir);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fwrite("\0\1\2binary\xff", 1, 10, f);
	fclose(f);
	/* fleet/: the good and the bad files in one folder, for audit */
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && S='%s' && K='%s' && mkdir -p fleet && cp $K/*.log $S/dirty-2960x.log "
		 "$S/netstuts-r1.log bin.log fleet/ && timeout 60 '%s' %s </dev/null >out 2>err",
		 tmpdir, test_samples_dir(), IOSPLAN_SOURCE_ROOT "/tests/captures/keep-going",
		 getenv("IOSPLAN_BIN"), args);
	int st = system(cmd);
	run_result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), NULL, NULL };
	snprintf(path, sizeof(path), "%s/out", tmpdir);
	r.out = test_read_file(path, NULL);
	snprintf(path, sizeof(path), "%s/err", tmpdir);
	r.err = test_read_file(path, NULL);
	cr_assert(r.out && r.err);
	return r;
}

#define BAD "$K/howto-2911-truncated.log $K/howto-2911-more.log bin.log no-such-file.log"
#define GOOD "$S/dirty-2960x.log $S/netstuts-r1.log"
#define T2960 "--target c2960x-universalk9-mz.152-7.E9.bin"
#define VERIFY "verify --target c2960-lanbasek9-mz.152-7.E9.bin --before $S/netstuts-sw1.log "

/* What every row's standard error says, each at its place. */
static const char *const input_errors[] = {
	"howto-2911-truncated.log:6:1: error: show version output ends early",
	"howto-2911-more.log:4:1: error: listing of flash0: ends before its 'bytes total' line",
	"bin.log:1:1: error: NUL byte at offset 0",
	"no-such-file.log: error: cannot open",
	NULL,
};

typedef struct keep_case {
	const char *name, *args;
	int status;
	const char *out[8]; /* each must be on standard output */
	bool errors;        /* standard error holds input_errors */
	const char *err;    /* or standard error holds this (audit: the problems are
			     * in its report, standard error says how many) */
} keep_case;

static const keep_case cases[] = {
	{ "lint, good files only", "lint " GOOD, 0,
	  { "ACC-SW-2960X-07 (", "NetsTuts_R1 (", NULL }, false, NULL },
	{ "lint, good and bad", "lint " BAD " " GOOD, 2,
	  { "ACC-SW-2960X-07 (", "NetsTuts_R1 (", "HOWTO-2911 (", "HOWTO-2911B", NULL }, true, NULL },
	{ "lint, bad first or last: the same", "lint " GOOD " " BAD, 2,
	  { "ACC-SW-2960X-07 (", "NetsTuts_R1 (", "HOWTO-2911 (", NULL }, true, NULL },
	{ "lint --format json", "lint --format json " BAD " " GOOD, 2,
	  { "\"ACC-SW-2960X-07\"", "\"NetsTuts_R1\"", "\"HOWTO-2911\"", NULL }, true, NULL },
	{ "lint --format gcc", "lint --format gcc " BAD " " GOOD, 2, { NULL }, true, NULL },
	/* the truncated show version keeps its complete listing */
	{ "facts", "facts " BAD " " GOOD, 2,
	  { "\nACC-SW-2960X-07\n", "\nNetsTuts_R1\n", "HOWTO-2911\n  os",
	    "c2900-universalk9-mz.SPA.154-3.M3.bin                        97794040",
	    "flash0: 158687232 bytes free of 256487424, 2 entries", NULL }, true, NULL },
	{ "facts, the cut listing", "facts " BAD, 2,
	  { "HOWTO-2911B\n  os", "flash0:, 1 entries (listing incomplete)", NULL }, true, NULL },
	{ "facts --format json", "facts --format json " BAD " " GOOD, 2,
	  { "\"hostname\":\t\"ACC-SW-2960X-07\"", "\"hostname\":\t\"HOWTO-2911\"",
	    "\"name\":\t\"cpconfig-29xx.cfg\"", NULL }, true, NULL },
	{ "plan: 2 beats the refusals' 1", "plan " T2960 " " BAD " " GOOD, 2,
	  { "ACC-SW-2960X-07", "NetsTuts_R1", "HOWTO-2911", NULL }, true, NULL },
	{ "plan, good files only", "plan " T2960 " " GOOD, 1,
	  { "ACC-SW-2960X-07", "NetsTuts_R1", NULL }, false, NULL },
	{ "verify, a bad file among the after captures",
	  VERIFY "--after $S/verify/sw1-after-reload.log " BAD, 2,
	  { "NetsTuts_SW1: after reload", "same-device", NULL }, true, NULL },
	{ "verify, good files only", VERIFY "--after $S/verify/sw1-after-reload.log", 1,
	  { "NetsTuts_SW1: after reload", NULL }, false, NULL },
	/* audit: every good device and every problem in the report, then exit 2
	 * (before: exit 0, the bad inputs only counted as problems) */
	{ "audit of a folder, good and bad", "audit --format jsonl fleet", 2,
	  { "\"device\":\"ACC-SW-2960X-07\"", "\"device\":\"NetsTuts_R1\"",
	    "\"device\":\"HOWTO-2911\"", "\"path\":\"fleet/bin.log\"",
	    "show version output ends early", "\"type\":\"summary\",\"devices\":4",
	    /* the summary names them too (issue 23) */
	    "\"inputs_not_used\":3,\"inputs_not_used_paths\":[\"fleet/bin.log\","
	    "\"fleet/howto-2911-more.log\",\"fleet/howto-2911-truncated.log\"]", NULL },
	  false, "iosplan audit: error: 3 inputs could not be used" },
	{ "audit of files, one missing", "audit --format jsonl " BAD " " GOOD, 2,
	  { "\"device\":\"ACC-SW-2960X-07\"", "\"device\":\"NetsTuts_R1\"",
	    "\"path\":\"no-such-file.log\"", "\"inputs_not_used\":4,", "\"no-such-file.log\"]",
	    NULL },
	  false, "iosplan audit: error: 4 inputs could not be used" },
	{ "audit --format table", "audit --format table fleet", 2,
	  { "ACC-SW-2960X-07", "NetsTuts_R1", "HOWTO-2911",
	    "\n3 inputs could not be used (exit 2): fleet/bin.log, fleet/howto-2911-more.log, "
	    "fleet/howto-2911-truncated.log\n", NULL }, false, "could not be used" },
	{ "audit --format markdown", "audit --format markdown fleet", 2,
	  { "## HOWTO-2911", "\n3 inputs could not be used (exit 2): `fleet/bin.log`, "
	    "`fleet/howto-2911-more.log`, `fleet/howto-2911-truncated.log`\n", NULL }, false,
	  "could not be used" },
	{ "audit --format sarif", "audit --format sarif fleet", 2,
	  { "\"toolExecutionNotifications\"", "fleet/bin.log", "\"devices\":4",
	    "\"inputs_not_used\":3,", NULL }, false,
	  "could not be used" },
	{ "audit, good files only", "audit --format jsonl " GOOD, 0,
	  { "\"device\":\"ACC-SW-2960X-07\"", "\"device\":\"NetsTuts_R1\"",
	    "\"inputs_not_used\":0,\"inputs_not_used_paths\":[],", NULL }, false, NULL },
	{ "audit --format table, good files only", "audit --format table " GOOD, 0,
	  { "ACC-SW-2960X-07", NULL }, false, NULL },
};

IP_TABLE_PARAMS(keep_going, commands, cases)

ParameterizedTest(size_t *row, keep_going, commands, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const keep_case *c = &cases[*row];
	run_result r = run(c->args);
	cr_expect_eq(r.status, c->status, "%s: exit %d, not %d; stderr: %s", c->name, r.status,
		     c->status, r.err);
	for (size_t i = 0; c->out[i]; i++)
		cr_expect(strstr(r.out, c->out[i]), "%s: stdout lacks '%s':\n%s", c->name, c->out[i],
			  r.out);
	for (size_t i = 0; c->errors && input_errors[i]; i++)
		if (strstr(c->args, "howto-2911-more") || !strstr(input_errors[i], "more"))
			cr_expect(strstr(r.err, input_errors[i]), "%s: stderr lacks '%s':\n%s",
				  c->name, input_errors[i], r.err);
	if (c->err)
		cr_expect(strstr(r.err, c->err), "%s: stderr lacks '%s':\n%s", c->name, c->err, r.err);
	else if (!c->errors)
		cr_expect(!strstr(r.err, "error:"), "%s: an error on good input:\n%s", c->name, r.err);
	free(r.out);
	free(r.err);
}

/* audit --output: a report with some inputs not used is whole, so it
 * replaces the previous one, and the exit is still 2 (only a run that read
 * nothing keeps the previous report: tests/test_audit_safety.c). */
Test(keep_going, audit_output_replaced, .init = make_tmpdir, .fini = remove_tmpdir)
{
	char path[400];
	snprintf(path, sizeof(path), "%s/r.csv", tmpdir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("the previous report\n", f);
	fclose(f);
	run_result r = run("audit --format csv --output r.csv fleet");
	cr_expect_eq(r.status, 2, "exit %d: %s", r.status, r.err);
	char *csv = test_read_file(path, NULL);
	cr_assert_not_null(csv);
	cr_expect(strstr(csv, "device,ACC-SW-2960X-07") && strstr(csv, "device,NetsTuts_R1") &&
		  strstr(csv, "problem,,,fleet/bin.log"), "the whole report:\n%s", csv);
	cr_expect_null(strstr(csv, "previous"), "the previous report replaced");
	free(csv);
	free(r.out);
	free(r.err);
}
