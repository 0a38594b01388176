/* iosplan plan [target options] [--tftp-server IP] [--transfer tftp|scp]
 *              [--reload-in MIN] [--format text|markdown|json|ansible]
 *              [--allow-delete-running] [--allow-no-fallback] [--issu]
 *              [--vrf NAME [--source-interface IF]]
 *              [--install-steps one-shot|two-step] [--auto-abort-timer MIN]
 *              [--convert-to-install] [--config FILE] FILE...
 *
 * Builds, proves and prints the upgrade plan of every device in the
 * captures (planner/plan.h). Exit 0 when every device has a plan, 1 when
 * any was refused (its blocking findings and reasons are printed instead),
 * 2 on usage or input errors. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_token.h"
#include "commands.h"
#include "config.h"
#include "error.h"
#include "plan_write.h"
#include "target_args.h"

enum {
	OPT_SERVER = 0x1200,
	OPT_TRANSFER,
	OPT_RELOAD_IN,
	OPT_ALLOW_DELETE_RUNNING,
	OPT_ALLOW_NO_FALLBACK,
	OPT_ISSU,
	OPT_VRF,
	OPT_SOURCE_INTERFACE,
	OPT_INSTALL_STEPS,
	OPT_ABORT_TIMER,
	OPT_CONVERT,
};

static void usage(FILE *out)
{
	fputs("usage: iosplan plan --target IMAGE --md5 HASH --size BYTES [options] FILE...\n"
	      IP_TARGET_USAGE
	      "  --tftp-server IP           the transfer server (tftp and scp)\n"
	      "  --transfer tftp|scp        how the image is copied (default tftp)\n"
	      "  --reload-in MIN            `reload in MIN` (default 5; 0: an immediate reload)\n"
	      "  --allow-delete-running     may delete the running image when nothing else makes\n"
	      "                             room (routers: a `boot system tftp` fallback replaces it)\n"
	      "  --allow-no-fallback        print a plan even when no fallback image is proved\n"
	      "                             (else refused: a failed boot would end in ROMMON)\n"
	      "  --issu                     an in-service upgrade (standby RP hot in SSO,\n"
	      "                             install mode, an EM step); else refused, saying why\n"
	      "  --vrf NAME                 reach the server through VRF NAME (Mgmt-vrf, Mgmt-intf):\n"
	      "                             `ping vrf`, and every transfer in that VRF\n"
	      "  --source-interface IF      with --vrf where the copy has no vrf keyword: the\n"
	      "                             interface in the VRF (default: the captured one)\n"
	      "  --install-steps one-shot|two-step   install mode: install add ... activate\n"
	      "                             commit (default), or add, activate with the auto-abort\n"
	      "                             timer, post-checks, then install commit\n"
	      "  --auto-abort-timer MIN     two-step: minutes before an uncommitted activation\n"
	      "                             reverts (30 to 1200, default 120)\n"
	      "  --convert-to-install       a standalone Catalyst 9000 or 3650/3850 in bundle\n"
	      "                             mode: boot packages.conf, then install add ...\n"
	      "                             activate commit (bundle mode is deprecated there)\n"
	      "  --format text|markdown|json|ansible   (default text)\n"
	      "  --config FILE              .iosplan.yaml (default: found upward from FILE)\n"
	      "  Print the ordered, simulated upgrade plan, or the findings that block it.\n"
	      "  exit: 0 planned (or nothing to do: it runs the target and boots it next),\n"
	      "        1 refused (blocking findings), 2 usage or unreadable input\n", out);
}

typedef struct plan_args {
	ip_target_args target;
	const char *server, *transfer, *reload_in, *format, *config, *vrf, *source_if;
	const char *steps, *timer;
	bool allow_delete_running, allow_no_fallback, issu, convert;
	char **files;
	int n_files;
} plan_args;

static int take(plan_args *a, int c, const char *arg)
{
	switch (c) {
	case OPT_SERVER: a->server = arg; break;
	case OPT_TRANSFER: a->transfer = arg; break;
	case OPT_RELOAD_IN: a->reload_in = arg; break;
	case OPT_ALLOW_DELETE_RUNNING: a->allow_delete_running = true; break;
	case OPT_ALLOW_NO_FALLBACK: a->allow_no_fallback = true; break;
	case OPT_ISSU: a->issu = true; break;
	case OPT_VRF: a->vrf = arg; break;
	case OPT_SOURCE_INTERFACE: a->source_if = arg; break;
	case OPT_INSTALL_STEPS: a->steps = arg; break;
	case OPT_ABORT_TIMER: a->timer = arg; break;
	case OPT_CONVERT: a->convert = true; break;
	case 'f': a->format = arg; break;
	case 'c': a->config = arg; break;
	case 'h': usage(stdout); return EXIT_CLEAN + 100;
	default:
		if (ip_target_args_take(&a->target, c, arg))
			break;
		usage(stderr);
		return EXIT_INPUT;
	}
	return -1;
}

static int parse_args(plan_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		IP_TARGET_LONG_OPTIONS,
		{ "tftp-server", required_argument, NULL, OPT_SERVER },
		{ "transfer", required_argument, NULL, OPT_TRANSFER },
		{ "reload-in", required_argument, NULL, OPT_RELOAD_IN },
		{ "allow-delete-running", no_argument, NULL, OPT_ALLOW_DELETE_RUNNING },
		{ "allow-no-fallback", no_argument, NULL, OPT_ALLOW_NO_FALLBACK },
		{ "issu", no_argument, NULL, OPT_ISSU },
		{ "vrf", required_argument, NULL, OPT_VRF },
		{ "source-interface", required_argument, NULL, OPT_SOURCE_INTERFACE },
		{ "install-steps", required_argument, NULL, OPT_INSTALL_STEPS },
		{ "auto-abort-timer", required_argument, NULL, OPT_ABORT_TIMER },
		{ "convert-to-install", no_argument, NULL, OPT_CONVERT },
		{ "format", required_argument, NULL, 'f' },
		{ "config", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof(*a));
	a->format = "text";
	int c, rc;
	optind = 1;
	while ((c = getopt_long(argc, argv, "t:f:c:h", opts, NULL)) != -1)
		if ((rc = take(a, c, optarg)) >= 0)
			return rc;
	if (optind >= argc) {
		fputs("iosplan plan: error: no capture file given\n", stderr);
		return EXIT_INPUT;
	}
	a->files = argv + optind;
	a->n_files = argc - optind;
	return -1;
}

/* A server is an address or a host name: no spaces, slashes or '@', and
 * one token the device CLI can be given (cli_token.h). NULL when it is,
 * else why not. The name is not echoed: it may hold a line break. */
static const char *server_bad(const char *s, char *buf, size_t n)
{
	const char *why = ip_cli_check(s, IP_CLI_TOKEN, buf, n);
	if (!why && (strlen(s) >= 256 || strpbrk(s, "/@:\\\"'")))
		why = "it holds '/', '@', ':', a quote or a backslash, or is over 255 characters";
	return why;
}

static int options(ip_plan_options *o, ip_plan_format *fmt, const plan_args *a)
{
	ip_plan_options_defaults(o);
	if (!ip_plan_format_parse(a->format, fmt)) {
		fprintf(stderr, "iosplan plan: error: unknown format '%s' (text, markdown, json, "
			"ansible)\n", a->format);
		return EXIT_INPUT;
	}
	char buf[IP_CLI_WHY_SIZE];
	const char *why = a->server ? server_bad(a->server, buf, sizeof(buf)) : NULL;
	if (why) {
		fprintf(stderr, "iosplan plan: error: --tftp-server is not an address or host name: "
			"%s\n", why);
		return EXIT_INPUT;
	}
	o->server = a->server;
	if (a->transfer && strcmp(a->transfer, "tftp") && strcmp(a->transfer, "scp")) {
		fprintf(stderr, "iosplan plan: error: --transfer is tftp or scp\n");
		return EXIT_INPUT;
	}
	o->transfer = a->transfer && !strcmp(a->transfer, "scp") ? IP_TRANSFER_SCP
								 : IP_TRANSFER_TFTP;
	if (a->reload_in) {
		char *end;
		unsigned long m = strtoul(a->reload_in, &end, 10);
		if (end == a->reload_in || *end || a->reload_in[0] == '-' || m > 1440) {
			fprintf(stderr, "iosplan plan: error: --reload-in is minutes, 0 to 1440\n");
			return EXIT_INPUT;
		}
		o->reload_in = (unsigned)m;
	}
	if (a->steps && strcmp(a->steps, "one-shot") && strcmp(a->steps, "two-step")) {
		fprintf(stderr, "iosplan plan: error: --install-steps is one-shot or two-step\n");
		return EXIT_INPUT;
	}
	o->install_steps = a->steps && !strcmp(a->steps, "two-step") ? IP_STEPS_TWO_STEP
								      : IP_STEPS_ONE_SHOT;
	if (a->timer) {
		/* the documented range of install activate auto-abort-timer
		 * (Cisco C8000V upgrade guide: <30-1200>, default 120) */
		char *end;
		unsigned long m = strtoul(a->timer, &end, 10);
		if (end == a->timer || *end || a->timer[0] == '-' || m < 30 || m > 1200) {
			fprintf(stderr, "iosplan plan: error: --auto-abort-timer is minutes, 30 to "
				"1200\n");
			return EXIT_INPUT;
		}
		o->abort_timer = (unsigned)m;
	}
	o->convert_install = a->convert;
	o->allow_delete_running = a->allow_delete_running;
	o->allow_no_fallback = a->allow_no_fallback;
	o->issu = a->issu;
	/* a VRF or interface name is one CLI token: it is typed in commands */
	const char *flag = "vrf";
	why = a->vrf ? ip_cli_check(a->vrf, IP_CLI_TOKEN, buf, sizeof(buf)) : NULL;
	if (!why && a->source_if) {
		flag = "source-interface";
		why = ip_cli_check(a->source_if, IP_CLI_TOKEN, buf, sizeof(buf));
	}
	if (why) {
		fprintf(stderr, "iosplan plan: error: --%s is not one CLI word: %s\n", flag, why);
		return EXIT_INPUT;
	}
	if (a->source_if && !a->vrf) {
		fprintf(stderr, "iosplan plan: error: --source-interface needs --vrf\n");
		return EXIT_INPUT;
	}
	o->vrf = a->vrf;
	o->source_interface = a->source_if;
	o->ansible = *fmt == IP_PLAN_ANSIBLE;
	return -1;
}

/* One plan per device; returns the exit code. */
static int plan_all(ip_device_set *set, ip_targets *targets, const ip_plan_options *o,
		    ip_plan_format fmt)
{
	const ip_plan **plans = ip_arena_alloc(set->arena, (set->n + 1) * sizeof(*plans));
	int rc = EXIT_CLEAN;
	for (size_t i = 0; i < set->n; i++) {
		const ip_target *t = NULL;
		const char *why = NULL;
		if (ip_targets_for_device(&t, &why, targets, set->v[i])) {
			cli_error_print(ip_error_last());
			return EXIT_INPUT;
		}
		ip_plan *p = ip_arena_alloc(set->arena, sizeof(*p));
		ip_plan_build(p, set->arena, set->v[i], t, o);
		if (!t && why)
			*IP_PUSH(set->arena, p->reasons, p->n_reasons, p->cap_reasons) = why;
		plans[i] = p;
		if (p->refused)
			rc = EXIT_FINDINGS;
	}
	/* a failed write to stdout is reported by main (cli_output_close) */
	if (ip_plan_write(fmt, stdout, stderr, plans, set->n) && !ferror(stdout)) {
		fputs("iosplan plan: error: cannot write the plan\n", stderr);
		return EXIT_INPUT;
	}
	return rc;
}

static int run(const plan_args *a, ip_device_set *set, const ip_plan_options *base,
	       ip_plan_format fmt)
{
	ip_config cfg;
	if (ip_config_open(&cfg, set->arena, a->config, a->files[0])) {
		cli_error_print(ip_error_last());
		return EXIT_INPUT;
	}
	ip_targets *targets;
	if (ip_targets_new(&targets, set->arena, &a->target, cfg.target, cfg.path)) {
		cli_error_print(ip_error_last());
		return EXIT_INPUT;
	}
	if (!set->n) {
		fputs("iosplan plan: error: the captures show no device\n", stderr);
		return EXIT_INPUT;
	}
	ip_plan_options o = *base;
	o.check = &cfg.check;
	return plan_all(set, targets, &o, fmt);
}

int cmd_plan(int argc, char **argv)
{
	plan_args a;
	int rc = parse_args(&a, argc, argv);
	if (rc == EXIT_CLEAN + 100)
		return EXIT_CLEAN;
	if (rc >= 0)
		return rc;
	ip_plan_options o;
	ip_plan_format fmt;
	if ((rc = options(&o, &fmt, &a)) >= 0)
		return rc;
	ip_device_set *set;
	int in = cli_load(&set, a.files, a.n_files);
	/* every device that could be read is planned, whatever another file
	 * did (issue 23 point 1); the exit code says the worst */
	rc = in == CLI_LOAD_FAILED ? EXIT_INPUT : cli_exit_worst(in, run(&a, set, &o, fmt));
	ip_device_set_free(set);
	return rc;
}
