/* Fuzz target: the .iosplan.yaml loader (lint/config.c).
 *
 * Input: YAML text. Either a refusal with "name:line:col: error: ..." or a
 * configuration whose values are in range: severities valid, margin percent
 * at most 100, registers 16 bits, model prefixes non-empty. */
#include <string.h>

#include "config.h"
#include "error.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ip_arena *a = ip_arena_new();
	ip_config cfg;
	int rc = ip_config_parse(&cfg, a, ".iosplan.yaml", (const char *)data, size);
	if (rc) {
		FUZZ_CHECK(rc == IP_E_CONFIG || rc == IP_E_LIMIT, "returned %d", rc);
		FUZZ_CHECK(strncmp(ip_error_last(), ".iosplan.yaml:", 14) == 0 &&
				   strstr(ip_error_last(), ": error: "),
			   "message '%s' does not say where", ip_error_last());
		goto done;
	}
	const ip_check_config *c = &cfg.check;
	for (size_t i = 0; i < ip_rules_count; i++)
		FUZZ_CHECK(c->severity[i] <= IP_SEV_ERROR, "severity %d", (int)c->severity[i]);
	FUZZ_CHECK(c->opts.flash_margin_percent <= 100, "margin %u%%", c->opts.flash_margin_percent);
	for (size_t i = 0; i < c->opts.n_normal_registers; i++) {
		const ip_normal_register *r = &c->opts.normal_registers[i];
		FUZZ_CHECK(r->model_prefix && r->model_prefix[0], "register %zu without a model", i);
		FUZZ_CHECK(r->value <= 0xFFFF, "register 0x%x", r->value);
	}
done:
	ip_arena_free(a);
	return 0;
}
