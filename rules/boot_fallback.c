/* boot-fallback: nothing known-good follows the first boot entry (seed
 * step 5: "add the old image as a FALLBACK"; DOMAIN.md §2.3).
 *
 *   boot system flash0:c2900-universalk9-mz.SPA.157-3.M8.bin    the only entry
 *   1    106640948 ... c2900-universalk9-mz.SPA.154-3.M10.bin    running, unlisted
 *
 * Known-good: an entry after the first that points at an image the
 * listing shows (a different one from the first's). A network or ROM entry
 * is not known-good; an entry on a filesystem nobody listed gets the
 * benefit of the doubt. The rule reports only when a fallback exists to be
 * added: another image on the boot filesystem, the running one preferred.
 * No entries at all with several images on flash is the same risk, decided
 * by file order; on a Cat3k/Cat9k or Cat4500, which do not search flash,
 * no entries means no boot at all. In install mode (packages.conf) rollback is `install`'s
 * business, not a second boot entry. */
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "boot_facts.h"

enum { MAX_LISTED = 4 };

/* Whether entry i (after the first) is a known-good fallback: by the
 * simulator's own verdict of it, so an entry it would skip (missing, not
 * bootable, no such filesystem) is never taken for a fallback here. */
static bool known_good(const ip_rule_ctx *ctx, const ip_boot_list *l,
		       const ip_boot_verdict *v, size_t i)
{
	const ip_boot_entry *e = &l->v[i];
	if (e->kind != IP_BOOT_FILE || boot_entry_same(ctx, &l->v[0], e))
		return false;
	switch (v[i].alone) {
	case IP_VERDICT_BOOTS: return true;
	case IP_VERDICT_UNKNOWN: return true; /* not checkable: not reported */
	default: return false;
	}
}

static bool is_image(const ip_rule_ctx *ctx, const ip_file *f)
{
	const char *run = boot_running_name(ctx);
	return !f->is_dir && (boot_image_name_ok(f->name) ||
			      ip_fs_file_eq(NULL, boot_basename(f->name), run));
}

/* Images on fs other than the one `first` loads, the running one first:
 * candidates to add to the list, not a walk of it. */
static size_t images(const ip_rule_ctx *ctx, const ip_filesystem *fs,
		     const ip_boot_entry *first, const ip_file **v)
{
	const char *run = boot_running_name(ctx);
	size_t n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < fs->n_files && n < MAX_LISTED; i++) {
			const ip_file *f = &fs->files[i];
			bool running = ip_fs_file_eq(fs->name, boot_basename(f->name), run);
			if (running != (pass == 0) || !is_image(ctx, f))
				continue;
			if (first && ip_fs_file_eq(fs->name, first->path, f->name))
				continue;
			v[n++] = f;
		}
	return n;
}

static const char *full(const ip_rule_ctx *ctx, const ip_filesystem *fs, const ip_file *f)
{
	return ip_arena_printf(ctx->arena, "%s%s", fs->name, f->name);
}

/* Cat3k/Cat9k and Cat4500 do not search flash (FN63641): an empty list
 * leaves nothing to boot at all. */
static void no_search(const ip_rule_ctx *ctx, ip_findings *out, const boot_source *src,
		      const ip_filesystem *fs)
{
	bool c4500 = ctx->platform->family == IP_FAMILY_SWITCH_CAT4500;
	ip_finding *f = ip_report(out, ip_subj_list(ctx->dev, src->list), src->list->span,
				  "the %s has no boot entries and this platform does not search "
				  "flash for an image: the reload %s", src->name,
				  c4500 ? "stays in ROMMON" : "stops at the switch: prompt");
	const ip_file *v[MAX_LISTED];
	boot_file conf;
	boot_file_find(&conf, ctx, fs ? fs->name : NULL, "packages.conf");
	const char *path = conf.state == BOOT_FILE_PRESENT ? full(ctx, fs, conf.file)
			   : fs && images(ctx, fs, NULL, v) ? full(ctx, fs, v[0])
							    : NULL;
	if (path)
		boot_fix_list(out, f, ctx, &path, 1, false);
}

static void no_entries(const ip_rule_ctx *ctx, ip_findings *out, const boot_source *src)
{
	const ip_filesystem *fs = boot_fs_listed(ctx, NULL);
	ip_family fam = ctx->platform->family;
	if (fam == IP_FAMILY_SWITCH_XE || fam == IP_FAMILY_SWITCH_CAT4500) {
		no_search(ctx, out, src, fs);
		return;
	}
	const ip_file *v[MAX_LISTED];
	size_t n = fs ? images(ctx, fs, NULL, v) : 0;
	if (n < 2)
		return;
	ip_finding *f = ip_report(out, ip_subj_list(ctx->dev, src->list), src->list->span,
				  "the %s has no boot entries while %s holds %s%zu images: "
				  "the file order decides which boots, and nothing falls back",
				  src->name, fs->name, n == MAX_LISTED ? "at least " : "", n);
	const char *paths[2];
	for (size_t i = 0; i < n; i++)
		ip_finding_related(out, f, v[i]->span, "%s", v[i]->name);
	for (size_t i = 0; i < 2; i++)
		paths[i] = full(ctx, fs, v[i]);
	boot_fix_list(out, f, ctx, paths, 2, false);
}

static void fix(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx,
		const ip_boot_list *l, const char *add)
{
	if (ctx->platform->family != IP_FAMILY_SWITCH_CLASSIC) {
		boot_fix_list(out, f, ctx, &add, 1, false); /* appended after the rest */
		return;
	}
	/* one BOOT path-list: restate it with the fallback at the end (a
	 * copy of the list as written, not a decision about its entries) */
	const char **paths = ip_arena_alloc(ctx->arena, (l->n + 1) * sizeof(*paths));
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == IP_BOOT_FILE)
			paths[n++] = boot_entry_text(ctx, &l->v[i]);
	paths[n++] = add;
	boot_fix_list(out, f, ctx, paths, n, false);
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	boot_source src;
	boot_source_next(&src, ctx);
	const ip_boot_list *l = src.list;
	if (!l)
		return;
	if (!l->n) {
		no_entries(ctx, out, &src);
		return;
	}
	const ip_boot_entry *first = &l->v[0];
	if (first->path && ctx->dev->install_mode.v == IP_TRI_YES &&
	    !boot_image_name_ok(first->path))
		return;
	const ip_boot_verdict *verdicts = boot_verdicts(ctx, l, 0);
	for (size_t i = 1; i < l->n; i++)
		if (known_good(ctx, l, verdicts, i))
			return;
	const ip_filesystem *fs = boot_fs_listed(ctx, first->kind == IP_BOOT_FILE
							     ? first->filesystem : NULL);
	const ip_file *v[MAX_LISTED];
	if (!fs || images(ctx, fs, first, v) == 0)
		return; /* nothing to fall back to */
	const char *add = full(ctx, fs, v[0]);
	bool running = ip_fs_file_eq(fs->name, boot_basename(v[0]->name), boot_running_name(ctx));
	const char *also = ip_arena_printf(ctx->arena, "%s%s is on %s but not in the list",
					   v[0]->name, running ? " (the running image)" : "",
					   fs->name);
	ip_finding *f;
	if (l->n == 1)
		f = ip_report(out, ip_subj_entry(ctx->dev, l, first), first->span,
			      "the only %s entry, %s, has no known-good fallback after it: %s",
			      src.name, boot_entry_text(ctx, first), also);
	else
		f = ip_report(out, ip_subj_entry(ctx->dev, l, first), first->span,
			      "no %s entry after the first (%s) points at an existing "
			      "image: %s", src.name, boot_entry_text(ctx, first), also);
	ip_finding_related(out, f, v[0]->span, "%s", v[0]->name);
	fix(out, f, ctx, l, add);
}

const ip_rule rule_boot_fallback = { "boot-fallback", IP_SEV_WARNING, check, IP_REPAIR_BOOT_LIST };
