/* The text plan: paste-ready CLI. Everything that is not a command is a
 * `!` comment line, which IOS ignores at the exec and config prompts, so a
 * whole phase can be pasted at once. A prompt the command always raises
 * is answered on the line after it (an empty line for Enter); one it may
 * raise (reload's Save?) is only a comment, and a command that asks for
 * an answer only the operator knows (an SCP password) is marked to be
 * typed by hand. Only Enter is ever typed as a line: a pasted "y" after
 * `install remove inactive` becomes an exec command when the prompt does
 * not come (nothing to remove), so an answer that is a word is written as
 * the answer to its prompt and the step is typed by hand (issue 20,
 * point 14). Phases are pasted one at a time: a STOP step must show
 * its expect lines before the next phase.
 *
 * A refused plan prints the blocking findings compiler-style, then the
 * planner's own reasons. */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "plan_write.h"

typedef unsigned long long ull;

/* Where the plan goes, and the arena for escaped copies: every name and
 * message from the captures, the catalogue or the options is printed in
 * escape.h's text form, so none can break a line or reach the terminal as
 * a control (the plan's own lines are built from validated tokens; this
 * keeps a name that slipped through from becoming a pasted line). */
typedef struct pw {
	FILE *out;
	ip_arena *a;
} pw;

static const char *T(const pw *o, const char *s)
{
	return ip_esc_text(o->a, s);
}

/* `text` in lines of at most ~78 columns: the first after `lead`, the
 * others indented under it, starting with '!' when lead does (comments).
 * Only a single word longer than the width makes a longer line. */
static void wrap(const pw *o, const char *lead, const char *text)
{
	const char *mark = lead[0] == '!' ? "!" : " ";
	size_t lw = strlen(lead), width = lw < 60 ? 78 - lw : 18;
	bool first = true;
	text = T(o, text);
	while (text && *text) {
		/* no further than a line needs: strlen of the rest each line
		 * was quadratic in a long text (a step deleting 20 000 files) */
		size_t n = strnlen(text, width + 1);
		if (n > width) {
			size_t cut = width;
			while (cut > 0 && text[cut] != ' ')
				cut--;
			/* a word longer than the line (a file name, a path) is
			 * printed whole on a line of its own: a person copies
			 * it from here, and a name cut in two copies wrong */
			n = cut ? cut : strcspn(text, " ");
		}
		if (first)
			fprintf(o->out, "%s%.*s\n", lead, (int)n, text);
		else
			fprintf(o->out, "%s%*s%.*s\n", mark, (int)lw - 1, "", (int)n, text);
		first = false;
		text += n;
		while (*text == ' ')
			text++;
	}
}

static const char *loc(const pw *o, const ip_finding *f)
{
	if (!ip_span_known(f->span))
		return f->device ? T(o, f->device) : "iosplan";
	return ip_arena_printf(o->a, "%s:%u:%u", f->span.file ? T(o, f->span.file) : "<input>",
			       f->span.line, f->span.col);
}

/* One-way at the top (issue 22): before the reviewer reads a step. */
static void top_one_way(const pw *o, const ip_plan *p)
{
	bool sure;
	const char *kinds = ip_plan_one_way_kinds(p, o->a, &sure);
	if (kinds)
		wrap(o, sure ? "!   ONE-WAY: " : "!   ONE-WAY (if so): ",
		     ip_arena_printf(o->a, "this change closes the way back (%s); see Way back "
				     "below", kinds));
}

static void header(const pw *o, const ip_plan *p)
{
	const ip_device *d = p->dev;
	const ip_target *t = p->target;
	fprintf(o->out, "! iosplan upgrade plan for %s (%s, %s)\n", T(o, p->name),
		d->platform.s ? T(o, d->platform.s) : "model unknown",
		ip_family_name(p->check.platform.family));
	const char *v = d->xe_version.s ? d->xe_version.s : d->version.s;
	fprintf(o->out, "!   from: %s%s%s%s\n", d->system_image.raw ? T(o, d->system_image.raw) : "unknown",
		v ? " (" : "", v ? T(o, v) : "", v ? ")" : "");
	if (p->method == IP_METHOD_TAR)
		fprintf(o->out, "!   to:   %s, unpacked from %s\n", T(o, p->image), T(o, t->name));
	fprintf(o->out, p->method == IP_METHOD_TAR ? "!   tar:  %s, %llu bytes, %s %s\n"
						 : "!   to:   %s, %llu bytes, %s %s\n",
		T(o, p->method == IP_METHOD_TAR ? t->name : p->image), (ull)t->size.v, p->hash_algo,
		T(o, p->hash));
	if (p->remediation) {
		fprintf(o->out, "!   method: boot statements and a save (no copy, no reload); "
			"fallback: %s\n", p->fallback ? T(o, p->fallback) : "none");
		fputs("!   remediation: it already runs the target but would boot something else\n"
		      "!   next; only the boot statements change\n", o->out);
		return;
	}
	fprintf(o->out, "!   method: %s; transfer: %s from %s; fallback: %s%s\n",
		p->method == IP_METHOD_INSTALL
			? ip_arena_printf(o->a, "install (%s)", ip_plan_install_form(p))
		: p->method == IP_METHOD_TAR   ? "tar (archive download-sw, then boot system)"
					       : "bundle (boot system)",
		p->opts.transfer == IP_TRANSFER_SCP ? "scp" : "tftp", T(o, p->server),
		p->fallback ? T(o, p->fallback) : "none",
		p->network_fallback ? " (conditional: a network boot)" : "");
}

static void simulation(const pw *o, const ip_plan *p)
{
	const ip_plan_proof *s = &p->proof;
	fputs("!\n! Simulation: the plan's effects applied to the captured state, then the boot\n"
	      "! simulator:\n", o->out);
	wrap(o, "!   next boot as captured: ", s->before.text);
	wrap(o, "!   after the plan:        ", s->next.text);
	wrap(o, "!   if the target fails:   ", s->target_fails.text);
	if (s->abort_simulated) /* two-step: before the commit */
		wrap(o, "!   after install abort:   ", s->aborted.text);
	if (s->rollback_simulated)
		wrap(o, "!   after a rollback:      ", s->rollback.text);
	if (s->cleanup_simulated)
		wrap(o, "!   after the clean-up:    ", s->cleanup.text);
	if (s->n_members)
		fputs("!   each stack member, from its own flash (the member calls it flash:)\n"
		      "!   and its own BOOT variable:\n", o->out);
	for (size_t i = 0; i < s->n_members; i++) {
		const ip_plan_member *m = &s->members[i];
		fprintf(o->out, "!   member %d, %s\n", m->number, T(o, m->filesystem));
		wrap(o, "!     after the plan:      ", m->next.text);
		wrap(o, "!     if the target fails: ", m->target_fails.text);
	}
}

static void findings(const pw *o, const ip_plan *p)
{
	if (p->n_findings)
		fputs("!\n! Findings:\n", o->out);
	for (size_t i = 0; i < p->n_findings; i++) {
		const ip_plan_finding *pf = &p->findings[i];
		const ip_finding *f = pf->finding;
		fprintf(o->out, "!   %s: %s: %s [%s]\n", loc(o, f), ip_severity_name(f->severity),
			T(o, f->message), f->rule_id);
		if (pf->role == IP_ROLE_RESOLVED)
			wrap(o, "!     resolved: ", pf->note);
	}
	if (p->n_warnings)
		fputs("!\n! Warnings:\n", o->out);
	for (size_t i = 0; i < p->n_warnings; i++)
		wrap(o, "!   - ", p->warnings[i]);
}

/* A step with an answer only the operator knows (a password) is typed by
 * hand: lines pasted after it would be taken as that answer. So is one
 * whose answer is a word: typed as a line it is a command when the prompt
 * does not come. */
static bool secret(const ip_plan_step *st)
{
	for (size_t i = 0; i < st->n_prompts; i++)
		if (st->prompts[i].var)
			return true;
	return false;
}

static bool by_hand(const ip_plan_step *st)
{
	for (size_t i = 0; i < st->n_prompts; i++)
		if (st->prompts[i].var || (st->prompts[i].always && *st->prompts[i].answer))
			return true;
	return false;
}

/* The answers to the prompts a command always raises, typed on the lines
 * after it; a prompt that may not come (Save? when nothing changed) only
 * as a comment: whatever is pasted instead makes IOS ask again, it never
 * answers yes. */
static void prompts(const pw *o, const ip_plan_step *st)
{
	bool typed = !by_hand(st);
	for (size_t i = 0; typed && i < st->n_prompts; i++)
		if (st->prompts[i].always)
			fprintf(o->out, "%s\n", T(o, st->prompts[i].answer));
	for (size_t i = 0; i < st->n_prompts; i++) {
		const ip_plan_prompt *pr = &st->prompts[i];
		const char *ans = *pr->answer ? pr->answer : "Enter";
		if (pr->always && *pr->answer && !pr->var) {
			fprintf(o->out, "!   answer %s to the prompt: %s\n", T(o, pr->answer),
				T(o, pr->prompt));
			continue;
		}
		const char *how = typed && pr->always ? "answered:" : pr->always ? "answer:" : "if asked:";
		fprintf(o->out, "!   %s %s -> %s%s\n", how, T(o, pr->prompt), T(o, ans),
			typed && pr->always ? " (typed above)" : "");
	}
}

static void step(const pw *o, const ip_plan *p, const ip_plan_step *st, size_t ph, size_t no)
{
	fprintf(o->out, "!\n! %zu.%zu %s\n", ph, no, T(o, st->title));
	wrap(o, "! ", st->why);
	if (secret(st))
		fputs("! (type this one by hand: it asks for an answer only you know)\n", o->out);
	else if (by_hand(st))
		fputs("! (type this one by hand and answer its prompt: the answer is not a line to "
		      "paste)\n", o->out);
	if (st->mode == IP_MODE_CONFIG)
		fputs("configure terminal\n", o->out);
	for (size_t i = 0; i < st->n_commands; i++)
		fprintf(o->out, "%s\n", T(o, st->commands[i]));
	if (st->mode == IP_MODE_CONFIG)
		fputs("end\n", o->out);
	/* the last line holds a word only the operator can fill in (issue 24) */
	if (st->cmd_var)
		fprintf(o->out, "!   replace %s with: the %s\n", T(o, st->cmd_var_word),
			T(o, st->cmd_var_prompt));
	prompts(o, st);
	for (size_t i = 0; i < st->n_expect; i++)
		fprintf(o->out, "!   expect: %s\n", T(o, st->expect[i]));
	if (st->expect_var)
		fprintf(o->out, "!   expect also: the %s\n", T(o, st->expect_var_prompt));
	if (st->same_hash_as) {
		int rph;
		size_t rno;
		ip_plan_step_number(p, st->same_hash_as - 1, &rph, &rno);
		fprintf(o->out, "!   expect also: the hash step %d.%zu printed\n", rph, rno);
	}
	for (size_t i = 0; i < st->n_expect_any; i++)
		fprintf(o->out, "!   %s %s\n", i ? "           or:" : "expect one of:", T(o, st->expect_any[i]));
	if (st->gate)
		fputs("!   STOP unless the output shows the expect line above.\n", o->out);
	if (st->abort)
		fprintf(o->out, "!   %s: %s\n", st->gate ? "if it does not" : "to abort", T(o, st->abort));
}

static void steps(const pw *o, const ip_plan *p)
{
	ip_plan_phase cur = IP_PHASE_COUNT;
	size_t no = 0;
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		if (st->phase != cur) {
			cur = st->phase;
			no = 0;
			fprintf(o->out, "!\n! ===== %d. %s =====\n", (int)cur + 1, ip_plan_phase_title(cur));
		}
		step(o, p, st, (size_t)cur + 1, ++no);
	}
}

static void refusal(const pw *o, const ip_plan *p)
{
	fprintf(o->out, "iosplan plan: %s: refused, no plan\n", T(o, p->name));
	for (size_t i = 0; i < p->n_findings; i++) {
		const ip_plan_finding *pf = &p->findings[i];
		if (pf->role != IP_ROLE_BLOCKS)
			continue;
		fprintf(o->out, "%s: %s: %s [%s]\n", loc(o, pf->finding),
			ip_severity_name(pf->finding->severity), T(o, pf->finding->message),
			pf->finding->rule_id);
		if (pf->note)
			wrap(o, "    blocks: ", pf->note);
	}
	for (size_t i = 0; i < p->n_reasons; i++)
		wrap(o, "  ", p->reasons[i]);
}

/* Compliant (issue 20 point 9): comments only, so pasting it types nothing. */
static void nothing(const pw *o, const ip_plan *p)
{
	const ip_device *d = p->dev;
	const char *v = d->xe_version.s ? d->xe_version.s : d->version.s;
	fprintf(o->out, "! iosplan upgrade plan for %s (%s, %s): nothing to do\n", T(o, p->name),
		d->platform.s ? T(o, d->platform.s) : "model unknown",
		ip_family_name(p->check.platform.family));
	fprintf(o->out, "!   runs: %s%s%s%s, the target %s\n",
		d->system_image.raw ? T(o, d->system_image.raw) : "unknown", v ? " (" : "",
		v ? T(o, v) : "", v ? ")" : "", T(o, p->target->name));
	wrap(o, "!   next boot as captured: ", p->proof.before.text);
	fputs("! It already runs the target and boots it next: no commands.\n", o->out);
	findings(o, p);
	fputs("!\n! end of plan\n", o->out);
}

/* The way back (issue 22): both directions before the first command. */
static void way_back(const pw *o, const ip_plan *p)
{
	const ip_plan_way_back *w = &p->way_back;
	if (!w->built)
		return;
	fputs("!\n! Way back:\n", o->out);
	for (size_t i = 0; i < w->n_needs; i++)
		wrap(o, "!   needs: ", w->needs[i]);
	if (!w->n_one_way)
		wrap(o, "!   one-way: ", "no: nothing in this change closes the way back");
	for (size_t i = 0; i < w->n_one_way; i++)
		wrap(o, w->one_way[i].unconfirmed ? "!   ONE-WAY (if so): " : "!   ONE-WAY: ",
		     w->one_way[i].why);
}

static void one(const pw *o, const ip_plan *p)
{
	if (p->refused) {
		refusal(o, p);
		return;
	}
	if (p->nothing_to_do) {
		nothing(o, p);
		return;
	}
	header(o, p);
	top_one_way(o, p);
	simulation(o, p);
	findings(o, p);
	way_back(o, p);
	fputs(p->remediation ? "!\n! Paste one phase at a time and compare the output with its expect lines\n"
			       "! before going on.\n"
			     : "!\n! Paste one phase at a time and compare the output with its expect lines\n"
			       "! before going on. The clean-up is deferred; the rollback is for a failure.\n",
	      o->out);
	steps(o, p);
	fputs("!\n! end of plan\n", o->out);
}

int ip_plan_write_text(FILE *out, const ip_plan *const *plans, size_t n)
{
	pw o = { out, ip_arena_new() };
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc('\n', out);
		one(&o, plans[i]);
	}
	ip_arena_free(o.a);
	return ferror(out) ? -1 : 0;
}

/* --- the format table (shared by the four writers) ------------------------ */

bool ip_plan_format_parse(const char *name, ip_plan_format *out)
{
	static const char *const names[] = { "text", "markdown", "json", "ansible" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (name && strcmp(name, names[i]) == 0) {
			*out = (ip_plan_format)i;
			return true;
		}
	return false;
}

int ip_plan_write(ip_plan_format f, FILE *out, FILE *err, const ip_plan *const *plans, size_t n)
{
	switch (f) {
	case IP_PLAN_TEXT: return ip_plan_write_text(out, plans, n);
	case IP_PLAN_MARKDOWN: return ip_plan_write_markdown(out, plans, n);
	case IP_PLAN_JSON: return ip_plan_write_json(out, plans, n);
	case IP_PLAN_ANSIBLE: break;
	}
	for (size_t i = 0; i < n; i++)
		if (plans[i]->refused)
			ip_plan_write_text(err, &plans[i], 1);
	return ip_plan_write_ansible(out, plans, n);
}
