/* show_ip_ospf_neighbor_parse: neighbour rows, the "FULL/  -" state with
 * spaces, established or not, spans, and the ntc-templates fixtures. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "ntc_fixture.h"
#include "parsers.h"

typedef struct nbr_exp {
	const char *id, *state, *address, *interface, *if_key;
	bool established;
	uint32_t line, state_col, state_end;
} nbr_exp;

typedef struct ospf_case {
	const char *title;
	const char *text;
	bool known;
	size_t n;
	nbr_exp nbrs[4];
	size_t warnings;
} ospf_case;

#define HDR "Neighbor ID     Pri   State           Dead Time   Address         Interface\n"

static const ospf_case cases[] = {
	{ "the seed's router", HDR
	  "2.2.2.2           1   FULL/DR         00:00:37    10.0.12.2       Gi0/0/1",
	  true, 1, { { "2.2.2.2", "FULL/DR", "10.0.12.2", "Gi0/0/1", "gi0/0/1", true, 2, 23, 30 } }, 0 },
	{ "point-to-point, 2WAY and INIT", HDR
	  "10.0.0.1          0   FULL/  -        00:00:32    10.0.1.1        Port-channel1\n"
	  "10.190.30.4       1   2WAY/DROTHER    00:00:35    10.190.16.13    GigabitEthernet0/2.101\n"
	  "10.0.0.9          1   INIT/DROTHER    00:00:38    10.0.9.9        Vlan20\n"
	  "10.0.0.7          1   EXSTART/BDR     00:00:31    10.0.7.7        Vlan7",
	  true, 4,
	  { { "10.0.0.1", "FULL/  -", "10.0.1.1", "Port-channel1", "po1", true, 2, 23, 31 },
	    { "10.190.30.4", "2WAY/DROTHER", "10.190.16.13", "GigabitEthernet0/2.101", "gi0/2.101", true, 3, 23, 35 },
	    { "10.0.0.9", "INIT/DROTHER", "10.0.9.9", "Vlan20", "vl20", false, 4, 23, 35 },
	    { "10.0.0.7", "EXSTART/BDR", "10.0.7.7", "Vlan7", "vl7", false, 5, 23, 34 } }, 0 },
	{ "junk and a row cut short", HDR "2.2.2.2  1  FULL/DR  00:00:37\n% OSPF: not configured",
	  true, 0, { { 0 } }, 2 },
	{ "filtered to nothing", "", true, 0, { { 0 } }, 0 },
};

IP_TABLE_PARAMS(ospf_neighbor, rows, cases)

ParameterizedTest(size_t *row, ospf_neighbor, rows)
{
	const ospf_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	const ip_section *s = *c->text ? test_section(a, IP_CMD_OSPF_NEIGHBOR, c->text)
				       : test_section_cmd(a, "sh ip ospf nei | i 9.9.9.9", "");
	cr_assert_eq(show_ip_ospf_neighbor_parse(dev, s, &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: warnings", c->title);
	cr_expect_eq(dev->ospf_neighbors.known, c->known, "%s", c->title);
	cr_assert_eq(dev->ospf_neighbors.n, c->n, "%s: %zu rows", c->title, dev->ospf_neighbors.n);
	for (size_t i = 0; i < c->n; i++) {
		const ip_neighbor *g = &dev->ospf_neighbors.v[i];
		const nbr_exp *w = &c->nbrs[i];
		cr_expect_str_eq(g->id.s, w->id, "%s", c->title);
		cr_expect_str_eq(g->state.s, w->state, "%s", c->title);
		cr_expect_str_eq(g->address.s, w->address, "%s", c->title);
		cr_expect_str_eq(g->interface.s, w->interface, "%s", c->title);
		cr_expect_str_eq(g->if_key, w->if_key, "%s", c->title);
		cr_expect_eq(g->established, w->established, "%s: %s", c->title, w->id);
		cr_expect_eq(g->state.span.line, w->line, "%s", c->title);
		cr_expect_eq(g->state.span.col, w->state_col, "%s: %s col %u", c->title, w->id, g->state.span.col);
		cr_expect_eq(g->state.span.end_col, w->state_end, "%s: %s end %u", c->title, w->id,
			     g->state.span.end_col);
		cr_expect_eq(g->id.span.col, 1, "%s", c->title);
		cr_expect_eq(g->id.span.end_col, 1 + strlen(w->id), "%s", c->title);
	}
	ip_arena_free(a);
}

static const char *const fixtures[] = { "cisco_ios_show_ip_ospf_neighbor", "four_neighbors" };

IP_TABLE_PARAMS(ospf_neighbor, ntc_fixtures, fixtures)

ParameterizedTest(size_t *row, ospf_neighbor, ntc_fixtures)
{
	ntc_fixture *f = ntc_load("show_ip_ospf_neighbor", fixtures[*row]);
	if (!f)
		cr_skip_test("ntc-templates corpus not found");
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	show_ip_ospf_neighbor_parse(dev, test_section(a, IP_CMD_OSPF_NEIGHBOR, f->raw), &ctx);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), 0);
	cr_assert_eq(dev->ospf_neighbors.n, f->n_rows);
	for (size_t i = 0; i < f->n_rows; i++) {
		const ip_neighbor *g = &dev->ospf_neighbors.v[i];
		const ntc_row *r = &f->rows[i];
		cr_expect_str_eq(g->id.s, ntc_get(r, "neighbor_id"));
		cr_expect_str_eq(g->state.s, ntc_get(r, "state"));
		cr_expect_str_eq(g->address.s, ntc_get(r, "ip_address"));
		cr_expect_str_eq(g->interface.s, ntc_get(r, "interface"));
		cr_expect(g->established);
	}
	ntc_free(f);
	ip_arena_free(a);
}
