/* The rule table and the catalogue agree, and every rule's documented
 * examples behave as documented (the bad one fires, the good one does not). */
#include <criterion/criterion.h>
#include "image_catalog.h"
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "error.h"
#include "helpers.h"
#include "iosplan_config.h"

Test(catalogue, ids_sorted_unique_kebab)
{
	for (size_t i = 0; i < ip_rules_count; i++) {
		const char *id = ip_rules[i]->id;
		for (const char *p = id; *p; p++)
			cr_assert((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-',
				  "%s is kebab-case", id);
		if (i)
			cr_assert_lt(strcmp(ip_rules[i - 1]->id, id), 0, "%s after %s: sorted and unique",
				     id, ip_rules[i - 1]->id);
	}
	cr_assert_leq(ip_rules_count, IP_RULES_MAX);
}

Test(catalogue, every_rule_documented_in_order)
{
	const ip_catalogue *c = ip_catalogue_builtin();
	cr_assert_eq(c->n, ip_rules_count, "one catalogue entry per rule");
	for (size_t i = 0; i < ip_rules_count; i++) {
		cr_assert_str_eq(c->v[i].id, ip_rules[i]->id, "catalogue order follows rules.def");
		cr_assert_eq(c->v[i].severity, ip_rules[i]->default_severity, "%s: same default severity",
			     c->v[i].id);
		cr_assert_not_null(c->v[i].bad.capture, "%s has a bad example", c->v[i].id);
		cr_assert_not_null(c->v[i].good.capture, "%s has a good example", c->v[i].id);
	}
}

/* The rule -> plan contract (rule.h): each rule says what the plan may do
 * about its findings; the planner has no other way to know. */
Test(catalogue, every_rule_declares_its_repair_policy)
{
	for (size_t i = 0; i < ip_rules_count; i++) {
		ip_repair r = ip_rules[i]->repair;
		cr_assert(r > IP_REPAIR_UNDECLARED && r < IP_REPAIR__COUNT,
			  "%s declares a repair policy in its ip_rule", ip_rules[i]->id);
		cr_assert_str_neq(ip_repair_name(r), "undeclared", "%s", ip_rules[i]->id);
	}
}

/* --- the examples ------------------------------------------------------- */

static size_t run_example(const char *id, const ip_rule_example *ex)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", IOSPLAN_SOURCE_ROOT, ex->capture);
	const char *paths[1] = { path };
	ip_device_set *set = ip_device_set_new();
	cr_assert_eq(ip_device_set_load(set, paths, 1), 0, "%s: %s", ex->capture, ip_error_last());
	cr_assert_eq(ip_diags_count(&set->diags, IP_DIAG_ERROR), 0, "%s reads cleanly", ex->capture);
	ip_target *t = ex->target ? ip_target_from_name(set->arena, ex->target, "example") : NULL;
	if (t && ex->size) {
		t->size.known = true;
		t->size.v = strtoull(ex->size, NULL, 10);
	}
	if (t && ex->md5)
		t->md5 = ex->md5;
	if (t && ex->catalog) { /* the release facts a --catalog gives */
		snprintf(path, sizeof(path), "%s/%s", IOSPLAN_SOURCE_ROOT, ex->catalog);
		ip_image_catalog *cat;
		cr_assert_eq(ip_image_catalog_load(&cat, set->arena, path), 0, "%s", ip_error_last());
		const ip_catalog_image *e = ip_image_catalog_find(cat, t->name);
		cr_assert_not_null(e, "%s lists %s", ex->catalog, t->name);
		t->facts = &e->facts;
	}
	ip_check_config cfg;
	ip_check_config_defaults(&cfg);
	cfg.only = id;
	size_t n = 0;
	for (size_t i = 0; i < set->n; i++) {
		ip_device_check ck;
		ip_check_device(&ck, set->arena, set->v[i], t, &cfg);
		n += ck.n_findings;
	}
	ip_device_set_free(set);
	return n;
}

/* One case per rule: the index into ip_rules (its size is only known at
 * link time, so the table of indices is spelled out from rules.def). */
static const char *const rule_ids[] = {
#define IP_RULE(sym, id) id,
#include "rules.def"
#undef IP_RULE
};

IP_TABLE_PARAMS(catalogue, examples, rule_ids)

ParameterizedTest(size_t *row, catalogue, examples)
{
	const ip_rule_doc *d = ip_catalogue_find(ip_catalogue_builtin(), rule_ids[*row]);
	cr_assert_not_null(d);
	cr_assert_gt(run_example(d->id, &d->bad), 0, "%s: the bad example (%s, target %s) fires", d->id,
		     d->bad.capture, d->bad.target ? d->bad.target : "none");
	cr_assert_eq(run_example(d->id, &d->good), 0, "%s: the good example (%s, target %s) is silent",
		     d->id, d->good.capture, d->good.target ? d->good.target : "none");
}

/* --- a broken catalogue is reported with its position ------------------- */

typedef struct bad_catalogue {
	const char *text;
	const char *where;
} bad_catalogue;

static const bad_catalogue bad_catalogues[] = {
	{ "rules:\n  - id: x\n    severity: fatal\n    title: t\n    rationale: r\n    fix: f\n", "c.yaml:3:15: error: severity" },
	{ "rules:\n  - id: x\n    colour: red\n", "c.yaml:3:5: error: unknown key" },
	{ "rules:\n  - id: x\n    title: t\n", "c.yaml:2:5: error: a rule needs" },
	{ "rules: [\n", "c.yaml:2:1: error:" },
	{ "rulez: []\n", "c.yaml:1:1: error: unknown top-level key" },
};

IP_TABLE_PARAMS(catalogue, parse_errors, bad_catalogues)

ParameterizedTest(size_t *row, catalogue, parse_errors)
{
	const bad_catalogue *c = &bad_catalogues[*row];
	ip_catalogue *cat = NULL;
	cr_assert_eq(ip_catalogue_parse(&cat, "c.yaml", c->text, strlen(c->text)), IP_E_CONFIG);
	cr_assert(strstr(ip_error_last(), c->where), "'%s' lacks '%s'", ip_error_last(), c->where);
}
