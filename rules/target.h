/* The image the user wants to install, and where each of its facts came
 * from. Issue "target image" fills size and hashes from a catalogue, the
 * local file and captured `verify` output; a target given only by name
 * carries just the name. */
#ifndef IOSPLAN_TARGET_H
#define IOSPLAN_TARGET_H

#include <stdbool.h>

#include "device.h"
#include "image_name.h"

typedef struct ip_target {
	const char *raw;        /* as given: "bootflash:isr4300-…bin" or a bare name */
	const char *name;       /* file name without filesystem or directory */
	const char *filesystem; /* "bootflash:" when the user named one, else NULL */
	bool parsed;            /* image was recognised from the name */
	ip_image_name image;
	ip_u64 size;            /* bytes; unknown unless a source gave it */
	const char *md5;        /* reference hash, lower-case hex; NULL if unknown */
	const char *sha512;
	const char *source;     /* "--target", "catalogue golden.yaml", ... */
	ip_span span;           /* where in a file it was defined; line 0 if none */
} ip_target;

/* Build a target from a name given on the command line. Arena-owned. */
ip_target *ip_target_from_name(ip_arena *a, const char *raw, const char *source);

#endif
