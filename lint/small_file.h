/* Reading a small file whole (.iosplan.yaml, an image catalogue). */
#ifndef IOSPLAN_SMALL_FILE_H
#define IOSPLAN_SMALL_FILE_H

#include <stddef.h>

/* All of `path` in a malloc'd buffer (NUL-terminated; free() it) when it
 * holds at most `limit` bytes. Returns 0; or IP_E_LIMIT ("path:1:1: error:
 * WHAT is over the N-byte limit") for a larger file, `open_error` ("path:
 * error: cannot open WHAT: reason") when it cannot be read, with errno set
 * (EFBIG for the limit). The buffer is sized from the file, not the limit:
 * a 4 KB catalogue does not map (and unmap) megabytes. */
int ip_small_file_read(const char *path, size_t limit, const char *what, int open_error,
		       char **text, size_t *len);

/* The same, for a file that configures iosplan (.iosplan.yaml): only a
 * regular file is read. A FIFO, a device, or a link to one (a repository's
 * `.iosplan.yaml -> /proc/self/fd/0` is the language server's own JSON-RPC
 * input) is refused without blocking: `open_error`, errno EINVAL. */
int ip_small_file_read_regular(const char *path, size_t limit, const char *what,
			       int open_error, char **text, size_t *len);

#endif
