/* `iosplan verify`: expectations, stage, the order of the checks and the
 * clean-up readiness; see verify.h. The checks themselves are in
 * verify_image.c, verify_boot.c and verify_health.c. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "parsers.h"
#include "verify_private.h"

const ip_vcheck_doc ip_vcheck_docs[] = {
	{ "same-device", IP_VSTAGE_NONE, "the before- and after-captures are of one chassis",
	  "Devices are paired by hostname; another box of that name (another site, a lab "
	  "twin, the wrong log) must not pass for this one: the serial numbers and the model "
	  "must match." },
	{ "stage", IP_VSTAGE_NONE, "the after-captures show a step of the change",
	  "Captures that show no step of the change (no image on flash, no boot statement "
	  "for it, no reload) cannot say the change is done." },
	{ "image-present", IP_VSTAGE_TRANSFER, "the target image is on flash with its full size",
	  "A copy shorter than the download page's size is a transfer cut short; the device "
	  "must never boot it." },
	{ "image-verified", IP_VSTAGE_TRANSFER, "verify /md5 of the copy says Verified, with the reference hash",
	  "Only the hash the device computes of the copy, equal to the one Cisco publishes, "
	  "shows the image is neither corrupt nor tampered with." },
	{ "boot-list", IP_VSTAGE_BOOT, "the saved boot list is the target first, the fallback second",
	  "IOS boots the first entry that loads: the new image first, the old one second, so "
	  "that a failed boot heals itself." },
	{ "boot-saved", IP_VSTAGE_BOOT, "the running-config boot list equals the startup-config's",
	  "The reload reads the startup-config: boot statements only in the running-config "
	  "are lost." },
	{ "version", IP_VSTAGE_RELOAD, "the device runs the target's version",
	  "The old version after the reload means the new image did not load." },
	{ "system-image", IP_VSTAGE_RELOAD, "the device booted the target image, not the fallback",
	  "The fallback running means the new image failed to load: the device healed itself "
	  "but the upgrade did not happen." },
	{ "stack-members", IP_VSTAGE_RELOAD, "every stack member runs the target's version",
	  "A member left on the old release comes up in V-Mismatch and does not join: its "
	  "ports stay down while the active member looks upgraded." },
	{ "register", IP_VSTAGE_RELOAD, "the register is the expected value with no change pending",
	  "A register left at another value boots to ROMMON or ignores the startup-config at "
	  "the next reload." },
	{ "uptime", IP_VSTAGE_RELOAD, "the uptime shows the reload",
	  "An uptime longer than before means the captures were not taken after the reload." },
	{ "boot-survived", IP_VSTAGE_RELOAD, "the boot statements survived the reload",
	  "Boot statements lost with the reload leave the next reload to whatever image the "
	  "device finds first." },
	{ "interfaces", IP_VSTAGE_RELOAD, "every interface up before is up after",
	  "A new release can rename interfaces or drop a licensed feature." },
	{ "neighbors", IP_VSTAGE_RELOAD, "every routing and CDP neighbour seen before is back",
	  "An adjacency that did not come back means traffic takes another path, or none." },
	{ "cleanup", IP_VSTAGE_RELOAD, "whether the old image may be deleted and the fallback removed",
	  "The old image and its boot statement are the way back until the new release has "
	  "run under real load for the soak period." },
};
const size_t ip_vcheck_docs_count = sizeof(ip_vcheck_docs) / sizeof(ip_vcheck_docs[0]);

const ip_vcheck_doc *ip_vcheck_doc_find(const char *id)
{
	for (size_t i = 0; i < ip_vcheck_docs_count; i++)
		if (strcmp(ip_vcheck_docs[i].id, id) == 0)
			return &ip_vcheck_docs[i];
	return NULL;
}

const char *ip_vstage_id(ip_vstage s)
{
	static const char *const ids[] = { "none", "transfer", "boot", "reload" };
	return s <= IP_VSTAGE_RELOAD ? ids[s] : "none";
}

const char *ip_vstage_title(ip_vstage s)
{
	static const char *const t[] = { "no step of the change", "after transfer",
					 "after boot-statement change and save", "after reload" };
	return s <= IP_VSTAGE_RELOAD ? t[s] : t[0];
}

const char *ip_vstatus_name(ip_vstatus s)
{
	static const char *const n[] = { "pass", "fail", "warn", "not-made", "info" };
	return s <= IP_VCHECK_INFO ? n[s] : "info";
}

void ip_verify_options_defaults(ip_verify_options *o)
{
	memset(o, 0, sizeof(*o));
	o->soak_hours = 24;
}

bool ip_verify_failed(const ip_verify_device *v)
{
	return v->counts[IP_VCHECK_FAIL] > 0;
}

/* The checks without which a reload is not verified: ip_verify_done. A
 * stack's also needs its members' check, made only on stacks. */
static const char *const decisive[] = { "version", "system-image", "boot-list" };
static const char *const decisive_where_made[] = { "stack-members" };

static bool decisive_made(const ip_verify_device *v, const char *id)
{
	bool made = false;
	for (size_t i = 0; i < v->n_checks; i++)
		if (strcmp(v->checks[i].id, id) == 0) {
			if (v->checks[i].status == IP_VCHECK_NOT_MADE)
				return false;
			made = true;
		}
	return made;
}

bool ip_verify_done(const ip_verify_device *v)
{
	if (ip_verify_failed(v) || v->stage != IP_VSTAGE_RELOAD)
		return false;
	for (size_t i = 0; i < sizeof(decisive) / sizeof(decisive[0]); i++)
		if (!decisive_made(v, decisive[i]))
			return false;
	for (size_t i = 0; i < v->n_checks; i++)
		for (size_t k = 0; k < sizeof(decisive_where_made) / sizeof(decisive_where_made[0]); k++)
			if (v->checks[i].status == IP_VCHECK_NOT_MADE &&
			    strcmp(v->checks[i].id, decisive_where_made[k]) == 0)
				return false;
	return true;
}

static bool is_decisive(const char *id)
{
	for (size_t i = 0; i < sizeof(decisive) / sizeof(decisive[0]); i++)
		if (strcmp(id, decisive[i]) == 0)
			return true;
	for (size_t i = 0; i < sizeof(decisive_where_made) / sizeof(decisive_where_made[0]); i++)
		if (strcmp(id, decisive_where_made[i]) == 0)
			return true;
	return false;
}

const char *ip_verify_missing_decisive(const ip_verify_device *v, ip_arena *a)
{
	const char *s = NULL;
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status != IP_VCHECK_NOT_MADE || !is_decisive(k->id) || !k->capture)
			continue;
		const char *item = ip_arena_printf(a, "%s the change: %s",
						   k->capture_before ? "before" : "after", k->capture);
		if (s && strstr(s, item))
			continue;
		s = s ? ip_arena_printf(a, "%s; %s", s, item) : item;
	}
	for (size_t i = 0; i < sizeof(decisive) / sizeof(decisive[0]); i++) {
		bool any = false;
		for (size_t j = 0; j < v->n_checks; j++)
			any |= strcmp(v->checks[j].id, decisive[i]) == 0;
		if (!any) /* never reached: say which check, not a capture */
			s = ip_arena_printf(a, "%s%sthe %s check was not made", s ? s : "",
					    s ? "; " : "", decisive[i]);
	}
	return s;
}

/* --- helpers --------------------------------------------------------------- */

static ip_vcheck *vcheck_new(vctx *c, const char *id, ip_vstatus st, const char *fmt, va_list ap)
{
	ip_verify_device *v = c->v;
	ip_vcheck *k = IP_PUSH(c->a, v->checks, v->n_checks, v->cap_checks);
	const ip_vcheck_doc *doc = ip_vcheck_doc_find(id);
	k->id = id;
	k->stage = doc ? doc->stage : IP_VSTAGE_NONE;
	k->status = st;
	k->message = ip_arena_vprintf(c->a, fmt, ap);
	v->counts[st]++;
	return k;
}

ip_vcheck *vcheck(vctx *c, const char *id, ip_vstatus st, ip_span after, ip_span before,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_vcheck *k = vcheck_new(c, id, st, fmt, ap);
	va_end(ap);
	k->after = after;
	k->before = before;
	return k;
}

ip_vcheck *vcheck_missing(vctx *c, const char *id, bool before, const char *capture,
			  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_vcheck *k = vcheck_new(c, id, IP_VCHECK_NOT_MADE, fmt, ap);
	va_end(ap);
	k->capture = capture;
	k->capture_before = before;
	return k;
}

void vcheck_related(vctx *c, ip_vcheck *k, ip_span s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = ip_arena_vprintf(c->a, fmt, ap);
	va_end(ap);
	ip_related *r = IP_PUSH(c->a, k->related, k->n_related, k->cap_related);
	r->span = s;
	r->message = message;
}

void vcheck_fix(vctx *c, ip_vcheck *k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *command = ip_arena_vprintf(c->a, fmt, ap);
	va_end(ap);
	*IP_PUSH(c->a, k->fix, k->n_fix, k->cap_fix) = command;
}

const char *v_base(const char *path)
{
	const char *sl = path ? strrchr(path, '/') : NULL;
	return sl ? sl + 1 : path;
}

bool v_same_file(const vctx *c, const char *fs_a, const char *path_a, const char *fs_b,
		 const char *path_b)
{
	if (!path_a || !path_b || !ip_fs_file_eq(fs_a, v_base(path_a), v_base(path_b)))
		return false;
	return ip_fs_view_same(&c->fsv, fs_a, fs_b) || ip_fs_view_same(&c->fsv_before, fs_a, fs_b);
}

const char *v_path_text(ip_arena *a, const char *fs, const char *path)
{
	return ip_arena_printf(a, "%s%s", fs ? fs : "", path ? path : "");
}

/* --- expectations ----------------------------------------------------------- */

static void list_apply(vctx *c, ip_boot_entry **v, size_t *n, size_t *cap, const ip_plan_effect *e)
{
	if (e->kind == IP_EFFECT_BOOT_CLEAR) {
		*n = 0;
	} else if (e->kind == IP_EFFECT_BOOT_ADD) {
		*IP_PUSH(c->a, *v, *n, *cap) = e->entry;
	} else if (e->kind == IP_EFFECT_BOOT_REMOVE) {
		for (size_t i = 0; i < *n; i++)
			if ((*v)[i].raw && e->entry.raw && strcmp((*v)[i].raw, e->entry.raw) == 0) {
				memmove(&(*v)[i], &(*v)[i + 1], (*n - i - 1) * sizeof(**v));
				(*n)--;
				break;
			}
	}
}

/* The boot list the plan leaves: the before list with the effects of its
 * transfer and boot phases applied. */
static void plan_boot_list(vctx *c, const ip_plan *p)
{
	const ip_device *b = c->v->before;
	const ip_boot_list *start = b->boot_running.known ? &b->boot_running : &b->boot_startup;
	ip_boot_entry *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < start->n; i++)
		*IP_PUSH(c->a, v, n, cap) = start->v[i];
	bool changed = false;
	for (size_t s = 0; s < p->n_steps; s++) {
		const ip_plan_step *st = &p->steps[s];
		if (st->phase != IP_PHASE_TRANSFER && st->phase != IP_PHASE_BOOT)
			continue;
		for (size_t e = 0; e < st->n_effects; e++) {
			list_apply(c, &v, &n, &cap, &st->effects[e]);
			changed |= st->effects[e].kind == IP_EFFECT_BOOT_ADD ||
				   st->effects[e].kind == IP_EFFECT_BOOT_CLEAR ||
				   st->effects[e].kind == IP_EFFECT_BOOT_REMOVE;
		}
	}
	if (changed || start->known) {
		c->v->boot_list = v;
		c->v->n_boot_list = n;
	}
}

/* The plan's clean-up commands, each configuration step wrapped in
 * configure terminal / end as the plan's text prints them. */
static void plan_cleanup(vctx *c, const ip_plan *p)
{
	ip_verify_device *v = c->v;
	for (size_t s = 0; s < p->n_steps; s++) {
		const ip_plan_step *st = &p->steps[s];
		if (st->phase != IP_PHASE_CLEANUP)
			continue;
		if (st->mode == IP_MODE_CONFIG)
			*IP_PUSH(c->a, v->cleanup, v->n_cleanup, v->cap_cleanup) = "configure terminal";
		for (size_t k = 0; k < st->n_commands; k++)
			*IP_PUSH(c->a, v->cleanup, v->n_cleanup, v->cap_cleanup) = st->commands[k];
		if (st->mode == IP_MODE_CONFIG)
			*IP_PUSH(c->a, v->cleanup, v->n_cleanup, v->cap_cleanup) = "end";
	}
}

static void expect_from_plan(vctx *c)
{
	ip_verify_device *v = c->v;
	if (!v->before || !v->target)
		return;
	ip_plan *p = ip_arena_alloc(c->a, sizeof(*p));
	ip_plan_options po;
	ip_plan_options_defaults(&po);
	po.check = c->o->check;
	ip_plan_build(p, c->a, v->before, v->target, &po);
	if (!p->image)
		return;
	c->plan = p;
	v->from_plan = true;
	v->image = p->image;
	v->fallback = p->network_fallback ? NULL : p->fallback;
	v->old_image = p->running;
	v->boots = p->method == IP_METHOD_INSTALL
			   ? ip_arena_printf(c->a, "%spackages.conf", p->filesystem)
			   : p->image;
	plan_boot_list(c, p);
	plan_cleanup(c, p);
	for (size_t s = 0; s < p->n_steps; s++)
		for (size_t e = 0; e < p->steps[s].n_effects; e++)
			if (p->steps[s].effects[e].kind == IP_EFFECT_REGISTER) {
				v->register_known = true;
				v->register_value = p->steps[s].effects[e].value;
			}
}

static void entry_push(vctx *c, ip_boot_entry **list, size_t *n, size_t *cap, const char *text)
{
	ip_boot_entry *e = IP_PUSH(c->a, *list, *n, *cap);
	boot_entry_parse(e, c->a, text, strlen(text), (ip_span){ 0 });
}

static bool network_fs(const char *fs)
{
	static const char *const net[] = { "tftp:", "ftp:", "http:", "https:", "scp:", "rcp:" };
	for (size_t i = 0; i < sizeof(net) / sizeof(net[0]); i++)
		if (ip_fs_prefix_eq(fs, net[i]))
			return true;
	return false;
}

/* Without a plan: the target on its filesystem first, the image that ran
 * before second, and the seed's clean-up. */
static void expect_from_captures(vctx *c)
{
	ip_verify_device *v = c->v;
	const ip_path *run = v->before ? &v->before->system_image : NULL;
	if (!v->old_image && run && run->path && run->filesystem && !network_fs(run->filesystem))
		v->old_image = v_path_text(c->a, run->filesystem, run->path);
	if (v->from_plan)
		return;
	v->fallback = v->old_image;
	if (v->target) {
		const char *fs = v->target->filesystem ? v->target->filesystem
						       : (v->before ? c->fsv_before : c->fsv).def;
		if (fs)
			v->image = v_path_text(c->a, fs, v->target->name);
	}
	v->boots = v->image;
	ip_boot_entry *list = NULL;
	size_t n = 0, cap = 0;
	if (v->image)
		entry_push(c, &list, &n, &cap, v->image);
	if (v->image && v->fallback)
		entry_push(c, &list, &n, &cap, v->fallback);
	v->boot_list = list;
	v->n_boot_list = n;
	if (v->fallback) {
		const char *cmds[] = { "configure terminal",
				       ip_arena_printf(c->a, "no boot system %s", v->fallback), "end",
				       "copy running-config startup-config",
				       ip_arena_printf(c->a, "delete /force %s", v->fallback) };
		for (size_t i = 0; i < 5; i++)
			*IP_PUSH(c->a, v->cleanup, v->n_cleanup, v->cap_cleanup) = cmds[i];
	}
}

static void expect_register(vctx *c)
{
	ip_verify_device *v = c->v;
	if (v->register_known || !v->before)
		return;
	const ip_register *r = v->before->confreg_next.known ? &v->before->confreg_next
							      : &v->before->confreg;
	if (r->known) {
		v->register_known = true;
		v->register_value = r->v;
	}
}

/* --- stage ------------------------------------------------------------------ */

static bool set_stage(vctx *c, ip_vstage s, ip_span at, const char *why)
{
	c->v->stage = s;
	c->v->stage_span = at;
	c->v->stage_why = why;
	return true;
}

static bool version_differs(const ip_text *a, const ip_text *b)
{
	return a->s && b->s && strcasecmp(a->s, b->s) != 0;
}

static bool stage_reload(vctx *c)
{
	const ip_device *d = c->v->after, *b = c->v->before;
	if (c->up_after_known && c->up_before_known && c->up_after < c->up_before)
		return set_stage(c, IP_VSTAGE_RELOAD, d->uptime.span,
				 ip_arena_printf(c->a, "show version: up %s, was up %s before",
						 d->uptime.s, b->uptime.s));
	if (b && d->system_image.raw && b->system_image.raw &&
	    !v_same_file(c, d->system_image.filesystem, d->system_image.path,
			 b->system_image.filesystem, b->system_image.path))
		return set_stage(c, IP_VSTAGE_RELOAD, d->system_image.span,
				 ip_arena_printf(c->a, "show version: runs %s, ran %s before",
						 d->system_image.raw, b->system_image.raw));
	if (b && (version_differs(&d->version, &b->version) ||
		  version_differs(&d->xe_version, &b->xe_version)))
		return set_stage(c, IP_VSTAGE_RELOAD, d->version.span,
				 ip_arena_printf(c->a, "show version: version %s, %s before",
						 d->version.s, b->version.s));
	if ((!b || !b->version.s) && c->v->boots && d->system_image.raw &&
	    v_same_file(c, d->system_image.filesystem, d->system_image.path, c->boots.filesystem,
			c->boots.path))
		return set_stage(c, IP_VSTAGE_RELOAD, d->system_image.span,
				 ip_arena_printf(c->a, "show version: runs %s", d->system_image.raw));
	return false;
}

static bool stage_boot(vctx *c)
{
	const ip_device *d = c->v->after;
	const ip_boot_list *lists[] = { &d->boot_startup, &d->bootvar, &d->boot_running,
					&d->boot_config };
	const char *names[] = { "startup-config", "BOOT variable", "running-config", "configuration" };
	for (size_t i = 0; i < 4 && c->image.path; i++) {
		int k = v_boot_find(c, lists[i], c->image.filesystem, c->image.path);
		if (k >= 0)
			return set_stage(c, IP_VSTAGE_BOOT, lists[i]->v[k].span,
					 ip_arena_printf(c->a, "%s: boot entry %d is %s", names[i],
							 k + 1, lists[i]->v[k].raw));
	}
	return false;
}

static bool stage_transfer(vctx *c)
{
	const ip_device *d = c->v->after;
	if (!c->image.path)
		return false;
	const ip_file *f = ip_fs_lookup_file(ip_fs_view_listing(&c->fsv, c->image.filesystem), c->image.path);
	if (f)
		return set_stage(c, IP_VSTAGE_TRANSFER, f->span,
				 ip_arena_printf(c->a, "%s lists %s", c->image.filesystem, f->name));
	for (size_t i = d->n_verifications; i-- > 0;)
		if (v_same_file(c, d->verifications[i].file.filesystem, d->verifications[i].file.path,
				c->image.filesystem, c->image.path))
			return set_stage(c, IP_VSTAGE_TRANSFER, d->verifications[i].file.span,
					 ip_arena_printf(c->a, "verify ran on %s",
							 d->verifications[i].file.raw));
	return false;
}

static void decide_stage(vctx *c)
{
	if (stage_reload(c) || stage_boot(c) || stage_transfer(c))
		return;
	c->v->stage = IP_VSTAGE_NONE;
	c->v->stage_why = "no listing holds the target, no boot statement names it, and "
			  "show version shows no reload";
}

/* --- clean-up readiness ------------------------------------------------------ */

static void check_cleanup(vctx *c)
{
	ip_verify_device *v = c->v;
	const ip_device *d = v->after;
	if (ip_verify_failed(v)) {
		vcheck(c, "cleanup", IP_VCHECK_INFO, (ip_span){ 0 }, (ip_span){ 0 },
		       "not ready: keep the old image and the fallback until the failed checks "
		       "are resolved");
		return;
	}
	if (!c->up_after_known) {
		vcheck_missing(c, "cleanup", false, "show version",
			       "the uptime after the reload is unknown: the soak period cannot be judged");
		return;
	}
	unsigned long long hours = c->up_after / 60, soak = c->o->soak_hours;
	if (hours < soak) {
		vcheck(c, "cleanup", IP_VCHECK_INFO, d->uptime.span, (ip_span){ 0 },
		       "not yet: up %s, %llu of the %llu soak hours; delete the old image and "
		       "remove the fallback in %llu hour%s at the earliest", d->uptime.s, hours,
		       soak, soak - hours, soak - hours == 1 ? "" : "s");
		return;
	}
	ip_vcheck *k = vcheck(c, "cleanup", IP_VCHECK_INFO, d->uptime.span, (ip_span){ 0 },
			      "ready: up %s, past the %llu-hour soak%s%s", d->uptime.s, soak,
			      v->fallback ? ": remove the fallback boot statement and delete the old "
					    "image " : "", v->fallback ? v->fallback : "");
	for (size_t i = 0; i < v->n_cleanup; i++)
		vcheck_fix(c, k, "%s", v->cleanup[i]);
}

/* --- the run ---------------------------------------------------------------- */

static const char *name_of(const ip_device *d)
{
	if (!d)
		return NULL;
	return ip_device_name(d);
}

static void ctx_init(vctx *c, ip_verify_device *v, ip_arena *a, const ip_verify_options *o)
{
	c->v = v;
	c->a = a;
	c->o = o;
	ip_platform_classify(&c->platform, v->after);
	if (c->platform.family == IP_FAMILY_UNKNOWN && v->before)
		ip_platform_classify(&c->platform, v->before);
	const char *tfs = v->target ? v->target->filesystem : NULL;
	ip_fs_view_init(&c->fsv, v->after, &c->platform, tfs);
	ip_fs_view_init(&c->fsv_before, v->before ? v->before : v->after, &c->platform, tfs);
	c->up_after_known = v->after->uptime.s && ip_uptime_minutes(v->after->uptime.s, &c->up_after);
	c->up_before_known = v->before && v->before->uptime.s &&
			     ip_uptime_minutes(v->before->uptime.s, &c->up_before);
}

static void split(vctx *c, ip_path *out, const char *text)
{
	if (text)
		ip_path_split(out, c->a, text, strlen(text));
}

void ip_verify_device_run(ip_verify_device *out, ip_arena *a, const ip_device *before,
			  const ip_device *after, const ip_target *target,
			  const char *no_target_why, const ip_verify_options *o)
{
	memset(out, 0, sizeof(*out));
	out->no_target_why = no_target_why;
	out->before = before;
	out->after = after;
	out->target = target;
	out->hostname = name_of(after) ? name_of(after) : name_of(before) ? name_of(before) : "device";
	vctx c = { 0 };
	ctx_init(&c, out, a, o);
	expect_from_plan(&c);
	expect_from_captures(&c);
	expect_register(&c);
	split(&c, &c.image, out->image);
	split(&c, &c.boots, out->boots);
	split(&c, &c.fallback, out->fallback);
	if (!v_check_same_device(&c)) {
		out->stage_why = "not judged: the after-captures are of another chassis";
		return;
	}
	decide_stage(&c);
	if (out->stage == IP_VSTAGE_NONE)
		vcheck(&c, "stage", IP_VCHECK_FAIL, (ip_span){ 0 }, (ip_span){ 0 },
		       "the after-captures show no step of the change to %s: %s",
		       out->image ? out->image : "the target", out->stage_why);
	v_check_image_present(&c);
	v_check_image_verified(&c);
	if (out->stage >= IP_VSTAGE_BOOT) {
		v_check_boot_order(&c);
		v_check_boot_saved(&c);
	}
	if (out->stage < IP_VSTAGE_RELOAD)
		return;
	v_check_version(&c);
	v_check_system_image(&c);
	v_check_members(&c);
	v_check_register(&c);
	v_check_uptime(&c);
	v_check_boot_survived(&c);
	v_check_interfaces(&c);
	v_check_neighbors(&c);
	check_cleanup(&c);
}
