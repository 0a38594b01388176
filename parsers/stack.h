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

#include "device.h"

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

#endif
