/* The capture reader: one input file -> clean lines that keep their origin.
 *
 * What users paste is dirty. The reader undoes, line by line, what the
 * terminal and the logging tool added, and keeps for every byte of the clean
 * text the column it had in the raw file:
 *
 *   CRLF, LF, or CR-only line ends  -> lines (line numbers as an editor shows)
 *   "--More--" then backspaces/CR   -> replayed like a terminal (overwrite)
 *   ESC [ ... m  and other ANSI     -> removed
 *   a timestamp prefix on most lines ("[2026-03-07 14:22:08] ") -> removed
 *   trailing white space            -> removed
 *   a capture block quoted ("> ") or indented as a whole, as pasted into
 *   an email or a ticket            -> the common prefix removed
 *
 * Limits (documented in docs/input.md): a file larger than IP_MAX_FILE_BYTES,
 * a line longer than IP_MAX_LINE_BYTES, more than IP_MAX_LINES lines, or a
 * NUL byte make the file unusable: IP_E_LIMIT / IP_E_INPUT with a message
 * naming the line. Nothing is truncated silently. */
#ifndef IOSPLAN_CAPTURE_H
#define IOSPLAN_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "span.h"

#define IP_MAX_FILE_BYTES (64u * 1024u * 1024u)
#define IP_MAX_LINE_BYTES (64u * 1024u)
/* 64 MiB of 16-byte lines: a session log with whole configurations
 * averages 30 bytes a line, so the size limit is the one that bites. */
#define IP_MAX_LINES 4000000u

typedef struct ip_line {
	const char *text; /* clean, NUL-terminated, arena-owned */
	uint32_t len;
	uint32_t lineno; /* 1-based line in the raw file */
	/* NULL when text[i] sits at raw column i+1. Otherwise colmap[i] is the
	 * raw 1-based column of text[i], and colmap[len] the column after it. */
	const uint32_t *colmap;
} ip_line;

typedef struct ip_capture {
	const char *path; /* as given by the user; arena-owned */
	ip_line *lines;
	size_t n_lines;
	size_t raw_bytes;
	bool had_crlf, had_cr_only, had_ansi, had_pager, had_timestamps;
	bool had_quote; /* a block's indentation or quote marker was removed */
	/* The file's modification time (seconds since 1970) when it was read
	 * from disk; the last resort for ordering captures (capture_time.h). */
	bool has_mtime;
	int64_t mtime;
} ip_capture;

/* Read and clean a file ("-" reads standard input). */
int ip_capture_read(ip_capture **out, ip_arena *a, const char *path);
/* Clean an in-memory buffer (editors, tests, archive members). */
int ip_capture_from_buffer(ip_capture **out, ip_arena *a, const char *name,
			   const char *buf, size_t len);

/* The span of text[start, end) of line l in file `file`. */
ip_span ip_line_span(const ip_line *l, const char *file, size_t start,
		     size_t end);
/* The span of the whole clean line. */
ip_span ip_line_span_all(const ip_line *l, const char *file);

#endif
