/* Files on a device's filesystems: the one lookup every layer asks "does
 * this name a file on this filesystem?" through, so that the boot
 * simulator, the rules, facts and the planner cannot disagree about it.
 *
 * The letter-case policy (issue 19). One policy for every filesystem
 * kind, EXACT unless the configuration says otherwise (`file_name_case:
 * fold` in .iosplan.yaml, docs/lint.md "Configuration"):
 * - IOS-XE keeps bootflash:/flash: (and its stack members' flash-N:) on a
 *   Linux filesystem, which tells "A.bin" from "a.bin".
 * - Classic IOS flash (Catalyst "flash:", ISR "flash0:", usbflash0:) is a
 *   Cisco or FAT ("DosFs") filesystem. The one statement found is a Cisco
 *   Catalyst study guide on the ROM monitor's `boot [device][imagename]`:
 *   "Remember that file names are case sensitive" (Catalyst 4000/5000
 *   Supervisor III; https://manualsdump.com/en/manuals/cisco_systems-rj-45-to-aux/120936/66).
 *   Cisco's own guides say SD/USB cards are formatted DosFs
 *   (https://www.cisco.com/c/en/us/td/docs/switches/lan/cisco_ie3X00/software/17_4/b_system-management-ie3x00/m_swapdrive.html)
 *   but not whether IOS or its boot loader folds case there; nothing
 *   found says the kinds differ. So whether classic IOS folds case is
 *   UNCONFIRMED, on any kind, and the policy is one configurable
 *   assumption rather than a table per kind.
 *   Exact is the default because it is the answer that cannot hide a
 *   failed boot: an entry that differs from the listing only in case is
 *   reported missing, and its fix (the listing's own spelling) boots under
 *   either behaviour. Where the policy decides an answer the finding or
 *   the trace says so and names the setting (ip_fs_case_twin finds the
 *   file the decision was about).
 * Filesystem prefixes ("flash:", "FLASH:") are CLI keywords, not file
 * names: they are compared without case, as IOS parses them, under
 * either policy. */
#ifndef IOSPLAN_FS_MODEL_H
#define IOSPLAN_FS_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"
#include "platform.h"

/* The kinds of filesystem the policy could tell apart. */
typedef enum ip_fs_kind {
	IP_FSK_OTHER,
	IP_FSK_FLASH,        /* flash:, bootflash:, flash0: (one device's own) */
	IP_FSK_MEMBER_FLASH, /* flash-N:, flashN: (a stack member's) */
	IP_FSK_USB,          /* usbflash0:, usbflash1:, usb0: */
	IP_FSK_DISK,         /* harddisk:, disk0: */
} ip_fs_kind;

typedef enum ip_name_case {
	IP_NAME_CASE_EXACT, /* "A.bin" is not "a.bin" */
	IP_NAME_CASE_FOLD,  /* ASCII letters compared without case */
} ip_name_case;

ip_fs_kind ip_fs_kind_of(const char *fsname);

/* The setting that chooses the policy, for messages that name it. */
#define IP_FS_CASE_SETTING "file_name_case"

/* The policy for the whole process (default EXACT). A command sets it
 * once from its configuration before any device is analysed, and the
 * language server before it uses a document's analysis. It is read,
 * never written, while ip_parallel_run or audit's workers run, so the
 * threads share it safely. A value, not a lint header: the model knows
 * nothing of .iosplan.yaml (lint/config.c's ip_config_apply sets it). */
void ip_fs_case_policy_set(ip_name_case policy);
ip_name_case ip_fs_case_policy(void);

/* "exact" | "fold"; ip_name_case_parse returns false for anything else. */
const char *ip_name_case_name(ip_name_case c);
bool ip_name_case_parse(const char *s, ip_name_case *out);

/* Whether a device of platform plat (NULL: unknown) can boot an image
 * from filesystem fsname at reload, so that an image kept there is a
 * fallback (issue 20, points 2 and 17): its own flash always; a USB stick
 * (usbflash0:) on routers and IOS-XE switches; a hard disk (harddisk:,
 * disk0:) on IOS-XE routers. fs_model.c cites the evidence for each. */
bool ip_fs_bootable(const ip_platform *plat, const char *fsname);

/* The letter-case policy for file names on filesystem fsname (NULL: the
 * default filesystem): the configured policy; fsname is the seam where a
 * kind shown to differ would get its own. */
ip_name_case ip_fs_name_case(const char *fsname);

/* Whether file names a[0..na) and b[0..nb) are one name on fsname. */
bool ip_fs_name_eq(const char *fsname, const char *a, size_t na, const char *b, size_t nb);

/* ip_fs_name_eq of two NUL-terminated names; false when either is NULL. */
bool ip_fs_file_eq(const char *fsname, const char *a, const char *b);

/* Whether prefixes a and b are the same word ("flash:" and "FLASH:"). */
bool ip_fs_prefix_eq(const char *a, const char *b);

/* Whether prefix `name` is one of the space-separated words of list
 * (a filesystem's aliases, a platform's). */
bool ip_fs_word_in(const char *list, const char *name);

/* THE lookup: the entry of fs named path[0..n) (leading '/' skipped, a
 * trailing '/' some listings print after a directory ignored), a file or
 * a directory, under the policy above; NULL when not listed. */
const ip_file *ip_fs_lookup(const ip_filesystem *fs, const char *path, size_t n);

/* ip_fs_lookup of a NUL-terminated name, files only (not directories). */
const ip_file *ip_fs_lookup_file(const ip_filesystem *fs, const char *name);

/* Whether the listing shows what directory path[0..n) holds. */
bool ip_fs_dir_listed(const ip_filesystem *fs, const char *path, size_t n);

/* A listed entry whose name differs from path[0..n) only in letter case,
 * when none matches it byte for byte: the file the case policy decided
 * about, whichever way (EXACT: the lookup missed it; FOLD: the lookup
 * returned it), for the finding or trace to name. NULL otherwise. */
const ip_file *ip_fs_case_twin(const ip_filesystem *fs, const char *path, size_t n);

/* The same when `found` is what ip_fs_lookup returned for path[0..n):
 * no second scan of the listing when it is path's own spelling (always,
 * under EXACT), which is the common case on the simulator's path. */
const ip_file *ip_fs_case_twin_after(const ip_filesystem *fs, const char *path, size_t n,
				     const ip_file *found);

/* --- filesystems of one device ------------------------------------------ */

/* What the active member calls stack member n's flash, for the commands and
 * captures a finding or plan names (issue 20, point 17): the name the
 * capture uses (flash-N:, bootflash-N:, flashN:), else by platform: flashN:
 * on classic Catalyst stacks (2960-S/X, 3750-X), flash-N: on IOS-XE
 * (bootflash-N: on StackWise Virtual). Allocated from a. */
const char *ip_fs_member_name(ip_arena *a, const ip_device *d, const ip_platform *plat, int n);

/* What names a filesystem on one device: its `show file systems` aliases
 * ("flash: bootflash:" on a Cat9k), the platform's ("flash0: flash:" on ISR
 * G2), and the default a statement without a prefix means. A plain view of
 * the device, so the planner asks the model, not a rule context. */
typedef struct ip_fs_view {
	const ip_device *dev;
	const char *plat_aliases; /* the platform's, or NULL */
	const char *def;          /* the default filesystem, or NULL */
} ip_fs_view;

/* The view of dev; the default is target_fs when given, else the
 * platform's default, else the running image's filesystem. */
void ip_fs_view_init(ip_fs_view *v, const ip_device *dev, const ip_platform *plat,
		     const char *target_fs);

/* Whether prefixes a and b are one filesystem on the device (NULL: the
 * default): by name, by `show file systems` aliases, by the platform's. */
bool ip_fs_view_same(const ip_fs_view *v, const char *a, const char *b);

/* The listing of filesystem `name` or an alias of it, preferring a listed
 * and then a complete one; NULL when the device has none. */
const ip_filesystem *ip_fs_view_listing(const ip_fs_view *v, const char *name);

#endif
