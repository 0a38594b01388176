/* Boot statements in a configuration (show running-config, show
 * startup-config, or a saved configuration file):
 *
 *   Building configuration...
 *   Current configuration : 4512 bytes
 *   version 15.2
 *   hostname SW1
 *   boot-start-marker
 *   boot system flash:c2960x-universalk9-mz.152-7.E3.bin
 *   boot system flash:c2960x-universalk9-mz.152-2.E7.bin
 *   boot-end-marker
 *   config-register 0x2102
 *   end
 *
 * The order of the `boot system` lines is the boot priority, so they are
 * kept in order, duplicates included. The list is only "known" when the
 * capture shows every `boot system` line: an unfiltered config must reach
 * its `end` line (else it was cut short), and a filtered one (`| include
 * boot`) must use a filter that lets such lines through. The markers alone
 * prove nothing: old releases do not write them. Other `boot` commands
 * (boot host, boot network, boot config, boot bootstrap) are not image
 * choices and are skipped. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytescan.h"
#include "parsers.h"
#include "rx.h"

enum { RX_BOOT_SYSTEM, RX_CONFREG, RX_HOSTNAME, RX_FULL };

static ip_rx cfg_rx[] = {
	[RX_BOOT_SYSTEM] = {"^\\s*boot\\s+system(?:\\s+(\\S.*))?$", 0, NULL},
	[RX_CONFREG] = {"^config-register\\s+(0x[0-9A-Fa-f]+)$", 0, NULL},
	[RX_HOSTNAME] = {"^hostname\\s+(\\S+)$", 0, NULL},
	/* lines only a whole configuration has */
	[RX_FULL] = {"^(?:version \\S+$|Building configuration|"
		     "Current configuration\\s*:|Using \\d+ out of \\d+ bytes)",
		     0, NULL},
};

typedef struct cfg_scan {
	ip_boot_list list;
	bool start_marker, end_marker;
	bool end;    /* the `end` line that closes a whole configuration */
	bool full;   /* a line only a whole configuration has */
	bool absent; /* "startup-config is not present" */
} cfg_scan;

/* From the prompt (or first line) to the end of the last line. */
static ip_span section_span(const ip_section *sec)
{
	const ip_line *first = sec->prompt;
	if (!first && sec->n_lines)
		first = &sec->lines[0];
	if (!first) {
		ip_span s = {sec->file, sec->first_line, 1, sec->last_line, 1};
		return s;
	}
	const ip_line *last = sec->n_lines ? &sec->lines[sec->n_lines - 1] : first;
	ip_span s = ip_line_span(first, sec->file, 0, 0);
	ip_span e = ip_line_span_all(last, sec->file);
	s.end_line = e.end_line;
	s.end_col = e.end_col;
	return s;
}

static void add_entry(cfg_scan *st, const ip_section *sec, ip_parse_ctx *ctx,
		      const ip_line *l, size_t start, size_t end)
{
	ip_boot_entry *e = ip_boot_list_push(&st->list, ctx->arena);
	if (!e)
		return; /* past the limit: counted, refused with the list */
	ip_span span = ip_line_span(l, sec->file, start, end);
	boot_entry_parse(e, ctx->arena, l->text + start, end - start, span);
	if (e->kind == IP_BOOT_OTHER)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING, span,
			    "'boot system %s' not understood: kept in the boot "
			    "order, but iosplan cannot tell what it loads", e->raw);
}

static int by_raw_then_index(const void *x, const void *y)
{
	const ip_boot_entry *const *a = x, *const *b = y;
	int c = strcmp((*a)->raw, (*b)->raw);
	return c ? c : (*a < *b) ? -1 : (*a > *b);
}

typedef struct dup_run {
	const ip_boot_entry *second; /* where the warning goes */
	uint32_t first_line;
	size_t copies;
} dup_run;

static int by_second(const void *x, const void *y)
{
	const dup_run *a = x, *b = y;
	return (a->second < b->second) ? -1 : (a->second > b->second);
}

/* One warning per repeated statement, at its second copy, with the count
 * of the others: a list of 1 000 copies of one line is one warning, not
 * 999. Sorted, not compared pairwise: n log n for any list. */
static void report_duplicates(const ip_boot_list *list, ip_parse_ctx *ctx)
{
	if (list->n < 2 || list->n > IP_MAX_BOOT_ENTRIES)
		return; /* over the limit the list is refused whole */
	const ip_boot_entry **ix = ip_arena_alloc_raw(ctx->arena, list->n * sizeof(*ix));
	dup_run *runs = ip_arena_alloc_raw(ctx->arena, list->n * sizeof(*runs));
	size_t n_runs = 0;
	for (size_t i = 0; i < list->n; i++)
		ix[i] = &list->v[i];
	qsort(ix, list->n, sizeof(*ix), by_raw_then_index);
	for (size_t i = 0, j; i < list->n; i = j) {
		for (j = i + 1; j < list->n && strcmp(ix[i]->raw, ix[j]->raw) == 0; j++)
			;
		if (j - i > 1)
			runs[n_runs++] = (dup_run){ ix[i + 1], ix[i]->span.line, j - i };
	}
	qsort(runs, n_runs, sizeof(*runs), by_second); /* warnings in line order */
	for (size_t k = 0; k < n_runs; k++) {
		const dup_run *r = &runs[k];
		if (r->copies == 2)
			ip_diag_add(ctx->diags, IP_DIAG_WARNING, r->second->span,
				    "duplicate 'boot system %s' (also on line %u): IOS "
				    "tries the same image twice", r->second->raw,
				    (unsigned)r->first_line);
		else
			ip_diag_add(ctx->diags, IP_DIAG_WARNING, r->second->span,
				    "duplicate 'boot system %s' (also on line %u): IOS "
				    "tries the same image twice; %zu copies in all, the "
				    "others not reported one by one", r->second->raw,
				    (unsigned)r->first_line, r->copies);
	}
}

/* Any line starting with "boot" (after white space). */
static void boot_line(cfg_scan *st, const ip_section *sec, ip_parse_ctx *ctx,
		      const ip_line *l, size_t ws)
{
	const char *t = l->text + ws;
	size_t n = l->len - ws;
	if (ws == 0 && n == 17 && memcmp(t, "boot-start-marker", 17) == 0) {
		st->start_marker = true;
		return;
	}
	if (ws == 0 && n == 15 && memcmp(t, "boot-end-marker", 15) == 0) {
		st->end_marker = true;
		return;
	}
	ip_rx_match m;
	if (!ip_rx_exec(&cfg_rx[RX_BOOT_SYSTEM], l->text, l->len, &m))
		return; /* boot host/network/config/bootstrap: not an image */
	if (ws)
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(l, sec->file),
			    "white space before 'boot system' (a paste "
			    "artefact?): read as a boot statement, but check "
			    "that the saved configuration has it");
	if (!ip_rx_group_set(&m, 1)) {
		ip_diag_add(ctx->diags, IP_DIAG_WARNING,
			    ip_line_span_all(l, sec->file),
			    "'boot system' without a target: ignored");
		return;
	}
	/* Catalyst switches accept a ';'-separated list in one statement
	 * (boot system flash:a.bin;flash:b.bin): each element is an entry. */
	size_t start = m.start[1];
	for (size_t i = start; i <= m.end[1]; i++) {
		if (i < m.end[1] && l->text[i] != ';')
			continue;
		size_t a = start, b = i;
		while (a < b && l->text[a] == ' ')
			a++;
		while (b > a && l->text[b - 1] == ' ')
			b--;
		if (b > a)
			add_entry(st, sec, ctx, l, a, b);
		start = i + 1;
	}
}

static void confreg_line(ip_device *dev, const ip_section *sec,
			 ip_parse_ctx *ctx, const ip_line *l)
{
	ip_rx_match m;
	if (!ip_rx_exec(&cfg_rx[RX_CONFREG], l->text, l->len, &m))
		return;
	ip_span span = ip_line_span(l, sec->file, m.start[1], m.end[1]);
	errno = 0;
	unsigned long long v = strtoull(l->text + m.start[1], NULL, 16);
	if (errno == ERANGE || v > 0xFFFF) {
		ip_diag_add(ctx->diags, IP_DIAG_WARNING, span,
			    "config-register value does not fit in 16 bits: "
			    "ignored");
		return;
	}
	if (dev->confreg_config.known)
		return;
	dev->confreg_config.known = true;
	dev->confreg_config.v = (uint32_t)v;
	dev->confreg_config.span = span;
}

static void hostname_line(ip_device *dev, const ip_section *sec,
			  ip_parse_ctx *ctx, const ip_line *l)
{
	ip_rx_match m;
	if (dev->hostname.s ||
	    !ip_rx_exec(&cfg_rx[RX_HOSTNAME], l->text, l->len, &m))
		return; /* show version's hostname wins */
	dev->hostname.s = ip_arena_strndup(ctx->arena, l->text + m.start[1],
					   ip_rx_group_len(&m, 1));
	dev->hostname.span = ip_line_span(l, sec->file, m.start[1], m.end[1]);
}

/* isspace() in the C locale (the program never sets another), without a
 * call for the table on every byte of every line of a configuration. */
static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

#define NOT_PRESENT "startup-config is not present"

/* Most lines of a configuration matter to none of the tests below: the
 * first byte picks the one or two a line needs (a line holds no NUL, so
 * ip_find over its length is strstr). */
static void scan_line(cfg_scan *st, ip_device *dev, const ip_section *sec,
		      ip_parse_ctx *ctx, const ip_line *l)
{
	const char *t = l->text;
	size_t ws = 0;
	while (ws < l->len && blank(t[ws]))
		ws++;
	if (l->len - ws >= 4 && memcmp(t + ws, "boot", 4) == 0) {
		boot_line(st, sec, ctx, l, ws);
		return;
	}
	if (ws || l->len == 0) {
		/* indented: a sub-command of some other mode (an interface's
		 * `vrf forwarding` is read by config_vrf.c) */
		if (ws == 1 && l->len > 5 && (t[1] == 'v' || (t[1] == 'i' && t[4] == 'v')))
			config_vrf_sub(dev, sec, ctx, l);
		return;
	}
	/* config_vrf.c reads the few top-level lines that start vrf
	 * definition, ip vrf, ip tftp or ip scp: tested by their first
	 * letters here, for most lines are none of them */
	if ((t[0] == 'i' && t[1] == 'p' && l->len > 5 &&
	     ((t[3] == 'v' && t[4] == 'r') || (t[3] == 't' && t[4] == 'f') ||
	      (t[3] == 's' && t[4] == 'c'))) || (t[0] == 'v' && t[1] == 'r'))
		config_vrf_top(dev, sec, ctx, l);
	if (l->len == 3 && memcmp(t, "end", 3) == 0)
		st->end = true;
	else if (t[0] == 'c' && strncmp(t, "config-register", 15) == 0)
		confreg_line(dev, sec, ctx, l);
	else if (t[0] == 'h' && strncmp(t, "hostname", 8) == 0)
		hostname_line(dev, sec, ctx, l);
	else if (l->len >= sizeof(NOT_PRESENT) - 1 &&
		 ip_find(t, l->len, NOT_PRESENT, sizeof(NOT_PRESENT) - 1))
		st->absent = true;
	else if (!st->full && (t[0] == 'v' || t[0] == 'B' || t[0] == 'C' || t[0] == 'U') &&
		 ip_rx_exec(&cfg_rx[RX_FULL], t, l->len, NULL))
		st->full = true;
}

/* "show running-config interface Gi0/1" shows part of the config: any word
 * after the second except the ones that keep it whole. */
static bool command_is_partial(const char *cmd)
{
	static const char *const whole[] = { "all", "full", "brief", "view",
					     "linenum" };
	size_t words = 0;
	const char *p = cmd;
	while (*p && *p != '|') {
		while (*p == ' ' || *p == '\t')
			p++;
		const char *w = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '|')
			p++;
		size_t n = (size_t)(p - w);
		if (n == 0 || (words == 0 && n == 2 && strncmp(w, "do", 2) == 0))
			continue;
		if (++words <= 2)
			continue;
		bool ok = false;
		for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
			ok = ok || (strlen(whole[i]) == n &&
				    strncasecmp(w, whole[i], n) == 0);
		if (!ok)
			return true;
	}
	return false;
}

static const char *config_name(ip_cmd cmd)
{
	return cmd == IP_CMD_RUNNING_CONFIG ? "running-config"
	       : cmd == IP_CMD_STARTUP_CONFIG ? "startup-config"
					      : "configuration";
}

/* A filter like `| include flash:` shows some boot lines and hides others
 * (`boot system tftp ...`, `boot system rom`): what it shows is not the
 * list, and the capture that would decide it is named. */
static void filter_hides(const ip_section *sec, ip_parse_ctx *ctx)
{
	ip_span span = sec->prompt ? ip_line_span_all(sec->prompt, sec->file)
				   : section_span(sec);
	ip_diag_add(ctx->diags, IP_DIAG_WARNING, span,
		    "the filter '| %s' could hide 'boot system' lines: the %s "
		    "boot list is unknown; capture 'show %s | include boot'",
		    sec->filter, config_name(sec->cmd),
		    sec->cmd == IP_CMD_STARTUP_CONFIG ? "startup-config"
						      : "running-config");
}

/* Whether the capture shows every `boot system` line. `said` is set when
 * an earlier section of this device already answered for this list: it
 * showed the whole list (which a filtered capture does not replace,
 * store_list), or its filter already made the list unknown and said so.
 * One warning, not one a section (20 000 sections of `| include
 * (.|.)*[QZ]` gave 20 000). */
static void scan_finish(cfg_scan *st, const ip_section *sec, ip_parse_ctx *ctx, bool said)
{
	ip_boot_list *list = &st->list;
	list->markers = st->start_marker || st->end_marker;
	list->span = section_span(sec);
	if (sec->filter) {
		list->filtered = true;
		list->known = ip_section_filter_keeps(sec, "boot system ");
		if (!list->known && !said)
			filter_hides(sec, ctx);
		return;
	}
	if (st->absent || st->end) {
		list->known = true;
		if (st->start_marker != st->end_marker)
			ip_diag_add(ctx->diags, IP_DIAG_WARNING, list->span,
				    "%s has only one of boot-start-marker and "
				    "boot-end-marker: the boot block was edited "
				    "by hand?", config_name(sec->cmd));
		return;
	}
	ip_span last = list->span;
	last.line = last.end_line;
	last.col = 1;
	bool whole = sec->cmd == IP_CMD_CONFIG
			     ? st->full
			     : sec->arg == NULL && !(sec->command &&
						     command_is_partial(sec->command));
	if (whole)
		ip_diag_add(ctx->diags, IP_DIAG_ERROR, last,
			    "%s ends before 'end': capture truncated? boot "
			    "statements after the cut are unknown",
			    config_name(sec->cmd));
	else
		ip_diag_add(ctx->diags, IP_DIAG_NOTE, list->span,
			    "part of a %s only: the boot statements outside "
			    "it are unknown", config_name(sec->cmd));
}

/* A later capture replaces an earlier one unless it shows less. */
static void store_list(ip_boot_list *dst, const ip_boot_list *src)
{
	if (src->known || (!dst->known && (src->n || !dst->n)))
		*dst = *src;
}

int config_boot_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	ip_boot_list *dst;
	switch (sec->cmd) {
	case IP_CMD_RUNNING_CONFIG: dst = &dev->boot_running; break;
	case IP_CMD_STARTUP_CONFIG: dst = &dev->boot_startup; break;
	case IP_CMD_CONFIG: dst = &dev->boot_config; break;
	default: return 0;
	}
	cfg_scan st;
	memset(&st, 0, sizeof(st));
	for (size_t i = 0; i < sec->n_lines; i++)
		scan_line(&st, dev, sec, ctx, &sec->lines[i]);
	scan_finish(&st, sec, ctx, dst->known || dst->filtered);
	report_duplicates(&st.list, ctx);
	store_list(dst, &st.list);
	return 0;
}
