/* lint/audit/audit_names.c: a directory's names in byte order, in bounded memory
 * (issue 10). Each row makes a folder, lists it with a run size small
 * enough to force many sorted runs and their merge, and checks the order
 * across the runs' boundaries, that nothing is lost or repeated, and what
 * the list held at most. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "helpers.h"

static char tmpdir[100];

static void make_tmpdir(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "names"); }
static void remove_tmpdir(void) { test_tmpdir_remove(tmpdir); }

typedef enum pattern {
	FLEET,  /* "AMS-ACC00042.log": a gen_fleet folder */
	MIXED,  /* 1 to 255 bytes, bytes past 0x7f, some hidden: byte order */
} pattern;

typedef struct names_case {
	const char *title;
	size_t n;          /* files made */
	pattern pat;
	size_t run_bytes;  /* 0: the default */
	bool no_tmp;       /* TMPDIR cannot be written: the run grows instead */
	size_t max_peak;   /* bytes held at most; 0: not checked */
} names_case;

static const names_case cases[] = {
	{ "empty folder", 0, FLEET, 0, false, 4096 },
	{ "one run in memory", 300, FLEET, 0, false, 0 },
	{ "a run of one name each", 40, FLEET, 1, false, 0 },
	{ "many runs merged", 1500, FLEET, 256, false, 0 },
	{ "long and non-ASCII names across runs", 600, MIXED, 700, false, 0 },
	/* 5 000 names of 16 bytes are 80 KB; runs of 8 KiB hold a fifth of
	 * that, merge windows included */
	{ "memory bounded by the run", 5000, FLEET, 8192, false, 24 * 1024 },
	{ "no temporary file: all in memory", 2000, MIXED, 512, true, 0 },
};

/* A name that is not "." or "..", holds no '/' and, past the first byte,
 * any byte but NUL. */
static void mixed_name(size_t i, char *buf)
{
	unsigned x = (unsigned)i * 2654435761u + 12345u;
	size_t len = 1 + (x >> 7) % 255;
	for (size_t k = 0; k < len; k++) {
		x = x * 1103515245u + 12345u;
		unsigned char c = (unsigned char)(1 + (x >> 16) % 255);
		buf[k] = c == '/' ? 'x' : (char)c;
	}
	buf[len] = '\0';
	if (buf[0] == '.' && i % 7)
		buf[0] = 'd'; /* most are visible, every 7th may stay hidden */
	snprintf(buf + (len > 6 ? len - 6 : 0), 7, "%06u", (unsigned)(i % 1000000)); /* unique */
	if (i % 50 == 0)
		buf[0] = '.'; /* hidden: never listed */
}

static void make_name(const names_case *c, size_t i, char *buf)
{
	if (c->pat == FLEET)
		snprintf(buf, 256, "AMS-ACC%05zu.log", (i * 7919) % c->n);
	else
		mixed_name(i, buf);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible names made, sorted. */
static char **make_files(const names_case *c, size_t *n_visible)
{
	char **want = calloc(c->n + 1, sizeof(*want));
	cr_assert_not_null(want);
	size_t nv = 0;
	for (size_t i = 0; i < c->n; i++) {
		char name[256], path[400];
		make_name(c, i, name);
		snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
		int fd = open(path, O_CREAT | O_WRONLY | O_EXCL, 0644);
		cr_assert_geq(fd, 0, "%s: %s", c->title, strerror(errno));
		close(fd);
		if (name[0] != '.')
			want[nv++] = strdup(name);
	}
	qsort(want, nv, sizeof(*want), str_cmp);
	*n_visible = nv;
	return want;
}

IP_TABLE_PARAMS(audit_names, order, cases)

ParameterizedTest(size_t *row, audit_names, order, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const names_case *c = &cases[*row];
	size_t nv;
	char **want = make_files(c, &nv);
	if (c->no_tmp)
		setenv("TMPDIR", "/nonexistent/iosplan-names", 1);
	audit_names *l = audit_names_open(tmpdir, c->run_bytes);
	cr_assert_not_null(l, "%s: %s", c->title, strerror(errno));
	size_t k = 0;
	const char *s;
	while ((s = audit_names_next(l))) {
		cr_assert_lt(k, nv, "%s: more names than files: %s", c->title, s);
		cr_assert_str_eq(s, want[k], "%s: name %zu", c->title, k);
		k++;
	}
	cr_assert_eq(errno, 0, "%s: %s", c->title, strerror(errno));
	cr_assert_eq(k, nv, "%s: %zu names of %zu", c->title, k, nv);
	if (c->max_peak)
		cr_assert_leq(audit_names_peak(l), c->max_peak, "%s: held %zu bytes", c->title,
			      audit_names_peak(l));
	audit_names_close(l);
	for (size_t i = 0; i < nv; i++)
		free(want[i]);
	free(want);
}

/* The same folder listed whole: the bound above is not met by accident. */
Test(audit_names, unbounded_run_holds_all, .init = make_tmpdir, .fini = remove_tmpdir)
{
	const names_case *c = &cases[5];
	size_t nv;
	char **want = make_files(c, &nv);
	audit_names *l = audit_names_open(tmpdir, SIZE_MAX / 2);
	cr_assert_not_null(l);
	cr_assert_gt(audit_names_peak(l), c->max_peak);
	audit_names_close(l);
	for (size_t i = 0; i < nv; i++)
		free(want[i]);
	free(want);
}

Test(audit_names, missing_folder)
{
	errno = 0;
	cr_assert_null(audit_names_open("/nonexistent/iosplan-names", 0));
	cr_assert_eq(errno, ENOENT);
}
