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
