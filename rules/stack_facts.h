/* What the rules read the same way about a switch stack (issue 11): each
 * member's flash and BOOT variable, which boot statements reach which
 * member, and whether the target is staged on a member. Internal to
 * rules/; allocates only from ctx->arena. */
#ifndef IOSPLAN_STACK_FACTS_H
#define IOSPLAN_STACK_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "rule.h"

/* One member as the rules see it. */
typedef struct stack_view {
	const ip_member *m;
	const char *fs_name;          /* "flash-2:" as commands name it */
	const ip_filesystem *fs;      /* its listing; NULL when not captured */
	const ip_boot_list *bootvar;  /* its next-reload BOOT; NULL when not captured */
	const char *dir_cmd;          /* "dir flash-2:" */
} stack_view;

/* Whether the device is a stack of two or more members. */
bool stack_is(const ip_rule_ctx *ctx);

/* The view of member m. The active member's flash is "flash:". */
void stack_view_of(stack_view *v, const ip_rule_ctx *ctx, const ip_member *m);

/* The active member's number, else 0. */
int stack_active_number(const ip_rule_ctx *ctx);

/* Whether a configuration boot statement reaches member n: `boot system
 * switch n …` or `switch all`; a statement with no switch keyword reaches
 * the member the command ran on (the active one). */
bool stack_entry_reaches(const ip_rule_ctx *ctx, const ip_boot_entry *e, int n);

/* Whether a boot entry loads from the member's own flash (flash:,
 * bootflash:, no prefix, or its flash-N: name). */
bool stack_entry_local(const ip_boot_entry *e, const stack_view *v);

typedef enum stack_file {
	STACK_FILE_UNKNOWN = 0, /* no listing of the member's flash */
	STACK_FILE_PRESENT,
	STACK_FILE_MISSING,
	STACK_FILE_UNSURE,      /* in a sub-directory the listing did not open,
				 * or the listing has no totals line */
} stack_file;

/* Whether a member's BOOT entry's file is on its flash is the boot
 * simulator's verdict (boot_facts.h boot_verdicts with the member). */

/* The name the target is booted by: the .bin itself, or for a .tar the
 * .bin archive download-sw unpacks ("c3750e-universalk9-mz.152-4.E10.bin"
 * in the directory of its own name). */
const char *stack_target_bin(const ip_rule_ctx *ctx);

/* The target on the member's flash: PRESENT when its .bin (or the
 * directory a .tar installs) is listed. */
stack_file stack_target_on(const ip_rule_ctx *ctx, const stack_view *v, const ip_file **file);

#endif
