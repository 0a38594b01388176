/* What the platform implies, from the facts show version gives:
 *
 *   cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.
 *   Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), ...
 *   System image file is "bootflash:isr4300-universalk9.16.09.06.SPA.bin"
 *
 * One table holds what iosplan knows per series: the model prefixes on the
 * processor line, the software-image prefixes of the Cisco IOS Software
 * line, the platform tokens image file names carry, the default filesystem.
 * The model decides first (the longest matching prefix wins, so
 * "WS-C2960X" beats "WS-C2960"); then the software image; then the platform
 * token of the running image's file name; then, weakest, a flash0:
 * filesystem on classic IOS (only ISR G2 routers and IOSv have one, and
 * IOSv says so in its software image). A model the table does not know
 * (issue 23, point 4) takes its family from those weaker facts, but only
 * as a guess: `guessed` and `guess_basis` say so, the series stays
 * unknown, and every consumer that relies on the family says it was
 * guessed and from what (a wrong guess must be visible, not silent).
 *
 * What a family implies (DOMAIN.md §1.3, §2.3, §2.5):
 * - the normal register: routers 0x2102, classic switches 0xF (fixed),
 *   Cat3k/Cat9k/IE3x00 0x102, Cat4500 0x2102 (factory 0x2101, which is not
 *   normal in the field), IOSv 0x0;
 * - which list decides the next boot: on classic and IOS-XE switches the
 *   BOOT variable (show boot), which can differ from the configuration
 *   (§2.5). Cat4500 is register-driven like a router: its BOOT variable is
 *   written from the configuration's `boot system` lines when the
 *   configuration is saved, so the startup-config is the list it boots
 *   from, and boot_from_bootvar is false there. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <threads.h>

#include "image_name.h"
#include "platform.h"

enum {
	F_INSTALL = 1 << 0,  /* can run in install mode (packages.conf) */
	F_CAT9K = 1 << 1,    /* register line optional and without effect */
	F_NEEDS_SW = 1 << 2, /* the model alone does not decide this row */
	F_REG_102 = 1 << 3,  /* normal register 0x102 although register-driven */
	F_REG_UNSURE = 1 << 4, /* the normal register is UNCONFIRMED: no value */
};

typedef struct row {
	const char *series;
	ip_family family;
	const char *models;  /* upper-case prefixes of the processor-line model */
	const char *sw;      /* upper-case prefixes of the software image */
	const char *tokens;  /* image_platforms; NULL: not known */
	/* A chassis whose image depends on the supervisor or RP fitted: the
	 * running image's token says which one; image_platforms stays NULL
	 * when it does not. */
	const char *narrow[4];
	const char *fs;
	const char *aliases;
	unsigned flags;
} row;

#define XE_R IP_FAMILY_ROUTER_XE
#define CL_R IP_FAMILY_ROUTER_CLASSIC
#define CL_S IP_FAMILY_SWITCH_CLASSIC
#define XE_S IP_FAMILY_SWITCH_XE
#define C45 IP_FAMILY_SWITCH_CAT4500
#define VIRT IP_FAMILY_VIRTUAL
#define ISR4K_FS "bootflash:", "bootflash: flash:"
#define G2_FS "flash0:", "flash0: flash:"
#define CAT_FS "flash:", "flash: bootflash:"

static const row rows[] = {
	/* IOS-XE routers */
	{ "ISR4200", XE_R, "ISR422", NULL, "isr4200", {0}, ISR4K_FS, F_INSTALL },
	{ "ISR4300", XE_R, "ISR432 ISR433 ISR435", NULL, "isr4300", {0}, ISR4K_FS, F_INSTALL },
	{ "ISR4400", XE_R, "ISR443 ISR445", NULL, "isr4400", {0}, ISR4K_FS, F_INSTALL },
	{ "ISR4461", XE_R, "ISR446", NULL, "isr4400v2", {0}, ISR4K_FS, F_INSTALL },
	{ "ISR1100", XE_R, "C11", NULL, "c1100", {0}, ISR4K_FS, F_INSTALL },
	{ "ASR1001", XE_R, "ASR1001", NULL, "asr1001", {0}, "bootflash:", NULL, F_INSTALL },
	{ "ASR1001-X", XE_R, "ASR1001-X", NULL, "asr1001x", {0}, "bootflash:", NULL, F_INSTALL },
	{ "ASR1002-X", XE_R, "ASR1002-X", NULL, "asr1002x", {0}, "bootflash:", NULL, F_INSTALL },
	/* image family not recorded here: unknown rather than guessed */
	{ "ASR1000-HX", XE_R, "ASR1001-HX ASR1002-HX", NULL, NULL, {0}, "bootflash:", NULL, F_INSTALL },
	{ "ASR1000", XE_R, "ASR1002 ASR1004 ASR1006 ASR1009 ASR1013", NULL, NULL,
	  { "asr1000", "asr1000rp1", "asr1000rp2", NULL }, "bootflash:", NULL, F_INSTALL },
	{ "CSR1000V", XE_R, "CSR1000V", NULL, "csr1000v", {0}, "bootflash:", NULL, F_INSTALL },
	{ "C8000V", XE_R, "C8000V", NULL, "c8000v", {0}, "bootflash:", NULL, F_INSTALL },
	{ "C8200", XE_R, "C8200", NULL, "c8000be", {0}, "bootflash:", NULL, F_INSTALL },
	{ "C8300", XE_R, "C8300", NULL, "c8000be", {0}, "bootflash:", NULL, F_INSTALL },
	{ "C8500", XE_R, "C8500", NULL, "c8000aep", {0}, "bootflash:", NULL, F_INSTALL },
	/* ASR 900 (issue 23, point 4): "cisco ASR-903 (RSP3_400) processor",
	 * ASR900 Software (PPC_LINUX_IOSD-UNIVERSALK9-M) 16.9.1a, System image
	 * file is "bootflash:asr900rsp3-universalk9.16.09.01a.SPA.bin", register
	 * 0x2102, BOOT = bootflash:...,1; in show redundancy (a public PuTTY
	 * session log of an ASR-903, code search "cisco ASR-903 (RSP3_400)");
	 * "cisco ASR-902 (RSP2)", "cisco ASR-903 (RSP1)" (the same search).
	 * The RSP decides the image (asr900rsp1/2/3). */
	{ "ASR900", XE_R, "ASR-902 ASR-903 ASR-907", NULL, NULL,
	  { "asr900rsp1", "asr900rsp2", "asr900rsp3", NULL }, "bootflash:", NULL, F_INSTALL },
	/* ASR 920: "cisco ASR-920-12CZ-A (Freescale P2020) processor", images
	 * "bootflash:asr920-universalk9_npe.16.09.05f.SPA.bin" (genieparser
	 * iosxe ShowVersion tests; code search "bootflash:asr920-universalk9"). */
	{ "ASR920", XE_R, "ASR-920", NULL, "asr920", {0}, "bootflash:", NULL, F_INSTALL },
	/* Catalyst 9800 wireless controllers (issue 23, point 4). 9800-CL:
	 * "cisco C9800-CL (VXE) processor", C9800-CL Software
	 * (C9800-CL-K9_IOSXE), "bootflash:C9800-CL-universalk9.17.07.01prd16.SPA.bin",
	 * "Installation mode is BUNDLE", register 0x102 (genieparser
	 * iosxe/tests/ShowVersion/cli/equal/golden_output_c9800_output.txt).
	 * The appliances (C9800-40/-80/-L) run C9800-universalk9_wlc.* or
	 * C9800-40-/-80-/-L-universalk9_wlc.* images; their normal register is
	 * UNCONFIRMED here (no captured appliance), so none is assumed and the
	 * register rules say they could not check it. */
	{ "C9800-CL", XE_R, "C9800-CL", "C9800-CL-K9_IOSXE", "c9800-cl", {0},
	  "bootflash:", NULL, F_INSTALL | F_REG_102 },
	{ "C9800", XE_R, "C9800-40 C9800-80 C9800-L", "C9800-K9_IOSXE",
	  "c9800 c9800-40 c9800-80 c9800-l", {0}, "bootflash:", NULL, F_INSTALL | F_REG_UNSURE },
	{ NULL, XE_R, NULL, "X86_64_LINUX_IOSD PPC_LINUX_IOSD", NULL, {0}, "bootflash:", NULL, F_INSTALL },
	/* classic IOS routers */
	{ "C1900", CL_R, "CISCO19", "C1900-", "c1900", {0}, G2_FS, 0 },
	{ "C2900", CL_R, "CISCO29", "C2900-", "c2900", {0}, G2_FS, 0 },
	{ "C3900", CL_R, "CISCO3925 CISCO3945", "C3900-", "c3900", {0}, G2_FS, 0 },
	{ "C3900E", CL_R, "CISCO3925E CISCO3945E", "C3900E-", "c3900e", {0}, G2_FS, 0 },
	{ "C180X", CL_R, "180", "C180X-", "c180x", {0}, "flash:", NULL, 0 },
	{ "C181X", CL_R, "181", "C181X-", "c181x", {0}, "flash:", NULL, 0 },
	{ "C1841", CL_R, "CISCO1841 1841", "C1841-", "c1841", {0}, "flash:", NULL, 0 },
	/* ISR 800 and ISR 900 (issue 23, the real corpus): the processor line
	 * names the PID, "Cisco C881-K9 (revision 1.0) with 944128K/104448K
	 * bytes of memory." / "Cisco C921-4P (revision 1.0) ...", the software
	 * image C800-UNIVERSALK9-M / C900-UNIVERSALK9-M, the image
	 * flash:c800-universalk9-mz.SPA.154-2.T.bin /
	 * flash:c900-universalk9-mz.SPA.158-3.M3b.bin, register 0x2102
	 * (networktocode/ntc-templates tests/cisco_ios/show_version/
	 * cisco_ios_show_version8.raw and cisco_ios_show_version7.raw, kept in
	 * tests/corpus/ntc-templates). Classic IOS routers: the startup-config's
	 * boot system list, flash: (DOMAIN.md §1.3). The PID prefixes are
	 * listed per model line so that no Catalyst 8000 ("C8200", "C8000V")
	 * or Catalyst 9000 model ("C9200", "C9300") is caught by them. */
	{ "C800", CL_R, "C81 C84 C86 C88 C89", "C800-", "c800", {0}, "flash:", NULL, 0 },
	{ "C900", CL_R, "C921 C926 C927 C931 C941 C951", "C900-", "c900", {0}, "flash:", NULL, 0 },
	/* ISR G1 (issue 23, point 4): the processor line names the bare
	 * number, "Cisco 2811 (revision 53.51) with 249856K/12288K bytes of
	 * memory." (tmullaly/oxidized r3: Chassis type 2811, image
	 * flash:c2800nm-adventerprisek9_ivs-mz.151-4.M.bin, PID CISCO2811);
	 * the PID form stays for captures that print it. Register 0x2102, the
	 * startup-config's boot system list, flash: (DOMAIN.md §1.3). */
	{ "C2801", CL_R, "CISCO2801 2801", "C2801-", "c2801", {0}, "flash:", NULL, 0 },
	{ "C2800", CL_R, "CISCO2811 CISCO2821 CISCO2851 2811 2821 2851", "C2800NM-", "c2800nm",
	  {0}, "flash:", NULL, 0 },
	{ "C3825", CL_R, "CISCO3825 3825", "C3825-", "c3825", {0}, "flash:", NULL, 0 },
	{ "C3845", CL_R, "CISCO3845 3845", "C3845-", "c3845", {0}, "flash:", NULL, 0 },
	{ "C2600", CL_R, "261 262 265", "C2600-", "c2600", {0}, "flash:", NULL, 0 },
	/* "Cisco 7206VXR (NPE400) processor": the NPE decides the flash
	 * (disk0:, disk2:, bootflash:), so the filesystem is the running
	 * image's. */
	{ "C7200", CL_R, "720", "C7200-", "c7200", {0}, NULL, NULL, 0 },
	/* 7600 (issue 23, point 4): "cisco CISCO7606 (R7000) processor" running
	 * s72033_rp (Sup720; genieparser ios/c7600 tests test_show_platform.py,
	 * System image file is "disk0:s72033-adventerprisek9_dbg-mz..."),
	 * "cisco CISCO7609-S (R7000) processor" running
	 * "bootdisk:c7600s3223-ipservices-mz.122-33.SRC6.bin" (Sup32), and
	 * RSP720 images c7600rsp72043-...: the running image says which; booted
	 * like the 6500 below, register 0x2102 normal. */
	{ "C7600", CL_R, "CISCO76", "C7600", NULL,
	  { "s72033", "c7600s3223", "c7600rsp72043", NULL }, NULL, NULL, 0 },
	/* ASR 901 (issue 23, point 4): classic IOS 15.x S,
	 * "Cisco A901-6CZ-FT-D (P2020) processor", image
	 * "flash:asr901-universalk9-mz.156-2.SP4.bin", register 0x2102
	 * (genieparser iosxe/tests/ShowVersion/cli/equal/golden_output_asr901_output.txt). */
	{ "ASR901", CL_R, "A901", "ASR901-", "asr901", {0}, "flash:", NULL, 0 },
	/* Catalyst 6500 in native IOS (issue 20, point 16): booted as a classic
	 * router is, from the startup-config's boot system list with register
	 * 0x2102 (CiscoTestAutomation/genieparser
	 * src/genie/libs/parser/ios/cat6k/tests/ShowVersion/cli/equal/
	 * golden_output_output.txt: WS-C6503-E, "Configuration register is
	 * 0x2102", System image file is
	 * "disk0:s72033-adventerprisek9_wan-mz.122-18.SXF7"), its images often
	 * without .bin (the Dir fixture beside it lists that image, 82524740
	 * bytes, on disk0:). The image family is the supervisor's (Sup720 s72033;
	 * Sup2T s2t54: "bootdisk:s2t54-adventerprisek9-mz.SPA.151-1.SY.bin" on a
	 * WS-C6509-E, pop3165/apic packages/cisco-xr/netsim/show_version.sh):
	 * the running image says which. The image lives on the supervisor's
	 * disk0:, sup-bootdisk: or bootdisk:, so the
	 * filesystem is the running image's. What the supervisor does when
	 * every boot entry fails (the first image, or ROMMON: the CatOS-era
	 * guides of DOMAIN.md §2.3 say ROMMON) is UNCONFIRMED for native IOS:
	 * the plan's proof relies only on the entries' order. */
	{ "C6500", CL_R, "WS-C65", "S72033_RP- S2T54-", NULL,
	  { "s72033", "s2t54", NULL }, NULL, NULL, 0 },
	/* classic switches */
	{ "C2940", CL_S, "WS-C2940", "C2940-", "c2940", {0}, "flash:", NULL, 0 },
	{ "C2950", CL_S, "WS-C2950", "C2950-", "c2950", {0}, "flash:", NULL, 0 },
	{ "C2960", CL_S, "WS-C2960", "C2960-", "c2960", {0}, "flash:", NULL, 0 },
	{ "C2960S", CL_S, "WS-C2960S", "C2960S-", "c2960s", {0}, "flash:", NULL, 0 },
	{ "C2960X", CL_S, "WS-C2960X", "C2960X-", "c2960x", {0}, "flash:", NULL, 0 },
	{ "C2960L", CL_S, "WS-C2960L", "C2960L-", "c2960l", {0}, "flash:", NULL, 0 },
	{ "C2960C", CL_S, "WS-C2960C", "C2960C405-", "c2960c405", {0}, "flash:", NULL, 0 },
	{ "C2960CX", CL_S, "WS-C2960CX", "C2960CX-", "c2960cx", {0}, "flash:", NULL, 0 },
	{ "C3550", CL_S, "WS-C3550", "C3550-", "c3550", {0}, "flash:", NULL, 0 },
	{ "C3560", CL_S, "WS-C3560", "C3560-", "c3560", {0}, "flash:", NULL, 0 },
	{ "C3560E", CL_S, "WS-C3560E WS-C3560X", "C3560E-", "c3560e", {0}, "flash:", NULL, 0 },
	{ "C3560C", CL_S, "WS-C3560C", "C3560C405-", "c3560c405", {0}, "flash:", NULL, 0 },
	{ "C3560CG", CL_S, "WS-C3560CG", "C3560C405EX-", "c3560c405ex", {0}, "flash:", NULL, 0 },
	{ "C3560CX", CL_S, "WS-C3560CX", "C3560CX-", "c3560cx", {0}, "flash:", NULL, 0 },
	{ "C3750", CL_S, "WS-C3750", "C3750-", "c3750", {0}, "flash:", NULL, 0 },
	{ "C3750E", CL_S, "WS-C3750E WS-C3750X", "C3750E-", "c3750e", {0}, "flash:", NULL, 0 },
	{ "IE2000", CL_S, "IE-2000", "IE2000-", "ie2000", {0}, "flash:", NULL, 0 },
	{ "IE3000", CL_S, "IE-3000", "IES-", "ies", {0}, "flash:", NULL, 0 },
	{ "IE4000", CL_S, "IE-4000", "IE4000-", "ie4000", {0}, "flash:", NULL, 0 },
	{ "IE4010", CL_S, "IE-4010", "IE4010-", "ie4010", {0}, "flash:", NULL, 0 },
	{ "IE5000", CL_S, "IE-5000", "IE5000-", "ie5000", {0}, "flash:", NULL, 0 },
	/* Cat4500 / 4900 */
	{ "C4948", C45, "WS-C4948", "CAT4500-", "cat4500", {0}, "bootflash:", NULL, 0 },
	{ "C4948E", C45, "WS-C4948E WS-C4900M", "CAT4500E-", "cat4500e", {0}, "bootflash:", NULL, 0 },
	{ "C4500X", C45, "WS-C4500X", "CAT4500ES8-", "cat4500es8", {0}, "bootflash:", NULL, 0 },
	/* 4510R+E (issue 23, point 4): "cisco WS-C4510R+E (MPC8572) processor
	 * (revision 10)", Sup7-E, cat4500e-universalk9 03.11.03a.E on
	 * bootflash:, register 0x2102, `boot system flash bootflash:...` (a
	 * public test fixture found by the code search "WS-C4510R+E (");
	 * 4503/4506/4507 and 4510 are one chassis family. */
	{ "C4500", C45, "WS-C450 WS-C451", NULL, NULL, { "cat4500e", "cat4500es8", "cat4500", NULL },
	  "bootflash:", NULL, 0 },
	/* IOS-XE switches */
	{ "C3850", XE_S, "WS-C3850", "CAT3K_CAA-", "cat3k_caa", {0}, CAT_FS, F_INSTALL },
	{ "C3650", XE_S, "WS-C3650", "CAT3K_CAA-", "cat3k_caa", {0}, CAT_FS, F_INSTALL },
	{ "C9200", XE_S, "C9200", "CAT9K_LITE_IOSXE", "cat9k_lite", {0}, CAT_FS, F_INSTALL | F_CAT9K },
	{ "C9300", XE_S, "C9300", "CAT9K_IOSXE", "cat9k", {0}, CAT_FS, F_INSTALL | F_CAT9K },
	{ "C9400", XE_S, "C9400 C9407 C9410", "CAT9K_IOSXE", "cat9k", {0}, CAT_FS, F_INSTALL | F_CAT9K },
	{ "C9500", XE_S, "C9500", "CAT9K_IOSXE", "cat9k", {0}, CAT_FS, F_INSTALL | F_CAT9K },
	{ "C9600", XE_S, "C9600 C9606", "CAT9K_IOSXE", "cat9k", {0}, CAT_FS, F_INSTALL | F_CAT9K },
	{ "IE3X00", XE_S, "IE-3200 IE-3300 IE-3400", "IE3X00", "ie3x00", {0}, "flash:", NULL, 0 },
	/* IE 3100 (issue 23's real corpus): "cisco IE-3105-18T2C (ARM)
	 * processor", IE31xx Switch Software (IE31xx-UNIVERSALK9-M), the
	 * image on flash: ("System image file is "flash:test_image"",
	 * "1946624K bytes of Flash at flash:."), register 0x102 (genieparser
	 * iosxe/tests/ShowVersion/cli/equal/golden_output_IE_3105_18T2C_output.txt,
	 * in tests/corpus). Its image file name is not known from a capture
	 * (that one runs "test_image"), so no platform token. */
	{ "IE3100", XE_S, "IE-31", "IE31XX-", NULL, {0}, "flash:", NULL, 0 },
	/* Rockwell Automation Stratix 5200 (issue 23, point 4): IOS-XE,
	 * "Allen-Bradley 1783-CMS20DN (ARM) processor", S5200 Switch Software
	 * (S5200-UNIVERSALK9-M), "flash:s5200-universalk9....SSA.bin",
	 * register 0x102, ROM: IOS-XE ROMMON (genieparser
	 * iosxe/tests/ShowVersion/cli/equal/golden_output_1783_output.txt).
	 * Other Stratix models are not in the table: their family is guessed
	 * from the image name, with a note. */
	{ "Stratix5200", XE_S, "1783-CMS", "S5200-", "s5200", {0}, "flash:", NULL, 0 },
	/* virtual: both print "Cisco IOSv" on the processor line */
	{ "vIOS-L2", VIRT, "IOSV", "VIOS_L2", "vios_l2", {0}, "flash0:", NULL, F_NEEDS_SW },
	{ "IOSv", VIRT, "IOSV", "VIOS-", "vios", {0}, "flash0:", NULL, 0 },
};

static const struct {
	const char *name;
	uint32_t confreg;
	bool bootvar;
} families[] = {
	[IP_FAMILY_UNKNOWN] = { "unknown", 0, false },
	[IP_FAMILY_ROUTER_CLASSIC] = { "router-classic", 0x2102, false },
	[IP_FAMILY_ROUTER_XE] = { "router-xe", 0x2102, false },
	[IP_FAMILY_SWITCH_CLASSIC] = { "switch-classic", 0xF, true },
	[IP_FAMILY_SWITCH_CAT4500] = { "switch-cat4500", 0x2102, false },
	[IP_FAMILY_SWITCH_XE] = { "switch-xe", 0x102, true },
	[IP_FAMILY_VIRTUAL] = { "virtual", 0x0, false },
};

#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

/* The lists are short words separated by one or more spaces; they are
 * walked a byte at a time (no strcspn/strncasecmp calls: classification
 * runs once per device and walks every row). */
static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Whether the word w[0, n) equals s[0, n) in any case (s may be shorter:
 * its NUL then differs). */
static bool word_is_prefix(const char *w, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (upper(w[i]) != upper(s[i]))
			return false;
	return true;
}

static size_t word_len(const char *w)
{
	size_t n = 0;
	while (w[n] && w[n] != ' ')
		n++;
	return n;
}

/* Length of the longest word of `list` that s starts with (any case). */
static size_t longest_prefix(const char *list, const char *s)
{
	size_t best = 0;
	char first = upper(s[0]);
	for (const char *w = list; w && *w;) {
		size_t n = word_len(w);
		if (n > best && upper(w[0]) == first && word_is_prefix(w, n, s))
			best = n;
		w += n;
		while (*w == ' ')
			w++;
	}
	return best;
}

/* Whether `word` (len bytes) is one of the space-separated words of list. */
static bool list_has(const char *list, const char *word, size_t len)
{
	for (const char *w = list; w && *w && len;) {
		size_t n = word_len(w);
		if (n == len && word_is_prefix(w, n, word))
			return true;
		w += n;
		while (*w == ' ')
			w++;
	}
	return false;
}

/* The platform token of the running image's file name ("isr4300"), or "":
 * read on first use (most devices are decided by their model alone, and
 * reading an image name is the dearest step here). */
typedef struct run_tok {
	const ip_device *dev;
	bool read;
	char s[32];
} run_tok;

static const char *tok_get(run_tok *t)
{
	if (t->read)
		return t->s;
	ip_image_name img;
	const char *p = t->dev->system_image.path;
	t->read = true;
	t->s[0] = '\0';
	if (p && ip_image_name_parse(&img, p, strlen(p)) && img.platform[0])
		snprintf(t->s, sizeof(t->s), "%s", img.platform);
	return t->s;
}

static bool row_sw_matches(const row *r, const ip_device *dev, run_tok *tok)
{
	if (dev->software_image.s && longest_prefix(r->sw, dev->software_image.s))
		return true;
	const char *t = tok_get(tok);
	return t[0] && list_has(r->tokens, t, strlen(t));
}

/* The words of one field of every row, bucketed by their first letter:
 * a model is compared with the few words that start like it, not with
 * the whole table (classification runs several times per device). */
typedef struct word_ref {
	const char *w;
	unsigned char len, row;
} word_ref;

#define MAX_WORDS 256

typedef struct word_ix {
	word_ref v[MAX_WORDS];
	unsigned short start[257]; /* bucket of upper(c): v[start[c], start[c+1]) */
} word_ix;

static word_ix model_ix, sw_ix;
static once_flag ix_once = ONCE_FLAG_INIT;

static void ix_build(word_ix *ix, size_t field_off)
{
	size_t count[256] = {0}, n = 0;
	for (int pass = 0; pass < 2; pass++) {
		size_t at[256];
		for (size_t c = 0, sum = 0; c < 256; c++) {
			at[c] = sum;
			ix->start[c] = (unsigned short)sum;
			sum += count[c];
		}
		ix->start[256] = (unsigned short)n;
		if (n > MAX_WORDS || N_ROWS > 255)
			abort(); /* the table outgrew the index: raise MAX_WORDS */
		for (size_t i = 0; i < N_ROWS; i++) {
			const char *list = *(const char *const *)((const char *)&rows[i] + field_off);
			for (const char *w = list; w && *w;) {
				size_t len = word_len(w);
				unsigned char c = (unsigned char)upper(w[0]);
				if (pass == 0)
					count[c]++, n++;
				else
					ix->v[at[c]++] = (word_ref){ w, (unsigned char)len, (unsigned char)i };
				w += len;
				while (*w == ' ')
					w++;
			}
		}
	}
}

static void ix_build_all(void)
{
	ix_build(&model_ix, offsetof(row, models));
	ix_build(&sw_ix, offsetof(row, sw));
}

/* The row whose word in `ix` is the longest prefix of s; on a tie the
 * earlier row. skip(): rows the caller rules out. */
static const row *longest_row(const word_ix *ix, const char *s,
			      bool (*skip)(const row *, void *), void *arg, size_t *len_out)
{
	const row *best = NULL;
	size_t best_len = 0;
	unsigned char c = (unsigned char)upper(s[0]);
	for (size_t k = ix->start[c]; k < ix->start[c + 1]; k++) {
		const word_ref *r = &ix->v[k];
		if (r->len < best_len || !word_is_prefix(r->w, r->len, s))
			continue;
		if (r->len == best_len && best && best <= &rows[r->row])
			continue;
		if (skip && skip(&rows[r->row], arg))
			continue;
		best = &rows[r->row];
		best_len = r->len;
	}
	*len_out = best_len;
	return best;
}

typedef struct model_arg {
	const ip_device *dev;
	run_tok *tok;
} model_arg;

static bool needs_sw_and_lacks_it(const row *r, void *arg)
{
	const model_arg *a = arg;
	return (r->flags & F_NEEDS_SW) && !row_sw_matches(r, a->dev, a->tok);
}

static const row *by_model(const ip_device *dev, run_tok *tok)
{
	if (!dev->platform.s || !dev->platform.s[0])
		return NULL;
	call_once(&ix_once, ix_build_all);
	model_arg arg = { dev, tok };
	size_t len;
	return longest_row(&model_ix, dev->platform.s, needs_sw_and_lacks_it, &arg, &len);
}

static const row *by_software(const ip_device *dev)
{
	if (!dev->software_image.s || !dev->software_image.s[0])
		return NULL;
	call_once(&ix_once, ix_build_all);
	size_t len;
	return longest_row(&sw_ix, dev->software_image.s, NULL, NULL, &len);
}

/* The row whose tokens, or whose supervisor/RP images (narrow), name tok:
 * "s72033" is a 6500's Sup720 image even though the chassis row lists no
 * token of its own. */
static const row *by_token(const char *tok)
{
	for (size_t i = 0; i < N_ROWS && tok[0]; i++) {
		if (list_has(rows[i].tokens, tok, strlen(tok)))
			return &rows[i];
		for (size_t k = 0; k < 4 && rows[i].narrow[k]; k++)
			if (strcasecmp(rows[i].narrow[k], tok) == 0)
				return &rows[i];
	}
	return NULL;
}

/* Several rows share a software image or token (Cat3650 and Cat3850,
 * C9300 and C9500): the series is then not known from it. */
static bool shared(const row *r, bool software)
{
	for (size_t i = 0; i < N_ROWS; i++) {
		const row *o = &rows[i];
		if (o == r)
			continue;
		if (software && o->sw && r->sw && strcasecmp(o->sw, r->sw) == 0)
			return true;
		if (!software && o->tokens && r->tokens && strcasecmp(o->tokens, r->tokens) == 0)
			return true;
	}
	return false;
}

static void fill(ip_platform *out, const row *r, run_tok *rt, bool exact)
{
	const char *tok = r->narrow[0] ? tok_get(rt) : "";
	out->family = r->family;
	out->series = exact ? r->series : NULL;
	out->image_platforms = r->tokens;
	for (size_t i = 0; r->narrow[0] && i < 4 && r->narrow[i]; i++)
		if (tok[0] && strcasecmp(r->narrow[i], tok) == 0)
			out->image_platforms = r->narrow[i];
	out->normal_confreg = (r->flags & F_REG_102) ? 0x102 : families[r->family].confreg;
	out->has_normal_confreg = (r->flags & F_REG_UNSURE) == 0;
	out->confreg_line_optional = (r->flags & F_CAT9K) != 0;
	out->confreg_ignored = (r->flags & F_CAT9K) != 0;
	out->boot_from_bootvar = families[r->family].bootvar;
	out->has_install_mode = (r->flags & F_INSTALL) != 0;
	out->default_fs = r->fs;
	out->fs_aliases = r->aliases;
}

/* The weakest evidence: flash0: exists on classic IOS only on ISR G2
 * routers (and IOSv, which its software image names). */
static bool by_filesystem(ip_platform *out, const ip_device *dev)
{
	if (dev->os == IP_OS_IOSXE)
		return false;
	const ip_filesystem *fs = ip_device_filesystem_find(dev, "flash0:");
	if (!fs)
		return false;
	out->family = IP_FAMILY_ROUTER_CLASSIC;
	out->normal_confreg = families[out->family].confreg;
	out->has_normal_confreg = true;
	out->default_fs = "flash0:";
	out->fs_aliases = "flash0: flash:";
	out->evidence = fs->span;
	out->guess_basis = "a flash0: filesystem";
	return true;
}

void ip_platform_classify(ip_platform *out, const ip_device *dev)
{
	run_tok tok = { dev, false, "" };
	memset(out, 0, sizeof(*out));
	const row *r = by_model(dev, &tok);
	if (r) {
		fill(out, r, &tok, true);
		out->evidence = dev->platform.span;
		return;
	}
	const row *sw = by_software(dev);
	const row *img = by_token(tok_get(&tok));
	if (sw && !(sw->series == NULL && img && img->family == sw->family)) {
		fill(out, sw, &tok, !shared(sw, true));
		out->evidence = dev->software_image.span;
		out->guess_basis = "the software image";
	} else if (img) {
		fill(out, img, &tok, !shared(img, false));
		out->evidence = dev->system_image.span;
		out->guess_basis = "the running image's name";
	} else {
		by_filesystem(out, dev);
	}
	/* A model the table does not know: the weaker fact only guesses the
	 * family (a 2811 running c2800nm-..., an unknown Stratix running an
	 * IE image); the series stays unknown, and the guess is said. */
	if (dev->platform.s && out->family != IP_FAMILY_UNKNOWN) {
		out->guessed = true;
		out->series = NULL;
	}
	if (!out->guessed)
		out->guess_basis = NULL;
}

const char *ip_family_name(ip_family f)
{
	if ((size_t)f >= sizeof(families) / sizeof(families[0]))
		return "unknown";
	return families[f].name;
}

int ip_platform_image_fits(const ip_platform *p, const char *image_platform)
{
	if (!p || !p->image_platforms || !image_platform || !*image_platform)
		return -1;
	return list_has(p->image_platforms, image_platform, strlen(image_platform));
}
