/* iosplan explain RULE-ID   — a rule's page from the catalogue
 * iosplan rules             — every rule, one line each */
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "cli.h"
#include "commands.h"
#include "rule_pages.h"

static void indent(FILE *out, const char *text)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(out, "  %.*s\n", (int)n, p);
		p += n + (nl ? 1 : 0);
	}
}

int cmd_explain(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-') {
		if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
			puts("usage: iosplan explain RULE-ID\n  Print what a rule catches, why it matters and how to fix it.");
			return EXIT_CLEAN;
		}
		fputs("usage: iosplan explain RULE-ID   (iosplan rules lists them)\n", stderr);
		return EXIT_INPUT;
	}
	const ip_rule_doc *d = ip_catalogue_find(ip_catalogue_builtin(), argv[1]);
	if (!d) {
		fprintf(stderr, "iosplan explain: error: no rule '%s' (iosplan rules lists them)\n", argv[1]);
		return EXIT_INPUT;
	}
	printf("%s (%s)\n  %s\n\nwhy it matters:\n", d->id, ip_severity_name(d->severity), d->title);
	indent(stdout, d->rationale);
	puts("\nfix:");
	indent(stdout, d->fix);
	if (d->n_captures) {
		printf("\nreads:");
		for (size_t i = 0; i < d->n_captures; i++)
			printf("%s %s", i ? "," : "", d->captures[i]);
		putchar('\n');
	}
	printf("\nsilence it in .iosplan.yaml:\n  rules:\n    %s: off\n", d->id);
	char *page = ip_rule_page_path(d->id);
	if (page)
		printf("\npage: %s\n", page);
	free(page);
	return EXIT_CLEAN;
}

int cmd_rules(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		puts("usage: iosplan rules\n  List every rule: its id, default severity and title.");
		return EXIT_CLEAN;
	}
	if (argc > 1) {
		fputs("usage: iosplan rules\n", stderr);
		return EXIT_INPUT;
	}
	const ip_catalogue *c = ip_catalogue_builtin();
	for (size_t i = 0; i < c->n; i++)
		printf("%-18s %-8s %s\n", c->v[i].id, ip_severity_name(c->v[i].severity), c->v[i].title);
	return EXIT_CLEAN;
}
