/* verify /md5 and verify /sha512: the hash the device computed of a file.
 *
 *   R1#verify /md5 bootflash:isr4300-universalk9.16.12.04.SPA.bin
 *   ....................................Done!
 *   verify /md5 (bootflash:isr4300-universalk9.16.12.04.SPA.bin) = a3f8c12d9e4b72f1c8d5a0e3b6f91234
 *
 *   SW1#verify /md5 flash:c2960x-universalk9-tar.152-7.E13.tar 56604f86ee9b096b3deb622b52062f6b
 *   .....Done!
 *   Verified (flash:c2960x-universalk9-tar.152-7.E13.tar) = 56604f86ee9b096b3deb622b52062f6b
 *
 *   %Error verifying bootflash:asr1001-universalk9.03.08.02.S.153-1.S2.bin
 *   Computed signature = 8307d56881931c08c3fed66d169823a4
 *   Submitted signature = e383bf779e137367839593efa8f0f725
 *
 *   %Error opening flash:cat9k.bin (No such file or directory)
 *
 * Flattened logs put "....Done! verify /md5 (…) = …" on one line; a narrow
 * terminal wraps a SHA-512 onto the next line; both are read. A typed
 * command with no result line is a capture cut short (timeout): its result
 * is INCOMPLETE, never a pass. A printed hash of the wrong length or with a
 * non-hex digit is damaged text: an error diagnostic on the digits. The
 * expected hash is the one typed after the file name (or the "Submitted
 * signature"). Plain `verify flash:x` checks the embedded hash instead and
 * is not read (its "CCO Hash" is not the published file hash). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "bytescan.h"
#include "parsers.h"
#include "rx.h"

enum { RX_COMPUTED, RX_VERIFIED, RX_ERR_VERIFY, RX_SIGNATURE, RX_ERR_OPEN };

static ip_rx vf_rx[] = {
	[RX_COMPUTED] = {"(?:^|[\\s.!])verify\\s+/(md5|sha512)\\s+\\(([^()\\s]+)\\)\\s*=\\s*(\\S*)$",
			 IP_RX_CASELESS, NULL},
	[RX_VERIFIED] = {"(?:^|[\\s.!])Verified\\s+\\(([^()\\s]+)\\)\\s*=\\s*(\\S*)$", 0, NULL},
	[RX_ERR_VERIFY] = {"^%Error verifying\\s+(\\S+)", 0, NULL},
	[RX_SIGNATURE] = {"^(Computed|Submitted)\\s+signature\\s*=\\s*(\\S*)$", 0, NULL},
	[RX_ERR_OPEN] = {"^%Error opening\\s+(\\S+?)(?:\\s+\\((.*)\\))?$", 0, NULL},
};

enum { MAX_WARNINGS = 20 };

/* What the typed command says. */
typedef struct vf_cmd {
	ip_hash_algo algo;
	bool hash_option;   /* /md5 or /sha512 was typed */
	bool flattened;     /* the output follows on the prompt line */
	ip_path file;       /* raw NULL when no file was typed */
	ip_text expected;
} vf_cmd;

typedef struct vstate {
	ip_device *dev;
	const ip_section *sec;
	ip_parse_ctx *ctx;
	vf_cmd cmd;
	size_t first;       /* dev->verifications index of this section's first */
	size_t mismatch;    /* index of the open "%Error verifying", or SIZE_MAX */
	unsigned warnings;
} vstate;

static size_t hash_len(ip_hash_algo a)
{
	return a == IP_HASH_MD5 ? 32 : a == IP_HASH_SHA512 ? 128 : 0;
}

static const char *algo_name(ip_hash_algo a)
{
	return a == IP_HASH_MD5 ? "MD5" : a == IP_HASH_SHA512 ? "SHA-512" : "hash";
}

static bool all_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

static char *lower_dup(ip_arena *a, const char *s, size_t n)
{
	char *d = ip_arena_strndup(a, s, n);
	for (char *p = d; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return d;
}

/* The path and span of a file name inside a line. */
static void file_at(vstate *st, ip_path *out, const ip_line *l, size_t s, size_t e)
{
	ip_path_split(out, st->ctx->arena, l->text + s, e - s);
	out->span = ip_line_span(l, st->sec->file, s, e);
}

/* Typed command tokens and their spans in the prompt line. */
static void cmd_read(vstate *st)
{
	const ip_section *sec = st->sec;
	if (!sec->command || !sec->prompt)
		return;
	const ip_line *p = sec->prompt;
	size_t clen = strlen(sec->command);
	if (clen > p->len || memcmp(p->text + p->len - clen, sec->command, clen) != 0)
		return;
	size_t i = p->len - clen, end = p->len, ntok = 0;
	const char *bar = memchr(p->text + i, '|', end - i);
	if (bar)
		end = (size_t)(bar - p->text);
	while (i < end) {
		while (i < end && isspace((unsigned char)p->text[i]))
			i++;
		size_t s = i;
		while (i < end && !isspace((unsigned char)p->text[i]))
			i++;
		if (s == i || ntok++ == 0)
			continue; /* the verb */
		const char *t = p->text + s;
		size_t n = i - s;
		if (t[0] == '.' || t[0] == '!' || (n >= 5 && memcmp(t, "Done!", 5) == 0)) {
			st->cmd.flattened = true; /* the output follows on this line */
			break;
		}
		if (t[0] == '/') {
			st->cmd.hash_option |= (n == 4 && strncasecmp(t, "/md5", 4) == 0) ||
					       (n == 7 && strncasecmp(t, "/sha512", 7) == 0);
			st->cmd.algo = n == 4 && strncasecmp(t, "/md5", 4) == 0 ? IP_HASH_MD5
				     : n == 7 && strncasecmp(t, "/sha512", 7) == 0 ? IP_HASH_SHA512
				     : st->cmd.algo;
		} else if (!st->cmd.file.raw) {
			file_at(st, &st->cmd.file, p, s, i);
		} else if (!st->cmd.expected.s) {
			st->cmd.expected.s = lower_dup(st->ctx->arena, t, n);
			st->cmd.expected.span = ip_line_span(p, sec->file, s, i);
		}
	}
}

/* A typed expected hash the device cannot have printed: the user's typo.
 * The device compares against it anyway, so it is kept as typed. */
static void expected_check(vstate *st)
{
	const ip_text *e = &st->cmd.expected;
	size_t want = hash_len(st->cmd.algo), n = e->s ? strlen(e->s) : 0;
	if (!e->s || (all_hex(e->s, n) && n == want))
		return;
	ip_diag_add(st->ctx->diags, IP_DIAG_WARNING, e->span,
		    "the expected hash typed after the file, '%.140s', is not %zu hex digits: the "
		    "device compared the file with it as typed", e->s, want);
}

static void warn(vstate *st, ip_diag_level lv, ip_span sp, const char *msg)
{
	if (lv == IP_DIAG_WARNING && st->warnings++ >= MAX_WARNINGS)
		return;
	ip_diag_add(st->ctx->diags, lv, sp, "%s", msg);
}

/* A hash at l->text[s, e), joined with `next` (may be NULL) when a narrow
 * terminal wrapped it; returns whether `next` was used. *algo is decided
 * from the length when it was unknown. Malformed text is an error
 * diagnostic, and out stays unset. */
static bool hash_read(vstate *st, const ip_line *l, const ip_line *next, size_t s, size_t e,
		      ip_hash_algo *algo, ip_text *out)
{
	size_t n = e - s, want = hash_len(*algo);
	ip_span sp = ip_line_span(l, st->sec->file, s, e);
	const char *text = l->text + s;
	bool joined = false;
	if (next && all_hex(text, n) && n < (want ? want : 128) && all_hex(next->text, next->len) &&
	    n + next->len == (want ? want : 128)) {
		text = ip_arena_printf(st->ctx->arena, "%.*s%s", (int)n, text, next->text);
		ip_span tail = ip_line_span_all(next, st->sec->file);
		sp.end_line = tail.end_line;
		sp.end_col = tail.end_col;
		n += next->len;
		joined = true;
	}
	if (!want && (n == 32 || n == 128))
		*algo = n == 32 ? IP_HASH_MD5 : IP_HASH_SHA512;
	want = hash_len(*algo);
	if (!all_hex(text, n) || (want ? n != want : true)) {
		ip_diag_add(st->ctx->diags, IP_DIAG_ERROR, sp,
			    "the %s printed by verify is '%.*s' (%zu characters), not %zu hex "
			    "digits: the capture is damaged; capture `verify /%s` again",
			    algo_name(*algo), (int)(n > 140 ? 140 : n), text, n, want ? want : 32,
			    *algo == IP_HASH_SHA512 ? "sha512" : "md5");
		return joined;
	}
	out->s = lower_dup(st->ctx->arena, text, n);
	out->span = sp;
	return joined;
}

static bool same_file(const ip_path *a, const ip_path *b)
{
	if (!a->raw || !b->raw || strcasecmp(a->path, b->path) != 0)
		return false;
	return !a->filesystem || !b->filesystem || strcmp(a->filesystem, b->filesystem) == 0;
}

static ip_verification *entry_new(vstate *st, const ip_line *l, ip_verify_result r)
{
	ip_device *d = st->dev;
	ip_verification *v = IP_PUSH(st->ctx->arena, d->verifications, d->n_verifications,
				     d->cap_verifications);
	v->result = r;
	v->span = ip_line_span_all(l, st->sec->file);
	v->algorithm = st->cmd.algo;
	return v;
}

/* The typed expected hash belongs to the entry when it names the same file. */
static void expected_from_cmd(vstate *st, ip_verification *v)
{
	if (st->cmd.expected.s && same_file(&v->file, &st->cmd.file))
		v->expected = st->cmd.expected;
}

static bool line_computed(vstate *st, const ip_line *l, const ip_line *next,
			  const ip_rx_match *m)
{
	ip_verification *v = entry_new(st, l, IP_VERIFY_COMPUTED);
	v->algorithm = strncasecmp(l->text + m->start[1], "md5", 3) == 0 ? IP_HASH_MD5 : IP_HASH_SHA512;
	file_at(st, &v->file, l, m->start[2], m->end[2]);
	expected_from_cmd(st, v);
	return hash_read(st, l, next, m->start[3], m->end[3], &v->algorithm, &v->computed);
}

static bool line_verified(vstate *st, const ip_line *l, const ip_line *next,
			  const ip_rx_match *m)
{
	ip_verification *v = entry_new(st, l, IP_VERIFY_VERIFIED);
	file_at(st, &v->file, l, m->start[1], m->end[1]);
	expected_from_cmd(st, v);
	bool joined = hash_read(st, l, next, m->start[2], m->end[2], &v->algorithm, &v->computed);
	if (!v->expected.s) /* "Verified" means it equalled what was typed */
		v->expected = v->computed;
	return joined;
}

static bool line_signature(vstate *st, const ip_line *l, const ip_line *next,
			  const ip_rx_match *m)
{
	if (st->mismatch == SIZE_MAX) {
		warn(st, IP_DIAG_WARNING, ip_line_span_all(l, st->sec->file),
		     "signature line without its '%Error verifying' line: ignored");
		return false;
	}
	ip_verification *v = &st->dev->verifications[st->mismatch];
	bool computed = l->text[0] == 'C';
	return hash_read(st, l, next, m->start[2], m->end[2], &v->algorithm,
			 computed ? &v->computed : &v->expected);
}

static void line_error_open(vstate *st, const ip_line *l, const ip_rx_match *m)
{
	ip_verification *v = entry_new(st, l, IP_VERIFY_FAILED);
	file_at(st, &v->file, l, m->start[1], m->end[1]);
	if (ip_rx_group_set(m, 2))
		v->reason = ip_arena_strndup(st->ctx->arena, l->text + m->start[2],
					     ip_rx_group_len(m, 2));
}

/* Dots, "!", "Done!", ".MD5 of flash:x Done!": progress, nothing to read. */
static bool is_progress(const ip_line *l)
{
	size_t k = strspn(l->text, ".!O ");
	if (k == l->len)
		return true;
	return l->len >= 5 && memcmp(l->text + l->len - 5, "Done!", 5) == 0;
}

/* The result forms that may share a line with the command or the progress
 * dots. Returns 1 when the line was one, 2 when it also used `next`. */
static int line_result(vstate *st, const ip_line *l, const ip_line *next)
{
	ip_rx_match m;
	if (!ip_find(l->text, l->len, "erif", 4))
		return 0;
	if (ip_rx_exec(&vf_rx[RX_COMPUTED], l->text, l->len, &m)) {
		st->mismatch = SIZE_MAX;
		return 1 + line_computed(st, l, next, &m);
	}
	if (ip_rx_exec(&vf_rx[RX_VERIFIED], l->text, l->len, &m)) {
		st->mismatch = SIZE_MAX;
		return 1 + line_verified(st, l, next, &m);
	}
	if (ip_rx_exec(&vf_rx[RX_ERR_VERIFY], l->text, l->len, &m)) {
		ip_verification *v = entry_new(st, l, IP_VERIFY_MISMATCH);
		file_at(st, &v->file, l, m.start[1], m.end[1]);
		expected_from_cmd(st, v);
		st->mismatch = st->dev->n_verifications - 1;
		return 1;
	}
	return 0;
}

/* One output line; returns how many lines it used (a wrapped hash: 2). */
static size_t line_read(vstate *st, const ip_line *l, const ip_line *next)
{
	ip_rx_match m;
	if (l->len == 0)
		return 1;
	int r = line_result(st, l, next);
	if (r)
		return (size_t)r;
	if (l->text[0] == '%' && ip_rx_exec(&vf_rx[RX_ERR_OPEN], l->text, l->len, &m)) {
		line_error_open(st, l, &m);
	} else if ((l->text[0] == 'C' || l->text[0] == 'S') &&
		   ip_rx_exec(&vf_rx[RX_SIGNATURE], l->text, l->len, &m)) {
		return 1 + line_signature(st, l, next, &m);
	} else if (!is_progress(l)) {
		warn(st, IP_DIAG_WARNING, ip_line_span_all(l, st->sec->file),
		     "line not understood in verify output: ignored");
	}
	return 1;
}

/* A typed `verify /md5 f` with no result: the capture stopped early. */
static void incomplete(vstate *st)
{
	if (!st->cmd.hash_option || !st->cmd.file.raw)
		return;
	const ip_line *p = st->sec->prompt;
	ip_verification *v = entry_new(st, p, IP_VERIFY_INCOMPLETE);
	v->file = st->cmd.file;
	v->expected = st->cmd.expected;
	v->span = st->cmd.file.span;
	ip_diag_add(st->ctx->diags, IP_DIAG_WARNING, v->span,
		    "the output of `verify /%s %s` ends before its result (no '= <hash>', "
		    "'Verified' or '%%Error' line): the result is unknown; capture it "
		    "again and wait for the line after 'Done!'",
		    v->algorithm == IP_HASH_SHA512 ? "sha512" : "md5", v->file.raw);
}

int verify_md5_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	vstate st = { .dev = dev, .sec = sec, .ctx = ctx };
	st.first = dev->n_verifications;
	st.mismatch = SIZE_MAX;
	cmd_read(&st);
	if (sec->command && !st.cmd.hash_option)
		return 0; /* plain verify: the embedded-hash check, not read */
	expected_check(&st);
	if (st.cmd.flattened)
		line_result(&st, sec->prompt, NULL);
	for (size_t i = 0; i < sec->n_lines;)
		i += line_read(&st, &sec->lines[i], i + 1 < sec->n_lines ? &sec->lines[i + 1] : NULL);
	if (dev->n_verifications == st.first)
		incomplete(&st);
	return 0;
}
