/* config-register: the register the device boots with decides before any
 * boot statement is read (DOMAIN.md §1, §9.1-2).
 *
 *   Configuration register is 0x2142                        ignores startup-config
 *   Configuration register is 0x2102 (will be 0x0 at next reload)   ROMMON next
 *   Manual Boot = yes / MANUAL_BOOT variable = yes          stops at switch:
 *
 * The value that counts is the one "at next reload" (dev->confreg_next).
 * Facets, each with its own message: MANUAL_BOOT yes and boot field 0 stop
 * in ROMMON (error); bits 0x0040 and 0x8000 drop the startup-config
 * (error); boot field 1 loads a platform-dependent ROM or first image
 * (weak: what it loads depends on the platform); a value other than the
 * platform's normal one, or a pending change back to it, is worth a look
 * (weak). IOSv runs with 0x0; on a Cat9k the register does nothing and
 * its line may be missing altogether. */
#include <string.h>
#include <strings.h>

#include "confreg.h"
#include "fact_hint.h"
#include "rule.h"

#define CR_IGNORE_NVRAM 0x0040u
#define CR_DIAG_IGNORE 0x8000u
#define CR_BOOT_FIELD IP_CR_BOOT_FIELD
#define CR_BAUD IP_CR_BAUD

/* The normal value: a .iosplan.yaml entry whose prefix matches the model
 * (longest wins), else the platform's. */
static bool normal_value(const ip_rule_ctx *ctx, uint32_t *v)
{
	const char *model = ctx->dev->platform.s, *series = ctx->platform->series;
	size_t best = 0;
	for (size_t i = 0; ctx->opts && i < ctx->opts->n_normal_registers; i++) {
		const ip_normal_register *r = &ctx->opts->normal_registers[i];
		size_t n = r->model_prefix ? strlen(r->model_prefix) : 0;
		if (n <= best)
			continue;
		if ((model && strncasecmp(model, r->model_prefix, n) == 0) ||
		    (series && strncasecmp(series, r->model_prefix, n) == 0)) {
			best = n;
			*v = r->value;
		}
	}
	if (best)
		return true;
	*v = ctx->platform->normal_confreg;
	return ctx->platform->has_normal_confreg;
}

static void fix_register(ip_findings *out, ip_finding *f, uint32_t value)
{
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "config-register 0x%X", value);
	ip_finding_fix(out, f, "end");
}

/* The repair of the boot field (and of the ignore bits): the model's, which
 * keeps every other bit, the console speed first (confreg.h). The fix says
 * so, since an engineer used to typing 0x2102 would expect that value. */
static void fix_repair(ip_findings *out, ip_finding *f, const ip_register *r, uint32_t normal,
		       bool has_normal)
{
	uint32_t v = ip_confreg_repair(r->v, has_normal, normal);
	fix_register(out, f, v);
	ip_finding_related(out, f, r->span,
			   "the fix 0x%X changes only the boot field%s of 0x%X: the console "
			   "speed and the other bits stay as they are", v,
			   (r->v & IP_CR_IGNORE) ? " and the bits that ignore the startup-config" : "",
			   r->v);
}

/* The current value, when the next one differs from it. */
static void related_current(ip_findings *out, ip_finding *f, const ip_device *dev)
{
	if (dev->confreg.known && dev->confreg.v != dev->confreg_next.v)
		ip_finding_related(out, f, dev->confreg.span, "the register is 0x%X until then",
				   dev->confreg.v);
}

static void manual_boot(const ip_rule_ctx *ctx, ip_findings *out)
{
	ip_finding *f = ip_report(out, ip_subj_register(), ctx->dev->manual_boot.span,
				  "manual boot is set (MANUAL_BOOT = yes): the switch stops at "
				  "the switch: prompt at the next reload instead of booting");
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "no boot manual");
	ip_finding_fix(out, f, "end");
}

static void ignore_config(const ip_rule_ctx *ctx, ip_findings *out, uint32_t normal,
			  bool has_normal)
{
	const ip_register *r = &ctx->dev->confreg_next;
	uint32_t bits = r->v & (CR_IGNORE_NVRAM | CR_DIAG_IGNORE);
	ip_finding *f = ip_report(out, ip_subj_register(), r->span,
				  "configuration register 0x%X has bit 0x%04X set: the device "
				  "ignores its startup-config at the next reload and comes back "
				  "unconfigured", r->v, bits);
	related_current(out, f, ctx->dev);
	if (ctx->platform->family == IP_FAMILY_SWITCH_XE) {
		/* Cat3k/9k: the ROMMON variable behind 0x142, not the register */
		ip_finding_fix(out, f, "configure terminal");
		ip_finding_fix(out, f, "no system ignore startupconfig switch all");
		ip_finding_fix(out, f, "end");
		return;
	}
	fix_repair(out, f, r, normal, has_normal);
}

/* Boot field 0 or 1; returns whether it reported. */
static bool boot_field(const ip_rule_ctx *ctx, ip_findings *out, uint32_t normal,
		       bool has_normal)
{
	const ip_register *r = &ctx->dev->confreg_next;
	uint32_t field = r->v & CR_BOOT_FIELD;
	ip_finding *f;
	if (field > 1 || (has_normal && r->v == normal))
		return false;
	if (field == 0 && ctx->platform->family == IP_FAMILY_VIRTUAL)
		return false; /* IOSv boots with 0x0 */
	if (field == 0)
		f = ip_report(out, ip_subj_register(), r->span,
			      "configuration register 0x%X has boot field 0x0: the device "
			      "stops in ROMMON at the next reload", r->v);
	else
		f = ip_report_weak(out, ip_subj_register(), r->span,
				   "configuration register 0x%X has boot field 0x1: the next "
				   "reload loads a platform-dependent ROM image or the first "
				   "image in flash, not the boot statements", r->v);
	related_current(out, f, ctx->dev);
	fix_repair(out, f, r, normal, has_normal);
	return true;
}

/* Neither ROMMON nor ignore-config: not the normal value, or changing. */
static void unusual(const ip_rule_ctx *ctx, ip_findings *out, uint32_t normal,
		    bool has_normal)
{
	const ip_device *dev = ctx->dev;
	const ip_register *r = &dev->confreg_next;
	bool pending = dev->confreg.known && dev->confreg.v != r->v;
	ip_finding *f;
	if (has_normal && r->v == normal) {
		if (!pending)
			return;
		f = ip_report_weak(out, ip_subj_register(), r->span,
				   "configuration register is 0x%X now and will be 0x%X at the "
				   "next reload", dev->confreg.v, r->v);
		related_current(out, f, dev);
		return;
	}
	if (!has_normal) {
		if (pending) {
			f = ip_report_weak(out, ip_subj_register(), r->span,
					   "configuration register changes from 0x%X to 0x%X at "
					   "the next reload", dev->confreg.v, r->v);
			related_current(out, f, dev);
		}
		return;
	}
	if (ctx->platform->family == IP_FAMILY_VIRTUAL)
		return;
	uint32_t diff = r->v ^ normal;
	const char *series = ctx->platform->series ? ctx->platform->series : "this platform";
	f = ip_report_weak(out, ip_subj_register(),
			   r->span, "configuration register 0x%X is not the normal 0x%X for %s%s",
			   r->v, normal, series,
			   (diff & CR_BAUD) && !(diff & ~CR_BAUD)
				   ? ": the console speed differs from 9600 baud"
				   : "");
	related_current(out, f, dev);
	fix_register(out, f, normal);
}

static bool has_show_version(const ip_device *dev)
{
	for (size_t i = 0; i < dev->n_sources; i++)
		if (dev->sources[i].cmd == IP_CMD_SHOW_VERSION)
			return true;
	return false;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *dev = ctx->dev;
	if (dev->manual_boot.v == IP_TRI_YES)
		manual_boot(ctx, out);
	if (!dev->confreg_next.known) {
		/* a register line cut by the capture's filter, where it matters */
		if (has_show_version(dev) && ctx->platform->family != IP_FAMILY_UNKNOWN &&
		    !ctx->platform->confreg_line_optional) {
			ip_span none = {0};
			ip_finding *f = ip_report_weak(
				out, ip_subj_register(),
				none, "the configuration register is unknown: its boot "
					   "field decides before any boot statement is read");
			/* where show version (captured in full) prints no register
			 * line, the command that does (fact_hint.h, issue 23 pt 3) */
			ip_fact_hint h = ip_fact_hint_of(NULL, dev, ctx->platform, IP_FACT_CONFREG);
			ip_finding_capture(out, f, h.kind == IP_HINT_NOT_PRINTED && h.capture
							   ? h.capture
							   : "show version | include register");
		}
		return;
	}
	uint32_t normal = 0;
	bool has_normal = normal_value(ctx, &normal);
	bool ignores = dev->confreg_next.v & (CR_IGNORE_NVRAM | CR_DIAG_IGNORE);
	if (ignores && !(has_normal && dev->confreg_next.v == normal))
		ignore_config(ctx, out, normal, has_normal);
	if (ctx->platform->confreg_ignored)
		return; /* Cat9k: MANUAL_BOOT decides, checked above */
	if (boot_field(ctx, out, normal, has_normal) || ignores)
		return;
	unusual(ctx, out, normal, has_normal);
}

const ip_rule rule_config_register = { "config-register", IP_SEV_ERROR, check, IP_REPAIR_REGISTER };
