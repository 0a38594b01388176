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

#include "format.h"
#include "iosplan_config.h"
#include "rule.h"
#include "rule_pages.h"
#include "utf16.h"
#include "error.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

typedef struct sarif_state {
	FILE *out;
	const ip_lint_result *r;
	cJSON *root, *run, *rules, *results;
	cJSON *devices; /* run.properties.devices: platform and next boot */
	const char **rule_ids; /* rules[] order, for ruleIndex */
	size_t n_rules, cap_rules;
} sarif_state;

static const char *level_name(ip_severity s)
{
	return s == IP_SEV_NONE ? "none" : ip_severity_name(s);
}

static cJSON *text_obj(const char *key, const char *text)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, key, text);
	return o;
}

/* Block scalars from the catalogue end in a newline; SARIF text need not. */
static char *trimmed(const char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	char *t = malloc(n + 1);
	if (!t)
		ip_out_of_memory();
	memcpy(t, s, n);
	t[n] = '\0';
	return t;
}

static void add_trimmed(cJSON *o, const char *key, const char *s)
{
	char *t = trimmed(s ? s : "");
	cJSON_AddStringToObject(o, key, t);
	free(t);
}

/* "alphabetical-boot" -> "AlphabeticalBoot": SARIF's rule name is meant to be
 * an identifier-like word, the id stays kebab-case. */
static char *pascal_case(const char *id)
{
	size_t n = strlen(id);
	char *out = malloc(n + 1), *o = out;
	if (!out)
		ip_out_of_memory();
	bool up = true;
	for (const char *p = id; *p; p++) {
		if (*p == '-' || *p == '_') {
			up = true;
			continue;
		}
		*o++ = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		up = false;
	}
	*o = '\0';
	return out;
}

/* The catalogue's fix text in Markdown: its indented lines are commands and
 * become a fenced block; the rest is prose and stays as written. */
char *fix_markdown(const char *fix)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		ip_out_of_memory();
	bool in_code = false;
	for (const char *p = fix; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		bool code = n >= 2 && p[0] == ' ' && p[1] == ' ';
		if (code != in_code)
			fputs(code ? "\n```\n" : "```\n\n", m);
		in_code = code;
		if (code)
			fprintf(m, "%.*s\n", (int)(n - 2), p + 2);
		else if (n)
			fprintf(m, "%.*s\n", (int)n, p);
		p = nl ? nl + 1 : p + n;
	}
	if (in_code)
		fputs("```\n", m);
	fclose(m);
	char *t = trimmed(buf);
	free(buf);
	return t;
}

static void add_doc_text(cJSON *o, const ip_rule_doc *doc)
{
	cJSON *sd = cJSON_AddObjectToObject(o, "shortDescription");
	add_trimmed(sd, "text", doc->title);
	cJSON *fd = cJSON_AddObjectToObject(o, "fullDescription");
	add_trimmed(fd, "text", doc->rationale);
	cJSON *help = cJSON_AddObjectToObject(o, "help");
	add_trimmed(help, "text", doc->fix);
	char *md = fix_markdown(doc->fix ? doc->fix : "");
	cJSON_AddStringToObject(help, "markdown", md);
	free(md);
}

static char *uri_from_path(const char *path);

/* helpUri: the rule's page (rule_pages.h) as a file: URI, when there is one. */
static cJSON *rule_descriptor(const char *id, const ip_rule_doc *doc)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", id);
	char *name = pascal_case(id);
	cJSON_AddStringToObject(o, "name", name);
	free(name);
	if (doc)
		add_doc_text(o, doc);
	char *page = ip_rule_page_path(id);
	if (page) {
		char *uri = uri_from_path(page);
		cJSON_AddStringToObject(o, "helpUri", uri);
		free(uri);
	}
	free(page);
	const ip_rule *rule = ip_rule_find(id);
	ip_severity sev = doc ? doc->severity : rule ? rule->default_severity : IP_SEV_WARNING;
	cJSON *dc = cJSON_AddObjectToObject(o, "defaultConfiguration");
	cJSON_AddStringToObject(dc, "level", level_name(sev));
	cJSON *props = cJSON_AddObjectToObject(o, "properties");
	cJSON *tags = cJSON_AddArrayToObject(props, "tags");
	cJSON_AddItemToArray(tags, cJSON_CreateString("cisco-ios"));
	cJSON_AddItemToArray(tags, cJSON_CreateString("upgrade"));
	if (doc && doc->n_captures) {
		cJSON *caps = cJSON_AddArrayToObject(props, "captures");
		for (size_t i = 0; i < doc->n_captures; i++)
			cJSON_AddItemToArray(caps, cJSON_CreateString(doc->captures[i]));
	}
	return o;
}

static size_t add_rule(sarif_state *st, const char *id, const ip_rule_doc *doc)
{
	if (st->n_rules == st->cap_rules) {
		st->cap_rules = st->cap_rules ? 2 * st->cap_rules : 16;
		st->rule_ids = realloc(st->rule_ids, st->cap_rules * sizeof(*st->rule_ids));
		if (!st->rule_ids)
			ip_out_of_memory();
	}
	st->rule_ids[st->n_rules] = id;
	cJSON_AddItemToArray(st->rules, rule_descriptor(id, doc));
	return st->n_rules++;
}

/* Index of rule `id` in rules[]; a rule the catalogue lacks is added. */
static size_t rule_index(sarif_state *st, const char *id)
{
	for (size_t i = 0; i < st->n_rules; i++)
		if (strcmp(st->rule_ids[i], id) == 0)
			return i;
	const ip_rule_doc *doc = st->r->catalogue ? ip_catalogue_find(st->r->catalogue, id) : NULL;
	return add_rule(st, id, doc);
}

/* A file path as a URI reference (RFC 3986): everything but unreserved
 * characters and '/' is percent-encoded, so "my captures/r1.log" and
 * "flash:x.log" (whose ':' would read as a scheme) stay relative
 * references. Absolute paths become file:// URIs. Caller frees. */
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

static cJSON *artifact_location(const sarif_state *st, const char *file)
{
	cJSON *o = cJSON_CreateObject();
	char *uri = uri_from_path(file);
	cJSON_AddStringToObject(o, "uri", uri);
	free(uri);
	const ip_device_set *set = st->r->set;
	for (size_t i = 0; set && i < set->n_captures; i++)
		if (strcmp(set->captures[i]->path, file) == 0) {
			cJSON_AddNumberToObject(o, "index", (double)i);
			break;
		}
	return o;
}

/* SARIF columns count UTF-16 code units (the default columnKind); iosplan's
 * count bytes of the raw line: utf16.h converts, as for the LSP. */
static uint32_t utf16_col(const ip_device_set *set, const char *file, uint32_t line, uint32_t col)
{
	return ip_utf16_col(set ? ip_device_set_line(set, file, line) : NULL, col);
}

static cJSON *snippet(const char *text, size_t n)
{
	cJSON *o = cJSON_CreateObject();
	char *t = malloc(n + 1);
	if (!t)
		ip_out_of_memory();
	memcpy(t, text, n);
	t[n] = '\0';
	cJSON_AddStringToObject(o, "text", t);
	free(t);
	return o;
}

static cJSON *region(const sarif_state *st, ip_span s, const char *src, size_t a, size_t b)
{
	const ip_device_set *set = st->r->set;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "startLine", s.line);
	if (!s.col) {
		if (src)
			cJSON_AddItemToObject(o, "snippet", snippet(src, strlen(src)));
		return o;
	}
	uint32_t start = utf16_col(set, s.file, s.line, s.col);
	cJSON_AddNumberToObject(o, "startColumn", start);
	if (s.end_line >= s.line && s.end_col) {
		uint32_t end = utf16_col(set, s.file, s.end_line, s.end_col);
		if (s.end_line == s.line && end < start)
			end = start;
		cJSON_AddNumberToObject(o, "endLine", s.end_line);
		cJSON_AddNumberToObject(o, "endColumn", end);
	}
	if (src && s.end_line == s.line)
		cJSON_AddItemToObject(o, "snippet", snippet(src + a, b - a));
	return o;
}

/* The artifact and region of a span; the whole source line goes into a
 * contextRegion, as the region's own snippet is just the span's text (SARIF
 * wants the context a proper superset: none for a whole-line span). */
static cJSON *physical_location(const sarif_state *st, ip_span s)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "artifactLocation", artifact_location(st, s.file));
	size_t a = 0, b = 0;
	const char *src = st->r->set ? span_source(st->r->set, s, &a, &b) : NULL;
	cJSON_AddItemToObject(o, "region", region(st, s, src, a, b));
	if (src && s.col && s.end_line == s.line && (a > 0 || b < strlen(src))) {
		cJSON *ctx = cJSON_AddObjectToObject(o, "contextRegion");
		cJSON_AddNumberToObject(ctx, "startLine", s.line);
		cJSON_AddItemToObject(ctx, "snippet", snippet(src, strlen(src)));
	}
	return o;
}

/* A finding no line holds (a fact from --target, a missing capture): the
 * device stands as a logical location, and its first capture as the file. */
static cJSON *device_location(const sarif_state *st, const ip_device *dev)
{
	if (!dev->hostname.s && !dev->n_sources)
		return NULL;
	cJSON *o = cJSON_CreateObject();
	if (dev->n_sources && dev->sources[0].file) {
		cJSON *pl = cJSON_AddObjectToObject(o, "physicalLocation");
		cJSON_AddItemToObject(pl, "artifactLocation", artifact_location(st, dev->sources[0].file));
	}
	if (dev->hostname.s) {
		cJSON *ll = cJSON_CreateObject();
		cJSON_AddStringToObject(ll, "name", dev->hostname.s);
		cJSON_AddStringToObject(ll, "kind", "device");
		cJSON *lls = cJSON_AddArrayToObject(o, "logicalLocations");
		cJSON_AddItemToArray(lls, ll);
	}
	return o;
}

static bool has_position(ip_span s)
{
	return ip_span_known(s) && s.file;
}

static void add_locations(const sarif_state *st, cJSON *res, const ip_device_check *c,
			  const ip_finding *f)
{
	cJSON *loc = NULL;
	if (has_position(f->span)) {
		loc = cJSON_CreateObject();
		cJSON_AddItemToObject(loc, "physicalLocation", physical_location(st, f->span));
	} else {
		loc = device_location(st, c->dev);
	}
	if (loc)
		cJSON_AddItemToArray(cJSON_AddArrayToObject(res, "locations"), loc);
	if (!f->n_related)
		return;
	cJSON *rel = cJSON_AddArrayToObject(res, "relatedLocations");
	for (size_t i = 0; i < f->n_related; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "id", (double)(i + 1));
		if (has_position(f->related[i].span))
			cJSON_AddItemToObject(o, "physicalLocation", physical_location(st, f->related[i].span));
		cJSON_AddItemToObject(o, "message", text_obj("text", f->related[i].message));
		cJSON_AddItemToArray(rel, o);
	}
}

static void add_result_properties(cJSON *res, const ip_finding *f)
{
	cJSON *p = cJSON_AddObjectToObject(res, "properties");
	if (f->device)
		cJSON_AddStringToObject(p, "device", f->device);
	if (f->n_fix) {
		cJSON *fix = cJSON_AddArrayToObject(p, "fix");
		for (size_t i = 0; i < f->n_fix; i++)
			cJSON_AddItemToArray(fix, cJSON_CreateString(f->fix[i]));
	}
	if (f->capture)
		cJSON_AddStringToObject(p, "capture", f->capture);
	if (f->weak)
		cJSON_AddBoolToObject(p, "weak", true);
}

static cJSON *artifacts(const ip_device_set *set)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; set && i < set->n_captures; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON *loc = cJSON_AddObjectToObject(o, "location");
		char *uri = uri_from_path(set->captures[i]->path);
		cJSON_AddStringToObject(loc, "uri", uri);
		free(uri);
		cJSON_AddNumberToObject(o, "length", (double)set->captures[i]->raw_bytes);
		cJSON *roles = cJSON_AddArrayToObject(o, "roles");
		cJSON_AddItemToArray(roles, cJSON_CreateString("analysisTarget"));
		cJSON_AddItemToArray(a, o);
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
	st->root = cJSON_CreateObject();
	cJSON_AddStringToObject(st->root, "$schema", SARIF_SCHEMA);
	cJSON_AddStringToObject(st->root, "version", "2.1.0");
	st->run = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(st->root, "runs"), st->run);
	cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(st->run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "iosplan");
	cJSON_AddStringToObject(driver, "version", IOSPLAN_VERSION);
	cJSON_AddStringToObject(driver, "semanticVersion", IOSPLAN_VERSION);
	st->rules = cJSON_AddArrayToObject(driver, "rules");
	for (size_t i = 0; r->catalogue && i < r->catalogue->n; i++)
		add_rule(st, r->catalogue->v[i].id, &r->catalogue->v[i]);
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
	cJSON *res = cJSON_CreateObject();
	cJSON_AddStringToObject(res, "ruleId", f->rule_id);
	cJSON_AddNumberToObject(res, "ruleIndex", (double)rule_index(st, f->rule_id));
	cJSON_AddStringToObject(res, "level", level_name(f->severity));
	cJSON_AddItemToObject(res, "message", text_obj("text", f->message));
	add_locations(st, res, c, f);
	add_result_properties(res, f);
	cJSON_AddItemToArray(st->results, res);
}

static const char *diag_level(ip_diag_level l)
{
	return l == IP_DIAG_ERROR ? "error" : l == IP_DIAG_WARNING ? "warning" : "note";
}

/* Input diagnostics (a truncated listing, an unknown line) are about the
 * tool's run, not the device: SARIF's tool execution notifications. */
static cJSON *invocation(const sarif_state *st)
{
	cJSON *inv = cJSON_CreateObject();
	cJSON_AddBoolToObject(inv, "executionSuccessful", true);
	const ip_device_set *set = st->r->set;
	if (!set || !set->diags.n)
		return inv;
	cJSON *ns = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	for (size_t i = 0; i < set->diags.n; i++) {
		const ip_diag *d = &set->diags.v[i];
		cJSON *n = cJSON_CreateObject();
		cJSON_AddStringToObject(n, "level", diag_level(d->level));
		cJSON_AddItemToObject(n, "message", text_obj("text", d->message));
		if (has_position(d->span)) {
			cJSON *loc = cJSON_CreateObject();
			cJSON_AddItemToObject(loc, "physicalLocation", physical_location(st, d->span));
			cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"), loc);
		}
		cJSON_AddItemToArray(ns, n);
	}
	return inv;
}

static void end(void *state)
{
	sarif_state *st = state;
	cJSON_AddItemToArray(cJSON_AddArrayToObject(st->run, "invocations"), invocation(st));
	cJSON_AddStringToObject(st->run, "columnKind", "utf16CodeUnits");
	char *text = ip_json_print_utf8(st->root, 1);
	fprintf(st->out, "%s\n", text);
	free(text);
	cJSON_Delete(st->root);
	free(st->rule_ids);
	free(st);
}

const ip_writer format_sarif = { "sarif", begin, device, finding, end };

/* --- for writers that stream one device at a time (iosplan audit) --------- */

/* Such a writer lists no artifacts, so no location may point into the list. */
static void strip_artifact_indices(cJSON *node)
{
	if (!node)
		return;
	cJSON *al = cJSON_GetObjectItemCaseSensitive(node, "artifactLocation");
	if (al)
		cJSON_DeleteItemFromObjectCaseSensitive(al, "index");
	for (cJSON *c = node->child; c; c = c->next)
		if (cJSON_IsObject(c) || cJSON_IsArray(c))
			strip_artifact_indices(c);
}

static void stream_state(sarif_state *st, ip_lint_result *r)
{
	st->r = r;
	st->results = cJSON_CreateArray();
	st->rules = cJSON_CreateArray();
	st->n_rules = st->cap_rules = r->catalogue ? r->catalogue->n : 0;
	st->rule_ids = malloc((st->cap_rules + 1) * sizeof(*st->rule_ids));
	if (!st->rule_ids)
		ip_out_of_memory();
	for (size_t i = 0; i < st->n_rules; i++)
		st->rule_ids[i] = r->catalogue->v[i].id;
}

static void stream_state_free(sarif_state *st)
{
	cJSON_Delete(st->results);
	cJSON_Delete(st->rules);
	free(st->rule_ids);
}

cJSON *sarif_stream_result(const ip_device_set *set, const ip_catalogue *cat,
			   const ip_device_check *c, const ip_finding *f)
{
	ip_lint_result r = { .set = set, .catalogue = cat };
	sarif_state st = { 0 };
	stream_state(&st, &r);
	finding(&st, c, f);
	cJSON *res = cJSON_DetachItemFromArray(st.results, 0);
	stream_state_free(&st);
	strip_artifact_indices(res);
	return res;
}

cJSON *sarif_stream_rules(const ip_catalogue *cat)
{
	cJSON *rules = cJSON_CreateArray();
	for (size_t i = 0; cat && i < cat->n; i++)
		cJSON_AddItemToArray(rules, rule_descriptor(cat->v[i].id, &cat->v[i]));
	return rules;
}

cJSON *sarif_stream_location(const ip_device_set *set, ip_span s)
{
	ip_lint_result r = { .set = set };
	sarif_state st = { .r = &r };
	cJSON *loc = cJSON_CreateObject();
	cJSON_AddItemToObject(loc, "physicalLocation", physical_location(&st, s));
	strip_artifact_indices(loc);
	return loc;
}
