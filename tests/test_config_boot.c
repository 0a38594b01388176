/* boot_entry_parse (every boot target form) and config_boot_parse (boot
 * statements of a running/startup config, filtered or whole). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "parsers.h"

/* --- boot_entry_parse ---------------------------------------------------- */

typedef struct entry_case {
	const char *text;
	ip_boot_kind kind;
	const char *fs, *path, *server; /* NULL: must be NULL */
	int member;
} entry_case;

static const entry_case entry_cases[] = {
	{ "flash:c2960x-universalk9-mz.152-7.E3.bin", IP_BOOT_FILE, "flash:",
	  "c2960x-universalk9-mz.152-7.E3.bin", NULL, 0 },
	{ "flash:/c3560-advipservicesk9-mz.122-44.SE.bin", IP_BOOT_FILE, "flash:",
	  "c3560-advipservicesk9-mz.122-44.SE.bin", NULL, 0 },
	{ "flash0:/c2900-universalk9-mz.SPA.154-3.M10.bin", IP_BOOT_FILE, "flash0:",
	  "c2900-universalk9-mz.SPA.154-3.M10.bin", NULL, 0 },
	{ "FLASH:C2960.BIN", IP_BOOT_FILE, "flash:", "C2960.BIN", NULL, 0 },
	{ "flash other_image", IP_BOOT_FILE, "flash:", "other_image", NULL, 0 },
	{ "flash /c2960.bin", IP_BOOT_FILE, "flash:", "c2960.bin", NULL, 0 },
	{ "flash bootflash:cat9k_iosxe.17.09.04a.SPA.bin", IP_BOOT_FILE, "bootflash:",
	  "cat9k_iosxe.17.09.04a.SPA.bin", NULL, 0 },
	{ "flash slot0: c7200-js-mz", IP_BOOT_FILE, "slot0:", "c7200-js-mz", NULL, 0 },
	{ "flash", IP_BOOT_FLASH_FIRST, NULL, NULL, NULL, 0 },
	{ "flash bootflash:", IP_BOOT_FLASH_FIRST, "bootflash:", NULL, NULL, 0 },
	{ "bootflash:", IP_BOOT_FLASH_FIRST, "bootflash:", NULL, NULL, 0 },
	{ "bootflash:packages.conf", IP_BOOT_FILE, "bootflash:", "packages.conf", NULL, 0 },
	{ "switch all flash:cat3k_caa-universalk9.SPA.03.07.01.E.152-3.E1.bin", IP_BOOT_FILE,
	  "flash:", "cat3k_caa-universalk9.SPA.03.07.01.E.152-3.E1.bin", NULL, -1 },
	{ "switch all flash:packages.conf", IP_BOOT_FILE, "flash:", "packages.conf", NULL, -1 },
	{ "switch 2 flash:packages.conf", IP_BOOT_FILE, "flash:", "packages.conf", NULL, 2 },
	{ "switch 3 flash x.bin", IP_BOOT_FILE, "flash:", "x.bin", NULL, 3 },
	{ "flash:c2960l-universalk9-mz.152-7.E2/c2960l-universalk9-mz.152-7.E2.bin", IP_BOOT_FILE,
	  "flash:", "c2960l-universalk9-mz.152-7.E2/c2960l-universalk9-mz.152-7.E2.bin", NULL, 0 },
	{ "usbflash0:/images/x.bin", IP_BOOT_FILE, "usbflash0:", "images/x.bin", NULL, 0 },
	{ "flash-2:c3750e.bin", IP_BOOT_FILE, "flash-2:", "c3750e.bin", NULL, 0 },
	{ "tftp://10.1.0.41/cat9k_iosxe.16.12.03a.SPA.bin", IP_BOOT_NETWORK, "tftp:",
	  "cat9k_iosxe.16.12.03a.SPA.bin", "10.1.0.41", 0 },
	{ "tftp://192.168.121.25//auto/tftptest-blr/latest//cat9k.SSA.bin", IP_BOOT_NETWORK,
	  "tftp:", "auto/tftptest-blr/latest//cat9k.SSA.bin", "192.168.121.25", 0 },
	{ "tftp x.bin 10.1.1.1", IP_BOOT_NETWORK, "tftp:", "x.bin", "10.1.1.1", 0 },
	{ "tftp x.bin", IP_BOOT_NETWORK, "tftp:", "x.bin", NULL, 0 },
	{ "ftp x.bin 10.1.1.2", IP_BOOT_NETWORK, "ftp:", "x.bin", "10.1.1.2", 0 },
	{ "rcp c2600-i-mz host1", IP_BOOT_NETWORK, "rcp:", "c2600-i-mz", "host1", 0 },
	{ "ftp://user:secret@10.1.1.3/dir/x.bin", IP_BOOT_NETWORK, "ftp:", "dir/x.bin",
	  "10.1.1.3", 0 },
	{ "http://srv.example.com:8080/img/x.bin", IP_BOOT_NETWORK, "http:", "img/x.bin",
	  "srv.example.com", 0 },
	{ "https://[2001:db8::1]/x.bin", IP_BOOT_NETWORK, "https:", "x.bin", "2001:db8::1", 0 },
	{ "tftp:isr4300-universalk9.16.12.04.SPA.bin 192.168.1.100", IP_BOOT_NETWORK, "tftp:",
	  "isr4300-universalk9.16.12.04.SPA.bin", "192.168.1.100", 0 },
	{ "tftp:/auto/tftp-best/genie_images/genie_clean/asr1000-genie-image 255.255.255.255,12",
	  IP_BOOT_NETWORK, "tftp:", "auto/tftp-best/genie_images/genie_clean/asr1000-genie-image",
	  "255.255.255.255", 0 },
	{ "c2600-i-mz.122-2.XA1 10.1.1.9", IP_BOOT_NETWORK, "tftp:", "c2600-i-mz.122-2.XA1",
	  "10.1.1.9", 0 },
	{ "c2600-i-mz.122-2.XA1", IP_BOOT_NETWORK, "tftp:", "c2600-i-mz.122-2.XA1", NULL, 0 },
	{ "bootflash:/asr1000rpx.bin,12", IP_BOOT_FILE, "bootflash:", "asr1000rpx.bin", NULL, 0 },
	{ "flash:x,y.bin", IP_BOOT_FILE, "flash:", "x,y.bin", NULL, 0 },
	{ "rom", IP_BOOT_ROM, NULL, NULL, NULL, 0 },
	{ "mop c2500-js-l 0000.0c01.2345 Ethernet0", IP_BOOT_MOP, NULL, "c2500-js-l",
	  "0000.0c01.2345", 0 },
	{ "mop c2500-js-l", IP_BOOT_MOP, NULL, "c2500-js-l", NULL, 0 },
	/* not understood: kind OTHER, nothing invented */
	{ "", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "switch", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "switch x flash:a.bin", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "switch 0 flash:a.bin", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "switch 99999999999999999999 flash:a.bin", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "rom now", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "mop", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "tftp", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "flash a b c", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
	{ "flash tftp://h/x.bin", IP_BOOT_OTHER, "tftp:", NULL, "h", 0 },
	{ "a b c d e f g h i j", IP_BOOT_OTHER, NULL, NULL, NULL, 0 },
};

IP_TABLE_PARAMS(config_boot, entry_forms, entry_cases)

static void assert_opt_str(const char *got, const char *want, const char *what,
			   const char *text)
{
	if (!want)
		cr_assert_null(got, "%s: %s should be unknown, got %s", text, what, got);
	else
		cr_assert(got && strcmp(got, want) == 0, "%s: %s = %s, want %s", text,
			  what, got ? got : "(null)", want);
}

ParameterizedTest(size_t *row, config_boot, entry_forms)
{
	const entry_case *c = &entry_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_span span = { "t", 3, 13, 3, 40 };
	ip_boot_entry e;
	boot_entry_parse(&e, a, c->text, strlen(c->text), span);
	cr_assert_eq(e.kind, c->kind, "%s: kind %d, want %d", c->text, e.kind, c->kind);
	if (c->kind != IP_BOOT_OTHER || c->fs)
		assert_opt_str(e.filesystem, c->fs, "filesystem", c->text);
	if (c->kind != IP_BOOT_OTHER) {
		assert_opt_str(e.path, c->path, "path", c->text);
		assert_opt_str(e.server, c->server, "server", c->text);
		cr_assert_eq(e.member, c->member, "%s: member %d", c->text, e.member);
	}
	cr_assert_str_eq(e.raw, c->text, "raw keeps the text as given");
	cr_assert_eq(e.span.line, 3);
	cr_assert_eq(e.span.col, 13);
	ip_arena_free(a);
}

Test(config_boot, entry_trims_surrounding_blanks)
{
	ip_arena *a = ip_arena_new();
	ip_span span = { 0 };
	ip_boot_entry e;
	const char *t = "  flash:x.bin  ";
	boot_entry_parse(&e, a, t, strlen(t), span);
	cr_assert_str_eq(e.raw, "flash:x.bin");
	cr_assert_str_eq(e.path, "x.bin");
	/* len, not NUL, ends the text */
	boot_entry_parse(&e, a, "flash:x.bin;flash:y.bin", 11, span);
	cr_assert_str_eq(e.path, "x.bin");
	ip_arena_free(a);
}

/* --- config_boot_parse --------------------------------------------------- */

typedef enum { L_RUNNING, L_STARTUP, L_CONFIG } which_list;

typedef struct cfg_case {
	const char *name;
	const char *command; /* typed command; NULL: bare output of cmd */
	ip_cmd cmd;
	const char *text;
	which_list which;
	bool known, filtered, markers;
	size_t n;
	const char *raw[4];
	uint32_t line0, col0, end_col0; /* span of entry 0 */
	size_t errors, warnings;
} cfg_case;

#define FULL_HEAD                                                            \
	"Building configuration...\n"                                        \
	"\n"                                                                 \
	"Current configuration : 4512 bytes\n"                               \
	"!\n"                                                                \
	"version 15.2\n"                                                     \
	"hostname SW1\n"                                                     \
	"!\n"

static const cfg_case cfg_cases[] = {
	{ "full running-config", "show running-config", 0,
	  FULL_HEAD
	  "boot-start-marker\n"
	  "boot system flash:c2960x-universalk9-mz.152-7.E3.bin\n"
	  "boot system flash:c2960x-universalk9-mz.152-2.E7.bin\n"
	  "boot-end-marker\n"
	  "!\n"
	  "interface GigabitEthernet1/0/1\n"
	  " description boot server\n"
	  "!\n"
	  "end\n",
	  L_RUNNING, true, false, true, 2,
	  { "flash:c2960x-universalk9-mz.152-7.E3.bin",
	    "flash:c2960x-universalk9-mz.152-2.E7.bin" },
	  9, 13, 53, 0, 0 },
	{ "include boot", "show running-config | include boot", 0,
	  "boot-start-marker\n"
	  "boot system bootflash:isr4300-universalk9.16.09.06.SPA.bin\n"
	  "boot-end-marker\n",
	  L_RUNNING, true, true, true, 1,
	  { "bootflash:isr4300-universalk9.16.09.06.SPA.bin" }, 2, 13, 59, 0, 0 },
	{ "sh run | i boot system", "sh run | i boot system", 0,
	  "boot system flash:c2960-lanbasek9-mz.152-7.E9.bin\n"
	  "boot system flash:c2960-lanbasek9-mz.152-7.E6.bin\n",
	  L_RUNNING, true, true, false, 2,
	  { "flash:c2960-lanbasek9-mz.152-7.E9.bin", "flash:c2960-lanbasek9-mz.152-7.E6.bin" },
	  1, 13, 50, 0, 0 },
	{ "semicolon list (Catalyst)", "sh run | i boot system", 0,
	  "boot system flash:c2960-lanbasek9-mz.152-7.E9.bin;flash:c2960-lanbasek9-mz.152-7.E6.bin\n",
	  L_RUNNING, true, true, false, 2,
	  { "flash:c2960-lanbasek9-mz.152-7.E9.bin", "flash:c2960-lanbasek9-mz.152-7.E6.bin" },
	  1, 13, 50, 0, 0 },
	{ "section boot", "show running-config | section boot", 0,
	  "boot-start-marker\nboot system flash:a.bin\nboot-end-marker\n",
	  L_RUNNING, true, true, true, 1, { "flash:a.bin" }, 2, 13, 24, 0, 0 },
	{ "begin boot", "show running-config | begin boot", 0,
	  "boot-start-marker\nboot system flash:a.bin\nboot-end-marker\n!\nend\n",
	  L_RUNNING, true, true, true, 1, { "flash:a.bin" }, 2, 13, 24, 0, 0 },
	{ "include with alternation", "show run | include hostname|boot", 0,
	  "hostname R1\nboot-start-marker\nboot-end-marker\n",
	  L_RUNNING, true, true, true, 0, { NULL }, 0, 0, 0, 0, 0 },
	{ "include hostname hides boot lines", "show running-config | include hostname", 0,
	  "hostname SW1\n",
	  L_RUNNING, false, true, false, 0, { NULL }, 0, 0, 0, 0, 1 },
	{ "exclude boot hides boot lines", "show running-config | exclude boot", 0,
	  "hostname SW1\n!\nend\n",
	  L_RUNNING, false, true, false, 0, { NULL }, 0, 0, 0, 0, 1 },
	/* What the device holds: boot system tftp x 10.0.0.1, boot system
	 * flash:a.bin, boot system rom, boot system flash. Each filter below shows
	 * only some of it, so what it shows is no boot list. */
	{ "include flash: hides tftp/rom", "show running-config | include flash:", 0,
	  "boot system flash:a.bin\n",
	  L_RUNNING, false, true, false, 1, { "flash:a.bin" }, 1, 13, 24, 0, 1 },
	{ "include bootflash hides flash:", "sh run | i bootflash", 0,
	  "boot system bootflash:a.bin\n",
	  L_RUNNING, false, true, false, 1, { "bootflash:a.bin" }, 1, 13, 28, 0, 1 },
	{ "include Boot (case-sensitive) hides all", "sh start | include Boot", 0,
	  "",
	  L_STARTUP, false, true, false, 0, { NULL }, 0, 0, 0, 0, 1 },
	{ "exclude tftp hides tftp", "show startup-config | exclude tftp", 0,
	  "boot system flash:a.bin\nboot system rom\nend\n",
	  L_STARTUP, false, true, false, 2, { "flash:a.bin", "rom" }, 1, 13, 24, 0, 1 },
	{ "exclude ^interface keeps boot", "show startup-config | exclude ^interface", 0,
	  "boot system tftp x 10.0.0.1\nboot system flash:a.bin\nend\n",
	  L_STARTUP, true, true, false, 2, { "tftp x 10.0.0.1", "flash:a.bin" }, 1, 13, 28, 0, 0 },
	{ "truncated running-config", "show running-config", 0,
	  FULL_HEAD
	  "boot-start-marker\n"
	  "boot system flash:a.bin\n",
	  L_RUNNING, false, false, true, 1, { "flash:a.bin" }, 9, 13, 24, 1, 0 },
	{ "truncated before the boot block", "sh run", 0,
	  FULL_HEAD "service timestamps debug datetime msec\n",
	  L_RUNNING, false, false, false, 0, { NULL }, 0, 0, 0, 1, 0 },
	{ "old release without markers", "show running-config", 0,
	  FULL_HEAD "boot system flash:c2600-i-mz.122-2.XA1.bin\n!\nend\n",
	  L_RUNNING, true, false, false, 1, { "flash:c2600-i-mz.122-2.XA1.bin" },
	  8, 13, 43, 0, 0 },
	{ "empty marker block", "show running-config", 0,
	  FULL_HEAD "boot-start-marker\nboot-end-marker\n!\nend\n",
	  L_RUNNING, true, false, true, 0, { NULL }, 0, 0, 0, 0, 0 },
	{ "duplicate lines kept, warned", "show running-config", 0,
	  FULL_HEAD
	  "boot-start-marker\nboot system flash:a.bin\nboot system flash:a.bin\n"
	  "boot-end-marker\nend\n",
	  L_RUNNING, true, false, true, 2, { "flash:a.bin", "flash:a.bin" }, 9, 13, 24, 0, 1 },
	{ "leading space", "show running-config", 0,
	  FULL_HEAD "boot-start-marker\n boot system flash:a.bin\nboot-end-marker\nend\n",
	  L_RUNNING, true, false, true, 1, { "flash:a.bin" }, 9, 14, 25, 0, 1 },
	{ "other boot commands are not boot system", "show running-config", 0,
	  FULL_HEAD
	  "boot-start-marker\n"
	  "boot host tftp://10.1.1.1/r1-confg\n"
	  "boot network tftp://10.1.1.1/network-confg\n"
	  "boot config flash:cfg.txt\n"
	  "boot bootstrap flash:boot.bin\n"
	  "boot-end-marker\n"
	  "boot-loader\n"
	  "end\n",
	  L_RUNNING, true, false, true, 0, { NULL }, 0, 0, 0, 0, 0 },
	{ "stack and network forms", "show running-config", 0,
	  FULL_HEAD
	  "boot-start-marker\n"
	  "boot system switch all flash:packages.conf\n"
	  "boot system tftp x.bin 10.1.1.1\n"
	  "boot system rom\n"
	  "boot-end-marker\nend\n",
	  L_RUNNING, true, false, true, 3,
	  { "switch all flash:packages.conf", "tftp x.bin 10.1.1.1", "rom" }, 9, 13, 43, 0, 0 },
	{ "target not understood", "show running-config", 0,
	  FULL_HEAD "boot system flash a b c\nend\n",
	  L_RUNNING, true, false, false, 1, { "flash a b c" }, 8, 13, 24, 0, 1 },
	{ "boot system without target", "show running-config", 0,
	  FULL_HEAD "boot system\nend\n",
	  L_RUNNING, true, false, false, 0, { NULL }, 0, 0, 0, 0, 1 },
	{ "startup-config", "show startup-config", 0,
	  "Using 1623 out of 524288 bytes\n!\nversion 15.2\nboot-start-marker\n"
	  "boot system flash0:c1900-universalk9-mz.SPA.151-4.M8.bin\nboot-end-marker\nend\n",
	  L_STARTUP, true, false, true, 1, { "flash0:c1900-universalk9-mz.SPA.151-4.M8.bin" },
	  5, 13, 57, 0, 0 },
	{ "no startup-config", "show startup-config", 0,
	  "startup-config is not present\n",
	  L_STARTUP, true, false, false, 0, { NULL }, 0, 0, 0, 0, 0 },
	{ "truncated startup-config", "sh star", 0,
	  "Using 1623 out of 524288 bytes\n!\nversion 15.2\nboot-start-marker\n",
	  L_STARTUP, false, false, true, 0, { NULL }, 0, 0, 0, 1, 0 },
	{ "config file", NULL, IP_CMD_CONFIG,
	  "version 15.2\nhostname R1\nboot system flash:a.bin\nend\n",
	  L_CONFIG, true, false, false, 1, { "flash:a.bin" }, 3, 13, 24, 0, 0 },
	{ "config file cut short", NULL, IP_CMD_CONFIG,
	  "version 15.2\nhostname R1\nboot system flash:a.bin\n",
	  L_CONFIG, false, false, false, 1, { "flash:a.bin" }, 3, 13, 24, 1, 0 },
	{ "config fragment", NULL, IP_CMD_CONFIG,
	  "boot system flash:a.bin\n",
	  L_CONFIG, false, false, false, 1, { "flash:a.bin" }, 1, 13, 24, 0, 0 },
	{ "part of running-config", "show running-config interface Gi0/1", 0,
	  "Building configuration...\n\nCurrent configuration : 80 bytes\n!\n"
	  "interface GigabitEthernet0/1\n shutdown\n",
	  L_RUNNING, false, false, false, 0, { NULL }, 0, 0, 0, 0, 0 },
	{ "bare inferred running-config", NULL, IP_CMD_RUNNING_CONFIG,
	  FULL_HEAD "boot system flash:a.bin\nend\n",
	  L_RUNNING, true, false, false, 1, { "flash:a.bin" }, 8, 13, 24, 0, 0 },
	{ "empty section", "show running-config", 0, "",
	  L_RUNNING, false, false, false, 0, { NULL }, 0, 0, 0, 1, 0 },
	{ "junk lines", "show running-config", 0,
	  "\x01\x02\xff\nboot\nboots system x\nbootsystem x\nboot  system   flash:a.bin\n"
	  "config-register 0x\nhostname\nend\n",
	  L_RUNNING, true, false, false, 1, { "flash:a.bin" }, 5, 16, 27, 0, 0 },
};

IP_TABLE_PARAMS(config_boot, configs, cfg_cases)

static ip_section *make_section(ip_arena *a, const char *command, ip_cmd cmd,
				const char *text)
{
	return command ? test_section_cmd(a, command, text) : test_section(a, cmd, text);
}

static const ip_boot_list *list_of(const ip_device *d, which_list w)
{
	return w == L_RUNNING ? &d->boot_running
	       : w == L_STARTUP ? &d->boot_startup : &d->boot_config;
}

ParameterizedTest(size_t *row, config_boot, configs)
{
	const cfg_case *c = &cfg_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *sec = make_section(a, c->command, c->cmd, c->text);
	cr_assert_eq(config_boot_parse(dev, sec, &ctx), 0);
	const ip_boot_list *l = list_of(dev, c->which);
	cr_assert_eq(l->known, c->known, "%s: known %d", c->name, l->known);
	cr_assert_eq(l->filtered, c->filtered, "%s: filtered", c->name);
	cr_assert_eq(l->markers, c->markers, "%s: markers", c->name);
	cr_assert_eq(l->n, c->n, "%s: %zu entries", c->name, l->n);
	for (size_t i = 0; i < c->n; i++)
		cr_assert_str_eq(l->v[i].raw, c->raw[i], "%s: entry %zu", c->name, i);
	if (c->n) {
		cr_assert_eq(l->v[0].span.line, c->line0, "%s: line %u", c->name,
			     l->v[0].span.line);
		cr_assert_eq(l->v[0].span.col, c->col0, "%s: col %u", c->name, l->v[0].span.col);
		cr_assert_eq(l->v[0].span.end_col, c->end_col0, "%s: end col %u", c->name,
			     l->v[0].span.end_col);
		cr_assert_str_eq(l->v[0].span.file, "test.txt");
	}
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_ERROR), c->errors, "%s: %zu errors",
		     c->name, ip_diags_count(&diags, IP_DIAG_ERROR));
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: %zu warnings",
		     c->name, ip_diags_count(&diags, IP_DIAG_WARNING));
	/* the other lists stay untouched */
	for (which_list w = L_RUNNING; w <= L_CONFIG; w++)
		if (w != c->which)
			cr_assert(!list_of(dev, w)->known && list_of(dev, w)->n == 0);
	ip_arena_free(a);
}

Test(config_boot, truncated_message_and_span)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *sec = test_section_cmd(a, "show running-config",
					   FULL_HEAD "boot-start-marker\nboot system flash:a.bin\n");
	config_boot_parse(dev, sec, &ctx);
	cr_assert_eq(diags.n, 1);
	cr_assert_eq(diags.v[0].level, IP_DIAG_ERROR);
	cr_assert_str_eq(diags.v[0].message,
			 "running-config ends before 'end': capture truncated? boot "
			 "statements after the cut are unknown");
	cr_assert_eq(diags.v[0].span.line, 9, "points at the last line read");
	ip_arena_free(a);
}

Test(config_boot, hostname_and_config_register)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *sec = test_section_cmd(a, "show running-config",
					   FULL_HEAD "config-register 0x2142\nend\n");
	config_boot_parse(dev, sec, &ctx);
	cr_assert_str_eq(dev->hostname.s, "SW1");
	cr_assert_eq(dev->hostname.span.line, 6);
	cr_assert_eq(dev->hostname.span.col, 10);
	cr_assert_eq(dev->hostname.span.end_col, 13);
	cr_assert(dev->confreg_config.known);
	cr_assert_eq(dev->confreg_config.v, 0x2142);
	cr_assert_eq(dev->confreg_config.span.line, 8);
	cr_assert_eq(dev->confreg_config.span.col, 17);
	cr_assert_eq(dev->confreg_config.span.end_col, 23);
	/* a config is only a hint: it never sets the register itself */
	cr_assert(!dev->confreg.known && !dev->confreg_next.known);
	ip_arena_free(a);
}

Test(config_boot, show_version_hostname_wins)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	dev->hostname.s = "FROM-SHOW-VERSION";
	ip_section *sec = test_section_cmd(a, "show running-config", FULL_HEAD "end\n");
	config_boot_parse(dev, sec, &ctx);
	cr_assert_str_eq(dev->hostname.s, "FROM-SHOW-VERSION");
	ip_arena_free(a);
}

Test(config_boot, config_register_out_of_range)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *sec = test_section_cmd(a, "show running-config",
		FULL_HEAD "config-register 0x123456789abcdef0123456789\nend\n");
	config_boot_parse(dev, sec, &ctx);
	cr_assert(!dev->confreg_config.known);
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 1);
	ip_arena_free(a);
}

/* A complete list is not replaced by a later capture that shows less. */
Test(config_boot, later_partial_capture_keeps_complete_list)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	config_boot_parse(dev, test_section_cmd(a, "sh run | i boot",
						"boot system flash:a.bin\n"), &ctx);
	config_boot_parse(dev, test_section_cmd(a, "sh run | i hostname", "hostname R1\n"),
			  &ctx);
	cr_assert(dev->boot_running.known);
	cr_assert_eq(dev->boot_running.n, 1);
	config_boot_parse(dev, test_section_cmd(a, "sh run", FULL_HEAD
						"boot system flash:b.bin\nend\n"), &ctx);
	cr_assert(dev->boot_running.known);
	cr_assert(!dev->boot_running.filtered);
	cr_assert_str_eq(dev->boot_running.v[0].raw, "flash:b.bin");
	ip_arena_free(a);
}

/* A filter that could hide boot lines says so once per device and list:
 * not again for each later section with such a filter, and not at all once
 * another capture showed the whole list (which it cannot replace). */
Test(config_boot, hiding_filter_warns_once)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	for (int i = 0; i < 3; i++)
		config_boot_parse(dev, test_section_cmd(a, "sh start | i flash:",
							"boot system flash:a.bin\n"), &ctx);
	cr_assert_not(dev->boot_startup.known);
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 1);
	config_boot_parse(dev, test_section_cmd(a, "sh run", FULL_HEAD
						"boot system flash:b.bin\nend\n"), &ctx);
	config_boot_parse(dev, test_section_cmd(a, "sh run | i flash:",
						"boot system flash:b.bin\n"), &ctx);
	cr_assert(dev->boot_running.known);
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 1);
	ip_arena_free(a);
}

Test(config_boot, not_a_config_section)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	ip_section *sec = test_section(a, IP_CMD_SHOW_VERSION, "boot system flash:a.bin\n");
	cr_assert_eq(config_boot_parse(dev, sec, &ctx), 0);
	cr_assert_eq(dev->boot_running.n + dev->boot_startup.n + dev->boot_config.n, 0);
	cr_assert_eq(diags.n, 0);
	ip_arena_free(a);
}

/* Hostile input: must neither crash nor invent entries (run under ASan). */
Test(config_boot, hostile_input)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	size_t big = 60000;
	char *buf = malloc(big + 64);
	strcpy(buf, "boot system ");
	memset(buf + 12, 'a', big);
	strcpy(buf + 12 + big, "\nboot system switch 99999999999 flash:x\nend\n");
	config_boot_parse(dev, test_section_cmd(a, "show running-config", buf), &ctx);
	cr_assert_eq(dev->boot_running.n, 2);
	cr_assert_eq(dev->boot_running.v[0].kind, IP_BOOT_NETWORK, "a bare name is TFTP");
	cr_assert_eq(dev->boot_running.v[1].kind, IP_BOOT_OTHER);

	unsigned x = 12345;
	for (size_t i = 0; i < big; i++) {
		x = x * 1103515245u + 12345u;
		static const char alphabet[] = "boot system flash:/,;+ \n\t:@[]0x2102switch all\xff";
		buf[i] = alphabet[(x >> 16) % (sizeof(alphabet) - 1)];
	}
	buf[big] = '\0';
	ip_device *dev2 = test_device(a, &ctx, &diags);
	cr_assert_eq(config_boot_parse(dev2, test_section_cmd(a, "sh run", buf), &ctx), 0);
	for (size_t i = 0; i < dev2->boot_running.n; i++)
		cr_assert_not_null(dev2->boot_running.v[i].raw);
	free(buf);
	ip_arena_free(a);
}

/* --- which lines the scan reads ------------------------------------------ */

/* The scan picks its test by a line's first byte; these rows pin what each
 * kind of line does in a startup-config that has no 'end' (so the list is
 * known only when the "not present" message is read): leading blanks are
 * isspace()'s (a vertical tab and a form feed too), and the message counts
 * anywhere in an unindented line. */
typedef struct scan_case {
	const char *line;
	bool known;           /* "startup-config is not present" was read */
	size_t n;             /* boot entries */
	const char *hostname; /* NULL: none */
	bool confreg;
	size_t warnings;
} scan_case;

static const scan_case scan_cases[] = {
	{ "startup-config is not present", true, 0, NULL, false, 0 },
	{ "%% startup-config is not present", true, 0, NULL, false, 0 },
	{ " startup-config is not present", false, 0, NULL, false, 0 },
	{ "startup-config is not presen", false, 0, NULL, false, 0 },
	{ "hostname R9", false, 0, "R9", false, 0 },
	{ " hostname R9", false, 0, NULL, false, 0 },
	{ "hostnameR9", false, 0, NULL, false, 0 },
	{ "config-register 0x2102", false, 0, NULL, true, 0 },
	{ " config-register 0x2102", false, 0, NULL, false, 0 },
	{ "boot system flash:a.bin", false, 1, NULL, false, 0 },
	{ "\tboot system flash:a.bin", false, 1, NULL, false, 1 },
	{ "\vboot system flash:a.bin", false, 1, NULL, false, 1 },
	{ "\fboot system flash:a.bin", false, 1, NULL, false, 1 },
	{ " interface boot system flash:a.bin", false, 0, NULL, false, 0 },
};

IP_TABLE_PARAMS(config_boot, line_dispatch, scan_cases)

ParameterizedTest(size_t *row, config_boot, line_dispatch)
{
	const scan_case *c = &scan_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	char text[128];
	snprintf(text, sizeof(text), "%s\n", c->line);
	config_boot_parse(dev, test_section_cmd(a, "show startup-config", text), &ctx);
	cr_assert_eq(dev->boot_startup.known, c->known, "'%s'", c->line);
	cr_assert_eq(dev->boot_startup.n, c->n, "'%s'", c->line);
	if (c->hostname)
		cr_assert(dev->hostname.s && strcmp(dev->hostname.s, c->hostname) == 0, "'%s'", c->line);
	else
		cr_assert_null(dev->hostname.s, "'%s'", c->line);
	cr_assert_eq(dev->confreg_config.known, c->confreg, "'%s'", c->line);
	cr_assert_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "'%s'", c->line);
	ip_arena_free(a);
}
