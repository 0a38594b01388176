/* `iosplan verify --format markdown`: the post-change section of a change
 * ticket. It goes under the plan's Markdown (`# Upgrade plan: R1`, whose
 * sections are `##`), so each device is one `##` section:
 *
 *   ## Post-change verification: NetsTuts_R1
 *   **Not done**: 1 check failed. Stage: after reload (show version: ...).
 *   | Check | Result | After | Before | Detail |
 *   ...
 *   ### Not checked        (the captures that were missing, before or after)
 *   ### Fixes              (one code block per failed check)
 *   ### Clean-up           (the readiness, with the clean-up commands)
 *
 * GitHub-flavoured Markdown; every text from outside goes through
 * escape.h. */
#include <string.h>

#include "escape.h"
#include "verify_out.h"

/* Where the section goes, and the arena for escaped copies: every name,
 * file name and message is Markdown-escaped (escape.h). */
typedef struct vm {
	FILE *out;
	ip_arena *a;
} vm;

static void text(const vm *o, const char *s)
{
	fputs(ip_esc_md(o->a, s ? s : ""), o->out);
}

static void code(const vm *o, const char *s)
{
	fputs(ip_esc_md_code(o->a, s ? s : "", false), o->out);
}

static void loc_cell(const vm *o, ip_span s)
{
	if (!ip_span_known(s)) {
		fputs("-", o->out);
		return;
	}
	text(o, ip_arena_printf(o->a, "%s:%u", s.file ? s.file : "<input>", s.line));
}

static void header(const vm *o, const ip_verify_device *v)
{
	fputs("## Post-change verification: ", o->out);
	text(o, v->hostname);
	fputs("\n\n", o->out);
	if (ip_verify_failed(v))
		fprintf(o->out, "**Not done**: %zu check%s failed.", v->counts[IP_VCHECK_FAIL],
			v->counts[IP_VCHECK_FAIL] == 1 ? "" : "s");
	else if (v->stage == IP_VSTAGE_RELOAD && ip_verify_done(v))
		fprintf(o->out, "**Done** as far as the captures show: %zu check%s passed.",
			v->counts[IP_VCHECK_PASS], v->counts[IP_VCHECK_PASS] == 1 ? "" : "s");
	else if (v->stage == IP_VSTAGE_RELOAD) {
		fputs("**Not verified**: ", o->out);
		text(o, ip_verify_missing_decisive(v, o->a));
		fputc('.', o->out);
	}
	else
		fprintf(o->out, "**On track**: %zu check%s passed; %s.", v->counts[IP_VCHECK_PASS],
			v->counts[IP_VCHECK_PASS] == 1 ? "" : "s", verify_next_step(v));
	fprintf(o->out, " Stage: %s (", ip_vstage_title(v->stage));
	text(o, v->stage_why);
	fputs(").\n\n", o->out);
	if (v->boots) {
		fprintf(o->out, "Expected (from %s): ", v->from_plan ? "the plan" : "the target");
		code(o, v->boots);
		if (v->fallback) {
			fputs(", fallback ", o->out);
			code(o, v->fallback);
		}
		if (v->register_known)
			fprintf(o->out, ", register `0x%X`", v->register_value);
		fputs(".\n\n", o->out);
	}
}

static void table(const vm *o, const ip_verify_device *v)
{
	fputs("| Check | Result | After | Before | Detail |\n|---|---|---|---|---|\n", o->out);
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status == IP_VCHECK_NOT_MADE || !strcmp(k->id, "cleanup"))
			continue;
		bool loud = k->status == IP_VCHECK_FAIL;
		fprintf(o->out, "| %s | %s%s%s | ", k->id, loud ? "**" : "",
			verify_status_label(k->status), loud ? "**" : "");
		loc_cell(o, k->after);
		fputs(" | ", o->out);
		loc_cell(o, k->before);
		fputs(" | ", o->out);
		text(o, k->message);
		fputs(" |\n", o->out);
	}
}

static void not_checked(const vm *o, const ip_verify_device *v)
{
	if (!v->counts[IP_VCHECK_NOT_MADE])
		return;
	fputs("\n### Not checked\n\nCapture these and run `iosplan verify` again:\n\n", o->out);
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status != IP_VCHECK_NOT_MADE)
			continue;
		fprintf(o->out, "- %s: ", k->id);
		if (k->capture) {
			code(o, k->capture);
			fprintf(o->out, " %s the change: ", k->capture_before ? "before" : "after");
		}
		text(o, k->message);
		fputc('\n', o->out);
	}
}

static void block(const vm *o, const char *const *lines, size_t n)
{
	fputc('\n', o->out);
	fputs(ip_esc_md_block(o->a, lines, n), o->out);
}

static void fixes(const vm *o, const ip_verify_device *v)
{
	bool any = false;
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status != IP_VCHECK_FAIL || (!k->n_fix && !k->n_related))
			continue;
		if (!any)
			fputs("\n### Failed checks\n", o->out);
		any = true;
		fprintf(o->out, "\n%s (", k->id);
		loc_cell(o, k->after);
		fputs("): ", o->out);
		text(o, k->message);
		fputs("\n", o->out);
		for (size_t r = 0; r < k->n_related; r++) {
			fputs("\n- ", o->out);
			loc_cell(o, k->related[r].span);
			fputs(": ", o->out);
			text(o, k->related[r].message);
		}
		if (k->n_related)
			fputc('\n', o->out);
		if (k->n_fix)
			block(o, (const char *const *)k->fix, k->n_fix);
	}
}

static void cleanup(const vm *o, const ip_verify_device *v)
{
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (strcmp(k->id, "cleanup") != 0 || k->status == IP_VCHECK_NOT_MADE)
			continue;
		fputs("\n### Clean-up\n\n", o->out);
		text(o, k->message);
		fputc('\n', o->out);
		if (k->n_fix)
			block(o, (const char *const *)k->fix, k->n_fix);
	}
}

int verify_write_markdown(FILE *out, const ip_verify_report *r)
{
	vm o = { out, ip_arena_new() };
	for (size_t i = 0; i < r->n; i++) {
		const ip_verify_device *v = &r->devices[i];
		if (i)
			fputc('\n', out);
		header(&o, v);
		table(&o, v);
		not_checked(&o, v);
		fixes(&o, v);
		cleanup(&o, v);
	}
	ip_arena_free(o.a);
	return ferror(out) ? -1 : 0;
}
