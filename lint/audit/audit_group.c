/* Grouping the files of a walk into devices (audit.h), without holding
 * more than one device's files:
 *
 *   backups/R1/running.cfg      hostname R1        -> unit 1 (R1)
 *   backups/R1/show_flash.txt   (names no host)    -> unit 1
 *   backups/R1/show_version.txt R1 uptime is ...   -> unit 1
 *   backups/r2.log              R2#show version    -> unit 2 (R2)
 *   backups/r3.log              R3#show version    -> unit 3 (R3)
 *
 * Files arrive in walk order. Consecutive files of one folder belong to one
 * device while the hosts they name agree; a file that names none joins the
 * device being gathered. A new folder, or a file naming another host, starts
 * the next device. A RANCID or Oxidized backup without a hostname line is
 * named after its file, as those tools name their files after the device.
 * The device set built from a unit still groups sections by hostname, so a
 * session log holding two devices gives two devices. A problem met while a
 * device is being gathered is reported right after that device, so that a
 * bad file does not split a device's folder. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "error.h"

enum { MAX_UNIT_FILES = 64, MAX_HELD = 256 };
#define MAX_UNIT_BYTES (8u * 1024u * 1024u)

struct audit_grouper {
	void (*emit)(void *ctx, audit_unit *u);
	void *ctx;
	size_t seq;
	audit_unit *cur;
	char *group; /* folder of cur */
	char *key;   /* host cur's files name, or NULL */
	size_t bytes;
	audit_unit *held[MAX_HELD]; /* problems met while cur is gathered */
	size_t n_held;
};

static char *xstrdup(const char *s)
{
	char *t = strdup(s);
	if (!t)
		ip_out_of_memory();
	return t;
}

static char *xstrndup(const char *s, size_t n)
{
	char *t = strndup(s, n);
	if (!t)
		ip_out_of_memory();
	return t;
}

void audit_unit_free(audit_unit *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->n_files; i++) {
		free(u->files[i].path);
		free(u->files[i].buf);
	}
	free(u->files);
	free(u->name);
	free(u->problem_path);
	free(u->problem);
	free(u->key);
	free(u);
}

audit_grouper *audit_grouper_new(void (*emit)(void *ctx, audit_unit *u), void *ctx)
{
	audit_grouper *g = calloc(1, sizeof(*g));
	if (!g)
		ip_out_of_memory();
	g->emit = emit;
	g->ctx = ctx;
	return g;
}

/* "backups/R1/show_flash.txt" -> "show_flash"; "r5.example.net" stays. */
static char *stem(const char *path)
{
	static const char *const ext[] = { ".log", ".txt", ".cfg", ".conf", ".rancid", ".bak",
					   ".out", ".cap" };
	const char *base = strrchr(path, '/'), *colon = strrchr(path, ':');
	base = base ? base + 1 : path;
	if (colon && colon + 1 > base)
		base = colon + 1;
	size_t n = strlen(base);
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		size_t k = strlen(ext[i]);
		if (n > k && strcasecmp(base + n - k, ext[i]) == 0) {
			n -= k;
			break;
		}
	}
	return xstrndup(base, n);
}

static void emit(audit_grouper *g, audit_unit *u)
{
	u->seq = g->seq++;
	g->emit(g->ctx, u);
}

static void flush(audit_grouper *g)
{
	audit_unit *u = g->cur;
	if (!u)
		return;
	if (u->n_files == 1)
		u->name = stem(u->files[0].path);
	else
		u->name = stem(g->group);
	u->key = g->key; /* the fleet table's (audit_fleet.c) */
	g->cur = NULL;
	free(g->group);
	g->group = g->key = NULL;
	g->bytes = 0;
	emit(g, u);
	for (size_t i = 0; i < g->n_held; i++)
		emit(g, g->held[i]);
	g->n_held = 0;
}

void audit_grouper_problem(audit_grouper *g, const char *path, const char *message,
			   bool unused)
{
	audit_unit *u = calloc(1, sizeof(*u));
	if (!u)
		ip_out_of_memory();
	u->kind = UNIT_PROBLEM;
	u->problem_path = xstrdup(path);
	u->problem = xstrdup(message);
	u->unused = unused;
	if (!g->cur) {
		emit(g, u);
		return;
	}
	if (g->n_held == MAX_HELD)
		flush(g);
	if (g->cur)
		g->held[g->n_held++] = u;
	else
		emit(g, u);
}

static bool starts_new(const audit_grouper *g, const char *group, const char *key, size_t len)
{
	if (!g->cur)
		return false;
	if (strcmp(group, g->group) != 0)
		return true;
	if (key && g->key && strcasecmp(key, g->key) != 0)
		return true;
	return g->cur->n_files >= MAX_UNIT_FILES || g->bytes + len > MAX_UNIT_BYTES;
}

void audit_grouper_file(audit_grouper *g, const char *group, char *path, char *buf, size_t len,
			int64_t mtime)
{
	bool backup = false;
	const char *skip = NULL;
	char *key = audit_file_key(buf, len, &backup, &skip);
	if (skip) {
		/* a backup of another vendor's device (a RANCID repository holds
		 * them all): no input for iosplan, noted, not an input error */
		audit_grouper_problem(g, path, skip, false);
		free(key);
		free(path);
		free(buf);
		return;
	}
	if (!key && backup)
		key = stem(path);
	if (starts_new(g, group, key, len))
		flush(g);
	if (!g->cur) {
		if (!(g->cur = calloc(1, sizeof(*g->cur))))
			ip_out_of_memory();
		g->group = xstrdup(group);
	}
	if (key && !g->key)
		g->key = key;
	else
		free(key);
	if (g->cur->n_files == g->cur->cap_files) {
		g->cur->cap_files = g->cur->cap_files ? 2 * g->cur->cap_files : 4;
		g->cur->files = realloc(g->cur->files, g->cur->cap_files * sizeof(*g->cur->files));
		if (!g->cur->files)
			ip_out_of_memory();
	}
	audit_file *f = &g->cur->files[g->cur->n_files++];
	f->path = path;
	f->buf = buf;
	f->len = len;
	f->mtime = mtime;
	g->bytes += len;
}

void audit_grouper_finish(audit_grouper *g)
{
	flush(g);
	free(g);
}

/* --- what a file names ----------------------------------------------------- */

typedef struct lines {
	const char *p, *end;
} lines;

static bool next_line(lines *it, const char **s, size_t *n)
{
	if (it->p >= it->end)
		return false;
	const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
	const char *e = nl ? nl : it->end;
	*s = it->p;
	*n = (size_t)(e - it->p);
	while (*n && ((*s)[*n - 1] == '\r' || (*s)[*n - 1] == ' '))
		--*n;
	it->p = nl ? nl + 1 : it->end;
	return true;
}

static bool host_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_' || c == '-';
}

/* "R1#show version", "R1>sh ver", "SW1#dir flash:": a host, then '#' or
 * '>', then a command word iosplan's captures start with. */
static char *prompt_host(const char *s, size_t n)
{
	static const char *const verbs[] = { "sh", "dir", "more", "term", "verify", "copy", "wr",
					     "en", "conf", "ping", "reload", "exit" };
	size_t h = 0;
	while (h < n && h < 63 && host_char(s[h]))
		h++;
	if (h == 0 || h >= n || (s[h] != '#' && s[h] != '>') || !isalnum((unsigned char)s[0]))
		return NULL;
	size_t c = h + 1;
	while (c < n && s[c] == ' ')
		c++;
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		size_t k = strlen(verbs[i]);
		if (n - c >= k && strncasecmp(s + c, verbs[i], k) == 0)
			return xstrndup(s, h);
	}
	return NULL;
}

static char *line_host(const char *s, size_t n)
{
	if (!s || s[0] == '!' || s[0] == ' ')
		return NULL; /* comments and indented lines name no host */
	if (n > 9 && memcmp(s, "hostname ", 9) == 0) {
		size_t a = 9, e;
		while (a < n && s[a] == ' ')
			a++;
		for (e = a; e < n && s[e] != ' ' && s[e] != '\t';)
			e++;
		return e > a && e == n ? xstrndup(s + a, e - a) : NULL;
	}
	const char *u = n > 12 ? memmem(s, n, " uptime is ", 11) : NULL;
	if (u && u > s && !memchr(s, ' ', (size_t)(u - s)))
		return xstrndup(s, (size_t)(u - s));
	if (n > 2 && (memchr(s, '#', n < 80 ? n : 80) || memchr(s, '>', n < 80 ? n : 80)))
		return prompt_host(s, n);
	return NULL;
}

static bool oxidized_head(const char *s, size_t n)
{
	static const char *const heads[] = { "! Cisco IOS Software", "! Cisco IOS XE Software",
					     "! Cisco Internetwork Operating System", "! IOS (tm) ",
					     "! Image: Software: " };
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (n >= strlen(heads[i]) && memcmp(s, heads[i], strlen(heads[i])) == 0)
			return true;
	return false;
}

/* The first non-empty line: a RANCID or Oxidized header? */
static void backup_head(const char *s, size_t n, bool *backup, const char **skip)
{
	static const char rancid[] = "!RANCID-CONTENT-TYPE:";
	if (n >= sizeof(rancid) - 1 && memcmp(s, rancid, sizeof(rancid) - 1) == 0) {
		*backup = true;
		size_t k = sizeof(rancid) - 1;
		while (k < n && s[k] == ' ')
			k++;
		if (n - k != 5 || memcmp(s + k, "cisco", 5) != 0)
			*skip = "a RANCID backup of another kind of device (its content type is not "
				"'cisco'): not read";
		return;
	}
	*backup = oxidized_head(s, n);
}

char *audit_file_key(const char *buf, size_t len, bool *backup, const char **skip)
{
	lines it = { buf, buf + len };
	const char *s;
	size_t n;
	bool first = true;
	*backup = false;
	*skip = NULL;
	while (next_line(&it, &s, &n)) {
		if (!n)
			continue;
		if (first) {
			first = false;
			backup_head(s, n, backup, skip);
			if (*skip)
				return NULL;
		}
		char *h = line_host(s, n);
		if (h)
			return h;
	}
	return NULL;
}
