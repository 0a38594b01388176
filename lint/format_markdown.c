/* placeholder: being written */
#include "format.h"
static void *begin(FILE *out, const ip_lint_result *r) { (void)out; (void)r; return NULL; }
static void device(void *st, const ip_device_check *c) { (void)st; (void)c; }
static void finding(void *st, const ip_device_check *c, const ip_finding *f) { (void)st; (void)c; (void)f; }
static void end(void *st) { (void)st; }
const ip_writer format_markdown = { "markdown", begin, device, finding, end };
