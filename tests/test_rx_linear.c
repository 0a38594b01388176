/* Every built-in pattern runs in time linear in the line (issue 18, point
 * 10b): a pattern that backtracks quadratically costs seconds on one line
 * of the 64 KiB maximum, and hours on a 64 MiB capture.
 *
 * The patterns live in static tables in the parsers; rx.c lists every one
 * that has been compiled (ip_rx_compiled()). This test first reads every
 * sample capture and a capture of every command, so that each pattern runs
 * once, checks that the list is as long as the parsers' tables (counted in
 * their source), then runs each pattern on worst-case lines of the maximum
 * length: long runs of white space, digits, separators and brackets, after
 * prefixes that take each pattern as far as it goes (near misses). Each
 * match must finish within a bound that a linear match meets a hundred
 * times over, scaled by IOSPLAN_TIME_FACTOR (Valgrind) and under ASan. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture.h"
#include "device.h"
#include "helpers.h"
#include "image_name.h"
#include "rx.h"
#include "version.h"


#define MAX_PATTERNS 256

static double time_factor(void)
{
	const char *f = getenv("IOSPLAN_TIME_FACTOR");
	double x = f && *f ? atof(f) : 1.0;
	return (x > 0 ? x : 1.0) * (UNDER_ASAN ? 4.0 : 1.0);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Entries of the `static ip_rx NAME[] = { ... };` tables in the parsers' .c files:
 * one per line that closes an entry with "NULL}" or "NULL }". */
static size_t patterns_in_source(void)
{
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/../parsers", test_samples_dir());
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "cannot open %s", dir);
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 3 || strcmp(e->d_name + len - 2, ".c") != 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		char *text = test_read_file(path, NULL);
		cr_assert_not_null(text);
		bool in_table = false;
		for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
			if (strncmp(line, "static ip_rx ", 13) == 0 && strstr(line, "[] = {"))
				in_table = true;
			else if (in_table && strcmp(line, "};") == 0)
				in_table = false;
			else if (in_table && (strstr(line, "NULL}") || strstr(line, "NULL }")))
				n++;
		}
		free(text);
	}
	closedir(d);
	return n;
}

/* One capture of every command a parser reads, in the forms that reach
 * the patterns the samples do not. */
static const char every_command[] =
	"[2024-01-01 10:00:00] R1#show version\n"
	"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9, "
	"RELEASE SOFTWARE (fc3)\n"
	"R1 uptime is 1 day\nSystem image file is \"flash:c2960x-universalk9-mz.152-7.E9.bin\"\n"
	"Configuration register is 0x2102\n"
	"R1#dir flash:\nDirectory of flash:/\n"
	"    2  -rwx    26377216   Mar 1 1993 00:05:20 +00:00  c2960x-universalk9-mz.152-7.E9.bin\n"
	"122185728 bytes total (96051200 bytes free)\n"
	"R1#dir flash:\nDirectory of flash:/\n    1  -rw-     5571584   c2600-i-mz.122-8.T\n"
	"  2   1024  config.txt\n16777216 bytes total (11204608 bytes free)\n"
	"R1#show flash:\n-#- --length-- -----date/time------ path\n"
	"1     26377216 Mar 1 1993 00:05:20 +00:00 x.bin\n"
	"R1#show flash:\nSystem flash directory:\nFile  Length   Name/status\n"
	"  1   9684688  c2500-js-l.121-17.bin [deleted]\n"
	"[9684752 bytes used, 7092464 available, 16777216 total]\n"
	"R1#show boot\nBOOT path-list      : flash:a.bin;flash:b.bin\n"
	"Config file         : flash:/config.text\nManual Boot         : no\n"
	"R1#show file systems\nFile Systems:\n\n     Size(b)     Free(b)      Type  Flags  Prefixes\n"
	"*  122185728    96051200     flash     rw   flash:\n"
	"R1#verify /md5 flash:x.bin\n.....Done!\nverify /md5 (flash:x.bin) = "
	"0123456789abcdef0123456789abcdef\n"
	"R1#show switch\nSwitch/Stack Mac Address : 0011.2233.4455\n"
	"                                           H/W   Current\n"
	"Switch#  Role   Mac Address     Priority Version  State\n"
	"----------------------------------------------------------\n"
	"*1       Master 0011.2233.4455     15     4       Ready\n"
	"R1#show ip interface brief\nInterface              IP-Address      OK? Method Status"
	"                Protocol\nGigabitEthernet0/0     10.0.0.1        YES NVRAM  up"
	"                    up\n"
	"R1#show ip ospf neighbor\n\nNeighbor ID     Pri   State           Dead Time   Address"
	"         Interface\n10.0.0.2          1   FULL/DR         00:00:33    10.0.0.2"
	"        Gi0/0\n"
	"R1#show ip bgp summary\nNeighbor        V           AS MsgRcvd MsgSent   TblVer  InQ"
	" OutQ Up/Down  State/PfxRcd\n10.0.0.3        4        65001     100     100       10"
	"    0    0 1d02h           5\n"
	"R1#show running-config\nBuilding configuration...\n\nCurrent configuration : 1000 bytes\n"
	"version 15.2\nhostname R1\nboot-start-marker\nboot system flash:x.bin\nboot-end-marker\n"
	"config-register 0x2102\nend\n"
	"R1#show slot0:\n"
	"-#- ED --type-- --crc--- -seek-- nlen -length- -----date/time------ name\n"
	"1   .. image    8C5A393A  237E3C   14  2258425 Feb 23 2013 20:46:51 +00:00 c7200-js-mz\n"
	"3104544 bytes available (17473760 bytes used)\n"
	"R1#dir drec0:\nAttributes        Size         Name\n"
	"- - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n"
	"-rwxrwxrwx   490586943   cat9k_lite_iosxe.17.09.01.SPA.bin\n"
	"- - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n"
	"R1#verify /md5 flash:y.bin\n%Error opening flash:y.bin (No such file or directory)\n"
	"R1#show boot\nBOOT variable does not exist\nMANUAL_BOOT variable does not exist\n";

/* Versions and image names are read after loading (rules, planner). */
static const char *const versions[] = {
	"15.2(7)E9", "16.12.04", "17.07.01prd16", "17.4.20200702:124009",
	"V169_5_SR689355441_2", "Experimental Version 17.6", "x",
};
static const char *const images[] = {
	"c2960x-universalk9-mz.152-7.E9.bin", "cat9k_iosxe.16.12.04.SPA.bin",
	"isr4300-universalk9.03.16.04b.S.155-3.S4b-ext.SPA.bin", "c3750-ipservicesk9-mz.122-55.SE12.bin",
};

/* Every capture under dir, each on its own. */
static void read_tree(const char *dir)
{
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "cannot open %s", dir);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strstr(e->d_name, ".yaml") ||
		    strcmp(e->d_name, "README.md") == 0 || strcmp(e->d_name, "meson.build") == 0)
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		DIR *sub = opendir(path);
		if (sub) {
			closedir(sub);
			read_tree(path);
			continue;
		}
		const char *paths[1] = { path };
		ip_device_set *s = ip_device_set_new();
		(void)ip_device_set_load(s, paths, 1);
		ip_device_set_free(s);
	}
	closedir(d);
}

static void read_everything(void)
{
	read_tree(test_samples_dir());
	ip_device_set_free(test_load_text("every.log", every_command));
	for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		ip_version v;
		(void)ip_version_parse(&v, versions[i], strlen(versions[i]));
	}
	for (size_t i = 0; i < sizeof(images) / sizeof(images[0]); i++) {
		ip_image_name im;
		(void)ip_image_name_parse(&im, images[i], strlen(images[i]));
	}
}

/* Lines of the maximum length: prefix, then unit repeated to the end, then
 * a tail that makes the line a near miss. */
static const char *const prefixes[] = {
	"", "1 ", "1 2 ", "  1  -rwx  ", "  1  -rwx  1 ", "boot system ", "BOOT variable = ",
	"[2024-01-01 10:00:00", "2024-01-01 10:00:00", "R1#", "R1(config)#", "Directory of ",
	"verify /md5 (", "Cisco IOS Software, ", "*1 ", "Gi0/0 ", "10.0.0.1 ", "x.bin [",
	"System image file is \"", "-#- ", "hostname ", "!RANCID-CONTENT-TYPE: ",
	"1 2 x", "1 2 x [", "a ", "-rwxrwxrwx 1 x", "%Error opening x", "1 .. image 1 1 1 1 x",
};
static const char *const units[] = {
	" ", "\t", "1", "1 ", "a", "a ", ":", "/", ".", "-", "[", "] ", "[a ", "a]", ";",
	"0x", "1.", "flash:", "\"", ", ", "1d", "a.bin ", "(", ")", "1 1 ", "- ", "* ", "a 1 ",
	"0011.2233.4455 ", "1 a ", "a1", "_", "%",
};

static char *hostile_line(const char *prefix, const char *unit, size_t *len)
{
	size_t max = IP_MAX_LINE_BYTES - 1, p = strlen(prefix), u = strlen(unit);
	char *line = malloc(max + 1);
	cr_assert_not_null(line);
	memcpy(line, prefix, p);
	size_t n = p;
	while (n + u + 2 <= max) {
		memcpy(line + n, unit, u);
		n += u;
	}
	line[n++] = '#'; /* fits no pattern's end */
	line[n] = '\0';
	*len = n;
	return line;
}

Test(rx_linear, every_builtin_pattern)
{
	read_everything();
	static ip_rx *rx[MAX_PATTERNS];
	size_t n = ip_rx_compiled(rx, MAX_PATTERNS);
	cr_assert_leq(n, MAX_PATTERNS);
	size_t in_source = patterns_in_source();
	cr_assert_eq(n, in_source,
		     "%zu patterns ran, the parsers' tables hold %zu: extend every_command so "
		     "that each runs", n, in_source);
	/* ~0.3 ms for a linear pass over 64 KiB in the interpreter; the
	 * quadratic flash listing pattern took 1 800 ms */
	double bound = 0.1 * time_factor(), worst = 0;
	const char *worst_pattern = "";
	for (size_t pi = 0; pi < sizeof(prefixes) / sizeof(prefixes[0]); pi++) {
		for (size_t ui = 0; ui < sizeof(units) / sizeof(units[0]); ui++) {
			size_t len;
			char *line = hostile_line(prefixes[pi], units[ui], &len);
			for (size_t i = 0; i < n; i++) {
				/* the fastest of up to three runs: a quadratic pattern is
				 * slow every time, a busy machine's preemption once */
				double took = 1e9;
				for (int run = 0; run < 3 && took > bound; run++) {
					ip_rx_match m;
					double t0 = now();
					(void)ip_rx_exec(rx[i], line, len, &m);
					double t = now() - t0;
					took = t < took ? t : took;
				}
				if (took > worst) {
					worst = took;
					worst_pattern = rx[i]->pattern;
				}
				cr_expect_leq(took, bound, "%s on '%s' + '%s' x %zu: %.3f s",
					      rx[i]->pattern, prefixes[pi], units[ui], len, took);
			}
			free(line);
		}
	}
	cr_log_info("%zu patterns; slowest match %.2f ms (%s)", n, worst * 1e3, worst_pattern);
}
