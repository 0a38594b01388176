/* show install summary | active | inactive | committed | uncommitted, and
 * show install rollback: the install state of an IOS-XE device.
 *
 * Every view prints one block per group of locations that hold the same
 * packages, a stack's switches or a chassis' route processors:
 *
 *   [ Switch 1 2 ] Installed Package(s) Information:
 *   State (St): I - Inactive, U - Activated & Uncommitted,
 *               C - Activated & Committed, D - Deactivated & Uncommitted
 *   --------------------------------------------------------------------------------
 *   Type  St   Filename/Version
 *   --------------------------------------------------------------------------------
 *   IMG   C    17.15.03.0.5371
 *
 *   [ Switch 3 ] Installed Package(s) Information:
 *   ...
 *   IMG   U    17.15.03.0.5371
 *   SMU   I    flash:cat9k_iosxe.17.06.03.CSCwc85207.SPA.smu.bin
 *
 *   --------------------------------------------------------------------------------
 *   Auto abort timer: active on install_activate, time before rollback - 01:49:42
 *   --------------------------------------------------------------------------------
 *
 * Sources of the variants read here (the parser table in
 * tests/test_show_install.c quotes each):
 *   - 17.x stack, members in two states, timer inactive: genieparser
 *     src/genie/libs/parser/iosxe/tests/ShowInstallSummary/cli/equal/
 *     golden_output_5_output.txt
 *   - [ R0 ] with an uncommitted SMU and the running timer
 *     ("active on install_activate, time before rollback - 01:49:42"):
 *     the same folder, golden_output_output.txt
 *   - [ R0 R1 ] (dual route processors), I and C rows of one version:
 *     golden_output_2_output.txt, golden_output_3_output.txt (17.17)
 *   - 16.x (16.6.6, C9300): no timer line at all, blank lines between the
 *     lines: golden_output_4_output.txt
 *   - show install committed with SMU rows (17.6.3, 4 switches):
 *     genieparser .../ShowInstallCommitted/cli/equal/golden_output_output.txt
 *   - show install inactive, "No Inactive Packages" and a header that
 *     says "Installed" for the inactive view: .../ShowInstallInactive/
 *     cli/equal/golden_output1_output.txt, golden_output_output.txt
 *   - show install active / uncommitted ("No Uncommitted Packages"):
 *     Cisco VG420 configuration guide, "Installing the Voice Gateway
 *     Software" https://cisco.com/c/en/us/td/docs/routers/access/vg420/
 *     software-configuration/cisco-vg420-configuration-guide/
 *     installing-the-voice-gateway-software.html
 *   - the timer without the operation, "Auto abort timer: active , time
 *     before rollback - 01:57:12", under "[ R0 ] Uncommitted Package(s)
 *     Information:" (17.12.4a): the run log in the README of the
 *     allied_digital.ciscoupgrade Ansible collection
 *   - show install rollback ("ID  Label  Description" rows): genieparser
 *     .../ShowInstallRollback/cli/equal/golden_output_output.txt
 *
 * The auto-abort timer line is printed once, after the last block: it is
 * the device's, not a block's. An install operation in progress: IOS XR's
 * `show install request` prints "No install operation in progress" (csm-aut
 * csm, the iosxr Ansible modules); the IOS-XE form is UNCONFIRMED, so the
 * same sentence is read if it appears and in_progress stays unknown
 * otherwise (DOMAIN.md, UNCONFIRMED handling).
 *
 * A later capture of a view replaces the earlier one's blocks (sections are
 * parsed in input order): the newer state is the one the reload meets.
 *
 * IOS-XE 3.x (Cat3650/3850 3.x, ASR1000/ASR900 3.x) has no `show install`;
 * its install state is read from two other commands (issue 21 pt 1):
 *
 *   show version running      (also `show version provisioned`)
 *   Package: Base, version: 03.02.00SE, status: active
 *   File: cat3k_caa-base.SPA.03.02.00SE.pkg, on: Switch1
 *   Built: Wed Jan 09 21:59:52 PST 2013, by: gereddy
 *
 *   one block of lines a package, each naming where it is ("on: Switch1",
 *   "on: RP0", "on: RP0/0"). Sources: Cisco Catalyst 3650 3SE System
 *   Management Configuration Guide (https://www.cisco.com/c/en/us/td/docs/
 *   switches/lan/catalyst3650/software/release/3se/system_management/
 *   configuration_guide/b_sm_3se_3650_cg/b_sm_3se_3650_cg_chapter_010101.html,
 *   as quoted in the stageit tool's iosxe switch module); ASR900/ASR1000
 *   3.x lines ("File: bootflash:/Image/asr900rsp2-rpbase.03.13.03.S.154-3.S3
 *   -ext.pkg, on: RP0", "File: consolidated:packages.conf, on: RP0") from
 *   Cisco's CSM plugin (kamal-prasad/csmpe, csmpe/core_plugins/
 *   csm_install_operations/ios_xe/utils.py); the 16.x/17.x Cat9k form with
 *   "Role:" and "File SHA1 checksum:" lines and "status: n/a" on the
 *   standby RP: genieparser src/genie/libs/parser/iosxe/tests/
 *   ShowVersionRunning/cli/equal/golden_output_output.txt. A "status: n/a"
 *   package is not loaded where the line says (the standby's copy): it is
 *   no package of that location. `show version provisioned` is in Cisco's
 *   generic IOS-XE install chapter (`show version [rp-slot] [installed |
 *   provisioned | running]`, VG450 guide, https://www.cisco.com/c/en/us/td/
 *   docs/routers/access/vg450/software/configuration/guide/vg450-scg/
 *   installing-the-voice-gateway-software.html) but no capture of its
 *   output was found: it is read in the same block form, and a status
 *   "provisioned" as a package the next reload loads (UNCONFIRMED,
 *   DOMAIN.md).
 *
 *   show software installer rollback-timer
 *   Switch# Status Duration
 *   ----------------------------------
 *   1 active 00:31:28
 *   2 active 00:31:43
 *
 *   after `software install file ... auto-rollback`, until `software
 *   commit`; "1 inactive -" once committed. Source: Cisco IOS Configuration
 *   Fundamentals Command Reference, `software commit` / `software install
 *   file` examples (3.2SE-3.7E Catalyst 3k; research21 1a). The timer of the
 *   device is the one that fires first.
 */
#include <ctype.h>
#include <string.h>

#include "capture_time.h"
#include "parsers.h"
#include "table_rows.h"

typedef struct inst {
	rows r;
	ip_device *dev;
	ip_install_view view;
	bool view_from_command;   /* typed: the command, not the header, says */
	bool reset_done;
	ip_install_block *cur;    /* the block rows go to */
	bool rollback;            /* show install rollback */
	size_t label_col, desc_col; /* its header's columns */
} inst;

static const char *trimmed(const ip_line *l, size_t *off)
{
	size_t k = strspn(l->text, " \t");
	*off = k;
	return l->text + k;
}

/* "Installed", "Active", ... in a block header names the view when the
 * command was not typed (bare output). */
static ip_install_view header_view(const char *t)
{
	static const struct { const char *w; ip_install_view v; } words[] = {
		{ "] Active ", IP_INSTALL_VIEW_ACTIVE },
		{ "] Inactive ", IP_INSTALL_VIEW_INACTIVE },
		{ "] Committed ", IP_INSTALL_VIEW_COMMITTED },
		{ "] Uncommitted ", IP_INSTALL_VIEW_UNCOMMITTED },
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(t, words[i].w))
			return words[i].v;
	return IP_INSTALL_VIEW_SUMMARY;
}

static ip_install_view command_view(const char *canonical)
{
	if (!canonical)
		return IP_INSTALL_VIEW_SUMMARY;
	if (strncmp(canonical, "show install active", 19) == 0)
		return IP_INSTALL_VIEW_ACTIVE;
	if (strncmp(canonical, "show install inactive", 21) == 0)
		return IP_INSTALL_VIEW_INACTIVE;
	if (strncmp(canonical, "show install committed", 22) == 0)
		return IP_INSTALL_VIEW_COMMITTED;
	if (strncmp(canonical, "show install uncommitted", 24) == 0)
		return IP_INSTALL_VIEW_UNCOMMITTED;
	return IP_INSTALL_VIEW_SUMMARY;
}

/* A new capture of a view: the blocks an older capture of it left go. */
static void view_reset(inst *st)
{
	ip_install_state *is = &st->dev->install;
	size_t k = 0;
	for (size_t i = 0; i < is->n_blocks; i++)
		if (is->blocks[i].view != st->view)
			is->blocks[k++] = is->blocks[i];
	is->n_blocks = k;
	st->reset_done = true;
}

/* "Switch 1 2" -> members 1, 2; "R0 R1" -> route processors. A word that is
 * neither leaves the block's locations as printed only. */
static void locations(inst *st, ip_install_block *b, const char *s, size_t n)
{
	ip_arena *a = st->r.ctx->arena;
	size_t cap_m = 0, cap_r = 0;
	size_t i = 0;
	bool sw = false;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j == i)
			break;
		if (j - i == 6 && strncmp(s + i, "Switch", 6) == 0)
			sw = true;
		else if (sw && j - i <= 3 && isdigit((unsigned char)s[i])) {
			int num = 0;
			for (size_t k = i; k < j && isdigit((unsigned char)s[k]); k++)
				num = num * 10 + (s[k] - '0');
			*IP_PUSH(a, b->members, b->n_members, cap_m) = num;
		} else if (s[i] == 'R' && j - i >= 2 && isdigit((unsigned char)s[i + 1]))
			*IP_PUSH(a, b->rps, b->n_rps, cap_r) = ip_arena_strndup(a, s + i, j - i);
		i = j;
	}
}

static bool block_header(inst *st, const ip_line *l, const char *t, size_t off)
{
	if (t[0] != '[' || !strstr(t, " Package(s) Information:"))
		return false;
	const char *close = strchr(t, ']');
	if (!close)
		return false;
	if (!st->view_from_command)
		st->view = header_view(t);
	if (!st->reset_done)
		view_reset(st);
	ip_install_state *is = &st->dev->install;
	ip_install_block *b = IP_PUSH(st->r.ctx->arena, is->blocks, is->n_blocks, is->cap_blocks);
	memset(b, 0, sizeof(*b)); /* IP_PUSH zeroes new room only: view_reset left this slot */
	size_t s = 1, e = (size_t)(close - t);
	while (s < e && t[s] == ' ')
		s++;
	while (e > s && t[e - 1] == ' ')
		e--;
	b->view = st->view;
	b->where = ip_arena_strndup(st->r.ctx->arena, t + s, e - s);
	locations(st, b, t + s, e - s);
	b->span = ip_line_span(l, st->r.sec->file, off, l->len);
	st->cur = b;
	return true;
}

static ip_pkg_state state_of(char c)
{
	switch (c) {
	case 'I': return IP_PKG_INACTIVE;
	case 'U': return IP_PKG_UNCOMMITTED;
	case 'C': return IP_PKG_COMMITTED;
	case 'D': return IP_PKG_DEACTIVATED;
	default: return IP_PKG_UNKNOWN;
	}
}

/* "IMG   C    17.06.03.0.3629": a type word in capitals, one state letter,
 * the file or version. */
static bool package_row(inst *st, const ip_line *l)
{
	row_tokens tk;
	rows_split(&tk, l, 0);
	if (tk.n != 3 || !st->cur || tk.end[1] - tk.start[1] != 1)
		return false;
	for (size_t i = tk.start[0]; i < tk.end[0]; i++)
		if (!isupper((unsigned char)l->text[i]) && !isdigit((unsigned char)l->text[i]))
			return false;
	ip_pkg_state state = state_of(l->text[tk.start[1]]);
	if (state == IP_PKG_UNKNOWN)
		return false;
	ip_install_block *b = st->cur;
	ip_install_pkg *p = IP_PUSH(st->r.ctx->arena, b->pkgs, b->n_pkgs, b->cap_pkgs);
	rows_text(&st->r, &p->type, l, tk.start[0], tk.end[0]);
	p->state = state;
	p->state_span = ip_line_span(l, st->r.sec->file, tk.start[1], tk.end[1]);
	rows_text(&st->r, &p->name, l, tk.start[2], tk.end[2]);
	p->span = ip_line_span_all(l, st->r.sec->file);
	return true;
}

/* "01:49:42" in seconds; false for any other form. */
static bool hms(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0, part = 0;
	int fields = 0;
	size_t digits = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == ':') {
			if (digits == 0 || digits > 6)
				return false;
			v = v * 60 + part;
			part = 0;
			digits = 0;
			fields++;
			continue;
		}
		if (!isdigit((unsigned char)s[i]))
			return false;
		part = part * 10 + (uint64_t)(s[i] - '0');
		digits++;
	}
	*out = v;
	return fields == 3;
}

/* The moment the timer fires by the capture's clock (capture_time.h: its
 * latest show clock or prompt timestamp, taken in the same session as the
 * timer line), when the capture states one. */
static void fire_time(inst *st, uint64_t left)
{
	ip_install_state *is = &st->dev->install;
	const ip_parse_ctx *ctx = st->r.ctx;
	const char *file = st->r.sec->file;
	is->fires_known = false;
	for (size_t i = 0; file && i < ctx->n_caps; i++) {
		if (ctx->caps[i]->path != file && strcmp(ctx->caps[i]->path, file) != 0)
			continue;
		ip_capture_time t;
		ip_capture_time_read(&t, ctx->caps[i]);
		if (!t.clock.known)
			return;
		is->fires_known = true;
		is->fires_at = t.clock.t + (int64_t)left;
		memcpy(is->fires_zone, t.clock.zone, sizeof(is->fires_zone));
		is->fires_unsynced = t.clock.unsynced;
		is->clock_at = t.clock.at;
		return;
	}
}

/* "Auto abort timer: inactive", "Auto abort timer: active on
 * install_activate, time before rollback - 01:49:42", "Auto abort timer:
 * active , time before rollback - 01:57:12". */
static bool timer_line(inst *st, const ip_line *l, const char *t, size_t off)
{
	static const char key[] = "Auto abort timer:";
	if (strncmp(t, key, sizeof(key) - 1) != 0)
		return false;
	ip_install_state *is = &st->dev->install;
	const char *file = st->r.sec->file;
	size_t v = off + sizeof(key) - 1;
	while (v < l->len && l->text[v] == ' ')
		v++;
	const char *w = l->text + v;
	is->timer_operation = (ip_text){ 0 };
	is->timer_left_s = (ip_u64){ 0 };
	is->fires_known = false;
	if (strncmp(w, "inactive", 8) == 0) {
		is->timer = (ip_flag){ IP_TRI_NO, ip_line_span(l, file, v, v + 8) };
		return true;
	}
	if (strncmp(w, "active", 6) != 0) {
		rows_warn(&st->r, l);
		return true;
	}
	is->timer = (ip_flag){ IP_TRI_YES, ip_line_span(l, file, v, v + 6) };
	const char *on = strstr(w, " on ");
	const char *comma = strchr(w, ',');
	if (on && (!comma || on < comma)) {
		size_t s = (size_t)(on + 4 - l->text), e = comma ? (size_t)(comma - l->text) : l->len;
		rows_text(&st->r, &is->timer_operation, l, s, e);
	}
	const char *dash = strstr(w, "rollback - ");
	if (dash) {
		size_t s = (size_t)(dash + 11 - l->text), e = l->len;
		while (e > s && l->text[e - 1] == ' ')
			e--;
		uint64_t secs;
		if (hms(l->text + s, e - s, &secs)) {
			is->timer_left_s = (ip_u64){ true, secs, ip_line_span(l, file, s, e) };
			fire_time(st, secs);
		} else
			rows_warn(&st->r, l);
	}
	return true;
}

/* The UNCONFIRMED in-progress sentences (head comment). */
static bool progress_line(inst *st, const ip_line *l, const char *t, size_t off)
{
	ip_install_state *is = &st->dev->install;
	ip_span sp = ip_line_span(l, st->r.sec->file, off, l->len);
	if (strncmp(t, "No install operation in progress", 32) == 0) {
		is->in_progress = (ip_flag){ IP_TRI_NO, sp };
		return true;
	}
	if (strstr(t, "nstall operation") && strstr(t, " in progress")) {
		is->in_progress = (ip_flag){ IP_TRI_YES, sp };
		return true;
	}
	return false;
}

/* The legend, the column heading, "No Inactive Packages". */
static bool furniture(inst *st, const char *t)
{
	if (strncmp(t, "State (St):", 11) == 0 || strstr(t, "- Activated & Committed") ||
	    strncmp(t, "Type ", 5) == 0)
		return true;
	if (strncmp(t, "No ", 3) == 0 && strstr(t, " Packages")) {
		if (st->cur)
			st->cur->none = true;
		return true;
	}
	return false;
}

/* show install rollback:
 *   ID      Label                            Description
 *   -------------------------------------------------------
 *   5       No Label                         No Description */
static void rollback_line(inst *st, const ip_line *l, const char *t, size_t off)
{
	ip_install_state *is = &st->dev->install;
	if (strncmp(t, "ID ", 3) == 0) {
		const char *lab = strstr(t, "Label"), *desc = strstr(t, "Description");
		st->label_col = lab ? (size_t)(lab - l->text) : 0;
		st->desc_col = desc ? (size_t)(desc - l->text) : 0;
		is->rollback_known = true;
		is->n_rollbacks = 0; /* a later capture replaces the list */
		return;
	}
	size_t e = off;
	while (e < l->len && isdigit((unsigned char)l->text[e]))
		e++;
	if (e == off || e - off > 9 || (e < l->len && l->text[e] != ' ')) {
		rows_warn(&st->r, l);
		return;
	}
	is->rollback_known = true;
	ip_install_rollback *r = IP_PUSH(st->r.ctx->arena, is->rollbacks, is->n_rollbacks,
					 is->cap_rollbacks);
	memset(r, 0, sizeof(*r)); /* a replaced list's slot */
	uint64_t id = 0;
	for (size_t i = off; i < e; i++)
		id = id * 10 + (uint64_t)(l->text[i] - '0');
	r->id = (ip_u64){ true, id, ip_line_span(l, st->r.sec->file, off, e) };
	r->span = ip_line_span_all(l, st->r.sec->file);
	size_t dc = st->desc_col > e && st->desc_col < l->len ? st->desc_col : l->len;
	rows_text(&st->r, &r->label, l, e, dc);
	rows_text(&st->r, &r->description, l, dc, l->len);
}

static void line(inst *st, const ip_line *l)
{
	size_t off;
	const char *t = trimmed(l, &off);
	if (rows_blank(l))
		return;
	if (progress_line(st, l, t, off))
		return;
	if (st->rollback) {
		rollback_line(st, l, t, off);
		return;
	}
	if (block_header(st, l, t, off) || timer_line(st, l, t, off) || furniture(st, t) ||
	    package_row(st, l))
		return;
	rows_warn(&st->r, l);
}


/* --- IOS-XE 3.x: show version running | provisioned --------------------- */

typedef struct pkg_pending {
	bool have;
	ip_text package;    /* "Base" */
	ip_pkg_state state;
	ip_span state_span; /* "active" */
	ip_span span;       /* the Package: line */
	bool skip;          /* "status: n/a": not loaded there */
} pkg_pending;

/* The block of location loc ("Switch1", "RP0/0") in this view, made on
 * first use. */
static ip_install_block *location_block(inst *st, const ip_line *l, size_t s, size_t e)
{
	ip_install_state *is = &st->dev->install;
	ip_arena *a = st->r.ctx->arena;
	for (size_t i = 0; i < is->n_blocks; i++) {
		ip_install_block *b = &is->blocks[i];
		if (b->view == st->view && strlen(b->where) == e - s &&
		    strncmp(b->where, l->text + s, e - s) == 0)
			return b;
	}
	ip_install_block *b = IP_PUSH(a, is->blocks, is->n_blocks, is->cap_blocks);
	memset(b, 0, sizeof(*b)); /* view_reset may leave an old slot here */
	b->view = st->view;
	b->where = ip_arena_strndup(a, l->text + s, e - s);
	b->span = ip_line_span(l, st->r.sec->file, s, e);
	size_t cap = 0;
	if (e - s > 6 && strncmp(b->where, "Switch", 6) == 0 && rows_digits(l, s + 6, e)) {
		int num = 0;
		for (size_t k = s + 6; k < e && num < 1000; k++)
			num = num * 10 + (l->text[k] - '0');
		*IP_PUSH(a, b->members, b->n_members, cap) = num;
	} else if (e - s >= 3 && b->where[0] == 'R' && b->where[1] == 'P' &&
		   isdigit((unsigned char)b->where[2]))
		*IP_PUSH(a, b->rps, b->n_rps, cap) = b->where;
	return b;
}

/* "Package: Base, version: 03.02.00SE, status: active" */
static bool package_line(inst *st, pkg_pending *pp, const ip_line *l, const char *t, size_t off)
{
	if (strncmp(t, "Package: ", 9) != 0)
		return false;
	const char *comma = strchr(t, ',');
	const char *status = strstr(t, "status: ");
	if (!comma || !status) {
		rows_warn(&st->r, l);
		return true;
	}
	memset(pp, 0, sizeof(*pp));
	size_t ns = off + 9, ne = (size_t)(comma - l->text);
	rows_text(&st->r, &pp->package, l, ns, ne);
	size_t vs = (size_t)(status - l->text) + 8, ve = vs;
	while (ve < l->len && l->text[ve] != ' ' && l->text[ve] != ',')
		ve++;
	pp->state_span = ip_line_span(l, st->r.sec->file, vs, ve);
	pp->span = ip_line_span_all(l, st->r.sec->file);
	if (ve - vs == 6 && strncmp(l->text + vs, "active", 6) == 0)
		pp->state = IP_PKG_ACTIVE;
	else if (ve - vs == 11 && strncmp(l->text + vs, "provisioned", 11) == 0)
		pp->state = IP_PKG_PROVISIONED;
	else if (ve - vs == 3 && strncmp(l->text + vs, "n/a", 3) == 0)
		pp->skip = true;
	else {
		rows_warn(&st->r, l);
		return true;
	}
	pp->have = true;
	return true;
}

/* "File: cat3k_caa-base.SPA.03.02.00SE.pkg, on: Switch1": the package of
 * the line before, at that location. */
static bool file_line(inst *st, pkg_pending *pp, const ip_line *l, const char *t, size_t off)
{
	if (strncmp(t, "File: ", 6) != 0)
		return false;
	const char *on = strstr(t, ", on: ");
	if (!on) {
		rows_warn(&st->r, l);
		return true;
	}
	if (!pp->have)
		return true; /* its Package: line warned */
	pp->have = false;
	if (pp->skip)
		return true;
	size_t ls = (size_t)(on - l->text) + 6, le = l->len;
	while (le > ls && l->text[le - 1] == ' ')
		le--;
	if (le == ls) {
		rows_warn(&st->r, l);
		return true;
	}
	if (!st->reset_done)
		view_reset(st);
	ip_install_block *b = location_block(st, l, ls, le);
	ip_install_pkg *p = IP_PUSH(st->r.ctx->arena, b->pkgs, b->n_pkgs, b->cap_pkgs);
	p->type = pp->package;
	p->state = pp->state;
	p->state_span = pp->state_span;
	rows_text(&st->r, &p->name, l, off + 6, (size_t)(on - l->text));
	p->span = pp->span;
	return true;
}

/* The other lines of a package's block. */
static bool package_furniture(const char *t)
{
	static const char *const keys[] = { "Built: ", "Role: ", "File SHA1 checksum: ",
					    "File MD5 checksum: " };
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strncmp(t, keys[i], strlen(keys[i])) == 0)
			return true;
	return false;
}

static void version_running_parse(inst *st)
{
	pkg_pending pp = { 0 };
	for (size_t i = 0; i < st->r.sec->n_lines; i++) {
		const ip_line *l = &st->r.sec->lines[i];
		size_t off;
		const char *t = trimmed(l, &off);
		if (rows_blank(l) || package_line(st, &pp, l, t, off) ||
		    file_line(st, &pp, l, t, off) || package_furniture(t))
			continue;
		rows_warn(&st->r, l);
	}
}

/* --- IOS-XE 3.x: show software installer rollback-timer ---------------- */

static void rollback_timer_parse(inst *st)
{
	ip_install_state *is = &st->dev->install;
	const char *file = st->r.sec->file;
	bool any = false, active = false;
	ip_flag first = { 0 };
	ip_u64 least = { 0 };
	for (size_t i = 0; i < st->r.sec->n_lines; i++) {
		const ip_line *l = &st->r.sec->lines[i];
		if (rows_blank(l))
			continue;
		row_tokens tk;
		rows_split(&tk, l, 0);
		if (tk.n >= 2 && strncmp(l->text + tk.start[0], "Switch#", 7) == 0)
			continue; /* the heading */
		if (tk.n != 3 || !rows_digits(l, tk.start[0], tk.end[0])) {
			rows_warn(&st->r, l);
			continue;
		}
		size_t ws = tk.start[1], we = tk.end[1];
		ip_span sp = ip_line_span(l, file, ws, we);
		if (we - ws == 8 && strncmp(l->text + ws, "inactive", 8) == 0) {
			any = true;
			if (!first.span.line)
				first = (ip_flag){ IP_TRI_NO, sp };
			continue;
		}
		if (we - ws != 6 || strncmp(l->text + ws, "active", 6) != 0) {
			rows_warn(&st->r, l);
			continue;
		}
		any = true;
		if (!active)
			first = (ip_flag){ IP_TRI_YES, sp };
		active = true;
		uint64_t secs;
		if (hms(l->text + tk.start[2], tk.end[2] - tk.start[2], &secs) &&
		    (!least.known || secs < least.v))
			least = (ip_u64){ true, secs, ip_line_span(l, file, tk.start[2], tk.end[2]) };
	}
	if (!any)
		return;
	is->timer = first;
	is->timer_software = true;
	is->timer_operation = (ip_text){ 0 };
	is->timer_left_s = active ? least : (ip_u64){ 0 };
	is->fires_known = false;
	if (active && least.known)
		fire_time(st, least.v);
}

int show_install_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	inst st = { .r = { .sec = sec, .ctx = ctx }, .dev = dev };
	const char *c = sec->canonical ? sec->canonical : "";
	if (strcmp(c, "show version running") == 0 || strcmp(c, "show version provisioned") == 0) {
		st.view = c[13] == 'r' ? IP_INSTALL_VIEW_RUNNING : IP_INSTALL_VIEW_PROVISIONED;
		version_running_parse(&st);
		return 0;
	}
	if (strcmp(c, "show software installer rollback-timer") == 0) {
		rollback_timer_parse(&st);
		return 0;
	}
	st.rollback = sec->canonical && strncmp(sec->canonical, "show install rollback", 21) == 0;
	st.view_from_command = sec->cmd == IP_CMD_SHOW_INSTALL ||
			       (sec->cmd == IP_CMD_INSTALL_SUMMARY && !sec->inferred);
	st.view = command_view(sec->canonical);
	for (size_t i = 0; i < sec->n_lines; i++)
		line(&st, &sec->lines[i]);
	return 0;
}
