/* Disagreements between the files of one device (merge.h), e.g. a stale
 * show_version.txt beside last night's RANCID backup:
 *
 *   R1/show_version.txt:9:  System image file is "flash:c2960x-…152-7.E8.bin"
 *   R1/R1.rancid:12:        !Image: flash:c2960x-…152-7.E9.bin
 *
 * Versions are compared by value (RANCID's "16.9.6" is show version's
 * "16.09.06"), image paths without case and without the leading '/' IOS
 * ignores; other texts exactly.
 *
 * Which value stands is decided by the captures' age, never by their order
 * on the command line (issue 20, point 5): a stale show_version.txt named
 * last must not override last night's backup. The files' times are read
 * only when two of them disagree, which is rare, so loading a fleet pays
 * nothing for it. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "capture_time.h"
#include "merge.h"
#include "version.h"

void ip_merge_snapshot(ip_merge_snap *s, const ip_device *d)
{
	s->version = d->version;
	s->xe_version = d->xe_version;
	s->platform = d->platform;
	s->serial = d->serial;
	s->software_image = d->software_image;
	s->system_image = d->system_image;
	s->confreg = d->confreg;
	s->confreg_next = d->confreg_next;
}

static bool other_file(ip_span was, const ip_section *sec)
{
	return was.file && sec->file && strcmp(was.file, sec->file) != 0;
}

static bool same_version(const char *a, const char *b)
{
	ip_version x, y;
	if (ip_version_parse(&x, a, strlen(a)) && ip_version_parse(&y, b, strlen(b)) &&
	    x.scheme != IP_VER_SPECIAL && x.scheme == y.scheme)
		return ip_version_cmp(&x, &y) == 0;
	return strcmp(a, b) == 0;
}

/* --- which capture is newer ------------------------------------------------- */

typedef struct order {
	int newer; /* > 0 the file being parsed, < 0 the earlier one, 0 neither */
	const char *why;
} order;

static bool times_of(ip_capture_time *t, const ip_parse_ctx *ctx, const char *file)
{
	for (size_t i = 0; i < ctx->n_caps; i++)
		if (ctx->caps[i]->path == file || strcmp(ctx->caps[i]->path, file) == 0) {
			ip_capture_time_read(t, ctx->caps[i]);
			return true;
		}
	memset(t, 0, sizeof(*t));
	return false;
}

static const char *when(ip_arena *a, int64_t t, const char *zone)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm))
		return "?";
	return ip_arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d%s%s", tm.tm_year + 1900,
			       tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
			       zone ? " " : "", zone ? zone : "");
}

static const char *stamp_text(ip_arena *a, const ip_capture_stamp *s)
{
	return ip_arena_printf(a, "%s at %s:%u%s", when(a, s->t, s->zone), s->at.file, s->at.line,
			       s->unsynced ? " (clock not set: '*')" : "");
}

static const char *why_text(ip_arena *a, ip_order_basis b, const ip_capture_time *now,
			    const ip_capture_time *was)
{
	switch (b) {
	case IP_ORDER_CLOCK:
		return ip_arena_printf(a, "by the device clock: %s against %s",
				       stamp_text(a, &now->clock), stamp_text(a, &was->clock));
	case IP_ORDER_RESTART:
		return ip_arena_printf(a, "by show version's restart time: %s against %s",
				       stamp_text(a, &now->restart), stamp_text(a, &was->restart));
	case IP_ORDER_MTIME:
		return ip_arena_printf(a, "by the files' modification times, as nothing in "
				       "the captures dates both: %s UTC here, %s UTC there",
				       when(a, now->mtime, NULL), when(a, was->mtime, NULL));
	case IP_ORDER_TIE:
		return ip_arena_printf(a, "both device clocks read %s",
				       when(a, now->clock.t, now->clock.zone));
	case IP_ORDER_NONE:
		break;
	}
	/* One text whether the file times are unknown or too close: an archive
	 * (no file times) and its unpacked folder must give the same report. */
	(void)now;
	(void)was;
	return "neither show clock, a prompt timestamp nor a restart time dates both "
	       "captures, and their file times do not order them (unknown, or less than a "
	       "minute apart)";
}

static order order_of(const ip_parse_ctx *ctx, const char *now_file, const char *was_file)
{
	ip_capture_time now, was;
	times_of(&now, ctx, now_file);
	times_of(&was, ctx, was_file);
	ip_order_basis b;
	int c = ip_capture_time_order(&now, &was, &b);
	return (order){ c, why_text(ctx->arena, b, &now, &was) };
}

/* --- reporting ------------------------------------------------------------------ */

/* The disagreement, and whether the earlier file's value stands. */
static bool report(ip_device *d, ip_parse_ctx *ctx, const char *what, const char *now,
		   ip_span at, const char *was, ip_span was_at)
{
	order o = order_of(ctx, at.file, was_at.file);
	ip_diag *x;
	if (o.newer > 0)
		x = ip_diag_add(ctx->diags, IP_DIAG_WARNING, at,
				IP_MERGE_CONFLICT_PREFIX "%s: %s here, %s at %s:%u:%u; this "
				"file's value is used: its capture is newer (%s)",
				what, now, was, was_at.file, was_at.line, was_at.col, o.why);
	else if (o.newer < 0)
		x = ip_diag_add(ctx->diags, IP_DIAG_WARNING, at,
				IP_MERGE_CONFLICT_PREFIX "%s: %s here, %s at %s:%u:%u; that "
				"file's value is used: its capture is newer (%s)",
				what, now, was, was_at.file, was_at.line, was_at.col, o.why);
	else {
		x = ip_diag_add(ctx->diags, IP_DIAG_ERROR, at,
				IP_MERGE_CONFLICT_PREFIX "%s: %s here, %s at %s:%u:%u, and "
				"nothing says which capture is newer (%s); no plan until it is "
				"settled: capture `show clock` in the same session as `show "
				"version` (or turn on `terminal exec prompt timestamp`), or "
				"remove the stale file",
				what, now, was, was_at.file, was_at.line, was_at.col, o.why);
		ip_source_conflict *c = IP_PUSH(ctx->arena, d->conflicts, d->n_conflicts,
						d->cap_conflicts);
		*c = (ip_source_conflict){ what, now, was, at, was_at, o.why };
	}
	if (o.newer) { /* the plan says which value it rests on, and why */
		ip_source_conflict *c = IP_PUSH(ctx->arena, d->resolved, d->n_resolved,
						d->cap_resolved);
		*c = o.newer > 0 ? (ip_source_conflict){ what, now, was, at, was_at, o.why }
				 : (ip_source_conflict){ what, was, now, was_at, at, o.why };
	}
	x->kind = IP_DIAG_CONFLICT;
	return o.newer < 0;
}

static void text_cmp(ip_device *d, ip_parse_ctx *ctx, const char *what, const ip_text *was,
		     ip_text *now, const ip_section *sec, bool version)
{
	if (!was->s || !now->s || was->s == now->s || !other_file(was->span, sec))
		return;
	if (version ? same_version(was->s, now->s) : strcmp(was->s, now->s) == 0)
		return;
	if (report(d, ctx, what, now->s, now->span, was->s, was->span))
		*now = *was;
}

static bool same_path(const ip_path *a, const ip_path *b)
{
	bool fs = (!a->filesystem || !b->filesystem) ||
		  strcasecmp(a->filesystem, b->filesystem) == 0;
	return fs && a->path && b->path && strcasecmp(a->path, b->path) == 0;
}

/* Within one file a later output supersedes an earlier one, but not with
 * another serial number: that is another device under the same name (two
 * factory-default "Switch"es in one log), and their facts must not mix. */
static void serial_in_file(ip_diags *diags, const ip_device *d, const ip_text *was,
			   const ip_text *now, const ip_section *sec)
{
	if (!was->s || !now->s || was->s == now->s || other_file(was->span, sec) ||
	    strcmp(was->s, now->s) == 0)
		return;
	ip_diag_add(diags, IP_DIAG_ERROR, now->span,
		    "a second device named '%s' in this file: serial number %s here, %s at "
		    "line %u; their facts would mix (give each device's captures a file of its "
		    "own)", d->key && d->key[0] ? d->key : "(unnamed)", now->s, was->s,
		    was->span.line);
}

static void register_cmp(const ip_merge_snap *before, ip_device *d, const ip_section *sec,
			 ip_parse_ctx *ctx)
{
	const ip_register *rw = &before->confreg, *rn = &d->confreg;
	if (!rw->known || !rn->known || rw->v == rn->v || !other_file(rw->span, sec))
		return;
	char *a = ip_arena_printf(ctx->arena, "0x%X", (unsigned)rn->v);
	char *b = ip_arena_printf(ctx->arena, "0x%X", (unsigned)rw->v);
	if (report(d, ctx, "configuration register", a, rn->span, b, rw->span)) {
		d->confreg = before->confreg;
		d->confreg_next = before->confreg_next;
	}
}

void ip_merge_compare(const ip_merge_snap *before, ip_device *d, const ip_section *sec,
		      ip_parse_ctx *ctx)
{
	serial_in_file(ctx->diags, d, &before->serial, &d->serial, sec);
	text_cmp(d, ctx, "running version", &before->version, &d->version, sec, true);
	text_cmp(d, ctx, "IOS-XE version", &before->xe_version, &d->xe_version, sec, true);
	text_cmp(d, ctx, "model", &before->platform, &d->platform, sec, false);
	text_cmp(d, ctx, "serial number", &before->serial, &d->serial, sec, false);
	text_cmp(d, ctx, "software image", &before->software_image, &d->software_image, sec,
		 false);
	const ip_path *was = &before->system_image;
	ip_path *now = &d->system_image;
	if (was->raw && now->raw && was->raw != now->raw && other_file(was->span, sec) &&
	    !same_path(was, now) &&
	    report(d, ctx, "running image", now->raw, now->span, was->raw, was->span))
		*now = *was;
	register_cmp(before, d, sec, ctx);
}
