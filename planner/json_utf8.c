/* See json_utf8.h.
 *
 * The document is printed here rather than by cJSON_Print: the bytes are
 * cJSON's (same layout, escapes and numbers; tests/test_json_utf8.c holds
 * the two side by side), but in one pass that also replaces invalid UTF-8,
 * and without cJSON's sprintf("%1.15g") + sscanf round trip for every
 * number. Facts, lint and audit print tens of thousands of spans: that
 * round trip and the second UTF-8 pass were half of `iosplan facts`'s
 * instructions (callgrind, bench/run-suite). */
#include "json_utf8.h"

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

typedef struct out {
	char *p;
	size_t n, cap;
	bool pretty;
	size_t depth;
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
		abort(); /* out of memory, as everywhere in iosplan */
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

/* cJSON's escapes; a byte that starts no valid UTF-8 sequence becomes
 * U+FFFD. Room for the worst case (6 bytes a byte) is made once. */
static void put_string(out *o, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t n = strlen((const char *)s);
	reserve(o, 6 * n + 2);
	char *w = o->p + o->n;
	*w++ = '"';
	for (size_t i = 0; i < n;) {
		if (i + 8 <= n) { /* eight plain bytes at a time */
			uint64_t v;
			memcpy(&v, s + i, 8);
			if (word_plain(v)) {
				memcpy(w, &v, 8);
				w += 8;
				i += 8;
				continue;
			}
		}
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			*w++ = (char)c;
			i++;
			continue;
		}
		if (c >= 0x80) {
			size_t len = ip_utf8_seq_len(s + i, n - i);
			if (len) {
				memcpy(w, s + i, len);
				w += len;
				i += len;
			} else {
				memcpy(w, "\xEF\xBF\xBD", 3);
				w += 3;
				i++;
			}
			continue;
		}
		i++;
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
	*w++ = '"';
	o->n = (size_t)(w - o->p);
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

static void put_tabs(out *o, size_t n)
{
	reserve(o, n);
	memset(o->p + o->n, '\t', n);
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

static void put_object(out *o, const cJSON *obj)
{
	put_c(o, '{');
	o->depth++;
	if (o->pretty)
		put_c(o, '\n');
	for (const cJSON *c = obj->child; c; c = c->next) {
		if (o->pretty)
			put_tabs(o, o->depth);
		put_string(o, c->string);
		put(o, ":\t", o->pretty ? 2 : 1);
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
		abort();
	out o = { .pretty = pretty != 0 };
	put_value(&o, doc);
	put_c(&o, '\0');
	return o.p;
}
