/* No line of a plan comes from outside its grammar (issue 18, point 13).
 *
 * Names from the captures (the hostname, listed files, boot entries, the
 * running image) are not checked where they are read: a capture may hold
 * any bytes, and lint and facts must still describe it. They are checked
 * here, before any plan is printed: each name the plan types as one
 * argument must be one CLI token, and every command, answer, abort line,
 * expect line, title and note must stay one line (cli_token.h). The check
 * of the finished lines catches what a check of the names could miss: any
 * future step that formats a name into a command is covered too. A plan
 * that fails refuses, naming the entry with its bytes shown as \xNN. */
#include <stdio.h>
#include <string.h>

#include "cli_token.h"
#include "plan_private.h"

/* s with every byte outside printable ASCII as \xNN, at most ~120 bytes:
 * a refusal must not carry the control bytes it refuses. */
static const char *shown(ip_arena *a, const char *s)
{
	size_t n = strlen(s), max = n < 120 ? n : 120;
	char *o = ip_arena_alloc(a, 4 * max + 4), *w = o;
	for (size_t i = 0; i < max; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c > 0x7e || c == '\\')
			w += sprintf(w, "\\x%02X", c);
		else
			*w++ = (char)c;
	}
	strcpy(w, n > max ? "..." : "");
	return o;
}

static const char *bad(plan_bld *b, const char *what, const char *s, ip_cli_kind kind)
{
	char buf[IP_CLI_WHY_SIZE];
	const char *why = s ? ip_cli_check(s, kind, buf, sizeof(buf)) : NULL;
	if (!why)
		return NULL;
	return ip_arena_printf(b->a, "%s '%s' cannot be typed at the device CLI: %s", what,
			       shown(b->a, s), why);
}

/* The names the plan types as arguments, each named by where it came from. */
static const char *names(plan_bld *b)
{
	const ip_plan *p = b->p;
	const char *r = bad(b, "the hostname", p->hostname, IP_CLI_TOKEN);
	r = r ? r : bad(b, "the transfer server", p->server, IP_CLI_TOKEN);
	r = r ? r : bad(b, "the target image", p->target->raw, IP_CLI_TOKEN);
	r = r ? r : bad(b, "the running image", p->running, IP_CLI_TOKEN);
	r = r ? r : bad(b, "the VRF (--vrf)", p->opts.vrf, IP_CLI_TOKEN);
	r = r ? r : bad(b, "the source interface", b->vrf_if, IP_CLI_TOKEN);
	for (size_t i = 0; !r && i < b->n_deletes; i++)
		r = bad(b, ip_arena_printf(b->a, "the file on %s", b->deletes[i].filesystem),
			b->deletes[i].file->name, IP_CLI_TOKEN);
	for (size_t i = 0; !r && i < b->n_run; i++)
		r = bad(b, "the boot entry", b->run[i].raw, IP_CLI_LINE);
	return r;
}

static const char *step_lines(plan_bld *b, const ip_plan_step *st)
{
	const char *what = ip_arena_printf(b->a, "in step '%s', the line", shown(b->a, st->title));
	const char *r = bad(b, "a step title", st->title, IP_CLI_TEXT);
	r = r ? r : bad(b, what, st->why, IP_CLI_TEXT);
	r = r ? r : bad(b, what, st->abort, IP_CLI_LINE);
	for (size_t i = 0; !r && i < st->n_commands; i++)
		r = bad(b, what, st->commands[i], IP_CLI_LINE);
	for (size_t i = 0; !r && i < st->n_expect; i++)
		r = bad(b, what, st->expect[i], IP_CLI_TEXT);
	for (size_t i = 0; !r && i < st->n_expect_any; i++)
		r = bad(b, what, st->expect_any[i], IP_CLI_TEXT);
	r = r ? r : bad(b, what, st->expect_var_prompt, IP_CLI_TEXT);
	r = r ? r : bad(b, what, st->cmd_var_prompt, IP_CLI_TEXT);
	for (size_t i = 0; !r && i < st->n_prompts; i++) {
		r = bad(b, what, st->prompts[i].prompt, IP_CLI_TEXT);
		r = r ? r : bad(b, what, st->prompts[i].answer, IP_CLI_LINE);
	}
	return r;
}

const char *plan_names_check(plan_bld *b)
{
	const ip_plan *p = b->p;
	const char *r = names(b);
	for (size_t i = 0; !r && i < p->n_steps; i++)
		r = step_lines(b, &p->steps[i]);
	for (size_t i = 0; !r && i < p->n_warnings; i++)
		r = bad(b, "a warning", p->warnings[i], IP_CLI_TEXT);
	return r;
}

static bool ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Here, not in lint/plan/plan_ansible.c: plan_build.c refuses an Ansible
 * plan whose hostname fails it, so the planner owns the check (issue 19).
 *
 * Cisco's hostname grammar ("hostname" command reference, Cisco IOS
 * Configuration Fundamentals: "must start with a letter, end with a letter
 * or digit, and have as interior characters only letters, digits, and
 * hyphens. Names must be 63 characters or fewer"), plus '_', which IOS
 * accepts in practice (samples/netstuts-r1.log is NetsTuts_R1). None of
 * these is an Ansible pattern character; `all` and `ungrouped` are the
 * groups every inventory has. */
bool ip_plan_ansible_host_ok(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0 || n > 63 || !ascii_alnum(name[0]) || (name[0] >= '0' && name[0] <= '9') ||
	    !ascii_alnum(name[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!ascii_alnum(name[i]) && name[i] != '-' && name[i] != '_')
			return false;
	return strcmp(name, "all") != 0 && strcmp(name, "ungrouped") != 0;
}
