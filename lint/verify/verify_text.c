/* `iosplan verify` as text for a person at a terminal:
 *
 *   NetsTuts_R1: after reload
 *     stage     show version: up 9 minutes, was up 2 days, ... (r1-after.log:17:26)
 *     expected  bootflash:...16.12.04.SPA.bin, then bootflash:...16.09.06.SPA.bin; register 0x2102 (from the plan)
 *     pass      version        r1-after.log:2:34: runs 16.12.04, the target's version; ...
 *     FAIL      system-image   r1-after.log:21:24: THE FALLBACK BOOTED: ...
 *                 21 | System image file is "bootflash:isr4300-..."
 *                 before: samples/netstuts-r1.log:24:24
 *                 fix: verify /md5 ...
 *     not made (capture these and run again):
 *       image-verified   after the change: verify /md5 ...
 *   NetsTuts_R1: not done (1 failed, 9 passed, 1 not made)
 *
 * Failed and warned checks quote the lines their spans point at, after and
 * before, so the evidence is on the screen. */
#include <string.h>

#include "escape.h"
#include "verify_out.h"

/* Where the result goes, and the arena for escaped copies: names, file
 * names, messages and quoted lines are shown in escape.h's text form. */
typedef struct vw {
	FILE *out;
	ip_arena *a;
} vw;

static const char *T(const vw *o, const char *s)
{
	return ip_esc_text(o->a, s);
}

static void quote(const vw *o, const ip_verify_report *r, ip_span s, const char *label)
{
	if (!ip_span_known(s))
		return;
	const ip_line *l = verify_line(r, s);
	fprintf(o->out, "                  %s%s%s\n", label, *label ? ": " : "", T(o, verify_loc(o->a, s)));
	if (l)
		fprintf(o->out, "                  %6u | %s\n", s.line, T(o, l->text));
}

static void expected(const vw *o, const ip_verify_device *v)
{
	if (!v->boots) {
		fprintf(o->out, "  expected  nothing to compare with: %s\n",
			v->no_target_why ? T(o, v->no_target_why) : "no target image given");
		return;
	}
	fprintf(o->out, "  expected  %s", T(o, v->boots));
	if (v->fallback)
		fprintf(o->out, ", then %s as fallback", T(o, v->fallback));
	if (v->register_known)
		fprintf(o->out, "; register 0x%X", v->register_value);
	fprintf(o->out, " (from %s)\n", v->from_plan ? "the plan" : "the target and the captures");
}

static void check(const vw *o, const ip_verify_report *r, const ip_vcheck *k)
{
	fprintf(o->out, "  %-9s %-16s ", verify_status_label(k->status), k->id);
	if (ip_span_known(k->after))
		fprintf(o->out, "%s: ", T(o, verify_loc(o->a, k->after)));
	fprintf(o->out, "%s\n", T(o, k->message));
	bool loud = k->status == IP_VCHECK_FAIL || k->status == IP_VCHECK_WARN;
	if (loud) {
		quote(o, r, k->after, "after");
		quote(o, r, k->before, "before");
	} else if (ip_span_known(k->before)) {
		fprintf(o->out, "                  before: %s\n", T(o, verify_loc(o->a, k->before)));
	}
	for (size_t i = 0; i < k->n_related; i++)
		fprintf(o->out, "                  see %s: %s\n", T(o, verify_loc(o->a, k->related[i].span)),
			T(o, k->related[i].message));
	for (size_t i = 0; i < k->n_fix; i++)
		fprintf(o->out, "                  %s %s\n", i ? "    " : "fix:", T(o, k->fix[i]));
}

static void not_made(const vw *o, const ip_verify_device *v)
{
	if (!v->counts[IP_VCHECK_NOT_MADE])
		return;
	fprintf(o->out, "  not made (capture these and run again):\n");
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status != IP_VCHECK_NOT_MADE)
			continue;
		if (k->capture)
			fprintf(o->out, "    %-16s %s the change: %s (%s)\n", k->id,
				k->capture_before ? "before" : "after", T(o, k->capture), T(o, k->message));
		else
			fprintf(o->out, "    %-16s %s\n", k->id, T(o, k->message));
	}
}

static void device(const vw *o, const ip_verify_report *r, const ip_verify_device *v)
{
	fprintf(o->out, "%s: %s\n", T(o, v->hostname), ip_vstage_title(v->stage));
	fprintf(o->out, "  stage     %s", v->stage_why ? T(o, v->stage_why) : "-");
	if (ip_span_known(v->stage_span))
		fprintf(o->out, " (%s)", T(o, verify_loc(o->a, v->stage_span)));
	fputc('\n', o->out);
	expected(o, v);
	for (size_t i = 0; i < v->n_checks; i++)
		if (v->checks[i].status != IP_VCHECK_NOT_MADE)
			check(o, r, &v->checks[i]);
	not_made(o, v);
	fprintf(o->out, "%s: %s (%zu failed, %zu passed, %zu warning%s, %zu not made)\n", T(o, v->hostname),
		verify_verdict(v), v->counts[IP_VCHECK_FAIL], v->counts[IP_VCHECK_PASS],
		v->counts[IP_VCHECK_WARN], v->counts[IP_VCHECK_WARN] == 1 ? "" : "s",
		v->counts[IP_VCHECK_NOT_MADE]);
	const char *missing = v->stage == IP_VSTAGE_RELOAD && !ip_verify_failed(v)
				      ? ip_verify_missing_decisive(v, o->a) : NULL;
	if (missing)
		fprintf(o->out, "  not verified until these are captured: %s\n", T(o, missing));
}

int verify_write_text(FILE *out, const ip_verify_report *r)
{
	vw o = { out, ip_arena_new() };
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			fputc('\n', out);
		device(&o, r, &r->devices[i]);
	}
	ip_arena_free(o.a);
	return ferror(out) ? -1 : 0;
}
