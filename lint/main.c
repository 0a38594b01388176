/* iosplan: plan and check Cisco IOS / IOS-XE upgrades from saved captures. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "facts.h"
#include "iosplan_config.h"
#include "parallel.h"
#include "error.h"
#include "rx.h"

typedef struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} subcommand;

static const subcommand subcommands[] = {
	{ "lint", cmd_lint, "check the captures for what would make the upgrade or reload fail" },
	{ "plan", cmd_plan, "print the upgrade plan, proved by simulation, or what blocks it" },
	{ "facts", cmd_facts, "print the device state read from the captures" },
	{ "explain", cmd_explain, "explain a rule: what it catches, why, and the fix" },
	{ "rules", cmd_rules, "list the rules" },
	{ "hash", cmd_hash, "print the MD5 and SHA-512 of image files (one read pass)" },
	{ "verify", cmd_verify, "check the captures taken after the change: done, or not done and why" },
	{ "lsp", cmd_lsp, "run the language server for editors (LSP over stdio)" },
	{ "audit", cmd_audit, "audit a fleet's backups: reload, approved image, upgrade readiness" },
};

static void usage(FILE *out)
{
	fputs("usage: iosplan COMMAND [OPTIONS] FILE...\n\ncommands:\n", out);
	for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++)
		fprintf(out, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
	fputs("\nexit codes: 0 clean, 1 blocking findings, 2 usage error, unreadable input or a\n"
	      "failed write (a full disk, a closed standard output); when the reader of a\n"
	      "pipe leaves (| head), iosplan ends quietly by SIGPIPE (141 in a shell)\n"
	      "run 'iosplan COMMAND --help' for a command's options\n", out);
}

int main(int argc, char **argv)
{
	cli_stdio_init();
	int rc = EXIT_INPUT;
	if (argc < 2) {
		usage(stderr);
	} else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		rc = EXIT_CLEAN;
	} else if (strcmp(argv[1], "--version") == 0) {
		rc = cmd_version(argc - 1, argv + 1);
	} else {
		size_t i = 0, n = sizeof(subcommands) / sizeof(subcommands[0]);
		while (i < n && strcmp(argv[1], subcommands[i].name) != 0)
			i++;
		if (i < n && ip_parallel_jobs_check() < 0) {
			fprintf(stderr, "iosplan: error: %s\n", ip_error_last());
		} else if (i < n) {
			rc = subcommands[i].run(argc - 1, argv + 1);
		} else {
			fprintf(stderr, "iosplan: error: unknown command '%s'\n", argv[1]);
			usage(stderr);
		}
	}
	/* every command's output checked in one place: one that wrote nothing
	 * passes, one whose writes failed exits 2 whatever it found */
	if (cli_output_close(stdout, "standard output"))
		rc = EXIT_INPUT;
	ip_rx_thread_end();
	return rc;
}
