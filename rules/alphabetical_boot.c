/* alphabetical-boot: no usable boot entry, so the reload falls back to the
 * first image on flash, and that is not the intended one (seed "WHY
 * EXPLICIT BOOT STATEMENTS MATTER"; DOMAIN.md §2.3).
 *
 *   boot-start-marker
 *   boot-end-marker                                       no boot system
 *     1  521347072 ... isr4300-universalk9.16.09.06.SPA.bin   boots this
 *     7  559482880 ... isr4300-universalk9.16.12.04.SPA.bin   running / target
 *
 * The boot simulator decides the fallback (step FIRST_IMAGE). Intended is
 * the target when one is given (compared by file name), else the running
 * image. Where the alphabetically first and the listing-first image differ
 * the outcome depends on the platform: the finding names both and is weak.
 *
 * The trap needs two images (issue 20 point 8): when the running image is
 * the only bootable one on that filesystem, the reload comes back on it,
 * which is fine before the upgrade, and putting the target next to it is
 * the plan's job (it writes the boot statements). Reporting it then was a
 * false error on a healthy router (exit 1). */
#include <strings.h>

#include "fs_model.h"
#include "boot_facts.h"

/* The image the device should come back on, and where that is said. */
static const char *intended(const ip_rule_ctx *ctx, const char **role)
{
	if (ctx->target && ctx->target->name && *ctx->target->name) {
		*role = "the target";
		return ctx->target->name;
	}
	*role = "the running image";
	return boot_running_name(ctx);
}

static bool is(const char *path, const char *name)
{
	return ip_fs_file_eq(NULL, boot_basename(path), name);
}

/* The listing line of path on the fallback's filesystem. */
static ip_span listing_span(const ip_rule_ctx *ctx, const char *path)
{
	const ip_boot_prediction *nb = ctx->next_boot;
	if (nb->file && nb->path && path == nb->path)
		return nb->file->span;
	boot_file bf;
	boot_file_find(&bf, ctx, nb->filesystem, path);
	if (bf.state == BOOT_FILE_PRESENT)
		return bf.file->span;
	return nb->span;
}

static void related(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx)
{
	boot_source src;
	boot_source_next(&src, ctx);
	if (src.list)
		ip_finding_related(out, f, src.list->span,
				   src.list->n ? "every %s boot entry is skipped"
					       : "the %s has no boot entry", src.name);
	if (ip_span_known(ctx->dev->system_image.span))
		ip_finding_related(out, f, ctx->dev->system_image.span, "the running image");
}

/* Make the intended image (and the running one after it) explicit. */
static void fix(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx, const char *want)
{
	const char *paths[2];
	size_t n = 0;
	boot_file bf;
	boot_file_find(&bf, ctx, ctx->next_boot->filesystem, want);
	if (bf.state == BOOT_FILE_PRESENT)
		paths[n++] = ip_arena_printf(ctx->arena, "%s%s", bf.fs->name, bf.file->name);
	const char *run = ctx->dev->system_image.path;
	boot_file_find(&bf, ctx, ctx->dev->system_image.filesystem, run);
	if (bf.state == BOOT_FILE_PRESENT && !is(run, want))
		paths[n++] = ip_arena_printf(ctx->arena, "%s%s", bf.fs->name, bf.file->name);
	boot_source src;
	boot_source_next(&src, ctx);
	if (n)
		boot_fix_list(out, f, ctx, paths, n, src.list && src.list->n);
}

/* The reload boots the running image, and no other image is there to take
 * its place. */
static bool only_running(const ip_rule_ctx *ctx)
{
	const ip_boot_prediction *nb = ctx->next_boot;
	const char *run = boot_running_name(ctx);
	return nb->n_images == 1 && run && is(nb->path, run);
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_boot_prediction *nb = ctx->next_boot;
	const char *role, *want = intended(ctx, &role);
	if (nb->step != IP_STEP_FIRST_IMAGE || !want || !nb->path)
		return;
	const char *fs = nb->filesystem ? nb->filesystem : "flash";
	/* about the list the reload reads: no entry of it is usable */
	boot_source src;
	boot_source_next(&src, ctx);
	ip_subject about = ip_subj_list(ctx->dev, src.list);
	ip_finding *f;
	if (nb->outcome == IP_NEXT_IMAGE) {
		if (is(nb->path, want) || only_running(ctx))
			return;
		f = ip_report(out, about, listing_span(ctx, nb->path),
			      "with no usable boot entry the reload boots the first image on "
			      "%s, %s, not %s %s", fs, boot_basename(nb->path), role, want);
	} else if (nb->outcome == IP_NEXT_AMBIGUOUS && nb->alt_path) {
		if (is(nb->path, want) && is(nb->alt_path, want))
			return;
		const char *wrong = is(nb->path, want) ? nb->alt_path : nb->path;
		f = ip_report_weak(out, about, listing_span(ctx, wrong),
				   "with no usable boot entry the reload boots %s (first by "
				   "name) or %s (first in the listing) from %s, depending on "
				   "the platform; %s is %s", boot_basename(nb->path),
				   boot_basename(nb->alt_path), fs, role, want);
	} else {
		return;
	}
	related(out, f, ctx);
	fix(out, f, ctx, want);
}

const ip_rule rule_alphabetical_boot = {
	"alphabetical-boot", IP_SEV_ERROR, check, IP_REPAIR_BOOT_LIST,
};
