/* The subcommands, each in lint/<command>/cmd_<name>.c (lint/cmd_<name>.c
 * for the small ones: explain, hash, --version): argv[0] is the subcommand's
 * name; the return value is the process exit code (see cli.h). */
#ifndef IOSPLAN_COMMANDS_H
#define IOSPLAN_COMMANDS_H

int cmd_facts(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_hash(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_lsp(int argc, char **argv);
int cmd_audit(int argc, char **argv);
/* iosplan --version: argv[0] is "--version". */
int cmd_version(int argc, char **argv);

#endif
