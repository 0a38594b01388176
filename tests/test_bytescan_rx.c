/* The byte scanners the capture reader runs on every byte (SSE2 blocks and
 * the byte-at-a-time tails must agree, at every offset and length), and the
 * regex wrapper's switch from the interpreter to JIT code after
 * IP_RX_JIT_AFTER runs (the same matches before and after, on several
 * threads at once). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "bytescan.h"
#include "rx.h"

static bool binary_byte(unsigned char c)
{
	return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\b' && c != 0x1b) ||
	       c == 0x7f;
}

static bool control_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f;
}

/* A 70-byte buffer with one special byte at `at` (and text elsewhere, some
 * of it >= 0x80, which is not control). */
static void fill(char *b, size_t n, size_t at, unsigned char special)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (char)(i % 7 == 3 ? 0xe9 : 'a' + (int)(i % 26));
	if (at < n)
		b[at] = (char)special;
}

/* The first line of b[0, n) as the line scanner sees it: its length and
 * first control byte (SIZE_MAX: none), and whether it holds an 'M'. */
static size_t first_line(const char *b, size_t n, size_t *ctl, bool *marked)
{
	ip_line_scan s;
	ip_scanned_line l;
	ip_line_scan_init(&s, b, n, '\n', 'M');
	if (!ip_line_scan_next(&s, &l)) {
		*ctl = SIZE_MAX;
		*marked = false;
		return 0;
	}
	*ctl = l.first_ctl;
	*marked = l.marked;
	return l.len;
}

Test(bytescan, every_byte_value_at_every_offset)
{
	char b[70];
	for (unsigned v = 0; v < 256; v++)
		for (size_t at = 0; at < 40; at++)
			for (size_t n = 0; n <= 40; n += 3) {
				fill(b, sizeof(b), at, (unsigned char)v);
				size_t want_bin = 0, want_ctl = SIZE_MAX, want_end = n, want_a = 0;
				for (size_t i = 0; i < n; i++) {
					want_bin += binary_byte((unsigned char)b[i]);
					want_a += b[i] == 'a';
				}
				for (size_t i = 0; i < n; i++)
					if (b[i] == '\n') {
						want_end = i;
						break;
					}
				bool want_marked = false;
				for (size_t i = 0; i < want_end; i++)
					want_marked |= b[i] == 'M';
				for (size_t i = 0; i < want_end; i++)
					if (control_byte((unsigned char)b[i])) {
						want_ctl = i;
						break;
					}
				size_t ctl;
				bool marked;
				size_t end = first_line(b, n, &ctl, &marked);
				cr_assert_eq(ip_count_binary_bytes(b, n), want_bin, "v %u at %zu n %zu", v, at, n);
				cr_assert_eq(end, want_end, "v %u at %zu n %zu", v, at, n);
				cr_assert_eq(ctl, want_ctl, "v %u at %zu n %zu", v, at, n);
				cr_assert_eq(marked, want_marked, "v %u at %zu n %zu", v, at, n);
				cr_assert_eq(ip_count_byte(b, n, 'a'), want_a);
			}
}

/* A deterministic generator (xorshift): the same buffers on every run. */
static uint32_t next_rand(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* Lines of 0 to 150 bytes (so that separators fall on every offset of a
 * 64-byte chunk, lines span one to three chunks, and a buffer ends
 * anywhere), with the bytes the scanner classifies mixed into text. */
static size_t random_lines(char *b, size_t cap, uint32_t *x, char sep)
{
	static const char alphabet[] = { 'a', 'a', 'a', ' ', 'M', '\t', '\r', '\n', 0x1b,
					  0x7f, '\b', (char)0xe9, (char)0x80, '-' };
	size_t n = 0, want = next_rand(x) % cap;
	while (n < want) {
		size_t len = next_rand(x) % 151;
		for (size_t i = 0; i < len && n < want; i++) {
			char c = next_rand(x) % 4 ? 'a' : alphabet[next_rand(x) % sizeof(alphabet)];
			b[n++] = c == sep ? 'a' : c;
		}
		if (n < want)
			b[n++] = sep;
	}
	b[n] = '\0'; /* as the capture reader leaves it */
	return n;
}

/* The scanner against the byte-at-a-time model: every line's start, length,
 * first control byte and 'M' mark, and no line more or less. */
Test(bytescan, line_scan_agrees_with_model)
{
	static char b[2048];
	uint32_t x = 2463534242u;
	for (int round = 0; round < 3000; round++) {
		char sep = round % 3 == 2 ? '\r' : '\n';
		size_t n = random_lines(b, sizeof(b) - 1, &x, sep);
		ip_line_scan s;
		ip_scanned_line got;
		ip_line_scan_init(&s, b, n, sep, 'M');
		size_t at = 0, lines = 0;
		while (at < n) {
			size_t end = at, ctl = SIZE_MAX;
			bool marked = false;
			for (; end < n && b[end] != sep; end++) {
				if (ctl == SIZE_MAX && control_byte((unsigned char)b[end]))
					ctl = end - at;
				marked |= b[end] == 'M';
			}
			cr_assert(ip_line_scan_next(&s, &got), "round %d: line %zu missing", round, lines);
			cr_assert_eq(got.start, at, "round %d line %zu", round, lines);
			cr_assert_eq(got.len, end - at, "round %d line %zu", round, lines);
			cr_assert_eq(got.first_ctl, ctl, "round %d line %zu", round, lines);
			cr_assert_eq(got.marked, marked, "round %d line %zu", round, lines);
			at = end + 1;
			lines++;
		}
		cr_assert(!ip_line_scan_next(&s, &got), "round %d: a line after the last", round);
	}
}

/* The separator counter sums its byte lanes every 255 rounds of 64 bytes:
 * a buffer of nothing but separators (every lane at its limit), and one
 * just past each boundary, still count exactly. */
Test(bytescan, count_byte_past_lane_limits)
{
	size_t sizes[] = { 255 * 64 - 1, 255 * 64, 255 * 64 + 1, 2 * 255 * 64 + 17, 100000 };
	char *b = malloc(100000);
	cr_assert(b);
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		memset(b, '\n', sizes[k]);
		cr_assert_eq(ip_count_byte(b, sizes[k], '\n'), sizes[k]);
		for (size_t i = 0; i < sizes[k]; i++)
			b[i] = i % 3 ? 'x' : '\n';
		cr_assert_eq(ip_count_byte(b, sizes[k], '\n'), (sizes[k] + 2) / 3);
	}
	free(b);
}

Test(bytescan, find)
{
	static const struct {
		const char *hay, *needle;
		long at; /* -1: absent */
	} rows[] = {
		{ "R1 uptime is 5 weeks", " uptime is ", 2 },
		{ "  at at at", " at", 1 },
		{ "Version", "Version ", -1 },
		{ "xxVersionVersion ", "Version ", 9 },
		{ "", "a", -1 },
		{ "abc", "", 0 },
		{ "aaab", "aab", 1 },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *h = rows[i].hay;
		const char *p = ip_find(h, strlen(h), rows[i].needle, strlen(rows[i].needle));
		cr_assert_eq(p ? p - h : -1, rows[i].at, "%s in %s", rows[i].needle, h);
	}
}

static ip_rx test_rx[] = {
	{ "^(\\S+) uptime is (.*)$", 0, NULL },
	{ "^boot system (flash\\S*:)?(\\S+)$", IP_RX_CASELESS, NULL },
};

static const char *const subjects[] = {
	"R1 uptime is 5 weeks", "boot system flash:c2960.bin", "BOOT SYSTEM X.BIN",
	"no match here", "R-2 uptime is ", "boot system tftp x",
};

/* What each subject gives: whether it matches, and its groups. */
static void expect(const char *s, int k, ip_rx_match *want)
{
	*want = (ip_rx_match){ 0 };
	ip_rx_exec(&test_rx[k], s, strlen(s), want);
}

static int run_many(void *arg)
{
	int *bad = arg;
	ip_rx_match want[6][2], got;
	for (size_t i = 0; i < 6; i++)
		for (int k = 0; k < 2; k++)
			expect(subjects[i], k, &want[i][k]);
	for (int round = 0; round < 3 * IP_RX_JIT_AFTER; round++)
		for (size_t i = 0; i < 6; i++)
			for (int k = 0; k < 2; k++) {
				got = (ip_rx_match){ 0 };
				bool m = ip_rx_exec(&test_rx[k], subjects[i], strlen(subjects[i]), &got);
				*bad += m != (want[i][k].n > 0) || got.n != want[i][k].n ||
					memcmp(got.start, want[i][k].start, sizeof(got.start[0]) * (size_t)got.n) ||
					memcmp(got.end, want[i][k].end, sizeof(got.end[0]) * (size_t)got.n);
			}
	ip_rx_thread_end();
	return 0;
}

Test(rx, same_matches_before_and_after_jit_on_threads)
{
	ip_rx_match m;
	cr_assert(ip_rx_exec(&test_rx[0], "R1 uptime is 5 weeks", 20, &m));
	cr_assert_eq(ip_rx_group_len(&m, 1), 2);
	cr_assert_eq(m.start[2], 13);
	cr_assert(ip_rx_exec(&test_rx[1], "BOOT SYSTEM flash:x.bin", 23, &m));
	cr_assert(!ip_rx_exec(&test_rx[1], "boot system", 11, NULL));
	thrd_t t[4];
	int bad[4] = { 0 };
	for (int i = 0; i < 4; i++)
		cr_assert_eq(thrd_create(&t[i], run_many, &bad[i]), thrd_success);
	for (int i = 0; i < 4; i++) {
		thrd_join(t[i], NULL);
		cr_assert_eq(bad[i], 0, "thread %d saw %d different matches", i, bad[i]);
	}
}
