/* lint/image_catalog.c: loading the image catalogue (every error with its
 * line and column), choosing a device's image, and samples/images.yaml
 * against every sample device. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "helpers.h"
#include "image_catalog.h"
#include "platform.h"

#define MD5_A "a3f8c12d9e4b72f1c8d5a0e3b6f91234"
#define MD5_B "7b4e91a2f3c8d5e0a1b6c9d2e4f70123"
#define SHA_A "ddd8a71f2aa0094cf19f1d5113115e7024644abd2c74cb28f57382d9d393e384" \
	      "28167310bc386a39dc85b0cd6b81afeab8fdb99fe5397429f5a7f46987a12b84"

typedef struct bad_case {
	const char *title;
	const char *yaml;
	const char *error; /* a part of the message, position included */
} bad_case;

static const bad_case bad_cases[] = {
	{ "not YAML: an unclosed flow sequence",
	  "images:\n  - name: x.bin\n    md5: " MD5_A "\n    platforms: [isr4300\n",
	  "cat.yaml:5:1: error: not valid YAML" },
	{ "not YAML: a tab for indentation",
	  "images:\n  - name: x.bin\n\tmd5: " MD5_A "\n",
	  "cat.yaml:3:1: error: not valid YAML" },
	{ "not YAML: a bad mapping value", "images:\n  - name: a: b\n", "cat.yaml:2:12: error: not valid YAML" },
	{ "empty file", "", "cat.yaml:1:1: error: the catalogue is empty" },
	{ "root is a list", "- name: x.bin\n", "cat.yaml:1:1: error: the catalogue is a mapping" },
	{ "unknown top-level key", "image:\n  - name: x.bin\n", "cat.yaml:1:1: error: unknown key 'image'" },
	{ "images is not a list", "images: x.bin\n", "cat.yaml:1:9: error: 'images' is a non-empty list" },
	{ "images is empty", "images: []\n", "cat.yaml:1:9: error: 'images' is a non-empty list" },
	{ "an entry is not a mapping", "images:\n  - x.bin\n", "cat.yaml:2:5: error: an image entry is a mapping" },
	{ "unknown key in an entry",
	  "images:\n  - name: x.bin\n    md5sum: " MD5_A "\n    platforms: [isr4300]\n",
	  "cat.yaml:3:5: error: unknown key 'md5sum' in an image entry" },
	{ "md5 one digit short",
	  "images:\n  - name: x.bin\n    md5: a3f8c12d9e4b72f1c8d5a0e3b6f9123\n    platforms: [isr4300]\n",
	  "cat.yaml:3:10: error: md5 'a3f8c12d9e4b72f1c8d5a0e3b6f9123' is not 32 hex digits (31 characters)" },
	{ "md5 with a non-hex digit",
	  "images:\n  - name: x.bin\n    md5: g3f8c12d9e4b72f1c8d5a0e3b6f91234\n    platforms: [isr4300]\n",
	  "cat.yaml:3:10: error: md5 'g3f8c12d9e4b72f1c8d5a0e3b6f91234' is not 32 hex digits (32 characters, not all hex)" },
	{ "an MD5 given as the sha512",
	  "images:\n  - name: x.bin\n    sha512: " MD5_A "\n    platforms: [isr4300]\n",
	  "cat.yaml:3:13: error: sha512 '" MD5_A "' is not 128 hex digits (32 characters)" },
	{ "md5 empty", "images:\n  - name: x.bin\n    md5:\n    platforms: [isr4300]\n",
	  "error: 'md5' is a hash of 32 hex digits" },
	{ "size with a unit",
	  "images:\n  - name: x.bin\n    size: 512MB\n    md5: " MD5_A "\n    platforms: [isr4300]\n",
	  "cat.yaml:3:11: error: size '512MB' is not a whole number of bytes" },
	{ "size overflows",
	  "images:\n  - name: x.bin\n    size: 99999999999999999999\n    md5: " MD5_A "\n    platforms: [a]\n",
	  "cat.yaml:3:11: error: size '99999999999999999999' is not a whole number" },
	{ "size zero", "images:\n  - name: x.bin\n    size: 0\n    md5: " MD5_A "\n    platforms: [a]\n",
	  "cat.yaml:3:11: error: size 0" },
	{ "no name", "images:\n  - md5: " MD5_A "\n    platforms: [isr4300]\n",
	  "cat.yaml:2:5: error: an image entry needs 'name'" },
	{ "no hash at all", "images:\n  - name: x.bin\n    size: 100\n    platforms: [isr4300]\n",
	  "cat.yaml:2:5: error: image x.bin has no hash" },
	{ "no platforms", "images:\n  - name: x.bin\n    md5: " MD5_A "\n",
	  "cat.yaml:2:5: error: image x.bin needs 'platforms'" },
	{ "a name with a filesystem",
	  "images:\n  - name: flash:x.bin\n    md5: " MD5_A "\n    platforms: [isr4300]\n",
	  "cat.yaml:2:11: error: 'name' is the image's file name" },
	{ "a platform of two words",
	  "images:\n  - name: x.bin\n    md5: " MD5_A "\n    platforms: [isr 4300]\n",
	  "cat.yaml:4:17: error: a platform is one word" },
	{ "a key twice in one entry",
	  "images:\n  - name: x.bin\n    md5: " MD5_A "\n    md5: " MD5_B "\n    platforms: [a]\n",
	  "cat.yaml:4:5: error: duplicate key 'md5' (first at line 3)" },
	{ "an image listed twice",
	  "images:\n  - name: x.bin\n    md5: " MD5_A "\n    platforms: [a]\n"
	  "  - name: X.BIN\n    md5: " MD5_A "\n    platforms: [b]\n",
	  "cat.yaml:5:11: error: image X.BIN is listed twice (first at line 2)" },
	{ "a platform with two images",
	  "images:\n  - name: x.bin\n    md5: " MD5_A "\n    platforms: [isr4300]\n"
	  "  - name: y.bin\n    md5: " MD5_B "\n    platforms: [c2960, ISR4300]\n",
	  "cat.yaml:7:24: error: platform ISR4300 has two images: x.bin and y.bin (line 4)" },
	/* release facts (issue 22): each malformed form, at its line and column */
#define ENTRY "images:\n  - name: x.bin\n    md5: " MD5_A "\n    platforms: [asr1001x]\n"
	{ "min_rommon not a ROMMON version", ENTRY "    min_rommon: v16.9(1r)\n",
	  "cat.yaml:5:17: error: min_rommon 'v16.9(1r)' is not a ROMMON version" },
	{ "min_rommon a release with a train", ENTRY "    min_rommon: 17.3.2a\n",
	  "cat.yaml:5:17: error: min_rommon '17.3.2a' is not a ROMMON version" },
	{ "min_rommon empty", ENTRY "    min_rommon: \"\"\n",
	  "cat.yaml:5:17: error: 'min_rommon' is a ROMMON version" },
	{ "min_rommon a list", ENTRY "    min_rommon: [16.9(1r)]\n",
	  "cat.yaml:5:17: error: 'min_rommon' is a ROMMON version" },
	{ "min_rommon an empty mapping", ENTRY "    min_rommon: {}\n",
	  "cat.yaml:5:17: error: 'min_rommon' maps platforms to versions" },
	{ "min_rommon mapping with a bad version", ENTRY "    min_rommon:\n      ASR1001-X: 16.9(1r)\n      isr4400: sixteen\n",
	  "cat.yaml:7:16: error: min_rommon 'sixteen' is not a ROMMON version" },
	{ "min_rommon mapping with a two-word platform", ENTRY "    min_rommon: {ISR 4331: 16.9(1r)}\n",
	  "cat.yaml:5:18: error: a 'min_rommon' platform is one word" },
	{ "rommon_one_way a scalar", ENTRY "    rommon_one_way: 16.9(1r)\n",
	  "cat.yaml:5:21: error: 'rommon_one_way' is a list of ROMMON versions" },
	{ "rommon_one_way empty", ENTRY "    rommon_one_way: []\n",
	  "cat.yaml:5:21: error: 'rommon_one_way' is a list" },
	{ "rommon_one_way with a bad version", ENTRY "    rommon_one_way: [16.9(1r), 16.9(1]\n",
	  "cat.yaml:5:32: error: rommon_one_way '16.9(1' is not a ROMMON version" },
	{ "min_dram with an unknown unit", ENTRY "    min_dram: 8X\n",
	  "cat.yaml:5:15: error: min_dram '8X' is not a size" },
	{ "min_dram zero", ENTRY "    min_dram: 0G\n", "cat.yaml:5:15: error: min_dram '0G' is not a size" },
	{ "min_dram a fraction", ENTRY "    min_dram: 3.5G\n", "cat.yaml:5:15: error: min_dram '3.5G' is not a size" },
	{ "min_flash overflows", ENTRY "    min_flash: 99999999999999T\n",
	  "cat.yaml:5:16: error: min_flash '99999999999999T' is not a size" },
	{ "min_flash with trailing words", ENTRY "    min_flash: 8 GB free\n",
	  "cat.yaml:5:16: error: min_flash '8 GB free' is not a size" },
	{ "upgrade_from not a release", ENTRY "    upgrade_from: [16.9.*, any]\n",
	  "cat.yaml:5:28: error: upgrade_from 'any' is not a release" },
	{ "upgrade_from empty", ENTRY "    upgrade_from: []\n",
	  "cat.yaml:5:19: error: 'upgrade_from' lists the releases" },
	{ "via without upgrade_from", ENTRY "    via: 16.3.3\n",
	  "cat.yaml:2:5: error: image x.bin gives 'via' without 'upgrade_from'" },
	{ "via not a release", ENTRY "    upgrade_from: [16.*]\n    via: \"16 3 3\"\n",
	  "cat.yaml:6:10: error: via '16 3 3' is not a release" },
	{ "license_model a scalar", ENTRY "    license_model: SLUP\n",
	  "cat.yaml:5:20: error: 'license_model' is a mapping" },
	{ "license_model without since", ENTRY "    license_model: {model: Smart Licensing Using Policy}\n",
	  "cat.yaml:5:20: error: 'license_model' needs 'since'" },
	{ "license_model without model", ENTRY "    license_model: {since: 17.3.2}\n",
	  "cat.yaml:5:20: error: 'license_model' needs 'model'" },
	{ "license_model unknown key", ENTRY "    license_model: {model: SLUP, from: 17.3.2}\n",
	  "cat.yaml:5:34: error: unknown key 'from' in 'license_model'" },
	{ "rommon_image without md5", ENTRY "    rommon_image: {name: asr1000-rommon.169-1r.SPA.pkg, size: 4194304}\n",
	  "cat.yaml:5:19: error: 'rommon_image' asr1000-rommon.169-1r.SPA.pkg needs 'size' and 'md5'" },
	{ "rommon_image with a path", ENTRY "    rommon_image: {name: bootflash:r.pkg, size: 1, md5: " MD5_B "}\n",
	  "cat.yaml:5:26: error: 'rommon_image' needs 'name'" },
	{ "rommon_image a short md5", ENTRY "    rommon_image: {name: r.pkg, size: 1, md5: abc}\n",
	  "cat.yaml:5:47: error: md5 'abc' is not 32 hex digits" },
	{ "rommon_image a scalar", ENTRY "    rommon_image: r.pkg\n",
	  "cat.yaml:5:19: error: 'rommon_image' is a mapping" },
	{ "source not a mapping", ENTRY "    min_rommon: 16.9(1r)\n    source: https://www.cisco.com/\n",
	  "cat.yaml:6:13: error: 'source' maps a fact" },
	{ "source for an unknown fact", ENTRY "    source: {md5: https://www.cisco.com/}\n",
	  "cat.yaml:5:14: error: 'source' names 'md5', not a release fact" },
	{ "source for a fact not given", ENTRY "    source: {min_dram: https://www.cisco.com/}\n",
	  "cat.yaml:5:14: error: a source for 'min_dram', which this entry does not give" },
	{ "source not a URL", ENTRY "    min_rommon: 16.9(1r)\n    source: {min_rommon: release notes}\n",
	  "cat.yaml:6:26: error: the source of 'min_rommon' is a URL" },
	{ "source given before its fact is still checked", "images:\n  - name: x.bin\n    source: {via: https://x.example/}\n    md5: " MD5_A "\n    platforms: [a]\n",
	  "cat.yaml:3:14: error: a source for 'via', which this entry does not give" },
#undef ENTRY
};

IP_TABLE_PARAMS(catalog, rejects, bad_cases)
ParameterizedTest(size_t *row, catalog, rejects)
{
	const bad_case *c = &bad_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_image_catalog *cat = (void *)1;
	int rc = ip_image_catalog_parse(&cat, a, "cat.yaml", c->yaml, strlen(c->yaml));
	cr_assert_eq(rc, IP_E_CONFIG, "%s: rc %d", c->title, rc);
	cr_assert_null(cat, "%s", c->title);
	cr_assert(strstr(ip_error_last(), c->error), "%s: message '%s' lacks '%s'", c->title,
		  ip_error_last(), c->error);
	ip_arena_free(a);
}

/* Every release fact, in each form, with its source or "unsourced". */
Test(catalog, release_facts)
{
	static const char yaml[] =
		"images:\n"
		"  - name: asr1001x-universalk9.17.09.04a.SPA.bin\n"
		"    md5: " MD5_A "\n"
		"    platforms: [asr1001x]\n"
		"    min_rommon: {ASR1001-X: 16.9(1r), asr1002x: \"15.4(3r)S5\"}\n"
		"    rommon_one_way: [16.9(1r), 17.6.1r]\n"
		"    min_dram: 8G\n"
		"    min_flash: 8 GB\n"
		"    upgrade_from: [16.9.*, 16.12.*, 17.3.2]\n"
		"    via: 16.12.10\n"
		"    license_model: {model: Smart Licensing Using Policy, since: 17.3.2}\n"
		"    rommon_image: {name: asr1000-rommon.169-1r.SPA.pkg, size: 4194304, md5: " MD5_B "}\n"
		"    source:\n"
		"      license_model: https://cisco.com/c/en/us/td/docs/routers/sl_using_policy/b-sl-using-policy/m-migrating-to-sl-using-policy.html\n"
		"      rommon_one_way: https://www.cisco.com/c/en/us/td/docs/routers/access/4400/cpld/isr4400_hwfp.html\n"
		"  - name: c2960-lanbasek9-mz.152-7.E9.bin\n"
		"    md5: " MD5_B "\n"
		"    platforms: c2960\n"
		"    min_rommon: 12.2(44r)SE3\n"
		"    min_dram: 134217728\n"
		"    min_flash: 64MiB\n"
		"    upgrade_from: 15.2(*)E*\n";
	ip_arena *a = ip_arena_new();
	ip_image_catalog *cat;
	cr_assert_eq(ip_image_catalog_parse(&cat, a, "g.yaml", yaml, strlen(yaml)), 0, "%s", ip_error_last());
	const ip_release_facts *r = &cat->v[0].facts;
	cr_assert_null(cat->v[0].min_rommon, "the mapping form has no entry-wide minimum");
	cr_assert_eq(r->n_min_rommon, 2);
	cr_assert_str_eq(r->min_rommon[0].platform, "ASR1001-X");
	cr_assert_str_eq(r->min_rommon[0].version.text, "16.9(1r)");
	cr_assert_eq(r->min_rommon[0].version.span.line, 5);
	cr_assert_eq(r->min_rommon[0].version.span.col, 29);
	cr_assert_str_eq(r->min_rommon[1].version.text, "15.4(3r)S5");
	cr_assert_eq(r->n_one_way, 2);
	cr_assert_str_eq(r->rommon_one_way[1].text, "17.6.1r");
	cr_assert_eq(r->min_dram.v, 8ull << 30);
	cr_assert_eq(r->min_dram.span.line, 7);
	cr_assert_eq(r->min_flash.v, 8ull << 30);
	cr_assert_eq(r->n_upgrade_from, 3);
	cr_assert_str_eq(r->upgrade_from[1].text, "16.12.*");
	cr_assert_str_eq(r->via.text, "16.12.10");
	cr_assert_str_eq(r->license_model.text, "Smart Licensing Using Policy");
	cr_assert_str_eq(r->license_since.text, "17.3.2");
	cr_assert_str_eq(r->rommon_image.name.text, "asr1000-rommon.169-1r.SPA.pkg");
	cr_assert_eq(r->rommon_image.size.v, 4194304u);
	cr_assert_str_eq(r->rommon_image.md5, MD5_B);
	cr_assert(strstr(ip_release_fact_source(r, IP_FACT_LICENSE_MODEL), "sl-using-policy"));
	cr_assert(strstr(ip_release_fact_source(r, IP_FACT_ROMMON_ONE_WAY), "isr4400_hwfp"));
	cr_assert_str_eq(ip_release_fact_source(r, IP_FACT_MIN_ROMMON), "unsourced");
	cr_assert_str_eq(ip_release_fact_source(r, IP_FACT_MIN_DRAM), "unsourced");
	const ip_release_facts *s = &cat->v[1].facts;
	cr_assert_str_eq(cat->v[1].min_rommon, "12.2(44r)SE3", "the scalar form stays entry-wide");
	cr_assert_eq(s->n_min_rommon, 1);
	cr_assert_null(s->min_rommon[0].platform);
	cr_assert_eq(s->min_dram.v, 134217728u, "a bare number is bytes");
	cr_assert_eq(s->min_flash.v, 64ull << 20);
	cr_assert_eq(s->n_upgrade_from, 1, "one release may be a scalar");
	cr_assert_null(s->via.text);
	cr_assert_null(s->rommon_image.name.text);
	cr_assert_str_eq(ip_release_fact_key(IP_FACT_ROMMON_IMAGE), "rommon_image");
	ip_arena_free(a);
}

Test(catalog, unreadable_file)
{
	ip_arena *a = ip_arena_new();
	ip_image_catalog *cat;
	cr_assert_eq(ip_image_catalog_load(&cat, a, "/nonexistent/images.yaml"), IP_E_IO);
	cr_assert(strstr(ip_error_last(), "cannot open the image catalogue"), "%s", ip_error_last());
	ip_arena_free(a);
}

/* A well-formed entry: every field, with its span. */
Test(catalog, fields_and_spans)
{
	static const char yaml[] =
		"# golden images\n"
		"images:\n"
		"  - family: ISR 4300\n"
		"    name: isr4300-universalk9.16.12.04.SPA.bin\n"
		"    size: 559482880\n"
		"    md5: A3F8C12D9E4B72F1C8D5A0E3B6F91234\n"
		"    sha512: " SHA_A "\n"
		"    min_rommon: \"16.9(1r)\"\n"
		"    platforms: [isr4300, ISR4331]\n"
		"  - name: c2960-lanbasek9-mz.152-7.E9.bin\n"
		"    md5: " MD5_B "\n"
		"    platforms: c2960\n";
	ip_arena *a = ip_arena_new();
	ip_image_catalog *cat;
	cr_assert_eq(ip_image_catalog_parse(&cat, a, "g.yaml", yaml, strlen(yaml)), 0, "%s", ip_error_last());
	cr_assert_eq(cat->n, 2);
	const ip_catalog_image *e = &cat->v[0];
	cr_assert_str_eq(e->family, "ISR 4300");
	cr_assert_str_eq(e->name, "isr4300-universalk9.16.12.04.SPA.bin");
	cr_assert_eq(e->name_span.line, 4);
	cr_assert_eq(e->name_span.col, 11);
	cr_assert_eq(e->name_span.end_col, 47);
	cr_assert(e->size.known);
	cr_assert_eq(e->size.v, 559482880u);
	cr_assert_eq(e->size.span.line, 5);
	cr_assert_eq(e->size.span.col, 11);
	cr_assert_str_eq(e->md5, MD5_A, "lower-cased");
	cr_assert_eq(e->md5_span.line, 6);
	cr_assert_eq(e->md5_span.col, 10);
	cr_assert_eq(e->md5_span.end_col, 42);
	cr_assert_str_eq(e->sha512, SHA_A);
	cr_assert_eq(e->sha512_span.line, 7);
	cr_assert_str_eq(e->min_rommon, "16.9(1r)");
	cr_assert_eq(e->n_platforms, 2);
	cr_assert_str_eq(e->platforms[1].text, "ISR4331");
	cr_assert_eq(e->platforms[1].span.col, 26);
	cr_assert_str_eq(e->span.file, "g.yaml");
	const ip_catalog_image *f = &cat->v[1];
	cr_assert_null(f->family);
	cr_assert_not(f->size.known, "size stays unknown when not given");
	cr_assert_null(f->sha512);
	cr_assert_eq(f->n_platforms, 1, "a single platform may be a scalar");
	cr_assert_eq(ip_image_catalog_find(cat, "C2960-LANBASEK9-MZ.152-7.E9.BIN"), f);
	cr_assert_null(ip_image_catalog_find(cat, "c2960-lanbasek9-mz.152-7.E8.bin"));
	ip_arena_free(a);
}

/* --- choosing the image for a device ------------------------------------ */

typedef struct pick_case {
	const char *title;
	const char *model;     /* processor-line model, NULL unknown */
	const char *series;
	const char *tokens;    /* image_platforms */
	const char *want;      /* image name, NULL: none */
	const char *tie;       /* the other image of a tie */
} pick_case;

static const char pick_yaml[] =
	"images:\n"
	"  - name: isr.bin\n    md5: " MD5_A "\n    platforms: [isr4300]\n"
	"  - name: isr4331.bin\n    md5: " MD5_A "\n    platforms: [ISR433]\n"
	"  - name: isr4331k9.bin\n    md5: " MD5_A "\n    platforms: [ISR4331/K9]\n"
	"  - name: c2960.bin\n    md5: " MD5_A "\n    platforms: [c2960]\n"
	"  - name: cat9k.bin\n    md5: " MD5_A "\n    platforms: [cat9k]\n"
	"  - name: c9300.bin\n    md5: " MD5_A "\n    platforms: [C9300-48]\n"
	"  - name: cat4500e.bin\n    md5: " MD5_A "\n    platforms: [cat4500e]\n"
	"  - name: cat4500es8.bin\n    md5: " MD5_A "\n    platforms: [cat4500es8]\n";

static const pick_case pick_cases[] = {
	{ "a token", "ISR4321/K9", "ISR4300", "isr4300", "isr.bin", NULL },
	{ "a model prefix beats a token", "ISR4331/B/K9", "ISR4300", "isr4300", "isr4331.bin", NULL },
	{ "a longer prefix beats a shorter one", "ISR4331/K9", "ISR4300", "isr4300", "isr4331k9.bin", NULL },
	{ "model compared without case", "isr4331/k9", "ISR4300", "isr4300", "isr4331k9.bin", NULL },
	{ "a 2960X is not a 2960", "WS-C2960X-48FPD-L", "C2960X", "c2960x", NULL, NULL },
	{ "the 2960 token", "WS-C2960-24TT-L", "C2960", "c2960", "c2960.bin", NULL },
	{ "Cat9300-48P by its model prefix", "C9300-48P", "C9300", "cat9k", "c9300.bin", NULL },
	{ "Cat9500 by the token", "C9500-40X", "C9500", "cat9k", "cat9k.bin", NULL },
	{ "unknown platform: nothing", NULL, NULL, NULL, NULL, NULL },
	{ "a platform the catalogue lacks", "ASR1001-X", "ASR1001-X", "asr1001x", NULL, NULL },
	{ "two tokens fit equally: a tie", "WS-C4506-E", "C4500", "cat4500e cat4500es8", "cat4500e.bin",
	  "cat4500es8.bin" },
};

IP_TABLE_PARAMS(catalog, picks, pick_cases)
ParameterizedTest(size_t *row, catalog, picks)
{
	const pick_case *c = &pick_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_image_catalog *cat;
	cr_assert_eq(ip_image_catalog_parse(&cat, a, "p.yaml", pick_yaml, strlen(pick_yaml)), 0, "%s",
		     ip_error_last());
	ip_device dev = { 0 };
	dev.platform.s = c->model;
	ip_platform p = { 0 };
	p.series = c->series;
	p.image_platforms = c->tokens;
	const ip_catalog_image *tie, *e = ip_image_catalog_for_device(cat, &dev, &p, &tie);
	if (c->want)
		cr_assert(e && strcmp(e->name, c->want) == 0, "%s: got %s, want %s", c->title,
			  e ? e->name : "none", c->want);
	else
		cr_assert_null(e, "%s: got %s", c->title, e ? e->name : "");
	if (c->tie)
		cr_assert(tie && strcmp(tie->name, c->tie) == 0, "%s: tie %s", c->title, tie ? tie->name : "none");
	else
		cr_assert_null(tie, "%s: unexpected tie with %s", c->title, tie ? tie->name : "");
	ip_arena_free(a);
}

/* --- samples/images.yaml against the sample devices --------------------- */

typedef struct sample_case {
	const char *capture;
	const char *hostname; /* the device in a file of several */
	const char *want;
} sample_case;

static const sample_case sample_cases[] = {
	{ "netstuts-r1.log", NULL, "isr4300-universalk9.16.12.04.SPA.bin" },
	{ "netstuts-sw1.log", NULL, "c2960-lanbasek9-mz.152-7.E9.bin" },
	{ "c9300-install.log", NULL, "cat9k_iosxe.17.12.04.SPA.bin" },
	{ "stack-3850.log", NULL, "cat3k_caa-universalk9.16.12.10a.SPA.bin" },
	{ "dirty-2960x.log", NULL, "c2960x-universalk9-mz.152-7.E9.bin" },
	{ "two-routers.log", "BR-WAN-2911", "c2900-universalk9-mz.SPA.157-3.M8.bin" },
	{ "two-routers.log", "BR-WAN-1941", "c1900-universalk9-mz.SPA.157-3.M8.bin" },
	{ "bare/show_version.txt", NULL, "asr1001x-universalk9.17.09.04a.SPA.bin" },
	{ "traps/wrong-fs-prefix.log", NULL, "c2960-lanbasek9-mz.152-7.E9.bin" },
	{ "traps/register-2142.log", NULL, "c1900-universalk9-mz.SPA.157-3.M8.bin" },
	{ "traps/unsaved-boot.log", NULL, "isr4300-universalk9.16.12.04.SPA.bin" },
	/* issue 11: the stack samples */
	{ "stack-2960x-bundle.log", NULL, "c2960x-universalk9-mz.152-7.E9.bin" },
	{ "stack-no-space-member2.log", NULL, "c2960x-universalk9-mz.152-7.E9.bin" },
	{ "stack-3750x-tar.log", NULL, "c3750e-universalk9-tar.152-4.E10.tar" },
	{ "stack-9300-install.log", NULL, "cat9k_iosxe.17.12.04.SPA.bin" },
	{ "stack-vmismatch.log", NULL, "cat9k_iosxe.17.12.04.SPA.bin" },
	{ "stack-active-only.log", NULL, "cat3k_caa-universalk9.16.12.10a.SPA.bin" },
};

IP_TABLE_PARAMS(catalog, samples, sample_cases)
ParameterizedTest(size_t *row, catalog, samples)
{
	const sample_case *c = &sample_cases[*row];
	char path[1024];
	snprintf(path, sizeof(path), "%s/images.yaml", test_samples_dir());
	ip_device_set *set = test_load_samples(c->capture, NULL);
	ip_image_catalog *cat;
	cr_assert_eq(ip_image_catalog_load(&cat, set->arena, path), 0, "%s", ip_error_last());
	const ip_device *dev = NULL;
	for (size_t i = 0; i < set->n && !dev; i++)
		if (!c->hostname || (set->v[i]->hostname.s && strcmp(set->v[i]->hostname.s, c->hostname) == 0))
			dev = set->v[i];
	cr_assert_not_null(dev, "%s: device %s", c->capture, c->hostname ? c->hostname : "");
	ip_platform p;
	ip_platform_classify(&p, dev);
	const ip_catalog_image *tie, *e = ip_image_catalog_for_device(cat, dev, &p, &tie);
	cr_assert_null(tie, "%s: tie", c->capture);
	cr_assert(e && strcmp(e->name, c->want) == 0, "%s: got %s, want %s", c->capture,
		  e ? e->name : "none", c->want);
	/* every sample image's hashes are well-formed and its platform token fits */
	cr_assert(e->md5 && strlen(e->md5) == 32);
	cr_assert(e->sha512 && strlen(e->sha512) == 128);
	ip_device_set_free(set);
}

/* --- real captures (ntc-templates corpus) --------------------------------- */

typedef struct corpus_case {
	const char *file; /* under cisco_ios/show_version/ */
	const char *want; /* from samples/images.yaml; NULL: no image fits */
} corpus_case;

static const corpus_case corpus_cases[] = {
	{ "cisco_ios_show_version1.raw", "cat3k_caa-universalk9.16.12.10a.SPA.bin" }, /* WS-C3850-48U */
	{ "cisco_ios_show_version4.raw", "cat9k_iosxe.17.12.04.SPA.bin" },            /* C9500-40X */
	{ "cisco_ios_show_version2.raw", NULL },  /* ASR1001: not an ASR1001-X */
	{ "cisco_ios_show_version.raw", NULL },   /* WS-C4948E */
	{ "cisco_ios_show_version3.raw", NULL },  /* IOSv */
};

IP_TABLE_PARAMS(catalog, corpus, corpus_cases)
ParameterizedTest(size_t *row, catalog, corpus)
{
	const corpus_case *c = &corpus_cases[*row];
	const char *dir = test_corpus_dir();
	if (!dir)
		cr_skip_test("corpus not found (set IOSPLAN_CORPUS)");
	char path[1200], cat_path[1024];
	snprintf(path, sizeof(path), "%s/cisco_ios/show_version/%s", dir, c->file);
	size_t len;
	char *text = test_read_file(path, &len);
	if (!text)
		cr_skip_test("%s not in the corpus", c->file);
	ip_device_set *set = test_load_text(c->file, text);
	free(text);
	cr_assert_eq(set->n, 1, "%s", c->file);
	snprintf(cat_path, sizeof(cat_path), "%s/images.yaml", test_samples_dir());
	ip_image_catalog *cat;
	cr_assert_eq(ip_image_catalog_load(&cat, set->arena, cat_path), 0, "%s", ip_error_last());
	ip_platform p;
	ip_platform_classify(&p, set->v[0]);
	const ip_catalog_image *tie, *e = ip_image_catalog_for_device(cat, set->v[0], &p, &tie);
	cr_assert_null(tie, "%s", c->file);
	if (c->want)
		cr_assert(e && strcmp(e->name, c->want) == 0, "%s: got %s", c->file, e ? e->name : "none");
	else
		cr_assert_null(e, "%s: got %s", c->file, e ? e->name : "");
	ip_device_set_free(set);
}
