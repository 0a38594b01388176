/* One fleet across folders (issue 23, point 2; lint/audit/audit_fleet.c):
 * two boxes with one hostname in two folders of an audit are two devices,
 * the second named "R1 (serial)" in every format; backups of one box in
 * two folders are one device; a folder and a .tar.gz of the same files,
 * audited with --jobs 1 and 2, give the same fleet, byte for byte. */
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
static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "fleet"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

/* and a 2960 (samples/netstuts-sw1.log's lines) */
#define V2960(host, board)                                                                         \
	host "#show version\n"                                                                     \
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.0(2)SE4, RELEASE SOFTWARE (fc1)\n" \
	host " uptime is 1 day, 2 hours, 3 minutes\n"                                             \
	"System image file is \"flash:c2960-lanbasek9-mz.150-2.SE4.bin\"\n"                        \
	"cisco WS-C2960-24TT-L (PowerPC405) processor (revision B0) with 65536K bytes of memory.\n" \
	board                                                                                      \
	"Configuration register is 0xF\n"
#define CONFIG(host) "hostname " host "\n!\nboot system flash:c2960-lanbasek9-mz.150-2.SE4.bin\n!\nend\n"

typedef struct file { const char *path, *text; } file;

typedef struct fleet_case {
	const char *name;
	file files[5];
	const char *names;  /* each device record's name, in input order, '|' between */
	int devices, again;
	const char *shared; /* the summary's shared hostnames, as JSON, or NULL: none */
} fleet_case;

static const fleet_case cases[] = {
	{ "a 7206 and a 3850 stack both R1, in two folders",
	  { { "a/R1.log", V7206("R1", "Processor board ID 4279256517\n") },
	    { "b/R1.log", V3850("R1", "System Serial Number               : FOC1234X0AB\n") } },
	  "R1|R1 (FOC1234X0AB)", 2, 0, "{\"R1\":2}" },
	{ "one box backed up twice, in two folders: one device",
	  { { "2026-01/R1.log", V7206("R1", "Processor board ID 4279256517\n") },
	    { "2026-02/R1.log", V7206("R1", "Processor board ID 4279256517\n") } },
	  "R1|R1", 1, 1, NULL },
	{ "three boxes, one name",
	  { { "a/R1.log", V7206("R1", "Processor board ID 4279256517\n") },
	    { "b/R1.log", V3850("R1", "System Serial Number               : FOC1234X0AB\n") },
	    { "c/R1.log", V3850("R1", "System Serial Number               : FOC9999Z0ZZ\n") } },
	  "R1|R1 (FOC1234X0AB)|R1 (FOC9999Z0ZZ)", 3, 0, "{\"R1\":3}" },
	{ "the second box backed up twice keeps its name and counts once",
	  { { "a/R1.log", V7206("R1", "Processor board ID 4279256517\n") },
	    { "b/R1.log", V3850("R1", "System Serial Number               : FOC1234X0AB\n") },
	    { "c/R1.log", V3850("R1", "System Serial Number               : FOC1234X0AB\n") } },
	  "R1|R1 (FOC1234X0AB)|R1 (FOC1234X0AB)", 2, 1, "{\"R1\":2}" },
	{ "a configuration naming no hardware is the one box again",
	  { { "a/R1/ver.txt", V2960("SW1", "Processor board ID FOC1744Z1QX\n") },
	    { "a/R1/run.cfg", CONFIG("SW1") },
	    { "b/SW1.cfg", CONFIG("SW1") } },
	  "SW1|SW1", 1, 1, NULL },
	{ "two boxes without serials, told apart by model",
	  { { "a/R1.log", V2960("R1", "") }, { "b/R1.log", V7206("R1", "") } },
	  "R1|R1 (7206VXR)", 2, 0, "{\"R1\":2}" },
	{ "a configuration alone first, then the box's show version, then another box",
	  { { "a/SW1.cfg", CONFIG("SW1") },
	    { "b/SW1.log", V2960("SW1", "Processor board ID FOC1744Z1QX\n") },
	    { "c/SW1.log", V2960("SW1", "Processor board ID FOC1800A1BC\n") } },
	  "SW1|SW1|SW1 (FOC1800A1BC)", 2, 1, "{\"SW1\":2}" },
	{ "other hostnames are untouched",
	  { { "a/R1.log", V7206("R1", "Processor board ID 4279256517\n") },
	    { "b/R2.log", V3850("R2", "System Serial Number               : FOC1234X0AB\n") },
	    { "c/SW1.log", V2960("SW1", "Processor board ID FOC1744Z1QX\n") } },
	  "R1|R2|SW1", 3, 0, NULL },
};

static void write_file(const char *dir, const char *rel, const char *text)
{
	char path[700];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	test_sh("mkdir -p '%s'", path);
	*slash = '/';
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

/* iosplan audit ARGS; its standard output, malloc'd. */
static char *audit(const char *args, int *status)
{
	char cmd[2048], out[400];
	snprintf(out, sizeof(out), "%s/stdout", tmpdir);
	snprintf(cmd, sizeof(cmd), "'%s' audit %s > '%s' 2>/dev/null </dev/null",
		 getenv("IOSPLAN_BIN"), args, out);
	int st = system(cmd);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
	char *text = test_read_file(out, NULL);
	cr_assert_not_null(text);
	return text;
}

/* The "device" of each jsonl device line, in order, '|' between. */
static void jsonl_names(const char *out, char *got, size_t size)
{
	static const char key[] = "{\"type\":\"device\",\"device\":\"";
	got[0] = '\0';
	for (const char *p = out; (p = strstr(p, key));) {
		p += sizeof(key) - 1;
		const char *e = strchr(p, '"');
		size_t k = strlen(got);
		snprintf(got + k, size - k, "%s%.*s", k ? "|" : "", (int)(e - p), p);
	}
}

static void expect_summary(const fleet_case *c, const char *out, const char *how)
{
	char want[200];
	snprintf(want, sizeof(want), "\"type\":\"summary\",\"devices\":%d,", c->devices);
	cr_expect(strstr(out, want), "%s (%s): %d devices: %s", c->name, how, c->devices, out);
	snprintf(want, sizeof(want), "\"again\":%d,", c->again);
	cr_expect(strstr(out, want), "%s (%s): %d again", c->name, how, c->again);
	snprintf(want, sizeof(want), "\"shared_hostnames\":%s", c->shared ? c->shared : "{}");
	cr_expect(strstr(out, want), "%s (%s): %s", c->name, how, want);
}

/* Every format names each box as jsonl does. */
static void expect_formats(const fleet_case *c, const char *in)
{
	static const struct {
		const char *format, *pre, *post;
	} forms[] = {
		{ "table", "\n", " " },
		{ "csv", "device,", "," },
		{ "markdown", "## ", "\n" },
	};
	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		char args[900];
		int st;
		snprintf(args, sizeof(args), "--format %s '%s'", forms[f].format, in);
		char *out = audit(args, &st);
		char names[512];
		snprintf(names, sizeof(names), "%s", c->names);
		for (char *save, *n = strtok_r(names, "|", &save); n; n = strtok_r(NULL, "|", &save)) {
			char want[300];
			snprintf(want, sizeof(want), "%s%s%s", forms[f].pre, n, forms[f].post);
			cr_expect(strstr(out, want), "%s: %s names %s: %s", c->name, forms[f].format, n,
				  out);
		}
		free(out);
	}
}

IP_TABLE_PARAMS(fleet, boxes, cases)
ParameterizedTest(size_t *row, fleet, boxes, .init = make_tmpdir, .fini = remove_tmpdir)
{
	test_memcheck_sample(*row);
	const fleet_case *c = &cases[*row];
	char dir[400], arc[400], args[900];
	snprintf(dir, sizeof(dir), "%s/fleet", tmpdir);
	snprintf(arc, sizeof(arc), "%s/fleet.tar.gz", tmpdir);
	for (size_t i = 0; i < 5 && c->files[i].path; i++)
		write_file(dir, c->files[i].path, c->files[i].text);
	/* members in name order: the walk's order in a folder */
	test_sh("tar --sort=name -czf '%s' -C '%s' .", arc, dir);
	char *first = NULL;
	static const char *const ins[] = { "folder", "archive" };
	for (int in = 0; in < 2; in++)
		for (int jobs = 1; jobs <= 2; jobs++) {
			char how[64];
			int st;
			snprintf(how, sizeof(how), "%s, --jobs %d", ins[in], jobs);
			snprintf(args, sizeof(args), "--format jsonl --jobs %d '%s'", jobs, in ? arc : dir);
			char *out = audit(args, &st);
			cr_expect_eq(st, 0, "%s (%s): exit %d", c->name, how, st);
			char got[1024];
			jsonl_names(out, got, sizeof(got));
			cr_expect_str_eq(got, c->names, "%s (%s)", c->name, how);
			expect_summary(c, out, how);
			/* the same fleet: the archive's records differ by their paths */
			char *summary = strstr(out, "{\"type\":\"summary\"");
			cr_assert_not_null(summary);
			char *t = strstr(summary, ",\"reload\"");
			if (!first)
				first = strndup(summary, (size_t)(t - summary));
			else
				cr_expect(strncmp(first, summary, strlen(first)) == 0,
					  "%s (%s): the same summary: %s / %s", c->name, how, first, summary);
			free(out);
		}
	free(first);
	expect_formats(c, dir);
}

/* Members in another order (tar's default is the order the folder lists
 * them in, and reversed here): the first box in that order keeps the
 * plain name, but the fleet is the same: its counts and shared names. */
IP_TABLE_PARAMS(fleet, any_order, cases)
ParameterizedTest(size_t *row, fleet, any_order, .init = make_tmpdir, .fini = remove_tmpdir)
{
	test_memcheck_sample(*row);
	const fleet_case *c = &cases[*row];
	char dir[400], arc[400], args[900], members[600] = "";
	snprintf(dir, sizeof(dir), "%s/fleet", tmpdir);
	snprintf(arc, sizeof(arc), "%s/fleet.tar.gz", tmpdir);
	size_t n = 0;
	while (n < 5 && c->files[n].path)
		n++;
	for (size_t i = n; i-- > 0;) {
		write_file(dir, c->files[i].path, c->files[i].text);
		strcat(members, " '");
		strcat(members, c->files[i].path);
		strcat(members, "'");
	}
	test_sh("tar -czf '%s' -C '%s'%s", arc, dir, members);
	int st;
	snprintf(args, sizeof(args), "--format jsonl --jobs 2 '%s'", arc);
	char *out = audit(args, &st);
	cr_expect_eq(st, 0, "%s: exit %d", c->name, st);
	expect_summary(c, out, "archive, reversed");
	free(out);
}

/* The rule, as the table's summary says it to a reader. */
Test(fleet, table_note, .init = make_tmpdir, .fini = remove_tmpdir)
{
	char dir[400], args[900];
	snprintf(dir, sizeof(dir), "%s/fleet", tmpdir);
	for (size_t i = 0; i < 3; i++)
		write_file(dir, cases[3].files[i].path, cases[3].files[i].text);
	snprintf(args, sizeof(args), "--format table '%s'", dir);
	int st;
	char *out = audit(args, &st);
	cr_expect(strstr(out, "\nhostnames carried by several boxes: R1 (2 boxes); the first box "
			      "in input order keeps the hostname"), "%s", out);
	cr_expect(strstr(out, "\n1 record is of a device already listed"), "%s", out);
	cr_expect(strstr(out, "\n2 devices from 3 files"), "%s", out);
	free(out);
}
