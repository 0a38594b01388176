/* placeholder: being written */
#include "rule.h"
static void check(const ip_rule_ctx *ctx, ip_findings *out) { (void)ctx; (void)out; }
const ip_rule rule_alphabetical_boot = { "alphabetical-boot", IP_SEV_WARNING, check };
