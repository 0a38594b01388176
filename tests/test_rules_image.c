/* The rules about the target image: flash-space, image-platform,
 * install-mode, version-change, tftp-transfer, image-integrity. One table
 * per rule: captures (a path under samples/, or the capture text) with a
 * target that must trigger the rule, with the line, column and a part of
 * the message of the first finding, and ones that must not. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "integrity.h"
#include "rule_harness.h"

enum { ANY = 0, NOTE = IP_SEV_NOTE, WARN = IP_SEV_WARNING, ERR = IP_SEV_ERROR };

typedef struct rcase {
	const char *row;
	const char *capture;
	const char *target;
	uint64_t size;        /* 0: unknown */
	const char *md5;
	size_t n;             /* findings */
	uint32_t line, col;   /* of the first; col 0: not checked */
	const char *msg;      /* part of the first message */
	int sev;              /* severity of the first, ANY: not checked */
	const char *any;      /* part of some finding's message, fix or related */
	void (*tweak)(ip_check_config *c);
	bool broken;          /* the capture has input errors on purpose */
	const char *sha512;   /* the reference SHA-512 */
	const char *server_md5, *server_sha512; /* the server copy (--image-file) */
	uint64_t server_size;
} rcase;

static bool finding_has(const ip_finding *f, const char *part)
{
	if (strstr(f->message, part))
		return true;
	for (size_t i = 0; i < f->n_fix; i++)
		if (strstr(f->fix[i], part))
			return true;
	for (size_t i = 0; i < f->n_related; i++)
		if (strstr(f->related[i].message, part))
			return true;
	return f->capture && strstr(f->capture, part);
}

static void run_case(const char *rule, const rcase *c)
{
	rule_run_opts o = { .target = c->target, .target_size = c->size,
			    .target_md5 = c->md5, .tweak = c->tweak,
			    .input_errors_ok = c->broken, .target_sha512 = c->sha512,
			    .server_md5 = c->server_md5, .server_sha512 = c->server_sha512,
			    .server_size = c->server_size };
	rule_run *r = rule_run_new_opts(rule, c->capture, &o);
	rule_run_expect(r, c->row, c->n, c->line, c->col, c->msg);
	const ip_finding *f = rule_run_first(r);
	if (f && c->sev != ANY)
		cr_assert_eq((int)f->severity, c->sev, "%s: severity %s, want %s (%s)", c->row,
			     ip_severity_name(f->severity), ip_severity_name((ip_severity)c->sev),
			     f->message);
	if (c->any) {
		bool found = false;
		for (size_t i = 0; i < r->check.n_findings && !found; i++)
			found = finding_has(&r->check.findings[i], c->any);
		cr_assert(found, "%s: no finding mentions '%s'%s%s", c->row, c->any,
			  f ? "; first: " : "", f ? f->message : "");
	}
	rule_run_free(r);
}

static void no_expand(ip_check_config *c)
{
	c->opts.install_expand_percent = 0;
}

static void big_tftp_limit(ip_check_config *c)
{
	c->opts.tftp_limit_bytes = 1ull << 40;
}

static void no_margin(ip_check_config *c)
{
	c->opts.flash_margin_bytes = 0;
	c->opts.flash_margin_percent = 0;
}

/* --- small captures -------------------------------------------------------- */

#define SW_VERSION                                                                          \
	"SW1#show version\n"                                                                \
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, "       \
	"RELEASE SOFTWARE (fc2)\n"                                                          \
	"System image file is \"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\n"                  \
	"cisco WS-C2960-24TT-L (PowerPC405) processor (revision R0) with 65536K bytes of "  \
	"memory.\n"                                                                         \
	"Configuration register is 0xF\n"

/* show version only: no listing at all */
static const char sw_no_listing[] = SW_VERSION "SW1#\n";

/* a filtered listing: no totals line, so free space unknown */
static const char sw_filtered[] = SW_VERSION
	"SW1#show flash: | include bin\n"
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	"SW1#\n";

/* a listing cut short before its totals line (an input error) */
static const char sw_cut[] = SW_VERSION
	"SW1#show flash:\n"
	"\n"
	"Directory of flash:/\n"
	"\n"
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n";

/* only the running image, little room: deleting it is the only way */
static const char sw_tight[] = SW_VERSION
	"SW1#show flash:\n"
	"\n"
	"Directory of flash:/\n"
	"\n"
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	"    3  -rwx        4414   Mar 5 2026 09:52:47 +00:00  config.text\n"
	"\n"
	"16515072 bytes total (3927744 bytes free)\n"
	"SW1#show boot\n"
	"BOOT path-list      : flash:c2960-lanbasek9-mz.152-7.E6.bin\n"
	"SW1#\n";

/* two unused images, a fallback, and the running one */
static const char sw_many[] = SW_VERSION
	"SW1#show flash:\n"
	"\n"
	"Directory of flash:/\n"
	"\n"
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	"    3  -rwx    11000000   Mar 5 2025 09:31:10 +00:00  c2960-lanbasek9-mz.152-4.E8.bin\n"
	"    4  -rwx     9000000   Mar 5 2024 09:31:10 +00:00  c2960-lanbasek9-mz.150-2.SE11.bin\n"
	"    5  -rwx     8000000   Mar 5 2023 09:31:10 +00:00  c2960-lanbasek9-mz.122-55.SE12.bin\n"
	"    6  -rwx        4414   Mar 5 2026 09:52:47 +00:00  config.text\n"
	"\n"
	"64016384 bytes total (1000000 bytes free)\n"
	"SW1#show boot\n"
	"BOOT path-list      : flash:c2960-lanbasek9-mz.152-7.E6.bin;flash:c2960-lanbasek9-mz.152-4.E8.bin\n"
	"SW1#\n";

/* An install-mode Catalyst 9300 whose boot list already names a .bin. */
#define C9K_VERSION(mode2)                                                                  \
	"SW9#show version\n"                                                                \
	"Cisco IOS XE Software, Version 17.09.04a\n"                                        \
	"Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), "       \
	"Version 17.9.4a, RELEASE SOFTWARE (fc3)\n"                                         \
	"System image file is \"flash:packages.conf\"\n"                                    \
	"cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.\n"            \
	"\n"                                                                                \
	"Switch Ports Model              SW Version        SW Image              Mode   \n" \
	"------ ----- -----              ----------        ----------            ----   \n" \
	"*    1 65    C9300-48P          17.09.04a         CAT9K_IOSXE           INSTALL\n" \
	mode2                                                                               \
	"\n"

static const char c9k_boot_bin[] = C9K_VERSION("")
	"SW9#show running-config | include boot\n"
	"boot-start-marker\n"
	"boot system switch all flash:cat9k_iosxe.17.12.04.SPA.bin\n"
	"boot-end-marker\n"
	"SW9#\n";

/* A Catalyst 3850 on IOS-XE 3.x in install mode: the release on the
 * Cisco IOS Software line only (networktocode/ntc-templates
 * tests/cisco_ios/show_version/cisco_ios_show_version1.raw has the same
 * lines for 03.06.05E). */
static const char c3850_3x[] =
	"SW38#show version\n"
	"Cisco IOS Software, IOS-XE Software, Catalyst L3 Switch Software "
	"(CAT3K_CAA-UNIVERSALK9-M), Version 03.06.05E RELEASE SOFTWARE (fc2)\n"
	"System image file is \"flash:packages.conf\"\n"
	"cisco WS-C3850-24P (MIPS) processor with 4194304K bytes of physical memory.\n"
	"\n"
	"Switch Ports Model              SW Version        SW Image              Mode   \n"
	"------ ----- -----              ----------        ----------            ----   \n"
	"*    1 32    WS-C3850-24P       03.06.05E         cat3k_caa-universalk9 INSTALL\n"
	"\n"
	"SW38#\n";

/* A Catalyst 9300 on 16.6.1, before install add (16.6.2 on). */
static const char c9300_1661[] =
	"SW9#show version\n"
	"Cisco IOS XE Software, Version 16.06.01\n"
	"Cisco IOS Software [Everest], Catalyst L3 Switch Software (CAT9K_IOSXE), "
	"Version 16.6.1, RELEASE SOFTWARE (fc2)\n"
	"System image file is \"flash:packages.conf\"\n"
	"cisco C9300-48P (X86) processor with 1338934K/6147K bytes of memory.\n"
	"\n"
	"Switch Ports Model              SW Version        SW Image              Mode   \n"
	"------ ----- -----              ----------        ----------            ----   \n"
	"*    1 65    C9300-48P          16.6.1            CAT9K_IOSXE           INSTALL\n"
	"\n"
	"SW9#\n";

/* A Catalyst 9300 in bundle mode on 17.15.3 (Cisco 224890's own example:
 * "System image file is \"flash:cat9k_iosxe.17.15.03.SPA.bin\"", Mode
 * BUNDLE). */
static const char c9300_bundle[] =
	"SW9B#show version\n"
	"Cisco IOS XE Software, Version 17.15.03\n"
	"Cisco IOS Software [IOSXE], Catalyst L3 Switch Software (CAT9K_IOSXE), "
	"Version 17.15.3, RELEASE SOFTWARE (fc1)\n"
	"System image file is \"flash:cat9k_iosxe.17.15.03.SPA.bin\"\n"
	"cisco C9300-48UXM (X86) processor with 1338934K/6147K bytes of memory.\n"
	"\n"
	"Switch Ports Model              SW Version        SW Image              Mode   \n"
	"------ ----- -----              ----------        ----------            ----   \n"
	"*    1 65    C9300-48UXM        17.15.03          CAT9K_IOSXE           BUNDLE\n"
	"\n"
	"SW9B#\n";

/* The same Catalyst 3850 on 3.x, in bundle mode. */
static const char c3850_3x_bundle[] =
	"SW38B#show version\n"
	"Cisco IOS Software, IOS-XE Software, Catalyst L3 Switch Software "
	"(CAT3K_CAA-UNIVERSALK9-M), Version 03.06.05E RELEASE SOFTWARE (fc2)\n"
	"System image file is \"flash:cat3k_caa-universalk9.SPA.03.06.05.E.152-2.E5.bin\"\n"
	"cisco WS-C3850-24P (MIPS) processor with 4194304K bytes of physical memory.\n"
	"\n"
	"Switch Ports Model              SW Version        SW Image              Mode   \n"
	"------ ----- -----              ----------        ----------            ----   \n"
	"*    1 32    WS-C3850-24P       03.06.05E         cat3k_caa-universalk9 BUNDLE\n"
	"\n"
	"SW38B#\n";

static const char c9k_mixed[] = C9K_VERSION(
	"     2 65    C9300-48P          17.09.04a         CAT9K_IOSXE           BUNDLE\n")
	"SW9#\n";

static const char c9k_same[] = C9K_VERSION(
	"     2 65    C9300-48P          17.09.04a         CAT9K_IOSXE           INSTALL\n")
	"SW9#\n";

/* A model the platform table does not know. */
static const char unknown_model[] =
	"R9#show version\n"
	"Cisco IOS Software, X9 Software (X9-UNIVERSALK9-M), Version 15.4(3)M10, RELEASE SOFTWARE (fc1)\n"
	"System image file is \"flash:x9-universalk9-mz.SPA.154-3.M10.bin\"\n"
	"Cisco XR9-FOO (revision 1.0) with 483328K/40960K bytes of memory.\n"
	"R9#\n";

/* --- flash-space ----------------------------------------------------------- */

#define E9 "c2960-lanbasek9-mz.152-7.E9.bin"
#define E9_SIZE 12582912ull

/* E9 cut short on flash (line 11; its size at column 16), not running */
static const char sw_e9_partial[] = SW_VERSION
	"SW1#show flash:\n"
	"\n"
	"Directory of flash:/\n"
	"\n"
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	"    3  -rwx     4194304   Mar 7 2026 09:48:57 +00:00  " E9 "\n"
	"\n"
	"32514048 bytes total (15736832 bytes free)\nSW1#\n";

static const rcase flash_cases[] = {
	/* the catalogue examples */
	{ .row = "catalogue bad: 8150016 free, a 12 MB image", "traps/no-space.log", E9, E9_SIZE, NULL,
	  1, 76, 23, "needs 13631488 bytes on flash: (12582912 for the image, 1048576 margin) "
	  "but flash: has 8150016 bytes free, 5481472 short", ERR,
	  "c2960-lanbasek9-mz.122-50.SE5.bin (9848960 bytes): deleting it frees 9848960 bytes, enough" },
	{ .row = "catalogue good: 50 MB free", "netstuts-sw1.log", E9, E9_SIZE, NULL, 0, 0, 0, NULL, ANY,
	  NULL },
	{ .row = "fix deletes the unused image", "traps/no-space.log", E9, E9_SIZE, NULL, 1, 76, 23,
	  NULL, ERR, "delete /force flash:c2960-lanbasek9-mz.122-50.SE5.bin" },
	{ .row = "unused image listed as free to delete", "traps/no-space.log", E9, E9_SIZE, NULL, 1, 76,
	  23, "free to delete (neither running nor in the boot list)", ERR, NULL },
	{ .row = "the margin: 5 % of a big image", "netstuts-sw1.log", E9, 49000000, NULL, 1, 77, 23,
	  "needs 51450000 bytes on flash: (49000000 for the image, 2450000 margin)", ERR, NULL },
	{ .row = "no margin: an exact fit is silent", "netstuts-sw1.log", E9, 50511872, NULL, 0, 0, 0,
	  NULL, ANY, NULL, no_margin },
	{ .row = "no margin: one byte more fires", "netstuts-sw1.log", E9, 50511873, NULL, 1, 77, 23,
	  "1 short", ERR, NULL, no_margin },
	/* size unknown */
	{ .row = "size unknown, image not on flash: cannot check", "netstuts-sw1.log", E9, 0, NULL, 1, 77,
	  23, "cannot check whether flash: has room for " E9 ": the image size is unknown", WARN,
	  NULL },
	{ .row = "size unknown, image already on flash", "netstuts-sw1.log",
	  "c2960-lanbasek9-mz.152-7.E6.bin", 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "already there with the same size", "netstuts-sw1.log", "flash:c2960-lanbasek9-mz.152-7.E6.bin",
	  12582912, NULL, 0, 0, 0, NULL, ANY, NULL },
	/* the file is the running image: no fix deletes it (issue 20, point 10);
	 * lint_fix::never_deletes_running in test_plan_files.c checks every fix */
	{ .row = "already there with another size: the running image", "netstuts-sw1.log",
	  "c2960-lanbasek9-mz.152-7.E6.bin", 13000000, NULL, 1, 70, 16,
	  "flash: already holds c2960-lanbasek9-mz.152-7.E6.bin with 12582912 bytes, not the "
	  "13000000 of the target: a partial or different copy", ERR, NULL },
	{ .row = "already there with another size: a partial copy", sw_e9_partial, E9, E9_SIZE,
	  NULL, 1, 11, 17, "flash: already holds " E9 " with 4194304 bytes, not the 12582912 of "
	  "the target: a partial or different copy", ERR, "delete /force flash:" E9 },
	/* free space unknown */
	/* no listing at all: one note naming the capture (issue 23, point 9) */
	{ .row = "no listing captured", sw_no_listing, E9, E9_SIZE, NULL, 1, 0, 0,
	  "cannot check whether flash: has room for " E9 ": no listing was captured (capture "
	  "show flash:)", NOTE, "show flash:" },
	{ .row = "stack, no listing at all: one note, not one per member",
	  "stack-3850-no-listing.log", "cat3k_caa-universalk9.16.12.10.SPA.bin", 520000000, NULL, 1,
	  0, 0, "cannot check whether flash:, flash-2: (switch 2) and flash-3: (switch 3) have room "
	  "for cat3k_caa-universalk9.16.12.10.SPA.bin: no listing was captured", NOTE,
	  "show flash:, dir flash-2:, dir flash-3:" },
	{ .row = "stack, the active's listing only: each member's gap", "stack-active-only.log",
	  "cat3k_caa-universalk9.16.12.10a.SPA.bin", 520000000, NULL, 2, 88, 0,
	  "no listing of it was captured", WARN, NULL },
	{ .row = "filtered listing", sw_filtered, E9, E9_SIZE, NULL, 1, 7, 0,
	  "its listing is filtered or cut short, the free bytes are unknown", WARN, "show flash:" },
	{ .row = "listing cut short", sw_cut, E9, E9_SIZE, NULL, 1, 8, 1,
	  "its listing is filtered or cut short", WARN, NULL, NULL, true },
	/* what could be deleted, in order */
	{ .row = "the fallback, with its cost", "two-routers.log", "c2900-universalk9-mz.SPA.157-3.M8.bin",
	  110000000, NULL, 1, 79, 1,
	  "; in the boot list, the fallback: c2900-universalk9-mz.SPA.151-4.M4.bin (97794040 bytes): "
	  "deleting it frees 97794040 bytes, enough, but loses the fallback", ERR, NULL },
	{ .row = "the running image only with its cost", "two-routers.log",
	  "c2900-universalk9-mz.SPA.157-3.M8.bin", 200000000, NULL, 1, 79, 1,
	  "; the running image: c2900-universalk9-mz.SPA.154-3.M10.bin (106640948 bytes): deleting "
	  "it as well frees 106640948 bytes, enough, but leaves nothing to boot if the copy fails",
	  ERR, NULL },
	{ .row = "never a fix that deletes the running image", sw_tight, E9, E9_SIZE, NULL, 1, 13, 23,
	  "the running image: c2960-lanbasek9-mz.152-7.E6.bin (12582912 bytes): deleting it frees "
	  "12582912 bytes, enough, but leaves nothing to boot if the copy fails", ERR,
	  "deleting it leaves nothing to boot" },
	{ .row = "unused first, then the fallback", sw_many, E9, E9_SIZE, NULL, 1, 16, 23,
	  "free to delete (neither running nor in the boot list): "
	  "c2960-lanbasek9-mz.150-2.SE11.bin (9000000 bytes), "
	  "c2960-lanbasek9-mz.122-55.SE12.bin (8000000 bytes): deleting them frees 17000000 bytes, "
	  "enough", ERR, NULL },
	{ .row = "unused not enough: the fallback as well", sw_many, E9, 20000000, NULL, 1, 16, 23,
	  "frees 17000000 bytes, not enough; in the boot list, the fallback: "
	  "c2960-lanbasek9-mz.152-4.E8.bin (11000000 bytes): deleting it as well frees 11000000 "
	  "bytes, enough, but loses the fallback", ERR,
	  "delete /force flash:c2960-lanbasek9-mz.152-4.E8.bin" },
	{ .row = "nothing else to delete", "two-routers.log", "c2900-universalk9-mz.SPA.157-3.M8.bin",
	  400000000, NULL, 1, 79, 1, "not enough, and leaves nothing to boot", ERR, NULL },
	/* aliases and the platform's default filesystem */
	{ .row = "flash: names flash0: on an ISR G2", "two-routers.log",
	  "flash:c2900-universalk9-mz.SPA.157-3.M8.bin", 110000000, NULL, 1, 79, 1,
	  "on flash0:", ERR, NULL },
	{ .row = "bootflash: default on an ISR4k, fits", "netstuts-r1.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "bootflash: default on an ISR4k, too big", "netstuts-r1.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 7000000000ull, NULL, 1, 98, 1,
	  "on bootflash:", ERR, NULL },
	{ .row = "bootflash: is flash: on a Cat9k", "c9300-install.log",
	  "bootflash:cat9k_iosxe.17.12.04.SPA.bin", 9000000000ull, NULL, 1, 150, 26,
	  "on flash:", ERR, NULL },
	/* install mode: room for the expanded packages */
	{ .row = "install mode: fits", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 3000000000ull,
	  NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "install mode: only the packages do not fit (weak)", "c9300-install.log",
	  "cat9k_iosxe.17.12.04.SPA.bin", 4100000000ull, NULL, 1, 150, 26,
	  "4100000000 for the packages install add expands", WARN, "install remove inactive" },
	{ .row = "install mode: the unconfirmed ratio is said", "c9300-install.log",
	  "cat9k_iosxe.17.12.04.SPA.bin", 4100000000ull, NULL, 1, 150, 26,
	  "assuming the packages take 100% of the image: unconfirmed", WARN,
	  "cat9k_iosxe.17.09.04a.SPA.bin (1442213753 bytes)" },
	{ .row = "install mode: expansion set to 0 %", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin",
	  4100000000ull, NULL, 0, 0, 0, NULL, ANY, NULL, no_expand },
	{ .row = "install mode: the image alone does not fit", "c9300-install.log",
	  "cat9k_iosxe.17.12.04.SPA.bin", 8000000000ull, NULL, 1, 150, 26, "short", ERR, NULL },
	/* stacks: every member's flash */
	{ .row = "stack: each member's flash-N:", "stack-3850.log",
	  "cat3k_caa-universalk9.16.12.10.SPA.bin", 520000000, NULL, 3, 152, 25, "on flash: (520000000 for the image, 520000000 for the packages", WARN,
	  "on flash-3:" },
	{ .row = "stack: fits everywhere", "stack-3850.log", "cat3k_caa-universalk9.16.12.10.SPA.bin",
	  200000000, NULL, 0, 0, 0, NULL, ANY, NULL },
	/* no target */
	{ .row = "no target", "traps/no-space.log", NULL, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
};

IP_TABLE_PARAMS(rules_image, flash_space, flash_cases)

ParameterizedTest(size_t *row, rules_image, flash_space)
{
	run_case("flash-space", &flash_cases[*row]);
}

/* Deleting is no fix when even the fallback and the running image would
 * not make room; and the running image is never in a fix. */
Test(rules_image, flash_space_fixes_only_what_helps)
{
	static const struct {
		const char *capture, *target;
		uint64_t size;
		size_t n_fix;
		const char *fix0;
	} rows[] = {
		{ "two-routers.log", "c2900-universalk9-mz.SPA.157-3.M8.bin", 400000000, 0, NULL },
		{ "two-routers.log", "c2900-universalk9-mz.SPA.157-3.M8.bin", 200000000, 0, NULL },
		{ "two-routers.log", "c2900-universalk9-mz.SPA.157-3.M8.bin", 110000000, 1,
		  "delete /force flash0:c2900-universalk9-mz.SPA.151-4.M4.bin" },
		{ "traps/no-space.log", E9, E9_SIZE, 1,
		  "delete /force flash:c2960-lanbasek9-mz.122-50.SE5.bin" },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		rule_run_opts o = { .target = rows[i].target, .target_size = rows[i].size };
		rule_run *r = rule_run_new_opts("flash-space", rows[i].capture, &o);
		const ip_finding *f = rule_run_first(r);
		cr_assert_not_null(f, "row %zu fires", i);
		cr_assert_eq(f->n_fix, rows[i].n_fix, "row %zu: %zu fixes (%s)", i, f->n_fix,
			     f->n_fix ? f->fix[0] : "");
		if (rows[i].fix0)
			cr_assert_str_eq(f->fix[0], rows[i].fix0, "row %zu", i);
		rule_run_free(r);
	}
}

/* --- image-platform -------------------------------------------------------- */

static const rcase platform_cases[] = {
	{ .row = "catalogue bad: a 2960 image on an ISR4321", "netstuts-r1.log", E9, 0, NULL, 1, 75, 7,
	  E9 " is an image for c2960, but ISR4321/K9 runs isr4300 images", ERR, NULL },
	{ .row = "catalogue good: an isr4300 image on an ISR4321", "netstuts-r1.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "a Cat9k image on a 2960", "traps/no-space.log", "cat9k_iosxe.17.12.04.SPA.bin", 0, NULL,
	  1, 32, 7, "is an image for cat9k, but WS-C2960-24TT-L runs c2960 images", ERR, NULL },
	{ .row = "c2960 is not c2960x", "dirty-2960x.log", E9, 0, NULL, 1, 48, 7, "runs c2960x images",
	  ERR, NULL },
	{ .row = "a 2960X image on a 2960X", "dirty-2960x.log", "c2960x-universalk9-mz.152-7.E9.bin", 0,
	  NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "cat9k_lite is for the C9200, not a C9300", "c9300-install.log",
	  "cat9k_lite_iosxe.17.09.04.SPA.bin", 0, NULL, 1, 62, 7, "is an image for cat9k_lite",
	  ERR, NULL },
	{ .row = "a cat9k image on a C9300", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", 0, NULL,
	  0, 0, 0, NULL, ANY, NULL },
	{ .row = "unknown model: silent", unknown_model, E9, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "no platform in the name: silent", "c9300-install.log", "packages.conf", 0, NULL, 0, 0, 0,
	  NULL, ANY, NULL },
	{ .row = "no target", "netstuts-r1.log", NULL, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
};

IP_TABLE_PARAMS(rules_image, image_platform, platform_cases)

ParameterizedTest(size_t *row, rules_image, image_platform)
{
	run_case("image-platform", &platform_cases[*row]);
}

/* --- install-mode ---------------------------------------------------------- */

static const rcase install_cases[] = {
	{ .row = "catalogue bad: a .bin for an install-mode C9300", "c9300-install.log",
	  "flash:cat9k_iosxe.17.12.04.SPA.bin", 0, NULL, 1, 86, 73,
	  "the device runs in install mode: upgrade to cat9k_iosxe.17.12.04.SPA.bin with install "
	  "add, since booting the .bin directly converts it to bundle mode", WARN,
	  "install add file flash:cat9k_iosxe.17.12.04.SPA.bin activate commit" },
	{ .row = "catalogue good: a .bin for a bundle-mode ISR4321", "netstuts-r1.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "the boot list already names the .bin", c9k_boot_bin, "cat9k_iosxe.17.12.04.SPA.bin", 0,
	  NULL, 1, 13, 13, "the boot list names cat9k_iosxe.17.12.04.SPA.bin on a device in install "
	  "mode", WARN, "no boot system switch all flash:cat9k_iosxe.17.12.04.SPA.bin" },
	{ .row = "packages.conf on an install-mode device", "c9300-install.log", "packages.conf", 0, NULL,
	  0, 0, 0, NULL, ANY, NULL },
	{ .row = "a .pkg on a bundle-mode ISR4321", "netstuts-r1.log", "isr4300-rpbase.16.12.04.SPA.pkg", 0,
	  NULL, 1, 27, 0, "is an install-mode file but the device runs in bundle mode", WARN, NULL },
	{ .row = "classic IOS: no mode", "netstuts-sw1.log", E9, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "stack, all INSTALL: only the advice", "stack-3850.log",
	  "cat3k_caa-universalk9.16.12.10.SPA.bin", 0, NULL, 1, 87, 73, "runs in install mode", WARN,
	  NULL },
	{ .row = "stack, all INSTALL, no target", c9k_same, NULL, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "stack in mixed modes: V-Mismatch", c9k_mixed, "cat9k_iosxe.17.12.04.SPA.bin", 0, NULL, 2,
	  9, 73, "runs in install mode", WARN, "stack member 2 runs in BUNDLE mode, member 1 in INSTALL mode" },
	{ .row = "no target", "c9300-install.log", NULL, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	/* issue 21: the fix in the running release's command set */
	{ .row = "3850 on 16.3: request platform ... new auto-copy", "stack-3850-16-3.log",
	  "cat3k_caa-universalk9.16.12.12.SPA.bin", 0, NULL, 1, 85, 73,
	  "upgrade to cat3k_caa-universalk9.16.12.12.SPA.bin with request platform software "
	  "package install, since", WARN, "request platform software package install switch all "
	  "file flash:cat3k_caa-universalk9.16.12.12.SPA.bin new auto-copy" },
	{ .row = "3850 on 3.x: software install, never install add", c3850_3x,
	  "cat3k_caa-universalk9.16.03.06.SPA.bin", 0, NULL, 1, 8, 73, "with software install,", WARN,
	  "software install file flash:cat3k_caa-universalk9.16.03.06.SPA.bin new force" },
	/* issue 21 pt 4: bundle mode on a Catalyst 9000 / 3850, with or without
	 * a target; the conversion path as the fix */
	{ .row = "bundle 9300, no target: deprecated, convert", c9300_bundle, NULL, 0, NULL, 1, 9, 73,
	  "which Cisco deprecates on the Catalyst 9000", WARN,
	  "install add file flash:cat9k_iosxe.17.15.03.SPA.bin activate commit" },
	{ .row = "bundle 9300 to 17.18: the target's .bin converts", c9300_bundle,
	  "cat9k_iosxe.17.18.01.SPA.bin", 0, NULL, 1, 9, 73, "convert it to install mode", WARN,
	  "boot system flash:packages.conf" },
	{ .row = "bundle 3850 stack: recommended, switch all", "stack-active-only.log", NULL, 0, NULL, 1,
	  87, 73, "Cisco recommends install mode on the Catalyst 3650/3850", WARN,
	  "boot system switch all flash:packages.conf" },
	{ .row = "bundle 3850 on 3.x: the note, no install add", c3850_3x_bundle, NULL, 0, NULL, 1, 8, 73,
	  "installing the .bin with software install", WARN, NULL },
	{ .row = "bundle ISR4321: not a Catalyst", "netstuts-r1.log", NULL, 0, NULL, 0, 0, 0, NULL, ANY,
	  NULL },
	{ .row = "9300 on 16.6.1: request platform ... auto-copy, no new", c9300_1661,
	  "cat9k_iosxe.16.06.04.SPA.bin", 0, NULL, 1, 9, 73, "with request platform software package",
	  WARN, "request platform software package install switch all file "
	  "flash:cat9k_iosxe.16.06.04.SPA.bin auto-copy" },
};

IP_TABLE_PARAMS(rules_image, install_mode, install_cases)

/* No fix line names install add where the running release has none. */
Test(rules_image, install_mode_no_install_add_before_install)
{
	const char *caps[] = { c3850_3x, c9300_1661, "stack-3850-16-3.log", c3850_3x_bundle };
	const char *tgts[] = { "cat3k_caa-universalk9.16.03.06.SPA.bin", "cat9k_iosxe.16.06.04.SPA.bin",
			       "cat3k_caa-universalk9.16.12.12.SPA.bin",
			       "cat3k_caa-universalk9.16.03.06.SPA.bin" };
	for (size_t k = 0; k < 4; k++) {
		rule_run_opts o = { .target = tgts[k] };
		rule_run *r = rule_run_new_opts("install-mode", caps[k], &o);
		cr_assert(r->check.n_findings > 0, "case %zu: a finding", k);
		for (size_t i = 0; i < r->check.n_findings; i++)
			for (size_t j = 0; j < r->check.findings[i].n_fix; j++)
				cr_assert(!strstr(r->check.findings[i].fix[j], "install add"),
					  "case %zu: fix %s", k, r->check.findings[i].fix[j]);
		rule_run_free(r);
	}
}

ParameterizedTest(size_t *row, rules_image, install_mode)
{
	run_case("install-mode", &install_cases[*row]);
}

/* The mixed stack is an error and points at the odd member's Mode. */
Test(rules_image, install_mode_mixed_stack_is_an_error)
{
	rule_run_opts o = { .target = "cat9k_iosxe.17.12.04.SPA.bin" };
	rule_run *r = rule_run_new_opts("install-mode", c9k_mixed, &o);
	const ip_finding *v = NULL;
	for (size_t i = 0; i < r->check.n_findings; i++)
		if (strstr(r->check.findings[i].message, "V-Mismatch"))
			v = &r->check.findings[i];
	cr_assert_not_null(v, "a V-Mismatch finding");
	cr_assert_eq(v->severity, IP_SEV_ERROR, "%s", v->message);
	cr_assert_eq(v->span.line, 10);
	cr_assert_eq(v->span.col, 73);
	cr_assert_str_eq(v->fix[1], "boot system switch all flash:packages.conf");
	rule_run_free(r);
}

/* --- version-change -------------------------------------------------------- */

static const rcase version_cases[] = {
	{ .row = "catalogue bad: the running release again", "netstuts-r1.log",
	  "isr4300-universalk9.16.09.06.SPA.bin", 0, NULL, 1, 3, 32,
	  "isr4300-universalk9.16.09.06.SPA.bin is 16.9.6, the release already running: a reinstall",
	  WARN, NULL },
	{ .row = "catalogue good: newer", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 0, NULL,
	  0, 0, 0, NULL, ANY, NULL },
	{ .row = "older XE", "netstuts-r1.log", "isr4300-universalk9.16.06.05.SPA.bin", 0, NULL, 1, 3, 32,
	  "is 16.6.5, older than the running 16.9.6: a downgrade", WARN, NULL },
	{ .row = "rebuild letter: 17.9.4 is older than 17.9.4a", "c9300-install.log",
	  "cat9k_iosxe.17.09.04.SPA.bin", 0, NULL, 1, 3, 32, "older than the running 17.9.4a", WARN,
	  NULL },
	{ .row = "rebuild letter: 17.9.4b is newer", "c9300-install.log", "cat9k_iosxe.17.09.04b.SPA.bin", 0,
	  NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "classic, same train: older rebuild", "netstuts-sw1.log", "c2960-lanbasek9-mz.152-7.E3.bin",
	  0, NULL, 1, 3, 65, "is 15.2(7)E3, older than the running 15.2(7)E6", WARN, NULL },
	{ .row = "classic, same train: newer", "netstuts-sw1.log", E9, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "classic, same train, older minor", "two-routers.log",
	  "c2900-universalk9-mz.SPA.151-4.M4.bin", 0, NULL, 1, 3, 67,
	  "is 15.1(4)M4, older than the running 15.4(3)M10", WARN, NULL },
	{ .row = "classic, same train, newer minor", "two-routers.log",
	  "c2900-universalk9-mz.SPA.157-3.M8.bin", 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "train change SE to E: a note", "traps/no-space.log", E9, 0, NULL, 1, 2, 65,
	  "moves from 12.2(55)SE12 to 15.2(7)E9: a change of release train (SE to E)", NOTE, NULL },
	{ .row = "a special build cannot be ordered", "c9300-install.log",
	  "cat9k_iosxe.17.12.01prd7.SPA.bin", 0, NULL, 1, 3, 32, "cannot be ordered", NOTE, NULL },
	{ .row = "no version in the name", "c9300-install.log", "packages.conf", 0, NULL, 0, 0, 0, NULL, ANY,
	  NULL },
	{ .row = "no target", "netstuts-r1.log", NULL, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
};

IP_TABLE_PARAMS(rules_image, version_change, version_cases)

ParameterizedTest(size_t *row, rules_image, version_change)
{
	run_case("version-change", &version_cases[*row]);
}

/* --- tftp-transfer --------------------------------------------------------- */

static const rcase tftp_cases[] = {
	/* pinned to the running image's line, not to the target's (issue 23 pt 9) */
	{ .row = "catalogue bad: a 520 MB image", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin",
	  521347072, NULL, 1, 27, 23,
	  "isr4300-universalk9.16.12.04.SPA.bin is 521347072 bytes, more than the 33553920 bytes TFTP "
	  "carries with its default 512-byte blocks unless the device and the server roll the block "
	  "number over", WARN, "ip tftp blocksize 8192" },
	{ .row = "catalogue good: a 12 MB image", "netstuts-sw1.log", E9, E9_SIZE, NULL, 0, 0, 0, NULL, ANY,
	  NULL },
	{ .row = "exactly 65535 blocks", "netstuts-sw1.log", E9, 33553920, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "one byte more", "netstuts-sw1.log", E9, 33553921, NULL, 1, 14, 0, "33553921 bytes", WARN,
	  NULL },
	{ .row = "pinned to the config's ip tftp source-interface", "../tests/captures/isr4321-mgmt-intf.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 521347072, NULL, 1, 129, 26, "521347072 bytes", WARN,
	  NULL },
	{ .row = "beyond 8192-byte blocks: SCP", "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin",
	  1442213753, NULL, 1, 27, 0, "even with 8192-byte blocks (536862720 bytes)", WARN,
	  "copy scp://user@server/cat9k_iosxe.17.12.04.SPA.bin flash:" },
	{ .row = "already on flash: nothing to transfer", "c9300-install.log",
	  "cat9k_iosxe.17.09.04a.SPA.bin", 1442213753, NULL, 0, 0, 0, NULL, ANY, NULL },
	{ .row = "size unknown", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 0, NULL, 0, 0, 0,
	  NULL, ANY, NULL },
	{ .row = "a configured limit", "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", 521347072,
	  NULL, 0, 0, 0, NULL, ANY, NULL, big_tftp_limit },
	{ .row = "no target", "netstuts-r1.log", NULL, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
};

IP_TABLE_PARAMS(rules_image, tftp_transfer, tftp_cases)

ParameterizedTest(size_t *row, rules_image, tftp_transfer)
{
	run_case("tftp-transfer", &tftp_cases[*row]);
}

/* --- image-integrity ------------------------------------------------------- */

#define HB "7b4e91a2f3c8d5e0a1b6c9d2e4f70123" /* the seed's switch image */
#define HX "ff00aa11bb22cc33dd44ee55ff66aa77" /* the seed's mismatch */
#define HY "0123456789abcdef0123456789abcdef"
#define S1 "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" \
	   "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
#define S2 "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a" \
	   "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"

/* E9 copied to flash (line 11; its size at column 16), nothing verified */
#define SW_E9_LISTED SW_VERSION                                                             \
	"SW1#show flash:\n"                                                                 \
	"\n"                                                                                \
	"Directory of flash:/\n"                                                            \
	"\n"                                                                                \
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n" \
	"    3  -rwx    12582912   Mar 7 2026 09:48:57 +00:00  " E9 "\n"                   \
	"\n"                                                                                \
	"32514048 bytes total (7348224 bytes free)\n"

static const char sw_e9_none[] = SW_E9_LISTED "SW1#\n";
/* line 16, the hash at column 55 */
static const char sw_e9_computed[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 "\n....Done!\n"
	"verify /md5 (flash:" E9 ") = " HB "\nSW1#\n";
static const char sw_e9_upper[] = SW_E9_LISTED "SW1#verify /md5 flash:C2960-LANBASEK9-MZ.152-7.E9.BIN\n"
	"....Done!\nverify /md5 (flash:C2960-LANBASEK9-MZ.152-7.E9.BIN) = " HB "\nSW1#\n";
/* line 16, the hash at column 52 */
static const char sw_e9_verified[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 " " HB "\n.....Done!\n"
	"Verified (flash:" E9 ") = " HB "\nSW1#\n";
static const char sw_e9_verified_other[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 " " HX "\n"
	".....Done!\nVerified (flash:" E9 ") = " HX "\nSW1#\n";
/* the computed signature on line 17 at column 22 */
static const char sw_e9_sigs[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 " " HB "\n...Done!\n"
	"%Error verifying flash:" E9 "\nComputed signature = " HX "\nSubmitted signature = " HB "\nSW1#\n";
/* %Error verifying on line 16, without the signature lines */
static const char sw_e9_err_ref[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 " " HB "\n...Done!\n"
	"%Error verifying flash:" E9 "\nSW1#\n";
static const char sw_e9_err_other[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 " " HY "\n...Done!\n"
	"%Error verifying flash:" E9 "\nSW1#\n";
/* cut short: the file in the prompt line 14 at column 17 */
static const char sw_e9_cut[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 "\n"
	"..........................................\n";
static const char sw_e9_failed[] = SW_E9_LISTED "SW1#verify /md5 flash:" E9 "\n"
	"%Error opening flash:" E9 " (Permission denied)\nSW1#\n";
/* a verify of the running image, not the target: line 16 */
static const char sw_e9_other_file[] = SW_E9_LISTED "SW1#verify /md5 flash:c2960-lanbasek9-mz.152-7.E6.bin\n"
	"..Done!\nverify /md5 (flash:c2960-lanbasek9-mz.152-7.E6.bin) = " HY "\nSW1#\n";
/* the same file on another filesystem is not the copy that boots */
static const char sw_e9_usb[] = SW_E9_LISTED "SW1#verify /md5 usbflash0:" E9 "\n..Done!\n"
	"verify /md5 (usbflash0:" E9 ") = " HB "\nSW1#\n";
/* SHA-512: line 16, the hash at column 58 */
static const char sw_e9_sha[] = SW_E9_LISTED "SW1#verify /sha512 flash:" E9 "\n..Done!\n"
	"verify /sha512 (flash:" E9 ") = " S1 "\nSW1#\n";

static const rcase integrity_cases[] = {
	/* the reference */
	{ .row = "catalogue bad: no reference hash", "netstuts-sw1.log", E9, 0, NULL, 1, 0, 0,
	  "no reference hash for " E9 ": an image without a reference hash cannot be verified", ERR,
	  "verify /md5 flash:" E9 },
	{ .row = "catalogue good: a reference hash", "netstuts-sw1.log", E9, 0,
	  "7b4e91a2c0d3f5e6a7b8c9d0e1f2a3b4", 0, 0, 0, NULL, ANY, NULL },
	{ .row = "upper-case hex is a hash", "netstuts-sw1.log", E9, 0, "7B4E91A2C0D3F5E6A7B8C9D0E1F2A3B4", 0,
	  0, 0, NULL, ANY, NULL },
	{ .row = "a SHA-512 alone is a reference", .capture = "netstuts-sw1.log", .target = E9, .sha512 = S1 },
	{ .row = "a reference that is not an MD5", "netstuts-sw1.log", E9, 0, "7b4e91a2...", 1, 0, 0,
	  "the reference MD5 '7b4e91a2...' of " E9 " is not 32 hex digits", ERR, NULL },
	{ .row = "a SHA-512 given as MD5", "netstuts-sw1.log", E9, 0,
	  "7b4e91a2c0d3f5e6a7b8c9d0e1f2a3b47b4e91a2c0d3f5e6a7b8c9d0e1f2a3b4", 1, 0, 0,
	  "is not 32 hex digits", ERR, NULL },
	{ .row = "an MD5 given as SHA-512", .capture = "netstuts-sw1.log", .target = E9, .sha512 = HB,
	  .n = 1, .msg = "the reference SHA-512 '" HB "' of " E9 " is not 128 hex digits", .sev = ERR },
	{ .row = "the capture names the target's filesystem", "netstuts-r1.log",
	  "isr4300-universalk9.16.12.04.SPA.bin", 0, NULL, 1, 0, 0, NULL, ERR,
	  "verify /md5 bootflash:isr4300-universalk9.16.12.04.SPA.bin" },
	{ .row = "no target", "netstuts-sw1.log", NULL, 0, NULL, 0, 0, 0, NULL, ANY, NULL },
	/* every link agrees */
	{ .row = "reference = device", .capture = sw_e9_computed, .target = E9, .md5 = HB },
	{ .row = "reference = server = device, sizes too", .capture = sw_e9_computed, .target = E9,
	  .md5 = HB, .server_md5 = HB, .size = E9_SIZE, .server_size = E9_SIZE },
	/* the model's one case policy (parsers/model/fs_model.h): a name that
	 * differs only in letter case is another file, as for the boot rules */
	{ .row = "file names compared exactly", .capture = sw_e9_upper, .target = E9, .md5 = HB, .n = 1,
	  .line = 16, .col = 1, .sev = WARN,
	  .msg = "is of flash:C2960-LANBASEK9-MZ.152-7.E9.BIN, not of the target flash:" E9 },
	{ .row = "Verified against the reference", .capture = sw_e9_verified, .target = E9, .md5 = HB },
	{ .row = "reference = server, not copied yet", .capture = "netstuts-sw1.log", .target = E9,
	  .md5 = HB, .server_md5 = HB, .size = E9_SIZE, .server_size = E9_SIZE },
	{ .row = "SHA-512 reference = device", .capture = sw_e9_sha, .target = E9, .sha512 = S1 },
	/* a mismatch in each position */
	{ .row = "reference != device, server unknown", .capture = sw_e9_computed, .target = E9, .md5 = HX,
	  .n = 1, .line = 16, .col = 55, .sev = ERR,
	  .msg = "the device's copy flash:" E9 " (verify) has MD5 " HB " but the reference (test) is MD5 " HX
		 ": a corrupt or tampered image, never boot it", .any = "delete /force flash:" E9 },
	{ .row = "server != device: the transfer", .capture = sw_e9_computed, .target = E9, .md5 = HX,
	  .server_md5 = HX, .n = 1, .line = 16, .col = 55, .sev = ERR,
	  .msg = "but the server copy /srv/tftp/image.bin has MD5 " HX ", as the reference does: the "
		 "transfer corrupted it", .any = "copy tftp://<tftp-server>/" E9 " flash:" E9 },
	{ .row = "transfer: the fix verifies against the reference", .capture = sw_e9_computed, .target = E9,
	  .md5 = HX, .server_md5 = HX, .n = 1, .line = 16, .col = 55, .any = "verify /md5 flash:" E9 " " HX },
	{ .row = "reference != server = device: the download", .capture = sw_e9_computed, .target = E9,
	  .md5 = HX, .server_md5 = HB, .n = 1, .line = 16, .col = 55, .sev = ERR,
	  .msg = "the server copy /srv/tftp/image.bin has MD5 " HB " but the reference (test) is MD5 " HX
		 ": the download is corrupt or is another file; download it again from cisco.com, and "
		 "the device holds the same bad copy" },
	{ .row = "reference != server, device unknown", .capture = "netstuts-sw1.log", .target = E9,
	  .md5 = HX, .server_md5 = HB, .n = 1, .line = 0, .sev = ERR,
	  .msg = "the download is corrupt or is another file; download it again from cisco.com" },
	{ .row = "every link differs", .capture = sw_e9_computed, .target = E9, .md5 = HX, .server_md5 = HY,
	  .n = 1, .line = 16, .col = 55, .sev = ERR,
	  .msg = "the MD5 of " E9 " differs at every link: the reference (test) " HX ", the server copy "
		 "/srv/tftp/image.bin " HY },
	{ .row = "device = reference, the server file differs", .capture = sw_e9_computed, .target = E9,
	  .md5 = HB, .server_md5 = HY, .n = 1, .line = 0, .sev = WARN,
	  .msg = "the server copy /srv/tftp/image.bin has MD5 " HY ", not the reference MD5 " HB },
	{ .row = "server != device and no reference", .capture = sw_e9_computed, .target = E9,
	  .server_md5 = HX, .n = 2, .line = 0, .sev = ERR, .msg = "no reference hash",
	  .any = "the transfer corrupted it" },
	{ .row = "SHA-512 reference != device", .capture = sw_e9_sha, .target = E9, .sha512 = S2,
	  .n = 1, .line = 16, .col = 58, .sev = ERR, .msg = "has SHA-512 " S1 " but the reference (test) is SHA-512 " S2,
	  .any = "verify /sha512 flash:" E9 " " S2 },
	{ .row = "SHA-512 server != reference", .capture = "netstuts-sw1.log", .target = E9, .sha512 = S2,
	  .server_sha512 = S1, .n = 1, .line = 0, .sev = ERR, .msg = "has SHA-512 " S1 " but the reference" },
	/* what the device said */
	{ .row = "Verified against a hash that is not the reference", .capture = sw_e9_verified_other,
	  .target = E9, .md5 = HB, .n = 1, .line = 16, .col = 52, .sev = ERR, .msg = "has MD5 " HX },
	{ .row = "%Error verifying with its signatures", .capture = sw_e9_sigs, .target = E9, .md5 = HB,
	  .n = 1, .line = 17, .col = 22, .sev = ERR, .msg = "has MD5 " HX " but the reference (test) is MD5 " HB },
	{ .row = "%Error verifying against the reference, no signatures", .capture = sw_e9_err_ref,
	  .target = E9, .md5 = HB, .n = 1, .line = 16, .col = 1, .sev = ERR,
	  .msg = "`verify` found flash:" E9 " on the device does not match MD5 " HB },
	{ .row = "%Error verifying against another hash", .capture = sw_e9_err_other, .target = E9,
	  .md5 = HB, .n = 1, .line = 16, .col = 1, .sev = WARN,
	  .msg = "`verify` compared flash:" E9 " with " HY ", not the reference " HB },
	/* missing pieces: weak, and only for an image already on flash */
	{ .row = "a verify cut short is unknown, not a pass", .capture = sw_e9_cut, .target = E9, .md5 = HB,
	  .n = 1, .line = 14, .col = 17, .sev = WARN, .msg = "stops before its result",
	  .any = "verify /md5 flash:" E9 " " HB },
	{ .row = "a verify that could not open the file", .capture = sw_e9_failed, .target = E9, .md5 = HB,
	  .n = 1, .line = 15, .col = 1, .sev = WARN, .msg = "could not read flash:" E9 " (Permission denied)" },
	{ .row = "a verify of another file", .capture = sw_e9_other_file, .target = E9, .md5 = HB, .n = 1,
	  .line = 16, .col = 1, .sev = WARN,
	  .msg = "the captured `verify` is of flash:c2960-lanbasek9-mz.152-7.E6.bin, not of the target flash:" E9 },
	{ .row = "a verify on another filesystem", .capture = sw_e9_usb, .target = E9, .md5 = HB, .n = 1,
	  .line = 16, .col = 1, .sev = WARN, .msg = "is of usbflash0:" E9 ", not of the target" },
	{ .row = "on flash, never verified", .capture = sw_e9_none, .target = E9, .md5 = HB, .n = 1,
	  .line = 11, .sev = WARN, .msg = "flash:" E9 " is on flash but no `verify /md5` of it was captured",
	  .any = "verify /md5 flash:" E9 " " HB },
	{ .row = "on flash, SHA-512 reference: the capture asks for verify /sha512", .capture = sw_e9_none,
	  .target = E9, .sha512 = S1, .n = 1, .line = 11, .sev = WARN, .any = "verify /sha512 flash:" E9 " " S1 },
	/* the seed's mismatch, as a sample (the last verify, with signatures, counts) */
	{ .row = "sample: traps/md5-mismatch.log", .capture = "traps/md5-mismatch.log",
	  .target = "isr4300-universalk9.16.12.04.SPA.bin", .md5 = "a3f8c12d9e4b72f1c8d5a0e3b6f91234",
	  .size = 521347072, .n = 1, .line = 111, .col = 22, .sev = ERR,
	  .msg = "the device's copy bootflash:isr4300-universalk9.16.12.04.SPA.bin (verify) has MD5 "
		 "ff00aa11bb22cc33dd44ee55ff66aa77", .any = "delete /force bootflash:isr4300-universalk9.16.12.04.SPA.bin" },
	/* sizes */
	{ .row = "size: reference = listing", .capture = sw_e9_computed, .target = E9, .md5 = HB,
	  .size = E9_SIZE },
	{ .row = "size: reference != listing", .capture = sw_e9_computed, .target = E9, .md5 = HB,
	  .size = 12648448, .n = 1, .line = 11, .col = 16, .sev = ERR,
	  .msg = "the device's copy flash:" E9 " (flash listing) has 12582912 bytes but the reference "
		 "(test) is 12648448 bytes" },
	{ .row = "size: the transfer stopped early", .capture = sw_e9_computed, .target = E9, .md5 = HB,
	  .size = 12648448, .server_size = 12648448, .n = 1, .line = 11, .col = 16, .sev = ERR,
	  .msg = "has 12582912 bytes but the server copy /srv/tftp/image.bin has 12648448 bytes, as the "
		 "reference does: the transfer corrupted it" },
	{ .row = "size: a truncated download", .capture = "netstuts-sw1.log", .target = E9, .md5 = HB,
	  .size = 12648448, .server_size = 33553920, .n = 1, .line = 0, .sev = ERR,
	  .msg = "has 33553920 bytes but the reference (test) is 12648448 bytes: the download" },
};

IP_TABLE_PARAMS(rules_image, image_integrity, integrity_cases)

ParameterizedTest(size_t *row, rules_image, image_integrity)
{
	run_case("image-integrity", &integrity_cases[*row]);
}

/* The comparison the later issue feeds: reference, server copy, device. */
typedef struct md5_case {
	const char *ref, *server, *device;
	ip_md5_verdict verdict;
	ip_md5_source a, b;
} md5_case;

#define H1 "a3f8c12d9e4b72f1c8d5a0e3b6f91234"
#define H1U "A3F8C12D9E4B72F1C8D5A0E3B6F91234"
#define H2 "ff00aa11bb22cc33dd44ee55ff66aa77"

static const md5_case md5_cases[] = {
	{ NULL, NULL, NULL, IP_MD5_UNDECIDED, IP_MD5_REFERENCE, IP_MD5_REFERENCE },
	{ H1, NULL, NULL, IP_MD5_UNDECIDED, IP_MD5_REFERENCE, IP_MD5_REFERENCE },
	{ H1, NULL, H1U, IP_MD5_MATCH, IP_MD5_REFERENCE, IP_MD5_REFERENCE },
	{ H1, H1, H1, IP_MD5_MATCH, IP_MD5_REFERENCE, IP_MD5_REFERENCE },
	{ H1, NULL, H2, IP_MD5_MISMATCH, IP_MD5_REFERENCE, IP_MD5_DEVICE },
	{ H1, H2, NULL, IP_MD5_MISMATCH, IP_MD5_REFERENCE, IP_MD5_SERVER },
	{ NULL, H1, H2, IP_MD5_MISMATCH, IP_MD5_SERVER, IP_MD5_DEVICE },
	/* server corrupt, device matches the reference: the server pair */
	{ H1, H2, H1, IP_MD5_MISMATCH, IP_MD5_REFERENCE, IP_MD5_SERVER },
	{ H1, "zz", H1, IP_MD5_MALFORMED, IP_MD5_SERVER, IP_MD5_SERVER },
	{ "", NULL, NULL, IP_MD5_MALFORMED, IP_MD5_REFERENCE, IP_MD5_REFERENCE },
};

IP_TABLE_PARAMS(rules_image, md5_compare, md5_cases)

ParameterizedTest(size_t *row, rules_image, md5_compare)
{
	const md5_case *c = &md5_cases[*row];
	const char *h[IP_MD5_SOURCES] = { c->ref, c->server, c->device };
	ip_md5_check out;
	ip_md5_compare(&out, h);
	cr_assert_eq(out.verdict, c->verdict, "row %zu: verdict %d, want %d", *row, out.verdict,
		     c->verdict);
	if (c->verdict == IP_MD5_MISMATCH || c->verdict == IP_MD5_MALFORMED) {
		cr_assert_eq(out.a, c->a, "row %zu: %s, want %s", *row, ip_md5_source_name(out.a),
			     ip_md5_source_name(c->a));
		cr_assert_eq(out.b, c->b, "row %zu: %s, want %s", *row, ip_md5_source_name(out.b),
			     ip_md5_source_name(c->b));
	}
}

/* Which link breaks, for every combination of known values. */
typedef struct link_case {
	const char *ref, *server, *device;
	ip_chain_break want;
} link_case;

static const link_case link_cases[] = {
	{ NULL, NULL, NULL, IP_CHAIN_OK },
	{ H1, NULL, NULL, IP_CHAIN_OK },
	{ H1, H1, H1U, IP_CHAIN_OK },
	{ H1, NULL, H1, IP_CHAIN_OK },
	{ H1, H2, NULL, IP_CHAIN_DOWNLOAD },
	{ H1, H2, H2, IP_CHAIN_DOWNLOAD },
	{ H1, H1, H2, IP_CHAIN_TRANSFER },
	{ NULL, H1, H2, IP_CHAIN_TRANSFER },
	{ H1, NULL, H2, IP_CHAIN_UNPLACED },
	{ H1, H2, "00000000000000000000000000000000", IP_CHAIN_BOTH },
	{ H1, H2, H1, IP_CHAIN_SERVER_STALE },
	{ "12648448", "33553920", "33553920", IP_CHAIN_DOWNLOAD }, /* sizes alike */
};

IP_TABLE_PARAMS(rules_image, chain_check, link_cases)

ParameterizedTest(size_t *row, rules_image, chain_check)
{
	const link_case *c = &link_cases[*row];
	const char *v[IP_MD5_SOURCES] = { c->ref, c->server, c->device };
	cr_assert_eq(ip_chain_check(v), c->want, "row %zu: %d, want %d", *row, ip_chain_check(v), c->want);
}

/* --- real captures (ntc-templates corpus) ---------------------------------- */

typedef struct corpus_case {
	const char *file; /* under cisco_ios/show_version/ */
	const char *rule;
	const char *target;
	size_t n;
	uint32_t line, col;
	const char *msg;
} corpus_case;

static const corpus_case corpus_cases[] = {
	/* ASR1001 on XE 3.9.1S: XE targets compare with "IOS XE Version:" */
	{ "cisco_ios_show_version2.raw", "version-change",
	  "asr1001-universalk9.03.09.01.S.153-2.S1.bin", 1, 6, 17, "the release already running" },
	{ "cisco_ios_show_version2.raw", "version-change",
	  "asr1001-universalk9.03.16.10.S.155-3.S10-ext.SPA.bin", 0, 0, 0, NULL },
	{ "cisco_ios_show_version2.raw", "image-platform", "isr4300-universalk9.16.12.04.SPA.bin", 1,
	  49, 7, "is an image for isr4300" },
	{ "cisco_ios_show_version2.raw", "image-platform",
	  "asr1001-universalk9.03.16.10.S.155-3.S10-ext.SPA.bin", 0, 0, 0, NULL },
	/* Cat3850 on 03.06.05E in install mode, going to 16.x */
	{ "cisco_ios_show_version1.raw", "version-change", "cat3k_caa-universalk9.16.12.10.SPA.bin",
	  0, 0, 0, NULL },
	{ "cisco_ios_show_version1.raw", "install-mode", "cat3k_caa-universalk9.16.12.10.SPA.bin", 1,
	  84, 73, "runs in install mode" },
	/* a special build cannot be ordered */
	{ "cisco_ios_show_version_special_build.raw", "version-change",
	  "isr4300-universalk9.16.12.04.SPA.bin", 1, 1, 32, "cannot be ordered" },
};

IP_TABLE_PARAMS(rules_image, corpus, corpus_cases)

ParameterizedTest(size_t *row, rules_image, corpus)
{
	const corpus_case *c = &corpus_cases[*row];
	const char *dir = test_corpus_dir();
	if (!dir)
		cr_skip_test("corpus not found (set IOSPLAN_CORPUS)");
	char path[1200];
	snprintf(path, sizeof(path), "%s/cisco_ios/show_version/%s", dir, c->file);
	size_t len;
	char *text = test_read_file(path, &len);
	if (!text)
		cr_skip_test("%s not in the corpus", c->file);
	rule_run *r = rule_run_new(c->rule, text, c->target, NULL);
	char label[300];
	snprintf(label, sizeof(label), "%s %s %s", c->file, c->rule, c->target);
	rule_run_expect(r, label, c->n, c->line, c->col, c->msg);
	rule_run_free(r);
	free(text);
}
