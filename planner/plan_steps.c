/* The plan's steps, phase by phase, in the seed's order (section 9):
 * pre-checks, transfer, verify, boot statements, save, reload, post-checks,
 * then the deferred clean-up and the rollback. plan_build.c has decided the
 * facts; every step here says what it does, why, what output proves it,
 * and what it changes (the effects the proof replays).
 *
 * Command forms:
 * - listings as the seed types them (`show bootflash:`), copies in the
 *   one-line URL form the seed shows as the alternative (fewer prompts to
 *   answer), deletes with /force (no confirmation prompts);
 * - boot statements: one `boot system` line per entry on routers and
 *   IOS-XE; on a classic Catalyst one line with the entries separated by
 *   ';', because its BOOT path-list is a single statement that a second
 *   `boot system` replaces; `switch all` on stacks;
 * - bundle stacks: the first copy is size-checked and verified before
 *   `copy flash:IMG flash-N:` puts it on each member, where it is verified
 *   again; tar (classic Catalyst): `archive download-sw /leave-old-sw`
 *   from the server, which unpacks on every member, no /reload;
 * - install mode: `install add file ... activate commit prompt-level none`
 *   (DOMAIN.md §8), with the BOOT variable on packages.conf and `no boot
 *   manual` first when Manual Boot is not known to be off. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "space.h"
#include "plan_private.h"

typedef unsigned long long ull;

static const ip_platform *plat(const plan_bld *b)
{
	return &b->p->check.platform;
}

static bool is_switch(const plan_bld *b)
{
	ip_family f = plat(b)->family;
	return f == IP_FAMILY_SWITCH_CLASSIC || f == IP_FAMILY_SWITCH_XE;
}

static bool install(const plan_bld *b)
{
	return b->p->method == IP_METHOD_INSTALL;
}

static bool tar(const plan_bld *b)
{
	return b->p->method == IP_METHOD_TAR;
}

/* "dir/x.bin" -> "dir" (a tar's image directory), else NULL. */
static const char *dir_of(plan_bld *b, const char *path)
{
	const char *sl = path ? strrchr(path, '/') : NULL;
	return sl ? ip_arena_strndup(b->a, path, (size_t)(sl - path)) : NULL;
}

/* --- boot entries ---------------------------------------------------------- */

static ip_boot_entry file_entry(plan_bld *b, const char *fs, const char *path)
{
	ip_boot_entry e = { 0 };
	e.kind = IP_BOOT_FILE;
	e.filesystem = fs;
	e.path = path;
	e.member = b->stack ? -1 : 0;
	e.raw = ip_arena_printf(b->a, "%s%s%s", b->stack ? "switch all " : "", fs, path);
	return e;
}

static ip_boot_entry net_entry(plan_bld *b, const char *path)
{
	ip_boot_entry e = { 0 };
	e.kind = IP_BOOT_NETWORK;
	e.filesystem = "tftp:";
	e.path = path;
	e.server = b->p->server;
	e.raw = ip_arena_printf(b->a, "tftp %s %s", path, b->p->server);
	return e;
}

/* "flash:a.bin;flash:b.bin" for the BOOT variable display. */
static const char *path_list(plan_bld *b, const ip_boot_entry *v, size_t n)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = ip_arena_printf(b->a, "%s%s%s%s", s, i ? ";" : "",
				    v[i].filesystem ? v[i].filesystem : "", v[i].path);
	return s;
}

/* The `boot system` lines that make the list v[0..n), as typed and as
 * `show running-config | include boot system` prints them. */
static size_t boot_lines(plan_bld *b, const ip_boot_entry *v, size_t n, const char **out)
{
	if (b->one_line && n > 1) {
		out[0] = ip_arena_printf(b->a, "boot system %s%s", b->stack ? "switch all " : "",
					 path_list(b, v, n));
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = ip_arena_printf(b->a, "boot system %s", v[i].raw);
	return n;
}

/* Remove every entry the running-config holds now (the plan's own model
 * of it): one `no boot system X` each, or `no boot system` when the list
 * is unknown or a single path-list line. */
static void boot_clear(plan_bld *b)
{
	if (!b->run_known || (b->one_line && b->n_run > 1) || b->n_run > 16) {
		plan_cmd(b, "no boot system");
		plan_effect(b, IP_EFFECT_BOOT_CLEAR);
	} else {
		for (size_t i = 0; i < b->n_run; i++) {
			plan_cmd(b, "no boot system %s", b->run[i].raw);
			plan_effect(b, IP_EFFECT_BOOT_REMOVE)->entry = b->run[i];
		}
	}
	b->n_run = 0;
	b->run_known = true;
}

static void boot_add(plan_bld *b, const ip_boot_entry *v, size_t n)
{
	const char *lines[8];
	size_t k = boot_lines(b, v, n < 8 ? n : 8, lines);
	for (size_t i = 0; i < k; i++)
		plan_cmd(b, "%s", lines[i]);
	for (size_t i = 0; i < n; i++) {
		plan_effect(b, IP_EFFECT_BOOT_ADD)->entry = v[i];
		*IP_PUSH(b->a, b->run, b->n_run, b->cap_run) = v[i];
	}
}

static void expect_boot_lines(plan_bld *b, const ip_boot_entry *v, size_t n)
{
	const char *lines[8];
	size_t k = boot_lines(b, v, n < 8 ? n : 8, lines);
	for (size_t i = 0; i < k; i++)
		plan_expect(b, "%s", lines[i]);
}

/* The final list: the target, then the fallback. */
static size_t final_list(plan_bld *b, ip_boot_entry *v)
{
	size_t n = 0;
	v[n++] = b->target_entry;
	if (b->has_fallback)
		v[n++] = b->fallback_entry;
	return n;
}

/* --- prompts and common steps -------------------------------------------- */

static void save_step(plan_bld *b, ip_plan_phase ph, const char *why)
{
	plan_step(b, ph, IP_MODE_EXEC, "Save the configuration");
	plan_why(b, "%s", why);
	plan_cmd(b, "copy running-config startup-config");
	plan_prompt(b, "Destination filename [startup-config]?", "", true, NULL);
	plan_expect(b, "[OK]");
	plan_effect(b, IP_EFFECT_SAVE);
}

static void confirm_startup(plan_bld *b, ip_plan_phase ph, const ip_boot_entry *v, size_t n)
{
	plan_step(b, ph, IP_MODE_EXEC, "Confirm the boot statements in the startup-config");
	plan_why(b, "The reload reads these: they must be exactly the lines below, in this order.");
	plan_cmd(b, "show startup-config | include boot system");
	expect_boot_lines(b, v, n);
}

static void confirm_bootvar(plan_bld *b, ip_plan_phase ph, const char *list)
{
	bool classic = plat(b)->family == IP_FAMILY_SWITCH_CLASSIC;
	plan_step(b, ph, IP_MODE_EXEC, "Confirm the BOOT variable and Manual Boot");
	plan_why(b, "A switch boots from its BOOT variable, not from the configuration: it must "
		 "list %s, and Manual Boot must be no.", list);
	plan_cmd(b, "show boot");
	plan_expect(b, "%s", list);
	plan_expect(b, classic ? "Manual Boot         : no" : "Manual Boot = no");
}

static void copy_prompts(plan_bld *b, const char *name, bool scp)
{
	plan_prompt(b, ip_arena_printf(b->a, "Destination filename [%s]?", name), "", true, NULL);
	if (scp)
		plan_prompt(b, "Password:", "the SCP account's password", false, "scp_password");
}

static void reload_step(plan_bld *b, ip_plan_phase ph, const char *title)
{
	unsigned n = b->p->opts.reload_in;
	plan_step(b, ph, IP_MODE_EXEC, title);
	if (n) {
		plan_cmd(b, "reload in %u", n);
		plan_expect(b, "Reload scheduled");
		b->cur->abort = "reload cancel";
		plan_why(b, "The reload starts in %u minute%s: until then `reload cancel` aborts it.",
			 n, n == 1 ? "" : "s");
	} else {
		plan_cmd(b, "reload");
	}
	plan_why(b, "Answer no to Save? (the configuration was saved on purpose; yes would "
		 "also save anything changed since) and confirm.");
	plan_prompt(b, "System configuration has been modified. Save? [yes/no]:", "no", false, NULL);
	plan_prompt(b, "Proceed with reload? [confirm]", "", true, NULL);
	plan_effect(b, IP_EFFECT_RELOAD);
}

/* --- 1. pre-checks -------------------------------------------------------- */

static void pre_version(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Record the version and the running image");
	plan_why(b, "The plan is built from the captures: the device must still run what they "
		 "show. If a line differs, stop and capture again.");
	plan_cmd(b, "show version");
	if (d->xe_version.s)
		plan_expect(b, "Cisco IOS XE Software, Version %s", d->xe_version.s);
	else if (d->version.s)
		plan_expect(b, "Version %s", d->version.s);
	if (d->system_image.raw)
		plan_expect(b, "System image file is \"%s\"", d->system_image.raw);
}

/* The tar's space reasoning, member by member: the unpacked directory
 * beside the old one (no /overwrite). */
static void tar_room_why(plan_bld *b)
{
	const ip_plan *p = b->p;
	plan_why(b, "archive download-sw unpacks the tar into %s/%s; the plan "
		 "assumes the directory takes as many bytes as the tar (a tar is not compressed; "
		 "the \"Total Image File Size\" archive download-sw prints when it starts is the "
		 "exact figure), plus the margin.", dir_of(b, p->target_file),
		 p->n_member_fs ? " on every member" : "");
	const char *list = "";
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		const char *fs = i ? p->member_fs[i - 1] : p->filesystem;
		const ip_filesystem *l = ip_fs_view_listing(&b->fsv, fs);
		list = ip_arena_printf(b->a, "%s%s%s %llu", list, i ? ", " : "", fs,
				       (ull)(l ? l->free.v : 0));
	}
	plan_why(b, "Free bytes now: %s. %s room for the new directory beside the "
		 "old one%s, so no /overwrite: the old image stays as the fallback.", list,
		 p->n_member_fs ? "Every member has" : "It has", b->n_deletes ? " once the files below are deleted" : "");
	if (b->tar_have)
		plan_why(b, "The whole tar is already on %s: it is verified there before it is "
			 "unpacked.", p->filesystem);
	else if (b->tar_local)
		plan_why(b, "%s also has room for the tar itself (%llu bytes more), so it is copied "
			 "there and verified before it is unpacked.", p->filesystem,
			 (ull)p->target->size.v);
	else
		plan_why(b, "%s has no room for the tar beside the image it unpacks to (%llu bytes "
			 "more), so archive download-sw reads it from the server.", p->filesystem,
			 (ull)p->target->size.v);
}

/* Every member's flash, not only the active's (bundle: the image;
 * install: the packages install add expands on each member). */
static void members_room_why(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_check_config *cc = p->opts.check;
	ip_space_opts so = { 0, 0, cc ? cc->opts.install_expand_percent : 100 };
	ip_space_need sn;
	ip_space_need_of(&sn, &so, p->target->size.v, !install(b), install(b));
	/* the text names the margin apart: the image's or the packages' bytes */
	uint64_t need = sn.size + sn.expand;
	const char *list = "";
	for (size_t i = 0; i < p->n_member_fs; i++) {
		const ip_filesystem *l = ip_fs_view_listing(&b->fsv, p->member_fs[i]);
		list = ip_arena_printf(b->a, "%s%s%s (member %d) %llu", list, i ? ", " : "",
				       p->member_fs[i], p->member_no[i], (ull)(l ? l->free.v : 0));
	}
	plan_why(b, "Every other member needs about %llu bytes on its own flash (%s), plus the "
		 "margin; free now: %s.", (ull)need,
		 install(b) ? "the packages install add expands there" : "its copy of the image",
		 list);
}

static void pre_listing(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_target *t = p->target;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Check the room on %s", p->filesystem));
	plan_why(b, "%s needs %llu bytes free on %s (%llu for the image%s, %llu margin); the "
		 "capture shows %llu free.", t->name, (ull)b->need_dest, p->filesystem,
		 (ull)t->size.v, install(b) ? ", as much again for the packages install add "
		 "expands" : "", (ull)b->margin, (ull)b->dest->free.v);
	if (tar(b))
		tar_room_why(b);
	else if (p->n_member_fs)
		members_room_why(b);
	if (!b->copy_needed)
		plan_why(b, "The image is already there with the right size: no copy.");
	if (b->n_deletes)
		plan_why(b, "Not enough: the plan deletes %zu file%s in the transfer phase.",
			 b->n_deletes, b->n_deletes == 1 ? "" : "s");
	plan_cmd(b, "show %s", p->filesystem);
	for (size_t i = 0; i < p->n_member_fs; i++)
		plan_cmd(b, "dir %s", p->member_fs[i]);
	if (b->running_inferred)
		plan_expect(b, "%s", dir_of(b, b->running_name)); /* the listing shows the directory */
	else if (b->running_name && ip_fs_prefix_eq(b->running_fs, p->filesystem))
		plan_expect(b, "%s", b->running_name);
}

/* The fallback on another filesystem the device boots from (usbflash0:,
 * harddisk:): still there, or the plan has none. */
static void pre_fallback_elsewhere(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (!b->running_name || ip_fs_prefix_eq(b->running_fs, p->filesystem))
		return;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Check the fallback on %s", b->running_fs));
	plan_why(b, "The running image stays on %s as the fallback, after the new image in the "
		 "boot list: the device boots from %s too. STOP unless it is listed (and leave "
		 "the medium in place until the clean-up).", b->running_fs, b->running_fs);
	plan_cmd(b, "dir %s", b->running_fs);
	plan_expect(b, "%s", b->running_name);
	b->cur->gate = true;
}

/* The fallback inside a directory the captured listing did not open
 * (plan_build.c, running_in_dir): a gate that shows the file before the
 * plan relies on it. `dir flash:<dir>/` lists the directory's files by
 * their own names (DOMAIN.md §4). */
static void pre_fallback(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (!b->running_inferred)
		return;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check the fallback image in its directory");
	plan_why(b, "The captured listing shows the directory, not the image in it: %s. STOP "
		 "unless the image is listed: without it the plan has no fallback.",
		 p->fallback_proof);
	plan_cmd(b, "%s", p->fallback_check);
	const char *sl = strrchr(b->running_name, '/');
	plan_expect(b, "%s", sl ? sl + 1 : b->running_name);
	b->cur->gate = true;
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_PRESENT);
	e->filesystem = p->filesystem;
	e->path = b->running_name;
	for (size_t i = 0; i < b->n_member_checks; i++) {
		const char *fs = b->member_checks[i];
		plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC,
			  ip_arena_printf(b->a, "Check the fallback image on %s", fs));
		plan_why(b, "That member's listing shows the directory, not the image in it; "
			 "archive download-sw installs it on every member. STOP unless it is "
			 "listed: without it that member has no fallback.");
		plan_cmd(b, "dir %s%s/", fs, dir_of(b, b->running_name));
		plan_expect(b, "%s", sl ? sl + 1 : b->running_name);
		b->cur->gate = true;
		e = plan_effect(b, IP_EFFECT_PRESENT);
		e->filesystem = fs;
		e->path = b->running_name;
	}
}

static void pre_switch(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	if (is_switch(b)) {
		plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check the BOOT variable and Manual Boot");
		plan_why(b, "The switch boots from its BOOT variable; Manual Boot = yes would stop "
			 "it at the switch: prompt%s.", b->fix_manual_boot ? " (the plan sets it to no)" : "");
		plan_cmd(b, "show boot");
		if (d->bootvar.known && d->bootvar.n)
			plan_expect(b, "%s", path_list(b, d->bootvar.v, d->bootvar.n));
	}
	if (install(b)) {
		plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check that no install operation is pending");
		plan_why(b, "Every package must be Committed (C): a U or D state left by an earlier "
			 "activation, or an active auto-abort timer, must be settled first.");
		plan_cmd(b, "show install summary");
		plan_expect(b, "Auto abort timer: inactive");
	}
	if (b->stack) {
		plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check the stack members");
		plan_why(b, "Every member must be Ready before the upgrade, and is checked again after it.");
		plan_cmd(b, "show switch");
		plan_expect(b, "Ready");
	}
}

static void pre_server(plan_bld *b)
{
	const ip_plan *p = b->p;
	bool scp = p->opts.transfer == IP_TRANSFER_SCP;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Reach the transfer server");
	plan_why(b, "A lossy path fails a long transfer: fix it before starting (for a large image "
		 "also `ping %s size 1500 repeat 20`).", p->server);
	plan_cmd(b, "ping %s", p->server);
	plan_expect(b, "Success rate is 100 percent");
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Back up the running-config to the server");
	plan_why(b, "Before any change: the configuration as it is now, to restore by hand if "
		 "anything goes wrong.");
	plan_cmd(b, "copy running-config %s://%s/%s-pre-upgrade.cfg", scp ? "scp" : "tftp",
		 p->server, p->hostname);
	plan_prompt(b, ip_arena_printf(b->a, "Address or name of remote host [%s]?", p->server), "",
		    true, NULL);
	plan_prompt(b, ip_arena_printf(b->a, "Destination filename [%s-pre-upgrade.cfg]?",
				       p->hostname), "", true, NULL);
	if (scp)
		plan_prompt(b, "Password:", "the SCP account's password", false, "scp_password");
	plan_expect(b, "bytes copied");
}

/* --allow-delete-running: the server must hold the running image before
 * it is deleted, for the network fallback and for a rollback. */
static void pre_image_backup(plan_bld *b)
{
	const ip_plan *p = b->p;
	const char *name = strrchr(b->running_name, '/') ? strrchr(b->running_name, '/') + 1
							   : b->running_name;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Back up the running image to the server");
	plan_why(b, "The running image is deleted to make room (--allow-delete-running): the "
		 "network fallback boots it from %s over TFTP, so the server must hold it (and "
		 "serve TFTP, whatever the transfer).", p->server);
	plan_cmd(b, "copy %s tftp://%s/%s", p->running, p->server, name);
	plan_prompt(b, ip_arena_printf(b->a, "Address or name of remote host [%s]?", p->server), "",
		    true, NULL);
	plan_prompt(b, ip_arena_printf(b->a, "Destination filename [%s]?", name), "", true, NULL);
	plan_expect(b, "bytes copied");
	plan_effect(b, IP_EFFECT_SERVER_BACKUP)->path = name;
}

static void pre_register(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	const ip_register *r = &d->confreg;
	if (is_switch(b) || plat(b)->confreg_ignored || !r->known)
		return;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check the configuration register");
	plan_cmd(b, "show version | include register");
	plan_expect(b, "Configuration register is 0x%X", r->v);
	if (b->fix_register)
		plan_why(b, "0x%X does not boot normally from the boot statements: the plan sets "
			 "0x%X with them.", d->confreg_next.known ? d->confreg_next.v : r->v,
			 b->register_value);
	else
		plan_why(b, "It must be the normal value (0x%X here, not 0x2142 left over from a "
			 "password recovery).", r->v);
}

static void precheck(plan_bld *b)
{
	pre_version(b);
	pre_listing(b);
	pre_fallback(b);
	pre_fallback_elsewhere(b);
	pre_switch(b);
	pre_server(b);
	if (b->delete_running)
		pre_image_backup(b);
	pre_register(b);
}

/* --- 2. transfer ---------------------------------------------------------- */

/* --allow-delete-running: a saved `boot system tftp` to the old image
 * before the image itself goes. */
static void network_fallback(plan_bld *b)
{
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_CONFIG, "Add a network fallback before deleting "
		  "the running image");
	plan_why(b, "From the next step on the old image is no longer on flash: if the device "
		  "reloads before the new one is verified, it boots the old one from the server.");
	boot_add(b, &b->fallback_entry, 1);
	save_step(b, IP_PHASE_TRANSFER, "The network fallback counts only once saved.");
}

static void deletes(plan_bld *b)
{
	if (!b->n_deletes)
		return;
	const char *where = b->deletes[0].filesystem;
	for (size_t i = 1; i < b->n_deletes; i++)
		if (!ip_fs_prefix_eq(b->deletes[i].filesystem, where))
			where = "the members' flash";
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Make room on %s", where));
	if (ip_fs_prefix_eq(where, b->p->filesystem))
		plan_why(b, "After the backup, before the copy, so that it fits (%llu bytes needed "
			 "on %s).", (ull)b->need_dest, b->p->filesystem);
	else
		plan_why(b, "After the backup, before the copies, so that the image fits on every "
			 "member (the image and the margin).");
	for (size_t i = 0; i < b->n_deletes; i++) {
		const plan_delete *d = &b->deletes[i];
		plan_why(b, "%s%s (%llu bytes): %s.", d->filesystem, d->file->name,
			 (ull)d->file->size.v, d->why);
		plan_cmd(b, "delete /force %s%s", d->filesystem, d->file->name);
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_DELETE);
		e->filesystem = d->filesystem;
		e->path = d->file->name;
	}
}

static void copy_main(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_target *t = p->target;
	bool scp = p->opts.transfer == IP_TRANSFER_SCP;
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Copy the image to %s", p->filesystem));
	plan_cmd(b, "copy %s://%s/%s %s", scp ? "scp" : "tftp", p->server, t->name, p->filesystem);
	copy_prompts(b, t->name, scp);
	if (scp)
		plan_why(b, "SCP: encrypted and authenticated; IOS logs in to %s with your own "
			 "username (scp://USER@%s/... for another account) and asks for the "
			 "password.", p->server, p->server);
	else
		plan_why(b, "From the TFTP root of %s: each ! is a block written, a . a timeout; "
			 "mostly dots means a bad path: abort with Ctrl+C, delete the partial file, "
			 "fix the path.", p->server);
	plan_expect(b, "%llu bytes copied", (ull)t->size.v);
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_COPY);
	e->filesystem = p->filesystem;
	e->path = t->name;
	e->size = t->size.v;
}

static void copy_members(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_target *t = p->target;
	for (size_t i = 0; p->method == IP_METHOD_BUNDLE && i < p->n_member_fs; i++) {
		const ip_filesystem *fs = ip_fs_view_listing(&b->fsv, p->member_fs[i]);
		const ip_file *have = ip_fs_lookup_file(fs, t->name);
		if (have && have->size.known && have->size.v == t->size.v)
			continue;
		plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
			  ip_arena_printf(b->a, "Copy the image to %s", p->member_fs[i]));
		plan_why(b, "Every stack member boots from its own flash: copied from the verified "
			 "copy on %s, over the stack cable, not again over the network.",
			 p->filesystem);
		plan_cmd(b, "copy %s %s", p->image, p->member_fs[i]);
		copy_prompts(b, t->name, false);
		plan_expect(b, "%llu bytes copied", (ull)t->size.v);
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_COPY);
		e->filesystem = p->member_fs[i];
		e->path = t->name;
		e->size = t->size.v;
	}
}

static void verify_main(plan_bld *b, ip_plan_phase ph);

/* A bundle stack: the first copy is checked and verified before it is
 * copied on to the members (a bad copy would be copied everywhere). */
static bool copies_to_members(const plan_bld *b)
{
	return b->p->method == IP_METHOD_BUNDLE && b->p->n_member_fs > 0;
}

/* The tar on the active member's flash, verified against the published
 * hash before archive download-sw unpacks it. */
static void tar_copy_verify(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_target *t = p->target;
	bool scp = p->opts.transfer == IP_TRANSFER_SCP;
	const char *file = ip_arena_printf(b->a, "%s%s", p->filesystem, t->name);
	ip_plan_effect *e;
	if (b->tar_have)
		goto verify;
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC, ip_arena_printf(b->a, "Copy the tar to %s",
								      p->filesystem));
	plan_why(b, "%s has room for the tar beside the image it unpacks to: the tar is "
		 "verified there against the published %s before anything is unpacked.",
		 p->filesystem, p->hash_algo);
	plan_cmd(b, "copy %s://%s/%s %s", scp ? "scp" : "tftp", p->server, t->name, p->filesystem);
	copy_prompts(b, t->name, scp);
	plan_expect(b, "%llu bytes copied", (ull)t->size.v);
	e = plan_effect(b, IP_EFFECT_COPY);
	e->filesystem = p->filesystem;
	e->path = t->name;
	e->size = t->size.v;
verify:
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Verify the %s of %s", p->hash_algo, file));
	plan_why(b, "STOP HERE unless the output says Verified: delete the tar and copy it again.");
	plan_cmd(b, "verify /%s %s %s", p->hash_algo, file, p->hash);
	plan_expect(b, "Verified (%s) = %s", file, p->hash);
	b->cur->gate = true;
	b->cur->abort = ip_arena_printf(b->a, "delete /force %s", file);
	e = plan_effect(b, IP_EFFECT_VERIFY);
	e->filesystem = p->filesystem;
	e->path = t->name;
}

/* archive download-sw: the tar (from the server, or the verified copy on
 * flash) onto every member (the active unpacks it to each member's flash),
 * keeping the old image. */
static void tar_download(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_target *t = p->target;
	if (b->tar_local)
		tar_copy_verify(b);
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC, p->n_member_fs
		  ? "Download and unpack the tar on every member" : "Download and unpack the tar");
	if (b->tar_local)
		plan_why(b, "From the verified tar on %s.", p->filesystem);
	else
		plan_why(b, "Before this step check the tar on %s against the published %s (%ssum "
			 "%s must print %s): archive download-sw reads it straight from the server, "
			 "and %s has no room to keep the tar beside the image it unpacks to; "
			 "archive download-sw itself refuses a tar whose files do not match its "
			 "info file.", p->server, p->hash_algo, p->hash_algo, t->name, p->hash,
			 p->filesystem);
	plan_why(b, "/leave-old-sw keeps the running image as the fallback; no /overwrite (%s "
		 "room); no /reload: the plan sets the boot statements and reloads "
		 "itself.", p->n_member_fs ? "every member has" : "there is");
	if (p->opts.transfer == IP_TRANSFER_SCP && !b->tar_local)
		plan_why(b, "archive download-sw has no scp: source: this step uses TFTP.");
	if (b->tar_local)
		plan_cmd(b, "archive download-sw /leave-old-sw %s%s", p->filesystem, t->name);
	else
		plan_cmd(b, "archive download-sw /leave-old-sw tftp://%s/%s", p->server, t->name);
	plan_expect(b, "All software images installed");
	b->cur->gate = true;
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		const char *fs = i ? p->member_fs[i - 1] : p->filesystem;
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_COPY);
		e->filesystem = fs;
		e->path = p->target_file;
		e->size = t->size.v;
	}
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_VERIFY);
		e->filesystem = i ? p->member_fs[i - 1] : p->filesystem;
		e->path = p->target_file;
	}
	if (!b->tar_local)
		return;
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC, "Delete the tar");
	plan_why(b, "Unpacked%s, it is no longer needed.", p->n_member_fs ? " on every member" : "");
	plan_cmd(b, "delete /force %s%s", p->filesystem, t->name);
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_DELETE);
	e->filesystem = p->filesystem;
	e->path = t->name;
}

static void transfer(plan_bld *b)
{
	if (b->delete_running)
		network_fallback(b);
	deletes(b);
	if (tar(b)) {
		tar_download(b);
		return;
	}
	if (b->copy_needed)
		copy_main(b);
	if (copies_to_members(b)) {
		verify_main(b, IP_PHASE_TRANSFER);
		copy_members(b);
	}
}

/* --- 3. verify ------------------------------------------------------------ */

static void verify_hash(plan_bld *b, ip_plan_phase ph, const char *fs)
{
	const ip_plan *p = b->p;
	const char *file = ip_arena_printf(b->a, "%s%s", fs, p->target->name);
	plan_step(b, ph, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Verify the %s of %s", p->hash_algo, file));
	plan_why(b, "Mandatory: the hash the device computes must be the published one. STOP "
		 "HERE unless the output says Verified: delete the file (`delete /force %s`), "
		 "check the server copy (%ssum) and the path, and copy again. Never boot an "
		 "image that did not verify.", file, p->hash_algo);
	plan_cmd(b, "verify /%s %s %s", p->hash_algo, file, p->hash);
	plan_expect(b, "Verified (%s) = %s", file, p->hash);
	b->cur->gate = true;
	b->cur->abort = ip_arena_printf(b->a, "delete /force %s", file);
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_VERIFY);
	e->filesystem = fs;
	e->path = p->target->name;
}

static void verify_main(plan_bld *b, ip_plan_phase ph)
{
	const ip_plan *p = b->p;
	plan_step(b, ph, IP_MODE_EXEC, "Check the size of the copy");
	plan_why(b, "Exactly %llu bytes, as on the download page: a shorter file is a transfer cut "
		 "short.", (ull)p->target->size.v);
	plan_cmd(b, "dir %s", p->image);
	plan_expect(b, "%llu", (ull)p->target->size.v);
	verify_hash(b, ph, p->filesystem);
}

static void verify(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (tar(b)) {
		plan_step(b, IP_PHASE_VERIFY, IP_MODE_EXEC, p->n_member_fs
			  ? "Check the new image on every member" : "Check the new image");
		plan_why(b, "The directory and its image must be on %s.",
			 p->n_member_fs ? "every member's flash" : p->filesystem);
		for (size_t i = 0; i <= p->n_member_fs; i++)
			plan_cmd(b, "dir %s%s/", i ? p->member_fs[i - 1] : p->filesystem,
				 dir_of(b, p->target_file));
		plan_expect(b, "%s", strrchr(p->target_file, '/') + 1);
		return;
	}
	if (!copies_to_members(b))
		verify_main(b, IP_PHASE_VERIFY);
	for (size_t i = 0; copies_to_members(b) && i < p->n_member_fs; i++)
		verify_hash(b, IP_PHASE_VERIFY, p->member_fs[i]);
}

/* --- 4. boot statements --------------------------------------------------- */

static void boot_extras(plan_bld *b)
{
	if (b->fix_register) {
		plan_cmd(b, "config-register 0x%X", b->register_value);
		plan_effect(b, IP_EFFECT_REGISTER)->value = b->register_value;
		plan_why(b, "config-register 0x%X: the normal value, so that the boot field lets "
			 "the boot statements decide and the startup-config is read.", b->register_value);
	}
	if (b->fix_manual_boot) {
		plan_cmd(b, "no boot manual");
		plan_effect(b, IP_EFFECT_NO_BOOT_MANUAL);
		plan_why(b, "no boot manual: with Manual Boot on, the switch stops at the switch: "
			 "prompt instead of booting.");
	}
}

static void boot_bundle(plan_bld *b)
{
	ip_boot_entry v[2];
	size_t n = final_list(b, v);
	plan_step(b, IP_PHASE_BOOT, IP_MODE_CONFIG, b->has_fallback
		  ? "Boot statements: the new image first, the old one as fallback"
		  : "Boot statements: the new image");
	plan_why(b, "IOS tries the entries in order and boots the first that loads: the new "
		 "image first%s. The current entries are removed first, so that nothing comes "
		 "before it.",
		 b->has_fallback ? ", then the old one, so that a failed boot heals itself" : "");
	if (b->one_line && n > 1)
		plan_why(b, "A classic Catalyst keeps one BOOT path-list: a second boot system line "
			 "would replace the first, so both go on one line, separated by ';'.");
	boot_clear(b);
	boot_add(b, v, n);
	boot_extras(b);
	plan_step(b, IP_PHASE_BOOT, IP_MODE_EXEC, "Check the boot statements");
	plan_why(b, "Exactly these lines, in this order.");
	plan_cmd(b, "show running-config | include boot system");
	expect_boot_lines(b, v, n);
	if (b->fix_register) {
		plan_step(b, IP_PHASE_BOOT, IP_MODE_EXEC, "Check the register for the next reload");
		plan_why(b, "show version says the value the next reload uses.");
		plan_cmd(b, "show version | include register");
		plan_expect(b, "0x%X at next reload", b->register_value);
	}
}

static bool list_is_conf(const plan_bld *b)
{
	if (!b->run_known || b->n_run != 1)
		return false;
	const ip_boot_entry *e = &b->run[0];
	/* on a stack only `switch all` is known to reach every member */
	return e->kind == IP_BOOT_FILE && e->path && ip_fs_file_eq(e->filesystem, e->path, "packages.conf") &&
	       ip_fs_view_same(&b->fsv, e->filesystem, b->p->filesystem) &&
	       (!b->stack || e->member == -1);
}

static void boot_install(plan_bld *b)
{
	if (list_is_conf(b) && !b->fix_manual_boot && !b->fix_register) {
		plan_step(b, IP_PHASE_BOOT, IP_MODE_EXEC, "Check the boot statement: packages.conf");
		plan_why(b, "In install mode the device boots %spackages.conf, which install "
			 "activate points at the new packages; the boot statement already says so.",
			 b->p->filesystem);
		plan_cmd(b, "show running-config | include boot system");
		expect_boot_lines(b, &b->target_entry, 1);
		return;
	}
	plan_step(b, IP_PHASE_BOOT, IP_MODE_CONFIG, "Boot statement: packages.conf");
	plan_why(b, "In install mode the device boots %spackages.conf, which install activate "
		 "points at the new packages.", b->p->filesystem);
	if (!list_is_conf(b)) {
		boot_clear(b);
		boot_add(b, &b->target_entry, 1);
	}
	boot_extras(b);
}

/* --- 5. save, 6. reload ---------------------------------------------------- */

static void save_phase(plan_bld *b)
{
	ip_boot_entry v[2];
	size_t n = install(b) ? 1 : final_list(b, v);
	if (install(b))
		v[0] = b->target_entry;
	save_step(b, IP_PHASE_SAVE, "The boot statements must be in the startup-config, or the "
		  "reload ignores them (seed: save before reload, always). This also saves any "
		  "other unsaved change: review it first if the running-config was edited.");
	/* issue 20 point 20: an IOS-XE switch (where FN63641 shows a save
	 * rewriting BOOT; unsaved-boot's default save_rewrites_boot) with BOOT
	 * set and no boot system line: say why the statements had to come
	 * first. R9 proves they do on every switch. */
	const ip_device *d = b->p->dev;
	if (b->bootvar && plat(b)->family == IP_FAMILY_SWITCH_XE && d->boot_running.known &&
	    !d->boot_running.n && d->bootvar.n)
		plan_why(b, "The boot statements come before this save on purpose: the "
			 "running-config had none, and a save rewrites the switch's BOOT variable "
			 "from them (Cisco FN63641), so a save without them would clear it.");
	confirm_startup(b, IP_PHASE_SAVE, v, n);
	if (b->bootvar)
		confirm_bootvar(b, IP_PHASE_SAVE, path_list(b, v, n));
}

static void reload_phase(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (!install(b)) {
		reload_step(b, IP_PHASE_RELOAD, "Reload into the new image");
		return;
	}
	plan_step(b, IP_PHASE_RELOAD, IP_MODE_EXEC, "Install, activate and commit (reloads)");
	plan_why(b, "install add expands the .bin into packages%s, activate points "
		 "packages.conf at them and reloads, commit keeps them; prompt-level none answers "
		 "the questions. Once activation starts it cannot be cancelled.",
		 b->stack ? " on every member" : "");
	plan_cmd(b, "install add file %s activate commit prompt-level none", p->image);
	plan_expect(b, "SUCCESS: install_add_activate_commit");
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_INSTALL);
	e->filesystem = p->filesystem;
	e->path = p->target->name;
	e->size = p->target->size.v;
}

/* --- 7. post-checks ------------------------------------------------------- */

/* The line show version prints for the target's release, or NULL. */
static const char *version_line(plan_bld *b)
{
	const ip_target *t = b->p->target;
	if (!t->parsed || t->image.version.scheme == IP_VER_INVALID ||
	    t->image.version.scheme == IP_VER_SPECIAL)
		return NULL;
	if (t->image.is_xe)
		return ip_arena_printf(b->a, "Cisco IOS XE Software, Version %s", t->image.version.raw);
	char v[IP_VERSION_TEXT_SIZE];
	ip_version_normalise(&t->image.version, v, sizeof(v));
	return ip_arena_printf(b->a, "Version %s", v);
}

static void post_version(plan_bld *b)
{
	const char *v = version_line(b);
	const char *img = install(b) ? ip_arena_printf(b->a, "%spackages.conf", b->p->filesystem)
				     : b->p->image;
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, "Confirm the new release and image");
	plan_why(b, "The new release, loaded from %s: the old version or path here means the "
		 "new image failed to load and the fallback booted.", img);
	plan_cmd(b, "show version | include Version");
	if (v)
		plan_expect(b, "%s", v);
	plan_cmd(b, "show version | include System image");
	plan_expect(b, "System image file is \"%s\"", img);
	if (install(b)) {
		plan_cmd(b, "show install summary");
		plan_expect(b, "Auto abort timer: inactive");
	}
}

static void post_boot(plan_bld *b)
{
	ip_boot_entry v[2];
	size_t n = install(b) ? 1 : final_list(b, v);
	if (install(b))
		v[0] = b->target_entry;
	const ip_register *r = &b->p->dev->confreg;
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, "Confirm the boot statements survived");
	plan_why(b, "They must be the saved ones.");
	plan_cmd(b, "show running-config | include boot system");
	expect_boot_lines(b, v, n);
	if (b->bootvar) {
		plan_cmd(b, "show boot");
		plan_expect(b, "%s", path_list(b, v, n));
	} else if (r->known && !plat(b)->confreg_ignored) {
		plan_cmd(b, "show version | include register");
		plan_expect(b, "Configuration register is 0x%X",
			    b->fix_register ? b->register_value : r->v);
	}
}

/* The release as show version's switch table prints it: "17.12.04",
 * "15.2(7)E9"; NULL when the target's name does not say. */
static const char *table_version(plan_bld *b)
{
	const ip_target *t = b->p->target;
	if (!t->parsed || t->image.version.scheme == IP_VER_INVALID ||
	    t->image.version.scheme == IP_VER_SPECIAL)
		return NULL;
	if (t->image.is_xe)
		return t->image.version.raw;
	char v[IP_VERSION_TEXT_SIZE];
	ip_version_normalise(&t->image.version, v, sizeof(v));
	return ip_arena_strdup(b->a, v);
}

static void post_members(plan_bld *b)
{
	const ip_plan *p = b->p;
	const char *v = table_version(b);
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, "Confirm every stack member is back");
	plan_why(b, "All %zu members Ready (a member left in V-Mismatch or Version Mismatch booted "
		 "another release and is out of the stack)%s.", p->n_member_fs + 1,
		 v ? ", and every row of the switch table on the new release" : "");
	plan_cmd(b, "show switch");
	plan_expect(b, "Ready");
	if (v) {
		plan_cmd(b, "show version | begin Switch Ports");
		plan_expect(b, "%s", v);
	}
}

static void post_network(plan_bld *b)
{
	bool sw = is_switch(b);
	if (b->stack)
		post_members(b);
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, "Confirm the interfaces came back");
	plan_why(b, "Every interface that was up before the change is up again; a new release "
		 "can rename interfaces or drop a licensed feature.");
	plan_cmd(b, sw ? "show interfaces status" : "show ip interface brief");
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, sw ? "Confirm the neighbours came back"
							 : "Confirm the routing neighbours came back");
	plan_why(b, sw ? "The same CDP neighbours as before the change."
		       : "Every adjacency back to FULL (use show ip bgp summary or show ip eigrp "
			 "neighbors for the protocols this device runs), then run traffic tests.");
	plan_cmd(b, sw ? "show cdp neighbors" : "show ip ospf neighbor");
}

/* --- 8. clean-up, 9. rollback ------------------------------------------- */

static void cleanup_install(plan_bld *b)
{
	plan_step(b, IP_PHASE_CLEANUP, IP_MODE_EXEC, "Remove the old packages and unused images");
	plan_why(b, "After the new release has run under real load for a day or two: install "
		 "remove inactive deletes the packages and .bin files nothing uses, the copied "
		 ".bin included.");
	plan_cmd(b, "install remove inactive");
	plan_prompt(b, "Do you want to remove the above files? [y/n]", "y", true, NULL);
	plan_expect(b, "SUCCESS: install_remove");
	plan_effect(b, IP_EFFECT_INSTALL_REMOVE_INACTIVE);
}

/* Whether a gated pre-check showed the running image on member flash fs. */
static bool member_checked(const plan_bld *b, const char *fs)
{
	for (size_t i = 0; i < b->n_member_checks; i++)
		if (ip_fs_prefix_eq(b->member_checks[i], fs))
			return true;
	return false;
}

static void cleanup_delete_old(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (!b->running_name || b->delete_running)
		return;
	plan_step(b, IP_PHASE_CLEANUP, IP_MODE_EXEC, "Delete the old image");
	plan_why(b, "Only now that no boot statement names it.");
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		const char *fs = i ? p->member_fs[i - 1] : b->running_fs;
		if (i && !ip_fs_lookup_file(ip_fs_view_listing(&b->fsv, fs), b->running_name) &&
		    !member_checked(b, fs))
			continue; /* that member's flash does not hold it */
		const char *dir = tar(b) ? dir_of(b, b->running_name) : NULL;
		if (dir)
			plan_cmd(b, "delete /force /recursive %s%s", fs, dir);
		else
			plan_cmd(b, "delete /force %s%s", fs, b->running_name);
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_DELETE);
		e->filesystem = fs;
		e->path = b->running_name;
	}
}

static void cleanup(plan_bld *b)
{
	if (install(b)) {
		cleanup_install(b);
		return;
	}
	if (b->has_fallback) {
		plan_step(b, IP_PHASE_CLEANUP, IP_MODE_CONFIG, "Remove the fallback boot statement");
		plan_why(b, "Deferred: only after the new release has run under real load for 24 to "
			 "48 hours. The fallback goes before the old image does.");
		if (b->one_line) {
			boot_clear(b);
			boot_add(b, &b->target_entry, 1);
		} else {
			plan_cmd(b, "no boot system %s", b->fallback_entry.raw);
			plan_effect(b, IP_EFFECT_BOOT_REMOVE)->entry = b->fallback_entry;
		}
		save_step(b, IP_PHASE_CLEANUP, "The boot list without the fallback counts once saved.");
		confirm_startup(b, IP_PHASE_CLEANUP, &b->target_entry, 1);
	}
	cleanup_delete_old(b);
}

static void rollback_install(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	plan_step(b, IP_PHASE_ROLLBACK, IP_MODE_EXEC, "Roll the packages back (reloads)");
	plan_why(b, "Valid until the clean-up removes the old packages. show install rollback "
		 "lists the rollback points: use the ID of the one with %s in place of ID.",
		 d->xe_version.s ? d->xe_version.s : d->version.s ? d->version.s : "the old release");
	plan_cmd(b, "show install rollback");
	plan_cmd(b, "install rollback to id ID prompt-level none");
	plan_expect(b, "SUCCESS: install_rollback");
	plan_effect(b, IP_EFFECT_INSTALL_ROLLBACK);
}

static void rollback(plan_bld *b)
{
	if (install(b)) {
		rollback_install(b);
		return;
	}
	if (!b->has_fallback)
		return;
	plan_step(b, IP_PHASE_ROLLBACK, IP_MODE_CONFIG, "Boot the old image again");
	plan_why(b, "Only if the new release misbehaves, and only until the clean-up: removes "
		 "the new image's boot statement, so the old one is first.");
	if (b->one_line) {
		boot_clear(b);
		boot_add(b, &b->fallback_entry, 1);
	} else {
		plan_cmd(b, "no boot system %s", b->target_entry.raw);
		plan_effect(b, IP_EFFECT_BOOT_REMOVE)->entry = b->target_entry;
	}
	save_step(b, IP_PHASE_ROLLBACK, "The reload reads the startup-config.");
	confirm_startup(b, IP_PHASE_ROLLBACK, &b->fallback_entry, 1);
	reload_step(b, IP_PHASE_ROLLBACK, "Reload into the old image");
}

/* --- the whole ------------------------------------------------------------ */

static void entries_init(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_device *d = p->dev;
	b->bootvar = plat(b)->boot_from_bootvar;
	b->one_line = plat(b)->family == IP_FAMILY_SWITCH_CLASSIC;
	b->run_known = d->boot_running.known;
	for (size_t i = 0; b->run_known && i < d->boot_running.n; i++)
		*IP_PUSH(b->a, b->run, b->n_run, b->cap_run) = d->boot_running.v[i];
	b->target_entry = file_entry(b, p->filesystem,
				     install(b) ? "packages.conf" : p->target_file);
	if (install(b) && list_is_conf(b))
		b->target_entry = b->run[0]; /* keep the statement as it is written */
	if (p->network_fallback) {
		const char *sl = strrchr(b->running_name, '/');
		b->fallback_entry = net_entry(b, sl ? sl + 1 : b->running_name);
		b->has_fallback = true;
	} else if (p->fallback && b->running_name) {
		b->fallback_entry = file_entry(b, b->running_fs, b->running_name);
		b->has_fallback = true;
	}
}

void plan_steps_write(plan_bld *b)
{
	entries_init(b);
	precheck(b);
	transfer(b);
	verify(b);
	if (install(b))
		boot_install(b);
	else
		boot_bundle(b);
	save_phase(b);
	reload_phase(b);
	post_version(b);
	post_boot(b);
	post_network(b);
	/* the clean-up and the rollback both start from the upgraded device:
	 * each rewrites the boot list from the final one */
	size_t n_run = b->n_run;
	ip_boot_entry *saved = ip_arena_alloc(b->a, (n_run + 1) * sizeof(*saved));
	memcpy(saved, b->run, n_run * sizeof(*saved));
	cleanup(b);
	memcpy(b->run, saved, n_run * sizeof(*saved));
	b->n_run = n_run;
	b->run_known = true;
	rollback(b);
}
