/* Filesystem helpers for the target rules (see target_fs.h): the rule
 * context's door to the model (parsers/model/fs_model.h), which answers. */
#include "target_fs.h"
#include "fs_model.h"

#include <string.h>
#include <strings.h>

/* The model's view of the device as this rule context sees it. */
static ip_fs_view view_of(const ip_rule_ctx *ctx)
{
	ip_fs_view v;
	ip_fs_view_init(&v, ctx->dev, ctx->platform,
			ctx->target ? ctx->target->filesystem : NULL);
	return v;
}

const char *ip_target_fs(const ip_rule_ctx *ctx)
{
	return view_of(ctx).def;
}

bool ip_fs_same(const ip_rule_ctx *ctx, const char *a, const char *b)
{
	ip_fs_view v = view_of(ctx);
	return ip_fs_view_same(&v, a, b);
}

const ip_filesystem *ip_fs_listing(const ip_rule_ctx *ctx, const char *name)
{
	ip_fs_view v = view_of(ctx);
	return ip_fs_view_listing(&v, name);
}

const ip_file *ip_fs_file(const ip_filesystem *fs, const char *name)
{
	return ip_fs_lookup_file(fs, name);
}
