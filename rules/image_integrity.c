/* placeholder: being written */
#include "rule.h"
static void check(const ip_rule_ctx *ctx, ip_findings *out) { (void)ctx; (void)out; }
const ip_rule rule_image_integrity = { "image-integrity", IP_SEV_WARNING, check };
