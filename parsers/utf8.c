/* UTF-8 validity; see utf8.h. */
#include "utf8.h"

#include <string.h>

#include "arena.h"

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

bool ip_utf8_valid(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len = ip_utf8_seq_len(u + i, n - i);
		if (!len)
			return false;
		i += len;
	}
	return true;
}

const char *ip_utf8_or_fffd(struct ip_arena *a, const char *s)
{
	size_t n = strlen(s);
	if (ip_utf8_valid(s, n))
		return s;
	char *out = ip_arena_alloc(a, 3 * n + 1), *o = out;
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len = ip_utf8_seq_len(u + i, n - i);
		if (len) {
			memcpy(o, s + i, len);
			o += len;
			i += len;
		} else {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		}
	}
	*o = '\0';
	return out;
}
