/* image-integrity: the target's hashes must be known and agree (seed
 * "Verify the MD5 Checksum"; DOMAIN.md §5). Three values are involved: the
 * MD5 Cisco publishes (the reference), the md5sum of the copy on the
 * transfer server, and what the device computes:
 *
 *   verify /md5 (flash:c2960-lanbasek9-mz.152-7.E9.bin) = 7b4e91a2f3c8d5e0a1b6c9d2e4f70123
 *
 * What is checked now: a target without a reference hash cannot be verified
 * at all (reported one level lower: a missing fact, named with the command
 * that would use it), and a reference that is not 32 hex digits is an
 * error. ip_md5_compare() already decides every pair; what is left for the
 * target-image issue is to feed it: ip_target has no server hash yet, and
 * captured `verify /md5` output is not parsed yet. Until then a target with
 * a well-formed reference hash is silent. */
#include <ctype.h>
#include <stddef.h>
#include <strings.h>

#include "integrity.h"
#include "rule.h"
#include "target_fs.h"

static bool md5_ok(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!isxdigit((unsigned char)s[n]))
			return false;
	return n == 32;
}

void ip_md5_compare(ip_md5_check *out, const char *const md5[IP_MD5_SOURCES])
{
	/* the pair that matters most first: what was published vs what booted */
	static const ip_md5_source pairs[][2] = {
		{ IP_MD5_REFERENCE, IP_MD5_DEVICE },
		{ IP_MD5_REFERENCE, IP_MD5_SERVER },
		{ IP_MD5_SERVER, IP_MD5_DEVICE },
	};
	int known = 0;
	out->verdict = IP_MD5_UNDECIDED;
	out->a = out->b = IP_MD5_REFERENCE;
	for (int i = 0; i < IP_MD5_SOURCES; i++) {
		if (!md5[i])
			continue;
		if (!md5_ok(md5[i])) {
			out->verdict = IP_MD5_MALFORMED;
			out->a = out->b = (ip_md5_source)i;
			return;
		}
		known++;
	}
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		const char *x = md5[pairs[i][0]], *y = md5[pairs[i][1]];
		if (x && y && strcasecmp(x, y) != 0) {
			out->verdict = IP_MD5_MISMATCH;
			out->a = pairs[i][0];
			out->b = pairs[i][1];
			return;
		}
	}
	if (known >= 2)
		out->verdict = IP_MD5_MATCH;
}

const char *ip_md5_source_name(ip_md5_source s)
{
	switch (s) {
	case IP_MD5_REFERENCE: return "reference";
	case IP_MD5_SERVER: return "server copy";
	case IP_MD5_DEVICE: return "device";
	case IP_MD5_SOURCES: break;
	}
	return "?";
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	if (!t)
		return;
	const char *fs = ip_target_fs(ctx);
	const char *where = ip_arena_printf(ctx->arena, "%s%s", fs ? fs : "flash:", t->name);
	if (!t->md5) {
		ip_finding *f = ip_report_weak(out, t->span, "no reference MD5 for %s: an "
					       "image without a reference hash cannot be "
					       "verified (give --md5 from the download page)",
					       t->name);
		ip_finding_capture(out, f, ip_arena_printf(ctx->arena, "verify /md5 %s", where));
		ip_finding_fix(out, f, "verify /md5 %s <published-md5>", where);
		return;
	}
	const char *md5[IP_MD5_SOURCES] = { t->md5, NULL, NULL };
	ip_md5_check c;
	ip_md5_compare(&c, md5);
	if (c.verdict == IP_MD5_MALFORMED) {
		ip_report(out, t->span, "the %s MD5 '%.64s' of %s is not 32 hex digits",
			  ip_md5_source_name(c.a), md5[c.a], t->name);
	} else if (c.verdict == IP_MD5_MISMATCH) {
		/* not reachable until a second hash is fed in: see the top */
		ip_finding *f = ip_report(out, t->span, "the %s MD5 %s of %s differs from the "
					  "%s MD5 %s: a corrupt or tampered image, never boot it",
					  ip_md5_source_name(c.b), md5[c.b], t->name,
					  ip_md5_source_name(c.a), md5[c.a]);
		ip_finding_fix(out, f, "delete /force %s", where);
	}
}

const ip_rule rule_image_integrity = { "image-integrity", IP_SEV_ERROR, check };
