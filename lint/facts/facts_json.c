/* The facts JSON. Keys are inserted in a fixed order (cJSON keeps insertion
 * order) so the output is stable; unknown values are null, never a default.
 * The tree points at the device's strings (json_build.h): it must be freed
 * before the device is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "facts.h"
#include "finding_json.h"
#include "json_build.h"
#include "rommon.h"
#include "stack.h"
#include "version.h"

/* As cJSON_AddStringToObject did: no member at all for NULL. */
static void add_str(cJSON *o, const char *key, const char *s)
{
	if (s)
		jb_add(o, key, jb_ref(s));
}

static cJSON *u64_or_null(ip_u64 v)
{
	return v.known ? jb_number((double)v.v) : jb_null();
}

static cJSON *tri_json(ip_tri t)
{
	return t == IP_TRI_UNKNOWN ? jb_null() : jb_bool(t == IP_TRI_YES);
}

/* "0x%X" without printf, which was a tenth of this file's cost. */
static cJSON *register_json(ip_register r)
{
	if (!r.known)
		return jb_null();
	char buf[16], *p = buf + sizeof(buf);
	unsigned v = (unsigned)r.v;
	*--p = '\0';
	do
		*--p = "0123456789ABCDEF"[v & 15];
	while (v >>= 4);
	*--p = 'x';
	*--p = '0';
	return jb_copy(p);
}

static const char *boot_kind_name(ip_boot_kind k)
{
	switch (k) {
	case IP_BOOT_FILE: return "file";
	case IP_BOOT_FLASH_FIRST: return "flash-first";
	case IP_BOOT_NETWORK: return "network";
	case IP_BOOT_ROM: return "rom";
	case IP_BOOT_MOP: return "mop";
	case IP_BOOT_OTHER: break;
	}
	return "other";
}

static cJSON *boot_list_json(const ip_boot_list *l)
{
	if (!l->known)
		return jb_null();
	cJSON *a = jb_array();
	for (size_t i = 0; i < l->n; i++) {
		const ip_boot_entry *e = &l->v[i];
		cJSON *o = jb_object();
		jb_add(o, "raw", jb_ref(e->raw));
		jb_add(o, "filesystem", jb_ref(e->filesystem));
		jb_add(o, "path", jb_ref(e->path));
		jb_add(o, "kind", jb_ref(boot_kind_name(e->kind)));
		jb_add(o, "server", jb_ref(e->server));
		if (e->member == -1)
			jb_add(o, "switch", jb_ref("all"));
		else if (e->member > 0)
			jb_add(o, "switch", jb_number(e->member));
		jb_add(o, "line", jb_number(e->span.line));
		jb_add(a, NULL, o);
	}
	return a;
}

static cJSON *filesystems_json(const ip_device *d)
{
	cJSON *a = jb_array();
	for (size_t i = 0; i < d->n_filesystems; i++) {
		const ip_filesystem *fs = &d->filesystems[i];
		cJSON *o = jb_object();
		add_str(o, "name", fs->name);
		jb_add(o, "total_bytes", u64_or_null(fs->total));
		jb_add(o, "free_bytes", u64_or_null(fs->free));
		jb_add(o, "listed", jb_bool(fs->listed));
		jb_add(o, "complete", jb_bool(fs->complete));
		jb_add(o, "aliases", jb_ref(fs->aliases));
		cJSON *files = jb_add(o, "files", jb_array());
		for (size_t k = 0; k < fs->n_files; k++) {
			cJSON *f = jb_object();
			add_str(f, "name", fs->files[k].name);
			jb_add(f, "size", u64_or_null(fs->files[k].size));
			jb_add(f, "is_dir", jb_bool(fs->files[k].is_dir));
			jb_add(files, NULL, f);
		}
		jb_add(a, NULL, o);
	}
	return a;
}

/* show switch's columns, the member's flash and BOOT list (added after the
 * first members fields: consumers that know only those are unaffected). */
static void member_more_json(cJSON *o, const ip_device *d, const ip_member *m)
{
	jb_add(o, "role", jb_ref(m->role.s));
	jb_add(o, "state", jb_ref(m->state.s));
	jb_add(o, "priority", jb_ref(m->priority.s));
	jb_add(o, "mac", jb_ref(m->mac.s));
	jb_add(o, "hw_version", jb_ref(m->hw_version.s));
	const ip_filesystem *fs = ip_stack_member_fs(d, m);
	jb_add(o, "filesystem", jb_ref(fs ? fs->name : NULL));
	const ip_boot_list *bv = ip_stack_member_bootvar(d, m);
	jb_add(o, "bootvar", bv ? boot_list_json(bv) : jb_null());
}

static cJSON *members_json(const ip_device *d)
{
	cJSON *a = jb_array();
	for (size_t i = 0; i < d->n_members; i++) {
		const ip_member *m = &d->members[i];
		cJSON *o = jb_object();
		jb_add(o, "number", jb_number(m->number));
		jb_add(o, "active", jb_bool(m->active));
		jb_add(o, "model", jb_ref(m->model.s));
		jb_add(o, "serial", jb_ref(m->serial.s));
		jb_add(o, "version", jb_ref(m->version.s));
		jb_add(o, "image", jb_ref(m->image.s));
		jb_add(o, "mode", jb_ref(m->mode.s));
		member_more_json(o, d, m);
		jb_add(a, NULL, o);
	}
	return a;
}

static cJSON *sources_json(const ip_device *d)
{
	cJSON *a = jb_array();
	for (size_t i = 0; i < d->n_sources; i++) {
		const ip_source *s = &d->sources[i];
		cJSON *o = jb_object();
		add_str(o, "output", ip_cmd_json_name(s->cmd));
		jb_add(o, "command", jb_ref(s->command));
		jb_add(o, "inferred", jb_bool(s->inferred));
		add_str(o, "file", s->file);
		jb_add(o, "first_line", jb_number(s->first_line));
		jb_add(o, "last_line", jb_number(s->last_line));
		jb_add(a, NULL, o);
	}
	return a;
}

static cJSON *normalised_version(const ip_text *v)
{
	char buf[IP_VERSION_TEXT_SIZE];
	const char *n = ip_version_text_normalised(v->s, buf, sizeof(buf));
	return n ? jb_copy(n) : jb_null();
}

/* `verify /md5` and `verify /sha512` runs, in capture order. */
static cJSON *verifications_json(const ip_device *d)
{
	static const char *const results[] = { "incomplete", "computed", "verified", "mismatch",
						"failed" };
	static const char *const algos[] = { NULL, "md5", "sha512" };
	cJSON *a = jb_array();
	for (size_t i = 0; i < d->n_verifications; i++) {
		const ip_verification *v = &d->verifications[i];
		cJSON *o = jb_object();
		jb_add(o, "filesystem", jb_ref(v->file.filesystem));
		jb_add(o, "path", jb_ref(v->file.path));
		jb_add(o, "algorithm", jb_ref(algos[v->algorithm]));
		jb_add(o, "result", jb_ref(results[v->result]));
		jb_add(o, "computed", jb_ref(v->computed.s));
		jb_add(o, "expected", jb_ref(v->expected.s));
		jb_add(o, "reason", jb_ref(v->reason));
		jb_add(o, "line", jb_number(v->span.line));
		jb_add(a, NULL, o);
	}
	return a;
}

static const char *const install_views[] = { "summary", "active", "inactive", "committed",
					      "uncommitted", "running", "provisioned" };
/* the St letters; the 3.x show version running | provisioned statuses */
static const char *const pkg_states[] = { NULL, "I", "U", "C", "D", "active", "provisioned" };

static cJSON *install_block_json(const ip_install_block *b)
{
	cJSON *o = jb_object();
	jb_add(o, "view", jb_ref(install_views[b->view]));
	jb_add(o, "where", jb_ref(b->where));
	cJSON *sw = jb_add(o, "switches", jb_array());
	for (size_t i = 0; i < b->n_members; i++)
		jb_add(sw, NULL, jb_number(b->members[i]));
	cJSON *rp = jb_add(o, "route_processors", jb_array());
	for (size_t i = 0; i < b->n_rps; i++)
		jb_add(rp, NULL, jb_ref(b->rps[i]));
	cJSON *pk = jb_add(o, "packages", jb_array());
	for (size_t i = 0; i < b->n_pkgs; i++) {
		const ip_install_pkg *p = &b->pkgs[i];
		cJSON *x = jb_add(pk, NULL, jb_object());
		jb_add(x, "type", jb_ref(p->type.s));
		jb_add(x, "state", jb_ref(pkg_states[p->state]));
		jb_add(x, "name", jb_ref(p->name.s));
		jb_add(x, "line", jb_number(p->span.line));
	}
	jb_add(o, "line", jb_number(b->span.line));
	return o;
}

/* The install state, only where a capture shows some of it: devices
 * without `show install ...` keep their JSON as it was. */
static void install_json(cJSON *o, const ip_device *d)
{
	const ip_install_state *is = &d->install;
	if (!is->n_blocks && is->timer.v == IP_TRI_UNKNOWN && !is->rollback_known &&
	    is->in_progress.v == IP_TRI_UNKNOWN)
		return;
	cJSON *in = jb_add(o, "install", jb_object());
	cJSON *bl = jb_add(in, "blocks", jb_array());
	for (size_t i = 0; i < is->n_blocks; i++)
		jb_add(bl, NULL, install_block_json(&is->blocks[i]));
	cJSON *t = jb_add(in, "auto_abort_timer", jb_object());
	jb_add(t, "active", tri_json(is->timer.v));
	if (is->timer_software) /* IOS-XE 3.x: only where it shows, older JSON stays */
		jb_add(t, "kind", jb_ref("software install auto-rollback"));
	jb_add(t, "operation", jb_ref(is->timer_operation.s));
	jb_add(t, "seconds_left", u64_or_null(is->timer_left_s));
	jb_add(t, "line", is->timer.span.line ? jb_number(is->timer.span.line) : jb_null());
	time_t ft = (time_t)is->fires_at;
	struct tm tm;
	if (is->fires_known && gmtime_r(&ft, &tm)) {
		char buf[96]; /* int fields: room for any value the compiler can imagine */
		snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
			 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		cJSON *fa = jb_add(t, "fires_at", jb_object());
		jb_add(fa, "time", jb_copy(buf));
		jb_add(fa, "zone", jb_copy(is->fires_zone));
		jb_add(fa, "clock_never_set", jb_bool(is->fires_unsynced));
		jb_add(fa, "clock_line", jb_number(is->clock_at.line));
	} else
		jb_add(t, "fires_at", jb_null());
	jb_add(in, "in_progress", tri_json(is->in_progress.v));
	if (!is->rollback_known) {
		jb_add(in, "rollback_points", jb_null());
		return;
	}
	cJSON *rb = jb_add(in, "rollback_points", jb_array());
	for (size_t i = 0; i < is->n_rollbacks; i++) {
		const ip_install_rollback *r = &is->rollbacks[i];
		cJSON *x = jb_add(rb, NULL, jb_object());
		jb_add(x, "id", u64_or_null(r->id));
		jb_add(x, "label", jb_ref(r->label.s));
		jb_add(x, "description", jb_ref(r->description.s));
		jb_add(x, "line", jb_number(r->span.line));
	}
}

static bool redundancy_seen(const ip_redundancy *rd)
{
	return rd->known || rd->standby_bootvar.v != IP_TRI_UNKNOWN ||
	       rd->standby_boot.known || rd->standby_confreg.known;
}

/* The standby RP (show redundancy, show bootvar's Standby lines); null when
 * no capture speaks of one. */
static cJSON *redundancy_json(const ip_device *d)
{
	static const char *const peers[] = { NULL, "absent", "hot", "cold", "disabled",
					     "other" };
	static const char *const modes[] = { NULL, "sso", "rpr", "none", "other" };
	const ip_redundancy *rd = ip_redundancy_of(d);
	if (!redundancy_seen(rd))
		return jb_null();
	cJSON *o = jb_object();
	jb_add(o, "my_state", jb_ref(rd->my_state.s));
	jb_add(o, "peer_state", jb_ref(rd->peer_state.s));
	jb_add(o, "peer", jb_ref(peers[rd->peer]));
	jb_add(o, "hardware_mode", jb_ref(rd->hw_mode.s));
	jb_add(o, "mode", jb_ref(rd->mode_text.s));
	jb_add(o, "mode_class", jb_ref(modes[rd->mode]));
	jb_add(o, "mode_configured", jb_ref(rd->mode_configured.s));
	jb_add(o, "standby_location", jb_ref(rd->standby_location.s));
	jb_add(o, "standby_image", jb_ref(rd->standby_image.s));
	jb_add(o, "standby_bootvar_ready", tri_json(rd->standby_bootvar.v));
	jb_add(o, "standby_boot", boot_list_json(&rd->standby_boot));
	cJSON *cr = jb_add(o, "standby_config_register", jb_object());
	jb_add(cr, "current", register_json(rd->standby_confreg));
	jb_add(cr, "next", register_json(rd->standby_confreg_next));
	cJSON *s = jb_add(o, "spans", jb_object());
	jb_add(s, "peer_state", jb_span(rd->peer_state.span));
	jb_add(s, "mode", jb_span(rd->mode_text.span));
	jb_add(s, "standby_boot", jb_span(rd->standby_boot.span));
	jb_add(s, "standby_config_register", jb_span(rd->standby_confreg.span));
	jb_add(s, "standby_bootvar_ready", jb_span(rd->standby_bootvar.span));
	return o;
}

/* Where the ROMMON version was read (rommon.h): "show platform R0",
 * "show version"; null when unknown (rommon_missing says what would tell). */
static cJSON *rommon_from_json(const ip_rommon_answer *r)
{
	if (!r->version)
		return jb_null();
	if (!r->slot)
		return jb_ref(r->from);
	size_t n = strlen(r->from) + strlen(r->slot) + 2; /* the slot is capture text: its length */
	char *buf = malloc(n);
	if (!buf)
		return jb_null();
	snprintf(buf, n, "%s %s", r->from, r->slot);
	cJSON *o = jb_copy(buf); /* the document's copy: a cJSON_Create node would leak */
	free(buf);
	return o;
}

static cJSON *opt_text(const ip_text *t)
{
	return jb_ref(t->s);
}

static cJSON *rom_slots_json(const ip_device *d)
{
	cJSON *a = jb_array();
	for (size_t i = 0; i < d->n_rom_slots; i++) {
		const ip_rom_slot *s = &d->rom_slots[i];
		cJSON *o = jb_add(a, NULL, jb_object());
		jb_add(o, "slot", jb_ref(s->slot));
		jb_add(o, "rommon", opt_text(&s->rommon));
		jb_add(o, "rommon_from", jb_ref(s->rommon_from));
		jb_add(o, "cpld", opt_text(&s->cpld));
		jb_add(o, "fpga", opt_text(&s->fpga));
		jb_add(o, "state", opt_text(&s->state));
		jb_add(o, "line", jb_number(s->span.line));
	}
	return a;
}

/* show version's licensing (issue 22): texts as printed, null when not. */
static cJSON *license_json(const ip_license *l)
{
	if (!l->level.s && !l->type.s && !l->next_level.s && !l->air_level.s && !l->air_next.s &&
	    !l->smart_status.s && !l->n_pkgs)
		return jb_null(); /* show version printed none of it, or was not read */
	cJSON *o = jb_object();
	jb_add(o, "level", opt_text(&l->level));
	jb_add(o, "type", opt_text(&l->type));
	jb_add(o, "next_level", opt_text(&l->next_level));
	jb_add(o, "air_level", opt_text(&l->air_level));
	jb_add(o, "air_next_level", opt_text(&l->air_next));
	jb_add(o, "smart_status", opt_text(&l->smart_status));
	/* spans here, not under "spans": most devices print no licensing */
	jb_add(o, "level_at", jb_span(l->level.span));
	jb_add(o, "next_level_at", jb_span(l->next_level.span));
	cJSON *a = jb_add(o, "packages", jb_array());
	for (size_t i = 0; i < l->n_pkgs; i++) {
		const ip_license_pkg *p = &l->pkgs[i];
		cJSON *x = jb_add(a, NULL, jb_object());
		jb_add(x, "technology", opt_text(&p->technology));
		jb_add(x, "current", opt_text(&p->current));
		jb_add(x, "type", opt_text(&p->type));
		jb_add(x, "next", opt_text(&p->next));
		jb_add(x, "line", jb_number(p->span.line));
	}
	return o;
}

/* The secret kinds in the configurations read: kind, span and the
 * configuration, never the secret (config_secrets.c). */
static cJSON *secrets_json(const ip_secrets *s)
{
	bool any = s->scanned;
	for (int k = 0; k < IP_SECRET__COUNT && !any; k++)
		any = s->kind[k].seen;
	if (!any)
		return jb_null(); /* no configuration read */
	cJSON *o = jb_object();
	jb_add(o, "scanned", jb_bool(s->scanned));
	cJSON *a = jb_add(o, "kinds", jb_array());
	for (int k = 0; k < IP_SECRET__COUNT; k++) {
		const ip_secret_seen *x = &s->kind[k];
		if (!x->seen)
			continue;
		cJSON *e = jb_add(a, NULL, jb_object());
		jb_add(e, "kind", jb_ref(ip_secret_kind_name((ip_secret_kind)k)));
		jb_add(e, "command", jb_ref(x->command));
		jb_add(e, "at", jb_span(x->span));
	}
	return o;
}

/* Total DRAM (issue 22): the bytes, which show version line said it, and
 * whether it is only IOSd's share (IOS-XE without a physical-memory line). */
static cJSON *dram_json(const ip_dram *m)
{
	static const char *const forms[] = { "physical", "processor-io", "processor" };
	if (!m->known)
		return jb_null();
	cJSON *o = jb_object();
	jb_add(o, "bytes", jb_number((double)m->bytes));
	jb_add(o, "form", jb_ref(forms[m->form]));
	jb_add(o, "lower_bound", jb_bool(m->lower_bound));
	return o;
}

static void add_spans(cJSON *o, const ip_device *d)
{
	cJSON *s = jb_add(o, "spans", jb_object());
	jb_add(s, "hostname", jb_span(d->hostname.span));
	jb_add(s, "version", jb_span(d->version.span));
	jb_add(s, "platform", jb_span(d->platform.span));
	jb_add(s, "system_image", jb_span(d->system_image.span));
	jb_add(s, "config_register", jb_span(d->confreg.span));
	jb_add(s, "config_register_next", jb_span(d->confreg_next.span));
	jb_add(s, "install_mode", jb_span(d->install_mode.span));
	jb_add(s, "operating_mode", jb_span(d->operating_mode.span));
	jb_add(s, "dram", jb_span(d->dram.span));
	ip_rommon_answer rom = ip_device_rommon(d);
	jb_add(s, "rommon", rom.version ? jb_span(rom.version->span) : jb_null());
}

cJSON *facts_device_json(const ip_device *d, const ip_boot_prediction *next_boot)
{
	cJSON *o = jb_object();
	jb_add(o, "format_version", jb_number(IOSPLAN_FACTS_FORMAT_VERSION));
	jb_add(o, "hostname", jb_ref(d->hostname.s));
	if (d->name) /* another box of the input has this hostname */
		jb_add(o, "device", jb_ref(d->name));
	jb_add(o, "os", jb_ref(ip_os_name(d->os)));
	jb_add(o, "version", jb_ref(d->version.s));
	jb_add(o, "version_normalised", normalised_version(&d->version));
	jb_add(o, "xe_version", jb_ref(d->xe_version.s));
	jb_add(o, "platform", jb_ref(d->platform.s));
	jb_add(o, "serial", jb_ref(d->serial.s));
	ip_rommon_answer rom = ip_device_rommon(d);
	jb_add(o, "rommon", jb_ref(rom.version ? rom.version->s : NULL));
	jb_add(o, "rommon_from", rommon_from_json(&rom));
	jb_add(o, "rommon_missing", jb_ref(rom.missing));
	jb_add(o, "rom_slots", rom_slots_json(d));
	jb_add(o, "uptime", jb_ref(d->uptime.s));
	jb_add(o, "reload_reason", jb_ref(d->reload_reason.s));
	jb_add(o, "software_image", jb_ref(d->software_image.s));
	if (d->system_image.raw) {
		cJSON *si = jb_add(o, "system_image", jb_object());
		jb_add(si, "filesystem", jb_ref(d->system_image.filesystem));
		jb_add(si, "path", jb_ref(d->system_image.path));
		jb_add(si, "raw", jb_ref(d->system_image.raw));
	} else
		jb_add(o, "system_image", jb_null());
	cJSON *cr = jb_add(o, "config_register", jb_object());
	jb_add(cr, "current", register_json(d->confreg));
	jb_add(cr, "next", register_json(d->confreg_next));
	jb_add(cr, "in_config", register_json(d->confreg_config));
	jb_add(o, "install_mode", tri_json(d->install_mode.v));
	jb_add(o, "manual_boot", tri_json(d->manual_boot.v));
	jb_add(o, "operating_mode", jb_ref(d->operating_mode.s));
	cJSON *dis = jb_add(o, "disputed", jb_array());
	for (size_t i = 0; i < d->n_conflicts; i++) {
		const ip_source_conflict *c = &d->conflicts[i];
		cJSON *x = jb_add(dis, NULL, jb_object());
		jb_add(x, "fact", jb_ref(c->what));
		jb_add(x, "value", jb_ref(c->value));
		jb_add(x, "at", jb_span(c->at));
		jb_add(x, "other", jb_ref(c->other));
		jb_add(x, "other_at", jb_span(c->other_at));
	}
	cJSON *fl = jb_add(o, "flash_sizes", jb_array());
	for (size_t i = 0; i < d->n_flash_sizes; i++) {
		cJSON *f = jb_object();
		jb_add(f, "filesystem", jb_ref(d->flash_sizes[i].filesystem));
		jb_add(f, "bytes", jb_number((double)d->flash_sizes[i].bytes));
		jb_add(f, "label", jb_ref(d->flash_sizes[i].label));
		jb_add(fl, NULL, f);
	}
	jb_add(o, "dram", dram_json(&d->dram));
	jb_add(o, "license", license_json(ip_license_of(d)));
	jb_add(o, "secrets", secrets_json(ip_secrets_of(d)));
	jb_add(o, "filesystems", filesystems_json(d));
	cJSON *boot = jb_add(o, "boot", jb_object());
	jb_add(boot, "running", boot_list_json(&d->boot_running));
	jb_add(boot, "startup", boot_list_json(&d->boot_startup));
	jb_add(boot, "config", boot_list_json(&d->boot_config));
	jb_add(boot, "bootvar", boot_list_json(&d->bootvar));
	jb_add(boot, "bootvar_current", boot_list_json(&d->bootvar_current));
	jb_add(o, "next_boot", next_boot_json(next_boot));
	jb_add(o, "members", members_json(d));
	jb_add(o, "redundancy", redundancy_json(d));
	jb_add(o, "verifications", verifications_json(d));
	install_json(o, d);
	jb_add(o, "sources", sources_json(d));
	add_spans(o, d);
	return o;
}
