/* The proof: a plan applied to a copy of its device, checked by the boot
 * simulator (plan.h).
 *
 * The copy shares nothing it changes with the device: filesystems, their
 * file arrays and the boot lists are copied before the first effect. Beside
 * the device state the simulation keeps what the device state has no field
 * for: which files were verified against the reference hash, which files
 * the transfer server holds, and, in install mode, whether packages.conf
 * now activates the target's packages.
 *
 * What each effect does is what the command does on the device; where the
 * platforms differ the choice is the conservative one:
 * - `boot system` changes the running-config only; the BOOT variable of a
 *   switch is assumed written when the configuration is saved (DOMAIN.md
 *   §2.5 leaves open whether it is written at once; the plan saves anyway).
 * - `config-register` sets the value for the next reload at once.
 * - a reload boots what ip_boot_predict() says; the image it booted becomes
 *   the running image and the register's next value the current one.
 *
 * The rules checked (each breach is a violation naming the step):
 *   R0 the state proved from is the device's own: no two of its files
 *      disagree on a fact with nothing to say which capture is newer
 *      (parsers/merge.c), for then the running image is a guess;
 *   R1 a copy fits in the free space; a delete or verify finds its file;
 *   R2 before the target is verified, no delete takes the last bootable
 *      image from a filesystem that had one (unless a saved network
 *      fallback remains whose file the server holds and was checked
 *      against the device's own hash of it), and the running image is
 *      deleted only with --allow-delete-running;
 *   R3 no boot entry names the target, and no install activates it,
 *      before it is verified on every filesystem it boots from;
 *   R4 the plan's reload boots the target, verified;
 *   R5 with the target unbootable, the next boot is the old image from a
 *      filesystem, unless the plan warns that there is none; a network
 *      fallback is never proved (ROMMON must reach the server with its
 *      own IP variables, which no capture shows): it counts only as a
 *      warned, conditional one; an old image the plan copied to a stack
 *      member counts there only once a verify matched it (issue 20,
 *      point 11: copy_unproved);
 *   R6 the rollback section's reload boots the old image;
 *   R7 after the clean-up the device still boots the target;
 *   R8 a bundle or tar plan whose target-fails boot is not a proved
 *      fallback (R5 answered by a warning) needs --allow-no-fallback: a
 *      failed boot that ends in ROMMON is never printed as a success
 *      (issue 20). Install mode is outside R8: it keeps no second boot
 *      entry by design, and its recovery is the install rollback R6 proves;
 *      so is a remediation of a device already on the target, which warns
 *      instead, and the conditional network fallback --allow-delete-running
 *      asked for (point 4), which the plan warns about (no_fallback_barred).
 *   R9 from the plan's first change on, until its own reload, no list a
 *      reload reads (the startup-config, the BOOT variable, each member's)
 *      names a file of the target's name that is on flash and not yet
 *      verified: a reload then (a power cut, a crash) would try a partial
 *      or unchecked copy first (issue 20, point 12).
 *   R10 a `config-register` changes only the boot field and clears (never
 *       sets) the bits that ignore the startup-config: the console speed
 *       and every other bit stay (issue 20 point 6, confreg.h).
 * A device that already runs the target (issue 20 point 9) is not
 * reloaded: with nothing to do its captured next boot must be the target;
 * a remediation's boot statements must make it the verified target, with
 * R5 judged against the fallback it keeps (prove_on_target).
 *   R11 no save leaves a switch's BOOT variable empty that held entries
 *       (a save rewrites BOOT from the running-config: FN63641, issue 20).
 *   R12 no plan is proved on a device with a pending install (uncommitted
 *       packages, a running auto-abort timer, an install in progress:
 *       ip_install_pending): the timer, `install abort` or the plan's own
 *       reload would roll the device back under the plan (issue 21).
 *   R13 a device with a standby RP (dual RP, dual supervisor, StackWise
 *       Virtual; redundancy.h) reloads only with the standby's BOOT
 *       variable equal to the list the active boots from (its saved boot
 *       list, or its BOOT variable on a switch) and the standby's next
 *       register equal to the active's: a save reaches the standby only
 *       when it is STANDBY HOT in SSO (ip_standby_syncs), and a reload
 *       with the standby on another list brings it up on another image,
 *       out of SSO (issue 21).
 *   R14 every expect line of every step is either a documented form of
 *       plan_expect.def (the line an instance of its pattern) or text
 *       quoted from a capture with the span it comes from: a line the
 *       device will not print stops an engineer for nothing (issue 20,
 *       point 14).
 *   R15 (issue 22, slice "plan" of #22) a plan whose target needs a newer
 *       ROMMON than the device runs (the catalogue's minimum against the
 *       captured version, ip_rommon_cmp) upgrades it before its first
 *       reload, from a package on flash that a verify matched; no plan
 *       with that need is printed that reloads first.
 * On a stack R4 and R5 hold for every member, each from its own flash and
 * its own BOOT variable (the members' proof, below). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "confreg.h"
#include "fs_model.h"
#include "image_name.h"
#include "plan.h"
#include "redundancy.h"
#include "plan_expect.h"
#include "space.h"

typedef struct sim {
	ip_arena *a;
	const ip_plan *plan;
	ip_device dev;
	ip_platform plat;
	const char **verified; /* "fs|path" */
	size_t n_verified, cap_verified;
	const char **server;   /* file names the server holds */
	size_t n_server, cap_server;
	const char **server_ok; /* ... whose copy matched the device's hash */
	size_t n_server_ok, cap_server_ok;
	const char **copied;   /* "fs|path" of old images the plan copied (a member's
				* fallback, issue 20 pt 11): one counts as a
				* fallback only once verified (R5) */
	size_t n_copied, cap_copied;
	bool conf_target;      /* install: packages.conf activates the target */
	bool added;            /* two-step: install add expanded the target's packages */
	bool uncommitted;      /* ... activated, not committed: the next reload, or the
				* auto-abort timer, reverts to the committed packages
				* (issue 21 pt 3; Cisco VG400 guide, three-step install) */
	ip_boot_list *mboot;   /* stacks: each member's BOOT variable (plan order:
				* the active, then member_fs) */
	size_t n_mboot;
	bool reloaded;
	ip_plan_outcome last;  /* the last reload's prediction */
	ip_plan_proof *proof;
	const ip_plan_step *step;
	size_t step_no;
	size_t n_gone;         /* files deleted but not yet compacted away (GONE) */
	bool r9_broken;        /* R9 reported once: every later step would repeat it */
	bool rommon_needed;    /* R15: the target needs a newer ROMMON ... */
	bool rommon_done;      /* ... and the upgrade ran */
} sim;

static void violation(sim *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void violation(sim *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *buf = ip_arena_vprintf(s->a, fmt, ap);
	va_end(ap);
	const char **v = IP_PUSH(s->a, s->proof->violations, s->proof->n_violations,
				 s->proof->cap_violations);
	*v = s->step ? ip_arena_printf(s->a, "%s, step %zu (%s): %s",
				       ip_plan_phase_title(s->step->phase), s->step_no,
				       s->step->title, buf)
		     : buf;
}

/* --- the copy ------------------------------------------------------------- */

static void list_copy(ip_arena *a, ip_boot_list *l)
{
	ip_boot_entry *v = l->n ? ip_arena_alloc(a, l->n * sizeof(*v)) : NULL;
	if (l->n)
		memcpy(v, l->v, l->n * sizeof(*v));
	l->v = v;
	l->cap = l->n;
}

static void dev_copy(ip_arena *a, ip_device *dst, const ip_device *src)
{
	*dst = *src;
	size_t n = src->n_filesystems;
	dst->filesystems = n ? ip_arena_alloc(a, n * sizeof(*dst->filesystems)) : NULL;
	dst->cap_filesystems = n;
	for (size_t i = 0; i < n; i++) {
		ip_filesystem *fs = &dst->filesystems[i];
		*fs = src->filesystems[i];
		fs->files = fs->n_files ? ip_arena_alloc(a, fs->n_files * sizeof(*fs->files)) : NULL;
		if (fs->n_files)
			memcpy(fs->files, src->filesystems[i].files, fs->n_files * sizeof(*fs->files));
		fs->cap_files = fs->n_files;
	}
	list_copy(a, &dst->boot_running);
	list_copy(a, &dst->boot_startup);
	list_copy(a, &dst->boot_config);
	list_copy(a, &dst->bootvar);
	list_copy(a, &dst->bootvar_current);
}

static void strs_copy(ip_arena *a, const char ***v, size_t n, size_t *cap)
{
	const char **c = n ? ip_arena_alloc(a, n * sizeof(*c)) : NULL;
	if (n)
		memcpy(c, *v, n * sizeof(*c));
	*v = c;
	*cap = n;
}

/* A second, independent simulation from the state s is in now. */
static void sim_fork(sim *dst, const sim *s)
{
	*dst = *s;
	dev_copy(s->a, &dst->dev, &s->dev);
	strs_copy(s->a, &dst->verified, s->n_verified, &dst->cap_verified);
	strs_copy(s->a, &dst->server, s->n_server, &dst->cap_server);
	strs_copy(s->a, &dst->server_ok, s->n_server_ok, &dst->cap_server_ok);
	strs_copy(s->a, &dst->copied, s->n_copied, &dst->cap_copied);
	if (s->n_mboot) {
		dst->mboot = ip_arena_alloc(s->a, s->n_mboot * sizeof(*dst->mboot));
		memcpy(dst->mboot, s->mboot, s->n_mboot * sizeof(*dst->mboot));
	}
	dst->step = NULL;
}

/* --- facts of the simulated device --------------------------------------- */

/* The model's answer on the simulated device as it is now. */
static bool fs_same(const sim *s, const char *a, const char *b)
{
	ip_fs_view v;
	ip_fs_view_init(&v, &s->dev, &s->plat, s->plan->target ? s->plan->target->filesystem : NULL);
	return ip_fs_view_same(&v, a, b);
}

static const char *base(const char *p)
{
	const char *sl = p ? strrchr(p, '/') : NULL;
	return sl ? sl + 1 : p;
}

static ip_filesystem *fs_get(sim *s, const char *name)
{
	for (size_t i = 0; name && i < s->dev.n_filesystems; i++)
		if (ip_fs_prefix_eq(s->dev.filesystems[i].name, name))
			return &s->dev.filesystems[i];
	return NULL;
}

static ip_file *file_get(ip_filesystem *fs, const char *path)
{
	/* the model's one lookup; the simulated listing is this sim's own */
	return (ip_file *)ip_fs_lookup(fs, path, path ? strlen(path) : 0);
}

static const char *vkey(const sim *s, const char *fs, const char *path)
{
	return ip_arena_printf(s->a, "%s|%s", fs, path);
}

/* Whether key k ("fs|path", vkey) is path on fs: the prefix as a CLI word,
 * the path under the model's case policy. */
static bool vkey_is(const char *k, const char *fs, const char *path)
{
	size_t n = strcspn(k, "|");
	return k[n] == '|' && strlen(fs) == n && strncasecmp(k, fs, n) == 0 &&
	       ip_fs_file_eq(fs, k + n + 1, path);
}

/* A file name among the server's (names copied there, not paths). */
static bool str_in(const char *const *v, size_t n, const char *x)
{
	for (size_t i = 0; i < n; i++)
		if (ip_fs_file_eq(NULL, v[i], x))
			return true;
	return false;
}

static bool verified(const sim *s, const char *fs, const char *path)
{
	for (size_t i = 0; i < s->n_verified; i++)
		if (vkey_is(s->verified[i], fs, path))
			return true;
	return false;
}

static void unverify(sim *s, const char *fs, const char *path)
{
	for (size_t i = 0; i < s->n_verified; i++)
		if (vkey_is(s->verified[i], fs, path))
			s->verified[i] = "";
}

static bool is_target_name(const sim *s, const char *path)
{
	return ip_fs_file_eq(NULL, base(path), base(s->plan->target_file));
}

/* Every filesystem the target must be verified on before it may boot. */
static bool target_verified_everywhere(const sim *s)
{
	const ip_plan *p = s->plan;
	if (!verified(s, p->filesystem, p->target_file))
		return false;
	for (size_t i = 0; p->method != IP_METHOD_INSTALL && i < p->n_member_fs; i++)
		if (!verified(s, p->member_fs[i], p->target_file))
			return false;
	return true;
}

static bool image_file_ok(const ip_file *f)
{
	return !f->is_dir && !(f->size.known && f->size.v == 0) &&
	       ip_image_name_bootable(f->name);
}

/* Whether the list the device boots from holds a network entry the server
 * can serve. */
static bool network_fallback_saved(const sim *s)
{
	const ip_boot_list *l = s->plat.boot_from_bootvar ? &s->dev.bootvar : &s->dev.boot_startup;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == IP_BOOT_NETWORK && l->v[i].path &&
		    str_in(s->server, s->n_server, base(l->v[i].path)) &&
		    str_in(s->server_ok, s->n_server_ok, base(l->v[i].path)))
			return true;
	return false;
}

/* R2: fs still holds something the device can boot that is not the
 * unverified target (an install keeps packages.conf). */
static bool bootable_left(const sim *s, const ip_filesystem *fs)
{
	for (size_t i = 0; i < fs->n_files; i++) {
		const ip_file *f = &fs->files[i];
		bool conf = s->plan->method == IP_METHOD_INSTALL &&
			    ip_fs_file_eq(NULL, f->name, "packages.conf");
		if (!conf && !image_file_ok(f))
			continue;
		if (is_target_name(s, f->name) && !verified(s, fs->name, f->name))
			continue;
		return true;
	}
	return network_fallback_saved(s);
}

/* --- outcomes ------------------------------------------------------------- */

static bool pred_names_target(const sim *s, const char *fs, const char *path)
{
	if (!path)
		return false;
	if (s->plan->method == IP_METHOD_INSTALL && ip_fs_file_eq(NULL, base(path), "packages.conf"))
		return s->conf_target;
	return is_target_name(s, path) && fs_same(s, fs, s->plan->filesystem);
}

static bool pred_names_old(const sim *s, const ip_boot_prediction *p, const char *path)
{
	const ip_path *run = &s->plan->dev->system_image;
	if (s->plan->remediation) {
		/* it runs the target: the old image is the fallback the plan keeps */
		const char *fb = s->plan->fallback, *colon = fb ? strchr(fb, ':') : NULL;
		fb = colon ? colon + 1 : fb; /* "bootflash:x.bin" -> "x.bin" */
		return path && fb && !is_target_name(s, path) &&
		       ip_fs_file_eq(NULL, base(path), base(fb)) &&
		       fs_same(s, p->filesystem, s->plan->filesystem);
	}
	if (path && s->plan->method == IP_METHOD_INSTALL && ip_fs_file_eq(NULL, base(path), "packages.conf"))
		return !s->conf_target; /* the packages that ran before */
	if (!path || !run->path)
		return false;
	if (!ip_fs_file_eq(NULL, base(path), base(run->path)) || is_target_name(s, path))
		return false;
	if (p->outcome == IP_NEXT_NETWORK)
		return str_in(s->server, s->n_server, base(path));
	return fs_same(s, p->filesystem, run->filesystem);
}

static const char *step_text(ip_arena *a, const ip_boot_prediction *p)
{
	switch (p->step) {
	case IP_STEP_BOOT_STATEMENT:
		return ip_arena_printf(a, "boot system entry %zu", p->entry_index + 1);
	case IP_STEP_BOOT_VARIABLE:
		return ip_arena_printf(a, "BOOT variable entry %zu", p->entry_index + 1);
	case IP_STEP_FIRST_IMAGE: return "the first image on flash";
	case IP_STEP_REGISTER: return "the config-register";
	case IP_STEP_MANUAL_BOOT: return "MANUAL_BOOT";
	case IP_STEP_NOTHING: return "nothing bootable";
	case IP_STEP_NONE: break;
	}
	return "no step";
}

static const char *role_text(const ip_plan_outcome *o, const sim *s, const char *path)
{
	if (o->target)
		return s->plan->method == IP_METHOD_INSTALL
			       ? ip_arena_printf(s->a, "the target's packages, %s",
						 s->plan->target->name)
			       : "the target";
	if (o->conditional)
		return "the old image, conditional: the ROM monitor must reach the server with its "
		       "own IP settings, usually on the first LAN or management port";
	if (o->fallback)
		return s->plan->method == IP_METHOD_INSTALL &&
				       ip_fs_file_eq(NULL, base(path), "packages.conf")
			       ? "the old packages" : "the old image";
	return "not the target";
}

static void outcome_text(ip_plan_outcome *o, const sim *s)
{
	const ip_boot_prediction *p = &o->p;
	ip_arena *a = s->a;
	switch (p->outcome) {
	case IP_NEXT_IMAGE:
		o->text = ip_arena_printf(a, "%s%s (%s; %s)", p->filesystem ? p->filesystem : "",
					  p->path, role_text(o, s, p->path), step_text(a, p));
		break;
	case IP_NEXT_NETWORK:
		o->text = ip_arena_printf(a, "%s from %s over the network (%s; %s)",
					  p->path ? p->path : "a file",
					  p->entry && p->entry->server ? p->entry->server : "a server",
					  role_text(o, s, p->path), step_text(a, p));
		break;
	case IP_NEXT_AMBIGUOUS:
		o->text = ip_arena_printf(a, "%s or %s, depending on the platform (%s)",
					  p->path, p->alt_path, step_text(a, p));
		break;
	case IP_NEXT_ROMMON:
		o->text = ip_arena_printf(a, "ROMMON, no image (%s)", step_text(a, p));
		break;
	case IP_NEXT_PLATFORM_ROM:
		o->text = ip_arena_printf(a, "a platform-dependent ROM image (%s)", step_text(a, p));
		break;
	case IP_NEXT_UNKNOWN:
		o->text = p->missing || !p->unknown_why
				  ? ip_arena_printf(a, "unknown: needs %s", p->missing ? p->missing : "more captures")
				  : ip_arena_printf(a, "unknown: %s", p->unknown_why);
		break;
	}
}

static void predict_on(sim *s, const ip_device *d, ip_plan_outcome *o)
{
	memset(o, 0, sizeof(*o));
	ip_boot_predict(&o->p, s->a, d);
	const ip_boot_prediction *p = &o->p;
	if (p->outcome == IP_NEXT_IMAGE) {
		o->target = pred_names_target(s, p->filesystem, p->path);
		o->fallback = !o->target && pred_names_old(s, p, p->path);
	} else if (p->outcome == IP_NEXT_AMBIGUOUS) {
		o->target = pred_names_target(s, p->filesystem, p->path) &&
			    pred_names_target(s, p->filesystem, p->alt_path);
		o->fallback = pred_names_old(s, p, p->path) && pred_names_old(s, p, p->alt_path);
	} else if (p->outcome == IP_NEXT_NETWORK) {
		o->conditional = pred_names_old(s, p, p->path);
	}
	outcome_text(o, s);
}

static void predict(sim *s, ip_plan_outcome *o)
{
	predict_on(s, &s->dev, o);
}

/* --- stack members ---------------------------------------------------------
 *
 * Each member boots from its own BOOT variable and its own flash, which the
 * active member calls flash-N: (flashN: on classic stacks) and the member
 * itself flash:. A member's view is the device state with that flash as its
 * only filesystem, under the active's name for it, and that BOOT variable.
 * `boot system switch all` reaches every member when the configuration is
 * saved; `switch N` only member N; a plain `boot system` only the active. */

static int member_number(const sim *s, size_t i)
{
	return i ? s->plan->member_no[i - 1] : s->plan->active_member;
}

static const char *member_fs_name(const sim *s, size_t i)
{
	return i ? s->plan->member_fs[i - 1] : s->plan->filesystem;
}

static void members_init(sim *s)
{
	const ip_plan *p = s->plan;
	if (!p->n_member_fs || !p->member_no)
		return;
	s->n_mboot = p->n_member_fs + 1;
	s->mboot = ip_arena_alloc(s->a, s->n_mboot * sizeof(*s->mboot));
	for (size_t i = 0; i < s->n_mboot; i++) {
		s->mboot[i] = s->dev.bootvar; /* not captured: the active's, until a save */
		for (size_t k = 0; k < p->dev->n_members; k++)
			if (p->dev->members[k].number == member_number(s, i) &&
			    p->dev->members[k].bootvar.known)
				s->mboot[i] = p->dev->members[k].bootvar;
		list_copy(s->a, &s->mboot[i]);
	}
}

static bool entry_reaches(const ip_boot_entry *e, int number, bool active)
{
	return e->member == -1 || e->member == number || (e->member == 0 && active);
}

/* A save writes each member's BOOT variable from the running-config. */
static void members_save(sim *s, const ip_boot_list *run)
{
	for (size_t i = 0; i < s->n_mboot; i++) {
		ip_boot_list l = *run;
		l.v = NULL;
		l.n = l.cap = 0;
		for (size_t k = 0; k < run->n; k++)
			if (entry_reaches(&run->v[k], member_number(s, i), i == 0))
				*IP_PUSH(s->a, l.v, l.n, l.cap) = run->v[k];
		s->mboot[i] = l;
	}
}

/* What member i boots; false when its flash is not in the state. */
/* R5 on a member (issue 20, point 11): an old image the plan copied to
 * flash fs is that member's fallback only once a verify matched it: an
 * unverified copy (cut short, corrupt) may not load, and the member would
 * be left with nothing. fs is the member's flash as the active names it;
 * the prediction names it flash: (the member's own view). */
static void copy_unproved(const sim *s, const char *fs, ip_plan_outcome *o)
{
	const char *path = o->p.path;
	if (!o->fallback || o->p.outcome != IP_NEXT_IMAGE || !path)
		return;
	path += strspn(path, "/");
	bool copied = false;
	for (size_t i = 0; i < s->n_copied; i++)
		copied |= vkey_is(s->copied[i], fs, path);
	if (!copied || verified(s, fs, path))
		return;
	o->fallback = false;
	o->text = ip_arena_printf(s->a, "%s, a copy the plan made and did not verify", o->text);
}

static bool member_predict(sim *s, size_t i, ip_plan_outcome *o)
{
	if (i == 0) {
		predict(s, o);
		return true;
	}
	const ip_filesystem *fs = fs_get(s, member_fs_name(s, i));
	if (!fs)
		return false;
	ip_device v = s->dev;
	ip_filesystem *own = ip_arena_alloc(s->a, sizeof(*own));
	*own = *fs;
	own->name = s->plan->filesystem;
	own->aliases = NULL;
	own->is_default = true;
	v.filesystems = own;
	v.n_filesystems = v.cap_filesystems = 1;
	v.bootvar = s->mboot[i];
	v.bootvar_current = s->mboot[i];
	v.members = NULL;
	v.n_members = v.cap_members = 0;
	predict_on(s, &v, o);
	copy_unproved(s, fs->name, o);
	return true;
}

/* --- the effects ---------------------------------------------------------- */

static void do_copy(sim *s, const ip_plan_effect *e)
{
	ip_filesystem *fs = fs_get(s, e->filesystem);
	if (!fs) {
		violation(s, "copies to %s, which the device state does not list", e->filesystem);
		return;
	}
	if (file_get(fs, e->path)) {
		violation(s, "copies %s%s over a file of that name", fs->name, e->path);
		return;
	}
	if (!fs->free.known || fs->free.v < e->size) {
		violation(s, "copies %llu bytes to %s, which has %s bytes free", (unsigned long long)e->size,
			  fs->name, fs->free.known ? ip_arena_printf(s->a, "%llu",
				(unsigned long long)fs->free.v) : "an unknown number of");
		return;
	}
	fs->free.v -= e->size;
	if (!is_target_name(s, e->path))
		*IP_PUSH(s->a, s->copied, s->n_copied, s->cap_copied) = vkey(s, fs->name, e->path);
	/* the whole entry: the slot past the listing's end may hold what a
	 * deletion moved or buried there (a directory, its span) */
	ip_file *f = IP_PUSH(s->a, fs->files, fs->n_files, fs->cap_files);
	*f = (ip_file){ .name = e->path };
	f->size.known = true;
	f->size.v = e->size;
	unverify(s, fs->name, e->path);
}

static bool is_running(const sim *s, const ip_filesystem *fs, const char *path)
{
	const ip_path *run = &s->plan->dev->system_image;
	return ip_fs_file_eq(fs->name, base(run->path), base(path)) &&
	       (!run->filesystem || fs_same(s, run->filesystem, fs->name) ||
		ip_fs_kind_of(fs->name) == IP_FSK_MEMBER_FLASH);
}

/* A deleted file is buried where it lies and swept out before any other
 * kind of effect reads the listing: moving the rest of the listing down at
 * each deletion made a plan deleting 20 000 files quadratic (17 s under
 * ASan). Buried, it is a directory with a name no path can have, so
 * lookups and bootable_left pass over it while the deletions go on. */
static const char GONE[] = "";

static void bury(sim *s, ip_file *f)
{
	f->name = GONE;
	f->is_dir = true;
	s->n_gone++;
}

static void sweep(sim *s)
{
	if (!s->n_gone)
		return;
	for (size_t i = 0; i < s->dev.n_filesystems; i++) {
		ip_filesystem *fs = &s->dev.filesystems[i];
		size_t k = 0;
		for (size_t j = 0; j < fs->n_files; j++)
			if (fs->files[j].name != GONE)
				fs->files[k++] = fs->files[j];
		fs->n_files = k;
	}
	s->n_gone = 0;
}

static void do_delete(sim *s, const ip_plan_effect *e)
{
	ip_filesystem *fs = fs_get(s, e->filesystem);
	ip_file *f = file_get(fs, e->path);
	if (!f) {
		violation(s, "deletes %s%s, which is not there", e->filesystem, e->path);
		return;
	}
	bool target_ok = target_verified_everywhere(s);
	bool could_boot = bootable_left(s, fs);
	if (is_running(s, fs, e->path) && !s->plan->opts.allow_delete_running && !s->reloaded)
		violation(s, "deletes the running image %s%s without --allow-delete-running",
			  fs->name, e->path);
	if (fs->free.known && f->size.known)
		fs->free.v += f->size.v;
	unverify(s, fs->name, e->path);
	bury(s, f);
	if (!target_ok && could_boot && !bootable_left(s, fs))
		violation(s, "deleting %s%s leaves %s without a bootable image before the target "
			  "is verified", fs->name, e->path, fs->name);
}

static void do_verify(sim *s, const ip_plan_effect *e)
{
	ip_filesystem *fs = fs_get(s, e->filesystem);
	ip_file *f = file_get(fs, e->path);
	if (!f) {
		violation(s, "verifies %s%s, which is not there", e->filesystem, e->path);
		return;
	}
	const ip_target *t = s->plan->target;
	if (is_target_name(s, e->path) && (!f->size.known || !t->size.known ||
					   f->size.v != t->size.v)) {
		violation(s, "%s%s does not have the target's size", fs->name, e->path);
		return;
	}
	*IP_PUSH(s->a, s->verified, s->n_verified, s->cap_verified) = vkey(s, fs->name, e->path);
}

static bool entry_same(const sim *s, const ip_boot_entry *a, const ip_boot_entry *b)
{
	if (a->kind != b->kind || !a->path != !b->path ||
	    (a->path && !ip_fs_file_eq(a->filesystem, a->path, b->path)))
		return false;
	if (a->kind == IP_BOOT_NETWORK)
		return !a->server == !b->server && (!a->server || strcasecmp(a->server, b->server) == 0);
	return fs_same(s, a->filesystem, b->filesystem);
}

static void boot_add(sim *s, const ip_boot_entry *e)
{
	if (e->kind == IP_BOOT_FILE && pred_names_target(s, e->filesystem, e->path) &&
	    !target_verified_everywhere(s))
		violation(s, "a boot entry names the target before it is verified");
	ip_boot_list *l = &s->dev.boot_running;
	*IP_PUSH(s->a, l->v, l->n, l->cap) = *e;
}

static void boot_remove(sim *s, const ip_boot_entry *e)
{
	ip_boot_list *l = &s->dev.boot_running;
	for (size_t i = 0; i < l->n; i++)
		if (entry_same(s, &l->v[i], e)) {
			memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof(*l->v));
			l->n--;
			return;
		}
}

/* R11 (issue 20 point 20): a save with no boot system line in the
 * running-config rewrites a switch's BOOT variable to nothing (Cisco
 * FN63641, rules/unsaved_boot.c), and a reload before the next save stops
 * at the switch: prompt. The plan writes its boot statements first. */
/* A save reaches a hot SSO standby: its BOOT variable becomes the saved
 * list and its register the active's next one (redundancy.h). A standby
 * that is not hot keeps what it had. */
static void standby_save(sim *s, const ip_boot_list *run)
{
	if (!ip_standby_present(&s->dev) || !ip_standby_syncs(&s->dev))
		return;
	/* the simulated device's own copy: the captured one stays as read */
	ip_redundancy *rd = ip_arena_alloc(s->a, sizeof(*rd));
	*rd = *s->dev.redundancy;
	s->dev.redundancy = rd;
	rd->standby_boot = *run;
	rd->standby_boot.known = true;
	list_copy(s->a, &rd->standby_boot);
	if (s->dev.confreg_next.known)
		rd->standby_confreg_next = s->dev.confreg_next;
}

static bool entries_same(const ip_boot_list *a, const ip_boot_list *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const ip_boot_entry *x = &a->v[i], *y = &b->v[i];
		if (x->kind != y->kind)
			return false;
		if (x->kind != IP_BOOT_FILE || !x->path || !y->path) {
			if (strcmp(x->raw, y->raw) != 0)
				return false;
			continue;
		}
		if ((x->filesystem || y->filesystem) &&
		    !(x->filesystem && y->filesystem && ip_fs_prefix_eq(x->filesystem, y->filesystem)))
			return false;
		if (!ip_fs_file_eq(x->filesystem, x->path, y->path))
			return false;
	}
	return true;
}

/* R13: at a reload, the standby boots what the active boots. */
static void standby_check(sim *s)
{
	const ip_redundancy *rd = ip_redundancy_of(&s->dev);
	if (!ip_standby_present(&s->dev))
		return;
	const ip_boot_list *act = s->plat.boot_from_bootvar ? &s->dev.bootvar : &s->dev.boot_startup;
	if (!rd->standby_boot.known)
		violation(s, "the reload restarts the standby RP, whose BOOT variable is unknown");
	else if (!entries_same(&rd->standby_boot, act))
		violation(s, "the reload restarts the standby RP on another boot list (%s) than "
			  "the active's (%s): it comes up on another image, out of SSO",
			  rd->standby_boot.n ? rd->standby_boot.v[0].raw : "empty",
			  act->n ? act->v[0].raw : "empty");
	if (rd->standby_confreg_next.known && s->dev.confreg_next.known &&
	    rd->standby_confreg_next.v != s->dev.confreg_next.v)
		violation(s, "the reload restarts the standby RP with register 0x%X, the active "
			  "with 0x%X", (unsigned)rd->standby_confreg_next.v,
			  (unsigned)s->dev.confreg_next.v);
}

static void save(sim *s)
{
	ip_boot_list run = s->dev.boot_running;
	if (s->plat.boot_from_bootvar && !run.n && s->dev.bootvar.n)
		violation(s, "the save clears the BOOT variable (%s): the running-config has no "
			  "boot system line", s->dev.bootvar.v[0].raw ? s->dev.bootvar.v[0].raw : "?");
	s->dev.boot_startup = run;
	list_copy(s->a, &s->dev.boot_startup);
	if (s->plat.boot_from_bootvar) {
		s->dev.bootvar = run;
		list_copy(s->a, &s->dev.bootvar);
		members_save(s, &run);
	}
	standby_save(s, &run);
}

/* A reload: it boots what the simulator predicts, which must be verified
 * when it is the target. */
/* R15: the ROMMON upgrade reads a verified package. */
static void rommon_upgrade(sim *s, const ip_plan_effect *e)
{
	if (!verified(s, e->filesystem, e->path))
		violation(s, "upgrades the ROMMON from %s%s before a verify matched it", e->filesystem,
			  e->path);
	s->rommon_done = true;
}

static void reload(sim *s)
{
	if (s->rommon_needed && !s->rommon_done) {
		violation(s, "reloads before the ROMMON upgrade the target needs");
		s->rommon_done = true; /* said once */
	}
	standby_check(s);
	/* R12: between the activation and the commit a reload reverts to the
	 * committed packages (the auto-abort timer's own end does the same) */
	if (s->uncommitted) {
		violation(s, "a reload between install activate and install commit reverts to "
			  "the committed packages");
		s->conf_target = false;
		s->uncommitted = false;
	}
	predict(s, &s->last);
	if (s->last.target && !target_verified_everywhere(s))
		violation(s, "the reload boots the target before it is verified");
	s->reloaded = true;
	const ip_boot_prediction *p = &s->last.p;
	if (p->outcome == IP_NEXT_IMAGE) {
		s->dev.system_image.filesystem = p->filesystem;
		s->dev.system_image.path = p->path;
		s->dev.system_image.raw = ip_arena_printf(s->a, "%s%s", p->filesystem ? p->filesystem : "",
							   p->path);
	}
	if (s->dev.confreg_next.known)
		s->dev.confreg = s->dev.confreg_next;
	s->dev.bootvar_current = s->dev.bootvar;
}

/* install add file F: F is expanded into packages on every member's
 * flash (packages.conf written where there was none); nothing is active
 * yet. Returns false when F was not there and verified (R3). */
static bool install_add(sim *s, const ip_plan_effect *e)
{
	ip_filesystem *fs = fs_get(s, e->filesystem);
	if (!file_get(fs, e->path) || !verified(s, e->filesystem, e->path)) {
		violation(s, "install activates %s%s before it is on flash and verified",
			  e->filesystem, e->path);
		return false;
	}
	const ip_plan *p = s->plan;
	const ip_check_config *cc = p->opts.check;
	unsigned pct = cc ? cc->opts.install_expand_percent : 100;
	uint64_t expand = e->size / 100 * pct + e->size % 100 * pct / 100;
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		ip_filesystem *m = fs_get(s, i == 0 ? p->filesystem : p->member_fs[i - 1]);
		/* the other members get their own copy of the .bin first
		 * (issue 20, point 3) */
		uint64_t need = i == 0 || (m && file_get(m, e->path)) ? expand : e->size + expand;
		if (i && need < e->size)
			need = UINT64_MAX; /* saturated */
		if (!m || !m->free.known || m->free.v < need) {
			violation(s, "install add needs about %llu bytes for the %s on %s",
				  (unsigned long long)need, i ? "image and its packages" : "packages",
				  m ? m->name : "a member's flash");
			continue;
		}
		m->free.v -= need;
	}
	/* install add writes packages.conf where there was none, on every member */
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		ip_filesystem *m = fs_get(s, i == 0 ? p->filesystem : p->member_fs[i - 1]);
		if (m && !file_get(m, "packages.conf")) {
			/* the whole entry, as do_copy writes it: the slot past the
			 * listing's end may hold a buried deletion (a directory) */
			ip_file *f = IP_PUSH(s->a, m->files, m->n_files, m->cap_files);
			*f = (ip_file){ .name = "packages.conf" };
			f->size.known = true;
			f->size.v = 8192;
		}
	}
	return true;
}

static void prove_abort(sim *s);

/* install activate (auto-abort-timer N): packages.conf on the added
 * packages, uncommitted, and the reload into them; the abort is proved
 * from here (R12). */
static void install_activate(sim *s, const ip_plan_effect *e)
{
	if (!verified(s, e->filesystem, e->path))
		violation(s, "install activates %s%s before it is verified", e->filesystem,
			  e->path);
	if (!s->added)
		violation(s, "install activate with no packages added (install add is missing)");
	s->conf_target = true;
	reload(s);
	s->uncommitted = true;
	prove_abort(s);
}

static void install_commit(sim *s)
{
	if (!s->uncommitted)
		violation(s, "install commit with no activation pending");
	s->uncommitted = false;
}

/* install add file F activate commit: the three at once. */
static void install(sim *s, const ip_plan_effect *e)
{
	if (!install_add(s, e))
		return;
	s->conf_target = true;
	reload(s);
}

/* install remove inactive: every .bin (install mode boots none), and the
 * packages of another release than the one running then (the model's
 * ip_space_pkg_other_release: what packages.conf does not name), on
 * every member; their bytes come free (issue 21 pt 2). */
static void remove_inactive(sim *s)
{
	const ip_plan *p = s->plan;
	const char *running = s->reloaded && p->target && p->target->parsed
				      ? p->target->image.version.raw : p->dev->xe_version.s;
	char rel[IP_PKG_RELEASE_SIZE];
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		ip_filesystem *fs = fs_get(s, i == 0 ? p->filesystem : p->member_fs[i - 1]);
		for (size_t j = 0; fs && j < fs->n_files;) {
			ip_file *f = &fs->files[j];
			const char *sl = strrchr(f->name, '/');
			if (f->is_dir || (!ip_image_name_bootable(f->name) &&
					  !ip_space_pkg_other_release(sl ? sl + 1 : f->name, running, rel))) {
				j++;
				continue;
			}
			if (fs->free.known && f->size.known)
				fs->free.v += f->size.v;
			memmove(f, f + 1, (fs->n_files - j - 1) * sizeof(*f));
			fs->n_files--;
		}
	}
}

/* A gated pre-check showed path on fs (a file inside a directory the
 * captured listing did not open): from here on the state holds it, of an
 * unknown size, as the device does. */
static void present(sim *s, const ip_plan_effect *e)
{
	ip_filesystem *fs = fs_get(s, e->filesystem);
	if (!fs) {
		violation(s, "checks %s%s, which the device state does not list", e->filesystem,
			  e->path);
		return;
	}
	if (file_get(fs, e->path))
		return;
	ip_file *f = IP_PUSH(s->a, fs->files, fs->n_files, fs->cap_files);
	*f = (ip_file){ .name = e->path };
}

/* The listed file an entry of a reload list names on fs, or NULL. */
static const ip_file *entry_file(sim *s, ip_filesystem *fs, const ip_boot_entry *e)
{
	if (!fs || e->kind != IP_BOOT_FILE || !e->path || !is_target_name(s, e->path))
		return NULL;
	return file_get(fs, e->path);
}

/* The filesystem a reload list's entry names: its own prefix among the
 * simulated ones (under the model's aliases), else the plan's. */
static ip_filesystem *entry_fs(sim *s, const ip_boot_entry *e)
{
	const char *name = e->filesystem ? e->filesystem : s->plan->filesystem;
	for (size_t i = 0; name && i < s->dev.n_filesystems; i++)
		if (fs_same(s, name, s->dev.filesystems[i].name))
			return &s->dev.filesystems[i];
	return NULL;
}

/* R9 on one list: fs_of NULL reads each entry's own filesystem, else the
 * member's flash every entry names as flash:. */
static void r9_list(sim *s, const ip_boot_list *l, ip_filesystem *member, const char *what)
{
	for (size_t i = 0; !s->r9_broken && i < l->n; i++) {
		/* the name first: it is cheap, and almost no entry passes it
		 * (a plan deleting 20 000 files asks after each deletion) */
		const ip_boot_entry *e = &l->v[i];
		if (e->kind != IP_BOOT_FILE || !e->path || !is_target_name(s, e->path))
			continue;
		ip_filesystem *fs = member ? member : entry_fs(s, e);
		const ip_file *f = entry_file(s, fs, &l->v[i]);
		if (!f || verified(s, fs->name, f->name))
			continue;
		s->r9_broken = true;
		violation(s, "%s entry %zu names %s%s, which is on flash but not verified: a reload "
			  "now would try it first", what, i + 1, fs->name, f->name);
	}
}

/* R9: after an effect that changes flash or what a reload reads. */
static void r9_check(sim *s, const ip_plan_effect *e)
{
	if (s->reloaded || s->r9_broken ||
	    !(e->kind == IP_EFFECT_COPY || e->kind == IP_EFFECT_DELETE || e->kind == IP_EFFECT_SAVE))
		return;
	r9_list(s, &s->dev.boot_startup, NULL, "startup-config boot");
	r9_list(s, &s->dev.bootvar, NULL, "BOOT variable");
	for (size_t i = 1; i < s->n_mboot; i++)
		r9_list(s, &s->mboot[i], fs_get(s, member_fs_name(s, i)),
			ip_arena_printf(s->a, "stack member %d's BOOT variable", member_number(s, i)));
}

/* config-register v: the value for the next reload (R10). */
static void set_register(sim *s, uint32_t v)
{
	const ip_register *was = s->dev.confreg_next.known ? &s->dev.confreg_next : &s->dev.confreg;
	if (!was->known)
		violation(s, "config-register 0x%X replaces a register the captures do not show", v);
	else if (!ip_confreg_repair_only(was->v, v))
		violation(s, "config-register 0x%X changes more than the boot field of 0x%X "
			  "(bits 0x%04X)", v, was->v, (was->v ^ v) & ~(IP_CR_BOOT_FIELD | IP_CR_IGNORE));
	s->dev.confreg_next.known = true;
	s->dev.confreg_next.v = v;
}

static void apply(sim *s, const ip_plan_effect *e)
{
	if (e->kind != IP_EFFECT_DELETE)
		sweep(s);
	switch (e->kind) {
	case IP_EFFECT_COPY: do_copy(s, e); break;
	case IP_EFFECT_DELETE: do_delete(s, e); break;
	case IP_EFFECT_VERIFY: do_verify(s, e); break;
	case IP_EFFECT_SERVER_BACKUP:
		*IP_PUSH(s->a, s->server, s->n_server, s->cap_server) = base(e->path);
		break;
	case IP_EFFECT_SERVER_VERIFY:
		if (!str_in(s->server, s->n_server, base(e->path)))
			violation(s, "checks the server's copy of %s before it is there", e->path);
		*IP_PUSH(s->a, s->server_ok, s->n_server_ok, s->cap_server_ok) = base(e->path);
		break;
	case IP_EFFECT_BOOT_CLEAR:
		s->dev.boot_running.n = 0;
		s->dev.boot_running.known = true;
		break;
	case IP_EFFECT_BOOT_REMOVE: boot_remove(s, &e->entry); break;
	case IP_EFFECT_BOOT_ADD: boot_add(s, &e->entry); break;
	case IP_EFFECT_SAVE: save(s); break;
	case IP_EFFECT_REGISTER: set_register(s, e->value); break;
	case IP_EFFECT_NO_BOOT_MANUAL: s->dev.manual_boot.v = IP_TRI_NO; break;
	case IP_EFFECT_INSTALL: install(s, e); break;
	case IP_EFFECT_INSTALL_ADD: s->added = install_add(s, e); break;
	case IP_EFFECT_INSTALL_ACTIVATE: install_activate(s, e); break;
	case IP_EFFECT_INSTALL_COMMIT: install_commit(s); break;
	case IP_EFFECT_INSTALL_ROLLBACK:
		s->conf_target = false;
		s->uncommitted = false; /* install abort, or a rollback after the commit */
		reload(s);
		break;
	case IP_EFFECT_INSTALL_REMOVE_INACTIVE: remove_inactive(s); break;
	case IP_EFFECT_RELOAD: reload(s); break;
	case IP_EFFECT_PRESENT: present(s, e); break;
	case IP_EFFECT_ROMMON_UPGRADE: rommon_upgrade(s, e); break;
	}
}

/* Apply the steps of phases [from, to]. */
static void run_phases(sim *s, ip_plan_phase from, ip_plan_phase to)
{
	const ip_plan *p = s->plan;
	size_t no = 0;
	ip_plan_phase cur = IP_PHASE_COUNT;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		no = st->phase == cur ? no + 1 : 1;
		cur = st->phase;
		if (st->phase < from || st->phase > to)
			continue;
		s->step = st;
		s->step_no = no;
		for (size_t j = 0; j < st->n_effects; j++) {
			apply(s, &st->effects[j]);
			r9_check(s, &st->effects[j]);
		}
	}
	sweep(s);
	s->step = NULL;
}

/* R12 (issue 21 pt 3): right after the activation's reload, before the
 * commit, `install abort` must bring the old packages back: fork the
 * state, abort, reload. */
static void prove_abort(sim *s)
{
	sim f;
	sim_fork(&f, s);
	f.conf_target = false;
	f.uncommitted = false;
	reload(&f);
	s->proof->aborted = f.last;
	s->proof->abort_simulated = true;
	if (!f.last.fallback)
		violation(&f, "install abort before the commit boots %s, not the old packages",
			  f.last.text);
}

/* --- the proof ------------------------------------------------------------ */

static void sim_init(sim *s, ip_arena *a, const ip_plan *p, ip_plan_proof *proof)
{
	memset(s, 0, sizeof(*s));
	s->a = a;
	s->plan = p;
	s->proof = proof;
	dev_copy(a, &s->dev, p->dev);
	ip_platform_classify(&s->plat, &s->dev);
	s->rommon_needed = ip_plan_rommon_needed(p, &s->plat, NULL);
	*IP_PUSH(a, s->server, s->n_server, s->cap_server) = p->target->name;
	members_init(s);
}

/* R8: a plan without a proved fallback needs the user's explicit leave:
 * --allow-no-fallback, or for the conditional network fallback o names,
 * --allow-delete-running, which asked for exactly that (point 4). A
 * remediation (issue 20 point 9) is outside it, with its warning: the
 * device runs the target already, no file is copied or deleted, and only
 * the boot list changes to name the image that runs; when no other image
 * is on flash there is nothing a fallback could name, and refusing would
 * leave the device booting what it boots now (a network entry, the
 * first-image search), which is worse. */
static bool no_fallback_barred(const ip_plan *p, const ip_plan_outcome *o)
{
	if (o->conditional && p->network_fallback && p->opts.allow_delete_running)
		return false;
	return p->method != IP_METHOD_INSTALL && !p->remediation && !p->opts.allow_no_fallback;
}

/* R5: the target made unbootable (removed; in install mode, its
 * packages.conf), what boots then. */
static void prove_target_fails(sim *after, ip_plan_proof *proof)
{
	sim f;
	sim_fork(&f, after);
	const ip_plan *p = f.plan;
	const char *gone = p->method == IP_METHOD_INSTALL ? "packages.conf" : p->target_file;
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		ip_filesystem *fs = fs_get(&f, i == 0 ? p->filesystem : p->member_fs[i - 1]);
		ip_file *x = file_get(fs, gone);
		if (x) {
			memmove(x, x + 1, (fs->n_files - (size_t)(x - fs->files) - 1) * sizeof(*x));
			fs->n_files--;
		}
	}
	f.conf_target = false;
	predict(&f, &proof->target_fails);
	if (p->method == IP_METHOD_INSTALL && !p->converting)
		proof->target_fails.fallback = false;
	if (!proof->target_fails.fallback && !p->no_fallback_warned)
		violation(&f, "with the target unbootable the device boots %s, and the plan does "
			  "not warn that it has no fallback", proof->target_fails.text);
	else if (!proof->target_fails.fallback && no_fallback_barred(p, &proof->target_fails))
		violation(&f, "with the target unbootable the device boots %s: no fallback is "
			  "proved, and --allow-no-fallback was not given", proof->target_fails.text);
	for (size_t i = 1; i < proof->n_members; i++) {
		ip_plan_member *m = &proof->members[i];
		if (!member_predict(&f, i, &m->target_fails))
			continue;
		if (p->method == IP_METHOD_INSTALL && !p->converting)
			m->target_fails.fallback = false;
		if (!m->target_fails.fallback && !p->no_fallback_warned)
			violation(&f, "with the target unbootable stack member %d boots %s, and the "
				  "plan does not warn that it has no fallback", m->number,
				  m->target_fails.text);
		else if (!m->target_fails.fallback && no_fallback_barred(p, &m->target_fails))
			violation(&f, "with the target unbootable stack member %d boots %s: no "
				  "fallback is proved, and --allow-no-fallback was not given",
				  m->number, m->target_fails.text);
	}
	if (proof->n_members)
		proof->members[0].target_fails = proof->target_fails;
}

/* Every member must boot the target at the plan's reload, from its own
 * flash and BOOT variable. */
static void prove_members(sim *s, ip_plan_proof *proof)
{
	for (size_t i = 0; i < s->n_mboot; i++) {
		ip_plan_member *m = IP_PUSH(s->a, proof->members, proof->n_members,
					   proof->cap_members);
		m->number = member_number(s, i);
		m->filesystem = member_fs_name(s, i);
		if (!member_predict(s, i, &m->next)) {
			violation(s, "stack member %d: %s is not in the device state", m->number,
				  m->filesystem);
			continue;
		}
		if (!m->next.target)
			violation(s, "at the plan's reload stack member %d boots %s, not the target",
				  m->number, m->next.text);
	}
}

static bool has_phase(const ip_plan *p, ip_plan_phase ph)
{
	for (size_t i = 0; i < p->n_steps; i++)
		if (p->steps[i].phase == ph)
			return true;
	return false;
}

/* R6, R7: the rollback and the clean-up, each from the upgraded state. */
static void prove_after(sim *after, ip_plan_proof *proof)
{
	const ip_plan *p = after->plan;
	if (has_phase(p, IP_PHASE_ROLLBACK)) {
		sim r;
		sim_fork(&r, after);
		r.reloaded = false;
		run_phases(&r, IP_PHASE_ROLLBACK, IP_PHASE_ROLLBACK);
		proof->rollback_simulated = true;
		proof->rollback = r.last;
		if (!r.reloaded)
			violation(&r, "the rollback section never reloads");
		else if (!r.last.fallback && !(r.last.conditional && p->network_fallback))
			violation(&r, "the rollback reload boots %s, not the old image", r.last.text);
	}
	if (has_phase(p, IP_PHASE_CLEANUP)) {
		sim c;
		sim_fork(&c, after);
		run_phases(&c, IP_PHASE_CLEANUP, IP_PHASE_CLEANUP);
		proof->cleanup_simulated = true;
		predict(&c, &proof->cleanup);
		if (!proof->cleanup.target)
			violation(&c, "after the clean-up the device boots %s, not the target",
				  proof->cleanup.text);
	}
}

/* A device already on the target (issue 20 point 9). Nothing to do: the
 * captured next boot, and every member's, is the target (R4 without a
 * reload). Remediation: after the plan's boot statements and save the next
 * reload (not made) boots the verified target, every member too, and R5
 * holds with the fallback the plan keeps. */
static void prove_on_target(sim *s, ip_plan_proof *out)
{
	const ip_plan *p = s->plan;
	if (p->nothing_to_do)
		out->next = out->before;
	else
		predict(s, &out->next);
	if (!out->next.target) {
		violation(s, "the device runs the target, but its next reload boots %s",
			  out->next.text);
		return;
	}
	if (p->remediation && !target_verified_everywhere(s))
		violation(s, "the boot statements name the target, which the plan never verifies");
	prove_members(s, out);
	if (p->remediation)
		prove_target_fails(s, out);
}

/* R14: where one expect line comes from, or why it is not accepted. */
static const char *expect_unsourced(const ip_expect_src *src, const char *line)
{
	if (!src)
		return "no source";
	if (src->form == IP_EXPECT_QUOTED)
		return ip_span_known(src->span) ? NULL : "quoted from no capture line";
	if (!ip_expect_row_of(src->form))
		return "an unknown form";
	return ip_expect_matches(src->form, line) ? NULL : "not the form it claims";
}

static void r14_expects(sim *s)
{
	const ip_plan *p = s->plan;
	size_t no = 0;
	ip_plan_phase cur = IP_PHASE_COUNT;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		no = st->phase == cur ? no + 1 : 1;
		cur = st->phase;
		s->step = st;
		s->step_no = no;
		for (size_t j = 0; j < st->n_expect + st->n_expect_any; j++) {
			bool any = j >= st->n_expect;
			const char *line = any ? st->expect_any[j - st->n_expect] : st->expect[j];
			const ip_expect_src *v = any ? st->expect_any_src : st->expect_src;
			const char *why = expect_unsourced(v ? &v[any ? j - st->n_expect : j] : NULL,
							   line);
			if (why)
				violation(s, "R14: expects '%s', which is neither a documented line "
					  "nor quoted from a capture (%s)", line, why);
		}
	}
	s->step = NULL;
}

void ip_plan_prove(ip_plan_proof *out, ip_arena *a, const ip_plan *p)
{
	memset(out, 0, sizeof(*out));
	sim s;
	sim_init(&s, a, p, out);
	for (size_t i = 0; i < p->dev->n_conflicts; i++) {
		const ip_source_conflict *c = &p->dev->conflicts[i];
		violation(&s, "starts from a guess: the captures disagree on the %s (%s:%u, %s:%u) "
			  "and nothing says which is newer", c->what, c->at.file, c->at.line,
			  c->other_at.file, c->other_at.line);
	}
	if (ip_install_pending(&p->check.next_boot.install))
		violation(&s, "starts from a pending install: settle it with install commit or "
			  "install abort first (R12)");
	r14_expects(&s);
	predict(&s, &out->before);
	run_phases(&s, IP_PHASE_PRECHECK, IP_PHASE_POSTCHECK);
	if (p->nothing_to_do || p->remediation) {
		if (s.reloaded)
			violation(&s, "the device already runs the target: the plan must not reload it");
		prove_on_target(&s, out);
		out->proven = out->n_violations == 0;
		return;
	}
	out->next = s.last;
	if (s.uncommitted)
		violation(&s, "the post-checks end with the activation uncommitted: the "
			  "auto-abort timer reverts it (install commit is missing)");
	if (!s.reloaded) {
		violation(&s, "the plan never reloads the device");
	} else if (!s.last.target) {
		violation(&s, "the plan's reload boots %s, not the target", s.last.text);
	} else {
		prove_members(&s, out);
		prove_target_fails(&s, out);
		prove_after(&s, out);
	}
	out->proven = out->n_violations == 0;
}
