/* Names at the input limits through every command and output format (issue
 * 19): a boot file name of 600 bytes once came out of `lint` as a fix command
 * cut at 511 bytes that no longer named the entry, in a command a person
 * pastes into a device. Every output that names the entry must name it whole.
 *
 * Each row rewrites one name in samples/traps/missing-boot-file.log (a
 * `boot system` entry whose file is not in the listing, so rules, the
 * simulator trace and the plan all name it) to a generated name of the given
 * length, runs every command and format and the language server's
 * diagnostics on it, and checks that each place the name starts holds the
 * whole name. The names are [a-z0-9.-] only, so no writer escapes them and a
 * plain search finds them. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "capture.h"
#include "helpers.h"

typedef enum {
	BOOT_ENTRY,   /* the missing boot system entry, running and startup */
	LISTED_FILE,  /* the running image: show version and the listing */
	HOSTNAME,     /* the prompt */
} which;

typedef struct long_case {
	const char *label;
	which what;
	size_t len;
	bool named; /* the outputs below must name it (a hostname the prompt
		     * reader does not take may not appear at all) */
} long_case;

/* The longest boot entry a line allows: "boot system flash0:" and the name
 * fill a line of just under IP_MAX_LINE_BYTES (64 KiB). */
#define BOOT_PREFIX "boot system flash0:"
#define LINE_MAX_NAME (IP_MAX_LINE_BYTES - sizeof(BOOT_PREFIX) - 16)

static const long_case cases[] = {
	{ "boot-600", BOOT_ENTRY, 600, true },
	{ "boot-4000", BOOT_ENTRY, 4000, true },
	{ "boot-line-limit", BOOT_ENTRY, LINE_MAX_NAME, true },
	{ "listing-30000", LISTED_FILE, 30000, true },
	{ "hostname-63", HOSTNAME, 63, true },
	{ "hostname-10000", HOSTNAME, 10000, false },
};

static const char OLD_BOOT[] = "c2900-universalk9-mz.SPA.157-3.M8.bin";
static const char OLD_RUNNING[] = "c2900-universalk9-mz.SPA.154-3.M10.bin";
static const char OLD_HOST[] = "BR-RTR-2921";

/* A name of exactly len bytes that no prefix of it repeats inside it: a
 * counter, so a cut copy cannot pass for the whole. */
static char *make_name(const long_case *c)
{
	char *s = malloc(c->len + 1);
	cr_assert_not_null(s);
	size_t n = 0;
	if (c->what == HOSTNAME) {
		for (; n < c->len; n++)
			s[n] = (char)('a' + (n * 7 + n / 26) % 26);
		s[0] = 'H';
	} else {
		n = (size_t)sprintf(s, "c2900-%s-", c->what == BOOT_ENTRY ? "entry" : "listed");
		for (unsigned i = 0; n + 7 <= c->len - 4; i++)
			n += (size_t)sprintf(s + n, "%06u.", i);
		for (; n < c->len - 4; n++)
			s[n] = 'x';
		memcpy(s + n, ".bin", 4);
		n += 4;
	}
	s[n] = '\0';
	cr_assert_eq(strlen(s), c->len);
	return s;
}

static char *replace_all(const char *text, const char *old, const char *new)
{
	size_t lo = strlen(old), ln = strlen(new), k = 0;
	for (const char *p = strstr(text, old); p; p = strstr(p + lo, old))
		k++;
	char *out = malloc(strlen(text) + k * ln + 1), *w = out;
	cr_assert_not_null(out);
	for (const char *p = text, *q; (q = strstr(p, old)) != NULL || *p; p = q + lo) {
		if (!q) {
			w = stpcpy(w, p);
			break;
		}
		memcpy(w, p, (size_t)(q - p));
		w = stpcpy(w + (q - p), new);
	}
	*w = '\0';
	return out;
}

static char tmpdir[256];
static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "long"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

/* One command line and whether it must name the entry. */
typedef struct run_case {
	const char *args; /* %1$s: the capture, %2$s: the temporary folder */
	bool names_it;    /* false: an output that need not name it (audit rows
			   * summarise) but must not cut it either */
	bool names_host;  /* it prints the hostname */
} run_case;

#define TARGET "--target c2900-universalk9-mz.SPA.157-3.M9.bin " \
	       "--md5 0123456789abcdef0123456789abcdef --size 110000000"

static const run_case runs[] = {
	{ "lint --format text %1$s", true, true },
	{ "lint --format gcc %1$s", true, false },
	{ "lint --format json %1$s", true, true },
	{ "lint --format sarif %1$s", true, false },
	{ "lint --format markdown %1$s", true, false },
	{ "lint --format codeclimate %1$s", true, false },
	{ "facts --format text %1$s", true, true },
	{ "facts --format json %1$s", true, true },
	{ "plan " TARGET " --format text %1$s", true, true },
	{ "plan " TARGET " --format markdown %1$s", true, true },
	{ "plan " TARGET " --format json %1$s", true, true },
	{ "plan " TARGET " --format ansible %1$s", true, true },
	{ "verify " TARGET " --before %1$s --after %1$s --format text", false, false },
	{ "verify " TARGET " --before %1$s --after %1$s --format json", false, false },
	{ "verify " TARGET " --before %1$s --after %1$s --format markdown", false, false },
	{ "verify " TARGET " --before %1$s --after %1$s --format sarif", false, false },
	{ "audit --jobs 1 --format table %2$s/in", false, false },
	{ "audit --jobs 1 --format jsonl %2$s/in", false, false },
	{ "audit --jobs 1 --format csv %2$s/in", false, false },
	{ "audit --jobs 1 --format markdown %2$s/in", false, false },
	{ "audit --jobs 1 --format sarif %2$s/in", false, false },
};

/* Every place the name starts (its first 32 bytes) holds all of it; returns
 * how many whole copies there are. */
static size_t whole_copies(const char *out, const char *name, const char *what)
{
	size_t k = 0, n = strlen(name);
	char head[33];
	snprintf(head, sizeof(head), "%s", name); /* a search key: 32 bytes by design */
	for (const char *p = strstr(out, head); p; p = strstr(p + 1, head)) {
		size_t same = 0;
		const char *q = p;
		while (same < n) {
			if (*q == name[same]) {
				q++, same++;
			} else if (*q == '\n' && q[1] == '!') {
				/* the text plan wraps its '!' comments at 78
				 * columns, splitting a long word: the name
				 * goes on whole on the next comment line */
				q += 2;
				q += strspn(q, " ");
			} else {
				break;
			}
		}
		cr_assert_eq(same, n, "%s: a copy of the %zu-byte name is cut at byte %zu", what,
			     n, same);
		k++;
	}
	return k;
}

/* `iosplan ARGS`, with `input` (a shell fragment) as its standard input */
static char *run_from(const char *input, const char *args)
{
	char *cmd = NULL, out[300];
	snprintf(out, sizeof(out), "%s/out", tmpdir);
	cr_assert(asprintf(&cmd, "%s | timeout 120 '%s' %s >'%s' 2>&1", input, getenv("IOSPLAN_BIN"),
			   args, out) >= 0);
	int st = system(cmd);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) <= 2, "%s: status %d", args, st);
	free(cmd);
	char *text = test_read_file(out, NULL);
	cr_assert_not_null(text);
	return text;
}

static char *run(const char *args) { return run_from("true", args); }

static void lsp_frame(FILE *f, cJSON *m)
{
	char *body = cJSON_PrintUnformatted(m);
	cr_assert_not_null(body);
	fprintf(f, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
	free(body);
	cJSON_Delete(m);
}

static cJSON *lsp_message(const char *method, int id)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	if (id)
		cJSON_AddNumberToObject(m, "id", id);
	cJSON_AddStringToObject(m, "method", method);
	return m;
}

/* The language server's diagnostics for the capture: open it, pause so the
 * server analyses (it waits for the input to go quiet), then shut down. */
static char *run_lsp(const char *capture_path, const char *capture)
{
	char path[300];
	snprintf(path, sizeof(path), "%s/lsp-open.in", tmpdir);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cJSON *m = lsp_message("initialize", 1);
	cJSON *p = cJSON_AddObjectToObject(m, "params");
	cJSON_AddNullToObject(p, "processId");
	cJSON_AddObjectToObject(p, "capabilities");
	lsp_frame(f, m);
	m = lsp_message("initialized", 0);
	cJSON_AddObjectToObject(m, "params");
	lsp_frame(f, m);
	m = lsp_message("textDocument/didOpen", 0);
	cJSON *td = cJSON_AddObjectToObject(cJSON_AddObjectToObject(m, "params"), "textDocument");
	char *uri = NULL;
	cr_assert(asprintf(&uri, "file://%s", capture_path) >= 0);
	cJSON_AddStringToObject(td, "uri", uri);
	free(uri);
	cJSON_AddStringToObject(td, "languageId", "ios");
	cJSON_AddNumberToObject(td, "version", 1);
	cJSON_AddStringToObject(td, "text", capture);
	lsp_frame(f, m);
	cr_assert_eq(fclose(f), 0);
	snprintf(path, sizeof(path), "%s/lsp-close.in", tmpdir);
	f = fopen(path, "wb");
	cr_assert_not_null(f);
	lsp_frame(f, lsp_message("shutdown", 2));
	lsp_frame(f, lsp_message("exit", 0));
	cr_assert_eq(fclose(f), 0);
	char *input = NULL;
	cr_assert(asprintf(&input, "{ cat '%1$s/lsp-open.in'; sleep 1; cat '%1$s/lsp-close.in'; }",
			   tmpdir) >= 0);
	char *out = run_from(input, "lsp");
	free(input);
	return out;
}

IP_TABLE_PARAMS(long_names, every_output, cases)

ParameterizedTest(size_t *row, long_names, every_output, .init = make_tmpdir,
		  .fini = remove_tmpdir, .timeout = 300)
{
	test_memcheck_sample(*row);
	const long_case *c = &cases[*row];
	char path[512];
	snprintf(path, sizeof(path), "%s/traps/missing-boot-file.log", test_samples_dir());
	char *base = test_read_file(path, NULL);
	cr_assert_not_null(base);
	char *name = make_name(c);
	const char *old = c->what == BOOT_ENTRY ? OLD_BOOT : c->what == LISTED_FILE ? OLD_RUNNING
										      : OLD_HOST;
	char *capture = replace_all(base, old, name);
	test_sh("mkdir -p '%s/in'", tmpdir);
	snprintf(path, sizeof(path), "%s/in/device.log", tmpdir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(capture, f);
	cr_assert_eq(fclose(f), 0);
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		char *args = NULL;
		cr_assert(asprintf(&args, runs[i].args, path, tmpdir) >= 0);
		char *out = run(args);
		size_t k = whole_copies(out, name, args);
		bool must = c->what == HOSTNAME ? runs[i].names_host : runs[i].names_it;
		if (c->named && must)
			cr_assert(k > 0, "%s (%s): the name does not appear", args, c->label);
		free(out);
		free(args);
	}
	char *out = run_lsp(path, capture);
	size_t k = whole_copies(out, name, "lsp");
	if (c->named && c->what != HOSTNAME)
		cr_assert(k > 0, "lsp (%s): the name does not appear in the diagnostics", c->label);
	free(out);
	free(capture);
	free(name);
	free(base);
}

/* The fix command that once was cut: `no boot system` and the whole entry,
 * on one line of lint's text output. */
Test(long_names, fix_command_names_the_entry, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const long_case *c = &cases[0];
	char path[512];
	snprintf(path, sizeof(path), "%s/traps/missing-boot-file.log", test_samples_dir());
	char *base = test_read_file(path, NULL);
	char *name = make_name(c);
	char *capture = replace_all(base, OLD_BOOT, name);
	snprintf(path, sizeof(path), "%s/device.log", tmpdir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(capture, f);
	cr_assert_eq(fclose(f), 0);
	char *args = NULL;
	cr_assert(asprintf(&args, "lint %s", path) >= 0);
	char *out = run(args);
	char *want = NULL;
	cr_assert(asprintf(&want, "no boot system flash0:%s\n", name) >= 0);
	cr_assert_not_null(strstr(out, want), "no whole `no boot system` fix in:\n%.2000s", out);
	free(want);
	free(out);
	free(args);
	free(capture);
	free(name);
	free(base);
}
