/* Compiler-style text for a person at a terminal:
 *
 *   traps/register-2142.log:62:27: error: ... [config-register]
 *      62 | Configuration register is 0x2142
 *         |                           ^~~~~~
 *         = fix: config-register 0x2102
 *
 * Colour only when writing to a terminal (and NO_COLOR is unset). */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "format.h"
#include "error.h"

typedef struct text_state {
	FILE *out;
	ip_arena *a;                /* escaped copies of capture text */
	const ip_lint_result *r;
	size_t counts[4];
	const char *seen_rules[64];
	size_t n_seen;
} text_state;

static const char *sev_colour(ip_severity s)
{
	return s == IP_SEV_ERROR ? "\033[1;31m" : s == IP_SEV_WARNING ? "\033[1;35m" : "\033[1;36m";
}

static void *begin(FILE *out, const ip_lint_result *r)
{
	text_state *st = calloc(1, sizeof(*st));
	if (!st)
		ip_out_of_memory();
	st->out = out;
	st->r = r;
	st->a = ip_arena_new();
	return st;
}

/* Capture text, file names included, as a terminal must show it. */
static const char *T(const text_state *st, const char *s)
{
	return ip_esc_text(st->a, s);
}

static const char *c(const text_state *st, const char *code)
{
	return st->r->color ? code : "";
}

static void describe_next_boot(text_state *st, const ip_boot_prediction *p)
{
	fprintf(st->out, "  next boot: ");
	switch (p->outcome) {
	case IP_NEXT_IMAGE:
		fprintf(st->out, "%s%s", p->filesystem ? T(st, p->filesystem) : "",
			p->path ? T(st, p->path) : "?");
		break;
	case IP_NEXT_AMBIGUOUS:
		fprintf(st->out, "%s%s or %s (depends on the platform's search order)",
			p->filesystem ? T(st, p->filesystem) : "", T(st, p->path),
			p->alt_path ? T(st, p->alt_path) : "?");
		break;
	case IP_NEXT_UNKNOWN:
		if (!p->missing && p->unknown_why)
			fprintf(st->out, "unknown (%s)", T(st, p->unknown_why));
		else
			fprintf(st->out, "unknown (capture '%s')", p->missing ? T(st, p->missing) : "?");
		break;
	default:
		fprintf(st->out, "%s", ip_next_outcome_name(p->outcome));
	}
	if (p->step != IP_STEP_NONE && p->outcome != IP_NEXT_UNKNOWN)
		fprintf(st->out, " [%s%s]", ip_next_step_name(p->step), p->from_fallback ? ", fallback" : "");
	fputc('\n', st->out);
}

static void device(void *state, const ip_device_check *ck)
{
	text_state *st = state;
	const ip_device *d = ck->dev;
	fprintf(st->out, "%s%s%s", c(st, "\033[1m"),
		ip_device_name(d) ? T(st, ip_device_name(d)) : "(unnamed device)", c(st, "\033[0m"));
	if (d->platform.s || d->version.s)
		fprintf(st->out, " (%s%s%s)", d->platform.s ? T(st, d->platform.s) : "",
			d->platform.s && d->version.s ? ", " : "", d->version.s ? T(st, d->version.s) : "");
	fputc('\n', st->out);
	describe_next_boot(st, &ck->next_boot);
}

/* The caret under the span of the escaped line: one column per character
 * (a UTF-8 continuation byte adds none), tabs kept so they align. */
static void caret_line(text_state *st, ip_span s)
{
	size_t a, b;
	const char *src = span_source(st->r->set, s, &a, &b);
	if (!src)
		return;
	const char *before = T(st, ip_arena_strndup(st->a, src, a));
	const char *span = T(st, ip_arena_strndup(st->a, src + a, b - a));
	fprintf(st->out, "%6u | %s%s%s\n       | ", s.line, before, span, T(st, src + b));
	for (const char *p = before; *p; p++)
		if ((*p & 0xc0) != 0x80)
			fputc(*p == '\t' ? '\t' : ' ', st->out);
	fprintf(st->out, "%s^", c(st, "\033[1;32m"));
	for (const char *p = span + (*span != 0); *p; p++)
		if ((*p & 0xc0) != 0x80)
			fputc('~', st->out);
	fprintf(st->out, "%s\n", c(st, "\033[0m"));
}

static void location(text_state *st, ip_span s, const char *device_name)
{
	if (ip_span_known(s))
		fprintf(st->out, "%s%s:%u:%u:%s ", c(st, "\033[1m"), s.file ? T(st, s.file) : "<input>",
			s.line, s.col, c(st, "\033[0m"));
	else
		fprintf(st->out, "%s%s:%s ", c(st, "\033[1m"),
			device_name ? T(st, device_name) : "<device>", c(st, "\033[0m"));
}

static void finding(void *state, const ip_device_check *ck, const ip_finding *f)
{
	text_state *st = state;
	(void)ck;
	st->counts[f->severity]++;
	location(st, f->span, f->device);
	fprintf(st->out, "%s%s:%s %s [%s]\n", c(st, sev_colour(f->severity)), ip_severity_name(f->severity),
		c(st, "\033[0m"), T(st, f->message), f->rule_id);
	if (ip_span_known(f->span))
		caret_line(st, f->span);
	for (size_t i = 0; i < f->n_related; i++) {
		fprintf(st->out, "       = see ");
		location(st, f->related[i].span, f->device);
		fprintf(st->out, "%s\n", T(st, f->related[i].message));
	}
	for (size_t i = 0; i < f->n_fix; i++)
		fprintf(st->out, "       = %s %s\n", i ? "    " : "fix:", T(st, f->fix[i]));
	if (f->capture)
		fprintf(st->out, "       = capture '%s' to decide this\n", T(st, f->capture));
	size_t k = 0;
	while (k < st->n_seen && strcmp(st->seen_rules[k], f->rule_id) != 0)
		k++;
	if (k == st->n_seen && st->n_seen < 64)
		st->seen_rules[st->n_seen++] = f->rule_id;
}

static void end(void *state)
{
	text_state *st = state;
	size_t e = st->counts[IP_SEV_ERROR], w = st->counts[IP_SEV_WARNING], n = st->counts[IP_SEV_NOTE];
	if (e + w + n == 0)
		fprintf(st->out, "no findings\n");
	else
		fprintf(st->out, "%zu error%s, %zu warning%s, %zu note%s\n", e, e == 1 ? "" : "s", w,
			w == 1 ? "" : "s", n, n == 1 ? "" : "s");
	if (st->n_seen) {
		fprintf(st->out, "for more information: ");
		for (size_t i = 0; i < st->n_seen; i++)
			fprintf(st->out, "%siosplan explain %s", i ? ", " : "", st->seen_rules[i]);
		fputc('\n', st->out);
	}
	ip_arena_free(st->a);
	free(st);
}

const ip_writer format_text = { "text", begin, device, finding, end };
