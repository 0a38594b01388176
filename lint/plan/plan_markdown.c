/* The Markdown plan: a change ticket. Device summary, the simulated boot
 * outcomes, the findings and what the plan does about each, the plan with
 * its expected outputs phase by phase (clean-up and rollback included),
 * and a post-check table to fill in after the reload. GitHub-flavoured
 * Markdown; every text from outside goes through escape.h. */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "plan_write.h"

typedef unsigned long long ull;

/* Where the ticket goes, and the arena for escaped copies: every name and
 * message is Markdown-escaped (escape.h), so a hostname or a file name
 * from a capture cannot start a link, raw HTML or a new table cell. */
typedef struct mw {
	FILE *out;
	ip_arena *a;
} mw;

/* Plain text (a heading, a table cell, a list item): escaped. */
static void text(const mw *o, const char *s)
{
	fputs(ip_esc_md(o->a, s ? s : ""), o->out);
}

/* The planner's sentences: `commands` in them as code, the rest text. */
static void prose(const mw *o, const char *s)
{
	fputs(ip_esc_md_prose(o->a, s ? s : ""), o->out);
}

static void code(const mw *o, const char *s, bool in_table)
{
	fputs(ip_esc_md_code(o->a, s ? s : "", in_table), o->out);
}

static void row(const mw *o, const char *key, const char *value)
{
	fprintf(o->out, "| %s | ", key);
	text(o, value);
	fputs(" |\n", o->out);
}

static void summary(const mw *o, const ip_plan *p)
{
	const ip_device *d = p->dev;
	const ip_target *t = p->target;
	fputs("# Upgrade plan: ", o->out);
	text(o, p->name);
	bool sure;
	const char *kinds = ip_plan_one_way_kinds(p, o->a, &sure);
	if (kinds) { /* issue 22: one-way before anything else */
		fputs(sure ? "\n\n> **One-way:** " : "\n\n> **One-way (if so):** ", o->out);
		prose(o, ip_arena_printf(o->a, "this change closes the way back (%s); see "
					 "Way back below.", kinds));
	}
	fputs("\n\n| | |\n|---|---|\n", o->out);
	row(o, "Device", ip_arena_printf(o->a, "%s, %s (%s)", p->name,
					 d->platform.s ? d->platform.s : "model unknown",
					 ip_family_name(p->check.platform.family)));
	row(o, "Running", ip_arena_printf(o->a, "%s (%s)", d->system_image.raw ? d->system_image.raw : "unknown",
					  d->xe_version.s ? d->xe_version.s
					  : d->version.s ? d->version.s : "version unknown"));
	row(o, "Target", ip_arena_printf(o->a, "%s, %llu bytes", p->image, (ull)t->size.v));
	row(o, "Reference hash", ip_arena_printf(o->a, "%s %s", p->hash_algo, p->hash));
	if (p->remediation) {
		/* issue 20 point 9: it already runs the target */
		row(o, "Method", "remediation: it already runs the target but would boot something "
				 "else next; boot statements and a save, no copy, no reload");
		row(o, "Fallback", p->fallback ? p->fallback : "none");
		return;
	}
	row(o, "Method", p->method == IP_METHOD_INSTALL
			 ? ip_arena_printf(o->a, "install mode: %s", ip_plan_install_form(p))
			 : p->method == IP_METHOD_TAR ? "tar: archive download-sw on every member, "
							"boot system, reload"
						      : "bundle: copy, verify, boot system, reload");
	row(o, "Transfer", ip_arena_printf(o->a, "%s from %s",
					   p->opts.transfer == IP_TRANSFER_SCP ? "scp" : "tftp", p->server));
	row(o, "Fallback", !p->fallback ? "none"
			   : p->network_fallback ? ip_arena_printf(o->a, "%s (conditional: a network boot)",
								   p->fallback)
						 : p->fallback);
}

static void simulation(const mw *o, const ip_plan *p)
{
	const ip_plan_proof *s = &p->proof;
	fputs("\n## Simulation\n\nThe plan's effects applied to the captured device state, then "
	      "the boot simulator.\n\n| Situation | Next boot |\n|---|---|\n", o->out);
	row(o, "As captured", s->before.text);
	row(o, "After the plan", s->next.text);
	row(o, "If the target fails to boot", s->target_fails.text);
	if (s->abort_simulated) /* two-step: before the commit */
		row(o, "After install abort (before the commit)", s->aborted.text);
	if (s->rollback_simulated)
		row(o, "After a rollback", s->rollback.text);
	if (s->cleanup_simulated)
		row(o, "After the clean-up", s->cleanup.text);
	for (size_t i = 0; i < s->n_members; i++) {
		/* the label is a cell too: the filesystem's name is escaped */
		fprintf(o->out, "| Member %d (", s->members[i].number);
		text(o, s->members[i].filesystem);
		fputs(") after the plan | ", o->out);
		text(o, s->members[i].next.text);
		fputs(" |\n", o->out);
		row(o, ip_arena_printf(o->a, "Member %d if the target fails", s->members[i].number),
		    s->members[i].target_fails.text);
	}
}

static void where(const mw *o, const ip_finding *f)
{
	if (ip_span_known(f->span))
		text(o, ip_arena_printf(o->a, "%s:%u:%u", f->span.file ? f->span.file : "<input>",
					f->span.line, f->span.col));
	else
		fputs("-", o->out);
}

static void findings(const mw *o, const ip_plan *p, bool blocking_only)
{
	bool any = false;
	for (size_t i = 0; i < p->n_findings; i++) {
		const ip_plan_finding *pf = &p->findings[i];
		if (blocking_only && pf->role != IP_ROLE_BLOCKS)
			continue;
		if (!any)
			fputs("\n## Findings\n\n| Severity | Rule | Where | Message | In this plan |\n"
			      "|---|---|---|---|---|\n", o->out);
		any = true;
		fprintf(o->out, "| %s | ", ip_severity_name(pf->finding->severity));
		code(o, pf->finding->rule_id, true);
		fputs(" | ", o->out);
		where(o, pf->finding);
		fputs(" | ", o->out);
		text(o, pf->finding->message);
		fprintf(o->out, " | %s", ip_plan_role_name(pf->role));
		if (pf->note) {
			fputs(": ", o->out);
			prose(o, pf->note);
		}
		fputs(" |\n", o->out);
	}
}

static void list(const mw *o, const char *title, const char *const *v, size_t n)
{
	if (n)
		fprintf(o->out, "\n## %s\n\n", title);
	for (size_t i = 0; i < n; i++) {
		fputs("- ", o->out);
		prose(o, v[i]);
		fputc('\n', o->out);
	}
}

/* The way back (issue 22): what the rollback needs, whether this change
 * is one-way, and the rollback's own warnings. */
static void way_back(const mw *o, const ip_plan *p)
{
	const ip_plan_way_back *w = &p->way_back;
	if (!w->built)
		return;
	fputs("\n## Way back\n\n", o->out);
	for (size_t i = 0; i < w->n_needs; i++) {
		fputs("- Needs: ", o->out);
		prose(o, w->needs[i]);
		fputc('\n', o->out);
	}
	if (!w->n_one_way)
		fputs("- One-way: no; nothing in this change closes the way back\n", o->out);
	for (size_t i = 0; i < w->n_one_way; i++) {
		fputs(w->one_way[i].unconfirmed ? "- **One-way (if so):** " : "- **One-way:** ",
		      o->out);
		prose(o, w->one_way[i].why);
		fputc('\n', o->out);
	}
}

/* The step's commands as one code block, between the configuration mode's
 * enter and end when it has one. */
static void commands(const mw *o, const ip_plan_step *st)
{
	bool config = st->mode == IP_MODE_CONFIG;
	const char **lines = ip_arena_alloc(o->a, (st->n_commands + 2) * sizeof(*lines));
	size_t n = 0;
	if (config)
		lines[n++] = "configure terminal";
	for (size_t i = 0; i < st->n_commands; i++)
		lines[n++] = st->commands[i];
	if (config)
		lines[n++] = "end";
	fputs(ip_esc_md_block(o->a, lines, n), o->out);
}

static void step(const mw *o, const ip_plan *p, const ip_plan_step *st, int ph, size_t no)
{
	fprintf(o->out, "\n**%d.%zu ", ph, no);
	text(o, st->title);
	fputs(".** ", o->out);
	prose(o, st->why);
	fputs("\n\n", o->out);
	commands(o, st);
	if (st->cmd_var) { /* issue 24: a word only the operator can fill in */
		fputs("\n- In the last line, replace ", o->out);
		code(o, st->cmd_var_word, false);
		fputs(" with the ", o->out);
		text(o, st->cmd_var_prompt);
		fputc('\n', o->out);
	}
	/* an answer that is a word is typed at its prompt, never pasted
	 * after the command: with no prompt it would be a command itself */
	for (size_t i = 0; i < st->n_prompts; i++) {
		fputs(i ? "- " : "\n- ", o->out);
		if (*st->prompts[i].answer) {
			fputs("Answer ", o->out);
			code(o, st->prompts[i].answer, false);
			fputs(" to the prompt ", o->out);
			code(o, st->prompts[i].prompt, false);
		} else {
			fputs("Prompt ", o->out);
			code(o, st->prompts[i].prompt, false);
			fputs(": answer Enter", o->out);
		}
		fputc('\n', o->out);
	}
	if (st->n_expect || st->n_expect_any || st->same_hash_as)
		fputs("\nExpected output:\n\n", o->out);
	for (size_t i = 0; i < st->n_expect; i++) {
		fputs("- ", o->out);
		code(o, st->expect[i], false);
		fputc('\n', o->out);
	}
	if (st->same_hash_as) {
		int rph;
		size_t rno;
		ip_plan_step_number(p, st->same_hash_as - 1, &rph, &rno);
		fprintf(o->out, "- and the hash step %d.%zu printed\n", rph, rno);
	}
	if (st->expect_var) {
		fputs("- and the ", o->out);
		text(o, st->expect_var_prompt);
		fputc('\n', o->out);
	}
	for (size_t i = 0; i < st->n_expect_any; i++) {
		fputs(i ? "  or " : "- one of: ", o->out);
		code(o, st->expect_any[i], false);
		fputc('\n', o->out);
	}
	if (st->gate)
		fputs("\n> **Stop here** unless the output shows the expected line.\n", o->out);
	if (st->abort) {
		fprintf(o->out, "\n%s ", st->gate ? "If it does not:" : "To abort:");
		code(o, st->abort, false);
		fputc('\n', o->out);
	}
}

static void steps(const mw *o, const ip_plan *p)
{
	ip_plan_phase cur = IP_PHASE_COUNT;
	size_t no = 0;
	fputs("\n## Plan\n\nPaste one phase at a time; compare each output with the expected lines "
	      "before going on.\n", o->out);
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (st->phase != cur) {
			cur = st->phase;
			no = 0;
			fprintf(o->out, "\n### %d. %s\n", (int)cur + 1, ip_plan_phase_title(cur));
		}
		step(o, p, st, (int)cur + 1, ++no);
	}
}

static void postcheck_table(const mw *o, const ip_plan *p)
{
	size_t no = 0;
	fputs("\n## Post-check record\n\n| Check | Command | Expected | Result |\n|---|---|---|---|\n", o->out);
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (st->phase != IP_PHASE_POSTCHECK)
			continue;
		fprintf(o->out, "| %d.%zu ", (int)IP_PHASE_POSTCHECK + 1, ++no);
		text(o, st->title);
		fputs(" | ", o->out);
		for (size_t j = 0; j < st->n_commands; j++) {
			fputs(j ? "<br>" : "", o->out);
			code(o, st->commands[j], true);
		}
		fputs(" | ", o->out);
		for (size_t j = 0; j < st->n_expect; j++) {
			fputs(j ? "<br>" : "", o->out);
			code(o, st->expect[j], true);
		}
		fputs(st->n_expect ? " | [ ] |\n" : "as before the change | [ ] |\n", o->out);
	}
}

static void one(const mw *o, const ip_plan *p)
{
	if (p->refused) {
		fputs("# Upgrade plan: ", o->out);
		text(o, p->name);
		fputs(": refused\n\niosplan does not plan this upgrade: the problems below block it.\n",
		      o->out);
		findings(o, p, true);
		list(o, "Reasons", p->reasons, p->n_reasons);
		return;
	}
	if (p->nothing_to_do) {
		/* compliant (issue 20 point 9): no steps */
		fputs("# Upgrade plan: ", o->out);
		text(o, p->name);
		fputs(": nothing to do\n\n", o->out);
		prose(o, ip_arena_printf(o->a, "%s already runs the target %s and boots it next "
					 "(%s): no commands.", p->name,
					 p->dev->system_image.raw ? p->dev->system_image.raw
								  : p->target->name,
					 p->proof.before.text));
		fputs("\n", o->out);
		findings(o, p, false);
		return;
	}
	summary(o, p);
	simulation(o, p);
	findings(o, p, false);
	list(o, "Warnings", p->warnings, p->n_warnings);
	way_back(o, p);
	steps(o, p);
	postcheck_table(o, p);
}

int ip_plan_write_markdown(FILE *out, const ip_plan *const *plans, size_t n)
{
	mw o = { out, ip_arena_new() };
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs("\n---\n\n", out);
		one(&o, plans[i]);
	}
	ip_arena_free(o.a);
	return ferror(out) ? -1 : 0;
}
