/* `iosplan audit` against hostile trees (issue 18, points 3 to 6): reads
 * bounded by what was read (a writer racing the audit, pseudo-files), the
 * walk staying inside what was named (links in and out of the tree, link
 * loops, pipes, sockets, devices), `--output` never destroying an input
 * nor the previous report, and archives made the usual ways (`tar -C d .`,
 * `tar d`, zip) auditing as their folder. Every run has a timeout: a walk
 * that opens a pipe blocks, and that is a failure here, not a hang. */
#include <archive.h>
#include <archive_entry.h>
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"

static char tmp[100];

static void setup(void)
{
	test_tmpdir_make(tmp, sizeof(tmp), "audit-safety");
}

static void teardown(void)
{
	test_tmpdir_remove(tmp);
}


typedef struct result {
	int status; /* 124: timed out (blocked); 128 + signal: crashed */
	char *out, *err;
} result;

/* iosplan ARGS in {tmp}, under a timeout. */
static result audit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static result audit(const char *fmt, ...)
{
	char args[2048], cmd[4096], out[200], err[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(args, sizeof(args), fmt, ap);
	va_end(ap);
	snprintf(out, sizeof(out), "%s/.stdout", tmp);
	snprintf(err, sizeof(err), "%s/.stderr", tmp);
	snprintf(cmd, sizeof(cmd), "cd '%s' && timeout -s KILL 60 '%s' audit %s >'%s' 2>'%s' </dev/null",
		 tmp, getenv("IOSPLAN_BIN"), args, out, err);
	int st = system(cmd);
	result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), test_read_file(out, NULL),
		     test_read_file(err, NULL) };
	cr_assert(r.out && r.err);
	return r;
}

static void result_free(result *r)
{
	free(r->out);
	free(r->err);
}

/* The jsonl record of type `type` (and `key` = `value` when key is set). */
static cJSON *record(const char *text, const char *type, const char *key, const char *value)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		cJSON *o = cJSON_ParseWithLength(p, n);
		cr_assert_not_null(o, "each line is JSON: %.*s", (int)n, p);
		const cJSON *t = cJSON_GetObjectItem(o, "type");
		const cJSON *k = key ? cJSON_GetObjectItem(o, key) : NULL;
		if (cJSON_IsString(t) && !strcmp(t->valuestring, type) &&
		    (!key || (cJSON_IsString(k) && strstr(k->valuestring, value))))
			return o;
		cJSON_Delete(o);
		p = nl ? nl + 1 : p + n;
	}
	return NULL;
}

static int summary_num(const char *out, const char *name)
{
	cJSON *s = record(out, "summary", NULL, NULL);
	cr_assert_not_null(s, "a summary in:\n%s", out);
	const cJSON *v = cJSON_GetObjectItem(s, name);
	cr_assert(cJSON_IsNumber(v), "summary.%s", name);
	int n = v->valueint;
	cJSON_Delete(s);
	return n;
}

/* The problem for a path ending in `path`; its message, malloc'd, or NULL. */
static char *problem_of(const char *out, const char *path)
{
	for (const char *p = out; (p = strstr(p, "{\"type\":\"problem\""));) {
		const char *nl = strchr(p, '\n');
		cJSON *o = cJSON_ParseWithLength(p, nl ? (size_t)(nl - p) : strlen(p));
		const char *pp = cJSON_GetObjectItem(o, "path")->valuestring;
		size_t a = strlen(pp), b = strlen(path);
		char *msg = a >= b && !strcmp(pp + a - b, path)
			? strdup(cJSON_GetObjectItem(o, "message")->valuestring) : NULL;
		cJSON_Delete(o);
		if (msg)
			return msg;
		p = nl ? nl : p + 1;
	}
	return NULL;
}

/* --- 3. reads bounded by what was read --------------------------------------------- */

enum { RACE_FILES = 4 };

/* A writer as RANCID is one, as fast as it can: each backup truncated,
 * rewritten whole, now and then grown past where it was or cut short
 * again; until killed. The audit sees files empty, half written, longer
 * than stat said, shorter than stat said. */
static pid_t start_writer(const char *dir, const char *capture, size_t len)
{
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid)
		return pid;
	char path[300];
	for (unsigned i = 0;; i++) {
		snprintf(path, sizeof(path), "%s/dev%u.log", dir, i % RACE_FILES);
		int fd = open(path, O_WRONLY | O_TRUNC);
		if (fd < 0 || write(fd, capture, len) < 0)
			_exit(1);
		if (i % 3 == 0 && write(fd, capture, len) < 0) /* grown past its size */
			_exit(1);
		if (i % 5 == 0 && ftruncate(fd, (off_t)(len / 3)) != 0) /* cut short */
			_exit(1);
		close(fd);
	}
}

/* Before: the buffer was sized by stat() and filled from the file, so a
 * file seen empty and read once rewritten overflowed the heap (glibc:
 * "malloc(): invalid size", ASan: heap-buffer-overflow). Now every audit
 * ends normally, whatever it saw of each file. */
Test(audit_safety, writer_racing_the_audit, .init = setup, .fini = teardown, .timeout = 240)
{
	char dir[200], src[300];
	snprintf(dir, sizeof(dir), "%s/fleet", tmp);
	snprintf(src, sizeof(src), "%s/netstuts-r1.log", test_samples_dir());
	size_t len;
	char *capture = test_read_file(src, &len);
	cr_assert(capture && len > 2048);
	test_sh("mkdir '%s'", dir);
	for (int i = 0; i < RACE_FILES; i++)
		test_sh("cp '%s' '%s/dev%d.log'", src, dir, i);
	pid_t w = start_writer(dir, capture, len);
	int runs = 0, devices = 0;
	for (time_t end = time(NULL) + 6; runs < 12 || time(NULL) < end; runs++) {
		result r = audit("--jobs %d --format jsonl fleet", runs % 2 + 1);
		/* (a sanitizer's report exits 1 too); a file seen empty or cut
		 * short is an input not used: exit 2 after the whole report */
		cr_assert(r.status >= 0 && r.status <= 2 && !strstr(r.err, "Sanitizer"),
			  "run %d: exit %d (crashed?):\n%s", runs, r.status, r.err);
		devices += summary_num(r.out, "devices");
		result_free(&r);
	}
	kill(w, SIGKILL);
	waitpid(w, NULL, 0);
	cr_assert_gt(devices, 0, "the racing files are audited too (%d runs)", runs);
	free(capture);
}

/* /proc says "regular, 0 bytes" and holds more: named, it is a pseudo-file,
 * skipped (before: read into a 1-byte buffer). */
Test(audit_safety, pseudo_file_named, .init = setup, .fini = teardown)
{
	result r = audit("--format jsonl /proc/self/status /proc/self/maps");
	/* named by the user, so an input not used (issue 23) */
	cr_assert_eq(r.status, 2, "%s", r.err);
	char *m = problem_of(r.out, "/proc/self/maps");
	cr_assert(m && strstr(m, "pseudo-file"), "%s", r.out);
	free(m);
	cr_assert_eq(summary_num(r.out, "files"), 0);
	result_free(&r);
}

/* --- 4. the walk stays inside what was named -------------------------------------------- */

typedef struct walk_case {
	const char *name;
	const char *make;    /* shell in {tmp}, after fleet/good.log and outside/R9.log */
	const char *path;    /* the problem's path, under fleet/ */
	const char *msg_has; /* its message */
	bool root_only;      /* mknod */
} walk_case;

static const walk_case walk_cases[] = {
	{ "link inside the tree", "ln -s good.log fleet/again.log", "fleet/again.log",
	  "symbolic link to a file: not followed", false },
	{ "link to /etc/passwd", "ln -s /etc/passwd fleet/passwd", "fleet/passwd",
	  "not followed", false },
	{ "link to a file outside", "ln -s ../outside/R9.log fleet/r9.log", "fleet/r9.log",
	  "not followed", false },
	{ "link to a folder outside", "ln -s ../outside fleet/other", "fleet/other",
	  "symbolic link to a directory: not followed", false },
	{ "absolute link to a folder outside", "ln -s \"$PWD/outside\" fleet/abs", "fleet/abs",
	  "symbolic link to a directory: not followed", false },
	{ "link to /proc", "ln -s /proc/self/status fleet/status", "fleet/status", "not followed",
	  false },
	{ "link to a pipe", "mkfifo outside/p && ln -s ../outside/p fleet/p", "fleet/p",
	  "not followed", false },
	{ "link loop to a parent", "mkdir fleet/sub && ln -s .. fleet/sub/up", "fleet/sub/up",
	  "symbolic link loop", false },
	{ "link to itself", "ln -s self fleet/self", "fleet/self", "symbolic link loop", false },
	{ "links in a ring", "ln -s b fleet/a && ln -s a fleet/b", "fleet/a", "symbolic link loop",
	  false },
	{ "dangling link", "ln -s nowhere fleet/gone", "fleet/gone", "dangling symbolic link",
	  false },
	{ "named pipe", "mkfifo fleet/pipe.log", "fleet/pipe.log", "named pipe (FIFO): skipped",
	  false },
	{ "socket", "python3 -c \"import socket; socket.socket(socket.AF_UNIX).bind('fleet/sock')\"",
	  "fleet/sock", "socket: skipped", false },
	{ "character device", "mknod fleet/null c 1 3", "fleet/null", "character device: skipped",
	  true },
};

/* Each: its problem, the good device audited once, nothing from outside
 * (R9 is a valid capture there; /etc/passwd would be a "no device" file),
 * the one regular file read, and no block (the pipe). */
IP_TABLE_PARAMS(audit_safety, walk, walk_cases)
ParameterizedTest(size_t *row, audit_safety, walk, .init = setup, .fini = teardown)
{
	const walk_case *c = &walk_cases[*row];
	if (c->root_only && geteuid() != 0)
		cr_skip_test("%s: mknod needs root", c->name);
	test_sh("cd '%s' && mkdir fleet outside && cp '%s/netstuts-r1.log' fleet/good.log && "
	   "cp '%s/netstuts-sw1.log' outside/R9.log && %s", tmp, test_samples_dir(),
	   test_samples_dir(), c->make);
	for (int jobs = 1; jobs <= 2; jobs++) {
		result r = audit("--jobs %d --format jsonl fleet", jobs);
		cr_assert_eq(r.status, 0, "%s: exit %d: %s", c->name, r.status, r.err);
		char *m = problem_of(r.out, c->path);
		cr_assert(m && strstr(m, c->msg_has), "%s: a problem for %s saying '%s':\n%s",
			  c->name, c->path, c->msg_has, r.out);
		free(m);
		cr_assert_eq(summary_num(r.out, "devices"), 1, "%s: good.log only, once:\n%s",
			     c->name, r.out);
		cr_assert_eq(summary_num(r.out, "files"), 1, "%s: one file read:\n%s", c->name,
			     r.out);
		cr_assert_null(strstr(r.out, "NetsTuts_SW1"), "%s: nothing from outside", c->name);
		result_free(&r);
	}
}

/* A PATH the user names is followed, link or not: it is what they chose. */
Test(audit_safety, named_link_is_followed, .init = setup, .fini = teardown)
{
	test_sh("cd '%s' && mkdir fleet && cp '%s/netstuts-r1.log' fleet/ && ln -s fleet named && "
	   "ln -s fleet/netstuts-r1.log one.log", tmp, test_samples_dir());
	result r = audit("--format jsonl named one.log");
	cr_assert_eq(r.status, 0, "%s", r.err);
	/* both names are read: two records of one box, counted once
	 * (lint/audit/audit_fleet.c) */
	cr_assert_eq(summary_num(r.out, "devices"), 1, "%s", r.out);
	cr_assert_eq(summary_num(r.out, "again"), 1, "%s", r.out);
	cr_assert_eq(summary_num(r.out, "problems"), 0, "%s", r.out);
	result_free(&r);
}

/* A pipe named on the command line is not opened either (opening blocks
 * until a writer comes). */
Test(audit_safety, named_pipe_named, .init = setup, .fini = teardown)
{
	test_sh("cd '%s' && mkfifo p", tmp);
	result r = audit("--format jsonl p");
	/* named by the user, so an input not used: exit 2 (issue 23) */
	cr_assert_eq(r.status, 2, "exit %d: %s", r.status, r.err);
	char *m = problem_of(r.out, "p");
	cr_assert(m && strstr(m, "named pipe"), "%s", r.out);
	free(m);
	result_free(&r);
}

/* --- 5. --output ----------------------------------------------------------------------- */

static const char previous[] = "the previous report\n";

static void write_text(const char *rel, const char *text)
{
	char path[300];
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

static char *read_rel(const char *rel, size_t *len)
{
	char path[300];
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	return test_read_file(path, len);
}

/* The names in {tmp}/dir, hidden ones included, space-separated. */
static char *names_in(const char *dir)
{
	char cmd[400], *line = NULL;
	size_t cap = 0;
	snprintf(cmd, sizeof(cmd), "cd '%s/%s' && ls -A | grep -v '^\\.std' | tr '\\n' ' '", tmp, dir);
	FILE *p = popen(cmd, "r");
	if (getline(&line, &cap, p) < 0) {
		free(line);
		line = strdup("");
	}
	pclose(p);
	return line;
}

typedef struct output_case {
	const char *name;
	const char *make;   /* shell in {tmp}, after fleet/r1.log and fleet.tgz */
	const char *args;   /* audit ARGS */
	const char *victim; /* the input that must come out intact */
} output_case;

static const output_case output_cases[] = {
	{ "the archive", "", "--output fleet.tgz fleet.tgz", "fleet.tgz" },
	{ "the archive, among others", "", "--output fleet.tgz fleet fleet.tgz", "fleet.tgz" },
	{ "a backup inside the walked folder", "", "--output fleet/r1.log fleet", "fleet/r1.log" },
	{ "a backup deep in the folder", "mkdir -p fleet/a/b && cp fleet/r1.log fleet/a/b/r2.log",
	  "--output fleet/a/b/r2.log fleet", "fleet/a/b/r2.log" },
	{ "a hard link to a backup", "ln fleet/r1.log report.jsonl", "--output report.jsonl fleet",
	  "fleet/r1.log" },
	{ "a symbolic link to a backup", "ln -s fleet/r1.log report.jsonl",
	  "--output report.jsonl fleet", "fleet/r1.log" },
	{ "the file named", "", "--output fleet/r1.log fleet/r1.log", "fleet/r1.log" },
};

/* Refused before anything is written: exit 2, the input's bytes as they
 * were (before: truncated, then audited as "file is empty", exit 0). */
IP_TABLE_PARAMS(audit_safety, output_is_input, output_cases)
ParameterizedTest(size_t *row, audit_safety, output_is_input, .init = setup, .fini = teardown)
{
	const output_case *c = &output_cases[*row];
	test_sh("cd '%s' && mkdir fleet && cp '%s/netstuts-r1.log' fleet/r1.log && "
	   "tar -czf fleet.tgz fleet && %s", tmp, test_samples_dir(), *c->make ? c->make : "true");
	size_t before_len, after_len;
	char *before = read_rel(c->victim, &before_len);
	char *names = names_in(".");
	result r = audit("--format jsonl %s", c->args);
	cr_assert_eq(r.status, 2, "%s: exit %d: %s", c->name, r.status, r.err);
	cr_assert(strstr(r.err, "is one of the inputs"), "%s: %s", c->name, r.err);
	char *after = read_rel(c->victim, &after_len);
	cr_assert(after && after_len == before_len && !memcmp(after, before, before_len),
		  "%s: %s intact", c->name, c->victim);
	char *now = names_in(".");
	cr_assert_str_eq(now, names, "%s: no file left behind", c->name);
	free(now);
	free(names);
	free(before);
	free(after);
	result_free(&r);
}

/* A failed audit leaves the previous report as it was; a good one replaces
 * it, with its mode kept, and nothing else is left in the folder. */
Test(audit_safety, output_replaced_only_on_success, .init = setup, .fini = teardown)
{
	test_sh("cd '%s' && mkdir fleet out && cp '%s/netstuts-r1.log' fleet/r1.log", tmp,
	   test_samples_dir());
	write_text("out/report.jsonl", previous);
	test_sh("chmod 640 '%s/out/report.jsonl'", tmp);
	result r = audit("--format jsonl --output out/report.jsonl no-such-folder");
	cr_assert_eq(r.status, 2, "%s", r.err);
	char *t = read_rel("out/report.jsonl", NULL);
	cr_assert_str_eq(t, previous, "a failed audit leaves the report");
	free(t);
	result_free(&r);
	r = audit("--format jsonl --output out/report.jsonl fleet");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out, "");
	t = read_rel("out/report.jsonl", NULL);
	cr_assert(strstr(t, "\"type\":\"summary\""), "the new report: %s", t);
	free(t);
	char *names = names_in("out");
	cr_assert_str_eq(names, "report.jsonl ", "no temporary file left: %s", names);
	free(names);
	struct stat st;
	char path[300];
	snprintf(path, sizeof(path), "%s/out/report.jsonl", tmp);
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0640, "its mode kept: %o", st.st_mode & 0777);
	result_free(&r);
}

/* The report written into the folder being walked: its temporary file is
 * hidden, so the walk does not read the report being written. */
Test(audit_safety, output_inside_the_walk, .init = setup, .fini = teardown)
{
	test_sh("cd '%s' && mkdir fleet && cp '%s/netstuts-r1.log' fleet/r1.log", tmp,
	   test_samples_dir());
	for (int i = 0; i < 2; i++) {
		result r = audit("--format jsonl --output fleet/zz-report.jsonl fleet");
		cr_assert_eq(r.status, i ? 2 : 0, "run %d: %s", i, r.err);
		result_free(&r);
	}
	char *t = read_rel("fleet/zz-report.jsonl", NULL);
	cr_assert(t && strstr(t, "\"files\":1,"), "one file read, the report left: %s", t);
	free(t);
}

/* --- 6. archives made the usual ways ------------------------------------------------- */

/* dir's files, as zip members named PREFIX + their path. */
static void zip_dir(const char *zip, const char *dir, const char *prefix)
{
	char cmd[600], line[1024];
	snprintf(cmd, sizeof(cmd), "cd '%s' && find . -type f | sed 's|^\\./||' | LC_ALL=C sort", dir);
	FILE *p = popen(cmd, "r");
	struct archive *a = archive_write_new();
	archive_write_set_format_zip(a);
	cr_assert_eq(archive_write_open_filename(a, zip), ARCHIVE_OK, "%s", archive_error_string(a));
	while (fgets(line, sizeof(line), p)) {
		line[strcspn(line, "\n")] = '\0';
		char full[2100], member[2100];
		snprintf(full, sizeof(full), "%s/%s", dir, line);
		snprintf(member, sizeof(member), "%s%s", prefix, line);
		size_t len;
		char *buf = test_read_file(full, &len);
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, member);
		archive_entry_set_size(e, (la_int64_t)len);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		cr_assert_eq(archive_write_header(a, e), ARCHIVE_OK);
		cr_assert_eq(archive_write_data(a, buf, len), (la_ssize_t)len);
		archive_entry_free(e);
		free(buf);
	}
	pclose(p);
	cr_assert_eq(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

typedef struct archive_case {
	const char *name, *make, *zip_prefix, *input;
} archive_case;

static const archive_case archive_cases[] = {
	{ "tar -C d -czf x.tgz .", "tar -C fleet -czf x.tgz .", NULL, "x.tgz" },
	{ "tar -C d -cf x.tar .", "tar -C fleet -cf x.tar .", NULL, "x.tar" },
	{ "tar -czf x.tgz d", "tar -czf x.tgz fleet", NULL, "x.tgz" },
	{ "tar -C d -czf x.tgz ./*", "cd fleet && tar -czf ../x.tgz ./*", NULL, "x.tgz" },
	{ "zip, ./ members", NULL, "./", "x.zip" },
	{ "zip", NULL, "", "x.zip" },
};

/* Every occurrence of `what` in s removed, in place. */
static void erase(char *s, const char *what)
{
	size_t n = strlen(what);
	for (char *p; (p = strstr(s, what));)
		memmove(p, p + n, strlen(p + n) + 1);
}

static int line_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The device records, sorted and without their lists of files (an archive
 * holds its members in the order tar met them), with where their files
 * came from ("fleet/", "x.tgz:") taken out: one string. */
static char *devices_of(const result *r, const char *input)
{
	char *lines[256], prefix[64];
	size_t n = 0, total = 1;
	snprintf(prefix, sizeof(prefix), "%s:", input);
	for (const char *p = r->out; (p = strstr(p, "{\"type\":\"device\"")) && n < 256;) {
		const char *nl = strchr(p, '\n');
		/* its files in the order the archive holds them */
		cJSON *o = cJSON_ParseWithLength(p, nl ? (size_t)(nl - p) : strlen(p));
		cJSON_DeleteItemFromObject(o, "files");
		char *t = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		cr_assert(asprintf(&lines[n], "%s\n", t) > 0);
		free(t);
		erase(lines[n], prefix);
		erase(lines[n], "fleet/");
		total += strlen(lines[n++]);
		p = nl ? nl : p + 1;
	}
	qsort(lines, n, sizeof(*lines), line_cmp);
	char *all = calloc(1, total);
	for (size_t i = 0; i < n; i++) {
		strcat(all, lines[i]);
		free(lines[i]);
	}
	return all;
}

/* The same devices, findings, counts and exit code as the folder (before:
 * "./R1/..." taken for hidden files: 0 devices, exit 0). Hidden names are
 * skipped in both, wherever they are in the path. */
IP_TABLE_PARAMS(audit_safety, archive_as_folder, archive_cases)
ParameterizedTest(size_t *row, audit_safety, archive_as_folder, .init = setup, .fini = teardown)
{
	const archive_case *c = &archive_cases[*row];
	const char *s = test_samples_dir();
	test_sh("cd '%s' && mkdir -p fleet/.git fleet/site/.old && cp -r '%s/split' '%s/traps' fleet/ && "
	   "cp '%s/netstuts-r1.log' fleet/ && cp '%s/netstuts-sw1.log' fleet/.git/x.log && "
	   "cp '%s/two-routers.log' fleet/site/.old/ && cp '%s/stack-3850.log' fleet/site/.hidden.log",
	   tmp, s, s, s, s, s, s);
	if (c->make) {
		test_sh("cd '%s' && %s", tmp, c->make);
	} else {
		char zip[200], dir[200];
		snprintf(zip, sizeof(zip), "%s/%s", tmp, c->input);
		snprintf(dir, sizeof(dir), "%s/fleet", tmp);
		zip_dir(zip, dir, c->zip_prefix);
	}
	result a = audit("--jobs 1 --format jsonl fleet");
	result b = audit("--jobs 2 --format jsonl %s", c->input);
	cr_assert_eq(a.status, 1, "the folder has an error finding: %s", a.err);
	cr_assert_eq(b.status, a.status, "%s: the same exit code: %s", c->name, b.err);
	int n = summary_num(a.out, "devices");
	cr_assert_gt(n, 5);
	cr_assert_eq(summary_num(b.out, "devices"), n, "%s: the same devices:\n%s", c->name, b.out);
	cr_assert_eq(summary_num(b.out, "devices_with_errors"), summary_num(a.out, "devices_with_errors"));
	cr_assert_eq(summary_num(b.out, "problems"), summary_num(a.out, "problems"), "%s", b.out);
	cr_assert_eq(summary_num(b.out, "files"), summary_num(a.out, "files"));
	char *da = devices_of(&a, "fleet"), *db = devices_of(&b, c->input);
	cr_assert_str_eq(db, da, "%s: the same records", c->name);
	cr_assert_null(strstr(b.out, "NetsTuts_SW1"), "%s: .git skipped", c->name);
	cr_assert_null(strstr(b.out, ".hidden"), "%s: a hidden file skipped", c->name);
	free(da);
	free(db);
	result_free(&a);
	result_free(&b);
}
