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

#if defined(__SSE2__)
/* Lanes below 0x20 (an unsigned minimum: v <= 0x1f when min(v, 0x1f) is
 * v itself), or equal to DEL. */
static __m128i low_or_del(__m128i v)
{
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
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

void ip_line_scan_load(ip_line_scan *s)
{
	const char *b = s->p + s->base;
	size_t k = s->n - s->base;
	uint64_t sep_m = 0, odd_m = 0;
#if defined(__SSE2__)
	if (k >= 64) {
		const __m128i vsep = _mm_set1_epi8(s->sep), vmark = _mm_set1_epi8(s->mark);
		for (unsigned j = 0; j < 4; j++) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + 16 * j));
			__m128i odd = _mm_or_si128(low_or_del(v), _mm_cmpeq_epi8(v, vmark));
			sep_m |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vsep)) << (16 * j);
			odd_m |= (uint64_t)(unsigned)_mm_movemask_epi8(odd) << (16 * j);
		}
		k = 0;
	}
#endif
	for (size_t i = 0; i < k && i < 64; i++) {
		unsigned char c = (unsigned char)b[i];
		sep_m |= (uint64_t)(b[i] == s->sep) << i;
		odd_m |= (uint64_t)(c < 0x20 || c == 0x7f || b[i] == s->mark) << i;
	}
	s->sep_m = sep_m;
	s->odd_m = odd_m;
}

void ip_line_scan_init(ip_line_scan *s, const char *p, size_t n, char sep, char mark)
{
	*s = (ip_line_scan){ .p = p, .n = n, .sep = sep, .mark = mark };
	if (n)
		ip_line_scan_load(s);
}

size_t ip_count_byte(const char *p, size_t n, char c)
{
	size_t count = 0, i = 0;
#if defined(__SSE2__)
	/* each lane counts its matches down from 0 (a match is -1) for at most
	 * 255 rounds of 64 bytes (four accumulators), then the lanes are
	 * summed: no per-match work, where a log has a newline every 30 bytes */
	const __m128i vc = _mm_set1_epi8(c), zero = _mm_setzero_si128();
	while (i + 64 <= n) {
		__m128i acc[4] = { zero, zero, zero, zero };
		for (size_t k = 0; k < 255 && i + 64 <= n; k++, i += 64)
			for (unsigned j = 0; j < 4; j++) {
				__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 16 * j));
				acc[j] = _mm_add_epi8(acc[j], _mm_cmpeq_epi8(v, vc));
			}
		for (unsigned j = 0; j < 4; j++) {
			__m128i sums = _mm_sad_epu8(_mm_sub_epi8(zero, acc[j]), zero);
			count += (size_t)_mm_cvtsi128_si32(sums) +
				 (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
		}
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

static bool type_digit_at(const char *p, size_t i)
{
	return (unsigned)((unsigned char)p[i] - '5') <= 4u && p[i - 1] == ' ' && p[i + 1] == ' ';
}

const char *ip_find_type_digit(const char *p, size_t n)
{
	size_t i = 0; /* the first start of a load not yet looked at */
#if defined(__SSE2__)
	const __m128i sp = _mm_set1_epi8(' '), five = _mm_set1_epi8('5'), four = _mm_set1_epi8(4);
	/* lanes 1..14 of each load have both neighbours in it: 14 new digit
	 * positions a load, the loads overlapping by two */
	for (; i + 16 <= n; i += 14) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i d = _mm_sub_epi8(v, five);
		unsigned dm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, four), d));
		unsigned sm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, sp));
		unsigned m = dm & (sm << 1) & (sm >> 1) & 0x7ffeu;
		if (m)
			return p + i + (size_t)__builtin_ctz(m);
	}
#endif
	for (size_t k = i ? i + 1 : 1; k + 1 < n; k++)
		if (type_digit_at(p, k))
			return p + k;
	return NULL;
}
