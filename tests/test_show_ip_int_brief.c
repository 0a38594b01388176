/* show_ip_int_brief_parse: rows with their spans, the up flag, filtered
 * and empty captures, and the ntc-templates fixture. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "ntc_fixture.h"
#include "parsers.h"

typedef struct if_exp {
	const char *name, *key, *address, *status, *protocol;
	bool up;
	uint32_t line, status_col, status_end;
} if_exp;

typedef struct brief_case {
	const char *title;
	const char *command; /* NULL: bare output */
	const char *text;
	bool known;
	size_t n;
	if_exp ifs[4];
	size_t warnings;
} brief_case;

static const brief_case cases[] = {
	{ "ISR4321 after the upgrade", NULL,
	  "Interface              IP-Address      OK? Method Status                Protocol\n"
	  "GigabitEthernet0/0/0   192.168.1.1     YES NVRAM  up                    up\n"
	  "GigabitEthernet0/0/1   10.0.12.1       YES NVRAM  up                    up\n"
	  "GigabitEthernet0/0/2   unassigned      YES NVRAM  administratively down down\n"
	  "GigabitEthernet0       unassigned      YES NVRAM  down                  down",
	  true, 4,
	  { { "GigabitEthernet0/0/0", "gi0/0/0", "192.168.1.1", "up", "up", true, 2, 51, 53 },
	    { "GigabitEthernet0/0/1", "gi0/0/1", "10.0.12.1", "up", "up", true, 3, 51, 53 },
	    { "GigabitEthernet0/0/2", "gi0/0/2", "unassigned", "administratively down", "down", false, 4, 51, 72 },
	    { "GigabitEthernet0", "gi0", "unassigned", "down", "down", false, 5, 51, 55 } }, 0 },
	{ "up but protocol down is not up", NULL,
	  "Vlan10                 10.1.10.1       YES NVRAM  up                    down",
	  true, 1, { { "Vlan10", "vl10", "10.1.10.1", "up", "down", false, 1, 51, 53 } }, 0 },
	{ "protocol with a note, DHCP method, NO in OK?", NULL,
	  "Serial0/0/0            unassigned      NO  unset  up                    down (looped)\n"
	  "GigabitEthernet0/1     10.9.9.9        YES DHCP   up                    up",
	  true, 2,
	  { { "Serial0/0/0", "se0/0/0", "unassigned", "up", "down (looped)", false, 1, 51, 53 },
	    { "GigabitEthernet0/1", "gi0/1", "10.9.9.9", "up", "up", true, 2, 51, 53 } }, 0 },
	{ "a long name pushes the columns", NULL,
	  "TwentyFiveGigE1/0/1.1000 10.1.1.1    YES manual up                    up",
	  true, 1, { { "TwentyFiveGigE1/0/1.1000", "twe1/0/1.1000", "10.1.1.1", "up", "up", true, 1, 49, 51 } }, 0 },
	{ "junk lines are warnings, not interfaces", "show ip interface brief",
	  "Interface              IP-Address      OK? Method Status                Protocol\n"
	  "this is not a row\n"
	  "  GigabitEthernet0/0/0 192.168.1.1 YES NVRAM up up",
	  true, 0, { { 0 } }, 2 },
	{ "filtered and empty: known, no rows", "show ip interface brief | include Tunnel",
	  "", true, 0, { { 0 } }, 0 },
	{ "unfiltered and empty: unknown", "show ip interface brief", "", false, 0, { { 0 } }, 0 },
};

IP_TABLE_PARAMS(ip_int_brief, rows, cases)

ParameterizedTest(size_t *row, ip_int_brief, rows)
{
	const brief_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	const ip_section *s = c->command ? test_section_cmd(a, c->command, c->text)
					 : test_section(a, IP_CMD_IP_INT_BRIEF, c->text);
	cr_assert_eq(show_ip_int_brief_parse(dev, s, &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: warnings", c->title);
	cr_expect_eq(dev->if_brief.known, c->known, "%s: known", c->title);
	cr_assert_eq(dev->if_brief.n, c->n, "%s: %zu rows", c->title, dev->if_brief.n);
	for (size_t i = 0; i < c->n; i++) {
		const ip_interface *g = &dev->if_brief.v[i];
		const if_exp *w = &c->ifs[i];
		cr_expect_str_eq(g->name.s, w->name, "%s", c->title);
		cr_expect_str_eq(g->key, w->key, "%s", c->title);
		cr_expect_str_eq(g->address.s, w->address, "%s", c->title);
		cr_expect_str_eq(g->status.s, w->status, "%s", c->title);
		cr_expect_str_eq(g->protocol.s, w->protocol, "%s", c->title);
		cr_expect_eq(g->up, w->up, "%s: %s up", c->title, w->name);
		cr_expect_eq(g->name.span.line, w->line, "%s: %s line", c->title, w->name);
		cr_expect_eq(g->name.span.col, 1, "%s: %s col", c->title, w->name);
		cr_expect_eq(g->name.span.end_col, 1 + strlen(w->name), "%s: %s end", c->title, w->name);
		cr_expect_eq(g->status.span.col, w->status_col, "%s: %s status col %u", c->title,
			     w->name, g->status.span.col);
		cr_expect_eq(g->status.span.end_col, w->status_end, "%s: %s status end %u", c->title,
			     w->name, g->status.span.end_col);
		cr_expect_eq(g->span.line, w->line, "%s", c->title);
	}
	ip_arena_free(a);
}

Test(ip_int_brief, later_capture_replaces_earlier)
{
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	show_ip_int_brief_parse(dev, test_section(a, IP_CMD_IP_INT_BRIEF,
		"Gi0/0   unassigned YES NVRAM up up\nGi0/1   unassigned YES NVRAM up up"), &ctx);
	show_ip_int_brief_parse(dev, test_section(a, IP_CMD_IP_INT_BRIEF,
		"Gi0/1   unassigned YES NVRAM down down"), &ctx);
	cr_assert_eq(dev->if_brief.n, 1);
	cr_expect_str_eq(dev->if_brief.v[0].name.s, "Gi0/1");
	cr_expect(!dev->if_brief.v[0].up);
	/* an empty unfiltered capture says nothing: the earlier table stays */
	show_ip_int_brief_parse(dev, test_section(a, IP_CMD_IP_INT_BRIEF, ""), &ctx);
	cr_expect_eq(dev->if_brief.n, 1);
	ip_arena_free(a);
}

Test(ip_int_brief, ntc_fixture)
{
	ntc_fixture *f = ntc_load("show_ip_interface_brief", "cisco_ios_show_ip_interface_brief");
	if (!f)
		cr_skip_test("ntc-templates corpus not found");
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	cr_assert_eq(show_ip_int_brief_parse(dev, test_section(a, IP_CMD_IP_INT_BRIEF, f->raw), &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 0);
	cr_assert_eq(dev->if_brief.n, f->n_rows);
	for (size_t i = 0; i < f->n_rows; i++) {
		const ip_interface *g = &dev->if_brief.v[i];
		cr_expect_str_eq(g->name.s, ntc_get(&f->rows[i], "interface"));
		cr_expect_str_eq(g->address.s, ntc_get(&f->rows[i], "ip_address"));
		cr_expect_str_eq(g->status.s, ntc_get(&f->rows[i], "status"));
		cr_expect_str_eq(g->protocol.s, ntc_get(&f->rows[i], "proto"));
	}
	ntc_free(f);
	ip_arena_free(a);
}
