/* IOS and IOS-XE version strings, as `show version` and ROM lines print
 * them (the caller hands over the version token only):
 *
 *   Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(2)E7, ...
 *   IOS (tm) C2600 Software (C2600-I-M), Version 12.2(2)XA1, EARLY DEPLOYMENT ...
 *   ROM: System Bootstrap, Version 15.0(1r)M16, RELEASE SOFTWARE (fc1)
 *   Cisco IOS XE Software, Version 16.09.03          (then "Version 16.9.3")
 *   ... (CAT3K_CAA-UNIVERSALK9-M), Version 03.06.05E RELEASE SOFTWARE (fc2)
 *   IOS XE Version: 03.09.01.S
 *   IMG   C    17.15.03.0.5371                      (show install summary)
 *   Cisco IOS XE Software, Version V169_5_SR689355441_2
 *   Cisco IOS XE Software, Experimental Version 17.4.20200702:124009 [...]
 *
 * Decisions the header leaves to this file:
 * - IOS-XE 3.x and 16.x/17.x are one scheme: 3.x -> 16.x is a real upgrade
 *   path (Cat3850, ISR4k), so they compare by number. Two 3.x versions
 *   compare only inside one train suffix (E, S, SG, ...).
 * - A rebuild letter after a classic train number ("S4b" in 15.5(3)S4b) is
 *   kept in `letter`, as for XE, and orders the same way (none < a < b).
 * - ROMMON versions ("15.0(1r)M16", "16.9.1r") never compare with software
 *   versions: the one is not an upgrade of the other.
 * - Engineering builds ("15.2(4.0.55)E") only equal themselves: how a
 *   weekly build sits among releases is not in its name.
 * - The install-summary form "MM.mm.rr.0[.build]" reads as MM.mm.rr; the
 *   build number is kept in `raw` only.
 * - Special builds ("prd16", "V169_...", timestamps, "Experimental ...")
 *   are IP_VER_SPECIAL and compare with nothing, not even themselves. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rx.h"
#include "version.h"

/* Longest token worth trying; real ones are under 48 bytes. */
#define VERSION_MAX_LEN 256

enum { RX_CLASSIC, RX_XE, RX_XE_BUILD, RX_XE_STAMP, RX_TAG, RX_EXPERIMENTAL };

/* Digit counts are bounded in the patterns, so every number fits an int and
 * every captured suffix fits its field. \z, not $: "$" would allow a
 * trailing newline. */
static ip_rx version_rx[] = {
	/* 15.2(7)E9  12.3(6f)  15.2(4.0.55)E  15.0(1r)M16  15.5(3)S4b */
	[RX_CLASSIC] = { "\\A(\\d{1,2})\\.(\\d{1,2})\\((\\d{1,3})"
			 "((?:\\.\\d{1,3}){1,2}|[A-Za-z]{1,3})?\\)"
			 "(?:([A-Za-z]{1,7})(?:(\\d{1,3})([A-Za-z]{1,3})?)?)?\\z", 0, NULL },
	/* 16.12.04  17.09.04a  03.06.05E  03.16.04b.S  17.15.03.0.5371 */
	[RX_XE] = { "\\A(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,3})([A-Za-z]{1,4})?"
		    "(?:\\.([A-Za-z]{1,4}))?(\\.0(?:\\.\\d{1,6})?)?\\z", 0, NULL },
	/* 17.07.01prd16 */
	[RX_XE_BUILD] = { "\\A(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,3})"
			  "[A-Za-z]{1,8}\\d[A-Za-z0-9_]{0,30}\\z", 0, NULL },
	/* 17.4.20200702:124009 */
	[RX_XE_STAMP] = { "\\A(\\d{1,2})\\.(\\d{1,2})\\.\\d{6,14}:\\d{4,8}\\z", 0, NULL },
	/* V169_5_SR689355441_2  BLD_V174_THROTTLE_LATEST_20200702_120020 */
	[RX_TAG] = { "\\A(?:V\\d{2,5}_|BLD_)[A-Za-z0-9_.:-]{1,60}\\z", 0, NULL },
	[RX_EXPERIMENTAL] = { "\\AExperimental\\s+\\S", IP_RX_CASELESS, NULL },
};

/* A bounded decimal group (the pattern allows at most 3 digits). */
static int group_int(const char *s, const ip_rx_match *m, int g)
{
	int v = 0;
	for (size_t i = m->start[g]; i < m->end[g]; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Copy group g into dst (size n), mapping case; "" when the group is unset. */
static void group_copy(char *dst, size_t n, const char *s, const ip_rx_match *m,
		       int g, int (*map)(int))
{
	size_t len = ip_rx_group_len(m, g);
	if (len >= n)
		len = n - 1;
	for (size_t i = 0; i < len; i++)
		dst[i] = (char)map((unsigned char)s[m->start[g] + i]);
	dst[len] = '\0';
}

static int keep_case(int c)
{
	return c;
}

/* XE majors seen: 2 and 3 (ASR1k, Cat3k/4k), then 16 onward. Anything else
 * with three dotted numbers is an IP address or a bootloader, not IOS-XE. */
static bool xe_major_ok(int major)
{
	return major == 2 || major == 3 || major >= 16;
}

static bool parse_classic(ip_version *out, const char *s, const ip_rx_match *m)
{
	out->scheme = IP_VER_CLASSIC;
	out->major = group_int(s, m, 1);
	out->minor = group_int(s, m, 2);
	out->release = group_int(s, m, 3);
	if (ip_rx_group_set(m, 4) && s[m->start[4]] == '.') {
		ip_rx_match dot = *m; /* engineering: keep "0.55" without its dot */
		dot.start[4]++;
		group_copy(out->maint, sizeof(out->maint), s, &dot, 4, keep_case);
	} else {
		group_copy(out->maint, sizeof(out->maint), s, m, 4, tolower);
	}
	group_copy(out->train, sizeof(out->train), s, m, 5, toupper);
	out->train_num = ip_rx_group_set(m, 6) ? group_int(s, m, 6) : -1;
	group_copy(out->letter, sizeof(out->letter), s, m, 7, tolower);
	return true;
}

/* Split the letters glued to an XE 3.x release ("05bE"): leading lower
 * case is the rebuild letter, the upper-case rest is the train. */
static bool split_xe3_suffix(ip_version *out, const char *t, size_t len)
{
	size_t i = 0;
	while (i < len && islower((unsigned char)t[i]))
		i++;
	if (i >= sizeof(out->letter))
		return false;
	memcpy(out->letter, t, i);
	out->letter[i] = '\0';
	for (size_t j = i; j < len; j++)
		if (!isupper((unsigned char)t[j]))
			return false;
	memcpy(out->train, t + i, len - i); /* pattern caps it at 4 */
	out->train[len - i] = '\0';
	return true;
}

static bool parse_xe(ip_version *out, const char *s, const ip_rx_match *m)
{
	out->scheme = IP_VER_XE;
	out->major = group_int(s, m, 1);
	out->minor = group_int(s, m, 2);
	out->release = group_int(s, m, 3);
	out->train_num = -1;
	if (!xe_major_ok(out->major))
		return false;
	size_t suf_len = ip_rx_group_len(m, 4);
	const char *suf = suf_len ? s + m->start[4] : "";
	if (out->major >= 16 || ip_rx_group_set(m, 5)) {
		/* 16.x+ has no train; with a dotted train the glued part is
		 * only the rebuild letter ("03.16.04b.S"). */
		if (out->major >= 16 && ip_rx_group_set(m, 5))
			return false;
		if (suf_len >= sizeof(out->letter))
			return false;
		/* The canonical form glues letter and train ("3.16.4bS"); it
		 * must read back, and real ones are short ("2.17.0SPA.pkg" is
		 * a file name, not a version). */
		if (suf_len + ip_rx_group_len(m, 5) > 4)
			return false;
		group_copy(out->letter, sizeof(out->letter), s, m, 4, tolower);
		group_copy(out->train, sizeof(out->train), s, m, 5, toupper);
		return true;
	}
	return split_xe3_suffix(out, suf, suf_len);
}

/* Builds with no order. Numbers are filled only where the string has them;
 * the rest stay -1 (unknown), never 0. */
static bool parse_special(ip_version *out, const char *s, size_t len)
{
	ip_rx_match m;
	out->scheme = IP_VER_SPECIAL;
	out->major = out->minor = out->release = out->train_num = -1;
	if (ip_rx_exec(&version_rx[RX_XE_BUILD], s, len, &m)) {
		out->major = group_int(s, &m, 1);
		out->minor = group_int(s, &m, 2);
		out->release = group_int(s, &m, 3);
		return xe_major_ok(out->major);
	}
	if (ip_rx_exec(&version_rx[RX_XE_STAMP], s, len, &m)) {
		out->major = group_int(s, &m, 1);
		out->minor = group_int(s, &m, 2);
		return xe_major_ok(out->major);
	}
	return ip_rx_exec(&version_rx[RX_TAG], s, len, &m) ||
	       ip_rx_exec(&version_rx[RX_EXPERIMENTAL], s, len, &m);
}

bool ip_version_parse(ip_version *out, const char *s, size_t len)
{
	ip_rx_match m;
	bool ok;

	memset(out, 0, sizeof(*out));
	if (!s)
		return false;
	while (len && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len > VERSION_MAX_LEN || !isalnum((unsigned char)s[0]))
		return false;
	if (ip_rx_exec(&version_rx[RX_CLASSIC], s, len, &m))
		ok = parse_classic(out, s, &m);
	else if (ip_rx_exec(&version_rx[RX_XE], s, len, &m))
		ok = parse_xe(out, s, &m);
	else
		ok = parse_special(out, s, len);
	if (!ok) {
		memset(out, 0, sizeof(*out));
		return false;
	}
	size_t n = len < sizeof(out->raw) ? len : sizeof(out->raw) - 1;
	memcpy(out->raw, s, n);
	out->raw[n] = '\0';
	return true;
}

/* Appends to a bounded buffer, truncating as snprintf does: the facts of
 * every capture print a normalised version, and snprintf's format parsing
 * was a tenth of `facts` per show version (bench/gate facts-ir). */
typedef struct vbuf {
	char *p;
	size_t n, len;
} vbuf;

static void put_s(vbuf *b, const char *s)
{
	for (; s && *s && b->len + 1 < b->n; s++)
		b->p[b->len++] = *s;
	b->p[b->len] = '\0';
}

static void put_d(vbuf *b, int v)
{
	char t[12];
	size_t k = sizeof(t);
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	t[--k] = '\0';
	do
		t[--k] = (char)('0' + u % 10);
	while ((u /= 10) && k > 1);
	if (v < 0)
		t[--k] = '-';
	put_s(b, t + k);
}

void ip_version_normalise(const ip_version *v, char *buf, size_t n)
{
	if (!buf || n == 0)
		return;
	vbuf b = { buf, n, 0 };
	buf[0] = '\0';
	if (!v)
		return;
	switch (v->scheme) {
	case IP_VER_CLASSIC: /* "%d.%d(%d[.]%s)%s[%d]%s" */
		put_d(&b, v->major);
		put_s(&b, ".");
		put_d(&b, v->minor);
		put_s(&b, "(");
		put_d(&b, v->release);
		if (isdigit((unsigned char)v->maint[0]))
			put_s(&b, ".");
		put_s(&b, v->maint);
		put_s(&b, ")");
		put_s(&b, v->train);
		if (v->train_num >= 0)
			put_d(&b, v->train_num);
		put_s(&b, v->letter);
		break;
	case IP_VER_XE: /* "%d.%d.%d%s%s" */
		put_d(&b, v->major);
		put_s(&b, ".");
		put_d(&b, v->minor);
		put_s(&b, ".");
		put_d(&b, v->release);
		put_s(&b, v->letter);
		put_s(&b, v->train);
		break;
	case IP_VER_SPECIAL:
		put_s(&b, v->raw);
		break;
	default:
		break;
	}
}

/* Rebuild suffixes order "" < "a" < "b" < ... < "z" < "aa". */
static int suffix_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return la < lb ? -1 : 1;
	int c = strcmp(a, b);
	return (c > 0) - (c < 0);
}

static int int_cmp(int a, int b)
{
	return (a > b) - (a < b);
}

static bool is_rommon(const ip_version *v)
{
	return strcmp(v->scheme == IP_VER_CLASSIC ? v->maint : v->letter, "r") == 0;
}

static int classic_cmp(const ip_version *a, const ip_version *b)
{
	if (!ip_version_same_train(a, b))
		return IP_VER_INCOMPARABLE;
	if (isdigit((unsigned char)a->maint[0]) || isdigit((unsigned char)b->maint[0])) {
		bool same = a->release == b->release && !strcmp(a->maint, b->maint) &&
			    a->train_num == b->train_num && !strcmp(a->letter, b->letter);
		return same ? 0 : IP_VER_INCOMPARABLE;
	}
	int c = int_cmp(a->release, b->release);
	if (!c)
		c = suffix_cmp(a->maint, b->maint);
	if (!c)
		c = int_cmp(a->train_num, b->train_num); /* no number (-1) first */
	if (!c)
		c = suffix_cmp(a->letter, b->letter);
	return c;
}

static int xe_cmp(const ip_version *a, const ip_version *b)
{
	/* 3.x trains (E for Cat3k, S for ASR1k/ISR4k, SG for Cat4k) are
	 * separate lines; 16.x+ has none, so 3.x vs 16.x compares. */
	if (a->major < 16 && b->major < 16 && strcmp(a->train, b->train) != 0)
		return IP_VER_INCOMPARABLE;
	int c = int_cmp(a->major, b->major);
	if (!c)
		c = int_cmp(a->minor, b->minor);
	if (!c)
		c = int_cmp(a->release, b->release);
	if (!c)
		c = suffix_cmp(a->letter, b->letter);
	return c;
}

int ip_version_cmp(const ip_version *a, const ip_version *b)
{
	if (!a || !b || a->scheme != b->scheme)
		return IP_VER_INCOMPARABLE;
	if (is_rommon(a) != is_rommon(b))
		return IP_VER_INCOMPARABLE;
	if (a->scheme == IP_VER_CLASSIC)
		return classic_cmp(a, b);
	if (a->scheme == IP_VER_XE)
		return xe_cmp(a, b);
	return IP_VER_INCOMPARABLE;
}

bool ip_version_same_train(const ip_version *a, const ip_version *b)
{
	if (!a || !b || a->scheme != b->scheme)
		return false;
	if (a->scheme != IP_VER_CLASSIC && a->scheme != IP_VER_XE)
		return false;
	/* The train field is "" on both sides for 16.x+, so comparing it
	 * also keeps XE 3.x trains apart. */
	return a->major == b->major && a->minor == b->minor &&
	       strcmp(a->train, b->train) == 0;
}

const char *ip_version_text_normalised(const char *raw, char *buf, size_t n)
{
	ip_version v;
	if (!raw || !ip_version_parse(&v, raw, strlen(raw)) || v.scheme == IP_VER_SPECIAL)
		return NULL;
	ip_version_normalise(&v, buf, n);
	return buf[0] ? buf : NULL;
}
