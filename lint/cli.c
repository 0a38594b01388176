#include "cli.h"

#include <string.h>

#include "error.h"

void cli_print_diags(FILE *out, const ip_diags *d, ip_diag_level min)
{
	for (size_t i = 0; i < d->n; i++) {
		const ip_diag *x = &d->v[i];
		if (x->level < min)
			continue;
		if (ip_span_known(x->span))
			fprintf(out, "%s:%u:%u: %s: %s\n", x->span.file ? x->span.file : "<input>",
				x->span.line, x->span.col, ip_diag_level_name(x->level), x->message);
		else
			fprintf(out, "iosplan: %s: %s\n", ip_diag_level_name(x->level), x->message);
	}
}

int cli_load(ip_device_set **out, char **paths, int n)
{
	ip_device_set *set = ip_device_set_new();
	*out = set;
	int rc = ip_device_set_load(set, (const char *const *)paths, (size_t)n);
	if (rc) {
		fprintf(stderr, "%s\n", ip_error_last());
		return EXIT_INPUT;
	}
	cli_print_diags(stderr, &set->diags, IP_DIAG_WARNING);
	return ip_diags_count(&set->diags, IP_DIAG_ERROR) ? EXIT_INPUT : EXIT_CLEAN;
}

int cli_format_index(const char *cmd, const char *value, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(value, names[i]) == 0)
			return i;
	fprintf(stderr, "iosplan %s: error: unknown format '%s' (one of:", cmd, value);
	for (int i = 0; names[i]; i++)
		fprintf(stderr, " %s", names[i]);
	fprintf(stderr, ")\n");
	return -1;
}
