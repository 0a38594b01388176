/* Findings, the next boot and the target as JSON (finding_json.h). */
#include "finding_json.h"
#include "json_build.h"

#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "utf16.h"

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *span_obj(ip_span s)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "file", str_or_null(s.file));
	cJSON_AddNumberToObject(o, "line", s.line);
	cJSON_AddNumberToObject(o, "col", s.col);
	cJSON_AddNumberToObject(o, "end_line", s.end_line);
	cJSON_AddNumberToObject(o, "end_col", s.end_col);
	return o;
}

/* Nodes from json_build.h (facts prints one for every device): the
 * prediction's strings must outlive the tree, as they do in facts and in
 * the lint writers, which print before the checks are freed. */
cJSON *next_boot_json(const ip_boot_prediction *p)
{
	cJSON *o = jb_object();
	jb_add(o, "outcome", jb_ref(ip_next_outcome_name(p->outcome)));
	jb_add(o, "step", jb_ref(ip_next_step_name(p->step)));
	jb_add(o, "filesystem", jb_ref(p->filesystem));
	jb_add(o, "path", jb_ref(p->path));
	jb_add(o, "alt_path", jb_ref(p->alt_path));
	jb_add(o, "missing", jb_ref(p->missing));
	/* no capture would decide (a platform in no table): the reason */
	jb_add(o, "unknown_why", jb_ref(p->missing ? NULL : p->unknown_why));
	jb_add(o, "from_fallback", jb_bool(p->from_fallback));
	jb_add(o, "decided_at", jb_span(p->span));
	cJSON *t = jb_add(o, "trace", jb_array());
	for (size_t i = 0; i < p->n_trace; i++) {
		cJSON *e = jb_add(t, NULL, jb_object());
		if (p->trace[i].text)
			jb_add(e, "text", jb_ref(p->trace[i].text));
		if (ip_span_known(p->trace[i].span)) {
			jb_add(e, "file", jb_ref(p->trace[i].span.file));
			jb_add(e, "line", jb_number(p->trace[i].span.line));
		}
	}
	return o;
}

cJSON *finding_json(const ip_finding *f)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "rule", f->rule_id);
	cJSON_AddStringToObject(o, "severity", ip_severity_name(f->severity));
	cJSON_AddItemToObject(o, "device", str_or_null(f->device));
	cJSON_AddStringToObject(o, "message", f->message);
	cJSON_AddItemToObject(o, "location", ip_span_known(f->span) ? span_obj(f->span) : cJSON_CreateNull());
	cJSON *rel = cJSON_AddArrayToObject(o, "related");
	for (size_t i = 0; i < f->n_related; i++) {
		cJSON *r = span_obj(f->related[i].span);
		cJSON_AddStringToObject(r, "message", f->related[i].message);
		cJSON_AddItemToArray(rel, r);
	}
	cJSON *fix = cJSON_AddArrayToObject(o, "fix");
	for (size_t i = 0; i < f->n_fix; i++)
		cJSON_AddItemToArray(fix, cJSON_CreateString(f->fix[i]));
	cJSON_AddItemToObject(o, "capture", str_or_null(f->capture));
	cJSON_AddBoolToObject(o, "weak", f->weak);
	return o;
}

cJSON *target_json(const ip_target *t)
{
	if (!t)
		return cJSON_CreateNull();
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "name", t->name);
	cJSON_AddItemToObject(o, "filesystem", str_or_null(t->filesystem));
	cJSON_AddItemToObject(o, "size", t->size.known ? cJSON_CreateNumber((double)t->size.v) : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "md5", str_or_null(t->md5));
	cJSON_AddItemToObject(o, "sha512", str_or_null(t->sha512));
	cJSON_AddItemToObject(o, "source", str_or_null(t->source));
	return o;
}

const char *span_source(const ip_device_set *set, ip_span s, size_t *start, size_t *end)
{
	const ip_line *l = ip_device_set_line(set, s.file, s.line);
	if (!l)
		return NULL;
	/* Spans are raw columns; find the clean bytes that came from them. */
	size_t a = 0, b = 0;
	for (size_t i = 0; i < l->len; i++) {
		uint32_t col = l->colmap ? l->colmap[i] : (uint32_t)i + 1;
		if (col < s.col)
			a = i + 1;
		if (s.end_line == s.line && col < s.end_col)
			b = i + 1;
	}
	if (s.end_line != s.line || b < a)
		b = l->len;
	*start = a;
	*end = b;
	return l->text;
}
