/* ip_verify_device_run: the stage the after-captures show and the status
 * of each check, on the seed's router before the change (samples/
 * netstuts-r1.log) against small after-captures written inline. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "verify.h"
#include "verify_out.h"

#define NEW "isr4300-universalk9.16.12.04.SPA.bin"
#define OLD "isr4300-universalk9.16.09.06.SPA.bin"
#define MD5 "a3f8c12d9e4b72f1c8d5a0e3b6f91234"

#define LISTING(new_size) "R1#show bootflash:\n-#- --length-- -----date/time------ path\n" \
	"  1  521347072 Mar 05 2026 09:14:22 " OLD "\n" \
	"  2  " new_size " Mar 07 2026 14:22:08 " NEW "\n\n" \
	"6406623232 bytes available (1085198336 bytes used)\n"
#define VERSION(ver, up, image, reg) "R1#show version\nCisco IOS XE Software, Version " ver "\n" \
	"Cisco IOS Software [Gibraltar], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.12.4, RELEASE SOFTWARE (fc5)\n" \
	"ROM: IOS-XE ROMMON\n\nNetsTuts_R1 uptime is " up "\n" \
	"System image file is \"bootflash:" image "\"\nLast reload reason: Reload Command\n\n" \
	"cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n" \
	"Processor board ID FLM2044W0LT\n7697408K bytes of flash memory at bootflash:.\n\n" \
	"Configuration register is " reg "\n"
#define BOOT(cmd, first, second) "R1#show " cmd " | include boot\nboot-start-marker\n" \
	"boot system bootflash:" first "\nboot system bootflash:" second "\nboot-end-marker\n"

typedef struct want {
	const char *id;
	ip_vstatus status;
	uint32_t line; /* of the after span; 0: not checked */
} want;

typedef struct vcase {
	const char *title;
	const char *after;
	bool no_before;
	unsigned soak;
	ip_vstage stage;
	bool failed;
	want checks[6];
} vcase;

static const vcase cases[] = {
	{ "transfer: listed and verified", LISTING("521347072") "R1#verify /md5 bootflash:" NEW " " MD5 "\n"
	  "Verified (bootflash:" NEW ") = " MD5 "\n",
	  false, 24, IP_VSTAGE_TRANSFER, false,
	  { { "image-present", IP_VCHECK_PASS, 4 }, { "image-verified", IP_VCHECK_PASS, 8 } } },
	{ "transfer: a short copy", LISTING("521347000"), false, 24, IP_VSTAGE_TRANSFER, true,
	  { { "image-present", IP_VCHECK_FAIL, 4 }, { "image-verified", IP_VCHECK_NOT_MADE, 0 } } },
	{ "transfer: the device found a mismatch", LISTING("521347072")
	  "R1#verify /md5 bootflash:" NEW " " MD5 "\n%Error verifying bootflash:" NEW "\n"
	  "Computed signature = ff00aa11bb22cc33dd44ee55ff66aa77\nSubmitted signature = " MD5 "\n",
	  false, 24, IP_VSTAGE_TRANSFER, true, { { "image-verified", IP_VCHECK_FAIL, 8 } } },
	{ "transfer: the verify was cut short", LISTING("521347072")
	  "R1#verify /md5 bootflash:" NEW "\n.........\n", false, 24, IP_VSTAGE_TRANSFER, false,
	  { { "image-verified", IP_VCHECK_NOT_MADE, 0 } } },
	{ "transfer: verified against another hash", LISTING("521347072")
	  "R1#verify /md5 bootflash:" NEW " 00000000000000000000000000000000\n"
	  "Verified (bootflash:" NEW ") = 00000000000000000000000000000000\n",
	  false, 24, IP_VSTAGE_TRANSFER, true, { { "image-verified", IP_VCHECK_FAIL, 8 } } },
	{ "boot: the fallback first", LISTING("521347072") BOOT("startup-config", OLD, NEW)
	  BOOT("running-config", OLD, NEW), false, 24, IP_VSTAGE_BOOT, true,
	  { { "boot-list", IP_VCHECK_FAIL, 9 }, { "boot-saved", IP_VCHECK_PASS, 7 } } },
	{ "boot: changed but not saved", LISTING("521347072") BOOT("running-config", NEW, OLD)
	  BOOT("startup-config", OLD, NEW), false, 24, IP_VSTAGE_BOOT, true,
	  { { "boot-list", IP_VCHECK_FAIL, 14 }, { "boot-saved", IP_VCHECK_FAIL, 9 } } },
	{ "reload: a pending register change", VERSION("16.12.04", "9 minutes", NEW, "0x2102 (will be 0x2142 at next reload)"),
	  false, 24, IP_VSTAGE_RELOAD, true,
	  { { "version", IP_VCHECK_PASS, 2 }, { "system-image", IP_VCHECK_PASS, 7 },
	    { "register", IP_VCHECK_FAIL, 14 }, { "interfaces", IP_VCHECK_NOT_MADE, 0 } } },
	{ "reload: the uptime says no reload", VERSION("16.12.04", "3 weeks, 2 days", NEW, "0x2102"),
	  false, 24, IP_VSTAGE_RELOAD, true,
	  { { "uptime", IP_VCHECK_FAIL, 6 }, { "version", IP_VCHECK_PASS, 2 } } },
	{ "reload: no before-captures", VERSION("16.12.04", "3 hours, 2 minutes", NEW, "0x2102"),
	  true, 24, IP_VSTAGE_RELOAD, false,
	  { { "version", IP_VCHECK_PASS, 2 }, { "uptime", IP_VCHECK_PASS, 6 },
	    { "interfaces", IP_VCHECK_NOT_MADE, 0 }, { "cleanup", IP_VCHECK_INFO, 6 } } },
	{ "reload: past the soak", VERSION("16.12.04", "2 days, 1 hour", NEW, "0x2102") LISTING("521347072")
	  BOOT("running-config", NEW, OLD), true, 48, IP_VSTAGE_RELOAD, false,
	  { { "cleanup", IP_VCHECK_INFO, 6 }, { "boot-survived", IP_VCHECK_PASS, 23 } } },
};

IP_TABLE_PARAMS(verify, checks, cases)

static const ip_vcheck *find(const ip_verify_device *v, const char *id)
{
	for (size_t i = 0; i < v->n_checks; i++)
		if (strcmp(v->checks[i].id, id) == 0)
			return &v->checks[i];
	return NULL;
}

ParameterizedTest(size_t *row, verify, checks)
{
	const vcase *c = &cases[*row];
	ip_device_set *before = c->no_before ? NULL : test_load_samples("netstuts-r1.log", NULL);
	ip_device_set *after = test_load_text("after.log", c->after);
	cr_assert_eq(after->n, 1, "%s: %zu devices", c->title, after->n);
	ip_target *t = ip_target_from_name(after->arena, NEW, "--target");
	t->md5 = MD5;
	t->size = (ip_u64){ .known = true, .v = 521347072 };
	ip_verify_options o;
	ip_verify_options_defaults(&o);
	o.soak_hours = c->soak;
	ip_verify_device v;
	ip_verify_device_run(&v, after->arena, before ? before->v[0] : NULL, after->v[0], t, NULL, &o);
	cr_expect_eq(v.stage, c->stage, "%s: stage %s", c->title, ip_vstage_id(v.stage));
	cr_expect_eq(ip_verify_failed(&v), c->failed, "%s: failed", c->title);
	for (size_t i = 0; i < 6 && c->checks[i].id; i++) {
		const want *w = &c->checks[i];
		const ip_vcheck *k = find(&v, w->id);
		cr_assert_not_null(k, "%s: no %s check", c->title, w->id);
		cr_expect_eq(k->status, w->status, "%s: %s is %s (%s)", c->title, w->id,
			     ip_vstatus_name(k->status), k->message);
		cr_expect_eq(k->after.line, w->line, "%s: %s line %u", c->title, w->id, k->after.line);
	}
	ip_device_set_free(before);
	ip_device_set_free(after);
}

Test(verify, past_the_soak_lists_the_cleanup)
{
	ip_device_set *before = test_load_samples("netstuts-r1.log", NULL);
	ip_device_set *after = test_load_text("after.log", VERSION("16.12.04", "2 days, 1 hour", NEW, "0x2102")
		LISTING("521347072") BOOT("running-config", NEW, OLD) BOOT("startup-config", NEW, OLD));
	ip_target *t = ip_target_from_name(after->arena, NEW, "--target");
	t->md5 = MD5;
	t->size = (ip_u64){ .known = true, .v = 521347072 };
	ip_verify_options o;
	ip_verify_options_defaults(&o);
	ip_verify_device v;
	ip_verify_device_run(&v, after->arena, before->v[0], after->v[0], t, NULL, &o);
	const ip_vcheck *k = find(&v, "cleanup");
	cr_assert_not_null(k);
	cr_expect(strncmp(k->message, "ready", 5) == 0, "%s", k->message);
	bool deletes = false;
	for (size_t i = 0; i < k->n_fix; i++)
		deletes |= strcmp(k->fix[i], "delete /force bootflash:" OLD) == 0;
	cr_expect(deletes, "the clean-up deletes the old image");
	cr_expect(v.from_plan);
	cr_expect_str_eq(v.fallback, "bootflash:" OLD);
	ip_device_set_free(before);
	ip_device_set_free(after);
}

Test(verify, no_step_of_the_change_fails)
{
	ip_device_set *before = test_load_samples("netstuts-r1.log", NULL);
	ip_device_set *after = test_load_samples("netstuts-r1.log", NULL);
	ip_target *t = ip_target_from_name(after->arena, NEW, "--target");
	ip_verify_options o;
	ip_verify_options_defaults(&o);
	ip_verify_device v;
	ip_verify_device_run(&v, after->arena, before->v[0], after->v[0], t, NULL, &o);
	cr_expect_eq(v.stage, IP_VSTAGE_NONE);
	cr_expect(ip_verify_failed(&v));
	cr_expect_not_null(find(&v, "stage"));
	ip_device_set_free(before);
	ip_device_set_free(after);
}

/* --- same-device: another chassis of the same name ------------------------ */

#define SV_R(model, serial) "R1#show version\nCisco IOS XE Software, Version 16.09.06\n" \
	"Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.6, RELEASE SOFTWARE (fc2)\n" \
	"NetsTuts_R1 uptime is 2 days\nSystem image file is \"bootflash:" OLD "\"\n\n" \
	"cisco " model " (1RU) processor with 1647778K/6147K bytes of memory.\n" serial \
	"7697408K bytes of flash memory at bootflash:.\n\nConfiguration register is 0x2102\n"
#define SV_STACK(active, other) "SW#show version\n" \
	"Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc1)\n" \
	"SW uptime is 9 minutes\nSystem image file is \"flash:c2960x-universalk9-mz.152-7.E8.bin\"\n" \
	"cisco WS-C2960X-48FPD-L (APM86XXX) processor with 524288K bytes of memory.\n" \
	"Processor board ID " active "\nSystem Serial Number            : " active "\n\n" \
	"Switch Ports Model                     SW Version            SW Image\n" \
	"------ ----- -----                     ----------            ----------\n" \
	"*    1 52    WS-C2960X-48FPD-L         15.2(7)E8             C2960X-UNIVERSALK9-M\n" \
	"     2 52    WS-C2960X-48FPD-L         15.2(7)E8             C2960X-UNIVERSALK9-M\n\n" \
	"Switch 02\n---------\nSystem Serial Number            : " other "\n"

typedef struct same_case {
	const char *title;
	const char *before, *after;
	ip_vstatus status;
	bool before_missing;  /* NOT_MADE: the before side lacks the serial */
	const char *names[4]; /* in the message */
} same_case;

static const same_case same_cases[] = {
	{ "one router", SV_R("ISR4321/K9", "Processor board ID FLM1\n"),
	  SV_R("ISR4321/K9", "Processor board ID FLM1\n"), IP_VCHECK_PASS, false, { "FLM1" } },
	{ "a twin of the same name", SV_R("ISR4321/K9", "Processor board ID FLM1\n"),
	  SV_R("ISR4321/K9", "Processor board ID FLM2\n"), IP_VCHECK_FAIL, false,
	  { "serial FLM1", "serial FLM2", "before.log:", "after.log:" } },
	{ "another model, same serial", SV_R("ISR4321/K9", "Processor board ID FLM1\n"),
	  SV_R("ISR4331/K9", "Processor board ID FLM1\n"), IP_VCHECK_FAIL, false,
	  { "ISR4321/K9", "ISR4331/K9", "NetsTuts_R1" } },
	{ "no serial after", SV_R("ISR4321/K9", "Processor board ID FLM1\n"),
	  SV_R("ISR4321/K9", ""), IP_VCHECK_NOT_MADE, false, { "after-captures" } },
	{ "no serial before", SV_R("ISR4321/K9", ""),
	  SV_R("ISR4321/K9", "Processor board ID FLM1\n"), IP_VCHECK_NOT_MADE, true,
	  { "before-captures" } },
	{ "a stack whose other member became active", SV_STACK("FOC1", "FOC2"),
	  SV_STACK("FOC2", "FOC1"), IP_VCHECK_PASS, false, { "FOC2" } },
	{ "a stack at another site", SV_STACK("FOC1", "FOC2"), SV_STACK("FOC3", "FOC4"),
	  IP_VCHECK_FAIL, false, { "serial FOC1", "serial FOC3" } },
};

IP_TABLE_PARAMS(verify_same, device, same_cases)

ParameterizedTest(size_t *row, verify_same, device)
{
	const same_case *c = &same_cases[*row];
	ip_device_set *before = test_load_text("before.log", c->before);
	ip_device_set *after = test_load_text("after.log", c->after);
	cr_assert_eq(before->n, 1);
	cr_assert_eq(after->n, 1);
	ip_target *t = ip_target_from_name(after->arena, NEW, "--target");
	ip_verify_options o;
	ip_verify_options_defaults(&o);
	ip_verify_device v;
	ip_verify_device_run(&v, after->arena, before->v[0], after->v[0], t, NULL, &o);
	const ip_vcheck *k = find(&v, "same-device");
	cr_assert_not_null(k, "%s", c->title);
	cr_expect_eq(k->status, c->status, "%s: %s (%s)", c->title, ip_vstatus_name(k->status),
		     k->message);
	if (c->status == IP_VCHECK_FAIL) /* exit 1, as any failed check */
		cr_expect(ip_verify_failed(&v), "%s", c->title);
	if (c->status == IP_VCHECK_FAIL)
		cr_expect_eq(v.n_checks, 1, "%s: another chassis is not judged further", c->title);
	else
		cr_expect_gt(v.n_checks, 1, "%s: the other checks are made", c->title);
	if (c->status == IP_VCHECK_NOT_MADE)
		cr_expect_eq(k->capture_before, c->before_missing, "%s", c->title);
	for (size_t i = 0; i < 4 && c->names[i]; i++)
		cr_expect(strstr(k->message, c->names[i]), "%s: '%s' not in: %s", c->title,
			  c->names[i], k->message);
	ip_device_set_free(before);
	ip_device_set_free(after);
}

/* The writer contract (lint/cli.h, issue 19): each verify format returns 0
 * when its writes went through and -1 when one failed (/dev/full
 * unbuffered), so that `iosplan verify` exits 2. */
static const ip_verify_format verify_formats[] = { IP_VERIFY_TEXT, IP_VERIFY_JSON, IP_VERIFY_MARKDOWN,
						   IP_VERIFY_SARIF };

IP_TABLE_PARAMS(verify_write, reports_failed_write, verify_formats)
ParameterizedTest(size_t *row, verify_write, reports_failed_write)
{
	ip_device_set *before = test_load_samples("netstuts-r1.log", NULL);
	ip_device_set *after = test_load_text("after.log", VERSION("16.12.04", "2 days, 1 hour", NEW, "0x2102")
		LISTING("521347072") BOOT("running-config", NEW, OLD) BOOT("startup-config", NEW, OLD));
	ip_target *t = ip_target_from_name(after->arena, NEW, "--target");
	t->md5 = MD5;
	t->size = (ip_u64){ .known = true, .v = 521347072 };
	ip_verify_options o;
	ip_verify_options_defaults(&o);
	ip_verify_device v;
	ip_verify_device_run(&v, after->arena, before->v[0], after->v[0], t, NULL, &o);
	ip_verify_report r = { before, after, &v, 1, o.soak_hours };
	FILE *null = fopen("/dev/null", "w"), *full = fopen("/dev/full", "w");
	cr_assert(null && full);
	setvbuf(full, NULL, _IONBF, 0);
	cr_expect_eq(ip_verify_write(verify_formats[*row], null, &r), 0, "format %d to /dev/null",
		     (int)verify_formats[*row]);
	cr_expect_eq(ip_verify_write(verify_formats[*row], full, &r), -1, "format %d to /dev/full",
		     (int)verify_formats[*row]);
	fclose(null);
	fclose(full);
	ip_device_set_free(before);
	ip_device_set_free(after);
}
