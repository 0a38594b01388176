/* `iosplan verify` end to end: the seed's router and switch at each stage
 * of a successful upgrade, each failure the issue names, the formats, and
 * the exit codes. Each row runs iosplan from the source tree and compares
 * its standard output with tests/golden/verify/<name>.
 *
 * The golden files are regenerated only deliberately:
 *   IOSPLAN_REGEN_GOLDEN=1 meson test -C build lint-verify-golden
 * rewrites them; review the diff before committing. The SARIF golden is
 * also validated against the SARIF 2.1.0 schema when node and the
 * validator's packages are there (tests/sarif, installed by scripts/setup-tests). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "iosplan_config.h"

#define R1_BEFORE "--before samples/netstuts-r1.log samples/verify/r1-before-health.log"
#define R1_TARGET "--target isr4300-universalk9.16.12.04.SPA.bin " \
	"--md5 a3f8c12d9e4b72f1c8d5a0e3b6f91234 --size 521347072"
#define R1_T "samples/verify/r1-after-transfer.log"
#define R1_B "samples/verify/r1-after-boot.log"
#define SW1_BEFORE "--before samples/netstuts-sw1.log samples/verify/sw1-before-health.log"
#define SW1_TARGET "--target c2960-lanbasek9-mz.152-7.E9.bin " \
	"--md5 7b4e91a2f3c8d5e0a1b6c9d2e4f70123 --size 12582912"
#define SW1_T "samples/verify/sw1-after-transfer.log"
#define SW1_B "samples/verify/sw1-after-boot.log"

typedef struct golden_case {
	const char *name; /* file under tests/golden/verify/ */
	const char *args;
	int exit;
} golden_case;

static const golden_case cases[] = {
	{ "r1-transfer.txt", R1_BEFORE " --after " R1_T " " R1_TARGET, 0 },
	{ "r1-boot.txt", R1_BEFORE " --after " R1_T " " R1_B " " R1_TARGET, 0 },
	{ "r1-reload.txt", R1_BEFORE " --after " R1_T " " R1_B " samples/verify/r1-after-reload.log " R1_TARGET, 0 },
	{ "r1-reload.md", R1_BEFORE " --after " R1_T " " R1_B " samples/verify/r1-after-reload.log " R1_TARGET
	  " --format markdown", 0 },
	{ "r1-reload.json", R1_BEFORE " --after " R1_T " " R1_B " samples/verify/r1-after-reload.log " R1_TARGET
	  " --format json", 0 },
	{ "r1-reload.sarif", R1_BEFORE " --after " R1_T " " R1_B " samples/verify/r1-after-reload.log " R1_TARGET
	  " --format sarif", 0 },
	{ "r1-reload-soaked.txt", R1_BEFORE " --after " R1_T " " R1_B " samples/verify/r1-after-reload.log "
	  R1_TARGET " --soak-hours 0", 0 },
	{ "sw1-transfer.txt", SW1_BEFORE " --after " SW1_T " " SW1_TARGET, 0 },
	{ "sw1-boot.txt", SW1_BEFORE " --after " SW1_T " " SW1_B " " SW1_TARGET, 0 },
	{ "sw1-reload.txt", SW1_BEFORE " --after " SW1_T " " SW1_B " samples/verify/sw1-after-reload.log "
	  SW1_TARGET, 0 },
	{ "sw1-reload.md", SW1_BEFORE " --after " SW1_T " " SW1_B " samples/verify/sw1-after-reload.log "
	  SW1_TARGET " --format markdown", 0 },
	{ "fail-fallback-booted.txt", R1_BEFORE " --after " R1_T " " R1_B
	  " samples/verify/r1-after-reload-fallback.log " R1_TARGET, 1 },
	{ "fail-fallback-booted.md", R1_BEFORE " --after " R1_T " " R1_B
	  " samples/verify/r1-after-reload-fallback.log " R1_TARGET " --format markdown", 1 },
	{ "fail-boot-lost.txt", R1_BEFORE " --after " R1_T " samples/verify/r1-after-reload-boot-lost.log "
	  R1_TARGET, 1 },
	{ "fail-interface-down.txt", R1_BEFORE " --after " R1_T " " R1_B
	  " samples/verify/r1-after-reload-if-down.log " R1_TARGET, 1 },
	{ "fail-neighbor-missing.txt", R1_BEFORE " --after " R1_T " " R1_B
	  " samples/verify/r1-after-reload-neighbor-missing.log " R1_TARGET, 1 },
	{ "fail-md5-not-verified.txt", R1_BEFORE " --after samples/verify/r1-after-transfer-bad-md5.log "
	  R1_TARGET, 1 },
	{ "fail-wrong-version.txt", SW1_BEFORE " --after " SW1_B " samples/verify/sw1-after-reload-wrong-version.log "
	  SW1_TARGET, 1 },
	{ "fleet-catalog.txt", "--before samples/netstuts-r1.log samples/netstuts-sw1.log "
	  "samples/verify/r1-before-health.log samples/verify/sw1-before-health.log --after " R1_T " " SW1_T
	  " " R1_B " --catalog samples/images.yaml", 0 },
	{ "not-made.txt", "--before samples/netstuts-r1.log --after samples/verify/r1-after-reload.log "
	  R1_TARGET, 1 }, /* not verified after the reload: not done, exit 1 */
	{ "no-change.txt", "--before samples/netstuts-r1.log --after samples/netstuts-r1.log " R1_TARGET, 1 },
	{ "usage-no-side.txt", "samples/netstuts-r1.log " R1_TARGET, 2 },
	{ "usage-no-after.txt", "--before samples/netstuts-r1.log " R1_TARGET, 2 },
	{ "usage-bad-soak.txt", "--after samples/netstuts-r1.log --soak-hours -3", 2 },
};

IP_TABLE_PARAMS(verify, golden, cases)

/* Usage errors are compared by their message, the rest by stdout. */
static char *run(const char *args, bool with_stderr, int *status)
{
	char out[256], cmd[4096];
	snprintf(out, sizeof(out), "/tmp/iosplan-verify-golden-%d.out", (int)getpid());
	snprintf(cmd, sizeof(cmd), "cd '%s' && timeout 60 '%s' verify %s >'%s' %s </dev/null",
		 IOSPLAN_SOURCE_ROOT, getenv("IOSPLAN_BIN"), args, out,
		 with_stderr ? "2>&1" : "2>/dev/null");
	int st = system(cmd);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	char *text = test_read_file(out, NULL);
	unlink(out);
	return text;
}

static void golden_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/tests/golden/verify/%s", IOSPLAN_SOURCE_ROOT, name);
}

/* Node and the validator's packages, as test_lint_formats.c uses them. */
static void sarif_valid(const char *path)
{
	const char *dir = IOSPLAN_SOURCE_ROOT "/tests/sarif";
	if (access(IOSPLAN_SOURCE_ROOT "/tests/sarif/node_modules/ajv-draft-04/package.json", R_OK) != 0 ||
	    system("command -v node >/dev/null 2>&1") != 0)
		return;
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "node '%s/validate.mjs' '%s'", dir, path);
	int st = system(cmd);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s is not valid SARIF 2.1.0", path);
}

ParameterizedTest(size_t *row, verify, golden)
{
	const golden_case *c = &cases[*row];
	int status;
	char *got = run(c->args, c->exit == 2, &status);
	cr_assert_not_null(got, "%s: no output", c->name);
	cr_expect_eq(status, c->exit, "%s: exit %d, expected %d", c->name, status, c->exit);
	char path[1024];
	golden_path(path, sizeof(path), c->name);
	const char *regen = getenv("IOSPLAN_REGEN_GOLDEN");
	if (regen && *regen == '1') {
		FILE *f = fopen(path, "w");
		cr_assert_not_null(f, "cannot write %s", path);
		fputs(got, f);
		fclose(f);
	}
	char *want = test_read_file(path, NULL);
	cr_assert_not_null(want, "%s: golden file missing (run with IOSPLAN_REGEN_GOLDEN=1)", path);
	cr_expect_str_eq(got, want, "%s differs from its golden file", c->name);
	if (strstr(c->name, ".sarif"))
		sarif_valid(path);
	free(got);
	free(want);
}
