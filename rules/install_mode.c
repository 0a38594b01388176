/* placeholder: being written */
#include "rule.h"
static void check(const ip_rule_ctx *ctx, ip_findings *out) { (void)ctx; (void)out; }
const ip_rule rule_install_mode = { "install-mode", IP_SEV_WARNING, check };
