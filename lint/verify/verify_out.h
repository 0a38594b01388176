/* Output of `iosplan verify`: one small writer per format (text, json,
 * markdown, sarif), each in lint/verify/verify_<format>.c, over one result. The
 * spans of a check point into two device sets: `after` into the
 * after-captures, `before` (and related spans of the before side) into the
 * before-captures; verify_line() finds a span's line in either. */
#ifndef IOSPLAN_VERIFY_OUT_H
#define IOSPLAN_VERIFY_OUT_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "verify.h"

typedef struct ip_verify_report {
	const ip_device_set *before, *after;
	const ip_verify_device *devices;
	size_t n;
	unsigned soak_hours;
} ip_verify_report;

typedef enum ip_verify_format {
	IP_VERIFY_TEXT = 0,
	IP_VERIFY_JSON,
	IP_VERIFY_MARKDOWN,
	IP_VERIFY_SARIF,
} ip_verify_format;

/* "text" | "json" | "markdown" | "sarif"; false otherwise. */
bool ip_verify_format_parse(const char *name, ip_verify_format *out);

/* Returns 0, or -1 when the output could not be written. */
int ip_verify_write(ip_verify_format f, FILE *out, const ip_verify_report *r);
int verify_write_text(FILE *out, const ip_verify_report *r);
int verify_write_json(FILE *out, const ip_verify_report *r);
int verify_write_markdown(FILE *out, const ip_verify_report *r);
int verify_write_sarif(FILE *out, const ip_verify_report *r);

/* --- shared by the writers ------------------------------------------------ */

/* The clean line a span points at, in either set; NULL when none. */
const ip_line *verify_line(const ip_verify_report *r, ip_span s);
/* "file:line:col" in a, at its full length (the file name is a whole
 * path); "-" for a span with no position. */
const char *verify_loc(ip_arena *a, ip_span s);
/* "not done" (a check failed), "done" (reloaded, nothing failed), or "on
 * track, next: ..." (nothing failed so far, the change goes on). */
const char *verify_verdict(const ip_verify_device *v);
/* "next: the reload", ...; NULL when the change is done or failed. */
const char *verify_next_step(const ip_verify_device *v);
/* The check's status as printed in a table: "pass", "FAIL", ... */
const char *verify_status_label(ip_vstatus s);
/* {"file", "line", "column", "end_line", "end_column"} or null; columns in
 * bytes, as everywhere in iosplan's JSON. */
cJSON *verify_loc_json(ip_span s);

#endif
