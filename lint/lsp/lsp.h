/* `iosplan lsp`: the Language Server Protocol 3.17 over stdio.
 *
 * Internal to lint/. The pieces, one file each:
 *   lsp_io.c       Content-Length framing: read a frame, write a message
 *   lsp_docs.c     open documents: full and incremental sync, positions
 *   lsp_analyze.c  a document through the same engine as `iosplan lint`,
 *                  and its findings as diagnostics
 *   lsp_features.c hover, code actions, the plan and explain commands,
 *                  rule pages
 *   lsp_methods.c  the methods: life cycle, text sync, settings, features
 *   cmd_lsp.c      the loop: framing errors, JSON-RPC checks, dispatch
 *
 * Everything is single-threaded: one message at a time, and the analysis of
 * changed documents runs when no input is waiting, so a burst of keystrokes
 * costs one analysis. Memory: the server owns its documents (malloc), each
 * analysis owns a device set (its arena), freed when the next one replaces
 * it. */
#ifndef IOSPLAN_LSP_H
#define IOSPLAN_LSP_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "device.h"
#include "engine.h"
#include "target_args.h"
#include "utf16.h"

/* A message larger than this is refused (an error reply) and its bytes are
 * skipped; `--max-message-bytes` changes it. The capture limit itself
 * (IP_MAX_FILE_BYTES, 64 MiB) applies to the document, and JSON escaping
 * adds a little: 96 MiB leaves room for the largest capture iosplan reads. */
#define IP_LSP_MAX_MESSAGE (96u * 1024u * 1024u)
/* Header lines longer than this are not headers. */
#define IP_LSP_MAX_HEADER_LINE 4096u

/* JSON-RPC and LSP error codes. */
enum {
	LSP_PARSE_ERROR = -32700,
	LSP_INVALID_REQUEST = -32600,
	LSP_METHOD_NOT_FOUND = -32601,
	LSP_INVALID_PARAMS = -32602,
	LSP_INTERNAL_ERROR = -32603,
	LSP_SERVER_NOT_INITIALIZED = -32002,
	LSP_REQUEST_FAILED = -32803,
};

/* --- framing (lsp_io.c) --------------------------------------------------- */

typedef struct lsp_reader {
	int fd;
	char *buf;
	size_t len, pos, cap;
	size_t max_body;
	bool eof;
} lsp_reader;

typedef enum lsp_read_status {
	LSP_READ_MESSAGE = 0, /* body/len hold a message */
	LSP_READ_EOF,         /* the input ended (or broke) */
	LSP_READ_BAD_HEADER,  /* error says what; no body */
	LSP_READ_TOO_LARGE,   /* body skipped; prefix holds its first bytes */
} lsp_read_status;

typedef struct lsp_frame {
	char *body; /* malloc'd, NUL-terminated; the caller frees */
	size_t len;
	size_t declared; /* TOO_LARGE: the Content-Length */
	char *prefix;    /* TOO_LARGE: up to 64 KiB of the body, malloc'd */
	size_t prefix_len;
	bool junk;       /* bytes that were no header came before this frame */
	char error[200];
} lsp_frame;

void lsp_reader_init(lsp_reader *r, int fd, size_t max_body);
void lsp_reader_free(lsp_reader *r);
lsp_read_status lsp_read(lsp_reader *r, lsp_frame *f);
/* Whether a read would find bytes without waiting. */
bool lsp_input_pending(lsp_reader *r);
/* Write one framed message; -1 when the output is gone. */
int lsp_write(int fd, const char *body, size_t len);

/* --- documents (lsp_docs.c) ----------------------------------------------- */

typedef struct lsp_pos {
	uint32_t line, character; /* 0-based, character in the encoding's units */
} lsp_pos;

typedef struct lsp_analysis lsp_analysis;

typedef struct lsp_doc {
	char *uri;
	char *path; /* the file's path for a file: URI, else NULL */
	char *name; /* what spans and messages call it: path, else the URI */
	int64_t version;
	char *text;
	size_t len, cap;
	size_t *lines; /* byte offset of each LSP line's start */
	size_t n_lines, cap_lines;
	bool dirty;        /* changed since the last analysis */
	double dirty_since; /* monotonic seconds */
	lsp_analysis *an;
} lsp_doc;

lsp_doc *lsp_doc_new(const char *uri, const char *text, size_t len, int64_t version);
void lsp_doc_free(lsp_doc *d);
void lsp_doc_set_text(lsp_doc *d, const char *text, size_t len);
/* Replace [start, end) with text; false when end is before start. */
bool lsp_doc_edit(lsp_doc *d, lsp_pos start, lsp_pos end, const char *text, size_t len,
		  ip_pos_encoding enc);
/* A position as a byte offset: a character past the line's end means the
 * end of the line, a line past the last means the end of the text. */
size_t lsp_doc_offset(const lsp_doc *d, lsp_pos p, ip_pos_encoding enc);
lsp_pos lsp_doc_pos(const lsp_doc *d, size_t offset, ip_pos_encoding enc);
/* The byte offset where line `line` (0-based) ends, before its break. */
size_t lsp_doc_line_end(const lsp_doc *d, uint32_t line);

/* "file:///a%20b/c.log" -> "/a b/c.log"; NULL for other schemes. malloc'd. */
char *lsp_uri_to_path(const char *uri);
/* "/a b/c.md" -> "file:///a%20b/c.md". malloc'd. */
char *lsp_path_to_uri(const char *path);

/* --- the server ----------------------------------------------------------- */

typedef struct lsp_settings {
	/* the target image: lint's --target, --md5, --sha512, --size,
	 * --image-file, --tftp-root, --catalog */
	char *target, *md5, *sha512, *size, *image_file, *tftp_root, *catalog;
	char *config;      /* .iosplan.yaml to use instead of the one found */
	char *tftp_server; /* the plan's --tftp-server */
	char *transfer;    /* "tftp" | "scp" */
	char *command_output; /* "auto" | "result" */
} lsp_settings;

typedef enum lsp_state {
	LSP_STATE_NEW = 0,  /* before initialize */
	LSP_STATE_RUNNING,  /* initialize answered */
	LSP_STATE_SHUTDOWN, /* shutdown answered: only exit is welcome */
} lsp_state;

typedef struct lsp_server {
	int out_fd;
	lsp_reader in;
	lsp_state state;
	bool exit_now;
	int exit_code;
	int write_errno; /* of a failed write to the client (EPIPE: it left), 0 none */
	ip_pos_encoding enc;
	/* what the client said it can do */
	bool can_apply_edit_create, can_show_document, can_pull_config;
	char *root_path; /* the workspace's folder, or NULL */
	lsp_settings settings;
	unsigned settings_generation;
	lsp_doc **docs;
	size_t n_docs, cap_docs;
	long next_id;                  /* of the requests the server sends */
	long config_request;           /* id of the pending workspace/configuration, 0 none */
	char **rule_hrefs;             /* per catalogue entry, computed once */
	/* Targets that hash an image file (--image-file, --tftp-root) are
	 * kept between analyses: the key says for which settings. */
	ip_arena *targets_arena;
	ip_targets *targets;
	char *targets_key, *targets_problem;
	size_t targets_uses;
} lsp_server;

/* Send a notification or a request (id > 0) to the client; takes params. */
void lsp_notify(lsp_server *s, const char *method, cJSON *params);
long lsp_request(lsp_server *s, const char *method, cJSON *params);
/* window/showMessage; type 1 error, 2 warning, 3 info. */
void lsp_show_message(lsp_server *s, int type, const char *text);
double lsp_now(void);

/* --- methods (lsp_methods.c) ------------------------------------------------ */

/* A request handler returns the result (cJSON null is a result), or NULL
 * with *code and *msg (a static string) set. */
typedef cJSON *(*lsp_request_fn)(lsp_server *s, const cJSON *params, int *code, const char **msg);
typedef void (*lsp_notify_fn)(lsp_server *s, const cJSON *params);

typedef struct lsp_method {
	const char *name;
	lsp_request_fn request; /* exactly one of the two */
	lsp_notify_fn notify;
} lsp_method;

const lsp_method *lsp_method_find(const char *name);
/* The client's answer to a request the server sent. */
void lsp_on_response(lsp_server *s, long id, const cJSON *result, const cJSON *error);
lsp_doc *lsp_doc_find(lsp_server *s, const char *uri);
/* Analyse the changed documents: all of them when min_age is 0, else those
 * that have waited at least min_age seconds. */
void lsp_flush(lsp_server *s, double min_age);
void lsp_server_free(lsp_server *s);

/* --- analysis (lsp_analyze.c) --------------------------------------------- */

struct lsp_analysis {
	ip_device_set *set;        /* NULL when the capture is unusable */
	ip_device_check *checks;   /* one per device, set->n */
	const ip_target **targets; /* per device, may be NULL */
	size_t *raw_lines;         /* byte offset of each line as iosplan counts them */
	size_t n_raw_lines;
	char *problem;             /* why there are no devices: the reader's message */
	ip_config cfg;
	char *config_problem;      /* .iosplan.yaml or target settings that failed */
	cJSON *diagnostics;        /* the last published array */
};

/* Analyse d now (if it changed) and publish its diagnostics. */
void lsp_analyze_doc(lsp_server *s, lsp_doc *d);
void lsp_analysis_free(lsp_analysis *a);
/* The LSP range of a span of d (analysed), or NULL when it has none. */
cJSON *lsp_span_range(const lsp_server *s, const lsp_doc *d, ip_span sp);
/* An LSP position in d as iosplan's 1-based line and byte column. */
void lsp_pos_to_span(const lsp_server *s, const lsp_doc *d, lsp_pos p, uint32_t *line,
		     uint32_t *col);
/* The target args the settings give (strings owned by s). */
void lsp_settings_target_args(const lsp_settings *st, ip_target_args *out);

/* --- features (lsp_features.c) -------------------------------------------- */

cJSON *lsp_hover(lsp_server *s, lsp_doc *d, lsp_pos p);
cJSON *lsp_code_actions(lsp_server *s, lsp_doc *d, const cJSON *params);
/* workspace/executeCommand; NULL with *code and *msg set on bad arguments. */
cJSON *lsp_execute(lsp_server *s, const char *command, const cJSON *args, int *code,
		   const char **msg);
/* The commands executeCommandProvider lists, NULL-terminated. */
extern const char *const lsp_commands[];
/* The file: URI of rule `id`'s page, or NULL (see lsp_features.c). */
const char *lsp_rule_href(lsp_server *s, const char *id);
/* A rule's page in Markdown (malloc'd); NULL for an unknown id. */
char *lsp_rule_markdown(const char *id);

#endif
