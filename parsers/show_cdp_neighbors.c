/* show cdp neighbors: the directly connected Cisco devices, for the
 * post-change check that every neighbour seen before is seen after.
 *
 *   Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge
 *                     S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone
 *
 *   Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID
 *   R1-PBX           Gig 1/0/10        144          R S I     2811      Fas 0/0
 *   SEP04FE7F689D33  Gig 1/0/2         125          H P       IP Phone  Port 1
 *   acc-sw101.example.com
 *                    Ten 3/7           175               R    AS5610-52 0/47
 *   WAAS0000000 Gig 1/0/1 138 T OE474 InlinePort 1/1/lan     (spaces squeezed)
 *
 * A device ID too long for its column is printed alone and the row goes on
 * below. Columns are not trusted (some logs squeeze the spaces): the local
 * interface is a word and a number ("Gig 1/0/10") or one token with a digit
 * ("mgmt0"), then the hold time, then one-letter capability codes; the
 * port ID is the last token, with the word before it when the last token
 * starts with a digit ("Port 1", "Fas 0/0"), and the platform is what lies
 * between. A neighbour is identified by device ID and local interface. */
#include <ctype.h>
#include <string.h>

#include "parsers.h"
#include "table_rows.h"

typedef struct cdp_state {
	rows r;
	ip_neighbor_list list;
	const ip_line *header;
	const ip_line *pending; /* a wrapped row's device ID line */
} cdp_state;

static bool has_digit(const ip_line *l, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (isdigit((unsigned char)l->text[i]))
			return true;
	return false;
}

static bool all_alpha(const ip_line *l, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!isalpha((unsigned char)l->text[i]))
			return false;
	return e > s;
}

static bool capability(const ip_line *l, size_t s, size_t e)
{
	return e - s == 1 && strchr("RTBSHIrPDCMs", l->text[s]);
}

/* The columns after the device ID, from token k of t; false if they do not
 * read as a row. */
static bool rest(cdp_state *st, ip_neighbor *n, const ip_line *l, const row_tokens *t, size_t k)
{
	size_t i = k, if_end;
	if (i < t->n && has_digit(l, t->start[i], t->end[i]))
		if_end = i++;
	else if (i + 1 < t->n && all_alpha(l, t->start[i], t->end[i]))
		if_end = (i += 2) - 1;
	else
		return false;
	if (i >= t->n || !rows_digits(l, t->start[i], t->end[i]))
		return false; /* the hold time */
	rows_text(&st->r, &n->interface, l, t->start[k], t->end[if_end]);
	n->if_key = ip_interface_key(st->r.ctx->arena, n->interface.s, strlen(n->interface.s));
	i++;
	while (i < t->n && capability(l, t->start[i], t->end[i]))
		i++;
	if (i >= t->n)
		return true; /* neither platform nor port printed */
	size_t p = t->n - 1;
	if (p > i && isdigit((unsigned char)l->text[t->start[p]]) &&
	    all_alpha(l, t->start[p - 1], t->end[p - 1]) && p - 1 > i)
		p--;
	rows_text(&st->r, &n->remote, l, t->start[p], t->end[t->n - 1]);
	if (p > i)
		rows_text(&st->r, &n->platform, l, t->start[i], t->end[p - 1]);
	return true;
}

static bool row(cdp_state *st, const ip_line *idl, size_t s, size_t e, const ip_line *l,
		const row_tokens *t, size_t k)
{
	ip_neighbor n = { 0 };
	if (!rest(st, &n, l, t, k))
		return false;
	rows_text(&st->r, &n.id, idl, s, e);
	n.established = true;
	n.span = ip_line_span_all(idl, st->r.sec->file);
	ip_span tail = ip_line_span_all(l, st->r.sec->file);
	n.span.end_line = tail.end_line;
	n.span.end_col = tail.end_col;
	*IP_PUSH(st->r.ctx->arena, st->list.v, st->list.n, st->list.cap) = n;
	return true;
}

static void line(cdp_state *st, const ip_line *l)
{
	row_tokens t;
	rows_split(&t, l, 0);
	const ip_line *id_line = st->pending;
	st->pending = NULL;
	if (id_line) {
		/* the continuation is indented, except where spaces were squeezed */
		row_tokens a;
		rows_split(&a, id_line, 0);
		if (row(st, id_line, a.start[0], a.end[0], l, &t, 0))
			return;
		rows_warn(&st->r, id_line);
	}
	if (isspace((unsigned char)l->text[0]) || !t.n) {
		if (!st->header)
			return; /* the Capability Codes legend goes on */
		rows_warn(&st->r, l);
	} else if (t.n == 1) {
		st->pending = l;
	} else if (!row(st, l, t.start[0], t.end[0], l, &t, 1)) {
		rows_warn(&st->r, l);
	}
}

static bool skipped(cdp_state *st, const ip_line *l)
{
	const char *s = l->text;
	if (strncmp(s, "Device ID", 9) == 0 && strstr(s, "Holdt")) {
		st->header = st->header ? st->header : l;
		return true;
	}
	return rows_blank(l) || strncmp(s, "Capability Codes:", 17) == 0 ||
	       strncmp(s, "Total cdp entries displayed", 27) == 0 ||
	       (!st->header && !st->r.sec->filter);
}

int show_cdp_neighbors_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	cdp_state st = { .r = { .sec = sec, .ctx = ctx } };
	rows_neighbors_reset(&st.list, sec, NULL);
	for (size_t k = 0; k < sec->n_lines; k++)
		if (!skipped(&st, &sec->lines[k]))
			line(&st, &sec->lines[k]);
	if (st.pending)
		rows_warn(&st.r, st.pending);
	if (!st.header && !st.list.n && !sec->filter)
		return 0;
	st.list.span = st.header ? ip_line_span_all(st.header, sec->file)
				 : st.list.n ? st.list.v[0].span : st.list.span;
	dev->cdp_neighbors = st.list;
	return 0;
}
