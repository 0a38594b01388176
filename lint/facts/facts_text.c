/* The human-readable fact sheet: what an engineer checks before a change.
 * "unknown" is printed for every fact no capture supplied, with the capture
 * that would supply it. */
#include <inttypes.h>

#include "escape.h"
#include "fact_hint.h"
#include "facts.h"
#include "fs_model.h"
#include "rommon.h"
#include "stack.h"

/* Where the sheet goes, and the arena for escaped copies of capture text:
 * names and values are shown as a terminal must show them (escape.h). */
typedef struct sheet {
	FILE *out;
	ip_arena *a;
} sheet;

static const char *T(const sheet *o, const char *s)
{
	return ip_esc_text(o->a, s);
}

#define UNKNOWN(hint) "unknown (capture " hint ")"

static void field(const sheet *o, const char *name, const char *value, const char *hint)
{
	fprintf(o->out, "  %-16s %s%s%s\n", name, value ? T(o, value) : "unknown (capture ",
		value ? "" : hint, value ? "" : ")");
}

static bool install_mode_unread(const ip_device *d)
{
	bool full = false;
	return ip_show_version_captured(d, &full) && full;
}

/* A show version fact: its value, else why it is unknown and what would
 * give it on this platform (fact_hint.h decides; issue 23, point 3). */
static void vfield(const sheet *o, const ip_device *d, const char *name, const char *value,
		   ip_fact f)
{
	if (value) {
		field(o, name, value, "");
		return;
	}
	ip_fact_hint h = ip_fact_hint_of(o->a, d, NULL, f);
	fprintf(o->out, "  %-16s unknown (%s)\n", name, T(o, h.text));
}

static void reg(const sheet *o, const char *name, ip_register r, const char *hint)
{
	if (r.known)
		fprintf(o->out, "  %-16s 0x%X\n", name, (unsigned)r.v);
	else
		field(o, name, NULL, hint);
}

static void boot_list(const sheet *o, const char *name, const ip_boot_list *l, const char *hint)
{
	if (!l->known) {
		field(o, name, NULL, hint);
		return;
	}
	if (l->n == 0) {
		fprintf(o->out, "  %-16s (none)\n", name);
		return;
	}
	for (size_t i = 0; i < l->n; i++)
		fprintf(o->out, "  %-16s %zu. %s\n", i ? "" : name, i + 1, T(o, l->v[i].raw));
}

static void filesystems(const sheet *o, const ip_device *d)
{
	if (d->n_filesystems == 0)
		field(o, "filesystems", NULL, "'show flash:' or 'dir'");
	for (size_t i = 0; i < d->n_filesystems; i++) {
		const ip_filesystem *fs = &d->filesystems[i];
		fprintf(o->out, "  %-16s %s", i ? "" : "filesystems", T(o, fs->name));
		if (fs->free.known)
			fprintf(o->out, " %" PRIu64 " bytes free", fs->free.v);
		if (fs->total.known)
			fprintf(o->out, " of %" PRIu64, fs->total.v);
		fprintf(o->out, ", %zu entries%s\n", fs->n_files, fs->complete ? "" : " (listing incomplete)");
		for (size_t k = 0; k < fs->n_files; k++) {
			const ip_file *f = &fs->files[k];
			if (f->is_dir)
				fprintf(o->out, "  %-16s   %s/\n", "", T(o, f->name));
			else if (f->size.known)
				fprintf(o->out, "  %-16s   %-56s %12" PRIu64 "\n", "", T(o, f->name), f->size.v);
			else
				fprintf(o->out, "  %-16s   %s\n", "", T(o, f->name));
		}
	}
}

/* The model's answer (rommon.h): the version and, past show version, the
 * slot and command it came from; each slot's firmware below it. */
static void rommon(const sheet *o, const ip_device *d)
{
	ip_rommon_answer r = ip_device_rommon(d);
	if (!r.version)
		vfield(o, d, "rommon", NULL, IP_FACT_ROMMON);
	else if (!r.slot)
		field(o, "rommon", r.version->s, "");
	else
		fprintf(o->out, "  %-16s %s (slot %s, '%s')\n", "rommon", T(o, r.version->s),
			T(o, r.slot), r.from);
	for (size_t i = 0; i < d->n_rom_slots; i++) {
		const ip_rom_slot *s = &d->rom_slots[i];
		if (!s->rommon.s && !s->cpld.s && !s->fpga.s)
			continue;
		fprintf(o->out, "  %-16s   %s rommon %s cpld %s fpga %s\n", "",
			T(o, s->slot), s->rommon.s ? T(o, s->rommon.s) : "?",
			s->cpld.s ? T(o, s->cpld.s) : "?", s->fpga.s ? T(o, s->fpga.s) : "?");
	}
}

/* "dram 8 GiB (8388608K, physical memory line)"; an IOS-XE processor
 * line says only IOSd's share, and the sheet says so. */
static void dram(const sheet *o, const ip_dram *m)
{
	static const char *const forms[] = { "physical memory line", "processor line, X/Y summed",
					     "processor line" };
	if (!m->known) {
		field(o, "dram", NULL, "'show version'");
		return;
	}
	fprintf(o->out, "  %-16s %" PRIu64 "K (%s%s)\n", "dram", m->bytes / 1024, forms[m->form],
		m->lower_bound ? "; IOSd's share only, at least this much" : "");
}

/* "license ipservices (Permanent), next reload ipservices", each package
 * "ipbase: ipbasek9 (Permanent), next reboot ipbasek9", the Smart
 * Licensing status; unknown when show version printed none of it. */
static void license(const sheet *o, const ip_device *d, const ip_license *l)
{
	const char *q = "?";
	if (!l->level.s && !l->n_pkgs && !l->smart_status.s && !l->air_level.s) {
		vfield(o, d, "license", NULL, IP_FACT_LICENSE);
		return;
	}
	if (l->level.s || l->next_level.s)
		fprintf(o->out, "  %-16s %s%s%s%s, next reload %s\n", "license",
			l->level.s ? T(o, l->level.s) : q, l->type.s ? " (" : "",
			l->type.s ? T(o, l->type.s) : "", l->type.s ? ")" : "",
			l->next_level.s ? T(o, l->next_level.s) : q);
	if (l->air_level.s || l->air_next.s)
		fprintf(o->out, "  %-16s %s, next reload %s\n", "license (AIR)",
			l->air_level.s ? T(o, l->air_level.s) : q, l->air_next.s ? T(o, l->air_next.s) : q);
	for (size_t i = 0; i < l->n_pkgs; i++) {
		const ip_license_pkg *p = &l->pkgs[i];
		fprintf(o->out, "  %-16s %s%s%s (%s), next reboot %s\n", i ? "" : "license packages",
			p->technology.s ? T(o, p->technology.s) : "", p->technology.s ? ": " : "",
			T(o, p->current.s), T(o, p->type.s), T(o, p->next.s));
	}
	if (l->smart_status.s)
		fprintf(o->out, "  %-16s %s\n", "smart licensing", T(o, l->smart_status.s));
}

/* "secret types  secret 9 (line 12), type 7 (line 40)": kinds and where
 * first seen, never a hash; "none" only when a whole configuration was read. */
static void secrets(const sheet *o, const ip_secrets *s)
{
	size_t n = 0;
	for (int k = 0; k < IP_SECRET__COUNT; k++) {
		const ip_secret_seen *x = &s->kind[k];
		if (!x->seen)
			continue;
		fprintf(o->out, "  %-16s %s (%s:%u, %s)\n", n++ ? "" : "secret types",
			ip_secret_kind_name((ip_secret_kind)k), T(o, x->span.file), x->span.line,
			T(o, x->command));
	}
	if (n)
		return;
	if (s->scanned)
		fprintf(o->out, "  %-16s none in the configuration read\n", "secret types");
	else
		field(o, "secret types", NULL, "'show running-config' and 'show startup-config', unfiltered");
}

static void flash_sizes(const sheet *o, const ip_device *d)
{
	for (size_t i = 0; i < d->n_flash_sizes; i++) {
		const ip_flash_size *f = &d->flash_sizes[i];
		fprintf(o->out, "  %-16s %" PRIu64 "K %s%s%s\n", i ? "" : "flash size", f->bytes / 1024,
			f->filesystem ? T(o, f->filesystem) : "", f->filesystem ? " " : "", T(o, f->label));
	}
}

static void next_boot(const sheet *o, const ip_boot_prediction *p)
{
	if (p->outcome == IP_NEXT_IMAGE || p->outcome == IP_NEXT_AMBIGUOUS)
		fprintf(o->out, "  %-16s %s%s%s%s (%s)\n", "next boot",
			p->filesystem ? T(o, p->filesystem) : "", p->path ? T(o, p->path) : "?",
			p->alt_path ? " or " : "", p->alt_path ? T(o, p->alt_path) : "",
			ip_next_step_name(p->step));
	else if (p->outcome == IP_NEXT_UNKNOWN && !p->missing && p->unknown_why)
		fprintf(o->out, "  %-16s unknown (%s)\n", "next boot", T(o, p->unknown_why));
	else if (p->outcome == IP_NEXT_UNKNOWN)
		fprintf(o->out, "  %-16s unknown (capture '%s')\n", "next boot",
			p->missing ? T(o, p->missing) : "?");
	else
		fprintf(o->out, "  %-16s %s (%s)\n", "next boot", ip_next_outcome_name(p->outcome),
			ip_next_step_name(p->step));
	for (size_t i = 0; i < p->n_trace; i++)
		fprintf(o->out, "  %-16s - %s\n", "", T(o, p->trace[i].text));
}

static void verifications(const sheet *o, const ip_device *d)
{
	static const char *const results[] = { "incomplete: no result captured", "computed",
						"verified", "mismatch", "failed" };
	for (size_t i = 0; i < d->n_verifications; i++) {
		const ip_verification *v = &d->verifications[i];
		fprintf(o->out, "  %-16s %s %s: %s%s%s\n", i ? "" : "verify",
			v->algorithm == IP_HASH_SHA512 ? "sha512" : "md5", T(o, v->file.raw),
			results[v->result], v->computed.s ? " " : "", v->computed.s ? T(o, v->computed.s) : "");
	}
}

static const char *or_q(const sheet *o, const char *s)
{
	return s ? T(o, s) : "?";
}

/* "*1 Active Ready WS-C3850-48P FOC1915X0AB 16.12.9 INSTALL", then the
 * member's flash and its BOOT list on their own lines. */
static void member(const sheet *o, const ip_device *d, const ip_member *m, bool first)
{
	fprintf(o->out, "  %-16s %s%d %s %s %s %s %s%s%s\n", first ? "stack members" : "",
		m->active ? "*" : "", m->number, or_q(o, m->role.s), or_q(o, m->state.s),
		or_q(o, m->model.s), or_q(o, m->serial.s), or_q(o, m->version.s),
		m->mode.s ? " " : "", m->mode.s ? T(o, m->mode.s) : "");
	const ip_filesystem *fs = ip_stack_member_fs(d, m);
	if (fs)
		fprintf(o->out, "  %-16s   flash %s\n", "", T(o, fs->name));
	else {
		/* the model names the member's flash (flashN: on classic stacks) */
		ip_platform pl;
		ip_platform_classify(&pl, d);
		fprintf(o->out, "  %-16s   flash unknown (capture 'dir %s')\n", "",
			m->active ? "flash:" : T(o, ip_fs_member_name(o->a, d, &pl, m->number)));
	}
	const ip_boot_list *bv = ip_stack_member_bootvar(d, m);
	if (!bv) {
		fprintf(o->out, "  %-16s   BOOT unknown (capture 'show boot')\n", "");
		return;
	}
	fprintf(o->out, "  %-16s   BOOT %s", "", bv->n ? "" : "(none)");
	for (size_t k = 0; k < bv->n; k++)
		fprintf(o->out, "%s%s", k ? ";" : "", T(o, bv->v[k].raw));
	fputc('\n', o->out);
}

static const char *pkg_state_text(ip_pkg_state s)
{
	switch (s) {
	case IP_PKG_INACTIVE: return "inactive (I)";
	case IP_PKG_UNCOMMITTED: return "activated, uncommitted (U)";
	case IP_PKG_COMMITTED: return "committed (C)";
	case IP_PKG_DEACTIVATED: return "deactivated, uncommitted (D)";
	case IP_PKG_ACTIVE: return "active";
	case IP_PKG_PROVISIONED: return "provisioned";
	case IP_PKG_UNKNOWN: break;
	}
	return "?";
}

/* "Switch 1 2: IMG 17.09.04a.0.4 committed (C)", one line a package, and
 * the auto-abort timer as the capture saw it. Printed only where a capture
 * shows the install state. */
static void install_state(const sheet *o, const ip_device *d)
{
	static const char *const views[] = { "", " (show install active)",
					      " (show install inactive)",
					      " (show install committed)",
					      " (show install uncommitted)",
					      " (show version running)",
					      " (show version provisioned)" };
	const ip_install_state *is = &d->install;
	bool first = true;
	for (size_t i = 0; i < is->n_blocks; i++) {
		const ip_install_block *b = &is->blocks[i];
		if (b->none || !b->n_pkgs)
			fprintf(o->out, "  %-16s [%s]%s no packages\n", first ? "install state" : "",
				T(o, b->where), views[b->view]);
		for (size_t k = 0; k < b->n_pkgs; k++)
			fprintf(o->out, "  %-16s [%s]%s %s %s %s\n",
				first && k == 0 ? "install state" : "", T(o, b->where),
				views[b->view], or_q(o, b->pkgs[k].type.s),
				or_q(o, b->pkgs[k].name.s), pkg_state_text(b->pkgs[k].state));
		first = false;
	}
	/* IOS-XE 3.x: `software install ... auto-rollback`'s timer */
	const char *tn = is->timer_software ? "rollback timer" : "auto-abort timer";
	if (is->timer.v == IP_TRI_NO)
		fprintf(o->out, "  %-16s inactive\n", tn);
	else if (is->timer.v == IP_TRI_YES && is->timer_left_s.known)
		fprintf(o->out, "  %-16s active%s%s, rolls back %02" PRIu64 ":%02" PRIu64 ":%02" PRIu64
			" after the capture\n", tn,
			is->timer_operation.s ? " on " : "",
			is->timer_operation.s ? T(o, is->timer_operation.s) : "",
			is->timer_left_s.v / 3600, is->timer_left_s.v / 60 % 60, is->timer_left_s.v % 60);
	else if (is->timer.v == IP_TRI_YES)
		fprintf(o->out, "  %-16s active, time left not shown\n", tn);
	if (is->in_progress.v != IP_TRI_UNKNOWN)
		fprintf(o->out, "  %-16s %s\n", "install running",
			is->in_progress.v == IP_TRI_YES ? "an install operation is in progress" : "none");
	if (is->rollback_known) {
		fprintf(o->out, "  %-16s", "rollback points");
		for (size_t i = 0; i < is->n_rollbacks; i++)
			if (is->rollbacks[i].id.known)
				fprintf(o->out, " %" PRIu64, is->rollbacks[i].id.v);
		fprintf(o->out, "%s\n", is->n_rollbacks ? "" : " (none)");
	}
}

/* The standby RP, only when a capture speaks of one: a single-RP device's
 * sheet is unchanged. */
static void redundancy(const sheet *o, const ip_device *d)
{
	const ip_redundancy *rd = ip_redundancy_of(d);
	if (rd->known) {
		fprintf(o->out, "  %-16s %s, peer %s%s%s%s\n", "redundancy",
			rd->mode_text.s ? T(o, rd->mode_text.s) : "mode unknown",
			or_q(o, rd->peer_state.s), rd->peer == IP_PEER_ABSENT ? " (simplex: no peer)" : "",
			rd->standby_location.s ? " at " : "",
			rd->standby_location.s ? T(o, rd->standby_location.s) : "");
	}
	if (rd->standby_bootvar.v == IP_TRI_NO)
		field(o, "standby BOOT", "not ready to show bootvar", "");
	else if (rd->standby_boot.known || rd->standby_bootvar.v == IP_TRI_YES)
		boot_list(o, "standby BOOT", &rd->standby_boot, "'show bootvar'");
	if (rd->standby_confreg.known) {
		reg(o, "standby register", rd->standby_confreg, "");
		if (rd->standby_confreg_next.known && rd->standby_confreg_next.v != rd->standby_confreg.v)
			reg(o, "standby next", rd->standby_confreg_next, "");
	}
}

/* A model the platform table does not know: the family the boot order and
 * the register checks rest on was guessed (issue 23, point 4). */
static void platform_guess(const sheet *o, const ip_device *d)
{
	ip_platform pl;
	ip_platform_classify(&pl, d);
	if (!pl.guessed)
		return;
	const char *from = pl.evidence.line == d->system_image.span.line && d->system_image.raw
				   ? d->system_image.raw
				   : pl.evidence.line == d->software_image.span.line && d->software_image.s
					     ? d->software_image.s
					     : NULL;
	fprintf(o->out, "  %-16s not in iosplan's platform table: family %s guessed from %s%s%s%s\n",
		"", ip_family_name(pl.family), pl.guess_basis, from ? " (" : "",
		from ? T(o, from) : "", from ? ")" : "");
}

int facts_device_text(FILE *out, const ip_device *d, const ip_boot_prediction *nb)
{
	sheet sh = { out, ip_arena_new() }, *o = &sh;
	fprintf(o->out, "%s\n", ip_device_name(d) ? T(o, ip_device_name(d)) : "(device without a hostname)");
	field(o, "os", ip_os_name(d->os), "'show version'");
	vfield(o, d, "version", d->version.s, IP_FACT_VERSION);
	if (d->xe_version.s)
		field(o, "xe version", d->xe_version.s, "");
	vfield(o, d, "platform", d->platform.s, IP_FACT_PLATFORM);
	platform_guess(o, d);
	vfield(o, d, "serial", d->serial.s, IP_FACT_SERIAL);
	rommon(o, d);
	vfield(o, d, "system image", d->system_image.raw, IP_FACT_IMAGE);
	if (d->confreg.known)
		reg(o, "register", d->confreg, "");
	else
		vfield(o, d, "register", NULL, IP_FACT_CONFREG);
	/* the value above is the later file's; say it is a guess, as plan does */
	for (size_t i = 0; i < d->n_conflicts; i++) {
		const ip_source_conflict *c = &d->conflicts[i];
		fprintf(o->out, "  %-16s %s: %s at %s:%u or %s at %s:%u, nothing orders the files\n",
			"disputed", c->what, T(o, c->value), T(o, c->at.file), c->at.line,
			T(o, c->other), T(o, c->other_at.file), c->other_at.line);
	}
	if (d->confreg.known && d->confreg_next.known && d->confreg_next.v != d->confreg.v)
		reg(o, "register next", d->confreg_next, "'show version'");
	if (d->os == IP_OS_IOS && d->install_mode.v == IP_TRI_UNKNOWN)
		field(o, "install mode", "not applicable (classic IOS)", "");
	else if (d->install_mode.v == IP_TRI_UNKNOWN && install_mode_unread(d))
		/* show version was read in full and names neither form (issue 23,
		 * point 7): asking for it again would not help */
		fprintf(o->out, "  %-16s unknown (show version names neither a provisioning "
			"file nor a .bin bundle: %s)\n", "install mode",
			d->system_image.raw ? T(o, d->system_image.raw) : "no System image file line");
	else
		field(o, "install mode", d->install_mode.v == IP_TRI_UNKNOWN ? NULL
			: d->install_mode.v == IP_TRI_YES ? "install (packages.conf)" : "bundle",
			"'show version'");
	if (d->operating_mode.s)
		field(o, "operating mode", d->operating_mode.s, "");
	if (d->dram.known)
		dram(o, &d->dram);
	else
		vfield(o, d, "dram", NULL, IP_FACT_DRAM);
	flash_sizes(o, d);
	license(o, d, ip_license_of(d));
	secrets(o, ip_secrets_of(d));
	filesystems(o, d);
	boot_list(o, "boot running", &d->boot_running, "'show running-config | include boot'");
	boot_list(o, "boot startup", &d->boot_startup, "'show startup-config | include boot'");
	if (d->boot_config.known)
		boot_list(o, "boot (config)", &d->boot_config, "");
	if (d->bootvar.known || d->bootvar_current.known)
		boot_list(o, "BOOT variable", &d->bootvar, "'show boot'");
	next_boot(o, nb);
	verifications(o, d);
	for (size_t i = 0; i < d->n_members; i++)
		member(o, d, &d->members[i], i == 0);
	install_state(o, d);
	redundancy(o, d);
	fputc('\n', o->out);
	ip_arena_free(sh.a);
	return ferror(out) ? -1 : 0;
}
