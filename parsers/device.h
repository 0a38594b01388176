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
	/* A backup that rounds the free space (RANCID: "92 MB free") gives a
	 * range: free.v is then its lower end and free_max its upper end, both
	 * inclusive. Readers that take free.v alone stay on the safe side. */
	bool free_is_bound;
	uint64_t free_max;
} ip_filesystem;

/* A "NNNNK bytes of ... at bootflash:." line of show version. */
typedef struct ip_flash_size {
	const char *filesystem; /* NULL on old platforms that do not say */
	uint64_t bytes;
	const char *label;      /* "ATA System CompactFlash 0 (Read/Write)" */
	ip_span span;
} ip_flash_size;

/* Total DRAM from show version (issue 22). Which line said it matters, so
 * the form is kept: on IOS-XE the processor line counts only the memory
 * given to IOSd, a share of the DRAM (Cisco 110739, "ASR 1000 Series Router
 * Memory Troubleshoot Guide"), so there only "NNNK bytes of physical
 * memory." is the whole; a value read from the processor line of an IOS-XE
 * device is a lower bound. */
typedef enum ip_dram_form {
	IP_DRAM_PHYSICAL,     /* "8388608K bytes of physical memory." */
	IP_DRAM_PROCESSOR_IO, /* "with 1647778K/6147K bytes of memory": X + Y */
	IP_DRAM_PROCESSOR,    /* "with 524288K bytes of memory" */
} ip_dram_form;

typedef struct ip_dram {
	bool known;
	bool lower_bound; /* IOS-XE and no physical-memory line: IOSd's share */
	ip_dram_form form;
	uint64_t bytes;
	ip_span span;     /* the number(s) on the line read */
} ip_dram;

/* One slot's boot firmware (issue 22), where IOS-XE prints it per slot:
 * show rom-monitor <slot>, show platform's "Slot CPLD Version Firmware
 * Version" table, show hw-programmable all. R0/R1 are the route
 * processors, F0 the forwarding processor, 0/1 the carrier cards. The
 * device's ROMMON is answered once, by ip_device_rommon (model/rommon.h). */
typedef struct ip_rom_slot {
	const char *slot;   /* as printed, upper case: "R0", "F1", "0" */
	ip_text rommon;     /* "16.9(5r)", "15.3(1r)S" */
	const char *rommon_from; /* the command that said it */
	ip_text cpld, fpga; /* as printed ("14111801", "N/A") */
	ip_text state;      /* show platform's State: "ok, active" */
	ip_span span;       /* the first row naming the slot */
} ip_rom_slot;

/* Slots past this are not kept: no chassis has more, and it bounds the work
 * a hostile capture can cause. */
#define IP_MAX_ROM_SLOTS 64u

/* Licensing as show version prints it (issue 22): the level now and at
 * the next reload, and the technology-package rows. Texts as printed;
 * NULL when not shown. */
typedef struct ip_license_pkg {
	ip_text technology; /* "ipbase"; NULL in the Cat9k table, which has none */
	ip_text current;    /* "ipbasek9", "network-advantage", "None" */
	ip_text type;       /* "Permanent", "Smart License", "Subscription Smart License" */
	ip_text next;       /* the Next reboot column */
	ip_span span;       /* the row */
} ip_license_pkg;

typedef struct ip_license {
	ip_text level;        /* "License Level: ipservices" */
	ip_text type;         /* "License Type: Permanent" */
	ip_text next_level;   /* "Next reload license Level: ipservices" */
	ip_text air_level, air_next; /* "AIR License Level:", "Next reload AIR license Level:" */
	ip_text smart_status; /* "Smart Licensing Status: UNREGISTERED/EVAL EXPIRED" */
	ip_license_pkg *pkgs;
	size_t n_pkgs, cap_pkgs;
} ip_license;

/* The kinds of stored secret a configuration holds (issue 22): a
 * downgrade to a release that does not know one locks the engineer out.
 * Only the kind and where it was first seen are kept, never the secret or
 * its hash (config_secrets.c). */
typedef enum ip_secret_kind {
	IP_SECRET_5,         /* "secret 5 $1$...": MD5 */
	IP_SECRET_8,         /* "secret 8 $8$...": PBKDF2-SHA-256 */
	IP_SECRET_9,         /* "secret 9 $9$...": scrypt */
	IP_SECRET_9_14,      /* "secret 9 $14$...": convoluted type 9 (16.12.1+) */
	IP_SECRET_7,         /* "password 7 ...", "key 7 ...": reversible type 7 */
	IP_SECRET_6,         /* "password 6 ...", "key 6 ...": AES type 6 */
	IP_SECRET_AES,       /* "password encryption aes": type 6 turned on */
	IP_SECRET_MASTER_KEY,/* "key config-key password-encrypt": the type-6 master key */
	IP_SECRET__COUNT
} ip_secret_kind;

typedef struct ip_secret_seen {
	bool seen;
	ip_span span;        /* the keyword and the type, never the hash */
	const char *command; /* the configuration it was in: "show running-config" */
} ip_secret_seen;

typedef struct ip_secrets {
	bool scanned;        /* a whole (unfiltered) configuration was read, so
			      * an unseen kind is absent, not unknown */
	ip_secret_seen kind[IP_SECRET__COUNT];
	/* The configurations read and not scanned yet: ip_secrets_of() scans
	 * them when it is first asked. Only a downgrade's judgement and the
	 * fact sheet ask, and reading every byte of every configuration for
	 * a type digit was a tenth of `lint` of a session log (bench/gate
	 * lint-log-ir). Copies, so that a caller's section may go; its lines
	 * live in the capture's arena. */
	ip_section *todo;
	size_t n_todo, cap_todo;
} ip_secrets;

const char *ip_secret_kind_name(ip_secret_kind k); /* "secret 9", "type 6" */

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

/* More entries than this in one boot list is no configuration a device
 * runs: the list is refused (an error diagnostic, the list left unknown),
 * which keeps the rules' work per device bounded (docs/input.md, "Input limits"). */
#define IP_MAX_BOOT_ENTRIES 1000u

/* More filesystems than this on one device is no device (a nine-switch
 * stack lists a few dozen): the listings past it are not read, with an
 * error. Every question about a filesystem name looks through them, and a
 * capture of 50 000 `dir flash-N:` or `show file systems` rows made the
 * parse alone quadratic (82 s). */
#define IP_MAX_FILESYSTEMS 1024u

typedef struct ip_boot_list {
	bool known;     /* a source was read that shows the whole list */
	bool filtered;  /* the source was filtered (| include), yet complete */
	ip_boot_entry *v;
	size_t n, cap;
	size_t dropped; /* entries past IP_MAX_BOOT_ENTRIES + 1: counted while
			 * reading, not kept (the list is refused anyway) */
	ip_span span;   /* the section or line that supplied the list */
	bool markers;   /* boot-start-marker/boot-end-marker seen */
} ip_boot_list;

/* The slot for one more entry, or NULL once the list holds more than
 * IP_MAX_BOOT_ENTRIES (the entry is then only counted in `dropped`): the
 * limit applies while reading, so 2.5 million `boot system` lines cost
 * neither memory nor work per line. */
ip_boot_entry *ip_boot_list_push(ip_boot_list *l, ip_arena *a);

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
	ip_text priority;      /* show switch: the Priority column */
	ip_text mac;           /* show switch: the MAC address column */
	ip_boot_list bootvar;  /* this member's BOOT variable at next reload
				* (show boot "Switch N" block / Boot Variables
				* on next reload); .known false when not captured */
	ip_text hw_version;    /* show switch: the H/W Version column */
} ip_member;

/* One `verify /md5` or `verify /sha512` run (DOMAIN.md §5):
 *   verify /md5 (flash:x.bin) = 410db2a7015eaa42b1fe71f1bf3d59a2   COMPUTED
 *   Verified (flash:x.bin) = 56604f86ee9b096b3deb622b52062f6b       VERIFIED
 *   %Error verifying flash:x.bin / Computed signature = … /
 *   Submitted signature = …                                          MISMATCH
 * A run whose output ends before any of these is INCOMPLETE: unknown,
 * never a pass. */
typedef enum ip_hash_algo { IP_HASH_ALGO_UNKNOWN = 0, IP_HASH_MD5, IP_HASH_SHA512 } ip_hash_algo;

typedef enum ip_verify_result {
	IP_VERIFY_INCOMPLETE = 0, /* no result line: the capture stops early */
	IP_VERIFY_COMPUTED,       /* hash printed; no expected hash was given */
	IP_VERIFY_VERIFIED,       /* the device found it equal to the expected hash */
	IP_VERIFY_MISMATCH,       /* the device found it different */
	IP_VERIFY_FAILED,         /* "%Error opening …": the file could not be read */
} ip_verify_result;

typedef struct ip_verification {
	ip_path file;          /* "flash:x.bin"; span on the file name text */
	ip_hash_algo algorithm;
	ip_text computed;      /* lower-case hex, span on the digits; NULL unknown */
	ip_text expected;      /* the hash typed after the file (or echoed by
				* "Submitted signature"); NULL when none */
	ip_verify_result result;
	const char *reason;    /* FAILED: the device's reason ("No such file or directory") */
	ip_span span;          /* the result line, else the command */
} ip_verification;

/* One row of `show ip interface brief` or `show interfaces status`:
 *   GigabitEthernet0/0/0   192.168.1.1  YES NVRAM  up                    up
 *   Gi1/0/2   AccessPoint  connected    8  a-full a-1000 10/100/1000BaseTX */
typedef struct ip_interface {
	ip_text name;       /* as printed: "GigabitEthernet0/0/0", "Gi1/0/2" */
	const char *key;    /* for matching across outputs: "gi0/0/0" (ip_interface_key) */
	ip_text address;    /* ip brief: "192.168.1.1", "unassigned" */
	ip_text status;     /* "up", "administratively down", "connected", "err-disabled" */
	ip_text protocol;   /* ip brief only: "up", "down" */
	ip_text vlan;       /* interfaces status only: "8", "trunk", "routed" */
	ip_text description;/* interfaces status Name column; NULL when blank */
	bool up;            /* ip brief: up/up; interfaces status: connected (or up) */
	ip_span span;       /* the whole row */
} ip_interface;

/* A VRF a configuration names (issue 20, point 19): its definition
 *   vrf definition Mgmt-vrf          (IOS-XE; `ip vrf NAME` on classic IOS)
 * or an interface placed in it
 *   interface GigabitEthernet0/0
 *    vrf forwarding Mgmt-vrf         (`ip vrf forwarding NAME` on classic IOS)
 * Cat9k's management port sits in Mgmt-vrf, an ISR4k's in Mgmt-intf. */
typedef struct ip_vrf_ref {
	ip_text name;      /* "Mgmt-vrf", span on the name */
	ip_text interface; /* the interface whose `vrf forwarding` names it; s NULL
			    * for a definition line */
} ip_vrf_ref;

typedef struct ip_interface_list {
	bool known;         /* the command's table was read */
	const char *filter; /* "| include ..." it was captured with, or NULL */
	ip_interface *v;
	size_t n, cap;
	ip_span span;       /* the table's header line, else its first row */
} ip_interface_list;

/* A routing or discovery neighbour:
 *   OSPF  10.0.0.1  0  FULL/  -  00:00:32  10.0.1.1  Port-channel1
 *   BGP   10.0.0.1  4  65000 2746767 2396274 512185206 0 0 3w0d  558720
 *   CDP   R1-PBX    Gig 1/0/10  144  R S I  2811  Fas 0/0 */
typedef struct ip_neighbor {
	ip_text id;         /* OSPF neighbour ID, BGP neighbour address, CDP device ID */
	ip_text address;    /* OSPF interface address; NULL otherwise */
	ip_text interface;  /* OSPF Interface, CDP Local Intrfce; NULL for BGP */
	const char *if_key; /* interface as ip_interface_key, or NULL */
	ip_text state;      /* OSPF "FULL/DR", BGP "558720" or "Idle (Admin)", CDP NULL */
	ip_text remote;     /* BGP remote AS, CDP Port ID; NULL for OSPF */
	ip_text platform;   /* CDP Platform */
	ip_text up_down;    /* BGP Up/Down column */
	const char *family; /* BGP "For address family:" ("VPNv4 Unicast"), or NULL */
	bool established;   /* OSPF FULL or 2WAY, BGP a prefix count, CDP listed */
	ip_span span;       /* the whole row (the first line of a wrapped row) */
} ip_neighbor;

typedef struct ip_neighbor_list {
	bool known;         /* the command's table was read */
	const char *filter;
	ip_neighbor *v;
	size_t n, cap;
	ip_span span;
} ip_neighbor_list;

/* The other route processor or supervisor: dual-RP ASR1000, dual
 * supervisors (Cat4500/6500/9400/9600), StackWise Virtual. Read from
 * show redundancy, show redundancy states and the "Standby" lines of show
 * bootvar (parsers/show_redundancy.c, parsers/show_boot.c). Unknown stays
 * unknown: an unset text is NULL, an unset state IP_PEER_UNKNOWN. */
typedef enum ip_peer_state {
	IP_PEER_UNKNOWN = 0, /* no capture says */
	IP_PEER_ABSENT,      /* simplex: the chassis has no second RP */
	IP_PEER_HOT,         /* "STANDBY HOT": ready to take over statefully */
	IP_PEER_COLD,        /* "STANDBY COLD", "STANDBY COLD-BULK", ... */
	IP_PEER_DISABLED,    /* "DISABLED" in a duplex chassis: present, down */
	IP_PEER_OTHER,       /* any other RF state (INITIALIZATION, ...) */
} ip_peer_state;

typedef enum ip_red_mode {
	IP_RED_MODE_UNKNOWN = 0,
	IP_RED_MODE_SSO,     /* "sso", "Stateful Switchover" */
	IP_RED_MODE_RPR,     /* "rpr", "rpr-plus", "Route Processor Redundancy" */
	IP_RED_MODE_NONE,    /* "Non-redundant", "Non Redundant" */
	IP_RED_MODE_OTHER,
} ip_red_mode;

typedef struct ip_redundancy {
	bool known;            /* show redundancy [states] was read */
	ip_text my_state;      /* "ACTIVE" */
	ip_text peer_state;    /* "STANDBY HOT", "DISABLED", as printed */
	ip_peer_state peer;    /* peer_state classified; span: peer_state's */
	ip_text hw_mode;       /* "Duplex", "Simplex" */
	ip_text mode_text;     /* operating redundancy mode, as printed */
	ip_red_mode mode;      /* mode_text classified */
	ip_text mode_configured;
	ip_text standby_location; /* "slot 7", "Switch 2" (SVL) */
	ip_text standby_image;    /* the peer's Image Version line */
	ip_boot_list active_boot; /* show redundancy: the current RP's BOOT */
	ip_boot_list standby_boot; /* the peer's BOOT (show redundancy) or
				    * "Standby BOOT variable" (show bootvar) */
	ip_register standby_confreg;      /* current value */
	ip_register standby_confreg_next; /* at the standby's next reload */
	ip_flag standby_bootvar; /* show bootvar: NO on "Standby not ready to
				  * show bootvar", YES when Standby lines were
				  * printed. A single-RP ASR1001 prints "not
				  * ready" too, so NO alone proves no peer. */
} ip_redundancy;

typedef struct ip_source {
	const char *file;
	ip_cmd cmd;
	const char *command;  /* typed or canonical command */
	bool inferred;
	uint32_t first_line, last_line;
} ip_source;

/* A fact two files of one device state differently when nothing says which
 * capture is newer (merge.c): the later file's value is kept for reading,
 * and the planner refuses, naming both places. */
typedef struct ip_source_conflict {
	const char *what;  /* "running version" */
	const char *value; /* the value kept, stated at `at` */
	const char *other; /* the other file's, at `other_at` */
	ip_span at, other_at;
	const char *why;   /* what ordered them, or why nothing did */
} ip_source_conflict;

/* --- The install state (issue 21) ---------------------------------------
 * What `show install summary | active | inactive | committed | uncommitted`
 * and `show install rollback` print on an IOS-XE device in install mode
 * (parsers/show_install.c shows the output). Kept as read, block by block:
 * the model answers the questions asked of it (which image the next reload
 * boots, which member lacks an SMU). */
typedef enum ip_install_view {
	IP_INSTALL_VIEW_SUMMARY = 0, /* every package: show install summary */
	IP_INSTALL_VIEW_ACTIVE,      /* the activated ones only (C, U) */
	IP_INSTALL_VIEW_INACTIVE,    /* the added, not activated ones (I) */
	IP_INSTALL_VIEW_COMMITTED,   /* C only */
	IP_INSTALL_VIEW_UNCOMMITTED, /* U and D only */
	/* IOS-XE 3.x (and later) per-package blocks, show_install.c: */
	IP_INSTALL_VIEW_RUNNING,     /* show version running: what runs now */
	IP_INSTALL_VIEW_PROVISIONED, /* show version provisioned: what the
				      * next reload loads (packages.conf) */
} ip_install_view;

/* The St column and its legend: "I - Inactive, U - Activated & Uncommitted,
 * C - Activated & Committed, D - Deactivated & Uncommitted". */
typedef enum ip_pkg_state {
	IP_PKG_UNKNOWN = 0,
	IP_PKG_INACTIVE,    /* I: added, not running, not booted */
	IP_PKG_UNCOMMITTED, /* U: running; reverts unless `install commit` */
	IP_PKG_COMMITTED,   /* C: running and kept across reloads */
	IP_PKG_DEACTIVATED, /* D: deactivated, comes back unless committed */
	/* "Package: Base, version: 03.02.00SE, status: active" (show version
	 * running / provisioned): the view says where it is; whether it is
	 * committed is not printed (the 3.x rollback timer tells). */
	IP_PKG_ACTIVE,
	IP_PKG_PROVISIONED, /* "status: provisioned" (UNCONFIRMED form) */
} ip_pkg_state;

/* One row: "IMG   C    17.06.03.0.3629" or
 * "SMU   U    flash:cat9k_iosxe.17.06.03.CSCwc85207.SPA.smu.bin". */
typedef struct ip_install_pkg {
	ip_text type;       /* "IMG", "SMU", "APSP", "APDP", as printed */
	ip_pkg_state state;
	ip_span state_span; /* the St letter */
	ip_text name;       /* the Filename/Version column: a version for an
			     * image, a file ("flash:...smu.bin") for a patch */
	ip_span span;       /* the whole row */
} ip_install_pkg;

/* One "[ Switch 1 2 ] Installed Package(s) Information:" block: the rows
 * hold for each location the brackets name. */
typedef struct ip_install_block {
	ip_install_view view;
	const char *where;    /* "Switch 1 2", "R0 R1", as printed */
	int *members;         /* "Switch 1 2": 1, 2; none for route processors */
	size_t n_members;
	const char **rps;     /* "R0 R1": "R0", "R1"; none for switches */
	size_t n_rps;
	ip_install_pkg *pkgs;
	size_t n_pkgs, cap_pkgs;
	bool none;            /* "No Inactive Packages": known to hold nothing */
	ip_span span;         /* the header line */
} ip_install_block;

/* A row of `show install rollback`: "5       No Label       No Description". */
typedef struct ip_install_rollback {
	ip_u64 id;
	ip_text label, description;
	ip_span span;
} ip_install_rollback;

typedef struct ip_install_state {
	ip_install_block *blocks; /* in capture order; a later capture of a
				   * view replaces that view's blocks */
	size_t n_blocks, cap_blocks;
	/* "Auto abort timer: active on install_activate, time before
	 * rollback - 01:49:42" / "Auto abort timer: inactive". */
	ip_flag timer;            /* YES running, NO inactive, else not shown */
	ip_text timer_operation;  /* "install_activate"; NULL when not printed */
	ip_u64 timer_left_s;      /* seconds left when the capture was taken */
	/* When the timer fires by the capture's own clock: its latest `show
	 * clock` or exec prompt timestamp plus the time left (capture_time.h);
	 * fires_known false when the capture states no time. */
	bool fires_known;
	int64_t fires_at;         /* seconds since 1970, wall clock in fires_zone */
	char fires_zone[8];
	bool fires_unsynced;      /* that clock was never set ('*' in show clock) */
	ip_span clock_at;         /* the clock line it counts from */
	bool timer_software;      /* the timer is IOS-XE 3.x's `software install
				   * ... auto-rollback` one (show software
				   * installer rollback-timer), not install's */
	ip_flag in_progress;      /* an install operation running (UNCONFIRMED
				   * form on IOS-XE, show_install.c) */
	bool rollback_known;      /* show install rollback was read */
	ip_install_rollback *rollbacks;
	size_t n_rollbacks, cap_rollbacks;
} ip_install_state;

typedef struct ip_device {
	const char *key;      /* the name sections were grouped by; "" = unnamed */
	const char *name;     /* "R1 (FTX1234ABCD)" when another box carries the
			       * hostname (device.c step 4), else NULL: read
			       * through ip_device_name */
	ip_text hostname;
	ip_os os;
	ip_span os_span;
	ip_text version;      /* token after "Version" on the Cisco IOS Software line */
	ip_text xe_version;   /* "Cisco IOS XE Software, Version 16.09.06" / "IOS XE Version:" */
	ip_text xe_version_line; /* that line as printed, from its start to the
				  * version: a plan's pre-check quotes it (the two
				  * forms differ); NULL when the version line itself
				  * is the XE release (IOS-XE 3.x switches) */
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
	ip_text operating_mode;   /* show version "Router operating mode:":
				   * "Autonomous", "Controller-Managed" (SD-WAN);
				   * NULL when not printed (before 17.2) */
	ip_flash_size *flash_sizes;
	size_t n_flash_sizes, cap_flash_sizes;
	ip_dram dram;             /* total DRAM, show version */
	ip_license *license;      /* show version's licensing lines, or NULL when
				   * none was read (ip_license_of) */
	ip_secrets *secrets;      /* secret kinds in the configurations read, or
				   * NULL when no configuration was (ip_secrets_of) */
	ip_rom_slot *rom_slots;   /* per-slot boot firmware, in first-seen order */
	size_t n_rom_slots, cap_rom_slots;
	ip_filesystem *filesystems;
	size_t n_filesystems, cap_filesystems;
	ip_boot_list boot_running;
	ip_boot_list boot_startup;
	ip_boot_list boot_config;   /* a config whose origin is unknown */
	ip_boot_list bootvar;       /* BOOT variable, next reload */
	ip_boot_list bootvar_current; /* "Current Boot Variables" where shown */
	ip_member *members;
	size_t n_members, cap_members;
	ip_span stack_impossible; /* a switch table row no stack can print (two
				   * '*' members, one number twice): the stack
				   * is unknown; line 0 when none (stack.h) */
	ip_source *sources;
	size_t n_sources, cap_sources;
	ip_verification *verifications; /* in capture order */
	size_t n_verifications, cap_verifications;
	ip_vrf_ref *vrfs;             /* VRF definitions and `vrf forwarding` lines */
	size_t n_vrfs, cap_vrfs;
	ip_text tftp_source_if;       /* `ip tftp source-interface IF` in a config */
	ip_text scp_source_if;        /* `ip scp source-interface IF` in a config */
	ip_interface_list if_brief;   /* show ip interface brief */
	ip_interface_list if_status;  /* show interfaces status */
	ip_neighbor_list ospf_neighbors;
	ip_neighbor_list bgp_neighbors;
	ip_neighbor_list cdp_neighbors;
	ip_source_conflict *conflicts; /* unordered disagreements, merge.c */
	size_t n_conflicts, cap_conflicts;
	ip_source_conflict *resolved;  /* disagreements the newer capture settled */
	size_t n_resolved, cap_resolved;
	ip_install_state install;     /* show install ... (issue 21) */
	ip_redundancy *redundancy; /* the standby RP / supervisor, or NULL when no
				    * capture speaks of one (read it through
				    * ip_redundancy_of): out of line, since most
				    * devices have none and the device is zeroed
				    * for every capture */
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
	/* Every file read, so that two files that disagree can be ordered by
	 * the times they carry (merge.c); NULL when parsing one section. */
	ip_capture *const *caps;
	size_t n_caps;
} ip_parse_ctx;

/* --- building ----------------------------------------------------------- */

ip_device_set *ip_device_set_new(void);
void ip_device_set_free(ip_device_set *s);

/* Read every file and build one device per hostname. A file that cannot be
 * read, or cut into sections, is an IP_DIAG_ERROR diagnostic in s->diags
 * about that file, and the other files are still read (issue 23 point 1);
 * problems inside the text are diagnostics too. Returns 0, or a negative
 * code when a parser failed (message in ip_error_last()). Runs on
 * ip_parallel_jobs() threads (IOSPLAN_JOBS), with the same result as on one;
 * do not call it from a thread of ip_parallel_run(). */
int ip_device_set_load(ip_device_set *s, const char *const *paths, size_t n);
/* The same from already-read captures (editors, archives, tests), on the
 * calling thread only: callers that run it on their own threads (audit
 * workers, the language server) get no threads of its own. */
int ip_device_set_add_captures(ip_device_set *s, ip_capture *const *caps,
			       size_t n);

/* The clean line `line` of `file`, or NULL (for quoting in messages). */
const ip_line *ip_device_set_line(const ip_device_set *s, const char *file, uint32_t line);

/* Find or create the filesystem `name` ("flash:") on dev; NULL when dev
 * already has IP_MAX_FILESYSTEMS others (the caller reports it). */
ip_filesystem *ip_device_filesystem(ip_device *dev, ip_arena *a,
				    const char *name);
/* The standby RP facts: ip_redundancy_of never NULL (all unknown when no
 * capture speaks of a standby); ip_device_redundancy makes them on the
 * first line that does. */
const ip_redundancy *ip_redundancy_of(const ip_device *dev);
ip_redundancy *ip_device_redundancy(ip_device *dev, ip_arena *a);
/* The same for the licensing lines and the configurations' secret kinds:
 * blocks most captures lack, kept out of the device (which every capture
 * zeroes) so that it stays small. */
const ip_license *ip_license_of(const ip_device *dev);
ip_license *ip_device_license(ip_device *dev, ip_arena *a);
/* The secret kinds, scanning the configurations read since the last ask:
 * a device is read by one thread at a time (as everywhere in the model). */
const ip_secrets *ip_secrets_of(const ip_device *dev);
ip_secrets *ip_device_secrets(ip_device *dev, ip_arena *a);
/* The slot named [name, name+len) (case-insensitive), added when new; NULL
 * past IP_MAX_ROM_SLOTS. */
ip_rom_slot *ip_device_rom_slot(ip_device *dev, ip_arena *a, const char *name, size_t len,
				ip_span span);
const ip_filesystem *ip_device_filesystem_find(const ip_device *dev,
					       const char *name);
const ip_file *ip_filesystem_file_find(const ip_filesystem *fs,
				       const char *path);
/* Whether `name` ("flash-1:") is among a filesystem's space-separated
 * `show file systems` aliases (NULL: none). */
bool ip_fs_alias_has(const char *aliases, const char *name);

/* Run the parser for one section against dev. */
int ip_section_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx);

const char *ip_os_name(ip_os os); /* "ios", "iosxe", NULL */

/* What every output calls the device: "R1", or "R1 (FTX1234ABCD)" when two
 * boxes of the input are named R1 (device.c step 4); NULL when the device
 * names itself nowhere. */
const char *ip_device_name(const ip_device *d);

/* An interface name in one form for every output that prints it:
 * "GigabitEthernet0/0/0", "Gi0/0/0" and CDP's "Gig 0/0/0" all give
 * "gi0/0/0". Arena-owned. */
const char *ip_interface_key(ip_arena *a, const char *name, size_t len);

/* "2 weeks, 2 days, 18 hours, 23 minutes" (show version uptime) in
 * minutes; false when the text is not an uptime. */
bool ip_uptime_minutes(const char *text, uint64_t *minutes);

#endif
