/* The boot list after the change: the target first and the fallback second
 * in what the reload reads (the startup-config; on switches also the BOOT
 * variable), saved, and still there after the reload. */
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "boot_sim.h"
#include "verify_private.h"

static const ip_span none = { 0 };

int v_boot_find(const vctx *c, const ip_boot_list *l, const char *fs, const char *path)
{
	for (size_t i = 0; l->known && i < l->n; i++)
		if (l->v[i].kind == IP_BOOT_FILE &&
		    v_same_file(c, l->v[i].filesystem, l->v[i].path, fs, path))
			return (int)i;
	return -1;
}

static bool entry_same(const vctx *c, const ip_boot_entry *a, const ip_boot_entry *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == IP_BOOT_FILE)
		return v_same_file(c, a->filesystem, a->path, b->filesystem, b->path);
	if (a->kind == IP_BOOT_NETWORK)
		return a->path && b->path && ip_fs_file_eq(a->filesystem, v_base(a->path), v_base(b->path));
	return true;
}

static const char *entries_text(vctx *c, const ip_boot_entry *v, size_t n)
{
	if (!n)
		return "none";
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = ip_arena_printf(c->a, "%s%s%s", s, i ? ", " : "", v[i].raw ? v[i].raw : "?");
	return s;
}

/* Whether the old image is gone from the after listing: the clean-up is
 * done, and a list without the fallback is what it leaves. */
static bool old_image_deleted(const vctx *c)
{
	if (!c->fallback.path)
		return false;
	const ip_filesystem *fs = ip_fs_view_listing(&c->fsv, c->fallback.filesystem);
	return fs && fs->listed && fs->complete && !ip_fs_lookup_file(fs, c->fallback.path);
}

/* Whether a complete after listing of the fallback's filesystem was read:
 * without it, "the fallback is still there" is not known (issue 23 pt 8). */
static bool fallback_listed(const vctx *c)
{
	const ip_filesystem *fs = c->fallback.path
		? ip_fs_view_listing(&c->fsv, c->fallback.filesystem) : NULL;
	return fs && fs->listed && fs->complete;
}

static void fix_list(vctx *c, ip_vcheck *k)
{
	const ip_verify_device *v = c->v;
	vcheck_fix(c, k, "configure terminal");
	vcheck_fix(c, k, "no boot system");
	for (size_t i = 0; i < v->n_boot_list; i++)
		vcheck_fix(c, k, "boot system %s", v->boot_list[i].raw);
	vcheck_fix(c, k, "end");
	vcheck_fix(c, k, "copy running-config startup-config");
}

/* One list against the expected one; `what` names it in messages. */
static void judge_list(vctx *c, const char *id, const ip_boot_list *l, const ip_boot_list *was,
		       const char *what)
{
	const ip_verify_device *v = c->v;
	const ip_boot_entry *want = v->boot_list;
	ip_span before = was && was->known ? was->span : none;
	if (!l->n) {
		ip_vcheck *k = vcheck(c, id, IP_VCHECK_FAIL, l->span, before,
				      "the %s has no boot statement; the plan's list is %s: the reload "
				      "boots whatever image it finds first", what,
				      entries_text(c, want, v->n_boot_list));
		fix_list(c, k);
		return;
	}
	if (!entry_same(c, &l->v[0], &want[0])) {
		ip_vcheck *k = vcheck(c, id, IP_VCHECK_FAIL, l->v[0].span, before,
				      "the %s's first boot entry is %s, not the target %s", what,
				      l->v[0].raw, want[0].raw);
		fix_list(c, k);
		return;
	}
	if (v->n_boot_list > 1 && (l->n < 2 || !entry_same(c, &l->v[1], &want[1])) &&
	    !old_image_deleted(c)) {
		ip_vcheck *k = vcheck(c, id, IP_VCHECK_FAIL, l->n > 1 ? l->v[1].span : l->v[0].span,
				      before, "the %s has %s after the target, not the fallback %s: a "
				      "failed boot of the new image has no way back", what,
				      l->n > 1 ? l->v[1].raw : "nothing", want[1].raw);
		fix_list(c, k);
		return;
	}
	if (v->n_boot_list > 1 && l->n > 1 && entry_same(c, &l->v[1], &want[1]) &&
	    old_image_deleted(c)) {
		/* The list is right but its second entry names nothing: the way back
		 * is gone while the list still promises it (a 2960 pair, issue 23). */
		vcheck(c, id, IP_VCHECK_FAIL, l->v[1].span, before,
				      "the %s names the fallback %s second, but the listing of "
				      "%s no longer holds it: a failed boot of the new image has "
				      "no way back; "
				      "copy the old image back, or remove its boot statement to "
				      "end the fallback deliberately", what, want[1].raw,
				      c->fallback.filesystem ? c->fallback.filesystem : "flash");
		return;
	}
	vcheck(c, id, IP_VCHECK_PASS, l->v[0].span, before, "the %s lists %s", what,
	       entries_text(c, l->v, l->n));
}

void v_check_boot_order(vctx *c)
{
	const ip_device *d = c->v->after, *b = c->v->before;
	if (!c->v->n_boot_list)
		return; /* no target: image-present says so */
	bool sw = c->platform.boot_from_bootvar;
	if (d->boot_startup.known)
		judge_list(c, "boot-list", &d->boot_startup, b ? &b->boot_startup : NULL,
			   "startup-config");
	else
		vcheck_missing(c, "boot-list", false, "show startup-config | include boot",
			       "the saved boot list after the change is not captured");
	if (sw && d->bootvar.known)
		judge_list(c, "boot-list", &d->bootvar, b ? &b->bootvar : NULL, "BOOT variable");
	else if (sw)
		vcheck_missing(c, "boot-list", false, "show boot",
			       "a switch boots from its BOOT variable, which is not captured after "
			       "the change");
	if (c->v->n_boot_list > 1 && c->fallback.path && !fallback_listed(c))
		vcheck_missing(c, "boot-list", false,
			       ip_arena_printf(c->a, "dir %s", c->fallback.filesystem
							      ? c->fallback.filesystem : "flash:"),
			       "whether the fallback %s is still on flash is not captured after "
			       "the change", c->v->boot_list[1].raw);
}

static bool lists_equal(const vctx *c, const ip_boot_list *x, const ip_boot_list *y)
{
	if (x->n != y->n)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (!entry_same(c, &x->v[i], &y->v[i]))
			return false;
	return true;
}

void v_check_boot_saved(vctx *c)
{
	const ip_device *d = c->v->after;
	const ip_boot_list *run = &d->boot_running, *start = &d->boot_startup;
	if (!run->known || !start->known) {
		vcheck_missing(c, "boot-saved", false,
			       run->known ? "show startup-config | include boot"
					  : "show running-config | include boot",
			       "running-config and startup-config boot lists cannot be compared: "
			       "the %s after the change is not captured",
			       run->known ? "startup-config" : "running-config");
		return;
	}
	if (lists_equal(c, run, start)) {
		vcheck(c, "boot-saved", IP_VCHECK_PASS, start->span, none, start->n
		       ? "running-config and startup-config list the same boot statements (%s)"
		       : "running-config and startup-config have the same boot statements (%s)",
		       entries_text(c, start->v, start->n));
		return;
	}
	ip_vcheck *k = vcheck(c, "boot-saved", IP_VCHECK_FAIL, run->n ? run->v[0].span : run->span,
			      none, "the running-config lists %s but the startup-config %s: the "
			      "change is not saved, and the reload reads the startup-config",
			      entries_text(c, run->v, run->n), entries_text(c, start->v, start->n));
	vcheck_related(c, k, start->n ? start->v[0].span : start->span, "the startup-config's list");
	vcheck_fix(c, k, "copy running-config startup-config");
}

/* After the reload the running-config was read from the startup-config:
 * its boot list is the saved one as the device understood it. */
void v_check_boot_survived(vctx *c)
{
	const ip_device *d = c->v->after, *b = c->v->before;
	if (!c->v->n_boot_list)
		return;
	const ip_boot_list *run = &d->boot_running;
	if (!run->known) {
		vcheck_missing(c, "boot-survived", false, "show running-config | include boot",
			       "the boot statements after the reload are not captured");
		return;
	}
	if (run->n) {
		judge_list(c, "boot-survived", run, b ? &b->boot_running : NULL,
			   "running-config after the reload");
		return;
	}
	ip_boot_prediction p;
	ip_boot_predict(&p, c->a, d);
	ip_vcheck *k = vcheck(c, "boot-survived", IP_VCHECK_FAIL, run->span,
			      b && b->boot_running.known ? b->boot_running.span : none,
			      "boot statements lost: the running-config after the reload has none, the "
			      "plan saved %s; the next reload boots %s%s",
			      entries_text(c, c->v->boot_list, c->v->n_boot_list),
			      p.outcome == IP_NEXT_IMAGE ? v_path_text(c->a, p.filesystem, p.path)
							 : "whatever image it finds first",
			      p.outcome == IP_NEXT_IMAGE && p.step == IP_STEP_FIRST_IMAGE
				      ? " (the first image on flash)" : "");
	fix_list(c, k);
}
