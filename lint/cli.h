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
	EXIT_INPUT = 2,    /* usage error, unreadable/unusable input, failed write */
};

/* The writer contract every command shares (issue 18, points 8 and 9).
 *
 * cli_stdio_init(), first thing in main(): descriptors 0-2 that are closed
 * are taken by /dev/null (so no file the command opens gets their number,
 * and writing to a closed one still fails), and SIGPIPE ends the process
 * quietly when the reader of a pipe leaves.
 *
 * cli_output_close(f, what): the end of an output stream: flushes it and
 * checks every write made to it (closes it, unless it is stdout). On a
 * failure (ENOSPC, EIO, EBADF...) prints "iosplan: error: cannot write
 * WHAT: REASON" on stderr and returns -1: the command exits 2. A reader
 * that left (EPIPE) ends the process by SIGPIPE, without a message.
 * main() calls it for standard output after every command; a command
 * calls it for a file it opened (audit --output).
 *
 * A writer (the lint formats, facts, plan and verify formats, hash, the
 * audit report) returns 0, or -1 when a write to its stream failed: the
 * stream's error flag, which keeps the reason for cli_output_close. The
 * command then stops writing (and working for output nobody will read)
 * and returns EXIT_INPUT; the message is said once, by cli_output_close.
 * Commands whose whole output is a few lines (rules, explain, --version,
 * --help) are checked by main's call alone. The language server writes
 * without stdio and reports through cli_write_failed. */
void cli_stdio_init(void);
int cli_output_close(FILE *f, const char *what);

/* The same report for a write made without stdio (the language server's
 * writev on its descriptor): WHY is the failed write's errno (0: unknown).
 * EPIPE ends the process by SIGPIPE; otherwise the message, and -1. */
int cli_write_failed(const char *what, int why);

/* An error message (ip_error_last()) and a line break on standard error,
 * in escape.h's text form: messages quote file names and capture text. */
void cli_error_print(const char *msg);

/* Print diagnostics at or above `min` as "file:line:col: level: message",
 * file names and messages in escape.h's text form. */
void cli_print_diags(FILE *out, const ip_diags *d, ip_diag_level min);

/* Load files into a new device set and print its input diagnostics.
 * A problem in one file or one section is that file's or section's
 * (issue 23 point 1): the set holds every device the other files and
 * sections gave, and the command reports them all. Returns EXIT_INPUT when
 * some input could not be used (an unreadable file, an input error
 * diagnostic), else EXIT_CLEAN: the command runs either way and ends with
 * cli_exit_worst() of this and its own outcome. CLI_LOAD_FAILED (after
 * printing why) when nothing could be loaded at all: the command stops
 * with EXIT_INPUT. Files of one device that disagree with nothing to order
 * them (parsers/merge.c) are printed as errors but are not an input
 * problem: each command decides what they block (cli_has_conflicts). */
#define CLI_LOAD_FAILED (-1)
int cli_load(ip_device_set **out, char **paths, int n);

/* The exit code of a run, decided here once for every command: the worst
 * of its parts, after all output. 2 when any input could not be used (or a
 * write failed), else 1 when anything blocks (an error finding, a refused
 * plan), else 0. */
int cli_exit_worst(int a, int b);

/* Whether a device of s rests on such an unordered disagreement. */
bool cli_has_conflicts(const ip_device_set *s);

/* `--format X`: index of X in names (NULL-terminated) or -1 after printing
 * a usage error. */
int cli_format_index(const char *cmd, const char *value, const char *const *names);

#endif
