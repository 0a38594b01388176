/* The rule interface.
 *
 * A rule is one file in rules/ exporting one `const ip_rule`. Its check
 * function reads a read-only context (the device state, the platform, the
 * predicted next boot, the target, the options) and reports findings through
 * ip_report(), each with its typed subject (what it is about). It does no I/O
 * and never knows its configured severity: the engine stamps the rule id,
 * the severity and the rule's repair policy on every finding and applies the
 * configuration (disabled rules, severities). The planner reads a finding
 * by its repair policy and subject only (scripts/check-contract). Title,
 * rationale, fix and the examples live in rules/rules.yaml. */
#ifndef IOSPLAN_RULE_H
#define IOSPLAN_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "boot_sim.h"
#include "device.h"
#include "install_flow.h"
#include "platform.h"
#include "target.h"

typedef enum ip_severity {
	IP_SEV_NONE = 0, /* disabled */
	IP_SEV_NOTE,
	IP_SEV_WARNING,
	IP_SEV_ERROR,    /* blocks the upgrade */
} ip_severity;

typedef struct ip_related {
	ip_span span;
	const char *message;
} ip_related;

/* What the planner may do about a rule's findings: the rule declares it in
 * its descriptor, the engine stamps it on every finding, and the planner
 * decides by it and by the finding's subject, never by the rule's id or its
 * message (issue #19, "the rule -> plan contract"). Each value below names
 * the part of the plan that repairs the finding; when that part cannot (the
 * plan's facts say why), the finding blocks the plan. */
typedef enum ip_repair {
	IP_REPAIR_UNDECLARED = 0, /* a rule that says nothing: a test fails on it */
	IP_REPAIR_NONE,      /* informational: the plan changes nothing about it;
			      * at error it blocks the plan, below it is noted */
	IP_REPAIR_BOOT_LIST, /* the plan's new, saved boot list repairs every
			      * finding whose subject is a boot entry or list */
	IP_REPAIR_REGISTER,  /* the plan sets the register (or drops `boot manual`)
			      * unless the register facts block it */
	IP_REPAIR_ROOM,      /* the plan's deletions make room, unless no room can
			      * be made (then it blocks) */
	IP_REPAIR_METHOD,    /* an install-mode plan repairs it, below error */
	IP_REPAIR_STACK,     /* the plan on every member repairs it, unless a
			      * member is out of reach (then it blocks) */
	IP_REPAIR_TRANSFER,  /* --transfer scp repairs it */
	IP_REPAIR_RECOPY,    /* the plan deletes the device's copy of the target
			      * that is not the published image (a finding whose
			      * subject is that file: a partial or corrupt copy)
			      * and copies it afresh, verified; a finding about
			      * the target itself (a bad download, no reference
			      * hash) blocks at error (issue 20, point 10) */
	IP_REPAIR_SETTLE,    /* only the operator settles it (`install commit` or
			      * `install abort`): no plan repairs it, and it
			      * blocks at whatever severity it is reported
			      * (issue 21: a pending install) */
	IP_REPAIR_ROMMON,    /* the plan's ROMMON steps repair a finding whose
			      * subject is the ROM monitor, when the catalogue
			      * names the ROMMON package (rommon_image) and the
			      * platform's upgrade command is known
			      * (planner/plan_rommon.c); else it blocks at error
			      * naming what is missing (issue 22) */
	IP_REPAIR__COUNT
} ip_repair;

/* What a finding is about, typed, so that a reader (the planner, audit)
 * needs neither the rule id nor the message text. */
typedef enum ip_subject_kind {
	IP_SUBJ_UNSET = 0,   /* never reported: ip_report takes a subject */
	IP_SUBJ_DEVICE,      /* the device as a whole */
	IP_SUBJ_BOOT_ENTRY,  /* .list, .index (and .member for a member's list) */
	IP_SUBJ_BOOT_LIST,   /* .list (and .member) */
	IP_SUBJ_FILE,        /* .filesystem (may be NULL: the default), .name */
	IP_SUBJ_FILESYSTEM,  /* .filesystem (and .member for a member's flash) */
	IP_SUBJ_MEMBER,      /* .member, a stack member number */
	IP_SUBJ_REGISTER,    /* the configuration register or `boot manual` */
	IP_SUBJ_TRANSFER,    /* the copy of the target to the device */
	IP_SUBJ_TARGET,      /* the target image (its name, release, platform) */
	IP_SUBJ_ROMMON,      /* the device's ROM monitor (its version) */
	IP_SUBJ__COUNT
} ip_subject_kind;

/* Which boot list a boot-entry or boot-list subject is in: ip_list_id,
 * defined with the boot simulator's verdicts (boot_sim.h). */

typedef struct ip_subject {
	ip_subject_kind kind;
	ip_list_id list;
	size_t index;            /* the entry's index in its list */
	int member;              /* stack member number, 0: none */
	const char *filesystem;  /* "flash:", NULL: none or the default */
	const char *name;        /* a file's name; a network boot entry's
				  * server (network-boot), NULL: none named */
} ip_subject;

typedef struct ip_finding {
	const char *rule_id;   /* stamped by the engine */
	ip_severity severity;  /* stamped by the engine */
	ip_repair repair;      /* stamped by the engine, from the rule */
	ip_subject subject;    /* set by the rule through ip_report */
	const char *device;    /* hostname, or NULL */
	const char *message;
	ip_span span;          /* primary location; line 0 when no text holds the fact */
	ip_related *related;
	size_t n_related, cap_related;
	const char **fix;      /* commands that fix it, in order */
	size_t n_fix, cap_fix;
	const char *capture;   /* the command whose output would decide it, or NULL */
	bool weak;             /* reported one level below the rule's severity */
} ip_finding;

typedef struct ip_findings ip_findings; /* collector; owned by the engine */

/* Options a rule may read: defaults overridden by .iosplan.yaml. */
typedef struct ip_normal_register {
	const char *model_prefix; /* "ISR4", "WS-C2960", "C9300" */
	uint32_t value;
} ip_normal_register;

/* On which switches a save (write memory, copy running-config
 * startup-config) rewrites the BOOT variable from the running-config's
 * `boot system` lines, so that a save with none clears it. Cisco FN63641
 * documents it on Catalyst 3850 IOS-XE 3.2.0SE; on later IOS-XE switches
 * it is UNCONFIRMED (DOMAIN.md §2.5), on classic Catalysts BOOT set by
 * `archive download-sw` beside an empty boot block is normal. The
 * `.iosplan.yaml` setting save_rewrites_boot (docs/lint.md). */
typedef enum ip_save_boot {
	IP_SAVE_BOOT_IOSXE = 0, /* Cat3k/Cat9k IOS-XE switches (the default) */
	IP_SAVE_BOOT_SWITCHES,  /* every switch that boots from its BOOT variable */
	IP_SAVE_BOOT_NEVER,
} ip_save_boot;

typedef struct ip_rule_options {
	uint64_t flash_margin_bytes;    /* kept free beyond the image */
	unsigned flash_margin_percent;  /* of the image size, whichever is larger */
	uint64_t tftp_limit_bytes;      /* 65535 blocks of 512 bytes */
	const ip_normal_register *normal_registers;
	size_t n_normal_registers;
	/* Install mode: room for the .pkg files `install add` expands the .bin
	 * into, in % of the image size. The ratio is UNCONFIRMED (DOMAIN.md
	 * §9.6): "roughly the size of the .bin", hence 100 by default. */
	unsigned install_expand_percent;
	ip_save_boot save_rewrites_boot; /* unsaved-boot's save-clears-BOOT case */
	/* From which release each series has `install add` (issue 21):
	 * .iosplan.yaml's install_commands_since, over the model's table
	 * (parsers/model/install_flow.c); NULL/0: the table alone. */
	const ip_install_since *install_since;
	size_t n_install_since;
} ip_rule_options;

typedef struct ip_rule_ctx {
	const ip_device *dev;
	const ip_platform *platform;
	const ip_boot_prediction *next_boot;
	const ip_target *target; /* NULL: no target given */
	const ip_rule_options *opts;
	ip_arena *arena;         /* for message text only */
} ip_rule_ctx;

typedef struct ip_rule {
	const char *id;              /* kebab-case, stable forever */
	ip_severity default_severity;
	void (*check)(const ip_rule_ctx *ctx, ip_findings *out);
	ip_repair repair;            /* what the plan may do about its findings */
} ip_rule;

/* Subjects, for ip_report. */
ip_subject ip_subj_device(void);
/* Entry e of list l, l one of dev's lists or a member's BOOT variable;
 * l NULL: the list of dev that holds e. */
ip_subject ip_subj_entry(const ip_device *dev, const ip_boot_list *l, const ip_boot_entry *e);
ip_subject ip_subj_list(const ip_device *dev, const ip_boot_list *l);
ip_subject ip_subj_file(const char *filesystem, const char *name);
ip_subject ip_subj_fs(const char *filesystem, int member);
ip_subject ip_subj_member(int member);
ip_subject ip_subj_register(void);
ip_subject ip_subj_transfer(void);
ip_subject ip_subj_target(void);
ip_subject ip_subj_rommon(void);
const char *ip_subject_kind_name(ip_subject_kind k); /* "boot-entry", ... */
const char *ip_repair_name(ip_repair r);              /* "boot-list", ... */

/* Report a finding about subject at span; the message is printf-formatted.
 * Returns the finding so that related spans, fixes and a capture hint can
 * be added. */
ip_finding *ip_report(ip_findings *out, ip_subject subject, ip_span span, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same, one severity level below the rule's: for findings that depend on
 * a platform behaviour iosplan cannot confirm from the captures. */
ip_finding *ip_report_weak(ip_findings *out, ip_subject subject, ip_span span,
			   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same as a note, whatever the rule's severity: the rule cannot judge
 * because an output was not captured at all; the finding names it with
 * ip_finding_capture (issue 23, point 9: one such note per device). */
ip_finding *ip_report_unknown(ip_findings *out, ip_subject subject, ip_span span,
			      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void ip_finding_related(ip_findings *out, ip_finding *f, ip_span span,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void ip_finding_fix(ip_findings *out, ip_finding *f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A fact the rule needed is unknown: name the command that would supply it. */
void ip_finding_capture(ip_findings *out, ip_finding *f, const char *command);

/* Rules are listed in rules/rules.def, sorted by id. */
#define IP_RULE(sym, id) extern const ip_rule sym;
#include "rules.def"
#undef IP_RULE

extern const ip_rule *const ip_rules[];
extern const size_t ip_rules_count;
const ip_rule *ip_rule_find(const char *id);

#endif
