/* Cisco image file names: what the name says about the image.
 *
 *   c2960-lanbasek9-mz.152-7.E9.bin            platform c2960, feature lanbasek9,
 *                                              format mz, version 15.2(7)E9
 *   c1900-universalk9-mz.SPA.151-4.M8.bin      signed (SPA), 15.1(4)M8
 *   isr4300-universalk9.16.12.04.SPA.bin       IOS-XE 16.12.4, bundle
 *   cat9k_iosxe.17.09.04a.SPA.bin              platform cat9k, feature iosxe
 *   asr1001-universalk9.03.09.01.S.153-2.S1.bin XE 03.09.01.S (+ IOSd 15.3(2)S1)
 *   c2960x-universalk9-tar.152-7.E13.tar       tar archive for archive download-sw
 *   csr1000v-mono-universalk9.03.14.01.S.155-1.S1-std.SPA.pkg   a package
 *   packages.conf                              install-mode provisioning file
 *   vios-adventerprisek9-m                     no version in the name
 * Directory prefixes ("c2960l-.../c2960l-....bin") are ignored: only the
 * last path element is read. Matching is case-insensitive. */
#ifndef IOSPLAN_IMAGE_NAME_H
#define IOSPLAN_IMAGE_NAME_H

#include <stdbool.h>
#include <stddef.h>

#include "version.h"

typedef enum ip_image_kind {
	IP_IMAGE_UNKNOWN = 0, /* not recognisably an image */
	IP_IMAGE_BUNDLE,      /* a bootable .bin (or extension-less classic image) */
	IP_IMAGE_TAR,         /* .tar for archive download-sw */
	IP_IMAGE_PACKAGE,     /* .pkg sub-package */
	IP_IMAGE_PROVISIONING,/* packages.conf or another *.conf of an install */
} ip_image_kind;

typedef struct ip_image_name {
	ip_image_kind kind;
	char platform[32];  /* "c2960", "isr4300", "cat9k", "asr1001", lower case */
	char feature[48];   /* "lanbasek9", "universalk9", "iosxe", "" */
	char format[8];     /* "mz", "m", "tar", "" */
	bool is_xe;         /* the version in the name is an IOS-XE one */
	bool signed_spa;    /* ".SPA." */
	ip_version version; /* scheme IP_VER_INVALID when the name has none */
	ip_version iosd_version; /* XE 3.x names also carry the IOSd version */
} ip_image_name;

/* Parse the last element of `path` (len bytes). Returns false when it does
 * not look like an image or install file at all. */
bool ip_image_name_parse(ip_image_name *out, const char *path, size_t len);

/* Is this file name one that IOS could boot as a system image? (.bin, or a
 * classic extension-less image name; not .conf/.pkg/.tar/.text.) */
bool ip_image_name_bootable(const char *path);

#endif
