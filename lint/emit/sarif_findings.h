/* Findings as SARIF, for every writer that reports them: lint's whole log
 * (lint/findings/format_sarif.c) and audit's streamed one
 * (lint/audit/audit_sarif.c). It maps lint's records (a finding, the
 * catalogue's rule text, the device set's lines) onto the one SARIF
 * builder, sarif_build.h; a writer adds only its frame and properties.
 *
 * A result's ruleIndex is the rule's place in the run's rules[]: the
 * catalogue's order, a rule the catalogue lacks after them all. A finding
 * no line holds points at the device (a logical location) and its first
 * capture file. Columns are converted to UTF-16 units; a region's snippet
 * is the span's text, its contextRegion the whole line. */
#ifndef IOSPLAN_SARIF_FINDINGS_H
#define IOSPLAN_SARIF_FINDINGS_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "catalogue.h"
#include "engine.h"
#include "sarif_build.h"

typedef struct sarif_findings {
	const ip_device_set *set;   /* lines for regions, captures for artifact
				     * indices; NULL: neither */
	const ip_catalogue *cat;    /* rule text; NULL: none */
	sarif_rules rules;          /* the run's rules[]: rules.array the
				     * descriptors, NULL when they went out
				     * before (a stream) */
	bool indexed;               /* artifactLocation carries its index in
				     * run.artifacts; a streamed log lists none */
} sarif_findings;

/* rules[] of the catalogue in sf->rules: with their descriptors in a new
 * rules.array for the caller to add to the driver, or the ids alone when
 * `descriptors` is false (a stream printed them once). */
void sarif_findings_rules(sarif_findings *sf, bool descriptors);
/* The result of one finding of check c; a rule the catalogue lacks is
 * added to rules[]. */
cJSON *sarif_finding_result(sarif_findings *sf, const ip_device_check *c, const ip_finding *f);
/* A location of a span (a tool notification's, a streamed note's). */
cJSON *sarif_span_location(const sarif_findings *sf, ip_span s);
/* Whether a span points at a line of a file. */
bool sarif_span_placed(ip_span s);
/* Frees the ids' table (not rules.array: the driver owns it). */
void sarif_findings_free(sarif_findings *sf);

/* The catalogue's rule descriptor of id (doc NULL: the rule's id and
 * severity alone). */
cJSON *sarif_rule_descriptor(const char *id, const ip_rule_doc *doc);

/* A catalogue fix text in Markdown, its indented command lines fenced
 * (SARIF help, the LSP's hover and rule pages). The caller frees it. */
char *fix_markdown(const char *fix);

#endif
