/* show_interfaces_status_parse: the status word among free-text names,
 * the Vlan after a TDR note, spans, and the ntc-templates fixtures. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "ntc_fixture.h"
#include "parsers.h"

typedef struct port_exp {
	const char *name, *description, *status, *vlan;
	bool up;
	uint32_t line, status_col, status_end;
} port_exp;

typedef struct status_case {
	const char *title;
	const char *text;
	bool known;
	size_t n;
	port_exp ports[4];
	size_t warnings;
} status_case;

#define HDR "Port      Name               Status       Vlan       Duplex  Speed Type\n"

static const status_case cases[] = {
	{ "2960 after the upgrade", HDR
	  "Fa0/1     uplink to R1       connected    1          a-full  a-100 10/100BaseTX\n"
	  "Fa0/2                        notconnect   10           auto   auto 10/100BaseTX\n"
	  "Gi0/1     trunk to core      connected    trunk      a-full a-1000 10/100/1000BaseTX",
	  true, 3,
	  { { "Fa0/1", "uplink to R1", "connected", "1", true, 2, 30, 39 },
	    { "Fa0/2", NULL, "notconnect", "10", false, 3, 30, 40 },
	    { "Gi0/1", "trunk to core", "connected", "trunk", true, 4, 30, 39 } }, 0 },
	{ "status words inside the name", HDR
	  "Fa0/1     *** connected to U notconnect   150          auto   auto 10/100BaseTX\n"
	  "Fa0/6     suspended customer disabled     789          auto   auto 10/100BaseTX",
	  true, 2,
	  { { "Fa0/1", "*** connected to U", "notconnect", "150", false, 2, 30, 40 },
	    { "Fa0/6", "suspended customer", "disabled", "789", false, 3, 30, 38 } }, 0 },
	{ "TDR notes and pvlan", HDR
	  "Gi1/0/23  addl status text   connected: TDR 1         a-full  a-100 10/100/1000BaseTX\n"
	  "Twe1/0/17 Device 5           connected    pvlan prom   full    10G SFP-10GBase-SR",
	  true, 2,
	  { { "Gi1/0/23", "addl status text", "connected", "1", true, 2, 30, 39 },
	    { "Twe1/0/17", "Device 5", "connected", "pvlan prom", true, 3, 30, 39 } }, 0 },
	{ "no header: the last status word", 
	  "Gi1/0/1   link connected     err-disabled 20           auto   auto 10/100/1000BaseTX",
	  true, 1, { { "Gi1/0/1", "link connected", "err-disabled", "20", false, 1, 30, 42 } }, 0 },
	{ "Nexus-style rows", "fc2/1 is up    Port mode is NP\nfc2/5 is down (SFP not present)",
	  true, 2,
	  { { "fc2/1", NULL, "up", NULL, true, 1, 10, 12 },
	    { "fc2/5", NULL, "down", NULL, false, 2, 10, 14 } }, 0 },
	{ "junk is a warning", HDR "this line has no status at all\n-----", true, 0, { { 0 } }, 1 },
	{ "nothing printed: unknown", "", false, 0, { { 0 } }, 0 },
};

IP_TABLE_PARAMS(interfaces_status, rows, cases)

ParameterizedTest(size_t *row, interfaces_status, rows)
{
	const status_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	cr_assert_eq(show_interfaces_status_parse(dev, test_section(a, IP_CMD_INTERFACES_STATUS, c->text),
						  &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: warnings", c->title);
	cr_expect_eq(dev->if_status.known, c->known, "%s: known", c->title);
	cr_assert_eq(dev->if_status.n, c->n, "%s: %zu rows", c->title, dev->if_status.n);
	for (size_t i = 0; i < c->n; i++) {
		const ip_interface *g = &dev->if_status.v[i];
		const port_exp *w = &c->ports[i];
		cr_expect_str_eq(g->name.s, w->name, "%s", c->title);
		if (w->description)
			cr_expect(g->description.s && !strcmp(g->description.s, w->description),
				  "%s: %s description '%s'", c->title, w->name, g->description.s);
		else
			cr_expect_null(g->description.s, "%s: %s description", c->title, w->name);
		cr_expect_str_eq(g->status.s, w->status, "%s", c->title);
		if (w->vlan)
			cr_expect(g->vlan.s && !strcmp(g->vlan.s, w->vlan), "%s: %s vlan '%s'",
				  c->title, w->name, g->vlan.s);
		else
			cr_expect_null(g->vlan.s, "%s", c->title);
		cr_expect_eq(g->up, w->up, "%s: %s up", c->title, w->name);
		cr_expect_eq(g->status.span.line, w->line, "%s: %s line", c->title, w->name);
		cr_expect_eq(g->status.span.col, w->status_col, "%s: %s col %u", c->title, w->name,
			     g->status.span.col);
		cr_expect_eq(g->status.span.end_col, w->status_end, "%s: %s end %u", c->title,
			     w->name, g->status.span.end_col);
		cr_expect_eq(g->name.span.col, 1, "%s", c->title);
	}
	ip_arena_free(a);
}

static const char *const fixtures[] = {
	"cisco_ios_show_interfaces_status", "cisco_ios_show_interfaces_status2",
	"cisco_ios_show_interfaces_status_pvlan",
	"cisco_ios_show_interfaces_status_with_keywords_in_name",
};

IP_TABLE_PARAMS(interfaces_status, ntc_fixtures, fixtures)

ParameterizedTest(size_t *row, interfaces_status, ntc_fixtures)
{
	ntc_fixture *f = ntc_load("show_interfaces_status", fixtures[*row]);
	if (!f)
		cr_skip_test("ntc-templates corpus not found");
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	show_interfaces_status_parse(dev, test_section(a, IP_CMD_INTERFACES_STATUS, f->raw), &ctx);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 0, "%s", fixtures[*row]);
	cr_assert_eq(dev->if_status.n, f->n_rows, "%s: %zu rows", fixtures[*row], dev->if_status.n);
	for (size_t i = 0; i < f->n_rows; i++) {
		const ip_interface *g = &dev->if_status.v[i];
		const ntc_row *r = &f->rows[i];
		cr_expect_str_eq(g->name.s, ntc_get(r, "port"));
		cr_expect_str_eq(g->description.s ? g->description.s : "", ntc_get(r, "name"),
				 "%s", ntc_get(r, "port"));
		cr_expect_str_eq(g->status.s, ntc_get(r, "status"), "%s", ntc_get(r, "port"));
		cr_expect_str_eq(g->vlan.s ? g->vlan.s : "", ntc_get(r, "vlan_id"), "%s",
				 ntc_get(r, "port"));
	}
	ntc_free(f);
	ip_arena_free(a);
}
