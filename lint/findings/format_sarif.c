/* `iosplan lint --format sarif`: SARIF 2.1.0 for code-scanning dashboards.
 *
 *   {"$schema": ".../sarif-2.1.0.json", "version": "2.1.0", "runs": [{
 *     "tool": {"driver": {"name": "iosplan", "version": ..., "rules": [...]}},
 *     "artifacts": [{"location": {"uri": "traps/register-2142.log"}}],
 *     "results": [{"ruleId": "config-register", "ruleIndex": 4, "level": "error",
 *                  "message": {"text": ...}, "locations": [...], ...}],
 *     "invocations": [{"executionSuccessful": true, ...}], ...}]}
 *
 * The rules come from the catalogue (title, rationale, fix), so a dashboard
 * can explain a result without iosplan at hand. Fix commands go to
 * result.properties.fix: SARIF's own `fixes` describe byte edits of the
 * analysed file, and nobody fixes a router by editing a capture. The device
 * is in result.properties.device, since one capture may hold several.
 * A finding no line holds points at the device (a logical location) and its
 * first capture file. Columns are converted to UTF-16 units; the region's
 * snippet is the span's text, the contextRegion's the whole line. Input
 * diagnostics become the invocation's tool execution notifications; each
 * device's platform and next boot go to run.properties.devices. */
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "finding_json.h"
#include "format.h"
#include "sarif_findings.h"

/* The SARIF itself is built by sarif_build.h, a finding's result by
 * sarif_findings.h (audit's stream shares it); this file frames lint's
 * whole log: its rules, artifacts, devices and the invocation. */
typedef struct sarif_state {
	FILE *out;
	const ip_lint_result *r;
	cJSON *root, *run, *results;
	cJSON *devices; /* run.properties.devices: platform and next boot */
	sarif_findings sf;
} sarif_state;

static cJSON *artifacts(const ip_device_set *set)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; set && i < set->n_captures; i++) {
		cJSON_AddItemToArray(a, sarif_artifact(set->captures[i]->path, set->captures[i]->raw_bytes));
	}
	return a;
}

static void *begin(FILE *out, const ip_lint_result *r)
{
	sarif_state *st = calloc(1, sizeof(*st));
	if (!st)
		ip_out_of_memory();
	st->out = out;
	st->r = r;
	st->root = sarif_log(&st->run);
	cJSON *driver = sarif_driver(st->run, true);
	st->sf = (sarif_findings){ .set = r->set, .cat = r->catalogue, .indexed = true };
	sarif_findings_rules(&st->sf, true);
	cJSON_AddItemToObject(driver, "rules", st->sf.rules.array);
	cJSON_AddItemToObject(st->run, "artifacts", artifacts(r->set));
	st->results = cJSON_AddArrayToObject(st->run, "results");
	cJSON *props = cJSON_AddObjectToObject(st->run, "properties");
	cJSON_AddItemToObject(props, "target", target_json(r->target));
	st->devices = cJSON_AddArrayToObject(props, "devices");
	return st;
}

/* The device's platform and predicted next boot: no result carries them,
 * and a dashboard showing "blocked" wants to say what would boot. */
static void device(void *state, const ip_device_check *c)
{
	sarif_state *st = state;
	cJSON *d = cJSON_CreateObject();
	cJSON_AddItemToObject(d, "hostname", c->dev->hostname.s ? cJSON_CreateString(c->dev->hostname.s)
								  : cJSON_CreateNull());
	if (c->dev->name) /* another box of the input has this hostname */
		cJSON_AddStringToObject(d, "device", c->dev->name);
	cJSON *p = cJSON_AddObjectToObject(d, "platform");
	cJSON_AddStringToObject(p, "family", ip_family_name(c->platform.family));
	cJSON_AddItemToObject(p, "series", c->platform.series ? cJSON_CreateString(c->platform.series)
							      : cJSON_CreateNull());
	cJSON_AddItemToObject(d, "next_boot", next_boot_json(&c->next_boot));
	cJSON_AddItemToArray(st->devices, d);
}

static void finding(void *state, const ip_device_check *c, const ip_finding *f)
{
	sarif_state *st = state;
	cJSON_AddItemToArray(st->results, sarif_finding_result(&st->sf, c, f));
}

static const char *diag_level(ip_diag_level l)
{
	return l == IP_DIAG_ERROR ? "error" : l == IP_DIAG_WARNING ? "warning" : "note";
}

/* Input diagnostics (a truncated listing, an unknown line) are about the
 * tool's run, not the device: SARIF's tool execution notifications. */
static void invocation(const sarif_state *st)
{
	cJSON *inv = sarif_invocation(st->run);
	const ip_device_set *set = st->r->set;
	if (!set || !set->diags.n)
		return;
	cJSON *ns = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	for (size_t i = 0; i < set->diags.n; i++) {
		const ip_diag *d = &set->diags.v[i];
		cJSON *loc = sarif_span_placed(d->span) ? sarif_span_location(&st->sf, d->span)
							: NULL;
		cJSON_AddItemToArray(ns, sarif_notification(diag_level(d->level), d->message, loc));
	}
}

static void end(void *state)
{
	sarif_state *st = state;
	invocation(st);
	cJSON_AddStringToObject(st->run, "columnKind", "utf16CodeUnits");
	sarif_write(st->out, st->root);
	sarif_findings_free(&st->sf);
	free(st);
}

const ip_writer format_sarif = { "sarif", begin, device, finding, end };
