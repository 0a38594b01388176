/* Findings as SARIF (sarif_findings.h): lint's records mapped onto the
 * one SARIF builder, for lint's log and audit's stream alike. */
#include "sarif_findings.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "finding_json.h"
#include "rule.h"
#include "rule_pages.h"

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
cJSON *sarif_rule_descriptor(const char *id, const ip_rule_doc *doc)
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

void sarif_findings_rules(sarif_findings *sf, bool descriptors)
{
	sf->rules.array = descriptors ? cJSON_CreateArray() : NULL;
	for (size_t i = 0; sf->cat && i < sf->cat->n; i++) {
		const ip_rule_doc *d = &sf->cat->v[i];
		if (descriptors)
			sarif_rules_add(&sf->rules, d->id, sarif_rule_descriptor(d->id, d));
		else
			sarif_rules_add_id(&sf->rules, d->id);
	}
}

void sarif_findings_free(sarif_findings *sf)
{
	sarif_rules_free_ids(&sf->rules);
}

/* Index of rule `id` in rules[]; a rule the catalogue lacks is added
 * after them all (by id alone when the descriptors went out before). */
static size_t rule_index(sarif_findings *sf, const char *id)
{
	size_t i = sarif_rules_find(&sf->rules, id);
	if (i != (size_t)-1)
		return i;
	if (!sf->rules.array)
		return sarif_rules_add_id(&sf->rules, id);
	const ip_rule_doc *doc = sf->cat ? ip_catalogue_find(sf->cat, id) : NULL;
	return sarif_rules_add(&sf->rules, id, sarif_rule_descriptor(id, doc));
}

static cJSON *artifact_location(const sarif_findings *sf, const char *file)
{
	long index = -1;
	const ip_device_set *set = sf->set;
	for (size_t i = 0; sf->indexed && set && i < set->n_captures; i++)
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
static cJSON *region(const sarif_findings *sf, ip_span s, const char *src, size_t a, size_t b)
{
	const ip_device_set *set = sf->set;
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
static cJSON *physical_location(const sarif_findings *sf, ip_span s)
{
	size_t a = 0, b = 0;
	const char *src = sf->set ? span_source(sf->set, s, &a, &b) : NULL;
	cJSON *o = sarif_physical(artifact_location(sf, s.file), region(sf, s, src, a, b));
	if (src && s.col && s.end_line == s.line && (a > 0 || b < strlen(src))) {
		cJSON *ctx = sarif_region((ip_span){ s.file, s.line, 0, 0, 0 }, NULL, NULL);
		cJSON_AddItemToObject(ctx, "snippet", sarif_snippet(src, strlen(src)));
		cJSON_AddItemToObject(o, "contextRegion", ctx);
	}
	return o;
}

/* A finding no line holds (a fact from --target, a missing capture): the
 * device stands as a logical location, and its first capture as the file. */
static cJSON *device_location(const sarif_findings *sf, const ip_device *dev)
{
	if (!ip_device_name(dev) && !dev->n_sources)
		return NULL;
	cJSON *o = cJSON_CreateObject();
	if (dev->n_sources && dev->sources[0].file)
		cJSON_AddItemToObject(o, "physicalLocation",
				      sarif_physical(artifact_location(sf, dev->sources[0].file), NULL));
	if (ip_device_name(dev)) {
		cJSON *lls = cJSON_AddArrayToObject(o, "logicalLocations");
		cJSON_AddItemToArray(lls, sarif_logical(ip_device_name(dev), "device"));
	}
	return o;
}

bool sarif_span_placed(ip_span s)
{
	return ip_span_known(s) && s.file;
}

cJSON *sarif_span_location(const sarif_findings *sf, ip_span s)
{
	return sarif_location(physical_location(sf, s), NULL);
}

static void add_locations(const sarif_findings *sf, cJSON *res, const ip_device_check *c,
			  const ip_finding *f)
{
	cJSON *loc = sarif_span_placed(f->span) ? sarif_span_location(sf, f->span)
						 : device_location(sf, c->dev);
	if (loc)
		cJSON_AddItemToArray(cJSON_AddArrayToObject(res, "locations"), loc);
	if (!f->n_related)
		return;
	cJSON *rel = cJSON_AddArrayToObject(res, "relatedLocations");
	for (size_t i = 0; i < f->n_related; i++) {
		cJSON *pl = sarif_span_placed(f->related[i].span)
				    ? physical_location(sf, f->related[i].span) : NULL;
		cJSON_AddItemToArray(rel, sarif_related((long)(i + 1), pl, f->related[i].message));
	}
}

/* Fix commands go to result.properties.fix: SARIF's own `fixes` describe
 * byte edits of the analysed file, and nobody fixes a router by editing a
 * capture. The device is in properties.device: one capture may hold
 * several. */
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

cJSON *sarif_finding_result(sarif_findings *sf, const ip_device_check *c, const ip_finding *f)
{
	cJSON *res = sarif_result(f->rule_id, rule_index(sf, f->rule_id), NULL,
				  level_name(f->severity), f->message);
	add_locations(sf, res, c, f);
	add_result_properties(res, f);
	return res;
}
