/* The management VRF (issue 20, point 19). With --vrf NAME the plan pings
 * through the VRF and makes every transfer in it: the copy's own `vrf
 * NAME` keyword on IOS-XE switches (Catalyst 9000), else `ip tftp|scp
 * source-interface IF` before the first transfer (IOS-XE routers, classic
 * IOS, archive download-sw), put back in the clean-up, IF from
 * --source-interface or the interface the captured configuration puts in
 * the VRF, never guessed. Without --vrf a capture that suggests a
 * management VRF is said in a warning. Each row is one platform, release,
 * layout or option; the captures in tests/captures/ were written for this
 * point. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "mgmt_vrf.h"
#include "plan.h"
#include "plan_invariants.h"
#include "plan_write.h"

#define MD5 "0123456789abcdef0123456789abcdef"
#define C9300_MGMT "../tests/captures/c9300-mgmt-vrf.log"
#define C9300_PORT "../tests/captures/c9300-mgmt-port-only.log"
#define ISR_MGMT "../tests/captures/isr4321-mgmt-intf.log"
#define C9K_IMG "cat9k_iosxe.17.12.04.SPA.bin", 1325314572
#define ISR_IMG "isr4300-universalk9.16.12.04.SPA.bin", 521347072
#define C1900_IMG "c1900-universalk9-mz.SPA.157-3.M8.bin", 33000000
/* a row of the tables below that only name the device and target */
#define ROW(n, cap, ...) ROW_(n, cap, __VA_ARGS__)
#define ROW_(n, cap, t, sz) { .name = n, .capture = cap, .target = t, .size = sz }
#define C9K_T "cat9k_iosxe.17.12.04.SPA.bin", 1325314572
#define ISR_T "isr4300-universalk9.16.12.04.SPA.bin", 521347072
#define C3750_TAR "c3750e-universalk9-tar.152-4.E10.tar", 23900160

typedef enum form {
	FORM_KEYWORD = 0, /* `copy ... vrf NAME` */
	FORM_SOURCE_IF,   /* `ip tftp|scp source-interface IF` first */
	FORM_REFUSED,     /* no interface known: refused, naming the capture */
	FORM_KEPT,        /* the capture already sets that source interface */
} form;

typedef struct vrf_case {
	const char *name;
	const char *capture; /* relative to samples/ */
	const char *target;
	uint64_t size;
	const char *vrf;
	const char *source_if; /* --source-interface, or NULL */
	bool scp;
	form form;
	const char *iface;     /* FORM_SOURCE_IF: the interface set */
	const char *restore;   /* ... and the clean-up's line ("no ip tftp ...") */
} vrf_case;

static const vrf_case cases[] = {
	{ "C9300 17.9 install, Mgmt-vrf, TFTP", C9300_MGMT, C9K_IMG, "Mgmt-vrf", NULL, false,
	  FORM_KEYWORD, NULL, NULL },
	{ "C9300 17.9 install, Mgmt-vrf, SCP", C9300_MGMT, C9K_IMG, "Mgmt-vrf", NULL, true,
	  FORM_KEYWORD, NULL, NULL },
	{ "C9300, only show ip interface brief", C9300_PORT, C9K_IMG, "Mgmt-vrf", NULL, false,
	  FORM_KEYWORD, NULL, NULL },
	{ "ISR4321 16.9, Mgmt-intf, TFTP (the capture sets another source)", ISR_MGMT, ISR_IMG,
	  "Mgmt-intf", NULL, false, FORM_SOURCE_IF, "GigabitEthernet0",
	  "ip tftp source-interface GigabitEthernet0/0/0" },
	{ "ISR4321 16.9, Mgmt-intf, SCP", ISR_MGMT, ISR_IMG, "Mgmt-intf", NULL, true,
	  FORM_SOURCE_IF, "GigabitEthernet0", "no ip scp source-interface" },
	{ "ISR4321 16.9, no VRF captured", "netstuts-r1.log", ISR_IMG, "Mgmt-intf", NULL, false,
	  FORM_REFUSED, NULL, NULL },
	{ "ISR4321 16.9, no VRF captured, --source-interface", "netstuts-r1.log", ISR_IMG,
	  "Mgmt-intf", "GigabitEthernet0", false, FORM_SOURCE_IF, "GigabitEthernet0",
	  "no ip tftp source-interface" },
	{ "ISR4321 16.9, the captured source interface kept", ISR_MGMT, ISR_IMG, "Mgmt-intf",
	  "GigabitEthernet0/0/0", false, FORM_KEPT, NULL, NULL },
	{ "1941 15.x classic, flash0:, no VRF captured", "traps/no-space-router.log", C1900_IMG,
	  "MGMT", NULL, false, FORM_REFUSED, NULL, NULL },
	{ "1941 15.x classic, --source-interface", "traps/no-space-router.log", C1900_IMG, "MGMT",
	  "GigabitEthernet0/1", false, FORM_SOURCE_IF, "GigabitEthernet0/1",
	  "no ip tftp source-interface" },
	{ "3750-X stack, tar from the server", "stack-3750x-tar.log", C3750_TAR, "MGMT",
	  "FastEthernet0", false, FORM_SOURCE_IF, "FastEthernet0", "no ip tftp source-interface" },
	{ "3750-X stack, tar, SCP (archive download-sw reads TFTP)", "stack-3750x-tar.log",
	  C3750_TAR, "MGMT", "FastEthernet0", true, FORM_SOURCE_IF, "FastEthernet0",
	  "no ip tftp source-interface" },
};

static ip_plan *build(ip_device_set **set_out, const vrf_case *c, const char *vrf)
{
	ip_device_set *set = test_load_samples(c->capture, NULL);
	cr_assert_eq(set->n, 1, "%s: %zu devices", c->name, set->n);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	o.transfer = c->scp ? IP_TRANSFER_SCP : IP_TRANSFER_TFTP;
	o.vrf = vrf;
	o.source_interface = c->source_if;
	ip_plan *p = ip_arena_alloc(set->arena, sizeof(*p));
	ip_plan_build(p, set->arena, set->v[0], t, &o);
	*set_out = set;
	return p;
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static bool ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

/* A command that reaches the transfer server. */
static bool network(const char *cmd)
{
	return (starts(cmd, "copy ") || starts(cmd, "archive download-sw ")) && strstr(cmd, "://");
}

/* The step index and command of the first command starting with prefix. */
static size_t find_cmd(const ip_plan *p, const char *prefix)
{
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++)
			if (starts(p->steps[i].commands[j], prefix))
				return i;
	return SIZE_MAX;
}

IP_TABLE_PARAMS(plan_vrf, transfers_in_the_vrf, cases)

ParameterizedTest(size_t *row, plan_vrf, transfers_in_the_vrf)
{
	const vrf_case *c = &cases[*row];
	ip_device_set *set;
	ip_plan *p = build(&set, c, c->vrf);
	if (c->form == FORM_REFUSED) {
		cr_assert(p->refused, "%s: planned without an interface in %s", c->name, c->vrf);
		bool named = false;
		for (size_t i = 0; i < p->n_reasons; i++)
			named |= strstr(p->reasons[i], "show running-config | section vrf") &&
				 strstr(p->reasons[i], "--source-interface");
		cr_expect(named, "%s: the refusal names no capture: %s", c->name,
			  p->n_reasons ? p->reasons[0] : "");
		ip_device_set_free(set);
		return;
	}
	cr_assert_not(p->refused, "%s: refused: %s", c->name, p->n_reasons ? p->reasons[0] : "");
	char ping[128], kw[64];
	snprintf(ping, sizeof(ping), "ping vrf %s 10.0.0.10", c->vrf);
	snprintf(kw, sizeof(kw), " vrf %s", c->vrf);
	cr_expect_neq(find_cmd(p, ping), SIZE_MAX, "%s: no '%s'", c->name, ping);
	cr_expect_eq(find_cmd(p, "ping 10.0.0.10"), SIZE_MAX, "%s: a ping outside the VRF", c->name);
	char set_if[128];
	snprintf(set_if, sizeof(set_if), "ip %s source-interface %s", c->scp ? "scp" : "tftp",
		 c->iface ? c->iface : "");
	size_t set_at = c->form == FORM_SOURCE_IF ? find_cmd(p, set_if) : SIZE_MAX;
	size_t n_net = 0;
	for (size_t i = 0; i < p->n_steps; i++)
		for (size_t j = 0; j < p->steps[i].n_commands; j++) {
			const char *cmd = p->steps[i].commands[j];
			if (!network(cmd)) {
				cr_expect_not(ends(cmd, kw), "%s: a local copy in the VRF: %s",
					      c->name, cmd);
				continue;
			}
			n_net++;
			if (c->form == FORM_KEYWORD)
				cr_expect(ends(cmd, kw), "%s: '%s' is not in %s", c->name, cmd, c->vrf);
			else if (c->form == FORM_KEPT)
				cr_expect(!strstr(cmd, " vrf "), "%s: '%s'", c->name, cmd);
			else
				cr_expect(!strstr(cmd, " vrf ") && set_at < i, "%s: '%s' (step %zu) "
					  "before the source interface (step %zu)", c->name, cmd, i,
					  set_at);
		}
	cr_expect_geq(n_net, 2, "%s: %zu transfers", c->name, n_net);
	if (c->form == FORM_SOURCE_IF) {
		cr_assert_neq(set_at, SIZE_MAX, "%s: no '%s'", c->name, set_if);
		cr_expect_eq(p->steps[set_at].mode, IP_MODE_CONFIG, "%s", c->name);
		size_t back = find_cmd(p, c->restore);
		cr_assert_neq(back, SIZE_MAX, "%s: not put back with '%s'", c->name, c->restore);
		cr_expect_eq(p->steps[back].phase, IP_PHASE_CLEANUP, "%s", c->name);
		cr_expect_neq(find_cmd(p, "show running-config | include ip "), SIZE_MAX,
			      "%s: what is put back is not recorded", c->name);
	} else {
		if (c->form == FORM_KEPT) {
			bool said = false;
			for (size_t i = 0; i < p->n_steps; i++)
				said |= strstr(p->steps[i].why, "the plan keeps it") != NULL;
			cr_expect(said, "%s: the kept source interface is not said", c->name);
		}
		cr_expect_eq(find_cmd(p, "ip tftp source-interface"), SIZE_MAX, "%s", c->name);
		cr_expect_eq(find_cmd(p, "ip scp source-interface"), SIZE_MAX, "%s", c->name);
	}
	cr_expect_null(plan_invariants_check(p, set->arena), "%s", c->name);
	ip_device_set_free(set);
}

/* Without --vrf: the plan says when the captures suggest a management VRF,
 * and names it; with it, or without such a capture, it says nothing. */
static const struct {
	vrf_case c;
	const char *vrf;  /* --vrf given */
	const char *hint; /* the VRF the warning names, or NULL: no warning */
	const char *iface;
} hint_cases[] = {
	{ ROW("C9300, vrf definition and Gi0/0", C9300_MGMT, C9K_T), NULL, "Mgmt-vrf",
	  "GigabitEthernet0/0" },
	{ ROW("C9300, only Gi0/0 in show ip interface brief", C9300_PORT, C9K_T), NULL,
	  "Mgmt-vrf", "GigabitEthernet0/0" },
	{ ROW("ISR4321, Mgmt-intf", ISR_MGMT, ISR_T), NULL, "Mgmt-intf", "GigabitEthernet0" },
	{ ROW("ISR4321, no VRF", "netstuts-r1.log", ISR_T), NULL, NULL, NULL },
	{ ROW("2960, no VRF", "netstuts-sw1.log", "c2960-lanbasek9-mz.152-7.E9.bin", 12582912),
	  NULL, NULL, NULL },
	{ ROW("1941 classic, no VRF", "traps/no-space-router.log", C1900_IMG), NULL, NULL, NULL },
	{ ROW("C9300, --vrf given", C9300_MGMT, C9K_T), "Mgmt-vrf", NULL, NULL },
	{ ROW("ISR4321, --vrf given", ISR_MGMT, ISR_T), "Mgmt-intf", NULL, NULL },
};

IP_TABLE_PARAMS(plan_vrf, hint_without_flag, hint_cases)

ParameterizedTest(size_t *row, plan_vrf, hint_without_flag)
{
	const vrf_case *c = &hint_cases[*row].c;
	const char *hint = hint_cases[*row].hint;
	ip_device_set *set;
	ip_plan *p = build(&set, c, hint_cases[*row].vrf);
	cr_assert_not(p->refused, "%s: refused: %s", c->name, p->n_reasons ? p->reasons[0] : "");
	const char *said = NULL;
	for (size_t i = 0; i < p->n_warnings; i++)
		if (strstr(p->warnings[i], "suggests a management VRF"))
			said = p->warnings[i];
	if (!hint) {
		cr_expect_null(said, "%s: %s", c->name, said);
	} else {
		cr_assert_not_null(said, "%s: not said", c->name);
		char want[128];
		snprintf(want, sizeof(want), "(%s on %s,", hint, hint_cases[*row].iface);
		cr_expect(strstr(said, want) && strstr(said, "--vrf was not given"),
			  "%s: %s", c->name, said);
		/* the span: the line of the capture that suggested it */
		ip_mgmt_vrf m;
		ip_mgmt_vrf_find(&m, set->v[0], &p->check.platform);
		cr_expect(m.found && m.span.line > 0, "%s", c->name);
	}
	ip_device_set_free(set);
}

/* The written playbook carries the VRF in its commands, as unsafe text: a
 * VRF name is the operator's string, never a template. */
static char *ansible(ip_plan *p)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	const ip_plan *const one[] = { p };
	cr_assert_eq(ip_plan_write_ansible(f, one, 1), 0);
	fclose(f);
	/* a copy the caller owns: gcc takes the stream's buffer for a local */
	char *out = strdup(buf);
	free(buf);
	return out;
}

static const struct {
	vrf_case c;
	const char *want[3];
} yml_cases[] = {
	{ { .name = "C9300", .capture = C9300_MGMT, .target = "cat9k_iosxe.17.12.04.SPA.bin",
	    .size = 1325314572, .vrf = "Mgmt-vrf" },
	  { "!unsafe 'ping vrf Mgmt-vrf 10.0.0.10'",
	    "!unsafe 'copy tftp://10.0.0.10/cat9k_iosxe.17.12.04.SPA.bin flash: vrf Mgmt-vrf'" } },
	{ { .name = "ISR4321", .capture = ISR_MGMT, .target = "isr4300-universalk9.16.12.04.SPA.bin",
	    .size = 521347072, .vrf = "Mgmt-intf" },
	  { "!unsafe 'ping vrf Mgmt-intf 10.0.0.10'",
	    "!unsafe 'ip tftp source-interface GigabitEthernet0'" } },
	{ { .name = "C9300, a name holding a template", .capture = C9300_MGMT,
	    .target = "cat9k_iosxe.17.12.04.SPA.bin", .size = 1325314572, .vrf = "Mgmt-{{x}}" },
	  { "!unsafe 'ping vrf Mgmt-{{x}} 10.0.0.10'" } },
};

IP_TABLE_PARAMS(plan_vrf, playbook, yml_cases)

ParameterizedTest(size_t *row, plan_vrf, playbook)
{
	const vrf_case *c = &yml_cases[*row].c;
	ip_device_set *set = test_load_samples(c->capture, NULL);
	ip_target *t = ip_target_from_name(set->arena, c->target, "--target");
	t->size.known = true;
	t->size.v = c->size;
	t->md5 = MD5;
	ip_plan_options o;
	ip_plan_options_defaults(&o);
	o.server = "10.0.0.10";
	o.vrf = c->vrf;
	o.ansible = true;
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, &o);
	cr_assert_not(p.refused, "%s: refused: %s", c->name, p.n_reasons ? p.reasons[0] : "");
	char *yml = ansible(&p);
	for (size_t i = 0; i < 3 && yml_cases[*row].want[i]; i++)
		cr_expect(strstr(yml, yml_cases[*row].want[i]), "%s: no '%s' in:\n%s", c->name,
			  yml_cases[*row].want[i], yml);
	/* the name never appears outside an unsafe scalar */
	for (const char *q = strstr(yml, c->vrf); q; q = strstr(q + 1, c->vrf)) {
		const char *bol = q;
		while (bol > yml && bol[-1] != '\n')
			bol--;
		cr_expect(strstr(bol, "!unsafe") && strstr(bol, "!unsafe") < q,
			  "%s: the VRF name outside !unsafe: %.80s", c->name, bol);
	}
	free(yml);
	ip_device_set_free(set);
}

/* The invariant the property test checks on every plan (P12) catches a
 * transfer taken out of the VRF, in either form. */
IP_TABLE_PARAMS(plan_vrf, outside_the_vrf_caught, cases)

ParameterizedTest(size_t *row, plan_vrf, outside_the_vrf_caught)
{
	const vrf_case *c = &cases[*row];
	if (c->form == FORM_REFUSED)
		return;
	ip_device_set *set;
	ip_plan *p = build(&set, c, c->vrf);
	cr_assert_not(p->refused, "%s", c->name);
	cr_assert_null(plan_invariants_check(p, set->arena), "%s", c->name);
	char kw[64];
	snprintf(kw, sizeof(kw), " vrf %s", c->vrf);
	bool broken = false;
	for (size_t i = 0; !broken && i < p->n_steps; i++)
		for (size_t j = 0; !broken && j < p->steps[i].n_commands; j++) {
			const char *cmd = p->steps[i].commands[j];
			if (!network(cmd))
				continue;
			/* keyword form: the keyword dropped; source form: the
			 * keyword added instead of the source interface */
			p->steps[i].commands[j] = ends(cmd, kw)
				? ip_arena_strndup(set->arena, cmd, strlen(cmd) - strlen(kw))
				: ip_arena_printf(set->arena, "%s%s", cmd, kw);
			broken = true;
		}
	cr_assert(broken, "%s", c->name);
	const char *why = plan_invariants_check(p, set->arena);
	cr_expect(why && strstr(why, "P12"), "%s: %s", c->name, why ? why : "not caught");
	ip_device_set_free(set);
}

/* The facts config_vrf.c keeps, with their lines: IOS-XE `vrf definition`
 * and `vrf forwarding`, classic `ip vrf` and `ip vrf forwarding`, the
 * configured source interfaces, and what is no VRF (a `vrf forwarding` of
 * no interface, `ip vrf forwarding` at the top level). */
static const struct {
	const char *name;
	const char *text;
	const char *vrf;       /* the VRF the interface is in, or NULL: none */
	const char *iface;
	uint32_t line;         /* of the vrf forwarding line */
	size_t n_vrfs;
	const char *tftp_if;
} fact_cases[] = {
	{ "IOS-XE", "R1#show running-config\nvrf definition Mgmt-intf\n !\n address-family ipv4\n"
	  " exit-address-family\n!\ninterface GigabitEthernet0\n description oob\n"
	  " vrf forwarding Mgmt-intf\n ip address 192.0.2.1 255.255.255.0\n!\nend\n",
	  "Mgmt-intf", "GigabitEthernet0", 9, 2, NULL },
	{ "classic IOS", "R1#show running-config\nip vrf MGMT\n rd 1:1\n!\ninterface FastEthernet0/0\n"
	  " ip vrf forwarding MGMT\n!\nip tftp source-interface FastEthernet0/0\nend\n",
	  "MGMT", "FastEthernet0/0", 6, 2, "FastEthernet0/0" },
	{ "a vrf forwarding under no interface", "R1#show running-config\nrouter bgp 1\n"
	  " vrf forwarding X\n!\nip vrf forwarding Y\nend\n", NULL, NULL, 0, 0, NULL },
};

IP_TABLE_PARAMS(plan_vrf, config_facts, fact_cases)

ParameterizedTest(size_t *row, plan_vrf, config_facts)
{
	ip_device_set *set = test_load_text("r1.log", fact_cases[*row].text);
	cr_assert_eq(set->n, 1);
	const ip_device *d = set->v[0];
	cr_expect_eq(d->n_vrfs, fact_cases[*row].n_vrfs, "%s: %zu", fact_cases[*row].name, d->n_vrfs);
	size_t n = 0;
	const char *iface = ip_vrf_interface(d, fact_cases[*row].vrf, &n);
	if (fact_cases[*row].iface) {
		cr_assert_str_eq(iface ? iface : "", fact_cases[*row].iface, "%s",
				 fact_cases[*row].name);
		for (size_t i = 0; i < d->n_vrfs; i++)
			if (d->vrfs[i].interface.s)
				cr_expect_eq(d->vrfs[i].name.span.line, fact_cases[*row].line, "%s",
					     fact_cases[*row].name);
	} else {
		cr_expect_null(iface);
	}
	if (fact_cases[*row].tftp_if)
		cr_expect_str_eq(d->tftp_source_if.s ? d->tftp_source_if.s : "",
				 fact_cases[*row].tftp_if);
	else
		cr_expect_null(d->tftp_source_if.s);
	ip_device_set_free(set);
}
