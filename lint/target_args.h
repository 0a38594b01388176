/* The target-image options, shared by every command that checks an upgrade
 * (lint, plan, verify), and the target each device is checked against.
 *
 *   --target NAME      the image to install: "isr4300-….bin" or "bootflash:isr4300-….bin"
 *   --md5 HASH         the reference Cisco publishes (32 hex digits)
 *   --sha512 HASH      (128 hex digits)
 *   --size BYTES
 *   --image-file PATH  the copy on the TFTP server: iosplan takes its size and
 *                      computes MD5 and SHA-512 in one pass; names the
 *                      target when --target is absent
 *   --tftp-root DIR    the same, found as DIR/NAME for each target
 *   --catalog FILE     the approved images (image_catalog.h); supplies the
 *                      reference for a --target it lists and, without
 *                      --target, picks for each device the image for its
 *                      platform
 *
 * A command adds IP_TARGET_LONG_OPTIONS to its getopt_long table, hands
 * each option to ip_target_args_take(), then builds the targets once with
 * ip_targets_new() and asks for each device's with ip_targets_for_device().
 * Everything lives in the arena given to ip_targets_new(). */
#ifndef IOSPLAN_TARGET_ARGS_H
#define IOSPLAN_TARGET_ARGS_H

#include <getopt.h>
#include <stdbool.h>

#include "device.h"
#include "image_catalog.h"
#include "target.h"

enum {
	IP_OPT_TARGET = 't',
	IP_OPT_MD5 = 0x1100,
	IP_OPT_SHA512,
	IP_OPT_SIZE,
	IP_OPT_IMAGE_FILE,
	IP_OPT_TFTP_ROOT,
	IP_OPT_CATALOG,
};

#define IP_TARGET_LONG_OPTIONS                                               \
	{ "target", required_argument, NULL, IP_OPT_TARGET },                \
	{ "md5", required_argument, NULL, IP_OPT_MD5 },                      \
	{ "sha512", required_argument, NULL, IP_OPT_SHA512 },                \
	{ "size", required_argument, NULL, IP_OPT_SIZE },                    \
	{ "image-file", required_argument, NULL, IP_OPT_IMAGE_FILE },        \
	{ "tftp-root", required_argument, NULL, IP_OPT_TFTP_ROOT },          \
	{ "catalog", required_argument, NULL, IP_OPT_CATALOG }

/* For a command's --help. */
#define IP_TARGET_USAGE                                                                  \
	"  target image: --target IMAGE [--md5 HASH] [--sha512 HASH] [--size BYTES]\n"   \
	"                [--image-file PATH | --tftp-root DIR] [--catalog FILE]\n"

typedef struct ip_target_args {
	const char *target, *md5, *sha512, *size, *image_file, *tftp_root, *catalog;
} ip_target_args;

/* Store option `opt` (a getopt_long result); false when it is not one of
 * the target options. */
bool ip_target_args_take(ip_target_args *a, int opt, const char *arg);

typedef struct ip_targets ip_targets;

/* Check the options and resolve what does not depend on the device: the
 * hashes and size are well-formed (else IP_E_USAGE: a usage error, exit 2),
 * the catalogue loads (IP_E_CONFIG / IP_E_IO), a --target it lists takes
 * its reference (a value that contradicts it is IP_E_USAGE), and the
 * --image-file (or DIR/NAME) is hashed (IP_E_IO). `fallback_target` is the
 * configuration's `target:` (NULL if none), used when --target is absent;
 * `fallback_origin` names it in messages. Messages in ip_error_last(). */
int ip_targets_new(ip_targets **out, ip_arena *a, const ip_target_args *args,
		   const char *fallback_target, const char *fallback_origin);

/* The target `dev` is checked against: the one target given, or the
 * catalogue's image for the device's platform. *out is NULL when there is
 * none; *why then says why in a phrase ("no image in catalogue x.yaml for
 * platform C9300-48P") or is NULL when no target was asked for at all.
 * Returns 0; IP_E_CONFIG when two catalogue entries fit the device equally;
 * IP_E_IO when the copy under --tftp-root cannot be read. */
int ip_targets_for_device(const ip_target **out, const char **why, ip_targets *t,
			  const ip_device *dev);

/* The single target every device shares, or NULL (none given, or chosen
 * per device from the catalogue). */
const ip_target *ip_targets_fixed(const ip_targets *t);

/* Whether the options asked for a target at all. */
bool ip_targets_wanted(const ip_targets *t);

#endif
