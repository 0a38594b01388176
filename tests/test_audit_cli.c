/* `iosplan audit` end to end: the backups in samples/ (RANCID, Oxidized,
 * split folders, session logs), archives written here with libarchive's
 * writer (.tar, .tar.gz, .tar.xz, .zip), every broken input the audit must
 * survive, the formats, the exit codes, and --jobs never changing a byte. */
#include <archive.h>
#include <archive_entry.h>
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "iosplan_config.h"

static char tmpdir[100];

/* The approved images, here rather than samples/images.yaml so that the
 * expectations below do not move with that file. */
static const char catalog[] =
	"images:\n"
	"  - name: c2960-lanbasek9-mz.152-7.E9.bin\n"
	"    size: 12582912\n"
	"    md5: 7b4e91a2f3c8d5e0a1b6c9d2e4f70123\n"
	"    platforms: [c2960, WS-C2960+]\n"
	"  - name: isr4300-universalk9.16.12.04.SPA.bin\n"
	"    size: 521347072\n"
	"    md5: a3f8c12d9e4b72f1c8d5a0e3b6f91234\n"
	"    platforms: [isr4300]\n"
	"  - name: c2900-universalk9-mz.SPA.157-3.M8.bin\n"
	"    size: 113541892\n"
	"    md5: 5d2c1b0a9f8e7d6c5b4a39281706f5e4\n"
	"    platforms: [c2900, CISCO29]\n"
	"  - name: c1900-universalk9-mz.SPA.157-3.M8.bin\n"
	"    size: 93829120\n"
	"    md5: 0f1e2d3c4b5a69788796a5b4c3d2e1f0\n"
	"    platforms: [c1900, CISCO19]\n";

static void setup(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/iosplan-audit-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	chmod(tmpdir, 0755); /* the unreadable-directory test runs as nobody */
	char path[300];
	snprintf(path, sizeof(path), "%s/images.yaml", tmpdir);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(catalog, f);
	fclose(f);
}

static void teardown(void)
{
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", tmpdir, tmpdir);
	cr_assert_eq(system(cmd), 0);
}


typedef struct result {
	int status;
	char *out, *err;
} result;

/* iosplan ARGS run from `dir` (the samples when NULL); {tmp} is the test's
 * directory. `prefix` goes before the command (setpriv ...). */
static result run_in(const char *dir, const char *prefix, const char *args)
{
	char expanded[2048], cmd[4096], out[300], err[300];
	const char *at = strstr(args, "{tmp}");
	if (at)
		snprintf(expanded, sizeof(expanded), "%.*s%s%s", (int)(at - args), args, tmpdir, at + 5);
	else
		snprintf(expanded, sizeof(expanded), "%s", args);
	snprintf(out, sizeof(out), "%s/stdout", tmpdir);
	snprintf(err, sizeof(err), "%s/stderr", tmpdir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && %s timeout 120 '%s' %s >'%s' 2>'%s' </dev/null",
		 dir ? dir : test_samples_dir(), prefix ? prefix : "", getenv("IOSPLAN_BIN"),
		 expanded, out, err);
	int st = system(cmd);
	result r = { WIFEXITED(st) ? WEXITSTATUS(st) : 128, test_read_file(out, NULL),
		     test_read_file(err, NULL) };
	cr_assert_not_null(r.out);
	return r;
}

static result run(const char *args)
{
	return run_in(NULL, NULL, args);
}

static void result_free(result *r)
{
	free(r->out);
	free(r->err);
}

/* The jsonl line of `device`, or of type `type` when device is NULL. */
static cJSON *jsonl_find(const char *text, const char *type, const char *device)
{
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		cJSON *o = cJSON_ParseWithLength(p, n);
		cr_assert_not_null(o, "each line is JSON: %.*s", (int)n, p);
		const cJSON *t = cJSON_GetObjectItem(o, "type"), *d = cJSON_GetObjectItem(o, "device");
		if (!strcmp(t->valuestring, type) &&
		    (!device || (cJSON_IsString(d) && !strcmp(d->valuestring, device))))
			return o;
		cJSON_Delete(o);
		p = nl ? nl + 1 : NULL;
	}
	return NULL;
}

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItem(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double num_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItem(o, key);
	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static bool has_rule(const cJSON *dev, const char *rule)
{
	const cJSON *f;
	cJSON_ArrayForEach(f, cJSON_GetObjectItem(dev, "findings"))
		if (!strcmp(str_of(f, "rule"), rule))
			return true;
	return false;
}

/* --- the samples, device by device ------------------------------------------------ */

typedef struct device_case {
	const char *device;
	const char *source, *upgrade, *reload;
	int n_files;
	const char *rule;     /* a finding it must have, or NULL */
	const char *blocked;  /* text in blocked_by, or NULL */
} device_case;

static const device_case device_cases[] = {
	{ "ACC-SW-2960-31", "rancid", "current", "ok", 1, NULL, NULL },
	{ "WAN-EDGE-R5", "rancid", "plannable", "unknown", 1, "tftp-transfer", NULL },
	{ "ACC-SW-2960-05", "oxidized", "blocked", "unknown", 1, "flash-space",
	  "no complete listing of flash:" },
	{ "WAN-EDGE-R4", "oxidized", "blocked", "unknown", 1, NULL, "bootflash:" },
	{ "DIST-SW-01", "capture", "current", "ok", 4, NULL, NULL },
	/* a stale show version beside a RANCID backup, nothing to say which is
	 * newer (the copies' file times are seconds apart): refused (issue 20) */
	{ "EDGE-RTR-09", "rancid+capture", "blocked", "unknown", 2, "source-conflict",
	  "the captures disagree on the running image" },
};

IP_TABLE_PARAMS(audit, samples, device_cases)
ParameterizedTest(size_t *row, audit, samples, .init = setup, .fini = teardown)
{
	test_memcheck_sample(*row);
	const device_case *c = &device_cases[*row];
	result r = run("audit --format jsonl --catalog {tmp}/images.yaml rancid oxidized split");
	cr_assert_eq(r.status, 1, "EDGE-RTR-09's unordered files are an error: %s", r.err);
	cJSON *d = jsonl_find(r.out, "device", c->device);
	cr_assert_not_null(d, "%s audited", c->device);
	cr_assert_str_eq(str_of(d, "source"), c->source, "%s: source", c->device);
	cr_assert_str_eq(str_of(d, "upgrade"), c->upgrade, "%s: upgrade", c->device);
	cr_assert_str_eq(str_of(d, "reload"), c->reload, "%s: reload", c->device);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(d, "files")), c->n_files, "%s: files",
		     c->device);
	if (c->rule)
		cr_assert(has_rule(d, c->rule), "%s: %s", c->device, c->rule);
	if (c->blocked) {
		char *b = cJSON_PrintUnformatted(cJSON_GetObjectItem(d, "blocked_by"));
		cr_assert(strstr(b, c->blocked), "%s: blocked by %s", c->device, b);
		free(b);
	}
	cJSON_Delete(d);
	result_free(&r);
}

Test(audit, samples_summary, .init = setup, .fini = teardown)
{
	result r = run("audit --format jsonl --catalog {tmp}/images.yaml rancid oxidized split");
	cJSON *p = jsonl_find(r.out, "problem", NULL);
	cr_assert_not_null(p, "the NX-OS backup is a problem");
	cr_assert(strstr(str_of(p, "path"), "nx-core-01"));
	cr_assert(strstr(str_of(p, "message"), "another kind of device"));
	cJSON *s = jsonl_find(r.out, "summary", NULL);
	cr_assert_eq(num_of(s, "devices"), 6);
	cr_assert_eq(num_of(s, "problems"), 1);
	cr_assert_eq(num_of(s, "devices_with_errors"), 1, "EDGE-RTR-09's source-conflict");
	const cJSON *v = cJSON_GetObjectItem(cJSON_GetObjectItem(s, "versions"), "16.9.6");
	cr_assert(cJSON_IsNumber(v) && v->valueint == 2, "16.9.6 and 16.09.06 are one version");
	cJSON *head = jsonl_find(r.out, "audit", NULL);
	const cJSON *h = cJSON_GetObjectItem(head, "version");
	cr_assert(cJSON_IsNumber(h) && h->valueint == 1, "the format's version");
	cJSON_Delete(head);
	cJSON_Delete(p);
	cJSON_Delete(s);
	result_free(&r);
}

/* --- formats and exit codes ------------------------------------------------------- */

typedef struct cli_case {
	const char *name;
	const char *args;
	int status;
	const char *out_has, *out_lacks, *err_has;
} cli_case;

static const cli_case cli_cases[] = {
	{ "table", "audit --format table split", 1, "DEVICE ", NULL, NULL },
	{ "table shows the conflict", "audit --format table split", 1,
	  "error   source-conflict: the backups disagree on the running version", NULL, NULL },
	{ "csv header", "audit --format csv split rancid", 1,
	  "record,device,hostname,files,source,platform", NULL, NULL },
	{ "csv problem row", "audit --format csv rancid", 0, "problem,,,rancid/nx-core-01", NULL, NULL },
	{ "markdown", "audit --format markdown split", 1, "## Fleet summary", NULL, NULL },
	{ "markdown device", "audit --format markdown split", 1, "## EDGE-RTR-09", NULL, NULL },
	{ "jsonl is the default off a terminal", "audit split", 1, "{\"type\":\"audit\"", NULL, NULL },
	{ "error findings exit 1", "audit --format jsonl traps", 1, "\"config-register\"", NULL, NULL },
	{ "a clean device exits 0", "audit --format jsonl netstuts-r1.log", 0, NULL, NULL, NULL },
	{ "nothing readable exits 2", "audit --format jsonl no-such-dir", 2, "No such file",
	  NULL, "none of the paths" },
	/* the other path is audited in full, then exit 2 (issue 23) */
	{ "one bad path of two is a problem", "audit --format jsonl no-such-dir netstuts-r1.log", 2,
	  "\"type\":\"problem\"", NULL, NULL },
	{ "unknown format", "audit --format xml split", 2, NULL, NULL, "unknown format 'xml'" },
	{ "bad jobs", "audit --jobs 0 split", 2, NULL, NULL, "--jobs" },
	{ "no path", "audit", 2, NULL, NULL, "no PATH" },
	{ "progress never writes nothing", "audit --progress never --format jsonl split", 1, NULL,
	  NULL, NULL },
	{ "progress always draws on stderr", "audit --progress always --format jsonl split", 1, NULL,
	  NULL, "devices" },
	/* {tmp} also holds images.yaml and the run's own out and err: files
	 * with no device output, inputs not used, so exit 2 (issue 23) */
	{ "a hidden folder is skipped", "audit --format jsonl {tmp}", 2, NULL, ".git",
	  "could not be used" },
};

IP_TABLE_PARAMS(audit, cli, cli_cases)
ParameterizedTest(size_t *row, audit, cli, .init = setup, .fini = teardown)
{
	test_memcheck_sample(*row);
	const cli_case *c = &cli_cases[*row];
	test_sh("mkdir -p '%s/.git' && cp '%s/netstuts-r1.log' '%s/.git/x.log'", tmpdir,
	   test_samples_dir(), tmpdir);
	result r = run(c->args);
	cr_assert_eq(r.status, c->status, "%s: exit %d, want %d; stderr: %s", c->name, r.status,
		     c->status, r.err);
	if (c->out_has)
		cr_assert(strstr(r.out, c->out_has), "%s: output lacks '%s':\n%s", c->name, c->out_has,
			  r.out);
	if (c->out_lacks)
		cr_assert(!strstr(r.out, c->out_lacks), "%s: output has '%s'", c->name, c->out_lacks);
	if (c->err_has)
		cr_assert(strstr(r.err, c->err_has), "%s: stderr lacks '%s': %s", c->name, c->err_has,
			  r.err);
	if (strstr(c->name, "writes nothing"))
		cr_assert_str_eq(r.err, "", "%s", c->name);
	result_free(&r);
}

/* SARIF: one run, the catalogue's rules and source-conflict, results located
 * in the backup files, problems as notifications, the summary. */
Test(audit, sarif, .init = setup, .fini = teardown)
{
	result r = run("audit --format sarif --catalog {tmp}/images.yaml rancid split");
	cJSON *doc = cJSON_Parse(r.out);
	cr_assert_not_null(doc, "SARIF is JSON");
	cr_assert_str_eq(str_of(doc, "version"), "2.1.0");
	cJSON *runs = cJSON_GetObjectItem(doc, "runs");
	cr_assert_eq(cJSON_GetArraySize(runs), 1);
	cJSON *run0 = cJSON_GetArrayItem(runs, 0);
	cJSON *rules = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(run0, "tool"),
								"driver"), "rules");
	bool conflict_rule = false;
	cJSON *x;
	cJSON_ArrayForEach(x, rules)
		conflict_rule |= !strcmp(str_of(x, "id"), "source-conflict");
	cr_assert(conflict_rule);
	bool located = false, conflict = false;
	cJSON_ArrayForEach(x, cJSON_GetObjectItem(run0, "results")) {
		cJSON *loc = cJSON_GetArrayItem(cJSON_GetObjectItem(x, "locations"), 0);
		cJSON *al = cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "physicalLocation"),
						"artifactLocation");
		cr_assert_null(cJSON_GetObjectItem(al, "index"), "no artifact index without artifacts");
		const char *uri = str_of(al, "uri");
		located |= uri && strstr(uri, "rancid/acc-sw-2960-31");
		conflict |= !strcmp(str_of(x, "ruleId"), "source-conflict");
		cr_assert_not_null(str_of(cJSON_GetObjectItem(x, "properties"), "upgrade"));
	}
	cr_assert(located && conflict);
	cJSON *inv = cJSON_GetArrayItem(cJSON_GetObjectItem(run0, "invocations"), 0);
	cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItem(inv, "toolExecutionNotifications")), 1,
		     "the NX-OS backup");
	cr_assert_eq(num_of(cJSON_GetObjectItem(cJSON_GetObjectItem(run0, "properties"), "summary"),
			    "devices"), 4);
	cJSON_Delete(doc);
	result_free(&r);
}

Test(audit, output_file_only, .init = setup, .fini = teardown)
{
	char args[512];
	test_sh("mkdir '%s/w' && cp -r '%s/split' '%s/w/'", tmpdir, test_samples_dir(), tmpdir);
	snprintf(args, sizeof(args), "audit --output '%s/w/report.csv' --format csv split", tmpdir);
	char dir[300];
	snprintf(dir, sizeof(dir), "%s/w", tmpdir);
	result r = run_in(dir, NULL, args);
	cr_assert_eq(r.status, 1, "EDGE-RTR-09's source-conflict: %s", r.err);
	cr_assert_str_eq(r.out, "", "nothing on standard output");
	char path[400];
	snprintf(path, sizeof(path), "%s/w/report.csv", tmpdir);
	char *csv = test_read_file(path, NULL);
	cr_assert(csv && strstr(csv, "device,DIST-SW-01"), "the report");
	free(csv);
	snprintf(path, sizeof(path), "ls -A '%s/w' | tr '\\n' ' '", tmpdir);
	FILE *ls = popen(path, "r");
	char names[256] = "";
	cr_assert(fgets(names, sizeof(names), ls));
	pclose(ls);
	cr_assert_str_eq(names, "report.csv split ", "nothing else written: %s", names);
	result_free(&r);
}

/* The same files with times that order them (issue 20, point 5): the RANCID
 * backup written days after the stale show version wins by file time, in
 * the audit, in facts and in the plan alike, whatever the files' order. */
Test(audit, conflict_ordered_by_file_time, .init = setup, .fini = teardown)
{
	char dir[300];
	test_sh("mkdir '%s/w' && cp -r '%s/split/EDGE-RTR-09' '%s/w/' && "
		"touch -d '2026-03-01 10:00:00 UTC' '%s/w/EDGE-RTR-09/show_version.txt' && "
		"touch -d '2026-03-05 10:00:00 UTC' '%s/w/EDGE-RTR-09/edge-rtr-09.example.net'",
		tmpdir, test_samples_dir(), tmpdir, tmpdir, tmpdir);
	snprintf(dir, sizeof(dir), "%s/w", tmpdir);
	result r = run_in(dir, NULL, "audit --format jsonl --catalog {tmp}/images.yaml EDGE-RTR-09");
	cr_assert_eq(r.status, 0, "ordered: a warning, no error: %s", r.out);
	cJSON *d = jsonl_find(r.out, "device", "EDGE-RTR-09");
	cr_assert_not_null(d);
	cr_assert(has_rule(d, "source-conflict"), "still reported");
	cr_assert_str_eq(str_of(d, "version"), "15.7(3)M8", "the newer backup's version");
	cr_assert(strstr(r.out, "that file's value is used: its capture is newer (by the files' "
			 "modification times"), "says which decided: %s", r.out);
	cJSON_Delete(d);
	result_free(&r);
	/* a tar keeps the members' times: the same answer from the archive */
	test_sh("cd '%s/w' && tar -czf r9.tgz EDGE-RTR-09", tmpdir);
	r = run_in(dir, NULL, "audit --format jsonl --catalog {tmp}/images.yaml r9.tgz");
	cr_assert_eq(r.status, 0, "the archive: a warning, no error: %s", r.out);
	cr_assert(strstr(r.out, "that file's value is used: its capture is newer (by the files' "
			 "modification times"), "the archive says which decided: %s", r.out);
	result_free(&r);
	result f = run_in(dir, NULL, "facts EDGE-RTR-09/show_version.txt EDGE-RTR-09/edge-rtr-09.example.net");
	cr_assert_eq(f.status, 0);
	cr_assert(strstr(f.out, "15.7(3)M8") && !strstr(f.out, "15.4(3)M10"), "facts agree: %s", f.out);
	result_free(&f);
	result p = run_in(dir, NULL, "plan --target c2900-universalk9-mz.SPA.157-3.M8.bin "
			  "EDGE-RTR-09/show_version.txt EDGE-RTR-09/edge-rtr-09.example.net");
	cr_assert(!strstr(p.out, "the captures disagree"), "the plan is not refused for it: %s", p.out);
	cr_assert(strstr(p.out, "already") || strstr(p.out, "15.7(3)M8") || p.status != 2,
		  "the plan reads the newer version: %s", p.out);
	result_free(&p);
}

/* `current` is the planner's nothing-to-do: a switch that runs the approved
 * image but whose saved list boots the older one is not current, it gets
 * the planner's remediation plan, as `iosplan plan` prints it. */
Test(audit, current_is_the_planners_answer, .init = setup, .fini = teardown)
{
	char dir[300];
	test_sh("mkdir '%s/w' && sed -e 's#BOOT path-list      : flash:/c2960-lanbasek9-mz.152-7.E9#"
		"BOOT path-list      : flash:/c2960-lanbasek9-mz.152-7.E6#' -e 's#^boot system "
		"flash:/c2960-lanbasek9-mz.152-7.E9#boot system flash:/c2960-lanbasek9-mz.152-7.E6#' "
		"'%s/rancid/acc-sw-2960-31.campus.example.net' >'%s/w/acc-sw-2960-31'",
		tmpdir, test_samples_dir(), tmpdir);
	snprintf(dir, sizeof(dir), "%s/w", tmpdir);
	result r = run_in(dir, NULL, "audit --format jsonl --catalog {tmp}/images.yaml .");
	cJSON *d = jsonl_find(r.out, "device", "ACC-SW-2960-31");
	cr_assert_not_null(d, "%s", r.out);
	cr_assert_str_eq(str_of(d, "reload"), "changes", "the edit took: %s", r.out);
	cr_assert_str_eq(str_of(d, "upgrade"), "plannable", "runs E9, boots E6: %s", r.out);
	cJSON_Delete(d);
	result_free(&r);
	r = run_in(dir, NULL, "plan --target c2960-lanbasek9-mz.152-7.E9.bin --size 12582912 "
		   "--md5 7b4e91a2f3c8d5e0a1b6c9d2e4f70123 acc-sw-2960-31");
	cr_assert_eq(r.status, 0, "plan agrees: %s", r.out);
	cr_assert(strstr(r.out, "boot system"), "a remediation plan: %s", r.out);
	result_free(&r);
}

/* Nothing orders the sample's two files: every command gives the same
 * answer as the audit's blocked upgrade (issue 20, point 5). */
Test(audit, conflict_unordered_every_command, .init = setup, .fini = teardown)
{
	static const struct {
		const char *args;
		int status;
		const char *out_has, *err_has;
	} runs[] = {
		{ "lint split/EDGE-RTR-09/edge-rtr-09.example.net split/EDGE-RTR-09/show_version.txt",
		  1, NULL, "error: the backups disagree on the running image" },
		{ "facts split/EDGE-RTR-09/edge-rtr-09.example.net split/EDGE-RTR-09/show_version.txt",
		  0, "disputed         running image", NULL },
		{ "plan --target c2900-universalk9-mz.SPA.157-3.M8.bin "
		  "split/EDGE-RTR-09/show_version.txt split/EDGE-RTR-09/edge-rtr-09.example.net",
		  1, "the captures disagree on the running image", NULL },
		{ "verify --target c2900-universalk9-mz.SPA.157-3.M8.bin --after "
		  "split/EDGE-RTR-09/show_version.txt split/EDGE-RTR-09/edge-rtr-09.example.net",
		  2, NULL, "nothing says which capture is newer" },
	};
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		result r = run(runs[i].args);
		cr_assert_eq(r.status, runs[i].status, "%s: exit %d: %s", runs[i].args, r.status, r.err);
		if (runs[i].out_has)
			cr_assert(strstr(r.out, runs[i].out_has), "%s: %s", runs[i].args, r.out);
		if (runs[i].err_has)
			cr_assert(strstr(r.err, runs[i].err_has), "%s: %s", runs[i].args, r.err);
		result_free(&r);
	}
}

/* --- archives ----------------------------------------------------------------------- */

static int path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under dir, relative, sorted. */
static size_t list_files(const char *dir, char ***out)
{
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "cd '%s' && find . -type f | sed 's|^\\./||'", dir);
	FILE *p = popen(cmd, "r");
	char line[1024], **v = NULL;
	size_t n = 0;
	while (fgets(line, sizeof(line), p)) {
		line[strcspn(line, "\n")] = '\0';
		v = realloc(v, (n + 1) * sizeof(*v));
		v[n++] = strdup(line);
	}
	pclose(p);
	qsort(v, n, sizeof(*v), path_cmp);
	*out = v;
	return n;
}

/* dir's files into `path` with libarchive's writer, members in name order. */
static void archive_dir(const char *path, const char *dir, int format, int filter)
{
	struct archive *a = archive_write_new();
	archive_write_set_format(a, format);
	if (filter != ARCHIVE_FILTER_NONE)
		archive_write_add_filter(a, filter);
	cr_assert_eq(archive_write_open_filename(a, path), ARCHIVE_OK, "%s", archive_error_string(a));
	char **files;
	size_t n = list_files(dir, &files);
	for (size_t i = 0; i < n; i++) {
		char full[1200];
		snprintf(full, sizeof(full), "%s/%s", dir, files[i]);
		size_t len;
		char *buf = test_read_file(full, &len);
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, files[i]);
		archive_entry_set_size(e, (la_int64_t)len);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_mtime(e, 1772800000, 0);
		cr_assert_eq(archive_write_header(a, e), ARCHIVE_OK);
		cr_assert_eq(archive_write_data(a, buf, len), (la_ssize_t)len);
		archive_entry_free(e);
		free(buf);
		free(files[i]);
	}
	free(files);
	cr_assert_eq(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

/* A fleet: the samples' backups copied into `copies` site folders. */
static void make_fleet(const char *dir, int copies)
{
	test_sh("mkdir -p '%s'", dir);
	for (int i = 0; i < copies; i++)
		test_sh("mkdir '%s/site%03d' && cp -r '%s/rancid' '%s/oxidized' '%s/split' '%s/traps' "
		   "'%s/netstuts-r1.log' '%s/two-routers.log' '%s/site%03d/'", dir, i,
		   test_samples_dir(), test_samples_dir(), test_samples_dir(), test_samples_dir(),
		   test_samples_dir(), test_samples_dir(), dir, i);
}

typedef struct archive_case {
	const char *name, *file;
	int format, filter;
} archive_case;

static const archive_case archive_cases[] = {
	{ "tar", "fleet.tar", ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_NONE },
	{ "tar.gz", "fleet.tar.gz", ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP },
	{ "tgz", "fleet.tgz", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP },
	{ "tar.xz", "fleet.tar.xz", ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_XZ },
	{ "zip", "fleet.zip", ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE },
};

/* The summary line without the time it took. */
static char *summary_of(const char *out)
{
	cJSON *s = jsonl_find(out, "summary", NULL);
	cr_assert_not_null(s);
	char *t = cJSON_PrintUnformatted(s);
	cJSON_Delete(s);
	return t;
}

IP_TABLE_PARAMS(audit, archives, archive_cases)
ParameterizedTest(size_t *row, audit, archives, .init = setup, .fini = teardown)
{
	test_memcheck_sample(*row);
	const archive_case *c = &archive_cases[*row];
	char fleet[400], arc[400], args[900];
	snprintf(fleet, sizeof(fleet), "%s/fleet", tmpdir);
	snprintf(arc, sizeof(arc), "%s/%s", tmpdir, c->file);
	make_fleet(fleet, 2);
	archive_dir(arc, fleet, c->format, c->filter);
	snprintf(args, sizeof(args), "audit --format jsonl --catalog {tmp}/images.yaml '%s'", fleet);
	result a = run(args);
	snprintf(args, sizeof(args), "audit --format jsonl --catalog {tmp}/images.yaml '%s'", arc);
	result b = run(args);
	cr_assert_eq(a.status, b.status, "%s: same exit", c->name);
	char *sa = summary_of(a.out), *sb = summary_of(b.out);
	cr_assert_str_eq(sb, sa, "%s: the archive audits as the folder", c->name);
	cJSON *d = jsonl_find(b.out, "device", "ACC-SW-2960-31");
	const char *f = cJSON_GetArrayItem(cJSON_GetObjectItem(d, "files"), 0)->valuestring;
	cr_assert(strstr(f, ":site000/rancid/acc-sw-2960-31"), "%s: member path %s", c->name, f);
	free(sa);
	free(sb);
	cJSON_Delete(d);
	result_free(&a);
	result_free(&b);
}

/* --- --jobs -------------------------------------------------------------------------- */

typedef struct jobs_case {
	const char *name, *input, *format;
} jobs_case;

static const jobs_case jobs_cases[] = {
	{ "folder, jsonl", "fleet", "jsonl" },
	{ "folder, sarif", "fleet", "sarif" },
	{ "folder, table", "fleet", "table" },
	{ "archive, csv", "fleet.tar.gz", "csv" },
	{ "archive, markdown", "fleet.tar.gz", "markdown" },
};

/* The same bytes with 1, 2 and 7 workers (table and markdown print the
 * time taken: that line is left out). */
IP_TABLE_PARAMS(audit, jobs, jobs_cases)
ParameterizedTest(size_t *row, audit, jobs, .init = setup, .fini = teardown)
{
	test_memcheck_sample(*row);
	const jobs_case *c = &jobs_cases[*row];
	char fleet[400], arc[400];
	snprintf(fleet, sizeof(fleet), "%s/fleet", tmpdir);
	snprintf(arc, sizeof(arc), "%s/fleet.tar.gz", tmpdir);
	make_fleet(fleet, 24);
	archive_dir(arc, fleet, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP);
	char *first = NULL;
	static const int jobs[] = { 1, 2, 7 };
	for (size_t i = 0; i < 3; i++) {
		char args[600];
		snprintf(args, sizeof(args), "audit --jobs %d --format %s --catalog images.yaml %s",
			 jobs[i], c->format, c->input);
		result r = run_in(tmpdir, NULL, args);
		cr_assert_eq(r.status, 1, "%s: the traps have errors: %s", c->name, r.err);
		char *t = strstr(r.out, " in "), *e = t ? strstr(t, " s;") : NULL;
		if (t && e && !strcmp(c->format, "table")) /* "… (N bytes) in 0.12 s; …" */
			memmove(t, e, strlen(e) + 1);
		if (!first)
			first = strdup(r.out);
		else
			cr_assert_str_eq(r.out, first, "%s: --jobs %d changed the output", c->name, jobs[i]);
		result_free(&r);
	}
	cr_assert(strlen(first) > 1000, "%s: a real output", c->name);
	free(first);
}

/* --- a flat folder ------------------------------------------------------------------- */

/* 400 backups in one folder, with names long enough that their list
 * outgrows any first guess from the folder's size: walked in byte order,
 * and each device's record is the one it gets when audited alone (each
 * worker renders into streams it reuses, so a record must not carry bytes
 * of the one before; every other record is a long one). */
Test(audit, flat_folder, .init = setup, .fini = teardown)
{
	char dir[400], args[700];
	snprintf(dir, sizeof(dir), "%s/flat", tmpdir);
	test_sh("mkdir '%s' && cd '%s' && pad=$(printf '%%0200d' 0) && for i in $(seq 399 -1 0); do "
	   "if [ $((i %% 2)) = 0 ]; then src='%s/rancid/acc-sw-2960-31.campus.example.net'; "
	   "else src='%s/netstuts-r1.log'; fi; "
	   "sed \"s/ACC-SW-2960-31/SW$i/g; s/NetsTuts_R1/R$i/g\" "
	   "\"$src\" > \"b$i-$pad.log\"; done", dir, dir, test_samples_dir(), test_samples_dir());
	char *prev = NULL;
	for (int jobs = 1; jobs <= 2; jobs++) {
		snprintf(args, sizeof(args), "audit --jobs %d --format jsonl '%s'", jobs, dir);
		result r = run(args);
		cr_assert_neq(r.status, 2, "audit ran: %s", r.err);
		size_t n = 0;
		char last[600] = "";
		for (const char *p = r.out; (p = strstr(p, "\"type\":\"device\"")); p++, n++) {
			const char *f = strstr(p, "\"files\":[\""), *e = f ? strchr(f + 10, '"') : NULL;
			cr_assert(f && e, "a device with files");
			char name[600];
			snprintf(name, sizeof(name), "%.*s", (int)(e - f - 10), f + 10);
			cr_assert(strcmp(last, name) < 0, "byte order: %s after %s", name, last);
			snprintf(last, sizeof(last), "%s", name);
		}
		cr_assert_eq(n, 400, "every backup is a device (%zu)", n);
		if (prev)
			cr_assert_str_eq(r.out, prev, "--jobs 2 changed the output");
		free(prev);
		prev = strdup(r.out);
		result_free(&r);
	}
	static const int alone[] = { 0, 1, 10, 11, 398, 399 };
	for (size_t i = 0; i < sizeof(alone) / sizeof(alone[0]); i++) {
		snprintf(args, sizeof(args), "audit --jobs 1 --format jsonl '%s'/b%d-*.log", dir,
			 alone[i]);
		result r = run(args);
		const char *line = strstr(r.out, "\"type\":\"device\"");
		cr_assert_not_null(line, "b%d alone: %s", alone[i], r.err);
		while (line > r.out && line[-1] != '\n')
			line--;
		const char *end = strchr(line, '\n');
		char *rec = strndup(line, end ? (size_t)(end - line) + 1 : strlen(line));
		cr_assert(strstr(prev, rec), "b%d: its record in the folder's audit is the one alone",
			  alone[i]);
		free(rec);
		result_free(&r);
	}
	free(prev);
}

/* --- broken inputs -------------------------------------------------------------------- */

typedef struct broken_case {
	const char *name;
	const char *make;     /* shell run in {tmp}/in, after a good device is put there */
	const char *path_has; /* the problem's path */
	const char *msg_has;  /* and message */
	bool as_nobody;       /* drop root, or the permissions do not bite */
	int status;           /* 2: an input not used (after the whole report); 0: a link
			       * inside the folder, skipped on purpose (issue 23) */
} broken_case;

static const broken_case broken_cases[] = {
	{ "binary file", "head -c 3000 /dev/urandom > blob.bin; printf 'x\\0y' >> blob.bin",
	  "blob.bin", "binary file", false, 2 },
	{ "unreadable directory", "mkdir locked && cp good.log locked/ && chmod 000 locked", "locked",
	  "cannot read the directory", true, 2 },
	{ "symbolic link loop", "mkdir sub && ln -s .. sub/up", "sub/up", "symbolic link loop",
	  false, 0 },
	{ "link to itself", "ln -s self self", "self", "symbolic link loop", false, 0 },
	{ "dangling link", "ln -s nowhere gone", "gone", "dangling symbolic link", false, 0 },
	{ "truncated gzip", "TRUNCATE", "big.tar.gz", "cut short", false, 2 },
	{ "corrupt tar member", "CORRUPT_TAR", "bad.tar", "damaged archive entry after", false, 2 },
	{ "corrupt zip member", "CORRUPT_ZIP", "bad.zip:", "corrupt", false, 2 },
	{ "not an archive after all", "printf '\\037\\213garbage' > fake.gz", "fake.gz",
	  "no device output", false, 2 },
	{ "a gzip'd capture is read", "gzip -c good.log > zipped.log.gz && printf 'junk\\n' | gzip -c "
	  "> junk.txt.gz", "junk.txt", "no device output", false, 2 },
	{ "empty file", ": > empty.txt", "empty.txt", "empty", false, 2 },
};

static void flip(const char *path, long at, int n)
{
	FILE *f = fopen(path, "r+b");
	cr_assert_not_null(f);
	for (int i = 0; i < n; i++) {
		fseek(f, at + i, SEEK_SET);
		int c = fgetc(f);
		fseek(f, at + i, SEEK_SET);
		fputc(c ^ 0x5a, f);
	}
	fclose(f);
}

static void make_broken(const broken_case *c, const char *in)
{
	char path[600], src[400];
	snprintf(src, sizeof(src), "%s/src", tmpdir);
	if (!strcmp(c->make, "TRUNCATE")) {
		make_fleet(src, 4);
		snprintf(path, sizeof(path), "%s/big.tar.gz", in);
		archive_dir(path, src, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP);
		struct stat st;
		stat(path, &st);
		cr_assert_eq(truncate(path, st.st_size * 3 / 5), 0);
	} else if (!strcmp(c->make, "CORRUPT_TAR") || !strcmp(c->make, "CORRUPT_ZIP")) {
		bool tar = c->make[8] == 'T';
		test_sh("mkdir '%s' && cp '%s/netstuts-r1.log' '%s/a.log' && cp '%s/netstuts-sw1.log' "
		   "'%s/b.log' && cp '%s/two-routers.log' '%s/c.log'", src, test_samples_dir(), src,
		   test_samples_dir(), src, test_samples_dir(), src);
		snprintf(path, sizeof(path), "%s/%s", in, tar ? "bad.tar" : "bad.zip");
		archive_dir(path, src, tar ? ARCHIVE_FORMAT_TAR_USTAR : ARCHIVE_FORMAT_ZIP,
			    ARCHIVE_FILTER_NONE);
		size_t alen;
		char *a = test_read_file(path, &alen);
		cr_assert_not_null(a);
		/* the second member: its header checksum (tar), its data (zip) */
		const char *b = memmem(a, alen, "b.log", 5);
		cr_assert_not_null(b);
		flip(path, (long)(b - a) + (tar ? 148 : 200), 8);
		free(a);
	} else {
		test_sh("cd '%s' && %s", in, c->make);
	}
}

/* Makes IOSPLAN_BIN a copy, in the test's directory, of the iosplan under
 * test and of its tests/iosplan wrapper, for a run as another user: `nobody`
 * cannot reach the build tree of a clone under a private (0700) folder such
 * as root's home (issue 25). The binary alone is enough: iosplan links the
 * project's libraries statically, and the shared ones are the system's. */
static void run_from_copy(void)
{
	const char *exe = getenv("IOSPLAN_EXE"), *bin = getenv("IOSPLAN_BIN");
	if (!exe || !*exe || !bin)
		cr_skip_test("IOSPLAN_EXE is not set: no iosplan to copy where nobody can run it");
	test_sh("mkdir '%s/bin' && cp '%s' '%s/bin/iosplan' && sed 's|%s|%s/bin/iosplan|' '%s' >'%s/bin/run' "
	   "&& chmod 755 '%s/bin' '%s/bin/iosplan' '%s/bin/run'", tmpdir, exe, tmpdir, exe, tmpdir, bin,
	   tmpdir, tmpdir, tmpdir, tmpdir);
	char run[200];
	snprintf(run, sizeof(run), "%s/bin/run", tmpdir);
	setenv("IOSPLAN_BIN", run, 1); /* this test's own process (Criterion forks each) */
}

IP_TABLE_PARAMS(audit, broken, broken_cases)
ParameterizedTest(size_t *row, audit, broken, .init = setup, .fini = teardown)
{
	const broken_case *c = &broken_cases[*row];
	char in[400], args[600];
	snprintf(in, sizeof(in), "%s/in", tmpdir);
	test_sh("mkdir '%s' && cp '%s/netstuts-r1.log' '%s/good.log'", in, test_samples_dir(), in);
	make_broken(c, in);
	test_sh("chmod -R a+rX '%s/in' 2>/dev/null; chmod 000 '%s/in/locked' 2>/dev/null; true", tmpdir,
	   tmpdir);
	const char *prefix = NULL;
	if (c->as_nobody && geteuid() == 0) {
		if (access("/usr/bin/setpriv", X_OK) != 0)
			cr_skip_test("running as root without setpriv: cannot make a directory unreadable");
		prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
		run_from_copy();
	}
	snprintf(args, sizeof(args), "audit --jobs 2 --format jsonl '%s'", in);
	result r = run_in(tmpdir, prefix, args);
	/* the audit goes on (the good device and the summary below), and the
	 * exit says whether an input could not be used */
	cr_assert_eq(r.status, c->status, "%s: exit %d, want %d: %s", c->name, r.status,
		     c->status, r.err);
	bool found = false;
	for (const char *p = r.out; (p = strstr(p, "\"type\":\"problem\"")); p++) {
		const char *e = strchr(p, '\n');
		char *line = strndup(p, e ? (size_t)(e - p) : strlen(p));
		found |= strstr(line, c->path_has) && strstr(line, c->msg_has);
		free(line);
	}
	cr_assert(found, "%s: a problem for %s saying '%s' in:\n%s", c->name, c->path_has, c->msg_has,
		  r.out);
	cJSON *good = jsonl_find(r.out, "device", "NetsTuts_R1");
	cr_assert_not_null(good, "%s: the good device is still audited", c->name);
	cJSON *s = jsonl_find(r.out, "summary", NULL);
	cr_assert_geq(num_of(s, "problems"), 1, "%s: counted", c->name);
	cJSON_Delete(good);
	cJSON_Delete(s);
	result_free(&r);
}

/* The SARIF of a fleet with findings, conflicts and problems validates
 * against the official 2.1.0 schema (tests/sarif/validate.mjs, Ajv). */
Test(audit, sarif_schema, .init = setup, .fini = teardown)
{
	const char *env = getenv("IOSPLAN_SARIF_SCHEMA");
	char schema[600], cmd[1600];
	snprintf(schema, sizeof(schema), "%s", env && *env ? env
			 : IOSPLAN_SOURCE_ROOT "/tests/sarif/sarif-schema-2.1.0.json");
	cr_assert(access(schema, R_OK) == 0, "SARIF schema %s not found: set IOSPLAN_SARIF_SCHEMA",
		  schema);
	cr_assert(access(IOSPLAN_SOURCE_ROOT "/tests/sarif/node_modules/ajv-draft-04/package.json",
			 R_OK) == 0, "tests/sarif/node_modules missing: run scripts/setup-tests");
	result r = run("audit --format sarif --catalog {tmp}/images.yaml rancid split traps");
	cr_assert_eq(r.status, 1);
	char path[300];
	snprintf(path, sizeof(path), "%s/audit.sarif", tmpdir);
	FILE *f = fopen(path, "w");
	fputs(r.out, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "node '%s/tests/sarif/validate.mjs' '%s' '%s' >'%s/v.log' 2>&1",
		 IOSPLAN_SOURCE_ROOT, path, schema, tmpdir);
	int st = system(cmd);
	snprintf(path, sizeof(path), "%s/v.log", tmpdir);
	char *log = test_read_file(path, NULL);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "not valid SARIF 2.1.0: %s", log);
	free(log);
	result_free(&r);
}

/* jsonl strings go through the one JSON escape (lint/emit/json_utf8.h, issue
 * 19), as lint's and facts' do: a file name with CR, a backspace, DEL and
 * a byte that is not UTF-8 is written "\r", "\b", the DEL byte and U+FFFD,
 * where audit's own escape wrote "\u000d", "\u0008" and "\u007f". */
Test(audit, jsonl_one_escape, .init = setup, .fini = teardown)
{
	test_sh("mkdir '%s/esc' && cp '%s/netstuts-r1.log' \"$(printf '%s/esc/r\\r1\\b\\177\\377.log')\"", tmpdir,
		test_samples_dir(), tmpdir);
	char args[600];
	snprintf(args, sizeof(args), "audit --format jsonl '%s/esc'", tmpdir);
	result r = run(args);
	cr_assert_neq(r.status, 2, "audit ran: %s", r.err);
	cr_expect_not_null(strstr(r.out, "/esc/r\\r1\\b\x7f\xef\xbf\xbd.log\""), "%s", r.out);
	cr_expect_null(strstr(r.out, "\\u00"), "%s", r.out);
	result_free(&r);
}

/* --- a folder and its archive: one fleet (issue 23, point 2) -------------------------
 * A file with two names (a hard link, as rsnapshot and rsync --link-dest
 * leave unchanged backups) is read once in a folder and in an archive: GNU
 * tar stores the second name as an empty "link to" member, which the walk
 * dropped while the folder read both names (one device more in the folder:
 * 45 against 44). Members in another order than the folder's give the same
 * devices. The archives are made by tar(1), as a user makes them. */

typedef struct tree_case {
	const char *name, *tar; /* tar's arguments after the archive name */
} tree_case;

static const tree_case tree_cases[] = {
	{ "tar.gz, hard link", "-czf {a} -C {f} ." },
	{ "tar, hard link", "-cf {a} -C {f} ." },
	{ "tar.gz, members in reverse order", "-czf {a} -C {f} R4 R3 R2 R1" },
	{ "tar.gz, names sorted", "--sort=name -czf {a} -C {f} ." },
};

static void tree_write(const char *dir, const char *host)
{
	test_sh("mkdir -p '%s/%s' && printf '%%s#show version\\nCisco IOS Software, C2960 Software "
		"(C2960-LANBASEK9-M), Version 15.2(7)E6, RELEASE SOFTWARE (fc3)\\n%%s uptime is 1 "
		"day, 2 hours, 3 minutes\\nSystem image file is "
		"\"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\\nProcessor board ID FOC%sX0AB\\n' "
		"%s %s > '%s/%s/ver.txt'", dir, host, host, host, host, dir, host);
}

/* Each device line's "device" name, sorted, one a line. */
static char *device_names(const char *out)
{
	char *names = calloc(1, strlen(out) + 1);
	cr_assert_not_null(names);
	const char *p = out;
	size_t n = 0;
	char *v[64];
	while ((p = strstr(p, "{\"type\":\"device\",\"device\":\"")) && n < 64) {
		p += 27;
		const char *e = strchr(p, '"');
		v[n++] = strndup(p, (size_t)(e - p));
	}
	qsort(v, n, sizeof(*v), path_cmp);
	for (size_t i = 0; i < n; i++) {
		strcat(names, v[i]);
		strcat(names, "\n");
		free(v[i]);
	}
	return names;
}

IP_TABLE_PARAMS(audit, folder_and_archive, tree_cases)
ParameterizedTest(size_t *row, audit, folder_and_archive, .init = setup, .fini = teardown)
{
	test_memcheck_sample(*row);
	const tree_case *c = &tree_cases[*row];
	char fleet[300], arc[300], tar[1200], args[900];
	snprintf(fleet, sizeof(fleet), "%s/fleet", tmpdir);
	snprintf(arc, sizeof(arc), "%s/fleet.tgz", tmpdir);
	tree_write(fleet, "R1");
	tree_write(fleet, "R2");
	tree_write(fleet, "R3");
	test_sh("mkdir '%s/R4' && ln '%s/R3/ver.txt' '%s/R4/ver.txt'", fleet, fleet, fleet);
	/* {a} the archive, {f} the folder */
	const char *t = c->tar;
	size_t k = 0;
	for (; *t && k + 310 < sizeof(tar); t++) {
		if (t[0] == '{' && (t[1] == 'a' || t[1] == 'f') && t[2] == '}') {
			k += (size_t)snprintf(tar + k, sizeof(tar) - k, "'%s'", t[1] == 'a' ? arc : fleet);
			t += 2;
		} else
			tar[k++] = *t;
	}
	tar[k] = '\0';
	test_sh("tar %s", tar);
	snprintf(args, sizeof(args), "audit --format jsonl '%s'", fleet);
	result a = run(args);
	snprintf(args, sizeof(args), "audit --format jsonl '%s'", arc);
	result b = run(args);
	cr_assert_eq(a.status, b.status, "%s: same exit", c->name);
	char *sa = summary_of(a.out), *sb = summary_of(b.out);
	cr_expect_str_eq(sb, sa, "%s: the archive audits as the folder", c->name);
	cr_expect(strstr(sa, "\"devices\":3,"), "%s: three boxes, one read twice: %s", c->name, sa);
	char *na = device_names(a.out), *nb = device_names(b.out);
	cr_expect_str_eq(nb, na, "%s: the same devices", c->name);
	free(na);
	free(nb);
	free(sa);
	free(sb);
	result_free(&a);
	result_free(&b);
}

/* --- no listings: one note a device (issue 23, point 9) ------------------------------
 * A fleet whose backups hold no flash listing gave a flash-space warning per
 * device and per stack member (24 in a 45-device audit): now one note per
 * device naming the capture, a stack's members included in it; and the
 * tftp-transfer warning sits on the device's capture, not on the catalogue. */
Test(audit, no_listing_one_note_each, .init = setup, .fini = teardown)
{
	char cat[300];
	snprintf(cat, sizeof(cat), "%s/cat.yaml", tmpdir);
	FILE *f = fopen(cat, "w");
	cr_assert_not_null(f);
	fputs("images:\n  - name: c2960-lanbasek9-mz.152-7.E9.bin\n    size: 12582912\n"
	      "    md5: 7b4e91a2f3c8d5e0a1b6c9d2e4f70123\n    platforms: [c2960, WS-C2960+]\n"
	      "  - name: cat3k_caa-universalk9.16.12.10.SPA.bin\n    size: 520000000\n"
	      "    md5: 7b4e91a2f3c8d5e0a1b6c9d2e4f70124\n    platforms: [c3850, WS-C3850]\n", f);
	fclose(f);
	for (int i = 1; i <= 5; i++)
		test_sh("mkdir -p '%s/nl/sw%d' && printf 'SW%d#show version\\nCisco IOS Software, "
			"C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, RELEASE SOFTWARE "
			"(fc3)\\nSW%d uptime is 1 day\\nSystem image file is "
			"\"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\\ncisco WS-C2960-24TT-L "
			"(PowerPC405) processor (revision B0) with 65536K bytes of memory.\\n"
			"Configuration register is 0xF\\n' > '%s/nl/sw%d/ver.txt'",
			tmpdir, i, i, i, tmpdir, i);
	test_sh("mkdir -p '%s/nl/stk' && cp '%s/stack-3850-no-listing.log' '%s/nl/stk/'", tmpdir,
		test_samples_dir(), tmpdir);
	char args[700];
	snprintf(args, sizeof(args), "audit --format jsonl --catalog '%s' '%s/nl'", cat, tmpdir);
	result r = run(args);
	cJSON *s = jsonl_find(r.out, "summary", NULL);
	cr_assert_not_null(s);
	cJSON *fs = cJSON_GetObjectItem(cJSON_GetObjectItem(s, "rules"), "flash-space");
	cr_expect_eq(num_of(fs, "findings"), 6, "one flash-space finding a device:\n%s", r.out);
	cr_expect_eq(num_of(fs, "devices"), 6);
	cJSON_Delete(s);
	cJSON *stk = jsonl_find(r.out, "device", "DIST-3850-STK");
	cr_assert_not_null(stk);
	cJSON *x;
	int n = 0;
	cJSON_ArrayForEach(x, cJSON_GetObjectItem(stk, "findings")) {
		const char *rule = str_of(x, "rule");
		if (strcmp(rule, "flash-space") == 0) {
			n++;
			cr_expect_str_eq(str_of(x, "severity"), "note");
			cr_expect(strstr(str_of(x, "message"), "dir flash-2:, dir flash-3:"), "%s",
				  str_of(x, "message"));
		}
		if (strcmp(rule, "tftp-transfer") == 0) {
			char *t = cJSON_PrintUnformatted(x);
			cr_expect(strstr(t, "stack-3850-no-listing.log"), "not on the capture: %s", t);
			free(t);
		}
	}
	cr_expect_eq(n, 1, "the stack: one note, not one per member");
	cJSON_Delete(stk);
	result_free(&r);
}

/* The table never cuts a version: "12.2(33)SXJ1~" reads as another release
 * (issue 23, point 10). */
Test(audit, table_version_sxj_whole, .init = setup, .fini = teardown)
{
	test_sh("mkdir -p '%s/v/a' && printf 'C6K#show version\\nCisco IOS Software, s72033_rp "
		"Software (s72033_rp-ADVIPSERVICESK9_WAN-M), Version 12.2(33)SXJ10, RELEASE "
		"SOFTWARE (fc3)\\nC6K uptime is 1 day\\n' > '%s/v/a/v.txt'", tmpdir, tmpdir);
	char args[400];
	snprintf(args, sizeof(args), "audit --format table '%s/v'", tmpdir);
	result r = run(args);
	cr_expect(strstr(r.out, " 12.2(33)SXJ10 "), "%s", r.out);
	cr_expect(!strstr(r.out, "SXJ1~"), "%s", r.out);
	result_free(&r);
}

/* One release, two forms (issue 23, point 10): show version's "16.09.06"
 * and RANCID's "16.9.6" are one key of the summary, and each device record
 * carries the raw form and the normalised one (ip_version_text_normalised,
 * the normaliser facts uses too). */
Test(audit, versions_one_form, .init = setup, .fini = teardown)
{
	test_sh("mkdir -p '%s/vf/a' '%s/vf/b' && printf 'R4#show version\\nCisco IOS XE Software, "
		"Version 16.09.06\\nCisco IOS Software [Fuji], ISR Software "
		"(X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.6, RELEASE SOFTWARE (fc2)\\nR4 "
		"uptime is 1 day\\n' > '%s/vf/a/v.txt' && printf '!RANCID-CONTENT-TYPE: cisco\\n!\\n"
		"!Chassis type: ISR4331/K9\\n!Image: Software: X86_64_LINUX_IOSD-UNIVERSALK9-M, "
		"16.9.6, RELEASE SOFTWARE (fc2)\\n!\\nhostname R5\\n!\\nend\\n' > '%s/vf/b/R5.rancid'",
		tmpdir, tmpdir, tmpdir, tmpdir);
	char args[400];
	snprintf(args, sizeof(args), "audit --format jsonl '%s/vf'", tmpdir);
	result r = run(args);
	cJSON *s = jsonl_find(r.out, "summary", NULL);
	cr_assert_not_null(s, "%s", r.out);
	cJSON *v = cJSON_GetObjectItem(s, "versions");
	cr_expect_eq(cJSON_GetArraySize(v), 1, "one key:\n%s", r.out);
	cr_expect_eq(num_of(v, "16.9.6"), 2);
	cJSON_Delete(s);
	cJSON *r4 = jsonl_find(r.out, "device", "R4"), *r5 = jsonl_find(r.out, "device", "R5");
	cr_assert(r4 && r5, "%s", r.out);
	cr_expect_str_eq(str_of(r4, "version"), "16.09.06");
	cr_expect_str_eq(str_of(r4, "version_normalised"), "16.9.6");
	cr_expect_str_eq(str_of(r5, "version"), "16.9.6");
	cr_expect_str_eq(str_of(r5, "version_normalised"), "16.9.6");
	cJSON_Delete(r4);
	cJSON_Delete(r5);
	result_free(&r);
}

/* The table never cuts a version (issue 23: "versions cut in the audit
 * table"): the real releases of the genieparser corpus, the 9800-CL's
 * "17.07.01prd16" and the engineering builds, whole; short ones still
 * align. Before: a 12-column cell, "17.07.01prd~". */
static const char *const whole_versions[] = {
	"C9800-CL           17.07.01prd16    unknown",
	"ASR1006            BLD_V163_MR_THROTTLE_LATEST_20170410_093453_V16_3_3_24 unknown",
	"WS-C4510R+E        03.04.06.SG      unknown",
	"A901-6CZ-FT-D      15.6(2)SP4       unknown",
	"VERSION          RELOAD",
};

IP_TABLE_PARAMS(audit, table_versions_whole, whole_versions)
ParameterizedTest(size_t *row, audit, table_versions_whole, .init = setup, .fini = teardown)
{
	test_memcheck_sample(*row);
	result r = run("audit --format table " IOSPLAN_SOURCE_ROOT "/tests/corpus/genieparser");
	cr_assert(strstr(r.out, whole_versions[*row]), "lacks '%s':\n%s", whole_versions[*row], r.out);
	cr_assert_null(strstr(r.out, "~ "), "a cut cell:\n%s", r.out);
	result_free(&r);
}
