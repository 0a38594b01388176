#include "ntc_fixture.h"

#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* `"a \"b\""` or `plain` -> malloc'd text. */
static char *unquote(const char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	char *out = malloc(n + 1), *p = out;
	if (!out)
		abort();
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		for (size_t i = 1; i + 1 < n; i++) {
			if (s[i] == '\\' && i + 2 < n)
				i++;
			*p++ = s[i];
		}
	} else {
		memcpy(out, s, n);
		p += n;
	}
	*p = '\0';
	return out;
}

static void parse_yml(ntc_fixture *f, char *yml)
{
	size_t cap = 0;
	for (char *line = strtok(yml, "\n"); line; line = strtok(NULL, "\n")) {
		char *dash = strstr(line, "- ");
		bool start = dash && strspn(line, " ") == (size_t)(dash - line);
		char *kv = start ? dash + 2 : line + strspn(line, " ");
		char *colon = strstr(kv, ": ");
		if (!colon || (!start && !f->n_rows) || kv == line)
			continue;
		if (start) {
			if (f->n_rows == cap) {
				cap = cap ? 2 * cap : 16;
				f->rows = realloc(f->rows, cap * sizeof(*f->rows));
				if (!f->rows)
					abort();
			}
			memset(&f->rows[f->n_rows++], 0, sizeof(ntc_row));
		}
		ntc_row *r = &f->rows[f->n_rows - 1];
		if (r->n == NTC_MAX_KEYS)
			continue;
		*colon = '\0';
		r->key[r->n] = strdup(kv);
		r->value[r->n++] = unquote(colon + 2);
	}
}

ntc_fixture *ntc_load(const char *dir, const char *name)
{
	const char *corpus = test_corpus_dir();
	if (!corpus)
		return NULL;
	char path[1024];
	snprintf(path, sizeof(path), "%s/cisco_ios/%s/%s.yml", corpus, dir, name);
	char *yml = test_read_file(path, NULL);
	snprintf(path, sizeof(path), "%s/cisco_ios/%s/%s.raw", corpus, dir, name);
	char *raw = test_read_file(path, NULL);
	if (!yml || !raw) {
		free(yml);
		free(raw);
		return NULL;
	}
	ntc_fixture *f = calloc(1, sizeof(*f));
	if (!f)
		abort();
	f->raw = raw;
	parse_yml(f, yml);
	free(yml);
	return f;
}

void ntc_free(ntc_fixture *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_rows; i++)
		for (size_t k = 0; k < f->rows[i].n; k++) {
			free(f->rows[i].key[k]);
			free(f->rows[i].value[k]);
		}
	free(f->rows);
	free(f->raw);
	free(f);
}

const char *ntc_get(const ntc_row *r, const char *key)
{
	for (size_t k = 0; k < r->n; k++)
		if (strcmp(r->key[k], key) == 0)
			return r->value[k];
	return "";
}
