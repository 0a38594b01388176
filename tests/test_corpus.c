/* The ntc-templates corpus, through the whole pipeline (capture reader,
 * sections, parsers), compared field by field with the values the TextFSM
 * templates are expected to produce. Prints per-field accuracy; fails below
 * 99 % on any field. Skipped, not passed, when the corpus is absent. */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>
#include <criterion/hooks.h>

#include "device.h"
#include "helpers.h"

/* --- accuracy book-keeping ---------------------------------------------- */

typedef struct tally {
	const char *field;
	unsigned ok, total;
} tally;

static tally tallies[32];
static size_t n_tallies;

static void count(const char *field, bool ok, const char *file, const char *want, const char *got)
{
	size_t i = 0;
	while (i < n_tallies && strcmp(tallies[i].field, field) != 0)
		i++;
	if (i == n_tallies)
		tallies[n_tallies++] = (tally){ field, 0, 0 };
	tallies[i].total++;
	tallies[i].ok += ok;
	if (!ok)
		cr_log_warn("%s: %s: want '%s', got '%s'", file, field, want, got ? got : "(unknown)");
}

static void report_and_check(const char *what)
{
	fprintf(stderr, "# corpus %s accuracy:\n", what);
	for (size_t i = 0; i < n_tallies; i++)
		fprintf(stderr, "#   %-22s %3u/%-3u %6.1f %%\n", tallies[i].field, tallies[i].ok, tallies[i].total,
		       100.0 * tallies[i].ok / tallies[i].total);
	fflush(stderr);
	for (size_t i = 0; i < n_tallies; i++)
		cr_expect(tallies[i].ok * 100 >= tallies[i].total * 99, "%s: %s below 99 %%", what,
			  tallies[i].field);
}

/* --- the expected values ------------------------------------------------ */

/* parsed_sample: a list of maps of scalars (the only shape these files use
 * for the fields compared here; sequences are skipped). */
typedef struct record {
	char *keys[32];
	char *values[32];
	int n;
} record;

static int yaml_records(const char *path, record *out, int max)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	int n = 0, depth = 0, seq_depth = 0;
	char *key = NULL;
	for (;;) {
		yaml_event_t e;
		cr_assert(yaml_parser_parse(&p, &e), "%s: YAML error", path);
		yaml_event_type_t t = e.type;
		if (t == YAML_MAPPING_START_EVENT && ++depth == 2 && n < max)
			out[n++].n = 0;
		else if (t == YAML_MAPPING_END_EVENT)
			depth--;
		else if (t == YAML_SEQUENCE_START_EVENT && depth == 2)
			seq_depth++;
		else if (t == YAML_SEQUENCE_END_EVENT && depth == 2) {
			seq_depth--;
			free(key);
			key = NULL;
		} else if (t == YAML_SCALAR_EVENT && depth == 2 && !seq_depth) {
			const char *v = (const char *)e.data.scalar.value;
			if (!key)
				key = strdup(v);
			else {
				record *r = &out[n - 1];
				if (r->n < 32) {
					r->keys[r->n] = key;
					r->values[r->n++] = strdup(v);
				} else
					free(key);
				key = NULL;
			}
		}
		yaml_event_delete(&e);
		if (t == YAML_STREAM_END_EVENT)
			break;
	}
	free(key);
	yaml_parser_delete(&p);
	fclose(f);
	return n;
}

static const char *rec_get(const record *r, const char *key)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->keys[i], key) == 0)
			return r->values[i];
	return "";
}

static void records_free(record *r, int n)
{
	for (int i = 0; i < n; i++)
		for (int k = 0; k < r[i].n; k++) {
			free(r[i].keys[k]);
			free(r[i].values[k]);
		}
}

/* --- helpers ------------------------------------------------------------ */

static const ip_device *load_one(ip_device_set **set, const char *path)
{
	*set = ip_device_set_new();
	const char *paths[1] = { path };
	cr_assert_eq(ip_device_set_load(*set, paths, 1), 0, "%s", path);
	cr_assert_eq(ip_diags_count(&(*set)->diags, IP_DIAG_ERROR), 0, "%s: input errors", path);
	cr_assert_eq((*set)->n, 1, "%s: one device", path);
	return (*set)->v[0];
}

static bool streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void each_raw(const char *sub, void (*fn)(const char *raw, const char *yml))
{
	char dir[1200];
	snprintf(dir, sizeof(dir), "%s/cisco_ios/%s", test_corpus_dir(), sub);
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "%s", dir);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".raw") != 0)
			continue;
		char raw[1600], yml[1600];
		snprintf(raw, sizeof(raw), "%s/%s", dir, e->d_name);
		snprintf(yml, sizeof(yml), "%s/%.*s.yml", dir, (int)(l - 4), e->d_name);
		fn(raw, yml);
	}
	closedir(d);
}

/* All skipped: tell meson "skipped" (77) rather than "passed". */
ReportHook(POST_ALL)(struct criterion_global_stats *stats)
{
	if (stats->nb_tests > 0 && stats->tests_skipped == stats->nb_tests) {
		fputs("parsers-corpus: skipped: no ntc-templates corpus (../shared/corpus/ntc-templates "
		      "beside the tree, or IOSPLAN_CORPUS)\n", stderr);
		_exit(77);
	}
}

static void skip_without_corpus(void)
{
	if (!test_corpus_dir())
		cr_skip_test("corpus not found (set IOSPLAN_CORPUS)");
}

/* --- show version ------------------------------------------------------- */

static const char *json_str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItem(o, k);
	return cJSON_IsString(v) ? v->valuestring : "";
}

static void check_show_version(const cJSON *want, const char *raw)
{
	ip_device_set *set;
	const ip_device *d = load_one(&set, raw);
	char reg[16] = "";
	if (d->confreg.known)
		snprintf(reg, sizeof(reg), "0x%X", (unsigned)d->confreg.v);
	const char *img = json_str(want, "running_image");
	while (*img == '/')
		img++;
	count("version", streq(d->version.s, json_str(want, "version")), raw, json_str(want, "version"), d->version.s);
	count("hostname", streq(d->hostname.s, json_str(want, "hostname")), raw, json_str(want, "hostname"), d->hostname.s);
	count("running_image", streq(d->system_image.path, img), raw, img, d->system_image.path);
	count("config_register", strcasecmp(reg, json_str(want, "config_register")) == 0, raw,
	      json_str(want, "config_register"), reg);
	const cJSON *hw = cJSON_GetObjectItem(want, "hardware"), *sn = cJSON_GetObjectItem(want, "serial");
	for (int i = 0; i < cJSON_GetArraySize(hw); i++) {
		const char *w = cJSON_GetArrayItem(hw, i)->valuestring;
		const char *got = i == 0 ? d->platform.s : (size_t)i < d->n_members ? d->members[i].model.s : NULL;
		count("hardware", streq(got, w), raw, w, got);
	}
	for (int i = 0; i < cJSON_GetArraySize(sn); i++) {
		const char *w = cJSON_GetArrayItem(sn, i)->valuestring;
		const char *got = i == 0 ? d->serial.s : (size_t)i < d->n_members ? d->members[i].serial.s : NULL;
		count("serial", streq(got, w), raw, w, got);
	}
	ip_device_set_free(set);
}

Test(corpus, show_version)
{
	skip_without_corpus();
	char path[1200];
	snprintf(path, sizeof(path), "%s/show_version_facts.jsonl", test_corpus_dir());
	size_t len;
	char *text = test_read_file(path, &len);
	cr_assert_not_null(text, "%s", path);
	unsigned files = 0;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		cJSON *want = cJSON_Parse(line);
		cr_assert_not_null(want);
		char raw[1600];
		snprintf(raw, sizeof(raw), "%s/%s", test_corpus_dir(), json_str(want, "file"));
		check_show_version(want, raw);
		cJSON_Delete(want);
		files++;
	}
	free(text);
	cr_assert_geq(files, 9, "every show version fixture was read");
	report_and_check("show version");
}

/* --- dir ---------------------------------------------------------------- */

static void check_dir(const char *raw, const char *yml)
{
	record r[64];
	int n = yaml_records(yml, r, 64);
	ip_device_set *set;
	const ip_device *d = load_one(&set, raw);
	for (int i = 0; i < n; i++) {
		char fsname[64];
		snprintf(fsname, sizeof(fsname), "%s", rec_get(&r[i], "file_system"));
		char *slash = strchr(fsname, '/');
		if (slash)
			*slash = '\0';
		const ip_filesystem *fs = ip_device_filesystem_find(d, fsname);
		count("filesystem", fs != NULL, raw, fsname, NULL);
		if (!fs)
			continue;
		char got[32];
		snprintf(got, sizeof(got), "%llu", (unsigned long long)fs->total.v);
		count("total", fs->total.known && streq(got, rec_get(&r[i], "total_size")), raw,
		      rec_get(&r[i], "total_size"), got);
		snprintf(got, sizeof(got), "%llu", (unsigned long long)fs->free.v);
		count("free", fs->free.known && streq(got, rec_get(&r[i], "total_free")), raw,
		      rec_get(&r[i], "total_free"), got);
		const char *name = rec_get(&r[i], "name");
		if (!*name)
			continue;
		const ip_file *f = ip_filesystem_file_find(fs, name);
		count("file name", f != NULL, raw, name, NULL);
		snprintf(got, sizeof(got), "%llu", f ? (unsigned long long)f->size.v : 0ULL);
		count("file size", f && f->size.known && streq(got, rec_get(&r[i], "size")), raw,
		      rec_get(&r[i], "size"), got);
	}
	records_free(r, n);
	ip_device_set_free(set);
}

Test(corpus, dir)
{
	skip_without_corpus();
	each_raw("dir", check_dir);
	report_and_check("dir");
}

/* --- show boot ---------------------------------------------------------- */

static void check_show_boot(const char *raw, const char *yml)
{
	record r[8];
	int n = yaml_records(yml, r, 8);
	ip_device_set *set;
	const ip_device *d = load_one(&set, raw);
	for (int i = 0; i < n; i++) {
		char want[512];
		snprintf(want, sizeof(want), "%s", rec_get(&r[i], "boot_path"));
		size_t k = 0;
		for (char *e = strtok(want, ";"); e; e = strtok(NULL, ";"), k++) {
			const char *got = k < d->bootvar.n ? d->bootvar.v[k].raw : NULL;
			count("boot_path", d->bootvar.known && streq(got, e), raw, e, got);
		}
		const char *mb = rec_get(&r[i], "manual_boot");
		if (*mb) {
			const char *got = d->manual_boot.v == IP_TRI_YES ? "yes"
					  : d->manual_boot.v == IP_TRI_NO ? "no" : NULL;
			count("manual_boot", streq(got, mb), raw, mb, got);
		}
	}
	records_free(r, n);
	ip_device_set_free(set);
}

Test(corpus, show_boot)
{
	skip_without_corpus();
	each_raw("show_boot", check_show_boot);
	report_and_check("show boot");
}

/* --- show file systems -------------------------------------------------- */

static void check_file_systems(const char *raw, const char *yml)
{
	record r[64];
	int n = yaml_records(yml, r, 64);
	ip_device_set *set;
	const ip_device *d = load_one(&set, raw);
	for (int i = 0; i < n; i++) {
		const char *type = rec_get(&r[i], "type");
		if (strcmp(type, "disk") != 0 && strcmp(type, "flash") != 0)
			continue;
		char name[64];
		snprintf(name, sizeof(name), "%s", rec_get(&r[i], "prefixes"));
		char *sp = strchr(name, ' ');
		if (sp)
			*sp = '\0';
		const ip_filesystem *fs = ip_device_filesystem_find(d, name);
		char got[32] = "";
		if (fs && fs->total.known)
			snprintf(got, sizeof(got), "%llu", (unsigned long long)fs->total.v);
		count("fs size", streq(got, rec_get(&r[i], "size")), raw, rec_get(&r[i], "size"), got);
		got[0] = '\0';
		if (fs && fs->free.known)
			snprintf(got, sizeof(got), "%llu", (unsigned long long)fs->free.v);
		count("fs free", streq(got, rec_get(&r[i], "free")), raw, rec_get(&r[i], "free"), got);
	}
	records_free(r, n);
	ip_device_set_free(set);
}

Test(corpus, show_file_systems)
{
	skip_without_corpus();
	each_raw("show_file_systems", check_file_systems);
	report_and_check("show file systems");
}
