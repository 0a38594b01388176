/* ip_platform_classify / ip_platform_image_fits: models to families and
 * image platform tokens, the fallbacks from the software image, the image
 * name and the filesystems, and the evidence span. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "parsers.h"
#include "platform.h"

typedef struct plat_case {
	const char *model, *software, *image; /* facts set on the device */
	ip_family family;
	const char *series, *tokens, *fs;
	int confreg;          /* -1: no normal value */
	bool bootvar, install, cat9k;
	uint32_t evidence;    /* line of the deciding fact: 1 model, 2 software, 3 image */
	bool guessed;         /* the model is not in the table: the family is a guess */
} plat_case;

#define R_XE IP_FAMILY_ROUTER_XE
#define R_CL IP_FAMILY_ROUTER_CLASSIC
#define S_CL IP_FAMILY_SWITCH_CLASSIC
#define S_XE IP_FAMILY_SWITCH_XE
#define S_45 IP_FAMILY_SWITCH_CAT4500
#define VIRT IP_FAMILY_VIRTUAL
#define UNK IP_FAMILY_UNKNOWN

static const plat_case cases[] = {
	/* by model */
	{ "ISR4321/K9", NULL, NULL, R_XE, "ISR4300", "isr4300", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ISR4331/K9", NULL, NULL, R_XE, "ISR4300", "isr4300", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ISR4351/K9", NULL, NULL, R_XE, "ISR4300", "isr4300", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ISR4451-X/K9", NULL, NULL, R_XE, "ISR4400", "isr4400", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ISR4431/K9", NULL, NULL, R_XE, "ISR4400", "isr4400", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ISR4221/K9", NULL, NULL, R_XE, "ISR4200", "isr4200", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ASR1001-X", NULL, NULL, R_XE, "ASR1001-X", "asr1001x", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ASR1001", NULL, NULL, R_XE, "ASR1001", "asr1001", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ASR1002-X", NULL, NULL, R_XE, "ASR1002-X", "asr1002x", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ASR1006", NULL, "bootflash:asr1000rp2-adventerprisek9.03.16.04b.S.155-3.S4b-ext.bin",
	  R_XE, "ASR1000", "asr1000rp2", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ASR1006", NULL, "harddisk:test-image-PE1-13113029",
	  R_XE, "ASR1000", NULL, "bootflash:", 0x2102, false, true, false, 1, false },
	{ "CSR1000V", NULL, NULL, R_XE, "CSR1000V", "csr1000v", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "C8000V", NULL, NULL, R_XE, "C8000V", "c8000v", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "CISCO2911/K9", NULL, NULL, R_CL, "C2900", "c2900", "flash0:", 0x2102, false, false, false, 1, false },
	{ "CISCO1941/K9", NULL, NULL, R_CL, "C1900", "c1900", "flash0:", 0x2102, false, false, false, 1, false },
	{ "CISCO3945-CHASSIS", NULL, NULL, R_CL, "C3900", "c3900", "flash0:", 0x2102, false, false, false, 1, false },
	{ "1801", NULL, NULL, R_CL, "C180X", "c180x", "flash:", 0x2102, false, false, false, 1, false },
	/* ISR 800 / 900 (issue 23's real corpus): by model, by software
	 * image, and never catching a Catalyst 8000 / 9000 model */
	{ "C881-K9", NULL, NULL, R_CL, "C800", "c800", "flash:", 0x2102, false, false, false, 1, false },
	{ "C897VA-K9", NULL, NULL, R_CL, "C800", "c800", "flash:", 0x2102, false, false, false, 1, false },
	{ "C921-4P", NULL, NULL, R_CL, "C900", "c900", "flash:", 0x2102, false, false, false, 1, false },
	{ "C931-4P", NULL, NULL, R_CL, "C900", "c900", "flash:", 0x2102, false, false, false, 1, false },
	{ "C8200-1N-4T", NULL, NULL, R_XE, "C8200", "c8000be", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "WS-C2960-24TT-L", NULL, NULL, S_CL, "C2960", "c2960", "flash:", 0xF, true, false, false, 1, false },
	{ "WS-C2960+24TC-L", NULL, NULL, S_CL, "C2960", "c2960", "flash:", 0xF, true, false, false, 1, false },
	{ "WS-C2960X-48FPD-L", NULL, NULL, S_CL, "C2960X", "c2960x", "flash:", 0xF, true, false, false, 1, false },
	{ "WS-C2960L-24TS-LL", NULL, NULL, S_CL, "C2960L", "c2960l", "flash:", 0xF, true, false, false, 1, false },
	{ "WS-C3560CX-8PC-S", NULL, NULL, S_CL, "C3560CX", "c3560cx", "flash:", 0xF, true, false, false, 1, false },
	{ "WS-C3750X-48P", NULL, NULL, S_CL, "C3750E", "c3750e", "flash:", 0xF, true, false, false, 1, false },
	{ "WS-C3750E-24TD", NULL, NULL, S_CL, "C3750E", "c3750e", "flash:", 0xF, true, false, false, 1, false },
	{ "IE-4000-8GT4G-E", NULL, NULL, S_CL, "IE4000", "ie4000", "flash:", 0xF, true, false, false, 1, false },
	{ "WS-C3850-48U", NULL, NULL, S_XE, "C3850", "cat3k_caa", "flash:", 0x102, true, true, false, 1, false },
	{ "C9300-48P", NULL, NULL, S_XE, "C9300", "cat9k", "flash:", 0x102, true, true, true, 1, false },
	{ "C9500-40X", NULL, NULL, S_XE, "C9500", "cat9k", "flash:", 0x102, true, true, true, 1, false },
	{ "C9200L-24P-4G", NULL, NULL, S_XE, "C9200", "cat9k_lite", "flash:", 0x102, true, true, true, 1, false },
	{ "IE-3400-8P2S", NULL, NULL, S_XE, "IE3X00", "ie3x00", "flash:", 0x102, true, false, false, 1, false },
	{ "IE-3105-18T2C", NULL, NULL, S_XE, "IE3100", NULL, "flash:", 0x102, true, false, false, 1, false },
	{ "WS-C4948E", NULL, NULL, S_45, "C4948E", "cat4500e", "bootflash:", 0x2102, false, false, false, 1, false },
	{ "WS-C4507R+E", "cat4500es8-UNIVERSALK9-M", "bootflash:cat4500es8-universalk9.SPA.03.08.06.E.152-4.E6.bin",
	  S_45, "C4500", "cat4500es8", "bootflash:", 0x2102, false, false, false, 1, false },
	{ "WS-C4507R+E", NULL, NULL, S_45, "C4500", NULL, "bootflash:", 0x2102, false, false, false, 1, false },
	{ "IOSv", "VIOS-ADVENTERPRISEK9-M", "flash0:/vios-adventerprisek9-m",
	  VIRT, "IOSv", "vios", "flash0:", 0x0, false, false, false, 1, false },
	{ "IOSv", "vios_l2-ADVENTERPRISEK9-M", "flash0:/vios_l2-adventerprisek9-m",
	  VIRT, "vIOS-L2", "vios_l2", "flash0:", 0x0, false, false, false, 1, false },
	/* by the software image when the model is not known */
	{ NULL, "IE31xx-UNIVERSALK9-M", NULL, S_XE, "IE3100", NULL, "flash:", 0x102, true, false, false, 2, false },
	{ NULL, "C900-UNIVERSALK9-M", NULL, R_CL, "C900", "c900", "flash:", 0x2102, false, false, false, 2, false },
	{ NULL, "C800-UNIVERSALK9-M", NULL, R_CL, "C800", "c800", "flash:", 0x2102, false, false, false, 2, false },
	{ NULL, "C2960X-UNIVERSALK9-M", NULL, S_CL, "C2960X", "c2960x", "flash:", 0xF, true, false, false, 2, false },
	{ NULL, "CAT9K_IOSXE", NULL, S_XE, NULL, "cat9k", "flash:", 0x102, true, true, true, 2, false },
	{ NULL, "CAT3K_CAA-UNIVERSALK9-M", NULL, S_XE, NULL, "cat3k_caa", "flash:", 0x102, true, true, false, 2, false },
	{ NULL, "cat4500e-ENTSERVICESK9-M", NULL, S_45, "C4948E", "cat4500e", "bootflash:", 0x2102, false, false, false, 2, false },
	{ NULL, "VIOS-ADVENTERPRISEK9-M", NULL, VIRT, "IOSv", "vios", "flash0:", 0x0, false, false, false, 2, false },
	{ NULL, "vios_l2-ADVENTERPRISEK9-M", NULL, VIRT, "vIOS-L2", "vios_l2", "flash0:", 0x0, false, false, false, 2, false },
	{ NULL, "X86_64_LINUX_IOSD-UNIVERSALK9-M", NULL, R_XE, NULL, NULL, "bootflash:", 0x2102, false, true, false, 2, false },
	/* the generic IOS-XE router, made specific by the image name */
	{ NULL, "X86_64_LINUX_IOSD-UNIVERSALK9-M", "bootflash:isr4300-universalk9.16.09.06.SPA.bin",
	  R_XE, "ISR4300", "isr4300", "bootflash:", 0x2102, false, true, false, 3, false },
	/* by the image name alone */
	{ NULL, NULL, "flash:c2960-lanbasek9-mz.152-7.E9.bin", S_CL, "C2960", "c2960", "flash:", 0xF, true, false, false, 3, false },
	{ NULL, NULL, "bootflash:asr1001x-universalk9.17.03.06.SPA.bin", R_XE, "ASR1001-X", "asr1001x", "bootflash:", 0x2102, false, true, false, 3, false },
	{ NULL, NULL, "flash:cat9k_iosxe.17.09.04a.SPA.bin", S_XE, NULL, "cat9k", "flash:", 0x102, true, true, true, 3, false },
	/* unknown */
	{ NULL, NULL, NULL, UNK, NULL, NULL, NULL, -1, false, false, false, 0, false },
	{ NULL, NULL, "flash:packages.conf", UNK, NULL, NULL, NULL, -1, false, false, false, 0, false },
	/* Catalyst 6500 (issue 20, point 16): a classic router's boot; the image
	 * family is the supervisor's, read from the running image when known */
	{ "WS-C6509-E", "S72033_RP-ADVENTERPRISEK9_WAN-M", NULL, R_CL, "C6500", NULL, NULL, 0x2102, false, false, false, 1, false },
	{ "WS-C6503-E", NULL, "disk0:s72033-adventerprisek9_wan-mz.122-18.SXF7", R_CL, "C6500", "s72033", NULL, 0x2102, false, false, false, 1, false },
	{ "WS-C6509-E", NULL, "bootdisk:s2t54-adventerprisek9-mz.SPA.151-1.SY.bin", R_CL, "C6500", "s2t54", NULL, 0x2102, false, false, false, 1, false },
	/* a model the table does not know: the family is guessed from the
	 * weaker facts (issue 23, point 4), the series stays unknown */
	{ "N9K-C93180YC-EX", "C2960X-UNIVERSALK9-M", NULL, S_CL, NULL, "c2960x", "flash:", 0xF, true, false, false, 2, true },
	{ "2899", NULL, "flash:c2800nm-advipservicesk9-mz.151-4.M12a.bin", R_CL, NULL, "c2800nm", "flash:", 0x2102, false, false, false, 3, true },
	{ "7299VXR", "C7200-ADVENTERPRISEK9-M", NULL, R_CL, NULL, "c7200", NULL, 0x2102, false, false, false, 2, true },
	{ "C6899-XL", NULL, "disk0:s72033-adventerprisek9_wan-mz.122-33.SXJ10.bin", R_CL, NULL, "s72033", NULL, 0x2102, false, false, false, 3, true },
	{ "WS-C4599R+E", NULL, "bootflash:cat4500e-universalk9.SPA.03.11.03a.E.152-7.E3a.bin", S_45, NULL, "cat4500e", "bootflash:", 0x2102, false, false, false, 3, true },
	{ "ASR-999", NULL, "bootflash:asr920-universalk9_npe.16.09.05f.SPA.bin", R_XE, NULL, "asr920", "bootflash:", 0x2102, false, true, false, 3, true },
	{ "C9899-40-K9", NULL, "bootflash:C9800-CL-universalk9.17.07.01prd16.SPA.bin", R_XE, NULL, "c9800-cl", "bootflash:", 0x102, false, true, false, 3, true },
	{ "1783-ZZZ10", NULL, "flash:s5200-universalk9.17.10.01.SPA.bin", S_XE, NULL, "s5200", "flash:", 0x102, true, false, false, 3, true },
	/* an unknown model with nothing weaker: unknown, not guessed */
	{ "N9K-C93180YC-EX", NULL, NULL, UNK, NULL, NULL, NULL, -1, false, false, false, 0, false },
	/* issue 23, point 4: the platforms the real-device corpus lacked */
	{ "2811", NULL, NULL, R_CL, "C2800", "c2800nm", "flash:", 0x2102, false, false, false, 1, false },
	{ "2851", NULL, NULL, R_CL, "C2800", "c2800nm", "flash:", 0x2102, false, false, false, 1, false },
	{ "2801", NULL, NULL, R_CL, "C2801", "c2801", "flash:", 0x2102, false, false, false, 1, false },
	{ "3845", NULL, NULL, R_CL, "C3845", "c3845", "flash:", 0x2102, false, false, false, 1, false },
	{ "1812", NULL, NULL, R_CL, "C181X", "c181x", "flash:", 0x2102, false, false, false, 1, false },
	{ "7206VXR", NULL, NULL, R_CL, "C7200", "c7200", NULL, 0x2102, false, false, false, 1, false },
	/* a debug image whose name carries no platform token: no image family */
	{ "CISCO7606", NULL, "disk0:s72033-adventerprisek9_dbg-mz.154-0.10.S-ipcore-ssr-uut2",
	  R_CL, "C7600", NULL, NULL, 0x2102, false, false, false, 1, false },
	{ "CISCO7606", NULL, "disk0:s72033-adventerprisek9_wan-mz.122-33.SXJ10.bin",
	  R_CL, "C7600", "s72033", NULL, 0x2102, false, false, false, 1, false },
	{ "CISCO7609-S", NULL, "bootdisk:c7600s3223-ipservices-mz.122-33.SRC6.bin",
	  R_CL, "C7600", "c7600s3223", NULL, 0x2102, false, false, false, 1, false },
	{ "WS-C4510R+E", NULL, "bootflash:cat4500e-universalk9.SPA.03.11.03a.E.152-7.E3a.bin",
	  S_45, "C4500", "cat4500e", "bootflash:", 0x2102, false, false, false, 1, false },
	{ "ASR-903", NULL, "bootflash:asr900rsp3-universalk9.16.09.01a.SPA.bin",
	  R_XE, "ASR900", "asr900rsp3", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ASR-903", NULL, NULL, R_XE, "ASR900", NULL, "bootflash:", 0x2102, false, true, false, 1, false },
	{ "ASR-920-12CZ-A", NULL, NULL, R_XE, "ASR920", "asr920", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "A901-6CZ-FT-D", NULL, NULL, R_CL, "ASR901", "asr901", "flash:", 0x2102, false, false, false, 1, false },
	{ "C9800-CL", "C9800-CL-K9_IOSXE", NULL, R_XE, "C9800-CL", "c9800-cl", "bootflash:", 0x102, false, true, false, 1, false },
	{ "C9800-40-K9", NULL, NULL, R_XE, "C9800", "c9800 c9800-40 c9800-80 c9800-l", "bootflash:", -1, false, true, false, 1, false },
	{ "C1111-4P", NULL, NULL, R_XE, "ISR1100", "c1100", "bootflash:", 0x2102, false, true, false, 1, false },
	{ "IE-3300-8T2S", NULL, NULL, S_XE, "IE3X00", "ie3x00", "flash:", 0x102, true, false, false, 1, false },
	{ "1783-CMS20DN", NULL, NULL, S_XE, "Stratix5200", "s5200", "flash:", 0x102, true, false, false, 1, false },
	{ NULL, NULL, "flash:s5200-universalk9.17.10.01.SPA.bin", S_XE, "Stratix5200", "s5200", "flash:", 0x102, true, false, false, 3, false },
};

IP_TABLE_PARAMS(platform, classify, cases)

static void expect_str(const char *what, const char *got, const char *want)
{
	if (!want)
		cr_expect_null(got, "%s: expected none, got '%s'", what, got);
	else
		cr_expect(got && strcmp(got, want) == 0, "%s: expected '%s', got '%s'",
			  what, want, got ? got : "(null)");
}

static ip_span fake_span(uint32_t line)
{
	ip_span s = { "t.txt", line, 5, line, 9 };
	return s;
}

ParameterizedTest(size_t *row, platform, classify)
{
	const plat_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	dev->platform.s = c->model;
	dev->platform.span = fake_span(1);
	dev->software_image.s = c->software;
	dev->software_image.span = fake_span(2);
	if (c->image) {
		ip_path_split(&dev->system_image, a, c->image, strlen(c->image));
		dev->system_image.span = fake_span(3);
	}
	ip_platform p;
	ip_platform_classify(&p, dev);
	const char *who = c->model ? c->model : c->software ? c->software : c->image;
	cr_expect_eq(p.family, c->family, "%s: family %s, expected %s", who,
		     ip_family_name(p.family), ip_family_name(c->family));
	expect_str("series", p.series, c->series);
	expect_str("image_platforms", p.image_platforms, c->tokens);
	expect_str("default_fs", p.default_fs, c->fs);
	cr_expect_eq(p.has_normal_confreg, c->confreg >= 0, "%s: has_normal_confreg", who);
	if (c->confreg >= 0)
		cr_expect_eq(p.normal_confreg, (uint32_t)c->confreg, "%s: normal 0x%X", who,
			     p.normal_confreg);
	cr_expect_eq(p.boot_from_bootvar, c->bootvar, "%s: boot_from_bootvar", who);
	cr_expect_eq(p.has_install_mode, c->install, "%s: has_install_mode", who);
	cr_expect_eq(p.confreg_ignored, c->cat9k, "%s: confreg_ignored", who);
	cr_expect_eq(p.confreg_line_optional, c->cat9k, "%s: confreg_line_optional", who);
	/* the evidence is the strongest fact that decided */
	cr_expect_eq(p.evidence.line, c->evidence, "%s: evidence line %u, expected %u",
		     who, p.evidence.line, c->evidence);
	cr_expect_eq(p.guessed, c->guessed, "%s: guessed %d", who, p.guessed);
	cr_expect_eq(p.guess_basis != NULL, c->guessed, "%s: guess_basis", who);
	ip_arena_free(a);
}

/* The evidence span comes from the capture: the model on the processor line. */
Test(platform, evidence_from_show_version)
{
	ip_device_set *set = test_load_text("t.txt",
		"R1#show version\n"
		"Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\n"
		"R1 uptime is 2 weeks, 2 days, 18 hours, 23 minutes\n"
		"System image file is \"flash0:c1900-universalk9-mz.SPA.151-4.M8.bin\"\n"
		"Cisco CISCO1941/K9 (revision 1.0) with 491520K/32768K bytes of memory.\n"
		"Configuration register is 0x2102\n");
	cr_assert_eq(set->n, 1);
	ip_platform p;
	ip_platform_classify(&p, set->v[0]);
	cr_expect_eq(p.family, IP_FAMILY_ROUTER_CLASSIC);
	cr_expect_eq(p.evidence.line, 5);
	cr_expect_eq(p.evidence.col, 7);
	cr_expect_eq(p.evidence.end_col, 19);
	cr_expect_str_eq(p.fs_aliases, "flash0: flash:");
	ip_device_set_free(set);
}

/* Without a model, the software image decides, and its span is the evidence. */
Test(platform, evidence_from_software_image)
{
	ip_device_set *set = test_load_text("t.txt",
		"SW1#show version | include Software\n"
		"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(2)E7, RELEASE SOFTWARE (fc3)\n");
	cr_assert_eq(set->n, 1);
	ip_platform p;
	ip_platform_classify(&p, set->v[0]);
	cr_expect_eq(p.family, IP_FAMILY_SWITCH_CLASSIC);
	cr_expect_str_eq(p.series, "C2960X");
	cr_expect_eq(p.evidence.line, 2);
	cr_expect_eq(p.evidence.col, 38);
	ip_device_set_free(set);
}

/* Weakest: a flash0: listing on classic IOS is an ISR G2 router. */
Test(platform, fallback_from_filesystem)
{
	ip_device_set *set = test_load_text("t.txt",
		"R2#show flash0:\n"
		"-#- --length-- -----date/time------ path\n"
		"1     74503236 Dec 30 2024 00:01:42 +09:00 c1900-universalk9-mz.SPA.151-4.M8.bin\n"
		"\n"
		"181514240 bytes available (74444800 bytes used)\n");
	cr_assert_eq(set->n, 1);
	ip_platform p;
	ip_platform_classify(&p, set->v[0]);
	cr_expect_eq(p.family, IP_FAMILY_ROUTER_CLASSIC);
	cr_expect_null(p.series);
	cr_expect_null(p.image_platforms);
	cr_expect_str_eq(p.default_fs, "flash0:");
	cr_expect_neq(p.evidence.line, 0);
	ip_device_set_free(set);
}

typedef struct fit_case {
	const char *model;
	const char *token;
	int fits;
} fit_case;

static const fit_case fits[] = {
	{ "ISR4321/K9", "isr4300", 1 },
	{ "ISR4321/K9", "ISR4300", 1 },
	{ "ISR4321/K9", "isr4400", 0 },
	{ "WS-C2960-24TT-L", "c2960x", 0 },
	{ "WS-C2960X-48FPD-L", "c2960x", 1 },
	{ "C9300-48P", "cat9k", 1 },
	{ "C9300-48P", "cat9k_lite", 0 },
	{ "C9200L-24P-4G", "cat9k_lite", 1 },
	{ "WS-C4507R+E", "cat4500es8", -1 }, /* supervisor not known */
	{ "ASR1001-HX", "asr1001x", -1 },
	{ "WS-C6509-E", "s72033", -1 }, /* the supervisor is not known */
	{ "ISR4321/K9", "", -1 },
};

IP_TABLE_PARAMS(platform, image_fits, fits)

ParameterizedTest(size_t *row, platform, image_fits)
{
	const fit_case *c = &fits[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	dev->platform.s = c->model;
	ip_platform p;
	ip_platform_classify(&p, dev);
	cr_expect_eq(ip_platform_image_fits(&p, c->token), c->fits, "%s / %s: %d",
		     c->model, c->token, ip_platform_image_fits(&p, c->token));
	ip_arena_free(a);
}

Test(platform, family_names)
{
	cr_expect_str_eq(ip_family_name(IP_FAMILY_UNKNOWN), "unknown");
	cr_expect_str_eq(ip_family_name(IP_FAMILY_ROUTER_CLASSIC), "router-classic");
	cr_expect_str_eq(ip_family_name(IP_FAMILY_ROUTER_XE), "router-xe");
	cr_expect_str_eq(ip_family_name(IP_FAMILY_SWITCH_CLASSIC), "switch-classic");
	cr_expect_str_eq(ip_family_name(IP_FAMILY_SWITCH_CAT4500), "switch-cat4500");
	cr_expect_str_eq(ip_family_name(IP_FAMILY_SWITCH_XE), "switch-xe");
	cr_expect_str_eq(ip_family_name(IP_FAMILY_VIRTUAL), "virtual");
	cr_expect_str_eq(ip_family_name((ip_family)99), "unknown");
}
