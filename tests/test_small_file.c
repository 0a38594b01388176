/* ip_small_file_read: a whole file up to a limit, sized from the file. */
#include <criterion/criterion.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "helpers.h"
#include "small_file.h"

static char dir[PATH_MAX];

static void setup(void) { test_tmpdir_make(dir, sizeof(dir), "small-file"); }
static void teardown(void) { test_tmpdir_remove(dir); }

/* dir/name holding `size` bytes of a repeating pattern */
static void write_file(const char *name, size_t size, char *path, size_t path_size)
{
	snprintf(path, path_size, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	for (size_t i = 0; i < size; i++)
		fputc('a' + (int)(i % 26), f);
	fclose(f);
}

TestSuite(small_file, .init = setup, .fini = teardown);

Test(small_file, reads_up_to_the_limit_and_refuses_past_it)
{
	static const struct {
		size_t size, limit;
		int err; /* 0: read */
	} rows[] = {
		{ 0, 10, 0 },	  { 1, 10, 0 },	     { 10, 10, 0 },	{ 11, 10, EFBIG },
		{ 5000, 4096, EFBIG }, { 70000, 1 << 20, 0 }, { 0, 0, 0 },	{ 1, 0, EFBIG },
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char path[PATH_MAX + 64], name[32];
		snprintf(name, sizeof(name), "f%zu", i);
		write_file(name, rows[i].size, path, sizeof(path));
		char *text = NULL;
		size_t len = 0;
		errno = 0;
		int rc = ip_small_file_read(path, rows[i].limit, "the file", IP_E_IO, &text, &len);
		if (rows[i].err) {
			cr_expect_eq(rc, IP_E_LIMIT, "%zu bytes, limit %zu", rows[i].size, rows[i].limit);
			char want[PATH_MAX + 128];
			snprintf(want, sizeof(want), "%s:1:1: error: the file is over the %zu-byte limit",
				 path, rows[i].limit);
			cr_expect_str_eq(ip_error_last(), want);
			cr_expect_eq(errno, rows[i].err, "%zu bytes: errno %d", rows[i].size, errno);
			continue;
		}
		cr_assert_eq(rc, 0, "%zu bytes, limit %zu: %s", rows[i].size, rows[i].limit,
			     strerror(errno));
		cr_expect_eq(len, rows[i].size);
		cr_expect_eq(text[len], '\0', "NUL-terminated");
		int same = 1;
		for (size_t k = 0; k < len; k++)
			same &= text[k] == 'a' + (int)(k % 26);
		cr_expect(same, "%zu bytes read back", rows[i].size);
		free(text);
	}
}

Test(small_file, says_why_it_cannot_read)
{
	char *text;
	size_t len;
	char missing[PATH_MAX + 16];
	snprintf(missing, sizeof(missing), "%s/none", dir);
	cr_expect_eq(ip_small_file_read(missing, 100, "the file", IP_E_CONFIG, &text, &len),
		     IP_E_CONFIG);
	cr_expect_eq(errno, ENOENT);
	cr_expect(strstr(ip_error_last(), "/none: error: cannot open the file: No such file"), "%s",
		  ip_error_last());
	cr_expect_eq(ip_small_file_read(dir, 100, "the file", IP_E_IO, &text, &len), IP_E_IO);
	cr_expect_eq(errno, EISDIR);
	cr_expect(strstr(ip_error_last(), "error: cannot open the file: Is a directory"), "%s",
		  ip_error_last());
}

/* Not a regular file: no size to go by, read until the end all the same. */
Test(small_file, reads_a_pipe)
{
	char fifo[PATH_MAX + 16];
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	char cmd[2 * PATH_MAX];
	snprintf(cmd, sizeof(cmd), "head -c 100000 /dev/zero > '%s' &", fifo);
	cr_assert_eq(system(cmd), 0);
	char *text;
	size_t len;
	cr_assert_eq(ip_small_file_read(fifo, 1 << 20, "the file", IP_E_IO, &text, &len), 0, "%s",
		     ip_error_last());
	cr_expect_eq(len, 100000);
	free(text);
}

/* A configuration is read from a regular file only: a FIFO (with no
 * writer: the open must not wait), a device, a link to either, or the
 * process's own stdin is refused before a byte is read. */
Test(small_file, regular_only_refuses_what_is_not_a_file)
{
	char fifo[PATH_MAX + 16], link[PATH_MAX + 16], stdin_link[PATH_MAX + 16];
	snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	snprintf(stdin_link, sizeof(stdin_link), "%s/stdin", dir);
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	cr_assert_eq(symlink(fifo, link), 0);
	cr_assert_eq(symlink("/proc/self/fd/0", stdin_link), 0);
	int p[2];
	cr_assert_eq(pipe(p), 0);
	int saved = dup(0);
	cr_assert_eq(dup2(p[0], 0), 0); /* stdin: a pipe, as an editor's */
	const char *const paths[] = { fifo, link, "/dev/null", stdin_link };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		char *text = NULL;
		size_t len = 0;
		cr_expect_eq(ip_small_file_read_regular(paths[i], 100, "configuration", IP_E_CONFIG,
							&text, &len), IP_E_CONFIG, "%s", paths[i]);
		cr_expect(strstr(ip_error_last(), "cannot open configuration: not a regular file"),
			  "%s: %s", paths[i], ip_error_last());
		cr_expect_null(text);
	}
	dup2(saved, 0);
	close(saved);
	close(p[0]);
	close(p[1]);
	char path[PATH_MAX + 64];
	write_file("regular", 5, path, sizeof(path));
	char *text;
	size_t len;
	cr_assert_eq(ip_small_file_read_regular(path, 100, "configuration", IP_E_CONFIG, &text, &len), 0);
	cr_expect_eq(len, 5);
	free(text);
}
