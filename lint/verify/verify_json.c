/* `iosplan verify --format json`: the schema in docs/verify.md.
 *
 *   {"version": 1, "tool": "iosplan verify", "soak_hours": 24, "failed": true,
 *    "devices": [{"hostname": "NetsTuts_R1", "stage": "reload", "done": false,
 *      "failed": true, "verdict": "not done",
 *      "stage_reason": "...", "stage_location": {...},
 *      "expected": {"image": ..., "boots": ..., "fallback": ..., "register": "0x2102",
 *                   "from": "plan", "boot_list": [...]},
 *      "target": {...}, "counts": {"pass": 9, "fail": 1, ...},
 *      "checks": [{"id", "stage", "status", "message", "after", "before",
 *                  "related", "fix", "capture", "capture_when"}]}]} */
#include <stdlib.h>

#include "finding_json.h"
#include "json_utf8.h"
#include "verify_out.h"

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *expected_json(const ip_verify_device *v)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "image", str_or_null(v->image));
	cJSON_AddItemToObject(o, "boots", str_or_null(v->boots));
	cJSON_AddItemToObject(o, "fallback", str_or_null(v->fallback));
	char reg[16];
	snprintf(reg, sizeof(reg), "0x%X", v->register_value);
	cJSON_AddItemToObject(o, "register", v->register_known ? cJSON_CreateString(reg) : cJSON_CreateNull());
	cJSON_AddStringToObject(o, "from", v->from_plan ? "plan" : "captures");
	cJSON *list = cJSON_AddArrayToObject(o, "boot_list");
	for (size_t i = 0; i < v->n_boot_list; i++)
		cJSON_AddItemToArray(list, str_or_null(v->boot_list[i].raw));
	return o;
}

static cJSON *check_json(const ip_vcheck *k)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", k->id);
	cJSON_AddStringToObject(o, "stage", ip_vstage_id(k->stage));
	cJSON_AddStringToObject(o, "status", ip_vstatus_name(k->status));
	cJSON_AddStringToObject(o, "message", k->message);
	cJSON_AddItemToObject(o, "after", verify_loc_json(k->after));
	cJSON_AddItemToObject(o, "before", verify_loc_json(k->before));
	cJSON *rel = cJSON_AddArrayToObject(o, "related");
	for (size_t i = 0; i < k->n_related; i++) {
		cJSON *r = cJSON_CreateObject();
		cJSON_AddItemToObject(r, "location", verify_loc_json(k->related[i].span));
		cJSON_AddStringToObject(r, "message", k->related[i].message);
		cJSON_AddItemToArray(rel, r);
	}
	cJSON *fix = cJSON_AddArrayToObject(o, "fix");
	for (size_t i = 0; i < k->n_fix; i++)
		cJSON_AddItemToArray(fix, cJSON_CreateString(k->fix[i]));
	cJSON_AddItemToObject(o, "capture", str_or_null(k->capture));
	cJSON_AddItemToObject(o, "capture_when", k->status == IP_VCHECK_NOT_MADE && k->capture
		? cJSON_CreateString(k->capture_before ? "before" : "after") : cJSON_CreateNull());
	return o;
}

static cJSON *device_json(const ip_verify_device *v)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "hostname", v->hostname);
	cJSON_AddStringToObject(o, "stage", ip_vstage_id(v->stage));
	cJSON_AddItemToObject(o, "stage_reason", str_or_null(v->stage_why));
	cJSON_AddItemToObject(o, "stage_location", verify_loc_json(v->stage_span));
	cJSON_AddBoolToObject(o, "done", ip_verify_done(v));
	cJSON_AddBoolToObject(o, "failed", ip_verify_failed(v));
	cJSON_AddStringToObject(o, "verdict", verify_verdict(v));
	cJSON_AddItemToObject(o, "target", target_json(v->target));
	cJSON_AddItemToObject(o, "expected", expected_json(v));
	cJSON *counts = cJSON_AddObjectToObject(o, "counts");
	for (int s = IP_VCHECK_PASS; s <= IP_VCHECK_INFO; s++)
		cJSON_AddNumberToObject(counts, ip_vstatus_name((ip_vstatus)s), (double)v->counts[s]);
	cJSON *checks = cJSON_AddArrayToObject(o, "checks");
	for (size_t i = 0; i < v->n_checks; i++)
		cJSON_AddItemToArray(checks, check_json(&v->checks[i]));
	return o;
}

int verify_write_json(FILE *out, const ip_verify_report *r)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddNumberToObject(doc, "version", IOSPLAN_VERIFY_FORMAT_VERSION);
	cJSON_AddStringToObject(doc, "tool", "iosplan verify");
	cJSON_AddNumberToObject(doc, "soak_hours", r->soak_hours);
	bool failed = false;
	for (size_t i = 0; i < r->n; i++)
		failed |= ip_verify_failed(&r->devices[i]);
	cJSON_AddBoolToObject(doc, "failed", failed);
	cJSON *devs = cJSON_AddArrayToObject(doc, "devices");
	for (size_t i = 0; i < r->n; i++)
		cJSON_AddItemToArray(devs, device_json(&r->devices[i]));
	char *text = ip_json_print_utf8(doc, 1);
	fprintf(out, "%s\n", text);
	free(text);
	cJSON_Delete(doc);
	return ferror(out) ? -1 : 0;
}
