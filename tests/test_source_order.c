/* Two files of one device that disagree on the running version or image
 * (issue 20, point 5): the newer capture wins, by the device clock (show
 * clock, or the "Time source is" line of `terminal exec prompt timestamp`),
 * then show version's restart time, then the files' modification times,
 * whatever the files' order on the command line; when nothing orders them
 * the plan refuses, naming both places. Every case is loaded in both
 * orders and must give the same answer. Captures are built here for three
 * platforms and layouts: a 2960-X whose image lives in its directory
 * (archive download-sw), an ISR G2 on flash0:, an ISR 4331 on bootflash:
 * (IOS-XE), as plain session logs, RANCID and Oxidized backups. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "capture_time.h"
#include "engine.h"
#include "helpers.h"
#include "plan.h"
#include "target.h"

/* --- the platforms ---------------------------------------------------------------- */

typedef struct platform {
	const char *host, *family, *software, *model, *old_image, *new_image, *old_ver, *new_ver;
	bool xe;
} platform;

static const platform c2960x = {
	"ACC-SW-07", "C2960X", "C2960X-UNIVERSALK9-M", "WS-C2960X-48FPD-L",
	"flash:/c2960x-universalk9-mz.152-7.E8/c2960x-universalk9-mz.152-7.E8.bin",
	"flash:/c2960x-universalk9-mz.152-7.E9/c2960x-universalk9-mz.152-7.E9.bin",
	"15.2(7)E8", "15.2(7)E9", false,
};
static const platform isr_g2 = {
	"BR-2911-04", "C2900", "C2900-UNIVERSALK9-M", "CISCO2911/K9",
	"flash0:c2900-universalk9-mz.SPA.154-3.M10.bin",
	"flash0:c2900-universalk9-mz.SPA.157-3.M8.bin", "15.4(3)M10", "15.7(3)M8", false,
};
static const platform isr4k = {
	"WAN-EDGE-R7", "ISR", "X86_64_LINUX_IOSD-UNIVERSALK9-M", "ISR4331/K9",
	"bootflash:isr4300-universalk9.16.09.06.SPA.bin",
	"bootflash:isr4300-universalk9.17.06.05.SPA.bin", "16.9.6", "17.6.5", true,
};

/* --- the captures ------------------------------------------------------------------ */

typedef enum { PLAIN, RANCID, OXIDIZED } src_kind;

typedef struct source {
	src_kind kind;
	bool newer_image;  /* the new image runs in this capture, else the old */
	const char *stamp; /* lines printed before show version (show clock, or
			    * the prompt-timestamp lines), NULL for none */
	const char *restart; /* show version's "System restarted at" time */
	int64_t mtime;       /* 0: none (stdin, an archive member) */
} source;

static const char *ver(const platform *p, bool newer)
{
	return newer ? p->new_ver : p->old_ver;
}

static const char *img(const platform *p, bool newer)
{
	return newer ? p->new_image : p->old_image;
}

/* A session log: the prompt names the device; show version as IOS prints
 * it (samples/split/EDGE-RTR-09/show_version.txt, ntc-templates'
 * cisco_ios show_version fixtures). */
static char *plain(char *buf, size_t n, const platform *p, const source *s)
{
	char xe[128] = "";
	if (p->xe)
		snprintf(xe, sizeof(xe), "Cisco IOS XE Software, Version %s\n",
			 s->newer_image ? "17.06.05" : "16.09.06");
	/* show clock is a command of its own before show version; the prompt
	 * timestamp lines come between a command and its output */
	bool clock_first = s->stamp && strncmp(s->stamp, "Load for", 8) != 0;
	char restart[96] = "";
	if (s->restart)
		snprintf(restart, sizeof(restart), "System restarted at %s\n", s->restart);
	snprintf(buf, n,
		 "%s%s#show version\n"
		 "%s%sCisco IOS Software, %s Software (%s), Version %s, RELEASE SOFTWARE (fc2)\n"
		 "Technical Support: http://www.cisco.com/techsupport\n"
		 "\n"
		 "%s uptime is 3 days, 2 hours, 5 minutes\n"
		 "System returned to ROM by reload\n"
		 "%s"
		 "System image file is \"%s\"\n"
		 "\n"
		 "cisco %s (revision B0) with 524288K bytes of memory.\n"
		 "Processor board ID FOC1932X0AB\n"
		 "Configuration register is 0x%s\n"
		 "%s#\n",
		 clock_first ? s->stamp : "", p->host, s->stamp && !clock_first ? s->stamp : "",
		 xe, p->family, p->software,
		 ver(p, s->newer_image), p->host, restart, img(p, s->newer_image), p->model,
		 p->xe || strcmp(p->family, "C2900") == 0 ? "2102" : "F", p->host);
	return buf;
}

/* RANCID's header (rancid.c): no date, no uptime. */
static char *rancid(char *buf, size_t n, const platform *p, const source *s)
{
	snprintf(buf, n,
		 "!RANCID-CONTENT-TYPE: cisco\n"
		 "!\n"
		 "!Chassis type: %s\n"
		 "!Processor ID: FOC1932X0AB\n"
		 "!Image: Software: %s, %s, RELEASE SOFTWARE (fc2)\n"
		 "!Image: %s\n"
		 "!\n"
		 "config-register 0x2102\n"
		 "!\n"
		 "hostname %s\n"
		 "end\n",
		 p->model, p->software, ver(p, s->newer_image), img(p, s->newer_image), p->host);
	return buf;
}

/* Oxidized's ios.rb comment block (oxidized.c): no date either. */
static char *oxidized(char *buf, size_t n, const platform *p, const source *s)
{
	snprintf(buf, n,
		 "! Cisco IOS%s Software, Version %s\n"
		 "! Image: Software: %s, %s, RELEASE SOFTWARE (fc2)\n"
		 "! Image: %s\n"
		 "! Chassis type: %s\n"
		 "! Processor ID: FOC1932X0AB\n"
		 "!\n"
		 "version 15.2\n"
		 "hostname %s\n"
		 "end\n",
		 p->xe ? " XE" : "", p->xe ? (s->newer_image ? "17.06.05" : "16.09.06")
					    : ver(p, s->newer_image),
		 p->software, ver(p, s->newer_image), img(p, s->newer_image), p->model, p->host);
	return buf;
}

/* --- the cases ------------------------------------------------------------------ */

#define CLOCK(t) "%s#show clock\n" t "\n"
#define NTP(t) "Load for five secs: 2%%/0%%; one minute: 5%%; five minutes: 5%%\nTime source is NTP, " t "\n"

#define DAY (24 * 3600)
#define T0 1772700000 /* 2026-03-05 */

typedef struct order_case {
	const char *name;
	const platform *p;
	source a, b;
	int want;          /* 'a' or 'b': whose image stands; 0: refused */
	const char *basis; /* in the conflict's message */
} order_case;

static const order_case cases[] = {
	{ "2960-X: RANCID newer by file time beats a stale show version", &c2960x,
	  { RANCID, true, NULL, NULL, T0 + 2 * DAY }, { PLAIN, false, NULL, NULL, T0 }, 'a',
	  "modification times" },
	{ "ISR G2: RANCID older by file time loses to a newer session log", &isr_g2,
	  { RANCID, false, NULL, NULL, T0 }, { PLAIN, true, NULL, NULL, T0 + 3600 }, 'b',
	  "modification times" },
	{ "2960-X: show clock in both decides against the file times", &c2960x,
	  { PLAIN, true, CLOCK("*09:31:10.123 UTC Thu Mar 5 2026"), NULL, T0 },
	  { PLAIN, false, CLOCK("16:02:44.001 UTC Mon Mar 2 2026"), NULL, T0 + DAY }, 'a',
	  "device clock" },
	{ "ISR 4331: prompt timestamps (NTP) in both", &isr4k,
	  { PLAIN, false, NTP(".08:55:28.918 UTC Mon Mar 2 2026"), NULL, 0 },
	  { PLAIN, true, NTP("19:16:19.992 UTC Tue Mar 3 2026"), NULL, 0 }, 'b', "device clock" },
	{ "ISR G2: a later restart is a later capture", &isr_g2,
	  { PLAIN, true, NULL, "03:10:12 UTC Mon Mar 2 2026", 0 },
	  { PLAIN, false, NULL, "03:10:12 UTC Mon Jan 20 2025", 0 }, 'a', "restart time" },
	{ "ISR 4331: Oxidized vs a log by file time", &isr4k,
	  { OXIDIZED, true, NULL, NULL, T0 + DAY }, { PLAIN, false, NULL, NULL, T0 }, 'a',
	  "modification times" },
	{ "show clock in one file only, no file times: refused", &c2960x,
	  { PLAIN, true, CLOCK("09:31:10.123 UTC Thu Mar 5 2026"), NULL, 0 },
	  { PLAIN, false, NULL, NULL, 0 }, 0, "nothing says which capture is newer" },
	{ "RANCID vs show version, no times at all: refused", &isr_g2,
	  { RANCID, true, NULL, NULL, 0 }, { PLAIN, false, NULL, NULL, 0 }, 0,
	  "their file times do not order them" },
	{ "file times 20 s apart (a checkout): refused", &c2960x,
	  { RANCID, true, NULL, NULL, T0 + 20 }, { PLAIN, false, NULL, NULL, T0 }, 0,
	  "their file times do not order them" },
	{ "equal clocks: a tie the file times do not break", &isr4k,
	  { PLAIN, true, CLOCK("10:00:00.000 UTC Thu Mar 5 2026"), NULL, T0 + DAY },
	  { PLAIN, false, CLOCK("10:00:00.500 UTC Thu Mar 5 2026"), NULL, T0 }, 0,
	  "both device clocks read" },
	{ "clocks in two zones and no file times: refused", &isr_g2,
	  { PLAIN, true, CLOCK("10:00:00.000 CET Thu Mar 5 2026"), NULL, 0 },
	  { PLAIN, false, CLOCK("09:00:00.000 UTC Thu Mar 5 2026"), NULL, 0 }, 0,
	  "nothing says which capture is newer" },
	{ "clocks in two zones fall back to the file times", &isr_g2,
	  { PLAIN, true, CLOCK("10:00:00.000 CET Thu Mar 5 2026"), NULL, T0 + DAY },
	  { PLAIN, false, CLOCK("09:00:00.000 UTC Thu Mar 5 2026"), NULL, T0 }, 'a',
	  "modification times" },
};

static ip_capture *capture_of(ip_arena *a, const platform *p, const source *s, const char *name)
{
	static char text[4096], stamp[512];
	source t = *s;
	if (s->stamp) { /* the show clock lines carry the prompt */
		snprintf(stamp, sizeof(stamp), s->stamp, p->host);
		t.stamp = stamp;
	}
	if (s->kind == PLAIN)
		plain(text, sizeof(text), p, &t);
	else if (s->kind == RANCID)
		rancid(text, sizeof(text), p, &t);
	else
		oxidized(text, sizeof(text), p, &t);
	ip_capture *c = NULL;
	cr_assert_eq(ip_capture_from_buffer(&c, a, name, text, strlen(text)), 0, "%s", name);
	c->has_mtime = s->mtime != 0;
	c->mtime = s->mtime;
	return c;
}

static const char *conflict_text(const ip_device_set *set)
{
	for (size_t i = 0; i < set->diags.n; i++)
		if (set->diags.v[i].kind == IP_DIAG_CONFLICT && strstr(set->diags.v[i].message, "running image"))
			return set->diags.v[i].message;
	return NULL;
}

static bool refused_for_conflict(const ip_plan *p)
{
	for (size_t i = 0; i < p->n_reasons; i++)
		if (strstr(p->reasons[i], "the captures disagree on the running image"))
			return true;
	return false;
}

static void check_order(const order_case *c, bool swap)
{
	ip_device_set *set = ip_device_set_new();
	const char *na = c->a.kind == RANCID ? "a.rancid" : c->a.kind == OXIDIZED ? "a.oxidized" : "a.log";
	const char *nb = c->b.kind == RANCID ? "b.rancid" : c->b.kind == OXIDIZED ? "b.oxidized" : "b.log";
	ip_capture *caps[2] = { capture_of(set->arena, c->p, &c->a, na),
				capture_of(set->arena, c->p, &c->b, nb) };
	if (swap) {
		ip_capture *x = caps[0];
		caps[0] = caps[1];
		caps[1] = x;
	}
	cr_assert_eq(ip_device_set_add_captures(set, caps, 2), 0);
	cr_assert_eq(set->n, 1, "%s: one device", c->name);
	const ip_device *d = set->v[0];
	const char *msg = conflict_text(set);
	cr_assert(msg, "%s: the disagreement is reported", c->name);
	cr_assert(strstr(msg, c->basis), "%s (swap %d): '%s' in: %s", c->name, swap, c->basis, msg);
	const char *a_img = img(c->p, c->a.newer_image), *b_img = img(c->p, c->b.newer_image);
	ip_target *t = ip_target_from_name(set->arena, "c2900-universalk9-mz.SPA.157-3.M8.bin", "--target");
	ip_plan p;
	ip_plan_build(&p, set->arena, d, t, NULL);
	if (c->want) {
		const char *want = c->want == 'a' ? a_img : b_img;
		cr_assert_str_eq(d->system_image.raw, want, "%s (swap %d): the newer capture's image",
				 c->name, swap);
		cr_assert_eq(d->n_conflicts, 0, "%s: ordered, so nothing blocks", c->name);
		cr_assert(!refused_for_conflict(&p), "%s: the plan is not refused for it", c->name);
		cr_assert(strstr(msg, "its capture is newer"), "%s: says which won: %s", c->name, msg);
		/* and the plan tells its reviewer which value it rests on, and why */
		bool said = false;
		for (size_t i = 0; i < p.n_warnings; i++)
			said |= strstr(p.warnings[i], "disagree on the running image: the plan uses") &&
				strstr(p.warnings[i], want) && strstr(p.warnings[i], c->basis);
		cr_assert(said, "%s (swap %d): the plan's warnings name %s", c->name, swap, want);
	} else {
		bool image = false; /* and the version, or the register, as the files differ */
		for (size_t i = 0; i < d->n_conflicts; i++)
			image |= strcmp(d->conflicts[i].what, "running image") == 0;
		cr_assert(d->n_conflicts >= 2 && image, "%s: the image among %zu unordered", c->name,
			  d->n_conflicts);
		cr_assert(p.refused && refused_for_conflict(&p), "%s: the plan refuses", c->name);
		/* the refusal names both places and the capture that settles it */
		bool both = false;
		for (size_t i = 0; i < p.n_reasons; i++)
			both |= strstr(p.reasons[i], "a.") && strstr(p.reasons[i], "b.") &&
				strstr(p.reasons[i], "show clock");
		cr_assert(both, "%s: the reason names a.*, b.* and show clock", c->name);
	}
	ip_device_set_free(set);
}

IP_TABLE_PARAMS(source_order, cases, cases)
ParameterizedTest(size_t *row, source_order, cases)
{
	check_order(&cases[*row], false);
	check_order(&cases[*row], true);
}

/* --- the times themselves ------------------------------------------------------------ */

Test(source_order, civil)
{
	int64_t t;
	cr_assert(ip_capture_time_civil(&t, 1970, 1, 1, 0, 0, 0));
	cr_assert_eq(t, 0);
	cr_assert(ip_capture_time_civil(&t, 2026, 3, 5, 9, 31, 10));
	cr_assert_eq(t, 1772703070);
	cr_assert(ip_capture_time_civil(&t, 2024, 2, 29, 0, 0, 0));
	cr_assert_eq(t, 1709164800);
	cr_assert(!ip_capture_time_civil(&t, 2026, 13, 1, 0, 0, 0));
	cr_assert(!ip_capture_time_civil(&t, 2026, 2, 29, 0, 0, 0), "2026 is no leap year");
	cr_assert(ip_capture_time_civil(&t, 2000, 2, 29, 0, 0, 0), "2000 is");
}

/* Lines that look like a clock but are not one are not read as one. */
Test(source_order, not_clocks)
{
	static const char text[] =
		"R1#show clock\n"
		"09:31:10.123 UTC Thu Mar 5 2026 extra\n"    /* trailing text */
		"99:31:10.123 UTC Thu Mar 5 2026\n"          /* no such hour */
		"09:31:10.123 UTC Thu Foo 5 2026\n"          /* no such month */
		"1 09:31:10 UTC Thu Mar 5 2026\n"            /* a table row */
		"Time source is NTP 09:31:10.123 UTC Thu Mar 5 2026\n" /* no comma */
		"09:-1:10.123 UTC Thu Mar 5 2026\n"          /* a negative minute */
		"R1#\n";
	ip_arena *a = ip_arena_new();
	ip_capture *c = NULL;
	cr_assert_eq(ip_capture_from_buffer(&c, a, "x.log", text, sizeof(text) - 1), 0);
	ip_capture_time t;
	ip_capture_time_read(&t, c);
	cr_assert(!t.clock.known);
	ip_arena_free(a);
}

/* From disk: ip_capture_read keeps the modification time. */
Test(source_order, mtime_from_disk)
{
	char dir[256], path[512];
	test_tmpdir_make(dir, sizeof(dir), "srcorder");
	snprintf(path, sizeof(path), "%s/show_version.txt", dir);
	FILE *f = fopen(path, "w");
	cr_assert(f);
	fputs("R1#show clock\n*09:31:10.123 UTC Thu Mar 5 2026\nR1#\n", f);
	fclose(f);
	struct timespec ts[2] = { { 1772000000, 0 }, { 1772000000, 0 } };
	cr_assert_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
	ip_arena *a = ip_arena_new();
	ip_capture *c = NULL;
	cr_assert_eq(ip_capture_read(&c, a, path), 0);
	ip_capture_time t;
	ip_capture_time_read(&t, c);
	cr_assert(t.has_mtime);
	cr_assert_eq(t.mtime, 1772000000);
	cr_assert(t.clock.known && t.clock.unsynced);
	cr_assert_str_eq(t.clock.zone, "UTC");
	cr_assert_eq(t.clock.at.line, 2);
	ip_arena_free(a);
	test_tmpdir_remove(dir);
}

/* R0 of the plan's proof: a plan proved on a device whose files then turn
 * out to disagree with nothing to order them is no longer proved. */
Test(source_order, proof_refuses_a_guessed_state)
{
	ip_device_set *set = test_load_samples("netstuts-r1.log", NULL);
	ip_target *t = ip_target_from_name(set->arena, "isr4300-universalk9.16.12.04.SPA.bin", "t");
	t->size.known = true;
	t->size.v = 521347072;
	t->md5 = "0123456789abcdef0123456789abcdef";
	ip_plan p;
	ip_plan_build(&p, set->arena, set->v[0], t, NULL);
	cr_assert(!p.refused && p.proof.proven, "the untouched plan is proven");
	ip_device *d = set->v[0];
	ip_source_conflict c = { "running image", "bootflash:a.bin", "bootflash:b.bin",
				 { "x.log", 3, 1, 3, 1 }, { "y.log", 9, 1, 9, 1 }, "nothing orders them" };
	d->conflicts = &c;
	d->n_conflicts = 1;
	ip_plan_proof proof;
	ip_plan_prove(&proof, set->arena, &p);
	cr_assert(!proof.proven, "R0 noticed");
	cr_assert(strstr(proof.violations[0], "x.log:3, y.log:9"), "%s", proof.violations[0]);
	d->n_conflicts = 0;
	ip_device_set_free(set);
}
