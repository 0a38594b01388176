/* Fuzz target: `iosplan audit`'s folder walk over a tree built from the
 * input (issue 18: the walk followed links out of its tree, opened pipes,
 * trusted stat's size).
 *
 * Input: a program, two bytes an operation, run in a fresh temporary
 * folder ROOT holding tree/ (the PATH walked) and outside/ (a capture,
 * secret.log, and a folder): make a folder and go in, go up, a file of
 * the input's next bytes, an empty file, a hidden name, a named pipe, and
 * symbolic links inside the tree, out of it (to outside/, /etc/passwd,
 * /proc, /dev/zero), looping and dangling. Then audit_walk(tree/) feeds the
 * grouper, and the tree is removed.
 * Invariants: every file read is a regular file inside tree/, reached by a
 * path of no symbolic link (its realpath is itself); outside/secret.log is
 * never met (it is guarded by device and inode, as --output's report is);
 * no file is over AUDIT_MAX_FILE_BYTES; every problem has a message. A walk
 * that opens the pipe blocks: libFuzzer's -timeout (the replay's test
 * timeout) reports it. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "fuzz.h"

enum { MAX_OPS = 64, MAX_DEPTH_MADE = 6, MAX_CONTENT = 96 };

typedef struct tree {
	char root[1024], tree[1100], secret[1200], outside[1100];
	char cur[2048]; /* the folder being filled */
	int depth;
	audit_guard guard;
} tree;

static void on_unit(void *ctx, audit_unit *u)
{
	(void)ctx;
	if (u->kind == UNIT_PROBLEM)
		FUZZ_CHECK(u->problem_path && u->problem && u->problem[0], "a problem without text");
	audit_unit_free(u);
}

static tree *current; /* for the sink, which has the grouper as its context */

static void on_file(void *ctx, const char *group, char *path, char *buf, size_t len,
		    int64_t mtime)
{
	size_t n = strlen(current->tree);
	FUZZ_CHECK(!strncmp(path, current->tree, n) && path[n] == '/', "%s: read outside %s", path,
		   current->tree);
	/* a member of an archive found in the tree comes as ARCHIVE:MEMBER
	 * (audit_walk.c, member_path): the file on disk is the archive, and
	 * the tree's names hold no ':' (found by the fuzzer: a file that
	 * starts like a zip) */
	char *disk = strdup(path);
	FUZZ_CHECK(disk != NULL, "out of memory");
	char *colon = strchr(disk + n, ':');
	if (colon)
		*colon = '\0';
	char *real = realpath(disk, NULL);
	FUZZ_CHECK(real && !strcmp(real, disk), "%s: read through a link (it is %s)", path,
		   real ? real : "?");
	free(real);
	struct stat st;
	FUZZ_CHECK(lstat(disk, &st) == 0 && S_ISREG(st.st_mode), "%s: not a regular file", path);
	free(disk);
	FUZZ_CHECK(len <= AUDIT_MAX_FILE_BYTES, "%s: %zu bytes read", path, len);
	audit_grouper_file(ctx, group, path, buf, len, mtime);
}

static void on_problem(void *ctx, const char *path, const char *message, bool unused)
{
	FUZZ_CHECK(message && message[0], "%s: a problem without a message", path);
	audit_grouper_problem(ctx, path, message, unused);
}

/* A new file only: the name may already be a link (to /etc/passwd), a
 * pipe (opening it to write would block) or a folder. */
static void write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	FUZZ_CHECK(!len || write(fd, data, len) == (ssize_t)len, "%s: short write", path);
	close(fd);
}

static bool tree_make(tree *t)
{
	const char *tmpdir = getenv("TMPDIR");
	snprintf(t->root, sizeof(t->root), "%s/iosplan-fuzz-walk-XXXXXX",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(t->root))
		return false;
	char *real = realpath(t->root, NULL); /* the invariant compares real paths */
	FUZZ_CHECK(real && strlen(real) < sizeof(t->root), "realpath %s", t->root);
	memcpy(t->root, real, strlen(real) + 1);
	free(real);
	snprintf(t->tree, sizeof(t->tree), "%s/tree", t->root);
	snprintf(t->outside, sizeof(t->outside), "%s/outside", t->root);
	snprintf(t->secret, sizeof(t->secret), "%s/secret.log", t->outside);
	FUZZ_CHECK(mkdir(t->tree, 0755) == 0 && mkdir(t->outside, 0755) == 0, "mkdir");
	static const char capture[] = "SECRET#show version\nCisco IOS Software, Version 15.2(7)E9\n"
				      "SECRET uptime is 1 week\n";
	write_file(t->secret, capture, sizeof(capture) - 1);
	char sub[1300];
	snprintf(sub, sizeof(sub), "%s/dir", t->outside);
	FUZZ_CHECK(mkdir(sub, 0755) == 0, "mkdir");
	snprintf(sub, sizeof(sub), "%s/dir/other.log", t->outside);
	write_file(sub, capture, sizeof(capture) - 1);
	struct stat st;
	FUZZ_CHECK(stat(t->secret, &st) == 0, "stat");
	t->guard.id[0].dev = st.st_dev;
	t->guard.id[0].ino = st.st_ino;
	t->guard.n = 1;
	memcpy(t->cur, t->tree, strlen(t->tree) + 1);
	return true;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Where a link made by the program points. */
static const char *link_target(const tree *t, unsigned arg, char *buf, size_t size)
{
	switch (arg % 12) {
	case 0: return t->secret;
	case 1: return t->outside;
	case 2: return "/etc/passwd";
	case 3: return "/proc/self/status";
	case 4: return "/dev/zero";
	case 5: return ".";
	case 6: return "..";
	case 7: return "nowhere";
	case 8: /* up and out: ../../outside/secret.log from any depth */
		buf[0] = '\0';
		for (int i = 0; i <= t->depth; i++)
			strncat(buf, "../", size - strlen(buf) - 1);
		strncat(buf, "outside/secret.log", size - strlen(buf) - 1);
		return buf;
	default: /* a sibling, which may be a file, a folder, a link or nothing */
		snprintf(buf, size, "n%u", (arg / 12) % 8);
		return buf;
	}
}

/* Runs one operation from data; returns the bytes it took. */
static size_t step(tree *t, const uint8_t *data, size_t size)
{
	unsigned op = data[0] % 8, arg = size > 1 ? data[1] : 0;
	size_t used = size > 1 ? 2 : 1;
	char path[sizeof(t->cur) + 16], target[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%sn%u", t->cur, arg & 0x80 ? "." : "", arg % 8);
	switch (op) {
	case 0: /* a folder, and go in */
		if (t->depth < MAX_DEPTH_MADE && strlen(path) < sizeof(t->cur) &&
		    mkdir(path, 0755) == 0) {
			memcpy(t->cur, path, strlen(path) + 1);
			t->depth++;
		}
		break;
	case 1: /* up */
		if (t->depth > 0) {
			*strrchr(t->cur, '/') = '\0';
			t->depth--;
		}
		break;
	case 2: { /* a file of the next bytes */
		size_t n = (arg * 7u) % MAX_CONTENT;
		n = n < size - used ? n : size - used;
		write_file(path, data + used, n);
		used += n;
		break;
	}
	case 3: /* empty */
		write_file(path, "", 0);
		break;
	case 4: /* a named pipe: opening it would block */
		mkfifo(path, 0644);
		break;
	case 5: case 6: /* a link */
		if (symlink(link_target(t, arg, target, sizeof(target)), path) != 0 && errno != EEXIST)
			FUZZ_CHECK(0, "symlink %s: %s", path, strerror(errno));
		break;
	case 7: /* a link to itself */
		symlink(strrchr(path, '/') + 1, path);
		break;
	}
	return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tree t = { .depth = 0 };
	if (!tree_make(&t))
		return 0; /* no writable TMPDIR: nothing to test */
	for (size_t i = 0, ops = 0; i < size && ops < MAX_OPS; ops++)
		i += step(&t, data + i, size - i);
	current = &t;
	audit_grouper *g = audit_grouper_new(on_unit, NULL);
	audit_sink sink = { on_file, on_problem, g, &t.guard };
	const char *paths[] = { t.tree };
	audit_walk(paths, 1, &sink, NULL);
	audit_grouper_finish(g);
	FUZZ_CHECK(!t.guard.hit, "read %s outside the tree (as %s)", t.secret, t.guard.hit);
	nftw(t.root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
