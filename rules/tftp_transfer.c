/* tftp-transfer: an image larger than plain TFTP carries (DOMAIN.md §7).
 * TFTP numbers 512-byte blocks with 16 bits: 65,535 blocks are 33,553,920
 * bytes (opts->tftp_limit_bytes). Bigger files need the blocksize option
 * (`ip tftp blocksize 8192` raises the limit to 65,535 x 8,192 bytes) or
 * block-number rollover, which old servers and some IOS releases lack;
 * beyond 65,535 x 8,192 bytes only rollover helps, so the advice there is a
 * copy over SCP (or HTTP/FTP).
 *
 * What is known, and so all the message says (issue 20, point 15): the
 * limits are the protocol's and each implementation's, not a law. IOS
 * itself once stopped at 16 MB, fixed by CSCds46280 (Cisco FN13026,
 * http://www.cisco.com/en/US/ts/fn/100/fn13026.html); Cat3k/Cat9k images
 * of 300 MB to 1 GB are fetched over TFTP with `ip tftp blocksize 8192`
 * in ZTP scripts, beyond 65,535 x 8,192 bytes, so block-number rollover
 * (or the server's negotiation) happens there (DOMAIN.md section 7;
 * genielibs sdk apis/iosxe/platform/configure.py
 * configure_ip_tftp_blocksize: 512 to 8192 bytes). Which releases and
 * servers roll over is UNCONFIRMED: the message says "unless", and the
 * planner raises the block size when TFTP is chosen anyway.
 *
 * Decisions: the size comes from the target only (--size, a catalogue);
 * unknown is silent, as is an image already on the filesystem it goes to
 * (nothing to transfer). Whether the transfer will use TFTP at all is not in
 * any capture, so the finding points at the capture line closest to it:
 *
 *   ip tftp source-interface GigabitEthernet0/0      (the config sets TFTP up)
 *   System image file is "flash:c2960x-…152-7.E8.bin" (the image it replaces)
 *
 * and the target's own line (a catalogue entry) is a related location.
 * It used to point at the target alone: with a catalogue every device's
 * finding sat on one images.yaml line, outside the device's captures, so
 * an editor showed it on the catalogue and the audit on no capture
 * (issue 23, point 9). Line 0 only when neither is known. */
#include "rule.h"
#include "target_fs.h"

#define BIG_BLOCK 8192ull
#define MAX_BLOCKS 65535ull

/* The capture line the finding is pinned to (header comment). */
static ip_span pin(const ip_device *d, const ip_target *t)
{
	if (d->tftp_source_if.s && ip_span_known(d->tftp_source_if.span))
		return d->tftp_source_if.span;
	if (ip_span_known(d->system_image.span))
		return d->system_image.span;
	return t->span;
}

static void related_target(ip_findings *out, ip_finding *f, const ip_target *t, ip_span at)
{
	if (ip_span_known(t->span) && (t->span.file != at.file || t->span.line != at.line))
		ip_finding_related(out, f, t->span, "the target %s and its size", t->name);
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	const ip_target *t = ctx->target;
	if (!t || !t->size.known || t->size.v <= ctx->opts->tftp_limit_bytes)
		return;
	const char *fs = ip_target_fs(ctx);
	if (ip_fs_file(ip_fs_listing(ctx, fs), t->name))
		return;
	const char *dst = fs ? fs : "flash:";
	unsigned long long size = t->size.v, limit = ctx->opts->tftp_limit_bytes;
	ip_span at = pin(ctx->dev, t);
	ip_finding *f;
	if (size <= MAX_BLOCKS * BIG_BLOCK) {
		f = ip_report(out, ip_subj_transfer(),
			      at, "%s is %llu bytes, more than the %llu bytes TFTP "
			      "carries with its default 512-byte blocks unless the device and "
			      "the server roll the block number over (many IOS 15 releases and "
			      "servers do, not all): raise the TFTP block size or copy it with "
			      "SCP", t->name, size, limit);
		related_target(out, f, t, at);
		ip_finding_fix(out, f, "configure terminal");
		ip_finding_fix(out, f, "ip tftp blocksize 8192");
		ip_finding_fix(out, f, "end");
		return;
	}
	f = ip_report(out, ip_subj_transfer(),
		      at, "%s is %llu bytes, more than TFTP carries even with "
		      "8192-byte blocks (%llu bytes) unless the device and the server roll the "
		      "block number over: copy it with SCP, HTTP or FTP",
		      t->name, size, MAX_BLOCKS * BIG_BLOCK);
	related_target(out, f, t, at);
	ip_finding_fix(out, f, "copy scp://user@server/%s %s", t->name, dst);
}

const ip_rule rule_tftp_transfer = { "tftp-transfer", IP_SEV_WARNING, check, IP_REPAIR_TRANSFER };
