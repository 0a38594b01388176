/* Issue 23, point 4: the platforms the real-device corpus lacked, read
 * end to end (show version, a listing, the startup-config's boot list)
 * to a known next boot, and a model the table does not know to a family
 * guessed from the image, said in the boot trace.
 *
 * The captures are written here in the forms real devices print (the
 * sources are cited per row in parsers/platform.c); each case varies the
 * processor line, the software image, the image's filesystem and name. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "boot_sim.h"
#include "engine.h"
#include "helpers.h"
#include "platform.h"

typedef struct pb_case {
	const char *proc;     /* the processor line, without "... bytes of memory." */
	const char *software; /* "(C2800NM-ADVIPSERVICESK9-M), Version 15.1(4)M12a" */
	const char *fs;       /* "flash:" */
	const char *image;    /* "c2800nm-advipservicesk9-mz.151-4.M12a.bin" */
	const char *reg;      /* "0x2102" */
	ip_family family;
	const char *series;   /* NULL: unknown (guessed) */
	bool guessed;
} pb_case;

#define R_CL IP_FAMILY_ROUTER_CLASSIC
#define R_XE IP_FAMILY_ROUTER_XE
#define S_XE IP_FAMILY_SWITCH_XE
#define S_45 IP_FAMILY_SWITCH_CAT4500

static const pb_case cases[] = {
	{ "Cisco 2811 (revision 53.51) with 249856K/12288K",
	  "2800 Software (C2800NM-ADVIPSERVICESK9-M), Version 15.1(4)M12a",
	  "flash:", "c2800nm-advipservicesk9-mz.151-4.M12a.bin", "0x2102", R_CL, "C2800", false },
	{ "Cisco 3845 (revision 1.0) with 1007616K/40960K",
	  "3800 Software (C3845-ADVENTERPRISEK9-M), Version 15.1(4)M10",
	  "flash:", "c3845-adventerprisek9-mz.151-4.M10.bin", "0x2102", R_CL, "C3845", false },
	{ "Cisco 7206VXR (NPE-G1) processor (revision B) with 983040K/65536K",
	  "7200 Software (C7200-ADVENTERPRISEK9-M), Version 15.2(4)M11",
	  "disk0:", "c7200-adventerprisek9-mz.152-4.M11.bin", "0x2102", R_CL, "C7200", false },
	{ "cisco CISCO7606 (R7000) processor (revision 1.0) with 983008K/65536K",
	  "s72033_rp Software (s72033_rp-ADVENTERPRISEK9_WAN-M), Version 15.1(2)SY",
	  "disk0:", "s72033-adventerprisek9_wan-mz.151-2.SY.bin", "0x2102", R_CL, "C7600", false },
	{ "cisco WS-C6509-E (M8572) processor (revision ) with 1785856K/262144K",
	  "s2t54 Software (s2t54-ADVENTERPRISEK9-M), Version 15.1(1)SY",
	  "bootdisk:", "s2t54-adventerprisek9-mz.SPA.151-1.SY.bin", "0x2102", R_CL, "C6500", false },
	{ "cisco WS-C4510R+E (MPC8572) processor (revision 10) with 2097152K",
	  "IOS-XE Software, Catalyst 4500 L3 Switch  Software (cat4500e-UNIVERSALK9-M), Version 03.11.03a.E",
	  "bootflash:", "cat4500e-universalk9.SPA.03.11.03a.E.152-7.E3a.bin", "0x2102", S_45, "C4500", false },
	{ "cisco ASR-903 (RSP3_400) processor (revision RSP3_400) with 1953664K/6147K",
	  "ASR900 Software (PPC_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.1a",
	  "bootflash:", "asr900rsp3-universalk9.16.09.01a.SPA.bin", "0x2102", R_XE, "ASR900", false },
	{ "cisco ASR-920-12CZ-A (Freescale P2020) processor (revision 1.0 GHz) with 910182K/6147K",
	  "ASR920 Software (PPC_LINUX_IOSD-UNIVERSALK9_NPE-M), Version 16.9.5f",
	  "bootflash:", "asr920-universalk9_npe.16.09.05f.SPA.bin", "0x2102", R_XE, "ASR920", false },
	{ "Cisco A901-6CZ-FT-D (P2020) processor (revision 1.0) with 393216K/131072K",
	  "901 Software (ASR901-UNIVERSALK9-M), Version 15.6(2)SP4",
	  "flash:", "asr901-universalk9-mz.156-2.SP4.bin", "0x2102", R_CL, "ASR901", false },
	{ "cisco C9800-CL (VXE) processor (revision VXE) with 12293240K/3075K",
	  "C9800-CL Software (C9800-CL-K9_IOSXE), Version 17.7.1prd16",
	  "bootflash:", "C9800-CL-universalk9.17.07.01prd16.SPA.bin", "0x102", R_XE, "C9800-CL", false },
	{ "Allen-Bradley 1783-CMS20DN (ARM) processor (revision V00) with 634859K/6147K",
	  "S5200 Switch Software (S5200-UNIVERSALK9-M), Version 17.9.1",
	  "flash:", "s5200-universalk9.17.09.01.SPA.bin", "0x102", S_XE, "Stratix5200", false },
	/* models the table does not know: the family from the image, guessed */
	{ "Cisco 2899 (revision 1.0) with 249856K/12288K",
	  "2800 Software (C2800NM-IPBASEK9-M), Version 15.1(4)M12a",
	  "flash:", "c2800nm-ipbasek9-mz.151-4.M12a.bin", "0x2102", R_CL, NULL, true },
	{ "cisco ASR-999 (RSP9) processor (revision RSP9) with 1953664K/6147K",
	  "ASR900 Software (PPC_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.1a",
	  "bootflash:", "asr920-universalk9_npe.16.09.05f.SPA.bin", "0x2102", R_XE, NULL, true },
};

/* The case's captures, with register `reg`. */
static void capture_text(char *text, size_t n, const pb_case *c, const char *reg)
{
	snprintf(text, n,
		 "R1#show version\n"
		 "Cisco IOS Software, %s, RELEASE SOFTWARE (fc1)\n"
		 "R1 uptime is 2 weeks, 1 day, 3 hours, 4 minutes\n"
		 "System image file is \"%s%s\"\n"
		 "%s bytes of memory.\n"
		 "Processor board ID FOX1111A1AA\n"
		 "Configuration register is %s\n"
		 "\n"
		 "R1#dir %s\n"
		 "Directory of %s/\n"
		 "\n"
		 "    1  -rw-    45678900  Mar 5 2020 10:00:00 +00:00  %s\n"
		 "\n"
		 "512000000 bytes total (466321100 bytes free)\n"
		 "R1#show startup-config | include boot\n"
		 "boot-start-marker\n"
		 "boot system %s%s\n"
		 "boot-end-marker\n"
		 /* switches boot from the BOOT variable (Stratix 5200: IOS-XE) */
		 "R1#show boot\n"
		 "BOOT variable = %s%s;\n"
		 "MANUAL_BOOT variable = no\n",
		 c->software, c->fs, c->image, c->proc, reg, c->fs, c->fs, c->image,
		 c->fs, c->image, c->fs, c->image);
}

IP_TABLE_PARAMS(platform_boot, next_boot, cases)

ParameterizedTest(size_t *row, platform_boot, next_boot)
{
	const pb_case *c = &cases[*row];
	char text[4096];
	capture_text(text, sizeof(text), c, c->reg);
	ip_device_set *set = test_load_text("t.txt", text);
	cr_assert_eq(set->n, 1);
	const ip_device *d = set->v[0];
	ip_platform p;
	ip_platform_classify(&p, d);
	cr_expect_eq(p.family, c->family, "%s: family %s", c->proc, ip_family_name(p.family));
	if (c->series)
		cr_expect(p.series && strcmp(p.series, c->series) == 0, "%s: series %s",
			  c->proc, p.series ? p.series : "(null)");
	else
		cr_expect_null(p.series, "%s: series %s", c->proc, p.series);
	cr_expect_eq(p.guessed, c->guessed, "%s: guessed", c->proc);

	ip_arena *a = ip_arena_new();
	ip_boot_prediction nb;
	ip_boot_predict(&nb, a, d);
	cr_expect_eq(nb.outcome, IP_NEXT_IMAGE, "%s: next boot %d (missing %s)", c->proc,
		     nb.outcome, nb.missing ? nb.missing : "-");
	cr_expect(nb.path && strcmp(nb.path, c->image) == 0, "%s: boots %s", c->proc,
		  nb.path ? nb.path : "(null)");
	/* the guess is said in the trace, and only for a guess */
	bool said = false;
	for (size_t i = 0; i < nb.n_trace; i++)
		if (strstr(nb.trace[i].text, "not in iosplan's platform table"))
			said = true;
	cr_expect_eq(said, c->guessed, "%s: the trace says the family was guessed", c->proc);
	ip_arena_free(a);
	ip_device_set_free(set);
}

/* A boot or register finding on a model the table does not know says the
 * family it rests on was guessed, and from what, pointing at it (a related
 * location: rules/engine.c guessed_family); on a known model it says
 * nothing of the kind. Register 0x2142 (the startup-config ignored) makes
 * config-register report on every row. */
IP_TABLE_PARAMS(platform_boot, findings_say_guess, cases)
ParameterizedTest(size_t *row, platform_boot, findings_say_guess)
{
	const pb_case *c = &cases[*row];
	char text[4096];
	capture_text(text, sizeof(text), c, "0x2142");
	ip_device_set *set = test_load_text("t.txt", text);
	cr_assert_eq(set->n, 1);
	ip_arena *a = ip_arena_new();
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	ip_device_check chk;
	ip_check_device(&chk, a, set->v[0], NULL, &cfg);
	size_t judged = 0, said = 0;
	for (size_t i = 0; i < chk.n_findings; i++) {
		const ip_finding *f = &chk.findings[i];
		bool rests = f->repair == IP_REPAIR_BOOT_LIST || f->repair == IP_REPAIR_REGISTER;
		judged += rests;
		for (size_t k = 0; k < f->n_related; k++)
			if (strstr(f->related[k].message, "guessed from")) {
				said++;
				cr_expect(rests, "%s: %s says guessed", c->proc, f->rule_id);
				cr_expect(f->related[k].span.line == 2 || f->related[k].span.line == 4,
					  "%s: points at the image or software line, not line %u",
					  c->proc, f->related[k].span.line);
			}
	}
	cr_expect_gt(judged, 0, "%s: config-register reports 0x2142", c->proc);
	cr_expect_eq(said, c->guessed ? judged : 0, "%s: %zu of %zu findings say guessed", c->proc,
		     said, judged);
	ip_arena_free(a);
	ip_device_set_free(set);
}
