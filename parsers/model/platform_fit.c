#include "platform_fit.h"

#include <string.h>
#include <strings.h>

#include "fs_model.h"

size_t ip_platform_fit(const char *text, const ip_device *dev, const ip_platform *p)
{
	size_t n = strlen(text);
	if (dev->platform.s && strncasecmp(dev->platform.s, text, n) == 0)
		return 2 + n;
	if (p && ((p->series && strcasecmp(p->series, text) == 0) ||
		  ip_fs_word_in(p->image_platforms, text)))
		return 1;
	return 0;
}
