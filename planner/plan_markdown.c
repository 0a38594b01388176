/* The Markdown plan: a change ticket. Device summary, the simulated boot
 * outcomes, the findings and what the plan does about each, the plan with
 * its expected outputs phase by phase (clean-up and rollback included),
 * and a post-check table to fill in after the reload. GitHub-flavoured
 * Markdown: table cells escape '|'. */
#include <stdio.h>
#include <string.h>

#include "plan.h"

typedef unsigned long long ull;

/* Text for a table cell: '|' escaped, line breaks as spaces. */
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

static void code_cell(FILE *out, const char *s)
{
	fputc('`', out);
	cell(out, s);
	fputc('`', out);
}

static void row(FILE *out, const char *key, const char *fmt_value)
{
	fprintf(out, "| %s | ", key);
	cell(out, fmt_value);
	fputs(" |\n", out);
}

static void summary(FILE *out, const ip_plan *p)
{
	const ip_device *d = p->dev;
	const ip_target *t = p->target;
	char buf[1024];
	fprintf(out, "# Upgrade plan: %s\n\n| | |\n|---|---|\n", p->hostname);
	snprintf(buf, sizeof(buf), "%s, %s (%s)", p->hostname, d->platform.s ? d->platform.s : "model unknown",
		 ip_family_name(p->check.platform.family));
	row(out, "Device", buf);
	snprintf(buf, sizeof(buf), "%s (%s)", d->system_image.raw ? d->system_image.raw : "unknown",
		 d->xe_version.s ? d->xe_version.s : d->version.s ? d->version.s : "version unknown");
	row(out, "Running", buf);
	snprintf(buf, sizeof(buf), "%s, %llu bytes", p->image, (ull)t->size.v);
	row(out, "Target", buf);
	snprintf(buf, sizeof(buf), "%s %s", p->hash_algo, p->hash);
	row(out, "Reference hash", buf);
	row(out, "Method", p->method == IP_METHOD_INSTALL ? "install mode: install add ... activate commit"
			   : p->method == IP_METHOD_TAR ? "tar: archive download-sw on every member, "
							  "boot system, reload"
							: "bundle: copy, verify, boot system, reload");
	snprintf(buf, sizeof(buf), "%s from %s", p->opts.transfer == IP_TRANSFER_SCP ? "scp" : "tftp",
		 p->server);
	row(out, "Transfer", buf);
	row(out, "Fallback", p->fallback ? p->fallback : "none");
}

static void simulation(FILE *out, const ip_plan *p)
{
	const ip_plan_proof *s = &p->proof;
	fputs("\n## Simulation\n\nThe plan's effects applied to the captured device state, then "
	      "the boot simulator.\n\n| Situation | Next boot |\n|---|---|\n", out);
	row(out, "As captured", s->before.text);
	row(out, "After the plan", s->next.text);
	row(out, "If the target fails to boot", s->target_fails.text);
	if (s->rollback_simulated)
		row(out, "After a rollback", s->rollback.text);
	if (s->cleanup_simulated)
		row(out, "After the clean-up", s->cleanup.text);
	for (size_t i = 0; i < s->n_members; i++) {
		char label[96];
		snprintf(label, sizeof(label), "Member %d (%s) after the plan", s->members[i].number,
			 s->members[i].filesystem);
		row(out, label, s->members[i].next.text);
		snprintf(label, sizeof(label), "Member %d if the target fails", s->members[i].number);
		row(out, label, s->members[i].target_fails.text);
	}
}

static void where(FILE *out, const ip_finding *f)
{
	if (ip_span_known(f->span))
		fprintf(out, "%s:%u:%u", f->span.file ? f->span.file : "<input>", f->span.line,
			f->span.col);
	else
		fputs("-", out);
}

static void findings(FILE *out, const ip_plan *p, bool blocking_only)
{
	bool any = false;
	for (size_t i = 0; i < p->n_findings; i++) {
		const ip_plan_finding *pf = &p->findings[i];
		if (blocking_only && pf->role != IP_ROLE_BLOCKS)
			continue;
		if (!any)
			fputs("\n## Findings\n\n| Severity | Rule | Where | Message | In this plan |\n"
			      "|---|---|---|---|---|\n", out);
		any = true;
		fprintf(out, "| %s | `%s` | ", ip_severity_name(pf->finding->severity),
			pf->finding->rule_id);
		where(out, pf->finding);
		fputs(" | ", out);
		cell(out, pf->finding->message);
		fprintf(out, " | %s", ip_plan_role_name(pf->role));
		if (pf->note) {
			fputs(": ", out);
			cell(out, pf->note);
		}
		fputs(" |\n", out);
	}
}

static void list(FILE *out, const char *title, const char *const *v, size_t n)
{
	if (n)
		fprintf(out, "\n## %s\n\n", title);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "- %s\n", v[i]);
}

static void step(FILE *out, const ip_plan_step *st, int ph, size_t no)
{
	fprintf(out, "\n**%d.%zu %s.** %s\n\n```\n", ph, no, st->title, st->why ? st->why : "");
	if (st->mode == IP_MODE_CONFIG)
		fputs("configure terminal\n", out);
	for (size_t i = 0; i < st->n_commands; i++)
		fprintf(out, "%s\n", st->commands[i]);
	if (st->mode == IP_MODE_CONFIG)
		fputs("end\n", out);
	fputs("```\n", out);
	for (size_t i = 0; i < st->n_prompts; i++)
		fprintf(out, "%s- Prompt `%s`: answer %s%s%s\n", i ? "" : "\n", st->prompts[i].prompt,
			*st->prompts[i].answer ? "`" : "", *st->prompts[i].answer ? st->prompts[i].answer
			: "Enter", *st->prompts[i].answer ? "`" : "");
	if (st->n_expect)
		fputs("\nExpected output:\n\n", out);
	for (size_t i = 0; i < st->n_expect; i++)
		fprintf(out, "- `%s`\n", st->expect[i]);
	if (st->gate)
		fputs("\n> **Stop here** unless the output shows the expected line.\n", out);
	if (st->abort)
		fprintf(out, "\n%s `%s`\n", st->gate ? "If it does not:" : "To abort:", st->abort);
}

static void steps(FILE *out, const ip_plan *p)
{
	ip_plan_phase cur = IP_PHASE_COUNT;
	size_t no = 0;
	fputs("\n## Plan\n\nPaste one phase at a time; compare each output with the expected lines "
	      "before going on.\n", out);
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (st->phase != cur) {
			cur = st->phase;
			no = 0;
			fprintf(out, "\n### %d. %s\n", (int)cur + 1, ip_plan_phase_title(cur));
		}
		step(out, st, (int)cur + 1, ++no);
	}
}

static void postcheck_table(FILE *out, const ip_plan *p)
{
	size_t no = 0;
	fputs("\n## Post-check record\n\n| Check | Command | Expected | Result |\n|---|---|---|---|\n", out);
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (st->phase != IP_PHASE_POSTCHECK)
			continue;
		fprintf(out, "| %d.%zu %s | ", (int)IP_PHASE_POSTCHECK + 1, ++no, st->title);
		for (size_t j = 0; j < st->n_commands; j++) {
			fputs(j ? "<br>" : "", out);
			code_cell(out, st->commands[j]);
		}
		fputs(" | ", out);
		for (size_t j = 0; j < st->n_expect; j++) {
			fputs(j ? "<br>" : "", out);
			code_cell(out, st->expect[j]);
		}
		fputs(st->n_expect ? " | [ ] |\n" : "as before the change | [ ] |\n", out);
	}
}

static void one(FILE *out, const ip_plan *p)
{
	if (p->refused) {
		fprintf(out, "# Upgrade plan: %s: refused\n\niosplan does not plan this upgrade: "
			"the problems below block it.\n", p->hostname);
		findings(out, p, true);
		list(out, "Reasons", p->reasons, p->n_reasons);
		return;
	}
	summary(out, p);
	simulation(out, p);
	findings(out, p, false);
	list(out, "Warnings", p->warnings, p->n_warnings);
	steps(out, p);
	postcheck_table(out, p);
}

int ip_plan_write_markdown(FILE *out, const ip_plan *const *plans, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs("\n---\n\n", out);
		one(out, plans[i]);
	}
	return ferror(out) ? -1 : 0;
}
