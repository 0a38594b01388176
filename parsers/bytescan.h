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

/* The length of the line at p (up to the first `sep`, or n), and in
 * *first_ctl the index of its first byte a line must be replayed for
 * (below 0x20 except tab: ESC, CR, backspace, stray controls; or DEL), or
 * SIZE_MAX. One pass finds both: the reader runs it on every line. */
size_t ip_line_end(const char *p, size_t n, char sep, size_t *first_ctl);

/* The first occurrence of needle[0, nl) in p[0, n), or NULL: memchr to
 * each candidate first byte, then memcmp. Faster than glibc's memmem for
 * the short words parsers look for in a line (memmem sets up a two-way
 * search on every call). */
const char *ip_find(const char *p, size_t n, const char *needle, size_t nl);

/* How many times c occurs in p[0, n). */
size_t ip_count_byte(const char *p, size_t n, char c);

#endif
