/* No line of a plan comes from outside its grammar (issue 18, point 13).
 *
 * Hostile names enter through every door a name has (the image catalogue,
 * .iosplan.yaml's target:, --target, --tftp-server, and a capture's
 * hostname, boot entry, running image and listed file) and go through
 * every plan format. The configuration doors refuse with file:line:col,
 * the options with a usage error (exit 2); a capture's name either never
 * reaches the plan (the capture reader drops C0 bytes) or refuses it
 * (exit 1) naming why. Whatever is printed as a plan carries no control
 * byte and no line of the attacker's choosing. iosplan runs with an argv
 * (no shell), so the bytes arrive as written. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_token.h"
#include "helpers.h"
#include "plan.h"

#define RUNNING "isr4300-universalk9.16.09.06.SPA.bin"
#define TARGET "isr4300-universalk9.16.12.04.SPA.bin"
#define MD5 "a3f8c12d9e4b72f1c8d5a0e3b6f91234"
#define FOREIGN "write erase"

/* What an attacker puts in a name: a line of its own, or bytes a terminal
 * or the IOS CLI acts on. */
static const char *const bad_bytes[] = {
	"\n" FOREIGN "\n", "\r" FOREIGN, "\x1b[2J", "\x1a", "\x7f", "\t", "\xc2\x9b",
	"\xc2\x85", "?",
};
#define N_BAD (sizeof(bad_bytes) / sizeof(bad_bytes[0]))

typedef enum door {
	CATALOGUE, CONFIG, OPT_TARGET, OPT_SERVER, CAP_HOSTNAME, CAP_BOOT, CAP_RUNNING, CAP_LISTED,
	N_DOORS,
} door;
static const char *const door_names[N_DOORS] = {
	"catalogue", "configuration", "--target", "--tftp-server", "capture hostname",
	"capture boot entry", "capture running image", "capture listed file",
};
static const char *const formats[] = { "text", "markdown", "json", "ansible" };
#define N_FORMATS (sizeof(formats) / sizeof(formats[0]))

static char tmpdir[256];
static void setup(void) { test_tmpdir_make(tmpdir, sizeof(tmpdir), "plan-names"); }
static void teardown(void) { test_tmpdir_remove(tmpdir); }

/* s with every `from` replaced by `to` (malloc'd). */
static char *replace(const char *s, const char *from, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to), k = 0;
	for (const char *p = s; (p = strstr(p, from)); p += nf)
		k++;
	char *o = malloc(strlen(s) + k * nt + 1), *w = o;
	for (const char *p; (p = strstr(s, from)); s = p + nf) {
		memcpy(w, s, (size_t)(p - s));
		w += p - s;
		memcpy(w, to, nt);
		w += nt;
	}
	strcpy(w, s);
	return o;
}

static const char *write_file(const char *name, const char *text)
{
	static char path[3][512];
	static int turn;
	char *p = path[turn++ % 3];
	snprintf(p, sizeof(path[0]), "%s/%s", tmpdir, name);
	FILE *f = fopen(p, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* The sample router with `bad` in the name the door reads. */
static const char *capture(door d, const char *bad)
{
	char sample[512], *name = NULL, *text;
	snprintf(sample, sizeof(sample), "%s/netstuts-r1.log", test_samples_dir());
	char *s = test_read_file(sample, NULL);
	cr_assert_not_null(s);
	switch (d) {
	case CAP_HOSTNAME:
		name = malloc(strlen(bad) + 256);
		sprintf(name, "R1%s uptime is", bad);
		text = replace(s, "NetsTuts_R1 uptime is", name);
		break;
	case CAP_BOOT:
		name = malloc(strlen(bad) + 256);
		sprintf(name, "boot system bootflash:old%sx.bin", bad);
		text = replace(s, "boot system bootflash:" RUNNING, name);
		break;
	case CAP_RUNNING:
		name = malloc(strlen(bad) + 256);
		sprintf(name, "isr4300-universalk9.16.09.06.SPA%s.bin", bad);
		text = replace(s, RUNNING, name);
		break;
	default: { /* a big unused image the plan deletes to make room */
		name = malloc(strlen(bad) + 256);
		sprintf(name, "throughput_monitor_params\n 11  600000000 Mar 05 2026 09:14:22 "
			      "isr4300-universalk9.16.06.01%s.SPA.bin", bad);
		char *t = replace(s, "throughput_monitor_params", name);
		text = replace(t, "6927970304 bytes available", "300000000 bytes available");
		free(t);
	}
	}
	const char *path = write_file("hostile.log", text);
	free(s);
	free(name);
	free(text);
	return path;
}

typedef struct result {
	int status;
	char *out, *err;
} result;

static result run(char *const argv[])
{
	char out[300], err[300];
	snprintf(out, sizeof(out), "%s/stdout", tmpdir);
	snprintf(err, sizeof(err), "%s/stderr", tmpdir);
	pid_t pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || chdir(tmpdir))
			_exit(127);
		execv(getenv("IOSPLAN_BIN"), argv);
		_exit(127);
	}
	int st;
	waitpid(pid, &st, 0);
	return (result){ WIFEXITED(st) ? WEXITSTATUS(st) : 128, test_read_file(out, NULL),
			 test_read_file(err, NULL) };
}

/* A byte the printed plan must not hold: C0 but the line break (and the
 * tabs JSON indents with), DEL, or a C1 control as UTF-8. */
static const char *control_in(const char *s, bool json)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && !(json && *p == '\t')) || *p == 0x7f ||
		    (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return (const char *)p;
	return NULL;
}

static bool has_line(const char *s, const char *line)
{
	size_t n = strlen(line);
	for (const char *p = s; (p = strstr(p, line)); p += n)
		if ((p == s || p[-1] == '\n' || p[-1] == '\r') && (p[n] == '\n' || p[n] == '\r' || !p[n]))
			return true;
	return false;
}

/* Whether the capture reader hands `bad` on inside the name: it ends the
 * line at a line break or carriage return and drops the other C0 bytes
 * but the tab, and DEL. What it hands on must refuse the plan. */
static bool delivered(const char *bad)
{
	return bad[strspn(bad, "\t?\xc2\x9b\x85")] == '\0';
}

/* text as a YAML double-quoted scalar's inside: controls escaped (a raw
 * control byte would be a YAML error before iosplan sees the name). */
static char *yaml_quoted(const char *text)
{
	char *o = malloc(strlen(text) * 6 + 1), *w = o;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			w += sprintf(w, "\\u00%02x", *++p);
		else if (*p < 0x20 || *p == 0x7f)
			w += sprintf(w, "\\x%02x", *p);
		else
			*w++ = (char)*p;
	}
	*w = '\0';
	return o;
}

/* s with each run of white space as one space (the refusal is wrapped). */
static char *squeeze(const char *s)
{
	char *o = malloc(strlen(s) + 1), *w = o;
	for (; *s; s++)
		if (*s != ' ' && *s != '\n')
			*w++ = *s;
		else if (w == o || w[-1] != ' ')
			*w++ = ' ';
	*w = '\0';
	return o;
}

/* The configuration file a door writes: the hostile target in YAML. */
static const char *config_file(door d, const char *target)
{
	char *q = yaml_quoted(target), yaml[1024];
	if (d == CATALOGUE)
		snprintf(yaml, sizeof(yaml), "images:\n  - name: \"%s\"\n    md5: %s\n"
			 "    size: 521347072\n    platforms: [isr4300]\n", q, MD5);
	else
		snprintf(yaml, sizeof(yaml), "target: \"%s\"\n", q);
	free(q);
	return write_file(d == CATALOGUE ? "images.yaml" : ".iosplan.yaml", yaml);
}

/* The sample router, or the hostile capture of a capture door. */
static const char *capture_file(door d, const char *bad)
{
	if (d >= CAP_HOSTNAME)
		return capture(d, bad);
	char sample[512];
	snprintf(sample, sizeof(sample), "%s/netstuts-r1.log", test_samples_dir());
	char *s = test_read_file(sample, NULL);
	const char *path = write_file("r1.log", s);
	free(s);
	return path;
}

/* iosplan plan's argv with `bad` entering through door d; `buf` holds the
 * hostile option value. */
static void plan_argv(char **argv, door d, const char *bad, const char *fmt, char *buf, size_t n)
{
	int k = 0;
	snprintf(buf, n, "isr4300-universalk9.16.12.04.SPA%s.bin", bad);
	argv[k++] = "iosplan";
	argv[k++] = "plan";
	argv[k++] = "--format";
	argv[k++] = (char *)fmt;
	if (d == CATALOGUE) { /* the catalogue names the image and its reference */
		argv[k++] = "--catalog";
		argv[k++] = (char *)config_file(d, buf);
	} else {
		argv[k++] = "--size";
		argv[k++] = "521347072";
		argv[k++] = "--md5";
		argv[k++] = MD5;
		argv[k++] = d == CONFIG ? "--config" : "--target";
		argv[k++] = d == CONFIG ? (char *)config_file(d, buf) : d == OPT_TARGET ? buf : TARGET;
	}
	if (d == OPT_SERVER)
		snprintf(buf, n, "192.168.1.100%s", bad);
	argv[k++] = "--tftp-server";
	argv[k++] = d == OPT_SERVER ? buf : "192.168.1.100";
	argv[k++] = (char *)capture_file(d, bad);
	argv[k] = NULL;
}

static void check(door d, const char *bad, const char *fmt)
{
	char *argv[24], buf[200];
	plan_argv(argv, d, bad, fmt, buf, sizeof(buf));
	result r = run(argv);
	cr_assert_not_null(r.out);
	const char *where = door_names[d];
	if (d <= CONFIG) {
		cr_assert_eq(r.status, 2, "%s, %s: exit %d\n%s", where, fmt, r.status, r.err);
		cr_assert(strstr(r.err, d == CATALOGUE ? "images.yaml:2:" : ".iosplan.yaml:1:"),
			  "%s: no file:line:col in\n%s", where, r.err);
		cr_assert(strstr(r.err, "cannot be typed at the device CLI"), "%s:\n%s", where, r.err);
	} else if (d <= OPT_SERVER) {
		cr_assert_eq(r.status, 2, "%s, %s: exit %d\n%s", where, fmt, r.status, r.err);
		cr_assert(!control_in(r.err, false), "%s: the error echoes the bytes:\n%s", where, r.err);
	} else if (delivered(bad)) {
		char *refusal = squeeze(strcmp(fmt, "ansible") == 0 ? r.err : r.out);
		cr_assert_eq(r.status, 1, "%s, %s: exit %d\n%s", where, fmt, r.status, r.err);
		cr_assert(strstr(refusal, "cannot be typed at the device CLI") ||
			  (d == CAP_HOSTNAME && strstr(refusal, "Ansible can target")),
			  "%s, %s: refused for another reason:\n%s", where, fmt, refusal);
		free(refusal);
	} else { /* the reader split the line or dropped the bytes */
		cr_assert(r.status <= 1, "%s, %s: exit %d\n%s", where, fmt, r.status, r.err);
		cr_assert(!strstr(r.out, bad), "%s, %s: the hostile bytes are printed", where, fmt);
	}
	if (r.status == 0 || d < CAP_HOSTNAME) { /* a printed plan, or none at all */
		const char *c = control_in(r.out, strcmp(fmt, "json") == 0);
		cr_assert(!c, "%s, %s: byte 0x%02X in the plan", where, fmt, (unsigned char)*c);
		cr_assert(!has_line(r.out, FOREIGN), "%s, %s: a foreign line", where, fmt);
	}
	free(r.out);
	free(r.err);
}


ParameterizedTestParameters(plan_names, doors)
{
	static size_t idx[N_DOORS * N_BAD];
	for (size_t i = 0; i < N_DOORS * N_BAD; i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, N_DOORS * N_BAD);
}

/* One case per door and hostile name, through the four formats. */
ParameterizedTest(size_t *row, plan_names, doors, .init = setup, .fini = teardown, .timeout = 120)
{
	test_memcheck_sample(*row);
	door d = (door)(*row / N_BAD);
	const char *bad = bad_bytes[*row % N_BAD];
	for (size_t f = 0; f < N_FORMATS; f++)
		check(d, bad, formats[f]);
}

/* --- the two grammars, directly ------------------------------------------- */

typedef struct token_case {
	const char *s;
	ip_cli_kind kind;
	bool ok;
} token_case;

static const token_case token_cases[] = {
	{ "isr4300-universalk9.16.12.04.SPA.bin", IP_CLI_TOKEN, true },
	{ "bootflash:c3750e-universalk9-tar.122-55.SE12/x.bin", IP_CLI_TOKEN, true },
	{ "{{lookup('pipe','id')}}", IP_CLI_TOKEN, true }, /* harmless to IOS: Ansible's business */
	{ "", IP_CLI_TOKEN, false },
	{ "a b", IP_CLI_TOKEN, false },
	{ "a b", IP_CLI_LINE, true },
	{ "a?b", IP_CLI_TOKEN, false },
	{ "a?b", IP_CLI_LINE, false },
	{ "a?b", IP_CLI_TEXT, true },
	{ "a\nb", IP_CLI_TEXT, false },
	{ "a\rb", IP_CLI_LINE, false },
	{ "a\tb", IP_CLI_TEXT, false },
	{ "a\x1a", IP_CLI_LINE, false },
	{ "a\x7f", IP_CLI_TEXT, false },
	{ "a\xc2\x9b", IP_CLI_TEXT, false },
	{ "a\xc2\x85", IP_CLI_TEXT, false },
	{ "a\xc2\xa0", IP_CLI_TEXT, true },  /* U+00A0 is no control */
	{ "a\xc2\xa0", IP_CLI_TOKEN, false }, /* but the CLI is ASCII */
	{ "caf\xc3\xa9 \xe2\x80\xa6", IP_CLI_TEXT, true },
};

IP_TABLE_PARAMS(plan_names, cli_token, token_cases)

ParameterizedTest(size_t *row, plan_names, cli_token)
{
	const token_case *c = &token_cases[*row];
	char buf[128];
	const char *why = ip_cli_check(c->s, c->kind, buf, sizeof(buf));
	cr_assert_eq(why == NULL, c->ok, "row %zu: %s", *row, why ? why : "accepted");
}

typedef struct host_case {
	const char *name;
	bool ok;
} host_case;

static const host_case host_cases[] = {
	{ "R1", true }, { "NetsTuts_R1", true }, { "SW-ACC-9300-01", true },
	{ "a123456789012345678901234567890123456789012345678901234567890bc", true }, /* 63 */
	{ "a1234567890123456789012345678901234567890123456789012345678901cd", false }, /* 64 */
	{ "all", false }, { "ungrouped", false }, { "*", false }, { "R1:R2", false },
	{ "!R1", false }, { "~R.*", false }, { "&R1", false }, { "R1,R2", false },
	{ "R[0:3]", false }, { "web*", false }, { "1R", false }, { "-R1", false },
	{ "R1-", false }, { "R1.example.com", false }, { "", false }, { "R\xc3\xa9", false },
};

IP_TABLE_PARAMS(plan_names, ansible_host, host_cases)

ParameterizedTest(size_t *row, plan_names, ansible_host)
{
	const host_case *c = &host_cases[*row];
	cr_assert_eq(ip_plan_ansible_host_ok(c->name), c->ok, "'%s'", c->name);
}
