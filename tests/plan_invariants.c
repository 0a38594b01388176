/* The planner's safety properties; see plan_invariants.h. */
#include "plan_invariants.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "image_name.h"
#include "redundancy.h"
#include "rommon.h"

typedef struct walk {
	const ip_plan *p;
	const char **have; /* "fs|name" of the files present */
	size_t n_have, cap_have;
	const char **ok;   /* verified */
	size_t n_ok, cap_ok;
	bool net_added, net_saved, backed_up;
	bool server_ok; /* the server's copy checked against the device's hash
			 * (issue 20, point 4): only then does it stand in */
	int reloads, copies;
	/* P6: the filesystem of each entry naming the target, in the
	 * running-config and in the lists a reload reads */
	const char **run_fs;
	size_t n_run_fs, cap_run_fs;
	const char **saved_fs;
	size_t n_saved_fs, cap_saved_fs;
	const char *why;   /* the first property broken */
	bool activated, committed; /* P14: the two-step form's activation and commit */
	bool rommon_needed, rommon_done; /* P15 (issue 22, slice #22 plan): the target
					  * needs a newer ROMMON; the upgrade ran */
} walk;

/* P15: from the model and the catalogue, not from the planner: the
 * catalogue's minimum for the device against its captured ROMMON. */
static bool rommon_needed(const ip_plan *p)
{
	const ip_rommon_min *m = p->target ? ip_release_min_rommon(p->target->facts, p->dev,
								   &p->check.platform) : NULL;
	ip_rommon_answer r = ip_device_rommon(p->dev);
	return m && r.version && ip_rommon_cmp(r.version->s, m->version.text) == IP_ROM_OLDER;
}

static const char *base(const char *p)
{
	const char *sl = p ? strrchr(p, '/') : NULL;
	return sl ? sl + 1 : p;
}

static ssize_t find(const char *const *v, size_t n, const char *k)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] && !strcasecmp(v[i], k))
			return (ssize_t)i;
	return -1;
}

static bool target_ok(walk *w, ip_arena *a)
{
	const ip_plan *p = w->p;
	if (find(w->ok, w->n_ok, ip_arena_printf(a, "%s|%s", p->filesystem, p->target_file)) < 0)
		return false;
	for (size_t i = 0; p->method != IP_METHOD_INSTALL && i < p->n_member_fs; i++)
		if (find(w->ok, w->n_ok, ip_arena_printf(a, "%s|%s", p->member_fs[i], p->target_file)) < 0)
			return false;
	return true;
}

/* After deleting from fs: does it still hold something bootable that is
 * not the unverified target? */
static bool bootable_left(walk *w, ip_arena *a, const char *fs)
{
	size_t n = strlen(fs);
	for (size_t i = 0; i < w->n_have; i++) {
		const char *h = w->have[i];
		if (!h || strncasecmp(h, fs, n) || h[n] != '|')
			continue;
		const char *name = h + n + 1;
		if (!strcasecmp(base(name), base(w->p->target_file)))
			continue;
		if (ip_image_name_bootable(name) || (w->p->method == IP_METHOD_INSTALL &&
						     !strcasecmp(name, "packages.conf")))
			return true;
	}
	(void)a;
	return w->net_saved && w->backed_up && w->server_ok;
}

/* The target's own path (a tar's image inside its directory), not any
 * file of its base name. */
static bool is_target_path(const walk *w, const char *path)
{
	while (*path == '/')
		path++;
	return !strcasecmp(path, w->p->target_file);
}

static bool entry_names_target(const walk *w, const ip_boot_entry *e)
{
	return e->kind == IP_BOOT_FILE && e->path && is_target_path(w, e->path);
}

/* The filesystem an entry names: its own prefix, else the plan's. */
static const char *entry_fs(const walk *w, const ip_boot_entry *e)
{
	return e->filesystem ? e->filesystem : w->p->filesystem;
}

/* Append the filesystem of each entry of l naming the target to *v; fs
 * names them all when not NULL (a member's BOOT variable, whose flash: is
 * the member's). */
static void list_targets(const walk *w, ip_arena *a, const ip_boot_list *l, const char *fs,
			 const char ***v, size_t *n, size_t *cap)
{
	for (size_t i = 0; l->known && i < l->n; i++)
		if (entry_names_target(w, &l->v[i]))
			*IP_PUSH(a, *v, *n, *cap) = fs ? fs : entry_fs(w, &l->v[i]);
}

/* P6: a file of the target's name, on a filesystem a saved entry naming
 * the target points at, that is not verified there (a partial copy on
 * another filesystem is no danger: no saved entry would load it). */
static bool target_unverified(const walk *w)
{
	for (size_t i = 0; i < w->n_have; i++) {
		const char *h = w->have[i], *bar = h ? strchr(h, '|') : NULL;
		if (!bar || !is_target_path(w, bar + 1) || find(w->ok, w->n_ok, h) >= 0)
			continue;
		for (size_t k = 0; k < w->n_saved_fs; k++)
			if (strlen(w->saved_fs[k]) == (size_t)(bar - h) &&
			    !strncasecmp(w->saved_fs[k], h, (size_t)(bar - h)))
				return true;
	}
	return false;
}

/* P6 (issue 20, point 12): from the first change to flash or to what a
 * reload reads, no saved list names the target while a copy of it that
 * is not verified is on flash. */
static void p5_check(walk *w, const ip_plan_effect *e)
{
	if (w->reloads || !(e->kind == IP_EFFECT_COPY || e->kind == IP_EFFECT_DELETE ||
			    e->kind == IP_EFFECT_SAVE))
		return;
	if (w->n_saved_fs && target_unverified(w))
		w->why = w->why ? w->why : "P6: a saved boot entry names an unverified target copy";
}

static void walk_effect(walk *w, ip_arena *a, const ip_plan_effect *e)
{
	const ip_plan *p = w->p;
	const char *key = e->filesystem ? ip_arena_printf(a, "%s|%s", e->filesystem, e->path) : NULL;
	bool is_target = e->path && !strcasecmp(base(e->path), base(p->target_file));
	switch (e->kind) {
	case IP_EFFECT_COPY:
		w->copies++;
		/* fall through */
	case IP_EFFECT_PRESENT: /* a gated pre-check showed it */
		if (find(w->have, w->n_have, key) < 0)
			*IP_PUSH(a, w->have, w->n_have, w->cap_have) = key;
		break;
	case IP_EFFECT_DELETE: {
		bool could_boot = bootable_left(w, a, e->filesystem);
		ssize_t i = find(w->have, w->n_have, key);
		if (i >= 0)
			w->have[i] = NULL;
		const char *run = p->dev->system_image.path;
		if (run && !strcasecmp(base(run), base(e->path)) && !p->opts.allow_delete_running)
			w->why = w->why ? w->why : "P2: deletes the running image without the flag";
		if (!target_ok(w, a) && could_boot && !bootable_left(w, a, e->filesystem))
			w->why = w->why ? w->why : "P2: deletes the last bootable image before the verify";
		break;
	}
	case IP_EFFECT_VERIFY:
		*IP_PUSH(a, w->ok, w->n_ok, w->cap_ok) = key;
		break;
	case IP_EFFECT_SERVER_BACKUP: w->backed_up = true; break;
	case IP_EFFECT_SERVER_VERIFY: w->server_ok = w->backed_up; break;
	case IP_EFFECT_BOOT_ADD:
		if (entry_names_target(w, &e->entry))
			*IP_PUSH(a, w->run_fs, w->n_run_fs, w->cap_run_fs) = entry_fs(w, &e->entry);
		if (e->entry.kind == IP_BOOT_FILE && e->entry.path &&
		    !strcasecmp(base(e->entry.path), base(p->target_file)) && !target_ok(w, a))
			w->why = w->why ? w->why : "P2: a boot entry names the target before the verify";
		w->net_added |= e->entry.kind == IP_BOOT_NETWORK;
		break;
	case IP_EFFECT_SAVE:
		w->net_saved |= w->net_added;
		w->n_saved_fs = 0;
		for (size_t i = 0; i < w->n_run_fs; i++)
			if (w->run_fs[i])
				*IP_PUSH(a, w->saved_fs, w->n_saved_fs, w->cap_saved_fs) = w->run_fs[i];
		break;
	case IP_EFFECT_BOOT_CLEAR: w->n_run_fs = 0; break;
	case IP_EFFECT_BOOT_REMOVE:
		for (size_t i = 0; entry_names_target(w, &e->entry) && i < w->n_run_fs; i++)
			if (w->run_fs[i] && !strcasecmp(w->run_fs[i], entry_fs(w, &e->entry))) {
				w->run_fs[i] = NULL;
				break;
			}
		break;
	case IP_EFFECT_REGISTER: {
		/* P7: the boot field (0x000F) changes, the ignore bits (0x8040)
		 * may only go; the console speed and the rest stay */
		const ip_register *r = p->dev->confreg_next.known ? &p->dev->confreg_next
								    : &p->dev->confreg;
		if (!r->known || ((r->v ^ e->value) & ~0x804Fu) || (e->value & 0x8040u & ~r->v))
			w->why = w->why ? w->why : "P7: a register repair changes more than the boot field";
		break;
	}
	case IP_EFFECT_ROMMON_UPGRADE:
		if (find(w->ok, w->n_ok, key) < 0)
			w->why = w->why ? w->why : "P15: upgrades the ROMMON from an unverified package";
		w->rommon_done = true;
		break;
	case IP_EFFECT_INSTALL_COMMIT:
		/* P14: a commit only after the activation's reload, once */
		if (!w->activated || w->committed)
			w->why = w->why ? w->why : "P14: install commit without one activation before it";
		w->committed = true;
		break;
	case IP_EFFECT_INSTALL_ACTIVATE:
		w->activated = true;
		/* the activation reloads */
		/* fall through */
	case IP_EFFECT_INSTALL:
	case IP_EFFECT_RELOAD:
		w->reloads++;
		if (w->rommon_needed && !w->rommon_done)
			w->why = w->why ? w->why : "P15: reloads before the ROMMON upgrade the target needs";
		if (!target_ok(w, a))
			w->why = w->why ? w->why : "P2: reloads or activates before the target is verified";
		break;
	default: break;
	}
	(void)is_target;
}

/* P11 (issue 21): a device with a standby RP is planned only with the
 * standby STANDBY HOT in SSO (show redundancy), and every reload (or
 * install, which reloads) comes after a gated `show bootvar` that checks
 * the Standby BOOT line, itself after the last save: the standby boots
 * what the active boots. */
static const char *check_standby(const ip_plan *p)
{
	const ip_device *d = p->dev;
	if (!d || !ip_standby_present(d) || p->nothing_to_do)
		return NULL;
	const ip_redundancy *rd = ip_redundancy_of(d);
	if (!rd->known || rd->peer != IP_PEER_HOT ||
	    (rd->mode != IP_RED_MODE_SSO && rd->mode != IP_RED_MODE_UNKNOWN))
		return "P11: planned with a standby RP that is not shown STANDBY HOT in SSO";
	bool checked = false;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		bool shows = false;
		for (size_t k = 0; k < st->n_commands; k++)
			shows |= !strcmp(st->commands[k], "show bootvar");
		for (size_t k = 0; shows && st->gate && k < st->n_expect; k++)
			checked |= !strncmp(st->expect[k], "Standby BOOT variable = ", 24);
		for (size_t j = 0; j < st->n_effects; j++) {
			ip_effect_kind k = st->effects[j].kind;
			if (k == IP_EFFECT_SAVE)
				checked = false;
			if ((k == IP_EFFECT_RELOAD || k == IP_EFFECT_INSTALL) && !checked)
				return "P11: a reload without the standby's BOOT variable checked since "
				       "the last save";
		}
	}
	return NULL;
}

static const char *check_effects(const ip_plan *p, ip_arena *a)
{
	walk w = { .p = p, .rommon_needed = rommon_needed(p) };
	for (size_t i = 0; i < p->dev->n_filesystems; i++) {
		const ip_filesystem *fs = &p->dev->filesystems[i];
		for (size_t j = 0; j < fs->n_files; j++)
			*IP_PUSH(a, w.have, w.n_have, w.cap_have) =
				ip_arena_printf(a, "%s|%s", fs->name, fs->files[j].name);
	}
	const ip_device *d = p->dev;
	list_targets(&w, a, &d->boot_running, NULL, &w.run_fs, &w.n_run_fs, &w.cap_run_fs);
	list_targets(&w, a, &d->boot_startup, NULL, &w.saved_fs, &w.n_saved_fs, &w.cap_saved_fs);
	list_targets(&w, a, &d->bootvar, NULL, &w.saved_fs, &w.n_saved_fs, &w.cap_saved_fs);
	if (!d->boot_startup.known)
		list_targets(&w, a, &d->boot_running, NULL, &w.saved_fs, &w.n_saved_fs,
			     &w.cap_saved_fs);
	/* a member's flash: is its own flash; which name the plan gives it
	 * is the planner's: every member flash counts */
	for (size_t i = 0; i < d->n_members; i++)
		for (size_t m = 0; m < p->n_member_fs; m++)
			list_targets(&w, a, &d->members[i].bootvar, p->member_fs[m], &w.saved_fs,
				     &w.n_saved_fs, &w.cap_saved_fs);
	for (size_t i = 0; i < p->n_steps && p->steps[i].phase <= IP_PHASE_POSTCHECK; i++)
		for (size_t j = 0; j < p->steps[i].n_effects; j++) {
			walk_effect(&w, a, &p->steps[i].effects[j]);
			p5_check(&w, &p->steps[i].effects[j]);
		}
	bool on_target = p->nothing_to_do || p->remediation;
	/* P14 (issue 21 pt 3): the two-step form commits what it activated
	 * before its post-checks end: else the auto-abort timer reverts it */
	if (!w.why && w.activated && !w.committed)
		w.why = "P14: activated, and never committed before the clean-up";
	if (!w.why && w.reloads != (on_target ? 0 : 1))
		w.why = on_target ? "P8: a device already on the target is reloaded"
				  : "P4: the plan does not reload exactly once";
	if (!w.why && on_target && w.copies)
		w.why = "P8: a device already on the target gets a copy";
	if (!w.why && p->nothing_to_do && p->n_steps)
		w.why = "P8: nothing to do, yet the plan has steps";
	return w.why;
}

/* P9 (issue 20 point 7): a next boot the simulator decides by a network
 * entry is never silent: network-boot reports it, and a printed plan
 * repairs it (its new, saved list starts with the verified target). */
static const char *check_network_first(const ip_plan *p, const ip_plan_proof *again)
{
	if (again->before.p.outcome != IP_NEXT_NETWORK)
		return NULL;
	for (size_t i = 0; i < p->n_findings; i++)
		if (!strcmp(p->findings[i].finding->rule_id, "network-boot") &&
		    p->findings[i].role == IP_ROLE_RESOLVED)
			return NULL;
	return "P9: the captured next boot is a network entry, and no network-boot finding "
	       "is repaired by the plan";
}

/* P13 (issue 21): an install-mode plan types the install commands of the
 * release the device runs now, as the model decides them from the device
 * alone (recomputed here, not read from the plan): `install add` only
 * where that release has it, and no `install` or `show install` command
 * before the reload where it has none. A router on a release without
 * install add is refused. */
static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static const char *check_install_flow(const ip_plan *p)
{
	if (p->method != IP_METHOD_INSTALL || p->nothing_to_do || p->remediation)
		return NULL;
	char buf[IP_VERSION_TEXT_SIZE];
	ip_install_gate g;
	const ip_rule_options *o = p->opts.check ? &p->opts.check->opts : NULL;
	ip_install_gate_decide(&g, p->dev, &p->check.platform, o ? o->install_since : NULL,
			       o ? o->n_install_since : 0, buf);
	if (g.flow == IP_FLOW_NONE)
		return "P13: a plan for a router whose release has no install add";
	const char *want = g.flow == IP_FLOW_SOFTWARE_INSTALL	? "software install file "
			   : g.flow == IP_FLOW_REQUEST_PLATFORM ? "request platform software package "
								  "install switch all file "
								: "install add file ";
	bool typed = false;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		for (size_t j = 0; st->phase <= IP_PHASE_RELOAD && j < st->n_commands; j++) {
			const char *c = st->commands[j];
			typed |= st->phase == IP_PHASE_RELOAD && starts_with(c, want);
			if (g.flow != IP_FLOW_INSTALL &&
			    (starts_with(c, "install ") || starts_with(c, "show install")))
				return "P13: an install command before the reload on a release without it";
		}
	}
	return typed ? NULL : "P13: the reload does not type the running release's install command";
}

static bool blocked(const ip_plan *p)
{
	for (size_t i = 0; i < p->n_findings; i++)
		if (p->findings[i].role == IP_ROLE_BLOCKS)
			return true;
	return p->n_reasons > 0;
}

/* P12 (issue 20, point 19): with --vrf every command that reaches the
 * server is in the VRF: the ping names it, and each network copy ends with
 * its `vrf NAME` (IOS-XE switches) or, elsewhere, comes after a
 * configuration step setting the transfer's source interface (or one the
 * captured configuration already sets); no copy on the device names it. */

static const char *check_vrf(const ip_plan *p, ip_arena *a)
{
	const char *vrf = p->opts.vrf;
	if (!vrf)
		return NULL;
	const char *kw = ip_arena_printf(a, " vrf %s", vrf);
	const char *ping = ip_arena_printf(a, "ping vrf %s ", vrf);
	bool keyword = p->check.platform.family == IP_FAMILY_SWITCH_XE;
	bool source_set = p->dev->tftp_source_if.s || p->dev->scp_source_if.s;
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++) {
			const char *c = p->steps[i].commands[j];
			size_t n = strlen(c), k = strlen(kw);
			bool in_vrf = n >= k && !strcmp(c + n - k, kw);
			if (starts_with(c, "ping ") && !starts_with(c, ping))
				return "P12: a ping outside the VRF of --vrf";
			if (p->steps[i].mode == IP_MODE_CONFIG &&
			    (starts_with(c, "ip tftp source-interface ") ||
			     starts_with(c, "ip scp source-interface ")))
				source_set = true;
			if (!starts_with(c, "copy ") && !starts_with(c, "archive download-sw "))
				continue;
			if (!strstr(c, "://")) {
				if (in_vrf)
					return "P12: a copy on the device given the VRF keyword";
				continue;
			}
			if (keyword ? !in_vrf : in_vrf || !source_set)
				return "P12: a transfer outside the VRF of --vrf, or in the wrong form "
				       "for the platform";
		}
	return NULL;
}

/* P16 (issue 22, slice m22-way: the way back): every printed plan says
 * what its rollback needs; a ROMMON step past a catalogued one-way ROMMON
 * is stated one-way (from the catalogue and the model, not from the
 * planner's way back); a rollback its release cannot read the secrets of
 * warns in the rollback phase. */
static bool at_or_above(const char *x, const char *y)
{
	ip_rommon_order o = ip_rommon_cmp(x, y);
	return o == IP_ROM_SAME || o == IP_ROM_NEWER;
}

static const char *check_way_back(const ip_plan *p)
{
	const ip_plan_way_back *w = &p->way_back;
	if (p->nothing_to_do)
		return w->built ? "P16: a way back for a plan with nothing to do" : NULL;
	if (!w->built || !w->n_needs)
		return "P16: a printed plan without its way back";
	bool said[IP_ONE_WAY__COUNT] = { false };
	for (size_t i = 0; i < w->n_one_way; i++)
		said[w->one_way[i].kind] = true;
	const ip_release_facts *r = p->target ? p->target->facts : NULL;
	const ip_rommon_min *m = r ? ip_release_min_rommon(r, p->dev, &p->check.platform) : NULL;
	ip_rommon_answer now = ip_device_rommon(p->dev);
	for (size_t i = 0; m && now.version && i < r->n_one_way; i++)
		if (at_or_above(m->version.text, r->rommon_one_way[i].text) &&
		    ip_rommon_cmp(now.version->s, r->rommon_one_way[i].text) == IP_ROM_OLDER &&
		    !said[IP_ONE_WAY_ROMMON])
			return "P16: a ROMMON past a one-way version, and the way back says it is open";
	if (!said[IP_ONE_WAY_SECRETS])
		return NULL;
	if (!w->n_rollback)
		return "P16: secrets the rollback cannot read, and no rollback warning";
	size_t first = 0;
	while (first < p->n_steps && p->steps[first].phase != IP_PHASE_ROLLBACK)
		first++;
	if (first < p->n_steps ? w->rollback_step == first + 1 : w->rollback_step == 0)
		return NULL;
	return "P16: secrets the rollback cannot read, and no warning says so";
}

const char *plan_invariants_check(const ip_plan *p, ip_arena *a)
{
	/* P10 (issue 21): a pending install (uncommitted packages, a running
	 * auto-abort timer, an install in progress) is never planned over, and
	 * the refusal names both ways out */
	if (p->dev && ip_install_pending(&p->check.next_boot.install)) {
		if (!p->refused)
			return "P10: a plan on a device with a pending install";
		/* IOS-XE 3.x Catalyst 3k: `software commit` / `software rollback`
		 * (issue 21 pt 1) */
		bool sw = p->install.flow == IP_FLOW_SOFTWARE_INSTALL;
		const char *keep = sw ? "software commit" : "install commit";
		const char *undo = sw ? "software rollback" : "install abort";
		bool named = false;
		for (size_t i = 0; i < p->n_reasons; i++)
			named |= strstr(p->reasons[i], keep) && strstr(p->reasons[i], undo);
		for (size_t i = 0; i < p->n_findings; i++)
			named |= p->findings[i].role == IP_ROLE_BLOCKS && p->findings[i].note &&
				 strstr(p->findings[i].note, keep) && strstr(p->findings[i].note, undo);
		if (!named)
			return "P10: a pending install refused without naming the two ways out "
			       "(install commit / install abort; software commit / software "
			       "rollback on 3.x)";
	}
	if (!p->refused && p->dev && p->dev->n_conflicts)
		return "R0: a plan from files that disagree with nothing to order them";
	if (p->refused) {
		if (p->self_refuted)
			return "a refusal from the plan failing its own simulation";
		return blocked(p) ? NULL : "refused without a blocking finding or a reason";
	}
	ip_plan_proof again;
	ip_plan_prove(&again, a, p);
	if (!again.proven || !again.next.target || again.next.p.outcome != IP_NEXT_IMAGE)
		return "P1: the simulation does not boot the target";
	if (!p->nothing_to_do && !again.target_fails.fallback &&
	    !(p->no_fallback_warned && p->n_warnings))
		return "P3: no fallback and no warning";
	/* a network boot is a condition (ROMMON's own IP settings), never a
	 * proved fallback (issue 20, point 4) */
	if (again.target_fails.p.outcome == IP_NEXT_NETWORK && again.target_fails.fallback)
		return "P3: a network boot counted as a proved fallback";
	if (!p->nothing_to_do && !p->remediation && !again.target_fails.fallback &&
	    p->method != IP_METHOD_INSTALL && !p->opts.allow_no_fallback &&
	    !(again.target_fails.conditional && p->opts.allow_delete_running))
		return "P5: no proved fallback, and --allow-no-fallback was not given";
	/* stacks: every member, from its own flash and BOOT variable */
	if (p->n_member_fs && again.n_members != p->n_member_fs + 1)
		return "P1: a stack member was not simulated";
	for (size_t i = 0; i < again.n_members; i++) {
		if (!again.members[i].next.target || again.members[i].next.p.outcome != IP_NEXT_IMAGE)
			return "P1: a stack member does not boot the target";
		if (!p->nothing_to_do && !again.members[i].target_fails.fallback &&
		    !(p->no_fallback_warned && p->n_warnings))
			return "P3: a stack member has no fallback and no warning";
		if (!p->nothing_to_do && !p->remediation && !again.members[i].target_fails.fallback &&
		    p->method != IP_METHOD_INSTALL && !p->opts.allow_no_fallback)
			return "P5: a stack member has no proved fallback, and the flag was not given";
	}
	const char *why = check_network_first(p, &again);
	if (!why)
		why = check_standby(p);
	if (!why)
		why = check_vrf(p, a);
	if (!why)
		why = check_install_flow(p);
	if (!why)
		why = check_way_back(p);
	return why ? why : check_effects(p, a);
}
