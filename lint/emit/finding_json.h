/* Findings, the next boot and the target as JSON, written the same way by
 * every command that reports them: `lint --format json` and its SARIF
 * (lint/findings/), `facts --format json`, `verify --format json`. */
#ifndef IOSPLAN_FINDING_JSON_H
#define IOSPLAN_FINDING_JSON_H

#include <cjson/cJSON.h>

#include "boot_sim.h"
#include "catalogue.h"
#include "engine.h"

cJSON *next_boot_json(const ip_boot_prediction *p);
cJSON *finding_json(const ip_finding *f);
cJSON *target_json(const ip_target *t); /* null when t is NULL */

/* The clean text of the line a span points at and the 0-based byte range
 * of the span in it (for carets and snippets); NULL when not available. */
const char *span_source(const ip_device_set *set, ip_span s, size_t *start, size_t *end);

#endif
