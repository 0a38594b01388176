/* .iosplan.yaml: the per-project configuration.
 *
 *   rules:                     # severity per rule id: error|warning|note|off
 *     boot-fallback: off
 *   flash:
 *     margin_bytes: 2097152    # kept free beyond the image (default 1 MiB)
 *     margin_percent: 10       # or this share of the image, whichever is larger (default 5)
 *   tftp:
 *     limit_bytes: 33553920    # larger images get the tftp-transfer warning
 *   normal_registers:          # model prefix -> the register that is normal there
 *     WS-C3560CX: 0x2102
 *   target: isr4300-universalk9.16.12.04.SPA.bin   # default --target
 *   file_name_case: exact      # or fold: whether "A.bin" names a listed "a.bin"
 *   save_rewrites_boot: ios-xe # or switches, never: where a save rewrites BOOT
 *   uncommitted_reload: reverts # or keeps: what a reload before install commit boots
 *
 * Found upward from the first input file (or given with --config). Any
 * unknown key or bad value is an error with its line and column. */
#ifndef IOSPLAN_CONFIG_H
#define IOSPLAN_CONFIG_H

#include "engine.h"
#include "fs_model.h"

typedef struct ip_config {
	ip_check_config check;
	const char *target; /* default target, or NULL */
	const char *path;   /* the file loaded, or NULL for defaults */
	ip_name_case name_case; /* file_name_case (default exact) */
	ip_install_reload install_reload; /* uncommitted_reload (default reverts) */
} ip_config;

/* Defaults, then the file at `path` when not NULL. On error returns
 * IP_E_CONFIG with "path:line:col: error: ..." in ip_error_last(). */
int ip_config_load(ip_config *out, ip_arena *a, const char *path);

/* The same from text already read (`name` is used in messages). The file is
 * at most IP_CONFIG_MAX_BYTES; its YAML is checked by ip_yaml_guard. */
#define IP_CONFIG_MAX_BYTES (1024u * 1024u)
int ip_config_parse(ip_config *out, ip_arena *a, const char *name, const char *text,
		    size_t len);

/* Hands the settings that belong to the device model to it (today the
 * letter-case policy of file lookups, ip_fs_case_policy_set): every
 * command calls it before analysing a device, so lint, facts, plan,
 * verify, audit and the language server answer "is this file there?"
 * alike. */
void ip_config_apply(const ip_config *cfg);

/* The one way a command gets its configuration: `given` (--config) when
 * not NULL, else the nearest .iosplan.yaml above first_input; loaded as
 * ip_config_load does, then applied (ip_config_apply). */
int ip_config_open(ip_config *out, ip_arena *a, const char *given, const char *first_input);

/* Whether a configuration is at `path`: anything but a directory, so that
 * a FIFO or a link to one is found, then refused by ip_config_load (which
 * reads regular files only), never skipped for a parent's. */
bool ip_config_present(const char *path);

/* The nearest .iosplan.yaml in the directory of `input` or above; NULL. */
const char *ip_config_find(ip_arena *a, const char *input);

#endif
