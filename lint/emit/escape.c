/* Escaping for each output kind; see escape.h. Each escaper runs twice over
 * its input, once to count the bytes it will write and once to write
 * them, so the copy is made at its real length. */
#include "escape.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

/* Where an escaper writes: p NULL counts only. */
typedef struct sink {
	char *p;
	size_t n;
} sink;

static void put(sink *k, const char *s, size_t n)
{
	if (k->p)
		memcpy(k->p + k->n, s, n);
	k->n += n;
}

static void putc_(sink *k, char c)
{
	put(k, &c, 1);
}

typedef void (*escaper)(sink *k, const char *s, const void *arg);

static const char *run(ip_arena *a, escaper f, const char *s, const void *arg)
{
	sink k = { NULL, 0 };
	f(&k, s, arg);
	k.p = ip_arena_alloc_raw(a, k.n + 1);
	k.n = 0;
	f(&k, s, arg);
	k.p[k.n] = '\0';
	return k.p;
}

/* --- text ---------------------------------------------------------------- */

static uint32_t code_point(const unsigned char *p, size_t len)
{
	static const unsigned char lead_mask[] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	uint32_t c = p[0] & lead_mask[len];
	for (size_t i = 1; i < len; i++)
		c = c << 6 | (p[i] & 0x3f);
	return c;
}

/* Valid characters a terminal or a renderer acts on rather than shows: the
 * C1 controls (ECMA-48: U+009B is CSI, U+009D OSC, U+0085 NEL), the bidi
 * embedding, override and isolate controls and marks (Unicode UAX #9; the
 * "Trojan Source" reordering, CVE-2021-42574), and the line and paragraph
 * separators. */
static bool acts(uint32_t c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f ||
	       (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* The bytes at p (n > 0 left) that form one unit, and its visible form in
 * v ("" when the unit is printed as it is). */
static size_t text_unit(const unsigned char *p, size_t n, char v[12])
{
	unsigned char c = p[0];
	v[0] = '\0';
	if (c == '\n' || c == '\r') {
		snprintf(v, 12, "\\%c", c == '\n' ? 'n' : 'r');
		return 1;
	}
	if ((c < 0x20 && c != '\t') || c == 0x7f) {
		snprintf(v, 12, "\\x%02x", c);
		return 1;
	}
	if (c < 0x80)
		return 1;
	size_t len = ip_utf8_seq_len(p, n);
	if (!len) {
		snprintf(v, 12, "\\x%02x", c);
		return 1;
	}
	uint32_t cp = code_point(p, len);
	if (acts(cp))
		snprintf(v, 12, "\\u%04x", (unsigned)cp);
	return len;
}

static bool plain_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p >= 0x7f)
			return false;
	return true;
}

static void text_into(sink *k, const char *s, const void *arg)
{
	(void)arg;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	char v[12];
	for (size_t i = 0; i < n;) {
		size_t len = text_unit(p + i, n - i, v);
		if (v[0])
			put(k, v, strlen(v));
		else
			put(k, s + i, len);
		i += len;
	}
}

static bool text_clean(const char *s)
{
	if (plain_ascii(s))
		return true;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	char v[12];
	for (size_t i = 0; i < n;) {
		i += text_unit(p + i, n - i, v);
		if (v[0])
			return false;
	}
	return true;
}

const char *ip_esc_text(ip_arena *a, const char *s)
{
	if (!s || text_clean(s))
		return s;
	return run(a, text_into, s, NULL);
}

/* --- markdown ------------------------------------------------------------ */

static bool alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Where GitHub would start a bare link (GFM's extended autolinks): at a
 * "scheme://" (cmark-gfm tries one at each ':') and at "www." starting a
 * word; a backslash before the ':', or before the '.' of "www.", leaves
 * plain text (checked with cmark-gfm in test_output_hostile.c). An e-mail
 * address still becomes a mailto: link whatever is escaped, but one that
 * shows its own target. */
static bool link_mark(const char *s, size_t i)
{
	return s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/';
}

static bool www_at(const char *s, size_t i)
{
	return (i == 0 || !alnum(s[i - 1])) && strncasecmp(s + i, "www.", 4) == 0;
}

/* s is already in text form: no line breaks, valid UTF-8. */
static void md_into(sink *k, const char *s, const void *arg)
{
	(void)arg;
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '\t') {
			putc_(k, ' ');
		} else if (s[i] == '_' && i > 0 && alnum(s[i - 1]) && alnum(s[i + 1])) {
			/* inside a word '_' can neither open nor close emphasis
			 * (CommonMark 6.2): NetsTuts_R1 stays as it is */
			putc_(k, '_');
		} else if (www_at(s, i)) {
			put(k, s + i, 3);
			put(k, "\\.", 2);
			i += 3;
		} else if (strchr("\\`*_[]<>|#~&", s[i]) || link_mark(s, i)) {
			/* '!' needs none: an image starts "![", and '[' is escaped */
			putc_(k, '\\');
			putc_(k, s[i]);
		} else {
			putc_(k, s[i]);
		}
	}
}

const char *ip_esc_md(ip_arena *a, const char *s)
{
	if (!s)
		return NULL;
	const char *t = ip_esc_text(a, s);
	sink k = { NULL, 0 };
	md_into(&k, t, NULL);
	/* md_into only adds bytes, but for the tabs it turns into spaces */
	return k.n == strlen(t) && !strchr(t, '\t') ? t : run(a, md_into, t, NULL);
}

static size_t longest_backtick_run(const char *s)
{
	size_t best = 0, r = 0;
	for (; *s; s++) {
		r = *s == '`' ? r + 1 : 0;
		best = r > best ? r : best;
	}
	return best;
}

/* A code span's content is literal: only its fence, the padding that keeps
 * a backtick at either end from joining the fence, and GFM's cell bar. */
static void code_into(sink *k, const char *s, const void *arg)
{
	bool in_table = *(const bool *)arg;
	size_t fence = longest_backtick_run(s) + 1, n = strlen(s);
	if (n == 0) {
		put(k, "` `", 3); /* "``" would be two literal backticks */
		return;
	}
	bool pad = s[0] == '`' || s[n - 1] == '`';
	for (size_t i = 0; i < fence; i++)
		putc_(k, '`');
	if (pad)
		putc_(k, ' ');
	for (const char *p = s; *p; p++) {
		if (in_table && *p == '|')
			put(k, "\\|", 2);
		else
			putc_(k, *p == '\t' ? ' ' : *p);
	}
	if (pad)
		putc_(k, ' ');
	for (size_t i = 0; i < fence; i++)
		putc_(k, '`');
}

const char *ip_esc_md_code(ip_arena *a, const char *s, bool in_table)
{
	if (!s)
		return NULL;
	return run(a, code_into, ip_esc_text(a, s), &in_table);
}

const char *ip_esc_md_prose(ip_arena *a, const char *s)
{
	if (!s || !strchr(s, '`'))
		return ip_esc_md(a, s);
	char *out = "";
	while (*s) {
		const char *open = strchr(s, '`');
		const char *close = open ? strchr(open + 1, '`') : NULL;
		if (!close) {
			out = ip_arena_printf(a, "%s%s", out, ip_esc_md(a, s));
			break;
		}
		out = ip_arena_printf(a, "%s%s%s", out, ip_esc_md(a, ip_arena_strndup(a, s, (size_t)(open - s))),
				      ip_esc_md_code(a, ip_arena_strndup(a, open + 1, (size_t)(close - open - 1)), false));
		s = close + 1;
	}
	return out;
}

typedef struct block {
	const char *const *lines; /* in text form */
	size_t n;
} block;

static void block_into(sink *k, const char *unused, const void *arg)
{
	(void)unused;
	const block *b = arg;
	size_t fence = 3;
	for (size_t i = 0; i < b->n; i++) {
		size_t r = longest_backtick_run(b->lines[i]) + 1;
		fence = r > fence ? r : fence;
	}
	for (size_t i = 0; i < fence; i++)
		putc_(k, '`');
	putc_(k, '\n');
	for (size_t i = 0; i < b->n; i++) {
		put(k, b->lines[i], strlen(b->lines[i]));
		putc_(k, '\n');
	}
	for (size_t i = 0; i < fence; i++)
		putc_(k, '`');
	putc_(k, '\n');
}

const char *ip_esc_md_block(ip_arena *a, const char *const *lines, size_t n)
{
	const char **t = ip_arena_alloc(a, (n ? n : 1) * sizeof(*t));
	for (size_t i = 0; i < n; i++)
		t[i] = ip_esc_text(a, lines[i] ? lines[i] : "");
	block b = { t, n };
	return run(a, block_into, "", &b);
}

/* --- csv ------------------------------------------------------------------ */

static void csv_into(sink *k, const char *s, const void *arg)
{
	(void)arg;
	bool formula = s[0] && strchr("=+-@\t\r", s[0]);
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		putc_(k, '"');
	if (formula)
		putc_(k, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			putc_(k, '"');
		putc_(k, *p);
	}
	if (quote)
		putc_(k, '"');
}

const char *ip_esc_csv(ip_arena *a, const char *s)
{
	if (!s)
		return NULL;
	const char *t = ip_esc_text(a, s);
	sink k = { NULL, 0 };
	csv_into(&k, t, NULL);
	return k.n == strlen(t) ? t : run(a, csv_into, t, NULL); /* it only adds bytes */
}
