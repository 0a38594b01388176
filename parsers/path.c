/* Filesystem-qualified paths as IOS prints them:
 *   flash:c2960-lanbasek9-mz.152-7.E9.bin
 *   flash:/c3560-advipservicesk9-mz.122-44.SE.bin     (leading slash)
 *   flash0:/vios-adventerprisek9-m
 *   flash:c2960l-universalk9-mz.152-7.E2/c2960l-universalk9-mz.152-7.E2.bin
 *   tftp://10.1.6.241//auto/cat3k_caa-universalk9.SSA.bin
 *   c2960-lanbasek9-mz.152-7.E9.bin                   (no filesystem)
 * The filesystem is kept lower-case with its colon; the path loses the
 * leading slashes of a local filesystem (IOS treats "flash:/x" and
 * "flash:x" as the same file). */
#include <ctype.h>
#include <string.h>

#include "parsers.h"

static size_t fs_prefix_len(const char *t, size_t len)
{
	if (len == 0 || !isalpha((unsigned char)t[0]))
		return 0;
	for (size_t i = 1; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == ':')
			return i + 1;
		if (!isalnum(c) && c != '-' && c != '_')
			return 0;
	}
	return 0;
}

void ip_path_split(ip_path *out, ip_arena *a, const char *text, size_t len)
{
	while (len && isspace((unsigned char)*text)) {
		text++;
		len--;
	}
	while (len && isspace((unsigned char)text[len - 1]))
		len--;
	if (len >= 2 && text[0] == '"' && text[len - 1] == '"') {
		text++;
		len -= 2;
	}
	out->raw = ip_arena_strndup(a, text, len);
	out->filesystem = NULL;
	size_t fl = fs_prefix_len(text, len);
	const char *rest = text;
	size_t rlen = len;
	if (fl) {
		char *fs = ip_arena_strndup(a, text, fl);
		for (char *p = fs; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		out->filesystem = fs;
		rest = text + fl;
		rlen = len - fl;
		/* all of them: "tftp://host/x" keeps "host/x" (callers split a
		 * URL from raw), and "flash:////x" is "x" like "flash:/x" (found by
		 * the parsers fuzzer: two were taken off, as if for a URL) */
		while (rlen && rest[0] == '/') {
			rest++;
			rlen--;
		}
	}
	out->path = ip_arena_strndup(a, rest, rlen);
}
