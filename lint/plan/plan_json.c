/* The JSON plan: one object per device (an array for several), schema in
 * docs/plan.md. Every key is always present; null where a
 * value does not apply. cJSON builds the document; a NULL from it (out of
 * memory) fails the write. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_utf8.h"
#include "plan_write.h"

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static void add_str(cJSON *o, const char *k, const char *v)
{
	cJSON_AddItemToObject(o, k, str_or_null(v));
}

static cJSON *strings(const char *const *v, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
	return a;
}

static cJSON *span_json(ip_span s)
{
	if (!ip_span_known(s))
		return cJSON_CreateNull();
	cJSON *o = cJSON_CreateObject();
	add_str(o, "file", s.file);
	cJSON_AddNumberToObject(o, "line", s.line);
	cJSON_AddNumberToObject(o, "col", s.col);
	cJSON_AddNumberToObject(o, "end_line", s.end_line);
	cJSON_AddNumberToObject(o, "end_col", s.end_col);
	return o;
}

static cJSON *device_json(const ip_plan *p)
{
	const ip_device *d = p->dev;
	cJSON *o = cJSON_CreateObject();
	add_str(o, "hostname", p->hostname);
	if (p->dev->name) /* another box of the input has this hostname */
		add_str(o, "device", p->dev->name);
	add_str(o, "platform", d->platform.s);
	add_str(o, "family", ip_family_name(p->check.platform.family));
	add_str(o, "version", d->xe_version.s ? d->xe_version.s : d->version.s);
	add_str(o, "image", d->system_image.raw);
	return o;
}

static cJSON *target_json(const ip_plan *p)
{
	const ip_target *t = p->target;
	cJSON *o = cJSON_CreateObject();
	add_str(o, "name", t ? t->name : NULL);
	add_str(o, "path", p->image);
	if (t && t->size.known)
		cJSON_AddNumberToObject(o, "size", (double)t->size.v);
	else
		cJSON_AddNullToObject(o, "size");
	add_str(o, "md5", t ? t->md5 : NULL);
	add_str(o, "sha512", t ? t->sha512 : NULL);
	add_str(o, "verify_with", p->hash_algo);
	return o;
}

static cJSON *finding_json(const ip_plan_finding *pf)
{
	const ip_finding *f = pf->finding;
	cJSON *o = cJSON_CreateObject();
	add_str(o, "rule", f->rule_id);
	add_str(o, "severity", ip_severity_name(f->severity));
	add_str(o, "message", f->message);
	cJSON_AddItemToObject(o, "span", span_json(f->span));
	add_str(o, "role", ip_plan_role_name(pf->role));
	add_str(o, "note", pf->note);
	return o;
}

static cJSON *outcome_json(const ip_plan_outcome *oc, bool simulated)
{
	if (!simulated)
		return cJSON_CreateNull();
	const ip_boot_prediction *p = &oc->p;
	cJSON *o = cJSON_CreateObject();
	add_str(o, "outcome", ip_next_outcome_name(p->outcome));
	add_str(o, "step", ip_next_step_name(p->step));
	add_str(o, "filesystem", p->filesystem);
	add_str(o, "path", p->path);
	cJSON_AddBoolToObject(o, "target", oc->target);
	cJSON_AddBoolToObject(o, "fallback", oc->fallback);
	cJSON_AddBoolToObject(o, "conditional", oc->conditional);
	add_str(o, "text", oc->text);
	return o;
}

static cJSON *prediction_json(const ip_plan *p)
{
	const ip_plan_proof *s = &p->proof;
	bool done = !p->refused;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "before", outcome_json(&s->before, done));
	cJSON_AddItemToObject(o, "after", outcome_json(&s->next, done));
	cJSON_AddItemToObject(o, "target_fails", outcome_json(&s->target_fails, done && !p->nothing_to_do));
	cJSON_AddItemToObject(o, "rollback", outcome_json(&s->rollback, done && s->rollback_simulated));
	cJSON_AddItemToObject(o, "cleanup", outcome_json(&s->cleanup, done && s->cleanup_simulated));
	if (s->abort_simulated) /* two-step only (issue 21 pt 3): install abort before the commit */
		cJSON_AddItemToObject(o, "abort", outcome_json(&s->aborted, done));
	cJSON *ms = cJSON_AddArrayToObject(o, "members");
	for (size_t i = 0; done && i < s->n_members; i++) {
		cJSON *m = cJSON_CreateObject();
		cJSON_AddNumberToObject(m, "number", s->members[i].number);
		add_str(m, "filesystem", s->members[i].filesystem);
		cJSON_AddItemToObject(m, "after", outcome_json(&s->members[i].next, true));
		cJSON_AddItemToObject(m, "target_fails",
				      outcome_json(&s->members[i].target_fails, true));
		cJSON_AddItemToArray(ms, m);
	}
	return o;
}

static cJSON *effect_json(const ip_plan_effect *e)
{
	cJSON *o = cJSON_CreateObject();
	add_str(o, "kind", ip_effect_kind_name(e->kind));
	add_str(o, "filesystem", e->filesystem);
	add_str(o, "path", e->path);
	if (e->kind == IP_EFFECT_COPY || e->kind == IP_EFFECT_INSTALL ||
	    e->kind == IP_EFFECT_INSTALL_ADD)
		cJSON_AddNumberToObject(o, "size", (double)e->size);
	else
		cJSON_AddNullToObject(o, "size");
	bool boot = e->kind == IP_EFFECT_BOOT_ADD || e->kind == IP_EFFECT_BOOT_REMOVE;
	add_str(o, "boot_entry", boot ? e->entry.raw : NULL);
	char reg[16];
	snprintf(reg, sizeof(reg), "0x%X", e->value);
	add_str(o, "register", e->kind == IP_EFFECT_REGISTER ? reg : NULL);
	return o;
}

static cJSON *prompt_json(const ip_plan_prompt *pr)
{
	cJSON *o = cJSON_CreateObject();
	add_str(o, "prompt", pr->prompt);
	add_str(o, "answer", pr->answer);
	cJSON_AddBoolToObject(o, "always", pr->always);
	add_str(o, "variable", pr->var);
	return o;
}

static cJSON *step_json(const ip_plan *p, const ip_plan_step *st)
{
	cJSON *o = cJSON_CreateObject();
	add_str(o, "title", st->title);
	add_str(o, "why", st->why);
	add_str(o, "mode", st->mode == IP_MODE_CONFIG ? "config" : "exec");
	cJSON_AddItemToObject(o, "commands", strings(st->commands, st->n_commands));
	cJSON_AddItemToObject(o, "expect", strings(st->expect, st->n_expect));
	cJSON_AddItemToObject(o, "expect_any", strings(st->expect_any, st->n_expect_any));
	if (st->expect_var) {
		cJSON *v = cJSON_AddObjectToObject(o, "expect_var");
		add_str(v, "variable", st->expect_var);
		add_str(v, "prompt", st->expect_var_prompt);
	} else {
		cJSON_AddNullToObject(o, "expect_var");
	}
	if (st->cmd_var) { /* issue 24: the last command's operator-supplied word */
		cJSON *v = cJSON_AddObjectToObject(o, "command_var");
		add_str(v, "variable", st->cmd_var);
		add_str(v, "replaces", st->cmd_var_word);
		add_str(v, "prompt", st->cmd_var_prompt);
	} else {
		cJSON_AddNullToObject(o, "command_var");
	}
	if (st->same_hash_as) {
		int rph;
		size_t rno;
		char num[48];
		ip_plan_step_number(p, st->same_hash_as - 1, &rph, &rno);
		snprintf(num, sizeof(num), "%d.%zu", rph, rno);
		add_str(o, "same_hash_as", num);
	} else {
		cJSON_AddNullToObject(o, "same_hash_as");
	}
	cJSON *pr = cJSON_AddArrayToObject(o, "prompts");
	for (size_t i = 0; i < st->n_prompts; i++)
		cJSON_AddItemToArray(pr, prompt_json(&st->prompts[i]));
	add_str(o, "abort", st->abort);
	cJSON_AddBoolToObject(o, "gate", st->gate);
	cJSON *ef = cJSON_AddArrayToObject(o, "effects");
	for (size_t i = 0; i < st->n_effects; i++)
		cJSON_AddItemToArray(ef, effect_json(&st->effects[i]));
	return o;
}

static cJSON *phases_json(const ip_plan *p)
{
	cJSON *a = cJSON_CreateArray();
	for (int ph = 0; ph < IP_PHASE_COUNT; ph++) {
		cJSON *steps = NULL;
		for (size_t i = 0; i < p->n_steps; i++) {
			if (p->steps[i].phase != (ip_plan_phase)ph)
				continue;
			if (!steps) {
				cJSON *o = cJSON_CreateObject();
				add_str(o, "id", ip_plan_phase_id((ip_plan_phase)ph));
				add_str(o, "title", ip_plan_phase_title((ip_plan_phase)ph));
				steps = cJSON_AddArrayToObject(o, "steps");
				cJSON_AddItemToArray(a, o);
			}
			cJSON_AddItemToArray(steps, step_json(p, &p->steps[i]));
		}
	}
	return a;
}

/* One-way at the top (issue 22): the kinds of way_back.one_way, each
 * once; [] when none (and when no plan is printed). */
static cJSON *one_way_kinds(const ip_plan *p)
{
	cJSON *a = cJSON_CreateArray();
	bool has[IP_ONE_WAY__COUNT] = { false };
	for (size_t i = 0; p->way_back.built && i < p->way_back.n_one_way; i++)
		has[p->way_back.one_way[i].kind] = true;
	for (int k = 0; k < IP_ONE_WAY__COUNT; k++)
		if (has[k])
			cJSON_AddItemToArray(a, cJSON_CreateString(ip_one_way_kind_name((ip_one_way_kind)k)));
	return a;
}

/* The way back (issue 22): null when no plan is printed (refused,
 * nothing to do). */
static cJSON *way_back_json(const ip_plan *p)
{
	const ip_plan_way_back *w = &p->way_back;
	if (!w->built)
		return cJSON_CreateNull();
	cJSON *wb = cJSON_CreateObject();
	cJSON_AddItemToObject(wb, "needs", strings(w->needs, w->n_needs));
	cJSON *ow = cJSON_AddArrayToObject(wb, "one_way");
	for (size_t i = 0; i < w->n_one_way; i++) {
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "kind", ip_one_way_kind_name(w->one_way[i].kind));
		cJSON_AddBoolToObject(e, "unconfirmed", w->one_way[i].unconfirmed);
		cJSON_AddStringToObject(e, "why", w->one_way[i].why);
		cJSON_AddItemToArray(ow, e);
	}
	cJSON_AddItemToObject(wb, "rollback_warnings", strings(w->rollback, w->n_rollback));
	return wb;
}

static cJSON *plan_json(const ip_plan *p)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "format_version", IOSPLAN_PLAN_FORMAT_VERSION);
	/* issue 20 point 9: a device already on the target is compliant
	 * ("nothing-to-do", no phases) or gets a boot-list "remediation" */
	add_str(o, "status", p->refused         ? "refused"
			     : p->nothing_to_do ? "nothing-to-do"
			     : p->remediation   ? "remediation"
						: "planned");
	cJSON_AddItemToObject(o, "one_way", one_way_kinds(p));
	cJSON_AddItemToObject(o, "device", device_json(p));
	cJSON_AddItemToObject(o, "target", target_json(p));
	add_str(o, "method", p->refused ? NULL : ip_plan_method_name(p->method));
	cJSON *tr = cJSON_AddObjectToObject(o, "transfer");
	add_str(tr, "protocol", p->opts.transfer == IP_TRANSFER_SCP ? "scp" : "tftp");
	add_str(tr, "server", p->server ? p->server : p->opts.server);
	add_str(o, "fallback", p->fallback);
	cJSON *fs = cJSON_AddArrayToObject(o, "findings");
	for (size_t i = 0; i < p->n_findings; i++)
		cJSON_AddItemToArray(fs, finding_json(&p->findings[i]));
	cJSON_AddItemToObject(o, "reasons", strings(p->reasons, p->n_reasons));
	cJSON_AddItemToObject(o, "warnings", strings(p->warnings, p->n_warnings));
	cJSON_AddItemToObject(o, "way_back", way_back_json(p));
	cJSON_AddItemToObject(o, "prediction", prediction_json(p));
	cJSON_AddItemToObject(o, "phases", p->refused ? cJSON_CreateArray() : phases_json(p));
	return o;
}

/* Capture text is not checked for UTF-8: replace what is not valid. */
int ip_plan_write_json(FILE *out, const ip_plan *const *plans, size_t n)
{
	cJSON *doc;
	if (n == 1) {
		doc = plan_json(plans[0]);
	} else {
		doc = cJSON_CreateArray();
		for (size_t i = 0; i < n; i++)
			cJSON_AddItemToArray(doc, plan_json(plans[i]));
	}
	char *s = doc ? ip_json_print_utf8(doc, 1) : NULL;
	cJSON_Delete(doc);
	if (!s)
		return -1;
	fprintf(out, "%s\n", s);
	free(s);
	return ferror(out) ? -1 : 0;
}
