/* memory-minimum: the device has less DRAM or flash than the target
 * release needs (catalogue min_dram, min_flash; issue 22). The device's
 * sizes come from show version:
 *
 *   cisco ISR4321/K9 (1RU) processor with 1647778K/6147K bytes of memory.
 *   8388608K bytes of physical memory.                     <- DRAM
 *   7697408K bytes of flash memory at bootflash:.           <- flash
 *
 * On IOS-XE the processor line counts only IOSd's share of the DRAM (Cisco
 * 110739, ASR 1000 memory guide): a value read from it alone is a lower
 * bound, so "below the minimum" is then reported one level lower, naming
 * the physical-memory line that would decide. The flash is the one the
 * target goes to (its filesystem, else the platform's default), else the
 * first show version names. Sizes unknown: one level lower, naming
 * show version. */
#include <string.h>
#include <strings.h>

#include "rule.h"

#define MIB(x) ((unsigned long long)((x) >> 20))

static void dram(const ip_rule_ctx *ctx, ip_findings *out, const ip_release_facts *r)
{
	const ip_target *t = ctx->target;
	const ip_dram *d = &ctx->dev->dram;
	const char *src = ip_release_fact_source(r, IP_FACT_MIN_DRAM);
	ip_finding *f;
	if (!d->known) {
		f = ip_report_weak(out, ip_subj_device(), r->min_dram.span,
				   "%s needs %llu MiB of DRAM (catalogue, %s), and no capture shows "
				   "this device's memory", t->name, MIB(r->min_dram.v), src);
		ip_finding_capture(out, f, "show version");
		return;
	}
	if (d->bytes >= r->min_dram.v)
		return;
	if (d->lower_bound) {
		f = ip_report_weak(out, ip_subj_device(), d->span,
				   "%s needs %llu MiB of DRAM (catalogue, %s); show version's processor "
				   "line gives IOSd %llu MiB, a share of the DRAM, not the whole",
				   t->name, MIB(r->min_dram.v), src, MIB(d->bytes));
		ip_finding_capture(out, f, "show version");
	} else {
		f = ip_report(out, ip_subj_device(), d->span,
			      "the device has %llu MiB of DRAM, below the %llu MiB %s needs "
			      "(catalogue, %s)", MIB(d->bytes), MIB(r->min_dram.v), t->name, src);
	}
	ip_finding_related(out, f, r->min_dram.span, "the catalogue's min_dram");
}

static const ip_flash_size *target_flash(const ip_rule_ctx *ctx)
{
	const ip_device *d = ctx->dev;
	const char *fs = ctx->target->filesystem ? ctx->target->filesystem
		       : ctx->platform ? ctx->platform->default_fs : NULL;
	for (size_t i = 0; fs && i < d->n_flash_sizes; i++)
		if (d->flash_sizes[i].filesystem && strcasecmp(d->flash_sizes[i].filesystem, fs) == 0)
			return &d->flash_sizes[i];
	return d->n_flash_sizes ? &d->flash_sizes[0] : NULL;
}

static void flash(const ip_rule_ctx *ctx, ip_findings *out, const ip_release_facts *r)
{
	const ip_target *t = ctx->target;
	const ip_flash_size *s = target_flash(ctx);
	const char *src = ip_release_fact_source(r, IP_FACT_MIN_FLASH);
	ip_finding *f;
	if (!s) {
		f = ip_report_weak(out, ip_subj_device(), r->min_flash.span,
				   "%s needs %llu MiB of flash (catalogue, %s), and no capture shows "
				   "this device's flash size", t->name, MIB(r->min_flash.v), src);
		ip_finding_capture(out, f, "show version");
		return;
	}
	if (s->bytes >= r->min_flash.v)
		return;
	f = ip_report(out, ip_subj_fs(s->filesystem, 0), s->span,
		      "%s holds %llu MiB, below the %llu MiB of flash %s needs (catalogue, %s)",
		      s->filesystem ? s->filesystem : "the flash", MIB(s->bytes),
		      MIB(r->min_flash.v), t->name, src);
	ip_finding_related(out, f, r->min_flash.span, "the catalogue's min_flash");
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_release_facts *r = ctx->target ? ctx->target->facts : NULL;
	if (r && r->min_dram.known)
		dram(ctx, out, r);
	if (r && r->min_flash.known)
		flash(ctx, out, r);
}

const ip_rule rule_memory_minimum = { "memory-minimum", IP_SEV_ERROR, check, IP_REPAIR_NONE };
