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
#include "redundancy.h"
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

/* The install commands of the release running now (before the reload)
 * and of the target (after it): parsers/model/install_flow.h, decided
 * once in plan_build.c. */
static ip_install_flow flow_now(const plan_bld *b)
{
	return b->p->install.flow;
}

static ip_install_flow flow_after(const plan_bld *b)
{
	return b->p->install_after.flow;
}

/* The two-step form (issue 21 pt 3): asked for, and the running
 * release has `install` (plan_build.c warns when it was asked for and
 * does not). */
static bool two_step(const plan_bld *b)
{
	return b->p->method == IP_METHOD_INSTALL && b->p->opts.install_steps == IP_STEPS_TWO_STEP &&
	       flow_now(b) == IP_FLOW_INSTALL && !b->p->converting;
}

static bool cat9k(const plan_bld *b)
{
	return plat(b)->confreg_ignored;
}

/* Who expands the packages, for the room sentences. */
static const char *expander(const plan_bld *b)
{
	return flow_now(b) == IP_FLOW_INSTALL ? "install add" : "the install";
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
		plan_expect(b, IP_EXPECT_BOOT_LINE, "%s", lines[i]);
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
	plan_copy_cmd(b, "copy", "running-config", "startup-config");
	plan_prompt(b, "Destination filename [startup-config]?", "", true, NULL);
	plan_expect(b, IP_EXPECT_SAVE_OK, "[OK]");
	plan_effect(b, IP_EFFECT_SAVE);
}

/* A standby RP boots from its own BOOT variable: the save writes it when
 * the standby is hot in SSO (redundancy.h), and show bootvar's Standby
 * line is the proof, before any reload counts on it (issue 21; the line's
 * form: genieparser iosxe ShowBootvar golden_output_cat9400, "Standby BOOT
 * variable = bootflash:packages.conf;"). */
static void confirm_standby(plan_bld *b, ip_plan_phase ph, const ip_boot_entry *v, size_t n)
{
	const ip_device *d = b->p->dev;
	if (!ip_standby_present(d) || n == 0)
		return;
	const ip_redundancy *rd = ip_redundancy_of(d);
	plan_step(b, ph, IP_MODE_EXEC, "Confirm the standby RP's BOOT variable");
	plan_why(b, "The standby route processor%s%s boots from its own BOOT variable. With the "
		 "standby hot in SSO the save writes it too; the Standby line must start with %s, "
		 "or a reload brings the standby up on another image, out of SSO.",
		 rd->standby_location.s ? " in " : "",
		 rd->standby_location.s ? rd->standby_location.s : "", path_list(b, v, 1));
	plan_cmd(b, "show bootvar");
	/* as the BOOT variable prints it: "flash:packages.conf", not a
	 * "switch all ..." statement's text */
	plan_expect(b, IP_EXPECT_STANDBY_BOOT, "Standby BOOT variable = %s", path_list(b, v, 1));
	b->cur->gate = true;
}

static void confirm_startup(plan_bld *b, ip_plan_phase ph, const ip_boot_entry *v, size_t n)
{
	plan_step(b, ph, IP_MODE_EXEC, "Confirm the boot statements in the startup-config");
	plan_why(b, "The reload reads these: they must be exactly the lines below, in this order.");
	plan_cmd(b, "show startup-config | include boot system");
	expect_boot_lines(b, v, n);
	confirm_standby(b, ph, v, n);
}

static void confirm_bootvar(plan_bld *b, ip_plan_phase ph, const char *list)
{
	bool classic = plat(b)->family == IP_FAMILY_SWITCH_CLASSIC;
	plan_step(b, ph, IP_MODE_EXEC, "Confirm the BOOT variable and Manual Boot");
	plan_why(b, "A switch boots from its BOOT variable, not from the configuration: it must "
		 "list %s, and Manual Boot must be no.", list);
	plan_cmd(b, "show boot");
	plan_expect(b, IP_EXPECT_BOOT_LIST, "%s", list);
	if (classic)
		plan_expect(b, IP_EXPECT_MANUAL_BOOT_CLASSIC, "Manual Boot         : no");
	else
		plan_expect(b, IP_EXPECT_MANUAL_BOOT_XE, "Manual Boot = no");
}

/* An SCP copy logs in to the server: IOS asks for the account when the
 * URL names none ("Source username [admin]?" reading from the server,
 * "Destination username [admin]?" writing to it, the default being the
 * session's own user), then "Password:". The copy command reference: "you
 * can enter on the command line all necessary source- and destination-URL
 * information and the username and password to use, or ... have the router
 * prompt you for any missing information"
 * (https://www.cisco.com/E-Learning/bulk/public/tac/cim/cib/using%5Fcisco%5Fios%5Fsoftware/cmdrefs/copy.htm);
 * the prompt's wording is from public captured sessions (`copy scp:
 * usbflash1: vrf Mgmt-vrf` on a Catalyst 9000, `copy scp:... flash:` on an
 * 809; repositories not identified, like DOMAIN.md section 7). Unanswered,
 * the copy waits for the whole command timeout (issue 24, point 1b): the
 * prompt is matched without its default, which is whoever logged in. */
static void scp_login_prompts(plan_bld *b, const char *side)
{
	plan_prompt(b, ip_arena_printf(b->a, "%s username", side), "the SCP account's user name",
		    false, "scp_user");
}

static void copy_prompts(plan_bld *b, const char *name, bool scp)
{
	if (scp)
		scp_login_prompts(b, "Source");
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
		plan_expect(b, IP_EXPECT_RELOAD_SCHEDULED, "Reload scheduled");
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
	/* Quoted as the capture printed them (issue 20, point 14): the XE line
	 * is "Cisco IOS XE Software, Version 16.09.03" on 16.x and later but
	 * "IOS XE Version: 03.09.01.S" on ASR1k 3.x, and IOS-XE 3.x switches
	 * print the release on the Cisco IOS Software line only (DOMAIN.md
	 * 3.1); the image path keeps the device's own "flash:/" or "flash:". */
	if (d->xe_version_line.s)
		plan_expect_quote(b, d->xe_version_line.span, "%s", d->xe_version_line.s);
	else if (d->version.s)
		plan_expect_quote(b, d->version.span, "Version %s", d->version.s);
	if (d->system_image.raw)
		plan_expect_quote(b, d->system_image.span, "System image file is \"%s\"",
				  d->system_image.raw);
}

/* The listing line that shows name on fs: the span of a pre-check that
 * quotes it (R12). A directory is matched with or without its trailing
 * '/'. A zero span when the listing does not show it, which the proof
 * refuses: a quote must say where it comes from. */
static ip_span listed_at(const ip_filesystem *fs, const char *name)
{
	const ip_file *f = fs && name ? ip_fs_lookup_file(fs, name) : NULL;
	if (f)
		return f->span;
	size_t n = name ? strlen(name) : 0;
	for (size_t i = 0; fs && i < fs->n_files; i++) {
		const char *fn = fs->files[i].name;
		if (fn && !strncmp(fn, name, n) && (fn[n] == '\0' || !strcmp(fn + n, "/")))
			return fs->files[i].span;
	}
	return (ip_span){ 0 };
}

/* The list as the capture printed it, entry by entry (the device's own
 * "flash:/x.bin" or "flash:x.bin", without a ",12" suffix): a substring
 * of the BOOT path-list / BOOT variable line it came from. */
static const char *raw_list(plan_bld *b, const ip_boot_entry *v, size_t n)
{
	const char *s = "";
	for (size_t i = 0; i < n; i++)
		s = ip_arena_printf(b->a, "%s%s%s", s, i ? ";" : "", v[i].raw);
	return s;
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
	/* install add copies the image to each member too, then expands it
	 * (issue 20, point 3) */
	ip_space_need_of(&sn, &so, p->target->size.v, true, install(b));
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
		 install(b) ? ip_arena_printf(b->a, "the image %s copies there and the packages "
					      "it expands", expander(b))
			    : "its copy of the image",
		 list);
	/* issue 20, point 11: the fallback copies take room there too */
	for (size_t i = 0; i < b->n_fb_members; i++)
		plan_why(b, "%s also gets a copy of the running image (%llu bytes) as its "
			 "fallback.", b->fb_members[i], (ull)b->running_size);
}

/* How many of the plan's deletions are copies of the target that are not
 * it (partial: a transfer cut short), not deletions for room. */
static size_t stale_copies(const plan_bld *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->n_deletes; i++)
		n += ip_fs_file_eq(b->deletes[i].filesystem, b->deletes[i].file->name,
				   b->p->target_file);
	return n;
}

/* the ROMMON package's share of the room (issue 22), or "" */
static const char *rommon_part(plan_bld *b)
{
	return b->rommon_bytes ? ip_arena_printf(b->a, ", %llu for the ROMMON package",
						 (ull)b->rommon_bytes) : "";
}

static void pre_listing(plan_bld *b)
{
	const ip_plan *p = b->p;
	const ip_target *t = p->target;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Check the room on %s", p->filesystem));
	/* the parts named are the parts the model counted (space.c): an image
	 * already there needs no room for itself, and with nothing to put
	 * there no margin either (issue 20, point 14: never "needs 0 bytes"
	 * beside a margin) */
	if (!b->need_dest)
		plan_why(b, "%s is already on %s with the right size: it needs no more room (the "
			 "capture shows %llu free).", t->name, p->filesystem, (ull)b->dest->free.v);
	else if (b->copy_needed)
		plan_why(b, "%s needs %llu bytes free on %s (%llu for the image%s%s, %llu margin); "
			 "the capture shows %llu free.", t->name, (ull)b->need_dest, p->filesystem,
			 (ull)t->size.v, install(b) ? ip_arena_printf(b->a, ", as much again for "
			 "the packages %s expands", expander(b)) : "", rommon_part(b),
			 (ull)b->margin, (ull)b->dest->free.v);
	else
		plan_why(b, "%s needs %llu bytes free on %s (the image is there already: %llu for "
			 "the packages %s expands%s, %llu margin); the capture shows %llu free.",
			 t->name, (ull)b->need_dest, p->filesystem,
			 (ull)(b->need_dest - b->margin - b->rommon_bytes), expander(b),
			 rommon_part(b), (ull)b->margin, (ull)b->dest->free.v);
	if (tar(b))
		tar_room_why(b);
	else if (p->n_member_fs)
		members_room_why(b);
	if (b->n_deletes && stale_copies(b) == b->n_deletes)
		plan_why(b, "A file of the target's name but not its size is there (a transfer cut "
			 "short): the plan deletes it in the transfer phase and copies afresh.");
	else if (b->n_deletes)
		plan_why(b, "Not enough: the plan deletes %zu file%s in the transfer phase.",
			 b->n_deletes, b->n_deletes == 1 ? "" : "s");
	plan_cmd(b, "show %s", p->filesystem);
	for (size_t i = 0; i < p->n_member_fs; i++)
		plan_cmd(b, "dir %s", p->member_fs[i]);
	if (b->running_inferred)
		plan_expect_quote(b, listed_at(b->dest, dir_of(b, b->running_name)), "%s",
				  dir_of(b, b->running_name)); /* the listing shows the directory */
	else if (b->running_name && ip_fs_prefix_eq(b->running_fs, p->filesystem)) {
		/* `show flash:` lists the root only: an image in its own
		 * directory (the tar layout) shows as the directory's name */
		const char *sl = strchr(b->running_name, '/');
		const char *top = sl ? ip_arena_strndup(b->a, b->running_name,
							 (size_t)(sl - b->running_name))
				     : b->running_name;
		plan_expect_quote(b, listed_at(b->dest, top), "%s", top);
	}
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
	plan_expect_quote(b, listed_at(ip_fs_view_listing(&b->fsv, b->running_fs),
				       b->running_name), "%s", b->running_name);
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
	/* not listed yet: the name as show version's image line prints it */
	ip_span shown = p->dev->system_image.span;
	plan_expect_quote(b, shown, "%s", sl ? sl + 1 : b->running_name);
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
		plan_expect_quote(b, shown, "%s", sl ? sl + 1 : b->running_name);
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
			plan_expect_quote(b, d->bootvar.v[0].span, "%s",
					  raw_list(b, d->bootvar.v, d->bootvar.n));
	}
	if (install(b) && flow_now(b) == IP_FLOW_INSTALL && !b->p->converting) {
		plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check that no install operation is pending");
		plan_why(b, "Every package must be Committed (C): a U or D state left by an earlier "
			 "activation, or an active auto-abort timer, must be settled first.");
		plan_cmd(b, "show install summary");
		plan_expect(b, IP_EXPECT_INSTALL_IDLE, "Auto abort timer: inactive");
	}
	if (b->stack) {
		plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check the stack members");
		plan_why(b, "Every member must be Ready before the upgrade, and is checked again after it.");
		plan_cmd(b, "show switch");
		plan_expect(b, IP_EXPECT_SWITCH_READY, "Ready");
	}
}

/* The target on the transfer server, as a URL. */
static const char *server_url(plan_bld *b, const char *proto)
{
	return ip_arena_printf(b->a, "%s://%s/%s", proto, b->p->server, b->p->target->name);
}

void plan_copy_cmd(plan_bld *b, const char *verb, const char *src, const char *dst)
{
	bool net = strstr(src, "://") || (dst && strstr(dst, "://"));
	const char *cmd = dst ? ip_arena_printf(b->a, "%s %s %s", verb, src, dst)
			      : ip_arena_printf(b->a, "%s %s", verb, src);
	if (net && b->vrf_keyword)
		plan_cmd(b, "%s vrf %s", cmd, b->p->opts.vrf);
	else
		plan_cmd(b, "%s", cmd);
}

/* --vrf where the copy has no vrf keyword: the source interface of each
 * protocol the plan transfers with, recorded (the clean-up puts back what
 * this prints) and then set, before the first transfer: the backup of the
 * running-config. The capture's own line, when it shows one, is said. */
static const char *vrf_protos(const plan_bld *b)
{
	return b->vrf_tftp && b->vrf_scp ? "(tftp|scp)" : b->vrf_scp ? "scp" : "tftp";
}

static void pre_source_if(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Record the transfer source interface");
	plan_why(b, "The plan sends its transfers from %s, the interface in %s (--vrf); the "
		 "clean-up puts back what this prints.", b->vrf_if, b->p->opts.vrf);
	if (b->vrf_tftp && d->tftp_source_if.s)
		plan_why(b, "The captured configuration has `ip tftp source-interface %s` "
			 "(%s line %u).", d->tftp_source_if.s, d->tftp_source_if.span.file
			 ? d->tftp_source_if.span.file : "?", d->tftp_source_if.span.line);
	if (b->vrf_scp && d->scp_source_if.s)
		plan_why(b, "The captured configuration has `ip scp source-interface %s` "
			 "(%s line %u).", d->scp_source_if.s, d->scp_source_if.span.file
			 ? d->scp_source_if.span.file : "?", d->scp_source_if.span.line);
	plan_cmd(b, "show running-config | include ip %s source-interface", vrf_protos(b));
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_CONFIG,
		  ip_arena_printf(b->a, "Send the transfers from %s", b->vrf_if));
	plan_why(b, "This platform's copy takes no vrf keyword here: the source interface puts "
		 "the transfers in %s. Not saved on purpose: the save phase saves it with the "
		 "boot statements, and the clean-up puts it back.", b->p->opts.vrf);
	if (b->vrf_tftp)
		plan_cmd(b, "ip tftp source-interface %s", b->vrf_if);
	if (b->vrf_scp)
		plan_cmd(b, "ip scp source-interface %s", b->vrf_if);
}

static void pre_server(plan_bld *b)
{
	const ip_plan *p = b->p;
	bool scp = p->opts.transfer == IP_TRANSFER_SCP;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Reach the transfer server");
	plan_why(b, "A lossy path fails a long transfer: fix it before starting (for a large image "
		 "also `ping %s size 1500 repeat 20`).", p->server);
	if (p->opts.vrf) {
		/* the same VRF as every transfer: a reply through the global
		 * table proves nothing about the path the copies take */
		plan_why(b, "Through %s (--vrf), the VRF every transfer below uses.", p->opts.vrf);
		const ip_text *kept = &p->dev->tftp_source_if;
		if (b->vrf_if && !b->vrf_tftp && !b->vrf_scp && kept->s)
			plan_why(b, "The captured configuration already sends TFTP from %s (`ip "
				 "tftp source-interface %s`, %s line %u): the plan keeps it.",
				 b->vrf_if, kept->s, kept->span.file ? kept->span.file : "?",
				 kept->span.line);
		plan_cmd(b, "ping vrf %s %s", p->opts.vrf, p->server);
	} else {
		plan_cmd(b, "ping %s", p->server);
	}
	/* Five echoes; the first is often lost while the device (or a router
	 * on the way) resolves the next hop with ARP: "!!!!" after one "." is
	 * "Success rate is 80 percent (4/5)", a healthy path. Cisco doc 12778
	 * "Understanding the Ping and Traceroute Commands", section "Address
	 * Resolution Protocol (ARP) Issue" (mirror:
	 * https://docshare.tips/12778-ping-traceroute_587a47c9b6d87fd37a8b4f29.html);
	 * the line verbatim from a C8000V on 17.08.01a (third-party):
	 * https://chrisjhart.com/Illustrating-Why-The-First-ICMP-Ping-Is-Lost
	 * 60 percent or less is a loss to fix first. */
	plan_why(b, "At least 4 of the 5 echoes must come back: the first one is often lost "
		 "while the next hop is resolved (ARP), so 80 percent is a healthy path; a second "
		 "ping then shows 100.");
	plan_expect_any(b, IP_EXPECT_PING_100, "Success rate is 100 percent");
	plan_expect_any(b, IP_EXPECT_PING_80, "Success rate is 80 percent");
	if (b->vrf_tftp || b->vrf_scp)
		pre_source_if(b);
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Back up the running-config to the server");
	plan_why(b, "Before any change: the configuration as it is now, to restore by hand if "
		 "anything goes wrong.");
	b->p->way_back.config_backup = ip_arena_printf(b->a, "%s://%s/%s-pre-upgrade.cfg",
						       scp ? "scp" : "tftp", p->server, p->hostname);
	b->p->way_back.config_step = b->p->n_steps;
	plan_copy_cmd(b, "copy", "running-config", b->p->way_back.config_backup);
	plan_prompt(b, ip_arena_printf(b->a, "Address or name of remote host [%s]?", p->server), "",
		    true, NULL);
	if (scp)
		scp_login_prompts(b, "Destination");
	plan_prompt(b, ip_arena_printf(b->a, "Destination filename [%s-pre-upgrade.cfg]?",
				       p->hostname), "", true, NULL);
	if (scp)
		plan_prompt(b, "Password:", "the SCP account's password", false, "scp_password");
	plan_expect(b, IP_EXPECT_BYTES_COPIED, "bytes copied");
}

/* --allow-delete-running (issue 20, point 4): the server must hold the
 * running image before it is deleted, for the network fallback and for a
 * rollback. Uploaded with the transfer chosen (SCP as well), then checked:
 * the device's own hash of the running image, compared with the server
 * copy's, is a STOP gate before anything is deleted. IOS prints
 * "verify /md5 (flash:file_name) = 410db2a7..." for a verify without a
 * hash (netmiko scp_handler.py, process_md5's docstring; DOMAIN.md's
 * netmiko snapshot). No capture gives the running image's hash, so the
 * operator compares the two by eye: the expect line is the prefix. */
static void image_backup(plan_bld *b)
{
	const ip_plan *p = b->p;
	bool scp = p->opts.transfer == IP_TRANSFER_SCP;
	const char *name = strrchr(b->running_name, '/') ? strrchr(b->running_name, '/') + 1
							   : b->running_name;
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC, "Back up the running image to the server");
	plan_why(b, "The running image is deleted to make room (--allow-delete-running): the "
		 "server must hold it for the network fallback and for a rollback.");
	if (scp)
		plan_why(b, "Uploaded with SCP, the transfer chosen; the network fallback boots it "
			 "over TFTP, so %s must also serve it from its TFTP root.", p->server);
	plan_copy_cmd(b, "copy", p->running,
		      ip_arena_printf(b->a, "%s://%s/%s", scp ? "scp" : "tftp", p->server, name));
	plan_prompt(b, ip_arena_printf(b->a, "Address or name of remote host [%s]?", p->server), "",
		    true, NULL);
	if (scp)
		scp_login_prompts(b, "Destination");
	plan_prompt(b, ip_arena_printf(b->a, "Destination filename [%s]?", name), "", true, NULL);
	if (scp)
		plan_prompt(b, "Password:", "the SCP account's password", false, "scp_password");
	plan_expect(b, IP_EXPECT_BYTES_COPIED, "bytes copied");
	plan_effect(b, IP_EFFECT_SERVER_BACKUP)->path = name;

	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  "Check the server's copy of the running image");
	plan_why(b, "STOP HERE unless the md5 the device prints for %s is exactly the one `md5sum "
		 "%s` prints on %s: the server copy is the only one left once the running image is "
		 "deleted, and a copy cut short would leave nothing to boot. If they differ, copy "
		 "it to the server again and compare again.", p->running, name, p->server);
	plan_cmd(b, "verify /md5 %s", p->running);
	plan_expect(b, IP_EXPECT_VERIFY_PRINT, "verify /md5 (%s) =", p->running);
	/* the server's digest is the operator's to give: a playbook asks for
	 * it and fails the gate unless the device printed the same */
	b->cur->expect_var = "running_md5";
	b->cur->expect_var_prompt = ip_arena_printf(b->a, "md5sum of %s on %s (the server copy "
						    "of the running image)", name, p->server);
	b->cur->gate = true;
	plan_effect(b, IP_EFFECT_SERVER_VERIFY)->path = name;
}

static void pre_register(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	const ip_register *r = &d->confreg;
	if (is_switch(b) || plat(b)->confreg_ignored || !r->known)
		return;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Check the configuration register");
	plan_cmd(b, "show version | include register");
	plan_expect(b, IP_EXPECT_CONFREG, "Configuration register is 0x%X", r->v);
	if (b->fix_register)
		plan_why(b, "0x%X does not boot normally from the boot statements: the plan sets "
			 "0x%X with them.", d->confreg_next.known ? d->confreg_next.v : r->v,
			 b->register_value);
	else
		plan_why(b, "It must be the normal value (0x%X here, not 0x2142 left over from a "
			 "password recovery).", r->v);
}

/* What the clean-up puts back (issue 20, point 15): no capture shows
 * whether the device already sets a TFTP block size. */
static void pre_blocksize(plan_bld *b)
{
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC, "Record the TFTP block size");
	plan_why(b, "The plan raises it for the copy; the clean-up puts back what this prints "
		 "(nothing: the default, 512-byte blocks).");
	plan_cmd(b, "show running-config | include ip tftp blocksize");
}

static void precheck(plan_bld *b)
{
	pre_version(b);
	pre_listing(b);
	pre_fallback(b);
	pre_fallback_elsewhere(b);
	pre_switch(b);
	pre_server(b);
	if (b->tftp_blocksize)
		pre_blocksize(b);
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
		  "reloads before the new one is verified, it can boot the old one from the server, "
		  "but only if its ROM monitor reaches it: ROMMON network boot uses its own IP "
		  "settings (IP_ADDRESS, IP_SUBNET_MASK, DEFAULT_GATEWAY, TFTP_SERVER) and usually "
		  "only the first LAN or management port. No capture shows those, so this fallback "
		  "is a condition, not a proof: have console access ready.");
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
	plan_copy_cmd(b, "copy", server_url(b, scp ? "scp" : "tftp"), p->filesystem);
	copy_prompts(b, t->name, scp);
	if (scp)
		plan_why(b, "SCP: encrypted and authenticated; IOS logs in to %s: it asks for the "
			 "account (Source username, yours by default) and its password.", p->server);
	else
		plan_why(b, "From the TFTP root of %s: each ! is a block written, a . a timeout; "
			 "mostly dots means a bad path: abort with Ctrl+C, delete the partial file, "
			 "fix the path.", p->server);
	plan_expect(b, IP_EXPECT_BYTES_COPIED_N, "%llu bytes copied", (ull)t->size.v);
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
		plan_copy_cmd(b, "copy", p->image, p->member_fs[i]);
		copy_prompts(b, t->name, false);
		plan_expect(b, IP_EXPECT_BYTES_COPIED_N, "%llu bytes copied", (ull)t->size.v);
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_COPY);
		e->filesystem = p->member_fs[i];
		e->path = t->name;
		e->size = t->size.v;
	}
}

/* Issue 20, point 11: the running image copied to each member that lacks
 * it (plan_build.c, member_copy_fallback), so that member's `boot system
 * switch all flash:OLD` entry still finds an image if the target fails.
 * - The copy names the member's flash as the active does: "flash-3:, as
 *   viewed from the active switch, refers to the same file system as does
 *   flash: on stack member 3" (Catalyst 2960-X consolidated guide 15.2(2)E,
 *   "Working with the Cisco IOS File System",
 *   https://www.cisco.com/c/en/us/td/docs/switches/lan/catalyst2960x/software/15-2_2_e/consolidated_guide/configuration_guide/b_1522e_consolidated_2960x_cg/m_1522e_wkg_cisco_ios_sys_config_file_soft_image_3750x_3560x_2960.html);
 *   flashN: on classic stacks as the model names them (fs_model.h).
 * - No published hash of the old image is in the captures: `verify /md5`
 *   of the active's copy (the one that runs) prints it, as
 *   `verify /md5 (flash:FILE) = HASH`, and `verify /md5` of the member's
 *   copy prints the member's the same way (DOMAIN.md §5: netmiko
 *   scp_handler.py process_md5; a 2960-X ansible run): the two must be
 *   equal (same_hash_as), which the playbook checks itself, with no hash
 *   for the operator to paste into a command.
 * Until that verify passes the copy is no fallback (the proof's R5). */
static void copy_fallbacks(plan_bld *b)
{
	if (!b->n_fb_members)
		return;
	const char *src = ip_arena_printf(b->a, "%s%s", b->dest->name, b->running_name);
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Note the MD5 of the running image %s", src));
	plan_why(b, "%s has no copy of the running image, so the fallback the boot list keeps "
		 "would find nothing there: the plan copies it from %s. No published hash of "
		 "the old image is in the captures; the MD5 of the copy that runs is the "
		 "reference the member's copy must match.",
		 b->n_fb_members == 1 ? b->fb_members[0] : "Some members' flash", src);
	plan_cmd(b, "verify /md5 %s", src);
	plan_expect(b, IP_EXPECT_VERIFY_PRINT_SP, "verify /md5 (%s) = ", src);
	size_t reference = b->p->n_steps; /* that step, counted from 1 */
	for (size_t i = 0; i < b->n_fb_members; i++) {
		const char *fs = b->fb_members[i];
		const char *dst = ip_arena_printf(b->a, "%s%s", fs, b->running_name);
		plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
			  ip_arena_printf(b->a, "Copy the running image to %s", fs));
		plan_why(b, "That member boots from its own flash: without this copy a target that "
			 "fails to load there leaves it nothing to fall back to. Over the stack "
			 "cable, from %s (%llu bytes; %s has room for it beside the new image and "
			 "the margin).", src, (ull)b->running_size, fs);
		plan_copy_cmd(b, "copy", src, fs);
		copy_prompts(b, b->running_name, false);
		plan_expect(b, IP_EXPECT_BYTES_COPIED_N, "%llu bytes copied", (ull)b->running_size);
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_COPY);
		e->filesystem = fs;
		e->path = b->running_name;
		e->size = b->running_size;
		plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
			  ip_arena_printf(b->a, "Verify the fallback copy %s", dst));
		plan_why(b, "STOP HERE unless the hash printed is the one the running image's "
			 "printed: a fallback that does not match the running image is no "
			 "fallback (`delete /force %s` and copy again).", dst);
		plan_cmd(b, "verify /md5 %s", dst);
		plan_expect(b, IP_EXPECT_VERIFY_PRINT_SP, "verify /md5 (%s) = ", dst);
		b->cur->same_hash_as = reference;
		b->cur->gate = true;
		b->cur->abort = ip_arena_printf(b->a, "delete /force %s", dst);
		e = plan_effect(b, IP_EFFECT_VERIFY);
		e->filesystem = fs;
		e->path = b->running_name;
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
	plan_copy_cmd(b, "copy", server_url(b, scp ? "scp" : "tftp"), p->filesystem);
	copy_prompts(b, t->name, scp);
	plan_expect(b, IP_EXPECT_BYTES_COPIED_N, "%llu bytes copied", (ull)t->size.v);
	e = plan_effect(b, IP_EFFECT_COPY);
	e->filesystem = p->filesystem;
	e->path = t->name;
	e->size = t->size.v;
verify:
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Verify the %s of %s", p->hash_algo, file));
	plan_why(b, "STOP HERE unless the output says Verified: delete the tar and copy it again.");
	plan_cmd(b, "verify /%s %s %s", p->hash_algo, file, p->hash);
	plan_expect(b, IP_EXPECT_VERIFIED, "Verified (%s) = %s", file, p->hash);
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
		plan_copy_cmd(b, "archive download-sw /leave-old-sw",
			      ip_arena_printf(b->a, "%s%s", p->filesystem, t->name), NULL);
	else
		plan_copy_cmd(b, "archive download-sw /leave-old-sw", server_url(b, "tftp"), NULL);
	plan_expect(b, IP_EXPECT_ARCHIVE_DONE, "All software images installed");
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

/* TFTP for an image the tftp-transfer finding calls large: 8192-byte
 * blocks for the copy (the largest `ip tftp blocksize` takes: genielibs
 * configure_ip_tftp_blocksize, "512 to 8192"; DOMAIN.md section 7). A
 * server without the blocksize option (RFC 2348) answers in 512-byte
 * blocks, and then the 33,553,920-byte limit applies unless both roll the
 * block number over. Not saved on purpose: the save phase saves it with
 * the boot statements, and the clean-up removes it. */
static void raise_blocksize(plan_bld *b)
{
	const ip_target *t = b->p->target;
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_CONFIG, "Raise the TFTP block size");
	plan_why(b, "TFTP numbers its blocks with 16 bits: with the default 512-byte blocks a "
		 "transfer carries 33553920 bytes, with 8192-byte blocks 536862720, unless the "
		 "device and the server roll the block number over (many IOS 15 releases and "
		 "servers do, not all). The server must accept the blocksize option (RFC 2348); "
		 "one that does not answers in 512-byte blocks.");
	if (t->size.v > 65535ull * 8192ull)
		plan_why(b, "%s is %llu bytes, more than even that: the copy completes only with "
			 "rollover; if it stops short, copy it with SCP.", t->name, (ull)t->size.v);
	plan_cmd(b, "ip tftp blocksize 8192");
}

/* Whether e is a file entry naming the target (by its name: the copy
 * lands under it on whichever filesystem the entry names). */
static bool names_target(const plan_bld *b, const ip_boot_entry *e)
{
	const char *t = strrchr(b->p->target_file, '/');
	const char *p = e->path ? strrchr(e->path, '/') : NULL;
	return e->kind == IP_BOOT_FILE && e->path &&
	       ip_fs_file_eq(e->filesystem, p ? p + 1 : e->path, t ? t + 1 : b->p->target_file);
}

static bool list_names_target(const plan_bld *b, const ip_boot_list *l)
{
	for (size_t i = 0; l->known && i < l->n; i++)
		if (names_target(b, &l->v[i]))
			return true;
	return false;
}

/* Whether a list some reload reads names the target: the startup-config
 * (routers), the BOOT variable (switches: the active's and each member's).
 * Both are asked on every platform: which one a given reload reads is
 * the simulator's business, and either naming a file that is being
 * copied is the trap. */
static bool reload_names_target(const plan_bld *b)
{
	const ip_device *d = b->p->dev;
	if (list_names_target(b, &d->boot_startup) || list_names_target(b, &d->bootvar))
		return true;
	if (!d->boot_startup.known && list_names_target(b, &d->boot_running))
		return true; /* no startup-config captured: the running one stands for it */
	for (size_t i = 0; i < d->n_members; i++)
		if (list_names_target(b, &d->members[i].bootvar))
			return true;
	return false;
}

/* Issue 20, point 12: a boot entry that already names the target (staged
 * by an earlier, abandoned attempt) stays in the startup-config or the
 * BOOT variable while the target is deleted and copied: a reload in that
 * window (a power cut, a crash, someone else's `reload`) tries the partial
 * file first: entries are tried in order (DOMAIN.md §2.3, the Catalyst
 * BOOT-variable text), and whether a loader rejects a truncated file
 * cleanly and moves on, or hangs on it, no source we have says
 * (UNCONFIRMED: the plan does not bet on it). So the entry goes, and is
 * saved, before the first change to flash; the boot
 * phase names the target again once it is verified. A list left empty
 * would send a router to the first image on flash (which may be the
 * partial one) and a classic Catalyst to its recursive search
 * (DOMAIN.md §1.2, §2.3), so the running image stays named. Also when
 * only the running-config names it and the plan saves before the copy
 * (the network fallback of --allow-delete-running). */
static void stale_target_entries(plan_bld *b)
{
	bool run_names = false;
	for (size_t i = 0; b->run_known && i < b->n_run; i++)
		run_names |= names_target(b, &b->run[i]);
	bool saved = reload_names_target(b);
	if (!saved && !(run_names && b->delete_running))
		return;
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_CONFIG,
		  "Remove the boot entry that names the target before the copy");
	plan_why(b, "A boot entry already names %s, which is not yet on flash whole and "
		 "verified: a reload while it is being deleted or copied would try the partial "
		 "file first. The boot statements name it again once it is verified.",
		 b->p->target_file);
	ip_boot_entry *rest = ip_arena_alloc(b->a, (b->n_run + 1) * sizeof(*rest));
	size_t n_rest = 0;
	for (size_t i = 0; b->run_known && i < b->n_run; i++)
		if (!names_target(b, &b->run[i]))
			rest[n_rest++] = b->run[i];
	/* the fallback entry, else (install mode keeps none) the running
	 * image itself (flash:packages.conf): an empty list would also be
	 * saved into the BOOT variable of an IOS-XE switch as nothing (R11) */
	bool keep_running = !n_rest && ((b->has_fallback && b->fallback_entry.kind == IP_BOOT_FILE) ||
					(b->running_name && b->running_fs));
	if (keep_running)
		rest[n_rest++] = b->has_fallback && b->fallback_entry.kind == IP_BOOT_FILE
					 ? b->fallback_entry
					 : file_entry(b, b->running_fs, b->running_name);
	/* a switch: what its BOOT variable names besides the target is what
	 * it boots now; nothing at all, and the save would empty BOOT (R11)
	 * and leave the recursive search to find the partial copy */
	const ip_boot_list *bv = &b->p->dev->bootvar;
	bool from_bootvar = false;
	if (!n_rest && b->bootvar && bv->known) {
		rest = ip_arena_alloc(b->a, (bv->n + 1) * sizeof(*rest));
		for (size_t i = 0; i < bv->n; i++)
			if (!names_target(b, &bv->v[i]))
				rest[n_rest++] = bv->v[i];
		from_bootvar = n_rest > 0;
	}
	/* rest is typed anew unless it came from the running-config */
	bool written = keep_running || from_bootvar;
	if (!n_rest && b->bootvar) {
		b->refusal = ip_arena_printf(b->a, "a boot entry names %s, which must go before the "
					     "copy, and nothing else would be left in the boot list: "
					     "the save would empty the BOOT variable and a reload in "
					     "the window would search flash and may find the partial "
					     "copy; put a bootable image on flash (or capture the "
					     "listing that shows one) first", b->p->target_file);
		return;
	}
	if (!b->run_known || b->one_line) {
		/* one path-list statement (or a list not known whole): rewritten,
		 * each file in the form the plan types and expects back */
		for (size_t i = 0; i < n_rest; i++)
			if (rest[i].kind == IP_BOOT_FILE && rest[i].path)
				rest[i] = file_entry(b, rest[i].filesystem ? rest[i].filesystem
								      : b->p->filesystem, rest[i].path);
		boot_clear(b);
		boot_add(b, rest, n_rest);
	} else {
		/* one statement an entry: only the target's go */
		for (size_t i = 0; i < b->n_run; i++) {
			if (!names_target(b, &b->run[i]))
				continue;
			plan_cmd(b, "no boot system %s", b->run[i].raw);
			plan_effect(b, IP_EFFECT_BOOT_REMOVE)->entry = b->run[i];
		}
		b->n_run = 0;
		if (written)
			boot_add(b, rest, n_rest);
		else
			for (size_t i = 0; i < n_rest; i++)
				*IP_PUSH(b->a, b->run, b->n_run, b->cap_run) = rest[i];
	}
	save_step(b, IP_PHASE_TRANSFER, "The reload reads the saved list: the entry counts as "
		  "gone only once saved.");
	confirm_startup(b, IP_PHASE_TRANSFER, b->run, b->n_run);
	if (b->bootvar)
		confirm_bootvar(b, IP_PHASE_TRANSFER, path_list(b, b->run, b->n_run));
}

/* The clean-up command of flow f with its prompt and its end line:
 * `install remove inactive` (genielibs mock: "Do you want to remove the
 * above files? [y/n]", "SUCCESS: install_remove"); IOS-XE 3.x `software
 * clean` (a captured session: "Do you want to proceed with the deletion?
 * [yes/no]:", "Clean up completed"); 16.x `request platform software
 * package clean`, whose prompt public scripts answer at "[y/n]" and whose
 * last line no capture shows: no expect line, the list it prints is
 * checked by eye. typed: the prompt's answer is typed in the text
 * (always asked when there is something to remove). */
static void clean_command(plan_bld *b, ip_install_flow f, bool typed)
{
	plan_cmd(b, "%s", plan_clean_command(b, f));
	switch (f) {
	case IP_FLOW_SOFTWARE_INSTALL:
		plan_prompt(b, "Do you want to proceed with the deletion? [yes/no]:", "yes", typed,
			    NULL);
		plan_expect(b, IP_EXPECT_CLEAN_UP_DONE, "Clean up completed");
		break;
	case IP_FLOW_REQUEST_PLATFORM:
		plan_prompt(b, "[y/n]", "y", typed, NULL);
		break;
	case IP_FLOW_NONE:
	case IP_FLOW_INSTALL:
		/* an answer, never a typed line before the clean-up: with
		 * nothing to remove no prompt comes, and a pasted `y` would be
		 * a command */
		plan_prompt(b, "Do you want to remove the above files? [y/n]", "y", typed, NULL);
		plan_expect(b, IP_EXPECT_INSTALL_REMOVE_OK, "SUCCESS: install_remove");
		break;
	}
	plan_effect(b, IP_EFFECT_INSTALL_REMOVE_INACTIVE);
}

/* Install mode without room (issue 20, point 3): `install remove
 * inactive` deletes the images and packages nothing uses, on every
 * member, before the copy. Its prompt is answered, not typed as a line
 * of its own. */
/* What the removal frees, filesystem by filesystem, as the model counts
 * it (space.h ip_space_inactive): said, so the operator can compare it
 * with the list the command prints. */
static void say_inactive(plan_bld *b)
{
	const ip_plan *p = b->p;
	const char *s = "";
	const char *rel = NULL;
	for (size_t i = 0; i <= p->n_member_fs; i++) {
		const ip_filesystem *fs = i ? ip_fs_view_listing(&b->fsv, p->member_fs[i - 1]) : b->dest;
		ip_inactive in;
		ip_space_inactive(&in, fs, p->dev->xe_version.s, p->target_file);
		if (!fs || (!in.n_bin && !in.n_pkg))
			continue;
		if (in.n_pkg && !rel)
			rel = ip_arena_strdup(b->a, in.pkg_release);
		s = ip_arena_printf(b->a, "%s%s%s %llu bytes (%zu image%s, %zu package%s of "
				    "another release)", s, *s ? "; " : "", fs->name,
				    (ull)(in.bin_bytes + in.pkg_bytes), in.n_bin, in.n_bin == 1 ? "" : "s",
				    in.n_pkg, in.n_pkg == 1 ? "" : "s");
	}
	const ip_install_pkg *ip = ip_install_first_inactive(&p->dev->install);
	const char *run = p->dev->xe_version.s ? p->dev->xe_version.s : "one";
	if (*s)
		plan_why(b, "By the listings it frees at least: %s. %s; inactive packages of the "
			 "running release are not knowable from a listing and are not counted.", s,
			 rel ? ip_arena_printf(b->a, "Packages of another release than the running "
					       "%s (%s among them) are ones packages.conf does not "
					       "name", run, rel)
			     : ip_arena_printf(b->a, "No package of another release than the running "
					       "%s is listed", run));
	if (ip)
		plan_why(b, "The captured install state lists %s %s as inactive (I) at %s:%u.",
			 ip->type.s ? ip->type.s : "a package", ip->name.s ? ip->name.s : "",
			 ip->span.file ? ip->span.file : "?", ip->span.line);
}

static void remove_inactive_step(plan_bld *b)
{
	plan_step(b, IP_PHASE_TRANSFER, IP_MODE_EXEC,
		  "Make room: remove the inactive packages and unused images");
	if (b->remove_for_packages)
		plan_why(b, "After the backup, before the copy: packages of another release are "
			 "left on flash (the Catalyst 9000 release notes' install-mode upgrade starts "
			 "with this clean-up); %s frees the .bin and package files nothing boots, on "
			 "every member. "
			 "Check the list it prints: it must not name packages.conf or the running "
			 "packages.", plan_clean_command(b, flow_now(b)));
	else
		plan_why(b, "After the backup, before the copy: %s copies the image to every "
			 "member and expands it there (%llu bytes needed on %s); %s "
			 "frees the .bin and package files nothing boots, on every member. "
			 "Check the list it prints: it must not name packages.conf or the running "
			 "packages.", flow_now(b) == IP_FLOW_INSTALL ? "install add" : "the install",
			 (ull)b->need_dest, b->p->filesystem, plan_clean_command(b, flow_now(b)));
	say_inactive(b);
	clean_command(b, flow_now(b), false);
}

static void transfer(plan_bld *b)
{
	if (b->tftp_blocksize)
		raise_blocksize(b);
	stale_target_entries(b);
	if (b->delete_running) {
		image_backup(b);
		network_fallback(b);
	}
	deletes(b); /* install mode: only a partial copy of the target */
	if (b->remove_inactive)
		remove_inactive_step(b);
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
	copy_fallbacks(b);
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
	plan_expect(b, IP_EXPECT_VERIFIED, "Verified (%s) = %s", file, p->hash);
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
	plan_expect(b, IP_EXPECT_DIR_SIZE, "%llu", (ull)p->target->size.v);
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
		plan_expect(b, IP_EXPECT_DIR_NAME, "%s", strrchr(p->target_file, '/') + 1);
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
		plan_why(b, "config-register 0x%X: only the boot field changes (and the bits that "
			 "ignore the startup-config), so that the boot statements decide and the "
			 "startup-config is read; the console speed and the other bits stay as "
			 "they are, since the console is what this reload may need.",
			 b->register_value);
	}
	if (b->fix_manual_boot) {
		plan_cmd(b, "no boot manual");
		plan_effect(b, IP_EFFECT_NO_BOOT_MANUAL);
		plan_why(b, "no boot manual: with Manual Boot on, the switch stops at the switch: "
			 "prompt instead of booting.");
	}
}

/* show version's register line once `config-register v` is set: the "will
 * be" part only when v differs from the value the device runs with, as in
 * "Configuration register is 0x2101 (will be 0x2102 at next reload)"
 * (DOMAIN.md §1.4, genieparser ShowVersion golden_output_c4507). */
static void expect_register_next(plan_bld *b, uint32_t v)
{
	const ip_register *r = &b->p->dev->confreg;
	if (r->known && r->v == v)
		plan_expect(b, IP_EXPECT_CONFREG, "Configuration register is 0x%X", v);
	else if (r->known)
		plan_expect(b, IP_EXPECT_CONFREG_NEXT,
			    "Configuration register is 0x%X (will be 0x%X at next reload)",
			    r->v, v);
	else
		plan_expect(b, IP_EXPECT_CONFREG_WILL_BE, "(will be 0x%X at next reload)", v);
}

/* The register the device runs with after the plan's reload: the plan's
 * repair, else the "will be" value the capture shows (0x0 (will be 0x2102
 * at next reload) comes back as 0x2102), else the current one. */
static uint32_t register_after_reload(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	if (b->fix_register)
		return b->register_value;
	return d->confreg_next.known ? d->confreg_next.v : d->confreg.v;
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
		expect_register_next(b, b->register_value);
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

/* What points packages.conf at the new packages, in the running
 * release's command set. */
static const char *activator(const plan_bld *b)
{
	return flow_now(b) == IP_FLOW_SOFTWARE_INSTALL	  ? "software install"
	       : flow_now(b) == IP_FLOW_REQUEST_PLATFORM ? "request platform software package install"
							 : "install activate";
}

static size_t install_list(plan_bld *b, ip_boot_entry *v);

/* Bundle to install mode (Cisco 224890): the BOOT variable on
 * packages.conf before the install, the running .bin kept after it as the
 * fallback until the clean-up. */
static void boot_convert(plan_bld *b)
{
	plan_step(b, IP_PHASE_BOOT, IP_MODE_CONFIG,
		  "Boot statements: packages.conf, then the running image");
	plan_why(b, "Converting to install mode (Cisco 224890): the BOOT variable points at "
		 "%spackages.conf before install add writes it; the running .bin stays second, so "
		 "a reload before the install, or new packages that fail, boot it.",
		 b->p->filesystem);
	ip_boot_entry v[2];
	size_t n = install_list(b, v);
	boot_clear(b);
	boot_add(b, v, n);
	boot_extras(b);
}

static void boot_install(plan_bld *b)
{
	if (b->p->converting) {
		boot_convert(b);
		return;
	}
	if (list_is_conf(b) && !b->fix_manual_boot && !b->fix_register) {
		plan_step(b, IP_PHASE_BOOT, IP_MODE_EXEC, "Check the boot statement: packages.conf");
		plan_why(b, "In install mode the device boots %spackages.conf, which %s "
			 "points at the new packages; the boot statement already says so.",
			 b->p->filesystem, activator(b));
		plan_cmd(b, "show running-config | include boot system");
		expect_boot_lines(b, &b->target_entry, 1);
		return;
	}
	plan_step(b, IP_PHASE_BOOT, IP_MODE_CONFIG, "Boot statement: packages.conf");
	plan_why(b, "In install mode the device boots %spackages.conf, which %s "
		 "points at the new packages.", b->p->filesystem, activator(b));
	if (!list_is_conf(b)) {
		boot_clear(b);
		boot_add(b, &b->target_entry, 1);
	}
	boot_extras(b);
}

/* --- 5. save, 6. reload ---------------------------------------------------- */

/* The install-mode boot list the plan leaves: packages.conf, and while a
 * conversion from bundle mode runs (issue 21 pt 4) the running .bin after
 * it, which boots if packages.conf is not there yet or fails. */
static size_t install_list(plan_bld *b, ip_boot_entry *v)
{
	v[0] = b->target_entry;
	if (!b->p->converting || !b->has_fallback)
		return 1;
	v[1] = b->fallback_entry;
	return 2;
}

static void save_phase(plan_bld *b)
{
	ip_boot_entry v[2];
	size_t n = install(b) ? install_list(b, v) : final_list(b, v);
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

/* IOS-XE 3.x Catalyst 3650/3850 (install_flow.c has the evidence): the
 * command expands the bundle on every member, writes packages.conf and
 * asks to reload; a real session prints "[1]: Finished installing
 * software.  New software will load on reboot." before the question. */
static void reload_software_install(plan_bld *b)
{
	const ip_plan *p = b->p;
	plan_step(b, IP_PHASE_RELOAD, IP_MODE_EXEC, "Install the new packages (reloads)");
	plan_why(b, "The running IOS-XE 3.x release has no install add: software install "
		 "expands the .bin into packages%s, points packages.conf at them and asks to "
		 "reload (answer yes); new force installs a new release over the old one.",
		 b->stack ? " on every member" : "");
	plan_why(b, "The commands come from %s.", p->install.source);
	/* "If not used [auto-rollback], the software is automatically committed
	 * after installation"; with it and no minutes the device prints
	 * "Setting rollback timer to 45 minutes" (Cisco IOS Configuration
	 * Fundamentals Command Reference, `software install file`; research21
	 * 1a): the plan does not ask for the timer, and says so */
	plan_why(b, "Without auto-rollback the install is committed at once and no rollback "
		 "timer runs (software install file ... auto-rollback starts one, 45 minutes by "
		 "default, which software commit stops); the way back is software rollback.");
	plan_cmd(b, "software install file %s new force", p->image);
	plan_prompt(b, "Do you want to proceed with reload? [yes/no]:", "yes", true, NULL);
	plan_prompt(b, "System configuration has been modified. Save? [yes/no]:", "no", false, NULL);
	plan_expect(b, IP_EXPECT_NEW_SOFTWARE_ON_REBOOT, "New software will load on reboot");
}

/* IOS-XE 16.x before `install` (Cat3650/3850; Cat9k 16.5.1a and 16.6.1):
 * the command provisions the packages on every member (auto-copy gives
 * a member without the .bin its copy) and the reload that follows loads
 * them; "SUCCESS: Software provisioned.  New software will load on
 * reboot." is the documented end (Cisco ASR1000 software configuration
 * guide, request platform software package install, as quoted in the
 * code corpus; CiscoTestAutomation csm plugins match the same line). */
static void reload_request_platform(plan_bld *b)
{
	const ip_plan *p = b->p;
	plan_step(b, IP_PHASE_RELOAD, IP_MODE_EXEC, "Provision the new packages");
	plan_why(b, "The running release predates install add: request platform software "
		 "package install expands the .bin into packages%s and points packages.conf at "
		 "them for the next reload%s. STOP unless it ends with the line below.",
		 b->stack ? " on every member, copying the .bin to members without it," : "",
		 cat9k(b) ? "" : "; new installs a new release over the old one");
	if (p->install.source && p->install.since)
		plan_why(b, "install add exists on %s from %s on (%s); %s is older.",
			 plat(b)->series ? plat(b)->series : "this series", p->install.since,
			 p->install.source, p->install.running);
	plan_cmd(b, "request platform software package install switch all file %s%s auto-copy",
		 p->image, cat9k(b) ? "" : " new");
	plan_expect(b, IP_EXPECT_NEW_SOFTWARE_ON_REBOOT, "New software will load on reboot");
	b->cur->gate = true;
	unsigned n = p->opts.reload_in;
	plan_step(b, IP_PHASE_RELOAD, IP_MODE_EXEC, "Reload into the new packages");
	if (n) {
		plan_cmd(b, "reload in %u", n);
		plan_expect(b, IP_EXPECT_RELOAD_SCHEDULED, "Reload scheduled");
		b->cur->abort = "reload cancel";
	} else {
		plan_cmd(b, "reload");
	}
	plan_why(b, "Answer no to Save? (the configuration was saved on purpose) and confirm.");
	plan_prompt(b, "System configuration has been modified. Save? [yes/no]:", "no", false, NULL);
	plan_prompt(b, "Proceed with reload? [confirm]", "", true, NULL);
}

/* The ISSU rollback timer (issue 21 pt 2). Cisco ASR 1000 16.7 "Install
 * and ISSU" (https://cisco.com/c/en/us/td/docs/routers/asr1000/
 * configuration/guide/chassis/xe-16-7/asr1000-software-config-guide-16-7/
 * install-issu-asr.html): "If the roll back timer is not stopped by using
 * the install stop-timer command, the device rolls back to an older
 * software version on expiry of the rollback timer. The default value of
 * the rollback timer is 120 minutes." Elsewhere the default differs (the
 * C9800 17.14 ISSU guide: "within 6 hours") or no Cisco document found
 * states it (Cat9k): said as UNCONFIRMED, never as a setting. */
static void issu_timer_why(plan_bld *b)
{
	const char *series = plat(b)->series;
	bool asr1k = series && !strncmp(series, "ASR1", 4);
	plan_why(b, "An ISSU rollback timer runs from the activation to the commit: %s. If it "
		 "expires first (or install abort issu is typed), the device rolls back to the "
		 "old software; install stop-timer stops it. The one-step form commits at its "
		 "end, which stops the timer: show install summary then prints the idle line.",
		 asr1k ? "120 minutes by default on the ASR 1000 (Cisco ASR 1000 16.7 Install "
			 "and ISSU guide)"
		       : "its default on this platform is UNCONFIRMED (120 minutes on the ASR "
			 "1000, six hours on the Catalyst 9800, per Cisco's guides): an "
			 "assumption, so commit well within the shorter one");
}

/* The two-step form (issue 21 pt 3), after the Cisco VG400 software
 * configuration guide's three-step install ("install add file ...";
 * "install activate [auto-abort-timer <time>]", whose timer "starts
 * automatically ... the default for the timer is 120 minutes", and on
 * expiry the platform "boots up with the last committed version";
 * "install abort" only while activated, not committed; then "install
 * commit"), its captured output ("SUCCESS: install_add /bootflash/...",
 * "install_activate: START", "This operation may require a reload of the
 * system. Do you want to proceed? [y/n]", "SUCCESS: install_commit") and
 * the timer's range <30-1200> (Cisco C8000V upgrade guide). The commit
 * is a post-check step (post_commit). */
static void reload_two_step(plan_bld *b)
{
	const ip_plan *p = b->p;
	unsigned n = p->opts.abort_timer;
	plan_step(b, IP_PHASE_RELOAD, IP_MODE_EXEC, "Add the new packages (no reload)");
	plan_why(b, "install add expands the .bin into packages%s and checks them; nothing is "
		 "active yet, and show install summary lists them as I (inactive). STOP unless "
		 "it ends with the line below.", b->stack ? " on every member" : "");
	plan_cmd(b, "install add file %s", p->image);
	plan_expect(b, IP_EXPECT_INSTALL_ADD_ONLY_OK, "SUCCESS: install_add");
	b->cur->gate = true;
	ip_plan_effect *e = plan_effect(b, IP_EFFECT_INSTALL_ADD);
	e->filesystem = p->filesystem;
	e->path = p->target->name;
	e->size = p->target->size.v;
	plan_step(b, IP_PHASE_RELOAD, IP_MODE_EXEC,
		  "Activate with the auto-abort timer (reloads)");
	plan_why(b, "install activate points packages.conf at the new packages and reloads. "
		 "The auto-abort timer starts with it: unless install commit runs within %u "
		 "minutes, or if the device reloads again before it, it goes back to the "
		 "committed packages by itself. Until the commit, install abort goes back at once "
		 "(it reloads).", n);
	plan_cmd(b, "install activate auto-abort-timer %u", n);
	plan_prompt(b, "This operation may require a reload of the system. Do you want to "
		    "proceed? [y/n]", "y", true, NULL);
	plan_expect(b, IP_EXPECT_INSTALL_ACTIVATE_START, "install_activate: START");
	b->cur->abort = "install abort";
	e = plan_effect(b, IP_EFFECT_INSTALL_ACTIVATE);
	e->filesystem = p->filesystem;
	e->path = p->target->name;
	e->size = p->target->size.v;
}

static void reload_phase(plan_bld *b)
{
	const ip_plan *p = b->p;
	if (!install(b)) {
		reload_step(b, IP_PHASE_RELOAD, "Reload into the new image");
		return;
	}
	switch (flow_now(b)) {
	case IP_FLOW_SOFTWARE_INSTALL:
		reload_software_install(b);
		break;
	case IP_FLOW_REQUEST_PLATFORM:
		reload_request_platform(b);
		break;
	case IP_FLOW_NONE:
	case IP_FLOW_INSTALL:
		if (two_step(b)) {
			reload_two_step(b);
			return;
		}
		plan_step(b, IP_PHASE_RELOAD, IP_MODE_EXEC, "Install, activate and commit (reloads)");
		plan_why(b, "install add expands the .bin into packages%s, activate points "
			 "packages.conf at them and reloads, commit keeps them%s",
			 b->stack ? " on every member" : "",
			 b->issu ? "." : "; prompt-level none answers the questions. Once activation "
				       "starts it cannot be cancelled.");
		if (b->issu) {
			/* plan_issu.c: the guide's one-step ISSU. It ends as the
			 * plain one-shot does (genielibs' Cat9400
			 * execute_install_one_shot mock: "install_add_activate_commit:
			 * Adding ISSU" ... "SUCCESS: install_add_activate_commit");
			 * until the commit, `install abort issu` rolls back ("A
			 * device can be rolled back to the initial stage by using
			 * the install abort issu command", Cisco ASR 1000 16.7
			 * guide, install-issu-asr). */
			plan_why(b, "With issu the standby is upgraded first and takes over, then "
				 "the old active: traffic keeps flowing (Cisco ISSU guide). Until the "
				 "commit ends it, install abort issu rolls the upgrade back.");
			issu_timer_why(b);
			plan_cmd(b, "install add file %s activate issu commit", p->image);
			plan_expect(b, IP_EXPECT_INSTALL_ADD_OK, "SUCCESS: install_add_activate_commit");
			/* the commit at the end of the one-step form stopped the
			 * rollback timer: the idle line, not the running one */
			plan_cmd(b, "show install summary");
			plan_expect(b, IP_EXPECT_INSTALL_IDLE, "Auto abort timer: inactive");
			b->cur->abort = "install abort issu";
			break;
		}
		plan_cmd(b, "install add file %s activate commit prompt-level none", p->image);
		plan_expect(b, IP_EXPECT_INSTALL_ADD_OK, "SUCCESS: install_add_activate_commit");
		break;
	}
	/* each flow expands the packages on every member, points
	 * packages.conf at them and reloads: one effect, one proof */
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
	const char *raw = t->image.version.raw;
	if (t->image.is_xe && !strncmp(raw, "03.", 3)) {
		/* XE 3.x prints its release in one of three forms (DOMAIN.md
		 * 3.1): "Cisco IOS XE Software, Version 03.16.10.S", "IOS XE
		 * Version: 03.09.01.S" (ASR1k), and on Catalyst switches only
		 * "..., Version 03.06.05E RELEASE" with no dot before the train.
		 * The release alone is a substring of the form each prints. */
		size_t n = strlen(raw);
		if (n > 2 && raw[n - 2] == '.' && raw[n - 1] == 'E')
			return ip_arena_printf(b->a, "Version %.*sE", (int)(n - 2), raw);
		return ip_arena_strdup(b->a, raw);
	}
	if (t->image.is_xe)
		return ip_arena_printf(b->a, "Cisco IOS XE Software, Version %s", raw);
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
		plan_expect(b, !strncmp(v, "Cisco IOS XE", 12) ? IP_EXPECT_RELEASE_XE
			    : !strncmp(v, "Version ", 8) ? IP_EXPECT_RELEASE : IP_EXPECT_RELEASE_XE3,
			    "%s", v);
	plan_cmd(b, "show version | include System image");
	/* The path as the device will print it is the boot loader's choice,
	 * not the plan's: switches booted from the same BOOT list print
	 * "flash:/c2960x-...bin" on some and "flash:c2960x-...bin" on others
	 * (DOMAIN.md 3.2 quotes the genieparser form `flash:c2960x-...`;
	 * samples/dirty-2960x.log, a 2960-X on 15.2(7)E8, prints "flash:/"),
	 * so the line is expected from the file's name on: the name and the
	 * closing quote, a substring of either form. */
	const char *sl = strrchr(img, '/'), *co = strrchr(img, ':');
	const char *name = sl ? sl + 1 : co ? co + 1 : img;
	plan_why(b, "The image line is checked from the file's name on (the device prints "
		 "the filesystem as \"flash:\" or \"flash:/\" as its boot loader chooses).");
	plan_expect(b, IP_EXPECT_IMAGE_TAIL, "%s\"", name);
	/* typed into the target's release: only where it has `install` */
	if (install(b) && flow_after(b) == IP_FLOW_INSTALL) {
		plan_cmd(b, "show install summary");
		/* two-step: activated, not committed, the timer running
		 * (DOMAIN.md §8: "Auto abort timer: active on install_activate,
		 * time before rollback - 01:49:42") */
		if (two_step(b))
			plan_expect(b, IP_EXPECT_INSTALL_TIMER_ACTIVE,
				    "Auto abort timer: active on install_activate");
		else
			plan_expect(b, IP_EXPECT_INSTALL_IDLE, "Auto abort timer: inactive");
	}
}

static void post_boot(plan_bld *b)
{
	ip_boot_entry v[2];
	size_t n = install(b) ? install_list(b, v) : final_list(b, v);
	const ip_register *r = &b->p->dev->confreg;
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, "Confirm the boot statements survived");
	plan_why(b, "They must be the saved ones.");
	plan_cmd(b, "show running-config | include boot system");
	expect_boot_lines(b, v, n);
	if (b->bootvar) {
		plan_cmd(b, "show boot");
		plan_expect(b, IP_EXPECT_BOOT_LIST, "%s", path_list(b, v, n));
	} else if (r->known && !plat(b)->confreg_ignored) {
		plan_cmd(b, "show version | include register");
		plan_expect(b, IP_EXPECT_CONFREG, "Configuration register is 0x%X",
			    register_after_reload(b));
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
	plan_expect(b, IP_EXPECT_SWITCH_READY, "Ready");
	if (v) {
		plan_cmd(b, "show version | begin Switch Ports");
		plan_expect(b, IP_EXPECT_SWITCH_VERSION, "%s", v);
	}
}

/* Two-step: the commit, once the post-checks passed, within the timer. */
static void post_commit(plan_bld *b)
{
	plan_step(b, IP_PHASE_POSTCHECK, IP_MODE_EXEC, "Commit the new packages");
	plan_why(b, "Only once every post-check above passed, and within %u minutes of the "
		 "activation: install commit keeps the new packages and stops the auto-abort "
		 "timer. If a post-check failed, type install abort instead: it reloads into the "
		 "committed (old) packages.", b->p->opts.abort_timer);
	plan_cmd(b, "install commit");
	plan_cmd(b, "show install summary");
	plan_expect(b, IP_EXPECT_INSTALL_COMMIT_OK, "SUCCESS: install_commit");
	plan_expect(b, IP_EXPECT_INSTALL_IDLE, "Auto abort timer: inactive");
	b->cur->abort = "install abort";
	plan_effect(b, IP_EFFECT_INSTALL_COMMIT);
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
	/* typed into the target's release: its command set (issue 21) */
	plan_why(b, "After the new release has run under real load for a day or two: %s "
		 "deletes the packages and .bin files nothing uses, the copied .bin included.",
		 plan_clean_command(b, flow_after(b)));
	clean_command(b, flow_after(b), true);
}

/* Whether a gated pre-check showed the running image on member flash fs,
 * or the plan copied it there (copy_fallbacks). */
static bool member_checked(const plan_bld *b, const char *fs)
{
	for (size_t i = 0; i < b->n_member_checks; i++)
		if (ip_fs_prefix_eq(b->member_checks[i], fs))
			return true;
	for (size_t i = 0; i < b->n_fb_members; i++)
		if (ip_fs_prefix_eq(b->fb_members[i], fs))
			return true;
	return false;
}

/* Issue 20, point 13: the directory an image lives in when it is the one
 * archive download-sw made for it: named as the image without ".bin"
 * ("c2960x-…-mz.152-7.E8/c2960x-…-mz.152-7.E8.bin", with html/ and info
 * beside it: DOMAIN.md §2.3, "normally contained in a directory that has
 * the same name as the image file"). After a .bin upgrade that directory
 * holds nothing the device uses, and deleting only the .bin would leave
 * several MB behind; `delete /force /recursive` removes it whole, as the
 * tar method does (the command: Cisco, "Working with the Cisco IOS File
 * System", Deleting Files, `delete [/force] [/recursive] filesystem:/url`,
 * https://www.cisco.com/en/US/docs/switches/metro/me3600x_3800x/trash/swiosfs.html
 * and the Catalyst 2960-X consolidated guide's chapter of that name). Any
 * other directory (one a person made, holding other files) keeps its
 * contents: NULL. */
static const char *image_dir(plan_bld *b, const char *path)
{
	const char *dir = dir_of(b, path);
	const char *name = strrchr(path, '/');
	if (!dir || strchr(dir, '/'))
		return NULL;
	size_t n = strlen(dir);
	name++;
	if (strlen(name) != n + 4 || strncasecmp(name, dir, n) != 0 ||
	    strcasecmp(name + n, ".bin") != 0)
		return NULL;
	/* never a directory the target or a boot entry the plan leaves lives in */
	if (dir_of(b, b->p->target_file) && !strcasecmp(dir_of(b, b->p->target_file), dir))
		return NULL;
	return dir;
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
		const char *dir = tar(b) ? dir_of(b, b->running_name) : image_dir(b, b->running_name);
		if (dir && !tar(b) && !i)
			plan_why(b, "It lives in %s/, the directory archive download-sw made for it "
				 "(with html/ and info): the whole directory goes, not only the .bin.",
				 dir);
		if (dir)
			plan_cmd(b, "delete /force /recursive %s%s", fs, dir);
		else
			plan_cmd(b, "delete /force %s%s", fs, b->running_name);
		ip_plan_effect *e = plan_effect(b, IP_EFFECT_DELETE);
		e->filesystem = fs;
		e->path = b->running_name;
	}
}

/* Back to what the pre-check recorded. */
static void cleanup_blocksize(plan_bld *b)
{
	plan_step(b, IP_PHASE_CLEANUP, IP_MODE_CONFIG, "Put the TFTP block size back");
	plan_why(b, "Only if the pre-check `show running-config | include ip tftp blocksize` "
		 "printed nothing: the default comes back. If it printed a line, type that line "
		 "instead.");
	plan_cmd(b, "no ip tftp blocksize");
	if (install(b) || !b->has_fallback)
		save_step(b, IP_PHASE_CLEANUP, "The default block size counts once saved.");
}

/* Back to what the pre-check recorded: the captured line when the
 * configuration shows one, else none. */
static void cleanup_source_if(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	plan_step(b, IP_PHASE_CLEANUP, IP_MODE_CONFIG, "Put the transfer source interface back");
	plan_why(b, "As the pre-check `show running-config | include ip %s source-interface` "
		 "printed it: if it printed other lines, type those instead.", vrf_protos(b));
	if (b->vrf_tftp && d->tftp_source_if.s)
		plan_cmd(b, "ip tftp source-interface %s", d->tftp_source_if.s);
	else if (b->vrf_tftp)
		plan_cmd(b, "no ip tftp source-interface");
	if (b->vrf_scp && d->scp_source_if.s)
		plan_cmd(b, "ip scp source-interface %s", d->scp_source_if.s);
	else if (b->vrf_scp)
		plan_cmd(b, "no ip scp source-interface");
	if (install(b) || !b->has_fallback)
		save_step(b, IP_PHASE_CLEANUP, "The source interface counts once saved.");
}

static void cleanup(plan_bld *b)
{
	plan_rommon_cleanup(b); /* issue 22 */
	if (b->tftp_blocksize)
		cleanup_blocksize(b);
	if (b->vrf_tftp || b->vrf_scp)
		cleanup_source_if(b);
	if (install(b) && !b->p->converting) {
		cleanup_install(b);
		return;
	}
	if (install(b)) {
		/* a conversion: the fallback statement goes, then install
		 * remove inactive takes the old .bin with it */
		plan_step(b, IP_PHASE_CLEANUP, IP_MODE_CONFIG, "Remove the fallback boot statement");
		plan_why(b, "Deferred: only after the new release has run under real load for 24 to "
			 "48 hours. The fallback goes before the old image does.");
		plan_cmd(b, "no boot system %s", b->fallback_entry.raw);
		plan_effect(b, IP_EFFECT_BOOT_REMOVE)->entry = b->fallback_entry;
		save_step(b, IP_PHASE_CLEANUP, "The boot list without the fallback counts once saved.");
		confirm_startup(b, IP_PHASE_CLEANUP, &b->target_entry, 1);
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

/* An upgrade made without install add left no install rollback point
 * for the old release: the provisioning's own rollback brings the
 * previous packages.conf back (`request platform software package
 * install switch all rollback on-reboot auto-copy`:
 * CiscoTestAutomation/genielibs sdk apis iosxe
 * execute_request_platform_software_package_install_switch_rollback_auto_copy;
 * IOS-XE 3.x `software rollback`: Cisco community document 3138609).
 * What either prints is in no capture found: no expect line, and the
 * post-reload show version decides. */
static void rollback_provisioning(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	bool sw3 = flow_after(b) == IP_FLOW_SOFTWARE_INSTALL;
	plan_step(b, IP_PHASE_ROLLBACK, IP_MODE_EXEC, "Roll the packages back (reloads)");
	const char *old = d->xe_version.s ? d->xe_version.s : d->version.s ? d->version.s
								       : "the old release";
	if (sw3) {
		/* "When the software rollback command is used, packages.conf.00-
		 * becomes packages.conf"; it ends "[2]: Finished rolling back
		 * software changes. New software will load on reboot." and asks
		 * "Do you want to proceed with reload? [yes/no]:" (Cisco IOS
		 * Configuration Fundamentals Command Reference, `software
		 * rollback`; research21 1a, 4) */
		plan_why(b, "Valid until the clean-up removes the old packages. The upgrade used "
			 "%s: software rollback puts the previous packages.conf (packages.conf.00-) "
			 "back and asks to reload (answer yes); after the reload, show version "
			 "must print %s.", ip_plan_install_form(b->p), old);
		plan_cmd(b, "software rollback");
		plan_prompt(b, "Do you want to proceed with reload? [yes/no]:", "yes", true, NULL);
		plan_prompt(b, "System configuration has been modified. Save? [yes/no]:", "no",
			    false, NULL);
		plan_expect(b, IP_EXPECT_SOFTWARE_ROLLBACK_OK, "Finished rolling back software changes");
		plan_effect(b, IP_EFFECT_INSTALL_ROLLBACK);
		return;
	}
	plan_why(b, "Valid until the clean-up removes the old packages. The upgrade used %s, "
		 "which keeps no install rollback point: the provisioning rollback puts the "
		 "previous packages.conf back for the next reload. No capture shows its output: "
		 "after the reload, show version must print %s.", ip_plan_install_form(b->p), old);
	plan_cmd(b, "request platform software package install switch all rollback on-reboot "
		    "auto-copy");
	plan_cmd(b, "reload");
	plan_prompt(b, "System configuration has been modified. Save? [yes/no]:", "no", false, NULL);
	plan_prompt(b, "Proceed with reload? [confirm]", "", true, NULL);
	plan_effect(b, IP_EFFECT_INSTALL_ROLLBACK);
}

static void rollback_install(plan_bld *b)
{
	const ip_device *d = b->p->dev;
	if (flow_now(b) != IP_FLOW_INSTALL) {
		rollback_provisioning(b);
		return;
	}
	plan_step(b, IP_PHASE_ROLLBACK, IP_MODE_EXEC, "Roll the packages back (reloads)");
	if (two_step(b))
		plan_why(b, "After the commit only: before it, install abort goes back (the "
			 "activation's and the commit's abort line).");
	const char *old = d->xe_version.s ? d->xe_version.s : d->version.s ? d->version.s
								       : "the old release";
	plan_why(b, "Valid until the clean-up removes the old packages. show install rollback "
		 "lists the rollback points: use the ID of the one with %s in place of ID.", old);
	plan_cmd(b, "show install rollback");
	plan_cmd(b, "install rollback to id ID prompt-level none");
	/* The ID is the operator's to read off the device (a row of show
	 * install rollback: "5       No Label       No Description",
	 * genieparser ShowInstallRollback golden output; syntax `install
	 * rollback to {base | label | committed | id}`, Cisco VG450 software
	 * configuration guide, research21 4): a playbook asks for it and
	 * sends digits only, the text plan says what to type for ID. */
	b->cur->cmd_var = "rollback_id";
	b->cur->cmd_var_word = "ID";
	b->cur->cmd_var_prompt = ip_arena_printf(b->a, "ID of the rollback point show install "
						 "rollback lists for %s (digits only)", old);
	plan_expect(b, IP_EXPECT_INSTALL_ROLLBACK_OK, "SUCCESS: install_rollback");
	plan_effect(b, IP_EFFECT_INSTALL_ROLLBACK);
}

static void rollback(plan_bld *b)
{
	/* a conversion keeps the old .bin as the fallback: the rollback boots
	 * it (bundle mode again), as a bundle plan's does */
	if (install(b) && !b->p->converting) {
		rollback_install(b);
		return;
	}
	if (!b->has_fallback)
		return;
	plan_step(b, IP_PHASE_ROLLBACK, IP_MODE_CONFIG, "Boot the old image again");
	plan_why(b, "Only if the new release misbehaves, and only until the clean-up: removes "
		 "the new image's boot statement, so the old one is first.");
	if (b->p->network_fallback)
		plan_why(b, "The old image is on the server only: the reload boots it over the "
			 "network if the ROM monitor reaches the server (its own IP settings, the "
			 "first LAN or management port), a condition no capture shows; have console "
			 "access ready.");
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
	} else if (p->fallback && (b->fallback_name || b->running_name)) {
		/* a remediation's fallback is on the destination; the running
		 * image's is where it runs (usbflash0:, harddisk: ...) */
		b->fallback_entry = b->fallback_name
					    ? file_entry(b, p->filesystem, b->fallback_name)
					    : file_entry(b, b->running_fs, b->running_name);
		b->has_fallback = true;
	}
}

/* The device already runs the target but would boot something else next
 * (issue 20 point 9): check what runs, verify the file the boot statements
 * will name (the image in memory may differ from the file on flash), write
 * the boot statements, save. No transfer and no reload: the device runs
 * the right image already; the next reload, whenever it comes, boots it. */
/* Remediation: the files the boot statements will name, as captured. */
static void pre_files(plan_bld *b)
{
	const ip_plan *p = b->p;
	plan_step(b, IP_PHASE_PRECHECK, IP_MODE_EXEC,
		  ip_arena_printf(b->a, "Check the images on %s", p->filesystem));
	plan_why(b, "The boot statements will name the target (the image running now)%s: "
		 "both must still be there.", b->fallback_name ? " and the fallback" : "");
	plan_cmd(b, "show %s", p->filesystem);
	for (size_t i = 0; i < p->n_member_fs; i++)
		plan_cmd(b, "dir %s", p->member_fs[i]);
	if (b->running_name)
		plan_expect_quote(b, listed_at(b->dest, b->running_name), "%s", b->running_name);
	if (b->fallback_name)
		plan_expect_quote(b, listed_at(b->dest, b->fallback_name), "%s",
				  b->fallback_name);
}

static void remediation_write(plan_bld *b)
{
	pre_version(b);
	pre_files(b);
	pre_switch(b);
	pre_register(b);
	if (copies_to_members(b))
		verify_main(b, IP_PHASE_VERIFY); /* the active's copy; verify() the members' */
	verify(b);
	boot_bundle(b);
	save_phase(b);
}

void plan_steps_write(plan_bld *b)
{
	entries_init(b);
	if (b->p->remediation) {
		remediation_write(b);
		return;
	}
	precheck(b);
	transfer(b);
	plan_rommon_copy(b);
	verify(b);
	plan_rommon_upgrade(b); /* before any reload: R15 */
	if (install(b))
		boot_install(b);
	else
		boot_bundle(b);
	save_phase(b);
	reload_phase(b);
	post_version(b);
	plan_rommon_check(b);
	post_boot(b);
	post_network(b);
	if (two_step(b))
		post_commit(b);
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
