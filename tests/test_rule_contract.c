/* The rule -> plan contract (rules/rule.h, issue #19): every finding carries
 * its rule's repair policy and a typed subject the planner decides by.
 * One table of captures per rule with the subject its findings must carry;
 * an invariant over every sample (each subject names something that exists);
 * and the one plan decision that reads the subject kind (fs-prefix about a
 * boot entry is repaired by the new boot list, about the target it is not). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "plan.h"
#include "rule_harness.h"

typedef struct subject_case {
	const char *rule;
	const char *capture; /* under samples/ */
	const char *target;
	uint64_t size;
	ip_subject_kind kind; /* of every finding of the rule */
	ip_list_id list;      /* of the first of that kind, for boot entries and lists */
	int member;           /* of the first of that kind */
	const char *filesystem; /* of the first of that kind, or NULL: not checked */
	bool mixed;           /* other findings may be about other things */
} subject_case;

#define ISR_NEW "isr4300-universalk9.16.12.04.SPA.bin"
#define C2960_NEW "c2960-lanbasek9-mz.152-7.E9.bin"
#define C9K_NEW "cat9k_iosxe.17.12.04.SPA.bin"

static const subject_case subject_cases[] = {
	{ "alphabetical-boot", "traps/alphabetical.log", ISR_NEW, 0, IP_SUBJ_BOOT_LIST,
	  IP_LIST_STARTUP, 0, NULL, false },
	{ "boot-fallback", "traps/missing-boot-file.log", NULL, 0, IP_SUBJ_BOOT_ENTRY,
	  IP_LIST_STARTUP, 0, NULL, false },
	{ "boot-fallback", "traps/alphabetical.log", NULL, 0, IP_SUBJ_BOOT_LIST,
	  IP_LIST_STARTUP, 0, NULL, false },
	{ "boot-missing-file", "traps/missing-boot-file.log", NULL, 0, IP_SUBJ_BOOT_ENTRY,
	  IP_LIST_STARTUP, 0, NULL, false },
	/* a member's own BOOT variable: the list and the member */
	{ "boot-missing-file", "stack-active-only.log", NULL, 0, IP_SUBJ_BOOT_ENTRY,
	  IP_LIST_MEMBER_BOOTVAR, 2, NULL, false },
	{ "boot-order", "traps/alphabetical.log", ISR_NEW, 0, IP_SUBJ_BOOT_LIST,
	  IP_LIST_STARTUP, 0, NULL, false },
	{ "config-register", "traps/register-2142.log", NULL, 0, IP_SUBJ_REGISTER,
	  IP_LIST_NONE, 0, NULL, false },
	{ "flash-space", "traps/no-space.log", C2960_NEW, 12582912, IP_SUBJ_FILESYSTEM,
	  IP_LIST_NONE, 0, "flash:", false },
	/* the first finding is the active's flash, the others each member's */
	{ "flash-space", "stack-no-space-member2.log", C9K_NEW, 900000000, IP_SUBJ_FILESYSTEM,
	  IP_LIST_NONE, 0, "flash:", false },
	{ "fs-prefix", "traps/wrong-fs-prefix.log", NULL, 0, IP_SUBJ_BOOT_ENTRY,
	  IP_LIST_BOOTVAR, 0, NULL, false },
	/* ... and the target's prefix, beside the entry's */
	{ "fs-prefix", "traps/wrong-fs-prefix.log", "bootflash:" C2960_NEW, 0, IP_SUBJ_TARGET,
	  IP_LIST_NONE, 0, NULL, true },
	{ "image-integrity", "netstuts-sw1.log", C2960_NEW, 0, IP_SUBJ_TARGET, IP_LIST_NONE, 0,
	  NULL, false },
	{ "image-platform", "netstuts-r1.log", C2960_NEW, 0, IP_SUBJ_TARGET, IP_LIST_NONE, 0,
	  NULL, false },
	{ "install-mode", "c9300-install.log", "flash:" C9K_NEW, 0, IP_SUBJ_DEVICE,
	  IP_LIST_NONE, 0, NULL, false },
	{ "install-pending", "traps/install-pending.log", NULL, 0, IP_SUBJ_DEVICE, IP_LIST_NONE, 0,
	  NULL, false },
	{ "smu-mismatch", "traps/smu-mismatch.log", NULL, 0, IP_SUBJ_MEMBER, IP_LIST_NONE, 2, NULL,
	  false },
	{ "network-boot", "traps/network-boot.log", NULL, 0, IP_SUBJ_BOOT_ENTRY,
	  IP_LIST_STARTUP, 0, NULL, false },
	{ "stack-mismatch", "stack-vmismatch.log", NULL, 0, IP_SUBJ_MEMBER, IP_LIST_NONE, 3,
	  NULL, false },
	{ "operating-mode", "c8300-controller-mode.log", NULL, 0, IP_SUBJ_DEVICE, IP_LIST_NONE, 0,
	  NULL, false },
	/* the standby RP is no list or register of the device's own */
	{ "standby-mismatch", "asr1006-standby-mismatch.log", NULL, 0, IP_SUBJ_DEVICE,
	  IP_LIST_NONE, 0, NULL, false },
	{ "tftp-transfer", "netstuts-r1.log", ISR_NEW, 521347072, IP_SUBJ_TRANSFER,
	  IP_LIST_NONE, 0, NULL, false },
	{ "unsaved-boot", "traps/unsaved-boot.log", NULL, 0, IP_SUBJ_BOOT_ENTRY,
	  IP_LIST_RUNNING, 0, NULL, false },
	{ "version-change", "netstuts-r1.log", "isr4300-universalk9.16.09.06.SPA.bin", 0,
	  IP_SUBJ_TARGET, IP_LIST_NONE, 0, NULL, false },
};

IP_TABLE_PARAMS(contract, subjects, subject_cases)

ParameterizedTest(size_t *row, contract, subjects)
{
	const subject_case *c = &subject_cases[*row];
	rule_run_opts o = { .target = c->target, .target_size = c->size };
	rule_run *r = rule_run_new_opts(c->rule, c->capture, &o);
	cr_assert_gt(rule_run_count(r), 0, "%s on %s fires", c->rule, c->capture);
	const ip_subject *s = NULL;
	for (size_t i = 0; i < r->check.n_findings; i++) {
		const ip_finding *f = &r->check.findings[i];
		cr_assert(c->mixed || f->subject.kind == c->kind,
			  "%s on %s: finding %zu is about a %s, not a %s", c->rule, c->capture, i,
			  ip_subject_kind_name(f->subject.kind), ip_subject_kind_name(c->kind));
		cr_assert_eq(f->repair, ip_rule_find(c->rule)->repair, "%s: the rule's policy",
			     c->rule);
		if (!s && f->subject.kind == c->kind)
			s = &f->subject;
	}
	cr_assert_not_null(s, "%s on %s: a finding about a %s", c->rule, c->capture,
			   ip_subject_kind_name(c->kind));
	cr_assert_eq(s->list, c->list, "%s on %s: list %d, want %d", c->rule, c->capture, s->list,
		     c->list);
	cr_assert_eq(s->member, c->member, "%s on %s: member %d, want %d", c->rule, c->capture,
		     s->member, c->member);
	if (c->filesystem)
		cr_assert_str_eq(s->filesystem ? s->filesystem : "(none)", c->filesystem);
	rule_run_free(r);
}

/* --- every subject names something the device has ------------------------- */

static const ip_boot_list *list_of(const ip_device *d, const ip_subject *s)
{
	switch (s->list) {
	case IP_LIST_RUNNING: return &d->boot_running;
	case IP_LIST_STARTUP: return &d->boot_startup;
	case IP_LIST_CONFIG: return &d->boot_config;
	case IP_LIST_BOOTVAR: return &d->bootvar;
	case IP_LIST_BOOTVAR_CURRENT: return &d->bootvar_current;
	case IP_LIST_MEMBER_BOOTVAR:
		for (size_t i = 0; i < d->n_members; i++)
			if (d->members[i].number == s->member)
				return &d->members[i].bootvar;
		return NULL;
	case IP_LIST_NONE: break;
	}
	return NULL;
}

static void check_subjects(const char *name, const ip_device *d, const ip_device_check *ck)
{
	for (size_t i = 0; i < ck->n_findings; i++) {
		const ip_finding *f = &ck->findings[i];
		const ip_subject *s = &f->subject;
		cr_assert(s->kind > IP_SUBJ_UNSET && s->kind < IP_SUBJ__COUNT,
			  "%s: %s reported with no subject: %s", name, f->rule_id, f->message);
		cr_assert_eq(f->repair, ip_rule_find(f->rule_id)->repair, "%s: %s", name, f->rule_id);
		if (s->kind == IP_SUBJ_MEMBER)
			cr_assert_gt(s->member, 0, "%s: %s names a member", name, f->rule_id);
		if (s->kind != IP_SUBJ_BOOT_ENTRY)
			continue;
		const ip_boot_list *l = list_of(d, s);
		cr_assert_not_null(l, "%s: %s names a list the device has", name, f->rule_id);
		cr_assert_lt(s->index, l->n, "%s: %s names entry %zu of %zu", name, f->rule_id,
			     s->index, l->n);
		/* a finding at an entry's line is about that entry */
		if (f->span.line && f->span.file == l->v[s->index].span.file)
			cr_assert_eq(f->span.line, l->v[s->index].span.line,
				     "%s: %s at line %u is about the entry on line %u", name,
				     f->rule_id, f->span.line, l->v[s->index].span.line);
	}
}

static const char *const sample_dirs[] = { "", "traps/" };
static const char *const sample_targets[] = { NULL, ISR_NEW, C2960_NEW, C9K_NEW,
					      "bootflash:" C2960_NEW };

Test(contract, every_sample_finding_has_a_real_subject)
{
	size_t seen = 0;
	for (size_t k = 0; k < sizeof(sample_dirs) / sizeof(sample_dirs[0]); k++) {
		char dir[1024];
		snprintf(dir, sizeof(dir), "%s/%s", test_samples_dir(), sample_dirs[k]);
		DIR *dp = opendir(dir);
		cr_assert_not_null(dp, "%s", dir);
		for (struct dirent *e; (e = readdir(dp));) {
			size_t n = strlen(e->d_name);
			if (n < 5 || strcmp(e->d_name + n - 4, ".log") != 0)
				continue;
			char rel[512];
			snprintf(rel, sizeof(rel), "%s%s", sample_dirs[k], e->d_name);
			ip_device_set *set = test_load_samples(rel, NULL);
			for (size_t t = 0; t < sizeof(sample_targets) / sizeof(sample_targets[0]); t++) {
				ip_target *tg = sample_targets[t] ? ip_target_from_name(
						set->arena, sample_targets[t], "test") : NULL;
				ip_check_config cfg;
				ip_check_config_defaults(&cfg);
				for (size_t d = 0; d < set->n; d++) {
					ip_device_check ck;
					ip_check_device(&ck, set->arena, set->v[d], tg, &cfg);
					check_subjects(rel, set->v[d], &ck);
					seen += ck.n_findings;
				}
			}
			ip_device_set_free(set);
		}
		closedir(dp);
	}
	cr_assert_gt(seen, 100, "the samples produce findings to check (%zu)", seen);
}

/* --- the planner decides by the subject ------------------------------------ */

static ip_plan_role role_of(const ip_plan *p, const char *rule, ip_subject_kind kind)
{
	for (size_t i = 0; i < p->n_findings; i++) {
		const ip_finding *f = p->findings[i].finding;
		if (!strcmp(f->rule_id, rule) && f->subject.kind == kind)
			return p->findings[i].role;
	}
	cr_assert_fail("no %s finding about a %s", rule, ip_subject_kind_name(kind));
	return IP_ROLE_NOTED;
}

/* fs-prefix's policy is the boot list: the plan's new list repairs a wrong
 * prefix on a boot entry, while a wrong prefix on the target blocks. */
Test(contract, fs_prefix_resolved_on_entry_blocks_on_target)
{
	ip_device_set *set = test_load_samples("traps/wrong-fs-prefix.log", NULL);
	ip_target *t = ip_target_from_name(set->arena, "bootflash:" C2960_NEW, "test");
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, NULL);
	cr_assert_eq(role_of(&p, "fs-prefix", IP_SUBJ_BOOT_ENTRY), IP_ROLE_RESOLVED);
	cr_assert_eq(role_of(&p, "fs-prefix", IP_SUBJ_TARGET), IP_ROLE_BLOCKS);
	cr_assert(p.refused, "a target on a filesystem the device lacks is refused");
	ip_device_set_free(set);
}
