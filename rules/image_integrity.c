/* image-integrity: the target's hashes and size must be known and agree
 * along the whole chain (seed "Verify the MD5 Checksum"; DOMAIN.md §5):
 *
 *   reference     what Cisco publishes: --md5/--sha512/--size or the catalogue
 *   server copy   the file on the TFTP server, hashed by iosplan (--image-file)
 *   device        `verify /md5 (flash:x.bin) = …` and the size in the listing
 *
 * Every pair that is known must match; a mismatch names the broken link and
 * its fix: reference vs server is a bad download (download it again), server
 * vs device a bad transfer (delete, copy again, check the path for loss),
 * reference vs device with no server copy known is one of the two. The MD5,
 * the SHA-512 and the size are three such chains. A target without any
 * reference hash is an error: nothing can show it is the published image.
 * Missing pieces on the device side are weak findings, and only when the
 * image is already on flash: a `verify` cut short (unknown, not a pass), one
 * that could not open the file, one of another file, or none at all.
 *
 * A device copy that is not the published image while the server copy is
 * not known bad (a transfer cut short leaves a file of the target's name
 * and the wrong size: routine, e.g. a TFTP copy ending in
 * `%Error reading tftp://…(Timed out)`, DOMAIN.md §7) is reported about
 * that FILE, so the plan
 * can repair it by deleting it and copying afresh behind its verify gate
 * (IP_REPAIR_RECOPY, issue 20 point 10); a bad download stays about the
 * target and blocks, since copying again would copy the same bad file.
 * No fix deletes or overwrites the image the device runs. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fs_model.h"
#include "integrity.h"
#include "rule.h"
#include "target_fs.h"

static bool hex_ok(const char *s, size_t n)
{
	size_t i = 0;
	for (; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'f')))
			return false;
	return i == n;
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
		if (!hex_ok(md5[i], 32)) {
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

static bool differ(const char *x, const char *y)
{
	return x && y && strcasecmp(x, y) != 0;
}

ip_chain_break ip_chain_check(const char *const v[IP_MD5_SOURCES])
{
	const char *r = v[IP_MD5_REFERENCE], *s = v[IP_MD5_SERVER], *d = v[IP_MD5_DEVICE];
	bool rs = differ(r, s), sd = differ(s, d), rd = differ(r, d);
	if (r && d && !rd && rs)
		return IP_CHAIN_SERVER_STALE;
	if (rs && sd)
		return IP_CHAIN_BOTH;
	if (rs)
		return IP_CHAIN_DOWNLOAD;
	if (sd)
		return IP_CHAIN_TRANSFER;
	return rd ? IP_CHAIN_UNPLACED : IP_CHAIN_OK;
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

/* --- the rule ------------------------------------------------------------ */

enum { REF = IP_MD5_REFERENCE, SRV = IP_MD5_SERVER, DEV = IP_MD5_DEVICE };

/* One quantity along the chain: the MD5, the SHA-512 or the size. */
typedef struct chain {
	const char *what;       /* "MD5", "SHA-512", "size" */
	const char *verb;       /* "md5", "sha512": for `verify /…` */
	const char *v[IP_MD5_SOURCES];
	ip_span span[IP_MD5_SOURCES];
	const char *origin;     /* of the reference: "--md5", "catalogue x.yaml" */
} chain;

typedef struct ictx {
	const ip_rule_ctx *ctx;
	ip_findings *out;
	const ip_target *t;
	const char *where;                   /* "flash:x.bin" */
	const char *fs;                      /* "flash:", NULL: the default */
	const ip_verification *ver[3];       /* per ip_hash_algo: the last complete run */
	const ip_verification *pending;      /* a run cut short or that failed */
	const ip_verification *other;        /* a run on another file */
	const ip_file *listed;               /* the target in the listing */
	bool reported;
} ictx;

/* "MD5 a3f8…" or "521347072 bytes" */
static const char *value(const ictx *ic, const chain *c, int i)
{
	if (strcmp(c->what, "size") == 0)
		return ip_arena_printf(ic->ctx->arena, "%s bytes", c->v[i]);
	return ip_arena_printf(ic->ctx->arena, "%s %s", c->what, c->v[i]);
}

static const char *device_copy(const ictx *ic, const chain *c)
{
	return ip_arena_printf(ic->ctx->arena, "the device's copy %s (%s)", ic->where,
			       strcmp(c->what, "size") == 0 ? "flash listing" : "verify");
}

/* Whether the device runs the file `where` names: a fix must then neither
 * delete it nor copy over it. */
static bool runs_it(const ictx *ic)
{
	const ip_path *run = &ic->ctx->dev->system_image;
	const char *sl = run->path ? strrchr(run->path, '/') : NULL;
	return run->path && ip_fs_file_eq(run->filesystem, sl ? sl + 1 : run->path, ic->t->name) &&
	       (!run->filesystem || ip_fs_same(ic->ctx, run->filesystem, ic->fs));
}

/* The finding's subject: the device's copy when re-copying repairs it. */
static ip_subject copy_subject(const ictx *ic)
{
	return ip_subj_file(ic->fs, ic->t->name);
}

static void recopy(ictx *ic, ip_finding *f, const chain *c, bool on_device)
{
	const ip_target *t = ic->t;
	if (on_device && runs_it(ic)) {
		/* the running image: deleting it leaves nothing to boot */
		ic->reported = true;
		return;
	}
	const char *verb = c->verb ? c->verb : t->md5 ? "md5" : "sha512";
	const char *ref = strcmp(verb, "md5") == 0 ? t->md5 : t->sha512;
	if (on_device)
		ip_finding_fix(ic->out, f, "delete /force %s", ic->where);
	ip_finding_fix(ic->out, f, "copy tftp://<tftp-server>/%s %s", t->name, ic->where);
	ip_finding_fix(ic->out, f, "verify /%s %s %s", verb, ic->where, ref ? ref : "<published-hash>");
	if (ip_span_known(c->span[REF]))
		ip_finding_related(ic->out, f, c->span[REF], "the reference %s", value(ic, c, REF));
	ic->reported = true;
}

/* The primary span: the device's text, else the reference's, else the
 * target's own. */
static ip_span where_span(const ictx *ic, const chain *c, bool device)
{
	if (device && ip_span_known(c->span[DEV]))
		return c->span[DEV];
	return ip_span_known(c->span[REF]) ? c->span[REF] : ic->t->span;
}

static void report_download(ictx *ic, const chain *c)
{
	bool dev = c->v[DEV] != NULL;
	ip_finding *f = ip_report(ic->out, ip_subj_target(), where_span(ic, c, dev),
				  "the server copy %s has %s but the reference (%s) is %s: the "
				  "download is corrupt or is another file; download it again from "
				  "cisco.com%s", ic->t->server.path, value(ic, c, SRV), c->origin,
				  value(ic, c, REF), dev ? ", and the device holds the same bad copy: "
				  "never boot it" : "");
	recopy(ic, f, c, dev);
}

static void report_transfer(ictx *ic, const chain *c)
{
	ip_finding *f = ip_report(ic->out, copy_subject(ic), where_span(ic, c, true),
				  "%s has %s but the server copy %s has %s%s: the transfer corrupted "
				  "it (packet loss or a flash write error); delete it, copy it again "
				  "and check the path for loss; never boot it", device_copy(ic, c),
				  value(ic, c, DEV), ic->t->server.path, value(ic, c, SRV),
				  c->v[REF] ? ", as the reference does" : "");
	recopy(ic, f, c, true);
}

static void report_unplaced(ictx *ic, const chain *c)
{
	ip_finding *f = ip_report(ic->out, copy_subject(ic), where_span(ic, c, true),
				  "%s has %s but the reference (%s) is %s: a corrupt or tampered "
				  "image, never boot it; check the server copy (md5sum %s): if it "
				  "matches the reference the transfer corrupted it (copy it again, "
				  "check the path for loss), else download it again from cisco.com",
				  device_copy(ic, c), value(ic, c, DEV), c->origin, value(ic, c, REF),
				  ic->t->name);
	recopy(ic, f, c, true);
}

static void report_both(ictx *ic, const chain *c)
{
	ip_finding *f = ip_report(ic->out, ip_subj_target(), where_span(ic, c, true),
				  "the %s of %s differs at every link: the reference (%s) %s, the "
				  "server copy %s %s, %s %s: download it again from cisco.com, then "
				  "copy it again; never boot it", c->what, ic->t->name, c->origin,
				  c->v[REF], ic->t->server.path, c->v[SRV], device_copy(ic, c),
				  c->v[DEV]);
	recopy(ic, f, c, true);
}

static void report_stale(ictx *ic, const chain *c)
{
	ip_report_weak(ic->out, ip_subj_target(), where_span(ic, c, false),
		       "the server copy %s has %s, not the reference %s that %s matches: the "
		       "server file is not the one that was copied; replace it before it is "
		       "copied to other devices", ic->t->server.path, value(ic, c, SRV),
		       value(ic, c, REF), device_copy(ic, c));
	ic->reported = true;
}

static void chain_report(ictx *ic, const chain *c)
{
	switch (ip_chain_check(c->v)) {
	case IP_CHAIN_OK: break;
	case IP_CHAIN_DOWNLOAD: report_download(ic, c); break;
	case IP_CHAIN_TRANSFER: report_transfer(ic, c); break;
	case IP_CHAIN_UNPLACED: report_unplaced(ic, c); break;
	case IP_CHAIN_BOTH: report_both(ic, c); break;
	case IP_CHAIN_SERVER_STALE: report_stale(ic, c); break;
	}
}

/* --- what the device says ------------------------------------------------ */

static bool is_target_file(const ictx *ic, const ip_verification *v)
{
	const char *p = v->file.path ? strrchr(v->file.path, '/') : NULL;
	const char *base = p ? p + 1 : v->file.path;
	return ip_fs_file_eq(v->file.filesystem, base, ic->t->name) &&
	       ip_fs_same(ic->ctx, v->file.filesystem, ip_target_fs(ic->ctx));
}

static void verifications_scan(ictx *ic)
{
	const ip_device *d = ic->ctx->dev;
	for (size_t i = 0; i < d->n_verifications; i++) {
		const ip_verification *v = &d->verifications[i];
		if (!is_target_file(ic, v)) {
			ic->other = v;
		} else if (v->result == IP_VERIFY_INCOMPLETE || v->result == IP_VERIFY_FAILED ||
			   v->algorithm == IP_HASH_ALGO_UNKNOWN) {
			ic->pending = v;
		} else {
			ic->ver[v->algorithm] = v; /* a later run supersedes */
			ic->pending = NULL;
		}
	}
}

/* "%Error verifying" without its signature lines: the device compared
 * against the hash typed, and only that is known. */
static void device_mismatch_only(ictx *ic, const ip_verification *v, const char *ref,
				 const char *what)
{
	const char *exp = v->expected.s;
	if (!exp || !ref || strcasecmp(exp, ref) == 0) {
		ip_finding *f = ip_report(ic->out, copy_subject(ic),
					  v->span, "`verify` found %s on the device does not "
					  "match %s %s: a corrupt or tampered image, never boot it",
					  ic->where, what, exp ? exp : "the hash given");
		chain c = { .what = what, .verb = v->algorithm == IP_HASH_SHA512 ? "sha512" : "md5" };
		recopy(ic, f, &c, true);
		return;
	}
	ip_report_weak(ic->out, ip_subj_target(),
		       v->span, "`verify` compared %s with %s, not the reference %s: its "
		       "result says nothing about the published image", ic->where, exp, ref);
	ic->reported = true;
}

static void hash_chain(ictx *ic, ip_hash_algo algo)
{
	const ip_target *t = ic->t;
	bool md5 = algo == IP_HASH_MD5;
	chain c = { .what = md5 ? "MD5" : "SHA-512", .verb = md5 ? "md5" : "sha512" };
	c.v[REF] = md5 ? t->md5 : t->sha512;
	c.span[REF] = md5 ? t->md5_span : t->sha512_span;
	c.origin = (md5 ? t->md5_origin : t->sha512_origin) ? (md5 ? t->md5_origin : t->sha512_origin)
							     : t->source ? t->source : "given";
	c.v[SRV] = md5 ? t->server.md5 : t->server.sha512;
	if (c.v[REF] && !hex_ok(c.v[REF], md5 ? 32 : 128)) {
		ip_report(ic->out, ip_subj_target(),
			  ip_span_known(c.span[REF]) ? c.span[REF] : t->span,
			  "the reference %s '%.140s' of %s is not %d hex digits", c.what, c.v[REF],
			  t->name, md5 ? 32 : 128);
		ic->reported = true;
		return;
	}
	const ip_verification *v = ic->ver[algo];
	if (v && !v->computed.s && v->result == IP_VERIFY_MISMATCH) {
		device_mismatch_only(ic, v, c.v[REF], c.what);
		return;
	}
	if (v) {
		c.v[DEV] = v->computed.s;
		c.span[DEV] = v->computed.span;
	}
	chain_report(ic, &c);
}

static const char *u64_text(ip_arena *a, const ip_u64 *x)
{
	return x->known ? ip_arena_printf(a, "%llu", (unsigned long long)x->v) : NULL;
}

static void size_chain(ictx *ic)
{
	const ip_target *t = ic->t;
	chain c = { .what = "size", .verb = NULL };
	c.v[REF] = u64_text(ic->ctx->arena, &t->size);
	c.span[REF] = t->size.span;
	c.origin = t->size_origin ? t->size_origin : t->source ? t->source : "given";
	c.v[SRV] = u64_text(ic->ctx->arena, &t->server.size);
	if (ic->listed) {
		c.v[DEV] = u64_text(ic->ctx->arena, &ic->listed->size);
		c.span[DEV] = ic->listed->size.span;
	}
	chain_report(ic, &c);
}

/* --- missing pieces -------------------------------------------------------- */

static void device_unknown(ictx *ic)
{
	const ip_target *t = ic->t;
	const char *verb = t->md5 || !t->sha512 ? "md5" : "sha512";
	const char *ref = t->md5 ? t->md5 : t->sha512 ? t->sha512 : "<published-hash>";
	const ip_verification *p = ic->pending;
	ip_finding *f;
	if (p && p->result == IP_VERIFY_INCOMPLETE)
		f = ip_report_weak(ic->out, ip_subj_target(),
				   p->span, "the captured `verify` of %s stops before its "
				   "result: the device's hash is unknown, not a pass", ic->where);
	else if (p)
		f = ip_report_weak(ic->out, ip_subj_target(),
				   p->span, "`verify` could not read %s%s%s%s: the device's "
				   "hash is unknown", ic->where, p->reason ? " (" : "",
				   p->reason ? p->reason : "", p->reason ? ")" : "");
	else if (!ic->listed)
		return; /* not copied yet: nothing on the device to verify */
	else if (ic->other)
		f = ip_report_weak(ic->out, ip_subj_target(),
				   ic->other->span, "the captured `verify` is of %s, not of "
				   "the target %s: the target's hash on the device is unknown",
				   ic->other->file.raw, ic->where);
	else
		f = ip_report_weak(ic->out, ip_subj_target(),
				   ic->listed->span, "%s is on flash but no `verify /%s` of "
				   "it was captured: its hash on the device is unknown", ic->where,
				   verb);
	ip_finding_capture(ic->out, f, ip_arena_printf(ic->ctx->arena, "verify /%s %s %s", verb,
							 ic->where, ref));
}

static void no_reference(ictx *ic)
{
	const ip_target *t = ic->t;
	ip_finding *f = ip_report(ic->out, ip_subj_target(),
				  t->span, "no reference hash for %s: an image without a "
				  "reference hash cannot be verified (give --md5 or --sha512 from "
				  "the download page, or list it in a --catalog)", t->name);
	ip_finding_capture(ic->out, f, ip_arena_printf(ic->ctx->arena, "verify /md5 %s", ic->where));
	ip_finding_fix(ic->out, f, "verify /md5 %s <published-md5>", ic->where);
	ic->reported = true;
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	if (!t)
		return;
	const char *fs = ip_target_fs(ctx);
	ictx ic = { .ctx = ctx, .out = out, .t = t, .fs = fs };
	ic.where = ip_arena_printf(ctx->arena, "%s%s", fs ? fs : "flash:", t->name);
	ic.listed = ip_fs_file(ip_fs_listing(ctx, fs), t->name);
	verifications_scan(&ic);
	if (!t->md5 && !t->sha512)
		no_reference(&ic);
	hash_chain(&ic, IP_HASH_MD5);
	hash_chain(&ic, IP_HASH_SHA512);
	size_chain(&ic);
	if (!ic.reported && !ic.ver[IP_HASH_MD5] && !ic.ver[IP_HASH_SHA512])
		device_unknown(&ic);
}

const ip_rule rule_image_integrity = { "image-integrity", IP_SEV_ERROR, check, IP_REPAIR_RECOPY };
