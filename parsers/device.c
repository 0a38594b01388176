/* Assembling device states from captures.
 *
 * Sections are grouped per device before anything is parsed, so that the
 * parsers always write into the right device and facts never need merging:
 *   1. a section's device is the hostname in its prompt, else a hostname its
 *      content names ("R1 uptime is", "hostname R1"), else
 *   2. the one device its file talks about, else
 *   3. the one device of the whole input; with several, it is an error to
 *      guess, and the section is reported instead;
 *   4. a hostname is one device unless its files name different hardware
 *      (identity.h: serial numbers, else models): then each box is a device
 *      of its own; the box read first keeps "R1", every other is named
 *      "R1 (FTX1234ABCD)" (ip_device_name), as audit names them; a file
 *      that names no hardware joins the one box its folder holds; in
 *      another folder, or beside several, it is reported, not guessed.
 *      A box's capture without a serial and another with it still merge
 *      when nothing contradicts (issue 23, point 2).
 * Sections are then parsed per device in input order, so a later capture of
 * the same command supersedes an earlier one.
 *
 * ip_device_set_load() does the same work on several cores (see "Loading
 * on several threads" below); its output is the same bytes as on one. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "device.h"
#include "error.h"
#include "identity.h"
#include "merge.h"
#include "parallel.h"
#include "parsers.h"
#include "rx.h"

static ip_rx hint_rx[] = {
	{ "^(\\S+) uptime is ", 0, NULL },
	{ "^hostname (\\S+)$", 0, NULL },
};

ip_device_set *ip_device_set_new(void)
{
	ip_device_set *s = calloc(1, sizeof(*s));
	if (!s)
		ip_out_of_memory();
	s->arena = ip_arena_new();
	s->diags.arena = s->arena;
	return s;
}

void ip_device_set_free(ip_device_set *s)
{
	if (!s)
		return;
	ip_arena_free(s->arena);
	free(s);
}

/* A hostname the output itself names, without parsing it fully. */
static inline const char *content_hostname(ip_arena *a, const ip_section *s)
{
	int which;
	if (s->cmd == IP_CMD_SHOW_VERSION)
		which = 0;
	else if (s->cmd == IP_CMD_RUNNING_CONFIG || s->cmd == IP_CMD_STARTUP_CONFIG ||
		 s->cmd == IP_CMD_CONFIG)
		which = 1;
	else
		return NULL;
	ip_rx_match m;
	for (size_t i = 0; i < s->n_lines; i++) {
		const ip_line *l = &s->lines[i];
		if (l->len < 9 || (which == 1 && l->text[0] != 'h'))
			continue;
		if (ip_rx_exec(&hint_rx[which], l->text, l->len, &m))
			return ip_arena_strndup(a, l->text + m.start[1], m.end[1] - m.start[1]);
	}
	return NULL;
}

typedef struct pending {
	ip_section *sec;
	const char *key; /* device hostname, "" for the unnamed device */
	size_t file;
	ip_identity id;  /* the hardware the section names (identity.h) */
	bool labelled;   /* key is "R1 (serial)": step 4 split the hostname */
} pending;

/* The set's devices by key (open addressing), so that a capture naming
 * thousands of hosts stays linear. Sized for every section to name its own. */
typedef struct dev_index {
	ip_device **slot;
	size_t mask;
} dev_index;

static size_t key_hash(const char *k)
{
	size_t h = 2166136261u;
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
}

/* The slot of key in an open-addressing table of mask + 1 slots, or the
 * empty slot where it goes; key_at reads a slot's key (NULL: empty). One
 * probe for the device index and the hostname table of read_identities. */
static inline size_t key_probe(const void *table, size_t mask, const char *key,
			       const char *(*key_at)(const void *table, size_t i))
{
	size_t h = key_hash(key) & mask;
	const char *k;
	while ((k = key_at(table, h)) && strcmp(k, key) != 0)
		h = (h + 1) & mask;
	return h;
}

static const char *device_key_at(const void *table, size_t i)
{
	const ip_device *d = ((ip_device *const *)table)[i];
	return d ? d->key : NULL;
}

static ip_device **index_slot(const dev_index *ix, const char *key)
{
	return &ix->slot[key_probe(ix->slot, ix->mask, key, device_key_at)];
}

static void index_init(dev_index *ix, ip_device_set *set, size_t more)
{
	size_t size = 16;
	while (size < 2 * (set->n + more) + 1)
		size *= 2;
	ix->slot = ip_arena_alloc(set->arena, size * sizeof(*ix->slot));
	ix->mask = size - 1;
	for (size_t i = 0; i < set->n; i++)
		*index_slot(ix, set->v[i]->key) = set->v[i];
}

/* The index slot of key's device, created if new. */
static inline ip_device **device_for(ip_device_set *set, dev_index *ix, const pending *p)
{
	ip_device **at = index_slot(ix, p->key);
	if (*at)
		return at;
	ip_device *d = ip_arena_alloc(set->arena, sizeof(*d));
	d->key = p->key;
	d->name = p->labelled ? p->key : NULL;
	*IP_PUSH(set->arena, set->v, set->n, set->cap) = d;
	*at = d;
	return at;
}

/* The end of file p[at].file's run of pending sections: sections are
 * pending in file order, so each file's are one run (walking runs keeps
 * thousands of files linear). */
static size_t file_run_end(const pending *p, size_t n, size_t at)
{
	size_t e = at;
	while (e < n && p[e].file == p[at].file)
		e++;
	return e;
}

/* Step 2 for the run p[b, e): the one key its named sections agree on. */
static const char *file_key(const pending *p, size_t b, size_t e, bool *several)
{
	const char *key = NULL;
	*several = false;
	for (size_t i = b; i < e; i++)
		if (p[i].key) {
			*several |= key && strcmp(key, p[i].key) != 0;
			key = key ? key : p[i].key;
		}
	return key;
}

/* Steps 2 and 3 of the header comment. */
static void resolve_keys(ip_device_set *set, pending *p, size_t n)
{
	const char *only = NULL;
	bool several_devices = false;
	for (size_t i = 0; i < n; i++) {
		if (!p[i].key)
			continue;
		several_devices |= only && strcmp(only, p[i].key) != 0;
		only = only ? only : p[i].key;
	}
	for (size_t b = 0, e; b < n; b = e) {
		e = file_run_end(p, n, b);
		bool several;
		const char *fk = file_key(p, b, e, &several);
		for (size_t i = b; i < e; i++) {
			if (p[i].key)
				continue;
			if (fk && !several)
				p[i].key = fk;
			else if (!several_devices)
				p[i].key = only ? only : "";
			else if (p[i].sec->cmd != IP_CMD_OTHER && p[i].sec->cmd != IP_CMD_UNKNOWN)
				ip_diag_add(&set->diags, IP_DIAG_ERROR,
					    (ip_span){ p[i].sec->file, p[i].sec->first_line, 1,
						       p[i].sec->first_line, 1 },
					    "cannot tell which device this %s belongs to: the input "
					    "holds several devices and this file names none (add the "
					    "prompt line, or give each device's files separately)",
					    ip_cmd_name(p[i].sec->cmd));
		}
	}
}

/* --- Step 4: one hostname, several boxes ---------------------------------- */

typedef struct id_unit {
	const char *key;
	size_t file;
	ip_identity id;
	size_t box; /* index into the key's boxes, AMBIGUOUS when several fit */
} id_unit;

#define AMBIGUOUS ((size_t)-1)

typedef struct id_box {
	ip_identity id;
	const char *label;
} id_box;

static int unit_cmp(const void *a, const void *b)
{
	const id_unit *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->file > y->file) - (x->file < y->file);
}

/* Each (file, key)'s identity: the first serial and model its sections name. */
static id_unit *units_collect(ip_arena *a, const pending *p, size_t n, size_t *n_units)
{
	id_unit *u = NULL;
	size_t nu = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		if (!p[i].key || (!p[i].id.serial && !p[i].id.model))
			continue;
		/* Only the last unit: a session log of 480 devices is one file,
		 * and a device's sections are mostly together; a repeat is a
		 * second unit of the same key and file, which step 4 joins. */
		id_unit *x = nu && u[nu - 1].file == p[i].file && strcmp(u[nu - 1].key, p[i].key) == 0
				     ? &u[nu - 1] : NULL;
		if (!x) {
			x = IP_PUSH(a, u, nu, cap);
			*x = (id_unit){ p[i].key, p[i].file, { 0 }, 0 };
		}
		x->id.serial = x->id.serial ? x->id.serial : p[i].id.serial;
		x->id.model = x->id.model ? x->id.model : p[i].id.model;
	}
	*n_units = nu;
	return u;
}

/* The box unit u is of among boxes b[0, *nb), a new one if none fits. */
static size_t box_of(ip_arena *a, id_box **b, size_t *nb, size_t *cap, const id_unit *u)
{
	size_t fit = AMBIGUOUS, n_fit = 0;
	for (size_t k = 0; k < *nb; k++)
		if (!ip_identity_differs(&(*b)[k].id, &u->id) &&
		    (!u->id.serial || ((*b)[k].id.serial && !strcasecmp((*b)[k].id.serial,
									 u->id.serial))))
			fit = k, n_fit++;
	if (n_fit > 1)
		return AMBIGUOUS;
	if (n_fit == 1) {
		id_box *x = &(*b)[fit];
		x->id.model = x->id.model ? x->id.model : u->id.model;
		return fit;
	}
	*IP_PUSH(a, *b, *nb, *cap) = (id_box){ u->id, NULL };
	return *nb - 1;
}

static size_t dir_len(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? (size_t)(s - path) : 0;
}

/* For a file of key's that names no hardware (or fits several boxes): the
 * one box its folder's files are of, else AMBIGUOUS. */
static size_t box_by_folder(ip_capture *const *caps, const id_unit *u, size_t nu, size_t file)
{
	const char *path = caps[file]->path;
	size_t dl = dir_len(path), box = AMBIGUOUS;
	for (size_t k = 0; k < nu; k++) {
		const char *q = caps[u[k].file]->path;
		if (u[k].box == AMBIGUOUS || dir_len(q) != dl || strncmp(q, path, dl) != 0)
			continue;
		if (box != AMBIGUOUS && box != u[k].box)
			return AMBIGUOUS;
		box = u[k].box;
	}
	return box;
}

static const char *boxes_text(ip_arena *a, const id_box *b, size_t nb)
{
	const char *t = "";
	for (size_t k = 0; k < nb; k++)
		t = ip_arena_printf(a, "%s%s%s", t, k ? ", " : "", b[k].id.serial ? b[k].id.serial
										     : b[k].id.model);
	return t;
}

/* Rekey key's sections, whose units u[0, nu) are of boxes b[0, nb), nb > 1. */
static void split_key(ip_device_set *set, ip_capture *const *caps, pending *p, size_t n,
		      id_unit *u, size_t nu, const id_box *b, size_t nb)
{
	const char *key = u[0].key;
	size_t last_file = (size_t)-1, box = AMBIGUOUS;
	for (size_t i = 0; i < n; i++) {
		if (!p[i].key || strcmp(p[i].key, key) != 0)
			continue;
		if (p[i].file != last_file) {
			last_file = p[i].file;
			box = AMBIGUOUS;
			for (size_t k = 0; k < nu; k++)
				if (u[k].file == p[i].file)
					box = u[k].box;
			if (box == AMBIGUOUS)
				box = box_by_folder(caps, u, nu, p[i].file);
			if (box == AMBIGUOUS)
				ip_diag_add(&set->diags, IP_DIAG_ERROR,
					    (ip_span){ caps[p[i].file]->path, p[i].sec->first_line,
						       1, p[i].sec->first_line, 1 },
					    "cannot tell which device named '%s' this file is of: "
					    "%zu boxes carry that name (%s) and this file names "
					    "none of their serial numbers, nor is it beside one "
					    "box's files; its output is not read (put each box's "
					    "files in a folder of their own, or capture show "
					    "version with them)", *key ? key : "(unnamed)", nb,
					    boxes_text(set->arena, b, nb));
		}
		if (box == AMBIGUOUS) {
			p[i].key = NULL;
			continue;
		}
		p[i].key = b[box].label;
		p[i].labelled = b[box].label != key;
	}
}

/* A hostname's first file, and whether another file carries it too. */
typedef struct key_seen {
	const char *key;
	size_t file;
	bool shared;
} key_seen;

static const char *seen_key_at(const void *table, size_t i)
{
	return ((const key_seen *)table)[i].key;
}

static key_seen *seen_slot(key_seen *t, size_t mask, const char *key)
{
	return &t[key_probe(t, mask, key, seen_key_at)];
}

/* Identities are read only where step 4 needs them: the sections naming a
 * box under a hostname that more than one file carries. A fleet names each
 * device in one file, and reading every line of every show version for a
 * serial first cost `facts` 4 % (bench/gate facts-ir); so did sorting the
 * hostnames to find the shared ones, hence a hash table. */
static void read_identities(ip_arena *a, pending *p, size_t n)
{
	size_t size = 16;
	while (size < 2 * n + 1)
		size *= 2;
	key_seen *t = ip_arena_alloc(a, size * sizeof(*t));
	bool any = false;
	for (size_t i = 0; i < n; i++) {
		if (!p[i].key || !ip_section_names_box(p[i].sec))
			continue;
		key_seen *k = seen_slot(t, size - 1, p[i].key);
		if (!k->key)
			*k = (key_seen){ p[i].key, p[i].file, false };
		else if (k->file != p[i].file)
			any = k->shared = true;
	}
	for (size_t i = 0; any && i < n; i++)
		if (p[i].key && ip_section_names_box(p[i].sec) &&
		    seen_slot(t, size - 1, p[i].key)->shared)
			ip_section_identity(&p[i].id, a, p[i].sec);
}

/* Step 4 of the header comment. Linear in the sections when no hostname is
 * shared by two files (the usual fleet): only identities are sorted. */
static void split_by_identity(ip_device_set *set, ip_capture *const *caps, pending *p, size_t n)
{
	size_t nu;
	read_identities(set->arena, p, n);
	id_unit *u = units_collect(set->arena, p, n, &nu);
	if (nu < 2)
		return;
	qsort(u, nu, sizeof(*u), unit_cmp);
	for (size_t b0 = 0, e0; b0 < nu; b0 = e0) {
		for (e0 = b0 + 1; e0 < nu && strcmp(u[e0].key, u[b0].key) == 0;)
			e0++;
		id_box *box = NULL;
		size_t nb = 0, cap = 0;
		for (int serial_pass = 1; serial_pass >= 0; serial_pass--)
			for (size_t k = b0; k < e0; k++)
				if ((u[k].id.serial != NULL) == serial_pass)
					u[k].box = box_of(set->arena, &box, &nb, &cap, &u[k]);
		if (nb < 2)
			continue;
		/* The box read first (in input order) keeps the plain hostname,
		 * every other is "R1 (serial)": the one rule audit can keep too,
		 * since it writes each record as it reads (audit_fleet.c), so
		 * every command names each box alike (issue 23, point 2). */
		size_t first = u[b0].box != AMBIGUOUS ? u[b0].box : 0;
		for (size_t k = 0; k < nb; k++) {
			const char *id = box[k].id.serial ? box[k].id.serial : box[k].id.model;
			box[k].label = !*u[b0].key ? ip_arena_strdup(set->arena, id)
				     : k == first ? u[b0].key
						  : ip_arena_printf(set->arena, "%s (%s)", u[b0].key, id);
		}
		split_key(set, caps, p, n, &u[b0], e0 - b0, box, nb);
	}
}

ip_boot_entry *ip_boot_list_push(ip_boot_list *l, ip_arena *a)
{
	if (l->n > IP_MAX_BOOT_ENTRIES) {
		l->dropped++;
		return NULL;
	}
	return IP_PUSH(a, l->v, l->n, l->cap);
}

/* IP_MAX_BOOT_ENTRIES, checked after each section. */
static void refuse_long_boot_lists(ip_device *d, const ip_section *sec, ip_diags *diags)
{
	ip_boot_list *lists[] = { &d->boot_running, &d->boot_startup, &d->boot_config,
				  &d->bootvar, &d->bootvar_current };
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		ip_boot_list *l = lists[i];
		if (l->n <= IP_MAX_BOOT_ENTRIES)
			continue;
		ip_diag_add(diags, IP_DIAG_ERROR,
			    (ip_span){ sec->file, sec->first_line, 1, sec->first_line, 1 },
			    "%zu boot entries in this %s (more than %u): not a boot list a "
			    "device runs; it is not read", l->n + l->dropped, ip_cmd_name(sec->cmd),
			    IP_MAX_BOOT_ENTRIES);
		memset(l, 0, sizeof(*l));
	}
	for (size_t i = 0; i < d->n_members; i++) {
		ip_boot_list *l = &d->members[i].bootvar;
		if (l->n <= IP_MAX_BOOT_ENTRIES)
			continue;
		ip_diag_add(diags, IP_DIAG_ERROR, l->span, "%zu boot entries in switch %d's BOOT "
			    "variable (more than %u): not a boot list a device runs; it is not read",
			    l->n + l->dropped, d->members[i].number, IP_MAX_BOOT_ENTRIES);
		memset(l, 0, sizeof(*l));
	}
}

static void add_source(ip_device *d, ip_arena *a, const ip_section *s)
{
	ip_source *src = IP_PUSH(a, d->sources, d->n_sources, d->cap_sources);
	src->file = s->file;
	src->cmd = s->cmd;
	src->command = s->command ? s->command : s->canonical;
	src->inferred = s->inferred;
	src->first_line = s->first_line;
	src->last_line = s->last_line;
}

static bool readable(ip_cmd c)
{
	return c != IP_CMD_OTHER && c != IP_CMD_UNKNOWN && c != IP_CMD_CONFIG_MODE;
}

/* Whether p is parsed into a device (a section of no known device, or one
 * that is neither readable nor behind a prompt, is not). */
static inline bool to_parse(const pending *p)
{
	return p->key && (readable(p->sec->cmd) || p->sec->hostname);
}

/* One section into its device, and the checks made after each. */
static inline int parse_into(ip_device *d, const ip_section *sec, ip_parse_ctx *ctx)
{
	ip_merge_snap before;
	ip_merge_snapshot(&before, d);
	int rc = ip_section_parse(d, sec, ctx);
	if (rc < 0)
		return rc;
	ip_merge_compare(&before, d, sec, ctx);
	refuse_long_boot_lists(d, sec, ctx->diags);
	if (!d->hostname.s && sec->hostname) {
		/* Only the prompt names this device. */
		d->hostname.s = sec->hostname;
		d->hostname.span = ip_line_span(sec->prompt, sec->file, 0, strlen(sec->hostname));
	}
	return 0;
}

/* A file that cannot be read or cut into sections is that file's error,
 * not the run's (issue 23 point 1): it becomes an input diagnostic at the
 * file (and line, when the reader named one), and every other file is
 * still read. The readers' messages read "PATH[:LINE]: error: WHY"
 * (capture.c, section.c); the diagnostic keeps WHY and places it. */
static void file_failed(ip_diags *d, const char *path, const char *msg)
{
	size_t n = strlen(path);
	ip_span at = { path, 0, 0, 0, 0 };
	if (strncmp(msg, path, n) == 0 && msg[n] == ':') {
		const char *r = msg + n + 1;
		if (*r >= '0' && *r <= '9') {
			char *end;
			unsigned long line = strtoul(r, &end, 10);
			if (*end == ':' && line > 0 && line <= UINT32_MAX) {
				at = (ip_span){ path, (uint32_t)line, 1, (uint32_t)line, 1 };
				r = end + 1;
			}
		}
		if (strncmp(r, " error: ", 8) == 0)
			msg = r + 8;
	}
	ip_diag_add(d, IP_DIAG_ERROR, at, "%s", msg);
}

/* failed[f]: file f was not read (file_failed said why), so "no device
 * output" would be a second message about it. */
static void report_unreadable_files(ip_device_set *set, ip_capture *const *caps,
				    size_t n_caps, const pending *p, size_t n,
				    const bool *failed)
{
	size_t i = 0;
	for (size_t f = 0; f < n_caps; f++) {
		bool any = false;
		for (; i < n && p[i].file == f; i++)
			any |= readable(p[i].sec->cmd);
		if (!any && !failed[f])
			ip_diag_add(&set->diags, IP_DIAG_ERROR,
				    (ip_span){ caps[f]->path, 1, 1, 1, 1 },
				    "no device output iosplan reads was found in this file "
				    "(expected show version, a flash listing, show boot, or a "
				    "running/startup configuration)");
	}
}

static int parse_all(ip_device_set *s, pending *p, size_t n, ip_parse_ctx *ctx);

int ip_device_set_add_captures(ip_device_set *s, ip_capture *const *caps, size_t n_caps)
{
	pending *p = NULL;
	size_t n = 0, cap = 0;
	bool *failed = ip_arena_alloc(s->arena, (n_caps ? n_caps : 1) * sizeof(*failed));
	for (size_t f = 0; f < n_caps; f++)
		*IP_PUSH(s->arena, s->captures, s->n_captures, s->cap_captures) = caps[f];
	for (size_t f = 0; f < n_caps; f++) {
		ip_section *secs;
		size_t ns;
		if (ip_sections_split(&secs, &ns, s->arena, caps[f], &s->diags)) {
			file_failed(&s->diags, caps[f]->path, ip_error_last());
			failed[f] = true;
			continue;
		}
		for (size_t i = 0; i < ns; i++) {
			pending *x = IP_PUSH(s->arena, p, n, cap);
			x->sec = &secs[i];
			x->file = f;
			x->key = secs[i].hostname ? secs[i].hostname
						  : content_hostname(s->arena, &secs[i]);
		}
	}
	resolve_keys(s, p, n);
	split_by_identity(s, caps, p, n);
	report_unreadable_files(s, caps, n_caps, p, n, failed);
	ip_parse_ctx ctx = { s->arena, &s->diags, s->captures, s->n_captures };
	return parse_all(s, p, n, &ctx);
}

static int parse_all(ip_device_set *s, pending *p, size_t n, ip_parse_ctx *ctx)
{
	dev_index ix;
	index_init(&ix, s, n);
	for (size_t i = 0; i < n; i++) {
		if (!to_parse(&p[i]))
			continue;
		ip_device *d = *device_for(s, &ix, &p[i]);
		add_source(d, s->arena, p[i].sec);
		int rc = parse_into(d, p[i].sec, ctx);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* --- Loading on several threads ------------------------------------------
 *
 * The same steps as reading every file and calling
 * ip_device_set_add_captures(), in two parallel phases with the grouping
 * between them on one thread:
 *   1. per file: read it, cut it into sections, find each section's content
 *      key;
 *   2. per device: parse its sections in input order.
 * Arenas are not thread-safe, so each worker allocates from its own arena
 * and adds diagnostics to its own list; after each phase the arenas join
 * the set's, and the diagnostics are appended in file order (phase 1) or
 * section order (phase 2), which is the order the one-thread code adds
 * them in. Errors are kept per item, and the first one in input order is
 * the one returned, as on one thread. */

#define NONE ((size_t)-1)

/* The diagnostics one item added to worker `worker`'s list: [b, e). */
typedef struct diag_run {
	unsigned worker;
	size_t b, e;
} diag_run;

typedef struct worker_out {
	ip_arena *arena;
	ip_diags diags;
} worker_out;

typedef struct file_work {
	const char *path;
	ip_capture *cap;
	ip_section *secs;
	size_t n_secs;
	const char **keys; /* each section's content key, or NULL */
	int read_rc, split_rc;
	const char *message; /* ip_error_last() of the failure */
	diag_run diags;
} file_work;

typedef struct parse_work {
	int rc;
	const char *message;
	diag_run diags;
} parse_work;

typedef struct load_job {
	ip_device_set *set;
	worker_out *w;
	file_work *files;
	pending *p;
	parse_work *parsed; /* per pending section */
	dev_index ix;
	size_t *first, *next; /* each index slot's chain of pending sections */
	size_t *todo;         /* the index slots of the devices to parse */
} load_job;

/* A worker's arena starts at huge-page chunks: each of 2 000 files is a
 * few KiB, and growing from 16 KiB a page at a time spent more time in
 * page faults than the second core saved. */
#define WORKER_CHUNK (4u * 1024u * 1024u)

/* Worker 0 is the calling thread, and allocates from the set's arena, which
 * no other worker touches; the others from their own. */
static void workers_start(ip_device_set *s, worker_out *w, unsigned jobs)
{
	for (unsigned i = 0; i < jobs; i++) {
		w[i] = (worker_out){ .arena = i ? ip_arena_new_sized(WORKER_CHUNK) : s->arena };
		w[i].diags.arena = w[i].arena;
	}
}

/* The workers' memory becomes the set's; their diagnostic lists stay
 * readable (they live in that memory) until they are appended. */
static void workers_finish(ip_device_set *s, worker_out *w, unsigned jobs)
{
	for (unsigned i = 1; i < jobs; i++)
		ip_arena_adopt(s->arena, w[i].arena);
}

static void diags_append(ip_diags *to, const worker_out *w, diag_run r)
{
	for (size_t i = r.b; i < r.e; i++)
		*IP_PUSH(to->arena, to->v, to->n, to->cap) = w[r.worker].diags.v[i];
}

/* Phase 1, for file f. */
static void read_file(void *ctx, size_t f, unsigned worker)
{
	load_job *j = ctx;
	file_work *fw = &j->files[f];
	worker_out *w = &j->w[worker];
	fw->diags = (diag_run){ worker, w->diags.n, w->diags.n };
	fw->read_rc = ip_capture_read(&fw->cap, w->arena, fw->path);
	if (fw->read_rc) {
		fw->message = ip_arena_strdup(w->arena, ip_error_last());
		return;
	}
	fw->split_rc = ip_sections_split(&fw->secs, &fw->n_secs, w->arena, fw->cap, &w->diags);
	fw->diags.e = w->diags.n;
	if (fw->split_rc) {
		fw->message = ip_arena_strdup(w->arena, ip_error_last());
		return;
	}
	fw->keys = ip_arena_alloc(w->arena, (fw->n_secs ? fw->n_secs : 1) * sizeof(*fw->keys));
	for (size_t i = 0; i < fw->n_secs; i++)
		fw->keys[i] = fw->secs[i].hostname ? fw->secs[i].hostname
						   : content_hostname(w->arena, &fw->secs[i]);
}

/* After phase 1: the captures, diagnostics and pending sections in file
 * order, a file that failed left out with its error, in the order the
 * one-thread code says them (the reading errors first, as it reads every
 * file before cutting any). *n_caps: the files read; failed[f] of those. */
static void files_collect(load_job *j, size_t n_files, ip_capture ***caps, size_t *n_caps,
			  bool **failed, size_t *n)
{
	ip_device_set *s = j->set;
	for (size_t f = 0; f < n_files; f++)
		if (j->files[f].read_rc)
			file_failed(&s->diags, j->files[f].path, j->files[f].message);
	*caps = ip_arena_alloc(s->arena, (n_files ? n_files : 1) * sizeof(**caps));
	*failed = ip_arena_alloc(s->arena, (n_files ? n_files : 1) * sizeof(**failed));
	*n_caps = 0;
	size_t cap = 0;
	for (size_t f = 0; f < n_files; f++) {
		const file_work *fw = &j->files[f];
		if (fw->read_rc)
			continue;
		size_t k = (*n_caps)++;
		(*caps)[k] = fw->cap;
		*IP_PUSH(s->arena, s->captures, s->n_captures, s->cap_captures) = fw->cap;
		diags_append(&s->diags, j->w, fw->diags);
		if (fw->split_rc) {
			file_failed(&s->diags, fw->path, fw->message);
			(*failed)[k] = true;
			continue;
		}
		for (size_t i = 0; i < fw->n_secs; i++)
			*IP_PUSH(s->arena, j->p, *n, cap) =
				(pending){ &fw->secs[i], fw->keys[i], k, { 0 }, false };
	}
}

/* Between the phases, on one thread: each section's device, created in
 * section order as on one thread, and each device's chain of sections. */
static size_t devices_assign(load_job *j, size_t n)
{
	ip_device_set *s = j->set;
	index_init(&j->ix, s, n);
	size_t slots = j->ix.mask + 1;
	size_t *dev = ip_arena_alloc_raw(s->arena, (n ? n : 1) * sizeof(*dev));
	for (size_t i = 0; i < n; i++) {
		dev[i] = NONE;
		if (!to_parse(&j->p[i]))
			continue;
		ip_device **at = device_for(s, &j->ix, &j->p[i]);
		dev[i] = (size_t)(at - j->ix.slot);
		add_source(*at, s->arena, j->p[i].sec);
	}
	j->first = ip_arena_alloc_raw(s->arena, slots * sizeof(*j->first));
	j->next = ip_arena_alloc_raw(s->arena, (n ? n : 1) * sizeof(*j->next));
	j->todo = ip_arena_alloc_raw(s->arena, slots * sizeof(*j->todo));
	memset(j->first, 0xff, slots * sizeof(*j->first)); /* NONE */
	for (size_t i = n; i-- > 0;)
		if (dev[i] != NONE) {
			j->next[i] = j->first[dev[i]];
			j->first[dev[i]] = i;
		}
	size_t n_todo = 0;
	for (size_t h = 0; h < slots; h++)
		if (j->first[h] != NONE)
			j->todo[n_todo++] = h;
	return n_todo;
}

/* Phase 2, for the k-th device to parse. Devices share nothing, so each
 * worker writes only into its own device. */
static void parse_device(void *ctx, size_t k, unsigned worker)
{
	load_job *j = ctx;
	worker_out *w = &j->w[worker];
	ip_device *d = j->ix.slot[j->todo[k]];
	ip_parse_ctx pc = { w->arena, &w->diags, j->set->captures, j->set->n_captures };
	for (size_t i = j->first[j->todo[k]]; i != NONE; i = j->next[i]) {
		parse_work *pw = &j->parsed[i];
		pw->diags = (diag_run){ worker, w->diags.n, 0 };
		pw->rc = parse_into(d, j->p[i].sec, &pc);
		pw->diags.e = w->diags.n;
		if (pw->rc < 0) {
			pw->message = ip_arena_strdup(w->arena, ip_error_last());
			return;
		}
	}
}

/* After phase 2: diagnostics in section order, up to the first error. */
static int parsed_collect(load_job *j, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!to_parse(&j->p[i]))
			continue;
		const parse_work *pw = &j->parsed[i];
		diags_append(&j->set->diags, j->w, pw->diags);
		if (pw->rc < 0)
			return ip_error_set(pw->rc, "%s", pw->message);
	}
	return 0;
}

static int load_parallel(ip_device_set *s, const char *const *paths, size_t n_files,
			 unsigned jobs)
{
	load_job j = { .set = s };
	j.w = ip_arena_alloc(s->arena, jobs * sizeof(*j.w));
	j.files = ip_arena_alloc(s->arena, n_files * sizeof(*j.files));
	for (size_t f = 0; f < n_files; f++)
		j.files[f].path = paths[f];
	workers_start(s, j.w, jobs);
	ip_parallel_run(n_files, jobs, read_file, &j);
	ip_capture **caps = NULL;
	bool *failed = NULL;
	size_t n = 0, n_caps = 0;
	files_collect(&j, n_files, &caps, &n_caps, &failed, &n);
	resolve_keys(s, j.p, n);
	split_by_identity(s, caps, j.p, n);
	report_unreadable_files(s, caps, n_caps, j.p, n, failed);
	size_t n_todo = devices_assign(&j, n);
	j.parsed = ip_arena_alloc(s->arena, (n ? n : 1) * sizeof(*j.parsed));
	/* the same arenas again: phase 1's chunks still have room */
	for (unsigned i = 0; i < jobs; i++)
		j.w[i].diags = (ip_diags){ .arena = j.w[i].arena };
	ip_parallel_run(n_todo, jobs, parse_device, &j);
	int rc = parsed_collect(&j, n);
	workers_finish(s, j.w, jobs);
	return rc;
}

int ip_device_set_load(ip_device_set *s, const char *const *paths, size_t n)
{
	unsigned jobs = ip_parallel_jobs();
	if (jobs > 1 && n > 1)
		return load_parallel(s, paths, n, jobs);
	ip_capture **caps = ip_arena_alloc(s->arena, (n ? n : 1) * sizeof(*caps));
	size_t read = 0;
	for (size_t i = 0; i < n; i++) {
		if (ip_capture_read(&caps[read], s->arena, paths[i]) == 0)
			read++;
		else
			file_failed(&s->diags, paths[i], ip_error_last());
	}
	return ip_device_set_add_captures(s, caps, read);
}

int ip_section_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	switch (sec->cmd) {
	case IP_CMD_SHOW_VERSION: return show_version_parse(dev, sec, ctx);
	case IP_CMD_FLASH_LISTING: return flash_listing_parse(dev, sec, ctx);
	case IP_CMD_FILE_SYSTEMS: return file_systems_parse(dev, sec, ctx);
	case IP_CMD_RUNNING_CONFIG:
	case IP_CMD_STARTUP_CONFIG:
	case IP_CMD_CONFIG:
		config_secrets_defer(dev, sec, ctx->arena);
		return config_boot_parse(dev, sec, ctx);
	case IP_CMD_SHOW_BOOT: return show_boot_parse(dev, sec, ctx);
	case IP_CMD_SHOW_SWITCH: return show_switch_parse(dev, sec, ctx);
	case IP_CMD_INSTALL_SUMMARY:
	case IP_CMD_SHOW_INSTALL: return show_install_parse(dev, sec, ctx);
	case IP_CMD_VERIFY: return verify_md5_parse(dev, sec, ctx);
	case IP_CMD_IP_INT_BRIEF: return show_ip_int_brief_parse(dev, sec, ctx);
	case IP_CMD_INTERFACES_STATUS: return show_interfaces_status_parse(dev, sec, ctx);
	case IP_CMD_OSPF_NEIGHBOR: return show_ip_ospf_neighbor_parse(dev, sec, ctx);
	case IP_CMD_BGP_SUMMARY: return show_ip_bgp_summary_parse(dev, sec, ctx);
	case IP_CMD_CDP_NEIGHBORS: return show_cdp_neighbors_parse(dev, sec, ctx);
	case IP_CMD_REDUNDANCY: return show_redundancy_parse(dev, sec, ctx);
	case IP_CMD_ROM_MONITOR: return show_rom_monitor_parse(dev, sec, ctx);
	case IP_CMD_SHOW_PLATFORM: return show_platform_parse(dev, sec, ctx);
	case IP_CMD_HW_PROGRAMMABLE: return show_hw_programmable_parse(dev, sec, ctx);
	case IP_CMD_RANCID: return rancid_parse(dev, sec, ctx);
	case IP_CMD_OXIDIZED: return oxidized_parse(dev, sec, ctx);
	default: return 0;
	}
}

ip_filesystem *ip_device_filesystem(ip_device *dev, ip_arena *a, const char *name)
{
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (strcmp(dev->filesystems[i].name, name) == 0)
			return &dev->filesystems[i];
	if (dev->n_filesystems >= IP_MAX_FILESYSTEMS)
		return NULL;
	ip_filesystem *fs = IP_PUSH(a, dev->filesystems, dev->n_filesystems, dev->cap_filesystems);
	fs->name = ip_arena_strdup(a, name);
	return fs;
}

const ip_redundancy *ip_redundancy_of(const ip_device *dev)
{
	static const ip_redundancy none; /* every fact unknown */
	return dev->redundancy ? dev->redundancy : &none;
}

ip_redundancy *ip_device_redundancy(ip_device *dev, ip_arena *a)
{
	if (!dev->redundancy)
		dev->redundancy = ip_arena_alloc(a, sizeof(*dev->redundancy));
	return dev->redundancy;
}

const ip_license *ip_license_of(const ip_device *dev)
{
	static const ip_license none;
	return dev->license ? dev->license : &none;
}

ip_license *ip_device_license(ip_device *dev, ip_arena *a)
{
	if (!dev->license)
		dev->license = ip_arena_alloc(a, sizeof(*dev->license));
	return dev->license;
}

const ip_secrets *ip_secrets_of(const ip_device *dev)
{
	static const ip_secrets none;
	ip_secrets *s = dev->secrets;
	if (!s)
		return &none;
	for (size_t i = 0; i < s->n_todo; i++)
		config_secrets_scan(s, &s->todo[i]);
	s->n_todo = 0;
	return s;
}

ip_secrets *ip_device_secrets(ip_device *dev, ip_arena *a)
{
	if (!dev->secrets)
		dev->secrets = ip_arena_alloc(a, sizeof(*dev->secrets));
	return dev->secrets;
}

ip_rom_slot *ip_device_rom_slot(ip_device *dev, ip_arena *a, const char *name, size_t len,
				ip_span span)
{
	for (size_t i = 0; i < dev->n_rom_slots; i++)
		if (strlen(dev->rom_slots[i].slot) == len &&
		    strncasecmp(dev->rom_slots[i].slot, name, len) == 0)
			return &dev->rom_slots[i];
	if (dev->n_rom_slots >= IP_MAX_ROM_SLOTS)
		return NULL;
	ip_rom_slot *r = IP_PUSH(a, dev->rom_slots, dev->n_rom_slots, dev->cap_rom_slots);
	char *s = ip_arena_strndup(a, name, len);
	for (char *c = s; *c; c++)
		*c = (char)toupper((unsigned char)*c);
	r->slot = s;
	r->span = span;
	return r;
}

const ip_filesystem *ip_device_filesystem_find(const ip_device *dev, const char *name)
{
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (strcmp(dev->filesystems[i].name, name) == 0)
			return &dev->filesystems[i];
	return NULL;
}

bool ip_fs_alias_has(const char *aliases, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = aliases; p && *p;) {
		while (*p == ' ')
			p++;
		size_t k = strcspn(p, " ");
		if (k == n && memcmp(p, name, n) == 0)
			return true;
		p += k;
	}
	return false;
}

/* The parsers' own identity of a listing line (rancid.c merging two
 * listings of one filesystem): the exact bytes the device printed, whatever
 * the letter-case policy, since two printed lines are one line only when
 * their bytes are. It sits below the model and answers no boot question;
 * "does this entry name a file?" is parsers/model/fs_model.h's
 * ip_fs_lookup, under the file_name_case setting. */
const ip_file *ip_filesystem_file_find(const ip_filesystem *fs, const char *path)
{
	for (size_t i = 0; i < fs->n_files; i++)
		if (strcmp(fs->files[i].name, path) == 0)
			return &fs->files[i];
	return NULL;
}

const ip_line *ip_device_set_line(const ip_device_set *s, const char *file, uint32_t line)
{
	for (size_t i = 0; i < s->n_captures; i++) {
		const ip_capture *c = s->captures[i];
		if (file && strcmp(c->path, file) == 0 && line >= 1 && line <= c->n_lines)
			return &c->lines[line - 1];
	}
	return NULL;
}

const char *ip_os_name(ip_os os)
{
	return os == IP_OS_IOS ? "ios" : os == IP_OS_IOSXE ? "iosxe" : NULL;
}

const char *ip_device_name(const ip_device *d)
{
	if (d->name)
		return d->name;
	if (d->hostname.s)
		return d->hostname.s;
	return d->key && *d->key ? d->key : NULL;
}
