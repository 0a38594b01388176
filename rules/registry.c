/* The rule table, built from rules.def (no self-registration: a static
 * library drops objects nobody references). */
#include <string.h>

#include "rule.h"

const ip_rule *const ip_rules[] = {
#define IP_RULE(sym, id) &sym,
#include "rules.def"
#undef IP_RULE
};

const size_t ip_rules_count = sizeof(ip_rules) / sizeof(ip_rules[0]);

const ip_rule *ip_rule_find(const char *id)
{
	for (size_t i = 0; i < ip_rules_count; i++)
		if (strcmp(ip_rules[i]->id, id) == 0)
			return ip_rules[i];
	return NULL;
}
