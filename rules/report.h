/* The findings collector behind ip_report(): the engine sets the rule being
 * run, rules report into it. Not for rules to include. */
#ifndef IOSPLAN_REPORT_H
#define IOSPLAN_REPORT_H

#include "rule.h"

struct ip_findings {
	ip_arena *arena;
	ip_finding *v;
	size_t n, cap;
	/* stamped on every finding reported while a rule runs */
	const char *rule_id;
	ip_severity severity;
	ip_repair repair; /* the rule's policy, set by the engine */
	const char *device;
};

void ip_findings_init(ip_findings *f, ip_arena *a);
/* Set the rule whose findings follow, with its configured severity. */
void ip_findings_begin_rule(ip_findings *f, const char *rule_id,
			    ip_severity severity, const char *device);

#endif
