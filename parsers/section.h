/* Command sections: a capture cut into the outputs of single commands.
 *
 * In a session log a section runs from a prompt line ("R1#sh run | i boot")
 * to the line before the next prompt. Output pasted without prompts is cut
 * where a known command's output visibly begins ("Cisco IOS Software, ...",
 * "Directory of flash:/", "BOOT path-list :", "Building configuration...").
 * Each section knows the command that produced it (typed, or inferred from
 * its content), the device's hostname when the prompt shows it, and its
 * first and last line. */
#ifndef IOSPLAN_SECTION_H
#define IOSPLAN_SECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "capture.h"
#include "diag.h"

typedef enum ip_cmd {
	IP_CMD_UNKNOWN = 0,      /* output we could not attribute */
	IP_CMD_SHOW_VERSION,
	IP_CMD_FLASH_LISTING,    /* dir, show flash:, show bootflash:, ... */
	IP_CMD_RUNNING_CONFIG,
	IP_CMD_STARTUP_CONFIG,
	IP_CMD_CONFIG,           /* a configuration whose origin is not known */
	IP_CMD_SHOW_BOOT,        /* show boot, show bootvar, show boot system */
	IP_CMD_FILE_SYSTEMS,     /* show file systems */
	IP_CMD_VERIFY,           /* verify /md5 | /sha512 */
	IP_CMD_SHOW_SWITCH,
	IP_CMD_INSTALL_SUMMARY,
	IP_CMD_CONFIG_MODE,      /* commands typed in (config)# mode */
	IP_CMD_OTHER,            /* a command iosplan does not read */
	IP_CMD_IP_INT_BRIEF,     /* show ip interface brief */
	IP_CMD_INTERFACES_STATUS,/* show interfaces status */
	IP_CMD_OSPF_NEIGHBOR,    /* show ip ospf [N] neighbor */
	IP_CMD_BGP_SUMMARY,      /* show ip bgp [af] summary, show bgp ... summary */
	IP_CMD_CDP_NEIGHBORS,    /* show cdp neighbors */
	IP_CMD_RANCID,           /* a RANCID backup's comment block (!RANCID-CONTENT-TYPE) */
	IP_CMD_OXIDIZED,         /* an Oxidized backup's "! " comment block */
	IP_CMD_SHOW_INSTALL,     /* show install active|inactive|committed|
				  * uncommitted|rollback (summary: above) */
	IP_CMD_REDUNDANCY,       /* show redundancy, show redundancy states */
	IP_CMD_ROM_MONITOR,      /* show rom-monitor [slot] R0 (issue 22) */
	IP_CMD_SHOW_PLATFORM,    /* show platform, the bare form */
	IP_CMD_HW_PROGRAMMABLE,  /* show hw-programmable all */
	IP_CMD__COUNT
} ip_cmd;

typedef struct ip_section {
	const char *file;
	ip_cmd cmd;
	const char *command;  /* as typed after the prompt; NULL for bare output */
	const char *canonical;/* "show running-config | include boot" */
	const char *hostname; /* from the prompt; NULL for bare output */
	const char *arg;      /* filesystem or file argument ("bootflash:"), or NULL */
	const char *filter;   /* text after the first '|', trimmed, or NULL */
	bool inferred;        /* command recognised from content, not typed */
	const ip_line *prompt;/* the prompt line, or NULL */
	const ip_line *lines; /* the output, after the prompt line */
	size_t n_lines;
	uint32_t first_line;  /* prompt line, or first output line */
	uint32_t last_line;
} ip_section;

/* More command sections than this in one capture is no session log: it is
 * refused (IP_E_LIMIT, docs/input.md), so that the work per capture
 * stays bounded. */
#define IP_MAX_SECTIONS 50000u

/* Cut a capture into sections. Lines before the first prompt that match no
 * known output are dropped, with a note. Returns 0, or IP_E_LIMIT past
 * IP_MAX_SECTIONS (message in ip_error_last()). */
int ip_sections_split(ip_section **out, size_t *n_out, ip_arena *a,
		      const ip_capture *cap, ip_diags *diags);

const char *ip_cmd_name(ip_cmd cmd);       /* "show version" */
const char *ip_cmd_json_name(ip_cmd cmd);  /* "show_version" */

/* Recognise a typed command ("sh run | i boot"): fills cmd, canonical form,
 * argument and filter. Returns false when the text is not a command at all
 * (so the line was not really a prompt). */
bool ip_command_identify(ip_arena *a, const char *text, ip_cmd *cmd,
			 const char **canonical, const char **arg,
			 const char **filter);

/* Whether a section's filter provably shows every line that starts with
 * `prefix` ("boot system "): true only for filters whose pattern is plain
 * text (optionally '^'-anchored alternatives) that must match such lines,
 * or an exclude that cannot. Any other filter, valid or not, is false: it
 * could hide a line. An unfiltered section keeps everything. */
bool ip_section_filter_keeps(const ip_section *s, const char *prefix);

#endif
