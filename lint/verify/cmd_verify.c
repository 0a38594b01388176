/* iosplan verify --before FILE... --after FILE... [target options]
 *                [--soak-hours N] [--format text|json|markdown|sarif]
 *                [--config FILE]
 *
 * Reads the captures taken before and after an upgrade, pairs the devices
 * by hostname, and judges each (planner/verify.h). A pair whose serial
 * numbers or model differ is another chassis: its same-device check fails
 * and nothing else is judged (planner/verify_identity.c). Exit 0 when every
 * check the captures allow passes, 1 when any fails (another chassis
 * included), 2 on usage or input errors.
 *
 * --before and --after each take every file up to the next option, so
 * shell globs work: `--before pre-*.log --after post-*.log`. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "commands.h"
#include "config.h"
#include "error.h"
#include "escape.h"
#include "target_args.h"
#include "verify_out.h"

enum { OPT_SOAK = 0x1300 };

static void usage(FILE *out)
{
	fputs("usage: iosplan verify --before FILE... --after FILE... [TARGET OPTIONS]\n"
	      "                      [--soak-hours N] [--format text|json|markdown|sarif] [--config FILE]\n"
	      "  Check the captures taken after an upgrade against those taken before it: the\n"
	      "  stage reached (after transfer, after boot change and save, after reload), the\n"
	      "  image and its hash, the boot list, the running version and image, the register,\n"
	      "  the interfaces and neighbours, and whether the old image may now be deleted.\n"
	      IP_TARGET_USAGE
	      "  --soak-hours N   hours the new release runs before the clean-up (default 24)\n"
	      "  exit: 0 every check the captures allow passes, 1 a check failed,\n"
	      "        2 usage or unreadable input\n", out);
}

static const struct option opts[] = {
	IP_TARGET_LONG_OPTIONS,
	{ "soak-hours", required_argument, NULL, OPT_SOAK },
	{ "format", required_argument, NULL, 'f' },
	{ "config", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

typedef struct verify_args {
	ip_target_args target;
	const char *format, *config, *soak;
	char **before, **after;
	int n_before, n_after;
	char **rest; /* the options, for getopt_long */
	int n_rest;
} verify_args;

/* Whether argv[i] is an option that takes the next word as its value. */
static bool takes_value(const char *arg)
{
	if (arg[0] == '-' && arg[1] && arg[1] != '-' && !arg[2])
		return strchr("tfc", arg[1]) != NULL;
	if (strncmp(arg, "--", 2) != 0 || strchr(arg, '='))
		return false;
	for (const struct option *o = opts; o->name; o++)
		if (strcmp(arg + 2, o->name) == 0)
			return o->has_arg == required_argument;
	return false;
}

/* Split argv into the --before files, the --after files and the options. */
static int split_args(verify_args *a, int argc, char **argv)
{
	a->before = calloc((size_t)argc, sizeof(char *));
	a->after = calloc((size_t)argc, sizeof(char *));
	a->rest = calloc((size_t)argc + 1, sizeof(char *));
	if (!a->before || !a->after || !a->rest)
		ip_out_of_memory();
	a->rest[a->n_rest++] = argv[0];
	int side = 0; /* 1 before, 2 after */
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (!strcmp(s, "--before") || !strcmp(s, "--after")) {
			side = s[2] == 'b' ? 1 : 2;
		} else if (!strncmp(s, "--before=", 9) || !strncmp(s, "--after=", 8)) {
			side = s[2] == 'b' ? 1 : 2;
			char *f = strchr(argv[i], '=') + 1;
			if (side == 1)
				a->before[a->n_before++] = f;
			else
				a->after[a->n_after++] = f;
		} else if (s[0] == '-' && s[1]) {
			a->rest[a->n_rest++] = argv[i];
			if (takes_value(s) && i + 1 < argc)
				a->rest[a->n_rest++] = argv[++i];
		} else if (side == 1) {
			a->before[a->n_before++] = argv[i];
		} else if (side == 2) {
			a->after[a->n_after++] = argv[i];
		} else {
			fprintf(stderr, "iosplan verify: error: '%s': say whether it was captured "
				"--before or --after the change\n", s);
			return EXIT_INPUT;
		}
	}
	return -1;
}

static int parse_args(verify_args *a, int argc, char **argv)
{
	memset(a, 0, sizeof(*a));
	a->format = "text";
	int rc = split_args(a, argc, argv);
	if (rc >= 0)
		return rc;
	int c;
	optind = 1;
	while ((c = getopt_long(a->n_rest, a->rest, "t:f:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f': a->format = optarg; break;
		case 'c': a->config = optarg; break;
		case OPT_SOAK: a->soak = optarg; break;
		case 'h': usage(stdout); return EXIT_CLEAN + 100;
		default:
			if (ip_target_args_take(&a->target, c, optarg))
				break;
			usage(stderr);
			return EXIT_INPUT;
		}
	}
	if (!a->n_after) {
		fputs("iosplan verify: error: no --after capture given (the captures taken after "
		      "the change)\n", stderr);
		return EXIT_INPUT;
	}
	return -1;
}

static int options(ip_verify_options *o, ip_verify_format *fmt, const verify_args *a)
{
	ip_verify_options_defaults(o);
	if (!ip_verify_format_parse(a->format, fmt)) {
		fprintf(stderr, "iosplan verify: error: unknown format '%s' (text, json, markdown, "
			"sarif)\n", a->format);
		return EXIT_INPUT;
	}
	if (a->soak) {
		char *end;
		unsigned long h = strtoul(a->soak, &end, 10);
		if (end == a->soak || *end || a->soak[0] == '-' || h > 8760) {
			fputs("iosplan verify: error: --soak-hours is hours, 0 to 8760\n", stderr);
			return EXIT_INPUT;
		}
		o->soak_hours = (unsigned)h;
	}
	return -1;
}

/* The before device of `d`: the same hostname; or, with one device on
 * each side and one of them unnamed, that one. */
static const ip_device *pair(const ip_device_set *before, const ip_device_set *after,
			     const ip_device *d)
{
	for (size_t i = 0; before && i < before->n; i++)
		if (strcasecmp(before->v[i]->key, d->key) == 0)
			return before->v[i];
	if (before && before->n == 1 && after->n == 1 && (!*d->key || !*before->v[0]->key))
		return before->v[0];
	return NULL;
}

static void unpaired_before(const ip_device_set *before, const ip_verify_device *v, size_t n)
{
	for (size_t i = 0; before && i < before->n; i++) {
		bool used = false;
		for (size_t k = 0; k < n && !used; k++)
			used = v[k].before == before->v[i];
		if (!used)
			fprintf(stderr, "iosplan verify: warning: %s: captured before the change only; "
				"it is not verified\n",
				*before->v[i]->key ? ip_esc_text(before->arena, before->v[i]->key) : "(unnamed device)");
	}
}

static int run(const verify_args *a, ip_device_set *before, ip_device_set *after,
	       ip_verify_options *o, ip_verify_format fmt)
{
	ip_config cfg;
	ip_targets *ts;
	if (ip_config_open(&cfg, after->arena, a->config, a->after[0]) ||
	    ip_targets_new(&ts, after->arena, &a->target, cfg.target, cfg.path)) {
		cli_error_print(ip_error_last());
		return EXIT_INPUT;
	}
	if (!after->n) {
		fputs("iosplan verify: error: the after-captures show no device\n", stderr);
		return EXIT_INPUT;
	}
	o->check = &cfg.check;
	ip_verify_device *v = ip_arena_alloc(after->arena, after->n * sizeof(*v));
	int rc = EXIT_CLEAN;
	for (size_t i = 0; i < after->n; i++) {
		const ip_device *b = pair(before, after, after->v[i]);
		const ip_target *t = NULL;
		const char *why = NULL;
		if (ip_targets_for_device(&t, &why, ts, b ? b : after->v[i])) {
			cli_error_print(ip_error_last());
			return EXIT_INPUT;
		}
		ip_verify_device_run(&v[i], after->arena, b, after->v[i], t, why, o);
		/* after the reload, "not verified" is not "done" either: a
		 * pipeline that closes the change on exit 0 must not close one
		 * whose decisive checks were never made (issue 23, point 8) */
		if (ip_verify_failed(&v[i]) ||
		    (v[i].stage == IP_VSTAGE_RELOAD && !ip_verify_done(&v[i])))
			rc = EXIT_FINDINGS;
	}
	unpaired_before(before, v, after->n);
	ip_verify_report r = { before, after, v, after->n, o->soak_hours };
	/* a failed write to stdout is reported by main (cli_output_close) */
	if (ip_verify_write(fmt, stdout, &r) && !ferror(stdout)) {
		fputs("iosplan verify: error: cannot write the result\n", stderr);
		return EXIT_INPUT;
	}
	return rc;
}

int cmd_verify(int argc, char **argv)
{
	verify_args a;
	int rc = parse_args(&a, argc, argv);
	ip_verify_options o;
	ip_verify_format fmt;
	if (rc < 0)
		rc = options(&o, &fmt, &a);
	ip_device_set *before = NULL, *after = NULL;
	/* a file of either side that could not be used is said, and every
	 * device the others show is still verified (issue 23 point 1) */
	int in = EXIT_CLEAN, r;
	if (rc < 0 && a.n_before && (r = cli_load(&before, a.before, a.n_before)) >= 0)
		in = r;
	else if (rc < 0 && a.n_before)
		rc = EXIT_INPUT;
	if (rc < 0 && (r = cli_load(&after, a.after, a.n_after)) >= 0)
		in = cli_exit_worst(in, r);
	else if (rc < 0)
		rc = EXIT_INPUT;
	/* a verdict on a guessed running image is no verdict: the error above
	 * names the files and the capture that orders them */
	if (rc < 0 && (cli_has_conflicts(before) || cli_has_conflicts(after)))
		rc = EXIT_INPUT;
	if (rc < 0)
		rc = cli_exit_worst(in, run(&a, before, after, &o, fmt));
	ip_device_set_free(before);
	ip_device_set_free(after);
	free(a.before);
	free(a.after);
	free(a.rest);
	return rc == EXIT_CLEAN + 100 ? EXIT_CLEAN : rc;
}
