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
 * The log is built by sarif_build.h (as lint's and verify's are), and a
 * result by sarif_findings.h, as lint's are, so an
 * audit result reads like a lint result; its properties add what the audit
 * knows of the device (platform, version, approved image, upgrade, next
 * reload). No artifacts array: it would grow with the fleet, and every
 * location names its file by URI. */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "catalogue.h"
#include "iosplan_config.h"
#include "sarif_findings.h"

static cJSON *conflict_rule(void)
{
	return sarif_rule(&(sarif_rule_text){
		.id = AUDIT_CONFLICT_RULE,
		.name = "SourceConflict",
		.short_text = "Two backup files of one device disagree on a fact",
		.full_text = "The files gathered for one device (a RANCID or Oxidized backup, "
			     "saved show outputs) state a different version, image, model, "
			     "serial number or configuration register. The later file's value "
			     "is used; the other file is stale or belongs to another device.",
		.help_text = "Remove the stale file, or capture both outputs again.",
		.level = "warning",
	});
}

static void sarif_begin(FILE *out, const char *const *paths, size_t n)
{
	(void)paths;
	(void)n;
	cJSON *driver = sarif_driver(NULL, true);
	sarif_findings sf = { .cat = ip_catalogue_builtin() };
	sarif_findings_rules(&sf, true);
	cJSON_AddItemToArray(sf.rules.array, conflict_rule());
	cJSON_AddItemToObject(driver, "rules", sf.rules.array);
	sarif_findings_free(&sf);
	sarif_stream_begin(out, driver);
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

/* Results by rule index in the rules[] sarif_begin printed: the
 * catalogue's, then source-conflict, the one rule it lacks. No location
 * carries an artifact index: the stream lists no artifacts. */
static void sarif_device(FILE *m, FILE *notes, const audit_device *d)
{
	sarif_findings sf = { .set = d->set, .cat = ip_catalogue_builtin() };
	sarif_findings_rules(&sf, false);
	for (size_t i = 0; i < d->n_findings; i++) {
		const audit_finding *f = &d->findings[i];
		ip_finding tmp = { .rule_id = f->rule, .severity = f->severity, .device = d->name,
				   .message = f->message, .span = f->span, .weak = f->weak };
		cJSON *res = sarif_finding_result(&sf, d->check, f->finding ? f->finding : &tmp);
		device_props(res, d);
		sarif_stream_item(m, res);
	}
	for (size_t i = 0; i < d->n_problems; i++) {
		const ip_diag *x = d->problems[i];
		cJSON *loc = sarif_span_placed(x->span) ? sarif_span_location(&sf, x->span) : NULL;
		sarif_stream_item(notes, sarif_notification(x->level == IP_DIAG_ERROR ? "error" : "warning",
							    x->message, loc));
	}
	sarif_findings_free(&sf);
}

static void sarif_problem(FILE *m, FILE *notes, const char *path, const char *msg)
{
	(void)m;
	cJSON *loc = sarif_location(sarif_physical(sarif_artifact_location(path, -1), NULL), NULL);
	sarif_stream_item(notes, sarif_notification("error", msg, loc));
}

static void sarif_end(FILE *out, const char *notes, size_t nl, const audit_summary *s)
{
	sarif_stream_notes(out, notes, nl);
	fputs("{\"summary\":", out);
	audit_summary_json(out, s, false);
	fputc('}', out);
	sarif_stream_end(out);
}

const audit_format audit_sarif = { "sarif", sarif_begin, sarif_device, sarif_problem, sarif_end,
				   true };
