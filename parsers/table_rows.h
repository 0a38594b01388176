/* What the five table parsers of the post-change health checks share
 * (show ip interface brief, show interfaces status, show ip ospf neighbor,
 * show ip bgp summary, show cdp neighbors): splitting a row into
 * white-space separated tokens that remember their byte offsets, setting a
 * text fact with the span of exactly its bytes, and a capped warning.
 * Internal to parsers/. */
#ifndef IOSPLAN_TABLE_ROWS_H
#define IOSPLAN_TABLE_ROWS_H

#include <stdbool.h>
#include <stddef.h>

#include "device.h"

#define ROWS_MAX_TOKENS 32
#define ROWS_MAX_WARNINGS 20

typedef struct row_tokens {
	size_t n;
	size_t start[ROWS_MAX_TOKENS], end[ROWS_MAX_TOKENS];
} row_tokens;

/* A parse of one section. */
typedef struct rows {
	const ip_section *sec;
	ip_parse_ctx *ctx;
	unsigned warnings;
} rows;

/* Tokens of l->text[from, len); more than ROWS_MAX_TOKENS are merged into
 * the last one. */
void rows_split(row_tokens *t, const ip_line *l, size_t from);

/* out = l->text[s, e) with its span; an empty range leaves out unknown. */
void rows_text(rows *r, ip_text *out, const ip_line *l, size_t s, size_t e);

/* "line not understood in `show ip ospf neighbor`: ignored", at most
 * ROWS_MAX_WARNINGS per section. */
void rows_warn(rows *r, const ip_line *l);

/* Whether the line is blank or a rule of dashes ("-------"). */
bool rows_blank(const ip_line *l);

/* Whether l->text[s, e) is all digits (and not empty). */
bool rows_digits(const ip_line *l, size_t s, size_t e);

/* The list to fill for a new capture of the command: a later capture of it
 * replaces an earlier one (sections are parsed in input order). */
void rows_interfaces_reset(ip_interface_list *list, const ip_section *sec, const ip_line *first);
void rows_neighbors_reset(ip_neighbor_list *list, const ip_section *sec, const ip_line *first);

#endif
