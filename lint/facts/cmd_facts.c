/* iosplan facts [--format text|json] [--config FILE] FILE...
 *
 * Prints the device state read from the captures. Several devices in the
 * input give a JSON array, one device a JSON object. Any input error
 * (unreadable file, not a capture, truncated output) prints the diagnostics,
 * nothing on standard output, and exits 2: half a fact sheet is not one.
 * The configuration is found and loaded as lint finds it (ip_config_open):
 * its file_name_case decides what the next-boot trace finds, as it does
 * for lint and plan. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "config.h"
#include "error.h"
#include "facts.h"
#include "json_build.h"
#include "json_utf8.h"

static const char *const formats[] = { "text", "json", NULL };
enum { FMT_TEXT, FMT_JSON };

static void usage(FILE *out)
{
	fputs("usage: iosplan facts [--format text|json] [--config FILE] FILE...\n"
	      "  Print what iosplan reads from the captures: one device state per device.\n"
	      "  FILE may be '-' for standard input.\n"
	      "  --config FILE  .iosplan.yaml (default: found upward from FILE)\n", out);
}

/* One device's document, printed `depth` deep. Its nodes come from a pool
 * (json_build.h) and go with it: a fleet's facts are hundreds of thousands
 * of small nodes, and malloc'ing then freeing each one cost as much as
 * building them (callgrind, bench/run-suite). Its keys are literals, so
 * one printer serves every device. */
static int print_device_json(ip_json_printer *pr, const ip_device *d,
			     const ip_boot_prediction *next, size_t depth)
{
	jb_pool_begin();
	fputs(ip_json_printer_run(pr, facts_device_json(d, next), depth), stdout);
	jb_pool_end();
	return ferror(stdout) ? -1 : 0;
}

/* One device: its object. Several: an array, printed one element at a
 * time (the same bytes as printing the whole array), so that memory does
 * not grow with the fleet's output. A failed write stops it (the writer
 * contract, cli.h): main says why. */
static int print_json(const ip_device_set *set, const ip_boot_prediction *next)
{
	ip_json_printer *pr = ip_json_printer_new(1);
	int rc = 0;
	if (set->n == 1) {
		rc = print_device_json(pr, set->v[0], &next[0], 0);
		putchar('\n');
	} else {
		putchar('[');
		for (size_t i = 0; i < set->n && rc == 0; i++) {
			rc = print_device_json(pr, set->v[i], &next[i], 1);
			if (i + 1 < set->n)
				fputs(", ", stdout);
		}
		puts("]");
	}
	ip_json_printer_free(pr);
	return rc || ferror(stdout) ? EXIT_INPUT : EXIT_CLEAN;
}

int cmd_facts(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int fmt = FMT_TEXT, c;
	const char *config = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:c:h", opts, NULL)) != -1) {
		if (c == 'c')
			config = optarg;
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
	/* a file that could not be used is said, and every other device's
	 * facts are still printed (issue 23 point 1) */
	int in = cli_load(&set, argv + optind, argc - optind);
	int rc = in == CLI_LOAD_FAILED ? EXIT_INPUT : EXIT_CLEAN;
	ip_config cfg;
	if (rc == EXIT_CLEAN && ip_config_open(&cfg, set->arena, config, argv[optind])) {
		cli_error_print(ip_error_last());
		rc = EXIT_INPUT;
	}
	if (rc == EXIT_CLEAN) {
		ip_boot_prediction *next = ip_arena_alloc(set->arena, (set->n ? set->n : 1) * sizeof(*next));
		for (size_t i = 0; i < set->n; i++)
			ip_boot_predict(&next[i], set->arena, set->v[i]);
		if (fmt == FMT_JSON)
			rc = print_json(set, next);
		else
			for (size_t i = 0; i < set->n && rc == EXIT_CLEAN; i++)
				if (facts_device_text(stdout, set->v[i], &next[i]) < 0)
					rc = EXIT_INPUT; /* main says why (cli_output_close) */
		rc = cli_exit_worst(in, rc);
	}
	ip_device_set_free(set);
	return rc;
}
