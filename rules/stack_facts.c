/* Stack helpers for the rules (stack_facts.h). A member's flash is found
 * through parsers/stack.h; a member's BOOT variable is its own "Switch N"
 * block of show boot, or the device's for the active member. */
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "stack.h"
#include "stack_facts.h"

bool stack_is(const ip_rule_ctx *ctx)
{
	return ctx->dev->n_members >= 2;
}

int stack_active_number(const ip_rule_ctx *ctx)
{
	const ip_member *a = ip_stack_active(ctx->dev);
	return a ? a->number : 0;
}

void stack_view_of(stack_view *v, const ip_rule_ctx *ctx, const ip_member *m)
{
	const ip_device *d = ctx->dev;
	v->m = m;
	v->fs = ip_stack_member_fs(d, m);
	if (v->fs && !v->fs->listed)
		v->fs = NULL;
	v->fs_name = m->active && v->fs ? v->fs->name
					: ip_fs_member_name(ctx->arena, d, ctx->platform, m->number);
	if (m->active && !v->fs)
		v->fs_name = "flash:";
	v->bootvar = ip_stack_member_bootvar(d, m);
	v->dir_cmd = ip_arena_printf(ctx->arena, "dir %s", v->fs_name);
}

bool stack_entry_reaches(const ip_rule_ctx *ctx, const ip_boot_entry *e, int n)
{
	if (e->member == -1 || e->member == n)
		return true;
	return e->member == 0 && n == stack_active_number(ctx);
}

bool stack_entry_local(const ip_boot_entry *e, const stack_view *v)
{
	if (e->kind != IP_BOOT_FILE)
		return false;
	const char *f = e->filesystem;
	return !f || ip_fs_prefix_eq(f, "flash:") || ip_fs_prefix_eq(f, "bootflash:") ||
	       ip_fs_prefix_eq(f, v->fs_name) || (v->fs && ip_fs_prefix_eq(f, v->fs->name));
}

static const ip_file *file_named(const ip_filesystem *fs, const char *path, bool dir)
{
	const ip_file *f = ip_fs_lookup(fs, path, strlen(path));
	return f && f->is_dir == dir ? f : NULL;
}

const char *stack_target_bin(const ip_rule_ctx *ctx)
{
	const ip_target *t = ctx->target;
	if (!t || !t->name)
		return NULL;
	size_t n = strlen(t->name);
	const char *tar = strstr(t->name, "-tar.");
	if (!t->parsed || t->image.kind != IP_IMAGE_TAR || !tar || n < 4 ||
	    strcasecmp(t->name + n - 4, ".tar") != 0)
		return t->name;
	/* "c3750e-universalk9-tar.152-4.E10.tar" -> "c3750e-universalk9-mz.152-4.E10.bin" */
	return ip_arena_printf(ctx->arena, "%.*s-mz.%.*s.bin", (int)(tar - t->name), t->name,
			       (int)(n - 4 - (size_t)(tar + 5 - t->name)), tar + 5);
}

stack_file stack_target_on(const ip_rule_ctx *ctx, const stack_view *v, const ip_file **file)
{
	*file = NULL;
	const char *bin = stack_target_bin(ctx);
	if (!v->fs || !bin)
		return STACK_FILE_UNKNOWN;
	if ((*file = file_named(v->fs, bin, false)) != NULL)
		return STACK_FILE_PRESENT;
	size_t n = strlen(bin);
	for (size_t i = 0; i < v->fs->n_files; i++) {
		const ip_file *f = &v->fs->files[i];
		const char *base = strrchr(f->name, '/');
		if (!f->is_dir && base && ip_fs_file_eq(v->fs->name, base + 1, bin)) {
			*file = f;
			return STACK_FILE_PRESENT;
		}
		/* the directory a tar installs, in a listing that did not open it */
		if (f->is_dir && !v->fs->recursive && n > 4 &&
		    ip_fs_name_eq(v->fs->name, f->name, strlen(f->name), bin, n - 4)) {
			*file = f;
			return STACK_FILE_PRESENT;
		}
	}
	return v->fs->complete ? STACK_FILE_MISSING : STACK_FILE_UNSURE;
}
