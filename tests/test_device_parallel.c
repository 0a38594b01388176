/* Loading many files on several threads (issue 10): the output is the same
 * bytes as on one thread, and errors are the ones one thread reports. */
#include <criterion/criterion.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "error.h"
#include "helpers.h"
#include "parallel.h"

static char tmpdir[256];

static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "par"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

static void sh(const char *cmd)
{
	cr_assert_eq(system(cmd), 0, "%s", cmd);
}

static void write_file(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	fclose(f);
}

#define SHOWVER(host)                                                                              \
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, RELEASE SOFTWARE (fc3)\n" \
	host " uptime is 1 day, 2 hours, 3 minutes\n"                                             \
	"System image file is \"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\n"                        \
	"Configuration register is 0xF\n"
#define DIRLIST "Directory of flash:/\n    2  -rwx    12582912  Mar 05 2026 00:00:00 +00:00  c.bin\n" \
	"64016384 bytes total (50511872 bytes free)\n"

/* The list of files, one a line, in an order that puts one device's files
 * far apart, files no device can be read from between fleet files, and a
 * listing that names no device among several devices (an error). */
static void make_file_set(void)
{
	const char *gen = getenv("IOSPLAN_GEN_FLEET");
	cr_assert_not_null(gen, "IOSPLAN_GEN_FLEET is set by meson");
	char cmd[2048];
	snprintf(cmd, sizeof(cmd), "'%s' --out '%s/fleet' --devices 300 --style mixed >/dev/null",
		 gen, tmpdir);
	sh(cmd);
	write_file("r9-ver.txt", "R9#show version\n" SHOWVER("R9"));
	write_file("r9-dir.txt", "R9#dir\n" DIRLIST);
	write_file("notes.txt", "remember to buy milk\n");
	write_file("anon-dir.txt", DIRLIST);
	write_file("dup.log", "R9#show version\n" SHOWVER("R9") "R9#show version\n"
		   "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E7, "
		   "RELEASE SOFTWARE (fc3)\nR9 uptime is 1 day\n");
	snprintf(cmd, sizeof(cmd),
		 "cd '%1$s' && { echo r9-ver.txt; "
		 "find '%2$s' -type f ! -name '*.yaml' ! -name README.md ! -name meson.build | sort; "
		 "find fleet -type f | sort | sed -n 1,150p; echo notes.txt; echo anon-dir.txt; "
		 "find fleet -type f | sort | sed -n '151,$p'; echo dup.log; echo r9-dir.txt; "
		 "} > list",
		 tmpdir, test_samples_dir());
	sh(cmd);
}

/* `iosplan ARGS FILES...` (the names in `list`) with IOSPLAN_JOBS=jobs; stdout, stderr and the
 * exit status in one malloc'd text. */
static char *run_jobs(const char *args, int jobs)
{
	char cmd[2048], out[400];
	snprintf(out, sizeof(out), "%s/out.%d", tmpdir, jobs);
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && IFS='\n' && IOSPLAN_JOBS=%d '%s' %s $(cat list) >'%s' 2>&1; "
		 "echo \"exit $?\" >>'%s'",
		 tmpdir, jobs, getenv("IOSPLAN_BIN"), args, out, out);
	sh(cmd);
	char *text = test_read_file(out, NULL);
	cr_assert_not_null(text);
	return text;
}

static void same_on_any_jobs(const char *args)
{
	char *one = run_jobs(args, 1);
	for (int jobs = 2; jobs <= 4; jobs += 2) {
		char *many = run_jobs(args, jobs);
		cr_assert(strcmp(one, many) == 0, "%s: IOSPLAN_JOBS=%d differs from 1", args, jobs);
		free(many);
	}
	free(one);
}

Test(device_parallel, facts_json_same_bytes, .init = make_tmpdir, .fini = remove_tmpdir)
{
	make_file_set();
	same_on_any_jobs("facts --format json");
}

Test(device_parallel, lint_same_bytes, .init = make_tmpdir, .fini = remove_tmpdir)
{
	make_file_set();
	char *one = run_jobs("lint --format json", 1);
	/* the set must hold what it is meant to test */
	cr_assert(strstr(one, "no device output iosplan reads") != NULL, "%s", one);
	cr_assert(strstr(one, "cannot tell which device") != NULL);
	free(one);
	same_on_any_jobs("lint --format json");
	same_on_any_jobs("lint");
}

/* Two files cannot be read (issue 23 point 1): each is reported, in input
 * order, whichever thread met its error first; the 40 devices of the other
 * files are still read; the run exits 2 after all output; and the bytes are
 * the same on any number of threads. Against the old loader (the first
 * error ended the run) the second file and the devices were missing. */
Test(device_parallel, every_failing_file_is_reported, .init = make_tmpdir, .fini = remove_tmpdir)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && for i in $(seq 1 40); do sed s/R1/R$i/ a.log > ok$i.log; echo ok$i.log; "
		 "done > list && sed -i '5a missing-first.log' list && sed -i '30a missing-second.log' list",
		 tmpdir);
	write_file("a.log", "R1#show version\n" SHOWVER("R1"));
	sh(cmd);
	char *one = NULL;
	for (int jobs = 1; jobs <= 4; jobs++) {
		char *out = run_jobs("facts", jobs);
		const char *first = strstr(out, "missing-first.log: error: cannot open");
		const char *second = strstr(out, "missing-second.log: error: cannot open");
		cr_assert(first && second && first < second, "jobs %d: %s", jobs, out);
		for (int i = 1; i <= 40; i++) {
			char name[16];
			snprintf(name, sizeof(name), "\nR%d\n", i);
			cr_assert(strstr(out, name) != NULL, "jobs %d: R%d not reported: %s", jobs, i, out);
		}
		cr_assert(strstr(out, "exit 2\n") != NULL, "jobs %d: %s", jobs, out);
		if (one)
			cr_assert_str_eq(out, one, "jobs %d differs from 1", jobs);
		free(one);
		one = out;
	}
	free(one);
}

static void count_item(void *ctx, size_t item, unsigned worker)
{
	atomic_int *seen = ctx;
	cr_assert_lt(worker, 4u);
	atomic_fetch_add(&seen[item], 1);
}

Test(device_parallel, every_item_runs_once)
{
	static atomic_int seen[1000];
	for (size_t n = 0; n <= 1000; n += 333) {
		for (size_t i = 0; i < n; i++)
			atomic_init(&seen[i], 0);
		ip_parallel_run(n, 4, count_item, seen);
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(atomic_load(&seen[i]), 1, "n %zu item %zu", n, i);
	}
}

Test(device_parallel, jobs_from_environment)
{
	setenv("IOSPLAN_JOBS", "3", 1);
	cr_assert_eq(ip_parallel_jobs(), 3u);
	setenv("IOSPLAN_JOBS", "0", 1);
	cr_assert_geq(ip_parallel_jobs(), 1u);
	setenv("IOSPLAN_JOBS", "x", 1);
	cr_assert_leq(ip_parallel_jobs(), 8u);
	unsetenv("IOSPLAN_JOBS");
}

/* README: IOSPLAN_JOBS is a number from 1 to 64; anything else is refused,
 * not quietly replaced by the default. */
Test(device_parallel, jobs_check)
{
	static const struct { const char *v; bool ok; unsigned jobs; } cases[] = {
		{ "1", true, 1 }, { "64", true, 64 }, { "007", true, 7 }, { "", true, 0 },
		{ "0", false, 0 }, { "65", false, 0 }, { "-1", false, 0 }, { "abc", false, 0 },
		{ "1e3", false, 0 }, { " 2", false, 0 }, { "+2", false, 0 }, { "2 ", false, 0 },
		{ "18446744073709551617", false, 0 }, { "0x10", false, 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		setenv("IOSPLAN_JOBS", cases[i].v, 1);
		cr_assert_eq(ip_parallel_jobs_check() == 0, cases[i].ok, "'%s'", cases[i].v);
		if (cases[i].jobs)
			cr_assert_eq(ip_parallel_jobs(), cases[i].jobs, "'%s'", cases[i].v);
		if (!cases[i].ok)
			cr_assert(strstr(ip_error_last(), "1 to 64"), "'%s': %s", cases[i].v,
				  ip_error_last());
	}
	unsetenv("IOSPLAN_JOBS");
	cr_assert_eq(ip_parallel_jobs_check(), 0);
}

/* The command line refuses a bad IOSPLAN_JOBS with a usage error, exit 2. */
Test(device_parallel, jobs_refused_by_cli)
{
	char cmd[1024];
	snprintf(cmd, sizeof(cmd), "IOSPLAN_JOBS=1e3 '%s' rules >/dev/null 2>&1", getenv("IOSPLAN_BIN"));
	int st = system(cmd);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 2, "status %d", st);
}

/* What an adopted arena held stays valid, small and mapped chunks alike, and
 * the adopting arena goes on allocating (ASan and Valgrind check the rest). */
Test(device_parallel, arena_adopt)
{
	ip_arena *dst = ip_arena_new();
	char *before = ip_arena_strdup(dst, "before");
	ip_arena *src = ip_arena_new();
	char *small = ip_arena_strdup(src, "small");
	char *big = ip_arena_alloc(src, 3u * 1024 * 1024);
	big[3u * 1024 * 1024 - 1] = 'x';
	ip_arena_adopt(dst, src);
	ip_arena_adopt(dst, ip_arena_new());
	char *after = ip_arena_strdup(dst, "after");
	cr_assert_str_eq(before, "before");
	cr_assert_str_eq(small, "small");
	cr_assert_str_eq(after, "after");
	cr_assert_eq(big[3u * 1024 * 1024 - 1], 'x');
	ip_arena *empty = ip_arena_new();
	ip_arena *full = ip_arena_new_sized(4u * 1024 * 1024); /* a mapped chunk */
	char *s = ip_arena_strdup(full, "kept");
	ip_arena_adopt(empty, full);
	cr_assert_str_eq(s, "kept");
	ip_arena_free(empty);
	ip_arena_free(dst);
}
