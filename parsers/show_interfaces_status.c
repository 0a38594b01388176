/* show interfaces status: the switch ports and whether each is connected.
 *
 *   Port      Name               Status       Vlan       Duplex  Speed Type
 *   Gi1/0/2   AccessPoint        connected    8          a-full a-1000 10/100/1000BaseTX
 *   Fa0/1     *** connected to U notconnect   150          auto   auto 10/100BaseTX
 *   Gi1/0/19  No Description     notconnect:    1         a-full  a-100 10/100/1000BaseTX
 *   Twe1/0/17 Device 5           connected    pvlan prom   full    10G SFP-10GBase-SR
 *   Po1       ethchl             connected    trunk      a-full a-1000
 *   fc2/5 is down (SFP not present)                  (Nexus-style rows)
 *
 * The Name column is free text and may hold the words of the Status column
 * ("*** connected to U"), so the status is the status word that starts
 * nearest the header's "Status" column; without a header, the last status
 * word of the row (nothing right of the status is one). A status may carry
 * a colon and a TDR note ("connected: TDR"); the Vlan follows. A port is up
 * when it is "connected" (or "up"). */
#include <string.h>
#include <strings.h>

#include "parsers.h"
#include "table_rows.h"

static const char *const statuses[] = {
	"connected", "notconnect", "notconnec", "disabled", "err-disabled", "suspended",
	"monitoring", "inactive", "faulty", "sfpAbsent", "xcvrAbsent", "xcvrInval",
	"noOperMem", "up", "down",
};

static bool status_word(const ip_line *l, size_t s, size_t e)
{
	if (e > s && l->text[e - 1] == ':')
		e--;
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strlen(statuses[i]) == e - s && strncasecmp(l->text + s, statuses[i], e - s) == 0)
			return true;
	return false;
}

typedef struct st_state {
	rows r;
	ip_interface_list list;
	const ip_line *header;
	size_t status_col; /* byte offset of "Status" in the header; 0: none */
} st_state;

static size_t pick_status(const st_state *st, const ip_line *l, const row_tokens *t)
{
	size_t best = 0, best_d = (size_t)-1;
	for (size_t k = 1; k < t->n; k++) {
		if (!status_word(l, t->start[k], t->end[k]))
			continue;
		size_t c = t->start[k];
		size_t d = !st->status_col ? 0 : c > st->status_col ? c - st->status_col : st->status_col - c;
		if (d <= best_d) {
			best = k;
			best_d = d;
		}
	}
	return best;
}

static ip_interface *new_port(st_state *st, const ip_line *l, size_t s, size_t e)
{
	ip_interface *i = IP_PUSH(st->r.ctx->arena, st->list.v, st->list.n, st->list.cap);
	rows_text(&st->r, &i->name, l, s, e);
	i->key = ip_interface_key(st->r.ctx->arena, l->text + s, e - s);
	i->span = ip_line_span_all(l, st->r.sec->file);
	return i;
}

/* "fc2/1 is up    Port mode is NP" */
static bool nexus_row(st_state *st, const ip_line *l, const row_tokens *t)
{
	if (t->n < 3 || t->end[1] - t->start[1] != 2 || memcmp(l->text + t->start[1], "is", 2) ||
	    !status_word(l, t->start[2], t->end[2]))
		return false;
	ip_interface *i = new_port(st, l, t->start[0], t->end[0]);
	rows_text(&st->r, &i->status, l, t->start[2], t->end[2]);
	i->up = strcasecmp(i->status.s, "up") == 0;
	return true;
}

static void port_row(st_state *st, const ip_line *l, const row_tokens *t, size_t k)
{
	ip_interface *i = new_port(st, l, t->start[0], t->end[0]);
	rows_text(&st->r, &i->description, l, t->end[0], t->start[k]);
	size_t se = t->end[k];
	bool colon = l->text[se - 1] == ':';
	rows_text(&st->r, &i->status, l, t->start[k], colon ? se - 1 : se);
	size_t v = k + 1;
	while (colon && v < t->n && (strncmp(l->text + t->start[v], "TD", 2) == 0))
		v++; /* "connected: TDR 1": the TDR note, then the Vlan */
	if (v < t->n) {
		size_t ve = t->end[v];
		if (t->end[v] - t->start[v] == 5 && memcmp(l->text + t->start[v], "pvlan", 5) == 0 &&
		    v + 1 < t->n)
			ve = t->end[v + 1]; /* "pvlan prom" */
		rows_text(&st->r, &i->vlan, l, t->start[v], ve);
	}
	i->up = strcasecmp(i->status.s, "connected") == 0 || strcasecmp(i->status.s, "up") == 0;
}

static void line(st_state *st, const ip_line *l)
{
	row_tokens t;
	rows_split(&t, l, 0);
	if (t.n >= 3 && strncmp(l->text, "Port ", 5) == 0 && strstr(l->text, "Status")) {
		st->header = st->header ? st->header : l;
		st->status_col = (size_t)(strstr(l->text, "Status") - l->text);
		return;
	}
	if (l->text[0] != ' ' && nexus_row(st, l, &t))
		return;
	size_t k = l->text[0] != ' ' && t.n >= 3 ? pick_status(st, l, &t) : 0;
	if (!k) {
		rows_warn(&st->r, l);
		return;
	}
	port_row(st, l, &t, k);
}

int show_interfaces_status_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	st_state st = { .r = { .sec = sec, .ctx = ctx } };
	rows_interfaces_reset(&st.list, sec, NULL);
	for (size_t k = 0; k < sec->n_lines; k++)
		if (!rows_blank(&sec->lines[k]))
			line(&st, &sec->lines[k]);
	if (!st.header && !st.list.n && !sec->filter)
		return 0;
	if (st.header)
		st.list.span = ip_line_span_all(st.header, sec->file);
	else if (st.list.n)
		st.list.span = st.list.v[0].span;
	dev->if_status = st.list;
	return 0;
}
