/* Loading and querying the image catalogue; the format is in
 * image_catalog.h and docs/target.md. libyaml counts lines and columns from 0;
 * every position leaving this file counts from 1. */
#include "image_catalog.h"

#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "cli_token.h"
#include "error.h"
#include "platform_fit.h"
#include "rommon.h"
#include "small_file.h"
#include "target.h"
#include "yaml_guard.h"

typedef struct cat_loader {
	yaml_document_t doc;
	const char *path;
	ip_arena *arena;
	ip_image_catalog *cat;
} cat_loader;

static int bad(const cat_loader *l, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(const cat_loader *l, const yaml_node_t *n, const char *fmt, ...)
{
	char *msg = NULL; /* at its real length: it quotes image names */
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		ip_out_of_memory();
	va_end(ap);
	int rc = ip_error_set(IP_E_CONFIG, "%s:%zu:%zu: error: %s", l->path,
			      n ? n->start_mark.line + 1 : 1, n ? n->start_mark.column + 1 : 1, msg);
	free(msg);
	return rc;
}

static ip_span node_span(const cat_loader *l, const yaml_node_t *n)
{
	return (ip_span){ l->path, (uint32_t)n->start_mark.line + 1,
			  (uint32_t)n->start_mark.column + 1, (uint32_t)n->end_mark.line + 1,
			  (uint32_t)n->end_mark.column + 1 };
}

/* A scalar's text, or NULL for a mapping or a sequence. */
static const char *text(const cat_loader *l, const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return ip_arena_strndup(l->arena, (const char *)n->data.scalar.value, n->data.scalar.length);
}

static int hash_field(cat_loader *l, yaml_node_t *v, const char *key, size_t want,
		      const char **out, ip_span *span)
{
	const char *s = text(l, v);
	if (!s || !*s)
		return bad(l, v, "'%s' is a hash of %zu hex digits", key, want);
	if (!ip_target_hash_ok(s, want))
		return bad(l, v, "%s '%.140s' is not %zu hex digits (%zu characters%s)", key, s, want,
			   strlen(s), strspn(s, "0123456789abcdefABCDEF") < strlen(s) ? ", not all hex" : "");
	char *low = ip_arena_strdup(l->arena, s);
	for (char *p = low; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	*out = low;
	*span = node_span(l, v);
	return 0;
}

static int size_field(cat_loader *l, yaml_node_t *v, ip_u64 *out)
{
	const char *s = text(l, v);
	uint64_t x = 0;
	if (!s || !*s)
		return bad(l, v, "%s", "'size' is the image size in bytes");
	for (const char *p = s; *p; p++) {
		unsigned d = (unsigned)((unsigned char)*p - '0');
		if (d > 9 || x > (UINT64_MAX - d) / 10)
			return bad(l, v, "size '%.40s' is not a whole number of bytes", s);
		x = x * 10 + d;
	}
	if (x == 0)
		return bad(l, v, "%s", "size 0: an image has bytes");
	*out = (ip_u64){ true, x, node_span(l, v) };
	return 0;
}

static int platforms_field(cat_loader *l, yaml_node_t *v, ip_catalog_image *img)
{
	if (v->type == YAML_SCALAR_NODE) { /* "platforms: isr4300" */
		ip_catalog_platform *p = IP_PUSH(l->arena, img->platforms, img->n_platforms,
						 img->cap_platforms);
		p->text = text(l, v);
		p->span = node_span(l, v);
		return *p->text ? 0 : bad(l, v, "%s", "an empty platform");
	}
	if (v->type != YAML_SEQUENCE_NODE)
		return bad(l, v, "%s", "'platforms' is a list of image-platform tokens or model prefixes");
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *n = yaml_document_get_node(&l->doc, *it);
		const char *s = text(l, n);
		if (!s || !*s || strchr(s, ' '))
			return bad(l, n, "%s", "a platform is one word: a token (isr4300) or a model prefix (ISR4331)");
		ip_catalog_platform *p = IP_PUSH(l->arena, img->platforms, img->n_platforms,
						 img->cap_platforms);
		p->text = s;
		p->span = node_span(l, n);
	}
	return 0;
}

#define FOR_PAIRS(l, node, k, v)                                                       \
	for (yaml_node_pair_t *p_ = (node)->data.mapping.pairs.start;                  \
	     p_ < (node)->data.mapping.pairs.top; p_++)                                \
		for (yaml_node_t *k = yaml_document_get_node(&(l)->doc, p_->key),      \
				 *v = yaml_document_get_node(&(l)->doc, p_->value), *o_ = k; \
		     o_; o_ = NULL)

/* --- release facts (issue 22) ------------------------------------------ */

static bool is_mapping(const yaml_node_t *n)
{
	return n && n->type == YAML_MAPPING_NODE;
}

static bool is_sequence(const yaml_node_t *n)
{
	return n && n->type == YAML_SEQUENCE_NODE;
}

/* A version iosplan can order (ip_rommon_cmp reads it), so a typo is an
 * error here and not a silent "not comparable" at every device. */
static int rommon_version(cat_loader *l, yaml_node_t *v, const char *key, ip_fact_text *out)
{
	const char *s = text(l, v);
	if (!s || !*s)
		return bad(l, v, "'%s' is a ROMMON version such as 16.9(1r) or 17.6.1r", key);
	if (ip_rommon_cmp(s, s) != IP_ROM_SAME)
		return bad(l, v, "%s '%.60s' is not a ROMMON version (forms: 16.9(1r), "
			   "15.4(3r)S5, 17.6.1r)", key, s);
	*out = (ip_fact_text){ s, node_span(l, v) };
	return 0;
}

/* "min_rommon: 16.9(1r)" or "min_rommon: {ISR4331: 16.9(1r), isr4400: 16.7(4r)}" */
static int min_rommon_field(cat_loader *l, yaml_node_t *v, ip_catalog_image *img)
{
	ip_release_facts *r = &img->facts;
	if (!is_mapping(v)) {
		ip_rommon_min *m = IP_PUSH(l->arena, r->min_rommon, r->n_min_rommon, r->cap_min_rommon);
		int rc = rommon_version(l, v, "min_rommon", &m->version);
		img->min_rommon = m->version.text;
		img->min_rommon_span = m->version.span;
		return rc;
	}
	if (v->data.mapping.pairs.start == v->data.mapping.pairs.top)
		return bad(l, v, "%s", "'min_rommon' maps platforms to versions: give at least one");
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&l->doc, p->key);
		const char *plat = text(l, k);
		if (!plat || !*plat || strchr(plat, ' '))
			return bad(l, k, "%s", "a 'min_rommon' platform is one word: a token (isr4300) or a model prefix (ISR4331)");
		ip_rommon_min *m = IP_PUSH(l->arena, r->min_rommon, r->n_min_rommon, r->cap_min_rommon);
		m->platform = plat;
		int rc = rommon_version(l, yaml_document_get_node(&l->doc, p->value), "min_rommon", &m->version);
		if (rc)
			return rc;
	}
	return 0;
}

static int one_way_field(cat_loader *l, yaml_node_t *v, ip_release_facts *r)
{
	if (!is_sequence(v) || v->data.sequence.items.start == v->data.sequence.items.top)
		return bad(l, v, "%s", "'rommon_one_way' is a list of ROMMON versions that cannot be downgraded");
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		ip_fact_text *t = IP_PUSH(l->arena, r->rommon_one_way, r->n_one_way, r->cap_one_way);
		int rc = rommon_version(l, yaml_document_get_node(&l->doc, *it), "rommon_one_way", t);
		if (rc)
			return rc;
	}
	return 0;
}

/* "8G", "8 GB", "4096M", "512MiB", "8388608K", "1073741824": bytes, with
 * K, M, G, T (optionally B or iB) as powers of 1024, as show version's
 * "8388608K bytes" counts. */
static int bytes_field(cat_loader *l, yaml_node_t *v, const char *key, ip_u64 *out)
{
	static const char units[] = "KMGT";
	const char *s = text(l, v), *p = s;
	uint64_t x = 0;
	while (p && *p >= '0' && *p <= '9' && x <= UINT64_MAX / 10)
		x = x * 10 + (uint64_t)(*p++ - '0');
	if (!s || p == s || x == 0)
		goto invalid;
	p += *p == ' ';
	const char *u = *p ? strchr(units, toupper((unsigned char)*p)) : NULL;
	if (*p && !u)
		goto invalid;
	if (u) {
		p++;
		if (strcasecmp(p, "iB") == 0 || strcasecmp(p, "B") == 0)
			p += strlen(p);
		for (const char *q = units; q <= u; q++) {
			if (x > UINT64_MAX / 1024)
				goto invalid;
			x *= 1024;
		}
	}
	if (*p)
		goto invalid;
	*out = (ip_u64){ true, x, node_span(l, v) };
	return 0;
invalid:
	return bad(l, v, "%s '%.40s' is not a size: a whole number with K, M, G or T (8G, 4096M) "
		   "or bytes", key, s ? s : "");
}

/* A release or a pattern of releases: "16.9.4", "17.3.*", "03.07.*E". */
static int release_text(cat_loader *l, yaml_node_t *v, const char *key, ip_fact_text *out)
{
	const char *s = text(l, v);
	if (!s || !*s || strspn(s, "0123456789.()*-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != strlen(s) ||
	    !(*s >= '0' && *s <= '9'))
		return bad(l, v, "%s '%.60s' is not a release (17.3.2, 16.9.*, 15.2(7)E*)", key, s ? s : "");
	*out = (ip_fact_text){ s, node_span(l, v) };
	return 0;
}

static int upgrade_from_field(cat_loader *l, yaml_node_t *v, ip_release_facts *r)
{
	if (!is_sequence(v)) {
		ip_fact_text *t = IP_PUSH(l->arena, r->upgrade_from, r->n_upgrade_from, r->cap_upgrade_from);
		return release_text(l, v, "upgrade_from", t);
	}
	if (v->data.sequence.items.start == v->data.sequence.items.top)
		return bad(l, v, "%s", "'upgrade_from' lists the releases the image is reached from directly");
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		ip_fact_text *t = IP_PUSH(l->arena, r->upgrade_from, r->n_upgrade_from, r->cap_upgrade_from);
		int rc = release_text(l, yaml_document_get_node(&l->doc, *it), "upgrade_from", t);
		if (rc)
			return rc;
	}
	return 0;
}

/* The value of `key` in mapping m (NULL when absent); any other key is an
 * error named against `what`. */
static int sub_keys(cat_loader *l, yaml_node_t *m, const char *what, const char *const *keys,
		    yaml_node_t **vals)
{
	FOR_PAIRS(l, m, k, v) {
		const char *key = text(l, k);
		size_t i = 0;
		while (key && keys[i] && strcmp(keys[i], key) != 0)
			i++;
		if (!key || !keys[i])
			return bad(l, k, "unknown key '%s' in '%s'", key ? key : "?", what);
		vals[i] = v;
	}
	return 0;
}

/* license_model: {model: Smart Licensing Using Policy, since: 17.3.2} */
static int license_field(cat_loader *l, yaml_node_t *v, ip_release_facts *r)
{
	static const char *const keys[] = { "model", "since", NULL };
	yaml_node_t *vals[2] = { 0 };
	if (!is_mapping(v))
		return bad(l, v, "%s", "'license_model' is a mapping: model (its name) and since (the release it starts at)");
	int rc = sub_keys(l, v, "license_model", keys, vals);
	if (rc)
		return rc;
	const char *m = text(l, vals[0]);
	if (!m || !*m)
		return bad(l, vals[0] ? vals[0] : v, "%s", "'license_model' needs 'model', the licensing model's name");
	r->license_model = (ip_fact_text){ m, node_span(l, vals[0]) };
	if (!vals[1])
		return bad(l, v, "%s", "'license_model' needs 'since', the release the model starts at");
	return release_text(l, vals[1], "since", &r->license_since);
}

/* rommon_image: {name: …pkg, size: 4194304, md5: …}: what the plan copies
 * and verifies before `upgrade rom-monitor`. */
static int rommon_image_field(cat_loader *l, yaml_node_t *v, ip_release_facts *r)
{
	static const char *const keys[] = { "name", "size", "md5", NULL };
	yaml_node_t *vals[3] = { 0 };
	char buf[IP_CLI_WHY_SIZE];
	if (!is_mapping(v))
		return bad(l, v, "%s", "'rommon_image' is a mapping: name, size, md5 of the ROMMON package");
	int rc = sub_keys(l, v, "rommon_image", keys, vals);
	if (rc)
		return rc;
	const char *n = text(l, vals[0]), *why;
	if (!n || !*n || strpbrk(n, "/:"))
		return bad(l, vals[0] ? vals[0] : v, "%s", "'rommon_image' needs 'name', the package's file name");
	if ((why = ip_cli_check(n, IP_CLI_TOKEN, buf, sizeof(buf))))
		return bad(l, vals[0], "the ROMMON package name cannot be typed at the device CLI: %s", why);
	r->rommon_image.name = (ip_fact_text){ n, node_span(l, vals[0]) };
	if (!vals[1] || !vals[2])
		return bad(l, v, "'rommon_image' %s needs 'size' and 'md5' (the plan checks the copy)", n);
	ip_span unused;
	rc = size_field(l, vals[1], &r->rommon_image.size);
	return rc ? rc : hash_field(l, vals[2], "md5", 32, &r->rommon_image.md5, &unused);
}

static bool fact_given(const ip_release_facts *r, ip_release_fact f)
{
	switch (f) {
	case IP_FACT_MIN_ROMMON: return r->n_min_rommon > 0;
	case IP_FACT_ROMMON_ONE_WAY: return r->n_one_way > 0;
	case IP_FACT_MIN_DRAM: return r->min_dram.known;
	case IP_FACT_MIN_FLASH: return r->min_flash.known;
	case IP_FACT_UPGRADE_FROM: return r->n_upgrade_from > 0;
	case IP_FACT_VIA: return r->via.text != NULL;
	case IP_FACT_LICENSE_MODEL: return r->license_model.text != NULL;
	case IP_FACT_ROMMON_IMAGE: return r->rommon_image.name.text != NULL;
	default: return false;
	}
}

/* source: {min_rommon: https://www.cisco.com/…, …}: checked after the
 * entry's other keys, so a source for a fact the entry lacks is named. */
static int source_field(cat_loader *l, yaml_node_t *v, ip_release_facts *r)
{
	if (!is_mapping(v))
		return bad(l, v, "%s", "'source' maps a fact (min_rommon, min_dram, …) to the URL of its document");
	FOR_PAIRS(l, v, k, u) {
		const char *key = text(l, k), *url = text(l, u);
		int f = 0;
		while (key && f < IP_FACT_COUNT && strcmp(ip_release_fact_key((ip_release_fact)f), key) != 0)
			f++;
		if (!key || f == IP_FACT_COUNT)
			return bad(l, k, "'source' names '%s', not a release fact (min_rommon, rommon_one_way, "
				   "min_dram, min_flash, upgrade_from, via, license_model, rommon_image)",
				   key ? key : "?");
		if (!fact_given(r, (ip_release_fact)f))
			return bad(l, k, "a source for '%s', which this entry does not give", key);
		if (!url || (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0) ||
		    strpbrk(url, " \t"))
			return bad(l, u, "the source of '%s' is a URL (https://…)", key);
		r->source[f] = (ip_fact_text){ url, node_span(l, u) };
	}
	return 0;
}

/* --- an entry ------------------------------------------------------------ */

enum entry_key_id {
	K_FAMILY, K_NAME, K_SIZE, K_MD5, K_SHA512, K_MIN_ROMMON, K_PLATFORMS, K_ONE_WAY,
	K_MIN_DRAM, K_MIN_FLASH, K_UPGRADE_FROM, K_VIA, K_LICENSE, K_ROMMON_IMAGE, K_SOURCE,
};

static const char *const entry_keys[] = { "family", "name", "size", "md5", "sha512",
					  "min_rommon", "platforms", "rommon_one_way",
					  "min_dram", "min_flash", "upgrade_from", "via",
					  "license_model", "rommon_image", "source", NULL };

static int release_key(cat_loader *l, ip_catalog_image *img, int key, yaml_node_t *v)
{
	ip_release_facts *r = &img->facts;
	switch (key) {
	case K_MIN_ROMMON: return min_rommon_field(l, v, img);
	case K_ONE_WAY: return one_way_field(l, v, r);
	case K_MIN_DRAM: return bytes_field(l, v, "min_dram", &r->min_dram);
	case K_MIN_FLASH: return bytes_field(l, v, "min_flash", &r->min_flash);
	case K_UPGRADE_FROM: return upgrade_from_field(l, v, r);
	case K_VIA: return release_text(l, v, "via", &r->via);
	case K_LICENSE: return license_field(l, v, r);
	case K_ROMMON_IMAGE: return rommon_image_field(l, v, r);
	default: return 0; /* K_SOURCE: after the other keys (entry()) */
	}
}

static int entry_key(cat_loader *l, ip_catalog_image *img, int key, yaml_node_t *v)
{
	const char *s, *why;
	char buf[IP_CLI_WHY_SIZE];
	switch (key) {
	case K_FAMILY:
		return (img->family = text(l, v)) ? 0 : bad(l, v, "%s", "'family' is a label");
	case K_NAME:
		s = text(l, v);
		if (s && *s && (why = ip_cli_check(s, IP_CLI_TOKEN, buf, sizeof(buf))))
			return bad(l, v, "'name' cannot be typed at the device CLI: %s", why);
		if (!s || !*s || strpbrk(s, "/:"))
			return bad(l, v, "%s", "'name' is the image's file name, without filesystem or directory");
		img->name = s;
		img->name_span = node_span(l, v);
		return 0;
	case K_SIZE: return size_field(l, v, &img->size);
	case K_MD5: return hash_field(l, v, "md5", 32, &img->md5, &img->md5_span);
	case K_SHA512: return hash_field(l, v, "sha512", 128, &img->sha512, &img->sha512_span);
	case K_PLATFORMS: return platforms_field(l, v, img);
	default: return release_key(l, img, key, v);
	}
}

static int entry(cat_loader *l, yaml_node_t *n)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad(l, n, "%s", "an image entry is a mapping (name, size, md5, sha512, min_rommon, platforms)");
	ip_catalog_image *img = IP_PUSH(l->arena, l->cat->v, l->cat->n, l->cat->cap);
	yaml_node_t *source = NULL;
	img->span = node_span(l, n);
	FOR_PAIRS(l, n, k, v) {
		const char *key = text(l, k);
		int i = 0;
		while (key && entry_keys[i] && strcmp(entry_keys[i], key) != 0)
			i++;
		if (!key || !entry_keys[i])
			return bad(l, k, "unknown key '%s' in an image entry (family, name, size, md5, "
				   "sha512, platforms, min_rommon, rommon_one_way, min_dram, min_flash, "
				   "upgrade_from, via, license_model, rommon_image, source)", key ? key : "?");
		/* a key given twice is refused by ip_yaml_load() for every file */
		int rc = entry_key(l, img, i, v);
		if (rc)
			return rc;
		if (i == K_SOURCE)
			source = v;
	}
	if (img->facts.via.text && !img->facts.n_upgrade_from)
		return bad(l, n, "image %s gives 'via' without 'upgrade_from': via is the way from a "
			   "release outside upgrade_from", img->name ? img->name : "?");
	if (source) {
		int rc = source_field(l, source, &img->facts);
		if (rc)
			return rc;
	}
	if (!img->name)
		return bad(l, n, "%s", "an image entry needs 'name'");
	if (!img->md5 && !img->sha512)
		return bad(l, n, "image %s has no hash: give 'md5' or 'sha512' from the download page", img->name);
	if (!img->n_platforms)
		return bad(l, n, "image %s needs 'platforms' (tokens such as isr4300, or model prefixes)", img->name);
	return 0;
}

/* An image or a platform listed twice makes the choice depend on order.
 * Sorted, not compared pairwise: a catalogue of 10 000 entries stays
 * O(n log n). Of several duplicates, the one met first in the file is
 * reported, against the entry it repeats. */
typedef struct dup_key {
	const char *text;
	size_t entry, item; /* item: index in the entry's platforms */
} dup_key;

static int dup_cmp(const void *pa, const void *pb)
{
	const dup_key *a = pa, *b = pb;
	int c = strcasecmp(a->text, b->text);
	if (c)
		return c;
	return a->entry != b->entry ? (a->entry < b->entry ? -1 : 1)
				    : (a->item < b->item ? -1 : a->item > b->item);
}

/* Whether repeat (g, i) is met before the one found so far (f, k): by the
 * repeating entry, then the entry it repeats, then its position in it. */
static bool earlier(const dup_key *v, size_t g, size_t i, size_t f, size_t k)
{
	if (v[i].entry != v[k].entry)
		return v[i].entry < v[k].entry;
	if (v[g].entry != v[f].entry)
		return v[g].entry < v[f].entry;
	return v[i].item < v[k].item;
}

/* The first repeat (k) of a text an earlier entry (first) already has;
 * false when there is none. One pass over the sorted groups. */
static bool first_repeat(dup_key *v, size_t n, size_t *first, size_t *k)
{
	bool found = false;
	qsort(v, n, sizeof(*v), dup_cmp);
	for (size_t g = 0, e; g < n; g = e) {
		for (e = g + 1; e < n && strcasecmp(v[e].text, v[g].text) == 0; e++)
			;
		for (size_t i = g + 1; i < e; i++) {
			if (v[i].entry == v[g].entry)
				continue;
			if (!found || earlier(v, g, i, *first, *k)) {
				*first = g;
				*k = i;
				found = true;
			}
			break;
		}
	}
	return found;
}

static int duplicates(cat_loader *l)
{
	const ip_image_catalog *c = l->cat;
	size_t np = 0, f, k;
	for (size_t i = 0; i < c->n; i++)
		np += c->v[i].n_platforms;
	dup_key *v = ip_arena_alloc(l->arena, (c->n + np + 1) * sizeof(*v));
	for (size_t i = 0; i < c->n; i++)
		v[i] = (dup_key){ c->v[i].name, i, 0 };
	if (first_repeat(v, c->n, &f, &k))
		return ip_error_set(IP_E_CONFIG, "%s:%u:%u: error: image %s is listed twice "
				    "(first at line %u)", l->path, c->v[v[k].entry].name_span.line,
				    c->v[v[k].entry].name_span.col, c->v[v[k].entry].name,
				    c->v[v[f].entry].name_span.line);
	np = 0;
	for (size_t i = 0; i < c->n; i++)
		for (size_t a = 0; a < c->v[i].n_platforms; a++)
			v[np++] = (dup_key){ c->v[i].platforms[a].text, i, a };
	if (!first_repeat(v, np, &f, &k))
		return 0;
	const ip_catalog_platform *x = &c->v[v[k].entry].platforms[v[k].item];
	const ip_catalog_platform *y = &c->v[v[f].entry].platforms[v[f].item];
	return ip_error_set(IP_E_CONFIG, "%s:%u:%u: error: platform %s has two images: %s and %s "
			    "(line %u)", l->path, x->span.line, x->span.col, x->text,
			    c->v[v[f].entry].name, c->v[v[k].entry].name, y->span.line);
}

static int top(cat_loader *l)
{
	yaml_node_t *root = yaml_document_get_root_node(&l->doc);
	if (!root)
		return ip_error_set(IP_E_CONFIG, "%s:1:1: error: the catalogue is empty (it lists 'images')", l->path);
	if (root->type != YAML_MAPPING_NODE)
		return bad(l, root, "%s", "the catalogue is a mapping with one key, 'images'");
	yaml_node_t *images = NULL;
	FOR_PAIRS(l, root, k, v) {
		const char *key = text(l, k);
		if (!key || strcmp(key, "images") != 0)
			return bad(l, k, "unknown key '%s' (the catalogue has one key, 'images')", key ? key : "?");
		images = v;
	}
	if (!images || images->type != YAML_SEQUENCE_NODE || images->data.sequence.items.start ==
							       images->data.sequence.items.top)
		return bad(l, images ? images : root, "%s", "'images' is a non-empty list of image entries");
	for (yaml_node_item_t *it = images->data.sequence.items.start; it < images->data.sequence.items.top; it++) {
		int rc = entry(l, yaml_document_get_node(&l->doc, *it));
		if (rc)
			return rc;
	}
	return duplicates(l);
}

int ip_image_catalog_parse(ip_image_catalog **out, ip_arena *a, const char *name,
			   const char *text_, size_t len)
{
	*out = NULL;
	cat_loader l = { .path = ip_arena_strdup(a, name), .arena = a };
	int rc = ip_yaml_load(&l.doc, name, text_, len); /* size, depth, alias bombs */
	if (rc)
		return rc;
	l.cat = ip_arena_alloc(a, sizeof(*l.cat));
	l.cat->path = l.path;
	rc = top(&l);
	yaml_document_delete(&l.doc);
	*out = rc ? NULL : l.cat;
	return rc;
}

int ip_image_catalog_load(ip_image_catalog **out, ip_arena *a, const char *path)
{
	*out = NULL;
	char *text;
	size_t len;
	int rc = ip_small_file_read(path, IP_YAML_MAX_BYTES, "the image catalogue", IP_E_IO, &text,
				    &len);
	if (rc)
		return rc;
	rc = ip_image_catalog_parse(out, a, path, text, len);
	free(text);
	return rc;
}

const ip_catalog_image *ip_image_catalog_find(const ip_image_catalog *c, const char *name)
{
	for (size_t i = 0; c && name && i < c->n; i++)
		if (strcasecmp(c->v[i].name, name) == 0)
			return &c->v[i];
	return NULL;
}

const ip_catalog_image *ip_image_catalog_for_device(const ip_image_catalog *c,
						    const ip_device *dev, const ip_platform *p,
						    const ip_catalog_image **tie)
{
	const ip_catalog_image *best = NULL;
	size_t best_fit = 0;
	*tie = NULL;
	for (size_t i = 0; c && i < c->n; i++) {
		size_t f = 0;
		for (size_t j = 0; j < c->v[i].n_platforms; j++) {
			size_t x = ip_platform_fit(c->v[i].platforms[j].text, dev, p);
			f = x > f ? x : f;
		}
		if (f && f == best_fit) {
			*tie = &c->v[i];
		} else if (f > best_fit) {
			best = &c->v[i];
			best_fit = f;
			*tie = NULL;
		}
	}
	return best;
}
