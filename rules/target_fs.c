/* Filesystem helpers for the target rules (see target_fs.h). Aliases come
 * from two places: the `show file systems` line that lists several prefixes
 * for one filesystem ("flash: bootflash:" on a Cat9k), and, for captures
 * without it, the platform table's aliases ("flash0: flash:" on ISR G2). */
#include "target_fs.h"
#include "fs_model.h"

#include <string.h>
#include <strings.h>

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
	bool has_a = ip_fs_prefix_eq(fs->name, a) || ip_fs_word_in(fs->aliases, a);
	bool has_b = ip_fs_prefix_eq(fs->name, b) || ip_fs_word_in(fs->aliases, b);
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
	if (ip_fs_prefix_eq(a, b))
		return true;
	for (size_t i = 0; i < ctx->dev->n_filesystems; i++)
		if (fs_names(&ctx->dev->filesystems[i], a, b))
			return true;
	const char *al = ctx->platform ? ctx->platform->fs_aliases : NULL;
	return ip_fs_word_in(al, a) && ip_fs_word_in(al, b);
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
	return ip_fs_lookup_file(fs, name);
}
