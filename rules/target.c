#include <ctype.h>
#include <string.h>

#include "parsers.h"
#include "target.h"

ip_target *ip_target_from_name(ip_arena *a, const char *raw, const char *source)
{
	ip_target *t = ip_arena_alloc(a, sizeof(*t));
	ip_path p;
	ip_path_split(&p, a, raw, strlen(raw));
	t->raw = p.raw;
	t->filesystem = p.filesystem;
	const char *slash = strrchr(p.path, '/');
	t->name = slash ? slash + 1 : p.path;
	t->parsed = ip_image_name_parse(&t->image, t->name, strlen(t->name));
	t->source = source;
	return t;
}

bool ip_target_hash_ok(const char *text, size_t hex_len)
{
	size_t i = 0;
	for (; text && text[i]; i++)
		if (!isxdigit((unsigned char)text[i]))
			return false;
	return text && i == hex_len;
}
