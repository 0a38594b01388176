/* A report file written whole or not at all (report_file.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"
#include "report_file.h"

static void remember(ip_report_file *r, const struct stat *st)
{
	r->id[r->n].dev = st->st_dev;
	r->id[r->n++].ino = st->st_ino;
}

/* "DIR/.BASE.XXXXXX" beside `path`. */
static char *temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + 16;
	char *t = malloc(n);
	if (!t)
		return NULL;
	snprintf(t, n, "%.*s.%s.XXXXXX", (int)dir, path, path + dir);
	return t;
}

/* The mode a new file gets from open(..., 0666): mkstemp makes 0600. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

static void release(ip_report_file *r)
{
	free(r->path);
	free(r->tmp);
	r->path = r->tmp = NULL;
	r->f = NULL;
}

static int open_in_place(ip_report_file *r, const char *path, const struct stat *st)
{
	remember(r, st);
	if (!(r->path = strdup(path)))
		return ip_error_set(IP_E_IO, "cannot write %s: out of memory", path);
	if (!(r->f = fopen(path, "w"))) {
		int err = errno;
		release(r);
		return ip_error_set(IP_E_IO, "cannot write %s: %s", path, strerror(err));
	}
	return 0;
}

int ip_report_file_open(ip_report_file *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return ip_error_set(IP_E_IO, "cannot write %s: %s", path, strerror(EISDIR));
	if (exists && !S_ISREG(st.st_mode))
		return open_in_place(r, path, &st);
	/* A link to the report is replaced at its target, not turned into a
	 * file: the temporary file goes beside the target. */
	char *real = exists ? realpath(path, NULL) : NULL;
	r->path = real ? real : strdup(path);
	r->tmp = r->path ? temp_name(r->path) : NULL;
	if (!r->tmp) {
		ip_report_file_abort(r);
		return ip_error_set(IP_E_IO, "cannot write %s: out of memory", path);
	}
	if (exists)
		remember(r, &st);
	int fd = mkostemp(r->tmp, O_CLOEXEC);
	struct stat tst;
	if (fd < 0 || fstat(fd, &tst) != 0 ||
	    fchmod(fd, exists ? st.st_mode & 07777 : new_file_mode()) != 0 ||
	    !(r->f = fdopen(fd, "w"))) {
		int err = errno;
		if (fd >= 0) {
			close(fd);
			unlink(r->tmp);
		}
		free(r->tmp);
		r->tmp = NULL;
		ip_report_file_abort(r);
		return ip_error_set(IP_E_IO, "cannot write %s: %s", path, strerror(err));
	}
	remember(r, &tst);
	return 0;
}

void ip_report_file_abort(ip_report_file *r)
{
	if (r->f)
		fclose(r->f);
	if (r->tmp)
		unlink(r->tmp);
	release(r);
}

int ip_report_file_commit(ip_report_file *r)
{
	int err = 0;
	if (fflush(r->f) || ferror(r->f))
		err = errno ? errno : EIO;
	/* Renamed over the old report only once its bytes are on disk: a
	 * crash then leaves one report or the other, never an empty one. */
	if (!err && r->tmp && fsync(fileno(r->f)) != 0)
		err = errno;
	if (fclose(r->f) != 0 && !err)
		err = errno ? errno : EIO;
	r->f = NULL;
	if (!err && r->tmp && rename(r->tmp, r->path) != 0)
		err = errno;
	if (!err) {
		release(r);
		return 0;
	}
	char *path = r->path;
	r->path = NULL;
	ip_report_file_abort(r);
	int rc = ip_error_set(IP_E_IO, "cannot write %s: %s", path ? path : "the report",
			      strerror(err));
	free(path);
	return rc;
}
