/* Columns for consumers that count characters, not bytes.
 *
 * iosplan's spans count bytes of the raw line (parsers/span.h). SARIF
 * counts UTF-16 code units, and so does the Language Server Protocol unless
 * the client offers another position encoding. Both writers convert here,
 * once, the same way:
 *
 *   - a valid UTF-8 sequence is one code point: 1 UTF-16 unit, or 2 (a
 *     surrogate pair) past U+FFFF; 1 UTF-32 unit; its length in UTF-8;
 *   - a byte that starts no valid sequence (capture text is not checked) is
 *     one unit in every encoding, as editors show it as one U+FFFD.
 *
 * Nothing here allocates. */
#ifndef IOSPLAN_UTF16_H
#define IOSPLAN_UTF16_H

#include <stddef.h>
#include <stdint.h>

#include "capture.h"
#include "utf8.h"

typedef enum ip_pos_encoding {
	IP_POS_UTF16 = 0, /* LSP's default and SARIF's columnKind */
	IP_POS_UTF8,
	IP_POS_UTF32,
} ip_pos_encoding;

/* How many units of `enc` the n bytes at s make. */
size_t ip_text_units(const char *s, size_t n, ip_pos_encoding enc);

/* The byte offset, in s[0, n), of the position `units` units from s. A
 * position past the end gives n; one inside a character (the second half of
 * a surrogate pair, a byte inside a UTF-8 sequence) gives the start of the
 * character after it. */
size_t ip_text_offset(const char *s, size_t n, size_t units, ip_pos_encoding enc);

/* A 1-based raw byte column of clean line l as a 1-based UTF-16 column. The
 * clean text stands for the raw bytes it came from (l->colmap); raw bytes
 * the reader removed (ANSI escapes, a time stamp) count one unit each. */
uint32_t ip_utf16_col(const ip_line *l, uint32_t col);

#endif
