/* network-boot: the first boot entry the next reload tries loads its image
 * over the network (issue #20 point 7).
 *
 *   boot system tftp c2900-universalk9-mz.SPA.157-3.M8.bin 10.1.1.1
 *   boot system flash0:c2900-universalk9-mz.SPA.154-3.M10.bin
 *   BOOT path-list      : tftp://10.1.0.41/c2960x-universalk9-mz.152-7.E8.bin
 *
 * IOS tries the boot entries in the order the configuration (or the BOOT
 * variable) lists them, and `boot system {tftp|ftp|rcp} filename
 * [ip-address]` or a URL loads the image from that server (Cisco IOS
 * Configuration Fundamentals Command Reference, "boot system",
 * http://cisco.com/en/US/docs/ios-xml/ios/fundamentals/command/A_through_B.html;
 * BOOT variable order: Catalyst 6000 guide, "Understanding the BOOT
 * Environment Variable", https://manualshive.com/ru/manual/cisco/ws-x6148-fe-sfp-classic-interface-module-switch/66369?page=527).
 * So the next reload depends on that server being up and reachable from a
 * device that has no routing yet, and boots an image no `verify` on the
 * device has ever checked.
 *
 * Which entry the reload tries first is the boot simulator's verdict
 * (IP_VERDICT_NETWORK on the entry that decided; the entries before it are
 * skipped): the rule never walks the list itself. A network entry after a
 * local image that boots is never reached, so it is not reported here (a
 * network entry is no known-good fallback either: boot-fallback's
 * business). A `boot system mop` entry is a network boot too (from a MOP
 * server named by its MAC address). The finding's subject is the boot entry,
 * with the server in its `name`. The fix keeps the local images of the list
 * (or the running image) and drops the network entry. */
#include "boot_facts.h"

/* The verdict of the entry the reload tries first when it is a network one. */
static const ip_boot_verdict *network_first(const ip_boot_prediction *p)
{
	for (size_t i = 0; i < p->n_verdicts; i++) {
		const ip_boot_verdict *v = &p->verdicts[i];
		if (v->kind == IP_VERDICT_NETWORK)
			return v;
		if (!ip_boot_verdict_skips(v->kind))
			return NULL; /* a local image, ROM or an unknown decided */
	}
	return NULL;
}

/* The list without its network entries: the later entries the simulator
 * says boot, else the running image where the listing shows it. */
static void fix(const ip_rule_ctx *ctx, ip_findings *out, ip_finding *f,
		const ip_boot_verdict *first)
{
	const ip_boot_prediction *p = ctx->next_boot;
	const char **paths = ip_arena_alloc(ctx->arena, (p->n_verdicts + 1) * sizeof(*paths));
	size_t n = 0;
	for (size_t i = first->index + 1; i < p->n_verdicts; i++) {
		const ip_boot_verdict *v = &p->verdicts[i];
		if (v->alone == IP_VERDICT_BOOTS && v->entry->kind == IP_BOOT_FILE)
			paths[n++] = boot_entry_text(ctx, v->entry);
	}
	const char *run = boot_running_name(ctx);
	if (!n && run) {
		boot_file bf;
		boot_file_find(&bf, ctx, ctx->dev->system_image.filesystem,
			       ctx->dev->system_image.path);
		if (bf.state == BOOT_FILE_PRESENT)
			paths[n++] = ip_arena_printf(ctx->arena, "%s%s", bf.fs->name,
						     bf.file->name);
	}
	if (n)
		boot_fix_list(out, f, ctx, paths, n, true);
}

static void check(const ip_rule_ctx *ctx, ip_findings *out)
{
	boot_source src;
	boot_source_next(&src, ctx);
	const ip_boot_verdict *v = network_first(ctx->next_boot);
	if (!src.list || !v || ctx->next_boot->verdict_list != src.list)
		return;
	const ip_boot_entry *e = v->entry;
	ip_subject s = ip_subj_entry(ctx->dev, src.list, e);
	s.name = e->server;
	const char *server = e->server ? ip_arena_printf(ctx->arena, "the server %s", e->server)
				       : "a server the entry does not name (a broadcast)";
	const char *skipped = v->index ? ip_arena_printf(ctx->arena, " after %zu skipped",
							 v->index)
				       : "";
	ip_finding *f = ip_report(out, s, e->span,
				  "the first %s entry the next reload tries%s, %s, loads %s "
				  "over the network from %s: the reload depends on that server "
				  "and boots an image nobody verified on the device",
				  src.name, skipped, e->raw, e->path ? e->path : "an image",
				  server);
	for (size_t i = v->index + 1; i < ctx->next_boot->n_verdicts; i++)
		if (ctx->next_boot->verdicts[i].alone == IP_VERDICT_BOOTS) {
			ip_finding_related(out, f, ctx->next_boot->verdicts[i].span,
					   "tried only if the network load fails");
			break;
		}
	fix(ctx, out, f, v);
}

const ip_rule rule_network_boot = { "network-boot", IP_SEV_WARNING, check, IP_REPAIR_BOOT_LIST };
