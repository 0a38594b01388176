/* iosplan lint [TARGET OPTIONS] [--config FILE] [--format FMT] FILE...
 *
 * Runs every rule over every device in the captures and prints the
 * findings. The target image options are target_args.h's: one --target
 * for every device, or a --catalog that picks each device's image. Exit 1
 * when any finding is an error, 2 on usage or input errors, else 0. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "config.h"
#include "error.h"
#include "escape.h"
#include "format.h"
#include "target_args.h"

static void usage(FILE *out)
{
	fputs("usage: iosplan lint [TARGET OPTIONS] [--config FILE] [--format text|gcc|json|sarif|markdown|codeclimate]\n"
	      "                    [--color auto|always|never] FILE...\n"
	      "  Check the captures for what would make an upgrade or the next reload fail.\n"
	      IP_TARGET_USAGE
	      "  exit: 0 clean, 1 blocking findings (errors), 2 usage error or an input not used\n"
	      "        (after every other device is reported)\n", out);
}

typedef struct lint_args {
	ip_target_args targs;
	const char *config, *format, *color;
	char **files;
	int n_files;
} lint_args;

static int parse_args(lint_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		IP_TARGET_LONG_OPTIONS, { "config", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' }, { "color", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof(*a));
	a->format = "text";
	a->color = "auto";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "t:c:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': a->config = optarg; break;
		case 'f': a->format = optarg; break;
		case 'C': a->color = optarg; break;
		case 'h': usage(stdout); return EXIT_CLEAN + 100;
		default:
			if (ip_target_args_take(&a->targs, c, optarg))
				break;
			usage(stderr);
			return EXIT_INPUT;
		}
	}
	if (optind >= argc) {
		fputs("iosplan lint: error: no capture file given\n", stderr);
		return EXIT_INPUT;
	}
	a->files = argv + optind;
	a->n_files = argc - optind;
	return -1;
}

static bool want_color(const char *mode, FILE *out)
{
	if (strcmp(mode, "always") == 0)
		return true;
	if (strcmp(mode, "never") == 0)
		return false;
	const char *nc = getenv("NO_COLOR");
	return isatty(fileno(out)) && !(nc && *nc);
}

/* The target of each device (target_args.h); a device the catalogue has no
 * image for is checked without one, and the user is told. */
static int targets_for(const ip_target **out, const lint_args *a, ip_device_set *set,
		       const ip_config *cfg)
{
	ip_targets *ts;
	int rc = ip_targets_new(&ts, set->arena, &a->targs, cfg->target, cfg->path);
	for (size_t i = 0; !rc && i < set->n; i++) {
		const char *why;
		rc = ip_targets_for_device(&out[i], &why, ts, set->v[i]);
		if (!rc && why)
			fprintf(stderr, "iosplan lint: warning: %s: %s; its target checks are skipped\n",
				ip_esc_text(set->arena, ip_device_name(set->v[i]) ? ip_device_name(set->v[i])
										  : set->v[i]->key), why);
	}
	if (rc) {
		const char *msg = ip_error_last(); /* the catalogue's carry "path:l:c: error:" */
		fprintf(stderr, "%s%s\n", strstr(msg, ": error: ") ? "" : "iosplan lint: error: ", msg);
		return EXIT_INPUT;
	}
	out[set->n] = ip_targets_fixed(ts);
	return EXIT_CLEAN;
}

static int run(const lint_args *a, const ip_writer *w, ip_device_set *set, const ip_config *cfg)
{
	const ip_target **targets = ip_arena_alloc(set->arena, (set->n + 1) * sizeof(*targets));
	if (targets_for(targets, a, set, cfg))
		return EXIT_INPUT;
	const ip_target *target = targets[set->n];
	ip_device_check *checks = ip_arena_alloc(set->arena, (set->n ? set->n : 1) * sizeof(*checks));
	int rc = EXIT_CLEAN;
	for (size_t i = 0; i < set->n; i++) {
		ip_check_device(&checks[i], set->arena, set->v[i], targets[i], &cfg->check);
		/* an unordered disagreement between files (printed with the input
		 * diagnostics) blocks the plan, so lint fails on it as well */
		if (ip_device_check_worst(&checks[i]) == IP_SEV_ERROR || set->v[i]->n_conflicts)
			rc = EXIT_FINDINGS;
	}
	/* Only SARIF prints the rule catalogue (its rule descriptors): parsing
	 * the built-in rules.yaml cost the other formats as much as reading
	 * the captures (4 M of 8.8 M instructions for one router). */
	const ip_catalogue *cat = w == &format_sarif ? ip_catalogue_builtin() : NULL;
	ip_lint_result r = { set, checks, set->n, target, cat, want_color(a->color, stdout) };
	/* a failed write to stdout is reported by main (cli_output_close) */
	return ip_lint_write(w, stdout, &r) < 0 ? EXIT_INPUT : rc;
}

int cmd_lint(int argc, char **argv)
{
	lint_args a;
	int rc = parse_args(&a, argc, argv);
	if (rc == EXIT_CLEAN + 100)
		return EXIT_CLEAN;
	if (rc >= 0)
		return rc;
	const ip_writer *w = ip_writer_find(a.format);
	if (!w) {
		fprintf(stderr, "iosplan lint: error: unknown format '%s' (text, gcc, json, sarif, markdown, codeclimate)\n", a.format);
		return EXIT_INPUT;
	}
	if (strcmp(a.color, "auto") && strcmp(a.color, "always") && strcmp(a.color, "never")) {
		fprintf(stderr, "iosplan lint: error: --color is auto, always or never\n");
		return EXIT_INPUT;
	}
	ip_device_set *set;
	int in = cli_load(&set, a.files, a.n_files);
	rc = EXIT_INPUT;
	if (in != CLI_LOAD_FAILED) {
		ip_config cfg;
		if (ip_config_open(&cfg, set->arena, a.config, a.files[0]))
			cli_error_print(ip_error_last());
		else /* every device that could be read, whatever another file did */
			rc = cli_exit_worst(in, run(&a, w, set, &cfg));
	}
	ip_device_set_free(set);
	return rc;
}
