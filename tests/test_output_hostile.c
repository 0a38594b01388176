/* Every output escapes for its reader, and every command checks its
 * writes (issue 18, points 7, 8, 9, 17 and 20), end to end.
 *
 * Names come from files nobody vouches for: a capture's hostname (the
 * "X uptime is" line), the capture's own file name, an archive member's.
 * Each hostile hostname below is saved under a hostile file name and run
 * through every command and format that prints it (lint, facts, plan,
 * verify, audit of a folder and of a tar archive); each output is checked
 * for what its reader needs:
 *
 *   text, table, gcc, stderr  valid UTF-8, no control a terminal acts on
 *                             (C0 but tab and line feed, DEL, C1 raw or
 *                             UTF-8, bidi), no line forged by a name
 *   markdown                  the same, then rendered by GitHub's own
 *                             cmark-gfm: no link to a page, no image, no
 *                             raw HTML, and the name shown whole, where
 *                             it stands (heading, cell)
 *   csv                       every record 20 fields, no cell a formula
 *   json, sarif, jsonl, yaml  valid UTF-8 that parses
 *
 * The writes: each command to /dev/full and to a closed stdout exits 2
 * with "cannot write standard output", and ends quietly by SIGPIPE when
 * the reader has left; a closed stderr or stdin cannot send anything into
 * audit --output's file. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml.h>

#include "escape.h"
#include "helpers.h"
#include "utf8.h"

static char dir[256];

static void make_dir(void) { test_tmpdir_make(dir, sizeof(dir), "output"); }
static void remove_dir(void) { test_tmpdir_remove(dir); }

#define R1_IMAGE "--target isr4300-universalk9.16.12.04.SPA.bin --size 521347072 " \
		 "--md5 a3f8c12d9e4b72f1c8d5a0e3b6f91234"
#define R1_TARGET R1_IMAGE " --tftp-server 192.168.1.100"

/* The file name every capture is saved under (a prefix; no '/'): clear
 * screen, a window title, an OSC 8 link, CR and LF forging a line, C1 CSI
 * raw and in UTF-8, an invalid byte, a bidi override, Markdown and a
 * formula. */
static const char hostile_file[] =
	"\x1b[2J\x1b]0;owned\x07\x1b]8;;https:evil\x1b\\click\x1b]8;;\x1b\\\rOK\nFORGED "
	"\xc2\x9b" "1m\x9b" "1m\xff\xe2\x80\xae<b>[x](javascript:alert)`|=cmd";

/* --- running ------------------------------------------------------------ */

typedef struct result {
	int status; /* exit code, or 128 + signal */
	char *out, *err;
	size_t out_len, err_len;
} result;

static void result_free(result *r)
{
	free(r->out);
	free(r->err);
}

/* Run `iosplan ARGS` in the case's directory through the shell (so that
 * globs name the hostile files), with REDIR after it. */
static result run_redir(const char *args, const char *redir)
{
	char cmd[4096], out[300], err[300];
	snprintf(out, sizeof(out), "%s.out", dir);
	snprintf(err, sizeof(err), "%s.err", dir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && exec timeout 60 '%s' %s >'%s' 2>'%s' </dev/null %s", dir,
		 getenv("IOSPLAN_BIN"), args, out, err, redir ? redir : "");
	int st = system(cmd);
	result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), NULL, NULL, 0, 0 };
	r.out = test_read_file(out, &r.out_len);
	r.err = test_read_file(err, &r.err_len);
	cr_assert(r.out && r.err, "%s", cmd);
	unlink(out);
	unlink(err);
	return r;
}

static result run(const char *args)
{
	return run_redir(args, NULL);
}

static void write_file(const char *name, const char *text, size_t len)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot create %s", path);
	cr_assert_eq(fwrite(text, 1, len, f), len);
	fclose(f);
}

/* Replace every `from` in text (len bytes) by `to`: a malloc'd copy. */
static char *replace_all(const char *text, size_t len, const char *from, const char *to, size_t *out_len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&buf, &n);
	size_t k = strlen(from);
	for (size_t i = 0; i < len;) {
		if (i + k <= len && memcmp(text + i, from, k) == 0) {
			fputs(to, m);
			i += k;
		} else {
			fputc(text[i++], m);
		}
	}
	fclose(m);
	*out_len = n;
	return buf;
}

/* A sample as device `prompt` (its prompts) whose "X uptime is" line names
 * `host`, saved as NAME in the case's directory. The prompt keys the
 * device, so that several hostile hostnames are several devices. */
static void put_capture(const char *sample, const char *host, const char *prompt, const char *name)
{
	char path[512], uptime[300];
	size_t len, n1, n2;
	snprintf(path, sizeof(path), "%s/%s", test_samples_dir(), sample);
	char *text = test_read_file(path, &len);
	cr_assert_not_null(text, "%s", path);
	cr_assert_not_null(strstr(text, "NetsTuts_R1 uptime"), "%s", path);
	char *named = replace_all(text, len, "NetsTuts_R1", prompt, &n1);
	char line[600];
	snprintf(uptime, sizeof(uptime), "%s uptime", prompt);
	snprintf(line, sizeof(line), "%s uptime", host);
	char *hosted = replace_all(named, n1, uptime, line, &n2);
	write_file(name, hosted, n2);
	free(hosted);
	free(named);
	free(text);
}

static void sh(const char *script)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "cd '%s' && %s", dir, script);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
}

/* --- what each reader needs ---------------------------------------------- */

/* One line per record whatever a name holds, and nothing a terminal acts
 * on: C0 but tab and LF, DEL, C1 (UTF-8 C2 80-9F; raw bytes are invalid
 * UTF-8), bidi controls and separators. */
static void check_text_crlf(const char *what, const char *s, size_t n, bool crlf)
{
	cr_assert(ip_utf8_valid(s, n), "%s: not valid UTF-8:\n%s", what, s);
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		bool line_end = c == '\n' || (crlf && c == '\r' && u[i + 1] == '\n');
		cr_assert(c >= 0x20 ? c != 0x7f : line_end || c == '\t',
			  "%s: control byte 0x%02x at %zu:\n%s", what, c, i, s);
		cr_assert(!(c == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f), "%s: C1 control at %zu", what, i);
		bool bidi = c == 0xe2 && ((u[i + 1] == 0x80 && (u[i + 2] == 0x8e || u[i + 2] == 0x8f ||
							      (u[i + 2] >= 0xa8 && u[i + 2] <= 0xae))) ||
					  (u[i + 1] == 0x81 && u[i + 2] >= 0xa6 && u[i + 2] <= 0xa9));
		cr_assert(!bidi, "%s: bidi control at %zu", what, i);
		cr_assert(strncmp(s + i, "FORGED", 6) != 0 || (i > 0 && s[i - 1] != '\n'),
			  "%s: a name's line break forged a line:\n%s", what, s);
	}
}

static void check_text(const char *what, const char *s, size_t n)
{
	check_text_crlf(what, s, n, false);
}

/* The Markdown rendered as GitHub renders it (cmark-gfm with the GFM
 * extensions, raw HTML kept so that any would show). */
static char *render_gfm(const char *md, size_t n)
{
	char in[300], out[300], cmd[900];
	snprintf(in, sizeof(in), "%s.md", dir);
	snprintf(out, sizeof(out), "%s.html", dir);
	FILE *f = fopen(in, "wb");
	cr_assert_not_null(f);
	fwrite(md, 1, n, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "cmark-gfm --unsafe -e table -e autolink -e strikethrough '%s' >'%s'", in, out);
	cr_assert_eq(system(cmd), 0, "cmark-gfm is needed (Debian package cmark-gfm; scripts/setup-tests installs it)");
	char *html = test_read_file(out, NULL);
	unlink(in);
	unlink(out);
	return html;
}

/* s as cmark prints text: & < > " escaped. */
static char *html_text(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	for (; *s; s++) {
		if (*s == '&')
			fputs("&amp;", m);
		else if (*s == '<')
			fputs("&lt;", m);
		else if (*s == '>')
			fputs("&gt;", m);
		else if (*s == '"')
			fputs("&quot;", m);
		else
			fputc(*s, m);
	}
	fclose(m);
	return buf;
}

static void check_markdown(const char *what, const char *md, size_t n, const char *const *hosts,
			   size_t n_hosts)
{
	check_text(what, md, n);
	char *html = render_gfm(md, n);
	cr_assert_not_null(html);
	static const char *const never[] = { "<script", "<img", "<b>", "href=\"http", "href=\"javascript" };
	for (size_t i = 0; i < sizeof(never) / sizeof(never[0]); i++)
		cr_assert_null(strstr(html, never[i]), "%s: rendered %s:\n%s", what, never[i], html);
	/* each hostname comes out whole, as the text writers show it */
	ip_arena *a = ip_arena_new();
	for (size_t i = 0; i < n_hosts; i++) {
		char *shown = html_text(ip_esc_text(a, hosts[i]));
		cr_assert_not_null(strstr(html, shown), "%s: hostname %zu is not shown whole (%s):\n%s", what, i,
				   shown, html);
		free(shown);
	}
	ip_arena_free(a);
	free(html);
}

/* RFC 4180 records: each of `fields` fields, none a formula. */
static void check_csv(const char *what, const char *s, size_t n, size_t fields)
{
	check_text_crlf(what, s, n, true); /* RFC 4180 ends records with CRLF */
	const char *p = s;
	while (*p) {
		size_t k = 0;
		for (;;) {
			char first = 0;
			bool quoted = *p == '"', started = false;
			if (quoted)
				p++;
			for (; *p; p++) {
				if (quoted && *p == '"' && p[1] == '"') {
					p++;
				} else if (quoted && *p == '"') {
					p++;
					break;
				} else if (!quoted && (*p == ',' || *p == '\r')) {
					break;
				}
				if (!started)
					first = *p, started = true;
			}
			k++;
			cr_assert(!first || !strchr("=+-@\t\r", first), "%s: cell %zu is a formula:\n%s", what, k, s);
			if (*p == ',') {
				p++;
				continue;
			}
			cr_assert(p[0] == '\r' && p[1] == '\n', "%s: a record ends with CRLF:\n%s", what, s);
			p += 2;
			break;
		}
		cr_assert_eq(k, fields, "%s: a record of %zu fields, not %zu:\n%s", what, k, fields, s);
	}
}

static void check_json(const char *what, const char *s, size_t n, bool lines)
{
	cr_assert(ip_utf8_valid(s, n), "%s: not valid UTF-8", what);
	if (!lines) {
		cJSON *j = cJSON_Parse(s);
		cr_assert_not_null(j, "%s: not JSON:\n%s", what, s);
		cJSON_Delete(j);
		return;
	}
	for (const char *p = s; *p;) {
		const char *e = strchr(p, '\n');
		cr_assert_not_null(e, "%s: a JSON line without its line break", what);
		char *line = strndup(p, (size_t)(e - p));
		cJSON *j = cJSON_Parse(line);
		cr_assert_not_null(j, "%s: not a JSON line: %s", what, line);
		cJSON_Delete(j);
		free(line);
		p = e + 1;
	}
}

static void check_yaml(const char *what, const char *s, size_t n)
{
	cr_assert(ip_utf8_valid(s, n), "%s: not valid UTF-8", what);
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)s, n);
	bool done = false;
	while (!done) {
		cr_assert(yaml_parser_parse(&p, &ev), "%s: not YAML: %s", what, p.problem);
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

/* --- every command x format over hostile names ----------------------------- */

typedef enum kind { K_TEXT, K_MARKDOWN, K_CSV, K_JSON, K_JSONL, K_YAML } kind;

typedef struct output_case {
	const char *args;
	kind kind;
} output_case;

/* B: the before capture, A: the after one, T: one with findings (an MD5
 * mismatch); fleet: a folder, fleet.tar: the same as an archive */
static const output_case outputs[] = {
	{ "lint --format text *-T.log", K_TEXT },
	{ "lint --format gcc *-T.log", K_TEXT },
	{ "lint --format markdown *-T.log", K_MARKDOWN },
	{ "lint --format json *-T.log", K_JSON },
	{ "lint --format sarif *-T.log", K_JSON },
	{ "lint --format codeclimate *-T.log", K_JSON },
	{ "lint --format text " R1_IMAGE " *-B.log", K_TEXT },
	{ "lint --format markdown " R1_IMAGE " *-B.log", K_MARKDOWN },
	{ "facts *-B.log", K_TEXT },
	{ "facts --format json *-B.log", K_JSON },
	{ "plan " R1_TARGET " *-B.log", K_TEXT },
	{ "plan --format markdown " R1_TARGET " *-B.log", K_MARKDOWN },
	{ "plan --format json " R1_TARGET " *-B.log", K_JSON },
	{ "plan --format ansible " R1_TARGET " *-B.log", K_YAML },
	{ "verify --before *-B.log --after *-A.log " R1_IMAGE, K_TEXT },
	{ "verify --format markdown --before *-B.log --after *-A.log " R1_IMAGE, K_MARKDOWN },
	{ "verify --format json --before *-B.log --after *-A.log " R1_IMAGE, K_JSON },
	{ "verify --format sarif --before *-B.log --after *-A.log " R1_IMAGE, K_JSON },
	{ "audit --format table fleet", K_TEXT },
	{ "audit --format csv fleet", K_CSV },
	{ "audit --format markdown fleet", K_MARKDOWN },
	{ "audit --format jsonl fleet", K_JSONL },
	{ "audit --format sarif fleet", K_JSON },
	{ "audit --format table fleet.tar", K_TEXT },
	{ "audit --format csv fleet.tar", K_CSV },
	{ "audit --format markdown fleet.tar", K_MARKDOWN },
	{ "audit --format jsonl fleet.tar", K_JSONL },
};

/* Hostnames as the "X uptime is" line gives them: one word, the capture
 * reader having taken out C0, DEL and escape sequences already. */
static const char *const hostnames[] = {
	"=cmd|'/Ccalc'!A0",
	"+cmd|'/Ccalc'!A0",
	"-2+3+cmd|'/Ccalc'!A0",
	"@SUM(1+1)*cmd|'/Ccalc'!A0",
	"<script>alert(1)</script>",
	"[x](http://evil)",
	"![x](https://evil/p.png)",
	"a`b``c",
	"a|b|c",
	"*R1*_x_~~y~~#z",
	"R\xc2\x9b" "2J\xc2\x9d" "0;t\xc2\x9c",
	"R\x9b" "2J\x9d" "0;t",
	"R\xff\xfe\xc0\xaf",
	"R\xe2\x80\xae" "gol.exe",
	"www.evil.example",
};

/* Every hostname as its own device (prompts D0#, D1#, ...): before and
 * after captures and one with findings, under the hostile file name; the
 * before captures in fleet/ with an empty file of a hostile name beside
 * them (an input problem), and fleet/ as a tar archive. */
static void setup_names(void)
{
	char name[512], prompt[16];
	for (size_t i = 0; i < sizeof(hostnames) / sizeof(hostnames[0]); i++) {
		snprintf(prompt, sizeof(prompt), "D%zu", i);
		snprintf(name, sizeof(name), "%s-%zu-B.log", hostile_file, i);
		put_capture("netstuts-r1.log", hostnames[i], prompt, name);
		snprintf(name, sizeof(name), "%s-%zu-A.log", hostile_file, i);
		put_capture("verify/r1-after-reload.log", hostnames[i], prompt, name);
		snprintf(name, sizeof(name), "%s-%zu-T.log", hostile_file, i);
		put_capture("traps/md5-mismatch.log", hostnames[i], prompt, name);
	}
	sh("mkdir fleet && cp -- *-B.log fleet/");
	snprintf(name, sizeof(name), "fleet/%s-empty.log", hostile_file);
	write_file(name, "", 0);
	sh("cd fleet && tar -cf ../fleet.tar -- *");
}

static void check_output(const char *what, kind k, const result *r, const char *const *hosts, size_t n_hosts)
{
	check_text(what, r->err, r->err_len); /* stderr is a terminal too */
	switch (k) {
	case K_TEXT: check_text(what, r->out, r->out_len); break;
	case K_MARKDOWN: check_markdown(what, r->out, r->out_len, hosts, n_hosts); break;
	case K_CSV: check_csv(what, r->out, r->out_len, 20); break;
	case K_JSON: check_json(what, r->out, r->out_len, false); break;
	case K_JSONL: check_json(what, r->out, r->out_len, true); break;
	case K_YAML: check_yaml(what, r->out, r->out_len); break;
	}
}

/* One case per command and format, over every hostile hostname at once. */
IP_TABLE_PARAMS(output_hostile, every_output, outputs)
ParameterizedTest(size_t *row, output_hostile, every_output, .init = make_dir, .fini = remove_dir,
		  .timeout = 300)
{
	test_memcheck_sample(*row);
	const output_case *c = &outputs[*row];
	setup_names();
	result r = run(c->args);
	char what[600];
	snprintf(what, sizeof(what), "iosplan %s", c->args);
	cr_assert(r.status <= 2, "%s: exit %d\n%s", what, r.status, r.err);
	cr_assert_gt(r.out_len, 0, "%s printed nothing\n%s", what, r.err);
	check_output(what, c->kind, &r, hostnames, sizeof(hostnames) / sizeof(hostnames[0]));
	result_free(&r);
}

/* Every byte value: in a hostname (all but space, the C0 controls and
 * DEL, which end the word or which the capture reader removes) and in file
 * names (all but '/'; two names, a name being at most 255 bytes). */
Test(output_hostile, every_byte_value, .init = make_dir, .fini = remove_dir, .timeout = 300)
{
	char host[256], low[200], high[200];
	size_t n = 0, nl = 0, nh = 0;
	for (int b = 0x21; b < 0x100; b++)
		if (b != 0x7f)
			host[n++] = (char)b;
	host[n] = '\0';
	for (int b = 1; b < 0x80; b++)
		if (b != '/')
			low[nl++] = (char)b;
	memcpy(low + nl, "-B.log", 7);
	for (int b = 0x80; b < 0x100; b++)
		high[nh++] = (char)b;
	memcpy(high + nh, "-B.log", 7);
	put_capture("traps/md5-mismatch.log", host, "R1", low);
	put_capture("traps/md5-mismatch.log", "R2", "R2", high);
	sh("mkdir fleet && cp -- *-B.log fleet/");
	static const output_case every[] = {
		{ "lint --format text *-B.log", K_TEXT },
		{ "lint --format gcc *-B.log", K_TEXT },
		{ "lint --format json *-B.log", K_JSON },
		{ "lint --format sarif *-B.log", K_JSON },
		{ "lint --format codeclimate *-B.log", K_JSON },
		{ "facts *-B.log", K_TEXT },
		{ "facts --format json *-B.log", K_JSON },
		{ "plan --format json " R1_TARGET " *-B.log", K_JSON },
		{ "plan --format ansible " R1_TARGET " *-B.log", K_YAML },
		{ "audit --format jsonl fleet", K_JSONL },
		{ "audit --format sarif fleet", K_JSON },
		{ "audit --format table fleet", K_TEXT },
		{ "audit --format csv fleet", K_CSV },
	};
	for (size_t i = 0; i < sizeof(every) / sizeof(every[0]); i++) {
		result r = run(every[i].args);
		char what[600];
		snprintf(what, sizeof(what), "every byte: iosplan %s", every[i].args);
		cr_assert(r.status <= 2 && r.out_len > 0, "%s: exit %d\n%s", what, r.status, r.err);
		const char *hosts[] = { host };
		check_output(what, every[i].kind, &r, hosts, 1);
		result_free(&r);
	}
}

/* --- writes ---------------------------------------------------------------- */

/* Every command, and each format where it is cheap: what it prints must
 * reach its reader or the exit code says it did not. */
static const char *const writers[] = {
	"lint netstuts-r1.log",
	"lint --format gcc traps/register-2142.log",
	"lint --format json netstuts-r1.log",
	"lint --format sarif netstuts-r1.log",
	"lint --format markdown netstuts-r1.log",
	"lint --format codeclimate netstuts-r1.log",
	"facts netstuts-r1.log",
	"facts --format json netstuts-r1.log",
	"hash netstuts-r1.log",
	"hash --format json netstuts-r1.log",
	"rules",
	"explain config-register",
	"--version",
	"--help",
	"lint --help",
	"plan " R1_TARGET " netstuts-r1.log",
	"plan --format markdown " R1_TARGET " netstuts-r1.log",
	"plan --format json " R1_TARGET " netstuts-r1.log",
	"plan --format ansible " R1_TARGET " netstuts-r1.log",
	"verify --before netstuts-r1.log --after verify/r1-after-reload.log " R1_IMAGE,
	"verify --format json --before netstuts-r1.log --after verify/r1-after-reload.log " R1_IMAGE,
	"verify --format markdown --before netstuts-r1.log --after verify/r1-after-reload.log " R1_IMAGE,
	"verify --format sarif --before netstuts-r1.log --after verify/r1-after-reload.log " R1_IMAGE,
	"lsp --help",
	"audit --format table rancid",
	"audit --format jsonl rancid",
	"audit --format csv rancid",
	"audit --format markdown rancid",
	"audit --format sarif rancid",
};

/* Run from samples/ with stdout redirected as `redir` says. */
static result run_samples(const char *args, const char *redir)
{
	char cmd[2048], err[300];
	snprintf(err, sizeof(err), "%s.err", dir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && exec timeout 60 '%s' %s </dev/null 2>'%s' %s", test_samples_dir(),
		 getenv("IOSPLAN_BIN"), args, err, redir);
	int st = system(cmd);
	result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), NULL, NULL, 0, 0 };
	r.err = test_read_file(err, &r.err_len);
	cr_assert_not_null(r.err);
	unlink(err);
	return r;
}

IP_TABLE_PARAMS(output_writes, full_disk, writers)
ParameterizedTest(size_t *row, output_writes, full_disk, .init = make_dir, .fini = remove_dir)
{
	result r = run_samples(writers[*row], ">/dev/full");
	cr_expect_eq(r.status, 2, "iosplan %s >/dev/full: exit %d", writers[*row], r.status);
	cr_expect_not_null(strstr(r.err, "iosplan: error: cannot write standard output: No space left on device\n"),
			   "iosplan %s >/dev/full: %s", writers[*row], r.err);
	result_free(&r);
}

/* A writer whose output failed stops (the writer contract, lint/cli.h):
 * hash reads no more files once its stdout is full (each may be gigabytes),
 * so the second, unreadable one is never opened and never complained of. */
Test(output_writes, hash_stops_at_failed_write, .init = make_dir, .fini = remove_dir)
{
	result r = run_samples("hash netstuts-r1.log no-such-file", ">/dev/full");
	cr_expect_eq(r.status, 2, "exit %d", r.status);
	cr_expect_not_null(strstr(r.err, "cannot write standard output: No space left on device\n"), "%s", r.err);
	cr_expect_null(strstr(r.err, "no-such-file"), "hash went on after the failed write: %s", r.err);
	result_free(&r);
}

/* A closed stdout: the error, exit 2, and the output nowhere else (not in
 * a file the command opened, nor on stderr). */
IP_TABLE_PARAMS(output_writes, closed_stdout, writers)
ParameterizedTest(size_t *row, output_writes, closed_stdout, .init = make_dir, .fini = remove_dir)
{
	result r = run_samples(writers[*row], ">&-");
	cr_expect_eq(r.status, 2, "iosplan %s >&-: exit %d", writers[*row], r.status);
	cr_expect_not_null(strstr(r.err, "iosplan: error: cannot write standard output: Bad file descriptor\n"),
			   "iosplan %s >&-: %s", writers[*row], r.err);
	cr_expect_lt(r.err_len, 400, "iosplan %s >&-: the output went to stderr: %s", writers[*row], r.err);
	result_free(&r);
}

/* The language server writes with writev on its own descriptor, not
 * through stdio: a failed write (not the client leaving) is the same
 * error and exit 2 as for every other command (issue 19), where it used to
 * stop and exit 0. */
typedef struct lsp_write_case {
	const char *redir, *reason;
} lsp_write_case;

static const lsp_write_case lsp_writes[] = {
	{ ">/dev/full", "No space left on device" },
	{ ">&-", "Bad file descriptor" },
};

IP_TABLE_PARAMS(output_writes, lsp, lsp_writes)
ParameterizedTest(size_t *row, output_writes, lsp, .init = make_dir, .fini = remove_dir)
{
	static const char body[] = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
	char in[300], err[300], cmd[2048];
	snprintf(in, sizeof(in), "%s.in", dir);
	snprintf(err, sizeof(err), "%s.err", dir);
	FILE *f = fopen(in, "w");
	cr_assert_not_null(f);
	fprintf(f, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
	cr_assert_eq(fclose(f), 0);
	snprintf(cmd, sizeof(cmd), "exec timeout 60 '%s' lsp <'%s' 2>'%s' %s", getenv("IOSPLAN_BIN"), in, err,
		 lsp_writes[*row].redir);
	int st = system(cmd);
	char *text = test_read_file(err, NULL);
	cr_assert_not_null(text);
	char want[200];
	snprintf(want, sizeof(want), "iosplan: error: cannot write standard output: %s\n", lsp_writes[*row].reason);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 2, "lsp %s: status %#x", lsp_writes[*row].redir, st);
	cr_expect_not_null(strstr(text, want), "lsp %s: %s", lsp_writes[*row].redir, text);
	free(text);
	unlink(in);
	unlink(err);
}

/* audit --output to a place that cannot be written, in every format: exit
 * 2 and the reason, whether the file cannot be made or its writes fail. */
static const char *const audit_formats[] = { "table", "jsonl", "csv", "markdown", "sarif" };

IP_TABLE_PARAMS(output_writes, audit_output, audit_formats)
ParameterizedTest(size_t *row, output_writes, audit_output, .init = make_dir, .fini = remove_dir)
{
	static const struct {
		const char *path, *reason;
	} places[] = {
		{ "/dev/full", "No space left on device" },
		{ "%s/no-such-folder/report", "No such file or directory" },
	};
	for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++) {
		char path[400], args[600], want[600];
		snprintf(path, sizeof(path), places[i].path, dir);
		snprintf(args, sizeof(args), "audit --format %s --output '%s' rancid", audit_formats[*row], path);
		result r = run_samples(args, "");
		snprintf(want, sizeof(want), "cannot write %s: %s\n", path, places[i].reason);
		cr_expect_eq(r.status, 2, "iosplan %s: exit %d", args, r.status);
		cr_expect_not_null(strstr(r.err, want), "iosplan %s: %s", args, r.err);
		result_free(&r);
	}
}

typedef enum sigpipe_how { SP_DEFAULT, SP_IGNORED, SP_BLOCKED } sigpipe_how;

/* Run iosplan with stdout a pipe whose reader has already left, SIGPIPE
 * as the parent left it; the status as waitpid gives it and stderr. */
static int run_broken_pipe(const char *args, sigpipe_how how, char **err)
{
	int p[2];
	cr_assert_eq(pipe(p), 0);
	close(p[0]);
	char errpath[300], cmd[2048];
	snprintf(errpath, sizeof(errpath), "%s.err", dir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && exec '%s' %s", test_samples_dir(), getenv("IOSPLAN_BIN"), args);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		int e = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int in = open("/dev/null", O_RDONLY);
		dup2(p[1], 1);
		dup2(e, 2);
		dup2(in, 0);
		if (how == SP_IGNORED)
			signal(SIGPIPE, SIG_IGN);
		if (how == SP_BLOCKED) {
			sigset_t s;
			sigemptyset(&s);
			sigaddset(&s, SIGPIPE);
			sigprocmask(SIG_BLOCK, &s, NULL);
		}
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	int st;
	cr_assert_eq(waitpid(pid, &st, 0), pid);
	*err = test_read_file(errpath, NULL);
	unlink(errpath);
	return st;
}

/* Nothing on stderr but Valgrind's own lines ("==PID== ...": the test
 * suite's Valgrind pass runs iosplan under it). */
static bool quiet(const char *err)
{
	if (!err)
		return false;
	for (const char *p = err; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
		if (strncmp(p, "==", 2) != 0)
			return false;
	return true;
}

/* The reader left (`| head -1`): iosplan ends quietly, by SIGPIPE, whether
 * the parent left SIGPIPE alone, ignored it or blocked it. */
IP_TABLE_PARAMS(output_writes, closed_pipe, writers)
ParameterizedTest(size_t *row, output_writes, closed_pipe, .init = make_dir, .fini = remove_dir)
{
	static const char *const hows[] = { "default", "ignored", "blocked" };
	for (int how = SP_DEFAULT; how <= SP_BLOCKED; how++) {
		char *err = NULL;
		int st = run_broken_pipe(writers[*row], (sigpipe_how)how, &err);
		cr_expect(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
			  "iosplan %s | (reader gone), SIGPIPE %s: not ended by SIGPIPE (status %#x)", writers[*row],
			  hows[how], st);
		cr_expect(quiet(err), "iosplan %s, SIGPIPE %s: said something: %s", writers[*row], hows[how],
			  err ? err : "?");
		free(err);
	}
}

/* With a closed stderr (or stdin), audit --output would be given that
 * descriptor: its progress bar and errors would land in the report. */
static const char *const closed_fds[] = { "2>&-", "0<&-", "0<&- 2>&-" };

IP_TABLE_PARAMS(output_writes, closed_stderr_keeps_report_pure, closed_fds)
ParameterizedTest(size_t *row, output_writes, closed_stderr_keeps_report_pure, .init = make_dir,
		  .fini = remove_dir)
{
	/* a fleet with an error finding and an input problem, so that
	 * something is said on stderr and the progress bar draws */
	char cmd[2048], report[300];
	snprintf(report, sizeof(report), "%s/report.jsonl", dir);
	sh("mkdir fleet && : > fleet/empty.log");
	snprintf(cmd, sizeof(cmd), "cp '%s/traps/register-2142.log' '%s/netstuts-r1.log' '%s/fleet/'", test_samples_dir(),
		 test_samples_dir(), dir);
	cr_assert_eq(system(cmd), 0);
	/* not under the Valgrind pass: Valgrind itself cannot start without
	 * its standard error */
	snprintf(cmd, sizeof(cmd), "cd '%s' && env -u IOSPLAN_VALGRIND '%s' audit --progress always --format jsonl "
		 "--output '%s' fleet bad-path-%zu %s", dir, getenv("IOSPLAN_BIN"), report, *row, closed_fds[*row]);
	int st = system(cmd);
	/* inputs not used (the empty file, bad-path-N): exit 2 after the whole
	 * report, which is still written (issue 23) */
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 2, "%s: status %#x", cmd, st);
	size_t n;
	char *text = test_read_file(report, &n);
	cr_assert_not_null(text);
	check_json(closed_fds[*row], text, n, true);
	cr_expect_null(strstr(text, "ETA"), "the progress bar is in the report:\n%s", text);
	cr_expect_null(strchr(text, '\r'), "the progress bar is in the report:\n%s", text);
	free(text);
}
