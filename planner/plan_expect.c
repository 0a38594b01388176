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

/* p from its start against s, whole. Literal text is compared in a loop;
 * a placeholder takes one or more characters of its class and is tried
 * only where the literal after it starts (this runs on every expect line
 * of every plan the proof checks: bench/budgets, plan-ir). */
static bool match(const char *p, const char *s)
{
	while (*p != '{') {
		if (*p != *s)
			return false;
		if (!*p)
			return true;
		p++, s++;
	}
	/* the table's own placeholders, told apart by their letters */
	char kind = p[1] == 'n' ? 'n' : p[1] == 'h' ? 'h' : p[2] == 'o' ? 't' : 'x';
	const char *rest = p + (kind == 'n' ? 3 : kind == 'x' ? 6 : 5);
	if (!*rest) { /* the line's end: the rest of it all of the class */
		size_t i = 0;
		while (in_class(kind, (unsigned char)s[i]))
			i++;
		return i > 0 && !s[i];
	}
	for (size_t i = 0; in_class(kind, (unsigned char)s[i]); i++)
		if (s[i + 1] == *rest && match(rest, s + i + 1))
			return true;
	return false;
}

bool ip_expect_matches(int f, const char *line)
{
	const ip_expect_row *r = ip_expect_row_of(f);
	return r && line && match(r->pattern, line);
}
