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
#include "finding_json.h"
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

#endif
