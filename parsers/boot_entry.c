/* placeholder: being written */
#include "parsers.h"
void boot_entry_parse(ip_boot_entry *out, ip_arena *a, const char *text,
		      size_t len, ip_span span)
{
	out->raw = ip_arena_strndup(a, text, len);
	out->span = span;
}
