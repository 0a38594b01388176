/* Fuzz target: version strings and image file names (the target given on
 * the command line, file names in listings and boot statements).
 *
 * Input: up to three lines. Each is parsed as a version and as an image
 * name; the versions must order consistently: cmp in {-1,0,1,INCOMPARABLE},
 * reflexive except for unordered build strings, antisymmetric, transitive,
 * and a version re-read from its canonical form equals itself. */
#include <string.h>

#include "fuzz.h"
#include "image_name.h"
#include "version.h"

static int flip(int c)
{
	return c == IP_VER_INCOMPARABLE ? c : -c;
}

static void check_version(const ip_version *v)
{
	int self = ip_version_cmp(v, v);
	if (v->scheme == IP_VER_SPECIAL || v->scheme == IP_VER_INVALID)
		FUZZ_CHECK(self == IP_VER_INCOMPARABLE, "'%s' vs itself: %d", v->raw, self);
	else
		FUZZ_CHECK(self == 0, "'%s' vs itself: %d", v->raw, self);
	char canon[64];
	ip_version_normalise(v, canon, sizeof(canon));
	FUZZ_CHECK(strlen(canon) < sizeof(canon) - 1, "canonical form of '%s' fills the buffer", v->raw);
	if (v->scheme != IP_VER_CLASSIC && v->scheme != IP_VER_XE)
		return;
	ip_version again;
	FUZZ_CHECK(ip_version_parse(&again, canon, strlen(canon)),
		   "canonical form '%s' of '%s' does not parse", canon, v->raw);
	FUZZ_CHECK(ip_version_cmp(v, &again) == 0, "'%s' and its canonical form '%s' differ",
		   v->raw, canon);
}

static void check_image(const char *s, size_t len)
{
	ip_image_name img;
	if (ip_image_name_parse(&img, s, len)) {
		FUZZ_CHECK(img.kind <= IP_IMAGE_PROVISIONING, "kind %d", (int)img.kind);
		FUZZ_CHECK(memchr(img.platform, 0, sizeof(img.platform)) &&
				   memchr(img.feature, 0, sizeof(img.feature)) &&
				   memchr(img.format, 0, sizeof(img.format)),
			   "unterminated field in the image name of '%.*s'", (int)len, s);
		if (img.version.scheme != IP_VER_INVALID)
			check_version(&img.version);
	}
	(void)ip_image_name_bootable(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char buf[4097];
	memcpy(buf, data, size);
	buf[size] = '\0';
	ip_version v[3];
	int n = 0;
	for (char *p = buf; n < 3 && p <= buf + size;) {
		char *nl = memchr(p, '\n', (size_t)(buf + size - p));
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		p[len] = '\0';
		if (!ip_version_parse(&v[n], p, len))
			memset(&v[n], 0, sizeof(v[n]));
		FUZZ_CHECK(memchr(v[n].raw, 0, sizeof(v[n].raw)), "raw is not terminated");
		check_version(&v[n++]);
		check_image(p, len);
		if (!nl)
			break;
		p = nl + 1;
	}
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			int ab = ip_version_cmp(&v[i], &v[j]), ba = ip_version_cmp(&v[j], &v[i]);
			FUZZ_CHECK(ab == -1 || ab == 0 || ab == 1 || ab == IP_VER_INCOMPARABLE, "cmp %d", ab);
			FUZZ_CHECK(ab == flip(ba), "cmp('%s','%s')=%d but the reverse is %d", v[i].raw,
				   v[j].raw, ab, ba);
			for (int k = 0; k < n; k++) {
				int bc = ip_version_cmp(&v[j], &v[k]), ac = ip_version_cmp(&v[i], &v[k]);
				if (ab != IP_VER_INCOMPARABLE && bc != IP_VER_INCOMPARABLE && ab <= 0 && bc <= 0)
					FUZZ_CHECK(ac != IP_VER_INCOMPARABLE && ac <= 0,
						   "'%s' <= '%s' <= '%s' but cmp(first, last) = %d",
						   v[i].raw, v[j].raw, v[k].raw, ac);
			}
		}
	return 0;
}
