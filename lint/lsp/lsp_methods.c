/* The methods `iosplan lsp` answers, and its settings.
 *
 * Settings (initializationOptions, workspace/didChangeConfiguration, or
 * pulled with workspace/configuration for section "iosplan"), each a
 * string; "" or null clears one:
 *   target, md5, sha512, size, imageFile, tftpRoot, catalog   the target
 *        image, as `iosplan lint --target ...` takes it
 *   config          the .iosplan.yaml to use; default: the nearest one above
 *                   the document, else the workspace folder's
 *   tftpServer, transfer    for the plan (`iosplan plan --tftp-server ...`)
 *   commandOutput   "auto" (default): the server shows what a command makes
 *                   (applyEdit, showDocument) when the client can; "result":
 *                   only the command's result carries it (the client shows it)
 * They may come wrapped ({"iosplan": {...}}) or as the section itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "iosplan_config.h"
#include "lsp.h"
#include "error.h"

#define GET cJSON_GetObjectItemCaseSensitive

lsp_doc *lsp_doc_find(lsp_server *s, const char *uri)
{
	for (size_t i = 0; i < s->n_docs; i++)
		if (strcmp(s->docs[i]->uri, uri) == 0)
			return s->docs[i];
	return NULL;
}

static void mark_all_dirty(lsp_server *s)
{
	for (size_t i = 0; i < s->n_docs; i++) {
		s->docs[i]->dirty = true;
		s->docs[i]->dirty_since = lsp_now();
	}
}

void lsp_flush(lsp_server *s, double min_age)
{
	double now = lsp_now();
	for (size_t i = 0; i < s->n_docs; i++)
		if (s->docs[i]->dirty && now - s->docs[i]->dirty_since >= min_age)
			lsp_analyze_doc(s, s->docs[i]);
}

/* --- parameters ---------------------------------------------------------------- */

static bool get_pos(const cJSON *o, lsp_pos *out)
{
	const cJSON *l = GET(o, "line"), *c = GET(o, "character");
	if (!cJSON_IsNumber(l) || !cJSON_IsNumber(c) || l->valuedouble < 0 || c->valuedouble < 0 ||
	    l->valuedouble > 4e9 || c->valuedouble > 4e9)
		return false;
	out->line = (uint32_t)l->valuedouble;
	out->character = (uint32_t)c->valuedouble;
	return true;
}

static bool get_pos_pair(const cJSON *range, lsp_pos *a, lsp_pos *b)
{
	return get_pos(GET(range, "start"), a) && get_pos(GET(range, "end"), b);
}

static const char *doc_uri(const cJSON *params)
{
	const cJSON *u = GET(GET(params, "textDocument"), "uri");
	return cJSON_IsString(u) ? u->valuestring : NULL;
}

/* --- settings ----------------------------------------------------------------- */

static void set_string(char **slot, const cJSON *v)
{
	char buf[32];
	const char *text = NULL;
	if (cJSON_IsString(v) && v->valuestring[0])
		text = v->valuestring;
	else if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < 1e18)
		text = buf, snprintf(buf, sizeof(buf), "%.0f", v->valuedouble);
	else if (!cJSON_IsNull(v) && !cJSON_IsString(v))
		return; /* a value of the wrong type leaves the setting alone */
	free(*slot);
	*slot = text ? strdup(text) : NULL;
	if (text && !*slot)
		ip_out_of_memory();
}

static void apply_settings(lsp_server *s, const cJSON *o)
{
	const cJSON *inner = GET(o, "iosplan");
	if (cJSON_IsObject(inner))
		o = inner;
	if (!cJSON_IsObject(o))
		return;
	lsp_settings *st = &s->settings;
	const struct {
		const char *key;
		char **slot;
	} keys[] = {
		{ "target", &st->target }, { "md5", &st->md5 }, { "sha512", &st->sha512 },
		{ "size", &st->size }, { "imageFile", &st->image_file }, { "tftpRoot", &st->tftp_root },
		{ "catalog", &st->catalog }, { "catalogue", &st->catalog }, { "config", &st->config },
		{ "tftpServer", &st->tftp_server }, { "transfer", &st->transfer },
		{ "commandOutput", &st->command_output },
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const cJSON *v = GET(o, keys[i].key);
		if (v)
			set_string(keys[i].slot, v);
	}
	s->settings_generation++;
	mark_all_dirty(s);
}

static void pull_settings(lsp_server *s)
{
	if (!s->can_pull_config)
		return;
	cJSON *p = cJSON_CreateObject();
	cJSON *item = cJSON_CreateObject();
	cJSON_AddStringToObject(item, "section", "iosplan");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(p, "items"), item);
	s->config_request = lsp_request(s, "workspace/configuration", p);
}

void lsp_on_response(lsp_server *s, long id, const cJSON *result, const cJSON *error)
{
	if (id != s->config_request || !id)
		return; /* applyEdit and showDocument answers need nothing */
	s->config_request = 0;
	if (error)
		return;
	const cJSON *first = cJSON_GetArrayItem(result, 0);
	if (cJSON_IsObject(first))
		apply_settings(s, first);
}

/* --- life cycle ------------------------------------------------------------------ */

static bool has_string(const cJSON *arr, const char *want)
{
	const cJSON *v;
	cJSON_ArrayForEach(v, arr) {
		if (cJSON_IsString(v) && strcmp(v->valuestring, want) == 0)
			return true;
	}
	return false;
}

/* Position encoding: UTF-16 unless the client offers only others (3.17). */
static ip_pos_encoding pick_encoding(const cJSON *offered)
{
	if (!cJSON_IsArray(offered) || !cJSON_GetArraySize(offered) || has_string(offered, "utf-16"))
		return IP_POS_UTF16;
	if (has_string(offered, "utf-8"))
		return IP_POS_UTF8;
	return has_string(offered, "utf-32") ? IP_POS_UTF32 : IP_POS_UTF16;
}

static const char *encoding_name(ip_pos_encoding e)
{
	return e == IP_POS_UTF8 ? "utf-8" : e == IP_POS_UTF32 ? "utf-32" : "utf-16";
}

static void read_capabilities(lsp_server *s, const cJSON *caps)
{
	s->enc = pick_encoding(GET(GET(caps, "general"), "positionEncodings"));
	const cJSON *ws = GET(caps, "workspace");
	const cJSON *we = GET(ws, "workspaceEdit");
	s->can_apply_edit_create = cJSON_IsTrue(GET(ws, "applyEdit")) &&
				   cJSON_IsTrue(GET(we, "documentChanges")) &&
				   has_string(GET(we, "resourceOperations"), "create");
	s->can_show_document = cJSON_IsTrue(GET(GET(GET(caps, "window"), "showDocument"), "support"));
	s->can_pull_config = cJSON_IsTrue(GET(ws, "configuration"));
}

static void read_root(lsp_server *s, const cJSON *params)
{
	const cJSON *folders = GET(params, "workspaceFolders");
	const cJSON *uri = GET(cJSON_GetArrayItem(folders, 0), "uri");
	if (!cJSON_IsString(uri))
		uri = GET(params, "rootUri");
	free(s->root_path);
	s->root_path = cJSON_IsString(uri) ? lsp_uri_to_path(uri->valuestring) : NULL;
	const cJSON *path = GET(params, "rootPath");
	if (!s->root_path && cJSON_IsString(path) && path->valuestring[0] == '/')
		s->root_path = strdup(path->valuestring);
}

static cJSON *capabilities(const lsp_server *s)
{
	cJSON *c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "positionEncoding", encoding_name(s->enc));
	cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
	cJSON_AddBoolToObject(sync, "openClose", true);
	cJSON_AddNumberToObject(sync, "change", 2); /* incremental */
	cJSON_AddBoolToObject(cJSON_AddObjectToObject(sync, "save"), "includeText", true);
	cJSON_AddBoolToObject(c, "hoverProvider", true);
	cJSON *ca = cJSON_AddObjectToObject(c, "codeActionProvider");
	cJSON *kinds = cJSON_AddArrayToObject(ca, "codeActionKinds");
	cJSON_AddItemToArray(kinds, cJSON_CreateString("quickfix"));
	cJSON_AddItemToArray(kinds, cJSON_CreateString("source.iosplan.showPlan"));
	cJSON *cmds = cJSON_AddArrayToObject(cJSON_AddObjectToObject(c, "executeCommandProvider"), "commands");
	for (size_t i = 0; lsp_commands[i]; i++)
		cJSON_AddItemToArray(cmds, cJSON_CreateString(lsp_commands[i]));
	return c;
}

static cJSON *on_initialize(lsp_server *s, const cJSON *params, int *code, const char **msg)
{
	if (s->state != LSP_STATE_NEW) {
		*code = LSP_INVALID_REQUEST;
		*msg = "initialize was already received";
		return NULL;
	}
	if (!cJSON_IsObject(params)) {
		*code = LSP_INVALID_PARAMS;
		*msg = "initialize takes InitializeParams";
		return NULL;
	}
	read_capabilities(s, GET(params, "capabilities"));
	read_root(s, params);
	apply_settings(s, GET(params, "initializationOptions"));
	s->state = LSP_STATE_RUNNING;
	cJSON *r = cJSON_CreateObject();
	cJSON_AddItemToObject(r, "capabilities", capabilities(s));
	cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
	cJSON_AddStringToObject(info, "name", "iosplan");
	cJSON_AddStringToObject(info, "version", IOSPLAN_VERSION);
	return r;
}

static void on_initialized(lsp_server *s, const cJSON *params)
{
	(void)params;
	pull_settings(s);
}

static cJSON *on_shutdown(lsp_server *s, const cJSON *params, int *code, const char **msg)
{
	(void)params, (void)code, (void)msg;
	s->state = LSP_STATE_SHUTDOWN;
	return cJSON_CreateNull();
}

static void on_exit_notification(lsp_server *s, const cJSON *params)
{
	(void)params;
	s->exit_code = s->state == LSP_STATE_SHUTDOWN ? 0 : 1;
	s->exit_now = true;
}

static void ignore(lsp_server *s, const cJSON *params)
{
	(void)s, (void)params;
}

/* --- text synchronisation ------------------------------------------------------ */

static void on_did_open(lsp_server *s, const cJSON *params)
{
	const cJSON *td = GET(params, "textDocument");
	const cJSON *uri = GET(td, "uri"), *text = GET(td, "text"), *version = GET(td, "version");
	if (!cJSON_IsString(uri) || !cJSON_IsString(text))
		return;
	int64_t v = cJSON_IsNumber(version) ? (int64_t)version->valuedouble : 0;
	lsp_doc *d = lsp_doc_find(s, uri->valuestring);
	if (d) { /* opened twice: the newer text wins */
		d->version = v;
		lsp_doc_set_text(d, text->valuestring, strlen(text->valuestring));
		return;
	}
	if (s->n_docs == s->cap_docs) {
		s->cap_docs = s->cap_docs ? 2 * s->cap_docs : 8;
		s->docs = realloc(s->docs, s->cap_docs * sizeof(*s->docs));
		if (!s->docs)
			ip_out_of_memory();
	}
	s->docs[s->n_docs++] = lsp_doc_new(uri->valuestring, text->valuestring,
					   strlen(text->valuestring), v);
}

static bool apply_change(lsp_server *s, lsp_doc *d, const cJSON *ch)
{
	const cJSON *text = GET(ch, "text"), *range = GET(ch, "range");
	if (!cJSON_IsString(text))
		return false;
	size_t n = strlen(text->valuestring);
	if (!range) {
		lsp_doc_set_text(d, text->valuestring, n);
		return true;
	}
	lsp_pos a, b;
	return get_pos_pair(range, &a, &b) && lsp_doc_edit(d, a, b, text->valuestring, n, s->enc);
}

static void on_did_change(lsp_server *s, const cJSON *params)
{
	const cJSON *td = GET(params, "textDocument");
	const cJSON *uri = GET(td, "uri"), *version = GET(td, "version");
	lsp_doc *d = cJSON_IsString(uri) ? lsp_doc_find(s, uri->valuestring) : NULL;
	if (!d) {
		fprintf(stderr, "iosplan lsp: didChange for a document that is not open\n");
		return;
	}
	const cJSON *ch;
	cJSON_ArrayForEach(ch, GET(params, "contentChanges")) {
		if (!apply_change(s, d, ch))
			fprintf(stderr, "iosplan lsp: %s: a change with a bad range or text was ignored\n",
				d->uri);
	}
	if (cJSON_IsNumber(version))
		d->version = (int64_t)version->valuedouble;
}

static void on_did_save(lsp_server *s, const cJSON *params)
{
	const cJSON *uri = GET(GET(params, "textDocument"), "uri"), *text = GET(params, "text");
	lsp_doc *d = cJSON_IsString(uri) ? lsp_doc_find(s, uri->valuestring) : NULL;
	if (!d)
		return;
	if (cJSON_IsString(text))
		lsp_doc_set_text(d, text->valuestring, strlen(text->valuestring));
	d->dirty = true; /* a saved file may now find another .iosplan.yaml */
	d->dirty_since = lsp_now();
}

static void on_did_close(lsp_server *s, const cJSON *params)
{
	const cJSON *uri = GET(GET(params, "textDocument"), "uri");
	for (size_t i = 0; cJSON_IsString(uri) && i < s->n_docs; i++) {
		if (strcmp(s->docs[i]->uri, uri->valuestring) != 0)
			continue;
		lsp_doc_free(s->docs[i]);
		s->docs[i] = s->docs[--s->n_docs];
		cJSON *p = cJSON_CreateObject();
		cJSON_AddStringToObject(p, "uri", uri->valuestring);
		cJSON_AddArrayToObject(p, "diagnostics");
		lsp_notify(s, "textDocument/publishDiagnostics", p);
		return;
	}
}

static void on_did_change_configuration(lsp_server *s, const cJSON *params)
{
	const cJSON *settings = GET(params, "settings");
	if (cJSON_IsObject(settings) && cJSON_GetArraySize(settings))
		apply_settings(s, settings);
	else
		pull_settings(s);
}

static void on_watched_files(lsp_server *s, const cJSON *params)
{
	(void)params;
	mark_all_dirty(s); /* a .iosplan.yaml or catalogue may have changed */
}

/* --- language features ------------------------------------------------------------ */

static lsp_doc *param_doc(lsp_server *s, const cJSON *params, int *code, const char **msg)
{
	if (!doc_uri(params)) {
		*code = LSP_INVALID_PARAMS;
		*msg = "params.textDocument.uri must be a string";
	}
	return doc_uri(params) ? lsp_doc_find(s, doc_uri(params)) : NULL;
}

static cJSON *on_hover(lsp_server *s, const cJSON *params, int *code, const char **msg)
{
	lsp_pos p;
	lsp_doc *d = param_doc(s, params, code, msg);
	if (*code)
		return NULL;
	if (!get_pos(GET(params, "position"), &p)) {
		*code = LSP_INVALID_PARAMS;
		*msg = "params.position must be {line, character}, both non-negative integers";
		return NULL;
	}
	return d ? lsp_hover(s, d, p) : cJSON_CreateNull();
}

static cJSON *on_code_action(lsp_server *s, const cJSON *params, int *code, const char **msg)
{
	lsp_pos a, b;
	lsp_doc *d = param_doc(s, params, code, msg);
	if (*code)
		return NULL;
	if (!get_pos_pair(GET(params, "range"), &a, &b)) {
		*code = LSP_INVALID_PARAMS;
		*msg = "params.range must be {start, end} positions";
		return NULL;
	}
	return d ? lsp_code_actions(s, d, params) : cJSON_CreateArray();
}

static cJSON *on_execute(lsp_server *s, const cJSON *params, int *code, const char **msg)
{
	const cJSON *cmd = GET(params, "command"), *args = GET(params, "arguments");
	if (!cJSON_IsString(cmd) || (args && !cJSON_IsArray(args))) {
		*code = LSP_INVALID_PARAMS;
		*msg = "params.command must be a string and params.arguments an array";
		return NULL;
	}
	return lsp_execute(s, cmd->valuestring, args, code, msg);
}

static const lsp_method methods[] = {
	{ "initialize", on_initialize, NULL },
	{ "initialized", NULL, on_initialized },
	{ "shutdown", on_shutdown, NULL },
	{ "exit", NULL, on_exit_notification },
	{ "textDocument/didOpen", NULL, on_did_open },
	{ "textDocument/didChange", NULL, on_did_change },
	{ "textDocument/didSave", NULL, on_did_save },
	{ "textDocument/didClose", NULL, on_did_close },
	{ "textDocument/hover", on_hover, NULL },
	{ "textDocument/codeAction", on_code_action, NULL },
	{ "workspace/executeCommand", on_execute, NULL },
	{ "workspace/didChangeConfiguration", NULL, on_did_change_configuration },
	{ "workspace/didChangeWatchedFiles", NULL, on_watched_files },
	{ "$/cancelRequest", NULL, ignore }, /* every request is answered at once */
	{ "$/setTrace", NULL, ignore },
};

const lsp_method *lsp_method_find(const char *name)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(methods[i].name, name) == 0)
			return &methods[i];
	return NULL;
}

void lsp_server_free(lsp_server *s)
{
	for (size_t i = 0; i < s->n_docs; i++)
		lsp_doc_free(s->docs[i]);
	free(s->docs);
	lsp_settings *st = &s->settings;
	char *all[] = { st->target, st->md5, st->sha512, st->size, st->image_file, st->tftp_root,
			st->catalog, st->config, st->tftp_server, st->transfer, st->command_output };
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		free(all[i]);
	const ip_catalogue *c = ip_catalogue_builtin();
	for (size_t i = 0; s->rule_hrefs && i < c->n; i++)
		free(s->rule_hrefs[i]);
	free(s->rule_hrefs);
	free(s->root_path);
	ip_arena_free(s->targets_arena);
	free(s->targets_key);
	free(s->targets_problem);
	lsp_reader_free(&s->in);
}
