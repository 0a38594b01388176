/* Fuzz target: the image catalogue loader (lint/image_catalog.c, libyaml).
 *
 * Input: YAML text. Either a refusal with "name:line:col: error: ..." or a
 * catalogue whose entries hold what the header promises: a file name with no
 * directory, hashes of the right length in lower-case hex, at least one
 * platform, no image or platform twice; every entry is found by its name. */
#include <string.h>
#include <strings.h>

#include "error.h"
#include "fuzz.h"
#include "image_catalog.h"
#include "target.h"

static void check_entry(const ip_image_catalog *c, const ip_catalog_image *e)
{
	FUZZ_CHECK(e->name && e->name[0] && !strchr(e->name, '/'), "entry name '%s'",
		   e->name ? e->name : "(null)");
	FUZZ_CHECK(!e->md5 || ip_target_hash_ok(e->md5, 32), "%s: md5 '%s'", e->name, e->md5);
	FUZZ_CHECK(!e->sha512 || ip_target_hash_ok(e->sha512, 128), "%s: sha512", e->name);
	for (const char *p = e->md5; p && *p; p++)
		FUZZ_CHECK(*p < 'A' || *p > 'F', "%s: md5 not lower case", e->name);
	FUZZ_CHECK(e->n_platforms > 0, "%s without platforms", e->name);
	for (size_t i = 0; i < e->n_platforms; i++)
		FUZZ_CHECK(e->platforms[i].text && e->platforms[i].text[0], "%s: empty platform",
			   e->name);
	const ip_catalog_image *found = ip_image_catalog_find(c, e->name);
	FUZZ_CHECK(found == e, "%s found as another entry", e->name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ip_arena *a = ip_arena_new();
	ip_image_catalog *c = NULL;
	int rc = ip_image_catalog_parse(&c, a, "images.yaml", (const char *)data, size);
	if (rc) {
		FUZZ_CHECK(!c, "a catalogue returned with an error");
		FUZZ_CHECK(rc == IP_E_CONFIG || rc == IP_E_LIMIT, "returned %d", rc);
		FUZZ_CHECK(strncmp(ip_error_last(), "images.yaml:", 12) == 0 &&
				   strstr(ip_error_last(), ": error: "),
			   "message '%s' does not say where", ip_error_last());
	} else {
		FUZZ_CHECK(c && c->n > 0, "an empty catalogue accepted");
		for (size_t i = 0; i < c->n; i++)
			check_entry(c, &c->v[i]);
	}
	ip_arena_free(a);
	return 0;
}
