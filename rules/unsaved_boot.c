/* unsaved-boot: the boot statements that will be read at reload are not
 * the ones the running-config shows (DOMAIN.md §2.5, §9.4).
 *
 *   show running-config | include boot      boot system bootflash:new.bin
 *                                           boot system bootflash:old.bin
 *   show startup-config | include boot      boot system bootflash:old.bin
 *
 * Routers read the startup-config at reload: a statement only in the
 * running-config is lost. Order matters, entries compare by filesystem
 * (aliases followed) and path. On switches the BOOT variable decides, and
 * whether `boot system` writes it at once or only when the configuration
 * is saved differs between platforms (§2.5 UNCONFIRMED): there a config
 * that disagrees with the next-reload BOOT variable is reported as
 * pending, weakly. An empty config boot list beside a set BOOT variable is
 * normal on switches (archive download-sw sets BOOT only) and not
 * reported. On a stack each member has its own BOOT variable: the config
 * statements that reach member N (`boot system switch N|all …`, a plain
 * statement reaching the active member) are compared with member N's.
 *
 * Saving can wipe the BOOT variable (issue #20 point 20):
 *
 *   show running-config | include boot      boot-start-marker
 *                                           boot-end-marker
 *   show boot                               BOOT variable = flash:packages.conf
 *
 * Where a save rewrites the BOOT variable from the running-config's `boot
 * system` lines, the next `write memory` clears a BOOT variable that was
 * set with none in the running-config, and the reload after it stops at the
 * switch: prompt. Cisco FN63641 (Catalyst 3850 / 5760, IOS-XE 3.2.0SE,
 * https://www3-realm.cisco.com/en/US/ts/fn/636/fn63641.html) documents
 * exactly this; pyntc PR #74 (https://github.com/networktocode/pyntc/pull/74)
 * saw bootvars follow only a save on "some Cisco devices". Whether later
 * IOS-XE switches (16.x, 17.x, Cat9k) still do it is UNCONFIRMED (DOMAIN.md
 * §2.5), so the finding is weak, and where it applies is the setting
 * save_rewrites_boot (rules/rule.h): IOS-XE switches by default, every
 * switch, or never. A classic Catalyst whose BOOT `archive download-sw` set
 * beside an empty boot block is normal there and not reported by default.
 * The running-config must have been captured with its boot block: an
 * unknown list is not an empty one. */
#include "boot_facts.h"
#include "stack_facts.h"

typedef struct side {
	const ip_boot_list *list;
	const char *name; /* "running-config" */
} side;

/* Index of the first entry where a and b differ, or SIZE_MAX. A walk of
 * two lists for how they differ as text (what saving would change), not
 * for which entry boots: that is the simulator's verdict, and a difference
 * matters here whether or not either entry would boot. */
static size_t first_difference(const ip_rule_ctx *ctx, const ip_boot_list *a,
			       const ip_boot_list *b)
{
	size_t n = a->n > b->n ? a->n : b->n;
	for (size_t i = 0; i < n; i++)
		if (i >= a->n || i >= b->n || !boot_entry_same(ctx, &a->v[i], &b->v[i]))
			return i;
	return SIZE_MAX;
}

static const char *entry_at(const ip_rule_ctx *ctx, const ip_boot_list *l, size_t i)
{
	return i < l->n ? boot_entry_text(ctx, &l->v[i]) : "(none)";
}

static ip_span span_at(const ip_boot_list *l, size_t i)
{
	return i < l->n ? l->v[i].span : l->span;
}

/* Entry i of l, or l itself when it is shorter. */
static ip_subject subj_at(const ip_rule_ctx *ctx, const ip_boot_list *l, size_t i)
{
	return i < l->n ? ip_subj_entry(ctx->dev, l, &l->v[i]) : ip_subj_list(ctx->dev, l);
}

/* running-config against startup-config: weak on switches, where neither
 * is what the ROMMON reads. Returns whether it reported. */
static bool unsaved(const ip_rule_ctx *ctx, ip_findings *out, bool weak)
{
	const ip_device *dev = ctx->dev;
	side run = { &dev->boot_running, "running-config" };
	side start = { &dev->boot_startup, "startup-config" };
	size_t i = first_difference(ctx, run.list, start.list);
	if (i == SIZE_MAX)
		return false;
	ip_finding *(*rep)(ip_findings *, ip_subject, ip_span, const char *, ...) =
		weak ? ip_report_weak : ip_report;
	side *at = i < run.list->n ? &run : &start, *other = at == &run ? &start : &run;
	ip_finding *f = rep(out, subj_at(ctx, at->list, i), span_at(at->list, i),
			    "boot entry %zu differs: running-config has %s, startup-config "
			    "has %s, and the reload uses the startup-config's unless the "
			    "configuration is saved", i + 1, entry_at(ctx, run.list, i),
			    entry_at(ctx, start.list, i));
	ip_finding_related(out, f, span_at(other->list, i), "the %s's entry %zu",
			   other->name, i + 1);
	ip_finding_fix(out, f, "copy running-config startup-config");
	return true;
}

/* The configuration against the next-reload BOOT variable (switches). */
static void pending(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *dev = ctx->dev;
	side cfg = { &dev->boot_running, "running-config" };
	if (!cfg.list->known) {
		cfg.list = &dev->boot_startup;
		cfg.name = "startup-config";
	}
	const ip_boot_list *bv = &dev->bootvar;
	if (!cfg.list->known || !cfg.list->n || !bv->known)
		return;
	size_t i = first_difference(ctx, cfg.list, bv);
	if (i == SIZE_MAX)
		return;
	ip_finding *f = ip_report_weak(
		out, subj_at(ctx, i < cfg.list->n ? cfg.list : bv, i),
		span_at(i < cfg.list->n ? cfg.list : bv, i),
		"boot entry %zu differs: the %s has %s, the BOOT variable for the next "
		"reload has %s, so the change is pending (not written to BOOT yet, or "
		"not saved)", i + 1, cfg.name, entry_at(ctx, cfg.list, i), entry_at(ctx, bv, i));
	ip_finding_related(out, f, span_at(i < cfg.list->n ? bv : cfg.list, i), "the %s",
			   i < cfg.list->n ? "BOOT variable" : cfg.name);
	ip_finding_fix(out, f, "copy running-config startup-config");
	ip_finding_capture(out, f, "show boot");
}

/* The entries of l that reach member n (`boot system switch N|all`): a
 * question of addressing, not of which entry boots. */
static ip_boot_list *reaching(const ip_rule_ctx *ctx, const ip_boot_list *l, int n)
{
	ip_boot_list *r = ip_arena_alloc(ctx->arena, sizeof(*r));
	*r = *l;
	r->v = NULL;
	r->n = r->cap = 0;
	for (size_t i = 0; i < l->n; i++)
		if (stack_entry_reaches(ctx, &l->v[i], n))
			*IP_PUSH(ctx->arena, r->v, r->n, r->cap) = l->v[i];
	return r;
}

/* Per member: the statements that reach it against its BOOT variable. */
static void pending_members(const ip_rule_ctx *ctx, ip_findings *out, const side *cfg)
{
	const ip_device *dev = ctx->dev;
	for (size_t k = 0; k < dev->n_members; k++) {
		stack_view v;
		stack_view_of(&v, ctx, &dev->members[k]);
		const ip_boot_list *mine = reaching(ctx, cfg->list, v.m->number);
		const ip_boot_list *bv = v.bootvar;
		if (!bv || !mine->n)
			continue;
		size_t i = first_difference(ctx, mine, bv);
		if (i == SIZE_MAX)
			continue;
		ip_finding *f = ip_report_weak(
			out, subj_at(ctx, bv, i), span_at(i < mine->n ? mine : bv, i),
			"switch %d: boot entry %zu differs: the %s has %s, switch %d's BOOT "
			"variable for the next reload has %s, so the change is pending (not "
			"written to BOOT yet, or not saved)", v.m->number, i + 1, cfg->name,
			entry_at(ctx, mine, i), v.m->number, entry_at(ctx, bv, i));
		ip_finding_related(out, f, span_at(i < mine->n ? bv : mine, i), "the %s",
				   i < mine->n ? "BOOT variable" : cfg->name);
		ip_finding_fix(out, f, "copy running-config startup-config");
		ip_finding_capture(out, f, "show boot");
	}
}

static bool members_bootvar(const ip_device *dev)
{
	for (size_t i = 0; i < dev->n_members; i++)
		if (dev->members[i].bootvar.known)
			return true;
	return false;
}

/* Whether, by the setting, a save on this platform rewrites BOOT. */
static bool save_rewrites_boot(const ip_rule_ctx *ctx)
{
	switch (ctx->opts->save_rewrites_boot) {
	case IP_SAVE_BOOT_IOSXE: return ctx->platform->family == IP_FAMILY_SWITCH_XE;
	case IP_SAVE_BOOT_SWITCHES: return ctx->platform->boot_from_bootvar;
	case IP_SAVE_BOOT_NEVER: break;
	}
	return false;
}

/* An empty running-config boot list beside a set BOOT variable, where a
 * save would clear BOOT. Returns whether it reported. */
static bool save_wipes(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *dev = ctx->dev;
	const ip_boot_list *run = &dev->boot_running, *bv = &dev->bootvar;
	if (!save_rewrites_boot(ctx) || !run->known || run->n || !bv->known || !bv->n)
		return false;
	const char **paths = ip_arena_alloc(ctx->arena, bv->n * sizeof(*paths));
	for (size_t i = 0; i < bv->n; i++)
		paths[i] = boot_entry_text(ctx, &bv->v[i]);
	ip_finding *f = ip_report_weak(
		out, ip_subj_list(dev, run), bv->v[0].span,
		"the running-config has no boot system line while the BOOT variable for the next "
		"reload is %s: a save (write memory) rewrites the BOOT variable from the "
		"running-config and would clear it, and the reload after that save stops at the "
		"switch: prompt (Cisco FN63641 shows it on Catalyst 3850 IOS-XE 3.2.0SE; assumed "
		"here by save_rewrites_boot: %s); write the boot statements before saving",
		entry_at(ctx, bv, 0),
		ctx->opts->save_rewrites_boot == IP_SAVE_BOOT_IOSXE ? "ios-xe" : "switches");
	ip_finding_related(out, f, run->span, "the running-config's boot block, empty");
	boot_fix_list(out, f, ctx, paths, bv->n, false);
	return true;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *dev = ctx->dev;
	bool sw = ctx->platform->boot_from_bootvar;
	if (dev->boot_running.known && dev->boot_startup.known && unsaved(ctx, out, sw))
		return;
	if (!sw || save_wipes(ctx, out))
		return;
	side cfg = { &dev->boot_running, "running-config" };
	if (!cfg.list->known)
		cfg = (side){ &dev->boot_startup, "startup-config" };
	if (stack_is(ctx) && members_bootvar(dev) && cfg.list->known)
		pending_members(ctx, out, &cfg);
	else
		pending(ctx, out);
}

const ip_rule rule_unsaved_boot = { "unsaved-boot", IP_SEV_ERROR, check, IP_REPAIR_BOOT_LIST };
