/* stack-mismatch: the members of a switch stack run, or after the planned
 * reload would run, different software (issue 11; DOMAIN.md §3.3, §8,
 * §9.12).
 *
 *   *    1 41    C9300-48P   17.09.04a   CAT9K_IOSXE   INSTALL
 *        3 41    C9300-48P   17.06.05    CAT9K_IOSXE   INSTALL     show version
 *    3       Member   7c21.0ec6.3e00   1   V02   V-Mismatch      show switch
 *
 * A member on another version, image or install/bundle mode than the
 * active one does not join the stack (V-Mismatch). Decisions:
 * - Now: each member's version, SW image and mode (show version's table)
 *   against the active member's, and show switch's state (any
 *   "...Mismatch"). One finding per member, at the first field that
 *   differs. A Provisioned or Removed member is not there: not compared.
 *   A member show switch lists but show version does not describe is
 *   reported weakly, with the capture that would.
 * - After the reload (a target given, bundle or tar, not install mode,
 *   where `install add` serves every member): once the target is staged
 *   on the active member (its flash holds it, or its BOOT variable names
 *   it first), every other member's flash must hold it and its BOOT
 *   variable must name it first; otherwise that member boots the old
 *   release and comes up in version mismatch. A member whose flash or BOOT
 *   variable was not captured gets a weak finding naming the command
 *   (`dir flash-2:`, `show boot`), never a silent pass. */
#include <string.h>
#include <strings.h>

#include "boot_facts.h"
#include "stack.h"
#include "stack_facts.h"

static bool absent(const ip_member *m)
{
	const char *s = m->state.s;
	return s && (strncasecmp(s, "Provisioned", 11) == 0 || strncasecmp(s, "Removed", 7) == 0);
}

/* "V-Mismatch", "Version Mismatch", "F-Mismatch", "Lic-Mismatch". */
static bool state_mismatch(const ip_member *m)
{
	const char *s = m->state.s;
	for (; s && *s; s++)
		if (strncasecmp(s, "mismatch", 8) == 0)
			return true;
	return false;
}

static bool differ(const ip_text *a, const ip_text *b)
{
	return a->s && b->s && strcasecmp(a->s, b->s) != 0;
}

/* The field of m that differs from ref first, or NULL. */
static const char *first_difference(const ip_member *m, const ip_member *ref,
				    const ip_text **mine, const ip_text **theirs)
{
	static const char *const names[] = { "version", "image", "mode" };
	const ip_text *a[] = { &m->version, &m->image, &m->mode };
	const ip_text *b[] = { &ref->version, &ref->image, &ref->mode };
	for (size_t i = 0; i < 3; i++)
		if (differ(a[i], b[i])) {
			*mine = a[i];
			*theirs = b[i];
			return names[i];
		}
	return NULL;
}

/* Bring member m to the active member's software. */
static void fix_now(const ip_rule_ctx *ctx, ip_findings *out, ip_finding *f,
		    const ip_member *m, const ip_member *ref)
{
	bool install = (ref->mode.s && strcasecmp(ref->mode.s, "INSTALL") == 0) ||
		       ctx->dev->install_mode.v == IP_TRI_YES;
	if (install)
		ip_finding_fix(out, f, "install autoupgrade");
	else if (ctx->dev->os == IP_OS_IOS)
		ip_finding_fix(out, f, "archive copy-sw /destination-system %d %d", m->number,
			       ref->number);
	else if (ctx->dev->system_image.path) {
		stack_view v;
		stack_view_of(&v, ctx, m);
		const char *img = ctx->dev->system_image.path;
		ip_finding_fix(out, f, "copy flash:%s %s", img, v.fs_name);
		ip_finding_fix(out, f, "verify /md5 %s%s", v.fs_name, img);
		ip_finding_fix(out, f, "configure terminal");
		ip_finding_fix(out, f, "boot system switch all flash:%s", img);
		ip_finding_fix(out, f, "end");
		ip_finding_fix(out, f, "copy running-config startup-config");
	}
	ip_finding_fix(out, f, "reload slot %d", m->number);
}

static void check_member_now(const ip_rule_ctx *ctx, ip_findings *out, const ip_member *m,
			     const ip_member *ref)
{
	const ip_text *mine = NULL, *theirs = NULL;
	const char *what = first_difference(m, ref, &mine, &theirs);
	ip_finding *f;
	if (what) {
		f = ip_report(out, ip_subj_member(m->number),
			      mine->span, "switch %d runs %s %s and the active switch %d runs "
			      "%s: a member on another %s does not join the stack%s%s%s",
			      m->number, what, mine->s, ref->number, theirs->s, what,
			      m->state.s ? " (state " : "", m->state.s ? m->state.s : "",
			      m->state.s ? ")" : "");
		ip_finding_related(out, f, theirs->span, "switch %d: %s", ref->number, theirs->s);
	} else if (state_mismatch(m)) {
		f = ip_report(out, ip_subj_member(m->number),
			      m->state.span, "switch %d is in state %s: it runs other "
			      "software than the active switch %d and does not join the stack",
			      m->number, m->state.s, ref->number);
	} else {
		if (!m->version.s && ref->version.s && !absent(m)) {
			f = ip_report_weak(out, ip_subj_member(m->number),
					   m->span, "switch %d's software version is unknown: "
					   "cannot tell whether it matches switch %d's %s",
					   m->number, ref->number, ref->version.s);
			ip_finding_capture(out, f, "show version");
		}
		return;
	}
	if (what && state_mismatch(m))
		ip_finding_related(out, f, m->state.span, "show switch: %s", m->state.s);
	fix_now(ctx, out, f, m, ref);
}

/* --- after the planned reload ------------------------------------------- */

static bool names_target_first(const ip_rule_ctx *ctx, const ip_boot_list *l)
{
	return l && l->n && boot_entry_names(&l->v[0], stack_target_bin(ctx));
}

/* The target is on the active member, or its BOOT variable names it. */
static bool staged(const ip_rule_ctx *ctx, const ip_member *act, bool *boot_set)
{
	stack_view v;
	const ip_file *f;
	stack_view_of(&v, ctx, act);
	*boot_set = names_target_first(ctx, v.bootvar);
	return *boot_set || stack_target_on(ctx, &v, &f) == STACK_FILE_PRESENT;
}

static void missing_on(const ip_rule_ctx *ctx, ip_findings *out, const stack_view *v,
		       const ip_member *act)
{
	const char *t = ctx->target->name;
	ip_finding *f = ip_report(out, ip_subj_fs(v->fs->name, v->m->number),
				  v->fs->span, "%s (switch %d) does not hold %s: after the "
				  "reload switch %d boots its old release and comes up in "
				  "version mismatch", v->fs->name, v->m->number, t, v->m->number);
	if (ctx->target->image.kind == IP_IMAGE_TAR) {
		ip_finding_fix(out, f, "archive copy-sw /destination-system %d %d", v->m->number,
			       act->number);
		return;
	}
	ip_finding_fix(out, f, "copy flash:%s %s", t, v->fs_name);
	ip_finding_fix(out, f, "verify /md5 %s%s", v->fs_name, t);
}

static void boot_not_target(const ip_rule_ctx *ctx, ip_findings *out, const stack_view *v)
{
	const ip_boot_list *l = v->bootvar;
	const char *bin = stack_target_bin(ctx);
	ip_subject about = l->n ? ip_subj_entry(ctx->dev, l, &l->v[0]) : ip_subj_list(ctx->dev, l);
	ip_finding *f = ip_report(out, about, l->n ? l->v[0].span : l->span,
				  "switch %d's BOOT variable starts with %s, not %s: after the "
				  "reload it boots another release than the active switch and "
				  "does not join the stack", v->m->number,
				  l->n ? l->v[0].raw : "(nothing)", bin);
	const ip_file *tf;
	if (stack_target_on(ctx, v, &tf) == STACK_FILE_PRESENT && !tf->is_dir)
		ip_finding_related(out, f, tf->span, "%s on %s", bin, v->fs->name);
	ip_finding_fix(out, f, "configure terminal");
	ip_finding_fix(out, f, "boot system switch all flash:%s", tf && !tf->is_dir ? tf->name : bin);
	ip_finding_fix(out, f, "end");
	ip_finding_fix(out, f, "copy running-config startup-config");
}

static void unknown(const ip_rule_ctx *ctx, ip_findings *out, const stack_view *v,
		    const char *what, const char *capture)
{
	ip_finding *f = ip_report_weak(out, ip_subj_member(v->m->number),
				       v->m->span, "cannot tell whether switch %d boots "
				       "%s after the reload: %s was not captured", v->m->number,
				       ctx->target->name, what);
	ip_finding_capture(out, f, capture);
}

static void check_member_next(const ip_rule_ctx *ctx, ip_findings *out, const ip_member *m,
			      const ip_member *act, bool boot_set)
{
	stack_view v;
	const ip_file *tf;
	stack_view_of(&v, ctx, m);
	stack_file st = stack_target_on(ctx, &v, &tf);
	if (st == STACK_FILE_MISSING) {
		missing_on(ctx, out, &v, act);
		return;
	}
	if (st != STACK_FILE_PRESENT) {
		unknown(ctx, out, &v, st == STACK_FILE_UNKNOWN
			? ip_arena_printf(ctx->arena, "a listing of %s", v.fs_name)
			: ip_arena_printf(ctx->arena, "a complete listing of %s", v.fs_name),
			v.dir_cmd);
		return;
	}
	if (!boot_set)
		return; /* the active's BOOT is not set either: boot-order's business */
	if (!v.bootvar)
		unknown(ctx, out, &v, ip_arena_printf(ctx->arena, "its BOOT variable"),
			"show boot");
	else if (!names_target_first(ctx, v.bootvar))
		boot_not_target(ctx, out, &v);
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	if (!stack_is(ctx))
		return;
	const ip_device *d = ctx->dev;
	const ip_member *act = ip_stack_active(d);
	const ip_member *ref = act ? act : &d->members[0];
	for (size_t i = 0; i < d->n_members; i++)
		if (&d->members[i] != ref && !absent(&d->members[i]))
			check_member_now(ctx, out, &d->members[i], ref);
	const ip_target *t = ctx->target;
	if (!t || !t->name || !act || d->install_mode.v == IP_TRI_YES ||
	    (t->parsed && t->image.kind != IP_IMAGE_BUNDLE && t->image.kind != IP_IMAGE_TAR))
		return;
	bool boot_set;
	if (!staged(ctx, act, &boot_set))
		return;
	for (size_t i = 0; i < d->n_members; i++)
		if (&d->members[i] != act && !absent(&d->members[i]))
			check_member_next(ctx, out, &d->members[i], act, boot_set);
}

const ip_rule rule_stack_mismatch = { "stack-mismatch", IP_SEV_ERROR, check, IP_REPAIR_STACK };
