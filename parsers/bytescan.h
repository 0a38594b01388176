/* Byte classes counted over whole buffers: the checks the capture reader
 * runs on every byte of every file, sixteen bytes at a time where the CPU
 * has SSE2 (every x86-64 does), a byte at a time elsewhere. */
#ifndef IOSPLAN_BYTESCAN_H
#define IOSPLAN_BYTESCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes that do not occur in text a terminal printed: below 0x20 except
 * LF, CR, tab, backspace and ESC (a session log has those), and DEL. */
size_t ip_count_binary_bytes(const char *p, size_t n);

/* The lines of a whole buffer, each byte looked at once: a chunk of 64
 * bytes is classified once (SSE2) and serves every line that ends in it,
 * and the per-line step is inline. (Finding each line's end with a call of
 * its own loaded most bytes twice and paid the call and its set-up on every
 * line of a log whose lines average 30 bytes.) */
typedef struct ip_line_scan {
	const char *p;
	size_t n, base, pos; /* masks hold p[base, base + 64); next line at pos */
	char sep, mark;      /* mark: a printable byte the caller wants flagged */
	/* one bit a byte: separators; and bytes below 0x20, DEL or `mark`
	 * (rare in a line, each looked at again). Bits of bytes already
	 * passed are cleared. */
	uint64_t sep_m, odd_m;
} ip_line_scan;

typedef struct ip_scanned_line {
	size_t start, len; /* the line is p[start, start + len), sep excluded */
	/* from start, the first byte a line must be replayed for (below 0x20
	 * but tab: ESC, CR, backspace, stray controls; or DEL); SIZE_MAX: none */
	size_t first_ctl;
	bool marked;       /* the line holds the byte `mark` */
} ip_scanned_line;

void ip_line_scan_init(ip_line_scan *s, const char *p, size_t n, char sep, char mark);
/* Classify the chunk at s->base (the scanner's own step). */
void ip_line_scan_load(ip_line_scan *s);

/* The next line, or false past the last (a final sep opens no line). */
static inline bool ip_line_scan_next(ip_line_scan *s, ip_scanned_line *out)
{
	size_t start = s->pos;
	if (start >= s->n)
		return false;
	out->start = start;
	out->first_ctl = SIZE_MAX;
	out->marked = false;
	for (;;) {
		uint64_t e = s->sep_m & -s->sep_m; /* the first separator's bit */
		uint64_t before = e - 1;           /* all of the chunk when e == 0 */
		for (uint64_t odd = s->odd_m & before; odd; odd &= odd - 1) {
			size_t at = s->base + (size_t)__builtin_ctzll(odd);
			char c = s->p[at];
			if (c == s->mark)
				out->marked = true;
			else if (c != '\t' && out->first_ctl == SIZE_MAX)
				out->first_ctl = at - start;
		}
		if (e) {
			uint64_t rest = ~(e | before); /* the bytes after the separator */
			s->sep_m &= rest;
			s->odd_m &= rest;
			size_t end = s->base + (size_t)__builtin_ctzll(e);
			s->pos = end + 1; /* the next chunk is loaded by the call that needs it */
			out->len = end - start;
			return true;
		}
		if (s->base + 64 >= s->n) { /* the last line has no separator */
			s->pos = s->n;
			out->len = s->n - start;
			return true;
		}
		s->base += 64;
		ip_line_scan_load(s);
	}
}

/* The first occurrence of needle[0, nl) in p[0, n), or NULL: memchr to
 * each candidate first byte, then memcmp. Faster than glibc's memmem for
 * the short words parsers look for in a line (memmem sets up a two-way
 * search on every call). */
const char *ip_find(const char *p, size_t n, const char *needle, size_t nl);

/* The first " D " in p[0, n) with D a digit 5-9 (a configuration's
 * secret type, config_secrets.c): a pointer to D, or NULL. SSE2 looks at
 * 14 positions a load; a byte at a time elsewhere. */
const char *ip_find_type_digit(const char *p, size_t n);

/* How many times c occurs in p[0, n). */
size_t ip_count_byte(const char *p, size_t n, char c);

#endif
