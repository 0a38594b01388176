/* The Ansible plan: a playbook for the cisco.ios collection, emitted with
 * libyaml's event API (so quoting is libyaml's business, not ours).
 *
 * Nothing a capture says may run (issue 18, points 1 and 2):
 * - Ansible templates every string of a play with Jinja2 on the controller
 *   (play and task names, `hosts:`, module arguments, prompts): a file name
 *   holding `{{ lookup('pipe', ...) }}` would run a shell command. Every
 *   scalar that holds text from outside iosplan (capture, file name,
 *   catalogue, configuration, options) is tagged `!unsafe`, Ansible's
 *   documented type for text that is never templated ("Advanced playbook
 *   syntax: Unsafe or raw strings"). The only templates left are
 *   iosplan's own: `failed_when` compares the output with the expect lines
 *   kept as `!unsafe` task variables, and an operator-only answer is
 *   `{{ scp_password }}` (and `{{ scp_user }}`), and a word of a command
 *   only the operator knows (`install rollback to id ID`: `{{ rollback_id
 *   | string | trim | int }}`, after an assert task that refuses anything
 *   but digits). fuzz/fuzz_ansible.c checks this on every input.
 * - `hosts:` is a pattern ("all", "*", "a:b", "!a", "&a", "~regex",
 *   "a,b", "a[0:3]", or a group's name, which Ansible resolves before a
 *   host's). The builder refuses the format for a hostname outside Cisco's
 *   grammar (ip_plan_ansible_host_ok), and every play starts with a guard
 *   task (tagged always) that fails unless the play matched exactly one
 *   host and that host's inventory_hostname is the device's name (an
 *   `!unsafe` play variable): an inventory group named like the device
 *   cannot widen the play either.
 *
 * Per planned device, one play `hosts: <hostname>` whose tasks are the
 * steps of pre-checks through post-checks, each tagged with its phase:
 * - exec steps: cisco.ios.ios_command; a command with prompts becomes a
 *   {command, prompt, answer} item (the prompt regex-escaped, Enter as
 *   the empty answer, an answer only the operator knows as a variable asked for in
 *   vars_prompt); the output is registered and `failed_when` fails the
 *   task unless every expect line appears (and one of expect_any, and a
 *   value only the operator knows, asked for in vars_prompt: the server's
 *   md5sum of the running image under --allow-delete-running): the
 *   verify steps are the gates;
 * - config steps: cisco.ios.ios_config with the lines (match: none, so
 *   every `no boot system` is sent as written);
 * - a reload (or install activate) is followed by meta: reset_connection
 *   and wait_for_connection.
 * A device with nothing to do gets a play of one read-only task.
 * The clean-up and the rollback are two more plays tagged `never` plus
 * `cleanup` / `rollback`: they run only when asked for with --tags.
 * The simulated predictions and the warnings head the file as comments
 * (libyaml emits no comments, so they are written before the stream),
 * control bytes shown as '?' so that no text leaves its comment line. */
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "plan_write.h"
#include "utf8.h"

typedef struct em {
	yaml_emitter_t e;
	bool failed;
	ip_arena *a;   /* strings built for one write */
	const ip_plan *p;
	const char *reg; /* the variable the current task registers */
} em;

static void emit(em *m, yaml_event_t *ev)
{
	if (!m->failed && !yaml_emitter_emit(&m->e, ev))
		m->failed = true;
}

/* libyaml refuses a scalar that is not UTF-8; capture text need not be.
 * A tagged scalar is never implicit, so libyaml writes the tag. */
static void tagged_style(em *m, const char *tag, const char *s, yaml_scalar_style_t style)
{
	s = ip_utf8_or_fffd(m->a, s);
	yaml_event_t ev;
	if (!yaml_scalar_event_initialize(&ev, NULL, (yaml_char_t *)tag, (yaml_char_t *)s,
					  (int)strlen(s), !tag, !tag, style))
		m->failed = true;
	else
		emit(m, &ev);
}

static void tagged(em *m, const char *tag, const char *s)
{
	tagged_style(m, tag, s, YAML_ANY_SCALAR_STYLE);
}

/* iosplan's own text: keys, module names, phase tags, its expressions. */
static void scalar(em *m, const char *s)
{
	tagged(m, NULL, s);
}

/* Text with anything from outside iosplan in it: never templated. */
static void unsafe(em *m, const char *s)
{
	tagged(m, "!unsafe", s);
}

/* Text the device receives or its output is compared with (a command, a
 * prompt, an answer, an expect line): `!unsafe` and quoted. Ansible reads
 * a tagged plain scalar as text, but any other YAML 1.1 reader of the
 * playbook (PyYAML, ansible-lint, a tool that drops the tag) resolves a
 * plain `no` to the boolean False and `521347072` to an integer: sent to
 * IOS as `False`, the Save? [yes/no] prompt asks again until the command
 * timeout (issue 24). Quoted, every reader sees a string. libyaml falls
 * back to double quotes for text that single quotes cannot hold ("\r"). */
static void unsafe_str(em *m, const char *s)
{
	tagged_style(m, "!unsafe", s, YAML_SINGLE_QUOTED_SCALAR_STYLE);
}

static void map_start(em *m)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	emit(m, &ev);
}

static void map_end(em *m)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	emit(m, &ev);
}

static void seq_start(em *m, bool flow)
{
	yaml_event_t ev;
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
					     flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	emit(m, &ev);
}

static void seq_end(em *m)
{
	yaml_event_t ev;
	yaml_sequence_end_event_initialize(&ev);
	emit(m, &ev);
}

static void kv(em *m, const char *k, const char *v)
{
	scalar(m, k);
	scalar(m, v);
}

static void kv_unsafe(em *m, const char *k, const char *v)
{
	scalar(m, k);
	unsafe(m, v);
}

/* A plain integer or boolean scalar (not quoted). */
static void kv_plain(em *m, const char *k, const char *v)
{
	yaml_event_t ev;
	scalar(m, k);
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)v, (int)strlen(v), 1, 0,
				     YAML_PLAIN_SCALAR_STYLE);
	emit(m, &ev);
}

/* --- text helpers ---------------------------------------------------------- */

/* s as a regular expression matching it literally. */
static const char *regex_escape(ip_arena *a, const char *s)
{
	size_t n = strlen(s);
	char *o = ip_arena_alloc(a, 2 * n + 1), *w = o;
	for (; *s; s++) {
		if (strchr("\\^$.|?*+()[]{}", *s))
			*w++ = '\\';
		*w++ = *s;
	}
	*w = '\0';
	return o;
}

/* s for a `#` comment line: C0, DEL and C1 (U+0085 is a YAML line
 * break) become '?', so no text leaves its comment. */
static const char *comment_text(ip_arena *a, const char *s)
{
	char *o = ip_arena_strdup(a, ip_utf8_or_fffd(a, s ? s : ""));
	for (unsigned char *p = (unsigned char *)o; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			*p = '?';
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			p[0] = p[1] = '?';
	}
	return o;
}


/* --- tasks ------------------------------------------------------------------ */

static void task_head(em *m, const ip_plan_step *st, int ph, size_t no, const char *suffix)
{
	map_start(m);
	kv_unsafe(m, "name", ip_arena_printf(m->a, "%d.%zu %s: %s%s", ph, no,
					     ip_plan_phase_title(st->phase), st->title, suffix));
	scalar(m, "tags");
	seq_start(m, true);
	scalar(m, ip_plan_phase_id(st->phase));
	seq_end(m);
}

/* The SCP account's prompt (plan_steps.c, scp_login_prompts): the
 * playbook names the user in the URL instead, so IOS does not ask it. */
static bool user_prompt(const ip_plan_prompt *pr)
{
	return pr->var && !strcmp(pr->var, "scp_user");
}

/* The SCP command of a step whose user the URL names: the split point just
 * after "scp://", or NULL. */
static const char *scp_split(const ip_plan_step *st, size_t i)
{
	bool user = false;
	for (size_t j = 0; j < st->n_prompts; j++)
		user |= user_prompt(&st->prompts[j]);
	const char *u = user ? strstr(st->commands[i], "scp://") : NULL;
	return u ? u + strlen("scp://") : NULL;
}

/* A command with prompts: {command, prompt, answer[, check_all]}. How
 * network_cli answers (ansible.netcommon, connection/network_cli.py,
 * _handle_prompt and receive): it sends the answer plus "\r" (newline
 * defaults to true), so Enter is the empty answer (an answer "\r" is two
 * Enters, the second one answering IOS's next question with its default);
 * and without check_all it answers ONE prompt per command, then waits for
 * the exec prompt while IOS waits at its second question until the command
 * timeout (issue 24: found running the playbooks against tests/emulator).
 * With check_all it answers each prompt as it comes, and drops the first
 * of the list each time: the list must be the questions IOS asks, in
 * order, an optional one only first (Save? before Proceed with reload?).
 * An SCP URL names the user ("{{ scp_user }}", asked in vars_prompt), so
 * the account is never a question: Destination filename, then Password. */
/* The last command of a step whose word only the operator knows
 * (st->cmd_var): split around that word, or false. */
static bool var_split(em *m, const ip_plan_step *st, size_t i, const char **head,
		      const char **tail)
{
	if (!st->cmd_var || i + 1 != st->n_commands)
		return false;
	const char *c = st->commands[i], *w = c;
	size_t n = strlen(st->cmd_var_word);
	/* the word as a whole token: "install rollback to id ID prompt-level none" */
	while ((w = strstr(w, st->cmd_var_word)) &&
	       !((w == c || w[-1] == ' ') && (w[n] == ' ' || w[n] == '\0')))
		w++;
	if (!w)
		return false;
	*head = ip_arena_strndup(m->a, c, (size_t)(w - c));
	*tail = w + n;
	return true;
}

/* iosplan's own template of the command: its two `!unsafe` halves around
 * the operator's digits (checked by the task before, var_check_task). */
static const char *var_command(em *m, const ip_plan_step *st)
{
	return ip_arena_printf(m->a, "{{ iosplan_cmd[0] }}{{ %s | string | trim | int }}"
			       "{{ iosplan_cmd[1] }}", st->cmd_var);
}

static void command_item(em *m, const ip_plan_step *st, size_t i)
{
	bool last = i + 1 == st->n_commands;
	const char *tail = scp_split(st, i), *vh, *vt;
	if (var_split(m, st, i, &vh, &vt) && !st->n_prompts) {
		scalar(m, var_command(m, st));
		return;
	}
	if (!st->n_prompts || !last) {
		unsafe_str(m, st->commands[i]);
		return;
	}
	map_start(m);
	scalar(m, "command");
	if (tail) /* iosplan's own template of two !unsafe task variables */
		scalar(m, "{{ iosplan_scp_url[0] }}{{ scp_user }}@{{ iosplan_scp_url[1] }}");
	else
		unsafe_str(m, st->commands[i]);
	size_t asked = 0;
	scalar(m, "prompt");
	seq_start(m, false);
	for (size_t j = 0; j < st->n_prompts; j++)
		if (!user_prompt(&st->prompts[j])) {
			unsafe_str(m, regex_escape(m->a, st->prompts[j].prompt));
			asked++;
		}
	seq_end(m);
	scalar(m, "answer");
	seq_start(m, false);
	for (size_t j = 0; j < st->n_prompts; j++) {
		const ip_plan_prompt *pr = &st->prompts[j];
		if (user_prompt(pr))
			continue;
		if (pr->var) /* iosplan's own variable name, asked for in vars_prompt */
			scalar(m, ip_arena_printf(m->a, "{{ %s }}", pr->var));
		else
			unsafe_str(m, pr->answer);
	}
	seq_end(m);
	if (asked > 1)
		kv_plain(m, "check_all", "true");
	map_end(m);
}

/* failed_when: the task fails unless every expect line is in the output.
 * The lines are the task's `!unsafe` variable iosplan_expect, so the
 * expression is iosplan's own text only. */
static const char *failed_when(em *m, const ip_plan_step *st)
{
	const char *out = ip_arena_printf(m->a, "(%s.stdout | default([]) | join('\\n'))", m->reg);
	const char *s = ip_arena_printf(m->a, "(%s.failed | default(false))", m->reg);
	for (size_t i = 0; i < st->n_expect; i++)
		s = ip_arena_printf(m->a, "%s or (iosplan_expect[%zu] not in %s)", s, i, out);
	if (st->expect_var) /* the operator's value, compared without case */
		s = ip_arena_printf(m->a, "%s or ((%s | string | trim | lower | length) == 0) or "
				    "((%s | string | trim | lower) not in (%s | lower))", s,
				    st->expect_var, st->expect_var, out);
	if (st->same_hash_as) { /* the 32 hex digits after "= " in that step's output */
		int rph;
		size_t rno;
		ip_plan_step_number(m->p, st->same_hash_as - 1, &rph, &rno);
		const char *ref = ip_arena_printf(m->a, "((step_%d_%zu.stdout | default([]) | join('\\n')) "
						  "| regex_findall('= *([0-9a-fA-F]{32})') | last "
						  "| default('') | lower)", rph, rno);
		s = ip_arena_printf(m->a, "%s or ((%s | length) == 0) or ((%s | regex_findall("
				    "'= *([0-9a-fA-F]{32})') | last | default('') | lower) != %s)",
				    s, ref, out, ref);
	}
	if (st->n_expect_any) /* fails when none of them is there */
		s = ip_arena_printf(m->a, "%s or (iosplan_expect_any | select('in', %s) | list "
				    "| length == 0)", s, out);
	return s;
}

static void expect_vars(em *m, const ip_plan_step *st)
{
	scalar(m, "vars");
	map_start(m);
	for (size_t i = 0; i < st->n_commands; i++) {
		const char *tail = scp_split(st, i);
		if (!tail)
			continue;
		scalar(m, "iosplan_scp_url");
		seq_start(m, false);
		unsafe_str(m, ip_arena_strndup(m->a, st->commands[i], (size_t)(tail - st->commands[i])));
		unsafe_str(m, tail);
		seq_end(m);
	}
	const char *vh, *vt;
	if (st->n_commands && var_split(m, st, st->n_commands - 1, &vh, &vt)) {
		scalar(m, "iosplan_cmd");
		seq_start(m, false);
		unsafe_str(m, vh);
		unsafe_str(m, vt);
		seq_end(m);
	}
	scalar(m, "iosplan_expect");
	seq_start(m, false);
	for (size_t i = 0; i < st->n_expect; i++)
		unsafe_str(m, st->expect[i]);
	seq_end(m);
	if (st->n_expect_any) {
		scalar(m, "iosplan_expect_any");
		seq_start(m, false);
		for (size_t i = 0; i < st->n_expect_any; i++)
			unsafe_str(m, st->expect_any[i]);
		seq_end(m);
	}
	map_end(m);
}

static void exec_task(em *m, const ip_plan_step *st, int ph, size_t no)
{
	m->reg = ip_arena_printf(m->a, "step_%d_%zu", ph, no);
	task_head(m, st, ph, no, "");
	scalar(m, "cisco.ios.ios_command");
	map_start(m);
	scalar(m, "commands");
	seq_start(m, false);
	for (size_t i = 0; i < st->n_commands; i++)
		command_item(m, st, i);
	seq_end(m);
	map_end(m);
	kv(m, "register", m->reg);
	bool scp_url = false;
	for (size_t i = 0; i < st->n_commands; i++)
		scp_url |= scp_split(st, i) != NULL;
	if (st->n_expect || st->n_expect_any || st->expect_var || st->same_hash_as || scp_url ||
	    st->cmd_var)
		expect_vars(m, st);
	if (st->n_expect || st->n_expect_any || st->expect_var || st->same_hash_as)
		kv(m, "failed_when", failed_when(m, st));
	map_end(m);
}

/* Before a command that takes the operator's word (issue 24: the rollback
 * point's ID): what was typed at vars_prompt must be digits, or nothing is
 * sent. Typed text never reaches the device or a template unchecked; the
 * expression is iosplan's own. */
static void var_check_task(em *m, const ip_plan_step *st, int ph, size_t no)
{
	task_head(m, st, ph, no, ip_arena_printf(m->a, " (check what was typed for %s)",
						 st->cmd_var_word));
	scalar(m, "ansible.builtin.assert");
	map_start(m);
	scalar(m, "that");
	seq_start(m, false);
	scalar(m, ip_arena_printf(m->a, "(%s | string | trim) is match('^[0-9]{1,9}$')",
				  st->cmd_var));
	seq_end(m);
	kv(m, "fail_msg", ip_arena_printf(m->a, "%s must be digits only: the ID show install "
					  "rollback lists; nothing was sent", st->cmd_var));
	map_end(m);
	map_end(m);
}

static void config_task(em *m, const ip_plan_step *st, int ph, size_t no)
{
	task_head(m, st, ph, no, "");
	scalar(m, "cisco.ios.ios_config");
	map_start(m);
	scalar(m, "lines");
	seq_start(m, false);
	for (size_t i = 0; i < st->n_commands; i++)
		unsafe_str(m, st->commands[i]);
	seq_end(m);
	kv(m, "match", "none");
	map_end(m);
	map_end(m);
}

static bool reloads(const ip_plan_step *st)
{
	for (size_t i = 0; i < st->n_effects; i++)
		if (st->effects[i].kind == IP_EFFECT_RELOAD ||
		    st->effects[i].kind == IP_EFFECT_INSTALL ||
		    st->effects[i].kind == IP_EFFECT_INSTALL_ACTIVATE ||
		    st->effects[i].kind == IP_EFFECT_INSTALL_ROLLBACK)
			return true;
	return false;
}

/* After a reload: drop the dead connection, wait for the device. */
static void wait_tasks(em *m, const ip_plan_step *st, int ph, size_t no)
{
	char delay[32];
	bool scheduled = false;
	for (size_t i = 0; i < st->n_effects; i++)
		scheduled |= st->effects[i].kind == IP_EFFECT_RELOAD;
	/* a `reload in N` typed in an install step (issue 21: request
	 * platform, then a scheduled reload) waits as long */
	for (size_t i = 0; i < st->n_commands; i++)
		scheduled |= !strncmp(st->commands[i], "reload in ", 10);
	snprintf(delay, sizeof(delay), "%u", (scheduled ? m->p->opts.reload_in * 60 : 0) + 300);
	task_head(m, st, ph, no, " (reset the connection)");
	kv(m, "ansible.builtin.meta", "reset_connection");
	map_end(m);
	task_head(m, st, ph, no, " (wait for the device)");
	scalar(m, "ansible.builtin.wait_for_connection");
	map_start(m);
	kv_plain(m, "delay", delay);
	kv_plain(m, "timeout", "3600");
	map_end(m);
	map_end(m);
}

/* The first task of every play: `hosts:` is a pattern, and a group named
 * like the device (or any host list) must not widen the play. Tagged
 * always, so that --tags precheck and the like run it too. */
static void guard_task(em *m)
{
	map_start(m);
	kv(m, "name", "guard: this play runs on the one inventory host named like the device");
	scalar(m, "tags");
	seq_start(m, true);
	scalar(m, "always");
	seq_end(m);
	scalar(m, "ansible.builtin.fail");
	map_start(m);
	kv(m, "msg", "hosts: matched {{ ansible_play_hosts_all | length }} host(s) and this one is "
		     "{{ inventory_hostname }}; the play is for the one inventory host "
		     "{{ iosplan_device }}: is a group named like it?");
	map_end(m);
	kv(m, "when", "ansible_play_hosts_all | length != 1 or inventory_hostname != iosplan_device");
	map_end(m);
}

/* Nothing to do (issue 20 point 9): ansible-playbook refuses a playbook
 * without a play, so the device gets a play that changes nothing: the
 * guard, then a read-only check that it still runs what the captures
 * showed (the expect line is the capture's own). */
static void confirm_task(em *m)
{
	const ip_plan *p = m->p;
	const char *cmd = "show version";
	const char *exp = ip_arena_printf(m->a, "System image file is \"%s\"",
					  p->dev->system_image.raw ? p->dev->system_image.raw
								   : p->target->name);
	ip_plan_step st = {
		.phase = IP_PHASE_PRECHECK,
		.mode = IP_MODE_EXEC,
		.title = "Confirm it still runs the target: nothing to change",
		.commands = &cmd,
		.n_commands = 1,
		.expect = &exp,
		.n_expect = 1,
	};
	exec_task(m, &st, 1, 1);
}

static void tasks(em *m, ip_plan_phase from, ip_plan_phase to)
{
	const ip_plan *p = m->p;
	ip_plan_phase cur = IP_PHASE_COUNT;
	size_t no = 0;
	scalar(m, "tasks");
	seq_start(m, false);
	guard_task(m);
	if (p->nothing_to_do)
		confirm_task(m);
	for (size_t i = 0; i < p->n_steps; i++) {
		const ip_plan_step *st = &p->steps[i];
		no = st->phase == cur ? no + 1 : 1;
		cur = st->phase;
		if (st->phase < from || st->phase > to)
			continue;
		if (st->mode == IP_MODE_CONFIG) {
			config_task(m, st, (int)st->phase + 1, no);
		} else {
			if (st->cmd_var)
				var_check_task(m, st, (int)st->phase + 1, no);
			exec_task(m, st, (int)st->phase + 1, no);
		}
		if (reloads(st))
			wait_tasks(m, st, (int)st->phase + 1, no);
	}
	seq_end(m);
}

/* --- plays ----------------------------------------------------------------- */

static bool needs_var(const ip_plan *p, ip_plan_phase from, ip_plan_phase to, const char *var)
{
	for (size_t i = 0; i < p->n_steps; i++)
		if (p->steps[i].phase >= from && p->steps[i].phase <= to &&
		    p->steps[i].expect_var && !strcmp(p->steps[i].expect_var, var))
			return true;
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_prompts; j++)
			if (p->steps[i].phase >= from && p->steps[i].phase <= to &&
			    p->steps[i].prompts[j].var && !strcmp(p->steps[i].prompts[j].var, var))
				return true;
	return false;
}


/* A vars_prompt entry for a value only the operator knows: iosplan's own
 * variable name, shown as typed, and never templated. */
static void operator_var(em *m, const char *name, const char *prompt)
{
	map_start(m);
	kv(m, "name", name);
	kv_unsafe(m, "prompt", prompt);
	kv_plain(m, "private", "false");
	kv_plain(m, "unsafe", "true"); /* what is typed is never templated */
	map_end(m);
}
static void play(em *m, const char *name, const char *tag, ip_plan_phase from, ip_plan_phase to)
{
	const ip_plan *p = m->p;
	map_start(m);
	kv_unsafe(m, "name", name);
	kv_unsafe(m, "hosts", p->hostname);
	kv_plain(m, "gather_facts", "false");
	kv(m, "connection", "ansible.netcommon.network_cli");
	if (tag) {
		scalar(m, "tags");
		seq_start(m, true);
		scalar(m, "never");
		scalar(m, tag);
		seq_end(m);
	}
	scalar(m, "vars");
	map_start(m);
	kv(m, "ansible_network_os", "cisco.ios.ios");
	kv_plain(m, "ansible_command_timeout", "3600");
	kv_unsafe(m, "iosplan_device", p->hostname);
	map_end(m);
	bool pw = needs_var(p, from, to, "scp_password");
	bool user = needs_var(p, from, to, "scp_user");
	const ip_plan_step *ev = NULL, *cv = NULL;
	for (size_t i = 0; i < p->n_steps && !ev; i++)
		if (p->steps[i].expect_var && p->steps[i].phase >= from && p->steps[i].phase <= to)
			ev = &p->steps[i];
	for (size_t i = 0; i < p->n_steps && !cv; i++)
		if (p->steps[i].cmd_var && p->steps[i].phase >= from && p->steps[i].phase <= to)
			cv = &p->steps[i];
	if (pw || user || ev || cv) {
		scalar(m, "vars_prompt");
		seq_start(m, false);
	}
	if (user) { /* IOS's "Source username [x]?" (plan_steps.c, scp_login_prompts) */
		map_start(m);
		kv(m, "name", "scp_user");
		kv_unsafe(m, "prompt", ip_arena_printf(m->a, "User name of your SCP account on %s",
						       p->server));
		kv_plain(m, "private", "false");
		kv_plain(m, "unsafe", "true"); /* what is typed is never templated */
		map_end(m);
	}
	if (pw) {
		map_start(m);
		kv(m, "name", "scp_password");
		kv_unsafe(m, "prompt", ip_arena_printf(m->a, "Password of your SCP account on %s",
						       p->server));
		kv_plain(m, "private", "true");
		map_end(m);
	}
	if (ev) /* the prompt names a file */
		operator_var(m, ev->expect_var, ev->expect_var_prompt);
	if (cv) /* the task before its command refuses anything but digits */
		operator_var(m, cv->cmd_var, cv->cmd_var_prompt);
	if (pw || user || ev || cv)
		seq_end(m);
	tasks(m, from, to);
	map_end(m);
}

static bool has_phase(const ip_plan *p, ip_plan_phase ph)
{
	for (size_t i = 0; i < p->n_steps; i++)
		if (p->steps[i].phase == ph)
			return true;
	return false;
}

static void plays(em *m)
{
	const ip_plan *p = m->p;
	if (p->nothing_to_do) {
		play(m, ip_arena_printf(m->a, "%s already runs %s and boots it next: nothing to do",
					p->hostname, p->target->name),
		     NULL, IP_PHASE_PRECHECK, IP_PHASE_POSTCHECK);
		return;
	}
	play(m, ip_arena_printf(m->a, p->remediation ? "Make %s boot %s next (it runs it already)"
						     : "Upgrade %s to %s",
				p->hostname, p->target->name),
	     NULL, IP_PHASE_PRECHECK, IP_PHASE_POSTCHECK);
	if (has_phase(p, IP_PHASE_CLEANUP))
		play(m, ip_arena_printf(m->a, "Clean up %s after the soak period (--tags cleanup)",
					p->hostname), "cleanup", IP_PHASE_CLEANUP, IP_PHASE_CLEANUP);
	if (has_phase(p, IP_PHASE_ROLLBACK))
		play(m, ip_arena_printf(m->a, "Roll %s back to the old image (--tags rollback)",
					p->hostname), "rollback", IP_PHASE_ROLLBACK, IP_PHASE_ROLLBACK);
}

/* A plan with a play: not refused. A device already on the target and
 * booting it next (issue 20 point 9) gets a play without a change task. */
static bool has_play(const ip_plan *p)
{
	return !p->refused;
}

/* The playbook is UTF-8 from its first byte: comments too. */
static void comments(FILE *out, ip_arena *a, const ip_plan *p)
{
	if (p->nothing_to_do) {
		fprintf(out, "# %s: nothing to do: it already runs %s and boots it next\n",
			comment_text(a, p->name), comment_text(a, p->target->name));
		return;
	}
	fprintf(out, "# iosplan upgrade plan for %s: %s -> %s\n", comment_text(a, p->name),
		comment_text(a, p->dev->system_image.raw ? p->dev->system_image.raw : "unknown"),
		comment_text(a, p->image));
	bool sure;
	const char *kinds = ip_plan_one_way_kinds(p, a, &sure);
	if (kinds) /* issue 22: one-way before the tasks and the rest */
		fprintf(out, "#   ONE-WAY%s: this change closes the way back (%s); see way back below\n",
			sure ? "" : " (if so)", kinds);
	fprintf(out, "#   after the plan:      %s\n", comment_text(a, p->proof.next.text));
	fprintf(out, "#   if the target fails: %s\n", comment_text(a, p->proof.target_fails.text));
	for (size_t i = 0; i < p->n_warnings; i++)
		fprintf(out, "#   warning: %s\n", comment_text(a, p->warnings[i]));
	/* issue 22: the way back, for the reviewer of the playbook */
	const ip_plan_way_back *w = &p->way_back;
	for (size_t i = 0; w->built && i < w->n_needs; i++)
		fprintf(out, "#   way back needs: %s\n", comment_text(a, w->needs[i]));
	if (w->built && !w->n_one_way)
		fputs("#   one-way: no\n", out);
	for (size_t i = 0; w->built && i < w->n_one_way; i++)
		fprintf(out, "#   ONE-WAY%s: %s\n", w->one_way[i].unconfirmed ? " (if so)" : "",
			comment_text(a, w->one_way[i].why));
}

int ip_plan_write_ansible(FILE *out, const ip_plan *const *plans, size_t n)
{
	size_t planned = 0;
	fputs("# Generated by iosplan plan --format ansible; run one phase at a time with\n"
	      "# --tags precheck,transfer,verify ... and read every task's output.\n"
	      "# The clean-up and the rollback run only when asked for (--tags cleanup,\n"
	      "# --tags rollback).\n", out);
	em m = { .a = ip_arena_new() };
	for (size_t i = 0; i < n; i++) {
		if (!plans[i]->refused)
			comments(out, m.a, plans[i]);
		planned += has_play(plans[i]);
	}
	yaml_event_t ev;
	yaml_emitter_initialize(&m.e);
	yaml_emitter_set_output_file(&m.e, out);
	yaml_emitter_set_unicode(&m.e, 1);
	yaml_emitter_set_width(&m.e, 100);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&m, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
	emit(&m, &ev);
	seq_start(&m, planned == 0);
	for (size_t i = 0; i < n; i++) {
		if (!has_play(plans[i]))
			continue;
		m.p = plans[i];
		plays(&m);
	}
	seq_end(&m);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&m, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&m, &ev);
	yaml_emitter_flush(&m.e);
	yaml_emitter_delete(&m.e);
	ip_arena_free(m.a);
	return m.failed || ferror(out) ? -1 : 0;
}
