/* `iosplan lint --format markdown`: a summary to paste into a change ticket.
 *
 *   # iosplan lint
 *
 *   Target image: `isr4300-universalk9.16.12.04.SPA.bin` (from --target)
 *   1 device checked: 1 blocked, 0 ready.
 *
 *   ## BR-RTR-2921 (CISCO2921/K9, 15.4(3)M10)
 *
 *   **blocked**: 1 error
 *
 *   Next boot: `flash0:c2900-universalk9-mz.SPA.154-3.M10.bin` (boot-statement, r.log:40)
 *
 *   | Severity | Rule | Location | Message |
 *   | --- | --- | --- | --- |
 *   | error | boot-missing-file | r.log:38 | boot system flash0:... is not on flash0: |
 *
 *   Fix for boot-missing-file (r.log:38):
 *
 *   ```
 *   configure terminal
 *   ```
 *
 * Text from the captures is escaped so that a hostname or message cannot
 * break the table or start a link; commands go into fences longer than any
 * backtick run they contain. Fix blocks are held until the device's table is
 * complete. */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "format.h"
#include "error.h"

typedef struct md_state {
	FILE *out;
	ip_arena *a;                /* escaped copies of capture text */
	const ip_lint_result *r;
	const ip_finding **pending; /* findings of the current device with fixes */
	size_t n_pending, cap_pending;
} md_state;

/* Capture text as Markdown (escape.h): plain text, and code spans. */
static void md_text(md_state *st, const char *s)
{
	fputs(ip_esc_md(st->a, s ? s : ""), st->out);
}

static void md_code(md_state *st, const char *s, bool in_table)
{
	fputs(ip_esc_md_code(st->a, s, in_table), st->out);
}

static void md_location(md_state *st, ip_span s)
{
	if (!ip_span_known(s)) {
		fputs("-", st->out);
		return;
	}
	md_text(st, s.file ? s.file : "<input>");
	fprintf(st->out, ":%u", s.line);
}

static void md_count(md_state *st, size_t n, const char *what, bool *first)
{
	if (!n)
		return;
	fprintf(st->out, "%s%zu %s%s", *first ? "" : ", ", n, what, n == 1 ? "" : "s");
	*first = false;
}

static void md_target(md_state *st, const ip_target *t)
{
	if (!t) {
		fputs("No target image given: only the next reload was checked.\n\n", st->out);
		return;
	}
	fputs("Target image: ", st->out);
	md_code(st, t->raw ? t->raw : t->name, false);
	if (t->size.known)
		fprintf(st->out, ", %llu bytes", (unsigned long long)t->size.v);
	if (t->md5) {
		fputs(", MD5 ", st->out);
		md_code(st, t->md5, false);
	}
	if (t->source) {
		fputs(" (from ", st->out);
		md_text(st, t->source);
		fputc(')', st->out);
	}
	fputs("\n\n", st->out);
}

static void *begin(FILE *out, const ip_lint_result *r)
{
	md_state *st = calloc(1, sizeof(*st));
	if (!st)
		ip_out_of_memory();
	st->out = out;
	st->r = r;
	st->a = ip_arena_new();
	fputs("# iosplan lint\n\n", out);
	md_target(st, r->target);
	size_t blocked = 0;
	for (size_t i = 0; i < r->n_checks; i++)
		blocked += ip_device_check_worst(&r->checks[i]) == IP_SEV_ERROR;
	if (!r->n_checks)
		fputs("No device found in the captures.\n", out);
	else
		fprintf(out, "%zu device%s checked: %zu blocked, %zu ready.\n", r->n_checks,
			r->n_checks == 1 ? "" : "s", blocked, r->n_checks - blocked);
	return st;
}

static void md_image(md_state *st, const char *fs, const char *path)
{
	size_t n = (fs ? strlen(fs) : 0) + (path ? strlen(path) : 0) + 1;
	char *s = malloc(n);
	if (!s)
		ip_out_of_memory();
	snprintf(s, n, "%s%s", fs ? fs : "", path ? path : "");
	md_code(st, s[0] ? s : "?", false);
	free(s);
}

static void md_next_boot(md_state *st, const ip_boot_prediction *p)
{
	fputs("Next boot: ", st->out);
	switch (p->outcome) {
	case IP_NEXT_IMAGE: md_image(st, p->filesystem, p->path); break;
	case IP_NEXT_NETWORK:
		fputs("from the network ", st->out);
		md_image(st, NULL, p->path);
		break;
	case IP_NEXT_ROMMON: fputs("**ROMMON** (no image loads)", st->out); break;
	case IP_NEXT_AMBIGUOUS:
		md_image(st, p->filesystem, p->path);
		fputs(" or ", st->out);
		md_image(st, p->filesystem, p->alt_path);
		fputs(", depending on the platform's search order", st->out);
		break;
	case IP_NEXT_PLATFORM_ROM: fputs("platform-dependent (boot field 0x1)", st->out); break;
	case IP_NEXT_UNKNOWN:
		if (!p->missing && p->unknown_why) {
			fputs("unknown; ", st->out);
			md_text(st, p->unknown_why);
			break;
		}
		fputs("unknown; capture ", st->out);
		md_code(st, p->missing ? p->missing : "?", false);
		break;
	}
	if (p->outcome != IP_NEXT_UNKNOWN && p->step != IP_STEP_NONE) {
		fprintf(st->out, " (by %s%s", ip_next_step_name(p->step), p->from_fallback ? ", as a fallback" : "");
		if (ip_span_known(p->span)) {
			fputs(", at ", st->out);
			md_location(st, p->span);
		}
		fputc(')', st->out);
	}
	fputs("\n\n", st->out);
	for (size_t i = 0; i < p->n_trace; i++) {
		fputs("- ", st->out);
		md_text(st, p->trace[i].text);
		if (ip_span_known(p->trace[i].span)) {
			fputs(" (", st->out);
			md_location(st, p->trace[i].span);
			fputc(')', st->out);
		}
		fputc('\n', st->out);
	}
	if (p->n_trace)
		fputc('\n', st->out);
}

static void md_heading(md_state *st, const ip_device_check *c)
{
	const ip_device *d = c->dev;
	const char *model = d->platform.s ? d->platform.s : c->platform.series;
	const char *version = d->xe_version.s ? d->xe_version.s : d->version.s;
	fputs("\n## ", st->out);
	md_text(st, ip_device_name(d) ? ip_device_name(d) : "(unnamed device)");
	if (model || version) {
		fputs(" (", st->out);
		md_text(st, model ? model : "unknown model");
		fputs(", ", st->out);
		md_text(st, version ? version : "unknown version");
		fputc(')', st->out);
	}
	fputs("\n\n", st->out);
}

static void md_verdict(md_state *st, const ip_device_check *c)
{
	size_t n[IP_SEV_ERROR + 1] = { 0 };
	for (size_t i = 0; i < c->n_findings; i++)
		if (c->findings[i].severity <= IP_SEV_ERROR)
			n[c->findings[i].severity]++;
	bool first = true;
	if (n[IP_SEV_ERROR]) {
		fputs("**blocked**: ", st->out);
		md_count(st, n[IP_SEV_ERROR], "error", &first);
	} else {
		fputs("ready: no blocking findings", st->out);
		if (n[IP_SEV_WARNING] || n[IP_SEV_NOTE])
			fputs(" (", st->out);
	}
	md_count(st, n[IP_SEV_WARNING], "warning", &first);
	md_count(st, n[IP_SEV_NOTE], "note", &first);
	if (!n[IP_SEV_ERROR] && (n[IP_SEV_WARNING] || n[IP_SEV_NOTE]))
		fputc(')', st->out);
	fputs("\n\n", st->out);
}

static void md_fix_block(md_state *st, const ip_finding *f)
{
	fputs("\nFix for ", st->out);
	md_text(st, f->rule_id);
	if (ip_span_known(f->span)) {
		fputs(" (", st->out);
		md_location(st, f->span);
		fputc(')', st->out);
	}
	fputs(":\n\n", st->out);
	fputs(ip_esc_md_block(st->a, (const char *const *)f->fix, f->n_fix), st->out);
}

/* The fenced commands of the findings in the table just printed, and the
 * captures that would settle the findings iosplan could not decide. */
static void flush_fixes(md_state *st)
{
	for (size_t i = 0; i < st->n_pending; i++) {
		const ip_finding *f = st->pending[i];
		if (f->n_fix)
			md_fix_block(st, f);
		if (f->capture) {
			fputs("\nTo decide ", st->out);
			md_text(st, f->rule_id);
			fputs(", capture ", st->out);
			md_code(st, f->capture, false);
			fputs(".\n", st->out);
		}
	}
	st->n_pending = 0;
}

static void device(void *state, const ip_device_check *c)
{
	md_state *st = state;
	flush_fixes(st);
	md_heading(st, c);
	md_verdict(st, c);
	md_next_boot(st, &c->next_boot);
	if (c->n_findings)
		fputs("| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n", st->out);
	else
		fputs("No findings.\n", st->out);
}

static void finding(void *state, const ip_device_check *c, const ip_finding *f)
{
	md_state *st = state;
	(void)c;
	fprintf(st->out, "| %s | ", ip_severity_name(f->severity));
	md_text(st, f->rule_id);
	fputs(" | ", st->out);
	md_location(st, f->span);
	fputs(" | ", st->out);
	md_text(st, f->message);
	fputs(" |\n", st->out);
	if (!f->n_fix && !f->capture)
		return;
	if (st->n_pending == st->cap_pending) {
		st->cap_pending = st->cap_pending ? 2 * st->cap_pending : 8;
		st->pending = realloc(st->pending, st->cap_pending * sizeof(*st->pending));
		if (!st->pending)
			ip_out_of_memory();
	}
	st->pending[st->n_pending++] = f;
}

static void end(void *state)
{
	md_state *st = state;
	flush_fixes(st);
	free(st->pending);
	ip_arena_free(st->a);
	free(st);
}

const ip_writer format_markdown = { "markdown", begin, device, finding, end };
