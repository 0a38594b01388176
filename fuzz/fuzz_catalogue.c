/* Fuzz target: the rule catalogue loader (rules.yaml, libyaml).
 *
 * Input: YAML text. Either the loader refuses it with "name:line:col:
 * error: ..." and IP_E_CONFIG, or every entry has the fields the header
 * promises. Bounded whatever the text: deep nesting and alias bombs are
 * refused before the document is walked (rules/yaml_guard.h). */
#include <string.h>

#include "catalogue.h"
#include "error.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ip_catalogue *c = NULL;
	int rc = ip_catalogue_parse(&c, "fuzz.yaml", (const char *)data, size);
	if (rc) {
		FUZZ_CHECK(rc == IP_E_CONFIG || rc == IP_E_LIMIT, "returned %d", rc);
		FUZZ_CHECK(strncmp(ip_error_last(), "fuzz.yaml:", 10) == 0 &&
				   strstr(ip_error_last(), ": error: "),
			   "message '%s' does not say where", ip_error_last());
		return 0;
	}
	for (size_t i = 0; i < c->n; i++) {
		const ip_rule_doc *d = &c->v[i];
		FUZZ_CHECK(d->id && d->title && d->rationale && d->fix, "entry %zu incomplete", i);
		FUZZ_CHECK(d->severity >= IP_SEV_NOTE && d->severity <= IP_SEV_ERROR, "severity %d",
			   (int)d->severity);
		FUZZ_CHECK(d->line >= 1, "entry %zu at line %u", i, d->line);
		for (size_t k = 0; k < d->n_captures; k++)
			FUZZ_CHECK(d->captures[k], "capture %zu of '%s' unset", k, d->id);
		FUZZ_CHECK(ip_catalogue_find(c, d->id), "'%s' not found", d->id);
	}
	ip_catalogue_free(c);
	return 0;
}
