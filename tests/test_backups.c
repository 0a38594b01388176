/* Backup files: RANCID (parsers/rancid.c), Oxidized (parsers/oxidized.c),
 * the facts both share (parsers/backup.c), the disagreements between a
 * device's files (parsers/merge.c), and the flash-space rule on RANCID's
 * rounded free space. Samples from samples/rancid, samples/oxidized and
 * samples/split, and small inline files. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "merge.h"
#include "rule_harness.h"

/* --- inline inputs ------------------------------------------------------------ */

static const char rancid_tiny[] =
	"!RANCID-CONTENT-TYPE: cisco\n"                                           /* 1 */
	"!\n"
	"!Chassis type: WS-C2960+24TC-L - a WS-C2960+24TC-L\n"                    /* 3 */
	"!Processor ID: FOC1832W1TZ\n"                                            /* 4 */
	"!Image: Software: C2960-LANBASEK9-M, 15.2(7)E6, RELEASE SOFTWARE (fc2)\n" /* 5 */
	"!Image: flash:c2960-lanbasek9-mz.152-7.E6.bin\n"                         /* 6 */
	"!Variable: BOOT=flash:c2960-lanbasek9-mz.152-7.E6.bin\n"                 /* 7 */
	"!Flash: Directory of flash:/\n"
	"!Flash:     2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	"!Flash: 64016384 bytes total (< 1KB free)\n"                             /* 10 */
	"!\n"
	"config-register 0x2102 (will be 0x2142 at next reload)\n"                /* 12 */
	"!\n"
	"hostname SW9\n"                                                          /* 14 */
	"boot system flash:c2960-lanbasek9-mz.152-7.E6.bin\n"                     /* 15 */
	"end\n";

static const char rancid_isr_g2[] =
	"!RANCID-CONTENT-TYPE: cisco\n"
	"!\n"
	"!Chassis type: CISCO2911/K9\n"
	"!Image: Software: C2900-UNIVERSALK9-M, 15.4(3)M10, RELEASE SOFTWARE (fc1)\n"
	"!Image: flash0:c2900-universalk9-mz.SPA.154-3.M10.bin\n"
	"!ROM Bootstrap: Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)\n"           /* 6 */
	"!\n"
	"!Flash: -#- --length-- -----date/time------ path\n"
	"!Flash: 1    106640948 Jan 12 2021 10:22:34 +00:00 c2900-universalk9-mz.SPA.154-3.M10.bin\n"
	"!Flash: 142 MB free\n"                                                   /* 10 */
	"!\n"
	"config-register 0x2102\n"
	"!\n"
	"version 15.4\n"
	"hostname BR-9\n"
	"end\n";

static const char rancid_zero[] =
	"!RANCID-CONTENT-TYPE: cisco\n"
	"!Image: Software: C2960-LANBASEK9-M, 15.2(7)E6, RELEASE SOFTWARE (fc2)\n"
	"!Flash: Directory of flash:/\n"
	"!Flash:     2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	"!Flash: 64016384 bytes total (0 bytes free)\n"
	"!\n"
	"version 15.2\n"
	"hostname SW0\n"
	"end\n";

/* RANCID before it rounded: the exact count stays exact. */
static const char rancid_exact[] =
	"!RANCID-CONTENT-TYPE: cisco\n"
	"!Flash: Directory of flash:/\n"
	"!Flash:     2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	"!Flash: 64016384 bytes total (51433472 bytes free)\n"
	"!\n"
	"version 15.2\n"
	"hostname SW1\n"
	"end\n";

static const char rancid_nx[] =
	"!RANCID-CONTENT-TYPE: cisco-nx\n"
	"!Image: Software: NXOS-FAKE, 9.3(10), RELEASE SOFTWARE\n"
	"!\n"
	"hostname nx1\n";

static const char rancid_bad_software[] =
	"!RANCID-CONTENT-TYPE: cisco\n"
	"!Image: Software: nothing useful here\n"
	"!\n"
	"version 15.2\n"
	"hostname SW2\n"
	"end\n";

static const char oxidized_inventory[] =
	"! Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, RELEASE SOFTWARE (fc2)\n"
	"! Image: Software: C2960-LANBASEK9-M, 15.2(7)E6, RELEASE SOFTWARE (fc2)\n"
	"!\n"
	"! NAME: \"1\", DESCR: \"WS-C2960+24TC-L\"\n"
	"! PID: WS-C2960+24TC-L   , VID: V01  , SN: FOC1832W1TZ\n"           /* 5 */
	"!\n"
	"hostname ACC-9\n"
	"end\n";

/* A plain configuration that happens to hold comments: not a backup. */
static const char plain_config[] =
	"version 15.2\n"
	"! Image: flash:evil.bin\n"
	"! Chassis type: NOT-A-FACT\n"
	"hostname PLAIN\n"
	"end\n";

/* --- facts -------------------------------------------------------------------- */

typedef enum fact {
	F_VERSION, F_XE_VERSION, F_PLATFORM, F_SERIAL, F_ROMMON, F_IMAGE, F_SOFTWARE,
	F_HOSTNAME, F_OS, F_CONFREG, F_CONFREG_NEXT, F_BOOTVAR0, F_RUNNING0, F_INSTALL,
} fact;

typedef struct fact_case {
	const char *name;
	const char *input;  /* a path under samples/, or the text itself */
	fact f;
	const char *want;   /* NULL: must stay unknown */
	uint32_t line, col, end_col;
} fact_case;

#define R31 "rancid/acc-sw-2960-31.campus.example.net"
#define R5 "rancid/wan-edge-r5.example.net"
#define OX4 "oxidized/wan-edge-r4"
#define OX5 "oxidized/acc-sw-2960-05"

static const fact_case fact_cases[] = {
	/* RANCID, a 2960-Plus */
	{ "rancid version", R31, F_VERSION, "15.2(7)E9", 19, 38, 47 },
	{ "rancid software image", R31, F_SOFTWARE, "C2960-LANBASEK9-M", 19, 19, 36 },
	{ "rancid os", R31, F_OS, "ios", 19, 38, 47 },
	{ "rancid model", R31, F_PLATFORM, "WS-C2960+48TC-L", 3, 16, 31 },
	{ "rancid serial from Processor ID", R31, F_SERIAL, "FOC1744Z1QX", 8, 16, 27 },
	{ "rancid rommon from BOOTLDR", R31, F_ROMMON, "12.2(53r)SEY3", 23, 19, 32 },
	{ "rancid system image", R31, F_IMAGE, "flash:/c2960-lanbasek9-mz.152-7.E9.bin", 21, 9, 47 },
	{ "rancid register is show version's", R31, F_CONFREG, "0xF", 63, 17, 20 },
	{ "rancid BOOT path-list behind !Variable:", R31, F_BOOTVAR0,
	  "flash:/c2960-lanbasek9-mz.152-7.E9.bin", 25, 34, 72 },
	{ "rancid running boot list", R31, F_RUNNING0, "flash:/c2960-lanbasek9-mz.152-7.E9.bin",
	  74, 13, 51 },
	{ "rancid hostname", R31, F_HOSTNAME, "ACC-SW-2960-31", 71, 10, 24 },
	/* RANCID, an ISR4331 on IOS-XE */
	{ "rancid xe os from the version", R5, F_OS, "iosxe", 12, 52, 58 },
	{ "rancid xe version", R5, F_XE_VERSION, "16.9.6", 12, 52, 58 },
	{ "rancid xe install mode from the image", R5, F_INSTALL, "no", 14, 9, 55 },
	{ "rancid BOOT variable behind !BootFlash:", R5, F_BOOTVAR0,
	  "bootflash:isr4300-universalk9.16.09.06.SPA.bin", 16, 29, 75 },
	{ "rancid no ROM version on ISR4k", R5, F_ROMMON, NULL, 0, 0, 0 },
	/* RANCID, inline */
	{ "chassis type loses ' - a …'", rancid_tiny, F_PLATFORM, "WS-C2960+24TC-L", 3, 16, 31 },
	{ "ROMMON-style BOOT=", rancid_tiny, F_BOOTVAR0, "flash:c2960-lanbasek9-mz.152-7.E6.bin",
	  7, 17, 54 },
	{ "register now", rancid_tiny, F_CONFREG, "0x2102", 12, 17, 23 },
	{ "register at next reload", rancid_tiny, F_CONFREG_NEXT, "0x2142", 12, 33, 39 },
	{ "config without a version line", rancid_tiny, F_RUNNING0,
	  "flash:c2960-lanbasek9-mz.152-7.E6.bin", 15, 13, 50 },
	{ "hostname without a version line", rancid_tiny, F_HOSTNAME, "SW9", 14, 10, 13 },
	{ "ROM Bootstrap", rancid_isr_g2, F_ROMMON, "15.0(1r)M16", 6, 25, 36 },
	{ "another content type is not read", rancid_nx, F_VERSION, NULL, 0, 0, 0 },
	{ "a software line without a version", rancid_bad_software, F_VERSION, NULL, 0, 0, 0 },
	/* Oxidized */
	{ "oxidized xe version from the first line", OX4, F_XE_VERSION, "16.09.06", 1, 34, 42 },
	{ "oxidized version", OX4, F_VERSION, "16.9.6", 2, 53, 59 },
	{ "oxidized os", OX4, F_OS, "iosxe", 1, 9, 15 },
	{ "oxidized image", OX4, F_IMAGE, "bootflash:isr4300-universalk9.16.09.06.SPA.bin", 4, 10, 56 },
	{ "oxidized model", OX4, F_PLATFORM, "ISR4331/K9", 5, 17, 27 },
	{ "oxidized serial", OX4, F_SERIAL, "FDO2149A0KB", 7, 17, 28 },
	{ "oxidized boot list from the config", OX4, F_RUNNING0,
	  "bootflash:isr4300-universalk9.16.12.04.SPA.bin", 35, 13, 59 },
	{ "oxidized has no register", OX4, F_CONFREG, NULL, 0, 0, 0 },
	{ "oxidized classic os", OX5, F_OS, "ios", 2, 39, 48 },
	{ "oxidized classic version", OX5, F_VERSION, "15.2(7)E6", 2, 39, 48 },
	{ "oxidized keeps no BOOTLDR", OX5, F_ROMMON, NULL, 0, 0, 0 },
	{ "model from the inventory", oxidized_inventory, F_PLATFORM, "WS-C2960+24TC-L", 5, 8, 23 },
	{ "serial from the inventory", oxidized_inventory, F_SERIAL, "FOC1832W1TZ", 5, 44, 55 },
	{ "comments in a plain config are not facts", plain_config, F_IMAGE, NULL, 0, 0, 0 },
	{ "no model from a plain config", plain_config, F_PLATFORM, NULL, 0, 0, 0 },
};

static ip_device_set *load(const char *input)
{
	return strchr(input, '\n') ? test_load_text("backup", input) : test_load_samples(input, NULL);
}

static const char *fact_get(const ip_device *d, fact f, ip_span *sp, char *buf, size_t n)
{
	const ip_text *t = NULL;
	switch (f) {
	case F_VERSION: t = &d->version; break;
	case F_XE_VERSION: t = &d->xe_version; break;
	case F_PLATFORM: t = &d->platform; break;
	case F_SERIAL: t = &d->serial; break;
	case F_ROMMON: t = &d->rommon; break;
	case F_SOFTWARE: t = &d->software_image; break;
	case F_HOSTNAME: t = &d->hostname; break;
	case F_IMAGE: *sp = d->system_image.span; return d->system_image.raw;
	case F_OS: *sp = d->os_span; return ip_os_name(d->os);
	case F_CONFREG:
	case F_CONFREG_NEXT: {
		const ip_register *r = f == F_CONFREG ? &d->confreg : &d->confreg_next;
		*sp = r->span;
		if (!r->known)
			return NULL;
		snprintf(buf, n, "0x%X", (unsigned)r->v);
		return buf;
	}
	case F_BOOTVAR0:
	case F_RUNNING0: {
		const ip_boot_list *l = f == F_BOOTVAR0 ? &d->bootvar : &d->boot_running;
		*sp = l->n ? l->v[0].span : (ip_span){ 0 };
		return l->n ? l->v[0].raw : NULL;
	}
	case F_INSTALL:
		*sp = d->install_mode.span;
		return d->install_mode.v == IP_TRI_YES ? "yes" : d->install_mode.v == IP_TRI_NO ? "no" : NULL;
	}
	*sp = t->span;
	return t->s;
}

IP_TABLE_PARAMS(backups, facts, fact_cases)
ParameterizedTest(size_t *row, backups, facts)
{
	const fact_case *c = &fact_cases[*row];
	ip_device_set *set = load(c->input);
	cr_assert_geq(set->n, 1, "%s: a device", c->name);
	char buf[32];
	ip_span sp = { 0 };
	const char *got = fact_get(set->v[0], c->f, &sp, buf, sizeof(buf));
	if (!c->want) {
		cr_assert_null(got, "%s: unknown, got '%s'", c->name, got);
	} else {
		cr_assert_not_null(got, "%s: want '%s', unknown", c->name, c->want);
		cr_assert_str_eq(got, c->want, "%s", c->name);
		cr_assert_eq(sp.line, c->line, "%s: line %u, want %u", c->name, sp.line, c->line);
		cr_assert_eq(sp.col, c->col, "%s: col %u, want %u", c->name, sp.col, c->col);
		cr_assert_eq(sp.end_col, c->end_col, "%s: end col %u, want %u", c->name, sp.end_col,
			     c->end_col);
	}
	ip_device_set_free(set);
}

/* --- RANCID's rounded free space ------------------------------------------------ */

typedef struct free_case {
	const char *name;
	const char *input;
	const char *fs;
	uint64_t lo, hi;
	bool bound, total_known;
	uint32_t line, col, end_col;
} free_case;

static const free_case free_cases[] = {
	{ "MB, rounded down", R31, "flash:", 31u << 20, (32u << 20) - 1, true, true, 61, 31, 36 },
	{ "GB, dir /all behind the device name", R5, "bootflash:", 5ull << 30, (6ull << 30) - 1,
	  true, true, 34, 44, 48 },
	{ "a second device's listing", R5, "nvram:", 31u << 20, (32u << 20) - 1, true, true, 39, 38, 43 },
	{ "< 1KB", rancid_tiny, "flash:", 1, 1023, true, true, 10, 31, 36 },
	{ "bytes available form keeps no total", rancid_isr_g2, "flash:", 142u << 20,
	  (143u << 20) - 1, true, false, 10, 9, 15 },
	{ "0 bytes is exact", rancid_zero, "flash:", 0, 0, false, true, 5, 31, 38 },
	{ "an unrounded count stays exact", rancid_exact, "flash:", 51433472, 0, false, true, 4, 31, 39 },
};

IP_TABLE_PARAMS(backups, free_space, free_cases)
ParameterizedTest(size_t *row, backups, free_space)
{
	const free_case *c = &free_cases[*row];
	ip_device_set *set = load(c->input);
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_ERROR), 0, "%s: reads cleanly: %s", c->name,
		     set->diags.n ? set->diags.v[0].message : "");
	const ip_filesystem *fs = ip_device_filesystem_find(set->v[0], c->fs);
	cr_assert_not_null(fs, "%s: %s listed", c->name, c->fs);
	cr_assert(fs->free.known && fs->complete, "%s: free known, listing complete", c->name);
	cr_assert_eq(fs->free.v, c->lo, "%s: free %llu, want %llu", c->name,
		     (unsigned long long)fs->free.v, (unsigned long long)c->lo);
	cr_assert_eq(fs->free_is_bound, c->bound, "%s: bound", c->name);
	if (c->bound)
		cr_assert_eq(fs->free_max, c->hi, "%s: upper %llu", c->name, (unsigned long long)fs->free_max);
	cr_assert_eq(fs->total.known, c->total_known, "%s: total known", c->name);
	cr_assert_eq(fs->free.span.line, c->line, "%s: line %u", c->name, fs->free.span.line);
	cr_assert_eq(fs->free.span.col, c->col, "%s: col %u", c->name, fs->free.span.col);
	cr_assert_eq(fs->free.span.end_col, c->end_col, "%s: end col %u", c->name, fs->free.span.end_col);
	ip_device_set_free(set);
}

/* Blanked volatile files are kept, their size unknown; nothing warns. */
Test(backups, blanked_files)
{
	ip_device_set *set = load(R5);
	const ip_filesystem *fs = ip_device_filesystem_find(set->v[0], "bootflash:");
	const ip_file *f = fs ? ip_filesystem_file_find(fs, "tracelogs") : NULL;
	cr_assert_not_null(f, "tracelogs kept");
	cr_assert(!f->size.known, "its size blanked");
	cr_assert_eq(f->span.line, 30);
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_WARNING), 0, "no warning: %s",
		     set->diags.n ? set->diags.v[0].message : "");
	ip_device_set_free(set);
	set = load(R31);
	fs = ip_device_filesystem_find(set->v[0], "flash:");
	f = fs ? ip_filesystem_file_find(fs, "vlan.dat") : NULL;
	cr_assert(f && !f->size.known, "vlan.dat kept without size");
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_WARNING), 0);
	ip_device_set_free(set);
}

Test(backups, other_content_type_warns)
{
	ip_device_set *set = load(rancid_nx);
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_WARNING), 1);
	cr_assert(strstr(set->diags.v[0].message, "cisco-nx"), "%s", set->diags.v[0].message);
	ip_device_set_free(set);
}

/* --- sections ------------------------------------------------------------------- */

typedef struct section_case {
	const char *name;
	const char *input;
	ip_cmd cmds[4];
} section_case;

static const section_case section_cases[] = {
	{ "rancid block, then the running-config from 'version'", rancid_isr_g2,
	  { IP_CMD_RANCID, IP_CMD_RUNNING_CONFIG } },
	{ "rancid keeps its config-register line", R31, { IP_CMD_RANCID, IP_CMD_RUNNING_CONFIG } },
	{ "oxidized block, then the running-config", OX4, { IP_CMD_OXIDIZED, IP_CMD_RUNNING_CONFIG } },
	{ "a plain config stays a config", plain_config, { IP_CMD_CONFIG } },
};

IP_TABLE_PARAMS(backups, sections, section_cases)
ParameterizedTest(size_t *row, backups, sections)
{
	const section_case *c = &section_cases[*row];
	ip_device_set *set = load(c->input);
	const ip_device *d = set->v[0];
	size_t want = 0;
	while (want < 4 && c->cmds[want])
		want++;
	cr_assert_eq(d->n_sources, want, "%s: %zu sections", c->name, d->n_sources);
	for (size_t i = 0; i < want; i++)
		cr_assert_eq(d->sources[i].cmd, c->cmds[i], "%s: section %zu is %s", c->name, i,
			     ip_cmd_name(d->sources[i].cmd));
	ip_device_set_free(set);
}

/* --- several files of one device -------------------------------------------------- */

static size_t conflicts(const ip_device_set *set, const char *what)
{
	size_t n = 0;
	for (size_t i = 0; i < set->diags.n; i++)
		n += set->diags.v[i].kind == IP_DIAG_CONFLICT && /* what the audit reads */
		     strncmp(set->diags.v[i].message, IP_MERGE_CONFLICT_PREFIX,
			     sizeof(IP_MERGE_CONFLICT_PREFIX) - 1) == 0 &&
		     strstr(set->diags.v[i].message, what) != NULL;
	return n;
}

Test(backups, conflicting_files)
{
	ip_device_set *set = test_load_samples("split/EDGE-RTR-09/edge-rtr-09.example.net",
					       "split/EDGE-RTR-09/show_version.txt", NULL);
	cr_assert_eq(set->n, 1, "one device");
	cr_assert_eq(conflicts(set, "running version: 15.4(3)M10 here, 15.7(3)M8 at"), 1);
	cr_assert_eq(conflicts(set, "running image"), 1);
	cr_assert_eq(conflicts(set, "on the model:"), 0, "the same model is no conflict");
	cr_assert_eq(conflicts(set, "configuration register"), 0, "the same register neither");
	const ip_diag *x = NULL;
	for (size_t i = 0; i < set->diags.n && !x; i++)
		if (strstr(set->diags.v[i].message, "running version"))
			x = &set->diags.v[i];
	cr_assert(strstr(x->span.file, "show_version.txt"), "at the later file");
	cr_assert_eq(x->span.line, 1);
	cr_assert_eq(x->span.col, 67);
	cr_assert_str_eq(set->v[0]->version.s, "15.4(3)M10", "the later file's value is kept");
	ip_device_set_free(set);
}

Test(backups, agreeing_files)
{
	ip_device_set *set = test_load_samples("split/DIST-SW-01/running.cfg",
					       "split/DIST-SW-01/show_boot.txt",
					       "split/DIST-SW-01/show_flash.txt",
					       "split/DIST-SW-01/show_version.txt", NULL);
	cr_assert_eq(set->n, 1, "the files without a hostname join the one device");
	cr_assert_eq(conflicts(set, ""), 0);
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_ERROR), 0);
	cr_assert(set->v[0]->bootvar.known && set->v[0]->filesystems && set->v[0]->version.s);
	ip_device_set_free(set);
}

/* "16.9.6" (RANCID) and "16.09.06" (show version) are one release. */
Test(backups, versions_compared_by_value)
{
	ip_device_set *set = test_load_samples("oxidized/wan-edge-r4", "rancid/wan-edge-r5.example.net",
					       NULL);
	cr_assert_eq(set->n, 2, "two devices: no conflict between them");
	cr_assert_eq(conflicts(set, ""), 0);
	ip_device_set_free(set);
}

/* In one session log a later output supersedes an earlier one silently. */
Test(backups, same_file_supersedes)
{
	ip_device_set *set = test_load_text("two.log",
		"R1#show version\n"
		"Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.4(3)M10, RELEASE SOFTWARE (fc1)\n"
		"R1 uptime is 1 minute\n"
		"Cisco CISCO2911/K9 (revision 1.0) with 483328K/40960K bytes of memory.\n"
		"R1#show version\n"
		"Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE SOFTWARE (fc2)\n"
		"R1 uptime is 2 minutes\n"
		"Cisco CISCO2911/K9 (revision 1.0) with 483328K/40960K bytes of memory.\n");
	cr_assert_eq(conflicts(set, ""), 0);
	cr_assert_str_eq(set->v[0]->version.s, "15.7(3)M8");
	ip_device_set_free(set);
}

/* --- flash-space on a rounded free space -------------------------------------------- */

typedef struct space_case {
	const char *name;
	uint64_t size;
	size_t n;
	bool weak;
} space_case;

/* 31 MB free: between 32505856 and 33554431 bytes. Need = size + 1 MiB or
 * 5 %, whichever is larger. */
static const space_case space_cases[] = {
	{ "the lower end fits: silent", 30000000, 0, false },
	{ "only the upper end fits: weak", 31000000, 1, true },
	{ "not even the upper end fits", 33000000, 1, false },
};

IP_TABLE_PARAMS(backups, flash_space_bound, space_cases)
ParameterizedTest(size_t *row, backups, flash_space_bound)
{
	const space_case *c = &space_cases[*row];
	rule_run_opts o = { .target = "c2960-lanbasek9-mz.152-7.E10.bin", .target_size = c->size };
	rule_run *r = rule_run_new_opts("flash-space", R31, &o);
	rule_run_expect(r, c->name, c->n, 61, 31, c->n ? "rounds the free space down" : NULL);
	if (c->n)
		cr_assert_eq(rule_run_first(r)->weak, c->weak, "%s: weak", c->name);
	rule_run_free(r);
}
