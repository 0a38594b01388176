/* `iosplan verify --format sarif`: SARIF 2.1.0, one run, one rule per check
 * (verify.h's ip_vcheck_docs, ids prefixed "verify/"), one result per check
 * made or not:
 *
 *   pass -> kind "pass"; fail -> kind "fail", level "error"; warn -> kind
 *   "fail", level "warning"; not made -> kind "open" (the tool could not
 *   tell), its capture in properties; info -> kind "informational".
 *
 * The primary location is the after-captures' span, the before span and the
 * related spans are relatedLocations. The log is built by sarif_build.h,
 * as lint's and audit's are; columns are UTF-16 code units there. */
#include <stdlib.h>
#include <string.h>

#include "sarif_build.h"
#include "verify_out.h"
#include "error.h"

/* A verify span always has a column: a missing one reads as column 1. */
static cJSON *location(const ip_verify_report *r, ip_span s, const char *message)
{
	if (!s.col)
		s.col = 1;
	const ip_line *el = s.end_line >= s.line && s.end_col
				    ? verify_line(r, (ip_span){ s.file, s.end_line, 1, s.end_line, 1 })
				    : NULL;
	cJSON *region = sarif_region(s, verify_line(r, s), el);
	cJSON *art = sarif_artifact_location(s.file ? s.file : "input", -1);
	return message ? sarif_related(-1, sarif_physical(art, region), message)
		       : sarif_location(sarif_physical(art, region), NULL);
}

/* "verify/<check>": the ids outlive the table, as the rules are built once
 * for the run. */
static char **rule_ids(void)
{
	char **ids = malloc((ip_vcheck_docs_count + 1) * sizeof(*ids));
	if (!ids)
		ip_out_of_memory();
	for (size_t i = 0; i < ip_vcheck_docs_count; i++) {
		size_t n = strlen("verify/") + strlen(ip_vcheck_docs[i].id) + 1;
		ids[i] = malloc(n);
		if (!ids[i])
			ip_out_of_memory();
		snprintf(ids[i], n, "verify/%s", ip_vcheck_docs[i].id);
	}
	return ids;
}

static void rules(sarif_rules *rs, char *const *ids)
{
	for (size_t i = 0; i < ip_vcheck_docs_count; i++) {
		const ip_vcheck_doc *d = &ip_vcheck_docs[i];
		cJSON *o = sarif_rule(&(sarif_rule_text){ .id = ids[i], .short_text = d->title,
							 .full_text = d->help });
		cJSON *p = cJSON_AddObjectToObject(o, "properties");
		cJSON_AddStringToObject(p, "stage", ip_vstage_id(d->stage));
		sarif_rules_add(rs, ids[i], o);
	}
}

static const char *kind_name(ip_vstatus s)
{
	static const char *const kinds[] = { "pass", "fail", "fail", "open", "informational" };
	return kinds[s <= IP_VCHECK_INFO ? s : IP_VCHECK_INFO];
}

static const char *level_name(ip_vstatus s)
{
	return s == IP_VCHECK_FAIL ? "error" : s == IP_VCHECK_WARN ? "warning" : "none";
}

static cJSON *result(const ip_verify_report *r, const sarif_rules *rs, const ip_verify_device *v,
		     const ip_vcheck *k)
{
	size_t n = strlen("verify/") + strlen(k->id) + 1;
	char *id = malloc(n);
	if (!id)
		ip_out_of_memory();
	snprintf(id, n, "verify/%s", k->id);
	size_t index = sarif_rules_find(rs, id);
	/* a check with no doc points at rule 0, as it always has */
	cJSON *o = sarif_result(id, index == (size_t)-1 ? 0 : index, kind_name(k->status),
				level_name(k->status), k->message);
	free(id);
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
	if (k->n_fix)
		sarif_add_strings(p, "fix", k->fix, k->n_fix);
	return o;
}

int verify_write_sarif(FILE *out, const ip_verify_report *r)
{
	cJSON *run;
	cJSON *log = sarif_log(&run);
	cJSON *driver = sarif_driver(run, false);
	char **ids = rule_ids();
	sarif_rules rs = { 0 };
	rules(&rs, ids);
	cJSON_AddItemToObject(driver, "rules", rs.array ? rs.array : cJSON_CreateArray());
	cJSON *results = cJSON_AddArrayToObject(run, "results");
	bool done = true;
	for (size_t i = 0; i < r->n; i++) {
		done &= ip_verify_done(&r->devices[i]);
		for (size_t k = 0; k < r->devices[i].n_checks; k++)
			cJSON_AddItemToArray(results, result(r, &rs, &r->devices[i], &r->devices[i].checks[k]));
	}
	sarif_invocation(run);
	cJSON *props = cJSON_AddObjectToObject(run, "properties");
	cJSON_AddBoolToObject(props, "done", done);
	cJSON_AddNumberToObject(props, "soakHours", r->soak_hours);
	sarif_rules_free_ids(&rs);
	for (size_t i = 0; i < ip_vcheck_docs_count; i++)
		free(ids[i]);
	free(ids);
	return sarif_write(out, log);
}
