/* Running the rules over one device: the single place that turns a device
 * state (plus a target and the configuration) into findings. `iosplan lint`,
 * the planner, the LSP server and the rule tests all go through it. */
#ifndef IOSPLAN_ENGINE_H
#define IOSPLAN_ENGINE_H

#include "rule.h"

#define IP_RULES_MAX 64

typedef struct ip_check_config {
	ip_rule_options opts;
	/* Per rule, in ip_rules[] order: the configured severity, IP_SEV_NONE
	 * for a disabled rule. */
	ip_severity severity[IP_RULES_MAX];
	const char *only; /* run only this rule id (tests, `explain --check`) */
} ip_check_config;

/* Defaults: every rule at its default severity, a flash margin of 1 MiB or
 * 5 % of the image, the TFTP limit of 65535 blocks of 512 bytes. */
void ip_check_config_defaults(ip_check_config *c);

typedef struct ip_device_check {
	const ip_device *dev;
	ip_platform platform;
	ip_boot_prediction next_boot;
	const ip_target *target; /* the image it was checked against, or NULL */
	ip_finding *findings; /* sorted by file, line, column, rule id */
	size_t n_findings;
} ip_device_check;

void ip_check_device(ip_device_check *out, ip_arena *a, const ip_device *dev,
		     const ip_target *target, const ip_check_config *config);

/* The highest severity among the findings (IP_SEV_NONE when none). */
ip_severity ip_device_check_worst(const ip_device_check *c);

const char *ip_severity_name(ip_severity s); /* "error", "warning", "note" */
/* Parse "error" | "warning" | "note" | "off"; returns false otherwise. */
bool ip_severity_parse(const char *s, ip_severity *out);

#endif
