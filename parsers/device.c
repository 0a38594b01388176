/* placeholder: being written */
#include <stdlib.h>
#include <string.h>
#include "device.h"
#include "parsers.h"
ip_device_set *ip_device_set_new(void) { ip_device_set *s = calloc(1, sizeof(*s)); s->arena = ip_arena_new(); s->diags.arena = s->arena; return s; }
void ip_device_set_free(ip_device_set *s) { if (!s) return; ip_arena_free(s->arena); free(s); }
int ip_device_set_load(ip_device_set *s, const char *const *paths, size_t n) { (void)s; (void)paths; (void)n; return 0; }
int ip_device_set_add_captures(ip_device_set *s, ip_capture *const *caps, size_t n) { (void)s; (void)caps; (void)n; return 0; }
ip_filesystem *ip_device_filesystem(ip_device *dev, ip_arena *a, const char *name)
{
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (strcmp(dev->filesystems[i].name, name) == 0)
			return &dev->filesystems[i];
	ip_filesystem *fs = IP_PUSH(a, dev->filesystems, dev->n_filesystems, dev->cap_filesystems);
	fs->name = ip_arena_strdup(a, name);
	return fs;
}
const ip_filesystem *ip_device_filesystem_find(const ip_device *dev, const char *name)
{
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (strcmp(dev->filesystems[i].name, name) == 0)
			return &dev->filesystems[i];
	return NULL;
}
const ip_file *ip_filesystem_file_find(const ip_filesystem *fs, const char *path)
{
	for (size_t i = 0; i < fs->n_files; i++)
		if (strcmp(fs->files[i].name, path) == 0)
			return &fs->files[i];
	return NULL;
}
int ip_section_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx) { (void)dev; (void)sec; (void)ctx; return 0; }
const char *ip_os_name(ip_os os) { return os == IP_OS_IOS ? "ios" : os == IP_OS_IOSXE ? "iosxe" : NULL; }
