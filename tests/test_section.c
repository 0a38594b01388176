/* Cutting captures into command sections and recognising commands. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "helpers.h"
#include <string.h>
#include <stdio.h>

#include "capture.h"
#include "section.h"

/* --- typed commands ----------------------------------------------------- */

typedef struct cmd_case {
	const char *typed;
	bool is_command;
	ip_cmd cmd;
	const char *arg;    /* NULL: none */
	const char *filter; /* NULL: none */
} cmd_case;

static const cmd_case cmd_cases[] = {
	{ "show version", true, IP_CMD_SHOW_VERSION, NULL, NULL },
	{ "sh ver", true, IP_CMD_SHOW_VERSION, NULL, NULL },
	{ "sho versio", true, IP_CMD_SHOW_VERSION, NULL, NULL },
	{ "show version | include register", true, IP_CMD_SHOW_VERSION, NULL, "include register" },
	{ "sh run | i boot", true, IP_CMD_RUNNING_CONFIG, NULL, "i boot" },
	{ "show running-config", true, IP_CMD_RUNNING_CONFIG, NULL, NULL },
	{ "show run all", true, IP_CMD_RUNNING_CONFIG, NULL, NULL },
	{ "more system:running-config", true, IP_CMD_RUNNING_CONFIG, NULL, NULL },
	{ "write terminal", true, IP_CMD_RUNNING_CONFIG, NULL, NULL },
	{ "sh start", true, IP_CMD_STARTUP_CONFIG, NULL, NULL },
	{ "show startup-config | include boot system", true, IP_CMD_STARTUP_CONFIG, NULL, "include boot system" },
	{ "more nvram:startup-config", true, IP_CMD_STARTUP_CONFIG, NULL, NULL },
	{ "show configuration", true, IP_CMD_STARTUP_CONFIG, NULL, NULL },
	{ "show flash:", true, IP_CMD_FLASH_LISTING, "flash:", NULL },
	{ "sh flash", true, IP_CMD_FLASH_LISTING, "flash:", NULL },
	{ "show bootflash:", true, IP_CMD_FLASH_LISTING, "bootflash:", NULL },
	{ "show flash0:", true, IP_CMD_FLASH_LISTING, "flash0:", NULL },
	{ "show flash-2:", true, IP_CMD_FLASH_LISTING, "flash-2:", NULL },
	{ "dir", true, IP_CMD_FLASH_LISTING, NULL, NULL },
	{ "dir bootflash:", true, IP_CMD_FLASH_LISTING, "bootflash:", NULL },
	{ "dir /all flash:", true, IP_CMD_FLASH_LISTING, "flash:", NULL },
	{ "DIR USBFLASH0:", true, IP_CMD_FLASH_LISTING, "usbflash0:", NULL },
	{ "show boot", true, IP_CMD_SHOW_BOOT, NULL, NULL },
	{ "sh boot", true, IP_CMD_SHOW_BOOT, NULL, NULL },
	{ "show bootvar", true, IP_CMD_SHOW_BOOT, NULL, NULL },
	{ "show boot system", true, IP_CMD_SHOW_BOOT, NULL, NULL },
	{ "show file systems", true, IP_CMD_FILE_SYSTEMS, NULL, NULL },
	{ "verify /md5 flash:x.bin", true, IP_CMD_VERIFY, "flash:x.bin", NULL },
	{ "show switch", true, IP_CMD_SHOW_SWITCH, NULL, NULL },
	{ "show install summary", true, IP_CMD_INSTALL_SUMMARY, NULL, NULL },
	{ "sh inst act", true, IP_CMD_SHOW_INSTALL, NULL, NULL },
	{ "show install inactive", true, IP_CMD_SHOW_INSTALL, NULL, NULL },
	{ "sh install com", true, IP_CMD_SHOW_INSTALL, NULL, NULL },
	{ "show install uncommitted", true, IP_CMD_SHOW_INSTALL, NULL, NULL },
	{ "show install rollback", true, IP_CMD_SHOW_INSTALL, NULL, NULL },
	{ "show install log", true, IP_CMD_OTHER, NULL, NULL },
	{ "do sh run | i boot", true, IP_CMD_RUNNING_CONFIG, NULL, "i boot" },
	{ "ping 192.168.1.100", true, IP_CMD_OTHER, NULL, NULL },
	{ "terminal length 0", true, IP_CMD_OTHER, NULL, NULL },
	{ "show ip route", true, IP_CMD_OTHER, NULL, NULL },
	/* the boot firmware commands (issue 22) */
	{ "show rom-monitor r0", true, IP_CMD_ROM_MONITOR, "R0", NULL },
	{ "sh rom-mon R1", true, IP_CMD_ROM_MONITOR, "R1", NULL },
	{ "show rom-monitor slot R0", true, IP_CMD_ROM_MONITOR, "R0", NULL },
	{ "show rom-monitor 0", true, IP_CMD_ROM_MONITOR, "0", NULL },
	{ "show rom-monitor r0 | inc Version", true, IP_CMD_ROM_MONITOR, "R0", "inc Version" },
	{ "show rom-monitor", true, IP_CMD_ROM_MONITOR, NULL, NULL },
	{ "show romvar", true, IP_CMD_OTHER, NULL, NULL },
	{ "show platform", true, IP_CMD_SHOW_PLATFORM, NULL, NULL },
	{ "sh plat", true, IP_CMD_SHOW_PLATFORM, NULL, NULL },
	{ "show platform | begin Firmware", true, IP_CMD_SHOW_PLATFORM, NULL, "begin Firmware" },
	{ "show platform software status control-processor brief", true, IP_CMD_OTHER, NULL, NULL },
	{ "show policy-map", true, IP_CMD_OTHER, NULL, NULL },
	{ "show hw-programmable all", true, IP_CMD_HW_PROGRAMMABLE, NULL, NULL },
	{ "sh hw-prog all", true, IP_CMD_HW_PROGRAMMABLE, NULL, NULL },
	{ "show hw-module subslot 0/0 oir", true, IP_CMD_OTHER, NULL, NULL },
	{ "rules", false, IP_CMD_UNKNOWN, NULL, NULL },
	{ "12345", false, IP_CMD_UNKNOWN, NULL, NULL },
	{ "", false, IP_CMD_UNKNOWN, NULL, NULL },
};

IP_TABLE_PARAMS(section, commands, cmd_cases)

ParameterizedTest(size_t *row, section, commands)
{
	const cmd_case *c = &cmd_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_cmd cmd;
	const char *canonical, *arg, *filter;
	bool ok = ip_command_identify(a, c->typed, &cmd, &canonical, &arg, &filter);
	cr_assert_eq(ok, c->is_command, "'%s'", c->typed);
	if (ok) {
		cr_assert_eq(cmd, c->cmd, "'%s': got %s", c->typed, ip_cmd_name(cmd));
		if (c->arg)
			cr_assert_str_eq(arg, c->arg, "'%s'", c->typed);
		else
			cr_assert_null(arg, "'%s': arg '%s'", c->typed, arg);
		if (c->filter)
			cr_assert_str_eq(filter, c->filter);
		else
			cr_assert_null(filter);
	}
	ip_arena_free(a);
}

/* --- filters that must keep every boot system line ---------------------- */

typedef struct keeps_case {
	const char *filter;
	bool keeps;
} keeps_case;

/* The filters engineers type, and the ones that hide `boot system tftp`,
 * `boot system rom` or `boot system flash` (no colon) while showing others. */
static const keeps_case keeps_cases[] = {
	{ NULL, true },
	{ "include boot", true },
	{ "include boot system", true },
	{ "include ^boot", true },
	{ "include ^boot system", true },
	{ "include boot sys", true },
	{ "i boot", true },
	{ "inc boot", true },
	{ "incl boot system", true },
	{ "section boot", true },
	{ "s boot", true },
	{ "section include boot", true },
	{ "begin boot", true },
	{ "b ^boot", true },
	{ "include boot|config-register", true },
	{ "include hostname|boot", true },
	{ "include boot | exclude marker", true }, /* one regex: "boot " or " exclude marker" */
	{ "exclude ^interface", true },
	{ "exclude ^ |^!", true },
	{ "include flash:", false },
	{ "include flash", false },
	{ "include bootflash", false },
	{ "include bin", false },
	{ "include boot system flash", false },
	{ "include ^boot system flash:", false },
	{ "include Boot", false },           /* case-sensitive */
	{ "include BOOT", false },
	{ "include boot.system", false },    /* '.' is a proof we do not attempt */
	{ "include boot_system", false },    /* '_' is a delimiter class in IOS */
	{ "include [b]oot", false },
	{ "include boot.*", false },
	{ "include (boot)", false },
	{ "include ^", false },
	{ "include boot|", true },           /* the "boot" alternative keeps them */
	{ "include |flash:", false },        /* an empty alternative is not accepted */
	{ "include hostname", false },
	{ "include", false },
	{ "exclude boot", false },
	{ "exclude marker", false },         /* hides boot system flash:marker.bin */
	{ "exclude ^boot", false },
	{ "exclude ^boot system tftp", false },
	{ "exclude ^b", false },
	{ "exclude ^interface|boot", false },
	{ "section exclude ^boot", false },
	{ "section exclude ^interface", true },
	{ "section i boot", false },         /* "i boot" might be the regex */
	{ "count boot", false },
	{ "redirect flash:x.txt", false },
	{ "tee flash:x.txt", false },
	{ "i (", false },
};

IP_TABLE_PARAMS(section, keeps, keeps_cases)

ParameterizedTest(size_t *row, section, keeps)
{
	const keeps_case *c = &keeps_cases[*row];
	ip_section s = { .filter = c->filter };
	cr_assert_eq(ip_section_filter_keeps(&s, "boot system "), c->keeps,
		     "filter '%s'", c->filter ? c->filter : "(none)");
}

/* --- splitting ---------------------------------------------------------- */

typedef struct split_case {
	const char *name;
	const char *text;
	size_t n;
	struct {
		ip_cmd cmd;
		const char *host;
		uint32_t first, last;
		size_t n_lines;
	} want[6];
} split_case;

static const split_case split_cases[] = {
	{ "session log",
	  "R1#show version\nCisco IOS Software, x\nR1 uptime is 1 day\nR1#sh run | i boot\nboot-start-marker\nboot-end-marker\nR1#\n",
	  3,
	  { { IP_CMD_SHOW_VERSION, "R1", 1, 3, 2 }, { IP_CMD_RUNNING_CONFIG, "R1", 4, 6, 2 },
	    { IP_CMD_OTHER, "R1", 7, 7, 0 } } },
	{ "user mode prompt and config mode",
	  "SW1>sh flash:\nDirectory of flash:/\nSW1#conf t\nSW1(config)#boot system flash:a.bin\nSW1(config)#end\n",
	  4,
	  { { IP_CMD_FLASH_LISTING, "SW1", 1, 2, 1 }, { IP_CMD_OTHER, "SW1", 3, 3, 0 },
	    { IP_CMD_CONFIG_MODE, "SW1", 4, 4, 0 }, { IP_CMD_CONFIG_MODE, "SW1", 5, 5, 0 } } },
	{ "two devices",
	  "R1#sh ver\nCisco IOS Software, a\nR2#sh ver\nCisco IOS Software, b\n", 2,
	  { { IP_CMD_SHOW_VERSION, "R1", 1, 2, 1 }, { IP_CMD_SHOW_VERSION, "R2", 3, 4, 1 } } },
	{ "bare outputs back to back",
	  "Cisco IOS XE Software, Version 16.09.06\nCisco IOS Software [Fuji], ISR Software\nR1 uptime is 2 days\n"
	  "System image file is \"bootflash:x.bin\"\nProcessor board ID X\n1 Gigabit\n2\n3\n"
	  "Directory of bootflash:/\n 1 -rw- 5 Mar 1 2020 x\n10 bytes total (5 bytes free)\n"
	  "BOOT variable = bootflash:x.bin,12;\n",
	  3,
	  { { IP_CMD_SHOW_VERSION, NULL, 1, 8, 8 }, { IP_CMD_FLASH_LISTING, NULL, 9, 11, 3 },
	    { IP_CMD_SHOW_BOOT, NULL, 12, 12, 1 } } },
	{ "bare running config keeps its version line",
	  "Building configuration...\n\nCurrent configuration : 1200 bytes\n!\nversion 15.2\nhostname SW1\nend\n", 1,
	  { { IP_CMD_RUNNING_CONFIG, NULL, 1, 7, 7 } } },
	{ "bare startup config", "Using 1823 out of 262136 bytes\n!\nversion 16.9\nhostname R1\nend\n", 1,
	  { { IP_CMD_STARTUP_CONFIG, NULL, 1, 5, 5 } } },
	{ "recursive dir stays one section",
	  "Directory of flash:/\n 2 drwx 512 Mar 1 1993 d\nDirectory of flash:/d/\n 3 -rwx 5 Mar 1 1993 f\n10 bytes total (1 bytes free)\n",
	  1, { { IP_CMD_FLASH_LISTING, NULL, 1, 5, 5 } } },
	{ "rejected command",
	  "SW1#show bootvar\n              ^\n% Invalid input detected at '^' marker.\n\nSW1#show boot\nBOOT path-list : flash:a.bin\n",
	  2, { { IP_CMD_OTHER, "SW1", 1, 4, 3 }, { IP_CMD_SHOW_BOOT, "SW1", 5, 6, 1 } } },
	{ "banner text is not a prompt",
	  "R1#show running-config\nbanner motd ^C\nadmin>rules apply\n^C\nend\n", 1,
	  { { IP_CMD_RUNNING_CONFIG, "R1", 1, 5, 4 } } },
	{ "syslog line inside output",
	  "R1#show version\nCisco IOS Software, x\n*Mar  7 14:35:00.001: %SYS-5-CONFIG_I: Configured from console\nR1 uptime is 1 day\n",
	  1, { { IP_CMD_SHOW_VERSION, "R1", 1, 4, 3 } } },
	{ "stack show boot banner after a bare listing",
	  "Directory of flash:/\n 1 -rw- 5 Mar 1 2020 00:00:00 +00:00 packages.conf\n10 bytes total (5 bytes free)\n"
	  "---------------------------\nSwitch 1\n---------------------------\nCurrent Boot Variables:\n"
	  "BOOT variable does not exist\n",
	  2, { { IP_CMD_FLASH_LISTING, NULL, 1, 3, 3 }, { IP_CMD_SHOW_BOOT, NULL, 4, 8, 5 } } },
	{ "prose is nothing", "hello world\nthis is not a capture\n", 0, { { 0 } } },
	/* lines that open nothing themselves still close a banner or end a
	 * backup's comment block */
	{ "indented banner delimiter ends the banner",
	  "R1#show running-config\nbanner motd ^C\nhello\n ^C\nR1#show version\nCisco IOS Software, x\n", 2,
	  { { IP_CMD_RUNNING_CONFIG, "R1", 1, 4, 3 }, { IP_CMD_SHOW_VERSION, "R1", 5, 6, 1 } } },
	{ "indented line ends a RANCID block",
	  "!RANCID-CONTENT-TYPE: cisco\n!\n interface Gi0/1\n", 2,
	  { { IP_CMD_RANCID, NULL, 1, 2, 2 }, { IP_CMD_RUNNING_CONFIG, NULL, 3, 3, 1 } } },
	/* a typed command's output is looked up for bare signatures only
	 * after a configuration's "end", or when the command is not one read */
	{ "typed command keeps the signature lines of its output",
	  "R1#show version\nCisco IOS Software, x\nDirectory of flash:/\nBOOT path-list : x\n", 1,
	  { { IP_CMD_SHOW_VERSION, "R1", 1, 4, 3 } } },
	{ "a configuration after another's end under one prompt",
	  "R1#show running-config\nversion 15.2\nend\nUsing 1823 out of 262136 bytes\nversion 15.2\nend\n", 2,
	  { { IP_CMD_RUNNING_CONFIG, "R1", 1, 3, 2 }, { IP_CMD_STARTUP_CONFIG, NULL, 4, 6, 3 } } },
	{ "bare output after a command iosplan does not read",
	  "R1#terminal length 0\nCisco IOS Software, x\n", 2,
	  { { IP_CMD_OTHER, "R1", 1, 1, 0 }, { IP_CMD_SHOW_VERSION, NULL, 2, 2, 1 } } },
	{ "tab-indented line ends an Oxidized block",
	  "! Cisco IOS Software, x\n! Chassis: y\n\tdescription z\n", 2,
	  { { IP_CMD_OXIDIZED, NULL, 1, 2, 2 }, { IP_CMD_RUNNING_CONFIG, NULL, 3, 3, 1 } } },
};

IP_TABLE_PARAMS(section, split, split_cases)

ParameterizedTest(size_t *row, section, split)
{
	const split_case *c = &split_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", c->text, strlen(c->text)), 0);
	ip_diags d = { .arena = a };
	ip_section *s;
	size_t n;
	cr_assert_eq(ip_sections_split(&s, &n, a, cap, &d), 0);
	cr_assert_eq(n, c->n, "%s: %zu sections", c->name, n);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(s[i].cmd, c->want[i].cmd, "%s #%zu: %s", c->name, i, ip_cmd_name(s[i].cmd));
		if (c->want[i].host)
			cr_assert_str_eq(s[i].hostname, c->want[i].host);
		else
			cr_assert_null(s[i].hostname);
		cr_assert_eq(s[i].first_line, c->want[i].first, "%s #%zu first %u", c->name, i, s[i].first_line);
		cr_assert_eq(s[i].last_line, c->want[i].last, "%s #%zu last %u", c->name, i, s[i].last_line);
		cr_assert_eq(s[i].n_lines, c->want[i].n_lines, "%s #%zu n_lines %zu", c->name, i, s[i].n_lines);
	}
	ip_arena_free(a);
}

/* --- which lines can open a section ------------------------------------- */

/* The splitter skips a line whose first byte can start neither a prompt
 * ([A-Za-z0-9]) nor a known output (the first bytes of its signatures, and
 * '.' or 'D' of a flattened verify). Each such byte opens a section here,
 * and the lines that must not open one do not. */
typedef struct opens_case {
	const char *line;
	bool opens;
} opens_case;

static const opens_case opens_cases[] = {
	{ "R1#show version", true },
	{ "R1>show version", true },
	{ "r1#show version", true },
	{ "9K#show version", true },
	{ "_R1#show version", false },
	{ "-R1#show version", false },
	{ ".R1#show version", false },
	/* a capture indented as a whole, as pasted into a ticket: its prefix
	 * is removed (issue 23 point 6) */
	{ " R1#show version", true },
	{ "\tR1#show version", true },
	{ "", false },
	{ "!", false },
	{ "vers", false },
	{ " version 15.2", false },
	{ "\tversion 15.2", false },
	{ "  boot system flash:x.bin", false },
	{ "version 15.2", true },
	{ "boot system flash:x.bin", true },
	{ "config-register 0x2102", true },
	{ "Cisco IOS Software, x", true },
	{ "IOS (tm) C2600 Software", true },
	{ "Interface   IP-Address  OK? Method Status  Protocol", true },
	{ "Directory of flash:/", true },
	{ "Device ID        Local Intrfce     Holdtme", true },
	{ "-#- --length-- -----date/time------ path", true },
	{ "BOOT path-list      : flash:x.bin", true },
	{ "Building configuration...", true },
	{ "File Systems:", true },
	{ "For address family: IPv4 Unicast", true },
	{ "Switch/Stack Mac Address : 0011.2233.4455", true },
	{ "Using 1823 out of 262136 bytes", true },
	{ "! Last configuration change at 10:00:00 UTC Mon Mar 2 2026", true },
	{ "!RANCID-CONTENT-TYPE: cisco", true },
	{ "Verified (flash:x.bin) = 0123abcd", true },
	{ "%Error verifying flash:x.bin", true },
	{ "Port      Name   Status   Vlan", true },
	{ "Neighbor ID     Pri   State           Dead Time   Address", true },
	{ "Current configuration : 1200 bytes", true },
	{ "....Done! verify /md5 (flash:x.bin) = 0123abcd", true },
	{ "Done! verify /md5 (flash:x.bin) = 0123abcd", true },
};

IP_TABLE_PARAMS(section, first_line_opens, opens_cases)

ParameterizedTest(size_t *row, section, first_line_opens)
{
	const opens_case *c = &opens_cases[*row];
	ip_arena *a = ip_arena_new();
	char text[128];
	snprintf(text, sizeof(text), "%s\n", c->line);
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", text, strlen(text)), 0);
	ip_diags d = { .arena = a };
	ip_section *s;
	size_t n;
	cr_assert_eq(ip_sections_split(&s, &n, a, cap, &d), 0);
	cr_assert_eq(n != 0, c->opens, "'%s': %zu sections", c->line, n);
	ip_arena_free(a);
}

