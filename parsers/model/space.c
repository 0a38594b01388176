/* The space need (space.h). */
#include "space.h"

#include <stdlib.h>
#include <string.h>

#include "fs_model.h"
#include "image_name.h"
#include "version.h"

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

/* The first dotted 16.x/17.x release in name: "17.06.05" in
 * "cat9k-rpbase.17.06.05.SPA.pkg", with its rebuild letter. */
static bool pkg_release(const char *name, char *rel)
{
	for (const char *p = name; *p; p++) {
		if (p[0] != '.' || p[1] != '1' || (p[2] != '6' && p[2] != '7') || p[3] != '.')
			continue;
		const char *q = p + 1;
		size_t dots = 0, k = 0;
		for (k = 0; q[k] && k < IP_PKG_RELEASE_SIZE - 1; k++) {
			if (q[k] == '.' && ++dots == 3)
				break;
			if (q[k] != '.' && !(q[k] >= '0' && q[k] <= '9') &&
			    !(q[k] >= 'a' && q[k] <= 'z'))
				break;
		}
		if (dots < 2)
			continue;
		memcpy(rel, q, k);
		rel[k] = 0;
		return true;
	}
	return false;
}

/* The running release parsed once: NULL when it is not a 16.x/17.x one. */
static const ip_version *running_xe(const char *running, ip_version *v)
{
	return running && ip_version_parse(v, running, strlen(running)) &&
			       v->scheme == IP_VER_XE && v->major >= 16
		       ? v : NULL;
}

static bool other_release(const char *name, const ip_version *run, char *rel)
{
	size_t n = name ? strlen(name) : 0;
	if (!run || n < 4 || strcmp(name + n - 4, ".pkg") || !pkg_release(name, rel))
		return false;
	ip_version a;
	if (!ip_version_parse(&a, rel, strlen(rel)) || a.scheme != IP_VER_XE)
		return false;
	return ip_version_cmp(&a, run) != 0;
}

bool ip_space_pkg_other_release(const char *name, const char *running, char *rel)
{
	ip_version v;
	return other_release(name, running_xe(running, &v), rel);
}

void ip_space_inactive(ip_inactive *out, const ip_filesystem *fs, const char *running,
		       const char *target)
{
	memset(out, 0, sizeof(*out));
	char rel[IP_PKG_RELEASE_SIZE];
	ip_version v;
	const ip_version *run = running_xe(running, &v); /* once, not a package at a time */
	for (size_t i = 0; fs && i < fs->n_files; i++) {
		const ip_file *f = &fs->files[i];
		if (f->is_dir || !f->size.known)
			continue;
		if (ip_image_name_bootable(f->name)) {
			if (target && ip_fs_file_eq(fs->name, base(f->name), base(target)))
				continue;
			out->n_bin++;
			out->bin_bytes = ip_space_add(out->bin_bytes, f->size.v);
		} else if (other_release(base(f->name), run, rel)) {
			out->n_pkg++;
			out->pkg_bytes = ip_space_add(out->pkg_bytes, f->size.v);
			if (!out->pkg_release[0])
				memcpy(out->pkg_release, rel, sizeof(rel));
		}
	}
}

const ip_install_pkg *ip_install_first_inactive(const ip_install_state *is)
{
	for (size_t i = 0; i < is->n_blocks; i++)
		for (size_t k = 0; k < is->blocks[i].n_pkgs; k++)
			if (is->blocks[i].pkgs[k].state == IP_PKG_INACTIVE)
				return &is->blocks[i].pkgs[k];
	return NULL;
}
