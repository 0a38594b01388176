/* iosplan audit [TARGET OPTIONS] [--jobs N] [--format FMT] [--output FILE]
 *               [--progress auto|always|never] [--config FILE] PATH...
 *
 * Walks a fleet's backups (folders, files, .tar/.tar.gz/.tar.xz/.zip
 * archives; RANCID, Oxidized, session logs and bare outputs) and answers per
 * device: would it come back from a reload today, is it on the approved
 * image, and could the upgrade be planned now or what blocks it. Then the
 * fleet summary. See lint/audit/audit.h for how, docs/audit.md for the
 * formats. Exit 2 on usage errors, when no PATH can be read at all, or
 * when any input could not be used (after the whole report: the others
 * are all in it), else 1 when any device has an error finding, else 0.
 * What a folder walk skips on purpose as no input by its kind (a pipe,
 * a socket, a device, a link inside a folder, another vendor's RANCID
 * backup) is noted and does not change the exit code. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "cli.h"
#include "commands.h"
#include "error.h"
#include "report_file.h"

enum { OPT_JOBS = 0x1300, OPT_OUTPUT, OPT_PROGRESS };

static void usage(FILE *out)
{
	fputs("usage: iosplan audit [TARGET OPTIONS] [--jobs N] [--format table|jsonl|csv|sarif|markdown]\n"
	      "                     [--output FILE] [--progress auto|always|never] [--config FILE] PATH...\n"
	      "  Audit a fleet's backups: PATH is a folder (walked), a file, or an archive\n"
	      "  (.tar, .tar.gz/.tgz, .tar.xz, .zip, read as a stream). Per device: the next reload,\n"
	      "  the approved image (--catalog) and whether the upgrade can be planned now.\n"
	      IP_TARGET_USAGE
	      "  --jobs N       worker threads (default: one per CPU); never changes the output\n"
	      "  --format FMT   table (default on a terminal), jsonl (default otherwise), csv,\n"
	      "                 sarif, markdown\n"
	      "  --output FILE  write there instead of standard output, replacing FILE only\n"
	      "                 once the report is whole; FILE may not be one of the inputs\n"
	      "  --progress     a progress bar on standard error (auto: when it is a terminal)\n"
	      "  exit: 0 no device has an error finding, 1 some device has one, 2 usage error or\n"
	      "        any input could not be used (after the whole report)\n", out);
}

typedef struct audit_args {
	ip_target_args targs;
	const char *config, *format, *output, *progress, *jobs;
	char **paths;
	int n_paths;
} audit_args;

static int take(audit_args *a, int c, const char *arg)
{
	switch (c) {
	case 'c': a->config = arg; break;
	case 'f': a->format = arg; break;
	case 'j': case OPT_JOBS: a->jobs = arg; break;
	case 'o': case OPT_OUTPUT: a->output = arg; break;
	case OPT_PROGRESS: a->progress = arg; break;
	case 'h': usage(stdout); return EXIT_CLEAN + 100;
	default:
		if (ip_target_args_take(&a->targs, c, arg))
			break;
		usage(stderr);
		return EXIT_INPUT;
	}
	return -1;
}

static int parse_args(audit_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		IP_TARGET_LONG_OPTIONS,
		{ "config", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, OPT_JOBS },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ "progress", required_argument, NULL, OPT_PROGRESS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof(*a));
	a->progress = "auto";
	int c, rc;
	optind = 1;
	while ((c = getopt_long(argc, argv, "t:c:f:j:o:h", opts, NULL)) != -1)
		if ((rc = take(a, c, optarg)) >= 0)
			return rc;
	if (optind >= argc) {
		fputs("iosplan audit: error: no PATH given (a folder, file or archive of backups)\n",
		      stderr);
		return EXIT_INPUT;
	}
	a->paths = argv + optind;
	a->n_paths = argc - optind;
	return -1;
}

static bool jobs_read(const char *s, unsigned *out)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (!s) {
		*out = cpus > 0 ? (cpus > 64 ? 64 : (unsigned)cpus) : 1;
		return true;
	}
	char *end;
	unsigned long v = strtoul(s, &end, 10);
	if (end == s || *end || s[0] == '-' || v < 1 || v > 256)
		return false;
	*out = (unsigned)v;
	return true;
}

static int options(audit_options *o, const audit_args *a)
{
	if (!jobs_read(a->jobs, &o->jobs)) {
		fputs("iosplan audit: error: --jobs is a number from 1 to 256\n", stderr);
		return EXIT_INPUT;
	}
	const char *p = a->progress;
	if (strcmp(p, "auto") && strcmp(p, "always") && strcmp(p, "never")) {
		fputs("iosplan audit: error: --progress is auto, always or never\n", stderr);
		return EXIT_INPUT;
	}
	o->progress = !strcmp(p, "always") || (!strcmp(p, "auto") && isatty(STDERR_FILENO));
	bool tty = !a->output && isatty(STDOUT_FILENO);
	o->format = audit_format_find(a->format ? a->format : tty ? "table" : "jsonl");
	if (!o->format) {
		fprintf(stderr, "iosplan audit: error: unknown format '%s' (table, jsonl, csv, sarif, "
			"markdown)\n", a->format);
		return EXIT_INPUT;
	}
	return -1;
}

/* The configuration, the targets, and the catalogue for the per-device
 * "no approved image" test. */
static int setup(audit_options *o, ip_config *cfg, ip_arena *ar, const audit_args *a)
{
	if (ip_config_open(cfg, ar, a->config, a->paths[0])) {
		cli_error_print(ip_error_last());
		return EXIT_INPUT;
	}
	o->config = cfg;
	if (ip_targets_new(&o->targets, ar, &a->targs, cfg->target, cfg->path)) {
		const char *msg = ip_error_last();
		fprintf(stderr, "%s%s\n", strstr(msg, ": error: ") ? "" : "iosplan audit: error: ", msg);
		return EXIT_INPUT;
	}
	ip_image_catalog *cat = NULL;
	if (a->targs.catalog && ip_image_catalog_load(&cat, ar, a->targs.catalog)) {
		cli_error_print(ip_error_last());
		return EXIT_INPUT;
	}
	o->catalog = cat;
	ip_plan_options_defaults(&o->plan);
	o->plan.check = &cfg->check;
	return -1;
}

/* --output is written beside FILE and renamed onto it on success
 * (report_file.h); no input may be the report itself: a PATH is checked
 * here, the files inside folders as the walk meets them. */
static int open_output(ip_report_file *rf, audit_guard *guard, const audit_args *a)
{
	if (ip_report_file_open(rf, a->output)) {
		fprintf(stderr, "iosplan audit: error: %s\n", ip_error_last());
		return EXIT_INPUT;
	}
	guard->n = rf->n;
	memcpy(guard->id, rf->id, sizeof(guard->id));
	for (int i = 0; i < a->n_paths; i++) {
		struct stat st;
		if (stat(a->paths[i], &st) == 0 && S_ISREG(st.st_mode))
			audit_guard_check(guard, a->paths[i], st.st_dev, st.st_ino);
	}
	return -1;
}

static int run(audit_options *o, const audit_args *a)
{
	ip_report_file rf = { .f = stdout };
	audit_guard guard = { .n = 0 };
	int rc;
	if (a->output && (rc = open_output(&rf, &guard, a)) >= 0)
		return rc;
	o->out = rf.f;
	o->guard = a->output ? &guard : NULL;
	audit_summary s = { 0 };
	size_t bad = guard.hit ? 0 : audit_run((const char *const *)a->paths, (size_t)a->n_paths, o, &s);
	/* The rule every command follows (issue 23): the whole report is
	 * written, then the exit says the worst that happened: 2 when any
	 * input could not be used, else 1 for an error finding. Only a run
	 * that read nothing, or met its own --output, is a failed audit. */
	bool failed = bad == (size_t)a->n_paths || guard.hit;
	rc = cli_exit_worst(s.with_input_errors ? EXIT_INPUT : EXIT_CLEAN,
			    s.with_errors ? EXIT_FINDINGS : EXIT_CLEAN);
	if (failed)
		rc = EXIT_INPUT;
	else if (s.with_input_errors && fflush(rf.f) == 0) /* said after the report */
		fprintf(stderr, "iosplan audit: error: %zu input%s could not be used (the report "
			"names them): exit 2\n", s.with_input_errors,
			s.with_input_errors == 1 ? "" : "s");
	if (guard.hit) {
		fprintf(stderr, "iosplan audit: error: --output %s is one of the inputs (%s): "
			"refusing to overwrite it\n", a->output, guard.hit);
		rc = EXIT_INPUT;
	}
	/* standard output is checked by main, like every command's */
	if (bad == (size_t)a->n_paths)
		fputs("iosplan audit: error: none of the paths could be read\n", stderr);
	/* A failed audit leaves the previous report as it was; one with some
	 * inputs not used is a whole report and replaces it. */
	if (a->output && failed) {
		ip_report_file_abort(&rf);
	} else if (a->output && ip_report_file_commit(&rf)) {
		fprintf(stderr, "iosplan audit: error: %s\n", ip_error_last());
		rc = EXIT_INPUT;
	}
	free(guard.hit);
	audit_summary_free(&s);
	return rc;
}

int cmd_audit(int argc, char **argv)
{
	audit_args a;
	int rc = parse_args(&a, argc, argv);
	if (rc == EXIT_CLEAN + 100)
		return EXIT_CLEAN;
	if (rc >= 0)
		return rc;
	audit_options o = { 0 };
	if ((rc = options(&o, &a)) >= 0)
		return rc;
	ip_arena *ar = ip_arena_new();
	ip_config cfg;
	rc = setup(&o, &cfg, ar, &a);
	if (rc < 0)
		rc = run(&o, &a);
	ip_arena_free(ar);
	return rc;
}
