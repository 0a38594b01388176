/* The section parsers: one per command output. Each reads one section and
 * sets facts on the device, each fact with its span. A line a parser expects
 * to understand but cannot becomes a warning; output that cannot be used at
 * all (a listing without its totals line, a show version cut short) becomes
 * an error diagnostic. They return 0, or a negative IP_E* code only for an
 * internal failure. */
#ifndef IOSPLAN_PARSERS_H
#define IOSPLAN_PARSERS_H

#include "device.h"

int show_version_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int flash_listing_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int file_systems_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int config_boot_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
/* config_vrf.c, called from config_boot's pass over a configuration: a
 * top-level line, and an indented line l of sec->lines. */
void config_vrf_top(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx, const ip_line *l);
void config_vrf_sub(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx, const ip_line *l);
int show_boot_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_switch_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int verify_md5_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_ip_int_brief_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_interfaces_status_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_ip_ospf_neighbor_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_ip_bgp_summary_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_cdp_neighbors_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
/* show install summary|active|inactive|committed|uncommitted|rollback */
int show_install_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_redundancy_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);

/* The RF names show redundancy prints, classified: "STANDBY HOT",
 * "STANDBY COLD-BULK", "DISABLED"; "sso", "Stateful Switchover", "rpr". */
ip_peer_state ip_peer_state_classify(const char *s);
ip_red_mode ip_red_mode_classify(const char *s);

/* The ';'-separated elements of a BOOT value from byte vs of l into list
 * (",N" retry counts dropped, a last "+" marks a list cut short): show
 * boot's BOOT lines and show redundancy's alike. */
void bootvar_elements_parse(ip_boot_list *list, const ip_section *sec,
			    ip_parse_ctx *ctx, const ip_line *l, size_t vs);
/* The boot firmware per slot (issue 22): ROMMON, CPLD, FPGA. */
int show_rom_monitor_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_platform_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int show_hw_programmable_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
/* The kinds of stored secret in a configuration section (device.h
 * ip_secrets): defer is called for every configuration, filtered or not;
 * the scan runs when ip_secrets_of first asks. */
void config_secrets_defer(ip_device *dev, const ip_section *sec, ip_arena *a);
void config_secrets_scan(ip_secrets *s, const ip_section *sec);
/* Backup files: the comment blocks of RANCID and Oxidized (backup.h). */
int rancid_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);
int oxidized_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);

/* Parse one boot target as it appears after `boot system` or inside a BOOT
 * variable ("flash:x.bin", "flash x.bin", "tftp://h/x", "rom", "switch all
 * flash:x"). Shared by config_boot and show_boot. */
void boot_entry_parse(ip_boot_entry *out, ip_arena *a, const char *text,
		      size_t len, ip_span span);

/* Split "flash:/dir/x.bin" into filesystem "flash:" and path "dir/x.bin".
 * Leaves filesystem NULL when the text has no "name:" prefix. URLs
 * ("tftp://h/x") keep the scheme as filesystem "tftp:". */
void ip_path_split(ip_path *out, ip_arena *a, const char *text, size_t len);

#endif
