/* Helpers of the health-check table parsers; see table_rows.h. */
#include <ctype.h>
#include <string.h>

#include "table_rows.h"

void rows_split(row_tokens *t, const ip_line *l, size_t from)
{
	t->n = 0;
	size_t i = from;
	while (i < l->len) {
		while (i < l->len && isspace((unsigned char)l->text[i]))
			i++;
		if (i >= l->len)
			break;
		size_t j = i;
		while (j < l->len && !isspace((unsigned char)l->text[j]))
			j++;
		if (t->n == ROWS_MAX_TOKENS) {
			t->end[t->n - 1] = j;
		} else {
			t->start[t->n] = i;
			t->end[t->n++] = j;
		}
		i = j;
	}
}

void rows_text(rows *r, ip_text *out, const ip_line *l, size_t s, size_t e)
{
	while (e > s && isspace((unsigned char)l->text[e - 1]))
		e--;
	while (s < e && isspace((unsigned char)l->text[s]))
		s++;
	if (s >= e)
		return;
	out->s = ip_arena_strndup(r->ctx->arena, l->text + s, e - s);
	out->span = ip_line_span(l, r->sec->file, s, e);
}

void rows_warn(rows *r, const ip_line *l)
{
	if (r->warnings++ >= ROWS_MAX_WARNINGS)
		return;
	ip_diag_add(r->ctx->diags, IP_DIAG_WARNING, ip_line_span_all(l, r->sec->file),
		    "line not understood in `%s`: ignored", ip_cmd_name(r->sec->cmd));
}

bool rows_blank(const ip_line *l)
{
	size_t k = strspn(l->text, " \t");
	return k == l->len || strspn(l->text + k, "-") == l->len - k;
}

bool rows_digits(const ip_line *l, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++)
		if (!isdigit((unsigned char)l->text[i]))
			return false;
	return e > s;
}

static ip_span first_span(const ip_section *sec, const ip_line *first)
{
	if (first)
		return ip_line_span_all(first, sec->file);
	return (ip_span){ sec->file, sec->first_line, 1, sec->first_line, 1 };
}

void rows_interfaces_reset(ip_interface_list *list, const ip_section *sec, const ip_line *first)
{
	*list = (ip_interface_list){ .known = true, .filter = sec->filter,
				     .span = first_span(sec, first) };
}

void rows_neighbors_reset(ip_neighbor_list *list, const ip_section *sec, const ip_line *first)
{
	*list = (ip_neighbor_list){ .known = true, .filter = sec->filter,
				    .span = first_span(sec, first) };
}
