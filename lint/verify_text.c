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

#include "verify_out.h"

static void quote(FILE *out, const ip_verify_report *r, ip_span s, const char *label)
{
	if (!ip_span_known(s))
		return;
	const ip_line *l = verify_line(r, s);
	fprintf(out, "                  %s%s%s\n", label, *label ? ": " : "", verify_loc(s));
	if (l)
		fprintf(out, "                  %6u | %s\n", s.line, l->text);
}

static void expected(FILE *out, const ip_verify_device *v)
{
	if (!v->boots) {
		fprintf(out, "  expected  nothing to compare with: %s\n",
			v->no_target_why ? v->no_target_why : "no target image given");
		return;
	}
	fprintf(out, "  expected  %s", v->boots);
	if (v->fallback)
		fprintf(out, ", then %s as fallback", v->fallback);
	if (v->register_known)
		fprintf(out, "; register 0x%X", v->register_value);
	fprintf(out, " (from %s)\n", v->from_plan ? "the plan" : "the target and the captures");
}

static void check(FILE *out, const ip_verify_report *r, const ip_vcheck *k)
{
	fprintf(out, "  %-9s %-16s ", verify_status_label(k->status), k->id);
	if (ip_span_known(k->after))
		fprintf(out, "%s: ", verify_loc(k->after));
	fprintf(out, "%s\n", k->message);
	bool loud = k->status == IP_VCHECK_FAIL || k->status == IP_VCHECK_WARN;
	if (loud) {
		quote(out, r, k->after, "after");
		quote(out, r, k->before, "before");
	} else if (ip_span_known(k->before)) {
		fprintf(out, "                  before: %s\n", verify_loc(k->before));
	}
	for (size_t i = 0; i < k->n_related; i++)
		fprintf(out, "                  see %s: %s\n", verify_loc(k->related[i].span),
			k->related[i].message);
	for (size_t i = 0; i < k->n_fix; i++)
		fprintf(out, "                  %s %s\n", i ? "    " : "fix:", k->fix[i]);
}

static void not_made(FILE *out, const ip_verify_device *v)
{
	if (!v->counts[IP_VCHECK_NOT_MADE])
		return;
	fprintf(out, "  not made (capture these and run again):\n");
	for (size_t i = 0; i < v->n_checks; i++) {
		const ip_vcheck *k = &v->checks[i];
		if (k->status != IP_VCHECK_NOT_MADE)
			continue;
		if (k->capture)
			fprintf(out, "    %-16s %s the change: %s (%s)\n", k->id,
				k->capture_before ? "before" : "after", k->capture, k->message);
		else
			fprintf(out, "    %-16s %s\n", k->id, k->message);
	}
}

static void device(FILE *out, const ip_verify_report *r, const ip_verify_device *v)
{
	fprintf(out, "%s: %s\n", v->hostname, ip_vstage_title(v->stage));
	fprintf(out, "  stage     %s", v->stage_why ? v->stage_why : "-");
	if (ip_span_known(v->stage_span))
		fprintf(out, " (%s)", verify_loc(v->stage_span));
	fputc('\n', out);
	expected(out, v);
	for (size_t i = 0; i < v->n_checks; i++)
		if (v->checks[i].status != IP_VCHECK_NOT_MADE)
			check(out, r, &v->checks[i]);
	not_made(out, v);
	fprintf(out, "%s: %s (%zu failed, %zu passed, %zu warning%s, %zu not made)\n", v->hostname,
		verify_verdict(v), v->counts[IP_VCHECK_FAIL], v->counts[IP_VCHECK_PASS],
		v->counts[IP_VCHECK_WARN], v->counts[IP_VCHECK_WARN] == 1 ? "" : "s",
		v->counts[IP_VCHECK_NOT_MADE]);
}

int verify_write_text(FILE *out, const ip_verify_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			fputc('\n', out);
		device(out, r, &r->devices[i]);
	}
	return ferror(out) ? -1 : 0;
}
