#include "rule_harness.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

rule_run *rule_run_new(const char *rule_id, const char *capture, const char *target,
		       void (*tweak)(ip_check_config *c))
{
	rule_run *r = calloc(1, sizeof(*r));
	cr_assert_not_null(r);
	if (strchr(capture, '\n'))
		r->set = test_load_text("capture.log", capture);
	else
		r->set = test_load_samples(capture, NULL);
	cr_assert_eq(ip_diags_count(&r->set->diags, IP_DIAG_ERROR), 0,
		     "capture '%.40s' has input errors: %s", capture,
		     r->set->diags.n ? r->set->diags.v[0].message : "");
	cr_assert_geq(r->set->n, 1, "capture has a device");
	cr_assert_not_null(ip_rule_find(rule_id), "rule %s exists", rule_id);
	if (target)
		r->target = ip_target_from_name(r->set->arena, target, "test");
	ip_check_config c;
	ip_check_config_defaults(&c);
	c.only = rule_id;
	if (tweak)
		tweak(&c);
	ip_check_device(&r->check, r->set->arena, r->set->v[0], r->target, &c);
	return r;
}

void rule_run_free(rule_run *r)
{
	ip_device_set_free(r->set);
	free(r);
}

size_t rule_run_count(const rule_run *r)
{
	return r->check.n_findings;
}

const ip_finding *rule_run_first(const rule_run *r)
{
	return r->check.n_findings ? &r->check.findings[0] : NULL;
}

void rule_run_expect(const rule_run *r, const char *row, size_t n, uint32_t line,
		     uint32_t col, const char *message_part)
{
	size_t got = rule_run_count(r);
	const ip_finding *f = rule_run_first(r);
	cr_assert_eq(got, n, "%s: %zu findings, want %zu%s%s", row, got, n, f ? "; first: " : "",
		     f ? f->message : "");
	if (!n)
		return;
	cr_assert_eq(f->span.line, line, "%s: finding on line %u, want %u (%s)", row, f->span.line,
		     line, f->message);
	if (col)
		cr_assert_eq(f->span.col, col, "%s: finding at col %u, want %u", row, f->span.col, col);
	if (message_part)
		cr_assert(strstr(f->message, message_part), "%s: message '%s' lacks '%s'", row,
			  f->message, message_part);
}
