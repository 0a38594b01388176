/* `iosplan lint --format codeclimate`: GitLab's Code Quality report (the
 * Code Climate issue format, as GitLab reads it from
 * artifacts:reports:codequality), one JSON array for the whole run:
 *
 *   [{"type":"issue", "check_name":"boot-missing-file",
 *     "description":"R1: boot statement ... [boot-missing-file]",
 *     "categories":["Bug Risk"], "severity":"critical",
 *     "fingerprint":"9f2c...32 hex",
 *     "location":{"path":"captures/r1.log", "lines":{"begin":12}}}, ...]
 *
 * severity: error -> critical, warning -> minor, note -> info (GitLab's
 * scale is info, minor, major, critical, blocker; a weak finding already
 * comes one level down). path is the capture's path as given on the command
 * line, so that run from the repository root it is relative to it. A finding
 * no line holds (the fact comes from --target) points at line 1 of the
 * device's first capture.
 *
 * fingerprint: MD5 of rule, path, device and message, but not the line, so
 * that an issue keeps its identity when lines move; a second identical
 * finding in one run gets the fingerprint of the first plus its ordinal, so
 * that fingerprints stay unique (GitLab drops duplicates). */
#include <stdlib.h>
#include <string.h>

#include "dl_lib.h"
#include "format.h"
#include "libcrypto_dl.h"
#include "error.h"

typedef struct cc_state {
	FILE *out;
	const ip_lint_result *r;
	const ip_libcrypto *c;
	cJSON *root;
} cc_state;

static const char *cc_severity(ip_severity s)
{
	switch (s) {
	case IP_SEV_ERROR: return "critical";
	case IP_SEV_WARNING: return "minor";
	default: return "info";
	}
}

/* The hex MD5 of the fields joined by NUL bytes, and of `ordinal` when it
 * is not 0. */
static void fingerprint(const ip_libcrypto *c, char hex[33], const char *const *fields, size_t n,
			unsigned ordinal)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_MD_CTX *ctx = c->EVP_MD_CTX_new();
	if (!ctx || !c->EVP_DigestInit_ex(ctx, c->EVP_md5(), NULL))
		ip_out_of_memory();
	for (size_t i = 0; i < n; i++)
		c->EVP_DigestUpdate(ctx, fields[i] ? fields[i] : "", strlen(fields[i] ? fields[i] : "") + 1);
	if (ordinal)
		c->EVP_DigestUpdate(ctx, &ordinal, sizeof(ordinal));
	c->EVP_DigestFinal_ex(ctx, md, &len);
	c->EVP_MD_CTX_free(ctx);
	for (unsigned i = 0; i < 16 && i < len; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	hex[32] = '\0';
}

static bool fingerprint_taken(const cJSON *root, const char *hex)
{
	const cJSON *it;
	cJSON_ArrayForEach(it, root)
	{
		const cJSON *fp = cJSON_GetObjectItemCaseSensitive(it, "fingerprint");
		if (cJSON_IsString(fp) && strcmp(fp->valuestring, hex) == 0)
			return true;
	}
	return false;
}

/* Where GitLab shows the finding: its span, else the device's first capture. */
static void where(const cc_state *st, const ip_device_check *c, const ip_finding *f,
		  const char **path, unsigned *line)
{
	*path = NULL;
	*line = 1;
	if (ip_span_known(f->span) && f->span.file) {
		*path = f->span.file;
		*line = f->span.line ? f->span.line : 1;
	} else if (c->dev->n_sources && c->dev->sources[0].file) {
		*path = c->dev->sources[0].file;
		*line = c->dev->sources[0].first_line ? c->dev->sources[0].first_line : 1;
	} else if (st->r->set->n_captures) {
		*path = st->r->set->captures[0]->path;
	}
	if (!*path)
		*path = "-";
}

static void *begin(FILE *out, const ip_lint_result *r)
{
	cc_state *st = calloc(1, sizeof(*st));
	if (!st)
		ip_out_of_memory();
	st->out = out;
	st->r = r;
	/* Before anything is printed: without libcrypto there is no report. */
	if (!(st->c = ip_libcrypto_get()))
		ip_dl_lib_die();
	st->root = cJSON_CreateArray();
	return st;
}

static void device(void *state, const ip_device_check *c)
{
	(void)state;
	(void)c;
}

static void finding(void *state, const ip_device_check *c, const ip_finding *f)
{
	cc_state *st = state;
	const char *path;
	unsigned line;
	where(st, c, f, &path, &line);
	const char *dev = f->device ? f->device : c->dev->hostname.s;
	const char *fields[] = { f->rule_id, path, dev, f->message };
	char hex[33];
	unsigned ordinal = 0;
	do
		fingerprint(st->c, hex, fields, 4, ordinal++);
	while (fingerprint_taken(st->root, hex));

	char *desc;
	size_t dlen;
	FILE *m = open_memstream(&desc, &dlen);
	if (!m)
		ip_out_of_memory();
	fprintf(m, "%s%s%s [%s]", dev ? dev : "", dev ? ": " : "", f->message, f->rule_id);
	fclose(m);

	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "type", "issue");
	cJSON_AddStringToObject(o, "check_name", f->rule_id);
	cJSON_AddStringToObject(o, "description", desc);
	cJSON *cat = cJSON_AddArrayToObject(o, "categories");
	cJSON_AddItemToArray(cat, cJSON_CreateString("Bug Risk"));
	cJSON_AddStringToObject(o, "severity", cc_severity(f->severity));
	cJSON_AddStringToObject(o, "fingerprint", hex);
	cJSON *loc = cJSON_AddObjectToObject(o, "location");
	cJSON_AddStringToObject(loc, "path", path);
	cJSON *lines = cJSON_AddObjectToObject(loc, "lines");
	cJSON_AddNumberToObject(lines, "begin", line);
	cJSON_AddItemToArray(st->root, o);
	free(desc);
}

static void end(void *state)
{
	cc_state *st = state;
	char *text = ip_json_print_utf8(st->root, 1);
	fprintf(st->out, "%s\n", text);
	free(text);
	cJSON_Delete(st->root);
	free(st);
}

const ip_writer format_codeclimate = { "codeclimate", begin, device, finding, end };
