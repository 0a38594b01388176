/* When a capture was taken, from what the capture itself says, so that two
 * files of one device that disagree can be ordered by age rather than by
 * their place on the command line (merge.c). Three kinds of evidence, best
 * first:
 *
 *   09:31:10.123 UTC Mon Mar 5 2026             show clock
 *   *09:31:10.123 UTC Mon Mar 5 2026            show clock, clock not set
 *   Time source is NTP, .08:55:28.918 UTC Mon Mar 13 2023
 *                                               exec prompt timestamp
 *   System restarted at 12:03:55 UTC Fri Mar 6 2026
 *                                               show version
 *   the file's modification time                last resort
 *
 * RANCID and Oxidized backups carry none of the first three, so that their
 * diffs stay quiet: Oxidized keeps a few chosen show version lines (no
 * uptime, no restart time) and cuts the first three lines of the running
 * configuration, "! Last configuration change at …" among them
 * (ytti/oxidized, lib/oxidized/model/ios.rb); RANCID drops the "Load for"
 * and "Time source is" lines and the "! Last configuration change" line
 * (its filtering as re-implemented in jskoetsier/gorancid,
 * pkg/parse/ios/ios.go). Oxidized's commit time lives in its git
 * repository, not in the file, and a checkout stamps every file alike. So
 * a backup is ordered by its file time or by a show clock captured beside
 * it.
 *
 * The uptime alone is not used: a disagreement on the running image
 * usually means a reload happened between the two captures, and then the
 * later capture shows the SHORTER uptime. */
#ifndef IOSPLAN_CAPTURE_TIME_H
#define IOSPLAN_CAPTURE_TIME_H

#include <stdbool.h>
#include <stdint.h>

#include "capture.h"

/* A wall-clock moment a capture states: seconds since 1970 as printed (in
 * the zone printed; moments in two different zones are not compared). */
typedef struct ip_capture_stamp {
	bool known;
	bool unsynced;  /* show clock's leading '*': the clock was never set */
	int64_t t;
	char zone[8];
	ip_span at;
} ip_capture_stamp;

typedef struct ip_capture_time {
	ip_capture_stamp clock;   /* the latest show clock / prompt timestamp */
	ip_capture_stamp restart; /* the latest "System restarted at" */
	bool has_mtime;
	int64_t mtime;
} ip_capture_time;

/* Which evidence ordered two captures. */
typedef enum ip_order_basis {
	IP_ORDER_NONE,    /* nothing orders them */
	IP_ORDER_TIE,     /* both clocks name the same second */
	IP_ORDER_CLOCK,
	IP_ORDER_RESTART,
	IP_ORDER_MTIME,
} ip_order_basis;

/* Files written less than this many seconds apart are not ordered by their
 * modification times: a copy, an unpack or a git checkout writes a whole
 * folder within seconds, and says nothing about when each was captured.
 * An assumption (docs/input.md, "Files that disagree"). */
#define IP_MTIME_SLACK_SECONDS 60

/* Reads c's lines (and the modification time ip_capture_read stored). */
void ip_capture_time_read(ip_capture_time *out, const ip_capture *c);

/* > 0 when a is newer than b, < 0 when older, 0 when nothing orders them;
 * *basis says which evidence decided (or IP_ORDER_TIE / IP_ORDER_NONE). */
int ip_capture_time_order(const ip_capture_time *a, const ip_capture_time *b,
			  ip_order_basis *basis);

/* "Mon Mar 5 2026" style parts -> seconds since 1970 (proleptic Gregorian,
 * no leap seconds); false for an impossible date. Exposed for the tests. */
bool ip_capture_time_civil(int64_t *out, int year, int month, int day, int h, int m, int s);

#endif
