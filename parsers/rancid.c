/* RANCID's Cisco backups (rancid -t cisco, lib/ios.pm): a comment block
 * built from show version, show boot and the flash listings, then the
 * running configuration.
 *
 *   !RANCID-CONTENT-TYPE: cisco
 *   !
 *   !Chassis type: WS-C2960X-48FPD-L
 *   !Image: Software: C2960X-UNIVERSALK9-M, 15.2(7)E9, RELEASE SOFTWARE (fc2)
 *   !Image: flash:c2960x-universalk9-mz.152-7.E9.bin
 *   !BootFlash: BOOT path-list      : flash:c2960x-universalk9-mz.152-7.E9.bin
 *   !Variable: BOOT variable = disk0:c7200-adventerprisek9-mz.152-4.M11.bin,1;
 *   !Flash: Directory of flash:/
 *   !Flash:     2  -rwx    26775552   Mar 5 2026 09:31:10 +00:00  c2960x-….bin
 *   !Flash:        -rwx                                           vlan.dat
 *   !Flash: 122185728 bytes total (92 MB free)
 *   !Flash: bootflash: 7194652672 bytes total (5 GB free)   (dir /all bootflash:)
 *   !
 *   config-register 0x2102        <- show version's register, not a config line
 *   !
 *   version 15.2
 *   hostname ACC-SW-01
 *   …
 *
 * The "!BootFlash:"/"!Variable:" lines are show boot output and the
 * "!Flash:" lines a flash listing behind a prefix: they go, prefix cut, to
 * show_boot.c and flash_listing.c with their raw columns kept. RANCID
 * changes two things there:
 * - the free space is rounded DOWN to whole KB, MB or GB ("92 MB free" is
 *   92 MiB to 93 MiB - 1 byte; "< 1KB free" is 1 to 1023 bytes), so it is
 *   stored as a bound (ip_filesystem.free_is_bound, free.v .. free_max),
 *   and the "bytes available" form keeps no total at all;
 * - volatile files (vlan.dat, dhcp_*.txt, syslog, tracelogs …) lose their
 *   index, size and date: they are kept as files of unknown size.
 * The "config-register" line RANCID writes above the configuration is
 * show version's "Configuration register is …" (with its "(will be …)"
 * part), so it sets the current register, not the configuration's hint.
 * A content type other than "cisco" (cisco-nx, cisco-xr, juniper …) is not
 * IOS: its comments are not read. The configuration is a section of its
 * own (section.c ends the block at its first line that is not a comment). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "backup.h"
#include "rx.h"

enum { RX_TOTAL, RX_FREE, RX_BLANKED, RX_REGISTER, RX_DEVICE };

static ip_rx rancid_rx[] = {
	[RX_TOTAL] = { "^\\s*\\d+\\s+bytes\\s+total\\s+\\(((\\d+) (KB|MB|GB)|< 1KB|0 bytes) free\\)", 0, NULL },
	[RX_FREE] = { "^\\s*((\\d+) (KB|MB|GB)|< 1KB|0 bytes) free\\s*$", 0, NULL },
	/* index and permissions may stay, size and date are blanked */
	[RX_BLANKED] = { "^\\s*(?:\\d+\\s+)?(?:[-a-zA-Z]{2,10}\\s+)?(\\S+)$", 0, NULL },
	[RX_REGISTER] = { "^config-register\\s+(0x[0-9A-Fa-f]+)(?:\\s*\\(will be "
			  "(0x[0-9A-Fa-f]+) at next reload\\))?\\s*$", 0, NULL },
	[RX_DEVICE] = { "^([a-zA-Z][a-zA-Z0-9_-]*:)(?: |$)", 0, NULL },
};

#define PREFIX(l, lit) ((l)->len >= sizeof(lit) - 1 && memcmp((l)->text, (lit), sizeof(lit) - 1) == 0)

/* A rounded free space, to be stored once the listing is parsed. */
typedef struct rounded {
	uint32_t lineno;
	uint64_t lo, hi;
	bool has_total;
	ip_span span;
} rounded;

typedef struct blanked {
	const char *name;
	ip_span span;
} blanked;

enum { MAX_ROUNDED = 8, MAX_BLANKED = 64 };

typedef struct flash_grp {
	ip_line *v;
	size_t n, cap;
	rounded r[MAX_ROUNDED];
	size_t n_r;
	blanked b[MAX_BLANKED];
	size_t n_b;
} flash_grp;

typedef struct rancid {
	ip_backup bk;
	const ip_section *sec;
	ip_parse_ctx *ctx;
	ip_line *boot;
	size_t n_boot, cap_boot;
} rancid;

/* "92 MB" -> [92 MiB, 93 MiB - 1]; "< 1KB" -> [1, 1023]; "0 bytes" -> 0. */
static bool bound_read(const ip_line *l, const ip_rx_match *m, uint64_t *lo, uint64_t *hi)
{
	const char *t = l->text;
	if (!ip_rx_group_set(m, 2)) {
		bool zero = t[m->start[1]] == '0';
		*lo = zero ? 0 : 1;
		*hi = zero ? 0 : 1023;
		return true;
	}
	errno = 0;
	unsigned long long v = strtoull(t + m->start[2], NULL, 10);
	char u = t[m->start[3]];
	unsigned shift = u == 'K' ? 10 : u == 'M' ? 20 : 30;
	if (errno == ERANGE || v >= (UINT64_MAX >> shift) - 1)
		return false;
	*lo = (uint64_t)v << shift;
	*hi = (((uint64_t)v + 1) << shift) - 1;
	return true;
}

/* A totals line RANCID rounded becomes one flash_listing.c reads, with a
 * free count of 0 that finish_group() replaces by the bound. */
static bool rounded_line(rancid *r, flash_grp *g, ip_line *l)
{
	ip_rx_match m;
	bool total = ip_rx_exec(&rancid_rx[RX_TOTAL], l->text, l->len, &m);
	if (!total && !ip_rx_exec(&rancid_rx[RX_FREE], l->text, l->len, &m))
		return false;
	rounded x = { .lineno = l->lineno, .has_total = total };
	if (!bound_read(l, &m, &x.lo, &x.hi) || g->n_r == MAX_ROUNDED)
		return false;
	x.span = ip_line_span(l, r->sec->file, m.start[1], m.end[1]);
	ip_line edited;
	if (total)
		backup_line_edit(&edited, r->ctx->arena, l, m.start[1], m.end[1], "0 bytes");
	else
		backup_line_edit(&edited, r->ctx->arena, l, 0, l->len,
				 "0 bytes available (0 bytes used)");
	*l = edited;
	g->r[g->n_r++] = x;
	return true;
}

static bool volatile_name(const char *s, size_t n)
{
	static const char *const names[] = { "vlan.dat", "sflog", "snooping", "syslog",
					     "tracelogs", "agentlog" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t k = strlen(names[i]);
		if (n >= k && memcmp(s + n - k, names[i], k) == 0)
			return true;
	}
	return n > 9 && memcmp(s, "dhcp_", 5) == 0 && memcmp(s + n - 4, ".txt", 4) == 0;
}

/* "   -rwx                          vlan.dat": kept aside, not parsed. */
static bool blanked_line(rancid *r, flash_grp *g, const ip_line *l)
{
	ip_rx_match m;
	if (!l->len || !ip_rx_exec(&rancid_rx[RX_BLANKED], l->text, l->len, &m) ||
	    !volatile_name(l->text + m.start[1], ip_rx_group_len(&m, 1)))
		return false;
	if (g->n_b < MAX_BLANKED) {
		const char *s = l->text + m.start[1];
		const char *slash = memrchr(s, '/', ip_rx_group_len(&m, 1));
		size_t a = slash ? (size_t)(slash + 1 - l->text) : m.start[1];
		g->b[g->n_b].name = ip_arena_strndup(r->ctx->arena, l->text + a, m.end[1] - a);
		g->b[g->n_b++].span = ip_line_span(l, r->sec->file, a, m.end[1]);
	}
	return true;
}

static void group_add(rancid *r, flash_grp *g, const ip_line *l, size_t cut)
{
	ip_line d;
	backup_line_edit(&d, r->ctx->arena, l, 0, cut, NULL);
	if (blanked_line(r, g, &d))
		return;
	rounded_line(r, g, &d);
	*IP_PUSH(r->ctx->arena, g->v, g->n, g->cap) = d;
}

static ip_filesystem *fs_of_line(ip_device *dev, const char *file, uint32_t lineno)
{
	for (size_t i = 0; i < dev->n_filesystems; i++) {
		ip_filesystem *fs = &dev->filesystems[i];
		if (fs->free.known && fs->free.span.line == lineno && fs->free.span.file == file)
			return fs;
	}
	return NULL;
}

/* The bounds and the blanked files go into what the listing filled. */
static void group_finish(rancid *r, flash_grp *g, const char *arg)
{
	ip_device *dev = r->bk.dev;
	ip_filesystem *last = NULL;
	for (size_t i = 0; i < g->n_r; i++) {
		ip_filesystem *fs = fs_of_line(dev, r->sec->file, g->r[i].lineno);
		if (!fs)
			continue;
		if (g->r[i].hi < g->r[i].lo)
			continue; /* not a range: leave what the listing read */
		fs->free.known = true;
		fs->free.v = g->r[i].lo;
		fs->free.span = g->r[i].span;
		fs->free_max = g->r[i].hi;
		fs->free_is_bound = g->r[i].lo != g->r[i].hi;
		if (!g->r[i].has_total)
			memset(&fs->total, 0, sizeof(fs->total));
		last = fs;
	}
	if (!last && arg)
		last = ip_device_filesystem(dev, r->ctx->arena, arg);
	for (size_t i = 0; last && i < g->n_b; i++) {
		if (ip_filesystem_file_find(last, g->b[i].name))
			continue;
		ip_file *f = IP_PUSH(r->ctx->arena, last->files, last->n_files, last->cap_files);
		f->name = g->b[i].name;
		f->span = g->b[i].span; /* size unknown: RANCID blanked it */
	}
}

/* One run of "!Flash:" lines with the same device prefix ("bootflash: " for
 * dir /all bootflash:, none for show flash). Returns the next line. */
/* The device a "!Flash:" line names after the key ("bootflash:" in
 * "!Flash: bootflash: Directory of bootflash:/"): its length, 0 if none. */
static size_t device_prefix(const ip_line *l)
{
	ip_rx_match m;
	if (l->len <= 8 || !ip_rx_exec(&rancid_rx[RX_DEVICE], l->text + 8, l->len - 8, &m))
		return 0;
	return m.end[1];
}

static bool same_block(const ip_line *l, const char *dev, size_t dev_len)
{
	if (!PREFIX(l, "!Flash: ") && !(l->len == 7 && PREFIX(l, "!Flash:")))
		return false;
	if (!dev_len)
		return device_prefix(l) == 0;
	return l->len >= 8 + dev_len && memcmp(l->text + 8, dev, dev_len) == 0;
}

static size_t flash_block(rancid *r, size_t start)
{
	const ip_section *sec = r->sec;
	flash_grp g = { 0 };
	const ip_line *first = &sec->lines[start];
	size_t dev_len = device_prefix(first), i;
	const char *dev = dev_len ? ip_arena_strndup(r->ctx->arena, first->text + 8, dev_len) : NULL;
	for (i = start; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		if (i > start && !same_block(l, dev, dev_len))
			break;
		size_t cut = l->len < 8 ? l->len : 8 + dev_len; /* and the space after "bootflash:" */
		group_add(r, &g, l, cut + (dev_len && cut < l->len && l->text[cut] == ' '));
	}
	const char *arg = dev ? dev : "flash:";
	ip_section s = backup_section(sec, IP_CMD_FLASH_LISTING,
				      dev ? ip_arena_printf(r->ctx->arena, "dir /all %s", dev)
					  : "show flash:", arg, g.v, g.n);
	flash_listing_parse(r->bk.dev, &s, r->ctx);
	group_finish(r, &g, arg);
	return i;
}

/* "!BootFlash: BOOT path-list : …", "!Variable: BOOT variable = …;" and
 * the ROMMON-style "!Variable: BOOT=flash:x.bin" */
static void boot_add(rancid *r, const ip_line *l, size_t cut)
{
	ip_line d, e;
	cut += cut < l->len && l->text[cut] == ' ';
	backup_line_edit(&d, r->ctx->arena, l, 0, cut, NULL);
	if (d.len >= 5 && memcmp(d.text, "BOOT=", 5) == 0) {
		backup_line_edit(&e, r->ctx->arena, &d, 0, 5, "BOOT variable = ");
		d = e;
	}
	*IP_PUSH(r->ctx->arena, r->boot, r->n_boot, r->cap_boot) = d;
}

static bool hex16(const char *s, uint32_t *out)
{
	errno = 0;
	unsigned long long v = strtoull(s, NULL, 16);
	if (errno == ERANGE || v > 0xFFFF)
		return false;
	*out = (uint32_t)v;
	return true;
}

/* RANCID's copy of "Configuration register is 0x2102 (will be 0x2142 …)". */
static void register_line(rancid *r, const ip_line *l)
{
	ip_rx_match m;
	if (!ip_rx_exec(&rancid_rx[RX_REGISTER], l->text, l->len, &m))
		return;
	ip_device *d = r->bk.dev;
	uint32_t cur, next;
	int g = ip_rx_group_set(&m, 2) ? 2 : 1;
	if (!hex16(l->text + m.start[1], &cur) || !hex16(l->text + m.start[g], &next)) {
		ip_diag_add(r->ctx->diags, IP_DIAG_WARNING, ip_line_span_all(l, r->sec->file),
			    "configuration register does not fit in 16 bits: ignored");
		return;
	}
	d->confreg = (ip_register){ true, cur, ip_line_span(l, r->sec->file, m.start[1], m.end[1]) };
	d->confreg_next = (ip_register){ true, next, ip_line_span(l, r->sec->file, m.start[g], m.end[g]) };
}

/* "!RANCID-CONTENT-TYPE: cisco": false (and a warning) for other types. */
static bool content_type_ok(rancid *r, const ip_line *l)
{
	size_t k = sizeof("!RANCID-CONTENT-TYPE:") - 1, e = l->len;
	while (k < e && l->text[k] == ' ')
		k++;
	if (e - k == 5 && memcmp(l->text + k, "cisco", 5) == 0)
		return true;
	ip_diag_add(r->ctx->diags, IP_DIAG_WARNING, ip_line_span(l, r->sec->file, k, e),
		    "RANCID content type '%.*s' is not Cisco IOS: this backup is not read",
		    (int)(e - k), l->text + k);
	return false;
}

static size_t comment_line(rancid *r, size_t i)
{
	const ip_line *l = &r->sec->lines[i];
	if (PREFIX(l, "!Flash:"))
		return flash_block(r, i);
	if (PREFIX(l, "!BootFlash:"))
		boot_add(r, l, 11);
	else if (PREFIX(l, "!Variable:"))
		boot_add(r, l, 10);
	else if (l->len > 1)
		backup_comment(&r->bk, l, 1);
	return i + 1;
}

int rancid_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	rancid r = { .sec = sec, .ctx = ctx };
	backup_init(&r.bk, dev, sec, ctx);
	size_t i = 0;
	if (sec->n_lines && PREFIX(&sec->lines[0], "!RANCID-CONTENT-TYPE:")) {
		if (!content_type_ok(&r, &sec->lines[0]))
			return 0;
		i = 1;
	}
	while (i < sec->n_lines) {
		const ip_line *l = &sec->lines[i];
		if (!l->len) {
			i++;
		} else if (l->text[0] == '!') {
			i = comment_line(&r, i);
		} else {
			register_line(&r, l); /* section.c ends the block at any other line */
			i++;
		}
	}
	if (r.n_boot) {
		ip_section s = backup_section(sec, IP_CMD_SHOW_BOOT, "show boot", NULL, r.boot, r.n_boot);
		show_boot_parse(dev, &s, ctx);
	}
	backup_finish(&r.bk);
	return 0;
}
