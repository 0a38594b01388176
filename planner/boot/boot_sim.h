/* The boot simulator: what the device will load at its next reload.
 *
 * It follows IOS's own order (seed section 1, DOMAIN.md §1.2, §2.3):
 *   1. the config-register boot field AS IT WILL BE at next reload
 *      (0x0 ROMMON; 0x1 platform-dependent; 0x2-0xF go on). Cat9k has no
 *      register that matters: MANUAL_BOOT = yes means ROMMON.
 *   2. routers: the startup-config `boot system` statements in order;
 *      switches: the BOOT variable for the next reload; each entry whose
 *      file is absent from the listing is skipped (and said so);
 *   3. no usable entry: the first bootable image on the default
 *      filesystem; where the alphabetically first and the listing-first
 *      image differ, the outcome is platform-dependent and both are named;
 *   4. nothing bootable: ROMMON.
 * Every step appends a trace line with the span of the fact it used. When a
 * fact the next step needs is unknown (no listing, no startup-config), the
 * prediction stops with IP_NEXT_UNKNOWN and names the capture that would
 * supply it: it never guesses. */
#ifndef IOSPLAN_BOOT_SIM_H
#define IOSPLAN_BOOT_SIM_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"
#include "platform.h"

typedef enum ip_next_outcome {
	IP_NEXT_UNKNOWN = 0,   /* a needed fact is missing: see `missing` */
	IP_NEXT_IMAGE,         /* boots filesystem:path */
	IP_NEXT_NETWORK,       /* boots from the network (tftp ...) */
	IP_NEXT_ROMMON,        /* stops in ROMMON / switch: prompt */
	IP_NEXT_AMBIGUOUS,     /* depends on the platform: `path` and `alt_path` */
	IP_NEXT_PLATFORM_ROM,  /* boot field 0x1: ROM / boot helper / first image, per platform */
} ip_next_outcome;

typedef enum ip_next_step {
	IP_STEP_NONE = 0,
	IP_STEP_REGISTER,       /* decided by the boot field */
	IP_STEP_MANUAL_BOOT,    /* decided by MANUAL_BOOT */
	IP_STEP_BOOT_STATEMENT, /* a startup-config boot system line */
	IP_STEP_BOOT_VARIABLE,  /* a BOOT variable entry */
	IP_STEP_FIRST_IMAGE,    /* the first image on flash */
	IP_STEP_NOTHING,        /* nothing bootable: ROMMON */
} ip_next_step;

typedef struct ip_trace_line {
	const char *text; /* "boot system flash:a.bin: skipped, flash: has no a.bin" */
	ip_span span;     /* the fact this step read; line 0 when none */
} ip_trace_line;

/* Per-entry verdicts (issue 19): what the simulator decided about each
 * entry of a boot list, so that the boot rules, facts and the planner read
 * one answer instead of re-walking the list. */
typedef enum ip_boot_verdict_kind {
	IP_VERDICT_UNKNOWN = 0,     /* a needed listing is missing or partial: `missing` */
	IP_VERDICT_BOOTS,           /* loads this local image (or a first image, `boot system flash:`) */
	IP_VERDICT_NETWORK,         /* tried over the network; its success cannot be checked offline */
	IP_VERDICT_ROM,             /* `boot system rom`: ROM/boot-helper image or ROMMON */
	IP_VERDICT_SKIP_MISSING,    /* a complete listing has no such file */
	IP_VERDICT_SKIP_NO_FS,      /* show file systems names no such filesystem */
	IP_VERDICT_SKIP_NOT_BOOTABLE, /* the file is there but is no image: `why` */
	IP_VERDICT_SKIP_NO_IMAGE,   /* `boot system flash:`: the filesystem holds no image */
	IP_VERDICT_SKIP_OTHER_MEMBER, /* `boot system switch N`, N not the active switch */
	IP_VERDICT_NOT_REACHED,     /* after the entry that decided, or the list is not read */
} ip_boot_verdict_kind;

/* Why a present file is not bootable (SKIP_NOT_BOOTABLE). */
typedef enum ip_unbootable {
	IP_UNBOOT_NONE = 0,
	IP_UNBOOT_DIRECTORY,
	IP_UNBOOT_EMPTY,            /* 0 bytes */
	IP_UNBOOT_TAR,
	IP_UNBOOT_PACKAGE,          /* an install-mode sub-package */
	IP_UNBOOT_INSTALL_FILE,     /* packages.conf where install mode cannot boot it */
	IP_UNBOOT_NOT_IMAGE,        /* a text file: config.text, vlan.dat ... */
} ip_unbootable;

/* Which boot list an entry is in: the verdicts' and the rules' typed
 * finding subjects' (rules/rule.h) one name for it. */
typedef enum ip_list_id {
	IP_LIST_NONE = 0,
	IP_LIST_RUNNING,         /* dev->boot_running */
	IP_LIST_STARTUP,         /* dev->boot_startup */
	IP_LIST_CONFIG,          /* dev->boot_config */
	IP_LIST_BOOTVAR,         /* dev->bootvar */
	IP_LIST_BOOTVAR_CURRENT, /* dev->bootvar_current */
	IP_LIST_MEMBER_BOOTVAR,  /* members[].bootvar, .member says which */
} ip_list_id;

typedef struct ip_boot_verdict {
	const ip_boot_list *list;
	ip_list_id list_id;
	int member;                  /* IP_LIST_MEMBER_BOOTVAR: the switch number; else 0 */
	const ip_boot_entry *entry;
	size_t index;                /* 0-based, in list */
	ip_boot_verdict_kind kind;   /* in the walk: NOT_REACHED after the deciding entry */
	ip_boot_verdict_kind alone;  /* the entry's own verdict, as if the walk reached
				      * it: equal to kind for every entry reached */
	ip_unbootable why;           /* SKIP_NOT_BOOTABLE */
	const ip_filesystem *fs;     /* the listing the lookup read, if any */
	const ip_file *file;         /* ip_fs_lookup's answer (BOOTS, NOT_BOOTABLE),
				      * or the directory a partial answer stopped at */
	const ip_file *case_twin;    /* SKIP_MISSING: a listed name differing only in
				      * letter case (the case policy decided) */
	bool case_decided;           /* the answer depended on the letter-case policy */
	const char *missing;         /* UNKNOWN: the capture that would decide */
	ip_span span;                /* the entry's */
} ip_boot_verdict;

/* What a reload before `install commit` boots on a device running an
 * uncommitted activation: UNCONFIRMED in Cisco's guides (DOMAIN.md §8),
 * so a setting (`uncommitted_reload` in .iosplan.yaml, docs/lint.md). */
typedef enum ip_install_reload {
	IP_INSTALL_RELOAD_REVERTS = 0, /* the committed software: the activation's
					* own reload was the one it survives
					* (Kestra's install rules, research [K3]) */
	IP_INSTALL_RELOAD_KEEPS,       /* the uncommitted software once more; the
					* reload after that, the committed one */
} ip_install_reload;

#define IP_INSTALL_RELOAD_SETTING "uncommitted_reload"

/* The setting for every prediction that follows (lint/config.c hands it
 * over, as the file-name case policy; the default is REVERTS). */
void ip_install_reload_set(ip_install_reload r);
ip_install_reload ip_install_reload_get(void);
bool ip_install_reload_parse(const char *s, ip_install_reload *out); /* "reverts", "keeps" */

/* What the install state does to the coming reloads (issue 21), for an
 * IOS-XE device whose `show install` was captured. The boot list's walk
 * above says which file the reload reads (packages.conf); this says which
 * software that file then stands for, and for how long. */
typedef struct ip_install_forecast {
	bool read;                        /* a show install capture was read */
	const ip_install_block *block;    /* where the first U row is */
	const ip_install_pkg *uncommitted;/* the first U row: runs now, reverts
					   * when the timer fires, and at a
					   * reload before install commit as
					   * `reload` says */
	ip_install_reload reload;         /* the setting the prediction used */
	const ip_install_pkg *deactivated;/* the first D row: comes back when
					   * the activation is rolled back */
	ip_tri timer;                     /* the auto-abort timer runs (YES) */
	ip_tri in_progress;               /* an install operation runs (YES) */
	ip_u64 timer_left_s;              /* its time left at the capture */
	const ip_install_pkg *smu;        /* a patch (SMU, APSP, APDP) active on
					   * some members, not on others */
	const int *smu_missing;           /* the switches without it */
	size_t n_smu_missing;
	const ip_install_pkg *smu_file_row; /* the row naming smu_missing_file */
	const char *smu_missing_file;     /* a switch whose flash lacks the patch
					   * file an active row names: its name */
	int smu_missing_file_member;
	/* IOS-XE 3.x (show version running vs provisioned): a package one
	 * location's next reload loads that does not run there now, or one
	 * that runs and will not load: a change installed, not yet booted */
	const ip_install_pkg *provisioned;
	const ip_install_block *provisioned_block;
	bool software_timer;              /* the timer is 3.x's `software install
					   * ... auto-rollback` one */
} ip_install_forecast;

typedef struct ip_boot_prediction {
	ip_next_outcome outcome;
	ip_next_step step;
	const char *filesystem;      /* the image that boots, for IMAGE / AMBIGUOUS */
	const char *path;
	const char *alt_path;        /* AMBIGUOUS: the listing-first image */
	size_t n_images;             /* FIRST_IMAGE: the bootable images the search
				      * chose among (1: the only one there) */
	const ip_boot_entry *entry;  /* the statement or BOOT entry that chose it */
	size_t entry_index;          /* 0-based, in its list */
	const ip_file *file;         /* the listing line of the image, if known */
	bool skipped_entries;        /* some entries before the chosen one were skipped */
	bool from_fallback;          /* chosen by a step after the first entry */
	const char *missing;         /* UNKNOWN: "show startup-config | include boot" */
	/* UNKNOWN with missing NULL: no capture gives the fact (issue 23, pt 3),
	 * and this says why ("2899 is not in iosplan's platform table ...") */
	const char *unknown_why;
	ip_span span;                /* the fact that decided */
	ip_trace_line *trace;
	size_t n_trace, cap_trace;
	/* One verdict per entry of the list the next reload reads, in order,
	 * when that list is known (also when the register or Manual Boot
	 * decided first: then every kind is NOT_REACHED); n_verdicts 0 else. */
	const ip_boot_list *verdict_list;
	ip_boot_verdict *verdicts;
	size_t n_verdicts, cap_verdicts;
	ip_install_forecast install; /* what the install state does (issue 21) */
} ip_boot_prediction;

/* Whether the install state holds a change only the operator settles, with
 * `install commit` (keep it) or `install abort` (return to the committed
 * software): an activated or deactivated package not committed, a running
 * auto-abort timer, an install operation in progress. The rule
 * install-pending, the planner's refusal and its proof ask this one
 * question (issue 21). */
bool ip_install_pending(const ip_install_forecast *f);

/* Predict dev's next boot. Memory from arena a. Never fails. */
void ip_boot_predict(ip_boot_prediction *out, ip_arena *a, const ip_device *dev);

/* The verdicts of any list of dev's (the running-config's, a stack
 * member's BOOT variable) judged the way ip_boot_predict judges the list it
 * walks: `alone` is filled, `kind` is NOT_REACHED (the reload does not walk
 * this list, or the caller does not know where it stops). member > 0 judges
 * the entries against that member's own flash (flash-N:). plat: dev's
 * classification (NULL: classify here). *out is an arena array of list->n
 * verdicts. Never fails. */
void ip_boot_verdicts_of(ip_boot_verdict **out, ip_arena *a, const ip_device *dev,
			 const ip_platform *plat, const ip_boot_list *list, ip_list_id id,
			 int member);

/* Whether a verdict means the reload does not load the entry and goes on. */
bool ip_boot_verdict_skips(ip_boot_verdict_kind k);

const char *ip_boot_verdict_name(ip_boot_verdict_kind k); /* "boots", "skip-missing", ... */

const char *ip_next_outcome_name(ip_next_outcome o); /* "image", "rommon", ... */
const char *ip_next_step_name(ip_next_step s);       /* "boot-statement", ... */

#endif
