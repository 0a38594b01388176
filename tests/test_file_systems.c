/* file_systems_parse: disk and flash rows become filesystems with sizes,
 * aliases and the default mark; other rows are skipped silently. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "helpers.h"
#include "parsers.h"

typedef struct num_exp {
	bool known;
	uint64_t v;
	uint32_t line, col, end_col;
} num_exp;

typedef struct fs_exp {
	const char *name;
	const char *aliases; /* NULL: none */
	bool is_default;
	num_exp total, free;
} fs_exp;

typedef struct fsys_case {
	const char *title;
	const char *text;
	size_t n_fs;
	fs_exp fs[4];
	size_t warnings;
} fsys_case;

static const fsys_case cases[] = {
	{
		.title = "Cat9k stack: aliases on one line, default marked",
		.text = "File Systems:\n"
			"\n"
			"       Size(b)       Free(b)      Type  Flags  Prefixes\n"
			"             -             -    opaque     rw   system:\n"
			"    1651314688     696320000      disk     rw   crashinfo: crashinfo-1:\n"
			"*  11353194496    4835155968      disk     rw   flash: bootflash: flash-1:\n"
			"   11353980928    3943694336      disk     rw   flash-2: stby-flash:\n"
			"       2097152       2056462     nvram     rw   nvram:\n"
			"             -             -   network     rw   tftp:",
		.n_fs = 3,
		.fs = {
			{"crashinfo:", "crashinfo-1:", false,
			 {true, 1651314688, 5, 5, 15}, {true, 696320000, 5, 20, 29}},
			{"flash:", "bootflash: flash-1:", true,
			 {true, 11353194496u, 6, 4, 15}, {true, 4835155968u, 6, 19, 29}},
			{"flash-2:", "stby-flash:", false,
			 {true, 11353980928u, 7, 4, 15}, {true, 3943694336u, 7, 19, 29}},
		},
	},
	{
		.title = "2960 standalone: type flash",
		.text = "File Systems:\n"
			"\n"
			"     Size(b)     Free(b)      Type  Flags  Prefixes\n"
			"*   15998976     5135872     flash     rw   flash:\n"
			"           -           -    opaque     rw   bs:\n"
			"      524288      520138     nvram     rw   nvram:",
		.n_fs = 1,
		.fs = {{"flash:", NULL, true,
			{true, 15998976, 4, 5, 13}, {true, 5135872, 4, 18, 25}}},
	},
	{
		.title = "prefixes printed without spaces are split",
		.text = "* 741621760 481730560 disk rw flash:flash-1:\n"
			"1622147072 1360527360 disk rw Flash-2:stby-flash:",
		.n_fs = 2,
		.fs = {
			{"flash:", "flash-1:", true,
			 {true, 741621760, 1, 3, 12}, {true, 481730560, 1, 13, 22}},
			{"flash-2:", "stby-flash:", false,
			 {true, 1622147072, 2, 1, 11}, {true, 1360527360, 2, 12, 22}},
		},
	},
	{
		.title = "unknown sizes stay unknown",
		.text = "             -             -      disk     rw   usbflash0:",
		.n_fs = 1,
		.fs = {{"usbflash0:", NULL, false, {false}, {false}}},
	},
	{
		.title = "junk and an oversized number: warnings",
		.text = "this is not a table\n"
			"   99999999999999999999999    4835155968      disk     rw   flash:",
		.n_fs = 1,
		.fs = {{"flash:", NULL, false,
			{false}, {true, 4835155968u, 2, 31, 41}}},
		.warnings = 2,
	},
	{
		.title = "only opaque, network and nvram rows: no filesystem",
		.text = "File Systems:\n"
			"     Size(b)     Free(b)      Type  Flags  Prefixes\n"
			"           -           -    opaque     rw   system:\n"
			"      524288      520138     nvram     rw   nvram:\n"
			"           -           -   network     rw   tftp:",
		.n_fs = 0,
	},
	{
		.title = "C9500 StackWise Virtual: bootflash-N: per member",
		.text = "File Systems:\n"
			"\n"
			"       Size(b)       Free(b)      Type  Flags  Prefixes\n"
			"*  11250098176    8731131904      disk     rw   bootflash: flash:\n"
			"   11250171904    8739577856      disk     rw   bootflash-2:\n"
			"   11250171904    8739577857      disk     rw   bootflash-1:",
		.n_fs = 3,
		.fs = {
			{"bootflash:", "flash:", true,
			 {true, 11250098176u, 4, 4, 15}, {true, 8731131904u, 4, 19, 29}},
			{"bootflash-2:", NULL, false,
			 {true, 11250171904u, 5, 4, 15}, {true, 8739577856u, 5, 19, 29}},
			{"bootflash-1:", NULL, false,
			 {true, 11250171904u, 6, 4, 15}, {true, 8739577857u, 6, 19, 29}},
		},
	},
	{
		.title = "classic stack: flash2: and flash3: rows",
		.text = "File Systems:\n"
			"\n"
			"     Size(b)     Free(b)      Type  Flags  Prefixes\n"
			"*   122185728    92824064     flash     rw   flash:\n"
			"    122185728    93198848     flash     rw   flash2:\n"
			"    122185728    13844992     flash     rw   flash3:",
		.n_fs = 3,
		.fs = {
			{"flash:", NULL, true,
			 {true, 122185728, 4, 5, 14}, {true, 92824064, 4, 18, 26}},
			{"flash2:", NULL, false,
			 {true, 122185728, 5, 5, 14}, {true, 93198848, 5, 18, 26}},
			{"flash3:", NULL, false,
			 {true, 122185728, 6, 5, 14}, {true, 13844992, 6, 18, 26}},
		},
	},
};

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

static void check_num(const char *title, const char *what, const ip_u64 *got,
		      const num_exp *want)
{
	cr_expect_eq(got->known, want->known, "%s: %s known", title, what);
	if (!want->known || !got->known)
		return;
	cr_expect_eq(got->v, want->v, "%s: %s value", title, what);
	cr_expect_eq(got->span.line, want->line, "%s: %s line %u", title, what,
		     got->span.line);
	cr_expect_eq(got->span.col, want->col, "%s: %s col %u", title, what,
		     got->span.col);
	cr_expect_eq(got->span.end_col, want->end_col, "%s: %s end %u", title,
		     what, got->span.end_col);
}

/* Each case runs in a fresh process: pass the index, not the pointers. */
ParameterizedTestParameters(file_systems, tables)
{
	static size_t ix[N_CASES];
	for (size_t i = 0; i < N_CASES; i++)
		ix[i] = i;
	return cr_make_param_array(size_t, ix, N_CASES);
}

ParameterizedTest(size_t *i, file_systems, tables)
{
	const fsys_case *c = &cases[*i];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	const ip_section *s = test_section(a, IP_CMD_FILE_SYSTEMS, c->text);
	cr_assert_eq(file_systems_parse(dev, s, &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings,
		     "%s: warnings", c->title);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_ERROR), 0, "%s", c->title);
	cr_assert_eq(dev->n_filesystems, c->n_fs, "%s: %zu filesystems",
		     c->title, dev->n_filesystems);
	for (size_t k = 0; k < c->n_fs; k++) {
		const fs_exp *w = &c->fs[k];
		const ip_filesystem *fs = &dev->filesystems[k];
		cr_expect_str_eq(fs->name, w->name, "%s", c->title);
		if (w->aliases)
			cr_expect(fs->aliases && strcmp(fs->aliases, w->aliases) == 0,
				  "%s: %s aliases '%s'", c->title, w->name,
				  fs->aliases ? fs->aliases : "(null)");
		else
			cr_expect_null(fs->aliases, "%s: %s aliases", c->title,
				       w->name);
		cr_expect_eq(fs->is_default, w->is_default, "%s: %s default",
			     c->title, w->name);
		check_num(c->title, "total", &fs->total, &w->total);
		check_num(c->title, "free", &fs->free, &w->free);
		cr_expect(!fs->listed, "%s: not a listing", c->title);
	}
	ip_arena_free(a);
}

Test(file_systems, listing_under_an_alias_takes_the_name)
{
	/* `dir bootflash:` read before `show file systems` on a Cat9k */
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_filesystem *bf = ip_device_filesystem(dev, a, "bootflash:");
	bf->listed = true;
	const ip_section *s = test_section(a, IP_CMD_FILE_SYSTEMS,
		"*  11353194496    4835155968      disk     rw   flash: bootflash: flash-1:");
	cr_assert_eq(file_systems_parse(dev, s, &ctx), 0);
	cr_assert_eq(dev->n_filesystems, 1);
	cr_expect_str_eq(dev->filesystems[0].name, "flash:");
	cr_expect_str_eq(dev->filesystems[0].aliases, "bootflash: flash-1:");
	cr_expect(dev->filesystems[0].listed && dev->filesystems[0].is_default);
	ip_arena_free(a);
}

Test(file_systems, unknown_size_keeps_what_a_listing_said)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_filesystem *fs = ip_device_filesystem(dev, a, "usbflash0:");
	fs->free = (ip_u64){.known = true, .v = 42};
	const ip_section *s = test_section(a, IP_CMD_FILE_SYSTEMS,
		"             -             -      disk     rw   usbflash0:");
	cr_assert_eq(file_systems_parse(dev, s, &ctx), 0);
	cr_expect(dev->filesystems[0].free.known);
	cr_expect_eq(dev->filesystems[0].free.v, 42);
	ip_arena_free(a);
}

Test(file_systems, newer_table_moves_the_default)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	const ip_section *s1 = test_section(a, IP_CMD_FILE_SYSTEMS,
		"     Size(b)     Free(b)      Type  Flags  Prefixes\n"
		"*   15998976     5135872     flash     rw   flash:\n"
		"    15998976     5135872      disk     rw   usbflash0:");
	const ip_section *s2 = test_section(a, IP_CMD_FILE_SYSTEMS,
		"     Size(b)     Free(b)      Type  Flags  Prefixes\n"
		"*   15998976     5135872      disk     rw   usbflash0:");
	cr_assert_eq(file_systems_parse(dev, s1, &ctx), 0);
	cr_assert_eq(file_systems_parse(dev, s2, &ctx), 0);
	cr_expect(!ip_device_filesystem_find(dev, "flash:")->is_default);
	cr_expect(ip_device_filesystem_find(dev, "usbflash0:")->is_default);
	ip_arena_free(a);
}

/* --- ntc-templates corpus ------------------------------------------------- */

typedef struct yml_fs {
	char size[32], free[32], type[16], prefixes[64];
} yml_fs;

static int yml_rows(const char *path, yml_fs *rows, int max)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	int n = -1, depth = 0, done = 0;
	char key[32] = "";
	bool want_key = true;
	while (!done && yaml_parser_parse(&p, &ev)) {
		if (ev.type == YAML_MAPPING_START_EVENT && ++depth == 2 && n + 1 < max) {
			memset(&rows[++n], 0, sizeof(rows[0]));
			want_key = true;
		} else if (ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (ev.type == YAML_SCALAR_EVENT && depth == 2 && n >= 0) {
			const char *v = (const char *)ev.data.scalar.value;
			if (want_key)
				snprintf(key, sizeof(key), "%s", v);
			else if (strcmp(key, "size") == 0)
				snprintf(rows[n].size, sizeof(rows[n].size), "%s", v);
			else if (strcmp(key, "free") == 0)
				snprintf(rows[n].free, sizeof(rows[n].free), "%s", v);
			else if (strcmp(key, "type") == 0)
				snprintf(rows[n].type, sizeof(rows[n].type), "%s", v);
			else if (strcmp(key, "prefixes") == 0)
				snprintf(rows[n].prefixes, sizeof(rows[n].prefixes), "%s", v);
			want_key = !want_key;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	fclose(f);
	return n + 1;
}

Test(file_systems, corpus_ntc_show_file_systems)
{
	const char *root = test_corpus_dir();
	if (!root)
		cr_skip_test("corpus not found (../shared/corpus/ntc-templates beside the tree, or IOSPLAN_CORPUS)");
	char raw[1024], yml[1024];
	snprintf(raw, sizeof(raw), "%s/cisco_ios/show_file_systems/show_file_systems.raw", root);
	snprintf(yml, sizeof(yml), "%.*s.yml", (int)(strlen(raw) - 4), raw);
	char *text = test_read_file(raw, NULL);
	yml_fs rows[64];
	int n = yml_rows(yml, rows, 64);
	if (!text || n < 0) {
		free(text);
		cr_skip_test("corpus %s not found", raw);
	}
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	const ip_section *s = test_section(a, IP_CMD_FILE_SYSTEMS, text);
	cr_assert_eq(file_systems_parse(dev, s, &ctx), 0);
	cr_expect_eq(diags.n, 0);
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(rows[i].type, "disk") != 0 && strcmp(rows[i].type, "flash") != 0)
			continue;
		const ip_filesystem *fs = ip_device_filesystem_find(dev, rows[i].prefixes);
		cr_assert_not_null(fs, "row %s missing", rows[i].prefixes);
		cr_expect_eq(fs->total.v, strtoull(rows[i].size, NULL, 10));
		cr_expect_eq(fs->free.v, strtoull(rows[i].free, NULL, 10));
		cr_expect(!fs->is_default);
		k++;
	}
	cr_expect_eq(k, 2, "the .yml lists crashinfo: and webui: as disks");
	/* ntc's template drops the row marked '*'; it is the default flash: */
	const ip_filesystem *flash = ip_device_filesystem_find(dev, "flash:");
	cr_assert_not_null(flash);
	cr_expect(flash->is_default);
	cr_expect_eq(flash->total.v, 11353194496u);
	cr_expect_eq(flash->free.v, 9936510976u);
	cr_expect_eq(flash->total.span.line, 7);
	cr_expect_eq(dev->n_filesystems, 3);
	free(text);
	ip_arena_free(a);
}
