/* `iosplan verify --format sarif`: SARIF 2.1.0, one run, one rule per check
 * (verify.h's ip_vcheck_docs, ids prefixed "verify/"), one result per check
 * made or not:
 *
 *   pass -> kind "pass"; fail -> kind "fail", level "error"; warn -> kind
 *   "fail", level "warning"; not made -> kind "open" (the tool could not
 *   tell), its capture in properties; info -> kind "informational".
 *
 * The primary location is the after-captures' span, the before span and the
 * related spans are relatedLocations. Columns are converted to UTF-16 code
 * units (SARIF's default columnKind) with utf16.h, as in lint's writer. */
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "iosplan_config.h"
#include "utf16.h"
#include "verify_out.h"
#include "error.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static cJSON *text_obj(const char *text)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "text", text);
	return o;
}

/* A relative URI reference for a path: unreserved characters and '/' kept,
 * the rest percent-encoded; an absolute path becomes a file:// URI. */
static char *uri_from_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *out = malloc(7 + 3 * n + 1), *o = out;
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

static cJSON *location(const ip_verify_report *r, ip_span s, const char *message)
{
	cJSON *loc = cJSON_CreateObject();
	cJSON *pl = cJSON_AddObjectToObject(loc, "physicalLocation");
	cJSON *al = cJSON_AddObjectToObject(pl, "artifactLocation");
	char *uri = uri_from_path(s.file ? s.file : "input");
	cJSON_AddStringToObject(al, "uri", uri);
	free(uri);
	cJSON *reg = cJSON_AddObjectToObject(pl, "region");
	const ip_line *l = verify_line(r, s);
	cJSON_AddNumberToObject(reg, "startLine", s.line);
	uint32_t start = ip_utf16_col(l, s.col ? s.col : 1);
	cJSON_AddNumberToObject(reg, "startColumn", start);
	if (s.end_line >= s.line && s.end_col) {
		uint32_t end = ip_utf16_col(verify_line(r, (ip_span){ s.file, s.end_line, 1, s.end_line, 1 }),
					    s.end_col);
		cJSON_AddNumberToObject(reg, "endLine", s.end_line);
		cJSON_AddNumberToObject(reg, "endColumn", s.end_line == s.line && end < start ? start : end);
	}
	if (message)
		cJSON_AddItemToObject(loc, "message", text_obj(message));
	return loc;
}

static cJSON *rules(void)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < ip_vcheck_docs_count; i++) {
		const ip_vcheck_doc *d = &ip_vcheck_docs[i];
		cJSON *o = cJSON_CreateObject();
		char id[64];
		snprintf(id, sizeof(id), "verify/%s", d->id);
		cJSON_AddStringToObject(o, "id", id);
		cJSON_AddItemToObject(o, "shortDescription", text_obj(d->title));
		cJSON_AddItemToObject(o, "fullDescription", text_obj(d->help));
		cJSON *p = cJSON_AddObjectToObject(o, "properties");
		cJSON_AddStringToObject(p, "stage", ip_vstage_id(d->stage));
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static size_t rule_index(const char *id)
{
	for (size_t i = 0; i < ip_vcheck_docs_count; i++)
		if (strcmp(ip_vcheck_docs[i].id, id) == 0)
			return i;
	return 0;
}

static void kind_level(cJSON *o, ip_vstatus s)
{
	static const char *const kinds[] = { "pass", "fail", "fail", "open", "informational" };
	cJSON_AddStringToObject(o, "kind", kinds[s <= IP_VCHECK_INFO ? s : IP_VCHECK_INFO]);
	cJSON_AddStringToObject(o, "level", s == IP_VCHECK_FAIL ? "error"
					   : s == IP_VCHECK_WARN ? "warning" : "none");
}

static cJSON *result(const ip_verify_report *r, const ip_verify_device *v, const ip_vcheck *k)
{
	cJSON *o = cJSON_CreateObject();
	char id[64];
	snprintf(id, sizeof(id), "verify/%s", k->id);
	cJSON_AddStringToObject(o, "ruleId", id);
	cJSON_AddNumberToObject(o, "ruleIndex", (double)rule_index(k->id));
	kind_level(o, k->status);
	cJSON_AddItemToObject(o, "message", text_obj(k->message));
	if (ip_span_known(k->after)) {
		cJSON *locs = cJSON_AddArrayToObject(o, "locations");
		cJSON_AddItemToArray(locs, location(r, k->after, NULL));
	}
	if (ip_span_known(k->before) || k->n_related) {
		cJSON *rel = cJSON_AddArrayToObject(o, "relatedLocations");
		if (ip_span_known(k->before))
			cJSON_AddItemToArray(rel, location(r, k->before, "before the change"));
		for (size_t i = 0; i < k->n_related; i++)
			cJSON_AddItemToArray(rel, location(r, k->related[i].span, k->related[i].message));
	}
	cJSON *p = cJSON_AddObjectToObject(o, "properties");
	cJSON_AddStringToObject(p, "device", v->hostname);
	cJSON_AddStringToObject(p, "stage", ip_vstage_id(v->stage));
	if (k->capture) {
		cJSON_AddStringToObject(p, "capture", k->capture);
		cJSON_AddStringToObject(p, "captureWhen", k->capture_before ? "before" : "after");
	}
	if (k->n_fix) {
		cJSON *fix = cJSON_AddArrayToObject(p, "fix");
		for (size_t i = 0; i < k->n_fix; i++)
			cJSON_AddItemToArray(fix, cJSON_CreateString(k->fix[i]));
	}
	return o;
}

int verify_write_sarif(FILE *out, const ip_verify_report *r)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "$schema", SARIF_SCHEMA);
	cJSON_AddStringToObject(doc, "version", "2.1.0");
	cJSON *run = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(doc, "runs"), run);
	cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "iosplan");
	cJSON_AddStringToObject(driver, "version", IOSPLAN_VERSION);
	cJSON_AddItemToObject(driver, "rules", rules());
	cJSON *results = cJSON_AddArrayToObject(run, "results");
	bool done = true;
	for (size_t i = 0; i < r->n; i++) {
		done &= !ip_verify_failed(&r->devices[i]);
		for (size_t k = 0; k < r->devices[i].n_checks; k++)
			cJSON_AddItemToArray(results, result(r, &r->devices[i], &r->devices[i].checks[k]));
	}
	cJSON *inv = cJSON_CreateObject();
	cJSON_AddBoolToObject(inv, "executionSuccessful", true);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), inv);
	cJSON *props = cJSON_AddObjectToObject(run, "properties");
	cJSON_AddBoolToObject(props, "done", done);
	cJSON_AddNumberToObject(props, "soakHours", r->soak_hours);
	char *text = ip_json_print_utf8(doc, 1);
	fprintf(out, "%s\n", text);
	free(text);
	cJSON_Delete(doc);
	return ferror(out) ? -1 : 0;
}
