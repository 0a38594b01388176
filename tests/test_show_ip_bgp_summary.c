/* show_ip_bgp_summary_parse: peers per address family, wrapped IPv6 rows,
 * established sessions and states, and the ntc-templates fixtures read
 * through the whole pipeline (bare output found by its first line). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"
#include "ntc_fixture.h"
#include "parsers.h"

typedef struct peer_exp {
	const char *id, *as, *state, *family;
	bool established;
	uint32_t line, end_line, id_col, state_col, state_end;
} peer_exp;

typedef struct bgp_case {
	const char *title;
	const char *text;
	bool known;
	size_t n;
	peer_exp peers[4];
	size_t warnings;
} bgp_case;

#define HEAD "BGP router identifier 1.1.1.1, local AS number 65000\n" \
	"BGP table version is 9, main routing table version 9\n" \
	"8 network entries using 1152 bytes of memory\n\n" \
	"Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd\n"

static const bgp_case cases[] = {
	{ "established, idle, admin down", HEAD
	  "10.0.14.4       4        65001      26      27        9    0    0 00:20:06        7\n"
	  "10.10.14.4      4        65001       0       0        1    0    0 never    Idle\n"
	  "10.0.0.10       4        65009 26930508  942614 512185203    0    0 1y10w     Idle (Admin)",
	  true, 3,
	  { { "10.0.14.4", "65001", "7", NULL, true, 6, 6, 1, 83, 84 },
	    { "10.10.14.4", "65001", "Idle", NULL, false, 7, 7, 1, 76, 80 },
	    { "10.0.0.10", "65009", "Idle (Admin)", NULL, false, 8, 8, 1, 79, 91 } }, 0 },
	{ "a wrapped IPv6 peer and a dynamic one, asdot", HEAD
	  "2001:DB8:1234:5678::1\n"
	  "                4        65001      12      11        9    0    0 00:05:12        3\n"
	  "*10.0.0.20      4   65000.1000      40      41        9    0    0 00:15:00        2",
	  true, 2,
	  { { "2001:DB8:1234:5678::1", "65001", "3", NULL, true, 6, 7, 1, 83, 84 },
	    { "10.0.0.20", "65000.1000", "2", NULL, true, 8, 8, 2, 83, 84 } }, 0 },
	{ "two address families", "For address family: IPv4 Unicast\n" HEAD
	  "10.0.14.4       4        65001      26      27        9    0    0 00:20:06        7\n"
	  "\nFor address family: VPNv4 Unicast\n" HEAD
	  "10.10.13.3      4        65001      48      48       17    0    0 00:40:00        5",
	  true, 2,
	  { { "10.0.14.4", "65001", "7", "IPv4 Unicast", true, 7, 7, 1, 83, 84 },
	    { "10.10.13.3", "65001", "5", "VPNv4 Unicast", true, 15, 15, 1, 83, 84 } }, 0 },
	{ "BGP not running: a table of no peers", "% BGP not active", true, 0, { { 0 } }, 0 },
	{ "counters only, the table cut off: unknown", "BGP router identifier 1.1.1.1, local AS number 65000\n"
	  "BGP table version is 9, main routing table version 9", false, 0, { { 0 } }, 0 },
	{ "junk after the header", HEAD "10.0.14.4 4 65001 twenty\n10.0.0.1\n", true, 0, { { 0 } }, 2 },
};

IP_TABLE_PARAMS(bgp_summary, rows, cases)

ParameterizedTest(size_t *row, bgp_summary, rows)
{
	const bgp_case *c = &cases[*row];
	ip_arena *a = ip_arena_new();
	ip_parse_ctx ctx;
	ip_diags diags;
	ip_device *dev = test_device(a, &ctx, &diags);
	cr_assert_eq(show_ip_bgp_summary_parse(dev, test_section(a, IP_CMD_BGP_SUMMARY, c->text), &ctx), 0);
	cr_expect_eq(ip_diags_count(&diags, IP_DIAG_WARNING), c->warnings, "%s: warnings", c->title);
	cr_expect_eq(dev->bgp_neighbors.known, c->known, "%s", c->title);
	cr_assert_eq(dev->bgp_neighbors.n, c->n, "%s: %zu rows", c->title, dev->bgp_neighbors.n);
	for (size_t i = 0; i < c->n; i++) {
		const ip_neighbor *g = &dev->bgp_neighbors.v[i];
		const peer_exp *w = &c->peers[i];
		cr_expect_str_eq(g->id.s, w->id, "%s", c->title);
		cr_expect_str_eq(g->remote.s, w->as, "%s", c->title);
		cr_expect_str_eq(g->state.s, w->state, "%s", c->title);
		if (w->family)
			cr_expect(g->family && !strcmp(g->family, w->family), "%s", c->title);
		else
			cr_expect_null(g->family, "%s", c->title);
		cr_expect_eq(g->established, w->established, "%s: %s", c->title, w->id);
		cr_expect_eq(g->id.span.line, w->line, "%s", c->title);
		cr_expect_eq(g->id.span.col, w->id_col, "%s: %s id col", c->title, w->id);
		cr_expect_eq(g->span.end_line, w->end_line, "%s: %s end line", c->title, w->id);
		cr_expect_eq(g->state.span.line, w->end_line, "%s", c->title);
		cr_expect_eq(g->state.span.col, w->state_col, "%s: %s state col %u", c->title, w->id,
			     g->state.span.col);
		cr_expect_eq(g->state.span.end_col, w->state_end, "%s: %s state end %u", c->title,
			     w->id, g->state.span.end_col);
	}
	ip_arena_free(a);
}

static const char *const fixtures[] = {
	"cisco_ios_show_ip_bgp_summary", "cisco_ios_show_ip_bgp_summary_all",
	"cisco_ios_show_ip_bgp_summary_with_dot", "cisco_ios_show_ip_bgp_summary_with_dot_peer_as",
};

IP_TABLE_PARAMS(bgp_summary, ntc_fixtures, fixtures)

ParameterizedTest(size_t *row, bgp_summary, ntc_fixtures)
{
	ntc_fixture *f = ntc_load("show_ip_bgp_summary", fixtures[*row]);
	if (!f)
		cr_skip_test("ntc-templates corpus not found");
	ip_device_set *set = test_load_text("bgp.txt", f->raw);
	cr_assert_eq(set->n, 1, "%s", fixtures[*row]);
	const ip_device *dev = set->v[0];
	cr_expect_eq(ip_diags_count(&set->diags, IP_DIAG_WARNING), 0, "%s", fixtures[*row]);
	cr_assert_eq(dev->bgp_neighbors.n, f->n_rows, "%s: %zu", fixtures[*row], dev->bgp_neighbors.n);
	for (size_t i = 0; i < f->n_rows; i++) {
		const ip_neighbor *g = &dev->bgp_neighbors.v[i];
		const ntc_row *r = &f->rows[i];
		cr_expect_str_eq(g->id.s, ntc_get(r, "bgp_neighbor"));
		cr_expect_str_eq(g->remote.s, ntc_get(r, "neighbor_as"));
		cr_expect_str_eq(g->up_down.s, ntc_get(r, "up_down"));
		cr_expect_str_eq(g->state.s, ntc_get(r, "state_or_prefixes_received"), "%s", g->id.s);
		if (*ntc_get(r, "address_family"))
			cr_expect_str_eq(g->family, ntc_get(r, "address_family"));
	}
	ntc_free(f);
	ip_device_set_free(set);
}
