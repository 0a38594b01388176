/* The plan's output formats (`iosplan plan --format`), one writer a file
 * in lint/plan/: plan_text.c, plan_markdown.c, plan_json.c,
 * plan_ansible.c. planner/plan.h builds and proves the plan; what it looks
 * like on paper is decided here only (issue 19). */
#ifndef IOSPLAN_PLAN_WRITE_H
#define IOSPLAN_PLAN_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "plan.h"

typedef enum ip_plan_format {
	IP_PLAN_TEXT = 0, /* paste-ready CLI, explanations as `!` comments */
	IP_PLAN_MARKDOWN, /* a change ticket */
	IP_PLAN_JSON,     /* the schema in docs/plan.md */
	IP_PLAN_ANSIBLE,  /* a playbook (cisco.ios collection) */
} ip_plan_format;

/* "text" | "markdown" | "json" | "ansible"; false otherwise. */
bool ip_plan_format_parse(const char *name, ip_plan_format *out);

/* Write the plans (or refusals) of n devices. Refusals in the ansible
 * format go to `err` as text, the playbook keeps only planned devices.
 * Returns 0, or -1 when the output could not be written. */
int ip_plan_write(ip_plan_format f, FILE *out, FILE *err, const ip_plan *const *plans,
		  size_t n);

int ip_plan_write_text(FILE *out, const ip_plan *const *plans, size_t n);
int ip_plan_write_markdown(FILE *out, const ip_plan *const *plans, size_t n);
int ip_plan_write_json(FILE *out, const ip_plan *const *plans, size_t n);
int ip_plan_write_ansible(FILE *out, const ip_plan *const *plans, size_t n);

#endif
