/* `iosplan audit`: the pieces behind lint/audit/cmd_audit.c. Private to lint/.
 *
 * The data flow, which keeps memory bounded whatever the fleet's size:
 *
 *   audit_walk.c   PATH... -> files (directories walked in name order,
 *                  archives streamed with libarchive), each read whole into
 *                  a malloc'd buffer, or a problem for its path
 *   audit_names.c  a directory's names in byte order, in bounded memory
 *   audit_group.c  files -> units: the files of one device (a folder holding
 *                  R1/show_version.txt, R1/running.cfg, ...) or one file
 *   audit_fleet.c  units of one hostname across folders -> one box, or
 *                  several named apart ("R1 (serial)"), in bounded memory
 *   audit_run.c    units -> workers (--jobs) -> results, written in input
 *                  order by one writer; at most a few units are in flight
 *   audit_device.c one unit -> a device set -> per device: checks, the
 *                  approved image, the planner's decision -> records
 *   audit_out.c    records -> table | jsonl | csv | markdown;
 *   audit_sarif.c  -> sarif; both add the fleet summary at the end.
 *
 * Ownership: a unit owns its file buffers until audit_device frees them;
 * a result owns its text and summaries until the writer frees them. */
#ifndef IOSPLAN_AUDIT_H
#define IOSPLAN_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "config.h"
#include "engine.h"
#include "image_catalog.h"
#include "plan.h"
#include "target_args.h"

#define IOSPLAN_AUDIT_FORMAT_VERSION 1

/* Backups are small; anything past this is not one (and would not fit the
 * memory bound): reported, not read. */
#define AUDIT_MAX_FILE_BYTES (16u * 1024u * 1024u)

/* --- files and units ------------------------------------------------------ */

typedef struct audit_file {
	char *path;  /* as shown: "backups/R1.log", "fleet.tgz:R1/running.cfg" */
	char *buf;   /* the whole file, malloc'd; NULL once handed to a parser */
	size_t len;
	int64_t mtime; /* 0: unknown (a zip or tar member without one) */
} audit_file;

typedef enum audit_unit_kind { UNIT_DEVICE = 0, UNIT_PROBLEM } audit_unit_kind;

/* Where a unit stands among the units of its hostname (audit_fleet.c). */
typedef enum audit_fleet_place {
	FLEET_UNIT_NONE = 0, /* no hostname, or past the fleet table's size */
	FLEET_UNIT_FIRST,    /* the first unit naming its hostname */
	FLEET_UNIT_REPEAT    /* an earlier unit named it too */
} audit_fleet_place;

typedef struct audit_unit {
	audit_unit_kind kind;
	size_t seq;          /* input order */
	audit_file *files;   /* UNIT_DEVICE: one device's files, in name order */
	size_t n_files, cap_files;
	char *name;          /* the device name when no file names a host: the
			      * folder of a split device, else the file's stem */
	char *problem_path;  /* UNIT_PROBLEM */
	char *problem;
	bool unused;         /* UNIT_PROBLEM: an input not used (exit 2), not a
			      * deliberate skip of what is no input (audit_walk) */
	char *key;           /* the hostname its files name (audit_file_key), or NULL */
	audit_fleet_place fleet;
	uint64_t fleet_key;  /* the key's hash in the fleet table */
	bool fleet_done;     /* audit_fleet_done was called for it */
} audit_unit;

void audit_unit_free(audit_unit *u);

/* --- walking the inputs --------------------------------------------------- */

/* The files the walk must not read (--output's report, existing and
 * temporary: issue 18, an audit that truncated its own input): a file
 * found to be one of them sets `hit` (malloc'd, its path) and ends the
 * walk, and the command refuses the path. */
typedef struct audit_guard {
	struct {
		dev_t dev;
		ino_t ino;
	} id[2];
	size_t n;
	char *hit;
} audit_guard;

/* True when st is one of the guarded files; sets g->hit to `path`. */
bool audit_guard_check(audit_guard *g, const char *path, dev_t dev, ino_t ino);

typedef struct audit_sink {
	/* a file read whole; takes buf. `group` names the folder it came from
	 * ("dir/R1", "fleet.tgz:R1"), for grouping */
	/* mtime: the file's (or archive member's) modification time, 0 when
	 * unknown: files that disagree are ordered by it last (merge.c) */
	void (*file)(void *ctx, const char *group, char *path, char *buf, size_t len,
		     int64_t mtime);
	/* unused: the path was meant as input and could not be used (exit 2);
	 * false for what is no input by its kind, skipped on purpose (a pipe,
	 * a socket, a device, a pseudo-file, a link inside a folder) */
	void (*problem)(void *ctx, const char *path, const char *message, bool unused);
	void *ctx;
	audit_guard *guard; /* or NULL */
} audit_sink;

typedef struct audit_progress audit_progress;

/* The walk read `bytes` more (archives: compressed bytes); NULL-safe. */
void audit_progress_read(audit_progress *pg, uint64_t bytes);

/* Walk every path in order. Returns the number of paths that could not be
 * opened at all (each also reported as a problem).
 *
 * What is read (issue 18): a PATH named on the command line is followed if
 * it is a symbolic link (the user named it); inside it nothing is: a
 * symbolic link is reported ("symbolic link ... not followed") and
 * skipped, even one that stays inside the tree (its target is walked
 * under its own name, once). Named pipes, devices, sockets and
 * pseudo-files (/proc, /sys) are reported and skipped, never opened for
 * reading. Every name is opened without following a link and without
 * blocking (O_NOFOLLOW | O_NONBLOCK, relative to its folder's descriptor)
 * and checked again on the descriptor, so a name swapped for a link or a
 * pipe between the look and the open is caught. A file is read to its end,
 * up to AUDIT_MAX_FILE_BYTES, whatever its size said: a backup that grows
 * or shrinks while it is read gives what was read. */
size_t audit_walk(const char *const *paths, size_t n, const audit_sink *sink, audit_progress *pg);

/* A directory's visible names (not starting with '.') in byte order,
 * holding about `run_bytes` of them at most (0: the default, 64 KiB; the
 * tests pass less to force several runs): audit_names.c says how. open()
 * reads the whole directory; NULL with errno set when it cannot. next()
 * returns NULL at the end, or on an error with errno set; its name is
 * valid until the next call. */
typedef struct audit_names audit_names;

audit_names *audit_names_open(const char *path, size_t run_bytes);
/* The same for an open directory; dirfd stays the caller's. */
audit_names *audit_names_openat(int dirfd, size_t run_bytes);
const char *audit_names_next(audit_names *l);
void audit_names_close(audit_names *l); /* NULL-safe */
/* The most bytes of names, offsets and merge windows held at once. */
size_t audit_names_peak(const audit_names *l);

/* The bytes the walk will read (regular files, archives at their size on
 * disk), for the progress bar; stops early past `limit` entries. */
uint64_t audit_walk_size(const char *const *paths, size_t n, uint64_t *files);

/* --- grouping -------------------------------------------------------------- */

typedef struct audit_grouper audit_grouper;

/* Units go to emit(ctx, unit), in input order, ownership with them. */
audit_grouper *audit_grouper_new(void (*emit)(void *ctx, audit_unit *u), void *ctx);
void audit_grouper_file(audit_grouper *g, const char *group, char *path, char *buf, size_t len,
			int64_t mtime);
void audit_grouper_problem(audit_grouper *g, const char *path, const char *message,
			   bool unused);
void audit_grouper_finish(audit_grouper *g); /* flushes, frees g */

/* The hostname a file names without parsing it (a prompt, "X uptime is",
 * "hostname X"); malloc'd, NULL when none. *backup is set for RANCID and
 * Oxidized files; *skip to a reason when the file is not IOS at all. */
char *audit_file_key(const char *buf, size_t len, bool *backup, const char **skip);

/* --- one fleet: boxes across units ---------------------------------------- */

/* Which box each device of the audit is, across units: audit_fleet.c says
 * the rule. One per run; `in_flight` bounds the units between the walk
 * and the writer. */
typedef struct audit_fleet audit_fleet;

typedef enum audit_fleet_box {
	FLEET_BOX_SAME = 0, /* named as its unit names it */
	FLEET_BOX_OTHER,    /* another box than the first of its hostname:
			     * "R1 (serial)" */
	FLEET_BOX_NAMED,    /* another box, named so by its own unit already */
	FLEET_BOX_AGAIN,    /* a backup of the first box: the same device */
	FLEET_BOX_OTHER_AGAIN, /* a backup of another box of the hostname */
	FLEET_BOX_NAMED_AGAIN  /* the same, named so by its own unit */
} audit_fleet_box;

audit_fleet *audit_fleet_new(size_t in_flight);
void audit_fleet_free(audit_fleet *f); /* NULL-safe */
/* The walk, in input order: the unit's place among its hostname's. */
void audit_fleet_unit(audit_fleet *f, audit_unit *u);
/* A worker: wait until every earlier unit is done (units that repeat a
 * hostname only); decide device i of the unit's set; say the unit is
 * done (every unit, once, whatever became of it). NULL f: no-ops. */
void audit_fleet_wait(audit_fleet *f, const audit_unit *u);
audit_fleet_box audit_fleet_decide(audit_fleet *f, const audit_unit *u, const ip_device_set *set,
				   size_t i);
void audit_fleet_done(audit_fleet *f, audit_unit *u);
/* Hostnames not followed: the table was full. */
size_t audit_fleet_untracked(const audit_fleet *f);

/* --- one device ------------------------------------------------------------ */

typedef enum audit_upgrade {
	UP_UNKNOWN = 0, /* no approved image for it */
	UP_CURRENT,     /* already runs the approved image */
	UP_PLANNABLE,   /* the planner would plan the upgrade now */
	UP_BLOCKED,     /* the planner refuses: see blocked_by */
	UP__COUNT
} audit_upgrade;

typedef enum audit_reload {
	RL_UNKNOWN = 0, /* a capture the boot simulator needs is missing */
	RL_OK,          /* comes back on the image it runs */
	RL_CHANGES,     /* boots another image */
	RL_FAILS,       /* stops in ROMMON */
	RL_UNCERTAIN,   /* platform-dependent, or from the network */
	RL__COUNT
} audit_reload;

const char *audit_upgrade_name(audit_upgrade u);
const char *audit_reload_name(audit_reload r);

/* A finding as every writer shows it (rule findings, and the disagreements
 * between a device's files as "source-conflict"). */
typedef struct audit_finding {
	const char *rule;
	ip_severity severity;
	const char *message;
	ip_span span;
	bool weak;
	const ip_finding *finding; /* the rule's, or NULL for source-conflict */
} audit_finding;

#define AUDIT_CONFLICT_RULE "source-conflict"
#define AUDIT_SHARED_MAX 256
#define AUDIT_UNUSED_MAX 100

typedef struct audit_device {
	const ip_device_set *set;
	const ip_device *dev;
	const char *name;           /* hostname, else device key, else unit name;
				     * "R1 (serial)" for another box of a
				     * hostname (audit_fleet.c) */
	audit_fleet_box fleet;
	const char *source;         /* "rancid", "oxidized", "rancid+capture", "capture" */
	const char **files;         /* the files its facts came from */
	size_t n_files;
	const ip_device_check *check;
	const ip_target *target;    /* the approved image, or NULL */
	const char *target_why;     /* why there is none, or NULL */
	const char *version;        /* the version shown (XE release on IOS-XE) */
	audit_upgrade upgrade;
	const char **blocked_by;    /* UP_BLOCKED: the planner's reasons */
	size_t n_blocked;
	audit_reload reload;
	const char *next_image;     /* what the next reload loads, or NULL */
	audit_finding *findings;    /* sorted by severity, then position */
	size_t n_findings;
	size_t n_errors, n_warnings, n_notes;
	const ip_diag **problems;   /* input diagnostics of its files (warning+) */
	size_t n_problems;
} audit_device;

/* --- output ---------------------------------------------------------------- */

/* What one device adds to the fleet summary (copied: the device set is gone
 * by the time the writer sees it), in one block that `rules` points to. */
typedef struct audit_tally {
	char *platform, *version; /* "unknown" when unknown */
	bool error;
	bool input_error;         /* one of its files could not be used */
	audit_upgrade upgrade;
	audit_reload reload;
	char **rules;             /* one per finding */
	size_t n_rules;
	char *input_error_path;   /* input_error: the file, malloc'd */
	bool again;               /* a backup of a device already counted */
	char *shared;             /* the hostname, when more than one box
				   * carries it (FLEET_BOX_OTHER/NAMED), or NULL */
} audit_tally;

typedef struct audit_count {
	char *key;
	size_t n, devices;
} audit_count;

typedef struct audit_summary {
	size_t devices, with_errors, problems, files;
	/* inputs that could not be used: problems that are not deliberate
	 * skips, and devices with a file not used; any makes the exit 2 */
	size_t with_input_errors;
	uint64_t bytes;
	size_t upgrade[UP__COUNT], reload[RL__COUNT];
	audit_count *rules, *platforms, *versions; /* sorted for printing */
	size_t n_rules, n_platforms, n_versions;
	size_t cap_rules, cap_platforms, cap_versions;
	/* audit_fleet.c: records that are backups of a device counted
	 * already; the hostnames several boxes carry (at most
	 * AUDIT_SHARED_MAX kept, all counted); hostnames not followed */
	size_t again;
	/* the inputs that could not be used, in input order: the first
	 * AUDIT_UNUSED_MAX paths kept (malloc'd), all counted in
	 * with_input_errors */
	char **unused;
	size_t n_unused, cap_unused;
	audit_count *shared;
	size_t n_shared, cap_shared, shared_dropped, untracked;
	double seconds;
} audit_summary;

void audit_summary_add(audit_summary *s, const audit_tally *t);
/* An input that could not be used: counted, its path kept (the first
 * AUDIT_UNUSED_MAX). */
void audit_summary_unused(audit_summary *s, const char *path);
void audit_summary_sort(audit_summary *s);
void audit_summary_free(audit_summary *s);
void audit_tally_free(audit_tally *t);

/* A format: render() runs on the workers, one device at a time, into a
 * memory stream; problem() renders a bad input; begin()/end() run on the
 * writer. Items of a list that needs separators (SARIF) start with ','
 * and the writer drops the first one (audit_out_chunk). */
typedef struct audit_format {
	const char *name;
	void (*begin)(FILE *out, const char *const *paths, size_t n);
	void (*device)(FILE *m, FILE *notes, const audit_device *d);
	void (*problem)(FILE *m, FILE *notes, const char *path, const char *message);
	void (*end)(FILE *out, const char *notes, size_t notes_len, const audit_summary *s);
	bool list;  /* chunks are ','-led list items */
} audit_format;

const audit_format *audit_format_find(const char *name);
extern const audit_format audit_sarif;

/* Shared text helpers (audit_out.c). */
const char *audit_span_file(ip_span s);
/* Frees what the writers keep per thread (audit_thread_end calls it). */
void audit_out_thread_end(void);
/* The summary as one JSON object; typed adds "type":"summary". */
void audit_summary_json(FILE *out, const audit_summary *s, bool typed);

/* --- running --------------------------------------------------------------- */

typedef struct audit_options {
	const audit_format *format;
	FILE *out;
	unsigned jobs;
	bool progress;
	const ip_config *config;
	ip_targets *targets;         /* shared; calls are serialised */
	const ip_image_catalog *catalog; /* for the "no approved image" test */
	audit_guard *guard;          /* --output's files, or NULL */
	ip_plan_options plan;
	audit_fleet *fleet;          /* set by audit_run */
} audit_options;

/* Process one unit on the calling thread: the rendered records in *text,
 * the problems for SARIF's notifications in *notes, one tally per device. */
typedef struct audit_result {
	size_t seq;
	char *text, *notes;
	size_t text_len, notes_len;
	audit_tally *tallies;
	size_t n_tallies;
	size_t problems, files;
	size_t unused;  /* problems that are inputs not used */
	char **unused_paths; /* their paths, malloc'd */
	uint64_t bytes;
} audit_result;

void audit_unit_process(audit_result *out, audit_unit *u, const audit_options *o);
void audit_result_free(audit_result *r);
/* Frees what audit_unit_process keeps per thread (its memory streams);
 * every thread that called it calls this before it ends. */
void audit_thread_end(void);

/* Walk, group, process and write everything; fills the summary. Returns
 * the number of paths that could not be opened at all. */
size_t audit_run(const char *const *paths, size_t n, const audit_options *o, audit_summary *s);

#endif
