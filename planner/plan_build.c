/* The plan builder: decides the facts the plan rests on, which findings it
 * repairs and which refuse it, and makes room on flash; plan_steps.c
 * writes the steps, plan_sim.c proves them.
 *
 * Decisions (docs/plan.md):
 * - The image goes to the filesystem the target names, else the platform's
 *   default, else the running image's; its listing must be complete, with
 *   its free bytes, since the proof counts them. On a stack the image also
 *   goes to (bundle, tar) or is expanded on (install) every member's flash
 *   (flash-N:, or flashN: on classic IOS stacks), whose listing the plan
 *   needs too: a member not listed refuses the plan with the `dir` to
 *   capture, as a member out of the stack (V-Mismatch) or in the other
 *   install/bundle mode does.
 * - The target must be a .bin, or on a classic Catalyst a tar (installed
 *   with archive download-sw /leave-old-sw into its directory on every
 *   member; room for the unpacked directory, assumed as large as the tar,
 *   beside the old one, never /overwrite), with a size and a reference
 *   hash (MD5, else SHA-512): without them the copy cannot be checked or
 *   verified.
 * - Findings the plan repairs: the boot list ones (alphabetical-boot,
 *   boot-fallback, boot-missing-file, boot-order, unsaved-boot, fs-prefix on
 *   a boot entry: the plan replaces the whole list and saves it), the
 *   config-register ones it sets back (boot field 0/1, or a pending ignore
 *   bit: only those bits change, the console speed stays, confreg.h;
 *   MANUAL_BOOT with `no boot manual`), flash-space when deleting unused images makes room,
 *   install-mode warnings (the plan upgrades with install add),
 *   tftp-transfer with --transfer scp, stack-mismatch when every member is
 *   in the stack and in one mode (the plan puts the target on all of
 *   them). Everything else that is an error
 *   refuses the plan: image-platform, image-integrity, fs-prefix on the
 *   target, mixed install/bundle stacks, and a register that ignores the
 *   startup-config NOW (the running-config may then not be the device's
 *   real configuration, and the plan's save would overwrite it).
 * - Room: images that are neither running, nor the fallback, nor the
 *   target are deleted, those no boot list names first, largest first;
 *   the running image only with --allow-delete-running, on platforms that
 *   can boot from the network: the plan backs it up to the server first
 *   and saves `boot system tftp` to it before deleting it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "confreg.h"
#include "fact_hint.h"
#include "space.h"
#include "fs_model.h"
#include "image_name.h"
#include "mgmt_vrf.h"
#include "plan_private.h"
#include "stack.h"

/* --- names ---------------------------------------------------------------- */

const char *ip_plan_phase_id(ip_plan_phase ph)
{
	static const char *const ids[IP_PHASE_COUNT] = {
		"precheck", "transfer", "verify", "boot", "save", "reload",
		"postcheck", "cleanup", "rollback",
	};
	return ph < IP_PHASE_COUNT ? ids[ph] : "?";
}

void ip_plan_step_number(const ip_plan *p, size_t i, int *phase, size_t *no)
{
	size_t first = i;
	while (first && p->steps[first - 1].phase == p->steps[i].phase)
		first--;
	*phase = (int)p->steps[i].phase + 1;
	*no = i - first + 1;
}

const char *ip_plan_phase_title(ip_plan_phase ph)
{
	static const char *const t[IP_PHASE_COUNT] = {
		"pre-checks", "transfer", "verify", "boot statements", "save", "reload",
		"post-checks", "clean-up (deferred)", "rollback",
	};
	return ph < IP_PHASE_COUNT ? t[ph] : "?";
}

const char *ip_effect_kind_name(ip_effect_kind k)
{
	static const char *const n[] = {
		"copy", "delete", "verify", "server-backup", "server-verify", "boot-clear", "boot-remove",
		"boot-add", "save", "register", "no-boot-manual", "install",
		"install-rollback", "install-remove-inactive", "reload", "present",
		"install-add", "install-activate", "install-commit", "rommon-upgrade",
	};
	return (size_t)k < sizeof(n) / sizeof(n[0]) ? n[k] : "?";
}

const char *ip_plan_role_name(ip_plan_role r)
{
	return r == IP_ROLE_BLOCKS ? "blocks" : r == IP_ROLE_RESOLVED ? "resolved" : "noted";
}

const char *ip_plan_method_name(ip_plan_method m)
{
	return m == IP_METHOD_INSTALL ? "install" : m == IP_METHOD_TAR ? "tar" : "bundle";
}

/* Catalyst 9000 typed `request platform ... auto-copy` without `new`
 * (networktocode/pyntc install_os, after the Cat9300 17.2 release notes);
 * the Cat3650/3850 16.x form carries `new` (issue 21). */
static bool cat9k(const ip_plan *p)
{
	return p->check.platform.confreg_ignored;
}

const char *ip_plan_install_form(const ip_plan *p)
{
	if (p->method != IP_METHOD_INSTALL)
		return NULL;
	switch (p->install.flow) {
	case IP_FLOW_SOFTWARE_INSTALL:
		return "software install file ... new force";
	case IP_FLOW_REQUEST_PLATFORM:
		return cat9k(p) ? "request platform software package install switch all file ... "
				  "auto-copy"
				: "request platform software package install switch all file ... new "
				  "auto-copy";
	case IP_FLOW_NONE:
	case IP_FLOW_INSTALL:
		break;
	}
	if (p->converting)
		return "boot system packages.conf, then install add ... activate commit: bundle to "
		       "install mode";
	if (p->opts.install_steps == IP_STEPS_TWO_STEP)
		return "install add, install activate auto-abort-timer, install commit";
	return "install add ... activate commit";
}

/* The clean-up command of flow f: what deletes the packages and images
 * nothing boots. Evidence: install_flow.c (software clean: a captured
 * 3.x session; request platform ... clean switch all file flash:: issue
 * 21 and the Cat9300 16.6.1 release notes' "Use the switch all option to
 * clean up all the switches in your stack"). */
const char *plan_clean_command(const plan_bld *b, ip_install_flow f)
{
	switch (f) {
	case IP_FLOW_SOFTWARE_INSTALL:
		return "software clean";
	case IP_FLOW_REQUEST_PLATFORM:
		return ip_arena_printf(b->a, "request platform software package clean switch all "
				       "file %s", b->p->filesystem);
	case IP_FLOW_NONE:
	case IP_FLOW_INSTALL:
		break;
	}
	return "install remove inactive";
}

void ip_plan_options_defaults(ip_plan_options *o)
{
	memset(o, 0, sizeof(*o));
	o->transfer = IP_TRANSFER_TFTP;
	o->reload_in = 5;
	o->abort_timer = 120;
}

/* --- building steps ------------------------------------------------------- */

ip_plan_step *plan_step(plan_bld *b, ip_plan_phase ph, ip_plan_mode m, const char *title)
{
	ip_plan *p = b->p;
	b->cur = IP_PUSH(b->a, p->steps, p->n_steps, p->cap_steps);
	b->cur->phase = ph;
	b->cur->mode = m;
	b->cur->title = title;
	return b->cur;
}


static void why_append(plan_bld *b, const char *text)
{
	size_t n = strlen(text);
	b->why_buf = ip_arena_grow(b->a, b->why_buf, &b->why_cap, b->why_len + n + 1, 1);
	memcpy(b->why_buf + b->why_len, text, n + 1);
	b->why_len += n;
}

void plan_why(plan_bld *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = ip_arena_vprintf(b->a, fmt, ap);
	va_end(ap);
	ip_plan_step *st = b->cur;
	if (!st->why) {
		st->why = s;
		return;
	}
	if (b->why_step != st || st->why != b->why_buf) {
		/* the step's second sentence: the buffer starts with its first */
		b->why_buf = NULL;
		b->why_len = b->why_cap = 0;
		why_append(b, st->why);
		b->why_step = st;
	}
	why_append(b, " ");
	why_append(b, s);
	st->why = b->why_buf;
}

void plan_cmd(plan_bld *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_plan_step *st = b->cur;
	*IP_PUSH(b->a, st->commands, st->n_commands, st->cap_commands) = ip_arena_vprintf(b->a, fmt, ap);
	va_end(ap);
}

/* Every expect line with where it comes from, side by side: the source
 * array grows with the lines (one push each, the same index). */
static void expect_push(plan_bld *b, int form, ip_span span, const char *fmt, va_list ap)
{
	ip_plan_step *st = b->cur;
	size_t n = st->n_expect;
	ip_expect_src *src = IP_PUSH(b->a, st->expect_src, n, st->cap_expect_src);
	src->form = form;
	src->span = span;
	*IP_PUSH(b->a, st->expect, st->n_expect, st->cap_expect) = ip_arena_vprintf(b->a, fmt, ap);
}

void plan_expect(plan_bld *b, int form, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	expect_push(b, form, (ip_span){ 0 }, fmt, ap);
	va_end(ap);
}

void plan_expect_quote(plan_bld *b, ip_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	expect_push(b, IP_EXPECT_QUOTED, span, fmt, ap);
	va_end(ap);
}

void plan_expect_any(plan_bld *b, int form, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_plan_step *st = b->cur;
	size_t n = st->n_expect_any;
	ip_expect_src *src = IP_PUSH(b->a, st->expect_any_src, n, st->cap_expect_any_src);
	src->form = form;
	src->span = (ip_span){ 0 };
	*IP_PUSH(b->a, st->expect_any, st->n_expect_any, st->cap_expect_any) =
		ip_arena_vprintf(b->a, fmt, ap);
	va_end(ap);
}

void plan_prompt(plan_bld *b, const char *prompt, const char *answer, bool always,
		 const char *var)
{
	ip_plan_step *st = b->cur;
	ip_plan_prompt *pr = IP_PUSH(b->a, st->prompts, st->n_prompts, st->cap_prompts);
	pr->prompt = prompt;
	pr->answer = answer;
	pr->always = always;
	pr->var = var;
}

ip_plan_effect *plan_effect(plan_bld *b, ip_effect_kind k)
{
	ip_plan_step *st = b->cur;
	ip_plan_effect *e = IP_PUSH(b->a, st->effects, st->n_effects, st->cap_effects);
	e->kind = k;
	return e;
}

void plan_warn(plan_bld *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_plan *p = b->p;
	*IP_PUSH(b->a, p->warnings, p->n_warnings, p->cap_warnings) = ip_arena_vprintf(b->a, fmt, ap);
	va_end(ap);
}

static void reason(plan_bld *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void reason(plan_bld *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_plan *p = b->p;
	*IP_PUSH(b->a, p->reasons, p->n_reasons, p->cap_reasons) = ip_arena_vprintf(b->a, fmt, ap);
	va_end(ap);
}

/* --- the facts ------------------------------------------------------------ */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = s ? strlen(s) : 0, k = strlen(suffix);
	return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static const char *base(const char *p)
{
	const char *sl = p ? strrchr(p, '/') : NULL;
	return sl ? sl + 1 : p;
}

static bool listing_usable(const ip_filesystem *fs)
{
	return fs && fs->listed && fs->complete && fs->free.known;
}

/* A classic Catalyst tar ("c3750e-universalk9-tar.152-4.E10.tar") unpacks
 * into a directory named as its image, "-tar." read "-mz.", without ".tar":
 * the image is "c3750e-universalk9-mz.152-4.E10/c3750e-universalk9-mz.152-4.E10.bin". */
static void decide_tar(plan_bld *b)
{
	ip_plan *p = b->p;
	const char *name = p->target->name;
	const char *mark = strstr(name, "-tar.");
	if (p->check.platform.family != IP_FAMILY_SWITCH_CLASSIC) {
		reason(b, "%s is a tar archive: only classic Catalyst switches install those "
		       "(archive download-sw); give the .bin for this platform", name);
		return;
	}
	size_t n = strlen(name) - 4; /* without ".tar" */
	if (!mark || mark == name || (size_t)(mark - name) + 5 >= n) {
		reason(b, "%s: the image directory cannot be told from the tar's name (expected "
		       "PLATFORM-FEATURES-tar.RELEASE.tar)", name);
		return;
	}
	const char *dir = ip_arena_printf(b->a, "%.*s-mz.%.*s", (int)(mark - name), name,
					  (int)(n - (size_t)(mark - name) - 5), mark + 5);
	p->target_file = ip_arena_printf(b->a, "%s/%s.bin", dir, dir);
	p->method = IP_METHOD_TAR;
}

static void decide_target(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_target *t = p->target;
	bool bundle = t->parsed ? t->image.kind == IP_IMAGE_BUNDLE : ends_with(t->name, ".bin");
	p->target_file = t->name;
	if (ends_with(t->name, ".tar"))
		decide_tar(b);
	else if (!bundle)
		/* by the name's anatomy, not its suffix: Catalyst 6500 images
		 * often have none ("s72033-adventerprisek9_wan-mz.122-18.SXF7",
		 * image_name.h), and boot as a .bin does (issue 20, point 16) */
		reason(b, "%s is not a bootable image name: iosplan plans upgrades to a bundle "
		       "image (a .bin, or a classic name such as s72033-…-mz.122-33.SXI5; copy, "
		       "verify, boot system or install add) or, on a classic Catalyst, to a tar "
		       "(archive download-sw)", t->name);
	if (t->md5) {
		p->hash_algo = "md5";
		p->hash = t->md5;
	} else if (t->sha512) {
		p->hash_algo = "sha512";
		p->hash = t->sha512;
	} else {
		reason(b, "no reference hash for %s: the plan cannot verify the copy (give "
		       "--md5 or --sha512 from the download page)", t->name);
	}
	if (!t->size.known)
		reason(b, "the size of %s is unknown: the plan cannot check the room or the "
		       "copy (give --size from the download page)", t->name);
}

static const char *fact_hint(plan_bld *b, ip_fact f);

/* Where the image goes is the target's filesystem, else the platform's
 * default, else the running image's (ip_fs_view_init): show file systems
 * does not decide it, so the reason names what would (issue 23, point 3:
 * it asked for "show version and show file systems" on every device,
 * also where show version was captured in full and prints no image). */
static void dest_unknown(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	const char *model = d->platform.s ? d->platform.s : "a platform iosplan does not know";
	const char *running = d->system_image.raw
		? ip_arena_printf(b->a, "the running image %s names no filesystem", d->system_image.raw)
		: ip_arena_printf(b->a, "the running image is unknown (%s)", fact_hint(b, IP_FACT_IMAGE));
	reason(b, "the filesystem the image goes to is unknown: %s, and iosplan knows no default "
	       "filesystem for %s; name it with the target (--target flash:%s, or the "
	       "filesystem `dir` lists)", running, model, b->p->target_file);
}

static void decide_dest(plan_bld *b)
{
	ip_plan *p = b->p;
	const char *name = b->fsv.def;
	b->dest = name ? ip_fs_view_listing(&b->fsv, name) : NULL;
	if (!name) {
		dest_unknown(b);
		return;
	}
	if (!listing_usable(b->dest)) {
		reason(b, "no complete listing of %s with its free bytes: capture `show %s`",
		       name, name);
		b->dest = NULL;
		return;
	}
	p->filesystem = b->dest->name;
	p->image = ip_arena_printf(b->a, "%s%s", p->filesystem, p->target_file);
	b->have = ip_fs_lookup_file(b->dest, p->target_file);
	if (b->have && p->method == IP_METHOD_TAR)
		reason(b, "%s is already on %s: archive download-sw does not install an image "
		       "that is already there (boot it with boot system, or delete its directory "
		       "first)", p->target_file, p->filesystem);
	b->copy_needed = !b->have || !b->have->size.known || !p->target->size.known ||
			 b->have->size.v != p->target->size.v;
}

static bool install_mode(const ip_plan *p)
{
	const ip_device *d = p->dev;
	return p->check.platform.has_install_mode &&
	       (d->install_mode.v == IP_TRI_YES || ends_with(d->system_image.path, ".conf"));
}

/* The running image inside a directory a plain `dir flash:` lists without
 * its contents: flash:/c2960x-universalk9-mz.152-7.E8/c2960x-...E8.bin,
 * the layout archive download-sw leaves on classic Catalysts ("The Cisco
 * IOS image is stored as a .bin file in a directory that shows the version
 * number", Catalyst 3750-X and 3560-X Software Configuration Guide
 * OL-21521-01, App. B "Image Location on the Switch",
 * https://www.manualshelf.com/manual/cisco-systems/switch-3750-x/user-manual-english/page-1348.html).
 * show version's "System image file is" proves the switch loaded it at its
 * last boot, and the directory is still listed; whether the file is still
 * in it the listing cannot say, so the plan keeps it as the fallback only
 * behind a gated `dir flash:<dir>/` pre-check (the form DOMAIN.md §4 cites
 * from IchikawaYukko/ranbun:cisco_max_memory_size.md) that shows it. */
static void running_in_dir(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_path *run = &p->dev->system_image;
	const char *path = run->path;
	while (*path == '/')
		path++;
	const char *sl = strrchr(path, '/');
	if (!sl || b->dest->recursive ||
	    (run->filesystem && !ip_fs_view_same(&b->fsv, run->filesystem, b->dest->name)))
		return;
	size_t n = (size_t)(sl - path);
	const ip_file *d = ip_fs_lookup(b->dest, path, n);
	if (!d || !d->is_dir || ip_fs_dir_listed(b->dest, path, n))
		return;
	b->running_inferred = true;
	b->running_name = path;
	b->running_fs = b->dest->name;
	p->running = ip_arena_printf(b->a, "%s%s", b->dest->name, path);
	p->fallback_check = ip_arena_printf(b->a, "dir %s%.*s/", b->dest->name, (int)n, path);
	const ip_boot_list *l = p->check.platform.boot_from_bootvar ? &p->dev->bootvar
								   : &p->dev->boot_startup;
	bool named = false;
	for (size_t i = 0; l->known && i < l->n; i++)
		named |= l->v[i].kind == IP_BOOT_FILE && l->v[i].path &&
			 ip_fs_file_eq(b->dest->name, l->v[i].path + strspn(l->v[i].path, "/"), path);
	p->fallback_proof = ip_arena_printf(b->a, "show version says the device booted %s%s",
					    run->raw, named ? (p->check.platform.boot_from_bootvar
							       ? " and the BOOT variable names it"
							       : " and the boot statements name it")
							    : "");
}

/* The running image on another filesystem the device boots from
 * (ISR4321 or Cat9k on usbflash0:, ASR1006 on harddisk:; the model says
 * which, ip_fs_bootable): listed there, it is a fallback as good as one on
 * flash. The new image still goes to the destination, first in the boot
 * list; the old entry stays after it. */
static bool running_elsewhere(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_path *run = &p->dev->system_image;
	/* a stack: the USB stick is the active member's; a member booting on
	 * its own would find nothing there */
	if (!ip_fs_bootable(&p->check.platform, run->filesystem) || p->dev->n_members >= 2)
		return false;
	const ip_filesystem *fs = ip_fs_view_listing(&b->fsv, run->filesystem);
	const ip_file *f = fs && fs->listed ? ip_fs_lookup_file(fs, run->path) : NULL;
	if (!f)
		return false;
	b->running_name = f->name;
	b->running_fs = fs->name;
	p->running = ip_arena_printf(b->a, "%s%s", fs->name, f->name);
	return true;
}

/* --convert-to-install (issue 21 pt 4): a standalone Catalyst 9000 or
 * 3650/3850 in bundle mode, on a release with install add (Cisco 224890
 * converts with the one-shot install add ... activate commit; the VG400
 * guide's capture: "For Bundle-to-Install mode conversion, please use
 * one-shot CLI"). A stack is not converted here: each member's fallback
 * would need its own proof. */
static bool converts(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_platform *pl = &p->check.platform;
	bool cat = pl->confreg_ignored ||
		   (pl->series && (!strncasecmp(pl->series, "C3850", 5) ||
				   !strncasecmp(pl->series, "C3650", 5)));
	if (!p->opts.convert_install || !cat || p->dev->install_mode.v != IP_TRI_NO)
		return false;
	if (p->dev->n_members > 1) {
		plan_warn(b, "--convert-to-install: a stack is not converted by the plan (each "
			  "member keeps its own fallback): it is upgraded in bundle mode");
		return false;
	}
	const ip_rule_options *o = b->cfg ? &b->cfg->opts : NULL;
	ip_install_gate g;
	ip_install_gate_decide(&g, p->dev, pl, o ? o->install_since : NULL,
			       o ? o->n_install_since : 0, ip_arena_alloc(b->a, IP_VERSION_TEXT_SIZE));
	if (g.flow != IP_FLOW_INSTALL) {
		plan_warn(b, "--convert-to-install: %s has no install add; the plan upgrades in "
			  "bundle mode", g.running ? g.running : "the running release");
		return false;
	}
	return true;
}

static void decide_running(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_path *run = &p->dev->system_image;
	if (p->method != IP_METHOD_TAR)
		p->method = install_mode(p) ? IP_METHOD_INSTALL : IP_METHOD_BUNDLE;
	if (p->method == IP_METHOD_BUNDLE && converts(b)) {
		p->method = IP_METHOD_INSTALL;
		p->converting = true;
	}
	if (!run->path || !b->dest)
		return;
	/* already on the target: compliant, or a boot-list remediation, not a
	 * refusal (issue 20 point 9; ip_plan_build decides which), only when
	 * the file that runs is the target's file on the destination. The
	 * target's name elsewhere (a USB stick, a disk, a tar's directory,
	 * another path) is refused: the proof could not tell the two apart. */
	if (ip_fs_file_eq(run->filesystem, base(run->path), base(p->target_file))) {
		bool here = !run->filesystem ||
			    ip_fs_view_same(&b->fsv, run->filesystem, b->dest->name);
		bool runs_have = here && b->have && ip_fs_lookup_file(b->dest, run->path) == b->have;
		if (runs_have && !b->copy_needed && p->method != IP_METHOD_INSTALL)
			b->on_target = true;
		else if (runs_have && b->copy_needed)
			/* not a partial copy to replace (point 10): it runs */
			reason(b, "the device runs %s, which has the target's name but not its "
			       "size as known: the plan never replaces the running image (check "
			       "the target's size, or give it its own name)", run->raw);
		else
			reason(b, "the device already runs %s", run->raw);
	}
	const ip_file *f = NULL;
	if (!run->filesystem || ip_fs_view_same(&b->fsv, run->filesystem, b->dest->name))
		f = ip_fs_lookup_file(b->dest, run->path);
	else if (running_elsewhere(b))
		return;
	if (!f) {
		running_in_dir(b);
		return;
	}
	b->running_name = f->name;
	b->running_fs = b->dest->name;
	p->running = ip_arena_printf(b->a, "%s%s", b->dest->name, f->name);
}

/* Member m's flash listing: flash-N: or bootflash-N: (stack.h), else the
 * name classic IOS stacks print, flashN: (3750, 2960-S/X: "dir flash2:").
 * *name is what the commands call it, listed or not. */
static const ip_filesystem *member_listing(plan_bld *b, const ip_member *m, const char **name)
{
	const ip_device *d = b->p->dev;
	const char *classic = ip_arena_printf(b->a, "flash%d:", m->number);
	const ip_filesystem *fs = ip_stack_member_fs(d, m);
	if (!fs || !fs->listed)
		fs = ip_fs_view_listing(&b->fsv, classic);
	if (fs && fs->listed)
		*name = fs->name;
	else
		*name = ip_fs_member_name(b->a, d, &b->p->check.platform, m->number);
	return fs && fs->listed ? fs : NULL;
}

/* A member that is not Ready (V-Mismatch, Version Mismatch, Provisioned,
 * Removed...) is not in the stack: the active cannot copy to it, set its
 * BOOT variable or install on it. */
static bool member_ready(const ip_member *m)
{
	return !m->state.s || strcasecmp(m->state.s, "Ready") == 0;
}

static void member_not_ready(plan_bld *b, const ip_member *m)
{
	reason(b, "stack member %d is %s%s%s%s: it is not part of the stack, so the upgrade "
	       "would not reach it; bring it to the stack's release first (install mode: "
	       "`install autoupgrade`; classic: `archive copy-sw /destination-system %d %d`), "
	       "then capture again", m->number, m->state.s, m->version.s ? " (running " : "",
	       m->version.s ? m->version.s : "", m->version.s ? ")" : "", m->number,
	       ip_stack_active(b->p->dev) ? ip_stack_active(b->p->dev)->number : 1);
}

/* A stack: every other member's flash must be listed too, and every
 * member in the stack. */
static void decide_stack(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_device *d = p->dev;
	ip_span bad = d->stack_impossible;
	if (ip_span_known(bad)) {
		/* which member's flash is flash: is unknown (parsers/stack.h) */
		reason(b, "the switch table at %s:%u is one no stack prints, so the stack's "
		       "members are unknown: capture 'show version' and 'show switch' again",
		       bad.file ? bad.file : "(input)", (unsigned)bad.line);
		return;
	}
	if (d->n_members < 2 || !b->dest || !ip_fs_view_same(&b->fsv, b->dest->name, "flash:"))
		return;
	b->stack = true;
	const ip_member *active = ip_stack_active(d);
	p->active_member = active ? active->number : 1;
	size_t cap_no = 0;
	int *no = NULL;
	size_t n_no = 0;
	for (size_t i = 0; i < d->n_members; i++) {
		const ip_member *m = &d->members[i];
		if (!member_ready(m))
			member_not_ready(b, m);
		else if (m->mode.s && active && active->mode.s &&
			 strcasecmp(m->mode.s, active->mode.s) != 0)
			reason(b, "stack member %d runs in %s mode, the active member %d in %s: "
			       "convert it first, the plan has one method for the whole stack",
			       m->number, m->mode.s, active->number, active->mode.s);
		if (m->number == p->active_member)
			continue;
		const char *fs = NULL;
		const ip_filesystem *l = member_listing(b, m, &fs);
		if (!listing_usable(l)) {
			reason(b, "stack member %d: its flash (%s) was not listed completely: "
			       "capture `dir %s`", m->number, fs, fs);
			continue;
		}
		*IP_PUSH(b->a, p->member_fs, p->n_member_fs, b->cap_member_fs) = l->name;
		*IP_PUSH(b->a, no, n_no, cap_no) = m->number;
	}
	p->member_no = no;
}

#define CR_IGNORE 0x8040u /* bits that make the device ignore its startup-config */

/* The normal register: a .iosplan.yaml entry for the model, else the
 * platform's (as config-register reads it). */
static bool normal_register(plan_bld *b, uint32_t *v)
{
	const ip_device *d = b->p->dev;
	const ip_platform *pl = &b->p->check.platform;
	size_t best = 0;
	for (size_t i = 0; i < b->cfg->opts.n_normal_registers; i++) {
		const ip_normal_register *r = &b->cfg->opts.normal_registers[i];
		size_t n = r->model_prefix ? strlen(r->model_prefix) : 0;
		if (n > best && ((d->platform.s && strncasecmp(d->platform.s, r->model_prefix, n) == 0) ||
				 (pl->series && strncasecmp(pl->series, r->model_prefix, n) == 0))) {
			best = n;
			*v = r->value;
		}
	}
	if (best)
		return true;
	*v = pl->normal_confreg;
	return pl->has_normal_confreg && (*v & 0xF) >= 2 && !(*v & CR_IGNORE);
}

static void decide_register(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	const ip_platform *pl = &b->p->check.platform;
	bool sw = pl->family == IP_FAMILY_SWITCH_CLASSIC || pl->family == IP_FAMILY_SWITCH_XE;
	uint32_t normal = 0;
	bool has_normal = normal_register(b, &normal);
	b->fix_manual_boot = sw && d->manual_boot.v != IP_TRI_NO;
	if (d->confreg.known && (d->confreg.v & CR_IGNORE) && !(has_normal && d->confreg.v == normal)) {
		b->register_blocks = ip_arena_printf(b->a, "the device runs with register 0x%X now, "
			"which ignores the startup-config: its running-config may not be its real "
			"configuration, and the plan's save would overwrite the startup-config with it "
			"(restore the configuration first: copy startup-config running-config, then "
			"set the register back)", d->confreg.v);
		return;
	}
	if (pl->confreg_ignored || pl->family == IP_FAMILY_VIRTUAL ||
	    pl->family == IP_FAMILY_UNKNOWN)
		return;
	ip_register next = d->confreg_next.known ? d->confreg_next : d->confreg;
	if (!next.known || ((next.v & 0xF) >= 2 && !(next.v & CR_IGNORE)))
		return;
	if (pl->family == IP_FAMILY_SWITCH_CLASSIC || !has_normal) {
		b->register_blocks = ip_arena_printf(b->a, "the register will be 0x%X at the next "
			"reload, which does not boot normally, and iosplan knows no value to set it "
			"to on this platform", next.v);
		return;
	}
	/* only the boot field (and ignore bits) change: the console speed and
	 * every other bit stay (confreg.h, issue 20 point 6) */
	b->fix_register = true;
	b->register_value = ip_confreg_repair(next.v, has_normal, normal);
}

/* --- room on flash -------------------------------------------------------- */

typedef ip_del_cand cand; /* the model's (space.h) */

#define sat_add ip_space_add

static bool network_boot_ok(const plan_bld *b)
{
	ip_family f = b->p->check.platform.family;
	return b->p->method == IP_METHOD_BUNDLE &&
	       (f == IP_FAMILY_ROUTER_CLASSIC || f == IP_FAMILY_ROUTER_XE);
}

static void add_delete(plan_bld *b, const ip_filesystem *fs, const ip_file *f, const char *why)
{
	plan_delete *d = IP_PUSH(b->a, b->deletes, b->n_deletes, b->cap_deletes);
	d->filesystem = fs->name;
	d->file = f;
	d->why = why;
}

static const char *const class_why[] = {
	"neither running nor in any boot list",
	"in a boot list, but neither running nor the fallback: the plan replaces the boot list",
	"the running image: --allow-delete-running, the network fallback replaces it",
};

/* What fs can still boot (images, packages.conf in install mode) once the
 * deletions from `from` on are done; the target does not count. */
static size_t bootable_after(const plan_bld *b, const ip_filesystem *fs, size_t from)
{
	/* the files deleted, marked by index: one pass each, where asking
	 * every deletion about every file was their product */
	bool *gone = ip_arena_alloc(b->a, fs->n_files + 1);
	for (size_t j = from; j < b->n_deletes; j++) {
		const ip_file *f = b->deletes[j].file;
		if (f >= fs->files && f < fs->files + fs->n_files)
			gone[f - fs->files] = true;
	}
	size_t n = 0;
	for (size_t i = 0; i < fs->n_files; i++) {
		const ip_file *f = &fs->files[i];
		bool conf = b->p->method == IP_METHOD_INSTALL && ip_fs_file_eq(NULL, f->name, "packages.conf");
		if (gone[i] || f->is_dir || (f->size.known && f->size.v == 0) ||
		    (!conf && !ip_image_name_bootable(f->name)) ||
		    ip_fs_file_eq(fs->name, base(f->name), base(b->p->target_file)))
			continue;
		n++;
	}
	return n;
}

/* Pick the deletions that make `need` bytes free on fs; false when even
 * they are not enough, or when they would leave fs nothing to boot before
 * the new image is verified (unless the network fallback covers it). */
static bool make_room(plan_bld *b, const ip_filesystem *fs, uint64_t have, uint64_t need)
{
	size_t first = b->n_deletes;
	cand *c = ip_arena_alloc(b->a, (fs->n_files + 1) * sizeof(*c));
	size_t k = ip_space_candidates(b->p->dev, fs, b->p->target_file, c);
	bool running_ok = b->p->opts.allow_delete_running && network_boot_ok(b);
	size_t picked = ip_space_pick(c, k, have, need, running_ok ? IP_DEL_RUNNING : IP_DEL_FALLBACK,
				      &have);
	for (size_t i = 0; i < picked; i++) {
		add_delete(b, fs, c[i].file, class_why[c[i].cls]);
		b->delete_running |= c[i].cls == IP_DEL_RUNNING;
	}
	if (have >= need && !b->delete_running && !bootable_after(b, fs, first)) {
		b->last_image = fs->name;
		return false;
	}
	return have >= need;
}

/* What `install remove inactive` frees on fs: the model's answer
 * (ip_space_inactive, issue 21): the .bin images there but the target's,
 * and the packages of another release than the running one; the
 * running release's packages packages.conf does not name are not
 * knowable from a listing, so the room is a lower bound. */
static uint64_t inactive_bytes(const plan_bld *b, const ip_filesystem *fs)
{
	ip_inactive in;
	ip_space_inactive(&in, fs, b->p->dev->xe_version.s, b->p->target_file);
	return sat_add(in.bin_bytes, in.pkg_bytes);
}

/* Issue 21 pt 2: whether inactive packages exist on the destination or a
 * member's flash, so that `install remove inactive` goes before install
 * add even with room enough. Fed today from the files on flash
 * (ip_space_inactive: .pkg files of another release than the running
 * one); the parsed install state (`show install inactive`, branch
 * m21-state) is to feed it at merge. */
bool plan_has_inactive_packages(const plan_bld *b)
{
	if (ip_install_first_inactive(&b->p->dev->install))
		return true;
	for (size_t i = 0; b->dest && i <= b->p->n_member_fs; i++) {
		const ip_filesystem *fs = i ? ip_fs_view_listing(&b->fsv, b->p->member_fs[i - 1])
					    : b->dest;
		ip_inactive in;
		ip_space_inactive(&in, fs, b->p->dev->xe_version.s, b->p->target_file);
		if (in.n_pkg)
			return true;
	}
	return false;
}

/* The member number fs belongs to, or 0 for the active's. */
static int member_of(const plan_bld *b, const ip_filesystem *fs)
{
	for (size_t i = 0; i < b->p->n_member_fs; i++)
		if (ip_fs_prefix_eq(b->p->member_fs[i], fs->name))
			return b->p->member_no[i];
	return 0;
}

/* Install mode (issue 20, point 3): room comes from `install remove
 * inactive` on the whole stack, planned before the copy, or not at all;
 * the plan deletes no package file by hand. */
static void room_install(plan_bld *b, const ip_filesystem *fs, uint64_t free_b,
			 uint64_t freed, const ip_space_need *sn)
{
	if (free_b >= sn->total)
		return;
	if (sat_add(free_b, freed) >= sn->total && !b->p->converting) {
		b->remove_inactive = true;
		return;
	}
	if (b->p->converting) {
		b->space_blocks = ip_arena_printf(b->a, "%s needs %llu bytes free to convert (the "
			"image and the packages install add expands, plus the margin) and has %llu; "
			"the conversion keeps the running .bin as the fallback until the clean-up, so "
			"install remove inactive cannot make the room: free space by hand",
			fs->name, (unsigned long long)sn->total, (unsigned long long)free_b);
		return;
	}
	int m = member_of(b, fs);
	b->space_blocks = ip_arena_printf(b->a, "%s%s needs %llu bytes free (%llu for the image "
		"install add copies there, %llu for the packages it expands, %llu margin) and has "
		"%llu: %llu bytes short, even after install remove inactive (about %llu bytes of "
		"unused images)", m ? ip_arena_printf(b->a, "stack member %d: ", m) : "", fs->name,
		(unsigned long long)sn->total, (unsigned long long)sn->size,
		(unsigned long long)sn->expand, (unsigned long long)sn->margin,
		(unsigned long long)fs->free.v,
		(unsigned long long)(sn->total - sat_add(free_b, freed)), (unsigned long long)freed);
}

/* Once `install remove inactive` is planned, every .bin goes, a whole
 * copy of the target as well (nothing uses it yet): every member then
 * needs the image, its packages and the margin, from what is free after
 * the removal, and the target is copied even where it was. */
static void room_after_remove(plan_bld *b)
{
	const ip_rule_options *o = &b->cfg->opts;
	ip_space_opts so = { o->flash_margin_bytes, o->flash_margin_percent,
			     o->install_expand_percent };
	ip_space_need sn;
	ip_space_need_of(&sn, &so, b->p->target->size.v, true, true);
	b->copy_needed = true;
	b->need_dest = sn.total;
	for (size_t i = 0; i <= b->p->n_member_fs && !b->space_blocks; i++) {
		const ip_filesystem *fs = i ? ip_fs_view_listing(&b->fsv, b->p->member_fs[i - 1]) : b->dest;
		/* every .bin goes, the target's too, and the packages of
		 * other releases (ip_space_inactive with no target) */
		ip_inactive in;
		ip_space_inactive(&in, fs, b->p->dev->xe_version.s, NULL);
		uint64_t free_b = sat_add(fs->free.v, sat_add(in.bin_bytes, in.pkg_bytes));
		room_install(b, fs, free_b, 0, &sn); /* blocks when even that is short */
	}
}

/* Room on one filesystem for what the plan puts there. */
static void room_on(plan_bld *b, const ip_filesystem *fs, bool is_dest)
{
	const ip_target *t = b->p->target;
	bool install = b->p->method == IP_METHOD_INSTALL;
	const ip_file *have = ip_fs_lookup_file(fs, b->p->target_file);
	/* install add copies the .bin to every member and expands it there
	 * (issue 20, point 3): each member needs the image too */
	bool copy = !(have && have->size.known && have->size.v == t->size.v);
	const ip_rule_options *o = &b->cfg->opts;
	ip_space_opts so = { o->flash_margin_bytes, o->flash_margin_percent,
			     o->install_expand_percent };
	ip_space_need sn;
	ip_space_need_of(&sn, &so, t->size.v, copy, install);
	if (is_dest) { /* issue 22: the ROMMON package lands beside the image */
		b->rommon_bytes = plan_rommon_bytes(b, fs);
		sn.total = sat_add(sn.total, b->rommon_bytes);
	}
	uint64_t margin = sn.margin, need = sn.total;
	uint64_t free_b = fs->free.v;
	if (is_dest) {
		b->need_dest = need;
		b->margin = margin;
	}
	if (have && copy) {
		add_delete(b, fs, have, ip_arena_printf(b->a, "a partial or different copy of the "
			   "target (%llu bytes, not %llu)", (unsigned long long)have->size.v,
			   (unsigned long long)t->size.v));
		free_b = sat_add(free_b, have->size.v);
	}
	if (install) {
		room_install(b, fs, free_b, inactive_bytes(b, fs), &sn);
		return;
	}
	if (free_b >= need || make_room(b, fs, free_b, need))
		return;
	if (b->p->method == IP_METHOD_TAR) {
		b->space_blocks = ip_arena_printf(b->a, "%s needs %llu bytes free for the unpacked "
			"image (assumed as large as the tar, which is not compressed, plus the margin) "
			"and has %llu, even after deleting the images nothing boots; `archive "
			"download-sw /overwrite` would make room by deleting the running image before "
			"the new one is installed, leaving this member nothing to boot if the download "
			"fails: iosplan does not plan that (free space on it by hand, or install with "
			"/overwrite from the console)", fs->name, (unsigned long long)need,
			(unsigned long long)fs->free.v);
		return;
	}
	if (b->last_image) {
		b->space_blocks = ip_arena_printf(b->a, "%s needs %llu bytes free and has %llu: only "
			"deleting every image on it makes room, which leaves nothing to boot until the "
			"new image is verified", fs->name, (unsigned long long)need,
			(unsigned long long)fs->free.v);
		return;
	}
	b->space_blocks = ip_arena_printf(b->a, "%s needs %llu bytes free (%s) and has %llu; "
		"deleting every image that is neither running nor the fallback is not enough%s",
		fs->name, (unsigned long long)need,
		install ? "image, packages install add expands, margin" : "image and margin",
		(unsigned long long)fs->free.v,
		b->p->opts.allow_delete_running
			? (network_boot_ok(b) ? ", even with the running image"
					     : "; deleting the running image is planned only on "
					       "routers in bundle mode, which can boot from the network")
			: " (--allow-delete-running would also delete the running image)");
}

/* A tar is best verified on the switch against the published hash before
 * it is unpacked: possible when the active member's flash holds the tar
 * beside the unpacked image (twice its size, plus the margin) without
 * deleting anything. Else archive download-sw reads it from the server. */
static void decide_tar_local(plan_bld *b)
{
	uint64_t size = b->p->target->size.v;
	const ip_file *have = ip_fs_lookup_file(b->dest, b->p->target->name);
	if (b->p->method != IP_METHOD_TAR || b->space_blocks)
		return;
	if (have) { /* a tar of that name: the whole one is used, a partial one ignored */
		b->tar_have = b->tar_local = have->size.known && have->size.v == size;
		return;
	}
	/* the tar and, beside it, the directory it unpacks to, assumed as large
	 * (a tar is not compressed): the model's need with a 100 % expansion */
	const ip_rule_options *o = &b->cfg->opts;
	ip_space_opts so = { o->flash_margin_bytes, o->flash_margin_percent, 100 };
	ip_space_need sn;
	ip_space_need_of(&sn, &so, size, true, true);
	b->tar_local = !b->n_deletes && b->dest->free.v >= sn.total;
}

/* A tar plan onto a filesystem that already holds a directory of the name
 * the tar unpacks to (a download cut short, an earlier attempt) whose
 * contents the listing does not show: what archive download-sw does with
 * it is not known, and the proof cannot tell whether the image it holds
 * would boot (the property test found the member's "target fails" boot
 * undecidable). The plan refuses, naming the directory to inspect or
 * remove; a listing that opens it (dir /recursive) lets the plan treat
 * the image inside as any partial copy. */
static void tar_leftover(plan_bld *b)
{
	const ip_plan *p = b->p;
	const char *sl = p->method == IP_METHOD_TAR ? strrchr(p->target_file, '/') : NULL;
	if (!sl)
		return;
	size_t n = (size_t)(sl - p->target_file);
	for (size_t i = 0; i <= p->n_member_fs && !b->space_blocks; i++) {
		const ip_filesystem *fs = i ? ip_fs_view_listing(&b->fsv, p->member_fs[i - 1]) : b->dest;
		const ip_file *dir = fs ? ip_fs_lookup(fs, p->target_file, n) : NULL;
		if (!dir || !dir->is_dir || fs->recursive || ip_fs_dir_listed(fs, p->target_file, n))
			continue;
		b->space_blocks = ip_arena_printf(b->a, "%s already holds %.*s/, the directory "
			"the tar unpacks to, and the listing does not show what is in it (a "
			"download cut short?): capture `dir %s%.*s/` or `dir /recursive %s`, or "
			"remove it (`delete /force /recursive %s%.*s`)", fs->name, (int)n,
			p->target_file, fs->name, (int)n, p->target_file, fs->name, fs->name, (int)n,
			p->target_file);
	}
}

static void decide_room(plan_bld *b)
{
	if (!b->dest || !b->p->target->size.known)
		return;
	tar_leftover(b);
	if (b->space_blocks)
		return;
	room_on(b, b->dest, true);
	for (size_t i = 0; i < b->p->n_member_fs && !b->space_blocks; i++)
		room_on(b, ip_fs_view_listing(&b->fsv, b->p->member_fs[i]), false);
	/* issue 21 pt 2: on a Catalyst 9000 or an IOS-XE router whose release
	 * has install add, inactive packages go first even with room enough
	 * (the "when space is short or inactive packages exist") */
	const ip_plan *p = b->p;
	if (!b->remove_inactive && !b->space_blocks && p->method == IP_METHOD_INSTALL &&
	    !p->converting &&
	    p->install.flow == IP_FLOW_INSTALL &&
	    (p->check.platform.confreg_ignored || p->check.platform.family == IP_FAMILY_ROUTER_XE) &&
	    plan_has_inactive_packages(b)) {
		b->remove_inactive = true;
		b->remove_for_packages = true;
	}
	if (b->remove_inactive && !b->space_blocks)
		room_after_remove(b);
	if (b->space_blocks) {
		b->n_deletes = 0;
		b->remove_inactive = false;
	}
	decide_tar_local(b);
}

/* --- which findings the plan repairs -------------------------------------- */

/* The plan decides by the contract of rules/rule.h: the repair policy the
 * rule declares (stamped on each finding) and the finding's typed subject,
 * never by a rule's id or its message. */

/* The plan replaces every boot list it writes and saves it: a finding about
 * a boot entry or a boot list is one it repairs; one about the target (say,
 * its filesystem prefix) is not. */
static bool about_boot_list(const ip_finding *f)
{
	return f->subject.kind == IP_SUBJ_BOOT_ENTRY || f->subject.kind == IP_SUBJ_BOOT_LIST;
}

static const char *list_note(const plan_bld *b)
{
	const ip_plan *p = b->p;
	if (p->method == IP_METHOD_INSTALL)
		return "the plan sets the BOOT variable to packages.conf and saves it";
	const char *note = ip_arena_printf(b->a, "the plan replaces the boot list (%s first%s%s) "
					   "and saves it", p->image ? p->image : "the target",
					   p->fallback ? ", then " : "",
					   p->fallback ? p->fallback : "");
	/* issue 20, point 11: say where the fallback comes from on a member */
	for (size_t i = 0; i < b->n_fb_members; i++)
		note = ip_arena_printf(b->a, "%s%s%s", note, i ? ", " : "; before that it copies "
				       "the running image to ", b->fb_members[i]);
	if (b->n_fb_members)
		note = ip_arena_printf(b->a, "%s and verifies it there, so every member keeps the "
				       "fallback", note);
	return note;
}

static const char *deletes_note(const plan_bld *b)
{
	if (b->remove_inactive)
		return ip_arena_printf(b->a, "the plan runs %s after the backup, before the copy",
				       plan_clean_command(b, b->p->install.flow));
	if (!b->n_deletes)
		return "the copy fits";
	/* measured, then written once: a printf per file copied the list
	 * so far each time, memory in the square of the deletions */
	size_t len = 0;
	for (size_t i = 0; i < b->n_deletes; i++)
		len += 2 + strlen(b->deletes[i].filesystem) + strlen(b->deletes[i].file->name);
	char *s = ip_arena_alloc_raw(b->a, len + 1), *p = s;
	for (size_t i = 0; i < b->n_deletes; i++) {
		if (i)
			p = stpcpy(p, ", ");
		p = stpcpy(stpcpy(p, b->deletes[i].filesystem), b->deletes[i].file->name);
	}
	*p = '\0';
	return ip_arena_printf(b->a, "the plan deletes %s after the backup, before the copy", s);
}

/* Members that differ now (release, or a BOOT list or flash without the
 * target) all come out of the plan on the target: it copies to (or
 * installs on) every member and sets `boot system switch all`. Not when
 * a member is out of the stack, or the members mix install and bundle
 * modes (the plan has one method for all). */
static bool stack_repairable(const ip_device *d)
{
	const char *mode = NULL;
	for (size_t i = 0; i < d->n_members; i++) {
		const ip_member *m = &d->members[i];
		if (!member_ready(m))
			return false;
		if (m->mode.s && mode && strcasecmp(m->mode.s, mode) != 0)
			return false;
		mode = m->mode.s ? m->mode.s : mode;
	}
	return true;
}

static const char *stack_note(const plan_bld *b)
{
	if (!b->stack || !stack_repairable(b->p->dev))
		return "a member is out of the stack or in another mode: the plan cannot reach it "
		       "(see the reasons)";
	return b->p->method == IP_METHOD_INSTALL
		       ? "install add ... activate commit puts the target on every member"
		       : "the plan copies the target to every member's flash and sets `boot system "
			 "switch all`";
}

/* 65,535 blocks of 8192 bytes: what TFTP carries with `ip tftp blocksize
 * 8192` and no block-number rollover (rules/tftp_transfer.c). */
#define TFTP_BIG_BLOCKS_BYTES (65535ull * 8192ull)

/* TFTP chosen for an image the tftp-transfer finding calls large (issue
 * 20, point 15): the plan raises the block size for the copy rather than
 * contradict its own finding. Up to 65,535 x 8,192 bytes that carries it;
 * beyond, only rollover does, which no capture can promise: a warning. */
static void decide_tftp(plan_bld *b)
{
	const ip_plan *p = b->p;
	bool copies = p->method == IP_METHOD_TAR ? !b->tar_have : b->copy_needed;
	bool large = false;
	for (size_t i = 0; i < p->check.n_findings; i++)
		large |= p->check.findings[i].repair == IP_REPAIR_TRANSFER;
	if (!large || !copies || p->opts.transfer != IP_TRANSFER_TFTP || !p->target->size.known)
		return;
	b->tftp_blocksize = true;
	if (p->target->size.v > TFTP_BIG_BLOCKS_BYTES)
		plan_warn(b, "%s is %llu bytes, more than %llu bytes (65,535 blocks of 8192): the "
			  "TFTP copy completes only if the device and the server roll the block number "
			  "over; if it stops short, copy it with --transfer scp", p->target->name,
			  (unsigned long long)p->target->size.v, TFTP_BIG_BLOCKS_BYTES);
}

/* The large-image finding under TFTP: resolved when 8192-byte blocks
 * carry the image, else noted (decide_tftp warns). */
static ip_plan_role tftp_large(const plan_bld *b, const char **note)
{
	if (!b->tftp_blocksize)
		return IP_ROLE_NOTED;
	if (b->p->target->size.v <= TFTP_BIG_BLOCKS_BYTES) {
		*note = "the plan sets ip tftp blocksize 8192 for the copy (65,535 blocks of 8192 "
			"bytes carry it if the server takes the blocksize option) and removes it in the "
			"clean-up";
		return IP_ROLE_RESOLVED;
	}
	*note = "the plan sets ip tftp blocksize 8192, which is not enough for this size on its "
		"own: the TFTP copy completes only if the device and the server roll the block "
		"number over (--transfer scp avoids the question)";
	return IP_ROLE_NOTED;
}

/* Whether the plan deletes the device copy of the target a finding is
 * about (a partial or corrupt copy, IP_REPAIR_RECOPY) before it copies
 * the target afresh: only a file subject, and only one the plan's own
 * deletions name; never the running image (decide_running refuses a
 * target of the running image's name). */
static bool deletes_copy(const plan_bld *b, const ip_subject *s)
{
	if (s->kind != IP_SUBJ_FILE || !s->name || !b->dest || !b->copy_needed)
		return false;
	if (s->filesystem && !ip_fs_view_same(&b->fsv, s->filesystem, b->dest->name))
		return false;
	for (size_t i = 0; i < b->n_deletes; i++)
		if (ip_fs_prefix_eq(b->deletes[i].filesystem, b->dest->name) &&
		    ip_fs_file_eq(b->dest->name, b->deletes[i].file->name, s->name))
			return true;
	return false;
}

/* Whether the plan repairs f (its note says how) or f blocks it; what the
 * plan leaves alone blocks at error and is noted below. */
static ip_plan_role repairable(plan_bld *b, const ip_finding *f, const char **note)
{
	const ip_plan *p = b->p;
	switch (f->repair) {
	case IP_REPAIR_BOOT_LIST:
		if (!about_boot_list(f))
			break;
		*note = list_note(b);
		return IP_ROLE_RESOLVED;
	case IP_REPAIR_REGISTER:
		if (b->register_blocks) {
			*note = b->register_blocks;
			return IP_ROLE_BLOCKS;
		}
		if (!b->fix_register && !b->fix_manual_boot)
			break;
		*note = b->fix_register ? ip_arena_printf(b->a, "the plan sets config-register 0x%X",
							  b->register_value)
					: "the plan runs no boot manual";
		return IP_ROLE_RESOLVED;
	case IP_REPAIR_ROOM:
		*note = b->space_blocks ? b->space_blocks : deletes_note(b);
		return b->space_blocks ? IP_ROLE_BLOCKS : IP_ROLE_RESOLVED;
	case IP_REPAIR_METHOD:
		if (f->severity >= IP_SEV_ERROR || p->method != IP_METHOD_INSTALL)
			break;
		*note = ip_arena_printf(b->a, "the plan upgrades with %s", ip_plan_install_form(p));
		return IP_ROLE_RESOLVED;
	case IP_REPAIR_STACK:
		*note = stack_note(b);
		return b->stack && stack_repairable(p->dev) ? IP_ROLE_RESOLVED : IP_ROLE_BLOCKS;
	case IP_REPAIR_TRANSFER:
		if (p->opts.transfer == IP_TRANSFER_SCP) {
			*note = "the plan copies with scp";
			return IP_ROLE_RESOLVED;
		}
		return tftp_large(b, note);
	case IP_REPAIR_RECOPY:
		if (!deletes_copy(b, &f->subject))
			break;
		*note = ip_arena_printf(b->a, "the plan deletes %s%s after the backup and copies the "
					"target afresh, verified", p->filesystem, f->subject.name);
		return IP_ROLE_RESOLVED;
	case IP_REPAIR_SETTLE: /* at any severity: the plan would be undone */
		*note = p->install.flow == IP_FLOW_SOFTWARE_INSTALL
			/* IOS-XE 3.x Catalyst 3k (rules/install_pending.c) */
			? "settle it first: `software commit` keeps the running software, "
			  "`software rollback` returns to the one before the install; then plan again"
			: "settle it first: `install commit` keeps the running software, "
			  "`install abort` returns to the committed one; then plan again";
		return IP_ROLE_BLOCKS;
	case IP_REPAIR_ROMMON: /* issue 22: the ROMMON steps, when the catalogue and
				* the platform table give what they need */
		if (f->subject.kind != IP_SUBJ_ROMMON)
			break;
		*note = plan_rommon_decide(b);
		if (*note)
			return f->severity == IP_SEV_ERROR ? IP_ROLE_BLOCKS : IP_ROLE_NOTED;
		*note = ip_arena_printf(b->a, "the plan upgrades the ROMMON with %s before its "
					"reload", p->rommon_pkg);
		return IP_ROLE_RESOLVED;
	case IP_REPAIR_UNDECLARED:
	case IP_REPAIR_NONE:
	case IP_REPAIR__COUNT:
		break;
	}
	return f->severity == IP_SEV_ERROR ? IP_ROLE_BLOCKS : IP_ROLE_NOTED;
}

static bool classify_findings(plan_bld *b)
{
	ip_plan *p = b->p;
	bool blocks = false;
	decide_tftp(b);
	p->n_findings = p->check.n_findings;
	p->findings = ip_arena_alloc(b->a, (p->n_findings + 1) * sizeof(*p->findings));
	for (size_t i = 0; i < p->n_findings; i++) {
		ip_plan_finding *pf = &p->findings[i];
		pf->finding = &p->check.findings[i];
		pf->role = repairable(b, pf->finding, &pf->note);
		blocks |= pf->role == IP_ROLE_BLOCKS;
	}
	return blocks;
}

/* --- the whole ------------------------------------------------------------ */

/* Each member falls back to its own copy of the running image: a member
 * whose flash has none has no fallback. */
/* A member's copy of a running image inside a directory its plain `dir`
 * lists unopened (archive download-sw installs on every member): kept as
 * that member's fallback behind its own gated `dir`, when the member runs
 * the active's release (show version's switch table) or its own BOOT
 * variable names the image. */
static bool member_inferred(plan_bld *b, const ip_filesystem *fs, int number)
{
	const ip_device *d = b->p->dev;
	const char *path = b->running_name, *sl = strrchr(path, '/');
	const ip_file *dir = sl ? ip_fs_lookup(fs, path, (size_t)(sl - path)) : NULL;
	if (!b->running_inferred || !dir || !dir->is_dir || fs->recursive ||
	    ip_fs_dir_listed(fs, path, (size_t)(sl - path)))
		return false;
	for (size_t k = 0; k < d->n_members; k++) {
		const ip_member *m = &d->members[k];
		if (m->number != number)
			continue;
		for (size_t j = 0; m->bootvar.known && j < m->bootvar.n; j++)
			if (m->bootvar.v[j].path && ip_fs_file_eq(fs->name, m->bootvar.v[j].path, path))
				return true;
		return m->version.s && d->version.s && strcmp(m->version.s, d->version.s) == 0;
	}
	return false;
}

/* The bytes member flash fs has for a copy of the running image once the
 * plan's own changes are made there: what is free, plus what the plan
 * deletes on it, less the target when it is copied there and the margin
 * the space model keeps free (room_on). */
static uint64_t member_spare(const plan_bld *b, const ip_filesystem *fs)
{
	const ip_target *t = b->p->target;
	uint64_t free_b = fs->free.known ? fs->free.v : 0, used = b->margin;
	for (size_t k = 0; k < b->n_deletes; k++)
		if (ip_fs_prefix_eq(b->deletes[k].filesystem, fs->name) &&
		    b->deletes[k].file->size.known)
			free_b = sat_add(free_b, b->deletes[k].file->size.v);
	const ip_file *have = ip_fs_lookup_file(fs, t->name);
	if (!(have && have->size.known && t->size.known && have->size.v == t->size.v))
		used = sat_add(used, t->size.v);
	return free_b > used ? free_b - used : 0;
}

/* Issue 20, point 11: a member without the running image keeps a dead
 * fallback (`boot system switch all flash:OLD` finds nothing on its own
 * flash). In bundle mode, with the running image at the root of the
 * active's flash and its size listed, the plan copies it to that member
 * over the stack (`copy flash:OLD flashN:`, the active naming the
 * member's flash as in copy_members) and verifies the copy against the
 * MD5 the active computes of its own, the copy that runs; when the
 * member has no room for it beside the target and the margin, it refuses
 * with the bytes short. A tar plan (archive download-sw) and an image in
 * a directory are left to the refusal: the copy would need the directory
 * made on the member first, which the plan does not model. Returns
 * whether the copy is planned. */
static bool member_copy_fallback(plan_bld *b, const ip_filesystem *fs, int number)
{
	ip_plan *p = b->p;
	const ip_file *run = b->dest && b->running_name && !b->running_inferred
		? ip_fs_lookup_file(b->dest, b->running_name) : NULL;
	if (p->method != IP_METHOD_BUNDLE || !run || run->is_dir || !run->size.known ||
	    strchr(b->running_name, '/') || !fs->free.known || !p->target->size.known)
		return false;
	uint64_t spare = member_spare(b, fs);
	if (spare >= run->size.v) {
		b->running_size = run->size.v;
		*IP_PUSH(b->a, b->fb_members, b->n_fb_members, b->cap_fb_members) = fs->name;
		return true;
	}
	if (p->opts.allow_no_fallback)
		return false;
	reason(b, "stack member %d has no copy of the running image on %s and no room for "
	       "one: %s needs %llu bytes there beside the target and the %llu-byte margin, "
	       "and %s has %llu once the plan's copies and deletions are made: %llu bytes "
	       "short, so if the new image fails to load there that member has no fallback "
	       "(free space on %s, or give --allow-no-fallback)", number,
	       fs->name, b->running_name, (unsigned long long)run->size.v,
	       (unsigned long long)b->margin, fs->name,
	       (unsigned long long)spare, (unsigned long long)(run->size.v - spare), fs->name);
	return true;
}

static void members_fallback(plan_bld *b)
{
	ip_plan *p = b->p;
	for (size_t i = 0; i < p->n_member_fs; i++) {
		const ip_filesystem *fs = ip_fs_view_listing(&b->fsv, p->member_fs[i]);
		bool gone = false;
		for (size_t k = 0; k < b->n_deletes; k++)
			gone |= ip_fs_prefix_eq(b->deletes[k].filesystem, fs->name) &&
				ip_fs_file_eq(fs->name, b->deletes[k].file->name, b->running_name);
		if (ip_fs_lookup_file(fs, b->running_name) && !gone)
			continue;
		if (!gone && member_inferred(b, fs, p->member_no[i])) {
			*IP_PUSH(b->a, b->member_checks, b->n_member_checks, b->cap_member_checks) =
				fs->name;
			continue;
		}
		if (!gone && member_copy_fallback(b, fs, p->member_no[i]))
			continue;
		if (!p->opts.allow_no_fallback) {
			/* why the plan does not copy it itself (member_copy_fallback) */
			const char *why = p->method == IP_METHOD_TAR
				? "; archive download-sw does not restore it, and the plan "
				  "copies a running image to a member only in bundle mode"
				: strchr(b->running_name, '/')
				? "; the plan copies a running image to a member only from the "
				  "root of flash, not from a directory it would have to make there"
				: "";
			reason(b, "stack member %d has no copy of the running image on %s, so if the "
			       "new image fails to load there that member has no fallback (copy %s "
			       "to it first, or give --allow-no-fallback)%s", p->member_no[i],
			       p->member_fs[i], b->running_name, gone ? "" : why);
			continue;
		}
		p->no_fallback_warned = true;
		plan_warn(b, "stack member %d has no copy of the running image on %s, so if the new "
			  "image fails to load there that member has no fallback (copy %s to it "
			  "first to have one)", p->member_no[i], p->member_fs[i], b->running_name);
	}
}

/* What would give fact f on this device (fact_hint.h): "capture 'show
 * version'" when it was not taken, "show version was cut short ..." when
 * it was cut, or what else gives it when this platform's show version,
 * captured in full, does not print it (issue 23: never ask again for a
 * capture the user gave). */
static const char *fact_hint(plan_bld *b, ip_fact f)
{
	return ip_fact_hint_of(b->a, b->p->dev, &b->p->check.platform, f).text;
}

/* No fallback is proved and none was allowed (--allow-no-fallback): the
 * refusal names what to capture, or what is gone. A plan whose failed
 * boot ends at ROMMON is not printed as a success (issue 20, point 1). */
static void no_fallback_refused(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_path *run = &p->dev->system_image;
	/* the filesystem the image goes to, decided or (listing unusable) named */
	const char *fs = p->filesystem ? p->filesystem : b->fsv.def ? b->fsv.def : "flash:";
	if (!run->path) {
		reason(b, "no fallback is proved: the running image is unknown (%s), so the plan "
		       "cannot keep it; give --allow-no-fallback to plan without one",
		       fact_hint(b, IP_FACT_IMAGE));
		return;
	}
	if (run->filesystem && !ip_fs_view_same(&b->fsv, run->filesystem, fs)) {
		/* on usbflash0:, harddisk:...: a fallback only where the device
		 * boots from it (ip_fs_bootable) and a listing shows the file */
		if (p->dev->n_members >= 2)
			reason(b, "no fallback is proved: the running image %s is on %s, which only "
			       "the active member has: copy it to every member's flash first, or give "
			       "--allow-no-fallback to plan without one", run->raw, run->filesystem);
		else if (ip_fs_bootable(&p->check.platform, run->filesystem))
			reason(b, "no fallback is proved: the running image %s is on %s, which the "
			       "captures do not list with it (capture `dir %s`), or give "
			       "--allow-no-fallback to plan without one", run->raw, run->filesystem,
			       run->filesystem);
		else
			reason(b, "no fallback is proved: the running image %s is on %s, which this "
			       "platform is not known to boot from at reload (only its own flash "
			       "counts), so the plan cannot keep it; copy it to %s first, or give "
			       "--allow-no-fallback to plan without one", run->raw, run->filesystem, fs);
		return;
	}
	const char *path = run->path + strspn(run->path, "/");
	const char *sl = strrchr(path, '/');
	bool dir_listed = sl && b->dest && ip_fs_lookup(b->dest, path, (size_t)(sl - path));
	if (sl && b->dest && !b->dest->recursive)
		reason(b, "no fallback is proved: the running image %s is in a directory %s "
		       "(capture `dir %s%.*s/` or `dir /recursive %s`), or give "
		       "--allow-no-fallback to plan without one", run->raw,
		       dir_listed ? "whose contents the captured listing does not show"
				  : "the captured listing does not show either",
		       fs, (int)(sl - path), path, fs);
	else if (!b->dest)
		reason(b, "no fallback is proved: no complete listing of %s shows the running "
		       "image %s (capture `show %s`), or give --allow-no-fallback to plan "
		       "without one", fs, run->raw, fs);
	else
		reason(b, "no fallback is proved: the running image %s is not on %s in the "
		       "captured listing, so if the new image fails to boot nothing falls back "
		       "(copy it back, or capture the listing of the filesystem it is on); give "
		       "--allow-no-fallback to plan without one", run->raw, fs);
}

/* Remediation: the device runs the target, so the fallback is the image
 * the reload would load as captured, when it is another image on the
 * destination (the one the boot list or the first-image search picks now). */
static void remedy_fallback(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_boot_prediction *nb = &p->check.next_boot;
	const ip_file *f = NULL;
	if (nb->outcome == IP_NEXT_IMAGE && nb->path && b->dest &&
	    (!nb->filesystem || ip_fs_view_same(&b->fsv, nb->filesystem, b->dest->name)) &&
	    !ip_fs_file_eq(NULL, base(nb->path), base(p->target_file)))
		f = ip_fs_lookup_file(b->dest, nb->path);
	if (f && !f->is_dir) {
		b->fallback_name = f->name;
		p->fallback = ip_arena_printf(b->a, "%s%s", b->dest->name, f->name);
		return;
	}
	p->no_fallback_warned = true;
	plan_warn(b, "the device already runs the target and would boot no other image on %s "
		  "next: the plan has no fallback image, and if the target fails to load the "
		  "device falls to the first-image search or ROMMON",
		  p->filesystem ? p->filesystem : "flash");
}

/* Remediation on a stack: the plan copies nothing, so every member must
 * hold the target whole already; a member without the fallback image has
 * no fallback. */
static void remedy_members(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_target *t = p->target;
	for (size_t i = 0; i < p->n_member_fs; i++) {
		const ip_filesystem *fs = ip_fs_view_listing(&b->fsv, p->member_fs[i]);
		const ip_file *f = fs ? ip_fs_lookup_file(fs, p->target_file) : NULL;
		if (!f || !f->size.known || !t->size.known || f->size.v != t->size.v) {
			reason(b, "stack member %d: %s holds no whole copy of the target %s, and a "
			       "remediation copies nothing: copy it there first", p->member_no[i],
			       p->member_fs[i], p->target_file);
			continue;
		}
		if (b->fallback_name && fs && ip_fs_lookup_file(fs, b->fallback_name))
			continue;
		p->no_fallback_warned = true;
		plan_warn(b, "stack member %d has no copy of the fallback image on %s: if the "
			  "target fails to load there, that member has no fallback",
			  p->member_no[i], p->member_fs[i]);
	}
}

/* Install mode: which commands the running release has (issue 21). One
 * decision, the model's (ip_install_gate_decide), for the steps, the
 * findings' notes and the writers; an UNCONFIRMED boundary that decided
 * it is said as a warning. */
static void decide_install_flow(plan_bld *b)
{
	ip_plan *p = b->p;
	if (p->method != IP_METHOD_INSTALL) {
		if (p->opts.install_steps == IP_STEPS_TWO_STEP && p->method == IP_METHOD_BUNDLE &&
		    p->check.platform.has_install_mode)
			plan_warn(b, "--install-steps two-step applies to install mode; the device "
				  "runs in bundle mode and is upgraded with boot system");
		return;
	}
	const ip_rule_options *o = b->cfg ? &b->cfg->opts : NULL;
	const ip_install_since *ov = o ? o->install_since : NULL;
	size_t n = o ? o->n_install_since : 0;
	ip_install_gate_decide(&p->install, p->dev, &p->check.platform, ov, n,
			       ip_arena_alloc(b->a, IP_VERSION_TEXT_SIZE));
	const ip_target *t = p->target;
	const char *tv = t && t->parsed ? t->image.version.raw : NULL;
	ip_install_gate_release(&p->install_after, tv, &p->check.platform, ov, n,
				ip_arena_alloc(b->a, IP_VERSION_TEXT_SIZE));
	const ip_install_gate *g = &p->install;
	if (p->opts.install_steps == IP_STEPS_TWO_STEP && g->flow != IP_FLOW_INSTALL &&
	    g->flow != IP_FLOW_NONE)
		plan_warn(b, "--install-steps two-step needs install add, activate and commit, "
			  "which %s does not have: the plan uses %s", g->running,
			  ip_plan_install_form(p));
	/* issue 21 pt 4: a router in install mode before `install add`. Cisco
	 * documents its procedure (Webex help "Enroll Cisco IOS managed
	 * gateways to Webex Cloud", https://help.webex.com/en-us/article/
	 * xftgfc/Enroll-Cisco-IOS-Managed-Gateways-to-Webex-Cloud: mkdir,
	 * `request platform software package expand file bootflash:/<image>.bin
	 * to bootflash:/image`, `no boot system`, `boot system
	 * bootflash:/image/packages.conf`, save, reload; Cisco's CSM plugin
	 * csmpe ios_xe/install.py runs the same), but no Cisco document gives
	 * the release from which these routers have `install add` (research21
	 * 3): with the boundary an assumption the plan cannot tell which of the
	 * two procedures the device needs, so it refuses and names both. */
	if (g->flow == IP_FLOW_NONE && g->running && g->running[0] == '3')
		reason(b, "the device runs IOS-XE %s in install mode, which has no `install add`: "
		       "Cisco's documented procedure is `request platform software package expand "
		       "file bootflash:<image>.bin to bootflash:<dir>`, then `no boot system`, `boot "
		       "system bootflash:<dir>/packages.conf`, save and reload (Cisco Webex help "
		       "\"Enroll Cisco IOS managed gateways to Webex Cloud\"); iosplan does not "
		       "write it for a 3.x router (no capture of its output on 3.x): upgrade it by "
		       "hand", g->running);
	else if (g->flow == IP_FLOW_NONE)
		reason(b, "the device runs %s in install mode; the plan takes this router to have "
		       "`install add` only from %s on %s (%s%s), so %s gets no install add plan. Before "
		       "`install add`, Cisco's documented procedure is `request platform software "
		       "package expand file bootflash:<image>.bin to bootflash:<dir>`, then `no "
		       "boot system`, `boot system bootflash:<dir>/packages.conf`, save and reload "
		       "(Cisco Webex help \"Enroll Cisco IOS managed gateways to Webex Cloud\"); "
		       "iosplan does not write it on a boundary no Cisco document gives: upgrade "
		       "by hand, or set install_commands_since in .iosplan.yaml if this release "
		       "has install add", g->running, g->since ? g->since : "?",
		       p->check.platform.series ? p->check.platform.series : "this series",
		       g->source ? g->source : "",
		       g->assumed ? ": an assumption, not a documented boundary" : "", g->running);
	if (g->version_unknown)
		plan_warn(b, "the running release is not in the captures: the plan assumes it has "
			  "install add; on an older release (IOS-XE 3.x, early 16.x) the commands "
			  "differ (%s)", fact_hint(b, IP_FACT_VERSION));
	else if (g->assumed && g->since && g->flow != IP_FLOW_NONE)
		plan_warn(b, "which install commands %s has depends on the release: the plan "
			  "assumes install add exists from %s on %s (%s), so on %s it uses %s; set "
			  "install_commands_since in .iosplan.yaml if your release notes say "
			  "otherwise", g->running, g->since, p->check.platform.series, g->source,
			  g->running, ip_plan_install_form(p));
}

static void decide_fallback(plan_bld *b)
{
	ip_plan *p = b->p;
	p->server = p->opts.server ? p->opts.server : "<server>";
	if (b->on_target) {
		remedy_fallback(b);
		remedy_members(b);
		return;
	}
	if (!p->opts.server)
		plan_warn(b, "no --tftp-server given: replace <server> in the commands with the "
			  "transfer server's address");
	if (p->method == IP_METHOD_INSTALL && !p->converting) {
		p->no_fallback_warned = true;
		plan_warn(b, "install mode keeps no second boot entry: if the new packages do not "
			  "boot, the switch stops at the switch: prompt; recover from there (boot "
			  "a .bin still on flash, or the seed's ROMMON procedure)");
		return;
	}
	if (b->delete_running) {
		p->network_fallback = true;
		p->fallback = ip_arena_printf(b->a, "tftp %s %s", b->running_name, p->server);
		/* conditional, never proved (issue 20, point 4): the ROMMON
		 * network boot needs its own IP variables and runs on the first
		 * LAN port only (Cisco doc 12714, "How to Download a Software
		 * Image to Cisco 2600/2800/3800 series router through TFTP Using
		 * the tftpdnld ROMmon Command", mirror
		 * https://studylib.net/doc/14537499/how-to-download-a-software-image-to-cisco) */
		p->no_fallback_warned = true;
		plan_warn(b, "--allow-delete-running: the running image %s is deleted before the "
			  "new one is copied; until the new image is verified the only fallback is "
			  "booting %s from %s over TFTP, a condition rather than a proof: the ROM "
			  "monitor must reach the server with its own IP settings (IP_ADDRESS, "
			  "IP_SUBNET_MASK, DEFAULT_GATEWAY, TFTP_SERVER), usually on the first LAN or "
			  "management port only, and the server must stay reachable and serve the "
			  "file over TFTP; have console access ready", p->running, b->running_name,
			  p->server);
		return;
	}
	if (b->running_name) {
		p->fallback = p->running;
		if (b->running_inferred)
			plan_warn(b, "the fallback %s is not in the captured listing (%s lists its "
				  "directory, not what it holds): %s; the pre-check `%s` must show "
				  "it before anything changes", p->running, p->filesystem,
				  p->fallback_proof, p->fallback_check);
		members_fallback(b);
		return;
	}
	if (!p->opts.allow_no_fallback) {
		no_fallback_refused(b);
		return;
	}
	p->no_fallback_warned = true;
	plan_warn(b, "the running image is not on %s in the captured listing: the plan has no "
		  "fallback image, and if the new one fails to boot the device falls to the "
		  "first-image search or ROMMON (--allow-no-fallback)",
		  p->filesystem ? p->filesystem : "flash");
}

/* The listed file that differs from entry e's only in letter case, or
 * NULL (fs_model.h's ip_fs_case_twin). */
static const ip_file *entry_twin(const plan_bld *b, const ip_boot_entry *e)
{
	if (e->kind != IP_BOOT_FILE || !e->path)
		return NULL;
	const char *path = e->path + strspn(e->path, "/");
	const ip_filesystem *fs = ip_fs_view_listing(&b->fsv, e->filesystem ? e->filesystem : b->fsv.def);
	return ip_fs_case_twin(fs, path, strlen(path));
}

/* A captured boot entry whose file is listed only under another letter
 * case: what the plan does with it rests on file_name_case, an assumption
 * on classic IOS (fs_model.h), so the plan says which way it went. Each
 * listed file once, however many lists name it. */
static void case_warnings(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	const ip_boot_list *lists[] = { &d->boot_running, &d->boot_startup, &d->bootvar };
	const ip_file **said = NULL; /* the files warned about: few, rarely any */
	size_t n_said = 0, cap_said = 0;
	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			const ip_boot_entry *e = &lists[l]->v[i];
			const ip_file *twin = entry_twin(b, e);
			bool dup = false;
			for (size_t k = 0; twin && k < n_said; k++)
				dup |= said[k] == twin;
			if (!twin || dup)
				continue;
			*IP_PUSH(b->a, said, n_said, cap_said) = twin;
			ip_name_case c = ip_fs_name_case(e->filesystem ? e->filesystem : b->fsv.def);
			plan_warn(b, "the boot entry %s differs from the listed %s only in letter "
				  "case: the plan takes them for %s, as %s: %s %s; whether this "
				  "device's IOS does is not confirmed", e->raw, twin->name,
				  c == IP_NAME_CASE_FOLD ? "one file" : "two files", IP_FS_CASE_SETTING,
				  ip_name_case_name(c), c == IP_NAME_CASE_FOLD ? "says" : "assumes");
		}
}

/* Files that disagreed and were ordered by age: the plan rests on the newer
 * one's value, and a reviewer sees which and why (parsers/merge.c). */
static void source_order_warnings(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	for (size_t i = 0; i < d->n_resolved; i++) {
		const ip_source_conflict *c = &d->resolved[i];
		plan_warn(b, "the captures disagree on the %s: the plan uses %s (%s:%u), not %s "
			  "(%s:%u), as its capture is newer %s; recapture show version if "
			  "either file is not what the device runs now", c->what, c->value,
			  c->at.file, c->at.line, c->other, c->other_at.file, c->other_at.line,
			  c->why);
	}
}

/* --vrf (issue 20, point 19): how every transfer reaches the server.
 * - IOS-XE switches (Catalyst 9000, 3650/3850): the copy's own `vrf NAME`
 *   keyword, for TFTP and SCP alike. Cisco's pyATS file utilities append
 *   ` vrf {vrf}` to every IOS-XE copy (CiscoTestAutomation/genielibs,
 *   pkgs/filetransferutils-pkg/src/genie/libs/filetransferutils/plugins/
 *   iosxe/fileutils.py, copyfile), and a Cat9300 ZTP script copies its image
 *   with `copy tftp://SERVER/cat9k_iosxe.17.03.03.SPA.bin flash: vrf
 *   Mgmt-vrf` (DOMAIN.md section 7).
 * - Everything else (IOS-XE routers, classic IOS, archive download-sw):
 *   `ip tftp source-interface IF` / `ip scp source-interface IF` before the
 *   first transfer, the interface that sits in the VRF: the same utilities
 *   configure exactly these lines for a VRF copy on IOS-XE
 *   (.../plugins/iosxe/tftp/fileutils.py and .../scp/fileutils.py,
 *   COPY_CONFIG_VRF_TEMPLATE), and an ISR4321 reaches its Mgmt-intf server
 *   with `ip tftp source-interface GigabitEthernet0` (DOMAIN.md section 7).
 *   Whether an ISR4000's copy also takes the vrf keyword is UNCONFIRMED,
 *   so the form every release has is used. The interface is --source-
 *   interface, else the one a captured configuration puts in the VRF; with
 *   neither the plan is refused naming the capture: never a guess. */
static void decide_vrf(plan_bld *b)
{
	ip_plan *p = b->p;
	const ip_device *d = p->dev;
	const char *vrf = p->opts.vrf;
	if (!vrf) {
		ip_mgmt_vrf m;
		ip_mgmt_vrf_find(&m, d, &p->check.platform);
		if (m.found)
			plan_warn(b, "the capture suggests a management VRF (%s%s%s, `%s` at %s:%u) exists "
			     "and --vrf was not given: the plan reaches %s through the global routing "
			     "table; if the server is reached through %s, plan again with --vrf %s",
			     m.name, m.interface ? " on " : "", m.interface ? m.interface : "",
			     m.capture, m.span.file ? m.span.file : "?", m.span.line, p->server,
			     m.name, m.name);
		return;
	}
	if (p->check.platform.family == IP_FAMILY_SWITCH_XE) {
		b->vrf_keyword = true;
		return;
	}
	bool scp = p->opts.transfer == IP_TRANSFER_SCP;
	b->vrf_scp = scp;
	/* archive download-sw reads the tar over TFTP whatever --transfer says */
	b->vrf_tftp = !scp || (p->method == IP_METHOD_TAR && !b->tar_local);
	size_t n = 0;
	const char *iface = p->opts.source_interface;
	if (!iface)
		iface = ip_vrf_interface(d, vrf, &n);
	if (!iface) {
		reason(b, "--vrf %s: on this platform the transfers leave from an interface in the "
		       "VRF (`ip %s source-interface IF`), and %s; capture `show running-config | "
		       "section vrf` (or `show running-config`) or give --source-interface", vrf,
		       scp ? "scp" : "tftp", n > 1 ? "the captured configuration puts several "
		       "interfaces in it" : "no captured configuration puts an interface in it");
		return;
	}
	b->vrf_if = iface;
	/* a source interface the captured configuration already sets to it
	 * stays: nothing to set, nothing to put back */
	if (d->tftp_source_if.s && !strcasecmp(d->tftp_source_if.s, iface))
		b->vrf_tftp = false;
	if (d->scp_source_if.s && !strcasecmp(d->scp_source_if.s, iface))
		b->vrf_scp = false;
}

static void facts(plan_bld *b)
{
	ip_plan *p = b->p;
	if (p->check.platform.family == IP_FAMILY_UNKNOWN && p->dev->platform.s)
		/* show version named a model no table knows, and nothing else
		 * names a family: capturing it again would not help (issue 23) */
		reason(b, "the platform %s is not in iosplan's platform table and nothing "
		       "captured names its family, so the boot order and filesystem are unknown",
		       p->dev->platform.s);
	else if (p->check.platform.family == IP_FAMILY_UNKNOWN)
		reason(b, "the platform is unknown, and with it the boot order and filesystem "
		       "(%s)", fact_hint(b, IP_FACT_PLATFORM));
	if (p->check.platform.family == IP_FAMILY_VIRTUAL)
		reason(b, "IOSv boots the image its virtual disk holds: upgrade it by replacing "
		       "the disk image, not from the CLI");
	decide_target(b);
	decide_dest(b);
	decide_running(b);
	decide_install_flow(b);
	decide_stack(b);
	decide_register(b);
	decide_room(b);
	decide_fallback(b);
	decide_vrf(b);
	case_warnings(b);
	source_order_warnings(b);
}

/* Whether a finding under repair policy r already blocks the plan (and so
 * already says why). */
static bool blocked_by(const ip_plan *p, ip_repair r)
{
	for (size_t i = 0; i < p->n_findings; i++)
		if (p->findings[i].role == IP_ROLE_BLOCKS && p->findings[i].finding->repair == r)
			return true;
	return false;
}

/* What blocks the plan whether or not a rule reported it (a rule may be
 * disabled in .iosplan.yaml; the plan still cannot go on). */
/* Two files of this device disagree and nothing says which capture is
 * newer (parsers/merge.c): any plan would rest on a guess about which
 * image runs, so there is none, and the reason names both places. */
static void source_conflicts(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	for (size_t i = 0; i < d->n_conflicts; i++) {
		const ip_source_conflict *c = &d->conflicts[i];
		reason(b, "the captures disagree on the %s: %s at %s:%u, %s at %s:%u, and nothing "
		       "says which is newer; capture `show clock` with `show version` in one "
		       "session (or turn on `terminal exec prompt timestamp`), or remove the "
		       "stale file", c->what, c->value, c->at.file, c->at.line, c->other,
		       c->other_at.file, c->other_at.line);
	}
}

static void facts_blocking(plan_bld *b)
{
	/* A pending install (issue 21): its timer, its `install abort` or the
	 * plan's own reload would undo the plan or the change under review. */
	if (ip_install_pending(&b->p->check.next_boot.install) &&
	    !blocked_by(b->p, IP_REPAIR_SETTLE) && b->p->install.flow == IP_FLOW_SOFTWARE_INSTALL)
		/* IOS-XE 3.x Catalyst 3k: the `software` family (rules/install_pending.c) */
		reason(b, "an install is pending (a running `software install ... auto-rollback` "
		       "timer or provisioned software that differs from the running, show "
		       "software installer rollback-timer, show version provisioned): run "
		       "`software commit` to keep the running software or `software rollback` "
		       "to return to the one before the install, then plan again");
	else if (ip_install_pending(&b->p->check.next_boot.install) &&
	    !blocked_by(b->p, IP_REPAIR_SETTLE))
		reason(b, "an install is pending (uncommitted packages, a running auto-abort "
		       "timer or an install in progress, show install summary): run `install "
		       "commit` to keep the running software or `install abort` to return to "
		       "the committed one, then plan again");
	if (b->register_blocks && !blocked_by(b->p, IP_REPAIR_REGISTER))
		reason(b, "%s", b->register_blocks);
	if (b->space_blocks && !blocked_by(b->p, IP_REPAIR_ROOM))
		reason(b, "%s", b->space_blocks);
}

/* The first simulated scenario whose boot the simulator cannot decide, or
 * NULL: an undecided boot is a fact missing from the captures, not a plan
 * that fails, and the refusal names the capture that would decide it. */
static const ip_boot_prediction *first_unknown(const ip_plan_proof *pr, const char **when)
{
	const struct {
		const ip_plan_outcome *o;
		bool simulated;
		const char *when;
	} s[] = {
		{ &pr->next, true, "after the plan" },
		{ &pr->target_fails, true, "if the target image does not boot" },
		{ &pr->rollback, pr->rollback_simulated, "after the rollback" },
		{ &pr->cleanup, pr->cleanup_simulated, "after the clean-up" },
	};
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		if (s[i].simulated && s[i].o->p.outcome == IP_NEXT_UNKNOWN) {
			*when = s[i].when;
			return &s[i].o->p;
		}
	return NULL;
}

/* An error about the device itself. Errors about the target image or
 * its transfer (no reference hash, the copy) concern an upgrade that is
 * not needed when the device already runs the target. */
static bool error_finding(const ip_plan *p)
{
	for (size_t i = 0; i < p->n_findings; i++) {
		const ip_finding *f = p->findings[i].finding;
		if (f->severity >= IP_SEV_ERROR && f->subject.kind != IP_SUBJ_TARGET &&
		    f->subject.kind != IP_SUBJ_TRANSFER)
			return true;
	}
	return false;
}

/* Issue 20 point 9: a device that runs the target and boots it next, with
 * no error finding and nothing the plan would set (register, Manual Boot),
 * is compliant: no steps, exit 0. What an upgrade would have needed (a
 * hash, a size, room, a server) does not matter then: those reasons and
 * warnings are dropped. The proof still predicts the next boot, and every
 * stack member's, from the captures; when it cannot show the target, the
 * device gets a remediation plan instead. */
static bool nothing_to_do(plan_bld *b)
{
	ip_plan *p = b->p;
	ip_family fam = p->check.platform.family;
	if (!b->on_target || error_finding(p) || b->fix_register || b->fix_manual_boot ||
	    fam == IP_FAMILY_UNKNOWN || fam == IP_FAMILY_VIRTUAL)
		return false;
	size_t n_reasons = p->n_reasons, n_warnings = p->n_warnings;
	bool warned = p->no_fallback_warned;
	const char *fallback = p->fallback;
	p->nothing_to_do = true;
	p->n_reasons = p->n_warnings = 0;
	p->no_fallback_warned = false;
	p->fallback = NULL;
	ip_plan_prove(&p->proof, b->a, p);
	if (p->proof.proven) {
		for (size_t i = 0; i < p->n_findings; i++)
			if (p->findings[i].role == IP_ROLE_BLOCKS) {
				p->findings[i].role = IP_ROLE_NOTED;
				p->findings[i].note = "the device already runs the target: there is "
						      "no copy to make or verify";
			}
		return true;
	}
	p->nothing_to_do = false;
	p->n_reasons = n_reasons;
	p->n_warnings = n_warnings;
	p->no_fallback_warned = warned;
	p->fallback = fallback;
	return false;
}

static void prove(plan_bld *b)
{
	ip_plan *p = b->p;
	ip_plan_prove(&p->proof, b->a, p);
	if (p->proof.proven)
		return;
	p->refused = true;
	const char *when;
	const ip_boot_prediction *unknown = first_unknown(&p->proof, &when);
	if (unknown) {
		if (!unknown->missing && unknown->unknown_why)
			reason(b, "the boot simulator cannot predict what the device boots %s: %s",
			       when, unknown->unknown_why);
		else
			reason(b, "the boot simulator cannot predict what the device boots %s: it "
			       "needs `%s`", when, unknown->missing ? unknown->missing : "more captures");
		return;
	}
	p->self_refuted = true;
	for (size_t i = 0; i < p->proof.n_violations; i++)
		reason(b, "the plan fails its own simulation: %s", p->proof.violations[i]);
}

void ip_plan_build(ip_plan *out, ip_arena *a, const ip_device *dev, const ip_target *target,
		   const ip_plan_options *opts)
{
	memset(out, 0, sizeof(*out));
	out->dev = dev;
	out->target = target;
	if (opts)
		out->opts = *opts;
	else
		ip_plan_options_defaults(&out->opts);
	if (!out->opts.check) {
		ip_check_config *c = ip_arena_alloc(a, sizeof(*c));
		ip_check_config_defaults(c);
		out->opts.check = c;
	}
	out->hostname = dev->hostname.s ? dev->hostname.s : dev->key && *dev->key ? dev->key : "device";
	out->name = dev->name ? dev->name : out->hostname;
	ip_check_device(&out->check, a, dev, target, out->opts.check);
	plan_bld b = { .p = out, .a = a, .cfg = out->opts.check };
	ip_fs_view_init(&b.fsv, dev, &out->check.platform, target ? target->filesystem : NULL);
	if (out->opts.ansible && !ip_plan_ansible_host_ok(out->hostname))
		reason(&b, "the hostname is not one Ansible can target as exactly one host (a play's "
		       "hosts: is a pattern): it must start with a letter, hold only letters, digits, "
		       "'-' and '_', end with a letter or digit, be at most 63 characters, and not "
		       "be 'all' or 'ungrouped'; use another format for this device");
	if (!target)
		reason(&b, "no target image given (--target)");
	else
		facts(&b);
	source_conflicts(&b);
	bool blocks = classify_findings(&b);
	if (nothing_to_do(&b))
		return;
	out->remediation = b.on_target;
	if (b.on_target && out->method == IP_METHOD_TAR)
		/* the reference hash is the tar's: nothing verifies the unpacked image */
		reason(&b, "the device already runs %s but would not boot it next, and the tar's "
		       "reference hash cannot verify the unpacked image: set its boot statement "
		       "by hand after `verify` of it", out->dev->system_image.raw);
	facts_blocking(&b);
	if (target && !out->n_reasons) {
		plan_issu_decide(&b);
		if (b.refusal_issu)
			reason(&b, "%s", b.refusal_issu);
	}
	if (blocks || out->n_reasons) {
		out->refused = true;
		return;
	}
	plan_steps_write(&b);
	if (b.refusal) {
		reason(&b, "%s", b.refusal);
		out->refused = true;
		return;
	}
	const char *bad_name = plan_names_check(&b);
	if (bad_name) {
		reason(&b, "%s", bad_name);
		out->refused = true;
		return;
	}
	prove(&b);
	if (!out->refused)
		plan_way_back(&b);
}
