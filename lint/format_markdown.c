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

#include "format.h"
#include "error.h"

typedef struct md_state {
	FILE *out;
	const ip_lint_result *r;
	const ip_finding **pending; /* findings of the current device with fixes */
	size_t n_pending, cap_pending;
} md_state;

/* Plain text: every ASCII punctuation character that CommonMark or GFM
 * tables give a meaning to is backslash-escaped (a valid escape renders as
 * the bare character); line breaks become spaces. */
static void md_text(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			fputc(' ', out);
		else if (strchr("\\`*_[]<>|#~&!", *s))
			fprintf(out, "\\%c", *s);
		else
			fputc(*s, out);
	}
}

static size_t longest_backtick_run(const char *s)
{
	size_t best = 0, run = 0;
	for (; s && *s; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/* An inline code span: a fence one backtick longer than any run inside, and
 * a space of padding when the text itself starts or ends with a backtick.
 * In a table a '|' must still be escaped, code span or not (GFM). */
static void md_code(FILE *out, const char *s, bool in_table)
{
	size_t fence = longest_backtick_run(s) + 1;
	bool pad = s[0] == '`' || (s[0] && s[strlen(s) - 1] == '`');
	for (size_t i = 0; i < fence; i++)
		fputc('`', out);
	if (pad)
		fputc(' ', out);
	for (const char *p = s; *p; p++) {
		if (in_table && *p == '|')
			fputs("\\|", out);
		else
			fputc(*p == '\n' ? ' ' : *p, out);
	}
	if (pad)
		fputc(' ', out);
	for (size_t i = 0; i < fence; i++)
		fputc('`', out);
}

static void md_location(FILE *out, ip_span s)
{
	if (!ip_span_known(s)) {
		fputs("-", out);
		return;
	}
	md_text(out, s.file ? s.file : "<input>");
	fprintf(out, ":%u", s.line);
}

static void md_count(FILE *out, size_t n, const char *what, bool *first)
{
	if (!n)
		return;
	fprintf(out, "%s%zu %s%s", *first ? "" : ", ", n, what, n == 1 ? "" : "s");
	*first = false;
}

static void md_target(FILE *out, const ip_target *t)
{
	if (!t) {
		fputs("No target image given: only the next reload was checked.\n\n", out);
		return;
	}
	fputs("Target image: ", out);
	md_code(out, t->raw ? t->raw : t->name, false);
	if (t->size.known)
		fprintf(out, ", %llu bytes", (unsigned long long)t->size.v);
	if (t->md5) {
		fputs(", MD5 ", out);
		md_code(out, t->md5, false);
	}
	if (t->source) {
		fputs(" (from ", out);
		md_text(out, t->source);
		fputc(')', out);
	}
	fputs("\n\n", out);
}

static void *begin(FILE *out, const ip_lint_result *r)
{
	md_state *st = calloc(1, sizeof(*st));
	if (!st)
		ip_out_of_memory();
	st->out = out;
	st->r = r;
	fputs("# iosplan lint\n\n", out);
	md_target(out, r->target);
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

static void md_image(FILE *out, const char *fs, const char *path)
{
	size_t n = (fs ? strlen(fs) : 0) + (path ? strlen(path) : 0) + 1;
	char *s = malloc(n);
	if (!s)
		ip_out_of_memory();
	snprintf(s, n, "%s%s", fs ? fs : "", path ? path : "");
	md_code(out, s[0] ? s : "?", false);
	free(s);
}

static void md_next_boot(FILE *out, const ip_boot_prediction *p)
{
	fputs("Next boot: ", out);
	switch (p->outcome) {
	case IP_NEXT_IMAGE: md_image(out, p->filesystem, p->path); break;
	case IP_NEXT_NETWORK:
		fputs("from the network ", out);
		md_image(out, NULL, p->path);
		break;
	case IP_NEXT_ROMMON: fputs("**ROMMON** (no image loads)", out); break;
	case IP_NEXT_AMBIGUOUS:
		md_image(out, p->filesystem, p->path);
		fputs(" or ", out);
		md_image(out, p->filesystem, p->alt_path);
		fputs(", depending on the platform's search order", out);
		break;
	case IP_NEXT_PLATFORM_ROM: fputs("platform-dependent (boot field 0x1)", out); break;
	case IP_NEXT_UNKNOWN:
		fputs("unknown; capture ", out);
		md_code(out, p->missing ? p->missing : "?", false);
		break;
	}
	if (p->outcome != IP_NEXT_UNKNOWN && p->step != IP_STEP_NONE) {
		fprintf(out, " (by %s%s", ip_next_step_name(p->step), p->from_fallback ? ", as a fallback" : "");
		if (ip_span_known(p->span)) {
			fputs(", at ", out);
			md_location(out, p->span);
		}
		fputc(')', out);
	}
	fputs("\n\n", out);
	for (size_t i = 0; i < p->n_trace; i++) {
		fputs("- ", out);
		md_text(out, p->trace[i].text);
		if (ip_span_known(p->trace[i].span)) {
			fputs(" (", out);
			md_location(out, p->trace[i].span);
			fputc(')', out);
		}
		fputc('\n', out);
	}
	if (p->n_trace)
		fputc('\n', out);
}

static void md_heading(FILE *out, const ip_device_check *c)
{
	const ip_device *d = c->dev;
	const char *model = d->platform.s ? d->platform.s : c->platform.series;
	const char *version = d->xe_version.s ? d->xe_version.s : d->version.s;
	fputs("\n## ", out);
	md_text(out, d->hostname.s ? d->hostname.s : "(unnamed device)");
	if (model || version) {
		fputs(" (", out);
		md_text(out, model ? model : "unknown model");
		fputs(", ", out);
		md_text(out, version ? version : "unknown version");
		fputc(')', out);
	}
	fputs("\n\n", out);
}

static void md_verdict(FILE *out, const ip_device_check *c)
{
	size_t n[IP_SEV_ERROR + 1] = { 0 };
	for (size_t i = 0; i < c->n_findings; i++)
		if (c->findings[i].severity <= IP_SEV_ERROR)
			n[c->findings[i].severity]++;
	bool first = true;
	if (n[IP_SEV_ERROR]) {
		fputs("**blocked**: ", out);
		md_count(out, n[IP_SEV_ERROR], "error", &first);
	} else {
		fputs("ready: no blocking findings", out);
		if (n[IP_SEV_WARNING] || n[IP_SEV_NOTE])
			fputs(" (", out);
	}
	md_count(out, n[IP_SEV_WARNING], "warning", &first);
	md_count(out, n[IP_SEV_NOTE], "note", &first);
	if (!n[IP_SEV_ERROR] && (n[IP_SEV_WARNING] || n[IP_SEV_NOTE]))
		fputc(')', out);
	fputs("\n\n", out);
}

static void md_fence(FILE *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputc('`', out);
	fputc('\n', out);
}

static void md_fix_block(FILE *out, const ip_finding *f)
{
	fputs("\nFix for ", out);
	md_text(out, f->rule_id);
	if (ip_span_known(f->span)) {
		fputs(" (", out);
		md_location(out, f->span);
		fputc(')', out);
	}
	fputs(":\n\n", out);
	size_t fence = 3;
	for (size_t k = 0; k < f->n_fix; k++) {
		size_t run = longest_backtick_run(f->fix[k]) + 1;
		fence = run > fence ? run : fence;
	}
	md_fence(out, fence);
	for (size_t k = 0; k < f->n_fix; k++)
		fprintf(out, "%s\n", f->fix[k]);
	md_fence(out, fence);
}

/* The fenced commands of the findings in the table just printed, and the
 * captures that would settle the findings iosplan could not decide. */
static void flush_fixes(md_state *st)
{
	for (size_t i = 0; i < st->n_pending; i++) {
		const ip_finding *f = st->pending[i];
		if (f->n_fix)
			md_fix_block(st->out, f);
		if (f->capture) {
			fputs("\nTo decide ", st->out);
			md_text(st->out, f->rule_id);
			fputs(", capture ", st->out);
			md_code(st->out, f->capture, false);
			fputs(".\n", st->out);
		}
	}
	st->n_pending = 0;
}

static void device(void *state, const ip_device_check *c)
{
	md_state *st = state;
	flush_fixes(st);
	md_heading(st->out, c);
	md_verdict(st->out, c);
	md_next_boot(st->out, &c->next_boot);
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
	md_text(st->out, f->rule_id);
	fputs(" | ", st->out);
	md_location(st->out, f->span);
	fputs(" | ", st->out);
	md_text(st->out, f->message);
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
	free(st);
}

const ip_writer format_markdown = { "markdown", begin, device, finding, end };
