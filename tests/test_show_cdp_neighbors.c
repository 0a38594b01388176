/* show_cdp_neighbors_parse: rows with their columns decided without
 * trusting positions, wrapped device IDs (indented or squeezed), spans,
 * and the ntc-templates fixtures through the whole pipeline. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "ntc_fixture.h"
#include "parsers.h"

typedef struct cdp_exp {
	const char *id, *interface, *if_key, *platform, *port;
	uint32_t line, end_line, if_col, if_end;
} cdp_exp;

typedef struct cdp_case {
	const char *title;
	const char *text;
	bool known;
	size_t n;
	cdp_exp nbrs[4];
	size_t warnings;
} cdp_case;

#define LEGEND "Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge\n" \
	"                  S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone,\n" \
	"                  D - Remote, C - CVTA, M - Two-port Mac Relay\n\n"
#define HDR "Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID\n"

static const cdp_case cases[] = {
	{ "the seed's switch", LEGEND HDR
	  "NetsTuts_R1      Fas 0/1           157              R B S I ISR4321/K Gig 0/0/1\n"
	  "SEP04FE7F689D33  Fas 0/5           125              H P M   IP Phone  Port 1\n"
	  "\nTotal cdp entries displayed : 2",
	  true, 2,
	  { { "NetsTuts_R1", "Fas 0/1", "fa0/1", "ISR4321/K", "Gig 0/0/1", 6, 6, 18, 25 },
	    { "SEP04FE7F689D33", "Fas 0/5", "fa0/5", "IP Phone", "Port 1", 7, 7, 18, 25 } }, 0 },
	{ "a long device ID wraps", HDR
	  "core-sw1.example.com\n"
	  "                 Ten 1/1/1         170             R S I  C9500-40X Ten 2/0/36\n"
	  "acc-sw101\n"
	  "                 Ten 3/7           175               R    AS5610-52 0/47",
	  true, 2,
	  { { "core-sw1.example.com", "Ten 1/1/1", "te1/1/1", "C9500-40X", "Ten 2/0/36", 2, 3, 18, 27 },
	    { "acc-sw101", "Ten 3/7", "te3/7", "AS5610-52", "0/47", 4, 5, 18, 25 } }, 0 },
	{ "spaces squeezed, one-token interface", HDR
	  "router.domain.local\n"
	  "Gig 1/0/1 134 R B S CISCO2911 Gig 0/0\n"
	  "nx1 mgmt0 160 R S N5K-C5548UP mgmt0",
	  true, 2,
	  { { "router.domain.local", "Gig 1/0/1", "gi1/0/1", "CISCO2911", "Gig 0/0", 2, 3, 1, 10 },
	    { "nx1", "mgmt0", "mgmt0", "N5K-C5548UP", "mgmt0", 4, 4, 5, 10 } }, 0 },
	{ "junk rows are warnings", HDR "R9 Gig 1/0/1 soon R\n   stray continuation\nR8",
	  true, 0, { { 0 } }, 3 },
	{ "only the legend: unknown", LEGEND, false, 0, { { 0 } }, 0 },
};

IP_TABLE_PARAMS(cdp_neighbors, rows, cases)

ParameterizedTest(size_t *row, cdp_neighbors, rows)
{
	const cdp_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	cr_assert_eq(show_cdp_neighbors_parse(dev, test_section(a, IP_CMD_CDP_NEIGHBORS, c->text), &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: warnings", c->title);
	cr_expect_eq(dev->cdp_neighbors.known, c->known, "%s", c->title);
	cr_assert_eq(dev->cdp_neighbors.n, c->n, "%s: %zu rows", c->title, dev->cdp_neighbors.n);
	for (size_t i = 0; i < c->n; i++) {
		const ip_neighbor *g = &dev->cdp_neighbors.v[i];
		const cdp_exp *w = &c->nbrs[i];
		cr_expect_str_eq(g->id.s, w->id, "%s", c->title);
		cr_expect_str_eq(g->interface.s, w->interface, "%s", c->title);
		cr_expect_str_eq(g->if_key, w->if_key, "%s", c->title);
		cr_expect_str_eq(g->platform.s, w->platform, "%s", c->title);
		cr_expect_str_eq(g->remote.s, w->port, "%s", c->title);
		cr_expect(g->established, "%s", c->title);
		cr_expect_eq(g->id.span.line, w->line, "%s", c->title);
		cr_expect_eq(g->span.end_line, w->end_line, "%s: %s end line", c->title, w->id);
		cr_expect_eq(g->interface.span.line, w->end_line, "%s", c->title);
		cr_expect_eq(g->interface.span.col, w->if_col, "%s: %s if col %u", c->title, w->id,
			     g->interface.span.col);
		cr_expect_eq(g->interface.span.end_col, w->if_end, "%s: %s if end %u", c->title, w->id,
			     g->interface.span.end_col);
	}
	ip_arena_free(a);
}

static const char *const fixtures[] = {
	"cisco_ios_show_cdp_neighbors", "cisco_ios_show_cdp_neighbors_2",
	"cisco_ios_show_cdp_neighbors_3", "cisco_ios_show_cdp_neighbors_4",
};

IP_TABLE_PARAMS(cdp_neighbors, ntc_fixtures, fixtures)

ParameterizedTest(size_t *row, cdp_neighbors, ntc_fixtures)
{
	ntc_fixture *f = ntc_load("show_cdp_neighbors", fixtures[*row]);
	if (!f)
		cr_skip_test("ntc-templates corpus not found");
	ip_device_set *set = test_load_text("cdp.txt", f->raw);
	cr_assert_eq(set->n, 1, "%s", fixtures[*row]);
	const ip_device *dev = set->v[0];
	cr_expect_eq(ip_diags_count(&set->diags, IP_DIAG_WARNING), 0, "%s", fixtures[*row]);
	cr_assert_eq(dev->cdp_neighbors.n, f->n_rows, "%s: %zu", fixtures[*row], dev->cdp_neighbors.n);
	for (size_t i = 0; i < f->n_rows; i++) {
		const ip_neighbor *g = &dev->cdp_neighbors.v[i];
		const ntc_row *r = &f->rows[i];
		cr_expect_str_eq(g->id.s, ntc_get(r, "neighbor_name"));
		cr_expect_str_eq(g->interface.s, ntc_get(r, "local_interface"), "%s", g->id.s);
		cr_expect_str_eq(g->platform.s ? g->platform.s : "", ntc_get(r, "platform"), "%s", g->id.s);
		cr_expect_str_eq(g->remote.s ? g->remote.s : "", ntc_get(r, "neighbor_interface"), "%s",
				 g->id.s);
	}
	ntc_free(f);
	ip_device_set_free(set);
}
