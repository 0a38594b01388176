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
 * any capture, so the finding points at the target (line 0 when it was
 * given on the command line). */
#include "rule.h"
#include "target_fs.h"

#define BIG_BLOCK 8192ull
#define MAX_BLOCKS 65535ull

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
	ip_finding *f;
	if (size <= MAX_BLOCKS * BIG_BLOCK) {
		f = ip_report(out, ip_subj_transfer(),
			      t->span, "%s is %llu bytes, more than the %llu bytes TFTP "
			      "carries with its default 512-byte blocks unless the device and "
			      "the server roll the block number over (many IOS 15 releases and "
			      "servers do, not all): raise the TFTP block size or copy it with "
			      "SCP", t->name, size, limit);
		ip_finding_fix(out, f, "configure terminal");
		ip_finding_fix(out, f, "ip tftp blocksize 8192");
		ip_finding_fix(out, f, "end");
		return;
	}
	f = ip_report(out, ip_subj_transfer(),
		      t->span, "%s is %llu bytes, more than TFTP carries even with "
		      "8192-byte blocks (%llu bytes) unless the device and the server roll the "
		      "block number over: copy it with SCP, HTTP or FTP",
		      t->name, size, MAX_BLOCKS * BIG_BLOCK);
	ip_finding_fix(out, f, "copy scp://user@server/%s %s", t->name, dst);
}

const ip_rule rule_tftp_transfer = { "tftp-transfer", IP_SEV_WARNING, check, IP_REPAIR_TRANSFER };
