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
