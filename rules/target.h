/* The image the user wants to install, and where each of its facts came
 * from. Issue "target image" fills size and hashes from a catalogue, the
 * local file and captured `verify` output; a target given only by name
 * carries just the name. */
#ifndef IOSPLAN_TARGET_H
#define IOSPLAN_TARGET_H

#include <stdbool.h>

#include "device.h"
#include "image_name.h"

/* The copy of the image on the transfer (TFTP) server, as iosplan read it
 * (--image-file, --tftp-root): size and digests computed in one pass. */
typedef struct ip_target_copy {
	const char *path;       /* local path; NULL when no copy was given */
	ip_u64 size;
	const char *md5;        /* lower-case hex, computed */
	const char *sha512;
} ip_target_copy;

/* Release facts of a catalogue image (issue 22; docs/target.md, "Release
 * facts"): what the target needs of the device and what it closes behind
 * it. Every fact may carry the URL of the Cisco document it comes from;
 * one without prints "unsourced". Arena-owned, from the catalogue. */
typedef enum ip_release_fact {
	IP_FACT_MIN_ROMMON,
	IP_FACT_ROMMON_ONE_WAY,
	IP_FACT_MIN_DRAM,
	IP_FACT_MIN_FLASH,
	IP_FACT_UPGRADE_FROM,
	IP_FACT_VIA,
	IP_FACT_LICENSE_MODEL,
	IP_FACT_ROMMON_IMAGE,
	IP_FACT_COUNT
} ip_release_fact;

typedef struct ip_fact_text {
	const char *text;
	ip_span span;
} ip_fact_text;

/* "min_rommon: 16.9(1r)" has one row with platform NULL; the mapping form
 * ("min_rommon: {ISR4331: 16.9(1r), isr4400: 16.7(4r)}") one per platform
 * (a model prefix or an image-name token, as in 'platforms'). */
typedef struct ip_rommon_min {
	const char *platform;
	ip_fact_text version;
} ip_rommon_min;

typedef struct ip_release_facts {
	ip_rommon_min *min_rommon;
	size_t n_min_rommon, cap_min_rommon;
	ip_fact_text *rommon_one_way; /* ROMMONs that cannot be downgraded */
	size_t n_one_way, cap_one_way;
	ip_u64 min_dram, min_flash;   /* bytes (units read as powers of 1024) */
	ip_fact_text *upgrade_from;   /* release patterns, '*' any run */
	size_t n_upgrade_from, cap_upgrade_from;
	ip_fact_text via;             /* the intermediate release, or NULL text */
	ip_fact_text license_model;   /* "Smart Licensing Using Policy" */
	ip_fact_text license_since;   /* the release it starts at ("17.3.2") */
	struct {
		ip_fact_text name;    /* a file name ("isr4200_4300_rommon_1612_2r_SPA.pkg") */
		ip_u64 size;
		const char *md5;      /* lower-case hex */
	} rommon_image;               /* name.text NULL: not catalogued */
	ip_fact_text source[IP_FACT_COUNT]; /* URL per fact; text NULL: none */
} ip_release_facts;

/* The catalogue key of a fact ("min_rommon"). */
const char *ip_release_fact_key(ip_release_fact f);

/* The minimum ROMMON that applies to a device: the mapping row whose
 * platform is the longest prefix of the device's model, else one naming
 * an image token or the series of platform p, else the entry-wide row;
 * NULL when none applies. Matched as the catalogue's 'platforms' are. */
struct ip_platform;
const ip_rommon_min *ip_release_min_rommon(const ip_release_facts *r, const ip_device *dev,
					   const struct ip_platform *p);

/* The URL given for fact f, or "unsourced". */
const char *ip_release_fact_source(const ip_release_facts *r, ip_release_fact f);

typedef struct ip_target {
	const char *raw;        /* as given: "bootflash:isr4300-…bin" or a bare name */
	const char *name;       /* file name without filesystem or directory */
	const char *filesystem; /* "bootflash:" when the user named one, else NULL */
	bool parsed;            /* image was recognised from the name */
	ip_image_name image;
	/* The reference: what Cisco publishes, from --size/--md5/--sha512 or
	 * the catalogue. Each span points into the catalogue; line 0 when the
	 * value came from the command line. *_origin says which ("--md5",
	 * "catalogue images.yaml"), NULL when the value is unknown. */
	ip_u64 size;            /* bytes; unknown unless a source gave it */
	const char *md5;        /* reference hash, lower-case hex; NULL if unknown */
	const char *sha512;
	ip_span md5_span, sha512_span;
	const char *size_origin, *md5_origin, *sha512_origin;
	const char *min_rommon; /* from the catalogue ("16.9(1r)"), or NULL */
	ip_span min_rommon_span;
	const char *family;     /* the catalogue entry's label, or NULL */
	const ip_release_facts *facts; /* the catalogue entry's, or NULL */
	ip_target_copy server;  /* the copy on the transfer server */
	const char *source;     /* "--target", "catalogue golden.yaml", ... */
	ip_span span;           /* where in a file it was defined; line 0 if none */
} ip_target;

/* Build a target from a name given on the command line. Arena-owned. */
ip_target *ip_target_from_name(ip_arena *a, const char *raw, const char *source);

/* Whether `text` is a well-formed hex digest of `hex_len` digits (32 for
 * MD5, 128 for SHA-512). */
bool ip_target_hash_ok(const char *text, size_t hex_len);

#endif
