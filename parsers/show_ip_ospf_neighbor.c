/* show ip ospf neighbor: the OSPF adjacencies, for the post-change check
 * that every neighbour seen before the reload came back.
 *
 *   Neighbor ID     Pri   State           Dead Time   Address         Interface
 *   2.2.2.2           1   FULL/DR         00:00:37    10.0.12.2       Gi0/0/1
 *   10.0.0.1          0   FULL/  -        00:00:32    10.0.1.1        Port-channel1
 *   10.190.30.4       1   2WAY/DROTHER    00:00:35    10.190.16.13    GigabitEthernet0/2.101
 *   10.0.0.9          1   INIT/DROTHER    00:00:38    10.0.9.9        Vlan20
 *
 * The state on a point-to-point link prints as "FULL/  -" (spaces inside).
 * One router may be a neighbour on several interfaces: a row is identified
 * by neighbour ID and interface. FULL and 2WAY (between two DROTHERs, the
 * normal end state) are established; INIT, EXSTART, LOADING... are not. */
#include <string.h>

#include "parsers.h"
#include "rx.h"
#include "table_rows.h"

static ip_rx ospf_rx[] = {
	/* neighbour id, priority, state, dead time, address, interface */
	{ "^(\\d{1,3}(?:\\.\\d{1,3}){3})\\s+(\\d+)\\s+([A-Z0-9]+(?:/\\s*(?:[A-Z]+|-))?)\\s+"
	  "(\\S+)\\s+(\\d{1,3}(?:\\.\\d{1,3}){3})\\s+(\\S+)$", IP_RX_CASELESS, NULL },
};

static void row(rows *r, ip_neighbor_list *list, const ip_line *l, const ip_rx_match *m)
{
	ip_neighbor *n = IP_PUSH(r->ctx->arena, list->v, list->n, list->cap);
	rows_text(r, &n->id, l, m->start[1], m->end[1]);
	rows_text(r, &n->state, l, m->start[3], m->end[3]);
	rows_text(r, &n->address, l, m->start[5], m->end[5]);
	rows_text(r, &n->interface, l, m->start[6], m->end[6]);
	n->if_key = ip_interface_key(r->ctx->arena, n->interface.s, strlen(n->interface.s));
	n->established = strncasecmp(n->state.s, "FULL", 4) == 0 ||
			 strncasecmp(n->state.s, "2WAY", 4) == 0;
	n->span = ip_line_span_all(l, r->sec->file);
}

int show_ip_ospf_neighbor_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	rows r = { .sec = sec, .ctx = ctx };
	ip_neighbor_list list;
	const ip_line *header = NULL;
	rows_neighbors_reset(&list, sec, NULL);
	ip_rx_match m;
	for (size_t k = 0; k < sec->n_lines; k++) {
		const ip_line *l = &sec->lines[k];
		if (rows_blank(l))
			continue;
		if (strncmp(l->text, "Neighbor ID", 11) == 0)
			header = header ? header : l;
		else if (l->text[0] >= '0' && l->text[0] <= '9' &&
			 ip_rx_exec(&ospf_rx[0], l->text, l->len, &m))
			row(&r, &list, l, &m);
		else
			rows_warn(&r, l);
	}
	if (!header && !list.n && !sec->filter)
		return 0;
	list.span = header ? ip_line_span_all(header, sec->file) : list.n ? list.v[0].span : list.span;
	dev->ospf_neighbors = list;
	return 0;
}
