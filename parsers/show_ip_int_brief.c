/* show ip interface brief: every interface, its address, and whether it is
 * up, for the post-change check that what was up before is up after.
 *
 *   Interface              IP-Address      OK? Method Status                Protocol
 *   GigabitEthernet0/0/0   192.168.1.1     YES NVRAM  up                    up
 *   GigabitEthernet0/0/2   unassigned      YES NVRAM  administratively down down
 *   Ethernet0/0.100        unassigned      YES NVRAM  deleted               down
 *   Vlan1                  unassigned      YES unset  down                  down
 *
 * Status is one word except "administratively down"; Protocol is the rest
 * of the line ("up", "down", "down (looped)"). An interface is up when both
 * read exactly "up". A filtered capture (`| exclude unassigned`) is kept
 * with its filter, so that a missing row is not taken for a missing
 * interface. */
#include <string.h>

#include "parsers.h"
#include "rx.h"
#include "table_rows.h"

static ip_rx brief_rx[] = {
	/* interface, address, OK?, method, status, protocol */
	{ "^(\\S+)\\s+(\\S+)\\s+(YES|NO)\\s+(\\S+)\\s+(administratively down|\\S+)\\s+(\\S.*)$",
	  0, NULL },
};

static bool is_header(const ip_line *l)
{
	return l->len > 10 && memcmp(l->text, "Interface", 9) == 0 && strstr(l->text, "IP-Address");
}

static void row(rows *r, ip_interface_list *list, const ip_line *l, const ip_rx_match *m)
{
	ip_interface *i = IP_PUSH(r->ctx->arena, list->v, list->n, list->cap);
	rows_text(r, &i->name, l, m->start[1], m->end[1]);
	i->key = ip_interface_key(r->ctx->arena, l->text + m->start[1], ip_rx_group_len(m, 1));
	rows_text(r, &i->address, l, m->start[2], m->end[2]);
	rows_text(r, &i->status, l, m->start[5], m->end[5]);
	rows_text(r, &i->protocol, l, m->start[6], m->end[6]);
	i->up = strcmp(i->status.s, "up") == 0 && strcmp(i->protocol.s, "up") == 0;
	i->span = ip_line_span_all(l, r->sec->file);
}

int show_ip_int_brief_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	rows r = { .sec = sec, .ctx = ctx };
	ip_interface_list list;
	const ip_line *header = NULL;
	rows_interfaces_reset(&list, sec, NULL);
	ip_rx_match m;
	for (size_t k = 0; k < sec->n_lines; k++) {
		const ip_line *l = &sec->lines[k];
		if (rows_blank(l))
			continue;
		if (is_header(l)) {
			header = header ? header : l;
		} else if (l->text[0] != ' ' && ip_rx_exec(&brief_rx[0], l->text, l->len, &m)) {
			row(&r, &list, l, &m);
		} else {
			rows_warn(&r, l);
		}
	}
	if (!header && !list.n && !sec->filter)
		return 0; /* nothing printed: not a table of no interfaces */
	if (header)
		list.span = ip_line_span_all(header, sec->file);
	else if (list.n)
		list.span = list.v[0].span;
	dev->if_brief = list;
	return 0;
}
