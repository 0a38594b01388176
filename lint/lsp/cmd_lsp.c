/* iosplan lsp [--stdio] [--max-message-bytes N]
 *
 * The language server's loop (lsp.h lists the other pieces). JSON-RPC 2.0
 * as LSP 3.17 uses it:
 *   - a body that is not JSON: -32700 (id null); a header block without a
 *     usable Content-Length: -32700 too, as nothing of the message could
 *     be read;
 *   - JSON that is no request, response or notification (not an object,
 *     a batch array, no "jsonrpc": "2.0", an id that is neither integer
 *     nor string): -32600;
 *   - an unknown method: -32601 for a request, silence for a notification;
 *   - params of the wrong shape: -32602;
 *   - a request before initialize: -32002; any request after shutdown:
 *     -32600; a message over the size limit: -32600 with the request's id
 *     when its first bytes name one, and a window/showMessage.
 * After each of them the server goes on reading. stdout carries protocol
 * messages only: the process's stdout is moved to stderr at start, so a
 * stray printf anywhere cannot corrupt the stream. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "error.h"
#include "iosplan_config.h"
#include "json_utf8.h"
#include "lsp.h"

/* A changed document waits for the input to go quiet, but not longer. */
#define MAX_DELAY_SECONDS 0.05

#define GET cJSON_GetObjectItemCaseSensitive

static void logf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logf_(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("iosplan lsp: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* --- sending --------------------------------------------------------------- */

/* {"jsonrpc": "2.0", ...}: the members follow. */
static cJSON *message(void)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	return m;
}

static void send_json(lsp_server *s, cJSON *msg)
{
	char *out = ip_json_print_utf8(msg, 0); /* capture text need not be UTF-8 */
	cJSON_Delete(msg);
	if (!s->write_errno && lsp_write(s->out_fd, out, strlen(out)) < 0) {
		s->write_errno = errno ? errno : EIO;
		if (s->write_errno == EPIPE) /* the client left: as a client that left without exit */
			logf_("cannot write to the client (%s): stopping", strerror(s->write_errno));
		s->exit_now = true;
	}
	free(out);
}

static void reply(lsp_server *s, const cJSON *id, cJSON *result)
{
	cJSON *m = message();
	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
	send_json(s, m);
}

static void reply_error(lsp_server *s, const cJSON *id, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void reply_error(lsp_server *s, const cJSON *id, int code, const char *fmt, ...)
{
	char *msg = NULL; /* at its real length: it can quote a client's method name */
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		ip_out_of_memory();
	va_end(ap);
	cJSON *m = message();
	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	cJSON *e = cJSON_AddObjectToObject(m, "error");
	cJSON_AddNumberToObject(e, "code", code);
	cJSON_AddStringToObject(e, "message", msg);
	free(msg);
	send_json(s, m);
}

void lsp_notify(lsp_server *s, const char *method, cJSON *params)
{
	cJSON *m = message();
	cJSON_AddStringToObject(m, "method", method);
	cJSON_AddItemToObject(m, "params", params);
	send_json(s, m);
}

long lsp_request(lsp_server *s, const char *method, cJSON *params)
{
	long id = ++s->next_id;
	cJSON *m = message();
	cJSON_AddNumberToObject(m, "id", (double)id);
	cJSON_AddStringToObject(m, "method", method);
	cJSON_AddItemToObject(m, "params", params);
	send_json(s, m);
	return id;
}

static bool valid_id(const cJSON *id)
{
	if (cJSON_IsString(id))
		return true;
	if (!cJSON_IsNumber(id))
		return false;
	double v = id->valuedouble; /* an integer JSON can carry exactly */
	return v > -9007199254740992.0 && v < 9007199254740992.0 && v == (double)(long long)v;
}

void lsp_show_message(lsp_server *s, int type, const char *text)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddNumberToObject(p, "type", type);
	cJSON_AddStringToObject(p, "message", text);
	lsp_notify(s, "window/showMessage", p);
}

/* --- a message that is too large ------------------------------------------- */

/* Where the JSON value at p ends (at the ',' or '}' after it). */
static const char *skip_value(const char *p, const char *end)
{
	int depth = 0;
	for (; p < end; p++) {
		if (*p == '"') {
			for (p++; p < end && *p != '"'; p++)
				p += *p == '\\';
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if ((*p == '}' || *p == ']') && depth-- == 0)
			return p;
		else if (*p == ',' && depth == 0)
			return p;
	}
	return end;
}

static const char *skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* The top-level "id" among the first bytes of a message, or NULL: the
 * reply to a request too large to read still needs its id. */
static cJSON *prefix_id(const char *p, size_t n)
{
	const char *end = p + n;
	p = skip_ws(p, end);
	if (p >= end || *p++ != '{')
		return NULL;
	while (p < end) {
		p = skip_ws(p, end);
		if (p >= end || *p != '"')
			return NULL;
		const char *key = ++p;
		while (p < end && *p != '"')
			p += 1 + (*p == '\\');
		bool is_id = p - key == 2 && memcmp(key, "id", 2) == 0;
		p = skip_ws(p + 1, end);
		if (p >= end || *p++ != ':')
			return NULL;
		p = skip_ws(p, end);
		const char *v = p;
		p = skip_value(p, end);
		if (is_id && p < end) {
			char *text = strndup(v, (size_t)(p - v));
			cJSON *id = text ? cJSON_Parse(text) : NULL;
			free(text);
			if (valid_id(id))
				return id;
			cJSON_Delete(id);
			return NULL;
		}
		if (p >= end || *p++ != ',')
			return NULL;
	}
	return NULL;
}

static void too_large(lsp_server *s, const lsp_frame *f)
{
	cJSON *id = prefix_id(f->prefix, f->prefix_len);
	char *msg = NULL, *note = NULL;
	if (asprintf(&msg, "a %s of %zu bytes is over the limit of %zu bytes "
		     "(iosplan lsp --max-message-bytes): it was skipped", id ? "request" : "message",
		     f->declared, s->in.max_body) < 0)
		ip_out_of_memory();
	if (!id) { /* perhaps a notification (didOpen): nobody waits for a reply */
		if (asprintf(&note, "iosplan: %s", msg) < 0)
			ip_out_of_memory();
		lsp_show_message(s, 1, note);
		free(note);
	}
	reply_error(s, id, LSP_INVALID_REQUEST, "%s", msg);
	free(msg);
	cJSON_Delete(id);
}

/* --- one message ------------------------------------------------------------- */

static void request(lsp_server *s, const lsp_method *m, const char *name, const cJSON *id,
		    const cJSON *params)
{
	if (s->state == LSP_STATE_NEW && strcmp(name, "initialize") != 0) {
		reply_error(s, id, LSP_SERVER_NOT_INITIALIZED,
			    "the server is not initialized: send initialize first");
		return;
	}
	if (s->state == LSP_STATE_SHUTDOWN) {
		reply_error(s, id, LSP_INVALID_REQUEST, "the server is shut down: only exit is accepted");
		return;
	}
	if (!m || !m->request) {
		reply_error(s, id, m ? LSP_INVALID_REQUEST : LSP_METHOD_NOT_FOUND,
			    m ? "%s is a notification, not a request" : "method not found: %s", name);
		return;
	}
	if (params && !cJSON_IsObject(params) && !cJSON_IsArray(params)) {
		reply_error(s, id, LSP_INVALID_PARAMS, "params must be an object or an array");
		return;
	}
	int code = 0;
	const char *msg = NULL;
	cJSON *result = m->request(s, params, &code, &msg);
	if (result)
		reply(s, id, result);
	else
		reply_error(s, id, code ? code : LSP_INTERNAL_ERROR, "%s", msg ? msg : "failed");
}

static void notification(lsp_server *s, const lsp_method *m, const char *name, const cJSON *params)
{
	if (strcmp(name, "exit") != 0 && s->state != LSP_STATE_RUNNING)
		return; /* before initialize and after shutdown, only exit counts */
	if (m && m->notify)
		m->notify(s, params);
	else if (strncmp(name, "$/", 2) != 0)
		logf_("ignored notification %s", name);
}

static void response(lsp_server *s, const cJSON *id, const cJSON *msg)
{
	const cJSON *result = GET(msg, "result"), *error = GET(msg, "error");
	if (cJSON_IsNumber(id) && (result || error))
		lsp_on_response(s, (long)id->valuedouble, result, error);
}

static void handle(lsp_server *s, const char *body, size_t len)
{
	cJSON *msg = cJSON_ParseWithLength(body, len);
	if (!msg) {
		reply_error(s, NULL, LSP_PARSE_ERROR, "parse error: the message is not valid JSON");
		return;
	}
	bool obj = cJSON_IsObject(msg);
	const cJSON *id = obj ? GET(msg, "id") : NULL, *method = obj ? GET(msg, "method") : NULL;
	const cJSON *version = obj ? GET(msg, "jsonrpc") : NULL;
	if (!obj)
		reply_error(s, NULL, LSP_INVALID_REQUEST, "invalid request: a message is a JSON object%s",
			    cJSON_IsArray(msg) ? " (LSP has no batches)" : "");
	else if (id && !valid_id(id))
		reply_error(s, NULL, LSP_INVALID_REQUEST, "invalid request: an id is an integer or a string");
	else if (!cJSON_IsString(version) || strcmp(version->valuestring, "2.0") != 0)
		reply_error(s, id, LSP_INVALID_REQUEST, "invalid request: \"jsonrpc\" must be \"2.0\"");
	else if (!method && id)
		response(s, id, msg);
	else if (!cJSON_IsString(method))
		reply_error(s, id, LSP_INVALID_REQUEST, "invalid request: \"method\" must be a string");
	else if (id)
		request(s, lsp_method_find(method->valuestring), method->valuestring, id, GET(msg, "params"));
	else
		notification(s, lsp_method_find(method->valuestring), method->valuestring, GET(msg, "params"));
	cJSON_Delete(msg);
}

/* --- the loop ------------------------------------------------------------------- */

static void frame(lsp_server *s, lsp_read_status st, const lsp_frame *f)
{
	if (f->junk && st != LSP_READ_BAD_HEADER) /* else one error says it */
		reply_error(s, NULL, LSP_PARSE_ERROR, "parse error: bytes that are no message header were skipped");
	if (st == LSP_READ_BAD_HEADER)
		reply_error(s, NULL, LSP_PARSE_ERROR, "parse error: %s", f->error);
	else if (st == LSP_READ_TOO_LARGE)
		too_large(s, f);
	else
		handle(s, f->body, f->len);
}

static int serve(lsp_server *s)
{
	while (!s->exit_now) {
		/* analyse when the client pauses, or when a change waited too long */
		lsp_flush(s, lsp_input_pending(&s->in) ? MAX_DELAY_SECONDS : 0);
		if (s->exit_now)
			break;
		lsp_frame f;
		lsp_read_status st = lsp_read(&s->in, &f);
		if (st == LSP_READ_EOF) {
			free(f.body);
			free(f.prefix);
			return s->state == LSP_STATE_SHUTDOWN ? 0 : 1;
		}
		frame(s, st, &f);
		free(f.body);
		free(f.prefix);
	}
	return s->exit_code;
}

static void usage(FILE *out)
{
	fputs("usage: iosplan lsp [--stdio] [--max-message-bytes N]\n"
	      "  Run the language server (LSP 3.17) on standard input and output, for editors.\n"
	      "  A message over N bytes (default 96 MiB) is answered with an error and skipped.\n"
	      "  exit: 0 after shutdown and exit, 1 when the client left without shutdown,\n"
	      "        2 usage error or a failed write (a full disk, a closed standard output)\n", out);
}

static int parse_args(int argc, char **argv, size_t *max)
{
	*max = IP_LSP_MAX_MESSAGE;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--stdio") == 0)
			continue; /* what vscode-languageclient passes; stdio is all we speak */
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return EXIT_CLEAN;
		}
		if (strcmp(argv[i], "--max-message-bytes") == 0 && i + 1 < argc) {
			char *end;
			errno = 0;
			unsigned long long v = strtoull(argv[++i], &end, 10);
			if (!errno && !*end && argv[i][0] != '-' && v >= 1024 && v <= (1ull << 32)) {
				*max = (size_t)v;
				continue;
			}
			fputs("iosplan lsp: error: --max-message-bytes is a number from 1024 to 4294967296\n",
			      stderr);
			return EXIT_INPUT;
		}
		usage(stderr);
		return EXIT_INPUT;
	}
	return -1;
}

int cmd_lsp(int argc, char **argv)
{
	size_t max;
	int rc = parse_args(argc, argv, &max);
	if (rc >= 0)
		return rc;
	lsp_server s;
	memset(&s, 0, sizeof(s));
	/* Protocol goes to a private copy of stdout; fd 1 becomes stderr. */
	fflush(stdout);
	s.out_fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
	if (s.out_fd < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
		fprintf(stderr, "iosplan lsp: error: cannot set up standard output: %s\n", strerror(errno));
		return EXIT_INPUT;
	}
	signal(SIGPIPE, SIG_IGN); /* a client that left: the write fails, the loop stops */
	lsp_reader_init(&s.in, STDIN_FILENO, max);
	rc = serve(&s);
	/* the writer contract (cli.h): a write that failed for another reason
	 * than the client leaving (a full disk, a closed descriptor) is the
	 * command's failure, as for every other command */
	if (s.write_errno && s.write_errno != EPIPE)
		rc = cli_write_failed("standard output", s.write_errno) < 0 ? EXIT_INPUT : rc;
	lsp_server_free(&s);
	close(s.out_fd);
	return rc;
}
