#include "helpers.h"

#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "iosplan_config.h"

static ip_section *section_from_text(ip_arena *a, const char *text)
{
	ip_section *s = ip_arena_alloc(a, sizeof(*s));
	size_t n = 0, cap = 0;
	ip_line *lines = NULL;
	const char *p = text;
	uint32_t lineno = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		ip_line *l = IP_PUSH(a, lines, n, cap);
		l->text = ip_arena_strndup(a, p, len);
		l->len = (uint32_t)len;
		l->lineno = ++lineno;
		p += len + (nl ? 1 : 0);
	}
	s->file = "test.txt";
	s->lines = lines;
	s->n_lines = n;
	s->first_line = 1;
	s->last_line = lineno ? lineno : 1;
	return s;
}

ip_section *test_section(ip_arena *a, ip_cmd cmd, const char *text)
{
	ip_section *s = section_from_text(a, text);
	s->cmd = cmd;
	s->inferred = true;
	return s;
}

ip_section *test_section_cmd(ip_arena *a, const char *command, const char *text)
{
	ip_section *s = section_from_text(a, text);
	s->command = ip_arena_strdup(a, command);
	if (!ip_command_identify(a, command, &s->cmd, &s->canonical, &s->arg,
				 &s->filter))
		s->cmd = IP_CMD_UNKNOWN;
	return s;
}

ip_device *test_device(ip_arena *a, ip_parse_ctx *ctx, ip_diags *diags)
{
	memset(diags, 0, sizeof(*diags));
	diags->arena = a;
	ctx->arena = a;
	ctx->diags = diags;
	ctx->caps = NULL; /* one section at a time: no files to order */
	ctx->n_caps = 0;
	return ip_arena_alloc(a, sizeof(ip_device));
}

ip_device_set *test_load_text(const char *name, const char *text)
{
	ip_device_set *set = ip_device_set_new();
	ip_capture *cap = NULL;
	if (ip_capture_from_buffer(&cap, set->arena, name, text, strlen(text)) == 0)
		ip_device_set_add_captures(set, &cap, 1);
	return set;
}

const char *test_samples_dir(void)
{
	const char *d = getenv("IOSPLAN_SAMPLES");
	return d && *d ? d : IOSPLAN_SOURCE_ROOT "/samples";
}

ip_device_set *test_load_samples(const char *first, ...)
{
	const char *paths[32];
	char bufs[32][1024];
	size_t n = 0;
	va_list ap;
	va_start(ap, first);
	for (const char *name = first; name && n < 32; name = va_arg(ap, const char *)) {
		snprintf(bufs[n], sizeof(bufs[n]), "%s/%s", test_samples_dir(), name);
		paths[n] = bufs[n];
		n++;
	}
	va_end(ap);
	ip_device_set *set = ip_device_set_new();
	ip_device_set_load(set, paths, n);
	return set;
}

char *test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t k;
	while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n - 1 == 0) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		if (len)
			*len = n;
	}
	return buf;
}

const char *test_corpus_dir(void)
{
	static char buf[1024];
	const char *d = getenv("IOSPLAN_CORPUS");
	if (d && *d)
		snprintf(buf, sizeof(buf), "%s", d);
	else
		snprintf(buf, sizeof(buf), "%s/../shared/corpus/ntc-templates", IOSPLAN_SOURCE_ROOT);
	char probe[1100];
	snprintf(probe, sizeof(probe), "%s/cisco_ios", buf);
	FILE *f = fopen(probe, "r");
	if (!f)
		return NULL;
	fclose(f);
	return buf;
}

void test_tmpdir_make(char *dir, size_t size, const char *tag)
{
	snprintf(dir, size, "/tmp/iosplan-%s-XXXXXX", tag);
	cr_assert_not_null(mkdtemp(dir));
}

void test_tmpdir_remove(const char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

void test_sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	cr_assert_lt((size_t)n, sizeof(cmd), "command too long for test_sh: %.80s...", cmd);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
}

void test_memcheck_sample(size_t row)
{
	const char *v = getenv("IOSPLAN_VALGRIND");
	if (v && *v && row % 3 != 0)
		cr_skip_test("memcheck runs one row in three of this table (the other passes run all)");
}
