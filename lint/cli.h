/* What every subcommand shares: exit codes, option parsing helpers and the
 * printing of input diagnostics. */
#ifndef IOSPLAN_CLI_H
#define IOSPLAN_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "device.h"

enum {
	EXIT_CLEAN = 0,    /* nothing blocks */
	EXIT_FINDINGS = 1, /* blocking findings */
	EXIT_INPUT = 2,    /* usage error or unreadable/unusable input */
};

/* Print diagnostics at or above `min` as "file:line:col: level: message". */
void cli_print_diags(FILE *out, const ip_diags *d, ip_diag_level min);

/* Load files into a new device set; prints and returns EXIT_INPUT on an
 * unreadable file or an input error diagnostic, else EXIT_CLEAN. */
int cli_load(ip_device_set **out, char **paths, int n);

/* `--format X`: index of X in names (NULL-terminated) or -1 after printing
 * a usage error. */
int cli_format_index(const char *cmd, const char *value, const char *const *names);

#endif
