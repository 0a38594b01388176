/* Cisco image file names, as `dir`, `show version` ("System image file is
 * ...") and `boot system` print them:
 *
 *   c2960-lanbasek9-mz.152-7.E9.bin                 <platform>-<feature>-<format>.<MMm-R.TRAIN>.bin
 *   c2500-j-l.112-5.P   s72033-adventerprisek9_wan-mz.122-18.SXF7   (no extension)
 *   isr4300-universalk9.16.12.04.SPA.bin            <platform>-<feature>.<XE version>[.SPA].bin
 *   cat9k_iosxe.17.09.04a.SPA.bin                   platform and feature joined by "_"
 *   asr1001-universalk9.03.09.01.S.153-2.S1.bin     XE 3.x version, then the IOSd version
 *   isr4300-universalk9.03.16.04b.S.155-3.S4b-ext.SPA.bin   ("-ext"/"-std" flavour dropped)
 *   csr1000v-mono-universalk9.03.14.01.S.155-1.S1-std.SPA.pkg
 *   packages.conf   csr1000v-packages-universalk9.03.14.01.S.155-1.S1-std.conf
 *
 * The platform is everything before the feature-set token, so a model with
 * a dash ("C9800-CL-universalk9_wlc") keeps it, and a package role word in
 * between ("mono", "packages") is not part of it. ".SSA." names (special
 * builds) carry a version with no order: IP_VER_SPECIAL. A name whose
 * version part does not follow the anatomy above gets no version at all
 * rather than half of one. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "image_name.h"
#include "rx.h"

#define NAME_MAX_LEN 255
#define MAX_TOKENS 16

typedef struct tok {
	const char *p;
	size_t n;
} tok;

enum { RX_IOS_NUM, RX_IOS_TRAIN, RX_XE_TOKEN, RX_XE_TRAIN };

static ip_rx name_rx[] = {
	/* "151-4" "123-6f" "152-2a": MMm-R[maint] */
	[RX_IOS_NUM] = { "\\A(\\d\\d)(\\d)-(\\d{1,3}[A-Za-z]{0,3})\\z", 0, NULL },
	/* "M8" "SXF7" "P" "S4b-ext": train, number, rebuild, flavour */
	[RX_IOS_TRAIN] = { "\\A([A-Za-z]{1,7}(?:\\d{1,3}[A-Za-z]{0,3})?)"
			   "(?:-[A-Za-z]{2,8})?\\z", 0, NULL },
	/* one dotted XE field: "16" "04a" "01prd16" "5371" */
	[RX_XE_TOKEN] = { "\\A\\d{1,6}[A-Za-z0-9]{0,24}\\z", 0, NULL },
	/* XE 3.x train field: "S" "E" "SG" */
	[RX_XE_TRAIN] = { "\\A[A-Za-z]{1,4}\\z", 0, NULL },
};

/* Feature sets that do not end in k9 (k9/k8 ones are recognised by that). */
static const char *const feature_words[] = {
	"adventerprise", "advipservices", "advsecurity", "entbase", "enterprise",
	"entservices", "i", "ipbase", "ipservices", "ipvoice", "is", "j", "js",
	"lanbase", "lanlite", "p", "spservices", "universal", "y", NULL,
};
static const char *const format_words[] = { "m", "mz", "l", "lz", "mx", "tar", NULL };
static const char *const role_words[] = { "mono", "packages", NULL };

static bool tok_is(tok t, const char *s)
{
	return strlen(s) == t.n && strncmp(t.p, s, t.n) == 0;
}

static bool tok_in(tok t, const char *const *list)
{
	for (; *list; list++)
		if (tok_is(t, *list))
			return true;
	return false;
}

static bool tok_match(int rx, tok t)
{
	ip_rx_match m;
	return ip_rx_exec(&name_rx[rx], t.p, t.n, &m);
}

/* Bounded copy of s[0..n) into dst[size]; false when it does not fit. */
static bool put(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size)
		return false;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return true;
}

/* Join tokens with '.' into buf (truncated to fit). */
static void join(char *buf, size_t size, const tok *t, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%.*s", i ? "." : "",
				 (int)t[i].n, t[i].p);
		if (w < 0)
			break;
		len += (size_t)w < size - len ? (size_t)w : size - len - 1;
	}
}

/* Split on sep; false on an empty field or too many fields. */
static bool split(tok *t, size_t *n, const char *s, size_t len, char sep)
{
	size_t start = 0;
	*n = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != sep)
			continue;
		if (i == start || *n == MAX_TOKENS)
			return false;
		t[(*n)++] = (tok){ s + start, i - start };
		start = i + 1;
	}
	return true;
}

/* First token after the platform that names a feature set; 1 if none does. */
static size_t feature_index(const tok *t, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		for (size_t j = 0; j + 1 < t[i].n; j++)
			if (t[i].p[j] == 'k' && (t[i].p[j + 1] == '9' || t[i].p[j + 1] == '8'))
				return i;
		if (tok_in(t[i], feature_words))
			return i;
	}
	return 1;
}

/* "cat9k_iosxe", "cat9k_lite_iosxe", "cat9k_iosxe_npe": no dash at all. */
static bool read_iosxe_head(ip_image_name *out, const char *low, size_t len)
{
	const char *u = NULL;
	for (size_t i = 0; i + 6 <= len; i++)
		if (memcmp(low + i, "_iosxe", 6) == 0)
			u = low + i;
	if (!u || u == low)
		return false;
	return put(out->platform, sizeof(out->platform), low, (size_t)(u - low)) &&
	       put(out->feature, sizeof(out->feature), u + 1, len - (size_t)(u + 1 - low));
}

/* Platform, feature and format from the part before the first dot. */
static bool read_head(ip_image_name *out, const char *head, size_t len)
{
	char low[NAME_MAX_LEN + 1];
	tok t[MAX_TOKENS];
	size_t n;

	for (size_t i = 0; i < len; i++) {
		int c = tolower((unsigned char)head[i]);
		if (!isalnum(c) && c != '_' && c != '-')
			return false;
		low[i] = (char)c;
	}
	if (len == 0 || !isalpha((unsigned char)low[0]))
		return false;
	if (!memchr(low, '-', len))
		return read_iosxe_head(out, low, len);
	if (!split(t, &n, low, len, '-'))
		return false;
	size_t f = feature_index(t, n);
	size_t end = f; /* platform tokens are t[0..end) */
	if (end >= 2 && tok_in(t[end - 1], role_words))
		end--;
	size_t plen = (size_t)(t[end - 1].p + t[end - 1].n - low);
	if (!put(out->platform, sizeof(out->platform), low, plen) ||
	    !put(out->feature, sizeof(out->feature), t[f].p, t[f].n))
		return false;
	if (f + 2 == n && tok_in(t[f + 1], format_words))
		put(out->format, sizeof(out->format), t[f + 1].p, t[f + 1].n);
	return true;
}

static void set_raw(ip_version *v, const tok *t, size_t n)
{
	join(v->raw, sizeof(v->raw), t, n);
}

/* "151-4" [+ "M8"] -> 15.1(4)M8. Returns the tokens used, 0 if none. */
static size_t read_classic(ip_version *v, const tok *t, size_t n)
{
	ip_rx_match m;
	size_t used = 1, train_len = 0;
	char text[48];

	if (n == 0 || !tok_match(RX_IOS_NUM, t[0]))
		return 0;
	if (n > 1 && ip_rx_exec(&name_rx[RX_IOS_TRAIN], t[1].p, t[1].n, &m)) {
		used = 2;
		train_len = ip_rx_group_len(&m, 1); /* without "-ext" */
	}
	/* The pattern bounds both parts, so text cannot truncate. */
	snprintf(text, sizeof(text), "%.2s.%c(%.*s)%.*s", t[0].p, t[0].p[2],
		 (int)(t[0].n - 4), t[0].p + 4, (int)train_len,
		 used == 2 ? t[1].p : "");
	if (!ip_version_parse(v, text, strlen(text)) || v->scheme != IP_VER_CLASSIC) {
		memset(v, 0, sizeof(*v));
		return 0;
	}
	set_raw(v, t, used);
	return used;
}

/* "16.12.04", "17.07.01prd16", "03.09.01.S", "17.09.04.0.5115". */
static size_t read_xe(ip_version *v, const tok *t, size_t n)
{
	size_t used = 0;
	char text[sizeof(v->raw) + 16];

	while (used < n && used < 5 && tok_match(RX_XE_TOKEN, t[used]))
		used++;
	if (used < 3)
		return 0;
	bool xe3 = t[0].n <= 2 && (t[0].n == 1 || t[0].p[0] == '0');
	if (xe3 && used < n && tok_match(RX_XE_TRAIN, t[used]))
		used++;
	join(text, sizeof(text), t, used);
	if (!ip_version_parse(v, text, strlen(text)) ||
	    (v->scheme != IP_VER_XE && v->scheme != IP_VER_SPECIAL)) {
		memset(v, 0, sizeof(*v));
		return 0;
	}
	return used;
}

/* The version part; true when every token was understood. */
static bool read_tail(ip_image_name *out, const tok *t, size_t n)
{
	size_t used;
	if (n == 0)
		return true;
	used = read_classic(&out->version, t, n);
	if (!used) {
		used = read_xe(&out->version, t, n);
		if (!used)
			return false;
		out->is_xe = true;
		used += read_classic(&out->iosd_version, t + used, n - used);
	}
	return used == n;
}

/* A special build keeps what numbers it shows but loses its order. */
static void mark_special(ip_image_name *out, const tok *t, size_t n)
{
	ip_version *v = &out->version;
	bool numbered = v->scheme == IP_VER_CLASSIC || v->scheme == IP_VER_XE ||
			v->scheme == IP_VER_SPECIAL;
	int major = numbered ? v->major : -1, minor = numbered ? v->minor : -1;
	int release = numbered ? v->release : -1;

	memset(v, 0, sizeof(*v));
	memset(&out->iosd_version, 0, sizeof(out->iosd_version));
	v->scheme = IP_VER_SPECIAL;
	v->major = major;
	v->minor = minor;
	v->release = release;
	v->train_num = -1;
	set_raw(v, t, n);
}

/* Tokens of the version part, without the signing markers. */
static bool tail_tokens(ip_image_name *out, tok *t, size_t *n, bool *ssa,
			const char *tail, size_t len)
{
	tok all[MAX_TOKENS];
	size_t na = 0;
	*n = 0;
	*ssa = false;
	if (len && !split(all, &na, tail, len, '.'))
		return false;
	for (size_t i = 0; i < na; i++) {
		char up[4] = "";
		if (all[i].n == 3)
			for (size_t j = 0; j < 3; j++)
				up[j] = (char)toupper((unsigned char)all[i].p[j]);
		if (!strcmp(up, "SPA"))
			out->signed_spa = true;
		else if (!strcmp(up, "SSA"))
			*ssa = true;
		else
			t[(*n)++] = all[i];
	}
	return true;
}

/* The kind the extension says; *stem_len excludes the extension. */
static ip_image_kind kind_from_ext(const char *name, size_t len, size_t *stem_len)
{
	static const struct {
		const char *ext;
		ip_image_kind kind;
	} exts[] = {
		{ ".bin", IP_IMAGE_BUNDLE }, { ".tar", IP_IMAGE_TAR },
		{ ".pkg", IP_IMAGE_PACKAGE }, { ".conf", IP_IMAGE_PROVISIONING },
	};
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t el = strlen(exts[i].ext);
		if (len <= el)
			continue;
		size_t j = 0;
		while (j < el && tolower((unsigned char)name[len - el + j]) == exts[i].ext[j])
			j++;
		if (j == el) {
			*stem_len = len - el;
			return exts[i].kind;
		}
	}
	*stem_len = len;
	return IP_IMAGE_UNKNOWN;
}

static bool name_has_packages(const char *s, size_t len)
{
	static const char word[] = "packages";
	for (size_t i = 0; i + sizeof(word) - 1 <= len; i++) {
		size_t j = 0;
		while (j < sizeof(word) - 1 && tolower((unsigned char)s[i + j]) == word[j])
			j++;
		if (j == sizeof(word) - 1)
			return true;
	}
	return false;
}

/* Is it an image or install file? Extension-less names qualify only in
 * the classic shape <platform>-<feature>-<m|mz|l...>[.<version>]. */
static bool kind_accepted(const ip_image_name *out, bool head_ok, bool tail_ok,
			  const char *name, size_t len)
{
	bool has_version = out->version.scheme != IP_VER_INVALID;
	switch (out->kind) {
	case IP_IMAGE_BUNDLE:
	case IP_IMAGE_PACKAGE:
		return true;
	case IP_IMAGE_TAR:
		return has_version || !strcmp(out->format, "tar");
	case IP_IMAGE_PROVISIONING:
		return has_version || name_has_packages(name, len);
	default:
		return head_ok && tail_ok && out->format[0] &&
		       strcmp(out->format, "tar") != 0 && !out->is_xe &&
		       out->version.scheme != IP_VER_SPECIAL;
	}
}

static const char *last_element(const char *path, size_t len, size_t *n)
{
	size_t i = len;
	while (i > 0 && path[i - 1] != '/' && path[i - 1] != ':')
		i--;
	*n = len - i;
	return path + i;
}

bool ip_image_name_parse(ip_image_name *out, const char *path, size_t len)
{
	size_t nlen, stem, ntok;
	tok t[MAX_TOKENS];
	bool ssa;

	memset(out, 0, sizeof(*out));
	if (!path)
		return false;
	const char *name = last_element(path, len, &nlen);
	if (nlen == 0 || nlen > NAME_MAX_LEN || !isalnum((unsigned char)name[0]))
		return false;
	out->kind = kind_from_ext(name, nlen, &stem);
	const char *dot = memchr(name, '.', stem);
	size_t hlen = dot ? (size_t)(dot - name) : stem;
	bool head_ok = read_head(out, name, hlen);
	if (!head_ok)
		out->platform[0] = out->feature[0] = out->format[0] = '\0';
	bool tail_ok = tail_tokens(out, t, &ntok, &ssa, name + hlen + !!dot,
				   dot ? stem - hlen - 1 : 0);
	if (tail_ok)
		tail_ok = read_tail(out, t, ntok);
	if (ssa && ntok)
		mark_special(out, t, ntok);
	else if (!tail_ok) {
		memset(&out->version, 0, sizeof(out->version));
		memset(&out->iosd_version, 0, sizeof(out->iosd_version));
		out->is_xe = false;
	}
	if (!kind_accepted(out, head_ok, tail_ok, name, nlen)) {
		memset(out, 0, sizeof(*out));
		return false;
	}
	if (out->kind == IP_IMAGE_UNKNOWN)
		out->kind = IP_IMAGE_BUNDLE;
	return true;
}

bool ip_image_name_bootable(const char *path)
{
	ip_image_name n;
	return path && ip_image_name_parse(&n, path, strlen(path)) &&
	       n.kind == IP_IMAGE_BUNDLE;
}
