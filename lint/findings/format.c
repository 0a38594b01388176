#include "format.h"

#include <string.h>

static const ip_writer *const writers[] = {
	&format_text, &format_gcc, &format_json, &format_sarif, &format_markdown,
	&format_codeclimate,
};

const ip_writer *ip_writer_find(const char *name)
{
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(writers[i]->name, name) == 0)
			return writers[i];
	return NULL;
}

int ip_lint_write(const ip_writer *w, FILE *out, const ip_lint_result *r)
{
	void *st = w->begin(out, r);
	for (size_t i = 0; i < r->n_checks && !ferror(out); i++) {
		const ip_device_check *c = &r->checks[i];
		w->device(st, c);
		for (size_t k = 0; k < c->n_findings; k++)
			w->finding(st, c, &c->findings[k]);
	}
	w->end(st);
	return ferror(out) ? -1 : 0;
}

const char *span_source(const ip_device_set *set, ip_span s, size_t *start, size_t *end)
{
	const ip_line *l = ip_device_set_line(set, s.file, s.line);
	if (!l)
		return NULL;
	/* Spans are raw columns; find the clean bytes that came from them. */
	size_t a = 0, b = 0;
	for (size_t i = 0; i < l->len; i++) {
		uint32_t col = l->colmap ? l->colmap[i] : (uint32_t)i + 1;
		if (col < s.col)
			a = i + 1;
		if (s.end_line == s.line && col < s.end_col)
			b = i + 1;
	}
	if (s.end_line != s.line || b < a)
		b = l->len;
	*start = a;
	*end = b;
	return l->text;
}
