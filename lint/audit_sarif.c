/* `iosplan audit --format sarif`: one SARIF 2.1.0 run for the whole fleet,
 * written as the devices come (the fleet is never held in memory):
 *
 *   {"$schema": …, "version": "2.1.0", "runs": [{
 *     "tool": {"driver": {"name": "iosplan", "rules": [catalogue…, source-conflict]}},
 *     "columnKind": "utf16CodeUnits",
 *     "results": [ …each device's findings, located in its backup files… ],
 *     "invocations": [{"executionSuccessful": true,
 *                      "toolExecutionNotifications": [ …input problems… ]}],
 *     "properties": {"summary": {…the fleet summary…}}}]}
 *
 * A result is built by lint/format_sarif.c's streaming helpers, so an
 * audit result reads like a lint result; its properties add what the audit
 * knows of the device (platform, version, approved image, upgrade, next
 * reload). No artifacts array: it would grow with the fleet, and every
 * location names its file by URI. */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "catalogue.h"
#include "format.h"
#include "iosplan_config.h"
#include "json_utf8.h"
#include "error.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static void emit(FILE *m, cJSON *o)
{
	char *t = ip_json_print_utf8(o, 0);
	fputs(t, m);
	free(t);
	cJSON_Delete(o);
}

static cJSON *conflict_rule(void)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "id", AUDIT_CONFLICT_RULE);
	cJSON_AddStringToObject(r, "name", "SourceConflict");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "shortDescription"), "text",
				"Two backup files of one device disagree on a fact");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "fullDescription"), "text",
				"The files gathered for one device (a RANCID or Oxidized backup, "
				"saved show outputs) state a different version, image, model, "
				"serial number or configuration register. The later file's value "
				"is used; the other file is stale or belongs to another device.");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "help"), "text",
				"Remove the stale file, or capture both outputs again.");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "defaultConfiguration"), "level",
				"warning");
	return r;
}

static void sarif_begin(FILE *out, const char *const *paths, size_t n)
{
	(void)paths;
	(void)n;
	cJSON *driver = cJSON_CreateObject();
	cJSON_AddStringToObject(driver, "name", "iosplan");
	cJSON_AddStringToObject(driver, "version", IOSPLAN_VERSION);
	cJSON_AddStringToObject(driver, "semanticVersion", IOSPLAN_VERSION);
	cJSON *rules = sarif_stream_rules(ip_catalogue_builtin());
	cJSON_AddItemToArray(rules, conflict_rule());
	cJSON_AddItemToObject(driver, "rules", rules);
	fputs("{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":",
	      out);
	emit(out, driver);
	fputs("},\"columnKind\":\"utf16CodeUnits\",\"results\":[", out);
}

static void add_str(cJSON *o, const char *k, const char *v)
{
	cJSON_AddItemToObject(o, k, v ? cJSON_CreateString(v) : cJSON_CreateNull());
}

/* What the audit knows of the device, on each of its results. */
static void device_props(cJSON *res, const audit_device *d)
{
	cJSON *p = cJSON_GetObjectItemCaseSensitive(res, "properties");
	if (!p)
		p = cJSON_AddObjectToObject(res, "properties");
	cJSON_DeleteItemFromObjectCaseSensitive(p, "device");
	add_str(p, "device", d->name);
	add_str(p, "platform", d->dev->platform.s);
	add_str(p, "version", d->version);
	add_str(p, "approved", d->target ? d->target->name : NULL);
	add_str(p, "upgrade", audit_upgrade_name(d->upgrade));
	add_str(p, "reload", audit_reload_name(d->reload));
}

static void sarif_device(FILE *m, FILE *notes, const audit_device *d)
{
	const ip_catalogue *cat = ip_catalogue_builtin();
	for (size_t i = 0; i < d->n_findings; i++) {
		const audit_finding *f = &d->findings[i];
		ip_finding tmp = { .rule_id = f->rule, .severity = f->severity, .device = d->name,
				   .message = f->message, .span = f->span, .weak = f->weak };
		cJSON *res = sarif_stream_result(d->set, cat, d->check, f->finding ? f->finding : &tmp);
		device_props(res, d);
		fputc(',', m);
		emit(m, res);
	}
	for (size_t i = 0; i < d->n_problems; i++) {
		const ip_diag *x = d->problems[i];
		cJSON *n = cJSON_CreateObject();
		cJSON_AddStringToObject(n, "level", x->level == IP_DIAG_ERROR ? "error" : "warning");
		cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"), "text", x->message);
		if (ip_span_known(x->span) && x->span.file)
			cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"),
					     sarif_stream_location(d->set, x->span));
		fputc(',', notes);
		emit(notes, n);
	}
}

/* A file path as a relative URI reference (format_sarif.c does the same):
 * all but unreserved characters and '/' percent-encoded. */
static char *uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = malloc(7 + 3 * strlen(path) + 1), *o = out;
	if (!out)
		ip_out_of_memory();
	if (path[0] == '/')
		o += sprintf(o, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

static void sarif_problem(FILE *m, FILE *notes, const char *path, const char *msg)
{
	(void)m;
	cJSON *n = cJSON_CreateObject();
	cJSON_AddStringToObject(n, "level", "error");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"), "text", msg);
	cJSON *loc = cJSON_CreateObject();
	char *u = uri(path);
	cJSON_AddStringToObject(cJSON_AddObjectToObject(cJSON_AddObjectToObject(loc, "physicalLocation"),
							 "artifactLocation"), "uri", u);
	free(u);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"), loc);
	fputc(',', notes);
	emit(notes, n);
}

static void sarif_end(FILE *out, const char *notes, size_t nl, const audit_summary *s)
{
	fputs("],\"invocations\":[{\"executionSuccessful\":true,\"toolExecutionNotifications\":[", out);
	if (nl > 1)
		fwrite(notes + 1, 1, nl - 1, out); /* the first item's ',' dropped */
	fputs("]}],\"properties\":{\"summary\":", out);
	audit_summary_json(out, s, false);
	fputs("}}]}\n", out);
}

const audit_format audit_sarif = { "sarif", sarif_begin, sarif_device, sarif_problem, sarif_end,
				   true };
