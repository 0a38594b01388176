/* Filesystem helpers for the target rules (see target_fs.h). Aliases come
 * from two places: the `show file systems` line that lists several prefixes
 * for one filesystem ("flash: bootflash:" on a Cat9k), and, for captures
 * without it, the platform table's aliases ("flash0: flash:" on ISR G2). */
#include "target_fs.h"

#include <string.h>
#include <strings.h>

/* Whether `word` is one of the space-separated words of list. */
static bool list_has(const char *list, const char *word)
{
	size_t len = strlen(word);
	while (list && *list) {
		size_t n = strcspn(list, " ");
		if (n == len && len && strncasecmp(list, word, n) == 0)
			return true;
		list += n;
		list += strspn(list, " ");
	}
	return false;
}

const char *ip_target_fs(const ip_rule_ctx *ctx)
{
	if (ctx->target && ctx->target->filesystem)
		return ctx->target->filesystem;
	if (ctx->platform && ctx->platform->default_fs)
		return ctx->platform->default_fs;
	return ctx->dev->system_image.filesystem;
}

static bool fs_names(const ip_filesystem *fs, const char *a, const char *b)
{
	/* without aliases a filesystem has one name, and a and b differ:
	 * most do (every listing), so most are passed over at this test */
	if (!fs->aliases)
		return false;
	bool has_a = strcasecmp(fs->name, a) == 0 || list_has(fs->aliases, a);
	bool has_b = strcasecmp(fs->name, b) == 0 || list_has(fs->aliases, b);
	return has_a && has_b;
}

bool ip_fs_same(const ip_rule_ctx *ctx, const char *a, const char *b)
{
	const char *def = ip_target_fs(ctx);
	if (!a)
		a = def;
	if (!b)
		b = def;
	if (!a || !b)
		return !a && !b;
	if (strcasecmp(a, b) == 0)
		return true;
	for (size_t i = 0; i < ctx->dev->n_filesystems; i++)
		if (fs_names(&ctx->dev->filesystems[i], a, b))
			return true;
	const char *al = ctx->platform ? ctx->platform->fs_aliases : NULL;
	return list_has(al, a) && list_has(al, b);
}

const ip_filesystem *ip_fs_listing(const ip_rule_ctx *ctx, const char *name)
{
	const ip_filesystem *best = NULL;
	if (!name)
		return NULL;
	for (size_t i = 0; i < ctx->dev->n_filesystems; i++) {
		const ip_filesystem *fs = &ctx->dev->filesystems[i];
		if (!ip_fs_same(ctx, fs->name, name))
			continue;
		if (fs->listed && (!best || !best->listed ||
				   (fs->complete && !best->complete)))
			best = fs;
		else if (!best)
			best = fs;
	}
	return best;
}

const ip_file *ip_fs_file(const ip_filesystem *fs, const char *name)
{
	for (size_t i = 0; fs && name && i < fs->n_files; i++)
		if (!fs->files[i].is_dir && strcasecmp(fs->files[i].name, name) == 0)
			return &fs->files[i];
	return NULL;
}
