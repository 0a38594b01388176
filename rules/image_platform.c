/* image-platform: the target image must be built for this device's family.
 * The family is the first token of the image name and must be one the
 * platform table lists for the model on the processor line:
 *
 *   cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.
 *   target c2960-lanbasek9-mz.152-7.E9.bin     -> c2960, not isr4300
 *
 * Either side unknown (a model the table does not know, a target name
 * without a platform token such as packages.conf) is silent: the question
 * is only asked when both answers are read, never guessed. */
#include "rule.h"

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	if (!t || !t->parsed || !t->image.platform[0])
		return;
	if (ip_platform_image_fits(ctx->platform, t->image.platform) != 0)
		return;
	const ip_device *d = ctx->dev;
	ip_span at = ip_span_known(d->platform.span) ? d->platform.span : ctx->platform->evidence;
	const char *model = d->platform.s ? d->platform.s
			  : ctx->platform->series ? ctx->platform->series : "this device";
	ip_finding *f = ip_report(out, ip_subj_target(),
				  at, "%s is an image for %s, but %s runs %s images",
				  t->name, t->image.platform, model,
				  ctx->platform->image_platforms);
	if (ip_span_known(t->span))
		ip_finding_related(out, f, t->span, "the target %s", t->name);
	if (d->system_image.raw)
		ip_finding_related(out, f, d->system_image.span, "the running image: %s",
				   d->system_image.raw);
}

const ip_rule rule_image_platform = { "image-platform", IP_SEV_ERROR, check, IP_REPAIR_NONE };
