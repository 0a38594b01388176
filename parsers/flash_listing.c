/* Flash listings: the output of dir, dir /recursive, show flash:,
 * show bootflash:, show flash0: ... Five layouts exist:
 *
 *   Directory of flash:/                                     dir (IOS, IOS-XE)
 *       2  -rwx         736   Mar 1 1993 00:10:59 +00:00  vlan.dat
 *   519171  -rw  -      5681   Mar 2 2015 08:48:31 +00:00  packages.conf
 *   27998208 bytes total (9958400 bytes free)
 *
 *   -#- --length-- -----date/time------ path                 ISR G2, ISR4k
 *   1     74503236 Dec 30 2024 00:01:42 +09:00 c2900-universalk9-mz.SPA.151-4.M4.bin
 *   4    486645440 Apr 20 2017 23:18:43 +00:00 /bootflash/isr4300-....SPA.bin
 *   7926255616 bytes available (74444800 bytes used)
 *
 *   -#- ED --type-- --crc--- -seek-- nlen -length- -----date/time------ name
 *   1   .. image    8C5A393A  237E3C   14  2258425 Feb 23 2013 20:46:51 x.bin
 *   3104544 bytes available (17473760 bytes used)            class B flash
 *
 *   System flash directory:                                  2500, 2600, PT
 *   File  Length   Name/status
 *     1   10084696 c2500-js-l.122-15.T17.bin
 *   [10084760 bytes used, 6692456 available, 16777216 total]
 *
 *   Directory of flash:/                       dir of older IOS (12.x on
 *       1  -rw-     5571584   c2600-i-mz.122-8.T    2600, 2500): no date
 *       2     1024  config.txt                      column, with or without
 *                                                   the permissions
 *
 *   Attributes        Size         Name                      C9200 dir drec0:
 *   - - - - - - - - - - - - - - -
 *   -rwxrwxrwx   490586943   cat9k_lite_iosxe.17.09.01.SPA.bin
 *   - - - - - - - - - - - - - - -
 *
 * One section may hold several "Directory of" blocks: of several
 * filesystems (each block fills its own), or of one filesystem and its
 * sub-directories (dir /recursive: names become "dir/file").
 *
 * A listing of the root replaces whatever an earlier section said about
 * that filesystem: captures are read in order, so the later listing is the
 * newer state (after a copy or delete). A listing of a sub-directory only
 * replaces the files under it; a filtered (| include) or wildcard listing
 * only adds or updates the files it shows. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytescan.h"
#include "parsers.h"
#include "rx.h"

/* Dates as dir and show flash print them: "Mar 1 1993 00:10:59 +00:00",
 * "Mar 05 2026", "Nov 25 2016 19:32:53 -07:00", "<no date>", the ASA-like
 * "15:30:08 Aug 12 2026" and the class B "--- no date/time ---". */
#define DATE                                                                  \
	"(?:<no date>|--- no date/time ---"                                   \
	"|[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{4}"                                \
	"(?:\\s+\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?)?"                         \
	"(?:\\s+(?:[+-]\\d{2}:?\\d{2}|[A-Z]{3,4}))?"                          \
	"|\\d{1,2}:\\d{2}:\\d{2}\\s+[A-Z][a-z]{2}\\s+\\d{1,2}\\s+\\d{4})"

enum {
	RX_DIR_FILE,
	RX_TABLE_FILE,
	RX_CLASSB_FILE,
	RX_OLD_FILE,
	RX_ATTR_FILE,
	RX_DIR_NODATE,
	RX_DIR_BARE,
	RX_TOTAL_FREE,
	RX_AVAIL_USED,
	RX_BRACKET,
	RX_TABLE_HEAD,
};

static ip_rx flash_rx[] = {
	/* index, permissions (the ntc capture has "-rw  -"), size, date, name */
	[RX_DIR_FILE] = {"^\\s*(\\d+)\\s+([-a-zA-Z]{2,10}(?:\\s{1,3}[-a-zA-Z]{1,4})?)"
			 "\\s+(\\d+)\\s+" DATE "\\s+(\\S.*)$", 0, NULL},
	[RX_TABLE_FILE] = {"^\\s*(\\d+)\\s+(\\d+)\\s+" DATE "\\s+(\\S.*)$", 0, NULL},
	[RX_CLASSB_FILE] = {"^\\s*(\\d+)\\s+([.A-Z]{2})\\s+(\\S+)\\s+[0-9A-Fa-f]+"
			    "\\s+[0-9A-Fa-f]+\\s+\\d+\\s+(\\d+)\\s+" DATE
			    "\\s+(\\S.*)$", 0, NULL},
	/* The length column is 8 wide: a 9-digit length runs into the name
	 * ("486899872isr4300-universalk9...bin"), hence \s*. The name's
	 * trailing " [deleted]" is split off by old_flags(): a lazy name
	 * followed by an optional (?:\s+\[...\])?$ retried the white space
	 * after every byte, and one 64 KiB line cost 1.8 s. */
	[RX_OLD_FILE] = {"^\\s*(\\d+)\\s+(\\d+)\\s*(\\S.*)$", 0, NULL},
	/* dir rows of older IOS without a date (issue 23 point 5: the forms
	 * its user met on 2600-era captures; no public fixture of them was
	 * found, so the permissions must look like them and the name must be
	 * one token: a row whose date has a form
	 * RX_DIR_FILE does not know is not read as a name with spaces, it is
	 * a row not understood, and the listing incomplete) */
	[RX_DIR_NODATE] = {"^\\s*(\\d+)\\s+([-dl][-rwxsStT]{2,9}(?:\\s{1,3}[-rwx]{1,4})?)"
			   "\\s+(\\d+)\\s+(\\S+)$", 0, NULL},
	[RX_DIR_BARE] = {"^\\s*(\\d+)\\s+(\\d+)\\s+(\\S+)$", 0, NULL},
	[RX_ATTR_FILE] = {"^([-dl][-rwxsStT]{9})\\s+(\\d+)\\s+(\\S.*)$", 0, NULL},
	[RX_TOTAL_FREE] = {"^\\s*(-?\\d+)\\s+bytes\\s+total\\s+\\((-?\\d+)\\s+bytes"
			   "\\s+(?:free|available)", 0, NULL},
	[RX_AVAIL_USED] = {"^\\s*(-?\\d+)\\s+bytes\\s+available\\s+\\((-?\\d+)"
			   "\\s+bytes\\s+used\\)", 0, NULL},
	[RX_BRACKET] = {"^\\s*\\[(\\d+)\\s+bytes\\s+used,\\s+(-?\\d+)\\s+available,"
			"\\s+(\\d+)\\s+total\\]", 0, NULL},
	[RX_TABLE_HEAD] = {"^\\s*(?:([A-Za-z][\\w-]*:)\\s+)?-#-\\s+(ED\\s)?", 0, NULL},
};

typedef enum fmt { FMT_NONE, FMT_DIR, FMT_TABLE, FMT_CLASSB, FMT_OLD, FMT_ATTR } fmt;

/* A filesystem this section lists. Indices, not pointers: creating a
 * filesystem may move dev->filesystems. */
typedef struct touched {
	size_t fs;
	const ip_line *last; /* last line of its listing */
	fmt format;
	bool totals;         /* totals line (or end marker) seen */
	bool whole;          /* a block needing a totals line was read */
	bool root;           /* the root was listed, unfiltered */
	bool dirs;           /* sub-directory contents shown */
	unsigned garbled;    /* rows of it not understood: it is incomplete */
} touched;

typedef struct lst {
	ip_device *dev;
	const ip_section *sec;
	ip_parse_ctx *ctx;
	const char *arg_fs;  /* filesystem the command named, or NULL */
	bool partial;        /* filter, wildcard or path: only part is shown */
	bool recursive_cmd;
	fmt format;
	const char *head_fs; /* named by a table header, or NULL */
	touched *t;
	size_t n_t, cap_t;
	size_t cur;          /* index in t of the current block; SIZE_MAX: none */
	const char *prefix;  /* directory of the current block: "" or "d/" */
	const char *target_base; /* "x.bin" of "Directory of flash:/x.bin" */
	bool unnamed;        /* error given: the filesystem cannot be named */
	bool too_many;       /* error given: IP_MAX_FILESYSTEMS reached */
	bool skip_block;     /* inside a table we do not read (partitions) */
	bool ended;          /* the current listing printed its totals */
	bool trailer_said;
	unsigned attr_seps;
	unsigned warnings;
} lst;

enum { MAX_WARNINGS = 20 };

#define HAS_PREFIX(s, n, lit)                                                 \
	((n) >= sizeof(lit) - 1 && memcmp((s), (lit), sizeof(lit) - 1) == 0)

/* --- small helpers -------------------------------------------------------- */

/* Digits only, overflow-checked. Not strtoull: it accepts a sign and
 * leading blanks, and wraps "-1" to UINT64_MAX. */
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

static ip_span span_of(const lst *st, const ip_line *l, size_t a, size_t b)
{
	return ip_line_span(l, st->sec->file, a, b);
}

static void warn(lst *st, const ip_line *l, const char *what)
{
	if (st->warnings++ >= MAX_WARNINGS) {
		if (st->warnings == MAX_WARNINGS + 1)
			ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
				    ip_line_span_all(l, st->sec->file),
				    "more lines not understood in this listing: "
				    "not reported one by one");
		return;
	}
	ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
		    ip_line_span_all(l, st->sec->file), "%s", what);
}

/* A line of a listing that is not understood may be a row: the listing
 * it is in can no longer say a file is absent, so it is not complete
 * (issue 23 point 5: rows dropped left "complete, 0 files"). Before any
 * listing started (a banner, a stray line) it marks nothing. */
static void not_understood(lst *st, const ip_line *l)
{
	warn(st, l, "line not understood in a flash listing: ignored");
	if (st->cur != SIZE_MAX)
		st->t[st->cur].garbled++;
}

/* "Bootflash" -> "bootflash:" */
static char *fs_name(ip_arena *a, const char *s, size_t len)
{
	while (len && s[len - 1] == ':')
		len--;
	char *n = ip_arena_alloc(a, len + 2);
	for (size_t i = 0; i < len; i++)
		n[i] = (char)tolower((unsigned char)s[i]);
	n[len] = ':';
	return n;
}

/* Length of a filesystem prefix "flash-1:" at s, or 0. */
static size_t fs_prefix_len(const char *s, size_t len)
{
	if (len == 0 || !isalpha((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < len; i++) {
		if (s[i] == ':')
			return i + 1;
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	}
	return 0;
}

/* Tutorials annotate captures ("7696801792 bytes available (...) ← ~7.3 GB
 * free"); the arrow never appears in device output, so cut there. */
static size_t effective_len(const ip_line *l)
{
	const char *arrow = l->len ? memchr(l->text, 0xE2, l->len) : NULL;
	size_t n = l->len;
	while (arrow) {
		size_t at = (size_t)(arrow - l->text);
		if (at + 2 < l->len && (unsigned char)arrow[1] == 0x86 &&
		    (unsigned char)arrow[2] == 0x90 && at > 0 &&
		    isspace((unsigned char)l->text[at - 1])) {
			n = at;
			break;
		}
		arrow = memchr(arrow + 1, 0xE2, l->len - at - 1);
	}
	while (n && isspace((unsigned char)l->text[n - 1]))
		n--;
	return n;
}

/* --- which filesystem ----------------------------------------------------- */

/* The filesystem called `name`, or the one `show file systems` says
 * `name` is an alias of (bootflash: on a Cat9k is flash:); SIZE_MAX past
 * IP_MAX_FILESYSTEMS. */
static size_t fs_index(lst *st, const char *name)
{
	ip_device *dev = st->dev;
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (strcmp(dev->filesystems[i].name, name) == 0)
			return i;
	for (size_t i = 0; i < dev->n_filesystems; i++)
		if (ip_fs_alias_has(dev->filesystems[i].aliases, name))
			return i;
	ip_filesystem *fs = ip_device_filesystem(dev, st->ctx->arena, name);
	return fs ? (size_t)(fs - dev->filesystems) : SIZE_MAX;
}

static bool word_abbrev(const char **p, const char *word, size_t min)
{
	while (**p == ' ')
		(*p)++;
	size_t k = strcspn(*p, " |");
	if (k < min || k > strlen(word) || strncasecmp(*p, word, k) != 0)
		return false;
	*p += k;
	return true;
}

/* `show flash` (abbreviated or not, perhaps `show flash all`) with no
 * filesystem argument. */
static bool is_plain_show_flash(const ip_section *sec)
{
	const char *texts[2] = {sec->canonical, sec->command};
	if (sec->arg)
		return false;
	for (int i = 0; i < 2; i++) {
		const char *p = texts[i];
		if (!p || !word_abbrev(&p, "show", 2) || !word_abbrev(&p, "flash", 3))
			continue;
		const char *q = p;
		if (word_abbrev(&q, "all", 3) || word_abbrev(&q, "detailed", 3))
			p = q;
		while (*p == ' ')
			p++;
		if (*p == '\0' || *p == '|')
			return true;
	}
	return false;
}

/* The filesystem named in the command ("dir /recursive bootflash:"). */
static void read_arg(lst *st)
{
	const char *texts[2] = {st->sec->arg, st->sec->command};
	for (int i = 0; i < 2 && !st->arg_fs; i++) {
		const char *p = texts[i];
		while (p && *p && *p != '|') {
			while (*p == ' ')
				p++;
			size_t k = strcspn(p, " |");
			if (k > 1 && p[0] == '/' && strncasecmp(p, "/recursive", k) == 0)
				st->recursive_cmd = true;
			size_t fl = fs_prefix_len(p, k);
			if (fl && !st->arg_fs) {
				st->arg_fs = fs_name(st->ctx->arena, p, fl - 1);
				size_t rest = fl;
				while (rest < k && p[rest] == '/')
					rest++;
				if (rest < k) /* a path or wildcard after the prefix */
					st->partial = true;
			}
			p += k;
		}
	}
}

/* --- entering a filesystem ------------------------------------------------ */

static touched *touched_for(lst *st, size_t fs)
{
	for (size_t i = 0; i < st->n_t; i++)
		if (st->t[i].fs == fs) {
			st->cur = i;
			return &st->t[i];
		}
	touched *t = IP_PUSH(st->ctx->arena, st->t, st->n_t, st->cap_t);
	t->fs = fs;
	t->format = st->format;
	st->cur = st->n_t - 1;
	return t;
}

static void drop_under(ip_filesystem *fs, const char *prefix)
{
	size_t plen = strlen(prefix), k = 0;
	for (size_t i = 0; i < fs->n_files; i++)
		if (strncmp(fs->files[i].name, prefix, plen) != 0)
			fs->files[k++] = fs->files[i];
	fs->n_files = k;
}

/* Start the listing of `name` (a root when prefix is ""): what it replaces
 * of earlier listings is said in the opening comment. */
static void fs_enter(lst *st, const char *name, const char *prefix,
		     bool partial, const ip_line *l)
{
	size_t idx = fs_index(st, name);
	if (idx == SIZE_MAX) {
		if (!st->too_many)
			ip_diag_add(st->ctx->diags, IP_DIAG_ERROR, ip_line_span_all(l, st->sec->file),
				    "more than %u filesystems on this device: the listing of %s "
				    "and those after it are not read", IP_MAX_FILESYSTEMS, name);
		st->too_many = st->unnamed = true; /* its file lines are dropped */
		st->cur = SIZE_MAX;
		return;
	}
	bool first = true;
	for (size_t i = 0; i < st->n_t; i++)
		first = first && st->t[i].fs != idx;
	touched *t = touched_for(st, idx);
	ip_filesystem *fs = &st->dev->filesystems[idx];
	st->prefix = prefix;
	t->last = l;
	if (prefix[0] && !first)
		t->dirs = true;
	if (partial)
		return;
	t->whole = true;
	if (prefix[0]) {
		if (first)
			drop_under(fs, prefix);
		return;
	}
	fs->n_files = 0;
	fs->listed = true;
	fs->complete = fs->recursive = false;
	memset(&fs->total, 0, sizeof(fs->total));
	memset(&fs->free, 0, sizeof(fs->free));
	fs->free_is_bound = false; /* an earlier backup's rounded range is superseded too */
	fs->free_max = 0;
	fs->span = ip_line_span_all(l, st->sec->file);
	t->root = true;
	t->totals = false;
}

/* The current filesystem, named lazily for layouts without a "Directory of"
 * header. `path` is the first path shown, which on an ISR4k names the
 * filesystem ("/bootflash/x.bin"). Returns NULL when it cannot be named. */
static ip_filesystem *current(lst *st, const ip_line *l, const char *path,
			      size_t plen)
{
	if (st->cur != SIZE_MAX) {
		st->t[st->cur].last = l;
		return &st->dev->filesystems[st->t[st->cur].fs];
	}
	if (st->unnamed)
		return NULL;
	/* a header names the block it heads; the command's argument may be
	 * an alias of it (flash: for bootflash: on an ISR4k) */
	const char *name = st->head_fs ? st->head_fs : st->arg_fs;
	if (!name && path && plen > 2 && path[0] == '/') {
		size_t k = 1;
		while (k < plen && (isalnum((unsigned char)path[k]) ||
				    path[k] == '-' || path[k] == '_'))
			k++;
		if (k > 1 && k < plen && path[k] == '/' &&
		    isalpha((unsigned char)path[1]))
			name = fs_name(st->ctx->arena, path + 1, k - 1);
	}
	if (!name && is_plain_show_flash(st->sec)) {
		name = "flash:";
		ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(l, st->sec->file),
			    "this listing does not name its filesystem: taken as "
			    "flash: because the command was `show flash`");
	}
	if (!name) {
		st->unnamed = true;
		ip_diag_add(st->ctx->diags, IP_DIAG_ERROR,
			    ip_line_span_all(l, st->sec->file),
			    "this listing does not say which filesystem it shows: "
			    "capture it with the filesystem named "
			    "(`dir flash:`, `show bootflash:`)");
		return NULL;
	}
	st->target_base = NULL;
	fs_enter(st, name, "", st->partial, l);
	return &st->dev->filesystems[st->t[st->cur].fs];
}

/* "Directory of bootflash:/sub/dir/". Without the trailing slash the
 * header names what the command named, which may be one file
 * ("Directory of flash:/cat9k_iosxe.17.03.01.SPA.bin"): the block then
 * shows part of the filesystem, and a line naming that file is it. */
static void block_begin(lst *st, const ip_line *l, const char *s, size_t len)
{
	size_t fl = fs_prefix_len(s, len);
	if (!fl) {
		warn(st, l, "'Directory of' line without a filesystem name: ignored");
		return;
	}
	const char *path = s + fl;
	size_t plen = len - fl, keep;
	while (plen && *path == '/') {
		path++;
		plen--;
	}
	const char *star = memchr(path, '*', plen);
	bool partial = st->sec->filter || star || (plen && path[plen - 1] != '/');
	for (keep = star ? (size_t)(star - path) : plen; keep; keep--)
		if (path[keep - 1] == '/')
			break;
	st->target_base = NULL;
	if (!star && plen && path[plen - 1] != '/')
		st->target_base = ip_arena_strndup(st->ctx->arena, path + keep,
						   plen - keep);
	if (star || st->target_base)
		plen = keep;
	while (plen && path[plen - 1] == '/')
		plen--;
	char *prefix = ip_arena_alloc(st->ctx->arena, plen + 2);
	memcpy(prefix, path, plen);
	if (plen)
		prefix[plen] = '/';
	st->format = FMT_DIR;
	fs_enter(st, fs_name(st->ctx->arena, s, fl - 1), prefix, partial, l);
}

/* --- files and totals ----------------------------------------------------- */

/* The stored name of the file printed at text[ns, ne) in this block. */
static char *full_name(lst *st, const char *name, size_t len)
{
	const char *base = st->target_base;
	size_t plen = strlen(st->prefix), blen = base ? strlen(base) : 0;
	bool inside = base && !(blen == len && memcmp(base, name, len) == 0);
	char *out = ip_arena_alloc(st->ctx->arena, plen + blen + len + 2);
	char *p = out;
	memcpy(p, st->prefix, plen);
	p += plen;
	if (inside) { /* the header named a directory after all */
		memcpy(p, base, blen);
		p += blen;
		*p++ = '/';
	}
	memcpy(p, name, len);
	return out;
}

static void size_read(lst *st, const ip_line *l, size_t a, size_t b,
		      ip_u64 *v)
{
	v->known = read_u64(l->text + a, b - a, &v->v);
	if (v->known)
		v->span = span_of(st, l, a, b);
	else
		warn(st, l, "file size too large to be a byte count: left unknown");
}

/* One listed file: name at text[ns, ne), size at text[ss, se). */
static void file_add(lst *st, const ip_line *l, size_t ns, size_t ne,
		     size_t ss, size_t se, bool is_dir)
{
	const char *t = l->text;
	ip_filesystem *fs = current(st, l, t + ns, ne - ns);
	if (!fs)
		return;
	if (t[ns] == '/') { /* ISR4k: "/bootflash/x" is x on bootflash: */
		size_t k = ns + 1;
		while (k < ne && t[k] != '/')
			k++;
		ns = k < ne ? k + 1 : ne;
	}
	for (; ne > ns && t[ne - 1] == '/'; ne--)
		is_dir = true;
	/* the root itself, or a deleted file as dir /all shows it: "[x.bin]" */
	if (ne == ns || (t[ns] == '[' && t[ne - 1] == ']'))
		return;
	ip_file *f = IP_PUSH(st->ctx->arena, fs->files, fs->n_files,
			     fs->cap_files);
	f->name = full_name(st, t + ns, ne - ns);
	f->is_dir = is_dir;
	f->span = span_of(st, l, ns, ne);
	size_read(st, l, ss, se, &f->size);
	if (strchr(f->name, '/'))
		st->t[st->cur].dirs = true;
}

/* A byte count of a totals line. A negative one is a 32-bit counter that
 * wrapped (a 2811 with a 4 GB CompactFlash prints -185270272 bytes
 * available): no value can be trusted, so none is stored. */
static bool count_read(lst *st, const ip_line *l, const ip_rx_match *m,
		       int g, uint64_t *v)
{
	const char *s = l->text + m->start[g];
	size_t n = ip_rx_group_len(m, g);
	const char *fs = st->dev->filesystems[st->t[st->cur].fs].name;
	if (n && s[0] == '-') {
		ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
			    span_of(st, l, m->start[g], m->end[g]),
			    "%s reports a negative byte count (%.*s): its counter "
			    "overflowed (FAT16 on a large flash card?), so its free "
			    "space is unknown: check it with `show file systems`",
			    fs, (int)n, s);
		return false;
	}
	if (!read_u64(s, n, v)) {
		ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
			    span_of(st, l, m->start[g], m->end[g]),
			    "byte count of %s too large: left unknown", fs);
		return false;
	}
	return true;
}

static void u64_set(lst *st, ip_u64 *v, uint64_t x, const ip_line *l,
		    size_t a, size_t b)
{
	v->known = true;
	v->v = x;
	v->span = span_of(st, l, a, b);
}

/* "N bytes total (F bytes free)", "A bytes available (U bytes used)",
 * "[U bytes used, A available, T total]" */
static void totals(lst *st, const ip_line *l, int which, const ip_rx_match *m)
{
	ip_filesystem *fs = current(st, l, NULL, 0);
	if (!fs)
		return;
	st->t[st->cur].totals = true;
	st->ended = true;
	uint64_t a, b, c;
	if (which == RX_TOTAL_FREE) {
		if (count_read(st, l, m, 1, &a))
			u64_set(st, &fs->total, a, l, m->start[1], m->end[1]);
		if (count_read(st, l, m, 2, &b))
			u64_set(st, &fs->free, b, l, m->start[2], m->end[2]);
	} else if (which == RX_AVAIL_USED) {
		bool ok_a = count_read(st, l, m, 1, &a);
		if (ok_a)
			u64_set(st, &fs->free, a, l, m->start[1], m->end[1]);
		/* the total is the sum: its span covers both numbers */
		if (ok_a && count_read(st, l, m, 2, &b) && a <= UINT64_MAX - b)
			u64_set(st, &fs->total, a + b, l, m->start[1], m->end[0]);
	} else {
		if (count_read(st, l, m, 2, &b))
			u64_set(st, &fs->free, b, l, m->start[2], m->end[2]);
		if (count_read(st, l, m, 3, &c))
			u64_set(st, &fs->total, c, l, m->start[3], m->end[3]);
	}
	/* an exact free space read here supersedes a backup's rounded range */
	if (fs->free.known && fs->free.span.line == l->lineno && fs->free.span.file == st->sec->file) {
		fs->free_is_bound = false;
		fs->free_max = 0;
	}
	/* More free than there is: a garbled line, not a free space to plan on. */
	if (fs->free.known && fs->total.known && fs->free.v > fs->total.v) {
		ip_diag_add(st->ctx->diags, IP_DIAG_WARNING, fs->free.span,
			    "%s reports %llu bytes free of %llu in all: impossible, so its free "
			    "space is unknown: check it with `show file systems`", fs->name,
			    (unsigned long long)fs->free.v, (unsigned long long)fs->total.v);
		memset(&fs->free, 0, sizeof(fs->free));
	}
}

/* --- lines ---------------------------------------------------------------- */

static bool white(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r'); /* PCRE2's \s */
}

/* An old-style listing name's trailing flags, "name   [deleted]": what
 * (?:\s+\[([a-z ]+)\])?$ after a lazy name matched, found from the end in
 * one pass. On true, *name_end moves before the white space and *flag is
 * where the flags start; the name keeps at least its first byte, which is
 * not white. */
static bool old_flags(const char *t, size_t name, size_t *name_end, size_t *flag)
{
	size_t e = *name_end;
	if (e < name + 4 || t[e - 1] != ']')
		return false;
	size_t open = e - 1;
	while (open > name && ((t[open - 1] >= 'a' && t[open - 1] <= 'z') || t[open - 1] == ' '))
		open--;
	if (open == e - 1 || open < name + 3 || t[open - 1] != '[' || !white(t[open - 2]))
		return false;
	size_t k = open - 2;
	while (k > name + 1 && white(t[k - 1]))
		k--;
	*name_end = k;
	*flag = open;
	return true;
}

static bool try_file(lst *st, const ip_line *l, size_t n, int rx, fmt f)
{
	ip_rx_match m;
	if (!ip_rx_exec(&flash_rx[rx], l->text, n, &m))
		return false;
	if (st->format == FMT_NONE) {
		st->format = f;
		if (st->cur != SIZE_MAX)
			st->t[st->cur].format = f;
	}
	switch (rx) {
	case RX_DIR_FILE:
	case RX_DIR_NODATE:
		file_add(st, l, m.start[4], m.end[4], m.start[3], m.end[3],
			 l->text[m.start[2]] == 'd');
		break;
	case RX_TABLE_FILE:
	case RX_DIR_BARE:
		file_add(st, l, m.start[3], m.end[3], m.start[2], m.end[2], false);
		break;
	case RX_CLASSB_FILE: /* ED: E = error, D = deleted; neither can boot */
		if (memchr(l->text + m.start[2], 'E', 2))
			warn(st, l, "file marked with an error (E) in the listing: "
				    "not counted as present");
		else if (!memchr(l->text + m.start[2], 'D', 2))
			file_add(st, l, m.start[5], m.end[5], m.start[4],
				 m.end[4], false);
		break;
	case RX_ATTR_FILE:
		file_add(st, l, m.start[3], m.end[3], m.start[2], m.end[2],
			 l->text[m.start[1]] == 'd');
		break;
	default: { /* RX_OLD_FILE; a "[deleted]" file fills flash, cannot boot */
		size_t name_end = m.end[3], flag = 0;
		if (!old_flags(l->text, m.start[3], &name_end, &flag) ||
		    m.end[3] - 1 - flag < 7 || memcmp(l->text + flag, "deleted", 7) != 0)
			file_add(st, l, m.start[3], name_end, m.start[2],
				 m.end[2], false);
		break;
	}
	}
	return true;
}

/* Lines that start with a digit (or "-185270272 bytes available"). */
static void number_line(lst *st, const ip_line *l, size_t n)
{
	ip_rx_match m;
	if (ip_find(l->text, n, "bytes", 5)) {
		if (ip_rx_exec(&flash_rx[RX_TOTAL_FREE], l->text, n, &m)) {
			totals(st, l, RX_TOTAL_FREE, &m);
			return;
		}
		if (ip_rx_exec(&flash_rx[RX_AVAIL_USED], l->text, n, &m)) {
			totals(st, l, RX_AVAIL_USED, &m);
			return;
		}
		/* "249856K bytes of processor board System flash (Read/Write)" */
		if (ip_find(l->text, n, "bytes of ", 9))
			return;
	}
	switch (st->format) {
	case FMT_CLASSB:
		if (try_file(st, l, n, RX_CLASSB_FILE, FMT_CLASSB))
			return;
		break;
	case FMT_OLD:
		if (try_file(st, l, n, RX_OLD_FILE, FMT_OLD))
			return;
		break;
	case FMT_TABLE:
		if (try_file(st, l, n, RX_TABLE_FILE, FMT_TABLE))
			return;
		break;
	default: /* dir, or a header filtered away: try both common layouts,
		  * then the rows without a date (only rows the two did not
		  * read pay for these) */
		if (try_file(st, l, n, RX_DIR_FILE, FMT_DIR) ||
		    try_file(st, l, n, RX_TABLE_FILE, FMT_TABLE) ||
		    try_file(st, l, n, RX_DIR_NODATE, FMT_DIR) ||
		    try_file(st, l, n, RX_DIR_BARE, FMT_DIR))
			return;
		break;
	}
	not_understood(st, l);
}

/* "-#- --length-- ..." or "Bootflash:  -#- ED --type-- ..." */
static bool table_head(lst *st, const ip_line *l, size_t n)
{
	ip_rx_match m;
	if (!ip_rx_exec(&flash_rx[RX_TABLE_HEAD], l->text, n, &m))
		return false;
	st->format = ip_rx_group_set(&m, 2) ? FMT_CLASSB : FMT_TABLE;
	if (ip_rx_group_set(&m, 1)) {
		st->head_fs = fs_name(st->ctx->arena, l->text + m.start[1],
				      ip_rx_group_len(&m, 1));
		st->cur = SIZE_MAX;
	}
	return true;
}

/* Lines that start with '-', or a C9200 file line. */
static void dash_line(lst *st, const ip_line *l, const char *s, size_t n)
{
	if (table_head(st, l, n))
		return;
	if (st->format == FMT_ATTR && HAS_PREFIX(s, n, "- -")) {
		/* the second dashed rule closes the listing: there is no
		 * totals line in this layout */
		if (++st->attr_seps >= 2 && current(st, l, NULL, 0))
			st->t[st->cur].totals = st->ended = true;
		return;
	}
	if (st->format == FMT_ATTR && try_file(st, l, n, RX_ATTR_FILE, FMT_ATTR))
		return;
	not_understood(st, l);
}

/* "System flash directory:", "System flash directory, partition 2:" */
static void old_head(lst *st, const char *s, size_t n)
{
	st->format = FMT_OLD;
	st->cur = SIZE_MAX;
	st->head_fs = NULL;
	if (!HAS_PREFIX(s, n, "System flash directory"))
		return; /* "PCMCIA Slot0 flash directory:": the command names it */
	const char *p = ip_find(s, n, "partition ", 10);
	size_t k = p ? strspn(p + 10, "0123456789") : 0;
	st->head_fs = k ? ip_arena_printf(st->ctx->arena, "flash:%.*s:", (int)k,
					  p + 10)
			: "flash:";
}

/* Lines that start with a letter or a sign. */
static void text_line(lst *st, const ip_line *l, const char *s, size_t n)
{
	if (HAS_PREFIX(s, n, "Directory of ")) {
		size_t k = 13;
		while (k < n && s[k] == ' ')
			k++;
		block_begin(st, l, s + k, n - k);
	} else if (HAS_PREFIX(s, n, "No space information available")) {
		if (current(st, l, NULL, 0)) /* tmpsys: and the like */
			st->t[st->cur].totals = st->ended = true;
	} else if (n > 16 && memcmp(s + n - 16, "flash directory:", 16) == 0) {
		old_head(st, s, n);
	} else if (HAS_PREFIX(s, n, "System flash directory")) {
		old_head(st, s, n);
	} else if (HAS_PREFIX(s, n, "File ") && ip_find(s, n, "Length", 6)) {
		st->format = FMT_OLD;
	} else if (HAS_PREFIX(s, n, "Attributes")) {
		st->format = FMT_ATTR;
		st->attr_seps = 0;
	} else if (HAS_PREFIX(s, n, "Partition ")) {
		st->skip_block = true; /* 2600 partition table, up to a blank */
	} else if (s[0] == '%') {
		ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(l, st->sec->file),
			    "the device answered with an error, not a listing: %.*s",
			    (int)n, s);
	} else if (!HAS_PREFIX(s, n, "No files in directory") &&
		   !HAS_PREFIX(s, n, "Load for ") && /* exec timestamps */
		   !HAS_PREFIX(s, n, "Time source is") && s[0] != '!' &&
		   !ip_find(s, n, "bytes of ", 9) && !table_head(st, l, n)) {
		not_understood(st, l);
	}
}

/* The header of a listing that names its filesystem. After a listing has
 * ended, a header that names none ("-#- --length-- ...") is a second
 * command's output whose prompt line is missing: which filesystem it shows
 * cannot be known. */
static bool starts_named_listing(const char *s, size_t n)
{
	if (HAS_PREFIX(s, n, "Directory of ") ||
	    HAS_PREFIX(s, n, "System flash directory"))
		return true;
	const char *head = ip_find(s, n, "-#-", 3);
	return head && head > s && memchr(s, ':', (size_t)(head - s));
}

/* After its totals line a listing is over: up to the next header, what
 * follows is not device output of this command (a prompt line lost, text
 * pasted around the capture). Said once, not line by line. */
static bool after_end(lst *st, const ip_line *l, const char *s, size_t n)
{
	if (!st->ended)
		return false;
	if (starts_named_listing(s, n)) {
		st->ended = false;
		return false;
	}
	if (!st->trailer_said && s[0] != '!' && !ip_find(s, n, "bytes of ", 9)) {
		st->trailer_said = true;
		ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(l, st->sec->file),
			    "text after the end of the listing: ignored "
			    "(is the prompt line of the next command missing?)");
	}
	return true;
}

static void line_read(lst *st, const ip_line *l)
{
	size_t n = effective_len(l), i = 0;
	const char *s = l->text;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i == n) {
		st->skip_block = false;
		return;
	}
	if (st->skip_block || after_end(st, l, s + i, n - i))
		return;
	unsigned char c = (unsigned char)s[i];
	if (isdigit(c) || (c == '-' && i + 1 < n && isdigit((unsigned char)s[i + 1])))
		number_line(st, l, n);
	else if (c == '-' || (st->format == FMT_ATTR && (c == 'd' || c == 'l')))
		dash_line(st, l, s + i, n - i);
	else if (c == '[' && ip_find(s, n, "total]", 6)) {
		ip_rx_match m;
		if (ip_rx_exec(&flash_rx[RX_BRACKET], s, n, &m))
			totals(st, l, RX_BRACKET, &m);
		else
			not_understood(st, l);
	} else
		text_line(st, l, s + i, n - i);
}

/* --- end of the section --------------------------------------------------- */

typedef struct name_ix {
	const char *name;
	size_t ix;
} name_ix;

static int name_ix_cmp(const void *a, const void *b)
{
	const name_ix *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->ix > y->ix) - (x->ix < y->ix);
}

static name_ix *sorted_names(const ip_filesystem *fs)
{
	name_ix *v = malloc(fs->n_files * sizeof(*v) + 1);
	if (!v)
		return NULL;
	for (size_t i = 0; i < fs->n_files; i++)
		v[i] = (name_ix){fs->files[i].name, i};
	qsort(v, fs->n_files, sizeof(*v), name_ix_cmp);
	return v;
}

/* A file listed twice (a partial listing over an earlier one, class B
 * flash keeping old copies) stays where it was first listed, with what the
 * last listing said: the listing order is the order IOS searches when
 * booting the first image in flash. */
static void files_dedupe(ip_filesystem *fs)
{
	name_ix *v = sorted_names(fs);
	if (!v)
		return;
	bool any = false;
	for (size_t i = 0, j; i < fs->n_files; i = j) {
		for (j = i + 1; j < fs->n_files && strcmp(v[i].name, v[j].name) == 0; j++)
			fs->files[v[j].ix].name = NULL;
		if (j - i > 1) {
			fs->files[v[i].ix] = fs->files[v[j - 1].ix];
			fs->files[v[i].ix].name = v[i].name;
			any = true;
		}
	}
	free(v);
	size_t k = 0;
	for (size_t i = 0; any && i < fs->n_files; i++)
		if (fs->files[i].name)
			fs->files[k++] = fs->files[i];
	if (any)
		fs->n_files = k;
}

static int name_cmp_key(const void *key, const void *elem)
{
	return strcmp(key, ((const name_ix *)elem)->name);
}

/* The ISR4k recursive listing prints directories without a trailing slash
 * ("/bootflash/tracelogs"); an entry is one when others are listed in it. */
static void dirs_infer(ip_arena *a, ip_filesystem *fs)
{
	name_ix *v = sorted_names(fs);
	if (!v)
		return;
	for (size_t i = 0; i < fs->n_files; i++) {
		const char *slash = strrchr(fs->files[i].name, '/');
		if (!slash)
			continue;
		char *parent = ip_arena_strndup(a, fs->files[i].name,
						(size_t)(slash - fs->files[i].name));
		name_ix *p = bsearch(parent, v, fs->n_files, sizeof(*v), name_cmp_key);
		if (p)
			fs->files[p->ix].is_dir = true;
	}
	free(v);
}

static const char *totals_text(fmt f)
{
	switch (f) {
	case FMT_TABLE:
	case FMT_CLASSB: return "'bytes available'";
	case FMT_OLD: return "'[... bytes used, ... available, ... total]'";
	default: return "'bytes total'";
	}
}

static void finish(lst *st)
{
	for (size_t i = 0; i < st->n_t; i++) {
		const touched *t = &st->t[i];
		ip_filesystem *fs = &st->dev->filesystems[t->fs];
		files_dedupe(fs);
		if (t->root && (t->dirs || st->recursive_cmd))
			fs->recursive = true;
		if (fs->recursive)
			dirs_infer(st->ctx->arena, fs);
		if (t->root && t->totals && !t->garbled)
			fs->complete = true;
		if (t->garbled)
			ip_diag_add(st->ctx->diags, IP_DIAG_WARNING,
				    ip_line_span_all(t->last, st->sec->file),
				    "%u line%s of the listing of %s not understood: the "
				    "listing is incomplete, so whether a file is there and "
				    "the room for an image are unknown; capture 'dir %s' again",
				    t->garbled, t->garbled == 1 ? "" : "s", fs->name, fs->name);
		if (!t->whole || t->totals)
			continue;
		if (t->format == FMT_ATTR)
			ip_diag_add(st->ctx->diags, IP_DIAG_ERROR,
				    ip_line_span_all(t->last, st->sec->file),
				    "listing of %s ends before its closing '- - -' "
				    "line: capture truncated?", fs->name);
		else
			ip_diag_add(st->ctx->diags, IP_DIAG_ERROR,
				    ip_line_span_all(t->last, st->sec->file),
				    "listing of %s ends before its %s line: capture "
				    "truncated? free space unknown", fs->name,
				    totals_text(t->format));
	}
}

int flash_listing_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	lst st = {.dev = dev, .sec = sec, .ctx = ctx, .cur = SIZE_MAX,
		  .prefix = "", .partial = sec->filter != NULL};
	read_arg(&st);
	for (size_t i = 0; i < sec->n_lines; i++)
		line_read(&st, &sec->lines[i]);
	finish(&st);
	if (sec->n_lines == 0 && !sec->filter && sec->prompt)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(sec->prompt, sec->file),
			    "this command printed nothing: no listing read");
	return 0;
}
