/* The capture reader: line ends, terminal residue, limits, spans. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "helpers.h"
#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "error.h"

typedef struct clean_case {
	const char *name;
	const char *raw;
	size_t raw_len; /* 0: strlen */
	size_t n_lines;
	const char *lines[6];
} clean_case;

static const clean_case clean_cases[] = {
	{ "lf", "a\nb\n", 0, 2, { "a", "b" } },
	{ "crlf", "a\r\nb\r\n", 0, 2, { "a", "b" } },
	{ "cr only", "a\rb\rc", 0, 3, { "a", "b", "c" } },
	{ "no final newline", "a\nb", 0, 2, { "a", "b" } },
	{ "trailing blanks", "a   \t\nb \n", 0, 2, { "a", "b" } },
	{ "ansi colour", "\x1b[1;32mR1#\x1b[0mshow version\n", 0, 1, { "R1#show version" } },
	{ "ansi cursor", "x\x1b[Ky\n", 0, 1, { "xy" } },
	{ "osc title", "\x1b]0;R1\x07R1#dir\n", 0, 1, { "R1#dir" } },
	{ "pager erased with backspaces",
	  " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bConfiguration register is 0xF\n",
	  0, 1, { "Configuration register is 0xF" } },
	{ "pager erased with CR", " --More-- \r          \rboot system flash:a.bin\n", 0, 1,
	  { "boot system flash:a.bin" } },
	{ "pager left in the log", "line one --More-- \nline two\n", 0, 2, { "line one", "line two" } },
	{ "pagers left in the log, many on a line", "a --More--  --More-- b --More--c--More--\n",
	  0, 1, { "abc" } },
	{ "a pager closed up by removing another", "x --Mo--More--re-- y\n", 0, 1, { "xy" } },
	{ "backspace edit", "sh verz\bsion\n", 0, 1, { "sh version" } },
	{ "bell and other controls", "a\x07" "b\n", 0, 1, { "ab" } },
	{ "mixed crlf and lf", "a\r\nb\nc\r\n", 0, 3, { "a", "b", "c" } },
	{ "bracket timestamps",
	  "[2026-03-07 14:22:08] R1#show version\n[2026-03-07 14:22:08] Cisco IOS Software\n"
	  "[2026-03-07 14:22:09] \n",
	  0, 3, { "R1#show version", "Cisco IOS Software", "" } },
	{ "iso timestamps", "2026-03-07T14:22:08.123 R1#dir\n2026-03-07T14:22:08.124 Directory of flash:/\n",
	  0, 2, { "R1#dir", "Directory of flash:/" } },
	{ "a lone timestamp-looking line is data", "2026-03-07 14:22:08 something\na\nb\nc\n", 0, 4,
	  { "2026-03-07 14:22:08 something", "a", "b", "c" } },
	/* captures pasted into a ticket or an email (issue 23 point 6) */
	{ "indented by spaces", "    R1#dir\n    Directory of flash:/\n\n        1  -rw-  5  a\n", 0, 4,
	  { "R1#dir", "Directory of flash:/", "", "    1  -rw-  5  a" } },
	{ "indented by a tab", "\tR1#show version\n\tCisco IOS Software, x\n", 0, 2,
	  { "R1#show version", "Cisco IOS Software, x" } },
	{ "quoted, empty quoted lines too", "> R1#show version\n>\n> Cisco IOS Software, x\n", 0, 3,
	  { "R1#show version", "", "Cisco IOS Software, x" } },
	{ "quoted twice, after the writer's words", "On Monday, N wrote:\n>> here it is\n"
	  ">> R1#dir\n>> Directory of flash:/\nthanks\n", 0, 5,
	  { "On Monday, N wrote:", "here it is", "R1#dir", "Directory of flash:/", "thanks" } },
	{ "a banner before the indented prompt", "  Hi\n  ****\n  R1#dir\n", 0, 3,
	  { "Hi", "****", "R1#dir" } },
	{ "indented lines in a configuration are not a quote",
	  "R1#show run\ninterface Gi0/1\n description R1#x\n ip address 10.0.0.1\n", 0, 4,
	  { "R1#show run", "interface Gi0/1", " description R1#x", " ip address 10.0.0.1" } },
	{ "listing rows after a blank line are not a quote",
	  "Directory of flash:/\n\n    1  -rw-  5  R1#x\n    2  -rw-  5  b\n", 0, 4,
	  { "Directory of flash:/", "", "    1  -rw-  5  R1#x", "    2  -rw-  5  b" } },
	{ "an indented block that starts no capture is kept", "notes:\n\n    R1 is in rack 4\n", 0, 3,
	  { "notes:", "", "    R1 is in rack 4" } },
	{ "a quoted block that is no capture is kept", "> see you\n> N\n", 0, 2,
	  { "> see you", "> N" } },
	{ "only the common prefix goes", "  R1#dir\n  a\n    b\n", 0, 3, { "R1#dir", "a", "  b" } },
	{ "a line with less indentation ends the block", "   R1#dir\n   a\n b\n", 0, 3,
	  { "R1#dir", "a", " b" } },
};

IP_TABLE_PARAMS(capture, cleaning, clean_cases)

ParameterizedTest(size_t *row, capture, cleaning)
{
	const clean_case *c = &clean_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	size_t len = c->raw_len ? c->raw_len : strlen(c->raw);
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", c->raw, len), 0, "%s: %s", c->name,
		     ip_error_last());
	cr_assert_eq(cap->n_lines, c->n_lines, "%s: %zu lines", c->name, cap->n_lines);
	for (size_t i = 0; i < c->n_lines; i++) {
		cr_assert_str_eq(cap->lines[i].text, c->lines[i], "%s line %zu", c->name, i + 1);
		cr_assert_eq(cap->lines[i].len, strlen(c->lines[i]));
		cr_assert_eq(cap->lines[i].lineno, i + 1);
	}
	ip_arena_free(a);
}

/* Spans point at raw columns even when the clean text moved. */
typedef struct span_case {
	const char *raw;
	const char *needle; /* in the clean text of line `line` */
	uint32_t col, end_col;
	uint32_t line;
} span_case;

static const span_case span_cases[] = {
	{ "Configuration register is 0x2102\n", "0x2102", 27, 33, 1 },
	{ "\x1b[1mConfiguration\x1b[0m register is 0x2102\n", "0x2102", 35, 41, 1 },
	{ "[2026-03-07 14:22:08] Configuration register is 0x2102\n", "0x2102", 49, 55, 1 },
	{ " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bboot system flash:x.bin\n",
	  "flash:x.bin", 53, 64, 1 },
	{ "\tboot system flash:x.bin\n", "flash:x.bin", 14, 25, 1 },
	/* a quoted or indented capture: the prefix is gone from the text, the
	 * columns still count it (issue 23 point 6) */
	{ "    R1#dir flash:\n", "flash:", 12, 18, 1 },
	{ "\tR1#dir flash:\n\tDirectory of flash:/\n", "flash:/", 15, 22, 2 },
	{ "> R1#dir\n> Configuration register is 0x2102\n", "0x2102", 29, 35, 2 },
	{ "Hi\n>> R1#dir\n>>\n>> x\x1b[1my\x1b[0m flash:a.bin\n", "flash:a.bin", 15, 26, 4 },
};

IP_TABLE_PARAMS(capture, raw_columns, span_cases)

ParameterizedTest(size_t *row, capture, raw_columns)
{
	const span_case *c = &span_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", c->raw, strlen(c->raw)), 0);
	const ip_line *l = &cap->lines[c->line - 1];
	const char *at = strstr(l->text, c->needle);
	cr_assert_not_null(at, "needle in '%s'", l->text);
	size_t start = (size_t)(at - l->text);
	ip_span s = ip_line_span(l, cap->path, start, start + strlen(c->needle));
	cr_assert_eq(s.line, c->line);
	cr_assert_eq(s.col, c->col, "col %u", s.col);
	cr_assert_eq(s.end_col, c->end_col, "end_col %u", s.end_col);
	ip_arena_free(a);
}

/* Input that is not a text capture is refused with the line at fault. */
typedef struct bad_case {
	const char *name;
	const char *raw;
	size_t len;
	int code;
	const char *message_part;
} bad_case;

static const bad_case bad_cases[] = {
	{ "empty", "", 0, IP_E_INPUT, "t.log:1: error: file is empty" },
	{ "nul byte", "R1#show version\nab\0cd\n", 20, IP_E_INPUT, "t.log:2: error: NUL byte" },
	{ "binary", "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
		    "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
		    "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
		    "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a",
	  80, IP_E_INPUT, "binary file" },
};

IP_TABLE_PARAMS(capture, refused, bad_cases)

ParameterizedTest(size_t *row, capture, refused)
{
	const bad_case *c = &bad_cases[*row];
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", c->raw, c->len), c->code, "%s", c->name);
	cr_assert(strstr(ip_error_last(), c->message_part), "%s: message '%s'", c->name, ip_error_last());
	ip_arena_free(a);
}

Test(capture, line_too_long)
{
	size_t n = IP_MAX_LINE_BYTES + 10;
	char *buf = malloc(n + 8);
	memcpy(buf, "ok\n", 3);
	memset(buf + 3, 'x', n);
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", buf, n + 3), IP_E_LIMIT);
	cr_assert(strstr(ip_error_last(), "t.log:2: error: line is"), "%s", ip_error_last());
	free(buf);
	ip_arena_free(a);
}

Test(capture, too_many_lines)
{
	size_t n = IP_MAX_LINES + 1;
	char *buf = malloc(n);
	memset(buf, '\n', n);
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", buf, n), IP_E_LIMIT);
	cr_assert(strstr(ip_error_last(), "more than 4000000 lines"), "%s", ip_error_last());
	free(buf);
	ip_arena_free(a);
}

Test(capture, missing_file)
{
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_read(&cap, a, "/nonexistent/x.log"), IP_E_IO);
	cr_assert(strstr(ip_error_last(), "/nonexistent/x.log: error: cannot open"));
	cr_assert_eq(ip_capture_read(&cap, a, "/"), IP_E_IO);
	cr_assert(strstr(ip_error_last(), "is a directory"));
	ip_arena_free(a);
}

Test(capture, flags)
{
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	const char *raw = "\x1b[0mR1#sh ver\r\n --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\bx\r\n";
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "t.log", raw, strlen(raw)), 0);
	cr_assert(cap->had_crlf);
	cr_assert(cap->had_ansi);
	cr_assert_not(cap->had_timestamps);
	ip_arena_free(a);
}
