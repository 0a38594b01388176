#include "plan_query.h"

#include <criterion/criterion.h>
#include <string.h>

#include "error.h"
#include "image_catalog.h"

bool texts_have(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(v[i], s))
			return true;
	return false;
}

const ip_plan_step *plan_step_with(const ip_plan *p, const char *cmd)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++)
			if (!strcmp(p->steps[i].commands[j], cmd))
				return &p->steps[i];
	return NULL;
}

bool plan_has_command(const ip_plan *p, const char *prefix)
{
	size_t n = strlen(prefix);
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++)
			if (!strncmp(p->steps[i].commands[j], prefix, n))
				return true;
	return false;
}

ip_target *plan_catalog_target(ip_arena *a, const char *catalog, const char *name)
{
	ip_image_catalog *cat;
	cr_assert_eq(ip_image_catalog_parse(&cat, a, "cat.yaml", catalog, strlen(catalog)), 0, "%s",
		     ip_error_last());
	const ip_catalog_image *e = ip_image_catalog_find(cat, name);
	cr_assert_not_null(e, "the catalogue names %s", name);
	ip_target *t = ip_target_from_name(a, name, "test");
	t->size = e->size;
	t->md5 = e->md5;
	t->md5_origin = t->size_origin = "catalogue";
	t->facts = &e->facts;
	return t;
}
