/* verify_md5_parse: every output form of `verify /md5` and `verify /sha512`
 * (DOMAIN.md §5), through the whole pipeline so that prompt lines, bare
 * signatures and spans are what a user's file gives. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "parsers.h"

typedef struct span4 {
	uint32_t line, col, end_line, end_col;
} span4;

typedef struct ver_exp {
	const char *file, *fs, *path;
	ip_hash_algo algo;
	ip_verify_result result;
	struct { uint32_t line, col, end_col; } file_span;
	const char *computed; /* NULL: must stay unknown */
	span4 computed_span;
	const char *expected; /* NULL: none */
	span4 expected_span;
	const char *reason;
} ver_exp;

typedef struct ver_case {
	const char *title;
	const char *text;
	size_t n, errors, warnings;
	ver_exp v[2];
} ver_case;

static const ver_case cases[] = {
	{
		.title = "router, no expected hash: computed (seed)",
		.text = "NetsTuts_R1#verify /md5 bootflash:isr4300-universalk9.16.12.04.SPA.bin\n"
			"....................................................................\n"
			".................................................................... Done!\n"
			"verify /md5 (bootflash:isr4300-universalk9.16.12.04.SPA.bin) = a3f8c12d9e4b72f1c8d5a0e3b6f91234\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "bootflash:isr4300-universalk9.16.12.04.SPA.bin",
			  .fs = "bootflash:",
			  .path = "isr4300-universalk9.16.12.04.SPA.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 4, 14, 60 },
			  .computed = "a3f8c12d9e4b72f1c8d5a0e3b6f91234", .computed_span = { 4, 64, 4, 96 } },
		},
	},
	{
		.title = "switch with expected hash: Verified",
		.text = "SW1#verify /md5 flash:c2960x-universalk9-tar.152-7.E13.tar 56604f86ee9b096b3deb622b52062f6b\n"
			".....Done!\n"
			"Verified (flash:c2960x-universalk9-tar.152-7.E13.tar) = 56604f86ee9b096b3deb622b52062f6b\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "flash:c2960x-universalk9-tar.152-7.E13.tar",
			  .fs = "flash:",
			  .path = "c2960x-universalk9-tar.152-7.E13.tar",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_VERIFIED,
			  .file_span = { 3, 11, 53 },
			  .computed = "56604f86ee9b096b3deb622b52062f6b", .computed_span = { 3, 57, 3, 89 },
			  .expected = "56604f86ee9b096b3deb622b52062f6b", .expected_span = { 1, 60, 1, 92 } },
		},
	},
	{
		.title = "mismatch: %Error verifying with both signatures",
		.text = "R2#verify /md5 bootflash:asr1001-universalk9.03.08.02.S.153-1.S2.bin e383bf779e137367839593efa8f0f725\n"
			"...........Done!\n"
			"%Error verifying bootflash:asr1001-universalk9.03.08.02.S.153-1.S2.bin\n"
			"Computed signature = 8307d56881931c08c3fed66d169823a4\n"
			"Submitted signature = e383bf779e137367839593efa8f0f725\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "bootflash:asr1001-universalk9.03.08.02.S.153-1.S2.bin",
			  .fs = "bootflash:",
			  .path = "asr1001-universalk9.03.08.02.S.153-1.S2.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_MISMATCH,
			  .file_span = { 3, 18, 71 },
			  .computed = "8307d56881931c08c3fed66d169823a4", .computed_span = { 4, 22, 4, 54 },
			  .expected = "e383bf779e137367839593efa8f0f725", .expected_span = { 5, 23, 5, 55 } },
		},
	},
	{
		.title = "flattened log: result on the prompt line",
		.text = "NetsTuts_R1#verify /md5 bootflash:isr4300-universalk9.16.12.04.SPA.bin ................ Done! verify /md5 (bootflash:isr4300-universalk9.16.12.04.SPA.bin) = a3f8c12d9e4b72f1c8d5a0e3b6f91234\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "bootflash:isr4300-universalk9.16.12.04.SPA.bin",
			  .fs = "bootflash:",
			  .path = "isr4300-universalk9.16.12.04.SPA.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 1, 108, 154 },
			  .computed = "a3f8c12d9e4b72f1c8d5a0e3b6f91234", .computed_span = { 1, 158, 1, 190 } },
		},
	},
	{
		.title = "flattened log: Verified on the prompt line, expected typed",
		.text = "NetsTuts_R1#verify /md5 bootflash:isr4300-universalk9.16.12.04.SPA.bin a3f8c12d9e4b72f1c8d5a0e3b6f91234 ........ Verified (bootflash:isr4300-universalk9.16.12.04.SPA.bin) = a3f8c12d9e4b72f1c8d5a0e3b6f91234\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "bootflash:isr4300-universalk9.16.12.04.SPA.bin",
			  .fs = "bootflash:",
			  .path = "isr4300-universalk9.16.12.04.SPA.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_VERIFIED,
			  .file_span = { 1, 124, 170 },
			  .computed = "a3f8c12d9e4b72f1c8d5a0e3b6f91234", .computed_span = { 1, 174, 1, 206 },
			  .expected = "a3f8c12d9e4b72f1c8d5a0e3b6f91234", .expected_span = { 1, 72, 1, 104 } },
		},
	},
	{
		.title = "sha512 wrapped onto the next line by the terminal",
		.text = "Router1#verify /sha512 bootflash:/Router1_crashinf_20230201-141134-EST\n"
			"....Done!\n"
			"\n"
			"verify /sha512 (bootflash:/Router1_crashinf_20230201-141134-EST) = bd100d1437352d1bfcc309051ef85dda9aed4fb991db65e493b382b8c447bfea1e6e1838e1\n"
			"e58a707be67d5e844e95a1e044d35b98f343870344c901e35c927a\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "bootflash:/Router1_crashinf_20230201-141134-EST",
			  .fs = "bootflash:",
			  .path = "Router1_crashinf_20230201-141134-EST",
			  .algo = IP_HASH_SHA512,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 4, 17, 64 },
			  .computed = "bd100d1437352d1bfcc309051ef85dda9aed4fb991db65e493b382b8c447bfea1e6e1838e1e58a707be67d5e844e95a1e044d35b98f343870344c901e35c927a", .computed_span = { 4, 68, 5, 55 } },
		},
	},
	{
		.title = "sha512 on one line",
		.text = "C9300#verify /sha512 flash:cat9k_iosxe.17.09.04a.SPA.bin\n"
			".....Done!\n"
			"verify /sha512 (flash:cat9k_iosxe.17.09.04a.SPA.bin) = 7d2d66d7fe243c851bad4bdb9d2d272b0d5877150d454e81e75ac507934a5720b95e0f132bc95330706bac03700c314a8c6776858d586a11e35651dc87957706\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "flash:cat9k_iosxe.17.09.04a.SPA.bin",
			  .fs = "flash:",
			  .path = "cat9k_iosxe.17.09.04a.SPA.bin",
			  .algo = IP_HASH_SHA512,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 3, 17, 52 },
			  .computed = "7d2d66d7fe243c851bad4bdb9d2d272b0d5877150d454e81e75ac507934a5720b95e0f132bc95330706bac03700c314a8c6776858d586a11e35651dc87957706", .computed_span = { 3, 56, 3, 184 } },
		},
	},
	{
		.title = "truncated: dots only is incomplete, not a pass",
		.text = "SW1#verify /md5 flash:c2960-lanbasek9-mz.152-7.E9.bin 7b4e91a2f3c8d5e0a1b6c9d2e4f70123\n"
			"......................................................................\n"
			"........................................\n",
		.n = 1, .errors = 0, .warnings = 1,
		.v = {
			{ .file = "flash:c2960-lanbasek9-mz.152-7.E9.bin",
			  .fs = "flash:",
			  .path = "c2960-lanbasek9-mz.152-7.E9.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_INCOMPLETE,
			  .file_span = { 1, 17, 54 },
			  .expected = "7b4e91a2f3c8d5e0a1b6c9d2e4f70123", .expected_span = { 1, 55, 1, 87 } },
		},
	},
	{
		.title = "truncated: the command and nothing else",
		.text = "SW1#verify /sha512 flash:c2960-lanbasek9-mz.152-7.E9.bin\n"
			"SW1#show clock\n"
			"*10:01:02.123 UTC Sat Mar 7 2026\n",
		.n = 1, .errors = 0, .warnings = 1,
		.v = {
			{ .file = "flash:c2960-lanbasek9-mz.152-7.E9.bin",
			  .fs = "flash:",
			  .path = "c2960-lanbasek9-mz.152-7.E9.bin",
			  .algo = IP_HASH_SHA512,
			  .result = IP_VERIFY_INCOMPLETE,
			  .file_span = { 1, 20, 57 } },
		},
	},
	{
		.title = "bare output without a prompt",
		.text = ".....Done!\n"
			"verify /md5 (flash:c2960-lanbasek9-mz.152-7.E9.bin) = 7B4E91A2F3C8D5E0A1B6C9D2E4F70123\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "flash:c2960-lanbasek9-mz.152-7.E9.bin",
			  .fs = "flash:",
			  .path = "c2960-lanbasek9-mz.152-7.E9.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 2, 14, 51 },
			  .computed = "7b4e91a2f3c8d5e0a1b6c9d2e4f70123", .computed_span = { 2, 55, 2, 87 } },
		},
	},
	{
		.title = "bare Verified: MD5 from the length, expected = computed",
		.text = "Verified (flash:c2960x-universalk9-tar.152-7.E13.tar) = 56604f86ee9b096b3deb622b52062f6b\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "flash:c2960x-universalk9-tar.152-7.E13.tar",
			  .fs = "flash:",
			  .path = "c2960x-universalk9-tar.152-7.E13.tar",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_VERIFIED,
			  .file_span = { 1, 11, 53 },
			  .computed = "56604f86ee9b096b3deb622b52062f6b", .computed_span = { 1, 57, 1, 89 },
			  .expected = "56604f86ee9b096b3deb622b52062f6b", .expected_span = { 1, 57, 1, 89 } },
		},
	},
	{
		.title = "bare %Error verifying",
		.text = "%Error verifying flash:c2960-lanbasek9-mz.152-7.E9.bin\n"
			"Computed signature = ff00aa11bb22cc33dd44ee55ff66aa77\n"
			"Submitted signature = 7b4e91a2f3c8d5e0a1b6c9d2e4f70123\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "flash:c2960-lanbasek9-mz.152-7.E9.bin",
			  .fs = "flash:",
			  .path = "c2960-lanbasek9-mz.152-7.E9.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_MISMATCH,
			  .file_span = { 1, 18, 55 },
			  .computed = "ff00aa11bb22cc33dd44ee55ff66aa77", .computed_span = { 2, 22, 2, 54 },
			  .expected = "7b4e91a2f3c8d5e0a1b6c9d2e4f70123", .expected_span = { 3, 23, 3, 55 } },
		},
	},
	{
		.title = "file missing: %Error opening",
		.text = "C9300#verify /sha512 flash:cat9k.bin\n"
			"%Error opening flash:cat9k.bin (No such file or directory)\n",
		.n = 1, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "flash:cat9k.bin",
			  .fs = "flash:",
			  .path = "cat9k.bin",
			  .algo = IP_HASH_SHA512,
			  .result = IP_VERIFY_FAILED,
			  .file_span = { 2, 16, 31 },
			  .reason = "No such file or directory" },
		},
	},
	{
		.title = "two runs on two files",
		.text = "SW1#verify /md5 flash:a.bin\n"
			"..Done!\n"
			"verify /md5 (flash:a.bin) = a3f8c12d9e4b72f1c8d5a0e3b6f91234\n"
			"SW1#verify /md5 flash:/b.bin\n"
			"..Done!\n"
			"verify /md5 (flash:/b.bin) = 7b4e91a2f3c8d5e0a1b6c9d2e4f70123\n",
		.n = 2, .errors = 0, .warnings = 0,
		.v = {
			{ .file = "flash:a.bin",
			  .fs = "flash:",
			  .path = "a.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 3, 14, 25 },
			  .computed = "a3f8c12d9e4b72f1c8d5a0e3b6f91234", .computed_span = { 3, 29, 3, 61 } },
			{ .file = "flash:/b.bin",
			  .fs = "flash:",
			  .path = "b.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 6, 14, 26 },
			  .computed = "7b4e91a2f3c8d5e0a1b6c9d2e4f70123", .computed_span = { 6, 30, 6, 62 } },
		},
	},
	{
		.title = "hash one digit short is damaged: error on the digits",
		.text = "SW1#verify /md5 flash:a.bin\n"
			"..Done!\n"
			"verify /md5 (flash:a.bin) = a3f8c12d9e4b72f1c8d5a0e3b6f9123\n",
		.n = 1, .errors = 1, .warnings = 0,
		.v = {
			{ .file = "flash:a.bin",
			  .fs = "flash:",
			  .path = "a.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 3, 14, 25 } },
		},
	},
	{
		.title = "hash with a non-hex digit is damaged",
		.text = "SW1#verify /md5 flash:a.bin\n"
			"..Done!\n"
			"verify /md5 (flash:a.bin) = a3f8c12d9egb72f1c8d5a0e3b6f91234\n",
		.n = 1, .errors = 1, .warnings = 0,
		.v = {
			{ .file = "flash:a.bin",
			  .fs = "flash:",
			  .path = "a.bin",
			  .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_COMPUTED,
			  .file_span = { 3, 14, 25 } },
		},
	},
	{
		.title = "plain verify (embedded hash) is not read",
		.text = "R1#verify flash0:c1900-universalk9-mz.SPA.151-4.M8.bin\n"
			"Starting image verification\n"
			"Embedded Hash   MD5 : A51F5C72D1B4F0A9C1E2B3D4E5F60718\n"
			"Computed Hash   MD5 : A51F5C72D1B4F0A9C1E2B3D4E5F60718\n"
			"Embedded hash verification successful.\n",
		.n = 0, .errors = 0, .warnings = 0,
	},
	{
		.title = "a typed expected hash that cannot be one: a warning, kept as typed",
		.text = "SW1#verify /md5 flash:a.bin 12345\n"
			"...Done!\n"
			"%Error verifying flash:a.bin\n",
		.n = 1, .errors = 0, .warnings = 1,
		.v = {
			{ .file = "flash:a.bin", .fs = "flash:", .path = "a.bin", .algo = IP_HASH_MD5,
			  .result = IP_VERIFY_MISMATCH, .file_span = { 3, 18, 29 },
			  .expected = "12345", .expected_span = { 1, 29, 1, 34 } },
		},
	},
};

static void expect_span(const char *title, const char *what, ip_span got, span4 want)
{
	cr_assert_eq(got.line, want.line, "%s: %s line %u, want %u", title, what, got.line, want.line);
	cr_assert_eq(got.col, want.col, "%s: %s col %u, want %u", title, what, got.col, want.col);
	cr_assert_eq(got.end_line, want.end_line, "%s: %s end line %u, want %u", title, what,
		     got.end_line, want.end_line);
	cr_assert_eq(got.end_col, want.end_col, "%s: %s end col %u, want %u", title, what,
		     got.end_col, want.end_col);
}

static void expect_text(const char *title, const char *what, const ip_text *got,
			const char *want, span4 span)
{
	if (!want) {
		cr_assert_null(got->s, "%s: %s is '%s', want unknown", title, what, got->s);
		return;
	}
	cr_assert_not_null(got->s, "%s: %s unknown", title, what);
	cr_assert_str_eq(got->s, want, "%s: %s", title, what);
	expect_span(title, what, got->span, span);
}

static void expect_one(const ver_case *c, const ip_verification *v, const ver_exp *e)
{
	cr_assert_str_eq(v->file.raw, e->file, "%s: file", c->title);
	cr_assert_str_eq(v->file.filesystem, e->fs, "%s: filesystem", c->title);
	cr_assert_str_eq(v->file.path, e->path, "%s: path", c->title);
	cr_assert_eq(v->file.span.line, e->file_span.line, "%s: file line", c->title);
	cr_assert_eq(v->file.span.col, e->file_span.col, "%s: file col", c->title);
	cr_assert_eq(v->file.span.end_col, e->file_span.end_col, "%s: file end col", c->title);
	cr_assert_eq(v->algorithm, e->algo, "%s: algorithm %d", c->title, v->algorithm);
	cr_assert_eq(v->result, e->result, "%s: result %d, want %d", c->title, v->result, e->result);
	expect_text(c->title, "computed", &v->computed, e->computed, e->computed_span);
	expect_text(c->title, "expected", &v->expected, e->expected, e->expected_span);
	if (e->reason)
		cr_assert_str_eq(v->reason, e->reason, "%s: reason", c->title);
	else
		cr_assert_null(v->reason, "%s: reason", c->title);
}

IP_TABLE_PARAMS(verify, forms, cases)
ParameterizedTest(size_t *row, verify, forms)
{
	const ver_case *c = &cases[*row];
	ip_device_set *set = test_load_text("verify.log", c->text);
	cr_assert_eq(set->n, 1, "%s: one device", c->title);
	const ip_device *d = set->v[0];
	cr_assert_eq(d->n_verifications, c->n, "%s: %zu verifications, want %zu", c->title,
		     d->n_verifications, c->n);
	for (size_t i = 0; i < c->n; i++)
		expect_one(c, &d->verifications[i], &c->v[i]);
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_ERROR), c->errors, "%s: errors (%s)",
		     c->title, set->diags.n ? set->diags.v[0].message : "");
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_WARNING), c->warnings,
		     "%s: warnings (%s)", c->title, set->diags.n ? set->diags.v[0].message : "");
	ip_device_set_free(set);
}

/* The damaged-hash error points at the digits, so an editor can mark them. */
Test(verify, damaged_hash_error_span)
{
	ip_device_set *set = test_load_text("verify.log",
		"SW1#verify /md5 flash:a.bin\n"
		"verify /md5 (flash:a.bin) = 0123456789abcdef0123456789abcde\n");
	cr_assert_eq(set->diags.n, 1);
	const ip_diag *e = &set->diags.v[0];
	cr_assert_eq(e->level, IP_DIAG_ERROR);
	cr_assert_eq(e->span.line, 2);
	cr_assert_eq(e->span.col, 29);
	cr_assert_eq(e->span.end_col, 60);
	cr_assert(strstr(e->message, "31 characters"), "%s", e->message);
	ip_device_set_free(set);
}

/* A bare verify after bare show output starts its own section, and its
 * progress dots go with it (not into the listing before). */
Test(verify, bare_after_listing)
{
	ip_device_set *set = test_load_text("bare.txt",
		"Directory of flash:/\n"
		"\n"
		"    2  -rwx    14986752   Mar 1 1993 00:12:44 +00:00  c2960-lanbasek9-mz.152-7.E9.bin\n"
		"\n"
		"32514048 bytes total (17268736 bytes free)\n"
		"......................\n"
		"Done!\n"
		"verify /md5 (flash:c2960-lanbasek9-mz.152-7.E9.bin) = 7b4e91a2f3c8d5e0a1b6c9d2e4f70123\n");
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_WARNING), 0, "%s",
		     set->diags.n ? set->diags.v[0].message : "");
	cr_assert_eq(set->n, 1);
	const ip_device *d = set->v[0];
	cr_assert_eq(d->n_verifications, 1);
	cr_assert_str_eq(d->verifications[0].computed.s, "7b4e91a2f3c8d5e0a1b6c9d2e4f70123");
	cr_assert_eq(d->n_filesystems, 1);
	cr_assert(d->filesystems[0].complete);
	ip_device_set_free(set);
}
