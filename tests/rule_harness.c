#include "rule_harness.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "error.h"
#include "image_catalog.h"

rule_run *rule_run_new_opts(const char *rule_id, const char *capture,
			    const rule_run_opts *o)
{
	rule_run *r = calloc(1, sizeof(*r));
	cr_assert_not_null(r);
	r->rule_id = rule_id;
	if (strchr(capture, '\n'))
		r->set = test_load_text("capture.log", capture);
	else
		r->set = test_load_samples(capture, NULL);
	if (!o->input_errors_ok)
		cr_assert_eq(ip_diags_count(&r->set->diags, IP_DIAG_ERROR), 0,
			     "capture '%.40s' has input errors: %s", capture,
			     r->set->diags.n ? r->set->diags.v[0].message : "");
	cr_assert_geq(r->set->n, 1, "capture has a device");
	cr_assert_not_null(ip_rule_find(rule_id), "rule %s exists", rule_id);
	if (o->target) {
		ip_target *t = ip_target_from_name(r->set->arena, o->target, "test");
		if (o->target_size) {
			t->size.known = true;
			t->size.v = o->target_size;
		}
		if (o->target_md5)
			t->md5 = ip_arena_strdup(r->set->arena, o->target_md5);
		if (o->target_sha512)
			t->sha512 = ip_arena_strdup(r->set->arena, o->target_sha512);
		if (o->server_md5 || o->server_sha512 || o->server_size)
			t->server.path = "/srv/tftp/image.bin";
		t->server.md5 = o->server_md5;
		t->server.sha512 = o->server_sha512;
		t->server.size = (ip_u64){ o->server_size != 0, o->server_size, { 0 } };
		if (o->catalog) {
			ip_image_catalog *cat;
			cr_assert_eq(ip_image_catalog_parse(&cat, r->set->arena, "cat.yaml", o->catalog,
							    strlen(o->catalog)), 0, "%s", ip_error_last());
			const ip_catalog_image *e = ip_image_catalog_find(cat, t->name);
			cr_assert_not_null(e, "the test catalogue lists %s", t->name);
			t->facts = &e->facts;
		}
		r->target = t;
	}
	ip_check_config c;
	ip_check_config_defaults(&c);
	c.only = rule_id;
	if (o->tweak)
		o->tweak(&c);
	ip_check_device(&r->check, r->set->arena, r->set->v[0], r->target, &c);
	return r;
}

rule_run *rule_run_new(const char *rule_id, const char *capture, const char *target,
		       void (*tweak)(ip_check_config *c))
{
	rule_run_opts o = { .target = target, .tweak = tweak };
	return rule_run_new_opts(rule_id, capture, &o);
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

static bool has_fix(const ip_finding *f, const char *cmd)
{
	for (size_t i = 0; i < f->n_fix; i++)
		if (strcmp(f->fix[i], cmd) == 0)
			return true;
	return false;
}

void rule_run_expect_first(const rule_run *r, const char *row, bool weak, const char *fix,
			   const char *ask)
{
	const ip_finding *f = rule_run_first(r);
	if (!f)
		return;
	cr_expect_eq(f->weak, weak, "%s: weak is %d", row, f->weak);
	cr_expect_str_eq(f->rule_id, r->rule_id, "%s: stamped with its id", row);
	if (fix)
		cr_expect(has_fix(f, fix), "%s: no fix '%s' (first: '%s')", row, fix,
			  f->n_fix ? f->fix[0] : "");
	if (ask)
		cr_expect(f->capture && strcmp(f->capture, ask) == 0, "%s: asks for '%s', want '%s'",
			  row, f->capture ? f->capture : "", ask);
	else
		cr_expect_null(f->capture, "%s: asks for %s", row, f->capture);
}
