/* The space need (space.h). */
#include "space.h"

#include <stdlib.h>
#include <string.h>

#include "fs_model.h"
#include "image_name.h"

uint64_t ip_space_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

uint64_t ip_space_percent(uint64_t v, unsigned pct)
{
	uint64_t whole;
	if (__builtin_mul_overflow(v / 100, (uint64_t)pct, &whole))
		return UINT64_MAX;
	return ip_space_add(whole, (v % 100) * pct / 100);
}

void ip_space_need_of(ip_space_need *out, const ip_space_opts *o, uint64_t size, bool copies,
		      bool expands)
{
	out->size = copies ? size : 0;
	out->expand = expands ? ip_space_percent(size, o->expand_percent) : 0;
	out->margin = ip_space_percent(size, o->margin_percent);
	if (out->margin < o->margin_bytes)
		out->margin = o->margin_bytes;
	uint64_t put = ip_space_add(out->size, out->expand);
	out->total = put ? ip_space_add(put, out->margin) : 0;
}

static const char *base(const char *p)
{
	const char *sl = p ? strrchr(p, '/') : NULL;
	return sl ? sl + 1 : p;
}

static bool list_names(const ip_boot_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == IP_BOOT_FILE &&
		    ip_fs_file_eq(l->v[i].filesystem, base(l->v[i].path), name))
			return true;
	return false;
}

/* Any boot list names it: being conservative, a file any source lists is a
 * fallback, whichever list the next boot reads. */
static bool in_boot_list(const ip_device *d, const char *name)
{
	return list_names(&d->boot_startup, name) || list_names(&d->boot_running, name) ||
	       list_names(&d->boot_config, name) || list_names(&d->bootvar, name) ||
	       list_names(&d->bootvar_current, name);
}

static int cand_cmp(const void *pa, const void *pb)
{
	const ip_del_cand *a = pa, *b = pb;
	if (a->cls != b->cls)
		return (int)a->cls - (int)b->cls;
	if (a->file->size.v != b->file->size.v)
		return a->file->size.v > b->file->size.v ? -1 : 1;
	return strcmp(a->file->name, b->file->name); /* an order, not a lookup */
}

size_t ip_space_candidates(const ip_device *d, const ip_filesystem *fs, const char *target,
			   ip_del_cand *out)
{
	size_t k = 0;
	const char *run = base(d->system_image.path);
	for (size_t i = 0; fs && i < fs->n_files; i++) {
		const ip_file *f = &fs->files[i];
		const char *name = base(f->name);
		if (f->is_dir || !f->size.known || !ip_image_name_bootable(f->name) ||
		    ip_fs_file_eq(fs->name, name, base(target)))
			continue;
		out[k].file = f;
		out[k].cls = ip_fs_file_eq(fs->name, name, run) ? IP_DEL_RUNNING
			     : in_boot_list(d, name)             ? IP_DEL_FALLBACK
								 : IP_DEL_FREE;
		k++;
	}
	qsort(out, k, sizeof(*out), cand_cmp);
	return k;
}

size_t ip_space_pick(const ip_del_cand *c, size_t k, uint64_t free_b, uint64_t need,
		     ip_del_class upto, uint64_t *have)
{
	size_t i = 0;
	for (; i < k && free_b < need && c[i].cls <= upto; i++)
		free_b = ip_space_add(free_b, c[i].file->size.v);
	*have = free_b;
	return i;
}
