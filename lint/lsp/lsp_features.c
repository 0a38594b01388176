/* What the server offers beyond diagnostics:
 *
 *   hover        on a flagged line: each finding's rule, message, the
 *                concrete fix and why it matters; on a line the boot
 *                simulator read (`boot system`, a BOOT variable entry, the
 *                register): what it made of that line and what boots next
 *   codeAction   "Explain rule <id>" (quickfix, per diagnostic) and "Show
 *                upgrade plan" (source.iosplan.showPlan, for the document)
 *   commands     iosplan.showPlan [uri] and iosplan.explainRule [id]: the
 *                result carries the text ({title, language, content}); with
 *                commandOutput "auto" (the default) the server also shows
 *                it: the plan through workspace/applyEdit into a new
 *                untitled document, the rule page through
 *                window/showDocument, when the client says it can.
 *
 * Rule pages (codeDescription.href, explain): there is no web site, so the
 * link is a file: URI, the first of
 *   <bindir>/../share/doc/iosplan/rules/<id>.md   (an installed iosplan)
 *   <bindir>/../docs/rules/<id>.md                (a build tree: rule_pages.h)
 *   <source tree>/docs/rules/<id>.md              (a build tree)
 *   $XDG_CACHE_HOME/iosplan/<version>/rules/<id>.md, else ~/.cache/...:
 *                                                  written by the server from
 *                                                  the built-in catalogue
 * that exists; none when even the cache cannot be written. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue.h"
#include "sarif_findings.h"
#include "iosplan_config.h"
#include "lsp.h"
#include "plan_write.h"
#include "rule_pages.h"
#include "error.h"

const char *const lsp_commands[] = { "iosplan.showPlan", "iosplan.explainRule", NULL };

static FILE *memstream(char **buf, size_t *len)
{
	FILE *m = open_memstream(buf, len);
	if (!m)
		ip_out_of_memory();
	return m;
}

/* Text that ends in blank lines or spaces (block scalars) as one block. */
static void put_trimmed(FILE *m, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		n--;
	fprintf(m, "%.*s\n", (int)n, s ? s : "");
}

/* --- rule pages ------------------------------------------------------------- */

char *lsp_rule_markdown(const char *id)
{
	const ip_rule_doc *doc = ip_catalogue_find(ip_catalogue_builtin(), id);
	if (!doc)
		return NULL;
	char *buf;
	size_t len;
	FILE *m = memstream(&buf, &len);
	fprintf(m, "# %s\n\n**%s** (default severity: %s)\n\n## Why it matters\n\n", doc->id,
		doc->title, ip_severity_name(doc->severity));
	put_trimmed(m, doc->rationale);
	fputs("\n## Fix\n\n", m);
	char *fix = fix_markdown(doc->fix ? doc->fix : "");
	put_trimmed(m, fix);
	free(fix);
	if (doc->n_captures) {
		fputs("\n## Captures it reads\n\n", m);
		for (size_t i = 0; i < doc->n_captures; i++)
			fprintf(m, "- `%s`\n", doc->captures[i]);
	}
	fprintf(m, "\n## Silence it\n\nIn `.iosplan.yaml`:\n\n```yaml\nrules:\n  %s: off\n```\n", doc->id);
	fclose(m);
	return buf;
}

static bool readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/* mkdir -p */
static bool make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		bool ok = mkdir(path, 0755) == 0 || errno == EEXIST;
		*p = '/';
		if (!ok)
			return false;
	}
	return mkdir(path, 0755) == 0 || errno == EEXIST;
}

/* Write the page from the catalogue into the cache (replacing it
 * atomically, so that a reader never sees half a page). */
static char *cache_page(const char *id)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char dir[PATH_MAX], path[PATH_MAX + 64], tmp[PATH_MAX + 96];
	if (xdg && xdg[0] == '/')
		snprintf(dir, sizeof(dir), "%s/iosplan/%s/rules", xdg, IOSPLAN_VERSION);
	else if (home && home[0] == '/')
		snprintf(dir, sizeof(dir), "%s/.cache/iosplan/%s/rules", home, IOSPLAN_VERSION);
	else
		return NULL;
	char *text = lsp_rule_markdown(id);
	if (!text || !make_dirs(dir)) {
		free(text);
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%s.md", dir, id);
	snprintf(tmp, sizeof(tmp), "%s/.%s.md.%ld", dir, id, (long)getpid());
	FILE *f = fopen(tmp, "w");
	bool ok = f && fputs(text, f) >= 0;
	ok = f && fclose(f) == 0 && ok;
	free(text);
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		return NULL;
	}
	return lsp_path_to_uri(path);
}

static char *find_page(const char *id)
{
	char path[PATH_MAX + 64];
	char *page = ip_rule_page_path(id);
	if (page) {
		char *uri = lsp_path_to_uri(page);
		free(page);
		return uri;
	}
	snprintf(path, sizeof(path), "%s/docs/rules/%s.md", IOSPLAN_SOURCE_ROOT, id);
	if (readable(path))
		return lsp_path_to_uri(path);
	return cache_page(id);
}

const char *lsp_rule_href(lsp_server *s, const char *id)
{
	const ip_catalogue *c = ip_catalogue_builtin();
	if (!s->rule_hrefs) {
		s->rule_hrefs = calloc(c->n + 1, sizeof(*s->rule_hrefs));
		if (!s->rule_hrefs)
			ip_out_of_memory();
	}
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->v[i].id, id) != 0)
			continue;
		if (!s->rule_hrefs[i])
			s->rule_hrefs[i] = find_page(id);
		return s->rule_hrefs[i];
	}
	return NULL;
}

/* --- hover ------------------------------------------------------------------- */

static bool on_line(ip_span sp, uint32_t line)
{
	uint32_t end = sp.end_line >= sp.line ? sp.end_line : sp.line;
	return ip_span_known(sp) && sp.line <= line && line <= end;
}

static bool inside(ip_span sp, uint32_t line, uint32_t col)
{
	if (!on_line(sp, line))
		return false;
	if (sp.line == line && sp.col && col < sp.col)
		return false;
	return !(sp.end_line == line && sp.end_col && col > sp.end_col);
}

static void hover_finding(lsp_server *s, FILE *m, const ip_finding *f)
{
	const ip_rule_doc *doc = ip_catalogue_find(ip_catalogue_builtin(), f->rule_id);
	fprintf(m, "**%s** (%s)%s%s\n\n", f->rule_id, ip_severity_name(f->severity),
		doc ? ": " : "", doc ? doc->title : "");
	fprintf(m, "%s\n\n", f->message);
	if (f->n_fix) {
		fputs("Fix:\n\n```\n", m);
		for (size_t i = 0; i < f->n_fix; i++)
			fprintf(m, "%s\n", f->fix[i]);
		fputs("```\n\n", m);
	}
	if (f->capture)
		fprintf(m, "Capture `%s` to decide this.\n\n", f->capture);
	if (doc) {
		fputs("Why it matters: ", m);
		put_trimmed(m, doc->rationale);
		fputc('\n', m);
	}
	const char *href = lsp_rule_href(s, f->rule_id);
	if (href)
		fprintf(m, "[Rule page](%s) · ", href);
	fprintf(m, "`iosplan explain %s`\n\n", f->rule_id);
}

/* "boots bootflash:x.bin", "stops in ROMMON", ... */
static void outcome_text(FILE *m, const ip_boot_prediction *p)
{
	switch (p->outcome) {
	case IP_NEXT_IMAGE:
		fprintf(m, "boots `%s%s`", p->filesystem ? p->filesystem : "", p->path ? p->path : "?");
		break;
	case IP_NEXT_NETWORK: fputs("boots from the network", m); break;
	case IP_NEXT_ROMMON: fputs("stops in ROMMON", m); break;
	case IP_NEXT_AMBIGUOUS:
		fprintf(m, "boots `%s%s` or `%s%s`, depending on the platform",
			p->filesystem ? p->filesystem : "", p->path ? p->path : "?",
			p->filesystem ? p->filesystem : "", p->alt_path ? p->alt_path : "?");
		break;
	case IP_NEXT_PLATFORM_ROM:
		fputs("depends on the platform (boot field 0x1: ROM, boot helper or the first image)", m);
		break;
	case IP_NEXT_UNKNOWN:
		if (!p->missing && p->unknown_why)
			fprintf(m, "is unknown: %s", p->unknown_why);
		else
			fprintf(m, "is unknown: capture `%s` to tell", p->missing ? p->missing : "?");
		break;
	}
}

typedef struct boot_list_name {
	size_t offset;
	const char *name;
} boot_list_name;

static const boot_list_name boot_lists[] = {
	{ offsetof(ip_device, boot_startup), "startup-config" },
	{ offsetof(ip_device, boot_running), "running-config" },
	{ offsetof(ip_device, boot_config), "configuration" },
	{ offsetof(ip_device, bootvar), "BOOT variable (next reload)" },
	{ offsetof(ip_device, bootvar_current), "BOOT variable (current)" },
};

/* Boot entries on `line` that no trace line explains. */
static bool hover_entries(FILE *m, const ip_device_check *c, uint32_t line, bool traced)
{
	bool any = false;
	for (size_t k = 0; k < sizeof(boot_lists) / sizeof(boot_lists[0]); k++) {
		const ip_boot_list *l = (const void *)((const char *)c->dev + boot_lists[k].offset);
		for (size_t i = 0; i < l->n; i++) {
			if (!on_line(l->v[i].span, line))
				continue;
			any = true;
			fprintf(m, "- `%s`: entry %zu of the %s", l->v[i].raw ? l->v[i].raw : "?", i + 1,
				boot_lists[k].name);
			if (c->next_boot.entry == &l->v[i])
				fputs("; the next reload boots it\n", m);
			else if (!traced)
				fputs("; the simulator did not need it to decide the next reload\n", m);
			else
				fputs("\n", m);
		}
	}
	return any;
}

/* What the boot simulator made of `line`, per device that read it. */
static bool hover_boot(FILE *m, const ip_device_check *c, uint32_t line)
{
	const ip_boot_prediction *p = &c->next_boot;
	char *buf;
	size_t len;
	FILE *t = memstream(&buf, &len);
	bool traced = false;
	for (size_t i = 0; i < p->n_trace; i++)
		if (on_line(p->trace[i].span, line)) {
			fprintf(t, "- %s\n", p->trace[i].text);
			traced = true;
		}
	bool entries = hover_entries(t, c, line, traced);
	fclose(t);
	if (traced || entries) {
		fprintf(m, "**Boot simulator**%s%s: the next reload ", ip_device_name(c->dev) ? " · " : "",
			ip_device_name(c->dev) ? ip_device_name(c->dev) : "");
		outcome_text(m, p);
		if (p->step != IP_STEP_NONE)
			fprintf(m, " (decided by: %s)", ip_next_step_name(p->step));
		fprintf(m, "\n\n%s\n", buf);
	}
	free(buf);
	return traced || entries;
}

static cJSON *hover_result(char *text, cJSON *range)
{
	cJSON *r = cJSON_CreateObject();
	cJSON *c = cJSON_AddObjectToObject(r, "contents");
	cJSON_AddStringToObject(c, "kind", "markdown");
	cJSON_AddStringToObject(c, "value", text);
	if (range)
		cJSON_AddItemToObject(r, "range", range);
	return r;
}

cJSON *lsp_hover(lsp_server *s, lsp_doc *d, lsp_pos p)
{
	lsp_analyze_doc(s, d);
	const lsp_analysis *an = d->an;
	if (!an->set)
		return cJSON_CreateNull();
	uint32_t line, col;
	lsp_pos_to_span(s, d, p, &line, &col);
	char *buf;
	size_t len;
	FILE *m = memstream(&buf, &len);
	const ip_finding *first = NULL;
	bool any = false;
	for (size_t i = 0; i < an->set->n; i++) {
		const ip_device_check *c = &an->checks[i];
		for (size_t k = 0; k < c->n_findings; k++)
			if (on_line(c->findings[k].span, line)) {
				hover_finding(s, m, &c->findings[k]);
				if (!first && inside(c->findings[k].span, line, col))
					first = &c->findings[k];
				any = true;
			}
		any |= hover_boot(m, c, line);
	}
	fclose(m);
	cJSON *r = cJSON_CreateNull();
	if (any) {
		cJSON_Delete(r);
		ip_span whole = { d->name, line, 0, 0, 0 };
		r = hover_result(buf, lsp_span_range(s, d, first ? first->span : whole));
	}
	free(buf);
	return r;
}

/* --- code actions ----------------------------------------------------------- */

/* Whether kind passes the client's `only` filter (a kind matches its own
 * prefixes: "source" lets "source.iosplan.showPlan" through). */
static bool kind_wanted(const cJSON *only, const char *kind)
{
	if (!cJSON_IsArray(only))
		return true;
	const cJSON *o;
	cJSON_ArrayForEach(o, only) {
		if (!cJSON_IsString(o))
			continue;
		size_t n = strlen(o->valuestring);
		if (strncmp(kind, o->valuestring, n) == 0 && (kind[n] == '\0' || kind[n] == '.'))
			return true;
	}
	return false;
}

static cJSON *command(const char *title, const char *name, cJSON *arg)
{
	cJSON *c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "title", title);
	cJSON_AddStringToObject(c, "command", name);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(c, "arguments"), arg);
	return c;
}

static void add_explain(cJSON *actions, const char *id, const cJSON *diag)
{
	const cJSON *a;
	cJSON_ArrayForEach(a, actions) { /* once per rule */
		const cJSON *args = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(a, "command"), "arguments");
		const cJSON *first = cJSON_GetArrayItem(args, 0);
		if (cJSON_IsString(first) && strcmp(first->valuestring, id) == 0)
			return;
	}
	char *title = NULL; /* id comes from the client's diagnostic: any length */
	if (asprintf(&title, "Explain rule %s", id) < 0)
		ip_out_of_memory();
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "title", title);
	cJSON_AddStringToObject(o, "kind", "quickfix");
	if (diag)
		cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "diagnostics"), cJSON_Duplicate(diag, 1));
	cJSON_AddItemToObject(o, "command", command(title, "iosplan.explainRule", cJSON_CreateString(id)));
	free(title);
	cJSON_AddItemToArray(actions, o);
}

static uint32_t range_line(lsp_server *s, lsp_doc *d, const cJSON *range, const char *end)
{
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(range, end);
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(p, "line"), *c = cJSON_GetObjectItemCaseSensitive(p, "character");
	lsp_pos pos = { cJSON_IsNumber(l) && l->valuedouble >= 0 ? (uint32_t)l->valuedouble : 0,
			cJSON_IsNumber(c) && c->valuedouble >= 0 ? (uint32_t)c->valuedouble : 0 };
	uint32_t line, col;
	lsp_pos_to_span(s, d, pos, &line, &col);
	return line;
}

cJSON *lsp_code_actions(lsp_server *s, lsp_doc *d, const cJSON *params)
{
	lsp_analyze_doc(s, d);
	const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(params, "context");
	const cJSON *only = cJSON_GetObjectItemCaseSensitive(ctx, "only");
	cJSON *actions = cJSON_CreateArray();
	const cJSON *diag;
	if (kind_wanted(only, "quickfix")) {
		cJSON_ArrayForEach(diag, cJSON_GetObjectItemCaseSensitive(ctx, "diagnostics")) {
			const cJSON *code = cJSON_GetObjectItemCaseSensitive(diag, "code");
			if (cJSON_IsString(code) && ip_catalogue_find(ip_catalogue_builtin(), code->valuestring))
				add_explain(actions, code->valuestring, diag);
		}
		/* findings in the range, for clients that send no diagnostics */
		const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
		uint32_t a = range_line(s, d, range, "start"), b = range_line(s, d, range, "end");
		for (size_t i = 0; d->an->set && i < d->an->set->n; i++)
			for (size_t k = 0; k < d->an->checks[i].n_findings; k++) {
				const ip_finding *f = &d->an->checks[i].findings[k];
				if (ip_span_known(f->span) && f->span.line >= a && f->span.line <= b)
					add_explain(actions, f->rule_id, NULL);
			}
	}
	if (d->an->set && d->an->set->n && kind_wanted(only, "source.iosplan.showPlan")) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "title", "Show upgrade plan");
		cJSON_AddStringToObject(o, "kind", "source.iosplan.showPlan");
		cJSON_AddItemToObject(o, "command", command("Show upgrade plan", "iosplan.showPlan",
							    cJSON_CreateString(d->uri)));
		cJSON_AddItemToArray(actions, o);
	}
	return actions;
}

/* --- commands --------------------------------------------------------------- */

static cJSON *document_result(const char *title, const char *language, const char *content)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "title", title);
	cJSON_AddStringToObject(r, "language", language);
	cJSON_AddStringToObject(r, "content", content);
	return r;
}

static bool server_shows(const lsp_server *s)
{
	const char *o = s->settings.command_output;
	return !o || strcmp(o, "result") != 0;
}

/* The plan text of every device in d (planner/plan.h, the text emitter). */
static char *plan_text(lsp_server *s, lsp_doc *d, char **title)
{
	lsp_analysis *an = d->an;
	ip_arena *a = an->set->arena;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = s->settings.tftp_server;
	o.transfer = s->settings.transfer && !strcmp(s->settings.transfer, "scp") ? IP_TRANSFER_SCP
										 : IP_TRANSFER_TFTP;
	o.check = &an->cfg.check;
	const ip_plan **plans = ip_arena_alloc(a, (an->set->n + 1) * sizeof(*plans));
	for (size_t i = 0; i < an->set->n; i++) {
		ip_plan *p = ip_arena_alloc(a, sizeof(*p));
		ip_plan_build(p, a, an->set->v[i], an->targets[i], &o);
		if (!an->targets[i])
			*IP_PUSH(a, p->reasons, p->n_reasons, p->cap_reasons) =
				"no target image: set iosplan.target (or `target:` in .iosplan.yaml)";
		plans[i] = p;
	}
	char *buf;
	size_t len;
	FILE *m = memstream(&buf, &len);
	ip_plan_write_text(m, plans, an->set->n);
	fclose(m);
	const char *host = an->set->n ? plans[0]->hostname : "device";
	if (asprintf(title, "iosplan-plan-%s%s", host, an->set->n > 1 ? "-and-more" : "") < 0)
		ip_out_of_memory();
	return buf;
}

/* A new untitled document holding text, through workspace/applyEdit. */
static void open_untitled(lsp_server *s, const char *name, const char *text)
{
	static unsigned serial;
	char *uri = NULL; /* name holds the hostname: any length */
	if (asprintf(&uri, "untitled:%s-%u.txt", name, ++serial) < 0)
		ip_out_of_memory();
	cJSON *p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "label", "iosplan: upgrade plan");
	cJSON *changes = cJSON_AddArrayToObject(cJSON_AddObjectToObject(p, "edit"), "documentChanges");
	cJSON *create = cJSON_CreateObject();
	cJSON_AddStringToObject(create, "kind", "create");
	cJSON_AddStringToObject(create, "uri", uri);
	cJSON_AddItemToArray(changes, create);
	cJSON *edit = cJSON_CreateObject();
	cJSON *td = cJSON_AddObjectToObject(edit, "textDocument");
	cJSON_AddStringToObject(td, "uri", uri);
	cJSON_AddNullToObject(td, "version");
	cJSON *e = cJSON_CreateObject();
	cJSON *r = cJSON_AddObjectToObject(e, "range");
	const char *ends[] = { "start", "end" };
	for (int i = 0; i < 2; i++) {
		cJSON *pos = cJSON_AddObjectToObject(r, ends[i]);
		cJSON_AddNumberToObject(pos, "line", 0);
		cJSON_AddNumberToObject(pos, "character", 0);
	}
	cJSON_AddStringToObject(e, "newText", text);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(edit, "edits"), e);
	cJSON_AddItemToArray(changes, edit);
	free(uri);
	lsp_request(s, "workspace/applyEdit", p);
}

static cJSON *show_plan(lsp_server *s, const cJSON *args, int *code, const char **msg)
{
	const cJSON *uri = cJSON_GetArrayItem(args, 0);
	lsp_doc *d = cJSON_IsString(uri) ? lsp_doc_find(s, uri->valuestring) : NULL;
	if (!d) {
		*code = LSP_INVALID_PARAMS;
		*msg = "iosplan.showPlan takes the URI of an open document";
		return NULL;
	}
	lsp_analyze_doc(s, d);
	if (!d->an->set || !d->an->set->n) {
		*code = LSP_REQUEST_FAILED;
		*msg = "the document shows no device to plan for";
		return NULL;
	}
	char *title, *text = plan_text(s, d, &title);
	if (server_shows(s) && s->can_apply_edit_create)
		open_untitled(s, title, text);
	cJSON *r = document_result(title, "plaintext", text);
	free(title);
	free(text);
	return r;
}

static cJSON *explain(lsp_server *s, const cJSON *args, int *code, const char **msg)
{
	const cJSON *id = cJSON_GetArrayItem(args, 0);
	char *text = cJSON_IsString(id) ? lsp_rule_markdown(id->valuestring) : NULL;
	if (!text) {
		*code = LSP_INVALID_PARAMS;
		*msg = "iosplan.explainRule takes a rule id (iosplan rules lists them)";
		return NULL;
	}
	const char *href = lsp_rule_href(s, id->valuestring);
	if (server_shows(s) && s->can_show_document && href) {
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "uri", href);
		cJSON_AddBoolToObject(p, "takeFocus", true);
		lsp_request(s, "window/showDocument", p);
	}
	cJSON *r = document_result(id->valuestring, "markdown", text);
	if (href)
		cJSON_AddStringToObject(r, "uri", href);
	free(text);
	return r;
}

cJSON *lsp_execute(lsp_server *s, const char *name, const cJSON *args, int *code, const char **msg)
{
	if (strcmp(name, "iosplan.showPlan") == 0)
		return show_plan(s, args, code, msg);
	if (strcmp(name, "iosplan.explainRule") == 0)
		return explain(s, args, code, msg);
	*code = LSP_INVALID_PARAMS;
	*msg = "unknown command (iosplan.showPlan, iosplan.explainRule)";
	return NULL;
}
