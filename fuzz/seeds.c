/* Seed corpora for the fuzz targets, made from samples/ at fuzz time (so no
 * sample is duplicated in git):
 *
 *   fuzz-seeds SOURCE_ROOT OUTDIR
 *
 * writes OUTDIR/<target>/seed-<hash>:
 *   capture, e2e  every sample file as is; e2e also with a target line and
 *                 paired with the bare running-config as a second capture
 *   parsers       every section of every sample, in the target's format
 *                 (selector byte, typed command line, output)
 *   names         versions, image names and file names the samples hold
 *   catalogue     rules/rules.yaml
 *   config        the .iosplan.yaml forms the README documents */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
	put("e2e", target, sizeof(target) - 1, text, len);
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
	return 0;
}
