/* Which device is which (issue 23, point 2): sections are grouped by
 * hostname AND the hardware they name (parsers/identity.c, device.c step
 * 4). Two boxes with one hostname are two devices, named "R1 (serial)" in
 * every output; files of one box still merge when nothing contradicts.
 * Each row loads its files on one thread and on two (the same devices). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "helpers.h"
#include "identity_captures.h"

static char tmpdir[256];
static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "ident"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

#define DIR7206(host)                                                                              \
	host "#dir disk0:\n"                                                                       \
	"Directory of disk0:/\n"                                                                   \
	"    1  -rw-    50331648  Mar 5 2026 09:31:10 +00:00  c7200-adventerprisek9-mz.152-4.M11.bin\n" \
	"255954944 bytes total (205623296 bytes free)\n"
#define RANCID(serial)                                                                             \
	"!RANCID-CONTENT-TYPE: cisco\n!\n"                                                         \
	"!Chassis type: WS-C3850-24P - a WS-C3850-24P\n"                                           \
	"!Processor ID: " serial "\n"                                                              \
	"!\nhostname R1\n!\nend\n"

typedef struct file { const char *path, *text; } file;

typedef struct id_case {
	const char *name;
	file files[4];
	const char *devices;   /* ip_device_name of each device, sorted, '|' between */
	int unsure;            /* "cannot tell which device named" errors */
	int conflicts;         /* merge.c's "the backups disagree" */
} id_case;

static const id_case cases[] = {
	{ "7206 and 3850 stack both R1: two devices",
	  { { "r1-7206/ver.txt", V7206("R1", "Processor board ID 4279256517\n") },
	    { "r1-3850/ver.txt", V3850("R1", "System Serial Number               : FOC1234X0AB\n") } },
	  "R1|R1 (FOC1234X0AB)", 0, 0 },
	{ "one box: a listing without a serial joins its show version",
	  { { "r1/ver.txt", V7206("R1", "Processor board ID 4279256517\n") },
	    { "r1/dir.txt", DIR7206("R1") } },
	  "R1", 0, 0 },
	{ "one box in two folders: show version and RANCID name one serial",
	  { { "a/ver.txt", V3850("R1", "Processor board ID FOC1234X0AB\n") },
	    { "b/R1.rancid", RANCID("FOC1234X0AB") } },
	  "R1", 0, 0 },
	{ "one box: a serial-less show version of the same model merges",
	  { { "a/ver.txt", V3850("R1", "Processor board ID FOC1234X0AB\n") },
	    { "b/ver.txt", V3850("R1", "") } },
	  "R1", 0, 0 },
	{ "two boxes: a listing beside the 7206's show version is the 7206's",
	  { { "r1-7206/ver.txt", V7206("R1", "Processor board ID 4279256517\n") },
	    { "r1-7206/dir.txt", DIR7206("R1") },
	    { "r1-3850/ver.txt", V3850("R1", "Processor board ID FOC1234X0AB\n") } },
	  "R1|R1 (FOC1234X0AB)", 0, 0 },
	{ "two boxes: a listing in a third folder is not guessed",
	  { { "r1-7206/ver.txt", V7206("R1", "Processor board ID 4279256517\n") },
	    { "r1-3850/ver.txt", V3850("R1", "Processor board ID FOC1234X0AB\n") },
	    { "other/dir.txt", DIR7206("R1") } },
	  "R1|R1 (FOC1234X0AB)", 1, 0 },
	{ "two boxes without serials: told apart by model",
	  { { "a/ver.txt", V7206("R1", "") }, { "b/ver.txt", V3850("R1", "") } },
	  "R1|R1 (WS-C3850-24P)", 0, 0 },
	{ "two 3850s named R1, one the RANCID backup of the other's twin",
	  { { "a/ver.txt", V3850("R1", "Processor board ID FOC1234X0AB\n") },
	    { "b/R1.rancid", RANCID("FOC9999Z0ZZ") } },
	  "R1|R1 (FOC9999Z0ZZ)", 0, 0 },
	{ "differently named boxes are untouched",
	  { { "r1/ver.txt", V7206("R1", "Processor board ID 4279256517\n") },
	    { "r2/ver.txt", V3850("R2", "Processor board ID FOC1234X0AB\n") } },
	  "R1|R2", 0, 0 },
};

static void write_file(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	mkdir(path, 0700);
	*slash = '/';
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void check_load(const id_case *c, const char *jobs)
{
	setenv("IOSPLAN_JOBS", jobs, 1);
	char paths[4][512];
	const char *pv[4];
	size_t n = 0;
	for (; n < 4 && c->files[n].path; n++) {
		snprintf(paths[n], sizeof(paths[n]), "%s/%s", tmpdir, c->files[n].path);
		pv[n] = paths[n];
	}
	ip_device_set *s = ip_device_set_new();
	cr_assert_eq(ip_device_set_load(s, pv, n), 0, "%s", c->name);
	const char *names[8];
	cr_assert_leq(s->n, 8);
	for (size_t i = 0; i < s->n; i++)
		names[i] = ip_device_name(s->v[i]) ? ip_device_name(s->v[i]) : "";
	qsort(names, s->n, sizeof(*names), name_cmp);
	char got[512] = "";
	for (size_t i = 0; i < s->n; i++) {
		strcat(got, i ? "|" : "");
		strcat(got, names[i]);
	}
	cr_expect_str_eq(got, c->devices, "%s (jobs %s)", c->name, jobs);
	int unsure = 0, conflicts = 0;
	for (size_t i = 0; i < s->diags.n; i++) {
		unsure += strstr(s->diags.v[i].message, "cannot tell which device named") != NULL;
		conflicts += s->diags.v[i].kind == IP_DIAG_CONFLICT;
	}
	cr_expect_eq(unsure, c->unsure, "%s (jobs %s): %d ambiguity errors", c->name, jobs, unsure);
	cr_expect_eq(conflicts, c->conflicts, "%s (jobs %s): %d conflicts", c->name, jobs,
		     conflicts);
	ip_device_set_free(s);
}

IP_TABLE_PARAMS(identity, devices, cases)
ParameterizedTest(size_t *row, identity, devices, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const id_case *c = &cases[*row];
	for (size_t i = 0; i < 4 && c->files[i].path; i++)
		write_file(c->files[i].path, c->files[i].text);
	check_load(c, "1");
	check_load(c, "2");
}

/* The 7206's listing sits with the 7206, not the stack: the fact that
 * step 4 put the folder's sections into the right box. */
Test(identity, listing_goes_to_its_box, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const id_case *c = &cases[4];
	for (size_t i = 0; i < 4 && c->files[i].path; i++)
		write_file(c->files[i].path, c->files[i].text);
	char p[3][512];
	const char *pv[3];
	for (size_t i = 0; i < 3; i++) {
		snprintf(p[i], sizeof(p[i]), "%s/%s", tmpdir, c->files[i].path);
		pv[i] = p[i];
	}
	ip_device_set *s = ip_device_set_new();
	cr_assert_eq(ip_device_set_load(s, pv, 3), 0);
	for (size_t i = 0; i < s->n; i++) {
		bool is7206 = s->v[i]->platform.s && strstr(s->v[i]->platform.s, "7206");
		cr_expect_eq(ip_device_filesystem_find(s->v[i], "disk0:") != NULL, is7206, "%s",
			     ip_device_name(s->v[i]));
		cr_expect_str_eq(s->v[i]->hostname.s, "R1", "the hostname itself stays R1");
	}
	ip_device_set_free(s);
}

/* Every command names the two boxes apart. */
typedef struct cli_case {
	const char *args; /* after the binary; {} is the folder */
	const char *want[2];
} cli_case;

static const cli_case cli[] = {
	{ "lint --format text", { "R1 (7206VXR, ", "R1 (FOC1234X0AB) (WS-C3850-24P, " } },
	{ "lint --format markdown", { "## R1 (7206VXR, ", "## R1 (FOC1234X0AB) (WS-C3850-24P, " } },
	{ "lint --format json", { "\"hostname\":\"R1\",\n\"platform\"", "\"device\":\"R1 (FOC1234X0AB)\"" } },
	{ "facts", { "R1\n", "R1 (FOC1234X0AB)\n" } },
	{ "facts --format json", { "\"hostname\":\"R1\",\n\"os\"", "\"device\":\"R1 (FOC1234X0AB)\"" } },
};

IP_TABLE_PARAMS(identity, cli_names, cli)
ParameterizedTest(size_t *row, identity, cli_names, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const cli_case *c = &cli[*row];
	write_file("r1-7206/ver.txt", cases[0].files[0].text);
	write_file("r1-3850/ver.txt", cases[0].files[1].text);
	const char *bin = getenv("IOSPLAN_BIN");
	cr_assert_not_null(bin);
	char cmd[2048], out[512];
	snprintf(out, sizeof(out), "%s/out", tmpdir);
	snprintf(cmd, sizeof(cmd), "'%s' %s '%s/r1-7206/ver.txt' '%s/r1-3850/ver.txt' "
		 "</dev/null >'%s' 2>&1", bin, c->args, tmpdir, tmpdir, out);
	int st = system(cmd);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) < 2, "%s: status %d", c->args, st);
	char *text = test_read_file(out, NULL);
	cr_assert_not_null(text);
	char *compact = text, *w = text;
	for (const char *r = text; *r; r++) /* JSON without its indentation */
		if (*r != '\t')
			*w++ = *r;
	*w = '\0';
	for (size_t i = 0; i < 2; i++)
		cr_expect(strstr(compact, c->want[i]), "%s: no '%s' in:\n%s", c->args, c->want[i],
			  compact);
	free(text);
}

/* --- members in number order (issue 23, point 10) ---------------------------
 * A StackWise Virtual pair whose active is switch 2 was listed 2 before 1:
 * show version's table added members in the order printed, while show
 * switch (stack.c) kept them sorted. The capture is constructed: the row
 * order of a pair after a switchover, as the user reported it;
 * show version first, or show switch first, or each alone. */
#define SVL_VER                                                                                    \
	"SVL#show version\nCisco IOS XE Software, Version 17.09.04a\n"                             \
	"Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)\n" \
	"SVL uptime is 3 weeks, 1 day\nSystem image file is \"bootflash:packages.conf\"\n"       \
	"cisco C9500-48Y4C (X86) processor with 1863083K/6147K bytes of memory.\n"                 \
	"Processor board ID FDO2412A0B2\n\n"                                                       \
	"Switch Ports Model              SW Version        SW Image              Mode   \n"     \
	"------ ----- -----              ----------        ----------            ----   \n"     \
	"*    2 52    C9500-48Y4C        17.09.04a         CAT9K_IOSXE           INSTALL\n"     \
	"     1 52    C9500-48Y4C        17.09.04a         CAT9K_IOSXE           INSTALL\n\n"   \
	"Configuration register is 0x102\n"
#define SVL_SW                                                                                     \
	"SVL#show switch\nSwitch/Stack Mac Address : 00a7.42d7.7e00 - Local Mac Address\n"        \
	"Mac persistency wait time: Indefinite\n"                                                  \
	"                                             H/W   Current\n"                           \
	"Switch#   Role    Mac Address     Priority Version  State \n"                            \
	"-------------------------------------------------------------------------------------\n" \
	"*2       Active   00a7.42d7.7e00     1      V02     Ready                \n"             \
	" 1       Standby  00a7.42d7.6c80     1      V02     Ready                \n"

static const char *const svl_inputs[] = { SVL_VER, SVL_VER SVL_SW, SVL_SW SVL_VER, SVL_SW };

IP_TABLE_PARAMS(identity, svl_member_order, svl_inputs)
ParameterizedTest(size_t *row, identity, svl_member_order)
{
	ip_device_set *s = test_load_text("svl.log", svl_inputs[*row]);
	cr_assert_eq(s->n, 1);
	const ip_device *d = s->v[0];
	cr_assert_eq(d->n_members, 2, "row %zu", *row);
	cr_expect_eq(d->members[0].number, 1, "row %zu: switch 1 first", *row);
	cr_expect_eq(d->members[1].number, 2, "row %zu", *row);
	cr_expect(d->members[1].active, "row %zu: switch 2 is the active", *row);
	ip_device_set_free(s);
}
