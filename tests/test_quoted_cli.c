/* Captures pasted into a ticket or an email (issue 23 point 6), end to
 * end: a sample indented by spaces or a tab, or quoted "> " / ">> " after
 * the writer's words, read beside an unquoted sample in one run, gives the
 * findings of the sample as it is, at the same lines (moved by the
 * writer's lines) and at columns moved by exactly the prefix: `--format
 * gcc` underlines the same characters. Before this point such a file gave
 * "no device output iosplan reads". */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "helpers.h"

static char tmpdir[256];

static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "quoted"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

typedef struct quote_case {
	const char *name;
	const char *sample;   /* under samples/ */
	const char *preamble; /* the writer's lines before the capture */
	unsigned preamble_lines;
	const char *prefix;   /* before every line of the capture */
} quote_case;

static const quote_case cases[] = {
	{ "3850 stack indented by 4 spaces", "stack-active-only.log", "Hi team,\n\n", 2, "    " },
	{ "3850 stack indented by a tab", "stack-active-only.log", "", 0, "\t" },
	{ "ASR1006 quoted in a reply", "asr1006-standby-mismatch.log",
	  "On Monday, N wrote:\n> Here is the output:\n", 2, "> " },
	{ "ASR1006 quoted twice", "asr1006-standby-mismatch.log", "", 0, ">> " },
	{ "2960-X with its logger header, indented", "dirty-2960x.log", "", 0, "  " },
};

IP_TABLE_PARAMS(quoted, same_findings_moved, cases)

/* `iosplan lint --format gcc FILES` in tmpdir: its stdout and status. */
static char *lint_gcc(const char *files, int *status)
{
	char cmd[2048], out[400];
	snprintf(out, sizeof(out), "%s/out", tmpdir);
	snprintf(cmd, sizeof(cmd), "cd '%s' && '%s' lint --format gcc %s >out 2>&1", tmpdir,
		 getenv("IOSPLAN_BIN"), files);
	int st = system(cmd);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	char *text = test_read_file(out, NULL);
	cr_assert_not_null(text);
	return text;
}

static void write_quoted(const quote_case *c, const char *from)
{
	char *text = test_read_file(from, NULL);
	cr_assert_not_null(text, "%s", from);
	char path[400];
	snprintf(path, sizeof(path), "%s/q.log", tmpdir);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	fputs(c->preamble, f);
	for (char *p = text; *p;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
		fprintf(f, "%s%.*s", c->prefix, (int)n, p);
		p += n;
	}
	fclose(f);
	free(text);
}

ParameterizedTest(size_t *row, quoted, same_findings_moved, .init = make_tmpdir,
		  .fini = remove_tmpdir)
{
	const quote_case *c = &cases[*row];
	char orig[400], other[400], files[1200];
	snprintf(orig, sizeof(orig), "%s/%s", test_samples_dir(), c->sample);
	snprintf(other, sizeof(other), "%s/netstuts-r1.log", test_samples_dir());
	write_quoted(c, orig);
	int st_orig, st_q;
	snprintf(files, sizeof(files), "'%s' '%s'", orig, other);
	char *want = lint_gcc(files, &st_orig);
	snprintf(files, sizeof(files), "q.log '%s'", other);
	char *got = lint_gcc(files, &st_q);
	cr_expect_eq(st_q, st_orig, "%s: exit %d, unquoted %d:\n%s", c->name, st_q, st_orig, got);
	size_t k = strlen(c->prefix), n_moved = 0;
	/* every line of the unquoted run, its place moved, is in the quoted one */
	for (char *p = want; *p;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[4096], expect[4200];
		snprintf(line, sizeof(line), "%.*s", (int)n, p);
		unsigned ln, col;
		int used = 0;
		size_t ol = strlen(orig);
		if (strncmp(line, orig, ol) == 0 &&
		    sscanf(line + ol, ":%u:%u:%n", &ln, &col, &used) == 2 && used) {
			snprintf(expect, sizeof(expect), "q.log:%u:%zu:%s", ln + c->preamble_lines,
				 col + k, line + ol + used);
			n_moved++;
		} else {
			snprintf(expect, sizeof(expect), "%s", line);
		}
		cr_expect(strstr(got, expect), "%s: lacks '%s':\n%s", c->name, expect, got);
		p += n + (nl != NULL);
	}
	if (strcmp(c->sample, "dirty-2960x.log"))
		cr_expect_gt(n_moved, 0, "%s: the sample has findings with places", c->name);
	cr_expect(!strstr(got, "no device output"), "%s:\n%s", c->name, got);
	free(want);
	free(got);
}
