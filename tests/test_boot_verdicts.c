/* The boot simulator's per-entry verdicts (issue 19): captures in, one
 * verdict per boot entry out. Each row states, per entry, the verdict of
 * the walk and the entry's own one (`kind/alone` where they differ: after
 * the entry that decided, or when the register decided first), so every
 * verdict kind, the letter-case policy, a missing listing and stack members
 * are read the way the boot rules read them. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "boot_sim.h"
#include "engine.h"
#include "helpers.h"
#include "stack.h"
#include "target.h"

/* ISR4321, 16.9.6 (as test_boot_sim.c). */
#define SV_ISR(reg)                                                            \
	"R1#show version\n"                                                    \
	"Cisco IOS XE Software, Version 16.09.06\n"                            \
	"Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), " \
	"Version 16.9.6, RELEASE SOFTWARE (fc3)\n"                             \
	"R1 uptime is 2 days, 4 hours, 47 minutes\n"                           \
	"System image file is \"bootflash:isr4300-universalk9.16.09.06.SPA.bin\"\n" \
	"cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.\n" \
	"Processor board ID FLM2044W0LT\n"                                     \
	"7697408K bytes of flash memory at bootflash:.\n"                      \
	"Configuration register is " reg "\n"

#define OLD_IMG "isr4300-universalk9.16.09.06.SPA.bin"
#define NEW_IMG "isr4300-universalk9.16.12.04.SPA.bin"

/* Image on line 12; an empty file, a tar and a package after it. */
#define BF                                                                     \
	"R1#show bootflash:\n"                                                 \
	"-#- --length-- -----date/time------ path\n"                           \
	"  1  521347072 Mar 05 2026 09:14:22 " OLD_IMG "\n"                    \
	"  2       4096 Mar 05 2026 09:14:22 .installer/\n"                    \
	"  3       8192 Mar 07 2026 13:58:12 tracelogs/\n"                     \
	"  4       1823 Mar 05 2026 09:15:01 R1-backup-20260305.cfg\n"         \
	"  5          0 Mar 05 2026 09:15:01 isr4300-universalk9.16.12.05.SPA.bin\n" \
	"\n"                                                                   \
	"6927970304 bytes available (563851264 bytes used)\n"

#define START(lines)                                                           \
	"R1#show startup-config | include boot\n"                              \
	"boot-start-marker\n" lines "boot-end-marker\n"

#define BOOT(x) "boot system " x "\n"

/* WS-C2960-24TT-L, with a listing and a show file systems that has no
 * bootflash:. */
#define SV_2960 SV_2960_HEAD FL_2960
#define SV_2960_HEAD                                                           \
	"SW1#show version\n"                                                   \
	"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.2(7)E6, " \
	"RELEASE SOFTWARE (fc2)\n"                                             \
	"SW1 uptime is 2 days, 4 hours, 9 minutes\n"                           \
	"System image file is \"flash:c2960-lanbasek9-mz.152-7.E6.bin\"\n"     \
	"cisco WS-C2960-24TT-L (PowerPC405) processor (revision R0) with 65536K bytes of memory.\n" \
	"Processor board ID FOC1322Z4LK\n"                                     \
	"Configuration register is 0xF\n"

#define FL_2960                                                                \
	"SW1#show flash:\n"                                                    \
	"Directory of flash:/\n"                                               \
	"\n"                                                                   \
	"    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n" \
	"    3  -rwx        4414   Mar 5 2026 09:52:47 +00:00  config.text\n"  \
	"    5  -rwx    12000000   Mar 5 2026 09:52:47 +00:00  c2960-lanbasek9-tar.152-7.E10.tar\n" \
	"\n"                                                                   \
	"64016384 bytes total (50511872 bytes free)\n"                         \
	"SW1#show file systems\n"                                              \
	"File Systems:\n"                                                      \
	"\n"                                                                   \
	"     Size(b)     Free(b)      Type  Flags  Prefixes\n"                \
	"*   64016384    50511872     flash     rw   flash:\n"                 \
	"      65536       60000     nvram     rw   nvram:\n"

#define SB_2960(path)                                                          \
	"SW1#show boot\n"                                                      \
	"BOOT path-list      : " path "\n"                                     \
	"Manual Boot         : no\n"

typedef struct verdict_case {
	const char *name;
	const char *text;
	const char *want;     /* per entry "kind" or "kind/alone", space-separated */
	ip_list_id list;
	ip_unbootable why;    /* of the first SKIP_NOT_BOOTABLE entry, if any */
	int twin_at;          /* entry whose case twin must be found; -1: none */
	const char *missing;  /* of the first UNKNOWN entry, or NULL */
} verdict_case;

static const verdict_case cases[] = {
	{ "one entry that boots", SV_ISR("0x2102") BF START(BOOT("bootflash:" OLD_IMG)),
	  "boots", IP_LIST_STARTUP, IP_UNBOOT_NONE, -1, NULL },
	{ "missing, then the one that boots",
	  SV_ISR("0x2102") BF START(BOOT("bootflash:" NEW_IMG) BOOT("bootflash:" OLD_IMG)),
	  "skip-missing boots", IP_LIST_STARTUP, IP_UNBOOT_NONE, -1, NULL },
	{ "after the one that boots: not reached, judged alone",
	  SV_ISR("0x2102") BF START(BOOT("bootflash:" OLD_IMG) BOOT("bootflash:" NEW_IMG)
				    BOOT("bootflash:tracelogs")),
	  "boots not-reached/skip-missing not-reached/skip-not-bootable", IP_LIST_STARTUP,
	  IP_UNBOOT_DIRECTORY, -1, NULL },
	{ "letter case only: missing under the exact policy, twin named",
	  SV_ISR("0x2102") BF START(BOOT("bootflash:ISR4300-UNIVERSALK9.16.09.06.SPA.BIN")
				    BOOT("bootflash:" OLD_IMG)),
	  "skip-missing boots", IP_LIST_STARTUP, IP_UNBOOT_NONE, 0, NULL },
	{ "empty file and a config file are not bootable",
	  SV_ISR("0x2102") BF START(BOOT("bootflash:isr4300-universalk9.16.12.05.SPA.bin")
				    BOOT("bootflash:R1-backup-20260305.cfg")),
	  "skip-not-bootable skip-not-bootable", IP_LIST_STARTUP, IP_UNBOOT_EMPTY, -1, NULL },
	{ "network entry: tried, the rest not reached",
	  SV_ISR("0x2102") BF START(BOOT("tftp://10.0.0.1/" NEW_IMG) BOOT("bootflash:" OLD_IMG)),
	  "network not-reached/boots", IP_LIST_STARTUP, IP_UNBOOT_NONE, -1, NULL },
	{ "rom entry", SV_ISR("0x2102") BF START(BOOT("rom")),
	  "rom", IP_LIST_STARTUP, IP_UNBOOT_NONE, -1, NULL },
	{ "boot system flash: with an image there",
	  SV_ISR("0x2102") BF START(BOOT("bootflash:")),
	  "boots", IP_LIST_STARTUP, IP_UNBOOT_NONE, -1, NULL },
	{ "no listing: unknown, and the capture that decides",
	  SV_ISR("0x2102") START(BOOT("bootflash:" OLD_IMG) BOOT("bootflash:" NEW_IMG)),
	  "unknown not-reached/unknown", IP_LIST_STARTUP, IP_UNBOOT_NONE, -1, "show bootflash:" },
	{ "register 0x2100: the list is not read, each entry judged alone",
	  SV_ISR("0x2100") BF START(BOOT("bootflash:" NEW_IMG) BOOT("bootflash:" OLD_IMG)),
	  "not-reached/skip-missing not-reached/boots", IP_LIST_STARTUP, IP_UNBOOT_NONE, -1, NULL },
	{ "switch: a filesystem the device does not have, a tar, then the image",
	  SV_2960 SB_2960("bootflash:c2960-lanbasek9-mz.152-7.E6.bin;"
			  "flash:c2960-lanbasek9-tar.152-7.E10.tar;"
			  "flash:c2960-lanbasek9-mz.152-7.E6.bin"),
	  "skip-no-filesystem skip-not-bootable boots", IP_LIST_BOOTVAR, IP_UNBOOT_TAR, -1, NULL },
	{ "no boot list captured: no verdicts", SV_ISR("0x2102") BF, "", IP_LIST_NONE,
	  IP_UNBOOT_NONE, -1, NULL },
};

IP_TABLE_PARAMS(boot_verdicts, table, cases)

static const char *verdict_text(char *buf, size_t size, const ip_boot_verdict *v, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		const char *k = ip_boot_verdict_name(v[i].kind);
		const char *a = ip_boot_verdict_name(v[i].alone);
		len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s", i ? " " : "", k,
					v[i].kind == v[i].alone ? "" : "/",
					v[i].kind == v[i].alone ? "" : a);
	}
	return buf;
}

ParameterizedTest(size_t *row, boot_verdicts, table)
{
	const verdict_case *c = &cases[*row];
	ip_device_set *set = test_load_text("test.txt", c->text);
	cr_assert_eq(set->n, 1, "%s", c->name);
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, set->v[0]);
	char got[512];
	verdict_text(got, sizeof(got), p.verdicts, p.n_verdicts);
	cr_expect_str_eq(got, c->want, "%s", c->name);
	bool why_seen = false, missing_seen = false;
	for (size_t i = 0; i < p.n_verdicts; i++) {
		const ip_boot_verdict *v = &p.verdicts[i];
		cr_expect_eq(v->list, p.verdict_list, "%s", c->name);
		cr_expect_eq(v->list_id, c->list, "%s: list %d", c->name, v->list_id);
		cr_expect_eq(v->entry, &p.verdict_list->v[i], "%s", c->name);
		cr_expect_eq(v->index, i);
		cr_expect_eq(v->span.line, v->entry->span.line, "%s", c->name);
		/* the walk's verdict is the entry's own one wherever it reached */
		if (v->kind != IP_VERDICT_NOT_REACHED)
			cr_expect_eq(v->kind, v->alone, "%s: entry %zu", c->name, i);
		if (v->alone == IP_VERDICT_BOOTS && v->entry->kind == IP_BOOT_FILE) {
			cr_expect_not_null(v->file, "%s: entry %zu boots no file", c->name, i);
			cr_expect_not_null(v->fs, "%s", c->name);
		}
		if (v->alone == IP_VERDICT_SKIP_NOT_BOOTABLE && !why_seen) {
			why_seen = true;
			cr_expect_eq(v->why, c->why, "%s: why %d", c->name, v->why);
			cr_expect_not_null(v->file, "%s", c->name);
		}
		if (v->alone == IP_VERDICT_UNKNOWN && !missing_seen) {
			missing_seen = true;
			cr_expect_str_eq(v->missing, c->missing ? c->missing : "(none)", "%s", c->name);
		}
		bool twin = c->twin_at == (int)i;
		cr_expect_eq(v->case_decided, twin, "%s: entry %zu case_decided", c->name, i);
		if (twin) {
			cr_assert_not_null(v->case_twin, "%s", c->name);
			cr_expect_str_eq(v->case_twin->name, OLD_IMG);
		} else {
			cr_expect_null(v->case_twin, "%s: entry %zu", c->name, i);
		}
	}
	cr_expect_eq(why_seen, c->why != IP_UNBOOT_NONE, "%s", c->name);
	cr_expect_eq(missing_seen, c->missing != NULL, "%s", c->name);
	/* the walk and the prediction say the same entry decided */
	for (size_t i = 0; i < p.n_verdicts && p.entry; i++)
		if (p.verdicts[i].kind != IP_VERDICT_NOT_REACHED &&
		    !ip_boot_verdict_skips(p.verdicts[i].kind))
			cr_expect_eq(p.entry, p.verdicts[i].entry, "%s", c->name);
	ip_device_set_free(set);
}

/* Any list judged alone (the running-config's) gets the verdicts the walk
 * would give it, each NOT_REACHED. */
Test(boot_verdicts, verdicts_of_any_list)
{
	ip_device_set *set = test_load_text("t.txt", SV_ISR("0x2102") BF
		START(BOOT("bootflash:" NEW_IMG) BOOT("bootflash:" OLD_IMG)));
	const ip_device *d = set->v[0];
	ip_boot_prediction p;
	ip_boot_predict(&p, set->arena, d);
	ip_boot_verdict *v;
	ip_boot_verdicts_of(&v, set->arena, d, NULL, &d->boot_startup, IP_LIST_STARTUP, 0);
	for (size_t i = 0; i < d->boot_startup.n; i++) {
		cr_expect_eq(v[i].kind, IP_VERDICT_NOT_REACHED);
		cr_expect_eq(v[i].alone, p.verdicts[i].alone, "entry %zu", i);
		cr_expect_eq(v[i].file, p.verdicts[i].file, "entry %zu", i);
	}
	ip_device_set_free(set);
}

/* Stack members: each member's own BOOT variable is judged against its
 * own flash (flash2:, flash-2:), which the samples list. */
typedef struct member_case {
	const char *sample;
	int member;
	const char *want;
	const char *fs; /* the listing the first entry was looked up in */
} member_case;

static const member_case members[] = {
	{ "stack-2960x-bundle.log", 2, "not-reached/boots", "flash2:" },
	{ "stack-3750x-tar.log", 3, "not-reached/boots", "flash3:" },
	{ "stack-3850.log", 2, "not-reached/boots", "flash-2:" },
};

IP_TABLE_PARAMS(boot_verdicts, members, members)

ParameterizedTest(size_t *row, boot_verdicts, members)
{
	const member_case *c = &members[*row];
	ip_device_set *set = test_load_samples(c->sample, NULL);
	const ip_device *d = set->v[0];
	const ip_member *m = NULL;
	for (size_t i = 0; i < d->n_members; i++)
		if (d->members[i].number == c->member)
			m = &d->members[i];
	cr_assert_not_null(m, "%s: no member %d", c->sample, c->member);
	const ip_boot_list *bv = ip_stack_member_bootvar(d, m);
	cr_assert(bv && bv->known && bv->n > 0, "%s", c->sample);
	ip_boot_verdict *v;
	ip_boot_verdicts_of(&v, set->arena, d, NULL, bv, IP_LIST_MEMBER_BOOTVAR, c->member);
	char got[512];
	cr_expect_str_eq(verdict_text(got, sizeof(got), v, bv->n), c->want, "%s", c->sample);
	cr_expect_eq(v[0].member, c->member);
	cr_assert_not_null(v[0].fs, "%s", c->sample);
	cr_expect_str_eq(v[0].fs->name, c->fs, "%s", c->sample);
	ip_device_set_free(set);
}

/* A member whose flash was not listed: unknown, naming its listing. */
Test(boot_verdicts, member_flash_not_listed)
{
	ip_device_set *set = test_load_samples("stack-3850.log", NULL);
	ip_device *d = set->v[0];
	const ip_member *m = NULL;
	for (size_t i = 0; i < d->n_members; i++)
		if (d->members[i].number == 3)
			m = &d->members[i];
	cr_assert_not_null(m);
	const ip_boot_list *bv = ip_stack_member_bootvar(d, m);
	cr_assert_not_null(bv);
	/* forget member 3's listing */
	for (size_t i = 0; i < d->n_filesystems; i++)
		if (strcmp(d->filesystems[i].name, "flash-3:") == 0)
			d->filesystems[i].listed = false;
	ip_boot_verdict *v;
	ip_boot_verdicts_of(&v, set->arena, d, NULL, bv, IP_LIST_MEMBER_BOOTVAR, 3);
	cr_expect_eq(v[0].alone, IP_VERDICT_UNKNOWN, "%s", ip_boot_verdict_name(v[0].alone));
	cr_expect_str_eq(v[0].missing, "show flash-3:");
	ip_device_set_free(set);
}

Test(boot_verdicts, names)
{
	for (int k = IP_VERDICT_UNKNOWN; k <= IP_VERDICT_NOT_REACHED; k++)
		cr_expect(strlen(ip_boot_verdict_name((ip_boot_verdict_kind)k)) > 0);
	cr_expect(ip_boot_verdict_skips(IP_VERDICT_SKIP_MISSING));
	cr_expect(ip_boot_verdict_skips(IP_VERDICT_SKIP_OTHER_MEMBER));
	cr_expect_not(ip_boot_verdict_skips(IP_VERDICT_BOOTS));
	cr_expect_not(ip_boot_verdict_skips(IP_VERDICT_UNKNOWN));
	cr_expect_not(ip_boot_verdict_skips(IP_VERDICT_NOT_REACHED));
}

/* --- the boot rules agree with the verdicts ------------------------------- */

/* Captures (a file under samples/ or the text itself) and a target: every
 * rule runs, and what alphabetical-boot, boot-fallback, boot-missing-file
 * and boot-order say about the list the reload reads must be what its
 * verdicts say (issue 19: one answer). `fires` lists rules that must
 * report, so that the agreement is tested on findings, not on silence. */
typedef struct agree_case {
	const char *capture;
	const char *target;
	const char *fires; /* space-separated rule ids that must report */
} agree_case;

static const agree_case agree[] = {
	{ "netstuts-r1.log", "isr4300-universalk9.16.12.04.SPA.bin", "" },
	{ "netstuts-sw1.log", "c2960-lanbasek9-mz.152-7.E10.bin", "" },
	{ "c9300-install.log", "cat9k_iosxe.17.12.04.SPA.bin", "" },
	{ "traps/alphabetical.log", "isr4300-universalk9.16.12.04.SPA.bin", "alphabetical-boot" },
	{ "traps/missing-boot-file.log", NULL, "boot-missing-file" },
	{ "traps/wrong-fs-prefix.log", NULL, "" },
	{ "traps/unsaved-boot.log", "isr4300-universalk9.16.12.04.SPA.bin", "" },
	{ "traps/register-2142.log", NULL, "" },
	{ "stack-3850.log", NULL, "" },
	{ "stack-no-space-member2.log", NULL, "" },
	{ "../tests/model/letter-case.log", "c2960-lanbasek9-mz.152-7.E10.bin",
	  "boot-missing-file alphabetical-boot" },
	/* the letter-case entry first, the image after it: skipped by all */
	{ SV_ISR("0x2102") BF START(BOOT("bootflash:ISR4300-UNIVERSALK9.16.09.06.SPA.BIN")
				    BOOT("bootflash:" OLD_IMG)),
	  OLD_IMG, "boot-missing-file" },
	/* an empty file first: boot-order must not call it the entry tried */
	{ SV_ISR("0x2102") BF START(BOOT("bootflash:isr4300-universalk9.16.12.05.SPA.bin")
				    BOOT("bootflash:" OLD_IMG)),
	  OLD_IMG, "boot-missing-file" },
	/* a directory after the first: no known-good fallback */
	{ SV_ISR("0x2102") BF START(BOOT("bootflash:" OLD_IMG) BOOT("bootflash:tracelogs")),
	  NULL, "boot-missing-file" },
	/* a tar as the only fallback: the simulator skips it, so it is none,
	 * and the running image is the fallback to add */
	{ SV_2960_HEAD
	  "SW1#show flash:\n"
	  "Directory of flash:/\n"
	  "\n"
	  "    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin\n"
	  "    3  -rwx    12600000   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E10.bin\n"
	  "    5  -rwx    12000000   Mar 5 2026 09:52:47 +00:00  c2960-lanbasek9-tar.152-7.E10.tar\n"
	  "\n"
	  "64016384 bytes total (50511872 bytes free)\n"
	  SB_2960("flash:c2960-lanbasek9-mz.152-7.E10.bin;"
		  "flash:c2960-lanbasek9-tar.152-7.E10.tar"),
	  NULL, "boot-fallback" },
	/* a missing entry, then the target: the target is the first tried */
	{ SV_ISR("0x2102") BF START(BOOT("bootflash:" NEW_IMG) BOOT("bootflash:" OLD_IMG)),
	  OLD_IMG, "boot-missing-file" },
	/* the target behind a working image: boot-order at that image */
	{ SV_ISR("0x2102") BF START(BOOT("bootflash:R1-backup-20260305.cfg")
				    BOOT("bootflash:" OLD_IMG)),
	  "isr4300-universalk9.16.12.05.SPA.bin", "" },
};

IP_TABLE_PARAMS(boot_verdicts, rules_agree, agree)

static bool at(const ip_finding *f, const ip_span s)
{
	return f->span.line == s.line && f->span.col == s.col;
}

static bool same_raw(const ip_boot_list *l, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (strcmp(l->v[j].raw, l->v[i].raw) == 0)
			return true;
	return false;
}

/* boot-missing-file: at every reload-list entry whose verdict is a missing
 * file, and at no entry whose verdict is that it boots. */
static void agree_missing(const ip_device_check *ck, const char *name)
{
	const ip_boot_prediction *p = &ck->next_boot;
	for (size_t i = 0; i < p->n_verdicts; i++) {
		const ip_boot_verdict *v = &p->verdicts[i];
		bool reported = false;
		for (size_t k = 0; k < ck->n_findings; k++)
			reported |= strcmp(ck->findings[k].rule_id, "boot-missing-file") == 0 &&
				    at(&ck->findings[k], v->span);
		if (v->alone == IP_VERDICT_SKIP_MISSING && v->fs && !same_raw(p->verdict_list, i))
			cr_expect(reported, "%s: entry %zu is missing, not reported", name, i);
		if (v->alone == IP_VERDICT_BOOTS)
			cr_expect_not(reported, "%s: entry %zu boots, reported missing", name, i);
	}
}

/* boot-order: the entry it calls the first tried is the first the
 * simulator does not skip; at the list, every entry is skipped. */
static void agree_order(const ip_device_check *ck, const ip_finding *f, const char *name)
{
	const ip_boot_prediction *p = &ck->next_boot;
	size_t first = p->n_verdicts;
	for (size_t i = 0; i < p->n_verdicts && first == p->n_verdicts; i++)
		if (!ip_boot_verdict_skips(p->verdicts[i].alone))
			first = i;
	if (first < p->n_verdicts)
		cr_expect(at(f, p->verdicts[first].span), "%s: boot-order at line %u, the "
			  "first entry not skipped is on line %u", name, f->span.line,
			  p->verdicts[first].span.line);
	else
		cr_expect(at(f, p->verdict_list->span), "%s: boot-order not at the list", name);
}

/* boot-fallback: no entry after the first is one the simulator would boot
 * (another image than the first's). */
static void agree_fallback(const ip_device_check *ck, const char *name)
{
	const ip_boot_prediction *p = &ck->next_boot;
	for (size_t i = 1; i < p->n_verdicts; i++)
		cr_expect(p->verdicts[i].alone != IP_VERDICT_BOOTS ||
			  p->verdicts[i].file == p->verdicts[0].file,
			  "%s: boot-fallback, yet entry %zu boots", name, i);
}

/* alphabetical-boot: the reload falls back to the first image, so every
 * entry of the list was skipped. */
static void agree_alpha(const ip_device_check *ck, const char *name)
{
	const ip_boot_prediction *p = &ck->next_boot;
	for (size_t i = 0; i < p->n_verdicts; i++)
		cr_expect(ip_boot_verdict_skips(p->verdicts[i].kind),
			  "%s: alphabetical-boot, yet entry %zu is %s", name, i,
			  ip_boot_verdict_name(p->verdicts[i].kind));
}

ParameterizedTest(size_t *row, boot_verdicts, rules_agree)
{
	const agree_case *c = &agree[*row];
	bool text = strchr(c->capture, '\n') != NULL;
	const char *name = text ? "inline capture" : c->capture;
	ip_device_set *set = text ? test_load_text("t.txt", c->capture)
				  : test_load_samples(c->capture, NULL);
	cr_assert_geq(set->n, 1, "%s", name);
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	const ip_target *t = c->target ? ip_target_from_name(set->arena, c->target, "test")
				       : NULL;
	ip_device_check ck;
	ip_check_device(&ck, set->arena, set->v[0], t, &cfg);
	const ip_boot_prediction *p = &ck.next_boot;
	agree_missing(&ck, name);
	for (size_t k = 0; k < ck.n_findings; k++) {
		const ip_finding *f = &ck.findings[k];
		if (!p->verdict_list)
			break;
		if (strcmp(f->rule_id, "boot-order") == 0 && f->subject.list == p->verdicts->list_id)
			agree_order(&ck, f, name);
		else if (strcmp(f->rule_id, "boot-fallback") == 0 && p->n_verdicts)
			agree_fallback(&ck, name);
		else if (strcmp(f->rule_id, "alphabetical-boot") == 0)
			agree_alpha(&ck, name);
	}
	char want[256];
	snprintf(want, sizeof(want), "%s", c->fires);
	for (char *id = strtok(want, " "); id; id = strtok(NULL, " ")) {
		bool seen = false;
		for (size_t k = 0; k < ck.n_findings; k++)
			seen |= strcmp(ck.findings[k].rule_id, id) == 0;
		cr_expect(seen, "%s: %s did not report", name, id);
	}
	ip_device_set_free(set);
}
