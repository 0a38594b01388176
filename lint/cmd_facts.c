/* iosplan facts [--format text|json] FILE...
 *
 * Prints the device state read from the captures. Several devices in the
 * input give a JSON array, one device a JSON object. Any input error
 * (unreadable file, not a capture, truncated output) prints the diagnostics,
 * nothing on standard output, and exits 2: half a fact sheet is not one. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "facts.h"
#include "format.h"

static const char *const formats[] = { "text", "json", NULL };
enum { FMT_TEXT, FMT_JSON };

static void usage(FILE *out)
{
	fputs("usage: iosplan facts [--format text|json] FILE...\n"
	      "  Print what iosplan reads from the captures: one device state per device.\n"
	      "  FILE may be '-' for standard input.\n", out);
}

/* The document's nodes come from an arena and go with it: a fleet's facts
 * are hundreds of thousands of small nodes, and malloc'ing then freeing
 * each one cost as much as building them (callgrind, bench/run-suite).
 * cJSON's hooks are global: facts runs on one thread. */
static ip_arena *json_arena;

static void *json_alloc(size_t n)
{
	return ip_arena_alloc(json_arena, n);
}

static void json_free(void *p)
{
	(void)p; /* freed with the arena */
}

static int print_json(const ip_device_set *set, const ip_boot_prediction *next)
{
	json_arena = ip_arena_new();
	cJSON_InitHooks(&(cJSON_Hooks){ .malloc_fn = json_alloc, .free_fn = json_free });
	cJSON *root;
	if (set->n == 1) {
		root = facts_device_json(set->v[0], &next[0]);
	} else {
		root = cJSON_CreateArray();
		for (size_t i = 0; i < set->n; i++)
			cJSON_AddItemToArray(root, facts_device_json(set->v[i], &next[i]));
	}
	char *s = ip_json_print_utf8(root, 1); /* capture bytes need not be UTF-8 */
	cJSON_InitHooks(NULL);
	ip_arena_free(json_arena);
	json_arena = NULL;
	puts(s);
	free(s);
	return EXIT_CLEAN;
}

int cmd_facts(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int fmt = FMT_TEXT, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		if (c == 'f' && (fmt = cli_format_index("facts", optarg, formats)) < 0)
			return EXIT_INPUT;
		if (c == 'h') {
			usage(stdout);
			return EXIT_CLEAN;
		}
		if (c == '?') {
			usage(stderr);
			return EXIT_INPUT;
		}
	}
	if (optind >= argc) {
		fputs("iosplan facts: error: no capture file given\n", stderr);
		usage(stderr);
		return EXIT_INPUT;
	}
	ip_device_set *set;
	int rc = cli_load(&set, argv + optind, argc - optind);
	if (rc == EXIT_CLEAN) {
		ip_boot_prediction *next = ip_arena_alloc(set->arena, (set->n ? set->n : 1) * sizeof(*next));
		for (size_t i = 0; i < set->n; i++)
			ip_boot_predict(&next[i], set->arena, set->v[i]);
		if (fmt == FMT_JSON)
			rc = print_json(set, next);
		else
			for (size_t i = 0; i < set->n; i++)
				facts_device_text(stdout, set->v[i], &next[i]);
	}
	ip_device_set_free(set);
	return rc;
}
