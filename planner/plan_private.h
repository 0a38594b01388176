/* What the plan builder's two files share: the facts decided about the
 * device (plan_build.c) and the step writers (plan_steps.c). Internal to
 * planner/. */
#ifndef IOSPLAN_PLAN_PRIVATE_H
#define IOSPLAN_PLAN_PRIVATE_H

#include "plan.h"
#include "fs_model.h"
#include "plan_expect.h"

/* A file the plan deletes before the copy, and why. */
typedef struct plan_delete {
	const char *filesystem;
	const ip_file *file;
	const char *why; /* "neither running nor in a boot list" */
} plan_delete;

typedef struct plan_bld {
	ip_plan *p;
	ip_arena *a;
	ip_fs_view fsv;             /* the model's filesystems of the device */
	const ip_check_config *cfg;
	const ip_filesystem *dest;  /* the listing the image goes to */
	const ip_file *have;        /* a file of the target's name there */
	bool copy_needed;           /* false: a whole copy is already there */
	const char *running_name;   /* the running image's path on dest */
	const char *running_fs;     /* the filesystem it is on: dest's name, or another
				     * the device boots from (usbflash0:, harddisk:) */
	const char **member_checks; /* members whose copy of an inferred running image
				     * a gated `dir flashN:DIR/` shows (running_in_dir) */
	size_t n_member_checks, cap_member_checks;
	const char **fb_members;    /* member flash the plan copies the running image
				     * to, from the active's, and verifies there, so
				     * that member keeps a fallback (issue 20 pt 11) */
	size_t n_fb_members, cap_fb_members;
	uint64_t running_size;      /* ... the bytes each such copy takes */
	bool running_inferred;      /* ... from show version: its directory is listed,
				     * not what the directory holds */
	bool bootvar;               /* the BOOT variable decides (switches) */
	const char *refusal;        /* a step that cannot be written safely says
				     * why here; the plan is refused with it */
	bool one_line;              /* classic Catalyst: one BOOT path-list */
	bool stack;                 /* boot system switch all */
	size_t cap_member_fs;
	bool fix_register;
	uint32_t register_value;
	bool fix_manual_boot;
	const char *register_blocks; /* why the register cannot be repaired */
	const char *space_blocks;    /* why room cannot be made */
	const char *last_image;      /* room only by deleting every image there */
	plan_delete *deletes;
	size_t n_deletes, cap_deletes;
	/* the running-config's boot list as the plan leaves it so far */
	ip_boot_entry *run;
	size_t n_run, cap_run;
	bool run_known;
	ip_boot_entry target_entry, fallback_entry;
	bool has_fallback;
	bool on_target;              /* the running image is the target, on dest */
	const char *fallback_name;   /* remediation: the fallback's path on dest */
	bool delete_running;
	bool tar_local;              /* tar: room on dest for the tar beside its unpacked
				      * image: copy it there, verify it, unpack from flash */
	bool tar_have;               /* ... and the whole tar is there already */
	bool tftp_blocksize;         /* TFTP chosen for an image the tftp-transfer finding
				      * calls large: `ip tftp blocksize 8192` for the copy */
	/* --vrf (issue 20, point 19): how the transfers reach the server */
	bool vrf_keyword;            /* the copy's own `vrf NAME` (IOS-XE switches) */
	const char *vrf_if;          /* else `ip tftp|scp source-interface` this interface */
	bool vrf_tftp, vrf_scp;      /* ... for these protocols, set before the first
				      * transfer and put back in the clean-up */
	bool remove_inactive;        /* install mode: `install remove inactive` before the
				      * copy makes the room (issue 20, point 3) */
	bool remove_for_packages;    /* ... planned because inactive packages exist, not
				      * for room (issue 21 pt 2) */
	uint64_t need_dest, margin;  /* bytes the destination must have free */        /* --allow-delete-running was needed */
	bool issu;                   /* --issu asked and eligible: activate issu */
	const char *refusal_issu;    /* --issu asked, not eligible: why */
	const struct plan_rommon_form *rommon; /* the platform's ROMMON upgrade form,
					       * when the plan upgrades it (issue 22) */
	bool rommon_have;            /* ... and its package is on the filesystem already */
	uint64_t rommon_bytes;       /* need_dest's share for the ROMMON package */
	ip_plan_step *cur;
	/* cur's why, as plan_why() grows it: appended in place, not copied
	 * whole for each sentence (a step deleting 20 000 files made 20 000
	 * ever longer copies: memory in the square of the deletions) */
	char *why_buf;
	size_t why_len, why_cap;
	const ip_plan_step *why_step;
} plan_bld;

/* --- plan_steps.c --------------------------------------------------------- */

void plan_steps_write(plan_bld *b);

/* The one place a copy command is written (issue 20, point 19): `verb src
 * dst` with the VRF keyword when --vrf chose it and either end is on the
 * network (a URL); dst may be NULL (archive download-sw). */
void plan_copy_cmd(plan_bld *b, const char *verb, const char *src, const char *dst);

/* --- plan_build.c --------------------------------------------------------- */

/* The command that removes the packages and images nothing boots, in the
 * command set of flow f (install_flow.h). */
const char *plan_clean_command(const plan_bld *b, ip_install_flow f);

/* Whether inactive packages exist on the flash install add writes to
 * (issue 21 pt 2): an I row of the captured install state
 * (ip_install_first_inactive), or the listing's file names (space.h,
 * ip_space_inactive). */
bool plan_has_inactive_packages(const plan_bld *b);

/* --- plan_names.c --------------------------------------------------------- */

/* NULL when every name the plan types is one CLI token and every line it
 * prints stays one line (cli_token.h); else the reason to refuse it. */
const char *plan_names_check(plan_bld *b);

/* --- plan_issu.c ---------------------------------------------------------- */

/* NULL when ISSU applies to the plan's device and target, else why not. */
const char *plan_issu_ineligible(plan_bld *b);
/* --issu: eligible sets b->issu, else b->refusal_issu; without it a
 * device with a standby gets a warning saying whether ISSU would apply. */
void plan_issu_decide(plan_bld *b);

/* --- plan_rommon.c (issue 22) -------------------------------------------- */

/* A rommon-minimum finding (IP_REPAIR_ROMMON, subject the ROM monitor):
 * NULL when the plan's ROMMON steps repair it (b->rommon set), else what
 * is missing (the catalogue's rommon_image, the platform's form). */
const char *plan_rommon_decide(plan_bld *b);
/* The steps: the copy (transfer), the md5 and the upgrade (the end of the
 * verify phase, before any reload), the version after the reload. */
void plan_rommon_copy(plan_bld *b);
/* The bytes the ROMMON package needs on fs when the plan will copy it
 * there (the target needs it, the catalogue and the platform table allow
 * it, fs does not hold it): the room decision counts them. */
uint64_t plan_rommon_bytes(const plan_bld *b, const ip_filesystem *fs);
void plan_rommon_upgrade(plan_bld *b);
void plan_rommon_check(plan_bld *b);
void plan_rommon_cleanup(plan_bld *b); /* delete the package the plan copied */

/* --- plan_way_back.c (issue 22) ------------------------------------------ */

/* Fill p->way_back from the plan, its proof and the catalogue's facts. */
void plan_way_back(plan_bld *b);

/* --- helpers both use ----------------------------------------------------- */

ip_plan_step *plan_step(plan_bld *b, ip_plan_phase ph, ip_plan_mode m, const char *title);
void plan_why(plan_bld *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void plan_cmd(plan_bld *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* An expect line of a documented form (plan_expect.def): R14 checks that
 * the line is an instance of it. */
void plan_expect(plan_bld *b, int form, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An expect line quoted from a capture: span is the line it comes from. */
void plan_expect_quote(plan_bld *b, ip_span span, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void plan_expect_any(plan_bld *b, int form, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void plan_prompt(plan_bld *b, const char *prompt, const char *answer, bool always,
		 const char *var);
ip_plan_effect *plan_effect(plan_bld *b, ip_effect_kind k);
void plan_warn(plan_bld *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
