/* The file lookup and its letter-case policy (fs_model.h). */
#include "fs_model.h"

#include <string.h>
#include <strings.h>

ip_fs_kind ip_fs_kind_of(const char *fsname)
{
	static const struct {
		const char *prefix;
		ip_fs_kind kind;
	} tab[] = {
		{ "bootflash:", IP_FSK_FLASH }, { "flash0:", IP_FSK_FLASH },
		{ "flash:", IP_FSK_FLASH },     { "flash-", IP_FSK_MEMBER_FLASH },
		{ "flash", IP_FSK_MEMBER_FLASH }, /* flashN: on classic stacks */
		{ "usb", IP_FSK_USB }, /* usbflash0:, usb0: */     { "harddisk", IP_FSK_DISK },
		{ "disk", IP_FSK_DISK },
	};
	for (size_t i = 0; fsname && i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strncasecmp(fsname, tab[i].prefix, strlen(tab[i].prefix)) == 0)
			return tab[i].kind;
	return IP_FSK_OTHER;
}

/* Set before any analysis, read-only during it (fs_model.h). */
static ip_name_case case_policy = IP_NAME_CASE_EXACT;

void ip_fs_case_policy_set(ip_name_case policy)
{
	case_policy = policy;
}

ip_name_case ip_fs_case_policy(void)
{
	return case_policy;
}

const char *ip_name_case_name(ip_name_case c)
{
	return c == IP_NAME_CASE_FOLD ? "fold" : "exact";
}

bool ip_name_case_parse(const char *s, ip_name_case *out)
{
	if (s && strcmp(s, "exact") == 0)
		*out = IP_NAME_CASE_EXACT;
	else if (s && strcmp(s, "fold") == 0)
		*out = IP_NAME_CASE_FOLD;
	else
		return false;
	return true;
}

ip_name_case ip_fs_name_case(const char *fsname)
{
	/* one policy for every kind (fs_model.h says why); fsname is the
	 * seam where a kind shown to differ would get its own. Not asking
	 * ip_fs_kind_of here keeps the lookup as cheap as a byte compare. */
	(void)fsname;
	return case_policy;
}

static bool name_eq(bool fold, const char *a, const char *b, size_t n)
{
	return fold ? strncasecmp(a, b, n) == 0 : memcmp(a, b, n) == 0;
}

bool ip_fs_name_eq(const char *fsname, const char *a, size_t na, const char *b, size_t nb)
{
	return na == nb && name_eq(ip_fs_name_case(fsname) == IP_NAME_CASE_FOLD, a, b, na);
}

bool ip_fs_file_eq(const char *fsname, const char *a, const char *b)
{
	return a && b && ip_fs_name_eq(fsname, a, strlen(a), b, strlen(b));
}

bool ip_fs_prefix_eq(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

bool ip_fs_word_in(const char *list, const char *name)
{
	size_t len = strlen(name);
	while (list && *list) {
		size_t n = strcspn(list, " ");
		if (n == len && len && strncasecmp(list, name, n) == 0)
			return true;
		list += n;
		list += strspn(list, " ");
	}
	return false;
}

/* A listed name's length without the '/' some listings print after a
 * directory. */
static size_t listed_len(const char *name)
{
	size_t nl = strlen(name);
	return nl && name[nl - 1] == '/' ? nl - 1 : nl;
}

/* fold: compare without case whatever the policy (ip_fs_case_twin). */
static const ip_file *lookup(const ip_filesystem *fs, const char *path, size_t n, bool fold)
{
	if (!fs || !path)
		return NULL;
	while (n && *path == '/')
		path++, n--;
	fold |= ip_fs_name_case(fs->name) == IP_NAME_CASE_FOLD; /* once, not per file */
	for (size_t i = 0; i < fs->n_files; i++) {
		const char *name = fs->files[i].name;
		if (listed_len(name) == n && name_eq(fold, name, path, n))
			return &fs->files[i];
	}
	return NULL;
}

const ip_file *ip_fs_lookup(const ip_filesystem *fs, const char *path, size_t n)
{
	return lookup(fs, path, n, false);
}

const ip_file *ip_fs_lookup_file(const ip_filesystem *fs, const char *name)
{
	const ip_file *f = name ? ip_fs_lookup(fs, name, strlen(name)) : NULL;
	return f && !f->is_dir ? f : NULL;
}

bool ip_fs_dir_listed(const ip_filesystem *fs, const char *path, size_t n)
{
	while (n && *path == '/')
		path++, n--;
	bool fold = fs && ip_fs_name_case(fs->name) == IP_NAME_CASE_FOLD;
	for (size_t i = 0; fs && i < fs->n_files; i++) {
		const char *name = fs->files[i].name;
		if (strnlen(name, n + 1) > n && name[n] == '/' && name_eq(fold, name, path, n))
			return true;
	}
	return false;
}

/* The entry named path[0..n) byte for byte, whatever the policy. */
static const ip_file *lookup_exact(const ip_filesystem *fs, const char *path, size_t n)
{
	while (path && n && *path == '/')
		path++, n--;
	for (size_t i = 0; fs && path && i < fs->n_files; i++) {
		const char *name = fs->files[i].name;
		if (listed_len(name) == n && memcmp(name, path, n) == 0)
			return &fs->files[i];
	}
	return NULL;
}

const ip_file *ip_fs_case_twin(const ip_filesystem *fs, const char *path, size_t n)
{
	if (lookup_exact(fs, path, n))
		return NULL;
	return lookup(fs, path, n, true);
}

const ip_file *ip_fs_case_twin_after(const ip_filesystem *fs, const char *path, size_t n,
				     const ip_file *found)
{
	while (path && n && *path == '/')
		path++, n--;
	/* a lookup match has path's length: equal bytes mean its own spelling */
	if (found && path && memcmp(found->name, path, n) == 0)
		return NULL;
	return ip_fs_case_twin(fs, path, n);
}

void ip_fs_view_init(ip_fs_view *v, const ip_device *dev, const ip_platform *plat,
		     const char *target_fs)
{
	v->dev = dev;
	v->plat_aliases = plat ? plat->fs_aliases : NULL;
	v->def = target_fs                    ? target_fs
		 : plat && plat->default_fs ? plat->default_fs
					    : dev->system_image.filesystem;
}

static bool fs_names_both(const ip_filesystem *fs, const char *a, const char *b)
{
	/* without aliases a filesystem has one name, and a and b differ:
	 * most do (every listing), so most are passed over at this test */
	if (!fs->aliases)
		return false;
	bool has_a = ip_fs_prefix_eq(fs->name, a) || ip_fs_word_in(fs->aliases, a);
	bool has_b = ip_fs_prefix_eq(fs->name, b) || ip_fs_word_in(fs->aliases, b);
	return has_a && has_b;
}

bool ip_fs_view_same(const ip_fs_view *v, const char *a, const char *b)
{
	if (!a)
		a = v->def;
	if (!b)
		b = v->def;
	if (!a || !b)
		return !a && !b;
	if (ip_fs_prefix_eq(a, b))
		return true;
	for (size_t i = 0; i < v->dev->n_filesystems; i++)
		if (fs_names_both(&v->dev->filesystems[i], a, b))
			return true;
	return ip_fs_word_in(v->plat_aliases, a) && ip_fs_word_in(v->plat_aliases, b);
}

const ip_filesystem *ip_fs_view_listing(const ip_fs_view *v, const char *name)
{
	const ip_filesystem *best = NULL;
	if (!name)
		return NULL;
	for (size_t i = 0; i < v->dev->n_filesystems; i++) {
		const ip_filesystem *fs = &v->dev->filesystems[i];
		if (!ip_fs_view_same(v, fs->name, name))
			continue;
		if (fs->listed && (!best || !best->listed || (fs->complete && !best->complete)))
			best = fs;
		else if (!best)
			best = fs;
	}
	return best;
}
