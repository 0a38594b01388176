/* Byte columns to character columns; see utf16.h. */
#include "utf16.h"

size_t ip_utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len = 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	if (!len || len > n)
		return 0;
	unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	for (size_t i = 1; i < len; i++) {
		if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xBF))
			return 0;
	}
	return len;
}

/* The character at s: its length in bytes (*bytes) and in units of enc. */
static size_t char_units(const unsigned char *s, size_t n, ip_pos_encoding enc, size_t *bytes)
{
	size_t len = ip_utf8_seq_len(s, n);
	*bytes = len ? len : 1;
	if (!len)
		return 1;
	switch (enc) {
	case IP_POS_UTF8: return len;
	case IP_POS_UTF32: return 1;
	case IP_POS_UTF16: break;
	}
	return len == 4 ? 2 : 1;
}

size_t ip_text_units(const char *s, size_t n, ip_pos_encoding enc)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t units = 0;
	for (size_t i = 0; i < n;) {
		if (p[i] < 0x80) { /* the common case: ASCII */
			units++;
			i++;
			continue;
		}
		size_t bytes;
		units += char_units(p + i, n - i, enc, &bytes);
		i += bytes;
	}
	return units;
}

size_t ip_text_offset(const char *s, size_t n, size_t units, ip_pos_encoding enc)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, at = 0;
	while (i < n && at < units) {
		size_t bytes = 1;
		at += p[i] < 0x80 ? 1 : char_units(p + i, n - i, enc, &bytes);
		i += bytes;
	}
	return i;
}

uint32_t ip_utf16_col(const ip_line *l, uint32_t col)
{
	if (!l)
		return col;
	const unsigned char *p = (const unsigned char *)l->text;
	uint32_t extra = 0; /* bytes beyond one unit, before col */
	for (uint32_t i = 0; i < l->len;) {
		uint32_t at = l->colmap ? l->colmap[i] : i + 1;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t bytes;
		size_t units = char_units(p + i, l->len - i, IP_POS_UTF16, &bytes);
		if (at < col)
			extra += (uint32_t)(bytes - units);
		i += (uint32_t)bytes;
	}
	return col > extra ? col - extra : 1;
}
