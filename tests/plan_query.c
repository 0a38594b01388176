#include "plan_query.h"

#include <string.h>

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
