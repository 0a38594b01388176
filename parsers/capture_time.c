/* When a capture was taken (capture_time.h). The forms read, with their
 * evidence:
 *
 *   show clock                 "*09:31:10.123 UTC Mon Mar 5 2026"
 *   exec prompt timestamp      "Load for five secs: 2%/0%; one minute: 5%; …"
 *                              "Time source is NTP, 16:10:10.454 JST Tue Nov 8 2016"
 *     ntc-templates' show clock template reads the clock with an optional
 *     leading '*' or '.' and skips the two lines `terminal exec prompt
 *     timestamp` prints before any output (wessrow/go-ntc-templates,
 *     models/cisco_ios_show_clock.go, a copy of ntc-templates'
 *     cisco_ios_show_clock.textfsm); genieparser's fixtures show the same
 *     lines, e.g. "Time source is NTP, .08:55:28.918 UTC Mon Mar 13 2023"
 *     and "Time source is NTP, *12:33:45.355 EST Fri Feb 7 2020"
 *     (CiscoTestAutomation/genieparser, iosxe show_platform and ShowClock
 *     parsers). '*' means the clock is not authoritative, '.' that it is
 *     set but not synchronised.
 *   show version               "System restarted at 12:03:55 UTC Fri Mar 6 2026"
 *     (samples/traps/register-2142.log, genieparser ShowVersion goldens)
 *
 * A restart time orders two captures of one device: a capture that shows
 * an earlier restart was taken before the later restart happened, and the
 * capture that shows the later restart after it. */
#include <stdio.h>
#include <string.h>

#include "capture_time.h"

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

bool ip_capture_time_civil(int64_t *out, int year, int month, int day, int h, int m, int s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 ||
	    day > mdays[month - 1] || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 60)
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (month == 2 && day == 29 && !leap)
		return false;
	/* days from civil (H. Hinnant's algorithm), March-based years */
	int64_t y = year - (month <= 2);
	int64_t era = y / 400, yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	int64_t d = era * 146097 + doe - 719468;
	*out = d * 86400 + h * 3600 + m * 60 + s;
	return true;
}

static int word_index(const char *w, size_t n, const char *const *set, int k)
{
	for (int i = 0; i < k; i++)
		if (n == 3 && memcmp(w, set[i], 3) == 0)
			return i;
	return -1;
}

/* "HH:MM:SS[.fff] ZONE DOW MON D YYYY" filling the whole of s[0, n). */
static bool stamp_parse(ip_capture_stamp *st, const char *s, size_t n)
{
	char buf[96], zone[16], dow[8], mon[8];
	int h, mi, sec, day, year, end = 0;
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	bool unsynced = buf[0] == '*';
	const char *p = buf + (buf[0] == '*' || buf[0] == '.');
	if (p[0] < '0' || p[0] > '9')
		return false;
	char frac[8] = "";
	if (sscanf(p, "%2d:%2d:%2d%n", &h, &mi, &sec, &end) != 3)
		return false;
	p += end;
	if (*p == '.' && sscanf(p, ".%7[0-9]%n", frac, &end) == 1)
		p += end;
	end = 0;
	if (sscanf(p, " %15s %7s %7s %2d %4d%n", zone, dow, mon, &day, &year, &end) != 5 ||
	    p[end] != '\0' || strlen(zone) >= sizeof(st->zone))
		return false;
	int month = word_index(mon, strlen(mon), months, 12);
	if (month < 0 || word_index(dow, strlen(dow), days, 7) < 0 ||
	    !ip_capture_time_civil(&st->t, year, month + 1, day, h, mi, sec))
		return false;
	st->known = true;
	st->unsynced = unsynced;
	memcpy(st->zone, zone, strlen(zone) + 1);
	return true;
}

#define STARTS(l, lit) ((l)->len > sizeof(lit) - 1 && memcmp((l)->text, (lit), sizeof(lit) - 1) == 0)

/* The later of two stamps in one file: a session log may hold several. */
static void keep_latest(ip_capture_stamp *have, const ip_capture_stamp *cand)
{
	if (!have->known || strcmp(have->zone, cand->zone) != 0 || cand->t >= have->t)
		*have = *cand;
}

static void line_read(ip_capture_time *t, const ip_line *l, const char *file)
{
	size_t off = 0;
	while (off < l->len && l->text[off] == ' ')
		off++;
	const char *s = l->text + off;
	size_t n = l->len - off;
	ip_capture_stamp st = { 0 };
	ip_line rest = { .text = s, .len = (uint32_t)n };
	if (n && ((s[0] >= '0' && s[0] <= '9') || s[0] == '*' || s[0] == '.') && n < 64) {
		if (stamp_parse(&st, s, n)) {
			st.at = ip_line_span(l, file, off, l->len);
			keep_latest(&t->clock, &st);
		}
	} else if (STARTS(&rest, "Time source is ")) {
		const char *comma = memchr(s, ',', n);
		if (comma && comma + 2 < s + n && comma[1] == ' ' &&
		    stamp_parse(&st, comma + 2, (size_t)(s + n - comma - 2))) {
			st.at = ip_line_span(l, file, (size_t)(comma + 2 - l->text), l->len);
			keep_latest(&t->clock, &st);
		}
	} else if (STARTS(&rest, "System restarted at ")) {
		size_t k = sizeof("System restarted at ") - 1;
		if (stamp_parse(&st, s + k, n - k)) {
			st.at = ip_line_span(l, file, off + k, l->len);
			keep_latest(&t->restart, &st);
		}
	}
}

void ip_capture_time_read(ip_capture_time *out, const ip_capture *c)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < c->n_lines; i++)
		line_read(out, &c->lines[i], c->path);
	out->has_mtime = c->has_mtime;
	out->mtime = c->mtime;
}

static bool comparable(const ip_capture_stamp *a, const ip_capture_stamp *b)
{
	return a->known && b->known && strcmp(a->zone, b->zone) == 0;
}

static int sign(int64_t d)
{
	return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/* The best evidence both captures carry decides. Two clocks that name the
 * same second are a tie a weaker fact must not break; an equal restart
 * only says both were taken in one boot, so the next evidence may decide. */
int ip_capture_time_order(const ip_capture_time *a, const ip_capture_time *b,
			  ip_order_basis *basis)
{
	if (comparable(&a->clock, &b->clock)) {
		*basis = a->clock.t == b->clock.t ? IP_ORDER_TIE : IP_ORDER_CLOCK;
		return sign(a->clock.t - b->clock.t);
	}
	if (comparable(&a->restart, &b->restart) && a->restart.t != b->restart.t) {
		*basis = IP_ORDER_RESTART;
		return sign(a->restart.t - b->restart.t);
	}
	if (a->has_mtime && b->has_mtime &&
	    (a->mtime - b->mtime > IP_MTIME_SLACK_SECONDS ||
	     b->mtime - a->mtime > IP_MTIME_SLACK_SECONDS)) {
		*basis = IP_ORDER_MTIME;
		return sign(a->mtime - b->mtime);
	}
	*basis = IP_ORDER_NONE;
	return 0;
}
