/* The one SARIF 2.1.0 builder (issue 19): lint (format_sarif.c), verify
 * (verify_sarif.c) and audit (audit_sarif.c) each map their own records to
 * these calls: the log's frame, rules, results, locations, URIs,
 * artifacts and notifications are built here; a writer adds only its own
 * properties bags.
 *
 *   log      {"$schema", "version", "runs": [run]}, whole or streamed
 *   driver   run.tool.driver: name, version, semanticVersion
 *   rules    driver.rules with the index of each id, for result.ruleIndex
 *   result   ruleId, ruleIndex, kind, level, message
 *   location physicalLocation: artifactLocation (a URI of the path), region
 *            (columns converted to UTF-16 units, SARIF's default
 *            columnKind); related and logical locations; artifacts
 *   notes    toolExecutionNotifications of the invocation
 *
 * Key order is the order of the calls, as cJSON keeps it: the goldens
 * (tests/golden, the samples' .sarif files) are byte-for-byte, so each writer calls in
 * the order its output always had. Whatever is returned is the caller's,
 * until added to an object or array. */
#ifndef IOSPLAN_SARIF_BUILD_H
#define IOSPLAN_SARIF_BUILD_H

#include <stdbool.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "capture.h"
#include "span.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* --- the log ------------------------------------------------------------- */

/* {"$schema", "version", "runs": [run]}; *run is the one run. */
cJSON *sarif_log(cJSON **run);
/* run.tool.driver with name and version, and semanticVersion when asked
 * (verify's output never had it); with no run, for sarif_stream_begin. */
cJSON *sarif_driver(cJSON *run, bool semantic_version);
/* run.invocations: [{"executionSuccessful": true}], the invocation returned
 * for notifications. */
cJSON *sarif_invocation(cJSON *run);
/* Print the log indented, a newline after it, and free it; -1 when the
 * stream failed. */
int sarif_write(FILE *out, cJSON *log);

/* A log written as it goes (audit: the fleet is never held in memory). The
 * driver is printed and freed; results follow, each by sarif_stream_item. */
void sarif_stream_begin(FILE *out, cJSON *driver);
/* An item of an array being streamed, printed compact and freed; a ','
 * before it, so the first item's comma is dropped by whoever splices the
 * array (sarif_stream_notes). */
void sarif_stream_item(FILE *out, cJSON *item);
/* Close results; the one invocation with the notifications streamed into a
 * buffer (notes, nl bytes, each item after a ','), then open run.properties
 * for the caller to write its value and call sarif_stream_end. */
void sarif_stream_notes(FILE *out, const char *notes, size_t nl);
void sarif_stream_end(FILE *out);

/* --- text, URIs ------------------------------------------------------------ */

/* {"text": text}: SARIF's message and multiformatMessageString. */
cJSON *sarif_text(const char *text);
/* A file path as a URI reference (RFC 3986): everything but unreserved
 * characters and '/' is percent-encoded, so "my captures/r1.log" and
 * "flash:x.log" (whose ':' would read as a scheme) stay relative
 * references; an absolute path becomes a file:// URI. Caller frees. */
char *sarif_uri(const char *path);

/* --- rules ---------------------------------------------------------------- */

/* A reportingDescriptor's text. NULL fields are left out; help_markdown
 * only goes with help_text. */
typedef struct sarif_rule_text {
	const char *id, *name;
	const char *short_text, *full_text;
	const char *help_text, *help_markdown;
	const char *help_uri;   /* a URI already (sarif_uri of a page) */
	const char *level;      /* defaultConfiguration.level */
} sarif_rule_text;

cJSON *sarif_rule(const sarif_rule_text *t);

/* driver.rules and the ids in it, for ruleIndex. */
typedef struct sarif_rules {
	cJSON *array;        /* owned by the driver once added to it */
	const char **ids;    /* the caller's strings, rules[] order */
	size_t n, cap;
} sarif_rules;

/* Append descriptor o for id (id must outlive the table); its index. */
size_t sarif_rules_add(sarif_rules *rs, const char *id, cJSON *o);
/* Only the id, for a table whose descriptors are printed elsewhere. */
size_t sarif_rules_add_id(sarif_rules *rs, const char *id);
/* The index of id, or (size_t)-1. */
size_t sarif_rules_find(const sarif_rules *rs, const char *id);
void sarif_rules_free_ids(sarif_rules *rs);

/* --- results and locations ----------------------------------------------- */

/* {"ruleId", "ruleIndex", "kind" (when not NULL), "level", "message"}. */
cJSON *sarif_result(const char *rule_id, size_t rule_index, const char *kind, const char *level,
		    const char *message);

/* A region of span s: startLine, and when s.col the UTF-16 startColumn and,
 * when the span has an end, endLine and endColumn (never before the start
 * on one line). line and end_line are the span's start and end lines
 * (NULL: byte columns stand). */
cJSON *sarif_region(ip_span s, const ip_line *line, const ip_line *end_line);
/* {"text": n bytes of text}. */
cJSON *sarif_snippet(const char *text, size_t n);
/* {"uri"} of a path, and "index" into run.artifacts when index >= 0. */
cJSON *sarif_artifact_location(const char *path, long index);
/* {"artifactLocation", "region" (when not NULL)}. */
cJSON *sarif_physical(cJSON *artifact, cJSON *region);
/* {"physicalLocation": physical, "message" (when not NULL)}. */
cJSON *sarif_location(cJSON *physical, const char *message);
/* A relatedLocation: {"id" (when id >= 0), "physicalLocation" (when not
 * NULL), "message"}. */
cJSON *sarif_related(long id, cJSON *physical, const char *message);
/* A logicalLocation: {"name", "kind"} (lint: the device no line holds). */
cJSON *sarif_logical(const char *name, const char *kind);
/* An entry of run.artifacts: the analysed file's location and length in
 * bytes, its role "analysisTarget". */
cJSON *sarif_artifact(const char *path, size_t length);
/* A toolExecutionNotification: {"level", "message", "locations": [loc]}
 * (no locations when loc is NULL). */
cJSON *sarif_notification(const char *level, const char *message, cJSON *loc);
/* o[key] = [v...], the strings copied. */
void sarif_add_strings(cJSON *o, const char *key, const char *const *v, size_t n);

#endif
