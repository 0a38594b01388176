/* bench_lsp: how long after a change `iosplan lsp` publishes diagnostics.
 *
 *   bench_lsp IOSPLAN FLEET_DIR [LINES] [CHANGES]
 *
 * Builds one capture of at least LINES lines (default 10000) from the
 * gen_fleet captures in FLEET_DIR (whole files, in name order), starts
 * `IOSPLAN lsp`, opens it, then makes CHANGES (default 200) incremental
 * edits the way an editor sends them: one didChange that flips a
 * configuration register between 0x2102 and 0x2142 (which adds or removes a
 * finding), and times each from the write of the didChange to the arrival
 * of the publishDiagnostics for its version. Prints min, median, p90, p99
 * and max; exits 1 when the median is over the budget of 20 ms, unless
 * BENCH_LSP_UNTIMED is set: bench/gate runs the server under callgrind,
 * which counts its instructions and makes every time meaningless. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BUDGET_MS 20.0

typedef struct buf {
	char *p;
	size_t n, cap;
} buf;

static void die(const char *msg)
{
	fprintf(stderr, "bench_lsp: %s%s%s\n", msg, errno ? ": " : "", errno ? strerror(errno) : "");
	exit(2);
}

static void put(buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			die("out of memory");
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whole fleet files, in name order, until there are `lines` lines. */
static size_t build_capture(buf *out, const char *dir, size_t lines)
{
	DIR *d = opendir(dir);
	if (!d)
		die("cannot open the fleet directory");
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (strstr(e->d_name, ".log")) {
			names = realloc(names, (n + 1) * sizeof(*names));
			names[n++] = strdup(e->d_name);
		}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	size_t have = 0;
	for (size_t i = 0; i < n && have < lines; i++) {
		char path[4096], chunk[65536];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		if (!f)
			die("cannot read a fleet file");
		size_t k;
		while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0) {
			put(out, chunk, k);
			for (size_t j = 0; j < k; j++)
				have += chunk[j] == '\n';
		}
		fclose(f);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (have < lines)
		die("the fleet is too small: generate more devices");
	return have;
}

/* --- the server ----------------------------------------------------------- */

static int to_srv, from_srv;
static buf inbuf;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void send_msg(cJSON *m)
{
	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	char *body = cJSON_PrintUnformatted(m);
	cJSON_Delete(m);
	char head[64];
	int hn = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", strlen(body));
	buf all = { 0 };
	put(&all, head, (size_t)hn);
	put(&all, body, strlen(body));
	for (size_t off = 0; off < all.n;) {
		ssize_t k = write(to_srv, all.p + off, all.n - off);
		if (k < 0 && errno != EINTR)
			die("cannot write to the server");
		off += k > 0 ? (size_t)k : 0;
	}
	free(all.p);
	free(body);
}

/* The next message from the server. */
static cJSON *recv_msg(void)
{
	for (;;) {
		char *end = inbuf.p ? strstr(inbuf.p, "\r\n\r\n") : NULL;
		if (end) {
			size_t len = strtoul(inbuf.p + 15, NULL, 10), head = (size_t)(end - inbuf.p) + 4;
			if (inbuf.n >= head + len) {
				cJSON *m = cJSON_ParseWithLength(inbuf.p + head, len);
				memmove(inbuf.p, inbuf.p + head + len, inbuf.n - head - len + 1);
				inbuf.n -= head + len;
				if (!m)
					die("the server sent invalid JSON");
				return m;
			}
		}
		char chunk[65536];
		ssize_t k = read(from_srv, chunk, sizeof(chunk));
		if (k <= 0)
			die("the server closed its output");
		put(&inbuf, chunk, (size_t)k);
	}
}

/* Wait for the diagnostics of `version`; returns how many there were. */
static int wait_diagnostics(int version)
{
	for (;;) {
		cJSON *m = recv_msg();
		const cJSON *method = cJSON_GetObjectItem(m, "method");
		const cJSON *p = cJSON_GetObjectItem(m, "params");
		if (cJSON_IsString(method) && !strcmp(method->valuestring, "textDocument/publishDiagnostics") &&
		    cJSON_GetObjectItem(p, "version")->valueint == version) {
			int n = cJSON_GetArraySize(cJSON_GetObjectItem(p, "diagnostics"));
			cJSON_Delete(m);
			return n;
		}
		cJSON_Delete(m);
	}
}

static pid_t start(const char *bin)
{
	int in[2], out[2];
	if (pipe(in) || pipe(out))
		die("pipe");
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[1]);
		close(out[0]);
		execl(bin, bin, "lsp", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	to_srv = in[1];
	from_srv = out[0];
	return pid;
}

static cJSON *request(int id, const char *method, cJSON *params)
{
	cJSON *m = cJSON_CreateObject();
	if (id)
		cJSON_AddNumberToObject(m, "id", id);
	cJSON_AddStringToObject(m, "method", method);
	cJSON_AddItemToObject(m, "params", params ? params : cJSON_CreateObject());
	return m;
}

/* --- the edits ---------------------------------------------------------------- */

typedef struct spot {
	unsigned line, character;
} spot;

/* Whether the line before offset i is empty. */
static bool blank_before(const buf *t, size_t i)
{
	size_t k = i;
	if (k && t->p[k - 1] == '\n')
		k--;
	if (k && t->p[k - 1] == '\r')
		k--;
	return k == 0 || t->p[k - 1] == '\n' || t->p[k - 1] == '\r';
}

/* The LSP position of the value in each "Configuration register is 0x2102"
 * (lines end at \n, \r\n or \r; the fleet is ASCII). */
static size_t find_registers(const buf *t, spot *out, size_t max)
{
	static const char key[] = "Configuration register is 0x2102";
	size_t n = 0;
	unsigned line = 0;
	size_t line_start = 0;
	for (size_t i = 0; i < t->n && n < max; i++) {
		if (t->p[i] == '\n' || (t->p[i] == '\r' && (i + 1 >= t->n || t->p[i + 1] != '\n'))) {
			line++;
			line_start = i + 1;
		} else if (t->p[i] == 'C' && i == line_start && strncmp(t->p + i, key, sizeof(key) - 1) == 0 &&
			   strchr("\r\n", t->p[i + sizeof(key) - 1]) && blank_before(t, i)) {
			/* show version's (after a blank line), not show bootvar's;
			 * no "(will be …)" */
			out[n].line = line;
			out[n].character = (unsigned)(i - line_start) + 26;
			n++;
		}
	}
	return n;
}

static cJSON *position(unsigned line, unsigned character)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddNumberToObject(p, "line", line);
	cJSON_AddNumberToObject(p, "character", character);
	return p;
}

static cJSON *did_change(int version, spot at, const char *value)
{
	cJSON *p = cJSON_CreateObject();
	cJSON *td = cJSON_AddObjectToObject(p, "textDocument");
	cJSON_AddStringToObject(td, "uri", "file:///tmp/bench-lsp-10k.ios");
	cJSON_AddNumberToObject(td, "version", version);
	cJSON *ch = cJSON_CreateObject();
	cJSON *r = cJSON_AddObjectToObject(ch, "range");
	cJSON_AddItemToObject(r, "start", position(at.line, at.character));
	cJSON_AddItemToObject(r, "end", position(at.line, at.character + 6));
	cJSON_AddStringToObject(ch, "text", value);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(p, "contentChanges"), ch);
	return request(0, "textDocument/didChange", p);
}

static const char *load_average(void)
{
	static char text[64] = "unknown";
	FILE *f = fopen("/proc/loadavg", "r");
	if (f) {
		if (fscanf(f, "%63s", text) != 1)
			snprintf(text, sizeof(text), "unknown");
		fclose(f);
	}
	return text;
}

/* CPU seconds (user + system) the server has used so far. */
static double cpu_seconds(pid_t pid)
{
	char path[64], line[1024];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f || !fgets(line, sizeof(line), f))
		die("cannot read the server's /proc/PID/stat");
	fclose(f);
	const char *p = strrchr(line, ')'); /* the command may hold spaces */
	unsigned long ut = 0, st = 0;
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		die("cannot parse /proc/PID/stat");
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* initialize, then didOpen: the first diagnostics' count; *ms the time. */
static int open_capture(const buf *text, double *ms)
{
	send_msg(request(1, "initialize", NULL));
	cJSON_Delete(recv_msg());
	send_msg(request(0, "initialized", NULL));
	cJSON *open = cJSON_CreateObject();
	cJSON *td = cJSON_AddObjectToObject(open, "textDocument");
	cJSON_AddStringToObject(td, "uri", "file:///tmp/bench-lsp-10k.ios");
	cJSON_AddStringToObject(td, "languageId", "ioscapture");
	cJSON_AddNumberToObject(td, "version", 1);
	cJSON_AddStringToObject(td, "text", text->p);
	double t0 = now_ms();
	send_msg(request(0, "textDocument/didOpen", open));
	int n = wait_diagnostics(1);
	*ms = now_ms() - t0;
	return n;
}

/* The timed edits, into ms[]; returns how many gave the wrong count. */
static int edit(const spot *regs, size_t n_regs, int changes, int base, double *ms)
{
	int wrong = 0;
	for (int i = 0; i < changes; i++) {
		spot at = regs[(size_t)(i / 2) % n_regs];
		bool flip = i % 2 == 0; /* 0x2142, then back */
		double t0 = now_ms();
		send_msg(did_change(i + 2, at, flip ? "0x2142" : "0x2102"));
		int n = wait_diagnostics(i + 2);
		ms[i] = now_ms() - t0;
		wrong += n != (flip ? base + 1 : base);
	}
	return wrong;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: bench_lsp IOSPLAN FLEET_DIR [LINES] [CHANGES]\n", stderr);
		return 2;
	}
	size_t want = argc > 3 ? strtoul(argv[3], NULL, 10) : 10000;
	int changes = argc > 4 ? atoi(argv[4]) : 200;
	buf text = { 0 };
	size_t lines = build_capture(&text, argv[2], want);
	spot regs[64];
	size_t n_regs = find_registers(&text, regs, 64);
	if (!n_regs || changes < 1)
		die("no 'Configuration register is 0x2102' line in the capture");
	signal(SIGPIPE, SIG_IGN);
	pid_t pid = start(argv[1]);
	double open_ms, *ms = calloc((size_t)changes, sizeof(*ms));
	int base = open_capture(&text, &open_ms);
	double cpu0 = cpu_seconds(pid);
	int wrong = edit(regs, n_regs, changes, base, ms);
	double cpu = (cpu_seconds(pid) - cpu0) * 1e3 / changes;
	send_msg(request(2, "shutdown", NULL));
	cJSON_Delete(recv_msg());
	send_msg(request(0, "exit", NULL));
	int status;
	waitpid(pid, &status, 0);

	qsort(ms, (size_t)changes, sizeof(*ms), cmp_double);
	double med = ms[changes / 2];
	printf("lsp: a %zu-line capture (%zu bytes), %d diagnostics; open: %.1f ms\n", lines, text.n, base, open_ms);
	printf("lsp: change -> publishDiagnostics over %d edits: min %.2f ms, median %.2f ms, "
	       "p90 %.2f ms, p99 %.2f ms, max %.2f ms (budget %.0f ms)\n", changes, ms[0], med,
	       ms[changes * 9 / 10], ms[changes * 99 / 100], ms[changes - 1], BUDGET_MS);
	printf("lsp: server CPU per change: %.2f ms (user + system; the wall-clock figures also count "
	       "waiting for a core: load average %s)\n", cpu, load_average());
	if (wrong)
		printf("lsp: %d edits did not add or remove the config-register finding\n", wrong);
	free(ms);
	free(text.p);
	free(inbuf.p);
	bool timed = !getenv("BENCH_LSP_UNTIMED");
	return wrong || (timed && med > BUDGET_MS) || !WIFEXITED(status) || WEXITSTATUS(status) ? 1 : 0;
}
