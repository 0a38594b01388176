/* The file lookup and its letter-case policy (fs_model.h). */
#include "fs_model.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "stack.h"

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

/* Which filesystems a reload can load an image from, beyond the device's
 * own flash:
 * - usbflash0: on Catalyst 9000: the bootloader boots a bundle "directly
 *   from USB" (Cisco 216944, "Troubleshoot Rommon on Catalyst 9000 Series
 *   Switches", Option 2,
 *   https://www.cisco.com/c/en/us/support/docs/switches/catalyst-9300-series-switches/216944-troubleshoot-bootloader-rommon-and-pas.pdf);
 *   bundle boot "from flash:, usbflash0:, tftp:", never install mode
 *   (Cat9500 16.8 / Cat9400 17.4 System Management guides, DOMAIN.md §2.6).
 *   The planner keeps no fallback in install mode anyway.
 * - usbflash0: on ISR routers: "Booting the Cisco IOS from a USB port"
 *   (USB Disable for Cisco ISRs, OL-23833-01,
 *   https://www.cisco.com/c/en/us/td/docs/solutions/GGSG-Engineering/15_1_4M/USB_Disable.pdf),
 *   with `boot system usbflash0:...` (blog.ipspace.net/2007/02, ISR G1).
 *   That an ISR4k's ROMMON does the same is UNCONFIRMED by a Cisco page of
 *   its own; issue 20 reports an ISR4321 running from usbflash0:, which a
 *   capture with "System image file is "usbflash0:..."" shows directly.
 * - harddisk: on ASR1000: genieparser's ASR1006 show version capture runs
 *   "harddisk:test-image-PE1-13113029", and its BOOT variable lists
 *   "harddisk:/ISSUCleanGolden,12;bootflash:..." (DOMAIN.md §2.4, §3).
 *   disk0: is counted with it (Cat9500H/9600 SATA disk: UNCONFIRMED as a
 *   boot source, so only on routers).
 * Classic Catalysts (2960/3750) boot from their flash only: their
 * bootloader's USB boot is UNCONFIRMED, so it is not counted. */
bool ip_fs_bootable(const ip_platform *plat, const char *fsname)
{
	ip_fs_kind k = ip_fs_kind_of(fsname);
	if (k == IP_FSK_FLASH || k == IP_FSK_MEMBER_FLASH)
		return true;
	ip_family f = plat ? plat->family : IP_FAMILY_UNKNOWN;
	bool router = f == IP_FAMILY_ROUTER_CLASSIC || f == IP_FAMILY_ROUTER_XE;
	if (k == IP_FSK_USB)
		return router || f == IP_FAMILY_SWITCH_XE;
	if (k == IP_FSK_DISK)
		return f == IP_FAMILY_ROUTER_XE;
	return false;
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

/* Whether a listed name is path[0..n) (a directory may be listed with a
 * '/' after it). Compared before it is measured: a lookup walks every
 * file, and a plan deleting thousands of them looks up each (a strlen per
 * name was half of such a plan, tests/test_hostile.c). path holds no NUL
 * (lookup), so the compare stops at name's end. */
static bool listed_as(const char *name, const char *path, size_t n, bool fold)
{
	if ((fold ? strncasecmp(name, path, n) : strncmp(name, path, n)) != 0)
		return false;
	return name[n] == '\0' || (name[n] == '/' && name[n + 1] == '\0');
}

/* path[0..n) without its leading '/', or NULL when it holds a NUL (no
 * listed name does). */
static const char *rooted(const char *path, size_t *n)
{
	while (path && *n && *path == '/')
		path++, (*n)--;
	return path && !memchr(path, '\0', *n) ? path : NULL;
}

/* fold: compare without case whatever the policy (ip_fs_case_twin). */
static const ip_file *lookup(const ip_filesystem *fs, const char *path, size_t n, bool fold)
{
	if (!fs || !(path = rooted(path, &n)))
		return NULL;
	fold |= ip_fs_name_case(fs->name) == IP_NAME_CASE_FOLD; /* once, not per file */
	for (size_t i = 0; i < fs->n_files; i++)
		if (listed_as(fs->files[i].name, path, n, fold))
			return &fs->files[i];
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
	path = rooted(path, &n);
	for (size_t i = 0; fs && path && i < fs->n_files; i++)
		if (listed_as(fs->files[i].name, path, n, false))
			return &fs->files[i];
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

/* Whether the capture names a filesystem `name`: a listing, an alias in
 * show file systems, or a "bytes of flash at NAME." line of show version. */
static bool named_in_capture(const ip_device *d, const char *name)
{
	for (size_t i = 0; i < d->n_filesystems; i++)
		if (ip_fs_prefix_eq(d->filesystems[i].name, name) ||
		    ip_fs_word_in(d->filesystems[i].aliases, name))
			return true;
	for (size_t i = 0; i < d->n_flash_sizes; i++)
		if (ip_fs_prefix_eq(d->flash_sizes[i].filesystem, name))
			return true;
	return false;
}

/* Classic Catalyst stacks print a member's flash without the dash: the
 * 3750-X auto-copy log "Removing old image:flash1:c3750e-universal-mz.122-35.SE2"
 * (Catalyst 3750-X and 3560-X Software Configuration Guide OL-25303-03,
 * ch. 1, https://easymanua.ls/cisco/catalyst-3560-x/manual?p=147), and
 * public 3750 stack scripts matching "Directory of flash2:/" (find_string
 * in the code index); 2960-X stack upgrade roles check flash1: to flash4:
 * (NiroshanLW/ansible-cisco-ios-upgrade-v3, research memo [A6]). CONFLICT:
 * the Catalyst 2960/2960-S 15.2(2)E guide writes "flash-3:" (DOMAIN.md §4),
 * so a name the capture itself uses always wins; only without one does the
 * platform decide. IOS-XE stacks print flash-N: (show version "at flash-2:"). */
const char *ip_fs_member_name(ip_arena *a, const ip_device *d, const ip_platform *plat, int n)
{
	ip_member m = { .number = n };
	const char *named = ip_stack_member_fs_name(a, d, &m);
	if (!plat || plat->family != IP_FAMILY_SWITCH_CLASSIC || named_in_capture(d, named))
		return named;
	return ip_arena_printf(a, "flash%d:", n);
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
