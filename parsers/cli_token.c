/* The device CLI's alphabet; see cli_token.h for the reasons. */
#include "cli_token.h"

#include <assert.h>
#include <stdio.h>

static const char *name_of(unsigned char c)
{
	switch (c) {
	case '\n': return " (a line break)";
	case '\r': return " (a carriage return: Enter)";
	case '\t': return " (a tab: completion)";
	case 0x1a: return " (^Z: leaves configuration mode)";
	case 0x1b: return " (ESC: a terminal escape)";
	case 0x7f: return " (DEL)";
	case '?': return " (IOS shows help where ? is typed)";
	case ' ': return " (a space: two arguments)";
	default: return c >= 0x80 ? " (not ASCII: the IOS CLI is ASCII)" : " (a control character)";
	}
}

static bool allowed(unsigned char c, ip_cli_kind kind)
{
	if (kind == IP_CLI_TEXT) /* UTF-8 is fine in a comment; C0, DEL and C1 are not */
		return c >= 0x20 && c != 0x7f;
	if (c == ' ')
		return kind == IP_CLI_LINE;
	return c > 0x20 && c < 0x7f && c != '?';
}

const char *ip_cli_check(const char *s, ip_cli_kind kind, char *buf, size_t n)
{
	assert(n >= IP_CLI_WHY_SIZE); /* the reason is never cut */
	const unsigned char *p = (const unsigned char *)s;
	if (kind == IP_CLI_TOKEN && !*p) {
		snprintf(buf, n, "it is empty");
		return buf;
	}
	for (size_t i = 0; p[i]; i++) {
		/* C1 controls as UTF-8: C2 80..C2 9F */
		bool c1 = p[i] == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f;
		if (c1)
			snprintf(buf, n, "U+00%02X (a C1 control: a terminal escape) at offset %zu",
				 p[i + 1], i);
		else if (!allowed(p[i], kind))
			snprintf(buf, n, "byte 0x%02X%s at offset %zu", p[i], name_of(p[i]), i);
		else
			continue;
		return buf;
	}
	return NULL;
}
