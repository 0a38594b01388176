/* boot-order: the target image is on the filesystem the device boots from,
 * but the reload would not try it first (DOMAIN.md §2.3; seed step 5).
 *
 *   bootflash:  7  559482880 ... isr4300-universalk9.16.12.04.SPA.bin   target
 *   boot system bootflash:isr4300-universalk9.16.09.06.SPA.bin         tried first
 *
 * The list is the one the boot simulator reads: the startup-config on
 * routers, the next-reload BOOT variable on switches. The entries the
 * simulator skips (file missing, not bootable, no such filesystem, another
 * member's) are skipped here, by its verdicts; the first entry left must
 * load the target (compared by file name). No entry at all means the
 * first-image search decides, which is not an explicit choice either.
 * Silent without a target or when the target is not on flash yet (the
 * copy comes first); in install mode the target goes through `install`,
 * not a boot statement (install-mode's business). On a stack, a statement
 * that names the target for one member (`boot system switch 2 flash:T`)
 * while other members are reached by no statement naming it leaves those
 * members on their old BOOT variable: reported at the statement, with
 * `boot system switch all` as the fix. */
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "boot_facts.h"
#include "stack_facts.h"

/* The target's listing line on the filesystem it boots from: at the root,
 * else in a sub-directory (the 2960 tar layout). */
static void target_find(boot_file *out, const ip_rule_ctx *ctx)
{
	const ip_target *t = ctx->target;
	boot_file_find(out, ctx, t->filesystem, t->name);
	if (out->state == BOOT_FILE_PRESENT || !out->fs)
		return;
	for (size_t i = 0; i < out->fs->n_files; i++) {
		const ip_file *f = &out->fs->files[i];
		if (!f->is_dir && ip_fs_file_eq(out->fs->name, boot_basename(f->name), t->name)) {
			out->state = BOOT_FILE_PRESENT;
			out->file = f;
			return;
		}
	}
}

/* The first entry IOS would try: the first the simulator does not skip.
 * Its own verdict (`alone`), so a register that stops in ROMMON first
 * does not hide what the list would do once it is fixed. */
static size_t first_tried(const ip_rule_ctx *ctx, const ip_boot_list *l)
{
	const ip_boot_verdict *v = boot_verdicts(ctx, l, 0);
	for (size_t i = 0; i < l->n; i++)
		if (!ip_boot_verdict_skips(v[i].alone))
			return i;
	return l->n;
}

/* Where in the list the target is, or SIZE_MAX. A search by name, not a
 * walk deciding which entry boots. */
static size_t target_index(const ip_boot_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (boot_entry_names(&l->v[i], name))
			return i;
	return SIZE_MAX;
}

static void fix(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx, const boot_file *tf)
{
	const char *paths[2];
	size_t n = 0;
	paths[n++] = ip_arena_printf(ctx->arena, "%s%s", tf->fs->name, tf->file->name);
	const ip_device *dev = ctx->dev;
	boot_file run;
	boot_file_find(&run, ctx, dev->system_image.filesystem, dev->system_image.path);
	if (run.state == BOOT_FILE_PRESENT && run.file != tf->file && !run.file->is_dir)
		paths[n++] = ip_arena_printf(ctx->arena, "%s%s", run.fs->name, run.file->name);
	boot_fix_list(out, f, ctx, paths, n, true);
}

static void report(const ip_rule_ctx *ctx, ip_findings *out, const boot_source *src,
		   const boot_file *tf, size_t first)
{
	const ip_boot_list *l = src->list;
	const char *name = ctx->target->name;
	ip_finding *f;
	if (first == l->n)
		f = ip_report(out, ip_subj_list(ctx->dev, l), l->span,
			      "the target %s is on %s but the %s has no usable boot entry: "
			      "the reload boots whatever the first-image search finds",
			      name, tf->fs->name, src->name);
	else
		f = ip_report(out, ip_subj_entry(ctx->dev, l, &l->v[first]), l->v[first].span,
			      "the target %s is on %s but the first %s entry tried is %s, "
			      "which the reload boots instead", name, tf->fs->name, src->name,
			      boot_entry_text(ctx, &l->v[first]));
	ip_finding_related(out, f, tf->file->span, "the target on %s", tf->fs->name);
	size_t ti = target_index(l, name);
	if (ti != SIZE_MAX)
		ip_finding_related(out, f, l->v[ti].span, "the target is entry %zu", ti + 1);
	fix(out, f, ctx, tf);
}

static bool install_mode(const ip_rule_ctx *ctx, const ip_boot_list *l, size_t first)
{
	const char *p = first < l->n ? l->v[first].path : NULL;
	size_t n = p ? strlen(p) : 0;
	return ctx->dev->install_mode.v == IP_TRI_YES && n > 5 &&
	       strcasecmp(p + n - 5, ".conf") == 0;
}

/* --- stack members -------------------------------------------------------- */

/* Members no target-naming statement of l reaches, as "1, 3"; NULL if none.
 * Which statements reach which member (`boot system switch N`), not which
 * entry boots: the verdicts answer that. */
static const char *unreached(const ip_rule_ctx *ctx, const ip_boot_list *l, const char *bin)
{
	const char *s = NULL;
	const ip_device *d = ctx->dev;
	for (size_t k = 0; k < d->n_members; k++) {
		const ip_member *m = &d->members[k];
		bool hit = false;
		if (m->state.s && (strncasecmp(m->state.s, "Provisioned", 11) == 0 ||
				   strncasecmp(m->state.s, "Removed", 7) == 0))
			continue;
		for (size_t i = 0; i < l->n && !hit; i++)
			hit = boot_entry_names(&l->v[i], bin) &&
			      stack_entry_reaches(ctx, &l->v[i], m->number);
		if (!hit)
			s = s ? ip_arena_printf(ctx->arena, "%s, %d", s, m->number)
			      : ip_arena_printf(ctx->arena, "%d", m->number);
	}
	return s;
}

/* The config statements that name the target for one member only: their
 * addressing (`switch N`), not whether they boot, which the verdicts say. */
static void check_reach(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *d = ctx->dev;
	const ip_boot_list *l = d->boot_running.known ? &d->boot_running : &d->boot_startup;
	const char *bin = stack_target_bin(ctx);
	if (!stack_is(ctx) || !l->known || !bin)
		return;
	for (size_t i = 0; i < l->n; i++) {
		const ip_boot_entry *e = &l->v[i];
		if (e->member <= 0 || !boot_entry_names(e, bin))
			continue;
		const char *miss = unreached(ctx, l, bin);
		if (!miss)
			return;
		bool many = strchr(miss, ',') != NULL;
		ip_finding *f = ip_report(out, ip_subj_entry(d, l, e),
					  e->span, "boot system switch %d names the target %s "
					  "for switch %d only: %s %s %s and %s not boot it after the "
					  "reload", e->member, bin, e->member,
					  many ? "switches" : "switch", miss,
					  many ? "keep their BOOT variables" : "keeps its BOOT variable",
					  many ? "do" : "does");
		ip_finding_fix(out, f, "configure terminal");
		ip_finding_fix(out, f, "no boot system %s", e->raw);
		ip_finding_fix(out, f, "boot system switch all %s%s",
			       e->filesystem ? e->filesystem : "flash:", e->path);
		ip_finding_fix(out, f, "end");
		ip_finding_fix(out, f, "copy running-config startup-config");
		return;
	}
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	if (!ctx->target || !ctx->target->name || !*ctx->target->name)
		return;
	check_reach(ctx, out);
	boot_file tf;
	target_find(&tf, ctx);
	if (tf.state != BOOT_FILE_PRESENT)
		return;
	boot_source src;
	boot_source_next(&src, ctx);
	if (!src.list) {
		ip_finding *f = ip_report_weak(out, ip_subj_list(ctx->dev, NULL), tf.file->span,
					       "the target %s is on %s, but the %s was not "
					       "captured: cannot tell whether it boots first",
					       ctx->target->name, tf.fs->name, src.name);
		ip_finding_capture(out, f, src.capture);
		return;
	}
	size_t first = first_tried(ctx, src.list);
	if (install_mode(ctx, src.list, first))
		return;
	if (first < src.list->n && boot_entry_names(&src.list->v[first], ctx->target->name))
		return;
	report(ctx, out, &src, &tf, first);
}

const ip_rule rule_boot_order = { "boot-order", IP_SEV_ERROR, check, IP_REPAIR_BOOT_LIST };
