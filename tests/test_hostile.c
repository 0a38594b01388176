/* The hostile-input suite (issue 8): every kind of input the issue lists,
 * each with the outcome it must have (an exit code and the error, or the
 * facts it must parse to), within a bounded time and memory.
 *
 * The `iosplan` cases run the binary on generated files, under `timeout`,
 * with a 1 GiB address-space limit in plain builds, and check the peak RSS
 * the run reached. Under AddressSanitizer or Valgrind (scripts/test sets
 * IOSPLAN_TIME_FACTOR) the time bounds are scaled and the memory ones left
 * to the sanitizer. The rule catalogue, which no command line reads, is
 * loaded in process. Cases already covered elsewhere are not repeated here:
 * an empty file, a NUL byte on line 2, random binary, a 50 MB line and a
 * million lines (test_facts_cli.c, test_capture.c). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "catalogue.h"
#include "error.h"
#include "helpers.h"
#include "iosplan_config.h"
#include "utf8.h"


static char dir[256];

static void make_dir(void) { test_tmpdir_make(dir, sizeof(dir), "hostile"); }
static void remove_dir(void) { test_tmpdir_remove(dir); }

/* How much slower than a plain build this one is. */
static double time_factor(void)
{
	const char *f = getenv("IOSPLAN_TIME_FACTOR");
	double x = f && *f ? atof(f) : 1.0;
	return (x > 0 ? x : 1.0) * (UNDER_ASAN ? 4.0 : 1.0);
}

static bool memory_checked(void)
{
	const char *f = getenv("IOSPLAN_TIME_FACTOR");
	return !UNDER_ASAN && !(f && *f);
}

/* Bounds are on CPU time, not wall time: they catch work that grows out of
 * bounds (a quadratic loop), and a machine busy with other jobs stretches
 * wall time by a factor a bound cannot know (a 0.7 s plan took 3.7 s of
 * wall time at load 12). */
static double cpu_self(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* user + system seconds of the children waited for so far */
static double cpu_children(void)
{
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* --- writing inputs ----------------------------------------------------- */

static FILE *create(const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot create %s", path);
	return f;
}

static void put(const char *name, const char *text, size_t len)
{
	FILE *f = create(name);
	cr_assert_eq(fwrite(text, 1, len, f), len);
	fclose(f);
}

static void put_str(const char *name, const char *text)
{
	put(name, text, strlen(text));
}

static char *sample(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", test_samples_dir(), name);
	char *text = test_read_file(path, len);
	cr_assert_not_null(text, "cannot read %s", path);
	return text;
}

/* Run a shell command in the case's directory (test tools, not iosplan). */
static void sh(const char *fmt, const char *arg)
{
	char cmd[1024], inner[700];
	snprintf(inner, sizeof(inner), fmt, arg);
	snprintf(cmd, sizeof(cmd), "cd '%s' && %s", dir, inner);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
}

/* --- the inputs ---------------------------------------------------------- */

static const char show_version_head[] =
	"SW1#show version\n"
	"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc2)\n"
	"ROM: Bootstrap program is C2960X boot loader\n"
	"SW1 uptime is 2 weeks, 1 day, 3 hours, 4 minutes\n"
	"System image file is \"flash:c2960x-universalk9-mz.152-7.E9.bin\"\n"
	"cisco WS-C2960X-48FPD-L (APM86XXX) processor (revision B0) with 524288K bytes of memory.\n"
	"Processor board ID FOC1932X0K1\n";

static void gen_utf16(void)
{
	size_t n = strlen(show_version_head);
	char *b = malloc(2 * n + 2);
	b[0] = (char)0xFF, b[1] = (char)0xFE;
	for (size_t i = 0; i < n; i++)
		b[2 + 2 * i] = show_version_head[i], b[3 + 2 * i] = 0;
	put("in.log", b, 2 * n + 2);
	free(b);
}

static void gen_bom(void)
{
	put_str("in.log", "\xEF\xBB\xBFR1#show startup-config | include boot\n"
			  "boot system flash:a.bin\n");
}

static void gen_bad_utf8(void)
{
	put_str("in.log", "R1#dir flash:\nDirectory of flash:/\n\n"
			  "    1  -rwx    12582912  Mar 05 2026 09:14:22 +00:00  x\xff\xfe.bin\n"
			  "    2  -rwx        4414  Mar 05 2026 09:14:22 +00:00  \xc0\xaf" "config.text\n\n"
			  "122185728 bytes total (109602816 bytes free)\n");
}

/* Latin-1, UTF-8 and CP1252 bytes, CRLF and LF, in one capture. */
static void gen_mixed(void)
{
	char buf[2048];
	snprintf(buf, sizeof(buf),
		 "%s"
		 "SW1#show running-config | include boot|description\r\n"
		 " description caf\xe9 (Latin-1)\r\n"
		 " description caf\xc3\xa9 (UTF-8)\n"
		 " description \x93quoted\x94 (CP1252)\n"
		 "boot system flash:c2960x-universalk9-mz.152-7.E9.bin\r\n",
		 show_version_head);
	put_str("in.log", buf);
}

/* A NUL deep in an otherwise good capture: the line is named. */
static void gen_nul_late(void)
{
	size_t len;
	char *s = sample("netstuts-r1.log", &len);
	char *p = s;
	for (int line = 1; line < 40; line++)
		p = strchr(p, '\n') + 1;
	p[0] = '\0';
	put("in.log", s, len);
	free(s);
}

static void gen_cr_only(void)
{
	size_t len;
	char *s = sample("traps/register-2142.log", &len);
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n')
			s[i] = '\r';
	put("in.log", s, len);
	free(s);
}

static void gen_nothing(void) {}

static void gen_100mb_one_line(void)
{
	sh("head -c 104857600 /dev/zero | tr '\\0' A > %s", "in.log");
}

static void gen_million_sections(void)
{
	FILE *f = create("in.log");
	for (int i = 0; i < 1000000; i++)
		fputs("R1#dir\n", f);
	fclose(f);
}

static void gen_many_hosts(void)
{
	FILE *f = create("in.log");
	for (int i = 0; i < 20000; i++)
		fprintf(f, "R%d#show version | include register\nConfiguration register is 0x2102\n", i);
	fclose(f);
}

static void gen_banner_prompts(void)
{
	put_str("in.log", "R1#show running-config\nBuilding configuration...\n\n"
			  "Current configuration : 1234 bytes\n!\nversion 15.2\nhostname R1\n!\n"
			  "boot-start-marker\nboot system flash:good.bin\nboot-end-marker\n!\n"
			  "banner motd ^C\nR1#reload\nSwitch>enable\n  Authorised access only\n^C\n!\n"
			  "config-register 0x2102\nend\n\n");
}

/* A dirty log ran a prompt into the middle of a show version line. */
static void gen_prompt_in_line(void)
{
	char buf[2048];
	snprintf(buf, sizeof(buf), "%s",
		 "R2#show version\n"
		 "Cisco IOS XE Software, Version 16.09.06\n"
		 "Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.6, RELEASE SOFTWARE (fc3)\n"
		 "R2 uptime is 1 day, 2 hours, 3 minutes\n"
		 "System image file is \"bootflash:isr4300-universalk9.16.09.06.SR1(config)#co ISR4331/K9 (1RU) processor with 1687137K/6147K bytes of memory.\n"
		 "cisco ISR4331/K9 (1RU) processor with 1687137K/6147K bytes of memory.\n"
		 "Processor board ID FLM2044W0LT\n");
	put_str("in.log", buf);
}

static void gen_startup_in_run(void)
{
	put_str("in.log", "R1#show running-config\nBuilding configuration...\n\n"
			  "Current configuration : 1234 bytes\n!\nversion 15.2\nhostname R1\n"
			  "boot-start-marker\nboot system flash:new.bin\nboot-end-marker\nend\n\n"
			  "Using 1823 out of 262136 bytes\n!\nversion 15.2\nhostname R1\n"
			  "boot-start-marker\nboot system flash:old.bin\nboot-end-marker\nend\n");
}

static void two_show_versions(const char *host2, const char *serial2)
{
	char buf[4096], second[2048];
	snprintf(second, sizeof(second),
		 "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc2)\n"
		 "%s uptime is 1 week\n"
		 "cisco WS-C2960X-24TS-L (APM86XXX) processor (revision B0) with 524288K bytes of memory.\n"
		 "Processor board ID %s\n", host2, serial2);
	snprintf(buf, sizeof(buf), "%s\n%s", show_version_head + strlen("SW1#show version\n"), second);
	put_str("in.log", buf);
}

static void gen_two_devices(void)
{
	two_show_versions("SW2", "FOC1932X0K2");
}

static void gen_two_devices_one_name(void)
{
	two_show_versions("SW1", "FOC1932X0K2");
}

static void listing_with_totals(const char *totals)
{
	char buf[1024];
	snprintf(buf, sizeof(buf), "R1#dir flash:\nDirectory of flash:/\n\n"
		 "    1  -rwx    12582912  Mar 05 2026 09:14:22 +00:00  c2960-lanbasek9-mz.152-7.E9.bin\n\n"
		 "%s\n", totals);
	put_str("in.log", buf);
}

static void gen_huge_total(void)
{
	listing_with_totals("99999999999999999999 bytes total (1234 bytes free)");
}

static void gen_negative_free(void)
{
	listing_with_totals("122185728 bytes total (-5 bytes free)");
}

static void gen_absurd_free(void)
{
	listing_with_totals("122185728 bytes total (999999999999 bytes free)");
}

static void gen_duplicate_boot(void)
{
	put_str("in.log", "R1#show running-config | include boot\nboot-start-marker\n"
			  "boot system flash:c2960-lanbasek9-mz.152-7.E9.bin\n"
			  "boot system flash:c2960-lanbasek9-mz.152-7.E9.bin\nboot-end-marker\n");
}

static void gen_long_boot(void)
{
	FILE *f = create("in.log");
	fputs("R1#show running-config | include boot\nboot-start-marker\nboot system flash:", f);
	for (int i = 0; i < 10000; i++)
		fputc('a', f);
	fputs(".bin\nboot-end-marker\n", f);
	fclose(f);
}

static void gen_too_many_boot(void)
{
	FILE *f = create("in.log");
	fputs("R1#show running-config | include boot\nboot-start-marker\n", f);
	for (int i = 0; i < 5000; i++)
		fprintf(f, "boot system flash:img%04d.bin\n", i);
	fputs("boot-end-marker\n", f);
	fclose(f);
}

/* 60 MB, under the 64 MiB limit: the 1 000-entry limit applies while
 * reading, and the copies make one warning, not 2.5 million (it held every
 * entry: 1.4 GB, 13 s). */
static void gen_boot_millions(void)
{
	FILE *f = create("in.log");
	fputs("R1#show running-config\nBuilding configuration...\nversion 15.2\n", f);
	for (int i = 0; i < 2500000; i++)
		fputs("boot system flash:a.bin\n", f);
	fputs("end\n", f);
	fclose(f);
}

/* Copies of one statement make one warning with the count. */
static void gen_boot_copies(void)
{
	FILE *f = create("in.log");
	fputs("R1#show running-config | include boot\nboot-start-marker\n", f);
	for (int i = 0; i < 500; i++)
		fputs("boot system flash:a.bin\nboot system flash:b.bin\n", f);
	fputs("boot-end-marker\n", f);
	fclose(f);
}

static bool one_warning_per_statement(const char *out, const char *err)
{
	(void)out;
	size_t n = 0;
	for (const char *p = err; (p = strstr(p, "warning: duplicate")) != NULL; p++)
		n++;
	return n == 2;
}

static bool one_filter_warning(const char *out, const char *err)
{
	(void)out;
	size_t n = 0;
	for (const char *p = err; (p = strstr(p, "could hide 'boot system' lines")) != NULL; p++)
		n++;
	return n == 1;
}

static void show_version_2960(FILE *f)
{
	fputs("R1#show version\nCisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), "
	      "Version 15.2(7)E9, RELEASE SOFTWARE (fc3)\nR1 uptime is 1 day\n"
	      "System image file is \"flash:c2960x-universalk9-mz.152-7.E9.bin\"\n"
	      "cisco WS-C2960X-48FPD-L (APM86XXX) processor with 524288K bytes of memory.\n"
	      "Configuration register is 0x2102\n"
	      "R1#show running-config\nBuilding configuration...\nversion 15.2\nhostname R1\n"
	      "boot system flash:c2960x-universalk9-mz.152-7.E9.bin\nboot system usb9:x.bin\nend\n", f);
}

/* One device listing n filesystems: the fs-prefix rule rebuilt and
 * re-split a string of all of them per check (1 000: 36 s). */
static void listings(int n)
{
	FILE *f = create("in.log");
	show_version_2960(f);
	for (int i = 0; i < n; i++)
		fprintf(f, "R1#dir flash-%d:\nDirectory of flash-%d:/\n    2  -rwx    26377216   Mar 1 "
			"1993 00:05:20 +00:00  c2960x-universalk9-mz.152-7.E9.bin\n122185728 bytes "
			"total (96051200 bytes free)\n", i + 3, i + 3);
	fclose(f);
}
static void gen_1000_listings(void) { listings(1000); }
static void gen_40000_listings(void) { listings(40000); }

/* 50 000 rows of show file systems, each with an alias: the parse alone
 * was quadratic (82 s). */
static void gen_50000_file_systems(void)
{
	FILE *f = create("in.log");
	show_version_2960(f);
	fputs("R1#show file systems\nFile Systems:\n\n     Size(b)     Free(b)      Type  Flags  "
	      "Prefixes\n", f);
	for (int i = 0; i < 50000; i++)
		fprintf(f, "*  122185728    96051200     flash     rw   fl%d: al%d:\n", i, i);
	fclose(f);
}

/* 20 000 small images to delete: the plan concatenated into its arena per
 * deletion, memory in their square (7 000: 3.2 GB, 20 000: abort()). */
static void gen_20000_deletions(void)
{
	FILE *f = create("in.log");
	fputs("R1#show version\nCisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), "
	      "Version 15.2(7)E9, RELEASE SOFTWARE (fc3)\nR1 uptime is 1 day\n"
	      "System image file is \"flash:c2960x-universalk9-mz.152-7.E9.bin\"\n"
	      "cisco WS-C2960X-48FPD-L (APM86XXX) processor with 524288K bytes of memory.\n"
	      "Configuration register is 0x2102\n"
	      "R1#show running-config\nBuilding configuration...\nversion 15.2\nhostname R1\n"
	      "boot-start-marker\nboot system flash:c2960x-universalk9-mz.152-7.E9.bin\n"
	      "boot-end-marker\nend\nR1#show boot\n"
	      "BOOT path-list      : flash:c2960x-universalk9-mz.152-7.E9.bin\n"
	      "Manual Boot         : no\nR1#dir flash:\nDirectory of flash:/\n    2  -rwx    "
	      "26377216   Mar 1 1993 00:05:20 +00:00  c2960x-universalk9-mz.152-7.E9.bin\n", f);
	int n = 20000, size = 27300000 / n + 100;
	for (int i = 0; i < n; i++)
		fprintf(f, "%5d  -rwx    %d   Mar 1 1993 00:05:20 +00:00  "
			"c2960x-universalk9-mz.%d-%d.E%d.bin\n", i + 3, size, 150 + i / 9000,
			1 + i / 1000 % 9, i % 1000);
	fprintf(f, "%llu bytes total (1000 bytes free)\n",
		26377216ull + (unsigned long long)size * (unsigned long long)n + 1000);
	fclose(f);
}

/* A catastrophic `| include` pattern: ~0.15 s a section with PCRE2's
 * default limits, for each of 20 000 sections. A filter is now read, never
 * run (command.c, ip_section_filter_keeps): this one proves nothing, so the
 * startup-config's boot list is unknown, said once for the device. */
static void gen_regex_bomb(void)
{
	FILE *f = create("in.log");
	show_version_2960(f);
	for (int i = 0; i < 20000; i++)
		fputs("R1#show startup-config | include (.|.)*[QZ]\n"
		      "boot system flash:c2960x-universalk9-mz.152-7.E9.bin\n", f);
	fclose(f);
}

/* One old-style listing line of 64 KiB: the name pattern was quadratic
 * (1.8 s a line). */
static void gen_long_listing_line(void)
{
	FILE *f = create("in.log");
	show_version_2960(f);
	fputs("R1#show flash:\nSystem flash directory:\nFile  Length   Name/status\n", f);
	for (int i = 0; i < 20; i++) {
		fputs("  1   9684688  x", f);
		for (int k = 0; k < 65000; k++)
			fputc(' ', f);
		fputs("#\n", f);
	}
	fputs("[9684752 bytes used, 7092464 available, 16777216 total]\n", f);
	fclose(f);
}

/* verify's health tables: 60 000 interface rows and 20 000 OSPF sessions,
 * the after table in the reverse order (rows were compared with every
 * row: 6 s). */
static void health(const char *name, bool reverse)
{
	FILE *f = create(name);
	fputs("NetsTuts_R1#show ip interface brief\nInterface              IP-Address      OK? "
	      "Method Status                Protocol\n", f);
	for (int k = 0; k < 60000; k++) {
		int i = reverse ? 59999 - k : k;
		fprintf(f, "Loopback%d              10.%d.%d.1       YES NVRAM  up                    "
			"up\n", i, i / 256 % 256, i % 256);
	}
	fputs("NetsTuts_R1#show ip ospf neighbor\n\nNeighbor ID     Pri   State           Dead "
	      "Time   Address         Interface\n", f);
	for (int k = 0; k < 20000; k++) {
		int i = reverse ? 19999 - k : k;
		fprintf(f, "10.%d.%d.2          1   FULL/DR         00:00:37    10.%d.%d.2       "
			"Loopback%d\n", i / 256, i % 256, i / 256, i % 256, i);
	}
	fclose(f);
}

static void gen_health_tables(void)
{
	static const char *const copy[] = { "netstuts-r1.log", "verify/r1-after-reload.log" };
	static const char *const as[] = { "r1.log", "after.log" };
	for (int i = 0; i < 2; i++) {
		size_t len;
		char *text = sample(copy[i], &len);
		put(as[i], text, len);
		free(text);
	}
	health("before-health.log", false);
	health("after-health.log", true);
}

/* 200 lines of 5 900 pager prompts each: each was searched for again
 * from the start of its line (64 MiB of them: 23 s). */
static void gen_pager_prompts(void)
{
	FILE *f = create("in.log");
	fputs("R1#show version\n", f);
	for (int i = 0; i < 200; i++) {
		for (int k = 0; k < 5900; k++)
			fputs("x --More-- ", f);
		fputc('\n', f);
	}
	fclose(f);
}

static void gen_register_empty(void)
{
	put_str("in.log", "R1#show version | include register\nConfiguration register is 0x\n");
}

static void gen_register_wide(void)
{
	put_str("in.log", "R1#show version | include register\nConfiguration register is 0x12345\n");
}

static void gen_config_register_wide(void)
{
	put_str("in.log", "R1#show running-config | include config-register\nconfig-register 0x12345\n"
			  "R1#show version | include register\nConfiguration register is 0x2102\n");
}

static void capture_for_yaml(void)
{
	size_t len;
	char *s = sample("netstuts-r1.log", &len);
	put("in.log", s, len);
	free(s);
}

static void gen_catalog_10k(void)
{
	capture_for_yaml();
	FILE *f = create("images.yaml");
	fputs("images:\n", f);
	for (int i = 0; i < 10000; i++)
		fprintf(f, "  - name: img%d-universalk9.16.12.04.SPA.bin\n    md5: %032x\n"
			   "    platforms: [p%da, p%db, MODEL%d]\n", i, i, i, i, i);
	fclose(f);
}

static void gen_catalog_10k_dup(void)
{
	gen_catalog_10k();
	char path[512];
	snprintf(path, sizeof(path), "%s/images.yaml", dir);
	FILE *f = fopen(path, "ab");
	cr_assert_not_null(f);
	fprintf(f, "  - name: x.bin\n    md5: %032x\n    platforms: [p7777b]\n", 1);
	fclose(f);
}

static void deep(const char *name, const char *prefix)
{
	FILE *f = create(name);
	fputs(prefix, f);
	for (int i = 0; i < 100000; i++)
		fputc('[', f);
	fclose(f);
}

static void gen_config_deep(void)
{
	capture_for_yaml();
	deep("deep.yaml", "rules: ");
}

static void gen_catalog_deep(void)
{
	capture_for_yaml();
	deep("deep.yaml", "images: ");
}

/* "Billion laughs": nine levels of ten aliases of the level below. */
static void laughs(FILE *f)
{
	fputs("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n", f);
	for (int i = 1; i < 9; i++) {
		fprintf(f, "a%d: &a%d [", i, i);
		for (int k = 0; k < 10; k++)
			fprintf(f, "%s*a%d", k ? ", " : "", i - 1);
		fputs("]\n", f);
	}
}

static void gen_config_bomb(void)
{
	capture_for_yaml();
	FILE *f = create("bomb.yaml");
	laughs(f);
	fputs("normal_registers: *a8\n", f);
	fclose(f);
}

/* No list to alias: one long plain value aliased often enough. */
static void gen_catalog_scalar_bomb(void)
{
	capture_for_yaml();
	FILE *f = create("bomb.yaml");
	fputs("images:\n  - name: &n \"", f);
	for (int i = 0; i < 200000; i++)
		fputc('x', f);
	fputs("\"\n    md5: 00000000000000000000000000000000\n    platforms: [", f);
	for (int i = 0; i < 10; i++)
		fprintf(f, "%s*n", i ? ", " : "");
	fputs("]\n", f);
	fclose(f);
}

static void gen_config_too_large(void)
{
	capture_for_yaml();
	FILE *f = create("big.yaml");
	fputs("# padding\n", f);
	for (int i = 0; i < 20000; i++)
		fputs("# a comment line to make the file larger than one mebibyte ....\n", f);
	fclose(f);
}

/* A tar.gz whose first member climbs out of any folder it could be unpacked
 * into: the audit reads it in memory and writes nothing. Made with python3
 * (a build dependency) so the member name is kept as written. */
static void gen_dotdot_archive(void)
{
	size_t len;
	char *sv = sample("split/DIST-SW-01/show_version.txt", &len);
	put("sv.txt", sv, len);
	free(sv);
	sh("mkdir -p a/b && python3 -c \"%s\"",
	   "import tarfile, io\n"
	   "t = tarfile.open('a/b/fleet.tgz', 'w:gz')\n"
	   "for n, d in (('../../etc/passwd', b'root:x:0:0:root:/root:/bin/sh\\\\n'),\n"
	   "             ('DIST-SW-01/show_version.txt', open('sv.txt', 'rb').read())):\n"
	   "    i = tarfile.TarInfo(n); i.size = len(d); t.addfile(i, io.BytesIO(d))\n"
	   "t.close()");
}

/* 20 MiB of blanks: past the 16 MiB a member may have, and past the line
 * limit, in 20 KB of gzip and of zip. */
static void gen_bombs(void)
{
	sh("head -c 20971520 /dev/zero | tr '\\0' ' ' | gzip -9 > %s", "bomb.gz");
	sh("python3 -c \"%s\"",
	   "import zipfile\n"
	   "z = zipfile.ZipFile('bomb.zip', 'w', zipfile.ZIP_DEFLATED)\n"
	   "z.writestr('R1.log', b'R1#show version\\\\n' + b' ' * (20 << 20))\n"
	   "z.close()");
}

/* --- checks on the output ------------------------------------------------ */

/* The node at "a.0.b" (numbers index arrays), or NULL. */
static const cJSON *jpath(const cJSON *root, const char *path)
{
	char key[128];
	const cJSON *n = root;
	while (n && *path) {
		size_t k = strcspn(path, ".");
		snprintf(key, sizeof(key), "%.*s", (int)k, path);
		n = key[0] >= '0' && key[0] <= '9' ? cJSON_GetArrayItem(n, atoi(key))
						   : cJSON_GetObjectItemCaseSensitive(n, key);
		path += k + (path[k] == '.');
	}
	return n;
}

static bool out_is_utf8(const char *out, const char *err)
{
	(void)err;
	return ip_utf8_valid(out, strlen(out));
}

static bool long_boot_kept(const char *out, const char *err)
{
	(void)err;
	cJSON *doc = cJSON_Parse(out);
	const cJSON *raw = jpath(doc, "boot.running.0.raw");
	bool ok = cJSON_IsString(raw) && strlen(raw->valuestring) == 10010 &&
		  strncmp(raw->valuestring, "flash:aaaa", 10) == 0;
	cJSON_Delete(doc);
	return ok;
}

/* Nothing was unpacked: the case's directory holds what the test put. */
static bool nothing_written(const char *out, const char *err)
{
	(void)out;
	(void)err;
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "cd '%s' && test \"$(find . -type f | sort | tr '\\n' ' ')\" = "
		 "'./a/b/fleet.tgz ./err ./out ./run.sh ./sv.txt '",
		 dir);
	return system(cmd) == 0;
}

/* --- the iosplan cases ---------------------------------------------------- */

typedef struct jcheck {
	const char *path;
	const char *want; /* a string's value, or "null" */
} jcheck;

typedef struct cli_case {
	const char *name;
	void (*gen)(void);
	const char *args;      /* shell, in the case's directory; $I is iosplan */
	int status;
	const char *err;       /* in stderr; NULL: no "error:" at all */
	jcheck json[3];        /* on the JSON on stdout */
	const char *out;       /* in stdout */
	bool (*check)(const char *out, const char *err);
	double seconds;        /* CPU seconds (user + system), plain build */
	long rss_mb;           /* peak RSS, plain build */
} cli_case;

#define FACTS "$I facts --format json in.log"

static const cli_case cli_cases[] = {
	/* encodings */
	{ "UTF-16 (PowerShell's >)", gen_utf16, FACTS, 2,
	  "in.log:1:1: error: this file is UTF-16 text", {{0}}, NULL, NULL, 5, 64 },
	{ "a UTF-8 byte order mark before the first prompt", gen_bom, FACTS, 0, NULL,
	  { { "boot.startup.0.raw", "flash:a.bin" }, { "hostname", "R1" } }, NULL, NULL, 5, 64 },
	{ "invalid UTF-8 in file names", gen_bad_utf8, FACTS, 0, NULL,
	  { { "filesystems.0.files.0.name", "x\xEF\xBF\xBD\xEF\xBF\xBD.bin" },
	    { "filesystems.0.files.1.name", "\xEF\xBF\xBD\xEF\xBF\xBD" "config.text" } },
	  NULL, out_is_utf8, 5, 64 },
	{ "Latin-1, UTF-8 and CP1252 bytes, CRLF and LF mixed", gen_mixed, FACTS, 0, NULL,
	  { { "version", "15.2(7)E9" },
	    { "boot.running.0.raw", "flash:c2960x-universalk9-mz.152-7.E9.bin" } },
	  NULL, out_is_utf8, 5, 64 },
	{ "a NUL byte on line 40 of a good capture", gen_nul_late, FACTS, 2,
	  "in.log:40:1: error: NUL byte at offset", {{0}}, NULL, NULL, 5, 64 },
	{ "CR-only line ends", gen_cr_only, "$I lint --format gcc in.log", 1, NULL, {{0}},
	  "in.log:62:27: error: configuration register 0x2142", NULL, 5, 64 },
	/* size */
	{ "100 MB without a newline", gen_100mb_one_line, FACTS, 2,
	  "in.log:1:1: error: 104857600 bytes is over the 67108864-byte limit", {{0}}, NULL, NULL,
	  10, 32 },
	/* a pipe is read no further than the limit, into one buffer that is
	 * freed when refused (it kept every doubling: 250 MB, 278 MB for 1 GiB) */
	{ "100 MB without a newline, through a pipe", gen_100mb_one_line,
	  "cat in.log | $I facts -", 2, "<stdin>:1: error: more than 67108864 bytes: over the limit", {{0}}, NULL, NULL,
	  20, 100 },
	{ "1 GiB of lines through a pipe", gen_nothing,
	  "yes | head -c 1073741824 | $I facts -", 2,
	  "<stdin>:1: error: more than 67108864 bytes: over the limit", {{0}}, NULL, NULL, 20, 100 },
	{ "a million tiny sections", gen_million_sections, FACTS, 2,
	  "in.log:50001:1: error: more than 50000 command sections", {{0}}, NULL, NULL, 20, 400 },
	{ "20 000 devices in one log", gen_many_hosts, "$I facts in.log", 0, NULL, {{0}},
	  "R19999\n", NULL, 30, 400 },
	/* structure */
	{ "prompts inside a banner", gen_banner_prompts, FACTS, 0, NULL,
	  { { "boot.running.0.raw", "flash:good.bin" }, { "config_register.in_config", "0x2102" } },
	  NULL, NULL, 5, 64 },
	{ "a prompt run into the system image line", gen_prompt_in_line, FACTS, 0,
	  "in.log:5:22: warning: the system image file name has no closing quote",
	  { { "system_image", "null" }, { "serial", "FLM2044W0LT" } }, NULL, NULL, 5, 64 },
	{ "a startup-config pasted inside a show run", gen_startup_in_run, FACTS, 0, NULL,
	  { { "boot.running.0.raw", "flash:new.bin" }, { "boot.startup.0.raw", "flash:old.bin" } },
	  NULL, NULL, 5, 64 },
	{ "two devices' show version in one file", gen_two_devices, FACTS, 0, NULL,
	  { { "0.serial", "FOC1932X0K1" }, { "1.hostname", "SW2" }, { "1.serial", "FOC1932X0K2" } },
	  NULL, NULL, 5, 64 },
	{ "two devices' show version under one name", gen_two_devices_one_name, FACTS, 2,
	  "error: a second device named 'SW1' in this file: serial number FOC1932X0K2 here, "
	  "FOC1932X0K1 at line 6", {{0}}, NULL, NULL, 5, 64 },
	/* numbers */
	{ "99999999999999999999 bytes total", gen_huge_total, FACTS, 0,
	  "in.log:6:1: warning: byte count of flash: too large: left unknown",
	  { { "filesystems.0.total_bytes", "null" } }, NULL, NULL, 5, 64 },
	{ "negative free space", gen_negative_free, FACTS, 0,
	  "warning: flash: reports a negative byte count (-5)",
	  { { "filesystems.0.free_bytes", "null" } }, NULL, NULL, 5, 64 },
	{ "more free space than the flash holds", gen_absurd_free, FACTS, 0,
	  "warning: flash: reports 999999999999 bytes free of 122185728 in all: impossible",
	  { { "filesystems.0.free_bytes", "null" } }, NULL, NULL, 5, 64 },
	{ "register 0x", gen_register_empty, FACTS, 0,
	  "in.log:2:1: warning: cannot read the configuration register value",
	  { { "config_register.current", "null" } }, NULL, NULL, 5, 64 },
	{ "register 0x12345", gen_register_wide, FACTS, 0,
	  "in.log:2:27: warning: configuration register value 0x12345 does not fit 16 bits",
	  { { "config_register.current", "null" } }, NULL, NULL, 5, 64 },
	{ "config-register 0x12345", gen_config_register_wide, FACTS, 0,
	  "in.log:2:17: warning: config-register value does not fit in 16 bits",
	  { { "config_register.in_config", "null" }, { "config_register.current", "0x2102" } },
	  NULL, NULL, 5, 64 },
	/* boot statements */
	{ "duplicated boot statements", gen_duplicate_boot, FACTS, 0,
	  "in.log:4:13: warning: duplicate 'boot system flash:c2960-lanbasek9-mz.152-7.E9.bin'",
	  { { "boot.running.0.raw", "flash:c2960-lanbasek9-mz.152-7.E9.bin" },
	    { "boot.running.1.raw", "flash:c2960-lanbasek9-mz.152-7.E9.bin" },
	    { "boot.running.2", NULL } }, NULL, NULL, 5, 64 },
	{ "a boot statement 10 000 characters long", gen_long_boot, FACTS, 0, NULL, {{0}}, NULL,
	  long_boot_kept, 5, 64 },
	{ "5 000 boot statements", gen_too_many_boot, FACTS, 2,
	  "in.log:1:1: error: 5000 boot entries in this show running-config (more than 1000)",
	  {{0}}, NULL, NULL, 5, 64 },
	{ "2.5 million boot statements (60 MB)", gen_boot_millions, "$I lint in.log", 2,
	  "in.log:1:1: error: 2500000 boot entries in this show running-config (more than 1000)",
	  {{0}}, NULL, NULL, 5, 272 },
	{ "2.5 million boot statements under a 64 MB address-space cap", gen_boot_millions,
	  "ulimit -v 65536; ulimit -c 0; $I facts in.log", 2, "iosplan: error: out of memory",
	  {{0}}, NULL, NULL, 5, 272 },
	{ "500 copies of two boot statements", gen_boot_copies, "$I facts in.log", 0,
	  "in.log:5:13: warning: duplicate 'boot system flash:a.bin' (also on line 3): IOS tries "
	  "the same image twice; 500 copies in all", {{0}}, NULL, one_warning_per_statement, 5, 64 },
	/* many filesystems */
	{ "1 000 filesystem listings on one device", gen_1000_listings,
	  "$I plan --target c2960x-universalk9-mz.152-7.E10.bin in.log", 1, NULL, {{0}}, NULL,
	  NULL, 2, 64 },
	{ "40 000 filesystem listings on one device", gen_40000_listings, "$I lint in.log", 2,
	  "error: more than 1024 filesystems on this device: the listing of flash-1027: and those "
	  "after it are not read", {{0}}, NULL, NULL, 5, 4 * 7 + 32 },
	{ "50 000 rows of show file systems", gen_50000_file_systems, "$I lint in.log", 2,
	  "error: more than 1024 filesystems on this device: this row and those after it are "
	  "not read", {{0}}, NULL, NULL, 5, 4 * 3 + 32 },
	{ "a plan that deletes 20 000 small images", gen_20000_deletions,
	  "$I plan --target c2960x-universalk9-mz.152-7.E10.bin --md5 "
	  "0123456789abcdef0123456789abcdef --size 26000000 in.log", 0, NULL, {{0}},
	  "delete /force flash:c2960x-universalk9-mz.150-1.E0.bin\n", NULL, 3, 4 * 2 + 32 },
	/* regular expressions */
	{ "a catastrophic filter in 20 000 sections", gen_regex_bomb, "$I lint in.log", 0,
	  "in.log:14:1: warning: the filter '| include (.|.)*[QZ]' could hide 'boot system' "
	  "lines: the startup-config boot list is unknown", {{0}}, NULL, one_filter_warning, 3,
	  64 },
	{ "20 old-style listing lines of 64 KiB", gen_long_listing_line, "$I facts in.log", 0,
	  NULL, {{0}}, NULL, NULL, 2, 64 },
	{ "verify with 60 000 interfaces and 20 000 OSPF sessions", gen_health_tables,
	  "$I verify --before r1.log before-health.log --after after.log after-health.log "
	  "--target isr4300-universalk9.16.12.04.SPA.bin --md5 a3f8c12d9e4b72f1c8d5a0e3b6f91234 "
	  "--size 521347072", 1, NULL, {{0}}, "all 60000 interfaces up before the change are up",
	  NULL, 2, 160 }, /* the parsed tables: ~900 bytes a row, 11 times the input */
	{ "13 MB of --More-- prompts left in lines", gen_pager_prompts, "$I facts in.log", 2,
	  "in.log:2:1: error: this does not look like show version output",
	  {{0}}, NULL, NULL, 2, 7 * 13 + 32 }, /* a dirty line is rendered with its columns */
	/* YAML: image catalogue and .iosplan.yaml */
	{ "an image catalogue of 10 000 entries", gen_catalog_10k,
	  "$I lint --catalog images.yaml in.log", 0,
	  "warning: NetsTuts_R1: no image in catalogue images.yaml for ISR4321/K9", {{0}}, NULL,
	  NULL, 10, 256 },
	{ "an image catalogue of 10 000 entries, a platform twice", gen_catalog_10k_dup,
	  "$I lint --catalog images.yaml in.log", 2,
	  "images.yaml:30004:17: error: platform p7777b has two images: "
	  "img7777-universalk9.16.12.04.SPA.bin and x.bin", {{0}}, NULL, NULL, 10, 256 },
	{ "a deeply nested .iosplan.yaml", gen_config_deep, "$I lint --config deep.yaml in.log", 2,
	  "deep.yaml:1:71: error: nested more than 64 levels deep", {{0}}, NULL, NULL, 5, 64 },
	{ "a deeply nested image catalogue", gen_catalog_deep, "$I lint --catalog deep.yaml in.log", 2,
	  "deep.yaml:1:72: error: nested more than 64 levels deep", {{0}}, NULL, NULL, 5, 64 },
	{ "a YAML bomb in .iosplan.yaml", gen_config_bomb, "$I lint --config bomb.yaml in.log", 2,
	  "bomb.yaml:2:10: error: an alias may only stand for a plain value, not a list or "
	  "mapping: *a0", {{0}}, NULL, NULL, 5, 64 },
	{ "a YAML bomb of plain values in an image catalogue", gen_catalog_scalar_bomb,
	  "$I lint --catalog bomb.yaml in.log", 2,
	  "bomb.yaml:4:37: error: aliases expand to more than 1 MiB of text", {{0}}, NULL, NULL,
	  5, 64 },
	{ "a .iosplan.yaml over 1 MiB", gen_config_too_large, "$I lint --config big.yaml in.log", 2,
	  "big.yaml:1:1: error: configuration is over the 1048576-byte limit", {{0}}, NULL, NULL,
	  5, 64 },
#if IOSPLAN_HAVE_LIBARCHIVE
	/* archives; a bomb is reported in the whole report and, as an input
	 * not used, exits 2 after it (issue 23: one rule, cli_exit_worst) */
	{ "an archive member named ../../etc/passwd", gen_dotdot_archive,
	  "cd a/b && $I audit fleet.tgz", 0, NULL, {{0}},
	  "\"files\":[\"fleet.tgz:DIST-SW-01/show_version.txt\"]", nothing_written, 10, 128 },
	{ "a gzip bomb", gen_bombs, "$I audit bomb.gz", 2,
	  "iosplan audit: error: 1 input could not be used", {{0}},
	  "{\"type\":\"problem\",\"path\":\"bomb\",\"message\":\"line is 20971520 bytes long "
	  "(limit 65536): not device output\"}", NULL, 10, 256 },
	{ "a zip bomb", gen_bombs, "$I audit bomb.zip", 2,
	  "iosplan audit: error: 1 input could not be used", {{0}},
	  "\"path\":\"bomb.zip:R1.log\",\"message\":\"20971536 bytes: too large for a capture "
	  "or backup (limit 16777216): skipped\"", NULL, 10, 128 },
#endif
};

static const char *bin(void)
{
	const char *b = getenv("IOSPLAN_BIN");
	cr_assert_not_null(b, "IOSPLAN_BIN is set by meson");
	return b;
}

static void check_json(const cli_case *c, const char *out)
{
	if (!c->json[0].path)
		return;
	cJSON *doc = cJSON_Parse(out);
	cr_assert_not_null(doc, "%s: stdout is not JSON: %.300s", c->name, out);
	for (size_t i = 0; i < 3 && c->json[i].path; i++) {
		const jcheck *j = &c->json[i];
		const cJSON *n = jpath(doc, j->path);
		if (!j->want)
			cr_expect(!n || cJSON_IsNull(n), "%s: %s should be absent", c->name, j->path);
		else if (strcmp(j->want, "null") == 0)
			cr_expect(n && cJSON_IsNull(n), "%s: %s should be null", c->name, j->path);
		else
			cr_expect(cJSON_IsString(n) && strcmp(n->valuestring, j->want) == 0,
				  "%s: %s is '%s', not '%s'", c->name, j->path,
				  cJSON_IsString(n) ? n->valuestring : "(not a string)", j->want);
	}
	cJSON_Delete(doc);
}

IP_TABLE_PARAMS(hostile, cli, cli_cases)

/* The case's command, as a script: $I is the binary. */
static void write_script(const cli_case *c)
{
	FILE *f = create("run.sh");
	fprintf(f, "cd '%s' || exit 99\n%sI='%s'\n%s\n", dir,
		memory_checked() ? "ulimit -v 1048576\n" : "", bin(), c->args);
	fclose(f);
}

ParameterizedTest(size_t *row, hostile, cli, .init = make_dir, .fini = remove_dir, .timeout = 600)
{
	const cli_case *c = &cli_cases[*row];
	/* a case that sets its own address-space limit runs in plain builds
	 * only: AddressSanitizer's shadow needs terabytes of it, Valgrind more */
	if (strstr(c->args, "ulimit -v") && !memory_checked())
		cr_skip_test("%s: plain builds only", c->name);
	c->gen();
	write_script(c);
	double limit = c->seconds * time_factor();
	char cmd[1024];
	/* the wall-clock timeout only stops a hung run: CPU time is bounded below */
	snprintf(cmd, sizeof(cmd), "cd '%s' && timeout %.0f sh run.sh </dev/null >out 2>err", dir,
		 3 * limit + 5);
	double t0 = cpu_children();
	int st = system(cmd);
	double took = cpu_children() - t0;
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	char path[600];
	snprintf(path, sizeof(path), "%s/out", dir);
	char *out = test_read_file(path, NULL);
	snprintf(path, sizeof(path), "%s/err", dir);
	char *err = test_read_file(path, NULL);
	cr_assert(out && err, "%s: no output files", c->name);
	cr_assert_neq(status, 124, "%s: still running after %.0f s", c->name, 3 * limit + 5);
	cr_expect_eq(status, c->status, "%s: exit %d, not %d; stderr: %.500s", c->name, status,
		     c->status, err);
	if (c->err)
		cr_expect(strstr(err, c->err), "%s: stderr lacks '%s':\n%.800s", c->name, c->err, err);
	else
		cr_expect(!strstr(err, "error:"), "%s: unexpected error:\n%.800s", c->name, err);
	if (c->out)
		cr_expect(strstr(out, c->out), "%s: stdout lacks '%s':\n%.800s", c->name, c->out, out);
	check_json(c, out);
	if (c->check)
		cr_expect(c->check(out, err), "%s: its output check failed:\n%.500s", c->name, out);
	cr_expect_leq(took, limit, "%s: took %.1f s of CPU (bound %.1f s)", c->name, took, limit);
	if (memory_checked())
		cr_expect_leq(ru.ru_maxrss / 1024, c->rss_mb, "%s: peak RSS %ld MB (bound %ld MB)",
			      c->name, ru.ru_maxrss / 1024, c->rss_mb);
	free(out);
	free(err);
}

/* --- the rule catalogue (ip_catalogue_parse) ------------------------------ */

static FILE *buf_open(char **b, size_t *len)
{
	FILE *m = open_memstream(b, len);
	cr_assert_not_null(m);
	return m;
}

static char *yaml_rules_10k(size_t *len)
{
	char *b = NULL;
	FILE *m = buf_open(&b, len);
	fputs("rules:\n", m);
	for (int i = 0; i < 10000; i++)
		fprintf(m, "  - id: rule-%d\n    severity: warning\n    title: t\n    rationale: r\n"
			   "    fix: f\n    captures: [\"show version\"]\n", i);
	fclose(m);
	return b;
}

static char *yaml_nested(size_t *len)
{
	char *b = NULL;
	FILE *m = buf_open(&b, len);
	fputs("rules: ", m);
	for (int i = 0; i < 1000000; i++)
		fputc('[', m);
	fclose(m);
	return b;
}

static char *yaml_laughs(size_t *len)
{
	char *b = NULL;
	FILE *m = buf_open(&b, len);
	laughs(m);
	fputs("rules: *a8\n", m);
	fclose(m);
	return b;
}

static char *yaml_scalar_bomb(size_t *len)
{
	char *b = NULL;
	FILE *m = buf_open(&b, len);
	fputs("rules:\n  - id: &t \"", m);
	for (int i = 0; i < 300000; i++)
		fputc('t', m);
	fputs("\"\n    severity: error\n    title: *t\n    rationale: *t\n    fix: *t\n"
	      "    captures: [*t, *t, *t, *t]\n", m);
	fclose(m);
	return b;
}

static char *yaml_two_documents(size_t *len)
{
	char *b = NULL;
	FILE *m = buf_open(&b, len);
	fputs("rules: []\n---\nrules: []\n", m);
	fclose(m);
	return b;
}

static char *yaml_too_large(size_t *len)
{
	char *b = NULL;
	FILE *m = buf_open(&b, len);
	fputs("rules: []\n", m);
	for (int i = 0; i < 140000; i++)
		fputs("# a comment line to make the catalogue larger than 8 MiB ........\n", m);
	fclose(m);
	return b;
}

typedef struct yaml_case {
	const char *name;
	char *(*gen)(size_t *len);
	int rc;
	const char *msg;  /* in ip_error_last() */
	size_t n;         /* rules read, when rc is 0 */
	double seconds;
} yaml_case;

static const yaml_case yaml_cases[] = {
	{ "10 000 rules", yaml_rules_10k, 0, NULL, 10000, 10 },
	{ "nested a million levels", yaml_nested, IP_E_CONFIG,
	  "cat.yaml:1:71: error: nested more than 64 levels deep", 0, 5 },
	{ "billion laughs", yaml_laughs, IP_E_CONFIG,
	  "cat.yaml:2:10: error: an alias may only stand for a plain value", 0, 5 },
	{ "a 300 KB value aliased eight times", yaml_scalar_bomb, IP_E_CONFIG,
	  "cat.yaml:7:16: error: aliases expand to more than 1 MiB of text", 0, 5 },
	{ "two documents", yaml_two_documents, IP_E_CONFIG,
	  "cat.yaml:2:1: error: a second YAML document ('---') would be ignored", 0, 5 },
	{ "over 8 MiB", yaml_too_large, IP_E_LIMIT,
	  "cat.yaml:1:1: error: 9240010 bytes is over the 8388608-byte limit for a YAML file", 0, 5 },
};

IP_TABLE_PARAMS(hostile, rule_catalogue, yaml_cases)

ParameterizedTest(size_t *row, hostile, rule_catalogue, .timeout = 600)
{
	const yaml_case *c = &yaml_cases[*row];
	size_t len;
	char *text = c->gen(&len);
	ip_catalogue *cat = NULL;
	double t0 = cpu_self();
	int rc = ip_catalogue_parse(&cat, "cat.yaml", text, len);
	double took = cpu_self() - t0, limit = c->seconds * time_factor();
	cr_expect_eq(rc, c->rc, "%s: returned %d, not %d (%s)", c->name, rc, c->rc,
		     rc ? ip_error_last() : "");
	if (c->msg)
		cr_expect(rc && strstr(ip_error_last(), c->msg), "%s: message '%s' lacks '%s'", c->name,
			  rc ? ip_error_last() : "", c->msg);
	if (rc == 0)
		cr_expect_eq(cat->n, c->n, "%s: %zu rules read", c->name, cat->n);
	cr_expect_leq(took, limit, "%s: took %.1f s of CPU (bound %.1f s)", c->name, took, limit);
	ip_catalogue_free(cat);
	free(text);
}
