/* Output formats of `iosplan lint`: one small writer per format, each a
 * file lint/findings/format_<name>.c, behind one interface. The driver calls begin
 * once, then for each device `device` followed by `finding` for each of
 * its findings (sorted by position), then end, which prints whatever the
 * writer buffered and frees its state. */
#ifndef IOSPLAN_FORMAT_H
#define IOSPLAN_FORMAT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

#include "catalogue.h"
#include "device.h"
#include "engine.h"
#include "json_utf8.h"

#define IOSPLAN_LINT_FORMAT_VERSION 1

typedef struct ip_lint_result {
	const ip_device_set *set;   /* devices, diagnostics, source lines */
	const ip_device_check *checks;
	size_t n_checks;
	const ip_target *target;    /* NULL when none was given */
	const ip_catalogue *catalogue;
	bool color;                 /* text only: ANSI colour */
} ip_lint_result;

typedef struct ip_writer {
	const char *name;
	void *(*begin)(FILE *out, const ip_lint_result *r);
	void (*device)(void *state, const ip_device_check *c);
	void (*finding)(void *state, const ip_device_check *c, const ip_finding *f);
	void (*end)(void *state);
} ip_writer;

extern const ip_writer format_text;
extern const ip_writer format_gcc;
extern const ip_writer format_json;
extern const ip_writer format_sarif;
extern const ip_writer format_markdown;
extern const ip_writer format_codeclimate;

/* The writer called `name`, or NULL. */
const ip_writer *ip_writer_find(const char *name);
/* Drive a writer over a whole result: 0, or -1 when a write to out failed
 * (its error flag; the writer contract in cli.h). Devices after the
 * failure are not written; the writer's end always runs, to free it. */
int ip_lint_write(const ip_writer *w, FILE *out, const ip_lint_result *r);

/* Shared pieces. */
cJSON *next_boot_json(const ip_boot_prediction *p);   /* facts and lint JSON */
cJSON *finding_json(const ip_finding *f);              /* lint JSON */
cJSON *target_json(const ip_target *t);                /* null when t is NULL */
/* A catalogue fix text in Markdown, its indented command lines fenced
 * (SARIF help, the LSP's hover and rule pages). The caller frees it. */
char *fix_markdown(const char *fix);
/* The clean text of the line a span points at and the 0-based byte range
 * of the span in it (for carets and snippets); NULL when not available. */
const char *span_source(const ip_device_set *set, ip_span s, size_t *start, size_t *end);

/* SARIF for writers that stream one device at a time (iosplan audit), from
 * format_sarif.c: a result (its ruleIndex in catalogue order, a rule the
 * catalogue lacks after them all), the catalogue's rule descriptors, and a
 * location. No artifactLocation carries an index: such a writer lists no
 * artifacts. The caller owns what is returned. */
cJSON *sarif_stream_result(const ip_device_set *set, const ip_catalogue *cat,
			   const ip_device_check *c, const ip_finding *f);
cJSON *sarif_stream_rules(const ip_catalogue *cat);
cJSON *sarif_stream_location(const ip_device_set *set, ip_span s);

#endif
