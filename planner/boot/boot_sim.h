/* The boot simulator: what the device will load at its next reload.
 *
 * It follows IOS's own order (seed section 1, DOMAIN.md §1.2, §2.3):
 *   1. the config-register boot field AS IT WILL BE at next reload
 *      (0x0 ROMMON; 0x1 platform-dependent; 0x2-0xF go on). Cat9k has no
 *      register that matters: MANUAL_BOOT = yes means ROMMON.
 *   2. routers: the startup-config `boot system` statements in order;
 *      switches: the BOOT variable for the next reload; each entry whose
 *      file is absent from the listing is skipped (and said so);
 *   3. no usable entry: the first bootable image on the default
 *      filesystem; where the alphabetically first and the listing-first
 *      image differ, the outcome is platform-dependent and both are named;
 *   4. nothing bootable: ROMMON.
 * Every step appends a trace line with the span of the fact it used. When a
 * fact the next step needs is unknown (no listing, no startup-config), the
 * prediction stops with IP_NEXT_UNKNOWN and names the capture that would
 * supply it: it never guesses. */
#ifndef IOSPLAN_BOOT_SIM_H
#define IOSPLAN_BOOT_SIM_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"
#include "platform.h"

typedef enum ip_next_outcome {
	IP_NEXT_UNKNOWN = 0,   /* a needed fact is missing: see `missing` */
	IP_NEXT_IMAGE,         /* boots filesystem:path */
	IP_NEXT_NETWORK,       /* boots from the network (tftp ...) */
	IP_NEXT_ROMMON,        /* stops in ROMMON / switch: prompt */
	IP_NEXT_AMBIGUOUS,     /* depends on the platform: `path` and `alt_path` */
	IP_NEXT_PLATFORM_ROM,  /* boot field 0x1: ROM / boot helper / first image, per platform */
} ip_next_outcome;

typedef enum ip_next_step {
	IP_STEP_NONE = 0,
	IP_STEP_REGISTER,       /* decided by the boot field */
	IP_STEP_MANUAL_BOOT,    /* decided by MANUAL_BOOT */
	IP_STEP_BOOT_STATEMENT, /* a startup-config boot system line */
	IP_STEP_BOOT_VARIABLE,  /* a BOOT variable entry */
	IP_STEP_FIRST_IMAGE,    /* the first image on flash */
	IP_STEP_NOTHING,        /* nothing bootable: ROMMON */
} ip_next_step;

typedef struct ip_trace_line {
	const char *text; /* "boot system flash:a.bin: skipped, flash: has no a.bin" */
	ip_span span;     /* the fact this step read; line 0 when none */
} ip_trace_line;

typedef struct ip_boot_prediction {
	ip_next_outcome outcome;
	ip_next_step step;
	const char *filesystem;      /* the image that boots, for IMAGE / AMBIGUOUS */
	const char *path;
	const char *alt_path;        /* AMBIGUOUS: the listing-first image */
	const ip_boot_entry *entry;  /* the statement or BOOT entry that chose it */
	size_t entry_index;          /* 0-based, in its list */
	const ip_file *file;         /* the listing line of the image, if known */
	bool skipped_entries;        /* some entries before the chosen one were skipped */
	bool from_fallback;          /* chosen by a step after the first entry */
	const char *missing;         /* UNKNOWN: "show startup-config | include boot" */
	ip_span span;                /* the fact that decided */
	ip_trace_line *trace;
	size_t n_trace, cap_trace;
} ip_boot_prediction;

/* Predict dev's next boot. Memory from arena a. Never fails. */
void ip_boot_predict(ip_boot_prediction *out, ip_arena *a, const ip_device *dev);

const char *ip_next_outcome_name(ip_next_outcome o); /* "image", "rommon", ... */
const char *ip_next_step_name(ip_next_step s);       /* "boot-statement", ... */

#endif
