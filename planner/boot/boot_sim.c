/* The boot simulator: the order of boot_sim.h, applied to a device state.
 *
 * Platform decisions (DOMAIN.md §1.2, §2.3, §2.5; seed section 1):
 * - Switches stop at the switch: prompt when Manual Boot is yes, whatever
 *   the register says; on a Cat9k the register has no effect at all, so
 *   Manual Boot is the only switch and must be known.
 * - Classic switches print a register fixed at 0xF: when no register line
 *   was read the boot goes on (the fixed value cannot stop it).
 * - Boot field 0 on IOSv is how it runs: it boots its disk image, not
 *   ROMMON. The prediction is the image it runs now.
 * - `boot system rom`: classic routers load their ROM or boot-helper image
 *   where they have one (PLATFORM_ROM); IOS-XE and switches have none and
 *   stop in ROMMON.
 * - When no entry can boot: routers boot the first image in flash, classic
 *   switches the first one a depth-first search of flash finds (directories
 *   included, as tar installs put the image in one). That a classic switch
 *   also searches after a BOOT list that failed is UNCONFIRMED (DOMAIN.md
 *   §2.3): it is assumed, and the trace says so. Cat3k/Cat9k stop at
 *   switch: (FN63641: "The BOOT environment variable needs to be set");
 *   Cat4500 with no boot statement stays in ROMMON, and with only failing
 *   ones retries its list for ever: it does not come up either way.
 * - "First image": IOS documents a first image in flash but not the order it
 *   reads flash in; the seed says alphabetical. Where the alphabetically
 *   first and the listing-first image differ the outcome is AMBIGUOUS and
 *   names both; where they agree it is the image.
 * - A file is absent only when a complete listing of its directory says so:
 *   a listing cut short, or a directory whose contents were not listed,
 *   leaves the prediction UNKNOWN with the capture that would settle it.
 * - A file a boot entry names is assumed to load when it is present and is
 *   not clearly something else (a directory, an empty file, a tar archive,
 *   a sub-package, a text file): its integrity is other rules' business. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "boot_sim.h"
#include "fact_hint.h"
#include "fs_model.h"
#include "image_name.h"
#include "install_flow.h"
#include "stack.h"

typedef struct sim {
	ip_boot_prediction *out;
	ip_arena *a;
	const ip_device *dev;
	ip_platform plat;
	bool skipped;      /* an entry before the current one was skipped */
	ip_next_step step; /* BOOT_STATEMENT or BOOT_VARIABLE */
	/* Judging an entry the walk does not reach: no trace, and out points
	 * at a scratch prediction, so only the verdict is kept. */
	bool quiet;
	ip_boot_verdict *v; /* the verdict of the entry being judged, or NULL */
	/* Judging a stack member's own BOOT variable: its flash (NULL: not
	 * listed; then mfs_name names what to capture) and its number. */
	int member;
	const ip_filesystem *mfs;
	const char *mfs_name;
} sim;

typedef enum res { R_SKIP, R_DONE } res;

static const ip_span no_span;

static void trace(sim *s, ip_span span, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void trace(sim *s, ip_span span, const char *fmt, ...)
{
	if (s->quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *text = ip_arena_vprintf(s->a, fmt, ap);
	va_end(ap);
	ip_boot_prediction *o = s->out;
	ip_trace_line *t = IP_PUSH(s->a, o->trace, o->n_trace, o->cap_trace);
	t->text = text;
	t->span = span;
}

static void decide(sim *s, ip_next_outcome o, ip_next_step step, ip_span span)
{
	s->out->outcome = o;
	s->out->step = step;
	s->out->span = span;
}

/* Stop: the fact the next step needs is not known; `missing` names the
 * capture that supplies it. The caller has traced why. */
static res stop_unknown(sim *s, const char *missing, ip_span span)
{
	decide(s, IP_NEXT_UNKNOWN, IP_STEP_NONE, span);
	s->out->missing = missing;
	return R_DONE;
}

static bool is_switch(ip_family f)
{
	return f == IP_FAMILY_SWITCH_CLASSIC || f == IP_FAMILY_SWITCH_XE;
}

/* --- filesystems and files ------------------------------------------------ */

static bool fs_names(const sim *s, const ip_filesystem *fs, const char *name)
{
	if (ip_fs_prefix_eq(fs->name, name) || ip_fs_word_in(fs->aliases, name))
		return true;
	/* a platform alias: name and fs->name are one filesystem there */
	return ip_fs_word_in(s->plat.fs_aliases, name) &&
	       ip_fs_word_in(s->plat.fs_aliases, fs->name);
}

static bool captured(const ip_device *dev, ip_cmd cmd)
{
	for (size_t i = 0; i < dev->n_sources; i++)
		if (dev->sources[i].cmd == cmd)
			return true;
	return false;
}

/* The filesystem `name` names, preferring one that was listed. *absent is
 * set when show file systems was read and names no such filesystem. */
static const ip_filesystem *fs_resolve(const sim *s, const char *name,
				       bool *absent)
{
	const ip_filesystem *any = NULL;
	*absent = false;
	for (size_t i = 0; i < s->dev->n_filesystems; i++) {
		const ip_filesystem *fs = &s->dev->filesystems[i];
		if (!fs_names(s, fs, name))
			continue;
		if (fs->listed)
			return fs;
		any = any ? any : fs;
	}
	*absent = !any && captured(s->dev, IP_CMD_FILE_SYSTEMS);
	return any;
}

/* Files are found by the model's one lookup (fs_model.h), under its
 * letter-case policy, as every rule and the planner find them. */
static const ip_file *find_n(const ip_filesystem *fs, const char *name, size_t n)
{
	return ip_fs_lookup(fs, name, n);
}

typedef enum look { L_FOUND, L_ABSENT, L_UNKNOWN } look;

/* Find path on fs. L_UNKNOWN sets *missing (and traces why). */
static look file_look(sim *s, const ip_filesystem *fs, const char *path,
		      ip_span span, const ip_file **f, const char **missing)
{
	while (*path == '/')
		path++;
	*f = find_n(fs, path, strlen(path));
	if (*f)
		return L_FOUND;
	if (!fs->listed || !fs->complete) {
		*missing = ip_arena_printf(s->a, "show %s", fs->name);
		trace(s, span, "%s was %s: whether it holds %s is unknown",
		      fs->name, fs->listed ? "listed only in part (cut short?)"
					   : "not listed", path);
		return L_UNKNOWN;
	}
	if (fs->recursive)
		return L_ABSENT;
	for (const char *sl = strchr(path, '/'); sl; sl = strchr(sl + 1, '/')) {
		size_t n = (size_t)(sl - path);
		if (!find_n(fs, path, n))
			return L_ABSENT; /* the directory is not there */
		if (!ip_fs_dir_listed(fs, path, n)) {
			*missing = ip_arena_printf(s->a, "dir /recursive %s", fs->name);
			trace(s, span, "the listing of %s does not show what directory "
			      "%.*s holds", fs->name, (int)n, path);
			return L_UNKNOWN;
		}
	}
	return L_ABSENT;
}

static bool text_name(const char *name)
{
	static const char *const ext[] = { ".text", ".txt", ".cfg", ".dat",
					   ".log", ".xml", ".tcl", ".lic" };
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof(ext) / sizeof(ext[0]); i++)
		if (strcasecmp(dot, ext[i]) == 0)
			return true;
	return false;
}

/* Why the file an entry names cannot boot, or IP_UNBOOT_NONE; *text says
 * it for the trace. */
static ip_unbootable unbootable(const sim *s, const char *fsname, const ip_file *f,
				const char **text)
{
	ip_image_name n;
	bool ok = ip_image_name_parse(&n, f->name, strlen(f->name));
	if (f->is_dir)
		return *text = "is a directory", IP_UNBOOT_DIRECTORY;
	if (f->size.known && f->size.v == 0)
		return *text = "is empty (0 bytes)", IP_UNBOOT_EMPTY;
	if (ok && n.kind == IP_IMAGE_TAR)
		return *text = "is a tar archive (archive download-sw unpacks it; it does "
			       "not boot)", IP_UNBOOT_TAR;
	if (ok && n.kind == IP_IMAGE_PACKAGE)
		return *text = "is a sub-package, not a bootable image", IP_UNBOOT_PACKAGE;
	if (ok && n.kind == IP_IMAGE_PROVISIONING) {
		if (s->plat.family != IP_FAMILY_UNKNOWN && !s->plat.has_install_mode)
			return *text = "is an install-mode file, and this platform has no "
				       "install mode", IP_UNBOOT_INSTALL_FILE;
		if (ip_fs_kind_of(fsname) == IP_FSK_USB)
			return *text = "is an install-mode file outside flash: install mode "
				       "boots only from flash", IP_UNBOOT_INSTALL_FILE;
	}
	if (!ok && text_name(f->name))
		return *text = "is not an image", IP_UNBOOT_NOT_IMAGE;
	return IP_UNBOOT_NONE;
}

/* --- the first image ------------------------------------------------------ */

/* Component-wise byte order: "d/x" sorts as the directory d, before "d-1". */
static int path_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned ca = *a == '/' ? 1u : (unsigned char)*a;
		unsigned cb = *b == '/' ? 1u : (unsigned char)*b;
		if (ca != cb || ca == 0)
			return (ca > cb) - (ca < cb);
	}
}

enum { MAX_DEPTH = 16 };

/* Depth-first listing order: the position of each ancestor directory, then
 * of the file (a directory not listed itself takes its file's position). */
static size_t listing_key(const ip_filesystem *fs, const ip_file *f, size_t *key)
{
	size_t n = 0, self = (size_t)(f - fs->files);
	for (const char *sl = strchr(f->name, '/'); sl && n + 1 < MAX_DEPTH;
	     sl = strchr(sl + 1, '/')) {
		const ip_file *d = find_n(fs, f->name, (size_t)(sl - f->name));
		key[n++] = d ? (size_t)(d - fs->files) : self;
	}
	key[n++] = self;
	return n;
}

static bool listed_before(const ip_filesystem *fs, const ip_file *a, const ip_file *b)
{
	size_t ka[MAX_DEPTH], kb[MAX_DEPTH];
	size_t na = listing_key(fs, a, ka), nb = listing_key(fs, b, kb);
	for (size_t i = 0; i < na && i < nb; i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i];
	return na < nb;
}

/* A bootable name that also names its platform: "nvram_backup.bin" ends
 * in .bin but is no image. */
static bool is_image(const char *name)
{
	ip_image_name n;
	return ip_image_name_bootable(name) &&
	       ip_image_name_parse(&n, name, strlen(name)) && n.platform[0];
}

typedef struct firsts {
	const ip_file *listing, *alpha;
	size_t n; /* bootable images seen */
} firsts;

static firsts first_images(const sim *s, const ip_filesystem *fs)
{
	bool deep = s->plat.family == IP_FAMILY_SWITCH_CLASSIC;
	firsts r = { NULL, NULL, 0 };
	for (size_t i = 0; i < fs->n_files; i++) {
		const ip_file *f = &fs->files[i];
		if (f->is_dir || (!deep && strchr(f->name, '/')) ||
		    (f->size.known && f->size.v == 0) || !is_image(f->name))
			continue;
		r.n++;
		if (!r.listing || listed_before(fs, f, r.listing))
			r.listing = f;
		if (!r.alpha || path_cmp(f->name, r.alpha->name) < 0)
			r.alpha = f;
	}
	return r;
}

/* A classic switch searches directories too: one whose contents were not
 * listed, met before the image found, may hold an earlier one. */
static const ip_file *unlisted_dir_before(const ip_filesystem *fs, firsts r)
{
	for (size_t i = 0; i < fs->n_files && !fs->recursive; i++) {
		const ip_file *d = &fs->files[i];
		if (!d->is_dir || strchr(d->name, '/') ||
		    ip_fs_dir_listed(fs, d->name, strlen(d->name)))
			continue;
		if (!r.listing || d < r.listing || !r.alpha ||
		    path_cmp(d->name, r.alpha->name) < 0)
			return d;
	}
	return NULL;
}

static void take_first(sim *s, const char *fsname, firsts r)
{
	ip_boot_prediction *o = s->out;
	o->filesystem = fsname;
	o->path = r.alpha->name;
	o->file = r.alpha;
	o->n_images = r.n;
	if (r.alpha == r.listing) {
		trace(s, r.alpha->span, "first bootable image on %s, both in listing "
		      "order and alphabetically: %s", fsname, r.alpha->name);
		decide(s, IP_NEXT_IMAGE, IP_STEP_FIRST_IMAGE, r.alpha->span);
	} else {
		o->alt_path = r.listing->name;
		trace(s, r.alpha->span, "alphabetically first bootable image on %s: "
		      "%s", fsname, r.alpha->name);
		trace(s, r.listing->span, "first bootable image in the listing: %s; "
		      "which of the two boots depends on the order the platform "
		      "reads flash in", r.listing->name);
		decide(s, IP_NEXT_AMBIGUOUS, IP_STEP_FIRST_IMAGE, r.alpha->span);
	}
}

/* The first image on fsname: R_DONE when decided (image, ambiguous or
 * unknown), R_SKIP when fsname holds nothing bootable. */
static res first_image(sim *s, const char *fsname, ip_span span)
{
	bool absent;
	const ip_filesystem *fs = fs_resolve(s, fsname, &absent);
	if (!fs) {
		trace(s, span, absent ? "this device has no %s (show file systems)"
				      : "%s was not listed: its first image is unknown",
		      fsname);
		return absent ? R_SKIP
			      : stop_unknown(s, ip_arena_printf(s->a, "show %s", fsname), span);
	}
	if (!fs->listed || !fs->complete) {
		trace(s, fs->span, "%s was %s: its first image is unknown", fs->name,
		      fs->listed ? "listed only in part (cut short?)" : "not listed");
		return stop_unknown(s, ip_arena_printf(s->a, "show %s", fs->name), span);
	}
	firsts r = first_images(s, fs);
	const ip_file *d = s->plat.family == IP_FAMILY_SWITCH_CLASSIC
				   ? unlisted_dir_before(fs, r) : NULL;
	if (d) {
		trace(s, d->span, "the switch searches flash depth-first, and the "
		      "contents of directory %s were not listed", d->name);
		return stop_unknown(s, ip_arena_printf(s->a, "dir /recursive %s",
						       fs->name), d->span);
	}
	if (!r.listing) {
		trace(s, fs->span, "%s holds no bootable image", fs->name);
		return R_SKIP;
	}
	take_first(s, fsname, r);
	return R_DONE;
}

/* --- boot entries --------------------------------------------------------- */

static const char *label(const sim *s)
{
	return s->step == IP_STEP_BOOT_VARIABLE ? "BOOT entry" : "boot system";
}

/* Record the judged entry's own verdict (the walk sets `kind`). */
static void judge(sim *s, ip_boot_verdict_kind k, const ip_filesystem *fs,
		  const ip_file *f)
{
	if (!s->v)
		return;
	s->v->alone = k;
	s->v->fs = fs;
	s->v->file = f;
}

static void judge_unknown(sim *s, const char *missing, const ip_filesystem *fs)
{
	judge(s, IP_VERDICT_UNKNOWN, fs, NULL);
	if (s->v)
		s->v->missing = missing;
}

static void take_entry(sim *s, const ip_boot_entry *e, size_t idx)
{
	s->out->entry = e;
	s->out->entry_index = idx;
	s->out->skipped_entries = s->skipped;
	s->out->from_fallback = idx > 0;
}

static void note_fit(sim *s, const ip_file *f)
{
	ip_image_name n;
	if (!ip_image_name_parse(&n, f->name, strlen(f->name)) || !n.platform[0])
		return;
	if (ip_platform_image_fits(&s->plat, n.platform) == 0)
		trace(s, f->span, "%s is built for %s, not for this platform (%s)",
		      f->name, n.platform, s->plat.image_platforms);
}

/* The entry names the running image: it was there at the last boot, which
 * is a hint, not proof that it still is. */
static void running_note(sim *s, const char *fsname, const ip_boot_entry *e)
{
	const ip_path *img = &s->dev->system_image;
	if (!fsname || !img->path || !img->filesystem || !e->path ||
	    !ip_fs_name_eq(fsname, img->path, strlen(img->path), e->path, strlen(e->path)))
		return;
	ip_filesystem probe = { .name = img->filesystem };
	if (fs_names(s, &probe, fsname))
		trace(s, img->span, "%s is the image running now, so it was "
		      "there at the last boot; the listing does not show that it "
		      "still is", e->path);
}

/* A stack member's BOOT variable entry loads from the member's own flash
 * when it names flash:, bootflash:, no filesystem, or the member's flash-N:
 * (as rules/stack_facts.c has read it since stacks were added). */
static bool member_local(const sim *s, const ip_boot_entry *e)
{
	const char *f = e->filesystem;
	return s->member > 0 &&
	       (!f || ip_fs_prefix_eq(f, "flash:") || ip_fs_prefix_eq(f, "bootflash:") ||
		(s->mfs_name && ip_fs_prefix_eq(f, s->mfs_name)) ||
		(s->mfs && ip_fs_prefix_eq(f, s->mfs->name)));
}

/* When the letter-case policy decided whether the entry names a listed
 * file (a listed name differs from it only in case), the trace says so and
 * names the setting: on classic IOS the policy is an assumption
 * (fs_model.h). Returns that listed file (the model's answer), or NULL. */
static const ip_file *case_note(sim *s, const ip_filesystem *fs, const char *path,
				const ip_file *f, ip_span span)
{
	const char *p = path;
	while (*p == '/')
		p++;
	const ip_file *twin = ip_fs_case_twin_after(fs, p, strlen(p), f);
	if (!twin)
		return NULL;
	if (ip_fs_name_case(fs->name) == IP_NAME_CASE_FOLD)
		trace(s, span, "%s is listed as %s: the same file, since letter case "
		      "is not compared (%s: fold)", path, twin->name, IP_FS_CASE_SETTING);
	else
		trace(s, span, "%s is listed as %s, which differs only in letter case: "
		      "another file, as %s: exact assumes", path, twin->name, IP_FS_CASE_SETTING);
	return twin;
}

/* The verdict records what case_note found: the twin of a missed entry,
 * and whether the policy decided (f: the file the lookup returned). */
static void judge_case(sim *s, const ip_file *twin, const ip_file *f)
{
	if (!s->v)
		return;
	if (!f)
		s->v->case_twin = twin;
	s->v->case_decided = twin != NULL;
}

static res entry_file(sim *s, const ip_boot_entry *e, size_t idx)
{
	const char *fsname = e->filesystem ? e->filesystem : s->plat.default_fs;
	bool absent = false;
	const ip_filesystem *fs = NULL;
	if (member_local(s, e)) {
		fsname = s->mfs ? s->mfs->name : s->mfs_name;
		fs = s->mfs;
	} else if (fsname) {
		fs = fs_resolve(s, fsname, &absent);
	}
	if (!fs && fsname && absent) {
		trace(s, e->span, "%s %s: skipped, this device has no %s",
		      label(s), e->raw, fsname);
		judge(s, IP_VERDICT_SKIP_NO_FS, NULL, NULL);
		return R_SKIP;
	}
	const ip_file *f = NULL;
	const char *missing = NULL; /* built only when unknown: every entry of
				     * every list is judged on the lint path */
	look l = fs ? file_look(s, fs, e->path, e->span, &f, &missing) : L_UNKNOWN;
	const ip_file *twin = NULL;
	if (!fs) {
		trace(s, e->span, "%s %s: %s was not listed", label(s), e->raw,
		      fsname ? fsname : "its filesystem");
		missing = fsname ? ip_arena_printf(s->a, "show %s", fsname) : "show file systems";
	} else if (l != L_UNKNOWN) {
		twin = case_note(s, fs, e->path, f, e->span);
	}
	if (l == L_UNKNOWN) {
		running_note(s, fsname, e);
		take_entry(s, e, idx);
		judge_unknown(s, missing, fs);
		return stop_unknown(s, missing, e->span);
	}
	if (l == L_ABSENT) {
		trace(s, e->span, "%s %s: skipped, %s has no %s", label(s),
		      e->raw, fs->name, e->path);
		judge(s, IP_VERDICT_SKIP_MISSING, fs, NULL);
		judge_case(s, twin, NULL);
		return R_SKIP;
	}
	const char *why;
	ip_unbootable u = unbootable(s, fsname, f, &why);
	judge_case(s, twin, f);
	if (u != IP_UNBOOT_NONE) {
		trace(s, f->span, "%s %s: skipped, %s %s", label(s), e->raw,
		      f->name, why);
		judge(s, IP_VERDICT_SKIP_NOT_BOOTABLE, fs, f);
		if (s->v)
			s->v->why = u;
		return R_SKIP;
	}
	trace(s, e->span, "%s %s: %s holds it: this is the image that boots",
	      label(s), e->raw, fs->name);
	judge(s, IP_VERDICT_BOOTS, fs, f);
	if (!s->quiet)
		note_fit(s, f);
	take_entry(s, e, idx);
	s->out->filesystem = fsname;
	s->out->path = e->path;
	s->out->file = f;
	decide(s, IP_NEXT_IMAGE, s->step, e->span);
	return R_DONE;
}

static res entry_network(sim *s, const ip_boot_entry *e, size_t idx)
{
	trace(s, e->span, "%s %s: loads %s over the network from %s; "
	      "whether the server has it cannot be checked offline, and if the "
	      "load fails IOS goes on to the next entry", label(s), e->raw,
	      e->path ? e->path : "a file", e->server ? e->server : "a server");
	judge(s, IP_VERDICT_NETWORK, NULL, NULL);
	take_entry(s, e, idx);
	s->out->filesystem = e->filesystem;
	s->out->path = e->path;
	decide(s, IP_NEXT_NETWORK, s->step, e->span);
	return R_DONE;
}

static res entry_rom(sim *s, const ip_boot_entry *e, size_t idx)
{
	bool classic = s->plat.family == IP_FAMILY_ROUTER_CLASSIC;
	trace(s, e->span, "%s rom: %s", label(s),
	      classic ? "loads the ROM or boot-helper image where the router has "
			"one, else stops in ROMMON"
		      : "this platform has no ROM image: it stops in ROMMON");
	judge(s, IP_VERDICT_ROM, NULL, NULL);
	take_entry(s, e, idx);
	decide(s, classic ? IP_NEXT_PLATFORM_ROM : IP_NEXT_ROMMON, s->step, e->span);
	return R_DONE;
}

static res entry_try(sim *s, const ip_boot_entry *e, size_t idx)
{
	int active = ip_stack_active(s->dev) ? ip_stack_active(s->dev)->number : 0;
	if (!s->member && e->member > 0 && active > 0 && e->member != active) {
		trace(s, e->span, "%s %s: skipped, it is for switch %d and the "
		      "active switch is %d", label(s), e->raw, e->member, active);
		judge(s, IP_VERDICT_SKIP_OTHER_MEMBER, NULL, NULL);
		return R_SKIP;
	}
	switch (e->kind) {
	case IP_BOOT_FILE:
		return entry_file(s, e, idx);
	case IP_BOOT_FLASH_FIRST: {
		const char *fsname = e->filesystem ? e->filesystem : s->plat.default_fs;
		if (!fsname) {
			trace(s, e->span, "%s %s: the default flash is unknown",
			      label(s), e->raw);
			take_entry(s, e, idx);
			judge_unknown(s, "show file systems", NULL);
			return stop_unknown(s, "show file systems", e->span);
		}
		trace(s, e->span, "%s %s: the first image on %s", label(s),
		      e->raw, fsname);
		res r = first_image(s, fsname, e->span);
		if (r == R_DONE)
			take_entry(s, e, idx);
		if (r == R_SKIP)
			judge(s, IP_VERDICT_SKIP_NO_IMAGE, NULL, NULL);
		else if (s->out->outcome == IP_NEXT_UNKNOWN)
			judge_unknown(s, s->out->missing, NULL);
		else
			judge(s, IP_VERDICT_BOOTS, NULL, s->out->file);
		return r;
	}
	case IP_BOOT_NETWORK:
	case IP_BOOT_MOP:
		return entry_network(s, e, idx);
	case IP_BOOT_ROM:
		return entry_rom(s, e, idx);
	case IP_BOOT_OTHER:
		break;
	}
	trace(s, e->span, "%s %s: not understood, so what it loads is unknown",
	      label(s), e->raw);
	judge_unknown(s, "a boot entry iosplan can read", NULL);
	take_entry(s, e, idx);
	return stop_unknown(s, "a boot entry iosplan can read", e->span);
}

/* --- the steps ------------------------------------------------------------ */

static res unknown_platform(sim *s)
{
	const ip_device *d = s->dev;
	if (!d->platform.s && !d->software_image.s) {
		trace(s, no_span, "the platform is unknown, and with it the boot "
		      "order it follows");
		ip_fact_hint h = ip_fact_hint_of(NULL, d, &s->plat, IP_FACT_PLATFORM);
		return stop_unknown(s, h.capture ? h.capture : "show version", no_span);
	}
	/* Known by name but in no table, and nothing weaker names a family:
	 * no capture would tell (issue 23, point 3), so none is asked for. */
	const ip_text *t = d->platform.s ? &d->platform : &d->software_image;
	trace(s, t->span, "%.100s is not a platform iosplan knows, and neither its "
	      "software nor its image names a family it knows: its boot order is "
	      "unknown", t->s);
	res r = stop_unknown(s, NULL, t->span);
	s->out->unknown_why = ip_arena_printf(s->a, "%.100s is not in iosplan's platform "
					      "table, and nothing captured names its family", t->s);
	return r;
}

static res virtual_image(sim *s, ip_register r)
{
	const ip_path *img = &s->dev->system_image;
	trace(s, r.span, "config-register 0x%X: on IOSv boot field 0 is how it "
	      "runs, not ROMMON: the virtual machine boots its own image", r.v);
	if (!img->path)
		return stop_unknown(s, "show version", r.span);
	trace(s, img->span, "the image it runs now: %s", img->raw);
	s->out->filesystem = img->filesystem;
	s->out->path = img->path;
	bool absent;
	const ip_filesystem *fs = img->filesystem ? fs_resolve(s, img->filesystem, &absent)
						  : NULL;
	s->out->file = fs ? find_n(fs, img->path, strlen(img->path)) : NULL;
	decide(s, IP_NEXT_IMAGE, IP_STEP_REGISTER, r.span);
	return R_DONE;
}

static const char *field1_text(ip_family f)
{
	switch (f) {
	case IP_FAMILY_ROUTER_CLASSIC:
		return "boots the first image in flash (ISR G2) or the ROM or "
		       "boot-helper image (older routers)";
	case IP_FAMILY_SWITCH_CAT4500:
		return "boots the first file in onboard flash";
	default:
		return "has a platform-dependent meaning";
	}
}

/* Step 1 for platforms where the register counts. */
static res register_step(sim *s)
{
	const ip_device *d = s->dev;
	ip_register r = d->confreg_next.known ? d->confreg_next : d->confreg;
	if (!r.known && s->plat.family == IP_FAMILY_SWITCH_CLASSIC) {
		trace(s, no_span, "no configuration register read: it is fixed at "
		      "0xF on these switches and does not stop the boot");
		return R_SKIP;
	}
	if (!r.known) {
		/* show version without a register line (cut, or a platform that
		 * does not print it): the hint names what gives it there */
		ip_fact_hint h = ip_fact_hint_of(s->a, d, &s->plat, IP_FACT_CONFREG);
		trace(s, no_span, "the configuration register is unknown (%s)", h.text);
		if (!h.capture) {
			res x = stop_unknown(s, NULL, no_span);
			s->out->unknown_why = ip_arena_printf(s->a, "the configuration register: %s",
							      h.text);
			return x;
		}
		return stop_unknown(s, h.capture, no_span);
	}
	if (d->confreg.known && d->confreg_next.known && d->confreg.v != d->confreg_next.v)
		trace(s, r.span, "the register is 0x%X now and will be 0x%X at the "
		      "next reload: the next value counts", d->confreg.v, r.v);
	unsigned field = r.v & 0xF;
	if (field == 0 && s->plat.family == IP_FAMILY_VIRTUAL)
		return virtual_image(s, r);
	if (field == 0) {
		trace(s, r.span, "config-register 0x%X: boot field 0 stops in ROMMON", r.v);
		decide(s, IP_NEXT_ROMMON, IP_STEP_REGISTER, r.span);
		return R_DONE;
	}
	if (field == 1) {
		trace(s, r.span, "config-register 0x%X: boot field 1 %s", r.v,
		      field1_text(s->plat.family));
		decide(s, IP_NEXT_PLATFORM_ROM, IP_STEP_REGISTER, r.span);
		return R_DONE;
	}
	if (r.v & 0x8040)
		trace(s, r.span, "config-register 0x%X ignores the startup-config: "
		      "the image chosen is the same, but the device comes up "
		      "unconfigured", r.v);
	trace(s, r.span, "config-register 0x%X: boot field 0x%X, the boot list "
	      "decides", r.v, field);
	return R_SKIP;
}

/* Step 1: the platform, Manual Boot and the register. */
static res control_step(sim *s)
{
	const ip_device *d = s->dev;
	bool sw = is_switch(s->plat.family);
	if (s->plat.family == IP_FAMILY_UNKNOWN)
		return unknown_platform(s);
	if (s->plat.guessed)
		trace(s, s->plat.evidence, "%.100s is not in iosplan's platform table: "
		      "its boot order is that of the %s family, guessed from %s",
		      d->platform.s, ip_family_name(s->plat.family), s->plat.guess_basis);
	if (sw && d->manual_boot.v == IP_TRI_YES) {
		trace(s, d->manual_boot.span, "Manual Boot is yes: the switch stops "
		      "at the switch: prompt");
		decide(s, IP_NEXT_ROMMON, IP_STEP_MANUAL_BOOT, d->manual_boot.span);
		return R_DONE;
	}
	if (s->plat.confreg_ignored) {
		ip_register r = d->confreg_next.known ? d->confreg_next : d->confreg;
		trace(s, r.known ? r.span : s->plat.evidence, "the configuration "
		      "register has no effect on this platform: Manual Boot decides");
	} else if (register_step(s) == R_DONE) {
		return R_DONE;
	}
	if (sw && d->manual_boot.v == IP_TRI_UNKNOWN) {
		trace(s, no_span, "Manual Boot is unknown: if it is yes the switch "
		      "stops at the switch: prompt");
		return stop_unknown(s, "show boot", no_span);
	}
	if (sw)
		trace(s, d->manual_boot.span, "Manual Boot is no: the switch boots "
		      "on its own");
	return R_SKIP;
}

/* Step 2's list: NULL when it is unknown (and the outcome says so). */
static const ip_boot_list *boot_list(sim *s)
{
	const ip_device *d = s->dev;
	if (s->plat.boot_from_bootvar) {
		s->step = IP_STEP_BOOT_VARIABLE;
		if (d->bootvar.known) {
			trace(s, d->bootvar.span, "a switch boots from its BOOT variable "
			      "for the next reload: %zu entr%s", d->bootvar.n,
			      d->bootvar.n == 1 ? "y" : "ies");
			return &d->bootvar;
		}
		trace(s, no_span, "the BOOT variable for the next reload is unknown "
		      "(a switch boots from it, not from its configuration)");
		stop_unknown(s, "show boot", no_span);
		return NULL;
	}
	s->step = IP_STEP_BOOT_STATEMENT;
	if (d->boot_startup.known) {
		trace(s, d->boot_startup.span, "the startup-config has %zu boot "
		      "system statement%s", d->boot_startup.n,
		      d->boot_startup.n == 1 ? "" : "s");
		return &d->boot_startup;
	}
	if (d->boot_running.known)
		trace(s, d->boot_running.span, "the running-config's boot statements "
		      "count only once saved");
	if (d->boot_config.known)
		trace(s, d->boot_config.span, "a configuration of unknown origin was "
		      "read: it is not proof of what the startup-config holds");
	trace(s, no_span, "the startup-config's boot system statements are unknown");
	stop_unknown(s, "show startup-config | include boot", no_span);
	return NULL;
}

/* Steps 3 and 4: no entry could boot. */
static void fallback_step(sim *s, const ip_boot_list *list)
{
	ip_family f = s->plat.family;
	s->out->skipped_entries = s->skipped;
	s->out->from_fallback = list->n > 0;
	const char *none = list->n ? "no entry can boot" : "no boot entries";
	if (f == IP_FAMILY_SWITCH_XE || f == IP_FAMILY_SWITCH_CAT4500) {
		trace(s, list->span, "%s: %s", none,
		      f == IP_FAMILY_SWITCH_XE
			      ? "a Cat3k/Cat9k does not search flash, it stops at "
				"the switch: prompt"
		      : list->n ? "a Cat4500 does not search flash, it retries its "
				  "list for ever and never comes up"
				: "a Cat4500 does not search flash, it stays in ROMMON");
		decide(s, IP_NEXT_ROMMON, IP_STEP_NOTHING, list->span);
		return;
	}
	const char *fsname = s->plat.default_fs;
	for (size_t i = 0; !fsname && i < s->dev->n_filesystems; i++)
		if (s->dev->filesystems[i].is_default)
			fsname = s->dev->filesystems[i].name;
	if (!fsname) {
		trace(s, list->span, "%s, and the default flash is unknown", none);
		stop_unknown(s, "show file systems", list->span);
		return;
	}
	trace(s, list->span, "%s: IOS boots the first image %s %s%s", none,
	      f == IP_FAMILY_SWITCH_CLASSIC ? "a depth-first search finds on" : "on",
	      fsname, f == IP_FAMILY_SWITCH_CLASSIC && list->n
			      ? " (assumed: documented only for an unset BOOT variable)"
			      : "");
	if (first_image(s, fsname, list->span) == R_DONE)
		return;
	trace(s, list->span, "nothing bootable: the device stops in ROMMON");
	decide(s, IP_NEXT_ROMMON, IP_STEP_NOTHING, list->span);
}

/* --- verdicts ------------------------------------------------------------ */

/* The list the next reload reads, as boot_list() chooses it; NULL when
 * it was not captured. */
static const ip_boot_list *reload_list(const sim *s, ip_list_id *id)
{
	const ip_device *d = s->dev;
	*id = s->plat.boot_from_bootvar ? IP_LIST_BOOTVAR : IP_LIST_STARTUP;
	const ip_boot_list *l = s->plat.boot_from_bootvar ? &d->bootvar : &d->boot_startup;
	return l->known ? l : NULL;
}

static ip_boot_verdict *verdicts_new(ip_arena *a, const ip_boot_list *l, ip_list_id id,
				     int member)
{
	ip_boot_verdict *v = ip_arena_alloc(a, (l->n ? l->n : 1) * sizeof(*v));
	memset(v, 0, (l->n ? l->n : 1) * sizeof(*v));
	for (size_t i = 0; i < l->n; i++)
		v[i] = (ip_boot_verdict){ .list = l, .list_id = id, .member = member,
					  .entry = &l->v[i], .index = i,
					  .kind = IP_VERDICT_NOT_REACHED,
					  .span = l->v[i].span };
	return v;
}

/* Judge entries [from, n) of l as if the walk reached each: the same
 * entry_try, with no trace and a scratch prediction. */
static void judge_rest(sim *s, ip_boot_verdict *v, const ip_boot_list *l, size_t from)
{
	ip_boot_prediction scratch, *keep = s->out;
	bool was_quiet = s->quiet;
	s->quiet = true;
	for (size_t i = from; i < l->n; i++) {
		memset(&scratch, 0, sizeof(scratch));
		s->out = &scratch;
		s->v = &v[i];
		entry_try(s, &l->v[i], i);
	}
	s->out = keep;
	s->quiet = was_quiet;
	s->v = NULL;
}

/* Walk the list: each entry's verdict is its own until one decides; those
 * after it are NOT_REACHED, with their own verdict in `alone`. */
static void walk(sim *s, const ip_boot_list *list, ip_boot_verdict *v)
{
	for (size_t i = 0; i < list->n; i++) {
		s->v = &v[i];
		res r = entry_try(s, &list->v[i], i);
		v[i].kind = v[i].alone;
		s->v = NULL;
		if (r == R_DONE) {
			judge_rest(s, v, list, i + 1);
			return;
		}
		s->skipped = true;
	}
	fallback_step(s, list);
}

/* --- the install state (issue 21) ---------------------------------------
 * Decisions, each with its evidence (DOMAIN.md §8, research P1):
 * - A U row runs now. Whether a reload before `install commit` boots it
 *   again is UNCONFIRMED: Cisco's guides say only that the commit "ensures
 *   the updates are persistent over reloads" (C8000V upgrade guide,
 *   research [C17]); Kestra's install rules (research [K3]) say "an
 *   activated and uncommitted image survives one reload but not a second
 *   one", the activation's own reload being the one. So it is the setting
 *   `uncommitted_reload` (ip_install_reload): `reverts` (the default,
 *   Kestra's reading) or `keeps` (the next reload boots it once more, the
 *   second reverts); the trace names the setting.
 * - The auto-abort timer rolls the activation back when it fires
 *   ("Auto abort timer: active on install_activate, time before rollback
 *   - 01:49:42", DOMAIN.md §8); the time is counted from the capture.
 * - A D row comes back when the activation is rolled back.
 * - A switch whose active patches differ from the others', or whose flash
 *   lacks a patch file its rows name, ends V-Mismatch at reload (CSCwe70969,
 *   https://findbugzero.com/operational-defect-database/vendors/cisco/defects/CSCwe70969). */
static ip_install_reload install_reload = IP_INSTALL_RELOAD_REVERTS;

void ip_install_reload_set(ip_install_reload r)
{
	install_reload = r;
}

ip_install_reload ip_install_reload_get(void)
{
	return install_reload;
}

bool ip_install_reload_parse(const char *s, ip_install_reload *out)
{
	if (s && strcmp(s, "reverts") == 0)
		*out = IP_INSTALL_RELOAD_REVERTS;
	else if (s && strcmp(s, "keeps") == 0)
		*out = IP_INSTALL_RELOAD_KEEPS;
	else
		return false;
	return true;
}

static bool is_patch(const ip_install_pkg *p)
{
	const char *t = p->type.s;
	return t && (strcmp(t, "SMU") == 0 || strcmp(t, "APSP") == 0 || strcmp(t, "APDP") == 0);
}

static bool pkg_active(const ip_install_pkg *p)
{
	return p->state == IP_PKG_COMMITTED || p->state == IP_PKG_UNCOMMITTED;
}

/* Blocks that list every active package of their switches. */
static bool full_block(const ip_install_block *b)
{
	return b->n_members && (b->view == IP_INSTALL_VIEW_SUMMARY || b->view == IP_INSTALL_VIEW_ACTIVE);
}

static bool block_has_active(const ip_install_block *b, const char *name)
{
	for (size_t i = 0; i < b->n_pkgs; i++)
		if (pkg_active(&b->pkgs[i]) && b->pkgs[i].name.s && strcmp(b->pkgs[i].name.s, name) == 0)
			return true;
	return false;
}

static void install_patches(sim *s, const ip_install_state *is)
{
	ip_install_forecast *f = &s->out->install;
	for (size_t b = 0; b < is->n_blocks && !f->smu; b++) {
		const ip_install_block *hb = &is->blocks[b];
		if (!full_block(hb))
			continue;
		for (size_t k = 0; k < hb->n_pkgs && !f->smu; k++) {
			const ip_install_pkg *p = &hb->pkgs[k];
			if (!is_patch(p) || !pkg_active(p) || !p->name.s)
				continue;
			int *miss = NULL;
			size_t n = 0, cap = 0;
			for (size_t o = 0; o < is->n_blocks; o++)
				if (full_block(&is->blocks[o]) && !block_has_active(&is->blocks[o], p->name.s))
					for (size_t m = 0; m < is->blocks[o].n_members; m++)
						*IP_PUSH(s->a, miss, n, cap) = is->blocks[o].members[m];
			if (!n)
				continue;
			f->smu = p, f->smu_missing = miss, f->n_smu_missing = n;
			for (size_t m = 0; m < n; m++)
				trace(s, p->span, "install: switch %d has no active %s %s, which [%s] "
				      "runs: at reload it does not join the stack (V-Mismatch, "
				      "CSCwe70969) until the patches agree", miss[m], p->type.s,
				      p->name.s, hb->where);
		}
	}
}

static const ip_member *member_no(const ip_device *d, int n)
{
	for (size_t i = 0; i < d->n_members; i++)
		if (d->members[i].number == n)
			return &d->members[i];
	return NULL;
}

/* An active patch row names a file ("flash:x.smu.bin"): each switch of its
 * block must hold it on its own flash, or that switch's boot breaks. */
static void install_patch_files(sim *s, const ip_install_state *is)
{
	ip_install_forecast *f = &s->out->install;
	for (size_t b = 0; b < is->n_blocks && !f->smu_missing_file; b++) {
		const ip_install_block *hb = &is->blocks[b];
		for (size_t k = 0; k < hb->n_pkgs && !f->smu_missing_file; k++) {
			const ip_install_pkg *p = &hb->pkgs[k];
			const char *colon = p->name.s ? strchr(p->name.s, ':') : NULL;
			if (!is_patch(p) || !pkg_active(p) || !colon)
				continue;
			for (size_t m = 0; m < hb->n_members; m++) {
				const ip_member *mb = member_no(s->dev, hb->members[m]);
				const ip_filesystem *fs = mb ? ip_stack_member_fs(s->dev, mb) : NULL;
				if (!fs || !fs->complete || ip_fs_lookup_file(fs, colon + 1))
					continue;
				f->smu_missing_file = colon + 1;
				f->smu_file_row = p;
				f->smu_missing_file_member = hb->members[m];
				trace(s, p->span, "install: %s has no %s, which switch %d's active %s "
				      "row names: that switch's boot breaks at reload (V-Mismatch, "
				      "CSCwe70969); restore the file first", fs->name, colon + 1,
				      hb->members[m], p->type.s);
				break;
			}
		}
	}
}

/* " (at 11:20:52 UTC Mon Mar 5 2026 by the capture's clock, line 3)", or
 * "" when the capture states no time. */
static const char *fire_clock(sim *s, const ip_install_state *is)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	if (!is->fires_known)
		return "";
	time_t t = (time_t)is->fires_at;
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return "";
	return ip_arena_printf(s->a, " (at about %02d:%02d:%02d %s %s %s %d %d by the capture's "
			       "clock at line %u%s)", tm.tm_hour, tm.tm_min, tm.tm_sec,
			       is->fires_zone, days[tm.tm_wday], months[tm.tm_mon], tm.tm_mday,
			       tm.tm_year + 1900, is->clock_at.line,
			       is->fires_unsynced ? ", a clock never set: '*'" : "");
}

static void install_timer(sim *s, const ip_install_state *is)
{
	ip_install_forecast *f = &s->out->install;
	/* IOS-XE 3.x: "Setting rollback timer to 45 minutes" after `software
	 * install file ... auto-rollback`; `software commit` "cancels the
	 * rollback timer" (cf_command_ref; research21 1a) */
	const char *tn = is->timer_software ? "the rollback timer of `software install ... "
					      "auto-rollback` (`software commit` stops it)"
					    : "the auto-abort timer";
	if (is->timer.v == IP_TRI_YES && is->timer_left_s.known) {
		char hms[IP_HMS_SIZE];
		trace(s, is->timer_left_s.span, "install: %s%s%s fires %s after this capture "
		      "was taken%s: it rolls the activation back to the committed software "
		      "and reloads", tn, is->timer_operation.s ? " of " : "",
		      is->timer_operation.s ? is->timer_operation.s : "",
		      ip_install_hms(hms, is->timer_left_s.v), fire_clock(s, is));
	} else if (is->timer.v == IP_TRI_YES)
		trace(s, is->timer.span, "install: %s runs; when it fires is "
		      "not in the capture: it rolls the activation back when it does", tn);
	else if (is->timer.v == IP_TRI_NO && f->uncommitted)
		trace(s, is->timer.span, "install: no auto-abort timer runs: the uncommitted "
		      "software stays until a reload or `install abort`");
	else if (f->uncommitted)
		trace(s, f->uncommitted->span, "install: whether an auto-abort timer runs is "
		      "unknown (capture 'show install summary')");
}

static bool block_lists(const ip_install_block *b, const char *name)
{
	for (size_t i = 0; i < b->n_pkgs; i++)
		if (b->pkgs[i].name.s && strcmp(b->pkgs[i].name.s, name) == 0)
			return true;
	return false;
}

static const ip_install_block *view_block(const ip_install_state *is, ip_install_view v,
					  const char *where)
{
	for (size_t i = 0; i < is->n_blocks; i++)
		if (is->blocks[i].view == v && strcmp(is->blocks[i].where, where) == 0)
			return &is->blocks[i];
	return NULL;
}

/* IOS-XE 3.x: `software install file ...` (without its reload, or with
 * `on-reboot`) writes a new packages.conf that "New software will load on
 * reboot" (cf_command_ref, `software install file`; research21 1a): the
 * provisioned packages of a location that differ from its running ones
 * are what the next reload boots. Both views must be read for that
 * location; "status: provisioned" is an UNCONFIRMED form (show_install.c). */
static void install_provisioned(sim *s, const ip_install_state *is)
{
	ip_install_forecast *f = &s->out->install;
	for (size_t b = 0; b < is->n_blocks && !f->provisioned; b++) {
		const ip_install_block *pb = &is->blocks[b];
		if (pb->view != IP_INSTALL_VIEW_PROVISIONED)
			continue;
		const ip_install_block *rb = view_block(is, IP_INSTALL_VIEW_RUNNING, pb->where);
		if (!rb)
			continue;
		for (size_t k = 0; k < pb->n_pkgs && !f->provisioned; k++)
			if (pb->pkgs[k].name.s && !block_lists(rb, pb->pkgs[k].name.s))
				f->provisioned = &pb->pkgs[k], f->provisioned_block = pb;
		for (size_t k = 0; k < rb->n_pkgs && !f->provisioned; k++)
			if (rb->pkgs[k].name.s && !block_lists(pb, rb->pkgs[k].name.s))
				f->provisioned = &rb->pkgs[k], f->provisioned_block = rb;
	}
	if (f->provisioned)
		trace(s, f->provisioned->span, "install: [%s] the provisioned software differs from "
		      "the running (%s %s %s): the next reload boots the provisioned packages "
		      "(show version provisioned); `software rollback` returns to the "
		      "packages.conf before the install", f->provisioned_block->where,
		      f->provisioned->type.s ? f->provisioned->type.s : "?",
		      f->provisioned->name.s ? f->provisioned->name.s : "?",
		      f->provisioned_block->view == IP_INSTALL_VIEW_PROVISIONED
			      ? "is provisioned, not running" : "runs, not provisioned");
}

static void install_forecast(sim *s)
{
	const ip_install_state *is = &s->dev->install;
	ip_install_forecast *f = &s->out->install;
	if (!is->n_blocks && is->timer.v == IP_TRI_UNKNOWN && is->in_progress.v == IP_TRI_UNKNOWN)
		return;
	f->read = true;
	f->timer = is->timer.v;
	f->in_progress = is->in_progress.v;
	f->timer_left_s = is->timer_left_s;
	f->software_timer = is->timer_software;
	for (size_t b = 0; b < is->n_blocks; b++)
		for (size_t k = 0; k < is->blocks[b].n_pkgs; k++) {
			const ip_install_pkg *p = &is->blocks[b].pkgs[k];
			if (p->state == IP_PKG_UNCOMMITTED && !f->uncommitted)
				f->uncommitted = p, f->block = &is->blocks[b];
			if (p->state == IP_PKG_DEACTIVATED && !f->deactivated)
				f->deactivated = p;
		}
	f->reload = install_reload;
	if (f->uncommitted)
		trace(s, f->uncommitted->state_span, "install: [%s] %s %s is activated, not "
		      "committed: it runs now; %s (UNCONFIRMED in Cisco's guides: "
		      IP_INSTALL_RELOAD_SETTING ": %s)", f->block->where,
		      f->uncommitted->type.s ? f->uncommitted->type.s : "?",
		      f->uncommitted->name.s ? f->uncommitted->name.s : "?",
		      install_reload == IP_INSTALL_RELOAD_REVERTS
			      ? "a reload before `install commit` boots the committed software "
				"instead (it survives the activation's own reload, not a second one)"
			      : "the next reload boots it again, and a second reload before "
				"`install commit` boots the committed software",
		      install_reload == IP_INSTALL_RELOAD_REVERTS ? "reverts" : "keeps");
	if (f->deactivated)
		trace(s, f->deactivated->state_span, "install: %s %s is deactivated, not "
		      "committed: it comes back when the activation is rolled back (the "
		      "timer, `install abort`, or a reload before `install commit`)",
		      f->deactivated->type.s ? f->deactivated->type.s : "?",
		      f->deactivated->name.s ? f->deactivated->name.s : "?");
	install_timer(s, is);
	if (is->in_progress.v == IP_TRI_YES)
		trace(s, is->in_progress.span, "install: an install operation is in progress: "
		      "what it activates, and whether it commits, decides what a reload boots");
	install_patches(s, is);
	install_patch_files(s, is);
	install_provisioned(s, is);
}

bool ip_install_pending(const ip_install_forecast *f)
{
	return f->uncommitted || f->deactivated || f->timer == IP_TRI_YES ||
	       f->in_progress == IP_TRI_YES || f->provisioned;
}

void ip_boot_predict(ip_boot_prediction *out, ip_arena *a, const ip_device *dev)
{
	memset(out, 0, sizeof(*out));
	sim s = { .out = out, .a = a, .dev = dev };
	ip_platform_classify(&s.plat, dev);
	ip_list_id id;
	const ip_boot_list *rl = reload_list(&s, &id);
	if (rl) {
		out->verdict_list = rl;
		out->verdicts = verdicts_new(a, rl, id, 0);
		out->n_verdicts = out->cap_verdicts = rl->n;
	}
	const ip_boot_list *list = NULL;
	if (control_step(&s) != R_DONE)
		list = boot_list(&s);
	if (list)
		walk(&s, list, out->verdicts);
	else if (rl) /* the register, Manual Boot or a missing fact decided first */
		judge_rest(&s, out->verdicts, rl, 0);
	s.quiet = false;
	install_forecast(&s);
}

void ip_boot_verdicts_of(ip_boot_verdict **out, ip_arena *a, const ip_device *dev,
			 const ip_platform *plat, const ip_boot_list *list, ip_list_id id,
			 int member)
{
	ip_boot_prediction scratch;
	memset(&scratch, 0, sizeof(scratch));
	sim s = { .out = &scratch, .a = a, .dev = dev, .member = member };
	if (plat)
		s.plat = *plat;
	else
		ip_platform_classify(&s.plat, dev);
	s.step = id == IP_LIST_STARTUP || id == IP_LIST_RUNNING || id == IP_LIST_CONFIG
			 ? IP_STEP_BOOT_STATEMENT : IP_STEP_BOOT_VARIABLE;
	for (size_t i = 0; member > 0 && i < dev->n_members; i++) {
		const ip_member *m = &dev->members[i];
		if (m->number != member)
			continue;
		s.mfs = ip_stack_member_fs(dev, m);
		if (s.mfs && !s.mfs->listed)
			s.mfs = NULL;
		s.mfs_name = s.mfs ? s.mfs->name : ip_fs_member_name(a, dev, &s.plat, m->number);
	}
	*out = verdicts_new(a, list, id, member);
	judge_rest(&s, *out, list, 0);
}

bool ip_boot_verdict_skips(ip_boot_verdict_kind k)
{
	switch (k) {
	case IP_VERDICT_SKIP_MISSING:
	case IP_VERDICT_SKIP_NO_FS:
	case IP_VERDICT_SKIP_NOT_BOOTABLE:
	case IP_VERDICT_SKIP_NO_IMAGE:
	case IP_VERDICT_SKIP_OTHER_MEMBER:
		return true;
	default:
		return false;
	}
}

const char *ip_boot_verdict_name(ip_boot_verdict_kind k)
{
	switch (k) {
	case IP_VERDICT_UNKNOWN: return "unknown";
	case IP_VERDICT_BOOTS: return "boots";
	case IP_VERDICT_NETWORK: return "network";
	case IP_VERDICT_ROM: return "rom";
	case IP_VERDICT_SKIP_MISSING: return "skip-missing";
	case IP_VERDICT_SKIP_NO_FS: return "skip-no-filesystem";
	case IP_VERDICT_SKIP_NOT_BOOTABLE: return "skip-not-bootable";
	case IP_VERDICT_SKIP_NO_IMAGE: return "skip-no-image";
	case IP_VERDICT_SKIP_OTHER_MEMBER: return "skip-other-member";
	case IP_VERDICT_NOT_REACHED: return "not-reached";
	}
	return "unknown";
}

const char *ip_next_outcome_name(ip_next_outcome o)
{
	switch (o) {
	case IP_NEXT_UNKNOWN: return "unknown";
	case IP_NEXT_IMAGE: return "image";
	case IP_NEXT_NETWORK: return "network";
	case IP_NEXT_ROMMON: return "rommon";
	case IP_NEXT_AMBIGUOUS: return "ambiguous";
	case IP_NEXT_PLATFORM_ROM: return "platform-rom";
	}
	return "unknown";
}

const char *ip_next_step_name(ip_next_step s)
{
	switch (s) {
	case IP_STEP_NONE: return "none";
	case IP_STEP_REGISTER: return "register";
	case IP_STEP_MANUAL_BOOT: return "manual-boot";
	case IP_STEP_BOOT_STATEMENT: return "boot-statement";
	case IP_STEP_BOOT_VARIABLE: return "boot-variable";
	case IP_STEP_FIRST_IMAGE: return "first-image";
	case IP_STEP_NOTHING: return "nothing";
	}
	return "none";
}
