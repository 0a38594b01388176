#include "small_file.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

/* Reads until end of file into a buffer grown from `size` (the file's size
 * as fstat saw it, 0 for a pipe); one byte past the limit tells a file that
 * is too large, also one that grew since. */
static int read_all(int fd, size_t size, size_t limit, char **text, size_t *len)
{
	size_t cap = (size < limit ? size : limit) + 1, n = 0;
	char *buf = malloc(cap + 1);
	for (;;) {
		if (!buf)
			ip_out_of_memory();
		if (n == cap) {
			if (cap > limit)
				break;
			cap = cap * 2 < limit + 1 ? cap * 2 : limit + 1;
			buf = realloc(buf, cap + 1);
			continue;
		}
		ssize_t k = read(fd, buf + n, cap - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			free(buf);
			return -1;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	if (n > limit) {
		free(buf);
		errno = EFBIG;
		return -1;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

/* regular_only: O_NONBLOCK so that opening a FIFO with no writer does not
 * wait, O_NOCTTY so that a terminal does not become ours; then anything
 * but a regular file (a FIFO, a device, a symlink to /proc/self/fd/0, which
 * is whatever our stdin is) is refused before a byte is read. */
static int read_path(const char *path, size_t limit, bool regular_only, char **text,
		     size_t *len)
{
	int flags = O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK | O_NOCTTY : 0);
	int fd = open(path, flags);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = fstat(fd, &st);
	if (rc == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		rc = -1;
	} else if (rc == 0 && regular_only && !S_ISREG(st.st_mode)) {
		errno = EINVAL;
		rc = -1;
	}
	if (rc == 0)
		rc = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, limit, text, len);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

static int read_file(const char *path, size_t limit, bool regular_only, const char *what,
		     int open_error, char **text, size_t *len)
{
	if (read_path(path, limit, regular_only, text, len) == 0)
		return 0;
	int saved = errno, rc = saved == EFBIG
		? ip_error_set(IP_E_LIMIT, "%s:1:1: error: %s is over the %zu-byte limit", path, what, limit)
		: saved == EINVAL && regular_only
		? ip_error_set(open_error, "%s: error: cannot open %s: not a regular file (a pipe, "
			       "device or link to one is never read as %s)", path, what, what)
		: ip_error_set(open_error, "%s: error: cannot open %s: %s", path, what, strerror(saved));
	errno = saved;
	return rc;
}

int ip_small_file_read(const char *path, size_t limit, const char *what, int open_error,
		       char **text, size_t *len)
{
	return read_file(path, limit, false, what, open_error, text, len);
}

int ip_small_file_read_regular(const char *path, size_t limit, const char *what, int open_error,
			       char **text, size_t *len)
{
	return read_file(path, limit, true, what, open_error, text, len);
}
