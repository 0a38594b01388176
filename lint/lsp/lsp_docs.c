/* Open documents: the text the editor shows, kept in sync by didOpen and
 * didChange (whole text or ranges), and positions both ways.
 *
 * LSP positions are (line, character): lines end at "\n", "\r\n" or a lone
 * "\r" (LSP 3.17 "Text Documents"), characters count UTF-16 code units by
 * default (utf16.h). Everything else in iosplan counts bytes, so the
 * document keeps the byte offset of each line start and converts a
 * position when it crosses the boundary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "lsp.h"
#include "sarif_build.h"
#include "error.h"

double lsp_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		ip_out_of_memory();
	return p;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d)
		ip_out_of_memory();
	return d;
}

static void add_line(lsp_doc *d, size_t start)
{
	if (d->n_lines == d->cap_lines) {
		d->cap_lines = d->cap_lines ? 2 * d->cap_lines : 256;
		d->lines = xrealloc(d->lines, d->cap_lines * sizeof(*d->lines));
	}
	d->lines[d->n_lines++] = start;
}

/* Recompute the line starts (memchr: this runs on every change). */
static void index_lines(lsp_doc *d)
{
	const char *t = d->text, *end = t + d->len;
	d->n_lines = 0;
	add_line(d, 0);
	for (const char *p = t; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		/* a CR ends a line too, unless a LF follows it */
		for (const char *cr = memchr(p, '\r', (size_t)(stop - p)); cr;
		     cr = memchr(cr + 1, '\r', (size_t)(stop - cr - 1)))
			if (cr + 1 != nl)
				add_line(d, (size_t)(cr + 1 - t));
		if (!nl)
			break;
		add_line(d, (size_t)(nl + 1 - t));
		p = nl + 1;
	}
}

static void reserve(lsp_doc *d, size_t need)
{
	if (need + 1 <= d->cap)
		return;
	size_t cap = d->cap ? d->cap : 4096;
	while (cap < need + 1)
		cap *= 2;
	d->text = xrealloc(d->text, cap);
	d->cap = cap;
}

lsp_doc *lsp_doc_new(const char *uri, const char *text, size_t len, int64_t version)
{
	lsp_doc *d = calloc(1, sizeof(*d));
	if (!d)
		ip_out_of_memory();
	d->uri = xstrdup(uri);
	d->path = lsp_uri_to_path(uri);
	d->name = xstrdup(d->path ? d->path : uri);
	d->version = version;
	lsp_doc_set_text(d, text, len);
	return d;
}

void lsp_doc_free(lsp_doc *d)
{
	if (!d)
		return;
	lsp_analysis_free(d->an);
	free(d->uri);
	free(d->path);
	free(d->name);
	free(d->text);
	free(d->lines);
	free(d);
}

void lsp_doc_set_text(lsp_doc *d, const char *text, size_t len)
{
	reserve(d, len);
	memcpy(d->text, text, len);
	d->len = len;
	d->text[len] = '\0';
	index_lines(d);
	d->dirty = true;
	d->dirty_since = lsp_now();
}

size_t lsp_doc_line_end(const lsp_doc *d, uint32_t line)
{
	if (line >= d->n_lines)
		return d->len;
	size_t end = line + 1 < d->n_lines ? d->lines[line + 1] : d->len;
	if (end > d->lines[line] && line + 1 < d->n_lines) {
		end--; /* the break: "\n" or "\r" */
		if (d->text[end] == '\n' && end > d->lines[line] && d->text[end - 1] == '\r')
			end--;
	}
	return end;
}

size_t lsp_doc_offset(const lsp_doc *d, lsp_pos p, ip_pos_encoding enc)
{
	if (p.line >= d->n_lines)
		return d->len;
	size_t start = d->lines[p.line], end = lsp_doc_line_end(d, p.line);
	return start + ip_text_offset(d->text + start, end - start, p.character, enc);
}

lsp_pos lsp_doc_pos(const lsp_doc *d, size_t offset, ip_pos_encoding enc)
{
	if (offset > d->len)
		offset = d->len;
	size_t lo = 0, hi = d->n_lines; /* the last line start <= offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	size_t start = d->lines[lo], end = lsp_doc_line_end(d, (uint32_t)lo);
	if (offset > end)
		offset = end;
	lsp_pos p = { (uint32_t)lo, (uint32_t)ip_text_units(d->text + start, offset - start, enc) };
	return p;
}

bool lsp_doc_edit(lsp_doc *d, lsp_pos start, lsp_pos end, const char *text, size_t len,
		  ip_pos_encoding enc)
{
	size_t a = lsp_doc_offset(d, start, enc), b = lsp_doc_offset(d, end, enc);
	if (b < a)
		return false;
	size_t n = d->len - (b - a) + len;
	reserve(d, n);
	memmove(d->text + a + len, d->text + b, d->len - b);
	memcpy(d->text + a, text, len);
	d->len = n;
	d->text[n] = '\0';
	index_lines(d);
	d->dirty = true;
	d->dirty_since = lsp_now();
	return true;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *lsp_uri_to_path(const char *uri)
{
	if (strncasecmp(uri, "file://", 7) != 0)
		return NULL;
	const char *p = uri + 7;
	if (*p != '/') { /* file://host/path: only the local host is ours */
		if (strncasecmp(p, "localhost/", 10) != 0)
			return NULL;
		p += 9;
	}
	char *out = xrealloc(NULL, strlen(p) + 1), *o = out;
	for (; *p && *p != '?' && *p != '#'; p++) {
		int h, l;
		if (*p == '%' && (h = hex_value(p[1])) >= 0 && (l = hex_value(p[2])) >= 0) {
			*o++ = (char)(h * 16 + l);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	if (memchr(out, '\0', (size_t)(o - out))) { /* "%00" names no file */
		free(out);
		return NULL;
	}
	return out;
}

char *lsp_path_to_uri(const char *path)
{
	/* the SARIF builder's percent-encoding; a relative path is made a
	 * file:/// URI here, where SARIF keeps it relative */
	char *enc = sarif_uri(path);
	if (path[0] == '/')
		return enc;
	size_t n = strlen(enc);
	char *out = xrealloc(NULL, 8 + n + 1);
	memcpy(out, "file:///", 8);
	memcpy(out + 8, enc, n + 1);
	free(enc);
	return out;
}
