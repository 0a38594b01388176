/* The device state: everything iosplan knows about one device, each fact with
 * the span it was read from.
 *
 * Unknown is a value: a string fact is NULL when unknown, a number carries
 * `known`, a yes/no fact is an ip_tri. Nothing is defaulted. All memory
 * belongs to the arena of the ip_device_set that holds the device. */
#ifndef IOSPLAN_DEVICE_H
#define IOSPLAN_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "capture.h"
#include "diag.h"
#include "section.h"
#include "span.h"

typedef struct ip_text {
	const char *s; /* NULL = unknown */
	ip_span span;
} ip_text;

typedef struct ip_u64 {
	bool known;
	uint64_t v;
	ip_span span;
} ip_u64;

typedef enum ip_tri { IP_TRI_UNKNOWN = 0, IP_TRI_NO, IP_TRI_YES } ip_tri;

typedef struct ip_flag {
	ip_tri v;
	ip_span span;
} ip_flag;

typedef enum ip_os { IP_OS_UNKNOWN = 0, IP_OS_IOS, IP_OS_IOSXE } ip_os;

/* "flash:c2960-lanbasek9-mz.152-7.E9.bin" as two parts. */
typedef struct ip_path {
	const char *raw;        /* as printed, NULL = unknown */
	const char *filesystem; /* "flash:", NULL when the text names none */
	const char *path;       /* "c2960-lanbasek9-mz.152-7.E9.bin", no leading '/' */
	ip_span span;
} ip_path;

typedef struct ip_file {
	const char *name; /* relative to the filesystem root, '/'-separated */
	ip_u64 size;      /* a directory's size is not its content's size */
	bool is_dir;
	ip_span span;
} ip_file;

typedef struct ip_filesystem {
	const char *name; /* "flash:", "bootflash:", "flash-2:" */
	ip_u64 total;     /* unknown where the listing does not print it */
	ip_u64 free;
	ip_file *files;
	size_t n_files, cap_files;
	bool listed;      /* a listing of it was read */
	bool complete;    /* the listing ended with its totals line */
	bool recursive;   /* the listing shows sub-directory contents */
	ip_span span;     /* the listing's header or first line */
	/* from show file systems */
	bool is_default;
	const char *aliases; /* other prefixes on the same line, space-separated */
} ip_filesystem;

/* A "NNNNK bytes of ... at bootflash:." line of show version. */
typedef struct ip_flash_size {
	const char *filesystem; /* NULL on old platforms that do not say */
	uint64_t bytes;
	const char *label;      /* "ATA System CompactFlash 0 (Read/Write)" */
	ip_span span;
} ip_flash_size;

typedef enum ip_boot_kind {
	IP_BOOT_FILE,        /* an image on a local filesystem */
	IP_BOOT_FLASH_FIRST, /* `boot system flash` with no file: first image */
	IP_BOOT_NETWORK,     /* tftp/ftp/rcp/http URL or `boot system tftp f ip` */
	IP_BOOT_ROM,         /* `boot system rom` */
	IP_BOOT_MOP,
	IP_BOOT_OTHER,
} ip_boot_kind;

typedef struct ip_boot_entry {
	const char *raw;        /* the whole statement or BOOT element */
	const char *filesystem; /* "flash:" or NULL */
	const char *path;       /* no filesystem, no leading '/', or NULL */
	const char *server;     /* network boots: host or IP, else NULL */
	ip_boot_kind kind;
	int member;             /* `boot system switch N`: N; `switch all`: -1; else 0 */
	ip_span span;
} ip_boot_entry;

typedef struct ip_boot_list {
	bool known;     /* a source was read that shows the whole list */
	bool filtered;  /* the source was filtered (| include), yet complete */
	ip_boot_entry *v;
	size_t n, cap;
	ip_span span;   /* the section or line that supplied the list */
	bool markers;   /* boot-start-marker/boot-end-marker seen */
} ip_boot_list;

typedef struct ip_register {
	bool known;
	uint32_t v;
	ip_span span;
} ip_register;

typedef struct ip_member {
	int number;
	bool active;        /* '*' in the switch table */
	ip_text model, serial, version, image, mode, role, state;
	ip_span span;
} ip_member;

typedef struct ip_source {
	const char *file;
	ip_cmd cmd;
	const char *command;  /* typed or canonical command */
	bool inferred;
	uint32_t first_line, last_line;
} ip_source;

typedef struct ip_device {
	const char *key;      /* the name sections were grouped by; "" = unnamed */
	ip_text hostname;
	ip_os os;
	ip_span os_span;
	ip_text version;      /* token after "Version" on the Cisco IOS Software line */
	ip_text xe_version;   /* "Cisco IOS XE Software, Version 16.09.06" / "IOS XE Version:" */
	ip_text platform;     /* model on the processor line */
	ip_text serial;       /* Processor board ID / System Serial Number */
	ip_text rommon;
	ip_text uptime;
	ip_text reload_reason;
	ip_text software_image; /* "C2960X-UNIVERSALK9-M" */
	ip_path system_image;
	ip_register confreg;      /* current value */
	ip_register confreg_next; /* value at next reload: equals current
				   * unless "(will be X at next reload)" */
	ip_register confreg_config; /* `config-register` line in a config: a hint */
	ip_flag install_mode;
	ip_flag manual_boot;      /* show boot "Manual Boot" / MANUAL_BOOT */
	ip_flash_size *flash_sizes;
	size_t n_flash_sizes, cap_flash_sizes;
	ip_filesystem *filesystems;
	size_t n_filesystems, cap_filesystems;
	ip_boot_list boot_running;
	ip_boot_list boot_startup;
	ip_boot_list boot_config;   /* a config whose origin is unknown */
	ip_boot_list bootvar;       /* BOOT variable, next reload */
	ip_boot_list bootvar_current; /* "Current Boot Variables" where shown */
	ip_member *members;
	size_t n_members, cap_members;
	ip_source *sources;
	size_t n_sources, cap_sources;
} ip_device;

typedef struct ip_device_set {
	ip_arena *arena;
	ip_device **v;
	size_t n, cap;
	ip_diags diags;
	ip_capture **captures; /* every file read, for quoting source lines */
	size_t n_captures, cap_captures;
} ip_device_set;

/* Everything a section parser may touch. */
typedef struct ip_parse_ctx {
	ip_arena *arena;
	ip_diags *diags;
} ip_parse_ctx;

/* --- building ----------------------------------------------------------- */

ip_device_set *ip_device_set_new(void);
void ip_device_set_free(ip_device_set *s);

/* Read every file and build one device per hostname. Returns IP_E_IO when a
 * file cannot be read (message in ip_error_last()); problems inside the text
 * are diagnostics in s->diags. */
int ip_device_set_load(ip_device_set *s, const char *const *paths, size_t n);
/* The same from already-read captures (editors, archives, tests). */
int ip_device_set_add_captures(ip_device_set *s, ip_capture *const *caps,
			       size_t n);

/* The clean line `line` of `file`, or NULL (for quoting in messages). */
const ip_line *ip_device_set_line(const ip_device_set *s, const char *file, uint32_t line);

/* Find or create the filesystem `name` ("flash:") on dev. */
ip_filesystem *ip_device_filesystem(ip_device *dev, ip_arena *a,
				    const char *name);
const ip_filesystem *ip_device_filesystem_find(const ip_device *dev,
					       const char *name);
const ip_file *ip_filesystem_file_find(const ip_filesystem *fs,
				       const char *path);

/* Run the parser for one section against dev. */
int ip_section_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);

const char *ip_os_name(ip_os os); /* "ios", "iosxe", NULL */

#endif
