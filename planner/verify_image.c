/* The checks about the image: on flash with its full size and the
 * reference hash (after the transfer); running, at the target's version,
 * with the expected register and a fresh uptime (after the reload). */
#include <string.h>
#include <strings.h>

#include "fact_hint.h"
#include "parsers.h"
#include "stack.h"
#include "verify_private.h"

static const ip_span none = { 0 };

static const char *listing_cmd(vctx *c, const char *fs)
{
	return ip_arena_printf(c->a, "show %s", fs ? fs : "flash:");
}

/* One filesystem (the target's, or a stack member's). */
static void present_on(vctx *c, const char *fsname)
{
	const ip_target *t = c->v->target;
	const ip_filesystem *fs = ip_fs_view_listing(&c->fsv, fsname);
	if (!fs || !fs->listed) {
		vcheck_missing(c, "image-present", false, listing_cmd(c, fsname),
			       "no listing of %s after the change: the copy of %s cannot be checked",
			       fsname, t->name);
		return;
	}
	const ip_file *f = ip_fs_lookup_file(fs, t->name);
	if (!f) {
		ip_vcheck *k = vcheck(c, "image-present", IP_VCHECK_FAIL, fs->span, none,
				      "%s has no %s: the image was not copied (or was deleted)",
				      fs->name, t->name);
		vcheck_fix(c, k, "copy tftp://<server>/%s %s", t->name, fs->name);
		return;
	}
	if (!t->size.known || !f->size.known) {
		vcheck(c, "image-present", IP_VCHECK_WARN, f->span, none,
		       "%s lists %s, but its size cannot be compared: %s", fs->name, f->name,
		       t->size.known ? "the listing does not print it" : "no reference size (give --size)");
		return;
	}
	if (f->size.v != t->size.v) {
		ip_vcheck *k = vcheck(c, "image-present", IP_VCHECK_FAIL, f->size.span, none,
				      "%s%s is %llu bytes, the reference is %llu bytes (%s): the copy "
				      "is incomplete or another file", fs->name, f->name,
				      (unsigned long long)f->size.v, (unsigned long long)t->size.v,
				      t->size_origin ? t->size_origin : "--size");
		vcheck_fix(c, k, "delete /force %s%s", fs->name, f->name);
		vcheck_fix(c, k, "copy tftp://<server>/%s %s", t->name, fs->name);
		return;
	}
	vcheck(c, "image-present", IP_VCHECK_PASS, f->size.span, none,
	       "%s%s is %llu bytes, the reference size", fs->name, f->name,
	       (unsigned long long)f->size.v);
}

void v_check_image_present(vctx *c)
{
	if (!c->v->target || !c->image.path) {
		vcheck_missing(c, "image-present", false, NULL, "no target image: %s",
			       c->v->no_target_why ? c->v->no_target_why
						   : "give --target or --catalog");
		return;
	}
	present_on(c, c->image.filesystem);
	/* In install mode the .bin stays on the active member's flash: install
	 * add expands it there and gives every member the packages, not the
	 * .bin (samples/stack-9300-install.log: flash-2: holds the .pkg files
	 * and packages.conf, no .bin). Whether each member then runs the
	 * release is stack-members' check. */
	bool install = c->plan && c->plan->method == IP_METHOD_INSTALL;
	for (size_t i = 0; c->plan && !install && i < c->plan->n_member_fs; i++)
		present_on(c, c->plan->member_fs[i]);
}

/* The last verify of the image in the after-captures. */
static const ip_verification *last_verify(const vctx *c)
{
	const ip_device *d = c->v->after;
	for (size_t i = d->n_verifications; i-- > 0;)
		if (v_same_file(c, d->verifications[i].file.filesystem, d->verifications[i].file.path,
				c->image.filesystem, c->image.path))
			return &d->verifications[i];
	return NULL;
}

static void verified_against(vctx *c, const ip_verification *r, const char *ref, const char *origin)
{
	ip_span at = r->computed.s ? r->computed.span : r->span;
	const char *got = r->result == IP_VERIFY_VERIFIED && r->expected.s ? r->expected.s : r->computed.s;
	if (!ref) {
		vcheck(c, "image-verified", IP_VCHECK_WARN, at, none,
		       "%s hashes to %s, but no reference hash was given to compare it with (give "
		       "--md5 from the download page)", r->file.raw, got ? got : "?");
		return;
	}
	const ip_target *t = c->v->target;
	ip_span ref_at = ref == t->md5 ? t->md5_span : t->sha512_span;
	if (got && strcasecmp(got, ref) == 0) {
		ip_vcheck *k = vcheck(c, "image-verified", IP_VCHECK_PASS, at, none,
				      "%s %s %s, the reference (%s)", r->file.raw,
				      r->result == IP_VERIFY_VERIFIED ? "verified as" : "hashes to", ref,
				      origin ? origin : "--md5");
		if (ip_span_known(ref_at))
			vcheck_related(c, k, ref_at, "the reference hash");
		return;
	}
	ip_vcheck *k = vcheck(c, "image-verified", IP_VCHECK_FAIL, at, none,
			      r->result == IP_VERIFY_VERIFIED
				      ? "%s was verified against %s, not the reference %s: the check "
					"proves nothing about the published image"
				      : "%s hashes to %s, the reference is %s: the copy is corrupt or "
					"tampered with; never boot it",
			      r->file.raw, got ? got : "?", ref);
	if (ip_span_known(ref_at))
		vcheck_related(c, k, ref_at, "the reference hash");
	vcheck_fix(c, k, "verify /md5 %s %s", r->file.raw, ref);
}

void v_check_image_verified(vctx *c)
{
	const ip_target *t = c->v->target;
	if (!t || !c->image.path)
		return; /* image-present said there is no target */
	const ip_verification *r = last_verify(c);
	bool sha = r && r->algorithm == IP_HASH_SHA512;
	const char *ref = sha ? t->sha512 : t->md5 ? t->md5 : NULL;
	const char *origin = sha ? t->sha512_origin : t->md5_origin;
	if (!r) {
		vcheck_missing(c, "image-verified", false,
			       ip_arena_printf(c->a, "verify /md5 %s %s", c->v->image,
					       t->md5 ? t->md5 : "<published-md5>"),
			       "no verify /md5 of %s in the after-captures", c->v->image);
		return;
	}
	switch (r->result) {
	case IP_VERIFY_VERIFIED:
	case IP_VERIFY_COMPUTED:
		verified_against(c, r, ref, origin);
		return;
	case IP_VERIFY_MISMATCH: {
		ip_vcheck *k = vcheck(c, "image-verified", IP_VCHECK_FAIL, r->span, none,
				      "the device found %s different from %s: %%Error verifying; the "
				      "copy is corrupt or the hash is wrong", r->file.raw,
				      r->expected.s ? r->expected.s : "the hash given");
		vcheck_fix(c, k, "delete /force %s", r->file.raw);
		return;
	}
	case IP_VERIFY_FAILED:
		vcheck(c, "image-verified", IP_VCHECK_FAIL, r->span, none,
		       "the device could not read %s: %s", r->file.raw, r->reason ? r->reason : "error");
		return;
	default:
		vcheck_missing(c, "image-verified", false,
			       ip_arena_printf(c->a, "verify /md5 %s", c->v->image),
			       "the verify output of %s stops before its result: the capture was cut "
			       "short", r->file.raw);
	}
}

/* --- after the reload -------------------------------------------------------- */

static const ip_text *running_text(const ip_device *d, bool xe)
{
	if (xe && d->xe_version.s)
		return &d->xe_version;
	return d->version.s ? &d->version : NULL;
}

void v_check_version(vctx *c)
{
	const ip_target *t = c->v->target;
	const ip_device *d = c->v->after, *b = c->v->before;
	if (!t || !t->parsed || t->image.version.scheme == IP_VER_INVALID) {
		vcheck_missing(c, "version", false, NULL, "the target's name carries no version to "
			       "compare with%s", t ? "" : " (no target given)");
		return;
	}
	const ip_text *rt = running_text(d, t->image.is_xe);
	const ip_text *bt = b ? running_text(b, t->image.is_xe) : NULL;
	ip_version run;
	if (!rt || !ip_version_parse(&run, rt->s, strlen(rt->s))) {
		vcheck_missing(c, "version", false, "show version",
			       "the version running after the reload is unknown");
		return;
	}
	char tn[IP_VERSION_TEXT_SIZE], rn[IP_VERSION_TEXT_SIZE];
	ip_version_normalise(&t->image.version, tn, sizeof(tn));
	ip_version_normalise(&run, rn, sizeof(rn));
	ip_span before = bt ? bt->span : none;
	if (ip_version_cmp(&run, &t->image.version) == 0) {
		vcheck(c, "version", IP_VCHECK_PASS, rt->span, before, "runs %s, the target's version%s%s",
		       rt->s, bt ? "; it ran " : "", bt ? bt->s : "");
		return;
	}
	bool old = bt && strcasecmp(bt->s, rt->s) == 0;
	const ip_path *img = &d->system_image;
	if (!old && c->boots.path && img->raw &&
	    v_same_file(c, img->filesystem, img->path, c->boots.filesystem, c->boots.path)) {
		ip_vcheck *k = vcheck(c, "version", IP_VCHECK_FAIL, rt->span, before,
				      "runs %s from %s, not the target's %s: the file under the "
				      "target's name holds another release; verify its hash against "
				      "the download page", rt->s, img->raw, tn);
		vcheck_related(c, k, img->span, "the image that booted");
		if (t->md5)
			vcheck_fix(c, k, "verify /md5 %s %s", img->raw, t->md5);
		return;
	}
	vcheck(c, "version", IP_VCHECK_FAIL, rt->span, before,
	       old ? "still runs %s, the version before the change, not the target's %s: the new "
		     "image did not load"
		   : "runs %s, not the target's %s", rt->s, tn);
}

void v_check_system_image(vctx *c)
{
	ip_verify_device *v = c->v;
	const ip_path *img = &v->after->system_image;
	ip_span before = v->before ? v->before->system_image.span : none;
	if (!img->raw) {
		/* what gives the image line here (fact_hint.h, issue 23): a
		 * Cat4500 on its default software prints none in a full show
		 * version, so asking for show version again would not help */
		ip_fact_hint h = ip_fact_hint_of(c->a, v->after, &c->platform, IP_FACT_IMAGE);
		vcheck_missing(c, "system-image", false,
			       h.kind == IP_HINT_NOT_PRINTED ? h.capture : "show version",
			       "the image running after the reload is unknown (the System image "
			       "file line: %s)", h.text);
		return;
	}
	if (!c->boots.path) {
		vcheck(c, "system-image", IP_VCHECK_WARN, img->span, before,
		       "runs %s; with no target it cannot be judged", img->raw);
		return;
	}
	if (v_same_file(c, img->filesystem, img->path, c->boots.filesystem, c->boots.path)) {
		vcheck(c, "system-image", IP_VCHECK_PASS, img->span, before, "booted %s, the target",
		       img->raw);
		return;
	}
	ip_path old = { 0 };
	if (v->old_image)
		ip_path_split(&old, c->a, v->old_image, strlen(v->old_image));
	if (old.path && v_same_file(c, img->filesystem, img->path, old.filesystem, old.path)) {
		ip_vcheck *k = vcheck(c, "system-image", IP_VCHECK_FAIL, img->span, before,
				      "THE FALLBACK BOOTED: the device runs %s, the old image, not %s: "
				      "the new image failed to load (it healed itself, but the upgrade "
				      "did not happen); check the console boot log and verify the copy",
				      img->raw, v->boots);
		if (v->image && v->target && v->target->md5)
			vcheck_fix(c, k, "verify /md5 %s %s", v->image, v->target->md5);
		vcheck_fix(c, k, "show boot");
		return;
	}
	vcheck(c, "system-image", IP_VCHECK_FAIL, img->span, before, "runs %s, not the target %s",
	       img->raw, v->boots);
}

void v_check_register(vctx *c)
{
	const ip_device *d = c->v->after, *b = c->v->before;
	ip_span before = b && b->confreg.known ? b->confreg.span : none;
	if (!d->confreg.known) {
		if (c->platform.confreg_line_optional || c->platform.confreg_ignored)
			vcheck(c, "register", IP_VCHECK_PASS, none, before,
			       "no configuration register line: normal on this platform, where "
			       "MANUAL_BOOT decides");
		else
			vcheck_missing(c, "register", false, "show version | include register",
				       "the register after the reload is unknown");
		return;
	}
	if (d->confreg_next.known && d->confreg_next.v != d->confreg.v) {
		vcheck(c, "register", IP_VCHECK_FAIL, d->confreg_next.span, before,
		       "the register is 0x%X but will be 0x%X at the next reload: a change is pending",
		       d->confreg.v, d->confreg_next.v);
		return;
	}
	if (c->v->register_known && d->confreg.v != c->v->register_value) {
		ip_vcheck *k = vcheck(c, "register", IP_VCHECK_FAIL, d->confreg.span, before,
				      "the register is 0x%X, expected 0x%X", d->confreg.v,
				      c->v->register_value);
		vcheck_fix(c, k, "configure terminal");
		vcheck_fix(c, k, "config-register 0x%X", c->v->register_value);
		vcheck_fix(c, k, "end");
		return;
	}
	vcheck(c, "register", IP_VCHECK_PASS, d->confreg.span, before,
	       "the register is 0x%X%s, no change pending", d->confreg.v,
	       c->v->register_known ? ", as expected" : "");
}

void v_check_uptime(vctx *c)
{
	const ip_device *d = c->v->after, *b = c->v->before;
	ip_span before = b && b->uptime.s ? b->uptime.span : none;
	const char *why = d->reload_reason.s
				  ? ip_arena_printf(c->a, " (last reload: %s)", d->reload_reason.s)
				  : "";
	if (!c->up_after_known) {
		vcheck_missing(c, "uptime", false, "show version",
			       d->uptime.s ? "the uptime after the change is not readable"
					   : "the uptime after the change is unknown");
		return;
	}
	if (!c->up_before_known) {
		vcheck(c, "uptime", IP_VCHECK_PASS, d->uptime.span, before, "up %s%s", d->uptime.s, why);
		return;
	}
	if (c->up_after < c->up_before) {
		vcheck(c, "uptime", IP_VCHECK_PASS, d->uptime.span, before,
		       "up %s, %s before: the device reloaded%s", d->uptime.s, b->uptime.s, why);
		return;
	}
	vcheck(c, "uptime", IP_VCHECK_FAIL, d->uptime.span, before,
	       "up %s, not less than the %s before: the device has not reloaded since the "
	       "before-captures (or the captures are swapped)", d->uptime.s, b->uptime.s);
}

/* --- a stack's members ------------------------------------------------------- */

/* Every member of a stack runs one release after the reload (issue 23,
 * point 5): a member left on the old one comes up in V-Mismatch and its
 * ports stay down, while the active member's show version lines pass the
 * version check. IOS-XE stacks print each member's version in show
 * version's switch table (samples/stack-9300-install.log: "*    1 65
 * C9300-48U  17.09.04a  CAT9K_IOSXE  INSTALL"; the stack-mismatch rule
 * reads the same rows). Made only where a side shows a stack. */
static const ip_member *member_of(const ip_device *d, int number)
{
	for (size_t i = 0; d && i < d->n_members; i++)
		if (d->members[i].number == number)
			return &d->members[i];
	return NULL;
}

/* Each member boots from its own BOOT variable (show boot's "Switch 2"
 * block, parsers/stack.h): one whose first entry is not the plan's first
 * boots another image at the next reload, though the active's list is
 * right. A member whose BOOT was not captured is boot-list's concern. */
static bool member_boot_ok(vctx *c, const ip_device *d, const ip_member *m)
{
	const ip_boot_list *l = ip_stack_member_bootvar(d, m);
	const ip_boot_entry *want = c->v->n_boot_list ? &c->v->boot_list[0] : NULL;
	if (!l || !l->known || !want || want->kind != IP_BOOT_FILE)
		return true;
	if (l->n && l->v[0].kind == IP_BOOT_FILE &&
	    v_same_file(c, l->v[0].filesystem, l->v[0].path, want->filesystem, want->path))
		return true;
	vcheck(c, "stack-members", IP_VCHECK_FAIL, l->n ? l->v[0].span : l->span, none,
	       "switch %d's BOOT variable names %s first, not %s: that member boots another "
	       "image at the next reload", m->number, l->n ? l->v[0].raw : "nothing",
	       v_path_text(c->a, want->filesystem, want->path));
	return false;
}

void v_check_members(vctx *c)
{
	const ip_target *t = c->v->target;
	const ip_device *d = c->v->after, *b = c->v->before;
	size_t before_n = b ? b->n_members : 0;
	if (d->n_members < 2 && before_n < 2)
		return;
	if (!t || !t->parsed || t->image.version.scheme == IP_VER_INVALID)
		return; /* the version check says why */
	if (d->n_members < 2) {
		vcheck_missing(c, "stack-members", false, "show version",
			       "the stack's switch table (each member's version) after the reload "
			       "is not captured");
		return;
	}
	char tn[IP_VERSION_TEXT_SIZE];
	ip_version_normalise(&t->image.version, tn, sizeof(tn));
	const char *ok = "";
	for (size_t i = 0; i < d->n_members; i++) {
		const ip_member *m = &d->members[i];
		const ip_member *was = member_of(b, m->number);
		ip_span before = was && was->version.s ? was->version.span : none;
		ip_version v;
		if (!m->version.s || !ip_version_parse(&v, m->version.s, strlen(m->version.s))) {
			vcheck_missing(c, "stack-members", false, "show version",
				       "switch %d's version after the reload is not in the capture",
				       m->number);
			return;
		}
		if (ip_version_cmp(&v, &t->image.version) != 0) {
			vcheck(c, "stack-members", IP_VCHECK_FAIL, m->version.span, before,
			       "switch %d runs %s, not the target's %s: it comes up in V-Mismatch "
			       "and does not join the stack", m->number, m->version.s, tn);
			return;
		}
		if (!member_boot_ok(c, d, m))
			return;
		ok = ip_arena_printf(c->a, "%s%s%d", ok, *ok ? ", " : "", m->number);
	}
	for (size_t i = 0; i < before_n; i++)
		if (!member_of(d, b->members[i].number)) {
			vcheck(c, "stack-members", IP_VCHECK_FAIL, d->members[0].version.span,
			       b->members[i].version.span, "switch %d, in the stack before, is not in "
			       "it after the reload", b->members[i].number);
			return;
		}
	vcheck(c, "stack-members", IP_VCHECK_PASS, d->members[0].version.span, none,
	       "every member (switch %s) runs %s", ok, tn);
}
