/* flash_listing_parse: every listing layout DOMAIN.md §4 describes, the
 * seed tutorial's two listings, truncation, junk, and the ntc-templates
 * dir captures checked against their .yml expectations. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "helpers.h"
#include "parsers.h"

/* A listing section as the splitter would make it for `command`. */
static ip_section *listing(ip_arena *a, const char *command, const char *arg,
			   const char *filter, const char *text)
{
	ip_section *s = test_section(a, IP_CMD_FLASH_LISTING, text);
	s->command = command;
	s->canonical = command;
	s->arg = arg;
	s->filter = filter;
	s->inferred = command == NULL;
	return s;
}

typedef struct num_exp {
	bool known;
	uint64_t v;
	uint32_t line, col, end_col; /* span of the number */
} num_exp;

typedef struct file_exp {
	const char *name;
	uint64_t size;
	bool is_dir;
	uint32_t line, name_col;
	uint32_t name_end; /* 0: name_col + strlen(name) */
	uint32_t size_col, size_end; /* 0: size unknown */
} file_exp;

typedef struct listing_case {
	const char *title;
	const char *command, *arg, *filter;
	const char *text;
	const char *fs; /* NULL: no filesystem may be created */
	num_exp total, free;
	bool listed, complete, recursive;
	size_t n_files;
	file_exp files[6]; /* the first ones, in listing order */
	size_t errors, warnings;
	const char *diag; /* part of the first error (else warning) message */
	uint32_t diag_line;
} listing_case;

static const listing_case cases[] = {
	/* --- rows without a date (issue 23 point 5) --------------------- */
	{
		.title = "older IOS dir: permissions, no date",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"\n"
			"    1  -rw-     5571584   c2600-i-mz.122-8.T\n"
			"    2  -rw-        1024   config.txt\n"
			"\n"
			"16777216 bytes total (11204608 bytes free)",
		.fs = "flash:",
		.total = {true, 16777216, 6, 1, 9},
		.free = {true, 11204608, 6, 23, 31},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"c2600-i-mz.122-8.T", 5571584, false, 3, 27, 0, 17, 24},
			  {"config.txt", 1024, false, 4, 27, 0, 20, 24}},
	},
	{
		.title = "older IOS dir: no permissions, no date",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"\n"
			"  1   5571584  c2600-i-mz.122-8.T\n"
			"  2   1024     config.txt\n"
			"\n"
			"16777216 bytes total (11204608 bytes free)",
		.fs = "flash:",
		.total = {true, 16777216, 6, 1, 9},
		.free = {true, 11204608, 6, 23, 31},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"c2600-i-mz.122-8.T", 5571584, false, 3, 16, 0, 7, 14},
			  {"config.txt", 1024, false, 4, 16, 0, 7, 11}},
	},
	{
		/* a public how-to's 2900 (GitHub, code corpus file 21938712901) */
		.title = "2900 dir: <no date> in the date column",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash0:/\n"
			"\n"
			"    3  -rw-    33591768          <no date>  c2900-universalk9-mz.SPA.151-4.M4.bin\n"
			"    4  -rw-         696          <no date>  demo\n"
			"\n"
			"255744000 bytes total (221895717 bytes free)",
		.fs = "flash0:",
		.total = {true, 255744000, 6, 1, 10},
		.free = {true, 221895717, 6, 24, 33},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"c2900-universalk9-mz.SPA.151-4.M4.bin", 33591768, false, 3, 45, 0, 16, 24},
			  {"demo", 696, false, 4, 45, 0, 21, 24}},
	},
	{
		/* a row not understood: the listing can no longer say a file is
		 * absent; its totals are still the device's */
		.title = "one garbled row: incomplete, with the reason",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"\n"
			"    1  -rw-     5571584   c2600-i-mz.122-8.T\n"
			"    2  -rw-  ??????  config.txt\n"
			"\n"
			"16777216 bytes total (11204608 bytes free)",
		.fs = "flash:",
		.total = {true, 16777216, 6, 1, 9},
		.free = {true, 11204608, 6, 23, 31},
		.listed = true, .complete = false,
		.n_files = 1,
		.files = {{"c2600-i-mz.122-8.T", 5571584, false, 3, 27, 0, 17, 24}},
		.warnings = 2, .diag = "not understood", .diag_line = 4,
	},
	{
		.title = "a listing elided with '...': incomplete",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"    1  -rw-     5571584   c2600-i-mz.122-8.T\n"
			"...\n"
			"16777216 bytes total (11204608 bytes free)",
		.fs = "flash:",
		.total = {true, 16777216, 4, 1, 9},
		.free = {true, 11204608, 4, 23, 31},
		.listed = true, .complete = false,
		.n_files = 1,
		.warnings = 2, .diag = "not understood", .diag_line = 3,
	},
	{
		/* a date in a form not known is not taken into the name */
		.title = "a row with an unknown date form: not read as a name",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"    1  -rw-     5571584   2016-02-03 10:22:20  c2600-i-mz.122-8.T\n"
			"16777216 bytes total (11204608 bytes free)",
		.fs = "flash:",
		.total = {true, 16777216, 3, 1, 9},
		.free = {true, 11204608, 3, 23, 31},
		.listed = true, .complete = false,
		.n_files = 0,
		.warnings = 2, .diag = "not understood", .diag_line = 2,
	},
	{
		.title = "classic dir with timezone and a directory",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"\n"
			"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
			"    3  drwx         512   Mar 1 1993 00:13:49 +00:00  c3560-ipservicesk9-mz.122-58.SE1\n"
			"27998208 bytes total (9958400 bytes free)",
		.fs = "flash:",
		.total = {true, 27998208, 5, 1, 9},
		.free = {true, 9958400, 5, 23, 30},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"vlan.dat", 736, false, 3, 55, 0, 21, 24},
			  {"c3560-ipservicesk9-mz.122-58.SE1", 512, true, 4, 55, 0, 21, 24}},
	},
	{
		.title = "IOS-XE dir with a space inside the permissions",
		.command = NULL,
		.text = "Directory of bootflash:/\n"
			"   15  -rw-        161136640   Mar 2 2015 08:47:34 +00:00  iosxe-remote-mgmt.03.14.01.S.155-1.S1-std.ova\n"
			"519171  -rw  -             5681   Mar 2 2015 08:48:31 +00:00  packages.conf\n"
			"   16  -rw-                0   Mar 2 2015 08:49:46 +00:00  tracelogs.394\n"
			"\n"
			"7835619328 bytes total (6612774912 bytes free)",
		.fs = "bootflash:",
		.total = {true, 7835619328u, 6, 1, 11},
		.free = {true, 6612774912u, 6, 25, 35},
		.listed = true, .complete = true,
		.n_files = 3,
		.files = {{"iosxe-remote-mgmt.03.14.01.S.155-1.S1-std.ova", 161136640, false, 2, 60, 0, 20, 29},
			  {"packages.conf", 5681, false, 3, 63, 0, 28, 32},
			  {"tracelogs.394", 0, false, 4, 60, 0, 28, 29}},
	},
	{
		.title = "seed: 2960 show flash: without times, annotated",
		.command = "show flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"2 -rwx 12582912 Mar 05 2026 c2960-lanbasek9-mz.152-7.E6.bin \xe2\x86\x90 old\n"
			"3 -rwx 4414 Mar 05 2026 config.text\n"
			"4 -rwx 736 Mar 05 2026 vlan.dat\n"
			"64016384 bytes total (50511872 bytes available) \xe2\x86\x90 ~48 MB free",
		.fs = "flash:",
		.total = {true, 64016384, 5, 1, 9},
		.free = {true, 50511872, 5, 23, 31},
		.listed = true, .complete = true,
		.n_files = 3,
		.files = {{"c2960-lanbasek9-mz.152-7.E6.bin", 12582912, false, 2, 29, 0, 8, 16},
			  {"config.text", 4414, false, 3, 25, 0, 8, 12},
			  {"vlan.dat", 736, false, 4, 24, 0, 8, 11}},
	},
	{
		.title = "seed: ISR4k show bootflash: table, annotated totals",
		.command = "show bootflash:", .arg = "bootflash:",
		.text = "-#- --length-- -----date/time------ path\n"
			"1 521347072 Mar 05 2026 09:14:22 isr4300-universalk9.16.09.06.SPA.bin\n"
			"2 4096 Mar 05 2026 09:14:22 .installer/\n"
			"3 1823744 Mar 05 2026 09:15:01 nvram:startup-config-20260305\n"
			"7696801792 bytes available (789737472 bytes used) \xe2\x86\x90 ~7.3 GB free",
		.fs = "bootflash:",
		.total = {true, 7696801792u + 789737472u, 5, 1, 50},
		.free = {true, 7696801792u, 5, 1, 11},
		.listed = true, .complete = true,
		.n_files = 3,
		.files = {{"isr4300-universalk9.16.09.06.SPA.bin", 521347072, false, 2, 34, 0, 3, 12},
			  {".installer", 4096, true, 3, 29, 0, 3, 7},
			  {"nvram:startup-config-20260305", 1823744, false, 4, 32, 0, 3, 10}},
	},
	{
		.title = "ISR G2 show flash0: with timezone",
		.command = "show flash0:", .arg = "flash0:",
		.text = "-#- --length-- -----date/time------ path\n"
			"1     74503236 Dec 30 2024 00:01:42 +09:00 c2900-universalk9-mz.SPA.151-4.M4.bin\n"
			"2         3064 Oct 15 2013 18:06:38 +09:00 cpconfig-29xx.cfg\n"
			"\n"
			"7926255616 bytes available (74444800 bytes used)",
		.fs = "flash0:",
		.total = {true, 7926255616u + 74444800u, 5, 1, 49},
		.free = {true, 7926255616u, 5, 1, 11},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"c2900-universalk9-mz.SPA.151-4.M4.bin", 74503236, false, 2, 44, 0, 7, 15},
			  {"cpconfig-29xx.cfg", 3064, false, 3, 44, 0, 11, 15}},
	},
	{
		.title = "ISR4k recursive show bootflash: with full paths",
		.command = NULL,
		.text = "Bootflash:  -#- --length-- ---------date/time--------- path\n"
			"  1       4096 Oct 12 2020 07:23:32 +00:00 /bootflash/\n"
			"  4  486645440 Apr 20 2017 23:18:43 +00:00 /bootflash/isr4300-universalk9.03.16.04b.S.155-3.S4b-ext.SPA.bin\n"
			"  6       8192 Oct 09 2020 03:35:54 +00:00 /bootflash/tracelogs\n"
			"  7    1664940 Oct 12 2020 07:27:04 +00:00 /bootflash/tracelogs/boottime\n"
			"\n"
			"13755338752 bytes available (489017344 bytes used)",
		.fs = "bootflash:",
		.total = {true, 13755338752u + 489017344u, 7, 1, 51},
		.free = {true, 13755338752u, 7, 1, 12},
		.listed = true, .complete = true, .recursive = true,
		.n_files = 3,
		.files = {{"isr4300-universalk9.03.16.04b.S.155-3.S4b-ext.SPA.bin", 486645440, false, 3, 55, 0, 6, 15},
			  {"tracelogs", 8192, true, 4, 55, 0, 11, 15},
			  {"tracelogs/boottime", 1664940, false, 5, 55, 0, 8, 15}},
	},
	{
		.title = "2811 4 GB CompactFlash: negative available is not stored",
		.command = "show flash:", .arg = "flash:",
		.text = "-#- --length-- -----date/time------ path\n"
			"1     50938004 Jul 24 2012 13:50:46 +00:00 c2800nm-adventerprisek9-mz.151-4.M4.bin\n"
			"\n"
			"-185270272 bytes available (4108718080 bytes used)",
		.fs = "flash:",
		.total = {false}, .free = {false},
		.listed = true, .complete = true,
		.n_files = 1,
		.files = {{"c2800nm-adventerprisek9-mz.151-4.M4.bin", 50938004, false, 2, 44, 0, 7, 15}},
		.warnings = 1, .diag = "negative byte count (-185270272)", .diag_line = 4,
	},
	{
		.title = "2500 show flash: bracket totals, deleted file",
		.command = "show flash", .arg = NULL,
		.text = "System flash directory:\n"
			"File  Length   Name/status\n"
			"  1   4587836  c2500-js-l.112-14.bin  [deleted]\n"
			"  2   6070088  c2500-js-l.120-7.bin\n"
			"[6070152 bytes used, 2318456 available, 8388608 total]\n"
			"8192K bytes of processor board System flash (Read ONLY)",
		.fs = "flash:",
		.total = {true, 8388608, 5, 41, 48},
		.free = {true, 2318456, 5, 22, 29},
		.listed = true, .complete = true,
		.n_files = 1,
		.files = {{"c2500-js-l.120-7.bin", 6070088, false, 4, 16, 0, 7, 14}},
	},
	{
		.title = "Packet Tracer show flash: 9-digit length runs into the name",
		.command = "show flash:", .arg = "flash:",
		.text = "\n"
			"System flash directory:\n"
			"File  Length   Name/status\n"
			"  3   486899872isr4300-universalk9.03.16.05.S.155-3.S5-ext.SPA.bin\n"
			"  2   28282    sigdef-category.xml\n"
			"[487155691 bytes used, 2761893909 available, 3249049600 total]\n"
			"3.17338e+06K bytes of processor board System flash (Read/Write)",
		.fs = "flash:",
		.total = {true, 3249049600u, 6, 46, 56},
		.free = {true, 2761893909u, 6, 24, 34},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"isr4300-universalk9.03.16.05.S.155-3.S5-ext.SPA.bin", 486899872, false, 4, 16, 0, 7, 16},
			  {"sigdef-category.xml", 28282, false, 5, 16, 0, 7, 12}},
	},
	{
		.title = "class B flash: deleted (.D) entries are not files",
		.command = "show slot0:", .arg = "slot0:",
		.text = "-#- ED --type-- --crc--- -seek-- nlen -length- -----date/time------ name\n"
			"1   .. image    8C5A393A  237E3C   14  2258425 Feb 23 2013 20:46:51 +00:00 c7200-js-mz\n"
			"2   .D unknown  71AB01F1 10C94E0   10  7982828 Jan 02 2004 18:48:14 -08:00 rsp-jsv-mz\n"
			"3   .. config   96DACD45 10C9AE0    8      639 Jan 03 2004 12:09:32 -08:00 the_time\n"
			"\n"
			"3104544 bytes available (17473760 bytes used)",
		.fs = "slot0:",
		.total = {true, 3104544 + 17473760, 6, 1, 46},
		.free = {true, 3104544, 6, 1, 8},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"c7200-js-mz", 2258425, false, 2, 76, 0, 40, 47},
			  {"the_time", 639, false, 4, 76, 0, 44, 47}},
	},
	{
		.title = "C9200 dir drec0: Attributes layout, closed by the dashed rule",
		.command = "dir drec0:", .arg = "drec0:",
		.text = "\n"
			"Attributes        Size         Name\n"
			"\n"
			"- - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n"
			"\n"
			"-rwxrwxrwx   490586943   cat9k_lite_iosxe.17.09.01.SPA.bin\n"
			"\n"
			"- - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
		.fs = "drec0:",
		.total = {false}, .free = {false},
		.listed = true, .complete = true,
		.n_files = 1,
		.files = {{"cat9k_lite_iosxe.17.09.01.SPA.bin", 490586943, false, 6, 26, 0, 14, 23}},
	},
	{
		.title = "C9200 layout cut before its closing rule",
		.command = "dir drec0:", .arg = "drec0:",
		.text = "Attributes        Size         Name\n"
			"- - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n"
			"-rwxrwxrwx   490586943   cat9k_lite_iosxe.17.09.01.SPA.bin",
		.fs = "drec0:",
		.listed = true, .complete = false,
		.n_files = 1,
		.files = {{"cat9k_lite_iosxe.17.09.01.SPA.bin", 490586943, false, 3, 26, 0, 14, 23}},
		.errors = 1, .diag = "closing '- - -' line", .diag_line = 3,
	},
	{
		.title = "truncated dir: files kept, free space unknown, error at last line",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"\n"
			"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
			"    4  -rwx     9771282   Mar 1 1993 00:22:37 +00:00  c2960-lanbasek9-mz.150-2.SE4.bin",
		.fs = "flash:",
		.total = {false}, .free = {false},
		.listed = true, .complete = false,
		.n_files = 2,
		.files = {{"vlan.dat", 736, false, 3, 55, 0, 21, 24},
			  {"c2960-lanbasek9-mz.150-2.SE4.bin", 9771282, false, 4, 55, 0, 17, 24}},
		.errors = 1,
		.diag = "listing of flash: ends before its 'bytes total' line: capture truncated? free space unknown",
		.diag_line = 4,
	},
	{
		.title = "truncated show flash0: table names its own totals line",
		.command = "show flash0:", .arg = "flash0:",
		.text = "-#- --length-- -----date/time------ path\n"
			"1     74503236 Dec 30 2024 00:01:42 +09:00 c2900-universalk9-mz.SPA.151-4.M4.bin",
		.fs = "flash0:",
		.listed = true,
		.n_files = 1,
		.files = {{"c2900-universalk9-mz.SPA.151-4.M4.bin", 74503236, false, 2, 44, 0, 7, 15}},
		.errors = 1, .diag = "before its 'bytes available' line", .diag_line = 2,
	},
	{
		.title = "empty directory",
		.command = "dir bootflash:", .arg = "bootflash:",
		.text = "Directory of bootflash:/\n"
			"\n"
			"No files in directory\n"
			"\n"
			"60817408 bytes total (16626160 bytes free)",
		.fs = "bootflash:",
		.total = {true, 60817408, 5, 1, 9},
		.free = {true, 16626160, 5, 23, 31},
		.listed = true, .complete = true,
	},
	{
		.title = "junk lines: warnings, no filesystem",
		.command = NULL,
		.text = "this is not a listing\n"
			"12 apples and 7 oranges\n"
			"-- nothing here --",
		.fs = NULL,
		.warnings = 3, .diag = "not understood", .diag_line = 1,
	},
	{
		.title = "error answer instead of a listing",
		.command = "dir usbflash0:", .arg = "usbflash0:",
		.text = "%Error opening usbflash0:/ (No such device)",
		.fs = NULL,
		.warnings = 1, .diag = "No such device", .diag_line = 1,
	},
	{
		.title = "dir /recursive: sub-directory blocks give dir/file names",
		.command = "dir /recursive flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"\n"
			"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
			"    3  drwx         512   Mar 1 1993 00:13:49 +00:00  c3560-ipservicesk9-mz.122-58.SE1\n"
			"\n"
			"Directory of flash:/c3560-ipservicesk9-mz.122-58.SE1/\n"
			"\n"
			"    4  -rwx     8919854   Mar 1 1993 00:12:16 +00:00  c3560-ipservicesk9-mz.122-58.SE1.bin\n"
			"    5  drwx        2240   Mar 1 1993 00:12:49 +00:00  html\n"
			"\n"
			"Directory of flash:/c3560-ipservicesk9-mz.122-58.SE1/html/\n"
			"\n"
			"    6  -rwx        3369   Mar 1 1993 00:12:17 +00:00  index.htm\n"
			"\n"
			"27998208 bytes total (9958400 bytes free)",
		.fs = "flash:",
		.total = {true, 27998208, 15, 1, 9},
		.free = {true, 9958400, 15, 23, 30},
		.listed = true, .complete = true, .recursive = true,
		.n_files = 5,
		.files = {{"vlan.dat", 736, false, 3, 55, 0, 21, 24},
			  {"c3560-ipservicesk9-mz.122-58.SE1", 512, true, 4, 55, 0, 21, 24},
			  {"c3560-ipservicesk9-mz.122-58.SE1/c3560-ipservicesk9-mz.122-58.SE1.bin", 8919854, false, 8, 55, 91, 17, 24},
			  {"c3560-ipservicesk9-mz.122-58.SE1/html", 2240, true, 9, 55, 59, 20, 24},
			  {"c3560-ipservicesk9-mz.122-58.SE1/html/index.htm", 3369, false, 13, 55, 64, 20, 24}},
	},
	{
		.title = "listing without a filesystem name is an error",
		.command = NULL,
		.text = "-#- --length-- -----date/time------ path\n"
			"1     74503236 Dec 30 2024 00:01:42 +09:00 c2900-universalk9-mz.SPA.151-4.M4.bin\n"
			"7926255616 bytes available (74444800 bytes used)",
		.fs = NULL,
		.errors = 1, .diag = "does not say which filesystem", .diag_line = 2,
	},
	{
		.title = "plain `show flash` without a header is taken as flash:",
		.command = "sh fla", .arg = NULL,
		.text = "-#- --length-- -----date/time------ path\n"
			"1     74503236 Dec 30 2024 00:01:42 +09:00 c2900-universalk9-mz.SPA.151-4.M4.bin\n"
			"7926255616 bytes available (74444800 bytes used)",
		.fs = "flash:",
		.total = {true, 7926255616u + 74444800u, 3, 1, 49},
		.free = {true, 7926255616u, 3, 1, 11},
		.listed = true, .complete = true,
		.n_files = 1,
		.files = {{"c2900-universalk9-mz.SPA.151-4.M4.bin", 74503236, false, 2, 44, 0, 7, 15}},
		.warnings = 1, .diag = "taken as flash:", .diag_line = 2,
	},
	{
		.title = "filtered listing: no truncation error, not a whole listing",
		.command = "show flash: | include bin", .arg = "flash:", .filter = "include bin",
		.text = "2 -rwx 12582912 Mar 05 2026 c2960-lanbasek9-mz.152-7.E6.bin",
		.fs = "flash:",
		.listed = false, .complete = false,
		.n_files = 1,
		.files = {{"c2960-lanbasek9-mz.152-7.E6.bin", 12582912, false, 1, 29, 0, 8, 16}},
	},
	{
		.title = "dir of one file: the header names the file, not a directory",
		.command = "dir flash:cat9k_iosxe.17.03.01.SPA.bin", .arg = "flash:cat9k_iosxe.17.03.01.SPA.bin",
		.text = "Directory of flash:/cat9k_iosxe.17.03.01.SPA.bin\n"
			"\n"
			"335896  -rw-        892195673  Oct 22 2020 15:47:18 +00:00  cat9k_iosxe.17.03.01.SPA.bin\n"
			"\n"
			"11353194496 bytes total (8987889664 bytes free)",
		.fs = "flash:",
		.total = {true, 11353194496u, 5, 1, 12},
		.free = {true, 8987889664u, 5, 26, 36},
		.listed = false, .complete = false,
		.n_files = 1,
		.files = {{"cat9k_iosxe.17.03.01.SPA.bin", 892195673, false, 3, 61, 0, 21, 30}},
	},
	{
		.title = "file size too large: unknown, with a warning",
		.command = "dir flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"    2  -rwx  99999999999999999999999   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
			"27998208 bytes total (99999999999999999999999 bytes free)",
		.fs = "flash:",
		.total = {true, 27998208, 3, 1, 9},
		.free = {false},
		.listed = true, .complete = true,
		.n_files = 1,
		.files = {{"vlan.dat", 0, false, 2, 68, 0, 0, 0}},
		.warnings = 2, .diag = "too large", .diag_line = 2,
	},
	{
		.title = "prose after the totals line: one warning, no files",
		.command = "show flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"4 -rwx 736 Mar 05 2026 vlan.dat\n"
			"64016384 bytes total (37748736 bytes available)\n"
			"5. Step 4 \xe2\x80\x94 Verify the MD5 Checksum\n"
			"2 -rwx 12582912 Mar 05 2026 not-a-file.bin\n"
			"-#- --length-- -----date/time------ path\n"
			"1 521347072 Mar 05 2026 09:14:22 isr4300-universalk9.16.09.06.SPA.bin\n"
			"7175454720 bytes available (1311883264 bytes used)\n"
			"MD5 verification is mandatory.",
		.fs = "flash:",
		.total = {true, 64016384, 3, 1, 9},
		.free = {true, 37748736, 3, 23, 31},
		.listed = true, .complete = true,
		.n_files = 1,
		.files = {{"vlan.dat", 736, false, 2, 24, 0, 8, 11}},
		.warnings = 1, .diag = "text after the end of the listing", .diag_line = 4,
	},
	{
		.title = "available + used overflows: total unknown, free kept",
		.command = "show bootflash:", .arg = "bootflash:",
		.text = "18446744073709551615 bytes available (1 bytes used)",
		.fs = "bootflash:",
		.total = {false},
		.free = {true, UINT64_MAX, 1, 1, 21},
		.listed = true, .complete = true,
	},
	{
		.title = "<no date>, a file name with spaces, a deleted file of dir /all",
		.command = "dir /all flash:", .arg = "flash:",
		.text = "Directory of flash:/\n"
			"    1  -rw-        1919   <no date>  private-config.text\n"
			"    7  -rw-          12   Mar 1 1993 00:10:59 +00:00  my notes.txt\n"
			"    8  -rw-         639   <no date>  [the_time]\n"
			"27998208 bytes total (9958400 bytes free)",
		.fs = "flash:",
		.total = {true, 27998208, 5, 1, 9},
		.free = {true, 9958400, 5, 23, 30},
		.listed = true, .complete = true,
		.n_files = 2,
		.files = {{"private-config.text", 1919, false, 2, 38, 0, 20, 24},
			  {"my notes.txt", 12, false, 3, 55, 0, 22, 24}},
	},
	{
		.title = "exec timestamps and comments are not warnings",
		.command = "dir flash:", .arg = "flash:",
		.text = "Load for five secs: 1%/0%; one minute: 2%; five minutes: 1%\n"
			"Time source is NTP, 14:22:08.123 UTC Sat Mar 7 2026\n"
			"\n"
			"Directory of flash:/\n"
			"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
			"27998208 bytes total (9958400 bytes free)\n"
			"! checked before the upgrade",
		.fs = "flash:",
		.total = {true, 27998208, 6, 1, 9},
		.free = {true, 9958400, 6, 23, 30},
		.listed = true, .complete = true,
		.n_files = 1,
		.files = {{"vlan.dat", 736, false, 5, 55, 0, 21, 24}},
	},
};

static void check_num(const char *title, const char *what, const ip_u64 *got,
		      const num_exp *want)
{
	cr_expect_eq(got->known, want->known, "%s: %s known", title, what);
	if (!want->known || !got->known)
		return;
	cr_expect_eq(got->v, want->v, "%s: %s = %llu", title, what,
		     (unsigned long long)got->v);
	cr_expect_eq(got->span.line, want->line, "%s: %s line %u", title, what,
		     got->span.line);
	cr_expect_eq(got->span.col, want->col, "%s: %s col %u", title, what,
		     got->span.col);
	cr_expect_eq(got->span.end_col, want->end_col, "%s: %s end col %u",
		     title, what, got->span.end_col);
}

static void check_file(const char *title, const ip_file *f, const file_exp *w)
{
	cr_expect_str_eq(f->name, w->name, "%s: name", title);
	cr_expect_eq(f->is_dir, w->is_dir, "%s: %s is_dir", title, w->name);
	cr_expect_eq(f->span.line, w->line, "%s: %s line %u", title, w->name,
		     f->span.line);
	cr_expect_eq(f->span.col, w->name_col, "%s: %s name col %u", title,
		     w->name, f->span.col);
	uint32_t end = w->name_end ? w->name_end
				   : w->name_col + (uint32_t)strlen(w->name);
	cr_expect_eq(f->span.end_col, end, "%s: %s name end %u", title, w->name,
		     f->span.end_col);
	cr_expect_eq(f->size.known, w->size_col != 0, "%s: %s size known",
		     title, w->name);
	if (w->size_col && f->size.known) {
		cr_expect_eq(f->size.v, w->size, "%s: %s size", title, w->name);
		cr_expect_eq(f->size.span.col, w->size_col, "%s: %s size col %u",
			     title, w->name, f->size.span.col);
		cr_expect_eq(f->size.span.end_col, w->size_end,
			     "%s: %s size end %u", title, w->name,
			     f->size.span.end_col);
	}
}

static const ip_diag *first_diag(const ip_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level == IP_DIAG_ERROR)
			return &d->v[i];
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level == IP_DIAG_WARNING)
			return &d->v[i];
	return NULL;
}

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

/* Criterion runs each case in a fresh process, where the addresses inside
 * `cases` differ: pass the index, not the case. */
ParameterizedTestParameters(flash_listing, layouts)
{
	static size_t ix[N_CASES];
	for (size_t i = 0; i < N_CASES; i++)
		ix[i] = i;
	return cr_make_param_array(size_t, ix, N_CASES);
}

ParameterizedTest(size_t *ix, flash_listing, layouts)
{
	const listing_case *c = &cases[*ix];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *s = listing(a, c->command, c->arg, c->filter, c->text);
	cr_assert_eq(flash_listing_parse(dev, s, &ctx), 0, "%s", c->title);

	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_ERROR), c->errors,
		     "%s: %zu errors", c->title, ip_diags_count(&diags, IP_DIAG_ERROR));
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings,
		     "%s: %zu warnings", c->title,
		     ip_diags_count(&diags, IP_DIAG_WARNING));
	if (c->diag) {
		const ip_diag *d = first_diag(&diags);
		cr_assert(d, "%s: a diagnostic", c->title);
		cr_expect(strstr(d->message, c->diag), "%s: message '%s'",
			  c->title, d->message);
		cr_expect_eq(d->span.line, c->diag_line, "%s: diag line %u",
			     c->title, d->span.line);
	}
	if (!c->fs) {
		cr_expect_eq(dev->n_filesystems, 0, "%s: no filesystem", c->title);
		goto cleanup;
	}
	cr_assert_eq(dev->n_filesystems, 1, "%s: %zu filesystems", c->title,
		     dev->n_filesystems);
	const ip_filesystem *fs = &dev->filesystems[0];
	cr_expect_str_eq(fs->name, c->fs, "%s: filesystem", c->title);
	check_num(c->title, "total", &fs->total, &c->total);
	check_num(c->title, "free", &fs->free, &c->free);
	cr_expect_eq(fs->listed, c->listed, "%s: listed", c->title);
	cr_expect_eq(fs->complete, c->complete, "%s: complete", c->title);
	cr_expect_eq(fs->recursive, c->recursive, "%s: recursive", c->title);
	cr_expect_eq(fs->n_files, c->n_files, "%s: %zu files", c->title,
		     fs->n_files);
	for (size_t i = 0; i < c->n_files && i < fs->n_files && i < 6; i++)
		if (c->files[i].name)
			check_file(c->title, &fs->files[i], &c->files[i]);
cleanup:
	ip_arena_free(a);
}

/* --- several listings ----------------------------------------------------- */

static ip_device *parse_all(ip_arena *a, ip_parse_ctx *ctx, ip_diags *diags,
			    const ip_section *const *secs, size_t n)
{
	ip_device *dev = test_device(a, ctx, diags);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(flash_listing_parse(dev, secs[i], ctx), 0);
	return dev;
}

Test(flash_listing, several_filesystems_in_one_capture)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	const ip_section *s = listing(a, "dir all-filesystems", NULL, NULL,
		"Directory of flash:/\n"
		"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
		"27998208 bytes total (9958400 bytes free)\n"
		"\n"
		"Directory of flash-2:/\n"
		"    5  -rwx     9771282   Mar 1 1993 00:22:37 +00:00  c2960-lanbasek9-mz.150-2.SE4.bin\n"
		"\n"
		"Directory of Usbflash0:/\n"
		"\n"
		"No files in directory\n"
		"\n"
		"4011610112 bytes total (4011606016 bytes free)");
	ip_device *dev = parse_all(a, &ctx, &diags, &s, 1);
	cr_assert_eq(dev->n_filesystems, 3);
	const ip_filesystem *f1 = ip_device_filesystem_find(dev, "flash:");
	const ip_filesystem *f2 = ip_device_filesystem_find(dev, "flash-2:");
	const ip_filesystem *u = ip_device_filesystem_find(dev, "usbflash0:");
	cr_assert(f1 && f2 && u);
	cr_expect(f1->complete && f1->free.known && f1->free.v == 9958400);
	cr_expect_eq(f1->n_files, 1);
	cr_expect_eq(f1->span.line, 1);
	/* flash-2: never got its totals: the error points at its last line */
	cr_expect(!f2->complete && !f2->free.known && f2->listed);
	cr_expect_eq(f2->n_files, 1);
	cr_expect_str_eq(f2->files[0].name, "c2960-lanbasek9-mz.150-2.SE4.bin");
	cr_expect(u->complete && u->n_files == 0 && u->total.v == 4011610112u);
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_ERROR), 1);
	cr_expect_eq(diags.v[0].span.line, 6);
	cr_expect(strstr(diags.v[0].message, "listing of flash-2: ends before"));
	ip_arena_free(a);
}

Test(flash_listing, later_listing_replaces_earlier)
{
	/* before and after `copy tftp: flash:` + `delete`: the second capture
	 * is the newer state, so nothing of the first may survive */
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	const ip_section *s[2] = {
		listing(a, "show flash:", "flash:", NULL,
			"Directory of flash:/\n"
			"2 -rwx 12582912 Mar 05 2026 c2960-lanbasek9-mz.152-7.E6.bin\n"
			"4 -rwx 4414 Mar 05 2026 config.text\n"
			"64016384 bytes total (50511872 bytes available)"),
		listing(a, "show flash:", "flash:", NULL,
			"Directory of flash:/\n"
			"3 -rwx 12582912 Mar 07 2026 c2960-lanbasek9-mz.152-7.E9.bin\n"
			"4 -rwx 4414 Mar 05 2026 config.text\n"
			"64016384 bytes total (50511872 bytes available)"),
	};
	ip_device *dev = parse_all(a, &ctx, &diags, s, 2);
	cr_assert_eq(dev->n_filesystems, 1);
	const ip_filesystem *fs = &dev->filesystems[0];
	cr_assert_eq(fs->n_files, 2);
	cr_expect_str_eq(fs->files[0].name, "c2960-lanbasek9-mz.152-7.E9.bin");
	cr_expect_null(ip_filesystem_file_find(fs, "c2960-lanbasek9-mz.152-7.E6.bin"));
	cr_expect_eq(fs->files[0].span.line, 2);
	cr_expect_eq(fs->free.v, 50511872);
	cr_expect_eq(diags.n, 0);
	ip_arena_free(a);
}

Test(flash_listing, truncated_relisting_forgets_old_free_space)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	const ip_section *s[2] = {
		listing(a, "dir flash:", "flash:", NULL,
			"Directory of flash:/\n"
			"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
			"27998208 bytes total (9958400 bytes free)"),
		listing(a, "dir flash:", "flash:", NULL,
			"Directory of flash:/\n"
			"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat"),
	};
	ip_device *dev = parse_all(a, &ctx, &diags, s, 2);
	const ip_filesystem *fs = &dev->filesystems[0];
	cr_expect(!fs->free.known && !fs->total.known && !fs->complete);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_ERROR), 1);
	ip_arena_free(a);
}

Test(flash_listing, subdirectory_listing_keeps_the_rest)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	const ip_section *s[2] = {
		listing(a, "dir flash:", "flash:", NULL,
			"Directory of flash:/\n"
			"    2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat\n"
			"    3  drwx         192   Jan 2 2025 17:30:41 +00:00  c3750-ipservices-mz.122-25.SEE\n"
			"15998976 bytes total (6656000 bytes free)"),
		listing(a, "dir flash:c3750-ipservices-mz.122-25.SEE/",
			"flash:c3750-ipservices-mz.122-25.SEE/", NULL,
			"Directory of flash:/c3750-ipservices-mz.122-25.SEE/\n"
			"    4  -rwx     6398464   Jan 2 2025 17:29:02 +00:00  c3750-ipservices-mz.122-25.SEE.bin\n"
			"    5  -rwx         348   Jan 2 2025 17:30:41 +00:00  info\n"
			"15998976 bytes total (6656000 bytes free)"),
	};
	ip_device *dev = parse_all(a, &ctx, &diags, s, 2);
	const ip_filesystem *fs = &dev->filesystems[0];
	cr_assert_eq(fs->n_files, 4);
	cr_expect_str_eq(fs->files[0].name, "vlan.dat");
	cr_expect(fs->files[1].is_dir);
	const ip_file *bin = ip_filesystem_file_find(
		fs, "c3750-ipservices-mz.122-25.SEE/c3750-ipservices-mz.122-25.SEE.bin");
	cr_assert_not_null(bin);
	cr_expect_eq(bin->size.v, 6398464);
	cr_expect(fs->listed && fs->complete);
	cr_expect_eq(diags.n, 0);
	ip_arena_free(a);
}

Test(flash_listing, filtered_listing_updates_in_place)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	const ip_section *s[2] = {
		listing(a, "show flash0:", "flash0:", NULL,
			"-#- --length-- -----date/time------ path\n"
			"1     74503236 Dec 30 2024 00:01:42 +09:00 c2900-universalk9-mz.SPA.151-4.M4.bin\n"
			"2         3064 Oct 15 2013 18:06:38 +09:00 cpconfig-29xx.cfg\n"
			"7926255616 bytes available (74444800 bytes used)"),
		listing(a, "show flash0: | include 151", "flash0:", "include 151",
			"1     74503237 Dec 31 2024 00:01:42 +09:00 c2900-universalk9-mz.SPA.151-4.M4.bin"),
	};
	ip_device *dev = parse_all(a, &ctx, &diags, s, 2);
	const ip_filesystem *fs = &dev->filesystems[0];
	cr_assert_eq(fs->n_files, 2);
	cr_expect_str_eq(fs->files[0].name, "c2900-universalk9-mz.SPA.151-4.M4.bin");
	cr_expect_eq(fs->files[0].size.v, 74503237);
	cr_expect_str_eq(fs->files[1].name, "cpconfig-29xx.cfg");
	cr_expect(fs->listed && fs->complete && fs->free.known);
	cr_expect_eq(diags.n, 0);
	ip_arena_free(a);
}

Test(flash_listing, alias_from_show_file_systems)
{
	/* Cat9k: `show file systems` said bootflash: is flash: */
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_filesystem *fs = ip_device_filesystem(dev, a, "flash:");
	fs->aliases = "bootflash: flash-1:";
	const ip_section *s = listing(a, "dir bootflash:", "bootflash:", NULL,
		"Directory of bootflash:/\n"
		"   12  -rw-       4096  Oct 22 2020 15:47:18 +00:00  packages.conf\n"
		"11353194496 bytes total (8987889664 bytes free)");
	cr_assert_eq(flash_listing_parse(dev, s, &ctx), 0);
	cr_assert_eq(dev->n_filesystems, 1);
	cr_expect_eq(dev->filesystems[0].n_files, 1);
	cr_expect(dev->filesystems[0].complete);
	ip_arena_free(a);
}

Test(flash_listing, hostile_input_does_not_crash)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	const char *texts[] = {
		"",
		"Directory of",
		"Directory of :",
		"Directory of flash:/*\n1 -rwx 5 <no date> x",
		"-#-",
		"Bootflash:  -#- --length--\n1 5 Jan 1 2000 /\n1 5 Jan 1 2000 //\n",
		"[",
		"[1 bytes used, -1 available, 99999999999999999999999 total]",
		"-1",
		"\xe2\x86\x90\n \xe2\x86\x90\n\xe2\x86",
		"Attributes\n-\n- -\n- -\n- -",
		"System flash directory, partition 99999999999999999999:\n  1 5 x",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const ip_section *s = listing(a, "show flash", NULL, NULL, texts[i]);
		cr_expect_eq(flash_listing_parse(dev, s, &ctx), 0, "%zu", i);
	}
	ip_arena_free(a);
}

Test(flash_listing, many_junk_lines_are_summarised)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	char *text = malloc(200 * 8 + 1);
	for (int i = 0; i < 200; i++)
		memcpy(text + i * 8, "garbage\n", 8);
	text[200 * 8] = '\0';
	const ip_section *s = listing(a, "dir flash:", "flash:", NULL, text);
	cr_assert_eq(flash_listing_parse(dev, s, &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 21);
	free(text);
	ip_arena_free(a);
}

/* --- ntc-templates corpus ------------------------------------------------- */

typedef struct yml_row {
	char name[128], size[32], total[32], free[32];
} yml_row;

/* parsed_sample: a list of flat mappings; copy the four keys we check.
 * Returns the row count, or -1 when the file cannot be read. */
static int yml_rows(const char *path, yml_row *rows, int max)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	int n = -1, depth = 0, done = 0;
	char key[64] = "";
	bool want_key = true;
	while (!done && yaml_parser_parse(&p, &ev)) {
		if (ev.type == YAML_MAPPING_START_EVENT && ++depth == 2 && n + 1 < max) {
			memset(&rows[++n], 0, sizeof(rows[0]));
			want_key = true;
		} else if (ev.type == YAML_MAPPING_END_EVENT) {
			depth--;
		} else if (ev.type == YAML_SCALAR_EVENT && depth == 2 && n >= 0) {
			const char *v = (const char *)ev.data.scalar.value;
			char *dst = NULL;
			if (want_key)
				snprintf(key, sizeof(key), "%s", v);
			else if (strcmp(key, "name") == 0)
				dst = rows[n].name;
			else if (strcmp(key, "size") == 0)
				dst = rows[n].size;
			else if (strcmp(key, "total_size") == 0)
				dst = rows[n].total;
			else if (strcmp(key, "total_free") == 0)
				dst = rows[n].free;
			if (dst)
				snprintf(dst, 32 + (dst == rows[n].name) * 96, "%s", v);
			want_key = !want_key;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	fclose(f);
	return n + 1;
}

static void corpus_check(const char *base)
{
	const char *root = test_corpus_dir();
	if (!root)
		cr_skip_test("corpus not found (../shared/corpus/ntc-templates beside the tree, or IOSPLAN_CORPUS)");
	char raw[1024], yml[1024];
	snprintf(raw, sizeof(raw), "%s/cisco_ios/dir/%s.raw", root, base);
	snprintf(yml, sizeof(yml), "%.*s.yml", (int)(strlen(raw) - 4), raw);
	char *text = test_read_file(raw, NULL);
	yml_row rows[64];
	int n = yml_rows(yml, rows, 64);
	if (!text || n < 0) {
		free(text);
		cr_skip_test("corpus %s not found", raw);
	}
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	const ip_section *s = listing(a, NULL, NULL, NULL, text);
	cr_assert_eq(flash_listing_parse(dev, s, &ctx), 0);
	cr_expect_eq(diags.n, 0, "%s: %zu diagnostics", base, diags.n);
	cr_assert_eq(dev->n_filesystems, 1);
	const ip_filesystem *fs = &dev->filesystems[0];
	cr_expect_str_eq(fs->name, "bootflash:");
	cr_assert(n > 0 && fs->total.known && fs->free.known);
	cr_expect_eq(fs->total.v, strtoull(rows[0].total, NULL, 10));
	cr_expect_eq(fs->free.v, strtoull(rows[0].free, NULL, 10));
	size_t want = rows[0].name[0] ? (size_t)n : 0; /* empty: one blank row */
	cr_assert_eq(fs->n_files, want, "%s: %zu files", base, fs->n_files);
	for (size_t i = 0; i < want; i++) {
		cr_expect_str_eq(fs->files[i].name, rows[i].name);
		cr_expect_eq(fs->files[i].size.v, strtoull(rows[i].size, NULL, 10),
			     "%s", rows[i].name);
	}
	cr_expect(fs->listed && fs->complete);
	free(text);
	ip_arena_free(a);
}

Test(flash_listing, corpus_ntc_dir) { corpus_check("cisco_ios_dir"); }
Test(flash_listing, corpus_ntc_dir_no_files) { corpus_check("cisco_ios_dir_no_files"); }
