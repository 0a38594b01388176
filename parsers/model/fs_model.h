/* Files on a device's filesystems: the one lookup every layer asks "does
 * this name a file on this filesystem?" through, so that the boot
 * simulator, the rules, facts and the planner cannot disagree about it.
 *
 * The letter-case policy (issue 19). File names are compared byte for
 * byte, on every filesystem kind:
 * - IOS-XE keeps bootflash:/flash: (and its stack members' flash-N:) on a
 *   Linux filesystem, which tells "A.bin" from "a.bin".
 * - Classic IOS flash (Catalyst "flash:", ISR "flash0:", usbflash0:) is a
 *   Cisco or FAT filesystem; whether its boot loader folds case is
 *   UNCONFIRMED (no Cisco document or capture found says either way).
 *   Exact is assumed there too, because it is the answer that cannot hide
 *   a failed boot: an entry that differs from the listing only in case is
 *   reported missing, and its fix (the listing's own spelling) boots under
 *   either behaviour. Where that assumption decides an answer the finding
 *   says so (ip_fs_case_twin finds the file it would otherwise have been).
 * Filesystem prefixes ("flash:", "FLASH:") are CLI keywords, not file
 * names: they are compared without case, as IOS parses them. */
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

/* The letter-case policy for file names on filesystem fsname (NULL: the
 * default filesystem). See the header comment for why it is EXACT. */
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

/* A listed entry whose name differs from path[0..n) only in letter case:
 * the file the case policy decided against, for the finding to name. */
const ip_file *ip_fs_case_twin(const ip_filesystem *fs, const char *path, size_t n);

/* --- filesystems of one device ------------------------------------------ */

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
