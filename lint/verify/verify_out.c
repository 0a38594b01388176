/* The writers' dispatch and shared pieces; see verify_out.h. */
#include <stdio.h>
#include <string.h>

#include "verify_out.h"

bool ip_verify_format_parse(const char *name, ip_verify_format *out)
{
	static const char *const names[] = { "text", "json", "markdown", "sarif" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (ip_verify_format)i;
			return true;
		}
	return false;
}

int ip_verify_write(ip_verify_format f, FILE *out, const ip_verify_report *r)
{
	switch (f) {
	case IP_VERIFY_JSON: return verify_write_json(out, r);
	case IP_VERIFY_MARKDOWN: return verify_write_markdown(out, r);
	case IP_VERIFY_SARIF: return verify_write_sarif(out, r);
	default: return verify_write_text(out, r);
	}
}

const ip_line *verify_line(const ip_verify_report *r, ip_span s)
{
	const ip_line *l = r->after ? ip_device_set_line(r->after, s.file, s.line) : NULL;
	return l ? l : r->before ? ip_device_set_line(r->before, s.file, s.line) : NULL;
}

const char *verify_loc(ip_arena *a, ip_span s)
{
	if (!ip_span_known(s))
		return "-";
	return ip_arena_printf(a, "%s:%u:%u", s.file ? s.file : "<input>", s.line, s.col);
}

const char *verify_verdict(const ip_verify_device *v)
{
	if (ip_verify_failed(v))
		return "not done";
	if (v->stage == IP_VSTAGE_RELOAD)
		return ip_verify_done(v) ? "done" : "not verified";
	return v->stage == IP_VSTAGE_BOOT ? "on track, next: the reload"
					  : "on track, next: the boot statements and the save";
}

const char *verify_next_step(const ip_verify_device *v)
{
	if (ip_verify_failed(v) || v->stage == IP_VSTAGE_RELOAD)
		return NULL;
	return v->stage == IP_VSTAGE_BOOT ? "next: the reload" : "next: the boot statements and the save";
}

const char *verify_status_label(ip_vstatus s)
{
	static const char *const l[] = { "pass", "FAIL", "warn", "not made", "info" };
	return s <= IP_VCHECK_INFO ? l[s] : "info";
}

cJSON *verify_loc_json(ip_span s)
{
	if (!ip_span_known(s))
		return cJSON_CreateNull();
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "file", s.file ? s.file : "");
	cJSON_AddNumberToObject(o, "line", s.line);
	cJSON_AddNumberToObject(o, "column", s.col);
	cJSON_AddNumberToObject(o, "end_line", s.end_line);
	cJSON_AddNumberToObject(o, "end_column", s.end_col);
	return o;
}
