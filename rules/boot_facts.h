/* What the boot rules (alphabetical-boot, boot-fallback, boot-missing-file,
 * boot-order, fs-prefix, unsaved-boot) read the same way: which list decides
 * the next reload, which listed filesystem a prefix names once aliases are
 * followed (flash:/bootflash: on a Cat9k, flash0:/flash: on an ISR G2),
 * whether a boot entry's file is on it, and the commands that rewrite a boot
 * list. Internal to rules/; nothing here allocates except from ctx->arena. */
#ifndef IOSPLAN_BOOT_FACTS_H
#define IOSPLAN_BOOT_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "rule.h"

/* The list the device reads at its next reload, as the boot simulator does
 * (DOMAIN.md §2.3, §2.5): the BOOT variable on switches that boot from it,
 * the startup-config elsewhere. */
typedef struct boot_source {
	const ip_boot_list *list; /* NULL: not captured */
	const char *name;         /* "startup-config" or "BOOT variable" */
	const char *capture;      /* the command that shows it */
	bool bootvar;
} boot_source;

void boot_source_next(boot_source *out, const ip_rule_ctx *ctx);

/* Every boot entry the captures show, the list the next reload reads
 * first, then running-config, startup-config and the BOOT variable; `dup`
 * is set on an entry that an earlier one already loads the same way. */
typedef struct boot_listed {
	const ip_boot_entry *e;
	const ip_boot_list *src; /* the list e is in, at index `index` */
	size_t index;
	const char *list; /* "startup-config", "running-config", "BOOT variable" */
	bool config;      /* from a configuration: `no boot system` removes it */
	bool dup;
} boot_listed;

size_t boot_entries_all(const ip_rule_ctx *ctx, boot_listed **out);
/* How many lists boot_entries_all reads at most. */
#define BOOT_LISTS_MAX 4
/* Add the later copies of all[i] to f as related spans. */
void boot_related_copies(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx,
			 const boot_listed *all, size_t n, size_t i);

/* The simulator's verdicts of list l, one per entry (boot_sim.h): its own
 * for the list the reload walks, else ip_boot_verdicts_of the same entry
 * judge. Rules read whether an entry is skipped or boots here, and never
 * decide it again. member > 0: l is that stack member's BOOT variable. */
const ip_boot_verdict *boot_verdicts(const ip_rule_ctx *ctx, const ip_boot_list *l, int member);

/* The filesystem a file with no prefix is on: the platform's default, else
 * the running image's; NULL if neither is known. */
const char *boot_fs_default(const ip_rule_ctx *ctx);
/* The listed filesystem that `name` names (NULL: the default one), or NULL
 * when no listing of it was read. */
const ip_filesystem *boot_fs_listed(const ip_rule_ctx *ctx, const char *name);

typedef enum boot_file_state {
	BOOT_FILE_UNKNOWN = 0, /* the filesystem was not listed */
	BOOT_FILE_PRESENT,
	BOOT_FILE_MISSING,
	BOOT_FILE_UNSURE,      /* not shown, but the listing does not show all:
				* a sub-directory of a non-recursive listing,
				* or a listing without its totals line */
} boot_file_state;

typedef struct boot_file {
	boot_file_state state;
	const ip_filesystem *fs; /* the listing read, when there is one */
	const ip_file *file;     /* PRESENT: its line; UNSURE: the directory, if any */
	const char *capture;     /* UNSURE/UNKNOWN: the listing that would decide */
	const ip_file *twin;     /* MISSING: a listed name differing only in case */
} boot_file;

/* Look path (relative to the root) up on filesystem fs (NULL: default):
 * for files that are not a boot entry (the target, the running image).
 * Whether a boot entry's file is there is its verdict's (boot_verdicts). */
void boot_file_find(boot_file *out, const ip_rule_ctx *ctx, const char *fs,
		    const char *path);

/* The last element of a path. */
const char *boot_basename(const char *path);
/* Whether a file name is a system image worth booting: a bundle whose name
 * carries a version (not nvram_backup.bin, not packages.conf). */
bool boot_image_name_ok(const char *path);
/* Whether entry e boots the file called `name` (compared by file name). */
bool boot_entry_names(const ip_boot_entry *e, const char *name);
/* Whether two entries load the same thing (aliases followed, the stack
 * member ignored). */
bool boot_entry_same(const ip_rule_ctx *ctx, const ip_boot_entry *a,
		     const ip_boot_entry *b);
/* "flash0:c2900-….bin" for a local file, else the entry as written. */
const char *boot_entry_text(const ip_rule_ctx *ctx, const ip_boot_entry *e);
/* The running image's file name, or NULL. */
const char *boot_running_name(const ip_rule_ctx *ctx);

/* Append to f the commands that make `paths` (fs+path strings) the boot
 * list, in order: `no boot system` first when clear; one statement per
 * entry, or one ';' list on classic switches (`boot system switch all …` on
 * a stack, so that every member's BOOT variable changes); then save. */
void boot_fix_list(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx,
		   const char *const *paths, size_t n, bool clear);

#endif
