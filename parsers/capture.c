/* The capture reader; see capture.h for what it undoes and why.
 *
 * The whole file is read into the arena once. A clean line (the common case)
 * is NUL-terminated in place and costs no copy. A dirty line (ANSI escapes,
 * backspaces, carriage returns, pager residue, a timestamp prefix) is replayed
 * into a new buffer the way a terminal would have drawn it, with a column map
 * back to the raw bytes so that spans still point at the file as an editor
 * shows it. */
#include "capture.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytescan.h"
#include "error.h"
#include "rx.h"

/* A session logger's time stamp at the start of each line. */
static ip_rx ts_rx[] = {
	{ "^\\[\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?: ?[+-]\\d{2}:?\\d{2}|Z)?\\] ?", 0, NULL },
	{ "^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?: ?[+-]\\d{2}:?\\d{2}|Z)?:? ", 0, NULL },
	{ "^\\[\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\] ?", 0, NULL },
	{ "^\\[[A-Z][a-z]{2} [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4}\\] ?", 0, NULL },
};

#define N_TS (sizeof(ts_rx) / sizeof(ts_rx[0]))
#define TS_SAMPLE_LINES 1000

typedef struct raw_line {
	char *p;
	size_t len;
} raw_line;

static uint32_t line_of_offset(const char *buf, size_t off)
{
	uint32_t line = 1;
	for (size_t i = 0; i < off; i++)
		line += buf[i] == '\n';
	return line;
}

/* UTF-16 text (what PowerShell's '>' writes): a byte order mark, or ASCII
 * with a NUL after every character. */
static bool is_utf16(const unsigned char *b, size_t len)
{
	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return true;
	size_t n = len < 64 ? len & ~(size_t)1 : 64, zero = 0;
	for (size_t i = 0; i < n; i += 2)
		zero += (b[i] == 0) != (b[i + 1] == 0);
	return n >= 8 && zero == n / 2;
}

static int check_binary(const char *path, const char *buf, size_t len)
{
	if (is_utf16((const unsigned char *)buf, len))
		return ip_error_set(IP_E_INPUT,
			"%s:1: error: this file is UTF-16 text (as PowerShell's '>' writes it), "
			"not UTF-8: save it as UTF-8 (Out-File -Encoding utf8) and run again", path);
	const char *nul = memchr(buf, '\0', len);
	if (nul) {
		size_t off = (size_t)(nul - buf);
		return ip_error_set(IP_E_INPUT,
			"%s:%u: error: NUL byte at offset %zu: this is a binary file, not a text capture",
			path, line_of_offset(buf, off), off);
	}
	/* Device output is text: a file whose first 64 KiB are mostly control
	 * bytes is an image, an archive or a core dump. */
	size_t n = len < 65536 ? len : 65536, ctl = ip_count_binary_bytes(buf, n);
	if (n >= 64 && ctl * 10 > n)
		return ip_error_set(IP_E_INPUT,
			"%s:1: error: %zu of the first %zu bytes are control characters: this is a binary file, not a text capture",
			path, ctl, n);
	return 0;
}

/* Which time stamp prefix, if any, most lines carry: the first
 * TS_SAMPLE_LINES non-empty lines decide. */
static int detect_timestamps(const char *buf, size_t len, char sep)
{
	size_t hits[N_TS] = {0}, nonempty = 0;
	for (const char *p = buf, *end = buf + len; p < end && nonempty < TS_SAMPLE_LINES;) {
		const char *e = memchr(p, sep, (size_t)(end - p));
		size_t l = e ? (size_t)(e - p) : (size_t)(end - p);
		const char *line = p;
		p = e ? e + 1 : end;
		if (l == 0 || (l == 1 && line[0] == '\r'))
			continue;
		nonempty++;
		if (line[0] != '[' && (line[0] < '0' || line[0] > '9'))
			continue;
		/* the one stamp that starts with a digit starts "2026-" */
		if (line[0] != '[' && (l < 5 || line[4] != '-'))
			continue;
		for (size_t k = 0; k < N_TS; k++)
			if (ip_rx_exec(&ts_rx[k], line, l, NULL)) {
				hits[k]++;
				break;
			}
	}
	for (size_t k = 0; k < N_TS; k++)
		if (nonempty && hits[k] * 10 >= nonempty * 6)
			return (int)k;
	return -1;
}

/* Skip an ANSI escape sequence starting at p[i] == ESC; returns the index of
 * its last byte. */
static size_t skip_escape(const char *p, size_t len, size_t i)
{
	if (i + 1 >= len)
		return i;
	if (p[i + 1] == '[') {
		size_t j = i + 2;
		while (j < len && !((unsigned char)p[j] >= 0x40 && (unsigned char)p[j] <= 0x7e))
			j++;
		return j < len ? j : len - 1;
	}
	if (p[i + 1] == ']') { /* OSC: until BEL or ESC \ */
		size_t j = i + 2;
		while (j < len && p[j] != '\a' && !(p[j] == 0x1b && j + 1 < len && p[j + 1] == '\\'))
			j++;
		return j < len && p[j] == 0x1b ? j + 1 : (j < len ? j : len - 1);
	}
	return i + 1;
}

/* A pager prompt that was not erased ("--More--" kept in the log): drop it
 * and the blanks around it. One pass, as a stack: each prompt goes as soon
 * as its last byte is copied, so one that the removal of another closes up
 * ("--Mo--More--re--") goes too. Searching again from the start of the
 * line after each removal, and moving the rest of the line down each time,
 * was quadratic in the prompts on a line (~20 s for 64 MiB of them). */
static void strip_pager(ip_capture *cap, char *t, uint32_t *col, size_t *len)
{
	size_t w = 0;
	bool skip = false; /* the blanks after a prompt */
	for (size_t r = 0; r < *len; r++) {
		if (skip && t[r] == ' ')
			continue;
		skip = false;
		t[w] = t[r];
		col[w++] = col[r];
		if (w >= 8 && t[w - 1] == '-' && memcmp(t + w - 8, "--More--", 8) == 0) {
			w -= 8;
			while (w > 0 && t[w - 1] == ' ')
				w--;
			skip = true;
			cap->had_pager = true;
		}
	}
	*len = w;
}

/* Replay a dirty line as a terminal draws it. */
static void render_line(ip_capture *cap, ip_arena *a, ip_line *out,
			const char *p, size_t len, size_t skip)
{
	char *t = ip_arena_alloc(a, len + 1);
	uint32_t *col = ip_arena_alloc(a, (len + 1) * sizeof(*col));
	size_t cursor = 0, n = 0;
	for (size_t i = skip; i < len; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == 0x1b) {
			i = skip_escape(p, len, i);
			cap->had_ansi = true;
		} else if (c == '\b') {
			cursor -= cursor > 0;
		} else if (c == '\r') {
			cursor = 0;
		} else if ((c < 0x20 && c != '\t') || c == 0x7f) {
			continue;
		} else {
			t[cursor] = (char)c;
			col[cursor] = (uint32_t)i + 1;
			if (++cursor > n)
				n = cursor;
		}
	}
	strip_pager(cap, t, col, &n);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	t[n] = '\0';
	col[n] = n ? col[n - 1] + 1 : (uint32_t)skip + 1;
	out->text = t;
	out->len = (uint32_t)n;
	out->colmap = col;
}

/* skip: bytes at the start of the raw line that are not text (a BOM);
 * dirty: the line holds a control byte or pager residue. */
/* A line with nothing to replay (nearly all of them): trimmed of trailing
 * blanks in place, no copy. */
static inline void take_clean(ip_line *out, char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	p[n] = '\0'; /* the byte after the line is its separator: ours to overwrite */
	out->text = p;
	out->len = (uint32_t)n;
	out->colmap = NULL;
}

static void clean_line(ip_capture *cap, ip_arena *a, ip_line *out, raw_line r, int ts,
		       size_t skip, bool dirty)
{
	ip_rx_match m;
	if (ts >= 0 && ip_rx_exec(&ts_rx[ts], r.p + skip, r.len - skip, &m))
		skip += m.end[0];
	if (skip || dirty)
		render_line(cap, a, out, r.p, r.len, skip);
	else
		take_clean(out, r.p, r.len);
}

static int line_limits(const ip_capture *cap, size_t n, size_t len)
{
	if (n >= IP_MAX_LINES)
		return ip_error_set(IP_E_LIMIT,
			"%s:%zu: error: more than %u lines: too large for one capture (split it per device)",
			cap->path, n + 1, IP_MAX_LINES);
	if (len > IP_MAX_LINE_BYTES)
		return ip_error_set(IP_E_LIMIT,
			"%s:%zu: error: line is %zu bytes long (limit %u): not device output",
			cap->path, n + 1, len, IP_MAX_LINE_BYTES);
	return 0;
}

/* A line needs replaying when it holds a control byte or a pager prompt
 * that was not erased. The scanner marks lines holding an 'M': only those
 * (a few in a hundred) are searched for "--More--". */
static bool line_dirty(const char *p, size_t len, const ip_scanned_line *sl)
{
	return sl->first_ctl < len || (sl->marked && ip_find(p, len, "--More--", 8));
}

/* --- captures pasted into a ticket or an email (issue 23 point 6) ----------
 *
 * A capture quoted in a reply or pasted into a ticket has every line of its
 * block behind the same prefix (issue 23 saw both):
 *
 *   > R1#show version                  the email quote marker ('>', nested
 *   > Cisco IOS Software, C2900 ...    '>>' or '> >'; RFC 3676 section 4.5,
 *   >                                  https://www.rfc-editor.org/rfc/rfc3676)
 *       R1#dir flash:                  the same spaces or tab before every
 *       Directory of flash:/           line (a code block in Markdown, a
 *                                      ticket's preformatted text)
 *
 * The prefix is removed from the block's lines before anything else reads
 * them, and each line's column map keeps its bytes at their raw columns, so
 * spans still underline the file as an editor shows it.
 *
 * A block is decided once, at its first line, so unquoted input pays a
 * byte test a line while the lines are cut: it starts after a blank line
 * (or the file's start) with white space, or with a quote marker after a
 * line without one, and runs while each line carries the same
 * prefix or is blank. An indented block counts only when one of its lines,
 * without the prefix, starts a capture (a prompt and a command, or the
 * first line of an output iosplan reads): the indented lines inside a
 * configuration or a listing follow a line of their own, or a header, and
 * are never stripped. (Its first INDENT_LOOK_LINES lines decide, for a
 * logger's header or a banner before the prompt.) A quoted block counts
 * when any of its lines starts a capture (the quoted text often opens with
 * words of the writer's). */

/* "R1#show version", "sw-2>dir", "R1(boot)#sh ver": a hostname, '#' or
 * '>', then a command; or the first line of an output read without one. */
static bool starts_capture(const char *t, size_t n)
{
	static const char *const heads[] = { "Cisco IOS Software", "Cisco Internetwork Operating",
					     "Directory of ", "Building configuration",
					     "Current configuration" };
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (n >= strlen(heads[i]) && memcmp(t, heads[i], strlen(heads[i])) == 0)
			return true;
	size_t i = 0;
	while (i < n && (isalnum((unsigned char)t[i]) || strchr("._-:/", t[i])))
		i++;
	if (i && i < n && t[i] == '(') { /* a mode: "(boot)", "(config)" */
		const char *close = memchr(t + i, ')', n - i);
		i = close ? (size_t)(close - t) + 1 : n;
	}
	return i && i + 1 < n && (t[i] == '#' || t[i] == '>') &&
	       isalpha((unsigned char)t[i + 1 + (t[i + 1] == ' ')]);
}

/* The quote marker at the start of t ("> ", ">> ", "> > ", or ">" alone),
 * or 0. */
static size_t quote_marker(const char *t, size_t n)
{
	size_t i = 0;
	while (i < n && (t[i] == '>' || (t[i] == ' ' && i + 1 < n && t[i + 1] == '>')))
		i++;
	return i && i < n && t[i] == ' ' ? i + 1 : i;
}

/* Whether line l carries the block's prefix p (k bytes): a quoted line may
 * end at the marker (">" of an empty quoted line, its space trimmed). */
static inline bool carries(const ip_line *l, const char *p, size_t k, bool quote)
{
	if (l->len >= k && memcmp(l->text, p, k) == 0)
		return true;
	return quote && l->len == k - 1 && memcmp(l->text, p, k - 1) == 0;
}

/* The line without its first k bytes, at the same raw columns. */
static void line_strip(ip_line *l, ip_arena *a, size_t k)
{
	k = k < l->len ? k : l->len;
	if (!l->colmap) {
		uint32_t *col = ip_arena_alloc_raw(a, (l->len + 1) * sizeof(*col));
		for (uint32_t i = 0; i <= l->len; i++)
			col[i] = i + 1;
		l->colmap = col;
	}
	l->text += k;
	l->colmap += k;
	l->len -= (uint32_t)k;
}

/* The block of lines from b that carry prefix p: its end. */
static size_t block_end(const ip_capture *cap, size_t b, const char *p, size_t k, bool quote)
{
	size_t e = b;
	while (e < cap->n_lines && (cap->lines[e].len == 0 || carries(&cap->lines[e], p, k, quote)))
		e++;
	while (e > b && cap->lines[e - 1].len == 0)
		e--;
	return e;
}

/* An indented block's first few lines decide (a terminal logger's header
 * or a login banner may come before the first prompt); a quoted block's
 * any line. */
#define INDENT_LOOK_LINES 8

/* An indented block's first few lines decide (a terminal logger's header
 * or a login banner may come before the first prompt); a quoted block's
 * any line. Lines from b that carry the prefix (or are blank), up to e. */
#define INDENT_LOOK_LINES 8

static bool block_is_capture(const ip_capture *cap, size_t b, size_t e, const char *p,
			     size_t k, bool quote)
{
	size_t looked = 0;
	for (size_t i = b; i < e && (quote || looked < INDENT_LOOK_LINES); i++) {
		const ip_line *l = &cap->lines[i];
		if (l->len && !carries(l, p, k, quote))
			return false;
		looked += l->len > 0;
		if (l->len > k && starts_capture(l->text + k, l->len - k))
			return true;
	}
	return false;
}

/* The block that may start at line i (a candidate split_lines noted):
 * stripped when it is a capture. Returns the line after what was looked
 * at, so that the blocks are each looked at once. */
static size_t unquote_block(ip_capture *cap, ip_arena *a, size_t i)
{
	ip_line *l = &cap->lines[i];
	bool quote = l->text[0] == '>';
	size_t k = quote ? quote_marker(l->text, l->len) : 0;
	while (!quote && k < l->len && (l->text[k] == ' ' || l->text[k] == '\t'))
		k++;
	/* the prefix's bytes stay where they are as lines are stripped (only
	 * each line's start moves) */
	const char *p = l->text;
	size_t e = quote ? block_end(cap, i, p, k, quote) : cap->n_lines;
	if (!block_is_capture(cap, i, e, p, k, quote))
		return i + 1;
	e = quote ? e : block_end(cap, i, p, k, quote);
	for (size_t j = i; j < e; j++)
		if (cap->lines[j].len)
			line_strip(&cap->lines[j], a, k);
	cap->had_quote = true;
	return e;
}

static void unquote_blocks(ip_capture *cap, ip_arena *a, const size_t *cand, size_t n)
{
	for (size_t c = 0, done = 0; c < n; c++)
		if (cand[c] >= done)
			done = unquote_block(cap, a, cand[c]);
}

/* What the first byte of a line says for unquote_blocks, and which pairs
 * (previous line's kind, this line's) may start a block: bit prev*4+k of
 * CAND_BITS. A quote after a non-quote (0, 2, 3 then 1); white space after
 * an empty line (3 then 2). One load and a shift a line. */
static const unsigned char lead_kind[256] = { [' '] = 2, ['\t'] = 2, ['>'] = 1 };
#define CAND_BITS ((1u << (0 * 4 + 1)) | (1u << (2 * 4 + 1)) | (1u << (3 * 4 + 1)) | \
		   (1u << (3 * 4 + 2)))

/* Cut buf into lines and clean each: LF (with an optional CR before it)
 * ends a line; in a file with no LF at all, a lone CR does (classic Mac
 * line ends). One pass over the buffer finds every line's end and whether
 * it is dirty. */
static int split_lines(ip_capture *cap, ip_arena *a, char *buf, size_t len)
{
	bool cr_only = memchr(buf, '\n', len) == NULL && memchr(buf, '\r', len) != NULL;
	char sep = cr_only ? '\r' : '\n';
	/* the table is sized once from the separators: growing it by doubling
	 * left a 52 MB log's old tables in the arena */
	size_t most = ip_count_byte(buf, len, sep) + 1;
	cap->lines = ip_arena_alloc_raw(a, (most < IP_MAX_LINES ? most : IP_MAX_LINES) * sizeof(ip_line));
	/* Windows editors start a UTF-8 file with a byte order mark: it is not
	 * text, and left in place it hides the first prompt. */
	size_t bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	int ts = detect_timestamps(buf, len, sep);
	cap->had_timestamps = ts >= 0;
	size_t n = 0;
	/* where a quoted or indented block may start (see above): a line
	 * opening with '>' after one that does not, or with white space after
	 * a blank line or at the start; a few bytes tested a line */
	size_t *cand = NULL, n_cand = 0, cap_cand = 0;
	unsigned prev = 3;
	ip_line_scan scan;
	ip_scanned_line sl;
	ip_line_scan_init(&scan, buf, len, sep, 'M');
	for (; ip_line_scan_next(&scan, &sl); n++) {
		char *p = buf + sl.start;
		size_t l = sl.len;
		if (!cr_only && l && p[l - 1] == '\r') {
			l--;
			cap->had_crlf = true;
		}
		int rc = line_limits(cap, n, l);
		if (rc)
			return rc;
		bool dirty = line_dirty(p, l, &sl);
		ip_line *out = &cap->lines[n];
		out->lineno = (uint32_t)n + 1;
		if (ts >= 0 || dirty || (n == 0 && bom))
			clean_line(cap, a, out, (raw_line){ p, l }, ts, n == 0 ? bom : 0, dirty);
		else
			take_clean(out, p, l); /* inline: no call for most lines */
		/* kinds: 0 other, 1 '>', 2 blank-led (space, tab), 3 empty */
		unsigned k = out->len ? lead_kind[(unsigned char)out->text[0]] : 3;
		if ((CAND_BITS >> (prev * 4 + k)) & 1)
			*IP_PUSH(a, cand, n_cand, cap_cand) = n;
		prev = k;
	}
	cap->had_cr_only = cr_only;
	cap->n_lines = n;
	unquote_blocks(cap, a, cand, n_cand);
	return 0;
}

static int capture_build(ip_capture **out, ip_arena *a, const char *name,
			 char *buf, size_t len)
{
	ip_capture *cap = ip_arena_alloc(a, sizeof(*cap));
	cap->path = ip_arena_strdup(a, name);
	cap->raw_bytes = len;
	if (len == 0)
		return ip_error_set(IP_E_INPUT, "%s:1: error: file is empty: nothing to read", name);
	int rc = check_binary(cap->path, buf, len);
	if (rc == 0)
		rc = split_lines(cap, a, buf, len);
	if (rc)
		return rc;
	*out = cap;
	return 0;
}

int ip_capture_from_buffer(ip_capture **out, ip_arena *a, const char *name,
			   const char *buf, size_t len)
{
	if (len > IP_MAX_FILE_BYTES)
		return ip_error_set(IP_E_LIMIT, "%s:1: error: %zu bytes is over the %u-byte limit for one capture",
				    name, len, IP_MAX_FILE_BYTES);
	char *copy = ip_arena_alloc_raw(a, len + 1);
	memcpy(copy, buf, len);
	copy[len] = '\0';
	return capture_build(out, a, name, copy, len);
}

/* Read up to `want` bytes into buf; *got < want only at the end of the
 * input. */
static int read_upto(int fd, char *buf, size_t want, size_t *got, const char *path)
{
	size_t len = 0;
	while (len < want) {
		ssize_t k = read(fd, buf + len, want - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return ip_error_set(IP_E_IO, "%s: error: cannot read: %s", path, strerror(errno));
		if (k == 0)
			break;
		len += (size_t)k;
	}
	*got = len;
	return 0;
}

static int over_limit(const char *path)
{
	return ip_error_set(IP_E_LIMIT, "%s:1: error: more than %u bytes: over the limit for one capture",
			    path, IP_MAX_FILE_BYTES);
}

/* Input of unknown length (a pipe, a file that grew since fstat): read into
 * a malloc'd buffer that realloc grows, never past one byte over the limit,
 * then copied into the arena at its final size. Growing in the arena kept
 * every doubling alive: refusing a 1 GiB stdin held 278 MB. `seen` holds
 * the `n` bytes already read. */
static int read_growing(char **out, size_t *len_out, ip_arena *a, int fd, const char *path,
			const char *seen, size_t n)
{
	size_t cap = n < 32768 ? 65536 : 2 * n, len = n;
	if (cap > IP_MAX_FILE_BYTES + 1u)
		cap = IP_MAX_FILE_BYTES + 1u;
	char *buf = malloc(cap);
	if (!buf)
		ip_out_of_memory();
	if (n) /* memcpy's source may not be NULL, even for 0 bytes (UBSan) */
		memcpy(buf, seen, n);
	int rc = 0;
	for (;;) {
		size_t got = 0;
		rc = read_upto(fd, buf + len, cap - len, &got, path);
		len += got;
		if (rc || len < cap)
			break;
		if (cap > IP_MAX_FILE_BYTES) {
			rc = over_limit(path);
			break;
		}
		cap = cap > (IP_MAX_FILE_BYTES + 1u) / 2 ? IP_MAX_FILE_BYTES + 1u : 2 * cap;
		char *nb = realloc(buf, cap);
		if (!nb) {
			free(buf);
			ip_out_of_memory();
		}
		buf = nb;
	}
	if (rc == 0) {
		*out = ip_arena_alloc_raw(a, len + 1);
		memcpy(*out, buf, len);
		(*out)[len] = '\0'; /* the last line ends in a NUL too */
		*len_out = len;
	}
	free(buf);
	return rc;
}

static int read_fd(char **out, size_t *len_out, ip_arena *a, int fd, const char *path, size_t hint)
{
	if (!hint)
		return read_growing(out, len_out, a, fd, path, NULL, 0);
	/* a regular file of known size: straight into the arena, with one byte
	 * more to see whether it grew since fstat, and one for the NUL */
	char *buf = ip_arena_alloc_raw(a, hint + 2);
	size_t len = 0;
	int rc = read_upto(fd, buf, hint + 1, &len, path);
	if (rc)
		return rc;
	if (len > hint)
		return read_growing(out, len_out, a, fd, path, buf, len);
	buf[len] = '\0';
	*out = buf;
	*len_out = len;
	return 0;
}

int ip_capture_read(ip_capture **out, ip_arena *a, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ip_error_set(IP_E_IO, "%s: error: cannot open: %s", path, strerror(errno));
	struct stat st;
	memset(&st, 0, sizeof(st));
	size_t hint = 0;
	int rc = 0;
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			rc = ip_error_set(IP_E_IO, "%s: error: is a directory, not a capture file", path);
		else if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > IP_MAX_FILE_BYTES)
			rc = ip_error_set(IP_E_LIMIT, "%s:1: error: %lld bytes is over the %u-byte limit for one capture",
					  path, (long long)st.st_size, IP_MAX_FILE_BYTES);
		else if (S_ISREG(st.st_mode))
			hint = (size_t)st.st_size;
	}
	char *buf = NULL;
	size_t len = 0;
	if (rc == 0)
		rc = read_fd(&buf, &len, a, fd, is_stdin ? "<stdin>" : path, hint);
	if (!is_stdin)
		close(fd);
	if (rc)
		return rc;
	rc = capture_build(out, a, is_stdin ? "<stdin>" : path, buf, len);
	if (rc == 0 && !is_stdin && S_ISREG(st.st_mode)) {
		(*out)->has_mtime = true;
		(*out)->mtime = (int64_t)st.st_mtime;
	}
	return rc;
}

ip_span ip_line_span(const ip_line *l, const char *file, size_t start, size_t end)
{
	if (start > l->len)
		start = l->len;
	if (end > l->len)
		end = l->len;
	if (end < start)
		end = start;
	ip_span s = { file, l->lineno, 0, l->lineno, 0 };
	if (l->colmap) {
		/* A carriage return or backspaces may have drawn later raw bytes
		 * before earlier ones ("abc\rX" shows "Xbc"): the span covers
		 * every raw column its text came from. */
		s.col = l->colmap[start];
		s.end_col = s.col;
		for (size_t i = start; i < end; i++) {
			if (l->colmap[i] < s.col)
				s.col = l->colmap[i];
			if (l->colmap[i] + 1 > s.end_col)
				s.end_col = l->colmap[i] + 1;
		}
	} else {
		s.col = (uint32_t)start + 1;
		s.end_col = (uint32_t)end + 1;
	}
	return s;
}

ip_span ip_line_span_all(const ip_line *l, const char *file)
{
	return ip_line_span(l, file, 0, l->len);
}
