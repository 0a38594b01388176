/* parsers/image_name.c: what a Cisco image file name says. Names come from
 * DOMAIN.md §3.2/§4/§6, the upgrade seed and the ntc captures. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "image_name.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

enum { BUNDLE = IP_IMAGE_BUNDLE, TAR = IP_IMAGE_TAR, PKG = IP_IMAGE_PACKAGE,
       PROV = IP_IMAGE_PROVISIONING };
enum { NONE = IP_VER_INVALID, CL = IP_VER_CLASSIC, XE = IP_VER_XE, SP = IP_VER_SPECIAL };

typedef struct name_case {
	const char *path;
	int kind;
	const char *platform, *feature, *format;
	bool is_xe, spa;
	int scheme;
	const char *version; /* normalised; "" for none */
	const char *iosd;    /* normalised IOSd version; "" for none */
} name_case;

static const name_case name_cases[] = {
	/* classic IOS, <platform>-<feature>-<format>.<MMm-R.TRAIN>.bin */
	{ "c2960-lanbasek9-mz.152-7.E9.bin", BUNDLE, "c2960", "lanbasek9", "mz", false, false, CL, "15.2(7)E9", "" },
	{ "c2960-lanbasek9-mz.152-7.E6.bin", BUNDLE, "c2960", "lanbasek9", "mz", false, false, CL, "15.2(7)E6", "" },
	{ "flash:c2960-lanbasek9-mz.152-7.E9.bin", BUNDLE, "c2960", "lanbasek9", "mz", false, false, CL, "15.2(7)E9", "" },
	{ "tftp://192.168.1.100/c2960-lanbasek9-mz.152-7.E9.bin", BUNDLE, "c2960", "lanbasek9", "mz", false, false, CL, "15.2(7)E9", "" },
	{ "c1900-universalk9-mz.SPA.151-4.M8.bin", BUNDLE, "c1900", "universalk9", "mz", false, true, CL, "15.1(4)M8", "" },
	{ "flash0:c1900-universalk9-mz.SPA.151-4.M8.bin", BUNDLE, "c1900", "universalk9", "mz", false, true, CL, "15.1(4)M8", "" },
	{ "c3900-universalk9-mz.SPA.150-1.M7.bin", BUNDLE, "c3900", "universalk9", "mz", false, true, CL, "15.0(1)M7", "" },
	{ "c2900-universalk9-mz.SPA.151-4.M4.bin", BUNDLE, "c2900", "universalk9", "mz", false, true, CL, "15.1(4)M4", "" },
	{ "c2900-universalk9-mz.SPA.154-3.M.bin", BUNDLE, "c2900", "universalk9", "mz", false, true, CL, "15.4(3)M", "" },
	{ "flash:c2960x-universalk9-mz.152-2.E7/c2960x-universalk9-mz.152-2.E7.bin", BUNDLE, "c2960x", "universalk9", "mz", false, false, CL, "15.2(2)E7", "" },
	{ "c3750e-universalk9-mz.152-2.E8.bin", BUNDLE, "c3750e", "universalk9", "mz", false, false, CL, "15.2(2)E8", "" },
	{ "flash:/c180x-advipservicesk9-mz.124-6.T2.bin", BUNDLE, "c180x", "advipservicesk9", "mz", false, false, CL, "12.4(6)T2", "" },
	{ "c2600-ipbase-mz.123-6f.bin", BUNDLE, "c2600", "ipbase", "mz", false, false, CL, "12.3(6f)", "" },
	{ "asr901-universalk9-mz.156-2.SP4.bin", BUNDLE, "asr901", "universalk9", "mz", false, false, CL, "15.6(2)SP4", "" },
	{ "c2800nm-advipservicesk9-mz.124-6.T.bin", BUNDLE, "c2800nm", "advipservicesk9", "mz", false, false, CL, "12.4(6)T", "" },
	{ "bootflash:cat4500e-entservicesk9-mz.122-54.SG1.bin", BUNDLE, "cat4500e", "entservicesk9", "mz", false, false, CL, "12.2(54)SG1", "" },
	{ "flash:c3750e-ipbasek9-mz.150-2.SE11.bin", BUNDLE, "c3750e", "ipbasek9", "mz", false, false, CL, "15.0(2)SE11", "" },
	{ "flash:/c3560-advipservicesk9-mz.122-44.SE.bin", BUNDLE, "c3560", "advipservicesk9", "mz", false, false, CL, "12.2(44)SE", "" },
	{ "c3560-ipbasek9-mz.150-2.SE9.bin", BUNDLE, "c3560", "ipbasek9", "mz", false, false, CL, "15.0(2)SE9", "" },
	{ "flash:c2960l-universalk9-mz.152-7.E2/c2960l-universalk9-mz.152-7.E2.bin", BUNDLE, "c2960l", "universalk9", "mz", false, false, CL, "15.2(7)E2", "" },
	{ "flash:/c3560cx-universalk9-mz.152-7.E4/c3560cx-universalk9-mz.152-7.E4.bin", BUNDLE, "c3560cx", "universalk9", "mz", false, false, CL, "15.2(7)E4", "" },
	{ "C2960-LANBASEK9-MZ.152-7.E9.BIN", BUNDLE, "c2960", "lanbasek9", "mz", false, false, CL, "15.2(7)E9", "" },
	/* classic, no extension */
	{ "c2960x-universalk9-mz.152-2.E7", BUNDLE, "c2960x", "universalk9", "mz", false, false, CL, "15.2(2)E7", "" },
	{ "c2600-i-mz.122-2.XA1", BUNDLE, "c2600", "i", "mz", false, false, CL, "12.2(2)XA1", "" },
	{ "flash:c2500-j-l.112-5.P", BUNDLE, "c2500", "j", "l", false, false, CL, "11.2(5)P", "" },
	{ "s72033-adventerprisek9_wan-mz.122-18.SXF7", BUNDLE, "s72033", "adventerprisek9_wan", "mz", false, false, CL, "12.2(18)SXF7", "" },
	{ "c3560-ipservicesk9-mz.122-58.SE1", BUNDLE, "c3560", "ipservicesk9", "mz", false, false, CL, "12.2(58)SE1", "" },
	{ "c3750-ipservices-mz.122-25.SEE", BUNDLE, "c3750", "ipservices", "mz", false, false, CL, "12.2(25)SEE", "" },
	{ "flash0:/vios-adventerprisek9-m", BUNDLE, "vios", "adventerprisek9", "m", false, false, NONE, "", "" },
	{ "flash0:/vios_l2-adventerprisek9-m", BUNDLE, "vios_l2", "adventerprisek9", "m", false, false, NONE, "", "" },
	/* IOS-XE 16/17 */
	{ "isr4300-universalk9.16.12.04.SPA.bin", BUNDLE, "isr4300", "universalk9", "", true, true, XE, "16.12.4", "" },
	{ "bootflash:isr4300-universalk9.16.09.06.SPA.bin", BUNDLE, "isr4300", "universalk9", "", true, true, XE, "16.9.6", "" },
	{ "isr4300-universalk9_npe.16.12.04.SPA.bin", BUNDLE, "isr4300", "universalk9_npe", "", true, true, XE, "16.12.4", "" },
	{ "cat9k_iosxe.17.09.04a.SPA.bin", BUNDLE, "cat9k", "iosxe", "", true, true, XE, "17.9.4a", "" },
	{ "cat9k_iosxe.16.12.08.SPA.bin", BUNDLE, "cat9k", "iosxe", "", true, true, XE, "16.12.8", "" },
	{ "flash:cat9k_iosxe.17.10.01.SPA.bin", BUNDLE, "cat9k", "iosxe", "", true, true, XE, "17.10.1", "" },
	{ "drec0:cat9k_lite_iosxe.17.09.01.SPA.bin", BUNDLE, "cat9k_lite", "iosxe", "", true, true, XE, "17.9.1", "" },
	{ "CAT9K_IOSXE.17.06.01.SPA.BIN", BUNDLE, "cat9k", "iosxe", "", true, true, XE, "17.6.1", "" },
	{ "cat3k_caa-universalk9.16.03.06.SPA.bin", BUNDLE, "cat3k_caa", "universalk9", "", true, true, XE, "16.3.6", "" },
	{ "C9800-CL-universalk9.17.07.01prd16.SPA.bin", BUNDLE, "c9800-cl", "universalk9", "", true, true, SP, "17.07.01prd16", "" },
	{ "C9800-80-universalk9_wlc.17.09.04a.SPA.bin", BUNDLE, "c9800-80", "universalk9_wlc", "", true, true, XE, "17.9.4a", "" },
	{ "asr1000rpx86-universalk9.16.09.05.SPA.bin", BUNDLE, "asr1000rpx86", "universalk9", "", true, true, XE, "16.9.5", "" },
	/* IOS-XE 3.x: XE version, then IOSd version */
	{ "bootflash:asr1001-universalk9.03.09.01.S.153-2.S1.bin", BUNDLE, "asr1001", "universalk9", "", true, false, XE, "3.9.1S", "15.3(2)S1" },
	{ "asr1001-universalk9.03.08.02.S.153-1.S2.bin", BUNDLE, "asr1001", "universalk9", "", true, false, XE, "3.8.2S", "15.3(1)S2" },
	{ "cat4500e-universalk9.SPA.03.04.06.SG.151-2.SG6.bin", BUNDLE, "cat4500e", "universalk9", "", true, true, XE, "3.4.6SG", "15.1(2)SG6" },
	{ "/bootflash/isr4300-universalk9.03.16.04b.S.155-3.S4b-ext.SPA.bin", BUNDLE, "isr4300", "universalk9", "", true, true, XE, "3.16.4bS", "15.5(3)S4b" },
	{ "cat3k_caa-universalk9.SPA.03.06.02a.E.152-2a.E2.bin", BUNDLE, "cat3k_caa", "universalk9", "", true, true, XE, "3.6.2aE", "15.2(2a)E2" },
	{ "cat3k_caa-universalk9.SPA.03.03.04.SE.150-1.EZ4.bin", BUNDLE, "cat3k_caa", "universalk9", "", true, true, XE, "3.3.4SE", "15.0(1)EZ4" },
	{ "cat3k_caa-universalk9.SPA.03.06.05.E.152-2.E5.bin", BUNDLE, "cat3k_caa", "universalk9", "", true, true, XE, "3.6.5E", "15.2(2)E5" },
	/* special (.SSA.) builds: a version with no order */
	{ "cat3k_caa-universalk9.SSA.03.09.19.EMP.150-9.19.EMP.bin", BUNDLE, "cat3k_caa", "universalk9", "", true, false, SP, "03.09.19.EMP.150-9.19.EMP", "" },
	{ "cat3k_caa-universalk9.2017-06-13_16.05_phkotamr.SSA.bin", BUNDLE, "cat3k_caa", "universalk9", "", false, false, SP, "2017-06-13_16.05_phkotamr", "" },
	{ "bootflash:c8000aep-universalk9.17.09.04.0.5115.SSA.bin", BUNDLE, "c8000aep", "universalk9", "", true, false, SP, "17.09.04.0.5115", "" },
	/* packages, provisioning files, tar archives */
	{ "csr1000v-mono-universalk9.03.14.01.S.155-1.S1-std.SPA.pkg", PKG, "csr1000v", "universalk9", "", true, true, XE, "3.14.1S", "15.5(1)S1" },
	{ "cat9k-rpbase.17.09.04a.SPA.pkg", PKG, "cat9k", "rpbase", "", true, true, XE, "17.9.4a", "" },
	{ "csr1000v-packages-universalk9.03.14.01.S.155-1.S1-std.conf", PROV, "csr1000v", "universalk9", "", true, false, XE, "3.14.1S", "15.5(1)S1" },
	{ "packages.conf", PROV, "", "", "", false, false, NONE, "", "" },
	{ "flash:packages.conf", PROV, "", "", "", false, false, NONE, "", "" },
	{ "bootflash:packages.conf", PROV, "", "", "", false, false, NONE, "", "" },
	{ "flash:cat9k_iosxe.17.09.04a.SPA.conf", PROV, "cat9k", "iosxe", "", true, true, XE, "17.9.4a", "" },
	{ "c2960x-universalk9-tar.152-7.E13.tar", TAR, "c2960x", "universalk9", "tar", false, false, CL, "15.2(7)E13", "" },
	/* a .bin is a bundle even when the name tells nothing else */
	{ "mybackup.bin", BUNDLE, "", "", "", false, false, NONE, "", "" },
	{ "c2960-lanbasek9-mz.152-7.E9.bak.bin", BUNDLE, "c2960", "lanbasek9", "mz", false, false, NONE, "", "" },
};

Test(image_name, name_table)
{
	for (size_t i = 0; i < N(name_cases); i++) {
		const name_case *c = &name_cases[i];
		ip_image_name n;
		char v[64], d[64];
		cr_assert(ip_image_name_parse(&n, c->path, strlen(c->path)), "parse %s", c->path);
		cr_expect_eq((int)n.kind, c->kind, "%s: kind %d", c->path, n.kind);
		cr_expect_str_eq(n.platform, c->platform, "%s: platform \"%s\"", c->path, n.platform);
		cr_expect_str_eq(n.feature, c->feature, "%s: feature \"%s\"", c->path, n.feature);
		cr_expect_str_eq(n.format, c->format, "%s: format \"%s\"", c->path, n.format);
		cr_expect_eq(n.is_xe, c->is_xe, "%s: is_xe %d", c->path, n.is_xe);
		cr_expect_eq(n.signed_spa, c->spa, "%s: signed_spa %d", c->path, n.signed_spa);
		cr_expect_eq((int)n.version.scheme, c->scheme, "%s: scheme %d", c->path, n.version.scheme);
		ip_version_normalise(&n.version, v, sizeof(v));
		ip_version_normalise(&n.iosd_version, d, sizeof(d));
		cr_expect_str_eq(v, c->version, "%s: version \"%s\"", c->path, v);
		cr_expect_str_eq(d, c->iosd, "%s: iosd \"%s\"", c->path, d);
		cr_expect_eq(ip_image_name_bootable(c->path), c->kind == BUNDLE, "%s: bootable", c->path);
	}
}

Test(image_name, version_raw_is_the_name_fragment)
{
	ip_image_name n;
	const char *p = "c1900-universalk9-mz.SPA.151-4.M8.bin";
	cr_assert(ip_image_name_parse(&n, p, strlen(p)));
	cr_expect_str_eq(n.version.raw, "151-4.M8");
	p = "isr4300-universalk9.03.16.04b.S.155-3.S4b-ext.SPA.bin";
	cr_assert(ip_image_name_parse(&n, p, strlen(p)));
	cr_expect_str_eq(n.version.raw, "03.16.04b.S");
	cr_expect_str_eq(n.iosd_version.raw, "155-3.S4b-ext");
	p = "isr4300-universalk9.16.12.04.SPA.bin";
	cr_assert(ip_image_name_parse(&n, p, strlen(p)));
	cr_expect_str_eq(n.version.raw, "16.12.04");
}

/* Special builds keep the numbers their names show, never an order. */
Test(image_name, special_build_numbers)
{
	ip_image_name n;
	const char *p = "cat3k_caa-universalk9.SSA.03.09.19.EMP.150-9.19.EMP.bin";
	cr_assert(ip_image_name_parse(&n, p, strlen(p)));
	cr_expect_eq(n.version.major, 3);
	cr_expect_eq(n.version.minor, 9);
	cr_expect_eq(n.version.release, 19);
	cr_expect_eq(n.iosd_version.scheme, IP_VER_INVALID);
	cr_expect_eq(ip_version_cmp(&n.version, &n.version), IP_VER_INCOMPARABLE);
	p = "cat3k_caa-universalk9.2017-06-13_16.05_phkotamr.SSA.bin";
	cr_assert(ip_image_name_parse(&n, p, strlen(p)));
	cr_expect_eq(n.version.major, -1);
	cr_expect_eq(n.version.release, -1);
}

static const char *const not_images[] = {
	"config.text", "flash:/config.text", "vlan.dat", "flash:vlan.dat", "private-config.text",
	"iosxe-remote-mgmt.03.14.01.S.155-1.S1-std.ova", "virtual-instance.conf",
	"crashinfo_RP_00_00_20200101-000000-UTC", "nvram:startup-config", "startup-config-20260305",
	"nvram:startup-config-20260305", "lost+found", ".super.iso.dir", ".CsrLxc_LastInstall",
	"core", "tracelogs.394", ".installer/", ".installer", ".prst_sync", ".rollback_timer",
	"flash:c2960x-universalk9-mz.152-2.E7/", "", "flash:", "flash:/", "/",
	"harddisk:test-image-PE1-13113029", "multiple-fs", "info", "html", "backup.tar",
	"c2960x-universalk9-tar152-7E13tar", "c2960x-universalk9-tar.152-7.E13", "pnp-tech-time",
	"c2960-lanbasek9-mz.152-7.E9.bin.md5", "c2960-lanbasek9-mz.152-7.E9.txt", ".bin",
	"bin", "conf", "tftp://10.1.1.1/", "c2960-lanbasek9-mz.junk", "c2960-lanbasek9-mz.16.12.04",
	"c2960 lanbasek9 mz.152-7.E9", "c2960-lanbasek9-zz.152-7.E9", "-lanbasek9-mz.152-7.E9",
	"c2960--mz.152-7.E9", "sea_log.dat", "throughput_monitor_params", "express_setup.debug",
	"dc_profile_dir", "memleak.tcl", "tracelogs", "license_evlog", "onep",
	"cat3k_caa-universalk9.SSA.03.07.05.E5.662.152-3.6.62.E5.txt",
};

Test(image_name, not_images)
{
	for (size_t i = 0; i < N(not_images); i++) {
		ip_image_name n;
		memset(&n, 0x5a, sizeof(n));
		cr_expect_not(ip_image_name_parse(&n, not_images[i], strlen(not_images[i])),
			      "accepted \"%s\" as kind %d", not_images[i], n.kind);
		cr_expect_eq(n.kind, IP_IMAGE_UNKNOWN, "\"%s\": out not cleared", not_images[i]);
		cr_expect_str_eq(n.platform, "");
		cr_expect_not(ip_image_name_bootable(not_images[i]), "bootable: \"%s\"", not_images[i]);
	}
	ip_image_name n;
	cr_expect_not(ip_image_name_parse(&n, NULL, 0));
	cr_expect_not(ip_image_name_bootable(NULL));
}

Test(image_name, bootable_only_bundles)
{
	cr_expect(ip_image_name_bootable("flash:c2960-lanbasek9-mz.152-7.E9.bin"));
	cr_expect(ip_image_name_bootable("flash0:/vios-adventerprisek9-m"));
	cr_expect(ip_image_name_bootable("flash:c2500-j-l.112-5.P"));
	cr_expect_not(ip_image_name_bootable("flash:packages.conf"));
	cr_expect_not(ip_image_name_bootable("csr1000v-mono-universalk9.03.14.01.S.155-1.S1-std.SPA.pkg"));
	cr_expect_not(ip_image_name_bootable("c2960x-universalk9-tar.152-7.E13.tar"));
	cr_expect_not(ip_image_name_bootable("flash:/config.text"));
}

/* Only the first len bytes are read, and only the last path element. */
Test(image_name, bounds)
{
	ip_image_name n;
	const char *p = "c2960-lanbasek9-mz.152-7.E9.binXYZ";
	cr_assert(ip_image_name_parse(&n, p, strlen(p) - 3));
	cr_expect_str_eq(n.version.raw, "152-7.E9");
	size_t len = strlen("isr4300-universalk9.16.12.04.SPA.bin");
	char *heap = malloc(len); /* no NUL */
	memcpy(heap, "isr4300-universalk9.16.12.04.SPA.bin", len);
	cr_expect(ip_image_name_parse(&n, heap, len));
	free(heap);

	size_t big = 1u << 20;
	char *s = malloc(big + 64);
	memset(s, 'a', big);
	strcpy(s + big, "/c2960-lanbasek9-mz.152-7.E9.bin");
	cr_expect(ip_image_name_parse(&n, s, strlen(s)), "long directory prefix is ignored");
	memset(s, 'a', big);
	strcpy(s + big, ".bin");
	cr_expect_not(ip_image_name_parse(&n, s, strlen(s)), "a 1 MiB name is not an image");
	free(s);

	char name[300];
	memset(name, 'c', sizeof(name));
	memcpy(name + sizeof(name) - 40, "-universalk9-mz.SPA.151-4.M8.bin", 32);
	cr_expect_not(ip_image_name_parse(&n, name, sizeof(name) - 8));
	/* a platform too long for its field is not read (no truncation) */
	const char *longp = "c2960aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-lanbasek9-mz.152-7.E9.bin";
	cr_expect(ip_image_name_parse(&n, longp, strlen(longp)));
	cr_expect_str_eq(n.platform, "");
}

/* The name and the running version agree (DOMAIN.md §6 pairs, the seed). */
typedef struct pair_case {
	const char *image, *shown;
	bool iosd; /* compare with the IOSd version in the name */
} pair_case;

static const pair_case pairs[] = {
	{ "c1900-universalk9-mz.SPA.151-4.M8.bin", "15.1(4)M8", false },
	{ "c3900-universalk9-mz.SPA.150-1.M7.bin", "15.0(1)M7", false },
	{ "c2960x-universalk9-mz.152-2.E7", "15.2(2)E7", false },
	{ "c3750e-universalk9-mz.152-2.E8.bin", "15.2(2)E8", false },
	{ "c180x-advipservicesk9-mz.124-6.T2.bin", "12.4(6)T2", false },
	{ "c2600-ipbase-mz.123-6f.bin", "12.3(6f)", false },
	{ "c2600-i-mz.122-2.XA1", "12.2(2)XA1", false },
	{ "c2500-j-l.112-5.P", "11.2(5)P", false },
	{ "s72033-adventerprisek9_wan-mz.122-18.SXF7", "12.2(18)SXF7", false },
	{ "asr901-universalk9-mz.156-2.SP4.bin", "15.6(2)SP4", false },
	{ "c2800nm-advipservicesk9-mz.124-6.T.bin", "12.4(6)T", false },
	{ "cat4500e-entservicesk9-mz.122-54.SG1.bin", "12.2(54)SG1", false },
	{ "c2960-lanbasek9-mz.152-7.E9.bin", "15.2(7)E9", false },
	{ "cat4500e-universalk9.SPA.03.04.06.SG.151-2.SG6.bin", "03.04.06.SG", false },
	{ "cat4500e-universalk9.SPA.03.04.06.SG.151-2.SG6.bin", "15.1(2)SG6", true },
	{ "asr1001-universalk9.03.09.01.S.153-2.S1.bin", "03.09.01.S", false },
	{ "asr1001-universalk9.03.09.01.S.153-2.S1.bin", "15.3(2)S1", true },
	{ "isr4300-universalk9.16.12.04.SPA.bin", "16.12.04", false },
	{ "isr4300-universalk9.16.12.04.SPA.bin", "16.12.4", false },
	{ "isr4300-universalk9.16.09.06.SPA.bin", "16.09.06", false },
	{ "isr4300-universalk9.16.09.06.SPA.bin", "16.9.6", false },
	{ "cat9k_iosxe.16.12.08.SPA.bin", "16.12.8", false },
	{ "cat9k_iosxe.17.09.04a.SPA.bin", "17.9.4a", false },
	{ "cat3k_caa-universalk9.SPA.03.06.05.E.152-2.E5.bin", "03.06.05E", false },
};

Test(image_name, agrees_with_show_version)
{
	for (size_t i = 0; i < N(pairs); i++) {
		ip_image_name n;
		ip_version v;
		cr_assert(ip_image_name_parse(&n, pairs[i].image, strlen(pairs[i].image)), "%s",
			  pairs[i].image);
		cr_assert(ip_version_parse(&v, pairs[i].shown, strlen(pairs[i].shown)), "%s",
			  pairs[i].shown);
		const ip_version *in = pairs[i].iosd ? &n.iosd_version : &n.version;
		cr_expect_eq(ip_version_cmp(in, &v), 0, "%s vs %s", pairs[i].image, pairs[i].shown);
		cr_expect_eq(n.is_xe, v.scheme == IP_VER_XE || pairs[i].iosd, "%s: is_xe", pairs[i].image);
	}
	/* and an upgrade reads as one */
	ip_image_name a, b;
	const char *old = "c2960-lanbasek9-mz.152-7.E6.bin", *new = "c2960-lanbasek9-mz.152-7.E9.bin";
	cr_assert(ip_image_name_parse(&a, old, strlen(old)) && ip_image_name_parse(&b, new, strlen(new)));
	cr_expect_eq(ip_version_cmp(&a.version, &b.version), -1);
	old = "isr4300-universalk9.16.09.06.SPA.bin";
	new = "isr4300-universalk9.16.12.04.SPA.bin";
	cr_assert(ip_image_name_parse(&a, old, strlen(old)) && ip_image_name_parse(&b, new, strlen(new)));
	cr_expect_eq(ip_version_cmp(&a.version, &b.version), -1);
}

/* Hostile input: nothing may crash; anything accepted is consistent. */
Test(image_name, fuzz_no_crash)
{
	static const char alpha[] = "abck9-_.0123456789SPAbinpkgconftarEMmz/:sxe";
	char s[96];
	unsigned seed = 777;
	size_t accepted = 0;
	for (int iter = 0; iter < 200000; iter++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % sizeof(s);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			s[i] = (iter & 1) ? alpha[r % (sizeof(alpha) - 1)] : (char)(r & 0xff);
		}
		ip_image_name n;
		if (!ip_image_name_parse(&n, s, len))
			continue;
		accepted++;
		cr_assert(n.kind >= IP_IMAGE_BUNDLE && n.kind <= IP_IMAGE_PROVISIONING);
		cr_assert(memchr(n.platform, '\0', sizeof(n.platform)));
		cr_assert(memchr(n.feature, '\0', sizeof(n.feature)));
		cr_assert(memchr(n.format, '\0', sizeof(n.format)));
		cr_assert(memchr(n.version.raw, '\0', sizeof(n.version.raw)));
		char v[64];
		ip_version_normalise(&n.version, v, sizeof(v));
		ip_version_normalise(&n.iosd_version, v, sizeof(v));
	}
	cr_log_info("fuzz: %zu accepted", accepted);
}

/* Mutations of the table names: near-misses must not crash either. */
Test(image_name, fuzz_mutations)
{
	static const char alpha[] = "0123456789.-_/:SPAbinEMk9";
	unsigned seed = 4242;
	size_t accepted = 0;
	for (int iter = 0; iter < 100000; iter++) {
		char s[128];
		seed = seed * 1103515245u + 12345u;
		const char *src = name_cases[(seed >> 16) % N(name_cases)].path;
		size_t len = strlen(src);
		memcpy(s, src, len);
		for (int e = 0; e < 1 + (int)((seed >> 8) % 3) && len; e++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % len;
			char c = alpha[(seed >> 20) % (sizeof(alpha) - 1)];
			if ((seed >> 28) % 3 == 0)
				s[at] = c;
			else if ((seed >> 28) % 3 == 1)
				memmove(s + at, s + at + 1, --len - at);
			else
				len = at;
		}
		ip_image_name n;
		if (!ip_image_name_parse(&n, s, len))
			continue;
		accepted++;
		cr_assert(n.kind >= IP_IMAGE_BUNDLE && n.kind <= IP_IMAGE_PROVISIONING);
		if (n.version.scheme == IP_VER_CLASSIC || n.version.scheme == IP_VER_XE)
			cr_assert_eq(ip_version_cmp(&n.version, &n.version), 0, "%.*s", (int)len, s);
	}
	cr_log_info("mutations: %zu accepted", accepted);
	cr_expect_gt(accepted, 1000);
}

/* The ntc captures: running images of show_version, names of dir and
 * BOOT paths of show_boot. Each known image name must parse to a version
 * that agrees with the capture's own `version:` when it shows one. */
static char *yml_value(char *line, const char *key)
{
	char *p = strstr(line, key);
	if (!p || !(p = strchr(p, '"')))
		return NULL;
	char *e = strchr(p + 1, '"');
	if (!e)
		return NULL;
	*e = '\0';
	return p + 1;
}

static FILE *corpus_open(const char *sub, const char *file)
{
	const char *root = test_corpus_dir();
	char path[1024];
	snprintf(path, sizeof(path), "%s/cisco_ios/%s/%s",
		 root ? root : "/nonexistent", sub, file);
	return fopen(path, "r");
}

static void check_show_version_yml(FILE *f, const char *file, int *checked)
{
	char line[512], image[256] = "", version[64] = "";
	while (fgets(line, sizeof(line), f)) {
		char *v;
		if ((v = yml_value(line, "running_image:")))
			snprintf(image, sizeof(image), "%s", v);
		else if (strstr(line, " version:") && (v = yml_value(line, " version:")))
			snprintf(version, sizeof(version), "%s", v);
	}
	if (!image[0])
		return;
	ip_image_name n;
	ip_version sv;
	cr_assert(ip_image_name_parse(&n, image, strlen(image)), "%s: %s", file, image);
	if (n.version.scheme == IP_VER_INVALID || !version[0])
		return;
	cr_assert(ip_version_parse(&sv, version, strlen(version)), "%s: %s", file, version);
	const ip_version *in = sv.scheme == IP_VER_CLASSIC && n.is_xe ? &n.iosd_version : &n.version;
	cr_expect_eq(ip_version_cmp(in, &sv), 0, "%s: %s vs %s", file, image, version);
	(*checked)++;
}

Test(image_name, corpus_show_version)
{
	const char *root = test_corpus_dir();
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/cisco_ios/show_version",
		 root ? root : "/nonexistent");
	DIR *d = opendir(dir);
	if (!d)
		cr_skip_test("corpus not found at %s", dir);
	struct dirent *e;
	int checked = 0;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".yml"))
			continue;
		FILE *f = corpus_open("show_version", e->d_name);
		cr_assert(f);
		check_show_version_yml(f, e->d_name, &checked);
		fclose(f);
	}
	closedir(d);
	cr_expect_geq(checked, 3, "only %d image/version pairs checked", checked);
}

typedef struct corpus_name {
	const char *name;
	bool image;
	int kind;
} corpus_name;

/* Every name in cisco_ios_dir.raw, with what it is. */
static const corpus_name dir_names[] = {
	{ "lost+found", false, 0 },
	{ ".super.iso.dir", false, 0 },
	{ ".CsrLxc_LastInstall", false, 0 },
	{ "virtual-instance.conf", false, 0 },
	{ "core", false, 0 },
	{ "iosxe-remote-mgmt.03.14.01.S.155-1.S1-std.ova", false, 0 },
	{ "csr1000v-mono-universalk9.03.14.01.S.155-1.S1-std.SPA.pkg", true, PKG },
	{ "csr1000v-packages-universalk9.03.14.01.S.155-1.S1-std.conf", true, PROV },
	{ "packages.conf", true, PROV },
	{ ".prst_sync", false, 0 },
	{ ".rollback_timer", false, 0 },
	{ "tracelogs.394", false, 0 },
};

Test(image_name, corpus_dir_names)
{
	FILE *f = corpus_open("dir", "cisco_ios_dir.yml");
	if (!f)
		cr_skip_test("corpus not found");
	char line[512];
	int seen = 0;
	while (fgets(line, sizeof(line), f)) {
		char *v = strstr(line, " name:") ? yml_value(line, " name:") : NULL;
		if (!v)
			continue;
		size_t i = 0;
		while (i < N(dir_names) && strcmp(dir_names[i].name, v))
			i++;
		cr_assert(i < N(dir_names), "name %s not in the table", v);
		ip_image_name n;
		bool ok = ip_image_name_parse(&n, v, strlen(v));
		cr_expect_eq(ok, dir_names[i].image, "%s", v);
		if (ok)
			cr_expect_eq((int)n.kind, dir_names[i].kind, "%s", v);
		seen++;
	}
	fclose(f);
	cr_expect_eq(seen, (int)N(dir_names));
}

Test(image_name, corpus_boot_paths)
{
	static const char *const files[] = {
		"cisco_ios_show_boot.yml", "cisco_ios_show_boot2.yml",
		"cisco_ios_show_boot_gibraltar.yml", "cisco_ios_show_boot_optimization.yml",
	};
	int seen = 0;
	for (size_t i = 0; i < N(files); i++) {
		FILE *f = corpus_open("show_boot", files[i]);
		if (!f)
			cr_skip_test("corpus not found");
		char line[512];
		while (fgets(line, sizeof(line), f)) {
			char *v = yml_value(line, "boot_path:");
			if (!v || !v[0])
				continue;
			ip_image_name n;
			cr_expect(ip_image_name_parse(&n, v, strlen(v)), "%s: %s", files[i], v);
			cr_expect(n.kind == IP_IMAGE_BUNDLE || n.kind == IP_IMAGE_PROVISIONING, "%s", v);
			seen++;
		}
		fclose(f);
	}
	cr_expect_geq(seen, 3);
}
