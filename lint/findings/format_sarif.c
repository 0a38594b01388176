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
#include "sarif_build.h"
#include "error.h"

/* The SARIF itself is built by sarif_build.h; this file maps lint's
 * records (findings, the catalogue, the device set) to it. */
typedef struct sarif_state {
	FILE *out;
	const ip_lint_result *r;
	cJSON *root, *run, *results;
	cJSON *devices; /* run.properties.devices: platform and next boot */
	sarif_rules rules;
} sarif_state;

static const char *level_name(ip_severity s)
{
	return s == IP_SEV_NONE ? "none" : ip_severity_name(s);
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

/* helpUri: the rule's page (rule_pages.h) as a file: URI, when there is one. */
static cJSON *rule_descriptor(const char *id, const ip_rule_doc *doc)
{
	char *name = pascal_case(id);
	char *title = NULL, *rationale = NULL, *fix = NULL, *md = NULL, *uri = NULL;
	if (doc) {
		title = trimmed(doc->title ? doc->title : "");
		rationale = trimmed(doc->rationale ? doc->rationale : "");
		fix = trimmed(doc->fix ? doc->fix : "");
		md = fix_markdown(doc->fix ? doc->fix : "");
	}
	char *page = ip_rule_page_path(id);
	if (page)
		uri = sarif_uri(page);
	free(page);
	const ip_rule *rule = ip_rule_find(id);
	ip_severity sev = doc ? doc->severity : rule ? rule->default_severity : IP_SEV_WARNING;
	cJSON *o = sarif_rule(&(sarif_rule_text){ .id = id, .name = name, .short_text = title,
						 .full_text = rationale, .help_text = fix,
						 .help_markdown = md, .help_uri = uri,
						 .level = level_name(sev) });
	free(name);
	free(title);
	free(rationale);
	free(fix);
	free(md);
	free(uri);
	cJSON *props = cJSON_AddObjectToObject(o, "properties");
	static const char *const tags[] = { "cisco-ios", "upgrade" };
	sarif_add_strings(props, "tags", tags, 2);
	if (doc && doc->n_captures)
		sarif_add_strings(props, "captures", (const char *const *)doc->captures,
				  doc->n_captures);
	return o;
}

static size_t add_rule(sarif_state *st, const char *id, const ip_rule_doc *doc)
{
	return sarif_rules_add(&st->rules, id, rule_descriptor(id, doc));
}

/* Index of rule `id` in rules[]; a rule the catalogue lacks is added. */
static size_t rule_index(sarif_state *st, const char *id)
{
	size_t i = sarif_rules_find(&st->rules, id);
	if (i != (size_t)-1)
		return i;
	const ip_rule_doc *doc = st->r->catalogue ? ip_catalogue_find(st->r->catalogue, id) : NULL;
	return add_rule(st, id, doc);
}

static cJSON *artifact_location(const sarif_state *st, const char *file)
{
	long index = -1;
	const ip_device_set *set = st->r->set;
	for (size_t i = 0; set && i < set->n_captures; i++)
		if (strcmp(set->captures[i]->path, file) == 0) {
			index = (long)i;
			break;
		}
	return sarif_artifact_location(file, index);
}

/* SARIF columns count UTF-16 code units (the default columnKind); iosplan's
 * count bytes of the raw line: the builder converts with utf16.h, as for
 * the LSP. The region's snippet is the span's text on one line, the whole
 * line when the span has no column. */
static cJSON *region(const sarif_state *st, ip_span s, const char *src, size_t a, size_t b)
{
	const ip_device_set *set = st->r->set;
	const ip_line *l = set && s.col ? ip_device_set_line(set, s.file, s.line) : NULL;
	const ip_line *el = set && s.col && s.end_line >= s.line && s.end_col
				    ? ip_device_set_line(set, s.file, s.end_line) : NULL;
	cJSON *o = sarif_region(s, l, el);
	if (src && !s.col)
		cJSON_AddItemToObject(o, "snippet", sarif_snippet(src, strlen(src)));
	else if (src && s.end_line == s.line)
		cJSON_AddItemToObject(o, "snippet", sarif_snippet(src + a, b - a));
	return o;
}

/* The artifact and region of a span; the whole source line goes into a
 * contextRegion, as the region's own snippet is just the span's text (SARIF
 * wants the context a proper superset: none for a whole-line span). */
static cJSON *physical_location(const sarif_state *st, ip_span s)
{
	size_t a = 0, b = 0;
	const char *src = st->r->set ? span_source(st->r->set, s, &a, &b) : NULL;
	cJSON *o = sarif_physical(artifact_location(st, s.file), region(st, s, src, a, b));
	if (src && s.col && s.end_line == s.line && (a > 0 || b < strlen(src))) {
		cJSON *ctx = sarif_region((ip_span){ s.file, s.line, 0, 0, 0 }, NULL, NULL);
		cJSON_AddItemToObject(ctx, "snippet", sarif_snippet(src, strlen(src)));
		cJSON_AddItemToObject(o, "contextRegion", ctx);
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
	if (dev->n_sources && dev->sources[0].file)
		cJSON_AddItemToObject(o, "physicalLocation",
				      sarif_physical(artifact_location(st, dev->sources[0].file), NULL));
	if (dev->hostname.s) {
		cJSON *lls = cJSON_AddArrayToObject(o, "logicalLocations");
		cJSON_AddItemToArray(lls, sarif_logical(dev->hostname.s, "device"));
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
		loc = sarif_location(physical_location(st, f->span), NULL);
	} else {
		loc = device_location(st, c->dev);
	}
	if (loc)
		cJSON_AddItemToArray(cJSON_AddArrayToObject(res, "locations"), loc);
	if (!f->n_related)
		return;
	cJSON *rel = cJSON_AddArrayToObject(res, "relatedLocations");
	for (size_t i = 0; i < f->n_related; i++) {
		cJSON *pl = has_position(f->related[i].span)
				    ? physical_location(st, f->related[i].span) : NULL;
		cJSON_AddItemToArray(rel, sarif_related((long)(i + 1), pl, f->related[i].message));
	}
}

static void add_result_properties(cJSON *res, const ip_finding *f)
{
	cJSON *p = cJSON_AddObjectToObject(res, "properties");
	if (f->device)
		cJSON_AddStringToObject(p, "device", f->device);
	if (f->n_fix)
		sarif_add_strings(p, "fix", f->fix, f->n_fix);
	if (f->capture)
		cJSON_AddStringToObject(p, "capture", f->capture);
	if (f->weak)
		cJSON_AddBoolToObject(p, "weak", true);
}

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
	st->rules.array = cJSON_AddArrayToObject(driver, "rules");
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
	cJSON *res = sarif_result(f->rule_id, rule_index(st, f->rule_id), NULL,
				  level_name(f->severity), f->message);
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
static void invocation(const sarif_state *st)
{
	cJSON *inv = sarif_invocation(st->run);
	const ip_device_set *set = st->r->set;
	if (!set || !set->diags.n)
		return;
	cJSON *ns = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	for (size_t i = 0; i < set->diags.n; i++) {
		const ip_diag *d = &set->diags.v[i];
		cJSON *loc = has_position(d->span) ? sarif_location(physical_location(st, d->span), NULL)
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
	sarif_rules_free_ids(&st->rules);
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
	st->rules.array = cJSON_CreateArray();
	/* the ids only: the stream's writer printed the descriptors once */
	for (size_t i = 0; r->catalogue && i < r->catalogue->n; i++)
		sarif_rules_add_id(&st->rules, r->catalogue->v[i].id);
}

static void stream_state_free(sarif_state *st)
{
	cJSON_Delete(st->results);
	cJSON_Delete(st->rules.array);
	sarif_rules_free_ids(&st->rules);
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
	cJSON *loc = sarif_location(physical_location(&st, s), NULL);
	strip_artifact_indices(loc);
	return loc;
}
