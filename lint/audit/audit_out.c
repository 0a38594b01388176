/* The audit's writers (audit.h): table, jsonl, csv, markdown (sarif is
 * audit_sarif.c), and the fleet summary they end with.
 *
 *   table     one row per device, its errors, warnings and what blocks its
 *             upgrade indented below, problems inline, the summary last
 *   jsonl     {"type":"audit","version":1,...}, then one object per device
 *             or problem, then {"type":"summary",...} (docs/audit.md)
 *   csv       a header, then one row per device or problem
 *   markdown  a section per device, the summary as tables
 *
 * Devices are rendered on the workers; begin and end run on the writer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "version.h"
#include "escape.h"
#include "iosplan_config.h"
#include "json_build.h"
#include "json_utf8.h"
#include "error.h"

/* --- shared pieces ----------------------------------------------------------- */

const char *audit_span_file(ip_span s)
{
	return s.file ? s.file : "";
}

static const char *sev_name(ip_severity s)
{
	return s == IP_SEV_ERROR ? "error" : s == IP_SEV_WARNING ? "warning" : "note";
}

/* --- summary ------------------------------------------------------------------ */

static void count_add(audit_count **v, size_t *n, size_t *cap, const char *key, size_t k,
		      bool device)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].key, key) == 0) {
			(*v)[i].n += k;
			(*v)[i].devices += device;
			return;
		}
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		if (!(*v = realloc(*v, *cap * sizeof(**v))))
			ip_out_of_memory();
	}
	char *d = strdup(key);
	if (!d)
		ip_out_of_memory();
	(*v)[(*n)++] = (audit_count){ d, k, device };
}

/* A hostname several boxes carry, once, up to AUDIT_SHARED_MAX names. */
static void shared_add(audit_summary *s, const char *host)
{
	for (size_t i = 0; i < s->n_shared; i++)
		if (strcmp(s->shared[i].key, host) == 0) {
			s->shared[i].devices++;
			return;
		}
	if (s->n_shared == AUDIT_SHARED_MAX) {
		s->shared_dropped++;
		return;
	}
	/* devices: the boxes named apart, and the first one */
	count_add(&s->shared, &s->n_shared, &s->cap_shared, host, 1, true);
	s->shared[s->n_shared - 1].devices = 2;
}

void audit_summary_unused(audit_summary *s, const char *path)
{
	s->with_input_errors++;
	if (s->n_unused == AUDIT_UNUSED_MAX)
		return;
	if (s->n_unused == s->cap_unused) {
		s->cap_unused = s->cap_unused ? 2 * s->cap_unused : 8;
		if (!(s->unused = realloc(s->unused, s->cap_unused * sizeof(*s->unused))))
			ip_out_of_memory();
	}
	if (!(s->unused[s->n_unused++] = strdup(path)))
		ip_out_of_memory();
}

/* A backup of a device counted already (audit_fleet.c) is one device:
 * it counts once, as its first record. */
void audit_summary_add(audit_summary *s, const audit_tally *t)
{
	if (t->input_error)
		audit_summary_unused(s, t->input_error_path ? t->input_error_path : "");
	if (t->again) {
		s->again++;
		return;
	}
	if (t->shared)
		shared_add(s, t->shared);
	s->devices++;
	s->with_errors += t->error;
	s->upgrade[t->upgrade]++;
	s->reload[t->reload]++;
	count_add(&s->platforms, &s->n_platforms, &s->cap_platforms, t->platform, 1, true);
	count_add(&s->versions, &s->n_versions, &s->cap_versions, t->version, 1, true);
	for (size_t i = 0; i < t->n_rules; i++) {
		bool first = true;
		for (size_t j = 0; j < i && first; j++)
			first = strcmp(t->rules[j], t->rules[i]) != 0;
		count_add(&s->rules, &s->n_rules, &s->cap_rules, t->rules[i], 1, first);
	}
}

static int count_cmp(const void *pa, const void *pb)
{
	const audit_count *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->key, b->key);
}

void audit_summary_sort(audit_summary *s)
{
	if (s->n_rules)
		qsort(s->rules, s->n_rules, sizeof(*s->rules), count_cmp);
	if (s->n_platforms)
		qsort(s->platforms, s->n_platforms, sizeof(*s->platforms), count_cmp);
	if (s->n_versions)
		qsort(s->versions, s->n_versions, sizeof(*s->versions), count_cmp);
}

void audit_summary_free(audit_summary *s)
{
	audit_count *lists[] = { s->rules, s->platforms, s->versions, s->shared };
	size_t ns[] = { s->n_rules, s->n_platforms, s->n_versions, s->n_shared };
	for (size_t l = 0; l < 4; l++) {
		for (size_t i = 0; i < ns[l]; i++)
			free(lists[l][i].key);
		free(lists[l]);
	}
	for (size_t i = 0; i < s->n_unused; i++)
		free(s->unused[i]);
	free(s->unused);
	memset(s, 0, sizeof(*s));
}

/* --- table ------------------------------------------------------------------ */

/* Names, file names and messages in escape.h's text form: the table is
 * the default on a terminal. */

/* A column of w characters: a longer value cut at a character (UTF-8
 * continuation bytes take no column) with '~' as its last. */
static void cell(FILE *m, ip_arena *a, const char *s, int w)
{
	s = s ? ip_esc_text(a, s) : "-";
	int cols = 0;
	size_t cut = 0, n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (cols == w - 1)
			cut = i;
		cols++;
	}
	if (cols > w)
		fprintf(m, "%.*s~ ", (int)cut, s);
	else
		fprintf(m, "%s%*s ", s, w - cols, "");
}

/* A column of at least w characters that never cuts its value: a version
 * is read to compare, and a cut one ("17.07.01prd~", the 9800-CL of the
 * genieparser corpus; engineering builds "BLD_V163_MR_...") is another
 * version (issue 23). A longer value pushes the rest of its row. */
static void cell_whole(FILE *m, ip_arena *a, const char *s, int w)
{
	s = s ? ip_esc_text(a, s) : "-";
	int cols = 0;
	for (const char *p = s; *p; p++)
		cols += ((unsigned char)*p & 0xc0) != 0x80;
	fprintf(m, "%s%*s ", s, cols < w ? w - cols : 0, "");
}

/* VERSION: wide enough for the long releases of real devices
 * ("12.2(33)SXJ10", "17.07.01prd16", "03.11.03a.E") */
#define VERSION_COLS 16

static void table_begin(FILE *out, const char *const *paths, size_t n)
{
	(void)paths;
	(void)n;
	fprintf(out, "%-24s %-18s %-*s %-9s %-9s %3s %4s  %s\n", "DEVICE", "PLATFORM", VERSION_COLS,
		"VERSION", "RELOAD", "UPGRADE", "ERR", "WARN", "APPROVED IMAGE");
}

static void table_findings(FILE *m, ip_arena *a, const audit_device *d)
{
	for (size_t i = 0; i < d->n_findings; i++) {
		const audit_finding *f = &d->findings[i];
		if (f->severity < IP_SEV_WARNING)
			continue;
		fprintf(m, "    %-7s %s: %s", sev_name(f->severity), f->rule, ip_esc_text(a, f->message));
		if (ip_span_known(f->span))
			fprintf(m, " (%s:%u:%u)", ip_esc_text(a, audit_span_file(f->span)), f->span.line,
				f->span.col);
		fputc('\n', m);
	}
}

static void table_device(FILE *m, FILE *notes, const audit_device *d)
{
	(void)notes;
	ip_arena *a = ip_arena_new();
	cell(m, a, d->name, 24);
	cell(m, a, d->dev->platform.s, 18);
	cell_whole(m, a, d->version, VERSION_COLS);
	cell(m, a, audit_reload_name(d->reload), 9);
	cell(m, a, audit_upgrade_name(d->upgrade), 9);
	fprintf(m, "%3zu %4zu  %s\n", d->n_errors, d->n_warnings,
		d->target ? ip_esc_text(a, d->target->name) : "-");
	if (d->reload != RL_OK && d->next_image)
		fprintf(m, "    next reload: %s (%s)\n", ip_esc_text(a, d->next_image),
			audit_reload_name(d->reload));
	for (size_t i = 0; i < d->n_blocked; i++)
		fprintf(m, "    blocked: %s\n", ip_esc_text(a, d->blocked_by[i]));
	table_findings(m, a, d);
	ip_arena_free(a);
}

static void table_problem(FILE *m, FILE *notes, const char *path, const char *msg)
{
	(void)notes;
	ip_arena *a = ip_arena_new();
	fprintf(m, "! %s: %s\n", ip_esc_text(a, path), ip_esc_text(a, msg));
	ip_arena_free(a);
}

static void counts_line(FILE *out, ip_arena *a, const char *title, const audit_count *v, size_t n)
{
	fprintf(out, "%-10s", title);
	if (!n)
		fputs(" none", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s %s %zu", i ? "," : "", ip_esc_text(a, v[i].key), v[i].n);
	fputc('\n', out);
}

/* audit_fleet.c's note: which hostnames name several boxes, and backups
 * counted once; nothing when there are none. */
static void shared_lines(FILE *out, ip_arena *a, const audit_summary *s, bool md)
{
	if (s->again)
		fprintf(out, "%s%zu record%s of a device already listed (another backup of it: "
			"counted once)\n", md ? "\n" : "", s->again, s->again == 1 ? " is" : "s are");
	if (!s->n_shared && !s->untracked)
		return;
	if (s->n_shared) {
		fprintf(out, "%shostnames carried by several boxes:", md ? "\n" : "");
		for (size_t i = 0; i < s->n_shared; i++)
			fprintf(out, "%s %s (%zu boxes)", i ? "," : "",
				md ? ip_esc_md_code(a, s->shared[i].key, true) : ip_esc_text(a, s->shared[i].key),
				s->shared[i].devices);
		if (s->shared_dropped)
			fprintf(out, ", and %zu more", s->shared_dropped);
		fputs("; the first box in input order keeps the hostname, the others are named "
		      "by serial number\n", out);
	}
	if (s->untracked)
		fprintf(out, "%s%zu hostname%s not checked for other boxes (more hostnames than the "
			"audit follows)\n", md ? "\n" : "", s->untracked, s->untracked == 1 ? "" : "s");
}

/* The inputs that could not be used, named: the exit code's reason. */
static void unused_line(FILE *out, ip_arena *a, const audit_summary *s, bool md)
{
	if (!s->with_input_errors)
		return;
	fprintf(out, "%s%zu input%s could not be used (exit 2):", md ? "\n" : "",
		s->with_input_errors, s->with_input_errors == 1 ? "" : "s");
	for (size_t i = 0; i < s->n_unused; i++)
		fprintf(out, "%s %s", i ? "," : "",
			md ? ip_esc_md_code(a, s->unused[i], true) : ip_esc_text(a, s->unused[i]));
	if (s->with_input_errors > s->n_unused)
		fprintf(out, ", and %zu more", s->with_input_errors - s->n_unused);
	fputc('\n', out);
}

static void table_end(FILE *out, const char *notes, size_t nl, const audit_summary *s)
{
	(void)notes;
	(void)nl;
	ip_arena *a = ip_arena_new();
	fprintf(out, "\n%zu device%s from %zu file%s (%llu bytes) in %.2f s; %zu with errors; "
		"%zu input problem%s\n", s->devices, s->devices == 1 ? "" : "s", s->files,
		s->files == 1 ? "" : "s", (unsigned long long)s->bytes, s->seconds, s->with_errors,
		s->problems, s->problems == 1 ? "" : "s");
	fputs("reload    ", out);
	for (int i = 0; i < RL__COUNT; i++)
		fprintf(out, "%s %s %zu", i ? "," : "", audit_reload_name(i), s->reload[i]);
	fputs("\nupgrade   ", out);
	for (int i = 0; i < UP__COUNT; i++)
		fprintf(out, "%s %s %zu", i ? "," : "", audit_upgrade_name(i), s->upgrade[i]);
	fputc('\n', out);
	fprintf(out, "%-10s", "rules");
	if (!s->n_rules)
		fputs(" none", out);
	for (size_t i = 0; i < s->n_rules; i++)
		fprintf(out, "%s %s %zu (%zu device%s)", i ? "," : "", ip_esc_text(a, s->rules[i].key),
			s->rules[i].n, s->rules[i].devices, s->rules[i].devices == 1 ? "" : "s");
	fputc('\n', out);
	counts_line(out, a, "platforms", s->platforms, s->n_platforms);
	counts_line(out, a, "versions", s->versions, s->n_versions);
	shared_lines(out, a, s, false);
	unused_line(out, a, s, false);
	ip_arena_free(a);
}

/* --- jsonl ------------------------------------------------------------------- */

/* Each line is a json_build.h tree printed compact by the one JSON printer
 * (json_utf8.h), as lint and facts print theirs: one escape and one number
 * form for every JSON byte iosplan writes. The nodes come from this
 * thread's pool, dropped once the line is out; their strings are the
 * device's, which outlive the line. */
static _Thread_local ip_json_printer *tl_printer;

/* The printer is kept for the thread's lines (its buffer and remembered
 * keys: a fresh one a line cost audit-ir 10 %); every key of a line is a
 * literal, as a kept printer needs. */
static void json_line(FILE *m, cJSON *doc)
{
	if (!tl_printer)
		tl_printer = ip_json_printer_new(0);
	fputs_unlocked(ip_json_printer_run(tl_printer, doc, 0), m); /* per-thread streams */
	fputc_unlocked('\n', m);
	jb_pool_end();
}

void audit_out_thread_end(void)
{
	ip_json_printer_free(tl_printer);
	tl_printer = NULL;
}

static cJSON *str_array(const char *const *v, size_t n)
{
	cJSON *a = jb_array();
	for (size_t i = 0; i < n; i++)
		jb_add(a, NULL, jb_ref(v[i]));
	return a;
}

static void jsonl_begin(FILE *out, const char *const *paths, size_t n)
{
	jb_pool_begin();
	cJSON *o = jb_object();
	jb_add(o, "type", jb_ref("audit"));
	jb_add(o, "version", jb_number(IOSPLAN_AUDIT_FORMAT_VERSION));
	jb_add(o, "iosplan", jb_ref(IOSPLAN_VERSION));
	jb_add(o, "paths", str_array(paths, n));
	json_line(out, o);
}

static cJSON *json_target(cJSON *o, const audit_device *d)
{
	const ip_target *t = d->target;
	if (!t) {
		jb_add(o, "approved", jb_null());
		return jb_add(o, "approved_why", jb_ref(d->target_why));
	}
	cJSON *a = jb_add(o, "approved", jb_object());
	jb_add(a, "name", jb_ref(t->name));
	jb_add(a, "size", t->size.known ? jb_number((double)t->size.v) : jb_null());
	jb_add(a, "md5", jb_ref(t->md5));
	return jb_add(a, "source", jb_ref(t->source));
}

static void json_findings(cJSON *o, const audit_device *d)
{
	cJSON *fs = jb_add(o, "findings", jb_array());
	for (size_t i = 0; i < d->n_findings; i++) {
		const audit_finding *f = &d->findings[i];
		cJSON *e = jb_add(fs, NULL, jb_object());
		jb_add(e, "rule", jb_ref(f->rule));
		jb_add(e, "severity", jb_ref(sev_name(f->severity)));
		jb_add(e, "message", jb_ref(f->message));
		jb_add(e, "location", jb_span(f->span));
		jb_add(e, "weak", jb_bool(f->weak));
	}
	cJSON *ps = jb_add(o, "problems", jb_array());
	for (size_t i = 0; i < d->n_problems; i++) {
		const ip_diag *x = d->problems[i];
		cJSON *e = jb_add(ps, NULL, jb_object());
		jb_add(e, "level", jb_ref(ip_diag_level_name(x->level)));
		jb_add(e, "message", jb_ref(x->message));
		jb_add(e, "location", jb_span(x->span));
	}
}

static void jsonl_device(FILE *m, FILE *notes, const audit_device *d)
{
	(void)notes;
	const ip_device *dev = d->dev;
	jb_pool_begin();
	cJSON *o = jb_object();
	jb_add(o, "type", jb_ref("device"));
	jb_add(o, "device", jb_ref(d->name));
	jb_add(o, "hostname", jb_ref(dev->hostname.s));
	jb_add(o, "files", str_array((const char *const *)d->files, d->n_files));
	jb_add(o, "source", jb_ref(d->source));
	jb_add(o, "platform", jb_ref(dev->platform.s));
	jb_add(o, "family", jb_ref(ip_family_name(d->check->platform.family)));
	jb_add(o, "serial", jb_ref(dev->serial.s));
	jb_add(o, "os", jb_ref(ip_os_name(dev->os)));
	jb_add(o, "version", jb_ref(d->version));
	char vbuf[IP_VERSION_TEXT_SIZE]; /* the summary's key: one form a release */
	const char *vn = ip_version_text_normalised(d->version, vbuf, sizeof(vbuf));
	jb_add(o, "version_normalised", vn ? jb_copy(vn) : jb_ref(d->version));
	jb_add(o, "image", jb_ref(dev->system_image.raw));
	json_target(o, d);
	jb_add(o, "upgrade", jb_ref(audit_upgrade_name(d->upgrade)));
	jb_add(o, "blocked_by", str_array((const char *const *)d->blocked_by, d->n_blocked));
	jb_add(o, "reload", jb_ref(audit_reload_name(d->reload)));
	cJSON *nb = jb_add(o, "next_boot", jb_object());
	jb_add(nb, "outcome", jb_ref(ip_next_outcome_name(d->check->next_boot.outcome)));
	jb_add(nb, "image", jb_ref(d->next_image));
	jb_add(nb, "missing", jb_ref(d->check->next_boot.missing));
	cJSON *c = jb_add(o, "counts", jb_object());
	jb_add(c, "error", jb_number((double)d->n_errors));
	jb_add(c, "warning", jb_number((double)d->n_warnings));
	jb_add(c, "note", jb_number((double)d->n_notes));
	json_findings(o, d);
	json_line(m, o);
}

static void jsonl_problem(FILE *m, FILE *notes, const char *path, const char *msg)
{
	(void)notes;
	jb_pool_begin();
	cJSON *o = jb_object();
	jb_add(o, "type", jb_ref("problem"));
	jb_add(o, "path", jb_ref(path));
	jb_add(o, "message", jb_ref(msg));
	json_line(m, o);
}

/* rules: {"id":{"findings":n,"devices":m}}; platforms, versions: {"x":devices}.
 * The keys are the summary's strings, not literals: printed by
 * ip_json_print_utf8, whose remembered keys last one document. */
static void json_counts(cJSON *o, const char *name, const audit_count *v, size_t n, bool rules)
{
	cJSON *c = jb_add(o, name, jb_object());
	for (size_t i = 0; i < n; i++) {
		if (!rules) {
			jb_add(c, v[i].key, jb_number((double)v[i].devices));
			continue;
		}
		cJSON *r = jb_add(c, v[i].key, jb_object());
		jb_add(r, "findings", jb_number((double)v[i].n));
		jb_add(r, "devices", jb_number((double)v[i].devices));
	}
}

void audit_summary_json(FILE *out, const audit_summary *s, bool typed)
{
	jb_pool_begin();
	cJSON *o = jb_object();
	if (typed)
		jb_add(o, "type", jb_ref("summary"));
	jb_add(o, "devices", jb_number((double)s->devices));
	jb_add(o, "devices_with_errors", jb_number((double)s->with_errors));
	jb_add(o, "problems", jb_number((double)s->problems));
	/* the inputs that could not be used (the run exits 2 when any): how
	 * many, and which (the first AUDIT_UNUSED_MAX) */
	jb_add(o, "inputs_not_used", jb_number((double)s->with_input_errors));
	cJSON *un = jb_add(o, "inputs_not_used_paths", jb_array());
	for (size_t i = 0; i < s->n_unused; i++)
		jb_add(un, NULL, jb_ref(s->unused[i]));
	jb_add(o, "files", jb_number((double)s->files));
	jb_add(o, "bytes", jb_number((double)s->bytes));
	cJSON *r = jb_add(o, "reload", jb_object());
	for (int i = 0; i < RL__COUNT; i++)
		jb_add(r, audit_reload_name(i), jb_number((double)s->reload[i]));
	cJSON *u = jb_add(o, "upgrade", jb_object());
	for (int i = 0; i < UP__COUNT; i++)
		jb_add(u, audit_upgrade_name(i), jb_number((double)s->upgrade[i]));
	json_counts(o, "rules", s->rules, s->n_rules, true);
	json_counts(o, "platforms", s->platforms, s->n_platforms, false);
	json_counts(o, "versions", s->versions, s->n_versions, false);
	/* audit_fleet.c: backups of a device counted once; hostnames that
	 * several boxes carry, with how many (the first box keeps the plain
	 * name, the others are "R1 (serial)") */
	jb_add(o, "again", jb_number((double)s->again));
	json_counts(o, "shared_hostnames", s->shared, s->n_shared, false);
	if (s->shared_dropped)
		jb_add(o, "shared_hostnames_not_listed", jb_number((double)s->shared_dropped));
	if (s->untracked)
		jb_add(o, "hostnames_not_followed", jb_number((double)s->untracked));
	char *text = ip_json_print_utf8(o, 0);
	jb_pool_end();
	fputs(text, out);
	free(text);
}

static void jsonl_end(FILE *out, const char *notes, size_t nl, const audit_summary *s)
{
	(void)notes;
	(void)nl;
	audit_summary_json(out, s, true);
	fputc('\n', out);
}

/* --- csv ---------------------------------------------------------------------- */

/* A field made safe for a spreadsheet (escape.h: no formula, valid UTF-8,
 * RFC 4180 quoting), then the separator or the record's end. */
static void csv_field(FILE *m, ip_arena *a, const char *s, bool last)
{
	fputs(ip_esc_csv(a, s ? s : ""), m);
	fputs(last ? "\r\n" : ",", m);
}

static void csv_begin(FILE *out, const char *const *paths, size_t n)
{
	(void)paths;
	(void)n;
	fputs("record,device,hostname,files,source,platform,serial,os,version,image,approved,"
	      "upgrade,blocked_by,next_boot,reload,errors,warnings,notes,rules,problems\r\n", out);
}

/* Several values in one field, ' | ' between them. */
static char *joined(const char *const *v, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		ip_out_of_memory();
	for (size_t i = 0; i < n; i++)
		fprintf(m, "%s%s", i ? " | " : "", v[i]);
	fclose(m);
	return buf;
}

static void csv_device(FILE *m, FILE *notes, const audit_device *d)
{
	(void)notes;
	const ip_device *dev = d->dev;
	char num[3][24];
	snprintf(num[0], sizeof(num[0]), "%zu", d->n_errors);
	snprintf(num[1], sizeof(num[1]), "%zu", d->n_warnings);
	snprintf(num[2], sizeof(num[2]), "%zu", d->n_notes);
	const char **rules = malloc((d->n_findings + 1) * sizeof(*rules));
	const char **probs = malloc((d->n_problems + 1) * sizeof(*probs));
	if (!rules || !probs)
		ip_out_of_memory();
	for (size_t i = 0; i < d->n_findings; i++)
		rules[i] = d->findings[i].rule;
	for (size_t i = 0; i < d->n_problems; i++)
		probs[i] = d->problems[i]->message;
	char *files = joined(d->files, d->n_files), *blocked = joined(d->blocked_by, d->n_blocked);
	char *r = joined(rules, d->n_findings), *p = joined(probs, d->n_problems);
	const char *fields[] = { "device", d->name, dev->hostname.s, files, d->source,
				 dev->platform.s, dev->serial.s, ip_os_name(dev->os), d->version,
				 dev->system_image.raw, d->target ? d->target->name : NULL,
				 audit_upgrade_name(d->upgrade), blocked, d->next_image,
				 audit_reload_name(d->reload), num[0], num[1], num[2], r, p };
	size_t n = sizeof(fields) / sizeof(fields[0]);
	ip_arena *a = ip_arena_new();
	for (size_t i = 0; i < n; i++)
		csv_field(m, a, fields[i], i + 1 == n);
	ip_arena_free(a);
	free(files);
	free(blocked);
	free(r);
	free(p);
	free(rules);
	free(probs);
}

static void csv_problem(FILE *m, FILE *notes, const char *path, const char *msg)
{
	(void)notes;
	const char *fields[] = { "problem", NULL, NULL, path, NULL, NULL, NULL, NULL, NULL, NULL,
				 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, msg };
	size_t n = sizeof(fields) / sizeof(fields[0]);
	ip_arena *a = ip_arena_new();
	for (size_t i = 0; i < n; i++)
		csv_field(m, a, fields[i], i + 1 == n);
	ip_arena_free(a);
}

static void csv_end(FILE *out, const char *notes, size_t nl, const audit_summary *s)
{
	(void)out;
	(void)notes;
	(void)nl;
	(void)s;
}

/* --- markdown ---------------------------------------------------------------- */

/* Every name, file name and message Markdown-escaped (escape.h): the
 * report goes into tickets and wikis. Names in code spans, sentences as
 * text, the planner's reasons with their backticked commands as code. */

static void md_begin(FILE *out, const char *const *paths, size_t n)
{
	ip_arena *a = ip_arena_new();
	fputs("# iosplan audit\n\nBackups read:", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s %s", i ? "," : "", ip_esc_md_code(a, paths[i], false));
	fputs("\n", out);
	ip_arena_free(a);
}

static void md_findings(FILE *m, ip_arena *a, const audit_device *d)
{
	if (d->n_findings)
		fputs("\n| Severity | Rule | Finding | Where |\n|---|---|---|---|\n", m);
	for (size_t i = 0; i < d->n_findings; i++) {
		const audit_finding *f = &d->findings[i];
		fprintf(m, "| %s | %s | %s | ", sev_name(f->severity), ip_esc_md_code(a, f->rule, true),
			ip_esc_md(a, f->message));
		if (ip_span_known(f->span))
			fprintf(m, "%s |\n", ip_esc_md_code(a, ip_arena_printf(a, "%s:%u:%u",
				audit_span_file(f->span), f->span.line, f->span.col), true));
		else
			fputs("|\n", m);
	}
}

static void md_device(FILE *m, FILE *notes, const audit_device *d)
{
	(void)notes;
	const ip_device *dev = d->dev;
	ip_arena *a = ip_arena_new();
	fprintf(m, "\n## %s\n\n", ip_esc_md(a, d->name));
	fprintf(m, "- Platform: %s, %s %s, running %s\n",
		dev->platform.s ? ip_esc_md(a, dev->platform.s) : "unknown",
		ip_os_name(dev->os) ? ip_os_name(dev->os) : "unknown OS",
		d->version ? ip_esc_md(a, d->version) : "unknown version",
		dev->system_image.raw ? ip_esc_md_code(a, dev->system_image.raw, false) : "`unknown image`");
	fputs("- Files:", m);
	for (size_t i = 0; i < d->n_files; i++)
		fprintf(m, "%s %s", i ? "," : "", ip_esc_md_code(a, d->files[i], false));
	fprintf(m, " (%s)\n- Next reload: **%s**", ip_esc_md(a, d->source), audit_reload_name(d->reload));
	if (d->next_image)
		fprintf(m, ", boots %s", ip_esc_md_code(a, d->next_image, false));
	if (d->target)
		fprintf(m, "\n- Approved image: %s, upgrade **%s**\n", ip_esc_md_code(a, d->target->name, false),
			audit_upgrade_name(d->upgrade));
	else
		fprintf(m, "\n- Approved image: none (%s)\n",
			d->target_why ? ip_esc_md_prose(a, d->target_why) : "no catalogue");
	for (size_t i = 0; i < d->n_blocked; i++)
		fprintf(m, "  - blocked: %s\n", ip_esc_md_prose(a, d->blocked_by[i]));
	md_findings(m, a, d);
	ip_arena_free(a);
}

static void md_problem(FILE *m, FILE *notes, const char *path, const char *msg)
{
	(void)notes;
	ip_arena *a = ip_arena_new();
	fprintf(m, "\n> **Input problem** %s: %s\n", ip_esc_md_code(a, path, false), ip_esc_md(a, msg));
	ip_arena_free(a);
}

static void md_counts(FILE *out, ip_arena *a, const char *title, const audit_count *v, size_t n)
{
	fprintf(out, "\n| %s | Count | Devices |\n|---|---:|---:|\n", title);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "| %s | %zu | %zu |\n", ip_esc_md_code(a, v[i].key, true), v[i].n, v[i].devices);
}

static void md_end(FILE *out, const char *notes, size_t nl, const audit_summary *s)
{
	(void)notes;
	(void)nl;
	ip_arena *a = ip_arena_new();
	fprintf(out, "\n## Fleet summary\n\n%zu devices from %zu files, %zu with errors, %zu input "
		"problems.\n\n| Next reload | Devices |\n|---|---:|\n", s->devices, s->files,
		s->with_errors, s->problems);
	for (int i = 0; i < RL__COUNT; i++)
		fprintf(out, "| %s | %zu |\n", audit_reload_name(i), s->reload[i]);
	fputs("\n| Upgrade | Devices |\n|---|---:|\n", out);
	for (int i = 0; i < UP__COUNT; i++)
		fprintf(out, "| %s | %zu |\n", audit_upgrade_name(i), s->upgrade[i]);
	md_counts(out, a, "Rule", s->rules, s->n_rules);
	md_counts(out, a, "Platform", s->platforms, s->n_platforms);
	md_counts(out, a, "Version", s->versions, s->n_versions);
	shared_lines(out, a, s, true);
	unused_line(out, a, s, true);
	ip_arena_free(a);
}

static const audit_format formats[] = {
	{ "table", table_begin, table_device, table_problem, table_end, false },
	{ "jsonl", jsonl_begin, jsonl_device, jsonl_problem, jsonl_end, false },
	{ "csv", csv_begin, csv_device, csv_problem, csv_end, false },
	{ "markdown", md_begin, md_device, md_problem, md_end, false },
};

const audit_format *audit_format_find(const char *name)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return strcmp(name, "sarif") == 0 ? &audit_sarif : NULL;
}
