/* show ip bgp summary (and show bgp ... summary, show ip bgp all summary):
 * the BGP peers and whether each session is up.
 *
 *   For address family: VPNv4 Unicast
 *   BGP router identifier 2.2.2.2, local AS number 65010
 *   BGP table version is 17, main routing table version 17
 *   ...                                         (memory counters: not read)
 *   Neighbor        V           AS MsgRcvd MsgSent   TblVer  InQ OutQ Up/Down  State/PfxRcd
 *   10.10.13.3      4        65001      48      48       17    0    0 00:40:00        5
 *   10.10.14.4      4        65001       0       0        1    0    0 never    Idle
 *   10.0.0.10       4        65009 26930508  942614 512185203    0    0 1y10w     Idle (Admin)
 *   *10.0.0.20      4        65020 ...                 (a dynamic peer)
 *   2001:DB8:1234:5678::1
 *                   4        65001      12      11        9    0    0 00:05:12        3
 *
 * The AS may be in asdot form (65000.1000). A session is established when
 * State/PfxRcd is a prefix count; anything else is its state. A peer is
 * identified by address and address family. An address too long for its
 * column is printed alone and the row continues on the next line.
 * "% BGP not active" is a table of no peers. */
#include <ctype.h>
#include <string.h>

#include "parsers.h"
#include "rx.h"
#include "table_rows.h"

static ip_rx bgp_rx[] = {
	/* V, AS, MsgRcvd, MsgSent, TblVer, InQ, OutQ, Up/Down, State/PfxRcd */
	{ "^\\s*([46])\\s+(\\d+(?:\\.\\d+)?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+"
	  "(\\S+)\\s+(\\S.*)$", 0, NULL },
};

typedef struct bgp_state {
	rows r;
	ip_neighbor_list list;
	const ip_line *header;
	const char *family;
	bool inactive;
	const ip_line *pending; /* a wrapped row's address line */
} bgp_state;

static void row(bgp_state *st, const ip_line *al, size_t as, size_t ae, const ip_line *l,
		const ip_rx_match *m)
{
	rows *r = &st->r;
	ip_neighbor *n = IP_PUSH(r->ctx->arena, st->list.v, st->list.n, st->list.cap);
	if (al->text[as] == '*')
		as++;
	rows_text(r, &n->id, al, as, ae);
	rows_text(r, &n->remote, l, m->start[2], m->end[2]);
	rows_text(r, &n->up_down, l, m->start[8], m->end[8]);
	rows_text(r, &n->state, l, m->start[9], m->end[9]);
	n->family = st->family;
	n->established = isdigit((unsigned char)n->state.s[0]);
	n->span = ip_line_span_all(al, r->sec->file);
	ip_span tail = ip_line_span_all(l, r->sec->file);
	n->span.end_line = tail.end_line; /* a wrapped row spans both lines */
	n->span.end_col = tail.end_col;
}

/* A row after the Neighbor header; returns false when it is not one. */
static bool peer_line(bgp_state *st, const ip_line *l)
{
	row_tokens t;
	rows_split(&t, l, 0);
	ip_rx_match m;
	if (st->pending && l->text[0] == ' ' && ip_rx_exec(&bgp_rx[0], l->text, l->len, &m)) {
		row_tokens a;
		rows_split(&a, st->pending, 0);
		row(st, st->pending, a.start[0], a.end[0], l, &m);
		st->pending = NULL;
		return true;
	}
	st->pending = NULL;
	if (l->text[0] == ' ' || t.n == 0)
		return false;
	if (t.n == 1) {
		st->pending = l; /* the address alone: the row goes on below */
		return true;
	}
	if (!ip_rx_exec(&bgp_rx[0], l->text + t.end[0], l->len - t.end[0], &m))
		return false;
	for (int g = 0; g < m.n; g++) {
		if (m.start[g] == (size_t)-1)
			continue;
		m.start[g] += t.end[0];
		m.end[g] += t.end[0];
	}
	row(st, l, t.start[0], t.end[0], l, &m);
	return true;
}

static void line(bgp_state *st, const ip_line *l)
{
	const char *s = l->text;
	if (strncmp(s, "For address family: ", 20) == 0) {
		st->family = ip_arena_strndup(st->r.ctx->arena, s + 20, l->len - 20);
		st->header = NULL; /* each family prints its own table */
		st->pending = NULL;
	} else if (strncmp(s, "% BGP not active", 16) == 0) {
		st->inactive = true;
	} else if (strncmp(s, "Neighbor ", 9) == 0 && strstr(s, "State/PfxRcd")) {
		st->header = l;
		if (!ip_span_known(st->list.span))
			st->list.span = ip_line_span_all(l, st->r.sec->file);
	} else if ((st->header || st->r.sec->filter) && !peer_line(st, l) && st->header) {
		rows_warn(&st->r, l); /* filtered without its header: counters pass too */
	}
}

int show_ip_bgp_summary_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	bgp_state st = { .r = { .sec = sec, .ctx = ctx } };
	rows_neighbors_reset(&st.list, sec, NULL);
	st.list.span = (ip_span){ 0 };
	for (size_t k = 0; k < sec->n_lines; k++) {
		if (rows_blank(&sec->lines[k])) {
			st.pending = NULL;
			continue;
		}
		line(&st, &sec->lines[k]);
	}
	if (st.pending)
		rows_warn(&st.r, st.pending);
	if (!ip_span_known(st.list.span) && !st.list.n && !st.inactive && !sec->filter)
		return 0; /* no peer table: the counters alone, or a cut capture */
	if (!ip_span_known(st.list.span))
		st.list.span = st.list.n ? st.list.v[0].span
					 : (ip_span){ sec->file, sec->first_line, 1, sec->first_line, 1 };
	dev->bgp_neighbors = st.list;
	return 0;
}
