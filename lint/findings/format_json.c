/* `iosplan lint --format json`: one document for the whole run, for scripts
 * and dashboards (docs/lint.md, its JSON):
 *
 *   {"format_version":1, "tool":{"name":"iosplan","version":"0.1.0"},
 *    "target":{...}|null,
 *    "devices":[{"hostname":..., "platform":{"family":..., "series":...},
 *                "next_boot":{...}, "target":{...}|null,
 *                "findings":[{...}, ...]}, ...],
 *    "summary":{"errors":1, "warnings":0, "notes":2}}
 *
 * The tree is built as the driver walks the devices and printed at the end;
 * keys are inserted in a fixed order (cJSON keeps insertion order), unknown
 * values are null. */
#include <stdlib.h>

#include "format.h"
#include "iosplan_config.h"
#include "error.h"

typedef struct json_state {
	FILE *out;
	cJSON *root;
	cJSON *devices;
	cJSON *findings; /* of the current device */
	size_t counts[IP_SEV_ERROR + 1];
} json_state;

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static void *begin(FILE *out, const ip_lint_result *r)
{
	json_state *st = calloc(1, sizeof(*st));
	if (!st)
		ip_out_of_memory();
	st->out = out;
	st->root = cJSON_CreateObject();
	cJSON_AddNumberToObject(st->root, "format_version", IOSPLAN_LINT_FORMAT_VERSION);
	cJSON *tool = cJSON_AddObjectToObject(st->root, "tool");
	cJSON_AddStringToObject(tool, "name", "iosplan");
	cJSON_AddStringToObject(tool, "version", IOSPLAN_VERSION);
	cJSON_AddItemToObject(st->root, "target", target_json(r->target));
	st->devices = cJSON_AddArrayToObject(st->root, "devices");
	return st;
}

static void device(void *state, const ip_device_check *c)
{
	json_state *st = state;
	cJSON *d = cJSON_CreateObject();
	cJSON_AddItemToObject(d, "hostname", str_or_null(c->dev->hostname.s));
	if (c->dev->name) /* another box of the input has this hostname */
		cJSON_AddStringToObject(d, "device", c->dev->name);
	cJSON *p = cJSON_AddObjectToObject(d, "platform");
	cJSON_AddStringToObject(p, "family", ip_family_name(c->platform.family));
	cJSON_AddItemToObject(p, "series", str_or_null(c->platform.series));
	cJSON_AddItemToObject(d, "next_boot", next_boot_json(&c->next_boot));
	/* Its own: with --catalog each device gets its platform's image. */
	cJSON_AddItemToObject(d, "target", target_json(c->target));
	st->findings = cJSON_AddArrayToObject(d, "findings");
	cJSON_AddItemToArray(st->devices, d);
}

static void finding(void *state, const ip_device_check *c, const ip_finding *f)
{
	json_state *st = state;
	(void)c;
	if (f->severity <= IP_SEV_ERROR)
		st->counts[f->severity]++;
	cJSON_AddItemToArray(st->findings, finding_json(f));
}

static void end(void *state)
{
	json_state *st = state;
	cJSON *s = cJSON_AddObjectToObject(st->root, "summary");
	cJSON_AddNumberToObject(s, "errors", (double)st->counts[IP_SEV_ERROR]);
	cJSON_AddNumberToObject(s, "warnings", (double)st->counts[IP_SEV_WARNING]);
	cJSON_AddNumberToObject(s, "notes", (double)st->counts[IP_SEV_NOTE]);
	char *text = ip_json_print_utf8(st->root, 1);
	fprintf(st->out, "%s\n", text);
	free(text);
	cJSON_Delete(st->root);
	free(st);
}

const ip_writer format_json = { "json", begin, device, finding, end };
