/* lint/hash.c and `iosplan hash`: MD5 and SHA-512 in one read pass.
 * Checked against published vectors (RFC 1321's test suite, SHA-512 of
 * "abc" from FIPS 180-2), and against md5sum/sha512sum on generated files
 * whose sizes sit on and around the read-buffer boundaries: empty, 1,
 * 4095, 65537, one slot, one slot + 1, and more than the whole ring (so
 * slots are reused while both digest threads run). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "hash.h"
#include "helpers.h"

typedef struct vector {
	const char *input;
	const char *md5;    /* NULL: not in the published set */
	const char *sha512;
} vector;

static const vector vectors[] = {
	/* RFC 1321, appendix A.5 */
	{ "", "d41d8cd98f00b204e9800998ecf8427e",
	  "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
	  "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e" },
	{ "a", "0cc175b9c0f1b6a831c399e269772661", NULL },
	{ "abc", "900150983cd24fb0d6963f7d28e17f72",
	  /* FIPS 180-2, appendix C.1 */
	  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
	{ "message digest", "f96b697d7cb7938d525a2f31aaf161d0", NULL },
	{ "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b", NULL },
	{ "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
	  "d174ab98d277d9f5a5611c2c9f419d9f", NULL },
	{ "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
	  "57edf4a22be3c955ac49da2e2107b67a", NULL },
};

static char tmpdir[256];

static void setup(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "hash"); }
static void teardown(void) { test_tmpdir_remove(tmpdir); }

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
}

static void check_vector(const vector *v, const ip_digests *d)
{
	if (v->md5)
		cr_assert_str_eq(d->md5, v->md5, "md5 of '%s'", v->input);
	if (v->sha512)
		cr_assert_str_eq(d->sha512, v->sha512, "sha512 of '%s'", v->input);
	cr_assert_eq(d->size, strlen(v->input));
}

IP_TABLE_PARAMS(hash, vectors_buffer, vectors)
ParameterizedTest(size_t *row, hash, vectors_buffer)
{
	const vector *v = &vectors[*row];
	ip_digests d;
	cr_assert_eq(ip_hash_buffer(&d, v->input, strlen(v->input)), 0);
	check_vector(v, &d);
}

/* The same vectors through the threaded file path. */
IP_TABLE_PARAMS(hash, vectors_file, vectors)
ParameterizedTest(size_t *row, hash, vectors_file, .init = setup, .fini = teardown)
{
	const vector *v = &vectors[*row];
	char path[300];
	snprintf(path, sizeof(path), "%s/v", tmpdir);
	write_file(path, v->input, strlen(v->input));
	ip_digests d;
	cr_assert_eq(ip_hash_file(&d, path), 0, "%s", ip_error_last());
	check_vector(v, &d);
}

/* The first word of `cmd`'s output. */
static void tool_digest(const char *tool, const char *path, char *out, size_t n)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "%s '%s'", tool, path);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	cr_assert_not_null(fgets(out, (int)n, p), "%s printed nothing", tool);
	pclose(p);
	out[strcspn(out, " ")] = '\0';
}

static const size_t sizes[] = {
	0, 1, 4095, 65537, IP_HASH_SLOT_BYTES, IP_HASH_SLOT_BYTES + 1,
	IP_HASH_RING_BYTES * 2 + 12345,
};

IP_TABLE_PARAMS(hash, against_tools, sizes)
ParameterizedTest(size_t *row, hash, against_tools, .init = setup, .fini = teardown)
{
	size_t n = sizes[*row];
	unsigned char *buf = malloc(n ? n : 1);
	cr_assert_not_null(buf);
	uint64_t x = 0x9E3779B97F4A7C15ull ^ n; /* xorshift: deterministic, not constant */
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		buf[i] = (unsigned char)x;
	}
	char path[300], md5[200], sha[300];
	snprintf(path, sizeof(path), "%s/f%zu", tmpdir, n);
	write_file(path, buf, n);
	free(buf);
	tool_digest("md5sum", path, md5, sizeof(md5));
	tool_digest("sha512sum", path, sha, sizeof(sha));
	ip_digests d;
	cr_assert_eq(ip_hash_file(&d, path), 0, "%s", ip_error_last());
	cr_assert_eq(d.size, n);
	cr_assert_str_eq(d.md5, md5, "md5 of %zu bytes", n);
	cr_assert_str_eq(d.sha512, sha, "sha512 of %zu bytes", n);
}

/* A pipe delivers short reads: the slots must still be filled in order. */
Test(hash, pipe_short_reads)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		close(fds[0]);
		char chunk[777];
		for (int i = 0; i < 3000; i++) { /* 2331000 bytes in odd pieces */
			memset(chunk, 'a' + i % 26, sizeof(chunk));
			if (write(fds[1], chunk, sizeof(chunk)) != (ssize_t)sizeof(chunk))
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	ip_digests d;
	cr_assert_eq(ip_hash_fd(&d, fds[0], "pipe"), 0, "%s", ip_error_last());
	close(fds[0]);
	int st;
	waitpid(pid, &st, 0);
	cr_assert_eq(d.size, 2331000u);
	unsigned char *all = malloc(2331000);
	for (int i = 0; i < 3000; i++)
		memset(all + (size_t)i * 777, 'a' + i % 26, 777);
	ip_digests want;
	cr_assert_eq(ip_hash_buffer(&want, all, 2331000), 0);
	free(all);
	cr_assert_str_eq(d.md5, want.md5);
	cr_assert_str_eq(d.sha512, want.sha512);
}

Test(hash, missing_file_is_an_io_error)
{
	ip_digests d;
	cr_assert_eq(ip_hash_file(&d, "/nonexistent/iosplan/x.bin"), IP_E_IO);
	cr_assert(strstr(ip_error_last(), "/nonexistent/iosplan/x.bin"), "%s", ip_error_last());
	cr_assert(strstr(ip_error_last(), "No such file"), "%s", ip_error_last());
}

Test(hash, directory_is_a_read_error)
{
	ip_digests d;
	cr_assert_eq(ip_hash_file(&d, "/"), IP_E_IO);
	cr_assert(strstr(ip_error_last(), "read error"), "%s", ip_error_last());
}

/* --- iosplan hash ------------------------------------------------------- */

typedef struct result {
	int status;
	char *out, *err;
} result;

static result run(const char *args)
{
	char cmd[2048], out[300], err[300];
	snprintf(out, sizeof(out), "%s/stdout", tmpdir);
	snprintf(err, sizeof(err), "%s/stderr", tmpdir);
	/* stdin first, so that a case's own "< file" wins */
	snprintf(cmd, sizeof(cmd), "cd '%s' && timeout 60 '%s' </dev/null %s >'%s' 2>'%s'", tmpdir,
		 getenv("IOSPLAN_BIN"), args, out, err);
	int st = system(cmd);
	result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128, test_read_file(out, NULL),
		     test_read_file(err, NULL) };
	return r;
}

typedef struct cli_case {
	const char *name;
	const char *args;
	int status;
	const char *out; /* exact standard output; NULL: see out_has */
	const char *out_has;
	const char *err_has;
} cli_case;

#define ABC_SHA "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a" \
		"2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
#define EMPTY_SHA "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" \
		  "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"

static const cli_case cli_cases[] = {
	{ "md5sum-style lines, MD5 then SHA-512, per file", "hash abc empty", 0,
	  "900150983cd24fb0d6963f7d28e17f72  abc\n" ABC_SHA "  abc\n"
	  "d41d8cd98f00b204e9800998ecf8427e  empty\n" EMPTY_SHA "  empty\n", NULL, NULL },
	{ "json", "hash --format json abc", 0, NULL,
	  "\"md5\":\t\"900150983cd24fb0d6963f7d28e17f72\"", NULL },
	{ "json carries version and size", "hash --format json abc", 0, NULL, "\"size\":\t3", NULL },
	{ "standard input", "hash - < abc", 0, "900150983cd24fb0d6963f7d28e17f72  -\n" ABC_SHA "  -\n",
	  NULL, NULL },
	{ "a missing file: the others still print, exit 2", "hash nope abc", 2, NULL,
	  "900150983cd24fb0d6963f7d28e17f72  abc\n", "nope: No such file" },
	{ "a missing file in json has an error member", "hash --format json nope", 2, NULL,
	  "\"error\":", NULL },
	{ "a name with a backslash is escaped as md5sum does", "hash 'a\\b'", 0,
	  "\\900150983cd24fb0d6963f7d28e17f72  a\\\\b\n\\" ABC_SHA "  a\\\\b\n", NULL, NULL },
	{ "no file", "hash", 2, "", NULL, "no file given" },
	{ "unknown format", "hash --format xml abc", 2, "", NULL, "unknown format 'xml'" },
	{ "help", "hash --help", 0, NULL, "usage: iosplan hash", NULL },
};

IP_TABLE_PARAMS(hash, cli, cli_cases)
ParameterizedTest(size_t *row, hash, cli, .init = setup, .fini = teardown)
{
	const cli_case *c = &cli_cases[*row];
	char path[300];
	snprintf(path, sizeof(path), "%s/abc", tmpdir);
	write_file(path, "abc", 3);
	snprintf(path, sizeof(path), "%s/a\\b", tmpdir);
	write_file(path, "abc", 3);
	snprintf(path, sizeof(path), "%s/empty", tmpdir);
	write_file(path, "", 0);
	result r = run(c->args);
	cr_assert_not_null(r.out);
	cr_assert_eq(r.status, c->status, "%s: exit %d, want %d; stderr: %s", c->name, r.status,
		     c->status, r.err);
	if (c->out)
		cr_assert_str_eq(r.out, c->out, "%s", c->name);
	if (c->out_has)
		cr_assert(strstr(r.out, c->out_has), "%s: stdout lacks '%s':\n%s", c->name, c->out_has, r.out);
	if (c->err_has)
		cr_assert(strstr(r.err, c->err_has), "%s: stderr lacks '%s':\n%s", c->name, c->err_has, r.err);
	free(r.out);
	free(r.err);
}

/* md5sum -c reads the MD5 lines back (and skips the SHA-512 ones). */
Test(hash, md5sum_check_reads_the_output, .init = setup, .fini = teardown)
{
	char path[300], cmd[1200];
	snprintf(path, sizeof(path), "%s/abc", tmpdir);
	write_file(path, "abc", 3);
	snprintf(cmd, sizeof(cmd), "cd '%s' && '%s' hash abc > sums && md5sum -c sums >/dev/null 2>&1 "
		 "&& sha512sum -c sums >/dev/null 2>&1", tmpdir, getenv("IOSPLAN_BIN"));
	cr_assert_eq(system(cmd), 0);
}
