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
 * GitHub-flavoured Markdown: table cells escape '|'. */
#include <string.h>

#include "verify_out.h"

static void cell(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			fputs("\\|", out);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', out);
		else
			fputc(*s, out);
	}
}

static void loc_cell(FILE *out, ip_span s)
{
	if (!ip_span_known(s)) {
		fputs("-", out);
		return;
	}
	fprintf(out, "%s:%u", s.file ? s.file : "<input>", s.line);
}

static void header(FILE *out, const ip_verify_device *v)
{
	fprintf(out, "## Post-change verification: %s\n\n", v->hostname);
	if (ip_verify_failed(v))
		fprintf(out, "**Not done**: %zu check%s failed.", v->counts[IP_VCHECK_FAIL],
			v->counts[IP_VCHECK_FAIL] == 1 ? "" : "s");
	else if (v->stage == IP_VSTAGE_RELOAD)
		fprintf(out, "**Done** as far as the captures show: %zu check%s passed.",
			v->counts[IP_VCHECK_PASS], v->counts[IP_VCHECK_PASS] == 1 ? "" : "s");
	else
		fprintf(out, "**On track**: %zu check%s passed; %s.", v->counts[IP_VCHECK_PASS],
			v->counts[IP_VCHECK_PASS] == 1 ? "" : "s", verify_next_step(v));
	fprintf(out, " Stage: %s (", ip_vstage_title(v->stage));
	cell(out, v->stage_why);
	fputs(").\n\n", out);
	if (v->boots) {
		fprintf(out, "Expected (from %s): `%s`", v->from_plan ? "the plan" : "the target",
			v->boots);
		if (v->fallback)
			fprintf(out, ", fallback `%s`", v->fallback);
		if (v->register_known)
			fprintf(out, ", register `0x%X`", v->register_value);
		fputs(".\n\n", out);
	}
}

static void table(FILE *out, const ip_verify_device *v)
{
	fputs("| Check | Result | After | Before | Detail |\n|---|---|---|---|---|\n", out);
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status == IP_VCHECK_NOT_MADE || !strcmp(k->id, "cleanup"))
			continue;
		bool loud = k->status == IP_VCHECK_FAIL;
		fprintf(out, "| %s | %s%s%s | ", k->id, loud ? "**" : "",
			verify_status_label(k->status), loud ? "**" : "");
		loc_cell(out, k->after);
		fputs(" | ", out);
		loc_cell(out, k->before);
		fputs(" | ", out);
		cell(out, k->message);
		fputs(" |\n", out);
	}
}

static void not_checked(FILE *out, const ip_verify_device *v)
{
	if (!v->counts[IP_VCHECK_NOT_MADE])
		return;
	fputs("\n### Not checked\n\nCapture these and run `iosplan verify` again:\n\n", out);
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status != IP_VCHECK_NOT_MADE)
			continue;
		fprintf(out, "- %s: ", k->id);
		if (k->capture)
			fprintf(out, "`%s` %s the change: ", k->capture, k->capture_before ? "before" : "after");
		cell(out, k->message);
		fputc('\n', out);
	}
}

static void code(FILE *out, const char *const *lines, size_t n)
{
	fputs("\n```\n", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s\n", lines[i]);
	fputs("```\n", out);
}

static void fixes(FILE *out, const ip_verify_device *v)
{
	bool any = false;
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status != IP_VCHECK_FAIL || (!k->n_fix && !k->n_related))
			continue;
		if (!any)
			fputs("\n### Failed checks\n", out);
		any = true;
		fprintf(out, "\n%s (", k->id);
		loc_cell(out, k->after);
		fputs("): ", out);
		cell(out, k->message);
		fputs("\n", out);
		for (size_t r = 0; r < k->n_related; r++) {
			fputs("\n- ", out);
			loc_cell(out, k->related[r].span);
			fputs(": ", out);
			cell(out, k->related[r].message);
		}
		if (k->n_related)
			fputc('\n', out);
		if (k->n_fix)
			code(out, k->fix, k->n_fix);
	}
}

static void cleanup(FILE *out, const ip_verify_device *v)
{
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (strcmp(k->id, "cleanup") != 0 || k->status == IP_VCHECK_NOT_MADE)
			continue;
		fputs("\n### Clean-up\n\n", out);
		cell(out, k->message);
		fputc('\n', out);
		if (k->n_fix)
			code(out, k->fix, k->n_fix);
	}
}

int verify_write_markdown(FILE *out, const ip_verify_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const ip_verify_device *v = &r->devices[i];
		if (i)
			fputc('\n', out);
		header(out, v);
		table(out, v);
		not_checked(out, v);
		fixes(out, v);
		cleanup(out, v);
	}
	return ferror(out) ? -1 : 0;
}
