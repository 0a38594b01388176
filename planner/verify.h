/* Closing the loop: the captures taken after an upgrade, judged against the
 * captures taken before it and the target (`iosplan verify`).
 *
 * The expectations are the planner's: verify builds the plan from the
 * before-captures (plan.h) and expects what it would have done: the boot
 * list it writes (the target first, the old image second as fallback), the
 * image it boots, the register it leaves. Where no plan can be built (no
 * before-captures, a refused plan), they come from the target and the
 * running image before the change.
 *
 * The stage is decided from what the after-captures show, the furthest
 * step wins:
 *   transfer  a listing holds the target, or a verify /md5 of it ran;
 *   boot      the boot statements (startup/running-config, BOOT variable)
 *             name the target;
 *   reload    show version shows a reload: an uptime shorter than before,
 *             or another version or image than before.
 * Every check of the reached stage and of the stages before it is made
 * where the captures allow; a check that needs a capture nobody took is
 * NOT_MADE and names the command (and whether before or after). Checks of
 * later stages are pending and not listed.
 *
 * Ownership: everything lives in the arena given to ip_verify_device_run();
 * devices and targets belong to their sets. */
#ifndef IOSPLAN_VERIFY_H
#define IOSPLAN_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "target.h"

#define IOSPLAN_VERIFY_FORMAT_VERSION 1

typedef enum ip_vstage {
	IP_VSTAGE_NONE = 0, /* the after-captures show no step of the change */
	IP_VSTAGE_TRANSFER, /* the image is on flash */
	IP_VSTAGE_BOOT,     /* the boot statements name it */
	IP_VSTAGE_RELOAD,   /* the device reloaded */
} ip_vstage;

typedef enum ip_vstatus {
	IP_VCHECK_PASS = 0,
	IP_VCHECK_FAIL,     /* not done: the exit status is 1 */
	IP_VCHECK_WARN,     /* done, with something to look at */
	IP_VCHECK_NOT_MADE, /* a capture is missing: `capture` names it */
	IP_VCHECK_INFO,     /* a statement: the clean-up readiness */
} ip_vstatus;

typedef struct ip_vcheck {
	const char *id;        /* "image-present", ...: see ip_vcheck_docs */
	ip_vstage stage;
	ip_vstatus status;
	const char *message;   /* lower-case, concrete values, no trailing period */
	ip_span after;         /* the fact in the after-captures; line 0: none */
	ip_span before;        /* the fact in the before-captures; line 0: none */
	ip_related *related;   /* more facts: each interface or neighbour */
	size_t n_related, cap_related;
	const char **fix;      /* commands, in order */
	size_t n_fix, cap_fix;
	const char *capture;   /* NOT_MADE: the command whose output is missing */
	bool capture_before;   /* NOT_MADE: it is missing from the before-captures */
} ip_vcheck;

typedef struct ip_verify_options {
	unsigned soak_hours;            /* --soak-hours, default 24 */
	const ip_check_config *check;   /* for the plan; NULL: defaults */
} ip_verify_options;

typedef struct ip_verify_device {
	const char *hostname;      /* hostname, else the device key, else "device" */
	const ip_device *before;   /* NULL when no before-capture shows it */
	const ip_device *after;
	const ip_target *target;   /* NULL when none was given or found */
	const char *no_target_why; /* why there is none, or NULL */
	ip_vstage stage;
	const char *stage_why;     /* "show version: up 12 minutes, 2 days, 4 hours before" */
	ip_span stage_span;
	/* the expectations */
	bool from_plan;            /* decided by the plan, else by the captures */
	const char *image;         /* "bootflash:isr4300-…16.12.04.SPA.bin" or NULL */
	const char *boots;         /* what must run after the reload: the image, or
				    * "flash:packages.conf" in install mode */
	const char *fallback;      /* the old image, or NULL */
	const char *old_image;     /* what ran before the change, or NULL */
	const ip_boot_entry *boot_list; /* the boot list the plan leaves */
	size_t n_boot_list;
	bool register_known;
	uint32_t register_value;   /* expected at and after the reload */
	const char **cleanup;      /* the plan's clean-up commands */
	size_t n_cleanup, cap_cleanup;
	ip_vcheck *checks;
	size_t n_checks, cap_checks;
	size_t counts[5];          /* per ip_vstatus */
} ip_verify_device;

void ip_verify_options_defaults(ip_verify_options *o);

/* Judge `after` (and `before`, may be NULL) against target (may be NULL;
 * no_target_why then says why, for the messages). Never fails: what cannot
 * be judged is a NOT_MADE check. */
void ip_verify_device_run(ip_verify_device *out, ip_arena *a, const ip_device *before,
			  const ip_device *after, const ip_target *target,
			  const char *no_target_why, const ip_verify_options *o);

/* Whether any check failed. */
bool ip_verify_failed(const ip_verify_device *v);

/* "Done" (issue 23, point 8): the device reloaded, no check failed, and the
 * decisive checks were all made: the version and the image it runs
 * (version, system-image) and the next boot with its fallback present or
 * deliberately removed (boot-list). A reload with any of them not made is
 * "not verified", however many other checks passed. */
bool ip_verify_done(const ip_verify_device *v);

/* The decisive checks not made at the reload stage, as "after the change:
 * show startup-config | include boot" items joined by "; " (each capture
 * once); NULL when none is missing. */
const char *ip_verify_missing_decisive(const ip_verify_device *v, ip_arena *a);

/* The checks verify makes, for documentation and SARIF rules. */
typedef struct ip_vcheck_doc {
	const char *id;
	ip_vstage stage;
	const char *title;  /* "the target image is on flash with its full size" */
	const char *help;   /* why it matters, one or two sentences */
} ip_vcheck_doc;

extern const ip_vcheck_doc ip_vcheck_docs[];
extern const size_t ip_vcheck_docs_count;
const ip_vcheck_doc *ip_vcheck_doc_find(const char *id);

const char *ip_vstage_id(ip_vstage s);     /* "none", "transfer", "boot", "reload" */
const char *ip_vstage_title(ip_vstage s);  /* "after reload", ... */
const char *ip_vstatus_name(ip_vstatus s); /* "pass", "fail", "warn", "not-made", "info" */

#endif
