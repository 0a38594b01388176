/* LSP base protocol: each message is a header block, an empty line and a
 * JSON body of exactly Content-Length bytes:
 *
 *   Content-Length: 52\r\n
 *   \r\n
 *   {"jsonrpc":"2.0","id":1,"method":"shutdown"}
 *
 * The reader is forgiving where it can be and exact where it must be: a
 * lone "\n" ends a header line as well as "\r\n"; Content-Type and unknown
 * headers are accepted; bytes that are no header (a client's stray output)
 * are flagged as junk, and a "Content-Length:" found inside such a line
 * still starts the next message, so that the stream resynchronises. A
 * block without a usable Content-Length is an error the server answers;
 * a body over the limit is skipped without being held in memory. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/uio.h>
#include <unistd.h>

#include "lsp.h"
#include "error.h"

#define READ_CHUNK (64u * 1024u)
#define PREFIX_MAX (64u * 1024u)

void lsp_reader_init(lsp_reader *r, int fd, size_t max_body)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->max_body = max_body;
	r->cap = READ_CHUNK;
	r->buf = malloc(r->cap);
	if (!r->buf)
		ip_out_of_memory();
}

void lsp_reader_free(lsp_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

/* Read more bytes after the unread ones; false at the end of the input. */
static bool fill(lsp_reader *r)
{
	if (r->eof)
		return false;
	if (r->pos == r->len) {
		r->pos = r->len = 0;
	} else if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	if (r->len == r->cap)
		return true; /* full: the caller takes what is there */
	ssize_t k;
	do
		k = read(r->fd, r->buf + r->len, r->cap - r->len);
	while (k < 0 && errno == EINTR);
	if (k <= 0) {
		r->eof = true;
		return false;
	}
	r->len += (size_t)k;
	return true;
}

bool lsp_input_pending(lsp_reader *r)
{
	if (r->pos < r->len)
		return true;
	if (r->eof)
		return false;
	struct pollfd p = { .fd = r->fd, .events = POLLIN };
	return poll(&p, 1, 0) > 0;
}

/* One header line into line[] without its line end. Returns its length,
 * -1 at the end of the input; a line too long to be a header is skipped
 * and comes back as -2. */
static long read_line(lsp_reader *r, char *line)
{
	bool too_long = false;
	for (;;) {
		char *nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		size_t n = nl ? (size_t)(nl - (r->buf + r->pos)) : r->len - r->pos;
		if (!nl && n < IP_LSP_MAX_HEADER_LINE) {
			if (!fill(r))
				return -1;
			continue;
		}
		if (n >= IP_LSP_MAX_HEADER_LINE) {
			too_long = true;
			r->pos += nl ? n + 1 : n; /* drop what we have, look for the end */
			if (nl)
				return -2;
			continue;
		}
		memcpy(line, r->buf + r->pos, n);
		r->pos += n + 1;
		if (n && line[n - 1] == '\r')
			n--;
		line[n] = '\0';
		return too_long ? -2 : (long)n;
	}
}

/* "Content-Length: 123" anywhere in the line (junk may precede it). */
static int content_length(const char *line, size_t *out, bool *junk, char *err, size_t errsz)
{
	const char *at = strcasestr(line, "content-length:");
	if (!at)
		return 0;
	*junk |= at != line;
	const char *p = at + 15;
	while (*p == ' ' || *p == '\t')
		p++;
	size_t v = 0;
	const char *digits = p;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > ((size_t)1 << 52) / 10) { /* far beyond any limit: not a length */
			snprintf(err, errsz, "Content-Length is out of range");
			return -1;
		}
		v = v * 10 + (size_t)(*p - '0');
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (p == digits || *p) {
		snprintf(err, errsz, "Content-Length '%.40s' is not a number of bytes", digits);
		return -1;
	}
	*out = v;
	return 1;
}

/* A header we know, or any "Name: value" line (ignored). */
static bool is_header(const char *line)
{
	if (strncasecmp(line, "content-type:", 13) == 0)
		return true;
	const char *p = line;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
		p++;
	return p > line && *p == ':';
}

/* Read the header block; returns LSP_READ_MESSAGE with *len set. */
static lsp_read_status read_headers(lsp_reader *r, lsp_frame *f, size_t *len)
{
	char line[IP_LSP_MAX_HEADER_LINE + 1];
	bool have_len = false, bad = false, any = false;
	for (;;) {
		long n = read_line(r, line);
		if (n == -1)
			return LSP_READ_EOF;
		if (n == -2) {
			f->junk = any = true;
			continue;
		}
		if (n == 0) {
			if (!any)
				continue; /* blank lines between messages */
			break;
		}
		any = true;
		int rc = content_length(line, len, &f->junk, f->error, sizeof(f->error));
		if (rc < 0)
			bad = true;
		else if (rc > 0)
			have_len = true, bad = false;
		else if (!is_header(line))
			f->junk = true;
	}
	if (bad)
		return LSP_READ_BAD_HEADER;
	if (!have_len) {
		snprintf(f->error, sizeof(f->error), "header block without Content-Length");
		return LSP_READ_BAD_HEADER;
	}
	return LSP_READ_MESSAGE;
}

/* Copy n body bytes to dst (NULL: drop them); false at the end of input. */
static bool read_body(lsp_reader *r, char *dst, size_t n)
{
	while (n) {
		if (r->pos == r->len && !fill(r))
			return false;
		size_t k = r->len - r->pos < n ? r->len - r->pos : n;
		if (dst) {
			memcpy(dst, r->buf + r->pos, k);
			dst += k;
		}
		r->pos += k;
		n -= k;
	}
	return true;
}

lsp_read_status lsp_read(lsp_reader *r, lsp_frame *f)
{
	memset(f, 0, sizeof(*f));
	size_t len = 0;
	lsp_read_status st = read_headers(r, f, &len);
	if (st != LSP_READ_MESSAGE)
		return st;
	if (len > r->max_body) {
		f->declared = len;
		f->prefix_len = len < PREFIX_MAX ? len : PREFIX_MAX;
		f->prefix = malloc(f->prefix_len + 1);
		if (!f->prefix)
			ip_out_of_memory();
		if (!read_body(r, f->prefix, f->prefix_len) || !read_body(r, NULL, len - f->prefix_len))
			return LSP_READ_EOF;
		f->prefix[f->prefix_len] = '\0';
		snprintf(f->error, sizeof(f->error),
			 "message of %zu bytes is over the limit of %zu bytes: skipped", len, r->max_body);
		return LSP_READ_TOO_LARGE;
	}
	f->body = malloc(len + 1);
	if (!f->body)
		ip_out_of_memory();
	if (!read_body(r, f->body, len)) {
		free(f->body);
		f->body = NULL;
		return LSP_READ_EOF;
	}
	f->body[len] = '\0';
	f->len = len;
	return LSP_READ_MESSAGE;
}

int lsp_write(int fd, const char *body, size_t len)
{
	char head[64];
	int hn = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", len);
	struct iovec iov[2] = { { head, (size_t)hn }, { (void *)body, len } };
	int idx = 0;
	while (idx < 2) {
		ssize_t k = writev(fd, iov + idx, 2 - idx);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		size_t done = (size_t)k;
		while (idx < 2 && done >= iov[idx].iov_len)
			done -= iov[idx++].iov_len;
		if (idx < 2) {
			iov[idx].iov_base = (char *)iov[idx].iov_base + done;
			iov[idx].iov_len -= done;
		}
	}
	return 0;
}
