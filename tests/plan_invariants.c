/* The planner's safety properties; see plan_invariants.h. */
#include "plan_invariants.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "image_name.h"

typedef struct walk {
	const ip_plan *p;
	const char **have; /* "fs|name" of the files present */
	size_t n_have, cap_have;
	const char **ok;   /* verified */
	size_t n_ok, cap_ok;
	bool net_added, net_saved, backed_up;
	int reloads;
	const char *why;   /* the first property broken */
} walk;

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
	return w->net_saved && w->backed_up;
}

static void walk_effect(walk *w, ip_arena *a, const ip_plan_effect *e)
{
	const ip_plan *p = w->p;
	const char *key = e->filesystem ? ip_arena_printf(a, "%s|%s", e->filesystem, e->path) : NULL;
	bool is_target = e->path && !strcasecmp(base(e->path), base(p->target_file));
	switch (e->kind) {
	case IP_EFFECT_COPY:
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
	case IP_EFFECT_BOOT_ADD:
		if (e->entry.kind == IP_BOOT_FILE && e->entry.path &&
		    !strcasecmp(base(e->entry.path), base(p->target_file)) && !target_ok(w, a))
			w->why = w->why ? w->why : "P2: a boot entry names the target before the verify";
		w->net_added |= e->entry.kind == IP_BOOT_NETWORK;
		break;
	case IP_EFFECT_SAVE: w->net_saved |= w->net_added; break;
	case IP_EFFECT_INSTALL:
	case IP_EFFECT_RELOAD:
		w->reloads++;
		if (!target_ok(w, a))
			w->why = w->why ? w->why : "P2: reloads or activates before the target is verified";
		break;
	default: break;
	}
	(void)is_target;
}

static const char *check_effects(const ip_plan *p, ip_arena *a)
{
	walk w = { .p = p };
	for (size_t i = 0; i < p->dev->n_filesystems; i++) {
		const ip_filesystem *fs = &p->dev->filesystems[i];
		for (size_t j = 0; j < fs->n_files; j++)
			*IP_PUSH(a, w.have, w.n_have, w.cap_have) =
				ip_arena_printf(a, "%s|%s", fs->name, fs->files[j].name);
	}
	for (size_t i = 0; i < p->n_steps && p->steps[i].phase <= IP_PHASE_POSTCHECK; i++)
		for (size_t j = 0; j < p->steps[i].n_effects; j++)
			walk_effect(&w, a, &p->steps[i].effects[j]);
	if (!w.why && w.reloads != 1)
		w.why = "P4: the plan does not reload exactly once";
	return w.why;
}

/* P6 (issue 20 point 7): a next boot the simulator decides by a network
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
	return "P6: the captured next boot is a network entry, and no network-boot finding "
	       "is repaired by the plan";
}

static bool blocked(const ip_plan *p)
{
	for (size_t i = 0; i < p->n_findings; i++)
		if (p->findings[i].role == IP_ROLE_BLOCKS)
			return true;
	return p->n_reasons > 0;
}

const char *plan_invariants_check(const ip_plan *p, ip_arena *a)
{
	if (p->refused) {
		for (size_t i = 0; i < p->n_reasons; i++)
			if (strstr(p->reasons[i], "fails its own simulation"))
				return "a refusal from the plan failing its own simulation";
		return blocked(p) ? NULL : "refused without a blocking finding or a reason";
	}
	ip_plan_proof again;
	ip_plan_prove(&again, a, p);
	if (!again.proven || !again.next.target || again.next.p.outcome != IP_NEXT_IMAGE)
		return "P1: the simulation does not boot the target";
	if (!again.target_fails.fallback && !(p->no_fallback_warned && p->n_warnings))
		return "P3: no fallback and no warning";
	if (!again.target_fails.fallback && p->method != IP_METHOD_INSTALL &&
	    !p->opts.allow_no_fallback)
		return "P5: no proved fallback, and --allow-no-fallback was not given";
	/* stacks: every member, from its own flash and BOOT variable */
	if (p->n_member_fs && again.n_members != p->n_member_fs + 1)
		return "P1: a stack member was not simulated";
	for (size_t i = 0; i < again.n_members; i++) {
		if (!again.members[i].next.target || again.members[i].next.p.outcome != IP_NEXT_IMAGE)
			return "P1: a stack member does not boot the target";
		if (!again.members[i].target_fails.fallback && !(p->no_fallback_warned && p->n_warnings))
			return "P3: a stack member has no fallback and no warning";
		if (!again.members[i].target_fails.fallback && p->method != IP_METHOD_INSTALL &&
		    !p->opts.allow_no_fallback)
			return "P5: a stack member has no proved fallback, and the flag was not given";
	}
	const char *why = check_network_first(p, &again);
	return why ? why : check_effects(p, a);
}
