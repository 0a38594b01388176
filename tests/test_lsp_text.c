/* The LSP server's text layer: byte columns to UTF-16 and back
 * (lint/emit/utf16.c, shared with SARIF), open documents under full and
 * incremental sync (lint/lsp/lsp_docs.c), URIs, and Content-Length framing
 * (lint/lsp/lsp_io.c). The protocol as a whole is tested by a real client in
 * tests/lsp/protocol.test.mjs. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "lsp.h"

/* lsp_docs.c frees a document's analysis; there is none here. */
void lsp_analysis_free(lsp_analysis *a)
{
	cr_assert_null(a);
}

/* --- units and offsets ----------------------------------------------------- */

typedef struct units_case {
	const char *title;
	const char *text;
	size_t utf16, utf8, utf32;
} units_case;

static const units_case units_cases[] = {
	{ "ascii", "boot system flash:", 18, 18, 18 },
	{ "two-byte é", "caf\xC3\xA9", 4, 5, 4 },
	{ "three-byte euro", "\xE2\x82\xAC" "5", 2, 4, 2 },
	{ "four-byte emoji is a surrogate pair", "\xF0\x9F\x98\x80!", 3, 5, 2 },
	{ "invalid byte counts one", "a\xFFz", 3, 3, 3 },
	{ "truncated sequence: each byte one", "\xE2\x82", 2, 2, 2 },
	{ "overlong form is invalid", "\xC0\xAF", 2, 2, 2 },
	{ "surrogate code point in UTF-8 is invalid", "\xED\xA0\x80", 3, 3, 3 },
	{ "empty", "", 0, 0, 0 },
};

IP_TABLE_PARAMS(lsp_text, units, units_cases)
ParameterizedTest(size_t *row, lsp_text, units)
{
	const units_case *c = &units_cases[*row];
	size_t n = strlen(c->text);
	cr_assert_eq(ip_text_units(c->text, n, IP_POS_UTF16), c->utf16, "%s: utf-16", c->title);
	cr_assert_eq(ip_text_units(c->text, n, IP_POS_UTF8), c->utf8, "%s: utf-8", c->title);
	cr_assert_eq(ip_text_units(c->text, n, IP_POS_UTF32), c->utf32, "%s: utf-32", c->title);
	/* the whole text's units lead back to its end */
	cr_assert_eq(ip_text_offset(c->text, n, c->utf16, IP_POS_UTF16), n, "%s: offset", c->title);
}

typedef struct offset_case {
	const char *title;
	const char *text;
	size_t units;
	size_t offset;
} offset_case;

static const offset_case offset_cases[] = {
	{ "start", "x\xC3\xA9y", 0, 0 },
	{ "after a two-byte character", "x\xC3\xA9y", 2, 3 },
	{ "after the emoji", "a\xF0\x9F\x98\x80" "b", 3, 5 },
	{ "inside the surrogate pair: the next character", "a\xF0\x9F\x98\x80" "b", 2, 5 },
	{ "past the end: the end", "abc", 10, 3 },
};

IP_TABLE_PARAMS(lsp_text, offsets, offset_cases)
ParameterizedTest(size_t *row, lsp_text, offsets)
{
	const offset_case *c = &offset_cases[*row];
	cr_assert_eq(ip_text_offset(c->text, strlen(c->text), c->units, IP_POS_UTF16), c->offset, "%s",
		     c->title);
}

/* SARIF's column: a clean line with a column map, as the reader makes it
 * from "\x1b[1mé\x1b[0m 0x2142" (the escapes are gone from the text). */
Test(lsp_text, utf16_col_follows_the_column_map)
{
	static const uint32_t colmap[] = { 5, 6, 12, 13, 14, 15, 16, 17, 18, 19 };
	ip_line l = { "\xC3\xA9 0x2142", 9, 1, colmap };
	/* "0x2142" is at raw column 13; the é before it adds one byte */
	cr_assert_eq(ip_utf16_col(&l, 13), 12);
	cr_assert_eq(ip_utf16_col(&l, 5), 5);
	cr_assert_eq(ip_utf16_col(NULL, 7), 7);
	ip_line plain = { "\xF0\x9F\x98\x80x", 5, 1, NULL };
	cr_assert_eq(ip_utf16_col(&plain, 5), 3, "the emoji: 4 bytes, 2 units");
}

/* --- documents ------------------------------------------------------------------ */

typedef struct edit {
	uint32_t l1, c1, l2, c2;
	const char *text; /* NULL: a full replacement by `full` */
	const char *full;
} edit;

typedef struct doc_case {
	const char *title;
	const char *initial;
	edit edits[4];
	const char *want;
	size_t lines;
} doc_case;

static const doc_case doc_cases[] = {
	{ "insert in the middle", "abc\ndef\n", { { 1, 1, 1, 1, "X", NULL } }, "abc\ndXef\n", 3 },
	{ "replace across lines", "abc\ndef\nghi", { { 0, 2, 2, 1, "-", NULL } }, "ab-hi", 1 },
	{ "CRLF is one line break", "ab\r\ncd\r\n", { { 1, 0, 1, 2, "xy", NULL } }, "ab\r\nxy\r\n", 3 },
	{ "a lone CR is a line break", "ab\rcd", { { 1, 1, 1, 1, "!", NULL } }, "ab\rc!d", 2 },
	{ "a character past the line end means its end", "ab\ncd", { { 0, 99, 0, 99, "!", NULL } }, "ab!\ncd", 2 },
	{ "a line past the end means the end", "ab", { { 5, 0, 5, 0, "\nz", NULL } }, "ab\nz", 2 },
	{ "UTF-16 units after an emoji", "\xF0\x9F\x98\x80x.bin", { { 0, 2, 0, 3, "y", NULL } },
	  "\xF0\x9F\x98\x80y.bin", 1 },
	{ "a change list applies in order", "one\ntwo\n",
	  { { 0, 0, 0, 3, "1", NULL }, { 1, 0, 1, 0, "2:", NULL }, { 0, 0, 0, 0, NULL, "full\n" },
	    { 1, 0, 1, 0, "end", NULL } },
	  "full\nend", 2 },
	{ "delete everything", "a\nb\n", { { 0, 0, 9, 0, "", NULL } }, "", 1 },
	{ "an inverted range is refused", "abc", { { 0, 2, 0, 1, "X", NULL } }, "abc", 1 },
};

IP_TABLE_PARAMS(lsp_text, docs, doc_cases)
ParameterizedTest(size_t *row, lsp_text, docs)
{
	const doc_case *c = &doc_cases[*row];
	lsp_doc *d = lsp_doc_new("file:///t.ios", c->initial, strlen(c->initial), 1);
	for (size_t i = 0; i < 4 && (c->edits[i].text || c->edits[i].full); i++) {
		const edit *e = &c->edits[i];
		if (e->full) {
			lsp_doc_set_text(d, e->full, strlen(e->full));
			continue;
		}
		lsp_pos a = { e->l1, e->c1 }, b = { e->l2, e->c2 };
		bool ok = lsp_doc_edit(d, a, b, e->text, strlen(e->text), IP_POS_UTF16);
		cr_assert_eq(ok, !(e->l2 < e->l1 || (e->l2 == e->l1 && e->c2 < e->c1)), "%s: edit %zu", c->title, i);
	}
	cr_assert_eq(d->len, strlen(c->want), "%s: length %zu", c->title, d->len);
	cr_assert_str_eq(d->text, c->want, "%s", c->title);
	cr_assert_eq(d->n_lines, c->lines, "%s: %zu lines", c->title, d->n_lines);
	cr_assert(d->dirty, "%s", c->title);
	lsp_doc_free(d);
}

Test(lsp_text, positions_both_ways)
{
	const char *t = "r1#sh ver\r\nboot system flash:\xC3\xA9\xF0\x9F\x98\x80.bin\rlast";
	lsp_doc *d = lsp_doc_new("untitled:1", t, strlen(t), 1);
	cr_assert_eq(d->n_lines, 3);
	size_t bin = (size_t)(strstr(t, ".bin") - t);
	lsp_pos p = lsp_doc_pos(d, bin, IP_POS_UTF16);
	cr_assert_eq(p.line, 1);
	cr_assert_eq(p.character, 21, "\"boot system flash:\" 18, é 1, emoji 2: got %u", p.character);
	cr_assert_eq(lsp_doc_offset(d, p, IP_POS_UTF16), bin);
	p = lsp_doc_pos(d, bin, IP_POS_UTF8);
	cr_assert_eq(p.character, 24);
	/* an offset on the line break belongs to the line's end */
	lsp_pos brk = lsp_doc_pos(d, (size_t)(strchr(t, '\r') - t) + 1, IP_POS_UTF16);
	cr_assert_eq(brk.line, 0);
	cr_assert_eq(brk.character, 9);
	cr_assert_eq(lsp_doc_line_end(d, 0), 9);
	cr_assert_eq(lsp_doc_line_end(d, 2), strlen(t));
	lsp_doc_free(d);
}

/* --- URIs ------------------------------------------------------------------------ */

typedef struct uri_case {
	const char *uri;
	const char *path; /* NULL: not a local file */
} uri_case;

static const uri_case uri_cases[] = {
	{ "file:///home/neteng/r1.ios", "/home/neteng/r1.ios" },
	{ "file:///a%20b/c%3A.log", "/a b/c:.log" },
	{ "FILE:///x", "/x" },
	{ "file://localhost/etc/x.ios", "/etc/x.ios" },
	{ "file://server/share/x.ios", NULL },
	{ "untitled:Untitled-1", NULL },
	{ "file:///a%00b", NULL },
	{ "file:///q.ios?x=1#frag", "/q.ios" },
};

IP_TABLE_PARAMS(lsp_text, uris, uri_cases)
ParameterizedTest(size_t *row, lsp_text, uris)
{
	const uri_case *c = &uri_cases[*row];
	char *p = lsp_uri_to_path(c->uri);
	if (!c->path) {
		cr_assert_null(p, "%s -> %s", c->uri, p);
		return;
	}
	cr_assert_str_eq(p, c->path, "%s", c->uri);
	char *back = lsp_path_to_uri(p);
	char *again = lsp_uri_to_path(back);
	cr_assert_str_eq(again, c->path, "round trip through %s", back);
	free(p);
	free(back);
	free(again);
}

/* --- framing ---------------------------------------------------------------------- */

typedef struct frame_want {
	lsp_read_status status;
	const char *body; /* MESSAGE: the body; TOO_LARGE/BAD_HEADER: part of the error */
	bool junk;
} frame_want;

typedef struct frame_case {
	const char *title;
	const char *input;
	frame_want frames[4];
	size_t n;
} frame_case;

static const frame_case frame_cases[] = {
	{ "one message", "Content-Length: 2\r\n\r\n{}", { { LSP_READ_MESSAGE, "{}", false }, { LSP_READ_EOF, NULL, false } }, 2 },
	{ "two, with Content-Type and LF line ends",
	  "Content-Length: 3\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n[1]content-length:2\r\n\r\n{}",
	  { { LSP_READ_MESSAGE, "[1]", false }, { LSP_READ_MESSAGE, "{}", false }, { LSP_READ_EOF, NULL, false } }, 3 },
	{ "junk before the header", "hello\r\nContent-Length: 2\r\n\r\n{}",
	  { { LSP_READ_MESSAGE, "{}", true }, { LSP_READ_EOF, NULL, false } }, 2 },
	{ "junk glued to the header: resynchronised", "xx}Content-Length: 2\r\n\r\n{}",
	  { { LSP_READ_MESSAGE, "{}", true } }, 1 },
	{ "no Content-Length", "Content-Type: x\r\n\r\nContent-Length: 1\r\n\r\n1",
	  { { LSP_READ_BAD_HEADER, "without Content-Length", false }, { LSP_READ_MESSAGE, "1", false } }, 2 },
	{ "a length that is no number", "Content-Length: 12a\r\n\r\n",
	  { { LSP_READ_BAD_HEADER, "is not a number", false }, { LSP_READ_EOF, NULL, false } }, 2 },
	{ "an absurd length", "Content-Length: 99999999999999999999\r\n\r\n",
	  { { LSP_READ_BAD_HEADER, "out of range", false } }, 1 },
	{ "over the limit: skipped, the next one read",
	  "Content-Length: 40\r\n\r\n{\"id\":7,\"pad\":\"xxxxxxxxxxxxxxxxxxxxxxx\"}Content-Length: 2\r\n\r\n{}",
	  { { LSP_READ_TOO_LARGE, "over the limit of 32 bytes", false }, { LSP_READ_MESSAGE, "{}", false } }, 2 },
	{ "the input ends inside a body", "Content-Length: 10\r\n\r\n{\"a\"", { { LSP_READ_EOF, NULL, false } }, 1 },
	{ "blank lines between messages", "\r\n\r\nContent-Length: 1\r\n\r\n7", { { LSP_READ_MESSAGE, "7", false } }, 1 },
};

IP_TABLE_PARAMS(lsp_text, frames, frame_cases)
ParameterizedTest(size_t *row, lsp_text, frames)
{
	const frame_case *c = &frame_cases[*row];
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	size_t n = strlen(c->input);
	cr_assert_eq(write(fds[1], c->input, n), (ssize_t)n);
	close(fds[1]);
	lsp_reader r;
	lsp_reader_init(&r, fds[0], 32);
	for (size_t i = 0; i < c->n; i++) {
		const frame_want *w = &c->frames[i];
		lsp_frame f;
		lsp_read_status st = lsp_read(&r, &f);
		cr_assert_eq(st, w->status, "%s: frame %zu: status %d", c->title, i, st);
		if (st == LSP_READ_MESSAGE) {
			cr_assert_str_eq(f.body, w->body, "%s: frame %zu", c->title, i);
			cr_assert_eq(f.len, strlen(w->body));
			cr_assert_eq(f.junk, w->junk, "%s: frame %zu: junk", c->title, i);
		} else if (w->body) {
			cr_assert(strstr(f.error, w->body), "%s: frame %zu: '%s'", c->title, i, f.error);
		}
		if (st == LSP_READ_TOO_LARGE)
			cr_assert_eq(strncmp(f.prefix, "{\"id\":7", 7), 0, "%s: the prefix keeps the id", c->title);
		free(f.body);
		free(f.prefix);
	}
	lsp_reader_free(&r);
	close(fds[0]);
}

Test(lsp_text, write_frames_a_message)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	cr_assert_eq(lsp_write(fds[1], "{\"x\":\"\xC3\xA9\"}", 10), 0);
	close(fds[1]);
	char buf[64] = { 0 };
	ssize_t k = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	cr_assert_eq(k, 32);
	cr_assert_str_eq(buf, "Content-Length: 10\r\n\r\n{\"x\":\"\xC3\xA9\"}", "the length counts bytes");
}

/* A capture quoted in an email (issue 23 point 6): the reader removed
 * "> " from the text, and the editor's column still counts it. In
 * "> é flash:x" the name is at raw byte column 6, UTF-16 unit column 5. */
Test(lsp_text, utf16_col_of_a_quoted_capture)
{
	static const char raw[] = "> R1#dir\n> \xC3\xA9 flash:x\n";
	ip_arena *a = ip_arena_new();
	ip_capture *cap = NULL;
	cr_assert_eq(ip_capture_from_buffer(&cap, a, "q.log", raw, sizeof(raw) - 1), 0);
	const ip_line *l = &cap->lines[1];
	cr_assert_str_eq(l->text, "\xC3\xA9 flash:x");
	ip_span s = ip_line_span(l, "q.log", 3, 10);
	cr_assert_eq(s.col, 6);
	cr_assert_eq(s.end_col, 13);
	cr_assert_eq(ip_utf16_col(l, s.col), 5);
	cr_assert_eq(ip_utf16_col(l, s.end_col), 12);
	ip_arena_free(a);
}
