#include "bytescan.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static bool binary_byte(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\b' && c != 0x1b) ||
	       c == 0x7f;
}

static bool control_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

#if defined(__SSE2__)
/* Lanes below 0x20 (signed compare: bytes >= 0x80 are negative, so they
 * are excluded by the >= 0 test), or equal to DEL. */
static __m128i low_or_del(__m128i v)
{
	__m128i low = _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
				    _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)));
	return _mm_or_si128(low, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
}

static __m128i lanes_equal_any(__m128i v, const char *set, int n)
{
	__m128i m = _mm_setzero_si128();
	for (int i = 0; i < n; i++)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(set[i])));
	return m;
}
#endif

size_t ip_count_binary_bytes(const char *p, size_t n)
{
	size_t count = 0, i = 0;
#if defined(__SSE2__)
	static const char text_ctl[] = { '\n', '\r', '\t', '\b', 0x1b };
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned low = (unsigned)_mm_movemask_epi8(low_or_del(v));
		if (!low)
			continue;
		/* text's own control bytes (a newline in most blocks) do not count */
		unsigned ok = (unsigned)_mm_movemask_epi8(lanes_equal_any(v, text_ctl, 5));
		for (unsigned bad = low & ~ok; bad; bad &= bad - 1)
			count++;
	}
#endif
	for (; i < n; i++)
		count += binary_byte((unsigned char)p[i]);
	return count;
}

static size_t ctz(unsigned m)
{
	return (size_t)__builtin_ctz(m);
}

size_t ip_line_end(const char *p, size_t n, char sep, size_t *first_ctl)
{
	size_t i = 0;
	*first_ctl = SIZE_MAX;
#if defined(__SSE2__)
	const __m128i vsep = _mm_set1_epi8(sep), tab = _mm_set1_epi8('\t');
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned end = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vsep));
		unsigned ctl = (unsigned)_mm_movemask_epi8(
			_mm_andnot_si128(_mm_cmpeq_epi8(v, tab), low_or_del(v)));
		if (end)
			ctl &= (end & -end) - 1; /* the bytes before the separator */
		if (ctl && *first_ctl == SIZE_MAX)
			*first_ctl = i + ctz(ctl);
		if (end)
			return i + ctz(end);
	}
#endif
	for (; i < n && p[i] != sep; i++)
		if (*first_ctl == SIZE_MAX && control_byte((unsigned char)p[i]))
			*first_ctl = i;
	return i;
}

size_t ip_count_byte(const char *p, size_t n, char c)
{
	size_t count = 0, i = 0;
#if defined(__SSE2__)
	const __m128i vc = _mm_set1_epi8(c);
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		for (unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vc)); m; m &= m - 1)
			count++;
	}
#endif
	for (; i < n; i++)
		count += p[i] == c;
	return count;
}

const char *ip_find(const char *p, size_t n, const char *needle, size_t nl)
{
	if (nl == 0)
		return p;
	const char *q = p, *end = p + n;
	while ((size_t)(end - q) >= nl &&
	       (q = memchr(q, needle[0], (size_t)(end - q) - nl + 1)) != NULL) {
		if (memcmp(q + 1, needle + 1, nl - 1) == 0)
			return q;
		q++;
	}
	return NULL;
}
