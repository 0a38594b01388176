/* The one SARIF builder: see sarif_build.h. */
#include "sarif_build.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "iosplan_config.h"
#include "json_utf8.h"
#include "utf16.h"

cJSON *sarif_log(cJSON **run)
{
	cJSON *log = cJSON_CreateObject();
	cJSON_AddStringToObject(log, "$schema", SARIF_SCHEMA);
	cJSON_AddStringToObject(log, "version", "2.1.0");
	*run = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(log, "runs"), *run);
	return log;
}

static cJSON *driver_object(bool semantic_version)
{
	cJSON *d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "name", "iosplan");
	cJSON_AddStringToObject(d, "version", IOSPLAN_VERSION);
	if (semantic_version)
		cJSON_AddStringToObject(d, "semanticVersion", IOSPLAN_VERSION);
	return d;
}

cJSON *sarif_driver(cJSON *run, bool semantic_version)
{
	cJSON *d = driver_object(semantic_version);
	if (run)
		cJSON_AddItemToObject(cJSON_AddObjectToObject(run, "tool"), "driver", d);
	return d;
}

cJSON *sarif_invocation(cJSON *run)
{
	cJSON *inv = cJSON_CreateObject();
	cJSON_AddBoolToObject(inv, "executionSuccessful", true);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), inv);
	return inv;
}

int sarif_write(FILE *out, cJSON *log)
{
	char *text = ip_json_print_utf8(log, 1);
	fprintf(out, "%s\n", text);
	free(text);
	cJSON_Delete(log);
	return ferror(out) ? -1 : 0;
}

static void print_compact(FILE *out, cJSON *o)
{
	char *t = ip_json_print_utf8(o, 0);
	fputs(t, out);
	free(t);
	cJSON_Delete(o);
}

/* columnKind comes before the results here, as the streamed log cannot go
 * back to add it after them (the whole log puts it last). */
void sarif_stream_begin(FILE *out, cJSON *driver)
{
	fputs("{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":",
	      out);
	print_compact(out, driver);
	fputs("},\"columnKind\":\"utf16CodeUnits\",\"results\":[", out);
}

void sarif_stream_item(FILE *out, cJSON *item)
{
	fputc(',', out);
	print_compact(out, item);
}

void sarif_stream_notes(FILE *out, const char *notes, size_t nl)
{
	fputs("],\"invocations\":[{\"executionSuccessful\":true,\"toolExecutionNotifications\":[", out);
	if (nl > 1)
		fwrite(notes + 1, 1, nl - 1, out); /* the first item's ',' dropped */
	fputs("]}],\"properties\":", out);
}

void sarif_stream_end(FILE *out)
{
	fputs("}]}\n", out);
}

cJSON *sarif_text(const char *text)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "text", text);
	return o;
}

char *sarif_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *out = malloc(7 + 3 * n + 1), *o = out;
	if (!out)
		ip_out_of_memory();
	if (path[0] == '/')
		o += sprintf(o, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

cJSON *sarif_rule(const sarif_rule_text *t)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", t->id);
	if (t->name)
		cJSON_AddStringToObject(o, "name", t->name);
	if (t->short_text)
		cJSON_AddItemToObject(o, "shortDescription", sarif_text(t->short_text));
	if (t->full_text)
		cJSON_AddItemToObject(o, "fullDescription", sarif_text(t->full_text));
	if (t->help_text) {
		cJSON *help = sarif_text(t->help_text);
		if (t->help_markdown)
			cJSON_AddStringToObject(help, "markdown", t->help_markdown);
		cJSON_AddItemToObject(o, "help", help);
	}
	if (t->help_uri)
		cJSON_AddStringToObject(o, "helpUri", t->help_uri);
	if (t->level)
		cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "defaultConfiguration"), "level",
					t->level);
	return o;
}

size_t sarif_rules_add_id(sarif_rules *rs, const char *id)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 16;
		rs->ids = realloc(rs->ids, rs->cap * sizeof(*rs->ids));
		if (!rs->ids)
			ip_out_of_memory();
	}
	rs->ids[rs->n] = id;
	return rs->n++;
}

size_t sarif_rules_add(sarif_rules *rs, const char *id, cJSON *o)
{
	if (!rs->array)
		rs->array = cJSON_CreateArray();
	cJSON_AddItemToArray(rs->array, o);
	return sarif_rules_add_id(rs, id);
}

/* A linear search, as before the builder: a run has a few dozen rules. */
size_t sarif_rules_find(const sarif_rules *rs, const char *id)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->ids[i], id) == 0)
			return i;
	return (size_t)-1;
}

void sarif_rules_free_ids(sarif_rules *rs)
{
	free(rs->ids);
	rs->ids = NULL;
	rs->n = rs->cap = 0;
}

cJSON *sarif_result(const char *rule_id, size_t rule_index, const char *kind, const char *level,
		    const char *message)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "ruleId", rule_id);
	cJSON_AddNumberToObject(o, "ruleIndex", (double)rule_index);
	if (kind)
		cJSON_AddStringToObject(o, "kind", kind);
	cJSON_AddStringToObject(o, "level", level);
	cJSON_AddItemToObject(o, "message", sarif_text(message));
	return o;
}

cJSON *sarif_region(ip_span s, const ip_line *line, const ip_line *end_line)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "startLine", s.line);
	if (!s.col)
		return o;
	uint32_t start = ip_utf16_col(line, s.col);
	cJSON_AddNumberToObject(o, "startColumn", start);
	if (s.end_line >= s.line && s.end_col) {
		uint32_t end = ip_utf16_col(end_line, s.end_col);
		if (s.end_line == s.line && end < start)
			end = start;
		cJSON_AddNumberToObject(o, "endLine", s.end_line);
		cJSON_AddNumberToObject(o, "endColumn", end);
	}
	return o;
}

cJSON *sarif_snippet(const char *text, size_t n)
{
	char *t = malloc(n + 1);
	if (!t)
		ip_out_of_memory();
	memcpy(t, text, n);
	t[n] = '\0';
	cJSON *o = sarif_text(t);
	free(t);
	return o;
}

cJSON *sarif_artifact_location(const char *path, long index)
{
	cJSON *o = cJSON_CreateObject();
	char *uri = sarif_uri(path);
	cJSON_AddStringToObject(o, "uri", uri);
	free(uri);
	if (index >= 0)
		cJSON_AddNumberToObject(o, "index", (double)index);
	return o;
}

cJSON *sarif_physical(cJSON *artifact, cJSON *region)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "artifactLocation", artifact);
	if (region)
		cJSON_AddItemToObject(o, "region", region);
	return o;
}

cJSON *sarif_location(cJSON *physical, const char *message)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "physicalLocation", physical);
	if (message)
		cJSON_AddItemToObject(o, "message", sarif_text(message));
	return o;
}

cJSON *sarif_related(long id, cJSON *physical, const char *message)
{
	cJSON *o = cJSON_CreateObject();
	if (id >= 0)
		cJSON_AddNumberToObject(o, "id", (double)id);
	if (physical)
		cJSON_AddItemToObject(o, "physicalLocation", physical);
	cJSON_AddItemToObject(o, "message", sarif_text(message));
	return o;
}

cJSON *sarif_logical(const char *name, const char *kind)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "name", name);
	cJSON_AddStringToObject(o, "kind", kind);
	return o;
}

cJSON *sarif_artifact(const char *path, size_t length)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "location", sarif_artifact_location(path, -1));
	cJSON_AddNumberToObject(o, "length", (double)length);
	cJSON *roles = cJSON_AddArrayToObject(o, "roles");
	cJSON_AddItemToArray(roles, cJSON_CreateString("analysisTarget"));
	return o;
}

cJSON *sarif_notification(const char *level, const char *message, cJSON *loc)
{
	cJSON *n = cJSON_CreateObject();
	cJSON_AddStringToObject(n, "level", level);
	cJSON_AddItemToObject(n, "message", sarif_text(message));
	if (loc)
		cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"), loc);
	return n;
}

void sarif_add_strings(cJSON *o, const char *key, const char *const *v, size_t n)
{
	cJSON *a = cJSON_AddArrayToObject(o, key);
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
}
