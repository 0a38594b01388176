/* Reading a small file whole (.iosplan.yaml, an image catalogue). */
#ifndef IOSPLAN_SMALL_FILE_H
#define IOSPLAN_SMALL_FILE_H

#include <stddef.h>

/* All of `path` in a malloc'd buffer (NUL-terminated; free() it) when it
 * holds at most `limit` bytes. Returns 0; or -1 with errno set, EFBIG for a
 * file over the limit. The buffer is sized from the file, not the limit: a
 * 4 KB catalogue does not map (and unmap) megabytes. */
int ip_small_file_read(const char *path, size_t limit, char **text, size_t *len);

#endif
