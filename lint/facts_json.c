/* The facts JSON. Keys are inserted in a fixed order (cJSON keeps insertion
 * order) so the output is stable; unknown values are null, never a default. */
#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "format.h"
#include "stack.h"
#include "version.h"

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *u64_or_null(ip_u64 v)
{
	return v.known ? cJSON_CreateNumber((double)v.v) : cJSON_CreateNull();
}

static cJSON *tri_json(ip_tri t)
{
	return t == IP_TRI_UNKNOWN ? cJSON_CreateNull() : cJSON_CreateBool(t == IP_TRI_YES);
}

static cJSON *register_json(ip_register r)
{
	if (!r.known)
		return cJSON_CreateNull();
	char buf[16];
	snprintf(buf, sizeof(buf), "0x%X", (unsigned)r.v);
	return cJSON_CreateString(buf);
}

static cJSON *span_json(ip_span s)
{
	if (!ip_span_known(s))
		return cJSON_CreateNull();
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "file", str_or_null(s.file));
	cJSON_AddNumberToObject(o, "line", s.line);
	cJSON_AddNumberToObject(o, "col", s.col);
	cJSON_AddNumberToObject(o, "end_line", s.end_line);
	cJSON_AddNumberToObject(o, "end_col", s.end_col);
	return o;
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
		return cJSON_CreateNull();
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < l->n; i++) {
		const ip_boot_entry *e = &l->v[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "raw", str_or_null(e->raw));
		cJSON_AddItemToObject(o, "filesystem", str_or_null(e->filesystem));
		cJSON_AddItemToObject(o, "path", str_or_null(e->path));
		cJSON_AddStringToObject(o, "kind", boot_kind_name(e->kind));
		cJSON_AddItemToObject(o, "server", str_or_null(e->server));
		if (e->member == -1)
			cJSON_AddStringToObject(o, "switch", "all");
		else if (e->member > 0)
			cJSON_AddNumberToObject(o, "switch", e->member);
		cJSON_AddNumberToObject(o, "line", e->span.line);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *filesystems_json(const ip_device *d)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < d->n_filesystems; i++) {
		const ip_filesystem *fs = &d->filesystems[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "name", fs->name);
		cJSON_AddItemToObject(o, "total_bytes", u64_or_null(fs->total));
		cJSON_AddItemToObject(o, "free_bytes", u64_or_null(fs->free));
		cJSON_AddBoolToObject(o, "listed", fs->listed);
		cJSON_AddBoolToObject(o, "complete", fs->complete);
		cJSON_AddItemToObject(o, "aliases", str_or_null(fs->aliases));
		cJSON *files = cJSON_AddArrayToObject(o, "files");
		for (size_t k = 0; k < fs->n_files; k++) {
			cJSON *f = cJSON_CreateObject();
			cJSON_AddStringToObject(f, "name", fs->files[k].name);
			cJSON_AddItemToObject(f, "size", u64_or_null(fs->files[k].size));
			cJSON_AddBoolToObject(f, "is_dir", fs->files[k].is_dir);
			cJSON_AddItemToArray(files, f);
		}
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* show switch's columns, the member's flash and BOOT list (added after the
 * first members fields: consumers that know only those are unaffected). */
static void member_more_json(cJSON *o, const ip_device *d, const ip_member *m)
{
	cJSON_AddItemToObject(o, "role", str_or_null(m->role.s));
	cJSON_AddItemToObject(o, "state", str_or_null(m->state.s));
	cJSON_AddItemToObject(o, "priority", str_or_null(m->priority.s));
	cJSON_AddItemToObject(o, "mac", str_or_null(m->mac.s));
	cJSON_AddItemToObject(o, "hw_version", str_or_null(m->hw_version.s));
	const ip_filesystem *fs = ip_stack_member_fs(d, m);
	cJSON_AddItemToObject(o, "filesystem", str_or_null(fs ? fs->name : NULL));
	const ip_boot_list *bv = ip_stack_member_bootvar(d, m);
	cJSON_AddItemToObject(o, "bootvar", bv ? boot_list_json(bv) : cJSON_CreateNull());
}

static cJSON *members_json(const ip_device *d)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < d->n_members; i++) {
		const ip_member *m = &d->members[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "number", m->number);
		cJSON_AddBoolToObject(o, "active", m->active);
		cJSON_AddItemToObject(o, "model", str_or_null(m->model.s));
		cJSON_AddItemToObject(o, "serial", str_or_null(m->serial.s));
		cJSON_AddItemToObject(o, "version", str_or_null(m->version.s));
		cJSON_AddItemToObject(o, "image", str_or_null(m->image.s));
		cJSON_AddItemToObject(o, "mode", str_or_null(m->mode.s));
		member_more_json(o, d, m);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *sources_json(const ip_device *d)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < d->n_sources; i++) {
		const ip_source *s = &d->sources[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "output", ip_cmd_json_name(s->cmd));
		cJSON_AddItemToObject(o, "command", str_or_null(s->command));
		cJSON_AddBoolToObject(o, "inferred", s->inferred);
		cJSON_AddStringToObject(o, "file", s->file);
		cJSON_AddNumberToObject(o, "first_line", s->first_line);
		cJSON_AddNumberToObject(o, "last_line", s->last_line);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *normalised_version(const ip_text *v)
{
	ip_version pv;
	char buf[64];
	if (!v->s || !ip_version_parse(&pv, v->s, strlen(v->s)))
		return cJSON_CreateNull();
	ip_version_normalise(&pv, buf, sizeof(buf));
	return buf[0] ? cJSON_CreateString(buf) : cJSON_CreateNull();
}

/* `verify /md5` and `verify /sha512` runs, in capture order. */
static cJSON *verifications_json(const ip_device *d)
{
	static const char *const results[] = { "incomplete", "computed", "verified", "mismatch",
						"failed" };
	static const char *const algos[] = { NULL, "md5", "sha512" };
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < d->n_verifications; i++) {
		const ip_verification *v = &d->verifications[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "filesystem", str_or_null(v->file.filesystem));
		cJSON_AddItemToObject(o, "path", str_or_null(v->file.path));
		cJSON_AddItemToObject(o, "algorithm", str_or_null(algos[v->algorithm]));
		cJSON_AddStringToObject(o, "result", results[v->result]);
		cJSON_AddItemToObject(o, "computed", str_or_null(v->computed.s));
		cJSON_AddItemToObject(o, "expected", str_or_null(v->expected.s));
		cJSON_AddItemToObject(o, "reason", str_or_null(v->reason));
		cJSON_AddNumberToObject(o, "line", v->span.line);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static void add_spans(cJSON *o, const ip_device *d)
{
	cJSON *s = cJSON_AddObjectToObject(o, "spans");
	cJSON_AddItemToObject(s, "hostname", span_json(d->hostname.span));
	cJSON_AddItemToObject(s, "version", span_json(d->version.span));
	cJSON_AddItemToObject(s, "platform", span_json(d->platform.span));
	cJSON_AddItemToObject(s, "system_image", span_json(d->system_image.span));
	cJSON_AddItemToObject(s, "config_register", span_json(d->confreg.span));
	cJSON_AddItemToObject(s, "config_register_next", span_json(d->confreg_next.span));
	cJSON_AddItemToObject(s, "install_mode", span_json(d->install_mode.span));
}

cJSON *facts_device_json(const ip_device *d, const ip_boot_prediction *next_boot)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "format_version", IOSPLAN_FACTS_FORMAT_VERSION);
	cJSON_AddItemToObject(o, "hostname", str_or_null(d->hostname.s));
	cJSON_AddItemToObject(o, "os", str_or_null(ip_os_name(d->os)));
	cJSON_AddItemToObject(o, "version", str_or_null(d->version.s));
	cJSON_AddItemToObject(o, "version_normalised", normalised_version(&d->version));
	cJSON_AddItemToObject(o, "xe_version", str_or_null(d->xe_version.s));
	cJSON_AddItemToObject(o, "platform", str_or_null(d->platform.s));
	cJSON_AddItemToObject(o, "serial", str_or_null(d->serial.s));
	cJSON_AddItemToObject(o, "rommon", str_or_null(d->rommon.s));
	cJSON_AddItemToObject(o, "uptime", str_or_null(d->uptime.s));
	cJSON_AddItemToObject(o, "reload_reason", str_or_null(d->reload_reason.s));
	cJSON_AddItemToObject(o, "software_image", str_or_null(d->software_image.s));
	if (d->system_image.raw) {
		cJSON *si = cJSON_AddObjectToObject(o, "system_image");
		cJSON_AddItemToObject(si, "filesystem", str_or_null(d->system_image.filesystem));
		cJSON_AddItemToObject(si, "path", str_or_null(d->system_image.path));
		cJSON_AddStringToObject(si, "raw", d->system_image.raw);
	} else
		cJSON_AddNullToObject(o, "system_image");
	cJSON *cr = cJSON_AddObjectToObject(o, "config_register");
	cJSON_AddItemToObject(cr, "current", register_json(d->confreg));
	cJSON_AddItemToObject(cr, "next", register_json(d->confreg_next));
	cJSON_AddItemToObject(cr, "in_config", register_json(d->confreg_config));
	cJSON_AddItemToObject(o, "install_mode", tri_json(d->install_mode.v));
	cJSON_AddItemToObject(o, "manual_boot", tri_json(d->manual_boot.v));
	cJSON *fl = cJSON_AddArrayToObject(o, "flash_sizes");
	for (size_t i = 0; i < d->n_flash_sizes; i++) {
		cJSON *f = cJSON_CreateObject();
		cJSON_AddItemToObject(f, "filesystem", str_or_null(d->flash_sizes[i].filesystem));
		cJSON_AddNumberToObject(f, "bytes", (double)d->flash_sizes[i].bytes);
		cJSON_AddItemToObject(f, "label", str_or_null(d->flash_sizes[i].label));
		cJSON_AddItemToArray(fl, f);
	}
	cJSON_AddItemToObject(o, "filesystems", filesystems_json(d));
	cJSON *boot = cJSON_AddObjectToObject(o, "boot");
	cJSON_AddItemToObject(boot, "running", boot_list_json(&d->boot_running));
	cJSON_AddItemToObject(boot, "startup", boot_list_json(&d->boot_startup));
	cJSON_AddItemToObject(boot, "config", boot_list_json(&d->boot_config));
	cJSON_AddItemToObject(boot, "bootvar", boot_list_json(&d->bootvar));
	cJSON_AddItemToObject(boot, "bootvar_current", boot_list_json(&d->bootvar_current));
	cJSON_AddItemToObject(o, "next_boot", next_boot_json(next_boot));
	cJSON_AddItemToObject(o, "members", members_json(d));
	cJSON_AddItemToObject(o, "verifications", verifications_json(d));
	cJSON_AddItemToObject(o, "sources", sources_json(d));
	add_spans(o, d);
	return o;
}
