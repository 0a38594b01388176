/* Switch stacks: which member is active and where each member's flash is.
 *
 * A stack's members are in ip_device.members (show version's switch table
 * and per-member blocks, show switch, show boot's "Switch N" blocks). Seen
 * from the active member, member N's flash is "flash-N:" ("bootflash-N:" on
 * the platforms that call their flash bootflash:), and the active member's
 * own flash is also "flash:" (show file systems: "flash: bootflash:
 * flash-1:" on one line). */
#ifndef IOSPLAN_STACK_H
#define IOSPLAN_STACK_H

#include <stdbool.h>
#include <stdint.h>

#include "device.h"
#include "diag.h"

/* The '*' member of the switch table (show version or show switch), else NULL. */
const ip_member *ip_stack_active(const ip_device *d);

/* The listing of member `number`'s flash: "flash-N:" (or "bootflash-N:"),
 * or for the active member "flash:" when that is what was captured; NULL
 * when no listing of it was captured. */
const ip_filesystem *ip_stack_member_fs(const ip_device *d, const ip_member *m);

/* The name to use in commands for member m's flash: "flash-N:"
 * ("bootflash-N:" where the platform names it so). Arena-allocated. */
const char *ip_stack_member_fs_name(ip_arena *a, const ip_device *d, const ip_member *m);

/* --- beyond the contract: helpers the parsers and rules share ---------- */

/* Member `number` of d, created (in number order, with `span`) when the
 * device has none by that number yet. */
ip_member *ip_stack_member_get(ip_device *d, ip_arena *a, int number, ip_span span);

/* Member m's BOOT variable at next reload: its own show boot block, else,
 * for the active member, the device's (a show boot with no per-switch
 * blocks describes the switch it ran on). NULL when not captured. */
const ip_boot_list *ip_stack_member_bootvar(const ip_device *d, const ip_member *m);

/* --- switch tables no stack can print ----------------------------------
 *
 * A stack has one active member, marked '*' in show version's and show
 * switch's tables (the member the command ran on), and one row per member
 * number. A table with two '*' rows, or a number twice, describes no real
 * stack (a capture spliced from two, or edited): which member's flash is
 * "flash:" is then unknown, and a plan built on it copies twice to one
 * flash. Such a row is a parse error of its own, and the device's
 * stack_impossible names it so that the planner refuses. */
#define IP_STACK_MAX_NUMBER 9999 /* show version prints up to 4 digits */

typedef struct ip_stack_rows {
	const char *table;     /* "show version", "show switch" */
	unsigned char seen[IP_STACK_MAX_NUMBER / 8 + 1];
	int active;            /* number of the '*' row, 0 none yet */
	uint32_t active_line;
	size_t n;
	ip_span first;         /* the first row */
	size_t bad;            /* impossible rows seen (one error is reported) */
} ip_stack_rows;

/* Check one row (number in 1..IP_STACK_MAX_NUMBER) before it is stored;
 * false, with an error in diags and d->stack_impossible set, when the row
 * cannot be in one stack's table (the caller then skips it). */
bool ip_stack_row_check(ip_stack_rows *t, ip_device *d, ip_diags *diags, int number,
			bool active, ip_span span);

/* At the table's end: two rows or more but no '*' is impossible too,
 * unless a filter (`| include ^ +[0-9]`) may have hidden the '*' row. (A
 * lone row without '*' changes nothing: its member is the only flash.) */
void ip_stack_rows_end(ip_stack_rows *t, ip_device *d, ip_diags *diags, bool filtered);

#endif
