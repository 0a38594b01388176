/* The uptime show version prints, in minutes:
 *
 *   NetsTuts_R1 uptime is 2 days, 4 hours, 47 minutes
 *   C1900 uptime is 2 weeks, 2 days, 18 hours, 23 minutes
 *   R1 uptime is 1 year, 10 weeks, 3 days, 5 hours, 6 minutes
 *   R1 uptime is 12 minutes
 *
 * A year is taken as 365 days: IOS prints whole units, and the clean-up
 * soak is counted in hours, so the day lost per leap year does not matter.
 * Any other word, or a number that overflows, makes the whole text
 * unreadable: never a partial sum. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "device.h"

static const struct {
	const char *unit;
	uint64_t minutes;
} units[] = {
	{ "year", 365u * 24 * 60 }, { "week", 7u * 24 * 60 }, { "day", 24u * 60 },
	{ "hour", 60 }, { "minute", 1 }, { "second", 0 },
};

/* The minutes in one "<n> <unit>" part; false if it is not one. */
static bool part(const char *s, size_t n, uint64_t *out)
{
	size_t i = 0;
	uint64_t v = 0;
	while (i < n && isdigit((unsigned char)s[i])) {
		unsigned d = (unsigned)(s[i++] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (i == 0 || i >= n || s[i] != ' ')
		return false;
	const char *w = s + i + 1;
	size_t wl = n - i - 1;
	if (wl > 1 && w[wl - 1] == 's')
		wl--;
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++)
		if (strlen(units[u].unit) == wl && strncasecmp(w, units[u].unit, wl) == 0)
			return !__builtin_mul_overflow(v, units[u].minutes, out);
	return false;
}

bool ip_uptime_minutes(const char *text, uint64_t *minutes)
{
	uint64_t total = 0;
	size_t parts = 0;
	const char *p = text;
	while (p && *p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, ",");
		while (n && p[n - 1] == ' ')
			n--;
		uint64_t m;
		if (!part(p, n, &m) || __builtin_add_overflow(total, m, &total))
			return false;
		parts++;
		p = strchr(p, ',');
		if (p)
			p++;
	}
	if (!parts)
		return false;
	*minutes = total;
	return true;
}
