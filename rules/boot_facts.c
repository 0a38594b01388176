/* Shared reading of the boot facts for the boot rules (see boot_facts.h).
 * Aliases are target_fs.h's (show file systems, then the platform table).
 * File names are found by the model's one lookup under its letter-case
 * policy (fs_model.h); whether a boot entry is skipped or boots is the
 * simulator's verdict (boot_verdicts), not decided here. */
#include "boot_facts.h"

#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "image_name.h"
#include "target_fs.h"

void boot_source_next(boot_source *out, const ip_rule_ctx *ctx)
{
	const ip_device *dev = ctx->dev;
	memset(out, 0, sizeof(*out));
	if (ctx->platform->boot_from_bootvar) {
		out->bootvar = true;
		out->name = "BOOT variable";
		out->capture = "show boot";
		out->list = dev->bootvar.known ? &dev->bootvar : NULL;
		return;
	}
	out->name = "startup-config";
	out->capture = "show startup-config | include boot";
	out->list = dev->boot_startup.known ? &dev->boot_startup : NULL;
}

enum { MAX_LISTS = BOOT_LISTS_MAX };

/* Gathers the entries of every list and marks duplicates: a question of
 * what the captures say (each entry reported once), not of which boots;
 * boot_verdicts answers that. */
size_t boot_entries_all(const ip_rule_ctx *ctx, boot_listed **out)
{
	const ip_device *dev = ctx->dev;
	boot_source src;
	boot_source_next(&src, ctx);
	const ip_boot_list *v[MAX_LISTS] = { src.list, &dev->boot_running, &dev->boot_startup,
					     &dev->bootvar };
	const char *nm[MAX_LISTS] = { src.name, "running-config", "startup-config",
				      "BOOT variable" };
	boot_listed *all = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < MAX_LISTS; i++) {
		bool again = false;
		for (size_t j = 0; j < i; j++)
			again |= v[j] == v[i];
		if (!v[i] || again)
			continue;
		for (size_t k = 0; k < v[i]->n; k++) {
			boot_listed *b = IP_PUSH(ctx->arena, all, n, cap);
			*b = (boot_listed){ &v[i]->v[k], v[i], k, nm[i], v[i] != &dev->bootvar,
					    false };
			for (size_t j = 0; j + 1 < n && !b->dup; j++)
				b->dup = boot_entry_same(ctx, all[j].e, b->e);
		}
	}
	*out = all;
	return n;
}

static ip_list_id list_id(const ip_device *d, const ip_boot_list *l, int member)
{
	if (member > 0)
		return IP_LIST_MEMBER_BOOTVAR;
	if (l == &d->boot_running)
		return IP_LIST_RUNNING;
	if (l == &d->boot_startup)
		return IP_LIST_STARTUP;
	if (l == &d->boot_config)
		return IP_LIST_CONFIG;
	if (l == &d->bootvar)
		return IP_LIST_BOOTVAR;
	if (l == &d->bootvar_current)
		return IP_LIST_BOOTVAR_CURRENT;
	return IP_LIST_NONE;
}

const ip_boot_verdict *boot_verdicts(const ip_rule_ctx *ctx, const ip_boot_list *l, int member)
{
	const ip_boot_prediction *nb = ctx->next_boot;
	if (member <= 0 && l == nb->verdict_list)
		return nb->verdicts;
	ip_boot_verdict *v;
	ip_boot_verdicts_of(&v, ctx->arena, ctx->dev, ctx->platform, l,
			    list_id(ctx->dev, l, member), member);
	return v;
}

void boot_related_copies(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx,
			 const boot_listed *all, size_t n, size_t i)
{
	for (size_t j = i + 1; j < n; j++)
		if (boot_entry_same(ctx, all[j].e, all[i].e))
			ip_finding_related(out, f, all[j].e->span, "also in the %s", all[j].list);
}

const char *boot_fs_default(const ip_rule_ctx *ctx)
{
	if (ctx->platform->default_fs)
		return ctx->platform->default_fs;
	return ctx->dev->system_image.filesystem;
}

const ip_filesystem *boot_fs_listed(const ip_rule_ctx *ctx, const char *name)
{
	const ip_device *dev = ctx->dev;
	if (!name)
		name = boot_fs_default(ctx);
	if (!name)
		return NULL;
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (dev->filesystems[i].listed && ip_fs_prefix_eq(dev->filesystems[i].name, name))
			return &dev->filesystems[i];
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (dev->filesystems[i].listed && ip_fs_same(ctx, dev->filesystems[i].name, name))
			return &dev->filesystems[i];
	return NULL;
}

/* A listed name (the model's one lookup, fs_model.h). */
static const ip_file *file_named(const ip_filesystem *fs, const char *name, size_t len)
{
	return ip_fs_lookup(fs, name, len);
}

void boot_file_find(boot_file *out, const ip_rule_ctx *ctx, const char *fs,
		    const char *path)
{
	memset(out, 0, sizeof(*out));
	out->fs = boot_fs_listed(ctx, fs);
	const char *shown = fs ? fs : boot_fs_default(ctx);
	if (!out->fs || !path || !*path) {
		out->capture = shown ? ip_arena_printf(ctx->arena, "dir %s", shown) : "dir";
		return;
	}
	out->file = file_named(out->fs, path, strlen(path));
	if (out->file) {
		out->state = BOOT_FILE_PRESENT;
		return;
	}
	const char *slash = strchr(path, '/');
	const ip_file *dir = slash ? file_named(out->fs, path, (size_t)(slash - path)) : NULL;
	if (dir && dir->is_dir && !out->fs->recursive) {
		out->state = BOOT_FILE_UNSURE;
		out->file = dir;
		out->capture = ip_arena_printf(ctx->arena, "dir /recursive %s", out->fs->name);
		return;
	}
	if (!out->fs->complete) {
		out->state = BOOT_FILE_UNSURE;
		out->capture = ip_arena_printf(ctx->arena, "dir %s", out->fs->name);
		return;
	}
	out->state = BOOT_FILE_MISSING;
	out->twin = ip_fs_case_twin(out->fs, path, strlen(path));
}

const char *boot_basename(const char *path)
{
	if (!path)
		return NULL;
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

bool boot_image_name_ok(const char *path)
{
	ip_image_name n;
	const char *b = boot_basename(path);
	return b && ip_image_name_parse(&n, b, strlen(b)) && n.kind == IP_IMAGE_BUNDLE &&
	       n.version.scheme != IP_VER_INVALID;
}

bool boot_entry_names(const ip_boot_entry *e, const char *name)
{
	const char *b = e->kind == IP_BOOT_FILE ? boot_basename(e->path) : NULL;
	return b && name && ip_fs_name_eq(e->filesystem, b, strlen(b), name, strlen(name));
}

static bool str_same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Two prefixes of boot entries; NULL is "none named", not the target's. */
static bool fs_same(const ip_rule_ctx *ctx, const char *a, const char *b)
{
	return (!a && !b) || (a && b && ip_fs_same(ctx, a, b));
}

bool boot_entry_same(const ip_rule_ctx *ctx, const ip_boot_entry *a, const ip_boot_entry *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case IP_BOOT_FILE:
		return a->path && b->path &&
		       ip_fs_name_eq(a->filesystem, a->path, strlen(a->path), b->path, strlen(b->path)) &&
		       fs_same(ctx, a->filesystem, b->filesystem);
	case IP_BOOT_FLASH_FIRST:
		return fs_same(ctx, a->filesystem, b->filesystem);
	case IP_BOOT_NETWORK:
		return str_same(a->filesystem, b->filesystem) && str_same(a->path, b->path) &&
		       str_same(a->server, b->server);
	case IP_BOOT_ROM:
		return true;
	default:
		return str_same(a->raw, b->raw);
	}
}

const char *boot_entry_text(const ip_rule_ctx *ctx, const ip_boot_entry *e)
{
	if (e->kind == IP_BOOT_FILE && e->path)
		return ip_arena_printf(ctx->arena, "%s%s", e->filesystem ? e->filesystem : "",
				       e->path);
	return e->raw ? e->raw : "";
}

const char *boot_running_name(const ip_rule_ctx *ctx)
{
	const char *p = ctx->dev->system_image.path;
	return p && *p ? boot_basename(p) : NULL;
}

void boot_fix_list(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx,
		   const char *const *paths, size_t n, bool clear)
{
	/* a stack: every member's BOOT variable, not only the active's */
	const char *who = ctx->dev->n_members >= 2 ? "switch all " : "";
	ip_finding_fix(out, f, "configure terminal");
	if (clear)
		ip_finding_fix(out, f, "no boot system");
	if (ctx->platform->family == IP_FAMILY_SWITCH_CLASSIC && n > 1) {
		/* classic switches keep one BOOT path-list: one statement */
		char *list = ip_arena_strdup(ctx->arena, paths[0]);
		for (size_t i = 1; i < n; i++)
			list = ip_arena_printf(ctx->arena, "%s;%s", list, paths[i]);
		ip_finding_fix(out, f, "boot system %s%s", who, list);
	} else {
		for (size_t i = 0; i < n; i++)
			ip_finding_fix(out, f, "boot system %s%s", who, paths[i]);
	}
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "copy running-config startup-config");
}
