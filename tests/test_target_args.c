/* lint/target_args.c: the target-image options. Usage errors, the
 * reference from the command line and from the catalogue (and their
 * disagreement), the server copy hashed from --image-file or --tftp-root,
 * per-device images from the catalogue; and `iosplan lint` with them. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "error.h"
#include "helpers.h"
#include "target_args.h"

#define ISR "isr4300-universalk9.16.12.04.SPA.bin"
#define MD5_ISR "a3f8c12d9e4b72f1c8d5a0e3b6f91234"
#define MD5_ABC "900150983cd24fb0d6963f7d28e17f72"
#define SHA_ABC "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a" \
		"2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"

static char tmpdir[256];

static void setup(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "targs"); }
static void teardown(void) { test_tmpdir_remove(tmpdir); }

static void write_tmp(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

/* "{tmp}" -> the temporary directory, "{samples}" -> samples/ (arena copy). */
static const char *expand(ip_arena *a, const char *s)
{
	if (!s)
		return NULL;
	const char *t = strstr(s, "{tmp}"), *m = strstr(s, "{samples}");
	if (t)
		return ip_arena_printf(a, "%.*s%s%s", (int)(t - s), s, tmpdir, t + 5);
	if (m)
		return ip_arena_printf(a, "%.*s%s%s", (int)(m - s), s, test_samples_dir(), m + 9);
	return s;
}

typedef struct args_case {
	const char *title;
	ip_target_args args;
	const char *fallback;
	int rc;
	const char *error;   /* part of the message when rc != 0 */
	/* the fixed target when rc == 0 */
	const char *name, *md5, *md5_origin, *sha512, *server_md5;
	uint64_t size;
	uint32_t md5_line;   /* the catalogue line of the reference MD5, 0: command line */
} args_case;

/* A row that must fail: title, code, message part, then the options. */
#define FAILS(t, rc_, err, ...) { .title = t, .rc = rc_, .error = err, .args = { __VA_ARGS__ } }

static const args_case args_cases[] = {
	FAILS("--md5 too short", IP_E_USAGE, "--md5 'abc' is not 32 hex digits (3 characters)",
	      .target = ISR, .md5 = "abc"),
	FAILS("--md5 not hex", IP_E_USAGE, "(32 characters, not all hex)",
	      .target = ISR, .md5 = "z3f8c12d9e4b72f1c8d5a0e3b6f91234"),
	FAILS("--sha512 given an MD5", IP_E_USAGE, "--sha512 '" MD5_ISR "' is not 128 hex digits",
	      .target = ISR, .sha512 = MD5_ISR),
	FAILS("--size with a unit", IP_E_USAGE, "--size '512M' is not a whole number",
	      .target = ISR, .size = "512M"),
	FAILS("--size zero", IP_E_USAGE, "above 0",
	      .target = ISR, .size = "0"),
	FAILS("--size overflows", IP_E_USAGE, "not a whole number",
	      .target = ISR, .size = "184467440737095516160"),
	FAILS("--md5 without an image", IP_E_USAGE, "name it with --target",
	      .md5 = MD5_ISR),
	FAILS("--image-file and --tftp-root", IP_E_USAGE, "not both",
	      .target = ISR, .image_file = "a", .tftp_root = "b"),
	FAILS("--tftp-root without a name", IP_E_USAGE, "--tftp-root needs the image's name",
	      .tftp_root = "{tmp}"),
	FAILS("--image-file that does not exist", IP_E_IO, "nope.bin: No such file or directory",
	      .image_file = "{tmp}/nope.bin"),
	FAILS("--tftp-root without the image", IP_E_IO,
	      ISR ": No such file or directory (the image under --tftp-root)",
	      .target = ISR, .tftp_root = "{tmp}"),
	FAILS("--catalog that does not exist", IP_E_IO, "cannot open the image catalogue",
	      .catalog = "{tmp}/nope.yaml"),
	FAILS("--catalog that is not YAML", IP_E_CONFIG, "bad.yaml:2:12: error: not valid YAML",
	      .catalog = "{tmp}/bad.yaml"),
	FAILS("--md5 contradicts the catalogue", IP_E_USAGE,
	      "--md5 00000000000000000000000000000000 disagrees with the catalogue's " MD5_ISR " for " ISR,
	      .target = ISR, .md5 = "00000000000000000000000000000000", .catalog = "{samples}/images.yaml"),
	FAILS("--size contradicts the catalogue", IP_E_USAGE,
	      "--size 559482880 disagrees with the catalogue's 521347072",
	      .target = ISR, .size = "559482880", .catalog = "{samples}/images.yaml"),
	{ .title = "a name alone", .args = { .target = "bootflash:" ISR }, .name = ISR },
	{ .title = "--md5 is lower-cased",
	  .args = { .target = ISR, .md5 = "A3F8C12D9E4B72F1C8D5A0E3B6F91234", .size = "5" },
	  .name = ISR, .md5 = MD5_ISR, .md5_origin = "--md5", .size = 5 },
	{ .title = "the configuration's target", .fallback = ISR, .name = ISR },
	{ .title = "--target beats the configuration", .args = { .target = "x.bin" }, .fallback = ISR,
	  .name = "x.bin" },
	{ .title = "the catalogue supplies the reference of a --target it lists",
	  .args = { .target = ISR, .catalog = "{samples}/images.yaml" }, .name = ISR, .md5 = MD5_ISR,
	  .md5_origin = "catalogue ", .sha512 = "ddd8a71f", .size = 521347072, .md5_line = 18 },
	{ .title = "the same --md5 as the catalogue is fine",
	  .args = { .target = ISR, .md5 = MD5_ISR, .catalog = "{samples}/images.yaml" }, .name = ISR,
	  .md5 = MD5_ISR, .md5_origin = "catalogue ", .size = 521347072, .md5_line = 18 },
	{ .title = "--image-file names and hashes the target", .args = { .image_file = "{tmp}/abc.bin" },
	  .name = "abc.bin", .server_md5 = MD5_ABC },
	{ .title = "--tftp-root finds the target", .args = { .target = "flash:abc.bin", .tftp_root = "{tmp}/" },
	  .name = "abc.bin", .server_md5 = MD5_ABC },
};

IP_TABLE_PARAMS(target_args, resolve, args_cases)
ParameterizedTest(size_t *row, target_args, resolve, .init = setup, .fini = teardown)
{
	const args_case *c = &args_cases[*row];
	write_tmp("abc.bin", "abc");
	write_tmp("bad.yaml", "images:\n  - name: a: b\n");
	ip_arena *a = ip_arena_new();
	ip_target_args args = c->args;
	args.image_file = expand(a, args.image_file);
	args.tftp_root = expand(a, args.tftp_root);
	args.catalog = expand(a, args.catalog);
	ip_targets *ts;
	int rc = ip_targets_new(&ts, a, &args, c->fallback, "cfg.yaml");
	cr_assert_eq(rc, c->rc, "%s: rc %d, want %d (%s)", c->title, rc, c->rc, rc ? ip_error_last() : "");
	if (rc) {
		cr_assert(strstr(ip_error_last(), c->error), "%s: '%s' lacks '%s'", c->title, ip_error_last(),
			  c->error);
		ip_arena_free(a);
		return;
	}
	const ip_target *t = ip_targets_fixed(ts);
	cr_assert_not_null(t, "%s", c->title);
	cr_assert_str_eq(t->name, c->name, "%s", c->title);
	if (c->md5) {
		cr_assert_str_eq(t->md5, c->md5, "%s", c->title);
		cr_assert(strstr(t->md5_origin, c->md5_origin), "%s: origin %s", c->title, t->md5_origin);
		cr_assert_eq(t->md5_span.line, c->md5_line, "%s: md5 line", c->title);
	} else {
		cr_assert_null(t->md5, "%s", c->title);
	}
	if (c->sha512)
		cr_assert(t->sha512 && strncmp(t->sha512, c->sha512, strlen(c->sha512)) == 0, "%s", c->title);
	cr_assert_eq(t->size.known, c->size != 0, "%s: size known", c->title);
	if (c->size)
		cr_assert_eq(t->size.v, c->size, "%s", c->title);
	if (c->server_md5) {
		cr_assert_str_eq(t->server.md5, c->server_md5, "%s", c->title);
		cr_assert_str_eq(t->server.sha512, SHA_ABC, "%s", c->title);
		cr_assert(t->server.size.known && t->server.size.v == 3, "%s", c->title);
	} else {
		cr_assert_null(t->server.path, "%s", c->title);
	}
	ip_arena_free(a);
}

Test(target_args, nothing_asked)
{
	ip_arena *a = ip_arena_new();
	ip_target_args args = { 0 };
	ip_targets *ts;
	cr_assert_eq(ip_targets_new(&ts, a, &args, NULL, NULL), 0);
	cr_assert_not(ip_targets_wanted(ts));
	ip_device dev = { 0 };
	const ip_target *t = (void *)1;
	const char *why = "x";
	cr_assert_eq(ip_targets_for_device(&t, &why, ts, &dev), 0);
	cr_assert_null(t);
	cr_assert_null(why, "no target asked for: nothing to explain");
	ip_arena_free(a);
}

Test(target_args, take_options)
{
	ip_target_args a = { 0 };
	cr_assert(ip_target_args_take(&a, IP_OPT_TARGET, "x.bin"));
	cr_assert(ip_target_args_take(&a, IP_OPT_SHA512, "s"));
	cr_assert(ip_target_args_take(&a, IP_OPT_CATALOG, "c.yaml"));
	cr_assert_not(ip_target_args_take(&a, 'f', "json"));
	cr_assert_str_eq(a.target, "x.bin");
	cr_assert_str_eq(a.sha512, "s");
	cr_assert_str_eq(a.catalog, "c.yaml");
}

/* --catalog without --target: each device its own image, hashed from
 * --tftp-root once; a device the catalogue lacks gets none, with a reason. */
Test(target_args, per_device_from_catalogue, .init = setup, .fini = teardown)
{
	static const char yaml[] =
		"images:\n"
		"  - name: c2900.bin\n    md5: " MD5_ABC "\n    size: 3\n    platforms: [c2900]\n"
		"  - name: c1900.bin\n    md5: " MD5_ABC "\n    platforms: [CISCO1941]\n";
	write_tmp("cat.yaml", yaml);
	write_tmp("c2900.bin", "abc");
	write_tmp("c1900.bin", "abc");
	ip_device_set *set = test_load_samples("two-routers.log", "netstuts-r1.log", NULL);
	cr_assert_eq(set->n, 3);
	ip_target_args args = { .catalog = ip_arena_printf(set->arena, "%s/cat.yaml", tmpdir),
				.tftp_root = tmpdir };
	ip_targets *ts;
	cr_assert_eq(ip_targets_new(&ts, set->arena, &args, NULL, NULL), 0, "%s", ip_error_last());
	cr_assert(ip_targets_wanted(ts));
	cr_assert_null(ip_targets_fixed(ts));
	const ip_target *seen_2900 = NULL;
	for (size_t i = 0; i < set->n; i++) {
		const ip_device *d = set->v[i];
		const ip_target *t;
		const char *why;
		cr_assert_eq(ip_targets_for_device(&t, &why, ts, d), 0, "%s", ip_error_last());
		if (strcmp(d->hostname.s, "NetsTuts_R1") == 0) {
			cr_assert_null(t);
			cr_assert(why && strstr(why, "no image in catalogue") && strstr(why, "isr4300"), "%s", why);
			continue;
		}
		cr_assert_not_null(t, "%s", d->hostname.s);
		cr_assert_str_eq(t->name, strcmp(d->hostname.s, "BR-WAN-2911") == 0 ? "c2900.bin" : "c1900.bin");
		cr_assert_str_eq(t->md5, MD5_ABC);
		cr_assert(strstr(t->md5_origin, "cat.yaml"));
		cr_assert_gt(t->span.line, 0, "the target points at its catalogue entry");
		cr_assert_str_eq(t->server.md5, MD5_ABC);
		if (t->name[1] == '2') {
			cr_assert(t->size.known && t->size.v == 3);
			seen_2900 = t;
		}
	}
	cr_assert_not_null(seen_2900);
	const ip_target *first, *again;
	const char *why;
	cr_assert_eq(ip_targets_for_device(&first, &why, ts, set->v[0]), 0);
	cr_assert_eq(ip_targets_for_device(&again, &why, ts, set->v[0]), 0);
	cr_assert(first && first == again, "a catalogue target is built (and hashed) once");
	ip_device_set_free(set);
}

Test(target_args, per_device_copy_missing, .init = setup, .fini = teardown)
{
	static const char yaml[] = "images:\n  - name: c2900.bin\n    md5: " MD5_ABC "\n    platforms: [c2900]\n";
	write_tmp("cat.yaml", yaml);
	ip_device_set *set = test_load_samples("traps/missing-boot-file.log", NULL);
	ip_target_args args = { .catalog = ip_arena_printf(set->arena, "%s/cat.yaml", tmpdir),
				.tftp_root = tmpdir };
	ip_targets *ts;
	cr_assert_eq(ip_targets_new(&ts, set->arena, &args, NULL, NULL), 0, "%s", ip_error_last());
	const ip_target *t;
	const char *why;
	cr_assert_eq(ip_targets_for_device(&t, &why, ts, set->v[0]), IP_E_IO);
	cr_assert(strstr(ip_error_last(), "c2900.bin: No such file"), "%s", ip_error_last());
	ip_device_set_free(set);
}

/* --- iosplan lint with the target options ------------------------------- */

typedef struct cli_case {
	const char *name;
	const char *args;
	int status;
	const char *out_has;
	const char *err_has;
} cli_case;

static const cli_case cli_cases[] = {
	{ "malformed --md5 is a usage error", "lint --target " ISR " --md5 12345 netstuts-r1.log", 2,
	  NULL, "--md5 '12345' is not 32 hex digits" },
	{ "--md5 needs an image", "lint --md5 " MD5_ISR " netstuts-r1.log", 2, NULL, "name it with --target" },
	{ "an invalid catalogue: file, line and column", "lint --catalog {tmp}/bad.yaml netstuts-r1.log", 2,
	  NULL, "bad.yaml:2:12: error: not valid YAML" },
	{ "the catalogue picks the image per device",
	  "lint --format gcc --catalog images.yaml two-routers.log", 1, "c2900-universalk9-mz.SPA.157-3.M8.bin", NULL },
	{ "the catalogue picks the ASR image", "lint --format gcc --catalog images.yaml bare/show_version.txt", 0,
	  "asr1001x-universalk9.17.09.04a.SPA.bin", NULL },
	{ "a device the catalogue lacks is named", "lint --catalog {tmp}/one.yaml netstuts-r1.log", 0, NULL,
	  "NetsTuts_R1: no image in catalogue" },
	{ "help lists the target options", "lint --help", 0, "--image-file PATH | --tftp-root DIR", NULL },
};

static int run(const char *args, char **out, char **err)
{
	char expanded[2048], cmd[4096], o[300], e[300];
	const char *at = strstr(args, "{tmp}");
	if (at)
		snprintf(expanded, sizeof(expanded), "%.*s%s%s", (int)(at - args), args, tmpdir, at + 5);
	else
		snprintf(expanded, sizeof(expanded), "%s", args);
	snprintf(o, sizeof(o), "%s/stdout", tmpdir);
	snprintf(e, sizeof(e), "%s/stderr", tmpdir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && timeout 60 '%s' %s >'%s' 2>'%s' </dev/null",
		 test_samples_dir(), getenv("IOSPLAN_BIN"), expanded, o, e);
	int st = system(cmd);
	*out = test_read_file(o, NULL);
	*err = test_read_file(e, NULL);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

IP_TABLE_PARAMS(target_args, lint_cli, cli_cases)
ParameterizedTest(size_t *row, target_args, lint_cli, .init = setup, .fini = teardown)
{
	const cli_case *c = &cli_cases[*row];
	write_tmp("bad.yaml", "images:\n  - name: a: b\n");
	write_tmp("one.yaml", "images:\n  - name: c2960.bin\n    md5: " MD5_ABC "\n    platforms: [c2960]\n");
	char *out, *err;
	int st = run(c->args, &out, &err);
	cr_assert_not_null(out);
	cr_assert_eq(st, c->status, "%s: exit %d, want %d; stderr: %s", c->name, st, c->status, err);
	if (c->out_has)
		cr_assert(strstr(out, c->out_has), "%s: stdout lacks '%s':\n%s", c->name, c->out_has, out);
	if (c->err_has)
		cr_assert(strstr(err, c->err_has), "%s: stderr lacks '%s':\n%s", c->name, c->err_has, err);
	free(out);
	free(err);
}

/* A device whose show version has no processor line: the reason says the
 * model is unknown and what the image's name gives, instead of a blank
 * ("for  (c2960)", issue 23, point 10). */
Test(target_args, no_catalogue_image_for_an_unknown_model, .init = setup, .fini = teardown)
{
	write_tmp("cat.yaml", "images:\n  - name: c2900.bin\n    md5: " MD5_ABC "\n"
		  "    platforms: [c2900]\n");
	ip_device_set *set = test_load_text("sw.log",
		"SW1#show version\nCisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version "
		"15.2(7)E6, RELEASE SOFTWARE (fc3)\nSW1 uptime is 1 day\nSystem image file is "
		"\"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\n");
	cr_assert_eq(set->n, 1);
	ip_target_args args = { .catalog = ip_arena_printf(set->arena, "%s/cat.yaml", tmpdir) };
	ip_targets *ts;
	cr_assert_eq(ip_targets_new(&ts, set->arena, &args, NULL, NULL), 0, "%s", ip_error_last());
	const ip_target *t;
	const char *why;
	cr_assert_eq(ip_targets_for_device(&t, &why, ts, set->v[0]), 0, "%s", ip_error_last());
	cr_assert_null(t);
	cr_assert_not_null(why);
	cr_expect(!strstr(why, "  "), "a blank in: %s", why);
	cr_expect(strstr(why, "model is unknown") && strstr(why, "c2960"), "%s", why);
	ip_device_set_free(set);
}
