/* The documented expect forms (plan_expect.def) and their matcher. */
#include "plan_expect.h"

#include <ctype.h>
#include <string.h>

static const ip_expect_row rows[IP_EXPECT_COUNT] = {
	[IP_EXPECT_QUOTED] = { "quoted", NULL, "a capture's own text, at its span" },
#define X(e, id, pattern, source) [IP_EXPECT_##e] = { id, pattern, source },
#include "plan_expect.def"
#undef X
};

const ip_expect_row *ip_expect_row_of(int f)
{
	return f > IP_EXPECT_QUOTED && f < IP_EXPECT_COUNT ? &rows[f] : NULL;
}

static bool in_class(char kind, unsigned char c)
{
	switch (kind) {
	case 'n': return isdigit(c);
	case 'h': return isxdigit(c);
	case 't': return c > ' ';
	default: return c != '\0';
	}
}

/* p from its start against s: a placeholder takes one or more characters
 * of its class, as few as the rest allows (lines are short: a plan's
 * expect lines are one screen line). */
static bool match(const char *p, const char *s)
{
	if (!*p)
		return !*s;
	if (*p == '{') {
		const char *close = strchr(p, '}');
		char kind = !strncmp(p, "{n}", 3) ? 'n' : !strncmp(p, "{hex}", 5) ? 'h'
			    : !strncmp(p, "{tok}", 5) ? 't' : 'x';
		if (close && (kind != 'x' || !strncmp(p, "{text}", 6))) {
			for (size_t i = 0; in_class(kind, (unsigned char)s[i]); i++)
				if (match(close + 1, s + i + 1))
					return true;
			return false;
		}
	}
	return *p == *s && match(p + 1, s + 1);
}

bool ip_expect_matches(int f, const char *line)
{
	const ip_expect_row *r = ip_expect_row_of(f);
	return r && line && match(r->pattern, line);
}
