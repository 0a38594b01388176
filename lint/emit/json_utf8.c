/* See json_utf8.h.
 *
 * The document is printed here rather than by cJSON_Print: the bytes are
 * cJSON's (same layout, escapes and numbers; tests/test_json_utf8.c holds
 * the two side by side), but in one pass that also replaces invalid UTF-8,
 * and without cJSON's sprintf("%1.15g") + sscanf round trip for every
 * number. Facts, lint and audit print tens of thousands of spans: that
 * round trip and the second UTF-8 pass were half of `iosplan facts`'s
 * instructions (callgrind, bench/run-suite).
 *
 * It is iosplan's one JSON output path (issue 19): every JSON byte any
 * command writes (lint, facts, plan, verify, hash, SARIF, audit's jsonl,
 * the language server's messages) comes out of it, and its string escape
 * (ip_json_string_escape) is the only one. cJSON stays for parsing input
 * and for building trees. Measured with bench/gate on a release build
 * (callgrind instructions, start-up off), December 2026:
 *   facts-ir    91 307 a device through this printer; 224 984 through
 *               cJSON_Print (2.5 times, before the U+FFFD pass it would
 *               still need)
 *   audit-ir    51 381 371 with audit's hand-written jsonl (fprintf and
 *               its own escape); 48 649 990 with its lines built as trees
 *               and printed here by a printer kept per thread (53 311 771
 *               with a fresh printer a line) */
#include "json_utf8.h"

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "error.h"

/* A key as printed ('"', the escaped key, '"', ':' and the tab when
 * pretty), remembered by the key's address: a document repeats the same
 * few dozen keys (string literals) thousands of times, and a key's text
 * cannot change while the document is printed. Keys that print longer
 * than the slot are not remembered. 1024 slots: a fact sheet has some 150
 * keys, and at 256 slots a quarter of them shared a slot with another
 * and were escaped again on every device (bench/gate facts-ir 100 372 at
 * 8 bits, 97 311 at 10; a one-shot print zeroes 48 KiB, cheap beside it). */
#define KEY_BITS 10
#define KEY_SLOTS (1u << KEY_BITS)
#define KEY_TEXT 32

typedef struct key_slot {
	const char *key;
	size_t len;
	char text[KEY_TEXT];
} key_slot;

typedef struct out {
	char *p;
	size_t n, cap;
	bool pretty;
	size_t depth;
	key_slot keys[KEY_SLOTS];
} out;

static void reserve(out *o, size_t more)
{
	if (o->n + more < o->cap)
		return;
	size_t cap = o->cap ? o->cap : 1024;
	while (cap <= o->n + more)
		cap *= 2;
	char *p = realloc(o->p, cap);
	if (!p)
		ip_out_of_memory(); /* out of memory, as everywhere in iosplan */
	o->p = p;
	o->cap = cap;
}

static void put(out *o, const char *s, size_t n)
{
	reserve(o, n);
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static void put_c(out *o, char c)
{
	reserve(o, 1);
	o->p[o->n++] = c;
}

/* Whether none of the 8 bytes in v needs more than a copy: no control
 * byte, no '"', no '\\', nothing past ASCII (the "has less than" and
 * "has zero byte" bit tricks, exact). */
static bool word_plain(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
	return !(((v - ones * 0x20) | v | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs);
}

/* The up to 7 bytes s[i..n) as a word, the rest of it spaces (plain), so
 * that word_plain judges the tail of a string in one step. When the string
 * has 8 bytes or more, its last 8 are loaded and shifted into place. */
static uint64_t tail_word(const unsigned char *s, size_t i, size_t n)
{
	const uint64_t spaces = 0x2020202020202020u;
	size_t rem = n - i; /* 1 to 7 */
	uint64_t v;
	if (n >= 8) {
		memcpy(&v, s + n - 8, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		return v >> (8 * (8 - rem)) | spaces << (8 * rem);
#else
		return v << (8 * (8 - rem)) | spaces >> (8 * rem);
#endif
	}
	unsigned char b[8]; /* short strings with escapes only: see copy_short */
	memcpy(b, &spaces, 8);
	for (size_t k = 0; k < rem; k++)
		b[k] = s[i + k];
	memcpy(&v, b, 8);
	return v;
}

/* A string of 1 to 7 bytes copied to w if all of them are plain, with
 * two overlapping 4-byte loads, or three single bytes under 4 (first,
 * middle, last), rather than byte by byte: most keys are that short. */
static bool copy_short(char *w, const unsigned char *s, size_t n)
{
	if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		if (!word_plain((uint64_t)a << 32 | b))
			return false;
		memcpy(w, &a, 4);
		memcpy(w + n - 4, &b, 4);
		return true;
	}
	unsigned char c0 = s[0], c1 = s[n / 2], c2 = s[n - 1];
	if (!word_plain(0x2020202020000000u | (uint64_t)c0 << 16 | (uint64_t)c1 << 8 | c2))
		return false;
	w[0] = (char)c0;
	w[n / 2] = (char)c1;
	w[n - 1] = (char)c2;
	return true;
}

/* One byte that is not plain: cJSON's escape, a whole valid UTF-8
 * sequence, or U+FFFD for a byte that starts none. Returns the input bytes
 * used. */
static size_t put_special(char **wp, const unsigned char *s, size_t i, size_t n)
{
	char *w = *wp;
	unsigned char c = s[i];
	size_t used = 1;
	if (c >= 0x80) {
		size_t len = ip_utf8_seq_len(s + i, n - i);
		if (len) {
			memcpy(w, s + i, len);
			w += len;
			used = len;
		} else {
			memcpy(w, "\xEF\xBF\xBD", 3);
			w += 3;
		}
	} else if (c >= 0x20 && c != '"' && c != '\\') {
		*w++ = (char)c;
	} else {
		*w++ = '\\';
		switch (c) {
		case '"': *w++ = '"'; break;
		case '\\': *w++ = '\\'; break;
		case '\b': *w++ = 'b'; break;
		case '\f': *w++ = 'f'; break;
		case '\n': *w++ = 'n'; break;
		case '\r': *w++ = 'r'; break;
		case '\t': *w++ = 't'; break;
		default: /* "\u001f", lower-case hex as cJSON writes it */
			*w++ = 'u';
			*w++ = '0';
			*w++ = '0';
			*w++ = "0123456789abcdef"[c >> 4];
			*w++ = "0123456789abcdef"[c & 15];
		}
	}
	*wp = w;
	return used;
}

/* The one JSON string escape of iosplan's output (json_utf8.h): cJSON's
 * escapes; a byte that starts no valid UTF-8 sequence becomes U+FFFD.
 * Plain bytes go eight at a time, the tail of the string too (padded with
 * spaces, which are overwritten by what follows): most strings here are
 * keys and names shorter than 16 bytes. dst has IP_JSON_STRING_MAX(n)
 * bytes. */
size_t ip_json_string_escape(char *dst, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	char *w = dst;
	*w++ = '"';
	if (n && n < 8 && copy_short(w, s, n)) {
		w += n;
		i = n;
	}
	while (i < n) {
		uint64_t v;
		size_t step = 8;
		if (i + 8 <= n) {
			memcpy(&v, s + i, 8);
		} else {
			v = tail_word(s, i, n);
			step = n - i;
		}
		if (word_plain(v)) {
			memcpy(w, &v, 8);
			w += step;
			i += step;
		} else {
			i += put_special(&w, s, i, n);
		}
	}
	*w++ = '"';
	return (size_t)(w - dst);
}

/* Room for the worst case is made once: see IP_JSON_STRING_MAX. */
static void put_string(out *o, const char *str)
{
	const char *s = str ? str : ""; /* as cJSON prints a NULL valuestring */
	size_t n = strlen(s);
	reserve(o, IP_JSON_STRING_MAX(n));
	o->n += ip_json_string_escape(o->p + o->n, s, n);
}

/* As cJSON 1.7.15 prints a number: "%1.15g", or "%1.17g" when that does
 * not read back. A whole number under 1e15 is its digits (and -0.0 is
 * "-0"): those are written without printf. */
static void put_number(out *o, const cJSON *item)
{
	double d = item->valuedouble;
	char buf[32];
	int len;
	if (isnan(d) || isinf(d)) {
		put(o, "null", 4);
		return;
	}
	if (d == floor(d) && fabs(d) < 1e15) {
		int64_t v = (int64_t)d;
		uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
		char *e = buf + sizeof(buf), *p = e;
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (signbit(d))
			*--p = '-';
		put(o, p, (size_t)(e - p));
		return;
	}
	len = snprintf(buf, sizeof(buf), "%1.15g", d);
	double test;
	if (sscanf(buf, "%lg", &test) != 1 ||
	    !(fabs(test - d) <= (fabs(test) > fabs(d) ? fabs(test) : fabs(d)) * 2.220446049250313e-16))
		len = snprintf(buf, sizeof(buf), "%1.17g", d);
	char point = localeconv()->decimal_point[0];
	for (int i = 0; i < len; i++)
		if (buf[i] == point)
			buf[i] = '.';
	put(o, buf, (size_t)len);
}

/* Raw text goes out as it is, but for bytes that are not UTF-8. */
static void put_raw(out *o, const char *raw)
{
	const unsigned char *s = (const unsigned char *)raw;
	size_t n = strlen(raw);
	for (size_t i = 0; i < n;) {
		size_t len = ip_utf8_seq_len(s + i, n - i);
		if (len)
			put(o, (const char *)s + i, len);
		else
			put(o, "\xEF\xBF\xBD", 3);
		i += len ? len : 1;
	}
}

static void put_value(out *o, const cJSON *item);

/* Word stores rather than memset: n is the depth, a handful, and a call to
 * memset per line cost more than the line's own bytes. */
static void put_tabs(out *o, size_t n)
{
	const uint64_t tabs = 0x0909090909090909u;
	reserve(o, n + 8);
	char *w = o->p + o->n;
	for (size_t i = 0; i < n; i += 8)
		memcpy(w + i, &tabs, 8);
	o->n += n;
}

static void put_array(out *o, const cJSON *a)
{
	put_c(o, '[');
	o->depth++;
	for (const cJSON *c = a->child; c; c = c->next) {
		put_value(o, c);
		if (c->next)
			put(o, ", ", o->pretty ? 2 : 1);
	}
	put_c(o, ']');
	o->depth--;
}

/* put_string(key) and the ':' that follows, from the slot when the same
 * key was printed before. */
static void put_key(out *o, const char *key)
{
	/* Fibonacci hashing: literals sit a few bytes apart. */
	uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15u;
	key_slot *k = &o->keys[h >> (64 - KEY_BITS)];
	reserve(o, KEY_TEXT);
	if (key && k->key == key) {
		memcpy(o->p + o->n, k->text, KEY_TEXT); /* a fixed size: no call */
		o->n += k->len;
		return;
	}
	size_t start = o->n;
	put_string(o, key);
	put(o, ":\t", o->pretty ? 2 : 1);
	size_t len = o->n - start;
	if (key && len <= KEY_TEXT) {
		k->key = key;
		k->len = len;
		memcpy(k->text, o->p + start, len);
	}
}

static void put_object(out *o, const cJSON *obj)
{
	put_c(o, '{');
	o->depth++;
	if (o->pretty)
		put_c(o, '\n');
	for (const cJSON *c = obj->child; c; c = c->next) {
		if (o->pretty)
			put_tabs(o, o->depth);
		put_key(o, c->string);
		put_value(o, c);
		if (c->next)
			put_c(o, ',');
		if (o->pretty)
			put_c(o, '\n');
	}
	if (o->pretty)
		put_tabs(o, o->depth - 1);
	put_c(o, '}');
	o->depth--;
}

static void put_value(out *o, const cJSON *item)
{
	switch (item->type & 0xFF) {
	case cJSON_NULL:
		put(o, "null", 4);
		break;
	case cJSON_False:
		put(o, "false", 5);
		break;
	case cJSON_True:
		put(o, "true", 4);
		break;
	case cJSON_Number:
		put_number(o, item);
		break;
	case cJSON_Raw:
		if (!item->valuestring)
			abort(); /* cJSON_Print fails on it too */
		put_raw(o, item->valuestring);
		break;
	case cJSON_String:
		put_string(o, item->valuestring);
		break;
	case cJSON_Array:
		put_array(o, item);
		break;
	case cJSON_Object:
		put_object(o, item);
		break;
	default:
		abort(); /* an invalid item: cJSON_Print fails on it too */
	}
}

char *ip_json_print_utf8(const cJSON *doc, int pretty)
{
	if (!doc)
		ip_out_of_memory();
	out o = { .pretty = pretty != 0 };
	put_value(&o, doc);
	put_c(&o, '\0');
	return o.p;
}

struct ip_json_printer {
	out o;
};

ip_json_printer *ip_json_printer_new(int pretty)
{
	ip_json_printer *p = calloc(1, sizeof(*p));
	if (!p)
		ip_out_of_memory();
	p->o.pretty = pretty != 0;
	return p;
}

const char *ip_json_printer_run(ip_json_printer *p, const cJSON *doc, size_t depth)
{
	if (!doc)
		ip_out_of_memory();
	p->o.n = 0;
	p->o.depth = depth;
	put_value(&p->o, doc);
	put_c(&p->o, '\0');
	return p->o.p;
}

void ip_json_printer_free(ip_json_printer *p)
{
	if (p)
		free(p->o.p);
	free(p);
}
