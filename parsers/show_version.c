/* placeholder: being written */
#include "parsers.h"
int show_version_parse(ip_device *dev, const ip_section *sec, ip_parse_ctx *ctx)
{
	(void)dev; (void)sec; (void)ctx;
	return 0;
}
