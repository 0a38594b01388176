/* The ntc-templates fixtures: a .raw capture and the .yml of the values
 * TextFSM reads from it ("parsed_sample:" rows of key: "value" pairs), for
 * comparing a parser with an independent one on real captures. */
#ifndef IOSPLAN_TEST_NTC_FIXTURE_H
#define IOSPLAN_TEST_NTC_FIXTURE_H

#include <stddef.h>

#define NTC_MAX_KEYS 24

typedef struct ntc_row {
	size_t n;
	char *key[NTC_MAX_KEYS];
	char *value[NTC_MAX_KEYS];
} ntc_row;

typedef struct ntc_fixture {
	char *raw;      /* the capture, NUL-terminated */
	ntc_row *rows;
	size_t n_rows;
} ntc_fixture;

/* Load cisco_ios/<dir>/<name>.raw and .yml from the corpus; NULL when the
 * corpus or the file is absent (the test then skips). Free with ntc_free. */
ntc_fixture *ntc_load(const char *dir, const char *name);
void ntc_free(ntc_fixture *f);

/* The value of `key` in row r ("" when the row has no such key). */
const char *ntc_get(const ntc_row *r, const char *key);

#endif
