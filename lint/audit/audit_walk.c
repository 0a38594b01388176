/* Walking the audit's inputs (audit.h): directories in name order
 * (byte order, whatever the locale), files, and archives streamed with
 * libarchive (.tar, .tar.gz/.tgz, .tar.xz, .zip, and a lone gzip'd or xz'd
 * capture), recognised by their first bytes, never unpacked to disk.
 *
 * What cannot be read is a problem for its path and the walk goes on: a
 * directory that cannot be opened, a symbolic link inside a walked folder
 * (never followed: audit.h says why; a loop or a dangling one is named as
 * such), a named pipe, device, socket or pseudo-file (never opened for
 * reading: opening a pipe blocks), a file over AUDIT_MAX_FILE_BYTES, a
 * binary file, an archive member that is damaged (the walk skips to the
 * next member when libarchive can) and an archive that ends early (a
 * truncated gzip: the members read so far count).
 * Names starting with '.' (.git, .svn, editor files) are skipped, in a
 * folder and in an archive alike: backup tools keep their repositories
 * there. An archive's "./" and "." components are not hidden names: `tar -C
 * fleet -czf fleet.tgz .` gives "./R1/running.cfg", the same fleet as the
 * folder.
 * A file with several names (hard links: backup tools such as rsnapshot or
 * rsync --link-dest keep unchanged files so) is read once, under the first
 * name met, in a folder and in an archive alike: tar stores every later
 * name as an empty "link to" member, which used to be dropped while the
 * folder read each name, so an archive gave one device less than its
 * folder (issue 23, point 2). Members come in the archive's order, not in
 * name order: the devices are the same, their order may differ. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "audit.h"
#include "error.h"
#include "iosplan_config.h"

#if IOSPLAN_HAVE_LIBARCHIVE
#include "dl_lib.h"
#include "libarchive_dl.h" /* opened on the first archive (walk_archive) */
#endif

#define MAX_DEPTH 64

typedef struct walker {
	const audit_sink *sink;
	bool stop; /* a guarded file was met (audit_guard) */
	audit_progress *pg;
	struct {
		dev_t dev;
		ino_t ino;
		const char *path;
	} stack[MAX_DEPTH];
	size_t depth;
	struct linked {
		dev_t dev;
		ino_t ino;
	} *linked; /* regular files with several names, read once */
	size_t n_linked, cap_linked;
} walker;

/* True when a file with several names was already read under another. */
static bool read_before(walker *w, const struct stat *st)
{
	if (st->st_nlink < 2)
		return false;
	for (size_t i = 0; i < w->n_linked; i++)
		if (w->linked[i].dev == st->st_dev && w->linked[i].ino == st->st_ino)
			return true;
	if (w->n_linked == w->cap_linked) {
		w->cap_linked = w->cap_linked ? 2 * w->cap_linked : 16;
		w->linked = realloc(w->linked, w->cap_linked * sizeof(*w->linked));
		if (!w->linked)
			ip_out_of_memory();
	}
	w->linked[w->n_linked++] = (struct linked){ st->st_dev, st->st_ino };
	return false;
}

static char *xstrdup(const char *s)
{
	char *t = strdup(s);
	if (!t)
		ip_out_of_memory();
	return t;
}

static char *join(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	bool slash = na && a[na - 1] != '/';
	char *s = malloc(na + slash + nb + 1);
	if (!s)
		ip_out_of_memory();
	memcpy(s, a, na);
	if (slash)
		s[na] = '/';
	memcpy(s + na + slash, b, nb + 1);
	return s;
}

static void vreport(walker *w, const char *path, bool unused, const char *fmt, va_list ap)
{
	char *msg = NULL; /* at its real length: it names archive members */
	if (vasprintf(&msg, fmt, ap) < 0)
		ip_out_of_memory();
	w->sink->problem(w->sink->ctx, path, msg, unused);
	free(msg);
}

/* An input that could not be used: the run exits 2 after all output. */
static void problem(walker *w, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(walker *w, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(w, path, true, fmt, ap);
	va_end(ap);
}

/* What is no input by its kind, met in a folder walk and skipped on
 * purpose (a pipe, a socket, a device, a pseudo-file, a symbolic link
 * inside a folder): noted, and not an input that failed, so it does not
 * change the exit code (README "Exit codes", one rule: cli_exit_worst). */
static void skipped(walker *w, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void skipped(walker *w, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(w, path, false, fmt, ap);
	va_end(ap);
}

/* A buffer that looks like text: no NUL byte in its first 8 KiB. */
static bool binary(const char *buf, size_t len)
{
	return memchr(buf, '\0', len < 8192 ? len : 8192) != NULL;
}

static void deliver(walker *w, const char *group, char *path, char *buf, size_t len,
		    int64_t mtime)
{
	if (binary(buf, len)) {
		problem(w, path, "binary file, not a text capture or backup: skipped");
		free(buf);
		free(path);
		return;
	}
	w->sink->file(w->sink->ctx, group, path, buf, len, mtime);
}

/* gzip, xz, bzip2, zstd, zip, or "ustar" at 257: an archive to stream. */
static bool archive_magic(const unsigned char *b, size_t n)
{
	if (n >= 2 && b[0] == 0x1f && b[1] == 0x8b)
		return true;
	if (n >= 6 && memcmp(b, "\xfd" "7zXZ\0", 6) == 0)
		return true;
	if (n >= 3 && memcmp(b, "BZh", 3) == 0)
		return true;
	if (n >= 4 && memcmp(b, "\x28\xb5\x2f\xfd", 4) == 0)
		return true;
	if (n >= 4 && memcmp(b, "PK\3\4", 4) == 0)
		return true;
	return n >= 262 && memcmp(b + 257, "ustar", 5) == 0;
}

static bool read_all(int fd, char *buf, size_t want, size_t *got)
{
	size_t k = 0;
	while (k < want) {
		ssize_t r = read(fd, buf + k, want - k);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return false;
		if (r == 0)
			break;
		k += (size_t)r;
	}
	*got = k;
	return true;
}

#if IOSPLAN_HAVE_LIBARCHIVE
static const char *arc_error(struct archive *a)
{
	const char *e = ip_libarchive_get()->archive_error_string(a);
	return e ? e : "unknown error";
}

static void arc_progress(walker *w, struct archive *a, int64_t *seen)
{
	int64_t now = ip_libarchive_get()->archive_filter_bytes(a, -1);
	if (now > *seen) {
		audit_progress_read(w->pg, (uint64_t)(now - *seen));
		*seen = now;
	}
}

/* "fleet.tgz:R1/running.cfg"; a lone compressed capture is named after the
 * archive without its .gz/.xz/.bz2. */
static char *member_path(struct archive *a, const char *archive, const char *member)
{
	const ip_libarchive *la = ip_libarchive_get();
	if (la->archive_format(a) == ARCHIVE_FORMAT_RAW) {
		char *p = xstrdup(archive), *dot = strrchr(p, '.');
		bool packed = la->archive_filter_code(a, 0) != ARCHIVE_FILTER_NONE;
		if (packed && dot && (!strcmp(dot, ".gz") || !strcmp(dot, ".xz") ||
				      !strcmp(dot, ".bz2") || !strcmp(dot, ".zst")))
			*dot = '\0';
		return p;
	}
	while (member[0] == '.' && member[1] == '/')
		member += 2;
	size_t na = strlen(archive), nm = strlen(member);
	char *p = malloc(na + 1 + nm + 1);
	if (!p)
		ip_out_of_memory();
	memcpy(p, archive, na);
	p[na] = ':';
	memcpy(p + na + 1, member, nm + 1);
	return p;
}

/* The member's folder: everything up to its last '/'. */
static char *member_group(const char *mpath)
{
	char *g = xstrdup(mpath), *slash = strrchr(g, '/'), *colon = strchr(g, ':');
	if (slash && (!colon || slash > colon))
		*slash = '\0';
	return g;
}

/* A name starting with '.' anywhere in the member's path, as the folder
 * walk skips a hidden folder whole; "." itself (tar's "./R1/x") is not. */
static bool hidden_member(const char *member)
{
	for (const char *c = member; c; c = strchr(c, '/')) {
		while (*c == '/')
			c++;
		if (c[0] == '.' && c[1] != '/' && c[1] != '\0')
			return true;
	}
	return false;
}

/* Read the current member whole. False when the archive cannot go on. */
static bool read_member(walker *w, struct archive *a, struct archive_entry *e, char *mpath)
{
	const ip_libarchive *la = ip_libarchive_get();
	int64_t size = la->archive_entry_size_is_set(e) ? la->archive_entry_size(e) : -1;
	if (size > (int64_t)AUDIT_MAX_FILE_BYTES) {
		problem(w, mpath, "%lld bytes: too large for a capture or backup (limit %u): skipped",
			(long long)size, AUDIT_MAX_FILE_BYTES);
		free(mpath);
		return la->archive_read_data_skip(a) != ARCHIVE_FATAL;
	}
	size_t cap = size >= 0 ? (size_t)size + 1 : 65536, len = 0;
	char *buf = malloc(cap + 1);
	if (!buf)
		ip_out_of_memory();
	for (;;) {
		if (len == cap) {
			if (cap > AUDIT_MAX_FILE_BYTES) {
				problem(w, mpath, "more than %u bytes: too large for a capture or "
					"backup: skipped", AUDIT_MAX_FILE_BYTES);
				free(buf);
				free(mpath);
				return la->archive_read_data_skip(a) != ARCHIVE_FATAL;
			}
			cap *= 2;
			if (!(buf = realloc(buf, cap + 1)))
				ip_out_of_memory();
		}
		la_ssize_t r = la->archive_read_data(a, buf + len, cap - len);
		if (r > 0) {
			len += (size_t)r;
			continue;
		}
		if (r == 0)
			break;
		bool fatal = r == ARCHIVE_FATAL;
		problem(w, mpath, fatal ? "the archive is cut short or corrupt inside this member: %s"
					: "damaged member: %s: skipped", arc_error(a));
		free(buf);
		free(mpath);
		return !fatal;
	}
	char *group = member_group(mpath);
	/* tar and zip keep each member's modification time: the last resort
	 * for ordering files that disagree (parsers/merge.c), as on disk */
	int64_t mtime = la->archive_entry_mtime_is_set(e) ? (int64_t)la->archive_entry_mtime(e) : 0;
	deliver(w, group, mpath, buf, len, mtime);
	free(group);
	return true;
}

typedef struct arc_pos {
	unsigned retries; /* consecutive damaged headers */
	char *last;       /* the last member read, whole, for messages; owned */
} arc_pos;

/* One header; returns 1 to go on, 0 at the end, -1 when the archive is
 * unreadable from here on. libarchive retries a damaged tar header block
 * by block: one problem per damaged stretch, not per block. */
static int arc_next(walker *w, struct archive *a, const char *path, arc_pos *pos)
{
	const ip_libarchive *la = ip_libarchive_get();
	struct archive_entry *e;
	int r = la->archive_read_next_header(a, &e);
	if (r == ARCHIVE_EOF)
		return 0;
	if (r == ARCHIVE_RETRY && ++pos->retries < 100000) {
		if (pos->retries == 1)
			problem(w, path, "damaged archive entry%s%s: %s; skipped to the next member",
				pos->last ? " after " : "", pos->last ? pos->last : "",
				arc_error(a));
		return 1;
	}
	if (r == ARCHIVE_FATAL || r == ARCHIVE_RETRY) {
		problem(w, path, "the archive cannot be read further%s%s: %s",
			pos->last ? " after " : "", pos->last ? pos->last : "", arc_error(a));
		return -1;
	}
	pos->retries = 0;
	const char *member = la->archive_entry_pathname(e);
	free(pos->last);
	pos->last = strdup(member ? member : "?");
	if (!pos->last)
		ip_out_of_memory();
	char *mpath = member_path(a, path, member ? member : "?");
	if (r == ARCHIVE_FAILED) {
		problem(w, mpath, "damaged member: %s: skipped", arc_error(a));
		free(mpath);
		return 1;
	}
	/* A hard link's member holds no bytes: its file was an earlier member. */
	if (la->archive_entry_filetype(e) != AE_IFREG || la->archive_entry_hardlink(e) ||
	    (member && hidden_member(member))) {
		free(mpath);
		return 1;
	}
	return read_member(w, a, e, mpath) ? 1 : -1;
}

/* From the descriptor the walk checked, not by name again (the name may
 * have been swapped since); libarchive seeks on a regular file's
 * descriptor as well, so a zip is still read from its central directory. */
static void walk_archive(walker *w, const char *path, int fd)
{
	const ip_libarchive *la = ip_libarchive_get();
	if (!la)
		ip_dl_lib_die(); /* the install is broken, not this archive */
	struct archive *a = la->archive_read_new();
	if (!a)
		ip_out_of_memory();
	la->archive_read_support_filter_all(a);
	la->archive_read_support_format_tar(a);
	la->archive_read_support_format_zip(a);
	la->archive_read_support_format_raw(a);
	if (lseek(fd, 0, SEEK_SET) != 0 ||
	    la->archive_read_open_fd(a, fd, 1 << 16) != ARCHIVE_OK) {
		problem(w, path, "cannot read the archive: %s", arc_error(a));
		la->archive_read_free(a);
		return;
	}
	int64_t seen = 0;
	arc_pos pos = { 0 };
	int r;
	do {
		r = arc_next(w, a, path, &pos);
		arc_progress(w, a, &seen);
	} while (r > 0);
	free(pos.last);
	la->archive_read_free(a);
}
#else
static void walk_archive(walker *w, const char *path, int fd)
{
	(void)fd;
	problem(w, path, "an archive, but this iosplan was built without libarchive: unpack it first");
}
#endif

/* The rest of a file after the `n` bytes of `head`, to its end: never
 * sized by what stat said (a pseudo-file says 0, a backup grows while
 * RANCID writes it); `hint` only sizes the first buffer. Returns 1 when
 * read, 0 when over AUDIT_MAX_FILE_BYTES, -1 on a read error (errno). */
static int read_bounded(int fd, const void *head, size_t n, size_t hint, char **out, size_t *len)
{
	size_t cap = hint < 4096 ? 4096 : hint > AUDIT_MAX_FILE_BYTES ? AUDIT_MAX_FILE_BYTES + 1 : hint;
	char *buf = malloc(cap + 1);
	if (!buf)
		ip_out_of_memory();
	memcpy(buf, head, n);
	size_t k = n;
	for (;;) {
		if (k == cap) {
			if (cap > AUDIT_MAX_FILE_BYTES)
				break;
			cap = cap > AUDIT_MAX_FILE_BYTES / 2 ? AUDIT_MAX_FILE_BYTES + 1 : cap * 2;
			if (!(buf = realloc(buf, cap + 1)))
				ip_out_of_memory();
		}
		ssize_t r = read(fd, buf + k, cap - k);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				break;
			free(buf);
			return -1;
		}
		k += (size_t)r;
	}
	if (k > AUDIT_MAX_FILE_BYTES) {
		free(buf);
		return 0;
	}
	buf[k] = '\0';
	*out = buf;
	*len = k;
	return 1;
}

/* A regular file, open: an archive is streamed, anything else read whole. */
static void walk_file(walker *w, const char *group, const char *path, int fd, const struct stat *st)
{
	unsigned char head[512];
	size_t n = 0;
	if (!read_all(fd, (char *)head, sizeof(head), &n)) {
		problem(w, path, "cannot read: %s", strerror(errno));
		return;
	}
	if (archive_magic(head, n)) {
		walk_archive(w, path, fd);
		return;
	}
	if ((uint64_t)st->st_size > AUDIT_MAX_FILE_BYTES) {
		problem(w, path, "%lld bytes: too large for a capture or backup (limit %u): skipped",
			(long long)st->st_size, AUDIT_MAX_FILE_BYTES);
		return;
	}
	char *buf = NULL;
	size_t len = 0;
	int r = read_bounded(fd, head, n, (size_t)st->st_size + 1, &buf, &len);
	if (r <= 0) {
		if (r == 0)
			problem(w, path, "grew past the size limit (%u bytes) while being read: skipped",
				AUDIT_MAX_FILE_BYTES);
		else
			problem(w, path, "cannot read: %s", strerror(errno));
		return;
	}
	audit_progress_read(w->pg, len);
	deliver(w, group, xstrdup(path), buf, len, (int64_t)st->st_mtime);
}

bool audit_guard_check(audit_guard *g, const char *path, dev_t dev, ino_t ino)
{
	for (size_t i = 0; g && i < g->n; i++)
		if (g->id[i].dev == dev && g->id[i].ino == ino) {
			if (!g->hit)
				g->hit = xstrdup(path);
			return true;
		}
	return false;
}

/* What a name that is neither a file nor a folder is, for its problem. */
static const char *kind_name(mode_t m)
{
	return S_ISFIFO(m) ? "a named pipe (FIFO)" : S_ISCHR(m) ? "a character device"
		: S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket"
		: S_ISLNK(m) ? "a symbolic link" : "not a regular file or directory";
}

/* /proc and /sys files say "regular, 0 bytes" and are made as they are
 * read: not backups, whatever a link or a PATH names. */
static bool pseudo_file(int fd)
{
#ifdef __linux__
	struct statfs fs;
	return fstatfs(fd, &fs) == 0 && (fs.f_type == 0x9fa0 /* PROC_SUPER_MAGIC */ ||
					  fs.f_type == 0x62656572 /* SYSFS_MAGIC */);
#else
	(void)fd;
	return false;
#endif
}

static void walk_dir(walker *w, const char *path, int fd, const struct stat *st);

/* `name` in dirfd, as lstat (fstatat) saw it in *seen: opened without
 * following a link and without blocking, and walked only when the
 * descriptor is what was seen. `follow` for a PATH named by the user. */
static void walk_open(walker *w, const char *group, int dirfd, const char *name,
		      const char *path, const struct stat *seen, bool follow)
{
	if (!S_ISDIR(seen->st_mode) && !S_ISREG(seen->st_mode)) {
		/* one the user named is an input not used; one met in a folder
		 * walk was never meant as one */
		(follow ? problem : skipped)(w, path, "%s: skipped, never opened",
					     kind_name(seen->st_mode));
		return;
	}
	if (S_ISREG(seen->st_mode) && audit_guard_check(w->sink->guard, path, seen->st_dev, seen->st_ino)) {
		w->stop = true;
		return;
	}
	int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (follow ? 0 : O_NOFOLLOW) |
		    (S_ISDIR(seen->st_mode) ? O_DIRECTORY : 0);
	int fd = openat(dirfd, name, flags);
	if (fd < 0) {
		problem(w, path, S_ISDIR(seen->st_mode) ? "cannot read the directory: %s"
							: "cannot open: %s", strerror(errno));
		return;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_dev != seen->st_dev || st.st_ino != seen->st_ino ||
	    (st.st_mode & S_IFMT) != (seen->st_mode & S_IFMT))
		problem(w, path, "changed while it was being opened: skipped");
	else if (S_ISDIR(st.st_mode))
		walk_dir(w, path, fd, &st);
	else if (pseudo_file(fd))
		(follow ? problem : skipped)(w, path, "a pseudo-file (/proc, /sys): skipped");
	else if (!read_before(w, &st))
		walk_file(w, group, path, fd, &st);
	close(fd);
}

/* A symbolic link inside a walked folder: named, never followed. stat()
 * only looks at what it leads to (it opens nothing), to say a loop or a
 * dangling link plainly. */
static void walk_link(walker *w, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ELOOP)
			skipped(w, path, "symbolic link loop: it never reaches a file; not followed");
		else if (errno == ENOENT)
			skipped(w, path, "dangling symbolic link: its target does not exist");
		else
			skipped(w, path, "symbolic link: not followed");
		return;
	}
	for (size_t i = 0; S_ISDIR(st.st_mode) && i < w->depth; i++)
		if (w->stack[i].dev == st.st_dev && w->stack[i].ino == st.st_ino) {
			skipped(w, path, "symbolic link loop: it leads back to %s; not followed",
				w->stack[i].path);
			return;
		}
	skipped(w, path, "symbolic link to %s: not followed (links inside a folder never are; "
		"a target inside it is read under its own name)", S_ISDIR(st.st_mode) ? "a directory" : S_ISREG(st.st_mode)
		? "a file" : kind_name(st.st_mode));
}

/* One name of the directory open on dirfd. */
static void walk_child(walker *w, int dirfd, const char *dir, const char *name)
{
	char *path = join(dir, name);
	struct stat st;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		problem(w, path, "cannot read: %s", strerror(errno));
	else if (S_ISLNK(st.st_mode))
		walk_link(w, path);
	else
		walk_open(w, dir, dirfd, name, path, &st, false);
	free(path);
}

/* The directory's entries in byte order. A directory already on the path
 * being walked (a bind mount, or a PATH named twice inside itself) is not
 * walked twice. */
static void walk_dir(walker *w, const char *path, int fd, const struct stat *st)
{
	for (size_t i = 0; i < w->depth; i++)
		if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
			problem(w, path, "symbolic link loop: this is %s again: not walked twice",
				w->stack[i].path);
			return;
		}
	if (w->depth == MAX_DEPTH) {
		problem(w, path, "directories nested more than %d deep: not walked", MAX_DEPTH);
		return;
	}
	/* The names are held in bounded memory (audit_names.c): a flat folder
	 * of 20 000 backups held ~0.5 MB of names for its whole walk, and the
	 * audit's peak RSS grew with the fleet (issue 10). */
	audit_names *names = audit_names_openat(fd, 0);
	if (!names) {
		problem(w, path, "cannot read the directory: %s", strerror(errno));
		return;
	}
	w->stack[w->depth].dev = st->st_dev;
	w->stack[w->depth].ino = st->st_ino;
	w->stack[w->depth++].path = path;
	const char *name;
	while (!w->stop && (name = audit_names_next(names)))
		walk_child(w, fd, path, name);
	if (!w->stop && errno)
		problem(w, path, "cannot read the directory further: %s", strerror(errno));
	audit_names_close(names);
	w->depth--;
}

/* A PATH the user named: followed when it is a link. False when it cannot
 * be looked at at all. */
static bool walk_path(walker *w, const char *group, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		int err = errno;
		struct stat lst;
		if (err == ELOOP)
			problem(w, path, "symbolic link loop: it never reaches a file");
		else if (err == ENOENT && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
			problem(w, path, "dangling symbolic link: its target does not exist");
		else
			problem(w, path, "cannot read: %s", strerror(err));
		return false;
	}
	walk_open(w, group, AT_FDCWD, path, path, &st, true);
	return true;
}

/* The folder a top-level file is grouped by. */
static char *top_group(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *g = xstrdup(slash ? path : ".");
	if (slash)
		g[slash == path ? 1 : slash - path] = '\0';
	return g;
}

size_t audit_walk(const char *const *paths, size_t n, const audit_sink *sink, audit_progress *pg)
{
	walker w = { .sink = sink, .pg = pg };
	size_t bad = 0;
	for (size_t i = 0; i < n && !w.stop; i++) {
		char *g = top_group(paths[i]);
		bad += !walk_path(&w, g, paths[i]);
		free(g);
	}
	free(w.linked);
	return bad;
}

/* The same walk, sizes only: links followed only when named (top). */
static void size_path(walker *w, const char *path, bool top, uint64_t *bytes, uint64_t *files)
{
	struct stat st;
	if ((top ? stat(path, &st) : lstat(path, &st)) != 0)
		return;
	if (S_ISREG(st.st_mode)) {
		*bytes += (uint64_t)st.st_size;
		++*files;
		return;
	}
	if (!S_ISDIR(st.st_mode) || w->depth == MAX_DEPTH)
		return;
	for (size_t i = 0; i < w->depth; i++)
		if (w->stack[i].dev == st.st_dev && w->stack[i].ino == st.st_ino)
			return;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (top ? 0 : O_NOFOLLOW));
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	w->stack[w->depth].dev = st.st_dev;
	w->stack[w->depth++].ino = st.st_ino;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *child = join(path, e->d_name);
		size_path(w, child, false, bytes, files);
		free(child);
	}
	w->depth--;
	closedir(d);
}

uint64_t audit_walk_size(const char *const *paths, size_t n, uint64_t *files)
{
	walker w = { 0 };
	uint64_t bytes = 0;
	*files = 0;
	for (size_t i = 0; i < n; i++)
		size_path(&w, paths[i], true, &bytes, files);
	return bytes;
}
