/* parsers/version.c: parse, normalise and compare IOS / IOS-XE versions.
 * Strings come from DOMAIN.md §3.1/§6, the upgrade seed and the ntc
 * show_version captures. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "version.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define INC IP_VER_INCOMPARABLE

static ip_version parse_ok(const char *s)
{
	ip_version v;
	cr_assert(ip_version_parse(&v, s, strlen(s)), "should parse: \"%s\"", s);
	return v;
}

typedef struct parse_case {
	const char *in;
	ip_ver_scheme scheme;
	int major, minor, release;
	const char *maint, *train;
	int train_num;
	const char *letter, *norm;
} parse_case;

static const parse_case parse_cases[] = {
	/* classic IOS */
	{ "15.2(7)E9", IP_VER_CLASSIC, 15, 2, 7, "", "E", 9, "", "15.2(7)E9" },
	{ "15.2(7)E6", IP_VER_CLASSIC, 15, 2, 7, "", "E", 6, "", "15.2(7)E6" },
	{ "12.2(55)SE8", IP_VER_CLASSIC, 12, 2, 55, "", "SE", 8, "", "12.2(55)SE8" },
	{ "15.1(4)M8", IP_VER_CLASSIC, 15, 1, 4, "", "M", 8, "", "15.1(4)M8" },
	{ "15.0(1)M7", IP_VER_CLASSIC, 15, 0, 1, "", "M", 7, "", "15.0(1)M7" },
	{ "15.2(2)E7", IP_VER_CLASSIC, 15, 2, 2, "", "E", 7, "", "15.2(2)E7" },
	{ "15.2(2)E8", IP_VER_CLASSIC, 15, 2, 2, "", "E", 8, "", "15.2(2)E8" },
	{ "12.4(6)T2", IP_VER_CLASSIC, 12, 4, 6, "", "T", 2, "", "12.4(6)T2" },
	{ "12.4(6)T", IP_VER_CLASSIC, 12, 4, 6, "", "T", -1, "", "12.4(6)T" },
	{ "12.3(6f)", IP_VER_CLASSIC, 12, 3, 6, "f", "", -1, "", "12.3(6f)" },
	{ "12.3(6)", IP_VER_CLASSIC, 12, 3, 6, "", "", -1, "", "12.3(6)" },
	{ "12.2(2)XA1", IP_VER_CLASSIC, 12, 2, 2, "", "XA", 1, "", "12.2(2)XA1" },
	{ "11.2(5)P", IP_VER_CLASSIC, 11, 2, 5, "", "P", -1, "", "11.2(5)P" },
	{ "15.2(4.0.55)E", IP_VER_CLASSIC, 15, 2, 4, "0.55", "E", -1, "", "15.2(4.0.55)E" },
	{ "12.2(18)SXF7", IP_VER_CLASSIC, 12, 2, 18, "", "SXF", 7, "", "12.2(18)SXF7" },
	{ "15.6(2)SP4", IP_VER_CLASSIC, 15, 6, 2, "", "SP", 4, "", "15.6(2)SP4" },
	{ "15.0(1r)M16", IP_VER_CLASSIC, 15, 0, 1, "r", "M", 16, "", "15.0(1r)M16" },
	{ "12.2(44r)SG9", IP_VER_CLASSIC, 12, 2, 44, "r", "SG", 9, "", "12.2(44r)SG9" },
	{ "15.2(2r)E1", IP_VER_CLASSIC, 15, 2, 2, "r", "E", 1, "", "15.2(2r)E1" },
	{ "12.3(8r)YH6", IP_VER_CLASSIC, 12, 3, 8, "r", "YH", 6, "", "12.3(8r)YH6" },
	{ "16.9(4r)", IP_VER_CLASSIC, 16, 9, 4, "r", "", -1, "", "16.9(4r)" },
	{ "15.3(2)S1", IP_VER_CLASSIC, 15, 3, 2, "", "S", 1, "", "15.3(2)S1" },
	{ "15.8(3)M2", IP_VER_CLASSIC, 15, 8, 3, "", "M", 2, "", "15.8(3)M2" },
	{ "12.2(54)SG1", IP_VER_CLASSIC, 12, 2, 54, "", "SG", 1, "", "12.2(54)SG1" },
	{ "15.5(3)S4b", IP_VER_CLASSIC, 15, 5, 3, "", "S", 4, "b", "15.5(3)S4b" },
	{ "15.2(2a)E2", IP_VER_CLASSIC, 15, 2, 2, "a", "E", 2, "", "15.2(2a)E2" },
	{ "15.0(2)SE11", IP_VER_CLASSIC, 15, 0, 2, "", "SE", 11, "", "15.0(2)SE11" },
	{ "12.2(25)SEE", IP_VER_CLASSIC, 12, 2, 25, "", "SEE", -1, "", "12.2(25)SEE" },
	{ "15.4(3)M", IP_VER_CLASSIC, 15, 4, 3, "", "M", -1, "", "15.4(3)M" },
	{ "15.2(7)e9", IP_VER_CLASSIC, 15, 2, 7, "", "E", 9, "", "15.2(7)E9" },
	{ "  15.2(7)E9 ", IP_VER_CLASSIC, 15, 2, 7, "", "E", 9, "", "15.2(7)E9" },
	/* IOS-XE 16/17 */
	{ "16.12.04", IP_VER_XE, 16, 12, 4, "", "", -1, "", "16.12.4" },
	{ "16.12.4", IP_VER_XE, 16, 12, 4, "", "", -1, "", "16.12.4" },
	{ "16.09.03", IP_VER_XE, 16, 9, 3, "", "", -1, "", "16.9.3" },
	{ "16.09.06", IP_VER_XE, 16, 9, 6, "", "", -1, "", "16.9.6" },
	{ "16.9.5", IP_VER_XE, 16, 9, 5, "", "", -1, "", "16.9.5" },
	{ "17.09.04a", IP_VER_XE, 17, 9, 4, "", "", -1, "a", "17.9.4a" },
	{ "17.09.04A", IP_VER_XE, 17, 9, 4, "", "", -1, "a", "17.9.4a" },
	{ "17.5.1a", IP_VER_XE, 17, 5, 1, "", "", -1, "a", "17.5.1a" },
	{ "17.05.01a", IP_VER_XE, 17, 5, 1, "", "", -1, "a", "17.5.1a" },
	{ "16.9.1r", IP_VER_XE, 16, 9, 1, "", "", -1, "r", "16.9.1r" },
	{ "17.3.1r", IP_VER_XE, 17, 3, 1, "", "", -1, "r", "17.3.1r" },
	{ "17.1.1", IP_VER_XE, 17, 1, 1, "", "", -1, "", "17.1.1" },
	{ "17.06.01", IP_VER_XE, 17, 6, 1, "", "", -1, "", "17.6.1" },
	{ "16.12.08", IP_VER_XE, 16, 12, 8, "", "", -1, "", "16.12.8" },
	{ "17.10.01", IP_VER_XE, 17, 10, 1, "", "", -1, "", "17.10.1" },
	{ "16.03.06", IP_VER_XE, 16, 3, 6, "", "", -1, "", "16.3.6" },
	/* show install summary: build fields are not part of the order */
	{ "17.15.03.0.5371", IP_VER_XE, 17, 15, 3, "", "", -1, "", "17.15.3" },
	{ "16.6.6.0", IP_VER_XE, 16, 6, 6, "", "", -1, "", "16.6.6" },
	{ "17.09.04a.0.4", IP_VER_XE, 17, 9, 4, "", "", -1, "a", "17.9.4a" },
	/* IOS-XE 3.x */
	{ "3.6.5E", IP_VER_XE, 3, 6, 5, "", "E", -1, "", "3.6.5E" },
	{ "03.06.05E", IP_VER_XE, 3, 6, 5, "", "E", -1, "", "3.6.5E" },
	{ "03.09.01.S", IP_VER_XE, 3, 9, 1, "", "S", -1, "", "3.9.1S" },
	{ "03.16.10.S", IP_VER_XE, 3, 16, 10, "", "S", -1, "", "3.16.10S" },
	{ "03.16.04b.S", IP_VER_XE, 3, 16, 4, "", "S", -1, "b", "3.16.4bS" },
	{ "03.04.06.SG", IP_VER_XE, 3, 4, 6, "", "SG", -1, "", "3.4.6SG" },
	{ "03.06.02a.E", IP_VER_XE, 3, 6, 2, "", "E", -1, "a", "3.6.2aE" },
	{ "03.03.04.SE", IP_VER_XE, 3, 3, 4, "", "SE", -1, "", "3.3.4SE" },
	{ "03.06.05bE", IP_VER_XE, 3, 6, 5, "", "E", -1, "b", "3.6.5bE" },
	{ "03.14.01.S", IP_VER_XE, 3, 14, 1, "", "S", -1, "", "3.14.1S" },
	/* special builds: numbers only where the string shows them */
	{ "17.07.01prd16", IP_VER_SPECIAL, 17, 7, 1, "", "", -1, "", "17.07.01prd16" },
	{ "V169_5_SR689355441_2", IP_VER_SPECIAL, -1, -1, -1, "", "", -1, "", "V169_5_SR689355441_2" },
	{ "17.4.20200702:124009", IP_VER_SPECIAL, 17, 4, -1, "", "", -1, "", "17.4.20200702:124009" },
	{ "BLD_V174_THROTTLE_LATEST_20200702_120020", IP_VER_SPECIAL, -1, -1, -1, "", "", -1, "",
	  "BLD_V174_THROTTLE_LATEST_20200702_120020" },
	{ "Experimental Version 17.4.20200702:124009 [S2C-build-v174_throttle-4064-/nobackup/mcpre/"
	  "BLD-BLD_V174_THROTTLE_LATEST_20200702_120020 116]",
	  IP_VER_SPECIAL, -1, -1, -1, "", "", -1, "", "Experimental Version 17.4.20200702:124009 [S2C-" },
};

Test(version, parse_table)
{
	for (size_t i = 0; i < N(parse_cases); i++) {
		const parse_case *c = &parse_cases[i];
		ip_version v;
		char norm[64];
		cr_assert(ip_version_parse(&v, c->in, strlen(c->in)), "parse \"%s\"", c->in);
		cr_expect_eq(v.scheme, c->scheme, "%s: scheme %d", c->in, v.scheme);
		cr_expect_eq(v.major, c->major, "%s: major %d", c->in, v.major);
		cr_expect_eq(v.minor, c->minor, "%s: minor %d", c->in, v.minor);
		cr_expect_eq(v.release, c->release, "%s: release %d", c->in, v.release);
		cr_expect_str_eq(v.maint, c->maint, "%s: maint \"%s\"", c->in, v.maint);
		cr_expect_str_eq(v.train, c->train, "%s: train \"%s\"", c->in, v.train);
		cr_expect_eq(v.train_num, c->train_num, "%s: train_num %d", c->in, v.train_num);
		cr_expect_str_eq(v.letter, c->letter, "%s: letter \"%s\"", c->in, v.letter);
		ip_version_normalise(&v, norm, sizeof(norm));
		cr_expect_str_eq(norm, c->norm, "%s: normalised \"%s\"", c->in, norm);
	}
}

Test(version, raw_is_the_trimmed_input_truncated_to_fit)
{
	ip_version v = parse_ok("  16.09.03\t");
	cr_expect_str_eq(v.raw, "16.09.03");
	v = parse_ok(parse_cases[N(parse_cases) - 1].in);
	cr_expect_eq(strlen(v.raw), sizeof(v.raw) - 1);
}

/* Only the first len bytes are read: the rest of a show version line must
 * not leak in. */
Test(version, reads_only_len_bytes)
{
	const char *line = "15.2(2)E7, RELEASE SOFTWARE (fc3)";
	ip_version v;
	cr_assert(ip_version_parse(&v, line, 9));
	cr_expect_str_eq(v.raw, "15.2(2)E7");
	cr_expect_not(ip_version_parse(&v, line, 10), "the comma is not part of a version");
	char exact[8];
	memcpy(exact, "16.12.4", 7); /* no NUL: ASan catches a read past len */
	char *heap = malloc(7);
	memcpy(heap, exact, 7);
	cr_expect(ip_version_parse(&v, heap, 7));
	free(heap);
}

static const char *const junk[] = {
	"", " ", "Version", "abc", "1.2.3.4.5.6.7", "3.58", "10.1.6.241", "192.168.1.100",
	"1.2.3", "5.12.4", "15.12.4", "15.2", "15", "15.2(7", "15.2()E9", "15.2(7)E9,",
	"15.2(7)E9 RELEASE", "(fc2)", "16.12.04.SPA", "0x2102", "17.3.1r[FC2]",
	"Experimental", "V169", "15.2(7)E12345", "99999999999999999999.1.1",
	"15.2(99999999999)E1", "16.99999999999.1", "16.12.4-", "-16.12.4", "16..12.4",
	"16.12.4abcde", "15.2(7)E9a.b", "15.2(7.)E", "15.2(4.0.55.1.2)E", "12.2(55)SE8/",
	"IOS-XE", "ROMMON", "Bootstrap", "CUST-SPECIAL:V169_5_SR689355441_2",
	"03.06.05Eb", "03.06.05.E.S", "16.9.1.S", "17.09.04.1", "c2960-lanbasek9-mz.152-7.E9.bin",
	"15.2(7)E9\x80", "\xff\xfe", "16.\xc3\xa9" "12.4",
};

Test(version, rejects_junk)
{
	for (size_t i = 0; i < N(junk); i++) {
		ip_version v;
		memset(&v, 0x5a, sizeof(v));
		cr_expect_not(ip_version_parse(&v, junk[i], strlen(junk[i])), "accepted \"%s\"", junk[i]);
		cr_expect_eq(v.scheme, IP_VER_INVALID, "\"%s\": out not cleared", junk[i]);
		cr_expect_str_eq(v.raw, "");
	}
	ip_version v;
	cr_expect_not(ip_version_parse(&v, "16.12.04\0x", 10), "embedded NUL");
	cr_expect_not(ip_version_parse(&v, NULL, 0));
}

Test(version, normalise_edges)
{
	ip_version v = parse_ok("15.2(7)E9");
	char buf[8] = "xxxxxxx";
	ip_version_normalise(&v, buf, 0);
	cr_expect_eq(buf[0], 'x', "n == 0 writes nothing");
	ip_version_normalise(&v, buf, 5);
	cr_expect_str_eq(buf, "15.2");
	ip_version_normalise(&v, NULL, 10);
	ip_version inv;
	cr_expect_not(ip_version_parse(&inv, "junk", 4));
	char big[32] = "x";
	ip_version_normalise(&inv, big, sizeof(big));
	cr_expect_str_eq(big, "");
	ip_version_normalise(NULL, big, sizeof(big));
	cr_expect_str_eq(big, "");
}

typedef struct cmp_case {
	const char *a, *b;
	int want;
} cmp_case;

static const cmp_case cmp_cases[] = {
	/* classic: (release, maint letter, train number, rebuild) in one train */
	{ "15.2(7)E6", "15.2(7)E9", -1 },
	{ "15.2(7)E9", "15.2(8)E1", -1 },
	{ "15.2(7)E9", "15.2(7)E9", 0 },
	{ "15.2(7)e9", "15.2(7)E9", 0 },
	{ "15.2(7)E", "15.2(7)E1", -1 },
	{ "15.1(4)M8", "15.1(4)M10", -1 },
	{ "15.1(4)M4", "15.1(4)M8", -1 },
	{ "12.3(6)", "12.3(6f)", -1 },
	{ "12.3(6a)", "12.3(6f)", -1 },
	{ "12.3(6f)", "12.3(7)", -1 },
	{ "12.2(55)SE8", "12.2(58)SE2", -1 },
	{ "15.5(3)S4", "15.5(3)S4b", -1 },
	{ "15.5(3)S4b", "15.5(3)S5", -1 },
	{ "15.2(2)E7", "15.2(7)E13", -1 },
	/* classic: another train or major.minor is a migration, not an order */
	{ "15.2(7)E9", "15.0(2)SE11", INC },
	{ "15.2(7)E9", "15.2(7)M9", INC },
	{ "12.2(55)SE8", "15.0(2)SE11", INC },
	{ "12.2(55)SE8", "12.2(55)SEE", INC },
	{ "12.3(6)", "12.3(6)T", INC },
	{ "15.1(4)M8", "15.2(4)M8", INC },
	/* ROMMON and engineering builds */
	{ "15.0(1r)M16", "15.0(1)M16", INC },
	{ "15.0(1r)M12", "15.0(1r)M16", -1 },
	{ "15.2(4.0.55)E", "15.2(4)E", INC },
	{ "15.2(4.0.55)E", "15.2(4.0.55)E", 0 },
	{ "15.2(4.0.55)E", "15.2(4.0.56)E", INC },
	/* IOS-XE: numbers, padding stripped, rebuild letter after none */
	{ "16.09.06", "16.9.6", 0 },
	{ "16.12.04", "16.12.4", 0 },
	{ "16.9.6", "16.12.4", -1 },
	{ "16.12.4", "16.12.10", -1 },
	{ "16.12.10", "17.1.1", -1 },
	{ "17.9.4", "17.9.4a", -1 },
	{ "17.9.4a", "17.9.4b", -1 },
	{ "17.9.4b", "17.9.5", -1 },
	{ "17.09.04a", "17.9.4a", 0 },
	{ "17.15.03.0.5371", "17.15.3", 0 },
	{ "16.9.3", "16.9.5", -1 },
	/* XE 3.x: one train at a time, and below 16.x */
	{ "3.6.5E", "03.06.05E", 0 },
	{ "03.06.05E", "03.07.01.E", -1 },
	{ "03.06.02a.E", "03.06.05E", -1 },
	{ "03.06.05E", "16.3.6", -1 },
	{ "03.16.10.S", "16.9.1", -1 },
	{ "03.16.04b.S", "03.16.10.S", -1 },
	{ "03.06.05E", "03.09.01.S", INC },
	{ "03.04.06.SG", "03.04.06.S", INC },
	/* ROMMON XE */
	{ "16.9.1r", "16.9.1", INC },
	{ "16.9.1r", "17.3.1r", -1 },
	/* across schemes */
	{ "15.1(4)M8", "16.9.3", INC },
	{ "15.3(2)S1", "03.09.01.S", INC },
	{ "16.9(4r)", "16.9.4r", INC },
	/* special builds never order */
	{ "17.07.01prd16", "17.07.01prd16", INC },
	{ "17.07.01prd16", "17.7.1", INC },
	{ "V169_5_SR689355441_2", "16.9.5", INC },
	{ "V169_5_SR689355441_2", "V169_5_SR689355441_2", INC },
	{ "17.4.20200702:124009", "17.4.1", INC },
};

static int flip(int r)
{
	return r == INC ? INC : -r;
}

Test(version, cmp_table)
{
	for (size_t i = 0; i < N(cmp_cases); i++) {
		const cmp_case *c = &cmp_cases[i];
		ip_version a = parse_ok(c->a), b = parse_ok(c->b);
		int r = ip_version_cmp(&a, &b);
		cr_expect_eq(r, c->want, "cmp(%s, %s) = %d, want %d", c->a, c->b, r, c->want);
		r = ip_version_cmp(&b, &a);
		cr_expect_eq(r, flip(c->want), "cmp(%s, %s) = %d, want %d", c->b, c->a, r, flip(c->want));
	}
}

Test(version, cmp_invalid_is_incomparable)
{
	ip_version inv, v = parse_ok("15.2(7)E9");
	cr_expect_not(ip_version_parse(&inv, "Version", 7));
	cr_expect_eq(ip_version_cmp(&inv, &v), INC);
	cr_expect_eq(ip_version_cmp(&v, &inv), INC);
	cr_expect_eq(ip_version_cmp(&inv, &inv), INC);
	cr_expect_eq(ip_version_cmp(NULL, &v), INC);
	cr_expect_not(ip_version_same_train(&inv, &inv));
	cr_expect_not(ip_version_same_train(&v, NULL));
}

/* Every version in both tables against every other: cmp is antisymmetric,
 * reflexive for ordered schemes, transitive, and agrees with same_train. */
static ip_version all[N(parse_cases) + 2 * N(cmp_cases)];
static size_t n_all;

static void collect(void)
{
	n_all = 0;
	for (size_t i = 0; i < N(parse_cases); i++)
		all[n_all++] = parse_ok(parse_cases[i].in);
	for (size_t i = 0; i < N(cmp_cases); i++) {
		all[n_all++] = parse_ok(cmp_cases[i].a);
		all[n_all++] = parse_ok(cmp_cases[i].b);
	}
}

Test(version, cmp_antisymmetric_and_reflexive)
{
	collect();
	for (size_t i = 0; i < n_all; i++) {
		int self = ip_version_cmp(&all[i], &all[i]);
		if (all[i].scheme == IP_VER_SPECIAL)
			cr_expect_eq(self, INC, "%s vs itself", all[i].raw);
		else
			cr_expect_eq(self, 0, "%s vs itself: %d", all[i].raw, self);
		for (size_t j = 0; j < n_all; j++) {
			int ab = ip_version_cmp(&all[i], &all[j]);
			int ba = ip_version_cmp(&all[j], &all[i]);
			cr_assert(ab == -1 || ab == 0 || ab == 1 || ab == INC);
			cr_expect_eq(ab, flip(ba), "cmp(%s,%s)=%d but cmp(%s,%s)=%d", all[i].raw,
				     all[j].raw, ab, all[j].raw, all[i].raw, ba);
			if (ab != INC && all[i].scheme == IP_VER_CLASSIC)
				cr_expect(ip_version_same_train(&all[i], &all[j]), "%s ~ %s",
					  all[i].raw, all[j].raw);
		}
	}
}

Test(version, cmp_transitive)
{
	collect();
	for (size_t i = 0; i < n_all; i++)
		for (size_t j = 0; j < n_all; j++) {
			int ij = ip_version_cmp(&all[i], &all[j]);
			if (ij == INC)
				continue;
			for (size_t k = 0; k < n_all; k++) {
				int jk = ip_version_cmp(&all[j], &all[k]);
				if (jk == INC || (ij != jk && ij && jk))
					continue;
				int ik = ip_version_cmp(&all[i], &all[k]);
				int want = ij ? ij : jk;
				cr_assert_eq(ik, want, "%s ? %s ? %s: %d %d but %d", all[i].raw,
					     all[j].raw, all[k].raw, ij, jk, ik);
			}
		}
}

typedef struct train_case {
	const char *a, *b;
	bool same;
} train_case;

static const train_case train_cases[] = {
	{ "15.2(7)E6", "15.2(8)E1", true },
	{ "15.2(7)E9", "15.2(7)E", true },
	{ "15.2(7)E9", "15.0(2)SE11", false },
	{ "15.2(7)E9", "15.2(7)M9", false },
	{ "12.3(6)", "12.3(6f)", true },
	{ "16.9.6", "16.09.1", true },
	{ "16.9.6", "16.12.4", false },
	{ "03.06.05E", "03.06.02a.E", true },
	{ "03.06.05E", "3.6.5S", false },
	{ "03.06.05E", "16.6.5", false },
	{ "15.1(4)M8", "16.1.4", false },
	{ "17.07.01prd16", "17.07.01prd16", false },
};

Test(version, same_train_table)
{
	for (size_t i = 0; i < N(train_cases); i++) {
		ip_version a = parse_ok(train_cases[i].a), b = parse_ok(train_cases[i].b);
		cr_expect_eq(ip_version_same_train(&a, &b), train_cases[i].same, "%s ~ %s",
			     train_cases[i].a, train_cases[i].b);
		cr_expect_eq(ip_version_same_train(&b, &a), train_cases[i].same, "%s ~ %s",
			     train_cases[i].b, train_cases[i].a);
	}
}

/* parse(normalise(v)) gives back an equal version. */
static void check_round_trip(const ip_version *v, const char *in)
{
	char norm[64];
	ip_version back;
	if (v->scheme != IP_VER_CLASSIC && v->scheme != IP_VER_XE)
		return;
	ip_version_normalise(v, norm, sizeof(norm));
	cr_assert(ip_version_parse(&back, norm, strlen(norm)), "%s -> \"%s\" does not parse", in, norm);
	cr_assert_eq(ip_version_cmp(v, &back), 0, "%s -> %s", in, norm);
}

Test(version, normalised_form_parses_back)
{
	collect();
	for (size_t i = 0; i < n_all; i++)
		check_round_trip(&all[i], all[i].raw);
}

/* Hostile input: random strings over the version alphabet and raw bytes.
 * Nothing may crash (ASan/UBSan builds), and whatever parses must
 * normalise, compare with itself and round-trip. */
Test(version, fuzz_no_crash)
{
	static const char alpha[] = "0123456789.()ESMTXArfab_:-V 9.1(";
	char s[80];
	unsigned seed = 12345;
	size_t accepted = 0;
	for (int iter = 0; iter < 200000; iter++) {
		seed = seed * 1103515245u + 12345u;
		size_t len = (seed >> 16) % sizeof(s);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			s[i] = (iter & 1) ? alpha[r % (sizeof(alpha) - 1)] : (char)(r & 0xff);
		}
		ip_version v;
		if (!ip_version_parse(&v, s, len))
			continue;
		accepted++;
		char norm[64];
		ip_version_normalise(&v, norm, sizeof(norm));
		int self = ip_version_cmp(&v, &v);
		cr_assert(self == 0 || (self == INC && v.scheme == IP_VER_SPECIAL),
			  "%.*s vs itself: %d", (int)len, s, self);
		check_round_trip(&v, v.raw);
	}
	cr_log_info("fuzz: %zu accepted", accepted);
}

/* Mutations of the valid strings above reach the paths random text never
 * does: the same properties must hold for whatever still parses. */
static size_t mutate(char *dst, size_t cap, const char *src, unsigned *seed)
{
	static const char alpha[] = "0123456789.()ESMTXrab_:-V ";
	size_t len = strlen(src);
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, src, len);
	int edits = 1 + (int)((*seed >> 16) % 3);
	for (int e = 0; e < edits && len > 0; e++) {
		*seed = *seed * 1103515245u + 12345u;
		size_t at = (*seed >> 8) % len;
		char c = alpha[(*seed >> 20) % (sizeof(alpha) - 1)];
		switch ((*seed >> 28) % 4) {
		case 0: dst[at] = c; break;
		case 1: memmove(dst + at, dst + at + 1, len - at - 1); len--; break;
		case 2:
			if (len + 1 < cap) {
				memmove(dst + at + 1, dst + at, len - at);
				dst[at] = c;
				len++;
			}
			break;
		default: len = at; break;
		}
	}
	return len;
}

Test(version, fuzz_mutations)
{
	unsigned seed = 99;
	size_t accepted = 0;
	collect();
	for (int iter = 0; iter < 100000; iter++) {
		char s[64];
		seed = seed * 1103515245u + 12345u;
		size_t len = mutate(s, sizeof(s), all[(seed >> 16) % n_all].raw, &seed);
		ip_version v;
		if (!ip_version_parse(&v, s, len))
			continue;
		accepted++;
		int self = ip_version_cmp(&v, &v);
		cr_assert(self == 0 || (self == INC && v.scheme == IP_VER_SPECIAL),
			  "%.*s vs itself: %d", (int)len, s, self);
		check_round_trip(&v, v.raw);
		for (size_t j = 0; j < n_all; j += 7)
			cr_assert_eq(ip_version_cmp(&v, &all[j]), flip(ip_version_cmp(&all[j], &v)));
	}
	cr_log_info("mutations: %zu accepted", accepted);
	cr_expect_gt(accepted, 1000);
}

Test(version, huge_input)
{
	size_t n = 1u << 20;
	char *s = malloc(n);
	memset(s, '9', n);
	ip_version v;
	cr_expect_not(ip_version_parse(&v, s, n));
	memcpy(s, "15.2(7)E9", 9);
	cr_expect_not(ip_version_parse(&v, s, n));
	free(s);
}

/* The ntc show_version captures: every expected `version:` parses, and
 * normalises to the unpadded form. */
static char *yml_value(char *line, const char *key)
{
	char *p = strstr(line, key);
	if (!p)
		return NULL;
	p = strchr(p, '"');
	if (!p)
		return NULL;
	char *e = strchr(p + 1, '"');
	if (!e)
		return NULL;
	*e = '\0';
	return p + 1;
}

Test(version, corpus_show_version)
{
	const char *root = test_corpus_dir();
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/cisco_ios/show_version",
		 root ? root : "/nonexistent");
	DIR *d = opendir(dir);
	if (!d)
		cr_skip_test("corpus not found at %s", dir);
	struct dirent *e;
	int seen = 0;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".yml"))
			continue;
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "r");
		cr_assert(f);
		char line[512];
		while (fgets(line, sizeof(line), f)) {
			char *v = strstr(line, " version:") ? yml_value(line, " version:") : NULL;
			if (!v)
				continue;
			ip_version pv;
			cr_expect(ip_version_parse(&pv, v, strlen(v)), "%s: \"%s\"", e->d_name, v);
			cr_expect_neq(pv.scheme, IP_VER_INVALID);
			seen++;
		}
		fclose(f);
	}
	closedir(d);
	cr_expect_geq(seen, 9, "only %d versions found in the corpus", seen);
}
