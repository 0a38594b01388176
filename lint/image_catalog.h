/* The image catalogue: the approved ("golden") image per platform family,
 * with the size and hashes Cisco publishes for it (docs/target.md, "Image
 * catalogue"; an example in samples/images.yaml):
 *
 *   images:
 *     - family: ISR 4300                              # optional label
 *       name: isr4300-universalk9.16.12.04.SPA.bin    # required
 *       size: 521347072                               # bytes, optional
 *       md5: a3f8c12d9e4b72f1c8d5a0e3b6f91234         # md5 and/or sha512
 *       sha512: 7b4e91a2…                             #   (128 hex digits)
 *       min_rommon: 16.9(1r)                          # optional
 *       platforms: [isr4300]                          # required, see below
 *
 * and the release facts of issue 22 (docs/target.md, "Release facts"):
 * min_rommon as a mapping platform -> version, rommon_one_way, min_dram,
 * min_flash, upgrade_from, via, license_model {model, since},
 * rommon_image {name, size, md5} and source {fact: URL}.
 *
 * A platform is an image-name platform token ("isr4300", "c2960x",
 * "cat9k", as parsers/platform.h lists for a device) or a model prefix
 * ("ISR4331", "WS-C2960X", "C9300-48"). For a device, a model prefix beats
 * a token, and a longer prefix a shorter one; two entries that fit equally
 * well are an ambiguity the caller reports.
 *
 * Loading is strict: invalid YAML, an unknown key, a missing field, a hash
 * of the wrong length or with a non-hex digit, or an image or platform
 * listed twice fail with "path:line:col: error: …" in ip_error_last()
 * (lines and columns from 1). Everything is allocated from the arena given
 * to the loader. */
#ifndef IOSPLAN_IMAGE_CATALOG_H
#define IOSPLAN_IMAGE_CATALOG_H

#include <stddef.h>

#include "device.h"
#include "platform.h"
#include "target.h"

typedef struct ip_catalog_platform {
	const char *text;
	ip_span span;
} ip_catalog_platform;

typedef struct ip_catalog_image {
	const char *family;     /* label, or NULL */
	const char *name;       /* a file name: no filesystem, no directory */
	ip_span name_span;
	ip_u64 size;            /* span on the number; unknown if absent */
	const char *md5;        /* lower-case hex, or NULL */
	ip_span md5_span;
	const char *sha512;     /* lower-case hex, or NULL */
	ip_span sha512_span;
	const char *min_rommon; /* as written ("16.9(1r)"), or NULL; the scalar
				 * form only (the mapping form: facts) */
	ip_span min_rommon_span;
	ip_release_facts facts; /* min_rommon .. rommon_image, source */
	ip_catalog_platform *platforms;
	size_t n_platforms, cap_platforms;
	ip_span span;           /* the entry */
} ip_catalog_image;

typedef struct ip_image_catalog {
	const char *path;
	ip_catalog_image *v;
	size_t n, cap;
} ip_image_catalog;

/* Load the catalogue at `path`. Returns 0, IP_E_CONFIG (bad content) or
 * IP_E_IO (unreadable); *out is NULL on error. */
int ip_image_catalog_load(ip_image_catalog **out, ip_arena *a, const char *path);

/* The same from text in memory; `name` stands for the path in messages and
 * spans. */
int ip_image_catalog_parse(ip_image_catalog **out, ip_arena *a, const char *name,
			   const char *text, size_t len);

/* The entry whose image is `name` (compared without case), or NULL. */
const ip_catalog_image *ip_image_catalog_find(const ip_image_catalog *c, const char *name);

/* The approved image for a device of platform `p` (model from dev): the
 * entry that fits best, or NULL when none fits. When two fit equally well,
 * returns the first and sets *tie to the other (else *tie is NULL): the
 * caller must not pick one. */
const ip_catalog_image *ip_image_catalog_for_device(const ip_image_catalog *c,
						    const ip_device *dev,
						    const ip_platform *p,
						    const ip_catalog_image **tie);

#endif
