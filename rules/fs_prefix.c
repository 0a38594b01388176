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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "boot_facts.h"
#include "target_fs.h"

/* Every prefix the captures name (filesystems, their `show file systems`
 * aliases, the platform's aliases, show version's), sorted without case,
 * each with a group: prefixes on one `show file systems` line, and the
 * platform's aliases, are one filesystem. Built once per check in
 * n log n: the rule used to rebuild and re-split a space-joined string of
 * every filesystem for each one it added, cubic in the filesystems (1 000
 * `dir flash-N:` listings took 7 s). Grouping is transitive, where
 * ip_fs_same() looks at one line at a time; a device's aliases agree. */
typedef struct fs_name {
	const char *name;
	size_t group; /* union-find parent, an index into the names */
} fs_name;

#define HAVE_SHOWN 8 /* prefixes named in a message; the rest are counted */

typedef struct fs_facts {
	bool complete;      /* show file systems was read, unfiltered */
	const char *have;   /* "flash: usbflash0:", for the message */
	ip_span evidence;   /* the fact that shows what the device has */
	const char *main;   /* the filesystem to use instead */
	fs_name *names;
	size_t n_names;
	bool *group_had;    /* per group: the device is known to have it */
} fs_facts;

static bool main_flash(const char *fs)
{
	return ip_fs_kind_of(fs) == IP_FSK_FLASH;
}

static int name_cmp(const void *x, const void *y)
{
	return strcasecmp(((const fs_name *)x)->name, ((const fs_name *)y)->name);
}

/* The index of name, or SIZE_MAX. */
static size_t name_find(const fs_facts *k, const char *name)
{
	fs_name key = { name, 0 };
	const fs_name *f = name ? bsearch(&key, k->names, k->n_names, sizeof(key), name_cmp) : NULL;
	return f ? (size_t)(f - k->names) : SIZE_MAX;
}

static size_t group_of(fs_facts *k, size_t i)
{
	while (k->names[i].group != i) {
		k->names[i].group = k->names[k->names[i].group].group;
		i = k->names[i].group;
	}
	return i;
}

static void group_join(fs_facts *k, const char *a, const char *b)
{
	size_t x = name_find(k, a), y = name_find(k, b);
	if (x != SIZE_MAX && y != SIZE_MAX)
		k->names[group_of(k, x)].group = group_of(k, y);
}

typedef void word_fn(fs_facts *k, ip_arena *a, const char *word, size_t n, const char *first);

/* fn for each space-separated word of list; first is the list's first. */
static void each_word(fs_facts *k, ip_arena *a, const char *list, const char *first,
		      word_fn *fn)
{
	while (list && *list) {
		size_t n = strcspn(list, " ");
		if (n)
			fn(k, a, list, n, first);
		list += n;
		list += strspn(list, " ");
	}
}

static void word_add(fs_facts *k, ip_arena *a, const char *w, size_t n, const char *first)
{
	(void)first;
	k->names[k->n_names++].name = ip_arena_strndup(a, w, n);
}

static void word_join(fs_facts *k, ip_arena *a, const char *w, size_t n, const char *first)
{
	group_join(k, ip_arena_strndup(a, w, n), first);
}

/* Count the words of the alias lists (an upper bound on the names). */
static size_t words_in(const char *list)
{
	size_t n = 0;
	for (const char *p = list; p && *p; p++)
		n += *p == ' ';
	return list ? n + 1 : 0;
}

static void names_build(const ip_rule_ctx *ctx, fs_facts *k)
{
	const ip_device *dev = ctx->dev;
	const char *pal = ctx->platform ? ctx->platform->fs_aliases : NULL;
	size_t max = 1 + dev->n_flash_sizes + words_in(pal);
	for (size_t i = 0; i < dev->n_filesystems; i++)
		max += 1 + words_in(dev->filesystems[i].aliases);
	k->names = ip_arena_alloc(ctx->arena, max * sizeof(*k->names));
	if (dev->system_image.filesystem)
		k->names[k->n_names++].name = dev->system_image.filesystem;
	for (size_t i = 0; i < dev->n_filesystems; i++) {
		k->names[k->n_names++].name = dev->filesystems[i].name;
		each_word(k, ctx->arena, dev->filesystems[i].aliases, NULL, word_add);
	}
	for (size_t i = 0; i < dev->n_flash_sizes; i++)
		if (dev->flash_sizes[i].filesystem)
			k->names[k->n_names++].name = dev->flash_sizes[i].filesystem;
	each_word(k, ctx->arena, pal, NULL, word_add);
	qsort(k->names, k->n_names, sizeof(*k->names), name_cmp);
	size_t u = 0; /* one entry per name */
	for (size_t i = 0; i < k->n_names; i++)
		if (!u || !ip_fs_prefix_eq(k->names[u - 1].name, k->names[i].name))
			k->names[u++] = k->names[i];
	k->n_names = u;
	for (size_t i = 0; i < u; i++)
		k->names[i].group = i;
	for (size_t i = 0; i < dev->n_filesystems; i++)
		each_word(k, ctx->arena, dev->filesystems[i].aliases, dev->filesystems[i].name,
			  word_join);
	if (pal)
		each_word(k, ctx->arena, pal, ip_arena_strndup(ctx->arena, pal, strcspn(pal, " ")),
			  word_join);
	k->group_had = ip_arena_alloc(ctx->arena, (u ? u : 1) * sizeof(*k->group_had));
}

/* A prefix the device has: the first of its group is named in messages. */
static void have_add(const ip_rule_ctx *ctx, fs_facts *k, size_t *shown, const char *name,
		     ip_span span)
{
	size_t i = name_find(k, name);
	if (i == SIZE_MAX || k->group_had[group_of(k, i)])
		return;
	k->group_had[group_of(k, i)] = true;
	if (!k->main) {
		k->main = name;
		k->evidence = span;
	}
	if (++*shown <= HAVE_SHOWN)
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
	names_build(ctx, k);
	size_t shown = 0;
	have_add(ctx, k, &shown, dev->system_image.filesystem, dev->system_image.span);
	for (size_t i = 0; i < dev->n_filesystems; i++)
		have_add(ctx, k, &shown, dev->filesystems[i].name, dev->filesystems[i].span);
	for (size_t i = 0; i < dev->n_flash_sizes; i++)
		have_add(ctx, k, &shown, dev->flash_sizes[i].filesystem, dev->flash_sizes[i].span);
	if (shown > HAVE_SHOWN)
		k->have = ip_arena_printf(ctx->arena, "%s and %zu more", k->have, shown - HAVE_SHOWN);
}

/* Whether the device has `fs`: 1 yes, 0 no, -1 cannot tell. */
static int has_fs(fs_facts *k, const char *fs)
{
	if (!k->have)
		return -1;
	size_t i = name_find(k, fs);
	if (i != SIZE_MAX && k->group_had[group_of(k, i)])
		return 1;
	/* flash: names flash0: wherever flash0: exists (ISR G2, IOSv) */
	size_t z = name_find(k, "flash0:");
	if (ip_fs_prefix_eq(fs, "flash:") && z != SIZE_MAX && k->group_had[group_of(k, z)])
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
		if (has_fs(&k, e->filesystem) == 0)
			report_entry(ctx, out, &k, all, n, i);
	}
	if (ctx->target && ctx->target->filesystem &&
	    has_fs(&k, ctx->target->filesystem) == 0)
		report_target(ctx, out, &k);
}

const ip_rule rule_fs_prefix = { "fs-prefix", IP_SEV_ERROR, check, IP_REPAIR_BOOT_LIST };
