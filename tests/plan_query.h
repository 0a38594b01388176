/* What the plan tests ask of a built plan, in one place. */
#ifndef IOSPLAN_PLAN_QUERY_H
#define IOSPLAN_PLAN_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

/* Whether one of v[0..n) contains s. */
bool texts_have(const char *const *v, size_t n, const char *s);
/* The step running exactly cmd, or NULL. */
const ip_plan_step *plan_step_with(const ip_plan *p, const char *cmd);
/* Whether a command of the plan starts with prefix. */
bool plan_has_command(const ip_plan *p, const char *prefix);

/* The target `name` as the catalogue YAML text gives it (size, md5, release
 * facts, "catalogue" as their origin); asserts the catalogue parses and
 * names it. */
ip_target *plan_catalog_target(ip_arena *a, const char *catalog, const char *name);

#endif
