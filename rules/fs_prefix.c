/* fs-prefix: a boot entry or the target names a filesystem this device
 * does not have (DOMAIN.md §2.1, §4; seed "wrong filesystem prefix").
 *
 *   boot system bootflash:c2960-lanbasek9-mz.152-7.E9.bin   on a 2960
 *   *   64016384    37791744     flash     rw   flash:     show file systems
 *
 * What the device has comes from the captures only: `show file systems`
 * (complete, with its aliases), the listings, show version's "... at
 * bootflash:" lines and the running image's prefix; the platform table
 * only adds aliases (flash: = bootflash: on a Cat9k, flash0: = flash: on
 * an ISR G2). With `show file systems` any absent prefix is wrong; without
 * it only the names of main flash (flash:, bootflash:, flash0:) are
 * judged, since a device may have removable media nobody listed. When no
 * capture says which filesystems exist, the rule is silent. */
#include <string.h>
#include <strings.h>

#include "boot_facts.h"
#include "target_fs.h"

typedef struct fs_facts {
	bool complete;      /* show file systems was read, unfiltered */
	const char *have;   /* "flash:" or "flash: usbflash0:", for the message */
	ip_span evidence;   /* the fact that shows what the device has */
	const char *main;   /* the filesystem to use instead */
} fs_facts;

static bool main_flash(const char *fs)
{
	return strcasecmp(fs, "flash:") == 0 || strcasecmp(fs, "bootflash:") == 0 ||
	       strcasecmp(fs, "flash0:") == 0;
}

/* Whether the message list already holds name or an alias of it. */
static bool have_has(const ip_rule_ctx *ctx, const char *have, const char *name)
{
	while (have && *have) {
		size_t n = strcspn(have, " ");
		if (ip_fs_same(ctx, ip_arena_strndup(ctx->arena, have, n), name))
			return true;
		have += n;
		have += strspn(have, " ");
	}
	return false;
}

static void have_add(const ip_rule_ctx *ctx, fs_facts *k, const char *name, ip_span span)
{
	if (!name || have_has(ctx, k->have, name))
		return;
	if (!k->main) {
		k->main = name;
		k->evidence = span;
	}
	k->have = k->have ? ip_arena_printf(ctx->arena, "%s %s", k->have, name) : name;
}

static void facts_read(const ip_rule_ctx *ctx, fs_facts *k)
{
	const ip_device *dev = ctx->dev;
	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < dev->n_sources; i++)
		if (dev->sources[i].cmd == IP_CMD_FILE_SYSTEMS && dev->sources[i].command &&
		    !strchr(dev->sources[i].command, '|'))
			k->complete = true;
	have_add(ctx, k, dev->system_image.filesystem, dev->system_image.span);
	for (size_t i = 0; i < dev->n_filesystems; i++)
		have_add(ctx, k, dev->filesystems[i].name, dev->filesystems[i].span);
	for (size_t i = 0; i < dev->n_flash_sizes; i++)
		have_add(ctx, k, dev->flash_sizes[i].filesystem, dev->flash_sizes[i].span);
}

/* Whether the device has `fs`: 1 yes, 0 no, -1 cannot tell. */
static int has_fs(const ip_rule_ctx *ctx, const fs_facts *k, const char *fs)
{
	const ip_device *dev = ctx->dev;
	if (!k->have)
		return -1;
	if (dev->system_image.filesystem && ip_fs_same(ctx, fs, dev->system_image.filesystem))
		return 1;
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (ip_fs_same(ctx, fs, dev->filesystems[i].name))
			return 1;
	for (size_t i = 0; i < dev->n_flash_sizes; i++)
		if (dev->flash_sizes[i].filesystem &&
		    ip_fs_same(ctx, fs, dev->flash_sizes[i].filesystem))
			return 1;
	/* flash: names flash0: wherever flash0: exists (ISR G2, IOSv) */
	if (strcasecmp(fs, "flash:") == 0 && have_has(ctx, k->have, "flash0:"))
		return 1;
	if (k->complete)
		return 0;
	return main_flash(fs) ? 0 : -1;
}

/* The narrowest span of prefix fs inside an entry's span. */
static ip_span prefix_span(const ip_boot_entry *e, const char *fs)
{
	ip_span s = e->span;
	const char *raw = e->raw;
	if (!raw || s.line != s.end_line || s.end_col - s.col != strlen(raw))
		return s;
	for (const char *p = raw; *p; p++)
		if (strncasecmp(p, fs, strlen(fs)) == 0) {
			s.col += (uint32_t)(p - raw);
			s.end_col = s.col + (uint32_t)strlen(fs);
			break;
		}
	return s;
}

static void report_entry(const ip_rule_ctx *ctx, ip_findings *out, const fs_facts *k,
			 const boot_listed *all, size_t n, size_t i)
{
	const ip_boot_entry *e = all[i].e;
	bool unsure = ctx->platform->family == IP_FAMILY_UNKNOWN && !k->complete;
	ip_finding *(*rep)(ip_findings *, ip_subject, ip_span, const char *, ...) =
		unsure ? ip_report_weak : ip_report;
	ip_finding *f = rep(out, ip_subj_entry(ctx->dev, NULL, e), prefix_span(e, e->filesystem),
			    "the %s entry %s names %s, which this device does not have "
			    "(it has %s)", all[i].list, boot_entry_text(ctx, e), e->filesystem,
			    k->have);
	ip_finding_related(out, f, k->evidence, "%s is here", k->main);
	boot_related_copies(out, f, ctx, all, n, i);
	if (unsure)
		ip_finding_capture(out, f, "show file systems");
	ip_finding_fix(out, f, "configure terminal");
	if (all[i].config)
		ip_finding_fix(out, f, "no boot system %s", e->raw);
	if (e->kind == IP_BOOT_FILE)
		ip_finding_fix(out, f, "boot system %s%s", k->main, e->path);
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "copy running-config startup-config");
}

static void report_target(const ip_rule_ctx *ctx, ip_findings *out, const fs_facts *k)
{
	const ip_target *t = ctx->target;
	ip_finding *f = ip_report(out, ip_subj_target(), t->span,
				  "the target %s names %s, which this device does not have "
				  "(it has %s)", t->raw, t->filesystem, k->have);
	ip_finding_related(out, f, k->evidence, "%s is here", k->main);
	if (ctx->platform->family == IP_FAMILY_UNKNOWN && !k->complete)
		ip_finding_capture(out, f, "show file systems");
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	fs_facts k;
	facts_read(ctx, &k);
	if (!k.have)
		return;
	boot_listed *all;
	size_t n = boot_entries_all(ctx, &all);
	for (size_t i = 0; i < n; i++) {
		const ip_boot_entry *e = all[i].e;
		if (all[i].dup || !e->filesystem ||
		    (e->kind != IP_BOOT_FILE && e->kind != IP_BOOT_FLASH_FIRST))
			continue;
		if (has_fs(ctx, &k, e->filesystem) == 0)
			report_entry(ctx, out, &k, all, n, i);
	}
	if (ctx->target && ctx->target->filesystem &&
	    has_fs(ctx, &k, ctx->target->filesystem) == 0)
		report_target(ctx, out, &k);
}

const ip_rule rule_fs_prefix = { "fs-prefix", IP_SEV_ERROR, check, IP_REPAIR_BOOT_LIST };
