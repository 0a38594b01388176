#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "parsers.h"
#include "platform.h"
#include "platform_fit.h"
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

static const char *const fact_keys[IP_FACT_COUNT] = {
	[IP_FACT_MIN_ROMMON] = "min_rommon",       [IP_FACT_ROMMON_ONE_WAY] = "rommon_one_way",
	[IP_FACT_MIN_DRAM] = "min_dram",           [IP_FACT_MIN_FLASH] = "min_flash",
	[IP_FACT_UPGRADE_FROM] = "upgrade_from",   [IP_FACT_VIA] = "via",
	[IP_FACT_LICENSE_MODEL] = "license_model", [IP_FACT_ROMMON_IMAGE] = "rommon_image",
};

const char *ip_release_fact_key(ip_release_fact f)
{
	return (unsigned)f < IP_FACT_COUNT ? fact_keys[f] : "?";
}

const char *ip_release_fact_source(const ip_release_facts *r, ip_release_fact f)
{
	if (!r || (unsigned)f >= IP_FACT_COUNT || !r->source[f].text)
		return "unsourced";
	return r->source[f].text;
}

const ip_rommon_min *ip_release_min_rommon(const ip_release_facts *r, const ip_device *dev,
					   const struct ip_platform *p)
{
	const ip_rommon_min *best = NULL, *any = NULL;
	size_t best_fit = 0;
	for (size_t i = 0; r && i < r->n_min_rommon; i++) {
		const ip_rommon_min *m = &r->min_rommon[i];
		if (!m->platform) {
			any = m;
			continue;
		}
		size_t f = ip_platform_fit(m->platform, dev, p);
		if (f > best_fit) {
			best = m;
			best_fit = f;
		}
	}
	return best ? best : any;
}
