/* The human-readable fact sheet: what an engineer checks before a change.
 * "unknown" is printed for every fact no capture supplied, with the capture
 * that would supply it. */
#include <inttypes.h>

#include "facts.h"
#include "stack.h"

#define UNKNOWN(hint) "unknown (capture " hint ")"

static void field(FILE *out, const char *name, const char *value, const char *hint)
{
	fprintf(out, "  %-16s %s%s%s\n", name, value ? value : "unknown (capture ",
		value ? "" : hint, value ? "" : ")");
}

static void reg(FILE *out, const char *name, ip_register r, const char *hint)
{
	if (r.known)
		fprintf(out, "  %-16s 0x%X\n", name, (unsigned)r.v);
	else
		field(out, name, NULL, hint);
}

static void boot_list(FILE *out, const char *name, const ip_boot_list *l, const char *hint)
{
	if (!l->known) {
		field(out, name, NULL, hint);
		return;
	}
	if (l->n == 0) {
		fprintf(out, "  %-16s (none)\n", name);
		return;
	}
	for (size_t i = 0; i < l->n; i++)
		fprintf(out, "  %-16s %zu. %s\n", i ? "" : name, i + 1, l->v[i].raw);
}

static void filesystems(FILE *out, const ip_device *d)
{
	if (d->n_filesystems == 0)
		field(out, "filesystems", NULL, "'show flash:' or 'dir'");
	for (size_t i = 0; i < d->n_filesystems; i++) {
		const ip_filesystem *fs = &d->filesystems[i];
		fprintf(out, "  %-16s %s", i ? "" : "filesystems", fs->name);
		if (fs->free.known)
			fprintf(out, " %" PRIu64 " bytes free", fs->free.v);
		if (fs->total.known)
			fprintf(out, " of %" PRIu64, fs->total.v);
		fprintf(out, ", %zu entries%s\n", fs->n_files, fs->complete ? "" : " (listing incomplete)");
		for (size_t k = 0; k < fs->n_files; k++) {
			const ip_file *f = &fs->files[k];
			if (f->is_dir)
				fprintf(out, "  %-16s   %s/\n", "", f->name);
			else if (f->size.known)
				fprintf(out, "  %-16s   %-56s %12" PRIu64 "\n", "", f->name, f->size.v);
			else
				fprintf(out, "  %-16s   %s\n", "", f->name);
		}
	}
}

static void next_boot(FILE *out, const ip_boot_prediction *p)
{
	if (p->outcome == IP_NEXT_IMAGE || p->outcome == IP_NEXT_AMBIGUOUS)
		fprintf(out, "  %-16s %s%s%s%s (%s)\n", "next boot", p->filesystem ? p->filesystem : "",
			p->path ? p->path : "?", p->alt_path ? " or " : "", p->alt_path ? p->alt_path : "",
			ip_next_step_name(p->step));
	else if (p->outcome == IP_NEXT_UNKNOWN)
		fprintf(out, "  %-16s unknown (capture '%s')\n", "next boot", p->missing ? p->missing : "?");
	else
		fprintf(out, "  %-16s %s (%s)\n", "next boot", ip_next_outcome_name(p->outcome),
			ip_next_step_name(p->step));
	for (size_t i = 0; i < p->n_trace; i++)
		fprintf(out, "  %-16s - %s\n", "", p->trace[i].text);
}

static void verifications(FILE *out, const ip_device *d)
{
	static const char *const results[] = { "incomplete: no result captured", "computed",
						"verified", "mismatch", "failed" };
	for (size_t i = 0; i < d->n_verifications; i++) {
		const ip_verification *v = &d->verifications[i];
		fprintf(out, "  %-16s %s %s: %s%s%s\n", i ? "" : "verify",
			v->algorithm == IP_HASH_SHA512 ? "sha512" : "md5", v->file.raw,
			results[v->result], v->computed.s ? " " : "", v->computed.s ? v->computed.s : "");
	}
}

static const char *or_q(const char *s)
{
	return s ? s : "?";
}

/* "*1 Active Ready WS-C3850-48P FOC1915X0AB 16.12.9 INSTALL", then the
 * member's flash and its BOOT list on their own lines. */
static void member(FILE *out, const ip_device *d, const ip_member *m, bool first)
{
	fprintf(out, "  %-16s %s%d %s %s %s %s %s%s%s\n", first ? "stack members" : "",
		m->active ? "*" : "", m->number, or_q(m->role.s), or_q(m->state.s),
		or_q(m->model.s), or_q(m->serial.s), or_q(m->version.s),
		m->mode.s ? " " : "", m->mode.s ? m->mode.s : "");
	const ip_filesystem *fs = ip_stack_member_fs(d, m);
	if (fs)
		fprintf(out, "  %-16s   flash %s\n", "", fs->name);
	else {
		ip_arena *a = ip_arena_new();
		fprintf(out, "  %-16s   flash unknown (capture 'dir %s')\n", "",
			m->active ? "flash:" : ip_stack_member_fs_name(a, d, m));
		ip_arena_free(a);
	}
	const ip_boot_list *bv = ip_stack_member_bootvar(d, m);
	if (!bv) {
		fprintf(out, "  %-16s   BOOT unknown (capture 'show boot')\n", "");
		return;
	}
	fprintf(out, "  %-16s   BOOT %s", "", bv->n ? "" : "(none)");
	for (size_t k = 0; k < bv->n; k++)
		fprintf(out, "%s%s", k ? ";" : "", bv->v[k].raw);
	fputc('\n', out);
}

void facts_device_text(FILE *out, const ip_device *d, const ip_boot_prediction *nb)
{
	fprintf(out, "%s\n", d->hostname.s ? d->hostname.s : "(device without a hostname)");
	field(out, "os", ip_os_name(d->os), "'show version'");
	field(out, "version", d->version.s, "'show version'");
	if (d->xe_version.s)
		field(out, "xe version", d->xe_version.s, "");
	field(out, "platform", d->platform.s, "'show version'");
	field(out, "serial", d->serial.s, "'show version'");
	field(out, "rommon", d->rommon.s, "'show version'");
	field(out, "system image", d->system_image.raw, "'show version'");
	reg(out, "register", d->confreg, "'show version'");
	if (d->confreg.known && d->confreg_next.known && d->confreg_next.v != d->confreg.v)
		reg(out, "register next", d->confreg_next, "'show version'");
	if (d->os == IP_OS_IOS && d->install_mode.v == IP_TRI_UNKNOWN)
		field(out, "install mode", "not applicable (classic IOS)", "");
	else
		field(out, "install mode", d->install_mode.v == IP_TRI_UNKNOWN ? NULL
			: d->install_mode.v == IP_TRI_YES ? "install (packages.conf)" : "bundle",
			"'show version'");
	filesystems(out, d);
	boot_list(out, "boot running", &d->boot_running, "'show running-config | include boot'");
	boot_list(out, "boot startup", &d->boot_startup, "'show startup-config | include boot'");
	if (d->boot_config.known)
		boot_list(out, "boot (config)", &d->boot_config, "");
	if (d->bootvar.known || d->bootvar_current.known)
		boot_list(out, "BOOT variable", &d->bootvar, "'show boot'");
	next_boot(out, nb);
	verifications(out, d);
	for (size_t i = 0; i < d->n_members; i++)
		member(out, d, &d->members[i], i == 0);
	fputc('\n', out);
}
