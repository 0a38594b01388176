/* The way back (issue 22): what the plan's rollback needs, and whether
 * anything in this change closes it. The needs are named from the plan's
 * own steps (by their effects, never their words); the one-way facts come
 * from the same answers the rules give (rules/release_back.h), never from
 * the findings' rule ids (scripts/check-contract):
 *
 * - a ROMMON upgraded past one the catalogue calls one-way (rommon_one_way)
 *   cannot go back below it (Cisco, ISR 4000 hardware-programmable guide:
 *   "the ROMMON cannot be downgraded to a release earlier than 16.9(1r)",
 *   notes/research22.md §1);
 * - $14$ (convoluted type 9) secrets or type 6 passwords in the
 *   configuration, when the rollback boots an IOS-XE release before
 *   16.12.1: Cisco's Catalyst 3650 16.12 security guide says a downgrade
 *   below 16.12.1 with them locks you out (research22 §7; on other IOS-XE
 *   platforms the boundary is UNCONFIRMED, which the sentence says);
 * - the target crossing the catalogue's license_model boundary: going back
 *   below it may need the product registered again (Smart Licensing Using
 *   Policy from 17.3.2; Cat9400 17.4 system management guide, research22
 *   §6); and a next-reload license level that differs from the current
 *   one: it is configuration ('license boot level'), which the rollback
 *   does not change back. */
#include <stdio.h>
#include <string.h>

#include "plan_private.h"
#include "release_back.h"

static const char *const kind_names[IP_ONE_WAY__COUNT] = {
	[IP_ONE_WAY_ROMMON] = "rommon",
	[IP_ONE_WAY_SECRETS] = "secrets",
	[IP_ONE_WAY_LICENSE_MODEL] = "license-model",
	[IP_ONE_WAY_LICENSE_LEVEL] = "license-level",
};

const char *ip_one_way_kind_name(ip_one_way_kind k)
{
	return (unsigned)k < IP_ONE_WAY__COUNT ? kind_names[k] : "?";
}

const char *ip_plan_one_way_kinds(const ip_plan *p, ip_arena *a, bool *sure)
{
	const ip_plan_way_back *w = &p->way_back;
	bool has[IP_ONE_WAY__COUNT] = { false };
	*sure = false;
	for (size_t i = 0; w->built && i < w->n_one_way; i++) {
		has[w->one_way[i].kind] = true;
		*sure |= !w->one_way[i].unconfirmed;
	}
	const char *out = NULL;
	for (int k = 0; k < IP_ONE_WAY__COUNT; k++)
		if (has[k])
			out = out ? ip_arena_printf(a, "%s, %s", out, kind_names[k]) : kind_names[k];
	return out;
}

static void need(plan_bld *b, const char *text)
{
	ip_plan_way_back *w = &b->p->way_back;
	*IP_PUSH(b->a, w->needs, w->n_needs, w->cap_needs) = text;
}

static void one_way(plan_bld *b, ip_one_way_kind k, bool unconfirmed, const char *why)
{
	ip_plan_way_back *w = &b->p->way_back;
	ip_plan_one_way *o = IP_PUSH(b->a, w->one_way, w->n_one_way, w->cap_one_way);
	o->kind = k;
	o->unconfirmed = unconfirmed;
	o->why = why;
}

static void rollback_warning(plan_bld *b, const char *text)
{
	ip_plan_way_back *w = &b->p->way_back;
	*IP_PUSH(b->a, w->rollback, w->n_rollback, w->cap_rollback) = text;
}

/* "step 8.2": the number the writers print for step index i */
static const char *step_no(plan_bld *b, size_t i)
{
	int ph;
	size_t no;
	ip_plan_step_number(b->p, i, &ph, &no);
	return ip_arena_printf(b->a, "step %d.%zu", ph, no);
}

/* The first step in phase ph (any phase: ph < 0) with an effect of kind k
 * on file fs+path (path NULL: any); its index + 1, 0: none. */
static size_t step_with(const ip_plan *p, int ph, ip_effect_kind k, const char *file)
{
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (ph >= 0 && (int)st->phase != ph)
			continue;
		for (size_t j = 0; j < st->n_effects; j++) {
			const ip_plan_effect *e = &st->effects[j];
			if (e->kind != k)
				continue;
			if (!file)
				return i + 1;
			size_t fl = e->filesystem ? strlen(e->filesystem) : 0;
			if (e->path && strncmp(file, e->filesystem ? e->filesystem : "", fl) == 0 &&
			    strcmp(file + fl, e->path) == 0)
				return i + 1;
		}
	}
	return 0;
}

static void need_old_image(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (p->method == IP_METHOD_INSTALL && !p->converting) {
		size_t r = step_with(p, IP_PHASE_ROLLBACK, IP_EFFECT_INSTALL_ROLLBACK, NULL);
		size_t c = step_with(p, IP_PHASE_CLEANUP, IP_EFFECT_INSTALL_REMOVE_INACTIVE, NULL);
		need(b, ip_arena_printf(b->a, "the packages running now, which %s returns to%s%s%s",
					r ? step_no(b, r - 1) : "the rollback",
					c ? " until " : "", c ? step_no(b, c - 1) : "",
					c ? " (the clean-up) removes them" : ""));
		return;
	}
	if (!p->fallback) {
		need(b, "an old image on flash: the plan keeps none, so the way back starts with "
			"copying one back");
		return;
	}
	if (p->network_fallback) {
		size_t up = step_with(p, IP_PHASE_TRANSFER, IP_EFFECT_SERVER_VERIFY, NULL);
		need(b, ip_arena_printf(b->a, "the old image on the server (%s)%s%s, which the "
					"rollback boots over the network", p->fallback,
					up ? ": uploaded and checked in " : "",
					up ? step_no(b, up - 1) : ""));
		return;
	}
	size_t seen = step_with(p, -1, IP_EFFECT_VERIFY, p->fallback);
	const char *how = seen ? "verified" : "shown";
	if (!seen && !(seen = step_with(p, -1, IP_EFFECT_PRESENT, p->fallback)))
		how = NULL;
	size_t del = step_with(p, IP_PHASE_CLEANUP, IP_EFFECT_DELETE, p->fallback);
	need(b, ip_arena_printf(b->a, "the old image %s, kept on flash%s%s%s%s%s", p->fallback,
				how ? " (" : " (in the captured listing", how ? how : "",
				how ? " in " : "", how ? step_no(b, seen - 1) : "",
				del ? ip_arena_printf(b->a, ") until %s (the clean-up) deletes it",
						      step_no(b, del - 1))
				    : "; no step deletes it)"));
}

/* The rollback's boot statements: the commands of the rollback step that
 * changes the boot list, as it prints them. */
static void need_boot_list(plan_bld *b)
{
	const ip_plan *p = b->p;
	size_t i = step_with(p, IP_PHASE_ROLLBACK, IP_EFFECT_BOOT_ADD, NULL);
	if (!i)
		i = step_with(p, IP_PHASE_ROLLBACK, IP_EFFECT_BOOT_REMOVE, NULL);
	if (!i || !p->proof.rollback_simulated)
		return;
	const ip_plan_step *st = &p->steps[i - 1];
	const char *cmds = "";
	for (size_t k = 0; k < st->n_commands; k++)
		cmds = ip_arena_printf(b->a, "%s%s%s", cmds, k ? "; " : "", st->commands[k]);
	size_t save = step_with(p, IP_PHASE_ROLLBACK, IP_EFFECT_SAVE, NULL);
	need(b, ip_arena_printf(b->a, "the old boot statements: %s (%s)%s%s%s, then it boots %s",
				step_no(b, i - 1), cmds, save ? " and " : "",
				save ? step_no(b, save - 1) : "", save ? " (the save)" : "",
				p->proof.rollback.text));
}

static void need_config(plan_bld *b)
{
	const ip_plan_way_back *w = &b->p->way_back;
	if (!w->config_backup)
		return;
	need(b, ip_arena_printf(b->a, "the configuration backup %s, which %s saves, to restore "
				"by hand what the new release changed", w->config_backup,
				w->config_step ? step_no(b, w->config_step - 1) : "a pre-check"));
}

static void rommon_back(plan_bld *b)
{
	const ip_plan *p = b->p;
	ip_rommon_crossing c = ip_release_rommon_crossing(p->target, p->dev, &p->check.platform);
	if (!c.one_way)
		return;
	const char *src = ip_release_fact_source(p->target->facts, IP_FACT_ROMMON_ONE_WAY);
	if (c.unknown)
		one_way(b, IP_ONE_WAY_ROMMON, true, ip_arena_printf(
			b->a, "the target needs ROMMON %s, at or above %s, which cannot be "
			"downgraded (catalogue, %s); no capture shows the ROMMON now ('%s'): if it "
			"is below %s, the way back below it closes", c.min->version.text,
			c.one_way->text, src, c.now.missing, c.one_way->text));
	else
		one_way(b, IP_ONE_WAY_ROMMON, false, ip_arena_printf(
			b->a, "the ROMMON goes from %s to %s or later, past %s, which cannot be "
			"downgraded (catalogue, %s): the rollback boots the old release on the new "
			"ROMMON", c.now.version->s, c.min->version.text, c.one_way->text, src));
}

/* The release the rollback boots: the one running now, when it is IOS-XE
 * (the secrets' boundary is an IOS-XE one). */
static bool rollback_release(const ip_plan *p, ip_version *out, const char **text)
{
	const ip_text *run = ip_release_running(p->dev, p->target);
	*text = run->s;
	return p->dev->os == IP_OS_IOSXE && run->s && ip_version_parse(out, run->s, strlen(run->s));
}

static void secrets_back(plan_bld *b)
{
	const ip_plan *p = b->p;
	ip_version now;
	const char *rel;
	if (!rollback_release(p, &now, &rel))
		return;
	ip_secret_lockout l = ip_secret_lockout_at(p->dev, &now, &p->check.platform);
	const char *unconf = l.documented ? ""
		: " (the boundary Cisco documents for IOS-XE switches; UNCONFIRMED here)";
	if (l.s14)
		one_way(b, IP_ONE_WAY_SECRETS, !l.documented, ip_arena_printf(
			b->a, "the rollback boots %s, before " IP_SECRET_RELEASE "%s, which cannot "
			"read the $14$ (convoluted type 9) secret in '%s': its reload locks you out "
			"unless a $9$ secret replaces it first", rel, unconf, l.s14->command));
	if (l.six)
		one_way(b, IP_ONE_WAY_SECRETS, true, ip_arena_printf(
			b->a, "the rollback boots %s, before " IP_SECRET_RELEASE " (when type 6 "
			"came to IOS-XE switches), with type 6 passwords in '%s': if it cannot read "
			"them its reload locks you out; keep a type 9 secret and console access",
			rel, l.six->command));
	/* the rollback phase says it where it is pasted (issue 22: "a warning
	 * in the rollback phase") */
	if (l.s14)
		rollback_warning(b, ip_arena_printf(
			b->a, "%s, the release this rolls back to, is before " IP_SECRET_RELEASE
			"%s and cannot read the $14$ secret in '%s': put a $9$ secret in the startup "
			"configuration before the reload, or it locks you out", rel, unconf,
			l.s14->command));
	if (l.six)
		rollback_warning(b, ip_arena_printf(
			b->a, "%s, the release this rolls back to, is before " IP_SECRET_RELEASE
			": if it cannot read the type 6 passwords in '%s' its reload locks you out; "
			"keep a type 9 secret and console access", rel, l.six->command));
}

static void license_back(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (ip_release_license_crossing(p->target, p->dev)) {
		const ip_release_facts *r = p->target->facts;
		one_way(b, IP_ONE_WAY_LICENSE_MODEL, false, ip_arena_printf(
			b->a, "the target brings %s (from %s; catalogue, %s): going back to %s, "
			"before it, may need the product registered again; keep 'show license "
			"all' and the registration details", r->license_model.text,
			r->license_since.text, ip_release_fact_source(r, IP_FACT_LICENSE_MODEL),
			ip_release_running(p->dev, p->target)->s));
	}
	const ip_license *l = ip_license_level_change(p->dev);
	if (l)
		one_way(b, IP_ONE_WAY_LICENSE_LEVEL, false, ip_arena_printf(
			b->a, "the license level changes at this reload, from %s to %s, and the "
			"rollback does not change it back: its reload comes up at %s too, unless "
			"the 'license boot level' configuration is set back to %s first",
			l->level.s, l->next_level.s, l->next_level.s, l->level.s));
}

/* Issue 22: "a warning in the rollback phase" when the rollback release
 * would not understand the configuration's secrets. Said first in the
 * rollback's first step, where the operator reads it before pasting; a
 * plan with no rollback phase (no fallback kept) carries it with its
 * warnings instead. The proof has run: a step's words are not its
 * effects, so nothing proved changes. */
static void rollback_phase(plan_bld *b)
{
	ip_plan *p = b->p;
	ip_plan_way_back *w = &p->way_back;
	size_t i = 0;
	while (i < p->n_steps && p->steps[i].phase != IP_PHASE_ROLLBACK)
		i++;
	if (w->n_rollback && i < p->n_steps)
		w->rollback_step = i + 1;
	for (size_t k = w->n_rollback; k-- > 0;) {
		if (i == p->n_steps) {
			*IP_PUSH(b->a, p->warnings, p->n_warnings, p->cap_warnings) =
				ip_arena_printf(b->a, "rollback: %s", w->rollback[k]);
			continue;
		}
		ip_plan_step *st = &p->steps[i];
		st->why = ip_arena_printf(b->a, "WARNING: %s.%s%s", w->rollback[k],
					  st->why ? " " : "", st->why ? st->why : "");
	}
}

void plan_way_back(plan_bld *b)
{
	ip_plan *p = b->p;
	if (p->nothing_to_do || !p->target)
		return;
	p->way_back.built = true;
	need_old_image(b);
	need_boot_list(b);
	need_config(b);
	rommon_back(b);
	secrets_back(b);
	license_back(b);
	rollback_phase(b);
}
