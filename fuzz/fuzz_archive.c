/* Fuzz target: `iosplan audit`'s input walk: archives (tar, tar.gz, tar.xz,
 * zip, a lone gzip'd capture: libarchive, recognised by their first bytes)
 * and plain files, then the grouping of their files into devices.
 *
 * Input: the bytes of one file, handed to audit_walk as a memory file.
 * Invariants: nothing is written anywhere (members are only read, whatever
 * their names: "../../etc/passwd" is a label); every member read is at most
 * AUDIT_MAX_FILE_BYTES, so a decompression bomb is bounded per member; every
 * problem has a message; units carry their files or their problem. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "audit.h"
#include "fuzz.h"

static void on_unit(void *ctx, audit_unit *u)
{
	(void)ctx;
	if (u->kind == UNIT_PROBLEM) {
		FUZZ_CHECK(u->problem_path && u->problem && u->problem[0], "a problem without text");
	} else {
		FUZZ_CHECK(u->n_files > 0 && u->name, "a device unit without files or name");
		for (size_t i = 0; i < u->n_files; i++)
			FUZZ_CHECK(u->files[i].path && u->files[i].len <= AUDIT_MAX_FILE_BYTES,
				   "member %s of %zu bytes", u->files[i].path ? u->files[i].path : "?",
				   u->files[i].len);
	}
	audit_unit_free(u);
}

static void on_file(void *ctx, const char *group, char *path, char *buf, size_t len,
		    int64_t mtime)
{
	FUZZ_CHECK(len <= AUDIT_MAX_FILE_BYTES, "%s: %zu bytes read", path, len);
	audit_grouper_file(ctx, group, path, buf, len, mtime);
}

static void on_problem(void *ctx, const char *path, const char *message, bool unused)
{
	FUZZ_CHECK(message && message[0], "%s: a problem without a message", path);
	audit_grouper_problem(ctx, path, message, unused);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("audit-input", MFD_CLOEXEC);
	FUZZ_CHECK(fd >= 0, "memfd_create");
	FUZZ_CHECK(size == 0 || write(fd, data, size) == (ssize_t)size, "write");
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	audit_grouper *g = audit_grouper_new(on_unit, NULL);
	audit_sink sink = { on_file, on_problem, g, NULL };
	const char *paths[] = { path };
	audit_walk(paths, 1, &sink, NULL);
	audit_grouper_finish(g);
	close(fd);
	return 0;
}
