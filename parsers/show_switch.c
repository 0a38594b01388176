/* show switch: the stack's members, their role and state.
 *
 * IOS-XE (Cat3850/3650/9200/9300), with the H/W Version column:
 *   Switch/Stack Mac Address : 70db.9821.5c00 - Local Mac Address
 *   Mac persistency wait time: Indefinite
 *                                                H/W   Current
 *   Switch#   Role    Mac Address     Priority Version  State
 *   -------------------------------------------------------------
 *   *1       Active   70db.9821.5c00     15     V06     Ready
 *    2       Standby  70db.982e.a380     14     V06     V-Mismatch
 *    3       Member   0000.0000.0000     0      V07     Provisioned
 *
 * Classic IOS (2960-X FlexStack, 3750-X StackWise) prints Master/Member
 * roles; old 3750 releases have no H/W Version column and spell states
 * out ("Version Mismatch", "Feature Mismatch"), so the state is the rest
 * of the row unless the header says a version column precedes it:
 *                                                Current
 *   Switch#  Role      Mac Address     Priority     State
 *   --------------------------------------------------------
 *   *1       Master    0016.4748.dc80     15        Ready
 *
 * The '*' row is the active (master) switch: the one the command ran on.
 * Rows merge into the members show version listed (by number); a member
 * only show switch lists (provisioned, removed, not booted) is added.
 * The table ends at the first blank line after its rows: `show switch
 * detail` goes on with stack-port tables that describe no member. */
#include <ctype.h>
#include <string.h>

#include "parsers.h"
#include "rx.h"
#include "stack.h"
#include "table_rows.h"

static ip_rx ssw_rx[] = {
	/* active mark, number, role, MAC, priority, rest (H/W version, state) */
	/* possessive: \\s*(\\*)?\\s* split a run of blanks every way
	 * before failing, quadratic in the line (tests/test_rx_linear.c) */
	{ "^\\s*+(?:(\\*)\\s*+)?(\\d{1,3})\\s+([A-Za-z][A-Za-z-]*)\\s+"
	  "([0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4})\\s+(\\d{1,3})"
	  "\\s+(\\S.*)$", 0, NULL },
};

enum hw_col { HW_UNKNOWN, HW_YES, HW_NO };

typedef struct ssw {
	rows r;
	ip_device *dev;
	enum hw_col hw;  /* whether the header has a H/W Version column */
	size_t n_rows;
	bool ended;      /* a blank line after the rows: the table is over */
	ip_stack_rows rows; /* checked for what no stack prints (stack.h) */
} ssw;

/* "V06", "4", "0": what the H/W Version column holds. */
static bool looks_hw(const char *t, size_t n)
{
	size_t i = (n > 1 && (t[0] == 'V' || t[0] == 'v')) ? 1 : 0;
	if (i == n || n > 6)
		return false;
	for (; i < n; i++)
		if (!isdigit((unsigned char)t[i]))
			return false;
	return true;
}

/* Whether the line is one of the table's headings. */
static bool heading(ssw *st, const ip_line *l)
{
	const char *t = l->text + strspn(l->text, " ");
	if (strncmp(t, "Switch#", 7) == 0) {
		st->hw = strstr(t, " Version") ? HW_YES : HW_NO;
		return true;
	}
	return strncmp(t, "Switch/Stack Mac Address", 24) == 0 ||
	       strncmp(t, "Mac persistency", 15) == 0 ||
	       strncmp(t, "H/W", 3) == 0 || strncmp(t, "Current", 7) == 0;
}

/* Only one member is active: the one this table marks. */
static void mark_active(ip_device *d, const ip_member *m)
{
	for (size_t i = 0; i < d->n_members; i++)
		d->members[i].active = &d->members[i] == m;
}

static void row(ssw *st, const ip_line *l, const ip_rx_match *m)
{
	int n = 0;
	for (size_t i = m->start[2]; i < m->end[2]; i++)
		n = n * 10 + (l->text[i] - '0');
	if (n < 1) {
		rows_warn(&st->r, l);
		return;
	}
	ip_parse_ctx *ctx = st->r.ctx;
	ip_span span = ip_line_span_all(l, st->r.sec->file);
	if (!ip_stack_row_check(&st->rows, st->dev, ctx->diags, n, ip_rx_group_set(m, 1), span))
		return;
	ip_member *mb = ip_stack_member_get(st->dev, ctx->arena, n, span);
	rows_text(&st->r, &mb->role, l, m->start[3], m->end[3]);
	rows_text(&st->r, &mb->mac, l, m->start[4], m->end[4]);
	rows_text(&st->r, &mb->priority, l, m->start[5], m->end[5]);
	size_t rs = m->start[6], re = m->end[6];
	size_t tok = rs;
	while (tok < re && !isspace((unsigned char)l->text[tok]))
		tok++;
	bool two = tok < re;
	if (st->hw == HW_YES ? two
	    : st->hw == HW_UNKNOWN && two && looks_hw(l->text + rs, tok - rs)) {
		rows_text(&st->r, &mb->hw_version, l, rs, tok);
		rs = tok;
	}
	rows_text(&st->r, &mb->state, l, rs, re);
	if (ip_rx_group_set(m, 1))
		mark_active(st->dev, mb);
	st->n_rows++;
}

static void line(ssw *st, const ip_line *l)
{
	ip_rx_match m;
	if (st->ended)
		return;
	if (rows_blank(l)) {
		st->ended = st->n_rows > 0 && strspn(l->text, " \t") == l->len;
		return;
	}
	if (heading(st, l))
		return;
	if (ip_rx_exec(&ssw_rx[0], l->text, l->len, &m))
		row(st, l, &m);
	else
		rows_warn(&st->r, l);
}

int show_switch_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	ssw st = { .r = { .sec = sec, .ctx = ctx }, .dev = dev,
		   .rows = { .table = "show switch" } };
	for (size_t i = 0; i < sec->n_lines; i++)
		line(&st, &sec->lines[i]);
	ip_stack_rows_end(&st.rows, dev, ctx->diags, sec->filter != NULL);
	if (!st.n_rows && !sec->filter && sec->n_lines && !st.r.warnings)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(&sec->lines[0], sec->file),
			    "show switch output has no member row: the stack "
			    "members' roles and states are unknown; capture "
			    "'show switch' again");
	return 0;
}
