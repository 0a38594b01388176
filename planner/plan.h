/* The upgrade planner: the ordered commands that move one device to a target
 * image, and the proof, by simulation, that they do it safely.
 *
 * A plan is the seed's section 9 checklist made concrete for one device:
 * phases (pre-checks, transfer, verify, boot statements, save, reload,
 * post-checks, deferred clean-up, rollback), each a list of steps. A step
 * carries the commands, why they are there, the output that proves they
 * worked, the answers to the prompts they raise, and its EFFECTS on the
 * device state (a file copied, deleted or verified, a boot entry added, the
 * configuration saved, the device reloaded...).
 *
 * The builder (plan_build.c) runs every rule first. Error findings that the
 * plan itself repairs (the boot list, unsaved boot statements, a register
 * the plan sets back, room it makes by deleting unused images) do not stop
 * it; any other error finding, or a fact the plan needs and no capture
 * gives, refuses the plan with the reason.
 *
 * The proof (plan_sim.c) applies the effects to a COPY of the device state
 * and runs the boot simulator: the next boot must be the verified target,
 * and with the target made unbootable it must be the old image (or a
 * `boot system tftp` fallback), unless the plan warns that it has none; a
 * bundle or tar plan with none is refused unless --allow-no-fallback asked
 * for it (issue 20). No
 * step may delete the last bootable image before the target is verified,
 * no boot entry or activation may name the target before it is, and no
 * saved boot list may name an unverified copy of it while the plan runs
 * (plan_sim.c, R8).
 * A plan that fails its own proof is refused: it is never printed.
 *
 * Ownership: everything a plan points to lives in the arena given to
 * ip_plan_build(), or in the device set the device belongs to. */
#ifndef IOSPLAN_PLAN_H
#define IOSPLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine.h"

#define IOSPLAN_PLAN_FORMAT_VERSION 1

typedef enum ip_plan_phase {
	IP_PHASE_PRECHECK = 0,
	IP_PHASE_TRANSFER,
	IP_PHASE_VERIFY,
	IP_PHASE_BOOT,
	IP_PHASE_SAVE,
	IP_PHASE_RELOAD,
	IP_PHASE_POSTCHECK,
	IP_PHASE_CLEANUP,  /* deferred: after the soak period */
	IP_PHASE_ROLLBACK, /* only if the new release misbehaves */
	IP_PHASE_COUNT,
} ip_plan_phase;

typedef enum ip_plan_mode {
	IP_MODE_EXEC = 0, /* privileged exec commands */
	IP_MODE_CONFIG,   /* lines inside `configure terminal` ... `end` */
} ip_plan_mode;

typedef enum ip_effect_kind {
	IP_EFFECT_COPY = 0,      /* filesystem:path of `size` bytes appears */
	IP_EFFECT_DELETE,        /* filesystem:path goes */
	IP_EFFECT_VERIFY,        /* filesystem:path matched the reference hash */
	IP_EFFECT_SERVER_BACKUP, /* the transfer server now holds path */
	IP_EFFECT_SERVER_VERIFY, /* ... and its copy matched the device's hash */
	IP_EFFECT_BOOT_CLEAR,    /* `no boot system`: the running list empties */
	IP_EFFECT_BOOT_REMOVE,   /* `no boot system X`: entry X leaves it */
	IP_EFFECT_BOOT_ADD,      /* `boot system X`: appended to it */
	IP_EFFECT_SAVE,          /* running -> startup (and BOOT on switches) */
	IP_EFFECT_REGISTER,      /* `config-register V`: V at the next reload */
	IP_EFFECT_NO_BOOT_MANUAL,
	IP_EFFECT_INSTALL,       /* install add file F activate commit: reloads */
	IP_EFFECT_INSTALL_ROLLBACK,        /* back to the packages before it; reloads */
	IP_EFFECT_INSTALL_REMOVE_INACTIVE, /* unused .bin and packages go */
	IP_EFFECT_RELOAD,
	IP_EFFECT_PRESENT,       /* a gated pre-check showed filesystem:path is there
				  * (a file the captured listing did not reach) */
	/* the two-step form (issue 21 pt 3): */
	IP_EFFECT_INSTALL_ADD,      /* install add file F: packages expanded, none active */
	IP_EFFECT_INSTALL_ACTIVATE, /* install activate auto-abort-timer N: packages.conf on
				     * them, uncommitted; reloads */
	IP_EFFECT_INSTALL_COMMIT,   /* install commit: the activation stays */
	IP_EFFECT_ROMMON_UPGRADE,   /* upgrade rom-monitor filename filesystem:path: the
				     * new ROMMON runs from the next reload (issue 22) */
} ip_effect_kind;

typedef struct ip_plan_effect {
	ip_effect_kind kind;
	const char *filesystem; /* a listed filesystem's name: "bootflash:", "flash-2:" */
	const char *path;       /* relative to its root */
	uint64_t size;          /* COPY */
	ip_boot_entry entry;    /* BOOT_ADD, BOOT_REMOVE */
	uint32_t value;         /* REGISTER */
} ip_plan_effect;

typedef struct ip_plan_prompt {
	const char *prompt; /* "Destination filename [x.bin]?" */
	const char *answer; /* "" = press Enter */
	bool always;        /* asked every time, so the text format types it */
	const char *var;    /* an answer only the operator knows: the Ansible
			     * variable that holds it ("scp_password"), or NULL */
} ip_plan_prompt;

/* Where one expect line comes from (issue 20, point 14; the proof's R12):
 * a documented form, or the capture's own text. */
typedef struct ip_expect_src {
	int form;     /* ip_expect_form (plan_expect.h); IP_EXPECT_QUOTED (0):
		       * text quoted from a capture */
	ip_span span; /* quoted: the capture line it comes from */
} ip_expect_src;

typedef struct ip_plan_step {
	ip_plan_phase phase;
	ip_plan_mode mode;
	const char *title;   /* "Copy the image to bootflash:" */
	const char *why;     /* one or more sentences */
	const char **commands;
	size_t n_commands, cap_commands;
	const char **expect; /* lines the output must contain */
	size_t n_expect, cap_expect;
	ip_expect_src *expect_src; /* where each comes from (n_expect of them) */
	size_t cap_expect_src;
	const char **expect_any; /* and at least one of these (a ping: 100 or 80
				  * percent, the first echo lost to ARP) */
	size_t n_expect_any, cap_expect_any;
	ip_expect_src *expect_any_src; /* where each comes from */
	size_t cap_expect_any_src;
	const char *expect_var;        /* and the value only the operator knows, named
					* by this variable ("running_md5": the server's
					* md5sum of the running image), or NULL */
	const char *expect_var_prompt; /* how the operator is asked for it */
	/* A value only the operator knows that the step's LAST command takes
	 * in place of the word cmd_var_word (issue 24: `install rollback to
	 * id ID`, the rollback point show install rollback lists): the text
	 * plan keeps the word and says what to type, a playbook asks for it
	 * in vars_prompt and refuses anything but digits before sending it.
	 * NULL: none. */
	const char *cmd_var;        /* the variable ("rollback_id") */
	const char *cmd_var_word;   /* the word it replaces ("ID") */
	const char *cmd_var_prompt; /* how the operator is asked for it */
	size_t same_hash_as; /* and the MD5 that step (index + 1 in the plan's
			      * steps) printed: the running image's, the only
			      * reference a member's copy of it has; 0: none */
	ip_plan_prompt *prompts;
	size_t n_prompts, cap_prompts;
	ip_plan_effect *effects;
	size_t n_effects, cap_effects;
	const char *abort;   /* what undoes or aborts it ("reload cancel"), or NULL */
	bool gate;           /* stop the whole plan unless every expect line appears */
} ip_plan_step;

typedef enum ip_plan_role {
	IP_ROLE_BLOCKS = 0, /* an error the plan cannot repair: refused */
	IP_ROLE_RESOLVED,   /* an error (or warning) the plan's own steps repair */
	IP_ROLE_NOTED,      /* a warning or note, carried into the plan */
} ip_plan_role;

typedef struct ip_plan_finding {
	const ip_finding *finding;
	ip_plan_role role;
	const char *note; /* how the plan repairs it, or why it cannot */
} ip_plan_finding;

typedef enum ip_plan_method {
	IP_METHOD_BUNDLE = 0, /* copy, verify, boot system, reload (the seed) */
	IP_METHOD_INSTALL,    /* IOS-XE install mode: install add ... activate commit */
	IP_METHOD_TAR,        /* classic Catalyst tar: archive download-sw, boot system */
} ip_plan_method;

typedef enum ip_plan_transfer {
	IP_TRANSFER_TFTP = 0,
	IP_TRANSFER_SCP,
} ip_plan_transfer;

/* Install mode (issue 21 pt 3): `install add file F activate commit` in
 * one command, or `install add`, `install activate auto-abort-timer N`,
 * the post-checks, then `install commit` (--install-steps). */
typedef enum ip_install_steps {
	IP_STEPS_ONE_SHOT = 0,
	IP_STEPS_TWO_STEP,
} ip_install_steps;

typedef struct ip_plan_options {
	const char *server;        /* --tftp-server; NULL: "<server>" and a warning */
	ip_plan_transfer transfer; /* --transfer */
	unsigned reload_in;        /* --reload-in minutes; 0: an immediate reload */
	bool allow_delete_running; /* --allow-delete-running */
	bool allow_no_fallback;    /* --allow-no-fallback: a bundle or tar plan may be
				    * printed whose failed boot falls to nothing proved */
	bool issu;                 /* --issu: an in-service upgrade where it applies
				    * (install mode, standby hot in SSO, an EM step),
				    * else refused naming why (plan_issu.c) */
	const char *vrf;           /* --vrf: the VRF the transfer server is reached
				    * through (Mgmt-vrf, Mgmt-intf), or NULL */
	const char *source_interface; /* --source-interface: the interface in that
				       * VRF the transfers leave from, where the
				       * platform's copy has no vrf keyword; NULL:
				       * the one the captures put in the VRF */
	ip_install_steps install_steps; /* --install-steps */
	bool convert_install;      /* --convert-to-install: a Catalyst 9000 or 3650/3850 in
				    * bundle mode leaves it (Cisco 224890; issue 21 pt 4) */
	unsigned abort_timer;      /* --auto-abort-timer MIN: the two-step form's timer
				    * (30-1200; default 120, the documented default) */
	bool ansible;              /* --format ansible: the hostname becomes the play's
				    * one inventory host (ip_plan_ansible_host_ok) */
	const ip_check_config *check; /* severities and margins; NULL: defaults */
} ip_plan_options;

/* One boot prediction and what it means for the plan. */
typedef struct ip_plan_outcome {
	ip_boot_prediction p;
	const char *text; /* "bootflash:x.bin (the target; boot system entry 1)" */
	bool target;      /* boots the target */
	bool fallback;    /* boots the old image from a filesystem (proved) */
	bool conditional; /* boots the old image over the network: only if the
			   * ROM monitor reaches the server, which no capture
			   * shows (never counted as a proved fallback) */
} ip_plan_outcome;

/* A stack member's own boot: its BOOT variable against its own flash. */
typedef struct ip_plan_member {
	int number;
	const char *filesystem;       /* its flash as the commands name it */
	ip_plan_outcome next;         /* at the plan's reload */
	ip_plan_outcome target_fails; /* the same, the target made unbootable */
} ip_plan_member;

typedef struct ip_plan_proof {
	bool proven;
	ip_plan_outcome before;       /* as captured */
	ip_plan_outcome next;         /* at the plan's reload */
	ip_plan_outcome target_fails; /* the same, the target made unbootable */
	ip_plan_outcome rollback;     /* after the rollback section */
	ip_plan_outcome cleanup;      /* after the deferred clean-up */
	ip_plan_outcome aborted;      /* two-step: `install abort` right after the
				       * activation's reload, before the commit */
	bool rollback_simulated, cleanup_simulated, abort_simulated;
	ip_plan_member *members;      /* stacks: every member, the active first */
	size_t n_members, cap_members;
	const char **violations;      /* each rule the plan broke, with the step */
	size_t n_violations, cap_violations;
} ip_plan_proof;

/* The way back (issue 22): what the rollback needs and whether anything in
 * this change closes it, so that a reviewer sees both directions. One
 * builder fills it (plan_way_back.c) from typed facts, the same answers
 * the rules give (rules/release_back.h); every writer prints it. */
typedef enum ip_one_way_kind {
	IP_ONE_WAY_ROMMON = 0,    /* a ROMMON the catalogue says cannot be downgraded */
	IP_ONE_WAY_SECRETS,       /* secrets the rollback release cannot read */
	IP_ONE_WAY_LICENSE_MODEL, /* the catalogue's licensing model starts */
	IP_ONE_WAY_LICENSE_LEVEL, /* the license level changes at the reload */
	IP_ONE_WAY__COUNT
} ip_one_way_kind;

typedef struct ip_plan_one_way {
	ip_one_way_kind kind;
	bool unconfirmed; /* it holds only if an uncaptured or UNCONFIRMED
			   * fact does (the sentence says which) */
	const char *why;  /* what closes, and why */
} ip_plan_one_way;

typedef struct ip_plan_way_back {
	bool built;                /* a printed plan (not refused, not nothing-to-do) */
	const char **needs;        /* what the rollback needs, a sentence each,
				    * naming the plan's own steps */
	size_t n_needs, cap_needs;
	ip_plan_one_way *one_way;  /* what cannot be undone; none: the way back is open */
	size_t n_one_way, cap_one_way;
	const char **rollback;     /* warnings for the rollback direction */
	size_t n_rollback, cap_rollback;
	size_t rollback_step;      /* where they are said: the rollback phase's
				    * first step (index + 1); 0: with the plan's
				    * warnings (no rollback phase) or none */
	const char *config_backup; /* where the pre-check saves the configuration */
	size_t config_step;        /* that step's index + 1; 0: none */
} ip_plan_way_back;

/* "rommon", "secrets", "license-model", "license-level" */
const char *ip_one_way_kind_name(ip_one_way_kind k);


typedef struct ip_plan {
	const ip_device *dev;
	const ip_target *target;
	ip_plan_options opts;
	ip_device_check check;    /* findings, platform, next boot as captured */
	ip_plan_method method;
	/* install mode: the command set of the release the device runs now
	 * (issue 21; parsers/model/install_flow.h), and of the target's
	 * release, which the post-checks and the clean-up are typed into */
	ip_install_gate install;
	ip_install_gate install_after;
	bool converting;          /* bundle to install mode (--convert-to-install): the
				   * running .bin stays the fallback until the clean-up */
	const char *hostname;     /* hostname, else the device key, else "device" */
	const char *name;         /* what outputs call the device: hostname, or
				   * "R1 (FTX1234ABCD)" (ip_device_name); the
				   * playbook's hosts stay the hostname */
	const char *filesystem;   /* where the image goes: "bootflash:" */
	const char *image;        /* "bootflash:isr4300-…16.12.04.SPA.bin" */
	const char *target_file;  /* the target as it lands on flash, relative to the
				   * root: the .bin (bundle, install), or for a tar
				   * the image inside the directory archive
				   * download-sw unpacks: "c3750e-…E10/c3750e-…E10.bin" */
	const char *running;      /* "bootflash:isr4300-…16.09.06.SPA.bin" or NULL */
	const char *fallback;     /* the image kept as fallback, or NULL */
	const char *server;       /* the transfer server, or "<server>" */
	const char *hash_algo;    /* "md5" or "sha512" */
	const char *hash;         /* the reference hash the verify step uses */
	const char **member_fs;   /* stacks: "flash-2:", "flash-3:" ("flash2:" on
				   * classic IOS stacks) */
	const int *member_no;     /* the member number of each member_fs */
	int active_member;        /* stacks: the active member's number */
	size_t n_member_fs;
	bool network_fallback;    /* --allow-delete-running: `boot system tftp` */
	bool no_fallback_warned;  /* a warning says a failed boot has no fallback */
	const char *fallback_proof; /* the fallback is not in the captured listing
				     * (its directory was listed, not its contents):
				     * what proves it instead, or NULL */
	const char *fallback_check; /* then the `dir` that shows it, a gated pre-check */
	/* issue 22: the ROMMON the target needs, upgraded before the reload
	 * (planner/plan_rommon.c); NULL: the plan leaves the ROMMON alone */
	const char *rommon_pkg;    /* the catalogue's rommon_image, on filesystem */
	const char *rommon_min;    /* the version it must bring: "16.9(1r)" */
	bool refused;
	bool self_refuted;         /* refused because the plan failed its own proof:
				    * a planner bug, which the tests' invariants
				    * look for by this flag, not by a reason's words
				    * (capture text can hold any words) */
	/* The device already runs the target (issue 20 point 9): */
	bool nothing_to_do;        /* ... and boots it next, with no error finding:
				    * compliant, no steps, exit 0 */
	bool remediation;          /* ... but boots something else next (or has an
				    * error the plan repairs): boot statements and a
				    * save only, no copy, no reload */
	ip_plan_finding *findings; /* every finding, with its role */
	size_t n_findings;
	const char **reasons;      /* refused: the planner's own reasons */
	size_t n_reasons, cap_reasons;
	const char **warnings;     /* what the operator must know before starting */
	size_t n_warnings, cap_warnings;
	ip_plan_step *steps;       /* in phase order */
	size_t n_steps, cap_steps;
	ip_plan_proof proof;
	ip_plan_way_back way_back; /* issue 22: filled for a proved plan */
} ip_plan;

void ip_plan_options_defaults(ip_plan_options *o); /* tftp, reload in 5 */

/* Check dev, then build and prove the plan (or the refusal) into *out.
 * target may be NULL (refused: nothing to plan). Never fails otherwise. */
void ip_plan_build(ip_plan *out, ip_arena *a, const ip_device *dev,
		   const ip_target *target, const ip_plan_options *opts);

/* Apply the plan's effects to a copy of its device and check every rule
 * above; fills out (also called by ip_plan_build, and by the tests on
 * plans they alter, to show that the proof catches each violation). */
void ip_plan_prove(ip_plan_proof *out, ip_arena *a, const ip_plan *p);

/* For the plan's first lines (issue 22: "a warning that the way back is
 * closed ... at the top of the plan"): the kinds of p's one-way entries,
 * each once, in kind order ("rommon, secrets"), or NULL when none; *sure
 * is set when one of them holds without an "if so". Arena-owned. */
const char *ip_plan_one_way_kinds(const ip_plan *p, ip_arena *a, bool *sure);
const char *ip_plan_phase_id(ip_plan_phase ph);    /* "precheck", "transfer", ... */
/* Step i's number as every format prints it, "2.3": its phase counted from
 * 1 and its place in that phase. */
void ip_plan_step_number(const ip_plan *p, size_t i, int *phase, size_t *no);
const char *ip_plan_phase_title(ip_plan_phase ph); /* "pre-checks", "transfer", ... */
const char *ip_effect_kind_name(ip_effect_kind k); /* "copy", "boot-add", ... */
const char *ip_plan_role_name(ip_plan_role r);     /* "blocks", "resolved", "noted" */
const char *ip_plan_method_name(ip_plan_method m); /* "bundle", "install", "tar" */

/* The install step's command as the plan types it for p's flow
 * ("install add file F activate commit", "software install file F new
 * force", ...), for the writers' method line: a short form, NULL when the
 * plan does not install. */
const char *ip_plan_install_form(const ip_plan *p);

/* Whether p's target needs a newer ROMMON than its device runs: the
 * catalogue's minimum for plat against the captured version, ordered by
 * ip_rommon_cmp (issue 22; plan_rommon.c). *min, when given, gets the
 * minimum. The builder, the proof's R15 and the tests' P15 read it. */
bool ip_plan_rommon_needed(const ip_plan *p, const ip_platform *plat, const char **min);

/* Whether name can be a play's `hosts:` naming exactly one inventory host:
 * Cisco's hostname grammar (and '_', which IOS accepts), never an Ansible
 * implicit group (plan_names.c). The playbook guards the rest
 * (lint/plan/plan_ansible.c). */
bool ip_plan_ansible_host_ok(const char *name);

#endif
