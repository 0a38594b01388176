/* show file systems: which filesystems exist, their size and free space,
 * the default one, and which prefixes name the same filesystem:
 *
 *   File Systems:
 *
 *          Size(b)       Free(b)      Type  Flags  Prefixes
 *                -             -    opaque     rw   system:
 *   *  11353194496    4835155968      disk     rw   flash: bootflash: flash-1:
 *      11353980928    3943694336      disk     rw   flash-2: stby-flash:
 *          2097152       2056462     nvram     rw   nvram:
 *   *     15998976       5135872     flash     rw   flash:
 *
 * Only disk and flash rows become filesystems: nvram:, opaque and network
 * rows never hold an image. The first prefix names the filesystem, the
 * others are its aliases (on a Cat9k bootflash: is flash:, so a BOOT
 * variable on bootflash: points at a file listed under flash:). A size of
 * "-" is unknown and leaves what another source said. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "bytescan.h"
#include "parsers.h"
#include "rx.h"

static ip_rx fsys_rx[] = {
	/* default mark, size, free, type, flags, prefixes */
	/* possessive: \\s*(\\*)?\\s* split a run of blanks every way
	 * before failing, quadratic in the line (tests/test_rx_linear.c) */
	{"^\\s*+(?:(\\*)\\s*+)?(\\d+|-)\\s+(\\d+|-)\\s+([A-Za-z]+)\\s+([a-z]{1,3})"
	 "\\s+([A-Za-z].*)$", 0, NULL},
};

enum { MAX_WARNINGS = 20 };

typedef struct fsys {
	ip_device *dev;
	const ip_section *sec;
	ip_parse_ctx *ctx;
	unsigned warnings;
	bool too_many; /* error given: IP_MAX_FILESYSTEMS reached */
} fsys;

/* Digits only, overflow-checked (strtoull would accept "-1"). */
static bool read_u64(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned)((unsigned char)s[i] - '0');
		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

static void warn(fsys *st, const ip_line *l, const char *what)
{
	if (st->warnings++ >= MAX_WARNINGS)
		return;
	ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
		    ip_line_span_all(l, st->sec->file), "%s", what);
}

/* The prefixes, lower-case, space-separated. Cisco's web pages print a
 * stack's "flash:flash-1:" without the space: split after every colon. */
static char *prefixes_norm(ip_arena *a, const char *s, size_t len)
{
	char *out = ip_arena_alloc(a, 2 * len + 1), *p = out;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isspace(c)) {
			if (p > out && p[-1] != ' ')
				*p++ = ' ';
			continue;
		}
		*p++ = (char)tolower(c);
		if (c == ':' && i + 1 < len && !isspace((unsigned char)s[i + 1]))
			*p++ = ' ';
	}
	while (p > out && p[-1] == ' ')
		p--;
	*p = '\0';
	return out;
}

static ip_filesystem *fs_named(ip_device *dev, const char *name, size_t len)
{
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (strlen(dev->filesystems[i].name) == len &&
		    memcmp(dev->filesystems[i].name, name, len) == 0)
			return &dev->filesystems[i];
	return NULL;
}

/* The filesystem for a row "flash: bootflash: flash-1:". A listing read
 * earlier under an alias ("dir bootflash:") is the same filesystem: it
 * takes the first prefix as its name. */
static ip_filesystem *fs_for(fsys *st, char *prefixes)
{
	size_t k = strcspn(prefixes, " ");
	char *name = ip_arena_strndup(st->ctx->arena, prefixes, k);
	ip_filesystem *fs = fs_named(st->dev, name, k);
	for (const char *p = prefixes + k; !fs && *p;) {
		p += strspn(p, " ");
		size_t n = strcspn(p, " ");
		fs = fs_named(st->dev, p, n);
		if (fs)
			fs->name = name;
		p += n;
	}
	if (!fs)
		fs = ip_device_filesystem(st->dev, st->ctx->arena, name);
	if (fs)
		fs->aliases = prefixes[k] ? prefixes + k + 1 : NULL;
	return fs;
}

static void number(fsys *st, const ip_line *l, const ip_rx_match *m, int g,
		   ip_u64 *v)
{
	const char *s = l->text + m->start[g];
	size_t n = ip_rx_group_len(m, g);
	uint64_t x;
	if (n == 1 && s[0] == '-')
		return; /* "-": this source does not know */
	if (!read_u64(s, n, &x)) {
		warn(st, l, "byte count too large: left unknown");
		return;
	}
	v->known = true;
	v->v = x;
	v->span = ip_line_span(l, st->sec->file, m->start[g], m->end[g]);
}

static void row(fsys *st, const ip_line *l, const ip_rx_match *m)
{
	const char *type = l->text + m->start[4];
	size_t tlen = ip_rx_group_len(m, 4);
	bool disk = (tlen == 4 && strncasecmp(type, "disk", 4) == 0) ||
		    (tlen == 5 && strncasecmp(type, "flash", 5) == 0);
	if (!disk)
		return;
	if (st->too_many)
		return;
	char *prefixes = prefixes_norm(st->ctx->arena, l->text + m->start[6],
				       ip_rx_group_len(m, 6));
	ip_filesystem *fs = fs_for(st, prefixes);
	if (!fs) {
		if (!st->too_many)
			ip_diag_add(st->ctx->diags, IP_DIAG_ERROR, ip_line_span_all(l, st->sec->file),
				    "more than %u filesystems on this device: this row and "
				    "those after it are not read", IP_MAX_FILESYSTEMS);
		st->too_many = true;
		return;
	}
	number(st, l, m, 2, &fs->total);
	number(st, l, m, 3, &fs->free);
	if (fs->free.known && fs->free.span.line == l->lineno) {
		/* an exact free space supersedes a backup's rounded range */
		fs->free_is_bound = false;
		fs->free_max = 0;
	}
	fs->is_default = ip_rx_group_set(m, 1);
	if (!ip_span_known(fs->span))
		fs->span = ip_line_span_all(l, st->sec->file);
}

/* A newer table says which filesystem is the default now. */
static void defaults_clear(ip_device *dev)
{
	for (size_t i = 0; i < dev->n_filesystems; i++)
		dev->filesystems[i].is_default = false;
}

int file_systems_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	fsys st = {.dev = dev, .sec = sec, .ctx = ctx};
	ip_rx_match m;
	for (size_t i = 0; i < sec->n_lines; i++) {
		const ip_line *l = &sec->lines[i];
		const char *s = l->text;
		size_t n = l->len, k = strspn(s, " \t");
		if (k == n || ip_find(s, n, "File Systems:", 13))
			continue;
		if (ip_find(s, n, "Size(b)", 7)) {
			if (!sec->filter)
				defaults_clear(dev);
		} else if ((s[k] == '*' || s[k] == '-' || isdigit((unsigned char)s[k])) &&
			   ip_rx_exec(&fsys_rx[0], s, n, &m)) {
			row(&st, l, &m);
		} else {
			warn(&st, l, "line not understood in `show file systems`: "
				     "ignored");
		}
	}
	return 0;
}
