/* flash-space: the target image must fit in the free space of the
 * filesystem it is copied to, with a margin (seed "Check 2 — Verify Flash
 * Space"; DOMAIN.md §4, §9.6). The finding points at the listing's
 * free-bytes number:
 *
 *   Directory of flash:/
 *       3  -rwx     9848960  Jul 14 2013 10:22:07 +00:00  c2960-lanbasek9-mz.122-50.SE5.bin
 *   32514048 bytes total (8150016 bytes free)
 *
 * Decisions:
 * - The size is the target's (--size, a catalogue). When it is unknown and
 *   a file of the target's name is already on the filesystem there is
 *   nothing to copy: silent (whether that copy is whole is for
 *   image-integrity). Otherwise a copy of the same name on another
 *   filesystem (a stack member), or an image of the same platform, feature
 *   set and version, stands in for the size and the findings are weak and
 *   say so. With none of these the rule says it cannot check: no other
 *   estimate, since a wrong one would hide a real shortage.
 * - Need = size + max(margin bytes, margin % of size). In install mode
 *   `install add` expands the .bin into .pkg files next to it: add
 *   install_expand_percent of the size (DOMAIN.md §9.6 calls the ratio
 *   UNCONFIRMED, so when only that part does not fit the finding is weak).
 * - The filesystem is the target's, else the platform default, else the
 *   running image's, aliases resolved; on a stack every member's flash
 *   (flash-N:, flashN: on classic stacks) must hold the image too, each
 *   finding naming the member; a member whose flash was not listed gets a
 *   weak finding naming `dir flash-N:`.
 * - A free space a backup rounded (ip_filesystem.free_is_bound) is a range:
 *   if its lower end fits the rule is silent, if its upper end does not
 *   the finding stands, in between it is weak.
 * - What could be deleted, in this order: images neither running nor in any
 *   boot list, then boot-list images (deleting them loses the fallback),
 *   and the running image only with its cost spelled out. Each with the
 *   bytes it frees and whether that would be enough. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "space.h"
#include "fs_model.h"
#include "image_name.h"
#include "install_cmds.h"
#include "rule.h"
#include "stack_facts.h"
#include "target_fs.h"

typedef unsigned long long ull;

typedef struct need {
	uint64_t size, margin, expand, total;
	const char *estimate; /* "flash:x.bin" the size was taken from, or NULL */
	int member;           /* the stack member whose flash is checked, or 0 */
} need;

/* the model's deletion candidates (space.h) */
#define C_FREE IP_DEL_FREE
#define C_FALLBACK IP_DEL_FALLBACK
#define C_RUNNING IP_DEL_RUNNING
typedef ip_del_cand cand;

#define sat_add ip_space_add

static bool same_name(const char *a, const char *b)
{
	return ip_fs_file_eq(NULL, a, b);
}

/* --- the size ------------------------------------------------------------ */

/* A file of the same name elsewhere, or of the same platform, feature set
 * and version: its size stands in for an unknown target size. */
static bool file_stands_in(const ip_target *t, const ip_file *f)
{
	ip_image_name img;
	if (f->is_dir || !f->size.known)
		return false;
	if (same_name(f->name, t->name))
		return true;
	if (!t->parsed || t->image.version.scheme == IP_VER_INVALID)
		return false;
	if (!ip_image_name_parse(&img, f->name, strlen(f->name)))
		return false;
	return img.kind == t->image.kind &&
	       strcasecmp(img.platform, t->image.platform) == 0 &&
	       strcasecmp(img.feature, t->image.feature) == 0 &&
	       ip_version_cmp(&img.version, &t->image.version) == 0;
}

static bool size_estimate(const ip_rule_ctx *ctx, need *n)
{
	const ip_device *dev = ctx->dev;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < dev->n_filesystems; i++) {
			const ip_filesystem *fs = &dev->filesystems[i];
			for (size_t j = 0; j < fs->n_files; j++) {
				const ip_file *f = &fs->files[j];
				if (pass == 0 ? !(!f->is_dir && f->size.known &&
						  same_name(f->name, ctx->target->name))
					      : !file_stands_in(ctx->target, f))
					continue;
				n->size = f->size.v;
				n->estimate = ip_arena_printf(ctx->arena, "%s%s",
							      fs->name, f->name);
				return true;
			}
		}
	return false;
}

static void need_compute(const ip_rule_ctx *ctx, need *n)
{
	const ip_rule_options *o = ctx->opts;
	ip_space_opts so = { o->flash_margin_bytes, o->flash_margin_percent,
			     o->install_expand_percent };
	ip_space_need sn;
	ip_space_need_of(&sn, &so, n->size, true,
			 ctx->dev->install_mode.v == IP_TRI_YES &&
				 ctx->target->image.kind == IP_IMAGE_BUNDLE);
	n->margin = sn.margin;
	n->expand = sn.expand;
	n->total = sn.total;
}

/* --- what could be deleted ---------------------------------------------- */

/* --- the message --------------------------------------------------------- */

/* The message grows in the arena to its real length: it names files, and a
 * cut name would send the reader looking for a file that does not exist. */
typedef struct msg {
	ip_arena *a;
	char *s;
	size_t n, cap;
} msg;

static void app(msg *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void app(msg *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *piece = ip_arena_vprintf(m->a, fmt, ap);
	va_end(ap);
	size_t w = strlen(piece);
	m->s = ip_arena_grow(m->a, m->s, &m->cap, m->n + w + 1, 1);
	memcpy(m->s + m->n, piece, w + 1);
	m->n += w;
}

static const char *const class_intro[] = {
	[C_FREE] = "free to delete (neither running nor in the boot list): ",
	[C_FALLBACK] = "in the boot list, the fallback: ",
	[C_RUNNING] = "the running image: ",
};

static const char *const class_cost[] = {
	[C_FREE] = "",
	[C_FALLBACK] = "loses the fallback",
	[C_RUNNING] = "leaves nothing to boot if the copy fails",
};

/* One class of candidates c[0..k): names, bytes, and whether deleting them
 * (after the classes before) would be enough. */
static void describe_class(msg *m, const cand *c, size_t k, bool after, bool enough)
{
	uint64_t sum = 0;
	app(m, "; %s", class_intro[c[0].cls]);
	for (size_t i = 0; i < k; i++) {
		sum = sat_add(sum, c[i].file->size.v);
		if (i < 4)
			app(m, "%s%s (%llu bytes)", i ? ", " : "", c[i].file->name,
			    (ull)c[i].file->size.v);
	}
	if (k > 4)
		app(m, " and %zu more", k - 4);
	app(m, ": deleting %s%s frees %llu bytes, %s", k > 1 ? "them" : "it",
	    after ? " as well" : "", (ull)sum, enough ? "enough" : "not enough");
	if (c[0].cls != C_FREE)
		app(m, ", %s %s", enough ? "but" : "and", class_cost[c[0].cls]);
}

static void related_and_fix(ip_findings *out, ip_finding *f, const ip_filesystem *fs,
			    const cand *c, bool fix)
{
	static const char *const why[] = {
		[C_FREE] = "neither running nor in the boot list: deleting it frees %llu bytes",
		[C_FALLBACK] = "in the boot list: deleting it frees %llu bytes and loses the fallback",
		[C_RUNNING] = ("the running image (%llu bytes): deleting it leaves nothing "
			       "to boot if the copy fails"),
	};
	ip_finding_related(out, f, c->file->span, why[c->cls], (ull)c->file->size.v);
	if (fix && c->cls != C_RUNNING)
		ip_finding_fix(out, f, "delete /force %s%s", fs->name, c->file->name);
}

/* --- the checks ---------------------------------------------------------- */

/* The message: what is needed, what is free, and what deleting each class
 * of candidates would give. Returns how many candidates it named; *have is
 * the free space once they are deleted. */
static size_t describe(msg *m, const ip_rule_ctx *ctx, const ip_filesystem *fs,
		       uint64_t free_b, const need *n, const cand *c, size_t k, uint64_t *have)
{
	app(m, "%s needs %llu bytes on %s", ctx->target->name, (ull)n->total, fs->name);
	if (n->member)
		app(m, " (switch %d)", n->member);
	app(m, " (%llu for the image", (ull)n->size);
	if (n->expand)
		app(m, ", %llu for the packages install add expands", (ull)n->expand);
	app(m, ", %llu margin) but %s has %llu bytes free, %llu short", (ull)n->margin,
	    fs->name, (ull)free_b, (ull)(n->total - free_b));
	size_t i = 0;
	*have = free_b;
	while (i < k && *have < n->total) {
		size_t j = i;
		while (j < k && c[j].cls == c[i].cls)
			*have = sat_add(*have, c[j++].file->size.v);
		describe_class(m, c + i, j - i, i > 0, *have >= n->total);
		i = j;
	}
	if (k == 0)
		app(m, "; no other image on %s to delete", fs->name);
	/* install mode: the packages of other releases the clean-up removes
	 * as well, counted as the planner counts them (space.h; issue 21) */
	ip_inactive in = { 0 };
	if (n->expand)
		ip_space_inactive(&in, fs, ctx->dev->xe_version.s, ctx->target->name);
	if (in.n_pkg)
		app(m, "; %s also removes %zu packages of another release (%s among them, %llu "
		    "bytes)", ip_install_clean(ctx, ip_target_fs(ctx)), in.n_pkg, in.pkg_release,
		    (ull)in.pkg_bytes);
	return i;
}

static void report_short(const ip_rule_ctx *ctx, ip_findings *out, const ip_filesystem *fs,
			 uint64_t free_b, const need *n)
{
	cand *c = ip_arena_alloc(ctx->arena, (fs->n_files + 1) * sizeof(*c));
	size_t k = ip_space_candidates(ctx->dev, fs, ctx->target->name, c);
	msg m = { .a = ctx->arena };
	uint64_t have;
	size_t shown = describe(&m, ctx, fs, free_b, n, c, k, &have);
	if (n->estimate)
		app(&m, " (size taken from %s: give --size)", n->estimate);
	bool only_expand = n->expand && free_b >= sat_add(n->size, n->margin);
	if (only_expand)
		app(&m, " (assuming the packages take %u%% of the image: unconfirmed)",
		    ctx->opts->install_expand_percent);
	/* a rounded free space (RANCID): the upper end of the range still fits */
	bool maybe = fs->free_is_bound && sat_add(free_b, fs->free_max - fs->free.v) >= n->total;
	if (fs->free_is_bound)
		app(&m, " (the backup rounds the free space down: between %llu and %llu bytes "
		    "are free%s)", (ull)fs->free.v, (ull)fs->free_max,
		    maybe ? ", so it may fit: capture the listing to be sure" : "");
	ip_finding *f = (n->estimate || only_expand || maybe ? ip_report_weak : ip_report)(
		out, ip_subj_fs(fs->name, n->member), fs->free.span, "%s", m.s);
	if (n->expand)
		ip_finding_fix(out, f, "%s", ip_install_clean(ctx, ip_target_fs(ctx)));
	/* delete commands only when deleting what may be deleted is enough */
	bool can = have >= n->total && (shown == 0 || c[shown - 1].cls != C_RUNNING);
	uint64_t fixed;
	size_t picked = can ? ip_space_pick(c, shown, free_b, n->total, IP_DEL_FALLBACK, &fixed) : 0;
	for (size_t i = 0; i < shown; i++)
		related_and_fix(out, f, fs, &c[i], i < picked);
}

/* The listing says nothing usable about free space: none was captured, or
 * one filtered (`| include`) or cut short before its totals line. */
static void report_unknown_free(const ip_rule_ctx *ctx, ip_findings *out, const char *name,
				const ip_filesystem *fs, int member)
{
	ip_span at = { 0 };
	ip_finding *f;
	if (fs)
		at = ip_span_known(fs->span) || !fs->n_files ? fs->span : fs->files[0].span;
	for (size_t i = 0; !ip_span_known(at) && member && i < ctx->dev->n_members; i++)
		if (ctx->dev->members[i].number == member)
			at = ctx->dev->members[i].span; /* the member's row */
	const char *who = member ? ip_arena_printf(ctx->arena, " (switch %d)", member) : "";
	ip_subject about = ip_subj_fs(fs ? fs->name : name, member);
	if (!fs || (!fs->listed && !fs->n_files))
		f = ip_report_weak(out, about, at, "cannot check whether %s%s has room for %s: no "
				   "listing of it was captured", name, who, ctx->target->name);
	else
		f = ip_report_weak(out, about, at, "cannot check whether %s%s has room for %s: its "
				   "listing is filtered or cut short, the free bytes are unknown",
				   fs->name, who, ctx->target->name);
	ip_finding_capture(out, f, ip_arena_printf(ctx->arena, "%s %s", member ? "dir" : "show",
						   name));
}

/* No listing of any filesystem the image must go to was captured: one note
 * for the device, naming the captures, instead of one warning per stack
 * member (a 45-device audit without listings gave 24 of them: issue 23,
 * point 9). When some were listed, each unlisted member still gets its own
 * finding (report_unknown_free): that gap is specific. */
static bool none_listed(const ip_rule_ctx *ctx, const char *const *names, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		const ip_filesystem *fs = ip_fs_listing(ctx, names[i]);
		if (fs && (fs->listed || fs->n_files))
			return false;
	}
	return true;
}

static void report_no_listing(const ip_rule_ctx *ctx, ip_findings *out,
			      const char *const *names, const int *member, size_t k)
{
	const char *what = names[0], *cmds = ip_arena_printf(ctx->arena, "show %s", names[0]);
	for (size_t i = 1; i < k; i++) {
		what = ip_arena_printf(ctx->arena, "%s%s%s (switch %d)", what,
				       i + 1 == k ? " and " : ", ", names[i], member[i]);
		cmds = ip_arena_printf(ctx->arena, "%s, dir %s", cmds, names[i]);
	}
	ip_finding *f = ip_report_unknown(out, ip_subj_fs(names[0], 0), (ip_span){ 0 },
					  "cannot check whether %s %s room for %s: no listing "
					  "was captured (capture %s)", what, k > 1 ? "have" : "has",
					  ctx->target->name, cmds);
	ip_finding_capture(out, f, cmds);
}

/* Whether f on fs is the image the device runs. */
static bool runs_file(const ip_rule_ctx *ctx, const ip_filesystem *fs, const ip_file *f)
{
	const ip_path *run = &ctx->dev->system_image;
	return run->path && ip_fs_file_eq(fs->name, run->path, f->name) &&
	       (!run->filesystem || ip_fs_same(ctx, run->filesystem, fs->name));
}

static void check_fs(const ip_rule_ctx *ctx, ip_findings *out, const char *name, const need *n)
{
	const ip_target *t = ctx->target;
	const ip_filesystem *fs = ip_fs_listing(ctx, name);
	const ip_file *have = fs ? ip_fs_file(fs, t->name) : NULL;
	if (have && !t->size.known)
		return; /* already there; its integrity is another rule's */
	if (!fs || !fs->listed || !fs->free.known) {
		report_unknown_free(ctx, out, name, fs, n->member);
		return;
	}
	uint64_t free_b = fs->free.v;
	if (have && have->size.known && have->size.v == n->size)
		return;
	if (have) {
		ip_finding *f = ip_report(out, ip_subj_file(fs->name, have->name),
					  have->size.known ? have->size.span : have->span,
					  "%s already holds %s with %llu bytes, not the %llu of the "
					  "target: a partial or different copy",
					  fs->name, have->name, (ull)have->size.v, (ull)n->size);
		/* never a fix that deletes the image the device runs (issue 20) */
		if (!runs_file(ctx, fs, have))
			ip_finding_fix(out, f, "delete /force %s%s", fs->name, have->name);
		free_b = sat_add(free_b, have->size.v);
	}
	if (free_b < n->total)
		report_short(ctx, out, fs, free_b, n);
}

/* The filesystems the image must go to: the target's, and on a stack each
 * other member's flash (flash-N:, or flashN: where the capture says so),
 * with the member's number. */
static size_t fs_targets(const ip_rule_ctx *ctx, const char *first, const char **v,
			 int *member, size_t max)
{
	size_t k = 0;
	member[k] = 0;
	v[k++] = first;
	if (ctx->dev->n_members < 2 || !ip_fs_same(ctx, first, "flash:"))
		return k;
	for (size_t i = 0; i < ctx->dev->n_members && k < max; i++) {
		const ip_member *m = &ctx->dev->members[i];
		if (m->active)
			continue;
		stack_view sv;
		stack_view_of(&sv, ctx, m);
		member[k] = m->number;
		v[k++] = sv.fs ? sv.fs->name : sv.fs_name;
	}
	return k;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	if (!t)
		return;
	const char *fs = ip_target_fs(ctx);
	ip_span none = { 0 };
	if (!fs) {
		ip_finding *f = ip_report_weak(out, ip_subj_fs(NULL, 0), t->span,
					       "cannot check the room for %s: "
					       "which filesystem it goes to is unknown", t->name);
		ip_finding_capture(out, f, "show file systems");
		return;
	}
	need n = { .size = t->size.v };
	if (!t->size.known && !size_estimate(ctx, &n)) {
		const ip_filesystem *l = ip_fs_listing(ctx, fs);
		if (ip_fs_file(l, t->name))
			return; /* already there, size not listed */
		bool free_known = l && l->listed && l->free.known;
		ip_report_weak(out, ip_subj_fs(fs, 0), free_known ? l->free.span : none,
			       "cannot check whether %s has room for %s: the image size "
			       "is unknown (give --size or a catalogue)", fs, t->name);
		return;
	}
	need_compute(ctx, &n);
	const char *names[16];
	int member[16];
	size_t k = fs_targets(ctx, fs, names, member, 16);
	if (none_listed(ctx, names, k)) {
		report_no_listing(ctx, out, names, member, k);
		return;
	}
	for (size_t i = 0; i < k; i++) {
		n.member = member[i];
		check_fs(ctx, out, names[i], &n);
	}
}

const ip_rule rule_flash_space = { "flash-space", IP_SEV_ERROR, check, IP_REPAIR_ROOM };
