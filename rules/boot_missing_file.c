/* boot-missing-file: a boot statement or BOOT variable entry names a file
 * the listing of its filesystem does not show (DOMAIN.md §2.3, §9.3).
 *
 *   boot system flash0:c2900-universalk9-mz.SPA.157-3.M8.bin
 *   BR-RTR-2921#show flash0:      (no such file; the totals line is there)
 *
 * IOS skips such an entry at reload and tries the next one; with none left
 * the device loads the first image it finds or stops in ROMMON. Only a
 * listed filesystem can say a file is missing: network entries, and files
 * on a filesystem nobody listed, are not checked. A file inside a
 * sub-directory that a non-recursive `dir` does not open is not missing:
 * an image in the directory of its own name is how `archive download-sw`
 * installs, anything else is reported weakly with the capture that would
 * decide. Each entry is reported once, at the list the next reload reads,
 * with its other occurrences as related spans. On a stack each other
 * member's BOOT variable (its show boot "Switch N" block) is checked
 * against that member's own flash (flash-N:, flashN:); a member whose
 * flash was not listed gets one weak finding naming `dir flash-N:`.
 * Whether an entry's file is there is the boot simulator's verdict of it
 * (boot_facts.h boot_verdicts): this rule reports the verdicts that say the
 * file is missing or not a file at all (a directory, 0 bytes); entries the
 * simulator skips for other reasons (a tar, a package, a filesystem the
 * device does not have) are other rules' to report. */
#include <string.h>

#include "boot_facts.h"
#include "fs_model.h"
#include "stack_facts.h"

/* An image in a directory of its own name (the tar install layout). */
static bool own_directory(const char *path)
{
	const char *slash = strchr(path, '/');
	const char *base = strrchr(path, '/');
	if (!slash || slash != base)
		return false;
	size_t dl = (size_t)(slash - path), bl = strlen(base + 1);
	return bl > 4 && bl - 4 == dl && strcmp(base + 1 + dl, ".bin") == 0 &&
	       memcmp(path, base + 1, dl) == 0;
}

/* The replacement found for a filesystem, kept for the next broken entry
 * on it: a configuration of many missing entries and a listing of many
 * files (hostile input) must not cost entries x files image-name parses. */
typedef struct repl_cache {
	const ip_filesystem *fs;
	const char *with;
} repl_cache;

/* An image on fs that could replace the entry: the running one, else the
 * first image in the listing; with none there, the running image on
 * whichever filesystem it is listed on and the device boots from (an
 * ASR1006 running from harddisk:, an ISR4321 from usbflash0: (issue 20,
 * point 17): an entry on an empty bootflash: is still replaced by it). */
static const char *replacement(const ip_rule_ctx *ctx, const ip_filesystem *fs, repl_cache *rc)
{
	if (rc->fs == fs)
		return rc->with;
	rc->fs = fs;
	rc->with = NULL;
	const char *run = ctx->dev->system_image.path;
	boot_file bf = { 0 };
	if (run) {
		boot_file_find(&bf, ctx, ctx->dev->system_image.filesystem, run);
		if (bf.state == BOOT_FILE_PRESENT && bf.fs == fs && !bf.file->is_dir)
			return rc->with = ip_arena_printf(ctx->arena, "%s%s", fs->name, run);
	}
	for (size_t i = 0; i < fs->n_files; i++)
		if (!fs->files[i].is_dir && boot_image_name_ok(fs->files[i].name))
			return rc->with = ip_arena_printf(ctx->arena, "%s%s", fs->name,
							  fs->files[i].name);
	if (run && bf.state == BOOT_FILE_PRESENT && bf.fs && !bf.file->is_dir &&
	    ip_fs_bootable(ctx->platform, bf.fs->name))
		return rc->with = ip_arena_printf(ctx->arena, "%s%s", bf.fs->name, run);
	return NULL;
}

/* Whether the running-config's boot list already holds `with`. */
static bool config_has(const ip_rule_ctx *ctx, const char *with)
{
	const ip_boot_list *l = &ctx->dev->boot_running;
	for (size_t i = 0; with && l->known && i < l->n; i++)
		if (l->v[i].kind == IP_BOOT_FILE && l->v[i].filesystem && l->v[i].path &&
		    strlen(with) == strlen(l->v[i].filesystem) + strlen(l->v[i].path) &&
		    ip_fs_prefix_eq(ip_arena_strndup(ctx->arena, with, strlen(l->v[i].filesystem)),
				    l->v[i].filesystem) &&
		    ip_fs_file_eq(l->v[i].filesystem, with + strlen(l->v[i].filesystem), l->v[i].path))
			return true;
	return false;
}

/* An entry only in the BOOT variable has no statement to remove: a save
 * writes the BOOT variable again from the running-config's boot
 * statements (FN63641: a save without them removes the boot variable;
 * pyntc PR #74: the BOOT variable changes only once saved; DOMAIN.md
 * §2.5), so the fix is the save, with the replacement written first
 * unless the running-config already names it. Never an empty
 * `configure terminal` / `end` pair. */
static void fix(ip_findings *out, ip_finding *f, const ip_rule_ctx *ctx, const boot_listed *le,
		const ip_filesystem *fs, repl_cache *rc)
{
	const char *with = replacement(ctx, fs, rc);
	bool add = with && !config_has(ctx, with);
	if (le->config || add) {
		ip_finding_fix(out, f, "configure terminal");
		if (le->config)
			ip_finding_fix(out, f, "no boot system %s", le->e->raw);
		if (add)
			ip_finding_fix(out, f, "boot system %s", with);
		ip_finding_fix(out, f, "end");
	}
	ip_finding_fix(out, f, "copy running-config startup-config");
}

static ip_finding *report(const ip_rule_ctx *ctx, ip_findings *out, const boot_listed *le,
			  const ip_boot_verdict *v, repl_cache *rc)
{
	const char *what = boot_entry_text(ctx, le->e);
	const char *fs = v->fs->name;
	ip_finding *f;
	if (v->alone == IP_VERDICT_UNKNOWN) {
		f = ip_report_weak(out, ip_subj_entry(ctx->dev, NULL, le->e), le->e->span,
				   "the %s entry %s is not in the listing of %s, which does "
				   "not show every file: cannot tell whether it exists",
				   le->list, what, fs);
		ip_finding_capture(out, f, v->missing);
		return f;
	}
	if (v->alone == IP_VERDICT_SKIP_MISSING)
		f = ip_report(out, ip_subj_entry(ctx->dev, NULL, le->e), le->e->span,
			      "the %s entry %s points at a file that is not in the listing "
			      "of %s, so IOS skips it at reload", le->list, what, fs);
	else if (v->why == IP_UNBOOT_DIRECTORY)
		f = ip_report(out, ip_subj_entry(ctx->dev, NULL, le->e), le->e->span,
			      "the %s entry %s names a directory, not an image", le->list, what);
	else
		f = ip_report(out, ip_subj_entry(ctx->dev, NULL, le->e), le->e->span,
			      "the %s entry %s points at an empty file (0 bytes on %s)",
			      le->list, what, fs);
	ip_finding_related(out, f, v->file ? v->file->span : v->fs->span,
			   v->file ? "listed here" : "the listing of %s", fs);
	/* the model's case policy decided this one (parsers/model/fs_model.h):
	 * say so, since it is an assumption on classic IOS */
	if (v->case_twin)
		ip_finding_related(out, f, v->case_twin->span,
				   "%s differs only in letter case: assumed not the same file "
				   "(%s: exact)", v->case_twin->name, IP_FS_CASE_SETTING);
	fix(out, f, ctx, le, v->fs, rc);
	return f;
}

/* Whether the verdict says the entry points at something it cannot load:
 * missing, a directory, an empty file; or unknown because a listing that
 * was read does not show every file (not when nothing was listed, and not
 * for an image in the directory of its own name, the tar layout). */
static bool broken(const ip_boot_entry *e, const ip_boot_verdict *v)
{
	switch (v->alone) {
	case IP_VERDICT_SKIP_MISSING: return v->fs != NULL;
	case IP_VERDICT_UNKNOWN: return v->fs && v->fs->listed && !own_directory(e->path);
	case IP_VERDICT_SKIP_NOT_BOOTABLE:
		return v->why == IP_UNBOOT_DIRECTORY || v->why == IP_UNBOOT_EMPTY;
	default: return false;
	}
}

/* --- stack members -------------------------------------------------------- */

static void member_broken(const ip_rule_ctx *ctx, ip_findings *out, const stack_view *v,
			  const ip_boot_entry *e, const ip_file *file)
{
	const char *what = boot_entry_text(ctx, e);
	int n = v->m->number;
	ip_finding *f;
	if (!file)
		f = ip_report(out, ip_subj_entry(ctx->dev, v->bootvar, e),
			      e->span, "switch %d's BOOT variable entry %s points at a file "
			      "that is not in the listing of %s, so switch %d skips it at reload",
			      n, what, v->fs->name, n);
	else if (file->is_dir)
		f = ip_report(out, ip_subj_entry(ctx->dev, v->bootvar, e),
			      e->span, "switch %d's BOOT variable entry %s names a directory "
			      "on %s, not an image", n, what, v->fs->name);
	else
		f = ip_report(out, ip_subj_entry(ctx->dev, v->bootvar, e),
			      e->span, "switch %d's BOOT variable entry %s points at an empty "
			      "file (0 bytes on %s)", n, what, v->fs->name);
	ip_finding_related(out, f, file ? file->span : v->fs->span,
			   file ? "listed here" : "the listing of %s", v->fs->name);
	ip_finding_fix(out, f, "copy flash:%s %s%s", e->path, v->fs_name, e->path);
	ip_finding_fix(out, f, "verify /md5 %s%s", v->fs_name, e->path);
}

/* A member's BOOT variable, judged by the simulator against the member's
 * own flash (boot_verdicts with its number). Which entries load from that
 * flash (stack_entry_local) is a question of names, not of booting. */
static void check_member(const ip_rule_ctx *ctx, ip_findings *out, const stack_view *v)
{
	const ip_boot_verdict *vd = boot_verdicts(ctx, v->bootvar, v->m->number);
	for (size_t i = 0; i < v->bootvar->n; i++) {
		const ip_boot_entry *e = &v->bootvar->v[i];
		if (!stack_entry_local(e, v) || !e->path)
			continue;
		const ip_boot_verdict *d = &vd[i];
		if (d->alone == IP_VERDICT_UNKNOWN && (!d->fs || !own_directory(e->path))) {
			ip_finding *f = ip_report_weak(
				out, ip_subj_entry(ctx->dev, v->bootvar, e),
				e->span, "cannot check switch %d's BOOT variable entry %s: %s "
				"of %s was captured", v->m->number, boot_entry_text(ctx, e),
				d->fs ? "no complete listing" : "no listing", v->fs_name);
			ip_finding_capture(out, f, v->dir_cmd);
			return; /* one per member: the capture decides them all */
		}
		if (d->alone == IP_VERDICT_SKIP_MISSING)
			member_broken(ctx, out, v, e, NULL);
		else if (d->alone == IP_VERDICT_SKIP_NOT_BOOTABLE &&
			 (d->why == IP_UNBOOT_DIRECTORY || d->why == IP_UNBOOT_EMPTY))
			member_broken(ctx, out, v, e, d->file);
	}
}

static void check_members(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_device *d = ctx->dev;
	if (!stack_is(ctx))
		return;
	for (size_t i = 0; i < d->n_members; i++) {
		stack_view v;
		if (d->members[i].active)
			continue; /* its list is the device's, checked above */
		stack_view_of(&v, ctx, &d->members[i]);
		if (v.bootvar && v.bootvar != &d->bootvar)
			check_member(ctx, out, &v);
	}
}

/* The verdicts of the list le is in: each list judged once. */
static const ip_boot_verdict *verdict_of(const ip_rule_ctx *ctx, const boot_listed *le,
					 const ip_boot_list **lists,
					 const ip_boot_verdict **verdicts, size_t *n)
{
	size_t k = 0;
	while (k < *n && lists[k] != le->src)
		k++;
	if (k == *n) {
		lists[k] = le->src;
		verdicts[k] = boot_verdicts(ctx, le->src, 0);
		(*n)++;
	}
	return &verdicts[k][le->index];
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	boot_listed *all;
	size_t n = boot_entries_all(ctx, &all);
	repl_cache rc = { 0 };
	const ip_boot_list *lists[BOOT_LISTS_MAX];
	const ip_boot_verdict *verdicts[BOOT_LISTS_MAX];
	size_t n_lists = 0;
	for (size_t i = 0; i < n; i++) {
		if (all[i].dup || all[i].e->kind != IP_BOOT_FILE)
			continue;
		const ip_boot_verdict *v = verdict_of(ctx, &all[i], lists, verdicts, &n_lists);
		if (!broken(all[i].e, v))
			continue;
		ip_finding *f = report(ctx, out, &all[i], v, &rc);
		boot_related_copies(out, f, ctx, all, n, i);
	}
	check_members(ctx, out);
}

const ip_rule rule_boot_missing_file = {
	"boot-missing-file", IP_SEV_ERROR, check, IP_REPAIR_BOOT_LIST,
};
