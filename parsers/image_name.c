/* placeholder: being written */
#include <string.h>
#include "image_name.h"
bool ip_image_name_parse(ip_image_name *out, const char *path, size_t len) { (void)path; (void)len; memset(out, 0, sizeof(*out)); return false; }
bool ip_image_name_bootable(const char *path) { (void)path; return false; }
