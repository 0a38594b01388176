/* Seed corpora for the fuzz targets, made from samples/ at fuzz time (so no
 * sample is duplicated in git):
 *
 *   fuzz-seeds SOURCE_ROOT OUTDIR
 *
 * writes OUTDIR/<target>/seed-<hash>:
 *   capture, e2e  every sample file as is; e2e also with a target line and
 *                 paired with the bare running-config as a second capture
 *   ansible       every sample file as is (the target picked by its length)
 *   parsers       every section of every sample, in the target's format
 *                 (selector byte, typed command line, output)
 *   names         versions, image names and file names the samples hold
 *   catalogue     rules/rules.yaml
 *   config        the .iosplan.yaml forms docs/lint.md documents
 *   images        samples/images.yaml, whole and cut short
 *   lsp           a client session per sample: initialize, settings, didOpen
 *                 of the sample, hover, code action, an edit, the plan
 *                 command, shutdown, exit
 *   archive       samples/split/ as .tar, .tar.gz, .tar.xz and .zip, and a
 *                 gzip'd sample */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>
#include <cjson/cJSON.h>

#include "capture.h"
#include "device.h"
#include "section.h"

static const char *outdir;

static void put(const char *target, const char *a, size_t alen, const char *b, size_t blen)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < alen; i++)
		h = (h ^ (unsigned char)a[i]) * 1099511628211ull;
	for (size_t i = 0; i < blen; i++)
		h = (h ^ (unsigned char)b[i]) * 1099511628211ull;
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", outdir, target);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/%s/seed-%016llx", outdir, target, (unsigned long long)h);
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		exit(1);
	}
	fwrite(a, 1, alen, f);
	fwrite(b, 1, blen, f);
	fclose(f);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void section_seeds(const ip_capture *cap, const ip_section *s)
{
	size_t cap_len = 1 << 16, len = 1;
	char *buf = malloc(cap_len);
	buf[0] = (char)((unsigned)s->cmd | (s->command ? 0x80u : 0));
	const ip_line *first = s->prompt ? s->prompt : s->lines;
	const ip_line *end = s->lines + s->n_lines;
	for (const ip_line *l = first; l < end && l < cap->lines + cap->n_lines; l++) {
		const char *t = l == s->prompt ? s->command : l->text;
		size_t n = t ? strlen(t) : 0;
		if (len + n + 1 > cap_len)
			break;
		if (n)
			memcpy(buf + len, t, n);
		len += n;
		buf[len++] = '\n';
	}
	put("parsers", buf, len, "", 0);
	free(buf);
}

static void name_seeds(const ip_device *d)
{
	const ip_text *v[] = { &d->version, &d->xe_version, &d->rommon };
	for (size_t i = 0; i < 3; i++)
		if (v[i]->s)
			put("names", v[i]->s, strlen(v[i]->s), "", 0);
	if (d->system_image.path)
		put("names", d->system_image.path, strlen(d->system_image.path), "", 0);
	for (size_t i = 0; i < d->n_filesystems; i++)
		for (size_t k = 0; k < d->filesystems[i].n_files; k++) {
			const char *n = d->filesystems[i].files[k].name;
			put("names", n, strlen(n), "", 0);
		}
	if (d->version.s && d->xe_version.s) {
		put("names", d->version.s, strlen(d->version.s), "\n", 1);
		put("names", d->xe_version.s, strlen(d->xe_version.s), "", 0);
	}
}

static void frame(FILE *m, cJSON *msg)
{
	char *body = cJSON_PrintUnformatted(msg);
	fprintf(m, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
	free(body);
	cJSON_Delete(msg);
}

static cJSON *rpc(int id, const char *method, cJSON *params)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	if (id)
		cJSON_AddNumberToObject(m, "id", id);
	cJSON_AddStringToObject(m, "method", method);
	if (params)
		cJSON_AddItemToObject(m, "params", params);
	return m;
}

static cJSON *doc_params(const char *text)
{
	cJSON *p = cJSON_CreateObject(), *d = cJSON_AddObjectToObject(p, "textDocument");
	cJSON_AddStringToObject(d, "uri", "untitled:sample.log");
	cJSON_AddStringToObject(d, "languageId", "iosplan");
	cJSON_AddNumberToObject(d, "version", 1);
	if (text)
		cJSON_AddStringToObject(d, "text", text);
	return p;
}

static void lsp_seed(const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	frame(m, rpc(1, "initialize", cJSON_Parse("{\"capabilities\":{\"general\":"
						  "{\"positionEncodings\":[\"utf-8\"]}}}")));
	frame(m, rpc(0, "initialized", cJSON_CreateObject()));
	frame(m, rpc(0, "workspace/didChangeConfiguration",
		     cJSON_Parse("{\"settings\":{\"iosplan\":{\"target\":"
				 "\"isr4300-universalk9.16.12.04.SPA.bin\"}}}")));
	frame(m, rpc(0, "textDocument/didOpen", doc_params(text)));
	cJSON *h = doc_params(NULL);
	cJSON_AddItemToObject(h, "position", cJSON_Parse("{\"line\":3,\"character\":5}"));
	frame(m, rpc(2, "textDocument/hover", h));
	cJSON *ca = doc_params(NULL);
	cJSON_AddItemToObject(ca, "range", cJSON_Parse("{\"start\":{\"line\":0,\"character\":0},"
						       "\"end\":{\"line\":40,\"character\":0}}"));
	cJSON_AddItemToObject(ca, "context", cJSON_Parse("{\"diagnostics\":[]}"));
	frame(m, rpc(3, "textDocument/codeAction", ca));
	cJSON *ch = doc_params(NULL);
	cJSON_AddItemToObject(ch, "contentChanges",
			      cJSON_Parse("[{\"range\":{\"start\":{\"line\":1,\"character\":0},"
					  "\"end\":{\"line\":2,\"character\":0}},\"text\":\"\"}]"));
	frame(m, rpc(0, "textDocument/didChange", ch));
	frame(m, rpc(4, "workspace/executeCommand",
		     cJSON_Parse("{\"command\":\"iosplan.showPlan\",\"arguments\":"
				 "[\"untitled:sample.log\"]}")));
	frame(m, rpc(5, "shutdown", NULL));
	frame(m, rpc(0, "exit", NULL));
	fclose(m);
	put("lsp", buf, len, "", 0);
	free(buf);
}

/* samples/split/ (or any folder of captures) in the archive formats the
 * audit reads. */
static void archive_seed(const char *dir, int format, int filter)
{
	char *buf = NULL;
	size_t len = 0, used = 0, cap = 1 << 20;
	buf = malloc(cap);
	struct archive *a = archive_write_new();
	archive_write_set_format(a, format);
	if (filter >= 0)
		archive_write_add_filter(a, filter);
	archive_write_open_memory(a, buf, cap, &used);
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char sub[4096];
		snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
		DIR *dd = opendir(sub);
		struct dirent *f;
		while (dd && (f = readdir(dd)) != NULL) {
			char path[8192];
			snprintf(path, sizeof(path), "%s/%s", sub, f->d_name);
			char *text = f->d_name[0] == '.' ? NULL : slurp(path, &len);
			if (!text)
				continue;
			struct archive_entry *ae = archive_entry_new();
			snprintf(path, sizeof(path), "%s/%s", e->d_name, f->d_name);
			archive_entry_set_pathname(ae, path);
			archive_entry_set_size(ae, (la_int64_t)len);
			archive_entry_set_filetype(ae, AE_IFREG);
			archive_entry_set_perm(ae, 0644);
			archive_write_header(a, ae);
			archive_write_data(a, text, len);
			archive_entry_free(ae);
			free(text);
		}
		if (dd)
			closedir(dd);
	}
	if (d)
		closedir(d);
	archive_write_close(a);
	archive_write_free(a);
	put("archive", buf, used, "", 0);
	free(buf);
}

static void gzip_seed(const char *text, size_t len)
{
	size_t cap = len + 4096, used = 0;
	char *buf = malloc(cap);
	struct archive *a = archive_write_new();
	archive_write_set_format_raw(a);
	archive_write_add_filter_gzip(a);
	archive_write_open_memory(a, buf, cap, &used);
	struct archive_entry *ae = archive_entry_new();
	archive_entry_set_filetype(ae, AE_IFREG);
	archive_write_header(a, ae);
	archive_write_data(a, text, len);
	archive_entry_free(ae);
	archive_write_close(a);
	archive_write_free(a);
	put("archive", buf, used, "", 0);
	free(buf);
}

static void sample_seeds(const char *path, const char *extra, size_t extra_len)
{
	size_t len;
	char *text = slurp(path, &len);
	if (!text)
		return;
	static const char target[] = "target=c2960-lanbasek9-mz.152-7.E9.bin 12345678 "
				     "7b4e91a2c0d3f5e6a7b8c9d0e1f2a3b4\n";
	put("capture", text, len, "", 0);
	put("e2e", text, len, "", 0);
	lsp_seed(text);
	if (len < 4096)
		gzip_seed(text, len);
	put("e2e", target, sizeof(target) - 1, text, len);
	put("ansible", text, len, "", 0);
	if (extra) {
		char *pair = malloc(len + 8 + extra_len);
		memcpy(pair, text, len);
		memcpy(pair + len, "\n--8<--\n", 8);
		memcpy(pair + len + 8, extra, extra_len);
		put("e2e", pair, len + 8 + extra_len, "", 0);
		free(pair);
	}
	ip_device_set *set = ip_device_set_new();
	ip_capture *cap;
	if (ip_capture_from_buffer(&cap, set->arena, path, text, len) == 0) {
		ip_section *secs;
		size_t n;
		if (ip_sections_split(&secs, &n, set->arena, cap, &set->diags) == 0)
			for (size_t i = 0; i < n; i++)
				section_seeds(cap, &secs[i]);
		ip_device_set_add_captures(set, &cap, 1);
		for (size_t i = 0; i < set->n; i++)
			name_seeds(set->v[i]);
	}
	ip_device_set_free(set);
	free(text);
}

static void walk(const char *dir, const char *extra, size_t extra_len)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strstr(e->d_name, ".md") || strstr(e->d_name, "meson") ||
		    strstr(e->d_name, ".yaml"))
			continue;
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			walk(path, extra, extra_len);
		else
			sample_seeds(path, extra, extra_len);
	}
	closedir(d);
}

static const char *const configs[] = {
	"",
	"rules:\n  boot-fallback: off\n  config-register: warning\n",
	"flash:\n  margin_bytes: 2097152\n  margin_percent: 10\n",
	"tftp:\n  limit_bytes: 33553920\n",
	"normal_registers:\n  WS-C3560CX: 0x2102\n  C9300: 0x102\n",
	"target: isr4300-universalk9.16.12.04.SPA.bin\n",
	"rules: {image-integrity: note}\nnormal_registers: {ISR4: &r 0x2102, C1900: *r}\n",
};

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: fuzz-seeds SOURCE_ROOT OUTDIR\n", stderr);
		return 2;
	}
	outdir = argv[2];
	mkdir(outdir, 0777);
	char path[4096];
	size_t extra_len = 0, len;
	snprintf(path, sizeof(path), "%s/samples/bare/running-config.cfg", argv[1]);
	char *extra = slurp(path, &extra_len);
	snprintf(path, sizeof(path), "%s/samples", argv[1]);
	walk(path, extra, extra_len);
	free(extra);
	snprintf(path, sizeof(path), "%s/rules/rules.yaml", argv[1]);
	char *cat = slurp(path, &len);
	if (!cat) {
		perror(path);
		return 1;
	}
	put("catalogue", cat, len, "", 0);
	put("catalogue", cat, len / 3, "", 0);
	free(cat);
	for (size_t i = 0; i < sizeof(configs) / sizeof(configs[0]); i++)
		put("config", configs[i], strlen(configs[i]), "", 0);
	snprintf(path, sizeof(path), "%s/samples/images.yaml", argv[1]);
	char *images = slurp(path, &len);
	if (images) {
		put("images", images, len, "", 0);
		put("images", images, len / 2, "", 0);
		free(images);
	}
	snprintf(path, sizeof(path), "%s/samples/split", argv[1]);
	archive_seed(path, ARCHIVE_FORMAT_TAR_USTAR, -1);
	archive_seed(path, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP);
	archive_seed(path, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_XZ);
	archive_seed(path, ARCHIVE_FORMAT_ZIP, -1);
	return 0;
}
