/* The plan's reasons name what would give a missing fact (issue 23,
 * point 3, fact_hint.h), as the fact sheet does: "capture 'show version'"
 * only when it was not taken, "capture it again in full" when it was cut
 * short, and on a platform whose show version, captured in full, does not
 * print the fact, that it is not printed there and what else gives it.
 * Before: every such reason said "(capture show version)", on a Catalyst
 * 4500 too, whose full show version was in the file.
 *
 * Captures: tests/captures/hints/ (written here: a Cat4500 running its
 * default software prints no "System image file" line, show_version.c
 * diagnose(); a bare `dir flash:`) and the cut show version of
 * tests/captures/keep-going/howto-2911-truncated.log. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "helpers.h"
#include "iosplan_config.h"

static char tmpdir[256];

static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "plan-hints"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

/* `iosplan ARGS` ($H: the hint captures, $K: keep-going's, $S: samples);
 * standard output and error together, as a user reads them. */
static char *run(const char *args, int *status)
{
	char cmd[4096], path[400];
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && H='%s' && K='%s' && S='%s' && timeout 60 '%s' %s </dev/null >out 2>&1",
		 tmpdir, IOSPLAN_SOURCE_ROOT "/tests/captures/hints",
		 IOSPLAN_SOURCE_ROOT "/tests/captures/keep-going", test_samples_dir(),
		 getenv("IOSPLAN_BIN"), args);
	int st = system(cmd);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	snprintf(path, sizeof(path), "%s/out", tmpdir);
	char *out = test_read_file(path, NULL);
	cr_assert_not_null(out);
	/* the text plan wraps its reasons: one line, one space per gap */
	char *w = out;
	for (const char *r = out; *r; r++) {
		if (*r == '\n' || *r == ' ') {
			if (w > out && w[-1] != ' ')
				*w++ = ' ';
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	return out;
}

typedef struct hint_case {
	const char *name, *args;
	int status;
	const char *has[3]; /* each in the output, wrapped lines joined */
} hint_case;

#define C4500_TARGET "--target cat4500e-universalk9.SPA.03.11.01.E.152-7.E1.bin"
#define C2911_TARGET "--target c2900-universalk9-mz.SPA.157-3.M9.bin"
#define C2960_TARGET "--target c2960x-universalk9-mz.152-7.E9.bin"

static const hint_case cases[] = {
	/* show version in full, no image line: not printed there, and
	 * nothing iosplan reads gives it: no capture asked for */
	{ "Cat4500: the running image is not printed",
	  "plan " C4500_TARGET " $H/cat4507-default-image.log", 1,
	  { "the running image is unknown (not printed by show version on this C4500, and no "
	    "capture iosplan reads gives it)", NULL } },
	/* show version cut before the processor line: take it again */
	{ "2911: show version cut short", "plan " C2911_TARGET " $K/howto-2911-truncated.log", 2,
	  { "the running image is unknown (show version was cut short or filtered: capture "
	    "'show version' again in full)", NULL } },
	/* only a listing: show version was never captured */
	{ "2960: no show version", "plan " C2960_TARGET " $H/listing-only.log", 1,
	  { "the running image is unknown (capture 'show version')",
	    "the boot order and filesystem (capture 'show version')", NULL } },
	{ "the catalogue's platform words", "plan --catalog $S/images.yaml $H/listing-only.log", 1,
	  { "its platform is unknown (capture 'show version')", NULL } },
	/* where the image goes (plan_build.c dest_unknown): before, "(capture
	 * show version and show file systems)" on every device, though show
	 * file systems does not decide it */
	{ "2960 listing only: the filesystem, for want of show version",
	  "plan " C2960_TARGET " $H/listing-only.log", 1,
	  { "the filesystem the image goes to is unknown: the running image is unknown (capture "
	    "'show version'), and iosplan knows no default filesystem for a platform iosplan does "
	    "not know; name it with the target (--target flash:c2960x-universalk9-mz.152-7.E9.bin",
	    NULL } },
	/* C1111 (ISR 1100) lines as a C1111-8P prints them (its CDP Version
	 * field, pyATS-doc fixtures in the code index: "ISR Software
	 * (ARMV8EB_LINUX_IOSD-UNIVERSALK9_IAS-M), Version 16.8.1"), show
	 * version filtered with `| include`: take it again, in full */
	{ "C1111, show version filtered: the filesystem",
	  "plan --target c1100-universalk9_ias.16.12.04.SPA.bin $H/c1111-filtered.log", 1,
	  { "the filesystem the image goes to is unknown: the running image is unknown (show "
	    "version was cut short or filtered: capture 'show version' again in full)", NULL } },
	{ "the catalogue, show version cut short",
	  "plan --catalog $S/images.yaml $K/howto-2911-truncated.log", 2,
	  { "show version was cut short or filtered: capture 'show version' again in full", NULL } },
};

IP_TABLE_PARAMS(plan_hints, reasons, cases)

ParameterizedTest(size_t *row, plan_hints, reasons, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const hint_case *c = &cases[*row];
	int status;
	char *out = run(c->args, &status);
	cr_expect_eq(status, c->status, "%s: exit %d, not %d:\n%s", c->name, status, c->status, out);
	for (size_t i = 0; c->has[i]; i++)
		cr_expect(strstr(out, c->has[i]), "%s: lacks '%s':\n%s", c->name, c->has[i], out);
	/* the old unconditional form, asked whatever was captured */
	cr_expect_null(strstr(out, "(capture show version)"), "%s: the old hint:\n%s", c->name, out);
	cr_expect_null(strstr(out, "show file systems)"), "%s: the old hint:\n%s", c->name, out);
	free(out);
}

/* A platform whose default filesystem iosplan knows (a Cat4500 boots from
 * bootflash:) gets no such reason, whatever its show version lacks. */
Test(plan_hints, dest_known_by_platform, .init = make_tmpdir, .fini = remove_tmpdir)
{
	int status;
	char *out = run("plan " C4500_TARGET " $H/cat4507-default-image.log", &status);
	cr_expect_null(strstr(out, "the filesystem the image goes to is unknown"), "%s", out);
	free(out);
}

/* verify names the same: after the reload a Cat4500 on its default
 * software prints no image line in a full show version, so the
 * system-image check is not made, and it does not ask for show version
 * again (before: "after the change: show version"). The after capture is
 * the before one with the new release, a fresh uptime and the new image
 * on bootflash: (tests/captures/hints/cat4507-after-reload.log). */
Test(plan_hints, verify_system_image_not_printed, .init = make_tmpdir, .fini = remove_tmpdir)
{
	int status;
	char *out = run("verify --before $H/cat4507-default-image.log " C4500_TARGET
			" --md5 0123456789abcdef0123456789abcdef --size 57766984 --after "
			"$H/cat4507-after-reload.log", &status);
	cr_expect_eq(status, 1, "not verified: exit %d:\n%s", status, out);
	cr_expect(strstr(out, "system-image the image running after the reload is unknown (the "
			      "System image file line: not printed by show version on this C4500, and "
			      "no capture iosplan reads gives it)"), "%s", out);
	cr_expect_null(strstr(out, "system-image after the change: show version"), "%s", out);
	free(out);
}
