/* Where the target image goes on a device: the filesystem it is copied to,
 * that filesystem's listing, and whether two prefixes name one filesystem
 * (Cat9k flash: = bootflash:, ISR G2 flash0: = flash:). Shared by the rules
 * about the target; reads only the rule context. */
#ifndef IOSPLAN_TARGET_FS_H
#define IOSPLAN_TARGET_FS_H

#include <stdbool.h>

#include "rule.h"

/* The filesystem the target goes to: the one the user named, else the
 * platform's default, else the running image's. NULL when nothing says. */
const char *ip_target_fs(const ip_rule_ctx *ctx);

/* Whether prefixes a and b ("flash:", "bootflash:") are one filesystem on
 * this device, by name, by `show file systems` aliases or by the platform's
 * aliases. A NULL prefix (a statement that names none) is the default
 * filesystem. */
bool ip_fs_same(const ip_rule_ctx *ctx, const char *a, const char *b);

/* The listing of filesystem `name` or of an alias of it, preferring one
 * that was listed; NULL when the device has none. */
const ip_filesystem *ip_fs_listing(const ip_rule_ctx *ctx, const char *name);

/* The file `name` at the root of fs, found by the model's one lookup
 * (fs_model.h: its letter-case policy); NULL if absent. */
const ip_file *ip_fs_file(const ip_filesystem *fs, const char *name);

#endif
