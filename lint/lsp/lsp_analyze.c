/* A document through the same engine as `iosplan lint`, and the result as
 * textDocument/publishDiagnostics:
 *
 *   buffer -> ip_capture_from_buffer -> ip_device_set_add_captures
 *          -> .iosplan.yaml + target settings -> ip_check_device per device
 *          -> one Diagnostic per finding (code = rule id, codeDescription =
 *             the rule's page) and per input warning or error
 *
 * Unlike `iosplan lint`, an input error (a truncated listing) does not stop
 * the rules: a capture being typed is often incomplete for a moment, and
 * the findings on its complete parts are still worth showing; the error is
 * shown beside them.
 *
 * Positions: a span is a raw line as the capture reader counts lines (LF
 * ends one; a lone CR only in a file without LF) and a byte column. The
 * editor counts lines at every CR as well, and characters in UTF-16. So a
 * span becomes a byte offset in the text first (line starts as the reader
 * counts them), and the offset an LSP position (lsp_docs.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "lsp.h"

static char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		ip_out_of_memory();
	return d;
}

void lsp_analysis_free(lsp_analysis *a)
{
	if (!a)
		return;
	ip_device_set_free(a->set);
	free(a->raw_lines);
	free(a->problem);
	free(a->config_problem);
	cJSON_Delete(a->diagnostics);
	free(a);
}

void lsp_settings_target_args(const lsp_settings *st, ip_target_args *out)
{
	memset(out, 0, sizeof(*out));
	out->target = st->target;
	out->md5 = st->md5;
	out->sha512 = st->sha512;
	out->size = st->size;
	out->image_file = st->image_file;
	out->tftp_root = st->tftp_root;
	out->catalog = st->catalog;
}

/* Line starts as the capture reader cuts lines (parsers/capture.c). */
static void raw_lines(lsp_analysis *an, const char *text, size_t len)
{
	bool cr_only = !memchr(text, '\n', len) && memchr(text, '\r', len);
	char sep = cr_only ? '\r' : '\n';
	size_t cap = 1024;
	an->raw_lines = malloc(cap * sizeof(*an->raw_lines));
	if (!an->raw_lines)
		ip_out_of_memory();
	an->raw_lines[0] = 0;
	an->n_raw_lines = 1;
	for (const char *p = text, *end = text + len; (p = memchr(p, sep, (size_t)(end - p))); p++) {
		if (an->n_raw_lines == cap) {
			cap *= 2;
			an->raw_lines = realloc(an->raw_lines, cap * sizeof(*an->raw_lines));
			if (!an->raw_lines)
				ip_out_of_memory();
		}
		an->raw_lines[an->n_raw_lines++] = (size_t)(p + 1 - text);
	}
}

/* The byte offset of raw line `line` (1-based), column `col` (1-based, 0 =
 * the line's start), clamped to the line. */
static size_t span_offset(const lsp_analysis *an, const lsp_doc *d, uint32_t line, uint32_t col,
			  bool line_end)
{
	if (line == 0 || line > an->n_raw_lines)
		return line ? d->len : 0;
	size_t start = an->raw_lines[line - 1];
	size_t end = line < an->n_raw_lines ? an->raw_lines[line] - 1 : d->len;
	if (end > start && end < d->len && d->text[end] == '\n' && d->text[end - 1] == '\r')
		end--;
	if (line_end)
		return end;
	size_t off = col ? start + col - 1 : start;
	return off < end ? off : end;
}

static cJSON *pos_json(lsp_pos p)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "line", p.line);
	cJSON_AddNumberToObject(o, "character", p.character);
	return o;
}

static cJSON *range_json(const lsp_server *s, const lsp_doc *d, size_t a, size_t b)
{
	if (b < a)
		b = a;
	cJSON *r = cJSON_CreateObject();
	cJSON_AddItemToObject(r, "start", pos_json(lsp_doc_pos(d, a, s->enc)));
	cJSON_AddItemToObject(r, "end", pos_json(lsp_doc_pos(d, b, s->enc)));
	return r;
}

cJSON *lsp_span_range(const lsp_server *s, const lsp_doc *d, ip_span sp)
{
	const lsp_analysis *an = d->an;
	if (!an || !ip_span_known(sp))
		return NULL;
	size_t a = span_offset(an, d, sp.line, sp.col, false), b;
	if (!sp.col)
		b = span_offset(an, d, sp.line, 0, true);
	else if (sp.end_line >= sp.line && sp.end_col)
		b = span_offset(an, d, sp.end_line, sp.end_col, false);
	else
		b = a;
	return range_json(s, d, a, b);
}

void lsp_pos_to_span(const lsp_server *s, const lsp_doc *d, lsp_pos p, uint32_t *line, uint32_t *col)
{
	const lsp_analysis *an = d->an;
	size_t off = lsp_doc_offset(d, p, s->enc);
	size_t lo = 0, hi = an ? an->n_raw_lines : 0;
	if (!hi) {
		*line = *col = 1;
		return;
	}
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (an->raw_lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (uint32_t)lo + 1;
	*col = (uint32_t)(off - an->raw_lines[lo]) + 1;
}

/* --- configuration and targets ------------------------------------------- */

/* The settings' config (relative to the workspace), else the nearest
 * .iosplan.yaml above the document, else the workspace's. */
static const char *config_path(lsp_server *s, const lsp_doc *d, ip_arena *a)
{
	const char *c = s->settings.config;
	if (c && *c)
		return c[0] == '/' || !s->root_path ? c : ip_arena_printf(a, "%s/%s", s->root_path, c);
	if (d->path) {
		char *dir = ip_arena_strdup(a, d->path), *slash = strrchr(dir, '/');
		if (slash)
			*(slash == dir ? slash + 1 : slash) = '\0';
		const char *found = ip_config_find(a, slash ? dir : ".");
		if (found)
			return found;
	}
	if (s->root_path) {
		const char *p = ip_arena_printf(a, "%s/.iosplan.yaml", s->root_path);
		if (ip_config_present(p)) /* read by ip_config_load, as the CLI does */
			return p;
	}
	return NULL;
}

static void set_problem(char **slot, const char *what, const char *msg)
{
	if (*slot)
		return;
	size_t n = strlen(what) + strlen(msg) + 3;
	*slot = malloc(n);
	if (!*slot)
		ip_out_of_memory();
	snprintf(*slot, n, "%s: %s", what, msg);
}

/* Targets that hash a file are built once per settings and configuration
 * and kept; each use may add a few strings (a "why" per device) to their
 * arena, so they are rebuilt after many uses. Other targets cost nothing
 * to build: they are built per analysis, in its arena. */
#define TARGETS_REUSE_LIMIT 100000u

static ip_targets *shared_targets(lsp_server *s, const ip_target_args *args, const ip_config *cfg,
				  size_t n_devices, const char **problem)
{
	char *key;
	if (asprintf(&key, "%u\n%s\n%s", s->settings_generation, cfg->target ? cfg->target : "",
		     cfg->path ? cfg->path : "") < 0)
		ip_out_of_memory();
	s->targets_uses += n_devices + 1;
	if (s->targets_arena && strcmp(key, s->targets_key) == 0 &&
	    s->targets_uses < TARGETS_REUSE_LIMIT) {
		free(key);
		*problem = s->targets_problem;
		return s->targets;
	}
	ip_arena_free(s->targets_arena);
	free(s->targets_key);
	free(s->targets_problem);
	s->targets_arena = ip_arena_new();
	s->targets_key = key;
	s->targets_problem = NULL;
	s->targets_uses = n_devices + 1;
	/* the configuration's strings live in the analysis: copy them */
	const char *fallback = cfg->target ? ip_arena_strdup(s->targets_arena, cfg->target) : NULL;
	const char *origin = cfg->path ? ip_arena_strdup(s->targets_arena, cfg->path) : NULL;
	/* ip_targets keeps the args: they must live as long as it does */
	ip_target_args *kept = ip_arena_alloc(s->targets_arena, sizeof(*kept));
	const char *const *from[] = { &args->target, &args->md5, &args->sha512, &args->size,
				&args->image_file, &args->tftp_root, &args->catalog };
	const char **to[] = { &kept->target, &kept->md5, &kept->sha512, &kept->size,
			      &kept->image_file, &kept->tftp_root, &kept->catalog };
	for (size_t i = 0; i < sizeof(from) / sizeof(from[0]); i++)
		*to[i] = *from[i] ? ip_arena_strdup(s->targets_arena, *from[i]) : NULL;
	if (ip_targets_new(&s->targets, s->targets_arena, kept, fallback, origin)) {
		s->targets = NULL;
		s->targets_problem = xstrdup(ip_error_last());
	}
	*problem = s->targets_problem;
	return s->targets;
}

/* Each device's target from the settings (target_args.h); a problem with
 * them is shown, and the rules run without a target. */
static void find_targets(lsp_server *s, lsp_analysis *an)
{
	ip_device_set *set = an->set;
	an->targets = ip_arena_alloc(set->arena, (set->n + 1) * sizeof(*an->targets));
	ip_target_args args;
	lsp_settings_target_args(&s->settings, &args);
	ip_targets *ts = NULL;
	const char *problem = NULL;
	if ((args.image_file && *args.image_file) || (args.tftp_root && *args.tftp_root))
		ts = shared_targets(s, &args, &an->cfg, set->n, &problem);
	else if (ip_targets_new(&ts, set->arena, &args, an->cfg.target, an->cfg.path))
		problem = ip_error_last();
	if (problem || !ts) {
		set_problem(&an->config_problem, "target settings", problem ? problem : "no target");
		return;
	}
	for (size_t i = 0; i < set->n; i++) {
		const char *why = NULL;
		if (ip_targets_for_device(&an->targets[i], &why, ts, set->v[i])) {
			set_problem(&an->config_problem, "target settings", ip_error_last());
			an->targets[i] = NULL;
		}
	}
}

/* Read, parse and check the text of d as it is now. */
static lsp_analysis *analyze(lsp_server *s, const lsp_doc *d)
{
	lsp_analysis *an = calloc(1, sizeof(*an));
	if (!an)
		ip_out_of_memory();
	raw_lines(an, d->text, d->len);
	an->set = ip_device_set_new();
	ip_arena *a = an->set->arena;
	ip_capture *cap;
	ip_error_clear();
	if (ip_capture_from_buffer(&cap, a, d->name, d->text, d->len) ||
	    ip_device_set_add_captures(an->set, &cap, 1)) {
		an->problem = xstrdup(ip_error_last());
		ip_device_set_free(an->set);
		an->set = NULL;
		return an;
	}
	if (ip_config_load(&an->cfg, a, config_path(s, d, a))) {
		set_problem(&an->config_problem, "configuration", ip_error_last());
		ip_config_load(&an->cfg, a, NULL);
	}
	/* the server is one thread: the policy is this document's until
	 * another document is analysed or asked about (lsp_analyze_doc) */
	ip_config_apply(&an->cfg);
	find_targets(s, an);
	an->checks = ip_arena_alloc(a, (an->set->n + 1) * sizeof(*an->checks));
	for (size_t i = 0; i < an->set->n; i++)
		ip_check_device(&an->checks[i], a, an->set->v[i], an->targets[i], &an->cfg.check);
	return an;
}

/* --- diagnostics ------------------------------------------------------------ */

static cJSON *diagnostic(cJSON *range, int severity, const char *message)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "range", range);
	cJSON_AddNumberToObject(o, "severity", severity);
	cJSON_AddStringToObject(o, "source", "iosplan");
	cJSON_AddStringToObject(o, "message", message);
	return o;
}

static int lsp_severity(ip_severity sev)
{
	return sev == IP_SEV_ERROR ? 1 : sev == IP_SEV_WARNING ? 2 : 3;
}

/* A finding no line holds goes on the first line of its device. */
static cJSON *finding_range(const lsp_server *s, const lsp_doc *d, const ip_device *dev,
			    ip_span sp)
{
	cJSON *r = lsp_span_range(s, d, sp);
	if (r)
		return r;
	ip_span line = { d->name, dev->n_sources ? dev->sources[0].first_line : 1, 0, 0, 0 };
	if (!line.line)
		line.line = 1;
	return lsp_span_range(s, d, line);
}

static cJSON *related_json(const lsp_server *s, const lsp_doc *d, const ip_finding *f)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < f->n_related; i++) {
		cJSON *r = lsp_span_range(s, d, f->related[i].span);
		if (!r)
			continue;
		cJSON *o = cJSON_CreateObject();
		cJSON *loc = cJSON_AddObjectToObject(o, "location");
		cJSON_AddStringToObject(loc, "uri", d->uri);
		cJSON_AddItemToObject(loc, "range", r);
		cJSON_AddStringToObject(o, "message", f->related[i].message);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *finding_diagnostic(lsp_server *s, const lsp_doc *d, const ip_device *dev,
				 const ip_finding *f)
{
	char *msg = NULL;
	if (f->capture && asprintf(&msg, "%s (capture '%s' to decide this)", f->message, f->capture) < 0)
		ip_out_of_memory();
	cJSON *o = diagnostic(finding_range(s, d, dev, f->span), lsp_severity(f->severity),
			      msg ? msg : f->message);
	free(msg);
	cJSON_AddStringToObject(o, "code", f->rule_id);
	const char *href = lsp_rule_href(s, f->rule_id);
	if (href)
		cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "codeDescription"), "href", href);
	if (f->n_related)
		cJSON_AddItemToObject(o, "relatedInformation", related_json(s, d, f));
	return o;
}

static cJSON *top_diagnostic(const lsp_server *s, const lsp_doc *d, int severity, const char *msg)
{
	return diagnostic(range_json(s, d, 0, 0), severity, msg);
}

static cJSON *diagnostics(lsp_server *s, const lsp_doc *d)
{
	const lsp_analysis *an = d->an;
	cJSON *arr = cJSON_CreateArray();
	if (an->problem)
		cJSON_AddItemToArray(arr, top_diagnostic(s, d, 1, an->problem));
	if (an->config_problem)
		cJSON_AddItemToArray(arr, top_diagnostic(s, d, 1, an->config_problem));
	if (!an->set)
		return arr;
	for (size_t i = 0; i < an->set->diags.n; i++) {
		const ip_diag *x = &an->set->diags.v[i];
		if (x->level < IP_DIAG_WARNING)
			continue; /* as `iosplan lint` prints them */
		cJSON *r = lsp_span_range(s, d, x->span);
		cJSON_AddItemToArray(arr, diagnostic(r ? r : range_json(s, d, 0, 0),
						     x->level == IP_DIAG_ERROR ? 1 : 2, x->message));
	}
	for (size_t i = 0; i < an->set->n; i++) {
		const ip_device_check *c = &an->checks[i];
		for (size_t k = 0; k < c->n_findings; k++)
			cJSON_AddItemToArray(arr, finding_diagnostic(s, d, c->dev, &c->findings[k]));
	}
	return arr;
}

void lsp_analyze_doc(lsp_server *s, lsp_doc *d)
{
	if (!d->dirty && d->an) {
		/* hover, actions and showPlan ask the model again: under this
		 * document's file_name_case, not the last analysed one's */
		ip_config_apply(&d->an->cfg);
		return;
	}
	lsp_analysis_free(d->an);
	d->an = analyze(s, d);
	d->dirty = false;
	d->an->diagnostics = diagnostics(s, d);
	cJSON *p = cJSON_CreateObject();
	cJSON_AddStringToObject(p, "uri", d->uri);
	cJSON_AddNumberToObject(p, "version", (double)d->version);
	cJSON_AddItemReferenceToObject(p, "diagnostics", d->an->diagnostics);
	lsp_notify(s, "textDocument/publishDiagnostics", p);
}
