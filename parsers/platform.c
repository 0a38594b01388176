/* placeholder: being written */
#include <string.h>
#include "platform.h"
void ip_platform_classify(ip_platform *out, const ip_device *dev) { (void)dev; memset(out, 0, sizeof(*out)); }
const char *ip_family_name(ip_family f) { (void)f; return "unknown"; }
int ip_platform_image_fits(const ip_platform *p, const char *image_platform) { (void)p; (void)image_platform; return -1; }
