/* A directory's visible names in byte order, in bounded memory (audit.h).
 *
 * The audit walks a folder in name order, so it must see every name before
 * the first; a flat folder of 20 000 backups held ~0.5 MB of names for the
 * whole walk, and its peak RSS grew with the fleet (issue 10). Here the
 * names are read once, in runs of at most `run_bytes`: a folder whose names
 * fit in one run (the usual one) is sorted in memory as before; a larger
 * one has each run sorted and written to an unlinked temporary file, then
 * the runs are merged, each through a small window. Memory is then one run
 * while reading, and RUN_WINDOW bytes a run while merging: ~3 KB for the
 * 6 runs of 20 000 names, ~30 KB for the 55 of 200 000.
 *
 * Why not re-read the directory for each batch of names instead: readdir
 * costs ~0.4 us a name here (ext4), so N/K passes of N names each cost 7 ms
 * a pass at 20 000 files and 3.7 s in all at 200 000 (K = 4 096), against
 * one pass and a few MB written to the page cache for the merge.
 *
 * When no temporary file can be made (no writable TMPDIR or /tmp), the run
 * just grows: the names are held in memory as before, nothing fails. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "error.h"

#define DEFAULT_RUN_BYTES (64u * 1024u)
/* A merge cursor's window: holds at least one whole name (NAME_MAX + 1). */
#define RUN_WINDOW 512u

typedef struct cursor {
	off_t at, end;      /* the run's bytes in the file not yet read */
	size_t pos, len;    /* the window's unread bytes */
	char win[RUN_WINDOW];
} cursor;

struct audit_names {
	/* the run being read: names packed end to end, their offsets */
	char *buf;
	size_t len, cap, run_bytes;
	uint32_t *off;
	size_t n, cap_off, next;
	/* spilled runs and the merge */
	int fd;             /* the unlinked temporary file, or -1 */
	bool no_spill;      /* the first spill failed: the run grows instead */
	off_t spilled;
	cursor *runs;
	size_t n_runs, cap_runs;
	size_t *heap, n_heap; /* cursors by their current name, smallest first */
	char cur[NAME_MAX + 1];
	int err;            /* a run that could not be read further */
	size_t peak;        /* the most bytes of names and windows held */
};

static void hold(audit_names *l, size_t now)
{
	if (now > l->peak)
		l->peak = now;
}

static int name_cmp(const void *a, const void *b, void *buf)
{
	return strcmp((const char *)buf + *(const uint32_t *)a, (const char *)buf + *(const uint32_t *)b);
}

static void run_sort(audit_names *l)
{
	if (l->n)
		qsort_r(l->off, l->n, sizeof(*l->off), name_cmp, l->buf);
}

/* O_TMPFILE where the file system has it, else a name removed at once. */
static int temp_open(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	char path[PATH_MAX];
	if (snprintf(path, sizeof(path), "%s/iosplan-names-XXXXXX", dir) >= (int)sizeof(path))
		return -1;
	if ((fd = mkostemp(path, O_CLOEXEC)) >= 0)
		unlink(path);
	return fd;
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* The run, sorted, to the end of the file, through a small staging buffer
 * (a sorted copy of the run would double the bound); the run's buffer is
 * then reused for the next run. */
static bool run_spill(audit_names *l)
{
	if (l->fd < 0 && (l->fd = temp_open()) < 0)
		return false;
	run_sort(l);
	char stage[4096];
	size_t k = 0;
	off_t start = l->spilled;
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->buf + l->off[i];
		size_t m = strlen(s) + 1;
		if (k + m > sizeof(stage)) {
			if (!write_all(l->fd, stage, k))
				return false;
			k = 0;
		}
		memcpy(stage + k, s, m);
		k += m;
		l->spilled += (off_t)m;
	}
	if (!write_all(l->fd, stage, k))
		return false;
	if (l->n_runs == l->cap_runs) {
		l->cap_runs = l->cap_runs ? 2 * l->cap_runs : 8;
		if (!(l->runs = realloc(l->runs, l->cap_runs * sizeof(*l->runs))))
			ip_out_of_memory();
	}
	l->runs[l->n_runs++] = (cursor){ .at = start, .end = l->spilled };
	l->len = l->n = 0;
	return true;
}

static void grow(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 1024 / elem;
	while (c < need)
		c *= 2;
	void *q = realloc(*p, c * elem);
	if (!q)
		ip_out_of_memory();
	*p = q;
	*cap = c;
}

/* False when a full run could not be written (errno set). */
static bool names_add(audit_names *l, const char *name)
{
	size_t k = strlen(name) + 1;
	if (l->len + k > l->run_bytes && l->n && !l->no_spill && !run_spill(l)) {
		if (l->n_runs)
			return false; /* the file holds runs already: no going back */
		if (l->fd >= 0)
			close(l->fd);
		l->fd = -1;
		l->no_spill = true;
	}
	if (l->len + k > UINT32_MAX) {
		errno = EOVERFLOW;
		return false;
	}
	grow((void **)&l->buf, &l->cap, l->len + k, 1);
	grow((void **)&l->off, &l->cap_off, l->n + 1, sizeof(*l->off));
	l->off[l->n++] = (uint32_t)l->len;
	memcpy(l->buf + l->len, name, k);
	l->len += k;
	hold(l, l->cap + l->cap_off * sizeof(*l->off) + l->cap_runs * sizeof(*l->runs));
	return true;
}

/* --- the merge ----------------------------------------------------------------- */

/* The cursor's current name, refilling its window; NULL at the run's end
 * or on a read error (errno set, else 0). */
static const char *cursor_name(audit_names *l, cursor *c)
{
	const char *s = c->win + c->pos;
	if (c->len && memchr(s, '\0', c->len))
		return s;
	memmove(c->win, s, c->len);
	c->pos = 0;
	size_t want = sizeof(c->win) - c->len;
	if ((off_t)want > c->end - c->at)
		want = (size_t)(c->end - c->at);
	ssize_t r;
	do
		r = pread(l->fd, c->win + c->len, want, c->at);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return NULL;
	c->at += r;
	c->len += (size_t)r;
	if (!c->len || !memchr(c->win, '\0', c->len)) {
		errno = c->len ? EIO : 0; /* a name cut short: the file changed */
		return NULL;
	}
	return c->win;
}

static void cursor_skip(cursor *c)
{
	size_t m = strlen(c->win + c->pos) + 1;
	c->pos += m;
	c->len -= m;
}

static bool heap_less(audit_names *l, size_t a, size_t b)
{
	cursor *x = &l->runs[l->heap[a]], *y = &l->runs[l->heap[b]];
	return strcmp(x->win + x->pos, y->win + y->pos) < 0;
}

static void heap_down(audit_names *l, size_t i)
{
	for (;;) {
		size_t m = i, a = 2 * i + 1, b = a + 1;
		if (a < l->n_heap && heap_less(l, a, m))
			m = a;
		if (b < l->n_heap && heap_less(l, b, m))
			m = b;
		if (m == i)
			return;
		size_t t = l->heap[i];
		l->heap[i] = l->heap[m];
		l->heap[m] = t;
		i = m;
	}
}

/* Spill the last run, drop the run buffer, fill every window. */
static bool merge_start(audit_names *l)
{
	if (!run_spill(l))
		return false;
	free(l->buf);
	free(l->off);
	l->buf = NULL;
	l->off = NULL;
	l->cap = l->cap_off = 0;
	if (!(l->heap = malloc(l->n_runs * sizeof(*l->heap))))
		ip_out_of_memory();
	hold(l, l->cap_runs * sizeof(*l->runs) + l->n_runs * sizeof(*l->heap));
	for (size_t i = 0; i < l->n_runs; i++) {
		errno = 0;
		if (cursor_name(l, &l->runs[i]))
			l->heap[l->n_heap++] = i;
		else if (errno)
			return false;
	}
	for (size_t i = l->n_heap; i-- > 0;)
		heap_down(l, i);
	return true;
}

/* --- the interface ------------------------------------------------------------- */

void audit_names_close(audit_names *l)
{
	if (!l)
		return;
	if (l->fd >= 0)
		close(l->fd);
	free(l->buf);
	free(l->off);
	free(l->runs);
	free(l->heap);
	free(l);
}

audit_names *audit_names_open(const char *path, size_t run_bytes)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	audit_names *l = audit_names_openat(fd, run_bytes);
	int err = errno;
	close(fd);
	errno = err;
	return l;
}

/* On a duplicate: closedir() closes the descriptor it was given, and the
 * walk goes on opening the names relative to its own. */
audit_names *audit_names_openat(int dirfd, size_t run_bytes)
{
	int fd = fcntl(dirfd, F_DUPFD_CLOEXEC, 0);
	if (fd < 0)
		return NULL;
	DIR *d = fdopendir(fd);
	if (!d) {
		int err = errno;
		close(fd);
		errno = err;
		return NULL;
	}
	rewinddir(d); /* the duplicate shares the offset: read from the start */
	audit_names *l = calloc(1, sizeof(*l));
	if (!l)
		ip_out_of_memory();
	l->fd = -1;
	l->run_bytes = run_bytes ? run_bytes : DEFAULT_RUN_BYTES;
	int err = 0;
	for (;;) {
		errno = 0; /* readdir's end and its error differ only by errno */
		struct dirent *e = readdir(d);
		if (!e) {
			err = errno;
			break;
		}
		if (e->d_name[0] != '.' && !names_add(l, e->d_name)) {
			err = errno ? errno : EIO;
			break;
		}
	}
	closedir(d);
	if (!err && l->n_runs && !merge_start(l))
		err = errno ? errno : EIO;
	if (err) {
		audit_names_close(l);
		errno = err;
		return NULL;
	}
	if (!l->n_runs)
		run_sort(l);
	return l;
}

/* A run that cannot be read further is dropped and the error reported
 * once the names already read are out. */
const char *audit_names_next(audit_names *l)
{
	errno = 0;
	if (!l->n_runs)
		return l->next < l->n ? l->buf + l->off[l->next++] : NULL;
	if (!l->n_heap || l->err) {
		errno = l->err;
		return NULL;
	}
	cursor *c = &l->runs[l->heap[0]];
	memcpy(l->cur, c->win + c->pos, strlen(c->win + c->pos) + 1);
	cursor_skip(c);
	errno = 0;
	if (!cursor_name(l, c)) {
		l->err = errno;
		l->heap[0] = l->heap[--l->n_heap];
	}
	heap_down(l, 0);
	errno = 0;
	return l->cur;
}

size_t audit_names_peak(const audit_names *l)
{
	return l->peak;
}
