/* What the platform implies: the knowledge about device families that rules
 * and the planner share (DOMAIN.md §1.3, §2.3, seed section 1).
 *
 * The family is decided from the model on the processor line first, then
 * from the image name, the software image and the filesystems; when nothing
 * decides it, it is IP_FAMILY_UNKNOWN and every consumer must say what it
 * could not check rather than assume a router. */
#ifndef IOSPLAN_PLATFORM_H
#define IOSPLAN_PLATFORM_H

#include <stdbool.h>
#include <stdint.h>

#include "device.h"

typedef enum ip_family {
	IP_FAMILY_UNKNOWN = 0,
	IP_FAMILY_ROUTER_CLASSIC, /* ISR G1/G2, 800/1800/2800/3800/1900/2900/3900, 7200 */
	IP_FAMILY_ROUTER_XE,      /* ISR4k, ASR1k, CSR1000v, C8000(v), ISR1100 */
	IP_FAMILY_SWITCH_CLASSIC, /* 2940/2950/2960(X/L/CX)/3560/3750/IE */
	IP_FAMILY_SWITCH_CAT4500, /* Cat4500/4900 IOS and IOS-XE 3.x: register-driven like a router, BOOT list loops */
	IP_FAMILY_SWITCH_XE,      /* Cat3650/3850, Cat9200/9300/9400/9500/9600, IE31xx */
	IP_FAMILY_VIRTUAL,        /* IOSv, vIOS-L2: register 0x0 while healthy */
} ip_family;

typedef struct ip_platform {
	ip_family family;
	const char *series;     /* "ISR4300", "C2960", "C9300"; NULL if unknown */
	/* Image-name platform tokens that fit this device ("isr4300"), space
	 * separated; NULL if unknown. */
	const char *image_platforms;
	uint32_t normal_confreg; /* 0x2102, 0xF, 0x102; meaningful if has_normal_confreg */
	bool has_normal_confreg;
	bool confreg_line_optional; /* Cat9k 16.12.4+: no register line is normal */
	bool confreg_ignored;       /* Cat9k: config-register does nothing; MANUAL_BOOT decides */
	bool boot_from_bootvar;     /* switches: the BOOT variable (show boot) decides, not the config */
	bool has_install_mode;      /* IOS-XE devices that can run packages.conf */
	const char *default_fs;     /* "flash:", "bootflash:", "flash0:"; NULL if unknown */
	/* Prefixes that name one filesystem on this platform, space separated
	 * ("flash: bootflash:" on a Cat9k, "flash0: flash:" on an ISR G2), for
	 * captures without `show file systems`; NULL if none are known. */
	const char *fs_aliases;
	ip_span evidence;           /* the fact the family was decided from */
	/* The model on the processor line is not in the table, and the family
	 * (and what follows from it) was guessed from a weaker fact: which
	 * one is guess_basis ("the running image's name", "the software
	 * image", "a flash0: filesystem"), its text is at `evidence`.
	 * Consumers say so wherever they rely on the family (issue 23 pt 4). */
	bool guessed;
	const char *guess_basis;
} ip_platform;

/* Classify dev. Never fails: unknown is a value. */
void ip_platform_classify(ip_platform *out, const ip_device *dev);

const char *ip_family_name(ip_family f); /* "router-classic", ... */

/* Whether an image whose name says platform token `image_platform`
 * ("c2960", "isr4300", "cat9k") runs on this device: 1 yes, 0 no, -1 unknown. */
int ip_platform_image_fits(const ip_platform *p, const char *image_platform);

#endif
