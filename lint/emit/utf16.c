/* Byte columns to character columns; see utf16.h. */
#include "utf16.h"

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
